#!/bin/sh
# tests/cmd/layout-errors.sh - a problem only layout can find, caused by
# what the adviser wrote (a table too wide to set, a footnote taller than
# a page foot holds), is reported at the plan's JSON member: file, line,
# column and path, with no line of XHTML as its place, no false lead
# about the templates, exit status 1 and no PDF (issue 13).
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1

# The first table of Søndre Land, widened to 40 columns.
python3 - input/sondre-land-kompetanseplan.json >"$TMP/wide.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
def widen(o):
    if isinstance(o, dict):
        if isinstance(o.get("table"), dict):
            t = o["table"]
            t["columns"] = [{"title": "Kolonne%d" % i} for i in range(40)]
            t["rows"] = [["Lærere med videreutdanning i norsk %d" % i] +
                         ["Kompetanse"] * 39 for i in range(3)]
            t.pop("header_column", None)
            return True
        return any(widen(v) for v in o.values())
    if isinstance(o, list):
        return any(widen(v) for v in o)
    return False
widen(p)
print(json.dumps(p, ensure_ascii=False, indent=1))
PY
line=$(grep -n '"table": {' "$TMP/wide.json" | head -1 | cut -d: -f1)
run build "$TMP/wide.json" -o "$TMP/wide.pdf"
expect_rc "layout errors: a table too wide to set is an input error" 1
expect_err_has "layout errors: at the table member, file:line:col: path" \
    "$TMP/wide.json:$line:6: error: body[4].content[6].table: table has 40 columns that cannot be set at a readable width"
expect_err_has "layout errors: the XHTML line is kept in the message" "(line 441 of the XHTML the templates made)"
expect_err_lacks "layout errors: the table's member, no XHTML place, no false lead" \
    "as XHTML\|does not typeset"
if [ -e "$TMP/wide.pdf" ]; then fail "layout errors: no PDF for the wide table"
else ok "layout errors: no PDF for the wide table"; fi

# A footnote of 120 sentences in the first paragraph.
python3 - input/sondre-land-kompetanseplan.json >"$TMP/note.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
long = " ".join(["Dette er en svært lang fotnote om kompetanseutvikling i skolen."] * 120)
def note(o):
    if isinstance(o, list):
        for i, v in enumerate(o):
            if isinstance(v, str) and len(v) > 80:
                o[i] = v + "[^1]\n\n[^1]: " + long
                return True
            if note(v):
                return True
    elif isinstance(o, dict):
        return any(note(v) for v in o.values())
    return False
note(p["body"])
print(json.dumps(p, ensure_ascii=False, indent=1))
PY
line=$(grep -n 'kompetanseutvikling i skolen\.' "$TMP/note.json" | head -1 | cut -d: -f1)
run build "$TMP/note.json" -o "$TMP/note.pdf"
expect_rc "layout errors: a footnote too tall for a page foot is an input error" 1
expect_err_has "layout errors: at the paragraph member that holds the note" \
    "$TMP/note.json:$line:5: error: body[0].content[0]: footnote 1 is"
expect_err_lacks "layout errors: the paragraph's member, no XHTML place" \
    "as XHTML\|does not typeset"

# With --diagnostics json the place and the path are the member's too.
run build "$TMP/wide.json" -o "$TMP/wide.pdf" --diagnostics json
if grep -q '"path": *"body\[4\].content\[6\].table"' "$out" "$err" 2>/dev/null; then
	ok "layout errors: --diagnostics json names the path"
else
	fail "layout errors: --diagnostics json names the path" "$(cat "$out" "$err")"
fi
