/*
 * behovsmelding.h - shared by the files of the behovsmelding enrichment:
 * the form's view (behovsmelding.c), its money (behovsmelding_money.c)
 * and the grant rules read from the type folder's rules.json
 * (behovsmelding_rules.c).
 */
#ifndef PV_BEHOVSMELDING_H
#define PV_BEHOVSMELDING_H

#include "enrich_int.h"

/* The schemes (ordninger), in the order of the form's tick boxes. */
#define BM_NSCHEMES 3
extern const char *const bm_schemes[BM_NSCHEMES];
int bm_scheme_index(const char *key);
/* "Desentralisert ordning": the scheme's name in the labels. */
const char *bm_scheme_label(const struct enrich *, int scheme);

/* One row of the money table, computed: owner + UH = total. */
struct bm_row {
	const cJSON *node;
	int index;              /* in amounts.rows */
	int scheme;             /* index in bm_schemes */
	long long owner, uh, total;
};

/* What the rules look at, computed by behovsmelding.c. */
struct bm_facts {
	const cJSON *root;
	int year;
	struct bm_row *rows;
	size_t nrows;
	size_t continued, listed;   /* measures continued, new ones listed */
};

/* The label prefix+key ("scheme_" "regional") in the language in use. */
const char *bm_label(const struct enrich *, const char *prefix,
    const char *key);

/* The money table and an economy block (behovsmelding_money.c); the
 * current path is the member's.  The rows go into f for the rules; an
 * economy is checked against the row of its scheme (its own "scheme", else
 * the one ticked: ticked, nticked). */
cJSON *bm_amounts_view(struct enrich *, const cJSON *amounts,
    struct bm_facts *f);
cJSON *bm_economy_view(struct enrich *, const cJSON *economy,
    const struct bm_facts *f, int ticked, int nticked);

/* An error or warning at node, with the current JSON path. */
void bm_diag(struct enrich *, enum pv_level, const cJSON *node,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* The grant rules of rules.json (deadline, owner share, number of
 * measures, last year's ids); 0 when rules.json cannot be read. */
int bm_rules_check(struct enrich *, const struct bm_facts *);

#endif
