/*
 * cmd_template.c - planverk template: render one Mustache template with
 * JSON data to standard output.
 *
 * This is also how the official Mustache spec suite runs against the
 * engine (tests/spec/run-spec.py), so its interface stays as it is:
 *
 *	planverk template TEMPLATE --data DATA.json [--partials DIR] [--strict]
 *
 * Nothing is written to standard output unless the whole render
 * succeeded.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/load/load.h"
#include "../../src/mustache/mustache.h"
#include "../../src/mustache/mustache_cjson.h"
#include "../../src/util/buf.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

static void
template_usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk template TEMPLATE --data DATA.json "
	    "[--partials DIR] [--strict]\n"
	    "\n"
	    "Render the Mustache template TEMPLATE with the JSON file "
	    "DATA.json as its\n"
	    "data and write the result to standard output.\n"
	    "\n"
	    "Options:\n"
	    "  --data FILE     the JSON data (required)\n"
	    "  --partials DIR  where {{> name}} and {{< name}} find "
	    "DIR/name.mustache\n"
	    "                  (default: the folder of TEMPLATE)\n"
	    "  --strict        a missing partial is an error; without it "
	    "the partial\n"
	    "                  renders as nothing, with a warning\n"
	    "  -h, --help      show this help\n"
	    "\n"
	    "The engine follows the Mustache specification v1.3 with "
	    "template inheritance\n"
	    "({{< parent}}, {{$ block}}) and dynamic names ({{>*name}}); "
	    "no lambdas.\n"
	    "{{name}} escapes & < > \" for HTML; {{{name}}} and {{& name}} "
	    "do not.\n"
	    "\n"
	    "Exit status: 0 success, 1 error in the template or the data, "
	    "2 usage error,\n"
	    "3 internal or I/O error.\n");
}

int
cmd_template(int argc, char **argv)
{
	const char *tfile = NULL, *dfile = NULL, *pdir = NULL;
	struct mustache_template *tpl = NULL;
	struct mustache_partials partials;
	struct loaded_json *data = NULL;
	struct pv_diags d;
	struct pv_buf out;
	struct stat sb;
	enum pv_status st;
	char *text = NULL, *dir = NULL;
	size_t len;
	int i, strict = 0, rc, nargs;
	const struct cmd_opt opts[] = {
		{ "data", 0, 1, &dfile, NULL, NULL },
		{ "partials", 0, 1, &pdir, NULL, NULL },
		{ "strict", 0, 0, NULL, &strict, NULL },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "template", opts, template_usage, 0 };

	if ((i = cmd_opts_parse(&spec, argc, argv, &nargs)) != CMD_OPTS_GO_ON)
		return i;
	if (nargs > 1)
		return cmd_usage_error("template", "one template only; '%s' is "
		    "one too many", argv[2]);
	tfile = argv[1];
	if (tfile == NULL)
		return cmd_usage_error("template", "no template given");
	if (dfile == NULL)
		return cmd_usage_error("template", "no data given (--data)");

	pv_diags_init(&d);
	pv_buf_init(&out);
	/* Both inputs are checked, so one run shows every error.  A
	 * template too large to compile is refused before it is read. */
	if (stat(tfile, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (uintmax_t)sb.st_size > MUSTACHE_MAX_TEMPLATE) {
		pv_diag(&d, PV_ERROR, tfile, 0, 0, "template is larger than "
		    "%u MiB (MUSTACHE_MAX_TEMPLATE)",
		    MUSTACHE_MAX_TEMPLATE / (1024u * 1024u));
		st = PV_EINPUT;
	} else
		st = pv_read_file(tfile, &text, &len, &d);
	if (st == PV_OK && (tpl = mustache_compile(tfile, text, len,
	    &d)) == NULL)
		st = PV_EINPUT;
	{
		enum pv_status dst = load_json_file(dfile, &data, &d);

		if (st == PV_OK)
			st = dst;
	}
	if (st == PV_OK) {
		if (pdir == NULL)
			pdir = dir = pv_dirname(tfile);
		memset(&partials, 0, sizeof(partials));
		partials.load = mustache_load_dir;
		partials.ctx = (void *)pdir;
		partials.strict = strict;
		st = mustache_render(tpl, &mustache_cjson_ops, data->root,
		    &partials, &out, &d);
	}
	rc = cmd_finish(st, &d);
	if (rc == PV_OK && out.len > 0) {
		if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0) {
			fprintf(stderr, "planverk template: cannot write "
			    "standard output: %s\n", strerror(errno));
			rc = PV_EINTERNAL;
		}
	}
	pv_buf_free(&out);
	mustache_free(tpl);
	loaded_json_free(data);
	pv_diags_free(&d);
	free(text);
	free(dir);
	return rc;
}
