/*
 * font_shape.c - text shaping with HarfBuzz: kerning (GPOS and the old
 * kern table), standard ligatures and mark positioning.
 *
 * Each face gets a HarfBuzz font over the bytes font_map.c read (no copy)
 * when it is loaded.  Positions come at the font's own units (no hinting,
 * so they scale with the size) and are given in thousandths of an em,
 * rounded as the advance table (font_ttf.c) rounds, so that an unkerned
 * glyph's advance is exactly its /W width in the PDF.
 */
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "../util/mem.h"
#include "font_int.h"

struct font_shaper {
	hb_buffer_t *buf;
};

struct font_shaper *
font_shaper_new(void)
{
	struct font_shaper *s = pv_xcalloc(1, sizeof(*s));

	s->buf = hb_buffer_create();
	return s;
}

void
font_shaper_free(struct font_shaper *s)
{
	if (s == NULL)
		return;
	hb_buffer_destroy(s->buf);
	free(s);
}

void
font_shape_attach(struct font_face *f)
{
	hb_blob_t *blob;
	hb_face_t *face;

	blob = hb_blob_create((const char *)f->data, (unsigned)f->len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	f->hb = hb_font_create(face);
	hb_face_destroy(face);
}

void
font_shape_detach(struct font_face *f)
{
	if (f->hb != NULL)
		hb_font_destroy(f->hb);
	f->hb = NULL;
}

/* Font units to thousandths of an em, rounded as to_milli in font_ttf.c. */
static int32_t
milli(hb_position_t v, int upem)
{
	double m = (double)v * 1000.0 / upem;

	return (int32_t)(m < 0 ? -(long)(-m + 0.5) : (long)(m + 0.5));
}

size_t
font_shape(struct font_shaper *s, const struct fontset *fs, int face,
    const char *text, size_t len, struct font_glyph **out, size_t *cap,
    size_t n)
{
	const struct font_face *f;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;
	unsigned i, count;
	struct font_glyph *g;

	if (fs == NULL || face < 0 || (size_t)face >= fs->nfaces || len == 0)
		return n;
	f = fs->faces[face];
	if (f->hb == NULL)
		return n;
	hb_buffer_clear_contents(s->buf);
	hb_buffer_add_utf8(s->buf, text, (int)len, 0, (int)len);
	hb_buffer_guess_segment_properties(s->buf);
	/* Right to left is refused before this (para_items.c). */
	hb_buffer_set_direction(s->buf, HB_DIRECTION_LTR);
	hb_shape(f->hb, s->buf, NULL, 0);
	info = hb_buffer_get_glyph_infos(s->buf, &count);
	pos = hb_buffer_get_glyph_positions(s->buf, &count);
	PV_GROW(*out, *cap, n + count);
	for (i = 0; i < count; i++) {
		g = &(*out)[n + i];
		g->id = info[i].codepoint < f->nglyphs ?
		    (uint16_t)info[i].codepoint : 0;
		g->cluster = info[i].cluster;
		/* The table's advance (the /W width) plus what shaping
		 * changed: an unkerned glyph is exactly its /W width. */
		g->adv = f->adv[g->id] + milli(pos[i].x_advance -
		    hb_font_get_glyph_h_advance(f->hb, info[i].codepoint),
		    f->upem);
		g->dx = milli(pos[i].x_offset, f->upem);
		g->dy = milli(pos[i].y_offset, f->upem);
	}
	return n + count;
}
