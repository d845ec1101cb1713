/*
 * layout_tgrid.c - a table's grid and its column widths.
 *
 * Places the cells in a grid the way a browser does (rowspans occupy the
 * rows below, colspans the columns beside), measures the min-content and
 * max-content width of every cell (min-content twice: the longest word,
 * and, only for a table whose words do not fit, with hyphenation points),
 * and shares the available width out by automatic table layout (tcols.c):
 * widths the document gives are honoured, the table is stretched to the
 * full text width, words are kept whole while any column can give room,
 * and when even hyphenated words do not fit, columns are squeezed below
 * their content down to LAYOUT_MIN_COLUMN_WIDTH; below that it is an error
 * the author must fix.  Nothing here sets text into cells.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"
#include "tcols.h"

#define EPS 0.001

static void
add_row(struct tgrid *g, const struct doc_node *tr)
{
	PV_GROW(g->rows, g->caprows, g->nrows + 1);
	g->rows[g->nrows++] = tr;
}

static void
add_section(struct tgrid *g, const struct doc_node *sect)
{
	const struct doc_node *k;

	for (k = sect->first; k != NULL; k = k->next)
		if (k->kind == DOC_TR)
			add_row(g, k);
}

/* Rows in order; the section of a row is its thead/tbody (or the table
 * itself, for rows directly in it), and a rowspan ends with it. */
static void
collect_rows(struct tgrid *g)
{
	const struct doc_node *k;
	size_t r, e;

	for (k = g->table->first; k != NULL; k = k->next) {
		switch (k->kind) {
		case DOC_CAPTION:
			if (g->caption == NULL)
				g->caption = k;
			break;
		case DOC_COL:
			if (g->ngiven < PARSE_MAX_TABLE_COLUMNS)
				g->given[g->ngiven++] = k->width;
			break;
		case DOC_THEAD:
		case DOC_TBODY:
			add_section(g, k);
			break;
		case DOC_TR:
			add_row(g, k);
			break;
		default:
			break;
		}
	}
	g->sect_end = pv_xreallocarray(NULL, g->nrows + 1, sizeof(int));
	for (r = 0; r < g->nrows; r = e) {
		for (e = r + 1; e < g->nrows &&
		    g->rows[e]->parent == g->rows[r]->parent; e++)
			continue;
		while (r < e)
			g->sect_end[r++] = (int)e;
	}
	for (r = 0; r < g->nrows && g->rows[r]->parent->kind == DOC_THEAD; r++)
		g->nhead++;
}

static struct tcell *
add_cell(struct tgrid *g, const struct doc_node *n, int row, int col, int rs,
    int cs)
{
	struct tcell *tc;

	PV_GROW(g->cells, g->capc, g->nc + 1);
	tc = &g->cells[g->nc++];
	memset(tc, 0, sizeof(*tc));
	tc->n = n;
	tc->row = row;
	tc->col = col;
	tc->rs = rs;
	tc->cs = cs;
	vl_init(&tc->vl);
	return tc;
}

static int
cell_order(const void *a, const void *b)
{
	const struct tcell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int
span_free(const int *occ, int col, int cs, int row)
{
	int i;

	for (i = 0; i < cs; i++)
		if (occ[col + i] > row)
			return 0;
	return 1;
}

/* Fill the places no cell covers, so that every place has its lines. */
static void
fill_holes(struct tgrid *g)
{
	unsigned char *cover;
	size_t i, nc = g->nc, r;
	int k, j, ncols = g->ncols;

	cover = pv_xcalloc(g->nrows, (size_t)ncols);
	for (i = 0; i < nc; i++)
		for (k = 0; k < g->cells[i].rs; k++)
			for (j = 0; j < g->cells[i].cs; j++)
				cover[(size_t)(g->cells[i].row + k) *
				    (size_t)ncols + (size_t)(g->cells[i].col +
				    j)] = 1;
	for (r = 0; r < g->nrows; r++)
		for (k = 0; k < ncols; k++)
			if (!cover[r * (size_t)ncols + (size_t)k])
				add_cell(g, NULL, (int)r, k, 1, 1);
	free(cover);
	qsort(g->cells, g->nc, sizeof(g->cells[0]), cell_order);
}

enum pv_status
tg_build(struct lctx *c, const struct doc_node *table, struct tgrid *g)
{
	int occ[PARSE_MAX_TABLE_COLUMNS];
	const struct doc_node *k;
	struct tcell *tc;
	size_t r;
	int col, cs, rs, allth;

	memset(g, 0, sizeof(*g));
	memset(occ, 0, sizeof(occ));
	g->table = table;
	collect_rows(g);
	for (r = 0; r < g->nrows; r++) {
		col = 0;
		for (k = g->rows[r]->first; k != NULL; k = k->next) {
			if (k->kind != DOC_TD && k->kind != DOC_TH)
				continue;
			cs = k->colspan > 1 ? k->colspan : 1;
			rs = k->rowspan > 1 ? k->rowspan : 1;
			while (col + cs <= PARSE_MAX_TABLE_COLUMNS &&
			    !span_free(occ, col, cs, (int)r))
				col++;
			if (col + cs > PARSE_MAX_TABLE_COLUMNS) {
				pv_diag(c->d, PV_ERROR, c->doc->file, k->line, 0,
				    "a table has more than %d columns "
				    "(PARSE_MAX_TABLE_COLUMNS; rowspans from "
				    "the rows above push this cell past it); "
				    "split it into several tables",
				    PARSE_MAX_TABLE_COLUMNS);
				return PV_EINPUT;
			}
			if ((int)r + rs > g->sect_end[r])
				rs = g->sect_end[r] - (int)r;
			tc = add_cell(g, k, (int)r, col, rs, cs);
			tc->head = k->kind == DOC_TH || (int)r < g->nhead;
			tc->sum = (g->rows[r]->classes & DOC_C_SUM) != 0;
			for (rs = 0; rs < cs; rs++)
				occ[col + rs] = (int)r + tc->rs;
			col += cs;
			if (col > g->ncols)
				g->ncols = col;
		}
	}
	/* Without a thead, a first row of th cells is the header. */
	if (g->nhead == 0 && g->nrows > 1 && g->nc > 0) {
		allth = 1;
		for (r = 0; r < g->nc && g->cells[r].row == 0; r++)
			if (g->cells[r].n->kind != DOC_TH || g->cells[r].rs > 1)
				allth = 0;
		if (allth)
			g->nhead = 1;
	}
	if (g->ncols > 0)
		fill_holes(g);
	return PV_OK;
}

void
tg_free(struct tgrid *g)
{
	size_t i;

	for (i = 0; i < g->nc; i++) {
		vl_free(&g->cells[i].vl);
		free(g->cells[i].tops);
	}
	free(g->cells);
	free(g->rows);
	free(g->sect_end);
	memset(g, 0, sizeof(*g));
}

/* A spanning cell wider than its columns widens them in proportion to
 * what they already want (max-content), as browsers do. */
static void
spread_spans(struct tgrid *g, double *w, int which)
{
	struct tcell *tc;
	double need, have, maxs, add;
	size_t i;
	int k;

	for (i = 0; i < g->nc; i++) {
		tc = &g->cells[i];
		if (tc->cs < 2)
			continue;
		need = which == 0 ? tc->hmin : which == 1 ? tc->min : tc->max;
		have = maxs = 0;
		for (k = tc->col; k < tc->col + tc->cs; k++) {
			have += w[k];
			maxs += g->cmax[k];
		}
		if (need <= have)
			continue;
		for (k = tc->col; k < tc->col + tc->cs; k++) {
			add = maxs > 0 ? (need - have) * g->cmax[k] / maxs :
			    (need - have) / tc->cs;
			w[k] += add;
		}
	}
}

/* One cell's widths; min with or without hyphenation points. */
static void
measure_cell(struct lctx *c, struct tgrid *g, struct tcell *tc, int hyph,
    double *min, double *max)
{
	int saved = c->measure_nohyph;

	c->measure_nohyph = !hyph;
	lx_measure(c, tc->n->first, tc->head ? g->hs : g->ts, tc->sum, min,
	    max);
	c->measure_nohyph = saved;
	if (tc->n->classes & DOC_C_NOWRAP)
		*min = *max;
	*min += 2 * g->pad + 0.5;
	*max += 2 * g->pad + 0.5;
}

/* Min-content (longest word, no hyphenation) and max-content widths of
 * every cell and column.  The min-content with hyphenation points is
 * measured by tg_widths only for a table whose words do not fit. */
void
tg_measure(struct lctx *c, struct tgrid *g)
{
	struct tcell *tc;
	size_t i;
	int k;

	for (k = 0; k < g->ncols; k++)
		g->cmin[k] = g->cmax[k] = 2 * g->pad + 1;
	for (i = 0; i < g->nc; i++) {
		tc = &g->cells[i];
		if (tc->n == NULL)
			tc->min = tc->max = 2 * g->pad + 1;
		else
			measure_cell(c, g, tc, 0, &tc->min, &tc->max);
		tc->hmin = tc->min;
		if (tc->cs == 1) {
			if (tc->min > g->cmin[tc->col])
				g->cmin[tc->col] = tc->min;
			if (tc->max > g->cmax[tc->col])
				g->cmax[tc->col] = tc->max;
		}
	}
	spread_spans(g, g->cmin, 1);
	spread_spans(g, g->cmax, 2);
	for (k = 0; k < g->ncols; k++) {
		if (g->cmax[k] < g->cmin[k])
			g->cmax[k] = g->cmin[k];
		g->chmin[k] = g->cmin[k];
	}
	g->hmeasured = 0;
}

/* The min-content widths with hyphenation points, for a table whose
 * longest words do not fit side by side. */
void
tg_measure_hyph(struct lctx *c, struct tgrid *g)
{
	struct tcell *tc;
	double mx;
	size_t i;
	int k;

	if (g->hmeasured)
		return;
	g->hmeasured = 1;
	for (k = 0; k < g->ncols; k++)
		g->chmin[k] = 2 * g->pad + 1;
	for (i = 0; i < g->nc; i++) {
		tc = &g->cells[i];
		if (tc->n != NULL)
			measure_cell(c, g, tc, 1, &tc->hmin, &mx);
		if (tc->cs == 1 && tc->hmin > g->chmin[tc->col])
			g->chmin[tc->col] = tc->hmin;
	}
	spread_spans(g, g->chmin, 0);
	for (k = 0; k < g->ncols; k++)
		if (g->chmin[k] > g->cmin[k])
			g->chmin[k] = g->cmin[k];
}

/* The width a document asks for, in pt (0: none). */
static double
given_width(const struct doc_length *l, double of)
{
	if (l->unit == DOC_U_PT && l->value > 0)
		return l->value;
	if (l->unit == DOC_U_PERCENT && l->value > 0)
		return of * l->value / 100.0;
	return 0;
}

/* The table's width: the text width, or less if the document asks. */
double
tg_table_width(const struct tgrid *g, double avail)
{
	double gw = given_width(&g->table->width, avail);

	return gw > 0 && gw < avail ? gw : avail;
}

/* Whether the table's longest words fit side by side in avail pt. */
int
tg_words_fit(const struct tgrid *g, double avail)
{
	double s = 0;
	int k;

	for (k = 0; k < g->ncols; k++)
		s += g->cmin[k];
	return s <= tg_table_width(g, avail) + EPS;
}

/*
 * A table whose every column has a percentage from its <col> keeps those
 * shares exactly, scaled to the table's width, whatever its cells hold
 * (CSS's table-layout: fixed): the author asked for one grid, such as
 * the same columns in every month of a calendar.
 */
static int
fixed_grid(struct tgrid *g, double width)
{
	double sum = 0;
	int k;

	if (g->ngiven < g->ncols || g->ncols == 0)
		return 0;
	for (k = 0; k < g->ncols; k++) {
		if (g->given[k].unit != DOC_U_PERCENT || g->given[k].value <= 0)
			return 0;
		sum += g->given[k].value;
	}
	if (sum > 100 + EPS)
		return 0;
	for (k = 0; k < g->ncols; k++)
		g->cw[k] = width * g->given[k].value / sum;
	return 1;
}

/* Column widths and positions for a table at x with `avail` points. */
enum pv_status
tg_widths(struct lctx *c, struct tgrid *g, double x, double avail)
{
	double given[PARSE_MAX_TABLE_COLUMNS];
	double width, gw, t, need = 0;
	enum tcols_fit fit;
	size_t i;
	int k;

	width = tg_table_width(g, avail);
	if (fixed_grid(g, width))
		goto place;
	for (k = 0; k < g->ncols; k++) {
		gw = k < g->ngiven ? given_width(&g->given[k], width) : 0;
		for (i = 0; gw == 0 && i < g->nc; i++)
			if (g->cells[i].col == k && g->cells[i].cs == 1 &&
			    g->cells[i].n != NULL)
				gw = given_width(&g->cells[i].n->width, width);
		given[k] = gw;
	}
	if (!tg_words_fit(g, avail))
		tg_measure_hyph(c, g);
	fit = tcols_share(g->ncols, g->chmin, g->cmin, g->cmax, given,
	    g->ngiven > 0 && g->given[0].unit == DOC_U_PERCENT, width, g->cw,
	    &t);
	if (fit != TCOLS_MAX && fit != TCOLS_WORDS &&
	    t < LAYOUT_MIN_COLUMN_WIDTH - EPS) {
		for (k = 0; k < g->ncols; k++)
			need += g->cmin[k] < LAYOUT_MIN_COLUMN_WIDTH ?
			    g->cmin[k] : LAYOUT_MIN_COLUMN_WIDTH;
		pv_diag(c->d, PV_ERROR, c->doc->file, g->table->line, 0,
		    "table has %d columns that cannot be set at a readable "
		    "width (needs %.0f pt, has %.0f pt); use fewer columns, "
		    "class=\"small\", or a landscape page (theme "
		    "page.orientation)", g->ncols, need, width);
		return PV_EINPUT;
	}
place:
	g->cx[0] = x;
	for (k = 0; k < g->ncols; k++)
		g->cx[k + 1] = g->cx[k] + g->cw[k];
	return PV_OK;
}
