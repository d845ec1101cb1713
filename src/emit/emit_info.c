/*
 * emit_info.c - document information, language and viewer preferences.
 *
 * libharu writes information strings through the document's byte
 * encoder, which would garble "Kompetanseplan for Åfjord"; we put PDF
 * text strings (UTF-16BE with a byte-order mark) into the dictionaries
 * ourselves.  The dates come from the caller (SOURCE_DATE_EPOCH), never
 * from the clock unless asked, so that the same input gives the same
 * bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "../util/mem.h"
#include "../util/utf8.h"
#include "emit_int.h"

int
emit_is_ascii(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7E)
			return 0;
	return 1;
}

unsigned char *
emit_utf16(const char *s, size_t *outlen)
{
	unsigned char *u;
	size_t n = strlen(s), i, k, len = 0;
	uint32_t cp;

	/* At most two UTF-16 units (4 bytes) per input byte, plus the BOM. */
	u = pv_xreallocarray(NULL, n + 1, 4);
	u[len++] = 0xFE;
	u[len++] = 0xFF;
	for (i = 0; i < n; i += k ? k : 1) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			cp = 0xFFFD;
		else if (cp < 0x20)
			cp = ' ';
		if (cp > 0xFFFF) {
			uint32_t v = cp - 0x10000;
			uint32_t hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);

			u[len++] = (unsigned char)(hi >> 8);
			u[len++] = (unsigned char)hi;
			u[len++] = (unsigned char)(lo >> 8);
			u[len++] = (unsigned char)lo;
		} else {
			u[len++] = (unsigned char)(cp >> 8);
			u[len++] = (unsigned char)cp;
		}
	}
	*outlen = len;
	return u;
}

void *
emit_text_string(struct emit_ctx *c, const char *s)
{
	unsigned char *u;
	size_t len;
	void *obj;

	if (emit_is_ascii(s))
		return HPDF_String_New(c->pdf->mmgr, s, NULL);
	u = emit_utf16(s, &len);
	obj = HPDF_Binary_New(c->pdf->mmgr, u, (HPDF_UINT)len);
	free(u);
	return obj;
}

static void
set_text(struct emit_ctx *c, HPDF_Dict dict, const char *key,
    const char *value)
{
	void *obj;

	if (value == NULL || value[0] == '\0')
		return;
	if ((obj = emit_text_string(c, value)) != NULL)
		HPDF_Dict_Add(dict, key, obj);
}

static void
set_date(struct emit_ctx *c, long long when)
{
	HPDF_Date dt;
	struct tm tm;
	time_t t = when < 0 ? time(NULL) : (time_t)when;

	if (gmtime_r(&t, &tm) == NULL) {
		t = 0;
		gmtime_r(&t, &tm);
	}
	memset(&dt, 0, sizeof(dt));
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, dt);
}

void
emit_info(struct emit_ctx *c)
{
	const struct lay_meta *m = &c->doc->meta;
	const char *creator = c->opt->creator ? c->opt->creator : "planverk";
	HPDF_Dict catalog = c->pdf->catalog, vp;
	char *producer;

	c->doing = "writing the document information";
	/* Producer first: it makes libharu create the Info dictionary. */
	producer = emit_producer(c);
	HPDF_SetInfoAttr(c->pdf, HPDF_INFO_PRODUCER, producer);
	free(producer);
	if (emit_check(c) || c->pdf->info == NULL)
		return;
	set_text(c, c->pdf->info, "Creator", creator);
	set_text(c, c->pdf->info, "Title", m->title);
	set_text(c, c->pdf->info, "Author", m->author);
	set_text(c, c->pdf->info, "Subject", m->subject);
	set_text(c, c->pdf->info, "Keywords", m->keywords);
	set_date(c, c->opt->date);
	if (emit_check(c))
		return;

	/* The language readers and screen readers use for the text. */
	if (m->lang != NULL && m->lang[0] != '\0') {
		char tag[32];

		emit_lang_tag(m->lang, tag, sizeof(tag));
		set_text(c, catalog, "Lang", tag);
	}
	/* Show the title, not the file name, in the window. */
	if (m->title != NULL && m->title[0] != '\0' &&
	    (vp = HPDF_Dict_New(c->pdf->mmgr)) != NULL) {
		HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
		HPDF_Dict_Add(catalog, "ViewerPreferences", vp);
	}
	emit_check(c);
	c->doing = NULL;
}
