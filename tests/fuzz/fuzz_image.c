/*
 * fuzz_image.c - the PNG and JPEG checks that stand before libharu.
 *
 * The property: bytes our check accepts, libharu embeds without an error
 * and writes out as part of a PDF.  An image the check lets through and
 * libharu then fails on (or crashes on) is a hole in the check.  Bytes
 * that start as a PNG does go to the PNG check, all others to the JPEG
 * check, as emit_image.c chooses by content.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <hpdf.h>

#include "../../src/emit/emit_int.h"
#include "../../src/util/file.h"
#include "fuzz.h"

static HPDF_STATUS harulib_error;

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	(void)detail;
	(void)data;
	if (harulib_error == 0)
		harulib_error = error;
}

static void
embed(const unsigned char *p, size_t n, int png)
{
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	HPDF_Page page;
	HPDF_Image img;

	if (pdf == NULL)
		abort();
	harulib_error = 0;
	page = HPDF_AddPage(pdf);
	img = png ? HPDF_LoadPngImageFromMem(pdf, p, (HPDF_UINT)n)
	    : HPDF_LoadJpegImageFromMem(pdf, p, (HPDF_UINT)n);
	if (img != NULL && harulib_error == 0)
		HPDF_Page_DrawImage(page, img, 10, 10, 100, 100);
	if (harulib_error == 0)
		HPDF_SaveToStream(pdf);
	if (harulib_error != 0) {
		fprintf(stderr, "libharu error 0x%04X on an image our %s check "
		    "accepted\n", (unsigned)harulib_error, png ? "PNG" : "JPEG");
		abort();
	}
	HPDF_Free(pdf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[256];
	int png;

	if (size > (16u << 20))
		return 0;
	png = size > 0 && data[0] == 0x89;
	if (png ? emit_check_png(data, size, why, sizeof(why)) == PV_OK
	    : emit_check_jpeg(data, size, why, sizeof(why)) == PV_OK)
		embed(data, size, png);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
