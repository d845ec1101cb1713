/*
 * parse_tree.c - XHTML parser events to the document tree of doc.h.
 *
 * libxml2 reports elements and text as it reads them (SAX2, set up in
 * parse.c); no libxml2 tree is ever built, which halves the memory and
 * the time.  A stack of frames, one per open element, says what the
 * element may hold and where its content goes.  The same pass checks
 * the content rules (what may stand where, which attributes and classes
 * mean something where) and normalises, so that layout sees only the two
 * cases of doc.h: block containers holding blocks, inline containers
 * holding inlines.  Inline runs in a block container get an anonymous
 * P; white space is collapsed and trimmed here once.
 *
 * An error does not stop the pass: every error in the document is
 * reported (up to PARSE_MAX_ERRORS).  An element outside the vocabulary
 * is reported and then read through as if it were not there, so that
 * errors inside it show too; a known element in the wrong place is
 * reported and skipped with its content, which would only repeat the
 * same mistake.  The stack has PARSE_MAX_DEPTH + 1 frames: parse.c stops
 * the parser before an element would need more.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/date.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "parse.h"
#include "parse_int.h"

/* Filling one inline container (P, H, CAPTION, FIGCAPTION). */
struct inl {
	struct doc_node *para;     /* the container */
	struct doc_node *cur;      /* where inlines go: para or an inline */
	struct pv_buf text;        /* text not yet in a node, collapsed */
	int text_line;
	int space;                 /* the last character out was a space,
				      or nothing is out yet: a space now
				      would be dropped */
	struct doc_node *lasttext; /* last TEXT made, to trim at the end */
	int in_a;                  /* inside <a>: no <a> in it */
	int toolong;               /* PARSE_MAX_TEXT reported */
};

/* Filling one block container. */
struct blk {
	struct doc_node *box;
	struct inl in;             /* the anonymous P, when open */
	int open;
	int figcaptions;
};

struct tbl {
	struct doc_node *table;
	int stage;                 /* 0, 1 caption, 2 cols, 3 thead, 4 rows */
	int tbody, tr;             /* seen <tbody>, seen <tr> directly */
	long rows;                 /* <tr> so far, against PARSE_MAX_TABLE_ROWS */
	long cols;                 /* colspans in the open row */
	int too_many;              /* a limit reported: skip the rest */
};

/* What an open element holds. */
enum mode {
	F_DOC,      /* before the document element */
	F_HTML,     /* <html>: head, body */
	F_HEAD,     /* <head>: title, meta */
	F_TITLE,    /* <title>: text only */
	F_BLOCKS,   /* a block container */
	F_INLINES,  /* an inline container or inline element */
	F_LIST,     /* ul, ol: li */
	F_TABLE,    /* table */
	F_ROWS,     /* thead, tbody: tr */
	F_CELLS,    /* tr: th, td */
	F_COLS,     /* colgroup: col */
	F_EMPTY,    /* nothing but white space */
	F_SKIP,     /* reported already: ignore everything inside */
};

/* What to do when the element ends. */
enum end {
	E_NONE,
	E_BLOCKS,   /* close the anonymous P of our own struct blk */
	E_PARA,     /* finish our own struct inl */
	E_INLINE,   /* an inline element: back to the parent's inlines */
	E_TITLE,
	E_HTML,
};

struct frame {
	enum mode mode;
	enum end end;
	const char *name;          /* for messages: "in <%s>" */
	struct doc_node *node;     /* where content goes (list, tr, ...) */
	struct blk *blk;           /* F_BLOCKS */
	struct inl *inl;           /* F_INLINES */
	struct tbl *tbl;           /* F_TABLE, F_COLS */
	struct doc_node *saved;    /* E_INLINE: the inline parent */
	int reported;              /* stray text reported once */
	int head;                  /* F_HTML: seen <head> */
	union {
		struct blk blk;
		struct inl inl;
		struct tbl tbl;
		struct pv_buf title;
	} own;
};

struct tree {
	struct frame *f;           /* PARSE_MAX_DEPTH + 1 frames, and a
				      scratch one for push to fail into */
	int top;
};

/* One attribute as libxml2 hands it over, value copied and terminated. */
struct attr {
	const char *name;
	const char *prefix;
	int xml_ns;                /* in the XML namespace (xml:lang) */
	int foreign;               /* in another namespace */
	char *value;               /* NULL when too long (reported) */
};

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space((unsigned char)s[i]))
			return 0;
	return 1;
}

static struct doc_node *
new_node(struct parse *p, enum doc_kind kind, int line)
{
	if (p->doc->node_count >= PARSE_MAX_NODES && !p->nodes_capped) {
		parse_error(p, line, 0, "more than %d nodes; refusing the "
		    "document", PARSE_MAX_NODES);
		p->nodes_capped = 1;
		p->halt = 1;
	}
	return doc_node_new(p->doc, kind, line);
}

/* ---- ids and links ---- */

static unsigned long
hash(const char *s)
{
	unsigned long h = 2166136261UL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619UL;
	return h;
}

static struct parse_id *
id_slot(struct parse_id *tab, size_t cap, const char *id)
{
	size_t i = hash(id) & (cap - 1);

	while (tab[i].id != NULL && strcmp(tab[i].id, id) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/* Add an id; returns the line of an earlier one of the same name. */
static int
id_add(struct parse *p, const char *id, int line)
{
	struct parse_id *s, *old;
	size_t i, oldcap;

	if (p->idcap == 0 || (p->nids + 1) * 2 > p->idcap) {
		old = p->ids;
		oldcap = p->idcap;
		p->idcap = oldcap ? oldcap * 2 : 64;
		p->ids = pv_xcalloc(p->idcap, sizeof(*p->ids));
		for (i = 0; i < oldcap; i++)
			if (old[i].id != NULL)
				*id_slot(p->ids, p->idcap, old[i].id) = old[i];
		free(old);
	}
	s = id_slot(p->ids, p->idcap, id);
	if (s->id != NULL)
		return s->line;
	s->id = id;
	s->line = line;
	p->nids++;
	return 0;
}

static int
id_known(struct parse *p, const char *id)
{
	return p->idcap != 0 && id_slot(p->ids, p->idcap, id)->id != NULL;
}

/* ---- attribute values ---- */

/* Trim XML white space at both ends, in place. */
static char *
trim(char *s)
{
	size_t n = strlen(s);
	char *b = s;

	while (n > 0 && is_space((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (is_space((unsigned char)*b))
		b++;
	if (b != s)
		memmove(s, b, strlen(b) + 1);
	return s;
}

/* Collapse XML white space to single spaces and trim, in place. */
static char *
collapse(char *s)
{
	char *o = s, *i;
	int space = 1;

	for (i = s; *i != '\0'; i++) {
		if (is_space((unsigned char)*i)) {
			if (!space)
				*o++ = ' ';
			space = 1;
		} else {
			*o++ = *i;
			space = 0;
		}
	}
	if (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	return s;
}

static int
has_scheme(const char *s, const char *scheme)
{
	return strncasecmp(s, scheme, strlen(scheme)) == 0;
}

static void
set_href(struct parse *p, struct doc_node *n, char *v, int line)
{
	trim(v);
	n->href = v;
	if (v[0] == '#') {
		if (v[1] == '\0' || strpbrk(v, " \t\n\r") != NULL) {
			parse_error(p, line, 0, "href=\"%s\" on <a>: write "
			    "#id with the id of an element", v);
			return;
		}
		PV_GROW(p->links, p->linkcap, p->nlinks + 1);
		p->links[p->nlinks].id = v + 1;
		p->links[p->nlinks].line = line;
		p->nlinks++;
		return;
	}
	if ((has_scheme(v, "http://") || has_scheme(v, "https://") ||
	    has_scheme(v, "mailto:") || has_scheme(v, "tel:")) &&
	    strpbrk(v, " \t\n\r") == NULL)
		return;
	parse_error(p, line, 0, "href=\"%s\" on <a>: write #id for a place in "
	    "the document, or a full http:, https:, mailto: or tel: address",
	    v);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * An image path: relative to the folder of the XHTML file, or absolute.
 * It is a URI reference as written by cmark-gfm and templates alike, so
 * %XX is decoded.  No scheme (data:, http:, file:): images are files
 * beside the document.  Whether the file exists is for emit to say.
 * Takes v.
 */
static void
set_src(struct parse *p, struct doc_node *n, char *v, int line)
{
	const char *s;
	char *o;

	trim(v);
	for (s = v; (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    (s > v && ((*s >= '0' && *s <= '9') || *s == '+' || *s == '-' ||
	    *s == '.')); s++)
		continue;
	if (*v == '\0') {
		parse_error(p, line, 0, "<img> with an empty src");
		free(v);
		return;
	}
	if (s > v && *s == ':') {
		if (has_scheme(v, "data:"))
			parse_error(p, line, 0, "src=\"data:...\" on <img>: "
			    "data: URIs are not supported; save the image as a "
			    "file beside the document");
		else
			parse_error(p, line, 0, "src=\"%s\" on <img>: images "
			    "must be local files (a path relative to the XHTML "
			    "file)", v);
		free(v);
		return;
	}
	for (s = v, o = v; *s != '\0'; s++) {
		int hi, lo;

		if (*s != '%') {
			*o++ = *s;
			continue;
		}
		hi = hexval((unsigned char)s[1]);
		lo = hi < 0 ? -1 : hexval((unsigned char)s[2]);
		if (lo < 0 || (hi == 0 && lo == 0)) {
			parse_error(p, line, 0, "src on <img>: a %% must start "
			    "%%XX, a byte in hex (not %%00)");
			free(v);
			return;
		}
		*o++ = (char)(hi * 16 + lo);
		s += 2;
	}
	*o = '\0';
	if (v[0] == '/' || strcmp(p->dir, ".") == 0) {
		n->src = v;
	} else {
		n->src = pv_path_join(p->dir, v);
		free(v);
	}
}

/* Classes, once the attributes have been read (align sets some). */
static void
check_classes(struct parse *p, struct doc_node *parent, struct doc_node *n,
    const char *name, const char *list)
{
	const struct vocab_class *c;
	const struct doc_node *a;
	char word[64];
	const char *s = list, *e;
	unsigned x, y;

	while (s != NULL && *s != '\0') {
		while (is_space((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		for (e = s; *e != '\0' && !is_space((unsigned char)*e); e++)
			continue;
		snprintf(word, sizeof(word), "%.*s", (int)(e - s), s);
		s = e;
		if ((c = vocab_class(word)) == NULL) {
			parse_error(p, n->line, 0, "unknown class \"%s\" on "
			    "<%s> (see docs/vocabulary.md)", word, name);
			continue;
		}
		if (!(c->kinds & (1u << n->kind))) {
			parse_error(p, n->line, 0, "class \"%s\" has no "
			    "meaning on <%s> (only on %s)", c->name, name,
			    c->on);
			continue;
		}
		switch (c->where) {
		case W_BODY:
			if (parent->kind != DOC_ROOT) {
				parse_error(p, n->line, 0, "class \"%s\" must "
				    "be on a <%s> directly in <body>", c->name,
				    name);
				continue;
			}
			break;
		case W_FLOW:
			if (parent->kind != DOC_ROOT &&
			    parent->kind != DOC_SECTION) {
				parse_error(p, n->line, 0, "class \"%s\" must "
				    "be on a <%s> directly in <body> or a "
				    "<section>", c->name, name);
				continue;
			}
			break;
		case W_COVER:
			for (a = parent; a != NULL; a = a->parent)
				if (a->kind == DOC_DIV &&
				    (a->classes & DOC_C_COVER))
					break;
			if (a == NULL) {
				parse_error(p, n->line, 0, "class \"%s\" has "
				    "meaning only inside <div class=\"cover\">",
				    c->name);
				continue;
			}
			break;
		case W_ANY:
			break;
		}
		n->classes |= c->bit;
	}
	if (vocab_class_conflict(n->classes, &x, &y))
		parse_error(p, n->line, 0, "classes \"%s\" and \"%s\" on <%s> "
		    "exclude each other", vocab_class_name(x),
		    vocab_class_name(y), name);
}

/*
 * Without entity substitution (which stays off), libxml2 hands an
 * attribute's "&amp;" on as "&#38;" (and every other reference already
 * replaced): turn it back into '&', in one pass, in place.
 */
static void
amp_unref(char *s)
{
	char *w = s;

	while (*s != '\0') {
		if (strncmp(s, "&#38;", 5) == 0) {
			*w++ = '&';
			s += 5;
		} else {
			*w++ = *s++;
		}
	}
	*w = '\0';
}

/*
 * libxml2's attributes (five pointers each: name, prefix, namespace,
 * value start, value end) as an array of struct attr; the caller frees
 * it with attrs_free.  An over-long value is reported here.
 */
static struct attr *
attrs_read(struct parse *p, const char *elem, int nattr,
    const xmlChar **raw, int line)
{
	struct attr *a;
	int i;

	if (nattr <= 0)
		return NULL;
	a = pv_xcalloc((size_t)nattr, sizeof(*a));
	for (i = 0; i < nattr; i++, raw += 5) {
		size_t n = (size_t)(raw[4] - raw[3]);

		a[i].name = (const char *)raw[0];
		a[i].prefix = (const char *)raw[1];
		a[i].xml_ns = raw[2] != NULL && strcmp((const char *)raw[2],
		    (const char *)XML_XML_NAMESPACE) == 0;
		a[i].foreign = raw[2] != NULL && !a[i].xml_ns;
		if (n > PARSE_MAX_ATTR) {
			parse_error(p, line, 0, "attribute %s on <%s> is "
			    "longer than %d bytes", a[i].name, elem,
			    PARSE_MAX_ATTR);
			continue;
		}
		a[i].value = pv_xstrndup((const char *)raw[3], n);
		amp_unref(a[i].value);
	}
	return a;
}

static void
attrs_free(struct attr *a, int n)
{
	int i;

	for (i = 0; a != NULL && i < n; i++)
		free(a[i].value);
	free(a);
}

static void
attr_unknown(struct parse *p, const struct attr *a, const char *elem,
    int line)
{
	parse_error(p, line, 0, "attribute %s%s%s on <%s> is not in the "
	    "planverk vocabulary (see docs/vocabulary.md)",
	    a->prefix ? a->prefix : "", a->prefix ? ":" : "", a->name, elem);
}

/*
 * Read the attributes into n: each must be in the vocabulary and have a
 * meaning on this element.  Values are taken from a (set to NULL).
 * Returns the class list (caller frees) for check_classes, which needs
 * the node's place.
 */
static char *
node_attrs(struct parse *p, struct attr *a, int nattr,
    const struct vocab_elem *e, struct doc_node *n)
{
	char *v, *cls = NULL, *lang = NULL, *xmllang = NULL;
	unsigned bit;
	int i, line = n->line, first, have_src = 0, have_alt = 0;

	for (i = 0; i < nattr; i++) {
		const char *an = a[i].name;

		if (a[i].xml_ns && strcmp(an, "lang") == 0)
			bit = VA_LANG;
		else if (a[i].xml_ns || a[i].foreign)
			bit = 0;
		else
			bit = vocab_attr(an);
		if (bit == 0) {
			attr_unknown(p, &a[i], e->name, line);
			continue;
		}
		if (!(bit & e->attrs)) {
			parse_error(p, line, 0, "attribute %s has no meaning "
			    "on <%s> (only on %s)", an, e->name,
			    vocab_attr_on(bit));
			continue;
		}
		if ((v = a[i].value) == NULL)
			continue;
		a[i].value = NULL;
		switch (bit) {
		case VA_ID:
			if (*v == '\0' || strpbrk(v, " \t\n\r") != NULL) {
				parse_error(p, line, 0, "id=\"%s\" on <%s>: an "
				    "id is one word, not empty", v, e->name);
				free(v);
				break;
			}
			free(n->id);
			n->id = v;
			if ((first = id_add(p, v, line)) != 0)
				parse_error(p, line, 0, "duplicate id \"%s\" "
				    "(first used on line %d)", v, first);
			break;
		case VA_CLASS:
			free(cls);
			cls = v;
			break;
		case VA_LANG:
			if (!vocab_lang(v))
				parse_error(p, line, 0, "%s=\"%s\" on <%s> is "
				    "not a language tag (like nb, nn, se or "
				    "en)",
				    a[i].xml_ns ? "xml:lang" : "lang", v,
				    e->name);
			if (a[i].xml_ns) {
				free(xmllang);
				xmllang = v;
			} else {
				free(lang);
				lang = v;
			}
			break;
		case VA_WIDTH:
			if (vocab_width(v, &n->width)) {
				free(v);
				break;
			}
			if (v[0] >= '0' && v[0] <= '9' &&
			    v[strlen(v) - 1] == '%')
				parse_error(p, line, 0, "width=\"%s\" on <%s>: "
				    "a percentage is more than 0%% and at most "
				    "100%%", v, e->name);
			else
				parse_error(p, line, 0, "width=\"%s\" on <%s>: "
				    "write a percentage (30%%), points "
				    "(120pt), millimetres (40mm) or pixels "
				    "(160)", v, e->name);
			free(v);
			break;
		case VA_START:
			if (!vocab_int(v, 0, PARSE_MAX_LIST_START, &n->start))
				parse_error(p, line, 0, "start=\"%s\" on <ol> "
				    "must be a whole number from 0 to 1000000",
				    v);
			free(v);
			break;
		case VA_COLSPAN:
			if (!vocab_int(v, 1, 1000, &n->colspan))
				parse_error(p, line, 0, "colspan=\"%s\" on "
				    "<%s> must be a whole number from 1 to "
				    "1000", v, e->name);
			free(v);
			break;
		case VA_ROWSPAN:
			if (!vocab_int(v, 1, 1000, &n->rowspan))
				parse_error(p, line, 0, "rowspan=\"%s\" on "
				    "<%s> must be a whole number from 1 to "
				    "1000", v, e->name);
			free(v);
			break;
		case VA_ALIGN:
			/* As cmark-gfm writes table columns. */
			if (strcmp(v, "center") == 0)
				n->classes |= DOC_C_CENTER;
			else if (strcmp(v, "right") == 0)
				n->classes |= DOC_C_NUM;
			else if (strcmp(v, "left") != 0)
				parse_error(p, line, 0, "align=\"%s\" on <%s> "
				    "must be left, center or right", v,
				    e->name);
			free(v);
			break;
		case VA_SRC:
			have_src = 1;
			free(n->src);
			n->src = NULL;
			set_src(p, n, v, line);
			break;
		case VA_ALT:
			have_alt = 1;
			free(n->alt);
			n->alt = collapse(v);
			break;
		case VA_HREF:
			free(n->href);
			set_href(p, n, v, line);
			break;
		case VA_SERIES:
			if (*v == '\0' || strpbrk(v, " \t\n\r") != NULL) {
				parse_error(p, line, 0, "data-series=\"%s\" on "
				    "<th>: a series is one word, not empty", v);
				free(v);
				break;
			}
			free(n->series);
			n->series = v;
			break;
		case VA_VALUE:
		case VA_MARK:
			/* -1: given but no number, already said so */
			if (vocab_number(v, &n->value))
				n->has_value = 1;
			else if ((n->has_value = -1) != 0)
				parse_error(p, line, 0, "%s=\"%s\" on <%s> is "
				    "not a number (write digits with '.' as "
				    "decimal point, like 42.5 or -3)", bit ==
				    VA_MARK ? "data-mark" : "data-value", v,
				    e->name);
			free(v);
			break;
		case VA_TYPE:
			if (strcmp(v, "1") == 0)
				n->numbering = DOC_NUM_DECIMAL;
			else if (strcmp(v, "a") == 0)
				n->numbering = DOC_NUM_LOWER;
			else if (strcmp(v, "A") == 0)
				n->numbering = DOC_NUM_UPPER;
			else
				parse_error(p, line, 0, "type=\"%s\" on <ol> "
				    "must be 1 (1. 2. 3.), a (a) b) c)) or A "
				    "(A) B) C))", v);
			free(v);
			break;
		case VA_YEAR:
			/* -1: given but no year, already said so */
			if (!vocab_int(v, PV_YEAR_MIN, PV_YEAR_MAX, &n->year)) {
				n->year = -1;
				parse_error(p, line, 0, "data-year=\"%s\" on "
				    "<table> must be a year from %d to %d", v,
				    PV_YEAR_MIN, PV_YEAR_MAX);
			}
			free(v);
			break;
		case VA_MONTHS:
			free(n->months);
			n->months = collapse(v);
			break;
		case VA_DATE:
			first = wheel_date(v, &n->date_year, &n->yday);
			if (first <= 0) {
				n->yday = -2;
				parse_error(p, line, 0, "data-date=\"%s\" on "
				    "<td> %s", v, first == 0 ? "is not a date "
				    "written YYYY-MM-DD (like 2026-01-15)" :
				    "is no day of the calendar");
			}
			free(v);
			break;
		case VA_KIND:
			if (strcmp(v, "meeting") == 0)
				n->mark = DOC_MARK_MEETING;
			else if (strcmp(v, "deadline") == 0)
				n->mark = DOC_MARK_DEADLINE;
			else {
				/* Marks the row as having one, for the
				 * check outside a wheel. */
				n->mark = DOC_MARK_MEETING;
				parse_error(p, line, 0, "data-kind=\"%s\" on "
				    "<tr> is not a kind of mark (only meeting "
				    "and deadline)", v);
			}
			free(v);
			break;
		default:
			/* title: accepted, not shown (a PDF has no tooltips) */
			free(v);
			break;
		}
	}
	if (lang != NULL && xmllang != NULL && strcmp(lang, xmllang) != 0)
		parse_error(p, line, 0, "lang=\"%s\" and xml:lang=\"%s\" on "
		    "<%s> disagree", lang, xmllang, e->name);
	if (xmllang != NULL) {
		free(lang);
		lang = xmllang;
	}
	n->lang = lang;
	if (n->kind == DOC_IMG && !have_src)
		parse_error(p, line, 0, "<img> without src");
	if (n->kind == DOC_IMG && !have_alt)
		parse_error(p, line, 0, "<img> without alt: describe the image "
		    "in alt=\"...\" (alt=\"\" only for decoration)");
	if (n->kind == DOC_A && n->href == NULL)
		parse_error(p, line, 0, "<a> without href");
	if (n->kind == DOC_OL && n->numbering != DOC_NUM_DECIMAL &&
	    n->start == 0)
		parse_error(p, line, 0, "start=\"0\" on <ol type=\"%s\">: "
		    "letters count from 1 (%s)", n->numbering == DOC_NUM_LOWER ?
		    "a" : "A", n->numbering == DOC_NUM_LOWER ? "a" : "A");
	return cls;
}

/* A node for an element, appended to parent, with attributes and
 * classes checked. */
static struct doc_node *
element_node(struct parse *p, struct doc_node *parent,
    const struct vocab_elem *e, struct attr *a, int nattr, int line)
{
	struct doc_node *n = new_node(p, (enum doc_kind)e->kind, line);
	char *cls;

	if (n->kind == DOC_H)
		n->level = e->name[1] - '0';
	doc_node_append(parent, n);
	cls = node_attrs(p, a, nattr, e, n);
	check_classes(p, parent, n, e->name, cls);
	free(cls);
	return n;
}

/* ---- inline content ---- */

static void
inl_init(struct inl *in, struct doc_node *para)
{
	memset(in, 0, sizeof(*in));
	in->para = in->cur = para;
	in->space = 1;
	pv_buf_init(&in->text);
}

static void
inl_append(struct inl *in, struct doc_node *n)
{
	/* An anonymous P starts where its content starts. */
	if (in->para->first == NULL && (in->para->flags & DOC_F_ANON))
		in->para->line = n->line;
	doc_node_append(in->cur, n);
}

static void
inl_flush(struct parse *p, struct inl *in)
{
	struct doc_node *t;

	if (in->text.len == 0)
		return;
	t = new_node(p, DOC_TEXT, in->text_line);
	t->text_len = in->text.len;
	/* An exact copy: the buffer, with room to spare, is used again. */
	t->text = pv_xstrndup(in->text.data, in->text.len);
	pv_buf_clear(&in->text);
	inl_append(in, t);
	in->lasttext = t;
}

/* Drop the space before a line break or the end of the container. */
static void
inl_trim(struct parse *p, struct inl *in)
{
	struct doc_node *t = in->lasttext;

	if (in->text.len > 0) {
		if (in->text.data[in->text.len - 1] == ' ')
			in->text.data[--in->text.len] = '\0';
		return;
	}
	if (t != NULL && t->text_len > 0 && t->text[t->text_len - 1] == ' ') {
		t->text[--t->text_len] = '\0';
		if (t->text_len == 0) {
			doc_node_remove(p->doc, t);
			in->lasttext = NULL;
		}
	}
}

static void
inl_finish(struct parse *p, struct inl *in)
{
	inl_trim(p, in);
	inl_flush(p, in);
	pv_buf_free(&in->text);
}

/* Add text, collapsing runs of XML white space to one space. */
static void
inl_text(struct parse *p, struct inl *in, const char *s, size_t n, int line)
{
	const char *end = s + n, *run;

	if (in->toolong)
		return;
	while (s < end) {
		if (is_space((unsigned char)*s)) {
			if (!in->space) {
				if (in->text.len == 0)
					in->text_line = line;
				pv_buf_putc(&in->text, ' ');
				in->space = 1;
			}
			if (*s == '\n')
				line++;
			s++;
			continue;
		}
		for (run = s; s < end && !is_space((unsigned char)*s); s++)
			continue;
		if (in->text.len == 0)
			in->text_line = line;
		pv_buf_put(&in->text, run, (size_t)(s - run));
		in->space = 0;
		if (in->text.len > PARSE_MAX_TEXT) {
			parse_error(p, line, 0, "more than %d bytes of text "
			    "in one piece", PARSE_MAX_TEXT);
			in->toolong = 1;
			pv_buf_clear(&in->text);
			return;
		}
	}
}

/* ---- the frames ---- */

static struct frame *
push(struct parse *p, enum mode mode, const char *name)
{
	struct tree *t = p->tree;
	struct frame *f;

	/* parse.c refuses deeper elements; this is the last line. */
	if (t->top + 1 > PARSE_MAX_DEPTH) {
		p->halt = 1;
		f = &t->f[PARSE_MAX_DEPTH + 1];
		memset(f, 0, sizeof(*f));
		return f;
	}
	f = &t->f[++t->top];
	memset(f, 0, sizeof(*f));
	f->mode = mode;
	f->name = name;
	return f;
}

/* A frame that reads its element through to the parent's content. */
static void
push_transparent(struct parse *p, const char *name)
{
	struct frame *up = &p->tree->f[p->tree->top];
	struct frame *f;

	/* Text in these goes into the frame's own state: no way through. */
	if (up->mode == F_DOC || up->mode == F_TITLE || up->mode == F_EMPTY) {
		push(p, F_SKIP, name);
		return;
	}
	f = push(p, up->mode, name);
	f->node = up->node;
	f->blk = up->blk;
	f->inl = up->inl;
	f->tbl = up->tbl;
}

static struct frame *
push_blocks(struct parse *p, struct doc_node *n, const char *name)
{
	struct frame *f = push(p, F_BLOCKS, name);

	f->end = E_BLOCKS;
	f->node = n;
	f->blk = &f->own.blk;
	f->blk->box = n;
	return f;
}

static struct frame *
push_para(struct parse *p, struct doc_node *n, const char *name)
{
	struct frame *f = push(p, F_INLINES, name);

	f->end = E_PARA;
	f->node = n;
	f->inl = &f->own.inl;
	inl_init(f->inl, n);
	return f;
}

static void
anon_open(struct parse *p, struct blk *b, int line)
{
	struct doc_node *n;

	if (b->open)
		return;
	n = new_node(p, DOC_P, line);
	n->flags |= DOC_F_ANON;
	doc_node_append(b->box, n);
	inl_init(&b->in, n);
	b->open = 1;
}

static void
anon_close(struct parse *p, struct blk *b)
{
	if (!b->open)
		return;
	inl_finish(p, &b->in);
	if (b->in.para->first == NULL)
		doc_node_remove(p->doc, b->in.para);
	b->open = 0;
}

/* A known element where it may not stand, inside `in` holding `holds`. */
static void
misplaced(struct parse *p, const struct vocab_elem *e, const char *in,
    const char *holds, int line)
{
	if (e->where != NULL)
		parse_error(p, line, 0, "element <%s> is only allowed %s",
		    e->name, e->where);
	else
		parse_error(p, line, 0, "element <%s> is not allowed in <%s>: "
		    "it holds %s", e->name, in, holds);
	push(p, F_SKIP, e->name);
}

static const char inline_holds[] = "text and inline elements only "
    "(strong, em, code, a, span, br)";
static const char table_holds[] = "<caption>, <colgroup>, <col>, <thead>, "
    "<tbody> and <tr>";

/* An inline element (or br) in the inline content of `in`. */
static void
start_inline(struct parse *p, struct inl *in, const struct vocab_elem *e,
    struct attr *a, int nattr, int line)
{
	struct doc_node *n;
	struct frame *f;
	char *cls;

	inl_flush(p, in);
	if (e->kind == DOC_BR) {
		inl_trim(p, in);
		n = new_node(p, DOC_BR, line);
		inl_append(in, n);
		free(node_attrs(p, a, nattr, e, n));
		in->space = 1;
		in->lasttext = NULL;
		push(p, F_EMPTY, e->name);
		return;
	}
	if (e->kind == DOC_A && in->in_a) {
		parse_error(p, line, 0, "element <a> inside another <a>");
		push(p, F_SKIP, e->name);
		return;
	}
	n = new_node(p, (enum doc_kind)e->kind, line);
	inl_append(in, n);
	cls = node_attrs(p, a, nattr, e, n);
	check_classes(p, in->cur, n, e->name, cls);
	free(cls);
	/* A tick box is a glyph: the spaces around it are text. */
	if (n->classes & (DOC_C_CHECKED | DOC_C_UNCHECKED)) {
		in->space = 0;
		in->lasttext = NULL;
	}
	f = push(p, F_INLINES, e->name);
	f->end = E_INLINE;
	f->inl = in;
	f->saved = in->cur;
	in->cur = n;
	if (e->kind == DOC_A)
		in->in_a++;
}

static void
heading_order(struct parse *p, struct doc_node *parent, struct doc_node *h)
{
	const struct doc_node *a;

	/* Only the document's outline: not the cover, boxes or cells. */
	if (h->classes & DOC_C_NOTOC)
		return;
	for (a = parent; a != NULL; a = a->parent)
		if (a->kind != DOC_ROOT && a->kind != DOC_SECTION)
			return;
	if (p->hlevel > 0 && h->level > p->hlevel + 1)
		parse_warning(p, h->line, "<h%d> follows <h%d>: a heading "
		    "level is skipped", h->level, p->hlevel);
	p->hlevel = h->level;
}

/* A block element in a block container. */
static void
start_block(struct parse *p, struct doc_node *parent,
    const struct vocab_elem *e, struct attr *a, int nattr, int line)
{
	struct doc_node *n = element_node(p, parent, e, a, nattr, line);
	struct frame *f;

	switch (e->model) {
	case M_BLOCKS:
		if (n->classes & DOC_C_TOC)
			push(p, F_EMPTY, "div class=\"toc\"");
		else if (n->classes & DOC_C_PAGEBREAK)
			push(p, F_EMPTY, "div class=\"pagebreak\"");
		else
			push_blocks(p, n, e->name);
		break;
	case M_INLINES:
		if (n->kind == DOC_H)
			heading_order(p, parent, n);
		push_para(p, n, e->name);
		break;
	case M_LIST:
		f = push(p, F_LIST, e->name);
		f->node = n;
		break;
	case M_TABLE:
		f = push(p, F_TABLE, e->name);
		f->node = n;
		f->tbl = &f->own.tbl;
		f->tbl->table = n;
		break;
	default:
		push(p, F_EMPTY, e->name);
		break;
	}
}

static void
start_in_blocks(struct parse *p, struct frame *up, const struct vocab_elem *e,
    struct attr *a, int nattr, int line)
{
	struct blk *b = up->blk;
	struct doc_node *n;

	if (e->place == P_INLINE) {
		anon_open(p, b, line);
		start_inline(p, &b->in, e, a, nattr, line);
	} else if (e->place == P_BLOCK) {
		anon_close(p, b);
		start_block(p, b->box, e, a, nattr, line);
	} else if (e->place == P_FIGURE && b->box->kind == DOC_FIGURE) {
		anon_close(p, b);
		if (++b->figcaptions > 1)
			parse_error(p, line, 0, "a <figure> has one "
			    "<figcaption> at most");
		n = element_node(p, b->box, e, a, nattr, line);
		push_para(p, n, e->name);
	} else {
		misplaced(p, e, up->name, "blocks and inline content", line);
	}
}

/*
 * A <tr> of table t: counted against PARSE_MAX_TABLE_ROWS before it is
 * made.  Returns 0 when the table is over a limit: the row is skipped
 * with its content (reported once), so an oversized table costs no more
 * than reading it.
 */
static int
row_allowed(struct parse *p, struct tbl *t, int line)
{
	if (t->too_many)
		return 0;
	if (++t->rows > PARSE_MAX_TABLE_ROWS) {
		parse_error(p, line, 0, "a table has more than %d rows "
		    "(PARSE_MAX_TABLE_ROWS); split it into several tables",
		    PARSE_MAX_TABLE_ROWS);
		t->too_many = 1;
		return 0;
	}
	t->cols = 0;
	return 1;
}

/* A cell of the open row: its colspan counted against
 * PARSE_MAX_TABLE_COLUMNS. */
static int
cell_allowed(struct parse *p, struct tbl *t, int colspan, int line)
{
	if (t->too_many)
		return 0;
	t->cols += colspan > 1 ? colspan : 1;
	if (t->cols > PARSE_MAX_TABLE_COLUMNS) {
		parse_error(p, line, 0, "a table has more than %d columns "
		    "(PARSE_MAX_TABLE_COLUMNS; this row spans %ld so far); "
		    "split it into several tables", PARSE_MAX_TABLE_COLUMNS,
		    t->cols);
		t->too_many = 1;
		return 0;
	}
	return 1;
}

static void
start_in_table(struct parse *p, struct frame *up, const struct vocab_elem *e,
    struct attr *a, int nattr, int line)
{
	struct tbl *t = up->tbl;
	struct doc_node *n;
	struct frame *f;

	if (e->place != P_TABLE && e->place != P_COLS && e->place != P_ROWS) {
		misplaced(p, e, "table", table_holds, line);
		return;
	}
	switch (e->model) {
	case M_INLINES: /* caption */
		if (t->stage > 0)
			parse_error(p, line, 0, "<caption> must be the first "
			    "child of <table>");
		else
			t->stage = 1;
		n = element_node(p, t->table, e, a, nattr, line);
		push_para(p, n, e->name);
		break;
	case M_COLS: /* colgroup: its cols go straight into the table */
	case M_EMPTY: /* col */
		if (t->stage > 2)
			parse_error(p, line, 0, "<%s> must come before "
			    "<thead>, <tbody> and <tr>", e->name);
		else
			t->stage = 2;
		if (e->model == M_EMPTY) {
			element_node(p, t->table, e, a, nattr, line);
			push(p, F_EMPTY, e->name);
			break;
		}
		if (nattr > 0)
			parse_error(p, line, 0, "<colgroup> takes no "
			    "attributes: put width on each <col>");
		f = push(p, F_COLS, e->name);
		f->tbl = t;
		break;
	case M_ROWS:
		if (e->kind == DOC_THEAD) {
			if (t->stage >= 3)
				parse_error(p, line, 0, "<thead> must come "
				    "once, before <tbody> and <tr>");
			else
				t->stage = 3;
		} else {
			if (t->tr)
				parse_error(p, line, 0, "a <table> holds "
				    "either <tbody> elements or <tr> rows, not "
				    "both");
			t->stage = 4;
			t->tbody = 1;
		}
		n = element_node(p, t->table, e, a, nattr, line);
		f = push(p, F_ROWS, e->name);
		f->node = n;
		f->tbl = t;
		break;
	default: /* tr directly in the table */
		if (t->tbody && !t->tr)
			parse_error(p, line, 0, "a <table> holds either "
			    "<tbody> elements or <tr> rows, not both");
		t->stage = 4;
		t->tr = 1;
		if (!row_allowed(p, t, line)) {
			push(p, F_SKIP, e->name);
			break;
		}
		n = t->table->last;
		if (n == NULL || n->kind != DOC_TBODY ||
		    !(n->flags & DOC_F_ANON)) {
			n = new_node(p, DOC_TBODY, line);
			n->flags |= DOC_F_ANON;
			doc_node_append(t->table, n);
		}
		n = element_node(p, n, e, a, nattr, line);
		f = push(p, F_CELLS, e->name);
		f->node = n;
		f->tbl = t;
		break;
	}
}

/* ---- <html> and <head> ---- */

static void
set_meta(struct parse *p, int line, char **slot, const char *name,
    char *value)
{
	if (*slot != NULL) {
		parse_error(p, line, 0, "<meta name=\"%s\"> given twice",
		    name);
		free(value);
		return;
	}
	*slot = collapse(value);
}

static void
start_meta(struct parse *p, struct attr *a, int nattr, int line)
{
	struct doc_meta *m = &p->doc->meta;
	char *name = NULL, *content = NULL, *charset = NULL;
	int i;

	for (i = 0; i < nattr; i++) {
		char **slot = NULL;

		if (a[i].xml_ns || a[i].foreign)
			slot = NULL;
		else if (strcmp(a[i].name, "name") == 0)
			slot = &name;
		else if (strcmp(a[i].name, "content") == 0)
			slot = &content;
		else if (strcmp(a[i].name, "charset") == 0)
			slot = &charset;
		if (slot == NULL) {
			attr_unknown(p, &a[i], "meta", line);
			continue;
		}
		free(*slot);
		*slot = a[i].value;
		a[i].value = NULL;
	}
	if (charset != NULL) {
		if (name != NULL || content != NULL)
			parse_error(p, line, 0, "<meta charset> stands alone: "
			    "no name or content");
		else if (strcasecmp(charset, "utf-8") != 0)
			parse_error(p, line, 0, "<meta charset=\"%s\">: the "
			    "XHTML is always UTF-8", charset);
	} else if (name == NULL || content == NULL) {
		parse_error(p, line, 0, "<meta> needs name=\"...\" and "
		    "content=\"...\" (or charset=\"utf-8\" alone)");
	} else if (strcmp(name, "author") == 0) {
		set_meta(p, line, &m->author, name, content);
		content = NULL;
	} else if (strcmp(name, "subject") == 0) {
		set_meta(p, line, &m->subject, name, content);
		content = NULL;
	} else if (strcmp(name, "keywords") == 0) {
		set_meta(p, line, &m->keywords, name, content);
		content = NULL;
	} else if (strcmp(name, "running-title") == 0) {
		set_meta(p, line, &m->running_title, name, content);
		content = NULL;
	} else if (strcmp(name, "date") == 0) {
		set_meta(p, line, &m->date, name, content);
		content = NULL;
	} else if (strcmp(name, "toc-title") == 0) {
		set_meta(p, line, &m->toc_title, name, content);
		content = NULL;
	} else if (strcmp(name, "page-label") == 0) {
		set_meta(p, line, &m->page_label, name, content);
		content = NULL;
	} else if (strcmp(name, "labels-lang") == 0) {
		/* A language tag like lang=, checked the same way. */
		if (!vocab_lang(content))
			parse_error(p, line, 0, "<meta name=\"labels-lang\" "
			    "content=\"%s\">: not a language tag (like nb, nn, "
			    "se or en)", content);
		else {
			set_meta(p, line, &m->labels_lang, name, content);
			content = NULL;
		}
	} else {
		parse_error(p, line, 0, "<meta name=\"%s\"> is not in the "
		    "planverk vocabulary: the names are author, subject, "
		    "keywords, running-title, date, toc-title, page-label "
		    "and labels-lang", name);
	}
	free(name);
	free(content);
	free(charset);
}

static void
start_html(struct parse *p, struct attr *a, int nattr, int line)
{
	char *lang = NULL, *xmllang = NULL;
	struct frame *f;
	int i;

	for (i = 0; i < nattr; i++) {
		if (a[i].xml_ns && strcmp(a[i].name, "lang") == 0) {
			free(xmllang);
			xmllang = a[i].value;
		} else if (!a[i].xml_ns && !a[i].foreign &&
		    strcmp(a[i].name, "lang") == 0) {
			free(lang);
			lang = a[i].value;
		} else {
			attr_unknown(p, &a[i], "html", line);
			continue;
		}
		a[i].value = NULL;
	}
	if (lang != NULL && xmllang != NULL && strcmp(lang, xmllang) != 0)
		parse_error(p, line, 0, "lang=\"%s\" and xml:lang=\"%s\" on "
		    "<html> disagree", lang, xmllang);
	if (xmllang != NULL) {
		free(lang);
		lang = xmllang;
	}
	if (lang != NULL && !vocab_lang(lang))
		parse_error(p, line, 0, "lang=\"%s\" on <html> is not a "
		    "language tag (like nb, nn, se or en)", lang);
	p->doc->meta.lang = lang;
	f = push(p, F_HTML, "html");
	f->end = E_HTML;
}

static void
start_in_html(struct parse *p, struct frame *up, const struct vocab_elem *e,
    struct attr *a, int nattr, int line)
{
	struct doc_node *root;
	char *cls;

	if (strcmp(e->name, "head") == 0 && !up->head &&
	    p->doc->root == NULL) {
		up->head = 1;
		if (nattr > 0)
			parse_error(p, line, 0, "<head> takes no attributes");
		push(p, F_HEAD, "head");
	} else if (strcmp(e->name, "body") == 0 && p->doc->root == NULL) {
		root = new_node(p, DOC_ROOT, line);
		p->doc->root = root;
		cls = node_attrs(p, a, nattr, e, root);
		if (cls != NULL && *trim(cls) != '\0')
			parse_error(p, line, 0, "class=\"%s\" on <body> has no "
			    "meaning", cls);
		free(cls);
		push_blocks(p, root, "body");
	} else {
		parse_error(p, line, 0, "element <%s> is not allowed here: "
		    "<html> holds <head> and then <body>", e->name);
		push(p, F_SKIP, e->name);
	}
}

static void
start_in_head(struct parse *p, const struct vocab_elem *e, struct attr *a,
    int nattr, int line)
{
	struct frame *f;

	if (strcmp(e->name, "title") == 0) {
		if (nattr > 0)
			parse_error(p, line, 0, "<title> takes no attributes");
		if (p->doc->meta.title != NULL) {
			parse_error(p, line, 0, "<title> given twice");
			push(p, F_SKIP, e->name);
			return;
		}
		f = push(p, F_TITLE, "title");
		f->end = E_TITLE;
		pv_buf_init(&f->own.title);
	} else if (strcmp(e->name, "meta") == 0) {
		start_meta(p, a, nattr, line);
		push(p, F_EMPTY, "meta");
	} else {
		parse_error(p, line, 0, "element <%s> is not allowed in "
		    "<head>: only <title> and <meta> (see docs/vocabulary.md)",
		    e->name);
		push(p, F_SKIP, e->name);
	}
}

/* ---- the events ---- */

void
tree_begin(struct parse *p)
{
	p->tree = pv_xcalloc(1, sizeof(*p->tree));
	p->tree->f = pv_xcalloc(PARSE_MAX_DEPTH + 2, sizeof(*p->tree->f));
	p->tree->f[0].mode = F_DOC;
	p->tree->f[0].name = "document";
}

void
tree_start(struct parse *p, const char *local, const char *prefix,
    const char *uri, int nattr, const xmlChar **raw, int line)
{
	struct tree *t = p->tree;
	struct frame *up = &t->f[t->top];
	const struct vocab_elem *e = NULL;
	struct attr *a;
	int ns_ok = uri == NULL || strcmp(uri, XHTML_NS) == 0;

	if (p->halt)
		return;
	if (up->mode == F_SKIP) {
		push(p, F_SKIP, local);
		return;
	}
	if (ns_ok)
		e = vocab_elem(local);
	if (e == NULL) {
		if (ns_ok)
			parse_error(p, line, 0, "element <%s%s%s> is not in "
			    "the planverk vocabulary (see docs/vocabulary.md)",
			    prefix ? prefix : "", prefix ? ":" : "", local);
		else
			parse_error(p, line, 0, "element <%s%s%s> (namespace "
			    "%s) is not in the planverk vocabulary (see "
			    "docs/vocabulary.md)", prefix ? prefix : "",
			    prefix ? ":" : "", local, uri);
		push_transparent(p, local);
		return;
	}
	a = attrs_read(p, e->name, nattr, raw, line);
	switch (up->mode) {
	case F_DOC:
		if (strcmp(e->name, "html") == 0) {
			start_html(p, a, nattr, line);
		} else {
			parse_error(p, line, 0, "the document element is <%s>; "
			    "it must be <html>", e->name);
			push(p, F_SKIP, e->name);
		}
		break;
	case F_HTML:
		start_in_html(p, up, e, a, nattr, line);
		break;
	case F_HEAD:
		start_in_head(p, e, a, nattr, line);
		break;
	case F_TITLE:
		parse_error(p, line, 0, "element <%s> is not allowed in "
		    "<title>: it holds text only", e->name);
		push(p, F_SKIP, e->name);
		break;
	case F_BLOCKS:
		start_in_blocks(p, up, e, a, nattr, line);
		break;
	case F_INLINES:
		if (e->place == P_INLINE)
			start_inline(p, up->inl, e, a, nattr, line);
		else
			misplaced(p, e, up->name, inline_holds, line);
		break;
	case F_LIST:
		if (e->place == P_LIST)
			push_blocks(p, element_node(p, up->node, e, a, nattr,
			    line), e->name);
		else
			misplaced(p, e, up->name, "<li> only", line);
		break;
	case F_TABLE:
		start_in_table(p, up, e, a, nattr, line);
		break;
	case F_ROWS:
		if (e->place == P_ROWS && up->tbl != NULL &&
		    !row_allowed(p, up->tbl, line)) {
			push(p, F_SKIP, e->name);
		} else if (e->place == P_ROWS) {
			struct frame *f;
			struct doc_node *n = element_node(p, up->node, e, a,
			    nattr, line);

			f = push(p, F_CELLS, e->name);
			f->node = n;
			f->tbl = up->tbl;
		} else {
			misplaced(p, e, up->name, "<tr> only", line);
		}
		break;
	case F_CELLS:
		if (e->place == P_ROW) {
			struct doc_node *n = element_node(p, up->node, e, a,
			    nattr, line);

			if (up->tbl != NULL && !cell_allowed(p, up->tbl,
			    n->colspan, line))
				push(p, F_SKIP, e->name);
			else
				push_blocks(p, n, e->name);
		} else
			misplaced(p, e, "tr", "<th> and <td> only", line);
		break;
	case F_COLS:
		if (e->place == P_COLS) {
			element_node(p, up->tbl->table, e, a, nattr, line);
			push(p, F_EMPTY, e->name);
		} else {
			misplaced(p, e, "colgroup", "<col> only", line);
		}
		break;
	case F_EMPTY:
		if (!up->reported)
			parse_error(p, line, 0, "<%s> must be empty", up->name);
		up->reported = 1;
		push(p, F_SKIP, e->name);
		break;
	case F_SKIP:
		break;
	}
	attrs_free(a, nattr);
}

void
tree_end(struct parse *p)
{
	struct tree *t = p->tree;
	struct frame *f;
	char *s;

	if (t->top == 0)
		return;
	f = &t->f[t->top];
	switch (f->end) {
	case E_BLOCKS:
		anon_close(p, f->blk);
		break;
	case E_PARA:
		inl_finish(p, f->inl);
		break;
	case E_INLINE:
		inl_flush(p, f->inl);
		if (f->inl->cur->kind == DOC_A)
			f->inl->in_a--;
		f->inl->cur = f->saved;
		break;
	case E_TITLE:
		s = pv_buf_take(&f->own.title);
		p->doc->meta.title = collapse(s != NULL ? s :
		    pv_xstrdup(""));
		break;
	case E_HTML:
		if (p->doc->root == NULL && !p->halt)
			parse_error(p, 0, 0, "<html> has no <body>");
		break;
	case E_NONE:
		break;
	}
	t->top--;
}

void
tree_text(struct parse *p, const char *s, size_t n, int line)
{
	struct tree *t = p->tree;
	struct frame *f = &t->f[t->top];
	const char *fix;

	if (p->halt)
		return;
	switch (f->mode) {
	case F_BLOCKS:
		/* White space between blocks is nothing; inside a run of
		 * inline content it is a space. */
		if (!f->blk->open && blank(s, n))
			return;
		anon_open(p, f->blk, line);
		inl_text(p, &f->blk->in, s, n, line);
		return;
	case F_INLINES:
		inl_text(p, f->inl, s, n, line);
		return;
	case F_TITLE:
		pv_buf_put(&f->own.title, s, n);
		return;
	case F_SKIP:
		return;
	default:
		break;
	}
	if (f->reported || blank(s, n))
		return;
	f->reported = 1;
	/* Point at the text, not at the line break before it. */
	for (; n > 0 && is_space((unsigned char)*s); s++, n--)
		if (*s == '\n')
			line++;
	if (f->mode == F_EMPTY) {
		parse_error(p, line, 0, "<%s> must be empty", f->name);
		return;
	}
	if (f->mode == F_LIST)
		fix = ": put it in an <li>";
	else if (f->mode == F_TABLE || f->mode == F_ROWS ||
	    f->mode == F_CELLS)
		fix = ": put it in a <td> or <th>";
	else
		fix = "";
	parse_error(p, line, 0, "text directly inside <%s> is not allowed%s",
	    f->name, fix);
}

void
tree_pi(struct parse *p, const char *target, int line)
{
	if (p->tree->top > 0 && p->tree->f[p->tree->top].mode != F_SKIP)
		parse_error(p, line, 0, "processing instruction <?%s?> is not "
		    "allowed", target);
}

/*
 * After the parse: the checks that need the whole tree, and the frames
 * still open when the parser stopped early.
 */
void
tree_finish(struct parse *p, int complete)
{
	struct tree *t = p->tree;
	struct frame *f;
	size_t i;

	if (t == NULL)
		return;
	for (; t->top > 0; t->top--) {
		f = &t->f[t->top];
		if (f->end == E_BLOCKS && f->blk->open)
			pv_buf_free(&f->blk->in.text);
		else if (f->end == E_PARA)
			pv_buf_free(&f->inl->text);
		else if (f->end == E_TITLE)
			pv_buf_free(&f->own.title);
	}
	if (complete) {
		if (p->doc->root == NULL && !p->halt && p->ndiag == 0)
			parse_error(p, 0, 0, "no <html> with a <body>");
		for (i = 0; i < p->nlinks && !p->halt; i++)
			if (!id_known(p, p->links[i].id))
				parse_error(p, p->links[i].line, 0, "link to "
				    "\"#%s\", but no element has id=\"%s\"",
				    p->links[i].id, p->links[i].id);
		if (!p->halt && p->doc->root != NULL)
			chart_check(p, p->doc->root);
		if (!p->halt && p->doc->root != NULL)
			wheel_check(p, p->doc->root);
		if (!p->halt && p->doc->root != NULL)
			note_check(p, p->doc->root);
		if (p->doc->meta.running_title == NULL &&
		    p->doc->meta.title != NULL)
			p->doc->meta.running_title =
			    pv_xstrdup(p->doc->meta.title);
	}
	free(t->f);
	free(t);
	p->tree = NULL;
}
