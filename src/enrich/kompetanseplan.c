/*
 * kompetanseplan.c - the enrichment module of the kompetanseplan type:
 * what only a competence plan computes from its document.
 *
 * The cover's meta (owner, period, adoption), the numbering of goals and
 * measures, and the budget rolled up over every measure by level, source
 * of funding and year.  The sections and their blocks are the shared
 * helpers' (enrich.c, enrich_plan.c, enrich_misc.c, enrich_table.c).
 * Registered in types.c.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "enrich_int.h"
#include "format.h"

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
		size_t at = en_path_key(e, "owner");
		char *p = en_image_path(e, owner, "logo", logo);

		en_path_pop(e, at);

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

cJSON *
enrich_kompetanseplan(struct enrich *e, const cJSON *root)
{
	const cJSON *meta, *body;
	int nums, toc;
	cJSON *v;

	meta = en_get(e, root, "meta", EN_OBJECT, EN_REQUIRED);
	body = en_get(e, root, "body", EN_ARRAY, EN_REQUIRED);
	{
		size_t old = en_path_key(e, "meta");

		(void)en_string(e, meta, "lang", EN_OPTIONAL);
		nums = en_bool(e, meta, "number_sections", 1);
		toc = en_bool(e, meta, "toc", 1);
		numbering_read(e, meta);
		en_path_pop(e, old);
	}
	e->by_level.what = "level";
	e->by_funding.what = "funding source";
	e->by_year.what = "year";
	e->people = en_get(e, root, "people", EN_ARRAY, EN_OPTIONAL);
	check_people(e);

	v = cJSON_CreateObject();
	view_lang(e, v);
	cJSON_AddItemToObject(v, "labels", cJSON_Duplicate(e->labels, 1));
	{
		size_t old = en_path_key(e, "meta");

		cJSON_AddItemToObject(v, "meta", enrich_meta(e, meta));
		en_path_pop(e, old);
	}
	cJSON_AddBoolToObject(v, "toc", toc);
	{
		size_t old = en_path_key(e, "body");

		cJSON_AddItemToObject(v, "sections", enrich_sections(e, body,
		    "", 1, nums));
		en_path_pop(e, old);
	}
	{
		cJSON *bud = cJSON_CreateObject();
		char buf[48];

		cJSON_AddBoolToObject(bud, "has", e->have_budget);
		format_integer(e->total, buf, sizeof(buf));
		view_str(bud, "total", buf);
		cJSON_AddItemToObject(bud, "by_level",
		    sums_view(e, &e->by_level));
		cJSON_AddItemToObject(bud, "by_funding",
		    sums_view(e, &e->by_funding));
		cJSON_AddItemToObject(bud, "by_year",
		    sums_view(e, &e->by_year));
		cJSON_AddItemToObject(v, "budget", bud);
	}
	sums_free(&e->by_level);
	sums_free(&e->by_funding);
	sums_free(&e->by_year);
	return v;
}
