/*
 * file.h - every file planverk reads or writes goes through here.
 *
 * Reading: only regular files are opened (a FIFO, a device or a folder is
 * refused before anything blocks or is read, naming the file), a file
 * over the size limit is refused from its size before it is read, and
 * each file read is remembered as an input of the run (by device and
 * inode, and by its real path).
 *
 * Writing: an output is written to a temporary file in the same folder
 * and renamed over the target only when complete, so a failed build never
 * leaves a half-written file and never damages the previous output.  The
 * target must be a regular file or missing (never a device, FIFO, socket
 * or folder), and never one of the run's inputs.  SIGINT, SIGTERM and
 * SIGHUP during the write remove the temporary file.  The path "-" is
 * standard output, written directly.
 */
#ifndef PV_FILE_H
#define PV_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Largest input file we read: a plan is text; anything larger is hostile. */
#define PV_MAX_INPUT_FILE (64u * 1024u * 1024u)

/*
 * Open a file for reading: a regular file only (opened non-blocking, so a
 * FIFO cannot hang us, then checked with fstat), close-on-exec, recorded
 * as an input of the run.  Returns the descriptor, or -1 with *why saying
 * what is wrong ("not a regular file", or the system's reason).  If size
 * is not NULL it receives the file's size.
 */
int pv_open_input(const char *path, size_t *size, const char **why);
/* The same as a stdio stream ("rb"); NULL with *why on failure. */
FILE *pv_fopen_input(const char *path, const char **why);

/*
 * Read a whole file; *data is NUL-terminated and owned by the caller.
 * Returns PV_OK, or PV_EINPUT (missing, unreadable, not a regular file,
 * too large) with a diagnostic naming the file.
 */
enum pv_status pv_read_file(const char *path, char **data, size_t *len,
    struct pv_diags *);

/* Forget the inputs recorded so far (a new run in the same process). */
void pv_inputs_forget(void);

/*
 * Whether path may be written as an output: "-", a missing path in an
 * existing folder, or a regular file (also through a symbolic link) that
 * is none of the run's inputs.  PV_EUSAGE when it is an input, PV_EINTERNAL
 * when it is not a regular file; a diagnostic says which.  The writers
 * check this again right before they rename.
 */
enum pv_status pv_output_check(const char *path, struct pv_diags *);

/* Write data to path atomically (temporary file, fsync, rename), or to
 * standard output when path is "-". */
enum pv_status pv_write_file_atomic(const char *path, const void *data,
    size_t len, struct pv_diags *);
/* The same, but an existing path is never replaced: PV_EUSAGE, "exists". */
enum pv_status pv_write_file_new(const char *path, const void *data,
    size_t len, struct pv_diags *);

/* The folder part of a path ("." when there is none); caller frees. */
char *pv_dirname(const char *path);
/* Join a folder and a name with one '/'; caller frees. */
char *pv_path_join(const char *dir, const char *name);

#endif
