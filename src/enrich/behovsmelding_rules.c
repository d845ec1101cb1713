/*
 * behovsmelding_rules.c - the grant rules a behovsmelding is checked
 * against, read from rules.json in the type folder (beside labels.json):
 * dates and percentages are data a county or a new year's rules change,
 * not C.  Each message names its rule; each rule says whether it is a
 * warning or an error.  The rules:
 *   deadline        a report dated after day.month of the report year
 *   owner_share     an amounts row of a scheme whose owners carry less
 *                   than the share it expects (basis points)
 *   measures_count  partnership.measures_count against the measures
 *                   continued and listed
 *   previous_ids    last year's report (continued_measures.previous,
 *                   relative to the report) is for from_year and has the
 *                   continued measures' ids
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "behovsmelding.h"
#include "format.h"
#include "../util/similar.h"

#define BM_MAX_PREVIOUS 1000  /* last year's measures compared */

struct rule {
	const char *name;
	enum pv_level level;
	const cJSON *node;
};

/*
 * A rule's common members (name, level); 0 after an error in
 * rules.json, which names that file.
 */
static int
rule_get(struct enrich *e, struct loaded_json *rules, const cJSON *r,
    struct rule *out)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(r, "name");
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(r, "level");
	int line = 0, col = 0;

	out->node = r;
	if (!cJSON_IsString(n)) {
		load_locate(rules, n ? n : r, 0, &line, &col);
		pv_diag(e->d, PV_ERROR, rules->file, line, col, "a rule needs "
		    "a \"name\" (a string), which its messages quote");
		return 0;
	}
	if (!cJSON_IsString(l) || (strcmp(l->valuestring, "warning") != 0 &&
	    strcmp(l->valuestring, "error") != 0)) {
		load_locate(rules, l ? l : r, 0, &line, &col);
		pv_diag(e->d, PV_ERROR, rules->file, line, col, "rule \"%s\": "
		    "\"level\" must be \"warning\" or \"error\"",
		    n->valuestring);
		return 0;
	}
	out->name = n->valuestring;
	out->level = strcmp(l->valuestring, "error") == 0 ? PV_ERROR :
	    PV_WARNING;
	return 1;
}

/* An integer parameter of a rule in [min, max]; 0 after an error. */
static int
rule_int(struct enrich *e, struct loaded_json *rules, const struct rule *r,
    const char *key, long long min, long long max, long long *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(r->node, key);
	int line = 0, col = 0;

	/* the range first: casting a double out of range is undefined */
	if (cJSON_IsNumber(v) && v->valuedouble >= (double)min &&
	    v->valuedouble <= (double)max && v->valuedouble ==
	    (double)(long long)v->valuedouble) {
		*out = (long long)v->valuedouble;
		return 1;
	}
	load_locate(rules, v ? v : r->node, 0, &line, &col);
	pv_diag(e->d, PV_ERROR, rules->file, line, col, "rule \"%s\": \"%s\" "
	    "must be a whole number from %lld to %lld", r->name, key, min,
	    max);
	return 0;
}

/* The report's date after the deadline of its year. */
static void
deadline(struct enrich *e, struct loaded_json *rules, const cJSON *r,
    const struct bm_facts *f)
{
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(f->root, "meta");
	const cJSON *dn = cJSON_GetObjectItemCaseSensitive(meta, "date");
	struct rule rl;
	struct pv_date d, due;
	long long month, day, offset;
	char a[32], b[32], iso[16];
	size_t old;

	if (!rule_get(e, rules, r, &rl) ||
	    !rule_int(e, rules, &rl, "month", 1, 12, &month) ||
	    !rule_int(e, rules, &rl, "day", 1, 31, &day) ||
	    !rule_int(e, rules, &rl, "year_offset", -1, 1, &offset))
		return;
	if (!cJSON_IsString(dn) || !pv_date_parse(dn->valuestring, &d))
		return;
	due.year = f->year + (int)offset;
	due.month = (int)month;
	due.day = (int)day;
	if (pv_date_days(&d) <= pv_date_days(&due))
		return;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", due.year, due.month,
	    due.day);
	format_date(dn->valuestring, a, sizeof(a));
	format_date(iso, b, sizeof(b));
	old = en_path_key(e, "meta");
	en_path_key(e, "date");
	bm_diag(e, rl.level, dn, "the report is dated %s, after the deadline "
	    "%s for the needs of %d (rule \"%s\" in rules.json)", a, b,
	    f->year, rl.name);
	en_path_pop(e, old);
}

/* "30 %" or "12,5 %" from basis points, exactly. */
static void
format_bp(long long bp, char *out, size_t size)
{
	if (bp % 100 == 0)
		snprintf(out, size, "%lld %%", bp / 100);
	else if (bp % 10 == 0)
		snprintf(out, size, "%lld,%lld %%", bp / 100, bp % 100 / 10);
	else
		snprintf(out, size, "%lld,%02lld %%", bp / 100, bp % 100);
}

/* Owners' share of a scheme's row below what the scheme expects. */
static void
owner_share(struct enrich *e, struct loaded_json *rules, const cJSON *r,
    const struct bm_facts *f)
{
	const cJSON *sk = cJSON_GetObjectItemCaseSensitive(r, "scheme");
	struct rule rl;
	long long min;
	int si, line = 0, col = 0;
	size_t i;

	if (!rule_get(e, rules, r, &rl) || !rule_int(e, rules, &rl,
	    "min_basis_points", 0, 10000, &min))
		return;
	si = bm_scheme_index(cJSON_GetStringValue(sk));
	if (si < 0) {
		load_locate(rules, sk ? sk : r, 0, &line, &col);
		pv_diag(e->d, PV_ERROR, rules->file, line, col, "rule \"%s\": "
		    "\"scheme\" must be one of regional, desentralisert, "
		    "kompetanseloftet", rl.name);
		return;
	}
	for (i = 0; i < f->nrows; i++) {
		const struct bm_row *row = &f->rows[i];
		/* tenths of a per cent, rounded, for the message only */
		long long tenths;
		char a[48], b[48], p[32], m[32];
		size_t old;

		if (row->scheme != si || row->total == 0 ||
		    row->owner * 10000 >= min * row->total)
			continue;
		tenths = (row->owner * 1000 + row->total / 2) / row->total;
		format_integer(row->owner, a, sizeof(a));
		format_integer(row->total, b, sizeof(b));
		snprintf(p, sizeof(p), "%lld,%lld %%", tenths / 10, tenths % 10);
		format_bp(min, m, sizeof(m));
		old = en_path_key(e, "amounts");
		en_path_key(e, "rows");
		en_path_index(e, (size_t)row->index);
		en_path_key(e, "owner");
		bm_diag(e, rl.level, cJSON_GetObjectItemCaseSensitive(row->node,
		    "owner"), "the owners carry %s of %s (%s), less than the %s "
		    "%s expects (rule \"%s\" in rules.json)", a, b, p, m,
		    bm_scheme_label(e, si), rl.name);
		en_path_pop(e, old);
	}
}

/* The number of measures stated against those continued and listed. */
static void
measures_count(struct enrich *e, struct loaded_json *rules, const cJSON *r,
    const struct bm_facts *f)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(f->root,
	    "partnership");
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(p, "measures_count");
	struct rule rl;
	size_t old;

	/* the schema and questions_view hold it to 0..1000 */
	if (!rule_get(e, rules, r, &rl) || !cJSON_IsNumber(n) ||
	    n->valuedouble < 0 || n->valuedouble > 1000 ||
	    n->valuedouble == (double)(f->continued + f->listed))
		return;
	old = en_path_key(e, "partnership");
	en_path_key(e, "measures_count");
	bm_diag(e, rl.level, n, "%lld measures are stated, but %zu are "
	    "listed (%zu continued + %zu new) (rule \"%s\" in rules.json)",
	    (long long)n->valuedouble, f->continued + f->listed, f->continued,
	    f->listed, rl.name);
	en_path_pop(e, old);
}

/* An id as text: 3 or "lesing" (last year's file is not validated, so
 * any number may stand there). */
static void
id_text(const cJSON *id, char *out, size_t size)
{
	if (cJSON_IsNumber(id) && id->valuedouble > -1e15 &&
	    id->valuedouble < 1e15 && id->valuedouble ==
	    (double)(long long)id->valuedouble)
		snprintf(out, size, "%lld", (long long)id->valuedouble);
	else if (cJSON_IsNumber(id))
		snprintf(out, size, "%g", id->valuedouble);
	else if (cJSON_IsString(id))
		snprintf(out, size, "%s", id->valuestring);
	else
		snprintf(out, size, "?");
}

/* One continued id against last year's measures. */
static void
previous_id(struct enrich *e, const struct rule *rl, struct loaded_json *prev,
    const cJSON *list, const cJSON *id)
{
	const cJSON *m, *best = NULL;
	size_t bd = 999, d;
	char want[80], have[80], bt[80];
	int line = 0, col = 0;

	id_text(id, want, sizeof(want));
	bt[0] = '\0';
	cJSON_ArrayForEach(m, list) {
		const cJSON *mid = cJSON_GetObjectItemCaseSensitive(m, "id");

		id_text(mid, have, sizeof(have));
		if (strcmp(have, want) == 0)
			return;
		d = pv_edit_distance(want, have, 0);
		if (d < bd) {
			bd = d;
			best = mid;
			snprintf(bt, sizeof(bt), "%s", have);
		}
	}
	/* a number one digit off is no likely typo: list them instead */
	if (cJSON_IsString(id) && best != NULL && bd <= 1 + strlen(want) /
	    4) {
		load_locate(prev, best, 0, &line, &col);
		bm_diag(e, rl->level, id, "last year's behovsmelding has no "
		    "measure \"%s\"; did you mean \"%s\" (%s:%d)? (rule "
		    "\"%s\" in rules.json)", want, bt, prev->file, line,
		    rl->name);
	} else {
		struct pv_buf ids;
		int n = 0;

		pv_buf_init(&ids);
		cJSON_ArrayForEach(m, list) {
			if (n++ == 20) {
				pv_buf_puts(&ids, ", ...");
				break;
			}
			id_text(cJSON_GetObjectItemCaseSensitive(m, "id"), have,
			    sizeof(have));
			pv_buf_printf(&ids, "%s%s", n > 1 ? ", " : "", have);
		}
		bm_diag(e, rl->level, id, "last year's behovsmelding %s has no "
		    "measure %s; its measures are %s (rule \"%s\" in "
		    "rules.json)", prev->file, want, ids.data ? ids.data :
		    "none", rl->name);
		pv_buf_free(&ids);
	}
}

/* The continued measures' ids against last year's report. */
static void
previous_ids(struct enrich *e, struct loaded_json *rules, const cJSON *r,
    const struct bm_facts *f)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(f->root,
	    "continued_measures");
	const cJSON *pv = cJSON_GetObjectItemCaseSensitive(c, "previous");
	const cJSON *list, *id, *t, *y, *fy;
	struct loaded_json *prev = NULL;
	struct rule rl;
	char *dir, *path;
	size_t old, i = 0;

	if (!rule_get(e, rules, r, &rl) || !cJSON_IsString(pv))
		return;
	dir = pv_dirname(e->doc->file);
	path = pv->valuestring[0] == '/' || strcmp(dir, ".") == 0 ?
	    pv_xstrdup(pv->valuestring) : pv_path_join(dir, pv->valuestring);
	free(dir);
	old = en_path_key(e, "continued_measures");
	en_path_key(e, "previous");
	if (load_json_file(path, &prev, e->d) != PV_OK) {
		en_error(e, pv, "last year's behovsmelding, \"%s\", could not "
		    "be read (the path is relative to the report)", path);
		goto done;
	}
	t = cJSON_GetObjectItemCaseSensitive(prev->root, "type");
	list = cJSON_GetObjectItemCaseSensitive(prev->root, "measures");
	if (!cJSON_IsString(t) || strcmp(t->valuestring, "behovsmelding") !=
	    0 || !cJSON_IsArray(list)) {
		en_error(e, pv, "\"%s\" is not a behovsmelding with a list of "
		    "measures (\"type\": \"behovsmelding\", \"measures\": "
		    "[...])", path);
		goto done;
	}
	if (cJSON_GetArraySize(list) > BM_MAX_PREVIOUS) {
		en_error(e, pv, "\"%s\" lists more than %d measures "
		    "(BM_MAX_PREVIOUS)", path, BM_MAX_PREVIOUS);
		goto done;
	}
	y = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    prev->root, "meta"), "year");
	fy = cJSON_GetObjectItemCaseSensitive(c, "from_year");
	if (cJSON_IsNumber(y) && cJSON_IsNumber(fy) && y->valuedouble !=
	    fy->valuedouble && y->valuedouble > -1e6 && y->valuedouble < 1e6 &&
	    fy->valuedouble > -1e6 && fy->valuedouble < 1e6) {
		bm_diag(e, rl.level, pv, "\"%s\" is the behovsmelding for %d, "
		    "but the measures are continued from %d (from_year) (rule "
		    "\"%s\" in rules.json)", path, (int)y->valuedouble,
		    (int)fy->valuedouble, rl.name);
		goto done;
	}
	en_path_pop(e, old);
	old = en_path_key(e, "continued_measures");
	en_path_key(e, "measures");
	cJSON_ArrayForEach(id, cJSON_GetObjectItemCaseSensitive(c,
	    "measures")) {
		size_t o2 = en_path_index(e, i++);

		previous_id(e, &rl, prev, list, id);
		en_path_pop(e, o2);
	}
done:
	en_path_pop(e, old);
	loaded_json_free(prev);
	free(path);
}

int
bm_rules_check(struct enrich *e, const struct bm_facts *f)
{
	char *path = pv_path_join(e->type_dir, "rules.json");
	struct loaded_json *rules = NULL;
	const cJSON *r, *x;

	if (load_json_file(path, &rules, e->d) != PV_OK) {
		pv_diag(e->d, PV_ERROR, path, 0, 0, "the grant rules of the "
		    "behovsmelding are read from here (beside labels.json)");
		free(path);
		return 0;
	}
	free(path);
	if ((r = cJSON_GetObjectItemCaseSensitive(rules->root, "deadline")))
		deadline(e, rules, r, f);
	cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(rules->root,
	    "owner_share"))
		owner_share(e, rules, x, f);
	if ((r = cJSON_GetObjectItemCaseSensitive(rules->root,
	    "measures_count")))
		measures_count(e, rules, r, f);
	if ((r = cJSON_GetObjectItemCaseSensitive(rules->root, "previous_ids")))
		previous_ids(e, rules, r, f);
	loaded_json_free(rules);
	return 1;
}
