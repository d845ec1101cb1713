/*
 * fuzz_xhtml.c - XHTML bytes through parse, layout and (for short
 * documents) emit, as `planverk typeset` runs them, with the default
 * theme and the project's fonts.
 *
 * The document is named as if it sat in tests/fixtures/xhtml/, so that
 * <img src="img/..."> reaches the fixture images.  Whatever comes out of
 * layout must emit without an internal error.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/emit/emit.h"
#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/parse/parse.h"
#include "../../src/theme/theme.h"
#include "../../src/util/file.h"
#include "fuzz.h"

/* More pages than this are laid out but not emitted: emit has its own
 * harness through fuzz_build, and speed matters more here. */
#define FUZZ_EMIT_MAX_PAGES 8

static struct fontset *fonts;
static char *file;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pv_diags d;
	char *map = fuzz_path("fonts/fonts.json"), *dir = fuzz_path("fonts");

	(void)argc;
	(void)argv;
	file = fuzz_path("tests/fixtures/xhtml/fuzz.xhtml");
	pv_diags_init(&d);
	if (fontset_new(map, dir, &fonts, &d) != PV_OK)
		abort();
	pv_diags_free(&d);
	free(map);
	free(dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *doc = NULL;
	struct theme *th = theme_default();
	struct lay_doc ld;
	struct pv_diags d;
	enum pv_status st;

	memset(&ld, 0, sizeof(ld));
	pv_diags_init(&d);
	st = parse_xhtml(file, (const char *)data, size, &doc, &d);
	if (st == PV_OK)
		st = layout_document(doc, th, fonts, &ld, &d);
	if (st == PV_OK && ld.npages <= FUZZ_EMIT_MAX_PAGES) {
		struct emit_options eo = { "planverk fuzz", 0, 0, 0 };
		unsigned char *pdf = NULL;
		size_t len = 0;

		st = emit_pdf(&ld, fonts, &eo, &pdf, &len, &d);
		free(pdf);
	}
	if (st != PV_OK && d.errors == 0)
		abort();
	if (st == PV_EINTERNAL)
		abort();
	lay_doc_free(&ld);
	doc_free(doc);
	theme_free(th);
	pv_diags_free(&d);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
