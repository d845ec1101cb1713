/*
 * jpath.c - JSON paths for diagnostics.
 */
#include "jpath.h"

size_t
jpath_push_key(struct pv_buf *p, const char *key)
{
	size_t old = p->len;

	if (p->len)
		pv_buf_putc(p, '.');
	pv_buf_puts(p, key);
	return old;
}

size_t
jpath_push_index(struct pv_buf *p, size_t i)
{
	size_t old = p->len;

	pv_buf_printf(p, "[%zu]", i);
	return old;
}

void
jpath_pop(struct pv_buf *p, size_t old)
{
	p->len = old;
	if (p->data)
		p->data[old] = '\0';
}
