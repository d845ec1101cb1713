/*
 * cmd_glyphs.c - the fonts a plan will be set in, checked before the
 * plan is templated: the theme's families exist in the font map, and
 * every character of the plan's text has a glyph in the body font or in
 * the fallback font layout takes symbols from.
 *
 * Found here, a missing glyph is reported at the JSON member that holds
 * it (`plan.json:5:14: meta.title: ...`), by `check` as well as `build`;
 * found by layout, it could only be reported at a line of XHTML the user
 * never wrote.  Members that are never printed (ids, references, file
 * names, `$schema`, `_` notes) are left out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/font/font.h"
#include "../../src/layout/layout.h"
#include "../../src/load/load.h"
#include "../../src/theme/theme.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"
#include "../../src/util/file.h"
#include "../../src/util/utf8.h"
#include "cmd.h"

/* Missing characters reported per plan; then a count. */
#define MAX_REPORTED 20

struct glyphs {
	struct loaded_json *doc;
	struct fontset *fs;
	int body, fallback;
	const char *body_name;
	struct pv_diags *d;
	const char *path;       /* of the string being checked */
	size_t reported, more;
};

static int
never_printed(const char *key)
{
	static const char *const keys[] = { "$schema", "id", "image", "logo",
		"plan", "type", "lang", "href", "url", "src", "measure",
		"goal", "indicator", "ref", "person", "source", NULL };
	size_t i;

	if (key == NULL)
		return 0;
	if (key[0] == '_')
		return 1;
	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static void
check_string(struct glyphs *g, const cJSON *node)
{
	const char *s = node->valuestring;
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;
	int line = 0, col = 0;
	char enc[5];

	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		/* ASCII is in every text font; spaces and controls are
		 * not drawn. */
		if (k == 0 || cp < 0xA1 || cp == 0xAD || (cp >= 0x2000 &&
		    cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0x202F || cp == 0xFEFF)
			continue;
		if (font_has_glyph(g->fs, g->body, cp) || (g->fallback >= 0 &&
		    font_has_glyph(g->fs, g->fallback, cp)))
			continue;
		if (g->reported >= MAX_REPORTED) {
			g->more++;
			continue;
		}
		g->reported++;
		load_locate(g->doc, node, 0, &line, &col);
		enc[pv_utf8_encode(cp, enc)] = '\0';
		pv_diag(g->d, PV_ERROR, g->doc->file, line, col, "%s: '%s' "
		    "(U+%04X) is in neither font the text is set in (%s, %s): "
		    "leave it out, or name a font that has it in "
		    "fonts/fonts.json", g->path, enc, (unsigned)cp,
		    g->body_name, LAYOUT_FALLBACK_FAMILY);
	}
}

static int
visit_string(void *ctx, const struct cmd_walk_at *at)
{
	struct glyphs *g = ctx;

	g->path = at->path;
	check_string(g, at->node);
	return 0;
}

/* Every family the theme names, loaded once: an unknown one is reported
 * against the theme file. */
static void
theme_faces(struct fontset *fs, const struct theme *th, struct pv_diags *d)
{
	const struct theme_text *t[] = { &th->body, &th->h[0], &th->h[1],
		&th->h[2], &th->h[3], &th->table, &th->table_header,
		&th->caption, &th->header, &th->footer, &th->code,
		&th->cover_title, &th->cover_subtitle, &th->cover_meta,
		&th->toc };
	const char *where = th->file != NULL ? th->file : "the default theme";
	size_t i, j;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		for (j = 0; j < i; j++)
			if (strcmp(t[j]->family, t[i]->family) == 0)
				break;
		if (j == i)
			fontset_face(fs, t[i]->family, FONT_REGULAR, where, d);
	}
}

enum pv_status
cmd_open_look(const char *theme_path, const char *fontmap_path,
    struct theme **th, struct fontset **fs, struct pv_diags *d)
{
	char *dir, *def = NULL;
	const char *map = fontmap_path;
	enum pv_status st;

	*th = NULL;
	*fs = NULL;
	if (theme_path != NULL) {
		if ((st = theme_load(theme_path, th, d)) != PV_OK)
			return st;
	} else
		*th = theme_default();
	if (map == NULL) {
		dir = pv_path_join(cmd_data_dir(), "fonts");
		map = def = pv_path_join(dir, "fonts.json");
	} else
		dir = pv_dirname(map);
	st = fontset_new(map, dir, fs, d);
	free(dir);
	free(def);
	if (st != PV_OK) {
		theme_free(*th);
		*th = NULL;
	}
	return st;
}

enum pv_status
cmd_check_glyphs(struct loaded_json *doc, const struct theme *th,
    struct fontset *fs, struct pv_diags *d)
{
	struct glyphs g;
	struct pv_diags quiet;
	size_t errors = d->errors;

	memset(&g, 0, sizeof(g));
	g.fs = fs;
	theme_faces(g.fs, th, d);
	g.body = fontset_face(g.fs, th->body.family, FONT_REGULAR, NULL,
	    d);
	pv_diags_init(&quiet);
	g.fallback = fontset_face(g.fs, LAYOUT_FALLBACK_FAMILY, FONT_REGULAR, NULL,
	    &quiet);
	pv_diags_free(&quiet);
	if (g.body >= 0) {
		g.doc = doc;
		g.d = d;
		g.body_name = th->body.family;
		cmd_walk_strings(doc->root, never_printed, visit_string, &g);
		if (g.more > 0)
			pv_diag(d, PV_ERROR, doc->file, 1, 1, "%zu more "
			    "characters that neither font has", g.more);
	}
	return d->errors > errors ? PV_EINPUT : PV_OK;
}
