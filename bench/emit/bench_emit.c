/*
 * bench_emit.c - how long the emit stage takes for a long document.
 *
 *	bench_emit [pages] [out.pdf]
 *
 * Builds a synthetic lay_doc the way layout does (A4, a heading, about
 * 45 lines of Norwegian and Sami text a page, every word its own LK_TEXT
 * item placed by its measured advance, a rule and a "Side X av Y"
 * footer, one bookmark a page), then times emit_pdf.  bare_libharu.c
 * writes the same lines through libharu directly, without layout or our
 * emit, as the reference.  Run from the top of the tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/emit/emit.h"
#include "../../src/font/font.h"
#include "../../src/layout/pages.h"
#include "../../src/util/diag.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "../../src/util/utf8.h"
#include "words.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
measure(const struct fontset *fs, int face, double size, const char *s)
{
	size_t i = 0, n = strlen(s), k;
	uint32_t cp;
	long w = 0;

	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		w += font_advance(fs, face, cp);
	}
	return (double)w * size / 1000.0;
}

static struct lay_item *
word(struct lay_page *pg, int face, double size, double x, double y,
    const char *s, double w)
{
	struct lay_item *it = lay_page_add(pg, LK_TEXT);

	it->role = LR_P;
	it->face = face;
	it->size = size;
	it->x = x;
	it->y = y;
	it->w = w;
	it->text = pv_xstrdup(s);
	it->text_len = strlen(s);
	return it;
}

int
main(int argc, char *argv[])
{
	int npages = argc > 1 ? atoi(argv[1]) : 250;
	const char *out = argc > 2 ? argv[2] : NULL;
	struct emit_options opt = { "planverk bench", 1700000000LL, 1, 0 };
	struct pv_diags d;
	struct fontset *fs;
	struct lay_doc doc;
	unsigned char *pdf;
	size_t len, items = 0, wi = 0;
	double t0, t1, t2;
	int reg, bold, p, line;

	pv_diags_init(&d);
	if (fontset_new("fonts/fonts.json", NULL, &fs, &d) != PV_OK ||
	    (reg = fontset_face(fs, "Open Sans", FONT_REGULAR, NULL, &d)) < 0 ||
	    (bold = fontset_face(fs, "Open Sans", FONT_BOLD, NULL, &d)) < 0) {
		fprintf(stderr, "bench_emit: no fonts (run from the top of "
		    "the tree, with fonts-open-sans installed)\n");
		return 1;
	}
	t0 = now();
	memset(&doc, 0, sizeof(doc));
	doc.meta.title = pv_xstrdup("Benk");
	doc.meta.lang = pv_xstrdup("nb");
	for (p = 0; p < npages; p++) {
		struct lay_page *pg;
		struct lay_item *it;
		char buf[64];
		double y = 841.89 - 72;

		PV_GROW(doc.pages, doc.cap_pages, doc.npages + 1);
		pg = &doc.pages[doc.npages++];
		memset(pg, 0, sizeof(*pg));
		pg->width = 595.28;
		pg->height = 841.89;
		snprintf(buf, sizeof(buf), "Kapittel %d", p + 1);
		word(pg, bold, 16, 56.69, y, buf, measure(fs, bold, 16, buf));
		PV_GROW(doc.outlines, doc.cap_outlines, doc.noutlines + 1);
		doc.outlines[doc.noutlines].title = pv_xstrdup(buf);
		doc.outlines[doc.noutlines].level = 1;
		doc.outlines[doc.noutlines].page = p;
		doc.outlines[doc.noutlines++].y = y + 16;
		y -= 24;
		for (line = 0; line < 45; line++, y -= 14.5) {
			double x = 56.69, sp = measure(fs, reg, 10, " ");

			for (;;) {
				const char *w = bench_words[wi % BENCH_NWORDS];
				double ww = measure(fs, reg, 10, w);

				if (x + ww > 538.58)
					break;
				word(pg, reg, 10, x, y, w, ww);
				x += ww + sp;
				wi++;
			}
		}
		it = lay_page_add(pg, LK_LINE);
		it->role = LR_ARTIFACT;
		it->x = 56.69;
		it->x2 = 538.58;
		it->y = it->y2 = 50;
		it->line_width = 0.5;
		snprintf(buf, sizeof(buf), "Side %d av %d", p + 1, npages);
		it = word(pg, reg, 9, 56.69, 36, buf, measure(fs, reg, 9, buf));
		it->role = LR_ARTIFACT;
		items += pg->n;
	}
	t1 = now();
	if (emit_pdf(&doc, fs, &opt, &pdf, &len, &d) != PV_OK) {
		size_t i;

		for (i = 0; i < d.n; i++) {
			char *m = pv_diag_format(&d.v[i]);

			fprintf(stderr, "%s\n", m);
			free(m);
		}
		return 1;
	}
	t2 = now();
	if (out != NULL && pv_write_file_atomic(out, pdf, len, &d) != PV_OK)
		return 1;
	printf("emit: %d pages, %zu items, %zu bytes: build %.1f ms, "
	    "emit_pdf %.1f ms (%.2f ms/page)\n", npages, items, len,
	    (t1 - t0) * 1000, (t2 - t1) * 1000, (t2 - t1) * 1000 / npages);
	free(pdf);
	lay_doc_free(&doc);
	fontset_free(fs);
	pv_diags_free(&d);
	return 0;
}
