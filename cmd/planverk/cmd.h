/*
 * cmd.h - the subcommands of the planverk command line.
 *
 * cmd/ is the only place that prints to the terminal or chooses an exit
 * status; the stages in src/ return diagnostics and a status instead.
 * Exit statuses: 0 success, 1 input error, 2 usage error, 3 internal or
 * I/O error (enum pv_status).
 */
#ifndef PV_CMD_H
#define PV_CMD_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "../../src/util/diag.h"

struct subcommand {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv); /* argv[0] is the subcommand */
};

/* memory.c: set the process up for few, large page faults. */
void memory_tune(void);

int cmd_template(int argc, char **argv);
int cmd_typeset(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_diff(int argc, char **argv);

/*
 * Typeset XHTML text into a PDF: parse, theme, fonts, layout, emit
 * (shared by `typeset` and `build`).  xhtml_file names the text in
 * diagnostics and is the folder relative image paths start from.
 */
struct typeset_request {
	const char *xhtml_file;
	const char *text;
	size_t len;
	const char *out_pdf;
	const char *theme_path;   /* NULL: the default theme */
	const char *fontmap_path; /* NULL: fonts/fonts.json of the data dir */
	/* not NULL: already loaded (cmd_open_look), used instead of the
	 * two paths above, and left to the caller */
	const struct theme *theme;
	struct fontset *fonts;
	int timing;               /* print stage times to stderr */
	int strict;               /* a warning stops before the PDF */
	size_t *npages;           /* not NULL: gets the PDF's page count */
	int *parse_failed;        /* not NULL: 1 when the XHTML did not
				   * parse (its errors are the templates') */
};
enum pv_status cmd_typeset_xhtml(const struct typeset_request *,
    struct pv_diags *);

/* How diagnostics are printed (cmd_diag.c): --diagnostics text, json or
 * github, given before or after the command; github is the default when
 * GITHUB_ACTIONS is "true". */
enum cmd_diag_format { CMD_DIAG_TEXT, CMD_DIAG_JSON, CMD_DIAG_GITHUB };
extern enum cmd_diag_format cmd_diag_format;
int cmd_set_diag_format(const char *);	/* -1: not a format */
void cmd_print_diag(const struct pv_diag *);

/* Batch builds (cmd_batch.c): each input built by a child process as
 * `build IN -o OUTDIR/IN.pdf` with the same options; jobs <= 0: one per
 * processor.  Returns the worst exit status. */
struct batch_request {
	const char **inputs;
	int ninputs;
	const char *outdir;	/* NULL: each PDF beside its input */
	int jobs;
	const char *theme, *lang;
	int strict;
};
int cmd_build_batch(const struct batch_request *);
int cmd_build(int, char **);

/* One build with its options checked (cmd_build.c): paths resolved,
 * diagnostics printed; returns the exit status. */
struct build_request {
	const char *input, *output;	/* output: a file path or "-" */
	const char *theme, *lang;	/* NULL: default, meta.lang */
	const char *keep, *dump;	/* --keep-xhtml, --dump-view or NULL */
	const char *since;		/* --changes-since OLD.json or NULL */
	int strict;
	size_t *npages;			/* not NULL: the PDF's page count */
};
int cmd_build_one(const struct build_request *);
/* The PDF for INPUT with -o output (NULL: INPUT.pdf beside it; a folder:
 * the input's name in it); caller frees. */
char *cmd_build_output(const char *input, const char *output);
int cmd_watch(int, char **);

/* --strict: an error when d holds warnings (PV_EINPUT), else PV_OK. */
enum pv_status cmd_strict_check(struct pv_diags *);

struct loaded_json;

/* Document types (doctype.c): a type's folder under templates/, or NULL. */
int cmd_type_name_ok(const char *);
char *cmd_type_dir(const char *type);
char *cmd_known_types(void);
/*
 * --templates DIR (NULL: none): DIR/<type>/ adds types and replaces
 * single files of installed ones.  cmd_set_templates_dir checks that DIR
 * is a folder (else a usage error, returns 2).
 */
extern const char *cmd_templates_dir;
int cmd_set_templates_dir(const char *sub, const char *dir);
/* The path of a type's FILE: DIR/<type>/FILE when there, else
 * type_dir/FILE; and the folder that path is in (caller frees). */
char *cmd_type_file(const char *type_dir, const char *file);
char *cmd_type_file_dir(const char *type_dir, const char *file);
/* Whether the type's labels.json has the language; *known lists its
 * languages (caller frees). */
int cmd_type_has_lang(const char *type_dir, const char *lang, char **known);
/* A mustache partial loader, ctx the type's folder (cmd_type_file order). */
enum pv_status cmd_type_partial(void *ctx, const char *name, size_t namelen,
    char **text, size_t *len, char **file, const char **refused,
    struct pv_diags *);
/* The folder of the document's "type" (caller frees). */
enum pv_status cmd_document_type(struct loaded_json *, char **type_dir,
    struct pv_diags *);
/* Load a document and validate it against its type's schema. */
enum pv_status cmd_load_valid(const char *path, struct loaded_json **,
    char **type_dir, struct pv_diags *);

/* Print every diagnostic to stderr, one per line; returns d->errors. */
size_t cmd_print_diags(const struct pv_diags *);
/* "planverk SUB: message; see planverk SUB --help" on stderr (sub NULL:
 * "planverk: ..."); returns 2. */
int cmd_usage_error(const char *sub, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/*
 * An output named as a folder (ending in '/', or an existing folder)
 * means the file `name` in it: returns that path (caller frees), or NULL
 * when out is not a folder.  "-" (standard output) is not a folder.
 */
char *cmd_output_in_dir(const char *out, const char *name);
/*
 * Write to standard output through stdio; the first error (and its
 * errno) is kept for main(), which reports it and exits 3.
 */
void cmd_write_stdout(const void *, size_t);
/* The errno of the first failed cmd_write_stdout, or 0. */
extern int cmd_stdout_errno;
/* The last part of a path. */
const char *cmd_basename(const char *path);
/* The exit status for a stage status with its diagnostics printed. */
int cmd_finish(enum pv_status, const struct pv_diags *);

/* The folder that holds templates/ and fonts/: $PLANVERK_HOME, else the
 * source tree the binary was built in when run from there, else
 * BINDIR/../share/planverk beside the binary (an install under any
 * PREFIX or DESTDIR), else the data folder compiled in. */
const char *cmd_data_dir(void);

extern const char *cmd_progname;

/* cmd_glyphs.c: the theme's fonts exist, and every character of the
 * plan's text has a glyph; errors at the JSON member (check, build). */
struct loaded_json;
/* Where cmd_walk_strings is: a string member, its JSON path
 * ("body[0].content[2]"; "" for the root), and the members on the way
 * down to it, each with the length of the path up to it. */
#define CMD_WALK_DEPTH 64
struct cmd_walk_at {
	const cJSON *node;
	const char *path;
	const cJSON *up[CMD_WALK_DEPTH];
	size_t uplen[CMD_WALK_DEPTH];
	int depth;
};
/* visit() every string under root in document order, leaving out the
 * object members skip() names (with all they hold); a nonzero return
 * from visit() ends the walk.  Deeper than CMD_WALK_DEPTH is not
 * visited (validation refuses such nesting before). */
void cmd_walk_strings(const cJSON *root, int (*skip)(const char *key),
    int (*visit)(void *ctx, const struct cmd_walk_at *), void *ctx);

/* Problems typesetting found in the XHTML (file `label`), from
 * diagnostic `first` on, moved to the plan's member that holds the
 * text they are about (cmd_source.c); returns the errors left at the
 * XHTML. */
int cmd_blame_plan(struct pv_diags *, size_t first, const char *label,
    const char *xhtml, size_t len, struct loaded_json *);
/* cmd_glyphs.c: the theme (NULL: the default) and the font map (NULL:
 * fonts/fonts.json of the data folder), loaded once for the glyph check
 * and for typesetting; the caller frees both. */
struct theme;
struct fontset;
enum pv_status cmd_open_look(const char *theme_path, const char *fontmap_path,
    struct theme **, struct fontset **, struct pv_diags *);
/* Every family the theme names is in the font map, and every character
 * of the plan's text has a glyph in the body font or the fallback. */
enum pv_status cmd_check_glyphs(struct loaded_json *, const struct theme *,
    struct fontset *, struct pv_diags *);

/* cmd_diff.c: build --changes-since OLD.json: compare OLD (loaded and
 * validated, of doc's type) with doc and set the view's "changes". */
enum pv_status cmd_changes_since(const char *old_path, struct loaded_json *doc,
    cJSON *view, struct pv_diags *);

/* A monotonic clock in milliseconds, for the times we print. */
double cmd_now_ms(void);

#endif
