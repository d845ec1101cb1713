/*
 * enrich_plan.c - the planning blocks: goals (Mål 1 …) with sub-goals,
 * measures (tiltak 1.1 …) with responsibility and budgets, indicators
 * with their status, and the budget sums by level, source and year.
 *
 * Money is whole kroner in long long; the validator has already refused
 * negative and fractional amounts.
 */
#include <stdio.h>
#include <string.h>

#include "enrich_int.h"
#include "format.h"

void
sums_add(struct sums *s, const char *key, long long amount)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].key, key) == 0) {
			s->v[i].amount += amount;
			return;
		}
	if (s->n == ENRICH_MAX_SUMS)
		return;
	snprintf(s->v[s->n].key, sizeof(s->v[s->n].key), "%s", key);
	s->v[s->n++].amount = amount;
}

cJSON *
sums_view(const struct sums *s)
{
	cJSON *a = cJSON_CreateArray();
	char buf[48];
	size_t i;

	for (i = 0; i < s->n; i++) {
		cJSON *o = cJSON_CreateObject();

		view_str(o, "name", s->v[i].key);
		format_integer(s->v[i].amount, buf, sizeof(buf));
		view_str(o, "amount", buf);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

const cJSON *
enrich_person(struct enrich *e, const char *id)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, e->people) {
		const cJSON *pid = cJSON_GetObjectItemCaseSensitive(p, "id");

		if (cJSON_IsString(pid) && strcmp(pid->valuestring, id) == 0)
			return p;
	}
	return NULL;
}

/* "Kari Nordmann (rektor)", or the role alone. */
static void
person_text(struct enrich *e, const char *id, char *out, size_t size)
{
	const cJSON *p = enrich_person(e, id);
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(p, "name");
	const cJSON *role = cJSON_GetObjectItemCaseSensitive(p, "role");

	if (cJSON_IsString(name) && cJSON_IsString(role))
		snprintf(out, size, "%s (%s)", name->valuestring,
		    role->valuestring);
	else if (cJSON_IsString(name))
		snprintf(out, size, "%s", name->valuestring);
	else if (cJSON_IsString(role))
		snprintf(out, size, "%s", role->valuestring);
	else
		snprintf(out, size, "%s", id);
}

static cJSON *
measure_view(struct enrich *e, const cJSON *m, const char *number,
    const char *level)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *resp = cJSON_GetObjectItemCaseSensitive(m, "responsible");
	const cJSON *rtext = cJSON_GetObjectItemCaseSensitive(m,
	    "responsible_text");
	const cJSON *period = cJSON_GetObjectItemCaseSensitive(m, "period");
	const cJSON *deadline = cJSON_GetObjectItemCaseSensitive(m, "deadline");
	const cJSON *when = cJSON_GetObjectItemCaseSensitive(m, "when");
	const cJSON *budget = cJSON_GetObjectItemCaseSensitive(m, "budget");
	const cJSON *funding = cJSON_GetObjectItemCaseSensitive(m, "funding");
	const cJSON *year = cJSON_GetObjectItemCaseSensitive(m, "year");
	const cJSON *mlevel = cJSON_GetObjectItemCaseSensitive(m, "level");
	const cJSON *links = cJSON_GetObjectItemCaseSensitive(m, "links");
	char buf[512], tmp[256];

	view_str(v, "number", number);
	view_str(v, "id", cJSON_GetObjectItemCaseSensitive(m, "id")->valuestring);
	view_str(v, "title", cJSON_GetObjectItemCaseSensitive(m,
	    "title")->valuestring);
	view_md(v, "description", cJSON_GetObjectItemCaseSensitive(m,
	    "description"), 1);
	buf[0] = '\0';
	if (cJSON_IsString(resp)) {
		person_text(e, resp->valuestring, buf, sizeof(buf));
	} else if (cJSON_IsArray(resp)) {
		const cJSON *r;

		cJSON_ArrayForEach(r, resp) {
			person_text(e, r->valuestring, tmp, sizeof(tmp));
			if (buf[0])
				strncat(buf, ", ", sizeof(buf) - strlen(buf) - 1);
			strncat(buf, tmp, sizeof(buf) - strlen(buf) - 1);
		}
	}
	if (cJSON_IsString(rtext)) {
		if (buf[0])
			strncat(buf, ", ", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, rtext->valuestring, sizeof(buf) - strlen(buf) - 1);
	}
	view_text(v, "responsible", buf);
	view_opt_str(v, "target_group", cJSON_GetObjectItemCaseSensitive(m,
	    "target_group"));
	if (cJSON_IsObject(period))
		format_period(period, buf, sizeof(buf));
	else if (cJSON_IsString(deadline))
		format_date(deadline->valuestring, buf, sizeof(buf));
	else if (cJSON_IsString(when))
		snprintf(buf, sizeof(buf), "%s", when->valuestring);
	else
		buf[0] = '\0';
	view_text(v, "period", buf);
	if (cJSON_IsNumber(budget)) {
		long long amount = (long long)budget->valuedouble;

		format_integer(amount, buf, sizeof(buf));
		view_str(v, "budget", buf);
		e->have_budget = 1;
		e->total += amount;
		sums_add(&e->by_level, cJSON_IsString(mlevel) ?
		    label(e, mlevel->valuestring) : level ? label(e, level) :
		    label(e, "other"), amount);
		sums_add(&e->by_funding, cJSON_IsString(funding) ?
		    funding->valuestring : label(e, "unspecified"), amount);
		if (cJSON_IsNumber(year)) {
			snprintf(tmp, sizeof(tmp), "%d", (int)year->valuedouble);
			sums_add(&e->by_year, tmp, amount);
		}
	} else {
		view_false(v, "budget");
	}
	view_opt_str(v, "funding", funding);
	{
		cJSON *lv = cJSON_CreateArray();
		const cJSON *l;

		/* every key present, so "title" never resolves to the
		 * measure's own title in an enclosing context */
		cJSON_ArrayForEach(l, links) {
			cJSON *o = cJSON_CreateObject();

			view_opt_str(o, "title",
			    cJSON_GetObjectItemCaseSensitive(l, "title"));
			view_str(o, "url", cJSON_GetObjectItemCaseSensitive(l,
			    "url")->valuestring);
			cJSON_AddItemToArray(lv, o);
		}
		cJSON_AddBoolToObject(v, "has_links",
		    cJSON_GetArraySize(lv) > 0);
		cJSON_AddItemToObject(v, "links", lv);
	}
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
		const cJSON *b = cJSON_GetObjectItemCaseSensitive(m, "budget");
		size_t old = en_path_index(e, i++);

		(*counter)++;
		if (prefix)
			snprintf(number, sizeof(number), "%s.%d", prefix,
			    *counter);
		else
			snprintf(number, sizeof(number), "%d", *counter);
		if (cJSON_IsNumber(b)) {
			*sum += (long long)b->valuedouble;
			*any_budget = 1;
		}
		cJSON_AddItemToArray(out, measure_view(e, m, number, level));
		en_path_pop(e, old);
	}
	return out;
}

static void
measures_fill(struct enrich *e, cJSON *v, const cJSON *items,
    const char *prefix, const char *level)
{
	long long sum;
	int any;
	char buf[48];
	size_t old = en_path_key(e, "items");

	cJSON_AddItemToObject(v, "items", measure_list(e, items, prefix, level,
	    &sum, &any));
	en_path_pop(e, old);
	/* Print only the columns some measure fills. */
	{
		static const char *const cols[] = { "responsible",
		    "target_group", "period", "funding" };
		const cJSON *views = cJSON_GetObjectItemCaseSensitive(v, "items");
		char key[48];
		size_t c;

		for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
			const cJSON *m;
			int used = 0;

			cJSON_ArrayForEach(m, views)
				if (cJSON_IsString(
				    cJSON_GetObjectItemCaseSensitive(m, cols[c])))
					used = 1;
			snprintf(key, sizeof(key), "has_%s", cols[c]);
			cJSON_AddBoolToObject(v, key, used);
		}
	}
	cJSON_AddBoolToObject(v, "has_budget", any);
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
	const cJSON *level = cJSON_GetObjectItemCaseSensitive(ms, "level");

	view_opt_str(v, "title", cJSON_GetObjectItemCaseSensitive(ms, "title"));
	if (cJSON_IsString(level))
		view_str(v, "level", label(e, level->valuestring));
	else
		view_false(v, "level");
	measures_fill(e, v, cJSON_GetObjectItemCaseSensitive(ms, "items"),
	    prefix, cJSON_IsString(level) ? level->valuestring : NULL);
	return v;
}

static const cJSON *
latest_value(const cJSON *values)
{
	const cJSON *v, *best = NULL;
	double best_year = -1;

	cJSON_ArrayForEach(v, values) {
		const cJSON *y = cJSON_GetObjectItemCaseSensitive(v, "year");
		double yr = cJSON_IsNumber(y) ? y->valuedouble : 0;

		if (best == NULL || yr >= best_year) {
			best = v;
			best_year = yr;
		}
	}
	return best;
}

static void
point_text(const cJSON *p, const cJSON *unit, char *out, size_t size)
{
	const cJSON *val = cJSON_GetObjectItemCaseSensitive(p, "value");
	const cJSON *year = cJSON_GetObjectItemCaseSensitive(p, "year");
	char num[48];

	format_number(val->valuedouble, num, sizeof(num));
	if (cJSON_IsNumber(year))
		snprintf(out, size, "%s%s%s (%d)", num,
		    cJSON_IsString(unit) ? " " : "",
		    cJSON_IsString(unit) ? unit->valuestring : "",
		    (int)year->valuedouble);
	else
		snprintf(out, size, "%s%s%s", num, cJSON_IsString(unit) ? " " :
		    "", cJSON_IsString(unit) ? unit->valuestring : "");
}

/* Reached, on the way, or not: the latest value against baseline and
 * target, in the direction that is better. */
static const char *
indicator_status(struct enrich *e, const cJSON *ind, const cJSON *latest)
{
	const cJSON *base = cJSON_GetObjectItemCaseSensitive(ind, "baseline");
	const cJSON *target = cJSON_GetObjectItemCaseSensitive(ind, "target");
	const cJSON *dir = cJSON_GetObjectItemCaseSensitive(ind, "direction");
	int lower = cJSON_IsString(dir) && strcmp(dir->valuestring, "lower")
	    == 0;
	double l, t, b;

	if (latest == NULL || !cJSON_IsObject(target))
		return NULL;
	l = cJSON_GetObjectItemCaseSensitive(latest, "value")->valuedouble;
	t = cJSON_GetObjectItemCaseSensitive(target, "value")->valuedouble;
	if (lower ? l <= t : l >= t)
		return label(e, "status_reached");
	if (!cJSON_IsObject(base))
		return label(e, "status_not_reached");
	b = cJSON_GetObjectItemCaseSensitive(base, "value")->valuedouble;
	if (lower ? l < b : l > b)
		return label(e, "status_on_track");
	return label(e, "status_off_track");
}

static cJSON *
indicator_view(struct enrich *e, const cJSON *ind)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *unit = cJSON_GetObjectItemCaseSensitive(ind, "unit");
	const cJSON *base = cJSON_GetObjectItemCaseSensitive(ind, "baseline");
	const cJSON *target = cJSON_GetObjectItemCaseSensitive(ind, "target");
	const cJSON *latest = latest_value(cJSON_GetObjectItemCaseSensitive(
	    ind, "values"));
	const char *status;
	char buf[128];

	view_str(v, "id", cJSON_GetObjectItemCaseSensitive(ind,
	    "id")->valuestring);
	view_str(v, "name", cJSON_GetObjectItemCaseSensitive(ind,
	    "name")->valuestring);
	view_opt_str(v, "level", cJSON_GetObjectItemCaseSensitive(ind,
	    "level"));
	if (cJSON_IsObject(base)) {
		point_text(base, unit, buf, sizeof(buf));
		view_str(v, "baseline", buf);
	} else {
		view_false(v, "baseline");
	}
	if (cJSON_IsObject(target)) {
		point_text(target, unit, buf, sizeof(buf));
		view_str(v, "target", buf);
	} else {
		view_false(v, "target");
	}
	if (latest != NULL) {
		point_text(latest, unit, buf, sizeof(buf));
		view_str(v, "latest", buf);
	} else {
		view_false(v, "latest");
	}
	status = indicator_status(e, ind, latest);
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
	const cJSON *ind;
	int any_values = 0;

	view_opt_str(v, "title", cJSON_GetObjectItemCaseSensitive(in, "title"));
	cJSON_ArrayForEach(ind, cJSON_GetObjectItemCaseSensitive(in, "items")) {
		if (cJSON_GetObjectItemCaseSensitive(ind, "baseline") ||
		    cJSON_GetObjectItemCaseSensitive(ind, "target") ||
		    cJSON_GetObjectItemCaseSensitive(ind, "values"))
			any_values = 1;
		cJSON_AddItemToArray(items, indicator_view(e, ind));
	}
	cJSON_AddBoolToObject(v, "has_values", any_values);
	cJSON_AddItemToObject(v, "items", items);
	return v;
}

cJSON *
enrich_goals(struct enrich *e, const cJSON *goals)
{
	cJSON *v = view_block("goals"), *list = cJSON_CreateArray();
	const cJSON *g;
	size_t i = 0;

	cJSON_ArrayForEach(g, goals) {
		cJSON *gv = cJSON_CreateObject(), *subs = cJSON_CreateArray();
		const cJSON *s, *ms = cJSON_GetObjectItemCaseSensitive(g,
		    "measures");
		char number[16], text[64];
		size_t old = en_path_index(e, i++);

		e->goals++;
		snprintf(number, sizeof(number), "%d", e->goals);
		snprintf(text, sizeof(text), "%s %d", label(e, "goal"),
		    e->goals);
		view_str(gv, "number", number);
		view_str(gv, "label", text);
		snprintf(text, sizeof(text), "mal-%d", e->goals);
		view_str(gv, "anchor", text);
		view_str(gv, "title", cJSON_GetObjectItemCaseSensitive(g,
		    "title")->valuestring);
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(g,
		    "subgoals")) {
			cJSON *sv;

			if (cJSON_IsString(s) && s->valuestring[0] == '\0')
				continue;
			sv = cJSON_CreateObject();
			view_md(sv, "html", s, 1);
			cJSON_AddItemToArray(subs, sv);
		}
		cJSON_AddBoolToObject(gv, "has_subgoals",
		    cJSON_GetArraySize(subs) > 0);
		cJSON_AddItemToObject(gv, "subgoals", subs);
		view_md(gv, "background", cJSON_GetObjectItemCaseSensitive(g,
		    "background"), 0);
		view_md(gv, "national", cJSON_GetObjectItemCaseSensitive(g,
		    "national"), 0);
		snprintf(e->goal_prefix, sizeof(e->goal_prefix), "%s",
		    number);
		e->goal_measures = 0;
		e->level++;
		cJSON_AddItemToObject(gv, "content", enrich_blocks(e,
		    cJSON_GetObjectItemCaseSensitive(g, "content")));
		e->level--;
		if (cJSON_IsArray(ms) && cJSON_GetArraySize(ms) > 0) {
			cJSON *mv = cJSON_CreateObject();
			size_t o2 = en_path_key(e, "measures");

			view_false(mv, "title");
			view_false(mv, "level");
			measures_fill(e, mv, ms, number, NULL);
			en_path_pop(e, o2);
			cJSON_AddItemToObject(gv, "measures", mv);
		} else {
			view_false(gv, "measures");
		}
		e->goal_prefix[0] = '\0';
		cJSON_AddItemToArray(list, gv);
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(v, "goals", list);
	return v;
}
