/*
 * mustache.h - the template stage: a Mustache engine, its whole contract.
 *
 * A template is compiled once into a node tree (mustache_compile) and then
 * rendered any number of times (mustache_render) into a pv_buf.  The engine
 * follows the Mustache specification v1.3 with the optional inheritance
 * ({{<parent}} {{$block}}) and dynamic names ({{>*name}} {{<*name}})
 * modules; lambdas are not supported.
 *
 * The engine knows nothing of JSON: data is reached through the small
 * interface struct mustache_data_ops, implemented once per data library
 * (mustache_cjson.h for cJSON).  Partials are fetched through a loader
 * callback (struct mustache_partials); each is compiled at most once per
 * render.  Nothing here prints or exits; errors and warnings go to a
 * struct pv_diags as "file:line:col: message".
 *
 * Every bound below is a hard limit that hostile input runs into with an
 * error naming it, never a crash, a stack overflow or unbounded work.
 */
#ifndef PV_MUSTACHE_H
#define PV_MUSTACHE_H

#include <stddef.h>

#include "../util/buf.h"
#include "../util/diag.h"

/* Largest template or partial text we compile. */
#define MUSTACHE_MAX_TEMPLATE	(8u * 1024u * 1024u)
/* Sections, inverted sections, parents and blocks open at once. */
#define MUSTACHE_MAX_NESTING	100
/* Partials and parents expanded inside each other while rendering. */
#define MUSTACHE_MAX_DEPTH	64
/* Values on the context stack (one per enclosing section). */
#define MUSTACHE_MAX_CONTEXT	512
/* Nested render steps of any kind (sections times partials). */
#define MUSTACHE_MAX_RECURSION	2048
/* Longest tag delimiter set with {{=<% %>=}}. */
#define MUSTACHE_MAX_DELIM	16
/* Largest output of one render: a small template can expand without
 * bound through nested partials ("billion laughs").  A 2 000-page plan
 * renders to about 5 MB. */
#define MUSTACHE_MAX_OUTPUT	(64u * 1024u * 1024u)
/* Steps of one render: every node visited, every section iteration and
 * every member or block argument looked at.  Nested sections over lists
 * multiply ({{#a}}{{#a}}{{#a}}...) and can take hours while writing
 * nothing, which MUSTACHE_MAX_OUTPUT never sees.  The plans of input/
 * take 20 000 to 30 000 steps and a 2 000-page synthetic plan 2.2 million
 * (bench/gen_plan.py 870), 23 times less than this; the limit is
 * reached in about 0.3 s (bench/mustache/fanout.sh). */
#define MUSTACHE_MAX_WORK	50000000u

/* What a data value is, as far as Mustache cares. */
enum mustache_kind {
	MUSTACHE_NULL,
	MUSTACHE_FALSE,
	MUSTACHE_TRUE,
	MUSTACHE_NUMBER,
	MUSTACHE_STRING,
	MUSTACHE_LIST,
	MUSTACHE_OBJECT,
};

/*
 * The data interface.  A value is an opaque const pointer; NULL means
 * "no value" (a failed lookup) and is never passed to these functions.
 */
struct mustache_data_ops {
	enum mustache_kind (*kind)(const void *value);
	/* The member called name (len bytes, not NUL-terminated; compared
	 * by length, so it may hold any byte) of an object, or NULL when
	 * the value has no such member.  Adds to *steps the number of
	 * members it looked at: the engine counts them as work. */
	const void *(*member)(const void *object, const char *name,
	    size_t len, size_t *steps);
	/* Iterate a list: its first item, the item after `item`; NULL at
	 * the end.  Iteration must cost O(1) per step. */
	const void *(*first)(const void *list);
	const void *(*next)(const void *list, const void *item);
	/* Whether a section shows for this value (lists are handled by the
	 * engine: an empty list is falsy). */
	int (*truthy)(const void *value);
	/* Append the text of a value (raw, the engine escapes it). */
	void (*text)(const void *value, struct pv_buf *out);
};

/*
 * Where partials and parents come from.  load() looks up `name` (namelen
 * bytes, not NUL-terminated) and returns PV_OK with *text set to the
 * partial's text (allocated with pv_xmalloc, NUL-terminated, freed by the
 * engine), *len its length and *file the name to use in diagnostics
 * (allocated, freed by the engine).  When there is no such partial it
 * returns PV_OK with *text NULL (it may still set *file to say where it
 * looked).  When the name is not allowed (it leads outside the place
 * partials come from) it returns PV_OK with *text NULL and *refused set
 * to a static phrase saying why; the engine reports "partial 'NAME' not
 * allowed: WHY" at the tag, always as an error.  Any other status means
 * the partial exists but cannot be read; the loader has added a
 * diagnostic.
 */
struct mustache_partials {
	enum pv_status (*load)(void *ctx, const char *name, size_t namelen,
	    char **text, size_t *len, char **file, const char **refused,
	    struct pv_diags *);
	void *ctx;
	/* A missing partial is an error, not a warning and nothing. */
	int strict;
};

struct mustache_template;

/*
 * Compile text (len bytes; it need not be NUL-terminated) that came from
 * `file`.  Returns NULL after adding an error to diags when the template
 * is malformed: a tag or section left open, a closing tag that does not
 * match, a malformed delimiter change, an empty or spaced tag name.
 */
struct mustache_template *mustache_compile(const char *file,
    const char *text, size_t len, struct pv_diags *);

/*
 * Render a template with the value `root` as the bottom of the context
 * stack, appending to out.  Returns PV_OK, PV_EINPUT (a partial that does
 * not compile, a missing partial when strict, a limit exceeded) or
 * PV_EINTERNAL (a partial that cannot be read); on failure out is left as
 * it was.  A missing partial renders as nothing and adds a warning naming
 * it and the place it was included from.  partials may be NULL (no
 * partial is ever found).  The template is not modified.
 */
enum pv_status mustache_render(const struct mustache_template *,
    const struct mustache_data_ops *, const void *root,
    const struct mustache_partials *, struct pv_buf *out,
    struct pv_diags *);

/*
 * Where each line of the output came from: the template file and line
 * that wrote its first byte (a value's own lines: the tag's line).  So
 * an error found later in the output (XHTML that does not parse) can
 * name the .mustache line to fix, not a line of output nobody saw.
 */
struct mustache_origin {
	int file;               /* index into files */
	int line;
};
struct mustache_linemap {
	char **files;           /* owned */
	size_t nfiles, capfiles;
	struct mustache_origin *v; /* output line k (1-based) at v[k - 1] */
	size_t n, cap;
	int line_open;          /* the last line has its origin */
};
/* mustache_render, noting in map (zeroed by the caller, or with the
 * lines of earlier output) the origin of every line written. */
enum pv_status mustache_render_mapped(const struct mustache_template *,
    const struct mustache_data_ops *, const void *root,
    const struct mustache_partials *, struct pv_buf *out,
    struct pv_diags *, struct mustache_linemap *map);
void mustache_linemap_free(struct mustache_linemap *);

void mustache_free(struct mustache_template *);

/* The file name the template was compiled from. */
const char *mustache_file(const struct mustache_template *);

/*
 * A ready loader for struct mustache_partials: ctx is a folder (const
 * char *), and the partial NAME is the file FOLDER/NAME.mustache.  Names
 * that are absolute, contain a ".." component or a NUL byte, and files
 * that resolve (through symbolic links) outside the folder or are not
 * regular files, are refused, so neither a template nor data driving a
 * dynamic name can reach outside the folder or block on a FIFO.
 */
enum pv_status mustache_load_dir(void *dir, const char *name,
    size_t namelen, char **text, size_t *len, char **file,
    const char **refused, struct pv_diags *);

#endif
