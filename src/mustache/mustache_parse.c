/*
 * mustache_parse.c - compiling Mustache text into the node tree of
 * mustache_int.h.
 *
 * Four passes, each linear in the text and none recursive:
 *
 *  1. lex:     cut the text into tokens, text split after every line end,
 *              and tags, honouring delimiter changes as they come;
 *  2. match:   pair every opening tag with its closing tag;
 *  3. clear:   decide which tags stand alone on their line, and so which
 *              whitespace tokens disappear;
 *  4. emit:    write the nodes, dropping that whitespace and the intrinsic
 *              indentation of blocks.
 *
 * The first error stops compilation; it names file:line:col of the tag.
 *
 * Standalone tags follow the spec: a non-interpolation tag alone on its
 * line (but for whitespace) takes the whole line with it.  Inside a parent
 * ({{<p}} ... {{/p}}) everything but the argument blocks is ignored, so a
 * tag's side that faces ignored text does not count against it: the
 * parent's opening tag looks only left, its closing tag only right, an
 * argument block's opening tag only right and its closing tag only left.
 * A parent is standalone when its two tags are; a parameter block (a
 * block outside a parent) whose two tags stand at the start and the end
 * of their lines reindents whatever fills it (see specs/whitespace.md of
 * the Mustache spec).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "mustache.h"
#include "mustache_int.h"

enum ttype {
	T_TEXT,
	T_ESCAPED,
	T_RAW,
	T_SECTION,
	T_INVERTED,
	T_CLOSE,
	T_COMMENT,
	T_DELIM,
	T_PARTIAL,
	T_PARENT,
	T_BLOCK,
};

/* Token flags. */
#define TF_WS		0x001	/* text: blanks, maybe a line end */
#define TF_NL		0x002	/* text: ends a line */
#define TF_STRIP	0x004	/* text: dropped (standalone) */
#define TF_DYNAMIC	0x008	/* tag: {{>*name}} */
#define TF_LCLEAR	0x010	/* tag: only blanks before it */
#define TF_RCLEAR	0x020	/* tag: only blanks after it */
#define TF_STANDALONE	0x040	/* tag: takes its whole line */

#define NONE UINT32_MAX

struct tok {
	unsigned char type;	/* enum ttype */
	unsigned short flags;
	uint32_t off, len;	/* text, or the tag's name */
	int line, col;		/* where the tag or text starts */
	uint32_t match;		/* opening <-> closing tag */
	uint32_t up;		/* opening tag of the enclosing element */
	uint32_t lws, rws;	/* blank text before and after the tag */
};

struct parser {
	const char *file;
	const char *s;
	size_t n;
	struct pv_diags *d;

	/* lexer position, with its line and column kept up to date */
	size_t pos;
	int line, col;
	char open[MUSTACHE_MAX_DELIM + 1], close[MUSTACHE_MAX_DELIM + 1];
	size_t olen, clen;

	struct tok *v;
	size_t nv, cap;
};

/* Longest piece of a name or tag quoted in a message. */
#define QUOTE_MAX 60

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* How many bytes of s to quote: at most QUOTE_MAX, cut at a character. */
static int
qlen(const char *s, size_t n)
{
	if (n > QUOTE_MAX) {
		n = QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

/* Offset of the first pat at or after from, or n. */
static size_t
find(const char *s, size_t n, size_t from, const char *pat, size_t plen)
{
	const char *p;

	while (from + plen <= n) {
		p = memchr(s + from, pat[0], n - from - plen + 1);
		if (p == NULL)
			return n;
		from = (size_t)(p - s);
		if (memcmp(p, pat, plen) == 0)
			return from;
		from++;
	}
	return n;
}

/* Move the lexer to `to`, counting lines and characters on the way. */
static void
advance(struct parser *p, size_t to)
{
	size_t i;

	for (i = p->pos; i < to; i++) {
		if (p->s[i] == '\n') {
			p->line++;
			p->col = 1;
		} else if (((unsigned char)p->s[i] & 0xC0) != 0x80)
			p->col++;
	}
	p->pos = to;
}

static struct tok *
add_tok(struct parser *p, enum ttype type)
{
	struct tok *t;

	PV_GROW(p->v, p->cap, p->nv + 1);
	t = &p->v[p->nv++];
	memset(t, 0, sizeof(*t));
	t->type = (unsigned char)type;
	t->line = p->line;
	t->col = p->col;
	t->match = t->up = t->lws = t->rws = NONE;
	return t;
}

/* Text from the lexer's position to `to`, one token per line. */
static void
lex_text(struct parser *p, size_t to)
{
	const char *nl;
	struct tok *t;
	size_t end, i;
	int ws;

	while (p->pos < to) {
		nl = memchr(p->s + p->pos, '\n', to - p->pos);
		end = nl ? (size_t)(nl - p->s) + 1 : to;
		t = add_tok(p, T_TEXT);
		t->off = (uint32_t)p->pos;
		t->len = (uint32_t)(end - p->pos);
		ws = 1;
		for (i = p->pos; i < end && ws; i++) {
			if (is_blank(p->s[i]))
				continue;
			if (p->s[i] == '\n' && i + 1 == end)
				continue;
			if (p->s[i] == '\r' && i + 2 == end &&
			    p->s[i + 1] == '\n')
				continue;
			ws = 0;
		}
		if (ws)
			t->flags |= TF_WS;
		if (nl)
			t->flags |= TF_NL;
		advance(p, end);
	}
}

/* Trim white space from both ends of [*a, *b). */
static void
trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && is_space(s[*a]))
		(*a)++;
	while (*b > *a && is_space(s[*b - 1]))
		(*b)--;
}

/*
 * Find the end of a tag whose content starts at `from` and which ends
 * with `last` (a character: '=' or '}', or 0 for none) followed by the
 * closing delimiter.  Returns the offset of `last` (or of the delimiter),
 * or n when there is none.
 */
static size_t
find_close(struct parser *p, size_t from, char last)
{
	size_t e, start = from;

	for (;;) {
		e = find(p->s, p->n, from, p->close, p->clen);
		if (e == p->n || last == 0)
			return e;
		if (e > start && p->s[e - 1] == last)
			return e - 1;
		from = e + 1;
	}
}

static int
set_delimiters(struct parser *p, size_t a, size_t b, size_t tag, int line,
    int col)
{
	size_t o0, o1, c0, c1;

	trim(p->s, &a, &b);
	o0 = a;
	for (o1 = o0; o1 < b && !is_space(p->s[o1]); o1++)
		continue;
	for (c0 = o1; c0 < b && is_space(p->s[c0]); c0++)
		continue;
	c1 = b;
	if (o1 == o0 || c0 == o1 || c0 == c1 ||
	    memchr(p->s + c0, '=', c1 - c0) != NULL ||
	    memchr(p->s + o0, '=', o1 - o0) != NULL) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "malformed delimiter change '%.*s': expected two "
		    "delimiters without '=' separated by a space, as in "
		    "{{=<%% %%>=}}", qlen(p->s + tag, p->pos - tag),
		    p->s + tag);
		return 0;
	}
	for (a = c0; a < c1; a++)
		if (is_space(p->s[a]))
			break;
	if (a < c1) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "malformed delimiter change '%.*s': expected exactly two "
		    "delimiters", qlen(p->s + tag, p->pos - tag),
		    p->s + tag);
		return 0;
	}
	if (o1 - o0 > MUSTACHE_MAX_DELIM || c1 - c0 > MUSTACHE_MAX_DELIM) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "delimiter longer than %d bytes (MUSTACHE_MAX_DELIM)",
		    MUSTACHE_MAX_DELIM);
		return 0;
	}
	memcpy(p->open, p->s + o0, o1 - o0);
	p->open[o1 - o0] = '\0';
	p->olen = o1 - o0;
	memcpy(p->close, p->s + c0, c1 - c0);
	p->close[c1 - c0] = '\0';
	p->clen = c1 - c0;
	return 1;
}

static const char *
tag_word(enum ttype type)
{
	switch (type) {
	case T_SECTION:
		return "section";
	case T_INVERTED:
		return "inverted section";
	case T_PARENT:
		return "parent";
	case T_BLOCK:
		return "block";
	case T_PARTIAL:
		return "partial";
	case T_CLOSE:
		return "closing tag";
	default:
		return "tag";
	}
}

/*
 * A NUL byte anywhere in the tag [at, end) is an error at its place: a
 * name is compared by its length, but a NUL inside one is never what the
 * author meant, and C strings downstream would cut it.
 */
static int
no_nul(struct parser *p, size_t at, size_t end, int line, int col)
{
	const char *z = memchr(p->s + at, '\0', end - at);
	size_t i;
	int zl = line, zc = col;

	if (z == NULL)
		return 1;
	for (i = at; i < (size_t)(z - p->s); i++) {
		if (p->s[i] == '\n') {
			zl++;
			zc = 1;
		} else if (((unsigned char)p->s[i] & 0xC0) != 0x80)
			zc++;
	}
	pv_diag(p->d, PV_ERROR, p->file, zl, zc, "a NUL byte is not allowed "
	    "in a tag (the tag '%.*s' starts at line %d, column %d)",
	    qlen(p->s + at, (size_t)(z - p->s) - at), p->s + at, line, col);
	return 0;
}

/* One tag whose opening delimiter is at `at`. */
static int
lex_tag(struct parser *p, size_t at)
{
	enum ttype type = T_ESCAPED;
	size_t q = at + p->olen, e, a, b, end;
	char last = 0;
	struct tok *t;
	int line = p->line, col = p->col;

	/* "{{ #name}}" is a section too; but "{{{" must be one word */
	while (q < p->n && is_blank(p->s[q]))
		q++;
	if (q < p->n && p->s[q] == '{' && q > at + p->olen)
		q = at + p->olen;
	else if (q < p->n) {
		switch (p->s[q]) {
		case '#': type = T_SECTION; break;
		case '^': type = T_INVERTED; break;
		case '/': type = T_CLOSE; break;
		case '!': type = T_COMMENT; break;
		case '=': type = T_DELIM; last = '='; break;
		case '>': type = T_PARTIAL; break;
		case '<': type = T_PARENT; break;
		case '$': type = T_BLOCK; break;
		case '&': type = T_RAW; break;
		case '{': type = T_RAW; last = '}'; break;
		default: q--; break;
		}
		q++;
	}
	e = find_close(p, q, last);
	if (e == p->n) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "unclosed tag: '%s' has no closing '%s%s'", p->open,
		    last == '=' ? "=" : last == '}' ? "}" : "", p->close);
		return 0;
	}
	end = e + (last ? 1 : 0) + p->clen;
	if (!no_nul(p, at, end, line, col))
		return 0;
	a = q;
	b = e;
	if (type != T_COMMENT && type != T_DELIM &&
	    find(p->s, b, a, p->open, p->olen) < b) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "unclosed tag: '%s' has no closing '%s' before the next "
		    "'%s'", p->open, p->close, p->open);
		return 0;
	}
	advance(p, end);
	if (type == T_COMMENT || type == T_DELIM) {
		/* no node, but a token for the standalone rules */
		t = add_tok(p, type);
		t->line = line;
		t->col = col;
		return type == T_COMMENT ||
		    set_delimiters(p, a, b, at, line, col);
	}
	trim(p->s, &a, &b);
	t = add_tok(p, type);
	t->line = line;
	t->col = col;
	if ((type == T_PARTIAL || type == T_PARENT || type == T_CLOSE) &&
	    a < b && p->s[a] == '*') {
		t->flags |= TF_DYNAMIC;
		a++;
		trim(p->s, &a, &b);
	}
	t->off = (uint32_t)a;
	t->len = (uint32_t)(b - a);
	if (a == b) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "empty %s '%.*s': a name is needed", tag_word(type),
		    qlen(p->s + at, end - at), p->s + at);
		return 0;
	}
	for (; a < b; a++) {
		if (p->s[a] == '\n' || p->s[a] == '\r') {
			pv_diag(p->d, PV_ERROR, p->file, line, col,
			    "%s name '%.*s' runs past the end of the line; "
			    "is a '%s' missing?", tag_word(type),
			    qlen(p->s + t->off, a - t->off), p->s + t->off,
			    p->close);
			return 0;
		}
		if (is_space(p->s[a])) {
			pv_diag(p->d, PV_ERROR, p->file, line, col,
			    "%s name '%.*s' contains white space",
			    tag_word(type), qlen(p->s + t->off, t->len),
			    p->s + t->off);
			return 0;
		}
	}
	return 1;
}

/* Pass 1. */
static int
lex(struct parser *p)
{
	size_t at;

	while (p->pos < p->n) {
		at = find(p->s, p->n, p->pos, p->open, p->olen);
		lex_text(p, at);
		if (at >= p->n)
			break;
		if (!lex_tag(p, at))
			return 0;
	}
	return 1;
}

static int
is_opener(const struct tok *t)
{
	return t->type == T_SECTION || t->type == T_INVERTED ||
	    t->type == T_PARENT || t->type == T_BLOCK;
}

static int
same_name(const struct parser *p, const struct tok *a, const struct tok *b)
{
	return a->len == b->len &&
	    memcmp(p->s + a->off, p->s + b->off, a->len) == 0;
}

/* Pass 2: every opening tag gets its closing tag, and every tag the
 * element it is in. */
static int
match(struct parser *p)
{
	uint32_t stack[MUSTACHE_MAX_NESTING];
	struct tok *t, *o;
	size_t depth = 0, i;

	for (i = 0; i < p->nv; i++) {
		t = &p->v[i];
		t->up = depth ? stack[depth - 1] : NONE;
		if (is_opener(t)) {
			if (depth == MUSTACHE_MAX_NESTING) {
				pv_diag(p->d, PV_ERROR, p->file, t->line,
				    t->col, "more than %d sections, parents "
				    "and blocks open at once "
				    "(MUSTACHE_MAX_NESTING)",
				    MUSTACHE_MAX_NESTING);
				return 0;
			}
			stack[depth++] = (uint32_t)i;
		} else if (t->type == T_CLOSE) {
			if (depth == 0) {
				pv_diag(p->d, PV_ERROR, p->file, t->line,
				    t->col, "closing tag '%s%.*s' has no "
				    "opening tag", t->flags & TF_DYNAMIC ?
				    "*" : "", qlen(p->s + t->off, t->len),
				    p->s + t->off);
				return 0;
			}
			o = &p->v[stack[depth - 1]];
			if (!same_name(p, t, o) || ((t->flags & TF_DYNAMIC) &&
			    !(o->flags & TF_DYNAMIC))) {
				pv_diag(p->d, PV_ERROR, p->file, t->line,
				    t->col, "closing tag '%s%.*s' does not "
				    "match the open %s '%s%.*s' at line %d, "
				    "column %d", t->flags & TF_DYNAMIC ?
				    "*" : "", qlen(p->s + t->off, t->len),
				    p->s + t->off, tag_word(o->type),
				    o->flags & TF_DYNAMIC ? "*" : "",
				    qlen(p->s + o->off, o->len),
				    p->s + o->off, o->line, o->col);
				return 0;
			}
			t->match = stack[--depth];
			o->match = (uint32_t)i;
			t->up = o->up;
		}
	}
	if (depth > 0) {
		o = &p->v[stack[depth - 1]];
		pv_diag(p->d, PV_ERROR, p->file, o->line, o->col,
		    "unclosed %s '%s%.*s': no '%s/%s%.*s%s' before the end "
		    "of the file", tag_word(o->type),
		    o->flags & TF_DYNAMIC ? "*" : "",
		    qlen(p->s + o->off, o->len), p->s + o->off, p->open,
		    o->flags & TF_DYNAMIC ? "*" : "",
		    qlen(p->s + o->off, o->len), p->s + o->off, p->close);
		return 0;
	}
	return 1;
}

static int
is_arg(const struct parser *p, uint32_t i)
{
	uint32_t up = p->v[i].up;

	return p->v[i].type == T_BLOCK && up != NONE &&
	    p->v[up].type == T_PARENT;
}

/* Only blanks between the previous line end and tag i? */
static int
left_clear(const struct parser *p, uint32_t i, uint32_t *lws)
{
	const struct tok *t;

	*lws = NONE;
	if (i == 0)
		return 1;
	t = &p->v[i - 1];
	if (t->type != T_TEXT)
		return 0;
	if (t->flags & TF_NL)
		return 1;
	if (!(t->flags & TF_WS))
		return 0;
	if (i - 1 == 0 || (p->v[i - 2].type == T_TEXT &&
	    (p->v[i - 2].flags & TF_NL))) {
		*lws = i - 1;
		return 1;
	}
	return 0;
}

/* Only blanks between tag i and the end of its line? */
static int
right_clear(const struct parser *p, uint32_t i, uint32_t *rws)
{
	const struct tok *t;

	*rws = NONE;
	if (i + 1 == p->nv)
		return 1;
	t = &p->v[i + 1];
	if (t->type != T_TEXT || !(t->flags & TF_WS))
		return 0;
	/* blanks without a line end are followed by a tag or the end */
	if ((t->flags & TF_NL) || i + 2 == p->nv) {
		*rws = i + 1;
		return 1;
	}
	return 0;
}

/* Pass 3: standalone tags and the whitespace they take away. */
static void
clear(struct parser *p)
{
	struct tok *t, *c;
	uint32_t i;
	int lrel, rrel;

	for (i = 0; i < p->nv; i++) {
		t = &p->v[i];
		if (t->type == T_TEXT || t->type == T_ESCAPED ||
		    t->type == T_RAW)
			continue;
		/* a side facing the ignored body of a parent does not count */
		lrel = rrel = 1;
		if (t->type == T_PARENT)
			rrel = 0;
		else if (t->type == T_BLOCK && is_arg(p, i))
			lrel = 0;
		else if (t->type == T_CLOSE) {
			if (p->v[t->match].type == T_PARENT)
				lrel = 0;
			else if (is_arg(p, t->match))
				rrel = 0;
		}
		if (!lrel || left_clear(p, i, &t->lws))
			t->flags |= TF_LCLEAR;
		if (!rrel || right_clear(p, i, &t->rws))
			t->flags |= TF_RCLEAR;
	}
	for (i = 0; i < p->nv; i++) {
		t = &p->v[i];
		if (t->type == T_TEXT || t->type == T_ESCAPED ||
		    t->type == T_RAW)
			continue;
		if (t->type == T_PARENT) {
			/* a parent is standalone as a pair or not at all */
			c = &p->v[t->match];
			if (!(t->flags & TF_LCLEAR) || !(c->flags & TF_RCLEAR))
				continue;
			t->flags |= TF_STANDALONE;
			c->flags |= TF_STANDALONE;
			if (t->lws != NONE)
				p->v[t->lws].flags |= TF_STRIP;
			if (c->rws != NONE)
				p->v[c->rws].flags |= TF_STRIP;
			continue;
		}
		if (t->type == T_CLOSE && p->v[t->match].type == T_PARENT)
			continue;
		if ((t->flags & (TF_LCLEAR | TF_RCLEAR)) !=
		    (TF_LCLEAR | TF_RCLEAR))
			continue;
		t->flags |= TF_STANDALONE;
		if (t->lws != NONE)
			p->v[t->lws].flags |= TF_STRIP;
		if (t->rws != NONE)
			p->v[t->rws].flags |= TF_STRIP;
	}
}

/* An element being emitted. */
struct open_el {
	uint32_t tok;
	size_t node;
	int ignored;		/* inside the body of a parent */
	size_t ioff, ilen;	/* intrinsic indentation (blocks) */
};

struct emitter {
	struct parser *p;
	struct pv_buf tb;	/* the template's strings */
	struct mnode *nodes;
	size_t nn, cap;
	struct open_el el[MUSTACHE_MAX_NESTING];
	size_t depth;
	int pending;		/* the next node starts a line */
	size_t last_text;	/* text node that may grow, or NONE */
};

static struct mnode *
new_node(struct emitter *e, enum mnode_type type, const struct tok *t)
{
	struct mnode *n;

	PV_GROW(e->nodes, e->cap, e->nn + 1);
	n = &e->nodes[e->nn++];
	memset(n, 0, sizeof(*n));
	n->type = (unsigned char)type;
	n->line = t->line;
	n->col = t->col;
	n->end = e->nn;
	if (type != MN_TEXT) {
		n->str = e->tb.len;
		n->len = t->len;
		pv_buf_put(&e->tb, e->p->s + t->off, t->len);
		if (t->flags & TF_DYNAMIC)
			n->flags |= MN_DYNAMIC;
	}
	e->last_text = NONE;
	return n;
}

/* Does token i start a line of the source? */
static int
at_line_start(const struct parser *p, uint32_t i)
{
	return i == 0 || (p->v[i - 1].type == T_TEXT &&
	    (p->v[i - 1].flags & TF_NL));
}

/* Drop the intrinsic indentation of the enclosing blocks, outermost
 * first, from a piece of text that starts a line. */
static void
unindent(const struct emitter *e, size_t *off, size_t *len)
{
	const char *s = e->p->s;
	size_t k;

	for (k = 0; k < e->depth; k++) {
		const struct open_el *o = &e->el[k];

		if (o->ilen == 0 || *len < o->ilen ||
		    memcmp(s + *off, s + o->ioff, o->ilen) != 0)
			continue;
		*off += o->ilen;
		*len -= o->ilen;
	}
}

/* The blanks of whitespace token w, unindented; nothing for NONE. */
static void
blanks_of(const struct emitter *e, uint32_t w, size_t *off, size_t *len)
{
	const struct tok *t;
	size_t n = 0;

	*off = *len = 0;
	if (w == NONE)
		return;
	t = &e->p->v[w];
	while (n < t->len && is_blank(e->p->s[t->off + n]))
		n++;
	*off = t->off;
	*len = n;
	if (at_line_start(e->p, w))
		unindent(e, off, len);
}

/* Intrinsic indentation of the block opened by token o: the blanks that
 * start the line after it. */
static void
intrinsic(const struct emitter *e, uint32_t o, size_t *off, size_t *len)
{
	const struct parser *p = e->p;
	uint32_t k = o + 2;

	*off = *len = 0;
	if (p->v[o].rws == NONE || !(p->v[p->v[o].rws].flags & TF_NL) ||
	    k >= p->nv || p->v[k].type != T_TEXT)
		return;
	blanks_of(e, k, off, len);
}

static void
set_indent(struct emitter *e, struct mnode *n, size_t off, size_t len)
{
	n->ind = e->tb.len;
	n->indlen = len;
	pv_buf_put(&e->tb, e->p->s + off, len);
}

static void
emit_text(struct emitter *e, uint32_t i)
{
	const struct tok *t = &e->p->v[i];
	size_t off = t->off, len = t->len;
	struct mnode *n;

	if (at_line_start(e->p, i))
		unindent(e, &off, &len);
	if (len == 0)
		return;
	if (e->last_text != NONE) {
		n = &e->nodes[e->last_text];
	} else {
		n = new_node(e, MN_TEXT, t);
		n->str = e->tb.len;
		if (e->pending)
			n->flags |= MN_BOL;
		e->last_text = e->nn - 1;
	}
	pv_buf_put(&e->tb, e->p->s + off, len);
	n->len += len;
	e->pending = e->p->s[off + len - 1] == '\n';
}

static void
emit_open(struct emitter *e, uint32_t i)
{
	struct parser *p = e->p;
	const struct tok *t = &p->v[i];
	struct open_el *o = &e->el[e->depth];
	struct mnode *n;
	size_t off, len;
	int sa = (t->flags & TF_STANDALONE) != 0, pair;

	memset(o, 0, sizeof(*o));
	o->tok = i;
	o->node = e->nn;
	switch (t->type) {
	case T_SECTION:
	case T_INVERTED:
		n = new_node(e, t->type == T_SECTION ? MN_SECTION :
		    MN_INVERTED, t);
		if (!sa && e->pending)
			n->flags |= MN_BOL;
		e->pending = sa;
		break;
	case T_PARENT:
		n = new_node(e, MN_PARENT, t);
		if (sa) {
			n->flags |= MN_STANDALONE;
			blanks_of(e, t->lws, &off, &len);
			set_indent(e, n, off, len);
		} else if (e->pending)
			n->flags |= MN_BOL;
		break;
	case T_BLOCK:
		n = new_node(e, MN_BLOCK, t);
		if (is_arg(p, i)) {
			/* an argument is a little template of its own */
			n->flags |= MN_ARG;
			if (t->flags & TF_RCLEAR)
				intrinsic(e, i, &o->ioff, &o->ilen);
			e->pending = 1;
			break;
		}
		pair = (t->flags & TF_LCLEAR) &&
		    (p->v[t->match].flags & TF_RCLEAR);
		if (pair) {
			n->flags |= MN_PAIR;
			if (t->flags & TF_RCLEAR) {
				intrinsic(e, i, &o->ioff, &o->ilen);
				off = o->ioff, len = o->ilen;
			} else
				blanks_of(e, t->lws, &off, &len);
			set_indent(e, n, off, len);
		}
		if (sa)
			n->flags |= MN_OPENLINE;
		else if (e->pending)
			n->flags |= MN_BOL;
		e->pending = sa;
		break;
	default:
		break;
	}
	e->depth++;
}

static void
emit_close(struct emitter *e, uint32_t i)
{
	struct parser *p = e->p;
	const struct tok *t = &p->v[i];
	struct open_el *o = &e->el[e->depth - 1];
	const struct tok *ot = &p->v[o->tok];
	struct mnode *n;
	int sa = (t->flags & TF_STANDALONE) != 0;

	/* A closing tag that starts a line but keeps it: the indentation
	 * belongs before it, inside the element, once per repetition. */
	if (!sa && e->pending && ot->type != T_PARENT &&
	    !(ot->type == T_BLOCK && is_arg(p, o->tok))) {
		n = new_node(e, MN_TEXT, t);
		n->flags |= MN_BOL;
	}
	e->nodes[o->node].end = e->nn;
	e->last_text = NONE;
	e->pending = sa;
	e->depth--;
}

/* Pass 4. */
static void
emit(struct emitter *e)
{
	struct parser *p = e->p;
	const struct tok *t;
	struct mnode *n;
	size_t off, len;
	uint32_t i;
	int ignored;

	e->pending = 1;
	e->last_text = NONE;
	for (i = 0; i < p->nv; i++) {
		t = &p->v[i];
		if (t->type == T_CLOSE) {
			if (e->el[e->depth - 1].ignored)
				e->depth--;
			else
				emit_close(e, i);
			continue;
		}
		/* inside a parent only argument blocks count */
		ignored = e->depth > 0 && (e->el[e->depth - 1].ignored ||
		    (p->v[e->el[e->depth - 1].tok].type == T_PARENT &&
		    t->type != T_BLOCK));
		if (is_opener(t)) {
			if (ignored) {
				memset(&e->el[e->depth], 0,
				    sizeof(e->el[0]));
				e->el[e->depth++].ignored = 1;
			} else
				emit_open(e, i);
			continue;
		}
		if (ignored)
			continue;
		switch (t->type) {
		case T_TEXT:
			if (!(t->flags & TF_STRIP))
				emit_text(e, i);
			break;
		case T_ESCAPED:
		case T_RAW:
			n = new_node(e, t->type == T_RAW ? MN_RAW :
			    MN_ESCAPED, t);
			if (e->pending)
				n->flags |= MN_BOL;
			e->pending = 0;
			break;
		case T_PARTIAL:
			n = new_node(e, MN_PARTIAL, t);
			if (t->flags & TF_STANDALONE) {
				n->flags |= MN_STANDALONE;
				blanks_of(e, t->lws, &off, &len);
				set_indent(e, n, off, len);
				e->pending = 1;
			} else {
				if (e->pending)
					n->flags |= MN_BOL;
				e->pending = 0;
			}
			break;
		default:	/* comments and delimiter changes */
			break;
		}
	}
}

struct mustache_template *
mustache_compile(const char *file, const char *text, size_t len,
    struct pv_diags *d)
{
	struct mustache_template *tpl = NULL;
	struct parser p;
	struct emitter e;

	if (file == NULL)
		file = "(template)";
	if (len > MUSTACHE_MAX_TEMPLATE) {
		pv_diag(d, PV_ERROR, file, 0, 0, "template is larger than "
		    "%u MiB (MUSTACHE_MAX_TEMPLATE)",
		    MUSTACHE_MAX_TEMPLATE / (1024u * 1024u));
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.file = file;
	p.s = text;
	p.n = len;
	p.d = d;
	p.line = p.col = 1;
	memcpy(p.open, "{{", 3);
	memcpy(p.close, "}}", 3);
	p.olen = p.clen = 2;
	if (!lex(&p) || !match(&p))
		goto out;
	clear(&p);

	memset(&e, 0, sizeof(e));
	e.p = &p;
	pv_buf_init(&e.tb);
	emit(&e);
	tpl = pv_xcalloc(1, sizeof(*tpl));
	tpl->file = pv_xstrdup(file);
	tpl->textlen = e.tb.len;
	tpl->text = pv_buf_take(&e.tb);
	tpl->nodes = e.nodes;
	tpl->nnodes = e.nn;
out:
	free(p.v);
	return tpl;
}

void
mustache_free(struct mustache_template *tpl)
{
	if (tpl == NULL)
		return;
	free(tpl->file);
	free(tpl->text);
	free(tpl->nodes);
	free(tpl);
}

const char *
mustache_file(const struct mustache_template *tpl)
{
	return tpl->file;
}
