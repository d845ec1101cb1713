/*
 * layout_list.c - bulleted and numbered lists, nested to any depth.
 *
 * Every item hangs: its label (a bullet by level, "12." or "c)" right-aligned
 * in the label box) sits in the indent on the first baseline of the item,
 * and everything in the item (paragraphs, nested lists, tables) is set in
 * the narrower column to its right.  The label is handed to the vertical
 * list as a pending label, so it lands on whatever the item's first line
 * turns out to be.  Nothing here breaks pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "layout_int.h"

static const char *const bullets[] = {
	"\xE2\x80\xA2",         /* U+2022 bullet */
	"\xE2\x80\x93",         /* U+2013 en dash */
	"\xE2\x97\xA6",         /* U+25E6 white bullet */
};

/* Space between items, and the indent of a level in this style. */
static double
item_gap(const struct flow *fl)
{
	return fl->in_cell ? 1.5 : 3;
}

static double
base_indent(const struct lctx *c, const struct theme_text *ts)
{
	return c->th->list_indent * ts->size / c->th->body.size;
}

/* The face for a label: the text face, or the fallback for a symbol it
 * lacks. */
static int
label_face(struct lctx *c, const struct theme_text *ts, int bold,
    const char *s)
{
	int face = lx_style_face(c, ts, bold, 0), fb;
	uint32_t cp;

	pv_utf8_decode(s, strlen(s), &cp);
	if (!font_has_glyph(c->fs, face, cp)) {
		fb = lx_face(c, LX_FALLBACK_FAMILY, bold, 0);
		if (fb >= 0 && font_has_glyph(c->fs, fb, cp))
			return fb;
	}
	return face;
}

/* The marker of item `num`: "12." or, lettered, "c)" "aa)" (the letters
 * count as a spreadsheet's columns do: z is 26, aa 27). */
static void
marker(const struct doc_node *n, int num, char *buf, size_t size)
{
	char rev[16];
	size_t k = 0, i = 0;
	char a = n->numbering == DOC_NUM_UPPER ? 'A' : 'a';

	if (n->numbering == DOC_NUM_DECIMAL || num < 1) {
		snprintf(buf, size, "%d.", num);
		return;
	}
	for (; num > 0 && k < sizeof(rev); num = (num - 1) / 26)
		rev[k++] = (char)(a + (num - 1) % 26);
	while (k > 0 && i + 2 < size)
		buf[i++] = rev[--k];
	buf[i++] = ')';
	buf[i] = '\0';
}

static int
count_items(const struct doc_node *n)
{
	const struct doc_node *k;
	int i = 0;

	for (k = n->first; k != NULL; k = k->next)
		if (k->kind == DOC_LI)
			i++;
	return i;
}

static double
list_indent(struct lctx *c, const struct flow *fl, const struct doc_node *n,
    int face, double gap)
{
	double indent = base_indent(c, fl->ts), w;
	char num[32];
	int last;

	if (n->kind == DOC_OL) {
		last = n->start + count_items(n) - 1;
		if (last < n->start)
			last = n->start;
		/* The widest of the markers: "9." for short lists, the
		 * last for long ones; of letters, "m)" and the last. */
		if (n->numbering == DOC_NUM_DECIMAL)
			marker(n, last > 9 ? last : 9, num, sizeof(num));
		else
			marker(n, last > 13 ? last : 13, num, sizeof(num));
		w = lx_text_width(c, face, fl->ts->size, num, strlen(num));
		if (w + gap > indent)
			indent = w + gap;
	}
	/* Deep nesting in a narrow column: keep some room for the text. */
	if (fl->w - indent < 4 * fl->ts->size)
		indent = fl->w > 8 * fl->ts->size ? fl->w - 4 * fl->ts->size :
		    fl->w / 2;
	return indent;
}

static void
make_label(struct lctx *c, const struct flow *fl, const struct doc_node *n,
    int num, int depth, double indent, double gap, struct lay_item *it)
{
	const struct theme_text *ts = fl->ts;
	char buf[32];
	const char *s;

	if (n->kind == DOC_OL) {
		marker(n, num, buf, sizeof(buf));
		s = buf;
	} else
		s = bullets[(depth - 1) % 3];
	memset(it, 0, sizeof(*it));
	it->kind = LK_TEXT;
	it->role = LR_LI_LABEL;
	it->level = depth;
	it->fill = NO_FILL;
	it->dest_page = it->image = -1;
	it->face = label_face(c, ts, fl->bold, s);
	it->size = ts->size;
	it->color = n->kind == DOC_OL ? ts->color : c->th->accent;
	it->text = pv_xstrdup(s);
	it->text_len = strlen(s);
	it->w = lx_text_width(c, it->face, ts->size, it->text, it->text_len);
	/* Right-aligned in the label box, so 9. and 10. line up. */
	it->x = fl->x + indent - gap - it->w;
	if (it->x < fl->x)
		it->x = fl->x;
}

enum pv_status
lx_list(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct theme_text *ts = fl->ts;
	const struct doc_node *li;
	struct vlist *vl = fl->vl;
	struct lay_item label;
	struct flow in;
	double gap = 0.5 * ts->size, indent, asc, desc;
	int face = lx_style_face(c, ts, fl->bold, 0);
	int depth = fl->depth + 1, num = n->start;
	size_t before;
	enum pv_status st = PV_OK, r;

	indent = list_indent(c, fl, n, face, gap);
	vl_space(vl, fl->in_cell ? item_gap(fl) : fl->para_space);
	for (li = n->first; li != NULL && !c->fatal; li = li->next) {
		if (li->kind != DOC_LI)
			continue;
		if (li->id != NULL)
			vl_anchor(vl, li->id, -1);
		before = vl->nlabels;
		make_label(c, fl, n, num++, depth, indent, gap, &label);
		label.elem = lx_elem_lbl(c, li);
		vl_label(vl, &label);
		flow_child(fl, &in, fl->x + indent, fl->w - indent);
		in.role = LR_LI_BODY;
		in.depth = depth;
		in.para_space = item_gap(fl) + 1;
		r = lx_blocks(c, &in, li->first);
		if (r > st)
			st = r;
		if (vl->nlabels > before) {
			/* An empty item still shows its label. */
			lx_font_box(c, face, ts->size, &asc, &desc);
			vs_new(vl, ts->leading, (ts->leading - asc - desc) / 2 +
			    asc);
		}
		vl_space(vl, item_gap(fl));
	}
	vl_space(vl, fl->in_cell ? item_gap(fl) : fl->para_space);
	return st;
}

void
lx_list_measure(struct lctx *c, const struct doc_node *n,
    const struct theme_text *ts, int bold, double *min, double *max)
{
	const struct doc_node *li;
	double mn, mx, indent = base_indent(c, ts);

	*min = *max = 0;
	for (li = n->first; li != NULL; li = li->next) {
		lx_measure(c, li->first, ts, bold, &mn, &mx);
		if (mn > *min)
			*min = mn;
		if (mx > *max)
			*max = mx;
	}
	*min += indent;
	*max += indent;
}
