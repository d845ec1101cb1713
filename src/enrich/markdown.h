/*
 * markdown.h - a user's Markdown text becomes XHTML in planverk's
 * vocabulary (docs/vocabulary.md), never anything outside it.
 */
#ifndef PV_MARKDOWN_H
#define PV_MARKDOWN_H

#include <stddef.h>

#include "../util/buf.h"

/* One text field, in bytes: longer ones are refused, never cut. */
#define MARKDOWN_MAX_INPUT (1024u * 1024u)
/* Nesting of block quotes, lists and emphasis in one field: deeper text
 * would make XHTML deeper than the parser takes (PARSE_MAX_DEPTH) once it
 * sits in a section, a table and a list of its own. */
#define MARKDOWN_MAX_DEPTH 24

/*
 * Render Markdown (CommonMark + GFM autolinks and strikethrough) as block
 * XHTML: p, ul/ol/li, strong, em, code, a, br, hr.  Raw HTML is dropped;
 * a heading becomes a bold paragraph; a block quote a box; links other
 * than http(s), mailto and #anchors keep their text and lose the link.
 * With `inline_only`, a text that is a single paragraph is rendered
 * without the <p> (for table cells and list entries).
 * Returns 0; MARKDOWN_TOO_LONG when the text is longer than
 * MARKDOWN_MAX_INPUT, MARKDOWN_TOO_DEEP when it nests deeper than
 * MARKDOWN_MAX_DEPTH, MARKDOWN_LIST_START when an ordered list starts
 * past PARSE_MAX_LIST_START (then nothing is rendered): the caller reports it
 * with the field's path.
 */
enum { MARKDOWN_TOO_LONG = -1, MARKDOWN_TOO_DEEP = -2,
	MARKDOWN_LIST_START = -3 /* an ordered list past PARSE_MAX_LIST_START */ };
int markdown_to_xhtml(const char *md, size_t len, int inline_only,
    struct pv_buf *out);
/* Escape text for XHTML content and attribute values. */
void xhtml_escape(const char *s, size_t len, struct pv_buf *out);

#endif
