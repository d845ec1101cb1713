#!/bin/sh
# tests/cmd/limits-layout.sh - the limits and damaged inputs of the parse,
# layout and emit stages, as `planverk typeset` meets them: nothing is
# dropped silently, everything too large is refused before the work with a
# message naming the limit and the place, a damaged file names the file.
# Big inputs are generated here, not committed.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
EFIX="$FIX/emit"

for tool in pdftotext qpdf python3; do
	if ! command -v "$tool" >/dev/null; then
		fail "limits-layout: $tool is installed (needed by these tests)"
		exit 1
	fi
done

xhtml() { # FILE BODY: a document around BODY
	printf '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n%s\n</body></html>\n' "$2" >"$1"
}

# --- One word longer than the old item cap (131 072 characters): all of
# it is in the PDF, broken between characters.
python3 -c "
import sys
w = ''.join(chr(ord('a') + i % 26) for i in range(200000))
open(sys.argv[1], 'w').write(w)
open(sys.argv[2], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>start ' + w + ' slutt</p>\n</body></html>\n')
" "$TMP/word.txt" "$TMP/word.xhtml"
run typeset "$TMP/word.xhtml" -o "$TMP/word.pdf"
expect_rc "limits: a 200 000-character word typesets" 0
# (Without the running footers "Side N av M" between the pages.)
pdftotext -enc UTF-8 "$TMP/word.pdf" - 2>/dev/null | grep -v '^Side [0-9]* av [0-9]*$' |
	tr -d ' \n\f' >"$TMP/word.got"
if python3 -c "
import sys
w = open(sys.argv[1]).read(); got = open(sys.argv[2]).read()
sys.exit(0 if ('start' + w + 'slutt') in got else 1)" "$TMP/word.txt" "$TMP/word.got"; then
	ok "limits: every character of the long word is in the PDF"
else fail "limits: every character of the long word is in the PDF" \
	"$(wc -c <"$TMP/word.got") characters of text"; fi

# Just over PARA_MAX_TEXT (262 144 bytes): refused, named, no PDF.
python3 -c "
import sys
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>\n' + 'x' * 262145 + '</p>\n</body></html>\n')
" "$TMP/para.xhtml"
run typeset "$TMP/para.xhtml" -o "$TMP/para.pdf"
expect_rc "limits: a paragraph over PARA_MAX_TEXT is an input error" 1
expect_err_has "limits: which names the place and the limit" \
	"para.xhtml:2: error: this paragraph has 262145 bytes of text, more than the 262144 planverk sets in one paragraph or word (PARA_MAX_TEXT)"
if [ ! -e "$TMP/para.pdf" ]; then ok "limits: and writes no PDF"
else fail "limits: and writes no PDF"; fi
# Exactly at the limit it is set.
python3 -c "
import sys
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>' + 'x' * 262144 + '</p>\n</body></html>\n')
" "$TMP/para.xhtml"
run typeset "$TMP/para.xhtml" -o "$TMP/para.pdf"
expect_rc "limits: a paragraph of exactly PARA_MAX_TEXT bytes typesets" 0

# --- JPEG: a good one and a CMYK one pass qpdf --check; damaged ones are
# refused, naming the file, and no PDF is written.
mkdir -p "$TMP/img"
cp "$EFIX/photo.jpg" "$TMP/img/ok.jpg"
cp "$EFIX/cmyk.jpg" "$TMP/img/cmyk.jpg"
for f in ok cmyk; do
	xhtml "$TMP/$f.xhtml" "<p>Bilde</p><figure><img src=\"img/$f.jpg\" alt=\"bilde\"/></figure>"
	(cd "$TMP" && $PLANVERK typeset "$f.xhtml" -o "$f.pdf" >stdout 2>stderr)
	rc=$?
	err="$TMP/stderr"
	expect_rc "limits: $f.jpg is embedded" 0
	if qpdf --check "$TMP/$f.pdf" >"$TMP/qpdf.out" 2>&1; then
		ok "limits: the PDF with $f.jpg passes qpdf --check"
	else fail "limits: the PDF with $f.jpg passes qpdf --check" "$(tail -3 "$TMP/qpdf.out")"; fi
done
size=$(wc -c <"$EFIX/photo.jpg")
head -c $((size - 30)) "$EFIX/photo.jpg" >"$TMP/img/x.jpg"
head -c 400 "$EFIX/photo.jpg" >"$TMP/img/y.jpg"
for f in x y; do
	xhtml "$TMP/$f.xhtml" "<p>Bilde</p><figure><img src=\"img/$f.jpg\" alt=\"bilde\"/></figure>"
	(cd "$TMP" && $PLANVERK typeset "$f.xhtml" -o "$f.pdf" >stdout 2>stderr)
	rc=$?
	err="$TMP/stderr"
	expect_rc "limits: a truncated JPEG ($f) is an input error" 1
	if [ ! -e "$TMP/$f.pdf" ]; then ok "limits: no PDF with a truncated JPEG ($f)"
	else fail "limits: no PDF with a truncated JPEG ($f)"; fi
done
err="$TMP/stderr"
(cd "$TMP" && $PLANVERK typeset x.xhtml -o x.pdf >stdout 2>stderr)
expect_err "limits: the message names the image" \
	"img/x.jpg: error: cannot use this image: not a complete JPEG (no end marker)"
(cd "$TMP" && $PLANVERK typeset y.xhtml -o y.pdf >stdout 2>stderr)
expect_err_has "limits: a segment past the end is named" \
	"img/y.jpg: error: cannot use this image: not a complete JPEG: the Huffman table (DHT) segment at byte 393 runs past the end of the file"

# --- A damaged font names the font file and the table.
osr=$(ls /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf 2>/dev/null)
if [ -z "$osr" ]; then
	fail "limits: fonts-open-sans is installed (needed for the font tests)"
else
	mkdir -p "$TMP/fonts"
	python3 -c "
import struct, sys
d = bytearray(open(sys.argv[1], 'rb').read())
n = struct.unpack('>H', d[4:6])[0]
for i in range(n):
    e = 12 + 16 * i
    if d[e:e + 4] == b'glyf':
        struct.pack_into('>I', d, e + 12, struct.unpack('>I', d[e + 12:e + 16])[0] + len(d))
open(sys.argv[2], 'wb').write(d)" "$osr" "$TMP/fonts/Bad.ttf"
	printf '{"families": {"Open Sans": {"regular": "Bad.ttf", "bold": "Bad.ttf", "italic": "Bad.ttf", "bold-italic": "Bad.ttf"}}}\n' >"$TMP/fonts/map.json"
	xhtml "$TMP/font.xhtml" "<p>Tekst</p>"
	run typeset "$TMP/font.xhtml" --fonts "$TMP/fonts/map.json" -o "$TMP/font.pdf"
	expect_rc "limits: a damaged font is an input error" 1
	expect_err_has "limits: which names the font file and the table" \
		"Bad.ttf: error: damaged font: table 'glyf' runs past the end of the file"
	if [ ! -e "$TMP/font.pdf" ]; then ok "limits: no PDF with a damaged font"
	else fail "limits: no PDF with a damaged font"; fi
fi

# --- Malformed XHTML: our words with line:col, never libxml2's.
raw='StartTag|Opening and ending|Premature end|xmlParse|EntityRef|AttValue|Extra content|Document is empty|Couldn.t find|Specification mandates|redefined|not terminated|CData|Namespace prefix|Start tag expected|expected .>.'
if grep -El "$raw" "$FIX"/xhtml/bad/*.err >"$TMP/raw.txt"; then
	fail "limits: no libxml2 wording in the bad-XHTML catalogue" "$(cat "$TMP/raw.txt")"
else ok "limits: no libxml2 wording in the bad-XHTML catalogue"; fi
python3 -c "
import sys
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n' + '<div>' * 100000 + 'x' + '</div>' * 100000 + '\n</body></html>\n')
" "$TMP/deep.xhtml"
run typeset "$TMP/deep.xhtml" -o "$TMP/deep.pdf"
expect_rc "limits: 100 000 nested elements are an input error" 1
expect_err "limits: refused at PARSE_MAX_DEPTH, with the place" \
	"$TMP/deep.xhtml:2:315: error: elements nested more than 64 deep (PARSE_MAX_DEPTH; here <div>)"
printf '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p class=x>a</p>\n</body></html>\n' >"$TMP/q.xhtml"
run typeset "$TMP/q.xhtml" -o "$TMP/q.pdf"
expect_rc "limits: an attribute without quotes is an input error" 1
expect_err "limits: said in our words with line:col" \
	"$TMP/q.xhtml:2:10: error: an attribute value must be in quotes, as in class=\"box\""
if grep -Eq "$raw" "$err"; then fail "limits: and nothing of libxml2's"; else ok "limits: and nothing of libxml2's"; fi
