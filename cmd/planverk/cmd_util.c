/*
 * cmd_util.c - what every subcommand shares: printing diagnostics, usage
 * errors, exit statuses, finding the data folder.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"

const char *cmd_progname = "planverk";
int cmd_stdout_errno;

void
cmd_write_stdout(const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, stdout) != n && cmd_stdout_errno == 0)
		cmd_stdout_errno = errno != 0 ? errno : EIO;
}

size_t
cmd_print_diags(const struct pv_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		cmd_print_diag(&d->v[i]);
	return d->errors;
}

enum pv_status
cmd_strict_check(struct pv_diags *d)
{
	if (d->warnings == 0)
		return PV_OK;
	pv_diag(d, PV_ERROR, NULL, 0, 0, "%zu warning%s, which --strict makes "
	    "errors; nothing is written", d->warnings, d->warnings == 1 ?
	    "" : "s");
	return PV_EINPUT;
}

int
cmd_usage_error(const char *sub, const char *fmt, ...)
{
	va_list ap;

	/* One line, so that a log shows the hint beside the problem. */
	fprintf(stderr, "planverk%s%s: ", sub ? " " : "", sub ? sub : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "; see planverk%s%s --help\n", sub ? " " : "",
	    sub ? sub : "");
	return PV_EUSAGE;
}

int
cmd_finish(enum pv_status st, const struct pv_diags *d)
{
	cmd_print_diags(d);
	if (st == PV_OK && d->errors > 0)
		st = PV_EINPUT;
	return (int)st;
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
cmd_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

char *
cmd_output_in_dir(const char *out, const char *name)
{
	size_t n = strlen(out);

	if (n == 0 || strcmp(out, "-") == 0)
		return NULL;
	if (out[n - 1] != '/' && !is_dir(out))
		return NULL;
	return pv_path_join(out, name);
}

const char *
cmd_data_dir(void)
{
	static char *dir;
	const char *env;

	if (dir != NULL)
		return dir;
	if ((env = getenv("PLANVERK_HOME")) != NULL && *env != '\0') {
		dir = pv_xstrdup(env);
	} else {
		/* The binary lives in build/ of the source tree while developing. */
		char self[4096];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

		if (n > 0) {
			char *slash, *cand;

			self[n] = '\0';
			if ((slash = strrchr(self, '/')) != NULL)
				*slash = '\0';
			cand = pv_xasprintf("%s/../templates", self);
			if (is_dir(cand))
				dir = pv_xasprintf("%s/..", self);
			free(cand);
			/* Installed: BINDIR/../share/planverk, wherever the
			 * PREFIX (or DESTDIR) put it. */
			cand = pv_xasprintf("%s/../share/planverk/templates",
			    self);
			if (dir == NULL && is_dir(cand))
				dir = pv_xasprintf("%s/../share/planverk",
				    self);
			free(cand);
		}
		if (dir == NULL)
			dir = pv_xstrdup(PLANVERK_DATADIR);
	}
	return dir;
}

double
cmd_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
