/*
 * date.c - proleptic Gregorian calendar arithmetic (Howard Hinnant's
 * days-from-civil method), ISO weeks.
 */
#include <string.h>

#include "date.h"

int
pv_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	return m == 2 && pv_is_leap_year(y) ? 29 : d[m - 1];
}

int
pv_date_parse(const char *s, struct pv_date *out)
{
	int i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	out->year = y;
	out->month = m;
	out->day = d;
	return 1;
}

long
pv_date_days(const struct pv_date *dt)
{
	long y = dt->year - (dt->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + dt->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
pv_date_from_days(long z, struct pv_date *dt)
{
	long era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dt->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	dt->year = (int)(y + (dt->month <= 2));
}

int
pv_date_weekday(const struct pv_date *dt)
{
	long z = pv_date_days(dt); /* 1970-01-01 was a Thursday (4) */
	long w = (z % 7 + 7 + 3) % 7;

	return (int)w + 1;
}

void
pv_date_iso_week(const struct pv_date *dt, int *week, int *year)
{
	/* The week belongs to the year of its Thursday. */
	long days = pv_date_days(dt);
	struct pv_date thu, jan1;

	pv_date_from_days(days - (pv_date_weekday(dt) - 4), &thu);
	jan1.year = thu.year;
	jan1.month = 1;
	jan1.day = 1;
	*week = (int)((pv_date_days(&thu) - pv_date_days(&jan1)) / 7 + 1);
	*year = thu.year;
}

int
pv_iso_weeks_in_year(int year)
{
	struct pv_date dec28 = { year, 12, 28 };
	int w, y;

	pv_date_iso_week(&dec28, &w, &y);
	return w;
}

int
pv_date_of_iso_week(int year, int week, int weekday, struct pv_date *out)
{
	struct pv_date jan4 = { year, 1, 4 };
	long monday1;

	if (week < 1 || week > pv_iso_weeks_in_year(year) || weekday < 1 ||
	    weekday > 7)
		return 0;
	monday1 = pv_date_days(&jan4) - (pv_date_weekday(&jan4) - 1);
	pv_date_from_days(monday1 + (week - 1) * 7 + (weekday - 1), out);
	return 1;
}
