/*
 * cmd_source.c - a problem layout found in the XHTML the templates made,
 * reported at the plan's JSON member that holds the text it is about.
 *
 * The templates escape every string of the plan, so the text of the
 * XHTML near a problem's line is, word for word, the text of some
 * member: the first stretch of text from that line on that is long
 * enough to say something of its own ("Lesing i alle fag", not the
 * template's column title "Tiltak") is looked up among the plan's
 * strings.  Found, the problem moves to `plan.json:LINE:COL: PATH: ...`
 * and keeps the XHTML line in its message; not found, it stays where it
 * was.  A cover that does not fit, a table too wide to set, a cell taller
 * than a page or a footnote too long for a page foot then point at what
 * the adviser wrote.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/load/load.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"
#include "cmd.h"

/* The least text that is taken to be the plan's own words, and how much
 * of it is looked for; how far below the line the text may start. */
#define NEEDLE_MIN 12
#define NEEDLE_MAX 60
#define WINDOW 4096

/* Where in `text` the line `line` (from 1) starts; NULL past the end. */
static const char *
line_start(const char *text, size_t len, int line)
{
	const char *p = text, *end = text + len, *e;

	while (--line > 0) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return NULL;
		p = e + 1;
	}
	return p;
}

/* Append the character of the entity at p (after '&'), or '&' itself;
 * returns the bytes read. */
static size_t
put_entity(struct pv_buf *b, const char *p, const char *end)
{
	static const struct { const char *name, *ch; } ent[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
		{ "quot;", "\"" }, { "apos;", "'" }, { "#160;", "\xc2\xa0" },
		{ "nbsp;", "\xc2\xa0" },
	};
	size_t i, n;

	for (i = 0; i < sizeof(ent) / sizeof(ent[0]); i++) {
		n = strlen(ent[i].name);
		if ((size_t)(end - p) >= n && memcmp(p, ent[i].name, n) == 0) {
			pv_buf_puts(b, ent[i].ch);
			return n;
		}
	}
	pv_buf_putc(b, '&');
	return 0;
}

/*
 * The first stretch of character data from p on (one text node, spaces
 * folded) of at least NEEDLE_MIN bytes, cut to NEEDLE_MAX at a space;
 * 0 when there is none within WINDOW bytes.
 */
static int
first_text(const char *p, const char *end, struct pv_buf *out)
{
	const char *q;

	if ((size_t)(end - p) > WINDOW)
		end = p + WINDOW;
	while (p < end) {
		/* skip markup up to the next text */
		if (*p == '<') {
			if ((q = memchr(p, '>', (size_t)(end - p))) == NULL)
				return 0;
			p = q + 1;
			continue;
		}
		out->len = 0;
		pv_buf_puts(out, "");
		for (; p < end && *p != '<'; p++) {
			if (*p == '&')
				p += put_entity(out, p + 1, end);
			else if (*p == ' ' || *p == '\n' || *p == '\t') {
				if (out->len > 0 && out->data[out->len - 1] != ' ')
					pv_buf_putc(out, ' ');
			} else
				pv_buf_putc(out, *p);
		}
		while (out->len > 0 && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		if (out->len >= NEEDLE_MIN) {
			if (out->len > NEEDLE_MAX) {
				size_t k = NEEDLE_MAX;

				while (k > NEEDLE_MIN && out->data[k] != ' ')
					k--;
				out->len = k;
				out->data[k] = '\0';
			}
			return 1;
		}
	}
	return 0;
}

struct finder {
	const char *needle;
	struct pv_buf folded;
	const cJSON *found;
	char *found_path;
	/* the nearest "table" member around the found one */
	const cJSON *table;
	char *table_path;
};

static int
notes_only(const char *key)
{
	return key[0] == '_';
}

/* Whether this string holds the needle, its spaces folded as the
 * XHTML's are; the first that does (in document order) is taken. */
static int
visit_string(void *ctx, const struct cmd_walk_at *at)
{
	struct finder *f = ctx;
	const char *c;
	int u;

	f->folded.len = 0;
	pv_buf_puts(&f->folded, "");
	for (c = at->node->valuestring; *c != '\0'; c++)
		if (*c == ' ' || *c == '\n' || *c == '\t') {
			if (f->folded.len > 0 &&
			    f->folded.data[f->folded.len - 1] != ' ')
				pv_buf_putc(&f->folded, ' ');
		} else
			pv_buf_putc(&f->folded, *c);
	if (strstr(f->folded.data, f->needle) == NULL)
		return 0;
	f->found = at->node;
	f->found_path = pv_xstrdup(at->path[0] != '\0' ? at->path :
	    "(the document)");
	for (u = at->depth - 1; u >= 0; u--)
		if (at->up[u]->string != NULL &&
		    strcmp(at->up[u]->string, "table") == 0) {
			f->table = at->up[u];
			f->table_path = pv_xstrndup(at->path, at->uplen[u]);
			break;
		}
	return 1;
}

int
cmd_blame_plan(struct pv_diags *d, size_t first, const char *label,
    const char *xhtml, size_t len, struct loaded_json *doc)
{
	struct pv_diag *g;
	struct pv_buf needle;
	struct finder f;
	const char *p;
	char *msg;
	size_t i;
	int line, col, left = 0;

	pv_buf_init(&needle);
	for (i = first; i < d->n; i++) {
		g = &d->v[i];
		if (g->file == NULL || strcmp(g->file, label) != 0 ||
		    g->level != PV_ERROR)
			continue;
		left++;
		if (g->line < 1 || doc == NULL || doc->root == NULL ||
		    (p = line_start(xhtml, len, g->line)) == NULL ||
		    !first_text(p, xhtml + len, &needle))
			continue;
		memset(&f, 0, sizeof(f));
		f.needle = needle.data;
		pv_buf_init(&f.folded);
		cmd_walk_strings(doc->root, notes_only, visit_string, &f);
		pv_buf_free(&f.folded);
		if (f.found == NULL)
			continue;
		/* a problem of the whole table is the table's */
		if (f.table != NULL && strstr(g->msg, "table") != NULL) {
			free(f.found_path);
			f.found = f.table;
			f.found_path = f.table_path;
			f.table_path = NULL;
		}
		load_locate(doc, f.found, f.found == f.table, &line, &col);
		msg = pv_xasprintf("%s: %s (line %d of the XHTML the templates "
		    "made)", f.found_path, g->msg, g->line);
		free(f.found_path);
		free(f.table_path);
		free(g->msg);
		g->msg = msg;
		free(g->file);
		g->file = pv_xstrdup(doc->file);
		g->line = line;
		g->col = col;
		left--;
	}
	pv_buf_free(&needle);
	return left;
}
