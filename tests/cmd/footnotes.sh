#!/bin/sh
# tests/cmd/footnotes.sh - footnotes (span.footnote) and lettered lists
# (ol type="a|A") as a reader of the PDF sees them: numbers in the text
# and the notes at the foot of the page of their reference, read back
# with pdftotext; a line that moves to the next page with its note; the
# limit on a note's height; the raised, smaller number and its link in
# the laid-out dump.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
EFIX="$FIX/xhtml/engine"

page_text() { # PDF PAGE: the page's text, one line per line
	pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null
}
has() { # NAME FILE REGEX
	if grep -qE -- "$3" "$2"; then ok "$1"; else
		fail "$1" "no line matches: $3" "$(sed 's/^/    /' "$2" | head -40)"; fi
}
lacks() { # NAME FILE REGEX
	if grep -qE -- "$3" "$2"; then
		fail "$1" "a line matches: $3" "$(grep -E -- "$3" "$2")"
	else ok "$1"; fi
}

run typeset "$EFIX/notes.xhtml" -o "$TMP/notes.pdf" --dump-layout
expect_rc "footnotes: notes.xhtml typesets" 0
cp "$out" "$TMP/notes.dump"
page_text "$TMP/notes.pdf" 1 >"$TMP/p1"
page_text "$TMP/notes.pdf" 2 >"$TMP/p2"

# The numbers where the notes stand, in document order.
has "footnotes: numbers 1 and 2 follow their words" "$TMP/p1" \
	'kartleggingen1 fra i fjor og på samarbeidsavtalen2\.'
has "footnotes: number 3 in a list item" "$TMP/p1" 'a\) Første punkt med en note3'
has "footnotes: number 4 in a table cell" "$TMP/p1" 'Veiledning4 +Skoleeier'
# The notes at the foot of the page of their references, in order.
has "footnotes: note 1 at the foot of page 1" "$TMP/p1" \
	'^1 +Kilde: Kompetanse for kvalitet, Utdanningsdirektoratet 2025\.$'
has "footnotes: note 2 with its link text" "$TMP/p1" '^2 +Se udir\.no\.$'
has "footnotes: note 3 (list item)" "$TMP/p1" '^3 +Note i en liste\.$'
has "footnotes: note 4 (table cell) on the table's page" "$TMP/p1" '^4 +Note i en tabellcelle\.$'
got=$(grep -nE '^[1-4]  +[A-Z]' "$TMP/p1" | cut -d: -f1 | tr '\n' ' ')
last=$(grep -n 'Skoleeier' "$TMP/p1" | cut -d: -f1)
set -- $got
if [ $# -eq 4 ] && [ "$1" -gt "$last" ] && [ "$1" -lt "$2" ] &&
    [ "$2" -lt "$3" ] && [ "$3" -lt "$4" ]; then
	ok "footnotes: notes 1-4 below the text, in order"
else fail "footnotes: notes 1-4 below the text, in order" "lines: $got, text ends $last"; fi
lacks "footnotes: no note of page 1 on page 2" "$TMP/p2" '^[1-4]  +[A-Z]'
has "footnotes: numbering goes on on page 2" "$TMP/p2" 'nummereringen5\.'
has "footnotes: note 5 at the foot of page 2" "$TMP/p2" '^5 +Fjerde note, på side to\.$'
lacks "footnotes: the note text is not in the running text" "$TMP/p1" \
	'kartleggingen.*Kilde'

# Lettered lists: a) b) c), and A) from start=3: C) D).
has "lists: type=a gives b)" "$TMP/p1" '^b\) Andre punkt$'
has "lists: type=a gives c)" "$TMP/p1" '^c\) Tredje punkt$'
has "lists: type=A start=3 gives C)" "$TMP/p2" '^C\) Tredje$'
has "lists: type=A start=3 gives D)" "$TMP/p2" '^D\) Fjerde$'

# The dump: the number 1 is a note-ref item, smaller than the text and
# raised above its baseline; the note's own number is a note item.
awk '$1 == "text" && $2 == "p" && /"Planen bygger på kartleggingen"/ { y = $4; s = $10 }
	$1 == "text" && $2 == "note-ref" && $NF == "\"1\"" && !done { ry = $4; rs = $10; done = 1 }
	END { if (y == "" || ry == "") print "missing"; else printf "%s %s\n",
	    (ry - y > 2 && ry - y < 5) ? "raised" : "not-raised " ry - y,
	    (rs / s > 0.6 && rs / s < 0.75) ? "smaller" : "size " rs / s }' \
	"$TMP/notes.dump" >"$TMP/ref"
if [ "$(cat "$TMP/ref")" = "raised smaller" ]; then
	ok "footnotes: the number is raised and smaller"
else fail "footnotes: the number is raised and smaller" "$(cat "$TMP/ref")"; fi
n=$(grep -c '^  text note ' "$TMP/notes.dump")
if [ "$n" -ge 10 ]; then ok "footnotes: notes are note items ($n)"; else
	fail "footnotes: notes are note items" "$n"; fi
# Each number links to its note: five links to pages 1,1,1,1,2.
links=$(awk '/^page/ { p++ } $1 == "link" && $2 == "link" && $7 == "page" { print p ":" $8 }' \
	"$TMP/notes.dump" | sort | uniq -c | awk '{ printf "%s ", $0 }')
if [ "$(grep -c '^  link link .* page 1 y' "$TMP/notes.dump")" -ge 4 ] &&
    grep -q '^  link link .* page 2 y' "$TMP/notes.dump"; then
	ok "footnotes: numbers link to their notes"
else fail "footnotes: numbers link to their notes" "$links"; fi

# A line and its note move together: without the note the last line
# fits on page 1; with it, line and note are on page 2.
sed 's|<span class="footnote">[^<]*</span>||' "$EFIX/move.xhtml" >"$TMP/ctl.xhtml"
run typeset "$TMP/ctl.xhtml" -o "$TMP/ctl.pdf"
expect_rc "footnotes: the control without the note typesets" 0
page_text "$TMP/ctl.pdf" 1 >"$TMP/c1"
has "footnotes: without its note the last line fits on page 1" "$TMP/c1" '^Siste linje\.$'
run typeset "$EFIX/move.xhtml" -o "$TMP/move.pdf"
expect_rc "footnotes: move.xhtml typesets" 0
page_text "$TMP/move.pdf" 1 >"$TMP/m1"
page_text "$TMP/move.pdf" 2 >"$TMP/m2"
lacks "footnotes: with its note the line leaves page 1" "$TMP/m1" 'Siste linje'
lacks "footnotes: and no note on page 1" "$TMP/m1" '^1 +Noten'
has "footnotes: the line is on page 2" "$TMP/m2" '^Siste linje1\.$'
has "footnotes: with its note" "$TMP/m2" '^1 +Noten til siste linje er lang nok'
has "footnotes: page 1 still ends with the line before" "$TMP/m1" '^Linje 32\.$'

# A note taller than a third of the page is refused, naming the limit.
run typeset "$EFIX/note-long.xhtml" -o "$TMP/long.pdf"
expect_rc "footnotes: a note too tall is an input error" 1
expect_err_has "footnotes: the error names note, height and limit" \
	"note-long.xhtml:3: error: footnote 1 is 324 pt tall, more than a third of the page's text height (233 pt), the most a page foot holds: shorten the note"
