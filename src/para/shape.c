/*
 * shape.c - shaped words, cached for the whole document.
 *
 * Line breaking measures every word as HarfBuzz shapes it (kerning,
 * ligatures, marks), and the fragments of the lines carry the glyphs for
 * emit.  Most words of a plan recur many times and every paragraph is
 * built more than once (passes, table column measures), so a word is
 * shaped once per face: the cache is an open-addressing table keyed by
 * face and bytes, with the glyphs in one arena.  Positions are in
 * thousandths of an em, so one entry serves every size.
 */
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "para_int.h"

/* Words longer than this are shaped every time (they rarely recur);
 * past this many entries the cache starts again (bounds its memory). */
#define SHAPE_MAX_KEY 64
#define SHAPE_MAX_ENTRIES (1u << 18)

struct shape_ent {
	uint32_t hash;
	int32_t face;           /* -1: empty */
	uint32_t key, klen;     /* in keys */
	uint32_t g, ng;         /* in glyphs */
	int32_t width;          /* thousandths of an em */
};

struct para_shape_cache {
	struct font_shaper *sh;
	struct shape_ent *tab;
	size_t cap, n;          /* cap: a power of two */
	char *keys;
	size_t nkeys, capkeys;
	struct font_glyph *glyphs;
	size_t nglyphs, capglyphs;
	struct font_glyph *tmp; /* an uncached word */
	size_t captmp;
};

struct para_shape_cache *
para_shape_new(void)
{
	struct para_shape_cache *s = pv_xcalloc(1, sizeof(*s));

	s->sh = font_shaper_new();
	return s;
}

void
para_shape_free(struct para_shape_cache *s)
{
	if (s == NULL)
		return;
	font_shaper_free(s->sh);
	free(s->tab);
	free(s->keys);
	free(s->glyphs);
	free(s->tmp);
	free(s);
}

static uint32_t
hash_bytes(int face, const char *p, size_t n)
{
	uint32_t h = 2166136261u ^ (uint32_t)face;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

static void
reset(struct para_shape_cache *s, size_t cap)
{
	size_t i;

	free(s->tab);
	s->tab = pv_xreallocarray(NULL, cap, sizeof(*s->tab));
	for (i = 0; i < cap; i++)
		s->tab[i].face = -1;
	s->cap = cap;
	s->n = 0;
	s->nkeys = 0;
	s->nglyphs = 0;
}

static void
grow(struct para_shape_cache *s)
{
	struct shape_ent *old = s->tab;
	size_t oldcap = s->cap, i, j;

	s->cap *= 2;
	s->tab = pv_xreallocarray(NULL, s->cap, sizeof(*s->tab));
	for (i = 0; i < s->cap; i++)
		s->tab[i].face = -1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].face < 0)
			continue;
		for (j = old[i].hash & (s->cap - 1); s->tab[j].face >= 0;
		    j = (j + 1) & (s->cap - 1))
			;
		s->tab[j] = old[i];
	}
	free(old);
}

const struct font_glyph *
para_shape(struct para_shape_cache *s, const struct fontset *fs, int face,
    const char *text, size_t len, size_t *ng, int32_t *width)
{
	struct shape_ent *e;
	uint32_t h;
	size_t j, i, n;
	int32_t w = 0;

	if (len > SHAPE_MAX_KEY) {
		n = font_shape(s->sh, fs, face, text, len, &s->tmp,
		    &s->captmp, 0);
		for (i = 0; i < n; i++)
			w += s->tmp[i].adv;
		*ng = n;
		*width = w;
		return s->tmp;
	}
	if (s->tab == NULL || s->n >= SHAPE_MAX_ENTRIES)
		reset(s, 1024);
	h = hash_bytes(face, text, len);
	for (j = h & (s->cap - 1); s->tab[j].face >= 0;
	    j = (j + 1) & (s->cap - 1)) {
		e = &s->tab[j];
		if (e->hash == h && e->face == face && e->klen == len &&
		    memcmp(s->keys + e->key, text, len) == 0) {
			*ng = e->ng;
			*width = e->width;
			return s->glyphs + e->g;
		}
	}
	PV_GROW(s->keys, s->capkeys, s->nkeys + len);
	memcpy(s->keys + s->nkeys, text, len);
	n = font_shape(s->sh, fs, face, text, len, &s->glyphs,
	    &s->capglyphs, s->nglyphs);
	for (i = s->nglyphs; i < n; i++)
		w += s->glyphs[i].adv;
	e = &s->tab[j];
	e->hash = h;
	e->face = face;
	e->key = (uint32_t)s->nkeys;
	e->klen = (uint32_t)len;
	e->g = (uint32_t)s->nglyphs;
	e->ng = (uint32_t)(n - s->nglyphs);
	e->width = w;
	s->nkeys += len;
	s->nglyphs = n;
	*ng = e->ng;
	*width = w;
	if (++s->n * 2 > s->cap)
		grow(s);
	return s->glyphs + (n - *ng);
}
