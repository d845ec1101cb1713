/*
 * layout.h - the layout stage: a document tree and a theme become pages.
 *
 * Two passes: the first finds on which page every heading lands, the
 * second sets the table of contents and "Side X av Y" with those numbers
 * (repeated while the TOC itself changes the page count, at most
 * LAYOUT_MAX_PASSES times).
 */
#ifndef PV_LAYOUT_H
#define PV_LAYOUT_H

#include "../parse/doc.h"
#include "../theme/theme.h"
#include "../util/diag.h"
#include "pages.h"

#define LAYOUT_MAX_PASSES 4
#define LAYOUT_MAX_PAGES 5000
#define LAYOUT_MAX_TABLE_COLUMNS 40
#define LAYOUT_MIN_COLUMN_WIDTH 18.0 /* pt: narrower cannot be read */

struct fontset;

/* Labels in the document's language ("Innhold", "Side %d av %d"). */
struct layout_labels {
	const char *contents;    /* "Innhold" */
	const char *page_of;     /* "Side %d av %d" */
};

/* Labels for "nb", "nn", "se" (others: nb). */
const struct layout_labels *layout_labels_for(const char *lang);

enum pv_status layout_document(const struct doc *, const struct theme *,
    struct fontset *, struct lay_doc *out, struct pv_diags *);

#endif
