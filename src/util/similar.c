/*
 * similar.c - the edit distance behind every "did you mean": member
 * names, theme keys, ids of a plan.  One row of the classic table, on
 * the stack: the names are bounded, so a hostile file cannot make this
 * cost more than 64 x 64 steps per pair.
 */
#include <ctype.h>
#include <string.h>

#include "similar.h"

static int
same(char x, char y, int fold_case)
{
	if (fold_case)
		return tolower((unsigned char)x) == tolower((unsigned char)y);
	return x == y;
}

size_t
pv_edit_distance(const char *a, const char *b, int fold_case)
{
	size_t la = strlen(a), lb = strlen(b), row[PV_SIMILAR_MAX + 1], i, j;

	if (la > PV_SIMILAR_MAX || lb > PV_SIMILAR_MAX)
		return PV_FAR;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], up;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + !same(a[i - 1], b[j - 1], fold_case);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (up + 1 < row[j])
				row[j] = up + 1;
			diag = up;
		}
	}
	return row[lb];
}
