/*
 * cmd_new.c - `planverk new TYPE [-o FILE]`: a small valid starter file
 * with notes ("_help") on what to fill in.  `new arsrapport --plan
 * PLAN.json` fills the report's starter from the plan: one entry per
 * measure.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/enrich/arsrapport.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

/* The path of `target` as seen from the folder `from` (both made real);
 * target itself when either cannot be resolved. */
static char *
relative_path(const char *target, const char *from)
{
	char *t = realpath(target, NULL), *f = realpath(from, NULL), *out;
	size_t i = 0, common = 0;
	struct pv_buf b;

	if (t == NULL || f == NULL) {
		free(t);
		free(f);
		return pv_xstrdup(target);
	}
	/* the common folder: up to the last '/' both share */
	while (t[i] && f[i] && t[i] == f[i]) {
		if (t[i] == '/')
			common = i;
		i++;
	}
	if (f[i] == '\0' && t[i] == '/')
		common = i;	/* from is a folder above target */
	pv_buf_init(&b);
	/* one "../" for each folder of `from` below the common one */
	for (i = common; f[i]; i++)
		if (f[i] == '/' && f[i + 1] != '\0')
			pv_buf_puts(&b, "../");
	pv_buf_puts(&b, t + common + 1);
	out = pv_xstrdup(b.data);
	pv_buf_free(&b);
	free(t);
	free(f);
	return out;
}

/* The årsrapport starter with the plan's owner, first year, path and one
 * entry per measure (status left for the user: check warns until it is
 * given).  NULL after an error (in d). */
static char *
report_starter(const char *text, size_t len, const char *plan,
    const char *out, struct pv_diags *d)
{
	struct loaded_json *doc = NULL;
	struct ar_plan p;
	char *tdir = NULL, *dir, *rel, *res;
	cJSON *st, *meta, *list, *owner;
	size_t i;

	if (cmd_load_valid(plan, &doc, &tdir, d) != PV_OK)
		return NULL;
	free(tdir);
	if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
	    doc->root, "type")), "kompetanseplan") != 0) {
		pv_diag(d, PV_ERROR, plan, 0, 0, "--plan takes a "
		    "kompetanseplan; this file's type is \"%s\"",
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
		    doc->root, "type")));
		loaded_json_free(doc);
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.doc = doc;
	ar_plan_index(&p);
	st = cJSON_ParseWithLength(text, len);
	if ((meta = cJSON_GetObjectItemCaseSensitive(st, "meta")) == NULL) {
		/* our own starter.json: not the user's fault */
		pv_diag(d, PV_ERROR, NULL, 0, 0, "the arsrapport starter.json "
		    "has no meta");
		cJSON_Delete(st);
		ar_plan_free(&p);
		return NULL;
	}
	dir = out ? pv_dirname(out) : pv_xstrdup(".");
	rel = relative_path(plan, dir);
	cJSON_ReplaceItemInObjectCaseSensitive(meta, "plan",
	    cJSON_CreateString(rel));
	free(rel);
	free(dir);
	cJSON_ReplaceItemInObjectCaseSensitive(meta, "year",
	    cJSON_CreateNumber(p.from));
	{
		char title[64];

		snprintf(title, sizeof(title), "Årsrapport %d", p.from);
		cJSON_ReplaceItemInObjectCaseSensitive(meta, "title",
		    cJSON_CreateString(title));
	}
	owner = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(p.meta,
	    "owner"), 1);
	cJSON_DeleteItemFromObjectCaseSensitive(owner, "logo");
	cJSON_ReplaceItemInObjectCaseSensitive(meta, "owner", owner);
	if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(p.meta, "lang")))
		cJSON_ReplaceItemInObjectCaseSensitive(meta, "lang",
		    cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(p.meta,
		    "lang"), 1));
	list = cJSON_CreateArray();
	for (i = 0; i < p.nm; i++) {
		cJSON *m = cJSON_CreateObject();

		cJSON_AddStringToObject(m, "_help", p.m[i].title);
		cJSON_AddStringToObject(m, "measure", p.m[i].id);
		cJSON_AddItemToArray(list, m);
	}
	cJSON_ReplaceItemInObjectCaseSensitive(st, "measures", list);
	cJSON_DeleteItemFromObjectCaseSensitive(st, "assessment");
	cJSON_AddItemToObject(st, "assessment", cJSON_CreateArray());
	ar_plan_free(&p);
	res = load_json_print(st, &i);
	cJSON_Delete(st);
	return res;
}

/*
 * The starter's "$schema" made to name the installed schema file as a
 * file: URL, so that an editor checks the new plan offline, against the
 * schema of the planverk that wrote it.  NULL: the text has no
 * "$schema" or the schema file is not found (the text stays as it is).
 */
static char *
local_schema(const char *text, const char *type_dir)
{
	static const char key[] = "\"$schema\": \"";
	const char *at = strstr(text, key), *end;
	char *file, *real, *res;
	struct pv_buf b;
	const char *p;

	if (at == NULL || (end = strchr(at + sizeof(key) - 1, '"')) == NULL)
		return NULL;
	file = cmd_type_file(type_dir, "schema.json");
	real = realpath(file, NULL);
	free(file);
	if (real == NULL)
		return NULL;
	pv_buf_init(&b);
	pv_buf_put(&b, text, (size_t)(at - text) + sizeof(key) - 1);
	pv_buf_puts(&b, "file://");
	for (p = real; *p; p++) {
		/* a URL path: the few bytes JSON or a URL would misread */
		if (*p == '"' || *p == '\\' || *p == '%' || *p == ' ' ||
		    *p == '#' || *p == '?' || (unsigned char)*p < 0x20)
			pv_buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			pv_buf_putc(&b, *p);
	}
	pv_buf_puts(&b, end);
	free(real);
	res = pv_buf_take(&b);
	return res;
}

static void
new_usage(FILE *f)
{
	fprintf(f, "usage: planverk new TYPE [-o FILE] [--templates DIR] "
	    "[--plan PLAN.json]\n\n"
	    "Writes a small valid document of the type, with notes\n"
	    "(\"_help\") on what to fill in, to FILE or to standard\n"
	    "output (also with -o -).  -o FOLDER/ writes\n"
	    "FOLDER/TYPE.json.  An existing FILE is never "
	    "overwritten.  --templates DIR: types in\n"
	    "DIR/<type>/ first (see the README).\n\n"
	    "  --plan PLAN.json  (arsrapport) the plan the report is on:\n"
	    "                    its owner, first year and one entry per\n"
	    "                    measure; fill in each status.\n");
}

int
cmd_new(int argc, char **argv)
{
	const char *type = NULL, *out = NULL, *plan = NULL;
	struct pv_diags d;
	struct stat st;
	char *dir, *path, *text, *known, *name, *out_alloc = NULL;
	size_t len;
	enum pv_status rc;
	int i, nargs;
	const struct cmd_opt opts[] = {
		{ NULL, 'o', 1, &out, NULL, NULL },
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ "plan", 0, 1, &plan, NULL, NULL },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "new", opts, new_usage, 0 };

	if ((i = cmd_opts_parse(&spec, argc, argv, &nargs)) != CMD_OPTS_GO_ON)
		return i;
	if (nargs > 1)
		return cmd_usage_error("new", "one type at a time");
	type = argv[1];
	if (type == NULL)
		return cmd_usage_error("new", "give a document type");
	if (plan != NULL && strcmp(type, "arsrapport") != 0)
		return cmd_usage_error("new", "--plan is for an arsrapport");
	if ((dir = cmd_type_dir(type)) == NULL) {
		known = cmd_known_types();
		fprintf(stderr, "planverk new: unknown document type '%s'; "
		    "known types: %s\n", type, known);
		free(known);
		return PV_EUSAGE;
	}
	if (out != NULL && strcmp(out, "-") == 0)
		out = NULL;	/* standard output */
	if (out != NULL) {
		name = pv_xasprintf("%s.json", type);
		if ((out_alloc = cmd_output_in_dir(out, name)) != NULL)
			out = out_alloc;	/* -o FOLDER/ */
		free(name);
	}
	if (out != NULL && lstat(out, &st) == 0 && S_ISREG(st.st_mode)) {
		fprintf(stderr, "planverk new: %s exists; not overwriting it\n",
		    out);
		free(dir);
		free(out_alloc);
		return PV_EUSAGE;
	}
	path = cmd_type_file(dir, "starter.json");
	pv_diags_init(&d);
	rc = pv_read_file(path, &text, &len, &d);
	if (rc == PV_OK && plan != NULL) {
		char *filled = report_starter(text, len, plan, out, &d);

		free(text);
		text = filled;
		if (text == NULL) {
			rc = PV_EINPUT;
		} else {
			len = strlen(text);	/* ends in a newline */
		}
	}
	if (rc == PV_OK) {
		char *with = local_schema(text, dir);

		if (with != NULL) {
			free(text);
			text = with;
			len = strlen(text);
		}
		/* Never replaces a file, not even one made meanwhile; a
		 * write error on standard output is reported by main(). */
		if (out != NULL)
			rc = pv_write_file_new(out, text, len, &d);
		else
			cmd_write_stdout(text, len);
		free(text);
	} else if (rc != PV_EINPUT) {
		rc = PV_EINTERNAL;
	}
	cmd_print_diags(&d);
	pv_diags_free(&d);
	free(path);
	free(dir);
	free(out_alloc);
	return (int)rc;
}
