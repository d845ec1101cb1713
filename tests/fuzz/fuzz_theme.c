/*
 * fuzz_theme.c - a theme file and a font map, as a municipality writes
 * them.  Input that starts with "#fontmap\n" is a font map (the rest of
 * it); anything else is a theme.  A theme that loads is then used to lay
 * out a small document, so that every value it accepts is one layout can
 * live with.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/parse/parse.h"
#include "../../src/theme/theme.h"
#include "../../src/util/file.h"
#include "fuzz.h"

static const char sample[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nb\">\n"
    "<head><title>Tema</title></head>\n<body>\n"
    "<section><h1>Mål og tiltak</h1><p>Alle ansatte skal kjenne planen "
    "for kompetanseutvikling i barnehage og skole, <em>også</em> SFO.</p>"
    "<ul><li>Felles språk</li></ul><table><thead><tr><th>Tiltak</th>"
    "<th>Kroner</th></tr></thead><tbody><tr><td>Kurs</td><td>1 000</td>"
    "</tr></tbody></table></section>\n</body>\n</html>\n";
static const char fontmap_tag[] = "#fontmap\n";

static struct doc *doc;
static struct fontset *fonts;
static char *fonts_dir;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pv_diags d;
	char *map = fuzz_path("fonts/fonts.json");

	(void)argc;
	(void)argv;
	fonts_dir = fuzz_path("fonts");
	pv_diags_init(&d);
	if (parse_xhtml("tema.xhtml", sample, sizeof(sample) - 1, &doc, &d)
	    != PV_OK || fontset_new(map, fonts_dir, &fonts, &d) != PV_OK)
		abort();
	pv_diags_free(&d);
	free(map);
	return 0;
}

static void
try_fontmap(const uint8_t *data, size_t size)
{
	struct fontset *fs = NULL;
	struct pv_diags d;
	const char *path = fuzz_scratch("fontmap", data, size);

	pv_diags_init(&d);
	if (fontset_new(path, fonts_dir, &fs, &d) == PV_OK) {
		/* Every family the map names must load or fail cleanly. */
		(void)fontset_face(fs, "Open Sans", FONT_REGULAR, NULL, &d);
		(void)fontset_face(fs, "Open Sans", FONT_BOLD_ITALIC, NULL, &d);
		fontset_free(fs);
	} else if (d.errors == 0)
		abort();
	pv_diags_free(&d);
}

static void
try_theme(const uint8_t *data, size_t size)
{
	struct theme *th = NULL;
	struct lay_doc ld;
	struct pv_diags d;
	const char *path = fuzz_scratch("theme", data, size);
	enum pv_status st;

	memset(&ld, 0, sizeof(ld));
	pv_diags_init(&d);
	st = theme_load(path, &th, &d);
	if (st == PV_OK)
		st = layout_document(doc, th, fonts, &ld, &d);
	if (st != PV_OK && d.errors == 0)
		abort();
	if (st == PV_EINTERNAL)
		abort();
	lay_doc_free(&ld);
	theme_free(th);
	pv_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t k = sizeof(fontmap_tag) - 1;

	if (size >= k && memcmp(data, fontmap_tag, k) == 0)
		try_fontmap(data + k, size - k);
	else
		try_theme(data, size);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
