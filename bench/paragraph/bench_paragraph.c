/*
 * bench_paragraph.c - how long setting a 250-page document's paragraphs
 * takes: about 12 000 lines of Norwegian text, 450 pt wide, 10 pt Open
 * Sans, justified and hyphenated.  Also prints what a reader would see:
 * hyphenated lines, ladders (three or more in a row) per 1000 lines, the
 * widest stretch of a space, and how many paragraphs each pass set.
 *
 *	bench_paragraph [lines] [width] [justify | left | cells]
 *
 * "cells" sets one sentence per paragraph, ragged, as in a table.
 * Runs from the top of the tree (for fonts/fonts.json).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/font/font.h"
#include "../../src/para/para_int.h"
#include "../../src/util/buf.h"
#include "corpus.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint32_t rnd = 12345;

static uint32_t
next(void)
{
	rnd = rnd * 1103515245u + 12345u;
	return rnd >> 8;
}

struct para {
	char *text;
	size_t len;
	size_t bold_at, bold_len;   /* a bold phrase inside, or 0 */
};

/* The fragments of a line, joined by '|' where the gaps are. */
static char *
line_text(const struct para_line *ln)
{
	struct pv_buf b;
	size_t i;

	pv_buf_init(&b);
	for (i = 0; i < ln->nfrags; i++) {
		if (i > 0)
			pv_buf_puts(&b, " _ ");
		pv_buf_puts(&b, ln->frags[i].text);
	}
	return pv_buf_take(&b);
}

int
main(int argc, char *argv[])
{
	struct pv_diags d;
	struct fontset *fs;
	struct para_engine *h;
	struct para_stats pstats;
	struct para *ps = NULL;
	struct para_style st;
	struct para_lines pl;
	struct para_run runs[3];
	struct pv_buf b;
	size_t want = argc > 1 ? strtoul(argv[1], NULL, 10) : 12000;
	double width = argc > 2 ? atof(argv[2]) : 450;
	int cells = argc > 3 && strcmp(argv[3], "cells") == 0;
	int left = cells || (argc > 3 && strcmp(argv[3], "left") == 0);
	size_t np = 0, cap = 0, i, j, k, lines = 0, hyph = 0, run = 0;
	size_t ladders = 0, nr, wide2 = 0, wide3 = 0, lone = 0, ngaps = 0;
	double t0, t1, tload, tmeasure, maxratio = 0, mn, mx, slack = 0;
	unsigned char pts[64];
	int face, bold, pass;
	char *worst = NULL;

	pv_diags_init(&d);
	if (fontset_new("fonts/fonts.json", "fonts", &fs, &d) != PV_OK)
		return 1;
	face = fontset_face(fs, "Open Sans", FONT_REGULAR, "bench", &d);
	bold = fontset_face(fs, "Open Sans", FONT_BOLD, "bench", &d);
	if (face < 0 || bold < 0) {
		fprintf(stderr, "bench_paragraph: no Open Sans\n");
		return 1;
	}
	h = para_engine_new();
	t0 = now_ms();
	hyphenate_word(h->hy, "nb", "barnehage", 9, pts, 9);
	tload = now_ms() - t0;

	/* Paragraphs of 2 to 9 sentences, about 60 per 1000 lines. */
	for (i = 0; i < want / (cells ? 1 : 5) + 10; i++) {
		pv_buf_init(&b);
		k = cells ? 1 : 2 + next() % 8;
		for (j = 0; j < k; j++) {
			if (j > 0)
				pv_buf_putc(&b, ' ');
			pv_buf_puts(&b, corpus[next() % CORPUS_N]);
		}
		if (np == cap) {
			cap = cap ? cap * 2 : 64;
			ps = realloc(ps, cap * sizeof(*ps));
		}
		ps[np].len = b.len;
		ps[np].bold_at = ps[np].bold_len = 0;
		if (next() % 3 == 0) {
			/* A bold word in the middle. */
			char *sp = strchr(b.data + b.len / 2, ' ');
			char *sp2 = sp ? strchr(sp + 1, ' ') : NULL;

			if (sp2 != NULL) {
				ps[np].bold_at = (size_t)(sp + 1 - b.data);
				ps[np].bold_len = (size_t)(sp2 - sp - 1);
			}
		}
		ps[np++].text = pv_buf_take(&b);
	}

	memset(&st, 0, sizeof(st));
	st.width = width;
	st.leading = 14;
	st.align = left ? PARA_LEFT : PARA_JUSTIFY;
	st.lang = "nb";
	st.hyphenate = 1;

	t0 = now_ms();
	for (i = 0; i < np && lines < want; i++) {
		memset(runs, 0, sizeof(runs));
		for (j = 0; j < 3; j++) {
			runs[j].face = face;
			runs[j].size = 10;
		}
		if (ps[i].bold_len) {
			runs[0].text = ps[i].text;
			runs[0].len = ps[i].bold_at;
			runs[1].text = ps[i].text + ps[i].bold_at;
			runs[1].len = ps[i].bold_len;
			runs[1].face = bold;
			runs[2].text = runs[1].text + ps[i].bold_len;
			runs[2].len = ps[i].len - ps[i].bold_at -
			    ps[i].bold_len;
			nr = 3;
		} else {
			runs[0].text = ps[i].text;
			runs[0].len = ps[i].len;
			nr = 1;
		}
		para_layout(runs, nr, &st, fs, h, "bench", 1, &pl, &d);
		for (j = 0; j < pl.nlines; j++) {
			const struct para_line *ln = &pl.lines[j];

			if (ln->hyphenated) {
				hyph++;
				if (++run == 3)
					ladders++;
			} else
				run = 0;
			/* Widest space, from the gaps between fragments
			 * (justified lines have one fragment per word). */
			for (k = 1; !left && j + 1 < pl.nlines &&
			    k < ln->nfrags; k++) {
				const struct para_frag *a = &ln->frags[k - 1];
				const struct para_frag *z = &ln->frags[k];
				double gap = z->x - (a->x + a->w);
				double sp = font_advance(fs, a->face, ' ') *
				    a->size / 1000.0;

				if (gap / sp < 0.01)
					continue;   /* a change of style */
				ngaps++;
				if (gap / sp > 2)
					wide2++;
				if (gap / sp > 3)
					wide3++;
				if (gap / sp > maxratio) {
					maxratio = gap / sp;
					free(worst);
					worst = line_text(ln);
				}
			}
		}
		run = 0;
		if (pl.nlines > 1 && pl.lines[pl.nlines - 1].nfrags == 1 &&
		    strchr(pl.lines[pl.nlines - 1].frags[0].text, ' ') == NULL)
			lone++;
		for (j = 0; j + 1 < pl.nlines; j++)
			slack += width - pl.lines[j].width;
		lines += pl.nlines;
		para_lines_free(&pl);
	}
	t1 = now_ms();
	pass = (int)i;

	tmeasure = now_ms();
	for (i = 0; i < (size_t)pass; i++) {
		runs[0].text = ps[i].text;
		runs[0].len = ps[i].len;
		runs[0].face = face;
		runs[0].size = 10;
		para_measure(runs, 1, fs, h, "nb", 1, &mn, &mx);
	}
	tmeasure = now_ms() - tmeasure;

	printf("paragraph: %zu lines, %d paragraphs, %.0f pt %s, "
	    "%.1f ms (dictionary load %.1f ms before)\n", lines, pass,
	    width, cells ? "table cells" : left ? "ragged" : "justified",
	    t1 - t0, tload);
	printf("  para_measure of the same paragraphs: %.1f ms\n", tmeasure);
	para_engine_stats(h, &pstats);
	printf("  passes: first %lu, second %lu, emergency %lu, final %lu\n",
	    pstats.pass[0], pstats.pass[1], pstats.pass[2], pstats.pass[3]);
	printf("  hyphenated lines %zu (%.1f%%), ladders (3+ in a row) "
	    "%zu = %.2f per 1000 lines\n", hyph, 100.0 * hyph / lines,
	    ladders, 1000.0 * ladders / lines);
	printf("  paragraphs ending in a lone word: %zu (%.1f%%)\n", lone,
	    100.0 * lone / pass);
	if (left)
		printf("  mean space left at the end of a line (but the last): "
		    "%.1f pt\n", slack / (lines - pass));
	if (!left)
		printf("  widest space: %.2f x its natural width, in\n"
		    "    |%s|\n"
		    "  spaces wider than 2x: %zu, than 3x: %zu (of %zu)\n",
		    maxratio, worst ? worst : "", wide2, wide3, ngaps);
	free(worst);
	for (i = 0; i < np; i++)
		free(ps[i].text);
	free(ps);
	para_engine_free(h);
	fontset_free(fs);
	pv_diags_free(&d);
	return 0;
}
