/*
 * doctype.c - from a document's "type" to its folder in templates/.
 *
 * A type name is a plain word; it becomes part of a path, so anything
 * else (a slash, dots) is refused rather than resolved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/load/load.h"
#include "../../src/util/mem.h"
#include "cmd.h"

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

char *
cmd_type_dir(const char *type)
{
	char *dir = pv_xasprintf("%s/templates/%s", cmd_data_dir(), type);
	struct stat st;

	if (!cmd_type_name_ok(type) || stat(dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* The names of the document types planverk knows, for messages. */
char *
cmd_known_types(void)
{
	static const char *known[] = { "kompetanseplan", "behovsmelding",
	    "langsiktig-plan", "arsrapport" };
	char *out = pv_xstrdup(""), *t;
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		char *dir = cmd_type_dir(known[i]);

		if (dir == NULL)
			continue;
		free(dir);
		t = pv_xasprintf("%s%s%s", out, *out ? ", " : "", known[i]);
		free(out);
		out = t;
	}
	return out;
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
