/*
 * para.h - the paragraph engine's whole contract: setting one paragraph,
 * from styled inline runs to lines.
 *
 * The paragraph is broken by optimising it as a whole (Knuth-Plass total
 * fit) with Norwegian hyphenation; consecutive hyphenated lines carry an
 * extra demerit so that ladders are rare.  No line begins with a closing
 * mark (, . ; : ! ? ) ») or ends with an opening one, and numbers
 * ("1 087 500", "kr 879 000"), "1. september" and "Uke 38" are not
 * split.  URLs and addresses may break after / ? & = . _ @ and before
 * '-', without a hyphen; a paragraph mostly of URLs is set ragged.  A
 * word that cannot fit even alone on a line is cut at its dictionary
 * points, then at syllable-like points, then between characters, and
 * the cut shows a hyphen (not in URLs or numbers), so nothing ever runs
 * past `width`.
 * Block layout (src/layout/) calls this for every paragraph, heading, list
 * item body and table cell; it does not know about pages.
 */
#ifndef PV_PARA_H
#define PV_PARA_H

#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"

/*
 * Bytes of text in one paragraph (heading, list item, table cell), which
 * is also the longest word: a word wider than a line is broken between
 * its characters, so any word up to this length is set in full.  A
 * longer paragraph is refused before any work is done on it (a paragraph
 * of a hundred pages is a mistake in the input).  Every byte gives at
 * most two line-breaking items, which bounds their memory (para_int.h).
 */
#define PARA_MAX_TEXT (256u * 1024u)

struct fontset;
struct font_glyph;
/* What the engine keeps between paragraphs of one document: hyphenation
 * dictionaries and the words already looked up.  One per document (or
 * per thread); it is not shared. */
struct para_engine;

/* One run of text in one style.  Runs are concatenated in order. */
struct para_run {
	const char *text;       /* UTF-8; spaces, U+00A0, and '\n' for <br> */
	size_t len;
	int face;               /* fontset face */
	double size;            /* pt */
	uint32_t color;
	const char *uri;        /* link target (external "http..." or "#id"), or NULL */
	int nowrap;             /* no break inside this run */
	int role;               /* enum lay_role to give the fragments */
	int elem;               /* the element of its text (pages.h), 0:
				 * the paragraph's own */
};

enum para_align {
	PARA_JUSTIFY,
	PARA_LEFT,
	PARA_RIGHT,
	PARA_CENTER,
};

struct para_style {
	double width;           /* line width, pt */
	double first_indent;    /* extra indent of the first line, pt */
	double leading;         /* baseline to baseline, pt */
	enum para_align align;  /* the last line of a justified paragraph is left */
	const char *lang;       /* "nb", "nn", "se", ... (hyphenation) */
	int hyphenate;          /* 0: never hyphenate (headings, cells < 3 em) */
};

/* One fragment of a line: text in one style, placed at x from line start. */
struct para_frag {
	double x;               /* offset from the line's left edge, pt */
	double w;               /* advance width, pt */
	char *text;             /* UTF-8, owned; a trailing '-' if hyphenated */
	size_t len;
	int face;
	double size;
	uint32_t color;
	const char *uri;        /* borrowed from the run */
	int role;
	int elem;
	/* The shaped glyphs (owned; NULL when unshaped): clusters are
	 * byte offsets in text. */
	struct font_glyph *glyphs;
	size_t nglyphs;
};

struct para_line {
	struct para_frag *frags;
	size_t nfrags;
	double width;           /* natural width of the content, pt */
	double ascent, descent; /* largest over the fragments, pt (descent > 0) */
	int hyphenated;         /* ends with an inserted hyphen */
};

struct para_lines {
	struct para_line *lines;
	size_t nlines;
	double min_width;       /* widest unbreakable piece: the min-content width */
	double max_width;       /* the whole paragraph on one line: max-content */
	int ragged;             /* set ragged-right although justified was
				 * asked for: a paragraph mostly of URLs */
};

/*
 * Set the runs into lines.  Characters the face lacks are reported once
 * per paragraph (which character, in which file:line) as an error; so
 * is a paragraph of more than PARA_MAX_TEXT bytes, which is not set.
 * Returns PV_OK or PV_EINPUT.
 */
enum pv_status para_layout(const struct para_run *, size_t nruns,
    const struct para_style *, const struct fontset *,
    struct para_engine *, const char *file, int line,
    struct para_lines *out, struct pv_diags *);
void para_lines_free(struct para_lines *);

/* Only the min-content and max-content widths (for table column sizing),
 * without breaking lines.  min counts hyphenation points as break
 * opportunities only when `hyphenate` is set. */
void para_measure(const struct para_run *, size_t nruns,
    const struct fontset *, struct para_engine *, const char *lang,
    int hyphenate, double *min_width, double *max_width);

struct para_engine *para_engine_new(void);
void para_engine_free(struct para_engine *);
/*
 * Tell the engine the text that will be set (UTF-8, any text: the words
 * are picked out of it), before the first paragraph; as often as needed,
 * e.g. once per text node.  A hyphenation dictionary loaded afterwards
 * keeps only the patterns these words can match, which loads much
 * faster; the points are the same.  `lang` is the text's language.
 */
void para_engine_prepare(struct para_engine *, const char *lang,
    const char *text, size_t len);

/* How many paragraphs each pass of the breaker has set with this engine:
 * for tests and benchmarks, which want to see that most paragraphs never
 * reach the dictionary. */
struct para_stats {
	unsigned long paragraphs;
	unsigned long pass[4];  /* first, second, emergency, final pass */
};
void para_engine_stats(const struct para_engine *, struct para_stats *);

#endif
