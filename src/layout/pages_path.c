/*
 * pages_path.c - building the paths of LK_PATH items (charts, and the
 * sectors of a year wheel): moves, lines, cubic curves, arcs.
 *
 * Points are relative to the item's (x,y), so that pagination, which
 * moves items by changing (x,y), never has to touch a path.  An arc is
 * approximated by Bézier curves of at most 90 degrees each, with the
 * usual control distance 4/3 tan(theta/4) r, which stays within 0.03 %
 * of the radius: below what a printer shows.
 */
#include <math.h>
#include <string.h>

#include "../util/mem.h"
#include "pages.h"

static struct lay_seg *
seg_add(struct lay_item *it, enum lay_seg_op op)
{
	struct lay_seg *s;

	PV_GROW(it->segs, it->capsegs, it->nsegs + 1);
	s = &it->segs[it->nsegs++];
	memset(s, 0, sizeof(*s));
	s->op = op;
	return s;
}

void
lay_path_move(struct lay_item *it, double x, double y)
{
	struct lay_seg *s = seg_add(it, LS_MOVE);

	s->p[0] = x;
	s->p[1] = y;
}

void
lay_path_line(struct lay_item *it, double x, double y)
{
	struct lay_seg *s = seg_add(it, LS_LINE);

	s->p[0] = x;
	s->p[1] = y;
}

void
lay_path_curve(struct lay_item *it, double x1, double y1, double x2,
    double y2, double x3, double y3)
{
	struct lay_seg *s = seg_add(it, LS_CURVE);

	s->p[0] = x1;
	s->p[1] = y1;
	s->p[2] = x2;
	s->p[3] = y2;
	s->p[4] = x3;
	s->p[5] = y3;
}

void
lay_path_close(struct lay_item *it)
{
	seg_add(it, LS_CLOSE);
}

void
lay_path_arc(struct lay_item *it, double cx, double cy, double r,
    double a0, double a1)
{
	double span = a1 - a0, step, k, a, b;
	int n, i;

	n = (int)ceil(fabs(span) / (M_PI / 2) - 1e-9);
	if (n < 1)
		n = 1;
	if (n > 64)     /* more than 16 turns is a caller's bug */
		n = 64;
	step = span / n;
	k = 4.0 / 3.0 * tan(step / 4) * r;
	if (it->nsegs == 0)
		lay_path_move(it, cx + r * cos(a0), cy + r * sin(a0));
	else
		lay_path_line(it, cx + r * cos(a0), cy + r * sin(a0));
	for (i = 0; i < n; i++) {
		a = a0 + i * step;
		b = a + step;
		lay_path_curve(it,
		    cx + r * cos(a) - k * sin(a), cy + r * sin(a) + k * cos(a),
		    cx + r * cos(b) + k * sin(b), cy + r * sin(b) - k * cos(b),
		    cx + r * cos(b), cy + r * sin(b));
	}
}

void
lay_path_copy(struct lay_item *dst, const struct lay_item *src)
{
	dst->segs = NULL;
	dst->nsegs = dst->capsegs = 0;
	if (src->nsegs == 0)
		return;
	dst->segs = pv_xreallocarray(NULL, src->nsegs, sizeof(*dst->segs));
	memcpy(dst->segs, src->segs, src->nsegs * sizeof(*dst->segs));
	dst->nsegs = dst->capsegs = src->nsegs;
}
