/*
 * test_parse.c - the parse stage: XHTML to the document tree.
 *
 * Three kinds of test.  The fixtures in tests/fixtures/xhtml/ are parsed
 * and their dumps compared with NAME.dump beside them (the golden tree).
 * The bad fixtures in tests/fixtures/xhtml/bad/ must fail with exactly
 * the diagnostics in NAME.err: expected diagnostics are test output.
 * And the rest are assertions on trees and on hostile input.
 *
 * Run from the top of the tree (tests/run.sh does).  After a deliberate
 * change, PARSE_UPDATE=1 rewrites the .dump and .err files; read the
 * diff before committing it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glob.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "../../src/parse/parse.h"
#include "../../src/util/buf.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"

#define FIX "tests/fixtures/xhtml/"

static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nb\">\n"
    "<head><title>T</title></head>\n<body>";
static const char tail[] = "</body>\n</html>\n";

/* ---- helpers ---- */

static char *
slurp(const char *path, size_t *len)
{
	struct pv_diags d;
	char *s = NULL;
	enum pv_status st;

	pv_diags_init(&d);
	st = pv_read_file(path, &s, len, &d);
	pv_diags_free(&d);
	if (st != PV_OK)
		print_error("cannot read %s\n", path);
	assert_int_equal(st, PV_OK);
	return s;
}

/* All diagnostics, formatted, one a line. */
static char *
diags_text(const struct pv_diags *d)
{
	struct pv_buf b;
	size_t i;

	pv_buf_init(&b);
	for (i = 0; i < d->n; i++) {
		char *m = pv_diag_format(&d->v[i]);

		pv_buf_printf(&b, "%s\n", m);
		free(m);
	}
	return pv_buf_take(&b);
}

/* Parse a fixture that must be valid and clean. */
static struct doc *
parse_fixture(const char *path)
{
	struct pv_diags d;
	struct doc *doc = NULL;
	enum pv_status st;
	char *text, *msgs;
	size_t len;

	text = slurp(path, &len);
	pv_diags_init(&d);
	st = parse_xhtml(path, text, len, &doc, &d);
	msgs = diags_text(&d);
	if (st != PV_OK || d.n != 0)
		print_error("%s: status %d\n%s", path, st, msgs);
	assert_int_equal(st, PV_OK);
	assert_int_equal(d.n, 0);
	assert_non_null(doc);
	free(msgs);
	free(text);
	pv_diags_free(&d);
	return doc;
}

/* Body text wrapped in a document; returns the tree or NULL (and the
 * first diagnostic in *err when asked). */
static struct doc *
parse_body(const char *body, char **err)
{
	struct pv_diags d;
	struct doc *doc = NULL;
	char *text = pv_xasprintf("%s%s%s", head, body, tail);

	pv_diags_init(&d);
	parse_xhtml("t.xhtml", text, strlen(text), &doc, &d);
	if (err != NULL)
		*err = d.n > 0 ? pv_diag_format(&d.v[0]) : NULL;
	free(text);
	pv_diags_free(&d);
	return doc;
}

static void
expect_body_error(const char *body, const char *want)
{
	char *err = NULL;
	struct doc *doc = parse_body(body, &err);

	assert_null(doc);
	assert_non_null(err);
	assert_string_equal(err, want);
	free(err);
}

static char *
dump_of(const struct doc *doc)
{
	struct pv_buf b;

	pv_buf_init(&b);
	doc_dump(doc, &b);
	return pv_buf_take(&b);
}

/* The dump of the body only (no META, no ROOT line). */
static char *
body_dump(const char *body)
{
	struct doc *doc = parse_body(body, NULL);
	char *s, *nl, *r;

	assert_non_null(doc);
	s = dump_of(doc);
	nl = strchr(s, '\n');
	nl = nl ? strchr(nl + 1, '\n') : NULL;
	r = pv_xstrdup(nl ? nl + 1 : "");
	free(s);
	doc_free(doc);
	return r;
}

static void
expect_body_dump(const char *body, const char *want)
{
	char *got = body_dump(body);

	assert_string_equal(got, want);
	free(got);
}

/* The n-th child (0-based) of a node. */
static const struct doc_node *
kid(const struct doc_node *n, int i)
{
	const struct doc_node *c;

	assert_non_null(n);
	for (c = n->first; c != NULL && i > 0; c = c->next)
		i--;
	assert_non_null(c);
	return c;
}

static int
nkids(const struct doc_node *n)
{
	const struct doc_node *c;
	int k = 0;

	for (c = n->first; c != NULL; c = c->next)
		k++;
	return k;
}

static void
expect_text(const struct doc_node *n, const char *want)
{
	assert_int_equal(n->kind, DOC_TEXT);
	assert_string_equal(n->text, want);
	assert_int_equal(n->text_len, strlen(want));
}

/* Compare s with a file, or write it there when PARSE_UPDATE is set. */
static void
golden(const char *path, const char *s)
{
	struct pv_diags d;
	char *want;
	size_t len;

	if (getenv("PARSE_UPDATE") != NULL) {
		pv_diags_init(&d);
		assert_int_equal(pv_write_file_atomic(path, s, strlen(s), &d),
		    PV_OK);
		pv_diags_free(&d);
		return;
	}
	want = slurp(path, &len);
	if (strcmp(want, s) != 0) {
		size_t i = 0;
		int line = 1;

		while (want[i] != '\0' && want[i] == s[i]) {
			if (s[i] == '\n')
				line++;
			i++;
		}
		print_error("%s differs from line %d (PARSE_UPDATE=1 rewrites "
		    "it)\n", path, line);
		fail();
	}
	free(want);
}

/* ---- the golden corpus ---- */

static const char *const good[] = {
	"headings", "inline", "lists", "table", "cover", "toc", "pagebreak",
	"box", "figure", "links", "meta", "everything", "mixed", "listcells",
	"meta-labels", "notes-wheel", "lang-labels",
};

static void
test_golden_dumps(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char *path = pv_xasprintf(FIX "%s.xhtml", good[i]);
		char *gold = pv_xasprintf(FIX "%s.dump", good[i]);
		struct doc *doc = parse_fixture(path);
		char *s = dump_of(doc);

		golden(gold, s);
		free(s);
		doc_free(doc);
		free(path);
		free(gold);
	}
}

/*
 * The bad-input catalogue: every tests/fixtures/xhtml/bad/NAME.xhtml fails
 * with exactly NAME.err.  The folder is globbed, so a fixture added there
 * cannot be forgotten; an .xhtml without its .err fails.
 */
static void
test_bad_catalogue(void **state)
{
	glob_t g;
	size_t i, len;

	assert_int_equal(glob(FIX "bad/*.xhtml", 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 40);
	for (i = 0; i < g.gl_pathc; i++) {
		const char *path = g.gl_pathv[i];
		const char *base = strrchr(path, '/') + 1;
		size_t stem = strlen(base) - strlen(".xhtml");
		char *errf = pv_xasprintf("%.*s.err",
		    (int)(strlen(path) - strlen(".xhtml")), path);
		char *name = pv_xasprintf("%.*s.xhtml", (int)stem, base);
		char *text = slurp(path, &len);
		struct pv_diags d;
		struct doc *doc = (struct doc *)1;
		char *got;

		pv_diags_init(&d);
		/* Named without its folder: the messages read as a user
		 * would see them for a file in the current folder. */
		if (parse_xhtml(name, text, len, &doc, &d) != PV_EINPUT)
			fail_msg("%s: not refused", path);
		assert_null(doc);
		assert_true(d.errors > 0);
		got = diags_text(&d);
		golden(errf, got);
		free(got);
		pv_diags_free(&d);
		free(text);
		free(name);
		free(errf);
	}
	globfree(&g);
}

/* ---- trees ---- */

static void
test_headings(void **state)
{
	struct doc *doc = parse_fixture(FIX "headings.xhtml");
	const struct doc_node *r = doc->root, *h;
	int i;

	assert_int_equal(r->kind, DOC_ROOT);
	assert_int_equal(nkids(r), 7);
	for (i = 0; i < 6; i++) {
		h = kid(r, i);
		assert_int_equal(h->kind, DOC_H);
		assert_int_equal(h->level, i + 1);
	}
	assert_string_equal(kid(r, 1)->id, "bakgrunn");
	expect_text(kid(kid(r, 1), 0), "Bakgrunn for planen");
	assert_int_equal(kid(r, 3)->classes, DOC_C_NONUMBER);
	assert_int_equal(kid(r, 4)->classes, DOC_C_NOTOC);
	assert_int_equal(kid(r, 5)->classes, DOC_C_NONUMBER | DOC_C_NOTOC);
	/* Leading and trailing white space of a heading is gone, the
	 * space before the <em> stays. */
	h = kid(r, 6);
	expect_text(kid(h, 0), "Mål og ");
	assert_int_equal(kid(h, 1)->kind, DOC_EM);
	expect_text(kid(kid(h, 1), 0), "forventninger");
	assert_int_equal(kid(h, 0)->line, 12);
	doc_free(doc);
}

static void
test_inline(void **state)
{
	struct doc *doc = parse_fixture(FIX "inline.xhtml");
	const struct doc_node *r = doc->root, *p;

	p = kid(r, 0);
	assert_int_equal(p->kind, DOC_P);
	assert_int_equal(p->flags, 0);
	expect_text(kid(p, 0), "Søndre Land kommune har som ");
	assert_int_equal(kid(p, 1)->kind, DOC_STRONG);
	expect_text(kid(p, 2), " ansvar for kompetanseutviklingen i ");
	expect_text(kid(r, 1)->first,
	    "Ledende og etterfølgende mellomrom forsvinner.");
	/* strong > em > code */
	p = kid(r, 2);
	assert_int_equal(kid(kid(kid(p, 1), 1), 1)->kind, DOC_CODE);
	/* U+00A0 from &#160; and &#xA0; is kept, not collapsed. */
	expect_text(kid(r, 3)->first,
	    "Ingen brudd: kr\xC2\xA0" "879\xC2\xA0" "000 og uke\xC2\xA0" "38.");
	/* br: no space before or after it */
	p = kid(r, 4);
	expect_text(kid(p, 0), "Linje en");
	assert_int_equal(kid(p, 1)->kind, DOC_BR);
	expect_text(kid(p, 2), "linje to");
	assert_int_equal(kid(p, 3)->kind, DOC_BR);
	expect_text(kid(p, 4), "linje tre");
	/* a comment and a CDATA section between text: one TEXT node */
	p = kid(r, 5);
	assert_int_equal(nkids(p), 1);
	expect_text(p->first, "Samlettekst og <cdata> & mer her & <der>.");
	assert_int_equal(kid(r, 6)->classes, DOC_C_LEAD);
	assert_int_equal(kid(r, 7)->classes, DOC_C_SMALL | DOC_C_CENTER);
	/* tick boxes keep the spaces around them */
	p = kid(r, 8);
	assert_int_equal(kid(p, 1)->classes, DOC_C_CHECKED);
	expect_text(kid(p, 2), " ");
	assert_int_equal(kid(p, 3)->classes, DOC_C_UNCHECKED);
	assert_int_equal(kid(p, 5)->classes, DOC_C_NOWRAP);
	assert_string_equal(kid(kid(r, 9), 1)->lang, "se");
	/* an empty em is kept; an empty p too */
	assert_int_equal(nkids(kid(kid(r, 10), 0)), 0);
	assert_int_equal(nkids(kid(r, 11)), 0);
	doc_free(doc);
}

static void
test_lists(void **state)
{
	struct doc *doc = parse_fixture(FIX "lists.xhtml");
	const struct doc_node *ul, *li, *ul2, *ol;

	ul = kid(doc->root, 0);
	assert_int_equal(ul->kind, DOC_UL);
	assert_int_equal(nkids(ul), 2);
	li = kid(ul, 1);
	assert_int_equal(li->kind, DOC_LI);
	/* text, list, text in an li: anon P, UL, anon P */
	assert_int_equal(nkids(li), 3);
	assert_true(kid(li, 0)->flags & DOC_F_ANON);
	expect_text(kid(li, 0)->first, "Nivå én");
	ul2 = kid(li, 1);
	assert_int_equal(ul2->kind, DOC_UL);
	assert_true(kid(li, 2)->flags & DOC_F_ANON);
	expect_text(kid(li, 2)->first, "og tekst etter listen");
	/* three deep: ul > li > ul > li > ol */
	ol = kid(kid(ul2, 0), 1);
	assert_int_equal(ol->kind, DOC_OL);
	assert_int_equal(ol->start, 3);
	li = kid(ol, 1);
	assert_int_equal(nkids(li), 2);
	assert_int_equal(kid(li, 0)->kind, DOC_P);
	assert_int_equal(kid(li, 0)->flags, 0);
	/* an ol without start counts from 1; start="0" is kept */
	assert_int_equal(kid(doc->root, 1)->start, 1);
	assert_int_equal(nkids(kid(doc->root, 1)), 2);
	assert_int_equal(kid(doc->root, 2)->start, 0);
	doc_free(doc);
}

static void
test_table(void **state)
{
	struct doc *doc = parse_fixture(FIX "table.xhtml");
	const struct doc_node *t = kid(doc->root, 0), *c, *row, *cell;

	assert_int_equal(t->kind, DOC_TABLE);
	assert_int_equal(t->width.unit, DOC_U_PERCENT);
	assert_true(t->width.value == 100);
	assert_int_equal(t->classes, DOC_C_SMALL);
	assert_int_equal(kid(t, 0)->kind, DOC_CAPTION);
	/* colgroup is gone: its cols and the loose one are in the table */
	c = kid(t, 1);
	assert_int_equal(c->kind, DOC_COL);
	assert_int_equal(c->width.unit, DOC_U_PERCENT);
	assert_true(c->width.value == 30);
	assert_int_equal(kid(t, 2)->width.unit, DOC_U_PT);
	assert_true(kid(t, 2)->width.value == 120);
	assert_true(kid(t, 3)->width.value == 120); /* 160 px */
	assert_true(kid(t, 4)->width.value > 113.38 &&
	    kid(t, 4)->width.value < 113.39);       /* 40 mm */
	assert_int_equal(kid(t, 5)->kind, DOC_THEAD);
	cell = kid(kid(kid(t, 5), 0), 1);
	assert_int_equal(cell->kind, DOC_TH);
	assert_int_equal(cell->colspan, 2);
	assert_int_equal(cell->rowspan, 1);
	row = kid(kid(t, 6), 0);
	cell = kid(row, 0);
	assert_int_equal(cell->rowspan, 2);
	assert_int_equal(nkids(cell), 2);          /* two paragraphs */
	cell = kid(row, 2);
	assert_int_equal(kid(cell, 0)->flags, DOC_F_ANON);
	assert_int_equal(kid(cell, 1)->kind, DOC_UL);
	assert_int_equal(kid(row, 3)->classes, DOC_C_NUM | DOC_C_NOWRAP);
	assert_int_equal(nkids(kid(kid(t, 6), 1)), 3);
	assert_int_equal(nkids(kid(kid(kid(t, 6), 1), 1)), 0); /* empty td */
	row = kid(kid(t, 7), 0);
	assert_int_equal(row->classes, DOC_C_SUM);
	assert_int_equal(kid(row, 1)->classes, DOC_C_NUM); /* align=right */
	/* rows directly in a table: one anonymous tbody */
	t = kid(doc->root, 1);
	assert_int_equal(nkids(t), 1);
	assert_int_equal(kid(t, 0)->kind, DOC_TBODY);
	assert_int_equal(kid(t, 0)->flags, DOC_F_ANON);
	assert_int_equal(nkids(kid(t, 0)), 2);
	assert_int_equal(kid(kid(kid(t, 0), 0), 1)->classes, DOC_C_CENTER);
	doc_free(doc);
}

static void
test_cover_toc_box(void **state)
{
	struct doc *doc = parse_fixture(FIX "cover.xhtml");
	const struct doc_node *cov = kid(doc->root, 0), *img;

	assert_int_equal(cov->classes, DOC_C_COVER);
	img = kid(cov, 0);
	assert_int_equal(img->kind, DOC_IMG);
	assert_int_equal(img->classes, DOC_C_LOGO);
	assert_string_equal(img->src, FIX "img/logo.png");
	assert_string_equal(img->alt, "Søndre Land kommune, logo");
	assert_int_equal(kid(cov, 1)->classes,
	    DOC_C_TITLE | DOC_C_NONUMBER | DOC_C_NOTOC);
	assert_int_equal(kid(cov, 2)->classes, DOC_C_SUBTITLE);
	assert_int_equal(kid(cov, 3)->classes, DOC_C_BYLINE);
	assert_int_equal(kid(cov, 4)->classes, DOC_C_TAGLINE);
	assert_int_equal(kid(cov, 5)->classes, DOC_C_DATELINE);
	doc_free(doc);

	doc = parse_fixture(FIX "toc.xhtml");
	assert_int_equal(kid(doc->root, 1)->classes, DOC_C_TOC);
	assert_int_equal(nkids(kid(doc->root, 1)), 0);
	assert_int_equal(kid(kid(doc->root, 2), 1)->classes, DOC_C_TOC);
	doc_free(doc);

	doc = parse_fixture(FIX "pagebreak.xhtml");
	assert_int_equal(kid(doc->root, 1)->classes, DOC_C_PAGEBREAK);
	assert_int_equal(kid(kid(doc->root, 2), 0)->classes, DOC_C_PAGEBREAK);
	doc_free(doc);

	doc = parse_fixture(FIX "box.xhtml");
	cov = kid(doc->root, 0);
	assert_int_equal(cov->classes, DOC_C_BOX);
	assert_int_equal(nkids(cov), 3);
	assert_int_equal(kid(cov, 1)->flags, DOC_F_ANON);
	expect_text(kid(cov, 1)->first, "Alle ansatte skal kjenne planen.");
	doc_free(doc);
}

static void
test_figure_links_meta(void **state)
{
	struct doc *doc = parse_fixture(FIX "figure.xhtml");
	const struct doc_node *fig = kid(doc->root, 0), *p;

	assert_int_equal(fig->kind, DOC_FIGURE);
	assert_string_equal(fig->id, "fig1");
	assert_int_equal(kid(fig, 0)->kind, DOC_IMG);
	assert_int_equal(kid(fig, 0)->width.unit, DOC_U_PERCENT);
	assert_int_equal(kid(fig, 1)->kind, DOC_FIGCAPTION);
	/* an absolute path is kept; %20 is decoded; alt="" is fine */
	assert_string_equal(kid(kid(doc->root, 1), 1)->src,
	    "/usr/share/planverk/logo kommune.png");
	assert_string_equal(kid(kid(doc->root, 1), 1)->alt, "");
	doc_free(doc);

	doc = parse_fixture(FIX "links.xhtml");
	p = kid(doc->root, 1);
	assert_string_equal(kid(p, 1)->href, "#tiltak");
	assert_string_equal(kid(p, 3)->href,
	    "https://www.udir.no/kvalitet-og-kompetanse/");
	assert_string_equal(kid(kid(doc->root, 2), 1)->href,
	    "mailto:post@sondre-land.kommune.no");
	assert_int_equal(kid(kid(kid(doc->root, 4), 1), 0)->kind, DOC_STRONG);
	doc_free(doc);

	doc = parse_fixture(FIX "meta.xhtml");
	assert_string_equal(doc->meta.title,
	    "Kompetanseplan for barnehagane 2025–2028");
	assert_string_equal(doc->meta.author, "Vestvågøy kommune");
	assert_string_equal(doc->meta.subject,
	    "Kompetanseutvikling i barnehage");
	assert_string_equal(doc->meta.keywords,
	    "kompetanse, barnehage, REKOM");
	assert_string_equal(doc->meta.running_title,
	    "Kompetanseplan barnehage");
	assert_string_equal(doc->meta.date, "12.03.2025");
	assert_string_equal(doc->meta.lang, "nn");
	assert_string_equal(doc->root->lang, "nn");
	assert_string_equal(doc->file, FIX "meta.xhtml");
	doc_free(doc);

	/* Without running-title, the title runs. */
	doc = parse_fixture(FIX "headings.xhtml");
	assert_string_equal(doc->meta.running_title, "Overskrifter");
	assert_null(doc->meta.author);
	doc_free(doc);
}

/* The realistic fixtures layout renders. */
static void
test_realistic(void **state)
{
	struct doc *doc;
	const struct doc_node *t, *n, *tb;
	size_t words = 0, rows = 0;

	doc = parse_fixture(FIX "table300.xhtml");
	t = kid(doc->root, 2);
	assert_int_equal(t->kind, DOC_TABLE);
	assert_int_equal(kid(t, 7)->kind, DOC_THEAD);
	tb = kid(t, 8);
	assert_int_equal(tb->kind, DOC_TBODY);
	for (n = tb->first; n != NULL; n = n->next) {
		assert_int_equal(nkids(n), n->next ? 6 : 2);
		rows++;
	}
	assert_int_equal(rows, 301);
	assert_int_equal(tb->last->classes, DOC_C_SUM);
	assert_string_equal(kid(tb, 299)->id, "rad-300");
	doc_free(doc);

	/* prose20: ~9000 words, every text clean of XML white space */
	doc = parse_fixture(FIX "prose20.xhtml");
	n = doc->root;
	while (n != NULL) {
		if (n->kind == DOC_TEXT) {
			const char *s;

			assert_true(n->text[0] != ' ');
			assert_true(n->text[n->text_len - 1] != ' ');
			assert_null(strstr(n->text, "  "));
			assert_null(strpbrk(n->text, "\t\n\r"));
			for (s = n->text; *s; s++)
				if (*s == ' ')
					words++;
			words++;
		}
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
	assert_true(words >= 9000 && words <= 10000);
	doc_free(doc);
}

/* ---- normalisation ---- */

static void
test_whitespace(void **state)
{
	expect_body_dump("\n  <p>\n  a  \t b\r\n c  </p>\n",
	    "  P @5\n    TEXT @6 \"a b c\"\n");
	/* across element boundaries: one space, on the left */
	expect_body_dump("<p>a <em> b </em> c</p>",
	    "  P @4\n    TEXT @4 \"a \"\n    EM @4\n      TEXT @4 \"b \"\n"
	    "    TEXT @4 \"c\"\n");
	/* trailing space inside the last inline is trimmed */
	expect_body_dump("<p>a <strong>b </strong></p>",
	    "  P @4\n    TEXT @4 \"a \"\n    STRONG @4\n      TEXT @4 \"b\"\n");
	/* around br */
	expect_body_dump("<p>a <br/> b</p>",
	    "  P @4\n    TEXT @4 \"a\"\n    BR @4\n    TEXT @4 \"b\"\n");
	/* white space between blocks makes nothing */
	expect_body_dump("<div>\n <p>x</p>\n <p>y</p>\n</div>",
	    "  DIV @4\n    P @5\n      TEXT @5 \"x\"\n    P @6\n"
	    "      TEXT @6 \"y\"\n");
	/* inline runs in a block container: anonymous P, one per run */
	expect_body_dump("<div>a <em>b</em> <p>c</p> d</div>",
	    "  DIV @4\n    P @4 anon\n      TEXT @4 \"a \"\n      EM @4\n"
	    "        TEXT @4 \"b\"\n    P @4\n      TEXT @4 \"c\"\n"
	    "    P @4 anon\n      TEXT @4 \"d\"\n");
	/* text lines: where the text starts, not where the chunk ends */
	expect_body_dump("<p>\n\n\nx\ny</p>", "  P @4\n    TEXT @7 \"x y\"\n");
	/* adjacent text from references, comments and CDATA is one node */
	expect_body_dump("<p>a&#160;b&amp;<!--c-->d<![CDATA[e]]>f</p>",
	    "  P @4\n    TEXT @4 \"a\\u00A0b&def\"\n");
	/* a body with only white space: an empty ROOT */
	expect_body_dump("\n \n", "");
	/* no-break space is not white space: it survives trimming */
	expect_body_dump("<p>&#160;x&#160;</p>",
	    "  P @4\n    TEXT @4 \"\\u00A0x\\u00A0\"\n");
}

static void
test_widths(void **state)
{
	static const struct {
		const char *w;
		enum doc_unit unit;
		double v;
	} ok[] = {
		{ "30%", DOC_U_PERCENT, 30 }, { "12.5%", DOC_U_PERCENT, 12.5 },
		{ "100%", DOC_U_PERCENT, 100 }, { "120pt", DOC_U_PT, 120 },
		{ "160", DOC_U_PT, 120 }, { "160px", DOC_U_PT, 120 },
		{ "2.54cm", DOC_U_PT, 72 }, { "25.4mm", DOC_U_PT, 72 },
	};
	static const char *const no[] = {
		"", "0", "0%", "101%", "-5", "+5", "1e3", " 5pt", "5 pt", "5em",
		"5%%", ".", "inf", "nan", "100000000000", "5pt;",
	};
	size_t i;
	char *body, *err;
	struct doc *doc;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		body = pv_xasprintf("<table width=\"%s\"/>", ok[i].w);
		doc = parse_body(body, NULL);
		assert_non_null(doc);
		assert_int_equal(kid(doc->root, 0)->width.unit, ok[i].unit);
		assert_true(kid(doc->root, 0)->width.value > ok[i].v - 1e-9 &&
		    kid(doc->root, 0)->width.value < ok[i].v + 1e-9);
		doc_free(doc);
		free(body);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		body = pv_xasprintf("<table width=\"%s\"/>", no[i]);
		doc = parse_body(body, &err);
		assert_null(doc);
		assert_non_null(err);
		assert_true(strstr(err, "write a percentage") != NULL ||
		    strstr(err, "a percentage is more than 0%") != NULL);
		free(err);
		free(body);
	}
}

static void
test_image_paths(void **state)
{
	const char *text = "<html><body><img src=\"img/a%20b.png\" alt=\"\"/>"
	    "<img src=\"/abs/c.png\" alt=\"\"/></body></html>";
	struct pv_diags d;
	struct doc *doc;

	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("out/plan/plan.xhtml", text, strlen(text),
	    &doc, &d), PV_OK);
	assert_string_equal(kid(doc->root, 0)->src, "out/plan/img/a b.png");
	assert_string_equal(kid(doc->root, 1)->src, "/abs/c.png");
	doc_free(doc);
	/* a file in the current folder: the path as written */
	assert_int_equal(parse_xhtml("plan.xhtml", text, strlen(text), &doc,
	    &d), PV_OK);
	assert_string_equal(kid(doc->root, 0)->src, "img/a b.png");
	doc_free(doc);
	/* no name at all */
	assert_int_equal(parse_xhtml(NULL, text, strlen(text), &doc, &d),
	    PV_OK);
	doc_free(doc);
	assert_int_equal(d.n, 0);
	pv_diags_free(&d);
	expect_body_error("<img src=\"https://x.no/a.png\" alt=\"a\"/>",
	    "t.xhtml:4: error: src=\"https://x.no/a.png\" on <img>: images "
	    "must be local files (a path relative to the XHTML file)");
	expect_body_error("<img src=\"a%zz.png\" alt=\"a\"/>",
	    "t.xhtml:4: error: src on <img>: a % must start %XX, a byte in hex "
	    "(not %00)");
	expect_body_error("<img alt=\"a\"/>", "t.xhtml:4: error: <img> without "
	    "src");
}

static void
test_more_rules(void **state)
{
	expect_body_error("<p><a href=\"#x\"><a href=\"#y\">z</a></a></p>",
	    "t.xhtml:4: error: element <a> inside another <a>");
	expect_body_error("<p><a>z</a></p>",
	    "t.xhtml:4: error: <a> without href");
	expect_body_error("<figure><figcaption>a</figcaption>"
	    "<figcaption>b</figcaption></figure>",
	    "t.xhtml:4: error: a <figure> has one <figcaption> at most");
	expect_body_error("<table><tbody><tr><td>1</td></tr></tbody>"
	    "<tr><td>2</td></tr></table>",
	    "t.xhtml:4: error: a <table> holds either <tbody> elements or <tr> "
	    "rows, not both");
	expect_body_error("<table><colgroup span=\"2\"/></table>",
	    "t.xhtml:4: error: <colgroup> takes no attributes: put width on "
	    "each <col>");
	expect_body_error("<ol start=\"x\"><li>a</li></ol>",
	    "t.xhtml:4: error: start=\"x\" on <ol> must be a whole number from "
	    "0 to 1000000");
	expect_body_error("<section><div class=\"cover\">x</div></section>",
	    "t.xhtml:4: error: class \"cover\" must be on a <div> directly in "
	    "<body>");
	expect_body_error("<ul><li><div class=\"pagebreak\"/></li></ul>",
	    "t.xhtml:4: error: class \"pagebreak\" must be on a <div> directly "
	    "in <body> or a <section>");
	expect_body_error("<hr>x</hr>", "t.xhtml:4: error: <hr> must be empty");
	expect_body_error("<p id=\"a b\">x</p>",
	    "t.xhtml:4: error: id=\"a b\" on <p>: an id is one word, not "
	    "empty");
	expect_body_error("<p lang=\"nb\" xml:lang=\"nn\">x</p>",
	    "t.xhtml:4: error: lang=\"nb\" and xml:lang=\"nn\" on <p> "
	    "disagree");
	expect_body_error("<td align=\"justify\">x</td>",
	    "t.xhtml:4: error: element <td> is only allowed in <tr>");
	expect_body_error("<table><tr><td "
	    "align=\"justify\">x</td></tr></table>",
	    "t.xhtml:4: error: align=\"justify\" on <td> must be left, center "
	    "or right");
	expect_body_error("<p>a<?php x ?></p>",
	    "t.xhtml:4: error: processing instruction <?php?> is not allowed");
	expect_body_error("<p><span class=\"box\">x</span></p>",
	    "t.xhtml:4: error: class \"box\" has no meaning on <span> (only on "
	    "<div>)");
	expect_body_error("<p xlink:href=\"x\" "
	    "xmlns:xlink=\"http://www.w3.org/1999/xlink\">x</p>",
	    "t.xhtml:4: error: attribute xlink:href on <p> is not in the "
	    "planverk vocabulary (see docs/vocabulary.md)");
	expect_body_error("<body/>",
	    "t.xhtml:4: error: element <body> is only allowed in <html>");
}

static void
test_heading_skip_warns(void **state)
{
	const char *text = "<html><body><h1>a</h1><h3>b</h3>"
	    "<div class=\"box\"><h5>c</h5></div></body></html>";
	struct pv_diags d;
	struct doc *doc;
	char *s;

	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("w.xhtml", text, strlen(text), &doc, &d),
	    PV_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 0);
	s = pv_diag_format(&d.v[0]);
	assert_string_equal(s, "w.xhtml:1: warning: <h3> follows <h1>: a "
	    "heading level is skipped");
	free(s);
	doc_free(doc);
	pv_diags_free(&d);
}

/* ---- hostile input ---- */

static void
expect_fails(const char *text, size_t len, const char *has)
{
	struct pv_diags d;
	struct doc *doc = NULL;
	char *all;

	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("h.xhtml", text, len, &doc, &d),
	    PV_EINPUT);
	assert_null(doc);
	all = diags_text(&d);
	if (strstr(all, has) == NULL)
		print_error("missing \"%s\" in:\n%s", has, all);
	assert_non_null(strstr(all, has));
	free(all);
	pv_diags_free(&d);
}

static void
test_deep_nesting(void **state)
{
	size_t n = 100000, i;
	struct pv_buf b;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<html><body>");
	for (i = 0; i < n; i++)
		pv_buf_puts(&b, "<div>");
	for (i = 0; i < n; i++)
		pv_buf_puts(&b, "</div>");
	pv_buf_puts(&b, "</body></html>");
	expect_fails(b.data, b.len, "h.xhtml:1:327: error: elements nested "
	    "more than 64 deep (PARSE_MAX_DEPTH; here <div>)");
	pv_buf_free(&b);
	/* 64 levels in all are fine */
	pv_buf_puts(&b, "<html><body>");
	for (i = 0; i < 62; i++)
		pv_buf_puts(&b, "<div>");
	pv_buf_puts(&b, "x");
	for (i = 0; i < 62; i++)
		pv_buf_puts(&b, "</div>");
	pv_buf_puts(&b, "</body></html>");
	{
		struct pv_diags d;
		struct doc *doc;

		pv_diags_init(&d);
		assert_int_equal(parse_xhtml("h.xhtml", b.data, b.len, &doc,
		    &d), PV_OK);
		doc_free(doc);
		pv_diags_free(&d);
	}
	pv_buf_free(&b);
}

static void
test_huge_values(void **state)
{
	size_t n = 10u * 1024 * 1024, i;
	struct pv_buf b;

	/* a 10 MB attribute: libxml2's own limit */
	pv_buf_init(&b);
	pv_buf_puts(&b, "<html><body><p class=\"");
	pv_buf_reserve(&b, n);
	for (i = 0; i < n; i++)
		b.data[b.len++] = 'a';
	pv_buf_puts(&b, "\">x</p></body></html>");
	expect_fails(b.data, b.len, "h.xhtml:1:22: error: an attribute value "
	    "longer than 65536 bytes (PARSE_MAX_ATTR)");
	pv_buf_free(&b);
	/* a 100 kB one: ours */
	pv_buf_puts(&b, "<html><body><p id=\"");
	for (i = 0; i < 100000; i++)
		pv_buf_putc(&b, 'a');
	pv_buf_puts(&b, "\">x</p></body></html>");
	expect_fails(b.data, b.len, "h.xhtml:1: error: attribute id on <p> is "
	    "longer than 65536 bytes");
	pv_buf_free(&b);
	/* 2 MB of text in one paragraph */
	pv_buf_puts(&b, "<html><body><p>");
	for (i = 0; i < 200000; i++)
		pv_buf_puts(&b, "ordordord ");
	pv_buf_puts(&b, "</p></body></html>");
	expect_fails(b.data, b.len, "h.xhtml:1: error: more than 1048576 "
	    "bytes of text in one piece");
	pv_buf_free(&b);
}

static void
test_entities_never_expand(void **state)
{
	static const char bomb[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
	    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "]>\n<html><body><p>&f;&f;&f;&f;</p><p title=\"&f;\"/></body>"
	    "</html>\n";
	static const char xxe[] = "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE html [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n"
	    "<html><body><p>&x;</p></body></html>\n";
	static const char pe[] = "<!DOCTYPE html [<!ENTITY % p SYSTEM "
	    "\"/etc/passwd\"> %p;]>\n<html><body/></html>\n";
	static const char ext[] = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML "
	    "1.0 Strict//EN\" \"/etc/passwd\">\n<html><body><p>&x;</p>"
	    "</body></html>\n";
	struct pv_diags d;
	struct doc *doc;
	clock_t t0 = clock();
	char *all;

	expect_fails(bomb, sizeof(bomb) - 1, "h.xhtml:2: error: a <!DOCTYPE> "
	    "with declarations [...] is not allowed");
	/* refused before anything is expanded: no time, no memory */
	assert_true(clock() - t0 < CLOCKS_PER_SEC);
	expect_fails(xxe, sizeof(xxe) - 1, "is not allowed");
	expect_fails(pe, sizeof(pe) - 1, "is not allowed");
	/* an XHTML DOCTYPE is never read, and &x; is still unknown */
	expect_fails(ext, sizeof(ext) - 1, "h.xhtml:2:16: error: entity &x; is "
	    "not allowed");
	/* nothing of /etc/passwd in any message */
	pv_diags_init(&d);
	parse_xhtml("h.xhtml", xxe, sizeof(xxe) - 1, &doc, &d);
	parse_xhtml("h.xhtml", pe, sizeof(pe) - 1, &doc, &d);
	parse_xhtml("h.xhtml", ext, sizeof(ext) - 1, &doc, &d);
	all = diags_text(&d);
	assert_null(strstr(all, "root:"));
	assert_null(strstr(all, "/bin/"));
	free(all);
	pv_diags_free(&d);
}

static void
test_encodings(void **state)
{
	static const char u16le[] = "\xFF\xFE<\0h\0t\0m\0l\0/\0>\0";
	static const char u16be[] = "\0<\0h\0t\0m\0l\0/\0>";
	static const char bad8[] =
	    "<html><body>\n<p>\xC3\x28</p></body></html>";
	static const char nul[] = "<html><body><p>a\0b</p></body></html>";
	static const char bom[] = "\xEF\xBB\xBF<html><body><p>æ</p></body>"
	    "</html>";
	static const char latin[] = "<?xml version=\"1.0\" "
	    "encoding=\"ISO-8859-1\"?><html><body><p>æ</p></body></html>";
	struct pv_diags d;
	struct doc *doc;

	expect_fails(u16le, sizeof(u16le) - 1, "h.xhtml:1:1: error: the XHTML is "
	    "UTF-16 or UTF-32; planverk reads UTF-8 only");
	expect_fails(u16be, sizeof(u16be) - 1, "UTF-16");
	expect_fails(bad8, sizeof(bad8) - 1, "h.xhtml:2:4: error: not valid "
	    "UTF-8 (byte 0xC3); the XHTML must be UTF-8");
	expect_fails(nul, sizeof(nul) - 1, "h.xhtml:1:");
	expect_fails("", 0, "h.xhtml:1:1: error: the file is empty; it must hold one <html> "
	    "element");
	expect_fails("   ", 3, "error:");
	/* a UTF-8 byte-order mark is fine; a declared encoding is not
	 * believed: the bytes are UTF-8, so æ stays æ */
	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("h.xhtml", bom, sizeof(bom) - 1, &doc, &d),
	    PV_OK);
	expect_text(kid(kid(doc->root, 0), 0), "æ");
	doc_free(doc);
	assert_int_equal(parse_xhtml("h.xhtml", latin, sizeof(latin) - 1, &doc,
	    &d), PV_OK);
	expect_text(kid(kid(doc->root, 0), 0), "æ");
	doc_free(doc);
	pv_diags_free(&d);
}

static void
test_error_cap(void **state)
{
	struct pv_buf b;
	struct pv_diags d;
	struct doc *doc;
	char *last;
	int i;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<html><body>");
	for (i = 0; i < 100000; i++)
		pv_buf_puts(&b, "<blink/>");
	pv_buf_puts(&b, "</body></html>");
	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("h.xhtml", b.data, b.len, &doc, &d),
	    PV_EINPUT);
	assert_int_equal(d.n, PARSE_MAX_ERRORS);
	last = pv_diag_format(&d.v[d.n - 1]);
	assert_string_equal(last, "h.xhtml:1: error: too many errors (100); "
	    "stopping here");
	free(last);
	pv_diags_free(&d);
	pv_buf_free(&b);
}

/* A table of `rows` rows of `cols` cells, one row a line, in a <tbody>
 * or directly in the table; the <table> is on line 5, row r on 5 + r. */
static char *
table_body(long rows, int cols, int tbody)
{
	struct pv_buf b;
	long r;
	int k;

	pv_buf_init(&b);
	pv_buf_puts(&b, "\n<table>");
	if (tbody)
		pv_buf_puts(&b, "<tbody>");
	for (r = 0; r < rows; r++) {
		pv_buf_puts(&b, "\n<tr>");
		for (k = 0; k < cols; k++)
			pv_buf_puts(&b, "<td>x</td>");
		pv_buf_puts(&b, "</tr>");
	}
	if (tbody)
		pv_buf_puts(&b, "</tbody>");
	pv_buf_puts(&b, "</table>");
	return pv_buf_take(&b);
}

/*
 * PARSE_MAX_TABLE_ROWS and PARSE_MAX_TABLE_COLUMNS: at the limit a table
 * is read; one over, it is refused at the row or cell that goes over,
 * naming the limit, before layout sets anything.
 */
static void
test_table_limits(void **state)
{
	struct doc *doc;
	char *body, *want;
	int tb;

	for (tb = 0; tb < 2; tb++) {
		body = table_body(PARSE_MAX_TABLE_ROWS, 1, tb);
		doc = parse_body(body, NULL);
		assert_non_null(doc);
		doc_free(doc);
		free(body);
		body = table_body(PARSE_MAX_TABLE_ROWS + 1, 1, tb);
		want = pv_xasprintf("t.xhtml:%d: error: a table has more than "
		    "%d rows (PARSE_MAX_TABLE_ROWS); split it into several "
		    "tables", PARSE_MAX_TABLE_ROWS + 6, PARSE_MAX_TABLE_ROWS);
		expect_body_error(body, want);
		free(want);
		free(body);
	}
	body = table_body(3, PARSE_MAX_TABLE_COLUMNS, 0);
	doc = parse_body(body, NULL);
	assert_non_null(doc);
	doc_free(doc);
	free(body);
	body = table_body(3, PARSE_MAX_TABLE_COLUMNS + 1, 1);
	want = pv_xasprintf("t.xhtml:6: error: a table has more than %d "
	    "columns (PARSE_MAX_TABLE_COLUMNS; this row spans %d so far); "
	    "split it into several tables", PARSE_MAX_TABLE_COLUMNS,
	    PARSE_MAX_TABLE_COLUMNS + 1);
	expect_body_error(body, want);
	free(want);
	free(body);
	/* Colspans count: 39 cells and one of colspan 2. */
	body = table_body(1, PARSE_MAX_TABLE_COLUMNS - 1, 0);
	want = strstr(body, "</tr>");
	assert_non_null(want);
	{
		char *b2 = pv_xasprintf("%.*s<td colspan=\"2\">y</td>%s",
		    (int)(want - body), body, want);

		expect_body_error(b2, "t.xhtml:6: error: a table has more "
		    "than 40 columns (PARSE_MAX_TABLE_COLUMNS; this row spans "
		    "41 so far); split it into several tables");
		free(b2);
	}
	free(body);
	/* A table nested in a cell counts on its own. */
	expect_body_error("<table><tr><td><table><tr><td>a</td></tr></table>"
	    "</td><td colspan=\"40\">b</td></tr></table>",
	    "t.xhtml:4: error: a table has more than 40 columns "
	    "(PARSE_MAX_TABLE_COLUMNS; this row spans 41 so far); split it "
	    "into several tables");
	doc = parse_body("<table><tr><td colspan=\"39\"><table><tr><td "
	    "colspan=\"40\">a</td></tr></table></td><td>b</td></tr></table>",
	    NULL);
	assert_non_null(doc);
	doc_free(doc);
}

/* Nothing is printed, whatever the input; libxml2's handlers are left
 * as they were. */
static void
quiet_handler(void *ctx, const char *fmt, ...)
{
}

static void
test_silent(void **state)
{
	static const char *const inputs[] = {
		"<html><body><p>&nbsp;</p></body></html>",
		"<html><body><p>unclosed</body></html>",
		"<!DOCTYPE html [<!ENTITY x \"y\">]><html/>",
		"<html xmlns:a=\"relative\"><body/></html>",
		"<x:html xmlns:x=\"urn:x\"><body/></x:html>",
		"<html><body><p a=\"1\" a=\"2\">x</p></body></html>",
	};
	struct pv_diags d;
	struct doc *doc;
	char buf[256];
	size_t i;
	int fd, saved;
	FILE *tmp = tmpfile();

	assert_non_null(tmp);
	xmlSetGenericErrorFunc(NULL, quiet_handler);
	fflush(stderr);
	saved = dup(2);
	fd = fileno(tmp);
	dup2(fd, 2);
	pv_diags_init(&d);
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		parse_xhtml("s.xhtml", inputs[i], strlen(inputs[i]), &doc, &d);
		doc_free(doc);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_true(d.n >= sizeof(inputs) / sizeof(inputs[0]));
	pv_diags_free(&d);
	rewind(tmp);
	assert_int_equal(fread(buf, 1, sizeof(buf), tmp), 0);
	fclose(tmp);
	assert_true(xmlGenericError == quiet_handler);
	xmlSetGenericErrorFunc(NULL, NULL);
}

static void
test_doc_free_null(void **state)
{
	struct pv_buf b;

	doc_free(NULL);
	pv_buf_init(&b);
	doc_dump(NULL, &b);
	assert_null(b.data);
}

/* Copy text from the first `from` up to the first `to` and tolen bytes
 * of it, without id attributes: copies would repeat them. */
static void
copy_without_ids(struct pv_buf *b, const char *text, const char *from,
    const char *to, size_t tolen)
{
	const char *p = strstr(text, from), *end = strstr(text, to);

	assert_non_null(p);
	assert_non_null(end);
	for (end += tolen; p < end; p++) {
		if (strncmp(p, " id=\"", 5) == 0) {
			p = strchr(p + 5, '"');
			continue;
		}
		pv_buf_putc(b, *p);
	}
}

/* 2 MB of realistic XHTML: the budget is well under 50 ms warm. */
static void
test_two_megabytes(void **state)
{
	char *prose, *tbl;
	struct pv_buf b;
	struct pv_diags d;
	struct doc *doc;
	size_t len;

	prose = slurp(FIX "prose20.xhtml", &len);
	tbl = slurp(FIX "table300.xhtml", &len);
	pv_buf_init(&b);
	pv_buf_puts(&b, "<html><body>");
	while (b.len < 2u * 1024 * 1024) {
		copy_without_ids(&b, prose, "<section", "</body>", 0);
		copy_without_ids(&b, tbl, "<table", "</table>", 8);
	}
	pv_buf_puts(&b, "</body></html>");
	pv_diags_init(&d);
	assert_int_equal(parse_xhtml("big.xhtml", b.data, b.len, &doc, &d),
	    PV_OK);
	assert_true(doc->node_count > 50000);
	doc_free(doc);
	pv_diags_free(&d);
	pv_buf_free(&b);
	free(prose);
	free(tbl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_dumps),
		cmocka_unit_test(test_bad_catalogue),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_cover_toc_box),
		cmocka_unit_test(test_figure_links_meta),
		cmocka_unit_test(test_realistic),
		cmocka_unit_test(test_whitespace),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_image_paths),
		cmocka_unit_test(test_more_rules),
		cmocka_unit_test(test_heading_skip_warns),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_huge_values),
		cmocka_unit_test(test_entities_never_expand),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_table_limits),
		cmocka_unit_test(test_silent),
		cmocka_unit_test(test_doc_free_null),
		cmocka_unit_test(test_two_megabytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
