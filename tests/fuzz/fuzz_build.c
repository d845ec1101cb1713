/*
 * fuzz_build.c - the whole of `planverk build` in memory: JSON bytes
 * through load, validate, enrich, the kompetanseplan templates, parse,
 * layout and emit, with the default theme and the project's fonts.
 *
 * The property is the build's promise: any input ends in a PDF or in an
 * input error that says why.  A valid plan whose XHTML does not parse, or
 * that ends in an internal error, is a bug of ours and aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../../src/emit/emit.h"
#include "../../src/enrich/enrich.h"
#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/load/load.h"
#include "../../src/mustache/mustache.h"
#include "../../src/mustache/mustache_cjson.h"
#include "../../src/parse/parse.h"
#include "../../src/theme/theme.h"
#include "../../src/util/file.h"
#include "../../src/validate/validate.h"
#include "fuzz.h"

static struct schema *schema;
static struct mustache_template *document;
static struct fontset *fonts;
static char *type_dir;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pv_diags d;
	char *spath, *tpath, *map, *dir, *text;
	size_t len;

	(void)argc;
	(void)argv;
	type_dir = fuzz_path("templates/kompetanseplan");
	spath = fuzz_path("templates/kompetanseplan/schema.json");
	tpath = fuzz_path("templates/kompetanseplan/document.mustache");
	map = fuzz_path("fonts/fonts.json");
	dir = fuzz_path("fonts");
	pv_diags_init(&d);
	if (schema_load(spath, &schema, &d) != PV_OK ||
	    pv_read_file(tpath, &text, &len, &d) != PV_OK ||
	    (document = mustache_compile(tpath, text, len, &d)) == NULL ||
	    fontset_new(map, dir, &fonts, &d) != PV_OK)
		abort();
	free(text);
	pv_diags_free(&d);
	free(spath);
	free(tpath);
	free(map);
	free(dir);
	return 0;
}

/* Diagnostics of a bug of ours, for the crash report. */
static void
bug(const char *what, const struct pv_diags *d)
{
	size_t i;

	fprintf(stderr, "fuzz_build: %s\n", what);
	for (i = 0; i < d->n; i++)
		fprintf(stderr, "  %s\n", d->v[i].msg);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct loaded_json *doc = NULL;
	struct enrich_options eo = { type_dir, NULL };
	struct mustache_partials partials = { mustache_load_dir, NULL, 1 };
	struct theme *th = theme_default();
	struct doc *xdoc = NULL;
	struct lay_doc ld;
	struct pv_diags d;
	struct pv_buf xhtml;
	cJSON *view = NULL;
	enum pv_status st;

	memset(&ld, 0, sizeof(ld));
	partials.ctx = type_dir;
	pv_diags_init(&d);
	pv_buf_init(&xhtml);
	st = load_json_text("fuzz.json", (const char *)data, size, &doc, &d);
	if (st == PV_OK)
		st = validate_document(schema, doc, &d);
	if (st == PV_OK)
		st = enrich_document(doc, &eo, &view, &d);
	if (st == PV_OK) {
		/* From here on the plan is valid: only limits may refuse. */
		st = mustache_render(document, &mustache_cjson_ops, view,
		    &partials, &xhtml, &d);
		if (st == PV_OK)
			st = parse_xhtml("fuzz.xhtml", xhtml.data, xhtml.len,
			    &xdoc, &d);
		if (st != PV_OK && d.errors == 0)
			bug("a valid plan failed without a message", &d);
		if (st == PV_OK)
			st = layout_document(xdoc, th, fonts, &ld, &d);
		if (st == PV_OK) {
			struct emit_options o = { "planverk fuzz", 0, 1, 0 };
			unsigned char *pdf = NULL;
			size_t len = 0;

			st = emit_pdf(&ld, fonts, &o, &pdf, &len, &d);
			free(pdf);
		}
	}
	if (st != PV_OK && d.errors == 0)
		bug("a failure without a message", &d);
	if (st == PV_EINTERNAL)
		bug("an internal error", &d);
	lay_doc_free(&ld);
	doc_free(xdoc);
	theme_free(th);
	cJSON_Delete(view);
	pv_buf_free(&xhtml);
	loaded_json_free(doc);
	pv_diags_free(&d);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
