/*
 * linebreak.h - the Knuth-Plass line breaker, inside the paragraph module.
 *
 * It knows boxes, glue and penalties and nothing of text or fonts, so
 * that tests can drive it with made-up items.  Not part of any contract
 * outside src/para/.
 */
#ifndef PV_LINEBREAK_H
#define PV_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

/* A penalty of LB_INF or more forbids a break; -LB_INF or less forces one. */
#define LB_INF 10000

/*
 * Nodes kept active at once.  Normal text at normal widths needs a few
 * dozen; only hostile input (thousands of one-letter words on a wide line,
 * a long URL broken between characters) reaches the cap, and then the
 * nodes with the worst demerits per line are dropped, which keeps the
 * work linear in the length of the paragraph.
 */
#define LB_MAX_ACTIVE 128

enum lb_kind {
	LB_BOX,
	LB_GLUE,
	LB_PENALTY,
};

/* Item flags. */
#define LBF_FLAGGED  0x01 /* penalty: a hyphen break (for the hyphen demerits) */
#define LBF_HYPHEN   0x02 /* penalty: breaking here adds a visible hyphen */
#define LBF_NOBREAK  0x04 /* glue: not a break (U+00A0, nowrap) */
#define LBF_CHARBRK  0x08 /* penalty: emergency break between characters */
#define LBF_SOFT     0x10 /* penalty: from U+00AD in the text */
#define LBF_WORDEND  0x20 /* box: last box of a word */
#define LBF_DICT     0x40 /* penalty: a dictionary hyphenation point */
#define LBF_KEEP     0x80 /* glue: no-break before a closing (after an opening)
			   * mark; freed only as the very last resort */

struct lb_item {
	double w;               /* box, glue: width; penalty: width if broken */
	double stretch, shrink; /* glue */
	int32_t penalty;        /* penalty */
	uint8_t kind;           /* enum lb_kind */
	uint8_t flags;
	/* Where the item came from, for the caller (not used here). */
	uint32_t run;
	uint32_t off, len;      /* bytes in the run's text */
};

struct lb_params {
	double width_first;     /* target width of line 1 */
	double width_rest;      /* of every other line */
	int ragged;             /* 0: justified (glue stretches) */
	double ragged_stretch;  /* ragged: slack that costs badness 100 */
	double tolerance;       /* largest badness accepted */
	int hyphenate;          /* LBF_DICT penalties are breaks */
	int final;              /* last pass: never fail (see linebreak.c) */
	double emergency_stretch; /* the stretch of a line without any */
	double line_penalty;
	double double_hyphen_demerits;  /* two hyphenated lines in a row */
	double triple_hyphen_demerits;  /* ... and each one more; when set,
					 * not an option before the final pass */
	double final_hyphen_demerits;
	double adj_demerits;    /* fitness classes more than one apart */
	double last_word_demerits; /* a lone short word on the last line */
};

/* Memory kept between calls, so that breaking many paragraphs does not
 * allocate for each. */
struct lb_scratch {
	struct lb_node *nodes;
	size_t nnodes, cap_nodes;
	struct lb_active *act;
	size_t nact, cap_act;
};

void lb_scratch_free(struct lb_scratch *);

/*
 * Break items[0..n) (the last item must be a forced penalty) into lines.
 * On success fills breaks[] (allocated, caller frees) with the index of
 * the item each line ends at, in order, and returns 0.  Returns -1 when no
 * set of lines is within the tolerance (never when params->final).
 */
int lb_break(const struct lb_item *items, size_t n,
    const struct lb_params *, struct lb_scratch *,
    size_t **breaks, size_t *nbreaks);

/* The adjustment ratio a justified line from item `from` (first item
 * after the break) to break item `to` gets, with its natural width,
 * stretch and shrink.  r = 0 for a line that is not stretched (the last
 * line, a line ending in a forced break, a line without glue). */
double lb_line_ratio(const struct lb_item *items, size_t from, size_t to,
    double target, double *natural);

/* Index of the first item that starts a line after a break at item b:
 * glue and penalties after the break are discarded. */
size_t lb_line_start(const struct lb_item *items, size_t n, size_t b);

#endif
