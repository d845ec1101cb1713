/*
 * doc.h - the document tree: the contract between parse and layout.
 *
 * parse turns XHTML text (the documented vocabulary, docs/vocabulary.md)
 * into this tree; layout reads it and never changes it.  The tree mirrors
 * the XHTML elements, normalised so that layout has only two cases:
 *
 *   - a block container (ROOT, SECTION, DIV, LI, TD, TH, FIGURE, BLOCKQUOTE
 *     is not in the vocabulary) holds only blocks: any run of inline
 *     content directly inside it is wrapped by parse in an anonymous P
 *     (flag DOC_F_ANON);
 *   - an inline container (P, H, CAPTION, FIGCAPTION, A, STRONG, EM,
 *     CODE, SPAN) holds only inlines: TEXT, BR, STRONG, EM, CODE, A,
 *     SPAN.
 *
 * Text is UTF-8 with XML whitespace collapsed to single spaces (U+00A0 is
 * kept as a no-break space); layout drops spaces at line starts and ends.
 * Every node knows the line it came from.
 */
#ifndef PV_DOC_H
#define PV_DOC_H

#include <stddef.h>

enum doc_kind {
	DOC_ROOT,       /* <body> */
	DOC_SECTION,    /* <section> */
	DOC_DIV,        /* <div>: meaning from its classes */
	DOC_H,          /* <h1>..<h6>: level in `level` */
	DOC_P,          /* <p>, or an anonymous paragraph */
	DOC_UL,
	DOC_OL,         /* `start` holds the first number */
	DOC_LI,
	DOC_TABLE,
	DOC_CAPTION,    /* <caption> of a table: inline container */
	DOC_COL,        /* <col> inside <colgroup> or <table>: `width` */
	DOC_THEAD,
	DOC_TBODY,
	DOC_TR,
	DOC_TH,
	DOC_TD,
	DOC_FIGURE,
	DOC_FIGCAPTION,
	DOC_IMG,        /* `src`, `alt`, `width` */
	DOC_HR,
	/* inlines */
	DOC_TEXT,
	DOC_BR,
	DOC_STRONG,
	DOC_EM,
	DOC_CODE,
	DOC_A,          /* `href`; an internal link starts with '#' */
	DOC_SPAN,       /* <span>: only for a class (e.g. "nowrap") */
};

/* Classes with layout meaning (class="..." in the XHTML). */
enum doc_class {
	DOC_C_COVER = 1u << 0,      /* div: the cover page */
	DOC_C_TITLE = 1u << 1,      /* in the cover: the title */
	DOC_C_SUBTITLE = 1u << 2,
	DOC_C_BYLINE = 1u << 3,     /* the foot's first line, in bold */
	DOC_C_TAGLINE = 1u << 4,    /* the line under the title's rule */
	DOC_C_DATELINE = 1u << 5,   /* the foot's lines under the byline */
	DOC_C_LOGO = 1u << 6,       /* img on the cover */
	DOC_C_TOC = 1u << 7,        /* div: table of contents goes here */
	DOC_C_PAGEBREAK = 1u << 8,  /* div: forced page break */
	DOC_C_BOX = 1u << 9,        /* div: boxed callout */
	DOC_C_NONUMBER = 1u << 10,  /* h: not numbered, still in the TOC */
	DOC_C_NOTOC = 1u << 11,     /* h: not in the TOC or bookmarks */
	DOC_C_NUM = 1u << 12,       /* td/th: numeric, right-aligned */
	DOC_C_CENTER = 1u << 13,    /* td/th/p: centred */
	DOC_C_NOWRAP = 1u << 14,    /* span/td: never break inside */
	DOC_C_SIGNATURE = 1u << 15, /* p: signature block under a foreword */
	DOC_C_SUM = 1u << 16,       /* tr: a sum row, set in bold with a rule */
	DOC_C_SMALL = 1u << 17,     /* table/p: smaller type */
	DOC_C_LEAD = 1u << 18,      /* p: lead paragraph, larger type */
	DOC_C_CHECKED = 1u << 19,   /* span: a ticked box ☒ */
	DOC_C_UNCHECKED = 1u << 20, /* span: an empty box ☐ */
	DOC_C_LANDSCAPE = 1u << 21, /* table, section: tables on landscape
				     * pages */
	DOC_C_CHART = 1u << 22,     /* figure: holds a chart table */
	DOC_C_CHART_BULLET = 1u << 23, /* table: a bar per row, own scale,
					* target and baseline marks */
	DOC_C_CHART_BARS = 1u << 24,   /* table: grouped bars, one scale */
	DOC_C_CHART_TIMELINE = 1u << 25, /* table: from-to bars over years */
	DOC_C_CHART_WHEEL = 1u << 26,  /* table: a year wheel, a mark per
					* row at its data-date */
	DOC_C_FOOTNOTE = 1u << 27,     /* span: a footnote; its content is
					* the note, set at the page foot */
};

/* The classes that make a table a chart (drawn, then set as a table). */
#define DOC_C_CHARTS (DOC_C_CHART_BULLET | DOC_C_CHART_BARS | \
	DOC_C_CHART_TIMELINE | DOC_C_CHART_WHEEL)

/* The markers of an ordered list (<ol type="...">). */
enum doc_numbering {
	DOC_NUM_DECIMAL,   /* type="1" (default): 1. 2. 3. */
	DOC_NUM_LOWER,     /* type="a": a) b) ... z) aa) */
	DOC_NUM_UPPER,     /* type="A": A) B) ... */
};

/* The marks of a year wheel's rows (<tr data-kind="...">). */
enum doc_mark_kind {
	DOC_MARK_NONE,     /* no data-kind */
	DOC_MARK_MEETING,  /* a filled circle (the default in a wheel) */
	DOC_MARK_DEADLINE, /* a diamond */
};

/* Flags of a node (doc_node.flags). */
#define DOC_F_ANON 0x1u /* made by parse, not written in the XHTML: a P
			   wrapping inline content of a block container,
			   or the TBODY around rows written directly in a
			   TABLE */

/* A length from the document: a width="..." or style-free width hint. */
enum doc_unit {
	DOC_U_NONE,    /* not given */
	DOC_U_PERCENT, /* of the available width */
	DOC_U_PT,      /* points */
};

struct doc_length {
	enum doc_unit unit;
	double value;
};

struct doc_node {
	enum doc_kind kind;
	int line;              /* line in the XHTML file */
	unsigned classes;      /* enum doc_class bits */
	unsigned flags;        /* DOC_F_* bits */
	int level;             /* DOC_H: 1..6 */
	int start;             /* DOC_OL: first number (default 1) */
	enum doc_numbering numbering; /* DOC_OL: type="1|a|A" */
	int colspan, rowspan;  /* DOC_TD, DOC_TH: >= 1 */
	struct doc_length width; /* DOC_COL, DOC_TD, DOC_TH, DOC_IMG, DOC_TABLE */
	char *text;            /* DOC_TEXT: UTF-8, NUL-terminated */
	size_t text_len;
	char *id;              /* id="..." (link target), or NULL */
	char *href;            /* DOC_A */
	char *src;             /* DOC_IMG: path, resolved against the XHTML's folder */
	char *alt;             /* DOC_IMG */
	char *lang;            /* lang="..." on any element, or NULL */
	char *series;          /* DOC_TH: data-series="...", or NULL */
	/* DOC_TD: data-value; DOC_TABLE: data-mark.  has_value 1: given,
	 * -1: given but not a number (reported), 0: none */
	double value;
	int has_value;
	/* The year wheel (chart-wheel): DOC_TABLE: data-year (0: none) and
	 * data-months (the 12 labels, or NULL); DOC_TD: data-date as the
	 * 0-based day of the year, yday_of its year (date_year; -1: no
	 * data-date, -2: given but not a date, reported); DOC_TR:
	 * data-kind. */
	int year;
	char *months;
	int date_year, yday;
	enum doc_mark_kind mark;
	struct doc_node *parent;
	struct doc_node *first, *last; /* children */
	struct doc_node *next, *prev;  /* siblings */
};

/* From <head>: <title> and <meta name="author|subject|keywords|..."> */
struct doc_meta {
	char *title;
	char *author;
	char *subject;
	char *keywords;
	char *lang;        /* <html lang="nb"> (xml:lang also accepted) */
	char *running_title; /* <meta name="running-title">, else title */
	char *date;        /* <meta name="date">, free text for the cover */
	/* The words layout prints itself, from the type's labels: the title
	 * over the table of contents and the footer, where the first %d is
	 * the page number and the second the page count.  NULL: layout's
	 * own default for the document's language. */
	char *toc_title;   /* <meta name="toc-title"> ("Innhold") */
	char *page_label;  /* <meta name="page-label"> ("Side %d av %d") */
	/* <meta name="labels-lang">: the language of those words and of
	 * every label in the document when it is not the document's own
	 * (a bokmål plan built with --lang nn); NULL: the labels are in
	 * the document's language. */
	char *labels_lang;
};

struct doc {
	char *file;               /* the XHTML path, for diagnostics */
	struct doc_meta meta;
	struct doc_node *root;    /* DOC_ROOT */
	size_t node_count;
};

/* The node after n in document order (pre-order: its first child, else
 * the next sibling of it or of its nearest ancestor), NULL at the end. */
const struct doc_node *doc_next(const struct doc_node *);

#endif
