/*
 * cmd_schema.c - `planverk schema TYPE`: print a document type's JSON
 * Schema, for editors (VS Code completes and checks with it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/file.h"
#include "cmd.h"
#include "cmd_opts.h"

static void
schema_usage(FILE *f)
{
	fprintf(f, "usage: planverk schema TYPE [--templates DIR]\n\n"
	    "Prints the JSON Schema of a document type.  Save it and\n"
	    "name it in \"$schema\" so that an editor checks and\n"
	    "completes the fields as you type.  --templates DIR: types\n"
	    "in DIR/<type>/ first (see the README).\n");
}

int
cmd_schema(int argc, char **argv)
{
	struct pv_diags d;
	char *dir, *path, *text, *known;
	const char *type = NULL;
	size_t len;
	enum pv_status st;
	int i, nargs;
	const struct cmd_opt opts[] = {
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "schema", opts, schema_usage, 0 };

	if ((i = cmd_opts_parse(&spec, argc, argv, &nargs)) != CMD_OPTS_GO_ON)
		return i;
	if (nargs > 1)
		return cmd_usage_error("schema", "give one document type");
	type = argv[1];
	if (type == NULL)
		return cmd_usage_error("schema", "give one document type");
	if ((dir = cmd_type_dir(type)) == NULL) {
		known = cmd_known_types();
		fprintf(stderr, "planverk schema: unknown document type '%s'; "
		    "known types: %s\n", type, known);
		free(known);
		return PV_EUSAGE;
	}
	path = cmd_type_file(dir, "schema.json");
	pv_diags_init(&d);
	st = pv_read_file(path, &text, &len, &d);
	if (st == PV_OK) {
		/* A write error is reported by main(), after the flush. */
		cmd_write_stdout(text, len);
		if (len > 0 && text[len - 1] != '\n')
			cmd_write_stdout("\n", 1);
		free(text);
	} else {
		st = PV_EINTERNAL;
	}
	cmd_print_diags(&d);
	pv_diags_free(&d);
	free(path);
	free(dir);
	return st;
}
