/*
 * test_allocation.c - the langsiktig-plan's allocation model (seed 002,
 * §3.8.1) against hand-computed values: a grant that does not divide
 * evenly, a network with zero man-years, ties by the JSON order, the
 * parts adding up to the grant exactly, and each rule's message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/enrich/allocation.h"

struct errors {
	char text[4096];
	int n;
	enum alloc_where where[16];
	size_t index[16];
};

static void
collect(void *ctx, enum alloc_where where, size_t index, const char *msg)
{
	struct errors *e = ctx;
	size_t len = strlen(e->text);

	snprintf(e->text + len, sizeof(e->text) - len, "%s\n", msg);
	if (e->n < 16) {
		e->where[e->n] = where;
		e->index[e->n] = index;
	}
	e->n++;
}

static const char *const innlandet[] = { "Valdres", "Nord-Østerdal" };

static struct alloc_rules
rules(long long grant)
{
	struct alloc_rules r;

	memset(&r, 0, sizeof(r));
	r.grant = grant;
	r.common_bp = 1000;
	r.common_max_bp = 1000;
	r.equalisation_bp = 200;
	r.equalisation_max_bp = 200;
	r.network_bp = 4000;
	r.network_max_bp = 4000;
	r.kindergarten_bp = 3500;
	r.kindergarten_min_bp = 3500;
	r.school_bp = 3500;
	r.school_min_bp = 3500;
	r.regions = innlandet;
	r.nregions = 2;
	return r;
}

static void
networks(struct alloc_network nw[4])
{
	memset(nw, 0, 4 * sizeof(*nw));
	nw[0].name = "A";
	nw[0].region = "Valdres";
	nw[0].man_years = 30000;      /* 300,00 */
	nw[1].name = "B";
	nw[1].region = "Hamar";
	nw[1].man_years = 0;
	nw[2].name = "C";
	nw[2].region = "Nord-Østerdal";
	nw[2].man_years = 10050;      /* 100,50 */
	nw[3].name = "D";
	nw[3].region = "Hamar";
	nw[3].man_years = 20000;
}

/*
 * 1 000 003 kr: common 100 000,3, equalisation 20 000,06, pro rata
 * 880 002,64; the one krone left goes to the largest remainder, pro rata.
 * Pro rata over 60 050 hundredths: A 439 635,137, C 147 277,771, D
 * 293 090,092 -> the krone left to C.  Equalisation 20 000 / 2.
 */
static void
test_uneven_grant(void **state)
{
	struct alloc_rules r = rules(1000003);
	struct alloc_network nw[4];
	struct alloc_result res;
	struct errors e;
	long long sum = 0;
	int i;

	(void)state;
	memset(&e, 0, sizeof(e));
	networks(nw);
	assert_int_equal(alloc_compute(&r, nw, 4, &res, collect, &e), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(res.common, 100000);
	assert_int_equal(res.equalisation, 20000);
	assert_int_equal(res.pro_rata, 880003);
	assert_int_equal(res.man_years, 60050);
	assert_int_equal(nw[0].equalisation, 10000);
	assert_int_equal(nw[1].equalisation, 0);
	assert_int_equal(nw[2].equalisation, 10000);
	assert_int_equal(nw[3].equalisation, 0);
	assert_int_equal(nw[0].pro_rata, 439635);
	assert_int_equal(nw[2].pro_rata, 147278);
	assert_int_equal(nw[3].pro_rata, 293090);
	assert_int_equal(nw[0].total, 449635);
	assert_int_equal(nw[2].total, 157278);
	assert_int_equal(nw[3].total, 293090);
	/* the parts add up to the grant, exactly */
	for (i = 0; i < 4; i++)
		sum += nw[i].total;
	assert_int_equal(res.common + sum, 1000003);
	assert_int_equal(res.common + res.equalisation + res.pro_rata,
	    1000003);
	/* 40 % to the network, the rest to UH: 62 911,2 + 94 366,8 */
	assert_int_equal(nw[0].to_network, 179854);
	assert_int_equal(nw[0].to_uh, 269781);
	assert_int_equal(nw[2].to_network, 62911);
	assert_int_equal(nw[2].to_uh, 94367);
	assert_int_equal(nw[3].to_network, 117236);
	assert_int_equal(nw[3].to_uh, 175854);
	for (i = 0; i < 4; i++)
		assert_int_equal(nw[i].to_network + nw[i].to_uh, nw[i].total);
	/* at least 35 %, rounded up: 157 372,25  55 047,3  102 581,5 */
	assert_int_equal(nw[0].kindergarten_min, 157373);
	assert_int_equal(nw[2].kindergarten_min, 55048);
	assert_int_equal(nw[3].school_min, 102582);
}

/* A network with zero man-years gets nothing of the pro-rata part,
 * not even a krone of the remainder. */
static void
test_zero_man_years(void **state)
{
	struct alloc_rules r = rules(999);
	struct alloc_network nw[4];
	struct alloc_result res;
	struct errors e;

	(void)state;
	memset(&e, 0, sizeof(e));
	networks(nw);
	r.regions = NULL;
	r.nregions = 0;
	r.equalisation_bp = 0;
	assert_int_equal(alloc_compute(&r, nw, 4, &res, collect, &e), 0);
	assert_int_equal(nw[1].pro_rata, 0);
	assert_int_equal(nw[1].total, 0);
	assert_int_equal(nw[1].kindergarten_min, 0);
	/* 999: common 99,9 -> 100 (larger remainder), pro rata 899,1 -> 899 */
	assert_int_equal(res.common, 100);
	assert_int_equal(res.pro_rata, 899);
	/* 899 * 300/600,5 = 449,125; 100,5: 150,450; 200: 299,417 ->
	 * 449 + 150 + 299 = 898, the krone to C (0,450) */
	assert_int_equal(nw[0].pro_rata, 449);
	assert_int_equal(nw[2].pro_rata, 151);
	assert_int_equal(nw[3].pro_rata, 299);
}

/* Equal remainders: the first in the JSON's order gets the krone. */
static void
test_split_ties(void **state)
{
	long long w3[3] = { 1, 1, 1 }, out3[3];
	long long w4[4] = { 1, 0, 1, 1 }, out4[4];
	long long w0[2] = { 0, 0 }, out0[2];

	(void)state;
	assert_int_equal(alloc_split(10, w3, 3, out3), 0);
	assert_int_equal(out3[0], 4);
	assert_int_equal(out3[1], 3);
	assert_int_equal(out3[2], 3);
	assert_int_equal(alloc_split(5, w4, 4, out4), 0);
	assert_int_equal(out4[0], 2);
	assert_int_equal(out4[1], 0);
	assert_int_equal(out4[2], 2);
	assert_int_equal(out4[3], 1);
	assert_int_equal(alloc_split(5, w0, 2, out0), -1);
	/* the largest grant and man-years: no overflow */
	{
		long long w[2] = { ALLOC_MAX_MAN_YEARS - 1, 1 }, out[2];

		assert_int_equal(alloc_split(ALLOC_MAX_GRANT, w, 2, out), 0);
		assert_int_equal(out[0] + out[1], ALLOC_MAX_GRANT);
		assert_int_equal(out[1], 10000);
	}
}

static void
test_rules(void **state)
{
	struct alloc_rules r = rules(1000000);
	struct alloc_network nw[4];
	struct alloc_result res;
	struct errors e;
	static const char *const unknown[] = { "Valdres", "Sør-Fron" };

	(void)state;
	memset(&e, 0, sizeof(e));
	networks(nw);
	r.common_bp = 1200;
	r.kindergarten_bp = 3000;
	r.regions = unknown;
	nw[3].man_years = -150;
	assert_int_equal(alloc_compute(&r, nw, 4, &res, collect, &e), 4);
	assert_non_null(strstr(e.text, "the common measures share is 12 % "
	    "(1200 basis points), over the rule's cap of 10 % (1000)\n"));
	assert_non_null(strstr(e.text, "the kindergarten share is 30 % "
	    "(3000 basis points), under the rule's least 35 % (3500)\n"));
	assert_non_null(strstr(e.text, "the region \"Sør-Fron\" is named for "
	    "equalisation but no network is in it\n"));
	assert_non_null(strstr(e.text, "the network \"D\" has negative "
	    "man-years (-1,50); man-years are 0 or more\n"));
	assert_int_equal(e.where[0], ALLOC_AT_COMMON);
	assert_int_equal(e.where[2], ALLOC_AT_NETWORK);
	assert_int_equal(e.index[2], 3);
	assert_int_equal(e.where[3], ALLOC_AT_REGION);
	assert_int_equal(e.index[3], 1);
}

static void
test_no_man_years(void **state)
{
	struct alloc_rules r = rules(1000);
	struct alloc_network nw[1];
	struct alloc_result res;
	struct errors e;

	(void)state;
	memset(&e, 0, sizeof(e));
	memset(nw, 0, sizeof(nw));
	nw[0].name = "A";
	nw[0].region = "Valdres";
	r.nregions = 1;
	assert_int_equal(alloc_compute(&r, nw, 1, &res, collect, &e), 1);
	assert_string_equal(e.text, "no network has man-years: the pro-rata "
	    "part has nobody to go to\n");
}

static void
test_format_bp(void **state)
{
	char b[32];

	(void)state;
	alloc_format_bp(1000, b, sizeof(b));
	assert_string_equal(b, "10\u00a0%");
	alloc_format_bp(250, b, sizeof(b));
	assert_string_equal(b, "2,5\u00a0%");
	alloc_format_bp(1234, b, sizeof(b));
	assert_string_equal(b, "12,34\u00a0%");
	alloc_format_bp(5, b, sizeof(b));
	assert_string_equal(b, "0,05\u00a0%");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uneven_grant),
		cmocka_unit_test(test_zero_man_years),
		cmocka_unit_test(test_split_ties),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_no_man_years),
		cmocka_unit_test(test_format_bp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
