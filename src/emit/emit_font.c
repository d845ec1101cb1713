/*
 * emit_font.c - the font objects of every face used, from our own data.
 *
 * libharu 2.3.0 builds a Type0 font with a CIDFontType2 descendant for
 * each TrueType face and shows each character as its BMP code point.
 * What it writes around that is larger or looser than it need be: a /W
 * array and a CIDToGIDMap for every character of the font, a FontFile2
 * that keeps every table (the glyph names in post alone are larger than
 * the outlines of a page of text), no CapHeight, and an Ordering of
 * "Identity-H".  Before the document is written we replace, for the
 * codes actually shown: the widths, the code-to-glyph map and the
 * CIDSystemInfo, and we give libharu a font descriptor of our own whose
 * FontFile2 is our subset (font_subset); libharu then keeps ours (it
 * only makes a descriptor when the font has none).
 *
 * Widths, glyph map and subset all come from our font module, the same
 * numbers layout measured with, so what a reader draws is what layout
 * placed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "emit_int.h"

/*
 * Load a TrueType face and make its font for the "UTF-8" encoder.
 *
 * For an encoder that is not a plain CMap encoder, as "UTF-8" is not,
 * HPDF_GetFont builds the CIDFontType2 by looking up a glyph for every
 * one of the 65 536 codes, each lookup a linear scan of the font's
 * format-4 cmap segments (hundreds in Open Sans: some 39 million
 * instructions per face), and then writes a /W entry and a CIDToGIDMap
 * entry for each.  All it makes of that is the /W array and the
 * CIDToGIDMap, and emit_fonts replaces both from our own font module for
 * the codes shown.  So for that one call the encoder passes for a CMap
 * encoder with a single code (0x20): libharu looks up one glyph (so a
 * damaged cmap still fails here, with the file named) and writes a map
 * of 32 codes.  Its function and table (whose first row
 * the UTF-8 encoder uses for its decoding state) are back right after,
 * for encoding and measuring text, and nothing libharu made from the
 * short table reaches the PDF.  Should libharu not recognise its own
 * function (a build that binds its symbols locally), it takes the long
 * way: the PDF is the same, only slower.
 */
HPDF_Font
emit_load_font(struct emit_ctx *c, const char *path)
{
	HPDF_Encoder_ToUnicode_Func to_unicode = NULL;
	HPDF_CMapEncoderAttr ea = NULL;
	HPDF_Encoder enc;
	HPDF_Font font;
	const char *name;
	void *cid_map = NULL;

	name = HPDF_LoadTTFontFromFile(c->pdf, path, HPDF_TRUE);
	if (emit_check(c) || name == NULL)
		return NULL;
	enc = HPDF_GetEncoder(c->pdf, "UTF-8");
	if (emit_check(c))
		return NULL;
	if (enc != NULL && enc->type == HPDF_ENCODER_TYPE_DOUBLE_BYTE &&
	    (ea = enc->attr) != NULL) {
		to_unicode = enc->to_unicode_fn;
		cid_map = pv_xmalloc(sizeof(ea->cid_map));
		memcpy(cid_map, ea->cid_map, sizeof(ea->cid_map));
		memset(ea->cid_map, 0, sizeof(ea->cid_map));
		ea->cid_map[0][' '] = ' ';
		enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	}
	font = HPDF_GetFont(c->pdf, name, "UTF-8");
	if (ea != NULL) {
		enc->to_unicode_fn = to_unicode;
		memcpy(ea->cid_map, cid_map, sizeof(ea->cid_map));
		free(cid_map);
	}
	if (emit_check(c))
		return NULL;
	return font;
}

static int
is_used(const uint8_t *used, uint32_t cp)
{
	return (used[cp >> 3] >> (cp & 7)) & 1;
}

/* /W [c [w w ...] c [w ...] ...] for the runs of codes shown. */
static HPDF_Array
widths(struct emit_ctx *c, int face, const uint8_t *used)
{
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_Array w = HPDF_Array_New(mm), run = NULL;
	uint32_t cp;

	if (w == NULL)
		return NULL;
	for (cp = 0; cp <= 0xFFFF; cp++) {
		if (!is_used(used, cp)) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			if ((run = HPDF_Array_New(mm)) == NULL)
				return NULL;
			HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, font_advance(c->fs, face, cp));
	}
	return w;
}

/* The CIDToGIDMap stream: two bytes (big-endian glyph id) per code, up
 * to the highest code shown; codes not shown map to glyph 0. */
static void
glyph_map(struct emit_ctx *c, int face, const uint8_t *used, HPDF_Dict map,
    uint32_t maxcp)
{
	unsigned char *b = pv_xcalloc((size_t)maxcp + 1, 2);
	uint32_t cp;
	uint16_t g;

	for (cp = 0; cp <= maxcp; cp++) {
		if (!is_used(used, cp))
			continue;
		g = font_glyph(c->fs, face, cp);
		b[2 * cp] = (unsigned char)(g >> 8);
		b[2 * cp + 1] = (unsigned char)g;
	}
	HPDF_MemStream_FreeData(map->stream);
	HPDF_Stream_Write(map->stream, b, (HPDF_UINT)(2 * ((size_t)maxcp + 1)));
	free(b);
}

static HPDF_Dict
descriptor(struct emit_ctx *c, int face, HPDF_FontDef def,
    const uint16_t *glyphs, size_t n)
{
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_TTFontDefAttr tt = def->attr;
	HPDF_Dict d, file;
	unsigned char *sub;
	size_t len;

	if ((sub = font_subset(c->fs, face, glyphs, n, &len)) == NULL) {
		emit_fail(c, PV_EINPUT, font_path(c->fs, face), "PDF: cannot "
		    "make a subset of this font (damaged glyph tables?)");
		return NULL;
	}
	file = HPDF_DictStream_New(mm, c->pdf->xref);
	d = HPDF_Dict_New(mm);
	if (file == NULL || d == NULL) {
		free(sub);
		return NULL;
	}
	HPDF_Stream_Write(file->stream, sub, (HPDF_UINT)len);
	free(sub);
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	if (c->opt->compress)
		file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

	HPDF_Xref_Add(c->pdf->xref, d);
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", tt->base_font);
	HPDF_Dict_AddNumber(d, "Flags", (HPDF_INT32)def->flags);
	HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mm, def->font_bbox));
	HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
	HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
	HPDF_Dict_AddNumber(d, "Descent", def->descent);
	HPDF_Dict_AddNumber(d, "CapHeight", font_cap_height(c->fs, face));
	HPDF_Dict_AddNumber(d, "StemV", def->stemv);
	HPDF_Dict_Add(d, "FontFile2", file);
	return d;
}

static void
finish_font(struct emit_ctx *c, int face)
{
	struct emit_face *ef = &c->faces[face];
	HPDF_FontAttr attr = ef->font->attr;
	HPDF_FontDef def = attr->fontdef;
	HPDF_Dict cid = attr->descendant_font, info;
	HPDF_MMgr mm = c->pdf->mmgr;
	uint16_t *glyphs;
	size_t n = 0;
	uint32_t cp, maxcp = 0;
	HPDF_Array w;

	glyphs = pv_xcalloc(65536, sizeof(*glyphs));
	for (cp = 0; cp <= 0xFFFF; cp++) {
		if (is_used(ef->used, cp)) {
			glyphs[n++] = font_glyph(c->fs, face, cp);
			maxcp = cp;
		}
	}
	if ((w = widths(c, face, ef->used)) != NULL)
		HPDF_Dict_Add(cid, "W", w);
	if (attr->map_stream != NULL)
		glyph_map(c, face, ef->used, attr->map_stream, maxcp);
	/* Codes are Unicode and glyphs are found by the map: Identity. */
	if ((info = HPDF_Dict_New(mm)) != NULL) {
		HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe",
		    NULL));
		HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm,
		    "Identity", NULL));
		HPDF_Dict_AddNumber(info, "Supplement", 0);
		HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	}
	if (!emit_check(c) && def->descriptor == NULL)
		def->descriptor = descriptor(c, face, def, glyphs, n);
	free(glyphs);
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
