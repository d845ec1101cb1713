/*
 * parse_vocab.c - the planverk XHTML vocabulary, in one place.
 *
 * Three tables say what may be written: the elements (what each holds
 * and where it may stand), the attributes, and the classes (on which
 * elements each has meaning).  docs/vocabulary.md describes the same
 * tables for people; change both together.  Anything not in a table is
 * an error, never a silent drop: a template bug must show.
 */
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

#define K(k) (1u << (k))

static const struct vocab_elem elems[] = {
	/* name, kind, holds, stands, attributes, where (for messages) */
	{ "html", -1, M_HEAD, P_HEAD, 0, "as the document element" },
	{ "head", -1, M_HEAD, P_HEAD, 0, "first in <html>" },
	{ "title", -1, M_HEAD, P_HEAD, 0, "in <head>" },
	{ "meta", -1, M_HEAD, P_HEAD, 0, "in <head>" },
	{ "body", DOC_ROOT, M_HEAD, P_HEAD, VA_GLOBAL, "in <html>" },
	{ "section", DOC_SECTION, M_BLOCKS, P_BLOCK, VA_GLOBAL, NULL },
	{ "div", DOC_DIV, M_BLOCKS, P_BLOCK, VA_GLOBAL, NULL },
	{ "h1", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "h2", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "h3", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "h4", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "h5", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "h6", DOC_H, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "p", DOC_P, M_INLINES, P_BLOCK, VA_GLOBAL, NULL },
	{ "ul", DOC_UL, M_LIST, P_BLOCK, VA_GLOBAL, NULL },
	{ "ol", DOC_OL, M_LIST, P_BLOCK, VA_GLOBAL | VA_START | VA_TYPE,
	    NULL },
	{ "li", DOC_LI, M_BLOCKS, P_LIST, VA_GLOBAL, "in <ul> or <ol>" },
	{ "table", DOC_TABLE, M_TABLE, P_BLOCK, VA_GLOBAL | VA_WIDTH |
	    VA_MARK | VA_YEAR | VA_MONTHS, NULL },
	{ "caption", DOC_CAPTION, M_INLINES, P_TABLE, VA_GLOBAL,
	    "as the first child of <table>" },
	{ "colgroup", -1, M_COLS, P_TABLE, 0, "in <table>" },
	{ "col", DOC_COL, M_EMPTY, P_COLS, VA_GLOBAL | VA_WIDTH,
	    "in <table> or <colgroup>" },
	{ "thead", DOC_THEAD, M_ROWS, P_TABLE, VA_GLOBAL, "in <table>" },
	{ "tbody", DOC_TBODY, M_ROWS, P_TABLE, VA_GLOBAL, "in <table>" },
	{ "tr", DOC_TR, M_CELLS, P_ROWS, VA_GLOBAL | VA_KIND,
	    "in <table>, <thead> or <tbody>" },
	{ "th", DOC_TH, M_BLOCKS, P_ROW, VA_GLOBAL | VA_COLSPAN | VA_ROWSPAN |
	    VA_WIDTH | VA_ALIGN | VA_SERIES, "in <tr>" },
	{ "td", DOC_TD, M_BLOCKS, P_ROW, VA_GLOBAL | VA_COLSPAN | VA_ROWSPAN |
	    VA_WIDTH | VA_ALIGN | VA_VALUE | VA_DATE, "in <tr>" },
	{ "figure", DOC_FIGURE, M_BLOCKS, P_BLOCK, VA_GLOBAL, NULL },
	{ "figcaption", DOC_FIGCAPTION, M_INLINES, P_FIGURE, VA_GLOBAL,
	    "in <figure>" },
	{ "img", DOC_IMG, M_EMPTY, P_BLOCK, VA_GLOBAL | VA_SRC | VA_ALT |
	    VA_WIDTH | VA_TITLE, NULL },
	{ "hr", DOC_HR, M_EMPTY, P_BLOCK, VA_GLOBAL, NULL },
	{ "br", DOC_BR, M_EMPTY, P_INLINE, VA_GLOBAL, NULL },
	{ "strong", DOC_STRONG, M_INLINES, P_INLINE, VA_GLOBAL, NULL },
	{ "em", DOC_EM, M_INLINES, P_INLINE, VA_GLOBAL, NULL },
	{ "code", DOC_CODE, M_INLINES, P_INLINE, VA_GLOBAL, NULL },
	{ "a", DOC_A, M_INLINES, P_INLINE, VA_GLOBAL | VA_HREF | VA_TITLE,
	    NULL },
	{ "span", DOC_SPAN, M_INLINES, P_INLINE, VA_GLOBAL, NULL },
};

static const struct {
	const char *name;
	unsigned bit;
	const char *on;        /* for "has no meaning on" messages */
} attrs[] = {
	{ "id", VA_ID, "any element" },
	{ "class", VA_CLASS, "any element" },
	{ "lang", VA_LANG, "any element" },
	{ "width", VA_WIDTH, "<table>, <col>, <th>, <td> and <img>" },
	{ "start", VA_START, "<ol>" },
	{ "colspan", VA_COLSPAN, "<th> and <td>" },
	{ "rowspan", VA_ROWSPAN, "<th> and <td>" },
	{ "align", VA_ALIGN, "<th> and <td>" },
	{ "src", VA_SRC, "<img>" },
	{ "alt", VA_ALT, "<img>" },
	{ "href", VA_HREF, "<a>" },
	{ "title", VA_TITLE, "<a> and <img>" },
	{ "data-series", VA_SERIES, "<th>" },
	{ "data-value", VA_VALUE, "<td>" },
	{ "data-mark", VA_MARK, "<table>" },
	{ "type", VA_TYPE, "<ol>" },
	{ "data-year", VA_YEAR, "<table>" },
	{ "data-months", VA_MONTHS, "<table>" },
	{ "data-date", VA_DATE, "<td>" },
	{ "data-kind", VA_KIND, "<tr>" },
};

#define HEADINGS K(DOC_H)
static const struct vocab_class classes[] = {
	{ "cover", DOC_C_COVER, K(DOC_DIV), "<div>", W_BODY },
	{ "title", DOC_C_TITLE, K(DOC_P) | HEADINGS | K(DOC_DIV),
	    "<p>, <h1>-<h6> and <div>", W_COVER },
	{ "subtitle", DOC_C_SUBTITLE, K(DOC_P) | HEADINGS | K(DOC_DIV),
	    "<p>, <h1>-<h6> and <div>", W_COVER },
	{ "byline", DOC_C_BYLINE, K(DOC_P) | HEADINGS | K(DOC_DIV),
	    "<p>, <h1>-<h6> and <div>", W_COVER },
	{ "tagline", DOC_C_TAGLINE, K(DOC_P) | HEADINGS | K(DOC_DIV),
	    "<p>, <h1>-<h6> and <div>", W_COVER },
	{ "dateline", DOC_C_DATELINE, K(DOC_P) | HEADINGS | K(DOC_DIV),
	    "<p>, <h1>-<h6> and <div>", W_COVER },
	{ "logo", DOC_C_LOGO, K(DOC_IMG), "<img>", W_COVER },
	{ "toc", DOC_C_TOC, K(DOC_DIV), "<div>", W_FLOW },
	{ "pagebreak", DOC_C_PAGEBREAK, K(DOC_DIV), "<div>", W_FLOW },
	{ "box", DOC_C_BOX, K(DOC_DIV), "<div>", W_ANY },
	{ "nonumber", DOC_C_NONUMBER, HEADINGS, "<h1>-<h6>", W_ANY },
	{ "notoc", DOC_C_NOTOC, HEADINGS, "<h1>-<h6>", W_ANY },
	{ "num", DOC_C_NUM, K(DOC_TD) | K(DOC_TH), "<td> and <th>", W_ANY },
	{ "center", DOC_C_CENTER, K(DOC_TD) | K(DOC_TH) | K(DOC_P),
	    "<td>, <th> and <p>", W_ANY },
	{ "nowrap", DOC_C_NOWRAP, K(DOC_SPAN) | K(DOC_TD) | K(DOC_TH),
	    "<span>, <td> and <th>", W_ANY },
	{ "signature", DOC_C_SIGNATURE, K(DOC_P), "<p>", W_ANY },
	{ "sum", DOC_C_SUM, K(DOC_TR), "<tr>", W_ANY },
	{ "small", DOC_C_SMALL, K(DOC_TABLE) | K(DOC_P), "<table> and <p>",
	    W_ANY },
	{ "lead", DOC_C_LEAD, K(DOC_P), "<p>", W_ANY },
	{ "checked", DOC_C_CHECKED, K(DOC_SPAN), "<span>", W_ANY },
	{ "unchecked", DOC_C_UNCHECKED, K(DOC_SPAN), "<span>", W_ANY },
	{ "landscape", DOC_C_LANDSCAPE, K(DOC_TABLE) | K(DOC_SECTION),
	    "<table> and <section>", W_ANY },
	{ "chart", DOC_C_CHART, K(DOC_FIGURE), "<figure>", W_ANY },
	{ "chart-bullet", DOC_C_CHART_BULLET, K(DOC_TABLE), "<table>",
	    W_ANY },
	{ "chart-bars", DOC_C_CHART_BARS, K(DOC_TABLE), "<table>", W_ANY },
	{ "chart-timeline", DOC_C_CHART_TIMELINE, K(DOC_TABLE), "<table>",
	    W_ANY },
	{ "chart-wheel", DOC_C_CHART_WHEEL, K(DOC_TABLE), "<table>", W_ANY },
	{ "footnote", DOC_C_FOOTNOTE, K(DOC_SPAN), "<span>", W_ANY },
};

/* Classes that say contrary things about one element. */
static const unsigned exclusive[] = {
	DOC_C_COVER | DOC_C_TOC | DOC_C_PAGEBREAK | DOC_C_BOX,
	DOC_C_TITLE | DOC_C_SUBTITLE | DOC_C_BYLINE | DOC_C_TAGLINE |
	    DOC_C_DATELINE,
	DOC_C_NUM | DOC_C_CENTER,
	DOC_C_CHECKED | DOC_C_UNCHECKED,
	DOC_C_SMALL | DOC_C_LEAD,
	DOC_C_CHART_BULLET | DOC_C_CHART_BARS | DOC_C_CHART_TIMELINE |
	    DOC_C_CHART_WHEEL,
	DOC_C_FOOTNOTE | DOC_C_CHECKED,
	DOC_C_FOOTNOTE | DOC_C_UNCHECKED,
};

const struct vocab_elem *
vocab_elem(const char *name)
{
	size_t i;

	/* Called once per element: the first letter saves most strcmps. */
	for (i = 0; i < sizeof(elems) / sizeof(elems[0]); i++)
		if (elems[i].name[0] == name[0] &&
		    strcmp(elems[i].name, name) == 0)
			return &elems[i];
	return NULL;
}

const struct vocab_class *
vocab_class(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strcmp(classes[i].name, name) == 0)
			return &classes[i];
	return NULL;
}

const char *
vocab_class_name(unsigned bit)
{
	size_t i;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].bit == bit)
			return classes[i].name;
	return "?";
}

int
vocab_class_conflict(unsigned c, unsigned *a, unsigned *b)
{
	size_t i;
	unsigned m, bit;

	for (i = 0; i < sizeof(exclusive) / sizeof(exclusive[0]); i++) {
		m = c & exclusive[i];
		if (m == 0 || (m & (m - 1)) == 0)
			continue;
		*a = m & -m;
		m &= m - 1;
		bit = m & -m;
		*b = bit;
		return 1;
	}
	return 0;
}

unsigned
vocab_attr(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (strcmp(attrs[i].name, name) == 0)
			return attrs[i].bit;
	return 0;
}

const char *
vocab_attr_on(unsigned bit)
{
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (attrs[i].bit == bit)
			return attrs[i].on;
	return "?";
}

/*
 * A width: "30%" (of the available width), "120pt", "12mm", "1.5cm",
 * "160px" or "160" (CSS pixels, as HTML's width attribute means them:
 * 1px = 0.75pt).  Digits with an optional fraction; no sign, no
 * exponent, no spaces: we read it by hand so that neither the locale nor
 * strtod's "inf" and "1e9" get in.  Stored as a percentage or in points.
 */
int
vocab_width(const char *s, struct doc_length *out)
{
	double v = 0, scale = 1, f = 0.1;
	int digits = 0;

	while (*s >= '0' && *s <= '9') {
		if (v < 1e7)
			v = v * 10 + (*s - '0');
		digits++;
		s++;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			v += f * (*s - '0');
			f /= 10;
			digits++;
			s++;
		}
	}
	if (digits == 0)
		return 0;
	if (*s == '%') {
		if (s[1] != '\0' || v <= 0 || v > 100)
			return 0;
		out->unit = DOC_U_PERCENT;
		out->value = v;
		return 1;
	}
	if (*s == '\0' || strcmp(s, "px") == 0)
		scale = 0.75;
	else if (strcmp(s, "pt") == 0)
		scale = 1;
	else if (strcmp(s, "mm") == 0)
		scale = 72 / 25.4;
	else if (strcmp(s, "cm") == 0)
		scale = 72 / 2.54;
	else
		return 0;
	v *= scale;
	/* Nothing printable is wider than ten metres. */
	if (v <= 0 || v > 28000)
		return 0;
	out->unit = DOC_U_PT;
	out->value = v;
	return 1;
}

/* A whole number in decimal digits (an optional '-'), min..max. */
int
vocab_int(const char *s, long min, long max, int *out)
{
	long v = 0;
	int neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		if (v > 100000000L)
			return 0;
		v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		return 0;
	*out = (int)v;
	return 1;
}

/*
 * A chart's number: an optional '-', digits, an optional '.' and more
 * digits ("42.5", "-3", "2019.5"); no exponent, no spaces, no comma, read
 * by hand for the same reasons as widths.  At most 1e15 in size.
 */
int
vocab_number(const char *s, double *out)
{
	double v = 0, f = 0.1;
	int neg = 0, digits = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (++digits > 15)
			return 0;
	}
	if (digits == 0)
		return 0;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9') {
			v += f * (*s++ - '0');
			f /= 10;
		}
	}
	if (*s != '\0')
		return 0;
	*out = neg ? -v : v;
	return 1;
}

static int
ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A language tag as BCP 47 shapes it: "nb", "se", "nn-NO", "en-GB".
 * ASCII by hand: the C library's classes follow the locale. */
int
vocab_lang(const char *s)
{
	size_t n;
	int first = 1;

	for (;;) {
		for (n = 0; (ascii_alpha(s[n]) || (s[n] >= '0' &&
		    s[n] <= '9')) && n <= 8; n++)
			if (first && !ascii_alpha(s[n]))
				return 0;
		if (n == 0 || n > 8)
			return 0;
		s += n;
		first = 0;
		if (*s == '\0')
			return 1;
		if (*s != '-')
			return 0;
		s++;
	}
}
