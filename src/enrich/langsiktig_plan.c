/*
 * langsiktig_plan.c - the enrichment module of the langsiktig-plan type
 * (a regional long-term plan for competence development, Innlandet):
 * the plan model of a kompetanseplan (meta, sections numbered to three
 * levels, blocks), and the two things only this type computes, the
 * allocation model and the year wheel, each placed in the section the
 * document names.  Registered in types.c; the view model is documented
 * in templates/langsiktig-plan/README.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "langsiktig.h"

void
lp_amount(cJSON *o, const char *key, long long v)
{
	char buf[48];

	format_integer(v, buf, sizeof(buf));
	view_str(o, key, buf);
}

void
lp_error_at(struct enrich *e, const cJSON *root, const char *msg,
    const char *key, ...)
{
	const cJSON *node = root, *next;
	size_t old = e->path.len;
	va_list ap;

	va_start(ap, key);
	for (; key != NULL; key = va_arg(ap, const char *)) {
		if (key[0] == '#') {
			/* "#3": item 3 of a list */
			int i = 0;

			sscanf(key + 1, "%d", &i);
			jpath_push_index(&e->path, (size_t)i);
			next = cJSON_GetArrayItem(node, i);
		} else {
			jpath_push_key(&e->path, key);
			next = cJSON_GetObjectItemCaseSensitive(node, key);
		}
		if (next == NULL)
			break;
		node = next;
	}
	va_end(ap);
	en_error(e, node, "%s", msg);
	jpath_pop(&e->path, old);
}

/* Put each computed view into the section whose id the document names;
 * every other section says false, so that Mustache does not find a
 * parent's in a subsection. */
static int
place(cJSON *sections, const char *key, const char *id, const cJSON *view)
{
	cJSON *s;
	int found = 0;

	cJSON_ArrayForEach(s, sections) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(s, "anchor");
		int here = view != NULL && id != NULL && cJSON_IsString(a) &&
		    strcmp(a->valuestring, id) == 0 && !found;

		if (here) {
			cJSON_AddItemToObject(s, key, cJSON_Duplicate(view, 1));
			found = 1;
		} else {
			cJSON_AddFalseToObject(s, key);
		}
		found |= place(cJSON_GetObjectItemCaseSensitive(s,
		    "sections"), key, found ? NULL : id, view);
	}
	return found;
}

static void
attach(struct enrich *e, cJSON *v, const cJSON *root, const char *member,
    const char *key, cJSON *view)
{
	const cJSON *obj = cJSON_GetObjectItemCaseSensitive(root, member);
	const cJSON *sec = cJSON_GetObjectItemCaseSensitive(obj, "section");
	const char *id = cJSON_IsString(sec) ? sec->valuestring : NULL;

	if (!place(cJSON_GetObjectItemCaseSensitive(v, "sections"), key, id,
	    view) && view != NULL) {
		char msg[256];

		snprintf(msg, sizeof(msg), "no section has the id \"%s\"; the "
		    "%s goes in the section it names", id ? id : "",
		    strcmp(key, "wheel") == 0 ? "year wheel" : "allocation "
		    "table");
		lp_error_at(e, root, msg, member, "section", (char *)NULL);
	}
}

cJSON *
enrich_langsiktig_plan(struct enrich *e, const cJSON *root)
{
	const cJSON *alloc, *wheel, *meta;
	cJSON *v, *av = NULL, *wv = NULL, *vm;
	size_t old;

	v = enrich_kompetanseplan(e, root);
	if (v == NULL)
		return NULL;
	meta = cJSON_GetObjectItemCaseSensitive(root, "meta");
	vm = cJSON_GetObjectItemCaseSensitive(v, "meta");
	if (vm != NULL) {
		old = en_path_key(e, "meta");
		view_member(e, vm, meta, "example");
		en_path_pop(e, old);
	}
	alloc = en_get(e, root, "allocation", EN_OBJECT, EN_OPTIONAL);
	if (alloc != NULL) {
		old = en_path_key(e, "allocation");
		av = lp_allocation(e, alloc);
		en_path_pop(e, old);
	}
	wheel = en_get(e, root, "year_wheel", EN_OBJECT, EN_OPTIONAL);
	if (wheel != NULL) {
		old = en_path_key(e, "year_wheel");
		wv = lp_wheel(e, wheel);
		en_path_pop(e, old);
	}
	attach(e, v, root, "allocation", "allocation", av);
	attach(e, v, root, "year_wheel", "wheel", wv);
	cJSON_Delete(av);
	cJSON_Delete(wv);
	return v;
}
