/*
 * fuzz.h - what every fuzz harness in tests/fuzz/ shares.
 *
 * Each fuzz_NAME.c defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize).  The same file is linked two ways: with
 * libFuzzer by `make fuzz` (clang, ASan, UBSan), and with replay.c by
 * `make check`, which runs the committed corpus (tests/fuzz/regress/NAME/)
 * and the project's own example inputs through it, so that every input
 * that once crashed stays a test, under ASan too (`make asan`).
 *
 * A harness must never print on success, never exit, and free all it
 * allocated: libFuzzer's leak checker runs after every input.
 */
#ifndef PV_FUZZ_H
#define PV_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The source tree: $PLANVERK_HOME, else the tree the harness was built
 * from (templates/, fonts/). */
const char *fuzz_home(void);
/* A path under the tree (caller frees). */
char *fuzz_path(const char *rel);
/* The folder of the scratch files: a tmpfs when there is one. */
const char *fuzz_scratch_dir(void);
/* Write bytes to a private scratch file named for the harness and the
 * process (a tmpfs when there is one); returns its path (static). */
const char *fuzz_scratch(const char *tag, const uint8_t *data, size_t size);

#endif
