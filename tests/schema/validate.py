#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema, and checks that it rejects unknown keys.

Usage: validate.py SCHEMA.json DOCUMENT.json... > REPORT.json

Each document must validate. Then, once for every kind of object the documents hold (its
path with the array positions left out, `/body/*/subparagraphs/*`), a copy of the document
with one unknown key added to that object must not. The report is a JSON object:
{"valid": n, "invalid": [[file, error]], "rejected": [pointer], "accepted": [[file, pointer]]}.
Exit status 3 (with the reason on stderr) when the `jsonschema` package is missing.
"""

import copy
import json
import sys

MISSING = 3
UNKNOWN = "unknown_key"


def objects(value, pointer=""):
    """(pointer, object) for every object in `value`, outermost first."""
    if isinstance(value, dict):
        yield pointer, value
        for k, v in value.items():
            yield from objects(v, f"{pointer}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from objects(v, f"{pointer}/{i}")


def at(value, pointer):
    for part in pointer.split("/")[1:]:
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def shape(doc, pointer):
    """The pointer with array positions replaced by `*`, and the `type` tag of the object."""
    parts = ["*" if p.isdigit() else p for p in pointer.split("/")]
    tag = at(doc, pointer).get("type")
    return "/".join(parts) + (f"[{tag}]" if isinstance(tag, str) else "")


def main():
    try:
        import jsonschema
    except ImportError:
        print("python package jsonschema missing (pip install jsonschema)", file=sys.stderr)
        sys.exit(MISSING)
    with open(sys.argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    report = {"valid": 0, "invalid": [], "rejected": [], "accepted": []}
    seen = set()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        if error is not None:
            report["invalid"].append([path, f"{error.json_path}: {error.message}"])
            continue
        report["valid"] += 1
        for pointer, _ in list(objects(doc)):
            key = shape(doc, pointer)
            if key in seen:
                continue
            seen.add(key)
            bad = copy.deepcopy(doc)
            at(bad, pointer)[UNKNOWN] = True
            if validator.is_valid(bad):
                report["accepted"].append([path, pointer])
            else:
                report["rejected"].append(key)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
