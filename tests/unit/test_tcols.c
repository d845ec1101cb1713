/*
 * test_tcols.c - sharing a table's width among its columns (tcols.c),
 * with made-up min-content (hyphenated and not) and max-content widths.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/layout/tcols.h"

#define EPS 0.01

static double
sum(const double *w, int n)
{
	double s = 0;
	int k;

	for (k = 0; k < n; k++)
		s += w[k];
	return s;
}

/* Everything fits at max-content: the rest in proportion to max. */
static void
test_fits_at_max(void **state)
{
	double hmin[] = { 20, 30 }, min[] = { 20, 30 }, max[] = { 100, 200 };
	double given[] = { 0, 0 }, cw[2];

	(void)state;
	assert_int_equal(tcols_share(2, hmin, min, max, given, 0, 450, cw,
	    NULL), TCOLS_MAX);
	assert_float_equal(cw[0], 150, EPS);
	assert_float_equal(cw[1], 300, EPS);
}

/* A column of one long word (min = max) keeps its word; the column of
 * long sentences gives the room, though with hyphenation the word's
 * column could be narrower. */
static void
test_word_column_kept(void **state)
{
	double hmin[] = { 40, 50 }, min[] = { 110, 80 }, max[] = { 110, 900 };
	double given[] = { 0, 0 }, cw[2];

	(void)state;
	assert_int_equal(tcols_share(2, hmin, min, max, given, 0, 300, cw,
	    NULL), TCOLS_WORDS);
	assert_float_equal(cw[0], 110, EPS);
	assert_float_equal(cw[1], 190, EPS);
}

/* Between the longest words and max-content, each column gets its words
 * plus a share of the room in proportion to what it would like more. */
static void
test_between_words_and_max(void **state)
{
	double hmin[] = { 10, 10, 10 }, min[] = { 50, 50, 50 };
	double max[] = { 150, 250, 50 }, given[] = { 0, 0, 0 }, cw[3];

	(void)state;
	/* room 300 - 150 = 150 of the 300 wanted: half each */
	assert_int_equal(tcols_share(3, hmin, min, max, given, 0, 300, cw,
	    NULL), TCOLS_WORDS);
	assert_float_equal(cw[0], 100, EPS);
	assert_float_equal(cw[1], 150, EPS);
	assert_float_equal(cw[2], 50, EPS);
}

/* A given width is honoured, and the automatic columns take the rest. */
static void
test_given_width(void **state)
{
	double hmin[] = { 10, 10 }, min[] = { 20, 20 }, max[] = { 40, 40 };
	double given[] = { 200, 0 }, cw[2];

	(void)state;
	assert_int_equal(tcols_share(2, hmin, min, max, given, 0, 400, cw,
	    NULL), TCOLS_MAX);
	assert_float_equal(cw[0], 200, EPS);
	assert_float_equal(cw[1], 200, EPS);
	/* never narrower than the longest word */
	given[0] = 5;
	tcols_share(2, hmin, min, max, given, 0, 400, cw, NULL);
	assert_true(cw[0] >= 20 - EPS);
	/* all given: percentages stretch, points do not */
	given[0] = 100;
	given[1] = 100;
	tcols_share(2, hmin, min, max, given, 1, 400, cw, NULL);
	assert_float_equal(cw[0], 200, EPS);
	tcols_share(2, hmin, min, max, given, 0, 400, cw, NULL);
	assert_float_equal(cw[0], 100, EPS);
}

/* The longest words do not fit side by side: only the column with the
 * longest words gives way, hyphenated; the others keep theirs whole. */
static void
test_hyphenate_widest_only(void **state)
{
	double hmin[] = { 30, 40, 60 }, min[] = { 80, 90, 200 };
	double max[] = { 300, 300, 300 }, given[] = { 0, 0, 0 }, cw[3], t;

	(void)state;
	assert_int_equal(tcols_share(3, hmin, min, max, given, 0, 300, cw,
	    &t), TCOLS_HYPH);
	assert_float_equal(cw[0], 80, EPS);
	assert_float_equal(cw[1], 90, EPS);
	assert_float_equal(cw[2], 130, EPS);
	assert_float_equal(sum(cw, 3), 300, EPS);
	assert_float_equal(t, 130, EPS);
}

/* Hyphenated before broken: a column whose word has no hyphenation point
 * (a URL: hmin = min) keeps it, the other hyphenates further. */
static void
test_hyphenate_before_break(void **state)
{
	double hmin[] = { 60, 200 }, min[] = { 200, 200 };
	double max[] = { 400, 400 }, given[] = { 0, 0 }, cw[2];

	(void)state;
	assert_int_equal(tcols_share(2, hmin, min, max, given, 0, 300, cw,
	    NULL), TCOLS_HYPH);
	assert_float_equal(cw[0], 100, EPS);
	assert_float_equal(cw[1], 200, EPS);
}

/* Even hyphenated too wide: the widest are cut to one level, the narrow
 * keep their hyphenated width. */
static void
test_break(void **state)
{
	double hmin[] = { 20, 150, 200 }, min[] = { 40, 150, 200 };
	double max[] = { 40, 150, 200 }, given[] = { 0, 0, 0 }, cw[3], t;

	(void)state;
	assert_int_equal(tcols_share(3, hmin, min, max, given, 0, 220, cw,
	    &t), TCOLS_BREAK);
	assert_float_equal(cw[0], 20, EPS);
	assert_float_equal(cw[1], 100, EPS);
	assert_float_equal(cw[2], 100, EPS);
	assert_float_equal(t, 100, EPS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits_at_max),
		cmocka_unit_test(test_word_column_kept),
		cmocka_unit_test(test_between_words_and_max),
		cmocka_unit_test(test_given_width),
		cmocka_unit_test(test_hyphenate_widest_only),
		cmocka_unit_test(test_hyphenate_before_break),
		cmocka_unit_test(test_break),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
