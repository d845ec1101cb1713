/*
 * font_subset.c - a font program with only the glyphs a document shows,
 * for embedding, made by HarfBuzz's subsetter (hb-subset).
 *
 * Glyph ids stay as they are (HB_SUBSET_FLAGS_RETAIN_GIDS): the content
 * streams show the font's own glyph numbers, so nothing is renumbered;
 * a glyph not kept has an empty outline and zero metrics.  Composite
 * glyphs bring the glyphs they are built from (å is a and a ring), which
 * hb-subset follows.  The tables a PDF does not need go: the PDF says
 * what every code is (cmap, name, OS/2), and shaping is done (GSUB,
 * GPOS, GDEF, kern); post keeps no glyph names.  The same glyphs give
 * the same bytes, so the subset tag (emit_font.c) and the file are
 * deterministic.  Whether a subset is allowed at all (OS/2 fsType) is
 * decided by the caller (font_pdf_info().no_subset).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>

#include "../util/mem.h"
#include "font_int.h"

static const char *const dropped[] = {
	"cmap", "name", "OS/2", "GSUB", "GPOS", "GDEF", "kern", "BASE",
	"JSTF", "MATH", "DSIG", "morx", "kerx", "feat", "hdmx", "VDMX",
	"LTSH", "PCLT", "vhea", "vmtx", "gasp",
};

unsigned char *
font_subset(const struct fontset *fs, int face, const uint16_t *glyphs,
    size_t n, size_t *lenp)
{
	const struct font_face *f;
	hb_subset_input_t *in;
	hb_blob_t *blob, *res;
	hb_face_t *hf, *sub;
	hb_set_t *set;
	unsigned char *out = NULL;
	unsigned len = 0;
	const char *data;
	size_t i;

	*lenp = 0;
	if (fs == NULL || face < 0 || (size_t)face >= fs->nfaces)
		return NULL;
	f = fs->faces[face];
	blob = hb_blob_create((const char *)f->data, (unsigned)f->len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	hf = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		hb_face_destroy(hf);
		return NULL;
	}
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	set = hb_subset_input_glyph_set(in);
	hb_set_add(set, 0);
	for (i = 0; i < n; i++)
		if (glyphs[i] < f->nglyphs)
			hb_set_add(set, glyphs[i]);
	set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++)
		hb_set_add(set, hb_tag_from_string(dropped[i], 4));
	sub = hb_subset_or_fail(hf, in);
	hb_subset_input_destroy(in);
	hb_face_destroy(hf);
	if (sub == NULL)
		return NULL;
	res = hb_face_reference_blob(sub);
	data = hb_blob_get_data(res, &len);
	if (data != NULL && len > 0) {
		out = pv_xmalloc(len);
		memcpy(out, data, len);
		*lenp = len;
	}
	hb_blob_destroy(res);
	hb_face_destroy(sub);
	return out;
}
