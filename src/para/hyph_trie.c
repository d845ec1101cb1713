/*
 * hyph_trie.c - the part of a hyphenation dictionary some words can reach.
 *
 * libhyphen runs an automaton over ".word.": after each letter it is in
 * the state of the longest suffix of what it read that is a prefix of
 * some pattern, and applies that state's own pattern only.  A state is
 * a prefix of a pattern's letters: a node of this trie.  Walking every
 * substring of ".word." down the trie from the root marks exactly the
 * states the automaton can be in on that word (and on no other string
 * it reads for it).  The smaller .dic keeps
 *   - the charset line, comments, empty lines and the LEFTHYPHENMIN ...
 *     NOHYPHEN lines, as they are;
 *   - every marked node that has a value or no marked child, as its
 *     letters with values (below).  libhyphen makes every prefix of a
 *     line's letters a state, so this brings in all marked nodes.
 * For a marked word, every substring is then a state of the small
 * dictionary exactly when it is one of the whole, with the same fallback
 * (a shorter suffix, also marked), so the automaton walks the same
 * states.
 *
 * libhyphen applies at each letter the pattern of its state alone, where
 * Liang's algorithm applies every pattern that ends there; its authors
 * expect the file run through substrings.pl first, which gives every
 * state the values of all the patterns it ends with.  Debian's nb and nn
 * files are not (hyph_nb_NO.dic gives "skoleledel-sen" for what TeX's
 * patterns, the same ones, make "skole-le-del-sen"), so the smaller file
 * is written that way: each line a state with the values of every
 * pattern that is a suffix of its letters.
 *
 * Children are found through one hash table keyed by (node, byte): no
 * strings are compared or hashed, which keeps building the trie of a
 * whole dictionary cheaper than libhyphen's own loading of it.
 */
#include <hyphen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "hyph_trie.h"

/* Node flags. */
#define TN_MARKED 0x1           /* some word walks through it */
#define TN_MARKED_CHILD 0x2     /* and through one of its children */
#define TN_PATTERN 0x4          /* the letters of a pattern line end here */

/*
 * A node: its first child and next sibling (0: none; node 0 is the
 * root, never anybody's child), the byte that leads to it, its flags.
 * The root's children are also found at once through root[byte], the
 * one node with many; below it a node has a few.  Nodes live in one
 * array as large as the file could need, so it never moves; only the
 * part used is ever touched (page faults, not instructions, are what
 * memory costs here).
 */
struct trie_node {
	uint32_t child, sibling;
	uint32_t line;          /* offset + 1 of its pattern line; 0: none */
	uint8_t byte, flags;
};

struct hyph_trie {
	struct trie_node *node;
	size_t nnodes, capnodes;
	uint32_t root[256];
	size_t first_len;       /* the charset line, with its new line */
	/* The letters of the last pattern put in, and their nodes: the
	 * file is sorted, so the next one mostly starts the same way. */
	char last[HYPH_TRIE_PAT_MAX];
	uint32_t last_path[HYPH_TRIE_PAT_MAX];
	size_t nlast;
};

static uint32_t
child_of(const struct hyph_trie *t, uint32_t n, unsigned char c)
{
	uint32_t k;

	if (n == 0)
		return t->root[c];
	for (k = t->node[n].child; k != 0; k = t->node[k].sibling)
		if (t->node[k].byte == c)
			return k;
	return 0;
}

/* The child c of node n, made if need be; 0 when the array is full
 * (it cannot be: the file has a byte for every node). */
static uint32_t
add_child(struct hyph_trie *t, uint32_t n, unsigned char c)
{
	uint32_t k = child_of(t, n, c);

	if (k != 0)
		return k;
	if (t->nnodes == t->capnodes)
		return 0;
	k = (uint32_t)t->nnodes++;
	t->node[k].child = 0;
	t->node[k].line = 0;
	t->node[k].byte = c;
	t->node[k].flags = 0;
	if (n == 0) {
		t->node[k].sibling = 0;
		t->root[c] = k;
	} else {
		t->node[k].sibling = t->node[n].child;
		t->node[n].child = k;
	}
	return k;
}

/* Whether a .dic line starts with a word (not a pattern) of libhyphen. */
static int
is_keyword(const char *l, size_t n)
{
	static const char *const kw[] = {
		"LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
		"COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN",
	};
	size_t i, k;

	if (n == 0 || l[0] < 'A' || l[0] > 'Z')
		return 0;
	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++) {
		k = strlen(kw[i]);
		if (n >= k && memcmp(l, kw[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Comments, empty lines and keywords go as they are: whatever libhyphen
 * makes of them, it makes the same of the smaller file. */
static int
is_kept_line(const char *l, size_t n)
{
	return n == 0 || l[0] == '%' || is_keyword(l, n);
}

/*
 * Put the letters of a pattern line into the trie, as libhyphen reads
 * them: up to the first blank, control character or '/', without the
 * digits.  The node where they end (0 for none), or -1 for a pattern
 * longer than HYPH_TRIE_PAT_MAX.
 */
static long
add_pattern(struct hyph_trie *t, const char *l, size_t n)
{
	char let[HYPH_TRIE_PAT_MAX];
	uint32_t node;
	size_t i, k = 0, same = 0;

	for (i = 0; i < n && (unsigned char)l[i] > ' ' && l[i] != '/'; i++) {
		if (l[i] >= '0' && l[i] <= '9')
			continue;
		if (k == HYPH_TRIE_PAT_MAX)
			return -1;
		let[k++] = l[i];
	}
	while (same < k && same < t->nlast && let[same] == t->last[same])
		same++;
	node = same > 0 ? t->last_path[same - 1] : 0;
	for (i = same; i < k; i++) {
		if ((node = add_child(t, node, (unsigned char)let[i])) == 0)
			return -1;
		t->last_path[i] = node;
	}
	memcpy(t->last, let, k);
	t->nlast = k;
	return (long)node;
}

void
hyph_trie_free(struct hyph_trie *t)
{
	if (t == NULL)
		return;
	free(t->node);
	free(t);
}

struct hyph_trie *
hyph_trie_new(const char *buf, size_t len)
{
	struct hyph_trie *t;
	const char *l, *e, *end = buf + len;
	size_t n;
	long node;

	if (len == 0 || buf[len - 1] != '\n' || len > UINT32_MAX)
		return NULL;
	t = pv_xcalloc(1, sizeof(*t));
	t->capnodes = len + 1;
	t->node = pv_xmalloc(t->capnodes * sizeof(*t->node));
	memset(&t->node[0], 0, sizeof(t->node[0]));
	t->nnodes = 1;
	e = memchr(buf, '\n', len);
	t->first_len = (size_t)(e - buf) + 1;
	for (l = e + 1; l < end; l = e + 1) {
		e = memchr(l, '\n', (size_t)(end - l));
		n = (size_t)(e - l);
		/* libhyphen reads lines into MAX_CHARS bytes; a second level
		 * of patterns is more than this understands. */
		if (n + 1 > MAX_CHARS - 1 || (n >= 9 &&
		    memcmp(l, "NEXTLEVEL", 9) == 0))
			goto fail;
		if (is_kept_line(l, n))
			continue;
		if ((node = add_pattern(t, l, n)) < 0)
			goto fail;
		t->node[node].flags |= TN_PATTERN;
		/* A line with '/' is a non-standard pattern, which the
		 * completion below does not understand: no trie then. */
		if (memchr(l, '/', n) != NULL)
			goto fail;
		t->node[node].line = (uint32_t)(l - buf) + 1;
	}
	return t;
fail:
	hyph_trie_free(t);
	return NULL;
}

/* Walk every substring of ".word." from the root; with mark, mark what
 * is reached, else say whether all of it was marked. */
static int
walk(struct hyph_trie *t, const char *word, size_t n, int mark)
{
	char b[4 * 64 + 2];
	size_t i, j;
	uint32_t node, c;

	if (n + 2 > sizeof(b))
		return 0;
	b[0] = '.';
	memcpy(b + 1, word, n);
	b[n + 1] = '.';
	n += 2;
	for (i = 0; i < n; i++) {
		for (node = 0, j = i; j < n; j++, node = c) {
			if ((c = child_of(t, node, (unsigned char)b[j])) == 0)
				break;
			if (!mark) {
				if (!(t->node[c].flags & TN_MARKED))
					return 0;
				continue;
			}
			t->node[c].flags |= TN_MARKED;
			t->node[node].flags |= TN_MARKED_CHILD;
		}
	}
	return 1;
}

void
hyph_trie_mark(struct hyph_trie *t, const char *word, size_t n)
{
	walk(t, word, n, 1);
}

void
hyph_trie_mark_all(struct hyph_trie *t)
{
	size_t k;

	for (k = 1; k < t->nnodes; k++) {
		t->node[k].flags |= TN_MARKED;
		if (t->node[k].child != 0)
			t->node[k].flags |= TN_MARKED_CHILD;
	}
}

int
hyph_trie_covers(const struct hyph_trie *t, const char *word, size_t n)
{
	/* walk() writes nothing without mark. */
	return walk((struct hyph_trie *)t, word, n, 0);
}

static void
put(char **b, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n > *cap) {
		while (*len + n > *cap)
			*cap *= 2;
		*b = pv_xrealloc(*b, *cap);
	}
	memcpy(*b + *len, s, n);
	*len += n;
}

/* Raise val[at..] to the values of the pattern line l (its digits
 * between and around its letters, counted in bytes as libhyphen does). */
static void
merge_values(const char *l, uint8_t *val, size_t at)
{
	size_t pos = at;

	for (; (unsigned char)*l > ' '; l++) {
		if (*l >= '0' && *l <= '9') {
			if ((uint8_t)(*l - '0') > val[pos])
				val[pos] = (uint8_t)(*l - '0');
		} else
			pos++;
	}
}

/*
 * The state let[0..k) (a marked node) as a line: its letters with, at
 * each place, the greatest value of any pattern its letters end with.
 * Those patterns are suffixes of a substring of the word, so they are
 * marked too.  Written when it has a value, or when no marked child's
 * line brings the state in (libhyphen makes a state of every prefix of
 * a line's letters).
 */
static void
put_state(const struct hyph_trie *t, const char *buf, const char *let,
    size_t k, int leaf, char **out, size_t *olen, size_t *ocap)
{
	uint8_t val[HYPH_TRIE_PAT_MAX + 1];
	char line[2 * HYPH_TRIE_PAT_MAX + 2];
	uint32_t node;
	size_t s, j, n = 0;
	int any = 0;

	memset(val, 0, k + 1);
	for (s = 0; s < k; s++) {
		for (node = 0, j = s; j < k && node != UINT32_MAX; j++)
			if ((node = child_of(t, node, (unsigned char)let[j]))
			    == 0)
				node = UINT32_MAX;
		if (node != UINT32_MAX && node != 0 && t->node[node].line != 0)
			merge_values(buf + t->node[node].line - 1, val, s);
	}
	for (j = 0; j <= k; j++)
		any |= val[j] != 0;
	if (!any && !leaf)
		return;
	for (j = 0; j <= k; j++) {
		if (val[j] != 0)
			line[n++] = (char)('0' + val[j]);
		if (j < k)
			line[n++] = let[j];
	}
	line[n++] = '\n';
	put(out, olen, ocap, line, n);
}

/* The marked nodes from c down (let[0..depth) leads to c). */
static void
put_states(const struct hyph_trie *t, const char *buf, uint32_t c, char *let,
    size_t depth, char **out, size_t *olen, size_t *ocap)
{
	uint8_t f = t->node[c].flags;
	uint32_t k;

	if (!(f & TN_MARKED))
		return;
	let[depth] = (char)t->node[c].byte;
	put_state(t, buf, let, depth + 1, !(f & TN_MARKED_CHILD), out, olen,
	    ocap);
	if (f & TN_MARKED_CHILD)
		for (k = t->node[c].child; k != 0; k = t->node[k].sibling)
			put_states(t, buf, k, let, depth + 1, out, olen, ocap);
}

char *
hyph_trie_filtered(const struct hyph_trie *t, const char *buf, size_t len,
    size_t *outlen)
{
	char let[HYPH_TRIE_PAT_MAX + 1], *out;
	size_t olen = 0, ocap = len / 8 + 4096, n;
	const char *l, *e, *end = buf + len;

	out = pv_xmalloc(ocap);
	put(&out, &olen, &ocap, buf, t->first_len);
	/* Comments and keywords as they are; a pattern line without
	 * letters (it ends at the root) too. */
	for (l = buf + t->first_len; l < end; l = e + 1) {
		e = memchr(l, '\n', (size_t)(end - l));
		n = (size_t)(e - l);
		if (is_kept_line(l, n) || t->node[0].line == (uint32_t)(l -
		    buf) + 1)
			put(&out, &olen, &ocap, l, n + 1);
	}
	for (n = 0; n < 256; n++)
		if (t->root[n] != 0)
			put_states(t, buf, t->root[n], let, 0, &out, &olen,
			    &ocap);
	*outlen = olen;
	return out;
}
