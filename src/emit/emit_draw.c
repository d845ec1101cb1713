/*
 * emit_draw.c - the items of each page become content-stream operators.
 *
 * Layout has placed every fragment: here nothing is measured or moved.
 * The first text item on a baseline is set with an absolute text matrix
 * (Tm); the next ones on the same baseline move from it with Td, which
 * is shorter and, in libharu, much cheaper than Tm.  Td is relative, so
 * rounding in the written numbers (5 decimals) could add up; starting
 * each baseline afresh with Tm bounds that to the words of one line.
 * Text items that follow each other share one BT..ET block and the font,
 * size and colour operators are written only when they change, which
 * keeps 45 lines of words per page small.
 *
 * Text goes to libharu as UTF-8 through its "UTF-8" encoder, which shows
 * each character as its BMP code point (a 2-byte CID); what we pass must
 * therefore be valid UTF-8 of the BMP without control characters, and we
 * note every code shown so that the ToUnicode map covers exactly those.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "../font/font.h"
#include "../util/buf.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "emit_int.h"

#define NO_COLOR 0xFFFFFFFFu

/* What the content stream has set so far on this page. */
struct pen {
	int in_text;
	int have_line;          /* the text line matrix is at line_x, line_y */
	double line_x, line_y;
	int face;
	double size;
	uint32_t fill, stroke;
	double line_width;
};

static HPDF_REAL
comp(uint32_t rgb, int shift)
{
	return (HPDF_REAL)((rgb >> shift) & 0xFF) / 255.0f;
}

static HPDF_Font
face_font(struct emit_ctx *c, int face)
{
	struct emit_face *f;
	const char *path;

	if (face < 0 || (size_t)face >= c->nfaces) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: text in font face %d, "
		    "which was never loaded (a layout bug)", face);
		return NULL;
	}
	f = &c->faces[face];
	if (f->font != NULL)
		return f->font;
	path = font_path(c->fs, face);
	c->doing = "embedding the font";
	c->doing_file = path;
	f->font = emit_load_font(c, path);
	if (!c->failed && f->font == NULL)
		emit_fail(c, PV_EINPUT, path, "PDF: libharu cannot use this "
		    "font");
	c->doing = NULL;
	c->doing_file = NULL;
	if (f->font != NULL && f->used == NULL)
		f->used = pv_xcalloc(65536 / 8, 1);
	return f->font;
}

/*
 * The text as libharu may show it: invalid UTF-8 and characters beyond
 * the BMP (which libharu would turn into spaces) become U+FFFD, control
 * characters are dropped, tabs become spaces.  Marks each code used.
 */
static void
clean_text(const char *s, size_t n, struct pv_buf *out, uint8_t *used)
{
	uint32_t cp;
	size_t i = 0, k;
	char enc[4];

	pv_buf_clear(out);
	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		if (cp == '\t')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		pv_buf_put(out, enc, pv_utf8_encode(cp, enc));
	}
}

static void
end_text(HPDF_Page pg, struct pen *pen)
{
	if (pen->in_text) {
		HPDF_Page_EndText(pg);
		pen->in_text = 0;
	}
}

static void
set_fill(HPDF_Page pg, struct pen *pen, uint32_t rgb)
{
	if (pen->fill != rgb) {
		HPDF_Page_SetRGBFill(pg, comp(rgb, 16), comp(rgb, 8),
		    comp(rgb, 0));
		pen->fill = rgb;
	}
}

static void
set_stroke(HPDF_Page pg, struct pen *pen, uint32_t rgb, double width)
{
	if (pen->stroke != rgb) {
		HPDF_Page_SetRGBStroke(pg, comp(rgb, 16), comp(rgb, 8),
		    comp(rgb, 0));
		pen->stroke = rgb;
	}
	if (pen->line_width != width) {
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)width);
		pen->line_width = width;
	}
}

static void
draw_text(struct emit_ctx *c, HPDF_Page pg, struct pen *pen,
    const struct lay_item *it, struct pv_buf *tmp)
{
	HPDF_Font font;

	if (it->text == NULL || it->text_len == 0)
		return;
	if ((font = face_font(c, it->face)) == NULL)
		return;
	clean_text(it->text, it->text_len, tmp, c->faces[it->face].used);
	if (tmp->len == 0)
		return;
	if (!pen->in_text) {
		HPDF_Page_BeginText(pg);
		pen->in_text = 1;
		pen->have_line = 0;
	}
	if (pen->face != it->face || pen->size != it->size) {
		HPDF_Page_SetFontAndSize(pg, font, (HPDF_REAL)it->size);
		pen->face = it->face;
		pen->size = it->size;
	}
	set_fill(pg, pen, it->color & 0xFFFFFF);
	if (pen->have_line && it->y == pen->line_y)
		HPDF_Page_MoveTextPos(pg, (HPDF_REAL)(it->x - pen->line_x), 0);
	else
		HPDF_Page_SetTextMatrix(pg, 1, 0, 0, 1, (HPDF_REAL)it->x,
		    (HPDF_REAL)it->y);
	pen->have_line = 1;
	pen->line_x = it->x;
	pen->line_y = it->y;
	HPDF_Page_ShowText(pg, tmp->data);
}

static void
draw_line(HPDF_Page pg, struct pen *pen, const struct lay_item *it)
{
	if (it->line_width <= 0)
		return;
	end_text(pg, pen);
	set_stroke(pg, pen, it->color & 0xFFFFFF, it->line_width);
	HPDF_Page_MoveTo(pg, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
	HPDF_Page_LineTo(pg, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
	HPDF_Page_Stroke(pg);
}

static void
draw_rect(HPDF_Page pg, struct pen *pen, const struct lay_item *it)
{
	int fill = it->fill != NO_COLOR, stroke = it->line_width > 0;

	if (!fill && !stroke)
		return;
	end_text(pg, pen);
	if (fill)
		set_fill(pg, pen, it->fill & 0xFFFFFF);
	if (stroke)
		set_stroke(pg, pen, it->color & 0xFFFFFF, it->line_width);
	HPDF_Page_Rectangle(pg, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
	    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
	if (fill && stroke)
		HPDF_Page_FillStroke(pg);
	else if (fill)
		HPDF_Page_Fill(pg);
	else
		HPDF_Page_Stroke(pg);
}

static void
draw_image(struct emit_ctx *c, HPDF_Page pg, struct pen *pen,
    const struct lay_item *it)
{
	HPDF_Image img;

	if ((img = emit_image(c, it->image)) == NULL)
		return;
	end_text(pg, pen);
	HPDF_Page_DrawImage(pg, img, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
	    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
}

/* A URI in a PDF is 7-bit ASCII: other bytes and spaces are
 * percent-encoded, as a browser would. */
static char *
ascii_uri(const char *uri)
{
	static const char hex[] = "0123456789ABCDEF";
	struct pv_buf b;
	const unsigned char *p;

	pv_buf_init(&b);
	for (p = (const unsigned char *)uri; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F) {
			pv_buf_putc(&b, '%');
			pv_buf_putc(&b, hex[*p >> 4]);
			pv_buf_putc(&b, hex[*p & 15]);
		} else {
			pv_buf_putc(&b, *p);
		}
	}
	if (b.data == NULL)
		pv_buf_puts(&b, "");
	return pv_buf_take(&b);
}

static void
draw_link(struct emit_ctx *c, HPDF_Page pg, const struct lay_item *it)
{
	HPDF_Annotation a = NULL;
	HPDF_Rect r;

	r.left = (HPDF_REAL)it->x;
	r.bottom = (HPDF_REAL)it->y;
	r.right = (HPDF_REAL)(it->x + it->w);
	r.top = (HPDF_REAL)(it->y + it->h);
	if (it->uri != NULL && it->uri[0] != '\0') {
		char *uri = ascii_uri(it->uri);

		a = HPDF_Page_CreateURILinkAnnot(pg, r, uri);
		free(uri);
	} else if (it->dest_page >= 0) {
		HPDF_Destination dst;

		if ((size_t)it->dest_page >= c->doc->npages) {
			emit_fail(c, PV_EINTERNAL, NULL, "PDF: a link to page "
			    "%d of %zu (a layout bug)", it->dest_page + 1,
			    c->doc->npages);
			return;
		}
		if ((dst = emit_dest(c, it->dest_page, it->dest_y)) == NULL)
			return;
		a = HPDF_Page_CreateLinkAnnot(pg, r, dst);
	} else {
		return;
	}
	/* Links are shown by the text's colour, not by a box. */
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

/* A number libharu would write as garbage is a layout bug, said so. */
static int
finite_item(const struct lay_item *it)
{
	return isfinite(it->x) && isfinite(it->y) && isfinite(it->w) &&
	    isfinite(it->h) && isfinite(it->x2) && isfinite(it->y2) &&
	    isfinite(it->size) && isfinite(it->line_width) &&
	    isfinite(it->dest_y);
}

void
emit_draw_pages(struct emit_ctx *c)
{
	const struct lay_doc *doc = c->doc;
	struct pv_buf tmp;
	size_t p, i;

	pv_buf_init(&tmp);
	for (p = 0; p < doc->npages && !c->failed; p++) {
		const struct lay_page *page = &doc->pages[p];
		HPDF_Page pg = c->pages[p];
		struct pen pen;

		pen.in_text = 0;
		pen.face = -1;
		pen.size = -1;
		pen.fill = pen.stroke = NO_COLOR;
		pen.line_width = -1;
		c->doing = "drawing a page";
		for (i = 0; i < page->n && !c->failed; i++) {
			const struct lay_item *it = &page->items[i];

			if (!finite_item(it)) {
				emit_fail(c, PV_EINTERNAL, NULL, "PDF: item %zu "
				    "of page %zu has a coordinate that is not a "
				    "number (a layout bug)", i + 1, p + 1);
				break;
			}
			switch (it->kind) {
			case LK_TEXT:
				draw_text(c, pg, &pen, it, &tmp);
				break;
			case LK_LINE:
				draw_line(pg, &pen, it);
				break;
			case LK_RECT:
				draw_rect(pg, &pen, it);
				break;
			case LK_IMAGE:
				draw_image(c, pg, &pen, it);
				break;
			case LK_LINK:
				draw_link(c, pg, it);
				break;
			}
			c->doing = "drawing a page";
			emit_check(c);
		}
		end_text(pg, &pen);
		emit_check(c);
	}
	c->doing = NULL;
	pv_buf_free(&tmp);
}
