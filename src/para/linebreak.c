/*
 * linebreak.c - Knuth-Plass total-fit line breaking over an item list.
 *
 * The paragraph is one optimisation problem: every legal break is a node,
 * a line between two nodes costs demerits from how far its spaces must
 * stretch or shrink (its badness), the penalty of the break, and whether
 * it continues a run of hyphenated lines; the cheapest path from the
 * start to the end wins.  Only the nodes from which a line could still
 * reach the current position are kept ("active"); they leave when a line
 * from them would be overfull, and their number is capped
 * (LB_MAX_ACTIVE), so the work stays linear in the paragraph.
 *
 * Two hyphenated lines in a row cost extra (TeX's double hyphen
 * demerits); a third is priced on its own, and before the final pass is
 * no option at all, which is what keeps ladders rare.
 *
 * Ragged text is broken with the same machinery: spaces do not stretch,
 * and the cost of a line grows with the square of its trailing space.
 *
 * In a final pass (params->final) any line that is not overfull is
 * acceptable, and if a single piece is wider than the line, the line is
 * cut after it anyway, so the breaker always returns lines.  It must never
 * produce an overfull line when a fitting set of lines exists.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "linebreak.h"

/* Fitness classes: how much the spaces of a line are stretched. */
enum {
	FIT_VERY_LOOSE,
	FIT_LOOSE,
	FIT_DECENT,
	FIT_TIGHT,
	FIT_COUNT,
};

/* Slack in width comparisons: sums of doubles are not exact. */
#define LB_EPS 1e-7
/* Badness is capped so that demerits stay finite and comparable. */
#define LB_MAX_BADNESS 1e7

struct lb_node {
	size_t pos;             /* item broken at; SIZE_MAX: the start */
	int32_t prev;           /* node before, -1 for the start */
	int32_t line;           /* lines ended here */
	double total;           /* demerits of the best path to here */
	uint8_t fit;            /* fitness class of the line ending here */
	uint8_t hrun;           /* hyphenated lines in a row ending here (max 2) */
};

struct lb_active {
	int32_t node;
	double tw, ty, tz;      /* totals of width, stretch, shrink after it */
};

void
lb_scratch_free(struct lb_scratch *s)
{
	free(s->nodes);
	free(s->act);
	memset(s, 0, sizeof(*s));
}

static int
lb_forced(const struct lb_item *it)
{
	return it->kind == LB_PENALTY && it->penalty <= -LB_INF;
}

/* Glue is a break only right after a box (as in TeX): of two glues in a
 * row only the first breaks, so no line ends in invisible space. */
static int
lb_glue_breaks(const struct lb_item *items, size_t i)
{
	return items[i].kind == LB_GLUE && !(items[i].flags & LBF_NOBREAK) &&
	    i > 0 && items[i - 1].kind == LB_BOX;
}

size_t
lb_line_start(const struct lb_item *items, size_t n, size_t b)
{
	size_t i;

	for (i = b + 1; i < n; i++) {
		if (items[i].kind == LB_BOX || lb_forced(&items[i]))
			break;
	}
	return i;
}

double
lb_line_ratio(const struct lb_item *items, size_t from, size_t to,
    double target, double *natural)
{
	double L = 0, Y = 0, Z = 0, r;
	size_t i;

	for (i = from; i < to; i++) {
		if (items[i].kind == LB_PENALTY)
			continue;
		L += items[i].w;
		if (items[i].kind == LB_GLUE) {
			Y += items[i].stretch;
			Z += items[i].shrink;
		}
	}
	if (items[to].kind == LB_PENALTY)
		L += items[to].w;
	if (natural != NULL)
		*natural = L;
	if (L < target) {
		if (Y <= 0 || lb_forced(&items[to]))
			return 0;
		r = (target - L) / Y;
	} else if (L > target) {
		if (Z <= 0)
			return 0;
		r = (target - L) / Z;
		if (r < -1)
			r = -1;
	} else
		r = 0;
	return r;
}

static int32_t
lb_new_node(struct lb_scratch *s, size_t pos, int32_t prev, int32_t line,
    double total, int fit, int hrun)
{
	struct lb_node *nd;

	PV_GROW(s->nodes, s->cap_nodes, s->nnodes + 1);
	nd = &s->nodes[s->nnodes];
	nd->pos = pos;
	nd->prev = prev;
	nd->line = line;
	nd->total = total;
	nd->fit = (uint8_t)fit;
	nd->hrun = (uint8_t)hrun;
	return (int32_t)s->nnodes++;
}

static void
lb_new_active(struct lb_scratch *s, int32_t node, double tw, double ty,
    double tz)
{
	struct lb_active *a;

	PV_GROW(s->act, s->cap_act, s->nact + 1);
	a = &s->act[s->nact++];
	a->node = node;
	a->tw = tw;
	a->ty = ty;
	a->tz = tz;
}

/* Drop the active node with the worst demerits per line until the list
 * fits the cap; the order of the rest is kept (the rescue of the final
 * pass relies on it). */
static void
lb_prune(struct lb_scratch *s)
{
	size_t i, worst;
	double q, wq;
	const struct lb_node *nd;

	while (s->nact > LB_MAX_ACTIVE) {
		worst = 0;
		wq = -1;
		for (i = 0; i < s->nact; i++) {
			nd = &s->nodes[s->act[i].node];
			q = nd->total / (double)(nd->line + 1);
			if (q > wq) {
				wq = q;
				worst = i;
			}
		}
		memmove(&s->act[worst], &s->act[worst + 1],
		    (s->nact - worst - 1) * sizeof(s->act[0]));
		s->nact--;
	}
}

struct lb_state {
	const struct lb_item *items;
	size_t n;
	const struct lb_params *p;
	struct lb_scratch *s;
	double sw, sy, sz;      /* totals of the items before the current one */
	size_t last_glue;       /* last breakable glue; SIZE_MAX: none */
};

/*
 * Badness of a line of natural width L with stretch Y and shrink Z set to
 * target T; -1 when it is overfull.  *fit gets its fitness class.
 */
static double
lb_badness(const struct lb_state *st, double L, double Y, double Z,
    double T, int forced, int *fit)
{
	double r, b, slack;

	*fit = FIT_DECENT;
	if (L > T + LB_EPS) {
		if (st->p->ragged || Z <= 0)
			return -1;
		r = (T - L) / Z;
		if (r < -1 - LB_EPS)
			return -1;
		b = 100 * -r * -r * -r;
		if (r < -0.5)
			*fit = FIT_TIGHT;
		return b;
	}
	if (forced)
		return 0;
	slack = T - L;
	if (slack <= LB_EPS)
		return 0;
	if (st->p->ragged) {
		r = slack / st->p->ragged_stretch;
		b = 100 * r * r;
		return b > LB_MAX_BADNESS ? LB_MAX_BADNESS : b;
	}
	/* A justified line without spaces is set flush left; TeX calls it
	 * underfull, and so does every pass without emergency stretch.
	 * With it, the line is judged as if it had that much stretch: a
	 * lone word costs by how empty its line is. */
	if (Y <= 0)
		Y += st->p->emergency_stretch;
	if (Y <= 0)
		return LB_MAX_BADNESS;
	r = slack / Y;
	b = 100 * r * r * r;
	if (r > 1)
		*fit = FIT_VERY_LOOSE;
	else if (r > 0.5)
		*fit = FIT_LOOSE;
	return b > LB_MAX_BADNESS ? LB_MAX_BADNESS : b;
}

/*
 * Whether every line from this node and from later ones to the current
 * break is too loose for the tolerance.  Later nodes have less material
 * (more slack, less stretch); a line without spaces is judged with the
 * emergency stretch alone, so the bound adds it to every line.
 */
static int
lb_past_cut(const struct lb_state *st, double L, double Y, double T)
{
	double r;

	if (st->p->ragged)
		return 1;
	Y += st->p->emergency_stretch;
	if (Y <= 0)
		return 1;
	r = (T - L) / Y;
	return 100 * r * r * r > st->p->tolerance;
}

/* Totals after a break at b: the glue and penalties it discards count as
 * already passed. */
static void
lb_after(const struct lb_state *st, size_t b, double *tw, double *ty,
    double *tz)
{
	const struct lb_item *it;
	size_t i;

	*tw = st->sw;
	*ty = st->sy;
	*tz = st->sz;
	for (i = b; i < st->n; i++) {
		it = &st->items[i];
		if (it->kind == LB_BOX || (i > b && lb_forced(it)))
			break;
		if (it->kind == LB_GLUE) {
			*tw += it->w;
			*ty += it->stretch;
			*tz += it->shrink;
		}
	}
}

/*
 * Consider a break at item b from every active node.  The best path to b
 * is kept for each fitness class and, at a hyphen break, for each length
 * of the run of hyphenated lines it ends (one, or two and more), so that
 * a third hyphen in a row can be priced on its own.
 */
static void
lb_try(struct lb_state *st, size_t b)
{
	const struct lb_params *p = st->p;
	const struct lb_item *it = &st->items[b];
	struct lb_scratch *s = st->s;
	const struct lb_node *a;
	double best[FIT_COUNT][3], minbest[3];
	int32_t bestnode[FIT_COUNT][3], bestline[FIT_COUNT][3];
	double pw = 0, L, T, bad, d, total, tw = 0, ty = 0, tz = 0;
	int32_t deact = -1, nd;
	int forced = 0, flagged = 0, last, fit, f, h, made = 0;
	unsigned set, bit;
	size_t k, j;

	if (it->kind == LB_PENALTY) {
		pw = it->w;
		forced = it->penalty <= -LB_INF;
		flagged = (it->flags & LBF_FLAGGED) != 0;
	}
	last = b == st->n - 1;
	/* Which cells of best[][] hold something: most breaks fill one. */
	set = 0;
	minbest[0] = minbest[1] = minbest[2] = HUGE_VAL;

	/*
	 * The active list is in the order of position, so lines from its
	 * front are the longest: the overfull ones (given up) come first,
	 * then those that fit, then ever looser ones.  Past the first line
	 * too loose for the tolerance, all are, and stay active untouched
	 * (not in the final pass, which has no tolerance, nor at a forced
	 * break, which ends them all).
	 */
	for (k = 0, j = 0; k < s->nact; k++) {
		struct lb_active *ac = &s->act[k];

		a = &s->nodes[ac->node];
		T = a->line == 0 ? p->width_first : p->width_rest;
		L = st->sw - ac->tw + pw;
		bad = lb_badness(st, L, st->sy - ac->ty, st->sz - ac->tz, T,
		    forced, &fit);
		if (bad > p->tolerance && !p->final && !forced &&
		    a->line > 0 && lb_past_cut(st, L, st->sy - ac->ty, T)) {
			if (j != k)
				memmove(&s->act[j], &s->act[k],
				    (s->nact - k) * sizeof(s->act[0]));
			j += s->nact - k;
			break;
		}
		if (bad >= 0 && (bad <= p->tolerance || p->final)) {
			d = p->line_penalty + bad;
			d *= d;
			if (it->kind == LB_PENALTY && it->penalty > 0)
				d += (double)it->penalty * it->penalty;
			else if (it->kind == LB_PENALTY && !forced)
				d -= (double)it->penalty * it->penalty;
			h = 0;
			/* A third hyphen in a row (when priced at all) is no
			 * option before the final pass: better to fail and
			 * look wider. */
			if (flagged && a->hrun > 1 && !p->final &&
			    p->triple_hyphen_demerits > 0)
				goto next;
			if (flagged) {
				h = a->hrun > 0 ? 2 : 1;
				if (a->hrun > 0)
					d += p->double_hyphen_demerits;
				if (a->hrun > 1)
					d += p->triple_hyphen_demerits;
			}
			if (last && a->hrun > 0)
				d += p->final_hyphen_demerits;
			/* A lone short word on the last line. */
			if (last && a->line > 0 && (st->last_glue == SIZE_MAX ||
			    (a->pos != SIZE_MAX && a->pos >= st->last_glue)) &&
			    L < 0.5 * T)
				d += p->last_word_demerits;
			if (!p->ragged && abs(fit - (int)a->fit) > 1)
				d += p->adj_demerits;
			total = a->total + d;
			bit = 1u << (fit * 3 + h);
			if (!(set & bit) || total < best[fit][h]) {
				set |= bit;
				best[fit][h] = total;
				bestnode[fit][h] = ac->node;
				bestline[fit][h] = a->line + 1;
				if (total < minbest[h])
					minbest[h] = total;
			}
		}
next:
		/* Overfull only by the hyphen this break would add: a
		 * later break without one (after a narrower character)
		 * may still fit, so the node stays. */
		if (bad < 0 && pw > 0 && !forced && lb_badness(st, L - pw,
		    st->sy - ac->ty, st->sz - ac->tz, T, 0, &fit) >= 0)
			bad = 0;
		if (bad < 0 || forced) {
			deact = ac->node;
			continue;
		}
		if (j != k)
			s->act[j] = *ac;
		j++;
	}
	s->nact = j;

	for (h = 0; h < 3 && set != 0; h++) {
		if (minbest[h] == HUGE_VAL)
			continue;
		if (!made)
			lb_after(st, b, &tw, &ty, &tz);
		for (f = 0; f < FIT_COUNT; f++) {
			if (!(set & (1u << (f * 3 + h))) || best[f][h] >
			    minbest[h] + (p->ragged ? 0 : p->adj_demerits))
				continue;
			nd = lb_new_node(s, b, bestnode[f][h], bestline[f][h],
			    best[f][h], f, h);
			lb_new_active(s, nd, tw, ty, tz);
			made = 1;
		}
	}
	/* Final pass, nothing fits: a piece wider than the line.  Cut the
	 * line here, after the piece, from the latest node that had to be
	 * given up; it is the shortest overfull line there can be. */
	if (p->final && !made && s->nact == 0 && deact >= 0) {
		a = &s->nodes[deact];
		lb_after(st, b, &tw, &ty, &tz);
		nd = lb_new_node(s, b, deact, a->line + 1,
		    a->total + LB_MAX_BADNESS, FIT_DECENT,
		    flagged ? (a->hrun > 0 ? 2 : 1) : 0);
		lb_new_active(s, nd, tw, ty, tz);
	}
	if (s->nact > LB_MAX_ACTIVE)
		lb_prune(s);
}

int
lb_break(const struct lb_item *items, size_t n, const struct lb_params *p,
    struct lb_scratch *s, size_t **breaks, size_t *nbreaks)
{
	struct lb_state st;
	const struct lb_item *it;
	const struct lb_node *nd;
	int32_t bestn, k;
	size_t i, nl;
	double bt;

	*breaks = NULL;
	*nbreaks = 0;
	if (n == 0 || !lb_forced(&items[n - 1]))
		return -1;
	s->nnodes = 0;
	s->nact = 0;
	/* Usually fewer nodes than items: grow once, not by doubling. */
	PV_GROW(s->nodes, s->cap_nodes, n / 2 + 16);
	PV_GROW(s->act, s->cap_act, 64);
	memset(&st, 0, sizeof(st));
	st.items = items;
	st.n = n;
	st.p = p;
	st.s = s;
	/* The last breakable glue of the last line-to-be, for the lone
	 * word demerit. */
	st.last_glue = SIZE_MAX;
	for (i = n - 1; i-- > 0; ) {
		if (lb_forced(&items[i]))
			break;
		if (lb_glue_breaks(items, i)) {
			st.last_glue = i;
			break;
		}
	}

	lb_new_active(s, lb_new_node(s, SIZE_MAX, -1, 0, 0, FIT_DECENT, 0),
	    0, 0, 0);
	for (i = 0; i < n; i++) {
		it = &items[i];
		switch (it->kind) {
		case LB_BOX:
			st.sw += it->w;
			break;
		case LB_GLUE:
			if (lb_glue_breaks(items, i))
				lb_try(&st, i);
			st.sw += it->w;
			st.sy += it->stretch;
			st.sz += it->shrink;
			break;
		default:
			if (it->penalty < LB_INF && (p->hyphenate ||
			    !(it->flags & LBF_DICT)))
				lb_try(&st, i);
			break;
		}
		if (s->nact == 0)
			return -1;
	}

	/* Every node left ends at the last item (a forced break). */
	bestn = -1;
	bt = HUGE_VAL;
	for (i = 0; i < s->nact; i++) {
		nd = &s->nodes[s->act[i].node];
		if (nd->pos == n - 1 && nd->total < bt) {
			bt = nd->total;
			bestn = s->act[i].node;
		}
	}
	if (bestn < 0)
		return -1;
	nl = (size_t)s->nodes[bestn].line;
	*breaks = pv_xreallocarray(NULL, nl, sizeof(**breaks));
	*nbreaks = nl;
	for (k = bestn; k >= 0 && s->nodes[k].pos != SIZE_MAX;
	    k = s->nodes[k].prev)
		(*breaks)[--nl] = s->nodes[k].pos;
	return 0;
}
