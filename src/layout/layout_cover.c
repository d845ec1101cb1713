/*
 * layout_cover.c - the cover page: a calm, centred title page.
 *
 * The logo at the top, the title and subtitle a little above the middle
 * with a short accent rule under them and the tagline below it, and at
 * the foot the byline (in bold), the dateline and the document's date.
 * What each slot holds is the template's choice (a plan puts its owner
 * in the byline and its adoption in the dateline).  The parts are set
 * as ordinary paragraphs into small vertical lists of their own, then
 * moved onto one cover slice in page coordinates.  The cover has no
 * running header or footer and is a page of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

#define LOGO_MAX_W 220.0
#define LOGO_MAX_H 90.0
#define RULE_LEN 64.0

struct parts {
	const struct doc_node *title, *subtitle, *byline, *tagline, *dateline;
	const struct doc_node *logo;
};

static void
find_parts(const struct doc_node *n, struct parts *p)
{
	const struct doc_node *k;

	for (k = n->first; k != NULL; k = k->next) {
		if ((k->classes & DOC_C_TITLE) && p->title == NULL)
			p->title = k;
		else if ((k->classes & DOC_C_SUBTITLE) && p->subtitle == NULL)
			p->subtitle = k;
		else if ((k->classes & DOC_C_BYLINE) && p->byline == NULL)
			p->byline = k;
		else if ((k->classes & DOC_C_TAGLINE) && p->tagline == NULL)
			p->tagline = k;
		else if ((k->classes & DOC_C_DATELINE) && p->dateline == NULL)
			p->dateline = k;
		else if (k->kind == DOC_IMG && p->logo == NULL)
			p->logo = k;
		else if (k->kind == DOC_DIV)
			find_parts(k, p);
	}
}

static int
is_part(const struct doc_node *k, const struct parts *p)
{
	return k == p->title || k == p->subtitle || k == p->byline ||
	    k == p->tagline || k == p->dateline || k == p->logo;
}

/* One part in its style, centred. */
static enum pv_status
part(struct lctx *c, struct flow *in, const struct doc_node *n,
    const struct theme_text *ts)
{
	struct flow f = *in;
	int prev = in->vl->elem;
	enum pv_status st;

	in->vl->elem = lx_elem_for(c, n);
	if (n->kind == DOC_P || n->kind == DOC_H)
		st = lx_para(c, in, n, ts, in->x, in->w, PARA_CENTER,
		    LR_COVER, 0);
	else {
		f.ts = ts;
		st = lx_blocks(c, &f, n->first);
	}
	in->vl->elem = prev;
	return st;
}

static enum pv_status
text_part(struct lctx *c, struct flow *in, const char *s,
    const struct theme_text *ts)
{
	struct para_lines pl;
	struct runs r;
	enum pv_status st;
	int prev = in->vl->elem;

	/* The document's own title or date: a paragraph of the cover. */
	in->vl->elem = lx_elem_keyed(c, s, LE_P, prev, NULL);
	memset(&r, 0, sizeof(r));
	runs_text(c, &r, s, strlen(s), ts, 0, 0, LR_COVER);
	st = lx_runs_layout(c, in, r.r, r.n, ts, in->x, in->w, PARA_CENTER,
	    LR_COVER, 0, 0, 0, &pl);
	if (st == PV_OK)
		lx_lines_to_slices(c, in, &pl, ts, in->x, LR_COVER, 0, 0);
	in->vl->elem = prev;
	para_lines_free(&pl);
	runs_free(&r);
	return st;
}

/* Move a small list onto the cover slice with its top at page y `top`. */
static void
place(struct vlist *dst, size_t slice, struct vlist *src, double top)
{
	double *tops = pv_xreallocarray(NULL, src->n + 1, sizeof(double));
	struct lay_item *it;
	size_t j, i;

	vl_positions(src, tops);
	for (j = 0; j < src->n; j++)
		for (i = 0; i < src->s[j].nitems; i++) {
			it = vl_item(dst, LK_TEXT, LR_NONE);
			vl_move_item(it, &src->items[src->s[j].item0 + i], 0,
			    top - tops[j]);
		}
	for (i = 0; i < src->na; i++) {
		PV_GROW(dst->a, dst->capa, dst->na + 1);
		dst->a[dst->na] = src->a[i];
		dst->a[dst->na++].slice = slice;
	}
	free(tops);
}

static double
height(const struct vlist *vl)
{
	double *tops = pv_xreallocarray(NULL, vl->n + 1, sizeof(double));
	double h = vl_positions(vl, tops);

	free(tops);
	return h;
}

static void
logo(struct lctx *c, struct vlist *vl, const struct doc_node *img,
    double top, double *bottom)
{
	const char *src = img != NULL ? img->src : c->th->logo;
	struct lay_item *it;
	double w, h, s;
	int idx;

	*bottom = top;
	if (src == NULL)
		return;
	if (lx_image_size(c, src, img ? img->line : 0, img == NULL, &idx, &w,
	    &h) != PV_OK) {
		/* The theme's logo: the theme is what to fix. */
		if (img == NULL)
			pv_diag(c->d, PV_ERROR, c->th->file, 0, 0, "theme: "
			    "logo \"%s\" is not a PNG or JPEG file that can "
			    "be read", src);
		return;
	}
	s = 1;
	if (w * s > LOGO_MAX_W)
		s = LOGO_MAX_W / w;
	if (h * s > LOGO_MAX_H)
		s = LOGO_MAX_H / h;
	it = vl_item(vl, LK_IMAGE, LR_FIGURE);
	it->w = w * s;
	it->h = h * s;
	it->x = (c->th->page_width - it->w) / 2;
	it->y = top - it->h;
	it->image = idx;
	it->alt = pv_xstrdup(img != NULL && img->alt != NULL ? img->alt : "");
	/* The theme's logo, or one with alt="", is decoration. */
	if (it->alt[strspn(it->alt, " \t\r\n")] == '\0')
		it->role = LR_ARTIFACT;
	else
		it->elem = lx_elem_for(c, img);
	*bottom = it->y;
}

static void
rule(struct lctx *c, struct vlist *vl, double y)
{
	struct lay_item *it = vl_item(vl, LK_LINE, LR_ARTIFACT);

	it->x = (c->th->page_width - RULE_LEN) / 2;
	it->x2 = it->x + RULE_LEN;
	it->y = it->y2 = y;
	it->line_width = 2;
	it->color = c->th->accent;
}

/* A thin rule across the text width over the foot of the cover. */
static void
foot_rule(struct lctx *c, struct vlist *vl, double y)
{
	struct lay_item *it = vl_item(vl, LK_LINE, LR_ARTIFACT);

	it->x = c->body_x;
	it->x2 = c->body_x + c->body_w;
	it->y = it->y2 = y;
	it->line_width = 0.5;
	it->color = c->th->table_rule;
}

/* Whatever else the cover holds goes to its foot, in document order. */
static enum pv_status
rest(struct lctx *c, struct flow *f, const struct doc_node *n,
    const struct parts *p)
{
	const struct doc_node *k;
	enum pv_status st = PV_OK, r;

	for (k = n->first; k != NULL; k = k->next) {
		if (is_part(k, p))
			continue;
		if (k->kind == DOC_DIV && k->classes == 0)
			r = rest(c, f, k, p);
		else
			r = lx_block(c, f, k);
		if (r > st)
			st = r;
	}
	return st;
}

/* The blocks of the cover: title, middle (tagline), foot. */
static enum pv_status
set_parts(struct lctx *c, struct flow *in, const struct doc_node *n,
    const struct parts *p, struct vlist *tv, struct vlist *mv,
    struct vlist *bv)
{
	const struct theme *th = c->th;
	enum pv_status st = PV_OK, r = PV_OK;
	struct flow f;

	in->vl = tv;
	if (p->title != NULL)
		st = part(c, in, p->title, &th->cover_title);
	else if (c->doc->meta.title != NULL)
		st = text_part(c, in, c->doc->meta.title, &th->cover_title);
	vl_space(tv, th->cover_title.space_after);
	if (p->subtitle != NULL)
		r = part(c, in, p->subtitle, &th->cover_subtitle);
	st = r > st ? r : st;
	in->vl = mv;
	if (p->tagline != NULL && (r = part(c, in, p->tagline,
	    &th->cover_subtitle)) > st)
		st = r;
	in->vl = bv;
	if (p->byline != NULL && (r = part(c, in, p->byline, &c->cover_byline)) >
	    st)
		st = r;
	vl_space(bv, th->cover_meta.space_after + 4);
	if (p->dateline != NULL && (r = part(c, in, p->dateline,
	    &th->cover_meta)) > st)
		st = r;
	if (c->doc->meta.date != NULL && (r = text_part(c, in,
	    c->doc->meta.date, &th->cover_meta)) > st)
		st = r;
	f = *in;
	f.ts = &th->cover_meta;
	if ((r = rest(c, &f, n, p)) > st)
		st = r;
	return st;
}

enum pv_status
lx_cover(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct theme *th = c->th;
	struct vlist tv, mv, bv;
	struct parts p;
	struct flow in;
	double top = th->page_height - th->margin_top, lbottom, ht, hm, hb;
	double ttop, btop;
	size_t si;
	enum pv_status st;

	memset(&p, 0, sizeof(p));
	find_parts(n, &p);
	vl_init(&tv);
	vl_init(&mv);
	vl_init(&bv);
	tv.elem = mv.elem = bv.elem = fl->vl->elem;
	flow_child(fl, &in, c->body_x, c->body_w);
	in.align = PARA_CENTER;
	in.role = LR_COVER;
	in.in_cell = 1;
	in.depth = 0;
	in.para_space = 4;
	in.cap = c->body_h;
	st = set_parts(c, &in, n, &p, &tv, &mv, &bv);

	fl->vl->force = 1;
	vs_new(fl->vl, 0, -1)->flags |= VS_COVER;
	si = fl->vl->n - 1;
	logo(c, fl->vl, p.logo, top, &lbottom);
	ht = height(&tv);
	hm = height(&mv);
	hb = height(&bv);
	/* The title a little above the middle, and never on the logo. */
	ttop = th->page_height * 0.62 + ht / 2;
	if (ttop > lbottom - 48 && lbottom < top)
		ttop = lbottom - 48;
	if (ttop > top)
		ttop = top;
	btop = th->margin_bottom + hb;
	if (ttop - ht - 40 - hm < btop + 40)
		pv_diag(c->d, PV_ERROR, c->doc->file, n->line, 0, "the cover "
		    "does not fit on one page; shorten its texts");
	place(fl->vl, si, &tv, ttop);
	if (ht > 0)
		rule(c, fl->vl, ttop - ht - 18);
	place(fl->vl, si, &mv, ttop - ht - 36);
	if (hb > 0)
		foot_rule(c, fl->vl, btop + 14);
	place(fl->vl, si, &bv, btop);
	vl_free(&tv);
	vl_free(&mv);
	vl_free(&bv);
	fl->vl->force = 1;
	return st;
}
