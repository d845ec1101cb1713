/*
 * font_metrics.c - what layout and emit ask of a loaded face.
 *
 * These run once per character measured, so they are table lookups; a
 * bad face index is a bug of the caller, answered with zeros rather than
 * a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "font_int.h"

static const struct font_face *
face_of(const struct fontset *fs, int face)
{
	if (fs == NULL || face < 0 || (size_t)face >= fs->nfaces)
		return NULL;
	return fs->faces[face];
}

uint16_t
font_glyph(const struct fontset *fs, int face, uint32_t cp)
{
	const struct font_face *f = face_of(fs, face);

	if (f == NULL)
		return 0;
	if (cp <= 0xFFFF)
		return f->bmp[cp];
	return ttf_cmap_lookup(f, cp);
}

int
font_advance(const struct fontset *fs, int face, uint32_t cp)
{
	const struct font_face *f = face_of(fs, face);

	if (f == NULL)
		return 0;
	return f->adv[font_glyph(fs, face, cp)];
}

int
font_glyph_advance(const struct fontset *fs, int face, uint16_t glyph)
{
	const struct font_face *f = face_of(fs, face);

	return f != NULL && glyph < f->nglyphs ? f->adv[glyph] : 0;
}

unsigned
font_glyph_count(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->nglyphs : 0;
}

void
font_pdf_info(const struct fontset *fs, int face, struct font_pdf_info *out)
{
	const struct font_face *f = face_of(fs, face);

	memset(out, 0, sizeof(*out));
	out->weight = 400;
	if (f == NULL)
		return;
	memcpy(out->bbox, f->bbox, sizeof(out->bbox));
	out->italic_angle = f->italic_angle;
	out->fixed_pitch = f->fixed_pitch;
	out->italic = f->italic;
	out->weight = f->weight;
	out->no_subset = f->no_subset;
	out->cff = f->cff;
}

int
font_has_glyph(const struct fontset *fs, int face, uint32_t cp)
{
	return font_glyph(fs, face, cp) != 0;
}

int
font_ascent(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->ascent : 0;
}

int
font_descent(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->descent : 0;
}

int
font_line_gap(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->line_gap : 0;
}

int
font_cap_height(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->cap_height : 0;
}

const char *
font_path(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->path : NULL;
}

const unsigned char *
font_data(const struct fontset *fs, int face, size_t *len)
{
	const struct font_face *f = face_of(fs, face);

	if (len != NULL)
		*len = f ? f->len : 0;
	return f ? f->data : NULL;
}

const char *
font_postscript_name(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->psname : NULL;
}

int
font_units_per_em(const struct fontset *fs, int face)
{
	const struct font_face *f = face_of(fs, face);

	return f ? f->upem : 0;
}
