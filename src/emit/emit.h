/*
 * emit.h - the emit stage: laid-out pages become PDF bytes (libharu).
 *
 * Fonts are embedded as subsets with a correct ToUnicode map, so text can
 * be searched and copied exactly (libharu 2.3.0's own map is a CID CMap
 * that readers reject; we replace it through libharu's object API).
 * Outlines, links and document information come from the lay_doc.  The
 * same input and SOURCE_DATE_EPOCH give the same bytes.  Nothing is
 * written unless the whole PDF was made; the file is replaced atomically.
 */
#ifndef PV_EMIT_H
#define PV_EMIT_H

#include <stddef.h>

#include "../layout/pages.h"
#include "../util/diag.h"

/* Images larger than this are refused before they are decoded or
 * embedded (a JPEG or PNG header can claim any size). */
#define EMIT_MAX_IMAGE_SIDE 30000
#define EMIT_MAX_IMAGE_PIXELS (60u * 1000u * 1000u)

struct fontset;

struct emit_options {
	const char *creator;    /* "planverk 0.1.0" */
	long long date;         /* seconds since the epoch; -1: now */
	int compress;           /* 1: deflate content streams */
	int no_tags;            /* 1: no structure tree (experiments only:
				 * the file is then neither PDF/UA nor
				 * PDF/A-2a) */
};

/* Make the PDF in memory; *pdf is owned by the caller (free()). */
enum pv_status emit_pdf(const struct lay_doc *, const struct fontset *,
    const struct emit_options *, unsigned char **pdf, size_t *len,
    struct pv_diags *);

/* emit_pdf, then write the bytes to path atomically. */
enum pv_status emit_pdf_file(const struct lay_doc *, const struct fontset *,
    const struct emit_options *, const char *path, struct pv_diags *);

#endif
