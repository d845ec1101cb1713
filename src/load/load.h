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

/*
 * Limits, each refused with its place before cJSON sees the text (the
 * file's size is bounded by PV_MAX_INPUT_FILE when it is read).
 */
#define LOAD_MAX_DEPTH 200 /* nesting of arrays and objects */
#define LOAD_MAX_STRING_MIB 4 /* one string, as written in the file */
#define LOAD_MAX_STRING ((size_t)LOAD_MAX_STRING_MIB * 1024u * 1024u)

struct load_index;

struct loaded_json {
	char *file;     /* path as given */
	char *text;     /* the file's bytes, NUL-terminated */
	size_t len;
	cJSON *root;
	struct load_index *index; /* built on the first load_locate */
};

/* Read and parse a file.  On failure *out is NULL. */
enum pv_status load_json_file(const char *path, struct loaded_json **out,
    struct pv_diags *);
/* Parse text that came from `file` (copied). */
enum pv_status load_json_text(const char *file, const char *text,
    size_t len, struct loaded_json **out, struct pv_diags *);
void loaded_json_free(struct loaded_json *);

/*
 * Where a node of the tree stands in the text: line and column of its
 * value, or with `key` set, of its member name.  Returns 0 (and 0:0)
 * when the node is not from this text.
 */
void load_index_free(struct load_index *);
int load_locate(struct loaded_json *, const cJSON *node, int key, int *line,
    int *col);

/*
 * The tree as JSON text to write for a person: two-space indents, a
 * final newline.  Returns malloc'd text (free it), its length in *len.
 */
char *load_json_print(const cJSON *, size_t *len);

#endif
