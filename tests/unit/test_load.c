/*
 * test_load.c - the load stage: JSON errors a person can act on, and
 * positions of nodes for later diagnostics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/load/load.h"
#include "../../src/util/mem.h"

/* Parse text; return the first diagnostic formatted (caller frees) or NULL. */
static char *
first_error(const char *text)
{
	struct pv_diags d;
	struct loaded_json *j = NULL;
	char *msg = NULL;

	pv_diags_init(&d);
	if (load_json_text("in.json", text, strlen(text), &j, &d) != PV_OK) {
		assert_null(j);
		assert_true(d.n > 0);
		msg = pv_diag_format(&d.v[0]);
	}
	loaded_json_free(j);
	pv_diags_free(&d);
	return msg;
}

static void
expect_error(const char *text, const char *want)
{
	char *got = first_error(text);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_valid(void **state)
{
	assert_null(first_error("{\"a\": [1, 2, {\"b\": \"æøå\"}]}"));
	assert_null(first_error("\xEF\xBB\xBF{\"bom\": true}\n"));
}

static void
test_syntax_errors(void **state)
{
	expect_error("{\n  \"a\": 1,\n  \"b\": 2,\n}\n",
	    "in.json:3:9: error: JSON: a comma before '}' (no trailing commas "
	    "in JSON)");
	expect_error("[1, 2, ]",
	    "in.json:1:6: error: JSON: a comma before ']' (no trailing commas "
	    "in JSON)");
	expect_error("{\"a\": 1 \"b\": 2}",
	    "in.json:1:9: error: JSON: expected ',' or '}', found '\"'");
	expect_error("{\"a\": [1, 2",
	    "in.json:1:12: error: JSON: unexpected end of file: the '[' at "
	    "1:7 is never closed");
	expect_error("{'a': 1}",
	    "in.json:1:2: error: JSON: expected a member name in double quotes, "
	    "found ''' (strings must be in double quotes)");
	expect_error("{\"a\": yes}",
	    "in.json:1:7: error: JSON: expected a value, found 'y' (text must "
	    "be in double quotes)");
	expect_error("{\"a\" 1}",
	    "in.json:1:6: error: JSON: expected ':' after the member name, "
	    "found '1'");
	expect_error("{\"a\": \"line\nbreak\"}",
	    "in.json:1:12: error: JSON: a line break inside a string (write "
	    "\\n, or close the string with '\"')");
	expect_error("{\"a\": \"open}",
	    "in.json:1:7: error: JSON: a string that is never closed");
	expect_error("{\"a\": 012}",
	    "in.json:1:7: error: JSON: not a valid number (JSON numbers have no "
	    "leading zeros, no leading '+', and digits on both sides of '.')");
	expect_error("{\"a\": \"\\x\"}",
	    "in.json:1:8: error: JSON: an unknown escape in a string (a "
	    "backslash must be written \\\\)");
	expect_error("{\"a\": 1} x",
	    "in.json:1:10: error: JSON: text after the end of the document");
	expect_error("", "in.json:1:1: error: JSON: unexpected end of file");
}

static void
test_columns_count_characters(void **state)
{
	/* "æøå" is 6 bytes but 3 characters: the column is the 12th char. */
	expect_error("{\"æøå\": 1 }x",
	    "in.json:1:12: error: JSON: text after the end of the document");
}

static void
test_invalid_utf8(void **state)
{
	expect_error("{\"a\": \"\xC3\x28\"}",
	    "in.json:1:8: error: not valid UTF-8 (byte 0xC3); save the file as "
	    "UTF-8");
	expect_error("{\"a\": \"\xED\xA0\x80\"}", /* a surrogate */
	    "in.json:1:8: error: not valid UTF-8 (byte 0xED); save the file as "
	    "UTF-8");
}

static void
test_nesting_limit(void **state)
{
	size_t n = 100000, i;
	char *s = pv_xmalloc(2 * n + 1);
	char *got;

	for (i = 0; i < n; i++) {
		s[i] = '[';
		s[n + i] = ']';
	}
	s[2 * n] = '\0';
	got = first_error(s);
	assert_non_null(got);
	assert_string_equal(got, "in.json:1:201: error: JSON: nested too "
	    "deeply");
	free(got);
	free(s);
}

static void
test_locate(void **state)
{
	const char *text = "{\n  \"meta\": {\"title\": \"Plan\"},\n"
	    "  \"list\": [10, {\"x\": null}],\n  \"dup\": 1, \"dup\": 2\n}";
	struct pv_diags d;
	struct loaded_json *j;
	const cJSON *list, *obj, *dup2;
	int line, col;

	pv_diags_init(&d);
	assert_int_equal(load_json_text("t.json", text, strlen(text), &j, &d),
	    PV_OK);
	assert_true(load_locate(j, cJSON_GetObjectItem(cJSON_GetObjectItem(
	    j->root, "meta"), "title"), 0, &line, &col));
	assert_int_equal(line, 2);
	assert_int_equal(col, 21);
	assert_true(load_locate(j, cJSON_GetObjectItem(cJSON_GetObjectItem(
	    j->root, "meta"), "title"), 1, &line, &col));
	assert_int_equal(col, 12);
	list = cJSON_GetObjectItem(j->root, "list");
	obj = cJSON_GetArrayItem(list, 1);
	assert_true(load_locate(j, cJSON_GetObjectItem(obj, "x"), 0, &line,
	    &col));
	assert_int_equal(line, 3);
	assert_int_equal(col, 22);
	/* Duplicate keys are separate nodes in cJSON; each has its place. */
	dup2 = cJSON_GetObjectItem(j->root, "list")->next->next;
	assert_true(load_locate(j, dup2, 1, &line, &col));
	assert_int_equal(line, 4);
	assert_int_equal(col, 13);
	loaded_json_free(j);
	pv_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_locate),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
