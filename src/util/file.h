/*
 * file.h - reading whole files and writing outputs atomically.
 *
 * An output is written to a temporary file in the same folder and renamed
 * over the target only when complete, so a failed build never leaves a
 * half-written file and never damages the previous output.
 */
#ifndef PV_FILE_H
#define PV_FILE_H

#include <stddef.h>

#include "diag.h"

/* Largest input file we read: a plan is text; anything larger is hostile. */
#define PV_MAX_INPUT_FILE (64u * 1024u * 1024u)

/*
 * Read a whole file; *data is NUL-terminated and owned by the caller.
 * Returns PV_OK, or PV_EINPUT (missing, unreadable, a folder, too large)
 * with a diagnostic naming the file.
 */
enum pv_status pv_read_file(const char *path, char **data, size_t *len,
    struct pv_diags *);

/* Write data to path atomically (temporary file, fsync, rename). */
enum pv_status pv_write_file_atomic(const char *path, const void *data,
    size_t len, struct pv_diags *);

/* The folder part of a path ("." when there is none); caller frees. */
char *pv_dirname(const char *path);
/* Join a folder and a name with one '/'; caller frees. */
char *pv_path_join(const char *dir, const char *name);

#endif
