/*
 * paragraph.c - setting one paragraph: the passes, and the lines as
 * positioned fragments.
 *
 * The runs become items once (para_items.c), with the dictionary's
 * hyphenation points among them when the style hyphenates.  Then, as in
 * TeX, the breaker tries passes of growing leniency until one succeeds:
 *   1. no hyphenation, a strict tolerance (most ragged paragraphs end
 *      here, and justified ones whose spaces need not stretch much);
 *   2. with hyphenation and URL breaks, a wider tolerance;
 *   3. a much wider tolerance, words wider than a line cut between
 *      characters, and lines without spaces judged by how empty they are;
 *   4. anything that is not overfull (this one cannot fail).
 * So the answer is always a set of lines, and none is wider than the
 * style's width unless a single character is.
 *
 * This file must never print, never exit, and never leave a line whose
 * fragments overlap or run past the width.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/buf.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "para_int.h"

/* The passes (see the top of linebreak.c for what the numbers mean). */
#define PARA_PRETOLERANCE 100   /* first pass, no hyphenation */
#define PARA_TOLERANCE 400      /* second pass, with hyphenation */
#define PARA_LINE_PENALTY 10
/* The last passes: the stretch a line without spaces is judged with (so
 * that a lone word costs by how empty its line is), as a fraction of the
 * width, and the third pass's tolerance. */
#define PARA_EMERGENCY_STRETCH 0.05
#define PARA_EMERGENCY_TOLERANCE 5000
#define PARA_DOUBLE_HYPHEN_DEMERITS 10000
#define PARA_TRIPLE_HYPHEN_DEMERITS 1e11
#define PARA_FINAL_HYPHEN_DEMERITS 5000
#define PARA_ADJ_DEMERITS 10000
#define PARA_LAST_WORD_DEMERITS 2000
/* Ragged lines: the trailing space that costs as much as a justified
 * line stretched to the pretolerance, as a fraction of the width. */
#define PARA_RAGGED_FRACTION (1.0 / 6)
/* ... but never less than this many ems: in a narrow table cell a line
 * half empty is what readers expect, and better than a word hyphenated
 * in a cell of three words ("Person 6 (Råd-/giver)"). */
#define PARA_RAGGED_MIN_EMS 2.5

/* Fragments and text of the line being built. */
struct para_out {
	struct para_ctx *c;
	struct para_frag *f;
	size_t nf, capf;
	struct pv_buf t;        /* text of the open fragment */
	int open;
};

static int
same_style(const struct para_frag *f, const struct para_run *r)
{
	return f->face == r->face && f->size == r->size &&
	    f->color == r->color && f->uri == r->uri && f->role == r->role &&
	    f->elem == r->elem;
}

/* Append text to the open fragment, leaving out what must not be shown:
 * soft hyphens, zero-width spaces, control characters; a byte that is not
 * UTF-8 becomes U+FFFD.  Most paragraphs have none of these (`special`
 * is 0), and their text is copied as it is. */
static void
put_text(struct pv_buf *b, const char *s, size_t n, int special)
{
	size_t i, k;
	uint32_t cp;
	char enc[4];

	if (!special) {
		pv_buf_put(b, s, n);
		return;
	}
	pv_buf_reserve(b, n);
	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7F)
				pv_buf_putc(b, s[i]);
			continue;
		}
		if ((k = pv_utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			pv_buf_put(b, enc, pv_utf8_encode(0xFFFD, enc));
			continue;
		}
		if (cp == 0xAD || cp == 0x200B)
			continue;
		pv_buf_put(b, s + i, k);
	}
}

/*
 * The glyphs of a fragment: its words and spaces shaped one by one, as
 * line breaking measured them (a hyphenated piece with its hyphen), from
 * the engine's cache.
 */
static void
frag_glyphs(struct para_out *o, struct para_frag *f)
{
	const struct font_glyph *g;
	size_t i, j, k, ng, n = 0, cap = 0;
	int32_t w;

	if (o->c->shape == NULL || o->c->fs == NULL || f->len == 0)
		return;
	for (i = 0; i < f->len; i = j) {
		/* A space (or U+00A0) alone, or a run up to the next. */
		if (f->text[i] == ' ')
			j = i + 1;
		else if ((unsigned char)f->text[i] == 0xC2 && i + 1 < f->len &&
		    (unsigned char)f->text[i + 1] == 0xA0)
			j = i + 2;
		else
			for (j = i + 1; j < f->len && f->text[j] != ' ' &&
			    !((unsigned char)f->text[j] == 0xC2 &&
			    j + 1 < f->len &&
			    (unsigned char)f->text[j + 1] == 0xA0); j++)
				;
		g = para_shape(o->c->shape, o->c->fs, f->face, f->text + i,
		    j - i, &ng, &w);
		PV_GROW(f->glyphs, cap, n + ng);
		for (k = 0; k < ng; k++) {
			f->glyphs[n + k] = g[k];
			f->glyphs[n + k].cluster += (uint32_t)i;
		}
		n += ng;
	}
	f->nglyphs = n;
}

static void
frag_close(struct para_out *o)
{
	struct para_frag *f;

	if (!o->open)
		return;
	f = &o->f[o->nf - 1];
	f->len = o->t.len;
	f->text = pv_xmalloc(o->t.len + 1);
	memcpy(f->text, o->t.len ? o->t.data : "", o->t.len);
	f->text[o->t.len] = '\0';
	frag_glyphs(o, f);
	pv_buf_clear(&o->t);
	o->open = 0;
}

static struct para_frag *
frag_open(struct para_out *o, const struct para_run *r, double x)
{
	struct para_frag *f;

	frag_close(o);
	PV_GROW(o->f, o->capf, o->nf + 1);
	f = &o->f[o->nf++];
	memset(f, 0, sizeof(*f));
	f->x = x;
	f->face = r->face;
	f->size = r->size;
	f->color = r->color;
	f->uri = r->uri;
	f->role = r->role;
	f->elem = r->elem;
	o->open = 1;
	return f;
}

/* Ascent and descent of a face at a size, pt (descent > 0). */
static void
face_box(const struct para_ctx *c, int face, double size, double *a,
    double *d)
{
	if (c->fs == NULL) {
		*a = 0.75 * size;
		*d = 0.25 * size;
	} else {
		*a = font_ascent(c->fs, face) * size / 1000.0;
		*d = -font_descent(c->fs, face) * size / 1000.0;
	}
}

/* The line's height from its fragments; an empty line (two <br> in a
 * row) is as tall as the text of the run it is in. */
static void
line_metrics(const struct para_ctx *c, struct para_line *ln, size_t run)
{
	double a, d;
	size_t i;

	if (ln->nfrags == 0) {
		face_box(c, c->runs[run].face, c->runs[run].size, &ln->ascent,
		    &ln->descent);
		return;
	}
	ln->ascent = ln->descent = 0;
	for (i = 0; i < ln->nfrags; i++) {
		face_box(c, ln->frags[i].face, ln->frags[i].size, &a, &d);
		if (a > ln->ascent)
			ln->ascent = a;
		if (d > ln->descent)
			ln->descent = d;
	}
}

/*
 * Set the items from..to (to: the break) as one line of target width T
 * starting at x0.
 */
static void
set_line(struct para_out *o, const struct para_style *st, size_t from,
    size_t to, double T, double x0, struct para_line *ln)
{
	struct para_ctx *c = o->c;
	const struct lb_item *items = c->items, *it;
	const struct para_run *r;
	struct para_frag *f = NULL;
	double L, ratio, x, gw;
	int stretched, prev_box = 0;
	size_t i;

	memset(ln, 0, sizeof(*ln));
	ratio = lb_line_ratio(items, from, to, T, &L);
	stretched = st->align == PARA_JUSTIFY && ratio != 0;
	if (st->align != PARA_JUSTIFY)
		ratio = 0;
	x = x0;
	if (L < T && st->align == PARA_RIGHT)
		x += T - L;
	else if (L < T && st->align == PARA_CENTER)
		x += (T - L) / 2;

	o->nf = 0;
	o->open = 0;
	for (i = from; i < to; i++) {
		it = &items[i];
		r = &c->runs[it->run];
		if (it->kind == LB_BOX) {
			if (f == NULL || !o->open || !same_style(f, r) ||
			    (!prev_box && stretched))
				f = frag_open(o, r, x);
			put_text(&o->t, r->text + it->off, it->len,
			    c->special);
			f->w += it->w;
			x += it->w;
			prev_box = 1;
		} else if (it->kind == LB_GLUE) {
			gw = it->w;
			if (stretched)
				gw += ratio > 0 ? ratio * it->stretch :
				    ratio * it->shrink;
			if (!stretched && o->open && same_style(f, r) &&
			    i + 1 < to) {
				/* A space inside a fragment: the text gets
				 * it, so that copying gives the words (a
				 * U+00A0 the font lacks was measured as a
				 * space, and is written as one). */
				if (it->len > 0 && c->fs != NULL &&
				    font_has_glyph(c->fs, r->face, 0xA0))
					put_text(&o->t, r->text + it->off,
					    it->len, c->special);
				else
					pv_buf_putc(&o->t, ' ');
				f->w += gw;
			} else
				frag_close(o);
			x += gw;
			prev_box = 0;
		}
		/* A penalty not broken at is nothing. */
	}
	it = &items[to];
	/* A line narrower than the one piece on it (a first line all
	 * indent) is overfull whatever is done; its hyphen would only make
	 * it more so. */
	if (it->kind == LB_PENALTY && (it->flags & LBF_HYPHEN) &&
	    !(to - from == 1 && x + it->w > x0 + T + 1e-6)) {
		r = &c->runs[it->run];
		if (f == NULL || !o->open)
			f = frag_open(o, r, x);
		pv_buf_putc(&o->t, '-');
		f->w += it->w;
		ln->hyphenated = 1;
	}
	frag_close(o);

	ln->width = L;
	ln->nfrags = o->nf;
	if (o->nf > 0) {
		ln->frags = pv_xreallocarray(NULL, o->nf, sizeof(*ln->frags));
		memcpy(ln->frags, o->f, o->nf * sizeof(*ln->frags));
	}
	line_metrics(c, ln, it->run);
}

static void
report_missing(const struct para_ctx *c, const char *file, int line,
    struct pv_diags *d)
{
	const char *name;
	char enc[5];
	size_t i, k;

	for (i = 0; i < c->nmissing; i++) {
		name = c->fs != NULL ? font_postscript_name(c->fs,
		    c->missing[i].face) : NULL;
		k = pv_utf8_encode(c->missing[i].cp, enc);
		enc[k] = '\0';
		pv_diag(d, PV_ERROR, file, line, 0,
		    "the font '%s' has no glyph for U+%04X '%s'; use a font "
		    "that has it (fonts/fonts.json) or leave the character out",
		    name != NULL ? name : "?", (unsigned)c->missing[i].cp,
		    enc);
	}
	if (c->nmissing_more > 0)
		pv_diag(d, PV_ERROR, file, line, 0,
		    "the font lacks %zu more characters of this paragraph",
		    c->nmissing_more);
}

/*
 * Right-to-left text is refused, naming its words (the stretch between
 * spaces around the first such character, at most 60 bytes): it would
 * otherwise come out unjoined and backwards.
 */
static void
report_rtl(const struct para_ctx *c, const char *file, int line,
    struct pv_diags *d)
{
	const struct para_run *r = &c->runs[c->rtl_run];
	size_t a = c->rtl_off, z = c->rtl_off, n;
	uint32_t cp = 0;

	while (a > 0 && r->text[a - 1] != ' ' && c->rtl_off - a < 30)
		a--;
	while (a < c->rtl_off && ((unsigned char)r->text[a] & 0xC0) == 0x80)
		a++;
	while (z < r->len && r->text[z] != ' ' && z - c->rtl_off < 30)
		z++;
	while (z > c->rtl_off + 1 && z < r->len &&
	    ((unsigned char)r->text[z] & 0xC0) == 0x80)
		z--;
	n = z - a;
	pv_utf8_decode(r->text + c->rtl_off, r->len - c->rtl_off, &cp);
	pv_diag(d, PV_ERROR, file, line, 0,
	    "right-to-left text (U+%04X) cannot be set yet: '%.*s'; "
	    "planverk does not set Arabic or Hebrew script, so write the "
	    "text in Latin letters or leave it out", (unsigned)cp, (int)n,
	    r->text + a);
}

static void
set_params(struct lb_params *p, const struct para_style *st,
    const struct para_run *runs)
{
	memset(p, 0, sizeof(*p));
	p->width_rest = st->width;
	p->width_first = st->width - st->first_indent;
	p->ragged = st->align != PARA_JUSTIFY;
	p->ragged_stretch = st->width * PARA_RAGGED_FRACTION;
	if (p->ragged_stretch < PARA_RAGGED_MIN_EMS * runs[0].size)
		p->ragged_stretch = PARA_RAGGED_MIN_EMS * runs[0].size;
	if (!(p->ragged_stretch > 0))
		p->ragged_stretch = 1;
	p->tolerance = PARA_PRETOLERANCE;
	p->line_penalty = PARA_LINE_PENALTY;
	p->double_hyphen_demerits = PARA_DOUBLE_HYPHEN_DEMERITS;
	p->triple_hyphen_demerits = PARA_TRIPLE_HYPHEN_DEMERITS;
	p->final_hyphen_demerits = PARA_FINAL_HYPHEN_DEMERITS;
	p->adj_demerits = PARA_ADJ_DEMERITS;
	p->last_word_demerits = PARA_LAST_WORD_DEMERITS;
}

enum pv_status
para_layout(const struct para_run *runs, size_t nruns,
    const struct para_style *st, const struct fontset *fs,
    struct para_engine *eng, const char *file, int line,
    struct para_lines *out, struct pv_diags *diags)
{
	struct para_ctx c;
	struct para_out o;
	struct lb_params p;
	struct lb_scratch sc;
	struct para_stats unused, *stats = eng ? &eng->stats : &unused;
	struct para_style ragged;
	struct hyphenator *hyph = eng ? eng->hy : NULL;
	enum pv_status status = PV_OK;
	size_t *brk = NULL, nbrk = 0, i, from;
	double wmax, wmin;
	int ok = -1;

	memset(out, 0, sizeof(*out));
	if (nruns == 0)
		return PV_OK;
	for (i = 0, from = 0; i < nruns; i++)
		from += runs[i].len;
	if (from > PARA_MAX_TEXT) {
		if (diags != NULL)
			pv_diag(diags, PV_ERROR, file, line, 0,
			    "this paragraph has %zu bytes of text, more than "
			    "the %u planverk sets in one paragraph or word "
			    "(PARA_MAX_TEXT); split it into shorter paragraphs",
			    from, PARA_MAX_TEXT);
		return PV_EINPUT;
	}
	para_ctx_init(&c, runs, nruns, fs, hyph, st->lang);
	c.shape = eng ? eng->shape : NULL;
	memset(&sc, 0, sizeof(sc));
	set_params(&p, st, runs);
	c.justify = st->align == PARA_JUSTIFY;
	c.hyphenate = st->hyphenate && hyph != NULL;
	c.url_breaks = 1;
	c.report = 1;
	para_items_build(&c);
	if (c.rtl_run >= 0) {
		if (diags != NULL)
			report_rtl(&c, file, line, diags);
		status = PV_EINPUT;
		goto done;
	}
	if (c.nmissing > 0) {
		if (diags != NULL)
			report_missing(&c, file, line, diags);
		status = PV_EINPUT;
	}
	if (c.truncated)
		goto truncated;
	if (c.nitems == 0)
		goto done;
	/* A paragraph that is mostly URLs is set ragged-right: their
	 * pieces do not stretch, and justifying the words around them
	 * would pull those apart. */
	if (st->align == PARA_JUSTIFY && c.url_w > 0 &&
	    c.url_w * 2 >= c.words_w) {
		ragged = *st;
		ragged.align = PARA_LEFT;
		st = &ragged;
		out->ragged = 1;
		set_params(&p, st, runs);
		c.justify = 0;
		para_items_build(&c);
		if (c.truncated)
			goto truncated;
	}
	out->min_width = c.min_width;
	out->max_width = c.max_width;
	c.report = 0;

	wmax = p.width_first > p.width_rest ? p.width_first : p.width_rest;
	wmin = p.width_first < p.width_rest ? p.width_first : p.width_rest;
	stats->paragraphs++;
	/* A piece wider than every line makes the first two passes
	 * hopeless. */
	if (c.max_seg <= wmax) {
		ok = lb_break(c.items, c.nitems, &p, &sc, &brk, &nbrk);
		if (ok == 0)
			stats->pass[0]++;
		else {
			/* Dictionary points are only in the items if the
			 * style hyphenates. */
			p.hyphenate = 1;
			p.tolerance = PARA_TOLERANCE;
			ok = lb_break(c.items, c.nitems, &p, &sc, &brk, &nbrk);
			if (ok == 0)
				stats->pass[1]++;
		}
	}
	if (ok < 0) {
		/* Breaks between characters only where a piece is wider
		 * than a line; otherwise the items stay as they are. */
		if (c.max_seg > wmin) {
			c.emergency = wmin > 0.001 ? wmin : 0.001;
			para_items_build(&c);
			if (c.truncated)
				goto truncated;
		}
		p.hyphenate = 1;
		p.tolerance = PARA_EMERGENCY_TOLERANCE;
		p.emergency_stretch = PARA_EMERGENCY_STRETCH * p.width_rest;
		ok = lb_break(c.items, c.nitems, &p, &sc, &brk, &nbrk);
		if (ok == 0)
			stats->pass[2]++;
	}
	if (ok < 0) {
		stats->pass[3]++;
		p.final = 1;
		p.tolerance = HUGE_VAL;
		ok = lb_break(c.items, c.nitems, &p, &sc, &brk, &nbrk);
	}
	if (ok < 0) {
		/* Cannot happen: the final pass always finds lines. */
		if (diags != NULL)
			pv_diag(diags, PV_ERROR, file, line, 0,
			    "internal error: no line breaks for a paragraph");
		status = PV_EINTERNAL;
		goto done;
	}

	memset(&o, 0, sizeof(o));
	o.c = &c;
	pv_buf_init(&o.t);
	out->lines = pv_xreallocarray(NULL, nbrk, sizeof(*out->lines));
	out->nlines = nbrk;
	for (i = 0, from = 0; i < nbrk; i++) {
		if (i > 0)
			from = lb_line_start(c.items, c.nitems, brk[i - 1]);
		set_line(&o, st, from, brk[i], i == 0 ? p.width_first :
		    p.width_rest, i == 0 ? st->first_indent : 0,
		    &out->lines[i]);
	}
	free(o.f);
	pv_buf_free(&o.t);
	goto done;
truncated:
	/* Cannot happen (PARA_MAX_ITEMS): never set only a part. */
	if (diags != NULL)
		pv_diag(diags, PV_ERROR, file, line, 0, "internal error: the "
		    "paragraph needs more than %u line-breaking items",
		    PARA_MAX_ITEMS);
	status = PV_EINTERNAL;
done:
	free(brk);
	lb_scratch_free(&sc);
	para_ctx_free(&c);
	return status;
}

void
para_lines_free(struct para_lines *pl)
{
	size_t i, j;

	if (pl == NULL)
		return;
	for (i = 0; i < pl->nlines; i++) {
		for (j = 0; j < pl->lines[i].nfrags; j++) {
			free(pl->lines[i].frags[j].text);
			free(pl->lines[i].frags[j].glyphs);
		}
		free(pl->lines[i].frags);
	}
	free(pl->lines);
	memset(pl, 0, sizeof(*pl));
}

void
para_measure(const struct para_run *runs, size_t nruns,
    const struct fontset *fs, struct para_engine *eng, const char *lang,
    int hyphenate, double *min_width, double *max_width)
{
	struct para_ctx c;
	struct hyphenator *hyph = eng ? eng->hy : NULL;

	*min_width = *max_width = 0;
	if (nruns == 0)
		return;
	para_ctx_init(&c, runs, nruns, fs, hyph, lang);
	c.shape = eng ? eng->shape : NULL;
	c.justify = 0;
	c.hyphenate = hyphenate && hyph != NULL;
	c.url_breaks = 1;
	para_items_build(&c);
	*min_width = c.min_width;
	*max_width = c.max_width;
	para_ctx_free(&c);
}

struct para_engine *
para_engine_new(void)
{
	struct para_engine *e = pv_xcalloc(1, sizeof(*e));

	e->hy = hyphenator_new();
	e->shape = para_shape_new();
	return e;
}

void
para_engine_free(struct para_engine *e)
{
	if (e == NULL)
		return;
	hyphenator_free(e->hy);
	para_shape_free(e->shape);
	free(e);
}

void
para_engine_prepare(struct para_engine *e, const char *lang,
    const char *text, size_t len)
{
	if (e != NULL)
		hyphenator_prepare(e->hy, lang, text, len);
}

void
para_engine_stats(const struct para_engine *e, struct para_stats *out)
{
	if (e != NULL)
		*out = e->stats;
	else
		memset(out, 0, sizeof(*out));
}
