/*
 * markdown.c - Markdown to vocabulary XHTML by walking cmark-gfm's tree.
 *
 * cmark-gfm's own HTML renderer would emit elements outside our vocabulary
 * (blockquote, pre, h1, del, img) and raw HTML; walking the tree lets us
 * map each node to what planverk can typeset and drop what it must not.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "../parse/parse.h"
#include "../util/mem.h"
#include "markdown.h"

void
xhtml_escape(const char *s, size_t len, struct pv_buf *out)
{
	size_t i, start = 0;

	for (i = 0; i < len; i++) {
		const char *rep = NULL;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default:
			/* XML 1.0 forbids most control characters */
			if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
			    s[i] != '\t' && s[i] != '\r')
				rep = " ";
			break;
		}
		if (rep != NULL) {
			pv_buf_put(out, s + start, i - start);
			pv_buf_puts(out, rep);
			start = i + 1;
		}
	}
	pv_buf_put(out, s + start, len - start);
}

/*
 * Only web and mail addresses become links.  A "#id" link is left as
 * text: the ids are the templates' to give, so a user's Markdown cannot
 * know them, and a link to nowhere would fail the whole build.
 */
static int
safe_url(const char *u)
{
	return strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0
	    || strncmp(u, "mailto:", 7) == 0;
}

/*
 * The address as an href: bytes that may not stand in a URL as they are
 * (spaces, control characters, non-ASCII, quotes and angle brackets) are
 * percent-encoded, as cmark's own HTML renderer does, so that an address
 * a user typed with a space still makes a working link and valid XHTML.
 */
static void
put_href(const char *u, struct pv_buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)u; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') ||
		    strchr("-_.~!*'();:@=+$,/?#[]%", *p) != NULL)
			pv_buf_putc(out, *p);
		else if (*p == '&')
			pv_buf_puts(out, "&amp;");
		else {
			pv_buf_putc(out, '%');
			pv_buf_putc(out, hex[*p >> 4]);
			pv_buf_putc(out, hex[*p & 15]);
		}
	}
}

/* Inside a tight list, paragraphs are not wrapped in <p>. */
static int
in_tight_list(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;

	return item != NULL && cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	    list != NULL && cmark_node_get_list_tight(list);
}

static void
put_literal(cmark_node *n, struct pv_buf *out)
{
	const char *lit = cmark_node_get_literal(n);

	if (lit != NULL)
		xhtml_escape(lit, strlen(lit), out);
}

static void
note_text(cmark_node *ref, struct pv_buf *out);

struct notes;
static void render_note(cmark_node *, const struct notes *, struct pv_buf *);

static void
render_node(cmark_node *n, cmark_event_type ev, int bare_para,
    const struct notes *fn, struct pv_buf *out)
{
	int enter = ev == CMARK_EVENT_ENTER;
	const char *u;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (!bare_para && !in_tight_list(n))
			pv_buf_puts(out, enter ? "<p>" : "</p>\n");
		else if (!enter && cmark_node_next(n) != NULL &&
		    cmark_node_get_type(cmark_node_next(n)) ==
		    CMARK_NODE_PARAGRAPH)
			pv_buf_puts(out, "<br/>");
		break;
	case CMARK_NODE_HEADING:
		pv_buf_puts(out, enter ? "<p><strong>" : "</strong></p>\n");
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		pv_buf_puts(out, enter ? "<div class=\"box\">" : "</div>\n");
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			int start = cmark_node_get_list_start(n);

			if (!enter)
				pv_buf_puts(out, "</ol>\n");
			else if (start != 1)
				pv_buf_printf(out, "<ol start=\"%d\">", start);
			else
				pv_buf_puts(out, "<ol>");
		} else {
			pv_buf_puts(out, enter ? "<ul>" : "</ul>\n");
		}
		break;
	case CMARK_NODE_ITEM:
		pv_buf_puts(out, enter ? "<li>" : "</li>");
		break;
	case CMARK_NODE_CODE_BLOCK:
		pv_buf_puts(out, "<p><code>");
		put_literal(n, out);
		pv_buf_puts(out, "</code></p>\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		pv_buf_puts(out, "<hr/>\n");
		break;
	case CMARK_NODE_TEXT:
		put_literal(n, out);
		break;
	case CMARK_NODE_SOFTBREAK:
		pv_buf_putc(out, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		pv_buf_puts(out, "<br/>");
		break;
	case CMARK_NODE_CODE:
		pv_buf_puts(out, "<code>");
		put_literal(n, out);
		pv_buf_puts(out, "</code>");
		break;
	case CMARK_NODE_EMPH:
		pv_buf_puts(out, enter ? "<em>" : "</em>");
		break;
	case CMARK_NODE_STRONG:
		pv_buf_puts(out, enter ? "<strong>" : "</strong>");
		break;
	case CMARK_NODE_LINK:
		u = cmark_node_get_url(n);
		if (u == NULL || !safe_url(u))
			break;
		if (enter) {
			pv_buf_puts(out, "<a href=\"");
			put_href(u, out);
			pv_buf_puts(out, "\">");
		} else {
			pv_buf_puts(out, "</a>");
		}
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		/* cmark-gfm enters and exits it, though it has no children */
		if (!enter)
			break;
		if (fn != NULL)
			render_note(n, fn, out);
		else
			note_text(n, out);
		break;
	default:
		/* raw HTML, images (their alt text is the children), and
		 * extension nodes such as strikethrough: text only */
		break;
	}
}

/*
 * Footnotes ([^label] with a "[^label]: text" definition).  cmark-gfm
 * gives a reference the number of its definition (1, 2, ... in the
 * order of first reference) as its literal, and moves the definitions
 * that are used, in that order, to the end of the document.  Each
 * reference becomes <span class="footnote"> holding the definition's
 * inline content, its paragraphs joined by a space; layout numbers and
 * places the note.  A reference inside a definition stays text (a note
 * has no notes), as does a reference without a definition (cmark-gfm
 * leaves "[^x]" as it is).
 */
struct notes {
	cmark_node **def;
	size_t n;
};

static void
notes_find(cmark_node *doc, struct notes *fn)
{
	cmark_node *k;
	size_t n = 0;

	fn->def = NULL;
	fn->n = 0;
	for (k = cmark_node_first_child(doc); k != NULL;
	    k = cmark_node_next(k))
		if (cmark_node_get_type(k) == CMARK_NODE_FOOTNOTE_DEFINITION)
			n++;
	if (n == 0)
		return;
	fn->def = pv_xreallocarray(NULL, n, sizeof(*fn->def));
	for (k = cmark_node_first_child(doc); k != NULL;
	    k = cmark_node_next(k))
		if (cmark_node_get_type(k) == CMARK_NODE_FOOTNOTE_DEFINITION)
			fn->def[fn->n++] = k;
}

static void
note_text(cmark_node *ref, struct pv_buf *out)
{
	pv_buf_puts(out, "[^");
	put_literal(ref, out);
	pv_buf_puts(out, "]");
}

static void
render_note(cmark_node *ref, const struct notes *fn, struct pv_buf *out)
{
	const char *lit = cmark_node_get_literal(ref);
	long k = lit != NULL ? strtol(lit, NULL, 10) : 0;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;
	int paras = 0;

	if (k < 1 || (size_t)k > fn->n) {
		note_text(ref, out);
		return;
	}
	pv_buf_puts(out, "<span class=\"footnote\">");
	it = cmark_iter_new(fn->def[k - 1]);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (ev == CMARK_EVENT_ENTER && paras++ > 0)
				pv_buf_putc(out, ' ');
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			if (ev == CMARK_EVENT_ENTER)
				note_text(n, out);
			break;
		case CMARK_NODE_CODE_BLOCK:
			pv_buf_puts(out, paras++ > 0 ? " <code>" : "<code>");
			put_literal(n, out);
			pv_buf_puts(out, "</code>");
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_LINK:
			render_node(n, ev, 1, NULL, out);
			break;
		default:
			/* other blocks (lists, quotes): their text only */
			break;
		}
	}
	cmark_iter_free(it);
	pv_buf_puts(out, "</span>");
}

/* What the XHTML could not carry: nesting deeper than MARKDOWN_MAX_DEPTH
 * (each container node becomes at most one element) or an ordered list
 * numbered past PARSE_MAX_LIST_START.  0 when neither. */
static int
markdown_check(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int depth = 0, deepest = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		/* Leaves are entered and never exited; the document
		 * itself makes no element. */
		if (n == doc)
			continue;
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_LIST &&
		    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST &&
		    cmark_node_get_list_start(n) > PARSE_MAX_LIST_START) {
			cmark_iter_free(it);
			return MARKDOWN_LIST_START;
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(n)) {
			if (++depth > deepest)
				deepest = depth;
		} else if (ev == CMARK_EVENT_EXIT) {
			depth--;
		}
	}
	cmark_iter_free(it);
	return deepest > MARKDOWN_MAX_DEPTH ? MARKDOWN_TOO_DEEP : 0;
}

int
markdown_to_xhtml(const char *md, size_t len, int inline_only,
    struct pv_buf *out)
{
	cmark_parser *p;
	cmark_node *doc, *first, *last, *skip = NULL;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_syntax_extension *ext;
	struct notes fn;
	int bare = 0, bad;

	if (len > MARKDOWN_MAX_INPUT)
		return MARKDOWN_TOO_LONG;
	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
	if ((ext = cmark_find_syntax_extension("autolink")) != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
	if ((ext = cmark_find_syntax_extension("strikethrough")) != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, md, len);
	doc = cmark_parser_finish(p);
	first = cmark_node_first_child(doc);
	/* The footnote definitions at the end are no blocks of the text. */
	for (last = cmark_node_last_child(doc); last != NULL &&
	    cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION;
	    last = cmark_node_previous(last))
		continue;
	if (inline_only && first != NULL && first == last &&
	    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		bare = 1;
	if ((bad = markdown_check(doc)) != 0) {
		cmark_node_free(doc);
		cmark_parser_free(p);
		return bad;
	}
	notes_find(doc, &fn);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (n == doc)
			continue;
		/* A definition is set where it is referred to. */
		if (skip != NULL) {
			if (n == skip && ev == CMARK_EVENT_EXIT)
				skip = NULL;
			continue;
		}
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
			skip = ev == CMARK_EVENT_ENTER ? n : NULL;
			continue;
		}
		/* images: keep their alt text, not a broken element */
		render_node(n, ev, bare && n == first, &fn, out);
	}
	cmark_iter_free(it);
	free(fn.def);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return 0;
}
