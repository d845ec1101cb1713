/*
 * behovsmelding.c - the enrichment of a behovsmelding (the needs report
 * for the grant schemes for local competence development): the answers of
 * the JSON put into the form's order, with the form's questions from the
 * labels, tick boxes as booleans, and the money table computed (owner +
 * UH = total per scheme, the column sums), every total the JSON types
 * checked against the computed one (behovsmelding_money.c).  The grant
 * rules of rules.json are in behovsmelding_rules.c; the view model is documented in
 * templates/behovsmelding/README.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "behovsmelding.h"
#include "format.h"

const char *const bm_schemes[BM_NSCHEMES] = {
	"regional", "desentralisert", "kompetanseloftet",
};

static const char *const unit_keys[] = {
	"kommunale_barnehager", "private_barnehager", "offentlige_skoler",
	"private_skoler", "pp_tjenester",
};
#define NUNITS (sizeof(unit_keys) / sizeof(unit_keys[0]))

int
bm_scheme_index(const char *key)
{
	int i;

	for (i = 0; key != NULL && i < BM_NSCHEMES; i++)
		if (strcmp(bm_schemes[i], key) == 0)
			return i;
	return -1;
}

/* A string member, or "" (the schema made it one when present). */
static const char *
member_str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o,
	    key));

	return s != NULL ? s : "";
}

const char *
bm_label(const struct enrich *e, const char *prefix, const char *key)
{
	char k[64];

	snprintf(k, sizeof(k), "%s%s", prefix, key);
	return label(e, k);
}

const char *
bm_scheme_label(const struct enrich *e, int scheme)
{
	return bm_label(e, "scheme_", bm_schemes[scheme]);
}

/* A label with "{name}" replaced by a number, as view member key. */
static void
view_filled(const struct enrich *e, cJSON *o, const char *key,
    const char *name, long long value)
{
	const char *t = label(e, key), *p;
	size_t nl = strlen(name);
	struct pv_buf b;

	pv_buf_init(&b);
	while ((p = strchr(t, '{')) != NULL) {
		pv_buf_put(&b, t, (size_t)(p - t));
		if (strncmp(p + 1, name, nl) == 0 && p[1 + nl] == '}') {
			pv_buf_printf(&b, "%lld", value);
			t = p + nl + 2;
		} else {
			pv_buf_put(&b, p, 1);
			t = p + 1;
		}
	}
	pv_buf_puts(&b, t);
	view_str(o, key, b.data ? b.data : "");
	pv_buf_free(&b);
}

void
bm_diag(struct enrich *e, enum pv_level level, const cJSON *node,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	en_vdiag(e, level, node, fmt, ap);
	va_end(ap);
}

static cJSON *
meta_view(struct enrich *e, const cJSON *meta, int year)
{
	cJSON *v = cJSON_CreateObject();
	const char *t = en_string(e, meta, "title", EN_REQUIRED);
	const char *date = en_text(e, meta, "date");
	char buf[64];

	view_str(v, "title", t ? t : "");
	view_str(v, "running_title", t ? t : "");
	cJSON_AddNumberToObject(v, "year", year);
	if (date != NULL) {
		format_date(date, buf, sizeof(buf));
		view_str(v, "date", buf);
	} else {
		view_false(v, "date");
	}
	t = en_text(e, meta, "author");
	view_str(v, "author", t ? t : "");
	return v;
}

/* "Behovsmeldingen gjelder:": every scheme with its box. */
static cJSON *
schemes_view(struct enrich *e, const cJSON *scheme, int *ticked, int *nticked)
{
	cJSON *a = cJSON_CreateArray();
	int i;

	*nticked = 0;
	*ticked = -1;
	for (i = 0; i < BM_NSCHEMES; i++) {
		cJSON *o = cJSON_CreateObject();
		int on = en_bool(e, scheme, bm_schemes[i], 0);

		view_str(o, "name", bm_label(e, "scheme_", bm_schemes[i]));
		cJSON_AddBoolToObject(o, "checked", on);
		cJSON_AddItemToArray(a, o);
		if (on) {
			(*nticked)++;
			*ticked = i;
		}
	}
	return a;
}

/* "Træna, Lurøy, Leirfjord og Alstahaug": names joined as prose. */
static void
view_joined(const struct enrich *e, cJSON *o, const char *key,
    const cJSON *names)
{
	int n = cJSON_GetArraySize(names), i = 0;
	const cJSON *x;
	struct pv_buf b;

	if (cJSON_IsString(names)) {
		view_text(o, key, names->valuestring);
		return;
	}
	pv_buf_init(&b);
	cJSON_ArrayForEach(x, names) {
		if (!cJSON_IsString(x))
			continue;
		if (i > 0 && i == n - 1)
			pv_buf_printf(&b, " %s ", label(e, "and"));
		else if (i > 0)
			pv_buf_puts(&b, ", ");
		pv_buf_puts(&b, x->valuestring);
		i++;
	}
	view_text(o, key, b.data);
	pv_buf_free(&b);
}

/* The contact table: one column per contact (Eier, UH), one row per
 * field of the form. */
static cJSON *
contacts_view(struct enrich *e, const cJSON *contacts)
{
	static const char *const fields[] = { "name", "function", "email",
	    "mark" };
	cJSON *v = cJSON_CreateObject(), *heads = cJSON_CreateArray();
	cJSON *rows = cJSON_CreateArray();
	const cJSON *c;
	size_t f;

	cJSON_ArrayForEach(c, contacts) {
		cJSON *h = cJSON_CreateObject();

		view_str(h, "side", bm_label(e, "side_", member_str(c, "side")));
		cJSON_AddItemToArray(heads, h);
	}
	for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
		cJSON *r = cJSON_CreateObject(), *cells = cJSON_CreateArray();

		view_str(r, "label", bm_label(e, "contact_", fields[f]));
		cJSON_ArrayForEach(c, contacts) {
			cJSON *cell = cJSON_CreateObject();
			const char *t = cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(c, fields[f]));

			/* an empty cell of the form, not false */
			view_str(cell, "text", t != NULL ? t : "");
			cJSON_AddBoolToObject(cell, "email", t != NULL &&
			    strcmp(fields[f], "email") == 0);
			cJSON_AddItemToArray(cells, cell);
		}
		cJSON_AddItemToObject(r, "cells", cells);
		cJSON_AddItemToArray(rows, r);
	}
	cJSON_AddBoolToObject(v, "has", cJSON_GetArraySize(contacts) > 0);
	cJSON_AddItemToObject(v, "heads", heads);
	cJSON_AddItemToObject(v, "rows", rows);
	return v;
}

static cJSON *
yes_no(cJSON *q, int yes)
{
	cJSON_AddBoolToObject(q, "yes", yes);
	cJSON_AddBoolToObject(q, "no", !yes);
	return q;
}

/* The partnership's questions, in the form's order. */
static cJSON *
questions_view(struct enrich *e, const cJSON *p, int year)
{
	static const char *const yn[] = { "several_owners", "several_uh",
	    "several_schemes" };
	cJSON *a = cJSON_CreateArray(), *q;
	long long n = 0;
	size_t i;
	char buf[32];

	for (i = 0; i < 3; i++) {
		q = cJSON_CreateObject();
		view_str(q, "question", label(e, yn[i]));
		cJSON_AddBoolToObject(q, "fill_list", i < 2);
		cJSON_AddBoolToObject(q, "is_number", 0);
		view_false(q, "number");
		view_false(q, "note");
		cJSON_AddItemToArray(a, yes_no(q, en_bool(e, p, yn[i], 0)));
	}
	q = cJSON_CreateObject();
	view_str(q, "question", label(e, "measures_count"));
	cJSON_AddBoolToObject(q, "fill_list", 0);
	cJSON_AddBoolToObject(q, "is_number", 1);
	en_integer(e, p, "measures_count", EN_REQUIRED, 0, 1000, &n);
	snprintf(buf, sizeof(buf), "%lld", n);
	view_str(q, "number", buf);
	view_false(q, "note");
	cJSON_AddFalseToObject(q, "yes");
	cJSON_AddFalseToObject(q, "no");
	cJSON_AddItemToArray(a, q);
	q = cJSON_CreateObject();
	view_filled(e, q, "continue_from_previous", "prev", year - 1);
	cJSON_AddStringToObject(q, "question", cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(q, "continue_from_previous")));
	cJSON_DeleteItemFromObjectCaseSensitive(q, "continue_from_previous");
	cJSON_AddBoolToObject(q, "fill_list", 0);
	cJSON_AddBoolToObject(q, "is_number", 0);
	view_false(q, "number");
	view_str(q, "note", label(e, "continue_note"));
	cJSON_AddItemToArray(a, yes_no(q, en_bool(e, p,
	    "continue_from_previous", 0)));
	return a;
}

static cJSON *
codetermination_view(struct enrich *e, const cJSON *c)
{
	cJSON *v, *a;
	const cJSON *x;
	long long blank = 0;

	if (c == NULL)
		return cJSON_CreateFalse();
	v = yes_no(cJSON_CreateObject(), en_bool(e, c, "discussed", 0));
	a = cJSON_CreateArray();
	cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(c,
	    "participants")) {
		cJSON *o = cJSON_CreateObject();

		view_str(o, "role", member_str(x, "role"));
		view_str(o, "name", member_str(x, "name"));
		cJSON_AddItemToArray(a, o);
	}
	/* the form's empty rows, as the source prints them */
	en_integer(e, c, "blank_rows", EN_OPTIONAL, 0, 20, &blank);
	cJSON_ArrayForEach(x, a)
		cJSON_AddFalseToObject((cJSON *)x, "blank");
	while (blank-- > 0) {
		cJSON *o = cJSON_CreateObject();

		view_str(o, "role", "");
		view_str(o, "name", "");
		cJSON_AddTrueToObject(o, "blank");
		cJSON_AddItemToArray(a, o);
	}
	cJSON_AddBoolToObject(v, "has_participants", cJSON_GetArraySize(a) >
	    0);
	cJSON_AddItemToObject(v, "participants", a);
	return v;
}

/* The count of units: a 0 is an answer, a missing key an empty cell. */
static cJSON *
units_view(struct enrich *e, const cJSON *units)
{
	cJSON *a;
	size_t i;

	if (units == NULL)
		return cJSON_CreateFalse();
	a = cJSON_CreateArray();
	for (i = 0; i < NUNITS; i++) {
		cJSON *o = cJSON_CreateObject();
		long long n = 0;
		char buf[32];

		view_str(o, "label", bm_label(e, "unit_", unit_keys[i]));
		if (cJSON_GetObjectItemCaseSensitive(units, unit_keys[i]) &&
		    en_integer(e, units, unit_keys[i], EN_REQUIRED, 0, 100000,
		    &n)) {
			snprintf(buf, sizeof(buf), "%lld", n);
			view_str(o, "count", buf);
		} else {
			view_str(o, "count", "");
		}
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *
duration_view(struct enrich *e, const cJSON *d)
{
	cJSON *a;
	const cJSON *x;

	if (d == NULL)
		return cJSON_CreateFalse();
	a = cJSON_CreateArray();
	cJSON_ArrayForEach(x, d) {
		cJSON *o = cJSON_CreateObject();

		view_str(o, "label", member_str(x, "label"));
		cJSON_AddBoolToObject(o, "checked", en_bool(e, x, "checked", 0));
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* "(3,4,5,6,7)": the ids of the continued measures. */
static void
view_ids(cJSON *o, const char *key, const cJSON *ids)
{
	const cJSON *x;
	struct pv_buf b;

	pv_buf_init(&b);
	cJSON_ArrayForEach(x, ids) {
		if (b.len)
			pv_buf_puts(&b, ",");
		/* the schema holds a number id to 0..1000000 */
		if (cJSON_IsNumber(x) && x->valuedouble >= 0 &&
		    x->valuedouble <= 1000000)
			pv_buf_printf(&b, "%lld", (long long)x->valuedouble);
		else if (cJSON_IsNumber(x))
			pv_buf_printf(&b, "%g", x->valuedouble);
		else if (cJSON_IsString(x))
			pv_buf_puts(&b, x->valuestring);
	}
	view_text(o, key, b.data);
	pv_buf_free(&b);
}

static cJSON *
blocks_view(struct enrich *e, const cJSON *obj, const char *key)
{
	const cJSON *list = en_get(e, obj, key, EN_ARRAY, EN_OPTIONAL);
	size_t old = en_path_key(e, key);
	cJSON *v = enrich_blocks(e, list);

	en_path_pop(e, old);
	return v;
}

static cJSON *
continued_view(struct enrich *e, const cJSON *c, struct bm_facts *f,
    int ticked, int nticked)
{
	cJSON *v;
	long long from = 0;
	size_t old;

	if (c == NULL)
		return cJSON_CreateFalse();
	v = cJSON_CreateObject();
	en_integer(e, c, "from_year", EN_REQUIRED, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &from);
	view_filled(e, v, "continued_measures", "from_year", from);
	view_ids(v, "ids", cJSON_GetObjectItemCaseSensitive(c, "measures"));
	f->continued = (size_t)cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(c, "measures"));
	e->level = 2;
	cJSON_AddItemToObject(v, "description", blocks_view(e, c,
	    "description"));
	cJSON_AddItemToObject(v, "progress", blocks_view(e, c, "progress"));
	old = en_path_key(e, "economy");
	cJSON_AddItemToObject(v, "economy", bm_economy_view(e,
	    cJSON_GetObjectItemCaseSensitive(c, "economy"), f, ticked,
	    nticked));
	en_path_pop(e, old);
	cJSON_AddBoolToObject(v, "has_duration", cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(c, "duration")) > 0);
	cJSON_AddItemToObject(v, "duration", duration_view(e,
	    cJSON_GetObjectItemCaseSensitive(c, "duration")));
	return v;
}

/* New measures (when last year's are not continued). */
static cJSON *
measures_view(struct enrich *e, const cJSON *list, struct bm_facts *f)
{
	cJSON *a = cJSON_CreateArray();
	const cJSON *x;
	size_t i = 0, old = en_path_key(e, "measures");

	cJSON_ArrayForEach(x, list) {
		size_t o2 = en_path_index(e, i++), o3;
		cJSON *o = cJSON_CreateObject(), *ids = cJSON_CreateArray();
		const char *sk = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(x, "scheme"));
		int si = bm_scheme_index(sk);

		cJSON_AddItemToArray(ids, cJSON_Duplicate(
		    cJSON_GetObjectItemCaseSensitive(x, "id"), 1));
		view_ids(o, "id", ids);
		cJSON_Delete(ids);
		view_str(o, "title", member_str(x, "title"));
		view_text(o, "scheme", si >= 0 ? bm_label(e, "scheme_",
		    bm_schemes[si]) : NULL);
		e->level = 2;
		cJSON_AddItemToObject(o, "description", blocks_view(e, x,
		    "description"));
		o3 = en_path_key(e, "economy");
		/* a new measure's economy is one part of its scheme's row:
		 * only its own total is checked */
		cJSON_AddItemToObject(o, "economy", bm_economy_view(e,
		    cJSON_GetObjectItemCaseSensitive(x, "economy"), f, -1, 0));
		en_path_pop(e, o3);
		cJSON_AddBoolToObject(o, "has_duration", cJSON_GetArraySize(
		    cJSON_GetObjectItemCaseSensitive(x, "duration")) > 0);
		cJSON_AddItemToObject(o, "duration", duration_view(e,
		    cJSON_GetObjectItemCaseSensitive(x, "duration")));
		cJSON_AddItemToArray(a, o);
		f->listed++;
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	return a;
}

/* Evaluate expr with the JSON path set to the member key (for
 * diagnostics), then restore the path. */
#define AT(e, key, expr) do { \
	size_t old_ = en_path_key((e), (key)); \
	expr; \
	en_path_pop((e), old_); \
} while (0)

cJSON *
enrich_behovsmelding(struct enrich *e, const cJSON *root)
{
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "meta");
	struct bm_facts f;
	long long year = 0;
	int ticked = -1, nticked = 0;
	cJSON *v, *form, *x;

	memset(&f, 0, sizeof(f));
	f.root = root;
	AT(e, "meta", en_integer(e, meta, "year", EN_REQUIRED,
	    ENRICH_MIN_YEAR, ENRICH_MAX_YEAR, &year));
	f.year = (int)year;

	v = cJSON_CreateObject();
	view_lang(e, v);
	cJSON_AddItemToObject(v, "labels", cJSON_Duplicate(e->labels, 1));
	AT(e, "meta", cJSON_AddItemToObject(v, "meta", meta_view(e, meta,
	    f.year)));
	form = cJSON_CreateObject();
	view_filled(e, form, "amounts_title", "year", year);
	cJSON_AddItemToObject(v, "form", form);
	AT(e, "scheme", cJSON_AddItemToObject(v, "schemes", schemes_view(e,
	    cJSON_GetObjectItemCaseSensitive(root, "scheme"), &ticked,
	    &nticked)));
	x = cJSON_GetObjectItemCaseSensitive(root, "owners_text");
	view_joined(e, v, "owners", x ? x :
	    cJSON_GetObjectItemCaseSensitive(root, "owners"));
	view_member(e, v, root, "network");
	view_joined(e, v, "university", cJSON_GetObjectItemCaseSensitive(root,
	    "university"));
	AT(e, "contacts", cJSON_AddItemToObject(v, "contacts", contacts_view(e,
	    cJSON_GetObjectItemCaseSensitive(root, "contacts"))));
	AT(e, "partnership", cJSON_AddItemToObject(v, "questions",
	    questions_view(e, cJSON_GetObjectItemCaseSensitive(root,
	    "partnership"), f.year)));
	AT(e, "amounts", cJSON_AddItemToObject(v, "amounts", bm_amounts_view(e,
	    cJSON_GetObjectItemCaseSensitive(root, "amounts"), &f)));
	AT(e, "codetermination", cJSON_AddItemToObject(v, "codetermination",
	    codetermination_view(e, cJSON_GetObjectItemCaseSensitive(root,
	    "codetermination"))));
	x = cJSON_GetObjectItemCaseSensitive(root, "units");
	cJSON_AddBoolToObject(v, "has_units", x != NULL);
	AT(e, "units", cJSON_AddItemToObject(v, "units", units_view(e, x)));
	AT(e, "continued_measures", cJSON_AddItemToObject(v, "continued",
	    continued_view(e, cJSON_GetObjectItemCaseSensitive(root,
	    "continued_measures"), &f, ticked, nticked)));
	cJSON_AddItemToObject(v, "measures", measures_view(e,
	    cJSON_GetObjectItemCaseSensitive(root, "measures"), &f));
	cJSON_AddBoolToObject(v, "has_measures", f.listed > 0);
	e->level = 1;
	AT(e, "body", cJSON_AddItemToObject(v, "body", enrich_blocks(e,
	    cJSON_GetObjectItemCaseSensitive(root, "body"))));
	bm_rules_check(e, &f);
	free(f.rows);
	return v;
}
