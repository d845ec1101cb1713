/*
 * layout.h - the layout stage: a document tree and a theme become pages.
 *
 * The table of contents is set in the flow with all its entries and a
 * page-number column of fixed width, so its height never depends on the
 * numbers; they, "Side X av Y" and internal link targets are filled in
 * once the pages exist.  One pass therefore gives what repeated passes
 * would converge to (LAYOUT_MAX_PASSES bounds any future re-layout).
 */
#ifndef PV_LAYOUT_H
#define PV_LAYOUT_H

#include "../parse/doc.h"
#include "../parse/parse.h"
#include "../theme/theme.h"
#include "../util/diag.h"
#include "pages.h"

#define LAYOUT_MAX_PASSES 4
#define LAYOUT_MAX_PAGES 5000
/* Different image files in one document, and the bytes their pixels
 * take decoded (width x height x components, from the file headers):
 * refused before emit decodes or embeds any.  Each image also keeps to
 * EMIT_MAX_IMAGE_SIDE and EMIT_MAX_IMAGE_PIXELS (emit.h). */
#define LAYOUT_MAX_IMAGES 1000
#define LAYOUT_MAX_IMAGE_BYTES (512ull * 1024 * 1024)
#define LAYOUT_MIN_COLUMN_WIDTH 18.0 /* pt: narrower cannot be read */
/* pt: a landscape page for a wide table needs at least this much text
 * height, or the table stays on the portrait page */
#define LAYOUT_MIN_LAND_HEIGHT 144.0

struct fontset;

/* Labels in the document's language ("Innhold", "Side %d av %d"). */
struct layout_labels {
	const char *contents;    /* "Innhold" */
	const char *page_of;     /* "Side %d av %d" */
	/* After a chart's caption in its alternative text: the numbers are
	 * read from the table set under it. */
	const char *chart_alt;   /* "Diagram. Tallene står i tabellen under." */
};

/* Where a symbol the text face lacks (a tick box, a white bullet) is
 * taken from, when the font map has it; `check` asks it too. */
#define LAYOUT_FALLBACK_FAMILY "DejaVu Sans"

/* Labels for "nb", "nn", "se" (others: nb). */
const struct layout_labels *layout_labels_for(const char *lang);

enum pv_status layout_document(const struct doc *, const struct theme *,
    struct fontset *, struct lay_doc *out, struct pv_diags *);

#endif
