/*
 * yearwheel.h - the dates of a langsiktig-plan's year wheel (årshjul):
 * recurring meetings given as a weekday of ISO 8601 weeks ("torsdag i uke
 * 3, 10, 25, 38 og 46") and fixed deadlines given as day and month
 * ("1. februar"), computed for one year and sorted by date.
 */
#ifndef PV_YEARWHEEL_H
#define PV_YEARWHEEL_H

#include <stddef.h>

#include "../util/date.h"

enum wheel_kind { WHEEL_MEETING, WHEEL_DEADLINE };

struct wheel_event {
	struct pv_date date;
	enum wheel_kind kind;
	const char *what;
	size_t order;           /* given order: ties keep it */
};

/* The weekday (1 Monday .. 7 Sunday) of ISO week `week` of the ISO year
 * `year`; week 1 may start in the December before (2025 week 1 is
 * 2024-12-30..2025-01-05).  Returns -1 when the year has no such week
 * (week 53 of a 52-week year) or the weekday is out of range. */
int wheel_meeting_date(int year, int week, int weekday, struct pv_date *);
/* Day and month in `year`; -1 when that is no day (29 February of a
 * common year, 31 April). */
int wheel_deadline_date(int year, int month, int day, struct pv_date *);
/* By date, then the given order. */
void wheel_sort(struct wheel_event *, size_t n);

#endif
