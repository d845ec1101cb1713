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
# it is in the PDF, broken between characters; each cut shows a hyphen at
# the end of its line, which is not part of the word.
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
	sed 's/-$//' | tr -d ' \n\f' >"$TMP/word.got"
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
	"img/x.jpg:1:1: error: cannot use this image: not a complete JPEG (no end marker)"
(cd "$TMP" && $PLANVERK typeset y.xhtml -o y.pdf >stdout 2>stderr)
expect_err_has "limits: a segment past the end is named" \
	"img/y.jpg:1:1: error: cannot use this image: not a complete JPEG: the Huffman table (DHT) segment at byte 393 runs past the end of the file"

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
		"Bad.ttf:1:1: error: damaged font: table 'glyf' runs past the end of the file"
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

# --- Tables: PARSE_MAX_TABLE_ROWS and PARSE_MAX_TABLE_COLUMNS are counted
# while the XHTML is read, so an oversized table is refused before
# layout sets a single row.
table() { # FILE ROWS COLS
	python3 -c "
import sys
n, c = int(sys.argv[2]), int(sys.argv[3])
rows = ''.join('<tr>' + '<td>r%dc%d</td>' % (i, 0) * c + '</tr>\n' for i in range(n))
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<table>\n' + rows + '</table>\n</body></html>\n')
" "$@"
}
table "$TMP/rows.xhtml" 20001 2
run typeset "$TMP/rows.xhtml" -o "$TMP/rows.pdf"
expect_rc "limits: a table of 20 001 rows is an input error" 1
expect_err "limits: refused at the row over PARSE_MAX_TABLE_ROWS" \
	"$TMP/rows.xhtml:20003: error: a table has more than 20000 rows (PARSE_MAX_TABLE_ROWS); split it into several tables"
if [ ! -e "$TMP/rows.pdf" ]; then ok "limits: and writes no PDF"
else fail "limits: and writes no PDF"; fi
table "$TMP/cols.xhtml" 2 41
run typeset "$TMP/cols.xhtml" -o "$TMP/cols.pdf"
expect_rc "limits: a table of 41 columns is an input error" 1
expect_err "limits: refused at the cell over PARSE_MAX_TABLE_COLUMNS" \
	"$TMP/cols.xhtml:3: error: a table has more than 40 columns (PARSE_MAX_TABLE_COLUMNS; this row spans 41 so far); split it into several tables"
# 80 000 rows: refused in well under a second's work (was 6 s, then a
# 2 000-page PDF).  The bound is loose for slow machines and sanitizers.
table "$TMP/rows80k.xhtml" 80000 3
t0=$(date +%s%N)
run typeset "$TMP/rows80k.xhtml" -o "$TMP/rows80k.pdf"
ms=$((($(date +%s%N) - t0) / 1000000))
expect_rc "limits: a table of 80 000 rows is an input error" 1
if [ "$ms" -lt 5000 ]; then ok "limits: and is refused quickly ($ms ms)"
else fail "limits: and is refused quickly" "$ms ms"; fi

# --- Pages: LAYOUT_MAX_PAGES is checked while the flow is set, so a
# document of 100 000 page breaks is refused where it passes the limit.
python3 -c "
import sys
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n' + '<p>x</p><div class=\"pagebreak\"/>\n' * 100000 + '</body></html>\n')
" "$TMP/pages.xhtml"
t0=$(date +%s%N)
run typeset "$TMP/pages.xhtml" -o "$TMP/pages.pdf"
ms=$((($(date +%s%N) - t0) / 1000000))
expect_rc "limits: 100 000 page breaks are an input error" 1
expect_err "limits: refused at LAYOUT_MAX_PAGES, with the line" \
	"$TMP/pages.xhtml:5003: error: the document needs more than 5000 pages by here, the most planverk makes (LAYOUT_MAX_PAGES); split it into several documents"
if [ ! -e "$TMP/pages.pdf" ]; then ok "limits: and writes no PDF"
else fail "limits: and writes no PDF"; fi
if [ "$ms" -lt 10000 ]; then ok "limits: and is refused quickly ($ms ms)"
else fail "limits: and is refused quickly" "$ms ms"; fi

# --- Images: LAYOUT_MAX_IMAGES different files, LAYOUT_MAX_IMAGE_BYTES
# of pixels decoded, and the side and pixel limits of emit, all checked
# from the file headers before emit decodes or embeds anything.
mkdir -p "$TMP/many"
i=0
while [ $i -le 1000 ]; do
	cp "$EFIX/logo.png" "$TMP/many/$i.png"
	i=$((i + 1))
done
python3 -c "
import sys
n = int(sys.argv[2])
figs = ''.join('<figure><img src=\"many/%d.png\" alt=\"%d\" width=\"20pt\"/></figure>\n' % (i, i) for i in range(n))
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n' + figs + '</body></html>\n')
" "$TMP/imgs.xhtml" 1001
(cd "$TMP" && $PLANVERK typeset imgs.xhtml -o imgs.pdf >stdout 2>stderr)
rc=$?
err="$TMP/stderr"
expect_rc "limits: 1 001 different images are an input error" 1
expect_err "limits: refused at the image over LAYOUT_MAX_IMAGES" \
	"imgs.xhtml:1002: error: image \"many/1000.png\": one image more than the 1000 different images planverk puts in a document (LAYOUT_MAX_IMAGES)"
if [ ! -e "$TMP/imgs.pdf" ]; then ok "limits: and writes no PDF"
else fail "limits: and writes no PDF"; fi
# 1 000 different images, and the same one 2 000 times more: set.
python3 -c "
import sys
figs = ''.join('<figure><img src=\"many/%d.png\" alt=\"%d\" width=\"20pt\"/></figure>\n' % (i % 1000, i) for i in range(3000))
open(sys.argv[1], 'w').write('<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n' + figs + '</body></html>\n')
" "$TMP/imgs.xhtml"
(cd "$TMP" && $PLANVERK typeset imgs.xhtml -o imgs.pdf >stdout 2>stderr)
rc=$?
expect_rc "limits: 1 000 different images, 3 000 figures, typeset" 0
# Headers only (a PNG's signature and IHDR): layout reads no more.
python3 -c "
import struct, sys, zlib
def png(path, w, h, depth, ctype):
    ihdr = struct.pack('>IIBBBBB', w, h, depth, ctype, 0, 0, 0)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + struct.pack('>I', 13) + b'IHDR' + ihdr + struct.pack('>I', zlib.crc32(b'IHDR' + ihdr)))
d = sys.argv[1]
for i in range(4):
    png('%s/big%d.png' % (d, i), 8192, 4096, 8, 6)  # 2^27 bytes each
png(d + '/one.png', 1, 1, 8, 0)                       # 1 byte
png(d + '/wide.png', 30001, 1, 8, 0)
" "$TMP/img"
figs=""
for i in 0 1 2 3; do figs="$figs<figure><img src=\"img/big$i.png\" alt=\"$i\"/></figure>"; done
xhtml "$TMP/bytes.xhtml" "$figs
<figure><img src=\"img/one.png\" alt=\"one\"/></figure>"
(cd "$TMP" && $PLANVERK typeset bytes.xhtml -o bytes.pdf >stdout 2>stderr)
rc=$?
expect_rc "limits: images past LAYOUT_MAX_IMAGE_BYTES are an input error" 1
expect_err "limits: refused at the image one byte over, before decoding" \
	"bytes.xhtml:3: error: image \"img/one.png\": its 1 bytes of pixels take the document's images past the 536870912 planverk decodes (LAYOUT_MAX_IMAGE_BYTES)"
# Exactly at the limit, layout lets them through (emit then finds the
# files are headers only).
xhtml "$TMP/bytes.xhtml" "$figs"
(cd "$TMP" && $PLANVERK typeset bytes.xhtml -o bytes.pdf >stdout 2>stderr)
rc=$?
if grep -q LAYOUT_MAX_IMAGE_BYTES "$err"; then
	fail "limits: images of exactly LAYOUT_MAX_IMAGE_BYTES pass layout" "$(cat "$err")"
else ok "limits: images of exactly LAYOUT_MAX_IMAGE_BYTES pass layout"; fi
xhtml "$TMP/wide.xhtml" "<figure><img src=\"img/wide.png\" alt=\"wide\"/></figure>"
(cd "$TMP" && $PLANVERK typeset wide.xhtml -o wide.pdf >stdout 2>stderr)
rc=$?
expect_rc "limits: an image wider than EMIT_MAX_IMAGE_SIDE is an input error" 1
expect_err "limits: layout names emit's limit (one constant)" \
	"wide.xhtml:2: error: image \"img/wide.png\": 30001 x 1 pixels is larger than planverk embeds (at most 30000 on a side and 60000000 in all, EMIT_MAX_IMAGE_SIDE and EMIT_MAX_IMAGE_PIXELS)"
