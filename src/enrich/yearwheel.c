/*
 * yearwheel.c - the year wheel's dates (yearwheel.h): ISO weeks to days
 * with util/date.c, deadlines checked to be real days, and the events
 * sorted.
 */
#include <stdlib.h>

#include "yearwheel.h"

int
wheel_meeting_date(int year, int week, int weekday, struct pv_date *out)
{
	if (weekday < 1 || weekday > 7 || week < 1 ||
	    week > pv_iso_weeks_in_year(year))
		return -1;
	return pv_date_of_iso_week(year, week, weekday, out) ? 0 : -1;
}

int
wheel_deadline_date(int year, int month, int day, struct pv_date *out)
{
	struct pv_date d = { year, month, day }, back;

	if (month < 1 || month > 12 || day < 1 || day > 31)
		return -1;
	/* a day past the month's end would count on into the next */
	pv_date_from_days(pv_date_days(&d), &back);
	if (back.month != month || back.day != day)
		return -1;
	*out = d;
	return 0;
}

static int
event_cmp(const void *pa, const void *pb)
{
	const struct wheel_event *a = pa, *b = pb;
	long da = pv_date_days(&a->date), db = pv_date_days(&b->date);

	if (da != db)
		return da < db ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

void
wheel_sort(struct wheel_event *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), event_cmp);
}
