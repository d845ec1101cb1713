/*
 * mustache_render.c - rendering a compiled template with data.
 *
 * The renderer walks the node array of mustache_int.h and appends to one
 * pv_buf; it never changes a template.  Data is reached only through
 * struct mustache_data_ops.  Partials and parents are loaded and compiled
 * once per render and kept in a hash table by name.
 *
 * What the renderer adds to the compiled whitespace is indentation: a
 * standalone partial or parent, and a block whose tags stand alone,
 * indent every line they produce.  The current indentation is a string
 * (indent[base..len]) written before every node that starts a line
 * (MN_BOL) and after every line end inside a text node.  Text from the
 * data is never indented, as the spec wants.
 *
 * Recursion follows the nesting of sections and expansions; it is
 * bounded by MUSTACHE_MAX_RECURSION and MUSTACHE_MAX_DEPTH, the output by
 * MUSTACHE_MAX_OUTPUT, and the time by MUSTACHE_MAX_WORK (nodes visited,
 * section iterations, members and arguments looked at), so hostile
 * templates end in an error, soon.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "mustache.h"
#include "mustache_int.h"

/* A small hash table: byte-string keys (copied) to pointers. */
struct slot {
	char *key;
	size_t klen;
	void *val;
};

struct table {
	struct slot *v;
	size_t cap, n;
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The value slot for key, created (NULL) when absent. */
static void **
table_slot(struct table *t, const char *key, size_t klen)
{
	struct slot *old;
	size_t i, j, oldcap;

	if (2 * (t->n + 1) > t->cap) {
		old = t->v;
		oldcap = t->cap;
		t->cap = oldcap ? oldcap * 2 : 16;
		t->v = pv_xcalloc(t->cap, sizeof(*t->v));
		for (i = 0; i < oldcap; i++) {
			if (old[i].key == NULL)
				continue;
			j = hash(old[i].key, old[i].klen) & (t->cap - 1);
			while (t->v[j].key != NULL)
				j = (j + 1) & (t->cap - 1);
			t->v[j] = old[i];
		}
		free(old);
	}
	i = hash(key, klen) & (t->cap - 1);
	while (t->v[i].key != NULL) {
		if (t->v[i].klen == klen &&
		    memcmp(t->v[i].key, key, klen) == 0)
			return &t->v[i].val;
		i = (i + 1) & (t->cap - 1);
	}
	t->v[i].key = pv_xstrndup(key, klen);
	t->v[i].klen = klen;
	t->v[i].val = NULL;
	t->n++;
	return &t->v[i].val;
}

/* A partial or parent as loaded. */
struct partial {
	struct mustache_template *tpl;	/* NULL: there is none */
	char *tried;			/* where the loader looked */
	const char *refused;		/* not allowed: why */
};

/* A parent being expanded, with its arguments; a linked stack. */
struct frame {
	const struct mustache_template *t;
	size_t node;			/* its MN_PARENT node */
	const struct frame *prev;
};

struct render {
	const struct mustache_data_ops *ops;
	const struct mustache_partials *partials;
	struct pv_buf *out;
	size_t out_start;
	struct pv_diags *d;
	enum pv_status status;

	const void *ctx[MUSTACHE_MAX_CONTEXT];
	size_t nctx;
	const struct frame *frames;
	const char *chain[MUSTACHE_MAX_DEPTH + 1];	/* files expanding */
	size_t nchain;
	size_t depth;

	struct pv_buf indent;
	size_t indent_base;
	int suppress;		/* line begun: skip one indentation */

	/* where we are, for messages */
	const struct mustache_template *at_t;
	const struct mnode *at_n;
	/* the innermost section being repeated: blamed for the work */
	const struct mustache_template *sec_t;
	const struct mnode *sec_n;

	size_t work;		/* steps so far (MUSTACHE_MAX_WORK) */
	struct mustache_linemap *map;	/* or NULL */

	struct pv_buf scratch;
	struct pv_buf name;
	struct table cache;	/* name -> struct partial */
	struct table warned;	/* node address -> (void *)1 */
};

static int render_range(struct render *, const struct mustache_template *,
    size_t, size_t);

static int fail(struct render *, enum pv_status,
    const struct mustache_template *, const struct mnode *, const char *,
    ...) PV_PRINTF(5, 6);

/* Record the first error (at node n of t when known); returns 0. */
static int
fail(struct render *r, enum pv_status st, const struct mustache_template *t,
    const struct mnode *n, const char *fmt, ...)
{
	va_list ap;

	if (r->status == PV_OK) {
		va_start(ap, fmt);
		pv_vdiag(r->d, PV_ERROR, t ? t->file : NULL, n ? n->line : 0,
		    n ? n->col : 0, fmt, ap);
		va_end(ap);
		r->status = st;
	}
	return 0;
}

/*
 * Count n steps of work; fails past MUSTACHE_MAX_WORK, naming the
 * innermost section being repeated (else the node being rendered).
 */
static int
work(struct render *r, size_t n)
{
	const struct mustache_template *t = r->sec_t ? r->sec_t : r->at_t;
	const struct mnode *at = r->sec_t ? r->sec_n : r->at_n;

	if (n <= MUSTACHE_MAX_WORK - r->work) {
		r->work += n;
		return 1;
	}
	r->work = MUSTACHE_MAX_WORK;
	return fail(r, PV_EINPUT, t, at, "rendering takes more than %u "
	    "steps (MUSTACHE_MAX_WORK); do sections over lists nest "
	    "inside each other?", MUSTACHE_MAX_WORK);
}

/* Cut a buffer back to len bytes, keeping it NUL-terminated. */
static void
truncate_buf(struct pv_buf *b, size_t len)
{
	b->len = len;
	if (b->data != NULL)
		b->data[len] = '\0';
}

/* The template file's index in the map, added on first use (partials
 * are freed after the render; the map keeps their names). */
static int
map_file(struct mustache_linemap *m, const char *file)
{
	size_t i;

	for (i = m->nfiles; i-- > 0;)
		if (strcmp(m->files[i], file) == 0)
			return (int)i;
	PV_GROW(m->files, m->capfiles, m->nfiles + 1);
	m->files[m->nfiles] = pv_xstrdup(file);
	return (int)m->nfiles++;
}

static void
map_lines(struct render *r, const char *s, size_t n)
{
	struct mustache_linemap *m = r->map;
	const char *p = s, *e = s + n, *nl;
	int file = -1;

	while (p < e) {
		if (!m->line_open) {
			if (file < 0)
				file = map_file(m, r->at_t->file);
			PV_GROW(m->v, m->cap, m->n + 1);
			m->v[m->n].file = file;
			m->v[m->n++].line = r->at_n != NULL ? r->at_n->line : 0;
			m->line_open = 1;
		}
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			break;
		m->line_open = 0;
		p = nl + 1;
	}
}

static int
put(struct render *r, const char *s, size_t n)
{
	if (n == 0)
		return 1;
	if (r->map != NULL && r->at_t != NULL)
		map_lines(r, s, n);
	r->suppress = 0;
	pv_buf_put(r->out, s, n);
	if (r->out->len - r->out_start > MUSTACHE_MAX_OUTPUT)
		return fail(r, PV_EINPUT, r->at_t, r->at_n, "output larger "
		    "than %u MiB (MUSTACHE_MAX_OUTPUT); do partials expand "
		    "each other over and over?",
		    MUSTACHE_MAX_OUTPUT / (1024u * 1024u));
	return 1;
}

/* A line starts: write the indentation, unless the line has begun. */
static int
bol(struct render *r)
{
	if (r->suppress) {
		r->suppress = 0;
		return 1;
	}
	/* An empty buffer has no data pointer to add an offset to. */
	if (r->indent.len == r->indent_base)
		return 1;
	return put(r, r->indent.data + r->indent_base,
	    r->indent.len - r->indent_base);
}

static int
put_escaped(struct render *r, const char *s, size_t n)
{
	size_t i, start = 0;
	const char *rep;

	if (n == 0)	/* s may be NULL: an empty value's text */
		return 1;
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		if (!put(r, s + start, i - start) || !put(r, rep, strlen(rep)))
			return 0;
		start = i + 1;
	}
	return put(r, s + start, n - start);
}

/* A text node: indentation after each line end inside it. */
static int
put_text(struct render *r, const struct mustache_template *t,
    const struct mnode *n)
{
	const char *s = t->text + n->str, *e = s + n->len, *nl;

	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	if (r->indent.len > r->indent_base) {
		while ((nl = memchr(s, '\n', (size_t)(e - s))) != NULL &&
		    nl + 1 < e) {
			if (!put(r, s, (size_t)(nl + 1 - s)) || !bol(r))
				return 0;
			s = nl + 1;
		}
	}
	return put(r, s, (size_t)(e - s));
}

/*
 * Resolve a name on the context stack: "." is the top; a dotted name's
 * first part is looked up from the top of the stack down, the others
 * only inside the value found so far; ".name" only in the top value.
 */
static const void *
lookup(struct render *r, const char *name, size_t len, size_t *steps)
{
	const struct mustache_data_ops *ops = r->ops;
	const char *end = name + len, *dot;
	const void *v = NULL;
	size_t k, plen;

	if (r->nctx == 0)
		return NULL;
	if (len == 1 && name[0] == '.')
		return r->ctx[r->nctx - 1];
	if (name[0] == '.') {
		v = r->ctx[r->nctx - 1];
		name++;
	} else {
		dot = memchr(name, '.', len);
		plen = dot ? (size_t)(dot - name) : len;
		for (k = r->nctx; k-- > 0;) {
			if (ops->kind(r->ctx[k]) != MUSTACHE_OBJECT)
				continue;
			(*steps)++;
			v = ops->member(r->ctx[k], name, plen, steps);
			if (v != NULL)
				break;
		}
		if (v == NULL)
			return NULL;
		if (dot == NULL)
			return v;
		name = dot + 1;
	}
	for (;;) {
		dot = memchr(name, '.', (size_t)(end - name));
		plen = dot ? (size_t)(dot - name) : (size_t)(end - name);
		if (plen == 0 || ops->kind(v) != MUSTACHE_OBJECT)
			return NULL;
		if ((v = ops->member(v, name, plen, steps)) == NULL)
			return NULL;
		if (dot == NULL)
			return v;
		name = dot + 1;
	}
}

/* Look node n's name up; *v is NULL when it has no value.  Returns 0
 * when the work limit is reached. */
static int
lookup_node(struct render *r, const struct mustache_template *t,
    const struct mnode *n, const void **v)
{
	size_t steps = 0;

	*v = lookup(r, t->text + n->str, n->len, &steps);
	return work(r, steps);
}

static int
push(struct render *r, const void *v)
{
	if (r->nctx == MUSTACHE_MAX_CONTEXT)
		return fail(r, PV_EINPUT, r->at_t, r->at_n, "more than %d "
		    "values on the context stack (MUSTACHE_MAX_CONTEXT)",
		    MUSTACHE_MAX_CONTEXT);
	r->ctx[r->nctx++] = v;
	return 1;
}

/* Render children [from, to) one level deeper. */
static int
descend(struct render *r, const struct mustache_template *t, size_t from,
    size_t to)
{
	int ok;

	if (r->depth == MUSTACHE_MAX_RECURSION)
		return fail(r, PV_EINPUT, r->at_t, r->at_n, "rendering nests "
		    "deeper than %d steps (MUSTACHE_MAX_RECURSION)",
		    MUSTACHE_MAX_RECURSION);
	r->depth++;
	ok = render_range(r, t, from, to);
	r->depth--;
	return ok;
}

static int
section(struct render *r, const struct mustache_template *t, size_t i)
{
	const struct mnode *n = &t->nodes[i];
	const struct mustache_template *sec_t = r->sec_t;
	const struct mnode *sec_n = r->sec_n;
	const void *v, *it;
	int ok = 1;

	if (!lookup_node(r, t, n, &v))
		return 0;
	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	if (v == NULL)
		return 1;
	if (r->ops->kind(v) == MUSTACHE_LIST) {
		r->sec_t = t;
		r->sec_n = n;
		for (it = r->ops->first(v); it != NULL && ok;
		    it = r->ops->next(v, it)) {
			r->at_t = t, r->at_n = n;
			if (!work(r, 1) || !push(r, it))
				return 0;
			ok = descend(r, t, i + 1, n->end);
			r->nctx--;
		}
		r->sec_t = sec_t;
		r->sec_n = sec_n;
		return ok;
	}
	if (!r->ops->truthy(v))
		return 1;
	if (!push(r, v))
		return 0;
	ok = descend(r, t, i + 1, n->end);
	r->nctx--;
	return ok;
}

static int
inverted(struct render *r, const struct mustache_template *t, size_t i)
{
	const struct mnode *n = &t->nodes[i];
	const void *v;
	int empty;

	if (!lookup_node(r, t, n, &v))
		return 0;
	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	if (v == NULL)
		empty = 1;
	else if (r->ops->kind(v) == MUSTACHE_LIST)
		empty = r->ops->first(v) == NULL;
	else
		empty = !r->ops->truthy(v);
	return empty ? descend(r, t, i + 1, n->end) : 1;
}

static int
interpolate(struct render *r, const struct mustache_template *t,
    const struct mnode *n)
{
	const void *v;

	if (!lookup_node(r, t, n, &v))
		return 0;
	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	if (v == NULL)
		return 1;
	pv_buf_clear(&r->scratch);
	r->ops->text(v, &r->scratch);
	if (n->type == MN_ESCAPED)
		return put_escaped(r, r->scratch.data, r->scratch.len);
	return put(r, r->scratch.data, r->scratch.len);
}

/* How much of a name to quote in a message: at most 60 bytes, cut at
 * the start of a character, and never past a NUL byte. */
static int
qlen(const char *s, size_t n)
{
	const char *z = memchr(s, '\0', n);

	if (z != NULL)
		n = (size_t)(z - s);
	if (n > 60) {
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

/* "a → b → c", the first and last few of the files being expanded. */
static char *
chain_text(const struct render *r, const char *next)
{
	struct pv_buf b;
	size_t i, n = r->nchain;

	pv_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (n > 8 && i == 4) {
			pv_buf_puts(&b, "… → ");
			i = n - 3;
		}
		pv_buf_printf(&b, "%s → ", r->chain[i]);
	}
	pv_buf_puts(&b, next);
	return pv_buf_take(&b);
}

/*
 * The partial or parent named name (len bytes) included by node n, or
 * NULL: missing (a warning, or an error when strict) or failed.
 */
static const struct mustache_template *
get_partial(struct render *r, const struct mustache_template *t,
    const struct mnode *n, const char *name, size_t len)
{
	const struct mustache_partials *pl = r->partials;
	struct partial **slot, *p;
	const struct mnode *key = n;
	const char *what = n->type == MN_PARENT ? "parent" : "partial";
	enum pv_status st;
	const char *refused = NULL;
	char *text = NULL, *file = NULL, *namez;
	size_t tlen = 0;
	void **w;

	slot = (struct partial **)table_slot(&r->cache, name, len);
	if ((p = *slot) == NULL) {
		p = *slot = pv_xcalloc(1, sizeof(*p));
		if (pl != NULL && pl->load != NULL) {
			st = pl->load(pl->ctx, name, len, &text, &tlen, &file,
			    &refused, r->d);
			if (st != PV_OK) {
				free(text);
				free(file);
				r->status = st;
				return NULL;
			}
			if (text != NULL) {
				namez = pv_xstrndup(name, len);
				p->tpl = mustache_compile(file ? file : namez,
				    text, tlen, r->d);
				free(text);
				free(file);
				free(namez);
				if (p->tpl == NULL) {
					r->status = PV_EINPUT;
					return NULL;
				}
			} else {
				p->tried = file;
				p->refused = refused;
			}
		}
	}
	if (p->tpl != NULL)
		return p->tpl;
	if (p->refused != NULL) {
		/* never quietly nothing: the template or data asked for a
		 * file it may not have */
		pv_diag(r->d, PV_ERROR, t->file, n->line, n->col,
		    "%s '%.*s' not allowed: %s", what, qlen(name, len), name,
		    p->refused);
		r->status = PV_EINPUT;
		return NULL;
	}
	if (pl != NULL && pl->strict) {
		pv_diag(r->d, PV_ERROR, t->file, n->line, n->col,
		    "%s '%.*s' not found%s%s%s", what, qlen(name, len), name,
		    p->tried ? " (no file " : "", p->tried ? p->tried : "",
		    p->tried ? ")" : "");
		r->status = PV_EINPUT;
		return NULL;
	}
	/* warn once for each place that includes it */
	w = table_slot(&r->warned, (const char *)&key, sizeof(key));
	if (*w == NULL) {
		*w = (void *)1;
		pv_diag(r->d, PV_WARNING, t->file, n->line, n->col,
		    "%s '%.*s' not found%s%s%s; it renders as nothing",
		    what, qlen(name, len), name, p->tried ? " (no file " : "",
		    p->tried ? p->tried : "", p->tried ? ")" : "");
	}
	return NULL;
}

/* The name of a partial or parent node: its own, or for {{>*x}} the
 * text of the value of x.  NULL when a dynamic name has no value. */
static const char *
node_name(struct render *r, const struct mustache_template *t,
    const struct mnode *n, size_t *len)
{
	const void *v;

	if (!(n->flags & MN_DYNAMIC)) {
		*len = n->len;
		return t->text + n->str;
	}
	if (!lookup_node(r, t, n, &v) || v == NULL)
		return NULL;
	pv_buf_clear(&r->name);
	r->ops->text(v, &r->name);
	*len = r->name.len;
	return r->name.len ? r->name.data : NULL;
}

/* Render partial or parent p in place of node n of t. */
static int
expand(struct render *r, const struct mustache_template *t,
    const struct mnode *n, const struct mustache_template *p,
    struct frame *f)
{
	size_t ilen = r->indent.len, ibase = r->indent_base;
	const struct frame *frames = r->frames;
	char *chain;
	int ok;

	if (r->nchain > MUSTACHE_MAX_DEPTH) {
		chain = chain_text(r, p->file);
		pv_diag(r->d, PV_ERROR, t->file, n->line, n->col,
		    "partials nested deeper than %d (MUSTACHE_MAX_DEPTH): %s",
		    MUSTACHE_MAX_DEPTH, chain);
		free(chain);
		r->status = PV_EINPUT;
		return 0;
	}
	if (n->flags & MN_STANDALONE)
		pv_buf_put(&r->indent, t->text + n->ind, n->indlen);
	else
		r->indent_base = r->indent.len;
	if (f != NULL) {
		f->prev = r->frames;
		r->frames = f;
	}
	r->chain[r->nchain++] = p->file;
	ok = descend(r, p, 0, p->nnodes);
	r->nchain--;
	r->frames = frames;
	truncate_buf(&r->indent, ilen);
	r->indent_base = ibase;
	return ok;
}

static int
partial(struct render *r, const struct mustache_template *t, size_t i)
{
	const struct mnode *n = &t->nodes[i];
	const struct mustache_template *p;
	struct frame f;
	const char *name;
	size_t len;

	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	if ((name = node_name(r, t, n, &len)) == NULL)
		return r->status == PV_OK;
	if ((p = get_partial(r, t, n, name, len)) == NULL)
		return r->status == PV_OK;
	if (n->type == MN_PARTIAL)
		return expand(r, t, n, p, NULL);
	f.t = t;
	f.node = i;
	return expand(r, t, n, p, &f);
}

/*
 * A parameter block: the argument of the same name given by the
 * outermost parent being expanded, else its own content.
 */
static int
block(struct render *r, const struct mustache_template *t, size_t i)
{
	const struct mnode *n = &t->nodes[i], *a;
	const struct frame *f, *found = NULL, *frames = r->frames;
	const struct mustache_template *ft;
	size_t k, arg = 0, ilen = r->indent.len;
	int ok;

	if (n->flags & MN_ARG)
		return 1;	/* only ever read through a frame */
	if ((n->flags & MN_BOL) && !bol(r))
		return 0;
	for (f = r->frames; f != NULL; f = f->prev) {
		ft = f->t;
		for (k = f->node + 1; k < ft->nodes[f->node].end;
		    k = ft->nodes[k].end) {
			if (!work(r, 1))
				return 0;
			a = &ft->nodes[k];
			if (a->len == n->len && memcmp(ft->text + a->str,
			    t->text + n->str, n->len) == 0) {
				found = f;
				arg = k;
				break;
			}
		}
	}
	if (n->flags & MN_PAIR)
		pv_buf_put(&r->indent, t->text + n->ind, n->indlen);
	if (found != NULL) {
		/* the argument sees the parents that were open where it was
		 * written, not the ones opened since */
		r->frames = found->prev;
		if (!(n->flags & MN_OPENLINE))
			r->suppress = 1;
		ft = found->t;
		ok = descend(r, ft, arg + 1, ft->nodes[arg].end);
		r->suppress = 0;
		r->frames = frames;
	} else
		ok = descend(r, t, i + 1, n->end);
	truncate_buf(&r->indent, ilen);
	return ok;
}

static int
render_range(struct render *r, const struct mustache_template *t,
    size_t from, size_t to)
{
	const struct mnode *n;
	size_t i;
	int ok;

	for (i = from; i < to; i = t->nodes[i].end) {
		n = &t->nodes[i];
		r->at_t = t;
		r->at_n = n;
		if (!work(r, 1))
			return 0;
		switch (n->type) {
		case MN_TEXT:
			ok = put_text(r, t, n);
			break;
		case MN_ESCAPED:
		case MN_RAW:
			ok = interpolate(r, t, n);
			break;
		case MN_SECTION:
			ok = section(r, t, i);
			break;
		case MN_INVERTED:
			ok = inverted(r, t, i);
			break;
		case MN_PARTIAL:
		case MN_PARENT:
			ok = partial(r, t, i);
			break;
		case MN_BLOCK:
			ok = block(r, t, i);
			break;
		default:
			ok = 1;
			break;
		}
		if (!ok)
			return 0;
	}
	return 1;
}

static void
table_free(struct table *tb, int partials)
{
	struct partial *p;
	size_t i;

	for (i = 0; i < tb->cap; i++) {
		if (tb->v[i].key == NULL)
			continue;
		free(tb->v[i].key);
		if (partials && (p = tb->v[i].val) != NULL) {
			mustache_free(p->tpl);
			free(p->tried);
			free(p);
		}
	}
	free(tb->v);
}

void
mustache_linemap_free(struct mustache_linemap *m)
{
	size_t i;

	for (i = 0; i < m->nfiles; i++)
		free(m->files[i]);
	free(m->files);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

enum pv_status
mustache_render(const struct mustache_template *tpl,
    const struct mustache_data_ops *ops, const void *root,
    const struct mustache_partials *partials, struct pv_buf *out,
    struct pv_diags *d)
{
	return mustache_render_mapped(tpl, ops, root, partials, out, d, NULL);
}

enum pv_status
mustache_render_mapped(const struct mustache_template *tpl,
    const struct mustache_data_ops *ops, const void *root,
    const struct mustache_partials *partials, struct pv_buf *out,
    struct pv_diags *d, struct mustache_linemap *map)
{
	struct render *r;
	enum pv_status st;

	/* on the heap: the context stack makes it a few kilobytes */
	r = pv_xcalloc(1, sizeof(*r));
	r->map = map;
	r->ops = ops;
	r->partials = partials;
	r->out = out;
	r->out_start = out->len;
	r->d = d;
	r->status = PV_OK;
	if (root != NULL)
		r->ctx[r->nctx++] = root;
	r->chain[r->nchain++] = tpl->file;
	pv_buf_init(&r->indent);
	pv_buf_init(&r->scratch);
	pv_buf_init(&r->name);
	pv_buf_reserve(&r->indent, 0);	/* data is never NULL */

	if (!render_range(r, tpl, 0, tpl->nnodes)) {
		if (r->status == PV_OK)
			r->status = PV_EINTERNAL;
		truncate_buf(out, r->out_start);
	}
	st = r->status;
	table_free(&r->cache, 1);
	table_free(&r->warned, 0);
	pv_buf_free(&r->indent);
	pv_buf_free(&r->scratch);
	pv_buf_free(&r->name);
	free(r);
	return st;
}
