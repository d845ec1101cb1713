/*
 * plandiff.c - compare two versions of a plan by the ids of its items
 * (plandiff.h).
 *
 * Items are found by where they stand, not by type name: an object in
 * an array under "goals", "measures", "indicators", "people", "body",
 * "sections" or "assessment" (or under "items" of an object so named, as
 * the measures and indicators blocks hold them).  So one walk serves
 * every type, and a new type with the same names gets a diff for free.
 * An item's members are compared leaf by leaf ("period.from"), leaving
 * out the items it holds (a goal's measures are items of their own).
 */
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "plandiff.h"

struct item {
	const char *kind;
	const char *idkey;      /* the member that is its id, or NULL */
	const char *id;         /* NULL: a section known by its title */
	const char *title;
	const cJSON *obj;
	int used;               /* matched with an item of the other side */
};

struct items {
	struct item *v;
	size_t n, cap;
};

/* The kind of item an object in an array under ckey is, and its id
 * member; NULL when it is not an item. */
static const char *
item_kind(const char *ckey, const cJSON *obj, const char **idkey)
{
	static const struct {
		const char *ckey, *kind, *id, *alt;
	} kinds[] = {
		{ "goals", "goal", "id", NULL },
		{ "measures", "measure", "id", "measure" },
		{ "indicators", "indicator", "id", "indicator" },
		{ "people", "person", "id", NULL },
		{ "body", "section", "id", NULL },
		{ "sections", "section", "id", NULL },
		{ "assessment", "assessment", "mark", NULL },
	};
	size_t i;

	*idkey = NULL;
	if (ckey == NULL || !cJSON_IsObject(obj))
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(ckey, kinds[i].ckey) != 0)
			continue;
		if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(obj,
		    kinds[i].id)))
			*idkey = kinds[i].id;
		else if (kinds[i].alt != NULL && cJSON_IsString(
		    cJSON_GetObjectItemCaseSensitive(obj, kinds[i].alt)))
			*idkey = kinds[i].alt;
		else if (strcmp(kinds[i].kind, "section") != 0 ||
		    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(obj,
		    "title")))
			return NULL;
		return kinds[i].kind;
	}
	return NULL;
}

/* The key that names an array's items: "items" stands for its holder's. */
static const char *
collection_key(const char *key, const char *holder_key)
{
	return key != NULL && strcmp(key, "items") == 0 ? holder_key : key;
}

/* Whether an array holds items (then they are compared on their own). */
static int
is_item_array(const cJSON *arr, const char *ckey)
{
	const cJSON *e;
	const char *idkey;

	if (!cJSON_IsArray(arr))
		return 0;
	cJSON_ArrayForEach(e, arr)
		if (item_kind(ckey, e, &idkey) != NULL)
			return 1;
	return 0;
}

static const char *
str_member(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void
collect(const cJSON *node, const char *node_key, struct items *out)
{
	const cJSON *m, *e;

	cJSON_ArrayForEach(m, node) {
		const char *k = m->string, *ckey;

		if (cJSON_IsObject(m)) {
			collect(m, k, out);
			continue;
		}
		if (!cJSON_IsArray(m))
			continue;
		ckey = collection_key(k, node_key);
		cJSON_ArrayForEach(e, m) {
			struct item it;

			memset(&it, 0, sizeof(it));
			if ((it.kind = item_kind(ckey, e, &it.idkey)) != NULL) {
				it.id = it.idkey ? str_member(e, it.idkey) : NULL;
				it.title = str_member(e, "title");
				if (it.title == NULL)
					it.title = str_member(e, "name");
				it.obj = e;
				if (out->n == out->cap) {
					out->cap = out->cap ? out->cap * 2 : 32;
					out->v = pv_xreallocarray(out->v,
					    out->cap, sizeof(*out->v));
				}
				out->v[out->n++] = it;
			}
			if (cJSON_IsObject(e))
				collect(e, ckey, out);
		}
	}
}

static int
same_item(const struct item *a, const struct item *b)
{
	if (strcmp(a->kind, b->kind) != 0 || (a->id == NULL) != (b->id == NULL))
		return 0;
	if (a->id != NULL)
		return strcmp(a->id, b->id) == 0;
	return strcmp(a->title, b->title) == 0;
}

static struct plandiff_change *
add_change(struct plandiff *pd, const struct item *it, enum plandiff_what w)
{
	struct plandiff_change *c;

	if (pd->n == pd->cap) {
		pd->cap = pd->cap ? pd->cap * 2 : 16;
		pd->v = pv_xreallocarray(pd->v, pd->cap, sizeof(*pd->v));
	}
	c = &pd->v[pd->n++];
	memset(c, 0, sizeof(*c));
	c->kind = it->kind;
	c->id = it->id ? pv_xstrdup(it->id) : NULL;
	c->what = w;
	c->title = it->title ? pv_xstrdup(it->title) : NULL;
	return c;
}

/* Members that hold money: a change of a number under one of them
 * ("budget", "continued_measures.economy.owner") is an amount. */
static int
is_amount_member(const char *path)
{
	static const char *const money[] = { "budget", "economy", "funds",
	    "amounts", "allocation", "cost", "granted", "spent" };
	size_t i, n;

	for (; *path != '\0'; path += n + (path[n] != '\0')) {
		n = strcspn(path, ".[");
		for (i = 0; i < sizeof(money) / sizeof(money[0]); i++)
			if (strlen(money[i]) == n &&
			    strncmp(path, money[i], n) == 0)
				return 1;
	}
	return 0;
}

static int
all_scalars(const cJSON *arr)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, arr)
		if (cJSON_IsObject(e) || cJSON_IsArray(e))
			return 0;
	return 1;
}

struct cmp {
	struct plandiff *pd;
	const struct item *it;
};

static void compare_members(struct cmp *, const cJSON *o, const cJSON *n,
    const char *prefix, const char *node_key);

static void
changed(struct cmp *c, const char *path, const cJSON *o, const cJSON *n)
{
	struct plandiff_change *ch = add_change(c->pd, c->it,
	    PLANDIFF_CHANGED);

	ch->member = pv_xstrdup(path);
	ch->old = o ? cJSON_Duplicate(o, 1) : NULL;
	ch->new = n ? cJSON_Duplicate(n, 1) : NULL;
	ch->amount = is_amount_member(path) &&
	    (cJSON_IsNumber(o) || cJSON_IsNumber(n));
}

static void
compare_values(struct cmp *c, const char *path, const cJSON *o,
    const cJSON *n, const char *key)
{
	if (cJSON_IsObject(o) && cJSON_IsObject(n)) {
		compare_members(c, o, n, path, key);
		return;
	}
	if (cJSON_IsArray(o) && cJSON_IsArray(n) && !(all_scalars(o) &&
	    all_scalars(n)) && cJSON_GetArraySize(o) == cJSON_GetArraySize(n)) {
		/* element by element: "content[2].p", not the whole text */
		const cJSON *a = o->child, *b = n->child;
		int i = 0;

		for (; a != NULL && b != NULL; a = a->next, b = b->next, i++) {
			char *p = pv_xasprintf("%s[%d]", path, i);

			compare_values(c, p, a, b, key);
			free(p);
		}
		return;
	}
	if (o == NULL || n == NULL || !cJSON_Compare(o, n, 1))
		changed(c, path, o, n);
}

static int
left_out(const char *k, const char *prefix, const struct item *it)
{
	if (k == NULL || k[0] == '_' || strcmp(k, "$schema") == 0)
		return 1;
	return prefix[0] == '\0' && it->idkey != NULL &&
	    strcmp(k, it->idkey) == 0;
}

static void
compare_member(struct cmp *c, const char *k, const cJSON *o, const cJSON *n,
    const char *prefix, const char *node_key)
{
	const char *ckey = collection_key(k, node_key);
	char *path;

	if (is_item_array(o, ckey) || is_item_array(n, ckey))
		return;
	path = prefix[0] ? pv_xasprintf("%s.%s", prefix, k) : pv_xstrdup(k);
	compare_values(c, path, o, n, ckey);
	free(path);
}

static void
compare_members(struct cmp *c, const cJSON *o, const cJSON *n,
    const char *prefix, const char *node_key)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, n)
		if (!left_out(m->string, prefix, c->it))
			compare_member(c, m->string,
			    cJSON_GetObjectItemCaseSensitive(o, m->string), m,
			    prefix, node_key);
	cJSON_ArrayForEach(m, o)
		if (!left_out(m->string, prefix, c->it) &&
		    cJSON_GetObjectItemCaseSensitive(n, m->string) == NULL)
			compare_member(c, m->string, m, NULL, prefix, node_key);
}

void
plandiff_compare(const cJSON *old_root, const cJSON *new_root,
    struct plandiff *pd)
{
	struct items olds = { NULL, 0, 0 }, news = { NULL, 0, 0 };
	size_t i, j;

	memset(pd, 0, sizeof(*pd));
	collect(old_root, NULL, &olds);
	collect(new_root, NULL, &news);
	{
		/* the document itself: meta, amounts, everything that is
		 * not an item */
		struct item doc = { "document", NULL, NULL, NULL, new_root, 0 };
		struct cmp c = { pd, &doc };

		compare_members(&c, old_root, new_root, "", NULL);
	}
	for (i = 0; i < news.n; i++) {
		struct item *ni = &news.v[i], *oi = NULL;

		for (j = 0; j < olds.n && oi == NULL; j++)
			if (!olds.v[j].used && same_item(&olds.v[j], ni))
				oi = &olds.v[j];
		if (oi == NULL) {
			add_change(pd, ni, PLANDIFF_ADDED);
			continue;
		}
		oi->used = 1;
		/* a section known only by its title: nothing else to match */
		if (ni->id != NULL) {
			struct cmp c = { pd, ni };

			compare_members(&c, oi->obj, ni->obj, "", NULL);
		}
	}
	for (j = 0; j < olds.n; j++)
		if (!olds.v[j].used)
			add_change(pd, &olds.v[j], PLANDIFF_REMOVED);
	free(olds.v);
	free(news.v);
}

void
plandiff_free(struct plandiff *pd)
{
	size_t i;

	for (i = 0; i < pd->n; i++) {
		free(pd->v[i].id);
		free(pd->v[i].member);
		free(pd->v[i].title);
		cJSON_Delete(pd->v[i].old);
		cJSON_Delete(pd->v[i].new);
	}
	free(pd->v);
	memset(pd, 0, sizeof(*pd));
}

/* s cut at max characters (UTF-8), "…" when cut. */
static void
put_cut(struct pv_buf *b, const char *s, size_t max)
{
	size_t i = 0, chars = 0;

	while (s[i] != '\0' && chars < max) {
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	pv_buf_put(b, s, i);
	if (s[i] != '\0')
		pv_buf_puts(b, "…");
}

char *
plandiff_value_text(const cJSON *v, size_t max)
{
	struct pv_buf b;
	char *s;

	pv_buf_init(&b);
	if (v == NULL) {
		pv_buf_puts(&b, "(none)");
	} else if (cJSON_IsString(v)) {
		/* one line: a newline in the text would break the list */
		pv_buf_putc(&b, '"');
		s = pv_xstrdup(v->valuestring);
		for (char *p = s; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		put_cut(&b, s, max);
		free(s);
		pv_buf_putc(&b, '"');
	} else {
		s = cJSON_PrintUnformatted(v);
		if (s == NULL)
			pv_out_of_memory();
		put_cut(&b, s, max);
		cJSON_free(s);
	}
	return pv_buf_take(&b);
}
