/*
 * layout_text.c - from inline content to lines to slices.
 *
 * Builds the styled runs of an inline container (strong, em, code, links,
 * tick boxes), hands them to the paragraph setter (paragraph.h), and turns
 * the lines it returns into slices with widow and orphan control.  A
 * character the text face lacks (a tick box, a rare symbol) is taken from
 * the fallback family when that has it, so that one symbol does not stop
 * a document.  Nothing here decides about pages.
 */
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/buf.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "layout_int.h"

/* Face of a family in a style, loaded once; -1 when it cannot be had. */
int
lx_face(struct lctx *c, const char *family, int bold, int italic)
{
	struct pv_diags scratch;
	struct lfam *f = NULL;
	size_t i;
	int style = (bold ? FONT_BOLD : 0) | (italic ? FONT_ITALIC : 0);
	int quiet = strcmp(family, LX_FALLBACK_FAMILY) == 0;

	for (i = 0; i < c->nfam; i++)
		if (c->fam[i].family == family ||
		    strcmp(c->fam[i].family, family) == 0) {
			f = &c->fam[i];
			break;
		}
	if (f == NULL) {
		if (c->nfam == sizeof(c->fam) / sizeof(c->fam[0]))
			return -1;
		f = &c->fam[c->nfam++];
		f->family = family;
		for (i = 0; i < 4; i++)
			f->face[i] = -2;
	}
	if (f->face[style] == -2) {
		/* The fallback is optional: its absence is no error. */
		pv_diags_init(&scratch);
		f->face[style] = fontset_face(c->fs, family,
		    (enum font_style)style, c->th->file ? c->th->file :
		    "the default theme", quiet ? &scratch : c->d);
		pv_diags_free(&scratch);
	}
	return f->face[style];
}

/* The face of a text style, with bold/italic added by the markup; falls
 * back to the style's plain face, then the body face. */
int
lx_style_face(struct lctx *c, const struct theme_text *ts, int bold,
    int italic)
{
	int f;

	f = lx_face(c, ts->family, ts->bold || bold, ts->italic ^ italic);
	if (f < 0)
		f = lx_face(c, ts->family, ts->bold, ts->italic);
	if (f < 0)
		f = lx_face(c, c->th->body.family, 0, 0);
	return f;
}

double
lx_text_width(struct lctx *c, int face, double size, const char *s,
    size_t n)
{
	size_t i = 0, k;
	uint32_t cp;
	long total = 0;

	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		total += font_advance(c->fs, face, cp);
	}
	return (double)total * size / 1000.0;
}

/* Nominal ascent and descent (both positive) of a face at a size. */
void
lx_font_box(struct lctx *c, int face, double size, double *asc,
    double *desc)
{
	*asc = font_ascent(c->fs, face) * size / 1000.0;
	*desc = -font_descent(c->fs, face) * size / 1000.0;
	if (*asc <= 0)
		*asc = size * 0.8;
	if (*desc < 0)
		*desc = size * 0.2;
}

void
runs_free(struct runs *r)
{
	size_t i;

	for (i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
	free(r->r);
	memset(r, 0, sizeof(*r));
}

struct rstyle {
	const struct theme_text *ts;
	const char *family;
	double size;
	int bold, italic;
	uint32_t color;
	const char *uri;
	int nowrap;
	int role;
	int elem;
};

static void
run_push(struct runs *r, const char *s, size_t n, int face,
    const struct rstyle *st)
{
	struct para_run *p;

	if (n == 0)
		return;
	PV_GROW(r->r, r->cap, r->n + 1);
	p = &r->r[r->n++];
	p->text = s;
	p->len = n;
	p->face = face;
	p->size = st->size;
	p->color = st->color;
	p->uri = st->uri;
	p->nowrap = st->nowrap;
	p->role = st->role;
	p->elem = st->elem;
}

/* Text in one style, split where the face lacks a glyph that the
 * fallback face has. */
static void
run_text(struct lctx *c, struct runs *r, const char *s, size_t n,
    const struct rstyle *st)
{
	int face, fb = -2, cur, want;
	size_t i = 0, start = 0, k;
	uint32_t cp;

	face = lx_face(c, st->family, st->bold, st->italic);
	if (face < 0)
		face = lx_style_face(c, st->ts, 0, 0);
	if (face < 0)
		return;
	cur = face;
	while (i < n) {
		/* ASCII is in every text face: no lookup for most text. */
		if ((unsigned char)s[i] < 0x80 && cur == face) {
			i++;
			continue;
		}
		k = pv_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1;
		want = face;
		if (cp >= 0x80 && cp != 0xA0 && cp != 0xAD &&
		    !font_has_glyph(c->fs, face, cp)) {
			if (fb == -2)
				fb = lx_face(c, LX_FALLBACK_FAMILY, st->bold,
				    st->italic);
			if (fb >= 0 && font_has_glyph(c->fs, fb, cp))
				want = fb;
		}
		if (want != cur) {
			run_push(r, s + start, i - start, cur, st);
			start = i;
			cur = want;
		}
		i += k;
	}
	run_push(r, s + start, n - start, cur, st);
}

static char *
runs_own(struct runs *r, char *s)
{
	PV_GROW(r->owned, r->capowned, r->nowned + 1);
	r->owned[r->nowned++] = s;
	return s;
}

/* A footnote's number where it stands: smaller (raised when the line
 * is placed, by its role), in the text colour, a link to the note; the
 * note's content is set at the page foot, not here. */
static void
note_ref(struct lctx *c, struct runs *r, const struct doc_node *n,
    const struct rstyle *st)
{
	struct rstyle in = *st;
	int k = lx_note_number(c, n);
	char *num;

	if (k <= 0)
		return;
	num = runs_own(r, pv_xasprintf("%d", k));
	in.size = st->size * NOTE_REF_SCALE;
	in.color = st->ts->color;
	in.uri = runs_own(r, pv_xasprintf("#%c%d", NOTE_LINK_MARK, k));
	in.nowrap = 1;
	in.role = LR_NOTE_REF;
	in.bold = st->bold;
	in.elem = lx_elem_keyed(c, n, LE_LINK, lx_elem_for(c, n->parent),
	    NULL);
	run_text(c, r, num, strlen(num), &in);
	/* parse collapses "note</span> text" into the note's last space:
	 * that space belongs to the text, which goes on after the number. */
	for (n = n->last; n != NULL && n->kind != DOC_TEXT; n = n->last)
		continue;
	if (n != NULL && n->text_len > 0 && n->text[n->text_len - 1] == ' ')
		run_text(c, r, " ", 1, st);
}

static void
runs_inline(struct lctx *c, struct runs *r, const struct doc_node *n,
    struct rstyle st)
{
	const struct doc_node *k;
	struct rstyle in;

	for (k = n->first; k != NULL; k = k->next) {
		in = st;
		switch (k->kind) {
		case DOC_TEXT:
			run_text(c, r, k->text, k->text_len, &st);
			continue;
		case DOC_BR:
			run_text(c, r, "\n", 1, &st);
			continue;
		case DOC_STRONG:
			in.bold = 1;
			break;
		case DOC_EM:
			in.italic = !st.italic;
			break;
		case DOC_CODE:
			in.family = c->th->code.family;
			in.size = st.size * c->th->code.size / c->th->body.size;
			in.color = c->th->code.color;
			break;
		case DOC_A:
			in.uri = k->href;
			in.color = c->th->link_color;
			in.role = LR_LINK;
			in.elem = lx_elem_for(c, k);
			break;
		case DOC_SPAN:
			if (k->classes & DOC_C_FOOTNOTE) {
				note_ref(c, r, k, &st);
				continue;
			}
			if (k->classes & DOC_C_NOWRAP)
				in.nowrap = 1;
			if (k->lang != NULL)
				in.elem = lx_elem_for(c, k);
			if (k->classes & DOC_C_CHECKED)
				run_text(c, r, "\xE2\x98\x92\xC2\xA0", 5, &st);
			if (k->classes & DOC_C_UNCHECKED)
				run_text(c, r, "\xE2\x98\x90\xC2\xA0", 5, &st);
			break;
		default:
			break;
		}
		runs_inline(c, r, k, in);
	}
}

static void
rstyle_init(struct rstyle *st, const struct theme_text *ts, int bold,
    int role)
{
	st->ts = ts;
	st->family = ts->family;
	st->size = ts->size;
	st->bold = ts->bold || bold;
	st->italic = ts->italic;
	st->color = ts->color;
	st->uri = NULL;
	st->nowrap = 0;
	st->role = role;
	st->elem = 0;
}

/* The runs of an inline container (p, h, caption, a cell's anon p). */
void
runs_build(struct lctx *c, struct runs *r, const struct doc_node *n,
    const struct theme_text *ts, int bold, int role)
{
	struct rstyle st;

	rstyle_init(&st, ts, bold, role);
	if (n->classes & DOC_C_NOWRAP)
		st.nowrap = 1;
	runs_inline(c, r, n, st);
}

/* Plain text in a style (labels, the TOC, the running header). */
void
runs_text(struct lctx *c, struct runs *r, const char *s, size_t n,
    const struct theme_text *ts, int bold, int italic, int role)
{
	struct rstyle st;

	rstyle_init(&st, ts, bold, role);
	st.italic = ts->italic ^ italic;
	run_text(c, r, s, n, &st);
}

/* The language of a node: its own lang, an ancestor's, the document's. */
const char *
lx_lang(struct lctx *c, const struct doc_node *n)
{
	for (; n != NULL; n = n->parent)
		if (n->lang != NULL)
			return n->lang;
	return c->lang;
}

static void
plain(const struct doc_node *n, struct pv_buf *b)
{
	const struct doc_node *k;

	for (k = n->first; k != NULL; k = k->next) {
		if (k->kind == DOC_TEXT)
			pv_buf_put(b, k->text, k->text_len);
		else if (k->kind == DOC_SPAN && (k->classes & DOC_C_FOOTNOTE))
			continue;   /* the note is not the text */
		else if (k->kind == DOC_BR)
			pv_buf_putc(b, ' ');
		else
			plain(k, b);
	}
}

/* The text of an inline container without markup, spaces trimmed. */
char *
lx_plain_text(const struct doc_node *n)
{
	struct pv_buf b;
	char *s;
	size_t i, j;

	pv_buf_init(&b);
	plain(n, &b);
	s = pv_buf_take(&b);
	if (s == NULL)
		return pv_xstrdup("");
	for (i = 0; s[i] == ' '; i++)
		continue;
	j = strlen(s);
	while (j > i && s[j - 1] == ' ')
		j--;
	memmove(s, s + i, j - i);
	s[j - i] = '\0';
	return s;
}

enum pv_status
lx_runs_layout(struct lctx *c, struct flow *fl, const struct para_run *r,
    size_t n, const struct theme_text *ts, double x, double w, int align,
    int role, int level, int hyph, int line, struct para_lines *out)
{
	struct para_style ps;

	memset(out, 0, sizeof(*out));
	memset(&ps, 0, sizeof(ps));
	ps.width = w > 1 ? w : 1;
	ps.first_indent = fl->first_indent;
	ps.leading = ts->leading;
	ps.align = (enum para_align)align;
	ps.lang = fl->lang != NULL ? fl->lang : c->lang;
	ps.hyphenate = hyph && w >= 3 * ts->size;
	return para_layout(r, n, &ps, c->fs, c->pe, c->doc->file, line, out,
	    c->d);
}

/* A clickable area over one fragment. */
static void
link_item(struct flow *fl, const struct para_frag *f, double x, double base,
    double asc, double desc, int line)
{
	struct lay_item *it = vl_item(fl->vl, LK_LINK, LR_LINK);

	it->x = x;
	it->y = -(base + desc);
	it->w = f->w;
	it->h = asc + desc;
	it->uri = pv_xstrdup(f->uri);
	it->level = line; /* where the link was, until it is resolved */
	if (f->elem > 0)
		it->elem = f->elem;
}

/*
 * Every line becomes a slice.  `widows` 1: a page may break before line
 * i only when two lines stay on each side; 2: never inside.
 */
void
lx_lines_to_slices(struct lctx *c, struct flow *fl, struct para_lines *pl,
    const struct theme_text *ts, double x, int role, int level, int widows)
{
	double asc, desc, a, d, h, base;
	struct para_line *ln;
	struct para_frag *f;
	struct lay_item *it;
	struct vslice *s;
	size_t i, k, n = pl->nlines;
	int face = lx_style_face(c, ts, 0, 0);
	long link;

	lx_font_box(c, face, ts->size, &asc, &desc);
	for (i = 0; i < n; i++) {
		ln = &pl->lines[i];
		link = -1;
		a = ln->ascent > asc ? ln->ascent : asc;
		d = ln->descent > desc ? ln->descent : desc;
		h = ts->leading + (a - asc) + (d - desc);
		base = (ts->leading - asc - desc) / 2 + a;
		s = vs_new(fl->vl, h, base);
		if (i > 0 && (widows == 2 || i < 2 || n - i < 2))
			s->flags |= VS_NOBREAK;
		for (k = 0; k < ln->nfrags; k++) {
			f = &ln->frags[k];
			it = vl_item(fl->vl, LK_TEXT, (enum lay_role)
			    (f->role == LR_LINK ? LR_LINK : role));
			it->x = x + f->x;
			it->y = -base;
			if (f->elem > 0)
				it->elem = f->elem;
			if (f->role == LR_NOTE_REF) {
				/* A superscript: raised by about a third
				 * of the text's size; its note goes with
				 * this line. */
				it->role = LR_NOTE_REF;
				it->y += f->size / NOTE_REF_SCALE * 0.36;
				if (f->uri != NULL)
					lx_note_ref(c, fl->vl, (int)strtol(
					    f->uri + 2, NULL, 10));
			}
			it->w = f->w;
			it->face = f->face;
			it->size = f->size;
			it->color = f->color;
			it->text = f->text;
			it->text_len = f->len;
			it->level = level;
			f->text = NULL;
			it->glyphs = f->glyphs;
			it->nglyphs = f->nglyphs;
			f->glyphs = NULL;
			if (f->uri == NULL)
				continue;
			/* One area for the words of a link on a line. */
			if (k > 0 && ln->frags[k - 1].uri == f->uri && link >= 0)
				fl->vl->items[link].w = x + f->x + f->w -
				    fl->vl->items[link].x;
			else {
				link_item(fl, f, x + f->x, base, asc *
				    f->size / ts->size, desc * f->size /
				    ts->size, fl->line);
				link = (long)fl->vl->ni - 1;
			}
		}
	}
}

/* Set an inline container as a paragraph at (x, w). */
enum pv_status
lx_para(struct lctx *c, struct flow *fl, const struct doc_node *n,
    const struct theme_text *ts, double x, double w, int align, int role,
    int level)
{
	struct runs r;
	struct para_lines pl;
	enum pv_status st;

	memset(&r, 0, sizeof(r));
	runs_build(c, &r, n, ts, fl->bold, role);
	if (r.n == 0) {
		runs_free(&r);
		return PV_OK;
	}
	fl->line = n->line;
	/* Body text is hyphenated; titles and labels are not. */
	st = lx_runs_layout(c, fl, r.r, r.n, ts, x, w, align, role, level,
	    role == LR_P || role == LR_LI_BODY || role == LR_TD ||
	    role == LR_TH || role == LR_CAPTION, n->line, &pl);
	/* A missing glyph is reported, but the lines are still placed so
	 * that the rest of the document lays out as it will when fixed. */
	if (st == PV_OK || st == PV_EINPUT)
		lx_lines_to_slices(c, fl, &pl, ts, x, role, level,
		    role == LR_H ? 2 : 1);
	para_lines_free(&pl);
	runs_free(&r);
	return st;
}
