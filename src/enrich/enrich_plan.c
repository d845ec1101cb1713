/*
 * enrich_plan.c - the planning blocks: goals (Mål 1 …) with sub-goals,
 * measures (tiltak 1.1 …) with responsibility and budgets, indicators
 * with their status, and the budget sums by level, source and year.
 *
 * Money is whole kroner in long long; every amount is read as a whole
 * number from 0 to ENRICH_MAX_AMOUNT and every sum is overflow-checked,
 * whatever the schema of the type folder says.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "enrich_int.h"
#include "format.h"

/* a + b into *sum; 0 when it would not fit. */
static int
add_amount(long long a, long long b, long long *sum)
{
	if ((b > 0 && a > LLONG_MAX - b) || (b < 0 && a < LLONG_MIN - b))
		return 0;
	*sum = a + b;
	return 1;
}

static int
add_checked(struct enrich *e, const cJSON *where, long long *to,
    long long amount)
{
	if (add_amount(*to, amount, to))
		return 1;
	en_error(e, where, "the budgets add up to more than planverk can sum "
	    "(%lld kroner)", LLONG_MAX);
	return 0;
}

void
sums_add(struct enrich *e, struct sums *s, const cJSON *where,
    const char *key, int is_label, long long amount)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].key, key) == 0) {
			add_checked(e, where, &s->v[i].amount, amount);
			return;
		}
	if (s->n == ENRICH_MAX_SUMS) {
		en_error(e, where, "more than %d different %ss to sum the budget "
		    "by (ENRICH_MAX_SUMS)", ENRICH_MAX_SUMS, s->what);
		return;
	}
	PV_GROW(s->v, s->cap, s->n + 1);
	s->v[s->n].key = pv_xstrdup(key);
	s->v[s->n].is_label = is_label;
	s->v[s->n++].amount = amount;
}

void
sums_free(struct sums *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].key);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

cJSON *
sums_view(const struct enrich *e, const struct sums *s)
{
	cJSON *a = cJSON_CreateArray();
	char buf[48];
	size_t i;

	for (i = 0; i < s->n; i++) {
		cJSON *o = cJSON_CreateObject();

		view_str(o, "name", s->v[i].key);
		view_item_lang(e, o, s->v[i].is_label);
		format_integer(s->v[i].amount, buf, sizeof(buf));
		view_str(o, "amount", buf);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* The person of the registry with this id, or NULL. */
const cJSON *
enrich_person(struct enrich *e, const char *id)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, e->people) {
		const cJSON *pid = cJSON_GetObjectItemCaseSensitive(p, "id");

		if (cJSON_IsObject(p) && cJSON_IsString(pid) &&
		    pid->valuestring != NULL &&
		    strcmp(pid->valuestring, id) == 0)
			return p;
	}
	return NULL;
}

/* A string member of a registry entry, or NULL (the registry's own
 * shape is checked where "people" is read, not at every reference). */
const char *
person_member(const cJSON *p, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, key);

	return cJSON_IsString(v) && v->valuestring != NULL &&
	    v->valuestring[0] != '\0' ? v->valuestring : NULL;
}

/* "Kari Nordmann (rektor)", or the role alone, or the id. */
static void
person_text(struct enrich *e, const char *id, struct pv_buf *out)
{
	const cJSON *p = enrich_person(e, id);
	const char *name = person_member(p, "name");
	const char *role = person_member(p, "role");

	if (name && role)
		pv_buf_printf(out, "%s (%s)", name, role);
	else if (name || role)
		pv_buf_puts(out, name ? name : role);
	else
		pv_buf_puts(out, id);
}

static void
measure_responsible(struct enrich *e, const cJSON *m, cJSON *v)
{
	const cJSON *resp = en_get(e, m, "responsible", EN_STRING | EN_ARRAY,
	    EN_OPTIONAL);
	const char *rtext = en_string(e, m, "responsible_text", EN_OPTIONAL);
	struct pv_buf b;

	pv_buf_init(&b);
	if (cJSON_IsString(resp)) {
		person_text(e, resp->valuestring, &b);
	} else if (resp != NULL) {
		const cJSON *r;
		size_t i = 0, old = en_path_key(e, "responsible");

		cJSON_ArrayForEach(r, resp) {
			if (en_item(e, r, i++, EN_STRING) == NULL)
				continue;
			if (b.len)
				pv_buf_puts(&b, ", ");
			person_text(e, r->valuestring, &b);
		}
		en_path_pop(e, old);
	}
	if (rtext != NULL && rtext[0] != '\0') {
		if (b.len)
			pv_buf_puts(&b, ", ");
		pv_buf_puts(&b, rtext);
	}
	view_text(v, "responsible", b.data);
	pv_buf_free(&b);
}

static void
measure_links(struct enrich *e, const cJSON *m, cJSON *v)
{
	const cJSON *links = en_get(e, m, "links", EN_ARRAY, EN_OPTIONAL);
	cJSON *lv = cJSON_CreateArray();
	const cJSON *l;
	size_t i = 0, old = en_path_key(e, "links");

	/* every key present, so "title" never resolves to the measure's
	 * own title in an enclosing context */
	cJSON_ArrayForEach(l, links) {
		size_t o2 = en_path_index(e, i++);
		const char *url;
		cJSON *o;

		if (en_check(e, l, EN_OBJECT) == NULL ||
		    (url = en_string(e, l, "url", EN_REQUIRED)) == NULL) {
			en_path_pop(e, o2);
			continue;
		}
		o = cJSON_CreateObject();
		view_member(e, o, l, "title");
		view_str(o, "url", url);
		cJSON_AddItemToArray(lv, o);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	cJSON_AddBoolToObject(v, "has_links", cJSON_GetArraySize(lv) > 0);
	cJSON_AddItemToObject(v, "links", lv);
}

/* The view of one measure; its budget, if any, in *amount. */
static cJSON *
measure_view(struct enrich *e, const cJSON *m, const char *number,
    const char *level, long long *amount, int *has_budget)
{
	cJSON *v = cJSON_CreateObject();
	const char *id = en_string(e, m, "id", EN_REQUIRED);
	const char *title = en_string(e, m, "title", EN_REQUIRED);
	const char *deadline, *when = NULL, *funding, *mlevel;
	long long year;
	char buf[128];

	view_str(v, "number", number);
	view_str(v, "id", id ? id : "");
	view_str(v, "title", title ? title : "");
	view_md_member(e, v, "description_html", m, "description", 1);
	measure_responsible(e, m, v);
	view_member(e, v, m, "target_group");
	if (cJSON_GetObjectItemCaseSensitive(m, "period") != NULL)
		en_period(e, m, "period", EN_REQUIRED, buf, sizeof(buf));
	else if ((deadline = en_date(e, m, "deadline", EN_OPTIONAL, NULL)))
		format_date(deadline, buf, sizeof(buf));
	else if ((when = en_string(e, m, "when", EN_OPTIONAL)) == NULL)
		buf[0] = '\0';
	view_text(v, "period", when ? when : buf);
	funding = en_string(e, m, "funding", EN_OPTIONAL);
	mlevel = en_string(e, m, "level", EN_OPTIONAL);
	*has_budget = en_integer(e, m, "budget", EN_OPTIONAL, 0,
	    ENRICH_MAX_AMOUNT, amount);
	if (*has_budget) {
		const cJSON *where = cJSON_GetObjectItemCaseSensitive(m,
		    "budget");

		format_integer(*amount, buf, sizeof(buf));
		view_str(v, "budget", buf);
		e->have_budget = 1;
		add_checked(e, where, &e->total, *amount);
		/* levels are the schema's words, so labels; a funding
		 * source is the plan's own text */
		sums_add(e, &e->by_level, where, mlevel ? label(e, mlevel) :
		    level ? label(e, level) : label(e, "other"), 1, *amount);
		sums_add(e, &e->by_funding, where, funding && funding[0] ?
		    funding : label(e, "unspecified"), !(funding &&
		    funding[0]), *amount);
		if (en_integer(e, m, "year", EN_OPTIONAL, ENRICH_MIN_YEAR,
		    ENRICH_MAX_YEAR, &year)) {
			snprintf(buf, sizeof(buf), "%lld", year);
			sums_add(e, &e->by_year, where, buf, 0, *amount);
		}
	} else {
		view_false(v, "budget");
		(void)en_integer(e, m, "year", EN_OPTIONAL, ENRICH_MIN_YEAR,
		    ENRICH_MAX_YEAR, &year);
	}
	view_text(v, "funding", funding);
	measure_links(e, m, v);
	return v;
}

/*
 * A list of measures; `prefix` is the goal's number ("2" gives 2.1, 2.2)
 * or NULL for a free-standing block (1, 2, 3).
 */
static cJSON *
measure_list(struct enrich *e, const cJSON *items, const char *prefix,
    const char *level, long long *sum, int *any_budget)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *m;
	char number[64];
	int own = 0, *counter = &own;
	size_t i = 0;

	/* Inside a goal, every list of measures continues its numbering. */
	if (prefix == NULL && e->goal_prefix[0] != '\0') {
		prefix = e->goal_prefix;
		counter = &e->goal_measures;
	} else if (prefix != NULL) {
		counter = &e->goal_measures;
	}

	*sum = 0;
	*any_budget = 0;
	cJSON_ArrayForEach(m, items) {
		long long b = 0;
		int has = 0;
		size_t old = en_path_index(e, i++);

		if (en_check(e, m, EN_OBJECT) == NULL) {
			en_path_pop(e, old);
			continue;
		}
		(*counter)++;
		if (prefix)
			snprintf(number, sizeof(number), "%s.%d", prefix,
			    *counter);
		else
			snprintf(number, sizeof(number), "%d", *counter);
		cJSON_AddItemToArray(out, measure_view(e, m, number, level, &b,
		    &has));
		if (has && add_amount(*sum, b, sum))
			*any_budget = 1;
		en_path_pop(e, old);
	}
	return out;
}

/* The list of measures `items`, the member `key` of the enclosing
 * object, and its column flags and sum. */
static void
measures_fill(struct enrich *e, cJSON *v, const cJSON *items,
    const char *prefix, const char *level, const char *key)
{
	long long sum;
	int any;
	char buf[48];
	size_t old = en_path_key(e, key);

	cJSON_AddItemToObject(v, "items", measure_list(e, items, prefix, level,
	    &sum, &any));
	en_path_pop(e, old);
	/* Print only the columns some measure fills. */
	{
		static const char *const cols[] = { "responsible",
		    "target_group", "period", "funding" };
		const cJSON *views = cJSON_GetObjectItemCaseSensitive(v, "items");
		char has[48];
		size_t c;

		for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
			const cJSON *m;
			int used = 0;

			cJSON_ArrayForEach(m, views)
				if (cJSON_IsString(
				    cJSON_GetObjectItemCaseSensitive(m, cols[c])))
					used = 1;
			snprintf(has, sizeof(has), "has_%s", cols[c]);
			cJSON_AddBoolToObject(v, has, used);
		}
	}
	cJSON_AddBoolToObject(v, "has_budget", any);
	cJSON_AddBoolToObject(v, "has_number", e->number_measures);
	format_integer(sum, buf, sizeof(buf));
	if (any)
		view_str(v, "sum", buf);
	else
		view_false(v, "sum");
}

cJSON *
enrich_measures(struct enrich *e, const cJSON *ms, const char *prefix)
{
	cJSON *v = view_block("measures");
	const char *level = en_string(e, ms, "level", EN_OPTIONAL);

	view_member(e, v, ms, "title");
	if (level != NULL)
		view_str(v, "level", label(e, level));
	else
		view_false(v, "level");
	measures_fill(e, v, en_get(e, ms, "items", EN_ARRAY, EN_REQUIRED),
	    prefix, level, "items");
	return v;
}

/* A value of an indicator: {"value": 66.5, "year": 2025}. */
struct point {
	int have;
	double value;
	long long year; /* 0 when not given */
};

static void
read_point(struct enrich *e, const cJSON *p, struct point *pt)
{
	memset(pt, 0, sizeof(*pt));
	if (p == NULL)
		return;
	pt->have = en_number(e, p, "value", EN_REQUIRED, &pt->value);
	if (!en_integer(e, p, "year", EN_OPTIONAL, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &pt->year))
		pt->year = 0;
}

static void
point_member(struct enrich *e, const cJSON *ind, const char *key,
    struct point *pt)
{
	const cJSON *p = en_get(e, ind, key, EN_OBJECT, EN_OPTIONAL);
	size_t old = en_path_key(e, key);

	read_point(e, p, pt);
	en_path_pop(e, old);
}

/* The latest of the values (the last of the latest year). */
static void
latest_value(struct enrich *e, const cJSON *ind, struct point *best)
{
	const cJSON *values = en_get(e, ind, "values", EN_ARRAY, EN_OPTIONAL);
	const cJSON *v;
	size_t i = 0, old = en_path_key(e, "values");

	memset(best, 0, sizeof(*best));
	cJSON_ArrayForEach(v, values) {
		struct point pt;
		size_t o2 = en_path_index(e, i++);

		read_point(e, en_check(e, v, EN_OBJECT), &pt);
		if (pt.have && (!best->have || pt.year >= best->year))
			*best = pt;
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

static void
point_text(const struct point *p, const char *unit, char *out, size_t size)
{
	char num[48];

	format_number(p->value, num, sizeof(num));
	if (p->year != 0)
		snprintf(out, size, "%s%s%s (%lld)", num, unit ? " " : "",
		    unit ? unit : "", p->year);
	else
		snprintf(out, size, "%s%s%s", num, unit ? " " : "",
		    unit ? unit : "");
}

/* Reached, on the way, or not: the latest value against baseline and
 * target, in the direction that is better. */
static const char *
indicator_status(struct enrich *e, const char *dir, const struct point *base,
    const struct point *target, const struct point *latest)
{
	int lower = dir != NULL && strcmp(dir, "lower") == 0;
	double l = latest->value, t = target->value, b = base->value;

	if (!latest->have || !target->have)
		return NULL;
	if (lower ? l <= t : l >= t)
		return label(e, "status_reached");
	if (!base->have)
		return label(e, "status_not_reached");
	if (lower ? l < b : l > b)
		return label(e, "status_on_track");
	return label(e, "status_off_track");
}

static void
view_point(cJSON *v, const char *key, const struct point *p,
    const char *unit)
{
	char buf[160];

	if (p->have) {
		point_text(p, unit, buf, sizeof(buf));
		view_str(v, key, buf);
	} else {
		view_false(v, key);
	}
}

static cJSON *
indicator_view(struct enrich *e, const cJSON *ind)
{
	cJSON *v = cJSON_CreateObject();
	const char *unit = en_text(e, ind, "unit");
	const char *id = en_string(e, ind, "id", EN_REQUIRED);
	const char *name = en_string(e, ind, "name", EN_REQUIRED);
	const char *dir = en_string(e, ind, "direction", EN_OPTIONAL);
	struct point base, target, latest;
	const char *status;

	if (dir != NULL && strcmp(dir, "lower") != 0 &&
	    strcmp(dir, "higher") != 0) {
		size_t old = en_path_key(e, "direction");

		en_error(e, cJSON_GetObjectItemCaseSensitive(ind, "direction"),
		    "must be \"higher\" or \"lower\", not \"%s\"", dir);
		en_path_pop(e, old);
	}
	point_member(e, ind, "baseline", &base);
	point_member(e, ind, "target", &target);
	latest_value(e, ind, &latest);
	view_str(v, "id", id ? id : "");
	view_str(v, "name", name ? name : "");
	view_member(e, v, ind, "level");
	view_point(v, "baseline", &base, unit);
	view_point(v, "target", &target, unit);
	view_point(v, "latest", &latest, unit);
	status = indicator_status(e, dir, &base, &target, &latest);
	if (status)
		view_str(v, "status", status);
	else
		view_false(v, "status");
	return v;
}

cJSON *
enrich_indicators(struct enrich *e, const cJSON *in)
{
	cJSON *v = view_block("indicators"), *items = cJSON_CreateArray();
	const cJSON *ind, *list;
	int any_values = 0;
	size_t i = 0, old;

	view_member(e, v, in, "title");
	list = en_get(e, in, "items", EN_ARRAY, EN_REQUIRED);
	old = en_path_key(e, "items");
	cJSON_ArrayForEach(ind, list) {
		size_t o2 = en_path_index(e, i++);

		if (en_check(e, ind, EN_OBJECT) != NULL) {
			if (cJSON_GetObjectItemCaseSensitive(ind, "baseline") ||
			    cJSON_GetObjectItemCaseSensitive(ind, "target") ||
			    cJSON_GetObjectItemCaseSensitive(ind, "values"))
				any_values = 1;
			cJSON_AddItemToArray(items, indicator_view(e, ind));
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	cJSON_AddBoolToObject(v, "has_values", any_values);
	cJSON_AddItemToObject(v, "items", items);
	return v;
}

static cJSON *
goal_view(struct enrich *e, const cJSON *g)
{
	cJSON *gv = cJSON_CreateObject(), *subs = cJSON_CreateArray();
	const cJSON *s, *ms;
	const cJSON *subgoals = en_get(e, g, "subgoals", EN_ARRAY, EN_OPTIONAL);
	const char *title = en_string(e, g, "title", EN_REQUIRED);
	char number[16], text[64];
	size_t i = 0, old;

	(void)en_string(e, g, "id", EN_REQUIRED);
	e->goals++;
	snprintf(number, sizeof(number), "%d", e->goals);
	if (e->number_goals)
		snprintf(text, sizeof(text), "%s %d", label(e, "goal"),
		    e->goals);
	else
		snprintf(text, sizeof(text), "%s", label(e, "goal"));
	view_str(gv, "number", number);
	view_str(gv, "label", text);
	snprintf(text, sizeof(text), "mal-%d", e->goals);
	view_str(gv, "anchor", text);
	view_str(gv, "title", title ? title : "");
	old = en_path_key(e, "subgoals");
	cJSON_ArrayForEach(s, subgoals) {
		cJSON *sv;
		size_t o2 = en_path_index(e, i++);

		if (en_check(e, s, EN_STRING) != NULL &&
		    s->valuestring[0] != '\0') {
			sv = cJSON_CreateObject();
			view_md(e, sv, "html", s, 1);
			cJSON_AddItemToArray(subs, sv);
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	cJSON_AddBoolToObject(gv, "has_subgoals", cJSON_GetArraySize(subs) > 0);
	cJSON_AddItemToObject(gv, "subgoals", subs);
	view_md_member(e, gv, "background_html", g, "background", 0);
	view_md_member(e, gv, "national_html", g, "national", 0);
	snprintf(e->goal_prefix, sizeof(e->goal_prefix), "%s", number);
	e->goal_measures = 0;
	e->level++;
	cJSON_AddItemToObject(gv, "content", enrich_blocks(e, en_get(e, g,
	    "content", EN_ARRAY, EN_OPTIONAL)));
	e->level--;
	ms = en_get(e, g, "measures", EN_ARRAY, EN_OPTIONAL);
	if (cJSON_GetArraySize(ms) > 0) {
		cJSON *mv = cJSON_CreateObject();

		view_false(mv, "title");
		view_false(mv, "level");
		measures_fill(e, mv, ms, number, NULL, "measures");
		cJSON_AddItemToObject(gv, "measures", mv);
	} else {
		view_false(gv, "measures");
	}
	e->goal_prefix[0] = '\0';
	return gv;
}

cJSON *
enrich_goals(struct enrich *e, const cJSON *goals)
{
	cJSON *v = view_block("goals"), *list = cJSON_CreateArray();
	const cJSON *g;
	size_t i = 0;

	cJSON_ArrayForEach(g, goals) {
		size_t old = en_path_index(e, i++);

		if (en_check(e, g, EN_OBJECT) != NULL)
			cJSON_AddItemToArray(list, goal_view(e, g));
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(v, "goals", list);
	return v;
}
