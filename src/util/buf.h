/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 */
#ifndef PV_BUF_H
#define PV_BUF_H

#include <stddef.h>

struct pv_buf {
	char *data; /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};

void pv_buf_init(struct pv_buf *);
void pv_buf_free(struct pv_buf *);
void pv_buf_reserve(struct pv_buf *, size_t extra);
void pv_buf_put(struct pv_buf *, const void *, size_t);
void pv_buf_puts(struct pv_buf *, const char *);
void pv_buf_putc(struct pv_buf *, int);
/* A number in decimal: what printf("%llu") writes, without its cost
 * (writers of many numbers, the PDF's structure tree). */
void pv_buf_put_uint(struct pv_buf *, unsigned long long);
void pv_buf_printf(struct pv_buf *, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void pv_buf_clear(struct pv_buf *);
/* Hand the contents to the caller (who frees them) and reset the buffer. */
char *pv_buf_take(struct pv_buf *);

#endif
