/*
 * test_validate.c - the validate stage on small schemas of its own:
 * messages for numbers out of range, positions found only for what is
 * printed, the checks across members on any input, and the date
 * arithmetic they rely on.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/load/load.h"
#include "../../src/util/buf.h"
#include "../../src/util/date.h"
#include "../../src/util/mem.h"
#include "../../src/validate/validate.h"

static struct schema *
schema_from(const char *text)
{
	char path[] = "/tmp/pv-test-schema-XXXXXX";
	int fd = mkstemp(path);
	struct schema *s = NULL;
	struct pv_diags d;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	pv_diags_init(&d);
	assert_int_equal(schema_load(path, &s, &d), PV_OK);
	pv_diags_free(&d);
	unlink(path);
	return s;
}

/* Validate doc; all diagnostics formatted one per line (caller frees),
 * "" when valid.  *built tells whether a position index was built. */
static char *
validate_text(const char *schema, const char *doc, int *built)
{
	struct schema *s = schema_from(schema);
	struct loaded_json *j;
	struct pv_diags d;
	struct pv_buf out;
	size_t i;

	pv_diags_init(&d);
	assert_int_equal(load_json_text("in.json", doc, strlen(doc), &j, &d),
	    PV_OK);
	validate_document(s, j, &d);
	pv_buf_init(&out);
	pv_buf_puts(&out, "");
	for (i = 0; i < d.n; i++) {
		char *m = pv_diag_format(&d.v[i]);

		pv_buf_printf(&out, "%s%s", i ? "\n" : "", m);
		free(m);
	}
	if (built != NULL)
		*built = j->index != NULL;
	pv_diags_free(&d);
	loaded_json_free(j);
	schema_free(s);
	return out.data;
}

static void
expect(const char *schema, const char *doc, const char *want)
{
	char *got = validate_text(schema, doc, NULL);

	assert_string_equal(got, want);
	free(got);
}

static const char *numbers =
    "{\"type\": \"object\", \"properties\": {"
    "\"y\": {\"type\": \"integer\", \"minimum\": 1900, \"maximum\": 2200},"
    "\"n\": {\"type\": \"integer\"},"
    "\"a\": {\"type\": \"integer\", \"minimum\": 0, "
    "\"maximum\": 1000000000000},"
    "\"x\": {\"type\": \"number\"},"
    "\"u\": {\"anyOf\": [{\"type\": \"integer\", \"maximum\": 2200}, "
    "{\"type\": \"string\"}]}}}";

/* Numbers too large for a whole number say "too large", with the bound. */
static void
test_number_messages(void **state)
{
	expect(numbers, "{\"y\": 2147483648}",
	    "in.json:1:7: error: y: 2147483648 is too large (at most 2200)");
	expect(numbers, "{\"y\": 1e300}",
	    "in.json:1:7: error: y: 1e+300 is too large (at most 2200)");
	expect(numbers, "{\"y\": -1e300}",
	    "in.json:1:7: error: y: -1e+300 is too small (at least 1900)");
	expect(numbers, "{\"y\": -0}",
	    "in.json:1:7: error: y: 0 is too small (at least 1900)");
	expect(numbers, "{\"y\": 1e2}",
	    "in.json:1:7: error: y: 100 is too small (at least 1900)");
	expect(numbers, "{\"y\": 2e3}", "");
	expect(numbers, "{\"y\": 2025.5}",
	    "in.json:1:7: error: y: must be a whole number, not 2025.5");
	expect(numbers, "{\"n\": 1e300}",
	    "in.json:1:7: error: n: 1e+300 is too large for a whole number");
	expect(numbers, "{\"n\": -1e300}",
	    "in.json:1:7: error: n: -1e+300 is too small for a whole number");
	expect(numbers, "{\"n\": 9007199254740993}",
	    "in.json:1:7: error: n: 9007199254740992 is too large for a whole "
	    "number");
	expect(numbers, "{\"a\": 1000000000001}",
	    "in.json:1:7: error: a: 1000000000001 is too large (at most "
	    "1000000000000)");
	expect(numbers, "{\"a\": -1e300}",
	    "in.json:1:7: error: a: must not be negative (found -1e+300)");
	expect(numbers, "{\"x\": 1e400}",
	    "in.json:1:7: error: x: a number beyond 1e308 is too large for a "
	    "number");
	expect(numbers, "{\"u\": 1e300}",
	    "in.json:1:7: error: u: 1e+300 is too large (at most 2200)");
	expect(numbers, "{\"u\": 1.5}",
	    "in.json:1:7: error: u: must be a whole number, not 1.5");
}

static const char *cells =
    "{\"type\": \"array\", \"items\": {\"anyOf\": ["
    "{\"type\": \"string\"}, {\"type\": \"integer\", \"maximum\": 5},"
    "{\"type\": \"number\", \"maximum\": 3}, {\"type\": \"null\"}]}}";

/* Rejected branches of a union never compute a position; the kept
 * branch's errors get theirs when printed. */
static void
test_positions_only_when_printed(void **state)
{
	int built = -1;
	char *got = validate_text(cells, "[1, 2.5, \"x\", null, 3, 0.5]",
	    &built);

	assert_string_equal(got, "");
	assert_int_equal(built, 0);
	free(got);
	got = validate_text(cells, "[1,\n  2.5,\n  7]", &built);
	assert_string_equal(got,
	    "in.json:3:3: error: [2]: 7 is too large (at most 5)");
	assert_int_equal(built, 1);
	free(got);
}

/* Ids found in a branch that is not kept are dropped with it. */
static void
test_rejected_branch_ids(void **state)
{
	expect("{\"type\": \"array\", \"items\": {\"anyOf\": ["
	    "{\"type\": \"object\", \"additionalProperties\": false, "
	    "\"properties\": {\"id\": {\"type\": \"string\", \"x-id\": \"t\"}}},"
	    "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": "
	    "\"string\", \"x-id\": \"t\"}, \"z\": {\"type\": \"integer\"}}}]}}",
	    "[{\"id\": \"a\", \"z\": 1}, {\"id\": \"b\"}]", "");
}

/* Duplicate members among many are found (by sorting, not pairwise). */
static void
test_duplicate_members(void **state)
{
	struct pv_buf doc;
	char *got;
	int i;

	pv_buf_init(&doc);
	pv_buf_puts(&doc, "{");
	for (i = 0; i < 3000; i++)
		pv_buf_printf(&doc, "\"k%d\": %d, ", i, i);
	pv_buf_puts(&doc, "\n\"k17\": 1}");
	got = validate_text("{\"type\": \"object\"}", doc.data, NULL);
	assert_string_equal(got,
	    "in.json:2:1: error: k17: appears twice in the same object");
	free(got);
	pv_buf_free(&doc);
}

static const char *weeks =
    "{\"type\": \"object\", \"x-week-date\": true, \"x-order\": [\"from\", "
    "\"to\"], \"properties\": {\"week\": {\"type\": \"integer\"}, "
    "\"year\": {\"type\": \"integer\"}, \"date\": {\"type\": \"string\"}, "
    "\"from\": {\"type\": \"integer\"}, \"to\": {\"type\": \"integer\"}}}";

/* With a type folder's schema that does not bound years and weeks, the
 * checks across members refuse them at their place instead of computing
 * with them (a signed overflow before). */
static void
test_cross_checks_unbounded(void **state)
{
	expect(weeks, "{\"week\": 1, \"year\": 2147483648}",
	    "in.json:1:21: error: year: 2147483648 is not a year from 1900 to "
	    "2200");
	expect(weeks, "{\"week\": 1, \"year\": -2147483649}",
	    "in.json:1:21: error: year: -2147483649 is not a year from 1900 "
	    "to 2200");
	expect(weeks, "{\"week\": 2147483648, \"year\": 2025}",
	    "in.json:1:10: error: week: 2147483648 is not a week (weeks are 1 "
	    "to 53)");
	expect(weeks, "{\"week\": 53, \"year\": 2025}",
	    "in.json:1:10: error: week: 2025 has only 52 weeks");
	expect(weeks, "{\"week\": 1, \"date\": \"9999-12-31\"}", "");
	expect(weeks, "{\"from\": 2147483648, \"to\": 2028}",
	    "in.json:1:10: error: from: 2147483648 is not a year from 1900 to "
	    "2200");
	expect(weeks, "{\"from\": 2030, \"to\": 2028}",
	    "in.json:1:22: error: to: the period ends (2028) before it starts "
	    "(2030)");
	/* a member with an error of its own is not reasoned from */
	expect(weeks, "{\"week\": 1.5, \"year\": 99999999999}",
	    "in.json:1:10: error: week: must be a whole number, not 1.5");
}

/* Date arithmetic is defined for every int (UBSan watches). */
static void
test_date_any_int(void **state)
{
	static const int ints[] = { INT_MIN, INT_MIN + 1, -400, -1, 0, 1, 12,
	    13, 1900, 2200, INT_MAX - 1, INT_MAX };
	size_t a, b, c;
	struct pv_date d, r;
	int w, y;

	for (a = 0; a < sizeof(ints) / sizeof(ints[0]); a++)
		for (b = 0; b < sizeof(ints) / sizeof(ints[0]); b++)
			for (c = 0; c < sizeof(ints) / sizeof(ints[0]); c++) {
				d.year = ints[a];
				d.month = ints[b];
				d.day = ints[c];
				pv_date_from_days(pv_date_days(&d), &r);
				(void)pv_date_weekday(&d);
				pv_date_iso_week(&d, &w, &y);
			}
	for (a = 0; a < sizeof(ints) / sizeof(ints[0]); a++) {
		(void)pv_iso_weeks_in_year(ints[a]);
		(void)pv_date_of_iso_week(ints[a], 1, 1, &r);
		pv_date_from_days(ints[a], &r);
	}
	pv_date_from_days(LONG_MAX, &r);
	pv_date_from_days(LONG_MIN, &r);
	/* months and days beyond their range count on */
	d.year = 2025;
	d.month = 13;
	d.day = 1;
	r.year = 2026;
	r.month = 1;
	r.day = 1;
	assert_int_equal(pv_date_days(&d), pv_date_days(&r));
	d.month = 0;
	d.day = 31;
	r.year = 2024;
	r.month = 12;
	r.day = 31;
	assert_int_equal(pv_date_days(&d), pv_date_days(&r));
	/* and every day of the years a plan may name goes there and back */
	d.year = PV_YEAR_MIN;
	d.month = 1;
	d.day = 1;
	for (a = (size_t)(pv_date_days(&d) + 1000000); ; a++) {
		long z = (long)a - 1000000;

		pv_date_from_days(z, &r);
		assert_int_equal(pv_date_days(&r), z);
		if (r.year > PV_YEAR_MAX)
			break;
	}
	d.year = 1970;
	assert_int_equal(pv_date_days(&d), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_messages),
		cmocka_unit_test(test_positions_only_when_printed),
		cmocka_unit_test(test_rejected_branch_ids),
		cmocka_unit_test(test_duplicate_members),
		cmocka_unit_test(test_cross_checks_unbounded),
		cmocka_unit_test(test_date_any_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
