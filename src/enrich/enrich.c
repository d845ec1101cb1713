/*
 * enrich.c - the driver of the enrich stage: labels, metadata, the section
 * tree and the dispatch of content blocks to their builders.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/jpath.h"
#include "../util/mem.h"
#include "enrich.h"
#include "enrich_int.h"
#include "format.h"
#include "markdown.h"

/* Every kind of block; a block view has all of these flags, one true. */
static const char *const block_kinds[] = {
	"text", "heading", "table", "box", "goals", "measures", "indicators",
	"calendar", "people", "references", "signature", "figure",
	"pagebreak",
};
#define NKINDS (sizeof(block_kinds) / sizeof(block_kinds[0]))

cJSON *
view_block(const char *kind)
{
	cJSON *b = cJSON_CreateObject();
	char key[32];
	size_t i;

	for (i = 0; i < NKINDS; i++) {
		snprintf(key, sizeof(key), "is_%s", block_kinds[i]);
		cJSON_AddBoolToObject(b, key, strcmp(kind, block_kinds[i]) == 0);
	}
	return b;
}

void
view_str(cJSON *o, const char *key, const char *value)
{
	cJSON_AddStringToObject(o, key, value);
}

void
view_false(cJSON *o, const char *key)
{
	cJSON_AddFalseToObject(o, key);
}

void
view_text(cJSON *o, const char *key, const char *s)
{
	if (s != NULL && s[0] != '\0')
		view_str(o, key, s);
	else
		view_false(o, key);
}

void
view_opt_str(cJSON *o, const char *key, const cJSON *v)
{
	view_text(o, key, cJSON_IsString(v) ? v->valuestring : NULL);
}

void
view_md(cJSON *o, const char *key, const cJSON *md, int inline_only)
{
	struct pv_buf b;

	if (!cJSON_IsString(md) || md->valuestring[0] == '\0') {
		view_false(o, key);
		return;
	}
	pv_buf_init(&b);
	markdown_to_xhtml(md->valuestring, strlen(md->valuestring),
	    inline_only, &b);
	view_str(o, key, b.data ? b.data : "");
	pv_buf_free(&b);
}

const char *
label(const struct enrich *e, const char *key)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(e->labels, key);

	return cJSON_IsString(l) ? l->valuestring : key;
}

void
en_error(struct enrich *e, const cJSON *node, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int line = 0, col = 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	load_locate(e->doc, node, 0, &line, &col);
	pv_diag(e->d, PV_ERROR, e->doc->file, line, col, "%s: %s",
	    e->path.len ? e->path.data : "document", msg);
}

static cJSON *
enrich_block(struct enrich *e, const cJSON *b)
{
	const cJSON *k;
	cJSON *v;

	if (cJSON_IsString(b)) {
		v = view_block("text");
		view_md(v, "html", b, 0);
		return v;
	}
	k = b->child; /* validated: exactly one member */
	if (k == NULL)
		return view_block("text");
	if (strcmp(k->string, "text") == 0) {
		v = view_block("text");
		view_md(v, "html", k, 0);
	} else if (strcmp(k->string, "heading") == 0) {
		v = view_block("heading");
		view_str(v, "title", k->valuestring);
	} else if (strcmp(k->string, "table") == 0) {
		v = enrich_table(e, k);
	} else if (strcmp(k->string, "box") == 0) {
		v = view_block("box");
		view_opt_str(v, "title", cJSON_GetObjectItemCaseSensitive(k,
		    "title"));
		cJSON_AddItemToObject(v, "content", enrich_blocks(e,
		    cJSON_GetObjectItemCaseSensitive(k, "content")));
	} else if (strcmp(k->string, "goals") == 0) {
		v = enrich_goals(e, k);
	} else if (strcmp(k->string, "measures") == 0) {
		v = enrich_measures(e, k, NULL);
	} else if (strcmp(k->string, "indicators") == 0) {
		v = enrich_indicators(e, k);
	} else if (strcmp(k->string, "calendar") == 0) {
		v = enrich_calendar(e, k);
	} else if (strcmp(k->string, "people") == 0) {
		v = enrich_people(e, k);
	} else if (strcmp(k->string, "references") == 0) {
		v = enrich_references(e, k);
	} else if (strcmp(k->string, "signature") == 0) {
		v = enrich_signature(e, k);
	} else if (strcmp(k->string, "figure") == 0) {
		v = enrich_figure(e, k);
	} else {
		v = view_block("pagebreak");
	}
	return v;
}

cJSON *
enrich_blocks(struct enrich *e, const cJSON *blocks)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *b;
	size_t i = 0;
	size_t old = en_path_key(e, "content");

	cJSON_ArrayForEach(b, blocks) {
		size_t o2 = en_path_index(e, i++);
		const char *kind = cJSON_IsObject(b) && b->child ?
		    b->child->string : NULL;
		size_t o3 = kind ? en_path_key(e, kind) : e->path.len;

		{
			cJSON *v = enrich_block(e, b);
			int sub = e->level + 1 > 4 ? 4 : e->level + 1;

			/* the level of headings the block makes itself */
			cJSON_AddBoolToObject(v, "sub2", sub <= 2);
			cJSON_AddBoolToObject(v, "sub3", sub == 3);
			cJSON_AddBoolToObject(v, "sub4", sub == 4);
			cJSON_AddItemToArray(out, v);
		}
		en_path_pop(e, o3);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	return out;
}

static cJSON *
enrich_sections(struct enrich *e, const cJSON *sections, const char *prefix,
    int level, int numbered)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *s;
	int n = 0;
	size_t i = 0;

	cJSON_ArrayForEach(s, sections) {
		cJSON *v = cJSON_CreateObject();
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "id");
		const cJSON *num = cJSON_GetObjectItemCaseSensitive(s,
		    "numbered");
		const cJSON *toc = cJSON_GetObjectItemCaseSensitive(s, "toc");
		int is_numbered = numbered && !cJSON_IsFalse(num);
		char number[64], anchor[96];
		size_t old = en_path_index(e, i++);

		if (is_numbered)
			n++;
		if (prefix[0])
			snprintf(number, sizeof(number), "%s.%d", prefix, n);
		else
			snprintf(number, sizeof(number), "%d", n);
		if (cJSON_IsString(id))
			snprintf(anchor, sizeof(anchor), "%s", id->valuestring);
		else
			snprintf(anchor, sizeof(anchor), "kap-%s-%zu",
			    number, i);
		for (char *p = anchor; *p; p++)
			if (*p == '.')
				*p = '-';
		view_str(v, "title", cJSON_GetObjectItemCaseSensitive(s,
		    "title")->valuestring);
		view_str(v, "anchor", anchor);
		cJSON_AddNumberToObject(v, "level", level);
		cJSON_AddBoolToObject(v, "h1", level == 1);
		cJSON_AddBoolToObject(v, "h2", level == 2);
		cJSON_AddBoolToObject(v, "h3", level >= 3);
		cJSON_AddBoolToObject(v, "nonumber", !is_numbered);
		cJSON_AddBoolToObject(v, "notoc", cJSON_IsFalse(toc));
		e->level = level;
		cJSON_AddItemToObject(v, "content", enrich_blocks(e,
		    cJSON_GetObjectItemCaseSensitive(s, "content")));
		{
			size_t o2 = en_path_key(e, "sections");

			cJSON_AddItemToObject(v, "sections", enrich_sections(e,
			    cJSON_GetObjectItemCaseSensitive(s, "sections"),
			    number, level + 1, is_numbered));
			en_path_pop(e, o2);
		}
		cJSON_AddItemToArray(out, v);
		en_path_pop(e, old);
	}
	return out;
}

static cJSON *
enrich_meta(struct enrich *e, const cJSON *meta)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *owner = cJSON_GetObjectItemCaseSensitive(meta, "owner");
	const cJSON *adopted = cJSON_GetObjectItemCaseSensitive(meta,
	    "adopted");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(meta, "date");
	const cJSON *kw = cJSON_GetObjectItemCaseSensitive(meta, "keywords");
	const cJSON *author = cJSON_GetObjectItemCaseSensitive(meta, "author");
	const cJSON *logo = owner ? cJSON_GetObjectItemCaseSensitive(owner,
	    "logo") : NULL;
	char buf[128];
	struct pv_buf b;

	view_str(v, "title", cJSON_GetObjectItemCaseSensitive(meta,
	    "title")->valuestring);
	view_opt_str(v, "subtitle", cJSON_GetObjectItemCaseSensitive(meta,
	    "subtitle"));
	view_str(v, "owner", cJSON_GetObjectItemCaseSensitive(owner,
	    "name")->valuestring);
	view_opt_str(v, "unit", cJSON_GetObjectItemCaseSensitive(owner,
	    "unit"));
	view_opt_str(v, "orgnr", cJSON_GetObjectItemCaseSensitive(owner,
	    "orgnr"));
	format_period(cJSON_GetObjectItemCaseSensitive(meta, "period"), buf,
	    sizeof(buf));
	view_str(v, "period", buf);
	if (cJSON_IsObject(adopted)) {
		cJSON *a = cJSON_CreateObject();
		const cJSON *ad = cJSON_GetObjectItemCaseSensitive(adopted,
		    "date");

		view_str(a, "by", cJSON_GetObjectItemCaseSensitive(adopted,
		    "by")->valuestring);
		if (cJSON_IsString(ad)) {
			format_date(ad->valuestring, buf, sizeof(buf));
			view_str(a, "date", buf);
		} else {
			view_false(a, "date");
		}
		view_opt_str(a, "case", cJSON_GetObjectItemCaseSensitive(
		    adopted, "case"));
		cJSON_AddItemToObject(v, "adopted", a);
	} else {
		view_false(v, "adopted");
	}
	if (cJSON_IsString(date)) {
		format_date(date->valuestring, buf, sizeof(buf));
		view_str(v, "date", buf);
	} else {
		view_false(v, "date");
	}
	view_opt_str(v, "version", cJSON_GetObjectItemCaseSensitive(meta,
	    "version"));
	view_str(v, "author", cJSON_IsString(author) ? author->valuestring :
	    cJSON_GetObjectItemCaseSensitive(owner, "name")->valuestring);
	pv_buf_init(&b);
	{
		const cJSON *k;

		cJSON_ArrayForEach(k, kw) {
			if (b.len)
				pv_buf_puts(&b, ", ");
			pv_buf_puts(&b, k->valuestring);
		}
	}
	view_str(v, "keywords", b.data ? b.data : "");
	pv_buf_free(&b);
	if (cJSON_IsString(logo)) {
		char *p = logo->valuestring[0] == '/' ?
		    pv_xstrdup(logo->valuestring) :
		    pv_path_join(e->base_dir, logo->valuestring);

		view_str(v, "logo", p);
		free(p);
	} else {
		view_false(v, "logo");
	}
	return v;
}

/* The labels of one language from templates/<type>/labels.json. */
static enum pv_status
load_labels(const char *type_dir, struct loaded_json **out,
    struct pv_diags *d)
{
	char *path = pv_path_join(type_dir, "labels.json");
	enum pv_status st = load_json_file(path, out, d);

	free(path);
	return st == PV_OK ? PV_OK : PV_EINTERNAL;
}

enum pv_status
enrich_document(struct loaded_json *doc, const struct enrich_options *opt,
    cJSON **out, struct pv_diags *d)
{
	struct enrich e;
	struct loaded_json *labels = NULL;
	const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc->root, "meta");
	const cJSON *lang = cJSON_GetObjectItemCaseSensitive(meta, "lang");
	const cJSON *nums = cJSON_GetObjectItemCaseSensitive(meta,
	    "number_sections");
	const cJSON *toc = cJSON_GetObjectItemCaseSensitive(meta, "toc");
	size_t errors = d->errors;
	cJSON *v;

	*out = NULL;
	if (load_labels(opt->type_dir, &labels, d) != PV_OK)
		return PV_EINTERNAL;
	memset(&e, 0, sizeof(e));
	e.doc = doc;
	e.d = d;
	e.lang = opt->lang ? opt->lang : cJSON_IsString(lang) ?
	    lang->valuestring : "nb";
	e.labels = cJSON_GetObjectItemCaseSensitive(labels->root, e.lang);
	if (!cJSON_IsObject(e.labels)) {
		pv_diag(d, PV_ERROR, labels->file, 0, 0, "no labels for the "
		    "language \"%s\" (nb, nn and se are known)", e.lang);
		loaded_json_free(labels);
		return PV_EINPUT;
	}
	{
		/* Images are resolved now, against the document's folder:
		 * the XHTML in between has no folder of its own. */
		char *dir = pv_dirname(doc->file), *real = realpath(dir, NULL);

		if (real != NULL) {
			e.base_dir = pv_xstrdup(real);
			free(real);
		} else {
			e.base_dir = pv_xstrdup(dir);
		}
		free(dir);
	}
	e.people = cJSON_GetObjectItemCaseSensitive(doc->root, "people");
	pv_buf_init(&e.path);

	v = cJSON_CreateObject();
	view_str(v, "lang", e.lang);
	cJSON_AddItemToObject(v, "labels", cJSON_Duplicate(e.labels, 1));
	{
		size_t old = en_path_key(&e, "meta");

		cJSON_AddItemToObject(v, "meta", enrich_meta(&e, meta));
		en_path_pop(&e, old);
	}
	cJSON_AddBoolToObject(v, "toc", !cJSON_IsFalse(toc));
	{
		size_t old = en_path_key(&e, "body");

		cJSON_AddItemToObject(v, "sections", enrich_sections(&e,
		    cJSON_GetObjectItemCaseSensitive(doc->root, "body"), "", 1,
		    !cJSON_IsFalse(nums)));
		en_path_pop(&e, old);
	}
	{
		cJSON *bud = cJSON_CreateObject();
		char buf[48];

		cJSON_AddBoolToObject(bud, "has", e.have_budget);
		format_integer(e.total, buf, sizeof(buf));
		view_str(bud, "total", buf);
		cJSON_AddItemToObject(bud, "by_level", sums_view(&e.by_level));
		cJSON_AddItemToObject(bud, "by_funding",
		    sums_view(&e.by_funding));
		cJSON_AddItemToObject(bud, "by_year", sums_view(&e.by_year));
		cJSON_AddItemToObject(v, "budget", bud);
	}
	pv_buf_free(&e.path);
	free(e.base_dir);
	loaded_json_free(labels);
	if (d->errors > errors) {
		cJSON_Delete(v);
		return PV_EINPUT;
	}
	*out = v;
	return PV_OK;
}
