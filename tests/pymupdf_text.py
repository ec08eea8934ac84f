"""The text of PDFs as PyMuPDF users extract it: each page's `get_text()`, pages joined.

    python3 tests/pymupdf_text.py FILE.pdf          prints the text
    python3 tests/pymupdf_text.py -o DIR FILE.pdf…  writes DIR/FILE.txt for each

Exits with 3 when PyMuPDF is not installed (`pip install pymupdf`).
"""

import os
import sys

try:
    import pymupdf
except ImportError:
    try:
        import fitz as pymupdf
    except ImportError:
        print("PyMuPDF not installed (pip install pymupdf)", file=sys.stderr)
        sys.exit(3)


def text(path):
    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def main(args):
    if len(args) >= 2 and args[0] == "-o":
        out = args[1]
        os.makedirs(out, exist_ok=True)
        for path in args[2:]:
            name = os.path.splitext(os.path.basename(path))[0] + ".txt"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(text(path))
        return 0
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(text(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
