/*
 * test_enrich.c - the view model against hand-computed values: goal and
 * measure numbering, budget sums by level, source and year, amounts and
 * dates as Norwegian documents print them, ISO weeks and weekday names in
 * three languages, indicator status, Markdown rendered to vocabulary
 * XHTML with raw HTML removed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/enrich/enrich.h"
#include "../../src/enrich/format.h"
#include "../../src/enrich/markdown.h"
#include "../../src/util/date.h"

static const char plan[] =
    "{\"type\": \"kompetanseplan\",\n"
    " \"meta\": {\"title\": \"Plan\", \"owner\": {\"name\": \"Eksempel kommune\"},\n"
    "   \"period\": {\"from\": 2025, \"to\": 2028}, \"adopted\": {\"by\": "
    "\"Kommunestyret\", \"date\": \"2025-03-12\"}},\n"
    " \"people\": [{\"id\": \"kari\", \"name\": \"Kari Nordmann\", \"role\": \"Rektor\"}],\n"
    " \"body\": [\n"
    "  {\"title\": \"Innledning\", \"content\": [\"Tekst med <b>rå HTML</b> og **fet**.\"],\n"
    "   \"sections\": [{\"title\": \"Bakgrunn\"}, {\"title\": \"Forankring\"}]},\n"
    "  {\"title\": \"Mål\", \"content\": [{\"goals\": [\n"
    "    {\"id\": \"g1\", \"title\": \"Første\", \"measures\": [\n"
    "      {\"id\": \"a\", \"title\": \"A\", \"budget\": 350000, \"funding\": \"Statlig\", \"year\": 2025},\n"
    "      {\"id\": \"b\", \"title\": \"B\", \"budget\": 870000, \"funding\": \"Egenandel\", \"year\": 2026, \"responsible\": \"kari\"}]},\n"
    "    {\"id\": \"g2\", \"title\": \"Andre\", \"measures\": [\n"
    "      {\"id\": \"c\", \"title\": \"C\"}, {\"id\": \"d\", \"title\": \"D\"},\n"
    "      {\"id\": \"e\", \"title\": \"E\", \"budget\": 1164000, \"funding\": \"Statlig\", \"year\": 2025, \"deadline\": \"2026-01-15\"}]}]},\n"
    "   {\"measures\": {\"level\": \"skole\", \"items\": [{\"id\": \"f\", \"title\": \"F\", \"budget\": 1000, \"period\": {\"from\": \"2025-08-01\", \"to\": \"2026-06-30\"}}]}},\n"
    "   {\"indicators\": {\"items\": [\n"
    "     {\"id\": \"i1\", \"name\": \"Lesing\", \"unit\": \"%\", \"baseline\": {\"year\": 2024, \"value\": 60}, \"target\": {\"year\": 2028, \"value\": 80}, \"values\": [{\"year\": 2025, \"value\": 66.5}]},\n"
    "     {\"id\": \"i2\", \"name\": \"Mobbing\", \"direction\": \"lower\", \"baseline\": {\"value\": 8}, \"target\": {\"value\": 4}, \"values\": [{\"year\": 2025, \"value\": 9}]},\n"
    "     {\"id\": \"i3\", \"name\": \"Trivsel\", \"target\": {\"value\": 4}, \"values\": [{\"year\": 2024, \"value\": 3.9}, {\"year\": 2025, \"value\": 4.2}]}]}},\n"
    "   {\"table\": {\"columns\": [\"Ordning\", {\"title\": \"Eier\", \"width\": \"20%\"}, \"UH\"], \"rows\": [[\"Regional\", 350000, 409000], [\"Desentralisert\", 470000, 409000], [\"Kompetanseløftet\", 400000, 346000]],\n"
    "     \"sum\": {\"label\": \"Sum\", \"columns\": [1, 2], \"expect\": [1220000, 1164000]}}},\n"
    "   {\"calendar\": {\"columns\": [\"week\", \"weekday\", \"date\"], \"events\": [{\"date\": \"2026-01-15\"}, {\"week\": 38, \"year\": 2025}]}},\n"
    "   {\"calendar\": {\"columns\": [\"date\"], \"date_style\": \"day-month\", \"events\": [{\"date\": \"2020-06-11\"}, {\"date\": \"2026-01-05\"}]}},\n"
    "   {\"calendar\": {\"columns\": [\"date\"], \"date_style\": \"day-month-year\", \"events\": [{\"date\": \"2020-09-24\"}]}}\n"
    "  ]}]}\n";

static cJSON *
build_view(const char *lang)
{
	struct pv_diags d;
	struct loaded_json *doc;
	struct enrich_options o = { "templates/kompetanseplan", lang };
	cJSON *view = NULL;

	pv_diags_init(&d);
	assert_int_equal(load_json_text("plan.json", plan, strlen(plan), &doc,
	    &d), PV_OK);
	assert_int_equal(enrich_document(doc, &o, &view, &d), PV_OK);
	assert_int_equal(d.errors, 0);
	loaded_json_free(doc);
	pv_diags_free(&d);
	return view;
}

/* Follow a path like "sections.1.content.0.goals.1.label". */
static const cJSON *
at(const cJSON *v, const char *path)
{
	char buf[256], *p, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = strtok_r(buf, ".", &save); p && v; p = strtok_r(NULL, ".",
	    &save)) {
		if (*p >= '0' && *p <= '9')
			v = cJSON_GetArrayItem(v, atoi(p));
		else
			v = cJSON_GetObjectItemCaseSensitive(v, p);
	}
	return v;
}

static void
expect_str(const cJSON *v, const char *path, const char *want)
{
	const cJSON *x = at(v, path);

	if (!cJSON_IsString(x))
		fail_msg("%s is not a string", path);
	assert_string_equal(x->valuestring, want);
}

static void
test_numbering(void **state)
{
	cJSON *v = build_view(NULL);

	expect_str(v, "sections.0.sections.1.title", "Forankring");
	expect_str(v, "sections.1.content.0.goals.0.label", "Mål 1");
	expect_str(v, "sections.1.content.0.goals.1.label", "Mål 2");
	expect_str(v, "sections.1.content.0.goals.1.measures.items.2.number",
	    "2.3");
	expect_str(v, "sections.1.content.0.goals.0.measures.items.1.number",
	    "1.2");
	/* a free-standing list of measures numbers from 1 */
	expect_str(v, "sections.1.content.1.items.0.number", "1");
	expect_str(v, "sections.1.content.1.level", "Skole");
	cJSON_Delete(v);
}

static void
test_sums(void **state)
{
	cJSON *v = build_view(NULL);

	/* 350 000 + 870 000 + 1 164 000 + 1 000 = 2 385 000 */
	expect_str(v, "budget.total", "2\u00a0385\u00a0000");
	expect_str(v, "budget.by_funding.0.name", "Statlig");
	expect_str(v, "budget.by_funding.0.amount", "1\u00a0514\u00a0000");
	expect_str(v, "budget.by_funding.1.amount", "870\u00a0000");
	expect_str(v, "budget.by_year.0.name", "2025");
	expect_str(v, "budget.by_year.0.amount", "1\u00a0514\u00a0000");
	expect_str(v, "budget.by_level.1.name", "Skole");
	expect_str(v, "budget.by_level.1.amount", "1\u00a0000");
	expect_str(v, "sections.1.content.0.goals.0.measures.sum", "1\u00a0220\u00a0000");
	/* the table's sum row: 1 220 000 and 1 164 000, as the source says */
	expect_str(v, "sections.1.content.3.rows.3.cells.0.html", "Sum");
	expect_str(v, "sections.1.content.3.rows.3.cells.1.html", "1\u00a0220\u00a0000");
	expect_str(v, "sections.1.content.3.rows.3.cells.2.html", "1\u00a0164\u00a0000");
	assert_true(cJSON_IsTrue(at(v, "sections.1.content.3.rows.3.is_sum")));
	/* the header row has the titles, also of columns given as objects */
	expect_str(v, "sections.1.content.3.head.0.cells.0.html", "Ordning");
	expect_str(v, "sections.1.content.3.head.0.cells.1.html", "Eier");
	expect_str(v, "sections.1.content.3.cols.1.width", "20%");
	cJSON_Delete(v);
}

static void
test_formatting(void **state)
{
	cJSON *v = build_view(NULL);

	expect_str(v, "meta.period", "2025–2028");
	expect_str(v, "meta.adopted.date", "12.03.2025");
	expect_str(v, "sections.1.content.0.goals.1.measures.items.2.period",
	    "15.01.2026");
	expect_str(v, "sections.1.content.1.items.0.period",
	    "01.08.2025–30.06.2026");
	expect_str(v, "sections.1.content.0.goals.0.measures.items.1.responsible",
	    "Kari Nordmann (Rektor)");
	/* raw HTML is removed, Markdown is rendered */
	expect_str(v, "sections.0.content.0.html",
	    "<p>Tekst med rå HTML og <strong>fet</strong>.</p>\n");
	cJSON_Delete(v);
}

static void
test_calendar_languages(void **state)
{
	cJSON *v = build_view(NULL);

	/* 15.01.2026 is a Thursday in ISO week 3 */
	expect_str(v, "sections.1.content.4.events.0.cells.0.html", "3");
	expect_str(v, "sections.1.content.4.events.0.cells.1.html", "torsdag");
	expect_str(v, "sections.1.content.4.events.0.cells.2.html",
	    "15.01.2026");
	expect_str(v, "sections.1.content.4.events.1.cells.0.html", "38");
	expect_str(v, "sections.1.content.4.columns.0.label", "Uke");
	/* the calendar's date_style: 11.06.2020 as the seeds write it */
	expect_str(v, "sections.1.content.5.events.0.cells.0.html",
	    "11.\u00A0juni");
	expect_str(v, "sections.1.content.5.events.1.cells.0.html",
	    "5.\u00A0januar");
	expect_str(v, "sections.1.content.6.events.0.cells.0.html",
	    "24.\u00A0september\u00A02020");
	/* labels in the text's language need no mark */
	expect_str(v, "lang", "nb");
	assert_true(cJSON_IsFalse(at(v, "label_lang")));
	assert_true(cJSON_IsFalse(at(v,
	    "sections.1.content.4.columns.0.lang")));
	cJSON_Delete(v);
	/* --lang relabels a bokmål plan: the document stays bokmål, the
	 * label words are marked (a weekday, a month, a column's title) */
	v = build_view("nn");
	expect_str(v, "lang", "nb");
	expect_str(v, "label_lang", "nn");
	expect_str(v, "sections.1.content.4.columns.0.label", "Veke");
	expect_str(v, "sections.1.content.4.columns.0.lang", "nn");
	expect_str(v, "sections.1.content.4.events.0.cells.1.html",
	    "<span lang=\"nn\">torsdag</span>");
	expect_str(v, "sections.1.content.4.events.0.cells.2.html",
	    "15.01.2026");
	expect_str(v, "labels.contents", "Innhald");
	cJSON_Delete(v);
	v = build_view("se");
	expect_str(v, "sections.1.content.4.columns.0.label", "Vahkku");
	expect_str(v, "sections.1.content.5.events.0.cells.0.html",
	    "<span lang=\"se\">11.\u00A0geassemánu</span>");
	expect_str(v, "sections.1.content.4.events.0.cells.1.html",
	    "<span lang=\"se\">duorastat</span>");
	expect_str(v, "sections.1.content.0.goals.1.label", "Ulbmil 2");
	cJSON_Delete(v);
}

static void
test_indicator_status(void **state)
{
	cJSON *v = build_view(NULL);

	expect_str(v, "sections.1.content.2.items.0.baseline", "60 % (2024)");
	expect_str(v, "sections.1.content.2.items.0.latest", "66,5 % (2025)");
	expect_str(v, "sections.1.content.2.items.0.status", "På vei");
	/* lower is better, and 9 is worse than the baseline 8 */
	expect_str(v, "sections.1.content.2.items.1.status", "Ikke på vei");
	/* the latest of several values counts: 4.2 >= 4 */
	expect_str(v, "sections.1.content.2.items.2.status", "Nådd");
	cJSON_Delete(v);
}

static void
test_sum_mismatch_is_an_error(void **state)
{
	const char *bad = "{\"type\": \"kompetanseplan\", \"meta\": {\"title\": "
	    "\"P\", \"owner\": {\"name\": \"K\"}, \"period\": {\"from\": 2025, "
	    "\"to\": 2026}}, \"body\": [{\"title\": \"T\", \"content\": [\n"
	    "{\"table\": {\"columns\": [\"Fag\", \"Antall\"], \"rows\": [[\"Norsk\", "
	    "3], [\"Engelsk\", null]], \"sum\": {\"columns\": [1], \"expect\": "
	    "[4]}}}]}]}";
	struct pv_diags d;
	struct loaded_json *doc;
	struct enrich_options o = { "templates/kompetanseplan", NULL };
	cJSON *view = NULL;
	char *msg;

	pv_diags_init(&d);
	assert_int_equal(load_json_text("t.json", bad, strlen(bad), &doc, &d),
	    PV_OK);
	assert_int_equal(enrich_document(doc, &o, &view, &d), PV_EINPUT);
	assert_null(view);
	assert_int_equal(d.errors, 1);
	msg = pv_diag_format(&d.v[0]);
	assert_string_equal(msg, "t.json:2:120: error: body[0].content[0]."
	    "table.sum.expect[0]: the column \"Antall\" sums to 3, but the "
	    "document says 4");
	free(msg);
	loaded_json_free(doc);
	pv_diags_free(&d);
}

static void
test_format_helpers(void **state)
{
	char b[64];

	format_integer(0, b, sizeof(b));
	assert_string_equal(b, "0");
	format_integer(999, b, sizeof(b));
	assert_string_equal(b, "999");
	format_integer(1000, b, sizeof(b));
	assert_string_equal(b, "1\u00a0000");
	format_integer(2384000, b, sizeof(b));
	assert_string_equal(b, "2\u00a0384\u00a0000");
	format_integer(-1220000, b, sizeof(b));
	/* a minus sign, not a hyphen */
	assert_string_equal(b, "\u22121\u00a0220\u00a0000");
	format_number(3.5, b, sizeof(b));
	assert_string_equal(b, "3,5");
	format_number(-3.5, b, sizeof(b));
	assert_string_equal(b, "\u22123,5");
	format_date("2026-01-15", b, sizeof(b));
	assert_string_equal(b, "15.01.2026");
}

static void
test_dates(void **state)
{
	struct pv_date d;
	int w, y;

	assert_true(pv_date_parse("2024-02-29", &d));
	assert_false(pv_date_parse("2025-02-29", &d));
	assert_false(pv_date_parse("2025-13-01", &d));
	assert_false(pv_date_parse("2025-1-01", &d));
	assert_true(pv_date_parse("2021-01-03", &d)); /* Sunday of 2020-W53 */
	pv_date_iso_week(&d, &w, &y);
	assert_int_equal(w, 53);
	assert_int_equal(y, 2020);
	assert_int_equal(pv_date_weekday(&d), 7);
	assert_true(pv_date_parse("2024-12-30", &d)); /* Monday of 2025-W01 */
	pv_date_iso_week(&d, &w, &y);
	assert_int_equal(w, 1);
	assert_int_equal(y, 2025);
	assert_int_equal(pv_iso_weeks_in_year(2020), 53);
	assert_int_equal(pv_iso_weeks_in_year(2025), 52);
	assert_int_equal(pv_iso_weeks_in_year(2026), 53);
	/* Thursday of week 38 in 2025: 18 September */
	assert_true(pv_date_of_iso_week(2025, 38, 4, &d));
	assert_int_equal(d.month, 9);
	assert_int_equal(d.day, 18);
	assert_false(pv_date_of_iso_week(2025, 53, 1, &d));
}

static void
test_markdown_vocabulary(void **state)
{
	struct pv_buf b;
	const char *md = "# Tittel\n\n> sitat\n\n- a\n- b\n\n[x](javascript:alert(1)) "
	    "<script>ondt()</script> https://udir.no";

	pv_buf_init(&b);
	markdown_to_xhtml(md, strlen(md), 0, &b);
	assert_string_equal(b.data,
	    "<p><strong>Tittel</strong></p>\n"
	    "<div class=\"box\"><p>sitat</p>\n</div>\n"
	    "<ul><li>a</li><li>b</li></ul>\n"
	    "<p>x ondt() <a href=\"https://udir.no\">https://udir.no</a></p>\n");
	pv_buf_free(&b);
}

/* A link a user typed with a space, or with letters outside ASCII, is
 * still a working link and valid XHTML; a "#id" link is text, since a
 * user cannot know the ids the templates give (found by fuzz_markdown). */
static void
test_markdown_links(void **state)
{
	const char *md = "[a](<http://www.udir.no/laring-og -trivsel/>) "
	    "[b](https://x.no/s\u00f8k?a=1&b=\"2\") [c](#mal-1)";
	struct pv_buf b;

	pv_buf_init(&b);
	assert_int_equal(markdown_to_xhtml(md, strlen(md), 0, &b), 0);
	assert_string_equal(b.data,
	    "<p><a href=\"http://www.udir.no/laring-og%20-trivsel/\">a</a> "
	    "<a href=\"https://x.no/s%C3%B8k?a=1&amp;b=%222%22\">b</a> c</p>\n");
	pv_buf_free(&b);
}

/* A Markdown field over the limit is refused whole, never cut. */
static void
test_markdown_limit(void **state)
{
	struct pv_buf b;
	size_t n = MARKDOWN_MAX_INPUT + 1;
	char *md = malloc(n);

	assert_non_null(md);
	memset(md, 'a', n);
	pv_buf_init(&b);
	assert_int_equal(markdown_to_xhtml(md, n, 0, &b), -1);
	assert_int_equal(b.len, 0);
	assert_int_equal(markdown_to_xhtml(md, n - 1, 0, &b), 0);
	/* "<p>" + every byte + "</p>\n" */
	assert_int_equal(b.len, n - 1 + 8);
	pv_buf_free(&b);
	free(md);
}

/* Enrich reads nothing the schema might not guarantee: without a
 * schema, a measure without id is an error at its path, not a crash. */
static void
test_shape_errors(void **state)
{
	const char *bad = "{\"type\": \"kompetanseplan\", \"meta\": {\"title\": "
	    "\"P\", \"owner\": {\"name\": \"K\"}, \"period\": {\"from\": 2025, "
	    "\"to\": 2026}}, \"body\": [{\"title\": \"T\", \"content\": [\n"
	    "{\"measures\": {\"items\": [{\"title\": \"A\", \"budget\": 1e300}]}},"
	    "{\"calendar\": {\"events\": [{\"place\": 5, \"week\": 38}]}}, {\"kart\": 1}]}]}";
	struct pv_diags d;
	struct loaded_json *doc;
	struct enrich_options o = { "templates/kompetanseplan", NULL };
	cJSON *view = NULL;
	char *msg;

	pv_diags_init(&d);
	assert_int_equal(load_json_text("t.json", bad, strlen(bad), &doc, &d),
	    PV_OK);
	assert_int_equal(enrich_document(doc, &o, &view, &d), PV_EINPUT);
	assert_null(view);
	assert_int_equal(d.errors, 4);
	msg = pv_diag_format(&d.v[0]);
	assert_string_equal(msg, "t.json:2:25: error: body[0].content[0]."
	    "measures.items[0]: \"id\" is missing (it is required)");
	free(msg);
	msg = pv_diag_format(&d.v[1]);
	assert_string_equal(msg, "t.json:2:50: error: body[0].content[0]."
	    "measures.items[0].budget: must be a whole number from 0 to "
	    "1000000000000, not 1e+300");
	free(msg);
	msg = pv_diag_format(&d.v[2]);
	assert_string_equal(msg, "t.json:2:95: error: body[0].content[1]."
	    "calendar.events[0].place: must be text, not a number");
	free(msg);
	msg = pv_diag_format(&d.v[3]);
	assert_true(strstr(msg, "body[0].content[2].kart: unknown block kind "
	    "\"kart\"") != NULL);
	free(msg);
	loaded_json_free(doc);
	pv_diags_free(&d);
}

/* Plain text that lands in a markup member is escaped. */
static void
test_markup_members(void **state)
{
	cJSON *v = build_view(NULL);

	/* the sum row's label is text, escaped into the cell's html */
	expect_str(v, "sections.1.content.3.rows.3.cells.0.html", "Sum");
	assert_null(at(v, "sections.1.content.0.goals.0.background"));
	assert_true(cJSON_IsFalse(at(v,
	    "sections.1.content.0.goals.0.background_html")));
	assert_true(cJSON_IsFalse(at(v,
	    "sections.1.content.0.goals.0.measures.items.0.description_html")));
	cJSON_Delete(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_formatting),
		cmocka_unit_test(test_calendar_languages),
		cmocka_unit_test(test_indicator_status),
		cmocka_unit_test(test_sum_mismatch_is_an_error),
		cmocka_unit_test(test_format_helpers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_markdown_vocabulary),
		cmocka_unit_test(test_markdown_limit),
		cmocka_unit_test(test_markdown_links),
		cmocka_unit_test(test_shape_errors),
		cmocka_unit_test(test_markup_members),
	};

	return cmocka_run_group_tests_name("enrich", tests, NULL, NULL);
}
