"""The text of PDFs as PyMuPDF users extract it: each page's `get_text()`, pages joined
(`"".join(...)`, or with `-f` by form feeds).

    python3 tests/pymupdf_text.py [-f] FILE.pdf          prints the text
    python3 tests/pymupdf_text.py [-f] -o DIR FILE.pdf…  writes DIR/FILE.txt for each

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


def text(path, sep):
    with pymupdf.open(path) as doc:
        return sep.join(page.get_text() for page in doc)


def main(args):
    sep = ""
    if args[:1] == ["-f"]:
        sep = "\f"
        args = args[1:]
    if len(args) >= 2 and args[0] == "-o":
        out = args[1]
        os.makedirs(out, exist_ok=True)
        for path in args[2:]:
            name = os.path.splitext(os.path.basename(path))[0] + ".txt"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(text(path, sep))
        return 0
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(text(args[0], sep))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
