/*
 * cmd_build.c - `planverk build INPUT.json`: the whole pipeline, from a
 * plan in JSON to its PDF.
 *
 * load → validate → enrich → template → (parse → layout → emit, shared
 * with `planverk typeset`).  Nothing is written unless every stage
 * succeeds; the PDF replaces an older one atomically.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/enrich/enrich.h"
#include "../../src/font/font.h"
#include "../../src/load/load.h"
#include "../../src/theme/theme.h"
#include "../../src/mustache/mustache.h"
#include "../../src/mustache/mustache_cjson.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

static void
build_usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk build INPUT.json [-o OUT.pdf] [--theme THEME.json]\n"
	    "       planverk build INPUT.json... [-d OUTDIR] [-j N] [options]\n"
	    "                      [--lang LANG] [--keep-xhtml FILE]\n"
	    "                      [--strict] [--templates DIR]\n"
	    "                      [--dump-view FILE] [--changes-since OLD.json]\n"
	    "\n"
	    "Validates the document, fills its type's templates and typesets\n"
	    "the result into a PDF (default: INPUT.pdf beside the input).\n"
	    "\n"
	    "  -o OUT.pdf          where to write the PDF: a file, a folder\n"
	    "                      (FOLDER/INPUT.pdf) or - (standard output)\n"
	    "  -d OUTDIR           several inputs: OUTDIR/INPUT.pdf for each\n"
	    "                      (default: beside each input)\n"
	    "  -j N                build N documents at a time (default: one\n"
	    "                      per processor); one failing does not stop\n"
	    "                      the others; exit status: the worst\n"
	    "  --theme THEME.json  page, fonts, colours (docs/theme.md)\n"
	    "  --lang LANG         labels in another language than meta.lang:\n"
	    "                      one of the type's labels.json (bokmål nb,\n"
	    "                      nynorsk nn, North Sami se)\n"
	    "  --keep-xhtml FILE   also write the XHTML the templates made\n"
	    "                      (a file, a folder or -)\n"
	    "  --strict            every warning is an error (e.g. a planned\n"
	    "                      measure the annual report does not report\n"
	    "                      on): for CI, nothing is written\n"
	    "  --templates DIR     DIR/<type>/ holds files that replace the\n"
	    "                      installed type's (e.g. cover.mustache),\n"
	    "                      or new types\n"
	    "  --dump-view FILE    also write the view model the templates\n"
	    "                      see, as JSON (a file or -)\n"
	    "  --changes-since OLD.json  an appendix listing what changed\n"
	    "                      since that version (planverk diff)\n"
	    "\n"
	    "SOURCE_DATE_EPOCH, when set, gives the PDF's dates: the same\n"
	    "input then gives the same bytes.\n"
	    "\n"
	    "Warnings are printed and the PDF is written, unless --strict.\n"
	    "Exit status: 0 written, 1 input error (nothing written), 2 usage,\n"
	    "3 internal or I/O error.\n");
}

/* Fill the type's document.mustache with the view model. */
static enum pv_status
render_template(const char *type_dir, const cJSON *view,
    struct pv_buf *xhtml, struct pv_diags *d, struct mustache_linemap *map)
{
	struct mustache_template *t;
	struct mustache_partials partials;
	char *path = cmd_type_file(type_dir, "document.mustache");
	char *text;
	size_t len;
	enum pv_status st;

	if ((st = pv_read_file(path, &text, &len, d)) != PV_OK) {
		free(path);
		return st;
	}
	t = mustache_compile(path, text, len, d);
	free(text);
	free(path);
	if (t == NULL)
		return PV_EINPUT;
	partials.load = cmd_type_partial;
	partials.ctx = (void *)type_dir;
	/* A partial the templates name and nobody wrote is a defect of
	 * the templates, never of the plan: an error. */
	partials.strict = 1;
	st = mustache_render_mapped(t, &mustache_cjson_ops, view, &partials,
	    xhtml, d, map);
	mustache_free(t);
	return st;
}

/*
 * XHTML that does not parse is a template's mistake (the plan's text is
 * escaped): its errors, from diagnostic `first` on, are moved from the
 * XHTML's line to the .mustache file and line that wrote it.
 */
static void
blame_templates(struct pv_diags *d, size_t first, const char *label,
    const struct mustache_linemap *map)
{
	struct pv_diag *g;
	const struct mustache_origin *o;
	char *msg;
	size_t i, j, k = first;

	for (i = first; i < d->n; i++) {
		g = &d->v[i];
		if (g->file != NULL && strcmp(g->file, label) == 0 &&
		    g->line >= 1 && map->n > 0) {
			/* the end of the file: the last line's template */
			o = &map->v[(size_t)g->line <= map->n ?
			    (size_t)g->line - 1 : map->n - 1];
			/* a template line written for every section says
			 * the same thing each time: once is enough */
			for (j = first; j < k; j++)
				if (d->v[j].line == o->line &&
				    strcmp(d->v[j].file,
				    map->files[o->file]) == 0 &&
				    strncmp(d->v[j].msg, g->msg,
				    strlen(g->msg)) == 0)
					break;
			if (j < k) {
				if (g->level == PV_ERROR)
					d->errors--;
				else if (g->level == PV_WARNING)
					d->warnings--;
				free(g->file);
				free(g->msg);
				continue;
			}
			msg = pv_xasprintf("%s (line %d of the XHTML it made)",
			    g->msg, g->line);
			free(g->msg);
			g->msg = msg;
			free(g->file);
			g->file = pv_xstrdup(map->files[o->file]);
			g->line = o->line;
			g->col = 0;
		}
		d->v[k++] = *g;
	}
	d->n = k;
}

/* The view model as pretty JSON: cJSON keeps the members in the order
 * enrich made them, so the same input gives the same bytes. */
static enum pv_status
write_view(const char *path, const cJSON *view, struct pv_diags *d)
{
	size_t n;
	char *text = load_json_print(view, &n);
	enum pv_status st = PV_OK;

	if (strcmp(path, "-") == 0)
		cmd_write_stdout(text, n);
	else
		st = pv_write_file_atomic(path, text, n, d);
	free(text);
	return st;
}

static char *
default_output(const char *input)
{
	size_t n = strlen(input);

	if (n > 5 && strcmp(input + n - 5, ".json") == 0)
		return pv_xasprintf("%.*s.pdf", (int)(n - 5), input);
	return pv_xasprintf("%s.pdf", input);
}

/* Several inputs, -d or -j: checked here, built by cmd_batch.c. */
static int
build_batch(const char **inputs, int n, const char *outdir,
    const char *jobs_arg, const char *output, const char *keep,
    const char *dump, const char *theme, const char *lang, int strict)
{
	struct batch_request br;
	char *end;
	long jobs = 0;

	if (output != NULL || keep != NULL || dump != NULL)
		return cmd_usage_error("build", "with several inputs, -d "
		    "OUTDIR says where the PDFs go (-o, --keep-xhtml and "
		    "--dump-view are for one input)");
	if (jobs_arg != NULL) {
		errno = 0;
		jobs = strtol(jobs_arg, &end, 10);
		if (errno != 0 || *end != '\0' || end == jobs_arg || jobs < 1 ||
		    jobs > 256)
			return cmd_usage_error("build", "-j takes a number of "
			    "jobs from 1 to 256, not '%s'", jobs_arg);
	}
	memset(&br, 0, sizeof(br));
	br.inputs = inputs;
	br.ninputs = n;
	br.outdir = outdir;
	br.jobs = (int)jobs;
	br.theme = theme;
	br.lang = lang;
	br.strict = strict;
	return cmd_build_batch(&br);
}

/* The PDF's path for input and -o output (NULL: beside the input;
 * a folder: the input's name in it); the caller frees. */
char *
cmd_build_output(const char *input, const char *output)
{
	char *def_out = default_output(input), *p;

	if (output == NULL)
		return def_out;
	p = cmd_output_in_dir(output, cmd_basename(def_out));
	free(def_out);
	return p != NULL ? p : pv_xstrdup(output);
}

int
cmd_build(int argc, char **argv)
{
	const char *output = NULL, *theme = NULL, *lang = NULL;
	const char *keep = NULL, *dump = NULL, *since = NULL;
	int strict = 0, rc;
	const char *outdir = NULL, *jobs_arg = NULL;
	int ninputs = 0;
	const struct cmd_opt opts[] = {
		{ NULL, 'o', 1, &output, NULL, NULL },
		{ NULL, 'd', 1, &outdir, NULL, NULL },
		{ NULL, 'j', 1, &jobs_arg, NULL, NULL },
		{ "theme", 0, 1, &theme, NULL, NULL },
		{ "lang", 0, 1, &lang, NULL, NULL },
		{ "keep-xhtml", 0, 1, &keep, NULL, NULL },
		{ "strict", 0, 0, NULL, &strict, NULL },
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ "dump-view", 0, 1, &dump, NULL, NULL },
		{ "changes-since", 0, 1, &since, NULL, NULL },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "build", opts, build_usage, 0 };
	struct build_request br;
	char *out_alloc = NULL;
	char *def_out = NULL, *keep_alloc = NULL, *keep_name;

	if ((rc = cmd_opts_parse(&spec, argc, argv, &ninputs)) !=
	    CMD_OPTS_GO_ON)
		return rc;
	if (ninputs == 0)
		return cmd_usage_error("build", "no input file given");
	if (since != NULL && (ninputs > 1 || outdir != NULL || jobs_arg != NULL))
		return cmd_usage_error("build", "--changes-since is for one "
		    "input");
	if (ninputs > 1 || outdir != NULL || jobs_arg != NULL)
		return build_batch((const char **)argv + 1, ninputs, outdir,
		    jobs_arg, output, keep, dump, theme, lang, strict);
	/* Which languages there are, the type's labels.json says (below). */
	if (lang != NULL && !cmd_type_name_ok(lang))
		return cmd_usage_error("build", "--lang takes a language code "
		    "such as nb, nn or se, not '%s'", lang);
	/* -o FOLDER/ and --keep-xhtml FOLDER/: the input's name in it. */
	def_out = default_output(argv[1]);
	output = out_alloc = cmd_build_output(argv[1], output);
	if (keep != NULL) {
		keep_name = pv_xasprintf("%.*s.xhtml",
		    (int)(strlen(cmd_basename(def_out)) - 4),
		    cmd_basename(def_out));
		if ((keep_alloc = cmd_output_in_dir(keep, keep_name)) != NULL)
			keep = keep_alloc;
		free(keep_name);
		if (strcmp(keep, output) == 0) {
			rc = cmd_usage_error("build", "-o and --keep-xhtml name "
			    "the same output '%s'", output);
			free(def_out);
			free(out_alloc);
			free(keep_alloc);
			return rc;
		}
	}

	if (dump != NULL && ((strcmp(dump, "-") == 0 && strcmp(output, "-") ==
	    0) || (keep != NULL && strcmp(dump, keep) == 0) ||
	    strcmp(dump, output) == 0)) {
		rc = cmd_usage_error("build", "--dump-view names the same "
		    "output '%s' as -o or --keep-xhtml", dump);
		free(def_out);
		free(out_alloc);
		free(keep_alloc);
		return rc;
	}
	memset(&br, 0, sizeof(br));
	br.input = argv[1];
	br.output = output;
	br.theme = theme;
	br.lang = lang;
	br.keep = keep;
	br.dump = dump;
	br.since = since;
	br.strict = strict;
	rc = cmd_build_one(&br);
	free(out_alloc);
	free(def_out);
	free(keep_alloc);
	return rc;
}

/*
 * One document, its options checked and its output paths resolved:
 * load, enrich, template, typeset; the diagnostics printed.  Returns
 * the exit status.  Shared by `build` and `watch`.
 */
int
cmd_build_one(const struct build_request *br)
{
	const char *input = br->input, *output = br->output;
	const char *keep = br->keep, *dump = br->dump, *lang = br->lang;
	const char *since = br->since, *theme = br->theme;
	int templated = 0, timing = getenv("PLANVERK_TIMING") != NULL;
	int parse_failed = 0;
	size_t first;
	struct mustache_linemap map;
	struct pv_diags d;
	struct loaded_json *doc = NULL;
	struct theme *th = NULL;
	struct fontset *fs = NULL;
	struct enrich_options eo;
	struct typeset_request tr;
	struct pv_buf xhtml;
	cJSON *view = NULL;
	char *type_dir = NULL, *label = NULL, *ldir = NULL;
	enum pv_status st;
	double t0 = cmd_now_ms(), t1, t2, t3;

	pv_diags_init(&d);
	pv_buf_init(&xhtml);
	memset(&map, 0, sizeof(map));
	st = cmd_load_valid(input, &doc, &type_dir, &d);
	if (st == PV_OK && lang != NULL) {
		char *known;

		if (!cmd_type_has_lang(type_dir, lang, &known))
			st = cmd_usage_error("build", "--lang takes one of the "
			    "languages of the type's labels (%s), not '%s'",
			    known, lang);
		free(known);
	}
	/* Before the work: an output that is not a regular file, or that
	 * is the input; the writers check again before they rename. */
	if (st == PV_OK)
		st = pv_output_check(output, &d);
	if (st == PV_OK && keep != NULL)
		st = pv_output_check(keep, &d);
	if (st == PV_OK && dump != NULL && strcmp(dump, "-") != 0)
		st = pv_output_check(dump, &d);
	t1 = cmd_now_ms();
	if (st == PV_OK) {
		enum pv_status fonts;

		ldir = cmd_type_file_dir(type_dir, "labels.json");
		eo.type_dir = ldir;
		eo.lang = lang;
		st = enrich_document(doc, &eo, &view, &d);
		if (st == PV_OK && since != NULL)
			st = cmd_changes_since(since, doc, view, &d);
		/* beside enrich's problems, in the same run; the theme and
		 * the fonts stay loaded for typesetting */
		fonts = cmd_open_look(theme, NULL, &th, &fs, &d);
		if (fonts == PV_OK)
			fonts = cmd_check_glyphs(doc, th, fs, &d);
		if (fonts > st)
			st = fonts;
	}
	t2 = cmd_now_ms();
	if (st == PV_OK)
		st = render_template(type_dir, view, &xhtml, &d, &map);
	if (st == PV_OK && br->strict)
		st = cmd_strict_check(&d);
	t3 = cmd_now_ms();
	if (st == PV_OK) {
		templated = 1;
		/* Diagnostics in the XHTML name the kept file, or say where
		 * the XHTML came from. */
		label = keep && strcmp(keep, "-") != 0 ? pv_xstrdup(keep) :
		    pv_xasprintf("%s (as XHTML)", input);
		memset(&tr, 0, sizeof(tr));
		tr.xhtml_file = label;
		tr.text = xhtml.data;
		tr.len = xhtml.len;
		tr.out_pdf = output;
		tr.theme_path = br->theme;
		tr.theme = th;
		tr.fonts = fs;
		tr.timing = timing;
		tr.strict = br->strict;
		tr.npages = br->npages;
		tr.parse_failed = &parse_failed;
		first = d.n;
		st = cmd_typeset_xhtml(&tr, &d);
		if (parse_failed)
			blame_templates(&d, first, label, &map);
		else if (st == PV_EINPUT && cmd_blame_plan(&d, first, label,
		    xhtml.data, xhtml.len, doc) > 0 && keep == NULL)
			pv_diag(&d, PV_WARNING, NULL, 0, 0, "the templates made "
			    "XHTML that does not typeset; run again with "
			    "--keep-xhtml FILE to read it");
	}
	/* The XHTML is kept after typesetting, when every image and font
	 * has been read (so it can never replace one of them), and also
	 * when typesetting failed: that is when it is wanted. */
	if (templated && keep != NULL) {
		enum pv_status kst = pv_write_file_atomic(keep, xhtml.data,
		    xhtml.len, &d);

		if (st == PV_OK)
			st = kst;
	}
	/* The view model, like the XHTML, is written last, and also when
	 * the templates or typesetting failed: that is when it is read. */
	if (view != NULL && dump != NULL) {
		enum pv_status dst = write_view(dump, view, &d);

		if (st == PV_OK)
			st = dst;
	}
	if (timing)
		fprintf(stderr, "planverk build: load+validate %.1f ms, enrich "
		    "%.1f ms, template %.1f ms\n", t1 - t0, t2 - t1, t3 - t2);
	cmd_print_diags(&d);
	if (st == PV_OK && d.errors > 0)
		st = PV_EINPUT;
	pv_diags_free(&d);
	pv_buf_free(&xhtml);
	mustache_linemap_free(&map);
	fontset_free(fs);
	theme_free(th);
	cJSON_Delete(view);
	loaded_json_free(doc);
	free(type_dir);
	free(label);
	free(ldir);
	return (int)st;
}
