/*
 * mustache_dir.c - the partial loader that reads FOLDER/NAME.mustache.
 *
 * Partial names can come from data ({{>*name}}), so a name may not lead
 * out of the folder: absolute names, ".." components and NUL bytes are
 * refused by their spelling, and a file that resolves (through symbolic
 * links) outside the real path of the folder, or that is not a regular
 * file (a FIFO would block the build), is refused after resolving it.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "mustache.h"

/* Why a name is refused by its spelling, or NULL. */
static const char *
bad_name(const char *name, size_t n)
{
	size_t i, k;

	if (n == 0)
		return "the name is empty";
	if (memchr(name, '\0', n) != NULL)
		return "the name holds a NUL byte";
	if (name[0] == '/')
		return "an absolute path leads outside the partials folder";
	for (i = 0; i < n; i = k + 1) {
		for (k = i; k < n && name[k] != '/'; k++)
			continue;
		if (k - i == 2 && name[i] == '.' && name[i + 1] == '.')
			return "'..' leads outside the partials folder";
	}
	return NULL;
}

/* Is the real path `real` inside the real folder `rdir`? */
static int
inside(const char *rdir, const char *real)
{
	size_t n = strlen(rdir);

	if (n == 1 && rdir[0] == '/')
		return 1;
	return strncmp(real, rdir, n) == 0 && real[n] == '/';
}

enum pv_status
mustache_load_dir(void *dir, const char *name, size_t namelen, char **text,
    size_t *len, char **file, const char **refused, struct pv_diags *d)
{
	struct stat st;
	char *base, *path, *rdir, *real;
	enum pv_status status;

	*text = NULL;
	*len = 0;
	*file = NULL;
	*refused = NULL;
	if ((*refused = bad_name(name, namelen)) != NULL)
		return PV_OK;
	if (namelen > INT_MAX - 16) {
		*refused = "the name is too long";
		return PV_OK;
	}
	base = pv_xasprintf("%.*s.mustache", (int)namelen, name);
	if (strcmp(dir, ".") == 0)
		path = base;	/* "x.mustache", not "./x.mustache" */
	else {
		path = pv_path_join(dir, base);
		free(base);
	}
	if (stat(path, &st) == -1 && (errno == ENOENT || errno == ENOTDIR ||
	    errno == ENAMETOOLONG || errno == ELOOP)) {
		*file = path;
		return PV_OK;
	}
	/* where the file really is: symbolic links may point anywhere */
	rdir = realpath(dir, NULL);
	real = realpath(path, NULL);
	if (rdir != NULL && real != NULL && !inside(rdir, real))
		*refused = "it resolves (through a symbolic link) outside "
		    "the partials folder";
	else if (real != NULL && stat(real, &st) == 0 && !S_ISREG(st.st_mode))
		*refused = S_ISDIR(st.st_mode) ? "it is a folder" :
		    "it is not a regular file";
	free(rdir);
	free(real);
	if (*refused != NULL) {
		*file = path;
		return PV_OK;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size >
	    MUSTACHE_MAX_TEMPLATE) {
		/* refused before it is read */
		pv_diag(d, PV_ERROR, path, 0, 0, "template is larger than "
		    "%u MiB (MUSTACHE_MAX_TEMPLATE)",
		    MUSTACHE_MAX_TEMPLATE / (1024u * 1024u));
		free(path);
		return PV_EINPUT;
	}
	status = pv_read_file(path, text, len, d);
	*file = path;
	return status;
}
