/*
 * behovsmelding_money.c - the money of a behovsmelding: the table "Total
 * sum det meldes behov for {year}" (per scheme owner + UH = total, the
 * column sums and the grand total) and the economy blocks (owner + UH +
 * coordinator = total sum, agreeing with its scheme's row), all computed
 * in whole kroner; a total the JSON types is checked against the computed
 * one and a disagreement is an error showing both numbers.
 */
#include <stdio.h>
#include <string.h>

#include "../util/mem.h"
#include "behovsmelding.h"
#include "format.h"

#define BM_MAX_ROWS 100  /* rows of the money table */

static void
view_amount(cJSON *o, const char *key, long long v)
{
	char buf[48];

	format_integer(v, buf, sizeof(buf));
	view_str(o, key, buf);
}

/* A typed figure that disagrees with the computed one: both shown. */
static void
expect_check(struct enrich *e, const cJSON *obj, const char *key,
    long long computed, const char *what, const char *how)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, key);
	long long typed;
	char a[48], b[48];
	size_t old;

	if (t == NULL)
		return;
	old = en_path_key(e, key);
	typed = 0;
	if (en_integer(e, obj, key, EN_REQUIRED, 0, ENRICH_MAX_AMOUNT,
	    &typed) && typed != computed) {
		format_integer(typed, a, sizeof(a));
		format_integer(computed, b, sizeof(b));
		en_error(e, t, "%s is given as %s, but %s = %s", what, a, how, b);
	}
	en_path_pop(e, old);
}

/* "Total sum det meldes behov for 2025": the rows and the sum row. */
cJSON *
bm_amounts_view(struct enrich *e, const cJSON *amounts, struct bm_facts *f)
{
	cJSON *v = cJSON_CreateObject(), *rows = cJSON_CreateArray(), *sum;
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(amounts, "rows");
	const cJSON *x, *expect;
	long long so = 0, su = 0;
	struct pv_buf ho, hu;
	size_t i = 0, old = en_path_key(e, "rows");
	char a[48], b[48], how[128], what[160];

	pv_buf_init(&ho);
	pv_buf_init(&hu);
	if (cJSON_GetArraySize(list) > BM_MAX_ROWS) {
		/* a row per scheme; the limit also keeps the sums far from
		 * overflow */
		en_error(e, list, "%d rows; the money table has at most %d "
		    "(BM_MAX_ROWS), one per scheme", cJSON_GetArraySize(list),
		    BM_MAX_ROWS);
		list = NULL;
	}
	f->rows = pv_xreallocarray(NULL, (size_t)cJSON_GetArraySize(list) + 1,
	    sizeof(*f->rows));
	cJSON_ArrayForEach(x, list) {
		size_t o2 = en_path_index(e, i++);
		struct bm_row *r = &f->rows[f->nrows];
		cJSON *o;

		memset(r, 0, sizeof(*r));
		r->node = x;
		r->index = (int)i - 1;
		r->scheme = bm_scheme_index(cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(x, "scheme")));
		if (r->scheme < 0 || !en_integer(e, x, "owner", EN_REQUIRED, 0,
		    ENRICH_MAX_AMOUNT, &r->owner) || !en_integer(e, x, "uh",
		    EN_REQUIRED, 0, ENRICH_MAX_AMOUNT, &r->uh)) {
			en_path_pop(e, o2);
			continue;
		}
		r->total = r->owner + r->uh;
		f->nrows++;
		format_integer(r->owner, a, sizeof(a));
		format_integer(r->uh, b, sizeof(b));
		snprintf(how, sizeof(how), "owner + UH is %s + %s", a, b);
		snprintf(what, sizeof(what), "the total of %s",
		    bm_label(e, "scheme_", bm_schemes[r->scheme]));
		expect_check(e, x, "expect_total", r->total, what, how);
		pv_buf_printf(&ho, "%s%s", ho.len ? " + " : "", a);
		pv_buf_printf(&hu, "%s%s", hu.len ? " + " : "", b);
		so += r->owner;
		su += r->uh;
		o = cJSON_CreateObject();
		view_str(o, "scheme", bm_label(e, "scheme_",
		    bm_schemes[r->scheme]));
		view_amount(o, "owner", r->owner);
		view_amount(o, "uh", r->uh);
		view_amount(o, "total", r->total);
		cJSON_AddItemToArray(rows, o);
		en_path_pop(e, o2);
	}
	en_path_pop(e, old);
	expect = en_get(e, amounts, "expect", EN_OBJECT, EN_OPTIONAL);
	old = en_path_key(e, "expect");
	snprintf(how, sizeof(how), "the rows add up to %s", ho.data ?
	    ho.data : "0");
	expect_check(e, expect, "owner", so, "the sum of the owner column",
	    how);
	snprintf(how, sizeof(how), "the rows add up to %s", hu.data ?
	    hu.data : "0");
	expect_check(e, expect, "uh", su, "the sum of the UH column", how);
	format_integer(so, a, sizeof(a));
	format_integer(su, b, sizeof(b));
	snprintf(how, sizeof(how), "owner + UH is %s + %s", a, b);
	expect_check(e, expect, "total", so + su, "the sum of the total "
	    "column", how);
	en_path_pop(e, old);
	pv_buf_free(&ho);
	pv_buf_free(&hu);
	cJSON_AddItemToObject(v, "rows", rows);
	sum = cJSON_CreateObject();
	view_amount(sum, "owner", so);
	view_amount(sum, "uh", su);
	view_amount(sum, "total", so + su);
	cJSON_AddItemToObject(v, "sum", sum);
	return v;
}

/*
 * "Økonomi": owner + UH + coordinator = total sum, a typed total
 * checked; the total must agree with the row of the money table of the
 * scheme it belongs to (its own `scheme`, else the one scheme ticked).
 * The path is the economy's.
 */
cJSON *
bm_economy_view(struct enrich *e, const cJSON *ec, const struct bm_facts *f,
    int ticked, int nticked)
{
	cJSON *v;
	long long o = 0, u = 0, c = 0, t;
	const cJSON *cn = cJSON_GetObjectItemCaseSensitive(ec, "coordinator");
	const char *sk;
	int si;
	size_t i;
	char a[48], b[48], cc[48], how[256];

	if (ec == NULL)
		return cJSON_CreateFalse();
	en_integer(e, ec, "owner", EN_REQUIRED, 0, ENRICH_MAX_AMOUNT, &o);
	en_integer(e, ec, "uh", EN_REQUIRED, 0, ENRICH_MAX_AMOUNT, &u);
	if (cn != NULL)
		en_integer(e, ec, "coordinator", EN_REQUIRED, 0,
		    ENRICH_MAX_AMOUNT, &c);
	t = o + u + c;
	format_integer(o, a, sizeof(a));
	format_integer(u, b, sizeof(b));
	format_integer(c, cc, sizeof(cc));
	if (cn != NULL)
		snprintf(how, sizeof(how), "owner + UH + coordinator is "
		    "%s + %s + %s", a, b, cc);
	else
		snprintf(how, sizeof(how), "owner + UH is %s + %s", a, b);
	expect_check(e, ec, "expect_total", t, "the total sum", how);
	v = cJSON_CreateObject();
	view_amount(v, "owner", o);
	view_amount(v, "uh", u);
	cJSON_AddBoolToObject(v, "has_coordinator", cn != NULL);
	view_amount(v, "coordinator", c);
	view_amount(v, "total", t);

	sk = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(ec,
	    "scheme"));
	si = sk ? bm_scheme_index(sk) : nticked == 1 ? ticked : -1;
	if (si < 0) {
		if (sk == NULL && nticked > 1)
			en_error(e, ec, "%d schemes are ticked: say which one "
			    "this economy belongs to with \"scheme\" (one of "
			    "regional, desentralisert, kompetanseloftet)",
			    nticked);
		return v;
	}
	for (i = 0; i < f->nrows; i++)
		if (f->rows[i].scheme == si)
			break;
	if (i == f->nrows) {
		en_error(e, ec, "the economy belongs to %s, but amounts has "
		    "no row for it", bm_label(e, "scheme_",
		    bm_schemes[si]));
	} else if (f->rows[i].total != t) {
		int line = 0, col = 0;

		load_locate(e->doc, f->rows[i].node, 0, &line, &col);
		format_integer(t, a, sizeof(a));
		format_integer(f->rows[i].total, b, sizeof(b));
		en_error(e, ec, "the total sum %s does not agree with the "
		    "total %s of %s (amounts.rows[%d], line %d): the economy "
		    "belongs to that scheme", a, b, bm_label(e,
		    "scheme_", bm_schemes[si]), f->rows[i].index, line);
	}
	return v;
}
