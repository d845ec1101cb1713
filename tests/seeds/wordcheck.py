#!/usr/bin/env python3
"""Compare the words of a seed text with the words of a planverk document.

    wordcheck.py SEED.txt DOC.json     words of every JSON string, in order
    wordcheck.py SEED.txt DOC.pdf      words pdftotext gives back
    wordcheck.py SEED.txt DOC.txt      words of a plain text

Prints the coverage (share of the seed's words found in order) and the
longest runs of seed words that are missing, so a transcriber can see what
was dropped.  Exit status 1 when coverage is below --min (default 0).
Words are compared case-insensitively, without punctuation, bullets and
hyphenation breaks, since the seeds are text extracted from PDFs.
"""
import difflib
import json
import re
import subprocess
import sys

WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ɏ]+")
SKIP_KEYS = {"id", "$schema", "type", "ref", "lang", "direction", "align",
             "width", "image"}
# Keys that hold references (ids) when their value is a string or a list of
# strings, and content otherwise (an "indicators" block holds indicators).
REF_KEYS = {"responsible", "indicators"}


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def json_strings(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in SKIP_KEYS or k.startswith("_"):
                continue
            if k in REF_KEYS and (isinstance(v, str) or (
                    isinstance(v, list) and all(isinstance(x, str) for x in v))):
                continue
            json_strings(v, out)
    elif isinstance(node, list):
        for v in node:
            json_strings(v, out)
    elif isinstance(node, str):
        out.append(node)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        out.append(str(node))


def doc_words(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            parts = []
            json_strings(json.load(f), parts)
        return words("\n".join(parts))
    if path.endswith(".pdf"):
        txt = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                             capture_output=True, check=True).stdout
        # Join words hyphenated at line ends.
        t = re.sub(r"(\w)-\n(\w)", r"\1\2", txt.decode("utf-8"))
        return words(t)
    with open(path, encoding="utf-8") as f:
        return words(f.read())


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    minimum = 0.0
    for a in sys.argv[1:]:
        if a.startswith("--min="):
            minimum = float(a[6:])
    if len(args) != 2:
        print(__doc__)
        return 2
    with open(args[0], encoding="utf-8") as f:
        seed = words(f.read())
    doc = doc_words(args[1])
    sm = difflib.SequenceMatcher(None, seed, doc, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    cov = matched / max(1, len(seed))
    print(f"{args[1]}: {matched}/{len(seed)} seed words in order "
          f"({cov:.1%}); document has {len(doc)} words")
    gaps = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("delete", "replace") and i2 - i1 >= 3:
            gaps.append((i2 - i1, i1, " ".join(seed[i1:i2])))
    gaps.sort(reverse=True)
    for n, i, text in gaps[:15]:
        print(f"  missing {n} words at seed word {i}: {text[:160]}")
    return 0 if cov >= minimum else 1


if __name__ == "__main__":
    sys.exit(main())
