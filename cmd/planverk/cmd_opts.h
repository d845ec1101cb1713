/*
 * cmd_opts.h - the one option parser of the command line.
 *
 * Each command describes the options it accepts in a table; the parser
 * does the rest the same way for all of them, so that an option shared
 * by several commands (-o, --theme, --strict ...) is spelled, parsed and
 * refused in the same words everywhere.
 */
#ifndef PV_CMD_OPTS_H
#define PV_CMD_OPTS_H

#include <stdio.h>

struct cmd_opt {
	const char *name;	/* "theme" for --theme, or NULL */
	char letter;		/* 'o' for -o, or 0 */
	int takes_value;
	const char **value;	/* where the value goes, or NULL */
	int *flag;		/* an option without a value: set to 1 */
	/* Called with the value (NULL: none to check); returns 0 or the
	 * exit status of a usage error it printed. */
	int (*check)(const char *sub, const char *value);
};

struct cmd_opts {
	const char *sub;	/* "build": the messages' prefix; NULL: none */
	const struct cmd_opt *opts;	/* ends with an entry of zeros */
	void (*usage)(FILE *);		/* what --help prints */
	/* The first argument that is not an option ends the options
	 * (planverk's own, before the command's name). */
	int stop_at_argument;
};

/* cmd_opts_parse returns this when the command goes on. */
#define CMD_OPTS_GO_ON (-1)

/*
 * Parse argv[1..argc-1] by the table: --name VALUE, --name=VALUE,
 * -o VALUE; "--" ends the options; "-" is an argument (standard input
 * or output, where the command allows it).  Besides its table every
 * command takes -h, --help (spec->usage) and --diagnostics FORMAT.
 * A value option given twice, an unknown option and a missing or empty
 * value are usage errors.
 * The arguments that are not options are moved, in their order, to
 * argv[1..*nargs].  Returns CMD_OPTS_GO_ON, or the exit status to end
 * with: 0 after --help, 2 after a usage error (printed).
 */
int cmd_opts_parse(const struct cmd_opts *, int argc, char **argv,
    int *nargs);

#endif
