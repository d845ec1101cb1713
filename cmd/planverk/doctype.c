/*
 * doctype.c - from a document's "type" to its folder in templates/.
 *
 * A document type is data: a folder templates/<type>/ holding at least
 * schema.json and document.mustache.  The list of types is what those
 * folders are, in the installed templates/ and in the folder given with
 * --templates DIR; there is no list of names in C.  DIR/<type>/ may also
 * hold single files (a cover.mustache, a labels.json) that replace the
 * installed type's file of that name, everything else still coming from
 * the installation.
 *
 * A type name is a plain word; it becomes part of a path, so anything
 * else (a slash, dots) is refused rather than resolved.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/load/load.h"
#include "../../src/mustache/mustache.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"

const char *cmd_templates_dir;

int
cmd_type_name_ok(const char *t)
{
	size_t i, n = strlen(t);

	if (n == 0 || n > 40)
		return 0;
	for (i = 0; i < n; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || t[i] == '-' ||
		    (t[i] >= '0' && t[i] <= '9')))
			return 0;
	return 1;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The user's folder for a type (DIR/<type>), or NULL. */
static char *
user_type_dir(const char *type)
{
	char *dir;

	if (cmd_templates_dir == NULL)
		return NULL;
	dir = pv_path_join(cmd_templates_dir, type);
	if (!is_dir(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* Whether FILE is in the user's folder or the installed one. */
static int
type_has(const char *user, const char *installed, const char *file)
{
	char *p;
	int found = 0;

	if (user != NULL) {
		p = pv_path_join(user, file);
		found = is_file(p);
		free(p);
	}
	if (!found && installed != NULL) {
		p = pv_path_join(installed, file);
		found = is_file(p);
		free(p);
	}
	return found;
}

char *
cmd_type_dir(const char *type)
{
	char *dir, *user;

	if (!cmd_type_name_ok(type))
		return NULL;
	dir = pv_xasprintf("%s/templates/%s", cmd_data_dir(), type);
	user = user_type_dir(type);
	if (!is_dir(dir)) {
		free(dir);
		dir = NULL;
	}
	if (!type_has(user, dir, "schema.json") ||
	    !type_has(user, dir, "document.mustache")) {
		free(dir);
		free(user);
		return NULL;
	}
	/* A type only the user's folder has lives there. */
	if (dir == NULL)
		return user;
	free(user);
	return dir;
}

char *
cmd_type_file(const char *type_dir, const char *file)
{
	char *user = user_type_dir(cmd_basename(type_dir)), *p;

	if (user != NULL) {
		p = pv_path_join(user, file);
		free(user);
		if (is_file(p))
			return p;
		free(p);
	}
	return pv_path_join(type_dir, file);
}

char *
cmd_type_file_dir(const char *type_dir, const char *file)
{
	char *p = cmd_type_file(type_dir, file), *dir = pv_dirname(p);

	free(p);
	return dir;
}

/* Add the type folders in DIR to names (sorted later, duplicates kept). */
static void
scan_types(const char *dir, char ***names, size_t *n)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char *tdir;

	if (dp == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (!cmd_type_name_ok(e->d_name))
			continue;
		if ((tdir = cmd_type_dir(e->d_name)) == NULL)
			continue;
		free(tdir);
		*names = pv_xreallocarray(*names, *n + 1, sizeof(**names));
		(*names)[(*n)++] = pv_xstrdup(e->d_name);
	}
	closedir(dp);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the document types there are, sorted, for messages. */
char *
cmd_known_types(void)
{
	char **names = NULL, *out = pv_xstrdup(""), *t;
	char *installed = pv_xasprintf("%s/templates", cmd_data_dir());
	size_t i, n = 0;

	scan_types(installed, &names, &n);
	if (cmd_templates_dir != NULL)
		scan_types(cmd_templates_dir, &names, &n);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		/* a type in both folders is named once */
		if (i == 0 || strcmp(names[i], names[i - 1]) != 0) {
			t = pv_xasprintf("%s%s%s", out, *out ? ", " : "",
			    names[i]);
			free(out);
			out = t;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(installed);
	return out;
}

int
cmd_set_templates_dir(const char *sub, const char *dir)
{
	if (!is_dir(dir))
		return cmd_usage_error(sub, "--templates '%s' is not a folder",
		    dir);
	cmd_templates_dir = dir;
	return PV_OK;
}

enum pv_status
cmd_document_type(struct loaded_json *doc, char **type_dir,
    struct pv_diags *d)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc->root, "type");
	int line = 1, col = 1;
	char *known;

	*type_dir = NULL;
	if (!cJSON_IsObject(doc->root)) {
		pv_diag(d, PV_ERROR, doc->file, 1, 1, "document: a planverk "
		    "document is a JSON object with a \"type\"");
		return PV_EINPUT;
	}
	if (!cJSON_IsString(t)) {
		if (t != NULL)
			load_locate(doc, t, 0, &line, &col);
		known = cmd_known_types();
		pv_diag(d, PV_ERROR, doc->file, line, col, "type: every document "
		    "names its type, one of: %s", known);
		free(known);
		return PV_EINPUT;
	}
	if ((*type_dir = cmd_type_dir(t->valuestring)) == NULL) {
		load_locate(doc, t, 0, &line, &col);
		known = cmd_known_types();
		pv_diag(d, PV_ERROR, doc->file, line, col, "type: unknown "
		    "document type \"%s\"; known types: %s", t->valuestring,
		    known);
		free(known);
		return PV_EINPUT;
	}
	return PV_OK;
}

/*
 * A partial loader (struct mustache_partials) for a type: ctx is the
 * type's installed folder; NAME.mustache in the user's folder for the
 * type comes first.  Both lookups go through mustache_load_dir, with its
 * refusals of names and files outside the folder.
 */
enum pv_status
cmd_type_partial(void *ctx, const char *name, size_t namelen, char **text,
    size_t *len, char **file, const char **refused, struct pv_diags *d)
{
	const char *type_dir = ctx;
	char *user = user_type_dir(cmd_basename(type_dir));
	enum pv_status st;

	if (user != NULL) {
		st = mustache_load_dir(user, name, namelen, text, len, file,
		    refused, d);
		free(user);
		if (st != PV_OK || *text != NULL || *refused != NULL)
			return st;
		free(*file);	/* not there: the installed file */
		*file = NULL;
	}
	return mustache_load_dir(ctx, name, namelen, text, len, file, refused,
	    d);
}

/*
 * The languages of a type are the members of its labels.json.  Returns
 * whether LANG is one; *known gets them, in the file's order ("nb, nn,
 * se"; caller frees).  A labels.json that cannot be read counts as
 * having every language: enrich reports the file itself.
 */
int
cmd_type_has_lang(const char *type_dir, const char *lang, char **known)
{
	struct pv_diags d;
	struct loaded_json *labels = NULL;
	const cJSON *l;
	char *path = cmd_type_file(type_dir, "labels.json"), *t;
	int found = 1;

	*known = pv_xstrdup("");
	pv_diags_init(&d);
	if (load_json_file(path, &labels, &d) == PV_OK &&
	    cJSON_IsObject(labels->root)) {
		found = 0;
		cJSON_ArrayForEach(l, labels->root) {
			if (!cJSON_IsObject(l) || l->string == NULL)
				continue;
			if (strcmp(l->string, lang) == 0)
				found = 1;
			t = pv_xasprintf("%s%s%s", *known, **known ? ", " : "",
			    l->string);
			free(*known);
			*known = t;
		}
	}
	loaded_json_free(labels);
	pv_diags_free(&d);
	free(path);
	return found;
}
