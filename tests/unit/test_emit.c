/*
 * test_emit.c - the emit stage, judged by what PDF readers get.
 *
 * A lay_doc is built by hand (Norwegian and North Sami text in four
 * faces, rules, boxes, images, links, nested bookmarks, metadata), made
 * into a PDF, and then read back with the Debian tools a user has:
 * pdftotext must give the text back exactly and without a warning,
 * qpdf --check must pass, pdffonts must show every font embedded, subset
 * and with a Unicode map, mutool and Ghostscript must draw every page
 * quietly.  Runs from the top of the tree (tests/run.sh does).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "test_util.h"
#include "../../src/emit/emit.h"
#include "../../src/emit/emit_int.h"
#include "../../src/font/font.h"
#include "../../src/layout/pages.h"
#include "../../src/util/buf.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "../../src/util/utf8.h"

#define FIX "tests/fixtures/emit"
#define DATE 1700000000LL       /* 2023-11-14 22:13:20 UTC */

static char tmpdir[] = "/tmp/pv-test-emit-XXXXXX";
static struct fontset *fs;
static int face[4];

static const struct emit_options opts = { "planverk test", DATE, 1, 0 };

/* Sami and Norwegian letters the readers must give back exactly. */
static const char *const phrases[] = {
	"Blåbærsyltetøy på Ærøy, Øst-Åsen",
	"ÆØÅ æøå",
	/* Not the bare letters: a line of one-letter words spaced evenly
	 * looks letter-spaced to pdftotext, which then drops the spaces
	 * (it does so for any PDF; pdftotext -raw keeps them). */
	"Sámi bustávat: á č đ ŋ š ŧ ž",
	"Sámegiella: Čálli ođđa giellaoahpa",
	"Fet skrift",
	"Kursiv skrift",
	"Fet kursiv",
};

static int
setup(void **state)
{
	struct pv_diags d;
	int i;

	if (mkdtemp(tmpdir) == NULL)
		return -1;
	pv_diags_init(&d);
	if (fontset_new("fonts/fonts.json", NULL, &fs, &d) != PV_OK) {
		print_error("test_emit: no fonts/fonts.json here; run from "
		    "the top of the tree\n");
		return -1;
	}
	for (i = 0; i < 4; i++)
		face[i] = fontset_face(fs, "Open Sans", (enum font_style)i,
		    NULL, &d);
	pv_diags_free(&d);
	if (face[3] < 0)
		print_error("test_emit: Open Sans is missing (apt-get install "
		    "fonts-open-sans)\n");
	return face[3] >= 0 ? 0 : -1;
}

/* PV_TEST_KEEP=1 keeps the PDFs for a look (the folder is printed). */
static int
teardown(void **state)
{
	char *cmd = pv_xasprintf("rm -rf '%s'", tmpdir);
	int rc = 0;

	if (getenv("PV_TEST_KEEP") != NULL)
		fprintf(stderr, "test_emit: kept %s\n", tmpdir);
	else
		rc = system(cmd);
	free(cmd);
	fontset_free(fs);
	return rc == 0 ? 0 : -1;
}

static char *
tmp(const char *name)
{
	return pv_xasprintf("%s/%s", tmpdir, name);
}

/*
 * Run a shell command; its stdout and stderr come back as strings (the
 * caller frees them).  Returns the exit status.
 */
static int
run(const char *cmd, char **out, char **err)
{
	char *errfile = tmp("stderr.txt");
	char *full = pv_xasprintf("%s 2>'%s'", cmd, errfile);
	struct pv_buf b;
	struct pv_diags d;
	char buf[4096];
	size_t n, len;
	FILE *fp;
	int st;

	pv_buf_init(&b);
	fp = popen(full, "r");
	assert_non_null(fp);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		pv_buf_put(&b, buf, n);
	st = pclose(fp);
	pv_buf_puts(&b, "");
	*out = pv_buf_take(&b);
	pv_diags_init(&d);
	if (pv_read_file(errfile, err, &len, &d) != PV_OK)
		*err = pv_xstrdup("");
	pv_diags_free(&d);
	unlink(errfile);
	free(errfile);
	free(full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Place an image item; returns nothing, as tests only look at the PDF. */
static void
image_item(struct lay_page *pg, double x, double y, double w, double h,
    int image)
{
	struct lay_item *it = lay_page_add(pg, LK_IMAGE);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->image = image;
}

/* run() with every %s of the command replaced by the PDF's path. */
static int
run_on(const char *fmt, const char *pdf, char **out, char **err)
{
	struct pv_buf cmd;
	const char *p;
	int rc;

	pv_buf_init(&cmd);
	for (p = fmt; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 's') {
			pv_buf_puts(&cmd, pdf);
			p++;
		} else {
			pv_buf_putc(&cmd, *p);
		}
	}
	rc = run(cmd.data, out, err);
	pv_buf_free(&cmd);
	return rc;
}

/*
 * Debian's mutool is built without colour management and says so on
 * every page it draws, whatever the PDF: that one line is not about us.
 */
static void
drop_icc_warning(char *err)
{
	static const char line[] = "warning: ICC support is not available\n";
	char *p;

	while ((p = strstr(err, line)) != NULL)
		memmove(p, p + sizeof(line) - 1, strlen(p + sizeof(line) - 1) + 1);
}

static void
text_item(struct lay_page *pg, double x, double y, int f, double size,
    uint32_t color, const char *s)
{
	struct lay_item *it = lay_page_add(pg, LK_TEXT);

	it->role = LR_P;
	it->x = x;
	it->y = y;
	it->face = face[f];
	it->size = size;
	it->color = color;
	it->text = pv_xstrdup(s);
	it->text_len = strlen(s);
}

static struct lay_page *
add_page(struct lay_doc *doc)
{
	struct lay_page *pg;

	PV_GROW(doc->pages, doc->cap_pages, doc->npages + 1);
	pg = &doc->pages[doc->npages++];
	memset(pg, 0, sizeof(*pg));
	pg->width = 595.28;
	pg->height = 841.89;
	return pg;
}

static void
add_outline(struct lay_doc *doc, int level, int page, double y,
    const char *title)
{
	struct lay_outline *o;

	PV_GROW(doc->outlines, doc->cap_outlines, doc->noutlines + 1);
	o = &doc->outlines[doc->noutlines++];
	o->level = level;
	o->page = page;
	o->y = y;
	o->title = pv_xstrdup(title);
}

static int
add_image(struct lay_doc *doc, const char *path, int png)
{
	struct lay_image *im;

	PV_GROW(doc->images, doc->cap_images, doc->nimages + 1);
	im = &doc->images[doc->nimages];
	memset(im, 0, sizeof(*im));
	im->path = pv_xstrdup(path);
	im->is_png = png;
	return (int)doc->nimages++;
}

/* The test document: three pages, everything emit knows. */
static void
build_doc(struct lay_doc *doc, const char *image)
{
	struct lay_page *pg;
	struct lay_item *it;
	int img;

	memset(doc, 0, sizeof(*doc));
	doc->meta.title = pv_xstrdup("Kompetanseplan for Åfjord 2024–2027");
	doc->meta.author = pv_xstrdup("Ođđa Čálli");
	doc->meta.subject = pv_xstrdup("Plan");
	doc->meta.keywords = pv_xstrdup("kompetanse, sámegiella");
	doc->meta.lang = pv_xstrdup("nb");
	img = add_image(doc, image ? image : FIX "/logo.png", 1);

	pg = add_page(doc);
	pg->is_cover = 1;
	text_item(pg, 56.69, 760, 1, 24, 0x1F3864, phrases[0]);
	text_item(pg, 56.69, 720, 0, 12, 0x000000, phrases[1]);
	text_item(pg, 56.69, 700, 0, 12, 0x000000, phrases[2]);
	text_item(pg, 56.69, 680, 2, 12, 0x333333, phrases[5]);
	text_item(pg, 56.69, 660, 3, 12, 0x333333, phrases[6]);
	it = lay_page_add(pg, LK_LINE);
	it->role = LR_ARTIFACT;
	it->x = 56.69;
	it->y = 650;
	it->x2 = 538.58;
	it->y2 = 650;
	it->line_width = 0.5;
	it->color = 0x808080;
	it = lay_page_add(pg, LK_RECT);
	it->role = LR_ARTIFACT;
	it->x = 56.69;
	it->y = 500;
	it->w = 200;
	it->h = 100;
	it->fill = 0xDDEBF7;
	it->line_width = 1;
	it->color = 0x1F3864;
	text_item(pg, 66.69, 580, 1, 12, 0x000000, phrases[4]);
	it = lay_page_add(pg, LK_IMAGE);
	it->role = LR_FIGURE;
	it->x = 300;
	it->y = 500;
	it->w = 128;
	it->h = 64;
	it->image = img;
	it->alt = pv_xstrdup("Logo");
	/* "Se kapittel 2" links to page 3. */
	text_item(pg, 56.69, 460, 0, 12, 0x0563C1, "Se kapittel 2");
	it = lay_page_add(pg, LK_LINK);
	it->role = LR_LINK;
	it->x = 56.69;
	it->y = 456;
	it->w = 80;
	it->h = 14;
	it->dest_page = 2;
	it->dest_y = 800;
	text_item(pg, 56.69, 440, 0, 12, 0x0563C1, "https://www.udir.no/");
	it = lay_page_add(pg, LK_LINK);
	it->role = LR_LINK;
	it->x = 56.69;
	it->y = 436;
	it->w = 120;
	it->h = 14;
	it->uri = pv_xstrdup("https://www.udir.no/søk?q=kompetanse");

	pg = add_page(doc);
	text_item(pg, 56.69, 780, 1, 18, 0x1F3864, "1 Mål");
	text_item(pg, 56.69, 750, 0, 11, 0x000000, phrases[3]);
	/* Words placed one by one, as layout does for justified lines. */
	text_item(pg, 56.69, 730, 0, 11, 0x000000, "Ordene");
	text_item(pg, 100.0, 730, 0, 11, 0x000000, "står");
	text_item(pg, 130.0, 730, 0, 11, 0x000000, "hver");
	text_item(pg, 160.0, 730, 0, 11, 0x000000, "for");
	text_item(pg, 180.0, 730, 0, 11, 0x000000, "seg.");
	text_item(pg, 56.69, 710, 0, 11, 0x000000, "1.1 Delmål");

	pg = add_page(doc);
	text_item(pg, 56.69, 780, 1, 18, 0x1F3864, "2 Tiltak");
	image_item(pg, 56.69, 600, 80, 60, add_image(doc, FIX "/photo.jpg", 0));
	image_item(pg, 156.69, 600, 60, 60, add_image(doc, FIX "/alpha.png", 1));
	image_item(pg, 236.69, 600, 64, 16, add_image(doc, FIX "/pal4.png", 1));
	/* The image used twice is embedded once. */
	image_item(pg, 56.69, 400, 64, 32, img);

	add_outline(doc, 1, 1, 800, "1 Mål");
	add_outline(doc, 2, 1, 720, "1.1 Delmål for Ærøy");
	add_outline(doc, 3, 1, 700, "1.1.1 Čálli");
	add_outline(doc, 1, 2, 800, "2 Tiltak");
}

static char *
emit_to(const char *name, struct lay_doc *doc, const struct emit_options *o)
{
	struct pv_diags d;
	char *path = tmp(name);
	size_t i;

	pv_diags_init(&d);
	if (emit_pdf_file(doc, fs, o, path, &d) != PV_OK) {
		for (i = 0; i < d.n; i++) {
			char *m = pv_diag_format(&d.v[i]);

			print_error("%s\n", m);
			free(m);
		}
		fail();
	}
	assert_int_equal(d.n, 0);
	pv_diags_free(&d);
	return path;
}

/* MuPDF and Ghostscript draw every page without a word (Debian's mutool
 * warns about ICC support for every PDF; that line alone is dropped). */
static void
expect_drawn_silently(const char *pdf)
{
	char *out, *err;

	assert_int_equal(run_on("mutool draw -q -o /dev/null '%s'", pdf, &out, &err), 0);
	drop_icc_warning(err);
	assert_string_equal(err, "");
	free(out);
	free(err);
	assert_int_equal(run_on("gs -q -dNOPAUSE -dBATCH -dSAFER "
	    "-sDEVICE=nullpage '%s'", pdf, &out, &err), 0);
	assert_string_equal(out, "");
	assert_string_equal(err, "");
	free(out);
	free(err);
}

static void
test_readers(void **state)
{
	struct lay_doc doc;
	char *pdf, *cmd, *out, *err;
	size_t i;

	build_doc(&doc, NULL);
	pdf = emit_to("full.pdf", &doc, &opts);

	/* pdftotext: every phrase back, not one warning. */
	assert_int_equal(run_on("pdftotext -enc UTF-8 '%s' -", pdf, &out, &err), 0);
	assert_string_equal(err, "");
	for (i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
		if (strstr(out, phrases[i]) == NULL)
			print_error("pdftotext lacks \"%s\" in:\n%s\n",
			    phrases[i], out);
		assert_non_null(strstr(out, phrases[i]));
	}
	assert_non_null(strstr(out, "Ordene står hver for seg."));
	free(out);
	free(err);

	/* qpdf --check: no errors, no warnings. */
	assert_int_equal(run_on("qpdf --check '%s'", pdf, &out, &err), 0);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	assert_null(strstr(out, "WARNING"));
	assert_string_equal(err, "");
	free(out);
	free(err);

	/* pdffonts: four fonts, each embedded, subset, with a map. */
	cmd = pv_xasprintf("pdffonts '%s'", pdf);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_string_equal(err, "");
	{
		const char *p = out;
		int fonts = 0;

		while ((p = strstr(p, "CID TrueType")) != NULL) {
			const char *eol = strchr(p, '\n');
			char line[256];
			size_t n = eol ? (size_t)(eol - p) : strlen(p);

			if (n >= sizeof(line))
				n = sizeof(line) - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			if (strstr(line, "yes yes yes") == NULL)
				print_error("pdffonts: %s\n", line);
			assert_non_null(strstr(line, "yes yes yes"));
			fonts++;
			p += n;
		}
		assert_int_equal(fonts, 4);
		assert_non_null(strstr(out, "+OpenSans-BoldItalic"));
	}
	free(cmd);
	free(out);
	free(err);

	/* The page count and the bookmarks, as qpdf reads them. */
	assert_int_equal(run_on("qpdf --show-npages '%s'", pdf, &out, &err), 0);
	assert_string_equal(out, "3\n");
	free(out);
	free(err);
	assert_int_equal(run_on("qpdf --json --json-key=outlines '%s'", pdf, &out, &err), 0);
	assert_non_null(strstr(out, "\"outlines\""));
	assert_non_null(strstr(out, "\"title\": \"1.1 Delmål for Ærøy\""));
	assert_non_null(strstr(out, "\"title\": \"1.1.1 Čálli\""));
	assert_non_null(strstr(out, "\"title\": \"2 Tiltak\""));
	free(out);
	free(err);

	/* mutool and Ghostscript draw every page without a word. */
	expect_drawn_silently(pdf);

	/* The information dictionary, as pdfinfo reads it. */
	assert_int_equal(run_on("pdfinfo '%s'", pdf, &out, &err), 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out,
	    "Title:           Kompetanseplan for Åfjord 2024–2027"));
	assert_non_null(strstr(out, "Author:          Ođđa Čálli"));
	assert_non_null(strstr(out, "Creator:         planverk test"));
	assert_non_null(strstr(out, "Producer:        planverk test"));
	assert_non_null(strstr(out, "Pages:           3"));
	free(out);
	free(err);

	lay_doc_free(&doc);
	free(pdf);
}


/* Whether the ToUnicode CMap text maps glyph g to code point cp, by a
 * bfchar line or within a bfrange line. */
static int
cmap_maps(const char *text, unsigned g, unsigned cp)
{
	const char *p = text, *eol;
	char line[64];
	unsigned a, b, c;
	size_t n;

	for (; *p != '\0'; p = eol + (*eol != '\0')) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		n = (size_t)(eol - p);
		if (n >= sizeof(line))
			continue;
		memcpy(line, p, n);
		line[n] = '\0';
		if (sscanf(line, "<%4X> <%4X> <%4X>", &a, &b, &c) == 3) {
			if (g >= a && g <= b && c + (g - a) == cp)
				return 1;
		} else if (sscanf(line, "<%4X> <%4X>", &a, &b) == 2) {
			if (a == g && b == cp)
				return 1;
		}
	}
	return 0;
}

/* The PDF's own structure, uncompressed, as qpdf --qdf shows it. */
static void
test_structure(void **state)
{
	struct lay_doc doc;
	struct emit_options o = opts;
	struct pv_diags d;
	char *pdf, *qdf, *cmd, *out, *err;
	size_t len;

	o.compress = 0;
	build_doc(&doc, NULL);
	pdf = emit_to("plain.pdf", &doc, &o);
	qdf = tmp("plain-qdf.pdf");
	cmd = pv_xasprintf("qpdf --qdf --object-streams=disable '%s' '%s'",
	    pdf, qdf);
	assert_int_equal(run(cmd, &out, &err), 0);
	free(out);
	/* The file holds binary font data: make it one searchable string. */
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(qdf, &out, &len, &d), PV_OK);
	pv_diags_free(&d);
	{
		size_t i;

		for (i = 0; i < len; i++)
			if (out[i] == '\0')
				out[i] = ' ';
	}
	free(qdf);
	/* libharu's CID map is gone; ours maps codes to Unicode. */
	assert_null(strstr(out, "begincidrange"));
	assert_non_null(strstr(out, "beginbfrange"));
	assert_true(cmap_maps(out, font_glyph(fs, face[0], 0xE5), 0xE5));
	assert_true(cmap_maps(out, font_glyph(fs, face[0], 0x14B), 0x14B));
	assert_non_null(strstr(out, "/Lang (nb-NO)"));
	assert_non_null(strstr(out, "/DisplayDocTitle true"));
	assert_non_null(strstr(out, "/PageMode /UseOutlines"));
	assert_non_null(strstr(out, "/CreationDate (D:20231114221320Z"));
	assert_non_null(strstr(out, "/URI (https://www.udir.no/s%C3%B8k?q="
	    "kompetanse)"));
	assert_non_null(strstr(out, "/XYZ"));
	/* Our font objects: descriptor with CapHeight, Identity ordering,
	 * a subset with a post table of format 3. */
	assert_non_null(strstr(out, "/CapHeight"));
	assert_non_null(strstr(out, "/Ordering (Identity)"));
	assert_null(strstr(out, "(Identity-H)"));
	assert_non_null(strstr(out, "/CIDToGIDMap /Identity"));
	assert_non_null(strstr(out, "/Encoding /Identity-H"));
	assert_non_null(strstr(out, "/FontFile2"));
	assert_non_null(strstr(out, "/ID ["));
	/* Links have no border. */
	assert_non_null(strstr(out, "/Border"));
	/* The logo is used twice and embedded once. */
	{
		const char *p = out;
		int n = 0;

		while ((p = strstr(p, "/Subtype /Image")) != NULL) {
			n++;
			p++;
		}
		/* alpha.png brings a soft mask, also an image. */
		assert_int_equal(n, 5);
	}
	free(cmd);
	free(out);
	free(err);
	assert_int_equal(run_on("pdftotext -enc UTF-8 '%s' -", pdf, &out, &err), 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, phrases[2]));
	free(out);
	free(err);
	lay_doc_free(&doc);
	free(pdf);
}

static void
test_deterministic(void **state)
{
	struct lay_doc doc;
	struct emit_options o = opts;
	unsigned char *a, *b, *c;
	size_t na, nb, nc;
	struct pv_diags d;

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	assert_int_equal(emit_pdf(&doc, fs, &o, &a, &na, &d), PV_OK);
	assert_int_equal(emit_pdf(&doc, fs, &o, &b, &nb, &d), PV_OK);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	/* No date: now, which works too. */
	o.date = -1;
	assert_int_equal(emit_pdf(&doc, fs, &o, &c, &nc, &d), PV_OK);
	free(c);
	/* Another date, other bytes (and another ID). */
	o.date = DATE + 86400;
	assert_int_equal(emit_pdf(&doc, fs, &o, &c, &nc, &d), PV_OK);
	assert_true(nc != na || memcmp(a, c, na) != 0);
	assert_int_equal(d.n, 0);
	free(a);
	free(b);
	free(c);
	lay_doc_free(&doc);
	pv_diags_free(&d);
}

/* Two runs through files compare equal with cmp, as the design asks. */
static void
test_cmp_files(void **state)
{
	struct lay_doc doc;
	char *p1, *p2, *cmd, *out, *err;

	build_doc(&doc, NULL);
	p1 = emit_to("run1.pdf", &doc, &opts);
	p2 = emit_to("run2.pdf", &doc, &opts);
	cmd = pv_xasprintf("cmp '%s' '%s'", p1, p2);
	assert_int_equal(run(cmd, &out, &err), 0);
	free(cmd);
	free(out);
	free(err);
	free(p1);
	free(p2);
	lay_doc_free(&doc);
}

/* One page of text in four faces stays small: subset fonts, widths and
 * glyph maps only for the characters shown. */
static void
test_small(void **state)
{
	static const char *const lines[4] = {
		"Kompetanseplan for Åfjord kommune 2024–2027",
		"Sámegiella: Čálli ođđa giellaoahpa",
		"Blåbærsyltetøy på Ærøy, Øst-Åsen",
		"Fet kursiv: mål, tiltak og økonomi",
	};
	struct lay_doc doc;
	struct lay_page *pg;
	struct pv_diags d;
	unsigned char *pdf;
	size_t len;
	int i;

	memset(&doc, 0, sizeof(doc));
	pg = add_page(&doc);
	for (i = 0; i < 4; i++)
		text_item(pg, 56, 700 - 20 * i, i, 12, 0, lines[i]);
	pv_diags_init(&d);
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d), PV_OK);
	if (len >= 30000)
		print_error("a page in four faces takes %zu bytes\n", len);
	assert_true(len < 30000);
	free(pdf);
	lay_doc_free(&doc);
	pv_diags_free(&d);
}


static void
test_bad_images(void **state)
{
	static const char *const bad[] = {
		FIX "/no-such-image.png", FIX "/broken.png",
		FIX "/notimage.png", FIX "/interlaced.png", FIX,
	};
	struct lay_doc doc;
	struct pv_diags d;
	char *path = tmp("kept.pdf"), *data;
	size_t i, len;

	/* An output from an earlier run must survive a failed run. */
	{
		FILE *fp = fopen(path, "w");

		assert_non_null(fp);
		fputs("previous output\n", fp);
		fclose(fp);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pv_diags_init(&d);
		build_doc(&doc, bad[i]);
		assert_int_equal(emit_pdf_file(&doc, fs, &opts, path, &d),
		    PV_EINPUT);
		assert_true(d.errors > 0);
		if (!diag_has(&d, bad[i]))
			print_error("no diagnostic names %s\n", bad[i]);
		assert_true(diag_has(&d, bad[i]));
		lay_doc_free(&doc);
		pv_diags_free(&d);
		pv_diags_init(&d);
		assert_int_equal(pv_read_file(path, &data, &len, &d), PV_OK);
		assert_string_equal(data, "previous output\n");
		free(data);
		pv_diags_free(&d);
	}
	/* No temporary file is left behind either. */
	{
		char *cmd = pv_xasprintf("ls -A '%s' | grep -c planverk",
		    tmpdir);
		char *out, *err;

		run(cmd, &out, &err);
		assert_string_equal(out, "0\n");
		free(cmd);
		free(out);
		free(err);
	}
	free(path);
}

static void
test_no_folder(void **state)
{
	struct lay_doc doc;
	struct pv_diags d;
	char *path = tmp("no/such/folder/out.pdf");
	struct stat st;

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	assert_int_equal(emit_pdf_file(&doc, fs, &opts, path, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, path));
	assert_int_equal(stat(path, &st), -1);
	lay_doc_free(&doc);
	pv_diags_free(&d);
	free(path);
}

/* Layout bugs and libharu's limits come back as errors, not crashes. */
static void
test_bad_layouts(void **state)
{
	struct lay_doc doc;
	struct pv_diags d;
	unsigned char *pdf;
	size_t len;

	pv_diags_init(&d);
	memset(&doc, 0, sizeof(doc));
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_null(pdf);
	pv_diags_free(&d);

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	doc.pages[1].items[0].face = 99;
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, "face 99"));
	lay_doc_free(&doc);
	pv_diags_free(&d);

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	doc.pages[1].items[0].size = 5000;
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, "font size of 5000 pt"));
	assert_null(pdf);
	lay_doc_free(&doc);
	pv_diags_free(&d);

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	doc.pages[0].width = 1;
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, "page size"));
	lay_doc_free(&doc);
	pv_diags_free(&d);

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	doc.pages[2].items[0].x = NAN;
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, "item 1 of page 3"));
	lay_doc_free(&doc);
	pv_diags_free(&d);

	pv_diags_init(&d);
	build_doc(&doc, NULL);
	doc.outlines[1].page = 7;
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d),
	    PV_EINTERNAL);
	assert_true(diag_has(&d, "page 8 of 3"));
	lay_doc_free(&doc);
	pv_diags_free(&d);

	/* Invalid UTF-8, control characters and emoji do not break the
	 * text; a level jump in the outline still nests. */
	pv_diags_init(&d);
	build_doc(&doc, NULL);
	text_item(&doc.pages[1], 56, 100, 0, 10, 0, "a\xFF\x01\tb\xF0\x9F\x98\x80" "c");
	add_outline(&doc, 5, 2, 100, "Dypt \xC3");
	assert_int_equal(emit_pdf(&doc, fs, &opts, &pdf, &len, &d), PV_OK);
	assert_int_equal(d.n, 0);
	free(pdf);
	lay_doc_free(&doc);
	pv_diags_free(&d);
}

/* A PNG with stored (uncompressed) deflate blocks, made here. */
static unsigned char *
make_png(uint32_t w, uint32_t h, size_t *lenp)
{
	struct pv_buf raw, z, png;
	uint32_t x, y, a1 = 1, a2 = 0, crc;
	size_t i, off;
	unsigned char hdr[13];

	pv_buf_init(&raw);
	for (y = 0; y < h; y++) {
		pv_buf_putc(&raw, 0);
		for (x = 0; x < w; x++) {
			pv_buf_putc(&raw, (int)(x * 255 / w));
			pv_buf_putc(&raw, (int)(y * 255 / h));
			pv_buf_putc(&raw, 128);
		}
	}
	pv_buf_init(&z);
	pv_buf_putc(&z, 0x78);
	pv_buf_putc(&z, 0x01);
	for (off = 0; off < raw.len || off == 0; off += 65535) {
		size_t n = raw.len - off > 65535 ? 65535 : raw.len - off;

		pv_buf_putc(&z, off + n >= raw.len);
		pv_buf_putc(&z, (int)(n & 0xFF));
		pv_buf_putc(&z, (int)(n >> 8));
		pv_buf_putc(&z, (int)(~n & 0xFF));
		pv_buf_putc(&z, (int)((~n >> 8) & 0xFF));
		pv_buf_put(&z, raw.data + off, n);
		if (n == 0)
			break;
	}
	for (i = 0; i < raw.len; i++) {
		a1 = (a1 + (unsigned char)raw.data[i]) % 65521;
		a2 = (a2 + a1) % 65521;
	}
	pv_buf_putc(&z, (int)(a2 >> 8));
	pv_buf_putc(&z, (int)(a2 & 0xFF));
	pv_buf_putc(&z, (int)(a1 >> 8));
	pv_buf_putc(&z, (int)(a1 & 0xFF));

	pv_buf_init(&png);
	pv_buf_put(&png, "\x89PNG\r\n\x1A\n", 8);
	hdr[0] = (unsigned char)(w >> 24);
	hdr[1] = (unsigned char)(w >> 16);
	hdr[2] = (unsigned char)(w >> 8);
	hdr[3] = (unsigned char)w;
	hdr[4] = (unsigned char)(h >> 24);
	hdr[5] = (unsigned char)(h >> 16);
	hdr[6] = (unsigned char)(h >> 8);
	hdr[7] = (unsigned char)h;
	hdr[8] = 8;
	hdr[9] = 2;
	hdr[10] = hdr[11] = hdr[12] = 0;
	{
		const struct {
			const char *type;
			const void *data;
			size_t len;
		} chunks[3] = {
			{ "IHDR", hdr, 13 },
			{ "IDAT", z.data, z.len },
			{ "IEND", "", 0 },
		};
		int k;

		for (k = 0; k < 3; k++) {
			unsigned char be[4];
			size_t start;

			be[0] = (unsigned char)(chunks[k].len >> 24);
			be[1] = (unsigned char)(chunks[k].len >> 16);
			be[2] = (unsigned char)(chunks[k].len >> 8);
			be[3] = (unsigned char)chunks[k].len;
			pv_buf_put(&png, be, 4);
			start = png.len;
			pv_buf_put(&png, chunks[k].type, 4);
			pv_buf_put(&png, chunks[k].data, chunks[k].len);
			crc = 0xFFFFFFFFu;
			for (i = start; i < png.len; i++) {
				int b;

				crc ^= (unsigned char)png.data[i];
				for (b = 0; b < 8; b++)
					crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1)
					    : crc >> 1;
			}
			crc ^= 0xFFFFFFFFu;
			be[0] = (unsigned char)(crc >> 24);
			be[1] = (unsigned char)(crc >> 16);
			be[2] = (unsigned char)(crc >> 8);
			be[3] = (unsigned char)crc;
			pv_buf_put(&png, be, 4);
		}
	}
	pv_buf_free(&raw);
	pv_buf_free(&z);
	*lenp = png.len;
	return (unsigned char *)pv_buf_take(&png);
}

static void
test_generated_png(void **state)
{
	struct lay_doc doc;
	unsigned char *png;
	size_t len;
	char *path = tmp("made.png"), *pdf, *out, *err;
	char why[200];
	FILE *fp;

	png = make_png(300, 250, &len);  /* > 64K of data: several blocks */
	assert_int_equal(emit_check_png(png, len, why, sizeof(why)), PV_OK);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(png, 1, len, fp), len);
	fclose(fp);
	build_doc(&doc, path);
	pdf = emit_to("made.pdf", &doc, &opts);
	assert_int_equal(run_on("mutool draw -q -o /dev/null '%s'", pdf, &out, &err), 0);
	drop_icc_warning(err);
	assert_string_equal(err, "");
	free(out);
	free(err);
	lay_doc_free(&doc);
	free(pdf);
	free(png);
	free(path);
}

/* Our PNG checker stands between libpng's abort() and a user's file:
 * every damaged copy must be refused or pass, never crash. */
static void
test_png_checker(void **state)
{
	static const char *const good[] = {
		"logo.png", "alpha.png", "pal4.png",
	};
	struct pv_diags d;
	char *data, *path, why[200];
	unsigned char *copy;
	size_t len, i, n, k;
	uint32_t seed = 99;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		pv_diags_init(&d);
		path = pv_xasprintf(FIX "/%s", good[i]);
		assert_int_equal(pv_read_file(path, &data, &len, &d), PV_OK);
		if (emit_check_png((unsigned char *)data, len, why,
		    sizeof(why)) != PV_OK)
			print_error("%s: %s\n", path, why);
		assert_int_equal(emit_check_png((unsigned char *)data, len,
		    why, sizeof(why)), PV_OK);
		/* Every truncation is refused. */
		for (n = 0; n < len; n++) {
			copy = pv_xmalloc(n ? n : 1);
			memcpy(copy, data, n);
			assert_int_equal(emit_check_png(copy, n, why,
			    sizeof(why)), PV_EINPUT);
			free(copy);
		}
		/* Random damage: refused or accepted, never a crash. */
		copy = pv_xmalloc(len);
		for (n = 0; n < 2000; n++) {
			memcpy(copy, data, len);
			for (k = 0; k < 3; k++) {
				seed = seed * 1103515245u + 12345u;
				copy[(seed >> 8) % len] ^= (unsigned char)
				    (1u << ((seed >> 4) & 7));
			}
			(void)emit_check_png(copy, len, why, sizeof(why));
		}
		free(copy);
		free(data);
		free(path);
		pv_diags_free(&d);
	}
	assert_int_equal(emit_check_png((const unsigned char *)"", 0, why,
	    sizeof(why)), PV_EINPUT);
	assert_non_null(strstr(why, "not a PNG"));
}

static void
test_jpeg_checker(void **state)
{
	struct pv_diags d;
	char *data, why[200];
	size_t len, n;

	pv_diags_init(&d);
	assert_int_equal(pv_read_file(FIX "/photo.jpg", &data, &len, &d),
	    PV_OK);
	assert_int_equal(emit_check_jpeg((unsigned char *)data, len, why,
	    sizeof(why)), PV_OK);
	for (n = 0; n < 200 && n < len; n++)
		(void)emit_check_jpeg((unsigned char *)data, n, why,
		    sizeof(why));
	assert_int_equal(emit_check_jpeg((unsigned char *)data, 20, why,
	    sizeof(why)), PV_EINPUT);
	free(data);
	pv_diags_free(&d);
}

/* Offset of the first marker m (0xFF m) in a JPEG, after the start. */
static size_t
jpeg_find(const unsigned char *p, size_t n, unsigned m)
{
	size_t i;

	for (i = 2; i + 1 < n; i++)
		if (p[i] == 0xFF && p[i + 1] == m)
			return i;
	fail_msg("no marker 0xFF%02X", m);
	return 0;
}

static void
expect_jpeg(const unsigned char *p, size_t n, enum pv_status want,
    const char *msg)
{
	char why[200] = "";

	assert_int_equal(emit_check_jpeg(p, n, why, sizeof(why)), want);
	if (msg != NULL && strstr(why, msg) == NULL)
		fail_msg("JPEG check says \"%s\", expected \"%s\"", why, msg);
}

/*
 * The whole structure is checked, not only the frame header: a JPEG cut
 * anywhere, a frame of 0 pixels, a segment whose length runs past the
 * end are refused (libharu would embed them, and no reader decodes the
 * stream); a progressive and a CMYK JPEG pass.
 */
static void
test_jpeg_structure(void **state)
{
	struct pv_diags d;
	char *data;
	unsigned char *j;
	size_t len, n, sof, sos, dqt;

	pv_diags_init(&d);
	assert_int_equal(pv_read_file(FIX "/photo.jpg", &data, &len, &d),
	    PV_OK);
	j = (unsigned char *)data;
	sof = jpeg_find(j, len, 0xC0);
	sos = jpeg_find(j, len, 0xDA);
	dqt = jpeg_find(j, len, 0xDB);

	/* Cut anywhere: refused, never read past the end. */
	for (n = 0; n < len; n++) {
		char why[200];

		assert_int_equal(emit_check_jpeg(j, n, why, sizeof(why)),
		    PV_EINPUT);
	}
	/* Cut in the image data, or just before the end marker. */
	expect_jpeg(j, len - 2, PV_EINPUT,
	    "not a complete JPEG (no end marker)");
	expect_jpeg(j, sos + 20, PV_EINPUT,
	    "not a complete JPEG (no end marker)");
	/* Cut inside a table. */
	expect_jpeg(j, sof + 4, PV_EINPUT,
	    "frame header (SOFn) segment at byte");
	expect_jpeg(j, len, PV_OK, NULL);

	{
		/* Fill bytes before the frame header are legal JPEG, but
		 * libharu reads the wrong header then (found by fuzz_image):
		 * refused.  The photo's first segment starts at byte 2. */
		unsigned char *f = pv_xmalloc(len + 3);

		memcpy(f, j, 2);
		memset(f + 2, 0xFF, 3);
		memcpy(f + 5, j + 2, len - 2);
		expect_jpeg(f, len + 3, PV_EINPUT, "fill bytes before the "
		    "frame header (at byte 2)");
		free(f);
	}
	{
		unsigned char *b = pv_xmalloc(len);

		/* Frame sides of 0. */
		memcpy(b, j, len);
		memset(b + sof + 5, 0, 4);
		expect_jpeg(b, len, PV_EINPUT, "gives the size 0x0");
		memcpy(b, j, len);
		b[sof + 5] = b[sof + 6] = 0;
		expect_jpeg(b, len, PV_EINPUT, "gives the size");
		/* Too large. */
		memcpy(b, j, len);
		b[sof + 5] = b[sof + 7] = 0xFF;
		expect_jpeg(b, len, PV_EINPUT, "EMIT_MAX_IMAGE_SIDE");
		/* A segment length past the end of the file. */
		memcpy(b, j, len);
		b[dqt + 2] = 0xFF;
		b[dqt + 3] = 0xF0;
		expect_jpeg(b, len, PV_EINPUT, "quantisation table (DQT) "
		    "segment at byte 20 runs past the end of the file");
		/* A length below 2. */
		memcpy(b, j, len);
		b[dqt + 2] = 0;
		b[dqt + 3] = 1;
		expect_jpeg(b, len, PV_EINPUT, "has the length 1");
		/* 2 components, 12-bit, lossless. */
		memcpy(b, j, len);
		b[sof + 9] = 2;
		expect_jpeg(b, len, PV_EINPUT, "2 components");
		memcpy(b, j, len);
		b[sof + 4] = 12;
		expect_jpeg(b, len, PV_EINPUT, "12-bit");
		memcpy(b, j, len);
		b[sof + 1] = 0xC3;
		expect_jpeg(b, len, PV_EINPUT, "SOF3");
		/* Scan data before the frame header. */
		memcpy(b, j, len);
		b[sof + 1] = 0xFE; /* the frame becomes a comment */
		expect_jpeg(b, len, PV_EINPUT, "image data before the frame");
		/* A stray byte where a marker must be. */
		memcpy(b, j, len);
		b[dqt] = 0x12;
		expect_jpeg(b, len, PV_EINPUT, "no marker at byte 20");
		/* Progressive (SOF2): the first scan, then another. */
		memcpy(b, j, len);
		b[sof + 1] = 0xC2;
		expect_jpeg(b, len, PV_OK, NULL);
		{
			size_t m = len - 2 - sos; /* a scan, without EOI */
			unsigned char *pr = pv_xmalloc(len + m);

			memcpy(pr, b, len - 2);
			memcpy(pr + len - 2, b + sos, m);
			memcpy(pr + len - 2 + m, "\xFF\xD9", 2);
			expect_jpeg(pr, len + m, PV_OK, NULL);
			/* Its end marker cut in half. */
			expect_jpeg(pr, len + m - 1, PV_EINPUT, "no end marker");
			free(pr);
		}
		/* Only the start marker, or an end before any scan. */
		expect_jpeg((const unsigned char *)"\xFF\xD8\xFF\xD9", 4,
		    PV_EINPUT, "before any image data");
		free(b);
	}
	free(data);

	/* CMYK (4 components) passes, and so would be embedded. */
	assert_int_equal(pv_read_file(FIX "/cmyk.jpg", &data, &len, &d),
	    PV_OK);
	expect_jpeg((unsigned char *)data, len, PV_OK, NULL);
	expect_jpeg((unsigned char *)data, len - 1, PV_EINPUT,
	    "no end marker");
	free(data);
	pv_diags_free(&d);
}

/*
 * A face's font is made once, on first use; the ToUnicode CMap maps
 * each glyph shown to the code point shown with it, runs of consecutive
 * glyphs with consecutive code points become ranges, and a face that
 * was never loaded is a layout bug, said so.
 */
static void
test_font_objects(void **state)
{
	static const uint32_t shown[] = { 'a', 'b', 'c', 0xE5, 0xE6, 0xF8,
	    ' ', 0x14B };
	struct emit_options o = opts;
	struct emit_ctx c;
	struct pv_diags d;
	struct emit_face *f;
	struct pv_buf b;
	HPDF_Dict font;
	uint16_t g;
	size_t i;

	memset(&c, 0, sizeof(c));
	pv_diags_init(&d);
	c.d = &d;
	c.fs = fs;
	c.opt = &o;
	c.nfaces = fontset_face_count(fs);
	c.faces = pv_xcalloc(c.nfaces, sizeof(*c.faces));
	c.pdf = HPDF_New(NULL, NULL);
	assert_non_null(c.pdf);

	font = emit_face_font(&c, face[0]);
	assert_non_null(font);
	assert_ptr_equal(emit_face_font(&c, face[0]), font);
	f = &c.faces[face[0]];
	assert_int_equal(f->nglyphs, font_glyph_count(fs, face[0]));
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		g = font_glyph(fs, face[0], shown[i]);
		assert_true(g != 0);
		f->used[g >> 3] |= (uint8_t)(1u << (g & 7));
		if (f->unicode[g] == 0 || shown[i] < f->unicode[g])
			f->unicode[g] = (uint16_t)shown[i];
	}
	pv_buf_init(&b);
	emit_tounicode_cmap(f, &b);
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		if (!cmap_maps(b.data, font_glyph(fs, face[0], shown[i]),
		    shown[i]))
			print_error("U+%04X is not mapped in:\n%s\n",
			    (unsigned)shown[i], b.data);
		assert_true(cmap_maps(b.data, font_glyph(fs, face[0],
		    shown[i]), shown[i]));
	}
	assert_non_null(strstr(b.data, "beginbfrange"));  /* a b c */
	assert_non_null(strstr(b.data, "<0000> <FFFF>"));
	pv_buf_free(&b);

	assert_null(emit_face_font(&c, 99));
	assert_int_equal(c.failed, 1);
	assert_int_equal(c.status, PV_EINTERNAL);
	assert_true(diag_has(&d, "never loaded"));

	HPDF_Free(c.pdf);
	for (i = 0; i < c.nfaces; i++) {
		free(c.faces[i].used);
		free(c.faces[i].unicode);
	}
	free(c.faces);
	pv_diags_free(&d);
}

/*
 * A face showing many characters: every letter Open Sans has from Latin
 * to Cyrillic, 32 to a line.  Widths, glyph map and ToUnicode cover
 * them all, and the readers give every one back.
 */
static void
test_many_codes(void **state)
{
	struct lay_doc doc;
	struct lay_page *pg = NULL;
	struct pv_buf line, want;
	char *pdf, *cmd, *out, *err, enc[4];
	uint32_t cp;
	size_t i, j, n = 0, shown = 0;
	double y = 0;

	memset(&doc, 0, sizeof(doc));
	pv_buf_init(&line);
	pv_buf_init(&want);
	for (cp = 0x21; cp <= 0x4FF; cp++) {
		/* Not the soft hyphen, nor combining marks: readers drop or
		 * join them. */
		if (cp >= 0x7F && cp <= 0xA0)
			continue;
		if (cp == 0xAD || (cp >= 0x300 && cp <= 0x36F) ||
		    (cp >= 0x483 && cp <= 0x489))
			continue;
		if (!font_has_glyph(fs, face[0], cp))
			continue;
		pv_buf_put(&line, enc, pv_utf8_encode(cp, enc));
		shown++;
		if (++n < 32 && cp != 0x4FF)
			continue;
		if (pg == NULL || y < 60) {
			pg = add_page(&doc);
			y = 800;
		}
		pv_buf_puts(&line, "");
		text_item(pg, 56.69, y, 0, 10, 0x000000, line.data);
		pv_buf_put(&want, line.data, strlen(line.data));
		pv_buf_puts(&want, "\n");
		pv_buf_clear(&line);
		y -= 14;
		n = 0;
	}
	if (n > 0) {
		pv_buf_puts(&line, "");
		text_item(pg, 56.69, y, 0, 10, 0x000000, line.data);
		pv_buf_put(&want, line.data, strlen(line.data));
		pv_buf_puts(&want, "\n");
	}
	pv_buf_puts(&want, "");
	assert_true(shown > 500);
	pdf = emit_to("many.pdf", &doc, &opts);

	cmd = pv_xasprintf("pdftotext -raw -enc UTF-8 '%s' -", pdf);
	assert_int_equal(run(cmd, &out, &err), 0);
	assert_string_equal(err, "");
	/* Each line of the document is a line of the text. */
	for (i = 0, j = 0; want.data[i] != '\0'; i = j + 1) {
		char *l;

		for (j = i; want.data[j] != '\n'; j++)
			;
		l = pv_xstrndup(want.data + i, j - i);
		if (strstr(out, l) == NULL)
			print_error("pdftotext lacks \"%s\" in:\n%s\n", l,
			    out);
		assert_non_null(strstr(out, l));
		free(l);
	}
	free(cmd);
	free(out);
	free(err);

	assert_int_equal(run_on("qpdf --check '%s'", pdf, &out, &err), 0);
	assert_null(strstr(out, "WARNING"));
	assert_string_equal(err, "");
	free(out);
	free(err);
	assert_int_equal(run_on("pdffonts '%s'", pdf, &out, &err), 0);
	assert_non_null(strstr(out, "yes yes yes"));
	free(out);
	free(err);
	expect_drawn_silently(pdf);

	pv_buf_free(&line);
	pv_buf_free(&want);
	lay_doc_free(&doc);
	free(pdf);
}

static void
test_dump(void **state)
{
	struct lay_doc doc;
	struct pv_buf b;

	build_doc(&doc, NULL);
	pv_buf_init(&b);
	lay_doc_dump(&doc, &b);
	assert_non_null(strstr(b.data, "meta title \"Kompetanseplan for "
	    "Åfjord 2024–2027\" author \"Ođđa Čálli\" subject \"Plan\" "
	    "keywords \"kompetanse, sámegiella\" lang nb\n"));
	assert_non_null(strstr(b.data, "image 0 png 0x0 \"" FIX
	    "/logo.png\"\n"));
	assert_non_null(strstr(b.data, "outline 2 page 2 y 720.00 "
	    "\"1.1 Delmål for Ærøy\"\n"));
	assert_non_null(strstr(b.data, "page 1 595.28 841.89 cover\n"
	    "  text p 56.69 760.00 w 0.00 face 1 size 24.00 #1F3864 "
	    "\"Blåbærsyltetøy på Ærøy, Øst-Åsen\"\n"));
	assert_non_null(strstr(b.data, "  line artifact 56.69 650.00 to "
	    "538.58 650.00 width 0.50 #808080\n"));
	assert_non_null(strstr(b.data, "  rect artifact 56.69 500.00 200.00 "
	    "100.00 fill #DDEBF7 stroke 1.00 #1F3864\n"));
	assert_non_null(strstr(b.data, "  image figure 300.00 500.00 128.00 "
	    "64.00 image 0 \"Logo\"\n"));
	assert_non_null(strstr(b.data, "  link link 56.69 456.00 80.00 14.00 "
	    "page 3 y 800.00\n"));
	assert_non_null(strstr(b.data, "uri \"https://www.udir.no/søk?q="
	    "kompetanse\"\n"));
	assert_non_null(strstr(b.data, "page 3 595.28 841.89\n"));
	pv_buf_free(&b);
	lay_doc_free(&doc);
	/* Freeing twice is harmless: the doc is zeroed. */
	lay_doc_free(&doc);
	assert_int_equal(doc.npages, 0);
}

/* The colour of the pixel at page point (x,y), drawn at 72 dpi (one
 * pixel a point) by pdftoppm, as 0xRRGGBB. */
static uint32_t
pixel_at(const char *pdf, double x, double y)
{
	char *cmd, *out, *err, *ppm = tmp("pixel");
	char *file = pv_xasprintf("%s.ppm", ppm);
	struct pv_diags d;
	size_t len;
	uint32_t rgb;

	cmd = pv_xasprintf("pdftoppm -r 72 -f 1 -l 1 -x %d -y %d -W 1 -H 1 "
	    "-singlefile '%s' '%s'", (int)x, (int)(841.89 - y), pdf, ppm);
	assert_int_equal(run(cmd, &out, &err), 0);
	free(out);
	free(err);
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(file, &out, &len, &d), PV_OK);
	pv_diags_free(&d);
	assert_true(len >= 3);
	rgb = (uint32_t)(unsigned char)out[len - 3] << 16 |
	    (uint32_t)(unsigned char)out[len - 2] << 8 |
	    (unsigned char)out[len - 1];
	free(out);
	unlink(file);
	free(file);
	free(ppm);
	free(cmd);
	return rgb;
}

/*
 * Paths (charts, a year wheel's sectors): a quarter sector filled, a
 * circle stroked.  The content stream has the arc as a cubic curve with
 * the usual control distance (4/3 tan(pi/8) r = 55.228 for r = 100), the
 * dump shows it on the page, and the sector is really drawn: filled
 * inside, white beside it, readers silent.
 */
static void
test_paths(void **state)
{
	struct lay_doc doc;
	struct lay_page *pg;
	struct lay_item *it;
	struct emit_options o = opts;
	struct pv_buf b;
	char *pdf, *qdf, *cmd, *out, *err;
	size_t len, i;
	struct pv_diags d;

	memset(&doc, 0, sizeof(doc));
	pg = add_page(&doc);
	it = lay_page_add(pg, LK_PATH);
	it->role = LR_ARTIFACT;
	it->x = 300;
	it->y = 400;
	it->fill = 0x1F3B5A;
	lay_path_move(it, 0, 0);
	lay_path_arc(it, 0, 0, 100, 0, M_PI / 2);
	lay_path_close(it);
	it = lay_page_add(pg, LK_PATH);
	it->role = LR_ARTIFACT;
	it->x = 150;
	it->y = 200;
	it->line_width = 2;
	it->color = 0xC00000;
	lay_path_arc(it, 0, 0, 50, 0, 2 * M_PI);
	assert_int_equal(it->nsegs, 5);     /* a move and four quarters */

	pv_buf_init(&b);
	lay_doc_dump(&doc, &b);
	assert_non_null(strstr(b.data, "  path artifact fill #1F3B5A M 300.00 "
	    "400.00 L 400.00 400.00 C 400.00 455.23 355.23 500.00 300.00 "
	    "500.00 Z\n"));
	assert_non_null(strstr(b.data, "  path artifact fill none stroke 2.00 "
	    "#C00000 M 200.00 200.00 C 200.00 227.61"));
	pv_buf_free(&b);

	o.compress = 0;
	pdf = emit_to("paths.pdf", &doc, &o);
	qdf = tmp("paths-qdf.pdf");
	cmd = pv_xasprintf("qpdf --qdf --object-streams=disable '%s' '%s'",
	    pdf, qdf);
	assert_int_equal(run(cmd, &out, &err), 0);
	free(out);
	free(err);
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(qdf, &out, &len, &d), PV_OK);
	pv_diags_free(&d);
	for (i = 0; i < len; i++)
		if (out[i] == '\0')
			out[i] = ' ';
	assert_non_null(strstr(out, "300 400 m\n400 400 l\n400 455.228 "
	    "355.228 500 300 500 c\nh\nf\n"));
	assert_non_null(strstr(out, "0.7529 0 0 RG\n2 w\n200 200 m\n"));
	assert_non_null(strstr(out, "200 200 c\nS\n"));
	free(out);
	free(qdf);
	free(cmd);
	expect_drawn_silently(pdf);
	assert_int_equal(pixel_at(pdf, 350, 450), 0x1F3B5A);
	assert_int_equal(pixel_at(pdf, 250, 450), 0xFFFFFF);
	assert_int_equal(pixel_at(pdf, 380, 480), 0xFFFFFF); /* beyond r */
	lay_doc_free(&doc);
	free(pdf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readers),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_cmp_files),
		cmocka_unit_test(test_bad_images),
		cmocka_unit_test(test_no_folder),
		cmocka_unit_test(test_bad_layouts),
		cmocka_unit_test(test_generated_png),
		cmocka_unit_test(test_png_checker),
		cmocka_unit_test(test_jpeg_checker),
		cmocka_unit_test(test_jpeg_structure),
		cmocka_unit_test(test_font_objects),
		cmocka_unit_test(test_many_codes),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_paths),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
