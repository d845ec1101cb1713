/*
 * emit_tags.c - the structure tree of a tagged PDF (PDF/UA-1, PDF/A-2a).
 *
 * Layout says which element every item is part of (pages.h); emit_draw
 * wraps the items of one element that follow each other on a page in a
 * marked-content sequence with an MCID, and everything that is not
 * content (running heads, rules, fills, repeated header rows) in an
 * Artifact sequence.  Here each MCID and each link annotation is noted
 * as a child of its element, and at the end the elements are written as
 * StructElem dictionaries under a StructTreeRoot, with the ParentTree
 * that maps a page's MCIDs and an annotation back to their elements.
 *
 * The order of an element's children is the order its content first
 * appears in the content streams, which is layout's reading order: a
 * child element takes its place the moment its first content (or a
 * descendant's) is drawn.  Elements that never show anything are left
 * out, except table cells: an empty cell still holds its place in its
 * row, after the cell made before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "../util/buf.h"
#include "../util/mem.h"
#include "emit_int.h"

enum tkid_kind {
	TK_ELEM,
	TK_MCR,
	TK_OBJR,
};

struct tkid {
	enum tkid_kind kind;
	int elem;               /* TK_ELEM */
	int page;               /* TK_MCR, TK_OBJR */
	int mcid;               /* TK_MCR */
	unsigned annot;         /* TK_OBJR: its object number */
};

struct telem {
	struct tkid *kids;
	size_t n, cap;
	int attached;
	int page;               /* of its first MCR or OBJR, -1: none */
	int num;                /* object number, once written */
};

struct emit_tags {
	struct telem *e;
	size_t ne;
	HPDF_Dict root;         /* the StructTreeRoot, filled in by emit_pack */
	int *mcid_elem;         /* per MCID of every page, in page order */
	size_t nmcid, capmcid;
	size_t *page_first;     /* page p's MCIDs: [page_first[p], [p+1]) */
	int *annot_elem;        /* per link annotation, in order */
	size_t nannot, capannot;
	int page;
	int mcid;               /* the next on this page */
	struct pv_buf *link_text; /* per element: a link's words */
};

static const char *const type_names[] = {
	[LE_DOCUMENT] = "Document", [LE_SECT] = "Sect", [LE_DIV] = "Div",
	[LE_H] = "H", [LE_P] = "P", [LE_L] = "L", [LE_LI] = "LI",
	[LE_LBL] = "Lbl", [LE_LBODY] = "LBody", [LE_TABLE] = "Table",
	[LE_THEAD] = "THead", [LE_TBODY] = "TBody", [LE_TR] = "TR",
	[LE_TH] = "TH", [LE_TD] = "TD", [LE_FIGURE] = "Figure",
	[LE_CAPTION] = "Caption", [LE_LINK] = "Link", [LE_TOC] = "TOC",
	[LE_TOCI] = "TOCI", [LE_NOTE] = "Note", [LE_SPAN] = "Span",
};

static const struct lay_elem *
elem_of(const struct emit_ctx *c, int e)
{
	static const struct lay_elem document = { LE_DOCUMENT, -1, 0,
		LS_SCOPE_COLUMN, 1, 1, NULL, NULL, NULL, NULL };

	if (e <= 0 || (size_t)e >= c->doc->nelems)
		return c->doc->nelems > 0 ? &c->doc->elems[0] : &document;
	return &c->doc->elems[e];
}

int
emit_tags_elem(const struct emit_ctx *c, const struct lay_item *it)
{
	return it->elem > 0 && (size_t)it->elem < c->doc->nelems ? it->elem : 0;
}

const char *
emit_tags_name(const struct emit_ctx *c, int e)
{
	static const char *const h[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
	const struct lay_elem *el = elem_of(c, e);

	if (el->type == LE_H)
		return h[el->level < 1 ? 0 : el->level > 6 ? 5 : el->level - 1];
	if ((unsigned)el->type >= sizeof(type_names) / sizeof(type_names[0]))
		return "P";
	return type_names[el->type];
}

/* "nb" is Norwegian Bokmål as written in Norway: "nb-NO". */
void
emit_lang_tag(const char *lang, char *buf, size_t size)
{
	if (lang == NULL || lang[0] == '\0')
		lang = "nb";
	if (strcmp(lang, "nb") == 0 || strcmp(lang, "nn") == 0 ||
	    strcmp(lang, "se") == 0)
		snprintf(buf, size, "%s-NO", lang);
	else if (strcmp(lang, "no") == 0)
		snprintf(buf, size, "nb-NO");
	else
		snprintf(buf, size, "%s", lang);
}

static void
push_kid(struct telem *t, const struct tkid *k)
{
	PV_GROW(t->kids, t->cap, t->n + 1);
	t->kids[t->n++] = *k;
}

static int
parent_of(const struct emit_ctx *c, int e)
{
	int p = elem_of(c, e)->parent;

	/* layout makes a parent before its children; anything else would
	 * be a cycle */
	return p < 0 || (size_t)p >= c->tags->ne || p >= e ? 0 : p;
}

/* Element e shows something: it takes its place after what its parent
 * has shown so far, and its parent likewise. */
static void
attach(struct emit_ctx *c, int e)
{
	struct emit_tags *g = c->tags;
	struct tkid k;
	int p;

	if (e <= 0 || g->e[e].attached)
		return;
	g->e[e].attached = 1;
	p = parent_of(c, e);
	attach(c, p);
	memset(&k, 0, sizeof(k));
	k.kind = TK_ELEM;
	k.elem = e;
	push_kid(&g->e[p], &k);
}

void
emit_tags_begin(struct emit_ctx *c)
{
	struct emit_tags *g;
	size_t p, i;

	if (c->opt->no_tags)
		return;
	g = c->tags = pv_xcalloc(1, sizeof(*g));
	g->ne = c->doc->nelems > 0 ? c->doc->nelems : 1;
	g->e = pv_xcalloc(g->ne, sizeof(*g->e));
	for (i = 0; i < g->ne; i++)
		g->e[i].page = -1;
	g->e[0].attached = 1;
	g->page_first = pv_xcalloc(c->doc->npages + 1, sizeof(size_t));
	/* A link annotation's /Contents is the words of its link. */
	for (p = 0; p < c->doc->npages; p++)
		for (i = 0; i < c->doc->pages[p].n; i++) {
			const struct lay_item *it = &c->doc->pages[p].items[i];
			int e = emit_tags_elem(c, it);

			if (it->kind != LK_TEXT || it->role == LR_ARTIFACT ||
			    e == 0 || elem_of(c, e)->type != LE_LINK)
				continue;
			if (g->link_text == NULL)
				g->link_text = pv_xcalloc(g->ne,
				    sizeof(*g->link_text));
			if (g->link_text[e].len > 0)
				pv_buf_putc(&g->link_text[e], ' ');
			pv_buf_put(&g->link_text[e], it->text, it->text_len);
		}
}

void
emit_tags_page(struct emit_ctx *c, int page)
{
	struct emit_tags *g = c->tags;

	if (g == NULL || c->failed)
		return;
	g->page = page;
	g->mcid = 0;
	g->page_first[page] = g->nmcid;
	g->page_first[page + 1] = g->nmcid;
	HPDF_Dict_AddNumber(c->pages[page], "StructParents", page);
	/* Tab through the annotations in the structure's order. */
	HPDF_Dict_AddName(c->pages[page], "Tabs", "S");
	emit_check(c);
}

int
emit_tags_mcid(struct emit_ctx *c, int e)
{
	struct emit_tags *g = c->tags;
	struct tkid k;

	attach(c, e);
	memset(&k, 0, sizeof(k));
	k.kind = TK_MCR;
	k.page = g->page;
	k.mcid = g->mcid;
	if (g->e[e].page < 0)
		g->e[e].page = g->page;
	push_kid(&g->e[e], &k);
	PV_GROW(g->mcid_elem, g->capmcid, g->nmcid + 1);
	g->mcid_elem[g->nmcid++] = e;
	g->page_first[g->page + 1] = g->nmcid;
	return g->mcid++;
}

void
emit_tags_annot(struct emit_ctx *c, HPDF_Dict annot, const struct lay_item *it)
{
	struct emit_tags *g = c->tags;
	struct tkid k;
	int e = emit_tags_elem(c, it);
	const char *words = NULL;

	if (g == NULL || c->failed)
		return;
	attach(c, e);
	memset(&k, 0, sizeof(k));
	k.kind = TK_OBJR;
	k.page = g->page;
	k.annot = annot->header.obj_id & 0x00FFFFFF;
	if (g->e[e].page < 0)
		g->e[e].page = g->page;
	push_kid(&g->e[e], &k);
	HPDF_Dict_AddNumber(annot, "StructParent", (HPDF_INT32)(
	    c->doc->npages + g->nannot));
	PV_GROW(g->annot_elem, g->capannot, g->nannot + 1);
	g->annot_elem[g->nannot++] = e;
	/* What the link is, for a reader that lists links. */
	if (g->link_text != NULL && g->link_text[e].len > 0)
		words = g->link_text[e].data;
	else if (it->uri != NULL && it->uri[0] != '\0' && it->uri[0] != '#')
		words = it->uri;
	HPDF_Dict_Add(annot, "Contents", emit_text_string(c, words != NULL ?
	    words : "Lenke"));
	emit_check(c);
}

/* An empty cell, never attached by content: in its row after the cell
 * made before it, so the columns stay in place. */
static void
attach_empty(struct emit_ctx *c, int e)
{
	struct emit_tags *g = c->tags;
	struct telem *pt;
	struct tkid k;
	size_t i, at = 0;
	int p;

	if (g->e[e].attached)
		return;
	p = parent_of(c, e);
	attach_empty(c, p);
	g->e[e].attached = 1;
	pt = &g->e[p];
	for (i = 0; i < pt->n; i++)
		if (pt->kids[i].kind == TK_ELEM && pt->kids[i].elem < e)
			at = i + 1;
	PV_GROW(pt->kids, pt->cap, pt->n + 1);
	memmove(pt->kids + at + 1, pt->kids + at, (pt->n - at) *
	    sizeof(*pt->kids));
	memset(&k, 0, sizeof(k));
	k.kind = TK_ELEM;
	k.elem = e;
	pt->kids[at] = k;
	pt->n++;
}

/* The page's object number. */
static unsigned
page_num(const struct emit_ctx *c, int page)
{
	return c->pages[page]->header.obj_id & 0x00FFFFFF;
}

/* A text string: literal when printable ASCII, else UTF-16BE in hex. */
static void
put_string(struct pv_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char *u;
	size_t len, i;

	if (emit_is_ascii(s)) {
		pv_buf_putc(b, '(');
		for (; *s; s++) {
			if (*s == '(' || *s == ')' || *s == '\\')
				pv_buf_putc(b, '\\');
			pv_buf_putc(b, *s);
		}
		pv_buf_putc(b, ')');
		return;
	}
	u = emit_utf16(s, &len);
	pv_buf_putc(b, '<');
	for (i = 0; i < len; i++) {
		pv_buf_putc(b, hex[u[i] >> 4]);
		pv_buf_putc(b, hex[u[i] & 15]);
	}
	pv_buf_putc(b, '>');
	free(u);
}

/* "12 0 R" */
static void
put_ref(struct pv_buf *b, unsigned num)
{
	pv_buf_put_uint(b, num);
	pv_buf_put(b, " 0 R", 4);
}

static void
put_attrs(struct pv_buf *b, const struct lay_elem *el)
{
	if (el->type != LE_TH && el->colspan <= 1 && el->rowspan <= 1)
		return;
	pv_buf_puts(b, "/A<</O/Table");
	if (el->type == LE_TH)
		pv_buf_printf(b, "/Scope/%s", el->scope == LS_SCOPE_ROW ?
		    "Row" : el->scope == LS_SCOPE_BOTH ? "Both" : "Column");
	if (el->colspan > 1)
		pv_buf_printf(b, "/ColSpan %d", el->colspan);
	if (el->rowspan > 1)
		pv_buf_printf(b, "/RowSpan %d", el->rowspan);
	pv_buf_puts(b, ">>");
}

/* A link whose target was not placed lost its annotation: its words
 * are then a Span, not a Link to nowhere. */
static int
has_objr(const struct telem *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->kids[i].kind == TK_OBJR)
			return 1;
	return 0;
}

static void
put_elem(const struct emit_ctx *c, struct pv_buf *b, int e, int root)
{
	const struct emit_tags *g = c->tags;
	const struct telem *t = &g->e[e];
	const struct lay_elem *el = elem_of(c, e);
	size_t i;
	char lang[32];

	pv_buf_put(b, "<</S/", 5);
	pv_buf_puts(b, el->type == LE_LINK && !has_objr(t) ? "Span" :
	    emit_tags_name(c, e));
	pv_buf_put(b, "/P ", 3);
	put_ref(b, (unsigned)(e == 0 ? root : g->e[parent_of(c, e)].num));
	if (t->page >= 0) {
		pv_buf_put(b, "/Pg ", 4);
		put_ref(b, page_num(c, t->page));
	}
	if (el->type == LE_FIGURE) {
		pv_buf_puts(b, "/Alt");
		put_string(b, el->alt != NULL ? el->alt : "");
	}
	if (el->lang != NULL && el->lang[0] != '\0') {
		emit_lang_tag(el->lang, lang, sizeof(lang));
		pv_buf_puts(b, "/Lang");
		put_string(b, lang);
	}
	if (el->id != NULL) {
		pv_buf_puts(b, "/ID");
		put_string(b, el->id);
	}
	put_attrs(b, el);
	if (t->n == 1 && t->kids[0].kind == TK_MCR &&
	    t->kids[0].page == t->page) {
		pv_buf_put(b, "/K ", 3);
		pv_buf_put_uint(b, (unsigned)t->kids[0].mcid);
		pv_buf_put(b, ">>", 2);
		return;
	}
	pv_buf_puts(b, "/K[");
	for (i = 0; i < t->n; i++) {
		const struct tkid *k = &t->kids[i];

		if (i > 0)
			pv_buf_putc(b, ' ');
		if (k->kind == TK_ELEM)
			put_ref(b, (unsigned)g->e[k->elem].num);
		else if (k->kind == TK_MCR && k->page == t->page)
			pv_buf_put_uint(b, (unsigned)k->mcid);
		else if (k->kind == TK_MCR)
			pv_buf_printf(b, "<</Type/MCR/Pg %u 0 R/MCID %d>>",
			    page_num(c, k->page), k->mcid);
		else
			pv_buf_printf(b, "<</Type/OBJR/Pg %u 0 R/Obj %u 0 R>>",
			    page_num(c, k->page), k->annot);
	}
	pv_buf_puts(b, "]>>");
}

/* The root: the document element, the ParentTree, the Note IDs (their
 * names, fn000001..., sort as their numbers do). */
static void
put_root(const struct emit_ctx *c, struct pv_buf *b)
{
	const struct emit_tags *g = c->tags;
	size_t p, i, e;
	int ids = 0;

	pv_buf_printf(b, "<</Type/StructTreeRoot/K %d 0 R/ParentTree<</Nums[",
	    g->e[0].num);
	for (p = 0; p < c->doc->npages; p++) {
		pv_buf_put_uint(b, p);
		pv_buf_putc(b, '[');
		for (i = g->page_first[p]; i < g->page_first[p + 1]; i++) {
			if (i > g->page_first[p])
				pv_buf_putc(b, ' ');
			put_ref(b, (unsigned)g->e[g->mcid_elem[i]].num);
		}
		pv_buf_put(b, "]\n", 2);
	}
	for (i = 0; i < g->nannot; i++)
		pv_buf_printf(b, "%zu %d 0 R\n", c->doc->npages + i,
		    g->e[g->annot_elem[i]].num);
	pv_buf_printf(b, "]>>/ParentTreeNextKey %zu", c->doc->npages +
	    g->nannot);
	for (e = 0; e < g->ne && e < c->doc->nelems; e++) {
		if (!g->e[e].attached || c->doc->elems[e].id == NULL)
			continue;
		pv_buf_puts(b, ids++ ? " " : "/IDTree<</Names[");
		put_string(b, c->doc->elems[e].id);
		pv_buf_printf(b, " %d 0 R", g->e[e].num);
	}
	if (ids)
		pv_buf_puts(b, "]>>");
	pv_buf_puts(b, ">>");
}

void
emit_tags_end(struct emit_ctx *c)
{
	struct emit_tags *g = c->tags;
	HPDF_Dict mark;
	size_t e;

	if (g == NULL || c->failed)
		return;
	c->doing = "writing the structure tree";
	for (e = 1; e < g->ne; e++) {
		enum lay_elem_type t = elem_of(c, (int)e)->type;

		if (!g->e[e].attached && (t == LE_TD || t == LE_TH))
			attach_empty(c, (int)e);
	}
	/* A place for the root, filled in when the file is packed. */
	g->root = HPDF_Dict_New(c->pdf->mmgr);
	mark = HPDF_Dict_New(c->pdf->mmgr);
	if (g->root == NULL || mark == NULL ||
	    HPDF_Xref_Add(c->pdf->xref, g->root) != HPDF_OK) {
		emit_check(c);
		return;
	}
	HPDF_Dict_Add(c->pdf->catalog, "StructTreeRoot", g->root);
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(c->pdf->catalog, "MarkInfo", mark);
	emit_check(c);
	c->doing = NULL;
}

static void
objs_add(struct emit_objs *x, int num, size_t at)
{
	PV_GROW(x->v, x->cap, x->n + 1);
	x->v[x->n].num = num;
	x->v[x->n].at = at;
	x->v[x->n].len = x->buf.len - at;
	x->n++;
}

/*
 * The tree as objects for emit_pack: the root in place of its
 * placeholder, then one object per element shown, numbered from `next`,
 * the first number libharu has not used.
 */
void
emit_tags_objects(struct emit_ctx *c, int next, struct emit_objs *x)
{
	struct emit_tags *g = c->tags;
	int root;
	size_t e, at;

	if (g == NULL || g->root == NULL || c->failed)
		return;
	root = (int)(g->root->header.obj_id & 0x00FFFFFF);
	for (e = 0; e < g->ne; e++)
		if (g->e[e].attached)
			g->e[e].num = next++;
	at = x->buf.len;
	put_root(c, &x->buf);
	objs_add(x, root, at);
	x->nreplace = 1;
	for (e = 0; e < g->ne; e++) {
		if (!g->e[e].attached)
			continue;
		at = x->buf.len;
		put_elem(c, &x->buf, (int)e, root);
		objs_add(x, g->e[e].num, at);
	}
}

void
emit_tags_free(struct emit_ctx *c)
{
	struct emit_tags *g = c->tags;
	size_t e;

	if (g == NULL)
		return;
	for (e = 0; e < g->ne; e++)
		free(g->e[e].kids);
	if (g->link_text != NULL)
		for (e = 0; e < g->ne; e++)
			pv_buf_free(&g->link_text[e]);
	free(g->link_text);
	free(g->mcid_elem);
	free(g->page_first);
	free(g->annot_elem);
	free(g->e);
	free(g);
	c->tags = NULL;
}
