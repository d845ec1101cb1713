#!/bin/sh
# tests/cmd/glyphs.sh - `check` finds what `build` would refuse about
# fonts (issue 13): a character no font has is reported at the JSON
# member that holds it, by check and by build alike, with no line of
# XHTML and no false lead; a symbol the fallback font has is fine; a
# theme naming a font the font map lacks is found by check --theme.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1

sed '0,/"title": "/s//"title": "Plan ✈ 中文 /' input/sondre-land-kompetanseplan.json >"$TMP/plan.json"
line=$(grep -n '"title": "Plan ✈' "$TMP/plan.json" | head -1 | cut -d: -f1)
run check "$TMP/plan.json"
expect_rc "check: a character in no font is an error" 1
expect_err_has "check: the error is at the member, with both fonts named" \
    "$TMP/plan.json:$line:14: error: meta.title: '中' (U+4E2D) is in neither font the text is set in (Open Sans, DejaVu Sans)"
expect_err_has "check: every missing character is named" "meta.title: '文' (U+6587)"
if grep -q "U+2708" "$err"; then
	fail "✈ is in the fallback font: no error"
else
	ok "✈ is in the fallback font: no error"
fi
run build "$TMP/plan.json" -o "$TMP/plan.pdf"
expect_rc "build refuses it too" 1
expect_err_has "build: the error is at the member" "$TMP/plan.json:$line:14: error: meta.title: '中' (U+4E2D)"
expect_err_lacks "build names the JSON member, not a line of XHTML" \
    "as XHTML\|does not typeset"
if [ -e "$TMP/plan.pdf" ]; then
	fail "no PDF is written"
else
	ok "no PDF is written"
fi

# Only the text is checked: an id or a file name is never printed.
sed 's/"id": "\([a-z0-9-]*\)"/"id": "\1中"/' input/sandnes-kompetanseutviklingsstrategi.json >"$TMP/ids.json"
run check "$TMP/ids.json"
if grep -q "U+4E2D" "$err"; then
	fail "a character in an id is not a font problem" "$(head -3 "$err")"
else
	ok "a character in an id is not a font problem"
fi

# A theme naming a font the font map does not have: check --theme.
printf '{"fonts": {"h2": {"family": "Comic Sans"}}}\n' >"$TMP/theme.json"
run check --theme "$TMP/theme.json" input/sondre-land-kompetanseplan.json
expect_rc "check --theme: an unknown font family is an error" 1
expect_err_has "check --theme: the theme file and the family are named" \
    "$TMP/theme.json:1:1: error: unknown font family \"Comic Sans\""
run build --theme "$TMP/theme.json" input/sondre-land-kompetanseplan.json -o "$TMP/t.pdf"
expect_rc "build refuses the theme" 1
if [ "$(grep -c 'Comic Sans' "$err")" = 1 ] && ! grep -q "does not typeset" "$err"; then
	ok "build says it once, with no false lead"
else
	fail "build says it once, with no false lead" "$(cat "$err")"
fi
