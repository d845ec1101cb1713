/*
 * locate.c - from a cJSON node back to its line and column.
 *
 * cJSON keeps no positions.  The text is scanned once more, recording the
 * offset of every value (and member name) in document order; a pre-order
 * walk of the cJSON tree visits the values in the same order, so the i-th
 * value of the walk is the i-th offset of the scan.  A hash from node
 * pointer to offset then answers each question in constant time.
 *
 * From an offset to line and column: the line and column at every
 * LOCATE_MARK_EVERY bytes are recorded in the same single pass, so a
 * position costs at most that many bytes of counting, however long the
 * file or its lines (a minified plan is one line).  Nothing here is built
 * until the first position is asked for, which is when the first
 * diagnostic is printed: a valid document never pays for it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "load.h"

struct load_slot {
	const cJSON *node;
	size_t value_off;
	size_t key_off;
};

#define LOCATE_MARK_EVERY 4096 /* bytes between two recorded positions */

struct load_mark {
	int line, col; /* of the byte at k * LOCATE_MARK_EVERY */
};

struct load_index {
	struct load_slot *slots; /* open addressing, power of two */
	size_t mask;
	struct load_mark *marks;
	size_t nmarks;
};

struct scan {
	const char *s;
	size_t n, i;
	size_t *vals, *keys; /* per value: its offset and its key's offset */
	size_t count, cap;
};

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->n && strchr(" \t\r\n", sc->s[sc->i]) != NULL &&
	    sc->s[sc->i] != '\0')
		sc->i++;
}

static void
skip_string(struct scan *sc)
{
	sc->i++; /* opening quote */
	while (sc->i < sc->n && sc->s[sc->i] != '"') {
		if (sc->s[sc->i] == '\\')
			sc->i++;
		sc->i++;
	}
	sc->i++;
}

static void
record(struct scan *sc, size_t key_off)
{
	if (sc->count == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 256;
		sc->vals = pv_xreallocarray(sc->vals, sc->cap, sizeof(size_t));
		sc->keys = pv_xreallocarray(sc->keys, sc->cap, sizeof(size_t));
	}
	sc->vals[sc->count] = sc->i;
	sc->keys[sc->count] = key_off;
	sc->count++;
}

/*
 * The text has already been parsed by cJSON, so it is valid JSON and its
 * nesting is bounded by LOAD_MAX_DEPTH: an explicit stack is not needed,
 * but we keep to a loop with a depth counter all the same.
 */
static void
scan_values(struct scan *sc)
{
	size_t key_off = (size_t)-1;

	skip_ws(sc);
	while (sc->i < sc->n) {
		char c = sc->s[sc->i];

		if (c == ',' || c == ']' || c == '}') {
			sc->i++;
			skip_ws(sc);
			continue;
		}
		if (c == '"') {
			/* a member name, or a string value */
			size_t start = sc->i;

			skip_string(sc);
			skip_ws(sc);
			if (sc->i < sc->n && sc->s[sc->i] == ':') {
				sc->i++;
				skip_ws(sc);
				key_off = start;
				continue;
			}
			sc->i = start;
			record(sc, key_off);
			skip_string(sc);
		} else {
			record(sc, key_off);
			if (c == '[' || c == '{')
				sc->i++;
			else
				while (sc->i < sc->n &&
				    strchr(",]} \t\r\n", sc->s[sc->i]) == NULL)
					sc->i++;
		}
		key_off = (size_t)-1;
		skip_ws(sc);
	}
}

static size_t
hash_ptr(const void *p)
{
	uintptr_t x = (uintptr_t)p;

	x ^= x >> 17;
	x *= 0x9E3779B97F4A7C15ull;
	return (size_t)(x ^ (x >> 29));
}

static void
index_put(struct load_index *ix, const cJSON *node, size_t v, size_t k)
{
	size_t h = hash_ptr(node) & ix->mask;

	while (ix->slots[h].node != NULL)
		h = (h + 1) & ix->mask;
	ix->slots[h].node = node;
	ix->slots[h].value_off = v;
	ix->slots[h].key_off = k;
}

/* Counts lines and columns as pv_offset_to_linecol does: a column is a
 * character, not a UTF-8 continuation byte.  The state after a byte
 * depends only on the state before it, so counting may start at a mark. */
static void
count_linecol(const char *s, size_t from, size_t to, int *line, int *col)
{
	size_t i;
	int l = *line, c = *col;

	for (i = from; i < to; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static void
marks_build(struct load_index *ix, const char *s, size_t n)
{
	size_t k;
	int line = 1, col = 1;

	ix->nmarks = n / LOCATE_MARK_EVERY + 1;
	ix->marks = pv_xreallocarray(NULL, ix->nmarks, sizeof(*ix->marks));
	for (k = 0; k < ix->nmarks; k++) {
		if (k > 0)
			count_linecol(s, (k - 1) * LOCATE_MARK_EVERY,
			    k * LOCATE_MARK_EVERY, &line, &col);
		ix->marks[k].line = line;
		ix->marks[k].col = col;
	}
}

static void
index_linecol(const struct load_index *ix, const char *s, size_t n,
    size_t off, int *line, int *col)
{
	size_t k;

	if (off > n)
		off = n;
	k = off / LOCATE_MARK_EVERY;
	*line = ix->marks[k].line;
	*col = ix->marks[k].col;
	count_linecol(s, k * LOCATE_MARK_EVERY, off, line, col);
}

static struct load_index *
index_build(struct loaded_json *j)
{
	struct scan sc;
	struct load_index *ix;
	const cJSON **stack = NULL;
	size_t sp = 0, scap = 0, i = 0, size = 16;

	memset(&sc, 0, sizeof(sc));
	sc.s = j->text;
	sc.n = j->len;
	if (sc.n >= 3 && memcmp(sc.s, "\xEF\xBB\xBF", 3) == 0)
		sc.i = 3;
	scan_values(&sc);
	while (size < sc.count * 2 + 2)
		size *= 2;
	ix = pv_xcalloc(1, sizeof(*ix));
	ix->slots = pv_xcalloc(size, sizeof(*ix->slots));
	ix->mask = size - 1;
	marks_build(ix, j->text, j->len);
	/* Pre-order walk with an explicit stack of next siblings. */
	PV_GROW(stack, scap, 1);
	stack[sp++] = j->root;
	while (sp > 0) {
		const cJSON *n = stack[--sp];

		if (n == NULL)
			continue;
		if (i < sc.count) {
			index_put(ix, n, sc.vals[i], sc.keys[i]);
			i++;
		}
		PV_GROW(stack, scap, sp + 2);
		stack[sp++] = n->next == NULL || n == j->root ? NULL : n->next;
		stack[sp++] = n->child;
	}
	free(stack);
	free(sc.vals);
	free(sc.keys);
	return ix;
}

int
load_locate(struct loaded_json *j, const cJSON *node, int key, int *line,
    int *col)
{
	size_t h, off;

	*line = *col = 0;
	if (j == NULL || node == NULL || j->root == NULL)
		return 0;
	if (j->index == NULL)
		j->index = index_build(j);
	h = hash_ptr(node) & j->index->mask;
	while (j->index->slots[h].node != NULL) {
		if (j->index->slots[h].node == node) {
			off = key ? j->index->slots[h].key_off
			    : j->index->slots[h].value_off;
			if (off == (size_t)-1)
				off = j->index->slots[h].value_off;
			index_linecol(j->index, j->text, j->len, off, line,
			    col);
			return 1;
		}
		h = (h + 1) & j->index->mask;
	}
	return 0;
}

void
load_index_free(struct load_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->slots);
	free(ix->marks);
	free(ix);
}
