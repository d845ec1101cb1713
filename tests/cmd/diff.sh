#!/bin/sh
# tests/cmd/diff.sh - `planverk diff OLD.json NEW.json` (issue 13, versions
# of a plan): a copy of the Sandnes plan with a measure added, one
# removed, a title and an amount changed gives exactly those lines, and
# the same as JSON; the same file twice gives nothing and exit 0; two
# types, an invalid plan and a bad command line are refused; the annual
# report, the needs report and the long-term plan (sections known by
# title only) are compared too; `build --changes-since` puts the list
# into the PDF as an appendix (tagged; in bokmål, and with --lang nn its
# labels marked nn), in every type.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$TMP" || exit 1
PY=python3

# OLD: Sandnes with a budget on m1-eier-3; NEW: budget raised, m1-eier-2
# removed, m1-eier-99 added, m3-eier-1 retitled.
$PY - "$top/input/sandnes-kompetanseutviklingsstrategi.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
def items(sec):
    return d["body"][sec]["content"][0]["goals"][0]["content"][0]["measures"]["items"]
items(1)[2]["budget"] = 120000
json.dump(d, open("old.json", "w"), ensure_ascii=False, indent=2)
items(1)[2]["budget"] = 150000
del items(1)[1]
items(1).append({"id": "m1-eier-99", "title": "Nytt tiltak for lesing"})
items(3)[0]["title"] = "Ny tittel på tiltaket"
json.dump(d, open("new.json", "w"), ensure_ascii=False, indent=2)
P

run diff old.json new.json
expect_rc "diff with changes: exit 0" 0
expect_out "diff: one line per change, in the new plan's order, removed last" \
'measure m1-eier-3: changed amount budget: 120000 -> 150000
measure m1-eier-99: added ("Nytt tiltak for lesing")
measure m3-eier-1: changed title: "Det skal utarbeides en overordnet plan for et trygt og godt skolemiljø i Sandnes…" -> "Ny tittel på tiltaket"
measure m1-eier-2: removed ("Vi skal prioritere skoleledere på videreutdanning.")
'

run diff --json old.json new.json
expect_rc "diff --json: exit 0" 0
if $PY - "$out" >"$TMP/py" 2>&1 <<'P'
import json, sys
v = json.load(open(sys.argv[1]))
got = [(c["kind"], c["id"], c["change"], c["member"], c["old"], c["new"]) for c in v]
want = [
    ("measure", "m1-eier-3", "changed", "budget", 120000, 150000),
    ("measure", "m1-eier-99", "added", None, None, None),
    ("measure", "m3-eier-1", "changed", "title",
     "Det skal utarbeides en overordnet plan for et trygt og godt skolemiljø i Sandnesskolen.",
     "Ny tittel på tiltaket"),
    ("measure", "m1-eier-2", "removed", None, None, None),
]
assert got == want, got
assert v[1]["title"] == "Nytt tiltak for lesing", v[1]
assert all(set(c) == {"kind", "id", "change", "member", "old", "new", "title"} for c in v)
P
then ok "diff --json: kind, id, change, member, old and new value (whole), title"
else fail "diff --json: kind, id, change, member, old and new value (whole), title" "$(cat "$TMP/py")"
fi

run diff new.json new.json
expect_rc "the same file twice: exit 0" 0
expect_empty_out "the same file twice: no lines"
run diff --json "$top/input/sondre-land-kompetanseplan.json" \
    "$top/input/sondre-land-kompetanseplan.json"
expect_out "the same file twice, --json: []" '[]
'

# Two types: an error at the new file's "type", exit 1.
run diff old.json "$top/input/sandnes-arsrapport-2019.json"
expect_rc "two types: exit 1" 1
expect_err_has "two types: said at the new file's type" \
    "sandnes-arsrapport-2019.json:2:11: error: type: \"arsrapport\", but old.json is a \"kompetanseplan\""
expect_empty_out "two types: no lines"

# An invalid plan: its own diagnostics, exit 1.
$PY - <<'P'
import json
d = json.load(open("new.json"))
d["meta"]["titel"] = d["meta"].pop("title")
json.dump(d, open("bad.json", "w"), ensure_ascii=False, indent=2)
P
run diff old.json bad.json
expect_rc "an invalid plan: exit 1" 1
expect_err_has "an invalid plan: its diagnostic as check prints it" \
    'error: meta.titel: unknown member "titel" (did you mean "title"?)'
run diff missing.json new.json
expect_rc "a missing file: exit 1" 1
expect_err_has "a missing file: named" "missing.json"

# The command line.
run diff old.json
expect_rc "one file: usage error" 2
run diff a.json b.json c.json
expect_rc "three files: usage error" 2
run diff --frobnicate old.json new.json
expect_rc "unknown option: usage error" 2
run diff --help
expect_rc "diff --help" 0
expect_out_has "diff --help tells the exit status" "Exit status: 0 compared"

# The annual report: entries by the plan's measure and indicator ids.
cp "$top/input/sandnes-kompetanseutviklingsstrategi.json" .
$PY - "$top/input/sandnes-arsrapport-2019.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
json.dump(d, open("r-old.json", "w"), ensure_ascii=False, indent=2)
m = d["measures"][2]
m["status"] = "delvis" if m["status"] != "delvis" else "ikke"
m["comment"] = "Forsinket."
json.dump(d, open("r-new.json", "w"), ensure_ascii=False, indent=2)
P
old_status=$($PY -c 'import json; print(json.load(open("r-old.json"))["measures"][2]["status"])')
new_status=$($PY -c 'import json; print(json.load(open("r-new.json"))["measures"][2]["status"])')
run diff r-old.json r-new.json
expect_out "annual report: a measure's status and comment" \
"measure m1-eier-3: changed status: \"$old_status\" -> \"$new_status\"
measure m1-eier-3: changed comment: (none) -> \"Forsinket.\"
"

# The needs report: amounts outside any item are the document's.
$PY - "$top/input/ytre-helgeland-behovsmelding.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
e = d["continued_measures"]["economy"]
e["owner"], e["uh"] = 370000, 409000
json.dump(d, open("b-old.json", "w"), ensure_ascii=False, indent=2)
e["owner"], e["uh"] = 400000, 379000	# the same total
d["meta"]["title"] = "Ny tittel"
json.dump(d, open("b-new.json", "w"), ensure_ascii=False, indent=2)
P
run diff b-old.json b-new.json
expect_rc "needs report: compared" 0
expect_out_has "needs report: an amount of the continued measures" \
    'document: changed amount continued_measures.economy.owner: 370000 -> 400000'
expect_out_has "needs report: meta.title" \
    'document: changed meta.title: '

# The long-term plan: its sections mostly have no id; a heading added.
$PY - "$top/input/innlandet-langsiktig-plan.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
json.dump(d, open("l-old.json", "w"), ensure_ascii=False, indent=2)
d["body"].append({"title": "Evaluering", "content": ["Planen evalueres i 2027."]})
json.dump(d, open("l-new.json", "w"), ensure_ascii=False, indent=2)
P
run diff l-old.json l-new.json
expect_out "long-term plan: a section without id, by its title" \
'section "Evaluering": added
'

# build --changes-since: the appendix, with the changed title.
run build new.json --changes-since old.json -o new.pdf
expect_rc "build --changes-since" 0
pdftotext -layout new.pdf new.txt 2>/dev/null
if grep -q "Endringer siden forrige versjon" new.txt; then
	ok "the PDF has the appendix heading"
else
	fail "the PDF has the appendix heading"
fi
if grep -q "Tiltak m3-eier-1: Ny tittel på tiltaket" new.txt &&
    grep -q "Endret: Tittel" new.txt && grep -q "120 000" new.txt &&
    grep -q "150 000" new.txt && grep -q "Fjernet" new.txt &&
    grep -q "Lagt til" new.txt; then
	ok "the appendix: changed title, amount before and after, added, removed"
else
	fail "the appendix: changed title, amount before and after, added, removed" \
	    "$(grep -A12 'Endringer siden forrige versjon' new.txt | head -20)"
fi
if grep -Eq "Endringer siden forrige versjon[ .]+[0-9]+$" new.txt; then
	ok "the appendix is in the table of contents"
else
	fail "the appendix is in the table of contents"
fi
# The appendix is tagged like the rest (a table with header cells) and
# its label words carry the labels' language under --lang nn.
if /usr/bin/python3 "$top/tests/pdftags.py" new.pdf >tags.txt 2>&1 &&
    grep -q " 0 problems" tags.txt; then
	ok "the PDF with the appendix: tagged, 0 problems"
else
	fail "the PDF with the appendix: tagged, 0 problems" "$(tail -5 tags.txt)"
fi
run build new.json --changes-since old.json -o x1.pdf --keep-xhtml nb.xhtml
run build new.json --changes-since old.json -o x2.pdf --lang nn \
    --keep-xhtml nnl.xhtml
if $PY "$top/tests/langlabels.py" nb.xhtml nnl.xhtml nn >ll.txt 2>&1; then
	ok "--lang nn: the appendix's labels marked nn, the plan's text not"
else
	fail "--lang nn: the appendix's labels marked nn, the plan's text not" \
	    "$(tail -5 ll.txt)"
fi
run build new.json -o plain.pdf
pdftotext plain.pdf plain.txt 2>/dev/null
if grep -q "Endringer siden" plain.txt; then
	fail "without --changes-since: no appendix"
else
	ok "without --changes-since: no appendix"
fi
run build new.json --changes-since new.json -o same.pdf
pdftotext same.pdf same.txt 2>/dev/null
if [ "$rc" = 0 ] && ! grep -q "Endringer siden" same.txt; then
	ok "--changes-since the same version: no appendix"
else
	fail "--changes-since the same version: no appendix"
fi
run build new.json --changes-since old.json --lang nn -o nn.pdf
pdftotext nn.pdf nn.txt 2>/dev/null
if grep -q "Endringar sidan førre versjon" nn.txt && grep -q "Endra: Tittel" nn.txt; then
	ok "--lang nn: the appendix in nynorsk"
else
	fail "--lang nn: the appendix in nynorsk"
fi
run build new.json --changes-since "$top/input/sandnes-arsrapport-2019.json" -o x.pdf
expect_rc "--changes-since another type: exit 1" 1
expect_err_has "--changes-since another type: said" \
    'not a version of this "kompetanseplan"'
if [ ! -e x.pdf ]; then ok "--changes-since another type: nothing written"
else fail "--changes-since another type: nothing written"; fi
run build new.json --changes-since bad.json -o x.pdf
expect_rc "--changes-since an invalid plan: exit 1" 1
expect_err_has "--changes-since an invalid plan: its diagnostic" \
    'meta.titel: unknown member "titel"'
run build new.json old.json --changes-since old.json -d out
expect_rc "--changes-since with several inputs: usage error" 2

# Every type renders the appendix.
for pair in r-old.json:r-new.json b-old.json:b-new.json l-old.json:l-new.json; do
	o=${pair%%:*} n=${pair#*:}
	run build "$n" --changes-since "$o" -o "$n.pdf"
	if [ "$rc" = 0 ] && pdftotext "$n.pdf" - 2>/dev/null |
	    grep -q "Endringer siden forrige versjon"; then
		ok "$n: the appendix"
	else
		fail "$n: the appendix" "exit status $rc"
	fi
done
