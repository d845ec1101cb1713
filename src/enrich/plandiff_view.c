/*
 * plandiff_view.c - the appendix "changes since the previous version" as
 * view model: one entry per change, every text already in the labels'
 * language, so the templates only lay out a table (see the types'
 * README, "changes").
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "plandiff.h"

/* Longest old or new value shown in the table, in characters. */
#define VIEW_VALUE_MAX 80

static const char *
label(const cJSON *labels, const char *key, const char *fallback)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(labels, key);

	return cJSON_IsString(l) ? l->valuestring : fallback;
}

/* A value for the table: text without quotes, nothing when absent. */
static char *
cell(const cJSON *v)
{
	char *t, *s;
	size_t n;

	if (v == NULL)
		return pv_xstrdup("");
	t = plandiff_value_text(v, VIEW_VALUE_MAX);
	n = strlen(t);
	if (cJSON_IsString(v) && n >= 2) {
		s = pv_xstrndup(t + 1, n - 2);
		free(t);
		return s;
	}
	return t;
}

cJSON *
plandiff_view(const struct plandiff *pd, const cJSON *labels)
{
	cJSON *list = cJSON_CreateArray();
	size_t i;

	if (list == NULL)
		pv_out_of_memory();
	for (i = 0; i < pd->n; i++) {
		const struct plandiff_change *c = &pd->v[i];
		cJSON *e = cJSON_CreateObject();
		char *kind_key = pv_xasprintf("change_kind_%s", c->kind);
		char *what, *change, *o, *n;
		const char *kind = label(labels, kind_key, c->kind);

		if (e == NULL)
			pv_out_of_memory();
		/* "Tiltak m1-eier-2: Title", or the title alone for a
		 * section that has no id */
		if (c->id != NULL && c->title != NULL)
			what = pv_xasprintf("%s %s: %s", kind, c->id, c->title);
		else if (c->id != NULL)
			what = pv_xasprintf("%s %s", kind, c->id);
		else
			what = pv_xasprintf("%s: %s", kind, c->title);
		if (c->what == PLANDIFF_ADDED)
			change = pv_xstrdup(label(labels, "change_added",
			    "added"));
		else if (c->what == PLANDIFF_REMOVED)
			change = pv_xstrdup(label(labels, "change_removed",
			    "removed"));
		else
			change = pv_xasprintf("%s: %s", label(labels,
			    "change_changed", "changed"), c->member);
		o = cell(c->old);
		n = cell(c->new);
		cJSON_AddStringToObject(e, "kind", c->kind);
		if (c->id != NULL)
			cJSON_AddStringToObject(e, "id", c->id);
		else
			cJSON_AddFalseToObject(e, "id");
		cJSON_AddStringToObject(e, "what", what);
		cJSON_AddStringToObject(e, "change", change);
		cJSON_AddStringToObject(e, "old", o);
		cJSON_AddStringToObject(e, "new", n);
		cJSON_AddItemToArray(list, e);
		free(kind_key);
		free(what);
		free(change);
		free(o);
		free(n);
	}
	return list;
}

void
plandiff_view_set(cJSON *view, const struct plandiff *pd)
{
	const cJSON *labels = cJSON_GetObjectItemCaseSensitive(view, "labels");
	int has = pd != NULL && pd->n > 0;

	cJSON_DeleteItemFromObjectCaseSensitive(view, "changes");
	cJSON_DeleteItemFromObjectCaseSensitive(view, "has_changes");
	/* false, not a missing key, when there is nothing to show: Mustache
	 * would look a missing one up in an enclosing context */
	cJSON_AddItemToObject(view, "changes", has ?
	    plandiff_view(pd, labels) : cJSON_CreateFalse());
	cJSON_AddBoolToObject(view, "has_changes", has);
}
