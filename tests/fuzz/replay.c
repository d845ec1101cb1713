/*
 * replay.c - run files through a fuzz harness without libFuzzer.
 *
 *   replay_NAME FILE-OR-FOLDER...
 *
 * Every regular file named, or found (not recursively) in a folder named,
 * goes through LLVMFuzzerTestOneInput once.  Prints one line,
 * "replay NAME: N inputs", and exits 0; a crash or a sanitizer report
 * ends the process, which is the failure the test sees.  This is how
 * `make check` and `make asan` keep every corpus entry a regression test.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/util/diag.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "fuzz.h"

/* Defined by harnesses that need set-up; weak so that others need not. */
__attribute__((weak)) int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t
replay_file(const char *path)
{
	struct pv_diags d;
	char *data;
	size_t len;

	pv_diags_init(&d);
	if (pv_read_file(path, &data, &len, &d) != PV_OK) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		pv_diags_free(&d);
		exit(2);
	}
	pv_diags_free(&d);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 1;
}

static size_t
replay_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i, count = 0;

	if (dp == NULL) {
		fprintf(stderr, "replay: cannot open folder %s\n", dir);
		exit(2);
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = pv_xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = pv_xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			count += replay_file(names[i]);
		free(names[i]);
	}
	free(names);
	return count;
}

int
main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	size_t count = 0;
	int i;

	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay_", 7) == 0)
		name += 7;
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: no such file or folder: %s\n",
			    argv[i]);
			return 2;
		}
		count += S_ISDIR(st.st_mode) ? replay_dir(argv[i])
		    : replay_file(argv[i]);
	}
	printf("replay %s: %zu inputs\n", name, count);
	return 0;
}
