#!/bin/sh
# Enrich trusts nothing a type folder's schema might not guarantee.  With a
# copy of templates/kompetanseplan/ whose schema requires and constrains
# nothing (tests/fixtures/enrich/permissive/schema.json, selected through
# PLANVERK_HOME), every missing or wrong-typed member is an error with its
# JSON path and exit 1, never a crash:
#   - tests/fixtures/enrich/shapes/NAME.json beside NAME.expected (exact
#     stderr and exit status), globbed;
#   - every member of a full-featured plan deleted, and replaced by values
#     of every other kind, checked in batches;
#   - a Markdown field just over MARKDOWN_MAX_INPUT is refused by name.
. "$(dirname "$0")/../lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	fail "enrich-shapes: python3 is installed (needed by this test)"
	exit 0
fi

home="$TMP/home"
mkdir -p "$home/templates"
cp -R "$top/templates/kompetanseplan" "$home/templates/"
cp "$FIX/enrich/permissive/schema.json" "$home/templates/kompetanseplan/"
ln -s "$top/fonts" "$home/fonts"

cd "$FIX/enrich/shapes" || exit 1
for f in *.json; do
	n=${f%.json}
	PLANVERK_HOME=$home $PLANVERK check "$f" >"$TMP/out" 2>"$TMP/err"
	echo "rc=$?" >>"$TMP/err"
	if cmp -s "$TMP/err" "$n.expected" && [ ! -s "$TMP/out" ]; then
		ok "enrich-shapes $n: the exact message"
	else
		fail "enrich-shapes $n: the exact message" \
		    "$(diff "$n.expected" "$TMP/err" | head -10)"
	fi
done
cd "$top" || exit 1

# the issue's reproducer, through build as well
PLANVERK_HOME=$home run build "$FIX/enrich/shapes/measure-id-missing.json" \
    -o "$TMP/x.pdf"
expect_rc "enrich-shapes: build of a measure without id is an input error" 1
expect_err_has "enrich-shapes: build names the measure's path" \
    'body[0].content[1].goals[0].measures[0]: "id" is missing (it is required)'
if [ ! -e "$TMP/x.pdf" ]; then ok "enrich-shapes: no PDF is written"; else
	fail "enrich-shapes: no PDF is written"; fi

# every member deleted or of another kind
mkdir -p "$TMP/mut"
python3 - "$FIX/enrich/full.json" "$TMP/mut" <<'PY'
import copy, json, os, sys
src, out = sys.argv[1:3]
doc = json.load(open(src))
base = os.path.dirname(os.path.abspath(src))
doc["meta"]["owner"]["logo"] = os.path.join(base, doc["meta"]["owner"]["logo"])
fig = doc["body"][0]["content"][4]["figure"]
fig["image"] = os.path.join(base, fig["image"])
OTHERS = [None, True, -1, 0.5, 1e300, "", "x", [], {}, [1], {"a": 1}]
paths = []
def walk(v, path):
    paths.append(path)
    if isinstance(v, dict):
        for k in v:
            walk(v[k], path + [k])
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk(x, path + [i])
walk(doc, [])
n = 0
def emit(d):
    global n
    json.dump(d, open(os.path.join(out, "m%05d.json" % n), "w"),
              ensure_ascii=False)
    n += 1
for p in paths[1:]:
    parent = doc
    for k in p[:-1]:
        parent = parent[k]
    old = parent[p[-1]]
    if isinstance(parent, dict):
        d = copy.deepcopy(doc)
        t = d
        for k in p[:-1]:
            t = t[k]
        del t[p[-1]]
        emit(d)
    for o in OTHERS:
        if type(o) == type(old) and o == old:
            continue
        parent[p[-1]] = o
        emit(doc)
    parent[p[-1]] = old
print(n, file=sys.stderr)
PY
count=$(ls "$TMP/mut" | wc -l)
crashes=0
badmsg=0
for batch in $(cd "$TMP/mut" && ls | sed 's/\(m[0-9][0-9][0-9]\).*/\1/' |
    sort -u); do
	PLANVERK_HOME=$home $PLANVERK check "$TMP/mut/$batch"*.json \
	    >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		crashes=$((crashes + 1))
		echo "# exit status $rc in batch $batch"
	fi
	# every line a located error with a path, or the count
	if grep -v '^planverk check: ' "$TMP/err" |
	    grep -qv '^/[^:]*\.json:[0-9]*:[0-9]*: error: [^ ]*: \|^/[^:]*\.json:1:1: error: '; then
		badmsg=$((badmsg + 1))
		grep -v '^planverk check: ' "$TMP/err" |
		    grep -v '^/[^:]*\.json:[0-9]*:[0-9]*: error: [^ ]*: \|^/[^:]*\.json:1:1: error: ' |
		    head -3 | sed 's/^/#   /'
	fi
done
if [ "$crashes" -eq 0 ] && [ "$count" -gt 1000 ]; then
	ok "enrich-shapes: $count mutated plans, none crashes"
else
	fail "enrich-shapes: $count mutated plans, none crashes" \
	    "$crashes batches ended with a status above 1"
fi
if [ "$badmsg" -eq 0 ]; then
	ok "enrich-shapes: every problem is a located error with its path"
else
	fail "enrich-shapes: every problem is a located error with its path"
fi

# Markdown: just over the limit is refused, at the limit rendered
for n in 1048576 1048577; do
	python3 - "$FIX/check/good.json" "$TMP/md$n.json" "$n" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[3])
word = "ordene "
text = (word * (n // len(word) + 1))[:n - 1] + "."
d["body"][0]["content"].append({"text": text})
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
done
run check "$TMP/md1048576.json"
expect_rc "enrich-shapes: a Markdown field of exactly 1 MiB is taken" 0
run check "$TMP/md1048577.json"
expect_rc "enrich-shapes: a Markdown field of 1 MiB + 1 byte is refused" 1
expect_err_has "enrich-shapes: the refusal names the field and the limit" \
    "body[0].content[5].text: the text is 1048577 bytes long; one text field may hold at most 1048576 bytes (MARKDOWN_MAX_INPUT)"

# Markdown nesting: quotes inside quotes to MARKDOWN_MAX_DEPTH are built
# (23 quotes and the paragraph in the innermost), one more is refused.
for n in 23 24; do
	python3 - "$FIX/check/good.json" "$TMP/deep$n.json" "$n" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[3])
d["body"][0]["content"].append({"text": "> " * n + "innerst sitat"})
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
done
run build "$TMP/deep23.json" -o "$TMP/deep23.pdf"
expect_rc "enrich-shapes: Markdown nested MARKDOWN_MAX_DEPTH deep is built" 0
# (23 nested boxes leave a narrow column: a letter or two a line)
if pdftotext "$TMP/deep23.pdf" - 2>/dev/null | tr -d ' \n' |
    grep -q "innerstsitat"; then
	ok "enrich-shapes: the innermost quote reaches the page"
else
	fail "enrich-shapes: the innermost quote reaches the page"
fi
run check "$TMP/deep24.json"
expect_rc "enrich-shapes: Markdown nested one deeper is refused" 1
expect_err_has "enrich-shapes: the refusal names the field and the limit" \
    "body[0].content[5].text: the text nests quotes, lists or emphasis more than 24 deep (MARKDOWN_MAX_DEPTH)"
