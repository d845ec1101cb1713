/*
 * hyphenate.h - Norwegian hyphenation points of a word, from libhyphen
 * and hyphen-no dictionaries loaded on demand.  Inside the paragraph
 * engine (src/para/); the engine owns one hyphenator per document.
 */
#ifndef PV_HYPHENATE_H
#define PV_HYPHENATE_H

#include <stddef.h>

struct hyphenator;

struct hyphenator *hyphenator_new(void);
void hyphenator_free(struct hyphenator *);
/*
 * Tell the hyphenator the text that will be hyphenated (UTF-8; any text:
 * the words are picked out of it), before the first hyphenate_word(); call
 * it as often as needed, e.g. once per text node.  A dictionary loaded
 * after this keeps only the patterns these words can match, which loads
 * much faster.  The points are the same as without it; a word that was
 * not prepared may just cost loading the full dictionary then.  `lang` is
 * the text's language (words of all languages are pooled: nb and nn share
 * one file).
 */
void hyphenator_prepare(struct hyphenator *, const char *lang,
    const char *text, size_t len);
/*
 * Hyphenation points of one word (UTF-8, letters only): sets points[i] = 1
 * when a hyphen may go after the i-th code point.  `n` is the number of code
 * points.  Unknown languages fall back to nb; with no dictionary installed,
 * no points.  Keeps at least 2 letters before and 3 after a break.
 */
void hyphenate_word(struct hyphenator *, const char *lang, const char *word,
    size_t len, unsigned char *points, size_t n);

#endif
