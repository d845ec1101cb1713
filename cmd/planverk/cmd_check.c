/*
 * cmd_check.c - `planverk check FILE...`: validate documents, report every
 * problem in every file, write nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/enrich/enrich.h"
#include "../../src/font/font.h"
#include "../../src/load/load.h"
#include "../../src/theme/theme.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "../../src/validate/validate.h"
#include "cmd.h"
#include "cmd_opts.h"

static void
check_usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk check [--strict] [--templates DIR] [--theme THEME.json]\n"
	    "                      FILE.json...\n"
	    "\n"
	    "Checks each document against the schema of its type (its \"type\"\n"
	    "member) and its own rules: required and unknown members, types,\n"
	    "dates, weeks, periods, ids and references, amounts and sums; and\n"
	    "that the theme's fonts exist and have every character of the text.\n"
	    "Every problem"
	    " is printed as FILE:LINE:COL: PATH: MESSAGE.  Nothing is\n"
	    "written.\n"
	    "\n"
	    "  --strict         every warning is an error (for CI)\n"
	    "  --templates DIR  document types in DIR/<type>/ first (README)\n"
	    "  --theme THEME.json  the theme build will use (docs/theme.md)\n"
	    "\n"
	    "Exit status: 0 all valid, 1 problems found, 2 usage, 3 I/O.\n");
}

/* Load and validate one document (shared with build). */
enum pv_status
cmd_load_valid(const char *path, struct loaded_json **out, char **type_dir,
    struct pv_diags *d)
{
	struct loaded_json *doc = NULL;
	struct schema *schema = NULL;
	enum pv_status st;
	char *spath;

	*out = NULL;
	*type_dir = NULL;
	if ((st = load_json_file(path, &doc, d)) != PV_OK)
		return st;
	if ((st = cmd_document_type(doc, type_dir, d)) != PV_OK) {
		loaded_json_free(doc);
		return st;
	}
	spath = cmd_type_file(*type_dir, "schema.json");
	st = schema_load(spath, &schema, d);
	free(spath);
	if (st != PV_OK) {
		/* our own schema failed: not the user's fault */
		loaded_json_free(doc);
		return PV_EINTERNAL;
	}
	st = validate_document(schema, doc, d);
	schema_free(schema);
	if (st != PV_OK) {
		loaded_json_free(doc);
		return st;
	}
	*out = doc;
	return PV_OK;
}

int
cmd_check(int argc, char **argv)
{
	int i, rc, worst = PV_OK, nfiles = 0, strict = 0;
	size_t problems = 0;
	const char *theme = NULL;
	const struct cmd_opt opts[] = {
		{ "strict", 0, 0, NULL, &strict, NULL },
		{ "theme", 0, 1, &theme, NULL, NULL },
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "check", opts, check_usage, 0 };

	if ((rc = cmd_opts_parse(&spec, argc, argv, &nfiles)) !=
	    CMD_OPTS_GO_ON)
		return rc;
	if (nfiles == 0)
		return cmd_usage_error("check", "no file given");
	argc = nfiles + 1;
	nfiles = 0;
	for (i = 1; i < argc; i++) {
		struct pv_diags d;
		struct loaded_json *doc;
		char *type_dir;
		enum pv_status st;

		pv_diags_init(&d);
		st = cmd_load_valid(argv[i], &doc, &type_dir, &d);
		if (st == PV_OK) {
			/* enrich finds what needs computing: sums that do
			 * not add up, columns that do not exist */
			char *ldir = cmd_type_file_dir(type_dir, "labels.json");
			struct enrich_options eo = { ldir, NULL };
			cJSON *view = NULL;

			enum pv_status fonts;

			st = enrich_document(doc, &eo, &view, &d);
			cJSON_Delete(view);
			free(ldir);
			/* what build would refuse later: a font, a glyph */
			struct theme *th;
			struct fontset *fs;

			fonts = cmd_open_look(theme, NULL, &th, &fs, &d);
			if (fonts == PV_OK)
				fonts = cmd_check_glyphs(doc, th, fs, &d);
			if (fonts > st)
				st = fonts;
			fontset_free(fs);
			theme_free(th);
		}
		if (st == PV_OK && strict)
			st = cmd_strict_check(&d);
		cmd_print_diags(&d);
		problems += d.errors;
		if (st != PV_OK && (worst == PV_OK || (int)st > worst))
			worst = st;
		loaded_json_free(doc);
		free(type_dir);
		pv_diags_free(&d);
		nfiles++;
	}
	/* with --diagnostics json, standard error is JSON only */
	if (problems > 0 && cmd_diag_format != CMD_DIAG_JSON)
		fprintf(stderr, "planverk check: %zu problem%s in %d file%s\n",
		    problems, problems == 1 ? "" : "s", nfiles,
		    nfiles == 1 ? "" : "s");
	return worst;
}
