/*
 * fuzz_font.c - a TrueType file, as a municipality drops its own fonts
 * into fonts/: loaded through a font map, measured, and subset for
 * embedding.  A damaged font must be an error that names the file, never
 * a read outside it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/font/font.h"
#include "../../src/util/buf.h"
#include "../../src/util/file.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t cps[] = { 'A', 'g', ' ', 0xE5, 0xF8, 0x14B,
	    0x1F600, 0xFFFF };
	struct fontset *fs = NULL;
	struct pv_diags d;
	struct pv_buf map;
	const char *mpath;
	int face;
	size_t i;

	(void)fuzz_scratch("font", data, size);
	pv_buf_init(&map);
	pv_buf_printf(&map, "{\"families\": {\"Fuzz\": {\"regular\": "
	    "\"planverk-fuzz-font-%ld\"}}}", (long)getpid());
	mpath = fuzz_scratch("fontmap", (const uint8_t *)map.data, map.len);
	pv_diags_init(&d);
	if (fontset_new(mpath, fuzz_scratch_dir(), &fs, &d) != PV_OK)
		abort();
	face = fontset_face(fs, "Fuzz", FONT_REGULAR, NULL, &d);
	if (face < 0 && d.errors == 0)
		abort();
	if (face >= 0) {
		uint16_t g[8];
		unsigned char *sub;
		size_t len = 0;

		for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
			(void)font_advance(fs, face, cps[i]);
			g[i] = font_glyph(fs, face, cps[i]);
		}
		(void)font_glyph_advance(fs, face, 0xFFFF);
		sub = font_subset(fs, face, g, 8, &len);
		free(sub);
	}
	fontset_free(fs);
	pv_diags_free(&d);
	pv_buf_free(&map);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
