/*
 * layout_block.c - the block flow: which block becomes which slices.
 *
 * Walks the block children of a container in order and sends each to
 * the code that sets it (paragraphs and headings here, lists, tables,
 * figures, the cover and the table of contents elsewhere).  The space
 * between blocks is owed, never placed (vl_space), so that it collapses
 * like CSS margins and vanishes at the top of a page.  Also measures
 * blocks for table column widths, with the same styles they are set in.
 */
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "layout_int.h"

#define BOX_PAD 9.0      /* pt inside a box */
#define BOX_RULE 3.0     /* pt: the accent rule on its left */
#define BOX_MARGIN 9.0   /* pt above and below a box */

void
flow_child(const struct flow *parent, struct flow *child, double x, double w)
{
	*child = *parent;
	child->x = x;
	child->w = w;
}

static int
theme_align(const struct lctx *c, const struct flow *fl)
{
	if (fl->align >= 0)
		return fl->align;
	return c->th->justify ? PARA_JUSTIFY : PARA_LEFT;
}

static enum pv_status
block_p(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct theme_text *ts = fl->ts;
	int align = theme_align(c, fl);
	double after = fl->para_space;
	enum pv_status st;

	if (!fl->in_cell && (n->classes & DOC_C_LEAD))
		ts = &c->lead;
	else if (n->classes & DOC_C_SMALL)
		ts = fl->in_cell ? &c->small_table : &c->small_body;
	if (n->classes & DOC_C_CENTER)
		align = PARA_CENTER;
	if (n->classes & DOC_C_SIGNATURE) {
		align = PARA_LEFT;
		vl_space(fl->vl, 2 * c->th->body.leading);
	}
	if (ts != fl->ts) {
		vl_space(fl->vl, ts->space_before);
		if (ts->space_after > after)
			after = ts->space_after;
	}
	/* A first-line indent marks a new paragraph only after another. */
	fl->first_indent = 0;
	if (c->th->paragraph_indent > 0 && !fl->in_cell && n->prev != NULL &&
	    n->prev->kind == DOC_P && align == PARA_JUSTIFY)
		fl->first_indent = c->th->paragraph_indent;
	st = lx_para(c, fl, n, ts, fl->x, fl->w, align, fl->role, 0);
	fl->first_indent = 0;
	vl_space(fl->vl, after);
	return st;
}

const struct theme_text *
lx_head_style(const struct lctx *c, int level)
{
	if (level < 1)
		level = 1;
	return &c->th->h[level <= 4 ? level - 1 : 3];
}

enum pv_status
lx_heading(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct theme_text *ts = lx_head_style(c, n->level);
	struct lay_item label;
	struct vlist *vl = fl->vl;
	size_t nlabels = vl->nlabels, i;
	double numw = 0;
	int k = lx_head_index(c, n), face;
	enum pv_status st;

	vl_space(vl, ts->space_before);
	if (k >= 0)
		vl_anchor(vl, NULL, k);
	if (k >= 0 && c->heads[k].num != NULL) {
		/* The number hangs left of the title, which wraps under
		 * itself, not under the number. */
		face = lx_style_face(c, ts, 0, 0);
		memset(&label, 0, sizeof(label));
		label.kind = LK_TEXT;
		label.role = LR_H;
		label.level = n->level;
		label.x = fl->x;
		label.face = face;
		label.size = ts->size;
		label.color = ts->color;
		label.fill = NO_FILL;
		label.dest_page = label.image = -1;
		label.elem = lx_elem_for(c, n);
		label.text = pv_xstrdup(c->heads[k].num);
		label.text_len = strlen(label.text);
		label.w = lx_text_width(c, face, ts->size, label.text,
		    label.text_len);
		numw = label.w + 0.55 * ts->size;
		vl_label(vl, &label);
	}
	st = lx_para(c, fl, n, ts, fl->x + numw, fl->w - numw,
	    (n->classes & DOC_C_CENTER) ? PARA_CENTER : PARA_LEFT, LR_H,
	    n->level);
	/* An empty heading: its number must not land on the next block. */
	for (i = nlabels; i < vl->nlabels; i++)
		item_free(&vl->labels[i]);
	if (vl->nlabels > nlabels)
		vl->nlabels = nlabels;
	if (!fl->in_cell)
		vl->keep = 2;
	vl_space(vl, ts->space_after);
	return st;
}

static void
block_hr(struct lctx *c, struct flow *fl)
{
	struct lay_item *it;

	vl_space(fl->vl, 6);
	vs_new(fl->vl, 7, -1);
	it = vl_item(fl->vl, LK_LINE, LR_ARTIFACT);
	it->x = fl->x;
	it->x2 = fl->x + fl->w;
	it->y = it->y2 = -3.5;
	it->line_width = 0.6;
	it->color = c->th->table_rule;
	vl_space(fl->vl, 6);
}

static enum pv_status
block_box(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	struct vlist *vl = fl->vl;
	struct flow in;
	struct vcont *bx;
	double inset = BOX_RULE + BOX_PAD + 1;
	enum pv_status st;
	int ci;

	vl_space(vl, BOX_MARGIN);
	ci = vl_open(vl, VC_BOX);
	bx = &vl->c[ci];
	bx->pad_top = bx->pad_bottom = BOX_PAD;
	bx->x = fl->x;
	bx->w = fl->w;
	bx->fill = c->th->box_fill;
	bx->rule = c->th->accent;
	bx->rule_w = BOX_RULE;
	vl->fresh = 1;
	flow_child(fl, &in, fl->x + inset, fl->w - inset - BOX_PAD);
	in.cap = fl->cap - 2 * BOX_PAD;
	in.align = PARA_LEFT;
	st = lx_blocks(c, &in, n->first);
	vl_close(vl, ci);
	vl->pending = 0;
	vl->fresh = 0;
	vl_space(vl, BOX_MARGIN);
	return st;
}

static enum pv_status
block_div(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	if (n->classes & DOC_C_COVER)
		return lx_cover(c, fl, n);
	if (n->classes & DOC_C_TOC)
		return lx_toc(c, fl, n);
	if (n->classes & DOC_C_PAGEBREAK) {
		if (!fl->in_cell)
			fl->vl->force = 1;
		return PV_OK;
	}
	if (n->classes & DOC_C_BOX)
		return block_box(c, fl, n);
	return lx_blocks(c, fl, n->first);
}

static enum pv_status
block(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	switch (n->kind) {
	case DOC_P:
		return block_p(c, fl, n);
	case DOC_H:
		return lx_heading(c, fl, n);
	case DOC_UL:
	case DOC_OL:
		return lx_list(c, fl, n);
	case DOC_TABLE:
		if (n->classes & DOC_C_CHARTS)
			return lx_chart(c, fl, n);
		return lx_table(c, fl, n);
	case DOC_FIGURE:
		if (n->classes & DOC_C_CHART)
			return lx_chart_figure(c, fl, n);
		return lx_figure(c, fl, n);
	case DOC_IMG:
		return lx_figure(c, fl, n);
	case DOC_HR:
		block_hr(c, fl);
		return PV_OK;
	case DOC_DIV:
		return block_div(c, fl, n);
	case DOC_CAPTION:
	case DOC_FIGCAPTION:
		return lx_para(c, fl, n, &c->th->caption, fl->x, fl->w,
		    PARA_LEFT, LR_CAPTION, 0);
	case DOC_COL:
		return PV_OK;
	case DOC_TEXT:
	case DOC_BR:
	case DOC_STRONG:
	case DOC_EM:
	case DOC_CODE:
	case DOC_A:
	case DOC_SPAN:
		/* parse wraps inline runs in anonymous paragraphs; an
		 * inline here would be a parse bug, not the user's. */
		return PV_OK;
	default:
		return lx_blocks(c, fl, n->first);
	}
}

/* A block, its items part of the element it makes (layout_elem.c). */
enum pv_status
lx_block(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	struct vlist *vl = fl->vl;
	int prev = lx_elem_enter(c, vl, n);
	enum pv_status st = block(c, fl, n);

	vl->elem = prev;
	return st;
}

/* A paragraph of bold text alone ("Tiltak – Skolenivå" before a
 * table): a heading in all but name. */
static int
para_is_heading(const struct doc_node *n)
{
	const struct doc_node *k;
	int strong = 0;

	for (k = n->first; k != NULL; k = k->next) {
		if (k->kind == DOC_STRONG && k->first != NULL)
			strong++;
		else if (k->kind != DOC_TEXT ||
		    k->text[strspn(k->text, " \t\r\n")] != '\0')
			return 0;
	}
	return strong == 1;
}

static int
starts_rows(const struct doc_node *n)
{
	return n != NULL && (n->kind == DOC_TABLE || n->kind == DOC_UL ||
	    n->kind == DOC_OL);
}

/*
 * Whether the page may not break right after block n: a heading-like
 * paragraph keeps with what follows; a paragraph directly before a table
 * is its lead-in, and one ending in ":" leads into a list as well (its
 * own last lines already keep together, see lx_lines_to_slices).
 */
static int
keeps_with_next(const struct doc_node *n)
{
	char *text;
	size_t len;
	int keep;

	if (n->kind != DOC_P || n->next == NULL)
		return 0;
	if (para_is_heading(n) || n->next->kind == DOC_TABLE)
		return 1;
	if (!starts_rows(n->next))
		return 0;
	text = lx_plain_text(n);
	len = strlen(text);
	keep = len > 0 && text[len - 1] == ':';
	free(text);
	return keep;
}

enum pv_status
lx_blocks(struct lctx *c, struct flow *fl, const struct doc_node *first)
{
	const struct doc_node *n;
	enum pv_status st = PV_OK, r;

	for (n = first; n != NULL && !c->fatal; n = n->next) {
		if (n->id != NULL)
			vl_anchor(fl->vl, n->id, -1);
		r = lx_block(c, fl, n);
		if (r > st)
			st = r;
		/* The next two slices (two lines, or a table's header and
		 * first row) stay with this block's last. */
		if (!fl->in_cell && keeps_with_next(n))
			fl->vl->keep = 2;
		if ((r = lx_pages_check(c, fl->vl, n->line)) > st)
			st = r;
	}
	return st;
}

static void
measure_para(struct lctx *c, const struct doc_node *n,
    const struct theme_text *ts, int bold, double *mn, double *mx)
{
	struct runs r;

	memset(&r, 0, sizeof(r));
	runs_build(c, &r, n, ts, bold, LR_P);
	*mn = *mx = 0;
	if (r.n > 0)
		para_measure(r.r, r.n, c->fs, c->pe, lx_lang(c, n),
		    !c->measure_nohyph, mn, mx);
	runs_free(&r);
}

/*
 * Min-content and max-content widths of a run of blocks set in style ts
 * (a table cell's content), as a browser's automatic table layout needs.
 */
void
lx_measure(struct lctx *c, const struct doc_node *first,
    const struct theme_text *ts, int bold, double *min, double *max)
{
	const struct doc_node *n;
	double mn, mx, iw, ih;
	int idx;

	*min = *max = 0;
	for (n = first; n != NULL; n = n->next) {
		mn = mx = 0;
		switch (n->kind) {
		case DOC_P:
		case DOC_CAPTION:
		case DOC_FIGCAPTION:
			measure_para(c, n, (n->classes & DOC_C_SMALL) ?
			    &c->small_table : ts, bold, &mn, &mx);
			break;
		case DOC_H:
			measure_para(c, n, lx_head_style(c, n->level), bold,
			    &mn, &mx);
			break;
		case DOC_UL:
		case DOC_OL:
			lx_list_measure(c, n, ts, bold, &mn, &mx);
			break;
		case DOC_TABLE:
			lx_table_measure(c, n, &mn, &mx);
			break;
		case DOC_IMG:
			if (n->src != NULL && lx_image_size(c, n->src, n->line,
			    1, &idx, &iw, &ih) == PV_OK) {
				mx = n->width.unit == DOC_U_PT ?
				    n->width.value : iw;
				mn = mx < 36 ? mx : 36;
			}
			break;
		case DOC_DIV:
			lx_measure(c, n->first, ts, bold, &mn, &mx);
			if (n->classes & DOC_C_BOX) {
				mn += 2 * BOX_PAD + BOX_RULE + 1;
				mx += 2 * BOX_PAD + BOX_RULE + 1;
			}
			break;
		default:
			lx_measure(c, n->first, ts, bold, &mn, &mx);
			break;
		}
		if (mn > *min)
			*min = mn;
		if (mx > *max)
			*max = mx;
	}
}
