#!/bin/sh
# tests/cmd/pages.sh - where pages break, as a reader sees it in the PDF:
# a heading (or a bold line acting as one) never ends a page alone but
# goes with the first rows of its table; a lead-in stays with its table
# or list; a long table starts on a partly filled page and continues
# with its header repeated; the running header shows the short title
# whole.  Each rule is tried with the block at every height of the page
# foot (the filler grows a line at a time), read back with pdftotext.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME

# page_of PDF WORD: the first page (1-based) holding the word, or 0.
page_of() {
	pdftotext -bbox "$1" - 2>/dev/null | awk -v w="$2" '
		/<page / { p++ }
		/<word / { sub(/^.*">/, ""); sub(/<\/word>.*$/, "")
			if ($0 == w) { print p; found = 1; exit } }
		END { if (!found) print 0 }'
}
# pages_with PDF WORD: how many pages hold the word.
pages_with() {
	pdftotext -bbox "$1" - 2>/dev/null | awk -v w="$2" '
		/<page / { p++ }
		/<word / { sub(/^.*">/, ""); sub(/<\/word>.*$/, "")
			if ($0 == w) seen[p] = 1 }
		END { n = 0; for (k in seen) n++; print n }'
}

# doc N BLOCK: N one-line filler paragraphs, then BLOCK (XHTML).
doc() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">'
		echo '<head><title>Sideskift</title></head><body>'
		i=0
		while [ $i -lt "$1" ]; do
			echo "<p>Fyllinje nummer $i i teksten.</p>"
			i=$((i + 1))
		done
		printf '%s\n' "$2"
		echo '</body></html>'
	} >"$TMP/doc.xhtml"
	$PLANVERK typeset "$TMP/doc.xhtml" -o "$TMP/doc.pdf" >/dev/null \
	    2>"$TMP/stderr"
}

# rows N WORD: a table of N body rows, the first cell of the first row
# being WORD, under a header row "Kolonnehode".
rows() {
	echo '<table><thead><tr><th>Kolonnehode</th><th>Ansvar</th></tr></thead><tbody>'
	echo "<tr><td>$2</td><td>Rektor</td></tr>"
	i=1
	while [ $i -lt "$1" ]; do
		echo "<tr><td>Rad $i</td><td>Skoleeier</td></tr>"
		i=$((i + 1))
	done
	echo '</tbody></table>'
}

# together NAME BLOCK WORD...: with the filler at every length from 20
# to 45 lines, all the words land on one page.
together() {
	name=$1 block=$2
	shift 2
	bad=
	n=20
	while [ $n -le 45 ]; do
		if ! doc $n "$block"; then bad="$bad n=$n:typeset-failed"; fi
		p0=$(page_of "$TMP/doc.pdf" "$1")
		for w in "$@"; do
			p=$(page_of "$TMP/doc.pdf" "$w")
			if [ "$p" = 0 ] || [ "$p" != "$p0" ]; then
				bad="$bad n=$n:$w@$p/$1@$p0"
			fi
		done
		n=$((n + 1))
	done
	if [ -z "$bad" ]; then ok "pages: $name"
	else fail "pages: $name" "$bad"; fi
}

together "a heading before a table goes to the next page with the table" \
    "<h2>Tiltaksoverskrift</h2>$(rows 12 Celleførst)" \
    Tiltaksoverskrift Kolonnehode Celleførst
together "a bold line acting as a heading goes with its table" \
    "<p class=\"lead\"><strong>Tiltak Skolenivå</strong></p>$(rows 12 Celleførst)" \
    Skolenivå Kolonnehode Celleførst
together "a lead-in ending in ':' stays with its table" \
    "<p>Tabellen nedenfor viser tiltakene:</p>$(rows 12 Celleførst)" \
    tiltakene: Kolonnehode Celleførst
together "a lead-in ending in ':' stays with its list" \
    "<p>Dette gjelder for tiltakene:</p><ul><li>Listepunktén er her</li><li>To</li><li>Tre</li></ul>" \
    tiltakene: Listepunktén
together "a chain of h2 and h3 keeps together with the table" \
    "<h2>Hovedoverskrift</h2><h3>Underoverskrift</h3>$(rows 12 Celleførst)" \
    Hovedoverskrift Underoverskrift Kolonnehode Celleførst

# A table taller than a third of a page, of few tall rows, after half a
# page of text: it starts right there and goes on with its header again,
# rather than leaving half the page empty.
tall=$(i=0; printf '<table><thead><tr><th>Kolonnehode</th><th>Ansvar</th></tr></thead><tbody>'
	while [ $i -lt 5 ]; do
		printf '<tr><td>Høyrad%d</td><td>' $i
		j=0; while [ $j -lt 12 ]; do printf '<p>Avsnitt %d i cellen.</p>' $j; j=$((j + 1)); done
		printf '</td></tr>'
		i=$((i + 1))
	done
	printf '</tbody></table>')
doc 18 "$tall"
p=$(page_of "$TMP/doc.pdf" Høyrad0)
h=$(pages_with "$TMP/doc.pdf" Kolonnehode)
last=$(page_of "$TMP/doc.pdf" Høyrad4)
if [ "$p" = 1 ] && [ "$h" -ge 2 ] && [ "$last" -ge 2 ]; then
	ok "pages: a long table starts on a partly filled page and repeats its header"
else
	fail "pages: a long table starts on a partly filled page and repeats its header" \
	    "first row on page $p, header on $h pages, last row on page $last"
fi
doc 18 "$(rows 60 Celleførst)"
p=$(page_of "$TMP/doc.pdf" Celleførst)
h=$(pages_with "$TMP/doc.pdf" Kolonnehode)
if [ "$p" = 1 ] && [ "$h" -ge 2 ]; then
	ok "pages: a table of many rows starts after the text and repeats its header"
else
	fail "pages: a table of many rows starts after the text and repeats its header" \
	    "first row on page $p, header on $h pages"
fi

# A table under a third of a page is not split: it moves whole.
n=20 bad=
while [ $n -le 45 ]; do
	doc $n "$(rows 4 Celleførst)"
	if [ "$(page_of "$TMP/doc.pdf" Celleførst)" != \
	    "$(page_of "$TMP/doc.pdf" "Rad")" ] ||
	    [ "$(pages_with "$TMP/doc.pdf" Kolonnehode)" != 1 ]; then
		bad="$bad n=$n"
	fi
	n=$((n + 1))
done
if [ -z "$bad" ]; then ok "pages: a small table is never split"
else fail "pages: a small table is never split" "$bad"; fi

# The running header: meta.short_title, whole.
sed 's|"title": "Kompetanseplan for barnehage og skole",|"title": "Kompetanseplan for barnehage og skole med en tittel som er altfor lang til å stå i topptekstens ene linje ved siden av kommunens navn",\n    "short_title": "Kortplan for barnehage og skole",|' \
    "$top/templates/kompetanseplan/starter.json" >"$TMP/short.json"
run build "$TMP/short.json" -o "$TMP/short.pdf"
expect_rc "pages: a plan with a short title builds" 0
pdftotext -f 3 -l 3 -layout "$TMP/short.pdf" - 2>/dev/null | head -3 >"$TMP/head.txt"
if grep -q "Kortplan for barnehage og skole" "$TMP/head.txt" &&
    ! grep -q "…" "$TMP/head.txt"; then
	ok "pages: the running header shows the short title whole"
else
	fail "pages: the running header shows the short title whole" "$(cat "$TMP/head.txt")"
fi

# A running title too long even so is cut after a whole word.
long="Kompetanseutviklingsstrategi for tidlig innsats og kvalitet i tilpasset opplæring i Sandnesskolen og i alle barnehagene i kommunen fra 2018 til 2022 og videre"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">'
	echo "<head><title>$long</title><meta name=\"author\" content=\"Sandnes kommune\"/></head><body>"
	n=0; while [ $n -lt 80 ]; do echo "<p>Fyllinje nummer $n i teksten.</p>"; n=$((n + 1)); done
	echo '</body></html>'
} >"$TMP/long.xhtml"
run typeset "$TMP/long.xhtml" -o "$TMP/long.pdf"
hl=$(pdftotext -f 2 -l 2 -layout "$TMP/long.pdf" - 2>/dev/null | head -1 |
    sed 's/ *Sandnes kommune *$//; s/^ *//')
cut=${hl%…}
case "$long " in
"$cut "*) if [ "$cut" != "$hl" ]; then
	ok "pages: a running header too long is cut after a whole word"
else fail "pages: a running header too long is cut after a whole word" "$hl"; fi ;;
*) fail "pages: a running header too long is cut after a whole word" "$hl" ;;
esac
