/*
 * date.c - proleptic Gregorian calendar arithmetic (Howard Hinnant's
 * days-from-civil method), ISO weeks.
 */
#include <limits.h>
#include <string.h>

#include "date.h"

#define PV_DAYS_CLAMP 1800000000LL

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

/* Floor division by a positive divisor. */
static long long
floor_div(long long a, long long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/*
 * The arithmetic is done in long long: from any int fields the magnitudes
 * stay below 2^41, so no step can overflow, whatever the input.  The
 * result fits a long wherever long has 64 bits; elsewhere it is clamped.
 */
long
pv_date_days(const struct pv_date *dt)
{
	long long m0 = (long long)dt->month - 1; /* months after January */
	long long y = (long long)dt->year + floor_div(m0, 12);
	long long m = m0 - floor_div(m0, 12) * 12 + 1; /* 1..12 */
	long long era, yoe, mp, doy, doe, days;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	mp = (m + 9) % 12;
	doy = (153 * mp + 2) / 5 + (long long)dt->day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	if (days > LONG_MAX)
		return LONG_MAX;
	if (days < LONG_MIN)
		return LONG_MIN;
	return (long)days;
}

void
pv_date_from_days(long days, struct pv_date *dt)
{
	long long z = days, era, doe, yoe, y, doy, mp;

	/* Keep the year within an int: about 4.9 million years each way. */
	if (z > PV_DAYS_CLAMP)
		z = PV_DAYS_CLAMP;
	if (z < -PV_DAYS_CLAMP)
		z = -PV_DAYS_CLAMP;
	z += 719468;
	era = floor_div(z, 146097);
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
	long long days = pv_date_days(dt);
	struct pv_date thu, jan1;

	days -= pv_date_weekday(dt) - 4;
	pv_date_from_days(days > LONG_MAX ? LONG_MAX : days < LONG_MIN ?
	    LONG_MIN : (long)days, &thu);
	jan1.year = thu.year;
	jan1.month = 1;
	jan1.day = 1;
	*week = (int)(((long long)pv_date_days(&thu) - pv_date_days(&jan1)) /
	    7 + 1);
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
	if (monday1 > LONG_MAX - 400 || monday1 < LONG_MIN + 400)
		return 0; /* no real year is that far away */
	pv_date_from_days(monday1 + (week - 1) * 7 + (weekday - 1), out);
	return 1;
}
