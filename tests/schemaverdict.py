#!/usr/bin/python3
"""Compare what a standard JSON Schema validator (python3-jsonschema,
draft 2020-12) says of documents with what `planverk check` says.
For each FILE: "FILE schema=valid|invalid" on one line.  The published
schema is what editors use, so it must accept every document check
accepts; check also enforces rules a schema cannot state (sums, real
dates, references), so the other way round is compared by the caller.

usage: schemaverdict.py TEMPLATES_DIR FILE.json...
"""
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
import jsonschema  # noqa: E402


def main():
    tdir = sys.argv[1]
    schemas = {}
    for f in sys.argv[2:]:
        try:
            with open(f, encoding="utf-8") as fh:
                doc = json.load(fh)
        except (ValueError, UnicodeDecodeError):
            print(f, "schema=invalid")
            continue
        t = doc.get("type") if isinstance(doc, dict) else None
        path = os.path.join(tdir, str(t), "schema.json")
        if not isinstance(t, str) or not os.path.exists(path):
            print(f, "schema=invalid")
            continue
        if t not in schemas:
            with open(path, encoding="utf-8") as fh:
                s = json.load(fh)
            jsonschema.Draft202012Validator.check_schema(s)
            schemas[t] = jsonschema.Draft202012Validator(
                s, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        ok = not any(True for _ in schemas[t].iter_errors(doc))
        print(f, "schema=" + ("valid" if ok else "invalid"))


if __name__ == "__main__":
    main()
