/*
 * pages.c - the laid-out pages: building, freeing and dumping them.
 *
 * The dump is a plain text with one line per page, item, bookmark and
 * image, coordinates rounded to 0.01 pt, so that a test can compare a
 * layout with an expected file and a failing render shows where a box
 * went.  It must stay stable: tests depend on its exact form:
 *
 *	meta title "..." author "..." subject "..." keywords "..." lang nb
 *	image 0 png 120x80 "path"
 *	outline 2 page 3 y 700.00 "1.1 Mål"
 *	page 1 595.28 841.89 cover
 *	  text p 56.69 760.00 w 120.50 face 1 size 24.00 #1F3864 "text"
 *	  line artifact 56.69 650.00 to 538.58 650.00 width 0.50 #808080
 *	  rect td 56.69 500.00 200.00 100.00 fill #DDEBF7 stroke 1.00 #1F3864
 *	  image figure 300.00 500.00 128.00 64.00 image 0 "alt"
 *	  link link 56.69 456.00 80.00 14.00 page 3 y 800.00 (or uri "...")
 *	  path artifact fill #1F3864 stroke 0.50 #000000 M 10.00 20.00 L ...
 *	    C x1 y1 x2 y2 x3 y3 Z (points absolute on the page)
 *
 * A heading's role carries its level ("h2"); parts that are absent (no
 * metadata, no stroke) are left out.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "pages.h"

void
lay_doc_free(struct lay_doc *doc)
{
	size_t p, i;

	if (doc == NULL)
		return;
	for (p = 0; p < doc->npages; p++) {
		struct lay_page *pg = &doc->pages[p];

		for (i = 0; i < pg->n; i++) {
			free(pg->items[i].text);
			free(pg->items[i].uri);
			free(pg->items[i].alt);
			free(pg->items[i].glyphs);
			free(pg->items[i].segs);
		}
		free(pg->items);
	}
	free(doc->pages);
	for (i = 0; i < doc->noutlines; i++)
		free(doc->outlines[i].title);
	free(doc->outlines);
	for (i = 0; i < doc->nimages; i++)
		free(doc->images[i].path);
	free(doc->images);
	free(doc->meta.title);
	free(doc->meta.author);
	free(doc->meta.subject);
	free(doc->meta.keywords);
	free(doc->meta.lang);
	for (i = 0; i < doc->nelems; i++) {
		free(doc->elems[i].alt);
		free(doc->elems[i].lang);
		free(doc->elems[i].id);
	}
	free(doc->elems);
	memset(doc, 0, sizeof(*doc));
}

int
lay_elem_add(struct lay_doc *doc, enum lay_elem_type type, int parent)
{
	struct lay_elem *e;

	PV_GROW(doc->elems, doc->cap_elems, doc->nelems + 1);
	e = &doc->elems[doc->nelems];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->parent = parent;
	e->colspan = e->rowspan = 1;
	return (int)doc->nelems++;
}

struct lay_item *
lay_page_add(struct lay_page *pg, enum lay_kind kind)
{
	struct lay_item *it;

	PV_GROW(pg->items, pg->cap, pg->n + 1);
	it = &pg->items[pg->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->fill = 0xFFFFFFFFu;
	it->dest_page = -1;
	it->image = -1;
	return it;
}

static const char *
role_name(enum lay_role r)
{
	static const char *const names[] = {
		"none", "artifact", "h", "p", "li-label", "li-body", "th",
		"td", "caption", "figure", "toc", "cover", "link",
		"note-ref", "note",
	};

	if ((unsigned)r < sizeof(names) / sizeof(names[0]))
		return names[r];
	return "?";
}

/* A coordinate to 0.01, without "-0.00". */
static void
num(struct pv_buf *b, double v)
{
	v = round(v * 100.0) / 100.0;
	if (v == 0.0 || !isfinite(v))
		v = 0.0;
	pv_buf_printf(b, " %.2f", v);
}

/* Text in double quotes; quote, backslash and control characters
 * escaped, so that every item stays on one line. */
static void
quoted(struct pv_buf *b, const char *s, size_t n)
{
	size_t i;

	pv_buf_puts(b, " \"");
	for (i = 0; s != NULL && i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			pv_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			pv_buf_puts(b, "\\n");
		else if (c < 0x20 || c == 0x7F)
			pv_buf_printf(b, "\\x%02X", c);
		else
			pv_buf_putc(b, c);
	}
	pv_buf_putc(b, '"');
}


/* How a rectangle or a path is painted: its fill, and its stroke. */
static void
paint(struct pv_buf *b, const struct lay_item *it)
{
	if (it->fill == 0xFFFFFFFFu)
		pv_buf_puts(b, " fill none");
	else
		pv_buf_printf(b, " fill #%06X", (unsigned)(it->fill & 0xFFFFFF));
	if (it->line_width > 0) {
		pv_buf_puts(b, " stroke");
		num(b, it->line_width);
		pv_buf_printf(b, " #%06X", (unsigned)(it->color & 0xFFFFFF));
	}
}
static void
dump_item(const struct lay_item *it, struct pv_buf *b)
{
	static const char *const kinds[] = {
		"text", "line", "rect", "image", "link", "path",
	};
	size_t k;

	pv_buf_printf(b, "  %s %s", (unsigned)it->kind < 6 ?
	    kinds[it->kind] : "?", role_name(it->role));
	if (it->level)
		pv_buf_printf(b, "%d", it->level);
	switch (it->kind) {
	case LK_TEXT:
		num(b, it->x);
		num(b, it->y);
		pv_buf_puts(b, " w");
		num(b, it->w);
		pv_buf_printf(b, " face %d size", it->face);
		num(b, it->size);
		pv_buf_printf(b, " #%06X", (unsigned)(it->color & 0xFFFFFF));
		quoted(b, it->text, it->text ? it->text_len : 0);
		break;
	case LK_LINE:
		num(b, it->x);
		num(b, it->y);
		pv_buf_puts(b, " to");
		num(b, it->x2);
		num(b, it->y2);
		pv_buf_puts(b, " width");
		num(b, it->line_width);
		pv_buf_printf(b, " #%06X", (unsigned)(it->color & 0xFFFFFF));
		break;
	case LK_RECT:
		num(b, it->x);
		num(b, it->y);
		num(b, it->w);
		num(b, it->h);
		paint(b, it);
		break;
	case LK_IMAGE:
		num(b, it->x);
		num(b, it->y);
		num(b, it->w);
		num(b, it->h);
		pv_buf_printf(b, " image %d", it->image);
		if (it->alt != NULL)
			quoted(b, it->alt, strlen(it->alt));
		break;
	case LK_LINK:
		num(b, it->x);
		num(b, it->y);
		num(b, it->w);
		num(b, it->h);
		if (it->uri != NULL) {
			pv_buf_puts(b, " uri");
			quoted(b, it->uri, strlen(it->uri));
		} else {
			pv_buf_printf(b, " page %d y", it->dest_page + 1);
			num(b, it->dest_y);
		}
		break;
	case LK_PATH:
		paint(b, it);
		for (k = 0; k < it->nsegs; k++) {
			const struct lay_seg *sg = &it->segs[k];
			int np = sg->op == LS_CURVE ? 3 : sg->op == LS_CLOSE ?
			    0 : 1, j;

			pv_buf_puts(b, sg->op == LS_MOVE ? " M" :
			    sg->op == LS_LINE ? " L" : sg->op == LS_CURVE ?
			    " C" : " Z");
			for (j = 0; j < np; j++) {
				num(b, it->x + sg->p[2 * j]);
				num(b, it->y + sg->p[2 * j + 1]);
			}
		}
		break;
	}
	pv_buf_putc(b, '\n');
}

void
lay_doc_dump(const struct lay_doc *doc, struct pv_buf *b)
{
	const struct lay_meta *m = &doc->meta;
	size_t p, i;

	if (m->title || m->author || m->subject || m->keywords || m->lang) {
		pv_buf_puts(b, "meta");
		if (m->title) {
			pv_buf_puts(b, " title");
			quoted(b, m->title, strlen(m->title));
		}
		if (m->author) {
			pv_buf_puts(b, " author");
			quoted(b, m->author, strlen(m->author));
		}
		if (m->subject) {
			pv_buf_puts(b, " subject");
			quoted(b, m->subject, strlen(m->subject));
		}
		if (m->keywords) {
			pv_buf_puts(b, " keywords");
			quoted(b, m->keywords, strlen(m->keywords));
		}
		if (m->lang)
			pv_buf_printf(b, " lang %s", m->lang);
		pv_buf_putc(b, '\n');
	}
	for (i = 0; i < doc->nimages; i++) {
		const struct lay_image *im = &doc->images[i];

		pv_buf_printf(b, "image %zu %s %dx%d", i,
		    im->is_png ? "png" : "jpeg", im->px_w, im->px_h);
		quoted(b, im->path, im->path ? strlen(im->path) : 0);
		pv_buf_putc(b, '\n');
	}
	for (i = 0; i < doc->noutlines; i++) {
		const struct lay_outline *o = &doc->outlines[i];

		pv_buf_printf(b, "outline %d page %d y", o->level,
		    o->page + 1);
		num(b, o->y);
		quoted(b, o->title, o->title ? strlen(o->title) : 0);
		pv_buf_putc(b, '\n');
	}
	for (p = 0; p < doc->npages; p++) {
		const struct lay_page *pg = &doc->pages[p];

		pv_buf_printf(b, "page %zu", p + 1);
		num(b, pg->width);
		num(b, pg->height);
		pv_buf_printf(b, "%s\n", pg->is_cover ? " cover" : "");
		for (i = 0; i < pg->n; i++)
			dump_item(&pg->items[i], b);
	}
}
