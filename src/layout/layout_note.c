/*
 * layout_note.c - footnotes (span class="footnote"): numbers, the notes'
 * lines, and their place at the foot of a page.
 *
 * The prescan numbers the footnotes 1, 2, 3 in document order, so a
 * number does not depend on how often a paragraph is measured or set.
 * Where a footnote stands, the paragraph shows its number, smaller and
 * raised, as a link to the note (layout_text.c); the slice of that line
 * is tied to the note (vl_note).  The note itself, "1  text" with the
 * text hanging, is set once at the full text width in smaller type, and
 * the page breaker (layout_page.c) counts it with its line: a line whose
 * notes do not fit below the text goes to the next page with them.  A
 * note taller than a third of the text height is refused (it would
 * leave pages of notes with a line of text each); notes are not split.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "layout_int.h"

#define NOTE_MAX_PART 3   /* a note may take at most 1/3 of the page */
#define DEST_AIR 6.0      /* pt above a link target, as layout_deco.c */

struct nsort {
	const struct doc_node *n;
	int k;
};

static int
nsort_cmp(const void *a, const void *b)
{
	const struct nsort *x = a, *y = b;

	if (x->n == y->n)
		return 0;
	return (uintptr_t)x->n < (uintptr_t)y->n ? -1 : 1;
}

static void
collect(struct lctx *c, const struct doc_node *n, size_t *cap)
{
	const struct doc_node *k;

	for (k = n->first; k != NULL; k = k->next) {
		if (k->kind == DOC_SPAN && (k->classes & DOC_C_FOOTNOTE)) {
			PV_GROW(c->notes, *cap, c->nnotes + 1);
			memset(&c->notes[c->nnotes], 0, sizeof(c->notes[0]));
			c->notes[c->nnotes].node = k;
			c->notes[c->nnotes].page = -1;
			vl_init(&c->notes[c->nnotes++].vl);
			continue;   /* parse allows none inside */
		}
		collect(c, k, cap);
	}
}

void
lx_notes_scan(struct lctx *c)
{
	struct nsort *s;
	size_t cap = 0, i;

	if (c->doc->root != NULL)
		collect(c, c->doc->root, &cap);
	s = pv_xreallocarray(NULL, c->nnotes + 1, sizeof(*s));
	for (i = 0; i < c->nnotes; i++) {
		s[i].n = c->notes[i].node;
		s[i].k = (int)i + 1;
	}
	qsort(s, c->nnotes, sizeof(*s), nsort_cmp);
	c->notesort = s;
}

void
lx_notes_free(struct lctx *c)
{
	size_t i;

	for (i = 0; i < c->nnotes; i++)
		vl_free(&c->notes[i].vl);
	free(c->notes);
	free(c->notesort);
	c->notes = NULL;
	c->notesort = NULL;
	c->nnotes = 0;
}

int
lx_note_number(const struct lctx *c, const struct doc_node *n)
{
	const struct nsort *hit;
	struct nsort key;

	if (c->nnotes == 0)
		return 0;
	key.n = n;
	hit = bsearch(&key, c->notesort, c->nnotes, sizeof(key), nsort_cmp);
	return hit != NULL ? hit->k : 0;
}

/* The note's lines: its number in the indent, the text hanging. */
static void
build(struct lctx *c, struct lnote *nt, int k)
{
	const struct theme_text *ts = &c->note;
	struct flow fl;
	struct lay_item label;
	char num[16];
	double indent, total = 0;
	size_t i;
	int face = lx_style_face(c, ts, 0, 0);

	nt->built = 1;
	/* The note is an element of the paragraph that refers to it. */
	nt->vl.elem = lx_elem_for(c, nt->node);
	snprintf(num, sizeof(num), "%d", k);
	/* Room for "99" and a gap, so notes 1 to 99 line up. */
	indent = lx_text_width(c, face, ts->size, "99", 2) + 0.6 * ts->size;
	memset(&label, 0, sizeof(label));
	label.kind = LK_TEXT;
	label.role = LR_NOTE;
	label.fill = NO_FILL;
	label.dest_page = label.image = -1;
	label.face = face;
	label.size = ts->size;
	label.color = ts->color;
	label.x = c->body_x;
	label.elem = nt->vl.elem;
	label.text = pv_xstrdup(num);
	label.text_len = strlen(num);
	label.w = lx_text_width(c, face, ts->size, num, label.text_len);
	vl_label(&nt->vl, &label);
	memset(&fl, 0, sizeof(fl));
	fl.vl = &nt->vl;
	fl.x = c->body_x + indent;
	fl.w = c->body_w - indent;
	fl.ts = ts;
	fl.role = LR_NOTE;
	fl.align = PARA_LEFT;
	fl.lang = lx_lang(c, nt->node);
	fl.cap = c->body_h;
	lx_para(c, &fl, nt->node, ts, fl.x, fl.w, PARA_LEFT, LR_NOTE, 0);
	/* An empty note still shows its number. */
	if (nt->vl.nlabels > 0)
		vs_new(&nt->vl, ts->leading, ts->leading * 0.75);
	for (i = 0; i < nt->vl.n; i++)
		total += nt->vl.s[i].h + (i > 0 ? nt->vl.s[i].glue : 0);
	nt->h = total;
	if (total > c->body_h / NOTE_MAX_PART)
		pv_diag(c->d, PV_ERROR, c->doc->file, nt->node->line, 0,
		    "footnote %d is %.0f pt tall, more than a third of the "
		    "page's text height (%.0f pt), the most a page foot "
		    "holds: shorten the note", k, total,
		    c->body_h / NOTE_MAX_PART);
}

void
lx_note_ref(struct lctx *c, struct vlist *vl, int k)
{
	struct lnote *nt;

	if (k < 1 || (size_t)k > c->nnotes)
		return;
	nt = &c->notes[k - 1];
	if (!nt->built)
		build(c, nt, k);
	vl_note(vl, k);
}

double
lx_note_height(const struct lctx *c, int k)
{
	const struct lnote *nt;

	if (k < 1 || (size_t)k > c->nnotes)
		return 0;
	nt = &c->notes[k - 1];
	if (!nt->built || nt->h > c->body_h / NOTE_MAX_PART)
		return 0;
	return nt->h;
}

void
lx_notes_place(struct lctx *c, struct lay_page *pg, int page,
    const int *ks, size_t n, double bottom)
{
	struct lnote *nt;
	struct lay_item *it;
	double total = NOTE_SEP, cur;
	size_t i, j, m, shown = 0;

	for (i = 0; i < n; i++)
		if (lx_note_height(c, ks[i]) > 0) {
			total += lx_note_height(c, ks[i]) + (shown ?
			    NOTE_GAP : 0);
			shown++;
		}
	if (shown == 0)
		return;
	cur = bottom + total;
	/* A short rule above the notes. */
	it = lay_page_add(pg, LK_LINE);
	it->role = LR_ARTIFACT;
	it->x = c->body_x;
	it->x2 = c->body_x + c->body_w / 4;
	it->y = it->y2 = cur - NOTE_SEP / 2;
	it->line_width = 0.5;
	it->color = c->th->table_rule;
	cur -= NOTE_SEP;
	for (i = 0; i < n; i++) {
		if (lx_note_height(c, ks[i]) <= 0)
			continue;
		nt = &c->notes[ks[i] - 1];
		if (nt->placed)
			continue;
		nt->placed = 1;
		nt->page = page;
		nt->y = cur + DEST_AIR;
		for (j = 0; j < nt->vl.n; j++) {
			const struct vslice *s = &nt->vl.s[j];

			if (j > 0)
				cur -= s->glue;
			for (m = 0; m < s->nitems; m++) {
				it = lay_page_add(pg, LK_TEXT);
				vl_move_item(it, &nt->vl.items[s->item0 + m],
				    0, cur);
			}
			cur -= s->h;
		}
		cur -= NOTE_GAP;
	}
}
