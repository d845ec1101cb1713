/*
 * emit_png.c - checking a PNG completely before libharu reads it.
 *
 * libharu 2.3.0 hands PNG files to libpng with an error function that
 * returns, and sets no jump buffer; libpng's rule is that an error
 * function must not return, so on any error libpng calls abort().  A
 * damaged PNG in a user's plan would kill the whole run.  So every PNG is
 * checked here first, for everything on which libpng stops with an error:
 * the signature, every chunk's length, type and CRC, the IHDR fields, the
 * palette rules, and the image data itself, inflated (our own small
 * inflate; we link no zlib) and checked for its zlib header, Adler-32,
 * filter bytes and length.  What passes here, libpng reads.  Interlaced
 * PNGs are refused here too: libharu 2.3.0 cannot embed them.
 *
 * The inflate follows RFC 1950/1951 directly: canonical Huffman codes
 * decoded a bit at a time, a 32 KiB window for back-references.  It is
 * slower than zlib and needs to be: it only checks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "emit_int.h"

#define PNG_MAX_SIDE EMIT_MAX_IMAGE_SIDE
#define PNG_MAX_PIXELS EMIT_MAX_IMAGE_PIXELS

struct huff {
	uint16_t count[16];     /* codes of each length */
	uint16_t sym[320];      /* symbols by code */
};

struct inflate {
	const unsigned char *in;
	size_t len, pos;
	uint32_t bits;
	int nbits;
	int err;                /* 1: ran out of input or bad data */
	unsigned char win[32768];
	uint64_t out;           /* bytes produced */
	uint32_t a1, a2;        /* Adler-32 */
	/* What the output must look like: rows of a filter byte (0..4)
	 * and rowbytes bytes of pixels. */
	uint64_t expect;        /* total bytes of all rows */
	uint64_t row_next;      /* offset of the next filter byte */
	uint32_t rowbytes;
	int bad_filter;
};

static int
getbit(struct inflate *s)
{
	int b;

	if (s->nbits == 0) {
		if (s->pos >= s->len) {
			s->err = 1;
			return 0;
		}
		s->bits = s->in[s->pos++];
		s->nbits = 8;
	}
	b = s->bits & 1;
	s->bits >>= 1;
	s->nbits--;
	return b;
}

static uint32_t
getbits(struct inflate *s, int n)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v |= (uint32_t)getbit(s) << i;
	return v;
}

static void
put(struct inflate *s, unsigned char c)
{
	s->win[s->out & 32767] = c;
	if (s->out == s->row_next && s->out < s->expect) {
		if (c > 4)
			s->bad_filter = 1;
		s->row_next += (uint64_t)s->rowbytes + 1;
	}
	s->out++;
	s->a1 = (s->a1 + c) % 65521;
	s->a2 = (s->a2 + s->a1) % 65521;
}

/* Build a canonical code from code lengths; -1 if over-subscribed. */
static int
build(struct huff *h, const unsigned char *lens, int n)
{
	uint16_t offs[16];
	int i, left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++)
		h->count[lens[i]]++;
	if (h->count[0] == n)
		return 0;
	for (i = 1; i < 16; i++) {
		left <<= 1;
		left -= h->count[i];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (i = 1; i < 15; i++)
		offs[i + 1] = (uint16_t)(offs[i] + h->count[i]);
	for (i = 0; i < n; i++)
		if (lens[i] != 0)
			h->sym[offs[lens[i]]++] = (uint16_t)i;
	return left;
}

static int
decode(struct inflate *s, const struct huff *h)
{
	int code = 0, first = 0, index = 0, len, count;

	for (len = 1; len < 16; len++) {
		code |= getbit(s);
		count = h->count[len];
		if (code - count < first)
			return h->sym[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
		if (s->err)
			return -1;
	}
	return -1;
}

static const uint16_t len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const uint8_t len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const uint16_t dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
};
static const uint8_t dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};

static int
codes(struct inflate *s, const struct huff *lit, const struct huff *dist,
    uint64_t limit)
{
	int sym;
	uint32_t len, d;

	for (;;) {
		if ((sym = decode(s, lit)) < 0 || s->err)
			return -1;
		if (sym < 256) {
			put(s, (unsigned char)sym);
		} else if (sym == 256) {
			return 0;
		} else {
			sym -= 257;
			if (sym >= 29)
				return -1;
			len = len_base[sym] + getbits(s, len_extra[sym]);
			if ((sym = decode(s, dist)) < 0 || sym >= 30)
				return -1;
			d = dist_base[sym] + getbits(s, dist_extra[sym]);
			if (s->err || d > s->out || d > 32768)
				return -1;
			while (len-- > 0)
				put(s, s->win[(s->out - d) & 32767]);
		}
		if (s->out > limit)
			return -1;
	}
}

static int
fixed_block(struct inflate *s, uint64_t limit)
{
	unsigned char lens[320];
	struct huff lit, dist;
	int i;

	for (i = 0; i < 144; i++)
		lens[i] = 8;
	for (; i < 256; i++)
		lens[i] = 9;
	for (; i < 280; i++)
		lens[i] = 7;
	for (; i < 288; i++)
		lens[i] = 8;
	build(&lit, lens, 288);
	for (i = 0; i < 30; i++)
		lens[i] = 5;
	build(&dist, lens, 30);
	return codes(s, &lit, &dist, limit);
}

static int
dynamic_block(struct inflate *s, uint64_t limit)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
	};
	unsigned char lens[320];
	struct huff lit, dist, lc;
	int nlen, ndist, ncode, i, sym, rep, err;
	unsigned char prev;

	nlen = (int)getbits(s, 5) + 257;
	ndist = (int)getbits(s, 5) + 1;
	ncode = (int)getbits(s, 4) + 4;
	if (s->err || nlen > 286 || ndist > 30)
		return -1;
	memset(lens, 0, sizeof(lens));
	for (i = 0; i < ncode; i++)
		lens[order[i]] = (unsigned char)getbits(s, 3);
	if (s->err || build(&lc, lens, 19) != 0)
		return -1;
	i = 0;
	while (i < nlen + ndist) {
		if ((sym = decode(s, &lc)) < 0 || s->err)
			return -1;
		if (sym < 16) {
			lens[i++] = (unsigned char)sym;
			continue;
		}
		prev = 0;
		if (sym == 16) {
			if (i == 0)
				return -1;
			prev = lens[i - 1];
			rep = 3 + (int)getbits(s, 2);
		} else if (sym == 17) {
			rep = 3 + (int)getbits(s, 3);
		} else {
			rep = 11 + (int)getbits(s, 7);
		}
		if (s->err || i + rep > nlen + ndist)
			return -1;
		while (rep-- > 0)
			lens[i++] = prev;
	}
	if (lens[256] == 0)
		return -1;
	/* An incomplete code is allowed only for a single code. */
	err = build(&lit, lens, nlen);
	if (err < 0 || (err > 0 && nlen - lit.count[0] != 1))
		return -1;
	err = build(&dist, lens + nlen, ndist);
	if (err < 0 || (err > 0 && ndist - dist.count[0] != 1))
		return -1;
	return codes(s, &lit, &dist, limit);
}

static int
stored_block(struct inflate *s, uint64_t limit)
{
	uint32_t n, nn;

	s->nbits = 0;   /* to a byte boundary */
	if (s->len - s->pos < 4)
		return -1;
	n = s->in[s->pos] | (uint32_t)s->in[s->pos + 1] << 8;
	nn = s->in[s->pos + 2] | (uint32_t)s->in[s->pos + 3] << 8;
	s->pos += 4;
	if (n != (~nn & 0xFFFF) || s->len - s->pos < n)
		return -1;
	while (n-- > 0) {
		put(s, s->in[s->pos++]);
		if (s->out > limit)
			return -1;
	}
	return 0;
}

/* Inflate a zlib stream; 0 when complete and correct. */
static int
inflate_check(struct inflate *s, uint64_t limit)
{
	int last, type, r;
	uint32_t adler;

	if (s->len < 6)
		return -1;
	/* CM 8 (deflate), window <= 32K, no preset dictionary, check ok. */
	if ((s->in[0] & 0x0F) != 8 || (s->in[0] >> 4) > 7 ||
	    (s->in[1] & 0x20) || ((s->in[0] << 8) | s->in[1]) % 31 != 0)
		return -1;
	s->pos = 2;
	s->a1 = 1;
	s->a2 = 0;
	do {
		last = getbit(s);
		type = (int)getbits(s, 2);
		if (s->err)
			return -1;
		if (type == 0)
			r = stored_block(s, limit);
		else if (type == 1)
			r = fixed_block(s, limit);
		else if (type == 2)
			r = dynamic_block(s, limit);
		else
			r = -1;
		if (r != 0 || s->err)
			return -1;
	} while (!last);
	if (s->len - s->pos < 4)
		return -1;
	adler = (uint32_t)s->in[s->pos] << 24 |
	    (uint32_t)s->in[s->pos + 1] << 16 |
	    (uint32_t)s->in[s->pos + 2] << 8 | s->in[s->pos + 3];
	return adler == (s->a2 << 16 | s->a1) ? 0 : -1;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
crc32_table(uint32_t *table)
{
	uint32_t k, v;
	int b;

	for (k = 0; k < 256; k++) {
		v = k;
		for (b = 0; b < 8; b++)
			v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
		table[k] = v;
	}
}

static uint32_t
crc32_of(const uint32_t *table, const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;

	for (i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

/* Valid bit depths per colour type, as the PNG specification lists. */
static int
depth_ok(int type, int depth)
{
	switch (type) {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
		    depth == 16;
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8;
	case 2:
	case 4:
	case 6:
		return depth == 8 || depth == 16;
	default:
		return 0;
	}
}

#define WHY(...) do { snprintf(why, whylen, __VA_ARGS__); goto bad; } \
	while (0)

enum pv_status
emit_check_png(const unsigned char *p, size_t n, char *why, size_t whylen)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
	};
	uint32_t crc[256];
	struct inflate *s = NULL;
	unsigned char *idat = NULL;
	size_t off = 8, idat_len = 0, k;
	uint32_t len, w = 0, h = 0, nplte = 0;
	int type = -1, depth = 0, interlace = 0, seen_idat = 0, idat_done = 0;
	int seen_plte = 0, seen_trns = 0, seen_iend = 0, channels;
	uint64_t expect;

	crc32_table(crc);
	if (n < 8 || memcmp(p, sig, 8) != 0)
		WHY("not a PNG file (the signature is missing)");
	while (!seen_iend) {
		const unsigned char *c;

		if (n - off < 12)
			WHY("the file ends inside a chunk (truncated?)");
		len = be32(p + off);
		c = p + off + 4;
		if (len > 0x7FFFFFFFu || n - off - 12 < len)
			WHY("a chunk runs past the end of the file "
			    "(truncated?)");
		for (k = 0; k < 4; k++)
			if (!((c[k] >= 'A' && c[k] <= 'Z') ||
			    (c[k] >= 'a' && c[k] <= 'z')))
				WHY("a chunk has an invalid type");
		if (crc32_of(crc, c, len + 4) != be32(c + 4 + len))
			WHY("chunk %.4s has a wrong CRC (damaged file)", c);
		if (off == 8 && memcmp(c, "IHDR", 4) != 0)
			WHY("the first chunk is not IHDR");
		if (memcmp(c, "IHDR", 4) == 0) {
			if (off != 8 || len != 13)
				WHY("a misplaced or malformed IHDR chunk");
			w = be32(c + 4);
			h = be32(c + 8);
			depth = c[12];
			type = c[13];
			interlace = c[16];
			if (w == 0 || h == 0 || w > PNG_MAX_SIDE ||
			    h > PNG_MAX_SIDE ||
			    (uint64_t)w * h > PNG_MAX_PIXELS)
				WHY("image size %ux%u is zero or larger than "
				    "%d pixels a side / %u pixels in all",
				    (unsigned)w, (unsigned)h, PNG_MAX_SIDE,
				    PNG_MAX_PIXELS);
			if (!depth_ok(type, depth))
				WHY("colour type %d with bit depth %d is not "
				    "valid PNG", type, depth);
			if (c[14] != 0 || c[15] != 0 || interlace > 1)
				WHY("unknown compression, filter or "
				    "interlace method");
			/* libharu 2.3.0 refuses every interlaced PNG. */
			if (interlace)
				WHY("an interlaced PNG cannot be embedded; "
				    "save it without interlacing");
		} else if (memcmp(c, "PLTE", 4) == 0) {
			if (seen_plte || seen_idat || len % 3 != 0 ||
			    len == 0 || len / 3 > 256 ||
			    type == 0 || type == 4)
				WHY("a misplaced or malformed PLTE chunk");
			if (type == 3 && len / 3 > (1u << depth))
				WHY("the palette is larger than the bit "
				    "depth allows");
			nplte = len / 3;
			seen_plte = 1;
		} else if (memcmp(c, "tRNS", 4) == 0) {
			if (seen_idat || seen_trns || type == 4 || type == 6 ||
			    (type == 3 && (!seen_plte || len > nplte)) ||
			    (type == 0 && len != 2) || (type == 2 && len != 6))
				WHY("a misplaced or malformed tRNS chunk");
			seen_trns = 1;
		} else if (memcmp(c, "IDAT", 4) == 0) {
			if (idat_done)
				WHY("IDAT chunks are not consecutive");
			if (type == 3 && !seen_plte)
				WHY("a palette image without a palette");
			seen_idat = 1;
		} else if (memcmp(c, "IEND", 4) == 0) {
			seen_iend = 1;
		} else if (!(c[0] & 0x20)) {
			WHY("unknown critical chunk %.4s", c);
		}
		if (seen_idat && memcmp(c, "IDAT", 4) != 0)
			idat_done = 1;
		off += 12 + (size_t)len;
	}
	if (!seen_idat)
		WHY("no image data (IDAT)");
	/* libharu reads a palette image with transparency a byte per pixel
	 * whatever the bit depth, reading past its rows. */
	if (type == 3 && seen_trns && depth < 8)
		WHY("a palette image with transparency must have 8 bits per "
		    "pixel (re-save it as 8-bit or RGBA)");

	/* Join the IDAT data and inflate it. */
	off = 8;
	for (;;) {
		len = be32(p + off);
		if (memcmp(p + off + 4, "IDAT", 4) == 0)
			idat_len += len;
		if (memcmp(p + off + 4, "IEND", 4) == 0)
			break;
		off += 12 + (size_t)len;
	}
	idat = pv_xmalloc(idat_len);
	s = pv_xcalloc(1, sizeof(*s));
	idat_len = 0;
	for (off = 8;;) {
		len = be32(p + off);
		if (memcmp(p + off + 4, "IDAT", 4) == 0) {
			memcpy(idat + idat_len, p + off + 8, len);
			idat_len += len;
		}
		if (memcmp(p + off + 4, "IEND", 4) == 0)
			break;
		off += 12 + (size_t)len;
	}
	channels = type == 2 ? 3 : type == 4 ? 2 : type == 6 ? 4 : 1;
	s->in = idat;
	s->len = idat_len;
	s->rowbytes = (uint32_t)(((uint64_t)w * channels * depth + 7) / 8);
	expect = (uint64_t)h * ((uint64_t)s->rowbytes + 1);
	s->expect = expect;
	/* Extra data after the image libpng only warns about; bound it. */
	if (inflate_check(s, expect + 65536) != 0)
		WHY("the compressed image data is damaged");
	if (s->out < expect)
		WHY("the image data is shorter than the image");
	if (s->bad_filter)
		WHY("the image data has an invalid row filter");
	free(idat);
	free(s);
	return PV_OK;
bad:
	free(idat);
	free(s);
	return PV_EINPUT;
}
