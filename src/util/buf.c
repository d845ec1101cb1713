/*
 * buf.c - growable byte buffer.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

void
pv_buf_init(struct pv_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
pv_buf_free(struct pv_buf *b)
{
	free(b->data);
	pv_buf_init(b);
}

void
pv_buf_reserve(struct pv_buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - b->len - 1)
		need = SIZE_MAX; /* pv_xrealloc will fail loudly */
	else
		need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = pv_xrealloc(b->data, cap);
	b->cap = cap;
}

void
pv_buf_put(struct pv_buf *b, const void *p, size_t n)
{
	pv_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
pv_buf_puts(struct pv_buf *b, const char *s)
{
	pv_buf_put(b, s, strlen(s));
}

void
pv_buf_putc(struct pv_buf *b, int c)
{
	char ch = (char)c;

	pv_buf_put(b, &ch, 1);
}

void
pv_buf_printf(struct pv_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	pv_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
pv_buf_clear(struct pv_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
pv_buf_take(struct pv_buf *b)
{
	char *p = b->data ? b->data : pv_xstrdup("");

	pv_buf_init(b);
	return p;
}

void
pv_buf_put_uint(struct pv_buf *b, unsigned long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	pv_buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}
