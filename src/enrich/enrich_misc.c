/*
 * enrich_misc.c - the remaining blocks: calendars (ISO weeks and weekday
 * names), lists of people and roles, references, signatures, figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/date.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "enrich_int.h"
#include "format.h"

static const char *const calendar_columns[] = {
	"week", "date", "weekday", "time", "place", "topic", "preparation",
	"participants", "responsible",
};
#define NCALCOLS (sizeof(calendar_columns) / sizeof(calendar_columns[0]))

static cJSON *
text_cell(const char *text)
{
	cJSON *c = cJSON_CreateObject();

	view_str(c, "html", text);
	return c;
}

static cJSON *
md_cell(const cJSON *md)
{
	cJSON *c = cJSON_CreateObject();

	view_md(c, "html", md, 1);
	if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(c, "html"))) {
		cJSON_DeleteItemFromObjectCaseSensitive(c, "html");
		view_str(c, "html", "");
	}
	return c;
}

/*
 * A date as the calendar's date_style asks: "15.01.2026" (numeric, the
 * default), "15. januar" (day-month) or "15. januar 2026"
 * (day-month-year), with the month names of the document's language.
 * C11 writes \u00A0 into a narrow string as UTF-8.
 */
static void
calendar_date(struct enrich *e, const char *iso, const struct pv_date *d,
    const char *style, char *buf, size_t len)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(e->labels,
	    "months");
	const cJSON *m = cJSON_GetArrayItem(names, d->month - 1);

	if (style == NULL || strcmp(style, "numeric") == 0 ||
	    !cJSON_IsString(m)) {
		format_date(iso, buf, len);
		return;
	}
	/* No-break spaces: a date is one unit in a narrow column. */
	if (strcmp(style, "day-month-year") == 0)
		snprintf(buf, len, "%d.\u00A0%s\u00A0%d", d->day,
		    m->valuestring, d->year);
	else
		snprintf(buf, len, "%d.\u00A0%s", d->day, m->valuestring);
}

static cJSON *
event_cell(struct enrich *e, const cJSON *ev, const char *col,
    const char *date_style)
{
	const cJSON *week = cJSON_GetObjectItemCaseSensitive(ev, "week");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(ev, "date");
	struct pv_date d;
	int have_date = cJSON_IsString(date) &&
	    pv_date_parse(date->valuestring, &d);
	char buf[64];

	if (strcmp(col, "week") == 0) {
		int w, y;

		if (cJSON_IsNumber(week)) {
			snprintf(buf, sizeof(buf), "%d", (int)week->valuedouble);
		} else if (have_date) {
			pv_date_iso_week(&d, &w, &y);
			snprintf(buf, sizeof(buf), "%d", w);
		} else {
			buf[0] = '\0';
		}
		return text_cell(buf);
	}
	if (strcmp(col, "date") == 0) {
		if (have_date)
			calendar_date(e, date->valuestring, &d, date_style,
			    buf, sizeof(buf));
		else
			buf[0] = '\0';
		return text_cell(buf);
	}
	if (strcmp(col, "weekday") == 0) {
		const cJSON *names = cJSON_GetObjectItemCaseSensitive(e->labels,
		    "weekdays");
		const cJSON *n = have_date ? cJSON_GetArrayItem(names,
		    pv_date_weekday(&d) - 1) : NULL;

		return text_cell(cJSON_IsString(n) ? n->valuestring : "");
	}
	if (strcmp(col, "time") == 0 || strcmp(col, "place") == 0) {
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(ev, col);

		return text_cell(cJSON_IsString(t) ? t->valuestring : "");
	}
	return md_cell(cJSON_GetObjectItemCaseSensitive(ev, col));
}

cJSON *
enrich_calendar(struct enrich *e, const cJSON *cal)
{
	cJSON *v = view_block("calendar"), *cols = cJSON_CreateArray();
	cJSON *events = cJSON_CreateArray();
	const cJSON *want = cJSON_GetObjectItemCaseSensitive(cal, "columns");
	const cJSON *evs = cJSON_GetObjectItemCaseSensitive(cal, "events");
	const cJSON *style = cJSON_GetObjectItemCaseSensitive(cal,
	    "date_style");
	const char *chosen[NCALCOLS];
	size_t n = 0, i;
	const cJSON *c, *ev;
	char key[48];

	if (cJSON_IsArray(want)) {
		cJSON_ArrayForEach(c, want)
			if (n < NCALCOLS)
				chosen[n++] = c->valuestring;
	} else {
		/* the columns some event fills, in the usual order */
		for (i = 0; i < NCALCOLS; i++) {
			int used = 0;

			cJSON_ArrayForEach(ev, evs) {
				if (cJSON_GetObjectItemCaseSensitive(ev,
				    calendar_columns[i]) != NULL)
					used = 1;
				if (strcmp(calendar_columns[i], "week") == 0 &&
				    cJSON_GetObjectItemCaseSensitive(ev,
				    "date") != NULL)
					used = 1;
			}
			if (used)
				chosen[n++] = calendar_columns[i];
		}
	}
	for (i = 0; i < n; i++) {
		cJSON *cv = cJSON_CreateObject();

		snprintf(key, sizeof(key), "col_%s", chosen[i]);
		view_str(cv, "label", label(e, key));
		cJSON_AddBoolToObject(cv, "narrow",
		    strcmp(chosen[i], "week") == 0 ||
		    strcmp(chosen[i], "date") == 0 ||
		    strcmp(chosen[i], "weekday") == 0 ||
		    strcmp(chosen[i], "time") == 0);
		cJSON_AddItemToArray(cols, cv);
	}
	cJSON_ArrayForEach(ev, evs) {
		cJSON *row = cJSON_CreateObject(), *cells = cJSON_CreateArray();

		for (i = 0; i < n; i++)
			cJSON_AddItemToArray(cells, event_cell(e, ev, chosen[i],
			    cJSON_IsString(style) ? style->valuestring : NULL));
		cJSON_AddItemToObject(row, "cells", cells);
		cJSON_AddItemToArray(events, row);
	}
	view_opt_str(v, "title", cJSON_GetObjectItemCaseSensitive(cal, "title"));
	cJSON_AddItemToObject(v, "columns", cols);
	cJSON_AddItemToObject(v, "events", events);
	return v;
}

cJSON *
enrich_people(struct enrich *e, const cJSON *pb)
{
	cJSON *v = view_block("people"), *items = cJSON_CreateArray();
	const cJSON *it;
	int any_email = 0;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(pb, "items")) {
		cJSON *iv = cJSON_CreateObject();
		const cJSON *ref = cJSON_GetObjectItemCaseSensitive(it, "ref");
		const cJSON *src = it;
		const cJSON *role, *names, *email;

		if (cJSON_IsString(ref) && (src = enrich_person(e,
		    ref->valuestring)) != NULL) {
			role = cJSON_GetObjectItemCaseSensitive(src, "role");
			names = cJSON_GetObjectItemCaseSensitive(src, "name");
		} else {
			role = cJSON_GetObjectItemCaseSensitive(it, "role");
			names = cJSON_GetObjectItemCaseSensitive(it, "names");
		}
		email = cJSON_GetObjectItemCaseSensitive(src, "email");
		view_opt_str(iv, "role", role);
		view_md(iv, "names", names, 1);
		view_md(iv, "email", email, 1);
		any_email |= cJSON_IsString(email);
		cJSON_AddItemToArray(items, iv);
	}
	view_opt_str(v, "title", cJSON_GetObjectItemCaseSensitive(pb, "title"));
	cJSON_AddBoolToObject(v, "has_email", any_email);
	cJSON_AddItemToObject(v, "items", items);
	return v;
}

cJSON *
enrich_references(struct enrich *e, const cJSON *refs)
{
	cJSON *v = view_block("references"), *items = cJSON_CreateArray();
	const cJSON *r;

	cJSON_ArrayForEach(r, refs) {
		cJSON *rv = cJSON_CreateObject();
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(r, "title");
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(r, "url");

		view_opt_str(rv, "title", t);
		view_str(rv, "url", u->valuestring);
		cJSON_AddItemToArray(items, rv);
	}
	cJSON_AddItemToObject(v, "items", items);
	(void)e;
	return v;
}

cJSON *
enrich_signature(struct enrich *e, const cJSON *sig)
{
	cJSON *v = view_block("signature");
	const cJSON *ref = cJSON_GetObjectItemCaseSensitive(sig, "ref");
	const cJSON *p = cJSON_IsString(ref) ? enrich_person(e,
	    ref->valuestring) : NULL;
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(sig, "name");
	const cJSON *title = cJSON_GetObjectItemCaseSensitive(sig, "title");
	const cJSON *place = cJSON_GetObjectItemCaseSensitive(sig, "place");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(sig, "date");
	char buf[160], d[32];

	if (name == NULL && p != NULL)
		name = cJSON_GetObjectItemCaseSensitive(p, "name");
	if (title == NULL && p != NULL)
		title = cJSON_GetObjectItemCaseSensitive(p, "role");
	view_opt_str(v, "name", name);
	view_opt_str(v, "title", title);
	d[0] = '\0';
	if (cJSON_IsString(date))
		format_date(date->valuestring, d, sizeof(d));
	if (cJSON_IsString(place) && d[0])
		snprintf(buf, sizeof(buf), "%s, %s", place->valuestring, d);
	else if (cJSON_IsString(place))
		snprintf(buf, sizeof(buf), "%s", place->valuestring);
	else
		snprintf(buf, sizeof(buf), "%s", d);
	view_text(v, "place_date", buf);
	return v;
}

cJSON *
enrich_figure(struct enrich *e, const cJSON *fig)
{
	cJSON *v = view_block("figure");
	const cJSON *img = cJSON_GetObjectItemCaseSensitive(fig, "image");
	char *path = img->valuestring[0] == '/' ? pv_xstrdup(img->valuestring)
	    : pv_path_join(e->base_dir, img->valuestring);

	view_str(v, "image", path);
	free(path);
	view_str(v, "alt", cJSON_GetObjectItemCaseSensitive(fig,
	    "alt")->valuestring);
	view_opt_str(v, "caption", cJSON_GetObjectItemCaseSensitive(fig,
	    "caption"));
	view_opt_str(v, "width", cJSON_GetObjectItemCaseSensitive(fig,
	    "width"));
	return v;
}
