/*
 * layout_vlist.c - the vertical list: slices, their items, containers,
 * anchors (see layout_int.h for what a slice is).
 *
 * Everything that block layout produces goes through vs_new and vl_item,
 * so the rules that tie slices together (owed space, "keep with the one
 * before", a forced page break, a list label waiting for the first line
 * of its item) are applied in one place.  Nothing here knows pages.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

void
vl_init(struct vlist *vl)
{
	memset(vl, 0, sizeof(*vl));
	vl->open = -1;
	vl->fresh = 1;
}

void
item_free(struct lay_item *it)
{
	free(it->text);
	free(it->uri);
	free(it->alt);
	free(it->glyphs);
	free(it->segs);
	it->text = it->uri = it->alt = NULL;
	it->glyphs = NULL;
	it->segs = NULL;
}

void
vl_free(struct vlist *vl)
{
	size_t i;

	for (i = 0; i < vl->ni; i++)
		item_free(&vl->items[i]);
	for (i = 0; i < vl->nlabels; i++)
		item_free(&vl->labels[i]);
	free(vl->items);
	free(vl->s);
	free(vl->c);
	free(vl->a);
	free(vl->labels);
	free(vl->fn);
	vl_init(vl);
}

/* Owed space: the larger of what the block before leaves and what the
 * next asks for, as margins collapse in CSS.  At the start of a column
 * (a cell, a box) the first block asks for nothing. */
void
vl_space(struct vlist *vl, double sp)
{
	if (!vl->fresh && sp > vl->pending)
		vl->pending = sp;
}

static struct lay_item *
item_append(struct vlist *vl)
{
	struct lay_item *it;

	PV_GROW(vl->items, vl->capi, vl->ni + 1);
	it = &vl->items[vl->ni++];
	memset(it, 0, sizeof(*it));
	it->fill = NO_FILL;
	it->dest_page = -1;
	it->image = -1;
	return it;
}

struct vslice *
vs_new(struct vlist *vl, double h, double base)
{
	struct vslice *s;
	struct lay_item *it;
	size_t i;

	PV_GROW(vl->s, vl->cap, vl->n + 1);
	s = &vl->s[vl->n++];
	memset(s, 0, sizeof(*s));
	s->h = h;
	s->base = base;
	s->glue = vl->pending;
	s->cont = vl->open;
	s->item0 = vl->ni;
	s->page = -1;
	vl->pending = 0;
	vl->fresh = 0;
	if (vl->keep > 0) {
		s->flags |= VS_NOBREAK;
		vl->keep--;
	}
	if (vl->force) {
		s->flags |= VS_FORCE;
		vl->force = 0;
	}
	/* List labels sit on the first baseline of their item. */
	for (i = 0; i < vl->nlabels; i++) {
		it = item_append(vl);
		*it = vl->labels[i];
		it->y = -(base >= 0 ? base : h * 0.75);
		s->nitems++;
	}
	vl->nlabels = 0;
	return s;
}

/* An item of the last slice. */
struct lay_item *
vl_item(struct vlist *vl, enum lay_kind kind, enum lay_role role)
{
	struct lay_item *it = item_append(vl);

	it->kind = kind;
	it->role = role;
	it->elem = vl->elem;
	if (vl->n > 0)
		vl->s[vl->n - 1].nitems++;
	return it;
}

/* Footnote k is referred to on the last slice.  Only the last slice
 * takes notes, so each slice's notes stay one range of vl->fn. */
void
vl_note(struct vlist *vl, int k)
{
	struct vslice *s;

	if (vl->n == 0)
		return;
	s = &vl->s[vl->n - 1];
	if (s->nfn == 0)
		s->fn0 = vl->nfn;
	PV_GROW(vl->fn, vl->capfn, vl->nfn + 1);
	vl->fn[vl->nfn++] = k;
	s->nfn++;
}

void
vl_label(struct vlist *vl, const struct lay_item *label)
{
	PV_GROW(vl->labels, vl->caplabels, vl->nlabels + 1);
	vl->labels[vl->nlabels++] = *label;
}

int
vl_open(struct vlist *vl, enum vc_kind kind)
{
	struct vcont *c;

	PV_GROW(vl->c, vl->capc, vl->nc + 1);
	c = &vl->c[vl->nc];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->parent = vl->open;
	c->first = vl->n;
	c->fill = NO_FILL;
	vl->open = (int)vl->nc;
	return (int)vl->nc++;
}

void
vl_close(struct vlist *vl, int ci)
{
	struct vcont *c = &vl->c[ci];

	c->closed = 1;
	vl->open = c->parent;
	if (c->first >= vl->n) {
		c->empty = 1;
		c->first = c->last = 0;
		return;
	}
	c->last = vl->n - 1;
	vl->s[c->first].pre += c->pad_top;
	vl->s[c->last].post += c->pad_bottom;
}

/* An anchor at the next slice (which is vl->n once it exists). */
void
vl_anchor(struct vlist *vl, const char *id, int head)
{
	struct vanchor *a;

	PV_GROW(vl->a, vl->capa, vl->na + 1);
	a = &vl->a[vl->na++];
	a->id = id;
	a->head = head;
	a->slice = vl->n;
}

/*
 * The tops of all slices when the list is set without page breaks (a
 * table cell, the cover); returns the total height.
 */
double
vl_positions(const struct vlist *vl, double *tops)
{
	double y = 0;
	size_t i;

	for (i = 0; i < vl->n; i++) {
		if (i > 0)
			y += vl->s[i].glue;
		y += vl->s[i].pre;
		tops[i] = y;
		y += vl->s[i].h + vl->s[i].post;
	}
	return y;
}

/*
 * The outer edges of container c (its padding included) in the positions
 * of vl_positions: the paddings of the containers that start (or end)
 * with c at the same slice and lie inside it are counted too.
 */
void
vl_cont_edges(const struct vlist *vl, size_t ci, const double *tops,
    double *top, double *bottom)
{
	const struct vcont *c = &vl->c[ci];
	double t = tops[c->first], b = tops[c->last] + vl->s[c->last].h;
	int k;

	for (k = vl->s[c->first].cont; k >= 0; k = vl->c[k].parent) {
		if (vl->c[k].first == c->first)
			t -= vl->c[k].pad_top;
		if ((size_t)k == ci)
			break;
	}
	for (k = vl->s[c->last].cont; k >= 0; k = vl->c[k].parent) {
		if (vl->c[k].closed && vl->c[k].last == c->last)
			b += vl->c[k].pad_bottom;
		if ((size_t)k == ci)
			break;
	}
	*top = t;
	*bottom = b;
}

/* Move an item (and what it owns), shifting it by dx, dy. */
void
vl_move_item(struct lay_item *dst, struct lay_item *src, double dx,
    double dy)
{
	*dst = *src;
	dst->x += dx;
	dst->y += dy;
	if (dst->kind == LK_LINE) {
		dst->x2 += dx;
		dst->y2 += dy;
	}
	src->text = src->uri = src->alt = NULL;
	src->glyphs = NULL;
	src->segs = NULL;
}
