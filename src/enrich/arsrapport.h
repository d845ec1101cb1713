/*
 * arsrapport.h - shared by the files of the årsrapport enrichment: the
 * plan the report is on, indexed by its ids.
 */
#ifndef PV_ARSRAPPORT_H
#define PV_ARSRAPPORT_H

#include "enrich_int.h"

/* Whole kroner of one measure, goal, level or source. */
struct ar_money {
	long long granted, spent, carried;
	int has;
};

struct ar_measure {
	const cJSON *node;      /* the plan's measure */
	const char *id, *title;
	const char *level;      /* the plan's level (skole, ...) or NULL */
	int goal;               /* index in ar_plan.g, -1 outside a goal */
	int from, to;           /* the years it runs, both inclusive */
	const cJSON *entry;     /* the report's entry, or NULL */
	struct ar_money money;
};

struct ar_goal {
	const cJSON *node;
	const char *id, *title;
	struct ar_money money;
};

struct ar_plan {
	struct loaded_json *doc;
	const cJSON *meta;
	int from, to;           /* the plan's period in years */
	struct ar_goal *g;
	size_t ng, capg;
	struct ar_measure *m;
	size_t nm, capm;
	const cJSON **ind;
	size_t ni, capi;
};

/* Load meta.plan, validate it, index it; 0 after an error (reported). */
int ar_plan_load(struct enrich *, const cJSON *meta, struct ar_plan *);
/* Index p->doc, a valid plan (also for `planverk new --plan`). */
void ar_plan_index(struct ar_plan *);
void ar_plan_free(struct ar_plan *);
struct ar_measure *ar_measure_find(struct ar_plan *, const char *id);
const cJSON *ar_indicator_find(struct ar_plan *, const char *id);
/* The error for an id the plan lacks, with "did you mean" and where. */
void ar_unknown_id(struct enrich *, struct ar_plan *, const cJSON *where,
    int indicator, const char *id);

/* One line of "behind plan" on the summary page. */
/* The label prefix+key ("status_" "done") in the report's language. */
const char *ar_label(const struct enrich *, const char *prefix,
    const char *key);
void ar_behind(cJSON *behind, const char *what, const char *status);

/* The assessment a)-e) and the indicators (arsrapport_assess.c); both
 * add to the list of what is behind plan. */
cJSON *ar_assessment(struct enrich *, struct ar_plan *, const cJSON *list,
    cJSON *glance);
cJSON *ar_indicators(struct enrich *, struct ar_plan *, const cJSON *list,
    int year, cJSON *behind);

#endif
