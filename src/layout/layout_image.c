/*
 * layout_image.c - figures: image sizes from file headers, scaling.
 *
 * Layout needs only the pixel size of an image and whether it is PNG or
 * JPEG; both are in the first bytes of the file (the PNG IHDR chunk, the
 * JPEG start-of-frame segment), so we read those ourselves instead of
 * decoding the image.  The reader never trusts a length it reads: every
 * seek is bounded by the file.  Decoding and embedding are emit's job;
 * the limits on what it decodes (EMIT_MAX_IMAGE_SIDE and _PIXELS, one
 * place: emit.h) and on all images together (LAYOUT_MAX_IMAGES and
 * LAYOUT_MAX_IMAGE_BYTES) are checked here, before it starts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../emit/emit.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "layout_int.h"

#define JPEG_MAX_SEGMENTS 4096
#define PX_TO_PT 0.75           /* 96 dpi, as browsers show images */

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static int
jpeg_size(FILE *f, int *w, int *h, int *comps)
{
	unsigned char b[8];
	int c, m, i;
	unsigned len;

	for (i = 0; i < JPEG_MAX_SEGMENTS; i++) {
		if ((c = getc(f)) != 0xFF)
			return -1;
		while ((m = getc(f)) == 0xFF)
			continue;
		if (m == EOF)
			return -1;
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;
		if (m == 0xD9 || m == 0xDA)
			return -1; /* image data before any frame header */
		if (fread(b, 1, 2, f) != 2 || (len = be16(b)) < 2)
			return -1;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			if (len < 8 || fread(b, 1, 6, f) != 6)
				return -1;
			*h = (int)be16(b + 1);
			*w = (int)be16(b + 3);
			*comps = b[5];
			return 0;
		}
		if (fseek(f, (long)len - 2, SEEK_CUR) != 0)
			return -1;
	}
	return -1;
}

/* Bytes per pixel of a PNG decoded: by colour type, times 2 at 16 bits. */
static int
png_bytes_per_pixel(int depth, int ctype)
{
	int ch = ctype == 2 ? 3 : ctype == 4 ? 2 : ctype == 6 ? 4 : 1;

	return depth == 16 ? 2 * ch : ch;
}

/*
 * Pixel size, kind and decoded size in bytes of an image file; *why
 * says what is wrong (into why_buf when it needs numbers).
 */
static enum pv_status
image_header(const char *path, int *w, int *h, int *is_png,
    uint64_t *bytes, const char **why, char *why_buf, size_t why_len)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1A, '\n' };
	unsigned char b[26];
	unsigned long pw = 0, ph = 0;
	FILE *f;
	int ok = -1, comps = 0;

	*w = *h = 0;
	/* A regular file only: a FIFO here would block for ever. */
	if ((f = pv_fopen_input(path, why)) == NULL)
		return PV_EINPUT;
	if (fread(b, 1, 2, f) == 2 && b[0] == 0xFF && b[1] == 0xD8) {
		*is_png = 0;
		ok = jpeg_size(f, w, h, &comps);
		pw = (unsigned long)*w;
		ph = (unsigned long)*h;
		*why = "not a readable JPEG file (no frame header found)";
	} else if (fread(b + 2, 1, 24, f) == 24 && memcmp(b, png, 8) == 0 &&
	    memcmp(b + 12, "IHDR", 4) == 0) {
		*is_png = 1;
		pw = be32(b + 16);
		ph = be32(b + 20);
		comps = png_bytes_per_pixel(b[24], b[25]);
		ok = 0;
		*why = "not a readable PNG file";
	} else
		*why = "neither a PNG nor a JPEG file";
	fclose(f);
	if (ok != 0)
		return PV_EINPUT;
	if (pw == 0 || ph == 0 || comps == 0) {
		*why = "the image is empty (no pixels)";
		return PV_EINPUT;
	}
	if (pw > EMIT_MAX_IMAGE_SIDE || ph > EMIT_MAX_IMAGE_SIDE ||
	    (uint64_t)pw * ph > EMIT_MAX_IMAGE_PIXELS) {
		snprintf(why_buf, why_len, "%lu x %lu pixels is larger than "
		    "planverk embeds (at most %d on a side and %u in all, "
		    "EMIT_MAX_IMAGE_SIDE and EMIT_MAX_IMAGE_PIXELS)", pw, ph,
		    EMIT_MAX_IMAGE_SIDE, EMIT_MAX_IMAGE_PIXELS);
		*why = why_buf;
		return PV_EINPUT;
	}
	*w = (int)pw;
	*h = (int)ph;
	*bytes = (uint64_t)pw * ph * (uint64_t)comps;
	return PV_OK;
}

/*
 * The index of an image in the laid-out document (each file once) and
 * its natural size in points.  Errors are reported unless `quiet`.
 */
enum pv_status
lx_image_size(struct lctx *c, const char *path, int line, int quiet,
    int *index, double *w_pt, double *h_pt)
{
	struct lay_doc *out = c->out;
	struct lay_image *im;
	const char *why = "";
	char buf[200];
	int w = 0, h = 0, is_png = 0;
	uint64_t bytes = 0;
	enum pv_status st;
	size_t i;

	for (i = 0; i < out->nimages; i++)
		if (strcmp(out->images[i].path, path) == 0)
			break;
	if (i == out->nimages) {
		st = PV_EINPUT;
		if (out->nimages >= LAYOUT_MAX_IMAGES) {
			snprintf(buf, sizeof(buf), "one image more than the %d "
			    "different images planverk puts in a document "
			    "(LAYOUT_MAX_IMAGES)", LAYOUT_MAX_IMAGES);
			why = buf;
		} else if ((st = image_header(path, &w, &h, &is_png, &bytes,
		    &why, buf, sizeof(buf))) == PV_OK &&
		    bytes > LAYOUT_MAX_IMAGE_BYTES - c->image_bytes) {
			snprintf(buf, sizeof(buf), "its %llu bytes of pixels "
			    "take the document's images past the %llu planverk "
			    "decodes (LAYOUT_MAX_IMAGE_BYTES)",
			    (unsigned long long)bytes,
			    (unsigned long long)LAYOUT_MAX_IMAGE_BYTES);
			why = buf;
			st = PV_EINPUT;
		}
		if (st != PV_OK) {
			if (!quiet)
				pv_diag(c->d, PV_ERROR, c->doc->file, line, 0,
				    "image \"%s\": %s", path, why);
			return PV_EINPUT;
		}
		c->image_bytes += bytes;
		PV_GROW(out->images, out->cap_images, out->nimages + 1);
		im = &out->images[out->nimages++];
		im->path = pv_xstrdup(path);
		im->px_w = w;
		im->px_h = h;
		im->is_png = is_png;
	}
	*index = (int)i;
	*w_pt = out->images[i].px_w * PX_TO_PT;
	*h_pt = out->images[i].px_h * PX_TO_PT;
	return PV_OK;
}

static const struct doc_node *
find_kind(const struct doc_node *n, enum doc_kind kind)
{
	const struct doc_node *k, *r;

	if (n->kind == kind)
		return n;
	for (k = n->first; k != NULL; k = k->next)
		if (k->kind != DOC_FIGCAPTION && (r = find_kind(k, kind)))
			return r;
	return NULL;
}

/* Place an image scaled into at most w x h points, centred in the flow. */
static enum pv_status
place_image(struct lctx *c, struct flow *fl, const struct doc_node *img,
    double maxh)
{
	struct lay_item *it;
	double w, h, nw, nh;
	int idx;

	if (img->src == NULL || lx_image_size(c, img->src, img->line, 0, &idx,
	    &nw, &nh) != PV_OK)
		return PV_EINPUT;
	w = nw;
	if (img->width.unit == DOC_U_PT && img->width.value > 0)
		w = img->width.value;
	else if (img->width.unit == DOC_U_PERCENT && img->width.value > 0)
		w = fl->w * img->width.value / 100;
	if (w > fl->w)
		w = fl->w;
	h = w * nh / nw;
	if (h > maxh && maxh > 0) {
		h = maxh;
		w = h * nw / nh;
	}
	vs_new(fl->vl, h, h);
	it = vl_item(fl->vl, LK_IMAGE, LR_FIGURE);
	it->x = fl->x + (fl->w - w) / 2;
	it->y = -h;
	it->w = w;
	it->h = h;
	it->image = idx;
	it->alt = pv_xstrdup(img->alt != NULL ? img->alt : "");
	/* alt="" says the image is decoration: no element, an artifact. */
	if (it->alt[strspn(it->alt, " \t\r\n")] == '\0')
		it->role = LR_ARTIFACT;
	return PV_OK;
}

enum pv_status
lx_figure(struct lctx *c, struct flow *fl, const struct doc_node *n)
{
	const struct doc_node *img = find_kind(n, DOC_IMG), *cap = NULL, *k;
	struct vlist *vl = fl->vl;
	enum pv_status st = PV_OK, r;
	double maxh;

	for (k = n->first; k != NULL; k = k->next)
		if (k->kind == DOC_FIGCAPTION)
			cap = k;
	vl_space(vl, fl->para_space + 4);
	if (img != NULL) {
		maxh = fl->cap - (cap != NULL ? 3 * c->th->caption.leading + 4 :
		    0);
		st = place_image(c, fl, img, maxh);
		vl->keep = 2;
	}
	if (cap != NULL) {
		int prev = lx_elem_enter(c, vl, cap);

		vl_space(vl, 4);
		r = lx_para(c, fl, cap, &c->th->caption, fl->x, fl->w,
		    PARA_CENTER, LR_CAPTION, 0);
		if (r > st)
			st = r;
		vl->elem = prev;
	}
	vl->keep = 0;
	vl->pending = 0;
	vl_space(vl, fl->para_space + 4);
	return st;
}
