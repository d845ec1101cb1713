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
#include "../parse/parse.h"
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
view_member(struct enrich *e, cJSON *o, const cJSON *obj, const char *key)
{
	view_text(o, key, en_string(e, obj, key, EN_OPTIONAL));
}

void
view_html_text(cJSON *o, const char *key, const char *text)
{
	struct pv_buf b;

	pv_buf_init(&b);
	xhtml_escape(text, strlen(text), &b);
	view_str(o, key, b.data ? b.data : "");
	pv_buf_free(&b);
}

void
view_md(struct enrich *e, cJSON *o, const char *key, const cJSON *md,
    int inline_only)
{
	struct pv_buf b;
	size_t len;

	if (!cJSON_IsString(md) || md->valuestring == NULL ||
	    md->valuestring[0] == '\0') {
		view_false(o, key);
		return;
	}
	len = strlen(md->valuestring);
	pv_buf_init(&b);
	switch (markdown_to_xhtml(md->valuestring, len, inline_only, &b)) {
	case MARKDOWN_TOO_LONG:
		en_error(e, md, "the text is %zu bytes long; one text field may "
		    "hold at most %u bytes (MARKDOWN_MAX_INPUT): split it into "
		    "several blocks", len, MARKDOWN_MAX_INPUT);
		view_false(o, key);
		break;
	case MARKDOWN_TOO_DEEP:
		en_error(e, md, "the text nests quotes, lists or emphasis more "
		    "than %d deep (MARKDOWN_MAX_DEPTH)", MARKDOWN_MAX_DEPTH);
		view_false(o, key);
		break;
	case MARKDOWN_LIST_START:
		en_error(e, md, "a numbered list starts past %d, the largest "
		    "number a list may start at (PARSE_MAX_LIST_START); to "
		    "keep the number as text, write a backslash before its "
		    "dot, as in \"2024\\. \"", PARSE_MAX_LIST_START);
		view_false(o, key);
		break;
	default:
		view_str(o, key, b.data ? b.data : "");
		break;
	}
	pv_buf_free(&b);
}

void
view_md_member(struct enrich *e, cJSON *o, const char *vkey,
    const cJSON *obj, const char *key, int inline_only)
{
	const cJSON *md = en_get(e, obj, key, EN_STRING, EN_OPTIONAL);
	size_t old = en_path_key(e, key);

	view_md(e, o, vkey, md, inline_only);
	en_path_pop(e, old);
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

static void
kinds_list(struct pv_buf *b)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		pv_buf_printf(b, "%s%s", i ? ", " : "", block_kinds[i]);
}

/* One block: a string (Markdown) or an object with exactly one known
 * member.  NULL after an error.  The path is the block's. */
static cJSON *
enrich_block(struct enrich *e, const cJSON *b)
{
	const cJSON *k, *x;
	struct pv_buf kinds;
	cJSON *v = NULL;
	size_t old;
	int n = 0;

	if (cJSON_IsString(b)) {
		v = view_block("text");
		view_md(e, v, "html", b, 0);
		return v;
	}
	if (en_check(e, b, EN_STRING | EN_OBJECT) == NULL)
		return NULL;
	cJSON_ArrayForEach(x, b)
		n++;
	k = b->child;
	if (n != 1) {
		pv_buf_init(&kinds);
		kinds_list(&kinds);
		if (n == 0)
			en_error(e, b, "an empty block; a block has one of: %s",
			    kinds.data);
		else {
			struct pv_buf names;

			pv_buf_init(&names);
			cJSON_ArrayForEach(x, b)
				pv_buf_printf(&names, "%s%s", names.len ? ", " :
				    "", x->string);
			en_error(e, b, "a block has exactly one of: %s; this "
			    "one has %d (%s): split it into separate blocks",
			    kinds.data, n, names.data);
			pv_buf_free(&names);
		}
		pv_buf_free(&kinds);
		return NULL;
	}
	old = en_path_key(e, k->string);
	if (strcmp(k->string, "text") == 0) {
		if (en_check(e, k, EN_STRING)) {
			v = view_block("text");
			view_md(e, v, "html", k, 0);
		}
	} else if (strcmp(k->string, "heading") == 0) {
		if (en_check(e, k, EN_STRING)) {
			v = view_block("heading");
			view_str(v, "title", k->valuestring);
		}
	} else if (strcmp(k->string, "table") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_table(e, k);
	} else if (strcmp(k->string, "box") == 0) {
		if (en_check(e, k, EN_OBJECT)) {
			v = view_block("box");
			view_member(e, v, k, "title");
			cJSON_AddItemToObject(v, "content", enrich_blocks(e,
			    en_get(e, k, "content", EN_ARRAY, EN_OPTIONAL)));
		}
	} else if (strcmp(k->string, "goals") == 0) {
		if (en_check(e, k, EN_ARRAY))
			v = enrich_goals(e, k);
	} else if (strcmp(k->string, "measures") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_measures(e, k, NULL);
	} else if (strcmp(k->string, "indicators") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_indicators(e, k);
	} else if (strcmp(k->string, "calendar") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_calendar(e, k);
	} else if (strcmp(k->string, "people") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_people(e, k);
	} else if (strcmp(k->string, "references") == 0) {
		if (en_check(e, k, EN_ARRAY))
			v = enrich_references(e, k);
	} else if (strcmp(k->string, "signature") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_signature(e, k);
	} else if (strcmp(k->string, "figure") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_figure(e, k);
	} else if (strcmp(k->string, "pagebreak") == 0) {
		if (cJSON_IsTrue(k))
			v = view_block("pagebreak");
		else
			en_error(e, k, "must be true, not %s", cJSON_IsFalse(k)
			    ? "false" : "something else");
	} else {
		pv_buf_init(&kinds);
		kinds_list(&kinds);
		en_error(e, k, "unknown block kind \"%s\"; a block has one of: "
		    "%s", k->string, kinds.data);
		pv_buf_free(&kinds);
	}
	en_path_pop(e, old);
	return v;
}

/* The blocks of a "content" list (checked to be one, or NULL). */
cJSON *
enrich_blocks(struct enrich *e, const cJSON *blocks)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *b;
	size_t i = 0;
	size_t old = en_path_key(e, "content");

	cJSON_ArrayForEach(b, blocks) {
		size_t o2 = en_path_index(e, i++);
		cJSON *v = enrich_block(e, b);
		int sub = e->level + 1 > 4 ? 4 : e->level + 1;

		if (v != NULL) {
			/* the level of headings the block makes itself */
			cJSON_AddBoolToObject(v, "sub2", sub <= 2);
			cJSON_AddBoolToObject(v, "sub3", sub == 3);
			cJSON_AddBoolToObject(v, "sub4", sub == 4);
			cJSON_AddItemToArray(out, v);
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	return out;
}

static const char *typed_number_end(const char *);

static cJSON *
enrich_sections(struct enrich *e, const cJSON *sections, const char *prefix,
    int level, int numbered)
{
	cJSON *out = cJSON_CreateArray();
	const cJSON *s;
	int n = 0;
	size_t i = 0;

	cJSON_ArrayForEach(s, sections) {
		cJSON *v;
		const char *id, *title;
		int is_numbered;
		char number[64];
		struct pv_buf anchor;
		size_t old = en_path_index(e, i++);

		if (en_check(e, s, EN_OBJECT) == NULL) {
			en_path_pop(e, old);
			continue;
		}
		v = cJSON_CreateObject();
		id = en_string(e, s, "id", EN_OPTIONAL);
		title = en_string(e, s, "title", EN_REQUIRED);
		is_numbered = numbered && en_bool(e, s, "numbered", 1);
		if (is_numbered)
			n++;
		if (prefix[0])
			snprintf(number, sizeof(number), "%s.%d", prefix, n);
		else
			snprintf(number, sizeof(number), "%d", n);
		pv_buf_init(&anchor);
		if (id != NULL)
			pv_buf_puts(&anchor, id);
		else
			pv_buf_printf(&anchor, "kap-%s-%zu", number, i);
		for (char *p = anchor.data; *p; p++)
			if (*p == '.')
				*p = '-';
		view_str(v, "title", title ? (is_numbered ?
		    typed_number_end(title) : title) : "");
		view_str(v, "anchor", anchor.data);
		pv_buf_free(&anchor);
		cJSON_AddNumberToObject(v, "level", level);
		cJSON_AddBoolToObject(v, "h1", level == 1);
		cJSON_AddBoolToObject(v, "h2", level == 2);
		cJSON_AddBoolToObject(v, "h3", level >= 3);
		cJSON_AddBoolToObject(v, "nonumber", !is_numbered);
		cJSON_AddBoolToObject(v, "notoc", !en_bool(e, s, "toc", 1));
		e->level = level;
		cJSON_AddItemToObject(v, "content", enrich_blocks(e,
		    en_get(e, s, "content", EN_ARRAY, EN_OPTIONAL)));
		{
			const cJSON *subs = en_get(e, s, "sections", EN_ARRAY,
			    EN_OPTIONAL);
			size_t o2 = en_path_key(e, "sections");

			cJSON_AddItemToObject(v, "sections", enrich_sections(e,
			    subs, number, level + 1, is_numbered));
			en_path_pop(e, o2);
		}
		cJSON_AddItemToArray(out, v);
		en_path_pop(e, old);
	}
	return out;
}

/*
 * A title that starts with the source's own number ("5. Videreutdanning",
 * "4.1 Lean"), past that number: in a numbered section planverk's number
 * stands in its place, so a typed one is never printed twice (nor a
 * source's slip, two chapters "5.", kept).
 */
static const char *
typed_number_end(const char *t)
{
	const char *p = t;
	int dots = 0;

	/* a number has a dot ("5." or "4.1"): "2025 – ny start" is no
	 * section number */
	for (;;) {
		if (*p < '0' || *p > '9')
			return t;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
			p++;
			dots++;
			continue;
		}
		if (*p == '.') {
			p++;
			dots++;
		}
		break;
	}
	if (*p != ' ' || dots == 0)
		return t;
	while (*p == ' ')
		p++;
	return *p != '\0' ? p : t;
}

/* The first or last run of four digits in `s` (a year), or "". */
static void
year_at(const char *s, int last, char out[5])
{
	size_t i, n = strlen(s);

	out[0] = '\0';
	for (i = 0; i + 4 <= n; i++) {
		size_t k = i;

		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k - i == 4) {
			memcpy(out, s + i, 4);
			out[4] = '\0';
			if (!last)
				return;
		}
		if (k > i)
			i = k - 1;
	}
}

/* Whether a title already names the period's years ("Grunnskolen i
 * Søndre Land 2018 – 2020"): the cover then says it once, not twice. */
static int
period_in(const char *period, const char *title)
{
	char from[5], to[5];

	if (title == NULL)
		return 0;
	year_at(period, 0, from);
	year_at(period, 1, to);
	return from[0] != '\0' && strstr(title, from) != NULL &&
	    strstr(title, to) != NULL;
}

static cJSON *
enrich_meta(struct enrich *e, const cJSON *meta)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *owner = en_get(e, meta, "owner", EN_OBJECT, EN_REQUIRED);
	const cJSON *adopted = en_get(e, meta, "adopted", EN_OBJECT,
	    EN_OPTIONAL);
	const cJSON *kw = en_get(e, meta, "keywords", EN_ARRAY, EN_OPTIONAL);
	const char *title = en_string(e, meta, "title", EN_REQUIRED);
	const char *author = en_string(e, meta, "author", EN_OPTIONAL);
	const char *name, *date, *logo, *short_title;
	char buf[128];
	struct pv_buf b;
	size_t old;

	view_str(v, "title", title ? title : "");
	/* The running header's text: a title short enough for one line
	 * of the header, where the author gave one. */
	short_title = en_string(e, meta, "short_title", EN_OPTIONAL);
	view_str(v, "running_title", short_title ? short_title : title ?
	    title : "");
	view_member(e, v, meta, "subtitle");
	old = en_path_key(e, "owner");
	name = en_string(e, owner, "name", EN_REQUIRED);
	view_str(v, "owner", name ? name : "");
	view_member(e, v, owner, "unit");
	view_member(e, v, owner, "orgnr");
	logo = en_string(e, owner, "logo", EN_OPTIONAL);
	en_path_pop(e, old);
	en_period(e, meta, "period", EN_REQUIRED, buf, sizeof(buf));
	view_str(v, "period", buf);
	cJSON_AddBoolToObject(v, "cover_period", !period_in(buf, title) &&
	    !period_in(buf, en_string(e, meta, "subtitle", EN_OPTIONAL)));
	if (adopted != NULL) {
		cJSON *a = cJSON_CreateObject();
		const char *by, *ad;

		old = en_path_key(e, "adopted");
		by = en_string(e, adopted, "by", EN_REQUIRED);
		view_str(a, "by", by ? by : "");
		if ((ad = en_date(e, adopted, "date", EN_OPTIONAL, NULL))) {
			format_date(ad, buf, sizeof(buf));
			view_str(a, "date", buf);
		} else {
			view_false(a, "date");
		}
		view_member(e, a, adopted, "case");
		en_path_pop(e, old);
		cJSON_AddItemToObject(v, "adopted", a);
	} else {
		view_false(v, "adopted");
	}
	if ((date = en_date(e, meta, "date", EN_OPTIONAL, NULL)) != NULL) {
		format_date(date, buf, sizeof(buf));
		view_str(v, "date", buf);
	} else {
		view_false(v, "date");
	}
	view_member(e, v, meta, "version");
	view_str(v, "author", author ? author : name ? name : "");
	pv_buf_init(&b);
	{
		const cJSON *k;
		size_t i = 0;

		old = en_path_key(e, "keywords");
		cJSON_ArrayForEach(k, kw) {
			if (en_item(e, k, i++, EN_STRING) == NULL)
				continue;
			if (b.len)
				pv_buf_puts(&b, ", ");
			pv_buf_puts(&b, k->valuestring);
		}
		en_path_pop(e, old);
	}
	view_str(v, "keywords", b.data ? b.data : "");
	pv_buf_free(&b);
	if (logo != NULL && logo[0] != '\0') {
		char *p = logo[0] == '/' ? pv_xstrdup(logo) :
		    pv_path_join(e->base_dir, logo);

		view_str(v, "logo", p);
		free(p);
	} else {
		view_false(v, "logo");
	}
	return v;
}

/* meta.numbering: whether goals (Mål 1) and measures (1.1) are
 * numbered; both are by default, a source without numbers says false. */
static void
numbering_read(struct enrich *e, const cJSON *meta)
{
	const cJSON *n = en_get(e, meta, "numbering", EN_OBJECT, EN_OPTIONAL);
	size_t old = en_path_key(e, "numbering");

	e->number_goals = n ? en_bool(e, n, "goals", 1) : 1;
	e->number_measures = n ? en_bool(e, n, "measures", 1) : 1;
	en_path_pop(e, old);
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
	const cJSON *meta, *body;
	const char *lang;
	size_t errors = d->errors;
	int nums, toc, report;
	cJSON *v;

	*out = NULL;
	if (load_labels(opt->type_dir, &labels, d) != PV_OK)
		return PV_EINTERNAL;
	memset(&e, 0, sizeof(e));
	e.doc = doc;
	e.d = d;
	pv_buf_init(&e.path);
	e.by_level.what = "level";
	e.by_funding.what = "funding source";
	e.by_year.what = "year";
	if (!cJSON_IsObject(doc->root)) {
		en_error(&e, doc->root, "a planverk document is a JSON object");
		pv_buf_free(&e.path);
		loaded_json_free(labels);
		return PV_EINPUT;
	}
	meta = en_get(&e, doc->root, "meta", EN_OBJECT, EN_REQUIRED);
	/* TODO(merge with the table of type modules): an årsrapport has its
	 * own module and no body */
	report = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(doc->root,
	    "type")) && strcmp(cJSON_GetObjectItemCaseSensitive(doc->root,
	    "type")->valuestring, "arsrapport") == 0;
	e.type_dir = opt->type_dir;
	body = report ? NULL : en_get(&e, doc->root, "body", EN_ARRAY,
	    EN_REQUIRED);
	{
		size_t old = en_path_key(&e, "meta");

		lang = en_string(&e, meta, "lang", EN_OPTIONAL);
		nums = en_bool(&e, meta, "number_sections", 1);
		toc = en_bool(&e, meta, "toc", 1);
		numbering_read(&e, meta);
		en_path_pop(&e, old);
	}
	e.lang = opt->lang ? opt->lang : lang ? lang : "nb";
	e.labels = cJSON_GetObjectItemCaseSensitive(labels->root, e.lang);
	if (!cJSON_IsObject(e.labels)) {
		pv_diag(d, PV_ERROR, labels->file, 0, 0, "no labels for the "
		    "language \"%s\" (nb, nn and se are known)", e.lang);
		pv_buf_free(&e.path);
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
	e.people = en_get(&e, doc->root, "people", EN_ARRAY, EN_OPTIONAL);
	check_people(&e);

	if (report) {
		v = enrich_arsrapport(&e, doc->root);
		goto done;
	}
	v = cJSON_CreateObject();
	view_str(v, "lang", e.lang);
	cJSON_AddItemToObject(v, "labels", cJSON_Duplicate(e.labels, 1));
	{
		size_t old = en_path_key(&e, "meta");

		cJSON_AddItemToObject(v, "meta", enrich_meta(&e, meta));
		en_path_pop(&e, old);
	}
	cJSON_AddBoolToObject(v, "toc", toc);
	{
		size_t old = en_path_key(&e, "body");

		cJSON_AddItemToObject(v, "sections", enrich_sections(&e, body,
		    "", 1, nums));
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
done:
	sums_free(&e.by_level);
	sums_free(&e.by_funding);
	sums_free(&e.by_year);
	pv_buf_free(&e.path);
	free(e.base_dir);
	loaded_json_free(labels);
	if (d->errors > errors || v == NULL) {
		cJSON_Delete(v);
		return PV_EINPUT;
	}
	*out = v;
	return PV_OK;
}
