/*
 * enrich_int.h - shared by the files of the enrich stage.
 */
#ifndef PV_ENRICH_INT_H
#define PV_ENRICH_INT_H

#include <cjson/cJSON.h>

#include "../load/load.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/jpath.h"

#define ENRICH_MAX_SUMS 64 /* distinct levels, sources, years */

struct sum_entry {
	char key[96];
	long long amount;
};

struct sums {
	struct sum_entry v[ENRICH_MAX_SUMS];
	size_t n;
};

struct enrich {
	struct loaded_json *doc;
	struct pv_diags *d;
	const cJSON *labels;   /* of the language in use */
	const char *lang;
	char *base_dir;        /* folder of the document, for images */
	const cJSON *people;   /* the registry */
	int level;             /* heading level of the enclosing section */
	int goals;             /* goals numbered so far */
	char goal_prefix[16];  /* "2" while inside goal 2, else "" */
	int goal_measures;     /* measures numbered in that goal */
	struct sums by_level, by_funding, by_year;
	long long total;
	int have_budget;
	struct pv_buf path;    /* JSON path, for diagnostics */
};

/* view building */
cJSON *view_block(const char *kind);
void view_str(cJSON *, const char *key, const char *value);
void view_false(cJSON *, const char *key);
/* A string, or false when it is NULL or empty. */
void view_text(cJSON *, const char *key, const char *);
void view_md(cJSON *, const char *key, const cJSON *md, int inline_only);
void view_opt_str(cJSON *, const char *key, const cJSON *value);
const char *label(const struct enrich *, const char *key);

#define en_path_key(e, k) jpath_push_key(&(e)->path, (k))
#define en_path_index(e, i) jpath_push_index(&(e)->path, (i))
#define en_path_pop(e, old) jpath_pop(&(e)->path, (old))
void en_error(struct enrich *, const cJSON *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

cJSON *enrich_blocks(struct enrich *, const cJSON *blocks);
cJSON *enrich_table(struct enrich *, const cJSON *table);
cJSON *enrich_goals(struct enrich *, const cJSON *goals);
cJSON *enrich_measures(struct enrich *, const cJSON *measures,
    const char *prefix);
cJSON *enrich_indicators(struct enrich *, const cJSON *indicators);
cJSON *enrich_calendar(struct enrich *, const cJSON *calendar);
cJSON *enrich_people(struct enrich *, const cJSON *people);
cJSON *enrich_references(struct enrich *, const cJSON *refs);
cJSON *enrich_signature(struct enrich *, const cJSON *sig);
cJSON *enrich_figure(struct enrich *, const cJSON *fig);
const cJSON *enrich_person(struct enrich *, const char *id);
void sums_add(struct sums *, const char *key, long long amount);
cJSON *sums_view(const struct sums *);

#endif
