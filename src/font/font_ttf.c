/*
 * font_ttf.c - our own small TrueType reader: metrics and the cmap.
 *
 * A font file is input like any other: a user drops files into fonts/,
 * and a truncated download or a renamed .otf must give an error naming
 * the file, never a crash.  So every read goes through rd16/rd32, which
 * check the offset against the table and the table against the file and
 * raise a sticky flag instead of reading outside; each table is checked
 * for the flag once it has been read.  Only what layout and emit need is
 * read: head, hhea, maxp, hmtx, cmap, OS/2, name, and glyf/loca must be
 * there (libharu embeds glyf outlines; CFF fonts it cannot embed).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "font_int.h"

/*
 * Font units to thousandths of an em, truncated toward zero as libharu
 * does for the /W widths it writes: what layout measures is then exactly
 * what a PDF reader advances.
 */
static int32_t
to_milli(int32_t v, int upem)
{
	return (int32_t)((int64_t)v * 1000 / upem);
}

struct table {
	size_t off, len;
	int found;
};

enum {
	T_HEAD, T_HHEA, T_MAXP, T_HMTX, T_CMAP, T_OS2, T_NAME, T_GLYF, T_LOCA,
	T_COUNT
};

static const char *const tag_names[T_COUNT] = {
	"head", "hhea", "maxp", "hmtx", "cmap", "OS/2", "name", "glyf", "loca",
};

static enum pv_status
fail(struct font_face *f, struct pv_diags *d, const char *what)
{
	pv_diag(d, PV_ERROR, f->path, 0, 0,
	    "not a usable TrueType font: %s", what);
	return PV_EINPUT;
}

/* Whether the table directory lists a table. */
static int
ttf_has_tag(struct rd *file, uint16_t ntables, uint32_t tag)
{
	size_t i;

	for (i = 0; i < ntables; i++)
		if (rd32(file, 12 + 16 * i) == tag && !file->bad)
			return 1;
	return 0;
}

static enum pv_status
read_directory(struct font_face *f, struct rd *file, struct table *t,
    struct pv_diags *d)
{
	uint32_t version, tag, off, len;
	uint16_t ntables;
	size_t i, k;

	version = rd32(file, 0);
	if (file->bad)
		return fail(f, d, "the file is too short for a font");
	/* 'OTTO': OpenType with CFF outlines, embedded as they are
	 * (FontFile3 /OpenType, emit_font.c). */
	f->cff = version == 0x4F54544F;
	if (version == 0x74746366)      /* 'ttcf' */
		return fail(f, d, "it is a font collection (.ttc); use a "
		    "single TrueType (.ttf) file");
	if (version != 0x00010000 && version != 0x74727565 && /* 'true' */
	    !f->cff)
		return fail(f, d, "the file does not start like a font "
		    "(is it a font file at all?)");
	ntables = rd16(file, 4);
	memset(t, 0, sizeof(*t) * T_COUNT);
	for (i = 0; i < ntables; i++) {
		tag = rd32(file, 12 + 16 * i);
		off = rd32(file, 12 + 16 * i + 8);
		len = rd32(file, 12 + 16 * i + 12);
		if (file->bad)
			return fail(f, d, "the table directory is cut off "
			    "(a truncated file?)");
		for (k = 0; k < T_COUNT; k++) {
			const char *n = tag_names[k];
			uint32_t want = (uint32_t)(unsigned char)n[0] << 24 |
			    (uint32_t)(unsigned char)n[1] << 16 |
			    (uint32_t)(unsigned char)n[2] << 8 |
			    (unsigned char)n[3];

			if (tag != want || t[k].found)
				continue;
			if (off > file->len || len > file->len - off) {
				pv_diag(d, PV_ERROR, f->path, 0, 0,
				    "damaged font: table '%s' runs past the "
				    "end of the file (a truncated file?)", n);
				return PV_EINPUT;
			}
			t[k].off = off;
			t[k].len = len;
			t[k].found = 1;
		}
		/* The hinting tables go into the PDF as they are. */
		if ((tag == 0x63767420 || tag == 0x6670676D ||
		    tag == 0x70726570) &&       /* 'cvt ' 'fpgm' 'prep' */
		    (off > file->len || len > file->len - off)) {
			pv_diag(d, PV_ERROR, f->path, 0, 0,
			    "damaged font: table '%c%c%c%c' runs past the end "
			    "of the file (a truncated file?)", (char)(tag >> 24),
			    (char)(tag >> 16), (char)(tag >> 8), (char)tag);
			return PV_EINPUT;
		}
	}
	if (!f->cff && !t[T_GLYF].found && !t[T_LOCA].found)
		return fail(f, d, "it has no TrueType outlines (glyf) and "
		    "is no OpenType font with CFF outlines either");
	if (f->cff && !ttf_has_tag(file, ntables, 0x43464620)) /* 'CFF ' */
		return fail(f, d, "an OpenType (OTTO) font without a 'CFF ' "
		    "table (CFF2 variable fonts are not supported)");
	for (k = 0; k < T_COUNT; k++) {
		if (k == T_OS2 || k == T_NAME ||
		    (f->cff && (k == T_GLYF || k == T_LOCA)))
			continue;
		if (!t[k].found) {
			pv_diag(d, PV_ERROR, f->path, 0, 0,
			    "not a usable TrueType font: it has no '%s' table",
			    tag_names[k]);
			return PV_EINPUT;
		}
	}
	return PV_OK;
}

/* Glyph of c in a format 4 subtable; 0 when unmapped or malformed. */
static uint16_t
cmap4_lookup(struct rd *s, uint32_t c)
{
	size_t segx2, lo, hi, mid, seg;
	uint16_t end, start, ro, g;
	int16_t delta;

	if (c > 0xFFFF)
		return 0;
	segx2 = rd16(s, 6) & ~1u;
	if (segx2 == 0)
		return 0;
	/* Binary search for the first segment whose end is >= c. */
	lo = 0;
	hi = segx2 / 2;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (rd16(s, 14 + 2 * mid) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= segx2 / 2 || s->bad)
		return 0;
	seg = lo;
	end = rd16(s, 14 + 2 * seg);
	start = rd16(s, 16 + segx2 + 2 * seg);
	delta = rds16(s, 16 + 2 * segx2 + 2 * seg);
	ro = rd16(s, 16 + 3 * segx2 + 2 * seg);
	if (s->bad || c < start || c > end)
		return 0;
	if (ro == 0)
		return (uint16_t)((c + (uint32_t)(uint16_t)delta) & 0xFFFF);
	g = rd16(s, 16 + 3 * segx2 + 2 * seg + ro + 2 * (c - start));
	if (s->bad || g == 0)
		return 0;
	return (uint16_t)((g + (uint32_t)(uint16_t)delta) & 0xFFFF);
}

/* Glyph of c in a format 12 subtable (groups sorted by start). */
static uint16_t
cmap12_lookup(struct rd *s, uint32_t c)
{
	size_t n, lo, hi, mid;
	uint32_t start, end, g;

	n = rd32(s, 12);
	if (s->bad || n > (s->len - 16) / 12)
		return 0;
	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		end = rd32(s, 16 + 12 * mid + 4);
		if (end < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= n)
		return 0;
	start = rd32(s, 16 + 12 * lo);
	end = rd32(s, 16 + 12 * lo + 4);
	g = rd32(s, 16 + 12 * lo + 8);
	if (s->bad || c < start || c > end)
		return 0;
	g += c - start;
	return g > 0xFFFF ? 0 : (uint16_t)g;
}

uint16_t
ttf_cmap_lookup(const struct font_face *f, uint32_t cp)
{
	struct rd s;
	uint16_t g;

	s.p = f->data + f->cmap_off;
	s.len = f->cmap_len;
	s.bad = 0;
	if (f->cmap_format == 4)
		g = cmap4_lookup(&s, cp);
	else if (f->cmap_format == 12)
		g = cmap12_lookup(&s, cp);
	else
		g = 0;
	return g < f->nglyphs ? g : 0;
}

/*
 * Choose the Unicode subtable: 3/10 (full Unicode, format 12), then 3/1
 * (BMP, format 4), then any platform 0 subtable of a format we read.
 */
static enum pv_status
read_cmap(struct font_face *f, struct rd *file, const struct table *t,
    struct pv_diags *d)
{
	struct rd c = rd_sub(file, t->off, t->len), s;
	size_t i, n, best_rank = 0, len;
	uint16_t plat, enc, fmt;
	uint32_t sub;

	n = rd16(&c, 2);
	for (i = 0; i < n && !c.bad; i++) {
		size_t rank;

		plat = rd16(&c, 4 + 8 * i);
		enc = rd16(&c, 4 + 8 * i + 2);
		sub = rd32(&c, 4 + 8 * i + 4);
		if (c.bad)
			break;
		s = rd_sub(&c, sub, SIZE_MAX);
		fmt = rd16(&s, 0);
		if (s.bad)
			continue;
		if (plat == 3 && enc == 10 && fmt == 12)
			rank = 4;
		else if (plat == 3 && enc == 1 && fmt == 4)
			rank = 3;
		else if (plat == 0 && fmt == 12)
			rank = 2;
		else if (plat == 0 && fmt == 4)
			rank = 1;
		else
			continue;
		/* The subtable's own length, bounded by the cmap table. */
		if (fmt == 4)
			len = rd16(&s, 2);
		else
			len = rd32(&s, 4);
		if (s.bad || len > s.len)
			len = s.len;
		if (rank > best_rank) {
			best_rank = rank;
			f->cmap_format = fmt;
			f->cmap_off = t->off + sub;
			f->cmap_len = len;
		}
	}
	if (c.bad && best_rank == 0)
		return fail(f, d, "the cmap table is cut off");
	if (best_rank == 0)
		return fail(f, d, "it has no Unicode character map (cmap "
		    "3/10, 3/1 or 0/x in format 4 or 12)");
	return PV_OK;
}

/*
 * Fill the BMP table: one walk over the subtable's segments or groups.
 * Segments are clamped to start after the previous one, so a hostile
 * cmap with overlapping ranges costs at most 65536 lookups in all.
 */
static void
fill_bmp(struct font_face *f)
{
	struct rd s;
	uint32_t c, from, to, next = 0;
	size_t i, n;

	f->bmp = pv_xcalloc(65536, sizeof(*f->bmp));
	s.p = f->data + f->cmap_off;
	s.len = f->cmap_len;
	s.bad = 0;
	if (f->cmap_format == 4) {
		size_t segx2 = rd16(&s, 6) & ~1u;

		n = segx2 / 2;
		for (i = 0; i < n && next <= 0xFFFF; i++) {
			to = rd16(&s, 14 + 2 * i);
			from = rd16(&s, 16 + segx2 + 2 * i);
			if (s.bad)
				break;
			if (from < next)
				from = next;
			for (c = from; c <= to; c++)
				f->bmp[c] = ttf_cmap_lookup(f, c);
			if (to + 1 > next)
				next = to + 1;
		}
	} else {
		n = rd32(&s, 12);
		if (s.bad || s.len < 16 || n > (s.len - 16) / 12)
			n = 0;
		for (i = 0; i < n && next <= 0xFFFF; i++) {
			uint32_t g, first;

			first = from = rd32(&s, 16 + 12 * i);
			to = rd32(&s, 16 + 12 * i + 4);
			g = rd32(&s, 16 + 12 * i + 8);
			if (s.bad)
				break;
			if (to > 0xFFFF)
				to = 0xFFFF;
			if (from < next)
				from = next;
			for (c = from; c <= to && from <= to; c++) {
				uint32_t gc = g + (c - first);

				f->bmp[c] = gc < f->nglyphs ? (uint16_t)gc : 0;
			}
			if (to + 1 > next)
				next = to + 1;
		}
	}
}

/* The PostScript name (name ID 6), kept to the characters a PDF name
 * and a font name may hold. */
static void
read_psname(struct font_face *f, struct rd *file, const struct table *t)
{
	struct rd nm;
	size_t i, n, base, k;
	char buf[64];
	size_t blen = 0;

	if (t->found) {
		nm = rd_sub(file, t->off, t->len);
		n = rd16(&nm, 2);
		base = rd16(&nm, 4);
		for (i = 0; i < n && !nm.bad && blen == 0; i++) {
			size_t r = 6 + 12 * i;
			uint16_t plat = rd16(&nm, r), enc = rd16(&nm, r + 2);
			uint16_t id = rd16(&nm, r + 6), len = rd16(&nm, r + 8);
			uint16_t off = rd16(&nm, r + 10);
			int wide;

			if (nm.bad || id != 6)
				continue;
			if (plat == 3 && (enc == 1 || enc == 0))
				wide = 1;
			else if (plat == 1 && enc == 0)
				wide = 0;
			else
				continue;
			for (k = 0; k < len && blen < sizeof(buf) - 1;
			    k += wide ? 2 : 1) {
				unsigned v = wide ?
				    rd16(&nm, base + off + k) :
				    (unsigned)(rd16(&nm, base + off + k) >> 8);

				if (nm.bad) {
					blen = 0;
					break;
				}
				if (v > 0x20 && v < 0x7F &&
				    strchr("[](){}<>/%#", (int)v) == NULL)
					buf[blen++] = (char)v;
			}
		}
	}
	if (blen == 0) {
		/* No usable name: the file's name without folder and
		 * extension, which is what a user recognises anyway. */
		const char *b = strrchr(f->path, '/');

		b = b ? b + 1 : f->path;
		for (; *b && *b != '.' && blen < sizeof(buf) - 1; b++)
			if (*b > 0x20 && *b < 0x7F &&
			    strchr("[](){}<>/%#", *b) == NULL)
				buf[blen++] = *b;
		if (blen == 0)
			buf[blen++] = 'F';
	}
	buf[blen] = '\0';
	f->psname = pv_xstrdup(buf);
}

/* yMax of a glyph's bounding box (font units), or -1. */
static int
glyph_ymax(struct rd *file, const struct table *t, int long_loca,
    uint16_t gid, uint16_t nglyphs)
{
	struct rd loca = rd_sub(file, t[T_LOCA].off, t[T_LOCA].len);
	struct rd glyf = rd_sub(file, t[T_GLYF].off, t[T_GLYF].len);
	size_t off, next;

	if (gid == 0 || gid >= nglyphs)
		return -1;
	if (long_loca) {
		off = rd32(&loca, 4 * (size_t)gid);
		next = rd32(&loca, 4 * (size_t)gid + 4);
	} else {
		off = 2 * (size_t)rd16(&loca, 2 * (size_t)gid);
		next = 2 * (size_t)rd16(&loca, 2 * (size_t)gid + 2);
	}
	if (loca.bad || next < off + 10)
		return -1;
	{
		int v = rds16(&glyf, off + 8);

		return glyf.bad ? -1 : v;
	}
}

/*
 * loca: one offset more than there are glyphs, never decreasing, the
 * last inside glyf.  Checked once here, so that the glyphs a document
 * shows are never dropped from the subset for a damaged offset.
 */
static enum pv_status
check_loca(struct font_face *f, struct rd *file, const struct table *t,
    int long_loca, struct pv_diags *d)
{
	struct rd loca = rd_sub(file, t[T_LOCA].off, t[T_LOCA].len);
	size_t i, off, prev = 0, w = long_loca ? 4 : 2;

	if (loca.len / w < (size_t)f->nglyphs + 1) {
		pv_diag(d, PV_ERROR, f->path, 0, 0, "damaged font: table "
		    "'loca' has %zu bytes, too few for the %u glyphs that "
		    "table 'maxp' gives", loca.len, (unsigned)f->nglyphs);
		return PV_EINPUT;
	}
	for (i = 0; i <= f->nglyphs; i++) {
		off = long_loca ? rd32(&loca, 4 * i) :
		    2 * (size_t)rd16(&loca, 2 * i);
		if (off < prev || off > t[T_GLYF].len) {
			pv_diag(d, PV_ERROR, f->path, 0, 0, "damaged font: "
			    "table 'loca' gives glyph %zu an offset %s", i,
			    off < prev ? "before the glyph in front of it" :
			    "past the end of table 'glyf'");
			return PV_EINPUT;
		}
		prev = off;
	}
	return PV_OK;
}

struct glyf_check {
	struct font_face *f;
	struct rd loca, glyf;
	int long_loca;
	uint8_t *depth;         /* per glyph: 0 not yet seen, 1 being
				   walked, 2 + nesting once known */
	struct pv_diags *d;
};

static int
glyph_bytes(struct glyf_check *g, uint16_t gid, struct rd *out)
{
	size_t a, b;

	/* check_loca has bounded every offset already. */
	if (g->long_loca) {
		a = rd32(&g->loca, 4 * (size_t)gid);
		b = rd32(&g->loca, 4 * (size_t)gid + 4);
	} else {
		a = 2 * (size_t)rd16(&g->loca, 2 * (size_t)gid);
		b = 2 * (size_t)rd16(&g->loca, 2 * (size_t)gid + 2);
	}
	*out = rd_sub(&g->glyf, a, b - a);
	return b > a;
}

static enum pv_status
glyph_damaged(struct glyf_check *g, unsigned gid, const char *fmt, ...)
    PV_PRINTF(3, 4);

static enum pv_status
glyph_damaged(struct glyf_check *g, unsigned gid, const char *fmt, ...)
{
	char what[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pv_diag(g->d, PV_ERROR, g->f->path, 0, 0, "damaged font: glyph %u "
	    "%s", gid, what);
	return PV_EINPUT;
}

/*
 * The nesting of glyph gid (0 for a simple or empty glyph) in *nest, after
 * checking every component record of it and, once each, of the glyphs it
 * is built from: each record inside the glyph, each component a glyph of
 * the font, at most FONT_MAX_COMPONENTS components and
 * FONT_MAX_COMPOSITE_DEPTH levels (a glyph built of itself is a loop).
 * The recursion is bounded by that depth.
 */
static enum pv_status
check_glyph(struct glyf_check *g, uint16_t gid, int level, int *nest)
{
	struct rd gl;
	size_t p = 10, sz;
	uint16_t flags, comp;
	int n, sub, deepest = 0;

	*nest = 0;
	if (g->depth[gid] >= 2) {
		*nest = g->depth[gid] - 2;
		return PV_OK;
	}
	if (g->depth[gid] == 1 || level > FONT_MAX_COMPOSITE_DEPTH)
		return glyph_damaged(g, gid, "is built of composite glyphs "
		    "nested more than %d deep, or of itself "
		    "(FONT_MAX_COMPOSITE_DEPTH)", FONT_MAX_COMPOSITE_DEPTH);
	if (!glyph_bytes(g, gid, &gl) || (gl.len >= 10 &&
	    rds16(&gl, 0) >= 0)) {
		g->depth[gid] = 2;
		return PV_OK;
	}
	if (gl.len < 10)
		return glyph_damaged(g, gid, "has %zu bytes, fewer than the "
		    "10 of a glyph header", gl.len);
	g->depth[gid] = 1;
	for (n = 0;; n++) {
		if (n == FONT_MAX_COMPONENTS)
			return glyph_damaged(g, gid, "has more than %d "
			    "components (FONT_MAX_COMPONENTS)",
			    FONT_MAX_COMPONENTS);
		flags = rd16(&gl, p);
		comp = rd16(&gl, p + 2);
		sz = glyf_record_size(flags);
		if (gl.bad || sz > gl.len - p)
			return glyph_damaged(g, gid, "has a component record "
			    "(number %d) that runs past the end of the glyph",
			    n + 1);
		if (comp >= g->f->nglyphs)
			return glyph_damaged(g, gid, "is built of glyph %u, "
			    "but the font has %u glyphs", (unsigned)comp,
			    (unsigned)g->f->nglyphs);
		if (check_glyph(g, comp, level + 1, &sub) != PV_OK)
			return PV_EINPUT;
		if (sub + 1 > deepest)
			deepest = sub + 1;
		p += sz;
		if (!(flags & GLYF_MORE_COMPONENTS))
			break;
	}
	if (deepest > FONT_MAX_COMPOSITE_DEPTH)
		return glyph_damaged(g, gid, "is built of composite glyphs "
		    "nested more than %d deep, or of itself "
		    "(FONT_MAX_COMPOSITE_DEPTH)", FONT_MAX_COMPOSITE_DEPTH);
	g->depth[gid] = (uint8_t)(2 + deepest);
	*nest = deepest;
	return PV_OK;
}

/*
 * Every composite glyph's component records, checked once here, so that
 * the subsetter never drops a component it cannot follow: a damaged
 * glyph is an error naming the font file and the glyph.
 */
static enum pv_status
check_composites(struct font_face *f, struct rd *file, const struct table *t,
    int long_loca, struct pv_diags *d)
{
	struct glyf_check g;
	enum pv_status st = PV_OK;
	uint32_t gid;
	int nest;

	g.f = f;
	g.loca = rd_sub(file, t[T_LOCA].off, t[T_LOCA].len);
	g.glyf = rd_sub(file, t[T_GLYF].off, t[T_GLYF].len);
	g.long_loca = long_loca;
	g.depth = pv_xcalloc(f->nglyphs, 1);
	g.d = d;
	for (gid = 0; gid < f->nglyphs && st == PV_OK; gid++)
		st = check_glyph(&g, (uint16_t)gid, 0, &nest);
	free(g.depth);
	return st;
}

/* post: the italic angle (16.16 fixed) and fixed pitch; optional. */
static void
read_post(struct font_face *f, struct rd *file)
{
	struct rd post;
	size_t off, len;

	if (!ttf_find_table(f, "post", &off, &len))
		return;
	post = rd_sub(file, off, len);
	f->italic_angle = (double)(int32_t)rd32(&post, 4) / 65536.0;
	f->fixed_pitch = rd32(&post, 12) != 0;
	if (post.bad || !(f->italic_angle >= -90 && f->italic_angle <= 90)) {
		f->italic_angle = 0;
		f->fixed_pitch = 0;
	}
}

enum pv_status
ttf_parse(struct font_face *f, struct pv_diags *d)
{
	struct rd file, head, hhea, maxp, hmtx, os2;
	struct table t[T_COUNT];
	int asc, desc, gap, cap = 0, long_loca;
	uint16_t nhm, i;
	int32_t last = 0;

	file.p = f->data;
	file.len = f->len;
	file.bad = 0;
	if (read_directory(f, &file, t, d) != PV_OK)
		return PV_EINPUT;

	head = rd_sub(&file, t[T_HEAD].off, t[T_HEAD].len);
	f->upem = rd16(&head, 18);
	long_loca = rds16(&head, 50) == 1;
	if (head.bad || rd32(&head, 12) != 0x5F0F3CF5)
		return fail(f, d, "the head table is damaged");
	if (f->upem < 16 || f->upem > 16384)
		return fail(f, d, "unitsPerEm is outside 16..16384");
	for (i = 0; i < 4; i++)
		f->bbox[i] = to_milli(rds16(&head, 36 + 2 * (size_t)i), f->upem);
	f->italic = (rd16(&head, 44) & 0x2) != 0;

	maxp = rd_sub(&file, t[T_MAXP].off, t[T_MAXP].len);
	f->nglyphs = rd16(&maxp, 4);
	if (maxp.bad || f->nglyphs == 0)
		return fail(f, d, "the maxp table is damaged");

	if (!f->cff && (check_loca(f, &file, t, long_loca, d) != PV_OK ||
	    check_composites(f, &file, t, long_loca, d) != PV_OK))
		return PV_EINPUT;

	hhea = rd_sub(&file, t[T_HHEA].off, t[T_HHEA].len);
	asc = rds16(&hhea, 4);
	desc = rds16(&hhea, 6);
	gap = rds16(&hhea, 8);
	nhm = rd16(&hhea, 34);
	if (hhea.bad)
		return fail(f, d, "the hhea table is cut off");
	if (nhm == 0 || nhm > f->nglyphs)
		return fail(f, d, "numberOfHMetrics does not fit numGlyphs");

	/* Advances: glyphs past numberOfHMetrics repeat the last one. */
	hmtx = rd_sub(&file, t[T_HMTX].off, t[T_HMTX].len);
	if (hmtx.len < 4 * (size_t)nhm)
		return fail(f, d, "the hmtx table is cut off");
	f->adv = pv_xcalloc(f->nglyphs, sizeof(*f->adv));
	for (i = 0; i < f->nglyphs; i++) {
		if (i < nhm)
			last = to_milli(rd16(&hmtx, 4 * (size_t)i), f->upem);
		f->adv[i] = last;
	}

	/* OS/2: typographic metrics when the font asks for them (fsSelection
	 * bit 7, USE_TYPO_METRICS), the cap height, the weight, and what
	 * the licence allows (fsType): a restricted font (bit 1 without a
	 * less restrictive bit 2 or 3) or one for bitmap embedding only
	 * (bit 9) cannot go into a PDF we pass on; one that must not be
	 * subset (bit 8) goes in whole. */
	f->weight = 400;
	if (t[T_OS2].found) {
		uint16_t fs_type;

		os2 = rd_sub(&file, t[T_OS2].off, t[T_OS2].len);
		fs_type = rd16(&os2, 8);
		if (!os2.bad && (((fs_type & 0xE) == 0x2) ||
		    (fs_type & 0x200)))
			return fail(f, d, "its licence (OS/2 fsType) forbids "
			    "embedding it in a document");
		f->no_subset = !os2.bad && (fs_type & 0x100);
		if (rd16(&os2, 4) >= 100 && rd16(&os2, 4) <= 1000 && !os2.bad)
			f->weight = rd16(&os2, 4);
		if (os2.len >= 78 && (rd16(&os2, 62) & 0x80)) {
			asc = rds16(&os2, 68);
			desc = rds16(&os2, 70);
			gap = rds16(&os2, 72);
		}
		if (os2.len >= 90 && rd16(&os2, 0) >= 2)
			cap = rds16(&os2, 88);
		if (os2.bad)
			cap = 0;
	}
	if (desc > 0)
		desc = -desc;
	if (asc <= 0)
		asc = f->upem * 8 / 10;
	f->ascent = to_milli(asc, f->upem);
	f->descent = to_milli(desc, f->upem);
	f->line_gap = to_milli(gap < 0 ? 0 : gap, f->upem);

	if (read_cmap(f, &file, &t[T_CMAP], d) != PV_OK)
		return PV_EINPUT;
	fill_bmp(f);

	if (cap <= 0 && !f->cff)
		cap = glyph_ymax(&file, t, long_loca, f->bmp['H'],
		    f->nglyphs);
	f->cap_height = cap > 0 ? to_milli(cap, f->upem) : f->ascent * 7 / 10;

	read_psname(f, &file, &t[T_NAME]);
	read_post(f, &file);
	return PV_OK;
}

int
ttf_find_table(const struct font_face *f, const char *tag, size_t *off,
    size_t *len)
{
	struct rd file;
	uint32_t want, o, l;
	size_t i, n;

	file.p = f->data;
	file.len = f->len;
	file.bad = 0;
	want = (uint32_t)(unsigned char)tag[0] << 24 |
	    (uint32_t)(unsigned char)tag[1] << 16 |
	    (uint32_t)(unsigned char)tag[2] << 8 | (unsigned char)tag[3];
	n = rd16(&file, 4);
	for (i = 0; i < n && !file.bad; i++) {
		if (rd32(&file, 12 + 16 * i) != want)
			continue;
		o = rd32(&file, 12 + 16 * i + 8);
		l = rd32(&file, 12 + 16 * i + 12);
		if (file.bad || o > f->len || l > f->len - o)
			return 0;
		*off = o;
		*len = l;
		return 1;
	}
	return 0;
}

void
ttf_face_free(struct font_face *f)
{
	if (f == NULL)
		return;
	font_shape_detach(f);
	free(f->path);
	free(f->data);
	free(f->psname);
	free(f->adv);
	free(f->bmp);
	free(f);
}
