/*
 * test_theme.c - the default theme and theme files: values over the
 * defaults, and errors a person can act on (file:line:col, the key, a
 * suggestion).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/theme/theme.h"
#include "../../src/util/mem.h"

static char path[64];

/* Write text to a temporary theme file; its path is in `path`. */
static void
write_theme(const char *text)
{
	FILE *f;
	int fd;

	strcpy(path, "/tmp/test-theme-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static struct theme *
load_ok(const char *text)
{
	struct pv_diags d;
	struct theme *t = NULL;

	write_theme(text);
	pv_diags_init(&d);
	assert_int_equal(theme_load(path, &t, &d), PV_OK);
	assert_int_equal(d.n, 0);
	pv_diags_free(&d);
	unlink(path);
	return t;
}

/* Load a bad theme; every message, without the file name, joined by
 * newlines. */
static char *
load_bad(const char *text)
{
	struct pv_diags d;
	struct theme *t = NULL;
	char *all = pv_xstrdup(""), *s, *tmp;
	size_t i;

	write_theme(text);
	pv_diags_init(&d);
	assert_int_equal(theme_load(path, &t, &d), PV_EINPUT);
	assert_null(t);
	assert_true(d.errors > 0);
	for (i = 0; i < d.n; i++) {
		s = pv_diag_format(&d.v[i]);
		assert_memory_equal(s, path, strlen(path));
		tmp = pv_xasprintf("%s%s%s", all, i ? "\n" : "",
		    s + strlen(path) + 1);
		free(all);
		free(s);
		all = tmp;
	}
	pv_diags_free(&d);
	unlink(path);
	return all;
}

static void
expect_bad(const char *text, const char *want)
{
	char *got = load_bad(text);

	assert_string_equal(got, want);
	free(got);
}

static void
test_default(void **state)
{
	struct theme *t = theme_default();

	assert_float_equal(t->page_width, 595.28, 0.01);
	assert_float_equal(t->page_height, 841.89, 0.01);
	assert_float_equal(t->margin_left, 70.87, 0.01);
	assert_string_equal(t->body.family, "Open Sans");
	assert_float_equal(t->body.size, 10.5, 0.001);
	assert_float_equal(t->body.leading, 15, 0.001);
	assert_int_equal(t->accent, 0x1F3B5A);
	assert_int_equal(t->h[0].color, 0x1F3B5A);
	assert_float_equal(t->h[0].size, 18, 0.001);
	assert_true(t->h[0].bold && t->h[3].bold);
	assert_true(t->justify && t->number_headings);
	assert_null(t->file);
	theme_free(t);
}

static void
test_load_values(void **state)
{
	struct theme *t = load_ok("{\n"
	    "  \"page\": {\"size\": \"A5\", \"margins\": {\"top\": \"20mm\","
	    " \"left\": \"2cm\", \"right\": 36, \"bottom\": \"1in\"}},\n"
	    "  \"justify\": false,\n"
	    "  \"number_headings\": false,\n"
	    "  \"fonts\": {\"body\": {\"family\": \"DejaVu Sans\", \"size\":"
	    " 10, \"color\": \"#333\"},\n"
	    "            \"h1\": {\"size\": \"20pt\", \"leading\": 26}},\n"
	    "  \"colors\": {\"accent\": \"#8B0000\", \"table_stripe_fill\":"
	    " \"#F5F5F5\", \"box_fill\": \"none\"},\n"
	    "  \"cell_padding\": 5, \"logo\": \"logo.png\"\n"
	    "}\n");

	assert_float_equal(t->page_width, 419.53, 0.01);
	assert_float_equal(t->margin_top, 56.69, 0.01);
	assert_float_equal(t->margin_left, 56.69, 0.01);
	assert_float_equal(t->margin_right, 36, 0.01);
	assert_float_equal(t->margin_bottom, 72, 0.01);
	assert_false(t->justify);
	assert_false(t->number_headings);
	assert_string_equal(t->body.family, "DejaVu Sans");
	assert_float_equal(t->body.size, 10, 0.001);
	/* A size without a leading keeps the proportion. */
	assert_float_equal(t->body.leading, 15 * 10 / 10.5, 0.001);
	assert_int_equal(t->body.color, 0x333333);
	assert_float_equal(t->h[0].size, 20, 0.001);
	assert_float_equal(t->h[0].leading, 26, 0.001);
	/* Headings follow the accent unless set. */
	assert_int_equal(t->accent, 0x8B0000);
	assert_int_equal(t->h[1].color, 0x8B0000);
	assert_int_equal(t->table_stripe_fill, 0xF5F5F5);
	assert_int_equal(t->box_fill, 0xFFFFFFFF);
	assert_float_equal(t->cell_padding, 5, 0.001);
	/* The logo is found beside the theme. */
	assert_string_equal(t->logo, "/tmp/logo.png");
	assert_string_equal(t->file, path);
	theme_free(t);

	t = load_ok("{\"page\": {\"size\": \"a4\", \"orientation\": "
	    "\"landscape\"}}");
	assert_float_equal(t->page_width, 841.89, 0.01);
	assert_float_equal(t->page_height, 595.28, 0.01);
	theme_free(t);
}

static void
test_unknown_keys(void **state)
{
	expect_bad("{\n  \"page\": {\"sise\": \"A4\"},\n"
	    "  \"colours\": {}\n}\n",
	    "2:12: error: theme: unknown key \"sise\" in page (did you mean "
	    "\"size\"?)\n"
	    "3:3: error: theme: unknown key \"colours\" in the theme (did you "
	    "mean \"colors\"?)");
	expect_bad("{\"fonts\": {\"body\": {\"weight\": 700}, \"h7\": {}}}",
	    "1:21: error: theme: unknown key \"weight\" in fonts.body\n"
	    "1:37: error: theme: unknown key \"h7\" in fonts (did you mean "
	    "\"h1\"?)");
}

static void
test_bad_values(void **state)
{
	expect_bad("{\"justify\": \"yes\"}",
	    "1:13: error: theme: justify must be true or false");
	expect_bad("{\"fonts\": {\"body\": {\"size\": -3}}}",
	    "1:29: error: theme: font size is -3 pt; it must be between 1 and "
	    "200 pt");
	expect_bad("{\"fonts\": {\"h2\": {\"size\": \"12 apples\"}}}",
	    "1:27: error: theme: font size must be a length in points, or a "
	    "string such as \"25mm\", \"2cm\", \"1in\" or \"12pt\"");
	expect_bad("{\"colors\": {\"accent\": \"blue\"}}",
	    "1:23: error: theme: colors.accent must be a colour \"#RRGGBB\"");
	expect_bad("{\"colors\": {\"box_fill\": \"#12345\"}}",
	    "1:25: error: theme: colors.box_fill must be a colour \"#RRGGBB\" "
	    "or \"none\"");
	expect_bad("{\"page\": {\"size\": \"B5\"}}",
	    "1:19: error: theme: page.size must be \"A3\", \"A4\", \"A5\", "
	    "\"letter\" or \"legal\" (or give page.width and page.height)");
	expect_bad("{\"page\": {\"margins\": {\"left\": \"100mm\", \"right\": "
	    "\"100mm\"}}}",
	    "1:10: error: theme: the margins leave no room for text: the text "
	    "area is 28 x 700 pt of a 595 x 842 pt page (it needs at least "
	    "72 pt each way)");
	expect_bad("{\"fonts\": {\"body\": {\"size\": 20, \"leading\": 10}}}",
	    "1:20: error: theme: fonts.body: leading 10 pt is too small for "
	    "size 20 pt (lines would overlap)");
	expect_bad("[1, 2]", "1:1: error: theme: the theme must be an object");
}

static void
test_syntax_and_missing(void **state)
{
	struct pv_diags d;
	struct theme *t = NULL;

	char *got;

	/* The load stage's own message, at the comma. */
	got = load_bad("{\"justify\": true,}");
	assert_memory_equal(got, "1:17: error: JSON: ", 19);
	free(got);
	pv_diags_init(&d);
	assert_int_equal(theme_load("/nonexistent/theme.json", &t, &d),
	    PV_EINPUT);
	assert_null(t);
	assert_true(d.errors == 1);
	pv_diags_free(&d);
}

static void
test_sample_theme(void **state)
{
	struct pv_diags d;
	struct theme *t = NULL;

	/* The documented example theme loads. */
	pv_diags_init(&d);
	assert_int_equal(theme_load("themes/default.json", &t, &d), PV_OK);
	assert_int_equal(d.n, 0);
	theme_free(t);
	pv_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_load_values),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_syntax_and_missing),
		cmocka_unit_test(test_sample_theme),
	};

	return cmocka_run_group_tests_name("theme", tests, NULL, NULL);
}
