/*
 * layout_toc.c - the table of contents.
 *
 * One entry per heading h1-h3 (not notoc), indented by level: the number
 * in its own column, the title (wrapping under itself), dot leaders and
 * the page number right-aligned.  Every entry is one clickable area.  The
 * page-number column has a fixed width (four digits), so nothing in the
 * TOC depends on the numbers: they are put in once the pages exist
 * (lx_tocnums), the headings cannot move because of them, and one pass
 * is exact.  The TOC ends with a page break, so that the text starts on
 * a fresh page.  Nothing here decides where pages break.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

#define LEADER_COLOR 0x8A96A3

struct tocgeo {
	double numw[3];         /* number column of each level */
	double x0[3];           /* left edge of each level */
	double pagew;           /* page number column */
	double right;
};

static void
geometry(struct lctx *c, struct flow *fl, struct tocgeo *g)
{
	const struct theme_text *ts = &c->th->toc;
	int face = lx_style_face(c, ts, 1, 0);
	static const char *const widest[3] = { "00", "0.00", "0.0.00" };
	int i;

	for (i = 0; i < 3; i++) {
		g->numw[i] = c->th->number_headings ? lx_text_width(c, face,
		    ts->size, widest[i], strlen(widest[i])) + 0.6 * ts->size :
		    0;
		/* A level starts where the title of the level above does. */
		g->x0[i] = i == 0 ? fl->x : g->x0[i - 1] + (g->numw[i - 1] > 0 ?
		    g->numw[i - 1] : 1.2 * ts->size);
	}
	g->pagew = lx_text_width(c, face, ts->size, "0000", 4);
	g->right = fl->x + fl->w;
}

static struct lay_item *
text(struct vlist *vl, int face, const struct theme_text *ts, double x,
    double y, const char *s, double w, int role, uint32_t color)
{
	struct lay_item *it = vl_item(vl, LK_TEXT, (enum lay_role)role);

	it->x = x;
	it->y = y;
	it->w = w;
	it->face = face;
	it->size = ts->size;
	it->color = color;
	it->text = pv_xstrdup(s);
	it->text_len = strlen(s);
	return it;
}

/* Dots from after the title to before the page number, on a grid from
 * the right so that they line up from entry to entry. */
static void
leaders(struct lctx *c, struct vlist *vl, const struct tocgeo *g, int face,
    double from, double y)
{
	const struct theme_text *ts = &c->th->toc;
	double step = lx_text_width(c, face, ts->size, ". ", 2);
	double stop = g->right - g->pagew - 0.4 * ts->size;
	int n, i;
	char *s;

	if (step <= 0)
		return;
	n = (int)((stop - from - 0.5 * ts->size) / step);
	if (n < 2)
		return;
	s = pv_xmalloc((size_t)n * 2 + 1);
	for (i = 0; i < n; i++) {
		s[2 * i] = '.';
		s[2 * i + 1] = ' ';
	}
	s[2 * n] = '\0';
	text(vl, face, ts, stop - n * step, y, s, n * step, LR_ARTIFACT,
	    LEADER_COLOR);
	free(s);
}

static enum pv_status
entry(struct lctx *c, struct flow *fl, const struct tocgeo *g, size_t k)
{
	const struct lhead *h = &c->heads[k];
	const struct theme_text *ts = &c->th->toc;
	int lvl = h->level < 1 ? 0 : h->level > 3 ? 2 : h->level - 1;
	int bold = lvl == 0, face = lx_style_face(c, ts, bold, 0);
	double tx = g->x0[lvl] + (g->numw[lvl] > 0 ? g->numw[lvl] : 0), y;
	double tw = g->right - g->pagew - 1.5 * ts->size - tx, top, hsum = 0;
	struct vlist *vl = fl->vl;
	struct lay_item label, *it;
	struct para_lines pl;
	struct tocnum *tn;
	struct runs r;
	size_t first = vl->n, i;
	enum pv_status st;
	int prev = vl->elem;

	/* An entry is a TOCI holding a link to its heading: number, title
	 * and page number, read as one.  Each table of contents has its
	 * own, so these are not found again by the heading. */
	vl->elem = lay_elem_add(c->out, LE_LINK, lay_elem_add(c->out, LE_TOCI,
	    prev));
	vl_space(vl, lvl == 0 ? 7 : 1.5);
	if (h->num != NULL) {
		memset(&label, 0, sizeof(label));
		label.kind = LK_TEXT;
		label.role = LR_TOC;
		label.level = h->level;
		label.x = g->x0[lvl];
		label.face = face;
		label.size = ts->size;
		label.color = ts->color;
		label.fill = NO_FILL;
		label.dest_page = label.image = -1;
		label.elem = vl->elem;
		label.text = pv_xstrdup(h->num);
		label.text_len = strlen(h->num);
		label.w = lx_text_width(c, face, ts->size, h->num,
		    label.text_len);
		vl_label(vl, &label);
	}
	memset(&r, 0, sizeof(r));
	runs_text(c, &r, h->text, strlen(h->text), ts, bold, 0, LR_TOC);
	st = lx_runs_layout(c, fl, r.r, r.n, ts, tx, tw, PARA_LEFT, LR_TOC,
	    h->level, 0, h->node->line, &pl);
	if (st == PV_OK && pl.nlines > 0) {
		lx_lines_to_slices(c, fl, &pl, ts, tx, LR_TOC, h->level, 2);
		y = -vl->s[vl->n - 1].base;
		/* Leaders in the regular face, so that the dots of all
		 * levels stand on one grid. */
		leaders(c, vl, g, lx_style_face(c, ts, 0, 0), tx +
		    pl.lines[pl.nlines - 1].width, y);
		/* The number comes once the heading has a page; its column
		 * has a fixed width, so nothing here depends on it. */
		PV_GROW(c->tocnums, c->captocnums, c->ntocnums + 1);
		tn = &c->tocnums[c->ntocnums++];
		tn->slice = vl->n - 1;
		tn->head = (int)k;
		tn->base = -y;
		tn->right = g->right;
		tn->face = face;
		tn->size = ts->size;
		tn->color = ts->color;
		tn->elem = vl->elem;
		/* One area over the whole entry: its lines never part. */
		for (i = first; i < vl->n; i++)
			hsum += vl->s[i].h + (i > first ? vl->s[i].glue : 0);
		top = vl->s[vl->n - 1].h;
		it = vl_item(vl, LK_LINK, LR_TOC);
		it->x = g->x0[lvl];
		it->y = -top;
		it->w = g->right - g->x0[lvl];
		it->h = hsum;
		it->uri = pv_xasprintf("#%c%zu", HEAD_LINK_MARK, k);
	}
	for (i = 0; i < vl->nlabels; i++)
		item_free(&vl->labels[i]);
	vl->nlabels = 0;
	if (lvl == 0)
		vl->keep = 1;
	vl->elem = prev;
	para_lines_free(&pl);
	runs_free(&r);
	return st;
}

/* The title "Innhold", unless the document wrote its own just before. */
static enum pv_status
title(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct theme_text *hs = &c->th->h[0];
	struct vlist *vl = fl->vl;
	struct para_lines pl;
	struct runs r;
	enum pv_status st;
	int prev = vl->elem;

	if (n->prev != NULL && n->prev->kind == DOC_H) {
		vl_space(vl, 6);
		return PV_OK;
	}
	vl_space(vl, hs->space_before);
	vl_anchor(vl, NULL, TOC_ANCHOR);
	memset(&r, 0, sizeof(r));
	runs_text(c, &r, c->labels->contents, strlen(c->labels->contents), hs,
	    0, 0, LR_H);
	st = lx_runs_layout(c, fl, r.r, r.n, hs, fl->x, fl->w, PARA_LEFT, LR_H,
	    1, 0, 0, &pl);
	/* A heading of its own beside the TOC, as the document's are. */
	if (st == PV_OK) {
		vl->elem = lx_elem_keyed(c, n, LE_H, c->out->elems[prev].parent,
		    NULL);
		c->out->elems[vl->elem].level = 1;
		c->h_level = 1;
		/* "Innhald" over a bokmål text: the labels' language. */
		if (c->doc->meta.toc_title != NULL &&
		    c->doc->meta.labels_lang != NULL &&
		    strcmp(c->doc->meta.labels_lang, c->lang) != 0 &&
		    c->out->elems[vl->elem].lang == NULL)
			c->out->elems[vl->elem].lang = pv_xstrdup(
			    c->doc->meta.labels_lang);
		lx_lines_to_slices(c, fl, &pl, hs, fl->x, LR_H, 1, 2);
		vl->elem = prev;
	}
	para_lines_free(&pl);
	runs_free(&r);
	vl->keep = 2;
	vl_space(vl, hs->space_after + 6);
	return st;
}

enum pv_status
lx_toc(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	struct vlist *vl = fl->vl;
	struct tocgeo g;
	enum pv_status st, e;
	size_t k;

	st = title(c, fl, n);
	geometry(c, fl, &g);
	for (k = 0; k < c->nheads && !c->fatal; k++)
		if (c->heads[k].toc && (e = entry(c, fl, &g, k)) > st)
			st = e;
	vl->keep = 0;
	if (!fl->in_cell)
		vl->force = 1;
	return st;
}

/* The page number just added to pg goes after the rest of its entry,
 * so that it is read, and drawn, with it, not after the whole table. */
static void
place_after_entry(struct lay_page *pg, int elem)
{
	struct lay_item num = pg->items[pg->n - 1];
	size_t j = pg->n - 1;

	while (j > 0 && pg->items[j - 1].elem != elem)
		j--;
	if (j == 0)
		return;
	memmove(&pg->items[j + 1], &pg->items[j], (pg->n - 1 - j) *
	    sizeof(*pg->items));
	pg->items[j] = num;
}

/* The page numbers, now that every heading has its page. */
void
lx_tocnums(struct lctx *c, const struct vlist *vl)
{
	const struct tocnum *tn;
	const struct vslice *sl;
	struct lay_item *it;
	char num[16];
	size_t i;

	for (i = 0; i < c->ntocnums; i++) {
		tn = &c->tocnums[i];
		sl = &vl->s[tn->slice];
		if (sl->page < 0 || c->heads[tn->head].page < 0)
			continue;
		snprintf(num, sizeof(num), "%d", c->heads[tn->head].page + 1);
		it = lay_page_add(&c->out->pages[sl->page], LK_TEXT);
		it->role = LR_TOC;
		it->elem = tn->elem;
		it->level = c->heads[tn->head].level;
		it->face = tn->face;
		it->size = tn->size;
		it->color = tn->color;
		it->text = pv_xstrdup(num);
		it->text_len = strlen(num);
		it->w = lx_text_width(c, tn->face, tn->size, num, it->text_len);
		it->x = tn->right - it->w;
		it->y = sl->top - tn->base;
		place_after_entry(&c->out->pages[sl->page], tn->elem);
	}
}
