/*
 * main.c - the planverk command: dispatches to a subcommand.
 *
 * Standard output is checked once, here, for every command: whatever a
 * command printed, a write error (a full disk, a closed pipe) ends in a
 * message and exit status 3, never in a silent success.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "cmd_opts.h"

static const struct subcommand subcommands[] = {
	{ "template", "render a Mustache template with JSON data",
	    cmd_template },
	{ "typeset", "typeset an XHTML document into a PDF", cmd_typeset },
	{ "check", "validate documents against their type's schema",
	    cmd_check },
	{ "schema", "print the JSON Schema of a document type", cmd_schema },
	{ "build", "build a plan's PDF from its JSON", cmd_build },
	{ "new", "write a starter document of a type", cmd_new },
	{ "diff", "list what changed between two versions of a plan",
	    cmd_diff },
	{ "watch", "build a plan's PDF again whenever its files change",
	    cmd_watch },
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
	    "  --diagnostics FORMAT  problems as text (default), json (one\n"
	    "                        object a line) or github (workflow\n"
	    "                        commands; the default when\n"
	    "                        GITHUB_ACTIONS=true)\n"
	    "\n"
	    "Every command takes its options as --name VALUE, --name=VALUE\n"
	    "or -o VALUE; -- ends the options, - is an argument.\n"
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

/*
 * A standard descriptor the caller closed is opened on /dev/null, read
 * only: otherwise the next file we open would get its number and our
 * output would go into it.  Writes to it then fail and are reported.
 */
static void
std_fds_open(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
		    open("/dev/null", O_RDONLY | O_NOCTTY) != fd)
			_exit(PV_EINTERNAL);
}

/* The status after flushing standard output: rc, or 3 on a write error. */
static int
stdout_finish(int rc)
{
	int e = cmd_stdout_errno, seen;

	if (fflush(stdout) != 0 && e == 0)
		e = errno;
	seen = ferror(stdout);
	if (fclose(stdout) != 0 && e == 0)
		e = errno;
	if (e == 0 && seen && rc != PV_OK)
		return rc;	/* a command saw the error and said why */
	if (e == 0 && seen)
		e = EIO;
	if (e == 0)
		return rc;
	fprintf(stderr, "planverk: cannot write to standard output: %s\n",
	    strerror(e));
	return PV_EINTERNAL;
}

/* planverk's own options come before the command's name; the command
 * parses the rest with the same parser (and also takes --diagnostics). */
static int
run(int argc, char **argv)
{
	const char *env = getenv("GITHUB_ACTIONS");
	int version = 0, nargs, rc;
	const struct cmd_opt opts[] = {
		{ "version", 0, 0, NULL, &version, NULL },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { NULL, opts, usage, 1 };
	size_t i;

	if (env != NULL && strcmp(env, "true") == 0)
		cmd_diag_format = CMD_DIAG_GITHUB;
	if ((rc = cmd_opts_parse(&spec, argc, argv, &nargs)) != CMD_OPTS_GO_ON)
		return rc;
	if (version) {
		printf("planverk %s\n", PLANVERK_VERSION);
		return PV_OK;
	}
	if (nargs < 1) {
		usage(stderr);
		return PV_EUSAGE;
	}
	if (strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return PV_OK;
	}
	for (i = 0; i < NSUB; i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(nargs, argv + 1);
	fprintf(stderr, "planverk: unknown command '%s'\n", argv[1]);
	fprintf(stderr, "Run 'planverk --help' for the list of commands.\n");
	return PV_EUSAGE;
}

int
main(int argc, char **argv)
{
	std_fds_open();
	/* A closed pipe is a write error (EPIPE) that we report, not a
	 * silent death. */
	signal(SIGPIPE, SIG_IGN);
	memory_tune();
	return stdout_finish(run(argc, argv));
}
