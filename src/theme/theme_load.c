/*
 * theme_load.c - reading a theme JSON file over the default theme.
 *
 * Every key is optional; a key we do not know is an error at its line
 * and column with the nearest known key suggested, because a misspelt
 * key silently ignored is a theme that "does not work".  Lengths are
 * points, or strings with a unit ("25mm", "2.5cm", "1in", "12pt").
 * All errors are reported, not just the first.  This file never lays
 * anything out and never opens a font: it only checks the values.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../load/load.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "theme.h"
#include "../util/similar.h"

#define MAX_PAGE_SIDE 14400.0 /* pt: the largest page PDF allows (200 in) */
#define MIN_TEXT_AREA 72.0    /* pt: the least room margins must leave */
#define MAX_FONT_SIZE 200.0
#define MAX_SPACE 720.0

struct tl {
	struct loaded_json *j;
	struct theme *t;
	struct pv_diags *d;
	int bad;
};

static const char *const top_keys[] = { "page", "justify",
	"number_headings", "fonts", "colors", "cell_padding", "list_indent",
	"paragraph_indent", "logo", "header_on_first_page", NULL };
static const char *const page_keys[] = { "size", "orientation", "width",
	"height", "margins", "wide_tables", NULL };
static const char *const margin_keys[] = { "top", "bottom", "left",
	"right", NULL };
static const char *const text_keys[] = { "family", "size", "leading",
	"color", "bold", "italic", "space_before", "space_after", NULL };
static const char *const color_keys[] = { "accent", "link", "table_rule",
	"table_header_fill", "table_stripe_fill", "box_fill", NULL };
static const char *const font_keys[] = { "body", "h1", "h2", "h3", "h4",
	"table", "table_header", "caption", "header", "footer", "code",
	"cover_title", "cover_subtitle", "cover_meta", "toc", NULL };

static void PV_PRINTF(3, 4)
err(struct tl *tl, const cJSON *node, const char *fmt, ...)
{
	va_list ap;
	int line = 0, col = 0;

	load_locate(tl->j, node, 0, &line, &col);
	va_start(ap, fmt);
	pv_vdiag(tl->d, PV_ERROR, tl->j->file, line, col, fmt, ap);
	va_end(ap);
	tl->bad = 1;
}

/* Report a key that is not in `known`, suggesting the nearest. */
static void
unknown_key(struct tl *tl, const cJSON *node, const char *where,
    const char *const *known)
{
	const char *best = NULL;
	size_t bd = 3, dist, i;
	int line = 0, col = 0;

	for (i = 0; known[i] != NULL; i++)
		if ((dist = pv_edit_distance(node->string, known[i], 1)) < bd) {
			bd = dist;
			best = known[i];
		}
	load_locate(tl->j, node, 1, &line, &col);
	if (best != NULL)
		pv_diag(tl->d, PV_ERROR, tl->j->file, line, col,
		    "theme: unknown key \"%s\" in %s (did you mean \"%s\"?)",
		    node->string, where, best);
	else
		pv_diag(tl->d, PV_ERROR, tl->j->file, line, col,
		    "theme: unknown key \"%s\" in %s", node->string, where);
	tl->bad = 1;
}

/* Check that every member of obj is a known key; 0 if obj is no object. */
static int
object(struct tl *tl, const cJSON *obj, const char *where,
    const char *const *known)
{
	const cJSON *m;
	size_t i;

	if (!cJSON_IsObject(obj)) {
		err(tl, obj, "theme: %s must be an object", where);
		return 0;
	}
	cJSON_ArrayForEach(m, obj) {
		for (i = 0; known[i] != NULL; i++)
			if (strcmp(m->string, known[i]) == 0)
				break;
		if (known[i] == NULL)
			unknown_key(tl, m, where, known);
	}
	return 1;
}

/* A length in pt: a number, or a string with a unit.  -1 when bad. */
static double
length_of(const cJSON *v)
{
	const char *s;
	char *end;
	double x;

	if (cJSON_IsNumber(v))
		return isfinite(v->valuedouble) ? v->valuedouble : -1;
	if (!cJSON_IsString(v))
		return -1;
	s = v->valuestring;
	x = strtod(s, &end);
	if (end == s || !isfinite(x))
		return -1;
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		return x;
	if (strcmp(end, "mm") == 0)
		return x * 72.0 / 25.4;
	if (strcmp(end, "cm") == 0)
		return x * 72.0 / 2.54;
	if (strcmp(end, "in") == 0)
		return x * 72.0;
	return -1;
}

static void
get_length(struct tl *tl, const cJSON *v, const char *name, double lo,
    double hi, double *out)
{
	double x = length_of(v);

	if (x < 0 && !(cJSON_IsNumber(v) && isfinite(v->valuedouble))) {
		err(tl, v, "theme: %s must be a length in points, or a string "
		    "such as \"25mm\", \"2cm\", \"1in\" or \"12pt\"", name);
		return;
	}
	if (x < lo || x > hi) {
		err(tl, v, "theme: %s is %g pt; it must be between %g and %g pt",
		    name, x, lo, hi);
		return;
	}
	*out = x;
}

static void
get_bool(struct tl *tl, const cJSON *v, const char *name, int *out)
{
	if (!cJSON_IsBool(v)) {
		err(tl, v, "theme: %s must be true or false", name);
		return;
	}
	*out = cJSON_IsTrue(v);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* "#RRGGBB" or "#RGB"; "none" only where a fill may be absent. */
static void
get_color(struct tl *tl, const cJSON *v, const char *name, int none_ok,
    uint32_t *out)
{
	const char *s;
	uint32_t c = 0;
	size_t n, i;

	if (cJSON_IsString(v)) {
		s = v->valuestring;
		if (none_ok && strcmp(s, "none") == 0) {
			*out = 0xFFFFFFFF;
			return;
		}
		n = strlen(s);
		if (s[0] == '#' && (n == 7 || n == 4)) {
			for (i = 1; i < n; i++) {
				int h = hexval((unsigned char)s[i]);

				if (h < 0)
					break;
				c = c << 4 | (uint32_t)h;
				if (n == 4)
					c = c << 4 | (uint32_t)h;
			}
			if (i == n) {
				*out = c;
				return;
			}
		}
	}
	err(tl, v, "theme: %s must be a colour \"#RRGGBB\"%s", name,
	    none_ok ? " or \"none\"" : "");
}

/* Which colours of text styles the file set, for the accent rule. */
struct explicit_colors {
	int h[4], table_header, cover_title;
};

static void
load_text(struct tl *tl, const cJSON *o, const char *name,
    struct theme_text *t, int *color_set)
{
	const cJSON *v;
	char where[64];
	int leading_set = 0;
	double old_size = t->size;

	snprintf(where, sizeof(where), "fonts.%s", name);
	if (!object(tl, o, where, text_keys))
		return;
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "family")) != NULL) {
		if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
			err(tl, v, "theme: %s.family must be the name of a "
			    "font family in the font map", where);
		else {
			free(t->family);
			t->family = pv_xstrdup(v->valuestring);
		}
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "size")) != NULL)
		get_length(tl, v, "font size", 1, MAX_FONT_SIZE, &t->size);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "leading")) != NULL) {
		get_length(tl, v, "leading", 1, 2 * MAX_FONT_SIZE, &t->leading);
		leading_set = 1;
	}
	/* A new size without a leading keeps the old proportion. */
	if (!leading_set && t->size != old_size && old_size > 0)
		t->leading = t->leading * t->size / old_size;
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "color")) != NULL) {
		get_color(tl, v, "colour", 0, &t->color);
		if (color_set != NULL)
			*color_set = 1;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "bold")) != NULL)
		get_bool(tl, v, "bold", &t->bold);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "italic")) != NULL)
		get_bool(tl, v, "italic", &t->italic);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "space_before")) != NULL)
		get_length(tl, v, "space_before", 0, MAX_SPACE,
		    &t->space_before);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "space_after")) != NULL)
		get_length(tl, v, "space_after", 0, MAX_SPACE, &t->space_after);
	if (t->leading < t->size * 0.8)
		err(tl, o, "theme: %s: leading %g pt is too small for size "
		    "%g pt (lines would overlap)", where, t->leading, t->size);
}

static struct theme_text *
text_by_name(struct theme *t, const char *name, int **cset,
    struct explicit_colors *ec)
{
	*cset = NULL;
	if (strcmp(name, "body") == 0)
		return &t->body;
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '4' &&
	    name[2] == '\0') {
		*cset = &ec->h[name[1] - '1'];
		return &t->h[name[1] - '1'];
	}
	if (strcmp(name, "table") == 0)
		return &t->table;
	if (strcmp(name, "table_header") == 0) {
		*cset = &ec->table_header;
		return &t->table_header;
	}
	if (strcmp(name, "caption") == 0)
		return &t->caption;
	if (strcmp(name, "header") == 0)
		return &t->header;
	if (strcmp(name, "footer") == 0)
		return &t->footer;
	if (strcmp(name, "code") == 0)
		return &t->code;
	if (strcmp(name, "cover_title") == 0) {
		*cset = &ec->cover_title;
		return &t->cover_title;
	}
	if (strcmp(name, "cover_subtitle") == 0)
		return &t->cover_subtitle;
	if (strcmp(name, "cover_meta") == 0)
		return &t->cover_meta;
	if (strcmp(name, "toc") == 0)
		return &t->toc;
	return NULL;
}

static void
load_fonts(struct tl *tl, const cJSON *o, struct explicit_colors *ec)
{
	const cJSON *m;
	struct theme_text *tt;
	int *cset;

	if (!object(tl, o, "fonts", font_keys))
		return;
	cJSON_ArrayForEach(m, o)
		if ((tt = text_by_name(tl->t, m->string, &cset, ec)) != NULL)
			load_text(tl, m, m->string, tt, cset);
}

static void
load_colors(struct tl *tl, const cJSON *o, struct explicit_colors *ec)
{
	const cJSON *v;
	struct theme *t = tl->t;
	int i;

	if (!object(tl, o, "colors", color_keys))
		return;
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "accent")) != NULL) {
		get_color(tl, v, "colors.accent", 0, &t->accent);
		/* Headings follow the accent unless the file set them. */
		for (i = 0; i < 4; i++)
			if (!ec->h[i])
				t->h[i].color = t->accent;
		if (!ec->table_header)
			t->table_header.color = t->accent;
		if (!ec->cover_title)
			t->cover_title.color = t->accent;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "link")) != NULL)
		get_color(tl, v, "colors.link", 0, &t->link_color);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "table_rule")) != NULL)
		get_color(tl, v, "colors.table_rule", 0, &t->table_rule);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "table_header_fill")) !=
	    NULL)
		get_color(tl, v, "colors.table_header_fill", 1,
		    &t->table_header_fill);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "table_stripe_fill")) !=
	    NULL)
		get_color(tl, v, "colors.table_stripe_fill", 1,
		    &t->table_stripe_fill);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "box_fill")) != NULL)
		get_color(tl, v, "colors.box_fill", 1, &t->box_fill);
}

static void
load_margins(struct tl *tl, const cJSON *o)
{
	const cJSON *v;
	struct theme *t = tl->t;
	double all;

	if (cJSON_IsNumber(o) || cJSON_IsString(o)) {
		all = -1;
		get_length(tl, o, "page.margins", 0, MAX_PAGE_SIDE, &all);
		if (all >= 0)
			t->margin_top = t->margin_bottom = t->margin_left =
			    t->margin_right = all;
		return;
	}
	if (!object(tl, o, "page.margins", margin_keys))
		return;
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "top")) != NULL)
		get_length(tl, v, "page.margins.top", 0, MAX_PAGE_SIDE,
		    &t->margin_top);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "bottom")) != NULL)
		get_length(tl, v, "page.margins.bottom", 0, MAX_PAGE_SIDE,
		    &t->margin_bottom);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "left")) != NULL)
		get_length(tl, v, "page.margins.left", 0, MAX_PAGE_SIDE,
		    &t->margin_left);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "right")) != NULL)
		get_length(tl, v, "page.margins.right", 0, MAX_PAGE_SIDE,
		    &t->margin_right);
}

static void
load_size(struct tl *tl, const cJSON *v)
{
	static const struct {
		const char *name;
		double w, h;
	} sizes[] = {
		{ "A3", 841.89, 1190.55 },
		{ "A4", 595.28, 841.89 },
		{ "A5", 419.53, 595.28 },
		{ "letter", 612, 792 },
		{ "legal", 612, 1008 },
	};
	size_t i;

	if (cJSON_IsString(v))
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
			if (strcasecmp(v->valuestring, sizes[i].name) == 0) {
				tl->t->page_width = sizes[i].w;
				tl->t->page_height = sizes[i].h;
				return;
			}
	err(tl, v, "theme: page.size must be \"A3\", \"A4\", \"A5\", "
	    "\"letter\" or \"legal\" (or give page.width and page.height)");
}

static void
load_page(struct tl *tl, const cJSON *o)
{
	const cJSON *v;
	struct theme *t = tl->t;
	double tmp;

	if (!object(tl, o, "page", page_keys))
		return;
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "size")) != NULL)
		load_size(tl, v);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "width")) != NULL)
		get_length(tl, v, "page.width", 72, MAX_PAGE_SIDE,
		    &t->page_width);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "height")) != NULL)
		get_length(tl, v, "page.height", 72, MAX_PAGE_SIDE,
		    &t->page_height);
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "orientation")) != NULL) {
		if (cJSON_IsString(v) &&
		    strcmp(v->valuestring, "landscape") == 0) {
			if (t->page_width < t->page_height) {
				tmp = t->page_width;
				t->page_width = t->page_height;
				t->page_height = tmp;
			}
		} else if (!cJSON_IsString(v) ||
		    strcmp(v->valuestring, "portrait") != 0)
			err(tl, v, "theme: page.orientation must be "
			    "\"portrait\" or \"landscape\"");
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "wide_tables")) != NULL) {
		if (cJSON_IsString(v) &&
		    strcmp(v->valuestring, "landscape") == 0)
			t->wide_tables_landscape = 1;
		else if (cJSON_IsString(v) &&
		    strcmp(v->valuestring, "squeeze") == 0)
			t->wide_tables_landscape = 0;
		else
			err(tl, v, "theme: page.wide_tables must be "
			    "\"landscape\" or \"squeeze\"");
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(o, "margins")) != NULL)
		load_margins(tl, v);
	if (t->page_width - t->margin_left - t->margin_right < MIN_TEXT_AREA ||
	    t->page_height - t->margin_top - t->margin_bottom < MIN_TEXT_AREA)
		err(tl, o, "theme: the margins leave no room for text: the "
		    "text area is %.0f x %.0f pt of a %.0f x %.0f pt page (it "
		    "needs at least %.0f pt each way)",
		    t->page_width - t->margin_left - t->margin_right,
		    t->page_height - t->margin_top - t->margin_bottom,
		    t->page_width, t->page_height, MIN_TEXT_AREA);
}

static void
load_logo(struct tl *tl, const cJSON *v)
{
	char *dir;

	if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
		err(tl, v, "theme: logo must be the path of a PNG or JPEG "
		    "file");
		return;
	}
	free(tl->t->logo);
	if (v->valuestring[0] == '/')
		tl->t->logo = pv_xstrdup(v->valuestring);
	else {
		/* Relative to the theme file, so a theme folder can move. */
		dir = pv_dirname(tl->j->file);
		tl->t->logo = pv_path_join(dir, v->valuestring);
		free(dir);
	}
}

static void
load_root(struct tl *tl, const cJSON *root)
{
	struct explicit_colors ec;
	struct theme *t = tl->t;
	const cJSON *v;

	memset(&ec, 0, sizeof(ec));
	if (!object(tl, root, "the theme", top_keys))
		return;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "page")) != NULL)
		load_page(tl, v);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "justify")) != NULL)
		get_bool(tl, v, "justify", &t->justify);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "number_headings")) !=
	    NULL)
		get_bool(tl, v, "number_headings", &t->number_headings);
	if ((v = cJSON_GetObjectItemCaseSensitive(root,
	    "header_on_first_page")) != NULL)
		get_bool(tl, v, "header_on_first_page",
		    &t->header_on_first_page);
	/* Fonts before colours: the accent rule needs to know which heading
	 * colours the file set itself. */
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "fonts")) != NULL)
		load_fonts(tl, v, &ec);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "colors")) != NULL)
		load_colors(tl, v, &ec);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "cell_padding")) !=
	    NULL)
		get_length(tl, v, "cell_padding", 0, 36, &t->cell_padding);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "list_indent")) != NULL)
		get_length(tl, v, "list_indent", 4, 144, &t->list_indent);
	if ((v = cJSON_GetObjectItemCaseSensitive(root,
	    "paragraph_indent")) != NULL)
		get_length(tl, v, "paragraph_indent", 0, 144,
		    &t->paragraph_indent);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "logo")) != NULL)
		load_logo(tl, v);
}

/* A stable sort (insertion: a theme has few errors). */
static void
sort_diags(struct pv_diags *dg, int (*cmp)(const void *, const void *))
{
	struct pv_diag t;
	size_t i, k;

	for (i = 1; i < dg->n; i++) {
		t = dg->v[i];
		for (k = i; k > 0 && cmp(&dg->v[k - 1], &t) > 0; k--)
			dg->v[k] = dg->v[k - 1];
		dg->v[k] = t;
	}
}

static int
by_place(const void *a, const void *b)
{
	const struct pv_diag *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

enum pv_status
theme_load(const char *path, struct theme **out, struct pv_diags *d)
{
	struct pv_diags mine;
	struct tl tl;
	enum pv_status st;

	*out = NULL;
	memset(&tl, 0, sizeof(tl));
	if ((st = load_json_file(path, &tl.j, d)) != PV_OK)
		return st;
	tl.t = theme_default();
	tl.t->file = pv_xstrdup(path);
	pv_diags_init(&mine);
	tl.d = &mine;
	load_root(&tl, tl.j->root);
	loaded_json_free(tl.j);
	/* Checked key by key, reported in the order of the file. */
	if (mine.n > 1)
		sort_diags(&mine, by_place);
	pv_diags_move(d, &mine);
	pv_diags_free(&mine);
	if (tl.bad) {
		theme_free(tl.t);
		return PV_EINPUT;
	}
	*out = tl.t;
	return PV_OK;
}
