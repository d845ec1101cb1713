/*
 * emit_pack.c - libharu's file, rewritten with the objects it could not
 * make and, when compressing, its small objects in object streams.
 *
 * libharu writes every object as plain text with a classic xref table.
 * A tagged document has one structure element per paragraph, list item
 * and table cell: thousands of small dictionaries, which as plain
 * objects doubled the size of a table-heavy plan and cost more time as
 * libharu objects than the rest of the PDF.  So emit_tags.c writes them
 * as text, here, and this file puts them, with libharu's own small
 * objects (pages, fonts' dictionaries, annotations), into compressed
 * object streams indexed by a cross-reference stream (PDF 1.7, 7.5.7
 * and 7.5.8; PDF/A-2 allows both).  Streams stay as libharu wrote them.
 * Without compression (tests read the file as text) the objects are
 * written plainly with a classic xref table.
 *
 * We read only what libharu writes, so the parsing is narrow: the xref
 * table at startxref, objects in the order of their offsets, a stream
 * object being one whose text ends in "endstream endobj", and /Root,
 * /Info, /ID taken from the trailer.  Anything else is an internal error,
 * never a damaged file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "emit_int.h"

/* Objects per object stream: a reader decompresses one stream to reach
 * one object, so not all of them in one; but each stream starts its
 * compression afresh, and 200 per stream made the structure tree half
 * as large again as 2 000 do. */
#define PACK_PER_STREAM 2000

struct span {
	size_t off, end;        /* in libharu's file: "N 0 obj" to the next */
	size_t body, body_end;  /* the object itself, between obj/endobj */
	int used, stream;
	int extra;              /* replaced by extras[extra], -1: not */
};

static int
is_ws(unsigned char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' ||
	    ch == '\f' || ch == 0;
}

static const unsigned char *
find_last(const unsigned char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	if (len < n)
		return NULL;
	for (i = len - n + 1; i-- > 0;)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* An indirect reference "N 0 R" after key in the trailer text. */
static int
trailer_ref(const unsigned char *t, size_t n, const char *key)
{
	const unsigned char *k = find_last(t, n, key);
	long v;

	if (k == NULL)
		return -1;
	v = strtol((const char *)k + strlen(key), NULL, 10);
	return v > 0 && v < 0x7FFFFFFF ? (int)v : -1;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = *(const struct span *const *)a;
	const struct span *y = *(const struct span *const *)b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* Read libharu's xref table: the spans of objects 1..size-1. */
static int
read_table(const unsigned char *in, size_t len, struct span **out,
    int *size, size_t *trailer)
{
	const unsigned char *sx = find_last(in, len, "startxref");
	struct span *sp, **order;
	size_t xref, p, i;
	long first, count, k, off;
	char *endp;
	int n;

	if (sx == NULL)
		return -1;
	xref = (size_t)strtoul((const char *)sx + 9, NULL, 10);
	if (xref + 5 > len || memcmp(in + xref, "xref", 4) != 0)
		return -1;
	p = xref + 4;
	while (p < len && is_ws(in[p]))
		p++;
	first = strtol((const char *)in + p, &endp, 10);
	count = strtol(endp, &endp, 10);
	if (first != 0 || count < 1 || count > 8000000)
		return -1;
	p = (size_t)((const unsigned char *)endp - in);
	while (p < len && is_ws(in[p]))
		p++;
	if (p + (size_t)count * 20 > len)
		return -1;
	n = (int)count;
	sp = pv_xcalloc((size_t)n, sizeof(*sp));
	order = pv_xcalloc((size_t)n, sizeof(*order));
	for (k = 0, i = 0; k < count; k++) {
		const unsigned char *e = in + p + (size_t)k * 20;

		sp[k].extra = -1;
		if (e[17] != 'n' || k == 0)
			continue;
		off = strtol((const char *)e, NULL, 10);
		if (off <= 0 || (size_t)off >= xref) {
			free(sp);
			free(order);
			return -1;
		}
		sp[k].used = 1;
		sp[k].off = (size_t)off;
		order[i++] = &sp[k];
	}
	qsort(order, i, sizeof(*order), span_cmp);
	for (k = 0; (size_t)k < i; k++) {
		struct span *s = order[k];
		const unsigned char *o, *eo, *q;

		s->end = (size_t)k + 1 < i ? order[k + 1]->off : xref;
		o = in + s->off;
		/* "N 0 obj" */
		q = memchr(o, 'o', s->end - s->off);
		if (q == NULL || (size_t)(q - in) + 3 > s->end ||
		    memcmp(q, "obj", 3) != 0)
			break;
		s->body = (size_t)(q - in) + 3;
		eo = find_last(o, s->end - s->off, "endobj");
		if (eo == NULL || (size_t)(eo - in) < s->body)
			break;
		s->body_end = (size_t)(eo - in);
		q = eo;
		while (q > in + s->body && is_ws(q[-1]))
			q--;
		s->stream = q - in >= (long)(s->body + 9) &&
		    memcmp(q - 9, "endstream", 9) == 0;
	}
	free(order);
	if ((size_t)k < i) {
		free(sp);
		return -1;
	}
	*out = sp;
	*size = n;
	*trailer = p + (size_t)count * 20;
	return 0;
}

static void
put_u(unsigned char *b, uint64_t v, int bytes)
{
	while (bytes-- > 0) {
		b[bytes] = (unsigned char)(v & 0xFF);
		v >>= 8;
	}
}

static int
deflate_buf(const unsigned char *in, size_t len, struct pv_buf *out)
{
	z_stream z;
	uLong bound = compressBound((uLong)len);
	int r;

	memset(&z, 0, sizeof(z));
	if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return -1;
	pv_buf_reserve(out, bound + 1);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->data + out->len;
	z.avail_out = (uInt)bound;
	r = deflate(&z, Z_FINISH);
	out->len += z.total_out;
	deflateEnd(&z);
	return r == Z_STREAM_END ? 0 : -1;
}

/* Object k's text: libharu's, or what replaces or adds to it. */
static void
obj_text(const unsigned char *in, const struct span *s,
    const struct emit_objs *x, int k, int size, const unsigned char **t,
    size_t *n)
{
	int e = k < size ? s[k].extra : (int)((size_t)(k - size) +
	    x->nreplace);

	if (e >= 0) {
		*t = (const unsigned char *)x->buf.data + x->v[e].at;
		*n = x->v[e].len;
		return;
	}
	*t = in + s[k].body;
	*n = s[k].body_end - s[k].body;
	while (*n > 0 && is_ws(**t)) {
		(*t)++;
		(*n)--;
	}
	while (*n > 0 && is_ws((*t)[*n - 1]))
		(*n)--;
}

/* The trailer's /Root, /Info and /ID (with its zeros, for fill_id). */
static void
put_trailer_keys(struct pv_buf *b, const unsigned char *t, size_t n,
    int root, int info)
{
	const unsigned char *id = find_last(t, n, "/ID"), *e;

	pv_buf_printf(b, "/Root %d 0 R", root);
	if (info > 0)
		pv_buf_printf(b, "/Info %d 0 R", info);
	if (id != NULL && (e = memchr(id, ']', (size_t)(t + n - id))) != NULL)
		pv_buf_put(b, id, (size_t)(e - id) + 1);
}

enum pv_status
emit_pack(struct emit_ctx *c, const unsigned char *in, size_t len,
    const struct emit_objs *x, unsigned char **out, size_t *outlen,
    size_t *id_at)
{
	struct span *s = NULL;
	struct pv_buf b, data, zd;
	uint64_t *off;
	int *stm, *idx;
	int size, total, k, root, info, nstm = 0, i, first_stm;
	size_t trailer, head, j, xoff;
	const unsigned char *t, *body;
	size_t tn;

	if (read_table(in, len, &s, &size, &trailer) != 0) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: libharu's file could "
		    "not be read back to add the structure tree");
		return PV_EINTERNAL;
	}
	for (j = 0; j < x->n; j++) {
		if (x->v[j].num < size)
			s[x->v[j].num].extra = (int)j;
		else if (j < x->nreplace ||
		    x->v[j].num != size + (int)(j - x->nreplace)) {
			free(s);
			emit_fail(c, PV_EINTERNAL, NULL, "PDF: object %d was "
			    "numbered out of order", x->v[j].num);
			return PV_EINTERNAL;
		}
	}
	total = size + (int)(x->n - x->nreplace);
	t = in + trailer;
	tn = len - trailer;
	root = trailer_ref(t, tn, "/Root");
	info = trailer_ref(t, tn, "/Info");
	if (root <= 0 || root >= size) {
		free(s);
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: no /Root in the trailer");
		return PV_EINTERNAL;
	}
	/* The header and its binary comment, as libharu wrote them. */
	for (head = 0, k = 1; k < size; k++)
		if (s[k].used && (head == 0 || s[k].off < head))
			head = s[k].off;
	off = pv_xcalloc((size_t)total + total / PACK_PER_STREAM + 3,
	    sizeof(*off));
	stm = pv_xcalloc((size_t)total + 1, sizeof(*stm));
	idx = pv_xcalloc((size_t)total + 1, sizeof(*idx));
	pv_buf_init(&b);
	pv_buf_init(&data);
	pv_buf_init(&zd);
	pv_buf_put(&b, in, head);
	/* Streams as they are; with compression the rest goes to object
	 * streams after them, else plainly, in number order. */
	for (k = 1; k < total; k++) {
		if (k < size && !s[k].used)
			continue;
		if (k < size && s[k].stream && s[k].extra < 0) {
			off[k] = b.len;
			pv_buf_put(&b, in + s[k].off, s[k].end - s[k].off);
			continue;
		}
		if (c->opt->compress) {
			stm[k] = -1;	/* to pack */
			continue;
		}
		obj_text(in, s, x, k, size, &body, &tn);
		off[k] = b.len;
		pv_buf_printf(&b, "%d 0 obj\n", k);
		pv_buf_put(&b, body, tn);
		pv_buf_puts(&b, "\nendobj\n");
	}
	first_stm = total;
	for (k = 1; c->opt->compress && k < total;) {
		int num = first_stm + nstm, members[PACK_PER_STREAM], m = 0;
		size_t rel[PACK_PER_STREAM];
		struct pv_buf hdr;

		pv_buf_clear(&data);
		for (; k < total && m < PACK_PER_STREAM; k++) {
			if (stm[k] != -1)
				continue;
			obj_text(in, s, x, k, size, &body, &tn);
			rel[m] = data.len;
			members[m++] = k;
			pv_buf_put(&data, body, tn);
			pv_buf_putc(&data, '\n');
		}
		if (m == 0)
			break;
		pv_buf_init(&hdr);
		for (i = 0; i < m; i++) {
			stm[members[i]] = num;
			idx[members[i]] = i;
			pv_buf_printf(&hdr, "%d %zu ", members[i], rel[i]);
		}
		pv_buf_clear(&zd);
		pv_buf_put(&hdr, data.data, data.len);
		if (deflate_buf((const unsigned char *)hdr.data, hdr.len,
		    &zd) != 0) {
			pv_buf_free(&hdr);
			break;
		}
		off[num] = b.len;
		pv_buf_printf(&b, "%d 0 obj\n<< /Type /ObjStm /N %d /First %zu "
		    "/Filter /FlateDecode /Length %zu >>\nstream\n", num, m,
		    hdr.len - data.len, zd.len);
		pv_buf_put(&b, zd.data, zd.len);
		pv_buf_puts(&b, "\nendstream\nendobj\n");
		pv_buf_free(&hdr);
		nstm++;
	}
	for (k = 1; k < total; k++)
		if (stm[k] == -1) {
			free(off);
			free(stm);
			free(idx);
			free(s);
			pv_buf_free(&b);
			pv_buf_free(&data);
			pv_buf_free(&zd);
			emit_fail(c, PV_EINTERNAL, NULL, "PDF: zlib could not "
			    "compress an object stream");
			return PV_EINTERNAL;
		}
	xoff = b.len;
	*id_at = 0;
	if (c->opt->compress) {
		/* The cross-reference stream, the last object. */
		int xnum = first_stm + nstm, n = xnum + 1;
		unsigned char *e;

		pv_buf_clear(&data);
		pv_buf_reserve(&data, (size_t)n * 8);
		for (k = 0; k < n; k++) {
			e = (unsigned char *)data.data + data.len + 1;
			memset(e - 1, 0, 8);
			if (k == 0) {
				put_u(e + 5, 65535, 2);
			} else if (k < total && stm[k] > 0) {
				e[0] = 2;
				put_u(e + 1, (uint64_t)stm[k], 4);
				put_u(e + 5, (uint64_t)idx[k], 2);
			} else if (k == xnum || off[k] > 0) {
				e[0] = 1;
				put_u(e + 1, k == xnum ? xoff : off[k], 4);
			}
			data.len += 8;
		}
		/* PNG "up" prediction, row by row from the last: entries
		 * that follow on (the same object stream, the next index)
		 * become runs of zeros, which deflate to almost nothing. */
		for (k = n - 1; k >= 0; k--) {
			e = (unsigned char *)data.data + (size_t)k * 8;
			e[0] = 2;
			for (i = 1; k > 0 && i < 8; i++)
				e[i] = (unsigned char)(e[i] - e[i - 8]);
		}
		pv_buf_clear(&zd);
		if (deflate_buf((const unsigned char *)data.data, data.len,
		    &zd) == 0) {
			pv_buf_printf(&b, "%d 0 obj\n<< /Type /XRef /Size %d "
			    "/W [1 4 2] ", xnum, n);
			*id_at = b.len;
			put_trailer_keys(&b, t, len - trailer, root, info);
			pv_buf_printf(&b, " /Filter /FlateDecode /DecodeParms "
			    "<< /Columns 7 /Predictor 12 >> /Length %zu >>\n"
			    "stream\n", zd.len);
			pv_buf_put(&b, zd.data, zd.len);
			pv_buf_puts(&b, "\nendstream\nendobj\n");
		}
	} else {
		pv_buf_printf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", total);
		for (k = 1; k < total; k++)
			pv_buf_printf(&b, "%010llu 00000 %c\r\n",
			    (unsigned long long)off[k], off[k] ? 'n' : 'f');
		pv_buf_printf(&b, "trailer\n<< /Size %d ", total);
		*id_at = b.len;
		put_trailer_keys(&b, t, len - trailer, root, info);
		pv_buf_puts(&b, " >>\n");
	}
	pv_buf_printf(&b, "startxref\n%zu\n%%%%EOF\n", xoff);
	free(off);
	free(stm);
	free(idx);
	free(s);
	pv_buf_free(&data);
	pv_buf_free(&zd);
	if (xoff > 0xFFFFFFFFu) {
		pv_buf_free(&b);
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: over 4 GB");
		return PV_EINTERNAL;
	}
	*outlen = b.len;
	*out = (unsigned char *)pv_buf_take(&b);
	return PV_OK;
}
