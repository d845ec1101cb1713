/*
 * layout_table.c - setting a table: cells, rows, rules, page breaks.
 *
 * Rows connected by rowspans form a group that becomes one slice, so a
 * page never breaks through a spanning cell; every slice draws its own
 * fills, content and grid lines, so that what a page shows of a table is
 * always closed.  The header rows are remembered by the table container
 * and repeated by the page breaker on every page the table continues
 * onto.  A single row taller than a page is cut into pieces between the
 * lines of its cells, so text is never drawn outside its cell; a group of
 * rows joined by a rowspan that is taller than a page is an error.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

#define RULE_W 0.5
#define SUM_RULE_W 1.0
#define EPS 0.001
/* A table at most this part of a page tall is moved whole to the next
 * page rather than split; a taller one starts on a partly filled page
 * and breaks between rows, so no page is left nearly empty for it. */
#define SMALL_TABLE_PART (1.0 / 3)
/* Two body rows at most this part of a page tall keep together at the
 * start of a table, and at most LAST_PAIR_PART at its end: a last row
 * alone under a repeated header (a goal table's "Sum") reads worse than
 * a page left shorter. */
#define PAIR_PART (1.0 / 4)
#define LAST_PAIR_PART 0.4

/* What of each cell one slice shows: its content slices [from, to),
 * the first placed `origin` points below the cell's top padding. */
struct piece {
	size_t from, to;
	double origin;
};

struct tset {
	struct lctx *c;
	struct flow *fl;
	struct tgrid *g;
	double head_h;
	size_t *body;           /* first slice of every body group */
	size_t nbody, capbody;
	double total;
	int body_row;           /* body rows so far (stripes) */
};

static enum pv_status
set_cell(struct tset *t, struct tcell *tc, double cap)
{
	struct tgrid *g = t->g;
	struct flow in;
	double w = g->cx[tc->col + tc->cs] - g->cx[tc->col] - 2 * g->pad;
	enum pv_status st;

	if (tc->n == NULL)
		return PV_OK;
	flow_child(t->fl, &in, g->cx[tc->col] + g->pad, w > 1 ? w : 1);
	in.vl = &tc->vl;
	tc->vl.elem = lx_elem_for(t->c, tc->n);
	in.ts = tc->head ? g->hs : g->ts;
	in.role = tc->head ? LR_TH : LR_TD;
	in.align = (tc->n->classes & DOC_C_NUM) ? PARA_RIGHT :
	    (tc->n->classes & DOC_C_CENTER) ? PARA_CENTER : PARA_LEFT;
	in.bold = tc->sum;
	in.para_space = 3;
	in.depth = 0;
	in.in_cell = 1;
	in.lang = lx_lang(t->c, tc->n);
	in.cap = cap;
	st = lx_blocks(t->c, &in, tc->n->first);
	tc->tops = pv_xreallocarray(NULL, tc->vl.n + 1, sizeof(double));
	tc->ch = vl_positions(&tc->vl, tc->tops);
	return st;
}

static void
line(struct vlist *vl, double x, double y, double x2, double y2, double w,
    uint32_t color)
{
	struct lay_item *it = vl_item(vl, LK_LINE, LR_ARTIFACT);

	it->x = x;
	it->y = y;
	it->x2 = x2;
	it->y2 = y2;
	it->line_width = w;
	it->color = color;
}

static void
fill(struct vlist *vl, double x, double top, double w, double h,
    uint32_t color)
{
	struct lay_item *it;

	if (color == NO_FILL || h <= 0)
		return;
	it = vl_item(vl, LK_RECT, LR_ARTIFACT);
	it->x = x;
	it->y = -(top + h);
	it->w = w;
	it->h = h;
	it->fill = color;
}

/* Box fills inside a cell, cut to what this slice shows of it. */
static void
cell_decos(struct vlist *vl, struct tcell *tc, const struct piece *p,
    double top, double pad, double shown)
{
	double a, b;
	size_t k;

	for (k = 0; k < tc->vl.nc; k++) {
		const struct vcont *bx = &tc->vl.c[k];

		if (bx->kind != VC_BOX || bx->empty || bx->fill == NO_FILL)
			continue;
		vl_cont_edges(&tc->vl, k, tc->tops, &a, &b);
		if (a < p->origin)
			a = p->origin;
		if (b > p->origin + shown)
			b = p->origin + shown;
		if (b <= a)
			continue;
		fill(vl, bx->x, top + pad + a - p->origin, bx->w, b - a,
		    bx->fill);
		fill(vl, bx->x, top + pad + a - p->origin, bx->rule_w, b - a,
		    bx->rule);
	}
}

/* Move what the slice shows of a cell into it; its anchors follow. */
static void
cell_content(struct vlist *vl, struct tcell *tc, const struct piece *p,
    double top, double pad, size_t slice)
{
	struct lay_item *it;
	struct vslice *s;
	size_t j, i;

	for (j = p->from; j < p->to; j++) {
		s = &tc->vl.s[j];
		for (i = 0; i < s->nitems; i++) {
			it = vl_item(vl, LK_TEXT, LR_NONE);
			vl_move_item(it, &tc->vl.items[s->item0 + i], 0,
			    -(top + pad + tc->tops[j] - p->origin));
		}
	}
	/* The footnotes of the lines shown go with the row's slice. */
	if (slice + 1 == vl->n)
		for (j = p->from; j < p->to; j++)
			for (i = 0; i < tc->vl.s[j].nfn; i++)
				vl_note(vl, tc->vl.fn[tc->vl.s[j].fn0 + i]);
	for (i = 0; i < tc->vl.na; i++)
		if (tc->vl.a[i].slice >= p->from && (tc->vl.a[i].slice < p->to ||
		    p->to == tc->vl.n)) {
			PV_GROW(vl->a, vl->capa, vl->na + 1);
			vl->a[vl->na] = tc->vl.a[i];
			vl->a[vl->na++].slice = slice;
			tc->vl.a[i].slice = (size_t)-1;
		}
}

/*
 * One slice of rows [r0, r1) (all their cells in cells[a, b)), with row
 * heights rowh; pieces say what of each cell it shows.
 */
static void
emit_slice(struct tset *t, size_t a, size_t b, int r0, const double *rowh,
    int nrows, const struct piece *pc)
{
	struct tgrid *g = t->g;
	struct vlist *vl = t->fl->vl;
	const struct theme *th = t->c->th;
	double *rowtop, G, x0 = g->cx[0], x1 = g->cx[g->ncols];
	double top, h, x, w, base;
	struct tcell *tc;
	size_t i, si;
	int r, striped;

	rowtop = pv_xreallocarray(NULL, (size_t)nrows + 1, sizeof(double));
	rowtop[0] = 0;
	for (r = 0; r < nrows; r++)
		rowtop[r + 1] = rowtop[r] + rowh[r];
	G = rowtop[nrows];
	tc = &g->cells[a];
	base = g->pad + (tc->vl.n > pc[0].from ? tc->tops[pc[0].from] -
	    pc[0].origin + tc->vl.s[pc[0].from].base : g->ts->size);
	vs_new(vl, G, base);
	si = vl->n - 1;
	striped = th->table_stripe_fill != NO_FILL && t->body_row % 2 == 1;
	for (i = a; i < b; i++) {
		tc = &g->cells[i];
		top = rowtop[tc->row - r0];
		h = rowtop[tc->row - r0 + tc->rs] - top;
		x = g->cx[tc->col];
		w = g->cx[tc->col + tc->cs] - x;
		if (tc->head || (tc->n != NULL && tc->n->kind == DOC_TH))
			fill(vl, x, top, w, h, th->table_header_fill);
		else if (striped)
			fill(vl, x, top, w, h, th->table_stripe_fill);
		cell_decos(vl, tc, &pc[i - a], top, g->pad, h - 2 * g->pad);
	}
	for (i = a; i < b; i++) {
		tc = &g->cells[i];
		cell_content(vl, tc, &pc[i - a], rowtop[tc->row - r0], g->pad,
		    si);
	}
	line(vl, x0, 0, x1, 0, RULE_W, th->table_rule);
	line(vl, x0, 0, x0, -G, RULE_W, th->table_rule);
	for (i = a; i < b; i++) {
		tc = &g->cells[i];
		top = rowtop[tc->row - r0];
		h = rowtop[tc->row - r0 + tc->rs];
		x = g->cx[tc->col];
		w = g->cx[tc->col + tc->cs];
		line(vl, w, -top, w, -h, RULE_W, th->table_rule);
		line(vl, x, -h, w, -h, RULE_W, th->table_rule);
	}
	/* A sum row: a stronger rule above it. */
	for (r = 0; r < nrows; r++)
		if (g->rows[r0 + r]->classes & DOC_C_SUM)
			line(vl, x0, -rowtop[r], x1, -rowtop[r], SUM_RULE_W,
			    th->body.color);
	free(rowtop);
}

/* Row heights of rows [r0, r1) from their cells' content. */
static void
row_heights(struct tset *t, size_t a, size_t b, int r0, int r1,
    double *rowh)
{
	struct tgrid *g = t->g;
	double min = g->ts->leading + 2 * g->pad, sum;
	struct tcell *tc;
	size_t i;
	int r;

	for (r = r0; r < r1; r++)
		rowh[r - r0] = min;
	for (i = a; i < b; i++) {
		tc = &g->cells[i];
		if (tc->rs == 1 && tc->ch + 2 * g->pad > rowh[tc->row - r0])
			rowh[tc->row - r0] = tc->ch + 2 * g->pad;
	}
	for (i = a; i < b; i++) {
		tc = &g->cells[i];
		if (tc->rs == 1)
			continue;
		sum = 0;
		for (r = tc->row; r < tc->row + tc->rs; r++)
			sum += rowh[r - r0];
		if (tc->ch + 2 * g->pad > sum)
			rowh[tc->row + tc->rs - 1 - r0] += tc->ch + 2 * g->pad -
			    sum;
	}
}

/* A row taller than a page: pieces cut between the lines of its cells. */
static enum pv_status
split_row(struct tset *t, size_t a, size_t b, int r0, double cap)
{
	struct tgrid *g = t->g;
	struct piece *pc;
	double room = cap - 2 * g->pad, P, ph, start;
	struct tcell *tc;
	size_t i, k;
	int left, progress;

	pc = pv_xcalloc(b - a, sizeof(*pc));
	for (left = 1; left;) {
		P = 0;
		left = progress = 0;
		for (i = a; i < b; i++) {
			tc = &g->cells[i];
			k = pc[i - a].from = pc[i - a].to;
			start = k < tc->vl.n ? tc->tops[k] : 0;
			pc[i - a].origin = start;
			while (k < tc->vl.n && tc->tops[k] + tc->vl.s[k].h -
			    start <= room + EPS)
				k++;
			if (k > pc[i - a].from) {
				progress = 1;
				ph = tc->tops[k - 1] + tc->vl.s[k - 1].h - start;
				if (ph > P)
					P = ph;
			}
			pc[i - a].to = k;
			if (k < tc->vl.n)
				left = 1;
		}
		if (!progress) {
			pv_diag(t->c->d, PV_ERROR, t->c->doc->file,
			    g->rows[r0]->line, 0, "a table cell holds "
			    "something taller than a page, which cannot be "
			    "split (an image or a nested table row)");
			free(pc);
			return PV_EINPUT;
		}
		P += 2 * g->pad;
		emit_slice(t, a, b, r0, &P, 1, pc);
	}
	free(pc);
	return PV_OK;
}

/* Set the cells of rows [r0, r1) and make their slice(s). */
static enum pv_status
set_group(struct tset *t, size_t a, size_t b, int r0, int r1, int head)
{
	struct tgrid *g = t->g;
	struct piece *pc;
	double *rowh, cap, G = 0;
	enum pv_status st = PV_OK, r;
	size_t i, first = t->fl->vl->n;
	int k;

	pc = pv_xcalloc(b - a, sizeof(*pc));
	rowh = pv_xreallocarray(NULL, (size_t)(r1 - r0), sizeof(double));
	cap = t->fl->cap - (head ? 0 : t->head_h);
	for (i = a; i < b; i++) {
		r = set_cell(t, &g->cells[i], cap - 2 * g->pad);
		if (r > st)
			st = r;
	}
	row_heights(t, a, b, r0, r1, rowh);
	/* A row's id is a link target (<tr id="rad-1">): the slice the
	 * group starts. */
	for (k = r0; k < r1; k++)
		if (g->rows[k]->id != NULL)
			vl_anchor(t->fl->vl, g->rows[k]->id, -1);
	for (k = 0; k < r1 - r0; k++)
		G += rowh[k];
	for (i = a; i < b; i++) {
		pc[i - a].from = 0;
		pc[i - a].to = g->cells[i].vl.n;
		pc[i - a].origin = 0;
	}
	if (G <= cap + EPS)
		emit_slice(t, a, b, r0, rowh, r1 - r0, pc);
	else if (r1 - r0 == 1) {
		r = split_row(t, a, b, r0, cap);
		if (r > st)
			st = r;
	} else {
		pv_diag(t->c->d, PV_ERROR, t->c->doc->file, g->rows[r0]->line,
		    0, "rows joined by a rowspan are taller than a page "
		    "together; use a smaller rowspan");
		st = PV_EINPUT;
	}
	if (!head && t->fl->vl->n > first) {
		PV_GROW(t->body, t->capbody, t->nbody + 1);
		t->body[t->nbody++] = first;
		t->body_row += r1 - r0;
	}
	for (i = first; i < t->fl->vl->n; i++)
		t->total += t->fl->vl->s[i].h;
	for (i = a; i < b; i++) {
		vl_free(&g->cells[i].vl);
		free(g->cells[i].tops);
		g->cells[i].tops = NULL;
	}
	free(pc);
	free(rowh);
	return st;
}

/* The rows of the group starting at cells[a]: until no rowspan reaches
 * further. */
static size_t
group_end(const struct tgrid *g, size_t a, int *r1)
{
	size_t b = a;
	int end = g->cells[a].row + 1;

	while (b < g->nc && g->cells[b].row < end) {
		if (g->cells[b].row + g->cells[b].rs > end)
			end = g->cells[b].row + g->cells[b].rs;
		b++;
	}
	*r1 = end;
	return b;
}

/* The height of body groups [k0, k1). */
static double
rows_h(const struct tset *t, size_t k0, size_t k1)
{
	const struct vlist *vl = t->fl->vl;
	size_t i, end = k1 < t->nbody ? t->body[k1] : vl->n;
	double h = 0;

	for (i = t->body[k0]; i < end; i++)
		h += vl->s[i].h;
	return h;
}

/* Where a page may break inside the table (see the top of the file). */
static void
table_breaks(struct tset *t, size_t first, size_t head0, size_t head1)
{
	struct vlist *vl = t->fl->vl;
	size_t i, m = t->nbody;

	for (i = head0; i < head1; i++)
		vl->s[i].flags |= VS_HEAD | (i > head0 ? VS_NOBREAK : 0);
	if (m > 0 && (head1 > head0 || t->g->caption != NULL) &&
	    t->body[0] > first)
		vl->s[t->body[0]].flags |= VS_NOBREAK;
	if (t->total <= t->fl->cap * SMALL_TABLE_PART) {
		for (i = first + 1; i < vl->n; i++)
			vl->s[i].flags |= VS_NOBREAK;
		return;
	}
	/* A larger table starts wherever its header and first two rows
	 * fit, and leaves no last row alone; rows so tall that two of
	 * them are a good part of a page go one by one. */
	if (m >= 3 && rows_h(t, 0, 2) <= t->fl->cap * PAIR_PART)
		vl->s[t->body[1]].flags |= VS_NOBREAK;
	if (m >= 4 && rows_h(t, m - 2, m) <= t->fl->cap * LAST_PAIR_PART)
		vl->s[t->body[m - 1]].flags |= VS_NOBREAK;
}

static enum pv_status
table_rows(struct tset *t)
{
	struct tgrid *g = t->g;
	struct vlist *vl = t->fl->vl;
	size_t a, b, head0, first = vl->n;
	enum pv_status st = PV_OK, r;
	int ci, r1;

	ci = vl_open(vl, VC_TABLE);
	head0 = vl->n;
	for (a = 0; a < g->nc && g->cells[a].row < g->nhead; a = b) {
		b = group_end(g, a, &r1);
		r = set_group(t, a, b, g->cells[a].row, r1, 1);
		st = r > st ? r : st;
	}
	vl->c[ci].head0 = head0;
	vl->c[ci].head1 = vl->n;
	for (b = head0; b < vl->n; b++)
		t->head_h += vl->s[b].h;
	vl->c[ci].head_h = t->head_h;
	if (t->head_h > t->fl->cap / 3) {
		/* Repeating a header this tall would leave no room. */
		vl->c[ci].head1 = vl->c[ci].head0;
		t->head_h = 0;
	}
	t->total = 0;
	for (; a < g->nc && !t->c->fatal; a = b) {
		b = group_end(g, a, &r1);
		r = set_group(t, a, b, g->cells[a].row, r1, 0);
		st = r > st ? r : st;
		r = lx_pages_check(t->c, vl, g->rows[g->cells[a].row]->line);
		st = r > st ? r : st;
	}
	vl_close(vl, ci);
	t->total += vl->c[ci].head_h;
	if (vl->n > first)
		table_breaks(t, first, head0, vl->c[ci].head1);
	return st;
}

static void
table_styles(struct lctx *c, const struct doc_node *n, struct tgrid *g)
{
	int small = (n->classes & DOC_C_SMALL) != 0;

	g->ts = small ? &c->small_table : &c->th->table;
	g->hs = small ? &c->small_head : &c->th->table_header;
	g->pad = c->th->cell_padding;
}

/*
 * Whether the table goes on landscape pages of its own: asked for by a
 * class on it or on a section around it, or, when the theme lets wide
 * tables turn (page.wide_tables), because across the portrait page its
 * longest words do not fit side by side.  Hyphenating them instead
 * looked like the smaller evil while the dictionary gave few points;
 * with all of them (hyph_trie.c) a six-column table shrinks to columns
 * of 50 pt, a hyphen on every other line (Vestvågøy p7).  Only a table
 * in the main text: one in a list, box or cell stays where it is.
 */
static int
wants_landscape(struct lctx *c, const struct flow *fl, struct tgrid *g)
{
	const struct doc_node *p;

	if (c->land_w <= c->body_w || fl->vl != c->main_vl || fl->in_cell ||
	    fl->depth > 0 || fl->vl->open != -1)
		return 0;
	for (p = g->table; p != NULL; p = p->parent)
		if ((p->kind == DOC_TABLE || p->kind == DOC_SECTION) &&
		    (p->classes & DOC_C_LANDSCAPE))
			return 1;
	return c->th->wide_tables_landscape && !tg_words_fit(g, fl->w);
}

/* A slice that may go along with a table to its landscape page: a line
 * of a heading or a lead-in paragraph. */
static int
goes_along(const struct vlist *vl, size_t i)
{
	const struct vslice *sl = &vl->s[i];
	int role;

	if (sl->nitems == 0 || (sl->flags & (VS_COVER | VS_LAND)))
		return 0;
	role = vl->items[sl->item0].role;
	return role == LR_H || role == LR_P || role == LR_CAPTION;
}

/*
 * Mark a landscape table's slices from s0 on, and let the text after it
 * start a page.  What is kept with the table (a heading, the last lines
 * of a lead-in) goes along rather than stay alone at the foot of the page
 * before; so does a short run of text that would have a page of its own
 * between two landscape pages (a month's heading between two calendar
 * tables).
 */
static void
turn_pages(struct lctx *c, struct vlist *vl, size_t s0)
{
	size_t j = s0, i, r;
	double h = 0;
	int steps = 0;

	if (s0 >= vl->n)
		return;
	/* Headings kept with the table, and one line of a lead-in directly
	 * before it. */
	while (j > 0 && steps++ < 4 && (vl->s[j].flags & VS_NOBREAK) &&
	    (j == s0 || !(vl->s[j].flags & VS_FORCE)) &&
	    goes_along(vl, j - 1) && (j == s0 ||
	    vl->items[vl->s[j - 1].item0].role == LR_H))
		j--;
	/* Back over the text since the last forced page break: if that
	 * break came after a landscape page and the text is short, it
	 * joins this table rather than have a page of its own. */
	for (r = j; r > 0 && goes_along(vl, r - 1); r--) {
		h += vl->s[r - 1].glue + vl->s[r - 1].h;
		if (vl->s[r - 1].flags & VS_FORCE)
			break;
	}
	if (r > 1 && r <= j && (vl->s[r - 1].flags & VS_FORCE) &&
	    (vl->s[r - 2].flags & VS_LAND) && h <= c->land_h / 4)
		j = r - 1;
	if (j < s0) {
		vl->s[s0].flags &= ~VS_FORCE;
		vl->s[j].flags |= VS_FORCE;
	}
	for (i = j; i < vl->n; i++)
		vl->s[i].flags |= VS_LAND;
	vl->force = 1;
}

enum pv_status
lx_table(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	struct tgrid g;
	struct tset t;
	struct flow lf = *fl;
	enum pv_status st, r;
	size_t s0 = fl->vl->n;
	int land;

	if ((st = tg_build(c, n, &g)) != PV_OK || g.ncols == 0) {
		tg_free(&g);
		return st;
	}
	table_styles(c, n, &g);
	tg_measure(c, &g);
	/* A landscape table starts a page and the text after it another;
	 * its slices are marked for the pager. */
	if ((land = wants_landscape(c, fl, &g)) != 0) {
		lf.x = c->land_x;
		lf.w = c->land_w;
		lf.cap = c->land_h;
		fl = &lf;
	}
	if ((st = tg_widths(c, &g, fl->x, fl->w)) != PV_OK) {
		tg_free(&g);
		return st;
	}
	vl_space(fl->vl, fl->para_space + 3);
	if (land)
		fl->vl->force = 1;
	if (g.caption != NULL) {
		st = lx_para(c, fl, g.caption, &c->th->caption, fl->x, fl->w,
		    PARA_LEFT, LR_CAPTION, 0);
		fl->vl->keep = 1;
		fl->vl->pending = 0;
		vl_space(fl->vl, 3);
	}
	memset(&t, 0, sizeof(t));
	t.c = c;
	t.fl = fl;
	t.g = &g;
	if ((r = table_rows(&t)) > st)
		st = r;
	free(t.body);
	tg_free(&g);
	fl->vl->pending = 0;
	vl_space(fl->vl, fl->para_space + 4);
	if (land)
		turn_pages(c, fl->vl, s0);
	return st;
}

/* Widths of a table inside a table cell: its widest row. */
void
lx_table_measure(struct lctx *c, const struct doc_node *n, double *min,
    double *max)
{
	struct pv_diags *saved = c->d, quiet;
	struct tgrid g;
	int k;

	pv_diags_init(&quiet);
	c->d = &quiet;
	*min = *max = 0;
	if (tg_build(c, n, &g) == PV_OK && g.ncols > 0) {
		table_styles(c, n, &g);
		tg_measure(c, &g);
		if (!c->measure_nohyph)
			tg_measure_hyph(c, &g);
		for (k = 0; k < g.ncols; k++) {
			*min += c->measure_nohyph ? g.cmin[k] : g.chmin[k];
			*max += g.cmax[k];
		}
	}
	tg_free(&g);
	c->d = saved;
	pv_diags_free(&quiet);
}
