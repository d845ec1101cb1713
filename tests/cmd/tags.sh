#!/bin/sh
# tests/cmd/tags.sh - the tagged-PDF checker tests/pdftags.py (issue 12:
# PDF/UA-1 and PDF/A-2a).  First the checker itself, on hand-made PDFs
# (tests/pdftags_fixtures.py): it passes a correctly tagged file, prints
# its screen reader view, and names the one problem of each broken
# variant; it reads 2 000 pages in well under a minute.  Then, once
# planverk's output is tagged, every example in input/ and every XHTML
# fixture that typesets must pass it.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1
# Debian's python, which has python3-pikepdf (pyenv's python3 has not).
PY=/usr/bin/python3
chk() { $PY tests/pdftags.py "$@"; }

if ! $PY tests/pdftags_fixtures.py "$TMP" 2>"$TMP/gen"; then
	fail "make the hand-made tagged PDFs" "$(head -5 "$TMP/gen")"
	exit 1
fi

chk "$TMP/good.pdf" >"$TMP/chk" 2>&1
rc=$?
if [ "$rc" = 0 ] && grep -qxF "$TMP/good.pdf: 2 pages, 24 structure elements, 16 tagged sequences, 5 artifact sequences, 0 problems" "$TMP/chk"; then
	ok "a correctly tagged file passes, with its counts of elements, tagged and artifact sequences"
else
	fail "a correctly tagged file passes, with its counts of elements, tagged and artifact sequences" \
	    "exit status $rc" "$(head -8 "$TMP/chk")"
fi

# The screen reader view: reading order, table headers announced for
# their cells, alt text, the link's target, the nynorsk span, the
# footnote where it is referenced, list labels read with their items.
cat >"$TMP/tree.expected" <<'T'
Document
  Sect
    H1 1 Innledning
    P Planen gjelder for Ørland og Åfjord. Se Udir for mer.
      Link Udir -> https://www.udir.no/
      Note 1 Kilde: kommunen.
    Table
      TR
        TH Tiltak
        TH Kostnad
      TR
        TD Tiltak: Kurs
        TD Kostnad: 10 000
    Figure Et kart over Ørland
    H2 1.1 Mål
    P Dette er skrive på nynorsk.
      Span [nn-NO] Dette er skrive på nynorsk.
    L
      LI • Første punkt
      LI • Andre punkt
T
chk --tree "$TMP/good.pdf" >"$TMP/tree" 2>"$TMP/chk"
if cmp -s "$TMP/tree.expected" "$TMP/tree"; then
	ok "--tree prints the screen reader view, TD with its column's header"
else
	fail "--tree prints the screen reader view, TD with its column's header" \
	    "$(diff "$TMP/tree.expected" "$TMP/tree" | head -20)"
fi
if grep -q "0 problems" "$TMP/chk" && ! grep -q "problems" "$TMP/tree"; then
	ok "--tree sends the summary to standard error"
else
	fail "--tree sends the summary to standard error" "$(head -3 "$TMP/chk")"
fi

# Each variant is broken in one way; the checker names that problem and
# (the problem count) nothing it was not asked to find.
while IFS='|' read -r v n want; do
	chk "$TMP/$v.pdf" >"$TMP/chk" 2>&1
	rc=$?
	if [ "$rc" = 1 ] && grep -qF -- "$TMP/$v.pdf: $want" "$TMP/chk" &&
	    grep -q " $n problems\$" "$TMP/chk"; then
		ok "$v: the checker names it: $want"
	else
		fail "$v: the checker names it: $want" "exit status $rc, expected 1 and $n problems" \
		    "$(cat "$TMP/chk")"
	fi
done <<'V'
unref|1|page 1: MCID 4 "Ingen eier denne" is not referenced by the structure tree
noalt|1|Figure without /Alt (no text) on page 1
noscope|2|TH without /Scope (Row, Column or Both) "Tiltak" on page 1
untagged|1|page 1: 1 text and 0 painting operators outside tagged content or an artifact (first: 'Løs tekst uten merking')
reversed|1|reading order: the tree reads "for mer." (page 1) before "1 Innledning" (page 1), which comes first on the pages
nocontents|1|page 1: Link annotation without /Contents
skip|1|heading levels skip from H1 to H3 "1.1 Mål" on page 2
parenttree|2|page 1: the ParentTree gives MCID 0 to P, the structure tree to H1
noobjr|3|Link element "Udir" on page 1 without an OBJR to a link annotation
xmp|2|XMP: no pdfaExtension:schemas description of the pdfuaid namespace
catalog|2|catalog: no /Lang
nested|2|page 1: MCID 2 nested inside MCID 99
form|1|page 1: 1 text and 1 painting operators outside tagged content or an artifact (first: 'Logo')
noth|1|Table without TH "Tiltak Kostnad Kurs 10 000" on page 1
list|2|LI whose kids are not Lbl and LBody "• Første punkt" on page 2
note|1|Note without /ID "1 Kilde: kommunen." on page 1
archive|3|font DejaVuSans has no /ToUnicode
archive|3|page 1: Link annotation without the print flag (/F 4)
archive|3|catalog: no /OutputIntents entry /S /GTS_PDFA1 with a /DestOutputProfile
V

chk "$TMP/good.pdf" "$TMP/noalt.pdf" >"$TMP/chk" 2>&1
rc=$?
if [ "$rc" = 1 ] && grep -q "good.pdf: .* 0 problems" "$TMP/chk" && grep -q "noalt.pdf: .* 1 problems" "$TMP/chk"; then
	ok "several files: one summary each, exit status 1 if any has a problem"
else
	fail "several files: one summary each, exit status 1 if any has a problem" "exit status $rc"
fi
chk >"$TMP/chk" 2>&1
rc=$?
expect_rc "no file: a usage message and exit status 2" 2

# 2 000 pages of the same, read in well under a minute: no walk is
# quadratic.
$PY tests/pdftags_fixtures.py "$TMP" --pages 2000
t0=$(date +%s)
chk "$TMP/big.pdf" >"$TMP/chk" 2>&1
rc=$?
t1=$(date +%s)
if [ "$rc" = 0 ] && [ $((t1 - t0)) -lt 60 ] &&
    grep -q "2000 pages, 26001 structure elements, 20000 tagged sequences, 8000 artifact sequences, 0 problems" "$TMP/chk"; then
	ok "2000 pages checked in $((t1 - t0)) s (under 60)"
else
	fail "2000 pages checked in under 60 s" "$((t1 - t0)) s, exit status $rc" "$(head -5 "$TMP/chk")"
fi
rm -f "$TMP/big.pdf"

# planverk's own PDFs: every example and every fixture that typesets.
run build input/sondre-land-kompetanseplan.json -o "$TMP/sl.pdf"
if true; then
	for f in input/*.json; do
		n=$(basename "$f" .json)
		run build "$f" -o "$TMP/$n.pdf"
		if [ "$rc" = 0 ] && chk "$TMP/$n.pdf" >"$TMP/chk" 2>&1; then
			ok "$n: tagged PDF/UA-1 and PDF/A-2a as the checker reads it"
		else
			fail "$n: tagged PDF/UA-1 and PDF/A-2a as the checker reads it" "$(head -12 "$TMP/chk")"
		fi
	done
	for x in tests/fixtures/*/*.xhtml; do
		n=$(echo "$x" | sed 's|tests/fixtures/||; s|/|-|g; s|\.xhtml$||')
		run typeset "$x" -o "$TMP/$n.pdf"
		[ "$rc" = 0 ] || continue # a fixture made to fail is another test's
		if chk "$TMP/$n.pdf" >"$TMP/chk" 2>&1; then
			ok "fixture $n: passes the tag checker"
		else
			fail "fixture $n: passes the tag checker" "$(head -12 "$TMP/chk")"
		fi
	done
	# A screen reader reads the contents' heading and the chapters in
	# order, and a table's cells with their column headers.
	chk --tree "$TMP/sl.pdf" >"$TMP/tree" 2>/dev/null
	sed -n 's/^ *H1 //p' "$TMP/tree" >"$TMP/h1"
	cat >"$TMP/h1.expected" <<'H'
Innhold
1 Innledning
2 Mål og utfordringer
3 Nasjonale føringer
4 Kommunalt utviklingsarbeid
5 Videreutdanning av lærere
6 Skolebasert utviklingsarbeid 2009 - 2018
7 Skolebasert utviklingsarbeid 2018 – 2020
H
	if cmp -s "$TMP/h1.expected" "$TMP/h1"; then
		ok "sondre-land: the screen reader view reads the chapters in order"
	else
		fail "sondre-land: the screen reader view reads the chapters in order" \
		    "$(diff "$TMP/h1.expected" "$TMP/h1" | head -12)"
	fi
	if grep -Eq '^ *TD [^:]+: .' "$TMP/tree"; then
		ok "sondre-land: table cells are announced with their column header"
	else
		fail "sondre-land: table cells are announced with their column header"
	fi
fi
