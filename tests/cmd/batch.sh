#!/bin/sh
# tests/cmd/batch.sh - many documents in one run (issue 13):
# `build A.json B.json ... -d OUTDIR -j N` builds each as a single build
# would (same bytes), keeps going when one fails, says one line per
# document and a summary, and exits with the worst status.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1

mkdir -p "$TMP/out" "$TMP/one"
printf '{"type": "kompetanseplan", "meta": {}}\n' >"$TMP/broken.json"
run build input/sondre-land-kompetanseplan.json "$TMP/broken.json" \
    input/ytre-helgeland-behovsmelding.json -d "$TMP/out" -j 2
expect_rc "one bad input: the worst status, 1" 1
for n in sondre-land-kompetanseplan ytre-helgeland-behovsmelding; do
	run build "input/$n.json" -o "$TMP/one/$n.pdf"
	if cmp -s "$TMP/out/$n.pdf" "$TMP/one/$n.pdf"; then
		ok "$n: built in the batch, the same bytes as alone"
	else
		fail "$n: built in the batch, the same bytes as alone"
	fi
done
run build input/sondre-land-kompetanseplan.json "$TMP/broken.json" \
    input/ytre-helgeland-behovsmelding.json -d "$TMP/out" -j 1
expect_err_has "a line for a document that failed" "$TMP/broken.json failed (exit 1)"
expect_err_has "its problems are printed" "broken.json:1:36: error: meta: \"title\" is missing (it is required)"
expect_err_has "a line for each built document" "input/ytre-helgeland-behovsmelding.json -> $TMP/out/ytre-helgeland-behovsmelding.pdf"
expect_err_has "a summary" "planverk build: 2 of 3 built, 1 failed"
[ -e "$TMP/out/broken.pdf" ] && fail "no PDF for the bad input" || ok "no PDF for the bad input"

run build input/sondre-land-kompetanseplan.json input/vestvagoy-utviklingsplan.json -o "$TMP/x.pdf"
expect_rc "-o with several inputs is a usage error" 2
run build input/sondre-land-kompetanseplan.json -d "$TMP/out" -j 0
expect_rc "-j 0 is a usage error" 2
run build input/sondre-land-kompetanseplan.json -d "$TMP/nowhere"
expect_rc "-d to a folder that does not exist is a usage error" 2
cp input/sondre-land-kompetanseplan.json "$TMP/one/sondre-land-kompetanseplan.json"
run build input/sondre-land-kompetanseplan.json "$TMP/one/sondre-land-kompetanseplan.json" -d "$TMP/out"
expect_rc "two inputs that would write one PDF: a usage error" 2
expect_err_has "it names both" "would both be written to $TMP/out/sondre-land-kompetanseplan.pdf"

# The largest input starts first (one worker: it is done first), so that
# with several workers the last to end is a short build.
run build input/ytre-helgeland-behovsmelding.json input/sondre-land-kompetanseplan.json \
    input/vestvagoy-utviklingsplan.json -d "$TMP/out" -j 1
expect_rc "three inputs, one worker" 0
first=$(grep '\[1/3\]' "$err")
case $first in
*vestvagoy-utviklingsplan.json*) ok "the largest input is built first" ;;
*) fail "the largest input is built first" "$first" ;;
esac
last=$(grep '\[3/3\]' "$err")
case $last in
*ytre-helgeland-behovsmelding.json*) ok "the smallest last" ;;
*) fail "the smallest last" "$last" ;;
esac
