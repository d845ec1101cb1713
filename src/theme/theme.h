/*
 * theme.h - the look of a document: page, margins, fonts, sizes, colours,
 * running header and footer.  A theme is a JSON file; every key is
 * optional and falls back to the default theme (theme_default), which is
 * what a county governor should be glad to receive.
 */
#ifndef PV_THEME_H
#define PV_THEME_H

#include <stdint.h>

#include "../util/diag.h"

/* One text style: font family, size in points, leading, colour. */
struct theme_text {
	char *family;      /* a family of the font map */
	double size;       /* pt */
	double leading;    /* baseline to baseline, pt */
	uint32_t color;    /* 0xRRGGBB */
	int bold, italic;
	double space_before, space_after; /* pt */
};

struct theme {
	char *file;              /* where it came from (NULL: built in) */
	double page_width, page_height;          /* pt; A4 by default */
	double margin_top, margin_bottom, margin_left, margin_right; /* pt */
	int justify;             /* 1: justified body text, 0: ragged right */
	int number_headings;     /* 1: "1", "1.1", "1.1.1" before headings */
	struct theme_text body;
	struct theme_text h[4];  /* h1..h4; h5 and h6 use h[3] */
	struct theme_text table; /* text in table cells */
	struct theme_text table_header;
	struct theme_text caption;
	struct theme_text header; /* running header */
	struct theme_text footer; /* running footer */
	struct theme_text code;
	struct theme_text cover_title, cover_subtitle, cover_meta;
	struct theme_text toc;
	uint32_t accent;          /* rules, heading colour, box border */
	uint32_t link_color;
	uint32_t table_rule;      /* table grid lines */
	uint32_t table_header_fill;
	uint32_t table_stripe_fill; /* 0xFFFFFFFF for none */
	uint32_t box_fill;
	double cell_padding;      /* pt */
	double list_indent;       /* pt per level */
	double paragraph_indent;  /* first-line indent, pt (0: space between) */
	char *logo;               /* image for the cover, or NULL */
	int header_on_first_page; /* the cover never has one */
	/* 1: a table whose longest words do not fit side by side on a
	 * portrait page goes on a landscape page of its own; 0: its words
	 * are hyphenated (and broken) instead */
	int wide_tables_landscape;
};

/* The built-in default theme (caller frees with theme_free). */
struct theme *theme_default(void);
/*
 * Load a theme JSON over the defaults.  Unknown keys, wrong types and
 * impossible values (margins wider than the page, sizes <= 0) are errors
 * with file:line:col.
 */
enum pv_status theme_load(const char *path, struct theme **,
    struct pv_diags *);
void theme_free(struct theme *);

#endif
