/*
 * main.c - the planverk command: dispatches to a subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const struct subcommand subcommands[] = {
	{ "template", "render a Mustache template with JSON data",
	    cmd_template },
	{ "typeset", "typeset an XHTML document into a PDF", cmd_typeset },
	{ "check", "validate documents against their type's schema",
	    cmd_check },
	{ "schema", "print the JSON Schema of a document type", cmd_schema },
	{ "build", "build a plan's PDF from its JSON", cmd_build },
	{ "new", "write a starter document of a type", cmd_new },
};
#define NSUB (sizeof(subcommands) / sizeof(subcommands[0]))

static void
usage(FILE *f)
{
	size_t i;

	fprintf(f,
	    "usage: planverk COMMAND [ARGS...]\n"
	    "       planverk COMMAND --help\n"
	    "       planverk --version\n"
	    "\n"
	    "planverk turns plan documents kept as JSON into PDF.\n"
	    "\n"
	    "Commands:\n");
	for (i = 0; i < NSUB; i++)
		fprintf(f, "  %-10s %s\n", subcommands[i].name,
		    subcommands[i].summary);
	fprintf(f,
	    "\n"
	    "Exit status:\n"
	    "  0  success\n"
	    "  1  input error: the data, template, document, theme or font\n"
	    "  2  usage error: the command line\n"
	    "  3  internal or I/O error\n");
}

int
main(int argc, char **argv)
{
	size_t i;

	memory_tune();
	if (argc < 2) {
		usage(stderr);
		return PV_EUSAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return PV_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("planverk %s\n", PLANVERK_VERSION);
		return PV_OK;
	}
	for (i = 0; i < NSUB; i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "planverk: unknown command '%s'\n", argv[1]);
	fprintf(stderr, "Run 'planverk --help' for the list of commands.\n");
	return PV_EUSAGE;
}
