#!/bin/sh
# tests/cmd/typeset.sh - `planverk typeset`: XHTML to PDF, judged by what
# a reader and the PDF tools get out of it (poppler-utils, qpdf).
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
LFIX="$FIX/layout"

# The readers are installed by `make check` (make deps); without them
# nothing here can be judged, and that is a failure, not a skip.
for tool in pdftotext qpdf; do
	if ! command -v "$tool" >/dev/null; then
		fail "typeset: $tool is installed (make deps)"
		exit 1
	fi
done

# The A4 default theme: 595.28 x 841.89 pt, 25 mm = 70.87 pt margins.
PW=595.28
PH=841.89
M=70.87

sed "s|\.\./xhtml/img/|$FIX/xhtml/img/|g" "$LFIX/plan.xhtml" >"$TMP/plan.xhtml"

run typeset "$TMP/plan.xhtml" -o "$TMP/plan.pdf"
expect_rc "typeset: a plan typesets" 0
if [ ! -s "$err" ]; then ok "typeset: nothing on stderr"; else
	fail "typeset: nothing on stderr"; fi

pdftotext -enc UTF-8 "$TMP/plan.pdf" "$TMP/plan.txt" 2>"$TMP/pdftotext.err"
if [ ! -s "$TMP/pdftotext.err" ]; then ok "typeset: pdftotext reads it without warnings"
else fail "typeset: pdftotext reads it without warnings" "$(head -3 "$TMP/pdftotext.err")"; fi
for w in "Kompetanseplan for grunnskolen" "Søndre Land kommune" "kompetanseløftet" \
    "Innhold" "Side 3 av" "1 040 000" "á č đ ŋ š ŧ ž" "Mål for perioden" \
    "Tabell 1: Tiltak og ansvar"; do
	if grep -qF -- "$w" "$TMP/plan.txt"; then ok "typeset: text has '$w'"
	else fail "typeset: text has '$w'"; fi
done

# Every word inside the margins left and right; above and below only the
# running header and footer, in their bands.
pdftotext -bbox "$TMP/plan.pdf" "$TMP/plan.html" 2>/dev/null
bad=$(awk -v pw="$PW" -v ph="$PH" -v m="$M" '
	/<word / {
		match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMin="[^"]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMax="[^"]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		if (x0 < m - 0.5 || x1 > pw - m + 0.5) { print; next }
		if (y0 < m - 40 || y1 > ph - m + 40) print
	}' "$TMP/plan.html" | head -5)
if [ -z "$bad" ]; then ok "typeset: every word inside the margins"
else fail "typeset: every word inside the margins" "$bad"; fi

n=$(qpdf --show-npages "$TMP/plan.pdf")
if grep -qF "Side $n av $n" "$TMP/plan.txt"; then ok "typeset: the footer counts $n pages"
else fail "typeset: the footer counts $n pages"; fi
if [ "$n" -ge 4 ]; then ok "typeset: several pages ($n)"; else fail "typeset: several pages ($n)"; fi

qpdf --json "$TMP/plan.pdf" >"$TMP/plan.json" 2>/dev/null
nout=$(grep -c '"/Title"' "$TMP/plan.json")
if grep -q '"/Outlines"' "$TMP/plan.json" && [ "$nout" -ge 8 ]; then
	ok "typeset: bookmarks for the headings"
else fail "typeset: bookmarks for the headings" "$nout titles"; fi
if grep -q '"/URI": "u:https://www.udir.no/' "$TMP/plan.json"; then
	ok "typeset: an external link"
else fail "typeset: an external link"; fi
nlinks=$(grep -c '"/Subtype": "/Link"' "$TMP/plan.json")
if [ "$nlinks" -ge 12 ]; then ok "typeset: TOC and text links ($nlinks)"
else fail "typeset: TOC and text links ($nlinks)"; fi

if pdffonts "$TMP/plan.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'; then
	ok "typeset: all fonts embedded"
else fail "typeset: all fonts embedded" "$(pdffonts "$TMP/plan.pdf")"; fi

# Same input, same SOURCE_DATE_EPOCH: the same bytes.
SOURCE_DATE_EPOCH=0 $PLANVERK typeset "$TMP/plan.xhtml" -o "$TMP/a.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=0 $PLANVERK typeset "$TMP/plan.xhtml" -o "$TMP/b.pdf" 2>/dev/null
if cmp -s "$TMP/a.pdf" "$TMP/b.pdf"; then ok "typeset: reproducible with SOURCE_DATE_EPOCH"
else fail "typeset: reproducible with SOURCE_DATE_EPOCH"; fi

SOURCE_DATE_EPOCH=yesterday run typeset "$TMP/plan.xhtml" -o "$TMP/c.pdf"
expect_rc "typeset: a bad SOURCE_DATE_EPOCH is a usage error" 2
expect_err_has "typeset: which says so" "SOURCE_DATE_EPOCH must be a whole number"

# The default output sits beside the input.
run typeset "$TMP/plan.xhtml"
expect_rc "typeset: default output" 0
if [ -s "$TMP/plan.pdf" ]; then ok "typeset: DOC.pdf beside DOC.xhtml"
else fail "typeset: DOC.pdf beside DOC.xhtml"; fi

# A failure leaves an existing PDF alone.
cp "$TMP/plan.pdf" "$TMP/keep.pdf"
cp "$TMP/plan.pdf" "$TMP/before.pdf"
printf '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>open\n</body></html>\n' >"$TMP/bad.xhtml"
run typeset "$TMP/bad.xhtml" -o "$TMP/keep.pdf"
expect_rc "typeset: bad XHTML is an input error" 1
expect_err_has "typeset: the error names the file" "bad.xhtml:"
if cmp -s "$TMP/keep.pdf" "$TMP/before.pdf"; then ok "typeset: the old PDF is untouched"
else fail "typeset: the old PDF is untouched"; fi

# Kept on the portrait page (a landscape page would hold it: see
# tests/cmd/tables.sh).
run typeset "$LFIX/wide.xhtml" -o "$TMP/wide.pdf" --theme "$FIX/tables/squeeze-theme.json"
expect_rc "typeset: a table too wide to read" 1
expect_err_has "typeset: says why" "wide.xhtml:6: error: table has 30 columns that cannot be set at a readable width (needs 540 pt, has 454 pt)"
if [ ! -e "$TMP/wide.pdf" ]; then ok "typeset: and writes nothing"
else fail "typeset: and writes nothing"; fi

run typeset "$TMP/missing.xhtml" -o "$TMP/m.pdf"
expect_rc "typeset: a missing input" 1

run typeset --frobnicate "$TMP/plan.xhtml"
expect_rc "typeset: an unknown option" 2
expect_err_has "typeset: names it" "unknown option --frobnicate; see planverk typeset --help"
run typeset
expect_rc "typeset: no input" 2
run typeset "$TMP/plan.xhtml" -o
expect_rc "typeset: -o without a value" 2
run typeset --help
expect_rc "typeset: --help" 0
expect_out_has "typeset: --help shows usage" "usage: planverk typeset DOC.xhtml"

# A theme with a mistake: the place and a suggestion.
printf '{\n  "page": {"size": "A5"},\n  "colours": {"accent": "#000000"}\n}\n' >"$TMP/theme.json"
run typeset "$TMP/plan.xhtml" --theme "$TMP/theme.json" -o "$TMP/t.pdf"
expect_rc "typeset: a bad theme" 1
expect_err "typeset: its message" "$TMP/theme.json:3:3: error: theme: unknown key \"colours\" in the theme (did you mean \"colors\"?)"
printf '{"page": {"size": "A5"}, "colors": {"accent": "#6B1D1D"}}\n' >"$TMP/theme.json"
run typeset "$TMP/plan.xhtml" --theme "$TMP/theme.json" -o "$TMP/a5.pdf"
expect_rc "typeset: an A5 theme" 0
if pdfinfo "$TMP/a5.pdf" | grep -q "Page size: *419.53 x 595.28"; then ok "typeset: A5 pages"
else fail "typeset: A5 pages" "$(pdfinfo "$TMP/a5.pdf" | grep size)"; fi

# Labels by language.
sed 's/lang="nb"/lang="se"/' "$TMP/plan.xhtml" >"$TMP/se.xhtml"
run typeset "$TMP/se.xhtml" -o "$TMP/se.pdf"
expect_rc "typeset: North Sami" 0
if pdftotext "$TMP/se.pdf" - | grep -q "Siidu 2 / $n"; then ok "typeset: Siidu 2 / $n"
else fail "typeset: Siidu 2 / $n"; fi
if pdftotext "$TMP/se.pdf" - | grep -q "Sisdoallu"; then ok "typeset: Sisdoallu"
else fail "typeset: Sisdoallu"; fi

# A font map that names a missing file.
printf '{"families": {"Open Sans": {"regular": "NoSuchFont.ttf"}}}\n' >"$TMP/fonts.json"
run typeset "$TMP/plan.xhtml" --fonts "$TMP/fonts.json" -o "$TMP/nf.pdf"
expect_rc "typeset: a font that cannot be found" 1
expect_err_has "typeset: names it" "NoSuchFont.ttf"

# Stage times on request.
PLANVERK_TIMING=1 run typeset "$TMP/plan.xhtml" -o "$TMP/timing.pdf"
expect_rc "typeset: PLANVERK_TIMING" 0
expect_err_has "typeset: prints the stages" "planverk typeset: parse "

# Dumps for reading, without a PDF unless asked.
run typeset "$TMP/plan.xhtml" --dump-layout
expect_rc "typeset: --dump-layout" 0
expect_out_has "typeset: the dump shows pages" "page 1"

# Every fixture of the vocabulary typesets.
for f in "$FIX"/xhtml/*.xhtml; do
	case "$f" in */prose20.xhtml|*/figure.xhtml) continue ;; esac
	run typeset "$f" -o "$TMP/f.pdf"
	expect_rc "typeset: $(basename "$f")" 0
done
