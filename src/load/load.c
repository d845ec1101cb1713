/*
 * load.c - JSON text to cJSON, with errors a person can act on.
 *
 * cJSON stops at the first error and reports only a pointer into the
 * text; we turn that into line:col and say what stands there.  cJSON does
 * not check UTF-8 and recurses once per nesting level, so both are
 * checked here before it sees the text.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "load.h"

void
loaded_json_free(struct loaded_json *j)
{
	if (j == NULL)
		return;
	cJSON_Delete(j->root);
	free(j->text);
	free(j->file);
	free(j);
}

/* Deepest nesting of [ and { outside strings, stopping at `limit`. */
static size_t
nesting_exceeds(const char *s, size_t n, int limit)
{
	int depth = 0, in_str = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > limit)
				return i;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return (size_t)-1;
}

static void
describe_syntax_error(struct pv_diags *d, const char *file, const char *text,
    size_t len, size_t at)
{
	int line, col;
	char c;

	pv_offset_to_linecol(text, len, at, &line, &col);
	/* cJSON points just past the token that failed at the end of input. */
	while (at < len && (text[at] == ' ' || text[at] == '\t' ||
	    text[at] == '\r' || text[at] == '\n'))
		at++;
	if (at >= len) {
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: unexpected end of file (an unclosed '{', '[' or "
		    "string?)");
		return;
	}
	c = text[at];
	if (c == '}' || c == ']')
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: unexpected '%c' (a trailing comma, or a missing "
		    "value?)", c);
	else if (c == '\'')
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: strings must be in double quotes, not '");
	else if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: unexpected '%c' (a missing comma, colon or quote?)",
		    c);
	else
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: unexpected character (byte 0x%02X)",
		    (unsigned char)c);
}

enum pv_status
load_json_text(const char *file, const char *text, size_t len,
    struct loaded_json **out, struct pv_diags *d)
{
	struct loaded_json *j;
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
	if ((bad = nesting_exceeds(text, len, LOAD_MAX_DEPTH)) != (size_t)-1) {
		pv_offset_to_linecol(text, len, bad, &line, &col);
		pv_diag(d, PV_ERROR, file, line, col,
		    "JSON: nested more than %d levels deep", LOAD_MAX_DEPTH);
		return PV_EINPUT;
	}
	j = pv_xcalloc(1, sizeof(*j));
	j->file = pv_xstrdup(file);
	j->text = pv_xstrndup(text, len);
	j->len = len;
	j->root = cJSON_ParseWithLengthOpts(j->text + skip, len - skip, &end, 0);
	if (j->root == NULL) {
		size_t at = end ? (size_t)(end - j->text) : len;

		describe_syntax_error(d, file, j->text, len, at);
		loaded_json_free(j);
		return PV_EINPUT;
	}
	/* Anything but white space after the value is an error too. */
	if (end != NULL) {
		size_t at = (size_t)(end - j->text);

		while (at < len && strchr(" \t\r\n", j->text[at]) != NULL)
			at++;
		if (at < len) {
			pv_offset_to_linecol(j->text, len, at, &line, &col);
			pv_diag(d, PV_ERROR, file, line, col,
			    "JSON: text after the end of the document");
			loaded_json_free(j);
			return PV_EINPUT;
		}
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
