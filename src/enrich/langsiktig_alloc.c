/*
 * langsiktig_alloc.c - the langsiktig-plan's allocation table: the
 * document's "allocation" (grant, shares in basis points with their caps,
 * networks with man-years) read, computed by allocation.c, and made into
 * the view the template prints as two tables that add up.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "allocation.h"
#include "format.h"
#include "langsiktig.h"

struct lp_alloc_ctx {
	struct enrich *e;
	const cJSON *alloc;
};

/* Where a broken rule is, in the document. */
static void
alloc_error(void *ctx, enum alloc_where where, size_t index, const char *msg)
{
	struct lp_alloc_ctx *c = ctx;
	char item[24];

	snprintf(item, sizeof(item), "#%zu", index);
	switch (where) {
	case ALLOC_AT_GRANT:
		lp_error_at(c->e, c->alloc, msg, "grant", (char *)NULL);
		break;
	case ALLOC_AT_COMMON:
		lp_error_at(c->e, c->alloc, msg, "common", "share_bp",
		    (char *)NULL);
		break;
	case ALLOC_AT_EQUALISATION:
		lp_error_at(c->e, c->alloc, msg, "equalisation", "share_bp",
		    (char *)NULL);
		break;
	case ALLOC_AT_REGION:
		lp_error_at(c->e, c->alloc, msg, "equalisation", "regions",
		    item, (char *)NULL);
		break;
	case ALLOC_AT_NETWORK:
		lp_error_at(c->e, c->alloc, msg, "networks", item,
		    "man_years", (char *)NULL);
		break;
	case ALLOC_AT_NETWORK_SHARE:
		lp_error_at(c->e, c->alloc, msg, "network", "share_bp",
		    (char *)NULL);
		break;
	case ALLOC_AT_KINDERGARTEN:
		lp_error_at(c->e, c->alloc, msg, "kindergarten", "share_bp",
		    (char *)NULL);
		break;
	case ALLOC_AT_SCHOOL:
		lp_error_at(c->e, c->alloc, msg, "school", "share_bp",
		    (char *)NULL);
		break;
	case ALLOC_AT_NETWORKS:
		lp_error_at(c->e, c->alloc, msg, "networks", (char *)NULL);
		break;
	}
}

/* A share {"share_bp", "max_bp" or "min_bp"}: both read; 0 if absent
 * (the schema requires them). */
static void
share_read(struct enrich *e, const cJSON *alloc, const char *key,
    const char *bound, int *bp, int *limit)
{
	const cJSON *s = en_get(e, alloc, key, EN_OBJECT, EN_REQUIRED);
	size_t old = en_path_key(e, key);
	long long a = 0, b = 0;

	if (s != NULL) {
		en_integer(e, s, "share_bp", EN_REQUIRED, -1000000, 1000000, &a);
		en_integer(e, s, bound, EN_REQUIRED, 0, 1000000, &b);
	}
	*bp = (int)a;
	*limit = (int)b;
	en_path_pop(e, old);
}

/* Man-years in hundredths; a number with more decimals is refused. */
static int
man_years_read(struct enrich *e, const cJSON *n, long long *out)
{
	double x = 0, h;
	size_t old = en_path_key(e, "man_years");
	int ok = 1;

	if (!en_number(e, n, "man_years", EN_REQUIRED, &x)) {
		ok = 0;
	} else if (!(fabs(x) <= 1e7)) {
		en_error(e, cJSON_GetObjectItemCaseSensitive(n, "man_years"),
		    "%g man-years; at most %lld", x, ALLOC_MAX_MAN_YEARS / 100);
		ok = 0;
	} else {
		h = x * 100.0;
		*out = llround(h);
		if (fabs(h - (double)*out) > 1e-6) {
			en_error(e, cJSON_GetObjectItemCaseSensitive(n,
			    "man_years"), "man-years are given to at most two "
			    "decimals, not %g", x);
			ok = 0;
		}
	}
	en_path_pop(e, old);
	return ok;
}

static void
man_years_text(long long h, char *out, size_t size)
{
	char whole[48];
	long long a = h < 0 ? -h : h;

	format_integer(a / 100, whole, sizeof(whole));
	if (a % 100 == 0)
		snprintf(out, size, "%s%s", h < 0 ? "-" : "", whole);
	else if (a % 10 == 0)
		snprintf(out, size, "%s%s,%lld", h < 0 ? "-" : "", whole,
		    a % 100 / 10);
	else
		snprintf(out, size, "%s%s,%02lld", h < 0 ? "-" : "", whole,
		    a % 100);
}

static void
view_bp(cJSON *o, const char *key, int bp)
{
	char buf[32];

	alloc_format_bp(bp, buf, sizeof(buf));
	view_str(o, key, buf);
}

static cJSON *
network_view(const struct alloc_network *n, const char *region)
{
	cJSON *r = cJSON_CreateObject();
	char buf[64];

	view_str(r, "name", n->name);
	view_str(r, "region", region);
	man_years_text(n->man_years, buf, sizeof(buf));
	view_str(r, "man_years", buf);
	cJSON_AddBoolToObject(r, "equalised", n->equalised);
	lp_amount(r, "equalisation", n->equalisation);
	lp_amount(r, "pro_rata", n->pro_rata);
	lp_amount(r, "total", n->total);
	lp_amount(r, "to_network", n->to_network);
	lp_amount(r, "to_uh", n->to_uh);
	lp_amount(r, "kindergarten_min", n->kindergarten_min);
	lp_amount(r, "school_min", n->school_min);
	return r;
}

static cJSON *
alloc_view(struct enrich *e, const cJSON *alloc, const struct alloc_rules *r,
    const struct alloc_network *nw, size_t n, const struct alloc_result *res)
{
	cJSON *v = cJSON_CreateObject(), *rows = cJSON_CreateArray();
	struct alloc_network sum;
	struct pv_buf regions;
	long long year = 0;
	char buf[64];
	size_t i;

	en_integer(e, alloc, "year", EN_REQUIRED, ENRICH_MIN_YEAR,
	    ENRICH_MAX_YEAR, &year);
	cJSON_AddNumberToObject(v, "year", (double)year);
	lp_amount(v, "grant", r->grant);
	view_member(e, v, alloc, "common_to");
	lp_amount(v, "common", res->common);
	lp_amount(v, "equalisation", res->equalisation);
	lp_amount(v, "pro_rata", res->pro_rata);
	view_bp(v, "common_share", r->common_bp);
	view_bp(v, "equalisation_share", r->equalisation_bp);
	view_bp(v, "pro_rata_share", 10000 - r->common_bp -
	    r->equalisation_bp);
	view_bp(v, "network_share", r->network_bp);
	view_bp(v, "uh_share", 10000 - r->network_bp);
	view_bp(v, "kindergarten_share", r->kindergarten_bp);
	view_bp(v, "school_share", r->school_bp);
	pv_buf_init(&regions);
	for (i = 0; i < r->nregions; i++)
		pv_buf_printf(&regions, "%s%s", i == 0 ? "" : i + 1 ==
		    r->nregions ? " og " : ", ", r->regions[i]);
	view_text(v, "regions", regions.data);
	pv_buf_free(&regions);
	memset(&sum, 0, sizeof(sum));
	for (i = 0; i < n; i++) {
		cJSON_AddItemToArray(rows, network_view(&nw[i], nw[i].region));
		sum.man_years += nw[i].man_years;
		sum.equalisation += nw[i].equalisation;
		sum.pro_rata += nw[i].pro_rata;
		sum.total += nw[i].total;
		sum.to_network += nw[i].to_network;
		sum.to_uh += nw[i].to_uh;
		sum.kindergarten_min += nw[i].kindergarten_min;
		sum.school_min += nw[i].school_min;
	}
	cJSON_AddItemToObject(v, "networks", rows);
	sum.name = label(e, "alloc_sum_networks");
	cJSON_AddItemToObject(v, "sum", network_view(&sum, ""));
	/* the printed total: common measures + the networks' sum */
	lp_amount(v, "total", res->common + sum.total);
	man_years_text(res->man_years, buf, sizeof(buf));
	view_str(v, "man_years", buf);
	return v;
}

cJSON *
lp_allocation(struct enrich *e, const cJSON *alloc)
{
	struct alloc_rules r;
	struct alloc_result res;
	struct alloc_network *nw;
	const char **regions;
	const cJSON *list, *regs, *eq, *x;
	struct lp_alloc_ctx ctx = { e, alloc };
	size_t n, nr, i, errors = e->d->errors, old;
	long long grant = 0;
	cJSON *v = NULL;

	memset(&r, 0, sizeof(r));
	(void)en_string(e, alloc, "section", EN_REQUIRED);
	if (en_integer(e, alloc, "grant", EN_REQUIRED, 0, ALLOC_MAX_GRANT,
	    &grant))
		r.grant = grant;
	share_read(e, alloc, "common", "max_bp", &r.common_bp,
	    &r.common_max_bp);
	share_read(e, alloc, "equalisation", "max_bp", &r.equalisation_bp,
	    &r.equalisation_max_bp);
	share_read(e, alloc, "network", "max_bp", &r.network_bp,
	    &r.network_max_bp);
	share_read(e, alloc, "kindergarten", "min_bp", &r.kindergarten_bp,
	    &r.kindergarten_min_bp);
	share_read(e, alloc, "school", "min_bp", &r.school_bp,
	    &r.school_min_bp);
	eq = cJSON_GetObjectItemCaseSensitive(alloc, "equalisation");
	old = en_path_key(e, "equalisation");
	regs = en_get(e, eq, "regions", EN_ARRAY, EN_OPTIONAL);
	en_path_pop(e, old);
	nr = (size_t)cJSON_GetArraySize(regs);
	regions = pv_xmalloc((nr ? nr : 1) * sizeof(*regions));
	old = en_path_key(e, "equalisation");
	{
		size_t o2 = en_path_key(e, "regions");

		i = 0;
		cJSON_ArrayForEach(x, regs) {
			regions[i] = en_item(e, x, i, EN_STRING) ?
			    x->valuestring : "";
			i++;
		}
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	r.regions = regions;
	r.nregions = nr;
	list = en_get(e, alloc, "networks", EN_ARRAY, EN_REQUIRED);
	n = (size_t)cJSON_GetArraySize(list);
	nw = pv_xmalloc((n ? n : 1) * sizeof(*nw));
	memset(nw, 0, (n ? n : 1) * sizeof(*nw));
	old = en_path_key(e, "networks");
	i = 0;
	cJSON_ArrayForEach(x, list) {
		size_t o2 = en_path_index(e, i);
		const char *name, *region;

		if (en_check(e, x, EN_OBJECT) != NULL) {
			name = en_string(e, x, "name", EN_REQUIRED);
			region = en_string(e, x, "region", EN_REQUIRED);
			nw[i].name = name ? name : "";
			nw[i].region = region ? region : "";
			man_years_read(e, x, &nw[i].man_years);
		} else {
			nw[i].name = nw[i].region = "";
		}
		en_path_pop(e, o2);
		i++;
	}
	en_path_pop(e, old);
	if (e->d->errors == errors &&
	    alloc_compute(&r, nw, n, &res, alloc_error, &ctx) == 0)
		v = alloc_view(e, alloc, &r, nw, n, &res);
	free(nw);
	free(regions);
	return v;
}
