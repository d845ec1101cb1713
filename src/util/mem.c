/*
 * mem.c - checked allocation; see mem.h for why out-of-memory exits.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"

void
pv_out_of_memory(void)
{
	fputs("planverk: out of memory\n", stderr);
	exit(PV_EINTERNAL);
}

void *
pv_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		pv_out_of_memory();
	return p;
}

void *
pv_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		pv_out_of_memory();
	return p;
}

void *
pv_xrealloc(void *old, size_t size)
{
	void *p = realloc(old, size ? size : 1);

	if (p == NULL)
		pv_out_of_memory();
	return p;
}

void *
pv_xreallocarray(void *old, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		pv_out_of_memory();
	return pv_xrealloc(old, n * size);
}

char *
pv_xstrdup(const char *s)
{
	return pv_xstrndup(s, strlen(s));
}

char *
pv_xstrndup(const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		pv_out_of_memory();
	p = pv_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pv_xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		pv_out_of_memory();
	p = pv_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
