/*
 * cmd_walk.c - every string of a plan, in document order, with its JSON
 * path: what the glyph check (cmd_glyphs.c) and the search for the member
 * that holds a text (cmd_source.c) both walk.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/util/buf.h"
#include "cmd.h"

struct walker {
	int (*skip)(const char *key);
	int (*visit)(void *ctx, const struct cmd_walk_at *);
	void *ctx;
	struct pv_buf path;
	struct cmd_walk_at at;
};

static int
walk(struct walker *w, const cJSON *node)
{
	const cJSON *k;
	size_t mark = w->path.len;
	int i = 0, stop = 0;

	if (cJSON_IsString(node) && node->valuestring != NULL) {
		w->at.node = node;
		w->at.path = w->path.len > 0 ? w->path.data : "";
		return w->visit(w->ctx, &w->at);
	}
	if (!cJSON_IsObject(node) && !cJSON_IsArray(node))
		return 0;
	for (k = node->child; k != NULL && !stop; k = k->next, i++) {
		if (cJSON_IsObject(node)) {
			if (k->string == NULL || (w->skip != NULL &&
			    w->skip(k->string)))
				continue;
			if (w->path.len > 0)
				pv_buf_putc(&w->path, '.');
			pv_buf_puts(&w->path, k->string);
		} else
			pv_buf_printf(&w->path, "[%d]", i);
		if (w->at.depth < CMD_WALK_DEPTH) {
			w->at.up[w->at.depth] = k;
			w->at.uplen[w->at.depth++] = w->path.len;
			stop = walk(w, k);
			w->at.depth--;
		}
		w->path.len = mark;
		if (w->path.data != NULL)
			w->path.data[mark] = '\0';
	}
	return stop;
}

void
cmd_walk_strings(const cJSON *root, int (*skip)(const char *key),
    int (*visit)(void *ctx, const struct cmd_walk_at *), void *ctx)
{
	struct walker w;

	memset(&w, 0, sizeof(w));
	w.skip = skip;
	w.visit = visit;
	w.ctx = ctx;
	pv_buf_init(&w.path);
	pv_buf_puts(&w.path, "");
	walk(&w, root);
	pv_buf_free(&w.path);
}
