/*
 * doc.c - freeing and dumping the document tree of doc.h.
 *
 * The dump is what tests compare and what --dump-doc shows, so it is
 * stable, one node a line, and shows everything layout can see.  Both
 * walks are iterative (first/next/parent), never recursive: the tree is
 * shallow by PARSE_MAX_DEPTH, but a walk should not depend on that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/date.h"
#include "../util/mem.h"
#include "parse.h"
#include "parse_int.h"

static const char *const kind_names[] = {
	"ROOT", "SECTION", "DIV", "H", "P", "UL", "OL", "LI", "TABLE",
	"CAPTION", "COL", "THEAD", "TBODY", "TR", "TH", "TD", "FIGURE",
	"FIGCAPTION", "IMG", "HR", "TEXT", "BR", "STRONG", "EM", "CODE", "A",
	"SPAN",
};

const char *
doc_kind_name(enum doc_kind k)
{
	if ((size_t)k < sizeof(kind_names) / sizeof(kind_names[0]))
		return kind_names[k];
	return "?";
}

struct doc_node *
doc_node_new(struct doc *doc, enum doc_kind kind, int line)
{
	struct doc_node *n = pv_xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->line = line;
	n->colspan = n->rowspan = 1;
	n->start = 1;
	n->yday = -1;
	doc->node_count++;
	return n;
}

void
doc_node_append(struct doc_node *parent, struct doc_node *n)
{
	n->parent = parent;
	n->prev = parent->last;
	n->next = NULL;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
}

static void
node_free(struct doc_node *n)
{
	free(n->text);
	free(n->id);
	free(n->href);
	free(n->src);
	free(n->alt);
	free(n->lang);
	free(n->series);
	free(n->months);
	free(n);
}

/* Unlink a node (and its subtree) from its parent and free it. */
void
doc_node_remove(struct doc *doc, struct doc_node *n)
{
	struct doc_node *p = n->parent, *c, *next;

	if (p != NULL) {
		if (n->prev != NULL)
			n->prev->next = n->next;
		else
			p->first = n->next;
		if (n->next != NULL)
			n->next->prev = n->prev;
		else
			p->last = n->prev;
	}
	n->parent = n->next = n->prev = NULL;
	/* Post-order without recursion: descend to a leaf, free, go on. */
	c = n;
	for (;;) {
		while (c->first != NULL)
			c = c->first;
		if (c == n) {
			node_free(c);
			doc->node_count--;
			return;
		}
		next = c->next != NULL ? c->next : c->parent;
		if (c->next == NULL)
			c->parent->first = c->parent->last = NULL;
		else
			c->parent->first = c->next;
		node_free(c);
		doc->node_count--;
		c = next;
	}
}

void
doc_free(struct doc *doc)
{
	if (doc == NULL)
		return;
	if (doc->root != NULL)
		doc_node_remove(doc, doc->root);
	free(doc->file);
	free(doc->meta.title);
	free(doc->meta.author);
	free(doc->meta.subject);
	free(doc->meta.keywords);
	free(doc->meta.lang);
	free(doc->meta.running_title);
	free(doc->meta.toc_title);
	free(doc->meta.page_label);
	free(doc->meta.labels_lang);
	free(doc->meta.date);
	free(doc);
}

/*
 * Quote a string for the dump: backslash escapes for the quote, the
 * backslash and control characters, and \u00A0 for the no-break space,
 * which would otherwise be invisible in a test's expected output.
 */
static void
dump_quoted(struct pv_buf *b, const char *s, size_t n)
{
	size_t i;

	pv_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			pv_buf_putc(b, '\\');
			pv_buf_putc(b, c);
		} else if (c == '\n') {
			pv_buf_puts(b, "\\n");
		} else if (c == '\t') {
			pv_buf_puts(b, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			pv_buf_printf(b, "\\x%02X", c);
		} else if (c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) {
			pv_buf_puts(b, "\\u00A0");
			i++;
		} else {
			pv_buf_putc(b, c);
		}
	}
	pv_buf_putc(b, '"');
}

static void
dump_attr(struct pv_buf *b, const char *name, const char *v)
{
	if (v == NULL)
		return;
	pv_buf_printf(b, " %s=", name);
	dump_quoted(b, v, strlen(v));
}

static void
dump_length(struct pv_buf *b, const struct doc_length *l)
{
	char num[32], *c;

	if (l->unit == DOC_U_NONE)
		return;
	/* The same dump in every locale: no decimal comma. */
	snprintf(num, sizeof(num), "%g", l->value);
	if ((c = strchr(num, ',')) != NULL)
		*c = '.';
	pv_buf_printf(b, " width=%s%s", num,
	    l->unit == DOC_U_PERCENT ? "%" : "pt");
}

static void
dump_node(struct pv_buf *b, const struct doc_node *n, int depth)
{
	unsigned bit;

	pv_buf_printf(b, "%*s%s", depth * 2, "", doc_kind_name(n->kind));
	if (n->kind == DOC_H)
		pv_buf_printf(b, "%d", n->level);
	pv_buf_printf(b, " @%d", n->line);
	if (n->flags & DOC_F_ANON)
		pv_buf_puts(b, " anon");
	if (n->classes != 0) {
		const char *sep = " .";

		for (bit = 1; bit != 0; bit <<= 1) {
			if (n->classes & bit) {
				pv_buf_printf(b, "%s%s", sep,
				    vocab_class_name(bit));
				sep = ".";
			}
		}
	}
	if (n->kind == DOC_OL && n->start != 1)
		pv_buf_printf(b, " start=%d", n->start);
	if (n->kind == DOC_OL && n->numbering != DOC_NUM_DECIMAL)
		pv_buf_printf(b, " type=%s", n->numbering == DOC_NUM_LOWER ?
		    "a" : "A");
	if ((n->kind == DOC_TD || n->kind == DOC_TH) && n->colspan != 1)
		pv_buf_printf(b, " colspan=%d", n->colspan);
	if ((n->kind == DOC_TD || n->kind == DOC_TH) && n->rowspan != 1)
		pv_buf_printf(b, " rowspan=%d", n->rowspan);
	dump_length(b, &n->width);
	dump_attr(b, "id", n->id);
	dump_attr(b, "lang", n->lang);
	dump_attr(b, "href", n->href);
	dump_attr(b, "src", n->src);
	dump_attr(b, "alt", n->alt);
	dump_attr(b, "data-series", n->series);
	if (n->has_value > 0)
		pv_buf_printf(b, " %s=%.6g", n->kind == DOC_TABLE ?
		    "data-mark" : "data-value", n->value);
	if (n->year != 0)
		pv_buf_printf(b, " data-year=%d", n->year);
	dump_attr(b, "data-months", n->months);
	if (n->yday >= 0) {
		struct pv_date d = { n->date_year, 1, 1 + n->yday };

		/* The day counts on into its month (date.h). */
		pv_date_from_days(pv_date_days(&d), &d);
		pv_buf_printf(b, " data-date=%04d-%02d-%02d", d.year, d.month,
		    d.day);
	}
	if (n->mark != DOC_MARK_NONE)
		pv_buf_printf(b, " data-kind=%s", n->mark == DOC_MARK_MEETING ?
		    "meeting" : "deadline");
	if (n->kind == DOC_TEXT) {
		pv_buf_putc(b, ' ');
		dump_quoted(b, n->text, n->text_len);
	}
	pv_buf_putc(b, '\n');
}

void
doc_dump(const struct doc *doc, struct pv_buf *b)
{
	const struct doc_node *n;
	int depth = 0;

	if (doc == NULL)
		return;
	pv_buf_puts(b, "META");
	dump_attr(b, "title", doc->meta.title);
	dump_attr(b, "running-title", doc->meta.running_title);
	dump_attr(b, "author", doc->meta.author);
	dump_attr(b, "subject", doc->meta.subject);
	dump_attr(b, "keywords", doc->meta.keywords);
	dump_attr(b, "date", doc->meta.date);
	dump_attr(b, "toc-title", doc->meta.toc_title);
	dump_attr(b, "page-label", doc->meta.page_label);
	dump_attr(b, "labels-lang", doc->meta.labels_lang);
	dump_attr(b, "lang", doc->meta.lang);
	pv_buf_putc(b, '\n');
	/* Pre-order walk over first/next/parent. */
	n = doc->root;
	while (n != NULL) {
		dump_node(b, n, depth);
		if (n->first != NULL) {
			n = n->first;
			depth++;
			continue;
		}
		while (n != NULL && n != doc->root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == NULL || n == doc->root)
			break;
		n = n->next;
	}
}

const struct doc_node *
doc_next(const struct doc_node *n)
{
	if (n->first != NULL)
		return n->first;
	while (n != NULL && n->next == NULL)
		n = n->parent;
	return n != NULL ? n->next : NULL;
}
