/*
 * test_file.c - util/file.c: only regular files are read, never blocking
 * on a FIFO; an oversized file is refused from its size; an output is
 * never a FIFO, a folder, a link or one of the run's inputs.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "test_util.h"

static char dir[] = "/tmp/pv-test-file-XXXXXX";

static char *
in_dir(const char *name)
{
	return pv_xasprintf("%s/%s", dir, name);
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void
test_read_fifo_refused(void **state)
{
	struct pv_diags d;
	char *p = in_dir("fifo"), *data;
	size_t len;
	const char *why;

	(void)state;
	assert_int_equal(mkfifo(p, 0600), 0);
	pv_diags_init(&d);
	/* Would block for ever if it opened the FIFO for reading. */
	assert_int_equal(pv_read_file(p, &data, &len, &d), PV_EINPUT);
	assert_null(data);
	assert_true(diag_has(&d, "fifo:1:1: error: not a regular file"));
	assert_null(pv_fopen_input(p, &why));
	assert_non_null(strstr(why, "not a regular file"));
	pv_diags_free(&d);
	unlink(p);
	free(p);
}

static void
test_read_folder_refused(void **state)
{
	struct pv_diags d;
	char *data;
	size_t len;

	(void)state;
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(dir, &data, &len, &d), PV_EINPUT);
	assert_true(diag_has(&d, "is a folder, not a file"));
	pv_diags_free(&d);
}

static void
test_read_too_large_refused_from_size(void **state)
{
	struct pv_diags d;
	char *p = in_dir("huge"), *data;
	size_t len;

	(void)state;
	put(p, "");
	assert_int_equal(truncate(p, (off_t)PV_MAX_INPUT_FILE + 1), 0);
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(p, &data, &len, &d), PV_EINPUT);
	/* The size in the message comes from fstat, before any read. */
	assert_true(diag_has(&d, "file is larger than 64 MiB (67108865 "
	    "bytes); refusing to read it"));
	pv_diags_free(&d);
	/* Exactly at the limit is read. */
	assert_int_equal(truncate(p, (off_t)PV_MAX_INPUT_FILE), 0);
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(p, &data, &len, &d), PV_OK);
	assert_int_equal(len, PV_MAX_INPUT_FILE);
	free(data);
	pv_diags_free(&d);
	unlink(p);
	free(p);
}

static void
test_write_not_regular_refused(void **state)
{
	struct pv_diags d;
	char *fifo = in_dir("out-fifo"), *link = in_dir("out-link");
	struct stat st;

	(void)state;
	pv_inputs_forget();
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink("nowhere", link), 0);
	pv_diags_init(&d);
	assert_int_equal(pv_write_file_atomic(fifo, "x", 1, &d), PV_EINTERNAL);
	assert_true(diag_has(&d, "cannot write: not a regular file"));
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(pv_write_file_atomic(dir, "x", 1, &d), PV_EINTERNAL);
	assert_true(diag_has(&d, "it is a folder"));
	assert_int_equal(pv_write_file_atomic(link, "x", 1, &d), PV_EINTERNAL);
	assert_true(diag_has(&d, "it is a symbolic link"));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	pv_diags_free(&d);
	unlink(fifo);
	unlink(link);
	free(fifo);
	free(link);
}

static void
test_write_input_refused(void **state)
{
	struct pv_diags d;
	char *p = in_dir("plan.json"), *alias, *data;
	size_t len;

	(void)state;
	pv_inputs_forget();
	put(p, "{}\n");
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(p, &data, &len, &d), PV_OK);
	free(data);
	assert_int_equal(pv_write_file_atomic(p, "PDF", 3, &d), PV_EUSAGE);
	assert_true(diag_has(&d, "it is an input of this run"));
	/* The same file by another name: "..". */
	alias = pv_xasprintf("%s/../%s/plan.json", dir, strrchr(dir, '/') + 1);
	assert_int_equal(pv_output_check(alias, &d), PV_EUSAGE);
	/* Gone since it was read: its place is still refused. */
	unlink(p);
	assert_int_equal(pv_write_file_atomic(p, "PDF", 3, &d), PV_EUSAGE);
	pv_diags_free(&d);
	/* A new run has other inputs. */
	pv_inputs_forget();
	pv_diags_init(&d);
	assert_int_equal(pv_write_file_atomic(p, "PDF", 3, &d), PV_OK);
	/* ...and an output written once is not replaced by another. */
	assert_int_equal(pv_write_file_atomic(alias, "PDF", 3, &d), PV_EUSAGE);
	assert_true(diag_has(&d, "it is another output of this run"));
	pv_diags_free(&d);
	pv_inputs_forget();
	unlink(p);
	free(alias);
	free(p);
}

static void
test_write_new_never_replaces(void **state)
{
	struct pv_diags d;
	char *p = in_dir("starter.json"), *data;
	size_t len;

	(void)state;
	pv_inputs_forget();
	put(p, "old\n");
	pv_diags_init(&d);
	assert_int_equal(pv_write_file_new(p, "new\n", 4, &d), PV_EUSAGE);
	assert_true(diag_has(&d, "exists; not overwriting it"));
	pv_diags_free(&d);
	pv_inputs_forget();
	pv_diags_init(&d);
	assert_int_equal(pv_read_file(p, &data, &len, &d), PV_OK);
	assert_string_equal(data, "old\n");
	free(data);
	pv_diags_free(&d);
	pv_inputs_forget();
	unlink(p);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_fifo_refused),
		cmocka_unit_test(test_read_folder_refused),
		cmocka_unit_test(test_read_too_large_refused_from_size),
		cmocka_unit_test(test_write_not_regular_refused),
		cmocka_unit_test(test_write_input_refused),
		cmocka_unit_test(test_write_new_never_replaces),
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
