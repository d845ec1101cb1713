/*
 * font_map.c - the font map (fonts/fonts.json) and loading faces.
 *
 * The map is read when the run starts, the font files only when layout
 * first asks for a face: a theme that uses two families should not pay
 * for, or fail on, the other families of the map.  The map looks like
 *
 *	{ "families": { "Open Sans": { "regular": "OpenSans-Regular.ttf",
 *	    "bold": "...", "italic": "...", "bold-italic": "..." } } }
 *
 * A style left out falls back to the family's regular file, which is what
 * a typographer would do with a family that has no italic.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "../load/load.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "font_int.h"

static const char *const style_keys[4] = {
	"regular", "bold", "italic", "bold-italic",
};

static const char *const style_names[4] = {
	"regular", "bold", "italic", "bold italic",
};

static void map_error(struct loaded_json *, const cJSON *, int,
    struct pv_diags *, const char *, ...) PV_PRINTF(5, 6);

static void
map_error(struct loaded_json *j, const cJSON *node, int key,
    struct pv_diags *d, const char *fmt, ...)
{
	va_list ap;
	int line = 0, col = 0;

	load_locate(j, node, key, &line, &col);
	va_start(ap, fmt);
	pv_vdiag(d, PV_ERROR, j->file, line, col, fmt, ap);
	va_end(ap);
}

static enum pv_status
read_family(struct fontset *fs, struct loaded_json *j, const cJSON *fam,
    struct pv_diags *d)
{
	struct font_family *f;
	const cJSON *v;
	size_t k;

	if (!cJSON_IsObject(fam)) {
		map_error(j, fam, 0, d, "font family \"%s\" must be an object "
		    "of \"regular\", \"bold\", \"italic\", \"bold-italic\"",
		    fam->string);
		return PV_EINPUT;
	}
	cJSON_ArrayForEach(v, fam) {
		for (k = 0; k < 4; k++)
			if (strcmp(v->string, style_keys[k]) == 0)
				break;
		if (k == 4) {
			map_error(j, v, 1, d, "unknown style \"%s\"; the "
			    "styles are regular, bold, italic, bold-italic",
			    v->string);
			return PV_EINPUT;
		}
		if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
			map_error(j, v, 0, d, "style \"%s\" must name a font "
			    "file, such as \"OpenSans-Bold.ttf\"", v->string);
			return PV_EINPUT;
		}
	}
	if (cJSON_GetObjectItemCaseSensitive(fam, "regular") == NULL) {
		map_error(j, fam, 1, d, "font family \"%s\" has no "
		    "\"regular\" file", fam->string);
		return PV_EINPUT;
	}
	PV_GROW(fs->fam, fs->cap_fam, fs->nfam + 1);
	f = &fs->fam[fs->nfam++];
	memset(f, 0, sizeof(*f));
	f->name = pv_xstrdup(fam->string);
	for (k = 0; k < 4; k++) {
		f->face[k] = -1;
		v = cJSON_GetObjectItemCaseSensitive(fam, style_keys[k]);
		if (v != NULL)
			f->file[k] = pv_xstrdup(v->valuestring);
	}
	return PV_OK;
}

enum pv_status
fontset_new(const char *map_path, const char *fonts_dir,
    struct fontset **out, struct pv_diags *d)
{
	struct loaded_json *j = NULL;
	struct fontset *fs;
	const cJSON *fams, *fam;
	enum pv_status st;

	*out = NULL;
	if ((st = load_json_file(map_path, &j, d)) != PV_OK)
		return st;
	fams = cJSON_IsObject(j->root) ?
	    cJSON_GetObjectItemCaseSensitive(j->root, "families") : NULL;
	if (!cJSON_IsObject(fams)) {
		pv_diag(d, PV_ERROR, j->file, 1, 1, "a font map is an object "
		    "with \"families\": { \"Family Name\": { \"regular\": "
		    "\"File.ttf\", ... } }");
		loaded_json_free(j);
		return PV_EINPUT;
	}
	fs = pv_xcalloc(1, sizeof(*fs));
	fs->map_path = pv_xstrdup(map_path);
	fs->fonts_dir = fonts_dir ? pv_xstrdup(fonts_dir) :
	    pv_dirname(map_path);
	cJSON_ArrayForEach(fam, fams) {
		if ((st = read_family(fs, j, fam, d)) != PV_OK) {
			loaded_json_free(j);
			fontset_free(fs);
			return st;
		}
	}
	loaded_json_free(j);
	*out = fs;
	return PV_OK;
}

void
fontset_free(struct fontset *fs)
{
	size_t i, k;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->nfaces; i++)
		ttf_face_free(fs->faces[i]);
	for (i = 0; i < fs->nfam; i++) {
		free(fs->fam[i].name);
		for (k = 0; k < 4; k++)
			free(fs->fam[i].file[k]);
	}
	free(fs->fam);
	free(fs->map_path);
	free(fs->fonts_dir);
	free(fs);
}

size_t
fontset_face_count(const struct fontset *fs)
{
	return fs->nfaces;
}

static void
unknown_family(const struct fontset *fs, const char *family,
    const char *where, struct pv_diags *d)
{
	char *known = NULL, *t;
	size_t i;

	for (i = 0; i < fs->nfam; i++) {
		t = known ? pv_xasprintf("%s, %s", known, fs->fam[i].name) :
		    pv_xstrdup(fs->fam[i].name);
		free(known);
		known = t;
	}
	pv_diag(d, PV_ERROR, where ? where : fs->map_path, 0, 0,
	    "unknown font family \"%s\"; the font map %s has: %s", family,
	    fs->map_path, known ? known : "(no families)");
	free(known);
}

static int
load_face(struct fontset *fs, const struct font_family *fam,
    enum font_style style, const char *where, struct pv_diags *d);

/* Layout asks for a face per run of text; the answer is remembered so
 * that only the first question searches the font folders. */
int
fontset_face(struct fontset *fs, const char *family, enum font_style style,
    const char *where, struct pv_diags *d)
{
	struct font_family *fam;
	size_t i;

	if ((unsigned)style > FONT_BOLD_ITALIC)
		style = FONT_REGULAR;
	fam = NULL;
	if (family != NULL)
		for (i = 0; i < fs->nfam && fam == NULL; i++)
			if (strcmp(fs->fam[i].name, family) == 0)
				fam = &fs->fam[i];
	/* "open sans" in a theme means Open Sans. */
	if (family != NULL)
		for (i = 0; i < fs->nfam && fam == NULL; i++)
			if (strcasecmp(fs->fam[i].name, family) == 0)
				fam = &fs->fam[i];
	/* Not in the map: an installed family, found by fontconfig. */
	if (fam == NULL && family != NULL) {
		char *files[4];

		if (font_fc_family(family, files)) {
			PV_GROW(fs->fam, fs->cap_fam, fs->nfam + 1);
			fam = &fs->fam[fs->nfam++];
			memset(fam, 0, sizeof(*fam));
			fam->name = pv_xstrdup(family);
			for (i = 0; i < 4; i++) {
				fam->file[i] = files[i];
				fam->face[i] = -1;
			}
		}
	}
	if (fam == NULL) {
		unknown_family(fs, family ? family : "(none)", where, d);
		return -1;
	}
	if (fam->face[style] < 0)
		fam->face[style] = load_face(fs, fam, style, where, d);
	return fam->face[style];
}

static int
load_face(struct fontset *fs, const struct font_family *fam,
    enum font_style style, const char *where, struct pv_diags *d)
{
	struct font_face *f;
	const char *file;
	char *path;
	size_t i;

	file = fam->file[style] ? fam->file[style] : fam->file[FONT_REGULAR];
	if ((path = font_find_file(fs->fonts_dir, file)) == NULL) {
		pv_diag(d, PV_ERROR, where ? where : fs->map_path, 0, 0,
		    "font file %s (%s %s, from %s) not found in %s, "
		    "/usr/share/fonts, /usr/local/share/fonts or "
		    "~/.local/share/fonts; install the font (for Open Sans: "
		    "apt-get install fonts-open-sans) or copy the file into %s",
		    file, fam->name, style_names[style], fs->map_path,
		    fs->fonts_dir, fs->fonts_dir);
		return -1;
	}
	/* The same file asked for twice (a style that falls back to the
	 * regular file, or two families sharing it) is one face. */
	for (i = 0; i < fs->nfaces; i++) {
		if (strcmp(fs->faces[i]->path, path) == 0) {
			free(path);
			return (int)i;
		}
	}
	if (fs->nfaces == FONT_MAX_FACES) {
		pv_diag(d, PV_ERROR, where ? where : fs->map_path, 0, 0,
		    "more than %d font faces; use fewer families or styles",
		    FONT_MAX_FACES);
		free(path);
		return -1;
	}
	f = pv_xcalloc(1, sizeof(*f));
	f->path = path;
	{
		char *data;

		if (pv_read_file(path, &data, &f->len, d) != PV_OK) {
			ttf_face_free(f);
			return -1;
		}
		f->data = (unsigned char *)data;
	}
	if (f->len > FONT_MAX_FILE) {
		pv_diag(d, PV_ERROR, path, 0, 0, "font file is larger than "
		    "%u MiB; refusing to read it",
		    FONT_MAX_FILE / (1024u * 1024u));
		ttf_face_free(f);
		return -1;
	}
	if (ttf_parse(f, d) != PV_OK) {
		ttf_face_free(f);
		return -1;
	}
	font_shape_attach(f);
	fs->faces[fs->nfaces] = f;
	return (int)fs->nfaces++;
}
