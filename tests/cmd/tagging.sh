#!/bin/sh
# tests/cmd/tagging.sh - what a screen reader and an archive get from
# planverk's tagged PDF (issue 12), read back with tests/pdftags.py: an
# image's alt text as the Figure's /Alt, a decorative image as an
# artifact, text in another language as a Span with /Lang, a long
# table's header row tagged once and repeated as an artifact, a chart
# as a Figure before its table, the PDF/A-2a and PDF/UA-1 claims only
# when the file is tagged, and the same bytes twice.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1
PY=/usr/bin/python3
tree() { $PY tests/pdftags.py --tree "$1" 2>"$TMP/chk"; }

# A figure with alt text, a decorative one, a span and a cell in
# other languages.
$PY - "$TMP/pic.png" <<'P'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\0" + b"\x80\x20\x20" * 8 for _ in range(8))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
P
cat >"$TMP/t.xhtml" <<X
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">
<head><title>Tagging</title></head>
<body><h1>Bilder og språk</h1>
<figure><img src="$TMP/pic.png" alt="Kart over skolene i kommunen" width="40%"/><figcaption>Skolene</figcaption></figure>
<figure><img src="$TMP/pic.png" alt="" width="20%"/></figure>
<p>Bokmål først, så <span lang="nn">eit ord på nynorsk</span> og tilbake.</p>
<table><thead><tr><th>Fag</th><th>Plasser</th></tr></thead>
<tbody><tr><td lang="se">Davvisámegiella</td><td class="num">4</td></tr></tbody></table>
</body></html>
X
run typeset "$TMP/t.xhtml" -o "$TMP/t.pdf"
expect_rc "typeset a document with images and other languages" 0
tree "$TMP/t.pdf" >"$TMP/tree"
if grep -q "0 problems" "$TMP/chk"; then
	ok "the document passes the tag checker"
else
	fail "the document passes the tag checker" "$(head -5 "$TMP/chk")"
fi
if grep -q "Figure \[alt\] Kart over skolene i kommunen\|Figure.*Kart over skolene i kommunen" "$TMP/tree" &&
    [ "$(grep -c 'Figure' "$TMP/tree")" = 1 ]; then
	ok "the image's alt text is its Figure's; the decorative image is no Figure"
else
	fail "the image's alt text is its Figure's; the decorative image is no Figure" "$(grep -n Figure "$TMP/tree")"
fi
# The decorative image is drawn, inside an Artifact.
qpdf --qdf --object-streams=disable "$TMP/t.pdf" "$TMP/t.qdf"
n=$(grep -ac "^/Artifact BMC" "$TMP/t.qdf")
d=$(grep -ac " Do$" "$TMP/t.qdf")
if [ "$d" = 2 ] && $PY - "$TMP/t.qdf" <<'P'
import re, sys
s = open(sys.argv[1], "rb").read().decode("latin-1")
# each image is drawn inside the sequence opened last before it
kinds = []
for m in re.finditer(r"(/Artifact BMC|/(\w+) <</MCID \d+>> BDC|/\w+ Do)", s):
    if m.group(1).endswith("Do"):
        kinds.append(last)
    else:
        last = "Artifact" if m.group(1).startswith("/Artifact") else m.group(2)
sys.exit(kinds != ["Figure", "Artifact"])
P
then
	ok "the image with alt text is Figure content, the decorative one an artifact ($n artifacts)"
else
	fail "the image with alt text is Figure content, the decorative one an artifact" "$d images drawn"
fi
if grep -q "Span \[nn-NO\] eit ord på nynorsk" "$TMP/tree"; then
	ok "a span in nynorsk is a Span with /Lang nn-NO"
else
	fail "a span in nynorsk is a Span with /Lang nn-NO" "$(grep -n Span "$TMP/tree")"
fi
if grep -aq "/Lang (se-NO)" "$TMP/t.qdf" && grep -aq "/Lang (nb-NO)" "$TMP/t.qdf"; then
	ok "the cell in North Sami has /Lang se-NO, the document nb-NO"
else
	fail "the cell in North Sami has /Lang se-NO, the document nb-NO"
fi

# A 300-row table on 12 pages: the header row is on every page, tagged
# once (one THead, six TH), and on the others an artifact.
run typeset tests/fixtures/xhtml/table300.xhtml -o "$TMP/t300.pdf"
tree "$TMP/t300.pdf" >"$TMP/tree"
pages=$(pdfinfo "$TMP/t300.pdf" | awk '/^Pages:/ { print $2 }')
shown=0
p=1
while [ "$p" -le "$pages" ]; do
	pdftotext -f "$p" -l "$p" "$TMP/t300.pdf" - | grep -q "Beløp (kr)" && shown=$((shown + 1))
	p=$((p + 1))
done
if [ "$pages" -ge 10 ] && [ "$shown" = "$pages" ] &&
    [ "$(grep -c '^ *THead$' "$TMP/tree")" = 1 ] &&
    [ "$(grep -c '^ *TH ' "$TMP/tree")" = 6 ] && grep -q "0 problems" "$TMP/chk"; then
	ok "the header row on all $pages pages, tagged once: one THead, six TH"
else
	fail "the header row on all pages, tagged once" "pages $pages, shown on $shown, $(grep -c '^ *TH ' "$TMP/tree") TH"
fi
if grep -q "Link første rad" "$TMP/tree" && grep -q "Link siste rad" "$TMP/tree"; then
	ok "links to table rows (<tr id>) are links, with their annotations"
else
	fail "links to table rows (<tr id>) are links, with their annotations" "$(grep -n 'rad' "$TMP/tree" | head -3)"
fi

# A chart: a Figure described by its captions, then its table.
run typeset tests/fixtures/chart/charts.xhtml -o "$TMP/ch.pdf"
tree "$TMP/ch.pdf" >"$TMP/tree"
if grep -q "Figure.*Indikatorer: resultat 2019 mot mål. Mål og utgangspunkt er fra planen. Diagram. Tallene står i tabellen under." "$TMP/tree" &&
    grep -A1 "Indikatorer: resultat 2019 mot mål. Mål" "$TMP/tree" | grep -q "Table"; then
	ok "a chart is a Figure with its captions as alt text, followed by its table"
else
	fail "a chart is a Figure with its captions as alt text, followed by its table" "$(grep -n -A1 Figure "$TMP/tree" | head -4)"
fi

# Only a tagged file claims PDF/A-2a and PDF/UA-1.
run build input/sondre-land-kompetanseplan.json -o "$TMP/a.pdf"
run build input/sondre-land-kompetanseplan.json -o "$TMP/b.pdf"
if cmp -s "$TMP/a.pdf" "$TMP/b.pdf"; then
	ok "the tagged PDF is the same bytes twice"
else
	fail "the tagged PDF is the same bytes twice"
fi
if grep -aq "<pdfaid:conformance>A</pdfaid:conformance>" "$TMP/a.pdf" &&
    grep -aq "<pdfuaid:part>1</pdfuaid:part>" "$TMP/a.pdf"; then
	ok "the XMP names PDF/A-2a and PDF/UA-1"
else
	fail "the XMP names PDF/A-2a and PDF/UA-1"
fi
PLANVERK_NO_TAGS=1 run build input/sondre-land-kompetanseplan.json -o "$TMP/u.pdf"
if [ "$rc" = 0 ] && ! grep -aq "pdfaid" "$TMP/u.pdf" &&
    ! $PY tests/pdftags.py "$TMP/u.pdf" >/dev/null 2>&1; then
	ok "an untagged experiment claims neither (and fails the checker)"
else
	fail "an untagged experiment claims neither (and fails the checker)"
fi
