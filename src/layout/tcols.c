/*
 * tcols.c - a table's column widths from its columns' content widths.
 *
 * The order of what gives way follows the reader: first the room beyond
 * each column's max-content width, shared in proportion to max-content
 * (as browsers do); then columns shrink towards their longest word, each
 * in proportion to how much it can give (max - min), so a column of long
 * sentences gives room before a column of single long words is touched;
 * then, only when the longest words together are wider than the table,
 * the widest columns are cut to one common water level, so that only the
 * columns with the longest words give way, hyphenated; and last, when
 * even hyphenated words do not fit, words are broken, the widest columns
 * cut to one level.
 */
#include <string.h>

#include "../parse/parse.h"
#include "tcols.h"

#define EPS 0.001

/* The level t at which columns of width max(lo, min(hi, t)) add up to
 * width (when sum(lo) <= width <= sum(hi)); bisection, so that the result
 * depends on nothing but the numbers. */
static double
water_level(const double *lo, const double *hi, int n, double width)
{
	double a = 0, b = 0, t, s;
	int i, k;

	for (k = 0; k < n; k++)
		if (hi[k] > b)
			b = hi[k];
	for (i = 0; i < 60; i++) {
		t = (a + b) / 2;
		s = 0;
		for (k = 0; k < n; k++)
			s += lo[k] > t ? lo[k] : hi[k] < t ? hi[k] : t;
		if (s > width)
			b = t;
		else
			a = t;
	}
	return a;
}

static double
clamp(double lo, double hi, double t)
{
	return lo > t ? lo : hi < t ? hi : t;
}

/* cw between lo and hi (per column), in proportion to what each can give,
 * adding up to width (slo <= width <= shi). */
static void
between(int n, const double *lo, const double *hi, double slo, double shi,
    double width, double *cw)
{
	int k;

	for (k = 0; k < n; k++)
		cw[k] = shi - slo > EPS ? lo[k] + (hi[k] - lo[k]) *
		    (width - slo) / (shi - slo) : lo[k];
}

enum tcols_fit
tcols_share(int n, const double *hmin, const double *min, const double *max,
    const double *given, int stretch_given, double width, double *cw,
    double *level)
{
	double lo[PARSE_MAX_TABLE_COLUMNS], wmin[PARSE_MAX_TABLE_COLUMNS];
	double tgt[PARSE_MAX_TABLE_COLUMNS];
	double zero[PARSE_MAX_TABLE_COLUMNS];
	double shmin = 0, smin = 0, stgt = 0, sauto = 0, extra, t;
	int k, nauto = 0;

	if (level != NULL)
		*level = 0;
	if (n <= 0)
		return TCOLS_MAX;
	for (k = 0; k < n; k++) {
		lo[k] = hmin[k];
		wmin[k] = min[k] > hmin[k] ? min[k] : hmin[k];
		/* A given width is a target, never less than the words. */
		if (given[k] > 0)
			tgt[k] = given[k] > wmin[k] ? given[k] : wmin[k];
		else {
			tgt[k] = max[k] > wmin[k] ? max[k] : wmin[k];
			nauto++;
			sauto += tgt[k];
		}
		zero[k] = 0;
		shmin += lo[k];
		smin += wmin[k];
		stgt += tgt[k];
	}
	if (stgt <= width + EPS) {
		/* Everything fits: the automatic columns take the rest in
		 * proportion to max-content, so that tables have one width;
		 * given widths stay as given. */
		extra = width - stgt;
		for (k = 0; k < n; k++) {
			cw[k] = tgt[k];
			if (nauto > 0 && given[k] <= 0)
				cw[k] += sauto > 0 ? extra * tgt[k] / sauto :
				    extra / nauto;
			else if (nauto == 0 && stretch_given)
				cw[k] += extra * tgt[k] / stgt;
		}
		return TCOLS_MAX;
	}
	if (smin <= width + EPS) {
		between(n, wmin, tgt, smin, stgt, width, cw);
		return TCOLS_WORDS;
	}
	/* The longest words do not fit side by side: one water level over
	 * the longest words, so that only the columns with the longest words
	 * give way, hyphenated (never below their min-content with
	 * hyphenation points); every other column keeps its words whole. */
	if (shmin <= width + EPS) {
		t = water_level(lo, wmin, n, width);
		for (k = 0; k < n; k++)
			cw[k] = clamp(lo[k], wmin[k], t);
		if (level != NULL)
			*level = t;
		return TCOLS_HYPH;
	}
	/* Even hyphenated they do not fit: the widest columns are cut to one
	 * level and their words broken. */
	t = water_level(zero, lo, n, width);
	for (k = 0; k < n; k++)
		cw[k] = clamp(0, lo[k], t);
	if (level != NULL)
		*level = t;
	return TCOLS_BREAK;
}
