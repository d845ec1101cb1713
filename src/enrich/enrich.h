/*
 * enrich.h - the enrich stage: a valid document becomes the view model
 * that its type's templates render.
 *
 * The view model is a new cJSON tree; the document is not changed.  It
 * holds everything a template needs already computed and formatted:
 * numbering (Mål 2, tiltak 2.3), sums, amounts ("1 220 000"), dates
 * ("15.01.2026"), ISO weeks and weekday names, indicator status, labels in
 * the document's language, and Markdown rendered to vocabulary XHTML.
 * Every key a template may ask for is present (false when empty): a
 * missing key would make Mustache look it up in an enclosing context.
 * Sums that do not match what a document says they are ("expect") are
 * input errors.
 */
#ifndef PV_ENRICH_H
#define PV_ENRICH_H

#include <cjson/cJSON.h>

#include "../load/load.h"
#include "../util/diag.h"

struct enrich_options {
	const char *type_dir;   /* templates/<type>: labels.json */
	const char *lang;       /* "nb", "nn", "se", or NULL: the document's */
};

enum pv_status enrich_document(struct loaded_json *doc,
    const struct enrich_options *, cJSON **view, struct pv_diags *);

#endif
