/*
 * layout_int.h - what the files of the layout stage share, and nobody else.
 *
 * Block layout does not place content on pages directly.  It turns the
 * document into a vertical list (struct vlist) of slices: strips of fixed
 * height (a line of a paragraph, a table row, an image) whose items are
 * positioned relative to the strip's top, with discardable space (glue)
 * above each and a flag saying whether a page may break before it.
 * Widows, orphans and "keep the heading with what follows" are only such
 * flags.  Boxes and tables are containers: ranges of slices that need
 * something drawn around them (a fill) or repeated on every page they
 * continue onto (a table's header rows).  layout_page.c then breaks the
 * list into pages and places the items; the same list, flattened without
 * page breaks, is the content of a table cell.
 *
 * Coordinates: x is always absolute on the page (columns are known before
 * anything is set in them); y of an item is relative to its slice's top,
 * negative downwards, until the slice is placed.
 */
#ifndef PV_LAYOUT_INT_H
#define PV_LAYOUT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../parse/doc.h"
#include "../theme/theme.h"
#include "../util/diag.h"
#include "layout.h"
#include "pages.h"
#include "../para/para.h"

#define VS_NOBREAK 1u   /* no page break before this slice */
#define VS_FORCE 2u     /* a page break before this slice */
#define VS_COVER 4u     /* a page of its own; items in page coordinates */
#define VS_HEAD 8u      /* a table header row: copied, not moved, when
			 * placed, since later pages repeat it */
#define VS_LAND 16u     /* on a landscape page (a wide table) */

#define NO_FILL 0xFFFFFFFFu

/* Where a symbol the text face lacks (a tick box, a white bullet) is
 * taken from, when the font map has it. */
#define LX_FALLBACK_FAMILY LAYOUT_FALLBACK_FAMILY

/* Marker of an internal link to heading k in an item's uri: "#\001k".
 * An XML id cannot hold U+0001, so it never meets a real id. */
#define HEAD_LINK_MARK '\001'

/* Marker of a footnote reference's link to note k (1-based): "#\002k". */
#define NOTE_LINK_MARK '\002'
/* A footnote's number in the text, of the text's size. */
#define NOTE_REF_SCALE 0.68

/* vanchor.head of the table of contents' own title. */
#define TOC_ANCHOR (-2)

struct vslice {
	double h;               /* height of the content */
	double glue;            /* space above, dropped at the top of a page */
	double pre, post;       /* box padding above/below: never dropped */
	double base;            /* first baseline below the top */
	size_t item0, nitems;   /* range in vlist.items */
	int cont;               /* innermost container, -1: none */
	unsigned flags;         /* VS_* */
	int page;               /* once placed: page index */
	double top;             /* once placed: page y of the top */
	size_t fn0, nfn;        /* footnotes referred to on it: range in
				 * vlist.fn (numbers, 1-based) */
};

enum vc_kind {
	VC_BOX,
	VC_TABLE,
};

struct vcont {
	enum vc_kind kind;
	int parent;             /* -1: none */
	size_t first, last;     /* slices; last is valid once closed */
	int closed, empty;
	double pad_top, pad_bottom; /* box */
	double x, w;            /* box: the extent of its fill */
	uint32_t fill, rule;    /* box: fill and left rule colours */
	double rule_w;          /* box: left rule width (0: none) */
	size_t head0, head1;    /* table: header slices to repeat */
	double head_h;          /* their height */
};

/* An anchor: a link target (id) or a heading (head >= 0) at a slice. */
struct vanchor {
	const char *id;
	int head;
	size_t slice;
};

struct vlist {
	struct vslice *s;
	size_t n, cap;
	struct lay_item *items;
	size_t ni, capi;
	struct vcont *c;
	size_t nc, capc;
	struct vanchor *a;
	size_t na, capa;
	int *fn;                /* footnote numbers of the slices, in order */
	size_t nfn, capfn;
	struct lay_item *labels; /* list labels waiting for the next slice */
	size_t nlabels, caplabels;
	int open;               /* innermost open container, -1: none */
	double pending;         /* space owed before the next slice */
	int fresh;              /* at the start of a column: no space before */
	int keep;               /* the next `keep` slices stay with the one before */
	int force;              /* the next slice starts a page */
	int elem;               /* the element new items are part of */
};

/* A heading, found by the prescan, in document order. */
struct lhead {
	const struct doc_node *node;
	char *num;              /* "2.1", or NULL */
	char *title;            /* plain text, with the number */
	char *text;             /* plain text, without it */
	int level;
	int toc;                /* listed in the table of contents */
	int outline;            /* gets a bookmark */
	int page;               /* where it landed, once placed */
	double y;
};

/* A page number of the TOC, filled in once the pages exist. */
struct tocnum {
	size_t slice;           /* the entry's last line */
	int head;
	double base;            /* its baseline below the slice top */
	double right;           /* where the number ends */
	int face;
	double size;
	uint32_t color;
	int elem;               /* the entry's link element */
};

/* A footnote (span.footnote), numbered in document order by the
 * prescan; its lines are set once, when its reference is first set, and
 * placed at the foot of the page its reference lands on. */
struct lnote {
	const struct doc_node *node;
	int built;
	struct vlist vl;        /* its lines, x absolute, y slice-relative */
	double h;               /* their height */
	int placed;             /* on a page: page and y (link target) */
	int page;
	double y;
};

/* Faces of a family, by enum font_style; -2: not asked yet. */
struct lfam {
	const char *family;
	int face[4];
};

struct lctx {
	const struct doc *doc;
	const struct theme *th;
	struct fontset *fs;
	struct para_engine *pe;          /* the paragraph engine */
	struct pv_diags *d;      /* the diagnostics of this pass */
	struct lay_doc *out;     /* the pages of this pass */
	const struct layout_labels *labels;
	const char *lang;
	double body_x, body_w;   /* the text area */
	double body_top, body_h;
	/* The text area of a landscape page (a wide table's), the theme's
	 * page turned, same margins; land_w 0: no landscape pages (the
	 * theme's page is landscape already, or too small). */
	double land_x, land_w, land_top, land_h;
	struct lhead *heads;
	size_t nheads;
	void *headsort;          /* heads by node, for lookup (layout.c) */
	struct lfam fam[16];
	size_t nfam;
	struct theme_text small_table, small_body, lead, code_body;
	struct theme_text small_head, cover_byline;
	struct theme_text note;  /* footnotes at the page foot */
	struct lnote *notes;     /* by number - 1 */
	size_t nnotes;
	void *notesort;          /* notes by node, for lookup */
	int has_toc;
	size_t toc_before;       /* headings before the TOC */
	struct tocnum *tocnums;
	size_t ntocnums, captocnums;
	int toc_page;
	double toc_y;
	int fatal;               /* stop: a limit was hit */
	/* LAYOUT_MAX_PAGES, checked while the main flow is set
	 * (lx_pages_check): its slices counted so far. */
	const struct vlist *main_vl;
	size_t pg_scan;          /* slices of main_vl counted */
	double pg_height;        /* their heights, each at most body_h */
	size_t pg_forced;        /* of them, those a page break starts */
	uint64_t image_bytes;    /* decoded, of out->images so far */
	int measure_nohyph;      /* lx_measure: min-content without hyphens */
	struct lx_ekey *etab;    /* elements by (node, type): layout_elem.c */
	size_t ecap, ecount;
	const struct doc_node *heads_table; /* the last table asked about */
	int heads_found;         /* whether it has a header cell */
	int h_level;             /* of the last heading element made */
};

/* How paragraphs are set in one column (body, list item, cell). */
struct flow {
	struct vlist *vl;
	double x, w;
	const struct theme_text *ts;
	int role;               /* of paragraph text: enum lay_role */
	int align;              /* -1: the theme's; else enum para_align */
	int bold;               /* th, sum rows */
	double para_space;      /* between paragraphs */
	int depth;              /* list nesting */
	int in_cell;
	const char *lang;
	double cap;             /* the tallest slice a page can take here */
	int line;               /* of the paragraph being set, for links */
	double first_indent;    /* of the next paragraph's first line */
};

/* layout_elem.c: the element of a node (made with its ancestors on
 * first use; 0: the document's own content), of a chart table's
 * picture, of a list item's label; one made for any key. */
int lx_elem_for(struct lctx *, const struct doc_node *);
int lx_chart_elem(struct lctx *, const struct doc_node *table);
int lx_elem_lbl(struct lctx *, const struct doc_node *li);
int lx_elem_keyed(struct lctx *, const void *key, enum lay_elem_type,
    int parent, int *made);
/* Make n's element the one new items of vl are part of; returns the one
 * before, for the caller to put back. */
int lx_elem_enter(struct lctx *, struct vlist *, const struct doc_node *);
void lx_elems_free(struct lctx *);

/* layout_note.c: footnotes */
void lx_notes_scan(struct lctx *);
void lx_notes_free(struct lctx *);
/* The number (1-based) of a span.footnote, 0: not numbered. */
int lx_note_number(const struct lctx *, const struct doc_node *);
/* Note k is referred to on the last slice of vl: set its lines (once)
 * and tie it to that slice. */
void lx_note_ref(struct lctx *, struct vlist *, int k);
/* What note k takes at a page foot (0: none, or refused). */
double lx_note_height(const struct lctx *, int k);
/* The space above the first note of a page (the short rule), and
 * between notes. */
#define NOTE_SEP 12.0
#define NOTE_GAP 2.0
/* Place notes ks[0..n) at the foot of page pg, above y `bottom`. */
void lx_notes_place(struct lctx *, struct lay_page *, int page,
    const int *ks, size_t n, double bottom);

/* layout_vlist.c */
void vl_note(struct vlist *, int k);
void vl_init(struct vlist *);
void vl_free(struct vlist *);
struct vslice *vs_new(struct vlist *, double h, double base);
struct lay_item *vl_item(struct vlist *, enum lay_kind, enum lay_role);
void vl_space(struct vlist *, double);
int vl_open(struct vlist *, enum vc_kind);
void vl_close(struct vlist *, int cont);
void vl_anchor(struct vlist *, const char *id, int head);
void vl_label(struct vlist *, const struct lay_item *);
double vl_positions(const struct vlist *, double *tops);
void vl_cont_edges(const struct vlist *, size_t c, const double *tops,
    double *top, double *bottom);
void vl_move_item(struct lay_item *dst, struct lay_item *src, double dx,
    double dy);
void item_free(struct lay_item *);

/* layout_text.c */
int lx_face(struct lctx *, const char *family, int bold, int italic);
int lx_style_face(struct lctx *, const struct theme_text *, int bold,
    int italic);
double lx_text_width(struct lctx *, int face, double size, const char *,
    size_t);
void lx_font_box(struct lctx *, int face, double size, double *asc,
    double *desc);
enum pv_status lx_para(struct lctx *, struct flow *,
    const struct doc_node *, const struct theme_text *, double x, double w,
    int align, int role, int level);
enum pv_status lx_runs_layout(struct lctx *, struct flow *,
    const struct para_run *, size_t, const struct theme_text *, double x,
    double w, int align, int role, int level, int hyph, int file_line,
    struct para_lines *);
void lx_lines_to_slices(struct lctx *, struct flow *, struct para_lines *,
    const struct theme_text *, double x, int role, int level, int widows);
struct runs {
	struct para_run *r;
	size_t n, cap;
	char **owned;
	size_t nowned, capowned;
};
void runs_free(struct runs *);
void runs_build(struct lctx *, struct runs *, const struct doc_node *,
    const struct theme_text *, int bold, int role);
void runs_text(struct lctx *, struct runs *, const char *, size_t,
    const struct theme_text *, int bold, int italic, int role);
const char *lx_lang(struct lctx *, const struct doc_node *);
char *lx_plain_text(const struct doc_node *);

/* layout_block.c */
enum pv_status lx_blocks(struct lctx *, struct flow *,
    const struct doc_node *first);
enum pv_status lx_block(struct lctx *, struct flow *,
    const struct doc_node *);
enum pv_status lx_heading(struct lctx *, struct flow *,
    const struct doc_node *);
void lx_measure(struct lctx *, const struct doc_node *first,
    const struct theme_text *, int bold, double *min, double *max);
void flow_child(const struct flow *, struct flow *, double x, double w);
const struct theme_text *lx_head_style(const struct lctx *, int level);

/* layout_list.c */
enum pv_status lx_list(struct lctx *, struct flow *,
    const struct doc_node *);
void lx_list_measure(struct lctx *, const struct doc_node *,
    const struct theme_text *, int bold, double *min, double *max);

/* layout_table.c, layout_tgrid.c */
enum pv_status lx_table(struct lctx *, struct flow *,
    const struct doc_node *);
void lx_table_measure(struct lctx *, const struct doc_node *, double *min,
    double *max);

/* A place in a table's grid; n is NULL for a place no cell covers. */
struct tcell {
	const struct doc_node *n;
	int row, col, rs, cs;
	int head;               /* th, or in a header row */
	int sum;                /* in a sum row */
	double min, max;        /* content widths, padding included */
	double hmin;            /* min with hyphenation points */
	struct vlist vl;        /* the content, once set */
	double *tops;
	double ch;              /* content height */
};

struct tgrid {
	const struct doc_node *table, *caption;
	struct tcell *cells;    /* sorted by row, then column */
	size_t nc, capc;
	const struct doc_node **rows;
	size_t nrows, caprows;
	int *sect_end;          /* per row: first row after its section */
	int nhead;              /* header rows, repeated on every page */
	int ncols, ngiven;
	/* per column: min-content with hyphenation points, without (the
	 * longest word), max-content */
	double chmin[PARSE_MAX_TABLE_COLUMNS];
	int hmeasured;          /* chmin measured (only when needed) */
	double cmin[PARSE_MAX_TABLE_COLUMNS], cmax[PARSE_MAX_TABLE_COLUMNS];
	double cw[PARSE_MAX_TABLE_COLUMNS], cx[PARSE_MAX_TABLE_COLUMNS + 1];
	struct doc_length given[PARSE_MAX_TABLE_COLUMNS];
	const struct theme_text *ts, *hs; /* cell and header text */
	double pad;
};

enum pv_status tg_build(struct lctx *, const struct doc_node *,
    struct tgrid *);
void tg_measure(struct lctx *, struct tgrid *);
void tg_measure_hyph(struct lctx *, struct tgrid *);
double tg_table_width(const struct tgrid *, double avail);
int tg_words_fit(const struct tgrid *, double avail);
enum pv_status tg_widths(struct lctx *, struct tgrid *, double x,
    double avail);
void tg_free(struct tgrid *);

/* layout_image.c */
enum pv_status lx_figure(struct lctx *, struct flow *,
    const struct doc_node *);
enum pv_status lx_image_size(struct lctx *, const char *path, int line,
    int quiet, int *index, double *w_pt, double *h_pt);

/* layout_chart.c: a chart table drawn, then set as a table */
enum pv_status lx_chart(struct lctx *, struct flow *,
    const struct doc_node *);
enum pv_status lx_chart_figure(struct lctx *, struct flow *,
    const struct doc_node *);
/* layout_wheel.c: a chart-wheel table's picture, one slice */
void lx_wheel(struct lctx *, struct flow *, const struct doc_node *,
    const struct theme_text *);

/* layout_cover.c, layout_toc.c */
enum pv_status lx_cover(struct lctx *, struct flow *,
    const struct doc_node *);
enum pv_status lx_toc(struct lctx *, struct flow *,
    const struct doc_node *);
void lx_tocnums(struct lctx *, const struct vlist *);

/* layout_page.c */
enum pv_status lx_paginate(struct lctx *, struct vlist *);
/* Refuse the document (c->fatal) as soon as what the main flow holds
 * cannot fit in LAYOUT_MAX_PAGES pages, blaming `line`; other flows
 * (table cells) pass. */
enum pv_status lx_pages_check(struct lctx *, const struct vlist *, int line);

/* layout_deco.c */
void lx_running(struct lctx *);
enum pv_status lx_resolve(struct lctx *, struct vlist *);

/* layout.c */
int lx_head_index(const struct lctx *, const struct doc_node *);

/* layout_chart.c: rgb mixed with white, f = 1 the colour, 0 white. */
uint32_t lx_tint(uint32_t rgb, double f);
/* A chart's label: baseline y, align 0 left, 1 centre, 2 right of x. */
void lx_chart_text(struct lctx *, struct vlist *, int face, double size,
    uint32_t ink, double x, double y, const char *s, size_t n, int align);

#endif
