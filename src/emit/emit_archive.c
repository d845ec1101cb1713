/*
 * emit_archive.c - what an archive asks of the file besides its pages:
 * an XMP metadata stream that says what the Info dictionary says, and an
 * sRGB output intent with its ICC profile, so that the colours we draw
 * (all DeviceRGB) have a defined meaning (PDF/A-2, 6.2.3 and 6.6).
 *
 * The profile is read from Debian's icc-profiles-free at run time, not
 * copied into the repository.  The XMP dates are the Info dates
 * (SOURCE_DATE_EPOCH), written in UTC like them, so the two agree to
 * the second and the bytes stay the same run to run.  (Debian's mutool
 * says "ICC support is not available" for every PDF, with or without
 * an output intent: that line is its build's, not the file's.)
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "../util/buf.h"
#include "../util/file.h"
#include "../util/mem.h"

#ifndef PLANVERK_ICC_PROFILE
#define PLANVERK_ICC_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif
#include "emit_int.h"

char *
emit_producer(const struct emit_ctx *c)
{
	return pv_xasprintf("%s with Haru Free PDF Library %s",
	    c->opt->creator ? c->opt->creator : "planverk", HPDF_GetVersion());
}

/* Text as XML character data: the five specials escaped, and the
 * control characters XML 1.0 forbids left out. */
static void
put_xml(struct pv_buf *b, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '&')
			pv_buf_puts(b, "&amp;");
		else if (ch == '<')
			pv_buf_puts(b, "&lt;");
		else if (ch == '>')
			pv_buf_puts(b, "&gt;");
		else if (ch == '"')
			pv_buf_puts(b, "&quot;");
		else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
			continue;
		else
			pv_buf_putc(b, ch);
	}
}

static void
put_alt(struct pv_buf *b, const char *tag, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	pv_buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    tag);
	put_xml(b, value);
	pv_buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void
put_simple(struct pv_buf *b, const char *tag, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	pv_buf_printf(b, "   <%s>", tag);
	put_xml(b, value);
	pv_buf_printf(b, "</%s>\n", tag);
}

/*
 * PDF/A-2 part and conformance, PDF/UA part; and, since PDF/A-2 knows
 * only the schemas it predefines, a description of pdfuaid's (ISO
 * 19005-2, 6.6.2.3.3), as veraPDF asks.
 */
static const char conformance[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
    "   <pdfaid:part>2</pdfaid:part>\n"
    "   <pdfaid:conformance>A</pdfaid:conformance>\n"
    "  </rdf:Description>\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
    "   <pdfuaid:part>1</pdfuaid:part>\n"
    "  </rdf:Description>\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
    "</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
    "</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Indicates, which part of ISO 14289 "
    "standard is followed</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

static void
xmp_text(const struct emit_ctx *c, struct pv_buf *b)
{
	const struct lay_meta *m = &c->doc->meta;
	time_t t = c->opt->date < 0 ? time(NULL) : (time_t)c->opt->date;
	char date[32], *producer = emit_producer(c);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL) {
		t = 0;
		gmtime_r(&t, &tm);
	}
	if (tm.tm_sec > 59)
		tm.tm_sec = 59;	/* as the Info date has it */
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	/* The packet header's id is the fixed one the XMP standard gives. */
	pv_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
	    "   <dc:format>application/pdf</dc:format>\n");
	put_alt(b, "dc:title", m->title);
	if (m->author != NULL && m->author[0] != '\0') {
		pv_buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
		put_xml(b, m->author);
		pv_buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	put_alt(b, "dc:description", m->subject);
	if (m->lang != NULL && m->lang[0] != '\0') {
		char tag[32];

		emit_lang_tag(m->lang, tag, sizeof(tag));
		pv_buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>");
		put_xml(b, tag);
		pv_buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	put_simple(b, "pdf:Keywords", m->keywords);
	put_simple(b, "pdf:Producer", producer);
	put_simple(b, "xmp:CreatorTool", c->opt->creator ? c->opt->creator :
	    "planverk");
	put_simple(b, "xmp:CreateDate", date);
	put_simple(b, "xmp:ModifyDate", date);
	put_simple(b, "xmp:MetadataDate", date);
	pv_buf_puts(b, "  </rdf:Description>\n");
	/* Only a tagged file is PDF/A-2a and PDF/UA-1. */
	if (c->tags != NULL)
		pv_buf_puts(b, conformance);
	pv_buf_puts(b, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
	free(producer);
}

static void
add_metadata(struct emit_ctx *c)
{
	HPDF_Dict s;
	struct pv_buf b;

	c->doing = "writing the XMP metadata";
	if ((s = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref)) == NULL) {
		emit_check(c);
		return;
	}
	/* Uncompressed, so that tools that do not parse PDF find it. */
	s->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(s, "Type", "Metadata");
	HPDF_Dict_AddName(s, "Subtype", "XML");
	pv_buf_init(&b);
	xmp_text(c, &b);
	HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	pv_buf_free(&b);
	HPDF_Dict_Add(c->pdf->catalog, "Metadata", s);
	emit_check(c);
}

static void
add_output_intent(struct emit_ctx *c)
{
	HPDF_Dict intent, profile;
	HPDF_Array list;
	char *icc;
	size_t len;
	struct pv_diags quiet;

	c->doing = "adding the sRGB output intent";
	pv_diags_init(&quiet);
	if (pv_read_file(PLANVERK_ICC_PROFILE, &icc, &len, &quiet) != PV_OK) {
		pv_diags_free(&quiet);
		emit_fail(c, PV_EINTERNAL, PLANVERK_ICC_PROFILE, "the sRGB "
		    "colour profile cannot be read (Debian package "
		    "icc-profiles-free; `make deps` installs it): an "
		    "archivable PDF needs it");
		return;
	}
	pv_diags_free(&quiet);
	if ((profile = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref)) ==
	    NULL) {
		free(icc);
		emit_check(c);
		return;
	}
	if (c->opt->compress)
		profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddNumber(profile, "N", 3);
	HPDF_Stream_Write(profile->stream, (const HPDF_BYTE *)icc,
	    (HPDF_UINT)len);
	free(icc);
	intent = HPDF_Dict_New(c->pdf->mmgr);
	list = HPDF_Array_New(c->pdf->mmgr);
	if (intent == NULL || list == NULL) {
		emit_check(c);
		return;
	}
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	    HPDF_String_New(c->pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(intent, "Info", HPDF_String_New(c->pdf->mmgr,
	    "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(intent, "DestOutputProfile", profile);
	HPDF_Array_Add(list, intent);
	HPDF_Dict_Add(c->pdf->catalog, "OutputIntents", list);
	emit_check(c);
}

void
emit_archive(struct emit_ctx *c)
{
	add_metadata(c);
	if (!c->failed)
		add_output_intent(c);
	c->doing = NULL;
}
