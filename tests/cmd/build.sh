#!/bin/sh
# planverk build, end to end, judged as a reader would: the seeds' words
# in order in the PDF, a PDF that qpdf and poppler accept without a
# warning, embedded fonts, bookmarks and links, the same bytes twice, and
# an old PDF left untouched when the input is bad.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
seeds="$top/../shared/seeds"
export SOURCE_DATE_EPOCH=1700000000

# Every example in input/, found by globbing; tests/seeds/map.txt says
# which seed each one transcribes.
for json in input/*.json; do
	name=$(basename "$json" .json)
	set -- $(awk -v n="$name" '$1 == n { print $1, $2, $3 }' tests/seeds/map.txt)
	if [ $# -ne 3 ]; then
		fail "$name: listed in tests/seeds/map.txt"
		continue
	fi
	pdf="$TMP/$name.pdf"
	run build "input/$name.json" -o "$pdf"
	expect_rc "build $name" 0
	if qpdf --check "$pdf" >"$TMP/qpdf" 2>&1; then
		ok "$name: qpdf --check finds nothing wrong"
	else
		fail "$name: qpdf --check finds nothing wrong" "$(tail -3 "$TMP/qpdf")"
	fi
	pdftotext "$pdf" "$TMP/$name.txt" 2>"$TMP/poppler"
	if [ ! -s "$TMP/poppler" ]; then
		ok "$name: pdftotext reads it without a warning"
	else
		fail "$name: pdftotext reads it without a warning" "$(head -3 "$TMP/poppler")"
	fi
	if pdffonts "$pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes") { bad = 1 } END { exit bad }'; then
		ok "$name: every font embedded, with a ToUnicode map"
	else
		fail "$name: every font embedded, with a ToUnicode map" "$(pdffonts "$pdf")"
	fi
	# The seeds live beside the repository (../shared/seeds); without
	# them this check cannot be made, and that is a failure, not a pass.
	if [ "$2" = - ]; then
		:
	elif [ ! -f "$seeds/$2.txt" ]; then
		fail "$name: the seed's words, in order" "seed text missing: $seeds/$2.txt"
	elif python3 tests/seeds/wordcheck.py "$seeds/$2.txt" "$pdf" \
	    --min="$3" >"$TMP/words" 2>&1; then
		ok "$name: the seed's words, in order ($(head -1 "$TMP/words" | sed 's/.*(\(.*\)).*/\1/' | cut -d';' -f1))"
	else
		fail "$name: the seed's words, in order" "$(head -5 "$TMP/words")"
	fi
	python3 tests/pdflinks.py "$pdf" >"$TMP/$name.links" 2>&1
done

pdf="$TMP/sondre-land-kompetanseplan.pdf"
if grep -q "Innhold" "$TMP/sondre-land-kompetanseplan.txt" &&
    grep -q "Side 2 av" "$TMP/sondre-land-kompetanseplan.txt"; then
	ok "bokmål labels: Innhold, Side N av M"
else
	fail "bokmål labels: Innhold, Side N av M"
fi
if grep -q "Søndre Land" "$TMP/sondre-land-kompetanseplan.txt"; then
	ok "æøå come back from the PDF text"
else
	fail "æøå come back from the PDF text"
fi
qpdf --json "$pdf" >"$TMP/json" 2>/dev/null
if python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert len(j["outlines"]) >= 5' "$TMP/json"; then
	ok "bookmarks for the headings"
else
	fail "bookmarks for the headings"
fi
# Links, counted per PDF: every document's table of contents links to
# its chapters; the two plans with web addresses link to them.
for spec in "sondre-land-kompetanseplan 5 0" \
    "sandnes-kompetanseutviklingsstrategi 5 20" \
    "vestvagoy-utviklingsplan 5 40"; do
	set -- $spec
	if awk -v i="$2" -v e="$3" '$1 == "internal" && $2 >= i && $4 >= e { found = 1 }
	    END { exit !found }' "$TMP/$1.links"; then
		ok "$1: links ($(cat "$TMP/$1.links"))"
	else
		fail "$1: links: at least $2 internal and $3 external" "$(cat "$TMP/$1.links")"
	fi
done
if qpdf --show-npages "$pdf" | awk '{ exit !($1 >= 8) }'; then
	ok "Søndre Land is a document of several pages"
else
	fail "Søndre Land is a document of several pages"
fi

run build input/sondre-land-kompetanseplan.json -o "$TMP/again.pdf"
if cmp -s "$pdf" "$TMP/again.pdf"; then
	ok "the same input gives the same bytes"
else
	fail "the same input gives the same bytes"
fi

run build input/sondre-land-kompetanseplan.json --lang nn -o "$TMP/nn.pdf"
expect_rc "build with --lang nn" 0
if pdftotext "$TMP/nn.pdf" - 2>/dev/null | grep -q "Innhald"; then
	ok "nynorsk labels"
else
	fail "nynorsk labels"
fi
run build input/sondre-land-kompetanseplan.json --lang se -o "$TMP/se.pdf"
expect_rc "build with --lang se" 0
if pdftotext "$TMP/se.pdf" - 2>/dev/null | grep -q "Sisdoallu"; then
	ok "North Sami labels"
else
	fail "North Sami labels"
fi

# A bad input leaves the previous PDF as it was.
cp "$pdf" "$TMP/keep.pdf"
run build tests/fixtures/check/sum-mismatch.json -o "$TMP/keep.pdf"
expect_rc "build of an invalid plan is an input error" 1
expect_err_has "build reports the problem" "sums to 10, but the document says 11"
if cmp -s "$pdf" "$TMP/keep.pdf"; then
	ok "a failed build leaves the old PDF untouched"
else
	fail "a failed build leaves the old PDF untouched"
fi
if ! ls "$TMP"/.planverk-* >/dev/null 2>&1; then
	ok "a failed build leaves no temporary file"
else
	fail "a failed build leaves no temporary file"
fi

run build
expect_rc "build without an input is a usage error" 2
run build input/sondre-land-kompetanseplan.json --lang de
expect_rc "build with an unknown language is a usage error" 2
run build input/sondre-land-kompetanseplan.json -o /nonexistent/dir/x.pdf
expect_rc "build into a folder that does not exist is an I/O error" 3
