/*
 * emit_tounicode.c - the ToUnicode CMap of a font: glyph ids to text.
 *
 * Our content streams show glyph ids (emit_font.c), so searching and
 * copying text depend on this map.  Each glyph shown maps to the code
 * point it was shown for; a glyph shown for several (a space and a
 * no-break space share one in most fonts) maps to the lowest, which
 * emit_draw.c keeps.  Consecutive glyphs with consecutive code points
 * become bfrange runs, kept within one high byte on both sides as the
 * CMap rules ask; the rest are bfchar singles, 100 to a block.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "emit_int.h"

#define CMAP_BLOCK 100  /* entries per begin...end block (PDF limit) */

static const char cmap_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
    "def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n"
    "<0000> <FFFF>\n"
    "endcodespacerange\n";

static const char cmap_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

struct run {
	unsigned from, to;      /* glyph ids */
	unsigned cp;            /* code point of the first */
};

/* Write the runs of one kind (ranges or singles) in blocks. */
static void
put_runs(struct pv_buf *b, const struct run *r, size_t n, int ranges)
{
	size_t i, k, m;

	for (i = 0; i < n; i += m) {
		m = n - i > CMAP_BLOCK ? CMAP_BLOCK : n - i;
		pv_buf_printf(b, "%zu %s\n", m,
		    ranges ? "beginbfrange" : "beginbfchar");
		for (k = i; k < i + m; k++) {
			if (ranges)
				pv_buf_printf(b, "<%04X> <%04X> <%04X>\n",
				    r[k].from, r[k].to, r[k].cp);
			else
				pv_buf_printf(b, "<%04X> <%04X>\n",
				    r[k].from, r[k].cp);
		}
		pv_buf_puts(b, ranges ? "endbfrange\n" : "endbfchar\n");
	}
}

/* Glyphs shown only for several units (ligatures, clusters): bfchar
 * entries with the units one after the other. */
static void
put_multi(struct pv_buf *b, const struct emit_face *f)
{
	unsigned g, k, n = 0, i;

	if (f->multi == NULL)
		return;
	for (g = 0; g < f->nglyphs; g++)
		if (f->unicode[g] == 0 && f->multi[g][0] > 0 &&
		    emit_glyph_used(f, g))
			n++;
	for (g = 0, i = 0; g < f->nglyphs; g++) {
		if (f->unicode[g] != 0 || f->multi[g][0] == 0 ||
		    !emit_glyph_used(f, g))
			continue;
		if (i % CMAP_BLOCK == 0)
			pv_buf_printf(b, "%u beginbfchar\n",
			    n - i > CMAP_BLOCK ? CMAP_BLOCK : n - i);
		pv_buf_printf(b, "<%04X> <", g);
		for (k = 1; k <= f->multi[g][0]; k++)
			pv_buf_printf(b, "%04X", f->multi[g][k]);
		pv_buf_puts(b, ">\n");
		if (++i % CMAP_BLOCK == 0 || i == n)
			pv_buf_puts(b, "endbfchar\n");
	}
}

void
emit_tounicode_cmap(const struct emit_face *f, struct pv_buf *b)
{
	struct run *ranges, *singles;
	size_t nr = 0, ns = 0;
	unsigned g, end;

	ranges = pv_xcalloc(f->nglyphs / 2 + 1, sizeof(*ranges));
	singles = pv_xcalloc(f->nglyphs + 1, sizeof(*singles));
	pv_buf_puts(b, cmap_head);
	for (g = emit_next_glyph(f, 0); g < f->nglyphs;
	    g = emit_next_glyph(f, end + 1)) {
		end = g;
		if (f->unicode[g] == 0)
			continue;
		while (((end + 1) & 0xFF) != 0 && emit_glyph_used(f, end + 1) &&
		    f->unicode[end + 1] == f->unicode[end] + 1 &&
		    (f->unicode[end + 1] & 0xFF) != 0)
			end++;
		if (end > g) {
			ranges[nr].from = g;
			ranges[nr].to = end;
			ranges[nr++].cp = f->unicode[g];
		} else {
			singles[ns].from = singles[ns].to = g;
			singles[ns++].cp = f->unicode[g];
		}
	}
	put_runs(b, ranges, nr, 1);
	put_runs(b, singles, ns, 0);
	put_multi(b, f);
	pv_buf_puts(b, cmap_tail);
	free(ranges);
	free(singles);
}
