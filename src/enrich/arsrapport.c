/*
 * arsrapport.c - the enrichment of an årsrapport (forskrift om tilskudd
 * til kollektiv kompetanseutvikling §17): the year's status of each of the
 * plan's measures joined to the plan by id, the funds per measure and
 * source with carried over computed (a typed figure is checked), sums by
 * goal, level and source, and the summary for the first page.  The
 * assessment a)-e) and the indicators are in arsrapport_assess.c; the view
 * model is documented in templates/arsrapport/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "arsrapport.h"
#include "format.h"

static const char *const sources[] = { "stat", "egen", "uh" };
#define NSOURCES 3
static const char *const plevels[] = { "barnehage", "skole", "eier", "uh" };
#define NPLEVELS 4
#define MAX_LEVELS 16  /* the plan's measure levels: six in its schema */

struct ar_state {
	struct ar_plan plan;
	int year;
	struct ar_money total, by_source[NSOURCES];
	const char *level_name[MAX_LEVELS];
	struct ar_money by_level[MAX_LEVELS];
	size_t nlevels;
	long long units[NPLEVELS], persons[NPLEVELS];
	int active, done;
};

static void
money_add(struct ar_money *m, long long g, long long s)
{
	m->granted += g;
	m->spent += s;
	m->carried += g - s;
	m->has = 1;
}

static void
view_amount(cJSON *o, const char *key, long long v)
{
	char buf[48];

	format_integer(v, buf, sizeof(buf));
	view_str(o, key, buf);
}

static void
view_money(cJSON *o, const struct ar_money *m)
{
	char raw[32];

	view_amount(o, "granted", m->granted);
	view_amount(o, "spent", m->spent);
	view_amount(o, "carried", m->carried);
	/* plain numbers for a chart's data-value */
	snprintf(raw, sizeof(raw), "%lld", m->granted);
	view_str(o, "granted_value", raw);
	snprintf(raw, sizeof(raw), "%lld", m->spent);
	view_str(o, "spent_value", raw);
	cJSON_AddBoolToObject(o, "has_funds", m->has);
}

static int
index_of(const char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
ar_label(const struct enrich *e, const char *prefix, const char *key)
{
	char k[64];

	snprintf(k, sizeof(k), "%s%s", prefix, key);
	return label(e, k);
}

static void
by_level_add(struct ar_state *s, const char *level, long long g, long long sp)
{
	size_t i;

	if (level == NULL)
		level = "";
	for (i = 0; i < s->nlevels; i++)
		if (strcmp(s->level_name[i], level) == 0)
			break;
	if (i == s->nlevels) {
		if (s->nlevels == MAX_LEVELS)
			return;
		s->level_name[s->nlevels++] = level;
	}
	money_add(&s->by_level[i], g, sp);
}

/* One fund of a measure: granted, spent, carried over checked. */
static void
fund(struct enrich *e, struct ar_state *s, struct ar_measure *m,
    const cJSON *f, int has_comment, int *over)
{
	long long g = 0, sp = 0, c;
	const char *src = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
	    f, "source"));
	int si = src ? index_of(sources, NSOURCES, src) : -1;
	const cJSON *typed = cJSON_GetObjectItemCaseSensitive(f,
	    "carried_over");
	char a[48], b[48], cc[48], t[48];

	if (!en_integer(e, f, "granted", EN_REQUIRED, 0, ENRICH_MAX_AMOUNT,
	    &g) || !en_integer(e, f, "spent", EN_REQUIRED, 0,
	    ENRICH_MAX_AMOUNT, &sp) || si < 0)
		return;
	format_integer(g, a, sizeof(a));
	format_integer(sp, b, sizeof(b));
	format_integer(g - sp, cc, sizeof(cc));
	if (typed != NULL && en_integer(e, f, "carried_over", EN_REQUIRED,
	    -ENRICH_MAX_AMOUNT, ENRICH_MAX_AMOUNT, &c) && c != g - sp) {
		size_t old = en_path_key(e, "carried_over");

		format_integer(c, t, sizeof(t));
		en_error(e, typed, "carried over is given as %s, but granted "
		    "minus spent is %s - %s = %s", t, a, b, cc);
		en_path_pop(e, old);
	}
	if (sp > g) {
		*over = 1;
		if (!has_comment)
			en_error(e, f, "%s spent of %s granted (%s): spending "
			    "above the grant needs a comment on the measure",
			    b, a, src);
	}
	money_add(&m->money, g, sp);
	money_add(&s->by_source[si], g, sp);
	money_add(&s->total, g, sp);
	if (m->goal >= 0)
		money_add(&s->plan.g[m->goal].money, g, sp);
	by_level_add(s, m->level, g, sp);
}

static void
participants(struct enrich *e, struct ar_state *s, const cJSON *list,
    cJSON *v)
{
	const cJSON *p;
	long long units = 0, persons = 0, n;
	char buf[64];

	cJSON_ArrayForEach(p, list) {
		const char *lv = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(p, "level"));
		int li = lv ? index_of(plevels, NPLEVELS, lv) : -1;

		if (li < 0)
			continue;
		n = 0;
		if (en_integer(e, p, "units", EN_OPTIONAL, 0, 1000000, &n)) {
			s->units[li] += n;
			units += n;
		}
		n = 0;
		if (en_integer(e, p, "persons", EN_OPTIONAL, 0, 1000000, &n)) {
			s->persons[li] += n;
			persons += n;
		}
	}
	if (list != NULL) {
		snprintf(buf, sizeof(buf), "%lld / %lld", units, persons);
		view_str(v, "participants", buf);
	} else {
		view_false(v, "participants");
	}
}

/* The report's entries, joined to the plan's measures. */
static void
join_entries(struct enrich *e, struct ar_state *s, const cJSON *list)
{
	const cJSON *x;
	size_t i = 0, old = en_path_key(e, "measures");

	cJSON_ArrayForEach(x, list) {
		size_t o2 = en_path_index(e, i++);
		const char *id = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(x, "measure"));
		struct ar_measure *m = id ? ar_measure_find(&s->plan, id) : NULL;

		if (id != NULL && m == NULL) {
			size_t o3 = en_path_key(e, "measure");

			ar_unknown_id(e, &s->plan, cJSON_GetObjectItemCaseSensitive(
			    x, "measure"), 0, id);
			en_path_pop(e, o3);
		} else if (m != NULL && m->entry != NULL) {
			en_error(e, x, "the measure \"%s\" is reported twice; "
			    "give it one entry", id);
		} else if (m != NULL) {
			m->entry = x;
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

/* One measure's row: status, comment, participants, funds. */
static cJSON *
measure_view(struct enrich *e, struct ar_state *s, struct ar_measure *m,
    const cJSON *list, cJSON *behind)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *x = m->entry, *f;
	const char *st = x ? cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(x, "status")) : NULL;
	const cJSON *comment = cJSON_GetObjectItemCaseSensitive(x, "comment");
	int has_comment = cJSON_IsString(comment) && comment->valuestring[0];
	int active = m->from <= s->year && s->year <= m->to, over = 0;
	size_t idx = 0, old = 0;

	view_str(v, "id", m->id);
	view_str(v, "title", m->title);
	view_text(v, "level", m->level ? ar_label(e, "plevel_", m->level) :
	    NULL);
	cJSON_AddNumberToObject(v, "from", m->from);
	cJSON_AddNumberToObject(v, "to", m->to + 1);
	cJSON_AddNumberToObject(v, "to_year", m->to);
	cJSON_AddBoolToObject(v, "active", active);
	if (active)
		s->active++;
	if (x != NULL) {
		const cJSON *y;

		cJSON_ArrayForEach(y, list) {
			if (y == x)
				break;
			idx++;
		}
		old = en_path_key(e, "measures");
		en_path_index(e, idx);
	}
	if (st != NULL) {
		view_str(v, "status", ar_label(e, "status_", st));
		if (strcmp(st, "gjennomfort") == 0)
			s->done++;
		else if (!has_comment)
			en_error(e, x, "the measure \"%s\" is \"%s\": a comment "
			    "is required unless it was carried out "
			    "(gjennomfort); say what was done and why", m->id,
			    st);
		if (strcmp(st, "gjennomfort") != 0)
			ar_behind(behind, m->title, ar_label(e, "status_", st));
	} else if (active) {
		int line = 0, col = 0, rl = 0, rc = 0;

		view_str(v, "status", label(e, "status_unreported"));
		load_locate(s->plan.doc, m->node, 0, &line, &col);
		/* at the entry, or at the list the entry is missing from */
		load_locate(e->doc, x ? x : list, 0, &rl, &rc);
		pv_diag(e->d, PV_WARNING, e->doc->file, rl, rc, "%s: the "
		    "plan's measure \"%s\" (%s:%d) runs in %d but has no "
		    "status; it is listed as \"%s\"", x ? e->path.data :
		    "measures", m->id, s->plan.doc->file, line, s->year,
		    label(e, "status_unreported"));
		ar_behind(behind, m->title, label(e, "status_unreported"));
	} else {
		view_str(v, "status", label(e, "status_inactive"));
	}
	cJSON_AddBoolToObject(v, "unreported", st == NULL && active);
	{
		size_t o2 = en_path_key(e, "funds");
		size_t k = 0;

		cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(x,
		    "funds")) {
			size_t o3 = en_path_index(e, k++);

			fund(e, s, m, f, has_comment, &over);
			en_path_pop(e, o3);
		}
		en_path_pop(e, o2);
	}
	participants(e, s, cJSON_GetObjectItemCaseSensitive(x,
	    "participants"), v);
	if (x != NULL)
		view_md_member(e, v, "comment_html", x, "comment", 1);
	else
		view_false(v, "comment_html");
	cJSON_AddBoolToObject(v, "over", over);
	view_money(v, &m->money);
	if (x != NULL)
		en_path_pop(e, old);
	return v;
}

void
ar_behind(cJSON *behind, const char *what, const char *status)
{
	cJSON *o = cJSON_CreateObject();

	view_str(o, "what", what);
	view_str(o, "status", status);
	cJSON_AddItemToArray(behind, o);
}

static cJSON *
sum_row(const char *name, const struct ar_money *m)
{
	cJSON *o = cJSON_CreateObject();

	view_str(o, "name", name);
	view_money(o, m);
	return o;
}

/*
 * The goal's measures by the years they run, for the timeline: one row
 * per distinct span, in the order the spans first appear, so a plan
 * whose measures all run the whole period gets one bar per goal, not
 * dozens of identical ones.  A span of one measure is named by it.
 */
static cJSON *
spans_view(struct enrich *e, struct ar_state *s, int goal, const char *name)
{
	cJSON *out = cJSON_CreateArray();
	size_t i, j;

	for (i = 0; i < s->plan.nm; i++) {
		const struct ar_measure *m = &s->plan.m[i];
		int n = 0, seen = 0;
		cJSON *v;

		if (m->goal != goal)
			continue;
		for (j = 0; j < s->plan.nm && !seen; j++) {
			const struct ar_measure *o = &s->plan.m[j];

			if (o->goal != goal || o->from != m->from ||
			    o->to != m->to)
				continue;
			if (j < i)
				seen = 1;
			else
				n++;
		}
		if (seen)
			continue;
		v = cJSON_CreateObject();
		view_item_lang(e, v, n != 1);
		if (n == 1)
			view_str(v, "label", m->title);
		else {
			char *t = pv_xasprintf("%s: %d %s", name, n,
			    label(e, "measure_count"));

			view_str(v, "label", t);
			free(t);
		}
		cJSON_AddNumberToObject(v, "count", n);
		cJSON_AddNumberToObject(v, "from", m->from);
		cJSON_AddNumberToObject(v, "to", m->to + 1);
		cJSON_AddNumberToObject(v, "to_year", m->to);
		cJSON_AddItemToArray(out, v);
	}
	return out;
}

/* The measures grouped by goal, each group with its sum. */
static cJSON *
goals_view(struct enrich *e, struct ar_state *s, const cJSON *list,
    cJSON *behind)
{
	cJSON *out = cJSON_CreateArray();
	size_t gi, i;
	char buf[64];

	for (gi = 0; gi <= s->plan.ng; gi++) {
		int goal = gi < s->plan.ng ? (int)gi : -1;
		cJSON *g = cJSON_CreateObject(), *items = cJSON_CreateArray();
		struct ar_money none = { 0, 0, 0, 0 };
		int n = 0;

		for (i = 0; i < s->plan.nm; i++) {
			if (s->plan.m[i].goal != goal)
				continue;
			cJSON_AddItemToArray(items, measure_view(e, s,
			    &s->plan.m[i], list, behind));
			n++;
			if (goal < 0)
				money_add(&none, s->plan.m[i].money.granted,
				    s->plan.m[i].money.spent);
		}
		if (n == 0) {
			cJSON_Delete(g);
			cJSON_Delete(items);
			continue;
		}
		if (goal >= 0) {
			snprintf(buf, sizeof(buf), "%s %d", label(e, "goal"),
			    goal + 1);
			view_str(g, "number", buf);
			view_str(g, "title", s->plan.g[goal].title);
			view_item_lang(e, g, 0);
			view_money(g, &s->plan.g[goal].money);
		} else {
			view_false(g, "number");
			view_str(g, "title", label(e, "no_goal"));
			view_item_lang(e, g, 1);
			view_money(g, &none);
		}
		cJSON_AddItemToObject(g, "measures", items);
		cJSON_AddItemToObject(g, "spans", spans_view(e, s, goal,
		    goal >= 0 ? buf : label(e, "no_goal")));
		cJSON_AddItemToArray(out, g);
	}
	return out;
}

static cJSON *
meta_view(struct enrich *e, struct ar_state *s, const cJSON *meta)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *owner = cJSON_GetObjectItemCaseSensitive(meta, "owner");
	const char *t = en_string(e, meta, "title", EN_REQUIRED);
	const char *date = en_text(e, meta, "date");
	char buf[128];

	view_str(v, "title", t ? t : "");
	view_str(v, "running_title", t ? t : "");
	view_str(v, "owner", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(owner, "name")));
	view_member(e, v, owner, "unit");
	view_member(e, v, owner, "orgnr");
	cJSON_AddNumberToObject(v, "year", s->year);
	snprintf(buf, sizeof(buf), "%d–%d", s->plan.from, s->plan.to);
	view_str(v, "period", buf);
	view_str(v, "plan_title", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(s->plan.meta, "title")));
	if (date != NULL) {
		format_date(date, buf, sizeof(buf));
		view_str(v, "date", buf);
	} else {
		view_false(v, "date");
	}
	view_member(e, v, meta, "example");
	t = en_text(e, meta, "author");
	view_str(v, "author", t ? t : cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(owner, "name")));
	return v;
}

static cJSON *
sums_views(struct enrich *e, struct ar_state *s)
{
	cJSON *v = cJSON_CreateObject(), *a;
	size_t i;

	a = cJSON_CreateArray();
	for (i = 0; i < s->plan.ng; i++) {
		char name[512], number[64];
		cJSON *o;

		/* "Mål 1" is a label and the title the plan's text: apart
		 * as well, for a template that marks the label's language */
		snprintf(number, sizeof(number), "%s %zu", label(e, "goal"),
		    i + 1);
		snprintf(name, sizeof(name), "%s: %s", number,
		    s->plan.g[i].title);
		o = sum_row(name, &s->plan.g[i].money);
		view_str(o, "number", number);
		view_str(o, "title", s->plan.g[i].title);
		cJSON_AddItemToArray(a, o);
	}
	cJSON_AddItemToObject(v, "by_goal", a);
	a = cJSON_CreateArray();
	for (i = 0; i < s->nlevels; i++)
		cJSON_AddItemToArray(a, sum_row(s->level_name[i][0] ?
		    ar_label(e, "plevel_", s->level_name[i]) :
		    label(e, "no_level"), &s->by_level[i]));
	cJSON_AddItemToObject(v, "by_level", a);
	a = cJSON_CreateArray();
	for (i = 0; i < NSOURCES; i++)
		if (s->by_source[i].has)
			cJSON_AddItemToArray(a, sum_row(ar_label(e, "source_",
			    sources[i]), &s->by_source[i]));
	cJSON_AddItemToObject(v, "by_source", a);
	cJSON_AddItemToObject(v, "total", sum_row(label(e, "sum"), &s->total));
	a = cJSON_CreateArray();
	for (i = 0; i < NPLEVELS; i++) {
		cJSON *o;

		if (s->units[i] == 0 && s->persons[i] == 0)
			continue;
		o = cJSON_CreateObject();
		view_str(o, "name", ar_label(e, "plevel_", plevels[i]));
		view_amount(o, "units", s->units[i]);
		view_amount(o, "persons", s->persons[i]);
		cJSON_AddItemToArray(a, o);
	}
	cJSON_AddItemToObject(v, "participants", a);
	return v;
}

cJSON *
enrich_arsrapport(struct enrich *e, const cJSON *root)
{
	struct ar_state s;
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "meta");
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "measures");
	long long year = 0;
	cJSON *v, *behind, *glance, *sum;
	char buf[256];
	size_t old;

	memset(&s, 0, sizeof(s));
	old = en_path_key(e, "meta");
	en_integer(e, meta, "year", EN_REQUIRED, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &year);
	en_path_pop(e, old);
	s.year = (int)year;
	if (!ar_plan_load(e, meta, &s.plan)) {
		ar_plan_free(&s.plan);
		return NULL;
	}
	if (s.year < s.plan.from || s.year > s.plan.to) {
		int line = 0, col = 0;

		load_locate(s.plan.doc, cJSON_GetObjectItemCaseSensitive(
		    s.plan.meta, "period"), 0, &line, &col);
		old = en_path_key(e, "meta");
		en_path_key(e, "year");
		en_error(e, cJSON_GetObjectItemCaseSensitive(meta, "year"),
		    "the report year %d is outside the plan's period %d–%d "
		    "(%s:%d)", s.year, s.plan.from, s.plan.to,
		    s.plan.doc->file, line);
		en_path_pop(e, old);
	}
	join_entries(e, &s, list);

	v = cJSON_CreateObject();
	view_lang(e, v);
	cJSON_AddItemToObject(v, "labels", cJSON_Duplicate(e->labels, 1));
	old = en_path_key(e, "meta");
	cJSON_AddItemToObject(v, "meta", meta_view(e, &s, meta));
	en_path_pop(e, old);
	behind = cJSON_CreateArray();
	cJSON_AddItemToObject(v, "goals", goals_view(e, &s, list, behind));
	cJSON_AddNumberToObject(v, "year", s.year);
	cJSON_AddItemToObject(v, "sums", sums_views(e, &s));
	glance = cJSON_CreateArray();
	old = en_path_key(e, "assessment");
	cJSON_AddItemToObject(v, "assessment", ar_assessment(e, &s.plan,
	    cJSON_GetObjectItemCaseSensitive(root, "assessment"), glance));
	en_path_pop(e, old);
	old = en_path_key(e, "indicators");
	cJSON_AddItemToObject(v, "indicators", ar_indicators(e, &s.plan,
	    cJSON_GetObjectItemCaseSensitive(root, "indicators"), s.year,
	    behind));
	en_path_pop(e, old);

	sum = cJSON_CreateObject();
	view_money(sum, &s.total);
	snprintf(buf, sizeof(buf), "%d %s %d (%d %%)", s.done, label(e, "of"),
	    s.active, s.active ? (s.done * 100 + s.active / 2) / s.active : 0);
	view_str(sum, "share_done", buf);
	cJSON_AddItemToObject(sum, "ratings", glance);
	cJSON_AddBoolToObject(sum, "has_behind", cJSON_GetArraySize(behind) >
	    0);
	cJSON_AddItemToObject(sum, "behind", behind);
	view_md_member(e, sum, "text_html", root, "summary", 0);
	cJSON_AddItemToObject(v, "summary", sum);
	/* Layout draws the chart tables (docs/vocabulary.md, "Charts");
	 * the flag lets a municipality's templates leave them out. */
	cJSON_AddTrueToObject(v, "charts");
	ar_plan_free(&s.plan);
	return v;
}
