/*
 * layout_deco.c - what is added once the pages exist: the running header
 * and footer ("Side 3 av 24" needs the total), the targets of internal
 * links and of the table of contents, and the bookmarks.
 *
 * Nothing here moves content: it only adds artifacts to pages and fills
 * in destinations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "layout_int.h"

#define HEADER_GAP 20.0  /* pt from the header baseline to the text area */
#define FOOTER_GAP 28.0  /* pt from the text area to the footer baseline */
#define DEST_AIR 6.0     /* pt above a link target, so it is not cut */

/* "Side %d av %d" with the numbers put in, without a format string
 * from data. */
static char *
page_label(const char *fmt, int page, int total)
{
	struct pv_buf b;
	int which = 0;

	pv_buf_init(&b);
	for (; *fmt != '\0'; fmt++) {
		if (fmt[0] == '%' && fmt[1] == 'd') {
			pv_buf_printf(&b, "%d", which++ == 0 ? page : total);
			fmt++;
		} else
			pv_buf_putc(&b, *fmt);
	}
	return pv_buf_take(&b);
}

/*
 * Text cut with an ellipsis to fit `maxw`, at the end of a word: never
 * "Kompetanseutviklingsstrategi for tidlig innsats og kva…".  Only a
 * first word that alone is too wide is cut inside it.
 */
static char *
fit_text(struct lctx *c, int face, double size, const char *s, double maxw,
    double *w)
{
	size_t n = strlen(s), k;
	double ell = lx_text_width(c, face, size, "\xE2\x80\xA6", 3);
	char *r;

	*w = lx_text_width(c, face, size, s, n);
	if (*w <= maxw)
		return pv_xstrdup(s);
	/* Back off one word at a time, with the spaces, dashes and
	 * commas before it. */
	for (k = n; k > 0;) {
		while (k > 0 && s[k - 1] != ' ')
			k--;
		while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == ',' ||
		    s[k - 1] == ':' || s[k - 1] == '-'))
			k--;
		/* An en or em dash between words. */
		while (k >= 3 && (unsigned char)s[k - 3] == 0xE2 &&
		    (unsigned char)s[k - 2] == 0x80 &&
		    ((unsigned char)s[k - 1] == 0x93 ||
		    (unsigned char)s[k - 1] == 0x94)) {
			k -= 3;
			while (k > 0 && s[k - 1] == ' ')
				k--;
		}
		if (k > 0 && lx_text_width(c, face, size, s, k) + ell <= maxw)
			break;
	}
	/* A first word wider than the room: cut inside it after all. */
	for (n = k == 0 ? strlen(s) : k; k == 0 && n > 0;) {
		while (--n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			continue;
		if (lx_text_width(c, face, size, s, n) + ell <= maxw)
			break;
	}
	r = pv_xasprintf("%.*s\xE2\x80\xA6", (int)n, s);
	*w = lx_text_width(c, face, size, r, strlen(r));
	return r;
}

static void
text_item(struct lay_page *pg, int face, const struct theme_text *ts,
    double x, double y, char *s, double w)
{
	struct lay_item *it = lay_page_add(pg, LK_TEXT);

	it->role = LR_ARTIFACT;
	it->x = x;
	it->y = y;
	it->w = w;
	it->face = face;
	it->size = ts->size;
	it->color = ts->color;
	it->text = s;
	it->text_len = strlen(s);
}

static void
header(struct lctx *c, struct lay_page *pg)
{
	const struct theme *th = c->th;
	const struct doc_meta *m = &c->doc->meta;
	const char *title = m->running_title ? m->running_title : m->title;
	int face = lx_style_face(c, &th->header, 0, 0);
	/* The page's own size: a landscape page's header runs across it. */
	double y = pg->height - th->margin_top + HEADER_GAP, w, aw = 0;
	double right = pg->width - th->margin_right;
	double room = pg->width - th->margin_left - th->margin_right;
	struct lay_item *it;
	char *s;

	/* Nothing to run: no rule alone either. */
	if ((title == NULL || *title == '\0') && (m->author == NULL ||
	    *m->author == '\0'))
		return;
	if (m->author != NULL && *m->author != '\0') {
		s = fit_text(c, face, th->header.size, m->author, room / 2.5,
		    &aw);
		text_item(pg, face, &th->header, right - aw, y, s, aw);
		room -= aw + 24;
	}
	if (title != NULL && *title != '\0') {
		s = fit_text(c, face, th->header.size, title, room, &w);
		text_item(pg, face, &th->header, th->margin_left, y, s, w);
	}
	it = lay_page_add(pg, LK_LINE);
	it->role = LR_ARTIFACT;
	it->x = th->margin_left;
	it->x2 = right;
	it->y = it->y2 = y - 6;
	it->line_width = 0.5;
	it->color = th->table_rule;
}

static void
footer(struct lctx *c, struct lay_page *pg, int page, int total)
{
	const struct theme *th = c->th;
	int face = lx_style_face(c, &th->footer, 0, 0);
	char *s = page_label(c->labels->page_of, page, total);
	double w = lx_text_width(c, face, th->footer.size, s, strlen(s));

	text_item(pg, face, &th->footer, pg->width - th->margin_right - w,
	    th->margin_bottom - FOOTER_GAP, s, w);
}

/* The running header and footer of every page but the cover. */
void
lx_running(struct lctx *c)
{
	struct lay_doc *out = c->out;
	size_t p;

	for (p = 0; p < out->npages; p++) {
		if (out->pages[p].is_cover)
			continue;
		if (p > 0 || c->th->header_on_first_page)
			header(c, &out->pages[p]);
		footer(c, &out->pages[p], (int)p + 1, (int)out->npages);
	}
}

struct target {
	const char *id;
	int page;
	double y;
};

static int
target_cmp(const void *a, const void *b)
{
	const struct target *x = a, *y = b;

	return strcmp(x->id, y->id);
}

static void
add_outline(struct lay_doc *out, const char *title, int level, int page,
    double y)
{
	struct lay_outline *o;

	PV_GROW(out->outlines, out->cap_outlines, out->noutlines + 1);
	o = &out->outlines[out->noutlines++];
	o->title = pv_xstrdup(title);
	o->level = level;
	o->page = page;
	o->y = y;
}

static void
outlines(struct lctx *c)
{
	size_t k;

	for (k = 0; k <= c->nheads; k++) {
		if (c->has_toc && k == c->toc_before && c->toc_page >= 0)
			add_outline(c->out, c->labels->contents, 1, c->toc_page,
			    c->toc_y);
		if (k < c->nheads && c->heads[k].outline &&
		    c->heads[k].page >= 0)
			add_outline(c->out, c->heads[k].title,
			    c->heads[k].level, c->heads[k].page,
			    c->heads[k].y);
	}
}

/* Where every anchor landed. */
static struct target *
anchors(struct lctx *c, struct vlist *vl, size_t *nt)
{
	struct target *t = NULL;
	size_t i, cap = 0, si;
	const struct vslice *sl;
	double y;

	*nt = 0;
	c->toc_page = -1;
	for (i = 0; i < vl->na; i++) {
		if (vl->n == 0 || vl->a[i].slice == (size_t)-1)
			continue;
		si = vl->a[i].slice < vl->n ? vl->a[i].slice : vl->n - 1;
		sl = &vl->s[si];
		if (sl->page < 0)
			continue;
		y = sl->top + DEST_AIR;
		if (y > c->out->pages[sl->page].height)
			y = c->out->pages[sl->page].height;
		if (vl->a[i].head >= 0) {
			c->heads[vl->a[i].head].page = sl->page;
			c->heads[vl->a[i].head].y = y;
		} else if (vl->a[i].head == TOC_ANCHOR) {
			c->toc_page = sl->page;
			c->toc_y = y;
		}
		if (vl->a[i].id != NULL) {
			PV_GROW(t, cap, *nt + 1);
			t[*nt].id = vl->a[i].id;
			t[*nt].page = sl->page;
			t[(*nt)++].y = y;
		}
	}
	if (*nt > 0)
		qsort(t, *nt, sizeof(*t), target_cmp);
	return t;
}

/* Fill in one internal link; 0 when its target was not placed. */
static int
resolve_link(struct lctx *c, struct lay_item *it, const struct target *t,
    size_t nt)
{
	struct target key, *hit;
	long k;

	if (it->uri[1] == NOTE_LINK_MARK) {
		k = strtol(it->uri + 2, NULL, 10);
		if (k < 1 || (size_t)k > c->nnotes ||
		    !c->notes[k - 1].placed)
			return 0;
		it->dest_page = c->notes[k - 1].page;
		it->dest_y = c->notes[k - 1].y;
	} else if (it->uri[1] == HEAD_LINK_MARK) {
		k = strtol(it->uri + 2, NULL, 10);
		if (k < 0 || (size_t)k >= c->nheads || c->heads[k].page < 0)
			return 0;
		it->dest_page = c->heads[k].page;
		it->dest_y = c->heads[k].y;
	} else {
		key.id = it->uri + 1;
		hit = nt > 0 ? bsearch(&key, t, nt, sizeof(*t), target_cmp) :
		    NULL;
		if (hit == NULL)
			return 0;
		it->dest_page = hit->page;
		it->dest_y = hit->y;
	}
	free(it->uri);
	it->uri = NULL;
	return 1;
}

/*
 * Internal links get their page and y; a link whose target is nowhere
 * on the pages (parse checked that the id exists, so it is on the cover
 * or in nothing shown) is dropped rather than pointing nowhere.
 */
enum pv_status
lx_resolve(struct lctx *c, struct vlist *vl)
{
	struct target *t;
	struct lay_page *pg;
	struct lay_item *it;
	size_t nt, p, i, o;

	t = anchors(c, vl, &nt);
	for (p = 0; p < c->out->npages; p++) {
		pg = &c->out->pages[p];
		for (i = o = 0; i < pg->n; i++) {
			it = &pg->items[i];
			if (it->kind == LK_LINK) {
				it->level = 0;
				if (it->uri != NULL && it->uri[0] == '#' &&
				    !resolve_link(c, it, t, nt)) {
					item_free(it);
					continue;
				}
			}
			pg->items[o++] = *it;
		}
		pg->n = o;
	}
	free(t);
	lx_tocnums(c, vl);
	outlines(c);
	return PV_OK;
}
