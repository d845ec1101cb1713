#!/usr/bin/env python3
"""A valid kompetanseplan with one table of ROWS rows, for bench/check.

    gen_table.py ROWS > plan.json

Rows mix text, whole and decimal numbers, cell objects and empty cells,
so that the schema's cell union tries several branches and rejects some
(a number is tried as text first, a decimal as a whole number) in every
row.  Before positions were computed only for printed diagnostics, each
rejected branch scanned the file from its start: quadratic."""
import json
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
table = {"columns": ["Skole", "Antall", "Andel", "Merknad"],
         "rows": [[f"Skole {i}", i % 97, i % 89 + 0.5,
                   {"text": f"Merknad {i}", "align": "right"} if i % 2 else None]
                  for i in range(rows)]}
doc = {"type": "kompetanseplan",
       "meta": {"title": "Tabell", "owner": {"name": "Eksempel kommune"},
                "period": {"from": 2025, "to": 2028}, "lang": "nb"},
       "body": [{"title": "Tabell", "content": [{"table": table}]}]}
json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
print()
