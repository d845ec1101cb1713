/*
 * emit_image.c - images: read once, checked, then given to libharu.
 *
 * An image named in a plan is the user's input: a missing file, a
 * damaged PNG or a JPEG libharu cannot embed is an error that names the
 * file, and never a crash (see emit_png.c for why PNGs are checked in
 * full).  The bytes are read once and libharu gets the same bytes from
 * memory, so the file cannot change between the check and the use.  The
 * kind is taken from the bytes, not from the name or the layout's flag.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "../util/file.h"
#include "emit_int.h"

/*
 * Walk the JPEG markers up to the frame header; libharu reads the same
 * header for the size and colour components and embeds the rest as is.
 */
enum pv_status
emit_check_jpeg(const unsigned char *p, size_t n, char *why, size_t whylen)
{
	size_t off = 2, len;
	unsigned char m;

	if (n < 4 || p[0] != 0xFF || p[1] != 0xD8) {
		snprintf(why, whylen, "not a JPEG file (no start marker)");
		return PV_EINPUT;
	}
	for (;;) {
		while (off < n && p[off] == 0xFF)
			off++;
		if (off >= n)
			break;
		m = p[off++];
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;
		if (m == 0xD9 || m == 0xDA)
			break;  /* end, or scan data before any frame */
		if (n - off < 2)
			break;
		len = (size_t)p[off] << 8 | p[off + 1];
		if (len < 2 || n - off < len)
			break;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			unsigned prec, h, w, nc;

			if (len < 8)
				break;
			prec = p[off + 2];
			h = (unsigned)p[off + 3] << 8 | p[off + 4];
			w = (unsigned)p[off + 5] << 8 | p[off + 6];
			nc = p[off + 7];
			if (prec != 8 || w == 0 || h == 0 ||
			    (nc != 1 && nc != 3 && nc != 4)) {
				snprintf(why, whylen, "unsupported JPEG: %u-bit, "
				    "%ux%u, %u components (use 8-bit grey, "
				    "RGB or CMYK)", prec, w, h, nc);
				return PV_EINPUT;
			}
			return PV_OK;
		}
		off += len;
	}
	snprintf(why, whylen, "damaged JPEG file (no frame header)");
	return PV_EINPUT;
}

HPDF_Image
emit_image(struct emit_ctx *c, int index)
{
	const struct lay_image *im;
	HPDF_Image img = NULL;
	char *data;
	size_t len;
	char why[200];
	enum pv_status st;
	int png;

	if (index < 0 || (size_t)index >= c->doc->nimages) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: an image item with "
		    "image %d of %zu (a layout bug)", index, c->doc->nimages);
		return NULL;
	}
	if (c->images[index] != NULL)
		return c->images[index];
	im = &c->doc->images[index];
	if (im->path == NULL) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: image %d has no file",
		    index);
		return NULL;
	}
	if (pv_read_file(im->path, &data, &len, c->d) != PV_OK) {
		/* pv_read_file has said why, naming the file. */
		c->failed = 1;
		c->status = PV_EINPUT;
		return NULL;
	}
	png = len >= 4 && memcmp(data, "\x89PNG", 4) == 0;
	if (png)
		st = emit_check_png((unsigned char *)data, len, why,
		    sizeof(why));
	else if (len >= 2 && (unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xD8)
		st = emit_check_jpeg((unsigned char *)data, len, why,
		    sizeof(why));
	else {
		snprintf(why, sizeof(why), "neither PNG nor JPEG");
		st = PV_EINPUT;
	}
	if (st != PV_OK) {
		emit_fail(c, PV_EINPUT, im->path, "cannot use this image: %s",
		    why);
		free(data);
		return NULL;
	}
	c->doing = "embedding the image";
	c->doing_file = im->path;
	if (png)
		img = HPDF_LoadPngImageFromMem(c->pdf, (HPDF_BYTE *)data,
		    (HPDF_UINT)len);
	else
		img = HPDF_LoadJpegImageFromMem(c->pdf, (HPDF_BYTE *)data,
		    (HPDF_UINT)len);
	free(data);
	if (!emit_check(c) && img == NULL)
		emit_fail(c, PV_EINPUT, im->path, "libharu cannot embed this "
		    "image");
	c->doing = NULL;
	c->doing_file = NULL;
	c->images[index] = c->failed ? NULL : img;
	return c->images[index];
}
