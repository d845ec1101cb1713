/*
 * emit_font.c - the PDF font objects of every face shown, made by us.
 *
 * Each face becomes a Type0 font (Identity-H) over a CIDFontType2 whose
 * CIDs are the TrueType glyph ids (CIDToGIDMap /Identity), the way TeX
 * and Typst write TrueType: the content stream shows glyph ids, the
 * ToUnicode map (emit_tounicode.c) gives the text back, and the /W
 * widths, the descriptor and the embedded subset all come from our font
 * module, the same numbers layout measured with.
 *
 * libharu has TrueType fonts of its own, but it would read and copy the
 * whole font file, build per-code tables for all 65 536 codes and then
 * write a map, widths and a ToUnicode CMap that are wrong or too large
 * for us; we used to replace them after the fact.  Making the objects
 * ourselves with libharu's object API is smaller and leaves nothing of
 * its font code on our path.  A font dictionary is a plain dictionary to
 * libharu, so HPDF_Page_GetLocalFontName still names it in each page's
 * resources.
 *
 * The Type0 dictionary is made when a face is first shown (a page needs
 * its name); everything else when the document is complete and the
 * glyphs shown are known (emit_fonts).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../font/font.h"
#include "../util/buf.h"
#include "../util/mem.h"
#include "emit_int.h"

HPDF_Dict
emit_face_font(struct emit_ctx *c, int face)
{
	struct emit_face *f;

	if (face < 0 || (size_t)face >= c->nfaces ||
	    font_glyph_count(c->fs, face) == 0) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: text in font face %d, "
		    "which was never loaded (a layout bug)", face);
		return NULL;
	}
	f = &c->faces[face];
	if (f->font != NULL)
		return f->font;
	f->nglyphs = font_glyph_count(c->fs, face);
	f->used = pv_xcalloc((f->nglyphs + 7) / 8, 1);
	f->unicode = pv_xcalloc(f->nglyphs, sizeof(*f->unicode));
	f->font = HPDF_Dict_New(c->pdf->mmgr);
	if (f->font == NULL || HPDF_Xref_Add(c->pdf->xref, f->font) != HPDF_OK) {
		f->font = NULL;
		emit_check(c);
		return NULL;
	}
	return f->font;
}

int
emit_glyph_used(const struct emit_face *f, unsigned g)
{
	return g < f->nglyphs && ((f->used[g >> 3] >> (g & 7)) & 1);
}

/* Whole bytes of the bitmap are skipped at a time, since most glyphs are
 * never shown. */
unsigned
emit_next_glyph(const struct emit_face *f, unsigned g)
{
	while (g < f->nglyphs) {
		if ((g & 7) == 0 && f->used[g >> 3] == 0) {
			g += 8;
			continue;
		}
		if (emit_glyph_used(f, g))
			return g;
		g++;
	}
	return f->nglyphs;
}

/* /W [g [w w ...] g [w ...] ...] for the runs of glyphs shown. */
static HPDF_Array
widths(struct emit_ctx *c, int face, const struct emit_face *f)
{
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_Array w = HPDF_Array_New(mm), run = NULL;
	unsigned g, last = 0;

	if (w == NULL)
		return NULL;
	for (g = emit_next_glyph(f, 0); g < f->nglyphs; g = emit_next_glyph(f, g + 1)) {
		if (run == NULL || g != last + 1) {
			if ((run = HPDF_Array_New(mm)) == NULL)
				return NULL;
			HPDF_Array_AddNumber(w, (HPDF_INT32)g);
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, font_glyph_advance(c->fs, face,
		    (uint16_t)g));
		last = g;
	}
	return w;
}

/*
 * A subset's tag: six capitals from the face's name and the glyphs it
 * keeps, so that two different subsets of one font in a reader's cache
 * never share a name, and the same document always gets the same one.
 */
static void
subset_tag(const struct emit_face *f, const char *psname, char tag[8])
{
	uint32_t x = 2166136261u;
	size_t i, n = (f->nglyphs + 7) / 8;

	for (i = 0; psname[i] != '\0'; i++) {
		x ^= (unsigned char)psname[i];
		x *= 16777619u;
	}
	for (i = 0; i < n; i++) {
		x ^= f->used[i];
		x *= 16777619u;
	}
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + x % 26);
		x /= 26;
	}
	tag[6] = '+';
	tag[7] = '\0';
}

static HPDF_Array
int_array(HPDF_MMgr mm, const int *v, size_t n)
{
	HPDF_Array a = HPDF_Array_New(mm);
	size_t i;

	for (i = 0; a != NULL && i < n; i++)
		HPDF_Array_AddNumber(a, v[i]);
	return a;
}

static HPDF_Dict
descriptor(struct emit_ctx *c, int face, const struct emit_face *f,
    const struct font_pdf_info *pi, const char *name)
{
	HPDF_MMgr mm = c->pdf->mmgr;
	uint16_t *glyphs;
	unsigned char *sub;
	size_t n = 0, len;
	unsigned g;
	HPDF_Dict d, file;

	/* A font whose licence forbids subsetting goes in whole. */
	glyphs = pv_xcalloc(f->nglyphs, sizeof(*glyphs));
	for (g = pi->no_subset ? 0 : emit_next_glyph(f, 0); g < f->nglyphs;
	    g = pi->no_subset ? g + 1 : emit_next_glyph(f, g + 1))
		glyphs[n++] = (uint16_t)g;
	sub = font_subset(c->fs, face, glyphs, n, &len);
	free(glyphs);
	if (sub == NULL) {
		emit_fail(c, PV_EINPUT, font_path(c->fs, face), "PDF: cannot "
		    "make a subset of this font (damaged glyph tables?)");
		return NULL;
	}
	file = HPDF_DictStream_New(mm, c->pdf->xref);
	d = HPDF_Dict_New(mm);
	if (file == NULL || d == NULL || HPDF_Xref_Add(c->pdf->xref, d) !=
	    HPDF_OK) {
		free(sub);
		return NULL;
	}
	HPDF_Stream_Write(file->stream, sub, (HPDF_UINT)len);
	free(sub);
	/* CFF outlines go in as the OpenType file hb-subset made (PDF
	 * 1.6, FontFile3 /OpenType); TrueType as FontFile2. */
	if (pi->cff)
		HPDF_Dict_AddName(file, "Subtype", "OpenType");
	else
		HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	if (c->opt->compress)
		file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", name);
	/* Nonsymbolic (Latin text), FixedPitch, Italic. */
	HPDF_Dict_AddNumber(d, "Flags", 32 | (pi->fixed_pitch ? 1 : 0) |
	    (pi->italic ? 64 : 0));
	HPDF_Dict_Add(d, "FontBBox", int_array(mm, pi->bbox, 4));
	HPDF_Dict_AddReal(d, "ItalicAngle", (HPDF_REAL)pi->italic_angle);
	HPDF_Dict_AddNumber(d, "Ascent", font_ascent(c->fs, face));
	HPDF_Dict_AddNumber(d, "Descent", font_descent(c->fs, face));
	HPDF_Dict_AddNumber(d, "CapHeight", font_cap_height(c->fs, face));
	/* TrueType has no stem width; readers only use StemV to fake a
	 * missing font, so the usual estimate from the weight will do. */
	HPDF_Dict_AddNumber(d, "StemV", 10 + 220 * (pi->weight - 50) / 900);
	HPDF_Dict_Add(d, pi->cff ? "FontFile3" : "FontFile2", file);
	return d;
}

static HPDF_Dict
tounicode(struct emit_ctx *c, const struct emit_face *f)
{
	HPDF_Dict tu = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
	struct pv_buf b;

	if (tu == NULL)
		return NULL;
	if (c->opt->compress)
		tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	pv_buf_init(&b);
	emit_tounicode_cmap(f, &b);
	HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	pv_buf_free(&b);
	return tu;
}

static void
finish_font(struct emit_ctx *c, int face)
{
	struct emit_face *f = &c->faces[face];
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_Dict cid, info, desc, tu;
	HPDF_Array kids;
	struct pv_buf name;
	struct font_pdf_info pi;
	char tag[8];

	font_pdf_info(c->fs, face, &pi);
	subset_tag(f, font_postscript_name(c->fs, face), tag);
	pv_buf_init(&name);
	if (!pi.no_subset)
		pv_buf_puts(&name, tag);
	pv_buf_puts(&name, font_postscript_name(c->fs, face));

	cid = HPDF_Dict_New(mm);
	info = HPDF_Dict_New(mm);
	kids = HPDF_Array_New(mm);
	if (cid == NULL || info == NULL || kids == NULL ||
	    HPDF_Xref_Add(c->pdf->xref, cid) != HPDF_OK)
		goto out;
	/* Attached at once, so that libharu frees them whatever happens. */
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(f->font, "DescendantFonts", kids);
	HPDF_Array_Add(kids, cid);
	if ((desc = descriptor(c, face, f, &pi, name.data)) == NULL ||
	    (tu = tounicode(c, f)) == NULL)
		goto out;
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity",
	    NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);

	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", pi.cff ? "CIDFontType0" :
	    "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", name.data);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_Add(cid, "W", widths(c, face, f));
	/* FontFile3 /OpenType is PDF 1.6. */
	if (pi.cff && c->pdf->pdf_version < HPDF_VER_16)
		c->pdf->pdf_version = HPDF_VER_16;
	/* A CFF font that is not CID-keyed takes CIDs as glyph ids. */
	if (!pi.cff)
		HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

	HPDF_Dict_AddName(f->font, "Type", "Font");
	HPDF_Dict_AddName(f->font, "Subtype", "Type0");
	HPDF_Dict_AddName(f->font, "BaseFont", name.data);
	HPDF_Dict_AddName(f->font, "Encoding", "Identity-H");
	HPDF_Dict_Add(f->font, "ToUnicode", tu);
out:
	pv_buf_free(&name);
	emit_check(c);
}

void
emit_fonts(struct emit_ctx *c)
{
	size_t i;

	c->doing = "writing the fonts";
	for (i = 0; i < c->nfaces && !c->failed; i++)
		if (c->faces[i].font != NULL)
			finish_font(c, (int)i);
	c->doing = NULL;
}
