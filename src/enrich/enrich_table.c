/*
 * enrich_table.c - table blocks: header rows, cells rendered from
 * Markdown or numbers, and a computed sum row checked against what the
 * document says the sums are.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "enrich_int.h"
#include "format.h"

struct table_ctx {
	const char *align[TABLE_MAX_COLUMNS]; /* per column, or NULL */
	const char *title[TABLE_MAX_COLUMNS]; /* per column, or NULL */
	long long sum[TABLE_MAX_COLUMNS];
	int summed[TABLE_MAX_COLUMNS];
	int ncols;
};

static int
known_align(struct enrich *e, const cJSON *obj, const char **align)
{
	const char *a = en_string(e, obj, "align", EN_OPTIONAL);
	size_t old;

	if (a == NULL || strcmp(a, "left") == 0 || strcmp(a, "right") == 0 ||
	    strcmp(a, "center") == 0) {
		*align = a;
		return 1;
	}
	old = en_path_key(e, "align");
	en_error(e, cJSON_GetObjectItemCaseSensitive(obj, "align"), "must be "
	    "one of \"left\", \"right\" or \"center\", not \"%s\"", a);
	en_path_pop(e, old);
	*align = NULL;
	return 0;
}

/* One cell: its HTML, spans and alignment; adds integers to the sums. */
static cJSON *
table_cell(struct enrich *e, struct table_ctx *t, const cJSON *c, int col,
    int header, int *span)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *text = c;
	const char *align = NULL;
	char buf[64];
	long long colspan = 1, rowspan = 1;
	size_t old = e->path.len;

	if (cJSON_IsObject(c)) {
		text = cJSON_GetObjectItemCaseSensitive(c, "text");
		if (!en_integer(e, c, "colspan", EN_OPTIONAL, 1,
		    TABLE_MAX_COLSPAN, &colspan))
			colspan = 1;
		if (!en_integer(e, c, "rowspan", EN_OPTIONAL, 1,
		    TABLE_MAX_ROWSPAN, &rowspan))
			rowspan = 1;
		(void)known_align(e, c, &align);
		old = en_path_key(e, "text");
	}
	*span = (int)colspan;
	if (align == NULL)
		align = col < t->ncols ? t->align[col] : NULL;
	if (text != NULL && !cJSON_IsNull(text) &&
	    en_check(e, text, EN_STRING | EN_NUMBER) == NULL)
		text = NULL;
	if (cJSON_IsNumber(text)) {
		format_number(text->valuedouble, buf, sizeof(buf));
		view_str(v, "html", buf);
		if (align == NULL)
			align = "right";
		if (!header && col < TABLE_MAX_COLUMNS && t->summed[col]) {
			double x = text->valuedouble;

			if (floor(x) != x || fabs(x) > 1e15)
				en_error(e, text, "only whole numbers up to "
				    "10^15 can be summed; found %s", buf);
			else if (fabs((double)t->sum[col] + x) > 9e18)
				en_error(e, text, "the column sums to more than "
				    "planverk can sum");
			else
				t->sum[col] += (long long)x;
		}
	} else if (cJSON_IsString(text) && text->valuestring[0] != '\0') {
		view_md(e, v, "html", text, 1);
		if (!header && col < TABLE_MAX_COLUMNS && t->summed[col])
			en_error(e, text, "this column is summed, but the cell "
			    "holds text (write the number without quotes)");
	} else {
		view_str(v, "html", "");
	}
	en_path_pop(e, old);
	cJSON_AddBoolToObject(v, "has_colspan", colspan > 1);
	cJSON_AddNumberToObject(v, "colspan", (double)colspan);
	cJSON_AddBoolToObject(v, "has_rowspan", rowspan > 1);
	cJSON_AddNumberToObject(v, "rowspan", (double)rowspan);
	cJSON_AddBoolToObject(v, "num", align && strcmp(align, "right") == 0);
	cJSON_AddBoolToObject(v, "center", align &&
	    strcmp(align, "center") == 0);
	return v;
}

static cJSON *
table_row(struct enrich *e, struct table_ctx *t, const cJSON *row,
    int header)
{
	cJSON *r = cJSON_CreateObject(), *cells = cJSON_CreateArray();
	const cJSON *c;
	int col = 0;
	size_t i = 0;

	if (en_check(e, row, EN_ARRAY) == NULL)
		row = NULL;
	cJSON_ArrayForEach(c, row) {
		int span;
		size_t old = en_path_index(e, i++);

		cJSON_AddItemToArray(cells, table_cell(e, t, c, col, header,
		    &span));
		/* spans are at most TABLE_MAX_COLSPAN; a row at most a
		 * file's length of cells */
		if (col < TABLE_MAX_COLUMNS * TABLE_MAX_COLSPAN)
			col += span;
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(r, "cells", cells);
	cJSON_AddBoolToObject(r, "is_sum", 0);
	return r;
}

/* The computed sum row; compares with "expect" when given.  The path is
 * the "sum" member's. */
static cJSON *
sum_row(struct enrich *e, struct table_ctx *t, const cJSON *sum)
{
	const char *label_s = en_text(e, sum, "label");
	const cJSON *expect = en_get(e, sum, "expect", EN_ARRAY, EN_OPTIONAL);
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(sum, "columns");
	cJSON *r = cJSON_CreateObject(), *cells = cJSON_CreateArray();
	const cJSON *k;
	char buf[64];
	int col, i = 0;

	if (!cJSON_IsArray(cols))
		cols = NULL; /* reported by table_summed */
	cJSON_ArrayForEach(k, cols) {
		const cJSON *want = cJSON_GetArrayItem(expect, i);
		size_t old = en_path_key(e, "expect");
		size_t o2 = en_path_index(e, (size_t)i);

		/* a column table_summed refused has no sum to compare */
		col = cJSON_IsNumber(k) && k->valuedouble >= 0 &&
		    k->valuedouble < t->ncols &&
		    floor(k->valuedouble) == k->valuedouble ?
		    (int)k->valuedouble : -1;
		if (want != NULL && en_check(e, want, EN_NUMBER) != NULL &&
		    col >= 0 &&
		    (fabs(want->valuedouble) > 9e18 ||
		    (long long)want->valuedouble != t->sum[col] ||
		    floor(want->valuedouble) != want->valuedouble)) {
			char want_s[64];

			format_integer(t->sum[col], buf, sizeof(buf));
			format_number(want->valuedouble, want_s,
			    sizeof(want_s));
			if (t->title[col])
				en_error(e, want, "the column \"%s\" sums to "
				    "%s, but the document says %s",
				    t->title[col], buf, want_s);
			else
				en_error(e, want, "column %d (counted from 0) "
				    "sums to %s, but the document says %s", col,
				    buf, want_s);
		}
		en_path_pop(e, o2);
		en_path_pop(e, old);
		i++;
	}
	if (expect != NULL && cJSON_GetArraySize(expect) !=
	    cJSON_GetArraySize(cols)) {
		size_t old = en_path_key(e, "expect");

		en_error(e, expect, "\"expect\" has %d sums for %d summed "
		    "columns", cJSON_GetArraySize(expect),
		    cJSON_GetArraySize(cols));
		en_path_pop(e, old);
	}
	for (col = 0; col < t->ncols; col++) {
		cJSON *v = cJSON_CreateObject();

		if (t->summed[col]) {
			format_integer(t->sum[col], buf, sizeof(buf));
			view_str(v, "html", buf);
		} else if (col == 0) {
			view_html_text(v, "html", label_s ? label_s :
			    label(e, "sum"));
		} else {
			view_str(v, "html", "");
		}
		cJSON_AddBoolToObject(v, "has_colspan", 0);
		cJSON_AddNumberToObject(v, "colspan", 1);
		cJSON_AddBoolToObject(v, "has_rowspan", 0);
		cJSON_AddNumberToObject(v, "rowspan", 1);
		cJSON_AddBoolToObject(v, "num", t->summed[col]);
		cJSON_AddBoolToObject(v, "center", 0);
		cJSON_AddItemToArray(cells, v);
	}
	cJSON_AddItemToObject(r, "cells", cells);
	cJSON_AddBoolToObject(r, "is_sum", 1);
	return r;
}

/* The title of a column written as text or as an object; checked. */
static const char *
column_title(struct enrich *e, const cJSON *c)
{
	if (cJSON_IsString(c))
		return c->valuestring;
	return en_string(e, c, "title", EN_OPTIONAL);
}

static void
table_columns(struct enrich *e, struct table_ctx *t, const cJSON *columns,
    cJSON *cols, int *any_width, int *any_title)
{
	const cJSON *c;
	size_t i = 0, old = en_path_key(e, "columns");

	if (cJSON_GetArraySize(columns) > TABLE_MAX_COLUMNS)
		en_error(e, columns, "a table has at most %d columns "
		    "(TABLE_MAX_COLUMNS); this one has %d", TABLE_MAX_COLUMNS,
		    cJSON_GetArraySize(columns));
	cJSON_ArrayForEach(c, columns) {
		cJSON *cv;
		const char *w = NULL, *al = NULL, *ti;
		size_t o2 = en_path_index(e, i++);

		if (en_check(e, c, EN_STRING | EN_OBJECT) == NULL ||
		    t->ncols == TABLE_MAX_COLUMNS) {
			en_path_pop(e, o2);
			continue;
		}
		if (cJSON_IsObject(c)) {
			w = en_string(e, c, "width", EN_OPTIONAL);
			(void)known_align(e, c, &al);
		}
		ti = column_title(e, c);
		t->title[t->ncols] = ti && ti[0] ? ti : NULL;
		t->align[t->ncols++] = al;
		cv = cJSON_CreateObject();
		view_text(cv, "width", w);
		*any_width |= w != NULL && w[0] != '\0';
		*any_title |= ti != NULL && ti[0] != '\0';
		cJSON_AddItemToArray(cols, cv);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
}

/* The columns a "sum" adds up (the path is the sum's). */
static void
table_summed(struct enrich *e, struct table_ctx *t, const cJSON *sum)
{
	const cJSON *c, *list = en_get(e, sum, "columns", EN_ARRAY,
	    EN_REQUIRED);
	size_t i = 0, old = en_path_key(e, "columns");

	cJSON_ArrayForEach(c, list) {
		char num[64];

		if (en_item(e, c, i++, EN_NUMBER) == NULL)
			continue;
		if (floor(c->valuedouble) != c->valuedouble ||
		    c->valuedouble < 0 || c->valuedouble >= t->ncols) {
			/* as the JSON has it, not as the page would */
			snprintf(num, sizeof(num), "%.10g", c->valuedouble);
			en_error(e, c, "there is no column %s (columns are "
			    "counted from 0; this table has %d)", num,
			    t->ncols);
		} else {
			t->summed[(int)c->valuedouble] = 1;
		}
	}
	en_path_pop(e, old);
}

cJSON *
enrich_table(struct enrich *e, const cJSON *tb)
{
	cJSON *v = view_block("table"), *cols = cJSON_CreateArray();
	cJSON *head = cJSON_CreateArray(), *rows = cJSON_CreateArray();
	const cJSON *columns = en_get(e, tb, "columns", EN_ARRAY, EN_REQUIRED);
	const cJSON *header = en_get(e, tb, "header", EN_ARRAY, EN_OPTIONAL);
	const cJSON *sum = en_get(e, tb, "sum", EN_OBJECT, EN_OPTIONAL);
	const cJSON *body = en_get(e, tb, "rows", EN_ARRAY, EN_REQUIRED);
	const cJSON *c, *r;
	struct table_ctx t;
	int any_width = 0, any_title = 0;
	size_t i = 0;

	memset(&t, 0, sizeof(t));
	table_columns(e, &t, columns, cols, &any_width, &any_title);
	if (sum != NULL) {
		size_t old = en_path_key(e, "sum");

		table_summed(e, &t, sum);
		en_path_pop(e, old);
	}
	view_member(e, v, tb, "caption");
	cJSON_AddBoolToObject(v, "small", en_bool(e, tb, "small", 0));
	cJSON_AddBoolToObject(v, "header_column", en_bool(e, tb,
	    "header_column", 0));
	cJSON_AddBoolToObject(v, "has_widths", any_width);
	cJSON_AddItemToObject(v, "cols", cols);
	if (header != NULL) {
		size_t old = en_path_key(e, "header");

		cJSON_ArrayForEach(r, header) {
			size_t o2 = en_path_index(e, i++);

			cJSON_AddItemToArray(head, table_row(e, &t, r, 1));
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
	} else if (any_title) {
		/* one header row of the column titles, whatever form the
		 * columns are written in */
		cJSON *titles = cJSON_CreateArray();
		size_t old = en_path_key(e, "columns");

		cJSON_ArrayForEach(c, columns) {
			const char *ti = cJSON_IsString(c) ? c->valuestring :
			    cJSON_IsObject(c) ? person_member(c, "title") :
			    NULL;

			cJSON_AddItemToArray(titles, cJSON_CreateString(
			    ti ? ti : ""));
		}
		/* the titles are a row made here, not read from the
		 * document: no positions */
		cJSON_AddItemToArray(head, table_row(e, &t, titles, 1));
		cJSON_Delete(titles);
		en_path_pop(e, old);
	}
	cJSON_AddBoolToObject(v, "has_head", cJSON_GetArraySize(head) > 0);
	cJSON_AddItemToObject(v, "head", head);
	i = 0;
	{
		size_t old = en_path_key(e, "rows");

		if (cJSON_GetArraySize(body) > TABLE_MAX_ROWS)
			en_error(e, body, "a table has at most %d rows "
			    "(TABLE_MAX_ROWS); this one has %d: split it",
			    TABLE_MAX_ROWS, cJSON_GetArraySize(body));
		else
			cJSON_ArrayForEach(r, body) {
				size_t o2 = en_path_index(e, i++);

				cJSON_AddItemToArray(rows, table_row(e, &t, r,
				    0));
				en_path_pop(e, o2);
			}
		en_path_pop(e, old);
	}
	if (sum != NULL) {
		size_t old = en_path_key(e, "sum");

		cJSON_AddItemToArray(rows, sum_row(e, &t, sum));
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(v, "rows", rows);
	return v;
}
