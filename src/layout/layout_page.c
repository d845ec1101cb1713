/*
 * layout_page.c - breaking the vertical list into pages and placing it.
 *
 * The breaker fills a page slice by slice and remembers the last place
 * where a break is allowed (no VS_NOBREAK) and fits; when the next slice
 * does not fit, the page ends there.  When no allowed place exists (a
 * keep chain longer than a page), the page ends before the slice that
 * does not fit: keeps are wishes, progress is not.  Every page takes at
 * least one slice, so the loop always ends.
 *
 * A page that starts inside a container begins with the container's
 * continuation (a box's top padding, a table's header rows) and a page
 * that ends inside one keeps room for its bottom padding; the breaker and
 * the renderer count these the same way.  Nothing here sets text.
 */
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "layout_int.h"

#define EPS 0.01
#define MAX_CHAIN 256 /* containers nested in one another */

struct pager {
	struct lctx *c;
	struct vlist *vl;
	double *edge;           /* top edge of each container on this page */
	struct lay_item *deco;  /* box fills, to go under the content */
	size_t ndeco, capdeco;
};

/* The containers around slice i, innermost first. */
static int
chain(const struct vlist *vl, size_t i, int *out)
{
	int n = 0, k;

	for (k = vl->s[i].cont; k >= 0 && n < MAX_CHAIN; k = vl->c[k].parent)
		out[n++] = k;
	return n;
}

static int
repeats_head(const struct vcont *c, size_t s)
{
	return c->kind == VC_TABLE && c->head1 > c->head0 && s >= c->head1;
}

/* What a page that starts at slice s carries over from before. */
static double
prefix_h(const struct vlist *vl, size_t s)
{
	int ch[MAX_CHAIN], n = chain(vl, s, ch), j;
	const struct vcont *c;
	double h = 0;

	for (j = 0; j < n; j++) {
		c = &vl->c[ch[j]];
		if (c->first >= s)
			continue;
		if (c->kind == VC_BOX)
			h += c->pad_top;
		else if (repeats_head(c, s))
			h += c->head_h;
	}
	return h;
}

/* What a page that ends before slice i must keep room for. */
static double
suffix_h(const struct vlist *vl, size_t i)
{
	int ch[MAX_CHAIN], n = chain(vl, i, ch), j;
	double h = 0;

	for (j = 0; j < n; j++)
		if (vl->c[ch[j]].first < i && vl->c[ch[j]].kind == VC_BOX)
			h += vl->c[ch[j]].pad_bottom;
	return h;
}

/* What the footnotes of slice i take at the page foot; `first`: none
 * are there yet, so the rule above them counts too. */
static double
notes_h(const struct pager *p, size_t i, int first)
{
	const struct vslice *sl = &p->vl->s[i];
	double h = 0, nh;
	size_t k;

	for (k = 0; k < sl->nfn; k++) {
		nh = lx_note_height(p->c, p->vl->fn[sl->fn0 + k]);
		if (nh <= 0)
			continue;
		h += nh + (first ? NOTE_SEP : NOTE_GAP);
		first = 0;
	}
	return h;
}

/* A slice's footnotes count with it: a line whose notes do not fit
 * below the text on this page goes to the next with them. */
static size_t
find_end(struct pager *p, size_t s)
{
	const struct vlist *vl = p->vl;
	const struct vslice *sl = &vl->s[s];
	double H = (sl->flags & VS_LAND) ? p->c->land_h : p->c->body_h;
	double used, add, nu, nadd;
	size_t i, best = 0;

	nu = notes_h(p, s, 1);
	used = prefix_h(vl, s) + sl->pre + sl->h + sl->post;
	if (used + nu > H + EPS)
		pv_diag(p->c->d, PV_ERROR, p->c->doc->file, 0, 0,
		    "a block %.0f pt tall cannot fit on a page (%.0f pt of "
		    "text height); check the theme's sizes and margins",
		    used + nu, H);
	for (i = s + 1; i < vl->n; i++) {
		sl = &vl->s[i];
		if ((sl->flags & (VS_FORCE | VS_COVER)) ||
		    ((sl->flags ^ vl->s[s].flags) & VS_LAND))
			return i;
		if (!(sl->flags & VS_NOBREAK) && used + nu + suffix_h(vl, i) <=
		    H + EPS)
			best = i;
		add = sl->glue + sl->pre + sl->h + sl->post;
		nadd = notes_h(p, i, nu <= 0);
		if (used + add + nu + nadd > H + EPS)
			return best > s ? best : i;
		used += add;
		nu += nadd;
	}
	return vl->n;
}

/* A page of the theme's size, or turned for a wide table. */
static struct lay_page *
new_page(struct lctx *c, int land)
{
	struct lay_doc *out = c->out;
	struct lay_page *pg;

	PV_GROW(out->pages, out->cap_pages, out->npages + 1);
	pg = &out->pages[out->npages++];
	memset(pg, 0, sizeof(*pg));
	pg->width = land ? c->th->page_height : c->th->page_width;
	pg->height = land ? c->th->page_width : c->th->page_height;
	return pg;
}

static void
put(struct lay_page *pg, struct lay_item *src, double dy)
{
	PV_GROW(pg->items, pg->cap, pg->n + 1);
	vl_move_item(&pg->items[pg->n++], src, 0, dy);
}

/* A copy of an item, which stays in the list for later pages. */
static void
put_copy(struct lay_page *pg, const struct lay_item *src, double dy)
{
	struct lay_item *it;

	PV_GROW(pg->items, pg->cap, pg->n + 1);
	it = &pg->items[pg->n++];
	*it = *src;
	it->y += dy;
	if (it->kind == LK_LINE)
		it->y2 += dy;
	if (src->text != NULL)
		it->text = pv_xstrndup(src->text, src->text_len);
	it->uri = src->uri ? pv_xstrdup(src->uri) : NULL;
	it->alt = src->alt ? pv_xstrdup(src->alt) : NULL;
	if (src->glyphs != NULL) {
		it->glyphs = pv_xreallocarray(NULL, src->nglyphs,
		    sizeof(*it->glyphs));
		memcpy(it->glyphs, src->glyphs, src->nglyphs *
		    sizeof(*it->glyphs));
	}
	lay_path_copy(it, src);
}

/* A table's header rows again, on a page the table continues onto. */
static double
copy_head(struct pager *p, struct lay_page *pg, const struct vcont *c,
    double cursor)
{
	const struct vlist *vl = p->vl;
	size_t i, k;

	for (i = c->head0; i < c->head1; i++) {
		for (k = 0; k < vl->s[i].nitems; k++) {
			/* Tagged once, where the table starts; here a
			 * reader sees it, a screen reader does not. */
			put_copy(pg, &vl->items[vl->s[i].item0 + k], cursor);
			pg->items[pg->n - 1].role = LR_ARTIFACT;
		}
		cursor -= vl->s[i].h;
	}
	return cursor;
}

static struct lay_item *
deco_item(struct pager *p, enum lay_kind kind)
{
	struct lay_item *it;

	PV_GROW(p->deco, p->capdeco, p->ndeco + 1);
	it = &p->deco[p->ndeco++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->role = LR_ARTIFACT;
	it->fill = NO_FILL;
	it->dest_page = it->image = -1;
	return it;
}

/* A box's fill and rule between two page ys. */
static void
deco(struct pager *p, int k, double top, double bottom)
{
	const struct vcont *c = &p->vl->c[k];
	struct lay_item *it;

	if (c->kind != VC_BOX || top - bottom <= 0)
		return;
	it = deco_item(p, LK_RECT);
	it->x = c->x;
	it->y = bottom;
	it->w = c->w;
	it->h = top - bottom;
	if (c->fill != NO_FILL)
		it->fill = c->fill;
	else {
		it->line_width = 0.6;
		it->color = c->rule;
	}
	if (c->rule_w > 0) {
		it = deco_item(p, LK_RECT);
		it->x = c->x;
		it->y = bottom;
		it->w = c->rule_w;
		it->h = top - bottom;
		it->fill = c->rule;
	}
}

/* Fills go under everything else on the page. */
static void
prepend_decos(struct pager *p, struct lay_page *pg)
{
	if (p->ndeco == 0)
		return;
	PV_GROW(pg->items, pg->cap, pg->n + p->ndeco);
	memmove(pg->items + p->ndeco, pg->items, pg->n * sizeof(*pg->items));
	memcpy(pg->items, p->deco, p->ndeco * sizeof(*pg->items));
	pg->n += p->ndeco;
	p->ndeco = 0;
}

/* Open the containers that continue from an earlier page. */
static double
continue_conts(struct pager *p, struct lay_page *pg, size_t s, double cur)
{
	int ch[MAX_CHAIN], n = chain(p->vl, s, ch), j;
	const struct vcont *c;

	for (j = n - 1; j >= 0; j--) {
		c = &p->vl->c[ch[j]];
		if (c->first >= s)
			continue;
		p->edge[ch[j]] = cur;
		if (c->kind == VC_BOX)
			cur -= c->pad_top;
		else if (repeats_head(c, s))
			cur = copy_head(p, pg, c, cur);
	}
	return cur;
}

static void
render(struct pager *p, size_t s, size_t end)
{
	struct vlist *vl = p->vl;
	int land = (p->vl->s[s].flags & VS_LAND) != 0;
	struct lay_page *pg = new_page(p->c, land);
	int ch[MAX_CHAIN], n, j;
	double cur = land ? p->c->land_top : p->c->body_top;
	struct vslice *sl;
	struct vcont *c;
	size_t i, k;

	cur = continue_conts(p, pg, s, cur);
	for (i = s; i < end; i++) {
		sl = &vl->s[i];
		if (i > s)
			cur -= sl->glue;
		n = chain(vl, i, ch);
		for (j = n - 1; j >= 0; j--)
			if (vl->c[ch[j]].first == i) {
				p->edge[ch[j]] = cur;
				if (vl->c[ch[j]].kind == VC_BOX)
					cur -= vl->c[ch[j]].pad_top;
			}
		sl->page = (int)p->c->out->npages - 1;
		sl->top = cur;
		for (k = 0; k < sl->nitems; k++)
			if (sl->flags & VS_HEAD)
				put_copy(pg, &vl->items[sl->item0 + k], cur);
			else
				put(pg, &vl->items[sl->item0 + k], cur);
		cur -= sl->h;
		for (j = 0; j < n; j++) {
			c = &vl->c[ch[j]];
			if (c->last != i)
				continue;
			if (c->kind == VC_BOX)
				cur -= c->pad_bottom;
			deco(p, ch[j], p->edge[ch[j]], cur);
		}
	}
	/* Containers that go on: closed here with their bottom padding. */
	n = chain(vl, end - 1, ch);
	for (j = 0; j < n; j++) {
		c = &vl->c[ch[j]];
		if (c->last <= end - 1)
			continue;
		if (c->kind == VC_BOX)
			cur -= c->pad_bottom;
		deco(p, ch[j], p->edge[ch[j]], cur);
	}
	prepend_decos(p, pg);
	/* The footnotes of what is on this page, at its foot. */
	{
		size_t f0 = vl->nfn, f1 = 0;

		/* Slices take notes in order: theirs are one range. */
		for (i = s; i < end; i++)
			if (vl->s[i].nfn > 0) {
				if (vl->s[i].fn0 < f0)
					f0 = vl->s[i].fn0;
				f1 = vl->s[i].fn0 + vl->s[i].nfn;
			}
		if (f1 > f0)
			lx_notes_place(p->c, pg, (int)p->c->out->npages - 1,
			    vl->fn + f0, f1 - f0, land ? p->c->land_top -
			    p->c->land_h : p->c->body_top - p->c->body_h);
	}
}

static void
render_cover(struct pager *p, size_t i)
{
	struct lay_page *pg = new_page(p->c, 0);
	struct vslice *sl = &p->vl->s[i];
	size_t k;

	pg->is_cover = 1;
	sl->page = (int)p->c->out->npages - 1;
	sl->top = p->c->th->page_height;
	for (k = 0; k < sl->nitems; k++)
		put(pg, &p->vl->items[sl->item0 + k], 0);
}

/*
 * A page holds at most body_h (+ EPS) of slices, a taller slice takes a
 * page of its own, and each forced break starts a page: so the pages
 * the slices set so far need are at least their heights over the page
 * (each counted up to body_h) and at least the forced breaks.  Checked
 * after every block and table row, this refuses a document that would
 * need more than LAYOUT_MAX_PAGES pages after about that many pages'
 * work, not after setting all of it (64 MB of text took 24 s and 2 GB).
 */
enum pv_status
lx_pages_check(struct lctx *c, const struct vlist *vl, int line)
{
	const struct vslice *s;

	if (vl != c->main_vl || c->fatal)
		return PV_OK;
	for (; c->pg_scan < vl->n; c->pg_scan++) {
		s = &vl->s[c->pg_scan];
		c->pg_height += s->h < c->body_h ? s->h : c->body_h;
		if (s->flags & VS_FORCE)
			c->pg_forced++;
	}
	if (c->pg_forced <= LAYOUT_MAX_PAGES &&
	    c->pg_height <= LAYOUT_MAX_PAGES * (c->body_h + EPS))
		return PV_OK;
	pv_diag(c->d, PV_ERROR, c->doc->file, line, 0, "the document needs "
	    "more than %d pages by here, the most planverk makes "
	    "(LAYOUT_MAX_PAGES); split it into several documents",
	    LAYOUT_MAX_PAGES);
	c->fatal = 1;
	return PV_EINPUT;
}

enum pv_status
lx_paginate(struct lctx *c, struct vlist *vl)
{
	struct pager p;
	size_t s, end;

	memset(&p, 0, sizeof(p));
	p.c = c;
	p.vl = vl;
	p.edge = pv_xcalloc(vl->nc + 1, sizeof(double));
	for (s = 0; s < vl->n; s = end) {
		if (c->out->npages >= LAYOUT_MAX_PAGES) {
			pv_diag(c->d, PV_ERROR, c->doc->file, 0, 0,
			    "the document needs more than %d pages, the most "
			    "planverk makes (LAYOUT_MAX_PAGES); split it into "
			    "several documents", LAYOUT_MAX_PAGES);
			c->fatal = 1;
			break;
		}
		if (vl->s[s].flags & VS_COVER) {
			render_cover(&p, s);
			end = s + 1;
			continue;
		}
		end = find_end(&p, s);
		render(&p, s, end);
	}
	/* A document with nothing in it is still a document: one page. */
	if (c->out->npages == 0)
		new_page(c, 0);
	free(p.edge);
	free(p.deco);
	return c->fatal ? PV_EINPUT : PV_OK;
}
