/*
 * pages.h - laid-out pages: the contract between layout and emit.
 *
 * Coordinates are PDF points with the origin at the bottom-left corner of
 * the page, y growing upwards.  Text is placed by baseline.  Every item
 * carries its role (what the box *is*), which emit later uses to tag the
 * PDF for accessibility and archiving.
 */
#ifndef PV_PAGES_H
#define PV_PAGES_H

#include <stddef.h>
#include <stdint.h>

struct font_glyph;

enum lay_role {
	LR_NONE,
	LR_ARTIFACT,      /* running header/footer, rules, decoration */
	LR_H,             /* heading; level in `level` */
	LR_P,
	LR_LI_LABEL,      /* the bullet or number of a list item */
	LR_LI_BODY,
	LR_TH,
	LR_TD,
	LR_CAPTION,
	LR_FIGURE,        /* an image; alt text in `alt` */
	LR_TOC,           /* an entry of the table of contents */
	LR_COVER,
	LR_LINK,          /* inline link text */
	LR_NOTE_REF,      /* a footnote's number in the text (a link) */
	LR_NOTE,          /* a footnote at the page foot */
};

enum lay_kind {
	LK_TEXT,   /* a run of glyphs on one baseline, one font */
	LK_LINE,   /* a stroked line from (x,y) to (x2,y2) */
	LK_RECT,   /* a filled and/or stroked rectangle (x,y,w,h) */
	LK_IMAGE,  /* image `image` scaled into (x,y,w,h) */
	LK_LINK,   /* a clickable area (x,y,w,h): uri, or a destination */
	LK_PATH,   /* a path (segs, relative to x,y), filled and/or stroked */
};

/* One segment of an LK_PATH; points are relative to the item's (x,y),
 * so that moving the item (pagination) moves the path with it. */
enum lay_seg_op {
	LS_MOVE,   /* p[0],p[1] */
	LS_LINE,   /* p[0],p[1] */
	LS_CURVE,  /* control points p[0..3], end p[4],p[5] */
	LS_CLOSE,
};

struct lay_seg {
	enum lay_seg_op op;
	double p[6];
};

/*
 * The logical structure of the document: what element of it (a
 * paragraph, a list item's body, a table cell) each item is part of.
 * Emit writes it as the PDF's structure tree, the reading order a
 * screen reader follows; an HTML edition could write it as elements.
 * Elements are numbered in the order layout made them; element 0 is the
 * document itself, and an item that is part of no element (elem 0) is
 * part of the document.  An element's children are not listed: emit
 * orders them by where their content first appears.
 */
enum lay_elem_type {
	LE_DOCUMENT,
	LE_SECT,
	LE_DIV,          /* a boxed note, the cover */
	LE_H,            /* level in `level` */
	LE_P,
	LE_L,
	LE_LI,
	LE_LBL,          /* a list item's bullet or number */
	LE_LBODY,
	LE_TABLE,
	LE_THEAD,
	LE_TBODY,
	LE_TR,
	LE_TH,           /* scope in `scope` */
	LE_TD,
	LE_FIGURE,       /* alt text in `alt` */
	LE_CAPTION,
	LE_LINK,         /* text and the clickable areas (LK_LINK items) */
	LE_TOC,
	LE_TOCI,
	LE_NOTE,         /* a footnote; `id` names it */
	LE_SPAN,         /* text in another language (`lang`) */
};

enum lay_scope {
	LS_SCOPE_COLUMN,
	LS_SCOPE_ROW,
	LS_SCOPE_BOTH,
};

struct lay_elem {
	enum lay_elem_type type;
	int parent;             /* -1 for the document */
	int level;              /* LE_H: 1..6 */
	enum lay_scope scope;   /* LE_TH */
	int colspan, rowspan;   /* LE_TH, LE_TD: >= 1 */
	char *alt;              /* LE_FIGURE: what it shows (owned) */
	char *lang;             /* another language than its parent's, as
				 * the document has it ("nn"), or NULL */
	char *id;               /* LE_NOTE: a name unique in the file */
	/* layout's own: what the element was made for, so that setting the
	 * same node again (a cell measured, then set) finds it */
	const void *key;
};

struct lay_item {
	enum lay_kind kind;
	enum lay_role role;
	int level;              /* LR_H: 1..6; lists: nesting depth */
	double x, y;            /* LK_TEXT: start of the baseline */
	double w, h;            /* LK_RECT, LK_IMAGE, LK_LINK; LK_TEXT: w = advance */
	double x2, y2;          /* LK_LINE */
	int face;               /* LK_TEXT: fontset face index */
	double size;            /* LK_TEXT: font size, pt */
	uint32_t color;         /* text or stroke colour 0xRRGGBB */
	uint32_t fill;          /* LK_RECT, LK_PATH fill, 0xFFFFFFFF: none */
	double line_width;      /* LK_LINE, stroked LK_RECT or LK_PATH (0: no
				 * stroke) */
	char *text;             /* LK_TEXT: UTF-8 */
	size_t text_len;
	char *uri;              /* LK_LINK: external target, or NULL */
	int dest_page;          /* LK_LINK internal: 0-based page, -1 if none */
	double dest_y;          /* LK_LINK internal: top of the target */
	int image;              /* LK_IMAGE: index into lay_doc.images */
	char *alt;              /* LR_FIGURE: alternative text */
	/* LK_TEXT: shaped glyphs from the paragraph engine (owned), or
	 * NULL: emit shows the text's characters one by one. */
	struct font_glyph *glyphs;
	size_t nglyphs;
	struct lay_seg *segs;   /* LK_PATH (owned) */
	size_t nsegs, capsegs;
	/* The element this item is part of (lay_doc.elems); an
	 * LR_ARTIFACT item is part of none, whatever this says. */
	int elem;
};

struct lay_page {
	struct lay_item *items;
	size_t n, cap;
	/* pt, this page's own (emit sets its MediaBox from them): a wide
	 * table's page is the theme's page turned, width > height */
	double width, height;
	int is_cover;
};

struct lay_outline {
	char *title;    /* UTF-8, with its number ("2.1 Mål") */
	int level;      /* 1.. (nesting) */
	int page;       /* 0-based */
	double y;       /* top of the heading */
};

struct lay_image {
	char *path;     /* as resolved by parse */
	int px_w, px_h; /* pixel size */
	int is_png;     /* 1 PNG, 0 JPEG */
};

struct lay_meta {
	char *title, *author, *subject, *keywords, *lang;
};

struct lay_doc {
	struct lay_page *pages;
	size_t npages, cap_pages;
	struct lay_outline *outlines;
	size_t noutlines, cap_outlines;
	struct lay_image *images;
	size_t nimages, cap_images;
	struct lay_meta meta;
	struct lay_elem *elems; /* [0] the document */
	size_t nelems, cap_elems;
};

void lay_doc_free(struct lay_doc *);
/* Append an element (zeroed but for type, parent, spans 1); returns its
 * index. */
int lay_elem_add(struct lay_doc *, enum lay_elem_type, int parent);
/* Append an item to a page and return it, zeroed but for fill = none,
 * dest_page = -1 and image = -1. */
struct lay_item *lay_page_add(struct lay_page *, enum lay_kind);
/* Building an LK_PATH, in coordinates relative to the item's (x,y). */
void lay_path_move(struct lay_item *, double x, double y);
void lay_path_line(struct lay_item *, double x, double y);
void lay_path_curve(struct lay_item *, double x1, double y1, double x2,
    double y2, double x3, double y3);
void lay_path_close(struct lay_item *);
/* A circular arc around (cx,cy), radius r, from angle a0 to a1 (radians,
 * counter-clockwise if a1 > a0) as cubic Bézier curves of at most a
 * quarter turn each; a line to its start if the path has a point, else a
 * move.  What a year wheel's sectors are made of. */
void lay_path_arc(struct lay_item *, double cx, double cy, double r,
    double a0, double a1);
/* A deep copy of src's segments into dst (for repeated items). */
void lay_path_copy(struct lay_item *dst, const struct lay_item *src);
/* A plain-text dump of every page and item, for tests and --dump-layout. */
struct pv_buf;
void lay_doc_dump(const struct lay_doc *, struct pv_buf *);

#endif
