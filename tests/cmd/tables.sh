#!/bin/sh
# tests/cmd/tables.sh - table column widths and landscape pages for wide
# tables, judged from the PDF as a reader gets it (pdftotext -bbox for
# where words are, pdfinfo for each page's MediaBox).
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
TFIX="$FIX/tables"

# The A4 default theme: 595.28 x 841.89 pt, 25 mm = 70.87 pt margins.
M=70.87

# words FILE.pdf PAGE: "xMin yMin xMax yMax text" per word of a page
words() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - 2>/dev/null | awk '
	/<word / {
		match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /yMin="[^"]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
		match($0, /yMax="[^"]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7)
		t = $0; sub(/^.*">/, "", t); sub(/<\/word>.*$/, "", t)
		print x0, y0, x1, y1, t
	}'
}
# size FILE.pdf PAGE: "W H" of the page's MediaBox, rounded
size() {
	pdfinfo -f "$2" -l "$2" "$1" 2>/dev/null |
	    awk '/^Page +[0-9]+ size:/ { printf "%.0f %.0f\n", $4, $6 }'
}
# holds EXPR: the arithmetic comparison is true
holds() { awk "BEGIN { exit !($1) }"; }
# word FILE.words TEXT: the first line of that word
word() { awk -v w="$2" '$5 == w { print; exit }' "$1"; }

# Six columns of long Norwegian words that fit side by side: none of them
# is hyphenated or broken; the column of sentences gives the room.
run typeset "$TFIX/words6.xhtml" -o "$TMP/w.pdf"
expect_rc "tables: six columns of long words typeset" 0
words "$TMP/w.pdf" 1 >"$TMP/w.words"
for w in Helsefagarbeidere Barnehagemyndighet Halvårsplaner Årsplaner \
    Målgruppe Fagområde Leseopplæring; do
	if [ -n "$(word "$TMP/w.words" "$w")" ]; then ok "tables: '$w' whole"
	else fail "tables: '$w' whole" "$(grep -F "${w%???}" "$TMP/w.words")"; fi
done
# No word of the single-word columns ends in a hyphen: only the sentence
# column (right of "Beskrivelse") may hyphenate.
xb=$(word "$TMP/w.words" Beskrivelse | cut -d' ' -f1)
bad=$(awk -v xb="$xb" '$1 < xb - 1 && $5 ~ /-$/' "$TMP/w.words")
if [ -n "$xb" ] && [ -z "$bad" ]; then ok "tables: no hyphen left of the sentence column"
else fail "tables: no hyphen left of the sentence column" "$bad"; fi
# The column of one long word is at least that word wide: the next
# column starts right of it.
set -- $(word "$TMP/w.words" Barnehagemyndighet)
x1=$3
set -- $(word "$TMP/w.words" Halvårsplaner)
if holds "$1 > $x1"; then ok "tables: a long word's column is at least as wide as the word"
else fail "tables: a long word's column is at least as wide as the word" "word ends $x1, next column at $1"; fi
# ... while the neighbour of long sentences shrinks: its text wraps to
# many lines.
n=$(awk -v xb="$xb" '$1 >= xb - 1 { print $2 }' "$TMP/w.words" | sort -u | wc -l)
if [ "$n" -ge 8 ]; then ok "tables: the sentence column wraps ($n lines)"
else fail "tables: the sentence column wraps ($n lines)"; fi

# A cell spanning two columns with one long word: the word stays whole
# and both columns under it share its width.
run typeset "$TFIX/colspan.xhtml" -o "$TMP/c.pdf"
expect_rc "tables: a colspan table typesets" 0
words "$TMP/c.pdf" 1 >"$TMP/c.words"
span=$(word "$TMP/c.words" Kompetanseutviklingsprogrammet)
if [ -n "$span" ]; then ok "tables: the spanning word is whole"
else fail "tables: the spanning word is whole" "$(cat "$TMP/c.words" | head -5)"; fi
set -- $span
sx0=$1 sx1=$3
set -- $(word "$TMP/c.words" Høst)
hx=$1
set -- $(word "$TMP/c.words" Beskrivelse)
bx=$1
if holds "$hx > $sx0 + 40 && $hx < $sx1 && $bx > $sx1"; then
	ok "tables: the spanned columns share the spanning cell's width"
else fail "tables: the spanned columns share the spanning cell's width" \
	"span $sx0-$sx1, second column at $hx, third at $bx"; fi

# Ten columns that even hyphenated do not fit across a portrait page: a
# landscape page of their own (with their heading), every word inside
# that page's margins, the text before and after on portrait pages.
run typeset "$TFIX/landscape.xhtml" -o "$TMP/l.pdf"
expect_rc "tables: a too wide table typesets" 0
np=$(qpdf --show-npages "$TMP/l.pdf")
if [ "$np" = 3 ]; then ok "tables: portrait, landscape, portrait: 3 pages"
else fail "tables: portrait, landscape, portrait: 3 pages" "$np pages"; fi
if [ "$(size "$TMP/l.pdf" 1)" = "595 842" ] && [ "$(size "$TMP/l.pdf" 2)" = "842 595" ] &&
    [ "$(size "$TMP/l.pdf" 3)" = "595 842" ]; then
	ok "tables: the table's page is landscape (MediaBox 842 x 595)"
else fail "tables: the table's page is landscape (MediaBox 842 x 595)" \
	"$(size "$TMP/l.pdf" 1) / $(size "$TMP/l.pdf" 2) / $(size "$TMP/l.pdf" 3)"; fi
words "$TMP/l.pdf" 2 >"$TMP/l.words"
bad=$(awk -v m="$M" '$1 < m - 0.5 || $3 > 841.89 - m + 0.5 || $2 < m - 40 || $4 > 595.28 - m + 40' "$TMP/l.words" | head -3)
if [ -z "$bad" ] && [ "$(grep -c Kompetanse "$TMP/l.words")" = 20 ]; then
	ok "tables: all 20 cells inside the landscape page's margins"
else fail "tables: all 20 cells inside the landscape page's margins" "$bad"; fi
if [ -n "$(word "$TMP/l.words" Oversikt)" ]; then ok "tables: the heading goes along to the landscape page"
else fail "tables: the heading goes along to the landscape page"; fi
if pdftotext -f 3 -l 3 "$TMP/l.pdf" - | grep -q "Etter tabellen"; then
	ok "tables: the text after the table is on a portrait page"
else fail "tables: the text after the table is on a portrait page"; fi
# The running header and footer follow the page's width.
set -- $(awk '$5 ~ /^Side$/ { print; exit }' "$TMP/l.words")
if holds "$3 > 595.28"; then ok "tables: the footer runs across the landscape page"
else fail "tables: the footer runs across the landscape page" "$*"; fi

# The theme can keep wide tables on the portrait page: hyphens and
# breaks there, no landscape page.
run typeset "$TFIX/landscape.xhtml" -o "$TMP/s.pdf" --theme "$TFIX/squeeze-theme.json"
expect_rc "tables: page.wide_tables \"squeeze\"" 0
if [ "$(pdfinfo -f 1 -l 9 "$TMP/s.pdf" | awk '/^Page +[0-9]+ size:/ && $4 > $6' | wc -l)" = 0 ]; then
	ok "tables: squeeze: no landscape page"
else fail "tables: squeeze: no landscape page"; fi
printf '{"page": {"wide_tables": "sideways"}}\n' >"$TMP/bad-theme.json"
run typeset "$TFIX/landscape.xhtml" -o "$TMP/b.pdf" --theme "$TMP/bad-theme.json"
expect_rc "tables: an unknown page.wide_tables" 1
expect_err_has "tables: says what it must be" 'theme: page.wide_tables must be "landscape" or "squeeze"'

# The document asks: a small table in a section of class "landscape".
run typeset "$TFIX/section.xhtml" -o "$TMP/p.pdf"
expect_rc "tables: class landscape on a section" 0
if [ "$(size "$TMP/p.pdf" 1)" = "595 842" ] && [ "$(size "$TMP/p.pdf" 2)" = "842 595" ] &&
    pdftotext -f 2 -l 2 "$TMP/p.pdf" - | grep -q Oppstart; then
	ok "tables: the section's table is on a landscape page"
else fail "tables: the section's table is on a landscape page" "$(size "$TMP/p.pdf" 2)"; fi

# A short line between two landscape tables goes with the second one:
# two landscape pages, no page holding only that line.
run typeset "$TFIX/between.xhtml" -o "$TMP/t.pdf"
expect_rc "tables: two wide tables typeset" 0
np=$(qpdf --show-npages "$TMP/t.pdf")
if [ "$np" = 2 ] && [ "$(size "$TMP/t.pdf" 1)" = "842 595" ] &&
    [ "$(size "$TMP/t.pdf" 2)" = "842 595" ] &&
    pdftotext -f 2 -l 2 "$TMP/t.pdf" - | grep -q Februar; then
	ok "tables: the line between goes along to the second landscape page"
else fail "tables: the line between goes along to the second landscape page" "$np pages"; fi

# A table's last row is not left alone under a repeated header: a goal
# table whose last measure is tall (a quarter to 0.4 of a page) and whose
# "Sum" row is one line; the measure grows three words at a time, so
# that the page ends everywhere around "Sum" (before the rule kept only
# pairs under a quarter of a page together, it stood alone at 48-60).
tall="Kompetanseutvikling for lærere og ledere i alle skolene, med samlinger, veiledning og nettverk gjennom hele året."
t8="$tall $tall $tall $tall $tall $tall $tall $tall"
k=0 lone=
while [ $k -le 66 ]; do
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<html xmlns="http://www.w3.org/1999/xhtml" lang="nb"><head><title>Prøve</title></head><body><section id="s">'
		echo '<table><thead><tr><th>Tiltak</th><th>Beløp</th></tr></thead><tbody>'
		for r in 1 2 3; do
			echo "<tr><td>Tiltak $r: $t8 $t8 $t8</td><td>100 000</td></tr>"
		done
		echo "<tr><td>Tiltak 4: $t8"
		i=0
		while [ $i -lt "$k" ]; do echo "ord ord ord"; i=$((i + 1)); done
		echo '</td><td>100 000</td></tr>'
		echo '<tr><td>Sum</td><td>400 000</td></tr></tbody></table><p>Etter tabellen.</p></section></body></html>'
	} >"$TMP/sum.xhtml"
	"$PLANVERK" typeset "$TMP/sum.xhtml" -o "$TMP/sum.pdf" 2>/dev/null
	np=$(qpdf --show-npages "$TMP/sum.pdf")
	p=2
	while [ $p -le "$np" ]; do
		# the page's table rows: the header, then "Sum" straight away
		if pdftotext -f $p -l $p "$TMP/sum.pdf" - | grep -v '^\s*$' |
		    grep -A1 '^Beløp$' | sed -n 2p | grep -q '^Sum$'; then
			lone="$lone $k"
		fi
		p=$((p + 1))
	done
	k=$((k + 3))
done
if [ -z "$lone" ]; then ok "tables: the Sum row never stands alone under a repeated header"
else fail "tables: the Sum row never stands alone under a repeated header" "with 3 x$lone words more"; fi
