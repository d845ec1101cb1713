/*
 * load.c - JSON text to cJSON, with errors a person can act on.
 *
 * cJSON stops at the first error and reports only a pointer into the
 * text; we turn that into line:col and say what stands there.  cJSON does
 * not check UTF-8 and recurses once per nesting level, so both are
 * checked here before it sees the text.
 */
#include <stdio.h>
#include <stdint.h>
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

/* The quotes Word and LibreOffice put in place of '"'. */
static int
typographic_quote(uint32_t cp)
{
	return cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
	    cp == 0x00AB || cp == 0x00BB || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x201A || cp == 0x2039 || cp == 0x203A;
}

/*
 * A value where ',' or a closing bracket was due, on a later line than
 * the one before it: the comma is missing at the end of that line, and
 * that is where the user must type it.  Returns 1 when said so.
 */
static int
missing_comma(struct pv_diags *d, const char *file, const char *text,
    size_t len, const struct json_syntax_error *e)
{
	size_t i = e->at;
	int line, col, vline, vcol, newline = 0;

	if (e->expected == NULL || e->expected[0] != '\'' ||
	    e->expected[1] != ',' || i >= len)
		return 0;
	if (strchr("\"{[-0123456789tfn", e->found) == NULL)
		return 0;
	while (i > 0 && strchr(" \t\r\n", text[i - 1]) != NULL) {
		if (text[i - 1] == '\n')
			newline = 1;
		i--;
	}
	if (!newline || i == 0)
		return 0;
	pv_offset_to_linecol(text, len, i, &line, &col);
	pv_offset_to_linecol(text, len, e->at, &vline, &vcol);
	pv_diag(d, PV_ERROR, file, line, col, "JSON: a ',' is missing at the "
	    "end of this line (before what starts at %d:%d)", vline, vcol);
	return 1;
}

static void
describe_syntax_error(struct pv_diags *d, const char *file, const char *text,
    size_t len, const struct json_syntax_error *e)
{
	int line, col, oline, ocol;
	char found[16];
	uint32_t cp;
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
	if (missing_comma(d, file, text, len, e))
		return;
	if ((unsigned char)e->found >= 0x80 && pv_utf8_decode(text + e->at,
	    len - e->at, &cp) > 0) {
		size_t k = pv_utf8_decode(text + e->at, len - e->at, &cp);

		snprintf(found, sizeof(found), "%.*s", (int)k, text + e->at);
		pv_diag(d, PV_ERROR, file, line, col, "JSON: expected %s, "
		    "found %s (U+%04X)%s", e->expected, found, (unsigned)cp,
		    typographic_quote(cp) ? ", a typographic quote as a word "
		    "processor writes it: use a straight \"" : "");
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
