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
#include "plandiff.h"
#include "format.h"
#include "../parse/parse.h"
#include "markdown.h"

/* Every kind of block; a block view has all of these flags, one true. */
static const char *const block_kinds[] = {
	"text", "heading", "table", "box", "goals", "measures", "indicators",
	"calendar", "people", "references", "signature", "figure",
	"pagebreak", "list",
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
view_lang(const struct enrich *e, cJSON *v)
{
	view_str(v, "lang", e->text_lang);
	if (e->label_lang != NULL)
		view_str(v, "label_lang", e->label_lang);
	else
		view_false(v, "label_lang");
}

void
view_item_lang(const struct enrich *e, cJSON *o, int is_label)
{
	if (is_label && e->label_lang != NULL)
		view_str(o, "lang", e->label_lang);
	else
		view_false(o, "lang");
}

void
en_label_html(const struct enrich *e, struct pv_buf *b, const char *text)
{
	if (e->label_lang != NULL)
		pv_buf_printf(b, "<span lang=\"%s\">", e->label_lang);
	xhtml_escape(text, strlen(text), b);
	if (e->label_lang != NULL)
		pv_buf_puts(b, "</span>");
}

void
en_vdiag(struct enrich *e, enum pv_level level, const cJSON *node,
    const char *fmt, va_list ap)
{
	char msg[1024];
	int line = 0, col = 0;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	load_locate(e->doc, node, 0, &line, &col);
	pv_diag(e->d, level, e->doc->file, line, col, "%s: %s",
	    e->path.len ? e->path.data : "document", msg);
}

void
en_error(struct enrich *e, const cJSON *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	en_vdiag(e, PV_ERROR, node, fmt, ap);
	va_end(ap);
}

static void
kinds_list(struct pv_buf *b)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		pv_buf_printf(b, "%s%s", i ? ", " : "", block_kinds[i]);
}

/*
 * A list block {"style", "items"}: items in inline Markdown, lettered
 * ("a", "A": <ol type>), numbered ("1") or bullets; the seeds' a) b) c)
 * lists keep their letters.
 */
static cJSON *
enrich_list(struct enrich *e, const cJSON *l)
{
	static const char *const styles[] = { "a", "A", "1", "bullet" };
	const char *style = en_string(e, l, "style", EN_OPTIONAL);
	const cJSON *items = en_get(e, l, "items", EN_ARRAY, EN_REQUIRED), *x;
	cJSON *v, *out;
	size_t i = 0, k;

	if (style == NULL)
		style = "bullet";
	for (k = 0; k < 4 && strcmp(style, styles[k]) != 0; k++)
		;
	if (k == 4) {
		en_error(e, cJSON_GetObjectItemCaseSensitive(l, "style"),
		    "unknown list style \"%s\"; a list's style is one of: "
		    "a, A, 1, bullet", style);
		return NULL;
	}
	v = view_block("list");
	cJSON_AddBoolToObject(v, "ordered", k < 3);
	view_text(v, "type", k < 2 ? style : NULL);
	out = cJSON_CreateArray();
	{
		size_t old = en_path_key(e, "items");

		cJSON_ArrayForEach(x, items) {
			size_t o2 = en_path_index(e, i++);
			cJSON *it = cJSON_CreateObject();

			if (en_check(e, x, EN_STRING) != NULL)
				view_md(e, it, "html", x, 1);
			else
				view_false(it, "html");
			cJSON_AddItemToArray(out, it);
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(v, "items", out);
	return v;
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
	} else if (strcmp(k->string, "list") == 0) {
		if (en_check(e, k, EN_OBJECT))
			v = enrich_list(e, k);
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

cJSON *
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

			/* Deeper would print as a sibling of its parent,
			 * numbered as one ("1.1.2" for a 1.1.1.1). */
			if (level >= ENRICH_MAX_SECTION_DEPTH &&
			    cJSON_GetArraySize(subs) > 0) {
				en_error(e, subs, "sections nest at most %d "
				    "levels (section, subsection, subsubsection)"
				    ": make these \"heading\" blocks in the "
				    "content above, or move them up a level",
				    ENRICH_MAX_SECTION_DEPTH);
				subs = NULL;
			}
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
	const cJSON *meta, *t;
	const char *lang = NULL;
	size_t errors = d->errors;
	enrich_type_fn module;
	cJSON *v;

	*out = NULL;
	if (load_labels(opt->type_dir, &labels, d) != PV_OK)
		return PV_EINTERNAL;
	memset(&e, 0, sizeof(e));
	e.doc = doc;
	e.d = d;
	pv_buf_init(&e.path);
	if (!cJSON_IsObject(doc->root)) {
		en_error(&e, doc->root, "a planverk document is a JSON object");
		pv_buf_free(&e.path);
		loaded_json_free(labels);
		return PV_EINPUT;
	}
	/* The language comes first, for the labels; every type has
	 * meta.lang (the schema checked it).  It is the language of the
	 * text, and so of the document; --lang chooses only the labels'
	 * (a bokmål plan with nynorsk headings stays a bokmål document). */
	meta = cJSON_GetObjectItemCaseSensitive(doc->root, "meta");
	t = cJSON_GetObjectItemCaseSensitive(meta, "lang");
	if (cJSON_IsString(t) && t->valuestring[0] != '\0')
		lang = t->valuestring;
	e.text_lang = lang ? lang : "nb";
	e.lang = opt->lang ? opt->lang : e.text_lang;
	e.label_lang = strcmp(e.lang, e.text_lang) != 0 ? e.lang : NULL;
	e.type_dir = opt->type_dir;
	e.labels = cJSON_GetObjectItemCaseSensitive(labels->root, e.lang);
	if (!cJSON_IsObject(e.labels)) {
		/* the languages are what labels.json has, not a list here */
		struct pv_buf known;
		const cJSON *l;

		pv_buf_init(&known);
		cJSON_ArrayForEach(l, labels->root)
			if (cJSON_IsObject(l) && l->string != NULL)
				pv_buf_printf(&known, "%s%s", known.len ? ", " :
				    "", l->string);
		pv_diag(d, PV_ERROR, labels->file, 0, 0, "no labels for the "
		    "language \"%s\" (the file has: %s)", e.lang,
		    known.len ? known.data : "none");
		pv_buf_free(&known);
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
	t = cJSON_GetObjectItemCaseSensitive(doc->root, "type");
	module = enrich_type_module(cJSON_IsString(t) ? t->valuestring : "");
	v = module(&e, doc->root);
	pv_buf_free(&e.path);
	free(e.base_dir);
	loaded_json_free(labels);
	if (v == NULL || d->errors > errors) {
		cJSON_Delete(v);
		return PV_EINPUT;
	}
	/* no appendix of changes unless build --changes-since sets one */
	plandiff_view_set(v, NULL);
	*out = v;
	return PV_OK;
}
