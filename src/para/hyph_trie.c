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
 *   - every pattern line whose letters end at a marked node;
 *   - every other marked node with no marked child, as its letters
 *     without digits: a state whose (empty) pattern changes nothing.
 *     libhyphen makes every prefix of a line's letters a state, so this
 *     brings in all marked nodes that are no pattern themselves.
 * For a marked word, every substring is then a state of the small
 * dictionary exactly when it is one of the whole, with the same pattern
 * (or none) and the same fallback (a shorter suffix, also marked), so
 * the automaton walks the same states and gives the same points.
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
	uint8_t byte, flags;
};

struct hyph_trie {
	struct trie_node *node;
	size_t nnodes, capnodes;
	uint32_t root[256];
	/* The node of each pattern line, in file order. */
	uint32_t *pattern;
	size_t npatterns;
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
	free(t->pattern);
	free(t);
}

struct hyph_trie *
hyph_trie_new(const char *buf, size_t len)
{
	struct hyph_trie *t;
	const char *l, *e, *end = buf + len;
	size_t n, lines = 0;
	long node;

	if (len == 0 || buf[len - 1] != '\n' || len > UINT32_MAX)
		return NULL;
	for (l = buf; l < end; l = e + 1, lines++)
		e = memchr(l, '\n', (size_t)(end - l));
	t = pv_xcalloc(1, sizeof(*t));
	t->capnodes = len + 1;
	t->node = pv_xmalloc(t->capnodes * sizeof(*t->node));
	t->pattern = pv_xmalloc(lines * sizeof(*t->pattern));
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
		t->pattern[t->npatterns++] = (uint32_t)node;
		t->node[node].flags |= TN_PATTERN;
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

/* The marked nodes from c down that are no pattern and have no marked
 * child, as lines of their letters (let[0..depth) leads to c). */
static void
put_states(const struct hyph_trie *t, uint32_t c, char *let, size_t depth,
    char **out, size_t *olen, size_t *ocap)
{
	uint8_t f = t->node[c].flags;
	uint32_t k;

	let[depth] = (char)t->node[c].byte;
	if (f & TN_MARKED_CHILD) {
		for (k = t->node[c].child; k != 0; k = t->node[k].sibling)
			put_states(t, k, let, depth + 1, out, olen, ocap);
	} else if ((f & (TN_MARKED | TN_PATTERN)) == TN_MARKED) {
		let[depth + 1] = '\n';
		put(out, olen, ocap, let, depth + 2);
	}
}

char *
hyph_trie_filtered(const struct hyph_trie *t, const char *buf, size_t len,
    size_t *outlen)
{
	char let[HYPH_TRIE_PAT_MAX + 1], *out;
	size_t olen = 0, ocap = len / 8 + 4096, n, p = 0;
	const char *l, *e, *end = buf + len;

	out = pv_xmalloc(ocap);
	put(&out, &olen, &ocap, buf, t->first_len);
	for (l = buf + t->first_len; l < end; l = e + 1) {
		e = memchr(l, '\n', (size_t)(end - l));
		n = (size_t)(e - l);
		/* A pattern line is kept when its letters were reached (a
		 * line without letters ends at the root: kept too). */
		if (!is_kept_line(l, n)) {
			uint32_t node = t->pattern[p++];

			if (node != 0 && !(t->node[node].flags & TN_MARKED))
				continue;
		}
		put(&out, &olen, &ocap, l, n + 1);
	}
	for (n = 0; n < 256; n++)
		if (t->root[n] != 0)
			put_states(t, t->root[n], let, 0, &out, &olen, &ocap);
	*outlen = olen;
	return out;
}
