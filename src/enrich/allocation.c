/*
 * allocation.c - the allocation model of a langsiktig-plan: the rules of
 * §3.8.1 checked, and the grant shared out in whole kroner by largest
 * remainder (allocation.h).  No cJSON here: the enrichment module reads
 * the document and places the messages (langsiktig_plan.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "allocation.h"

/* "10 %", "2,5 %" with sep between the number and the sign: a no-break
 * space in the document, a plain one in messages. */
static void
bp_text(int bp, const char *sep, char *out, size_t size)
{
	int neg = bp < 0, a = neg ? -bp : bp;

	if (a % 100 == 0)
		snprintf(out, size, "%s%d%s%%", neg ? "-" : "", a / 100, sep);
	else if (a % 10 == 0)
		snprintf(out, size, "%s%d,%d%s%%", neg ? "-" : "", a / 100,
		    a % 100 / 10, sep);
	else
		snprintf(out, size, "%s%d,%02d%s%%", neg ? "-" : "", a / 100,
		    a % 100, sep);
}

void
alloc_format_bp(int bp, char *out, size_t size)
{
	bp_text(bp, "\u00a0", out, size);
}

struct remainder {
	long long rem;
	size_t i;
};

static int
remainder_cmp(const void *pa, const void *pb)
{
	const struct remainder *a = pa, *b = pb;

	if (a->rem != b->rem)
		return a->rem > b->rem ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

int
alloc_split(long long total, const long long *w, size_t n, long long *out)
{
	long long W = 0, given = 0, q, r;
	struct remainder *rems;
	size_t i;

	for (i = 0; i < n; i++) {
		if (w[i] < 0 || w[i] > ALLOC_MAX_MAN_YEARS)
			return -1;
		W += w[i];
		if (W > ALLOC_MAX_MAN_YEARS)
			return -1;
	}
	if (W == 0 || total < 0 || total > ALLOC_MAX_GRANT)
		return -1;
	/* total * w / W without overflow: total = q W + r, r < W, and
	 * r * w < W^2 <= 1e16. */
	q = total / W;
	r = total % W;
	rems = pv_xmalloc((n ? n : 1) * sizeof(*rems));
	for (i = 0; i < n; i++) {
		out[i] = q * w[i] + r * w[i] / W;
		rems[i].rem = r * w[i] % W;
		rems[i].i = i;
		given += out[i];
	}
	qsort(rems, n, sizeof(*rems), remainder_cmp);
	/* The kroner left over are fewer than the parts with a remainder
	 * (the remainders are each below W and add up to (total - given)
	 * W), so a part of weight 0 never gets one. */
	for (i = 0; i < n && given < total; i++, given++)
		out[rems[i].i]++;
	free(rems);
	return 0;
}

static void
report(alloc_error_fn err, void *ctx, enum alloc_where where, size_t index,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void
report(alloc_error_fn err, void *ctx, enum alloc_where where, size_t index,
    const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err(ctx, where, index, msg);
}

/* A share over its cap ("up to 10 %"): the rule named, both numbers. */
static int
check_cap(alloc_error_fn err, void *ctx, enum alloc_where where,
    const char *rule, int bp, int max)
{
	char a[32], b[32];

	if (bp <= max && bp >= 0 && max <= 10000)
		return 0;
	bp_text(bp, " ", a, sizeof(a));
	bp_text(max, " ", b, sizeof(b));
	if (bp < 0)
		report(err, ctx, where, 0, "the %s share is %s (%d basis "
		    "points); a share is 0 %% or more", rule, a, bp);
	else if (max > 10000)
		report(err, ctx, where, 0, "the %s cap is %s (%d basis "
		    "points); a cap is at most 100 %%", rule, b, max);
	else
		report(err, ctx, where, 0, "the %s share is %s (%d basis "
		    "points), over the rule's cap of %s (%d)", rule, a, bp, b,
		    max);
	return 1;
}

/* A share under its floor ("at least 35 %"). */
static int
check_floor(alloc_error_fn err, void *ctx, enum alloc_where where,
    const char *rule, int bp, int min)
{
	char a[32], b[32];

	if (bp >= min && bp <= 10000)
		return 0;
	bp_text(bp, " ", a, sizeof(a));
	bp_text(min, " ", b, sizeof(b));
	if (bp > 10000)
		report(err, ctx, where, 0, "the %s share is %s (%d basis "
		    "points); a share is at most 100 %%", rule, a, bp);
	else
		report(err, ctx, where, 0, "the %s share is %s (%d basis "
		    "points), under the rule's least %s (%d)", rule, a, bp,
		    b, min);
	return 1;
}

static int
rules_check(const struct alloc_rules *r, struct alloc_network *nw, size_t n,
    alloc_error_fn err, void *ctx)
{
	int bad = 0;
	size_t i, k;
	long long sum = 0;

	if (r->grant < 0 || r->grant > ALLOC_MAX_GRANT) {
		report(err, ctx, ALLOC_AT_GRANT, 0, "the grant is %lld kroner; "
		    "it must be 0 to %lld (ALLOC_MAX_GRANT)", r->grant,
		    ALLOC_MAX_GRANT);
		bad++;
	}
	bad += check_cap(err, ctx, ALLOC_AT_COMMON, "common measures",
	    r->common_bp, r->common_max_bp);
	bad += check_cap(err, ctx, ALLOC_AT_EQUALISATION, "equalisation",
	    r->equalisation_bp, r->equalisation_max_bp);
	bad += check_cap(err, ctx, ALLOC_AT_NETWORK_SHARE, "network", r->network_bp,
	    r->network_max_bp);
	bad += check_floor(err, ctx, ALLOC_AT_KINDERGARTEN, "kindergarten",
	    r->kindergarten_bp, r->kindergarten_min_bp);
	bad += check_floor(err, ctx, ALLOC_AT_SCHOOL, "school",
	    r->school_bp, r->school_min_bp);
	if (r->kindergarten_bp + r->school_bp > 10000 &&
	    r->kindergarten_bp <= 10000 && r->school_bp <= 10000) {
		char a[32], b[32];

		bp_text(r->kindergarten_bp, " ", a, sizeof(a));
		bp_text(r->school_bp, " ", b, sizeof(b));
		report(err, ctx, ALLOC_AT_SCHOOL, 0, "the kindergarten and "
		    "school shares add up to more than 100 %% (%s + %s)", a, b);
		bad++;
	}
	if (r->common_bp + r->equalisation_bp > 10000 && bad == 0) {
		report(err, ctx, ALLOC_AT_EQUALISATION, 0, "common measures "
		    "and equalisation take more than the whole grant");
		bad++;
	}
	if (r->equalisation_bp > 0 && r->nregions == 0) {
		report(err, ctx, ALLOC_AT_EQUALISATION, 0, "an equalisation "
		    "share with no region named to share it");
		bad++;
	}
	for (i = 0; i < n; i++) {
		if (nw[i].man_years < 0) {
			report(err, ctx, ALLOC_AT_NETWORK, i, "the network \"%s\" "
			    "has negative man-years (-%lld,%02lld); man-years are "
			    "0 or more", nw[i].name, -nw[i].man_years / 100,
			    -nw[i].man_years % 100);
			bad++;
		} else if (nw[i].man_years > ALLOC_MAX_MAN_YEARS ||
		    (sum += nw[i].man_years) > ALLOC_MAX_MAN_YEARS) {
			report(err, ctx, ALLOC_AT_NETWORK, i, "the man-years add "
			    "up to more than %lld (ALLOC_MAX_MAN_YEARS)",
			    ALLOC_MAX_MAN_YEARS / 100);
			bad++;
			sum = 0;
		}
		nw[i].equalised = 0;
	}
	for (k = 0; k < r->nregions; k++) {
		int found = 0;

		for (i = 0; i < n; i++)
			if (strcmp(nw[i].region, r->regions[k]) == 0) {
				nw[i].equalised = 1;
				found = 1;
			}
		if (!found) {
			report(err, ctx, ALLOC_AT_REGION, k, "the region \"%s\" "
			    "is named for equalisation but no network is in it",
			    r->regions[k]);
			bad++;
		}
	}
	if (bad == 0 && sum == 0 && r->grant > 0) {
		report(err, ctx, ALLOC_AT_NETWORKS, 0, "no network has "
		    "man-years: the pro-rata part has nobody to go to");
		bad++;
	}
	return bad;
}

int
alloc_compute(const struct alloc_rules *r, struct alloc_network *nw,
    size_t n, struct alloc_result *res, alloc_error_fn err, void *ctx)
{
	long long pots[3], w[3], *weights, *part;
	long long two[2], wtwo[2];
	size_t i;
	int bad;

	memset(res, 0, sizeof(*res));
	if ((bad = rules_check(r, nw, n, err, ctx)) != 0)
		return bad;
	/* The grant into common measures, equalisation and pro rata. */
	w[0] = r->common_bp;
	w[1] = r->equalisation_bp;
	w[2] = 10000 - r->common_bp - r->equalisation_bp;
	(void)alloc_split(r->grant, w, 3, pots);
	res->common = pots[0];
	res->equalisation = pots[1];
	res->pro_rata = pots[2];
	weights = pv_xmalloc((n ? n : 1) * sizeof(*weights));
	part = pv_xmalloc((n ? n : 1) * sizeof(*part));
	/* Equalisation shared equally by the named regions' networks. */
	for (i = 0; i < n; i++) {
		weights[i] = nw[i].equalised;
		nw[i].equalisation = 0;
	}
	if (alloc_split(pots[1], weights, n, part) == 0)
		for (i = 0; i < n; i++)
			nw[i].equalisation = part[i];
	/* The rest pro rata by man-years; zero man-years, zero kroner. */
	for (i = 0; i < n; i++) {
		weights[i] = nw[i].man_years;
		res->man_years += nw[i].man_years;
		nw[i].pro_rata = 0;
	}
	if (alloc_split(pots[2], weights, n, part) == 0)
		for (i = 0; i < n; i++)
			nw[i].pro_rata = part[i];
	free(weights);
	free(part);
	wtwo[0] = r->network_bp;
	wtwo[1] = 10000 - r->network_bp;
	for (i = 0; i < n; i++) {
		long long t = nw[i].equalisation + nw[i].pro_rata;

		nw[i].total = t;
		(void)alloc_split(t, wtwo, 2, two);
		nw[i].to_network = two[0];
		nw[i].to_uh = two[1];
		/* "at least": rounded up */
		nw[i].kindergarten_min = (t * r->kindergarten_bp + 9999) /
		    10000;
		nw[i].school_min = (t * r->school_bp + 9999) / 10000;
	}
	return 0;
}
