/*
 * font_int.h - what the files of the font module share, and nobody else.
 *
 * A face is parsed once, when it is first asked for; everything layout
 * asks per character afterwards (glyph of a BMP code point, advance of a
 * glyph) is a table lookup, because the line breaker measures every
 * character of the document, several times.
 */
#ifndef PV_FONT_INT_H
#define PV_FONT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"
#include "font.h"

/* How deep the search for a font file goes below a font folder. */
#define FONT_SEARCH_DEPTH 8
/* How many folder entries a search looks at in all, against loops and
 * folders the size of a distribution mirror. */
#define FONT_SEARCH_ENTRIES 200000

/*
 * Every read of a font file goes through these: an offset outside the
 * view raises the sticky flag `bad` and reads as 0, so a hostile file
 * costs a check per table, not a crash.
 */
/* A bounded view of part of the file. */
struct rd {
	const unsigned char *p;
	size_t len;
	int bad;        /* set by a read outside [0, len) */
};

static inline uint32_t
rd32(struct rd *r, size_t off)
{
	const unsigned char *p;

	if (off > r->len || r->len - off < 4) {
		r->bad = 1;
		return 0;
	}
	p = r->p + off;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline uint16_t
rd16(struct rd *r, size_t off)
{
	if (off > r->len || r->len - off < 2) {
		r->bad = 1;
		return 0;
	}
	return (uint16_t)(r->p[off] << 8 | r->p[off + 1]);
}

static inline int16_t
rds16(struct rd *r, size_t off)
{
	uint16_t v = rd16(r, off);

	return v < 0x8000 ? (int16_t)v : (int16_t)((int32_t)v - 0x10000);
}

/* A sub-view [off, off + len) of r, clamped: reads past the end of the
 * parent are then caught by the child. */
static inline struct rd
rd_sub(const struct rd *r, size_t off, size_t len)
{
	struct rd s;

	s.bad = 0;
	if (off > r->len) {
		s.p = r->p + r->len;
		s.len = 0;
		s.bad = 1;
		return s;
	}
	s.p = r->p + off;
	s.len = len > r->len - off ? r->len - off : len;
	return s;
}

/*
 * Composite glyphs (the glyf table specification): component records, and
 * how far planverk follows them.  Every composite glyph of a face is
 * checked against these when the face is loaded (font_ttf.c), so the
 * subsetter never meets a record it cannot follow.
 */
#define GLYF_ARG_1_AND_2_ARE_WORDS 0x0001
#define GLYF_WE_HAVE_A_SCALE 0x0008
#define GLYF_MORE_COMPONENTS 0x0020
#define GLYF_WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define GLYF_WE_HAVE_A_TWO_BY_TWO 0x0080
#define FONT_MAX_COMPONENTS 256   /* components of one composite glyph */
#define FONT_MAX_COMPOSITE_DEPTH 16 /* composites built of composites */

/* The size in bytes of a component record with these flags. */
static inline size_t
glyf_record_size(uint16_t flags)
{
	size_t n = 4 + ((flags & GLYF_ARG_1_AND_2_ARE_WORDS) ? 4 : 2);

	if (flags & GLYF_WE_HAVE_A_SCALE)
		n += 2;
	else if (flags & GLYF_WE_HAVE_AN_X_AND_Y_SCALE)
		n += 4;
	else if (flags & GLYF_WE_HAVE_A_TWO_BY_TWO)
		n += 8;
	return n;
}

struct font_face {
	char *path;             /* the file, as found */
	unsigned char *data;    /* its bytes */
	size_t len;
	char *psname;           /* PostScript name, sanitised */
	int upem;               /* head.unitsPerEm */
	int ascent, descent, line_gap, cap_height; /* thousandths of an em */
	int bbox[4];            /* head: xMin yMin xMax yMax, same units */
	double italic_angle;    /* post.italicAngle, degrees */
	int fixed_pitch;        /* post.isFixedPitch */
	int italic;             /* head.macStyle bit 1 */
	int weight;             /* OS/2 usWeightClass, 400 without OS/2 */
	int no_subset;          /* OS/2 fsType: embed whole, not a subset */
	uint16_t nglyphs;       /* maxp.numGlyphs */
	int32_t *adv;           /* advance per glyph, thousandths of an em */
	uint16_t *bmp;          /* glyph per BMP code point (65536) */
	int cmap_format;        /* 4 or 12: the subtable in use */
	size_t cmap_off;        /* its offset in data */
	size_t cmap_len;        /* its length, bounded by the file */
	int cff;                /* OpenType with CFF outlines ('OTTO') */
	struct hb_font_t *hb;   /* HarfBuzz's view of data (font_shape.c) */
};

struct font_family {
	char *name;
	char *file[4];          /* by enum font_style; NULL: not in the map */
	int face[4];            /* face index once loaded, else -1 */
};

struct fontset {
	char *map_path;
	char *fonts_dir;
	struct font_family *fam;
	size_t nfam, cap_fam;
	struct font_face *faces[FONT_MAX_FACES];
	size_t nfaces;
};

/*
 * Parse the TrueType file in f->data/f->len (f->path names it in
 * diagnostics) and fill in the rest of f.  Never reads outside the file.
 */
enum pv_status ttf_parse(struct font_face *f, struct pv_diags *);
void ttf_face_free(struct font_face *);
/* Where table `tag` lies in the file; 0 when absent or out of bounds. */
int ttf_find_table(const struct font_face *, const char *tag, size_t *off,
    size_t *len);
/* Glyph of any code point through the cmap subtable (0: none). */
uint16_t ttf_cmap_lookup(const struct font_face *, uint32_t cp);


/* font_fc.c: the files of an installed family by style (absolute
 * paths, owned; a style fontconfig lacks is NULL); 0 when the family is
 * not installed. */
int font_fc_family(const char *family, char *files[4]);
/* font_shape.c: the HarfBuzz font of a loaded face, and its end. */
void font_shape_attach(struct font_face *);
void font_shape_detach(struct font_face *);

#endif
