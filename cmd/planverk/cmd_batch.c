/*
 * cmd_batch.c - `planverk build A.json B.json ... [-d OUTDIR] [-j N]`:
 * many documents at once, each built by a child process exactly as a
 * single `planverk build IN -o OUTDIR/IN.pdf` would be, N at a time
 * (default: the number of processors).  One document failing does not
 * stop the others; each gets a line when it is done, a summary ends the
 * run, and the exit status is the worst of them.
 *
 * Processes rather than threads: a build holds libharu, libxml2 and
 * fontconfig state that is not ours to share, and a crash or an
 * out-of-memory exit then takes one document, not the batch.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"

struct job {
	pid_t pid;
	const char *input;
	char *output;
	double start;
	off_t size;             /* of the input: how long it will take */
	int index;              /* on the command line */
};

/* Largest input first, then in the order given: with the longest build
 * started first, the last one to end is a short one, and two workers
 * finish closer together (the examples: -j 2 from 1.5x to 1.7x). */
static int
by_size(const void *a, const void *b)
{
	const struct job *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->index - y->index;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The PDF's name in outdir: the input's name with .pdf for .json. */
static char *
output_for(const char *outdir, const char *input)
{
	const char *base = cmd_basename(input);
	size_t n = strlen(base);
	char *name, *path;

	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		name = pv_xasprintf("%.*s.pdf", (int)(n - 5), base);
	else
		name = pv_xasprintf("%s.pdf", base);
	path = outdir != NULL ? pv_path_join(outdir, name) : NULL;
	if (path == NULL) {
		/* beside the input, as a single build does */
		char *dir = pv_dirname(input);

		path = pv_path_join(dir, name);
		free(dir);
	}
	free(name);
	return path;
}

static pid_t
start(struct job *j, const struct batch_request *br)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		const char *argv[12];
		int argc = 0, rc;

		argv[argc++] = "build";
		argv[argc++] = "-o";
		argv[argc++] = j->output;
		if (br->theme != NULL) {
			argv[argc++] = "--theme";
			argv[argc++] = br->theme;
		}
		if (br->lang != NULL) {
			argv[argc++] = "--lang";
			argv[argc++] = br->lang;
		}
		if (br->strict)
			argv[argc++] = "--strict";
		/* an input named -x.json is still an input */
		argv[argc++] = "--";
		argv[argc++] = j->input;
		argv[argc] = NULL;
		rc = cmd_build(argc, (char **)argv);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	return pid;
}

int
cmd_build_batch(const struct batch_request *br)
{
	struct job *jobs = pv_xcalloc((size_t)br->ninputs, sizeof(*jobs));
	int next = 0, running = 0, done = 0, worst = PV_OK, failed = 0, i;
	int jobs_max = br->jobs;
	double t0 = seconds();
	struct stat st;

	if (br->outdir != NULL && (stat(br->outdir, &st) != 0 ||
	    !S_ISDIR(st.st_mode))) {
		free(jobs);
		return cmd_usage_error("build", "-d needs an existing folder, "
		    "not '%s'", br->outdir);
	}
	if (jobs_max <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		jobs_max = n > 0 ? (int)n : 1;
	}
	for (i = 0; i < br->ninputs; i++) {
		jobs[i].input = br->inputs[i];
		jobs[i].output = output_for(br->outdir, br->inputs[i]);
		jobs[i].index = i;
		/* one that cannot be read fails soon: last */
		jobs[i].size = stat(jobs[i].input, &st) == 0 ? st.st_size : 0;
	}
	/* Two inputs with the same name would write one PDF twice. */
	for (i = 0; i < br->ninputs; i++) {
		int k;

		for (k = 0; k < i; k++)
			if (strcmp(jobs[i].output, jobs[k].output) == 0) {
				int rc = cmd_usage_error("build", "'%s' and '%s' "
				    "would both be written to %s", jobs[k].input,
				    jobs[i].input, jobs[i].output);

				for (i = 0; i < br->ninputs; i++)
					free(jobs[i].output);
				free(jobs);
				return rc;
			}
	}
	qsort(jobs, (size_t)br->ninputs, sizeof(*jobs), by_size);
	while (done < br->ninputs) {
		int status, rc;
		pid_t pid;

		while (running < jobs_max && next < br->ninputs) {
			jobs[next].start = seconds();
			jobs[next].pid = start(&jobs[next], br);
			if (jobs[next].pid < 0) {
				fprintf(stderr, "planverk build: cannot start a "
				    "process for %s: %s\n", jobs[next].input,
				    strerror(errno));
				worst = PV_EINTERNAL;
				failed++;
				done++;
			} else {
				running++;
			}
			next++;
		}
		if (running == 0)
			break;
		pid = wait(&status);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < br->ninputs && jobs[i].pid != pid; i++)
			;
		if (i == br->ninputs)
			continue;
		running--;
		done++;
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : PV_EINTERNAL;
		if (rc > worst)
			worst = rc;
		if (rc != PV_OK)
			failed++;
		/* One line per document, to standard error like the
		 * diagnostics, so that -o - style output never mixes in. */
		if (rc == PV_OK)
			fprintf(stderr, "planverk build: [%d/%d] %s -> %s "
			    "(%.2f s)\n", done, br->ninputs, jobs[i].input,
			    jobs[i].output, seconds() - jobs[i].start);
		else if (WIFEXITED(status))
			fprintf(stderr, "planverk build: [%d/%d] %s failed "
			    "(exit %d)\n", done, br->ninputs, jobs[i].input,
			    rc);
		else
			fprintf(stderr, "planverk build: [%d/%d] %s failed "
			    "(killed by signal %d)\n", done, br->ninputs,
			    jobs[i].input, WTERMSIG(status));
	}
	fprintf(stderr, "planverk build: %d of %d built, %d failed, %.2f s "
	    "with %d job%s\n", br->ninputs - failed, br->ninputs, failed,
	    seconds() - t0, jobs_max, jobs_max == 1 ? "" : "s");
	for (i = 0; i < br->ninputs; i++)
		free(jobs[i].output);
	free(jobs);
	return worst;
}
