/*
 * emit_outline.c - bookmarks (the outline) and link destinations.
 *
 * Layout lists the headings in reading order with their level; the
 * outline nests each under the nearest earlier heading of a lower level,
 * so a jump from level 1 to level 3 still gives a tree.  Titles may hold
 * any Unicode, so they are written as PDF text strings (UTF-16BE) rather
 * than through libharu's encoders.
 */
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_doc.h>

#include "emit_int.h"

/*
 * A destination showing page `page` with `y` at the top of the window,
 * zoom and horizontal position left as the reader has them:
 * [page /XYZ null y null].  libharu's own SetXYZ cannot write null.
 */
HPDF_Destination
emit_dest(struct emit_ctx *c, int page, double y)
{
	HPDF_Destination dst;
	HPDF_MMgr mm = c->pdf->mmgr;
	double h;

	if (page < 0 || (size_t)page >= c->doc->npages)
		return NULL;
	h = c->doc->pages[page].height;
	if (y < 0 || y > h)
		y = h;
	dst = HPDF_Page_CreateDestination(c->pages[page]);
	if (dst == NULL) {
		emit_check(c);
		return NULL;
	}
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, c->pages[page]);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_Add(dst, HPDF_Null_New(mm));
	HPDF_Array_AddReal(dst, (HPDF_REAL)y);
	HPDF_Array_Add(dst, HPDF_Null_New(mm));
	if (emit_check(c))
		return NULL;
	return dst;
}

void
emit_outlines(struct emit_ctx *c)
{
	const struct lay_doc *doc = c->doc;
	HPDF_Outline parent[EMIT_MAX_OUTLINE_DEPTH + 1];
	int depth = 0, level;
	size_t i;

	if (doc->noutlines == 0)
		return;
	c->doing = "making the bookmarks";
	parent[0] = NULL;       /* libharu's outline root */
	for (i = 0; i < doc->noutlines && !c->failed; i++) {
		const struct lay_outline *o = &doc->outlines[i];
		HPDF_Outline ol;
		HPDF_Destination dst;
		void *title;

		if (o->page < 0 || (size_t)o->page >= doc->npages) {
			emit_fail(c, PV_EINTERNAL, NULL, "PDF: bookmark \"%s\" "
			    "points at page %d of %zu (a layout bug)",
			    o->title ? o->title : "", o->page + 1,
			    doc->npages);
			break;
		}
		level = o->level < 1 ? 1 : o->level;
		if (level > depth + 1)
			level = depth + 1;
		if (level > EMIT_MAX_OUTLINE_DEPTH)
			level = EMIT_MAX_OUTLINE_DEPTH;
		ol = HPDF_CreateOutline(c->pdf, parent[level - 1], "", NULL);
		if (emit_check(c) || ol == NULL)
			break;
		title = emit_text_string(c, o->title ? o->title : "");
		if (title != NULL)
			HPDF_Dict_Add(ol, "Title", title);
		/* libharu gives items the root's /Type /Outlines; an item
		 * has no /Type. */
		HPDF_Dict_RemoveElement(ol, "Type");
		/* Chapters open, so the reader sees the sections. */
		HPDF_Outline_SetOpened(ol, level == 1 ? HPDF_TRUE :
		    HPDF_FALSE);
		if ((dst = emit_dest(c, o->page, o->y)) != NULL)
			HPDF_Outline_SetDestination(ol, dst);
		if (emit_check(c))
			break;
		parent[level] = ol;
		depth = level;
	}
	if (!c->failed)
		HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	emit_check(c);
	c->doing = NULL;
}
