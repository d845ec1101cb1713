/*
 * test_markdown.c - Markdown footnotes ([^1] with "[^1]: text") become
 * span.footnote holding the definition's inline content, and the XHTML
 * they make parses in the vocabulary.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/enrich/markdown.h"
#include "../../src/parse/parse.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"

static char *
md(const char *text, int inline_only)
{
	struct pv_buf b;

	pv_buf_init(&b);
	assert_int_equal(markdown_to_xhtml(text, strlen(text), inline_only,
	    &b), 0);
	return pv_buf_take(&b);
}

static void
check(const char *text, int inline_only, const char *want)
{
	char *got = md(text, inline_only);

	assert_string_equal(got, want);
	free(got);
}

/* The reference becomes the span; the definition is not set where it
 * was written; "^1" as plain text stays text, not a link. */
static void
test_footnote_basic(void **state)
{
	check("Kilde^1 og planen[^1] gjelder.\n\n[^1]: Udir, *Kompetanse "
	    "for kvalitet* 2025.\n", 0,
	    "<p>Kilde^1 og planen<span class=\"footnote\">Udir, "
	    "<em>Kompetanse for kvalitet</em> 2025.</span> gjelder.</p>\n");
}

/* Numbers follow the first reference, whatever the definitions' order;
 * an unused definition vanishes; a reference without one stays text. */
static void
test_footnote_order(void **state)
{
	check("B[^b] A[^a] U[^x]\n\n[^a]: Def A\n[^b]: Def B\n[^c]: Ubrukt\n",
	    0, "<p>B<span class=\"footnote\">Def B</span> A<span "
	    "class=\"footnote\">Def A</span> U[^x]</p>\n");
}

/* Several paragraphs are joined by a space; a reference in a note is
 * text (a note has no notes); a link keeps its href. */
static void
test_footnote_paragraphs(void **state)
{
	check("Tekst[^1].\n\n[^1]: Første avsnitt[^2].\n\n    Andre med "
	    "[lenke](https://udir.no).\n\n[^2]: Indre.\n", 0,
	    "<p>Tekst<span class=\"footnote\">Første avsnitt[^2]. Andre med "
	    "<a href=\"https://udir.no\">lenke</a>.</span>.</p>\n");
}

/* An inline field stays a bare paragraph with its footnote, and the
 * definition does not make it a block. */
static void
test_footnote_inline(void **state)
{
	check("Mål[^m] for året\n\n[^m]: Fra planen.\n", 1,
	    "Mål<span class=\"footnote\">Fra planen.</span> for året");
}

/* What markdown writes parses in the vocabulary: a footnote span. */
static void
test_footnote_parses(void **state)
{
	char *body = md("Tekst[^1].\n\n[^1]: Note med *vekt*.\n", 0);
	char *x = pv_xasprintf("<html xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<head><title>T</title></head><body>%s</body></html>", body);
	struct pv_diags d;
	struct doc *doc = NULL;

	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("md.xhtml", x, strlen(x), &doc, &d),
	    PV_OK);
	assert_non_null(doc);
	assert_int_equal(doc->root->first->first->next->kind, DOC_SPAN);
	assert_true(doc->root->first->first->next->classes & DOC_C_FOOTNOTE);
	doc_free(doc);
	pv_diags_free(&d);
	free(x);
	free(body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_footnote_basic),
		cmocka_unit_test(test_footnote_order),
		cmocka_unit_test(test_footnote_paragraphs),
		cmocka_unit_test(test_footnote_inline),
		cmocka_unit_test(test_footnote_parses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
