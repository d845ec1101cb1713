/*
 * mustache_int.h - the compiled form of a template, shared by the
 * compiler (mustache_parse.c) and the renderer (mustache_render.c).
 *
 * A template is one flat array of nodes in document order.  A node that
 * has children (section, inverted section, parent, block) is followed by
 * its whole subtree, and `end` is the index just past that subtree, so
 * the children of node i are i + 1, then nodes[i + 1].end, and so on up
 * to nodes[i].end.  No pointers inside, no recursion needed to free it.
 *
 * All strings (text, names, indentation) live in one buffer, `text`,
 * and nodes refer to them by offset.  Whitespace rules (standalone lines,
 * block indentation) are resolved at compile time; what is left for the
 * renderer is the indentation that depends on where a partial, parent or
 * block is expanded, marked by MN_BOL.
 */
#ifndef PV_MUSTACHE_INT_H
#define PV_MUSTACHE_INT_H

#include <stddef.h>

enum mnode_type {
	MN_TEXT,	/* literal text: str/len */
	MN_ESCAPED,	/* {{name}} */
	MN_RAW,		/* {{{name}}} and {{&name}} */
	MN_SECTION,	/* {{#name}} ... {{/name}} */
	MN_INVERTED,	/* {{^name}} ... {{/name}} */
	MN_PARTIAL,	/* {{>name}} */
	MN_PARENT,	/* {{<name}}...{{/name}}: children: MN_BLOCK */
	MN_BLOCK,	/* {{$name}} ... {{/name}}: children are the content */
};

/* Node flags. */
#define MN_BOL		0x01	/* starts a line: indent it */
#define MN_DYNAMIC	0x02	/* {{>*name}}: the name is looked up */
#define MN_STANDALONE	0x04	/* partial or parent alone on its line:
				 * its indentation applies to every line */
#define MN_ARG		0x08	/* block: an argument of a parent */
#define MN_PAIR		0x10	/* parameter block, tags standalone
				 * as a pair: reindent what fills it */
#define MN_OPENLINE	0x20	/* parameter block whose opening tag took
				 * its whole line: filler starts a line */

struct mnode {
	unsigned char type;	/* enum mnode_type */
	unsigned char flags;
	int line, col;		/* of the tag, for diagnostics */
	size_t end;		/* index past the subtree */
	size_t str, len;	/* text, or the name */
	size_t ind, indlen;	/* indentation (partial, block) */
};

struct mustache_template {
	char *file;
	char *text;		/* every string the nodes refer to */
	size_t textlen;
	struct mnode *nodes;
	size_t nnodes;
};

#endif
