/*
 * test_util.h - small helpers the unit tests share.
 */
#ifndef PV_TEST_UTIL_H
#define PV_TEST_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "../../src/util/diag.h"

/* Whether any diagnostic's formatted text contains `what`. */
static inline int
diag_has(const struct pv_diags *d, const char *what)
{
	size_t i;
	int found = 0;

	for (i = 0; i < d->n && !found; i++) {
		char *m = pv_diag_format(&d->v[i]);

		found = strstr(m, what) != NULL;
		free(m);
	}
	return found;
}

#endif
