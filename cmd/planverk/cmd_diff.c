/*
 * cmd_diff.c - `planverk diff OLD.json NEW.json`: what changed between two
 * versions of a plan, by the ids of its items (src/enrich/plandiff.c), as
 * lines or as JSON; and the same comparison for `build --changes-since`.
 *
 * The exit status is planverk's, not diff(1)'s: 0 when the two were
 * compared, changes or none, so that 1 always means a problem with a
 * plan (as for every other command).  No changes: no lines, or [].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/enrich/plandiff.h"
#include "../../src/load/load.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

/* Longest value shown on a line, in characters. */
#define DIFF_VALUE_MAX 80

static void
diff_usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk diff [--json] [--templates DIR] OLD.json NEW.json\n"
	    "\n"
	    "Lists what changed between two versions of a plan, by the ids of\n"
	    "its goals, measures, indicators, people and sections: items\n"
	    "added, removed, and members changed (title, text, amounts, dates,\n"
	    "responsible...) with the old and the new value, one line each;\n"
	    "members outside any item (meta, amounts) as the document's:\n"
	    "\n"
	    "  document: changed meta.title: \"Old\" -> \"New\"\n"
	    "  measure m4-x: added (\"Title\")\n"
	    "  goal m2: removed (\"Title\")\n"
	    "  measure m3-skole-5: changed title: \"Old\" -> \"New\"\n"
	    "  measure m1: changed amount budget: 120000 -> 150000\n"
	    "\n"
	    "Sections without an id are matched by their title: only headings\n"
	    "added or removed are listed for them.  Both files must be valid\n"
	    "documents of the same type.\n"
	    "\n"
	    "  --json           a JSON array of {kind, id, change (added,\n"
	    "                   removed or changed), member, old, new, title}\n"
	    "  --templates DIR  document types in DIR/<type>/ first (README)\n"
	    "\n"
	    "Exit status: 0 compared (with or without changes), 1 a file is\n"
	    "not a valid plan or the types differ, 2 usage, 3 I/O.\n");
}

/* Load both versions, valid and of the same type. */
static enum pv_status
load_pair(const char *old_path, const char *new_path,
    struct loaded_json **old, struct loaded_json **new, struct pv_diags *d)
{
	char *old_dir = NULL, *new_dir = NULL;
	enum pv_status st, st2;
	const cJSON *ot, *nt;

	st = cmd_load_valid(old_path, old, &old_dir, d);
	st2 = cmd_load_valid(new_path, new, &new_dir, d);
	free(old_dir);
	free(new_dir);
	if (st2 > st)
		st = st2;
	if (st != PV_OK)
		return st;
	ot = cJSON_GetObjectItemCaseSensitive((*old)->root, "type");
	nt = cJSON_GetObjectItemCaseSensitive((*new)->root, "type");
	if (strcmp(ot->valuestring, nt->valuestring) != 0) {
		int line, col;

		load_locate(*new, nt, 0, &line, &col);
		pv_diag(d, PV_ERROR, (*new)->file, line, col, "type: \"%s\", "
		    "but %s is a \"%s\": only two versions of one plan can be "
		    "compared", nt->valuestring, old_path, ot->valuestring);
		return PV_EINPUT;
	}
	return PV_OK;
}

static void
print_text(const struct plandiff *pd)
{
	size_t i;

	for (i = 0; i < pd->n; i++) {
		const struct plandiff_change *c = &pd->v[i];
		char *o, *n;

		if (c->id != NULL)
			printf("%s %s: ", c->kind, c->id);
		else if (c->title != NULL)
			printf("%s \"%s\": ", c->kind, c->title);
		else
			printf("%s: ", c->kind);
		if (c->what != PLANDIFF_CHANGED) {
			printf("%s", c->what == PLANDIFF_ADDED ? "added" :
			    "removed");
			if (c->id != NULL && c->title != NULL) {
				cJSON *t = cJSON_CreateString(c->title);

				o = plandiff_value_text(t, DIFF_VALUE_MAX);
				printf(" (%s)", o);
				free(o);
				cJSON_Delete(t);
			}
			putchar('\n');
			continue;
		}
		o = plandiff_value_text(c->old, DIFF_VALUE_MAX);
		n = plandiff_value_text(c->new, DIFF_VALUE_MAX);
		printf("changed %s%s: %s -> %s\n", c->amount ? "amount " : "",
		    c->member, o, n);
		free(o);
		free(n);
	}
}

static cJSON *
value_or_null(const cJSON *v)
{
	return v != NULL ? cJSON_Duplicate(v, 1) : cJSON_CreateNull();
}

static cJSON *
str_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void
print_json(const struct plandiff *pd)
{
	static const char *const what[] = { "added", "removed", "changed" };
	cJSON *list = cJSON_CreateArray();
	size_t i, len;
	char *text;

	for (i = 0; i < pd->n; i++) {
		const struct plandiff_change *c = &pd->v[i];
		cJSON *e = cJSON_CreateObject();
		int ch = c->what == PLANDIFF_CHANGED;

		cJSON_AddStringToObject(e, "kind", c->kind);
		cJSON_AddItemToObject(e, "id", str_or_null(c->id));
		cJSON_AddStringToObject(e, "change", what[c->what]);
		cJSON_AddItemToObject(e, "member", str_or_null(c->member));
		cJSON_AddItemToObject(e, "old", ch ? value_or_null(c->old) :
		    cJSON_CreateNull());
		cJSON_AddItemToObject(e, "new", ch ? value_or_null(c->new) :
		    cJSON_CreateNull());
		cJSON_AddItemToObject(e, "title", str_or_null(c->title));
		cJSON_AddItemToArray(list, e);
	}
	text = load_json_print(list, &len);
	cmd_write_stdout(text, len);
	free(text);
	cJSON_Delete(list);
}

int
cmd_diff(int argc, char **argv)
{
	const char *files[2];
	int i, nfiles = 0, json = 0;
	struct loaded_json *old = NULL, *new = NULL;
	struct pv_diags d;
	struct plandiff pd;
	enum pv_status st;
	const struct cmd_opt opts[] = {
		{ "json", 0, 0, NULL, &json, NULL },
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "diff", opts, diff_usage, 0 };

	if ((i = cmd_opts_parse(&spec, argc, argv, &nfiles)) != CMD_OPTS_GO_ON)
		return i;
	if (nfiles > 2)
		return cmd_usage_error("diff", "two files, the old version and "
		    "the new, not more");
	if (nfiles != 2)
		return cmd_usage_error("diff", "two files needed: OLD.json "
		    "NEW.json");
	files[0] = argv[1];
	files[1] = argv[2];
	pv_diags_init(&d);
	st = load_pair(files[0], files[1], &old, &new, &d);
	if (st == PV_OK) {
		plandiff_compare(old->root, new->root, &pd);
		if (json)
			print_json(&pd);
		else
			print_text(&pd);
		plandiff_free(&pd);
	}
	loaded_json_free(old);
	loaded_json_free(new);
	i = cmd_finish(st, &d);
	pv_diags_free(&d);
	return i;
}

enum pv_status
cmd_changes_since(const char *old_path, struct loaded_json *doc,
    cJSON *view, struct pv_diags *d)
{
	struct loaded_json *old = NULL;
	char *old_dir = NULL;
	const cJSON *ot, *nt;
	struct plandiff pd;
	enum pv_status st;

	st = cmd_load_valid(old_path, &old, &old_dir, d);
	free(old_dir);
	if (st != PV_OK)
		return st;
	ot = cJSON_GetObjectItemCaseSensitive(old->root, "type");
	nt = cJSON_GetObjectItemCaseSensitive(doc->root, "type");
	if (strcmp(ot->valuestring, nt->valuestring) != 0) {
		pv_diag(d, PV_ERROR, old_path, 1, 1, "--changes-since: a "
		    "\"%s\", not a version of this \"%s\"", ot->valuestring,
		    nt->valuestring);
		loaded_json_free(old);
		return PV_EINPUT;
	}
	plandiff_compare(old->root, doc->root, &pd);
	plandiff_view_set(view, &pd);
	plandiff_free(&pd);
	loaded_json_free(old);
	return PV_OK;
}
