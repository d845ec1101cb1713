/*
 * test_load.c - the load stage: JSON errors a person can act on, and
 * positions of nodes for later diagnostics.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/load/load.h"
#include "../../src/util/buf.h"
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
	    "deeply (at most 200 levels of '[' and '{')");
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

/* Escapes cJSON would cut a string at (\u0000) or refuse with no place
 * (half a surrogate pair, which was exit 3 "too large?"). */
static void
test_escapes(void **state)
{
	struct pv_diags d;
	struct loaded_json *j;
	const char *pair = "{\"a\": \"\\ud83d\\ude00 \\u00e6\\u00C6\"}";

	expect_error("{\"a\": \"x\\u0000y\"}",
	    "in.json:1:9: error: JSON: \"\\u0000\" (a NUL character) is not "
	    "allowed in text");
	expect_error("[\n \"\\ud800\"]",
	    "in.json:2:3: error: JSON: \"\\ud800\" is half of a character (a "
	    "UTF-16 surrogate) without its second half; write the character "
	    "itself");
	expect_error("[\"\\uDBFF\\n\"]",
	    "in.json:1:3: error: JSON: \"\\uDBFF\" is half of a character (a "
	    "UTF-16 surrogate) without its second half; write the character "
	    "itself");
	expect_error("[\"\\ud800\\ud800\"]",
	    "in.json:1:3: error: JSON: \"\\ud800\" is half of a character (a "
	    "UTF-16 surrogate) without its second half; write the character "
	    "itself");
	expect_error("[\"ab\\udc00\"]",
	    "in.json:1:5: error: JSON: \"\\udc00\" is half of a character (a "
	    "UTF-16 surrogate) without its first half; write the character "
	    "itself");
	expect_error("[\"\\ud800\\u00",
	    "in.json:1:3: error: JSON: \"\\ud800\" is half of a character (a "
	    "UTF-16 surrogate) without its second half; write the character "
	    "itself");
	expect_error("[\"\\u12\"]",
	    "in.json:1:3: error: JSON: \\u must be followed by four "
	    "hexadecimal digits");
	/* a pair is one character; other escapes are read whole */
	pv_diags_init(&d);
	assert_int_equal(load_json_text("in.json", pair, strlen(pair), &j, &d),
	    PV_OK);
	assert_string_equal(cJSON_GetObjectItem(j->root, "a")->valuestring,
	    "\xF0\x9F\x98\x80 \xC3\xA6\xC3\x86");
	loaded_json_free(j);
	pv_diags_free(&d);
}

/* The checker reads no byte past the length it is given: the text of a
 * future caller need not be NUL-terminated (ASan watches the buffers). */
static void
test_not_nul_terminated(void **state)
{
	static const char *cases[] = { "nul", "tru", "fals", "t", "\"ab",
	    "[\"\\u12", "[\"\\ud800\\u", "[1, nul", "[true" };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i]);
		char *exact = pv_xmalloc(n); /* no room for a NUL */
		struct pv_diags d;
		struct loaded_json *j = NULL;

		memcpy(exact, cases[i], n);
		pv_diags_init(&d);
		assert_int_equal(load_json_text("in.json", exact, n, &j, &d),
		    PV_EINPUT);
		assert_null(j);
		pv_diags_free(&d);
		free(exact);
	}
	{
		char *exact = pv_xmalloc(4);
		struct pv_diags d;
		struct loaded_json *j = NULL;

		memcpy(exact, "null", 4);
		pv_diags_init(&d);
		assert_int_equal(load_json_text("in.json", exact, 4, &j, &d),
		    PV_OK);
		assert_true(cJSON_IsNull(j->root));
		loaded_json_free(j);
		pv_diags_free(&d);
		free(exact);
	}
}

/* One string of LOAD_MAX_STRING bytes is read; one byte more is refused
 * at the string's opening quote, naming the limit. */
static void
test_string_limit(void **state)
{
	size_t n = LOAD_MAX_STRING;
	char *s = pv_xmalloc(n + 16);
	char *got;

	memcpy(s, "\n [\"", 4);
	memset(s + 4, 'a', n);
	memcpy(s + 4 + n, "\"]", 3);
	assert_null(first_error(s));
	memcpy(s + 4 + n, "a\"]", 4);
	got = first_error(s);
	assert_non_null(got);
	assert_string_equal(got, "in.json:2:3: error: JSON: a text longer than "
	    "4 MiB, the most one string may hold");
	free(got);
	free(s);
}

/* Positions from the index agree with counting from the start, across
 * index marks, long lines and characters of several bytes. */
static void
test_locate_far(void **state)
{
	struct pv_buf b;
	struct pv_diags d;
	struct loaded_json *j;
	const cJSON *e;
	size_t i;
	int line, col, wl, wc;

	pv_buf_init(&b);
	pv_buf_puts(&b, "[");
	for (i = 0; i < 5000; i++)
		pv_buf_printf(&b, "%s\"%s%zu\"", i ? (i % 7 ? ", " : ",\n") :
		    "", i % 3 ? "æøå" : "x", i);
	pv_buf_puts(&b, "]");
	pv_diags_init(&d);
	assert_int_equal(load_json_text("in.json", b.data, b.len, &j, &d),
	    PV_OK);
	i = 0;
	cJSON_ArrayForEach(e, j->root) {
		char needle[64];
		const char *at;

		/* the value's place is its opening quote; values are unique */
		snprintf(needle, sizeof(needle), "\"%s\"", e->valuestring);
		at = strstr(b.data, needle);
		assert_non_null(at);
		pv_offset_to_linecol(b.data, b.len, (size_t)(at - b.data),
		    &wl, &wc);
		assert_true(load_locate(j, e, 0, &line, &col));
		assert_int_equal(line, wl);
		assert_int_equal(col, wc);
		i++;
	}
	assert_int_equal(i, 5000);
	loaded_json_free(j);
	pv_diags_free(&d);
	pv_buf_free(&b);
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
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_not_nul_terminated),
		cmocka_unit_test(test_string_limit),
		cmocka_unit_test(test_locate_far),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
