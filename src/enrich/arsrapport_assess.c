/*
 * arsrapport_assess.c - the two judging parts of an årsrapport: the
 * assessment against the marks a)-e) of the forskrift's §5 (a rating on a
 * fixed scale, a text, the measures that show it), and this year's
 * indicator results against baseline and target, whose status (reached,
 * on the way, behind) is computed with the indicator's direction of
 * "better", never typed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arsrapport.h"
#include "format.h"

static const char *const marks[] = { "a", "b", "c", "d", "e" };
#define NMARKS 5

/* The measures an assessment names as evidence, checked against the
 * plan; "T1, T2" for the page. */
static void
evidence(struct enrich *e, struct ar_plan *p, const cJSON *ev, cJSON *v)
{
	const cJSON *x;
	struct pv_buf b;
	size_t i = 0, old = en_path_key(e, "evidence");

	pv_buf_init(&b);
	cJSON_ArrayForEach(x, ev) {
		size_t o2 = en_path_index(e, i++);
		struct ar_measure *m;

		if (!cJSON_IsString(x)) {
			en_path_pop(e, o2);
			continue;
		}
		if ((m = ar_measure_find(p, x->valuestring)) == NULL)
			ar_unknown_id(e, p, x, 0, x->valuestring);
		else
			pv_buf_printf(&b, "%s%s", b.len ? "; " : "", m->title);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	view_text(v, "evidence", b.data);
	pv_buf_free(&b);
}

cJSON *
ar_assessment(struct enrich *e, struct ar_plan *p, const cJSON *list,
    cJSON *glance)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *found[NMARKS] = { 0 };
	const cJSON *x;
	size_t i = 0, k;

	cJSON_ArrayForEach(x, list) {
		const char *mk = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(x, "mark"));
		size_t old = en_path_index(e, i++);

		for (k = 0; mk != NULL && k < NMARKS; k++)
			if (strcmp(marks[k], mk) == 0)
				break;
		if (mk != NULL && k < NMARKS) {
			if (found[k] != NULL)
				en_error(e, x, "the mark %s) is assessed twice; "
				    "give it one entry", mk);
			else
				found[k] = x;
		}
		en_path_pop(e, old);
	}
	for (k = 0; k < NMARKS; k++) {
		cJSON *v = cJSON_CreateObject(), *g = cJSON_CreateObject();
		const char *r = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(found[k], "rating"));
		size_t idx = 0, old;
		const cJSON *y;

		cJSON_ArrayForEach(y, list) {
			if (y == found[k])
				break;
			idx++;
		}
		view_str(v, "mark", marks[k]);
		view_str(v, "name", ar_label(e, "mark_", marks[k]));
		view_str(v, "rating", r ? ar_label(e, "rating_", r) :
		    label(e, "rating_none"));
		view_str(g, "mark", marks[k]);
		view_str(g, "name", ar_label(e, "mark_short_", marks[k]));
		view_str(g, "rating", r ? ar_label(e, "rating_", r) :
		    label(e, "rating_none"));
		cJSON_AddItemToArray(glance, g);
		old = en_path_index(e, idx);
		if (found[k] != NULL) {
			view_md_member(e, v, "text_html", found[k], "text", 0);
			evidence(e, p, cJSON_GetObjectItemCaseSensitive(found[k],
			    "evidence"), v);
		} else {
			view_false(v, "text_html");
			view_false(v, "evidence");
		}
		en_path_pop(e, old);
		cJSON_AddItemToArray(out, v);
	}
	return out;
}

/* A number for the page ("42,5 %") and one for a chart ("42.5"). */
static void
view_value(cJSON *v, const char *key, const char *unit, int has, double x)
{
	char buf[64], out[96], raw[32], rkey[40];

	snprintf(rkey, sizeof(rkey), "%s_value", key);
	if (!has) {
		view_false(v, key);
		view_false(v, rkey);
		return;
	}
	format_number(x, buf, sizeof(buf));
	if (unit != NULL)
		snprintf(out, sizeof(out), "%s %s", buf, unit);
	else
		snprintf(out, sizeof(out), "%s", buf);
	view_str(v, key, out);
	snprintf(raw, sizeof(raw), "%.10g", x);
	view_str(v, rkey, raw);
}

/* The plan's value (baseline or target) or else the report's; giving
 * one the plan has is an error: the plan is the yardstick. */
static int
yardstick(struct enrich *e, const cJSON *ind, const cJSON *x,
    const char *key, double *out)
{
	const cJSON *pv = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(ind, key), "value");
	const cJSON *rv = cJSON_GetObjectItemCaseSensitive(x, key);

	if (cJSON_IsNumber(pv)) {
		if (cJSON_IsNumber(rv)) {
			size_t old = en_path_key(e, key);

			en_error(e, rv, "the plan gives this indicator's %s; "
			    "leave it out of the report", key);
			en_path_pop(e, old);
		}
		*out = pv->valuedouble;
		return 1;
	}
	if (cJSON_IsNumber(rv)) {
		*out = rv->valuedouble;
		return 1;
	}
	return 0;
}

cJSON *
ar_indicators(struct enrich *e, struct ar_plan *p, const cJSON *list,
    int year, cJSON *behind)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *x;
	size_t i = 0, k;

	/* every id in the report must be the plan's */
	cJSON_ArrayForEach(x, list) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(x,
		    "indicator");
		size_t old = en_path_index(e, i++);

		if (cJSON_IsString(id) && ar_indicator_find(p,
		    id->valuestring) == NULL) {
			size_t o2 = en_path_key(e, "indicator");

			ar_unknown_id(e, p, id, 1, id->valuestring);
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
	}
	for (k = 0; k < p->ni; k++) {
		const cJSON *ind = p->ind[k], *res = NULL, *y;
		const char *id = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(ind, "id"));
		const char *unit = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(ind, "unit"));
		const char *dir = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(ind, "direction"));
		cJSON *v = cJSON_CreateObject();
		double base = 0, target = 0, r = 0;
		int hb = 0, ht = 0, lower, unmeasured = 0;
		size_t idx = 0, old = 0;
		const char *st = NULL;

		cJSON_ArrayForEach(y, list) {
			const cJSON *yid = cJSON_GetObjectItemCaseSensitive(y,
			    "indicator");

			if (cJSON_IsString(yid) && strcmp(yid->valuestring,
			    id) == 0) {
				res = y;
				break;
			}
			idx++;
		}
		if (res != NULL) {
			old = en_path_index(e, idx);
			if (unit == NULL)
				unit = cJSON_GetStringValue(
				    cJSON_GetObjectItemCaseSensitive(res,
				    "unit"));
			if (dir == NULL)
				dir = cJSON_GetStringValue(
				    cJSON_GetObjectItemCaseSensitive(res,
				    "direction"));
			else if (cJSON_GetObjectItemCaseSensitive(res,
			    "direction") != NULL)
				en_error(e, res, "the plan gives this "
				    "indicator's direction; leave it out of "
				    "the report");
		}
		hb = yardstick(e, ind, res, "baseline", &base);
		ht = yardstick(e, ind, res, "target", &target);
		lower = dir != NULL && strcmp(dir, "lower") == 0;
		view_str(v, "id", id);
		view_str(v, "name", cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(ind, "name")));
		/* no direction given: higher is better, but not printed */
		view_text(v, "direction", dir == NULL ? NULL : label(e, lower ?
		    "direction_lower" : "direction_higher"));
		view_value(v, "baseline", unit, hb, base);
		view_value(v, "target", unit, ht, target);
		if (res != NULL) {
			const cJSON *rj = cJSON_GetObjectItemCaseSensitive(res,
			    "result");
			int measured = !cJSON_IsFalse(
			    cJSON_GetObjectItemCaseSensitive(res, "measured"));

			view_md_member(e, v, "comment_html", res, "comment", 1);
			if (!measured) {
				unmeasured = 1;
				view_value(v, "result", unit, 0, 0);
				if (rj != NULL)
					en_error(e, res, "the indicator \"%s\" "
					    "was not measured (\"measured\": "
					    "false) but has a result; leave out "
					    "one of them", id);
				if (cJSON_GetObjectItemCaseSensitive(res,
				    "comment") == NULL)
					en_error(e, res, "the indicator \"%s\" "
					    "was not measured: a comment is "
					    "required saying why", id);
			} else if (rj == NULL) {
				view_value(v, "result", unit, 0, 0);
				en_error(e, res, "the indicator \"%s\" needs a "
				    "result, or \"measured\": false and a "
				    "comment saying why it was not measured",
				    id);
			} else {
				r = cJSON_GetNumberValue(rj);
				view_value(v, "result", unit, 1, r);
				/* better = higher, or lower for "lower" */
				if (ht && (lower ? r <= target : r >= target))
					st = "reached";
				else if (ht && hb && (lower ? r < base :
				    r > base))
					st = "on_the_way";
				else if (ht)
					st = "behind";
			}
			en_path_pop(e, old);
		} else {
			int line = 0, col = 0, rl = 0, rc = 0;

			view_value(v, "result", unit, 0, 0);
			view_false(v, "comment_html");
			/* like a measure without a status: shown, and warned
			 * about at the list it is missing from */
			load_locate(p->doc, ind, 0, &line, &col);
			load_locate(e->doc, list != NULL ? list : e->doc->root,
			    0, &rl, &rc);
			pv_diag(e->d, PV_WARNING, e->doc->file, rl, rc,
			    "indicators: the plan's indicator \"%s\" (%s:%d) "
			    "has no result for %d; it is listed as \"%s\"",
			    id, p->doc->file, line, year,
			    label(e, "status_unreported"));
		}
		view_str(v, "status", res == NULL ? label(e,
		    "status_unreported") : unmeasured ? label(e,
		    "ind_not_measured") : st ? ar_label(e, "ind_", st) : "–");
		cJSON_AddBoolToObject(v, "behind", st != NULL &&
		    strcmp(st, "behind") == 0);
		cJSON_AddBoolToObject(v, "chart", res != NULL && !unmeasured &&
		    ht && hb);
		if (st != NULL && strcmp(st, "behind") == 0)
			ar_behind(behind, cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(ind, "name")),
			    label(e, "ind_behind"));
		cJSON_AddItemToArray(out, v);
	}
	(void)year;
	return out;
}
