#!/bin/sh
# tests/cmd/langlabels.sh - the document's language is its text's, the
# labels' may differ (issue 12): `--lang nn` on a bokmål plan keeps
# <html lang="nb">, says <meta name="labels-lang" content="nn"/> and puts
# lang="nn" on every element of label words (tests/langlabels.py finds any
# it missed); without --lang nothing is marked.  And a figure's alt text:
# a decorative one reaches the XHTML as alt="", one without alt text is
# refused by build as by check.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
PY=python3
LL="$top/tests/langlabels.py"

# html lang: the plan's; label elements: the labels'
run build input/sondre-land-kompetanseplan.json -o "$TMP/plain.pdf" \
    --keep-xhtml "$TMP/plain.xhtml"
expect_rc "sondre-land builds" 0
run build input/sondre-land-kompetanseplan.json --lang nn -o "$TMP/nn.pdf" \
    --keep-xhtml "$TMP/nn.xhtml"
expect_rc "sondre-land builds with --lang nn" 0
if [ -s "$TMP/nn.pdf" ] && pdftotext "$TMP/nn.pdf" - 2>/dev/null |
    grep -q "Innhald"; then
	ok "its PDF has the nynorsk table of contents"
else
	fail "its PDF has the nynorsk table of contents"
fi
if grep -q '^<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">$' \
    "$TMP/nn.xhtml"; then
	ok "--lang nn on a bokmål plan: <html lang=\"nb\">"
else
	fail "--lang nn on a bokmål plan: <html lang=\"nb\">" \
	    "$(grep '<html' "$TMP/nn.xhtml")"
fi
if grep -qx '<meta name="labels-lang" content="nn"/>' "$TMP/nn.xhtml"; then
	ok "the labels' language is in <meta name=\"labels-lang\">"
else
	fail "the labels' language is in <meta name=\"labels-lang\">"
fi
if ! grep -q 'lang="nn"\|labels-lang' "$TMP/plain.xhtml"; then
	ok "without --lang: no lang=\"nn\" and no labels-lang"
else
	fail "without --lang: no lang=\"nn\" and no labels-lang" \
	    "$(grep -m3 'lang="nn"\|labels-lang' "$TMP/plain.xhtml")"
fi

# every type, in nynorsk and North Sami: what the labels say is marked
for ex in sandnes-kompetanseutviklingsstrategi vestvagoy-utviklingsplan \
    sandnes-arsrapport-2019 ytre-helgeland-behovsmelding \
    innlandet-langsiktig-plan; do
	$PLANVERK build "input/$ex.json" -o "$TMP/$ex.pdf" \
	    --keep-xhtml "$TMP/$ex.xhtml" 2>/dev/null
	if grep ' lang="[^"]*"' "$TMP/$ex.xhtml" | grep -qv '^<html '; then
		fail "$ex: without --lang no element has a lang of its own"
	else
		ok "$ex: without --lang no element has a lang of its own"
	fi
	for lang in nn se; do
		run build "input/$ex.json" --lang "$lang" \
		    -o "$TMP/$ex-$lang.pdf" --keep-xhtml "$TMP/$ex-$lang.xhtml"
		expect_rc "$ex builds with --lang $lang" 0
		if $PY "$LL" "$TMP/$ex.xhtml" "$TMP/$ex-$lang.xhtml" "$lang" \
		    >"$TMP/ll" 2>&1; then
			ok "$ex --lang $lang: every label word is marked lang=\"$lang\" ($(tail -1 "$TMP/ll"))"
		else
			fail "$ex --lang $lang: every label word is marked lang=\"$lang\"" \
			    "$(head -5 "$TMP/ll")"
		fi
	done
done

# what a reader notices, by name
has() { # NAME FILE TEXT: the XHTML has the line fragment TEXT
	if grep -qF "$3" "$2"; then ok "$1"; else fail "$1" "no $3"; fi
}
x="$TMP/sandnes-kompetanseutviklingsstrategi-nn.xhtml"
has "a goal's heading from the labels is nynorsk" "$x" \
    '<h2 class="nonumber" lang="nn">Mål 1</h2>'
has "a lead-in from the labels is nynorsk" "$x" \
    '<p lang="nn"><strong>Delmål</strong></p>'
x="$TMP/sandnes-arsrapport-2019-nn.xhtml"
has "a table header cell is nynorsk" "$x" '<th lang="nn">Tiltak</th>'
has "a computed status is nynorsk" "$x" '<td lang="nn">Ikkje rapportert</td>'
has "a goal's number is a nynorsk span beside the plan's title" "$x" \
    '<span lang="nn">Mål 1</span>: Sandnesskolen'
x="$TMP/vestvagoy-utviklingsplan-se.xhtml"
has "a calendar's week word is a North Sami span in the cell" "$x" \
    '<span lang="se">Vahkku</span>'
x="$TMP/ytre-helgeland-behovsmelding-se.xhtml"
has "a form's question is North Sami" "$x" \
    '<th lang="se">Leat go ovttasbargus máŋga eaiggáda?</th>'
x="$TMP/innlandet-langsiktig-plan-se.xhtml"
has "the year wheel's weekdays are North Sami" "$x" '<td lang="se">'

# a plan written in nynorsk: its own language, labels alike or not
$PY - "$top/input/sondre-land-kompetanseplan.json" "$TMP/nynorsk.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["meta"]["lang"] = "nn"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
run build "$TMP/nynorsk.json" -o "$TMP/nynorsk.pdf" \
    --keep-xhtml "$TMP/nynorsk.xhtml"
expect_rc "a nynorsk plan builds" 0
if grep -q '<html [^>]*lang="nn">' "$TMP/nynorsk.xhtml" &&
    ! grep -q 'labels-lang' "$TMP/nynorsk.xhtml"; then
	ok "a nynorsk plan: <html lang=\"nn\">, its labels need no mark"
else
	fail "a nynorsk plan: <html lang=\"nn\">, its labels need no mark"
fi
run build "$TMP/nynorsk.json" --lang nb -o "$TMP/nynorsk-nb.pdf" \
    --keep-xhtml "$TMP/nynorsk-nb.xhtml"
expect_rc "a nynorsk plan builds with --lang nb" 0
if grep -q '<html [^>]*lang="nn">' "$TMP/nynorsk-nb.xhtml" &&
    grep -qx '<meta name="labels-lang" content="nb"/>' "$TMP/nynorsk-nb.xhtml"
then
	ok "a nynorsk plan with --lang nb stays nynorsk, its labels bokmål"
else
	fail "a nynorsk plan with --lang nb stays nynorsk, its labels bokmål"
fi

# figures: a decorative image is alt="", an image needs alt text
cd "$top/tests/fixtures/check" || exit 1
run build figure-decorative.json -o "$TMP/deco.pdf" \
    --keep-xhtml "$TMP/deco.xhtml"
expect_rc "a decorative figure builds" 0
if grep -q '<img src="[^"]*logo.png" alt=""/>' "$TMP/deco.xhtml"; then
	ok "a decorative figure reaches the XHTML with alt=\"\""
else
	fail "a decorative figure reaches the XHTML with alt=\"\"" \
	    "$(grep '<img' "$TMP/deco.xhtml")"
fi
run build figure-alt-missing.json -o "$TMP/noalt.pdf"
expect_rc "build refuses an image without alt text" 1
expect_err_has "it says what to do, at the figure" \
    'figure-alt-missing.json:96:21: error: body[0].content[5].figure: "alt" is missing: describe what the image shows, for screen readers, or mark the figure "decorative": true'
if [ ! -e "$TMP/noalt.pdf" ]; then ok "no PDF without alt text"; else
	fail "no PDF without alt text"; fi
