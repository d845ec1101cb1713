#!/bin/sh
# tests/cmd/template-errors.sh - a template's mistake is reported at the
# .mustache file and line that wrote it (issue 13), not at a line of the
# XHTML the user never saw: an unknown class and an element left open in
# a section template of a --templates copy; the same mistake, made for
# every section, reported once; no false lead about --keep-xhtml.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1

mkdir -p "$TMP/tpl/kompetanseplan"
sed '2s|^|<div class="oops">|' templates/kompetanseplan/section.mustache \
    >"$TMP/tpl/kompetanseplan/section.mustache"
run build --templates "$TMP/tpl" input/sondre-land-kompetanseplan.json -o "$TMP/p.pdf"
expect_rc "a broken template is an input error" 1
expect_err_has "template errors: a class the vocabulary lacks, at its template line" \
    "$TMP/tpl/kompetanseplan/section.mustache:2: error: unknown class \"oops\" on <div>"
expect_err_has "template errors: at the .mustache file and line" \
    "$TMP/tpl/kompetanseplan/section.mustache:12: error: </section> does not close <div>"
if [ "$(grep -c 'section.mustache:2: error: unknown class' "$err")" = 1 ]; then
	ok "the mistake, written for every section, is reported once"
else
	fail "the mistake, written for every section, is reported once" "$(grep -c 'section.mustache:2:' "$err") times"
fi
expect_err_lacks "no line of unseen XHTML is blamed, no false lead" \
    "(as XHTML)\|--keep-xhtml"
if [ -e "$TMP/p.pdf" ]; then
	fail "no PDF is written"
else
	ok "no PDF is written"
fi
# An unbroken copy builds.
cp templates/kompetanseplan/section.mustache "$TMP/tpl/kompetanseplan/section.mustache"
run build --templates "$TMP/tpl" input/sondre-land-kompetanseplan.json -o "$TMP/p.pdf"
expect_rc "the repaired template builds" 0
