/*
 * plandiff_view.c - the appendix "changes since the previous version" as
 * view model: one entry per change, every text already in the labels'
 * language, so the templates only lay out a table (see the types'
 * README, "changes").
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "format.h"
#include "plandiff.h"

/* Longest old or new value shown in the table, in characters. */
#define VIEW_VALUE_MAX 80

static const char *
label(const cJSON *labels, const char *key, const char *fallback)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(labels, key);

	return cJSON_IsString(l) ? l->valuestring : fallback;
}

/* A value for the table: text without quotes, a number as Norwegian
 * documents print it ("150 000"), nothing when absent. */
static char *
cell(const cJSON *v)
{
	char *t, *s;
	size_t n;

	if (v == NULL)
		return pv_xstrdup("");
	if (cJSON_IsNumber(v)) {
		char num[64];

		format_number(v->valuedouble, num, sizeof(num));
		return pv_xstrdup(num);
	}
	t = plandiff_value_text(v, VIEW_VALUE_MAX);
	n = strlen(t);
	if (cJSON_IsString(v) && n >= 2) {
		s = pv_xstrndup(t + 1, n - 2);
		free(t);
		return s;
	}
	return t;
}

/* The member's name in the labels' language: change_member_KEY, or the
 * label of that name the type already has ("budget": "Budsjett (kr)"),
 * or NULL (then the member as written in the plan). */
static const char *
member_label(const cJSON *labels, const char *member)
{
	char *key = pv_xasprintf("change_member_%s", member);
	const char *l = label(labels, key, NULL);

	free(key);
	if (l == NULL && strcspn(member, ".[") == strlen(member))
		l = label(labels, member, NULL);
	return l;
}

static void
add_str_or_false(cJSON *e, const char *key, const char *s)
{
	if (s != NULL)
		cJSON_AddStringToObject(e, key, s);
	else
		cJSON_AddFalseToObject(e, key);
}

cJSON *
plandiff_view(const struct plandiff *pd, const cJSON *labels)
{
	static const char *const what_key[] = { "change_added",
	    "change_removed", "change_changed" };
	static const char *const what_word[] = { "added", "removed",
	    "changed" };
	cJSON *list = cJSON_CreateArray();
	size_t i;

	if (list == NULL)
		pv_out_of_memory();
	for (i = 0; i < pd->n; i++) {
		const struct plandiff_change *c = &pd->v[i];
		cJSON *e = cJSON_CreateObject();
		char *kind_key = pv_xasprintf("change_kind_%s", c->kind);
		char *o, *n, *title = NULL;
		const char *ml = NULL;

		if (e == NULL)
			pv_out_of_memory();
		if (c->title != NULL) {
			cJSON *t = cJSON_CreateString(c->title);

			title = cell(t);
			cJSON_Delete(t);
		}
		if (c->member != NULL)
			ml = member_label(labels, c->member);
		o = cell(c->old);
		n = cell(c->new);
		/* label words and the plan's words apart: the labels may
		 * be in another language (--lang) */
		cJSON_AddStringToObject(e, "kind", c->kind);
		cJSON_AddStringToObject(e, "kind_label", label(labels,
		    kind_key, c->kind));
		add_str_or_false(e, "id", c->id);
		add_str_or_false(e, "title", title);
		cJSON_AddStringToObject(e, "change", what_word[c->what]);
		cJSON_AddStringToObject(e, "change_label", label(labels,
		    what_key[c->what], what_word[c->what]));
		add_str_or_false(e, "member_label", ml);
		add_str_or_false(e, "member", ml == NULL ? c->member : NULL);
		cJSON_AddStringToObject(e, "old", o);
		cJSON_AddStringToObject(e, "new", n);
		cJSON_AddItemToArray(list, e);
		free(kind_key);
		free(title);
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
