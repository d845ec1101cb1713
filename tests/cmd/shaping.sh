#!/bin/sh
# tests/cmd/shaping.sh - text shaped with HarfBuzz: kerning shows as TJ
# adjustments inside words, ligatures and marks are drawn, and the text
# read back from the PDF is every word of the input exactly.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
LFIX="$FIX/layout"

run typeset "$LFIX/shaping.xhtml" -o "$TMP/s.pdf"
expect_rc "shaping: the paragraph typesets" 0

# Kerning: "Vår", "To", "ty" are kerned pairs in Open Sans; the content
# stream shows a small number between two glyph strings of one word
# (a word space is more than 200 thousandths of an em).
qpdf --qdf --object-streams=disable "$TMP/s.pdf" "$TMP/s.qdf" 2>/dev/null
if grep -a 'TJ$' "$TMP/s.qdf" | grep -aqE '> -?[0-9]{1,3} <'; then
	ok "shaping: kerning is a TJ adjustment inside a word"
else
	fail "shaping: kerning is a TJ adjustment inside a word" \
	    "$(grep -a 'TJ$' "$TMP/s.qdf" | head -3)"
fi
n=$(grep -a 'TJ$' "$TMP/s.qdf" | grep -aoE '> -?[0-9]{1,3} <' | wc -l)
if [ "$n" -ge 6 ]; then ok "shaping: several kerned pairs ($n)"
else fail "shaping: several kerned pairs ($n)"; fi

# Every word back, compared in NFC (a decomposed letter may come back
# precomposed, which is the same text).
pdftotext "$TMP/s.pdf" "$TMP/s.txt" 2>"$TMP/pt.err"
want=$(sed -n 's/.*<p>\(.*\)<\/p>.*/\1/p' "$LFIX/shaping.xhtml")
if python3 - "$TMP/s.txt" "$want" <<'PY'
import sys, unicodedata, html
got = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read()).split()
want = unicodedata.normalize("NFC", html.unescape(sys.argv[2])).split()
missing = [w for w in want if w not in got]
print("missing:", missing) if missing else None
sys.exit(1 if missing else 0)
PY
then ok "shaping: pdftotext gives back every word (ligatures, æøå, Sami)"
else fail "shaping: pdftotext gives back every word (ligatures, æøå, Sami)" \
    "$(head -2 "$TMP/s.txt")"; fi

# A ligature was used: "fi" in Open Sans is one glyph, and the ToUnicode
# map gives the two letters back.
if grep -aqE '^<[0-9A-F]{4}> <00660069>$' "$TMP/s.qdf"; then
	ok "shaping: the fi ligature maps back to f and i"
else fail "shaping: the fi ligature maps back to f and i"; fi

if qpdf --check "$TMP/s.pdf" >/dev/null 2>&1; then ok "shaping: qpdf --check"
else fail "shaping: qpdf --check"; fi

# Right-to-left text is refused with its place and words, never set
# backwards with exit 0.
run typeset "$LFIX/rtl.xhtml" -o "$TMP/r.pdf"
expect_rc "shaping: Hebrew text is refused" 1
expect_err "shaping: the error names the text and its line" \
    "$LFIX/rtl.xhtml:5: error: right-to-left text (U+05E9) cannot be set yet: 'שלום'; planverk does not set Arabic or Hebrew script, so write the text in Latin letters or leave it out"

# An OpenType font with CFF outlines (Nimbus Sans from fonts-urw-base35,
# which ghostscript brings) typesets and is embedded as a subset.
OFIX="$FIX/fonts-otf"
run typeset --fonts "$OFIX/fonts.json" "$OFIX/otf.xhtml" -o "$TMP/o.pdf"
expect_rc "shaping: an OTF (CFF) font typesets" 0
if pdffonts "$TMP/o.pdf" 2>/dev/null | grep -qE \
    '^[A-Z]{6}\+NimbusSans-Regular +CID Type 0C \(OT\) +Identity-H +yes +yes +yes'; then
	ok "shaping: the OTF font is embedded as a subset (emb, sub, uni)"
else fail "shaping: the OTF font is embedded as a subset (emb, sub, uni)" \
    "$(pdffonts "$TMP/o.pdf" 2>&1 | tail -2)"; fi
if qpdf --check "$TMP/o.pdf" >/dev/null 2>&1; then ok "shaping: OTF: qpdf --check"
else fail "shaping: OTF: qpdf --check"; fi
pdftotext "$TMP/o.pdf" "$TMP/o.txt" 2>/dev/null
if grep -qF "Vår To ty Vågå Tørking AVTALE flaske æøå ÆØÅ Čáhcesuorgi" "$TMP/o.txt"
then ok "shaping: OTF: pdftotext gives the words back"
else fail "shaping: OTF: pdftotext gives the words back" "$(head -2 "$TMP/o.txt")"; fi
if gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage "$TMP/o.pdf" >"$TMP/gs.out" 2>&1 &&
    [ ! -s "$TMP/gs.out" ]; then ok "shaping: OTF: ghostscript renders it without a word"
else fail "shaping: OTF: ghostscript renders it without a word" "$(head -3 "$TMP/gs.out")"; fi

# fontconfig: a family the font map lacks is found among the installed
# fonts (fonts-dejavu-core ships DejaVu Serif), embedded as a subset; an
# unknown family is still an error naming it.
echo '{"fonts": {"body": {"family": "DejaVu Serif"}}}' >"$TMP/fc-theme.json"
if $PLANVERK typeset "$FIX/layout/shaping.xhtml" --theme "$TMP/fc-theme.json" \
    -o "$TMP/fc.pdf" 2>"$TMP/fc.err" &&
    pdffonts "$TMP/fc.pdf" | grep -q "+DejaVuSerif .* yes *yes *yes"; then
	ok "shaping: fontconfig finds an installed family (DejaVu Serif), embedded"
else
	fail "shaping: fontconfig finds an installed family (DejaVu Serif), embedded" \
	    "$(cat "$TMP/fc.err"; pdffonts "$TMP/fc.pdf" 2>&1 | head -5)"
fi
echo '{"fonts": {"body": {"family": "Ingen Slik Skrift"}}}' >"$TMP/fc-bad.json"
$PLANVERK typeset "$FIX/layout/shaping.xhtml" --theme "$TMP/fc-bad.json" \
    -o "$TMP/fc-bad.pdf" >/dev/null 2>"$TMP/fc-bad.err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'unknown font family "Ingen Slik Skrift"' "$TMP/fc-bad.err" &&
    [ ! -e "$TMP/fc-bad.pdf" ]; then
	ok "shaping: a family neither the map nor fontconfig has is an error"
else
	fail "shaping: a family neither the map nor fontconfig has is an error" "rc=$rc $(cat "$TMP/fc-bad.err")"
fi

# The font map comes before fontconfig: a map that names "DejaVu Serif"
# after the Open Sans files gets Open Sans, although fontconfig has the
# real DejaVu Serif installed (which the test above found).
cat >"$TMP/fc-map.json" <<'MAP'
{"families": {
 "DejaVu Serif": {"regular": "OpenSans-Regular.ttf", "bold": "OpenSans-Bold.ttf",
  "italic": "OpenSans-Italic.ttf", "bold-italic": "OpenSans-BoldItalic.ttf"},
 "Open Sans": {"regular": "OpenSans-Regular.ttf", "bold": "OpenSans-Bold.ttf",
  "italic": "OpenSans-Italic.ttf", "bold-italic": "OpenSans-BoldItalic.ttf"},
 "DejaVu Sans Mono": {"regular": "DejaVuSansMono.ttf", "bold": "DejaVuSansMono-Bold.ttf",
  "italic": "DejaVuSansMono-Oblique.ttf", "bold-italic": "DejaVuSansMono-BoldOblique.ttf"}}}
MAP
if $PLANVERK typeset "$FIX/layout/shaping.xhtml" --theme "$TMP/fc-theme.json" \
    --fonts "$TMP/fc-map.json" -o "$TMP/fc-map.pdf" 2>"$TMP/fc-map.err" &&
    pdffonts "$TMP/fc-map.pdf" >"$TMP/fc-map.fonts" &&
    grep -q "+OpenSans " "$TMP/fc-map.fonts" &&
    ! grep -q "DejaVuSerif" "$TMP/fc-map.fonts"; then
	ok "shaping: the font map comes before fontconfig for the same family"
else
	fail "shaping: the font map comes before fontconfig for the same family" \
	    "$(cat "$TMP/fc-map.err" "$TMP/fc-map.fonts" 2>/dev/null)"
fi
