/*
 * bare_libharu.c - the reference: the same text through libharu alone.
 *
 *	bare_libharu [pages] [out.pdf]
 *
 * No layout and none of our emit stage: the words of words.h are broken
 * into lines of at most 95 characters before the clock starts, then each
 * page gets a heading, 45 lines (one HPDF_Page_ShowText each), a rule and
 * a footer, in Open Sans through libharu's UTF-8 encoder.  What
 * bench_emit costs beyond this is the price of placing every word by
 * itself, our ToUnicode maps and our checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

#include "words.h"

#define FONT "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf"
#define BOLD "/usr/share/fonts/truetype/open-sans/OpenSans-Bold.ttf"
#define LINE_CHARS 95

static void
on_error(HPDF_STATUS no, HPDF_STATUS detail, void *user)
{
	(void)user;
	fprintf(stderr, "bare_libharu: libharu error 0x%04X (%u)\n",
	    (unsigned)no, (unsigned)detail);
	exit(1);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	int npages = argc > 1 ? atoi(argv[1]) : 250;
	const char *out = argc > 2 ? argv[2] : NULL;
	char (*lines)[LINE_CHARS + 64];
	size_t nlines = (size_t)npages * 45, i, wi = 0;
	HPDF_Doc pdf;
	HPDF_Font reg, bold;
	HPDF_UINT32 len;
	double t0, t1;
	int p, l;

	/* Break the lines first: that is not libharu's work. */
	if ((lines = calloc(nlines, sizeof(*lines))) == NULL)
		return 1;
	for (i = 0; i < nlines; i++) {
		size_t n = 0;

		for (;;) {
			const char *w = bench_words[wi % BENCH_NWORDS];
			size_t k = strlen(w);

			if (n > 0 && n + 1 + k > LINE_CHARS)
				break;
			if (n > 0)
				lines[i][n++] = ' ';
			memcpy(lines[i] + n, w, k);
			n += k;
			wi++;
		}
		lines[i][n] = '\0';
	}

	t0 = now();
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, FONT, HPDF_TRUE),
	    "UTF-8");
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, BOLD,
	    HPDF_TRUE), "UTF-8");
	for (p = 0, i = 0; p < npages; p++) {
		HPDF_Page pg = HPDF_AddPage(pdf);
		char buf[64];
		float y = 841.89f - 72;

		HPDF_Page_SetWidth(pg, 595.28f);
		HPDF_Page_SetHeight(pg, 841.89f);
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, bold, 16);
		snprintf(buf, sizeof(buf), "Kapittel %d", p + 1);
		HPDF_Page_TextOut(pg, 56.69f, y, buf);
		HPDF_Page_SetFontAndSize(pg, reg, 10);
		for (l = 0, y -= 24; l < 45; l++, y -= 14.5f)
			HPDF_Page_TextOut(pg, 56.69f, y, lines[i++]);
		HPDF_Page_SetFontAndSize(pg, reg, 9);
		snprintf(buf, sizeof(buf), "Side %d av %d", p + 1, npages);
		HPDF_Page_TextOut(pg, 56.69f, 36, buf);
		HPDF_Page_EndText(pg);
		HPDF_Page_SetLineWidth(pg, 0.5f);
		HPDF_Page_MoveTo(pg, 56.69f, 50);
		HPDF_Page_LineTo(pg, 538.58f, 50);
		HPDF_Page_Stroke(pg);
	}
	HPDF_SaveToStream(pdf);
	len = HPDF_GetStreamSize(pdf);
	t1 = now();
	if (out != NULL)
		HPDF_SaveToFile(pdf, out);
	printf("bare libharu: %d pages, %zu lines, %u bytes: %.1f ms "
	    "(%.2f ms/page)\n", npages, nlines, (unsigned)len,
	    (t1 - t0) * 1000, (t1 - t0) * 1000 / npages);
	HPDF_Free(pdf);
	free(lines);
	return 0;
}
