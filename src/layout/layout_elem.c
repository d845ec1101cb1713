/*
 * layout_elem.c - the logical elements items belong to (pages.h).
 *
 * Which element a node of the document tree makes is decided here, in
 * one place: a section is a Sect, a list item an LI whose blocks go into
 * its LBody, a cell a TH or TD, an anonymous paragraph in a cell is the
 * cell's own text, an emphasis is nothing of its own.  An element is
 * made the first time it is asked for, with its ancestors, and found
 * again by its node after that: layout measures a cell before it sets
 * it, sets a footnote's lines when its reference is set, and builds the
 * runs of a paragraph more than once, and all of them must land in the
 * same element.  The lookup is a hash table on (node, type).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "layout_int.h"

struct lx_ekey {
	const void *key;
	int type;
	int elem;
};

static size_t
slot_of(const void *key, int type, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u;

	h ^= (uint64_t)type * 0xC2B2AE3D27D4EB4Fu;
	h ^= h >> 29;
	return (size_t)h & (cap - 1);
}

static void
grow(struct lctx *c)
{
	struct lx_ekey *old = c->etab;
	size_t oldcap = c->ecap, i, j;

	c->ecap = oldcap ? oldcap * 2 : 256;
	c->etab = pv_xcalloc(c->ecap, sizeof(*c->etab));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = slot_of(old[i].key, old[i].type, c->ecap);
		    c->etab[j].key != NULL; j = (j + 1) & (c->ecap - 1))
			;
		c->etab[j] = old[i];
	}
	free(old);
}

int
lx_elem_keyed(struct lctx *c, const void *key, enum lay_elem_type type,
    int parent, int *made)
{
	size_t j;
	int e;

	if (made != NULL)
		*made = 0;
	if ((c->ecount + 1) * 2 > c->ecap)
		grow(c);
	for (j = slot_of(key, (int)type, c->ecap); c->etab[j].key != NULL;
	    j = (j + 1) & (c->ecap - 1))
		if (c->etab[j].key == key && c->etab[j].type == (int)type)
			return c->etab[j].elem;
	e = lay_elem_add(c->out, type, parent);
	c->out->elems[e].key = key;
	c->etab[j].key = key;
	c->etab[j].type = (int)type;
	c->etab[j].elem = e;
	c->ecount++;
	if (made != NULL)
		*made = 1;
	return e;
}

void
lx_elems_free(struct lctx *c)
{
	free(c->etab);
	c->etab = NULL;
	c->ecap = c->ecount = 0;
}

static int
is_chart_figure(const struct doc_node *n)
{
	return n != NULL && n->kind == DOC_FIGURE &&
	    (n->classes & DOC_C_CHART);
}

/* The image of a (non-chart) figure, or NULL. */
static const struct doc_node *
figure_image(const struct doc_node *fig)
{
	const struct doc_node *k;

	for (k = fig->first; k != NULL; k = k->next)
		if (k->kind == DOC_IMG)
			return k;
	return NULL;
}

static int
decorative(const struct doc_node *img)
{
	return img != NULL && (img->alt == NULL ||
	    img->alt[strspn(img->alt, " \t\r\n")] == '\0');
}

/* Whether a table has a header cell or row anywhere; the last table
 * asked about is remembered, since its cells ask one after another. */
static int
has_head(const struct doc_node *n)
{
	const struct doc_node *k;

	for (k = n->first; k != NULL; k = k->next)
		if (k->kind == DOC_TH || k->kind == DOC_THEAD ||
		    (k->kind != DOC_TABLE && has_head(k)))
			return 1;
	return 0;
}

static int
table_has_heads(struct lctx *c, const struct doc_node *t)
{
	if (t != c->heads_table) {
		c->heads_table = t;
		c->heads_found = has_head(t);
	}
	return c->heads_found;
}

static const struct doc_node *
table_of(const struct doc_node *cell)
{
	const struct doc_node *t = cell->parent;

	while (t != NULL && t->kind != DOC_TABLE)
		t = t->parent;
	return t;
}

/* A th, or a td of a header row (set as a header); and, in a table
 * with no header at all (a contact list, "a) ... | Delvis"), the first
 * cell of a row of several: what a screen reader should announce the
 * rest of the row with. */
static int
is_head_cell(struct lctx *c, const struct doc_node *n)
{
	const struct doc_node *t;

	if (n->kind == DOC_TH || (n->parent != NULL &&
	    n->parent->parent != NULL && n->parent->parent->kind == DOC_THEAD))
		return 1;
	if (n->prev != NULL || n->next == NULL ||
	    (t = table_of(n)) == NULL)
		return 0;
	return !table_has_heads(c, t);
}

/* The element type node n makes for itself, or -1: none, its content is
 * its parent's.  `in` is the element it would go into. */
static int
own_type(struct lctx *c, const struct doc_node *n, int in)
{
	enum lay_elem_type t = c->out->elems[in].type;

	switch (n->kind) {
	case DOC_SECTION:
		return LE_SECT;
	case DOC_DIV:
		if (n->classes & DOC_C_TOC)
			return LE_TOC;
		if (n->classes & (DOC_C_BOX | DOC_C_COVER))
			return LE_DIV;
		return -1;
	case DOC_H:
		return LE_H;
	case DOC_P:
		if ((n->flags & DOC_F_ANON) && (t == LE_TD || t == LE_TH ||
		    t == LE_LBODY || t == LE_CAPTION || t == LE_NOTE ||
		    t == LE_LINK))
			return -1;
		return LE_P;
	case DOC_UL:
	case DOC_OL:
		return LE_L;
	case DOC_LI:
		return LE_LI;
	case DOC_TABLE:
		return LE_TABLE;
	case DOC_CAPTION:
		return LE_CAPTION;
	case DOC_THEAD:
		return LE_THEAD;
	case DOC_TBODY:
		return LE_TBODY;
	case DOC_TR:
		return LE_TR;
	case DOC_TH:
	case DOC_TD:
		return is_head_cell(c, n) ? LE_TH : LE_TD;
	case DOC_FIGURE:
		if (is_chart_figure(n) || decorative(figure_image(n)))
			return -1;
		return LE_FIGURE;
	case DOC_FIGCAPTION:
		return t == LE_FIGURE ? LE_CAPTION : LE_P;
	case DOC_IMG:
		if (t == LE_FIGURE || decorative(n))
			return -1;
		return LE_FIGURE;
	case DOC_A:
		return LE_LINK;
	case DOC_SPAN:
		if (n->classes & DOC_C_FOOTNOTE)
			return LE_NOTE;
		if (n->lang != NULL && strcmp(n->lang, c->lang) != 0)
			return LE_SPAN;
		return -1;
	default:
		return -1;
	}
}

/* A header cell heads its column when its row is a header row (in the
 * thead, or all of it th); else it heads its row. */
static int
row_of_heads(const struct doc_node *n)
{
	const struct doc_node *k;

	if (n->parent == NULL)
		return 1;
	if (n->parent->parent != NULL && n->parent->parent->kind == DOC_THEAD)
		return 1;
	for (k = n->parent->first; k != NULL; k = k->next)
		if (k->kind == DOC_TD)
			return 0;
	return 1;
}

static void
describe(struct lctx *c, int e, const struct doc_node *n)
{
	struct lay_elem *el = &c->out->elems[e];
	const struct doc_node *img;

	if (n->lang != NULL && strcmp(n->lang, c->lang) != 0)
		el->lang = pv_xstrdup(n->lang);
	switch (el->type) {
	case LE_H:
		/* A screen reader's outline has no gaps: an h3 right after
		 * an h1 is read as the H2 it stands for. */
		el->level = n->level < 1 ? 1 : n->level > 6 ? 6 : n->level;
		if (el->level > c->h_level + 1)
			el->level = c->h_level + 1;
		c->h_level = el->level;
		break;
	case LE_TH:
		el->scope = row_of_heads(n) ? LS_SCOPE_COLUMN : LS_SCOPE_ROW;
		/* fall through */
	case LE_TD:
		el->colspan = n->colspan > 1 ? n->colspan : 1;
		el->rowspan = n->rowspan > 1 ? n->rowspan : 1;
		break;
	case LE_FIGURE:
		img = n->kind == DOC_IMG ? n : figure_image(n);
		if (img != NULL && img->alt != NULL)
			el->alt = pv_xstrdup(img->alt);
		break;
	case LE_NOTE:
		el->id = pv_xasprintf("fn%d", lx_note_number(c, n));
		break;
	default:
		break;
	}
}

/* The element the blocks inside node n go into (n's own, if it makes
 * one; an LI's is its LBody). */
static int
content_elem(struct lctx *c, const struct doc_node *n)
{
	int e = lx_elem_for(c, n);

	if (n->kind == DOC_LI)
		e = lx_elem_keyed(c, n, LE_LBODY, e, NULL);
	return e;
}

int
lx_elem_for(struct lctx *c, const struct doc_node *n)
{
	const struct doc_node *p;
	int in, type, e, made;

	if (n == NULL || n->kind == DOC_ROOT || c->out == NULL ||
	    c->out->nelems == 0)
		return 0;
	p = n->parent;
	in = p != NULL ? content_elem(c, p) : 0;
	if ((type = own_type(c, n, in)) < 0)
		return in;
	e = lx_elem_keyed(c, n, (enum lay_elem_type)type, in, &made);
	if (made)
		describe(c, e, n);
	return e;
}

/* A caption's words, ending in a full stop, then a space. */
static void
put_sentence(struct pv_buf *b, const struct doc_node *cap)
{
	char *text = lx_plain_text(cap);
	size_t len = strlen(text);

	while (len > 0 && text[len - 1] == ' ')
		len--;
	if (len > 0) {
		pv_buf_put(b, text, len);
		if (strchr(".:!?", text[len - 1]) == NULL)
			pv_buf_putc(b, '.');
		pv_buf_putc(b, ' ');
	}
	free(text);
}

/*
 * A chart table's picture: a Figure before its table, described by the
 * table's caption and the figure's, for a reader who cannot see the
 * bars; the figure's caption is read where it stands (after the table,
 * usually), as a paragraph.
 */
int
lx_chart_elem(struct lctx *c, const struct doc_node *table)
{
	const struct doc_node *p = table->parent, *k;
	struct pv_buf b;
	int in, e, made;

	in = p != NULL ? content_elem(c, p) : 0;
	e = lx_elem_keyed(c, table, LE_FIGURE, in, &made);
	if (!made)
		return e;
	pv_buf_init(&b);
	for (k = table->first; k != NULL; k = k->next)
		if (k->kind == DOC_CAPTION)
			put_sentence(&b, k);
	if (is_chart_figure(p))
		for (k = p->first; k != NULL; k = k->next)
			if (k->kind == DOC_FIGCAPTION)
				put_sentence(&b, k);
	pv_buf_puts(&b, c->labels->chart_alt);
	c->out->elems[e].alt = pv_buf_take(&b);
	return e;
}

/* The label and body of a list item. */
int
lx_elem_lbl(struct lctx *c, const struct doc_node *li)
{
	return lx_elem_keyed(c, li, LE_LBL, lx_elem_for(c, li), NULL);
}

int
lx_elem_enter(struct lctx *c, struct vlist *vl, const struct doc_node *n)
{
	int prev = vl->elem;

	vl->elem = lx_elem_for(c, n);
	return prev;
}
