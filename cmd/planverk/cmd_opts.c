/*
 * cmd_opts.c - the one option parser of the command line (cmd_opts.h).
 *
 * Values are taken as getopt takes them: the next argument is the value
 * whatever it looks like, so that "-o -" is standard output.  An empty
 * value is refused like a missing one: no option means anything by "".
 */
#include <string.h>

#include "cmd.h"
#include "cmd_opts.h"

/* More options than any command has: the "given twice" bookkeeping. */
#define MAX_OPTS 32

static int
diagnostics_check(const char *sub, const char *value)
{
	if (cmd_set_diag_format(value) != 0)
		return cmd_usage_error(sub, "--diagnostics takes text, json "
		    "or github, not '%s'", value);
	return 0;
}

/* What every command accepts besides its table (--help is handled
 * before the table is looked at). */
static const struct cmd_opt common[] = {
	{ "diagnostics", 0, 1, NULL, NULL, diagnostics_check },
	{ NULL, 0, 0, NULL, NULL, NULL }
};

/* The option as a user writes it, for messages. */
static void
opt_name(const struct cmd_opt *o, char *buf, size_t size)
{
	if (o->name != NULL)
		snprintf(buf, size, "--%s", o->name);
	else
		snprintf(buf, size, "-%c", o->letter);
}

/* The table entry for "--name" (name of len bytes) or "-c", or NULL. */
static const struct cmd_opt *
find(const struct cmd_opt *t, const char *name, size_t len, char letter)
{
	for (; t->name != NULL || t->letter != 0; t++) {
		if (letter != 0 ? t->letter == letter : (t->name != NULL &&
		    strlen(t->name) == len && memcmp(t->name, name, len) == 0))
			return t;
	}
	return NULL;
}

/* The index of an option among the command's and the common ones. */
static size_t
opt_index(const struct cmd_opts *spec, const struct cmd_opt *o)
{
	size_t n = 0;

	while (spec->opts[n].name != NULL || spec->opts[n].letter != 0)
		n++;
	if (o >= spec->opts && o < spec->opts + n)
		return (size_t)(o - spec->opts);
	return n + (size_t)(o - common);
}

int
cmd_opts_parse(const struct cmd_opts *spec, int argc, char **argv,
    int *nargs)
{
	unsigned char seen[MAX_OPTS];
	const struct cmd_opt *o;
	const char *a, *value, *eq;
	char shown[64];
	int i, n = 0, rc;
	size_t k;

	memset(seen, 0, sizeof(seen));
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			argv[1 + n++] = argv[i];
			if (spec->stop_at_argument) {
				while (++i < argc)
					argv[1 + n++] = argv[i];
			}
			continue;
		}
		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				argv[1 + n++] = argv[i];
			break;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			spec->usage(stdout);
			return 0;
		}
		eq = NULL;
		if (a[1] == '-') {
			size_t len;

			eq = strchr(a + 2, '=');
			len = eq != NULL ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			if ((o = find(spec->opts, a + 2, len, 0)) == NULL)
				o = find(common, a + 2, len, 0);
			if (o == NULL)
				return cmd_usage_error(spec->sub, "unknown option "
				    "%.*s", (int)(len + 2), a);
		} else {
			o = a[2] == '\0' ? find(spec->opts, NULL, 0, a[1]) :
			    NULL;
			if (o == NULL)
				return cmd_usage_error(spec->sub, "unknown "
				    "option %s", a);
		}
		opt_name(o, shown, sizeof(shown));
		if (!o->takes_value) {
			if (eq != NULL)
				return cmd_usage_error(spec->sub, "option %s "
				    "takes no value", shown);
			/* Saying it twice says the same thing. */
			if (o->flag != NULL)
				*o->flag = 1;
			if (o->check != NULL && (rc = o->check(spec->sub,
			    NULL)) != 0)
				return rc;
			continue;
		}
		if (eq != NULL)
			value = eq + 1;
		else if (i + 1 < argc)
			value = argv[++i];
		else
			value = NULL;
		if (value == NULL || *value == '\0')
			return cmd_usage_error(spec->sub, "option %s needs a "
			    "value", shown);
		/* A second value would silently win over the first. */
		k = opt_index(spec, o);
		if (k < MAX_OPTS) {
			if (seen[k])
				return cmd_usage_error(spec->sub, "option %s "
				    "given twice", shown);
			seen[k] = 1;
		}
		if (o->value != NULL)
			*o->value = value;
		if (o->check != NULL && (rc = o->check(spec->sub, value)) != 0)
			return rc;
	}
	argv[1 + n] = NULL;
	*nargs = n;
	return CMD_OPTS_GO_ON;
}
