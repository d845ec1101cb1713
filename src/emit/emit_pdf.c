/*
 * emit_pdf.c - the emit stage's entry points: a lay_doc becomes PDF bytes.
 *
 * libharu reports errors through a handler that cannot stop it, so the
 * handler only records the first error and every step checks for it; the
 * bytes are made in memory and written (atomically) only when the whole
 * document was made.  The order matters: all pages exist before any is
 * drawn, because a link on page 2 may point at page 40; the fonts are
 * finished last, when every glyph shown is known.
 *
 * Same lay_doc, same fonts, same date: same bytes.  libharu 2.3.0 itself
 * writes no time or random value unless asked; the /ID we add is the MD5
 * of the file's own bytes, taken with the ID zeroed and then filled in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include "../font/font.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "emit_int.h"

/* What libharu's error numbers mean, for the few a user can cause. */
static const struct {
	HPDF_STATUS no;
	const char *what;
} hpdf_errors[] = {
	{ HPDF_FAILD_TO_ALLOC_MEM, "out of memory" },
	{ HPDF_FILE_IO_ERROR, "input/output error" },
	{ HPDF_FILE_OPEN_ERROR, "cannot open the file" },
	{ HPDF_DUPLICATE_REGISTRATION, "two fonts with the same PostScript "
	    "name" },
	{ HPDF_FONT_EXISTS, "two fonts with the same PostScript name" },
	{ HPDF_INVALID_IMAGE, "not an image libharu can read" },
	{ HPDF_INVALID_JPEG_DATA, "damaged or unsupported JPEG data" },
	{ HPDF_UNSUPPORTED_JPEG_FORMAT, "unsupported JPEG format (use "
	    "baseline JPEG, grey, RGB or CMYK)" },
	{ HPDF_INVALID_PNG_IMAGE, "damaged or unsupported PNG data" },
	{ HPDF_LIBPNG_ERROR, "libpng cannot read this PNG" },
	{ HPDF_INVALID_FONTDEF_DATA, "unusable font data" },
	{ HPDF_TTF_CANNOT_EMBEDDING_FONT, "the font's licence forbids "
	    "embedding it" },
	{ HPDF_TTF_INVALID_CMAP, "the font has no usable Unicode cmap" },
	{ HPDF_TTF_INVALID_FOMAT, "not a TrueType font libharu can read" },
	{ HPDF_TTF_MISSING_TABLE, "the font lacks a table libharu needs" },
	{ HPDF_PAGE_INVALID_FONT_SIZE, "font size outside 0..600 pt" },
	{ HPDF_PAGE_INVALID_SIZE, "page size outside 3..14400 pt" },
	{ HPDF_REAL_OUT_OF_RANGE, "a coordinate outside +-32767 pt" },
	{ HPDF_STRING_OUT_OF_RANGE, "a text longer than 65535 bytes" },
	{ HPDF_INVALID_URI, "an invalid link address" },
	{ HPDF_ZLIB_ERROR, "compression failed" },
};

static void
hpdf_error_handler(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
	struct emit_ctx *c = user;

	if (c->hpdf_error == 0) {
		c->hpdf_error = error_no;
		c->hpdf_detail = detail_no;
	}
}

/* libharu's allocations follow ours: running out of memory ends the run
 * with one message instead of a cascade of libharu errors. */
static void *
hpdf_alloc(HPDF_UINT size)
{
	return pv_xmalloc(size);
}

static void
hpdf_free(void *p)
{
	free(p);
}

void
emit_fail(struct emit_ctx *c, enum pv_status st, const char *file,
    const char *fmt, ...)
{
	va_list ap;

	if (!c->failed) {
		c->failed = 1;
		c->status = st;
	} else if (st == PV_EINPUT && c->status == PV_EINTERNAL) {
		c->status = st;
	}
	va_start(ap, fmt);
	pv_vdiag(c->d, PV_ERROR, file, 0, 0, fmt, ap);
	va_end(ap);
}

int
emit_check(struct emit_ctx *c)
{
	const char *what = "an internal libharu error";
	size_t i;

	if (c->hpdf_error != 0) {
		for (i = 0; i < sizeof(hpdf_errors) / sizeof(hpdf_errors[0]);
		    i++)
			if (hpdf_errors[i].no == c->hpdf_error)
				what = hpdf_errors[i].what;
		/* A file we were reading (an image, a font) is the user's
		 * to fix; anything else is ours. */
		emit_fail(c, c->doing_file ? PV_EINPUT : PV_EINTERNAL,
		    c->doing_file, "PDF: %s%s%s (libharu error 0x%04X, "
		    "detail %u)", c->doing ? c->doing : "",
		    c->doing ? ": " : "", what, (unsigned)c->hpdf_error,
		    (unsigned)c->hpdf_detail);
		c->hpdf_error = 0;
		HPDF_ResetError(c->pdf);
	}
	return c->failed;
}

static void
make_pages(struct emit_ctx *c)
{
	const struct lay_doc *doc = c->doc;
	size_t i;

	c->pages = pv_xcalloc(doc->npages, sizeof(*c->pages));
	for (i = 0; i < doc->npages && !c->failed; i++) {
		c->doing = "adding a page";
		c->pages[i] = HPDF_AddPage(c->pdf);
		if (c->pages[i] != NULL) {
			HPDF_Page_SetWidth(c->pages[i],
			    (HPDF_REAL)doc->pages[i].width);
			HPDF_Page_SetHeight(c->pages[i],
			    (HPDF_REAL)doc->pages[i].height);
		}
		if (emit_check(c))
			break;
		if (c->pages[i] == NULL)
			emit_fail(c, PV_EINTERNAL, NULL,
			    "PDF: libharu could not add page %zu", i + 1);
	}
	c->doing = NULL;
}

/* An /ID of two zeroed 16-byte strings, filled in by fill_id. */
static void
add_id(struct emit_ctx *c)
{
	static const HPDF_BYTE zero[16];
	HPDF_Array id = HPDF_Array_New(c->pdf->mmgr);

	if (id == NULL) {
		emit_check(c);
		return;
	}
	HPDF_Array_Add(id, HPDF_Binary_New(c->pdf->mmgr, (HPDF_BYTE *)zero,
	    16));
	HPDF_Array_Add(id, HPDF_Binary_New(c->pdf->mmgr, (HPDF_BYTE *)zero,
	    16));
	HPDF_Dict_Add(c->pdf->trailer, "ID", id);
	emit_check(c);
}

/*
 * Find the zeroed /ID in the trailer (the last one in the file) and fill
 * both halves with the MD5 of the whole file as it stands, zeros
 * included.  Same length, so no offset moves.
 */
static int
fill_id(unsigned char *pdf, size_t len, size_t from)
{
	static const char zeros[] = "00000000000000000000000000000000";
	static const char hex[] = "0123456789ABCDEF";
	struct HPDF_MD5Context md5;
	HPDF_BYTE digest[16];
	unsigned char *p, *id = NULL, *at[2];
	size_t off, k, n = 0;

	for (off = from; off + 3 < len; off++)
		if (memcmp(pdf + off, "/ID", 3) == 0) {
			id = pdf + off;
			break;
		}
	if (id == NULL)
		return -1;
	for (p = id; p + 32 <= pdf + len && n < 2; p++) {
		if (memcmp(p, zeros, 32) == 0) {
			at[n++] = p;
			p += 31;
		}
	}
	if (n != 2)
		return -1;
	HPDF_MD5Init(&md5);
	HPDF_MD5Update(&md5, pdf, (HPDF_UINT32)len);
	HPDF_MD5Final(digest, &md5);
	for (n = 0; n < 2; n++)
		for (k = 0; k < 16; k++) {
			at[n][2 * k] = (unsigned char)hex[digest[k] >> 4];
			at[n][2 * k + 1] = (unsigned char)hex[digest[k] & 15];
		}
	return 0;
}

static void
save(struct emit_ctx *c, unsigned char **out, size_t *outlen)
{
	HPDF_UINT32 size, got;
	unsigned char *buf, *packed = NULL;
	size_t plen = 0, id_at = 0;
	struct emit_objs objs;
	int next;

	c->doing = "writing the PDF";
	/* Numbers for the structure tree's objects: on from libharu's. */
	memset(&objs, 0, sizeof(objs));
	pv_buf_init(&objs.buf);
	next = (int)(c->pdf->xref->start_offset +
	    c->pdf->xref->entries->count);
	emit_tags_objects(c, next, &objs);
	HPDF_SaveToStream(c->pdf);
	if (emit_check(c))
		return;
	size = HPDF_GetStreamSize(c->pdf);
	if (size == 0) {
		emit_fail(c, PV_EINTERNAL, NULL, "PDF: libharu wrote nothing");
		return;
	}
	/* HPDF_GetContents would write the whole document a second time;
	 * read back what SaveToStream wrote instead. */
	buf = pv_xmalloc(size);
	got = size;
	HPDF_ReadFromStream(c->pdf, buf, &got);
	if (emit_check(c) || got != size) {
		if (!c->failed)
			emit_fail(c, PV_EINTERNAL, NULL, "PDF: libharu gave "
			    "back %u of %u bytes", (unsigned)got,
			    (unsigned)size);
		free(buf);
		return;
	}
	c->doing = "packing the PDF";
	if (emit_pack(c, buf, size, &objs, &packed, &plen, &id_at) != PV_OK) {
		free(buf);
		pv_buf_free(&objs.buf);
		free(objs.v);
		return;
	}
	free(buf);
	pv_buf_free(&objs.buf);
	free(objs.v);
	if (fill_id(packed, plen, id_at) == -1) {
		emit_fail(c, PV_EINTERNAL, NULL,
		    "PDF: the document ID was not found in the trailer");
		free(packed);
		return;
	}
	*out = packed;
	*outlen = plen;
}

enum pv_status
emit_pdf(const struct lay_doc *doc, const struct fontset *fs,
    const struct emit_options *opt, unsigned char **pdf, size_t *len,
    struct pv_diags *d)
{
	static const struct emit_options defaults = { "planverk", -1, 1, 0 };
	struct emit_ctx c;
	size_t i;

	*pdf = NULL;
	*len = 0;
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.fs = fs;
	c.opt = opt ? opt : &defaults;
	c.d = d;
	c.status = PV_OK;
	if (doc->npages == 0 || doc->npages > EMIT_MAX_PAGES) {
		pv_diag(d, PV_ERROR, NULL, 0, 0, "PDF: the layout has %zu "
		    "pages; a PDF needs 1 to %d", doc->npages, EMIT_MAX_PAGES);
		return PV_EINTERNAL;
	}
	c.pdf = HPDF_NewEx(hpdf_error_handler, hpdf_alloc, hpdf_free, 0, &c);
	if (c.pdf == NULL) {
		pv_diag(d, PV_ERROR, NULL, 0, 0,
		    "PDF: libharu could not start a document");
		return PV_EINTERNAL;
	}
	c.nfaces = fs ? fontset_face_count(fs) : 0;
	c.faces = pv_xcalloc(c.nfaces ? c.nfaces : 1, sizeof(*c.faces));
	c.images = pv_xcalloc(doc->nimages ? doc->nimages : 1,
	    sizeof(*c.images));

	/* PDF/A-2 is based on PDF 1.7 (ISO 32000-1). */
	c.pdf->pdf_version = HPDF_VER_17;
	HPDF_SetCompressionMode(c.pdf, c.opt->compress ? HPDF_COMP_ALL :
	    HPDF_COMP_NONE);
	c.doing = "setting up the document";
	if (!emit_check(&c))
		make_pages(&c);
	if (!c.failed)
		emit_tags_begin(&c);
	if (!c.failed)
		emit_draw_pages(&c);
	if (!c.failed)
		emit_tags_end(&c);
	if (!c.failed)
		emit_outlines(&c);
	if (!c.failed)
		emit_info(&c);
	if (!c.failed)
		emit_archive(&c);
	if (!c.failed)
		emit_fonts(&c);
	if (!c.failed)
		add_id(&c);
	if (!c.failed)
		save(&c, pdf, len);

	emit_tags_free(&c);
	HPDF_Free(c.pdf);
	for (i = 0; i < c.nfaces; i++)
	{
		free(c.faces[i].used);
		free(c.faces[i].unicode);
		free(c.faces[i].multi);
	}
	free(c.faces);
	free(c.images);
	free(c.pages);
	if (c.failed) {
		free(*pdf);
		*pdf = NULL;
		*len = 0;
		return c.status == PV_OK ? PV_EINTERNAL : c.status;
	}
	return PV_OK;
}

enum pv_status
emit_pdf_file(const struct lay_doc *doc, const struct fontset *fs,
    const struct emit_options *opt, const char *path, struct pv_diags *d)
{
	unsigned char *pdf;
	size_t len;
	enum pv_status st;

	if ((st = emit_pdf(doc, fs, opt, &pdf, &len, d)) != PV_OK)
		return st;
	st = pv_write_file_atomic(path, pdf, len, d);
	free(pdf);
	return st;
}
