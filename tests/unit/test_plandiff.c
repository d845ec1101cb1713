/*
 * test_plandiff.c - the comparison of two versions of a plan: items found
 * wherever they stand (a goal's measures, a measures block's items), a
 * goal's measures not reported as changes of the goal, a section without
 * id matched by its title, members outside any item as the document's,
 * amounts flagged, the same tree twice giving nothing, and values cut at
 * a number of characters, not bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/enrich/plandiff.h"

static const char old_json[] =
    "{\"type\":\"kompetanseplan\",\"meta\":{\"title\":\"Plan\"},"
    "\"body\":[{\"title\":\"Innledning\",\"content\":[\"Tekst\"]},"
    "{\"title\":\"Mål\",\"id\":\"mal\",\"content\":[{\"goals\":[{\"id\":\"g1\","
    "\"title\":\"Mål 1\",\"measures\":[{\"id\":\"t1\",\"title\":\"A\","
    "\"budget\":100},{\"id\":\"t2\",\"title\":\"B\"}]}]},"
    "{\"measures\":{\"items\":[{\"id\":\"t3\",\"title\":\"C\","
    "\"period\":{\"from\":2026,\"to\":2027}}]}}]}]}";
static const char new_json[] =
    "{\"type\":\"kompetanseplan\",\"meta\":{\"title\":\"Plan 2\"},"
    "\"body\":[{\"title\":\"Forord\",\"content\":[\"Tekst\"]},"
    "{\"title\":\"Mål\",\"id\":\"mal\",\"content\":[{\"goals\":[{\"id\":\"g1\","
    "\"title\":\"Mål 1\",\"measures\":[{\"id\":\"t1\",\"title\":\"A\","
    "\"budget\":200},{\"id\":\"t4\",\"title\":\"D\"}]}]},"
    "{\"measures\":{\"items\":[{\"id\":\"t3\",\"title\":\"C\","
    "\"period\":{\"from\":2026,\"to\":2028}}]}}]}]}";

static void
test_changes(void **state)
{
	cJSON *o = cJSON_Parse(old_json), *n = cJSON_Parse(new_json);
	struct plandiff pd;
	const struct plandiff_change *c;

	(void)state;
	assert_non_null(o);
	assert_non_null(n);
	plandiff_compare(o, n, &pd);
	assert_int_equal(pd.n, 7);
	c = &pd.v[0];
	assert_string_equal(c->kind, "document");
	assert_null(c->id);
	assert_string_equal(c->member, "meta.title");
	assert_string_equal(c->new->valuestring, "Plan 2");
	c = &pd.v[1];
	assert_string_equal(c->kind, "section");
	assert_null(c->id);
	assert_int_equal(c->what, PLANDIFF_ADDED);
	assert_string_equal(c->title, "Forord");
	c = &pd.v[2];
	assert_string_equal(c->id, "t1");
	assert_string_equal(c->member, "budget");
	assert_int_equal(c->amount, 1);
	assert_int_equal(c->old->valueint, 100);
	assert_int_equal(c->new->valueint, 200);
	c = &pd.v[3];
	assert_string_equal(c->id, "t4");
	assert_int_equal(c->what, PLANDIFF_ADDED);
	c = &pd.v[4];
	assert_string_equal(c->id, "t3");
	assert_string_equal(c->member, "period.to");
	assert_int_equal(c->amount, 0);
	c = &pd.v[5];
	assert_string_equal(c->title, "Innledning");
	assert_int_equal(c->what, PLANDIFF_REMOVED);
	c = &pd.v[6];
	assert_string_equal(c->kind, "measure");
	assert_string_equal(c->id, "t2");
	assert_int_equal(c->what, PLANDIFF_REMOVED);
	plandiff_free(&pd);

	plandiff_compare(n, n, &pd);
	assert_int_equal(pd.n, 0);
	plandiff_free(&pd);
	cJSON_Delete(o);
	cJSON_Delete(n);
}

static void
test_value_text(void **state)
{
	cJSON *s = cJSON_CreateString("ææææ\nøøøø");
	cJSON *num = cJSON_CreateNumber(150000);
	char *t;

	(void)state;
	t = plandiff_value_text(s, 6);
	assert_string_equal(t, "\"ææææ ø…\"");
	free(t);
	t = plandiff_value_text(num, 80);
	assert_string_equal(t, "150000");
	free(t);
	t = plandiff_value_text(NULL, 80);
	assert_string_equal(t, "(none)");
	free(t);
	cJSON_Delete(s);
	cJSON_Delete(num);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_value_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
