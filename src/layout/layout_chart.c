/*
 * layout_chart.c - chart tables (classes chart-bullet, chart-bars,
 * chart-timeline; chart-wheel's picture is layout_wheel.c) drawn as vector graphics above the same table set as
 * any table.
 *
 * parse has checked the data (parse_chart.c): a header row naming a
 * series per data column, a data-value in every series cell.  Here the
 * picture becomes slices of the vertical list like any other block: one
 * per data row, then the axis, then the legend, so that a chart taller
 * than a page still breaks between rows; the whole figure (picture and
 * table) is kept on one page when it fits.  Bars, marks and bands are
 * rectangles, lines and paths in the theme's accent colour and its
 * tints, told apart in greyscale by lightness and an outline; labels are
 * text items in the theme's table font, so they can be searched.  The
 * drawing is an artifact for the structure tree: the table after it is
 * what a screen reader reads.
 *
 * Nothing here knows a document type: every word drawn comes from the
 * table (its header texts, row labels and cell texts) except numbers on
 * axes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

#define CH_MAX_SERIES 8     /* as parse_chart.c allows */
#define CH_GAP 6.0          /* pt between label column and plot */
#define CH_LABEL_PART 0.34  /* of the width, at most, for row labels */
#define CH_LABEL_LINES 3    /* longer labels end in "…" */
#define CH_BAR 9.0          /* pt: a bar's thickness */
#define CH_BAR_GAP 2.0      /* pt between the bars of a group */
#define CH_ROW_PAD 4.0      /* pt above and below a row's bars */
#define CH_SWATCH 8.0       /* pt: a legend swatch */
#define NBSP "\xC2\xA0"

struct crow {
	char *label;
	double v[CH_MAX_SERIES];
	char *vtext[CH_MAX_SERIES];   /* the cell's own text ("42,5 %") */
	int line;
};

struct chart {
	struct lctx *c;
	struct flow *fl;
	struct vlist *vl;
	const struct doc_node *t;
	const struct theme_text *ts;
	int face;
	double size, lead, asc;
	uint32_t ink, grid, accent;
	int nser;
	const char *sname[CH_MAX_SERIES];
	char *shead[CH_MAX_SERIES];
	int scol[CH_MAX_SERIES];
	struct crow *rows;
	size_t nrows, caprows;
	double labw;                  /* the row labels' column */
	int started;                  /* a slice of the picture exists */
};

/* rgb mixed with white: f = 1 the colour, 0 white (also the wheel's). */
uint32_t
lx_tint(uint32_t rgb, double f)
{
	uint32_t out = 0;
	int sh, v;

	for (sh = 16; sh >= 0; sh -= 8) {
		v = (int)lround(((rgb >> sh) & 0xFF) * f + 255 * (1 - f));
		out |= (uint32_t)(v < 0 ? 0 : v > 255 ? 255 : v) << sh;
	}
	return out;
}

/* Fill of series i: the accent, then ever lighter tints; lightness
 * alone tells them apart in greyscale, the outline keeps the light ones
 * visible on white paper. */
static uint32_t
series_fill(const struct chart *ch, int i)
{
	static const double f[] = { 1.0, 0.45, 0.75, 0.2, 0.6, 0.3, 0.9,
		0.1 };

	return lx_tint(ch->accent, f[i % 8]);
}

static double
text_w(struct chart *ch, const char *s)
{
	if (ch->face < 0)
		return 0;
	return lx_text_width(ch->c, ch->face, ch->size, s, strlen(s));
}

/* A text item at baseline y (slice-relative); align 0 left, 1 centre,
 * 2 right of x.  Shared by the charts and the year wheel. */
void
lx_chart_text(struct lctx *c, struct vlist *vl, int face, double size,
    uint32_t ink, double x, double y, const char *s, size_t n, int align)
{
	struct lay_item *it;
	double w;

	if (face < 0 || n == 0)
		return;
	w = lx_text_width(c, face, size, s, n);
	it = vl_item(vl, LK_TEXT, LR_ARTIFACT);
	it->x = align == 1 ? x - w / 2 : align == 2 ? x - w : x;
	it->y = y;
	it->w = w;
	it->face = face;
	it->size = size;
	it->color = ink;
	it->text = pv_xstrndup(s, n);
	it->text_len = n;
}

static void
text_at(struct chart *ch, double x, double y, const char *s, size_t n,
    int align)
{
	lx_chart_text(ch->c, ch->vl, ch->face, ch->size, ch->ink, x, y, s, n,
	    align);
}

static void
rect(struct chart *ch, double x, double y, double w, double h,
    uint32_t fill, uint32_t stroke, double lw)
{
	struct lay_item *it = vl_item(ch->vl, LK_RECT, LR_ARTIFACT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->color = stroke;
	it->line_width = lw;
}

static void
line(struct chart *ch, double x, double y, double x2, double y2, double lw,
    uint32_t color)
{
	struct lay_item *it = vl_item(ch->vl, LK_LINE, LR_ARTIFACT);

	it->x = x;
	it->y = y;
	it->x2 = x2;
	it->y2 = y2;
	it->line_width = lw;
	it->color = color;
}

/* A small triangle pointing down at (x,y): the baseline mark. */
static void
triangle(struct chart *ch, double x, double y, double r, uint32_t fill)
{
	struct lay_item *it = vl_item(ch->vl, LK_PATH, LR_ARTIFACT);

	it->x = x;
	it->y = y;
	it->fill = fill;
	it->color = 0xFFFFFF;
	it->line_width = 0.5;
	lay_path_move(it, 0, 0);
	lay_path_line(it, -r, 1.6 * r);
	lay_path_line(it, r, 1.6 * r);
	lay_path_close(it);
}

/*
 * Greedy word wrap of s into at most CH_LABEL_LINES lines of width w;
 * what does not fit ends the last line in "…".  Line i is
 * s[start[i]..start[i]+len[i]); returns the number of lines, or with a
 * cut last line, its text in *last (caller frees).
 */
static int
wrap(struct chart *ch, const char *s, double w, size_t *start, size_t *len,
    char **last)
{
	size_t n = strlen(s), i = 0, j, brk;
	int k = 0;

	*last = NULL;
	while (i < n && k < CH_LABEL_LINES) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		brk = 0;
		for (j = i; j <= n; j++) {
			if (j < n && s[j] != ' ')
				continue;
			if (lx_text_width(ch->c, ch->face, ch->size, s + i,
			    j - i) > w && brk > 0)
				break;
			brk = j;
			if (j == n)
				break;
		}
		if (brk == 0)
			brk = n;
		start[k] = i;
		len[k] = brk - i;
		k++;
		i = brk;
	}
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && k > 0) {
		struct pv_buf b;
		size_t m = len[k - 1];

		/* Shorten the last line until it holds the ellipsis. */
		for (;;) {
			pv_buf_init(&b);
			pv_buf_put(&b, s + start[k - 1], m);
			pv_buf_puts(&b, "…");
			if (m == 0 || text_w(ch, b.data) <= w)
				break;
			pv_buf_free(&b);
			m--;
			while (m > 0 && ((unsigned char)s[start[k - 1] + m] &
			    0xC0) == 0x80)
				m--;
		}
		*last = pv_buf_take(&b);
	}
	return k;
}

/* Row label, right edge at the label column, centred on cy. */
static void
row_label(struct chart *ch, const char *s, double cy)
{
	size_t st[CH_LABEL_LINES], ln[CH_LABEL_LINES];
	char *last;
	int k, i;
	double y;

	if (ch->face < 0)
		return;
	k = wrap(ch, s, ch->labw, st, ln, &last);
	y = cy + k * ch->lead / 2 - ch->lead + (ch->lead - ch->size) / 2 +
	    0.3 * ch->size;
	for (i = 0; i < k; i++, y -= ch->lead) {
		if (i == k - 1 && last != NULL)
			text_at(ch, ch->fl->x, y, last, strlen(last), 0);
		else
			text_at(ch, ch->fl->x, y, s + st[i], ln[i], 0);
	}
	free(last);
}

static double
label_height(struct chart *ch, const char *s)
{
	size_t st[CH_LABEL_LINES], ln[CH_LABEL_LINES];
	char *last;
	int k;

	if (ch->face < 0)
		return ch->lead;
	k = wrap(ch, s, ch->labw, st, ln, &last);
	free(last);
	return (k > 0 ? k : 1) * ch->lead;
}

/* A slice of height h for chart content, touching the one before (the
 * first keeps the space owed before the figure). */
static void
slice(struct chart *ch, double h)
{
	if (ch->started)
		ch->vl->pending = 0;
	ch->started = 1;
	vs_new(ch->vl, h, -1);
}

/* ---- reading the table ---- */

static void
read_cells(struct chart *ch, const struct doc_node *tr, int head)
{
	const struct doc_node *cell;
	struct crow *r = NULL;
	int col = 0, i;

	if (!head) {
		PV_GROW(ch->rows, ch->caprows, ch->nrows + 1);
		r = &ch->rows[ch->nrows++];
		memset(r, 0, sizeof(*r));
		r->line = tr->line;
	}
	for (cell = tr->first; cell != NULL; col += cell->colspan,
	    cell = cell->next) {
		if (head) {
			if (cell->series == NULL || ch->nser >= CH_MAX_SERIES)
				continue;
			ch->sname[ch->nser] = cell->series;
			ch->shead[ch->nser] = lx_plain_text(cell);
			ch->scol[ch->nser++] = col;
			continue;
		}
		if (cell == tr->first)
			r->label = lx_plain_text(cell);
		for (i = 0; i < ch->nser; i++)
			if (ch->scol[i] == col && cell->has_value > 0) {
				r->v[i] = cell->value;
				r->vtext[i] = lx_plain_text(cell);
			}
	}
	if (r != NULL && r->label == NULL)
		r->label = pv_xstrdup("");
}

static void
read_table(struct chart *ch)
{
	const struct doc_node *s, *r, *hr = NULL;

	for (s = ch->t->first; s != NULL; s = s->next)
		if (s->kind == DOC_THEAD)
			for (r = s->first; r != NULL; r = r->next)
				if (r->kind == DOC_TR)
					hr = r;
	if (hr != NULL)
		read_cells(ch, hr, 1);
	for (s = ch->t->first; s != NULL; s = s->next)
		if (s->kind == DOC_TBODY)
			for (r = s->first; r != NULL; r = r->next)
				if (r->kind == DOC_TR)
					read_cells(ch, r, 0);
}

static int
series(const struct chart *ch, const char *name)
{
	int i;

	for (i = 0; i < ch->nser; i++)
		if (strcmp(ch->sname[i], name) == 0)
			return i;
	return -1;
}

static void
chart_free(struct chart *ch)
{
	size_t r;
	int i;

	for (i = 0; i < ch->nser; i++)
		free(ch->shead[i]);
	for (r = 0; r < ch->nrows; r++) {
		free(ch->rows[r].label);
		for (i = 0; i < CH_MAX_SERIES; i++)
			free(ch->rows[r].vtext[i]);
	}
	free(ch->rows);
}

/* The label column: the widest label, at most CH_LABEL_PART. */
static void
label_column(struct chart *ch)
{
	size_t r;
	double w, max = 0;

	for (r = 0; r < ch->nrows; r++)
		if ((w = text_w(ch, ch->rows[r].label)) > max)
			max = w;
	ch->labw = fmin(max, ch->fl->w * CH_LABEL_PART);
}

/* ---- legend ---- */

enum swatch { SW_BAR, SW_TICK, SW_TRIANGLE };

/* Entries side by side, wrapping to a new slice when the width ends. */
static void
legend(struct chart *ch, const enum swatch *sw, const uint32_t *fill,
    char *const *text, int n)
{
	double x = ch->fl->x + ch->labw + CH_GAP, right = ch->fl->x + ch->fl->w;
	double h = ch->lead + 4, cy = -h / 2 - 2, w;
	int i;

	ch->vl->pending = 0;
	vl_space(ch->vl, 4);
	vs_new(ch->vl, h + 2, -1);
	for (i = 0; i < n; i++) {
		w = CH_SWATCH + 4 + text_w(ch, text[i]) + 12;
		if (x + w > right && x > ch->fl->x + ch->labw + CH_GAP) {
			x = ch->fl->x + ch->labw + CH_GAP;
			slice(ch, h);
			cy = -h / 2;
		}
		if (sw[i] == SW_BAR)
			rect(ch, x, cy - CH_SWATCH / 2, CH_SWATCH, CH_SWATCH,
			    fill[i], ch->accent, 0.5);
		else if (sw[i] == SW_TICK)
			line(ch, x + CH_SWATCH / 2, cy - CH_SWATCH / 2 - 1,
			    x + CH_SWATCH / 2, cy + CH_SWATCH / 2 + 1, 2,
			    fill[i]);
		else
			triangle(ch, x + CH_SWATCH / 2, cy - 2.5, 3.2,
			    fill[i]);
		text_at(ch, x + CH_SWATCH + 4, cy - 0.35 * ch->size, text[i],
		    strlen(text[i]), 0);
		x += w;
	}
}

/* ---- numbers on axes ---- */

/* v as bokmål writes it: groups of three with a no-break space, a
 * decimal comma, at most two decimals. */
static void
axis_number(double v, char *out, size_t cap)
{
	char tmp[64], *p, *dot;
	size_t n, lead, i, o = 0;

	snprintf(tmp, sizeof(tmp), "%.2f", fabs(v) < 5e-3 ? 0.0 : v);
	dot = strchr(tmp, '.');
	/* trailing zeros of the fraction, and the point itself */
	if (dot != NULL) {
		for (p = tmp + strlen(tmp) - 1; p > dot && *p == '0'; p--)
			*p = '\0';
		if (p == dot)
			*dot = '\0';
		else
			*dot = ',';
	}
	p = tmp;
	if (*p == '-' && o + 1 < cap)
		out[o++] = *p++;
	n = strcspn(p, ",");
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n && o + 3 < cap; i++) {
		if (i > 0 && (i - lead) % 3 == 0 && i >= lead) {
			memcpy(out + o, NBSP, 2);
			o += 2;
		}
		out[o++] = p[i];
	}
	for (p += n; *p != '\0' && o + 1 < cap; p++)
		out[o++] = *p;
	out[o] = '\0';
}

/* A round step giving 3 to 5 ticks from 0 to at least max. */
static double
nice_step(double max)
{
	static const double m[] = { 1, 2, 2.5, 5, 10 };
	double mag, step;
	size_t i;

	if (!(max > 0))
		return 1;
	mag = pow(10, floor(log10(max / 4)));
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		step = m[i] * mag;
		if (ceil(max / step - 1e-9) <= 4)
			return step;
	}
	return 10 * mag;
}

/* ---- the three kinds ---- */

static void
draw_bullet(struct chart *ch)
{
	int sv = series(ch, "value"), sg = series(ch, "target");
	int sb = series(ch, "baseline"), i;
	double valw = 0, w, x0, x1, scale, h, cy;
	enum swatch sw[3];
	uint32_t fills[3];
	char *texts[3];
	size_t r;
	int n = 0;

	for (r = 0; r < ch->nrows; r++)
		if (ch->rows[r].vtext[sv] != NULL &&
		    (w = text_w(ch, ch->rows[r].vtext[sv])) > valw)
			valw = w;
	x0 = ch->fl->x + ch->labw + CH_GAP;
	x1 = ch->fl->x + ch->fl->w - valw - CH_GAP;
	for (r = 0; r < ch->nrows; r++) {
		const struct crow *row = &ch->rows[r];
		double max = 0;

		/* Each row its own scale: indicators differ in unit. */
		for (i = 0; i < ch->nser; i++)
			if (row->v[i] > max)
				max = row->v[i];
		scale = max > 0 ? (x1 - x0) / (max * 1.1) : 0;
		h = fmax(label_height(ch, row->label), CH_BAR + 10) +
		    2 * CH_ROW_PAD;
		slice(ch, h);
		cy = -h / 2;
		row_label(ch, row->label, cy);
		rect(ch, x0, cy - CH_BAR / 2 - 1, x1 - x0, CH_BAR + 2,
		    lx_tint(ch->accent, 0.1), 0, 0);
		rect(ch, x0, cy - CH_BAR / 2, fmax(row->v[sv], 0) * scale,
		    CH_BAR, ch->accent, 0, 0);
		if (row->vtext[sv] != NULL)
			text_at(ch, x1 + CH_GAP, cy - 0.35 * ch->size,
			    row->vtext[sv], strlen(row->vtext[sv]), 0);
		if (sb >= 0)
			triangle(ch, x0 + fmax(row->v[sb], 0) * scale,
			    cy + CH_BAR / 2 + 0.5, 3.2, lx_tint(ch->ink, 0.55));
		if (sg >= 0)
			line(ch, x0 + fmax(row->v[sg], 0) * scale,
			    cy - CH_BAR / 2 - 4, x0 + fmax(row->v[sg], 0) *
			    scale, cy + CH_BAR / 2 + 4, 2, ch->ink);
	}
	sw[n] = SW_BAR;
	fills[n] = ch->accent;
	texts[n++] = ch->shead[sv];
	if (sg >= 0) {
		sw[n] = SW_TICK;
		fills[n] = ch->ink;
		texts[n++] = ch->shead[sg];
	}
	if (sb >= 0) {
		sw[n] = SW_TRIANGLE;
		fills[n] = lx_tint(ch->ink, 0.55);
		texts[n++] = ch->shead[sb];
	}
	legend(ch, sw, fills, texts, n);
}

static void
grid_lines(struct chart *ch, double x0, double step_w, int nticks,
    double h)
{
	int k;

	for (k = 0; k <= nticks; k++)
		line(ch, x0 + k * step_w, 0, x0 + k * step_w, -h, 0.4,
		    ch->grid);
}

static void
draw_bars(struct chart *ch)
{
	double max = 0, step, top, x0, x1, scale, h, y, lastw;
	enum swatch sw[CH_MAX_SERIES];
	uint32_t fills[CH_MAX_SERIES];
	char num[64];
	int i, nt;
	size_t r;

	for (r = 0; r < ch->nrows; r++)
		for (i = 0; i < ch->nser; i++)
			if (ch->rows[r].v[i] > max)
				max = ch->rows[r].v[i];
	step = nice_step(max);
	nt = (int)ceil(max / step - 1e-9);
	if (nt < 1)
		nt = 1;
	top = nt * step;
	axis_number(top, num, sizeof(num));
	lastw = text_w(ch, num);
	x0 = ch->fl->x + ch->labw + CH_GAP;
	x1 = ch->fl->x + ch->fl->w - lastw / 2;
	scale = (x1 - x0) / top;
	for (r = 0; r < ch->nrows; r++) {
		const struct crow *row = &ch->rows[r];
		double gh = ch->nser * CH_BAR + (ch->nser - 1) * CH_BAR_GAP;

		h = fmax(label_height(ch, row->label), gh) + 2 * CH_ROW_PAD;
		slice(ch, h);
		grid_lines(ch, x0, step * scale, nt, h);
		row_label(ch, row->label, -h / 2);
		y = -h / 2 + gh / 2;
		for (i = 0; i < ch->nser; i++) {
			y -= CH_BAR;
			rect(ch, x0, y, fmax(row->v[i], 0) * scale, CH_BAR,
			    series_fill(ch, i), ch->accent, 0.5);
			y -= CH_BAR_GAP;
		}
	}
	/* The axis: a rule and the tick numbers under it. */
	slice(ch, ch->lead + 3);
	line(ch, x0, 0, x1, 0, 0.6, ch->ink);
	for (i = 0; i <= nt; i++) {
		line(ch, x0 + i * step * scale, 0, x0 + i * step * scale, -3,
		    0.6, ch->ink);
		axis_number(i * step, num, sizeof(num));
		text_at(ch, x0 + i * step * scale, -3 - ch->asc, num,
		    strlen(num), 1);
	}
	for (i = 0; i < ch->nser; i++) {
		sw[i] = SW_BAR;
		fills[i] = series_fill(ch, i);
	}
	legend(ch, sw, fills, ch->shead, ch->nser);
}

static void
draw_timeline(struct chart *ch)
{
	int sf = series(ch, "from"), st = series(ch, "to"), y;
	double lo = 1e300, hi = -1e300, x0, x1, scale, h, cy, a, b;
	char num[32];
	size_t r;

	for (r = 0; r < ch->nrows; r++) {
		lo = fmin(lo, fmin(ch->rows[r].v[sf], ch->rows[r].v[st]));
		hi = fmax(hi, fmax(ch->rows[r].v[sf], ch->rows[r].v[st]));
	}
	if (ch->t->has_value > 0) {
		lo = fmin(lo, ch->t->value);
		hi = fmax(hi, ch->t->value + 1);
	}
	lo = floor(lo);
	hi = ceil(hi);
	if (hi <= lo)
		hi = lo + 1;
	/* A year is a year: past a hundred the axis would be a smear. */
	if (hi - lo > 100)
		hi = lo + 100;
	x0 = ch->fl->x + ch->labw + CH_GAP;
	x1 = ch->fl->x + ch->fl->w;
	scale = (x1 - x0) / (hi - lo);
	for (r = 0; r < ch->nrows; r++) {
		const struct crow *row = &ch->rows[r];

		h = fmax(label_height(ch, row->label), CH_BAR) +
		    2 * CH_ROW_PAD;
		slice(ch, h);
		cy = -h / 2;
		if (ch->t->has_value > 0 && ch->t->value >= lo &&
		    ch->t->value < hi)
			rect(ch, x0 + (ch->t->value - lo) * scale, -h, scale,
			    h, lx_tint(ch->accent, 0.16), 0, 0);
		grid_lines(ch, x0, scale, (int)(hi - lo), h);
		row_label(ch, row->label, cy);
		a = fmin(fmax(row->v[sf], lo), hi);
		b = fmin(fmax(row->v[st], lo), hi);
		if (b > a)
			rect(ch, x0 + (a - lo) * scale, cy - CH_BAR / 2,
			    (b - a) * scale, CH_BAR, ch->accent, 0, 0);
	}
	slice(ch, ch->lead + 3);
	line(ch, x0, 0, x1, 0, 0.6, ch->ink);
	for (y = 0; y <= (int)(hi - lo); y++)
		line(ch, x0 + y * scale, 0, x0 + y * scale, -3, 0.6, ch->ink);
	/* Each year's name in the middle of its span. */
	for (y = 0; y < (int)(hi - lo); y++) {
		snprintf(num, sizeof(num), "%d", (int)lo + y);
		text_at(ch, x0 + (y + 0.5) * scale, -3 - ch->asc, num,
		    strlen(num), 1);
	}
}

/* Keep the figure (picture from slice s0, and the table) on one page
 * when it fits: a chart torn from its data helps nobody. */
static void
keep_together(struct lctx *c, struct flow *fl, size_t s0)
{
	struct vlist *vl = fl->vl;
	double total = 0;
	size_t i;

	if (fl->in_cell)
		return;
	for (i = s0; i < vl->n; i++) {
		if (vl->s[i].flags & (VS_LAND | VS_FORCE))
			return;
		total += vl->s[i].h + (i > s0 ? vl->s[i].glue : 0) +
		    vl->s[i].pre + vl->s[i].post;
	}
	if (total > fl->cap)
		i = s0 + 1 + (vl->n - s0 > 4 ? 4 : vl->n - s0 - 1);
	else
		i = vl->n;
	while (--i > s0)
		vl->s[i].flags |= VS_NOBREAK;
}

enum pv_status
lx_chart(struct lctx *c, struct flow *fl, const struct doc_node *t)
{
	struct chart ch;
	size_t s0, i0, i;
	double desc;

	memset(&ch, 0, sizeof(ch));
	ch.c = c;
	ch.fl = fl;
	ch.vl = fl->vl;
	ch.t = t;
	ch.ts = &c->small_table;
	ch.face = lx_style_face(c, ch.ts, 0, 0);
	ch.size = ch.ts->size;
	ch.lead = ch.ts->leading;
	ch.ink = c->th->table.color;
	ch.grid = c->th->table_rule;
	ch.accent = c->th->accent;
	if (ch.face >= 0)
		lx_font_box(c, ch.face, ch.size, &ch.asc, &desc);
	read_table(&ch);
	label_column(&ch);
	vl_space(fl->vl, fl->para_space + 4);
	s0 = fl->vl->n;
	i0 = fl->vl->ni;
	/* parse guarantees the series each kind needs */
	if (t->classes & DOC_C_CHART_WHEEL)
		lx_wheel(c, fl, t, ch.ts);
	else if (ch.nrows > 0 && ch.nser > 0) {
		if ((t->classes & DOC_C_CHART_BULLET) &&
		    series(&ch, "value") >= 0)
			draw_bullet(&ch);
		else if (t->classes & DOC_C_CHART_BARS)
			draw_bars(&ch);
		else if ((t->classes & DOC_C_CHART_TIMELINE) &&
		    series(&ch, "from") >= 0 && series(&ch, "to") >= 0)
			draw_timeline(&ch);
	}
	chart_free(&ch);
	/* The picture is a figure, described by its caption; the table
	 * under it is what a screen reader reads the numbers from. */
	if (fl->vl->ni > i0) {
		int e = lx_chart_elem(c, t);

		for (i = i0; i < fl->vl->ni; i++) {
			fl->vl->items[i].role = LR_FIGURE;
			fl->vl->items[i].elem = e;
		}
	}
	if (fl->vl->n > s0)
		fl->vl->keep = 1;
	{
		enum pv_status st = lx_table(c, fl, t);

		if (fl->vl->n > s0)
			keep_together(c, fl, s0);
		return st;
	}
}

/* <figure class="chart">: its blocks (the chart tables) and its
 * caption, left as a table's caption is. */
enum pv_status
lx_chart_figure(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	enum pv_status st;

	vl_space(fl->vl, fl->para_space + 4);
	st = lx_blocks(c, fl, n->first);
	vl_space(fl->vl, fl->para_space + 4);
	return st;
}
