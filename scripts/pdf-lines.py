#!/usr/bin/env python3
"""Compares our PDF with the official print, line by line.

    scripts/pdf-lines.py BIN [SHARED] [-- EXTRA UNRES OPTIONS]

For every official PDF in SHARED/official-pdf (default ../shared), converts the corpus
text SHARED/corpus/<NAME>.en.txt with `BIN convert --to pdf`, runs `pdftotext -layout`
on ours and the official, drops running heads, folios and job numbers, and reports:

  (a) the share of the official's line-final words that also end a line of ours
      (the word streams of both are aligned first, so a word missing on one side
      does not shift the rest); per document and the median;
  (b) whether the page counts are equal; the share of documents where they are;
  (c) hyphenated line ends of ours the official does not have: words broken by a
      hyphen of ours (hyphenation), and, apart, breaks after a hyphen of the text
      (`non-` / `governmental`) where the official breaks elsewhere.

Needs pdftotext and pdfinfo (poppler-utils).
"""

import difflib
import os
import re
import statistics
import subprocess
import sys
import tempfile

# Furniture lines: the running head (the symbol, alone or beside the title; the lines of a
# long title above it are kept, on both sides alike), the folio (2/5), the job
# number (18-18142, with or without its language letter and release code), and the
# barcode text (*1818142*).
FURNITURE = [
    re.compile(r"^\s*[A-Z]+/RES/\S+\s*$"),
    # The running head with the title beside the symbol.
    re.compile(r"^\s*[A-Z]+/RES/\S+\s{3,}\S.*$"),
    re.compile(r"^.*\S\s{3,}[A-Z]+/RES/\S+\s*$"),
    re.compile(r"^\s*\d+/\d+\s*$"),
    re.compile(r"^\s*(\d+/\d+\s+)?\d{2}-\d{5}(\s*\([A-Z]\))?(\s+\d{6})?(\s+\d+/\d+)?\s*$"),
    re.compile(r"^\s*\*\d+\*\s*$"),
]


def text_lines(pdf):
    out = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = []
    for line in out.replace("\f", "\n").split("\n"):
        if not line.strip() or any(f.match(line) for f in FURNITURE):
            continue
        words = line.split()
        # The print sets a hyphen at a line end apart from its word ("capacity -").
        if len(words) > 1 and words[-1] in ("-", "\u2011"):
            words[-2:] = [words[-2] + "-"]
        lines.append(words)
    return lines


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def stream(lines):
    """Words in order, and for each whether it ends its line."""
    words, ends = [], []
    for line in lines:
        for i, w in enumerate(line):
            words.append(w)
            ends.append(i + 1 == len(line))
    return words, ends


def compare(ours_pdf, official_pdf):
    ours, off = text_lines(ours_pdf), text_lines(official_pdf)
    ow, oe = stream(ours)
    fw, fe = stream(off)
    sm = difflib.SequenceMatcher(None, fw, ow, autojunk=False)
    matched = [False] * len(fw)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            if oe[b + k] and fe[a + k]:
                matched[a + k] = True
    finals = sum(fe)
    share = sum(matched) / finals if finals else 1.0
    official_hyphens = {l[-1] for l in off if l and re.search(r"\w-$", l[-1])}
    # The official writes no-break hyphens (U+2011) where the corpus text may have plain ones.
    text = " ".join(fw).replace("\u2011", "-")
    inserted, explicit = [], []
    for line, nxt in zip(ours, ours[1:] + [[]]):
        if not line or not re.search(r"\w-$", line[-1]) or line[-1] in official_hyphens:
            continue
        # A hyphen of the text when the official has the two parts joined by it.
        joined = line[-1] + (nxt[0] if nxt else "")
        (explicit if joined in text else inserted).append(line[-1])
    return share, inserted, explicit


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        k = args.index("--")
        args, extra = args[:k], args[k + 1 :]
    if not args:
        sys.exit(__doc__)
    binary = os.path.abspath(args[0])
    shared = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "../../shared")
    official = os.path.join(shared, "official-pdf")
    shares, same_pages, hyphens, explicit = [], 0, 0, 0
    names = sorted(f[: -len("-EN.pdf")] for f in os.listdir(official) if f.endswith("-EN.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            src = os.path.join(shared, "corpus", name + ".en.txt")
            if not os.path.exists(src):
                continue
            subprocess.run(
                [binary, "convert", src, "--to", "pdf", "-o", tmp, "-q", *extra], check=True
            )
            ours = os.path.join(tmp, name + ".en.pdf")
            off = os.path.join(official, name + "-EN.pdf")
            share, extra_h, explicit_h = compare(ours, off)
            po, pf = pages(ours), pages(off)
            shares.append(share)
            same_pages += po == pf
            hyphens += len(extra_h)
            explicit += len(explicit_h)
            print(
                f"{name:22} line ends {share:5.2f}  pages {po:2}/{pf:2}"
                f"  hyphenated {len(extra_h)} {' '.join(extra_h)}"
                f"  at a text hyphen {len(explicit_h)} {' '.join(explicit_h)}"
            )
    n = len(shares)
    print(f"documents {n}")
    print(
        f"(a) median share of official line ends also ours: {statistics.median(shares):.2f}"
        f" (mean {statistics.mean(shares):.3f})"
    )
    print(f"(b) same page count: {same_pages}/{n} = {same_pages / n:.0%}")
    print(f"(c) hyphenated line ends the official lacks: {hyphens}")
    print(f"    breaks after a hyphen of the text where the official has none: {explicit}")


if __name__ == "__main__":
    main()
