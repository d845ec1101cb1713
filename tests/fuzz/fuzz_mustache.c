/*
 * fuzz_mustache.c - the Mustache engine on any template and any data.
 *
 * Input: the template, optionally followed by a line "@@data@@" and JSON
 * data.  Without data (or with data cJSON cannot read) a fixed view with
 * strings, numbers, nested lists and objects is used, so that sections,
 * inverted sections, dotted names and partials all have something to
 * walk.  Partials come from memory: "p" and "q" are small fixed
 * templates, "self" is the template itself (recursion), anything else is
 * missing.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../../src/mustache/mustache.h"
#include "../../src/mustache/mustache_cjson.h"
#include "../../src/util/mem.h"
#include "../../src/util/file.h"
#include "fuzz.h"

static const char default_view[] =
    "{\"a\":\"<&\\\"'>\",\"n\":42,\"f\":1.5,\"t\":true,\"z\":false,"
    "\"e\":[],\"nul\":null,"
    "\"list\":[1,\"two\",{\"a\":\"x\",\"list\":[3,4]},[5,[6]]],"
    "\"o\":{\"a\":{\"b\":{\"c\":\"deep\"}},\"list\":[{\"n\":1},{\"n\":2}]},"
    "\"name\":\"p\",\"html\":\"<b>b</b>\"}";

static const char sep[] = "\n@@data@@\n";

struct fuzz_partials {
	const char *self;
	size_t self_len;
};

static int
is_name(const char *name, size_t namelen, const char *want)
{
	return namelen == strlen(want) && memcmp(name, want, namelen) == 0;
}

static enum pv_status
load_partial(void *ctx, const char *name, size_t namelen, char **text,
    size_t *len, char **file, const char **refused, struct pv_diags *d)
{
	const struct fuzz_partials *fp = ctx;
	const char *t = NULL;
	size_t n = 0;

	(void)d;
	*text = NULL;
	*len = 0;
	*refused = NULL;
	*file = pv_xasprintf("%.*s.mustache", (int)namelen, name);
	if (is_name(name, namelen, "p"))
		t = "[{{a}}|{{#list}}{{.}}{{/list}}|{{$b}}B{{/b}}]\n";
	else if (is_name(name, namelen, "q"))
		t = "  {{> p}}{{<p}}{{$b}}Q{{/b}}{{/p}}\n";
	else if (is_name(name, namelen, "x/y"))
		*refused = "not allowed here";
	else if (is_name(name, namelen, "self")) {
		t = fp->self;
		n = fp->self_len;
	}
	if (t == NULL)
		return PV_OK;
	if (t != fp->self)
		n = strlen(t);
	*text = pv_xmalloc(n + 1);
	memcpy(*text, t, n);
	(*text)[n] = '\0';
	*len = n;
	return PV_OK;
}

static const char *
find_sep(const char *s, size_t n)
{
	size_t k = sizeof(sep) - 1, i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, sep, k) == 0)
			return s + i;
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *s;
	size_t tlen = size;
	struct mustache_template *t;
	struct mustache_partials partials;
	struct fuzz_partials fp;
	struct pv_diags d;
	struct pv_buf out;
	cJSON *view = NULL;
	enum pv_status st;

	if ((s = find_sep(text, size)) != NULL) {
		tlen = (size_t)(s - text);
		s += sizeof(sep) - 1;
		view = cJSON_ParseWithLength(s, size - (size_t)(s - text));
	}
	if (view == NULL)
		view = cJSON_Parse(default_view);
	pv_diags_init(&d);
	pv_buf_init(&out);
	t = mustache_compile("fuzz.mustache", text, tlen, &d);
	if (t == NULL) {
		if (d.errors == 0)
			abort();
	} else {
		fp.self = text;
		fp.self_len = tlen;
		partials.load = load_partial;
		partials.ctx = &fp;
		partials.strict = (size & 1) != 0;
		st = mustache_render(t, &mustache_cjson_ops, view, &partials,
		    &out, &d);
		if (st != PV_OK && d.errors == 0)
			abort();
		mustache_free(t);
	}
	pv_buf_free(&out);
	pv_diags_free(&d);
	cJSON_Delete(view);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
