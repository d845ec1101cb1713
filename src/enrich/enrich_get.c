/*
 * enrich_get.c - every read of the document goes through these.
 *
 * The schema of a document type is data that a municipality may edit
 * (DESIGN.md: a type is a folder you copy), so enrich must never assume
 * what a schema could fail to guarantee.  Each accessor checks the shape
 * of what it reads: a member of the wrong kind, a required member that is
 * missing, a number out of range, a date that is not a date, is an error
 * at its JSON path and position, and the accessor returns NULL (or 0).
 * Given a NULL object (an error already reported), they return quietly.
 * No other code in src/enrich reads ->valuestring, ->valuedouble or
 * ->child of the document.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/date.h"
#include "enrich_int.h"
#include "format.h"

static const char *
kind_words(unsigned kinds)
{
	switch (kinds) {
	case EN_STRING: return "text";
	case EN_NUMBER: return "a number";
	case EN_OBJECT: return "an object";
	case EN_ARRAY: return "a list";
	case EN_BOOL: return "true or false";
	case EN_STRING | EN_ARRAY: return "text or a list";
	case EN_STRING | EN_OBJECT: return "text or an object";
	case EN_STRING | EN_NUMBER: return "text or a number";
	default: return "something else";
	}
}

static const char *
kind_of(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "text";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "a list";
	return "an object";
}

static int
has_kind(const cJSON *v, unsigned kinds)
{
	return ((kinds & EN_STRING) && cJSON_IsString(v) &&
	    v->valuestring != NULL) ||
	    ((kinds & EN_NUMBER) && cJSON_IsNumber(v) &&
	    isfinite(v->valuedouble)) ||
	    ((kinds & EN_OBJECT) && cJSON_IsObject(v)) ||
	    ((kinds & EN_ARRAY) && cJSON_IsArray(v)) ||
	    ((kinds & EN_BOOL) && cJSON_IsBool(v));
}

const cJSON *
en_check(struct enrich *e, const cJSON *v, unsigned kinds)
{
	if (v == NULL)
		return NULL;
	if (has_kind(v, kinds))
		return v;
	en_error(e, v, "must be %s, not %s", kind_words(kinds), kind_of(v));
	return NULL;
}

const cJSON *
en_get(struct enrich *e, const cJSON *obj, const char *key, unsigned kinds,
    int required)
{
	const cJSON *v;
	size_t old;

	if (!cJSON_IsObject(obj))
		return NULL;
	v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (v == NULL) {
		if (required)
			en_error(e, obj, "\"%s\" is missing (it is required)",
			    key);
		return NULL;
	}
	old = en_path_key(e, key);
	v = en_check(e, v, kinds);
	en_path_pop(e, old);
	return v;
}

const cJSON *
en_item(struct enrich *e, const cJSON *item, size_t i, unsigned kinds)
{
	size_t old = en_path_index(e, i);

	item = en_check(e, item, kinds);
	en_path_pop(e, old);
	return item;
}

const char *
en_string(struct enrich *e, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = en_get(e, obj, key, EN_STRING, required);

	return v ? v->valuestring : NULL;
}

const char *
en_text(struct enrich *e, const cJSON *obj, const char *key)
{
	const char *s = en_string(e, obj, key, 0);

	return s != NULL && s[0] != '\0' ? s : NULL;
}

int
en_integer(struct enrich *e, const cJSON *obj, const char *key, int required,
    long long min, long long max, long long *out)
{
	const cJSON *v = en_get(e, obj, key, EN_NUMBER, required);
	char num[48];
	size_t old;

	if (v == NULL)
		return 0;
	if (floor(v->valuedouble) == v->valuedouble &&
	    v->valuedouble >= (double)min && v->valuedouble <= (double)max) {
		*out = (long long)v->valuedouble;
		return 1;
	}
	old = en_path_key(e, key);
	snprintf(num, sizeof(num), "%.15g", v->valuedouble);
	en_error(e, v, "must be a whole number from %lld to %lld, not %s", min,
	    max, num);
	en_path_pop(e, old);
	return 0;
}

int
en_number(struct enrich *e, const cJSON *obj, const char *key, int required,
    double *out)
{
	const cJSON *v = en_get(e, obj, key, EN_NUMBER, required);

	if (v == NULL)
		return 0;
	*out = v->valuedouble;
	return 1;
}

int
en_bool(struct enrich *e, const cJSON *obj, const char *key, int dflt)
{
	const cJSON *v = en_get(e, obj, key, EN_BOOL, 0);

	return v == NULL ? dflt : cJSON_IsTrue(v);
}

const char *
en_date(struct enrich *e, const cJSON *obj, const char *key, int required,
    struct pv_date *d)
{
	const cJSON *v = en_get(e, obj, key, EN_STRING, required);
	struct pv_date tmp;
	size_t old;

	if (v == NULL)
		return NULL;
	if (pv_date_parse(v->valuestring, d ? d : &tmp))
		return v->valuestring;
	old = en_path_key(e, key);
	en_error(e, v, "\"%s\" is not a date in the form YYYY-MM-DD (e.g. "
	    "2026-01-15)", v->valuestring);
	en_path_pop(e, old);
	return NULL;
}

/* A year (a whole number) or a date (text), formatted; "" when absent. */
static int
date_or_year(struct enrich *e, const cJSON *obj, const char *key,
    int required, char *out, size_t size)
{
	const cJSON *v = en_get(e, obj, key, EN_STRING | EN_NUMBER, required);
	const char *iso;
	long long y;

	out[0] = '\0';
	if (v == NULL)
		return 0;
	if (cJSON_IsNumber(v)) {
		if (!en_integer(e, obj, key, 1, ENRICH_MIN_YEAR,
		    ENRICH_MAX_YEAR, &y))
			return 0;
		snprintf(out, size, "%lld", y);
		return 1;
	}
	if ((iso = en_date(e, obj, key, 1, NULL)) == NULL)
		return 0;
	format_date(iso, out, size);
	return 1;
}

int
en_period(struct enrich *e, const cJSON *obj, const char *key, int required,
    char *out, size_t size)
{
	const cJSON *p = en_get(e, obj, key, EN_OBJECT, required);
	char a[32], b[32];
	size_t old;
	int ok;

	out[0] = '\0';
	if (p == NULL)
		return 0;
	old = en_path_key(e, key);
	ok = date_or_year(e, p, "from", 1, a, sizeof(a));
	ok &= date_or_year(e, p, "to", 1, b, sizeof(b));
	en_path_pop(e, old);
	if (!ok)
		return 0;
	if (strcmp(a, b) == 0)
		snprintf(out, size, "%s", a);
	else
		snprintf(out, size, "%s–%s", a, b);
	return 1;
}
