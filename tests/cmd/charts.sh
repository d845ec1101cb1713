#!/bin/sh
# tests/cmd/charts.sh - chart tables (chart-bullet, chart-bars,
# chart-timeline) drawn by layout: what was drawn where, read from
# `planverk typeset --dump-layout`, against hand-computed values, and
# the labels read back from the PDF.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
CFIX="$FIX/chart"

run typeset "$CFIX/charts.xhtml" -o "$TMP/charts.pdf" --dump-layout
expect_rc "charts: three charts typeset" 0
cp "$out" "$TMP/dump"

# chart-bullet: per row, the value bar, the target mark and the baseline
# triangle's tip as a part of the row's track (0 to max * 1.1).
#   row 1: 42.5, 50, 38 -> scale 55: 0.773 0.909 0.691
#   row 2: 12, 20, 5    -> scale 22: 0.545 0.909 0.227
sed -n '1,/text caption .*"Indikatorer: resultat 2019 mot mål"/p' "$TMP/dump" |
awk '
	$1 == "rect" && $8 == "#E9EBEF" { tx = $3; tw = $5; next }
	$1 == "rect" && $8 == "#1F3B5A" && $6 == "9.00" && tw > 0 { v = $5 / tw; next }
	$1 == "path" && tw > 0 { b = ($9 - tx) / tw; next }
	$1 == "line" && $9 == "2.00" && tw > 0 {
		printf "%.3f %.3f %.3f\n", v, ($3 - tx) / tw, b; tw = 0 }
' >"$TMP/bullet"
printf '0.773 0.909 0.691\n0.545 0.909 0.227\n' >"$TMP/bullet.exp"
if cmp -s "$TMP/bullet" "$TMP/bullet.exp"; then
	ok "charts: bullet bars, target and baseline marks at their values"
else fail "charts: bullet bars, target and baseline marks at their values" \
	"$(cat "$TMP/bullet")"; fi

# chart-bars: one scale 0 .. 1 500 000 (ticks every 500 000); each bar's
# length over the axis gives back its value, to the nearest 1 000 kr.
sed -n '/"Mål og utgangspunkt er fra planen."/,/"Midler per mål"/p' "$TMP/dump" >"$TMP/bars"
awk 'BEGIN { m = 0 }
	$1 == "line" && $9 == "0.60" && $3 == $6 && $4 != $7 { if (!n++) x0 = $3; x1 = $3 }
	$1 == "rect" && $6 == "9.00" && $9 == "stroke" { w[m++] = $5 }
	END { for (i = 0; i < m; i++) printf "%d ", int(w[i] / (x1 - x0) * 1500 + 0.5) * 1000; print "" }
' "$TMP/bars" >"$TMP/bars.got"
if [ "$(cat "$TMP/bars.got")" = "1220000 1000000 400000 450000 " ]; then
	ok "charts: bar lengths on one scale"
else fail "charts: bar lengths on one scale" "$(cat "$TMP/bars.got")"; fi
nb=$(printf '\302\240')
ticks=$(awk '$1 == "text" && $2 == "figure" { s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s); print s }' "$TMP/bars" |
	grep -v '^Mål' | tr '\n' '|')
if [ "$ticks" = "0|500${nb}000|1${nb}000${nb}000|1${nb}500${nb}000|Tildelt|Brukt|" ]; then
	ok "charts: axis ticks with no-break thousands, legend from the header"
else fail "charts: axis ticks with no-break thousands, legend from the header" "$ticks"; fi

# chart-timeline: 2018 .. 2021 on the axis; the report year 2019 a band;
# bars from 2018 to 2020 and from 2019.5 to 2021.
sed -n '/"450 000"/,/"Tiltak i planperioden"/p' "$TMP/dump" >"$TMP/tl"
awk 'BEGIN { m = 0 }
	$1 == "line" && $9 == "0.60" && $3 == $6 && $4 != $7 { if (!n++) x0 = $3; x1 = $3 }
	$1 == "rect" && $2 == "figure" && ($8 == "#DBE0E5" || $8 == "#1F3B5A") { k[m] = $8; x[m] = $3; w[m++] = $5 }
	END { for (i = 0; i < m; i++) printf "%s %.2f-%.2f\n", k[i] == "#DBE0E5" ? "band" : "bar",
	    2018 + 3 * (x[i] - x0) / (x1 - x0), 2018 + 3 * (x[i] + w[i] - x0) / (x1 - x0) }
' "$TMP/tl" | sort -u >"$TMP/tl.got"
printf 'band 2019.00-2020.00\nbar 2018.00-2020.00\nbar 2019.50-2021.00\n' >"$TMP/tl.exp"
if cmp -s "$TMP/tl.got" "$TMP/tl.exp"; then
	ok "charts: timeline bars and the report year's band"
else fail "charts: timeline bars and the report year's band" "$(cat "$TMP/tl.got")"; fi
years=$(awk '$1 == "text" && $2 == "figure" && $NF ~ /^"20[0-9][0-9]"$/ { printf "%s ", $NF }' "$TMP/tl")
if [ "$years" = '"2018" "2019" "2020" ' ]; then ok "charts: a label per year"
else fail "charts: a label per year" "$years"; fi

# The labels are text: pdftotext finds them (a no-break space read back
# as a space), and the data tables follow.
pdftotext -enc UTF-8 "$TMP/charts.pdf" "$TMP/charts.txt"
for w in "Utgangspunkt" "Tildelt" "Inkluderende miljø" "2018" "42,5 %"; do
	c=$(grep -cF -- "$w" "$TMP/charts.txt")
	if [ "$c" -ge 2 ]; then ok "charts: '$w' in the picture and the table"
	else fail "charts: '$w' in the picture and the table" "found $c times"; fi
done
if grep -qF "1 500 000" "$TMP/charts.txt"; then ok "charts: axis number searchable"
else fail "charts: axis number searchable"; fi

# Byte-identical output, paths and all.
SOURCE_DATE_EPOCH=0 $PLANVERK typeset "$CFIX/charts.xhtml" -o "$TMP/a.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=0 $PLANVERK typeset "$CFIX/charts.xhtml" -o "$TMP/b.pdf" 2>/dev/null
if cmp -s "$TMP/a.pdf" "$TMP/b.pdf"; then ok "charts: reproducible"
else fail "charts: reproducible"; fi

# A figure that fits on a page is not torn: after eight paragraphs the
# picture alone would fit at the foot of page 1, picture and table do
# not, so both go to page 2.
run typeset "$CFIX/keep.xhtml" -o "$TMP/keep.pdf" --dump-layout
awk '/^page / { p = $2 } $1 == "rect" && $2 == "figure" && $6 == "9.00" { bar = bar p }
	/"Midler per mål"/ { cap = p } /"Etter diagrammet."/ { after = p }
	END { print bar, cap, after }' "$out" >"$TMP/keep.got"
if [ "$(cat "$TMP/keep.got")" = "2222 2 2" ]; then
	ok "charts: picture and table kept together on the next page"
else fail "charts: picture and table kept together on the next page" "$(cat "$TMP/keep.got")"; fi

# The document tree shows the chart's data.
run typeset "$CFIX/charts.xhtml" --dump-doc
expect_out_has "charts: --dump-doc shows data-series" 'TH @10 data-series="value"'
expect_out_has "charts: --dump-doc shows data-value" 'TD @12 data-value=42.5'
expect_out_has "charts: --dump-doc shows data-mark" 'TABLE @29 .chart-timeline data-mark=2019'

# Edge cases: a label too long for three lines ends in "…" inside the
# label column (34 % of 453.54 pt); a value of 0 and a negative one are
# bars of no length; three series on a scale of 0..8 (3.5 -> 3.5/8).
run typeset "$CFIX/edge.xhtml" -o "$TMP/edge.pdf" --dump-layout
expect_rc "charts: edge cases typeset" 0
awk '$1 == "text" && $2 == "figure" && $3 == "70.87" && /"(Et svært|inkludering|utenforskap)/ {
	n++; if ($6 > 154.2) wide = 1; last = $0 }
	END { print n, wide + 0, (last ~ /og…"$/) }' "$out" >"$TMP/edge.got"
if [ "$(cat "$TMP/edge.got")" = "3 0 1" ]; then
	ok "charts: a long row label wraps to three lines and ends in …"
else fail "charts: a long row label wraps to three lines and ends in …" "$(cat "$TMP/edge.got")"; fi
awk 'BEGIN { m = 0 } $1 == "line" && $9 == "0.60" && $3 == $6 && $4 != $7 { if (!n++) x0 = $3; x1 = $3 }
	$1 == "rect" && $6 == "9.00" && $9 == "stroke" { w[m++] = $5 }
	END { for (i = 0; i < 3; i++) printf "%.3f ", w[i] / (x1 - x0) * 8; print "" }' "$out" >"$TMP/edge.bars"
if [ "$(cat "$TMP/edge.bars")" = "0.000 0.000 3.500 " ]; then
	ok "charts: zero and negative values are empty bars"
else fail "charts: zero and negative values are empty bars" "$(cat "$TMP/edge.bars")"; fi
