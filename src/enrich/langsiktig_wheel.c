/*
 * langsiktig_wheel.c - the langsiktig-plan's year wheel: the document's
 * "year_wheel" (meetings as a weekday of ISO weeks, deadlines as day and
 * month) computed for its year by yearwheel.c, and made into the view of
 * the wheel chart and its table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "format.h"
#include "langsiktig.h"
#include "yearwheel.h"

#define WHEEL_MAX_EVENTS 1000

struct events {
	struct wheel_event *v;
	size_t n, cap;
};

static void
events_add(struct events *ev, const struct pv_date *d, enum wheel_kind k,
    const char *what)
{
	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? ev->cap * 2 : 16;
		ev->v = pv_xrealloc(ev->v, ev->cap * sizeof(*ev->v));
	}
	ev->v[ev->n].date = *d;
	ev->v[ev->n].kind = k;
	ev->v[ev->n].what = what;
	ev->v[ev->n].order = ev->n;
	ev->n++;
}

/* A label that is a list of names (months, weekdays): item i or "". */
static const char *
label_item(const struct enrich *e, const char *key, int i)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(e->labels, key);
	const cJSON *x = cJSON_GetArrayItem(l, i);

	return cJSON_IsString(x) ? x->valuestring : "";
}

static void
meetings_read(struct enrich *e, const cJSON *wheel, int year,
    struct events *ev)
{
	const cJSON *list = en_get(e, wheel, "meetings", EN_ARRAY,
	    EN_OPTIONAL), *m;
	size_t old = en_path_key(e, "meetings"), i = 0;

	cJSON_ArrayForEach(m, list) {
		size_t o2 = en_path_index(e, i++), j = 0;
		const cJSON *weeks, *w;
		const char *what;
		long long wd = 0;

		if (en_check(e, m, EN_OBJECT) == NULL) {
			en_path_pop(e, o2);
			continue;
		}
		what = en_string(e, m, "what", EN_REQUIRED);
		en_integer(e, m, "weekday", EN_REQUIRED, 1, 7, &wd);
		weeks = en_get(e, m, "weeks", EN_ARRAY, EN_REQUIRED);
		{
			size_t o3 = en_path_key(e, "weeks");

			cJSON_ArrayForEach(w, weeks) {
				size_t o4 = en_path_index(e, j++);
				struct pv_date d;
				int week;

				if (en_check(e, w, EN_NUMBER) == NULL) {
					en_path_pop(e, o4);
					continue;
				}
				week = w->valuedouble >= 1 && w->valuedouble <= 99
				    ? (int)w->valuedouble : 0;
				if (week != w->valuedouble) {
					en_error(e, w, "a week is a whole number "
					    "1 to 53, not %g", w->valuedouble);
				} else if (wd >= 1 && wheel_meeting_date(year,
				    week, (int)wd, &d) != 0) {
					en_error(e, w, "week %d of %d: the year "
					    "has %d ISO weeks", week, year,
					    pv_iso_weeks_in_year(year));
				} else if (wd >= 1 && what != NULL) {
					if (ev->n >= WHEEL_MAX_EVENTS)
						en_error(e, w, "more than %d dates "
						    "(WHEEL_MAX_EVENTS)",
						    WHEEL_MAX_EVENTS);
					else
						events_add(ev, &d, WHEEL_MEETING,
						    what);
				}
				en_path_pop(e, o4);
			}
			en_path_pop(e, o3);
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

static void
deadlines_read(struct enrich *e, const cJSON *wheel, int year,
    struct events *ev)
{
	const cJSON *list = en_get(e, wheel, "deadlines", EN_ARRAY,
	    EN_OPTIONAL), *x;
	size_t old = en_path_key(e, "deadlines"), i = 0;

	cJSON_ArrayForEach(x, list) {
		size_t o2 = en_path_index(e, i++);
		long long month = 0, day = 0;
		const char *what;
		struct pv_date d;

		if (en_check(e, x, EN_OBJECT) == NULL) {
			en_path_pop(e, o2);
			continue;
		}
		what = en_string(e, x, "what", EN_REQUIRED);
		if (en_integer(e, x, "month", EN_REQUIRED, 1, 12, &month) &&
		    en_integer(e, x, "day", EN_REQUIRED, 1, 31, &day)) {
			if (wheel_deadline_date(year, (int)month, (int)day,
			    &d) != 0)
				en_error(e, x, "%02lld.%02lld is no day in %d",
				    day, month, year);
			else if (what != NULL && ev->n < WHEEL_MAX_EVENTS)
				events_add(ev, &d, WHEEL_DEADLINE, what);
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

cJSON *
lp_wheel(struct enrich *e, const cJSON *wheel)
{
	struct events ev = { NULL, 0, 0 };
	size_t errors = e->d->errors, i;
	long long year = 0;
	cJSON *v, *rows;
	struct pv_buf months;
	char buf[64];

	(void)en_string(e, wheel, "section", EN_REQUIRED);
	if (!en_integer(e, wheel, "year", EN_REQUIRED, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &year))
		return NULL;
	meetings_read(e, wheel, (int)year, &ev);
	deadlines_read(e, wheel, (int)year, &ev);
	if (e->d->errors > errors) {
		free(ev.v);
		return NULL;
	}
	wheel_sort(ev.v, ev.n);
	v = cJSON_CreateObject();
	cJSON_AddNumberToObject(v, "year", (double)year);
	snprintf(buf, sizeof(buf), "%s %lld", label(e, "wheel_title"), year);
	view_str(v, "caption", buf);
	pv_buf_init(&months);
	for (i = 0; i < 12; i++)
		pv_buf_printf(&months, "%s%s", i ? " " : "",
		    label_item(e, "months_short", (int)i));
	view_str(v, "months", months.data);
	pv_buf_free(&months);
	rows = cJSON_CreateArray();
	for (i = 0; i < ev.n; i++) {
		cJSON *r = cJSON_CreateObject();
		const struct pv_date *d = &ev.v[i].date;
		int week, wyear;

		cJSON_AddNumberToObject(r, "number", (double)(i + 1));
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d->year, d->month,
		    d->day);
		view_str(r, "date_iso", buf);
		snprintf(buf, sizeof(buf), "%02d.%02d.%04d", d->day, d->month,
		    d->year);
		view_str(r, "date", buf);
		view_str(r, "weekday", label_item(e, "weekdays",
		    pv_date_weekday(d) - 1));
		pv_date_iso_week(d, &week, &wyear);
		cJSON_AddNumberToObject(r, "week", week);
		view_str(r, "what", ev.v[i].what);
		view_str(r, "kind", ev.v[i].kind == WHEEL_MEETING ? "meeting" :
		    "deadline");
		cJSON_AddBoolToObject(r, "meeting",
		    ev.v[i].kind == WHEEL_MEETING);
		cJSON_AddItemToArray(rows, r);
	}
	cJSON_AddItemToObject(v, "events", rows);
	free(ev.v);
	return v;
}
