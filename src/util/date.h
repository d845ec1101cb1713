/*
 * date.h - calendar dates without time zones: ISO 8601 dates, ISO weeks,
 * weekdays.  Plans speak of days and weeks, never of instants.
 */
#ifndef PV_DATE_H
#define PV_DATE_H

/*
 * The years a plan may name, in dates, periods and ISO weeks.  The
 * arithmetic below is defined for any int, but nothing outside these
 * years is a plan, and the validator refuses it at its place.
 */
#define PV_YEAR_MIN 1900
#define PV_YEAR_MAX 2200

struct pv_date {
	int year, month, day;
};

/* Parse "YYYY-MM-DD" exactly, as a real calendar day (1000..9999).
 * Returns 1 on success. */
int pv_date_parse(const char *, struct pv_date *);
/* Days since 1970-01-01 (negative before).  Defined for every int
 * field: a month outside 1..12 counts on into the next years, a day
 * outside the month into the next months (2025-13-01 is 2026-01-01). */
long pv_date_days(const struct pv_date *);
/* The inverse; days beyond about +-5 million years are clamped there. */
void pv_date_from_days(long days, struct pv_date *);
/* 1 = Monday .. 7 = Sunday */
int pv_date_weekday(const struct pv_date *);
/* ISO 8601 week number and week-based year. */
void pv_date_iso_week(const struct pv_date *, int *week, int *year);
/* Number of ISO weeks in a year (52 or 53). */
int pv_iso_weeks_in_year(int year);
/* The date of a weekday (1..7) in an ISO week; returns 0 if no such week. */
int pv_date_of_iso_week(int year, int week, int weekday, struct pv_date *);
int pv_is_leap_year(int year);

#endif
