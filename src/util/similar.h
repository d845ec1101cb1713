/*
 * similar.h - how far apart two short names are, for "did you mean".
 */
#ifndef PV_SIMILAR_H
#define PV_SIMILAR_H

#include <stddef.h>

/* PV_FAR: names longer than this are not compared. */
#define PV_SIMILAR_MAX 64
#define PV_FAR 999

/*
 * The edit distance (insertions, deletions, changes of one byte) of two
 * names of at most PV_SIMILAR_MAX bytes, else PV_FAR; fold_case compares
 * ASCII letters without case.
 */
size_t pv_edit_distance(const char *a, const char *b, int fold_case);

#endif
