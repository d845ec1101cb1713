/*
 * mustache_cjson.c - struct mustache_data_ops for cJSON: the only file of
 * the Mustache engine that knows about cJSON.
 *
 * cJSON keeps arrays and objects as linked lists, so iteration follows
 * ->next (O(1) a step; cJSON_GetArrayItem would make a loop quadratic)
 * and a member lookup walks the object's members.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mustache_cjson.h"

static enum mustache_kind
cj_kind(const void *v)
{
	const cJSON *j = v;

	switch (j->type & 0xFF) {
	case cJSON_False:
		return MUSTACHE_FALSE;
	case cJSON_True:
		return MUSTACHE_TRUE;
	case cJSON_Number:
		return MUSTACHE_NUMBER;
	case cJSON_String:
	case cJSON_Raw:
		return MUSTACHE_STRING;
	case cJSON_Array:
		return MUSTACHE_LIST;
	case cJSON_Object:
		return MUSTACHE_OBJECT;
	default:
		return MUSTACHE_NULL;
	}
}

static const void *
cj_member(const void *obj, const char *name, size_t len, size_t *steps)
{
	const cJSON *m;

	for (m = ((const cJSON *)obj)->child; m != NULL; m = m->next) {
		(*steps)++;
		/* by length: name may hold any byte, a NUL too */
		if (m->string != NULL && strlen(m->string) == len &&
		    memcmp(m->string, name, len) == 0)
			return m;
	}
	return NULL;
}

static const void *
cj_first(const void *list)
{
	return ((const cJSON *)list)->child;
}

static const void *
cj_next(const void *list, const void *item)
{
	return ((const cJSON *)item)->next;
}

static int
cj_truthy(const void *v)
{
	const cJSON *j = v;

	switch (cj_kind(v)) {
	case MUSTACHE_NULL:
	case MUSTACHE_FALSE:
		return 0;
	case MUSTACHE_STRING:
		return j->valuestring != NULL && j->valuestring[0] != '\0';
	case MUSTACHE_LIST:
		return j->child != NULL;
	default:
		return 1;
	}
}

/* Whole numbers as integers; others with the fewest digits that give
 * back the same double (1.21, not 1.2099999999999999645). */
static void
put_number(double d, struct pv_buf *out)
{
	char s[64];
	int prec;

	if (d == 0) {
		pv_buf_putc(out, '0');	/* also for -0 */
		return;
	}
	if (d == floor(d) && fabs(d) < 9007199254740992.0) {	/* 2^53 */
		/* exact in an int64_t; digits by hand, printf is slow */
		int64_t v = (int64_t)d;
		uint64_t u = v < 0 ? (uint64_t)-v : (uint64_t)v;
		char *p = s + sizeof(s);

		do {
			*--p = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		if (v < 0)
			*--p = '-';
		pv_buf_put(out, p, (size_t)(s + sizeof(s) - p));
		return;
	}
	if (d == floor(d) && fabs(d) < 1e17) {
		pv_buf_printf(out, "%.0f", d);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	pv_buf_puts(out, s);
}

static void
cj_text(const void *v, struct pv_buf *out)
{
	const cJSON *j = v;

	switch (cj_kind(v)) {
	case MUSTACHE_STRING:
		if (j->valuestring != NULL)
			pv_buf_puts(out, j->valuestring);
		break;
	case MUSTACHE_NUMBER:
		put_number(j->valuedouble, out);
		break;
	case MUSTACHE_TRUE:
		pv_buf_puts(out, "true");
		break;
	case MUSTACHE_FALSE:
		pv_buf_puts(out, "false");
		break;
	default:	/* null, lists and objects have no text */
		break;
	}
}

const struct mustache_data_ops mustache_cjson_ops = {
	cj_kind,
	cj_member,
	cj_first,
	cj_next,
	cj_truthy,
	cj_text,
};
