/*
 * mustache_dir.c - the partial loader that reads FOLDER/NAME.mustache.
 *
 * Partial names can come from data ({{>*name}}), so a name may not lead
 * out of the folder: absolute names and ".." components are never found.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "mustache.h"

static int
safe_name(const char *name)
{
	const char *p;

	if (name[0] == '\0' || name[0] == '/')
		return 0;
	for (p = name; *p != '\0';) {
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
			return 0;
		if ((p = strchr(p, '/')) == NULL)
			break;
		p++;
	}
	return 1;
}

enum pv_status
mustache_load_dir(void *dir, const char *name, char **text, size_t *len,
    char **file, struct pv_diags *d)
{
	struct stat st;
	char *base, *path;
	enum pv_status status;

	*text = NULL;
	*len = 0;
	*file = NULL;
	if (!safe_name(name))
		return PV_OK;
	base = pv_xasprintf("%s.mustache", name);
	if (strcmp(dir, ".") == 0)
		path = base;	/* "x.mustache", not "./x.mustache" */
	else {
		path = pv_path_join(dir, base);
		free(base);
	}
	if (stat(path, &st) == -1 && (errno == ENOENT || errno == ENOTDIR)) {
		*file = path;
		return PV_OK;
	}
	status = pv_read_file(path, text, len, d);
	*file = path;
	return status;
}
