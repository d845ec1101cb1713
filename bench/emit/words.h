/*
 * words.h - the text of the emit benchmarks (bench_emit.c, bare_libharu.c).
 */
#ifndef PV_BENCH_WORDS_H
#define PV_BENCH_WORDS_H

static const char *const bench_words[] = {
	"Kommunen", "skal", "sikre", "at", "alle", "ansatte", "i",
	"barnehagen", "og", "skolen", "får", "tilbud", "om",
	"kompetanseutvikling", "som", "svarer", "til", "behovene", "i",
	"planperioden.", "Målet", "er", "at", "barn", "og", "unge", "møter",
	"voksne", "med", "god", "fagkunnskap,", "og", "at", "samisk",
	"språk", "og", "kultur", "får", "en", "naturlig", "plass", "i",
	"det", "daglige", "arbeidet.", "Tiltakene", "blir", "vurdert",
	"hvert", "år", "i", "samarbeid", "med", "tillitsvalgte,",
	"foreldreråd", "og", "Statsforvalteren.", "Sámegiella", "lea",
	"dehálaš", "oassi", "skuvlla", "beaivválaš", "bargguin,", "ja",
	"mánát", "galget", "oažžut", "oahpahusa", "iežaset", "gillii.",
	"Økonomien", "i", "planen", "bygger", "på", "statlige", "midler,",
	"kommunens", "egen", "ramme", "og", "bidrag", "fra", "regionale",
	"nettverk.", "Čálli", "ođđa", "giellaoahpa", "ja", "ŋ", "ŧ", "đ",
	"š", "ž", "vuođul.",
};

#define BENCH_NWORDS (sizeof(bench_words) / sizeof(bench_words[0]))

#endif
