/*
 * vcheck.c - the checks a JSON Schema cannot express on its own: formats
 * with real meaning (a date that exists), did-you-mean for unknown
 * members, ids and references, periods and ISO weeks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/date.h"
#include "../util/mem.h"
#include "validate.h"
#include "vcheck.h"
#include "../util/similar.h"

void
vc_check_format(struct vctx *c, const cJSON *v, const char *format,
    const char *msg)
{
	const char *s = v->valuestring;
	struct pv_date dt;
	char q[64];

	vc_quote(v, q, sizeof(q));
	if (strcmp(format, "date") == 0) {
		if (!pv_date_parse(s, &dt)) {
			if (strlen(s) == 10 && s[4] == '-' && s[7] == '-')
				vc_error(c, v, 0, "%s is not a real date", q);
			else
				vc_error(c, v, 0, "%s is not a date in the form "
				    "YYYY-MM-DD (e.g. 2026-01-15)", q);
		} else if (dt.year < PV_YEAR_MIN || dt.year > PV_YEAR_MAX) {
			vc_error(c, v, 0, "%s is too %s (years %d to %d)", q,
			    dt.year < PV_YEAR_MIN ? "early" : "late",
			    PV_YEAR_MIN, PV_YEAR_MAX);
		}
	} else if (strcmp(format, "email") == 0) {
		const char *at = strchr(s, '@');

		if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
		    strchr(at + 1, '.') == NULL || strpbrk(s, " \t\n<>,;")
		    != NULL || at[1] == '.' || s[strlen(s) - 1] == '.')
			vc_error(c, v, 0, "%s %s", q, msg ? msg :
			    "is not an e-mail address");
	} else if (strcmp(format, "uri") == 0) {
		if ((strncmp(s, "https://", 8) != 0 &&
		    strncmp(s, "http://", 7) != 0 &&
		    strncmp(s, "mailto:", 7) != 0) || strpbrk(s, " \t\n")
		    != NULL || strlen(s) < 10)
			vc_error(c, v, 0, "%s %s", q, msg ? msg :
			    "is not a web address (it must start with "
			    "https:// or http://)");
	}
}

void
vc_unknown_member(struct vctx *c, const cJSON *props, const cJSON *m)
{
	const cJSON *p, *best = NULL;
	size_t bestd = (size_t)-1, limit = strlen(m->string) / 3;

	if (limit < 2)
		limit = 2;
	/* Past the errors printed, only the count matters: no suggestions
	 * for an object of a hundred thousand unknown members. */
	if (c->nerrors >= VALIDATE_MAX_ERRORS)
		props = NULL;
	cJSON_ArrayForEach(p, props) {
		size_t dist;

		if (p->string == NULL)
			continue;
		dist = pv_edit_distance(m->string, p->string, 0);

		if (dist < bestd) {
			bestd = dist;
			best = p;
		}
	}
	if (best != NULL && bestd <= limit)
		vc_error(c, m, 1, "unknown member \"%s\" (did you mean "
		    "\"%s\"?)", m->string, best->string);
	else
		vc_error(c, m, 1, "unknown member \"%s\"", m->string);
}

void
vc_one_key_error(struct vctx *c, const cJSON *schema, const cJSON *v,
    int count)
{
	const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema,
	    "properties");
	const cJSON *p, *m;
	struct pv_buf kinds, found;

	pv_buf_init(&kinds);
	pv_buf_init(&found);
	cJSON_ArrayForEach(p, props) {
		if (p->string == NULL)
			continue;
		if (kinds.len)
			pv_buf_puts(&kinds, ", ");
		pv_buf_puts(&kinds, p->string);
	}
	cJSON_ArrayForEach(m, v) {
		if (found.len)
			pv_buf_puts(&found, ", ");
		pv_buf_puts(&found, m->string);
	}
	if (count == 0)
		vc_error(c, v, 0, "an empty block; a block has one of: %s",
		    kinds.data ? kinds.data : "");
	else
		vc_error(c, v, 0, "a block has exactly one of: %s; this one "
		    "has %d (%s) — split it into separate blocks",
		    kinds.data ? kinds.data : "", count, found.data);
	pv_buf_free(&kinds);
	pv_buf_free(&found);
}

int
vc_is_bad(const struct vc_bad *bad, const cJSON *member)
{
	size_t i;

	for (i = 0; i < bad->n; i++)
		if (bad->v[i] == member)
			return 1;
	return 0;
}

/*
 * A year for the checks across members, which compute with it: a whole
 * number within PV_YEAR_MIN..PV_YEAR_MAX.  A year the member's own schema
 * let through (a type folder may drop the bounds) is reported here; one
 * that was already reported is skipped quietly.
 */
static int
year_of(struct vctx *c, const cJSON *y, const struct vc_bad *bad, int *out)
{
	char q[64];
	size_t old;

	if (!cJSON_IsNumber(y) || vc_is_bad(bad, y))
		return 0;
	if (vc_int_in(y, PV_YEAR_MIN, PV_YEAR_MAX, out))
		return 1;
	vc_quote(y, q, sizeof(q));
	old = vc_path_push_key(c, y->string);
	vc_error(c, y, 0, "%s is not a year from %d to %d", q, PV_YEAR_MIN,
	    PV_YEAR_MAX);
	vc_path_pop(c, old);
	return 0;
}

/* A date (or a year, as its days) as a range of days, for periods. */
static int
day_range(struct vctx *c, const cJSON *v, const struct vc_bad *bad,
    long *lo, long *hi)
{
	struct pv_date d;
	int y;

	if (cJSON_IsNumber(v)) {
		struct pv_date a = { 0, 1, 1 }, b = { 0, 12, 31 };

		if (!year_of(c, v, bad, &y))
			return 0;
		a.year = b.year = y;
		*lo = pv_date_days(&a);
		*hi = pv_date_days(&b);
		return 1;
	}
	if (cJSON_IsString(v) && !vc_is_bad(bad, v) &&
	    pv_date_parse(v->valuestring, &d) && d.year >= PV_YEAR_MIN &&
	    d.year <= PV_YEAR_MAX) {
		*lo = *hi = pv_date_days(&d);
		return 1;
	}
	return 0;
}

void
vc_check_order(struct vctx *c, const cJSON *schema, const cJSON *v,
    const struct vc_bad *bad)
{
	const cJSON *ord = cJSON_GetObjectItemCaseSensitive(schema, "x-order");
	const cJSON *a, *b;
	long alo, ahi, blo, bhi;
	char qa[64], qb[64];

	if (!cJSON_IsArray(ord) || cJSON_GetArraySize(ord) != 2)
		return;
	a = cJSON_GetObjectItemCaseSensitive(v,
	    cJSON_GetArrayItem(ord, 0)->valuestring);
	b = cJSON_GetObjectItemCaseSensitive(v,
	    cJSON_GetArrayItem(ord, 1)->valuestring);
	if (a == NULL || b == NULL || !day_range(c, a, bad, &alo, &ahi) ||
	    !day_range(c, b, bad, &blo, &bhi))
		return;
	if (alo > bhi) {
		size_t old = vc_path_push_key(c, b->string);

		vc_quote(a, qa, sizeof(qa));
		vc_quote(b, qb, sizeof(qb));
		vc_error(c, b, 0, "the period ends (%s) before it starts (%s)",
		    qb, qa);
		vc_path_pop(c, old);
	}
}

void
vc_check_week_date(struct vctx *c, const cJSON *schema, const cJSON *v,
    const struct vc_bad *bad)
{
	const cJSON *week, *year, *date, *wto;
	struct pv_date d;
	char q[64];
	int w, y, wk, yr, last;

	if (cJSON_GetObjectItemCaseSensitive(schema, "x-week-date") == NULL)
		return;
	week = cJSON_GetObjectItemCaseSensitive(v, "week");
	year = cJSON_GetObjectItemCaseSensitive(v, "year");
	date = cJSON_GetObjectItemCaseSensitive(v, "date");
	wto = cJSON_GetObjectItemCaseSensitive(v, "week_to");
	if (!cJSON_IsNumber(week) || vc_is_bad(bad, week))
		return;
	if (!vc_int_in(week, 1, 53, &wk)) {
		size_t old = vc_path_push_key(c, "week");

		vc_quote(week, q, sizeof(q));
		vc_error(c, week, 0, "%s is not a week (weeks are 1 to 53)",
		    q);
		vc_path_pop(c, old);
		return;
	}
	/* "Uke 42–48": a range inside one year, never backwards */
	last = wk;
	if (cJSON_IsNumber(wto) && !vc_is_bad(bad, wto) &&
	    vc_int_in(wto, 1, 53, &last) && last < wk) {
		size_t old = vc_path_push_key(c, "week_to");

		vc_error(c, wto, 0, "the weeks run backwards: week %d to "
		    "week %d", wk, last);
		vc_path_pop(c, old);
		return;
	}
	/* A source's own week number, kept where it disagrees with its
	 * date ("Uke 43" beside 5 November): the author said so. */
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v,
	    "week_as_written")))
		return;
	if (cJSON_IsString(date) && !vc_is_bad(bad, date) &&
	    pv_date_parse(date->valuestring, &d) && d.year >= PV_YEAR_MIN &&
	    d.year <= PV_YEAR_MAX) {
		pv_date_iso_week(&d, &w, &y);
		if (w < wk || w > last) {
			size_t old = vc_path_push_key(c, "week");

			if (last != wk)
				vc_error(c, week, 0, "weeks %d to %d do not "
				    "match the date %s, which is in week %d",
				    wk, last, date->valuestring, w);
			else
				vc_error(c, week, 0, "week %d does not match "
				    "the date %s, which is in week %d", wk,
				    date->valuestring, w);
			vc_path_pop(c, old);
		} else if (year_of(c, year, bad, &yr) && yr != y) {
			size_t old = vc_path_push_key(c, "year");

			vc_error(c, year, 0, "the date %s is in week %d of %d, "
			    "not of %d", date->valuestring, w, y, yr);
			vc_path_pop(c, old);
		}
		return;
	}
	if (date != NULL)
		return; /* a bad date was reported on its own */
	if (!cJSON_IsNumber(year)) {
		vc_error(c, week, 1, "a week needs a \"year\" (or a \"date\")");
		return;
	}
	if (!year_of(c, year, bad, &yr))
		return;
	if (wk > pv_iso_weeks_in_year(yr)) {
		size_t old = vc_path_push_key(c, "week");

		vc_error(c, week, 0, "%d has only %d weeks", yr,
		    pv_iso_weeks_in_year(yr));
		vc_path_pop(c, old);
	} else if (last > pv_iso_weeks_in_year(yr)) {
		size_t old = vc_path_push_key(c, "week_to");

		vc_error(c, wto, 0, "%d has only %d weeks", yr,
		    pv_iso_weeks_in_year(yr));
		vc_path_pop(c, old);
	}
}

static void
add_id(struct vc_id **v, size_t *n, size_t *cap, const char *kind,
    const cJSON *node, const char *path)
{
	PV_GROW(*v, *cap, *n + 1);
	(*v)[*n].kind = kind;
	(*v)[*n].value = node->valuestring;
	(*v)[*n].node = node;
	(*v)[*n].path = pv_xstrdup(path ? path : "");
	(*v)[*n].seq = *n;
	(*n)++;
}

void
vc_collect_ids(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *k;

	if (!cJSON_IsString(v))
		return;
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "x-id")) &&
	    cJSON_IsString(k))
		add_id(&c->ids, &c->nids, &c->cap_ids, k->valuestring, v,
		    c->path.data);
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "x-ref")) &&
	    cJSON_IsString(k))
		add_id(&c->refs, &c->nrefs, &c->cap_refs, k->valuestring, v,
		    c->path.data);
}

static int
cmp_id(const void *pa, const void *pb)
{
	const struct vc_id *a = pa, *b = pb;
	int r = strcmp(a->kind, b->kind);

	if (r == 0)
		r = strcmp(a->value, b->value);
	if (r == 0)
		r = a->seq < b->seq ? -1 : a->seq > b->seq;
	return r;
}

static const struct vc_id *
find_id(const struct vc_id *ids, size_t n, const char *kind,
    const char *value)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(ids[mid].kind, kind);

		if (r == 0)
			r = strcmp(ids[mid].value, value);
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(ids[lo].kind, kind) == 0 &&
	    strcmp(ids[lo].value, value) == 0 ? &ids[lo] : NULL;
}

/* Report at a place recorded earlier: the walk is over, so the path is
 * empty and can be borrowed. */
static void
report_at(struct vctx *c, const struct vc_id *where, const char *msg)
{
	vc_path_pop(c, 0);
	pv_buf_puts(&c->path, where->path);
	vc_error(c, where->node, 0, "%s", msg);
	vc_path_pop(c, 0);
}

void
vc_check_refs(struct vctx *c)
{
	struct vc_id *sorted;
	size_t i, first = 0;
	char msg[512];

	sorted = pv_xreallocarray(NULL, c->nids ? c->nids : 1,
	    sizeof(*sorted));
	if (c->nids)
		memcpy(sorted, c->ids, c->nids * sizeof(*sorted));
	qsort(sorted, c->nids, sizeof(*sorted), cmp_id);
	/* Equal ids are adjacent, the first in document order first. */
	for (i = 1; i < c->nids; i++) {
		int line, col;

		if (strcmp(sorted[i].kind, sorted[first].kind) != 0 ||
		    strcmp(sorted[i].value, sorted[first].value) != 0) {
			first = i;
			continue;
		}
		load_locate(c->doc, sorted[first].node, 0, &line, &col);
		snprintf(msg, sizeof(msg), "the id \"%s\" is already used at "
		    "%d:%d", sorted[i].value, line, col);
		report_at(c, &sorted[i], msg);
	}
	for (i = 0; i < c->nrefs; i++)
		if (find_id(sorted, c->nids, c->refs[i].kind,
		    c->refs[i].value) == NULL) {
			snprintf(msg, sizeof(msg), "\"%s\" names no %s in "
			    "this document", c->refs[i].value, c->refs[i].kind);
			report_at(c, &c->refs[i], msg);
		}
	free(sorted);
}

void
vc_free(struct vctx *c)
{
	size_t i;

	for (i = 0; i < c->nids; i++)
		free(c->ids[i].path);
	for (i = 0; i < c->nrefs; i++)
		free(c->refs[i].path);
	free(c->ids);
	free(c->refs);
}
