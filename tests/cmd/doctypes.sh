#!/bin/sh
# Document types as data: the list of types is the folders in templates/
# (and in --templates DIR), --templates DIR replaces single files of a
# type or adds a type, and --dump-view writes the view model the
# templates see.
. "$(dirname "$0")/../lib.sh"

cd "$top" || exit 1
plan=input/sondre-land-kompetanseplan.json

# --- the list of types is what the folders hold -----------------------
tpl="$TMP/tpl"
mkdir -p "$tpl/zeta" "$tpl/alfa" "$tpl/halvferdig" "$tpl/kompetanseplan"
printf '{}\n' >"$tpl/zeta/schema.json"
printf 'x\n' >"$tpl/zeta/document.mustache"
printf '{"title": "alfa"}\n' >"$tpl/alfa/schema.json"
printf 'x\n' >"$tpl/alfa/document.mustache"
printf '{}\n' >"$tpl/halvferdig/schema.json"	# no document.mustache

run schema nosuchtype --templates "$tpl"
expect_rc "schema of an unknown type with --templates is a usage error" 2
expect_err "the known types are the folders, sorted, each once" \
    "planverk schema: unknown document type 'nosuchtype'; known types: alfa, arsrapport, behovsmelding, kompetanseplan, langsiktig-plan, zeta"
run new nosuchtype --templates "$tpl"
expect_err "new lists the folders too" \
    "planverk new: unknown document type 'nosuchtype'; known types: alfa, arsrapport, behovsmelding, kompetanseplan, langsiktig-plan, zeta"
run check --templates "$tpl" tests/fixtures/check/unknown-type.json
expect_rc "check of an unknown type with --templates is an input error" 1
expect_err_has "check lists the user's types" \
    'unknown document type "kompetanseplann"; known types: alfa, arsrapport, behovsmelding, kompetanseplan, langsiktig-plan, zeta'
run schema alfa --templates "$tpl"
expect_rc "a type only --templates has is a type" 0
expect_out "schema prints the user's type's schema" '{"title": "alfa"}
'
run schema alfa
expect_rc "without --templates it is not" 2
run schema halvferdig --templates "$tpl"
expect_rc "a folder without document.mustache is not a type" 2
run schema kompetanseplan --templates "$TMP/no-such-folder"
expect_rc "--templates of a missing folder is a usage error" 2
expect_err "--templates names the missing folder" \
    "planverk schema: --templates '$TMP/no-such-folder' is not a folder; see planverk schema --help"

# --- --dump-view ----------------------------------------------------
run build "$plan" -o "$TMP/plan.pdf" --dump-view "$TMP/view.json"
expect_rc "build --dump-view FILE builds" 0
if python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert v["lang"] == "nb", v["lang"]
assert v["labels"]["contents"] == "Innhold"
assert v["meta"]["title"].startswith("Plan for videreutdanning"), v["meta"]["title"]
assert isinstance(v["sections"], list) and v["sections"]
assert set(v["budget"]) == {"has", "total", "by_level", "by_funding", "by_year"}
' "$TMP/view.json" 2>"$TMP/py"; then
	ok "the dumped view model holds lang, labels, meta, sections, budget"
else
	fail "the dumped view model holds lang, labels, meta, sections, budget" \
	    "$(tail -3 "$TMP/py")"
fi
# The type's README documents the view model: every key of the top level,
# of meta and of a section.
if python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
readme = open(sys.argv[2]).read()
keys = set(v) | set(v["meta"]) | set(v["sections"][0]) | set(v["budget"])
missing = sorted(k for k in keys if "`%s`" % k not in readme and "`%s[]`" % k not in readme)
assert not missing, missing
' "$TMP/view.json" templates/kompetanseplan/README.md 2>"$TMP/py"; then
	ok "templates/kompetanseplan/README.md names every key of the view model"
else
	fail "templates/kompetanseplan/README.md names every key of the view model" \
	    "$(tail -1 "$TMP/py")"
fi
if [ -s "$TMP/plan.pdf" ]; then ok "--dump-view still writes the PDF"; else
	fail "--dump-view still writes the PDF"; fi
run build "$plan" -o "$TMP/plan2.pdf" --lang nn --dump-view -
expect_rc "build --dump-view - writes to standard output" 0
expect_out_has "the view model on stdout is pretty-printed, in nynorsk" \
    '    "contents": "Innhald",'
run build "$plan" -o "$TMP/plan3.pdf" --dump-view "$TMP/view2.json"
if cmp -s "$TMP/view.json" "$TMP/view2.json"; then
	ok "the same input dumps the same bytes"
else
	fail "the same input dumps the same bytes"
fi
run build "$plan" -o - --dump-view -
expect_rc "-o - and --dump-view - together is a usage error" 2
run build "$plan" -o "$TMP/plan4.pdf" --dump-view "$plan"
expect_rc "--dump-view over the input is refused" 2
run build "$plan" -o "$TMP/plan4.pdf" --dump-view
expect_rc "--dump-view without a file is a usage error" 2

# --- --templates DIR replaces one file --------------------------------
sed 's|<p class="title">{{meta.title}}</p>|<p class="title">{{meta.title}}</p>\n<p class="subtitle">Egen forside fra kommunen</p>|' \
    templates/kompetanseplan/cover.mustache >"$tpl/kompetanseplan/cover.mustache"
run build "$plan" -o "$TMP/over.pdf" --templates "$tpl"
expect_rc "build with a cover from --templates" 0
pdftotext -f 1 -l 1 "$TMP/over.pdf" "$TMP/over1.txt"
pdftotext -f 2 "$TMP/over.pdf" "$TMP/over.txt"
pdftotext -f 2 "$TMP/plan.pdf" "$TMP/plan.txt"
if grep -q "Egen forside fra kommunen" "$TMP/over1.txt"; then
	ok "the overriding cover's text is on page 1"
else
	fail "the overriding cover's text is on page 1"
fi
pdftotext -f 1 -l 1 "$TMP/plan.pdf" "$TMP/plan1.txt"
if ! grep -q "Egen forside fra kommunen" "$TMP/plan1.txt"; then
	ok "without --templates the installed cover is used"
else
	fail "without --templates the installed cover is used"
fi
# Everything but the cover comes from the installation: the pages after
# it are the same, word for word.
if cmp -s "$TMP/plan.txt" "$TMP/over.txt"; then
	ok "everything but the cover is the installed type's"
else
	fail "everything but the cover is the installed type's" \
	    "$(diff "$TMP/plan.txt" "$TMP/over.txt" | head -5)"
fi
run check --templates "$tpl" "$plan"
expect_rc "check with --templates that overrides templates only" 0

# --- --templates DIR adds a whole type --------------------------------
mkdir -p "$tpl/notat"
cp templates/kompetanseplan/* "$tpl/notat/"
sed -i 's/"const": "kompetanseplan"/"const": "notat"/' "$tpl/notat/schema.json"
sed -i 's/"type": "kompetanseplan"/"type": "notat"/' "$tpl/notat/starter.json"
run new notat --templates "$tpl" -o "$TMP/notat.json"
expect_rc "new writes the starter of a type from --templates" 0
run build "$TMP/notat.json" -o "$TMP/notat.pdf" --templates "$tpl"
expect_rc "build of a document of a type from --templates" 0
if [ -s "$TMP/notat.pdf" ]; then ok "the new type's PDF is written"; else
	fail "the new type's PDF is written"; fi
run build "$TMP/notat.json" -o "$TMP/notat2.pdf"
expect_rc "without --templates the type is unknown" 1
expect_err_has "and the message says so" 'unknown document type "notat"; known types: arsrapport, behovsmelding, kompetanseplan, langsiktig-plan'

# --- the words layout prints come from the type's labels -------------
mkdir -p "$tpl/labelled/kompetanseplan"
python3 -c '
import json, sys
l = json.load(open("templates/kompetanseplan/labels.json"))
l["nb"]["contents"] = "Innholdsfortegnelse"
l["nb"]["page_of"] = "Side %d av totalt %d"
json.dump(l, open(sys.argv[1], "w"), ensure_ascii=False, indent=2)
' "$tpl/labelled/kompetanseplan/labels.json"
run build "$plan" -o "$TMP/labelled.pdf" --templates "$tpl/labelled"
expect_rc "build with the labels from --templates" 0
pages=$(pdfinfo "$TMP/labelled.pdf" | sed -n 's/^Pages: *//p')
pdftotext -f 2 -l 2 "$TMP/labelled.pdf" "$TMP/lab2.txt"
pdftotext -f 3 -l 3 "$TMP/labelled.pdf" "$TMP/lab3.txt"
if grep -qx "Innholdsfortegnelse" "$TMP/lab2.txt"; then
	ok "the title of the table of contents is labels.contents"
else
	fail "the title of the table of contents is labels.contents" \
	    "$(head -3 "$TMP/lab2.txt")"
fi
if grep -qx "Side 3 av totalt $pages" "$TMP/lab3.txt"; then
	ok "the footer is labels.page_of"
else
	fail "the footer is labels.page_of" "$(tail -3 "$TMP/lab3.txt")"
fi
if pdftotext -f 2 -l 2 "$TMP/plan.pdf" - | grep -qx "Innhold" &&
    pdftotext -f 3 -l 3 "$TMP/plan.pdf" - | grep -qx "Side 3 av $pages"; then
	ok "the installed labels give Innhold and Side 3 av $pages"
else
	fail "the installed labels give Innhold and Side 3 av $pages"
fi
run build "$plan" -o "$TMP/plan.pdf" --keep-xhtml "$TMP/plan.xhtml"
if grep -qF '<meta name="toc-title" content="Innhold"/>' "$TMP/plan.xhtml" &&
    grep -qF '<meta name="page-label" content="Side %d av %d"/>' "$TMP/plan.xhtml"; then
	ok "the templates write the words as <meta> in the XHTML"
else
	fail "the templates write the words as <meta> in the XHTML"
fi
# XHTML typeset by hand names its words the same way.
cat >"$TMP/words.xhtml" <<'XHTML'
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">
<head><title>Ord</title>
<meta name="toc-title" content="Dette står i planen"/>
<meta name="page-label" content="%d/%d"/>
</head>
<body>
<div class="toc"/>
<h1>Første</h1><p>Tekst.</p>
<div class="pagebreak"/>
<h1>Andre</h1><p>Tekst.</p>
</body>
</html>
XHTML
run typeset "$TMP/words.xhtml" -o "$TMP/words.pdf"
expect_rc "typeset of XHTML with toc-title and page-label" 0
pdftotext "$TMP/words.pdf" "$TMP/words.txt"
if grep -qx "Dette står i planen" "$TMP/words.txt" && grep -qx "2/3" "$TMP/words.txt" &&
    ! grep -q "Innhold" "$TMP/words.txt"; then
	ok "typeset prints the document's toc-title and page-label"
else
	fail "typeset prints the document's toc-title and page-label" \
	    "$(cat "$TMP/words.txt" | head -12)"
fi

# --- the languages are those of the type's labels.json -----------------
run build "$plan" --lang de -o "$TMP/de.pdf"
expect_rc "--lang of a language the labels lack is a usage error" 2
expect_err "the message lists the languages of labels.json" \
    "planverk build: --lang takes one of the languages of the type's labels (nb, nn, se), not 'de'; see planverk build --help"
mkdir -p "$tpl/en/kompetanseplan"
python3 -c '
import json, sys
l = json.load(open("templates/kompetanseplan/labels.json"))
en = dict(l["nb"])
en["contents"] = "Contents"
en["page_of"] = "Page %d of %d"
l["en"] = en
del l["se"]
json.dump(l, open(sys.argv[1], "w"), ensure_ascii=False, indent=2)
' "$tpl/en/kompetanseplan/labels.json"
run build "$plan" --lang en -o "$TMP/en.pdf" --templates "$tpl/en"
expect_rc "a language added in labels.json builds with --lang" 0
if pdftotext -f 2 -l 2 "$TMP/en.pdf" - | grep -qx "Contents" &&
    pdftotext -f 3 -l 3 "$TMP/en.pdf" - | grep -qx "Page 3 of $pages"; then
	ok "its words are on the page: Contents, Page 3 of $pages"
else
	fail "its words are on the page: Contents, Page 3 of $pages"
fi
run build "$plan" --lang se -o "$TMP/se.pdf" --templates "$tpl/en"
expect_err "a language the user's labels.json dropped is refused" \
    "planverk build: --lang takes one of the languages of the type's labels (nb, nn, en), not 'se'; see planverk build --help"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["meta"]["lang"] = "se"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
' "$plan" "$TMP/se.json"
run check --templates "$tpl/en" "$TMP/se.json"
expect_rc "meta.lang without labels is an input error" 1
expect_err "enrich names the languages labels.json has" \
    "$tpl/en/kompetanseplan/labels.json:1:1: error: no labels for the language \"se\" (the file has: nb, nn, en)"
