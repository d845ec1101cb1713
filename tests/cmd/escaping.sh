#!/bin/sh
# Every user string reaches the XHTML escaped.  The templates insert only
# members ending in "html" unescaped ({{{...}}} or {{&...}}); enrich makes
# those from Markdown (raw HTML dropped) or from plain text escaped.  The
# test puts < & " ' and a closing-tag injection into every free-text string
# of a plan that uses every field of the model (tests/fixtures/enrich/
# full.json), builds it, and checks that each text comes out literally,
# that no heading or bookmark was added, and that the metadata is literal.
. "$(dirname "$0")/../lib.sh"

for tool in python3 pdftotext pdfinfo qpdf; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		fail "escaping: $tool is installed (needed by this test)"
		exit 0
	fi
done

# 1. the templates: unescaped insertions name markup members only
bad=$(grep -on '{{{[^}]*}}}\|{{&[^}]*}}' "$top"/templates/*/*.mustache |
    sed 's/{{[{&] *\([^ }]*\) *}*$/\1/' | grep -v ':html$\|_html$')
if [ -z "$bad" ]; then
	ok "escaping: templates insert only *html members unescaped"
else
	fail "escaping: templates insert only *html members unescaped" "$bad"
fi

# 2. the hostile plan
python3 - "$FIX/enrich/full.json" "$TMP/hostile.json" "$TMP/tokens.json" <<'PY'
import json, os, sys
src, dst, tokfile = sys.argv[1:4]
doc = json.load(open(src))
base = os.path.dirname(os.path.abspath(src))
PAYLOAD = " P<Q & R \"S\" 'T' </td></tr></tbody></table><h1>X</h1>"
# values the schema constrains (ids, references, enums, dates, formats)
KEEP = {"type", "id", "lang", "ref", "url", "image", "logo", "width",
        "align", "direction", "date_style", "date", "deadline", "from", "to",
        "orgnr", "indicators"}
MD = {"text", "background", "national", "description", "topic",
      "preparation", "participants", "names"}
tokens = []

def walk(v, path, parent_key, in_block):
    if isinstance(v, dict):
        for k in list(v):
            v[k] = walk(v[k], path + [k], k, in_block | kind(k))
        return v
    if isinstance(v, list):
        return [walk(x, path + [i], parent_key, in_block)
                for i, x in enumerate(v)]
    if not isinstance(v, str):
        return v
    key = parent_key
    if key in ("image", "logo"):
        return os.path.join(base, v)
    if key in KEEP:
        return v
    if key == "responsible" and "calendar" not in in_block:
        return v            # measure: ids of people
    if key == "email" and "peopleblock" not in in_block:
        return v            # the registry: an e-mail address
    if key == "level" and "indicators" not in in_block:
        return v            # measures: an enum
    if key == "columns" and "calendar" in in_block:
        return v            # calendar: an enum
    # Markdown: raw HTML in it is dropped, the rest printed literally;
    # column titles of a table are printed as header cells (Markdown)
    md = (key in MD or key in ("content", "subgoals", "rows", "header",
                               "responsible", "email") or
          ("table" in in_block and key in ("columns", "title")))
    n = len(tokens)
    tok = "Z%dZ" % n
    tokens.append({"token": tok, "md": md,
                   "path": ".".join(str(p) for p in path)})
    return v + " " + tok + PAYLOAD

def kind(k):
    return {"calendar": {"calendar"}, "people": {"peopleblock"},
            "indicators": {"indicators"}, "table": {"table"}}.get(k, set())

# "people" at the top is the registry, not a block
reg = doc.pop("people")
doc = walk(doc, [], None, set())
doc["people"] = walk(reg, ["people"], None, set())
json.dump(doc, open(dst, "w"), ensure_ascii=False, indent=1)
json.dump(tokens, open(tokfile, "w"))
PY
[ $? -eq 0 ] || { fail "escaping: the hostile plan is made"; exit 0; }

run check "$TMP/hostile.json"
expect_rc "escaping: the hostile plan is valid" 0
run build "$FIX/enrich/full.json" -o "$TMP/plain.pdf"
expect_rc "escaping: the full-featured plan builds" 0
run build "$TMP/hostile.json" -o "$TMP/hostile.pdf"
expect_rc "escaping: the hostile plan builds" 0
[ -s "$TMP/hostile.pdf" ] || exit 0

pdftotext -raw "$TMP/hostile.pdf" "$TMP/hostile.txt"
pdfinfo "$TMP/hostile.pdf" >"$TMP/info.txt"
qpdf --json --json-key=outlines "$TMP/plain.pdf" >"$TMP/plain.outl"
qpdf --json --json-key=outlines "$TMP/hostile.pdf" >"$TMP/hostile.outl"
python3 - "$TMP/tokens.json" "$TMP/hostile.txt" "$TMP/info.txt" \
    "$TMP/plain.outl" "$TMP/hostile.outl" <<'PY'
import json, re, sys
tokens = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
info = open(sys.argv[3], encoding="utf-8", errors="replace").read()
def outlines(f):
    def count(items):
        return sum(1 + count(i.get("kids", [])) for i in items)
    def titles(items):
        for i in items:
            yield i.get("title", "")
            yield from titles(i.get("kids", []))
    o = json.load(open(f))["outlines"]
    return count(o), list(titles(o))
flat = re.sub(r"\s+", "", re.sub(r"-\n", "", text))
full = "P<Q&R\"S\"'T'</td></tr></tbody></table><h1>X</h1>"
reduced = "P<Q&R\"S\"'T'X"
# printed elsewhere than in the text: PDF metadata; not printed at all
ELSEWHERE = {"meta.author", "meta.keywords.0", "meta.keywords.1",
             "body.0.content.4.figure.alt"}
# (column titles of a table with header rows are not printed)
NOT_PRINTED = {"people.0.phone", "body.1.content.2.indicators.items.0.source",
               "body.1.content.4.table.columns.0",
               "body.1.content.4.table.columns.1"}
bad = []
for t in tokens:
    p = t["path"]
    if p in ELSEWHERE or p in NOT_PRINTED:
        continue
    want = [t["token"] + full] + ([t["token"] + reduced] if t["md"] else [])
    if not any(w in flat for w in want):
        i = flat.find(t["token"])
        bad.append("%s (%s): %s" % (p, t["token"],
                   "not in the PDF" if i < 0 else flat[i:i + 60]))
for t in tokens:
    if t["path"] in ("meta.author", "meta.keywords.0", "meta.title",
                     "meta.owner.name"):
        if t["token"] + " P<Q & R \"S\" 'T' </td>" not in info:
            bad.append("%s: not literal in the PDF metadata" % t["path"])
n_plain, _ = outlines(sys.argv[4])
n_host, titles = outlines(sys.argv[5])
if n_plain != n_host:
    bad.append("bookmarks: %d, but %d without the hostile text" %
               (n_host, n_plain))
if "X" in titles:
    bad.append("a bookmark \"X\" was added")
print("# %d strings checked" % len(tokens))
for b in bad:
    print("#   " + b)
sys.exit(1 if bad else 0)
PY
if [ $? -eq 0 ]; then
	ok "escaping: every string comes out literally, no element added"
else
	fail "escaping: every string comes out literally, no element added"
fi

# 3. the issue's reproducers: '&' in a place, a closing tag in a time
python3 - "$FIX/check/good.json" "$TMP" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ev = d["body"][0]["content"][4]["calendar"]["events"][0]
ev["place"] = "Møterom A & B"
json.dump(d, open(sys.argv[2] + "/amp.json", "w"), ensure_ascii=False)
ev["time"] = "</td></tr></tbody></table><h1>X</h1><table><tbody><tr><td>"
json.dump(d, open(sys.argv[2] + "/inject.json", "w"), ensure_ascii=False)
PY
run build "$TMP/amp.json" -o "$TMP/amp.pdf"
expect_rc "escaping: a calendar place with '&' builds" 0
if pdftotext "$TMP/amp.pdf" - 2>/dev/null | grep -qF "Møterom A & B"; then
	ok "escaping: the place is printed as written"
else
	fail "escaping: the place is printed as written"
fi
run build "$TMP/inject.json" -o "$TMP/inject.pdf"
expect_rc "escaping: a calendar time with closing tags builds" 0
if pdftotext -raw "$TMP/inject.pdf" - 2>/dev/null | tr -d ' \n' |
    grep -qF "</td></tr></tbody></table><h1>X</h1>"; then
	ok "escaping: the time is printed as written, no chapter added"
else
	fail "escaping: the time is printed as written, no chapter added"
fi
