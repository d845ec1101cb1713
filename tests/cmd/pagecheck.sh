#!/bin/sh
# tests/cmd/pagecheck.sh - the page checker (tests/pagecheck.py), the
# instrument issue 9 is judged by, finds each defect it claims to find
# on small plans made to have it, and nothing on a clean plan.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
PFIX="$FIX/pagecheck"
PC="python3 $top/tests/pagecheck.py"

for tool in mutool python3; do
	if ! command -v "$tool" >/dev/null; then
		fail "pagecheck: $tool is installed (make deps)"
		exit 1
	fi
done

# check NAME PDF ARGS...: runs the checker; sets $rc and $out like run()
check() {
	out="$TMP/stdout"
	err="$TMP/stderr"
	pdf=$1
	shift
	$PC "$@" "$pdf" >"$out" 2>"$err"
	rc=$?
}

run typeset "$PFIX/defects.xhtml" -o "$TMP/defects.pdf"
expect_rc "pagecheck: the defects plan typesets" 0
check "$TMP/defects.pdf"
expect_rc "pagecheck: defects make exit status 1" 1
D=$TMP/defects.pdf
for want in \
    "1: heading-last: 1.1 Bakgrunn for planen" \
    "2: lead-in-split: Tabellen viser tiltakene:" \
    "3: number-split: perioden er kr 1 087 / 500" \
    "3: word-split: ressurs/personer" \
    "3: punct-start: eidet gir elevengasjement / , mestring og trivsel." \
    "3: punct-start: Vi har skoler og barnehager (" \
    "3: one-word: Med" \
    "3: ladder: og helse-" \
    "4: empty-page: "; do
	expect_out_has "pagecheck: finds '$want'" "$D:$want"
done
expect_out_has "pagecheck: counts them" \
    "$D: heading-last=1! lead-in-split=1! number-split=1! word-split=1! punct-start=2! one-word=1! empty-page=1! overflow=0 ladder=1! loose=0"

# Thresholds: at the counts found, the same PDF passes.
check "$D" --quiet --max heading-last=1 --max lead-in-split=1 \
    --max number-split=1 --max word-split=1 --max punct-start=2 \
    --max one-word=1 --max empty-page=1 --max ladder=1
expect_rc "pagecheck: --max at the counts passes" 0
if grep -q ": heading-last: " "$out"; then fail "pagecheck: --quiet prints only the summary"
else ok "pagecheck: --quiet prints only the summary"; fi
check "$D" --quiet --max all=5
expect_rc "pagecheck: --max all=5 passes" 0
check "$D" --max frobs=1
expect_rc "pagecheck: an unknown count is refused" 1
if grep -qF -- "--max wants NAME=N" "$err"; then ok "pagecheck: and says which"
else fail "pagecheck: and says which"; fi

# A word broken at a place the word list knows: with --json the halves
# of "ressurspersoner" are found from the source's words.
printf '{"tekst": ["Ressurspersoner leder nettverkene."]}\n' >"$TMP/words.json"
check "$D" --json "$TMP/words.json"
expect_out_has "pagecheck: --json reads the word list" "$D:3: word-split: ressurs/personer"

run typeset "$PFIX/clean.xhtml" -o "$TMP/clean.pdf"
expect_rc "pagecheck: the clean plan typesets" 0
check "$TMP/clean.pdf"
expect_rc "pagecheck: nothing found on the clean plan" 0
expect_out_has "pagecheck: all counts zero" \
    "heading-last=0 lead-in-split=0 number-split=0 word-split=0 punct-start=0 one-word=0 empty-page=0 overflow=0 ladder=0 loose=0"

# Words past the margin and text on text, which planverk never makes:
# a hand-made PDF.
python3 "$PFIX/overflow.py" "$TMP/over.pdf"
check "$TMP/over.pdf"
expect_rc "pagecheck: overflow makes exit status 1" 1
expect_out_has "pagecheck: a line past the margin" "over.pdf:1: overflow: past the margin: Kommunen"
expect_out_has "pagecheck: a word on a word" "over.pdf:1: overflow: text on text: Rektor | Kommunalsjef"

# A table of contents is no heading: Søndre Land's contents page ends in
# the bold entry "7 Skolebasert utviklingsarbeid 2018 – 2020 ... 10",
# whose dot leader the text layer keeps apart from it.
run build "$top/input/sondre-land-kompetanseplan.json" -o "$TMP/sl.pdf"
expect_rc "pagecheck: Søndre Land builds" 0
check "$TMP/sl.pdf"
if grep -q ":2: heading-last" "$out"; then
	fail "pagecheck: a contents entry is not a heading last on its page" "$(grep heading-last "$out")"
else
	ok "pagecheck: a contents entry is not a heading last on its page"
fi

# In a plan that is mostly tables the usual start of a line is inside a
# cell; the left edge still comes from the text outside tables, so the
# synthetic plan's headings and paragraphs are not "past the margin".
python3 "$top/bench/gen_plan.py" 40 >"$TMP/syn40.json"
run build "$TMP/syn40.json" -o "$TMP/syn40.pdf"
expect_rc "pagecheck: the 40-goal synthetic plan builds" 0
check "$TMP/syn40.pdf" --quiet
if grep -q " overflow=0 " "$out"; then
	ok "pagecheck: a plan of many tables has its margins where the text is"
else
	fail "pagecheck: a plan of many tables has its margins where the text is" "$(cat "$out")"
fi

# A page turned to landscape starts a page, as a chapter does: the short
# page before it is noted, not counted.
para="<p>Samarbeidet med universitetet gir oss tilgang til forskning og til
fagpersoner som kan utfordre og støtte oss i arbeidet. Arbeidet ledes av
Kommunaldirektør v/stab, Altona skole og ressurssenter, PPT og FBU, og
lærerne deltar aktivt i profesjonsfellesskapet hver uke.</p>"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">'
	echo '<head><title>Snu</title><meta name="running-title" content="Snu"/></head>'
	echo '<body><section id="a"><h1>Innledning</h1>'
	i=0
	while [ $i -lt 14 ]; do echo "$para"; i=$((i + 1)); done
	echo '</section><section id="b" class="landscape">'
	echo '<table><thead><tr><th>Hvem</th><th>Hva</th><th>Når</th></tr></thead>'
	echo '<tbody><tr><td>Rektor</td><td>Utviklingsarbeid</td><td>Høst</td></tr></tbody>'
	echo '</table></section></body></html>'
} >"$TMP/turn.xhtml"
run typeset "$TMP/turn.xhtml" -o "$TMP/turn.pdf"
expect_rc "pagecheck: a plan with a landscape section typesets" 0
check "$TMP/turn.pdf"
expect_out_has "pagecheck: the page before a landscape page is noted" \
    "2: empty-before-break: "
expect_out_has "pagecheck: and says why" "next page is turned to landscape"
expect_out_has "pagecheck: and does not count it" " word-split=0 punct-start=0 one-word=0 empty-page=0 "
