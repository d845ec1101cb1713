/*
 * hyph_trie.h - the part of a hyphenation dictionary some words can reach.
 *
 * A libhyphen .dic file holds some 27 000 patterns; a document's words
 * reach a small part of them.  The trie holds the letters of every
 * pattern; walking the words through it marks what they reach, and the
 * marked part is written out as a smaller .dic that gives those words
 * exactly the points Liang's algorithm finds with the whole one (see
 * hyph_trie.c for why libhyphen alone would not).
 * Words are in the dictionary's charset, lower case, without the dots.
 */
#ifndef PV_HYPH_TRIE_H
#define PV_HYPH_TRIE_H

#include <stddef.h>

/* Letters of the longest pattern we take; a longer one means the whole
 * dictionary is loaded instead. */
#define HYPH_TRIE_PAT_MAX 32

struct hyph_trie;

/* The trie of the .dic text buf[0..len) (its first line the charset);
 * NULL for a text this does not understand: load the whole file then. */
struct hyph_trie *hyph_trie_new(const char *buf, size_t len);
void hyph_trie_free(struct hyph_trie *);
/* Mark what libhyphen would walk through for ".word.". */
void hyph_trie_mark(struct hyph_trie *, const char *word, size_t n);
/* Mark every node: the filtered text is then the whole dictionary,
 * with the values libhyphen would otherwise miss. */
void hyph_trie_mark_all(struct hyph_trie *);
/* Whether everything ".word." walks through was marked. */
int hyph_trie_covers(const struct hyph_trie *, const char *word, size_t n);
/* The .dic text for the marked part, from the same buf the trie was
 * made of; the caller frees it. */
char *hyph_trie_filtered(const struct hyph_trie *, const char *buf,
    size_t len, size_t *outlen);

#endif
