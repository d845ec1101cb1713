#!/bin/sh
# tests/cmd/wheel.sh - the year wheel (table.chart-wheel): its marks at
# the angles of their days, read from `planverk typeset --dump-layout`
# (1 January at the top, clockwise, 2 July half way round), the kinds of
# mark, the month sectors and labels, and the words read back from the
# PDF.  Its errors are in tests/fixtures/xhtml/bad/chart-wheel-*.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
EFIX="$FIX/xhtml/engine"

run typeset "$EFIX/wheel.xhtml" -o "$TMP/wheel.pdf" --dump-layout
expect_rc "wheel: wheel.xhtml typesets" 0
cp "$out" "$TMP/dump"

# The centre: the year's text is centred on it (baseline 0.35 em below).
# Marks: a meeting is a dark circle whose path starts at its right edge
# (radius 3.6); a deadline a white diamond starting at its top (4.5).
# Angle: clockwise from the top, in whole degrees.
awk 'BEGIN { n = 0 }
	$1 == "text" && $2 == "figure" && $NF == "\"2026\"" {
		cx = $3 + $6 / 2; cy = $4 + 0.35 * $10 }
	$1 == "path" && $4 == "#222222" && $5 == "stroke" && $8 == "M" {
		k[n] = "meeting"; x[n] = $9 - 3.6; y[n++] = $10 }
	$1 == "path" && $4 == "#FFFFFF" && $5 == "stroke" && $8 == "M" {
		k[n] = "deadline"; x[n] = $9; y[n++] = $10 - 4.5 }
	END {
		for (i = 0; i < n; i++) {
			a = atan2(x[i] - cx, y[i] - cy) * 180 / 3.14159265358979
			if (a < 0) a += 360
			printf "%s %.0f\n", k[i], a
		}
	}' "$TMP/dump" >"$TMP/marks"
# Days 0, 90, 182, 273, 334 of 365, each mark in the middle of its day.
printf 'meeting 0\ndeadline 89\nmeeting 180\nmeeting 270\ndeadline 330\n' >"$TMP/marks.exp"
if cmp -s "$TMP/marks" "$TMP/marks.exp"; then
	ok "wheel: marks at their days' angles (1 Jan top, 2 Jul bottom), by kind"
else fail "wheel: marks at their days' angles (1 Jan top, 2 Jul bottom), by kind" \
	"$(paste "$TMP/marks" "$TMP/marks.exp")"; fi

# 1 January straight above the centre, 2 July straight below it.
awk 'BEGIN { n = 0 }
	$1 == "text" && $2 == "figure" && $NF == "\"2026\"" { cx = $3 + $6 / 2 }
	$1 == "path" && $4 == "#222222" && $5 == "stroke" && $8 == "M" { x[n++] = $9 - 3.6 }
	END { d1 = x[0] - cx; d2 = x[1] - cx; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2
	    print (d1 < 1 && d2 < 1) ? "vertical" : "off " d1 " " d2 }' "$TMP/dump" >"$TMP/vert"
if [ "$(cat "$TMP/vert")" = "vertical" ]; then
	ok "wheel: 1 January and 2 July on the vertical through the centre"
else fail "wheel: 1 January and 2 July on the vertical through the centre" "$(cat "$TMP/vert")"; fi

# Twelve sectors in two alternating tints.
sect=$(awk '$1 == "path" && $5 == "stroke" && $7 == "#FFFFFF" && $4 != "#222222" { print $4 }' "$TMP/dump" | tr '\n' ' ')
set -- $sect
if [ $# -eq 12 ] && [ "$1" = "$3" ] && [ "$2" = "$4" ] && [ "$1" != "$2" ]; then
	ok "wheel: twelve month sectors, alternating tints"
else fail "wheel: twelve month sectors, alternating tints" "$sect"; fi

# The sector of February is shorter than January's: true proportions.
awk 'BEGIN { n = 0 }
	$1 == "path" && $5 == "stroke" && $7 == "#FFFFFF" && $4 != "#222222" {
	# the outer arc runs from the M point to the last curve end
	# before the L; its chord measures the sector
	x0 = $9; y0 = $10; for (i = 11; i <= NF; i++) if ($i == "L") break
	x1 = $(i - 2); y1 = $(i - 1); c[n++] = sqrt((x1 - x0)^2 + (y1 - y0)^2) }
	END { printf "%.3f\n", c[1] / c[0] }' "$TMP/dump" >"$TMP/ratio"
# chord ratio sin(pi*28/365) / sin(pi*31/365) = 0.9051
if [ "$(cat "$TMP/ratio")" = "0.905" ]; then
	ok "wheel: February's sector is 28/31 of January's"
else fail "wheel: February's sector is 28/31 of January's" "$(cat "$TMP/ratio")"; fi

# Month labels from data-months and the row numbers beside the marks.
words=$(sed -n '1,/^  text caption/p' "$TMP/dump" |
	awk '$1 == "text" && $2 == "figure" { s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s); print s }' |
	tr '\n' ' ')
if [ "$words" = "jan feb mar apr mai jun jul aug sep okt nov des 2026 1 2 3 4 5 " ]; then
	ok "wheel: the months, the year and the row numbers are drawn"
else fail "wheel: the months, the year and the row numbers are drawn" "$words"; fi
pdftotext -layout "$TMP/wheel.pdf" - >"$TMP/text"
if grep -q 'Frist behovsmelding' "$TMP/text" && grep -q 'jan' "$TMP/text"; then
	ok "wheel: the table follows the wheel, words searchable"
else fail "wheel: the table follows the wheel, words searchable"; fi
