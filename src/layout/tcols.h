/*
 * tcols.h - sharing a table's width out among its columns (automatic table
 * layout, CSS 2.1 section 17.5.2.2 as browsers do it, with planverk's rule
 * that words are kept whole as long as any column can give room).
 *
 * Pure arithmetic on widths in pt, no fonts or pages: the unit tests feed
 * it made-up widths.
 */
#ifndef PV_TCOLS_H
#define PV_TCOLS_H

/* How far the columns had to be squeezed. */
enum tcols_fit {
	TCOLS_MAX,    /* every column has its max-content width or more */
	TCOLS_WORDS,  /* every column is at least its longest word wide */
	TCOLS_HYPH,   /* words are hyphenated, never broken elsewhere */
	TCOLS_BREAK,  /* even hyphenated words do not fit: broken */
};

/*
 * Widths of n columns sharing `width` pt.  Per column: hmin is the
 * min-content width with hyphenation points, min without (the longest
 * word), max the max-content width, given a width the document asks for
 * (0: automatic).  `stretch_given`: when every column has a given width
 * and they do not fill the width, stretch them (percentages).  cw gets the
 * widths; they add up to `width` unless the columns together need more
 * (never: the water level only gets low).  Returns how far it squeezed.
 * For TCOLS_HYPH every column is at most as wide as *level unless its
 * hyphenated words need more, and the columns whose longest word is
 * narrower keep it whole; for TCOLS_BREAK every column is at most *level
 * wide and those narrower keep their hyphenated min-content.
 */
enum tcols_fit tcols_share(int n, const double *hmin, const double *min,
    const double *max, const double *given, int stretch_given,
    double width, double *cw, double *level);

#endif
