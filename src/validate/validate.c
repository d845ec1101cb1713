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
	load_locate(c->doc, node, at_key, &line, &col);
	pv_diag(c->d, PV_ERROR, c->doc->file, line, col, "%s", msg.data);
	pv_buf_free(&msg);
}

/* ---- describing values -------------------------------------------- */

static int
is_integer(const cJSON *v)
{
	double x = v->valuedouble;

	return cJSON_IsNumber(v) && isfinite(x) && floor(x) == x &&
	    fabs(x) <= 9007199254740991.0;
}

static const char *
kind_of(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "text";
	if (cJSON_IsNumber(v))
		return is_integer(v) ? "a whole number" : "a decimal number";
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
		if (is_integer(v))
			snprintf(out, size, "%.0f", v->valuedouble);
		else
			snprintf(out, size, "%g", v->valuedouble);
	} else {
		snprintf(out, size, "%s", kind_of(v));
	}
}

/* ---- the walk ------------------------------------------------------ */

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
		if (type_matches(t->valuestring, v) ||
		    (strcmp(t->valuestring, "integer") == 0 && 0))
			return 1;
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
	const cJSON *k;
	char q[64];

	vc_quote(v, q, sizeof(q));
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minimum")) &&
	    v->valuedouble < k->valuedouble) {
		if (k->valuedouble == 0)
			vc_error(c, v, 0, "must not be negative (found %s)", q);
		else
			vc_error(c, v, 0, "must be at least %g (found %s)",
			    k->valuedouble, q);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "exclusiveMinimum"))
	    && v->valuedouble <= k->valuedouble)
		vc_error(c, v, 0, "must be more than %g (found %s)",
		    k->valuedouble, q);
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "maximum")) &&
	    v->valuedouble > k->valuedouble)
		vc_error(c, v, 0, "must be at most %g (found %s)",
		    k->valuedouble, q);
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
	int count = 0;

	cJSON_ArrayForEach(m, v)
		count++;
	if (cJSON_GetObjectItemCaseSensitive(schema, "x-one-key") != NULL &&
	    count != 1) {
		vc_one_key_error(c, schema, v, count);
		return;
	}
	cJSON_ArrayForEach(k, req) {
		if (cJSON_IsString(k) &&
		    cJSON_GetObjectItemCaseSensitive(v, k->valuestring) == NULL)
			vc_error(c, v, 0, "\"%s\" is missing (it is required)",
			    k->valuestring);
	}
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "minProperties")) &&
	    count < k->valuedouble)
		vc_error(c, v, 0, "must not be empty");
	cJSON_ArrayForEach(m, v) {
		const cJSON *sub = props ?
		    cJSON_GetObjectItemCaseSensitive(props, m->string) : NULL;
		const cJSON *dup;
		size_t old = vc_path_push_key(c, m->string);

		/* cJSON keeps duplicate members; JSON readers disagree on
		 * which wins, so a duplicate is an error. */
		for (dup = v->child; dup != m; dup = dup->next)
			if (strcmp(dup->string, m->string) == 0) {
				vc_error(c, m, 1, "appears twice in the same "
				    "object");
				break;
			}
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
	}
	vc_check_order(c, schema, v);
	vc_check_week_date(c, schema, v);
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
	    (double)n > k->valuedouble)
		vc_error(c, v, 0, "has %zu items; at most %.0f are allowed", n,
		    k->valuedouble);
	if (items == NULL)
		return;
	cJSON_ArrayForEach(e, v) {
		size_t old = vc_path_push_index(c, i++);

		check(c, items, e);
		vc_path_pop(c, old);
	}
}

/*
 * anyOf / oneOf.  Branches are first filtered by their "type": in our
 * schemas the branches of a union differ by type (a block is text or an
 * object), so the one branch that fits gives precise messages.  Only when
 * several fit are they tried quietly, keeping the closest branch's errors.
 */
static void
check_union(struct vctx *c, const cJSON *branches, const cJSON *v)
{
	const cJSON *b, *fit = NULL, *best = NULL;
	struct pv_diags best_d;
	size_t nfit = 0, best_errors = (size_t)-1;

	cJSON_ArrayForEach(b, branches) {
		const cJSON *rb = resolve_ref(c, b);
		const cJSON *t = rb ? cJSON_GetObjectItemCaseSensitive(rb,
		    "type") : NULL;
		int ok = 1;

		if (cJSON_IsString(t))
			ok = type_matches(t->valuestring, v) ||
			    (strcmp(t->valuestring, "number") == 0 &&
			    cJSON_IsNumber(v));
		if (ok) {
			fit = b;
			nfit++;
		}
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
	pv_diags_init(&best_d);
	cJSON_ArrayForEach(b, branches) {
		struct pv_diags *saved = c->d, trial;
		size_t saved_errors = c->nerrors;

		pv_diags_init(&trial);
		c->d = &trial;
		check(c, b, v);
		c->d = saved;
		c->nerrors = saved_errors;
		if (trial.errors < best_errors) {
			pv_diags_free(&best_d);
			best_d = trial;
			best_errors = trial.errors;
			best = b;
		} else {
			pv_diags_free(&trial);
		}
		if (best_errors == 0)
			break;
	}
	(void)best;
	c->nerrors += best_d.errors;
	pv_diags_move(c->d, &best_d);
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
	if ((k = cJSON_GetObjectItemCaseSensitive(schema, "anyOf")) ||
	    (k = cJSON_GetObjectItemCaseSensitive(schema, "oneOf"))) {
		check_union(c, k, v);
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
