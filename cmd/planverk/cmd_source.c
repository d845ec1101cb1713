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

/* How deep the members around the found one are remembered. */
#define MAX_DEPTH 64

struct finder {
	const char *needle;
	struct pv_buf path;
	const cJSON *found;
	char *found_path;
	/* the members on the way down, and their paths' lengths */
	const cJSON *up[MAX_DEPTH];
	size_t uplen[MAX_DEPTH];
	int depth;
	/* the nearest "table" member around the found one */
	const cJSON *table;
	char *table_path;
};

/* The first string member (in document order) that holds the needle,
 * its spaces folded as the XHTML's are. */
static void
find_member(struct finder *f, const cJSON *node)
{
	const cJSON *k;
	size_t mark = f->path.len;
	int i = 0;

	if (f->found != NULL)
		return;
	if (cJSON_IsString(node) && node->valuestring != NULL) {
		struct pv_buf s;
		const char *c;

		pv_buf_init(&s);
		pv_buf_puts(&s, "");
		for (c = node->valuestring; *c != '\0'; c++)
			if (*c == ' ' || *c == '\n' || *c == '\t') {
				if (s.len > 0 && s.data[s.len - 1] != ' ')
					pv_buf_putc(&s, ' ');
			} else
				pv_buf_putc(&s, *c);
		if (strstr(s.data, f->needle) != NULL) {
			int u;

			f->found = node;
			f->found_path = pv_xstrdup(f->path.len > 0 ?
			    f->path.data : "(the document)");
			for (u = f->depth - 1; u >= 0; u--)
				if (f->up[u]->string != NULL &&
				    strcmp(f->up[u]->string, "table") == 0) {
					f->table = f->up[u];
					f->table_path = pv_xstrndup(f->path.data,
					    f->uplen[u]);
					break;
				}
		}
		pv_buf_free(&s);
		return;
	}
	if (!cJSON_IsObject(node) && !cJSON_IsArray(node))
		return;
	for (k = node->child; k != NULL && f->found == NULL; k = k->next,
	    i++) {
		if (cJSON_IsObject(node)) {
			if (k->string != NULL && k->string[0] == '_')
				continue;
			if (f->path.len > 0)
				pv_buf_putc(&f->path, '.');
			pv_buf_puts(&f->path, k->string);
		} else
			pv_buf_printf(&f->path, "[%d]", i);
		if (f->depth == MAX_DEPTH)
			continue;
		f->up[f->depth] = k;
		f->uplen[f->depth++] = f->path.len;
		find_member(f, k);
		f->depth--;
		f->path.len = mark;
		if (f->path.data != NULL)
			f->path.data[mark] = '\0';
	}
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
		pv_buf_init(&f.path);
		find_member(&f, doc->root);
		pv_buf_free(&f.path);
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
