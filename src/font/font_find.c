/*
 * font_find.c - finding a font file by name in the font folders.
 *
 * The map names files, not paths, so that the same map works on every
 * machine: the project's fonts/ folder is searched first (a user's own
 * files win), then the folders where Debian and users install fonts.
 * Folders are walked in sorted order, so the same tree always gives the
 * same file, and the walk is bounded in depth and in entries: a symlink
 * loop or a huge folder costs time, never a hang.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "font_int.h"

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Depth-first: files of a folder before its subfolders. */
static char *
search(const char *dir, const char *name, int depth, size_t *budget)
{
	DIR *dp;
	struct dirent *de;
	char **names = NULL, *found = NULL, *p;
	size_t n = 0, cap = 0, i;
	struct stat st;

	if (depth > FONT_SEARCH_DEPTH || *budget == 0)
		return NULL;
	p = pv_path_join(dir, name);
	if (is_file(p))
		return p;
	free(p);
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		if (*budget == 0)
			break;
		(*budget)--;
		if (de->d_name[0] == '.')
			continue;
		/* Only folders are walked into: the entry's type, where the
		 * file system gives it, spares a stat() per font file. */
		if (de->d_type != DT_DIR && de->d_type != DT_LNK &&
		    de->d_type != DT_UNKNOWN)
			continue;
		PV_GROW(names, cap, n + 1);
		names[n++] = pv_xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if (found == NULL) {
			p = pv_path_join(dir, names[i]);
			if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
				found = search(p, name, depth + 1, budget);
			free(p);
		}
		free(names[i]);
	}
	free(names);
	return found;
}

char *
font_find_file(const char *fonts_dir, const char *name)
{
	static const char *const sys[] = {
		"/usr/share/fonts", "/usr/local/share/fonts",
	};
	const char *home = getenv("HOME");
	size_t budget = FONT_SEARCH_ENTRIES, i;
	char *p;

	/* A path in the map is taken as it stands (relative to fonts/). */
	if (strchr(name, '/') != NULL) {
		if (name[0] == '/')
			return is_file(name) ? pv_xstrdup(name) : NULL;
		p = pv_path_join(fonts_dir ? fonts_dir : ".", name);
		if (is_file(p))
			return p;
		free(p);
		return NULL;
	}
	if (fonts_dir != NULL &&
	    (p = search(fonts_dir, name, 0, &budget)) != NULL)
		return p;
	for (i = 0; i < sizeof(sys) / sizeof(sys[0]); i++)
		if ((p = search(sys[i], name, 0, &budget)) != NULL)
			return p;
	if (home != NULL && *home != '\0') {
		char *dir = pv_path_join(home, ".local/share/fonts");

		p = search(dir, name, 0, &budget);
		free(dir);
		if (p != NULL)
			return p;
	}
	return NULL;
}
