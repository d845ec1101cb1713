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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "../util/file.h"
#include "emit_int.h"

/* The name of a JPEG marker, for messages. */
static const char *
jpeg_marker_name(unsigned m)
{
	if (m >= 0xE0 && m <= 0xEF)
		return "application (APPn)";
	switch (m) {
	case 0xC4: return "Huffman table (DHT)";
	case 0xCC: return "arithmetic coding (DAC)";
	case 0xDA: return "start of scan (SOS)";
	case 0xDB: return "quantisation table (DQT)";
	case 0xDD: return "restart interval (DRI)";
	case 0xFE: return "comment (COM)";
	default: return "frame header (SOFn)";
	}
}

/*
 * Walk the whole JPEG before libharu embeds it: libharu reads only the
 * frame header and copies the bytes as they are, so a truncated or
 * damaged file would become a PDF stream no reader can decode.  Checked:
 * the start marker; every segment's marker and a length that stays
 * inside the file; one frame header (SOF0, SOF1 or SOF2: baseline,
 * extended or progressive Huffman, which every PDF reader decodes), 8-bit,
 * with non-zero sides of at most EMIT_MAX_IMAGE_SIDE, at most
 * EMIT_MAX_IMAGE_PIXELS pixels and 1, 3 or 4 components, before any scan;
 * at least one scan (its entropy-coded data is skipped to the next
 * marker); and the end marker.  Bytes after the end marker (some cameras
 * append data) are left to the reader, which stops at the end marker.
 * The walk is linear in the file and reads no byte outside it.
 */
enum pv_status
emit_check_jpeg(const unsigned char *p, size_t n, char *why, size_t whylen)
{
	size_t off = 2, len, at;
	unsigned m, prec, h, w, nc;
	int sof = 0, sos = 0;

	if (n < 2 || p[0] != 0xFF || p[1] != 0xD8) {
		snprintf(why, whylen, "not a JPEG file (no start marker)");
		return PV_EINPUT;
	}
	for (;;) {
		if (off >= n)
			goto incomplete;
		if (p[off] != 0xFF) {
			snprintf(why, whylen, "damaged JPEG: no marker at byte "
			    "%zu", off);
			return PV_EINPUT;
		}
		at = off;
		while (off < n && p[off] == 0xFF)
			off++;  /* fill bytes */
		if (off >= n)
			goto incomplete;
		m = p[off++];
		/* Up to the frame header libharu reads each marker as two
		 * bytes and a length: fill bytes or a marker without a
		 * segment there would make it read the wrong header. */
		if (!sof && (off - at != 2 || m == 0x01 ||
		    (m >= 0xD0 && m <= 0xD7))) {
			snprintf(why, whylen, "unsupported JPEG: %s before the "
			    "frame header (at byte %zu); save the image again",
			    off - at != 2 ? "fill bytes" : "a marker without a "
			    "segment", at);
			return PV_EINPUT;
		}
		at = off - 2;
		if (m == 0xD9) {
			if (!sos) {
				snprintf(why, whylen, "damaged JPEG: it ends "
				    "before any image data");
				return PV_EINPUT;
			}
			return PV_OK;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;       /* markers without a segment */
		if (m == 0x00 || m == 0xD8) {
			snprintf(why, whylen, "damaged JPEG: a stray marker "
			    "0xFF%02X at byte %zu", m, at);
			return PV_EINPUT;
		}
		if (n - off < 2)
			goto incomplete;
		len = (size_t)p[off] << 8 | p[off + 1];
		if (len < 2) {
			snprintf(why, whylen, "damaged JPEG: the %s segment at "
			    "byte %zu has the length %zu",
			    jpeg_marker_name(m), at, len);
			return PV_EINPUT;
		}
		if (n - off < len) {
			snprintf(why, whylen, "not a complete JPEG: the %s "
			    "segment at byte %zu runs past the end of the file",
			    jpeg_marker_name(m), at);
			return PV_EINPUT;
		}
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			if (sof) {
				snprintf(why, whylen, "damaged JPEG: a second "
				    "frame header at byte %zu", at);
				return PV_EINPUT;
			}
			if (m > 0xC2) {
				snprintf(why, whylen, "unsupported JPEG coding "
				    "(SOF%u: lossless, hierarchical or "
				    "arithmetic); save it as a baseline or "
				    "progressive JPEG", m - 0xC0);
				return PV_EINPUT;
			}
			if (len < 8) {
				snprintf(why, whylen, "damaged JPEG: a frame "
				    "header of %zu bytes", len);
				return PV_EINPUT;
			}
			prec = p[off + 2];
			h = (unsigned)p[off + 3] << 8 | p[off + 4];
			w = (unsigned)p[off + 5] << 8 | p[off + 6];
			nc = p[off + 7];
			if (w == 0 || h == 0) {
				snprintf(why, whylen, "damaged JPEG: the frame "
				    "header gives the size %ux%u", w, h);
				return PV_EINPUT;
			}
			if (w > EMIT_MAX_IMAGE_SIDE || h > EMIT_MAX_IMAGE_SIDE ||
			    (uint64_t)w * h > EMIT_MAX_IMAGE_PIXELS) {
				snprintf(why, whylen, "%ux%u pixels is too "
				    "large (at most %d on a side and %u "
				    "pixels, EMIT_MAX_IMAGE_SIDE and "
				    "EMIT_MAX_IMAGE_PIXELS)", w, h,
				    EMIT_MAX_IMAGE_SIDE, EMIT_MAX_IMAGE_PIXELS);
				return PV_EINPUT;
			}
			if (prec != 8 || (nc != 1 && nc != 3 && nc != 4)) {
				snprintf(why, whylen, "unsupported JPEG: %u-bit, "
				    "%u components (use 8-bit grey, RGB or "
				    "CMYK)", prec, nc);
				return PV_EINPUT;
			}
			if (len != 8 + 3 * (size_t)nc) {
				snprintf(why, whylen, "damaged JPEG: a frame "
				    "header of %zu bytes for %u components",
				    len, nc);
				return PV_EINPUT;
			}
			sof = 1;
		} else if (m == 0xDA) {
			if (!sof) {
				snprintf(why, whylen, "damaged JPEG: image data "
				    "before the frame header");
				return PV_EINPUT;
			}
			sos = 1;
			/* The entropy-coded data runs to the next marker
			 * (0xFF00 is a stuffed byte, 0xFFD0-D7 restarts). */
			off += len;
			while (off < n) {
				if (p[off] == 0xFF && off + 1 < n &&
				    p[off + 1] != 0x00 && p[off + 1] != 0xFF &&
				    !(p[off + 1] >= 0xD0 && p[off + 1] <= 0xD7))
					break;
				off++;
			}
			continue;
		}
		off += len;
	}
incomplete:
	snprintf(why, whylen, "not a complete JPEG (no end marker)");
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
