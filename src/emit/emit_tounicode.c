/*
 * emit_tounicode.c - a correct ToUnicode map for every font we used.
 *
 * With its "UTF-8" encoder, libharu 2.3.0 shows each character as a
 * 2-byte code equal to its BMP code point (Identity-H, the CIDToGIDMap
 * turns codes into glyphs).  As the font's /ToUnicode it writes the
 * encoder's own CMap, a CID CMap (begincidrange <0000> <FFFF> 0) that
 * maps codes to CIDs, not to Unicode: poppler warns "Invalid
 * 'begincidrange' operator in ToUnicode CMap" on every page, and copy
 * and paste depend on each reader's guesswork.
 *
 * We keep libharu's stream object (so no object is left unreferenced),
 * empty it, drop the CMap-resource keys from its dictionary, and write a
 * ToUnicode CMap of our own: codespace <0000> <FFFF>, and each code that
 * was shown mapped to itself as UTF-16BE, in bfrange runs (within one
 * high byte, as the CMap rules ask) and bfchar singles, 100 to a block.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

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

static int
is_used(const uint8_t *used, uint32_t cp)
{
	return (used[cp >> 3] >> (cp & 7)) & 1;
}

struct run {
	uint32_t from, to;
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
				    (unsigned)r[k].from, (unsigned)r[k].to,
				    (unsigned)r[k].from);
			else
				pv_buf_printf(b, "<%04X> <%04X>\n",
				    (unsigned)r[k].from, (unsigned)r[k].from);
		}
		pv_buf_puts(b, ranges ? "endbfrange\n" : "endbfchar\n");
	}
}

/* The CMap text for the codes marked in `used` (a bit per BMP code). */
static void
make_cmap(const uint8_t *used, struct pv_buf *b)
{
	/* Runs are separated by unused codes: at most 32768 of each. */
	struct run *ranges = pv_xcalloc(32768, sizeof(*ranges));
	struct run *singles = pv_xcalloc(32768, sizeof(*singles));
	size_t nr = 0, ns = 0;
	uint32_t cp = 0, end;

	pv_buf_puts(b, cmap_head);
	while (cp <= 0xFFFF) {
		/* Surrogate codes never come from text; skip them. */
		if (!is_used(used, cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
			cp++;
			continue;
		}
		end = cp;
		while (end < 0xFFFF && (end & 0xFF) != 0xFF &&
		    is_used(used, end + 1))
			end++;
		if (end > cp) {
			ranges[nr].from = cp;
			ranges[nr++].to = end;
		} else {
			singles[ns].from = singles[ns].to = cp;
			ns++;
		}
		cp = end + 1;
	}
	put_runs(b, ranges, nr, 1);
	put_runs(b, singles, ns, 0);
	pv_buf_puts(b, cmap_tail);
	free(ranges);
	free(singles);
}

static void
replace_map(struct emit_ctx *c, HPDF_Font font, const uint8_t *used)
{
	static const char *const cmap_keys[] = {
		"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap",
	};
	HPDF_Dict tu;
	struct pv_buf b;
	size_t i;

	tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (emit_check(c))
		return;
	if (tu == NULL) {
		/* Not libharu 2.3.0's layout: add a map of our own. */
		tu = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
		if (tu == NULL || HPDF_Dict_Add(font, "ToUnicode", tu) !=
		    HPDF_OK) {
			emit_check(c);
			return;
		}
	}
	if (tu->stream == NULL) {
		emit_fail(c, PV_EINTERNAL, NULL,
		    "PDF: the font's ToUnicode is not a stream");
		return;
	}
	for (i = 0; i < sizeof(cmap_keys) / sizeof(cmap_keys[0]); i++)
		HPDF_Dict_RemoveElement(tu, cmap_keys[i]);
	HPDF_MemStream_FreeData(tu->stream);
	if (c->opt->compress)
		tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	pv_buf_init(&b);
	make_cmap(used, &b);
	HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	pv_buf_free(&b);
	emit_check(c);
}

void
emit_tounicode(struct emit_ctx *c)
{
	size_t i;

	c->doing = "writing the ToUnicode maps";
	for (i = 0; i < c->nfaces && !c->failed; i++)
		if (c->faces[i].font != NULL)
			replace_map(c, c->faces[i].font, c->faces[i].used);
	c->doing = NULL;
}
