/*
 * hyphenate.c - Norwegian hyphenation points: libhyphen with hyphen-no.
 *
 * The dictionaries are loaded on first use and kept for the whole run:
 * loading one costs tens of milliseconds, more than hyphenating a whole
 * document.  Bokmål and nynorsk share one file in Debian's hyphen-no, so
 * a second dictionary with the same bytes as a loaded one is not loaded
 * again.  Points of words already seen come from a bounded cache, since
 * a plan repeats its vocabulary on every page.
 *
 * This file must never print (libhyphen only complains about invalid
 * UTF-8, which we never pass it) and never fails: a missing dictionary
 * just means no hyphenation points.
 */
#include <hyphen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "../util/utf8.h"
#include "paragraph.h"

/* Where hyphen-no installs its patterns, in the order we look. */
static const char *const hyph_dirs[] = {
	"/usr/share/hyphen",
	"/usr/local/share/hyphen",
};

/* The longest word (code points) handed to libhyphen; anything longer is
 * not a word of any language but a code or a joke, and the emergency
 * character breaks handle it. */
#define HYPH_MAX_WORD 64
/* Shorter words are never hyphenated. */
#define HYPH_MIN_WORD 5
/* Letters kept before and after a break. */
#define HYPH_LEFT_MIN 2
#define HYPH_RIGHT_MIN 3
/* Entries in the cache of hyphenated words; when full, new words are
 * hyphenated every time instead of growing memory without bound. */
#define HYPH_CACHE_MAX 65536
#define HYPH_CACHE_SLOTS (2 * HYPH_CACHE_MAX)	/* power of two */

enum hyph_lang {
	HL_NB,
	HL_NN,
	HL_COUNT,
};

struct hyph_dict {
	const char *file;       /* file name in a hyph_dirs folder */
	HyphenDict *dict;       /* NULL: not loaded or not found */
	int tried;              /* loading was attempted */
	int owned;              /* we free dict (not shared with another) */
	int utf8;               /* the dictionary wants UTF-8, else Latin-1 */
	int usable;             /* a charset we can convert words to */
};

struct hyph_slot {
	uint32_t hash;
	uint32_t off;           /* of the key in the pool; 0: empty slot */
	uint16_t len;
	uint64_t points;        /* bit i: break after code point i */
};

struct hyphenator {
	struct hyph_dict d[HL_COUNT];
	struct hyph_slot *slots;        /* HYPH_CACHE_SLOTS, allocated lazily */
	size_t nused;
	char *pool;                     /* keys: lang byte + converted word */
	size_t pool_len, pool_cap;
};

struct hyphenator *
hyphenator_new(void)
{
	struct hyphenator *h = pv_xcalloc(1, sizeof(*h));

	h->d[HL_NB].file = "hyph_nb_NO.dic";
	h->d[HL_NN].file = "hyph_nn_NO.dic";
	return h;
}

void
hyphenator_free(struct hyphenator *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < HL_COUNT; i++)
		if (h->d[i].dict != NULL && h->d[i].owned)
			hnj_hyphen_free(h->d[i].dict);
	free(h->slots);
	free(h->pool);
	free(h);
}

/* "nb", "nb-NO", "no", "nob" and everything unknown -> bokmål; "nn"... ->
 * nynorsk.  North Sami has no patterns in Debian; bokmål is the closest
 * useful fallback for the Norwegian words in a Sami document. */
static enum hyph_lang
hyph_lang_of(const char *lang)
{
	if (lang != NULL && (lang[0] == 'n' || lang[0] == 'N') &&
	    (lang[1] == 'n' || lang[1] == 'N') &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_' ||
	    lang[2] == 'o'))
		return HL_NN;
	return HL_NB;
}

static char *
hyph_find(const char *file)
{
	size_t i;
	char *path;
	FILE *f;

	for (i = 0; i < sizeof(hyph_dirs) / sizeof(hyph_dirs[0]); i++) {
		path = pv_xasprintf("%s/%s", hyph_dirs[i], file);
		if ((f = fopen(path, "rb")) != NULL) {
			fclose(f);
			return path;
		}
		free(path);
	}
	return NULL;
}

/* Whether two files hold the same bytes. */
static int
same_content(const char *a, const char *b)
{
	FILE *fa, *fb;
	char ba[8192], bb[8192];
	size_t na, nb;
	int same = 0;

	if ((fa = fopen(a, "rb")) == NULL)
		return 0;
	if ((fb = fopen(b, "rb")) == NULL) {
		fclose(fa);
		return 0;
	}
	for (;;) {
		na = fread(ba, 1, sizeof(ba), fa);
		nb = fread(bb, 1, sizeof(bb), fb);
		if (na != nb || memcmp(ba, bb, na) != 0)
			break;
		if (na == 0) {
			same = 1;
			break;
		}
	}
	fclose(fa);
	fclose(fb);
	return same;
}

/*
 * The charset named on the first line of the .dic decides how words are
 * passed: libhyphen matches bytes, so a Latin-1 dictionary needs Latin-1
 * words.  Any other 8-bit charset we cannot convert to, so such a
 * dictionary gives no points rather than wrong ones.
 */
static void
hyph_charset(struct hyph_dict *hd)
{
	const char *cs = hd->dict->cset;

	hd->utf8 = hd->dict->utf8 != 0;
	if (hd->utf8)
		hd->usable = 1;
	else
		hd->usable = strncmp(cs, "ISO8859-1", 9) == 0 ||
		    strncmp(cs, "ISO-8859-1", 10) == 0 ||
		    strncmp(cs, "ISO8859-15", 10) == 0 ||
		    strncmp(cs, "ISO-8859-15", 11) == 0 ||
		    strncmp(cs, "LATIN1", 6) == 0;
}

static struct hyph_dict *
hyph_dict(struct hyphenator *h, enum hyph_lang l)
{
	struct hyph_dict *hd = &h->d[l];
	char *path, *other;
	size_t i;

	if (hd->tried)
		return hd->dict != NULL && hd->usable ? hd : NULL;
	hd->tried = 1;
	if ((path = hyph_find(hd->file)) == NULL)
		return NULL;
	/* Share a loaded dictionary with the same bytes. */
	for (i = 0; i < HL_COUNT; i++) {
		if (i == (size_t)l || h->d[i].dict == NULL)
			continue;
		if ((other = hyph_find(h->d[i].file)) == NULL)
			continue;
		if (same_content(path, other)) {
			hd->dict = h->d[i].dict;
			hd->owned = 0;
			hd->utf8 = h->d[i].utf8;
			hd->usable = h->d[i].usable;
		}
		free(other);
		if (hd->dict != NULL)
			break;
	}
	if (hd->dict == NULL) {
		hd->dict = hnj_hyphen_load(path);
		hd->owned = 1;
		if (hd->dict != NULL)
			hyph_charset(hd);
	}
	free(path);
	return hd->dict != NULL && hd->usable ? hd : NULL;
}

static int
hyph_is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c >= 0xC0 && c <= 0x24F)
		return c != 0xD7 && c != 0xF7;
	if (c >= 0x370 && c <= 0x52F)	/* Greek, Cyrillic */
		return c != 0x37E && c != 0x387;
	return 0;
}

/* Lower case for the alphabets the patterns are written in. */
static uint32_t
hyph_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) &&
	    (c & 1) == 0)
		return c + 1;
	if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) &&
	    (c & 1) == 1)
		return c + 1;
	return c;
}

static uint32_t
hyph_hash(const char *s, size_t n)
{
	uint32_t x = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= (unsigned char)s[i];
		x *= 16777619u;
	}
	return x;
}

/* The cache slot of a key: a hit, or the empty slot where it would go. */
static struct hyph_slot *
hyph_slot(struct hyphenator *h, const char *key, size_t n, uint32_t hash)
{
	struct hyph_slot *s;
	size_t i;

	if (h->slots == NULL) {
		h->slots = pv_xcalloc(HYPH_CACHE_SLOTS, sizeof(*h->slots));
		/* Offset 0 marks an empty slot: start the pool at 1. */
		h->pool_cap = 4096;
		h->pool = pv_xmalloc(h->pool_cap);
		h->pool_len = 1;
	}
	i = hash & (HYPH_CACHE_SLOTS - 1);
	for (;;) {
		s = &h->slots[i];
		if (s->off == 0)
			return s;
		if (s->hash == hash && s->len == n &&
		    memcmp(h->pool + s->off, key, n) == 0)
			return s;
		i = (i + 1) & (HYPH_CACHE_SLOTS - 1);
	}
}

static void
hyph_insert(struct hyphenator *h, struct hyph_slot *s, const char *key,
    size_t n, uint32_t hash, uint64_t points)
{
	if (h->nused >= HYPH_CACHE_MAX)
		return;
	if (h->pool_len + n > h->pool_cap) {
		while (h->pool_len + n > h->pool_cap)
			h->pool_cap *= 2;
		h->pool = pv_xrealloc(h->pool, h->pool_cap);
	}
	memcpy(h->pool + h->pool_len, key, n);
	s->off = (uint32_t)h->pool_len;
	s->len = (uint16_t)n;
	s->hash = hash;
	s->points = points;
	h->pool_len += n;
	h->nused++;
}

/* Ask libhyphen; bit i of the result: a break after code point i. */
static uint64_t
hyph_ask(struct hyph_dict *hd, const char *w, size_t wlen, size_t n)
{
	char hy[HYPH_MAX_WORD * 4 + 8];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	uint64_t bits = 0;
	size_t i;

	memset(hy, 0, sizeof(hy));
	hnj_hyphen_hyphenate2(hd->dict, w, (int)wlen, hy, NULL, &rep, &pos,
	    &cut);
	for (i = 0; i + 1 < n; i++) {
		/* Odd digits are breaks.  A non-standard break (one that
		 * changes the letters, as in German "Schiff-fahrt") has
		 * no place in our model of boxes; leave it out. */
		if ((hy[i] & 1) && (rep == NULL || rep[i] == NULL))
			bits |= (uint64_t)1 << i;
	}
	if (rep != NULL) {
		for (i = 0; i < wlen; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return bits;
}

/*
 * The points of a word for dictionary hd, asked from libhyphen: the word
 * lowered and converted to the dictionary's charset.  0 for a word that is
 * not all letters or has a letter the charset lacks (Sami č, ŋ ... in a
 * Latin-1 dictionary).
 */
static uint64_t
hyph_lookup(struct hyph_dict *hd, const char *word, size_t len, size_t n)
{
	char conv[HYPH_MAX_WORD * 4 + 1];
	size_t i, k, nk = 0, ncp;
	uint32_t c;

	for (i = 0, ncp = 0; i < len; i += k, ncp++) {
		if ((k = pv_utf8_decode(word + i, len - i, &c)) == 0)
			return 0;
		if (!hyph_is_letter(c) || ncp >= HYPH_MAX_WORD)
			return 0;
		c = hyph_lower(c);
		if (hd->utf8)
			nk += pv_utf8_encode(c, conv + nk);
		else if (c <= 0xFF)
			conv[nk++] = (char)c;
		else
			return 0;
	}
	if (ncp != n)
		return 0;
	/* libhyphen looks for its NOHYPHEN strings with strstr(). */
	conv[nk] = '\0';
	return hyph_ask(hd, conv, nk, n);
}

void
hyphenate_word(struct hyphenator *h, const char *lang, const char *word,
    size_t len, unsigned char *points, size_t n)
{
	/* The cache key: the language, the length in code points (a
	 * caller's wrong count must not spoil the entry of the right one),
	 * then the word as given. */
	char key[2 + HYPH_MAX_WORD * 4];
	struct hyph_dict *hd;
	struct hyph_slot *s;
	enum hyph_lang l;
	size_t i;
	uint32_t hash;
	uint64_t bits;

	if (n > 0)
		memset(points, 0, n);
	if (h == NULL || n < HYPH_MIN_WORD || n > HYPH_MAX_WORD ||
	    len > HYPH_MAX_WORD * 4)
		return;
	l = hyph_lang_of(lang);
	if ((hd = hyph_dict(h, l)) == NULL)
		return;
	key[0] = (char)('0' + l);
	key[1] = (char)n;
	memcpy(key + 2, word, len);
	hash = hyph_hash(key, len + 2);
	s = hyph_slot(h, key, len + 2, hash);
	if (s->off != 0)
		bits = s->points;
	else {
		bits = hyph_lookup(hd, word, len, n);
		hyph_insert(h, s, key, len + 2, hash, bits);
	}
	for (i = HYPH_LEFT_MIN - 1; i + HYPH_RIGHT_MIN < n; i++)
		if (bits & ((uint64_t)1 << i))
			points[i] = 1;
}
