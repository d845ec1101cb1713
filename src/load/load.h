/*
 * load.h - the load stage: a JSON file becomes a cJSON tree.
 *
 * The text must be valid UTF-8 (a byte-order mark is skipped); a syntax
 * error is reported as file:line:col with what was found there.  The
 * text is kept beside the tree so that later stages can point at places
 * in it (load_locate).
 */
#ifndef PV_LOAD_H
#define PV_LOAD_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "../util/diag.h"

#define LOAD_MAX_DEPTH 200 /* nesting of arrays and objects */

struct loaded_json {
	char *file;     /* path as given */
	char *text;     /* the file's bytes, NUL-terminated */
	size_t len;
	cJSON *root;
};

/* Read and parse a file.  On failure *out is NULL. */
enum pv_status load_json_file(const char *path, struct loaded_json **out,
    struct pv_diags *);
/* Parse text that came from `file` (copied). */
enum pv_status load_json_text(const char *file, const char *text,
    size_t len, struct loaded_json **out, struct pv_diags *);
void loaded_json_free(struct loaded_json *);

#endif
