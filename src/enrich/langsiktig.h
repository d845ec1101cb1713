/*
 * langsiktig.h - shared by the files of the langsiktig-plan type's
 * enrichment: the module (langsiktig_plan.c), the allocation table
 * (langsiktig_alloc.c) and the year wheel (langsiktig_wheel.c).
 */
#ifndef PV_LANGSIKTIG_H
#define PV_LANGSIKTIG_H

#include "enrich_int.h"

/* The view of the document's "allocation" (the section it belongs in
 * is its "section"); NULL after an error. */
cJSON *lp_allocation(struct enrich *, const cJSON *alloc);
/* The view of the document's "year_wheel"; NULL after an error. */
cJSON *lp_wheel(struct enrich *, const cJSON *wheel);
/* An error at the member path of obj given as keys (NULL-terminated),
 * e.g. "allocation", "common", "share_bp". */
void lp_error_at(struct enrich *, const cJSON *root, const char *msg,
    const char *key, ...);
/* A whole number as printed ("1 220 000") into view member key. */
void lp_amount(cJSON *o, const char *key, long long v);

#endif
