/*
 * test_layout.c - the layout stage: what a reader gets on the pages.
 *
 * Documents are small XHTML texts (or generated ones) parsed by the real
 * parser and laid out with the real fonts of fonts/fonts.json; the tests
 * check properties of the pages (text inside the margins and inside its
 * cell, no heading at the foot of a page, the TOC's page numbers, the
 * footer, repeated table headers, ...), never exact coordinates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/layout/pages.h"
#include "../../src/parse/parse.h"
#include "../../src/theme/theme.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"

#define EPS 0.01

static struct fontset *fonts;
static struct theme *theme;

static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nb\">\n"
    "<head><title>Prøveplan for skolene</title>"
    "<meta name=\"author\" content=\"Prøve kommune\"/></head>\n<body>\n";
static const char tail[] = "</body></html>\n";

static const char filler[] =
    "Kommunen skal som skoleeier sørge for at lærerne har den "
    "kompetansen de trenger for å gi elevene god opplæring. Det krever "
    "planmessig arbeid med videreutdanning og kollektiv "
    "kompetanseutvikling på hver skole, i samarbeid med universiteter "
    "og høgskoler i regionen. ";

static int
setup(void **state)
{
	struct pv_diags d;

	pv_diags_init(&d);
	if (fontset_new("fonts/fonts.json", "fonts", &fonts, &d) != PV_OK)
		return -1;
	pv_diags_free(&d);
	theme = theme_default();
	return 0;
}

static int
teardown(void **state)
{
	fontset_free(fonts);
	theme_free(theme);
	return 0;
}

/* Lay out a body (wrapped in head/tail); the status, and *d kept. */
static enum pv_status
lay(const char *body, struct lay_doc *out, struct pv_diags *d)
{
	struct pv_buf b;
	struct doc *doc = NULL;
	enum pv_status st;

	pv_buf_init(&b);
	pv_buf_puts(&b, head);
	pv_buf_puts(&b, body);
	pv_buf_puts(&b, tail);
	memset(out, 0, sizeof(*out));
	st = parse_xhtml("t.xhtml", b.data, b.len, &doc, d);
	if (st == PV_OK)
		st = layout_document(doc, theme, fonts, out, d);
	doc_free(doc);
	pv_buf_free(&b);
	return st;
}

/* Lay out and insist that it worked. */
static void
lay_ok(const char *body, struct lay_doc *out)
{
	struct pv_diags d;
	enum pv_status st;
	size_t i;

	pv_diags_init(&d);
	st = lay(body, out, &d);
	for (i = 0; i < d.n; i++) {
		char *s = pv_diag_format(&d.v[i]);

		print_error("%s\n", s);
		free(s);
	}
	assert_int_equal(st, PV_OK);
	assert_int_equal(d.errors, 0);
	pv_diags_free(&d);
}

static void
repeat(struct pv_buf *b, const char *s, int n)
{
	while (n-- > 0)
		pv_buf_puts(b, s);
}

static int
is_text(const struct lay_item *it, const char *s)
{
	return it->kind == LK_TEXT && it->text != NULL &&
	    strlen(s) == it->text_len && memcmp(it->text, s, it->text_len) == 0;
}

static void
assert_in_margins(const struct lay_doc *ld)
{
	const struct theme *t = theme;
	size_t p, i;

	for (p = 0; p < ld->npages; p++)
		for (i = 0; i < ld->pages[p].n; i++) {
			const struct lay_item *it = &ld->pages[p].items[i];

			if (it->kind != LK_TEXT || it->role == LR_ARTIFACT)
				continue;
			/* The page's own size: a wide table's page is
			 * landscape. */
			if (it->x < t->margin_left - EPS || it->x + it->w >
			    ld->pages[p].width - t->margin_right + EPS ||
			    it->y < t->margin_bottom - EPS || it->y >
			    ld->pages[p].height - t->margin_top + EPS)
				fail_msg("page %zu: \"%.*s\" at %.2f,%.2f w %.2f "
				    "outside the margins", p + 1,
				    (int)it->text_len, it->text, it->x, it->y,
				    it->w);
		}
}

/* A body with everything: prose, lists, a table, a box, a figure. */
static void
mixed(struct pv_buf *b, int chapters)
{
	int i;

	pv_buf_puts(b, "<div class=\"toc\"/>\n");
	for (i = 0; i < chapters; i++) {
		pv_buf_printf(b, "<h1>Kapittel %d om kompetanse</h1>\n<p>", i);
		repeat(b, filler, 3);
		pv_buf_puts(b, "</p>\n<h2>Mål og tiltak</h2>\n<ul><li>Første "
		    "punkt med <a href=\"https://www.udir.no/kvalitet-og-"
		    "kompetanse/etter-og-videreutdanning/\">en lenke</a></li>"
		    "<li>Andre<ul><li>Nivå to<ul><li>Nivå tre med lang tekst "
		    "som må brytes over flere linjer fordi den er lang nok "
		    "til det, og mer enn det</li></ul></li></ul></li></ul>\n"
		    "<div class=\"box\"><h3>Mål</h3><p>");
		repeat(b, filler, 2);
		pv_buf_puts(b, "</p></div>\n<table><thead><tr><th>Tiltak</th>"
		    "<th class=\"num\">Beløp</th><th>Ansvar</th></tr></thead>"
		    "<tbody><tr><td>Videreutdanning i matematikk for "
		    "ungdomstrinnet</td><td class=\"num\">120&#160;000</td>"
		    "<td><ul><li>rektor</li><li>kommunalsjef</li></ul></td>"
		    "</tr><tr><td>Lesing</td><td class=\"num\">5</td><td>"
		    "https://www.example.no/en/svært/lang/adresse/uten/"
		    "mellomrom/som/må/brytes</td></tr></tbody></table>\n");
		pv_buf_puts(b, "<h3>Detaljer</h3><p>");
		repeat(b, filler, 1);
		pv_buf_puts(b, "</p>\n");
	}
}

static void
test_margins(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;

	pv_buf_init(&b);
	mixed(&b, 12);
	lay_ok(b.data, &ld);
	assert_true(ld.npages > 5);
	assert_in_margins(&ld);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

/* The x of the vertical grid lines on a page, sorted, deduplicated. */
static size_t
grid_xs(const struct lay_page *pg, double *xs, size_t max)
{
	size_t i, n = 0, k;
	double t;

	for (i = 0; i < pg->n && n < max; i++) {
		const struct lay_item *it = &pg->items[i];

		if (it->kind != LK_LINE || it->x != it->x2 || it->y == it->y2)
			continue;
		for (k = 0; k < n && xs[k] != it->x; k++)
			continue;
		if (k == n)
			xs[n++] = it->x;
	}
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && xs[k - 1] > xs[k]; k--) {
			t = xs[k];
			xs[k] = xs[k - 1];
			xs[k - 1] = t;
		}
	return n;
}

static void
test_cells(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	double xs[64];
	size_t p, i, n, k;
	int checked = 0;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<table><thead><tr><th>Uke</th><th>Tema</th>"
	    "<th>Lesing</th><th class=\"num\">Kroner</th><th>Deltakere"
	    "</th></tr></thead><tbody>");
	for (i = 0; i < 40; i++)
		pv_buf_printf(&b, "<tr><td class=\"num\">%zu</td><td>"
		    "Profesjonsfellesskap og kollektiv kompetanseutvikling</td>"
		    "<td>Kapittel 3 i boka om "
		    "vurderingsarbeid</td><td class=\"num\">1&#160;220&#160;"
		    "000</td><td><ul><li>alle lærere</li><li>ledelsen"
		    "</li></ul></td></tr>", i + 1);
	pv_buf_puts(&b, "</tbody></table>");
	lay_ok(b.data, &ld);
	assert_in_margins(&ld);
	for (p = 0; p < ld.npages; p++) {
		n = grid_xs(&ld.pages[p], xs, 64);
		assert_int_equal(n, 6);
		for (i = 0; i < ld.pages[p].n; i++) {
			const struct lay_item *it = &ld.pages[p].items[i];

			if (it->kind != LK_TEXT || (it->role != LR_TD &&
			    it->role != LR_TH && it->role != LR_LI_LABEL &&
			    it->role != LR_LI_BODY))
				continue;
			for (k = 0; k + 1 < n && xs[k + 1] <= it->x; k++)
				continue;
			assert_true(k + 1 < n);
			assert_true(it->x >= xs[k] - EPS);
			assert_true(it->x + it->w <= xs[k + 1] + EPS);
			checked++;
		}
	}
	assert_true(checked > 200);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

/* The lowest item on a page that is not an artifact. */
static const struct lay_item *
last_on_page(const struct lay_page *pg)
{
	const struct lay_item *low = NULL;
	size_t i;

	for (i = 0; i < pg->n; i++) {
		const struct lay_item *it = &pg->items[i];

		if (it->kind == LK_TEXT && it->role != LR_ARTIFACT &&
		    (low == NULL || it->y < low->y))
			low = it;
	}
	return low;
}

static void
test_heading_not_last(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	const struct lay_item *it;
	size_t p;
	int words;

	/* Shift the text by a word at a time, so that headings fall at
	 * every height of the page, the foot included. */
	for (words = 0; words < 60; words += 3) {
		pv_buf_init(&b);
		pv_buf_puts(&b, "<p>");
		repeat(&b, "ord ", words * 4);
		pv_buf_puts(&b, "</p>");
		mixed(&b, 4);
		lay_ok(b.data, &ld);
		for (p = 0; p < ld.npages; p++) {
			it = last_on_page(&ld.pages[p]);
			if (it != NULL && it->role == LR_H)
				fail_msg("words %d: page %zu ends with heading "
				    "\"%.*s\"", words, p + 1,
				    (int)it->text_len, it->text);
		}
		lay_doc_free(&ld);
		pv_buf_free(&b);
	}
}

/* Lines of the lead paragraph (its own size) on each page: 0 or >= 2. */
static void
test_widows_orphans(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	double ys[200], lead = 10.5 * 1.15;
	size_t p, i, k, n;
	int words;

	for (words = 0; words < 120; words += 7) {
		pv_buf_init(&b);
		pv_buf_puts(&b, "<p>");
		repeat(&b, filler, 15);
		repeat(&b, "ord ", words);
		pv_buf_puts(&b, "</p><p class=\"lead\">");
		repeat(&b, filler, 4);
		pv_buf_puts(&b, "</p>");
		lay_ok(b.data, &ld);
		for (p = 0; p < ld.npages; p++) {
			n = 0;
			for (i = 0; i < ld.pages[p].n; i++) {
				const struct lay_item *it =
				    &ld.pages[p].items[i];

				if (it->kind != LK_TEXT ||
				    it->size < lead - EPS ||
				    it->size > lead + EPS)
					continue;
				for (k = 0; k < n && ys[k] != it->y; k++)
					continue;
				if (k == n && n < 200)
					ys[n++] = it->y;
			}
			if (n == 1)
				fail_msg("words %d: one line of a paragraph "
				    "alone on page %zu", words, p + 1);
		}
		lay_doc_free(&ld);
		pv_buf_free(&b);
	}
}

static int
all_digits(const struct lay_item *it)
{
	size_t i;

	if (it->text_len == 0)
		return 0;
	for (i = 0; i < it->text_len; i++)
		if (it->text[i] < '0' || it->text[i] > '9')
			return 0;
	return 1;
}

/* The page number printed in a TOC entry (inside its link area). */
static int
toc_number(const struct lay_page *pg, const struct lay_item *link)
{
	double right = theme->page_width - theme->margin_right;
	size_t i;

	for (i = 0; i < pg->n; i++) {
		const struct lay_item *it = &pg->items[i];

		if (it->kind == LK_TEXT && it->role == LR_TOC &&
		    all_digits(it) && it->x + it->w >= right - EPS &&
		    it->y >= link->y - EPS && it->y <= link->y + link->h + EPS)
			return atoi(it->text);
	}
	return -1;
}

static void
test_toc_pages(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	size_t p, i, entries = 0, o;
	int h1 = 0;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<div class=\"cover\"><p class=\"title\">Plan</p>"
	    "</div>");
	mixed(&b, 8);
	lay_ok(b.data, &ld);
	assert_true(ld.pages[0].is_cover);
	assert_true(ld.noutlines > 8);
	assert_string_equal(ld.outlines[0].title, "Innhold");
	/* Every entry links to where its heading landed, and prints that
	 * page's number. */
	for (p = 0; p < ld.npages; p++)
		for (i = 0; i < ld.pages[p].n; i++) {
			const struct lay_item *it = &ld.pages[p].items[i];

			if (it->kind != LK_LINK || it->role != LR_TOC)
				continue;
			assert_true(it->dest_page > 0);
			assert_int_equal(toc_number(&ld.pages[p], it),
			    it->dest_page + 1);
			entries++;
		}
	assert_int_equal(entries, 8 * 3);
	/* And the bookmarks of the chapters agree. */
	for (o = 0; o < ld.noutlines; o++)
		if (strncmp(ld.outlines[o].title, "1 Kapittel 0", 12) == 0)
			h1 = ld.outlines[o].page;
	assert_true(h1 >= 2);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_footer(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	char want[64];
	size_t p, i;
	int found;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<div class=\"cover\"><p class=\"title\">Plan</p>"
	    "</div>");
	mixed(&b, 5);
	lay_ok(b.data, &ld);
	assert_true(ld.npages > 3);
	for (p = 0; p < ld.npages; p++) {
		snprintf(want, sizeof(want), "Side %zu av %zu", p + 1,
		    ld.npages);
		found = 0;
		for (i = 0; i < ld.pages[p].n; i++)
			if (is_text(&ld.pages[p].items[i], want) &&
			    ld.pages[p].items[i].role == LR_ARTIFACT)
				found = 1;
		/* The cover has neither header nor footer. */
		assert_int_equal(found, p > 0);
		if (p == 0)
			for (i = 0; i < ld.pages[p].n; i++)
				assert_false(ld.pages[p].items[i].kind ==
				    LK_TEXT && ld.pages[p].items[i].role ==
				    LR_ARTIFACT);
	}
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_labels(void **state)
{
	assert_string_equal(layout_labels_for("nb")->page_of, "Side %d av %d");
	assert_string_equal(layout_labels_for("nn")->page_of, "Side %d av %d");
	assert_string_equal(layout_labels_for("se")->page_of, "Siidu %d / %d");
	assert_string_equal(layout_labels_for("se")->contents, "Sisdoallu");
	assert_string_equal(layout_labels_for("nb")->contents, "Innhold");
	assert_string_equal(layout_labels_for(NULL)->contents, "Innhold");
	assert_string_equal(layout_labels_for("en")->contents, "Innhold");
}

static void
test_thead_repeated(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	size_t p, i;
	int r, heads, rows, tagged;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<h1>Tiltak</h1><table><thead><tr><th>Nr.</th>"
	    "<th>Tiltak</th><th class=\"num\">Uke</th></tr></thead><tbody>");
	for (r = 1; r <= 300; r++)
		pv_buf_printf(&b, "<tr><td>%d</td><td>Tiltak nummer %d</td>"
		    "<td class=\"num\">%d</td></tr>", r, r, r % 52 + 1);
	pv_buf_puts(&b, "</tbody></table>");
	lay_ok(b.data, &ld);
	assert_true(ld.npages >= 6);
	for (p = 0; p < ld.npages; p++) {
		heads = rows = tagged = 0;
		for (i = 0; i < ld.pages[p].n; i++) {
			const struct lay_item *it = &ld.pages[p].items[i];

			if ((it->role == LR_TH || it->role == LR_ARTIFACT) &&
			    is_text(it, "Nr."))
				heads++;
			if (it->role == LR_TH && is_text(it, "Nr."))
				tagged++;
			if (it->role == LR_TD && it->kind == LK_TEXT)
				rows++;
		}
		/* On every page; a header cell once, where the table
		 * starts, and on later pages an artifact (issue 12). */
		assert_int_equal(heads, 1);
		assert_int_equal(tagged, p == 0 ? 1 : 0);
		assert_true(rows >= 3 * 2);
	}
	assert_in_margins(&ld);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_tall_row_split(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	size_t p, i;
	int pages_with_td = 0, on;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<p>Innledning.</p><table><thead><tr><th>Tema</th>"
	    "<th>Beskrivelse</th></tr></thead><tbody><tr><td>Kort</td><td>");
	repeat(&b, "<p>Et avsnitt i en celle som er høyere enn en hel side, "
	    "så raden må deles mellom linjene.</p>", 120);
	pv_buf_puts(&b, "</td></tr><tr><td>Neste</td><td>rad</td></tr>"
	    "</tbody></table>");
	lay_ok(b.data, &ld);
	assert_true(ld.npages >= 3);
	assert_in_margins(&ld);
	for (p = 0; p < ld.npages; p++) {
		on = 0;
		for (i = 0; i < ld.pages[p].n; i++) {
			const struct lay_item *it = &ld.pages[p].items[i];

			if (it->role == LR_TD && it->kind == LK_TEXT)
				on = 1;
			/* Fills and rules stay on the page too. */
			if (it->kind == LK_RECT)
				assert_true(it->y >= theme->margin_bottom -
				    EPS);
			if (it->kind == LK_LINE)
				assert_true(it->y >= theme->margin_bottom -
				    EPS && it->y2 >= theme->margin_bottom -
				    EPS);
		}
		pages_with_td += on;
	}
	assert_true(pages_with_td >= 3);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_lists_indent(void **state)
{
	struct lay_doc ld;
	double label_x[4] = { 0, 0, 0, 0 }, body_x[4] = { 0, 0, 0, 0 };
	size_t i;
	int lvl = 0;

	lay_ok("<ul><li>en<ul><li>to<ul><li>tre<ul><li>fire</li></ul>"
	    "</li></ul></li></ul></li></ul><ol start=\"9\"><li>ni</li>"
	    "<li>ti</li></ol>", &ld);
	assert_int_equal(ld.npages, 1);
	for (i = 0; i < ld.pages[0].n; i++) {
		const struct lay_item *it = &ld.pages[0].items[i];

		if (it->kind != LK_TEXT)
			continue;
		if (it->role == LR_LI_LABEL && it->level >= 1 &&
		    it->level <= 4 && label_x[it->level - 1] == 0) {
			lvl = it->level;
			label_x[lvl - 1] = it->x;
		} else if (it->role == LR_LI_BODY && lvl > 0 &&
		    body_x[lvl - 1] == 0)
			body_x[lvl - 1] = it->x;
	}
	for (i = 0; i < 4; i++) {
		assert_true(label_x[i] > 0);
		assert_true(body_x[i] > label_x[i]);
		if (i > 0) {
			assert_true(label_x[i] > label_x[i - 1]);
			assert_true(body_x[i] > body_x[i - 1]);
		}
	}
	/* "9." and "10." end at the same x. */
	{
		double r9 = 0, r10 = 0;

		for (i = 0; i < ld.pages[0].n; i++) {
			const struct lay_item *it = &ld.pages[0].items[i];

			if (is_text(it, "9."))
				r9 = it->x + it->w;
			if (is_text(it, "10."))
				r10 = it->x + it->w;
		}
		assert_true(r9 > 0);
		assert_float_equal(r9, r10, EPS);
	}
	lay_doc_free(&ld);
}

static void
test_wide_table_error(void **state)
{
	struct lay_doc ld;
	struct pv_diags d;
	struct pv_buf b;
	char *s;
	int i;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<p>Før.</p>\n<table><tr>");
	for (i = 0; i < 30; i++)
		pv_buf_puts(&b, "<td>Kompetanseutviklingsprogram</td>");
	pv_buf_puts(&b, "</tr></table>");
	pv_diags_init(&d);
	/* On the portrait page: a theme that keeps wide tables there. */
	theme->wide_tables_landscape = 0;
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	theme->wide_tables_landscape = 1;
	assert_int_equal(d.errors, 1);
	s = pv_diag_format(&d.v[0]);
	assert_string_equal(s, "t.xhtml:6: error: table has 30 columns that "
	    "cannot be set at a readable width (needs 540 pt, has 454 pt); "
	    "use fewer columns, class=\"small\", or a landscape page (theme "
	    "page.orientation)");
	free(s);
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);

	/* Too many columns for any page. */
	pv_buf_init(&b);
	pv_buf_puts(&b, "<table><tr>");
	for (i = 0; i < PARSE_MAX_TABLE_COLUMNS + 1; i++)
		pv_buf_puts(&b, "<td>x</td>");
	pv_buf_puts(&b, "</tr></table>");
	pv_diags_init(&d);
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	s = pv_diag_format(&d.v[0]);
	assert_non_null(strstr(s, "table has more than 40 columns"));
	free(s);
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);

	/* Rows of 21 cells each pass parse's count; the rowspans of the
	 * first push the second's to column 42: layout refuses the grid
	 * with the same limit. */
	pv_buf_init(&b);
	pv_buf_puts(&b, "<table><tr>");
	for (i = 0; i < 21; i++)
		pv_buf_puts(&b, "<td rowspan=\"2\">x</td>");
	pv_buf_puts(&b, "</tr><tr>");
	for (i = 0; i < 21; i++)
		pv_buf_puts(&b, "<td>y</td>");
	pv_buf_puts(&b, "</tr></table>");
	pv_diags_init(&d);
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	s = pv_diag_format(&d.v[0]);
	assert_non_null(strstr(s, "a table has more than 40 columns "
	    "(PARSE_MAX_TABLE_COLUMNS; rowspans from the rows above push this "
	    "cell past it)"));
	free(s);
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);
}

static void
test_squeezed_table(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	int i;

	/* Too wide for its content, narrow enough to read: words are
	 * broken, and nothing leaves its cell or the page. */
	pv_buf_init(&b);
	pv_buf_puts(&b, "<table><tr>");
	for (i = 0; i < 14; i++)
		pv_buf_puts(&b, "<td>Kompetanseutviklingsprogram</td>");
	pv_buf_puts(&b, "</tr></table>");
	lay_ok(b.data, &ld);
	assert_in_margins(&ld);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_links(void **state)
{
	struct lay_doc ld;
	size_t i, ext = 0, intl = 0;
	const struct lay_page *pg;

	lay_ok("<h1 id=\"a\">Start</h1><p>Se <a href=\"https://www.udir.no/"
	    "\">Udir</a> og <a href=\"#b\">slutten</a>.</p>"
	    "<div class=\"pagebreak\"/><h1 id=\"b\">Slutt</h1>", &ld);
	assert_int_equal(ld.npages, 2);
	pg = &ld.pages[0];
	for (i = 0; i < pg->n; i++) {
		const struct lay_item *it = &pg->items[i];

		if (it->kind != LK_LINK)
			continue;
		assert_true(it->w > 0 && it->h > 0);
		if (it->uri != NULL) {
			assert_string_equal(it->uri, "https://www.udir.no/");
			ext++;
		} else {
			assert_int_equal(it->dest_page, 1);
			assert_true(it->dest_y > 700);
			intl++;
		}
	}
	assert_int_equal(ext, 1);
	assert_int_equal(intl, 1);
	/* The link text is in the link colour. */
	for (i = 0; i < pg->n; i++)
		if (is_text(&pg->items[i], "Udir"))
			assert_int_equal(pg->items[i].color, theme->link_color);
	assert_int_equal(ld.noutlines, 2);
	assert_string_equal(ld.outlines[1].title, "2 Slutt");
	assert_int_equal(ld.outlines[1].page, 1);
	assert_string_equal(ld.meta.title, "Prøveplan for skolene");
	assert_string_equal(ld.meta.lang, "nb");
	lay_doc_free(&ld);
}

static void
test_numbering(void **state)
{
	struct lay_doc ld;
	const char *want[] = { "1 A", "1.1 B", "1.1.1 C", "D", "1.2 E",
		"2 F", "2.0.1 G", "H" };
	size_t i;

	lay_ok("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h2>E</h2>"
	    "<h1>F</h1><h3>G</h3><h2 class=\"notoc\">skjult</h2>"
	    "<h2 class=\"nonumber\">H</h2>", &ld);
	assert_int_equal(ld.noutlines, 8);
	for (i = 0; i < 8; i++)
		assert_string_equal(ld.outlines[i].title, want[i]);
	lay_doc_free(&ld);
}

static void
test_box_and_figure(void **state)
{
	struct lay_doc ld;
	struct pv_buf b;
	size_t p, i, fills = 0, figs = 0;

	pv_buf_init(&b);
	pv_buf_puts(&b, "<div class=\"box\"><h3>Mål og forventninger</h3>");
	repeat(&b, "<p>Et langt avsnitt i en boks som går over flere sider, "
	    "med nok tekst til å bryte linjer.</p>", 90);
	pv_buf_puts(&b, "</div><figure><img src=\"tests/fixtures"
	    "/xhtml/img/chart.png\" alt=\"Diagram\"/><figcaption>Figur 1"
	    "</figcaption></figure>");
	lay_ok(b.data, &ld);
	assert_true(ld.npages >= 2);
	assert_in_margins(&ld);
	for (p = 0; p < ld.npages; p++)
		for (i = 0; i < ld.pages[p].n; i++) {
			const struct lay_item *it = &ld.pages[p].items[i];

			if (it->kind == LK_RECT && it->fill ==
			    theme->box_fill) {
				fills++;
				assert_true(it->y >= theme->margin_bottom -
				    EPS);
				assert_true(it->y + it->h <=
				    theme->page_height - theme->margin_top +
				    EPS);
			}
			if (it->kind == LK_IMAGE) {
				figs++;
				assert_int_equal(it->role, LR_FIGURE);
				assert_string_equal(it->alt, "Diagram");
				assert_true(it->w <= theme->page_width -
				    theme->margin_left - theme->margin_right +
				    EPS);
			}
		}
	/* One fill per page the box is on. */
	assert_true(fills >= 2);
	assert_int_equal(figs, 1);
	assert_int_equal(ld.nimages, 1);
	assert_true(ld.images[0].is_png);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

static void
test_same_twice(void **state)
{
	struct lay_doc a, b;
	struct pv_buf body, da, db;

	pv_buf_init(&body);
	pv_buf_init(&da);
	pv_buf_init(&db);
	mixed(&body, 3);
	lay_ok(body.data, &a);
	lay_ok(body.data, &b);
	lay_doc_dump(&a, &da);
	lay_doc_dump(&b, &db);
	assert_string_equal(da.data, db.data);
	lay_doc_free(&a);
	lay_doc_free(&b);
	pv_buf_free(&body);
	pv_buf_free(&da);
	pv_buf_free(&db);
}

/* b, `times` times over. */
static void
buf_repeat_self(struct pv_buf *b, int times)
{
	char *one = pv_xstrdup(b->data);
	int i;

	for (i = 1; i < times; i++)
		pv_buf_puts(b, one);
	free(one);
}

static void
test_page_limit(void **state)
{
	struct lay_doc ld;
	struct pv_diags d;
	struct pv_buf b;

	pv_buf_init(&b);
	repeat(&b, "<p>x</p><div class=\"pagebreak\"/>", LAYOUT_MAX_PAGES + 5);
	pv_diags_init(&d);
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	assert_true(d.errors >= 1);
	assert_non_null(strstr(d.v[0].msg, "more than 5000 pages"));
	assert_non_null(strstr(d.v[0].msg, "(LAYOUT_MAX_PAGES)"));
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);

	/* Twenty times too many: refused where the limit is passed, a
	 * page break a line, not after setting all of it. */
	pv_buf_init(&b);
	repeat(&b, "<p>x</p><div class=\"pagebreak\"/>\n",
	    20 * LAYOUT_MAX_PAGES);
	pv_diags_init(&d);
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "more than 5000 pages by here"));
	assert_true(d.v[0].line > LAYOUT_MAX_PAGES &&
	    d.v[0].line < LAYOUT_MAX_PAGES + 10);
	assert_int_equal(ld.npages, 0);
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);

	/* Lines, no breaks: their height alone passes the limit (a
	 * paragraph of 60 lines, some 12 000 pages in all). */
	pv_buf_init(&b);
	repeat(&b, "<p>a", 1);
	repeat(&b, "<br/>a", 59);
	repeat(&b, "</p>\n", 1);
	buf_repeat_self(&b, 10000);
	pv_diags_init(&d);
	assert_int_equal(lay(b.data, &ld, &d), PV_EINPUT);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "more than 5000 pages by here"));
	assert_true(d.v[0].line < 10000 / 2);
	lay_doc_free(&ld);
	pv_diags_free(&d);
	pv_buf_free(&b);
}

static void
test_empty(void **state)
{
	struct lay_doc ld;

	/* Nothing to show is still one page, with its footer. */
	lay_ok("", &ld);
	assert_int_equal(ld.npages, 1);
	lay_doc_free(&ld);
	lay_ok("<ul><li><p></p></li></ul><table><tr><td></td></tr></table>"
	    "<div class=\"box\"></div><h2></h2>", &ld);
	assert_in_margins(&ld);
	lay_doc_free(&ld);
}

/* Lettered lists count on past z as a spreadsheet's columns: y) z) aa)
 * ab); A) from start=3 is C). */
static void
test_lettered_lists(void **state)
{
	struct pv_buf b;
	struct lay_doc ld;
	const char *want[] = { "a)", "y)", "z)", "aa)", "ab)", "C)" };
	size_t p, i, k;
	int found[6] = { 0 };

	pv_buf_init(&b);
	pv_buf_puts(&b, "<ol type=\"a\">");
	repeat(&b, "<li>punkt</li>", 28);
	pv_buf_puts(&b, "</ol><ol type=\"A\" start=\"3\"><li>tre</li></ol>");
	lay_ok(b.data, &ld);
	for (p = 0; p < ld.npages; p++)
		for (i = 0; i < ld.pages[p].n; i++)
			for (k = 0; k < 6; k++)
				if (ld.pages[p].items[i].role == LR_LI_LABEL &&
				    is_text(&ld.pages[p].items[i], want[k]))
					found[k]++;
	for (k = 0; k < 6; k++)
		assert_int_equal(found[k], 1);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

/* Many footnotes over several pages: every note is on the page of its
 * reference, below all of that page's text, numbered in order, and the
 * pages stay inside their margins. */
static void
test_footnotes_pages(void **state)
{
	struct pv_buf b;
	struct lay_doc ld;
	const struct lay_item *it;
	size_t p, i;
	int k, refpage[41], notepage[41], next = 1;
	double lowest_text, highest_note;

	pv_buf_init(&b);
	for (k = 1; k <= 40; k++) {
		pv_buf_puts(&b, "<p>");
		pv_buf_puts(&b, filler);
		pv_buf_puts(&b, "Her<span class=\"footnote\">En note som er "
		    "lang nok til to linjer nederst på siden, med flere ord "
		    "enn en linje rommer i liten skrift.</span> slutter "
		    "avsnittet.</p>");
	}
	lay_ok(b.data, &ld);
	assert_true(ld.npages > 4);
	memset(refpage, -1, sizeof(refpage));
	memset(notepage, -1, sizeof(notepage));
	for (p = 0; p < ld.npages; p++) {
		lowest_text = 1e9;
		highest_note = -1e9;
		for (i = 0; i < ld.pages[p].n; i++) {
			it = &ld.pages[p].items[i];
			if (it->kind != LK_TEXT)
				continue;
			if (it->role == LR_NOTE_REF) {
				k = atoi(it->text);
				assert_true(k == next);
				next++;
				refpage[k] = (int)p;
			} else if (it->role == LR_NOTE && it->x <
			    theme->margin_left + 1) {
				k = atoi(it->text);
				assert_true(k >= 1 && k <= 40);
				notepage[k] = (int)p;
			}
			if (it->role == LR_NOTE && it->y > highest_note)
				highest_note = it->y;
			if ((it->role == LR_P || it->role == LR_NOTE_REF) &&
			    it->y < lowest_text)
				lowest_text = it->y;
		}
		if (highest_note > -1e9)
			assert_true(highest_note < lowest_text - 6);
	}
	assert_int_equal(next, 41);
	for (k = 1; k <= 40; k++)
		assert_int_equal(notepage[k], refpage[k]);
	assert_in_margins(&ld);
	lay_doc_free(&ld);
	pv_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_margins),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_heading_not_last),
		cmocka_unit_test(test_widows_orphans),
		cmocka_unit_test(test_toc_pages),
		cmocka_unit_test(test_footer),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_thead_repeated),
		cmocka_unit_test(test_tall_row_split),
		cmocka_unit_test(test_lists_indent),
		cmocka_unit_test(test_wide_table_error),
		cmocka_unit_test(test_squeezed_table),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_box_and_figure),
		cmocka_unit_test(test_same_twice),
		cmocka_unit_test(test_page_limit),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_lettered_lists),
		cmocka_unit_test(test_footnotes_pages),
	};

	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
