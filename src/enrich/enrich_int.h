/*
 * enrich_int.h - shared by the files of the enrich stage.
 */
#ifndef PV_ENRICH_INT_H
#define PV_ENRICH_INT_H

#include <stdarg.h>
#include <cjson/cJSON.h>

#include "../load/load.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/jpath.h"

#include "../util/date.h"

/* Limits of what a document may ask of enrich; each refused by name. */
#define ENRICH_MAX_SUMS 1000  /* distinct levels, sources or years summed */
#define ENRICH_MAX_AMOUNT 1000000000000LL /* kroner in one budget */
#define ENRICH_MIN_YEAR PV_YEAR_MIN /* util/date.h: one range for every stage */
#define ENRICH_MAX_YEAR PV_YEAR_MAX
/* section, subsection, subsubsection (docs/model-kompetanseplan.md) */
#define ENRICH_MAX_SECTION_DEPTH 3
#define TABLE_MAX_COLUMNS 40
#define TABLE_MAX_ROWS 10000
#define TABLE_MAX_COLSPAN 100
#define TABLE_MAX_ROWSPAN 1000

struct sum_entry {
	char *key;
	long long amount;
	int is_label;          /* the key is a label's words, not the plan's */
};

struct sums {
	const char *what;      /* "funding source", for messages */
	struct sum_entry *v;
	size_t n, cap;
};

struct enrich {
	struct loaded_json *doc;
	struct pv_diags *d;
	const cJSON *labels;   /* of the language in use */
	const char *lang;      /* the labels' language: --lang, else text_lang */
	const char *text_lang; /* meta.lang (default nb): the language the
	                        * document's own text is written in */
	const char *label_lang; /* lang when it differs from text_lang (words
	                         * of the labels in another language than the
	                         * text, marked so), else NULL */
	char *base_dir;        /* folder of the document, for images */
	const cJSON *people;   /* the registry */
	int level;             /* heading level of the enclosing section */
	int goals;             /* goals numbered so far */
	char goal_prefix[16];  /* "2" while inside goal 2, else "" */
	int goal_measures;     /* measures numbered in that goal */
	int number_goals;      /* meta.numbering.goals: "Mål 1" or "Mål" */
	int number_measures;   /* meta.numbering.measures: a "Nr." column */
	struct sums by_level, by_funding, by_year;
	long long total;
	int have_budget;
	struct pv_buf path;    /* JSON path, for diagnostics */
	const char *type_dir;  /* templates/<type>: a report finds its
	                        * plan's schema beside it */
};

/*
 * Reading the document (enrich_get.c).  The schema is data a municipality
 * may edit, so nothing it could fail to guarantee is assumed: a member of
 * the wrong kind, a missing required member, a number out of range or a
 * date that is not one is an error at its JSON path, and the accessor
 * returns NULL or 0.  Given a NULL object they return NULL quietly.
 */
enum en_kind {
	EN_STRING = 1, EN_NUMBER = 2, EN_OBJECT = 4, EN_ARRAY = 8, EN_BOOL = 16,
};
#define EN_REQUIRED 1
#define EN_OPTIONAL 0
/* v itself (at the current path) if it has one of the kinds. */
const cJSON *en_check(struct enrich *, const cJSON *v, unsigned kinds);
/* The member `key` of obj if it has one of the kinds. */
const cJSON *en_get(struct enrich *, const cJSON *obj, const char *key,
    unsigned kinds, int required);
/* Item i of a list (for the path) if it has one of the kinds. */
const cJSON *en_item(struct enrich *, const cJSON *item, size_t i,
    unsigned kinds);
const char *en_string(struct enrich *, const cJSON *obj, const char *key,
    int required);
/* An optional string member; NULL also when it is empty. */
const char *en_text(struct enrich *, const cJSON *obj, const char *key);
int en_integer(struct enrich *, const cJSON *obj, const char *key,
    int required, long long min, long long max, long long *out);
int en_number(struct enrich *, const cJSON *obj, const char *key,
    int required, double *out);
int en_bool(struct enrich *, const cJSON *obj, const char *key, int dflt);
/* An ISO date member (checked to be a real day); its text. */
const char *en_date(struct enrich *, const cJSON *obj, const char *key,
    int required, struct pv_date *);
/* A period {"from", "to"} of years or dates, formatted "2018–2020". */
int en_period(struct enrich *, const cJSON *obj, const char *key,
    int required, char *out, size_t size);

/* view building */
cJSON *view_block(const char *kind);
void view_str(cJSON *, const char *key, const char *value);
void view_false(cJSON *, const char *key);
/* A string, or false when it is NULL or empty. */
void view_text(cJSON *, const char *key, const char *);
/*
 * Members that carry markup end in "html" (html, description_html, ...):
 * the templates insert only those unescaped.  Their value is made here,
 * from Markdown (view_md) or from plain text escaped (view_html_text).
 */
/* md is NULL or a string node (for the position of a refusal); the
 * current path must be the member's. */
void view_md(struct enrich *, cJSON *, const char *key, const cJSON *md,
    int inline_only);
/* The member `key` of obj, Markdown, as view member `vkey`. */
void view_md_member(struct enrich *, cJSON *, const char *vkey,
    const cJSON *obj, const char *key, int inline_only);
void view_html_text(cJSON *, const char *key, const char *text);
/* The optional string member `key` of obj as view text (false when
 * absent or empty). */
void view_member(struct enrich *, cJSON *, const cJSON *obj,
    const char *key);
const char *label(const struct enrich *, const char *key);
/* The view's "lang" (the text's: <html lang>) and "label_lang" (the
 * labels' language when it differs, else false). */
void view_lang(const struct enrich *, cJSON *);
/* An item whose words may come from the labels: its "lang" is the
 * labels' language when is_label and that differs from the text's,
 * else false (the templates put it on the element). */
void view_item_lang(const struct enrich *, cJSON *, int is_label);
/* Label words inside markup made here (a calendar cell's "Uke",
 * weekday or month): escaped, in a <span lang> when the labels'
 * language is not the text's. */
void en_label_html(const struct enrich *, struct pv_buf *, const char *);

#define en_path_key(e, k) jpath_push_key(&(e)->path, (k))
#define en_path_index(e, i) jpath_push_index(&(e)->path, (i))
#define en_path_pop(e, old) jpath_pop(&(e)->path, (old))
/* An image file the document names in parent.member: its path against
 * the document's folder (free it), an error there when unreadable. */
char *en_image_path(struct enrich *, const cJSON *parent,
    const char *member, const char *value);
/* A diagnostic at node's place, prefixed with the current JSON path. */
void en_vdiag(struct enrich *, enum pv_level, const cJSON *node,
    const char *fmt, va_list) PV_PRINTF(4, 0);
void en_error(struct enrich *, const cJSON *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

cJSON *enrich_blocks(struct enrich *, const cJSON *blocks);
/* Numbered sections (body, or a section's "sections") under prefix
 * ("" or "2.1"), at heading level `level`; enrich.c. */
cJSON *enrich_sections(struct enrich *, const cJSON *sections,
    const char *prefix, int level, int numbered);
cJSON *enrich_table(struct enrich *, const cJSON *table);
cJSON *enrich_goals(struct enrich *, const cJSON *goals);
cJSON *enrich_measures(struct enrich *, const cJSON *measures,
    const char *prefix);
cJSON *enrich_indicators(struct enrich *, const cJSON *indicators);
cJSON *enrich_calendar(struct enrich *, const cJSON *calendar);
cJSON *enrich_people(struct enrich *, const cJSON *people);
cJSON *enrich_references(struct enrich *, const cJSON *refs);
cJSON *enrich_signature(struct enrich *, const cJSON *sig);
cJSON *enrich_figure(struct enrich *, const cJSON *fig);
/* The view model of an årsrapport (arsrapport.c); NULL after an error. */
cJSON *enrich_arsrapport(struct enrich *e, const cJSON *root);
const cJSON *enrich_person(struct enrich *, const char *id);
/* A non-empty string member of a registry entry (p may be NULL). */
const char *person_member(const cJSON *p, const char *key);
void check_people(struct enrich *);
void sums_add(struct enrich *, struct sums *, const cJSON *where,
    const char *key, int is_label, long long amount);
cJSON *sums_view(const struct enrich *, const struct sums *);
void sums_free(struct sums *);

/*
 * Enrichment modules (types.c): one per document type, called by
 * enrich_document with e set up (doc, d, lang, labels, base_dir, path);
 * returns the view model, or NULL on error with diagnostics in e->d.
 */
typedef cJSON *(*enrich_type_fn)(struct enrich *, const cJSON *root);
enrich_type_fn enrich_type_module(const char *type);
cJSON *enrich_kompetanseplan(struct enrich *, const cJSON *root);
cJSON *enrich_behovsmelding(struct enrich *, const cJSON *root);
/* The langsiktig-plan (langsiktig_plan.c): the plan model, the
 * allocation model and the year wheel. */
cJSON *enrich_langsiktig_plan(struct enrich *, const cJSON *root);

#endif
