/*
 * load.c - JSON text to cJSON, with errors a person can act on.
 *
 * cJSON stops at the first error and reports only a pointer into the
 * text; we turn that into line:col and say what stands there.  cJSON does
 * not check UTF-8 and recurses once per nesting level, so both are
 * checked here before it sees the text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "load.h"
#include "syntax.h"

void
loaded_json_free(struct loaded_json *j)
{
	if (j == NULL)
		return;
	cJSON_Delete(j->root);
	load_index_free(j->index);
	free(j->text);
	free(j->file);
	free(j);
}

static void
describe_syntax_error(struct pv_diags *d, const char *file, const char *text,
    size_t len, const struct json_syntax_error *e)
{
	int line, col, oline, ocol;
	char found[16];
	int letter = (e->found >= 'a' && e->found <= 'z') ||
	    (e->found >= 'A' && e->found <= 'Z');

	pv_offset_to_linecol(text, len, e->at, &line, &col);
	if (e->msg != NULL && e->opened_at != (size_t)-1) {
		pv_offset_to_linecol(text, len, e->opened_at, &oline, &ocol);
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: %s: the '%c' at %d:%d is never closed", e->msg,
		    e->opened, oline, ocol);
		return;
	}
	if (e->msg != NULL) {
		pv_diag(d, PV_ERROR, file, line, col, "JSON: %s", e->msg);
		return;
	}
	if ((unsigned char)e->found >= 0x20 && (unsigned char)e->found < 0x7F)
		snprintf(found, sizeof(found), "'%c'", e->found);
	else
		snprintf(found, sizeof(found), "byte 0x%02X",
		    (unsigned char)e->found);
	pv_diag(d, PV_ERROR, file, line, col, "JSON: expected %s, found %s%s",
	    e->expected, found,
	    e->found == '\'' ? " (strings must be in double quotes)" :
	    letter ? " (text must be in double quotes)" : "");
}

enum pv_status
load_json_text(const char *file, const char *text, size_t len,
    struct loaded_json **out, struct pv_diags *d)
{
	struct loaded_json *j;
	struct json_syntax_error syn;
	const char *end = NULL;
	size_t bad, skip = 0;
	int line, col;

	*out = NULL;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	if ((bad = pv_utf8_invalid_at(text, len)) != (size_t)-1) {
		pv_offset_to_linecol(text, len, bad, &line, &col);
		pv_diag(d, PV_ERROR, file, line, col,
		    "not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
		    (unsigned char)text[bad]);
		return PV_EINPUT;
	}
	if (memchr(text, '\0', len) != NULL) {
		bad = (size_t)((const char *)memchr(text, '\0', len) - text);
		pv_offset_to_linecol(text, len, bad, &line, &col);
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: a NUL byte in the text");
		return PV_EINPUT;
	}
	/* Our own checker first: it gives exact places, and it bounds the
	 * nesting before cJSON's recursive descent sees the text. */
	if (!json_syntax_check(text, len, &syn)) {
		describe_syntax_error(d, file, text, len, &syn);
		return PV_EINPUT;
	}
	j = pv_xcalloc(1, sizeof(*j));
	j->file = pv_xstrdup(file);
	j->text = pv_xstrndup(text, len);
	j->len = len;
	j->root = cJSON_ParseWithLengthOpts(j->text + skip, len - skip, &end, 0);
	if (j->root == NULL) {
		/* Valid by our checker, refused by cJSON: its own limits. */
		pv_diag(d, PV_ERROR, file, 0, 0,
		    "JSON: the parser could not read the document (too large?)");
		loaded_json_free(j);
		return PV_EINTERNAL;
	}
	*out = j;
	return PV_OK;
}

enum pv_status
load_json_file(const char *path, struct loaded_json **out,
    struct pv_diags *d)
{
	enum pv_status st;
	char *text;
	size_t len;

	*out = NULL;
	if ((st = pv_read_file(path, &text, &len, d)) != PV_OK)
		return st;
	st = load_json_text(path, text, len, out, d);
	free(text);
	return st;
}
