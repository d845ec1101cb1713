/*
 * validate.c - a JSON Schema subset interpreter that reports like a
 * compiler: every problem, each with its place and a path, in words an
 * adviser understands.
 *
 * The schema is walked together with the instance; the instance's depth is
 * bounded by the load stage (LOAD_MAX_DEPTH) and a $ref cycle cannot loop
 * without consuming instance depth, except ref-to-ref chains, which are
 * bounded by VALIDATE_MAX_REF_CHAIN.  Ids and references are collected
 * during the walk and matched at the end, so a reference may point
 * forwards.
 */
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/date.h"
#include "../util/mem.h"
#include "validate.h"
#include "vcheck.h"

#define VALIDATE_MAX_REF_CHAIN 32

struct schema_regex {
	char *pattern;
	regex_t re;
	int ok;
};

struct schema {
	struct loaded_json *json;
	struct schema_regex *regexes;
	size_t nregexes, cap_regexes;
};

void
schema_free(struct schema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nregexes; i++) {
		if (s->regexes[i].ok)
			regfree(&s->regexes[i].re);
		free(s->regexes[i].pattern);
	}
	free(s->regexes);
	loaded_json_free(s->json);
	free(s);
}

enum pv_status
schema_load(const char *path, struct schema **out, struct pv_diags *d)
{
	struct schema *s;
	struct loaded_json *j;
	enum pv_status st;

	*out = NULL;
	if ((st = load_json_file(path, &j, d)) != PV_OK)
		return st;
	if (!cJSON_IsObject(j->root)) {
		pv_diag(d, PV_ERROR, path, 1, 1, "a schema must be an object");
		loaded_json_free(j);
		return PV_EINPUT;
	}
	s = pv_xcalloc(1, sizeof(*s));
	s->json = j;
	*out = s;
	return PV_OK;
}

const char *
schema_text(const struct schema *s, size_t *len)
{
	*len = s->json->len;
	return s->json->text;
}

/* Compiled once per pattern; the schema is ours, so a bad pattern is an
 * internal error, reported like any other. */
static struct schema_regex *
schema_regex(struct schema *s, const char *pattern)
{
	struct schema_regex *r;
	size_t i;

	for (i = 0; i < s->nregexes; i++)
		if (strcmp(s->regexes[i].pattern, pattern) == 0)
			return &s->regexes[i];
	PV_GROW(s->regexes, s->cap_regexes, s->nregexes + 1);
	r = &s->regexes[s->nregexes++];
	r->pattern = pv_xstrdup(pattern);
	r->ok = regcomp(&r->re, pattern, REG_EXTENDED | REG_NOSUB) == 0;
	return r;
}

/* ---- reporting ---------------------------------------------------- */

/*
 * Positions are found only for what is printed: an error of a branch
 * being tried (c->trial) keeps its node, and the position is looked up
 * when the branch is kept (trial_keep) at the top level.
 */
void
vc_error(struct vctx *c, const cJSON *node, int at_key, const char *fmt, ...)
{
	struct pv_buf msg;
	va_list ap;
	int line = 0, col = 0;

	c->nerrors++;
	if (c->nerrors > VALIDATE_MAX_ERRORS)
		return;
	pv_buf_init(&msg);
	va_start(ap, fmt);
	{
		char tmp[1024];

		vsnprintf(tmp, sizeof(tmp), fmt, ap);
		pv_buf_printf(&msg, "%s: %s",
		    c->path.len ? c->path.data : "document", tmp);
	}
	va_end(ap);
	if (c->trial != NULL) {
		struct vc_trial *t = c->trial;

		PV_GROW(t->where, t->cap_where, t->nwhere + 1);
		t->where[t->nwhere].node = node;
		t->where[t->nwhere].at_key = at_key;
		t->nwhere++;
		pv_diag(&t->d, PV_ERROR, c->doc->file, 0, 0, "%s", msg.data);
	} else {
		load_locate(c->doc, node, at_key, &line, &col);
		pv_diag(c->d, PV_ERROR, c->doc->file, line, col, "%s",
		    msg.data);
	}
	pv_buf_free(&msg);
}

/* ---- describing values -------------------------------------------- */

#define MAX_EXACT_INTEGER 9007199254740991.0 /* 2^53 - 1 */

static int
is_integer(const cJSON *v)
{
	double x = v->valuedouble;

	return cJSON_IsNumber(v) && isfinite(x) && floor(x) == x &&
	    fabs(x) <= MAX_EXACT_INTEGER;
}

/* A number beyond the whole numbers a double holds exactly (1e300). */
static int
is_huge(const cJSON *v)
{
	return cJSON_IsNumber(v) && !(fabs(v->valuedouble) <=
	    MAX_EXACT_INTEGER);
}

int
vc_int_in(const cJSON *v, double lo, double hi, int *out)
{
	if (!is_integer(v) || v->valuedouble < lo || v->valuedouble > hi ||
	    lo < INT_MIN || hi > INT_MAX)
		return 0;
	*out = (int)v->valuedouble;
	return 1;
}

/* A number as a person would write it: 2147483648, 1.5, 1e+300. */
void
vc_format_number(double x, char *out, size_t size)
{
	if (isnan(x))
		snprintf(out, size, "not a number");
	else if (isinf(x))
		snprintf(out, size, "%sa number beyond 1e308", x < 0 ? "-" :
		    "");
	else if (x == 0)
		snprintf(out, size, "0"); /* also -0 */
	else if (floor(x) == x && fabs(x) < 1e21)
		snprintf(out, size, "%.0f", x);
	else
		snprintf(out, size, "%g", x);
}

static const char *
kind_of(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "text";
	if (cJSON_IsNumber(v))
		return is_integer(v) ? "a whole number" : is_huge(v) ?
		    "a number too large to be exact" : "a decimal number";
	if (cJSON_IsBool(v))
		return v->type & cJSON_True ? "true" : "false";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "a list";
	return "an object";
}

static const char *
type_words(const char *t)
{
	if (strcmp(t, "string") == 0)
		return "text";
	if (strcmp(t, "integer") == 0)
		return "a whole number";
	if (strcmp(t, "number") == 0)
		return "a number";
	if (strcmp(t, "boolean") == 0)
		return "true or false";
	if (strcmp(t, "object") == 0)
		return "an object";
	if (strcmp(t, "array") == 0)
		return "a list";
	if (strcmp(t, "null") == 0)
		return "null";
	return t;
}

static int
type_matches(const char *t, const cJSON *v)
{
	if (strcmp(t, "string") == 0)
		return cJSON_IsString(v);
	if (strcmp(t, "integer") == 0)
		return is_integer(v);
	if (strcmp(t, "number") == 0)
		return cJSON_IsNumber(v);
	if (strcmp(t, "boolean") == 0)
		return cJSON_IsBool(v);
	if (strcmp(t, "object") == 0)
		return cJSON_IsObject(v);
	if (strcmp(t, "array") == 0)
		return cJSON_IsArray(v);
	if (strcmp(t, "null") == 0)
		return cJSON_IsNull(v);
	return 0;
}

/* A short quotation of a scalar for messages: "2025-02-30", 12.5 */
void
vc_quote(const cJSON *v, char *out, size_t size)
{
	if (cJSON_IsString(v)) {
		size_t n = strlen(v->valuestring);

		if (n > 40) {
			/* cut on a character boundary */
			n = 40;
			while (n > 0 && ((unsigned char)v->valuestring[n] &
			    0xC0) == 0x80)
				n--;
			snprintf(out, size, "\"%.*s…\"", (int)n,
			    v->valuestring);
		} else {
			snprintf(out, size, "\"%s\"", v->valuestring);
		}
	} else if (cJSON_IsNumber(v)) {
		vc_format_number(v->valuedouble, out, size);
	} else {
		snprintf(out, size, "%s", kind_of(v));
	}
}

/* ---- the walk ------------------------------------------------------ */

struct member_name {
	const char *name;
	size_t i; /* place in the object */
};

static int
cmp_member(const void *pa, const void *pb)
{
	const struct member_name *a = pa, *b = pb;
	int r = strcmp(a->name, b->name);

	return r ? r : a->i < b->i ? -1 : a->i > b->i;
}

static const cJSON *
resolve_ref(struct vctx *c, const cJSON *schema)
{
	int chain = 0;
	const cJSON *ref;

	while ((ref = cJSON_GetObjectItemCaseSensitive(schema, "$ref")) !=
	    NULL && cJSON_IsString(ref)) {
		const char *p = ref->valuestring;
		const cJSON *node = c->schema->json->root;
		char seg[128];

		if (++chain > VALIDATE_MAX_REF_CHAIN || strncmp(p, "#/", 2) != 0)
			return NULL;
		p += 2;
		while (*p != '\0' && node != NULL) {
			size_t n = strcspn(p, "/");

			if (n >= sizeof(seg))
				return NULL;
			memcpy(seg, p, n);
			seg[n] = '\0';
			node = cJSON_GetObjectItemCaseSensitive(node, seg);
			p += n;
			if (*p == '/')
				p++;
		}
		if (node == NULL)
			return NULL;
		schema = node;
	}
	return schema;
}

static const char *
custom_message(const cJSON *schema)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(schema, "x-message");

	return cJSON_IsString(m) ? m->valuestring : NULL;
}

/*
 * minimum, exclusiveMinimum and maximum.  A number beyond them is "too
 * large" or "too small" whatever its form (2147483648, 1e300), before any
 * question of whether it is whole.  Returns the number of errors.
 */
static int
check_bounds(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *k;
	char q[64], b[64];
	double x = v->valuedouble;
	int n = 0;

	vc_quote(v, q, sizeof(q));
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minimum")) &&
	    cJSON_IsNumber(k) && x < k->valuedouble) {
		vc_format_number(k->valuedouble, b, sizeof(b));
		if (k->valuedouble == 0)
			vc_error(c, v, 0, "must not be negative (found %s)", q);
		else
			vc_error(c, v, 0, "%s is too small (at least %s)", q, b);
		n++;
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "exclusiveMinimum"))
	    && cJSON_IsNumber(k) && x <= k->valuedouble) {
		vc_format_number(k->valuedouble, b, sizeof(b));
		vc_error(c, v, 0, "must be more than %s (found %s)", b, q);
		n++;
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "maximum")) &&
	    cJSON_IsNumber(k) && x > k->valuedouble) {
		vc_format_number(k->valuedouble, b, sizeof(b));
		vc_error(c, v, 0, "%s is too large (at most %s)", q, b);
		n++;
	}
	return n;
}

/* A number no double holds (1e400) or, for a whole number, none that a
 * double holds exactly (1e300): too large, with the bound when there is
 * one.  Returns 1 when it reported. */
static int
check_huge(struct vctx *c, const cJSON *schema, const cJSON *v, int whole)
{
	char q[64];

	if (!(whole ? is_huge(v) : !isfinite(v->valuedouble)))
		return 0;
	if (check_bounds(c, schema, v) == 0) {
		vc_quote(v, q, sizeof(q));
		vc_error(c, v, 0, "%s is too %s for %s", q,
		    v->valuedouble < 0 ? "small" : "large",
		    whole ? "a whole number" : "a number");
	}
	return 1;
}

static void check(struct vctx *, const cJSON *schema, const cJSON *v);

/* The type keyword; returns 0 when the type is wrong (and stops). */
static int
check_type(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(schema, "type");
	const cJSON *e;
	struct pv_buf want;
	char q[64];

	if (t == NULL)
		return 1;
	if (cJSON_IsString(t)) {
		if (type_matches(t->valuestring, v))
			return 1;
		if (strcmp(t->valuestring, "integer") == 0 &&
		    check_huge(c, schema, v, 1))
			return 0;
		vc_quote(v, q, sizeof(q));
		if (strcmp(t->valuestring, "integer") == 0 &&
		    cJSON_IsNumber(v))
			vc_error(c, v, 0, "must be a whole number, not %s", q);
		else
			vc_error(c, v, 0, "must be %s, not %s",
			    type_words(t->valuestring),
			    cJSON_IsString(v) || cJSON_IsNumber(v) ? q :
			    kind_of(v));
		return 0;
	}
	pv_buf_init(&want);
	cJSON_ArrayForEach(e, t) {
		if (cJSON_IsString(e) && type_matches(e->valuestring, v)) {
			pv_buf_free(&want);
			return 1;
		}
		if (cJSON_IsString(e)) {
			if (want.len)
				pv_buf_puts(&want, e->next ? ", " : " or ");
			pv_buf_puts(&want, type_words(e->valuestring));
		}
	}
	vc_error(c, v, 0, "must be %s, not %s", want.data ? want.data : "?",
	    kind_of(v));
	pv_buf_free(&want);
	return 0;
}

static void
check_string(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const char *s = v->valuestring;
	const char *msg = custom_message(schema);
	const cJSON *k;
	char q[64];
	size_t n = 0;
	const char *p;

	for (p = s; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
	vc_quote(v, q, sizeof(q));
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minLength")) &&
	    (double)n < k->valuedouble) {
		if (k->valuedouble == 1)
			vc_error(c, v, 0, "must not be empty");
		else
			vc_error(c, v, 0, "is too short (at least %.0f "
			    "characters)", k->valuedouble);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "maxLength")) &&
	    (double)n > k->valuedouble)
		vc_error(c, v, 0, "is too long (%zu characters; at most %.0f)",
		    n, k->valuedouble);
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "pattern")) &&
	    cJSON_IsString(k)) {
		struct schema_regex *r = schema_regex(c->schema, k->valuestring);

		if (!r->ok)
			vc_error(c, v, 0, "the schema's pattern %s does not "
			    "compile", k->valuestring);
		else if (regexec(&r->re, s, 0, NULL, 0) != 0)
			vc_error(c, v, 0, "%s %s", q, msg ? msg :
			    "does not have the required form");
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "format")) &&
	    cJSON_IsString(k))
		vc_check_format(c, v, k->valuestring, msg);
}

static void
check_number(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	if (!check_huge(c, schema, v, 0))
		check_bounds(c, schema, v);
}

static void
check_enum(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *en = cJSON_GetObjectItemCaseSensitive(schema, "enum");
	const cJSON *cst = cJSON_GetObjectItemCaseSensitive(schema, "const");
	const cJSON *e;
	struct pv_buf list;
	char q[64];

	if (cst != NULL && !cJSON_Compare(cst, v, 1)) {
		char want[64];

		vc_quote(cst, want, sizeof(want));
		vc_quote(v, q, sizeof(q));
		vc_error(c, v, 0, "must be %s, not %s", want, q);
	}
	if (en == NULL)
		return;
	cJSON_ArrayForEach(e, en)
		if (cJSON_Compare(e, v, 1))
			return;
	pv_buf_init(&list);
	cJSON_ArrayForEach(e, en) {
		vc_quote(e, q, sizeof(q));
		if (list.len)
			pv_buf_puts(&list, e->next ? ", " : " or ");
		pv_buf_puts(&list, q);
	}
	vc_quote(v, q, sizeof(q));
	vc_error(c, v, 0, "must be one of %s, not %s", list.data, q);
	pv_buf_free(&list);
}

/* Marks the members whose name an earlier member of the object has:
 * cJSON keeps duplicates, and JSON readers disagree on which wins.  By
 * sorting, so that an object of many members costs n log n. */
static unsigned char *
duplicate_members(const cJSON *v, size_t count)
{
	struct member_name *m;
	unsigned char *dup;
	const cJSON *e;
	size_t i = 0, j;
	int any = 0;

	if (count < 2)
		return NULL;
	m = pv_xreallocarray(NULL, count, sizeof(*m));
	cJSON_ArrayForEach(e, v) {
		m[i].name = e->string;
		m[i].i = i;
		i++;
	}
	qsort(m, count, sizeof(*m), cmp_member);
	dup = pv_xcalloc(count, 1);
	for (j = 1; j < count; j++)
		if (strcmp(m[j].name, m[j - 1].name) == 0) {
			dup[m[j].i] = 1; /* sorted by index among equals */
			any = 1;
		}
	free(m);
	if (!any) {
		free(dup);
		return NULL;
	}
	return dup;
}

static void
check_object(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema,
	    "properties");
	const cJSON *addl = cJSON_GetObjectItemCaseSensitive(schema,
	    "additionalProperties");
	const cJSON *req = cJSON_GetObjectItemCaseSensitive(schema,
	    "required");
	const cJSON *k, *m;
	struct vc_bad bad;
	unsigned char *dup;
	size_t count = 0, i = 0;

	if (!cJSON_IsObject(props))
		props = NULL;
	cJSON_ArrayForEach(m, v)
		count++;
	if (cJSON_GetObjectItemCaseSensitive(schema, "x-one-key") != NULL &&
	    count != 1) {
		vc_one_key_error(c, schema, v, count > INT_MAX ? INT_MAX :
		    (int)count);
		return;
	}
	cJSON_ArrayForEach(k, req) {
		if (cJSON_IsString(k) &&
		    cJSON_GetObjectItemCaseSensitive(v, k->valuestring) == NULL)
			vc_error(c, v, 0, "\"%s\" is missing (it is required)",
			    k->valuestring);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minProperties")) &&
	    (double)count < k->valuedouble)
		vc_error(c, v, 0, "must not be empty");
	memset(&bad, 0, sizeof(bad));
	dup = duplicate_members(v, count);
	cJSON_ArrayForEach(m, v) {
		const cJSON *sub = props ?
		    cJSON_GetObjectItemCaseSensitive(props, m->string) : NULL;
		size_t old = vc_path_push_key(c, m->string);
		size_t before = c->nerrors;

		if (dup != NULL && dup[i])
			vc_error(c, m, 1, "appears twice in the same object");
		i++;
		if (sub != NULL)
			check(c, sub, m);
		else if (m->string[0] == '_' || strcmp(m->string, "$schema")
		    == 0)
			; /* comments and the editor's schema hint */
		else if (cJSON_IsFalse(addl))
			vc_unknown_member(c, props, m);
		else if (cJSON_IsObject(addl))
			check(c, addl, m);
		vc_path_pop(c, old);
		if (c->nerrors != before) {
			PV_GROW(bad.v, bad.cap, bad.n + 1);
			bad.v[bad.n++] = m;
		}
	}
	free(dup);
	vc_check_order(c, schema, v, &bad);
	vc_check_week_date(c, schema, v, &bad);
	free(bad.v);
}

static void
check_array(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(schema, "items");
	const cJSON *k, *e;
	size_t i = 0, n = (size_t)cJSON_GetArraySize(v);

	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minItems")) &&
	    (double)n < k->valuedouble) {
		if (k->valuedouble == 1)
			vc_error(c, v, 0, "must not be an empty list");
		else
			vc_error(c, v, 0, "must have at least %.0f items",
			    k->valuedouble);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "maxItems")) &&
	    (double)n > k->valuedouble) {
		/* A limit: refused before the work of checking every item. */
		vc_error(c, v, 0, "has %zu items; at most %.0f are allowed", n,
		    k->valuedouble);
		return;
	}
	if (items == NULL)
		return;
	cJSON_ArrayForEach(e, v) {
		size_t old = vc_path_push_index(c, i++);

		check(c, items, e);
		vc_path_pop(c, old);
	}
}

static void
trial_free(struct vc_trial *t)
{
	size_t i;

	pv_diags_free(&t->d);
	free(t->where);
	for (i = 0; i < t->nids; i++)
		free(t->ids[i].path);
	for (i = 0; i < t->nrefs; i++)
		free(t->refs[i].path);
	free(t->ids);
	free(t->refs);
	memset(t, 0, sizeof(*t));
	pv_diags_init(&t->d);
}

/* Take the ids and references a branch added (after nids0, nrefs0) out
 * of the walk into its trial. */
static void
trial_take_ids(struct vctx *c, struct vc_trial *t, size_t nids0,
    size_t nrefs0)
{
	t->nids = c->nids - nids0;
	t->nrefs = c->nrefs - nrefs0;
	if (t->nids) {
		t->ids = pv_xreallocarray(NULL, t->nids, sizeof(*t->ids));
		memcpy(t->ids, c->ids + nids0, t->nids * sizeof(*t->ids));
	}
	if (t->nrefs) {
		t->refs = pv_xreallocarray(NULL, t->nrefs, sizeof(*t->refs));
		memcpy(t->refs, c->refs + nrefs0, t->nrefs * sizeof(*t->refs));
	}
	c->nids = nids0;
	c->nrefs = nrefs0;
}

/* The kept branch: its ids and references rejoin the walk (at the
 * places they had, so their order is kept), and its diagnostics go to
 * the enclosing trial, or get their positions and go to the document's
 * list.  t is left empty. */
static void
trial_keep(struct vctx *c, struct vc_trial *t)
{
	size_t i;

	PV_GROW(c->ids, c->cap_ids, c->nids + t->nids);
	if (t->nids)
		memcpy(c->ids + c->nids, t->ids, t->nids * sizeof(*t->ids));
	c->nids += t->nids;
	PV_GROW(c->refs, c->cap_refs, c->nrefs + t->nrefs);
	if (t->nrefs)
		memcpy(c->refs + c->nrefs, t->refs, t->nrefs * sizeof(*t->refs));
	c->nrefs += t->nrefs;
	t->nids = t->nrefs = 0;
	if (c->trial != NULL) {
		struct vc_trial *o = c->trial;

		PV_GROW(o->where, o->cap_where, o->nwhere + t->nwhere);
		if (t->nwhere)
			memcpy(o->where + o->nwhere, t->where,
			    t->nwhere * sizeof(*t->where));
		o->nwhere += t->nwhere;
		pv_diags_move(&o->d, &t->d);
	} else {
		for (i = 0; i < t->d.n && i < t->nwhere; i++)
			load_locate(c->doc, t->where[i].node,
			    t->where[i].at_key, &t->d.v[i].line,
			    &t->d.v[i].col);
		pv_diags_move(c->d, &t->d);
	}
	t->nwhere = 0;
	trial_free(t);
}

/* Could a branch of a union fit the value, by its type?  Any number fits
 * a number or whole-number branch, so that 1e300 or 1.5 is told what is
 * wrong with it. */
static int
branch_fits(struct vctx *c, const cJSON *b, const cJSON *v)
{
	const cJSON *rb = resolve_ref(c, b);
	const cJSON *t = rb ? cJSON_GetObjectItemCaseSensitive(rb, "type") :
	    NULL;

	if (!cJSON_IsString(t))
		return 1;
	return type_matches(t->valuestring, v) ||
	    ((strcmp(t->valuestring, "number") == 0 ||
	    strcmp(t->valuestring, "integer") == 0) && cJSON_IsNumber(v));
}

/*
 * anyOf / oneOf.  Branches are first filtered by their "type": in our
 * schemas the branches of a union differ by type (a block is text or an
 * object), so the one branch that fits gives precise messages.  Only when
 * several fit are they tried quietly, keeping the closest branch's
 * errors; the others' errors are dropped without ever being placed.
 */
static void
check_union(struct vctx *c, const cJSON *branches, const cJSON *v)
{
	const cJSON *b, *fit = NULL;
	struct vc_trial best, trial, *outer = c->trial;
	size_t nfit = 0, best_errors = (size_t)-1;
	size_t nids0 = c->nids, nrefs0 = c->nrefs;

	cJSON_ArrayForEach(b, branches)
		if (branch_fits(c, b, v)) {
			fit = b;
			nfit++;
		}
	if (nfit == 0) {
		struct pv_buf want;

		pv_buf_init(&want);
		cJSON_ArrayForEach(b, branches) {
			const cJSON *rb = resolve_ref(c, b);
			const cJSON *t = rb ? cJSON_GetObjectItemCaseSensitive(
			    rb, "type") : NULL;

			if (!cJSON_IsString(t))
				continue;
			if (want.len)
				pv_buf_puts(&want, b->next ? ", " : " or ");
			pv_buf_puts(&want, type_words(t->valuestring));
		}
		vc_error(c, v, 0, "must be %s, not %s",
		    want.data ? want.data : "something else", kind_of(v));
		pv_buf_free(&want);
		return;
	}
	if (nfit == 1) {
		check(c, fit, v);
		return;
	}
	memset(&best, 0, sizeof(best));
	pv_diags_init(&best.d);
	cJSON_ArrayForEach(b, branches) {
		size_t saved_errors = c->nerrors, errors;

		if (!branch_fits(c, b, v))
			continue;
		memset(&trial, 0, sizeof(trial));
		pv_diags_init(&trial.d);
		c->trial = &trial;
		check(c, b, v);
		c->trial = outer;
		errors = c->nerrors - saved_errors;
		c->nerrors = saved_errors;
		trial_take_ids(c, &trial, nids0, nrefs0);
		if (errors < best_errors) {
			trial_free(&best);
			best = trial;
			best_errors = errors;
		} else {
			trial_free(&trial);
		}
		if (best_errors == 0)
			break;
	}
	c->nerrors += best_errors;
	trial_keep(c, &best);
}

static void
check(struct vctx *c, const cJSON *schema, const cJSON *v)
{
	const cJSON *k;

	/* Keywords beside a $ref apply too (JSON Schema 2020-12): ours are
	 * the x-id and x-ref annotations on a shared "id" definition. */
	if (cJSON_GetObjectItemCaseSensitive(schema, "$ref") != NULL)
		vc_collect_ids(c, schema, v);
	schema = resolve_ref(c, schema);
	if (schema == NULL) {
		vc_error(c, v, 0, "the schema has a $ref that leads nowhere");
		return;
	}
	if (cJSON_IsTrue(schema))
		return;
	/* An x-one-key object carries a oneOf of "required" lists for
	 * standard validators; check_object says the same, better.  So
	 * does enrich for an x-week-date event's anyOf (a week or a
	 * date): "an event needs its week or its date", not "week is
	 * missing". */
	if (((k = cJSON_GetObjectItemCaseSensitive(schema, "anyOf")) &&
	    cJSON_GetObjectItemCaseSensitive(schema, "x-week-date") == NULL) ||
	    ((k = cJSON_GetObjectItemCaseSensitive(schema, "oneOf")) &&
	    cJSON_GetObjectItemCaseSensitive(schema, "x-one-key") == NULL)) {
		check_union(c, k, v);
		/* A union beside the value's own keywords (a figure: one of
		 * two sets of required members, and what each member may
		 * be) applies both, as JSON Schema does; without a "type"
		 * the union was the whole schema. */
		if (cJSON_GetObjectItemCaseSensitive(schema, "type") == NULL)
			return;
	}
	if (!check_type(c, schema, v))
		return;
	check_enum(c, schema, v);
	if (cJSON_IsString(v))
		check_string(c, schema, v);
	else if (cJSON_IsNumber(v))
		check_number(c, schema, v);
	else if (cJSON_IsObject(v))
		check_object(c, schema, v);
	else if (cJSON_IsArray(v))
		check_array(c, schema, v);
	vc_collect_ids(c, schema, v);
}

enum pv_status
validate_document(const struct schema *schema, struct loaded_json *doc,
    struct pv_diags *d)
{
	struct vctx c;

	memset(&c, 0, sizeof(c));
	c.schema = (struct schema *)schema; /* only its regex cache changes */
	c.doc = doc;
	c.d = d;
	pv_buf_init(&c.path);
	check(&c, schema->json->root, doc->root);
	vc_check_refs(&c);
	if (c.nerrors > VALIDATE_MAX_ERRORS)
		pv_diag(d, PV_ERROR, doc->file, 0, 0, "… and %zu more problems",
		    c.nerrors - VALIDATE_MAX_ERRORS);
	pv_buf_free(&c.path);
	vc_free(&c);
	return c.nerrors ? PV_EINPUT : PV_OK;
}
