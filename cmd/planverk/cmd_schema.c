/*
 * cmd_schema.c - `planverk schema TYPE`: print a document type's JSON
 * Schema, for editors (VS Code completes and checks with it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/file.h"
#include "cmd.h"

int
cmd_schema(int argc, char **argv)
{
	struct pv_diags d;
	char *dir, *path, *text, *known;
	size_t len;
	enum pv_status st;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: planverk schema TYPE\n\n"
		    "Prints the JSON Schema of a document type.  Save it and\n"
		    "name it in \"$schema\" so that an editor checks and\n"
		    "completes the fields as you type.\n");
		return PV_OK;
	}
	if (argc != 2 || argv[1][0] == '-')
		return cmd_usage_error("schema", "give one document type");
	if ((dir = cmd_type_dir(argv[1])) == NULL) {
		known = cmd_known_types();
		fprintf(stderr, "planverk schema: unknown document type '%s'; "
		    "known types: %s\n", argv[1], known);
		free(known);
		return PV_EUSAGE;
	}
	path = pv_path_join(dir, "schema.json");
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
