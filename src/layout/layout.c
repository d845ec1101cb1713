/*
 * layout.c - the layout stage's driver: headings, passes, metadata.
 *
 * A prescan numbers the headings (1, 1.1, 1.1.1) and lists those that go
 * into the table of contents and the bookmarks.  Then the document is
 * laid out: block flow into a vertical list, pages, and once the pages
 * exist, what needs page numbers: the running footer ("Side X av Y"), the
 * TOC's numbers, link targets, bookmarks.  The TOC is set in full in the
 * flow with a fixed-width number column, so filling in its numbers moves
 * nothing and one pass is exact (see layout.h).  The document tree is
 * never changed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "layout_int.h"

struct hsort {
	const struct doc_node *n;
	int k;
};

/* Headings in a box, a list or a table are callout titles, not chapters:
 * they get a bookmark but no number and no TOC entry. */
static int
in_structure(const struct doc_node *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->kind == DOC_LI || n->kind == DOC_TD ||
		    n->kind == DOC_TH || (n->kind == DOC_DIV &&
		    (n->classes & DOC_C_BOX)))
			return 0;
	return 1;
}

static void
add_head(struct lctx *c, const struct doc_node *n, int *count, size_t *cap)
{
	struct lhead *h;
	int lvl = n->level, main = in_structure(n), i;

	PV_GROW(c->heads, *cap, c->nheads + 1);
	h = &c->heads[c->nheads++];
	memset(h, 0, sizeof(*h));
	h->node = n;
	h->level = lvl;
	h->page = -1;
	h->text = lx_plain_text(n);
	if (main && c->th->number_headings && lvl <= 3 &&
	    !(n->classes & DOC_C_NONUMBER)) {
		count[lvl - 1]++;
		for (i = lvl; i < 3; i++)
			count[i] = 0;
		h->num = lvl == 1 ? pv_xasprintf("%d", count[0]) :
		    lvl == 2 ? pv_xasprintf("%d.%d", count[0], count[1]) :
		    pv_xasprintf("%d.%d.%d", count[0], count[1], count[2]);
	}
	h->title = h->num != NULL ? pv_xasprintf("%s %s", h->num, h->text) :
	    pv_xstrdup(h->text);
	h->toc = main && lvl <= 3 && !(n->classes & DOC_C_NOTOC);
	h->outline = !(n->classes & DOC_C_NOTOC);
}

static void
prescan(struct lctx *c, const struct doc_node *n, int *count, size_t *cap)
{
	const struct doc_node *k;

	for (k = n->first; k != NULL; k = k->next) {
		if (k->kind == DOC_DIV && (k->classes & DOC_C_COVER))
			continue;
		if (k->kind == DOC_DIV && (k->classes & DOC_C_TOC) &&
		    !c->has_toc) {
			c->has_toc = 1;
			c->toc_before = c->nheads;
		}
		if (k->kind == DOC_H)
			add_head(c, k, count, cap);
		else
			prescan(c, k, count, cap);
	}
}

/* The words of the document for the hyphenator, before anything is set:
 * every text node (in its language), and what layout writes itself. */
static void
prepare_words(struct lctx *c, const struct doc_node *n, const char *lang)
{
	const struct doc_node *k;
	const char *kl;

	for (k = n->first; k != NULL; k = k->next) {
		kl = k->lang != NULL ? k->lang : lang;
		if (k->kind == DOC_TEXT && k->text != NULL)
			para_engine_prepare(c->pe, kl, k->text, k->text_len);
		else
			prepare_words(c, k, kl);
	}
}

static void
prepare_hyphenator(struct lctx *c)
{
	const struct doc_meta *m = &c->doc->meta;
	const char *const extra[] = {
		m->title, m->running_title, m->date, c->labels->contents,
		c->labels->page_of,
	};
	size_t i;

	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (extra[i] != NULL)
			para_engine_prepare(c->pe, c->lang, extra[i],
			    strlen(extra[i]));
	if (c->doc->root != NULL)
		prepare_words(c, c->doc->root, c->doc->root->lang != NULL ?
		    c->doc->root->lang : c->lang);
}

static int
hsort_cmp(const void *a, const void *b)
{
	const struct hsort *x = a, *y = b;

	if (x->n == y->n)
		return 0;
	return (uintptr_t)x->n < (uintptr_t)y->n ? -1 : 1;
}

/* The index of a heading from the prescan, or -1 (one on the cover). */
int
lx_head_index(const struct lctx *c, const struct doc_node *n)
{
	const struct hsort *s = c->headsort, *hit;
	struct hsort key;

	if (c->nheads == 0)
		return -1;
	key.n = n;
	hit = bsearch(&key, s, c->nheads, sizeof(*s), hsort_cmp);
	return hit != NULL ? hit->k : -1;
}

static void
index_heads(struct lctx *c)
{
	struct hsort *s;
	size_t i;

	s = pv_xreallocarray(NULL, c->nheads + 1, sizeof(*s));
	for (i = 0; i < c->nheads; i++) {
		s[i].n = c->heads[i].node;
		s[i].k = (int)i;
	}
	qsort(s, c->nheads, sizeof(*s), hsort_cmp);
	c->headsort = s;
}

static void
scaled(struct theme_text *dst, const struct theme_text *src, double f,
    int bold)
{
	*dst = *src;
	dst->size = src->size * f;
	dst->leading = src->leading * f;
	dst->bold = src->bold || bold;
}

/* Styles derived from the theme: small and lead type, the cover owner. */
static void
derive(struct lctx *c)
{
	const struct theme *th = c->th;

	scaled(&c->small_table, &th->table, 0.89, 0);
	scaled(&c->small_head, &th->table_header, 0.89, 0);
	scaled(&c->small_body, &th->body, 0.89, 0);
	scaled(&c->lead, &th->body, 1.15, 0);
	c->lead.space_after = th->body.space_after * 1.5;
	scaled(&c->note, &th->body, 0.8, 0);
	c->note.space_after = 0;
	scaled(&c->cover_byline, &th->cover_meta, 1.1, 1);
	c->cover_byline.space_after = 2;
}

/*
 * The body face must load before anything is set; the others load when
 * first used (a face costs time to read, and a document without code or
 * captions should not pay for them), and report themselves then.
 */
static enum pv_status
check_faces(struct lctx *c)
{
	const struct theme_text *b = &c->th->body;

	return lx_face(c, b->family, b->bold, b->italic) < 0 ? PV_EINPUT :
	    PV_OK;
}

static void
meta(struct lctx *c)
{
	const struct doc_meta *m = &c->doc->meta;
	struct lay_meta *o = &c->out->meta;

	o->title = m->title ? pv_xstrdup(m->title) : NULL;
	o->author = m->author ? pv_xstrdup(m->author) : NULL;
	o->subject = m->subject ? pv_xstrdup(m->subject) : NULL;
	o->keywords = m->keywords ? pv_xstrdup(m->keywords) : NULL;
	o->lang = pv_xstrdup(c->lang);
}

static enum pv_status
pass(struct lctx *c)
{
	struct vlist vl;
	struct flow fl;
	enum pv_status st, r;

	c->fatal = 0;
	vl_init(&vl);
	memset(&fl, 0, sizeof(fl));
	fl.vl = &vl;
	fl.x = c->body_x;
	fl.w = c->body_w;
	fl.ts = &c->th->body;
	fl.role = LR_P;
	fl.align = -1;
	fl.para_space = c->th->body.space_after;
	fl.lang = c->lang;
	fl.cap = c->body_h;
	c->main_vl = &vl;
	c->pg_scan = 0;
	c->pg_height = 0;
	c->pg_forced = 0;
	lay_elem_add(c->out, LE_DOCUMENT, -1);
	if (c->doc->root->id != NULL)
		vl_anchor(&vl, c->doc->root->id, -1);
	st = lx_blocks(c, &fl, c->doc->root->first);
	if (!c->fatal && (r = lx_paginate(c, &vl)) > st)
		st = r;
	if (!c->fatal) {
		lx_running(c);
		lx_resolve(c, &vl);
	}
	meta(c);
	vl_free(&vl);
	c->main_vl = NULL;
	if (st == PV_OK && c->d->errors > 0)
		st = PV_EINPUT;
	return st;
}

static void
ctx_free(struct lctx *c)
{
	size_t k;

	for (k = 0; k < c->nheads; k++) {
		free(c->heads[k].num);
		free(c->heads[k].title);
		free(c->heads[k].text);
	}
	free(c->heads);
	free(c->headsort);
	free(c->tocnums);
	lx_elems_free(c);
	lx_notes_free(c);
	if (c->pe != NULL)
		para_engine_free(c->pe);
}

enum pv_status
layout_document(const struct doc *doc, const struct theme *th,
    struct fontset *fs, struct lay_doc *out, struct pv_diags *d)
{
	struct lctx c;
	struct layout_labels labels;
	enum pv_status st;
	size_t cap = 0;
	int count[3] = { 0, 0, 0 };

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.th = th;
	c.fs = fs;
	c.d = d;
	c.lang = doc->meta.lang != NULL && *doc->meta.lang != '\0' ?
	    doc->meta.lang : "nb";
	/* The words the document gives (its type's labels, through the
	 * templates) win over layout's defaults by language. */
	labels = *layout_labels_for(c.lang);
	if (doc->meta.toc_title != NULL)
		labels.contents = doc->meta.toc_title;
	if (doc->meta.page_label != NULL)
		labels.page_of = doc->meta.page_label;
	c.labels = &labels;
	c.body_x = th->margin_left;
	c.body_w = th->page_width - th->margin_left - th->margin_right;
	c.body_top = th->page_height - th->margin_top;
	c.body_h = th->page_height - th->margin_top - th->margin_bottom;
	if (th->page_width < th->page_height && th->page_width -
	    th->margin_top - th->margin_bottom >= LAYOUT_MIN_LAND_HEIGHT) {
		c.land_x = th->margin_left;
		c.land_w = th->page_height - th->margin_left - th->margin_right;
		c.land_top = th->page_width - th->margin_top;
		c.land_h = th->page_width - th->margin_top - th->margin_bottom;
	}
	c.toc_page = -1;
	derive(&c);
	if ((st = check_faces(&c)) != PV_OK)
		return st;
	c.pe = para_engine_new();
	prepare_hyphenator(&c);
	if (doc->root != NULL)
		prescan(&c, doc->root, count, &cap);
	index_heads(&c);
	lx_notes_scan(&c);
	c.out = out;
	if (doc->root != NULL)
		st = pass(&c);
	ctx_free(&c);
	return st;
}
