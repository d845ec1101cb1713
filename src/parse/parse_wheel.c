/*
 * parse_wheel.c - the data of year wheels (class chart-wheel,
 * docs/vocabulary.md), checked once the tree is whole.
 *
 * A wheel names its year (data-year) and the twelve words it prints
 * around the ring (data-months, from the document: layout prints no
 * month names of its own); each body row has its day in data-date and
 * may say what kind of mark it gets (data-kind).  Layout draws from
 * these and trusts them, so whatever it could not place is an error
 * here; so are the attributes outside a wheel, where they mean nothing.
 */
#include <stdio.h>
#include <string.h>

#include "../util/date.h"
#include "parse_int.h"

int
wheel_date(const char *s, int *year, int *yday)
{
	struct pv_date d, jan1;
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	if (!pv_date_parse(s, &d) || d.year < PV_YEAR_MIN ||
	    d.year > PV_YEAR_MAX)
		return -1;
	jan1.year = d.year;
	jan1.month = jan1.day = 1;
	*year = d.year;
	*yday = (int)(pv_date_days(&d) - pv_date_days(&jan1));
	return 1;
}

static int
count_words(const char *s)
{
	int n = 0;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		n++;
		while (*s != '\0' && *s != ' ')
			s++;
	}
	return n;
}

/* The day again as written, for messages. */
static void
date_text(const struct doc_node *td, char *buf, size_t n)
{
	struct pv_date d;

	d.year = td->date_year;
	d.month = 1;
	d.day = 1 + td->yday;
	pv_date_from_days(pv_date_days(&d), &d);
	snprintf(buf, n, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static void
check_wheel(struct parse *p, const struct doc_node *t)
{
	int words;

	if (t->year == 0)
		parse_error(p, t->line, 0, "a chart-wheel table needs "
		    "data-year=\"YYYY\": the year the wheel shows");
	if (t->months == NULL)
		parse_error(p, t->line, 0, "a chart-wheel table needs "
		    "data-months=\"...\": the 12 month names printed around "
		    "the wheel, separated by spaces");
	else if ((words = count_words(t->months)) != 12)
		parse_error(p, t->line, 0, "data-months on a chart-wheel "
		    "table needs exactly 12 month names separated by spaces, "
		    "not %d", words);
}

static const struct doc_node *
table_of(const struct doc_node *n)
{
	for (n = n->parent; n != NULL && n->kind != DOC_TABLE; n = n->parent)
		continue;
	return n;
}

static int
is_wheel(const struct doc_node *t)
{
	return t != NULL && (t->classes & DOC_C_CHART_WHEEL);
}

static const char outside[] = "has meaning only in a table of class "
    "chart-wheel";

/* Iterative walk, as chart_check. */
void
wheel_check(struct parse *p, const struct doc_node *root)
{
	const struct doc_node *n = root, *t;
	char when[16];

	while (n != NULL && !p->halt) {
		if (n->kind == DOC_TABLE && is_wheel(n))
			check_wheel(p, n);
		else if (n->kind == DOC_TABLE && n->year != 0)
			parse_error(p, n->line, 0, "data-year on <table> %s",
			    outside);
		else if (n->kind == DOC_TABLE && n->months != NULL)
			parse_error(p, n->line, 0, "data-months on <table> %s",
			    outside);
		if (n->kind == DOC_TR && n->mark != DOC_MARK_NONE &&
		    !is_wheel(table_of(n)))
			parse_error(p, n->line, 0, "data-kind on <tr> %s",
			    outside);
		if (n->kind == DOC_TD && n->yday != -1) {
			t = table_of(n);
			if (!is_wheel(t))
				parse_error(p, n->line, 0, "data-date on <td> "
				    "%s", outside);
			else if (n->yday >= 0 && t->year > 0 &&
			    n->date_year != t->year) {
				date_text(n, when, sizeof(when));
				parse_error(p, n->line, 0, "data-date=\"%s\" "
				    "is not in the wheel's year %d "
				    "(data-year)", when, t->year);
			}
		}
		n = doc_next(n);
	}
}
