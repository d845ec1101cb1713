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

#define TABLE_MAX_COLUMNS 40

struct table_ctx {
	const char *align[TABLE_MAX_COLUMNS]; /* per column, or NULL */
	const char *title[TABLE_MAX_COLUMNS]; /* per column, or NULL */
	long long sum[TABLE_MAX_COLUMNS];
	int summed[TABLE_MAX_COLUMNS];
	int ncols;
};

/* One cell: its HTML, spans and alignment; adds integers to the sums. */
static cJSON *
table_cell(struct enrich *e, struct table_ctx *t, const cJSON *c, int col,
    int header, int *span)
{
	cJSON *v = cJSON_CreateObject();
	const cJSON *text = c, *cs = NULL, *rs = NULL, *al = NULL;
	const char *align;
	char buf[64];
	int colspan = 1;

	if (cJSON_IsObject(c)) {
		text = cJSON_GetObjectItemCaseSensitive(c, "text");
		cs = cJSON_GetObjectItemCaseSensitive(c, "colspan");
		rs = cJSON_GetObjectItemCaseSensitive(c, "rowspan");
		al = cJSON_GetObjectItemCaseSensitive(c, "align");
	}
	if (cJSON_IsNumber(cs))
		colspan = (int)cs->valuedouble;
	*span = colspan;
	align = cJSON_IsString(al) ? al->valuestring :
	    col < t->ncols ? t->align[col] : NULL;
	if (cJSON_IsNumber(text)) {
		format_number(text->valuedouble, buf, sizeof(buf));
		view_str(v, "html", buf);
		if (align == NULL)
			align = "right";
		if (!header && col < TABLE_MAX_COLUMNS && t->summed[col]) {
			double x = text->valuedouble;

			if (floor(x) != x || fabs(x) > 1e15)
				en_error(e, text, "only whole numbers can be "
				    "summed; found %s", buf);
			else
				t->sum[col] += (long long)x;
		}
	} else if (cJSON_IsString(text) && text->valuestring[0] != '\0') {
		view_md(v, "html", text, 1);
		if (!header && col < TABLE_MAX_COLUMNS && t->summed[col] &&
		    text->valuestring[0] != '\0')
			en_error(e, text, "this column is summed, but the cell "
			    "holds text (write the number without quotes)");
	} else {
		view_str(v, "html", "");
	}
	cJSON_AddBoolToObject(v, "has_colspan", colspan > 1);
	cJSON_AddNumberToObject(v, "colspan", colspan);
	cJSON_AddBoolToObject(v, "has_rowspan", cJSON_IsNumber(rs) &&
	    rs->valuedouble > 1);
	cJSON_AddNumberToObject(v, "rowspan", cJSON_IsNumber(rs) ?
	    rs->valuedouble : 1);
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

	cJSON_ArrayForEach(c, row) {
		int span;
		size_t old = en_path_index(e, i++);

		cJSON_AddItemToArray(cells, table_cell(e, t, c, col, header,
		    &span));
		col += span;
		en_path_pop(e, old);
	}
	cJSON_AddItemToObject(r, "cells", cells);
	cJSON_AddBoolToObject(r, "is_sum", 0);
	return r;
}

/* The computed sum row; compares with "expect" when given. */
static cJSON *
sum_row(struct enrich *e, struct table_ctx *t, const cJSON *sum)
{
	const cJSON *label_j = cJSON_GetObjectItemCaseSensitive(sum, "label");
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(sum, "columns");
	const cJSON *expect = cJSON_GetObjectItemCaseSensitive(sum, "expect");
	cJSON *r = cJSON_CreateObject(), *cells = cJSON_CreateArray();
	const cJSON *k;
	char buf[64];
	int col, i = 0;

	cJSON_ArrayForEach(k, cols) {
		const cJSON *want = cJSON_GetArrayItem(expect, i);

		col = (int)k->valuedouble;
		if (cJSON_IsNumber(want) && col < t->ncols &&
		    (long long)want->valuedouble != t->sum[col]) {
			size_t old = en_path_key(e, "sum.expect");
			size_t o2 = en_path_index(e, (size_t)i);
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
			en_path_pop(e, o2);
			en_path_pop(e, old);
		}
		i++;
	}
	if (cJSON_IsArray(expect) && cJSON_GetArraySize(expect) !=
	    cJSON_GetArraySize(cols))
		en_error(e, expect, "\"expect\" has %d sums for %d summed "
		    "columns", cJSON_GetArraySize(expect),
		    cJSON_GetArraySize(cols));
	for (col = 0; col < t->ncols; col++) {
		cJSON *v = cJSON_CreateObject();

		if (t->summed[col]) {
			format_integer(t->sum[col], buf, sizeof(buf));
			view_str(v, "html", buf);
		} else if (col == 0) {
			view_str(v, "html", cJSON_IsString(label_j) ?
			    label_j->valuestring : label(e, "sum"));
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

cJSON *
enrich_table(struct enrich *e, const cJSON *tb)
{
	cJSON *v = view_block("table"), *cols = cJSON_CreateArray();
	cJSON *head = cJSON_CreateArray(), *rows = cJSON_CreateArray();
	const cJSON *columns = cJSON_GetObjectItemCaseSensitive(tb, "columns");
	const cJSON *header = cJSON_GetObjectItemCaseSensitive(tb, "header");
	const cJSON *sum = cJSON_GetObjectItemCaseSensitive(tb, "sum");
	const cJSON *c, *r;
	struct table_ctx t;
	int any_width = 0, any_title = 0;
	size_t i = 0;

	memset(&t, 0, sizeof(t));
	cJSON_ArrayForEach(c, columns) {
		cJSON *cv = cJSON_CreateObject();
		const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "width");
		const cJSON *al = cJSON_GetObjectItemCaseSensitive(c, "align");
		const cJSON *ti = cJSON_IsString(c) ? c :
		    cJSON_GetObjectItemCaseSensitive(c, "title");

		if (t.ncols < TABLE_MAX_COLUMNS) {
			t.title[t.ncols] = cJSON_IsString(ti) &&
			    ti->valuestring[0] ? ti->valuestring : NULL;
			t.align[t.ncols++] = cJSON_IsString(al) ?
			    al->valuestring : NULL;
		}
		view_opt_str(cv, "width", w);
		any_width |= cJSON_IsString(w);
		any_title |= cJSON_IsString(ti) && ti->valuestring[0];
		cJSON_AddItemToArray(cols, cv);
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(sum, "columns")) {
		int col = (int)c->valuedouble;

		if (col >= t.ncols) {
			size_t old = en_path_key(e, "sum.columns");

			en_error(e, c, "there is no column %d (columns are "
			    "counted from 0; this table has %d)", col,
			    t.ncols);
			en_path_pop(e, old);
		} else {
			t.summed[col] = 1;
		}
	}
	view_opt_str(v, "caption", cJSON_GetObjectItemCaseSensitive(tb,
	    "caption"));
	cJSON_AddBoolToObject(v, "small", cJSON_IsTrue(
	    cJSON_GetObjectItemCaseSensitive(tb, "small")));
	cJSON_AddBoolToObject(v, "header_column", cJSON_IsTrue(
	    cJSON_GetObjectItemCaseSensitive(tb, "header_column")));
	cJSON_AddBoolToObject(v, "has_widths", any_width);
	cJSON_AddItemToObject(v, "cols", cols);
	if (cJSON_IsArray(header)) {
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

		cJSON_ArrayForEach(c, columns) {
			const cJSON *ti = cJSON_IsString(c) ? c :
			    cJSON_GetObjectItemCaseSensitive(c, "title");

			cJSON_AddItemToArray(titles, cJSON_CreateString(
			    cJSON_IsString(ti) ? ti->valuestring : ""));
		}
		cJSON_AddItemToArray(head, table_row(e, &t, titles, 1));
		cJSON_Delete(titles);
	}
	cJSON_AddBoolToObject(v, "has_head", cJSON_GetArraySize(head) > 0);
	cJSON_AddItemToObject(v, "head", head);
	i = 0;
	{
		size_t old = en_path_key(e, "rows");

		cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(tb,
		    "rows")) {
			size_t o2 = en_path_index(e, i++);

			cJSON_AddItemToArray(rows, table_row(e, &t, r, 0));
			en_path_pop(e, o2);
		}
		en_path_pop(e, old);
	}
	if (cJSON_IsObject(sum))
		cJSON_AddItemToArray(rows, sum_row(e, &t, sum));
	cJSON_AddItemToObject(v, "rows", rows);
	return v;
}
