/*
 * para_int.h - what the files of the paragraph setter share, and nobody
 * else: the text-to-items builder (para_items.c) used by paragraph.c.
 */
#ifndef PV_PARA_INT_H
#define PV_PARA_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"
#include "linebreak.h"
#include "hyphenate.h"
#include "para.h"

/*
 * Items in one paragraph.  Every character gives at most a box and a
 * penalty (a space or U+00A0 one glue, a '\n' one penalty), whatever the
 * pass, plus the final penalty: a paragraph that para_layout() accepts
 * (PARA_MAX_TEXT bytes at most) can never run out of items.  Reaching
 * this is therefore an internal error, never a silent cut.
 */
#define PARA_MAX_ITEMS (2u * PARA_MAX_TEXT + 8u)
/* Characters collected as one word before it is cut (an unbroken string
 * of this length is not a word; the pieces still join without a gap). */
#define PARA_MAX_WORD 4096
/* Distinct missing characters reported per paragraph; then one summary. */
#define PARA_MAX_MISSING 8

/* Penalties (TeX's defaults where TeX has one). */
#define PARA_HYPHEN_PENALTY 50
/* Ragged text need not fill its lines: hyphenate only for a real gain. */
#define PARA_RAGGED_HYPHEN_PENALTY 200
#define PARA_EXHYPHEN_PENALTY 50
#define PARA_URL_PENALTY 100       /* in a URL, after / ? & = */
#define PARA_URL_SOFT_PENALTY 150  /* ... after . - _ @ */
#define PARA_SYLL_PENALTY 300      /* emergency, at a syllable, with a hyphen */
#define PARA_CHAR_PENALTY 500      /* emergency break inside a word */
#define PARA_CHAR_PREF_PENALTY 50  /* ... after / . - ? & = _ */

/* Faces whose advances are cached while one paragraph is built, and the
 * code points cached (Latin, Latin-1, Latin Extended-A and B: all of
 * Norwegian and North Sami). */
#define PARA_FCACHE_FACES 4
#define PARA_FCACHE_CPS 0x250

struct para_fcache {
	int face;               /* -1: slot free */
	uint8_t state[PARA_FCACHE_CPS]; /* 0 unknown, 1 has glyph, 2 lacks */
	int32_t adv[PARA_FCACHE_CPS];
};

/* One character of the word being collected. */
struct para_ch {
	uint32_t cp;
	uint32_t run;
	uint32_t off;           /* byte offset in the run */
	uint8_t len;            /* bytes */
	uint8_t brk;            /* PB_*: a break after this character */
	double w;
};

/* The word being read.  While `complex` is 0 it is only a span of bytes
 * in one run, with its width and what flush_word needs to know. */
struct para_word {
	size_t n;               /* characters */
	int complex;            /* its characters are in para_ctx.ch */
	uint32_t run, off, end; /* the span (complex: where it started) */
	double w;
	unsigned flags;         /* WF_* in para_items.c */
	size_t nlet;            /* letters */
	size_t first, last;     /* index of the first and last letter */
	size_t first_hyph;      /* index of the first '-' (SIZE_MAX: none) */
	uint32_t first_off, last_end; /* their bytes, while not complex */
};

struct para_missing {
	uint32_t cp;
	int face;
};

struct para_ctx {
	/* Input. */
	const struct para_run *runs;
	size_t nruns;
	const struct fontset *fs;
	struct hyphenator *hyph;
	const char *lang;
	int justify;
	int hyphenate;          /* put dictionary points into the items */
	int url_breaks;         /* URLs may break after / ? & = . - _ @ */
	double emergency;       /* > 0: words wider get character breaks */
	int report;             /* collect missing glyphs */
	struct para_shape_cache *shape; /* NULL: unshaped advances */

	/* Output of para_items_build. */
	struct lb_item *items;
	size_t nitems, cap_items;
	double min_width;       /* widest piece between break opportunities */
	double max_width;       /* widest line between forced breaks */
	double max_seg;         /* widest piece between the breaks emitted */
	int truncated;
	int ties;               /* breakable spaces made no-break (tie_words) */
	double url_w, words_w;  /* width of URL words, of all words */
	int special;            /* soft hyphens, controls or bad UTF-8 seen */
	struct para_missing missing[PARA_MAX_MISSING];
	size_t nmissing, nmissing_more;
	long rtl_run;           /* first right-to-left character, -1: none */
	uint32_t rtl_off;

	/* Working memory. */
	int fc_next;
	struct para_fcache *fc_last;    /* the slot used last */
	struct para_ch *ch;
	size_t nch, cap_ch;
	unsigned char *pts;
	size_t cap_pts;
	char *wbuf;
	size_t cap_wbuf;
	/* Builder state. */
	struct para_word word;
	uint32_t ch_run;        /* run of the last character read */
	double seg_w, minseg_w, line_w;
	long pending;           /* run of a pending space, -1: none */
	int word_url;           /* the word being emitted is a URL */
	uint32_t prev_cp;       /* the last character of a word read */
	int line_start;         /* nothing since the start or a '\n' */

	/* Last, as para_ctx_init clears only what comes before: a slot is
	 * cleared when a face moves in. */
	struct para_fcache fc[PARA_FCACHE_FACES];
};

struct para_engine {
	struct hyphenator *hy;
	struct para_shape_cache *shape; /* shaped words (shape.c) */
	struct para_stats stats;        /* counting only */
};

/* shape.c: a word shaped in a face (cached); *width in thousandths of
 * an em.  The glyphs are valid until the next call. */
struct para_shape_cache *para_shape_new(void);
void para_shape_free(struct para_shape_cache *);
struct font_glyph;
const struct font_glyph *para_shape(struct para_shape_cache *,
    const struct fontset *, int face, const char *text, size_t len,
    size_t *nglyphs, int32_t *width);

void para_ctx_init(struct para_ctx *, const struct para_run *, size_t,
    const struct fontset *, struct hyphenator *, const char *lang);
void para_ctx_free(struct para_ctx *);
/* Turn the runs into items under the ctx's current settings.  The last
 * item is always a forced break unless there is no text at all
 * (nitems == 0). */
void para_items_build(struct para_ctx *);
/* Advance of a code point in a face at a size, pt. */
double para_advance(struct para_ctx *, int face, double size, uint32_t cp);

#endif
