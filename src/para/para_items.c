/*
 * para_items.c - from styled runs to boxes, glue and penalties.
 *
 * This is where text becomes the material of the Knuth-Plass model, and
 * where every typographic decision about *where* a line may end is made:
 * spaces collapse into one stretchable glue; U+00A0 and the spaces of a
 * nowrap run are glue that does not break; '\n' (from <br>) forces a
 * break; a word may end a line after an explicit '-', at a soft hyphen,
 * at a dictionary hyphenation point (when asked for), and, in the
 * emergency pass, between any two characters if it is wider than a line.
 * A word can span runs (bold inside a word) and its pieces join without
 * a break.
 *
 * The line breaker never sees text, and this file never decides which
 * breaks are taken.  It must never report a missing glyph twice for one
 * paragraph, and never emit a breakable glue at the start of a line.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../font/font.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "para_int.h"

/* What may happen after a character of a word (para_ch.brk). */
enum {
	PB_NONE,
	PB_HYPH,        /* dictionary hyphenation point */
	PB_SOFT,        /* U+00AD */
	PB_EXPL,        /* after an explicit '-' */
	PB_ZW,          /* U+200B: a break without a hyphen */
	PB_CHAR,        /* emergency, between any two characters */
	PB_CHARPREF,    /* emergency, after / . - ? & = _ */
	PB_URL,         /* in a URL, after / ? & = */
	PB_URLSOFT,     /* in a URL, after . - _ @ (dearer) */
	PB_SYLL,        /* emergency, before a consonant and a vowel */
};

/* Hyphenation: words shorter than this (letters) are left whole; the
 * longest we ask about. */
#define PARA_HYPH_MIN 5
#define PARA_HYPH_MAX 64

void
para_ctx_init(struct para_ctx *c, const struct para_run *runs, size_t n,
    const struct fontset *fs, struct hyphenator *h, const char *lang)
{
	size_t i, bytes = 0;

	memset(c, 0, offsetof(struct para_ctx, fc));
	c->runs = runs;
	c->nruns = n;
	c->fs = fs;
	c->hyph = h;
	c->lang = lang != NULL ? lang : "nb";
	c->justify = 1;
	for (i = 0; i < PARA_FCACHE_FACES; i++)
		c->fc[i].face = -1;
	/* About one item per two bytes of text: allocate once. */
	for (i = 0; i < n; i++)
		bytes += runs[i].len;
	c->cap_items = bytes / 2 + 8;
	if (c->cap_items > PARA_MAX_ITEMS)
		c->cap_items = PARA_MAX_ITEMS;
	c->items = pv_xreallocarray(NULL, c->cap_items, sizeof(*c->items));
}

void
para_ctx_free(struct para_ctx *c)
{
	free(c->items);
	free(c->ch);
	free(c->pts);
	free(c->wbuf);
	c->items = NULL;
	c->ch = NULL;
	c->pts = NULL;
	c->wbuf = NULL;
}

static struct para_fcache *
fc_get(struct para_ctx *c, int face)
{
	struct para_fcache *f;
	int i;

	for (i = 0; i < PARA_FCACHE_FACES; i++)
		if (c->fc[i].face == face)
			return &c->fc[i];
	f = &c->fc[c->fc_next];
	c->fc_next = (c->fc_next + 1) % PARA_FCACHE_FACES;
	f->face = face;
	memset(f->state, 0, sizeof(f->state));
	return f;
}

static void
fc_fill(struct para_ctx *c, struct para_fcache *f, uint32_t cp)
{
	f->adv[cp] = font_advance(c->fs, f->face, cp);
	f->state[cp] = font_has_glyph(c->fs, f->face, cp) ? 1 : 2;
}

/* Advance in thousandths of an em; *has: whether the face has the glyph. */
static int32_t
para_adv(struct para_ctx *c, int face, uint32_t cp, int *has)
{
	struct para_fcache *f;

	if (c->fs == NULL) {
		*has = 1;
		return 500;
	}
	if (cp >= PARA_FCACHE_CPS) {
		*has = font_has_glyph(c->fs, face, cp);
		return font_advance(c->fs, face, cp);
	}
	if (c->fc_last != NULL && c->fc_last->face == face)
		f = c->fc_last;
	else
		f = c->fc_last = fc_get(c, face);
	if (f->state[cp] == 0)
		fc_fill(c, f, cp);
	*has = f->state[cp] == 1;
	return f->adv[cp];
}

double
para_advance(struct para_ctx *c, int face, double size, uint32_t cp)
{
	int has;

	return para_adv(c, face, cp, &has) * size / 1000.0;
}

static void
note_missing(struct para_ctx *c, uint32_t cp, int face)
{
	size_t i;

	for (i = 0; i < c->nmissing; i++)
		if (c->missing[i].cp == cp)
			return;
	if (c->nmissing < PARA_MAX_MISSING) {
		c->missing[c->nmissing].cp = cp;
		c->missing[c->nmissing].face = face;
		c->nmissing++;
	} else
		c->nmissing_more++;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v';
}

static int
is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c >= 0xC0 && c <= 0x24F)
		return c != 0xD7 && c != 0xF7;
	if (c >= 0x370 && c <= 0x52F)
		return c != 0x37E && c != 0x387;
	return 0;
}

static int
is_combining(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	    (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	    (c >= 0xFE20 && c <= 0xFE2F);
}

/*
 * Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
 * presentation forms): they need the bidirectional algorithm, which we
 * do not have, so they are refused rather than set backwards.
 */
static int
is_rtl(uint32_t c)
{
	return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
	    (c >= 0x1E800 && c <= 0x1EFFF);
}

/* The characters a URL is best broken after. */
static int
is_url_break(uint32_t c)
{
	return c == '/' || c == '.' || c == '-' || c == '?' || c == '&' ||
	    c == '=' || c == '_';
}

/* No line begins with these (a break before them is never allowed). */
static int
is_close(uint32_t c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
	    c == '?' || c == ')' || c == ']' || c == '}' || c == 0xBB ||
	    c == 0x201D || c == 0x2019 || c == 0x2026;
}

/* No line ends with these. */
static int
is_open(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0xAB || c == 0x201C;
}

/* Characters that join what is on either side: a number's narrow
 * no-break space, the figure space, the word joiner. */
static int
is_joiner(uint32_t c)
{
	return c == 0x202F || c == 0x2007 || c == 0x2060 || c == 0xA0;
}

static int
is_vowel(uint32_t c)
{
	static const char v[] = "aeiouyAEIOUY";

	if (c < 0x80)
		return c != 0 && strchr(v, (int)c) != NULL;
	/* æ ø å and the accented vowels of Latin-1 and North Sami. */
	return (c >= 0xC0 && c <= 0xC6) || (c >= 0xC8 && c <= 0xCF) ||
	    (c >= 0xD2 && c <= 0xD6) || c == 0xD8 || (c >= 0xD9 && c <= 0xDD) ||
	    (c >= 0xE0 && c <= 0xE6) || (c >= 0xE8 && c <= 0xEF) ||
	    (c >= 0xF2 && c <= 0xF6) || c == 0xF8 || (c >= 0xF9 && c <= 0xFD) ||
	    c == 0xFF;
}

/* Whether a break may ever go between characters a and b of a word. */
static int
may_cut(uint32_t a, uint32_t b)
{
	return !is_close(b) && !is_open(a) && !is_joiner(a) &&
	    !is_joiner(b) && !is_combining(b);
}

static struct lb_item *
push_item(struct para_ctx *c, int kind)
{
	struct lb_item *it;

	if (c->nitems >= PARA_MAX_ITEMS - 1) {
		c->truncated = 1;
		return NULL;
	}
	PV_GROW(c->items, c->cap_items, c->nitems + 1);
	it = &c->items[c->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = (uint8_t)kind;
	return it;
}

static void
seg_break(struct para_ctx *c, double pw, int counts_for_min)
{
	if (c->seg_w + pw > c->max_seg)
		c->max_seg = c->seg_w + pw;
	c->seg_w = 0;
	if (counts_for_min) {
		if (c->minseg_w + pw > c->min_width)
			c->min_width = c->minseg_w + pw;
		c->minseg_w = 0;
	}
}

static void
seg_add(struct para_ctx *c, double w)
{
	c->seg_w += w;
	c->minseg_w += w;
	c->line_w += w;
}

/* Glue for a space (len == 0) or a U+00A0 at off in run `run`. */
static void
emit_glue(struct para_ctx *c, size_t run, uint32_t off, uint32_t len,
    int nobreak)
{
	const struct para_run *r = &c->runs[run];
	struct lb_item *it;
	double w;
	int has;

	w = para_adv(c, r->face, len ? 0xA0 : ' ', &has) * r->size / 1000.0;
	if (len && !has)
		w = para_adv(c, r->face, ' ', &has) * r->size / 1000.0;
	if ((it = push_item(c, LB_GLUE)) == NULL)
		return;
	it->w = w;
	if (c->justify) {
		it->stretch = w / 2;
		it->shrink = w / 3;
	}
	it->run = (uint32_t)run;
	it->off = off;
	it->len = len;
	/* Glue breaks only right after a box (lb_glue_breaks()). */
	if (nobreak)
		it->flags |= LBF_NOBREAK;
	if (nobreak || c->nitems < 2 || c->items[c->nitems - 2].kind != LB_BOX)
		seg_add(c, w);
	else {
		c->line_w += w;
		seg_break(c, 0, 1);
	}
}

/*
 * The glue of a pending space before the next word.  After U+00A0s
 * ("a&nbsp; b") it goes before them: a break there leaves the no-break
 * spaces at the start of the next line, where they are dropped, instead
 * of at the end of this one, where they would push a justified line's
 * last word off the margin.
 */
static void
emit_pending(struct para_ctx *c)
{
	struct lb_item tmp;
	size_t i, k, n;
	double w;

	if (c->pending < 0)
		return;
	/* Nothing before it (only a U+00A0 an emergency dropped). */
	if (c->nitems == 0) {
		c->pending = -1;
		return;
	}
	n = c->nitems;
	emit_glue(c, (size_t)c->pending, 0, 0, c->runs[c->pending].nowrap);
	c->pending = -1;
	if (c->nitems != n + 1 || (c->items[n].flags & LBF_NOBREAK))
		return;
	for (k = n; k > 0 && c->items[k - 1].kind == LB_GLUE &&
	    (c->items[k - 1].flags & LBF_NOBREAK); k--)
		;
	if (k == n || k == 0 || c->items[k - 1].kind != LB_BOX)
		return;
	tmp = c->items[n];
	memmove(&c->items[k + 1], &c->items[k], (n - k) * sizeof(tmp));
	c->items[k] = tmp;
	/* emit_glue() counted it inside the tie; it now ends the piece
	 * before the ties, which start the next. */
	for (w = 0, i = k + 1; i <= n; i++)
		w += c->items[i].w;
	c->seg_w -= w + tmp.w;
	c->minseg_w -= w + tmp.w;
	seg_break(c, 0, 1);
	c->seg_w += w;
	c->minseg_w += w;
}

/*
 * The shaped width of the bytes [off, off + len) of a run, pt, as the
 * fragment will show them (without soft hyphens, zero-width spaces and
 * controls); `w`, the sum of the characters' advances, when unshaped.
 */
static double
shaped_width(struct para_ctx *c, uint32_t run, uint32_t off, uint32_t len,
    double w)
{
	const struct para_run *r = &c->runs[run];
	const char *s = r->text + off;
	size_t n = len, i, k;
	int32_t sw;
	uint32_t cp;

	if (c->shape == NULL || c->fs == NULL || len == 0)
		return w;
	if (c->special) {
		if (3 * (size_t)len + 1 > c->cap_wbuf) {
			c->cap_wbuf = 3 * (size_t)len + 64;
			c->wbuf = pv_xrealloc(c->wbuf, c->cap_wbuf);
		}
		for (i = 0, n = 0; i < len; i += k) {
			k = 1;
			cp = (unsigned char)s[i];
			if (cp >= 0x80 && (k = pv_utf8_decode(s + i, len - i,
			    &cp)) == 0) {
				k = 1;
				cp = 0xFFFD;
				n += pv_utf8_encode(cp, c->wbuf + n);
				continue;
			}
			if (cp < 0x20 || cp == 0x7F || cp == 0xAD ||
			    cp == 0x200B)
				continue;
			memcpy(c->wbuf + n, s + i, k);
			n += k;
		}
		s = c->wbuf;
	}
	para_shape(c->shape, c->fs, r->face, s, n, &i, &sw);
	return sw * r->size / 1000.0;
}

static void
emit_span(struct para_ctx *c, uint32_t run, uint32_t off, uint32_t len,
    double w, int last)
{
	struct lb_item *it;

	w = shaped_width(c, run, off, len, w);

	if ((it = push_item(c, LB_BOX)) == NULL)
		return;
	it->w = w;
	it->run = run;
	it->off = off;
	it->len = len;
	if (last)
		it->flags |= LBF_WORDEND;
	seg_add(c, w);
}

/* Characters from..to of the word in ch[] as one box. */
static void
emit_box(struct para_ctx *c, size_t from, size_t to, int last)
{
	const struct para_ch *a = &c->ch[from], *z = &c->ch[to - 1];
	double w = 0;
	size_t i;

	for (i = from; i < to; i++)
		w += c->ch[i].w;
	emit_span(c, a->run, a->off, z->off + z->len - a->off, w, last);
}

static double
hyphen_width(struct para_ctx *c, size_t run)
{
	return para_advance(c, c->runs[run].face, c->runs[run].size, '-');
}

/* Characters a line may end with that need no hyphen after them. */
static int
ends_in_mark(uint32_t cp)
{
	return cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2011 ||
	    cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x00AD;
}

static void
emit_break(struct para_ctx *c, const struct para_ch *ch)
{
	struct lb_item *it;
	double pw = 0;

	if ((it = push_item(c, LB_PENALTY)) == NULL)
		return;
	it->run = ch->run;
	switch (ch->brk) {
	case PB_HYPH:
	case PB_SOFT:
		/* After a dash or a slash the line already ends in one:
		 * "e-" and "a/" take no second mark. */
		if (ends_in_mark(ch->cp)) {
			it->penalty = PARA_EXHYPHEN_PENALTY;
			it->flags = LBF_FLAGGED;
			break;
		}
		pw = hyphen_width(c, ch->run);
		it->w = pw;
		it->penalty = c->justify ? PARA_HYPHEN_PENALTY :
		    PARA_RAGGED_HYPHEN_PENALTY;
		it->flags = LBF_FLAGGED | LBF_HYPHEN;
		if (ch->brk == PB_SOFT)
			it->flags |= LBF_SOFT;
		else
			it->flags |= LBF_DICT;
		break;
	case PB_EXPL:
		it->penalty = PARA_EXHYPHEN_PENALTY;
		it->flags = LBF_FLAGGED;
		break;
	case PB_ZW:
		it->penalty = 0;
		break;
	case PB_URL:
		it->penalty = PARA_URL_PENALTY;
		break;
	case PB_URLSOFT:
		it->penalty = PARA_URL_SOFT_PENALTY;
		break;
	case PB_CHAR:
	case PB_CHARPREF:
	case PB_SYLL:
		it->penalty = ch->brk == PB_CHAR ? PARA_CHAR_PENALTY :
		    ch->brk == PB_SYLL ? PARA_SYLL_PENALTY :
		    PARA_CHAR_PREF_PENALTY;
		it->flags = LBF_CHARBRK;
		/* A word cut between letters shows it with a hyphen (a URL
		 * does not: the hyphen would be read as part of it, nor a
		 * number, where it reads as a minus), unless even a letter
		 * and a hyphen are wider than the line. */
		if (ch->brk != PB_CHARPREF && !c->word_url &&
		    !ends_in_mark(ch->cp) &&
		    !(ch->cp >= '0' && ch->cp <= '9') &&
		    ch->w + hyphen_width(c, ch->run) <= c->emergency) {
			pw = hyphen_width(c, ch->run);
			it->w = pw;
			it->flags |= LBF_HYPHEN;
		}
		break;
	}
	seg_break(c, pw, ch->brk != PB_CHAR && ch->brk != PB_CHARPREF &&
	    ch->brk != PB_SYLL);
}

/* What is learnt about a word while it is read (para_word.flags). */
#define WF_HYPHEN  0x01 /* has '-' or U+2010 */
#define WF_DIGIT   0x02
#define WF_URL     0x04 /* "://", '@', or starts "www." */
#define WF_SLASH   0x08
#define WF_SOFT    0x10 /* has a soft hyphen: the author decides */
#define WF_NOWRAP  0x20 /* some of it is in a nowrap run */
#define WF_URLSEP  0x40 /* has ? & = */
#define WF_COLON   0x80 /* has ':' (perhaps of "://") */
#define WF_LINKDOT 0x100 /* in a link, a '.' or '/' before a letter */

static void apply_points(struct para_ctx *, struct para_ch *, size_t, size_t);

/*
 * Mark the dictionary's hyphenation points of the letters ch[s..e).
 * The caller has checked that they are all letters, and the word
 * qualifies: no digits, no hyphen (a compound with a hyphen breaks only
 * there), no URL or address, no soft hyphen, nothing of a nowrap run.
 */
static void
mark_hyphenation(struct para_ctx *c, struct para_ch *ch, size_t s, size_t e)
{
	const char *word;
	size_t i, k, nb = 0;

	for (i = s; i < e; i++)
		nb += ch[i].len;
	PV_GROW(c->pts, c->cap_pts, e - s);
	/* Usually the letters lie together in one run: no copy. */
	if (ch[s].run == ch[e - 1].run &&
	    ch[e - 1].off + ch[e - 1].len - ch[s].off == nb)
		word = c->runs[ch[s].run].text + ch[s].off;
	else {
		if (nb + 1 > c->cap_wbuf) {
			c->cap_wbuf = nb + 64;
			c->wbuf = pv_xrealloc(c->wbuf, c->cap_wbuf);
		}
		for (i = s, k = 0; i < e; i++) {
			memcpy(c->wbuf + k, c->runs[ch[i].run].text +
			    ch[i].off, ch[i].len);
			k += ch[i].len;
		}
		word = c->wbuf;
	}
	hyphenate_word(c->hyph, c->lang, word, nb, c->pts, e - s);
	apply_points(c, ch, s, e);
}

/* The points in c->pts of the letters ch[s..e) become breaks. */
static void
apply_points(struct para_ctx *c, struct para_ch *ch, size_t s, size_t e)
{
	size_t i;

	for (i = 0; i + 1 < e - s; i++)
		if (c->pts[i] && ch[s + i].brk == PB_NONE)
			ch[s + i].brk = PB_HYPH;
}

/* A break between the letters ch[k] and ch[k + 1] that reads like a
 * syllable boundary: before a consonant followed by a vowel, with two
 * letters of a syllable before it and three after ("barne-hage"). */
static int
syllable_point(const struct para_ch *ch, size_t n, size_t k)
{
	size_t i;

	if (k < 1 || k + 3 >= n)
		return 0;
	for (i = k - 1; i <= k + 3; i++)
		if (!is_letter(ch[i].cp))
			return 0;
	if (is_vowel(ch[k + 1].cp) || !is_vowel(ch[k + 2].cp))
		return 0;
	for (i = k + 1; i-- > 0 && is_letter(ch[i].cp); )
		if (is_vowel(ch[i].cp))
			return 1;
	return 0;
}

/*
 * Emergency breaks, in a word wider than a line (`wide`): first after the
 * characters a URL is read in pieces by (/ . - ? & = _), then, in any
 * piece between breaks that is still wider than a line (with the hyphen
 * a break there adds), at points that read like syllable boundaries, and
 * only in a piece still too wide, between any two characters.  Never
 * before a closing or after an opening punctuation mark, next to a
 * no-break space or before a combining mark.  So a URL is cut at its
 * slashes when the pieces fit, a word at a syllable, and only a
 * 200-letter word at arbitrary letters.
 */
static void
mark_emergency(struct para_ctx *c, struct para_ch *ch, size_t n, int wide)
{
	size_t i, k, from;
	double w, hw;
	int round;

	if (!wide)
		return;
	/* In a URL, before a '-' rather than after it (see flush_word). */
	for (i = 0; i + 1 < n; i++)
		if (ch[i].brk == PB_NONE && (c->word_url ?
		    (ch[i].cp == '-' ? 0 : ch[i + 1].cp == '-' ?
		    !is_url_break(ch[i].cp) : is_url_break(ch[i].cp) &&
		    !is_url_break(ch[i + 1].cp)) :
		    is_url_break(ch[i].cp) && !is_url_break(ch[i + 1].cp)) &&
		    may_cut(ch[i].cp, ch[i + 1].cp))
			ch[i].brk = PB_CHARPREF;
	/* Round 2 is for a piece that is still wider than a line: then
	 * even a mark may begin a line (a joiner and a combining mark stay
	 * with their letter), as nothing else can keep it inside. */
	for (round = 0; round < 3; round++) {
		for (from = 0, w = 0, i = 0; i < n; i++) {
			w += ch[i].w;
			if (i + 1 < n && ch[i].brk == PB_NONE)
				continue;
			hw = i + 1 < n && (ch[i].brk == PB_HYPH ||
			    ch[i].brk == PB_SOFT || ch[i].brk == PB_SYLL) ?
			    hyphen_width(c, ch[i].run) : 0;
			if (w + hw > c->emergency) {
				for (k = from; k < i; k++) {
					if (ch[k].brk != PB_NONE)
						continue;
					if (round < 2 && (!may_cut(ch[k].cp,
					    ch[k + 1].cp) || (c->word_url &&
					    ch[k].cp == '-')))
						continue;
					if (round == 2 && (is_joiner(ch[k].cp) ||
					    is_joiner(ch[k + 1].cp) ||
					    is_combining(ch[k + 1].cp)))
						continue;
					if (round == 0 && !c->word_url) {
						if (syllable_point(ch, n, k))
							ch[k].brk = PB_SYLL;
					} else if (round >= 1)
						ch[k].brk = PB_CHAR;
				}
			}
			from = i + 1;
			w = 0;
		}
	}
}

/*
 * The word so far, read as bytes of one run, becomes characters in ch[]:
 * from here on its breaks are decided character by character.
 */
static void
word_chars(struct para_ctx *c)
{
	struct para_word *wd = &c->word;
	const struct para_run *r = &c->runs[wd->run];
	struct para_ch *ch;
	double scale = r->size / 1000.0;
	size_t i, k;
	uint32_t cp;
	int has;

	PV_GROW(c->ch, c->cap_ch, wd->n + 1);
	c->nch = 0;
	for (i = wd->off; i < wd->end; i += k) {
		cp = (unsigned char)r->text[i];
		k = 1;
		if (cp >= 0x80 && (k = pv_utf8_decode(r->text + i,
		    wd->end - i, &cp)) == 0)
			k = 1;
		/* What the reader skipped inside a word: controls, and
		 * the marks of a nowrap run (or it would have been
		 * complex already). */
		if (cp < 0x20 || cp == 0x7F || cp == 0xAD || cp == 0x200B)
			continue;
		ch = &c->ch[c->nch++];
		ch->cp = cp;
		ch->run = wd->run;
		ch->off = (uint32_t)i;
		ch->len = (uint8_t)k;
		ch->brk = PB_NONE;
		if (cp < PARA_FCACHE_CPS && c->fc_last != NULL &&
		    c->fc_last->face == r->face && c->fc_last->state[cp])
			ch->w = c->fc_last->adv[cp] * scale;
		else
			ch->w = para_adv(c, r->face, cp, &has) * scale;
	}
	wd->complex = 1;
}

/* The character i of the word being read. */
static uint32_t
word_cp(const struct para_ctx *c, size_t i)
{
	const struct para_word *wd = &c->word;

	if (wd->complex)
		return i < c->nch ? c->ch[i].cp : 0;
	/* Not complex: the first characters of interest are ASCII, and a
	 * byte that is not cannot match them. */
	return wd->off + i < wd->end ?
	    (unsigned char)c->runs[wd->run].text[wd->off + i] : 0;
}

/* A URL ("scheme://...", "www....") besides an address (seen as '@'). */
static int
word_is_url(const struct para_ctx *c)
{
	const struct para_word *wd = &c->word;
	size_t i;

	if (wd->n > 4 && (word_cp(c, 0) | 0x20) == 'w' &&
	    (word_cp(c, 1) | 0x20) == 'w' && (word_cp(c, 2) | 0x20) == 'w' &&
	    word_cp(c, 3) == '.')
		return 1;
	if ((wd->flags & (WF_COLON | WF_SLASH)) != (WF_COLON | WF_SLASH))
		return 0;
	if (wd->complex) {
		for (i = 0; i + 2 < c->nch; i++)
			if (c->ch[i].cp == ':' && c->ch[i + 1].cp == '/' &&
			    c->ch[i + 2].cp == '/')
				return 1;
		return 0;
	}
	for (i = wd->off; i + 2 < wd->end; i++) {
		const char *t = c->runs[wd->run].text + i;

		if (t[0] == ':' && t[1] == '/' && t[2] == '/')
			return 1;
	}
	return 0;
}

/*
 * Emit the word read so far.  Most words are one box, measured while
 * they were read; only a word that may break inside (a hyphen, a URL,
 * dictionary points, a soft hyphen, an emergency) is taken apart into
 * characters.
 */
/* The dictionary's points in every stretch of letters of ch[0..n). */
static void
hyphenate_pieces(struct para_ctx *c, struct para_ch *ch, size_t n)
{
	size_t i, s;

	for (i = 0; i < n; ) {
		if (!is_letter(ch[i].cp)) {
			i++;
			continue;
		}
		for (s = i; i < n && is_letter(ch[i].cp); i++)
			;
		if (i - s >= PARA_HYPH_MIN && i - s <= PARA_HYPH_MAX)
			mark_hyphenation(c, ch, s, i);
	}
}

static void
flush_word(struct para_ctx *c)
{
	struct para_word *wd = &c->word;
	struct para_ch *ch;
	size_t n = wd->n, i, from;
	int url, hyph, split, trailing, pts_ready = 0;

	if (n == 0)
		return;
	if (!(wd->flags & WF_URL) && ((wd->flags & WF_LINKDOT) ||
	    word_is_url(c)))
		wd->flags |= WF_URL;
	url = (wd->flags & WF_URL) != 0;
	c->word_url = url;
	c->words_w += wd->w;
	if (url)
		c->url_w += wd->w;
	/* The hyphen of "kompetanse- og ..." ends the word: it is no
	 * compound that breaks only there, and the letters before it
	 * hyphenate as any word's (Sandnes p9 had 0.77 em spaces). */
	trailing = (wd->flags & WF_HYPHEN) && wd->first != SIZE_MAX &&
	    wd->first_hyph > wd->last;
	hyph = c->hyphenate && !(wd->flags & ((trailing ? 0 : WF_HYPHEN) |
	    WF_DIGIT | WF_URL | WF_SLASH | WF_SOFT | WF_NOWRAP)) &&
	    wd->first != SIZE_MAX &&
	    wd->nlet == wd->last - wd->first + 1 &&
	    wd->nlet >= PARA_HYPH_MIN && wd->nlet <= PARA_HYPH_MAX;
	split = wd->complex || (c->emergency > 0 && wd->w > c->emergency) ||
	    (!url && (wd->flags & WF_HYPHEN) && n >= 5) ||
	    (url && c->url_breaks && !(wd->flags & WF_NOWRAP) && n >= 5) ||
	    (!url && (wd->flags & WF_SLASH) && n >= 5);
	if (!split && hyph) {
		PV_GROW(c->pts, c->cap_pts, wd->nlet);
		hyphenate_word(c->hyph, c->lang, c->runs[wd->run].text +
		    wd->first_off, wd->last_end - wd->first_off, c->pts,
		    wd->nlet);
		for (i = 0; i + 1 < wd->nlet && !split; i++)
			split = c->pts[i] != 0;
		pts_ready = 1;
	}
	if (!split) {
		emit_span(c, wd->run, wd->off, wd->end - wd->off, wd->w, 1);
		wd->n = 0;
		return;
	}
	if (!wd->complex)
		word_chars(c);
	ch = c->ch;
	n = c->nch;

	/* Explicit hyphens: at least two characters on either side. */
	if ((wd->flags & (WF_HYPHEN | WF_URL)) == WF_HYPHEN) {
		for (i = 2; i + 2 < n; i++) {
			if (ch[i].cp != '-' || ch[i - 1].cp == '-' ||
			    ch[i + 1].cp == '-' || ch[i].brk != PB_NONE)
				continue;
			if (c->runs[ch[i].run].nowrap ||
			    c->runs[ch[i + 1].run].nowrap)
				continue;
			ch[i].brk = PB_EXPL;
		}
	}
	/* "årsplaner/modulplanlegging", "(COS)/tilknytningspsykologi":
	 * after the slash, as after a hyphen (UAX #14 allows it too), with
	 * two letters, or a letter and a closing bracket, before it and two
	 * letters after it.  Like a compound with a hyphen, it breaks only
	 * there until the last passes: the pieces' own points would make a
	 * narrow column look as if it fitted and fill it with hyphens. */
	if (!url && (wd->flags & WF_SLASH)) {
		for (i = 2; i + 2 < n; i++)
			if (ch[i].cp == '/' && (is_letter(ch[i - 1].cp) ||
			    ch[i - 1].cp == ')' || ch[i - 1].cp == ']') &&
			    is_letter(ch[i - 2].cp) && is_letter(ch[i + 1].cp) &&
			    is_letter(ch[i + 2].cp) && ch[i].brk == PB_NONE &&
			    !c->runs[ch[i].run].nowrap &&
			    !c->runs[ch[i + 1].run].nowrap)
				ch[i].brk = PB_EXPL;
	}
	/* A URL or an address may break after its separators, without a
	 * hyphen: better than a line stretched around it, and a table
	 * column need not be as wide.  After / ? & = it reads naturally;
	 * after . _ @ it costs a little more, and so does a break before
	 * a '-': after it, the line would end in what every reader (and
	 * pdftotext) takes for a hyphen and drops. */
	if (url && c->url_breaks && !(wd->flags & WF_NOWRAP)) {
		for (i = 2; i + 2 < n; i++) {
			if (ch[i].brk != PB_NONE || ch[i + 1].cp == '/' ||
			    ch[i - 1].cp == '/' || is_url_break(ch[i + 1].cp) ||
			    ch[i + 1].cp == '@')
				continue;
			if (ch[i].cp == '/' || ch[i].cp == '?' ||
			    ch[i].cp == '&' || ch[i].cp == '=')
				ch[i].brk = PB_URL;
			else if ((ch[i].cp == '.' || ch[i].cp == '_' ||
			    ch[i].cp == '@') && ch[i - 1].cp != ':')
				ch[i].brk = PB_URLSOFT;
		}
		for (i = 2; i + 3 < n; i++) {
			if (ch[i + 1].cp == '-' && ch[i].brk == PB_NONE &&
			    !is_url_break(ch[i].cp) &&
			    !is_url_break(ch[i + 2].cp))
				ch[i].brk = PB_URLSOFT;
		}
	}
	/* Dictionary points (which the first pass does not use), for a
	 * plain word: letters, with punctuation around them at most. */
	if (hyph) {
		if (pts_ready)
			apply_points(c, ch, wd->first, wd->last + 1);
		else
			mark_hyphenation(c, ch, wd->first, wd->last + 1);
	}
	if (c->emergency > 0 && wd->w > c->emergency) {
		/* Before any cut between letters, the dictionary's points
		 * of every stretch of letters ("Halvårsplaner/årsplaner",
		 * a heading, a narrow cell that does not hyphenate). */
		if (!hyph && !url && c->hyph != NULL &&
		    !(wd->flags & (WF_SOFT | WF_NOWRAP)))
			hyphenate_pieces(c, ch, n);
		mark_emergency(c, ch, n, 1);
	}

	from = 0;
	for (i = 0; i < n; i++) {
		if (i > from && ch[i].run != ch[i - 1].run) {
			emit_box(c, from, i, 0);
			from = i;
		}
		if (i + 1 == n)
			break;
		if (ch[i].brk != PB_NONE) {
			emit_box(c, from, i + 1, 0);
			from = i + 1;
			emit_break(c, &ch[i]);
		}
	}
	emit_box(c, from, n, 1);
	c->nch = 0;
	wd->n = 0;
}

/* Add a character of a word, `w` wide. */
static void
add_char(struct para_ctx *c, size_t run, size_t off, size_t len,
    uint32_t cp, double w)
{
	struct para_word *wd = &c->word;
	struct para_ch *ch;

	if (wd->n >= PARA_MAX_WORD)
		flush_word(c);
	if (wd->n == 0) {
		emit_pending(c);
		c->line_start = 0;
		/* An emergency build looks at every character. */
		wd->complex = c->emergency > 0;
		wd->run = (uint32_t)run;
		wd->off = (uint32_t)off;
		wd->w = 0;
		wd->flags = 0;
		wd->nlet = 0;
		wd->first = SIZE_MAX;
		wd->first_hyph = SIZE_MAX;
		if (c->runs[run].nowrap)
			wd->flags |= WF_NOWRAP;
		c->nch = 0;
	} else if (run != c->ch_run) {
		if (!wd->complex)
			word_chars(c);
		if (c->runs[run].nowrap)
			wd->flags |= WF_NOWRAP;
	}
	c->ch_run = (uint32_t)run;
	/* Lower-case ASCII first: most characters are. */
	if ((cp >= 'a' && cp <= 'z') || is_letter(cp)) {
		if (wd->first == SIZE_MAX) {
			wd->first = wd->n;
			wd->first_off = (uint32_t)off;
		}
		wd->last = wd->n;
		wd->last_end = (uint32_t)(off + len);
		wd->nlet++;
	} else if (cp == '-' || cp == 0x2010) {
		wd->flags |= WF_HYPHEN;
		if (wd->first_hyph == SIZE_MAX)
			wd->first_hyph = wd->n;
	}
	else if (cp >= '0' && cp <= '9')
		wd->flags |= WF_DIGIT;
	else if (cp == '/')
		wd->flags |= WF_SLASH;
	else if (cp == '@')
		wd->flags |= WF_URL;
	else if (cp == ':')
		wd->flags |= WF_COLON;
	else if (cp == '?' || cp == '&' || cp == '=')
		wd->flags |= WF_URLSEP;
	/* Link text that reads as an address ("kompetanse.udir.no"). */
	if ((c->prev_cp == '.' || c->prev_cp == '/') && wd->n > 1 &&
	    is_letter(cp) && c->runs[run].uri != NULL)
		wd->flags |= WF_LINKDOT;
	c->prev_cp = cp;

	if (wd->complex) {
		if (c->nch >= c->cap_ch)
			PV_GROW(c->ch, c->cap_ch, c->nch + 1);
		ch = &c->ch[c->nch++];
		ch->cp = cp;
		ch->run = (uint32_t)run;
		ch->off = (uint32_t)off;
		ch->len = (uint8_t)len;
		ch->brk = PB_NONE;
		ch->w = w;
	}
	wd->end = (uint32_t)(off + len);
	wd->w += w;
	wd->n++;
}

/* A soft hyphen or zero-width space: a break after the character before
 * it, if that is in a word. */
static void
add_mark(struct para_ctx *c, const struct para_run *r, uint32_t cp)
{
	struct para_word *wd = &c->word;

	if (wd->n == 0 || r->nowrap)
		return;
	if (!wd->complex)
		word_chars(c);
	if (c->nch > 0 && c->ch[c->nch - 1].brk == PB_NONE)
		c->ch[c->nch - 1].brk = cp == 0xAD ? PB_SOFT : PB_ZW;
	if (cp == 0xAD)
		wd->flags |= WF_SOFT;
}

/*
 * Emergency: a stretch of text tied together by U+00A0 or a nowrap run
 * that is wider than a line may break at its ties after all; nothing may
 * run past the line.
 */
static void
free_wide_ties(struct para_ctx *c)
{
	struct lb_item *it;
	size_t i, start, k;
	double w;
	int round, keep;

	/* First the ties of spaces; the ties to punctuation only where a
	 * piece is still too wide without them. */
	/* Round 2 is for a piece that is still wider than a line: then
	 * even a mark may begin a line (a joiner and a combining mark stay
	 * with their letter), as nothing else can keep it inside. */
	for (round = 0; round < 3; round++) {
		keep = 0;
		for (start = 0, w = 0, i = 0; i < c->nitems; i++) {
			it = &c->items[i];
			if ((it->kind == LB_GLUE &&
			    !(it->flags & LBF_NOBREAK)) ||
			    (it->kind == LB_PENALTY &&
			    it->penalty < LB_INF)) {
				/* A piece that ends in an added hyphen
				 * carries it. */
				if (it->kind == LB_PENALTY &&
				    (it->flags & LBF_HYPHEN))
					w += it->w;
				if (w > c->emergency)
					for (k = start; k < i; k++) {
						if (c->items[k].flags &
						    LBF_KEEP) {
							keep = 1;
							if (round == 0)
								continue;
						}
						c->items[k].flags &=
						    (uint8_t)~(LBF_NOBREAK |
						    LBF_KEEP);
					}
				start = i + 1;
				w = 0;
			} else
				w += it->w;
		}
		if (!keep)
			break;
	}
}

/* The text of the word whose boxes start (dir > 0) or end (dir < 0) at
 * item i, up to cap - 1 bytes; "" when it is longer. */
static void
word_text(const struct para_ctx *c, size_t i, int dir, char *out,
    size_t cap)
{
	size_t a = i, b = i, k, n = 0;
	const struct lb_item *it;

	out[0] = '\0';
	if (dir < 0)
		while (a > 0 && (c->items[a - 1].kind == LB_BOX ||
		    (c->items[a - 1].kind == LB_PENALTY &&
		    c->items[a - 1].penalty > -LB_INF)))
			a--;
	else
		while (b + 1 < c->nitems && (c->items[b + 1].kind == LB_BOX ||
		    (c->items[b + 1].kind == LB_PENALTY &&
		    c->items[b + 1].penalty > -LB_INF)))
			b++;
	for (k = a; k <= b; k++) {
		it = &c->items[k];
		if (it->kind != LB_BOX)
			continue;
		if (n + it->len + 1 > cap) {
			out[0] = '\0';
			return;
		}
		memcpy(out + n, c->runs[it->run].text + it->off, it->len);
		n += it->len;
	}
	out[n] = '\0';
}

static uint32_t
first_cp(const char *s)
{
	uint32_t cp = 0;

	if (*s == '\0')
		return 0;
	if (pv_utf8_decode(s, strlen(s), &cp) == 0)
		return 0;
	return cp;
}

static uint32_t
last_cp(const char *s)
{
	size_t n = strlen(s), i = n;
	uint32_t cp = 0;

	if (n == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	if (pv_utf8_decode(s + i, n - i, &cp) == 0)
		return 0;
	return cp;
}

static int
all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s), i;

	if (n < min || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
is_month(const char *w)
{
	static const char *const m[] = { "januar", "februar", "mars",
	    "april", "mai", "juni", "juli", "august", "september", "oktober",
	    "november", "desember" };
	char t[16];
	size_t i, n = strlen(w);

	while (n > 0 && (w[n - 1] == ',' || w[n - 1] == '.' ||
	    w[n - 1] == ')' || w[n - 1] == ';' || w[n - 1] == ':'))
		n--;
	if (n == 0 || n >= sizeof(t))
		return 0;
	memcpy(t, w, n);
	t[n] = '\0';
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(t, m[i]) == 0)
			return 1;
	return 0;
}

/*
 * Spaces no line may end at, found by the words around them: before a
 * closing or after an opening mark ("kompetanse.udir.no :"), inside a
 * number grouped with spaces ("1 087 500", which does not stretch
 * either), between "kr" and an amount, "Uke" and its number, and a day
 * and its month ("1. september").  Returns whether any was made.
 */
static int
tie_words(struct para_ctx *c)
{
	struct lb_item *g;
	const struct lb_item *p, *q;
	char a[48], b[48];
	size_t i;
	uint32_t bc;
	int made = 0, keep, num;

	for (i = 1; i + 1 < c->nitems; i++) {
		g = &c->items[i];
		if (g->kind != LB_GLUE || c->items[i - 1].kind != LB_BOX ||
		    c->items[i + 1].kind != LB_BOX)
			continue;
		if (g->flags & LBF_NOBREAK) {
			/* U+00A0 inside a number: it does not stretch. */
			if (g->len > 0) {
				word_text(c, i - 1, -1, a, sizeof(a));
				word_text(c, i + 1, 1, b, sizeof(b));
				if (all_digits(a, 1, 3) && all_digits(b, 3, 3))
					g->stretch = g->shrink = 0;
			}
			continue;
		}
		/* Most spaces follow a word longer than "kr", "Uke" or
		 * "1 087" and come before a letter: look no further. */
		p = &c->items[i - 1];
		q = &c->items[i + 1];
		if (p->len > 4 && q->len > 0 && !is_close((unsigned char)
		    c->runs[q->run].text[q->off]) && !is_open((unsigned char)
		    c->runs[p->run].text[p->off + p->len - 1]) &&
		    (unsigned char)c->runs[q->run].text[q->off] < 0x80)
			continue;
		word_text(c, i - 1, -1, a, sizeof(a));
		word_text(c, i + 1, 1, b, sizeof(b));
		bc = first_cp(b);
		keep = is_close(bc) || is_open(last_cp(a));
		num = all_digits(a, 1, 3) && all_digits(b, 3, 3);
		if (!keep && !num &&
		    !((strcmp(a, "kr") == 0 || strcmp(a, "Kr") == 0 ||
		    strcmp(a, "kr.") == 0 || strcmp(a, "Uke") == 0 ||
		    strcmp(a, "uke") == 0 || strcmp(a, "Veke") == 0 ||
		    strcmp(a, "veke") == 0) && bc >= '0' && bc <= '9') &&
		    !(strlen(a) >= 2 && strlen(a) <= 3 &&
		    a[strlen(a) - 1] == '.' && all_digits(a, 2, 3) == 0 &&
		    a[0] >= '0' && a[0] <= '9' &&
		    (strlen(a) == 2 || (a[1] >= '0' && a[1] <= '9')) &&
		    is_month(b)))
			continue;
		g->flags |= LBF_NOBREAK;
		if (keep)
			g->flags |= LBF_KEEP;
		if (num)
			g->stretch = g->shrink = 0;
		made = 1;
	}
	return made;
}

/* min_width and max_seg again from the items, after tie_words. */
static void
remeasure(struct para_ctx *c)
{
	const struct lb_item *it;
	double seg = 0, minseg = 0, pw;
	size_t i;

	c->min_width = c->max_seg = 0;
	for (i = 0; i < c->nitems; i++) {
		it = &c->items[i];
		if (it->kind == LB_BOX ||
		    (it->kind == LB_GLUE && ((it->flags & LBF_NOBREAK) ||
		    i == 0 || c->items[i - 1].kind != LB_BOX))) {
			seg += it->w;
			minseg += it->w;
			continue;
		}
		if (it->kind == LB_PENALTY && it->penalty >= LB_INF)
			continue;
		pw = it->kind == LB_PENALTY ? it->w : 0;
		if (seg + pw > c->max_seg)
			c->max_seg = seg + pw;
		seg = 0;
		if (it->kind == LB_PENALTY && (it->flags & LBF_CHARBRK))
			continue;
		if (minseg + pw > c->min_width)
			c->min_width = minseg + pw;
		minseg = 0;
	}
	if (seg > c->max_seg)
		c->max_seg = seg;
	if (minseg > c->min_width)
		c->min_width = minseg;
}

void
para_items_build(struct para_ctx *c)
{
	const struct para_run *r;
	struct para_fcache *fc;
	struct lb_item *it;
	size_t ri, i, k;
	uint32_t cp;
	int32_t adv;
	double scale;
	int has;

	c->nitems = 0;
	c->special = 0;
	c->nch = 0;
	c->word.n = 0;
	c->min_width = c->max_width = c->max_seg = 0;
	c->seg_w = c->minseg_w = c->line_w = 0;
	c->truncated = 0;
	c->ties = 0;
	c->url_w = c->words_w = 0;
	c->prev_cp = 0;
	c->pending = -1;
	c->line_start = 1;
	c->rtl_run = -1;

	for (ri = 0; ri < c->nruns && !c->truncated; ri++) {
		r = &c->runs[ri];
		if (r->text == NULL)
			continue;
		scale = r->size / 1000.0;
		fc = c->fs != NULL ? fc_get(c, r->face) : NULL;
		for (i = 0; i < r->len && !c->truncated; i += k) {
			cp = (unsigned char)r->text[i];
			k = 1;
			/* Most characters are printable ASCII in a word:
			 * measure them straight from the cache. */
			if (cp > ' ' && cp < 0x7F && fc != NULL) {
				if (fc->face != r->face)
					fc = fc_get(c, r->face);
				c->fc_last = fc;
				if (fc->state[cp] == 0)
					fc_fill(c, fc, cp);
				if (fc->state[cp] == 2 && c->report)
					note_missing(c, cp, r->face);
				add_char(c, ri, i, 1, cp, fc->adv[cp] * scale);
				continue;
			}
			if (cp >= 0x80 && (k = pv_utf8_decode(r->text + i,
			    r->len - i, &cp)) == 0) {
				k = 1; /* U+FFFD for the stray byte */
				c->special = 1;
			}
			if (is_space(cp)) {
				flush_word(c);
				if (c->pending < 0 && !c->line_start)
					c->pending = (long)ri;
			} else if (cp == '\n') {
				flush_word(c);
				c->pending = -1;
				/* No-break spaces before a <br> would only
				 * push the line off a right margin. */
				while (c->nitems > 0 &&
				    c->items[c->nitems - 1].kind == LB_GLUE) {
					c->line_w -= c->items[--c->nitems].w;
				}
				if ((it = push_item(c, LB_PENALTY)) != NULL) {
					it->penalty = -LB_INF;
					it->run = (uint32_t)ri;
					it->off = (uint32_t)i;
				}
				seg_break(c, 0, 1);
				if (c->line_w > c->max_width)
					c->max_width = c->line_w;
				c->line_w = 0;
				c->line_start = 1;
			} else if (cp == 0xA0) {
				flush_word(c);
				emit_pending(c);
				/* At the very start it cannot be broken
				 * after; in an emergency it must not push
				 * a first word over the margin. */
				if (c->nitems > 0 || c->emergency <= 0)
					emit_glue(c, ri, (uint32_t)i,
					    (uint32_t)k, 1);
				c->line_start = 0;
			} else if (cp == 0xAD || cp == 0x200B) {
				c->special = 1;
				add_mark(c, r, cp);
			} else if (cp < 0x20 || cp == 0x7F) {
				/* Other control characters: nothing. */
				c->special = 1;
			} else {
				adv = para_adv(c, r->face, cp, &has);
				if (c->report && c->rtl_run < 0 && is_rtl(cp)) {
					c->rtl_run = (long)ri;
					c->rtl_off = (uint32_t)i;
				} else if (!has && c->report)
					note_missing(c, cp, r->face);
				add_char(c, ri, i, k, cp, adv * scale);
			}
		}
	}
	flush_word(c);
	/* Nothing but spaces: no lines at all. */
	if (c->nitems == 0)
		return;
	/* A trailing space never reaches the items (it is pending); glue
	 * left by a truncation goes. */
	while (c->nitems > 0 && c->items[c->nitems - 1].kind == LB_GLUE)
		c->nitems--;
	/* The paragraph ends with a forced break.  A '\n' at the very end
	 * is that break (it would otherwise add an empty line, which a
	 * browser does not show either). */
	if (c->nitems == 0 || c->items[c->nitems - 1].kind != LB_PENALTY ||
	    c->items[c->nitems - 1].penalty > -LB_INF) {
		PV_GROW(c->items, c->cap_items, c->nitems + 1);
		it = &c->items[c->nitems++];
		memset(it, 0, sizeof(*it));
		it->kind = LB_PENALTY;
		it->penalty = -LB_INF;
		it->run = (uint32_t)(c->nruns - 1);
	}
	c->ties = tie_words(c);
	if (c->emergency > 0)
		free_wide_ties(c);
	seg_break(c, 0, 1);
	if (c->line_w > c->max_width)
		c->max_width = c->line_w;
	c->line_w = 0;
	if (c->ties)
		remeasure(c);
}
