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
 * Most of the loading cost is the patterns no word of the document can
 * match, so when the document's words are known beforehand
 * (hyphenator_prepare), only the patterns that can match some substring
 * of some prepared word are handed to libhyphen (see hyph_trie.c for
 * why the points stay exactly those of the full dictionary).  A word later
 * asked for that the filtered patterns do not cover loads the full
 * dictionary, once.
 *
 * This file must never print (libhyphen only complains about invalid
 * UTF-8, which we never pass it) and never fails: a missing dictionary
 * just means no hyphenation points.
 */
#include <hyphen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "hyph_trie.h"
#include "hyphenate.h"

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
/* Prepared words: past this count the full dictionary is loaded. */
#define HYPH_PREP_MAX 65536
/* Filtering is skipped for a larger file. */
#define HYPH_FILE_MAX (16u << 20)

enum hyph_lang {
	HL_NB,
	HL_NN,
	HL_COUNT,
};

/* A set of byte strings, kept in its own pool. */
struct hyph_sent {
	uint32_t hash;
	uint32_t off;           /* of the key in the pool; 0: empty slot */
	uint8_t len;
};

struct hyph_set {
	struct hyph_sent *s;    /* nslots (a power of two), or NULL */
	size_t nslots, n;
	char *pool;
	size_t pool_len, pool_cap;
};

struct hyph_dict {
	const char *file;       /* file name in a hyph_dirs folder */
	struct hyph_dict *same; /* another entry with the same bytes, or NULL */
	HyphenDict *dict;       /* NULL: not loaded or not found */
	char *path;             /* of the file, while dict is filtered */
	struct hyph_trie *trie; /* while filtered: what the words reach */
	int tried;              /* loading was attempted */
	int filtered;           /* dict holds only the patterns subs needs */
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
	struct hyph_slot *slots;        /* nslots, allocated lazily */
	size_t nslots, nused;
	char *pool;                     /* keys: lang byte + converted word */
	size_t pool_len, pool_cap;
	struct hyph_set words;          /* prepared: lower case, UTF-8 */
	int words_over;                 /* too many: load full dictionaries */
};

struct hyphenator *
hyphenator_new(void)
{
	struct hyphenator *h = pv_xcalloc(1, sizeof(*h));

	h->d[HL_NB].file = "hyph_nb_NO.dic";
	h->d[HL_NN].file = "hyph_nn_NO.dic";
	return h;
}

static void
hyph_set_free(struct hyph_set *s)
{
	free(s->s);
	free(s->pool);
	memset(s, 0, sizeof(*s));
}

void
hyphenator_free(struct hyphenator *h)
{
	size_t i;

	if (h == NULL)
		return;
	/* An entry sharing another's dictionary (same) has none itself. */
	for (i = 0; i < HL_COUNT; i++) {
		if (h->d[i].dict != NULL)
			hnj_hyphen_free(h->d[i].dict);
		free(h->d[i].path);
		hyph_trie_free(h->d[i].trie);
	}
	hyph_set_free(&h->words);
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
	const char *why;
	FILE *f;

	for (i = 0; i < sizeof(hyph_dirs) / sizeof(hyph_dirs[0]); i++) {
		path = pv_xasprintf("%s/%s", hyph_dirs[i], file);
		if ((f = pv_fopen_input(path, &why)) != NULL) {
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
	const char *why;
	int same = 0;

	if ((fa = pv_fopen_input(a, &why)) == NULL)
		return 0;
	if ((fb = pv_fopen_input(b, &why)) == NULL) {
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

/* The slot of a key in a set: a hit, or the empty slot where it would go. */
static struct hyph_sent *
hyph_set_slot(const struct hyph_set *s, const char *key, size_t n,
    uint32_t hash)
{
	struct hyph_sent *e;
	size_t i, mask = s->nslots - 1;

	for (i = hash & mask;; i = (i + 1) & mask) {
		e = &s->s[i];
		if (e->off == 0)
			return e;
		if (e->hash == hash && e->len == n &&
		    memcmp(s->pool + e->off, key, n) == 0)
			return e;
	}
}

/* Add a key of at most 255 bytes (hash: hyph_hash of it), or find it
 * there; NULL when it is new and the set already holds `max` keys. */
static struct hyph_sent *
hyph_set_add(struct hyph_set *s, const char *key, size_t n, uint32_t hash,
    size_t max)
{
	struct hyph_sent *e, *old;
	size_t i, j, nold, mask;

	if (s->s == NULL) {
		s->nslots = 1024;
		s->s = pv_xcalloc(s->nslots, sizeof(*s->s));
		/* Offset 0 marks an empty slot: start the pool at 1. */
		s->pool_cap = 4096;
		s->pool = pv_xmalloc(s->pool_cap);
		s->pool_len = 1;
	}
	e = hyph_set_slot(s, key, n, hash);
	if (e->off != 0)
		return e;
	if (s->n >= max || n > UINT8_MAX)
		return NULL;
	if (2 * (s->n + 1) > s->nslots) {
		old = s->s;
		nold = s->nslots;
		s->nslots *= 2;
		s->s = pv_xcalloc(s->nslots, sizeof(*s->s));
		mask = s->nslots - 1;
		for (i = 0; i < nold; i++) {
			if (old[i].off == 0)
				continue;
			for (j = old[i].hash & mask; s->s[j].off != 0;
			    j = (j + 1) & mask)
				;
			s->s[j] = old[i];
		}
		free(old);
		e = hyph_set_slot(s, key, n, hash);
	}
	if (s->pool_len + n > s->pool_cap) {
		while (s->pool_len + n > s->pool_cap)
			s->pool_cap *= 2;
		s->pool = pv_xrealloc(s->pool, s->pool_cap);
	}
	memcpy(s->pool + s->pool_len, key, n);
	e->off = (uint32_t)s->pool_len;
	e->len = (uint8_t)n;
	e->hash = hash;
	s->pool_len += n;
	s->n++;
	return e;
}

/*
 * A word lowered and converted for a dictionary (UTF-8 if utf8, else
 * Latin-1) into out (HYPH_MAX_WORD * 4 bytes): its length in bytes, with
 * the number of code points in *ncp.  0 for a word that is not all
 * letters, has a letter the charset lacks (Sami č, ŋ ... in a Latin-1
 * dictionary) or is longer than HYPH_MAX_WORD.
 */
static size_t
hyph_convert(const char *word, size_t len, int utf8, char *out, size_t *ncp)
{
	size_t i, k, nk = 0, n = 0;
	uint32_t c;

	*ncp = 0;
	for (i = 0; i < len; i += k, n++) {
		if ((k = pv_utf8_decode(word + i, len - i, &c)) == 0)
			return 0;
		if (!hyph_is_letter(c) || n >= HYPH_MAX_WORD)
			return 0;
		c = hyph_lower(c);
		if (utf8)
			nk += pv_utf8_encode(c, out + nk);
		else if (c <= 0xFF)
			out[nk++] = (char)c;
		else
			return 0;
	}
	*ncp = n;
	return nk;
}

/* The whole file, or NULL (unreadable, too large). */
static char *
hyph_read(const char *path, size_t *len)
{
	FILE *f;
	char *b;
	size_t n = 0, cap = 256 * 1024, r;
	const char *why;

	if ((f = pv_fopen_input(path, &why)) == NULL)
		return NULL;
	b = pv_xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap >= HYPH_FILE_MAX) {
				free(b);
				fclose(f);
				return NULL;
			}
			cap *= 2;
			b = pv_xrealloc(b, cap);
		}
		if ((r = fread(b + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	fclose(f);
	*len = n;
	return b;
}

/*
 * Load the patterns of path that the prepared words reach (with all,
 * every pattern), completed as Liang's algorithm reads them
 * (hyph_trie.c); the trie stays in hd->trie unless all.  NULL when the
 * file is not as expected: the caller loads it as it is.
 */
static HyphenDict *
hyph_load_filtered(struct hyphenator *h, struct hyph_dict *hd,
    const char *path, int all)
{
	char cs[MAX_NAME], conv[HYPH_MAX_WORD * 4];
	char *buf, *flt = NULL;
	const char *e;
	struct hyph_sent *w;
	HyphenDict *dict = NULL;
	size_t len, n, i, nk, ncp;
	int utf8;
	FILE *f;

	if ((buf = hyph_read(path, &len)) == NULL)
		return NULL;
	/* libhyphen reads the charset with fgets() into MAX_NAME bytes:
	 * a charset line that fits, text ending in a new line, no NUL. */
	if (len == 0 || buf[len - 1] != '\n' || memchr(buf, '\0', len) ||
	    (e = memchr(buf, '\n', len)) == NULL ||
	    (size_t)(e - buf) + 1 > MAX_NAME - 1)
		goto out;
	n = (size_t)(e - buf);
	memcpy(cs, buf, n);
	cs[n] = '\0';
	if (n > 0 && cs[n - 1] == '\r')
		cs[n - 1] = '\0';
	utf8 = strcmp(cs, "UTF-8") == 0;
	if ((hd->trie = hyph_trie_new(buf, len)) == NULL)
		goto out;
	if (all)
		hyph_trie_mark_all(hd->trie);
	/* What the prepared words reach, in the file's charset. */
	for (i = 0; !all && i < h->words.nslots; i++) {
		w = &h->words.s[i];
		if (w->off == 0)
			continue;
		nk = hyph_convert(h->words.pool + w->off, w->len, utf8, conv,
		    &ncp);
		if (nk > 0)	/* else never asked from libhyphen */
			hyph_trie_mark(hd->trie, conv, nk);
	}
	flt = hyph_trie_filtered(hd->trie, buf, len, &n);
	if ((f = fmemopen(flt, n, "r")) != NULL) {
		dict = hnj_hyphen_load_file(f);
		fclose(f);
	}
out:
	if (dict == NULL || all) {
		hyph_trie_free(hd->trie);
		hd->trie = NULL;
	}
	free(flt);
	free(buf);
	return dict;
}

/* The whole dictionary at path, opened as every input is (file.h). */
static HyphenDict *
hyph_load_path(const char *path)
{
	const char *why;
	HyphenDict *dict;
	FILE *f;

	if ((f = pv_fopen_input(path, &why)) == NULL)
		return NULL;
	dict = hnj_hyphen_load_file(f);
	fclose(f);
	return dict;
}

/* Load the dictionary at path: filtered if words were prepared. */
static void
hyph_load(struct hyphenator *h, struct hyph_dict *hd, char *path)
{
	int all = h->words.n == 0 || h->words_over;

	hd->dict = hyph_load_filtered(h, hd, path, all);
	if (hd->dict != NULL && !all) {
		hd->filtered = 1;
		hd->path = path;
	} else {
		if (hd->dict == NULL)
			hd->dict = hyph_load_path(path);
		free(path);
	}
	if (hd->dict != NULL)
		hyph_charset(hd);
}

/* A word the filtered patterns do not cover: load them all, for good. */
static void
hyph_unfilter(struct hyph_dict *hd)
{
	hnj_hyphen_free(hd->dict);
	/* the filtered trie goes first: loading makes hd->trie anew */
	hyph_trie_free(hd->trie);
	hd->trie = NULL;
	hd->dict = hyph_load_filtered(NULL, hd, hd->path, 1);
	if (hd->dict == NULL)
		hd->dict = hyph_load_path(hd->path);
	free(hd->path);
	hd->path = NULL;
	hd->filtered = 0;
	if (hd->dict != NULL)
		hyph_charset(hd);
}

static struct hyph_dict *
hyph_dict(struct hyphenator *h, enum hyph_lang l)
{
	struct hyph_dict *hd = &h->d[l];
	char *path, *other;
	size_t i;

	if (hd->same != NULL)
		hd = hd->same;
	if (hd->tried)
		return hd->dict != NULL && hd->usable ? hd : NULL;
	hd->tried = 1;
	if ((path = hyph_find(hd->file)) == NULL)
		return NULL;
	/* Share a loaded dictionary with the same bytes. */
	for (i = 0; i < HL_COUNT && hd->same == NULL; i++) {
		if (i == (size_t)l || h->d[i].dict == NULL)
			continue;
		if ((other = hyph_find(h->d[i].file)) == NULL)
			continue;
		if (same_content(path, other))
			hd->same = &h->d[i];
		free(other);
	}
	if (hd->same != NULL) {
		free(path);
		hd = hd->same;
		return hd->usable ? hd : NULL;
	}
	hyph_load(h, hd, path);
	return hd->dict != NULL && hd->usable ? hd : NULL;
}

static struct hyph_slot *
hyph_slot(struct hyphenator *h, const char *key, size_t n, uint32_t hash)
{
	struct hyph_slot *s;
	size_t i;

	if (h->slots == NULL) {
		/* Small at first: a table that is never touched still costs
		 * a page fault per page on first use. */
		h->nslots = 4096;
		h->slots = pv_xcalloc(h->nslots, sizeof(*h->slots));
		/* Offset 0 marks an empty slot: start the pool at 1. */
		h->pool_cap = 4096;
		h->pool = pv_xmalloc(h->pool_cap);
		h->pool_len = 1;
	}
	i = hash & (h->nslots - 1);
	for (;;) {
		s = &h->slots[i];
		if (s->off == 0)
			return s;
		if (s->hash == hash && s->len == n &&
		    memcmp(h->pool + s->off, key, n) == 0)
			return s;
		i = (i + 1) & (h->nslots - 1);
	}
}

/* Twice the slots, up to HYPH_CACHE_SLOTS, keeping every entry. */
static void
hyph_grow(struct hyphenator *h)
{
	struct hyph_slot *old = h->slots;
	size_t nold = h->nslots, i, j;

	h->nslots *= 2;
	h->slots = pv_xcalloc(h->nslots, sizeof(*h->slots));
	for (i = 0; i < nold; i++) {
		if (old[i].off == 0)
			continue;
		for (j = old[i].hash & (h->nslots - 1); h->slots[j].off != 0;
		    j = (j + 1) & (h->nslots - 1))
			;
		h->slots[j] = old[i];
	}
	free(old);
}

static void
hyph_insert(struct hyphenator *h, struct hyph_slot *s, const char *key,
    size_t n, uint32_t hash, uint64_t points)
{
	if (h->nused >= HYPH_CACHE_MAX)
		return;
	if (2 * (h->nused + 1) > h->nslots && h->nslots < HYPH_CACHE_SLOTS) {
		hyph_grow(h);
		s = hyph_slot(h, key, n, hash);
	}
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
 * lowered and converted to the dictionary's charset.  0 for a word
 * hyph_convert() refuses.  A word the filtered patterns do not cover
 * makes the full dictionary load first.
 */
static uint64_t
hyph_lookup(struct hyph_dict *hd, const char *word, size_t len, size_t n)
{
	char conv[HYPH_MAX_WORD * 4 + 1];
	size_t nk, ncp;

	nk = hyph_convert(word, len, hd->utf8, conv, &ncp);
	if (nk == 0 || ncp != n)
		return 0;
	if (hd->filtered && !hyph_trie_covers(hd->trie, conv, nk)) {
		hyph_unfilter(hd);
		if (hd->dict == NULL)
			return 0;
	}
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

void
hyphenator_prepare(struct hyphenator *h, const char *lang, const char *text,
    size_t len)
{
	char conv[HYPH_MAX_WORD * 4];
	size_t i, k, s, nk, ncp;
	uint32_t c;

	/* nb and nn share one file, and a word is the same string in
	 * either: the words of all languages go in one set. */
	(void)lang;
	if (h == NULL || text == NULL || h->words_over)
		return;
	for (i = 0, s = 0;; i += k) {
		k = i < len ? pv_utf8_decode(text + i, len - i, &c) : 0;
		if (k != 0 && hyph_is_letter(c))
			continue;
		/* The letters text[s..i) end here. */
		if (i - s >= HYPH_MIN_WORD && i - s <= HYPH_MAX_WORD * 4) {
			nk = hyph_convert(text + s, i - s, 1, conv, &ncp);
			if (nk > 0 && ncp >= HYPH_MIN_WORD &&
			    hyph_set_add(&h->words, conv, nk,
			    hyph_hash(conv, nk), HYPH_PREP_MAX) == NULL) {
				h->words_over = 1;
				return;
			}
		}
		if (i >= len)
			break;
		if (k == 0)
			k = 1;
		s = i + k;
	}
}
