/*
 * diag.c - collecting and formatting diagnostics.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"

void
pv_diags_init(struct pv_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
pv_diags_free(struct pv_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	pv_diags_init(d);
}

void
pv_vdiag(struct pv_diags *d, enum pv_level level, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	struct pv_diag *g;
	va_list cp;
	int n;

	PV_GROW(d->v, d->cap, d->n + 1);
	g = &d->v[d->n++];
	g->level = level;
	g->file = file ? pv_xstrdup(file) : NULL;
	g->line = line;
	g->col = col;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	g->msg = pv_xmalloc((size_t)n + 1);
	vsnprintf(g->msg, (size_t)n + 1, fmt, ap);
	if (level == PV_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void
pv_diag(struct pv_diags *d, enum pv_level level, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pv_vdiag(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void
pv_diags_move(struct pv_diags *dst, struct pv_diags *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		PV_GROW(dst->v, dst->cap, dst->n + 1);
		dst->v[dst->n++] = src->v[i];
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->v);
	pv_diags_init(src);
}

void
pv_diag_place(const struct pv_diag *g, int *line, int *col)
{
	*line = g->line > 0 ? g->line : 0;
	*col = g->line > 0 && g->col > 0 ? g->col : 0;
	if (g->file != NULL && *line == 0) {
		*line = 1;
		*col = 1;
	}
}

char *
pv_diag_format(const struct pv_diag *g)
{
	struct pv_buf b;
	int line, col;

	pv_buf_init(&b);
	pv_diag_place(g, &line, &col);
	if (g->file) {
		pv_buf_printf(&b, "%s:%d:", g->file, line);
		if (col > 0)
			pv_buf_printf(&b, "%d:", col);
		pv_buf_putc(&b, ' ');
	}
	pv_buf_puts(&b, g->level == PV_ERROR ? "error: " : "warning: ");
	pv_buf_puts(&b, g->msg);
	return pv_buf_take(&b);
}

void
pv_offset_to_linecol(const char *text, size_t len, size_t offset, int *line,
    int *col)
{
	size_t i;
	int l = 1, c = 1;

	if (offset > len)
		offset = len;
	for (i = 0; i < offset; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++; /* count characters, not UTF-8 continuation bytes */
		}
	}
	*line = l;
	*col = c;
}
