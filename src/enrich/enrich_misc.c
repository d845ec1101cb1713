/*
 * enrich_misc.c - the remaining blocks: calendars (ISO weeks and weekday
 * names), lists of people and roles, references, signatures; and the
 * check of an image file the document names (enrich_figure.c has the
 * figure block).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/date.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "enrich_int.h"
#include "format.h"
#include "markdown.h"

static const char *const calendar_columns[] = {
	"week", "date", "weekday", "time", "place", "program", "topic",
	"preparation", "participants", "responsible",
};
#define NCALCOLS (sizeof(calendar_columns) / sizeof(calendar_columns[0]))

/* A cell of plain text, escaped into markup. */
static cJSON *
text_cell(const char *text)
{
	cJSON *c = cJSON_CreateObject();

	view_html_text(c, "html", text);
	return c;
}

/* A cell of words from the labels (a weekday, a date with the month's
 * name), marked with their language when it is not the text's. */
static cJSON *
label_cell(const struct enrich *e, const char *text)
{
	cJSON *c = cJSON_CreateObject();
	struct pv_buf b;

	pv_buf_init(&b);
	if (text[0] != '\0')
		en_label_html(e, &b, text);
	view_str(c, "html", b.data ? b.data : "");
	pv_buf_free(&b);
	return c;
}

/* A cell of the Markdown member `col` of the event. */
static cJSON *
md_cell(struct enrich *e, const cJSON *ev, const char *col)
{
	cJSON *c = cJSON_CreateObject();

	view_md_member(e, c, "html", ev, col, 1);
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

/* What one event says, read and checked once. */
struct event {
	const cJSON *obj;
	long long week;       /* 0 when not given */
	long long week_to;    /* the last week of a range; 0 when none */
	const char *date;     /* ISO, checked; NULL when not given */
	struct pv_date d;
	const char *time, *place;
};

static void
read_event(struct enrich *e, const cJSON *ev, struct event *x)
{
	long long year;
	static const char *const md[] = { "program", "topic", "preparation",
	    "participants", "responsible" };
	size_t i;

	memset(x, 0, sizeof(*x));
	x->obj = ev;
	if (!en_integer(e, ev, "week", EN_OPTIONAL, 1, 53, &x->week))
		x->week = 0;
	if (!en_integer(e, ev, "week_to", EN_OPTIONAL, 1, 53, &x->week_to))
		x->week_to = 0;
	(void)en_bool(e, ev, "week_as_written", 0);
	if (x->week_to != 0 && x->week == 0) {
		size_t old = en_path_key(e, "week_to");

		en_error(e, cJSON_GetObjectItemCaseSensitive(ev, "week_to"),
		    "the last week of a range needs a first \"week\"");
		en_path_pop(e, old);
	} else if (x->week_to != 0 && x->week_to < x->week) {
		size_t old = en_path_key(e, "week_to");

		en_error(e, cJSON_GetObjectItemCaseSensitive(ev, "week_to"),
		    "the weeks run backwards: week %lld to week %lld",
		    x->week, x->week_to);
		en_path_pop(e, old);
	}
	(void)en_integer(e, ev, "year", EN_OPTIONAL, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &year);
	x->date = en_date(e, ev, "date", EN_OPTIONAL, &x->d);
	/* The model asks for one of them: a row of a calendar with no
	 * time at all cannot be put in order. */
	if (cJSON_GetObjectItemCaseSensitive(ev, "week") == NULL &&
	    cJSON_GetObjectItemCaseSensitive(ev, "date") == NULL)
		en_error(e, ev, "an event needs its \"week\" (with \"year\") "
		    "or its \"date\"");
	x->time = en_string(e, ev, "time", EN_OPTIONAL);
	x->place = en_string(e, ev, "place", EN_OPTIONAL);
	for (i = 0; i < sizeof(md) / sizeof(md[0]); i++)
		(void)en_get(e, ev, md[i], EN_STRING, EN_OPTIONAL);
}

static cJSON *
event_cell(struct enrich *e, const struct event *x, const char *col,
    const char *date_style)
{
	char buf[64];

	if (strcmp(col, "week") == 0) {
		int w, y;

		/* The source's own number, and a range as a range. */
		if (x->week != 0 && x->week_to > x->week) {
			snprintf(buf, sizeof(buf), "%lld\u2013%lld", x->week,
			    x->week_to);
		} else if (x->week != 0) {
			snprintf(buf, sizeof(buf), "%lld", x->week);
		} else if (x->date != NULL) {
			pv_date_iso_week(&x->d, &w, &y);
			snprintf(buf, sizeof(buf), "%d", w);
		} else {
			buf[0] = '\0';
		}
		return text_cell(buf);
	}
	if (strcmp(col, "date") == 0) {
		if (x->date != NULL)
			calendar_date(e, x->date, &x->d, date_style, buf,
			    sizeof(buf));
		else
			buf[0] = '\0';
		/* a month's name is a label; "15.01.2026" is no language */
		return date_style != NULL && strcmp(date_style, "numeric") !=
		    0 ? label_cell(e, buf) : text_cell(buf);
	}
	if (strcmp(col, "weekday") == 0) {
		const cJSON *names = cJSON_GetObjectItemCaseSensitive(e->labels,
		    "weekdays");
		const cJSON *n = x->date ? cJSON_GetArrayItem(names,
		    pv_date_weekday(&x->d) - 1) : NULL;

		return label_cell(e, cJSON_IsString(n) ? n->valuestring : "");
	}
	if (strcmp(col, "time") == 0)
		return text_cell(x->time ? x->time : "");
	if (strcmp(col, "place") == 0)
		return text_cell(x->place ? x->place : "");
	/* the columns are checked to be known: the rest are Markdown */
	return md_cell(e, x->obj, col);
}

static int
known_column(const char *c)
{
	size_t i;

	for (i = 0; i < NCALCOLS; i++)
		if (strcmp(c, calendar_columns[i]) == 0)
			return 1;
	return 0;
}

/*
 * One printed column: a field of the event ("week"), or, as a source
 * may have them, several fields under one heading ({"title": "Uke",
 * "fields": ["week", "date"]}), each field with an optional lead-in
 * ("Lesebestilling/oppgave") and the column with an optional width.
 */
struct calcol {
	const char *title;             /* NULL: the label of the field */
	const char *field[NCALCOLS];
	const char *lead[NCALCOLS];    /* NULL: none */
	size_t nf;
	const char *width;             /* "12%"; NULL: automatic */
};

static void
column_field(struct enrich *e, const cJSON *f, struct calcol *col)
{
	const char *name = NULL, *lead = NULL;

	if (cJSON_IsString(f)) {
		name = f->valuestring;
	} else if (en_check(e, f, EN_STRING | EN_OBJECT) != NULL) {
		name = en_string(e, f, "name", EN_REQUIRED);
		lead = en_string(e, f, "label", EN_OPTIONAL);
	}
	if (name == NULL)
		return;
	if (!known_column(name)) {
		en_error(e, f, "unknown calendar column \"%s\"; the columns "
		    "are week, date, weekday, time, place, program, topic, "
		    "preparation, participants and responsible", name);
	} else if (col->nf == NCALCOLS) {
		en_error(e, f, "a calendar column holds at most %zu fields",
		    NCALCOLS);
	} else {
		col->field[col->nf] = name;
		col->lead[col->nf++] = lead;
	}
}

/* "12%" or "12.5%", more than 0 and at most 100. */
static int
percent_ok(const char *w)
{
	char *end;
	double v;

	if (w[0] < '0' || w[0] > '9')
		return 0;
	v = strtod(w, &end);
	return end[0] == '%' && end[1] == '\0' && v > 0 && v <= 100;
}

static void
read_column(struct enrich *e, const cJSON *c, struct calcol *col)
{
	const cJSON *fields, *f;
	size_t i = 0, old;

	memset(col, 0, sizeof(*col));
	if (cJSON_IsString(c)) {
		column_field(e, c, col);
		return;
	}
	if (en_check(e, c, EN_STRING | EN_OBJECT) == NULL)
		return;
	col->title = en_string(e, c, "title", EN_REQUIRED);
	col->width = en_string(e, c, "width", EN_OPTIONAL);
	if (col->width != NULL && !percent_ok(col->width)) {
		old = en_path_key(e, "width");
		en_error(e, cJSON_GetObjectItemCaseSensitive(c, "width"),
		    "\"%s\" is not a width: write a share of the table, "
		    "such as \"12%%\"", col->width);
		en_path_pop(e, old);
		col->width = NULL;
	}
	fields = en_get(e, c, "fields", EN_ARRAY, EN_REQUIRED);
	old = en_path_key(e, "fields");
	cJSON_ArrayForEach(f, fields) {
		size_t o2 = en_path_index(e, i++);

		column_field(e, f, col);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

/* A cell of several fields: each field that the event has, as
 * paragraphs, a week as "Uke 42–48", a lead-in before its field
 * whenever the event has the field, even empty (as the source prints
 * "Lesebestilling/oppgave:" over an empty space). */
static cJSON *
combined_cell(struct enrich *e, const struct event *x,
    const struct calcol *col, const char *date_style)
{
	struct pv_buf b;
	cJSON *c = cJSON_CreateObject();
	size_t i;

	pv_buf_init(&b);
	for (i = 0; i < col->nf; i++) {
		const char *f = col->field[i];
		const cJSON *one = event_cell(e, x, f, date_style);
		const cJSON *h = cJSON_GetObjectItemCaseSensitive(one, "html");
		const char *html = cJSON_IsString(h) ? h->valuestring : "";
		int md = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(
		    x->obj, f));

		if (col->lead[i] != NULL && md) {
			pv_buf_puts(&b, "<p><strong>");
			xhtml_escape(col->lead[i], strlen(col->lead[i]), &b);
			pv_buf_puts(&b, ":</strong></p>");
		}
		if (html[0] != '\0') {
			int block = strncmp(html, "<p>", 3) == 0 ||
			    strncmp(html, "<ul>", 4) == 0 ||
			    strncmp(html, "<ol>", 4) == 0;

			pv_buf_puts(&b, block ? "" : "<p>");
			if (strcmp(f, "week") == 0) {
				en_label_html(e, &b, label(e, "col_week"));
				pv_buf_puts(&b, "\u00A0");
			}
			pv_buf_puts(&b, html);
			pv_buf_puts(&b, block ? "" : "</p>");
		}
		cJSON_Delete((cJSON *)one);
	}
	view_str(c, "html", b.data ? b.data : "");
	pv_buf_free(&b);
	return c;
}

cJSON *
enrich_calendar(struct enrich *e, const cJSON *cal)
{
	cJSON *v = view_block("calendar"), *cols = cJSON_CreateArray();
	cJSON *events = cJSON_CreateArray();
	const cJSON *want = en_get(e, cal, "columns", EN_ARRAY, EN_OPTIONAL);
	const cJSON *evs = en_get(e, cal, "events", EN_ARRAY, EN_REQUIRED);
	const char *style = en_string(e, cal, "date_style", EN_OPTIONAL);
	struct calcol chosen[NCALCOLS];
	size_t n = 0, i;
	int widths = 0;
	const cJSON *c, *ev;
	char key[48];

	if (style != NULL && strcmp(style, "numeric") != 0 &&
	    strcmp(style, "day-month") != 0 &&
	    strcmp(style, "day-month-year") != 0) {
		size_t old = en_path_key(e, "date_style");

		en_error(e, cJSON_GetObjectItemCaseSensitive(cal,
		    "date_style"), "must be one of \"numeric\", \"day-month\" "
		    "or \"day-month-year\", not \"%s\"", style);
		en_path_pop(e, old);
	}
	if (want != NULL) {
		size_t old = en_path_key(e, "columns");

		i = 0;
		cJSON_ArrayForEach(c, want) {
			size_t o2 = en_path_index(e, i++);

			if (n == NCALCOLS) {
				en_error(e, c, "a calendar has at most %zu "
				    "columns", NCALCOLS);
			} else {
				read_column(e, c, &chosen[n]);
				if (chosen[n].nf > 0)
					n++;
			}
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
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
			if (used) {
				memset(&chosen[n], 0, sizeof(chosen[n]));
				chosen[n].field[0] = calendar_columns[i];
				chosen[n++].nf = 1;
			}
		}
	}
	for (i = 0; i < n; i++) {
		cJSON *cv = cJSON_CreateObject();
		const char *f = chosen[i].field[0];

		snprintf(key, sizeof(key), "col_%s", f);
		view_str(cv, "label", chosen[i].title ? chosen[i].title :
		    label(e, key));
		view_item_lang(e, cv, chosen[i].title == NULL);
		cJSON_AddBoolToObject(cv, "narrow", chosen[i].nf == 1 &&
		    (strcmp(f, "week") == 0 || strcmp(f, "date") == 0 ||
		    strcmp(f, "weekday") == 0 || strcmp(f, "time") == 0));
		if (chosen[i].width != NULL) {
			view_str(cv, "width", chosen[i].width);
			widths = 1;
		} else {
			view_false(cv, "width");
		}
		cJSON_AddItemToArray(cols, cv);
	}
	{
		size_t k = 0, old = en_path_key(e, "events");

		cJSON_ArrayForEach(ev, evs) {
			cJSON *row, *cells;
			struct event x;
			size_t o2 = en_path_index(e, k++);

			if (en_check(e, ev, EN_OBJECT) == NULL) {
				en_path_pop(e, o2);
				continue;
			}
			read_event(e, ev, &x);
			row = cJSON_CreateObject();
			cells = cJSON_CreateArray();
			for (i = 0; i < n; i++)
				cJSON_AddItemToArray(cells, chosen[i].nf == 1 &&
				    chosen[i].lead[0] == NULL ?
				    event_cell(e, &x, chosen[i].field[0],
				    style) : combined_cell(e, &x, &chosen[i],
				    style));
			cJSON_AddItemToObject(row, "cells", cells);
			cJSON_AddItemToArray(events, row);
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
	}
	view_member(e, v, cal, "title");
	cJSON_AddBoolToObject(v, "has_widths", widths);
	cJSON_AddItemToObject(v, "columns", cols);
	cJSON_AddItemToObject(v, "events", events);
	return v;
}

cJSON *
enrich_people(struct enrich *e, const cJSON *pb)
{
	cJSON *v = view_block("people"), *items = cJSON_CreateArray();
	const cJSON *list = en_get(e, pb, "items", EN_ARRAY, EN_REQUIRED);
	const cJSON *it;
	int any_email = 0;
	size_t i = 0, old;

	view_member(e, v, pb, "title");
	old = en_path_key(e, "items");
	cJSON_ArrayForEach(it, list) {
		cJSON *iv;
		const char *ref;
		const cJSON *p = NULL;
		size_t o2 = en_path_index(e, i++);

		if (en_check(e, it, EN_OBJECT) == NULL) {
			en_path_pop(e, o2);
			continue;
		}
		iv = cJSON_CreateObject();
		ref = en_string(e, it, "ref", EN_OPTIONAL);
		if (ref != NULL)
			p = enrich_person(e, ref);
		if (p != NULL) {
			/* the registry, checked by check_people() */
			const char *name = person_member(p, "name");
			const cJSON *email = cJSON_GetObjectItemCaseSensitive(p,
			    "email");

			view_text(iv, "role", person_member(p, "role"));
			if (name != NULL)
				view_html_text(iv, "names_html", name);
			else
				view_false(iv, "names_html");
			view_md(e, iv, "email_html", cJSON_IsString(email) ?
			    email : NULL, 1);
			any_email |= cJSON_IsString(email);
		} else {
			view_member(e, iv, it, "role");
			view_md_member(e, iv, "names_html", it, "names", 1);
			view_md_member(e, iv, "email_html", it, "email", 1);
			any_email |= cJSON_IsString(
			    cJSON_GetObjectItemCaseSensitive(it, "email"));
		}
		cJSON_AddItemToArray(items, iv);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	cJSON_AddBoolToObject(v, "has_email", any_email);
	cJSON_AddItemToObject(v, "items", items);
	return v;
}

/* The registry "people": each an object with an id, and text. */
void
check_people(struct enrich *e)
{
	static const char *const keys[] = { "name", "role", "email",
	    "phone" };
	const cJSON *p;
	size_t i = 0, k, old = en_path_key(e, "people");

	cJSON_ArrayForEach(p, e->people) {
		size_t o2 = en_path_index(e, i++);

		if (en_check(e, p, EN_OBJECT) != NULL) {
			(void)en_string(e, p, "id", EN_REQUIRED);
			for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
				(void)en_string(e, p, keys[k], EN_OPTIONAL);
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

cJSON *
enrich_references(struct enrich *e, const cJSON *refs)
{
	cJSON *v = view_block("references"), *items = cJSON_CreateArray();
	const cJSON *r;
	size_t i = 0;

	cJSON_ArrayForEach(r, refs) {
		cJSON *rv;
		const char *url;
		size_t old = en_path_index(e, i++);

		if (en_check(e, r, EN_OBJECT) != NULL &&
		    (url = en_string(e, r, "url", EN_REQUIRED)) != NULL) {
			rv = cJSON_CreateObject();
			view_member(e, rv, r, "title");
			view_str(rv, "url", url);
			cJSON_AddItemToArray(items, rv);
		}
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(v, "items", items);
	return v;
}

cJSON *
enrich_signature(struct enrich *e, const cJSON *sig)
{
	cJSON *v = view_block("signature");
	const char *ref = en_string(e, sig, "ref", EN_OPTIONAL);
	const cJSON *p = ref ? enrich_person(e, ref) : NULL;
	const char *name = en_text(e, sig, "name");
	const char *title = en_text(e, sig, "title");
	const char *place = en_text(e, sig, "place");
	const char *date = en_date(e, sig, "date", EN_OPTIONAL, NULL);
	struct pv_buf b;
	char d[32];

	if (name == NULL)
		name = person_member(p, "name");
	if (title == NULL)
		title = person_member(p, "role");
	view_text(v, "name", name);
	view_text(v, "title", title);
	d[0] = '\0';
	if (date != NULL)
		format_date(date, d, sizeof(d));
	pv_buf_init(&b);
	if (place != NULL && d[0])
		pv_buf_printf(&b, "%s, %s", place, d);
	else
		pv_buf_puts(&b, place ? place : d);
	view_text(v, "place_date", b.data);
	pv_buf_free(&b);
	return v;
}

/*
 * An image the document names (a figure, a logo): resolved against the
 * document's folder and checked now, so that a missing or unreadable
 * file is reported at its JSON member by check as well as build, not
 * later at a line of XHTML the user never saw.  Returns the path (the
 * caller frees it), also after an error.
 */
char *
en_image_path(struct enrich *e, const cJSON *parent, const char *member,
    const char *value)
{
	char *path = value[0] == '/' ? pv_xstrdup(value) :
	    pv_path_join(e->base_dir, value);
	const cJSON *node = cJSON_GetObjectItemCaseSensitive(parent, member);
	struct stat st;
	size_t old = en_path_key(e, member);

	const char *rel = value[0] == '/' ? "" : " (a path is relative to "
	    "the document's folder)";

	if (stat(path, &st) != 0)
		en_error(e, node, "the image \"%s\" cannot be read: %s%s",
		    value, strerror(errno), rel);
	else if (!S_ISREG(st.st_mode))
		en_error(e, node, "the image \"%s\" is not a regular file",
		    value);
	else if (access(path, R_OK) != 0)
		en_error(e, node, "the image \"%s\" cannot be read: %s",
		    value, strerror(errno));
	en_path_pop(e, old);
	return path;
}
