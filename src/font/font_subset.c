/*
 * font_subset.c - a TrueType font program with only the glyphs a
 * document shows, for embedding.
 *
 * Glyph ids stay as they are (the PDF maps codes to glyph ids with the
 * font's own numbering), so the subset keeps every glyph slot: a glyph
 * not kept has an empty outline and zero metrics, which costs four bytes
 * in loca and hmtx and compresses to nothing.  Kept are the tables a PDF
 * reader needs to draw a TrueType font (head, hhea, maxp, hmtx, loca,
 * glyf, and the hinting tables cvt, fpgm, prep) and a post table of
 * format 3 (no glyph names); cmap, name, OS/2, kern and the layout
 * tables are left out, as the PDF says what every code is.  Composite
 * glyphs bring the glyphs they are built from (å is a and a ring).
 *
 * The face was checked when it was loaded, every composite glyph's
 * component records with it (font_ttf.c: check_composites), so every
 * component is followed here; the reads are bounded again all the same,
 * as a last line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "font_int.h"

struct subset {
	const struct font_face *f;
	struct rd loca, glyf;
	int long_loca;
	uint8_t *keep;          /* one byte per glyph */
};

/* The bytes of glyph g in glyf: [*off, *off + *len). */
static int
glyph_range(struct subset *s, uint16_t g, size_t *off, size_t *len)
{
	size_t a, b;

	s->loca.bad = 0;
	if (s->long_loca) {
		a = rd32(&s->loca, 4 * (size_t)g);
		b = rd32(&s->loca, 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)rd16(&s->loca, 2 * (size_t)g);
		b = 2 * (size_t)rd16(&s->loca, 2 * (size_t)g + 2);
	}
	if (s->loca.bad || b < a || b > s->glyf.len)
		return 0;
	*off = a;
	*len = b - a;
	return 1;
}

/* Mark g and, for a composite glyph, its components (depth-first,
 * bounded by the glyph count: each glyph is entered once). */
static void
keep_glyph(struct subset *s, uint16_t g, int depth)
{
	struct rd gl;
	size_t off, len, p;
	uint16_t flags, comp;
	int n;

	if (g >= s->f->nglyphs || s->keep[g] ||
	    depth > FONT_MAX_COMPOSITE_DEPTH)
		return;
	s->keep[g] = 1;
	if (!glyph_range(s, g, &off, &len) || len < 10)
		return;
	gl.p = s->glyf.p + off;
	gl.len = len;
	gl.bad = 0;
	if (rds16(&gl, 0) >= 0)
		return;
	p = 10;
	for (n = 0; n < FONT_MAX_COMPONENTS; n++) {
		flags = rd16(&gl, p);
		comp = rd16(&gl, p + 2);
		if (gl.bad)
			return;
		keep_glyph(s, comp, depth + 1);
		p += glyf_record_size(flags);
		if (!(flags & GLYF_MORE_COMPONENTS))
			return;
	}
}

static void
put16(struct pv_buf *b, uint32_t v)
{
	unsigned char c[2];

	c[0] = (unsigned char)(v >> 8);
	c[1] = (unsigned char)v;
	pv_buf_put(b, c, 2);
}

static void
put32(struct pv_buf *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xFFFF);
}

static void
set16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
set32(unsigned char *p, uint32_t v)
{
	set16(p, v >> 16);
	set16(p + 2, v & 0xFFFF);
}

static uint32_t
checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= n; i += 4)
		sum += (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
		    (uint32_t)p[i + 2] << 8 | p[i + 3];
	if (i < n) {
		unsigned char last[4] = { 0, 0, 0, 0 };

		memcpy(last, p + i, n - i);
		sum += (uint32_t)last[0] << 24 | (uint32_t)last[1] << 16 |
		    (uint32_t)last[2] << 8 | last[3];
	}
	return sum;
}

struct out_table {
	char tag[5];
	struct pv_buf data;
};

/* Copy a table of the face as it is; 0 if it is absent. */
static int
copy_table(const struct font_face *f, const char *tag, struct pv_buf *b)
{
	size_t off, len;

	if (!ttf_find_table(f, tag, &off, &len))
		return 0;
	pv_buf_put(b, f->data + off, len);
	if (b->data == NULL)
		pv_buf_puts(b, "");
	return 1;
}

unsigned char *
font_subset(const struct fontset *fs, int face, const uint16_t *glyphs,
    size_t n, size_t *lenp)
{
	static const char *const copied[] = { "cvt ", "fpgm", "prep" };
	const struct font_face *f;
	struct out_table t[10];
	struct subset s;
	struct pv_buf out;
	struct rd hmtx, hhea;
	size_t nt = 0, i, off, len, pos, head = SIZE_MAX;
	uint16_t nhm, g;
	uint32_t adv = 0, total;

	*lenp = 0;
	if (fs == NULL || face < 0 || (size_t)face >= fs->nfaces)
		return NULL;
	f = fs->faces[face];
	memset(&s, 0, sizeof(s));
	s.f = f;
	if (!ttf_find_table(f, "loca", &off, &len))
		return NULL;
	s.loca.p = f->data + off;
	s.loca.len = len;
	if (!ttf_find_table(f, "glyf", &off, &len))
		return NULL;
	s.glyf.p = f->data + off;
	s.glyf.len = len;
	if (!ttf_find_table(f, "head", &off, &len) || len < 54)
		return NULL;
	s.long_loca = f->data[off + 50] == 0 && f->data[off + 51] == 1;
	if (!ttf_find_table(f, "hhea", &off, &len) || len < 36)
		return NULL;
	hhea.p = f->data + off;
	hhea.len = len;
	hhea.bad = 0;
	nhm = rd16(&hhea, 34);
	if (!ttf_find_table(f, "hmtx", &off, &len))
		return NULL;
	hmtx.p = f->data + off;
	hmtx.len = len;
	hmtx.bad = 0;

	s.keep = pv_xcalloc(f->nglyphs, 1);
	keep_glyph(&s, 0, 0);           /* .notdef is always there */
	for (i = 0; i < n; i++)
		keep_glyph(&s, glyphs[i], 0);

	memset(t, 0, sizeof(t));
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		pv_buf_init(&t[i].data);

	/* glyf and loca (long offsets, each glyph padded to 4 bytes). */
	memcpy(t[nt].tag, "glyf", 4);
	memcpy(t[nt + 1].tag, "loca", 4);
	for (g = 0, pos = 0;; g++) {
		put32(&t[nt + 1].data, (uint32_t)pos);
		if (g == f->nglyphs)
			break;
		if (s.keep[g] && glyph_range(&s, g, &off, &len) && len > 0) {
			pv_buf_put(&t[nt].data, s.glyf.p + off, len);
			while (t[nt].data.len % 4 != 0)
				pv_buf_putc(&t[nt].data, 0);
			pos = t[nt].data.len;
		}
	}
	if (t[nt].data.data == NULL)
		pv_buf_puts(&t[nt].data, "");
	nt += 2;

	/* hmtx: a full metric for every glyph, zero for those left out. */
	memcpy(t[nt].tag, "hmtx", 4);
	for (g = 0; g < f->nglyphs; g++) {
		uint32_t lsb;

		if (g < nhm)
			adv = rd16(&hmtx, 4 * (size_t)g);
		lsb = g < nhm ? rd16(&hmtx, 4 * (size_t)g + 2) :
		    rd16(&hmtx, 4 * (size_t)nhm + 2 * (size_t)(g - nhm));
		put16(&t[nt].data, s.keep[g] ? adv : 0);
		put16(&t[nt].data, s.keep[g] ? lsb : 0);
	}
	nt++;

	/* hhea with numberOfHMetrics = numGlyphs; head with long loca. */
	memcpy(t[nt].tag, "hhea", 4);
	copy_table(f, "hhea", &t[nt].data);
	set16((unsigned char *)t[nt].data.data + 34, f->nglyphs);
	nt++;
	memcpy(t[nt].tag, "head", 4);
	copy_table(f, "head", &t[nt].data);
	set32((unsigned char *)t[nt].data.data + 8, 0);
	set16((unsigned char *)t[nt].data.data + 50, 1);
	nt++;
	memcpy(t[nt].tag, "maxp", 4);
	if (!copy_table(f, "maxp", &t[nt].data))
		goto fail;
	nt++;
	for (i = 0; i < sizeof(copied) / sizeof(copied[0]); i++) {
		memcpy(t[nt].tag, copied[i], 4);
		if (copy_table(f, copied[i], &t[nt].data))
			nt++;
		else
			pv_buf_clear(&t[nt].data);
	}
	/* post 3.0: the first 32 bytes of the original, without names. */
	memcpy(t[nt].tag, "post", 4);
	{
		unsigned char post[32];

		memset(post, 0, sizeof(post));
		if (ttf_find_table(f, "post", &off, &len) && len >= 32)
			memcpy(post, f->data + off, 32);
		set32(post, 0x00030000);
		pv_buf_put(&t[nt].data, post, 32);
	}
	nt++;

	/* Tables in tag order, as the directory must be. */
	for (i = 1; i < nt; i++) {
		size_t k = i;

		while (k > 0 && memcmp(t[k - 1].tag, t[k].tag, 4) > 0) {
			struct out_table tmp = t[k];

			t[k] = t[k - 1];
			t[k - 1] = tmp;
			k--;
		}
	}
	pv_buf_init(&out);
	{
		uint32_t sr = 1, es = 0;

		while (sr * 2 <= nt) {
			sr *= 2;
			es++;
		}
		put32(&out, 0x00010000);
		put16(&out, (uint32_t)nt);
		put16(&out, sr * 16);
		put16(&out, es);
		put16(&out, (uint32_t)(nt * 16 - sr * 16));
	}
	pos = 12 + 16 * nt;
	for (i = 0; i < nt; i++) {
		put32(&out, (uint32_t)(unsigned char)t[i].tag[0] << 24 |
		    (uint32_t)(unsigned char)t[i].tag[1] << 16 |
		    (uint32_t)(unsigned char)t[i].tag[2] << 8 |
		    (unsigned char)t[i].tag[3]);
		put32(&out, checksum((unsigned char *)t[i].data.data,
		    t[i].data.len));
		put32(&out, (uint32_t)pos);
		put32(&out, (uint32_t)t[i].data.len);
		pos += (t[i].data.len + 3) & ~(size_t)3;
	}
	for (i = 0; i < nt; i++) {
		if (memcmp(t[i].tag, "head", 4) == 0)
			head = out.len;
		pv_buf_put(&out, t[i].data.data, t[i].data.len);
		while (out.len % 4 != 0)
			pv_buf_putc(&out, 0);
	}
	/* The whole file sums to 0xB1B0AFBA, through head's adjustment. */
	total = checksum((unsigned char *)out.data, out.len);
	if (head != SIZE_MAX)
		set32((unsigned char *)out.data + head + 8,
		    0xB1B0AFBAu - total);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		pv_buf_free(&t[i].data);
	free(s.keep);
	*lenp = out.len;
	return (unsigned char *)pv_buf_take(&out);
fail:
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		pv_buf_free(&t[i].data);
	free(s.keep);
	return NULL;
}
