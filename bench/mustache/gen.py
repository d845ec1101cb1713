#!/usr/bin/env python3
"""bench/mustache/gen.py N - a JSON data set of N list items for the
Mustache benchmark (bench/mustache/run.sh), written to standard output.

Each item is small (the load stage reads at most 64 MiB, and a million
items must fit: about 56 bytes each) but exercises the engine: a nested
list (t), a boolean for a section and an inverted section (ok), a number
(s), text that needs escaping (n), and names found further up the
context stack (unit, meta.year).
"""
import sys

n = int(sys.argv[1])
w = sys.stdout.write
w('{"title":"Tiltaksplan <utkast>","unit":"kr","meta":{"year":2025},'
  '"items":[\n')
for i in range(n):
    w('%s{"id":%d,"n":"T%d&","ok":%s,"s":%d,"t":[%d,%d]}\n' % (
        "," if i else "", i, i, "true" if i % 3 else "false",
        (i * 7919) % 100000, i % 10, i % 7))
w(']}\n')
