/*
 * emit_draw.c - the items of each page become content-stream operators.
 *
 * Layout has placed every fragment: here nothing is measured or moved.
 * We write the operators ourselves into a buffer per page and hand the
 * bytes to the page's content stream (libharu's object API), because
 * libharu's HPDF_Page_* operators clear a 512-byte buffer byte by byte
 * for every number they write and measure every string they show again:
 * for a page of justified text that was most of the cost of the PDF.
 * libharu still names the font resources (HPDF_Page_GetLocalFontName)
 * and draws the images, whose XObject names only it knows; before it
 * does, what we have written so far goes to the stream first.
 *
 * The first text item on a baseline is set with an absolute text matrix
 * (Tm); a later one on the same baseline, after a change of font or
 * colour, moves from it with Td.  Words that follow each other on a
 * baseline in the same font and colour go into one TJ array, each
 * placed by the number between it and the last: the reader's position
 * after a string is its glyphs' widths (the /W array emit_fonts writes,
 * from the same font module), and we follow that position exactly, so
 * the numbers never drift from where layout put each word.  Numbers
 * have at most three decimals (a micrometre); a Tm on each new baseline
 * bounds any rounding to one line.
 *
 * Text is shown as 2-byte glyph ids in the Type0 fonts of emit_font.c;
 * every glyph shown is noted, with the character it was shown for, so
 * that widths, subset and ToUnicode map cover exactly those.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "../font/font.h"
#include "../util/buf.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "emit_int.h"

#define NO_COLOR 0xFFFFFFFFu
/* The largest coordinate a PDF reader must accept (PDF 1.7, C.2). */
#define MAX_COORD 32767.0
/* Larger type is no text but a drawing; libharu drew the line here. */
#define MAX_FONT_SIZE 600.0

/* What the content stream of the page being drawn has set so far. */
struct pen {
	HPDF_Page page;
	struct pv_buf *out;     /* operators not yet in the page's stream */
	int in_text;
	int have_line;          /* the text line matrix is at line_x, line_y */
	double line_x, line_y;
	int in_array;           /* a TJ array is open ... */
	double array_x;         /* ... and the reader's pen is here */
	int face;
	double size;
	uint32_t fill, stroke;
	double line_width;
	int mark;               /* the open marked-content sequence: MARK_* or
				 * an element */
	int mark_in_bt;         /* ... opened inside the open text object */
};

#define MARK_NONE (-1)
#define MARK_ARTIFACT (-2)

static void mark_item(struct emit_ctx *, struct pen *,
    const struct lay_item *);

/*
 * A number as a PDF content stream wants it: at most `decimals` decimals,
 * no trailing zeros, no exponent, and never "-0".  Values are in range
 * (finite_item), so the scaled integer cannot overflow.
 */
static void
put_number(struct pv_buf *b, double v, int decimals)
{
	static const long scale[] = { 1, 10, 100, 1000, 10000 };
	char tmp[32], *p = tmp + sizeof(tmp);
	long n = lround(fabs(v) * (double)scale[decimals]);
	long ip = n / scale[decimals], fp = n % scale[decimals];
	int d = decimals;

	while (d > 0 && fp % 10 == 0) {
		fp /= 10;
		d--;
	}
	if (d > 0) {
		while (d-- > 0) {
			*--p = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	if (v < 0 && n != 0)
		*--p = '-';
	pv_buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* Numbers separated by spaces, then the operator and a newline. */
static void
put_op(struct pv_buf *b, const double *v, size_t n, int decimals,
    const char *op)
{
	size_t i;

	for (i = 0; i < n; i++) {
		put_number(b, v[i], decimals);
		pv_buf_putc(b, ' ');
	}
	pv_buf_puts(b, op);
	pv_buf_putc(b, '\n');
}

/* Hand what we have written to the page's content stream. */
static void
flush(struct emit_ctx *c, struct pen *pen)
{
	HPDF_PageAttr attr = pen->page->attr;

	if (pen->out->len == 0)
		return;
	if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)pen->out->data,
	    (HPDF_UINT)pen->out->len) != HPDF_OK)
		emit_check(c);
	pv_buf_clear(pen->out);
}

/* One glyph id, two bytes, into an open literal string. */
static void
put_gid(struct pv_buf *b, uint16_t g)
{
	char e[4];
	int j;

	for (j = 0; j < 2; j++) {
		unsigned char byte = (unsigned char)(j ? g : g >> 8);
		size_t len = 0;

		if (byte == '(' || byte == ')' || byte == '\\')
			e[len++] = '\\';
		if (byte == '\r' || byte == '\n') {
			e[len++] = '\\';
			e[len++] = byte == '\r' ? 'r' : 'n';
		} else {
			e[len++] = (char)byte;
		}
		pv_buf_put(b, e, len);
	}
}

/*
 * The text as a literal string of 2-byte glyph ids; returns its width in
 * thousandths of an em, or -1 when nothing in it can be shown (the
 * caller takes the string back).  Invalid UTF-8 and characters beyond
 * the BMP become U+FFFD, control characters are dropped, tabs become
 * spaces; each glyph shown is marked, with the lowest code point shown
 * with it, for the ToUnicode map.  A CR or LF byte is escaped because a
 * reader would read a bare one as a line end.
 */
static long
put_text(struct emit_ctx *c, struct pv_buf *b, int face, const char *s,
    size_t n)
{
	struct emit_face *f = &c->faces[face];
	uint32_t cp;
	uint16_t g;
	size_t i = 0, k, count = 0;
	long width = 0;

	pv_buf_putc(b, '(');
	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		if (cp == '\t')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		g = font_glyph(c->fs, face, cp);
		if (g >= f->nglyphs)
			g = 0;
		f->used[g >> 3] |= (uint8_t)(1u << (g & 7));
		if (f->unicode[g] == 0 || cp < f->unicode[g])
			f->unicode[g] = (uint16_t)cp;
		width += font_glyph_advance(c->fs, face, g);
		count++;
		put_gid(b, g);
	}
	pv_buf_putc(b, ')');
	return count ? width : -1;
}

/*
 * Note the text a shaped glyph shows (its cluster's bytes) for the
 * ToUnicode map.  One UTF-16 unit is kept as put_text keeps it (the
 * lowest); a glyph shown for several units (a ligature, a letter and
 * its mark) keeps the shortest, then the lowest, so the map is the
 * same whatever the order of the pages; and a glyph ever shown for one
 * unit maps to that (a precomposed letter and its decomposed form show
 * one glyph: the text read back is the precomposed, equivalent one).
 */
static void
note_text(struct emit_face *f, uint16_t g, const char *s, size_t n)
{
	uint16_t u[EMIT_MAX_UNITS + 1];
	size_t i = 0, k, m = 0;
	uint32_t cp;

	while (i < n && m < EMIT_MAX_UNITS) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		if (k == 0)
			cp = 0xFFFD;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		if (cp > 0xFFFF) {
			if (m + 2 > EMIT_MAX_UNITS)
				break;
			cp -= 0x10000;
			u[1 + m++] = (uint16_t)(0xD800 + (cp >> 10));
			u[1 + m++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
		} else
			u[1 + m++] = (uint16_t)cp;
	}
	if (m == 0)
		return;
	if (m == 1) {
		if (f->unicode[g] == 0 || u[1] < f->unicode[g])
			f->unicode[g] = u[1];
		return;
	}
	u[0] = (uint16_t)m;
	if (f->multi == NULL)
		f->multi = pv_xcalloc(f->nglyphs, sizeof(*f->multi));
	if (f->multi[g][0] != 0) {
		if (m > f->multi[g][0])
			return;
		if (m == f->multi[g][0]) {
			for (k = 1; k <= m && u[k] == f->multi[g][k]; k++)
				;
			if (k > m || u[k] > f->multi[g][k])
				return;
		}
	}
	memcpy(f->multi[g], u, (m + 1) * sizeof(u[0]));
}

/*
 * The shaped glyphs of a fragment into the open TJ array; returns the
 * width in thousandths of an em.  The reader moves each glyph by its /W
 * width; where shaping moved it otherwise (kerning, a mark's offset) a
 * number in the array says by how much, so kerning is visible as TJ
 * adjustments inside a word.  A mark raised or lowered (y offset) is
 * shown by itself with a text rise.
 */
static long
put_glyphs(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	struct emit_face *f = &c->faces[it->face];
	struct pv_buf *b = pen->out;
	const struct font_glyph *gl = it->glyphs;
	size_t i, j, end;
	long width = 0, pre, pend = 0;
	int open = 0;
	uint16_t g;

	for (i = 0; i < it->nglyphs; i++) {
		g = gl[i].id < f->nglyphs ? gl[i].id : 0;
		f->used[g >> 3] |= (uint8_t)(1u << (g & 7));
		if ((i == 0 || gl[i].cluster != gl[i - 1].cluster) &&
		    gl[i].cluster < it->text_len) {
			for (j = i + 1; j < it->nglyphs &&
			    gl[j].cluster == gl[i].cluster; j++)
				;
			end = j < it->nglyphs && gl[j].cluster > gl[i].cluster ?
			    gl[j].cluster : it->text_len;
			note_text(f, g, it->text + gl[i].cluster,
			    end - gl[i].cluster);
		}
		/* What the last glyph left over and this one's offset, as
		 * one number (a pair kerned on both of its glyphs). */
		pre = pend - (long)gl[i].dx;
		pend = (long)font_glyph_advance(c->fs, it->face, g) -
		    gl[i].adv + gl[i].dx;
		if (gl[i].dy != 0) {
			double rise = gl[i].dy * it->size / 1000.0;

			if (open)
				pv_buf_putc(b, ')');
			open = 0;
			if (pre != 0) {
				put_number(b, (double)pre, 0);
				pre = 0;
			}
			pv_buf_puts(b, "] TJ\n");
			put_op(b, &rise, 1, 3, "Ts");
			pv_buf_putc(b, '[');
		}
		if (pre != 0) {
			if (open)
				pv_buf_putc(b, ')');
			open = 0;
			pv_buf_putc(b, ' ');
			put_number(b, (double)pre, 0);
			pv_buf_putc(b, ' ');
		}
		if (!open)
			pv_buf_putc(b, '(');
		open = 1;
		put_gid(b, g);
		if (gl[i].dy != 0) {
			pv_buf_puts(b, ")] TJ\n0 Ts\n[");
			open = 0;
		}
		width += gl[i].adv;
	}
	if (open)
		pv_buf_putc(b, ')');
	if (pend != 0) {
		pv_buf_putc(b, ' ');
		put_number(b, (double)pend, 0);
		pv_buf_putc(b, ' ');
	}
	return it->nglyphs > 0 ? width : -1;
}

static void
end_array(struct pen *pen)
{
	if (pen->in_array) {
		pv_buf_puts(pen->out, "] TJ\n");
		pen->in_array = 0;
	}
}

static void
end_text(struct pen *pen)
{
	end_array(pen);
	/* A sequence begun inside a text object ends inside it. */
	if (pen->mark_in_bt) {
		pv_buf_puts(pen->out, "EMC\n");
		pen->mark = MARK_NONE;
		pen->mark_in_bt = 0;
	}
	if (pen->in_text) {
		pv_buf_puts(pen->out, "ET\n");
		pen->in_text = 0;
	}
}

static void
put_color(struct pv_buf *b, uint32_t rgb, const char *op)
{
	double v[3];

	v[0] = (double)((rgb >> 16) & 0xFF) / 255.0;
	v[1] = (double)((rgb >> 8) & 0xFF) / 255.0;
	v[2] = (double)(rgb & 0xFF) / 255.0;
	put_op(b, v, 3, 4, op);
}

static void
set_fill(struct pen *pen, uint32_t rgb)
{
	if (pen->fill != rgb) {
		put_color(pen->out, rgb, "rg");
		pen->fill = rgb;
	}
}

static void
set_stroke(struct pen *pen, uint32_t rgb, double width)
{
	if (pen->stroke != rgb) {
		put_color(pen->out, rgb, "RG");
		pen->stroke = rgb;
	}
	if (pen->line_width != width) {
		put_op(pen->out, &width, 1, 3, "w");
		pen->line_width = width;
	}
}

static void
draw_text(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	struct pv_buf *b = pen->out;
	HPDF_Dict font;
	size_t mark;
	double kern = 0;
	long width;

	if (it->text == NULL || it->text_len == 0)
		return;
	if ((font = emit_face_font(c, it->face)) == NULL)
		return;
	mark_item(c, pen, it);
	if (pen->in_array && (pen->face != it->face || pen->size != it->size ||
	    pen->fill != (it->color & 0xFFFFFF) || it->y != pen->line_y))
		end_array(pen);
	mark = b->len;
	if (!pen->in_array) {
		if (!pen->in_text) {
			pv_buf_puts(b, "BT\n");
			pen->in_text = 1;
			pen->have_line = 0;
		}
		if (pen->face != it->face || pen->size != it->size) {
			const char *name;

			if ((name = HPDF_Page_GetLocalFontName(pen->page,
			    font)) == NULL) {
				emit_check(c);
				return;
			}
			pv_buf_putc(b, '/');
			pv_buf_puts(b, name);
			pv_buf_putc(b, ' ');
			put_op(b, &it->size, 1, 3, "Tf");
			pen->face = it->face;
			pen->size = it->size;
		}
		set_fill(pen, it->color & 0xFFFFFF);
		if (pen->have_line && it->y == pen->line_y) {
			double v[2] = { it->x - pen->line_x, 0 };

			put_op(b, v, 2, 3, "Td");
		} else {
			double v[6] = { 1, 0, 0, 1, it->x, it->y };

			put_op(b, v, 6, 3, "Tm");
		}
		pen->have_line = 1;
		pen->line_x = it->x;
		pen->line_y = it->y;
		pen->array_x = it->x;
		pen->in_array = 1;
		pv_buf_putc(b, '[');
		mark = b->len;
	} else if (it->size > 0) {
		/* A TJ number moves left by thousandths of the font size;
		 * the reader's pen moves by exactly what we write. */
		kern = round((pen->array_x - it->x) * 1000.0 / it->size *
		    1000.0) / 1000.0;
		if (kern != 0) {
			put_number(b, kern, 3);
			pv_buf_putc(b, ' ');
		}
	}
	width = it->glyphs != NULL ? put_glyphs(c, pen, it) :
	    put_text(c, b, it->face, it->text, it->text_len);
	if (width < 0) {
		b->data[b->len = mark] = '\0';
		return;
	}
	pen->array_x += (width - kern) * it->size / 1000.0;
}

/*
 * Content of one element that follows on from the item before stays in
 * its marked-content sequence; anything else closes it and opens the
 * next: the element's, with a new MCID, or an Artifact.  Text is marked
 * inside its text object, so that the words of one cell after another's
 * stay in one BT...ET (a sequence begun there ends there, end_text);
 * drawings are marked outside, around whole text objects if any.
 */
static void
mark_item(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	int want, text = it->kind == LK_TEXT;

	if (c->tags == NULL)
		return;
	want = it->role == LR_ARTIFACT ? MARK_ARTIFACT : emit_tags_elem(c, it);
	if (!text && pen->mark_in_bt)
		end_text(pen);
	if (want == pen->mark)
		return;
	if (text) {
		if (pen->mark != MARK_NONE && !pen->mark_in_bt) {
			end_text(pen);
			pv_buf_puts(pen->out, "EMC\n");
			pen->mark = MARK_NONE;
		}
		end_array(pen);
		if (pen->mark != MARK_NONE)
			pv_buf_puts(pen->out, "EMC\n");
		if (!pen->in_text) {
			pv_buf_puts(pen->out, "BT\n");
			pen->in_text = 1;
			pen->have_line = 0;
		}
		pen->mark_in_bt = 1;
	} else {
		end_text(pen);
		if (pen->mark != MARK_NONE)
			pv_buf_puts(pen->out, "EMC\n");
	}
	pen->mark = want;
	if (want == MARK_ARTIFACT) {
		pv_buf_puts(pen->out, "/Artifact BMC\n");
		return;
	}
	pv_buf_putc(pen->out, '/');
	pv_buf_puts(pen->out, emit_tags_name(c, want));
	pv_buf_put(pen->out, " <</MCID ", 9);
	pv_buf_put_uint(pen->out, (unsigned)emit_tags_mcid(c, want));
	pv_buf_put(pen->out, ">> BDC\n", 7);
}

static void
end_mark(struct pen *pen)
{
	end_text(pen);
	if (pen->mark != MARK_NONE)
		pv_buf_puts(pen->out, "EMC\n");
	pen->mark = MARK_NONE;
}

static void
draw_line(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	double v[2];

	if (it->line_width <= 0)
		return;
	mark_item(c, pen, it);
	end_text(pen);
	set_stroke(pen, it->color & 0xFFFFFF, it->line_width);
	v[0] = it->x;
	v[1] = it->y;
	put_op(pen->out, v, 2, 3, "m");
	v[0] = it->x2;
	v[1] = it->y2;
	put_op(pen->out, v, 2, 3, "l");
	pv_buf_puts(pen->out, "S\n");
}

/* Fill and stroke of a rectangle or path set in the graphics state;
 * the operator that paints it ("f", "S" or "B"). */
static const char *
set_paint(struct pen *pen, const struct lay_item *it)
{
	int fill = it->fill != NO_COLOR, stroke = it->line_width > 0;

	end_text(pen);
	if (fill)
		set_fill(pen, it->fill & 0xFFFFFF);
	if (stroke)
		set_stroke(pen, it->color & 0xFFFFFF, it->line_width);
	return fill && stroke ? "B\n" : fill ? "f\n" : "S\n";
}

static void
draw_rect(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	int fill = it->fill != NO_COLOR, stroke = it->line_width > 0;
	const char *paint_op;
	double v[4];

	if (!fill && !stroke)
		return;
	mark_item(c, pen, it);
	paint_op = set_paint(pen, it);
	v[0] = it->x;
	v[1] = it->y;
	v[2] = it->w;
	v[3] = it->h;
	put_op(pen->out, v, 4, 3, "re");
	pv_buf_puts(pen->out, paint_op);
}

/* A path: m, l, c, h with the item's origin added, then f, S or B. */
static void
draw_path(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	int fill = it->fill != NO_COLOR, stroke = it->line_width > 0;
	const char *paint_op;
	static const char *const ops[] = { "m", "l", "c", "h" };
	static const size_t npts[] = { 1, 1, 3, 0 };
	double v[6];
	size_t k, j;

	if ((!fill && !stroke) || it->nsegs == 0)
		return;
	mark_item(c, pen, it);
	paint_op = set_paint(pen, it);
	for (k = 0; k < it->nsegs; k++) {
		const struct lay_seg *sg = &it->segs[k];

		if ((unsigned)sg->op > LS_CLOSE)
			continue;
		for (j = 0; j < npts[sg->op]; j++) {
			v[2 * j] = it->x + sg->p[2 * j];
			v[2 * j + 1] = it->y + sg->p[2 * j + 1];
		}
		put_op(pen->out, v, 2 * npts[sg->op], 3, ops[sg->op]);
	}
	pv_buf_puts(pen->out, paint_op);
}

static void
draw_image(struct emit_ctx *c, struct pen *pen, const struct lay_item *it)
{
	HPDF_Image img;

	if ((img = emit_image(c, it->image)) == NULL)
		return;
	mark_item(c, pen, it);
	end_text(pen);
	flush(c, pen);
	HPDF_Page_DrawImage(pen->page, img, (HPDF_REAL)it->x,
	    (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
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
	/* A repeated header row's link: its first is the one to follow. */
	if (it->role == LR_ARTIFACT && c->tags != NULL)
		return;
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
	/* Links are shown by the text's colour, not by a box; an archive
	 * wants every annotation printable (PDF/A-2, 6.3.2). */
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4);
		emit_tags_annot(c, a, it);
	}
}

/* A number we would write as garbage, or one outside what readers
 * accept, is a layout bug, said so. */
static int
in_range(double v)
{
	return isfinite(v) && fabs(v) <= MAX_COORD;
}

static int
finite_item(const struct lay_item *it)
{
	size_t k, j;

	for (k = 0; k < it->nsegs; k++)
		for (j = 0; j < 6; j++)
			if (!in_range(it->x + it->segs[k].p[j]) ||
			    !in_range(it->y + it->segs[k].p[j]))
				return 0;
	return in_range(it->x) && in_range(it->y) && in_range(it->w) &&
	    in_range(it->h) && in_range(it->x2) && in_range(it->y2) &&
	    in_range(it->line_width) && in_range(it->dest_y);
}

void
emit_draw_pages(struct emit_ctx *c)
{
	const struct lay_doc *doc = c->doc;
	struct pv_buf out;
	size_t p, i;

	pv_buf_init(&out);
	for (p = 0; p < doc->npages && !c->failed; p++) {
		const struct lay_page *page = &doc->pages[p];
		struct pen pen;

		memset(&pen, 0, sizeof(pen));
		pen.page = c->pages[p];
		pen.out = &out;
		pen.face = -1;
		pen.size = -1;
		pen.fill = pen.stroke = NO_COLOR;
		pen.line_width = -1;
		pen.mark = MARK_NONE;
		emit_tags_page(c, (int)p);
		c->doing = "drawing a page";
		for (i = 0; i < page->n && !c->failed; i++) {
			const struct lay_item *it = &page->items[i];

			if (!finite_item(it)) {
				emit_fail(c, PV_EINTERNAL, NULL, "PDF: item %zu "
				    "of page %zu has a coordinate that is not a "
				    "number or beyond 32767 pt (a layout bug)",
				    i + 1, p + 1);
				break;
			}
			if (!(it->size >= 0 && it->size <= MAX_FONT_SIZE)) {
				emit_fail(c, PV_EINTERNAL, NULL, "PDF: item %zu "
				    "of page %zu has a font size of %g pt, "
				    "outside 0..%g (a layout bug)", i + 1,
				    p + 1, it->size, MAX_FONT_SIZE);
				break;
			}
			switch (it->kind) {
			case LK_TEXT:
				draw_text(c, &pen, it);
				break;
			case LK_LINE:
				draw_line(c, &pen, it);
				break;
			case LK_RECT:
				draw_rect(c, &pen, it);
				break;
			case LK_IMAGE:
				draw_image(c, &pen, it);
				break;
			case LK_LINK:
				draw_link(c, pen.page, it);
				break;
			case LK_PATH:
				draw_path(c, &pen, it);
				break;
			}
			c->doing = "drawing a page";
			emit_check(c);
		}
		end_mark(&pen);
		flush(c, &pen);
		pv_buf_clear(&out);
		emit_check(c);
	}
	c->doing = NULL;
	pv_buf_free(&out);
}
