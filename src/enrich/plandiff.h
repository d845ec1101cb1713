/*
 * plandiff.h - what changed between two versions of a plan, by the
 * stable ids of its items (goals, measures, indicators, people, sections,
 * and an annual report's measure and indicator entries and assessment
 * marks).  A plain list out; printing is the command's (cmd_diff.c), the
 * appendix's view model is plandiff_view.
 *
 * Sections without an id are matched by their title: only added and
 * removed headings are reported for them, not changes to their text
 * (nothing else ties two versions of such a section together).
 */
#ifndef PV_PLANDIFF_H
#define PV_PLANDIFF_H

#include <stddef.h>

#include <cjson/cJSON.h>

enum plandiff_what { PLANDIFF_ADDED, PLANDIFF_REMOVED, PLANDIFF_CHANGED };

struct plandiff_change {
	const char *kind;       /* "goal", "measure", "indicator", ...,
				 * "document" (meta, amounts: no id) */
	char *id;               /* NULL: the document, or a section
				 * without id (known by its title) */
	enum plandiff_what what;
	char *member;           /* changed: "title", "budget", "period.from" */
	cJSON *old, *new;       /* changed: the values, NULL when absent */
	char *title;            /* the item's title or name, or NULL */
	int amount;             /* the member is an amount of money */
};

struct plandiff {
	struct plandiff_change *v;
	size_t n, cap;
};

/* Compare two documents of the same type (both already valid).  The
 * list is in NEW's order (added and changed), then OLD's (removed). */
void plandiff_compare(const cJSON *old_root, const cJSON *new_root,
    struct plandiff *out);
void plandiff_free(struct plandiff *);

/* A value for a person: a string in quotes, cut at max characters
 * (with "…"); a number as written; arrays and objects as compact JSON,
 * also cut; NULL as "(none)".  Caller frees. */
char *plandiff_value_text(const cJSON *, size_t max);

/* The view model's "changes" list for the appendix (see the types'
 * README): labels is the view's "labels" object (kind names and the
 * words for added, removed, changed). */
cJSON *plandiff_view(const struct plandiff *, const cJSON *labels);
/* Set the view's "changes" (that list, or false when pd is NULL or
 * empty) and "has_changes"; enrich sets them false for every document,
 * `build --changes-since` then sets them from the comparison. */
void plandiff_view_set(cJSON *view, const struct plandiff *pd);

#endif
