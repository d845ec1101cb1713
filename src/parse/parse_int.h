/*
 * parse_int.h - what the files of the parse stage share; not a contract
 * for other stages (that is parse.h and doc.h).
 *
 *   parse.c        libxml2 with its guards, diagnostics
 *   parse_tree.c   its events to the doc tree: content rules, normalisation
 *   parse_vocab.c  the vocabulary: elements, attributes, classes, values
 *   doc.c          doc_free, doc_dump, node helpers
 */
#ifndef PV_PARSE_INT_H
#define PV_PARSE_INT_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../util/diag.h"
#include "doc.h"

/* The XHTML namespace; elements may also carry no namespace. */
#define XHTML_NS "http://www.w3.org/1999/xhtml"

/* What an element holds. */
enum vocab_model {
	M_BLOCKS,   /* blocks; runs of inline content get an anonymous P */
	M_INLINES,  /* text and inline elements only */
	M_EMPTY,    /* nothing (white space is fine) */
	M_LIST,     /* li only */
	M_TABLE,    /* caption?, (colgroup|col)*, thead?, (tbody*|tr*) */
	M_COLS,     /* col only (colgroup) */
	M_ROWS,     /* tr only (thead, tbody) */
	M_CELLS,    /* th and td only (tr) */
	M_HEAD,     /* html, head, title, meta: handled by parse.c */
};

/* Where an element may stand. */
enum vocab_place {
	P_BLOCK,    /* in a block container (body, section, div, li, td, ...) */
	P_INLINE,   /* in inline content (a block container wraps it in a P) */
	P_LIST,     /* in ul or ol */
	P_TABLE,    /* directly in table */
	P_COLS,     /* in table or colgroup */
	P_ROWS,     /* in table, thead or tbody */
	P_ROW,      /* in tr */
	P_FIGURE,   /* in figure */
	P_HEAD,     /* in html or head only */
};

/* Attributes beyond the element's name (bits of vocab_elem.attrs). */
#define VA_ID      0x0001u
#define VA_CLASS   0x0002u
#define VA_LANG    0x0004u  /* lang and xml:lang */
#define VA_WIDTH   0x0008u
#define VA_START   0x0010u
#define VA_COLSPAN 0x0020u
#define VA_ROWSPAN 0x0040u
#define VA_ALIGN   0x0080u
#define VA_SRC     0x0100u
#define VA_ALT     0x0200u
#define VA_HREF    0x0400u
#define VA_TITLE   0x0800u
#define VA_SERIES  0x1000u  /* data-series: th of a chart table */
#define VA_VALUE   0x2000u  /* data-value: td of a chart table */
#define VA_MARK    0x4000u  /* data-mark: table of class chart-timeline */
#define VA_TYPE    0x8000u  /* type: ol */
#define VA_YEAR    0x10000u /* data-year: table of class chart-wheel */
#define VA_MONTHS  0x20000u /* data-months: the same */
#define VA_DATE    0x40000u /* data-date: td of a chart-wheel table */
#define VA_KIND    0x80000u /* data-kind: tr of a chart-wheel table */
#define VA_GLOBAL  (VA_ID | VA_CLASS | VA_LANG)

struct vocab_elem {
	const char *name;
	int kind;              /* enum doc_kind, or -1: no node of its own */
	enum vocab_model model;
	enum vocab_place place;
	unsigned attrs;        /* VA_* bits allowed */
	const char *where;     /* for "is only allowed ..." messages */
};

/* Where a class may stand beyond its elements (vocab_class.where). */
enum vocab_where {
	W_ANY,      /* wherever its element may be */
	W_BODY,     /* directly in <body> */
	W_FLOW,     /* directly in <body> or a <section> */
	W_COVER,    /* inside <div class="cover"> */
};

struct vocab_class {
	const char *name;
	unsigned bit;          /* enum doc_class */
	unsigned kinds;        /* 1u << doc_kind where it has meaning */
	const char *on;        /* the same, for messages */
	enum vocab_where where;
};

const struct vocab_elem *vocab_elem(const char *name);
const struct vocab_class *vocab_class(const char *name);
const char *vocab_class_name(unsigned bit);
/* The first pair of classes in `classes` that exclude each other. */
int vocab_class_conflict(unsigned classes, unsigned *a, unsigned *b);
unsigned vocab_attr(const char *name);
const char *vocab_attr_on(unsigned bit);

/* Value checks: 0 when the text is not a valid value. */
int vocab_width(const char *, struct doc_length *);
int vocab_int(const char *, long min, long max, int *out);
int vocab_lang(const char *);
int vocab_number(const char *, double *out);

struct tree;

/* The state of one parse_xhtml call, shared by its files. */
struct parse {
	const char *file;
	char *dir;             /* folder of file, for image paths */
	struct pv_diags *d;
	struct doc *doc;
	size_t ndiag;          /* diagnostics issued, for the cap */
	int halt;              /* stop: too many errors or nodes */
	int refused;           /* DTD declarations or the depth: stopped */
	int xml_line, xml_col; /* where the last XML error was */
	int depth;             /* open elements, for PARSE_MAX_DEPTH */
	size_t elements;
	struct tree *tree;     /* parse_tree.c: the open elements */
	/* ids, and internal links to check once the tree is built */
	struct parse_id *ids;
	size_t nids, idcap;
	struct parse_link *links;
	size_t nlinks, linkcap;
	int hlevel;            /* level of the last heading, for skips */
	int nodes_capped;
};

struct parse_id {
	const char *id;        /* owned by the node */
	int line;
};

struct parse_link {
	const char *id;        /* after the '#', owned by the node */
	int line;
};

void parse_error(struct parse *, int line, int col, const char *, ...)
    PV_PRINTF(4, 5);
void parse_warning(struct parse *, int line, const char *, ...)
    PV_PRINTF(3, 4);

/* parse_tree.c: libxml2's events, in document order. */
void tree_begin(struct parse *);
void tree_start(struct parse *, const char *local, const char *prefix,
    const char *uri, int nattr, const xmlChar **attrs, int line);
void tree_end(struct parse *);
void tree_text(struct parse *, const char *, size_t, int line);
void tree_pi(struct parse *, const char *target, int line);
void tree_finish(struct parse *, int complete);

/* parse_chart.c: the chart tables' data, once the tree is whole. */
void chart_check(struct parse *, const struct doc_node *root);

/* parse_wheel.c: the year wheels' rows and their data-* attributes. */
void wheel_check(struct parse *, const struct doc_node *root);
/* A data-date value: 1 a real day (year and 0-based day of the year
 * set), 0 not written YYYY-MM-DD, -1 written so but no real day. */
int wheel_date(const char *, int *year, int *yday);

/* parse_note.c: where footnotes may stand. */
void note_check(struct parse *, const struct doc_node *root);

/* doc.c */
const char *doc_kind_name(enum doc_kind);
struct doc_node *doc_node_new(struct doc *, enum doc_kind, int line);
void doc_node_append(struct doc_node *parent, struct doc_node *);
void doc_node_remove(struct doc *, struct doc_node *);

#endif
