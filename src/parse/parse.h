/*
 * parse.h - the parse stage: XHTML text becomes a document tree (doc.h).
 *
 * The text must be well-formed XML (libxml2; no DTD, no network, no
 * external entities; the five XML entities and numeric references only).
 * Elements, attributes and classes outside the vocabulary
 * (docs/vocabulary.md) are errors that name them and their line; nothing
 * is dropped silently.  All errors are reported, not just the first.
 */
#ifndef PV_PARSE_H
#define PV_PARSE_H

#include <stddef.h>

#include "../util/buf.h"
#include "../util/diag.h"
#include "doc.h"

#define PARSE_MAX_DEPTH 64          /* element nesting */
#define PARSE_MAX_NODES 2000000     /* nodes in one document */
#define PARSE_MAX_TEXT (1024 * 1024) /* bytes of one text node */
#define PARSE_MAX_ATTR 65536        /* bytes of one attribute value */
#define PARSE_MAX_ERRORS 100        /* diagnostics before giving up */
/* A table's rows (<tr>) and columns (the colspans of one row; layout
 * refuses a grid that rowspans push wider).  Counted as the tree is
 * made, so an oversized table is refused before anything is set.  The
 * rows allow enrich's TABLE_MAX_ROWS with its header and sum rows. */
#define PARSE_MAX_TABLE_ROWS 20000
#define PARSE_MAX_TABLE_COLUMNS 40
/* The largest number an ordered list may start at (<ol start>). */
#define PARSE_MAX_LIST_START 1000000

/* Parse text (len bytes) read from `file` (used in diagnostics and to
 * resolve relative image paths). */
enum pv_status parse_xhtml(const char *file, const char *text, size_t len,
    struct doc **out, struct pv_diags *);
void doc_free(struct doc *);
/* An indented dump of the tree, for tests and --dump-doc. */
void doc_dump(const struct doc *, struct pv_buf *);

#endif
