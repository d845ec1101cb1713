/*
 * test_yearwheel.c - the year wheel's dates against the calendar: the
 * Innlandet forum's Thursdays of weeks 3, 10, 25, 38 and 46 in 2026, a
 * 53-week year (2026), week 1 of a year that starts in the December
 * before (2025), week 53 of a 52-week year refused, deadlines that are no
 * day refused, and the sort by date keeping the given order on ties.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/enrich/yearwheel.h"

static void
assert_date(const struct pv_date *d, int y, int m, int day)
{
	assert_int_equal(d->year, y);
	assert_int_equal(d->month, m);
	assert_int_equal(d->day, day);
}

static void
test_innlandet_2026(void **state)
{
	static const int weeks[] = { 3, 10, 25, 38, 46 };
	static const int days[][2] = { { 1, 15 }, { 3, 5 }, { 6, 18 },
	    { 9, 17 }, { 11, 12 } };
	struct pv_date d;
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		assert_int_equal(wheel_meeting_date(2026, weeks[i], 4, &d), 0);
		assert_date(&d, 2026, days[i][0], days[i][1]);
		assert_int_equal(pv_date_weekday(&d), 4);
	}
}

static void
test_week_53(void **state)
{
	struct pv_date d;

	(void)state;
	assert_int_equal(pv_iso_weeks_in_year(2026), 53);
	assert_int_equal(wheel_meeting_date(2026, 53, 4, &d), 0);
	assert_date(&d, 2026, 12, 31);
	assert_int_equal(wheel_meeting_date(2026, 53, 7, &d), 0);
	assert_date(&d, 2027, 1, 3);
	assert_int_equal(wheel_meeting_date(2025, 53, 4, &d), -1);
	assert_int_equal(wheel_meeting_date(2026, 54, 4, &d), -1);
	assert_int_equal(wheel_meeting_date(2026, 0, 4, &d), -1);
	assert_int_equal(wheel_meeting_date(2026, 3, 8, &d), -1);
}

static void
test_week_1_in_december(void **state)
{
	struct pv_date d;

	(void)state;
	assert_int_equal(wheel_meeting_date(2025, 1, 1, &d), 0);
	assert_date(&d, 2024, 12, 30);
	assert_int_equal(wheel_meeting_date(2025, 1, 4, &d), 0);
	assert_date(&d, 2025, 1, 2);
	/* 2026 starts on a Thursday: week 1 is 29 December..4 January */
	assert_int_equal(wheel_meeting_date(2026, 1, 1, &d), 0);
	assert_date(&d, 2025, 12, 29);
}

static void
test_deadlines(void **state)
{
	struct pv_date d;

	(void)state;
	assert_int_equal(wheel_deadline_date(2026, 2, 1, &d), 0);
	assert_date(&d, 2026, 2, 1);
	assert_int_equal(wheel_deadline_date(2026, 2, 29, &d), -1);
	assert_int_equal(wheel_deadline_date(2028, 2, 29, &d), 0);
	assert_int_equal(wheel_deadline_date(2026, 4, 31, &d), -1);
	assert_int_equal(wheel_deadline_date(2026, 13, 1, &d), -1);
}

static void
test_sort(void **state)
{
	struct wheel_event v[3];

	(void)state;
	memset(v, 0, sizeof(v));
	v[0].date = (struct pv_date){ 2026, 3, 5 };
	v[0].order = 0;
	v[1].date = (struct pv_date){ 2026, 2, 1 };
	v[1].order = 1;
	v[2].date = (struct pv_date){ 2026, 2, 1 };
	v[2].order = 2;
	wheel_sort(v, 3);
	assert_int_equal(v[0].order, 1);
	assert_int_equal(v[1].order, 2);
	assert_int_equal(v[2].order, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_innlandet_2026),
		cmocka_unit_test(test_week_53),
		cmocka_unit_test(test_week_1_in_december),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_sort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
