/*
 * cmd_typeset.c - `planverk typeset`: an XHTML document becomes a PDF.
 *
 * parse -> theme -> fonts -> layout -> emit, with every stage's messages
 * printed at the end and the exit status of the worst failure.  The PDF
 * is written atomically by emit, so a failed run leaves an existing
 * output untouched.  cmd_typeset_xhtml is shared with `build`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/emit/emit.h"
#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/layout/pages.h"
#include "../../src/parse/parse.h"
#include "../../src/theme/theme.h"
#include "../../src/util/buf.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

struct dumps {
	int doc, layout;
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk typeset DOC.xhtml [-o OUT.pdf] [--theme THEME.json]\n"
	    "                        [--fonts FONTMAP.json] [--strict]\n"
	    "                        [--dump-doc] [--dump-layout]\n"
	    "\n"
	    "Typesets an XHTML document (docs/vocabulary.md) into a PDF.\n"
	    "\n"
	    "Options:\n"
	    "  -o OUT.pdf       the PDF to write (default: DOC.pdf beside DOC);\n"
	    "                   a folder (FOLDER/DOC.pdf) or - (standard output)\n"
	    "  --theme FILE     a theme (docs/theme.md) instead of the default\n"
	    "  --fonts FILE     a font map instead of fonts/fonts.json\n"
	    "  --strict         every warning is an error: nothing is written\n"
	    "  --dump-doc       print the document tree to stdout\n"
	    "  --dump-layout    print the laid-out pages to stdout\n"
	    "                   (with a dump, a PDF is written only with -o)\n"
	    "\n"
	    "Environment:\n"
	    "  SOURCE_DATE_EPOCH  the creation date (seconds since 1970), for\n"
	    "                     byte-identical PDFs\n"
	    "  PLANVERK_TIMING    print the time of each stage to stderr\n"
	    "\n"
	    "Exit status: 0 written, 1 input error, 2 usage error, 3 internal\n"
	    "or I/O error.  Nothing is written when there is an error.\n");
}

/* SOURCE_DATE_EPOCH: -1 when unset, -2 when not a valid number. */
static long long
source_date(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v < 0 ||
	    v > 253402300799LL)
		return -2;
	return v;
}

static char *
default_output(const char *input)
{
	size_t n = strlen(input);

	if (n > 6 && strcmp(input + n - 6, ".xhtml") == 0)
		return pv_xasprintf("%.*s.pdf", (int)(n - 6), input);
	if (n > 5 && strcmp(input + n - 5, ".html") == 0)
		return pv_xasprintf("%.*s.pdf", (int)(n - 5), input);
	return pv_xasprintf("%s.pdf", input);
}

static void
print_dump(struct pv_buf *b)
{
	cmd_write_stdout(b->data, b->len);	/* errors: main() */
	pv_buf_clear(b);
}

static enum pv_status
typeset(const struct typeset_request *tr, const struct dumps *dump,
    struct pv_diags *d)
{
	struct emit_options eo;
	struct doc *doc = NULL;
	struct theme *th = NULL;
	struct fontset *fs = NULL;
	struct lay_doc ld;
	struct pv_buf b;
	enum pv_status st;
	double t0 = cmd_now_ms(), t1 = t0, t2 = t0, t3 = t0;
	long long date = source_date();

	memset(&ld, 0, sizeof(ld));
	pv_buf_init(&b);
	if (date == -2) {
		pv_diag(d, PV_ERROR, NULL, 0, 0, "SOURCE_DATE_EPOCH must be a "
		    "whole number of seconds since 1970-01-01, not '%s'",
		    getenv("SOURCE_DATE_EPOCH"));
		return PV_EUSAGE;
	}
	st = parse_xhtml(tr->xhtml_file, tr->text, tr->len, &doc, d);
	if (st != PV_OK && tr->parse_failed != NULL)
		*tr->parse_failed = 1;
	t1 = cmd_now_ms();
	if (st == PV_OK && dump->doc) {
		doc_dump(doc, &b);
		print_dump(&b);
	}
	if (st == PV_OK && tr->theme == NULL)
		st = cmd_open_look(tr->theme_path, tr->fontmap_path, &th, &fs,
		    d);
	if (st == PV_OK)
		st = layout_document(doc, tr->theme ? tr->theme : th,
		    tr->fonts ? tr->fonts : fs, &ld, d);
	t2 = cmd_now_ms();
	if (st == PV_OK && dump->layout) {
		lay_doc_dump(&ld, &b);
		print_dump(&b);
	}
	if (st == PV_OK && tr->strict)
		st = cmd_strict_check(d);
	if (st == PV_OK && tr->out_pdf != NULL) {
		memset(&eo, 0, sizeof(eo));
		eo.creator = "planverk " PLANVERK_VERSION;
		eo.date = date;
		eo.compress = 1;
		/* For measuring what tagging costs; never for a real
		 * document, which must be PDF/UA and PDF/A-2a. */
		eo.no_tags = getenv("PLANVERK_NO_TAGS") != NULL;
		st = emit_pdf_file(&ld, tr->fonts ? tr->fonts : fs, &eo,
		    tr->out_pdf, d);
	}
	t3 = cmd_now_ms();
	if (st == PV_OK && tr->npages != NULL)
		*tr->npages = ld.npages;
	if (tr->timing)
		fprintf(stderr, "planverk typeset: parse %.1f ms, layout "
		    "%.1f ms, emit %.1f ms, %zu pages\n", t1 - t0, t2 - t1,
		    t3 - t2, ld.npages);
	lay_doc_free(&ld);
	fontset_free(fs);
	theme_free(th);
	doc_free(doc);
	pv_buf_free(&b);
	return st;
}

enum pv_status
cmd_typeset_xhtml(const struct typeset_request *tr, struct pv_diags *d)
{
	struct dumps none = { 0, 0 };

	return typeset(tr, &none, d);
}

int
cmd_typeset(int argc, char **argv)
{
	struct typeset_request tr;
	struct dumps dump = { 0, 0 };
	struct pv_diags d;
	const char *input = NULL, *output = NULL;
	char *text = NULL, *out_alloc = NULL, *def_out;
	size_t len = 0;
	enum pv_status st;
	int i, nargs, strict = 0;
	const char *theme = NULL, *fonts = NULL;
	const struct cmd_opt opts[] = {
		{ NULL, 'o', 1, &output, NULL, NULL },
		{ "theme", 0, 1, &theme, NULL, NULL },
		{ "fonts", 0, 1, &fonts, NULL, NULL },
		{ "dump-doc", 0, 0, NULL, &dump.doc, NULL },
		{ "dump-layout", 0, 0, NULL, &dump.layout, NULL },
		{ "strict", 0, 0, NULL, &strict, NULL },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "typeset", opts, usage, 0 };

	memset(&tr, 0, sizeof(tr));
	if ((i = cmd_opts_parse(&spec, argc, argv, &nargs)) != CMD_OPTS_GO_ON)
		return i;
	if (nargs > 1)
		return cmd_usage_error("typeset", "one input file at a time "
		    "('%s' and '%s')", argv[1], argv[2]);
	input = argv[1];
	tr.theme_path = theme;
	tr.fontmap_path = fonts;
	tr.strict = strict;
	if (input == NULL)
		return cmd_usage_error("typeset", "no input file given");
	if (source_date() == -2)
		return cmd_usage_error("typeset", "SOURCE_DATE_EPOCH must be a "
		    "whole number of seconds since 1970-01-01, not '%s'",
		    getenv("SOURCE_DATE_EPOCH"));
	/* A dump is for reading; the PDF then only when asked for. */
	def_out = default_output(input);
	if (output == NULL && !dump.doc && !dump.layout)
		output = def_out;
	else if (output != NULL && (out_alloc = cmd_output_in_dir(output,
	    cmd_basename(def_out))) != NULL)
		output = out_alloc;	/* -o FOLDER/: DOC.pdf in it */
	if (output != NULL && strcmp(output, "-") == 0 &&
	    (dump.doc || dump.layout)) {
		free(def_out);
		free(out_alloc);
		return cmd_usage_error("typeset", "a dump and -o - would both "
		    "go to standard output");
	}

	pv_diags_init(&d);
	st = pv_read_file(input, &text, &len, &d);
	/* Before the work: an output that is not a regular file, or that
	 * is the input; the writer checks again before it renames. */
	if (st == PV_OK && output != NULL)
		st = pv_output_check(output, &d);
	if (st == PV_OK) {
		tr.xhtml_file = input;
		tr.text = text;
		tr.len = len;
		tr.out_pdf = output;
		tr.timing = getenv("PLANVERK_TIMING") != NULL;
		st = typeset(&tr, &dump, &d);
	}
	i = cmd_finish(st, &d);
	pv_diags_free(&d);
	free(text);
	free(out_alloc);
	free(def_out);
	return i;
}
