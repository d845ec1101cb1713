/*
 * mem.h - the allocation policy of planverk.
 *
 * Running out of memory is not an error a user can fix, and threading it
 * through every stage would hide the real error paths, so the x-functions
 * print one line and exit with the internal-error status (the single place
 * outside cmd/ that may exit).  Every count * size goes through a checked
 * multiplication: a hostile input can ask for huge tables, never for a
 * wrapped-around allocation.
 */
#ifndef PV_MEM_H
#define PV_MEM_H

#include <stddef.h>

/* For allocators not our own (cJSON): print one line, exit. */
void pv_out_of_memory(void)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;
void *pv_xmalloc(size_t);
void *pv_xcalloc(size_t n, size_t size);
void *pv_xrealloc(void *, size_t);
void *pv_xreallocarray(void *, size_t n, size_t size);
char *pv_xstrdup(const char *);
char *pv_xstrndup(const char *, size_t);
char *pv_xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Grow an array to hold at least `need` elements; doubles the capacity. */
#define PV_GROW(ptr, cap, need)                                              \
	do {                                                                  \
		if ((need) > (cap)) {                                          \
			size_t pv_nc_ = (cap) ? (cap) : 8;                     \
			while (pv_nc_ < (need))                                \
				pv_nc_ *= 2;                                   \
			(ptr) = pv_xreallocarray((ptr), pv_nc_, sizeof(*(ptr))); \
			(cap) = pv_nc_;                                        \
		}                                                             \
	} while (0)

#endif
