/*
 * json_print.c - a cJSON tree as the JSON a person edits: two-space
 * indents, "key": value, short arrays of plain values on one line, and a
 * final newline.  cJSON_Print indents with tabs and puts a tab after the
 * colon, which is not how the plans in git are written; starters and the
 * --dump-view file should look like them.  Strings and numbers are
 * spelled by cJSON, so escaping stays cJSON's.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "load.h"

#define INLINE_MAX 72	/* an array of plain values up to this on a line */

static void put_value(struct pv_buf *, const cJSON *, int depth);

static void
put_scalar(struct pv_buf *b, const cJSON *x)
{
	char *s = cJSON_PrintUnformatted(x);

	if (s == NULL)
		pv_out_of_memory();
	pv_buf_puts(b, s);
	cJSON_free(s);
}

static void
put_key(struct pv_buf *b, const char *key)
{
	cJSON *k = cJSON_CreateString(key);

	if (k == NULL)
		pv_out_of_memory();
	put_scalar(b, k);
	cJSON_Delete(k);
	pv_buf_puts(b, ": ");
}

static void
indent(struct pv_buf *b, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		pv_buf_puts(b, "  ");
}

/* An array of numbers, strings, booleans and nulls that fits a line. */
static int
short_plain_array(const cJSON *x)
{
	const cJSON *k;
	size_t len = 2;

	cJSON_ArrayForEach(k, x) {
		char *s;

		if (cJSON_IsArray(k) || cJSON_IsObject(k))
			return 0;
		if ((s = cJSON_PrintUnformatted(k)) == NULL)
			pv_out_of_memory();
		len += strlen(s) + 2;
		cJSON_free(s);
		if (len > INLINE_MAX)
			return 0;
	}
	return 1;
}

static void
put_value(struct pv_buf *b, const cJSON *x, int depth)
{
	const cJSON *k;
	int obj = cJSON_IsObject(x);

	if (!obj && !cJSON_IsArray(x)) {
		put_scalar(b, x);
		return;
	}
	if (x->child == NULL) {
		pv_buf_puts(b, obj ? "{}" : "[]");
		return;
	}
	if (!obj && short_plain_array(x)) {
		pv_buf_putc(b, '[');
		cJSON_ArrayForEach(k, x) {
			put_scalar(b, k);
			if (k->next != NULL)
				pv_buf_puts(b, ", ");
		}
		pv_buf_putc(b, ']');
		return;
	}
	pv_buf_puts(b, obj ? "{\n" : "[\n");
	cJSON_ArrayForEach(k, x) {
		indent(b, depth + 1);
		if (obj)
			put_key(b, k->string != NULL ? k->string : "");
		put_value(b, k, depth + 1);
		pv_buf_puts(b, k->next != NULL ? ",\n" : "\n");
	}
	indent(b, depth);
	pv_buf_putc(b, obj ? '}' : ']');
}

char *
load_json_print(const cJSON *root, size_t *len)
{
	struct pv_buf b;

	pv_buf_init(&b);
	put_value(&b, root, 0);
	pv_buf_putc(&b, '\n');
	*len = b.len;
	return pv_buf_take(&b);
}
