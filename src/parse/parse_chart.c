/*
 * parse_chart.c - the data of chart tables (classes chart-bullet,
 * chart-bars, chart-timeline; docs/vocabulary.md), checked once the tree
 * is whole.
 *
 * A chart table's header row names a series on each data column
 * (data-series on its <th>); every body row has a label in its first
 * cell and a data-value in each series column.  Layout draws from these
 * numbers and trusts them: whatever it could not draw is an error here,
 * at the line of the cell, never a chart silently missing a bar.
 * data-series, data-value and data-mark outside a chart table mean
 * nothing and are errors too.
 */
#include <string.h>

#include "parse_int.h"

/* Beyond this many series a chart is no longer readable. */
#define CHART_MAX_SERIES 8

struct chart_kind {
	unsigned bit;
	const char *name;
	const char *const *series;  /* the allowed names, NULL: any */
	const char *needs;          /* a series it cannot do without */
	const char *needs2;
	const char *list;           /* for messages */
};

static const char *const bullet_series[] = { "value", "target",
	"baseline", NULL };
static const char *const timeline_series[] = { "from", "to", NULL };
static const char *const wheel_series[] = { "date", NULL };

static const struct chart_kind kinds[] = {
	{ DOC_C_CHART_BULLET, "chart-bullet", bullet_series, "value", NULL,
	    "value, target and baseline" },
	{ DOC_C_CHART_BARS, "chart-bars", NULL, NULL, NULL, NULL },
	{ DOC_C_CHART_TIMELINE, "chart-timeline", timeline_series, "from",
	    "to", "from and to" },
	{ DOC_C_CHART_WHEEL, "chart-wheel", wheel_series, "date", NULL,
	    "date" },
};

static const struct chart_kind *
kind_of(const struct doc_node *t)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (t->classes & kinds[i].bit)
			return &kinds[i];
	return NULL;
}

static int
known(const struct chart_kind *k, const char *s)
{
	size_t i;

	if (k->series == NULL)
		return 1;
	for (i = 0; k->series[i] != NULL; i++)
		if (strcmp(k->series[i], s) == 0)
			return 1;
	return 0;
}

/* The header row: the last row of the <thead>. */
static const struct doc_node *
head_row(const struct doc_node *t)
{
	const struct doc_node *s, *r, *last = NULL;

	for (s = t->first; s != NULL; s = s->next)
		if (s->kind == DOC_THEAD)
			for (r = s->first; r != NULL; r = r->next)
				if (r->kind == DOC_TR)
					last = r;
	return last;
}

static void
check_table(struct parse *p, const struct doc_node *t)
{
	const struct chart_kind *k = kind_of(t);
	const struct doc_node *hr = head_row(t), *s, *r, *cell, *h;
	const struct doc_node *col[CHART_MAX_SERIES * 4];
	int ncol = 0, nser = 0, has1 = 0, has2 = 0, i;

	if (t->has_value && k->bit != DOC_C_CHART_TIMELINE)
		parse_error(p, t->line, 0, "data-mark on <table> has meaning "
		    "only with class \"chart-timeline\"");
	if (hr == NULL) {
		parse_error(p, t->line, 0, "a %s table needs a <thead> row "
		    "with data-series on the <th> of each data column",
		    k->name);
		return;
	}
	memset(col, 0, sizeof(col));
	for (h = hr->first; h != NULL; h = h->next) {
		for (i = 0; i < h->colspan && ncol < (int)(sizeof(col) /
		    sizeof(col[0])); i++)
			col[ncol++] = i == 0 && h->series != NULL ? h : NULL;
		if (h->series == NULL)
			continue;
		if (!known(k, h->series)) {
			parse_error(p, h->line, 0, "data-series=\"%s\" is not "
			    "a series of a %s table (only %s)", h->series,
			    k->name, k->list);
			continue;
		}
		if (++nser > CHART_MAX_SERIES)
			parse_error(p, h->line, 0, "a %s table has at most %d "
			    "series", k->name, CHART_MAX_SERIES);
		if (k->needs && strcmp(h->series, k->needs) == 0)
			has1 = 1;
		if (k->needs2 && strcmp(h->series, k->needs2) == 0)
			has2 = 1;
	}
	if (nser == 0)
		parse_error(p, hr->line, 0, "a %s table needs data-series on "
		    "the <th> of each data column in its header row",
		    k->name);
	else if ((k->needs && !has1) || (k->needs2 && !has2))
		parse_error(p, hr->line, 0, "a %s table needs the series "
		    "\"%s\"%s%s%s in its header row (data-series on a <th>)",
		    k->name, k->needs, k->needs2 ? " and \"" : "",
		    k->needs2 ? k->needs2 : "", k->needs2 ? "\"" : "");
	for (s = t->first; s != NULL; s = s->next) {
		if (s->kind != DOC_TBODY)
			continue;
		for (r = s->first; r != NULL; r = r->next) {
			int c = 0;

			for (cell = r->first; cell != NULL;
			    c += cell->colspan, cell = cell->next) {
				if (c >= ncol || col[c] == NULL)
					continue;
				if (cell->kind == DOC_TD && (k->bit ==
				    DOC_C_CHART_WHEEL ? cell->yday != -1 :
				    cell->has_value != 0))
					continue;   /* a value, or said already */
				parse_error(p, cell->line, 0, "<%s> in the "
				    "\"%s\" column of a %s table needs "
				    "%s", cell->kind == DOC_TD ? "td" : "th",
				    col[c]->series, k->name, k->bit ==
				    DOC_C_CHART_WHEEL ?
				    "data-date=\"YYYY-MM-DD\"" :
				    "data-value=\"NUMBER\"");
			}
		}
	}
}

/* data-* on an element outside a chart table. */
static void
check_loose(struct parse *p, const struct doc_node *n,
    const struct doc_node *table)
{
	if (n->kind == DOC_TH && n->series != NULL && table == NULL)
		parse_error(p, n->line, 0, "data-series on <th> has meaning "
		    "only in a table of class chart-bullet, chart-bars, "
		    "chart-timeline or chart-wheel");
	if (n->kind == DOC_TD && n->has_value && table == NULL)
		parse_error(p, n->line, 0, "data-value on <td> has meaning "
		    "only in a table of class chart-bullet, chart-bars or "
		    "chart-timeline");
	if (n->kind == DOC_TABLE && n->has_value &&
	    !(n->classes & DOC_C_CHARTS))
		parse_error(p, n->line, 0, "data-mark on <table> has meaning "
		    "only with class \"chart-timeline\"");
}

/* Iterative walk (the tree may be deep): the nearest chart table above
 * each node is found by climbing, bounded by the depth cap. */
void
chart_check(struct parse *p, const struct doc_node *root)
{
	const struct doc_node *n = root, *a;

	while (n != NULL && !p->halt) {
		if (n->kind == DOC_TABLE && (n->classes & DOC_C_CHARTS))
			check_table(p, n);
		if (n->series != NULL || n->has_value) {
			for (a = n->parent; a != NULL && a->kind != DOC_TABLE;
			    a = a->parent)
				continue;
			check_loose(p, n, a != NULL && (a->classes &
			    DOC_C_CHARTS) ? a : NULL);
		}
		n = doc_next(n);
	}
}
