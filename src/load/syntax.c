/*
 * syntax.c - find and describe the first JSON syntax error exactly.
 *
 * cJSON says only that parsing failed and roughly where, sometimes one
 * character past the culprit.  This checker reads the text first (RFC
 * 8259, iteratively with a bounded stack) and names the first error and
 * its place precisely, and for an unclosed bracket, where it was opened.
 * It also refuses what cJSON would read wrongly or not at all (an escaped
 * NUL, half of a surrogate pair) and the load limits (nesting, string
 * length), so that cJSON only ever sees text it reads whole.  Every
 * access is bounded by n: the text need not be NUL-terminated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "load.h"
#include "syntax.h"

#define STR_(x) #x
#define STR(x) STR_(x)

struct open_bracket {
	char kind;     /* '{' or '[' */
	size_t at;
};

static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	return i;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The value of the four hexadecimal digits at s[i], all present. */
static unsigned
hex4(const char *s, size_t i)
{
	unsigned v = 0;
	size_t k;

	for (k = 0; k < 4; k++) {
		char c = s[i + k];

		v = v * 16 + (unsigned)(is_digit(c) ? c - '0' : c >= 'a' ?
		    c - 'a' + 10 : c - 'A' + 10);
	}
	return v;
}

/* Is there a \uXXXX escape at s[i]? */
static int
is_u_escape(const char *s, size_t n, size_t i)
{
	size_t k;

	if (i > n || n - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
		return 0;
	for (k = 2; k < 6; k++)
		if (!is_hex(s[i + k]))
			return 0;
	return 1;
}

/*
 * Check a \u escape at s[i] (the backslash); returns the offset of its
 * last byte, or 0 with e set.  cJSON turns \u0000 into a NUL that ends
 * the string, and refuses a surrogate that is not one half of a pair:
 * both are the user's to fix, so they are named here with their place.
 */
static size_t
check_u_escape(const char *s, size_t n, size_t i, struct json_syntax_error *e)
{
	unsigned u;

	if (!is_u_escape(s, n, i)) {
		e->at = i;
		e->msg = "\\u must be followed by four hexadecimal digits";
		return 0;
	}
	u = hex4(s, i + 2);
	if (u == 0) {
		e->at = i;
		e->msg = "\"\\u0000\" (a NUL character) is not allowed in text";
		return 0;
	}
	/* Control characters (but tab, line feed and carriage return) and
	 * the non-characters U+FFFE and U+FFFF cannot be printed, and XML,
	 * which the text passes through, does not allow them. */
	if ((u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) ||
	    u == 0xFFFE || u == 0xFFFF) {
		e->at = i;
		snprintf(e->buf, sizeof(e->buf), "\"\\u%.4s\" (%s) is not "
		    "allowed in text", s + i + 2, u < 0x20 ?
		    "a control character" : "not a character");
		e->msg = e->buf;
		return 0;
	}
	if (u >= 0xD800 && u <= 0xDBFF && is_u_escape(s, n, i + 6) &&
	    hex4(s, i + 8) >= 0xDC00 && hex4(s, i + 8) <= 0xDFFF)
		return i + 11; /* a pair: one character beyond U+FFFF */
	if (u >= 0xD800 && u <= 0xDFFF) {
		e->at = i;
		snprintf(e->buf, sizeof(e->buf), "\"\\u%.4s\" is half of a "
		    "character (a UTF-16 surrogate) without its %s half; write "
		    "the character itself", s + i + 2, u >= 0xDC00 ? "first" :
		    "second");
		e->msg = e->buf;
		return 0;
	}
	return i + 5;
}

/* Check a string at s[i] == '"'; returns the offset after it or sets err. */
static size_t
check_string(const char *s, size_t n, size_t i, struct json_syntax_error *e)
{
	size_t start = i++;

	while (i < n && s[i] != '"') {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20) {
			e->at = i;
			e->msg = c == '\n' ? "a line break inside a string (write "
			    "\\n, or close the string with '\"')"
			    : c == '\t' ? "a tab inside a string (write \\t, or "
			    "a space)" : "a control character inside a string";
			return 0;
		}
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] == 0xBE ||
		    (unsigned char)s[i + 2] == 0xBF)) {
			e->at = i;
			e->msg = (unsigned char)s[i + 2] == 0xBE ? "U+FFFE (not "
			    "a character) is not allowed in text" : "U+FFFF "
			    "(not a character) is not allowed in text";
			return 0;
		}
		if (c == '\\') {
			/* A backslash as the last byte escapes nothing:
			 * the string is never closed. */
			if (i + 1 >= n) {
				i = n;
				break;
			}
			if (s[i + 1] == 'u') {
				if ((i = check_u_escape(s, n, i, e)) == 0)
					return 0;
			} else if (s[i + 1] == 'b' || s[i + 1] == 'f') {
				e->at = i;
				e->msg = s[i + 1] == 'b' ? "\"\\b\" (a control "
				    "character, backspace) is not allowed in "
				    "text" : "\"\\f\" (a control character, "
				    "form feed) is not allowed in text";
				return 0;
			} else if (s[i + 1] == '\0' ||
			    strchr("\"\\/nrt", s[i + 1]) == NULL) {
				e->at = i;
				e->msg = "an unknown escape in a string (a "
				    "backslash must be written \\\\)";
				return 0;
			} else {
				i++;
			}
		}
		i++;
	}
	if (i >= n) {
		e->at = start;
		e->msg = "a string that is never closed";
		return 0;
	}
	if (i - start - 1 > LOAD_MAX_STRING) {
		e->at = start;
		e->msg = "a text longer than " STR(LOAD_MAX_STRING_MIB) " MiB, "
		    "the most one string may hold";
		return 0;
	}
	return i + 1;
}

static size_t
check_number(const char *s, size_t n, size_t i, struct json_syntax_error *e)
{
	size_t start = i;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0') {
		i++;
	} else if (i < n && is_digit(s[i])) {
		while (i < n && is_digit(s[i]))
			i++;
	} else {
		goto bad;
	}
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n || !is_digit(s[i]))
			goto bad;
		while (i < n && is_digit(s[i]))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || !is_digit(s[i]))
			goto bad;
		while (i < n && is_digit(s[i]))
			i++;
	}
	if (i < n && (is_digit(s[i]) || s[i] == '.')) {
		goto bad;
	}
	return i;
bad:
	e->at = start;
	e->msg = "not a valid number (JSON numbers have no leading zeros, "
	    "no leading '+', and digits on both sides of '.')";
	return 0;
}

static void
unexpected(const char *s, size_t n, size_t i, const char *expected,
    struct json_syntax_error *e)
{
	e->at = i;
	e->msg = NULL;
	e->expected = expected;
	e->found = i < n ? s[i] : '\0';
}

/* Is the literal word w (true, false, null) at s[i]?  Bounded by n: the
 * text need not be NUL-terminated. */
static int
is_word(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);

	return i <= n && n - i >= k && memcmp(s + i, w, k) == 0;
}

/* Returns 1 when the text is valid JSON, else 0 with e filled in. */
int
json_syntax_check(const char *s, size_t n, struct json_syntax_error *e)
{
	struct open_bracket *stack = NULL;
	size_t sp = 0, cap = 0, i;
	int ok = 0;
	enum { VALUE, AFTER_VALUE, KEY_OR_END, KEY, COLON, VALUE_OR_END } st;

	memset(e, 0, sizeof(*e));
	e->opened_at = (size_t)-1;
	i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	st = VALUE;
	for (;;) {
		i = skip_ws(s, n, i);
		if (i >= n) {
			if (st == AFTER_VALUE && sp == 0) {
				ok = 1;
				break;
			}
			e->at = n;
			e->msg = "unexpected end of file";
			if (sp > 0) {
				e->opened_at = stack[sp - 1].at;
				e->opened = stack[sp - 1].kind;
			}
			break;
		}
		switch (st) {
		case VALUE:
		case VALUE_OR_END:
			if (st == VALUE_OR_END && s[i] == ']') {
				sp--;
				i++;
				st = AFTER_VALUE;
				break;
			}
			if (s[i] == '{' || s[i] == '[') {
				if (sp >= LOAD_MAX_DEPTH) {
					e->at = i;
					e->msg = "nested too deeply (at most "
					    STR(LOAD_MAX_DEPTH) " levels of '[' and "
					    "'{')";
					goto out;
				}
				PV_GROW(stack, cap, sp + 1);
				stack[sp].kind = s[i];
				stack[sp].at = i;
				sp++;
				st = s[i] == '{' ? KEY_OR_END : VALUE_OR_END;
				i++;
			} else if (s[i] == '"') {
				if ((i = check_string(s, n, i, e)) == 0)
					goto out;
				st = AFTER_VALUE;
			} else if (s[i] == '-' || is_digit(s[i])) {
				if ((i = check_number(s, n, i, e)) == 0)
					goto out;
				st = AFTER_VALUE;
			} else if (is_word(s, n, i, "true") ||
			    is_word(s, n, i, "null")) {
				i += 4;
				st = AFTER_VALUE;
			} else if (is_word(s, n, i, "false")) {
				i += 5;
				st = AFTER_VALUE;
			} else {
				unexpected(s, n, i, "a value", e);
				goto out;
			}
			break;
		case AFTER_VALUE:
			if (sp == 0) {
				e->at = i;
				e->msg = "text after the end of the document";
				goto out;
			}
			if (s[i] == ',') {
				st = stack[sp - 1].kind == '{' ? KEY : VALUE;
				if (stack[sp - 1].kind == '[') {
					size_t j = skip_ws(s, n, i + 1);

					if (j < n && s[j] == ']') {
						e->at = i;
						e->msg = "a comma before ']' (no "
						    "trailing commas in JSON)";
						goto out;
					}
				}
				i++;
			} else if (s[i] == (stack[sp - 1].kind == '{' ? '}' :
			    ']')) {
				sp--;
				i++;
			} else {
				unexpected(s, n, i, stack[sp - 1].kind == '{' ?
				    "',' or '}'" : "',' or ']'", e);
				goto out;
			}
			break;
		case KEY_OR_END:
		case KEY:
			if (st == KEY_OR_END && s[i] == '}') {
				sp--;
				i++;
				st = AFTER_VALUE;
				break;
			}
			if (st == KEY && s[i] == '}') {
				/* point at the comma: that is what to delete */
				size_t j = i;

				while (j > 0 && s[j] != ',')
					j--;
				e->at = j;
				e->msg = "a comma before '}' (no trailing commas "
				    "in JSON)";
				goto out;
			}
			if (s[i] != '"') {
				unexpected(s, n, i, "a member name in double "
				    "quotes", e);
				goto out;
			}
			if ((i = check_string(s, n, i, e)) == 0)
				goto out;
			st = COLON;
			break;
		case COLON:
			if (s[i] != ':') {
				unexpected(s, n, i, "':' after the member name",
				    e);
				goto out;
			}
			i++;
			st = VALUE;
			break;
		}
	}
out:
	free(stack);
	return ok;
}
