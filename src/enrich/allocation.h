/*
 * allocation.h - the allocation model of a langsiktig-plan (Innlandet's
 * §3.8.1): the year's grant shared between common measures, equalisation
 * for named regions and the networks pro rata by man-years, each
 * network's share split between the network and UH, with the least
 * kindergarten and school amounts.
 *
 * Pure arithmetic on integers: shares are basis points (1 % = 100),
 * amounts whole kroner, man-years hundredths.  Every split is made by
 * largest remainder (ties: the lower index, i.e. the order in the JSON),
 * so the parts of each split add up to what was split, exactly.
 */
#ifndef PV_ALLOCATION_H
#define PV_ALLOCATION_H

#include <stddef.h>

#define ALLOC_MAX_GRANT 1000000000000LL    /* kroner */
#define ALLOC_MAX_MAN_YEARS 100000000LL    /* hundredths: 1 000 000 */

struct alloc_network {
	const char *name, *region;
	long long man_years;          /* hundredths of a man-year */
	/* computed */
	int equalised;                /* its region is named */
	long long equalisation, pro_rata, total;
	long long to_network, to_uh;  /* total = to_network + to_uh */
	long long kindergarten_min, school_min; /* rounded up */
};

struct alloc_rules {
	long long grant;
	int common_bp, common_max_bp;
	int equalisation_bp, equalisation_max_bp;
	int network_bp, network_max_bp;     /* of a network's total */
	int kindergarten_bp, kindergarten_min_bp;
	int school_bp, school_min_bp;
	const char *const *regions;         /* named for equalisation */
	size_t nregions;
};

struct alloc_result {
	long long common, equalisation, pro_rata; /* add up to the grant */
	long long man_years;                      /* hundredths, the sum */
};

/* Where a rule was broken, for the caller to find the JSON place. */
enum alloc_where {
	ALLOC_AT_GRANT, ALLOC_AT_COMMON, ALLOC_AT_EQUALISATION,
	ALLOC_AT_REGION,        /* index: of the region */
	ALLOC_AT_NETWORK,       /* index: of the network */
	ALLOC_AT_NETWORK_SHARE, ALLOC_AT_KINDERGARTEN, ALLOC_AT_SCHOOL,
	ALLOC_AT_NETWORKS,
};

typedef void (*alloc_error_fn)(void *ctx, enum alloc_where, size_t index,
    const char *message);

/*
 * Checks the rules (each broken one reported through err) and, when none
 * is broken, computes the networks' amounts and the result.  Returns the
 * number of rules broken (0: computed).
 */
int alloc_compute(const struct alloc_rules *, struct alloc_network *,
    size_t n, struct alloc_result *, alloc_error_fn err, void *ctx);

/*
 * total split by weights (w[i] >= 0, their sum W in 1..ALLOC_MAX_MAN_YEARS,
 * total in 0..ALLOC_MAX_GRANT): out[i] = floor(total * w[i] / W), and the
 * kroner left over one each to the largest remainders (ties: lower i).
 * Returns 0, or -1 when W is 0 or out of range (out untouched).
 */
int alloc_split(long long total, const long long *w, size_t n,
    long long *out);

/* "10 %", "2,5 %", "12,34 %" from basis points, with a no-break space. */
void alloc_format_bp(int bp, char *out, size_t size);

#endif
