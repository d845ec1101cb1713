/*
 * syntax.h - exact description of a JSON syntax error (internal to load).
 */
#ifndef PV_LOAD_SYNTAX_H
#define PV_LOAD_SYNTAX_H

#include <stddef.h>

struct json_syntax_error {
	size_t at;            /* byte offset of the error */
	const char *msg;      /* a complete description, or NULL: */
	const char *expected; /* "expected X, found 'c'" */
	char found;
	size_t opened_at;     /* for end of file: the unclosed bracket */
	char opened;
	char buf[200];        /* room for a msg that quotes the text */
};

int json_syntax_check(const char *, size_t, struct json_syntax_error *);

#endif
