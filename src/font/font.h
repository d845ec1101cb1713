/*
 * font.h - fonts: the font map, TrueType metrics and glyph coverage.
 *
 * Layout measures text through this module; emit embeds the same files.
 * Nothing here knows about PDF.  The font map (fonts/fonts.json) maps a
 * family name to its regular, bold, italic and bold-italic files; a file
 * name is looked up in the project's fonts/ folder first and then in the
 * system's font folders (/usr/share/fonts, /usr/local/share/fonts,
 * ~/.local/share/fonts).  Only TrueType outlines (glyf) are accepted.
 */
#ifndef PV_FONT_H
#define PV_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"

enum font_style {
	FONT_REGULAR = 0,
	FONT_BOLD = 1,
	FONT_ITALIC = 2,
	FONT_BOLD_ITALIC = 3,
};

/* Caps against hostile font files and maps. */
#define FONT_MAX_FACES 64
#define FONT_MAX_FILE (32u * 1024u * 1024u)

struct fontset; /* opaque: the loaded faces of one run */

/*
 * Read the font map.  map_path is fonts/fonts.json (or a user's map);
 * fonts_dir is the folder searched before the system folders (normally
 * the folder of the map).  No font file is opened yet.
 */
enum pv_status fontset_new(const char *map_path, const char *fonts_dir,
    struct fontset **, struct pv_diags *);
void fontset_free(struct fontset *);

/*
 * Load (once) the face of a family and style; returns its index (>= 0), or
 * -1 with a diagnostic (unknown family, file not found, not TrueType).
 * `where` names who asked (the theme file, say) for the diagnostic.
 */
int fontset_face(struct fontset *, const char *family, enum font_style,
    const char *where, struct pv_diags *);

size_t fontset_face_count(const struct fontset *);

/* Find a font file by name, as the font map does: the fonts folder,
 * then the system folders.  Returns a path the caller frees, or NULL.
 * Nothing is opened (watch uses it to know which files to watch). */
char *font_find_file(const char *fonts_dir, const char *name);

/* Advance width of a code point in thousandths of an em (1000 = 1 em);
 * a code point without a glyph gives the .notdef width. */
int font_advance(const struct fontset *, int face, uint32_t cp);
/* Advance width of a glyph (thousandths of an em; 0 past the last). */
int font_glyph_advance(const struct fontset *, int face, uint16_t glyph);
/* Glyphs in the face (maxp.numGlyphs); 0 for no face. */
unsigned font_glyph_count(const struct fontset *, int face);
/* Whether the face has a glyph for the code point. */
int font_has_glyph(const struct fontset *, int face, uint32_t cp);
/* Glyph index of a code point (0 = .notdef). */
uint16_t font_glyph(const struct fontset *, int face, uint32_t cp);

/* Vertical metrics in thousandths of an em: ascent > 0, descent < 0. */
int font_ascent(const struct fontset *, int face);
int font_descent(const struct fontset *, int face);
int font_line_gap(const struct fontset *, int face);
/* Cap height and x-height (thousandths of an em), for vertical centring. */
int font_cap_height(const struct fontset *, int face);

/* What a PDF font descriptor says of a face. */
struct font_pdf_info {
	int bbox[4];            /* xMin yMin xMax yMax, thousandths of an em */
	double italic_angle;    /* degrees, negative leaning right */
	int fixed_pitch, italic;
	int weight;             /* 100..1000, 400 regular, 700 bold */
	int no_subset;          /* the licence asks for the whole font */
	int cff;                /* CFF outlines: FontFile3 /OpenType */
};
void font_pdf_info(const struct fontset *, int face, struct font_pdf_info *);

/* The file behind a face, its bytes and its PostScript name (for emit). */
const char *font_path(const struct fontset *, int face);
const unsigned char *font_data(const struct fontset *, int face, size_t *len);
const char *font_postscript_name(const struct fontset *, int face);
int font_units_per_em(const struct fontset *, int face);

/*
 * A TrueType font program with only the given glyphs (and the glyphs
 * composite ones are built from), glyph ids unchanged, for embedding.
 * Returns NULL when the face is not loaded or its tables are damaged;
 * the caller frees the bytes.
 */
/*
 * Shaping (HarfBuzz): kerning, ligatures, marks.  A glyph shows the
 * characters from its cluster (a byte offset in the text) to the next
 * glyph's cluster; positions are thousandths of an em.
 */
struct font_glyph {
	uint32_t cluster;
	uint16_t id;
	int32_t adv, dx, dy;
};
struct font_shaper;     /* working memory of one thread */
struct font_shaper *font_shaper_new(void);
void font_shaper_free(struct font_shaper *);
/* Shape text (left to right) in a face and append its glyphs to
 * (*out)[n...], growing it; returns the new count. */
size_t font_shape(struct font_shaper *, const struct fontset *, int face,
    const char *text, size_t len, struct font_glyph **out, size_t *cap,
    size_t n);

unsigned char *font_subset(const struct fontset *, int face,
    const uint16_t *glyphs, size_t nglyphs, size_t *len);

#endif
