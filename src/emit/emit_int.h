/*
 * emit_int.h - what the files of the emit stage share, and nobody else.
 *
 * One struct emit_ctx lives for one emit_pdf call: the libharu document,
 * the first libharu error (its handler cannot stop libharu, so every
 * step checks ctx->failed), and per face and per image what has been
 * loaded into the document.
 */
#ifndef PV_EMIT_INT_H
#define PV_EMIT_INT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "../layout/pages.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "emit.h"

/* Caps against hostile or broken layouts. */
#define EMIT_MAX_PAGES 100000
#define EMIT_MAX_OUTLINE_DEPTH 16

/* UTF-16 units one glyph maps back to in the ToUnicode map (an "ffl"
 * ligature is 3; longer clusters keep their first units). */
#define EMIT_MAX_UNITS 7

struct emit_face {
	HPDF_Dict font;         /* our Type0 font; NULL until first shown */
	unsigned nglyphs;       /* glyphs in the face */
	uint8_t *used;          /* bit per glyph id: shown */
	uint16_t *unicode;      /* per glyph id: lowest code point shown */
	/* Per glyph id shown for more than one UTF-16 unit (a ligature,
	 * a base letter with its mark, beyond the BMP) and never for one:
	 * [0] units, then the units; made on first need. */
	uint16_t (*multi)[EMIT_MAX_UNITS + 1];
};

struct emit_ctx {
	HPDF_Doc pdf;
	const struct lay_doc *doc;
	const struct fontset *fs;
	const struct emit_options *opt;
	struct pv_diags *d;
	int failed;             /* a libharu error or one of ours */
	enum pv_status status;  /* what failed means for the caller */
	HPDF_STATUS hpdf_error; /* first libharu error, 0 if none */
	HPDF_STATUS hpdf_detail;
	const char *doing;      /* what we were doing, for the message */
	const char *doing_file; /* and with which file */
	HPDF_Page *pages;       /* doc->npages, all made before drawing */
	struct emit_face *faces;
	size_t nfaces;
	HPDF_Image *images;     /* doc->nimages, loaded on first use */
	struct emit_tags *tags; /* the structure tree; NULL: untagged */
};

/* Record a failure of ours (libharu's come through the handler). */
void emit_fail(struct emit_ctx *, enum pv_status, const char *file,
    const char *fmt, ...) PV_PRINTF(4, 5);
/* After a libharu call: turn a pending libharu error into a diagnostic.
 * Returns 1 when the emit has failed. */
int emit_check(struct emit_ctx *);

/* emit_draw.c: every item of every page. */
void emit_draw_pages(struct emit_ctx *);
/* emit_tags.c: the structure tree.  begin before drawing, page at the
 * start of each page, mcid for each marked-content sequence of element
 * e (returns its MCID), annot for each link annotation, end after
 * drawing; free always. */
void emit_tags_begin(struct emit_ctx *);
void emit_tags_page(struct emit_ctx *, int page);
int emit_tags_mcid(struct emit_ctx *, int e);
void emit_tags_annot(struct emit_ctx *, HPDF_Dict annot,
    const struct lay_item *);
void emit_tags_end(struct emit_ctx *);
void emit_tags_free(struct emit_ctx *);
/* Objects written as text for emit_pack: bodies (no "N 0 obj") in buf;
 * the first nreplace replace libharu's objects of those numbers, the
 * rest are new, numbered on from libharu's last. */
struct emit_obj {
	int num;
	size_t at, len;
};
struct emit_objs {
	struct pv_buf buf;
	struct emit_obj *v;
	size_t n, cap, nreplace;
};
void emit_tags_objects(struct emit_ctx *, int next, struct emit_objs *);
/* emit_pack.c: libharu's file with those objects, its small objects in
 * object streams when compressing. */
enum pv_status emit_pack(struct emit_ctx *, const unsigned char *in,
    size_t len, const struct emit_objs *, unsigned char **out,
    size_t *outlen, size_t *id_at);
/* The element an item is part of (0: the document), its structure type
 * ("P", "H2", "TD"), and a language as a PDF wants it ("nb-NO"). */
int emit_tags_elem(const struct emit_ctx *, const struct lay_item *);
const char *emit_tags_name(const struct emit_ctx *, int e);
void emit_lang_tag(const char *lang, char *buf, size_t size);
/* emit_outline.c: the bookmarks and internal link destinations. */
void emit_outlines(struct emit_ctx *);
HPDF_Destination emit_dest(struct emit_ctx *, int page, double y);
/* emit_info.c: document information, language, viewer preferences. */
void emit_info(struct emit_ctx *);
/* emit_archive.c: the XMP metadata and the sRGB output intent; the
 * Producer both it and the Info dictionary name (free it). */
void emit_archive(struct emit_ctx *);
char *emit_producer(const struct emit_ctx *);
/* A PDF text string object for UTF-8 text: a literal when ASCII, else
 * UTF-16BE with a byte-order mark. */
void *emit_text_string(struct emit_ctx *, const char *utf8);
/* The same as bytes: whether it is printable ASCII, and UTF-16BE with
 * the byte-order mark (caller frees). */
int emit_is_ascii(const char *utf8);
unsigned char *emit_utf16(const char *utf8, size_t *len);
/* emit_font.c: the font of a face, made on first use (NULL after a
 * failure); and, once all is drawn, the rest of every font shown. */
HPDF_Dict emit_face_font(struct emit_ctx *, int face);
/* Whether glyph g was shown; the first glyph shown at or after g, or
 * nglyphs when none is. */
int emit_glyph_used(const struct emit_face *, unsigned g);
unsigned emit_next_glyph(const struct emit_face *, unsigned g);
void emit_fonts(struct emit_ctx *);
/* emit_tounicode.c: the ToUnicode CMap text of a face's glyphs shown. */
struct pv_buf;
void emit_tounicode_cmap(const struct emit_face *, struct pv_buf *);
/* emit_image.c: check an image file before libharu reads it. */
enum pv_status emit_check_png(const unsigned char *, size_t, char *why,
    size_t whylen);
enum pv_status emit_check_jpeg(const unsigned char *, size_t, char *why,
    size_t whylen);
HPDF_Image emit_image(struct emit_ctx *, int index);

#endif
