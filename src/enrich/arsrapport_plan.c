/*
 * arsrapport_plan.c - the plan an årsrapport reports on: loaded from its
 * path (relative to the report), validated against the kompetanseplan
 * schema, and indexed by its ids (goals, measures, indicators) so the
 * report can be joined to it.  Unknown ids get a "did you mean" that
 * points into the plan's file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "../validate/validate.h"
#include "arsrapport.h"
#include "../util/similar.h"

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/* The year of a year (2019) or a date ("2019-08-01"); 0 if neither. */
static int
year_of(const cJSON *v)
{
	if (cJSON_IsNumber(v))
		return (int)v->valuedouble;
	if (cJSON_IsString(v) && strlen(v->valuestring) >= 4)
		return atoi(v->valuestring);
	return 0;
}

static void
add_measure(struct ar_plan *p, const cJSON *x, int goal, const char *level)
{
	const cJSON *per = cJSON_GetObjectItemCaseSensitive(x, "period");
	const cJSON *yr = cJSON_GetObjectItemCaseSensitive(x, "year");
	struct ar_measure *m;

	if (!cJSON_IsObject(x) || str(x, "id") == NULL)
		return;
	PV_GROW(p->m, p->capm, p->nm + 1);
	m = &p->m[p->nm++];
	memset(m, 0, sizeof(*m));
	m->node = x;
	m->id = str(x, "id");
	m->title = str(x, "title") ? str(x, "title") : m->id;
	m->level = str(x, "level") ? str(x, "level") : level;
	m->goal = goal;
	/* a measure without its own time runs the whole plan period */
	m->from = p->from;
	m->to = p->to;
	if (cJSON_IsObject(per)) {
		m->from = year_of(cJSON_GetObjectItemCaseSensitive(per, "from"));
		m->to = year_of(cJSON_GetObjectItemCaseSensitive(per, "to"));
	} else if (cJSON_IsNumber(yr)) {
		m->from = m->to = year_of(yr);
	}
}

/* Every goal, measure and indicator, in document order, wherever they
 * stand (sections, boxes, goals' content). */
static void
walk(struct ar_plan *p, const cJSON *n, int goal, const char *level)
{
	const cJSON *k, *x;

	if (cJSON_IsArray(n)) {
		cJSON_ArrayForEach(x, n)
			walk(p, x, goal, level);
		return;
	}
	if (!cJSON_IsObject(n))
		return;
	cJSON_ArrayForEach(k, n) {
		if (strcmp(k->string, "goals") == 0 && cJSON_IsArray(k)) {
			cJSON_ArrayForEach(x, k) {
				if (!cJSON_IsObject(x))
					continue;
				PV_GROW(p->g, p->capg, p->ng + 1);
				memset(&p->g[p->ng], 0, sizeof(p->g[0]));
				p->g[p->ng].node = x;
				p->g[p->ng].id = str(x, "id");
				p->g[p->ng].title = str(x, "title") ?
				    str(x, "title") : "";
				p->ng++;
				walk(p, x, (int)p->ng - 1, level);
			}
		} else if (strcmp(k->string, "measures") == 0) {
			const cJSON *items = cJSON_IsArray(k) ? k :
			    cJSON_GetObjectItemCaseSensitive(k, "items");
			const char *lv = str(k, "level") ? str(k, "level") :
			    level;

			cJSON_ArrayForEach(x, items)
				add_measure(p, x, goal, lv);
		} else if (strcmp(k->string, "indicators") == 0 &&
		    cJSON_IsObject(k)) {
			cJSON_ArrayForEach(x,
			    cJSON_GetObjectItemCaseSensitive(k, "items")) {
				if (str(x, "id") == NULL)
					continue;
				PV_GROW(p->ind, p->capi, p->ni + 1);
				p->ind[p->ni++] = x;
			}
		} else {
			walk(p, k, goal, level);
		}
	}
}

int
ar_plan_load(struct enrich *e, const cJSON *meta, struct ar_plan *p)
{
	const cJSON *pv = cJSON_GetObjectItemCaseSensitive(meta, "plan");
	char *dir, *path, *tdir, *spath;
	struct schema *schema = NULL;
	size_t errors = e->d->errors, old;
	enum pv_status st;

	memset(p, 0, sizeof(*p));
	if (!cJSON_IsString(pv))
		return 0;
	dir = pv_dirname(e->doc->file);
	path = pv->valuestring[0] == '/' || strcmp(dir, ".") == 0 ?
	    pv_xstrdup(pv->valuestring) : pv_path_join(dir, pv->valuestring);
	free(dir);
	old = en_path_key(e, "meta");
	en_path_key(e, "plan");
	if (load_json_file(path, &p->doc, e->d) != PV_OK) {
		en_error(e, pv, "the plan this report is on, \"%s\", could not "
		    "be read (the path is relative to the report)", path);
		free(path);
		en_path_pop(e, old);
		return 0;
	}
	free(path);
	/* the plan's schema: the kompetanseplan folder beside this type's */
	tdir = pv_dirname(e->type_dir);
	spath = pv_xasprintf("%s/kompetanseplan/schema.json", tdir);
	free(tdir);
	st = schema_load(spath, &schema, e->d);
	free(spath);
	if (st == PV_OK)
		st = validate_document(schema, p->doc, e->d);
	schema_free(schema);
	if (st != PV_OK || e->d->errors > errors) {
		en_error(e, pv, "the plan %s is not a valid kompetanseplan (see "
		    "above); the report is joined to it by its ids",
		    p->doc->file);
		en_path_pop(e, old);
		return 0;
	}
	en_path_pop(e, old);
	ar_plan_index(p);
	return 1;
}

void
ar_plan_index(struct ar_plan *p)
{
	const cJSON *per;

	p->meta = cJSON_GetObjectItemCaseSensitive(p->doc->root, "meta");
	per = cJSON_GetObjectItemCaseSensitive(p->meta, "period");
	p->from = year_of(cJSON_GetObjectItemCaseSensitive(per, "from"));
	p->to = year_of(cJSON_GetObjectItemCaseSensitive(per, "to"));
	walk(p, cJSON_GetObjectItemCaseSensitive(p->doc->root, "body"), -1,
	    NULL);
}

void
ar_plan_free(struct ar_plan *p)
{
	free(p->g);
	free(p->m);
	free(p->ind);
	loaded_json_free(p->doc);
	memset(p, 0, sizeof(*p));
}

struct ar_measure *
ar_measure_find(struct ar_plan *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nm; i++)
		if (strcmp(p->m[i].id, id) == 0)
			return &p->m[i];
	return NULL;
}

const cJSON *
ar_indicator_find(struct ar_plan *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->ni; i++)
		if (strcmp(str(p->ind[i], "id"), id) == 0)
			return p->ind[i];
	return NULL;
}

void
ar_unknown_id(struct enrich *e, struct ar_plan *p, const cJSON *where,
    int indicator, const char *id)
{
	const char *what = indicator ? "indicator" : "measure", *best = NULL;
	const cJSON *bnode = NULL;
	size_t i, n = indicator ? p->ni : p->nm, bd = 999;
	int line = 0, col = 0;

	for (i = 0; i < n; i++) {
		const cJSON *node = indicator ? p->ind[i] : p->m[i].node;
		const char *c = str(node, "id");
		size_t d = pv_edit_distance(id, c, 0);

		if (d < bd) {
			bd = d;
			best = c;
			bnode = node;
		}
	}
	if (best != NULL && bd <= 3 + strlen(id) / 4) {
		load_locate(p->doc, cJSON_GetObjectItemCaseSensitive(bnode,
		    "id"), 0, &line, &col);
		en_error(e, where, "the plan has no %s \"%s\"; did you mean "
		    "\"%s\" (%s:%d)?", what, id, best, p->doc->file, line);
	} else {
		en_error(e, where, "the plan %s has no %s \"%s\"",
		    p->doc->file, what, id);
	}
}
