/*
 * test_diag.c - util/diag.c: where a diagnostic points.  A problem with
 * a whole file is at 1:1 (issue 13: editors and CI annotators read
 * FILE:LINE:COL); one that names no file has no place at all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "../../src/util/diag.h"

/* The formatted first diagnostic after pv_diag(file, line, col, msg). */
static void
expect_format(const char *file, int line, int col, const char *want,
    int want_line, int want_col)
{
	struct pv_diags d;
	char *got;
	int l, c;

	pv_diags_init(&d);
	pv_diag(&d, PV_ERROR, file, line, col, "it is wrong");
	got = pv_diag_format(&d.v[0]);
	assert_string_equal(got, want);
	pv_diag_place(&d.v[0], &l, &c);
	assert_int_equal(l, want_line);
	assert_int_equal(c, want_col);
	free(got);
	pv_diags_free(&d);
}

static void
test_line_and_column(void **state)
{
	(void)state;
	expect_format("a.json", 3, 7, "a.json:3:7: error: it is wrong", 3, 7);
}

static void
test_line_without_column(void **state)
{
	(void)state;
	expect_format("a.xhtml", 12, 0, "a.xhtml:12: error: it is wrong", 12,
	    0);
}

static void
test_whole_file_is_1_1(void **state)
{
	(void)state;
	expect_format("a.json", 0, 0, "a.json:1:1: error: it is wrong", 1, 1);
	/* a column without a line says nothing about the place */
	expect_format("a.json", 0, 9, "a.json:1:1: error: it is wrong", 1, 1);
}

static void
test_no_file_no_place(void **state)
{
	(void)state;
	expect_format(NULL, 0, 0, "error: it is wrong", 0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_and_column),
		cmocka_unit_test(test_line_without_column),
		cmocka_unit_test(test_whole_file_is_1_1),
		cmocka_unit_test(test_no_file_no_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
