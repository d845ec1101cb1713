/*
 * layout_wheel.c - the year wheel (class chart-wheel): a ring of twelve
 * month sectors with a mark for each row of the table at its day.
 *
 * parse has checked the data (parse_wheel.c): data-year, twelve month
 * words in data-months, a real data-date in that year on each body row,
 * data-kind meeting or deadline.  The wheel is one slice (a picture is
 * not broken across pages) drawn above the table, which lx_chart then
 * sets as any chart's table: the table is the key, each mark carries the
 * text of its row's first cell ("1", "2", ...).
 *
 * Angles: the year runs clockwise from the top, each day at its true
 * place (day d of a year of n days at d/n of a turn), so the months
 * have their true sizes.  Sectors alternate two tints of the theme's
 * accent with a white seam; meetings are dark filled circles and
 * deadlines diamonds with a white centre and a dark outline, which tell
 * them apart in greyscale by shape as well as lightness.  Every word
 * printed comes from the table: the months, the year, the row numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/date.h"
#include "../util/mem.h"
#include "layout_int.h"

#define WH_MAX_R 95.0     /* pt: the ring's outer radius, at most */
#define WH_MIN_R 30.0
#define WH_RING 0.36      /* of the radius: the ring's width */
#define WH_MARK 3.6       /* pt: a mark's radius */
#define WH_LEVEL 9.5      /* pt between marks that would overlap */
#define WH_LEVELS 3       /* levels in the ring; more overlap */

struct wheel {
	struct lctx *c;
	struct vlist *vl;
	int face;
	double size, asc;
	uint32_t ink, accent;
	double cx, cy, R, r;  /* centre (slice-relative), radii */
	int ndays;
};

/* The angle (radians, counter-clockwise from +x as paths want it) of
 * a point `day` days into the year: the top at 0, clockwise. */
static double
angle(const struct wheel *w, double day)
{
	return M_PI / 2 - 2 * M_PI * day / w->ndays;
}

/* Text centred on (x,y) when `align` is 1, else starting (0) or ending
 * (2) there; y is the middle of the letters. */
static void
text_at(struct wheel *w, double x, double y, const char *s, size_t n,
    int align)
{
	lx_chart_text(w->c, w->vl, w->face, w->size, w->ink, x,
	    y - 0.35 * w->size, s, n, align);
}

/* Text beside a point at angle a: away from it outwards (side 1) or
 * inwards (side -1), aligned so that it never runs over the point. */
static void
text_beside(struct wheel *w, double a, double rad, const char *s,
    size_t n, int side)
{
	double x = w->cx + rad * cos(a), y = w->cy + rad * sin(a);
	double c = cos(a) * side;
	int align = c > 0.25 ? 0 : c < -0.25 ? 2 : 1;

	/* Above or below the point: clear of it by half a line. */
	y += sin(a) * side * 0.45 * w->size;
	text_at(w, x, y, s, n, align);
}

/* The sector of days [d0, d1) of the ring. */
static void
sector(struct wheel *w, int d0, int d1, uint32_t fill)
{
	struct lay_item *it = vl_item(w->vl, LK_PATH, LR_ARTIFACT);
	double a0 = angle(w, d0), a1 = angle(w, d1);

	it->x = w->cx;
	it->y = w->cy;
	it->fill = fill;
	it->color = 0xFFFFFF;
	it->line_width = 0.8;
	lay_path_arc(it, 0, 0, w->R, a1, a0);
	lay_path_arc(it, 0, 0, w->r, a0, a1);
	lay_path_close(it);
}

static void
mark(struct wheel *w, double x, double y, enum doc_mark_kind kind)
{
	struct lay_item *it = vl_item(w->vl, LK_PATH, LR_ARTIFACT);
	double m = WH_MARK;

	it->x = x;
	it->y = y;
	it->color = w->ink;
	if (kind == DOC_MARK_DEADLINE) {
		/* A diamond: white inside, a dark outline. */
		it->fill = 0xFFFFFF;
		it->line_width = 1.2;
		m *= 1.25;
		lay_path_move(it, 0, m);
		lay_path_line(it, m, 0);
		lay_path_line(it, 0, -m);
		lay_path_line(it, -m, 0);
		lay_path_close(it);
		return;
	}
	it->fill = w->ink;
	it->line_width = 0.8;
	it->color = 0xFFFFFF;
	lay_path_arc(it, 0, 0, m, 0, 2 * M_PI);
	lay_path_close(it);
}

/* The next word of a space-separated list, or NULL at its end. */
static const char *
word(const char *s, size_t *n)
{
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return NULL;
	for (*n = 0; s[*n] != '\0' && s[*n] != ' '; (*n)++)
		continue;
	return s;
}

struct wrow {
	int day;
	enum doc_mark_kind kind;
	char *label;
	int level;
};

/* The rows with a day: from the body rows, their data-date cell. */
static size_t
read_rows(const struct doc_node *t, struct wrow **out)
{
	const struct doc_node *s, *r, *cell;
	struct wrow *rows = NULL;
	size_t n = 0, cap = 0;

	for (s = t->first; s != NULL; s = s->next) {
		if (s->kind != DOC_TBODY)
			continue;
		for (r = s->first; r != NULL; r = r->next) {
			for (cell = r->first; cell != NULL; cell = cell->next)
				if (cell->kind == DOC_TD && cell->yday >= 0 &&
				    cell->date_year == t->year)
					break;
			if (cell == NULL)
				continue;
			PV_GROW(rows, cap, n + 1);
			rows[n].day = cell->yday;
			rows[n].kind = r->mark == DOC_MARK_DEADLINE ?
			    DOC_MARK_DEADLINE : DOC_MARK_MEETING;
			rows[n].label = r->first != NULL ?
			    lx_plain_text(r->first) : pv_xstrdup("");
			rows[n].level = 0;
			n++;
		}
	}
	*out = rows;
	return n;
}

/* Marks closer than a mark's width along the ring step inwards, so
 * that close days stay readable (after WH_LEVELS they overlap). */
static void
levels(const struct wheel *w, struct wrow *rows, size_t n)
{
	double rad = (w->R + w->r) / 2, need = 2.4 * WH_MARK, da;
	size_t i, j;
	int used;

	for (i = 0; i < n; i++) {
		for (rows[i].level = 0; rows[i].level < WH_LEVELS - 1;
		    rows[i].level++) {
			used = 0;
			for (j = 0; j < i; j++) {
				da = fabs(angle(w, rows[i].day) -
				    angle(w, rows[j].day));
				if (da > M_PI)
					da = 2 * M_PI - da;
				if (rows[j].level == rows[i].level &&
				    da * rad < need)
					used = 1;
			}
			if (!used)
				break;
		}
	}
}

void
lx_wheel(struct lctx *c, struct flow *fl, const struct doc_node *t,
    const struct theme_text *ts)
{
	struct wheel w;
	struct wrow *rows;
	const char *m;
	size_t nrows, i, n = 0;
	struct pv_date d;
	int month, start[13];
	double room, h, rad, mr;
	char year[16];

	if (t->months == NULL || t->year <= 0)
		return;
	memset(&w, 0, sizeof(w));
	w.c = c;
	w.vl = fl->vl;
	w.face = lx_style_face(c, ts, 0, 0);
	w.size = ts->size;
	w.ink = c->th->table.color;
	w.accent = c->th->accent;
	w.ndays = pv_is_leap_year(t->year) ? 366 : 365;
	/* The month labels need room outside the ring on both sides. */
	room = 0;
	for (m = t->months; (m = word(m, &n)) != NULL; m += n)
		if (w.face >= 0 && lx_text_width(c, w.face, w.size, m, n) >
		    room)
			room = lx_text_width(c, w.face, w.size, m, n);
	w.R = fmin(WH_MAX_R, fl->w / 2 - room - 8);
	if (w.R < WH_MIN_R)
		w.R = WH_MIN_R;
	w.r = w.R * (1 - WH_RING);
	h = 2 * w.R + 2 * (w.size + 10);
	w.cx = fl->x + fl->w / 2;
	w.cy = -h / 2;
	vs_new(fl->vl, h, -1);
	/* The first day of each month, and one past the year. */
	for (month = 1; month <= 13; month++) {
		d.year = t->year + (month == 13);
		d.month = month == 13 ? 1 : month;
		d.day = 1;
		start[month - 1] = (int)pv_date_days(&d);
	}
	for (month = 12; month >= 0; month--)
		start[month] -= start[0];
	m = t->months;
	for (month = 0; month < 12; month++) {
		sector(&w, start[month], start[month + 1], lx_tint(w.accent,
		    month % 2 ? 0.34 : 0.16));
		if ((m = word(m, &n)) == NULL)
			continue;
		text_beside(&w, angle(&w, (start[month] + start[month + 1]) /
		    2.0), w.R + 5, m, n, 1);
		m += n;
	}
	snprintf(year, sizeof(year), "%d", t->year);
	text_at(&w, w.cx, w.cy, year, strlen(year), 1);
	nrows = read_rows(t, &rows);
	levels(&w, rows, nrows);
	for (i = 0; i < nrows; i++) {
		/* At the middle of its day, on the ring, stepped inwards. */
		rad = w.R - WH_MARK - 3 - rows[i].level * WH_LEVEL;
		mr = angle(&w, rows[i].day + 0.5);
		mark(&w, w.cx + rad * cos(mr), w.cy + rad * sin(mr),
		    rows[i].kind);
		text_beside(&w, mr, w.r - 4 - rows[i].level * (w.size + 1),
		    rows[i].label, strlen(rows[i].label), -1);
		free(rows[i].label);
	}
	free(rows);
}
