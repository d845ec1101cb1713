#!/bin/sh
# The årsrapport: the example in input/ (Sandnes reporting on 2019, with
# invented figures) built to a PDF whose figures are checked against sums
# computed by hand from the report:
#   stat  granted 1 200 000 + 400 000 + 150 000 + 120 000 + 200 000
#         + 180 000 + 100 000 + 150 000 = 2 500 000; spent 1 150 000
#         + 380 000 + 120 000 + 110 000 + 235 000 + 90 000 + 100 000 + 0
#         = 2 185 000; carried over 315 000
#   egen  300 000 / 300 000 / 0;  uh 250 000 + 320 000 = 570 000 / 570 000
#   total 3 370 000 / 3 055 000 / 315 000
#   goal 1: 1 500 000 + 400 000 + 400 000 + 120 000 = 2 420 000, spent
#           1 450 000 + 380 000 + 370 000 + 110 000 = 2 310 000
#   goal 2: m2-eier-2 spent over grant: 200 000 / 235 000 / -35 000
#   levels: skoleeier 3 250 000 / 2 945 000 / 305 000; skole 120 000 /
#           110 000 / 10 000
#   61 measures run in 2019, 56 carried out: 56 av 61 (92 %)
#   participants: skole 18 + 25 + 10 = 53 units, 42 + 60 + 35 = 137
#   indicators: ind-01 lower is better, 6,1 -> 5,2 with target 4: på vei;
#   ind-08 12,5 >= 12: nådd; ind-13 35 < baseline 40: bak plan.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
export SOURCE_DATE_EPOCH=1700000000
ex=input/sandnes-arsrapport-2019.json

# has PAGE NAME TEXT: a line of page PAGE (or "all") of the PDF holds
# TEXT, spaces aside (pdftotext -layout drops the narrow one in "4 %")
has() {
	if [ "$1" = all ]; then
		pdftotext -layout "$TMP/a.pdf" "$TMP/p.txt"
	else
		pdftotext -layout -f "$1" -l "$1" "$TMP/a.pdf" "$TMP/p.txt"
	fi
	if tr -d ' ' <"$TMP/p.txt" | grep -qF -- "$(printf '%s' "$3" | tr -d ' ')"; then
		ok "$2"
	else
		fail "$2" "page $1 lacks: $3"
	fi
}

run build --strict "$ex" -o "$TMP/a.pdf"
expect_rc "build --strict refuses the unreported measure's warning" 1
[ -e "$TMP/a.pdf" ] && fail "build --strict writes no PDF" || ok "build --strict writes no PDF"
expect_err_has "--strict says why nothing is written" \
    "error: 1 warning, which --strict makes errors; nothing is written"
expect_err "the warning names the measure and its line in the plan" \
    "input/sandnes-arsrapport-2019.json:16:15: warning: measures: the plan's measure \"m3-skole-5\" (input/sandnes-kompetanseutviklingsstrategi.json:303) runs in 2019 but has no status; it is listed as \"Ikke rapportert\""
run check "$ex"
expect_rc "check: a missing status is a warning only" 0
run check --strict "$ex"
expect_rc "check --strict: the warning is an error" 1

run build "$ex" -o "$TMP/a.pdf"
expect_rc "build writes the report and prints the warning" 0
expect_err_has "the warning is printed by build too" \
    "warning: measures: the plan's measure \"m3-skole-5\""

has 1 "page 1 is the summary for the Statsforvalter" "Sammendrag for Statsforvalteren"
has 1 "page 1: the recipient" "Tilskuddsmottaker Sandnes kommune, Oppvekst skole"
has 1 "page 1: the plan and its period" "(2018–2022)"
has 1 "page 1: the state grant summed" "Statlige midler 2 500 000 2 185 000 315 000"
has 1 "page 1: the own share summed" "Egenandel 300 000 300 000 0"
has 1 "page 1: the total" "Sum 3 370 000 3 055 000 315 000"
has 1 "page 1: the share carried out" "Tiltak gjennomført 56 av 61 (92 %)"
has 1 "page 1: rating d) at a glance" "d) Praksisnære lærerutdanninger I liten grad"
has 1 "page 1: the unreported measure is behind plan" "ressursgruppen for at de skal kunne bistå Ikke rapportert"
has 1 "page 1: the postponed measure is behind plan" "Utsatt"
has 1 "page 1: the indicator behind plan" "Andel skoler som har digitale verktøy med 1:1 dekning Bak plan"
has 1 "page 1: marked as an example" "Eksempel: Tallene i denne rapporten er oppdiktet."
has all "goal 1's measures summed" "Sum 2 420 000 2 310 000 110 000"
has all "spent over grant: a negative carried over, with a minus sign" "Sum 200 000 235 000 −35 000"
has all "the over-grant measure's comment is printed" "merforbruket på 35 000 kr"
has all "by level: skoleeier" "Skoleeier 3 250 000 2 945 000 305 000"
has all "by level: skole" "Skole 120 000 110 000 10 000"
has all "participants by level: skole" "Skole 53 137"
has all "the carried-out measure with participants" "Gjennomført 18 / 42 1 500 000 1 450 000 50 000"
has all "assessment a) with its rating" "Vurdering: I stor grad"
has all "assessment evidence names the plan's measures" "Tiltak som viser det: Partnerskap med Universitetet i Stavanger"
has all "indicator, lower is better: on the way" "6,1 % 4 % 5,2 % lavere På vei"
has all "indicator reached" "8 % 12 % 12,5 % høyere Nådd"
has all "indicator behind" "40 % 100 % 35 % høyere Bak plan"
has all "an indicator not measured this year says so" "Kartleggingsprøver 1., 2. og 3. trinn i Ikke målt"
has all "with the comment saying why" "Ikke målt i 2019: resultatene sammen-"
has all "the timeline groups a goal's measures that run the same years" "Mål 1: 9 tiltak 2018 2022"
run build "$ex" -o "$TMP/a.pdf"
pages=$(pdfinfo "$TMP/a.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -le 12 ] && ok "the report is 12 pages, not 18 of identical timeline bars" || fail "the report is 12 pages" "$pages pages"
has all "an indicator without a result" "Ikke rapportert"

# planverk new arsrapport --plan: one entry per measure of the plan
run new arsrapport --plan input/sandnes-kompetanseutviklingsstrategi.json -o "$TMP/new.json"
expect_rc "new arsrapport --plan writes a starter" 0
n=$(grep -c '"measure":' "$TMP/new.json")
if [ "$n" = 61 ]; then ok "the starter has one entry per measure of the plan (61)"; else
	fail "the starter has one entry per measure of the plan (61)" "found $n"; fi
if grep -q '"m5-skole-6"' "$TMP/new.json" && grep -q '"year": 2018' "$TMP/new.json"; then
	ok "the starter names the plan's last measure and its first year"
else
	fail "the starter names the plan's last measure and its first year"
fi
if grep -q "$(printf '\t')" "$TMP/new.json" || ! grep -q '^    {$' "$TMP/new.json"; then
	fail "the starter is indented with two spaces as the plans are, no tabs"
else
	ok "the starter is indented with two spaces as the plans are, no tabs"
fi
run check "$TMP/new.json"
expect_rc "the starter checks (statuses still to fill in: warnings)" 0
expect_err_has "check says which measure still lacks a status" \
    "the plan's measure \"m5-skole-6\" ("
run new kompetanseplan --plan input/sandnes-kompetanseutviklingsstrategi.json
expect_rc "--plan is only for an arsrapport" 2
run new arsrapport --plan input/sandnes-arsrapport-2019.json
expect_rc "--plan takes a kompetanseplan, not a report" 1
expect_err_has "and says so" "--plan takes a kompetanseplan; this file's type is \"arsrapport\""

# the labels in nynorsk and North Sami
run build --lang nn "$ex" -o "$TMP/a.pdf"
expect_rc "build --lang nn" 0
has 1 "nynorsk: the summary's heading" "Samandrag for Statsforvaltaren"
has 1 "nynorsk: the rating" "d) Praksisnære lærarutdanningar I liten grad"
run build --lang se "$ex" -o "$TMP/a.pdf"
expect_rc "build --lang se" 0
has 1 "North Sami: the summary's heading" "Čoahkkáigeassu Stáhtahálddašeaddjái"
has 1 "North Sami: the state grant" "Stáhtaruđat 2 500 000 2 185 000 315 000"

# the charts: drawn by layout above their data tables (the chart classes
# of docs/vocabulary.md); the data stays in the PDF as tables
run build tests/fixtures/check/arsrapport-indicator-unreported.json -o "$TMP/a.pdf"
has all "the timeline's data: a measure alone in its span by its title and years" "Lesekurs for lærere 2019 2020"
has all "the timeline's data: the other span" "Plan for lesing 2020 2020"
run build "$ex" -o "$TMP/a.pdf" --keep-xhtml "$TMP/a.xhtml"
if grep -q 'class="chart-bullet"' "$TMP/a.xhtml" &&
    grep -q 'class="chart-bars"' "$TMP/a.xhtml" &&
    grep -q 'class="chart-timeline" data-mark="2019"' "$TMP/a.xhtml"; then
	ok "the three charts of the issue are in the markup (bullet, bars, timeline marked 2019)"
else
	fail "the three charts of the issue are in the markup (bullet, bars, timeline marked 2019)" "$(grep -o 'class="chart[^"]*"[^>]*' "$TMP/a.xhtml" | sort -u)"
fi

run build "$ex" -o "$TMP/b.pdf"
cp "$TMP/b.pdf" "$TMP/b1.pdf"
run build "$ex" -o "$TMP/b.pdf"
if cmp -s "$TMP/b.pdf" "$TMP/b1.pdf"; then ok "the report's PDF is the same bytes twice"; else
	fail "the report's PDF is the same bytes twice"; fi
