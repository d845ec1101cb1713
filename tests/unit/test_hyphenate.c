/*
 * test_hyphenate.c - Norwegian hyphenation points (libhyphen with the
 * hyphen-no patterns): known words, bokmål and nynorsk, what is never
 * hyphenated, input that is not a word at all, and a prepared hyphenator
 * (filtered patterns) against the full dictionary.
 *
 * Needs the Debian hyphen-no package (make deps).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/para/hyphenate.h"
#include "../../src/util/buf.h"
#include "../../src/util/utf8.h"

static struct hyphenator *hy;

static int
setup(void **state)
{
	hy = hyphenator_new();
	return hy == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	hyphenator_free(hy);
	return 0;
}

/* The word with '-' at each point, as a reader would write it; the
 * caller frees. */
static char *
hyphenated(const char *lang, const char *word)
{
	unsigned char pts[256];
	struct pv_buf b;
	size_t n = pv_utf8_length(word, strlen(word)), i, k, j = 0;
	uint32_t cp;

	memset(pts, 0xAA, sizeof(pts));
	hyphenate_word(hy, lang, word, strlen(word), pts, n);
	pv_buf_init(&b);
	pv_buf_puts(&b, "");
	for (i = 0; word[i] != '\0'; i += k, j++) {
		k = pv_utf8_decode(word + i, strlen(word + i), &cp);
		if (k == 0)
			k = 1;
		pv_buf_put(&b, word + i, k);
		/* Every point is 0 or 1: the array was filled, not left. */
		assert_true(pts[j] == 0 || pts[j] == 1);
		if (pts[j])
			pv_buf_putc(&b, '-');
	}
	return pv_buf_take(&b);
}

static void
expect(const char *lang, const char *word, const char *want)
{
	char *got = hyphenated(lang, word);

	if (strcmp(got, want) != 0)
		print_error("%s: %s -> %s, expected %s\n",
		    lang != NULL ? lang : "(none)", word, got, want);
	assert_string_equal(got, want);
	free(got);
}

/* Known points of the dictionary for words of our domain. */
static void
test_known_words_nb(void **state)
{
	expect("nb", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("nb", "barnehagen", "barne-ha-gen");
	expect("nb", "utdanning", "ut-dan-ning");
	expect("nb", "tilrettelegging", "til-rette-leg-ging");
	expect("nb", "videreutdanning", "vi-dere-ut-dan-ning");
	expect("nb", "læringsutbytte", "læ-rings-ut-bytte");
	expect("nb", "gjennomføring", "gjen-nom-fø-ring");
	expect("nb", "organisasjonen", "or-ga-ni-sa-sjo-nen");
	expect("nb", "barnehage", "barne-hage");
	expect("nb", "samarbeid", "sam-ar-beid");
	/* Points that only a pattern inside a longer state gives: libhyphen
	 * alone, on Debian's file (not run through substrings.pl), found
	 * "skoleledel-sen", "læringsmiljø" and "rapportene" only. */
	expect("nb", "skoleledelsen", "skole-le-del-sen");
	expect("nb", "læringsmiljø", "læ-rings-miljø");
	expect("nb", "rapportene", "rap-por-tene");
}

/* Nynorsk: its own dictionary name, the same points for shared words. */
static void
test_known_words_nn(void **state)
{
	expect("nn", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("nn-NO", "opplæringslova", "opp-læ-rings-lova");
	expect("nn", "utdanning", "ut-dan-ning");
	expect("nno", "språkutvikling", "språk-ut-vik-ling");
}

/* "nb-NO", "no", North Sami and unknown languages all use bokmål. */
static void
test_language_fallback(void **state)
{
	expect("nb-NO", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("no", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("se", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("en", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect(NULL, "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
}

/* Capitals are hyphenated as the lower-case word. */
static void
test_case(void **state)
{
	expect("nb", "KOMPETANSEUTVIKLING", "KOM-PE-TANSE-UT-VIK-LING");
	expect("nb", "Kompetanseutvikling", "Kom-pe-tanse-ut-vik-ling");
	expect("nb", "GJENNOMFØRING", "GJEN-NOM-FØ-RING");
}

/* Fewer than five letters: never; at least two letters before a point
 * and three after, whatever the patterns say. */
static void
test_limits(void **state)
{
	static const char *const words[] = {
		"kompetanseutvikling", "barnehagelærerne", "evaluering",
		"prosjektet", "oppvekstsektoren", "fagfornyelsen",
		"utdanningsdirektoratet", "ungdomsskolen", "mestring",
		"aktivitet", "arbeidsgiverpolitikken", "økonomiplanen",
		"årsplanen", "læreplanverket", "ressurspersoner",
	};
	static const char *const shorts[] = {
		"skal", "barn", "også", "ikke", "mål", "år", "a", "",
	};
	unsigned char pts[80];
	size_t i, j, n;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = pv_utf8_length(words[i], strlen(words[i]));
		hyphenate_word(hy, "nb", words[i], strlen(words[i]), pts, n);
		for (j = 0; j < n; j++) {
			if (!pts[j])
				continue;
			assert_true(j + 1 >= 2);       /* letters before */
			assert_true(n - (j + 1) >= 3); /* letters after */
		}
	}
	for (i = 0; i < sizeof(shorts) / sizeof(shorts[0]); i++) {
		n = pv_utf8_length(shorts[i], strlen(shorts[i]));
		memset(pts, 1, sizeof(pts));
		hyphenate_word(hy, "nb", shorts[i], strlen(shorts[i]), pts,
		    n);
		for (j = 0; j < n; j++)
			assert_int_equal(pts[j], 0);
	}
}

/* What is not a plain word gets no points: digits, hyphens, URLs,
 * addresses, letters Latin-1 lacks, broken UTF-8, a 100-letter string. */
static void
test_not_words(void **state)
{
	static const char *const bad[] = {
		"kompetanse2024", "IKT-kompetanse", "www.udir.no",
		"postmottak@kommune.no", "https://example.no/kompetanse",
		"čállinbargu", "kompe\xff" "tanseutvikling",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	unsigned char pts[128];
	size_t i, j, n;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = pv_utf8_length(bad[i], strlen(bad[i]));
		memset(pts, 1, sizeof(pts));
		hyphenate_word(hy, "nb", bad[i], strlen(bad[i]), pts, n);
		for (j = 0; j < n; j++)
			if (pts[j])
				fail_msg("%s has a point after %zu", bad[i], j);
	}
}

/* No hyphenator, or a count that does not match the word: no points,
 * no crash. */
static void
test_degenerate(void **state)
{
	unsigned char pts[32];
	size_t j;

	memset(pts, 1, sizeof(pts));
	hyphenate_word(NULL, "nb", "kompetanseutvikling", 19, pts, 19);
	for (j = 0; j < 19; j++)
		assert_int_equal(pts[j], 0);
	memset(pts, 1, sizeof(pts));
	hyphenate_word(hy, "nb", "kompetanseutvikling", 19, pts, 12);
	for (j = 0; j < 12; j++)
		assert_int_equal(pts[j], 0);
	hyphenate_word(hy, "nb", "", 0, pts, 0);
	/* A wrong count asked first does not spoil the right answer. */
	hyphenate_word(hy, "nb", "handlingsplanen", 15, pts, 7);
	expect("nb", "handlingsplanen", "hand-lings-pla-nen");
}

/* The cache gives the same answer as the dictionary, many times over. */
static void
test_cache(void **state)
{
	int i;

	for (i = 0; i < 1000; i++) {
		expect("nb", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
		expect("nn", "barnehagen", "barne-ha-gen");
	}
}

/* The words (runs of letters, ASCII or not) of a file without its tags;
 * NUL-separated, the caller frees. */
static char *
corpus_words(const char *path, size_t *nwords)
{
	struct pv_buf b;
	FILE *f;
	int ch, tag = 0, inword = 0;

	*nwords = 0;
	pv_buf_init(&b);
	pv_buf_puts(&b, "");
	if ((f = fopen(path, "rb")) == NULL)
		return pv_buf_take(&b);
	while ((ch = getc(f)) != EOF) {
		if (ch == '<')
			tag = 1;
		if (!tag && ((ch >= 'a' && ch <= 'z') ||
		    (ch >= 'A' && ch <= 'Z') || ch >= 0x80)) {
			pv_buf_putc(&b, (char)ch);
			inword = 1;
		} else if (inword) {
			pv_buf_putc(&b, '\0');
			(*nwords)++;
			inword = 0;
		}
		if (ch == '>')
			tag = 0;
	}
	if (inword) {
		pv_buf_putc(&b, '\0');
		(*nwords)++;
	}
	fclose(f);
	return pv_buf_take(&b);
}

/* The points of a word from two hyphenators are the same. */
static void
same_points(struct hyphenator *a, struct hyphenator *b, const char *lang,
    const char *w)
{
	unsigned char pa[80], pb[80];
	size_t n = pv_utf8_length(w, strlen(w));

	if (n > sizeof(pa))
		return;
	memset(pa, 7, sizeof(pa));
	memset(pb, 9, sizeof(pb));
	hyphenate_word(a, lang, w, strlen(w), pa, n);
	hyphenate_word(b, lang, w, strlen(w), pb, n);
	if (memcmp(pa, pb, n) != 0)
		fail_msg("%s: prepared and full points differ", w);
}

/*
 * A prepared hyphenator (only the patterns the document's words can
 * match) gives the same points as the full dictionary, word for word,
 * for every word of a corpus, in both languages; then for words that
 * were not prepared (they load the full dictionary), and the corpus
 * again after that.
 */
static void
test_prepared(void **state)
{
	static const char *const unprepared[] = {
		"sjokoladefabrikkene", "Xylofonorkesteret", "brannvesenet",
		"KOMPETANSEUTVIKLINGSSTRATEGIEN", "Tunnelbanestasjonen",
	};
	struct hyphenator *pre, *full;
	char *words, *w;
	size_t nwords, i, pass;

	words = corpus_words("tests/fixtures/xhtml/prose20.xhtml", &nwords);
	assert_true(nwords > 1000);
	pre = hyphenator_new();
	full = hyphenator_new();
	/* Once per word and once per paragraph-like piece, as layout
	 * might: preparing the same text twice changes nothing. */
	for (w = words, i = 0; i < nwords; i++, w += strlen(w) + 1)
		hyphenator_prepare(pre, i % 2 ? "nn" : "nb", w, strlen(w));
	for (w = words, i = 0; i < nwords; i++, w += strlen(w) + 1)
		assert_string_not_equal(w, unprepared[0]);
	for (pass = 0; pass < 2; pass++) {
		for (w = words, i = 0; i < nwords; i++, w += strlen(w) + 1) {
			same_points(pre, full, "nb", w);
			same_points(pre, full, "nn", w);
		}
		if (pass == 0)
			for (i = 0; i < sizeof(unprepared) /
			    sizeof(unprepared[0]); i++)
				same_points(pre, full, "nb", unprepared[i]);
	}
	hyphenator_free(pre);
	hyphenator_free(full);
	free(words);
}

/* Known answers through a prepared hyphenator, and preparing text that
 * is not words (or nothing) is harmless. */
static void
test_prepared_known(void **state)
{
	static const char text[] = "Kompetanseutvikling i barnehagen, "
	    "tilrettelegging og videreutdanning (2024-2027): "
	    "www.udir.no \xff\xfe ikke-ord \xc3";
	struct hyphenator *saved = hy;

	hy = hyphenator_new();
	hyphenator_prepare(hy, "nb", text, sizeof(text) - 1);
	hyphenator_prepare(hy, "nb", "", 0);
	hyphenator_prepare(hy, NULL, NULL, 0);
	hyphenator_prepare(NULL, "nb", text, sizeof(text) - 1);
	expect("nb", "kompetanseutvikling", "kom-pe-tanse-ut-vik-ling");
	expect("nb", "Barnehagen", "Barne-ha-gen");
	expect("nn", "tilrettelegging", "til-rette-leg-ging");
	expect("nb", "videreutdanning", "vi-dere-ut-dan-ning");
	/* Not prepared: the full dictionary answers. */
	expect("nb", "organisasjonen", "or-ga-ni-sa-sjo-nen");
	expect("nb", "utdanning", "ut-dan-ning");
	hyphenator_free(hy);
	hy = saved;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_words_nb),
		cmocka_unit_test(test_known_words_nn),
		cmocka_unit_test(test_language_fallback),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_not_words),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_prepared),
		cmocka_unit_test(test_prepared_known),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
