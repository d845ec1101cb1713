/*
 * cmd_diag.c - how diagnostics reach the user: the plain
 * "FILE:LINE:COL: error: MESSAGE" lines (the default), one JSON object
 * per line for tools (--diagnostics json), or GitHub Actions workflow
 * commands (--diagnostics github, and the default when GITHUB_ACTIONS is
 * "true") so that a failed build marks the line in the pull request.
 *
 * The stages put the JSON path at the head of a message ("meta.title:
 * ..."); for JSON it is split off into "path", and a "(did you mean
 * ...?" becomes the "hint".
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/buf.h"
#include "../../src/util/mem.h"
#include "cmd.h"

enum cmd_diag_format cmd_diag_format = CMD_DIAG_TEXT;

int
cmd_set_diag_format(const char *name)
{
	if (strcmp(name, "text") == 0)
		cmd_diag_format = CMD_DIAG_TEXT;
	else if (strcmp(name, "json") == 0)
		cmd_diag_format = CMD_DIAG_JSON;
	else if (strcmp(name, "github") == 0)
		cmd_diag_format = CMD_DIAG_GITHUB;
	else
		return -1;
	return 0;
}

/* The length of a JSON path at the head of msg followed by ": ", or 0. */
static size_t
path_length(const char *msg)
{
	static regex_t re;
	static int made;
	regmatch_t m;

	if (!made) {
		/* a member name, then .name, [N] steps */
		if (regcomp(&re, "^[A-Za-z_$][A-Za-z0-9_$-]*((\\.[A-Za-z_$]"
		    "[A-Za-z0-9_$-]*)|(\\[[0-9]+\\]))*: ", REG_EXTENDED) != 0)
			return 0;
		made = 1;
	}
	if (regexec(&re, msg, 1, &m, 0) != 0)
		return 0;
	/* "JSON: expected..." is a kind of problem, not a member */
	if (strncmp(msg, "JSON: ", 6) == 0 || strncmp(msg, "PDF: ", 5) == 0)
		return 0;
	return (size_t)m.rm_eo - 2;
}

static void
put_json_string(struct pv_buf *b, const char *s, size_t n)
{
	size_t i;

	pv_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			pv_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			pv_buf_puts(b, "\\n");
		else if (c == '\t')
			pv_buf_puts(b, "\\t");
		else if (c < 0x20)
			pv_buf_printf(b, "\\u%04x", c);
		else
			pv_buf_putc(b, c);
	}
	pv_buf_putc(b, '"');
}

static void
print_json(const struct pv_diag *g)
{
	struct pv_buf b;
	size_t plen = path_length(g->msg);
	const char *msg = g->msg + (plen ? plen + 2 : 0);
	const char *hint = strstr(msg, "did you mean ");
	int line, col;

	pv_diag_place(g, &line, &col);
	pv_buf_init(&b);
	pv_buf_puts(&b, "{\"file\": ");
	if (g->file != NULL)
		put_json_string(&b, g->file, strlen(g->file));
	else
		pv_buf_puts(&b, "null");
	pv_buf_printf(&b, ", \"line\": %d, \"column\": %d, \"end\": null, "
	    "\"severity\": \"%s\", \"path\": ", line, col,
	    g->level == PV_ERROR ? "error" : "warning");
	if (plen > 0)
		put_json_string(&b, g->msg, plen);
	else
		pv_buf_puts(&b, "null");
	pv_buf_puts(&b, ", \"message\": ");
	put_json_string(&b, msg, strlen(msg));
	pv_buf_puts(&b, ", \"hint\": ");
	if (hint != NULL) {
		const char *end = strchr(hint, '?');

		put_json_string(&b, hint, end ? (size_t)(end - hint) + 1 :
		    strlen(hint));
	} else {
		pv_buf_puts(&b, "null");
	}
	pv_buf_puts(&b, "}\n");
	fwrite(b.data, 1, b.len, stderr);
	pv_buf_free(&b);
}

/* A workflow command's data: %, CR and LF escaped; in a property also
 * ':' and ','. */
static void
put_github(struct pv_buf *b, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			pv_buf_puts(b, "%25");
		else if (*s == '\r')
			pv_buf_puts(b, "%0D");
		else if (*s == '\n')
			pv_buf_puts(b, "%0A");
		else if (property && *s == ':')
			pv_buf_puts(b, "%3A");
		else if (property && *s == ',')
			pv_buf_puts(b, "%2C");
		else
			pv_buf_putc(b, *s);
	}
}

static void
print_github(const struct pv_diag *g)
{
	struct pv_buf b;
	int line, col;

	pv_diag_place(g, &line, &col);
	pv_buf_init(&b);
	pv_buf_printf(&b, "::%s", g->level == PV_ERROR ? "error" : "warning");
	if (g->file != NULL) {
		pv_buf_puts(&b, " file=");
		put_github(&b, g->file, 1);
		pv_buf_printf(&b, ",line=%d", line);
		if (col > 0)
			pv_buf_printf(&b, ",col=%d", col);
	}
	pv_buf_puts(&b, "::");
	put_github(&b, g->msg, 0);
	pv_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	pv_buf_free(&b);
}

void
cmd_print_diag(const struct pv_diag *g)
{
	char *s;

	if (cmd_diag_format == CMD_DIAG_JSON) {
		print_json(g);
		return;
	}
	if (cmd_diag_format == CMD_DIAG_GITHUB) {
		print_github(g);
		return;
	}
	s = pv_diag_format(g);
	fprintf(stderr, "%s\n", s);
	free(s);
}
