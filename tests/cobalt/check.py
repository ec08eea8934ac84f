#!/usr/bin/env python3
"""Loads AKN files with cobalt (Laws.Africa's Akoma Ntoso library) as tests/akn_cobalt.rs asks.

Usage: check.py MANIFEST.json, a list of {"xml": PATH, "truth": PATH or null, "work": KEY}.

For each file: it loads as its document type, passes cobalt's strict schema check, every
FRBRthis/FRBRuri is ASCII and parses with FrbrUri.parse, and cobalt's `title` equals the
truth's title (when there is a truth). Across the files: files of different `work` keys (two
resolutions) never share a Work IRI, and the files of one key (the language versions of one
resolution) share one. Prints one line per problem and a summary line; exits 1 on any
problem, 3 when cobalt is not installed.
"""
import json
import os
import sys

try:
    import cobalt
    from cobalt import FrbrUri
    from cobalt.schemas import validate
except ImportError:
    print("cobalt is not installed (pip install cobalt)", file=sys.stderr)
    sys.exit(3)
from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def check(path, truth_path, key, problems, works):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        xml = f.read()
    root = etree.fromstring(xml)
    doc_el = next(iter(root))
    kind = etree.QName(doc_el).localname
    klass = cobalt.StructuredDocument.for_document_type(kind)
    if klass is None:
        problems.append(f"{name}: cobalt has no class for <{kind}>")
        return
    try:
        doc = klass(xml.decode("utf-8"))
    except Exception as e:  # noqa: BLE001 - report whatever cobalt raises
        problems.append(f"{name}: does not load: {e}")
        return
    ok, errors = validate(doc, strict=True)
    if not ok:
        first = str(errors[0]) if errors else "?"
        problems.append(f"{name}: strict schema check fails ({len(errors)}): {first}")
    for el in root.iter(f"{{{NS}}}FRBRthis", f"{{{NS}}}FRBRuri"):
        value = el.get("value")
        try:
            FrbrUri.parse(value)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{name}: {etree.QName(el).localname} {value!r} does not parse: {e}")
        if not value.isascii():
            problems.append(f"{name}: {etree.QName(el).localname} {value!r} is not ASCII")
    try:
        work = doc.frbr_uri.work_uri()
    except Exception as e:  # noqa: BLE001
        problems.append(f"{name}: frbr_uri raises: {e}")
        work = None
    if truth_path:
        with open(truth_path, encoding="utf-8") as f:
            want = json.load(f).get("title")
        if want is not None and doc.title != want:
            problems.append(f"{name}: title {doc.title!r}, truth {want!r}")
    if work is not None:
        works.setdefault(work, set()).add(key)
        works.setdefault(("key", key), set()).add(work)


def main(args):
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 64
    with open(args[0], encoding="utf-8") as f:
        files = json.load(f)
    problems, works = [], {}
    for entry in files:
        check(entry["xml"], entry.get("truth"), entry["work"], problems, works)
    for key, values in sorted(works.items(), key=str):
        if isinstance(key, tuple):
            if len(values) > 1:
                problems.append(f"{key[1]}: its language versions have {len(values)} Work IRIs: {sorted(values)}")
        elif len(values) > 1:
            problems.append(f"{key}: the Work IRI of {len(values)} resolutions: {sorted(values)}")
    for p in problems:
        print(p)
    print(f"cobalt: {len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
