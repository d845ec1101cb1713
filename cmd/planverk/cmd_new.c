/*
 * cmd_new.c - `planverk new TYPE [-o FILE]`: a small valid starter file
 * with notes ("_help") on what to fill in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"

int
cmd_new(int argc, char **argv)
{
	const char *type = NULL, *out = NULL;
	struct pv_diags d;
	struct stat st;
	char *dir, *path, *text, *known, *name, *out_alloc = NULL;
	size_t len;
	enum pv_status rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("usage: planverk new TYPE [-o FILE] "
			    "[--templates DIR]\n\n"
			    "Writes a small valid document of the type, with notes\n"
			    "(\"_help\") on what to fill in, to FILE or to standard\n"
			    "output (also with -o -).  -o FOLDER/ writes\n"
			    "FOLDER/TYPE.json.  An existing FILE is never "
			    "overwritten.  --templates DIR: types in\n"
			    "DIR/<type>/ first (see the README).\n");
			return PV_OK;
		} else if (strcmp(argv[i], "--templates") == 0) {
			if (i + 1 >= argc)
				return cmd_usage_error("new", "--templates needs "
				    "a folder");
			if (cmd_set_templates_dir("new", argv[++i]) != PV_OK)
				return PV_EUSAGE;
		} else if (strcmp(argv[i], "-o") == 0) {
			if (i + 1 >= argc)
				return cmd_usage_error("new", "-o needs a file");
			out = argv[++i];
		} else if (argv[i][0] == '-') {
			return cmd_usage_error("new", "unknown option '%s'",
			    argv[i]);
		} else if (type == NULL) {
			type = argv[i];
		} else {
			return cmd_usage_error("new", "one type at a time");
		}
	}
	if (type == NULL)
		return cmd_usage_error("new", "give a document type");
	if ((dir = cmd_type_dir(type)) == NULL) {
		known = cmd_known_types();
		fprintf(stderr, "planverk new: unknown document type '%s'; "
		    "known types: %s\n", type, known);
		free(known);
		return PV_EUSAGE;
	}
	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;	/* standard output */
	if (out != NULL) {
		name = pv_xasprintf("%s.json", type);
		if ((out_alloc = cmd_output_in_dir(out, name)) != NULL)
			out = out_alloc;	/* -o FOLDER/ */
		free(name);
	}
	if (out != NULL && lstat(out, &st) == 0 && S_ISREG(st.st_mode)) {
		fprintf(stderr, "planverk new: %s exists; not overwriting it\n",
		    out);
		free(dir);
		free(out_alloc);
		return PV_EUSAGE;
	}
	path = cmd_type_file(dir, "starter.json");
	pv_diags_init(&d);
	rc = pv_read_file(path, &text, &len, &d);
	if (rc == PV_OK) {
		/* Never replaces a file, not even one made meanwhile; a
		 * write error on standard output is reported by main(). */
		if (out != NULL)
			rc = pv_write_file_new(out, text, len, &d);
		else
			cmd_write_stdout(text, len);
		free(text);
	} else {
		rc = PV_EINTERNAL;
	}
	cmd_print_diags(&d);
	pv_diags_free(&d);
	free(path);
	free(dir);
	free(out_alloc);
	return (int)rc;
}
