/*
 * fuzz_plan.c - JSON bytes through load, validate and enrich, as
 * `planverk check` runs them on a kompetanseplan.
 *
 * Any bytes must end in PV_OK or an input error with diagnostics; never a
 * crash, a sanitizer report, a hang or an error status without a message.
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "../../src/enrich/enrich.h"
#include "../../src/load/load.h"
#include "../../src/validate/validate.h"
#include "../../src/util/file.h"
#include "fuzz.h"

static struct schema *schema;
static char *type_dir;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pv_diags d;
	char *path;

	(void)argc;
	(void)argv;
	type_dir = fuzz_path("templates/kompetanseplan");
	path = fuzz_path("templates/kompetanseplan/schema.json");
	pv_diags_init(&d);
	if (schema_load(path, &schema, &d) != PV_OK)
		abort();
	pv_diags_free(&d);
	free(path);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct loaded_json *doc = NULL;
	struct enrich_options eo = { type_dir, NULL };
	struct pv_diags d;
	cJSON *view = NULL;
	enum pv_status st;

	pv_diags_init(&d);
	st = load_json_text("fuzz.json", (const char *)data, size, &doc, &d);
	if (st == PV_OK)
		st = validate_document(schema, doc, &d);
	if (st == PV_OK) {
		st = enrich_document(doc, &eo, &view, &d);
		cJSON_Delete(view);
	}
	/* A failure always says why. */
	if (st != PV_OK && d.errors == 0)
		abort();
	if (st == PV_EINTERNAL)
		abort();
	loaded_json_free(doc);
	pv_diags_free(&d);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
