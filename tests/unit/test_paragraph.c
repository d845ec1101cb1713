/*
 * test_paragraph.c - setting paragraphs: what a reader of the PDF would
 * notice.  No line runs past the width, justified lines end exactly at
 * it, every word comes out once and in order, hyphens go where the
 * dictionary allows and rarely three lines in a row, spaces stay even,
 * nowrap and <br> are honoured, and a missing glyph is an error that
 * names the character.  Also the line breaker alone on made-up items,
 * and hostile paragraphs.
 *
 * Runs from the top of the tree (tests/run.sh does), with fonts-open-sans
 * and hyphen-no installed (make deps).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "../../src/font/font.h"
#include "../../src/para/linebreak.h"
#include "../../src/para/para_int.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"
#include "../../src/util/utf8.h"

#define EPS 1e-6

static struct fontset *fs;
static struct para_engine *hy;
static int regular, bold;

/* Bokmål in the register of a competence plan, with what real plans
 * have: long compounds, numbers, hyphenated compounds, abbreviations,
 * quotes, an address, a URL. */
static const char *const sentences[] = {
	"Kommunen skal sikre at alle ansatte i barnehagene og skolene får "
	"et tilbud om kompetanseutvikling som svarer til behovene i "
	"planperioden.",
	"Barnehagelærerne deltar i barnehagebasert kompetanseutvikling, der "
	"hele personalet lærer sammen og prøver ut ny praksis.",
	"Videreutdanningen i matematikk, norsk og engelsk prioriteres for "
	"lærere på ungdomstrinnet.",
	"Rektorene har ansvar for at skolebasert kompetanseutvikling blir "
	"forankret i skolens årsplan og fulgt opp i "
	"medarbeidersamtalene.",
	"Arbeidet med et trygt og godt barnehagemiljø skal ha "
	"nulltoleranse for krenkelser, mobbing og utestenging.",
	"I 2024 ble det brukt 1 250 000 kroner til kurs, hospitering og "
	"vikarer, og 87 % av de ansatte deltok.",
	"Oppvekstsektoren samarbeider med universitets- og høgskolesektoren "
	"om desentralisert kompetanseutvikling (Dekom).",
	"Se https://www.udir.no/kvalitet-og-kompetanse/dekomp/ for "
	"retningslinjene for tilskuddsordningen.",
	"Spørsmål om planen kan sendes til postmottak@kommunen.no før "
	"15.03.2025.",
	"IKT-kompetansen blant de ansatte skal styrkes, særlig når det "
	"gjelder personvern og informasjonssikkerhet.",
	"Styrerne og rektorene møtes i «lederforum» fire ganger i året for "
	"erfaringsdeling og felles refleksjon.",
	"Språkutvikling, lek og vennskap er satsingsområder i alle "
	"kommunens barnehager i hele planperioden.",
	"Tiltakene evalueres årlig, og resultatene legges fram for "
	"hovedutvalget for oppvekst og kultur.",
	"Den pedagogiske bemanningsnormen forutsetter at "
	"barnehagelærerutdanningen rekrutterer flere søkere.",
	"Fagfornyelsen stiller nye krav til dybdelæring, tverrfaglighet og "
	"elevenes medvirkning i undervisningen.",
	"Kompetansekartleggingen viste behov for mer kunnskap om "
	"flerspråklige barn og tilrettelegging for barn med særskilte "
	"behov.",
};

#define NSENT (sizeof(sentences) / sizeof(sentences[0]))

static int
setup(void **state)
{
	struct pv_diags d;

	pv_diags_init(&d);
	if (fontset_new("fonts/fonts.json", "fonts", &fs, &d) != PV_OK)
		return -1;
	regular = fontset_face(fs, "Open Sans", FONT_REGULAR, "test", &d);
	bold = fontset_face(fs, "Open Sans", FONT_BOLD, "test", &d);
	pv_diags_free(&d);
	hy = para_engine_new();
	return regular < 0 || bold < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	para_engine_free(hy);
	fontset_free(fs);
	return 0;
}

static uint32_t rnd_state = 2024;

static uint32_t
rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static struct para_run
run_of(const char *text, int face, double size)
{
	struct para_run r;

	memset(&r, 0, sizeof(r));
	r.text = text;
	r.len = strlen(text);
	r.face = face;
	r.size = size;
	return r;
}

static struct para_style
style_of(double width, enum para_align al, int hyph)
{
	struct para_style st;

	memset(&st, 0, sizeof(st));
	st.width = width;
	st.leading = 14;
	st.align = al;
	st.lang = "nb";
	st.hyphenate = hyph;
	return st;
}

/* The text as a reader could copy it, without the spaces: inserted
 * hyphens gone, soft hyphens and zero-width spaces gone. */
static char *
squeeze(const char *s, size_t n)
{
	struct pv_buf b;
	size_t i, k;
	uint32_t cp;

	pv_buf_init(&b);
	pv_buf_puts(&b, "");
	for (i = 0; i < n; i += k) {
		if ((k = pv_utf8_decode(s + i, n - i, &cp)) == 0) {
			/* A stray byte comes out as U+FFFD. */
			pv_buf_puts(&b, "\xef\xbf\xbd");
			k = 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || cp == ' ' || cp == 0xA0 ||
		    cp == 0xAD || cp == 0x200B)
			continue;
		pv_buf_put(&b, s + i, k);
	}
	return pv_buf_take(&b);
}

static char *
lines_text(const struct para_lines *pl)
{
	struct pv_buf b;
	const struct para_line *ln;
	const struct para_frag *f;
	size_t i, j, n;

	pv_buf_init(&b);
	pv_buf_puts(&b, "");
	for (i = 0; i < pl->nlines; i++) {
		ln = &pl->lines[i];
		for (j = 0; j < ln->nfrags; j++) {
			f = &ln->frags[j];
			n = f->len;
			assert_int_equal(strlen(f->text), f->len);
			if (ln->hyphenated && j + 1 == ln->nfrags) {
				assert_true(n > 0 && f->text[n - 1] == '-');
				n--;
			}
			pv_buf_put(&b, f->text, n);
		}
		pv_buf_putc(&b, '\n');
	}
	return pv_buf_take(&b);
}

/* Every word once and in order. */
static void
check_text(const struct para_lines *pl, const char *in, size_t n)
{
	char *a = squeeze(in, n), *t = lines_text(pl), *b;

	b = squeeze(t, strlen(t));
	if (strcmp(a, b) != 0)
		print_error("text differs:\n in: %s\nout: %s\n", a, b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(t);
}

/*
 * Geometry a reader sees: nothing past the width or before the line's
 * start, fragments in order without overlap, justified lines (but the
 * last, and lines without spaces) flush with both edges.
 */
/* Characters as a reader counts them: a combining mark is part of the
 * letter before it. */
static size_t
graphemes(const char *s)
{
	size_t i, k, n = 0, len = strlen(s);
	uint32_t cp;

	for (i = 0; i < len; i += k) {
		if ((k = pv_utf8_decode(s + i, len - i, &cp)) == 0)
			k = 1;
		if (cp < 0x300 || cp > 0x36F)
			n++;
	}
	return n;
}

static int has_br;      /* the text has '\n': lines may end short */

static void
check_geometry(const struct para_lines *pl, const struct para_style *st)
{
	const struct para_line *ln;
	const struct para_frag *f, *g;
	size_t i, j;
	double x0, end;
	int gaps;

	for (i = 0; i < pl->nlines; i++) {
		ln = &pl->lines[i];
		x0 = i == 0 ? st->first_indent : 0;
		gaps = 0;
		for (j = 0; j < ln->nfrags; j++) {
			f = &ln->frags[j];
			/* Only a line of one character wider than the line
			 * may run over: there is nothing to break. */
			if ((f->x < x0 - EPS || f->x + f->w > st->width +
			    EPS) && (ln->nfrags > 1 || graphemes(f->text) > 1))
				fail_msg("line %zu fragment '%s' at %.3f+%.3f "
				    "outside 0..%.3f", i, f->text, f->x, f->w,
				    st->width);
			assert_true(f->w >= 0);
			if (j > 0) {
				g = &ln->frags[j - 1];
				assert_true(f->x >= g->x + g->w - EPS);
				if (f->x > g->x + g->w + 0.01)
					gaps = 1;
			}
		}
		if (ln->nfrags > 0) {
			assert_true(ln->ascent > 0);
			assert_true(ln->descent > 0);
		}
		if (st->align == PARA_JUSTIFY && gaps && i + 1 < pl->nlines &&
		    !has_br && !pl->ragged) {
			end = ln->frags[ln->nfrags - 1].x +
			    ln->frags[ln->nfrags - 1].w;
			if (fabs(end - st->width) > EPS)
				fail_msg("justified line %zu ends at %.9f, not "
				    "%.3f", i, end, st->width);
		}
	}
}

static void
lay1(const char *text, const struct para_style *st, struct para_lines *pl)
{
	struct para_run r = run_of(text, regular, 10);
	struct pv_diags d;

	pv_diags_init(&d);
	assert_int_equal(para_layout(&r, 1, st, fs, hy, "t.html", 1, pl, &d),
	    PV_OK);
	assert_int_equal(d.n, 0);
	pv_diags_free(&d);
}

/* A paragraph of k random sentences; the caller frees. */
static char *
paragraph(size_t k)
{
	struct pv_buf b;
	size_t i;

	pv_buf_init(&b);
	for (i = 0; i < k; i++) {
		if (i > 0)
			pv_buf_putc(&b, ' ');
		pv_buf_puts(&b, sentences[rnd() % NSENT]);
	}
	return pv_buf_take(&b);
}

/* The corpus at widths from a table cell to a page, every alignment,
 * with and without hyphenation and an indent. */
static void
test_corpus(void **state)
{
	static const double widths[] = { 40, 60, 80, 100, 150, 200, 300, 450,
	    500 };
	static const enum para_align aligns[] = { PARA_JUSTIFY, PARA_LEFT,
	    PARA_RIGHT, PARA_CENTER };
	struct para_style st;
	struct para_lines pl;
	size_t w, a, h, i;
	char *text;

	for (i = 0; i < 12; i++) {
		text = paragraph(1 + i % 6);
		for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
			for (a = 0; a < 4; a++)
				for (h = 0; h < 2; h++) {
					st = style_of(widths[w], aligns[a],
					    (int)h);
					if (i % 3 == 1)
						st.first_indent = 12;
					lay1(text, &st, &pl);
					assert_true(pl.nlines > 0);
					check_geometry(&pl, &st);
					check_text(&pl, text, strlen(text));
					/* Without hyphenation, a hyphen only
					 * shows a word wider than the line
					 * cut as a last resort. */
					if (!h && pl.min_width <= st.width -
					    st.first_indent)
						for (size_t l = 0; l <
						    pl.nlines; l++)
							assert_false(pl.lines[l]
							    .hyphenated);
					assert_true(pl.max_width >=
					    pl.min_width);
					para_lines_free(&pl);
				}
		free(text);
	}
}

/* A 200-letter word in a 40 pt table cell, and long URLs: broken between
 * characters, and nothing wider than the cell. */
static void
test_long_words(void **state)
{
	struct para_style st;
	struct para_lines pl;
	struct pv_buf b;
	size_t i, j;
	char *text;

	pv_buf_init(&b);
	pv_buf_puts(&b, "Ord: ");
	for (i = 0; i < 200; i++)
		pv_buf_putc(&b, "kompetanse"[i % 10]);
	pv_buf_puts(&b, " og https://www.regjeringen.no/no/dokumenter/"
	    "kompetanse-for-fremtidens-barnehage/id2466563/?ch=1&q=barnehage"
	    " slutt.");
	text = pv_buf_take(&b);
	for (j = 0; j < 4; j++) {
		st = style_of(j < 2 ? 40 : 100, j % 2 ? PARA_LEFT :
		    PARA_JUSTIFY, 1);
		lay1(text, &st, &pl);
		check_geometry(&pl, &st);
		check_text(&pl, text, strlen(text));
		/* Cut between characters: lines of the long word are full
		 * to within a character or two. */
		assert_true(pl.nlines >= (j < 2 ? 25u : 10u));
		para_lines_free(&pl);
	}
	free(text);
}

/* A URL that fits in pieces is cut after its separators, never inside
 * a name. */
static void
test_url_breaks(void **state)
{
	const char *text = "Les mer på https://www.udir.no/kvalitet-og-"
	    "kompetanse/etter-og-videreutdanning/kompetansepakker/ om "
	    "ordningen.";
	struct para_style st;
	struct para_lines pl;
	const struct para_line *ln;
	const char *t;
	size_t i, n;

	for (i = 0; i < 2; i++) {
		st = style_of(120, i ? PARA_LEFT : PARA_JUSTIFY, 1);
		lay1(text, &st, &pl);
		check_geometry(&pl, &st);
		check_text(&pl, text, strlen(text));
		for (n = 0; n + 1 < pl.nlines; n++) {
			ln = &pl.lines[n];
			t = ln->frags[ln->nfrags - 1].text;
			if (strrchr(t, ' ') != NULL)
				t = strrchr(t, ' ') + 1;
			/* The line ends inside the URL: after / . ? & = _,
			 * or before a '-' (never after it, where it would
			 * read as a hyphen). */
			if (strlen(t) < 4 || strstr(text, t) == NULL ||
			    strstr(text, t)[strlen(t)] == ' ')
				continue;
			if (strchr("/.?&=_", t[strlen(t) - 1]) == NULL &&
			    strstr(text, t)[strlen(t)] != '-')
				fail_msg("URL cut after '%s'", t);
		}
		para_lines_free(&pl);
	}
}

/* Known hyphenations show up in narrow text, and a hyphenated line ends
 * with '-' at a point the dictionary gives. */
static void
test_hyphenation(void **state)
{
	const char *text = "Kompetanseutvikling tilrettelegging "
	    "kompetanseutvikling videreutdanning gjennomføring "
	    "organisasjonen kompetanseutvikling.";
	struct para_style st = style_of(70, PARA_LEFT, 1);
	struct para_lines pl;
	size_t i, nh = 0;
	const struct para_frag *f;

	lay1(text, &st, &pl);
	check_geometry(&pl, &st);
	check_text(&pl, text, strlen(text));
	for (i = 0; i < pl.nlines; i++) {
		if (!pl.lines[i].hyphenated)
			continue;
		nh++;
		f = &pl.lines[i].frags[pl.lines[i].nfrags - 1];
		assert_true(f->len >= 3);
		assert_int_equal(f->text[f->len - 1], '-');
	}
	assert_true(nh >= 3);
	para_lines_free(&pl);

	/* Hyphenation off: the same words stay whole (a word wider than
	 * the line is still cut, and shows it with a hyphen). */
	st.hyphenate = 0;
	lay1(text, &st, &pl);
	for (i = 0; i < pl.nlines && pl.min_width <= st.width; i++)
		assert_false(pl.lines[i].hyphenated);
	para_lines_free(&pl);
}

/* A short phrase in a narrow table cell breaks at its space, leaving the
 * first line half empty, rather than hyphenating its last word: readers
 * of "Person 6 (Råd-/giver)" see a broken word where "Person 6" /
 * "(Rådgiver)" reads at once. */
static void
test_ragged_cell_keeps_words(void **state)
{
	const char *text = "Person 6 (Rådgiver)";
	struct para_run r = run_of("Person 6 (Råd-", regular, 10);
	struct para_style st;
	struct para_lines pl;
	double mn, mx;
	char *t;

	(void)state;
	para_measure(&r, 1, fs, hy, "nb", 0, &mn, &mx);
	/* room for "Person 6 (Råd-", not for the whole phrase */
	st = style_of(mx + 1, PARA_LEFT, 1);
	lay1(text, &st, &pl);
	check_geometry(&pl, &st);
	assert_int_equal(pl.nlines, 2);
	assert_false(pl.lines[0].hyphenated);
	t = lines_text(&pl);
	assert_string_equal(t, "Person 6\n(Rådgiver)\n");
	free(t);
	para_lines_free(&pl);
}

/* Whether the word of `text` the line ending `frag` (with its added
 * hyphen) ends in is wider than `width` alone. */
static int
wider_word(const char *text, const char *frag, double width)
{
	const char *p = strrchr(frag, ' '), *q, *a, *z;
	char piece[128];
	struct para_run r;
	double mn, mx;
	size_t n;

	p = p != NULL ? p + 1 : frag;
	n = strlen(p);
	if (n < 2 || n >= sizeof(piece))
		return 0;
	memcpy(piece, p, n - 1);
	piece[n - 1] = '\0';
	if ((q = strstr(text, piece)) == NULL)
		return 0;
	for (a = q; a > text && a[-1] != ' '; a--)
		;
	for (z = q; *z != '\0' && *z != ' '; z++)
		;
	r = run_of(a, regular, 10);
	r.len = (size_t)(z - a);
	para_measure(&r, 1, fs, hy, "nb", 0, &mn, &mx);
	return mx > width;
}

/* Never hyphenated: short words, numbers, URLs, addresses, compounds
 * with their own hyphen, nowrap text. */
static void
test_never_hyphenated(void **state)
{
	const char *text = "Skal barn også ikke 2024-2027 1234567890 "
	    "ABC123DEFGH www.kompetanse.no kompetanse@kommunen.no "
	    "IKT-kompetanseutvikling barne- og 12345678901234567890.";
	struct para_style st = style_of(60, PARA_JUSTIFY, 1);
	struct para_lines pl;
	const struct para_line *ln;
	const struct para_frag *f;
	size_t i;

	lay1(text, &st, &pl);
	check_geometry(&pl, &st);
	check_text(&pl, text, strlen(text));
	for (i = 0; i < pl.nlines; i++) {
		ln = &pl.lines[i];
		if (!ln->hyphenated)
			continue;
		f = &ln->frags[ln->nfrags - 1];
		/* Only a word wider than the line, cut as the last resort,
		 * and never a URL or an address. */
		if (!wider_word(text, f->text, st.width) ||
		    strstr(f->text, "www.") != NULL ||
		    strchr(f->text, '@') != NULL)
			fail_msg("hyphen inserted after '%s'", f->text);
	}
	para_lines_free(&pl);
}

/* Soft hyphens are honoured (and never shown unbroken). */
static void
test_soft_hyphen(void **state)
{
	const char *text = "Plan\xc2\xad" "leg\xc2\xad" "gings\xc2\xad"
	    "arbeid og sam\xc2\xad" "hand\xc2\xad" "lings\xc2\xad" "reform";
	struct para_style st = style_of(50, PARA_LEFT, 0);
	struct para_lines pl;
	size_t i, j, nh = 0;

	lay1(text, &st, &pl);
	check_geometry(&pl, &st);
	check_text(&pl, text, strlen(text));
	for (i = 0; i < pl.nlines; i++) {
		nh += pl.lines[i].hyphenated;
		for (j = 0; j < pl.lines[i].nfrags; j++)
			assert_null(strstr(pl.lines[i].frags[j].text,
			    "\xc2\xad"));
	}
	assert_true(nh >= 2);
	para_lines_free(&pl);
}

/* Runs of three or more hyphenated lines, per 1000 lines, in long
 * narrow text: at most 2. */
static void
test_ladders(void **state)
{
	static const enum para_align al[] = { PARA_JUSTIFY, PARA_LEFT };
	struct para_style st;
	struct para_lines pl;
	size_t a, i, l, lines, hyph, ladders, run;
	char *text;

	for (a = 0; a < 2; a++) {
		lines = hyph = ladders = 0;
		st = style_of(150, al[a], 1);
		rnd_state = 77;
		for (i = 0; lines < 3000; i++) {
			text = paragraph(2 + rnd() % 7);
			lay1(text, &st, &pl);
			for (l = 0, run = 0; l < pl.nlines; l++) {
				if (pl.lines[l].hyphenated) {
					hyph++;
					if (++run == 3)
						ladders++;
				} else
					run = 0;
			}
			lines += pl.nlines;
			para_lines_free(&pl);
			free(text);
		}
		print_message("%s 150 pt: %zu lines, %zu hyphenated (%.1f%%), "
		    "%zu ladders = %.2f per 1000 lines\n",
		    a == 0 ? "justified" : "ragged", lines, hyph,
		    100.0 * hyph / lines, ladders, 1000.0 * ladders / lines);
		assert_true(1000.0 * ladders / lines <= 2);
	}
}

/* How far spaces stretch in justified text at page width: reported, and
 * bounded. */
static void
test_spacing(void **state)
{
	struct para_style st = style_of(450, PARA_JUSTIFY, 1);
	struct para_lines pl;
	const struct para_line *ln;
	size_t i, l, k, spaces = 0, wide = 0, lines = 0;
	double sp = font_advance(fs, regular, ' ') * 10 / 1000.0, ratio, max = 0;
	char *text;

	rnd_state = 99;
	for (i = 0; lines < 2000; i++) {
		text = paragraph(2 + rnd() % 7);
		lay1(text, &st, &pl);
		for (l = 0; l + 1 < pl.nlines; l++) {
			ln = &pl.lines[l];
			for (k = 1; k < ln->nfrags; k++) {
				ratio = (ln->frags[k].x - ln->frags[k - 1].x -
				    ln->frags[k - 1].w) / sp;
				if (ratio < 0.01)
					continue;   /* a style change */
				spaces++;
				if (ratio > max)
					max = ratio;
				if (ratio > 2)
					wide++;
				/* Shrunk at most to two thirds. */
				assert_true(ratio > 2.0 / 3 - EPS);
			}
		}
		lines += pl.nlines;
		para_lines_free(&pl);
		free(text);
	}
	print_message("justified 450 pt: widest space %.2f x natural; "
	    "%.2f%% of %zu spaces wider than 2x\n", max,
	    100.0 * wide / spaces, spaces);
	/* Open Sans has a narrow space (0.26 em) and hyphen-no gives few
	 * points in long compounds, so some lines must stretch: bounded,
	 * and rare. */
	assert_true(max < 6);
	assert_true(wide * 100 < spaces * 15);
}

/* A nowrap run is never broken, and never hyphenated. */
static void
test_nowrap(void **state)
{
	struct para_run r[3];
	struct para_style st = style_of(90, PARA_JUSTIFY, 1);
	struct para_lines pl;
	struct pv_diags d;
	size_t i, j, seen = 0;

	r[0] = run_of("Tiltaket gjennomføres i ", regular, 10);
	r[1] = run_of("uke 12 til uke 14 kompetanseutvikling", bold, 10);
	r[1].nowrap = 1;
	r[2] = run_of(" i hele kommunen.", regular, 10);
	pv_diags_init(&d);
	st.width = 250;
	assert_int_equal(para_layout(r, 3, &st, fs, hy, "t.html", 1, &pl, &d),
	    PV_OK);
	check_geometry(&pl, &st);
	for (i = 0; i < pl.nlines; i++)
		for (j = 0; j < pl.lines[i].nfrags; j++) {
			if (pl.lines[i].frags[j].face != bold)
				continue;
			seen++;
			assert_false(pl.lines[i].hyphenated &&
			    j + 1 == pl.lines[i].nfrags);
		}
	/* Justified: one fragment per word, all on one line. */
	for (i = 0; i < pl.nlines; i++) {
		size_t nb = 0;

		for (j = 0; j < pl.lines[i].nfrags; j++)
			nb += pl.lines[i].frags[j].face == bold;
		assert_true(nb == 0 || nb == seen);
	}
	assert_true(seen > 0);
	para_lines_free(&pl);

	/* Wider than the line: then it must break after all. */
	st.width = 90;
	assert_int_equal(para_layout(r, 3, &st, fs, hy, "t.html", 1, &pl, &d),
	    PV_OK);
	check_geometry(&pl, &st);
	para_lines_free(&pl);
	pv_diags_free(&d);
}

/* '\n' (from <br>) forces a break; two make an empty line that still has
 * a height; one at the end adds nothing. */
static void
test_br(void **state)
{
	struct para_style st = style_of(400, PARA_JUSTIFY, 1);
	struct para_lines pl;
	const char *t1 = "Første linje\nandre linje", *t2 = "Én\n\nto",
	    *t3 = "Slutt\n", *t4 = "a \n b";

	lay1(t1, &st, &pl);
	assert_int_equal(pl.nlines, 2);
	assert_string_equal(pl.lines[0].frags[0].text, "Første linje");
	assert_string_equal(pl.lines[1].frags[0].text, "andre linje");
	check_text(&pl, t1, strlen(t1));
	para_lines_free(&pl);

	lay1(t2, &st, &pl);
	assert_int_equal(pl.nlines, 3);
	assert_int_equal(pl.lines[1].nfrags, 0);
	assert_true(pl.lines[1].ascent > 0 && pl.lines[1].descent > 0);
	para_lines_free(&pl);

	lay1(t3, &st, &pl);
	assert_int_equal(pl.nlines, 1);
	para_lines_free(&pl);

	/* Spaces around a <br> are dropped. */
	lay1(t4, &st, &pl);
	assert_int_equal(pl.nlines, 2);
	assert_string_equal(pl.lines[0].frags[0].text, "a");
	assert_string_equal(pl.lines[1].frags[0].text, "b");
	assert_true(pl.lines[1].frags[0].x == 0);
	para_lines_free(&pl);
}

/* U+00A0 ties: "kr 10 000" stays on one line. */
static void
test_nbsp(void **state)
{
	const char *text = "Budsjettet er kr\xc2\xa0" "10\xc2\xa0" "000 for "
	    "hele perioden og kr\xc2\xa0" "25\xc2\xa0" "000 neste år.";
	struct para_style st;
	struct para_lines pl;
	size_t w, i, j;

	for (w = 40; w <= 200; w += 10) {
		st = style_of((double)w, PARA_LEFT, 1);
		lay1(text, &st, &pl);
		check_geometry(&pl, &st);
		check_text(&pl, text, strlen(text));
		for (i = 0; i < pl.nlines && w >= 70; i++)
			for (j = 0; j < pl.lines[i].nfrags; j++) {
				const char *t = pl.lines[i].frags[j].text;
				size_t n = strlen(t);

				/* No line ends with "kr" or "10". */
				if (j + 1 == pl.lines[i].nfrags &&
				    i + 1 < pl.nlines)
					assert_false(n >= 2 &&
					    (strcmp(t + n - 2, "kr") == 0 ||
					    strcmp(t + n - 2, "10") == 0));
			}
		para_lines_free(&pl);
	}
}

/* Bold inside a word: the word is not broken where the style changes. */
static void
test_runs_in_word(void **state)
{
	struct para_run r[4];
	struct para_style st = style_of(300, PARA_JUSTIFY, 0);
	struct para_lines pl;
	struct pv_diags d;
	size_t i, n = 0;

	r[0] = run_of("Vi satser på kompetanse", regular, 10);
	r[1] = run_of("utvikling", bold, 10);
	r[2] = run_of(" i alle barnehager og skoler i kommunen, og på "
	    "lese", regular, 10);
	r[3] = run_of("opplæring.", bold, 12);
	pv_diags_init(&d);
	for (st.width = 60; st.width <= 300; st.width += 7) {
		assert_int_equal(para_layout(r, 4, &st, fs, hy, "t.html", 1,
		    &pl, &d), PV_OK);
		check_geometry(&pl, &st);
		/* Where the whole word (102.1 pt) fits on a line, at
		 * least; narrower, it is cut at its dictionary point,
		 * which is where the runs meet. */
		for (i = 0; i < pl.nlines && st.width >= 103; i++) {
			const struct para_line *ln = &pl.lines[i];

			if (ln->nfrags > 0 && ln->frags[0].face == bold &&
			    strcmp(ln->frags[0].text, "utvikling") == 0)
				fail_msg("broke before a bold word part");
			if (ln->nfrags > 0 && strcmp(ln->frags[0].text,
			    "opplæring.") == 0)
				fail_msg("broke inside lese|opplæring");
		}
		n++;
		para_lines_free(&pl);
	}
	pv_diags_free(&d);
	assert_true(n > 0);

	/* The first word to hyphenate is made of two runs. */
	r[0] = run_of("Kompetanse", regular, 10);
	r[1] = run_of("utviklingen", bold, 10);
	r[2] = run_of(" i barnehagen", regular, 10);
	st = style_of(70, PARA_LEFT, 1);
	pv_diags_init(&d);
	assert_int_equal(para_layout(r, 3, &st, fs, hy, "t.html", 1, &pl, &d),
	    PV_OK);
	check_geometry(&pl, &st);
	assert_true(pl.lines[0].hyphenated);
	assert_int_equal(pl.lines[0].nfrags, 1);
	assert_string_equal(pl.lines[0].frags[0].text, "Kompetanse-");
	assert_int_equal(pl.lines[1].frags[0].face, bold);
	para_lines_free(&pl);
	pv_diags_free(&d);
}

/* A character the font lacks: one error per character and paragraph,
 * naming the place and U+XXXX; the paragraph is still set. */
static void
test_missing_glyph(void **state)
{
	const char *text = "Planen 一 og 一 og 丁 er ferdig.";
	struct para_run r = run_of(text, regular, 10);
	struct para_style st = style_of(300, PARA_JUSTIFY, 1);
	struct para_lines pl;
	struct pv_diags d;
	char *m;

	pv_diags_init(&d);
	assert_int_equal(para_layout(&r, 1, &st, fs, hy, "plan.xhtml", 7, &pl,
	    &d), PV_EINPUT);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.errors, 2);
	m = pv_diag_format(&d.v[0]);
	assert_non_null(strstr(m, "plan.xhtml:7:"));
	assert_non_null(strstr(m, "U+4E00 '一'"));
	assert_non_null(strstr(m, "OpenSans"));
	free(m);
	m = pv_diag_format(&d.v[1]);
	assert_non_null(strstr(m, "U+4E01 '丁'"));
	free(m);
	assert_true(pl.nlines >= 1);
	check_text(&pl, text, strlen(text));
	para_lines_free(&pl);
	pv_diags_free(&d);
}

/* The first line is indented; right and centred lines are placed. */
static void
test_indent_and_align(void **state)
{
	char *text = paragraph(3);
	struct para_style st = style_of(200, PARA_LEFT, 1);
	struct para_lines pl;
	const struct para_line *ln;
	double end, left;
	size_t i;

	st.first_indent = 20;
	lay1(text, &st, &pl);
	check_geometry(&pl, &st);
	assert_true(fabs(pl.lines[0].frags[0].x - 20) < EPS);
	assert_true(fabs(pl.lines[1].frags[0].x) < EPS);
	para_lines_free(&pl);

	st = style_of(200, PARA_RIGHT, 1);
	lay1(text, &st, &pl);
	for (i = 0; i < pl.nlines; i++) {
		ln = &pl.lines[i];
		end = ln->frags[ln->nfrags - 1].x + ln->frags[ln->nfrags - 1].w;
		assert_true(fabs(end - 200) < EPS);
	}
	para_lines_free(&pl);

	st = style_of(200, PARA_CENTER, 1);
	lay1(text, &st, &pl);
	for (i = 0; i < pl.nlines; i++) {
		ln = &pl.lines[i];
		left = ln->frags[0].x;
		end = ln->frags[ln->nfrags - 1].x + ln->frags[ln->nfrags - 1].w;
		assert_true(fabs(left - (200 - end)) < EPS);
	}
	para_lines_free(&pl);
	free(text);
}

/* Ragged text: spaces are not stretched, and a line of one style is one
 * fragment with its spaces in it. */
static void
test_ragged_fragments(void **state)
{
	char *text = paragraph(4);
	struct para_style st = style_of(250, PARA_LEFT, 1);
	struct para_lines pl;
	size_t i;

	lay1(text, &st, &pl);
	for (i = 0; i < pl.nlines; i++) {
		assert_int_equal(pl.lines[i].nfrags, 1);
		assert_true(fabs(pl.lines[i].frags[0].w - pl.lines[i].width) <
		    EPS);
		assert_null(strstr(pl.lines[i].frags[0].text, "  "));
	}
	para_lines_free(&pl);
	free(text);
}

/* min and max content widths, with and without hyphenation, agree with
 * para_layout's. */
static void
test_measure(void **state)
{
	const char *text = "Plan for kompetanseutvikling i barnehagene";
	struct para_run r = run_of(text, regular, 10);
	struct para_style st = style_of(1000, PARA_LEFT, 1);
	struct para_lines pl;
	double mn, mx, mnh, mxh, word;

	para_measure(&r, 1, fs, hy, "nb", 0, &mn, &mx);
	para_measure(&r, 1, fs, hy, "nb", 1, &mnh, &mxh);
	/* The word as shaped (with its kerning), not the sum of its
	 * letters' advances. */
	{
		struct font_shaper *sh = font_shaper_new();
		struct font_glyph *g = NULL;
		size_t cap = 0, n, i;

		n = font_shape(sh, fs, regular, "kompetanseutvikling", 19,
		    &g, &cap, 0);
		for (word = 0, i = 0; i < n; i++)
			word += g[i].adv * 10 / 1000.0;
		free(g);
		font_shaper_free(sh);
	}
	assert_true(fabs(mn - word) < EPS);
	assert_true(mnh < mn);
	assert_true(fabs(mx - mxh) < EPS);
	lay1(text, &st, &pl);
	assert_int_equal(pl.nlines, 1);
	assert_true(fabs(pl.max_width - mx) < EPS);
	assert_true(fabs(pl.lines[0].width - mx) < EPS);
	assert_true(fabs(pl.min_width - mnh) < EPS);
	para_lines_free(&pl);

	/* Nothing at all, or only spaces: no lines, zero widths. */
	r = run_of("   ", regular, 10);
	para_measure(&r, 1, fs, hy, "nb", 1, &mn, &mx);
	assert_true(mn == 0 && mx == 0);
	lay1("   ", &st, &pl);
	assert_int_equal(pl.nlines, 0);
	para_lines_free(&pl);
	lay1("", &st, &pl);
	assert_int_equal(pl.nlines, 0);
	para_lines_free(&pl);
}

/* Hostile paragraphs: 100 000 one-letter words on a wide line (the
 * active list is capped), a paragraph of PARA_MAX_TEXT set in full and
 * one byte over refused, a 200 000-letter word set in full, a line 1 pt
 * wide. */
static void
test_hostile(void **state)
{
	struct para_style st = style_of(500, PARA_JUSTIFY, 1);
	struct para_lines pl;
	struct para_run r;
	struct pv_diags d;
	char *big;
	size_t i, n = 100000;
	clock_t t0 = clock();

	big = pv_xmalloc(2 * PARA_MAX_ITEMS + 2);
	for (i = 0; i < n; i++) {
		big[2 * i] = "abcdefghij"[i % 10];
		big[2 * i + 1] = ' ';
	}
	big[2 * n] = '\0';
	lay1(big, &st, &pl);
	check_geometry(&pl, &st);
	check_text(&pl, big, strlen(big));
	para_lines_free(&pl);

	/* PARA_MAX_TEXT bytes of one-letter words: all of it is set (the
	 * items can never run out, so nothing is cut). */
	for (i = 0; i < PARA_MAX_TEXT / 2; i++) {
		big[2 * i] = 'x';
		big[2 * i + 1] = ' ';
	}
	big[PARA_MAX_TEXT] = '\0';
	r = run_of(big, regular, 10);
	pv_diags_init(&d);
	assert_int_equal(para_layout(&r, 1, &st, fs, hy, "t.html", 3, &pl,
	    &d), PV_OK);
	assert_int_equal(d.n, 0);
	check_geometry(&pl, &st);
	check_text(&pl, big, PARA_MAX_TEXT);
	para_lines_free(&pl);
	pv_diags_free(&d);
	/* One byte more: refused before any work, nothing half-set. */
	big[PARA_MAX_TEXT] = 'x';
	big[PARA_MAX_TEXT + 1] = '\0';
	r = run_of(big, regular, 10);
	pv_diags_init(&d);
	assert_int_equal(para_layout(&r, 1, &st, fs, hy, "t.html", 3, &pl,
	    &d), PV_EINPUT);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "PARA_MAX_TEXT"));
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(pl.nlines, 0);
	pv_diags_free(&d);

	/* One word of 200 000 letters in a narrow column: every letter is
	 * set, broken between characters (the emergency pass gives two
	 * items a letter: more than the old cap of 2^18). */
	for (i = 0; i < 200000; i++)
		big[i] = "abcdefghijklmnopqrstuvwxyz"[i % 26];
	big[200000] = '\0';
	st = style_of(200, PARA_LEFT, 1);
	r = run_of(big, regular, 10);
	pv_diags_init(&d);
	assert_int_equal(para_layout(&r, 1, &st, fs, hy, "t.html", 3, &pl,
	    &d), PV_OK);
	assert_int_equal(d.n, 0);
	check_geometry(&pl, &st);
	check_text(&pl, big, 200000);
	para_lines_free(&pl);
	pv_diags_free(&d);
	free(big);
	st = style_of(500, PARA_JUSTIFY, 1);

	st = style_of(1, PARA_JUSTIFY, 1);
	lay1("Kompetanseutvikling i barnehagen", &st, &pl);
	assert_true(pl.nlines >= 20);
	para_lines_free(&pl);
	/* Quadratic work would take minutes, even without valgrind. */
	print_message("hostile paragraphs: %.0f ms\n",
	    (double)(clock() - t0) * 1000 / CLOCKS_PER_SEC);
	assert_true(clock() - t0 < 60 * CLOCKS_PER_SEC);
}

/* North Sami (its letters are in Open Sans; hyphenation falls back to
 * the bokmål patterns), at widths from a cell to a page. */
static void
test_sami(void **state)
{
	const char *text = "Sámegiella lea dehálaš oassi skuvlla "
	    "beaivválaš bargguin, ja mánát galget oažžut oahpahusa iežaset "
	    "gillii. Čálli ođđa giellaoahpa vuođul: ŋ ŧ đ š ž č á.";
	struct para_style st;
	struct para_lines pl;
	double w;

	for (w = 50; w <= 450; w += 50) {
		st = style_of(w, PARA_JUSTIFY, 1);
		st.lang = "se";
		lay1(text, &st, &pl);
		check_geometry(&pl, &st);
		check_text(&pl, text, strlen(text));
		para_lines_free(&pl);
	}
}

/* Random runs of everything the reader treats specially, in random
 * styles, widths and alignments: no crash, nothing past the width, every
 * character out once (run under valgrind and the sanitizers too). */
static void
test_random(void **state)
{
	static const char *const bits[] = {
		"kompetanse", "utvikling", "barnehage", "og", "i", " ", "  ",
		"\xc2\xa0", "\xc2\xad", "\xe2\x80\x8b", "\n", "-", "/", "://",
		"www.", "@", "?", "&", "=", ".", "2024", "æøå", "ÆØÅ", "čđŋšŧž",
		"\t", "\x01", "\xff", "\xe2\x82", "一", "a\xcc\x8a",
		"https://www.udir.no/a/b?c=d&e=f",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	static const enum para_align al[] = { PARA_JUSTIFY, PARA_LEFT,
	    PARA_RIGHT, PARA_CENTER };
	struct para_run r[6];
	struct para_style st;
	struct para_lines pl;
	struct pv_diags d;
	struct pv_buf b[6], all;
	size_t it, i, j, nr, nb;
	char *t, *u, *v;

	rnd_state = 4242;
	for (it = 0; it < 1500; it++) {
		nr = 1 + rnd() % 6;
		pv_buf_init(&all);
		pv_buf_puts(&all, "");
		for (i = 0; i < nr; i++) {
			pv_buf_init(&b[i]);
			pv_buf_puts(&b[i], "");
			nb = rnd() % 12;
			for (j = 0; j < nb; j++)
				pv_buf_puts(&b[i], bits[rnd() %
				    (sizeof(bits) / sizeof(bits[0]))]);
			r[i] = run_of(b[i].data, rnd() % 2 ? regular : bold,
			    8 + rnd() % 8);
			r[i].nowrap = rnd() % 5 == 0;
			r[i].uri = rnd() % 4 == 0 ? "https://x.no" : NULL;
			pv_buf_puts(&all, b[i].data);
		}
		has_br = strchr(all.data, '\n') != NULL;
		st = style_of(20 + rnd() % 400, al[rnd() % 4], rnd() % 2);
		if (rnd() % 4 == 0)
			st.first_indent = rnd() % 30;
		pv_diags_init(&d);
		(void)para_layout(r, nr, &st, fs, hy, "t.html", 1, &pl, &d);
		check_geometry(&pl, &st);
		t = lines_text(&pl);
		u = squeeze(all.data, all.len);
		v = squeeze(t, strlen(t));
		if (strcmp(u, v) != 0)
			fail_msg("case %zu:\n in: %s\nout: %s", it, u, v);
		free(t);
		free(u);
		free(v);
		para_lines_free(&pl);
		pv_diags_free(&d);
		for (i = 0; i < nr; i++)
			pv_buf_free(&b[i]);
		pv_buf_free(&all);
	}
	has_br = 0;
}

/* The text of line i without its added hyphen, the fragments joined. */
static char *
line_text(const struct para_lines *pl, size_t i)
{
	const struct para_line *ln = &pl->lines[i];
	struct pv_buf b;
	size_t j, n;

	pv_buf_init(&b);
	pv_buf_puts(&b, "");
	for (j = 0; j < ln->nfrags; j++) {
		n = ln->frags[j].len;
		if (ln->hyphenated && j + 1 == ln->nfrags)
			n--;
		if (j > 0 && ln->frags[j].x > ln->frags[j - 1].x +
		    ln->frags[j - 1].w + 0.01)
			pv_buf_putc(&b, ' ');
		pv_buf_put(&b, ln->frags[j].text, n);
	}
	return pv_buf_take(&b);
}

static void
lay_runs(struct para_run *r, size_t n, const struct para_style *st,
    struct para_lines *pl)
{
	struct pv_diags d;

	pv_diags_init(&d);
	assert_int_equal(para_layout(r, n, st, fs, hy, "t.html", 1, pl, &d),
	    PV_OK);
	pv_diags_free(&d);
}

/* No line begins with , . ; : ! ? ) or ends with (, also where the
 * comma follows a link or emphasis, or a space stands before it
 * ("kompetanse.udir.no :"), at any width. */
static void
test_no_punct_start(void **state)
{
	struct para_run r[6];
	struct para_style st;
	struct para_lines pl;
	size_t i, k;
	char *t;
	int w;

	r[0] = run_of("Motiverte elever, ", regular, 9);
	r[1] = run_of("elevengasjement", bold, 9);
	r[1].uri = "https://x.no";
	r[2] = run_of(", mestring og ", regular, 9);
	r[3] = run_of("kompetanse.udir.no", regular, 9);
	r[3].uri = "https://kompetanse.udir.no";
	r[4] = run_of(" : pakker for ( skolen ) og barnehagen", regular, 9);
	r[5] = run_of("; Barnehagemyndighet!", bold, 9);
	/* From 46 pt, where "( skolen )" fits; narrower, a tie may go as
	 * the very last resort. */
	for (k = 0; k < 2; k++)
		for (w = 46; w <= 300; w += 2) {
			st = style_of(w, k ? PARA_LEFT : PARA_JUSTIFY, 1);
			lay_runs(r, 6, &st, &pl);
			check_geometry(&pl, &st);
			for (i = 0; i < pl.nlines; i++) {
				t = line_text(&pl, i);
				if (i > 0 && t[0] != '\0' &&
				    strchr(",.;:!?)", t[0]) != NULL)
					fail_msg("width %d: line %zu starts "
					    "with '%s'", w, i, t);
				if (i + 1 < pl.nlines && t[0] != '\0' &&
				    t[strlen(t) - 1] == '(')
					fail_msg("width %d: line %zu ends "
					    "with '%s'", w, i, t);
				free(t);
			}
			para_lines_free(&pl);
		}
}

/* `text` set justified in a width `extra` points wider than `head`
 * alone: the width where the first line must end near the head's end. */
static void
lay_after_head(const char *head, const char *text, double extra,
    struct para_lines *pl)
{
	struct para_run r = run_of(head, regular, 10);
	struct para_style st;
	double mn, mx;

	para_measure(&r, 1, fs, hy, "nb", 0, &mn, &mx);
	st = style_of(mx + extra, PARA_JUSTIFY, 1);
	lay1(text, &st, pl);
	check_geometry(pl, &st);
	check_text(pl, text, strlen(text));
}

/* A long word after "(COS)/" does not force the line before it apart:
 * the line may end after the slash (Søndre Land p12 had spaces of
 * 0.78 em before "(COS)/tilknytningspsykologi."). */
static void
test_break_after_bracket_slash(void **state)
{
	struct para_lines pl;
	char *t;

	(void)state;
	lay_after_head("kompetanseutvikling for ansatte i barnehage og "
	    "skole knyttet til Circle of security (COS)/",
	    "kompetanseutvikling for ansatte i barnehage og skole knyttet "
	    "til Circle of security (COS)/tilknytningspsykologi.", 4, &pl);
	assert_int_equal(pl.nlines, 2);
	t = line_text(&pl, 0);
	assert_true(strlen(t) > 6 &&
	    strcmp(t + strlen(t) - 6, "(COS)/") == 0);
	free(t);
	para_lines_free(&pl);
}

/* "kompetanse- og organisasjonsutvikling": the hyphen that ends a word
 * is no compound's, and the letters before it hyphenate (Sandnes p9 had
 * 0.77 em spaces before an unbreakable "kompetanse-"). */
static void
test_hyphenate_before_trailing_hyphen(void **state)
{
	struct para_lines pl;

	(void)state;
	lay_after_head("Planlegge og støtte opp under lærernes pedagogiske "
	    "arbeid med IKT, gjennom kompe-",
	    "Planlegge og støtte opp under lærernes pedagogiske arbeid med "
	    "IKT, gjennom kompetanse- og organisasjonsutvikling", 2, &pl);
	assert_int_equal(pl.nlines, 2);
	assert_true(pl.lines[0].hyphenated);
	para_lines_free(&pl);
}

/* Where a line ends inside a word (not at a space), it shows it: an
 * added hyphen, or the word's own '-' or '/'.  Long Norwegian words in
 * narrow table cells. */
static void
test_no_break_without_hyphen(void **state)
{
	const char *text = "Halvårsplaner/årsplaner/modulplanlegging "
	    "Barnehagemyndighet skoleledere, barnehagemyndighet, "
	    "Profesjonsfellesskap Læringsfremmende vurdering "
	    "Kompetanseutviklingsstrategi";
	struct para_style st;
	struct para_lines pl;
	const char *p;
	size_t i, k, n;
	char *t, *q;
	int w;

	for (k = 0; k < 4; k++)
		for (w = 35; w <= 120; w += 1) {
			st = style_of(w, k % 2 ? PARA_LEFT : PARA_JUSTIFY,
			    k < 2);
			lay1(text, &st, &pl);
			check_geometry(&pl, &st);
			check_text(&pl, text, strlen(text));
			p = text;
			for (i = 0; i < pl.nlines; i++) {
				t = line_text(&pl, i);
				for (q = t; *q != '\0'; q++) {
					while (*p == ' ')
						p++;
					if (*q != ' ')
						p++;
				}
				n = strlen(t);
				if (i + 1 < pl.nlines && *p != ' ' &&
				    !pl.lines[i].hyphenated && n > 0 &&
				    t[n - 1] != '-' && t[n - 1] != '/')
					fail_msg("width %d: '%s' broken without "
					    "a hyphen", w, t);
				free(t);
			}
			para_lines_free(&pl);
		}
}

/* "1 087 500", "kr 879 000", "1. september" and "Uke 38" stay on one
 * line, with plain spaces and with no-break spaces, at any width. */
static void
test_numbers_whole(void **state)
{
	static const char *const texts[] = {
		"Tilskuddet er 1 087 500 kroner (kr 879 000 i 2024) fra "
		"1. september, og samlingen er i Uke 38 og uke 42.",
		"Tilskuddet er 1\u00a0087\u00a0500 kroner (kr\u00a0879\u00a0000 "
		"i 2024) fra 1.\u00a0september, og samlingen er i Uke\u00a038.",
	};
	struct para_style st;
	struct para_lines pl;
	size_t i, k, a;
	char *t, *u, *e;
	int w;

	for (k = 0; k < 2; k++)
		for (a = 0; a < 2; a++)
			/* From where "kr 879 000" (48.8 pt) fits. */
			for (w = 49; w <= 250; w += 1) {
				st = style_of(w, a ? PARA_LEFT : PARA_JUSTIFY,
				    1);
				lay1(texts[k], &st, &pl);
				check_geometry(&pl, &st);
				check_text(&pl, texts[k], strlen(texts[k]));
				for (i = 0; i + 1 < pl.nlines; i++) {
					t = line_text(&pl, i);
					u = line_text(&pl, i + 1);
					e = strrchr(t, ' ');
					e = e != NULL ? e + 1 : t;
					if ((strlen(e) > 0 &&
					    e[strlen(e) - 1] >= '0' &&
					    e[strlen(e) - 1] <= '9' &&
					    u[0] >= '0' && u[0] <= '9') ||
					    ((strcmp(e, "kr") == 0 ||
					    strcmp(e, "Uke") == 0 ||
					    strcmp(e, "uke") == 0) &&
					    u[0] >= '0' && u[0] <= '9') ||
					    (strcmp(e, "1.") == 0 &&
					    strncmp(u, "september", 9) == 0))
						fail_msg("width %d: '%s' / '%s'",
						    w, t, u);
					free(t);
					free(u);
				}
				para_lines_free(&pl);
			}
}

/* A paragraph of URLs: set ragged, the URLs broken after their
 * separators without a hyphen, and no short word left alone on a line
 * but the last. */
static void
test_url_paragraph(void **state)
{
	const char *text = "Med tilhørende film: www.udir.no/laring-og-"
	    "trivsel/lareplanverket/stottemateriell-til-overordnet-del/"
	    "film-profesjonsfellesskap-og-skoleutvikling/ og "
	    "https://www.udir.no/lk20/lk20-pil-innstillinger-og-"
	    "spraktekster/Planleggingsverktoy-i-lareplanvisningen/ eller "
	    "arne.kvendseth@vestvagoy.kommune.no";
	struct para_style st;
	struct para_lines pl;
	const struct para_line *ln;
	size_t i;
	char *t, *e;
	int w;

	for (w = 120; w <= 460; w += 5) {
		st = style_of(w, PARA_JUSTIFY, 1);
		lay1(text, &st, &pl);
		check_geometry(&pl, &st);
		check_text(&pl, text, strlen(text));
		assert_true(pl.ragged);
		for (i = 0; i + 1 < pl.nlines; i++) {
			ln = &pl.lines[i];
			t = line_text(&pl, i);
			if (strchr(t, ' ') == NULL && ln->width < 0.5 * w)
				fail_msg("width %d: a lone word '%s'", w, t);
			e = strrchr(t, ' ') != NULL ? strrchr(t, ' ') + 1 : t;
			if (ln->hyphenated && (strchr(e, '/') != NULL ||
			    strchr(e, '@') != NULL || strchr(e, '.') != NULL))
				fail_msg("width %d: a hyphen added in a URL "
				    "'%s'", w, t);
			/* Nor a URL's own '-' at the end of a line, which
			 * readers (and pdftotext) take for a hyphen. */
			if (!ln->hyphenated && t[0] != '\0' &&
			    t[strlen(t) - 1] == '-')
				fail_msg("width %d: a URL line ends in '-': "
				    "'%s'", w, t);
			free(t);
		}
		para_lines_free(&pl);
	}
}

/* The breaker alone, on made-up items. */
static struct lb_item
box(double w)
{
	struct lb_item it;

	memset(&it, 0, sizeof(it));
	it.kind = LB_BOX;
	it.w = w;
	return it;
}

static struct lb_item
glue(double w, double y, double z)
{
	struct lb_item it;

	memset(&it, 0, sizeof(it));
	it.kind = LB_GLUE;
	it.w = w;
	it.stretch = y;
	it.shrink = z;
	return it;
}

static struct lb_item
penalty(double w, int p, int flags)
{
	struct lb_item it;

	memset(&it, 0, sizeof(it));
	it.kind = LB_PENALTY;
	it.w = w;
	it.penalty = p;
	it.flags = (uint8_t)flags;
	return it;
}

static void
test_linebreak(void **state)
{
	struct lb_item it[64];
	struct lb_params p;
	struct lb_scratch sc;
	size_t *b, nb, n = 0, i;

	memset(&p, 0, sizeof(p));
	memset(&sc, 0, sizeof(sc));
	p.width_first = p.width_rest = 100;
	p.tolerance = 200;
	p.line_penalty = 10;
	p.adj_demerits = 10000;
	p.ragged_stretch = 20;

	/* Ten words of 18 and spaces of 4 (+2 -1): 4 per line, exactly
	 * 18*4+3*4 = 84, stretched to 100 needs r = 16/6: too loose; five
	 * need 18*5+4*4 = 106, shrunk by 6 of 4: tight but fine. */
	for (i = 0; i < 10; i++) {
		if (i > 0)
			it[n++] = glue(4, 2, 1.5);
		it[n++] = box(18);
	}
	it[n++] = penalty(0, -LB_INF, 0);
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	assert_int_equal(nb, 2);
	assert_int_equal(b[0], 9);      /* the glue after word 5 */
	free(b);

	/* A forced break in the middle. */
	it[5] = penalty(0, -LB_INF, 0);
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	assert_int_equal(b[0], 5);
	free(b);

	/* A box wider than the line: no pass but the final one finds lines,
	 * and that one cuts after the box. */
	n = 0;
	it[n++] = box(10);
	it[n++] = glue(4, 2, 1);
	it[n++] = box(150);
	it[n++] = glue(4, 2, 1);
	it[n++] = box(10);
	it[n++] = penalty(0, -LB_INF, 0);
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), -1);
	free(b);
	p.final = 1;
	p.tolerance = HUGE_VAL;
	p.emergency_stretch = 10;
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	assert_int_equal(nb, 3);
	assert_int_equal(b[0], 1);
	assert_int_equal(b[1], 3);
	free(b);

	/* After a half word, only a hyphenated line fits (a line of whole
	 * words would stretch its space sevenfold): the paragraph is one
	 * ladder.  Before the final pass a third hyphen in a row is no
	 * option, so those passes fail; the final one takes the ladder. */
	p.final = 0;
	p.tolerance = 10000;
	p.emergency_stretch = 0;
	p.hyphenate = 1;
	p.double_hyphen_demerits = 10000;
	p.triple_hyphen_demerits = 1e8;
	n = 0;
	it[n++] = box(20);
	for (i = 0; i < 8; i++) {
		it[n++] = glue(5, 5, 2);
		it[n++] = box(20);
		it[n++] = penalty(5, 50, LBF_FLAGGED | LBF_HYPHEN | LBF_DICT);
		it[n++] = box(20);
	}
	it[n++] = penalty(0, -LB_INF, 0);
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), -1);
	free(b);
	p.final = 1;
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	assert_true(nb >= 4);
	assert_int_equal(b[nb - 1], n - 1);
	free(b);
	/* Priced like any other pair, the ladder is simply the best. */
	p.final = 0;
	p.triple_hyphen_demerits = 0;
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	assert_int_equal(nb, 5);
	for (i = 0; i + 1 < nb; i++)
		assert_true(it[b[i]].flags & LBF_FLAGGED);
	free(b);
	/* Without the dictionary's points (as in the first pass): no
	 * hyphen, however loose the lines. */
	p.hyphenate = 0;
	p.final = 1;
	assert_int_equal(lb_break(it, n, &p, &sc, &b, &nb), 0);
	for (i = 0; i + 1 < nb; i++)
		assert_int_equal(it[b[i]].kind, LB_GLUE);
	free(b);
	lb_scratch_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_url_breaks),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_never_hyphenated),
		cmocka_unit_test(test_soft_hyphen),
		cmocka_unit_test(test_ladders),
		cmocka_unit_test(test_spacing),
		cmocka_unit_test(test_nowrap),
		cmocka_unit_test(test_br),
		cmocka_unit_test(test_nbsp),
		cmocka_unit_test(test_runs_in_word),
		cmocka_unit_test(test_missing_glyph),
		cmocka_unit_test(test_indent_and_align),
		cmocka_unit_test(test_ragged_fragments),
		cmocka_unit_test(test_measure),
		cmocka_unit_test(test_sami),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_no_punct_start),
		cmocka_unit_test(test_no_break_without_hyphen),
		cmocka_unit_test(test_numbers_whole),
		cmocka_unit_test(test_url_paragraph),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_linebreak),
		cmocka_unit_test(test_ragged_cell_keeps_words),
		cmocka_unit_test(test_break_after_bracket_slash),
		cmocka_unit_test(test_hyphenate_before_trailing_hyphen),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
