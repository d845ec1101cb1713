#!/bin/sh
# What a transcription of a seed needs to print the source as it is,
# read back from the PDF: calendar weeks as the source numbers them
# (week 1 of the next year, ranges "42–48", a source's own slip kept),
# columns of several fields with a lead-in, one column grid for every
# month, numbering of goals and measures as the document chooses, a
# typed section number never printed twice, the period once on the
# cover, and a figure that cannot be included as a captioned note.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME

python3 - "$TMP" <<'PY'
import copy, json, sys
out = sys.argv[1]
cols = [{"title": "Uke", "width": "15%", "fields": ["week", "date"]},
        {"title": "Tid/program", "width": "25%", "fields": ["time", "program"]},
        {"title": "Tema", "width": "40%", "fields": ["topic",
            {"name": "preparation", "label": "Lesebestilling/oppgave"}]},
        {"title": "Deltakere", "width": "20%", "fields": ["participants"]}]
plan = {
    "type": "kompetanseplan",
    "meta": {"title": "Kompetanseplan", "subtitle": "Grunnskolen 2025 – 2026",
             "owner": {"name": "Eksempel kommune"},
             "period": {"from": 2025, "to": 2026}, "lang": "nb"},
    "body": [
        {"title": "5. Videreutdanning", "content": [
            {"goals": [{"id": "m1", "title": "Alle elever leser",
                        "measures": [{"id": "t1", "title": "Lesekurs"},
                                     {"id": "t2", "title": "Skrivekurs"}]}]}]},
        {"title": "5. Skolebasert utvikling", "sections": [
            {"title": "5.1 Lesing", "content": ["Tekst."]}]},
        {"title": "Kalender", "content": [
            {"calendar": {"title": "DESEMBER - 2025", "columns": cols, "events": [
                {"week": 42, "week_to": 48, "year": 2025, "time": "05.10 – 27.11.25",
                 "topic": "Spørreundersøkelsen", "participants": "Enhetsledere"},
                {"week": 43, "week_as_written": True, "date": "2025-11-05",
                 "topic": "Nettverk", "preparation": "", "participants": "Alle"}]}},
            {"calendar": {"title": "JANUAR - 2026", "columns": cols, "events": [
                {"week": 1, "year": 2026, "topic": "Resultatene er klare",
                 "participants": "Barnehagemyndighetsrepresentantene"},
                {"date": "2025-12-30", "program": "**LP**",
                 "topic": "Saker meldes til arne.kvendseth@vestvagoy.kommune.no",
                 "participants": "Skoleeier"}]}},
            {"figure": {"caption": "Helhet og sammenheng",
                        "note": "tre sirkler for tilbudet."}}]}]}
json.dump(plan, open(out + "/on.json", "w"), ensure_ascii=False)
off = copy.deepcopy(plan)
off["meta"]["numbering"] = {"goals": True, "measures": False}
off["meta"]["subtitle"] = "Grunnskolen"
json.dump(off, open(out + "/off.json", "w"), ensure_ascii=False)
PY

run build "$TMP/on.json" -o "$TMP/on.pdf"
expect_rc "seeds: a plan with week ranges and combined columns builds" 0
run build "$TMP/off.json" -o "$TMP/off.pdf"
expect_rc "seeds: a plan with numbering off builds" 0
pdftotext -enc UTF-8 "$TMP/on.pdf" "$TMP/on.txt"
pdftotext -enc UTF-8 "$TMP/off.pdf" "$TMP/off.txt"

has() { # has FILE LABEL PATTERN: a line of FILE matches
	if grep -q -- "$3" "$1"; then ok "$2"; else
		fail "$2" "no line matches '$3'"; fi
}
hasnt() {
	if ! grep -q -- "$3" "$1"; then ok "$2"; else
		fail "$2" "$(grep -- "$3" "$1" | head -3)"; fi
}

# weeks: week 1 of 2026 (given, and derived from 30 December 2025) is
# "Uke 1", never 53; a range stays a range; a source's slip is kept
has "$TMP/on.txt" "seeds: week 1 of the next year prints \"Uke 1\"" "^Uke 1$"
if [ "$(grep -c '^Uke 1$' "$TMP/on.txt")" = 2 ]; then
	ok "seeds: 30 December 2025 is in \"Uke 1\" as well"
else
	fail "seeds: 30 December 2025 is in \"Uke 1\" as well" \
	    "$(grep '^Uke' "$TMP/on.txt")"
fi
hasnt "$TMP/on.txt" "seeds: no week 53" "Uke 53"
has "$TMP/on.txt" "seeds: a week range prints \"Uke 42–48\"" "^Uke 42–48$"
has "$TMP/on.txt" "seeds: the source's own week number is kept" "^Uke 43$"
has "$TMP/on.txt" "seeds: the date beside it as the source has it" \
    "^05.11.2025$"
has "$TMP/on.txt" "seeds: a lead-in over an empty field" \
    "^Lesebestilling/oppgave:$"
has "$TMP/on.txt" "seeds: a column of several fields has its own heading" \
    "^Tid/program$"

# one grid: the headings of both months' tables start at the same x,
# at the shares the plan gives (15 %, 25 %, 40 % of the text width)
pdftotext -bbox "$TMP/on.pdf" - | awk -F'"' '
    />(Uke|Tid\/program|Tema|Deltakere)</ { n[$NF]++; x[$NF, n[$NF]] = $2 }
    END {
	split("Uke Tid/program Tema Deltakere", h, " ")
	for (i = 1; i <= 4; i++) {
		k = ">" h[i] "</word>"
		printf "%s %.2f %.2f\n", h[i], x[k, 1], x[k, n[k]]
	}
    }' >"$TMP/grid"
if awk '{ if ($2 != $3) bad = 1 } END { exit bad }' "$TMP/grid"; then
	ok "seeds: every month's calendar has the same column grid"
else
	fail "seeds: every month's calendar has the same column grid" \
	    "$(cat "$TMP/grid")"
fi
# text width 595.28 - 2 * 70.87; each heading 4 pt into its column
if awk 'NR == 1 { x0 = $2 }
    NR == 4 { w = 595.28 - 2 * 70.87; want = x0 + 0.80 * w
	d = $2 - want; exit !(d < 0.5 && d > -0.5) }' "$TMP/grid"; then
	ok "seeds: the last column starts at 80 % of the text width"
else
	fail "seeds: the last column starts at 80 % of the text width" \
	    "$(cat "$TMP/grid")"
fi

# numbering: on by default, off where the document says so
has "$TMP/on.txt" "seeds: measures numbered by default (1.1)" "^1\.1$"
hasnt "$TMP/off.txt" "seeds: numbering off prints no \"1.1\"" "^1\.1"
hasnt "$TMP/off.txt" "seeds: numbering off prints no number column" "^Nr\.$"
has "$TMP/off.txt" "seeds: goals still numbered (Mål 1)" "^Mål 1$"

# a typed section number gives way to the computed one, once
hasnt "$TMP/on.txt" "seeds: a typed chapter number is not printed" \
    "5\. Videreutdanning"
has "$TMP/on.txt" "seeds: the chapters numbered 1 and 2" \
    "^2 Skolebasert utvikling$"
has "$TMP/on.txt" "seeds: the subsection numbered 2.1" "^2\.1 Lesing$"
hasnt "$TMP/on.txt" "seeds: no \"5.1\" left" "^5\.1 "

# the period once on the cover
pdftotext -f 1 -l 1 "$TMP/on.pdf" - | grep -c 2026 >"$TMP/n"
if [ "$(cat "$TMP/n")" = 1 ]; then
	ok "seeds: a subtitle naming the period: the cover says it once"
else
	fail "seeds: a subtitle naming the period: the cover says it once" \
	    "$(pdftotext -f 1 -l 1 "$TMP/on.pdf" -)"
fi
if pdftotext -f 1 -l 1 "$TMP/off.pdf" - | grep -q "2025–2026"; then
	ok "seeds: otherwise the cover prints the period"
else
	fail "seeds: otherwise the cover prints the period"
fi

# a figure that cannot be included
has "$TMP/on.txt" "seeds: a figure's caption" "^Figur: Helhet og sammenheng$"
has "$TMP/on.txt" "seeds: and a note of what it showed" \
    "^Figuren i originalen viste: tre sirkler for tilbudet.$"
