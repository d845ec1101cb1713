/*
 * parse.c - XHTML text to the document tree: libxml2 and its guards.
 *
 * libxml2 does the XML: well-formedness, character references, line
 * numbers.  This file makes sure it does nothing else.  It must never
 * read a file or the network (NONET, no DTD loading, every declaration in
 * a DOCTYPE refused at the '[' before libxml2 reads it, no entity known
 * beyond the five of XML), never expand an entity bomb (there are no
 * entities to expand), and never build a tree deeper than
 * PARSE_MAX_DEPTH or larger than PARSE_MAX_NODES (we stop the parser from
 * its own callbacks).  Every message libxml2 has goes to the
 * diagnostics, not to stderr.  No libxml2 tree is built: its element
 * and text events go to parse_tree.c, which builds the document tree.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "../util/file.h"
#include "../util/mem.h"
#include "../util/utf8.h"
#include "parse.h"
#include "parse_int.h"

static void add_diag(struct parse *, enum pv_level, int, int, const char *,
    va_list) PV_PRINTF(5, 0);

static void
add_diag(struct parse *p, enum pv_level level, int line, int col,
    const char *fmt, va_list ap)
{
	if (p->ndiag >= PARSE_MAX_ERRORS) {
		p->halt = 1;
		return;
	}
	if (++p->ndiag == PARSE_MAX_ERRORS) {
		pv_diag(p->d, PV_ERROR, p->file, line, col,
		    "too many errors (%d); stopping here", PARSE_MAX_ERRORS);
		p->halt = 1;
		return;
	}
	pv_vdiag(p->d, level, p->file, line, col, fmt, ap);
}

void
parse_error(struct parse *p, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_diag(p, PV_ERROR, line, col, fmt, ap);
	va_end(ap);
}

void
parse_warning(struct parse *p, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_diag(p, PV_WARNING, line, 0, fmt, ap);
	va_end(ap);
}

/* Known HTML entities, to say what to write instead. */
static const struct {
	const char *name;
	unsigned cp;
} html_entities[] = {
	{ "nbsp", 160 }, { "shy", 173 }, { "ndash", 8211 },
	{ "mdash", 8212 }, { "hellip", 8230 }, { "laquo", 171 },
	{ "raquo", 187 }, { "ldquo", 8220 }, { "rdquo", 8221 },
	{ "lsquo", 8216 }, { "rsquo", 8217 }, { "bdquo", 8222 },
	{ "copy", 169 }, { "reg", 174 }, { "trade", 8482 }, { "euro", 8364 },
	{ "aelig", 230 }, { "AElig", 198 }, { "oslash", 248 },
	{ "Oslash", 216 }, { "aring", 229 }, { "Aring", 197 },
	{ "bull", 8226 }, { "middot", 183 }, { "times", 215 },
	{ "deg", 176 }, { "sect", 167 }, { "para", 182 }, { "thinsp", 8201 },
	{ "ensp", 8194 }, { "emsp", 8195 }, { "minus", 8722 },
	{ "frac12", 189 }, { "le", 8804 }, { "ge", 8805 },
};

static void
entity_error(struct parse *p, int line, int col, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(html_entities) / sizeof(html_entities[0]); i++)
		if (strcmp(html_entities[i].name, name) == 0)
			break;
	if (i < sizeof(html_entities) / sizeof(html_entities[0]))
		parse_error(p, line, col, "entity &%s; is not allowed: write "
		    "&#%u; instead (only &amp; &lt; &gt; &quot; &apos; and "
		    "numeric references are allowed)", name,
		    html_entities[i].cp);
	else
		parse_error(p, line, col, "entity &%s; is not allowed: write "
		    "the character itself or a numeric reference like &#160; "
		    "(only &amp; &lt; &gt; &quot; &apos; and numeric "
		    "references are allowed)", name);
}

/* libxml2 2.12 made the error const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_t;
#else
typedef xmlErrorPtr xml_error_t;
#endif

/* Names from libxml2, for messages: never NULL. */
static const char *
nm(const char *s)
{
	return s != NULL ? s : "?";
}

/*
 * Our words for a libxml2 error: what is wrong and how to fix it, in the
 * vocabulary of someone writing a template, never libxml2's own text
 * (which is read here only to tell apart errors that share a code).
 * Returns an allocated string, or NULL for an error not worth a message
 * of its own (one that only follows from an earlier one).
 */
static char *
xml_words(const struct parse *p, xml_error_t e)
{
	const char *m = e->message != NULL ? e->message : "";

	switch (e->code) {
	case XML_ERR_DOCUMENT_EMPTY:
		if (strncmp(m, "Document is empty", 17) == 0)
			return pv_xstrdup("the file is empty; it must hold "
			    "one <html> element");
		return pv_xstrdup("the document must start with <html> (or "
		    "<?xml ...?>); found text instead");
	case XML_ERR_DOCUMENT_START:
		return pv_xstrdup("the document must start with <html> (or "
		    "<?xml ...?>)");
	case XML_ERR_DOCUMENT_END:
		return pv_xstrdup("something follows the end of the root "
		    "element; everything must be inside <html>...</html>");
	case XML_ERR_TAG_NAME_MISMATCH:
		return pv_xasprintf("</%s> does not close <%s> (opened on "
		    "line %d); close the elements in the reverse order of "
		    "opening them", nm(e->str2), nm(e->str1), e->int1);
	case XML_ERR_TAG_NOT_FINISHED:
		return pv_xasprintf("the document ends inside <%s> (opened "
		    "on line %d); a closing tag is missing", nm(e->str1),
		    e->int1);
	case XML_ERR_GT_REQUIRED:
		if (e->str1 != NULL)
			return pv_xasprintf("the tag <%s> is not closed with "
			    "'>'", e->str1);
		return pv_xstrdup("a tag is not closed with '>'");
	case XML_ERR_NAME_REQUIRED:
		if (strstr(m, "EntityRef") != NULL)
			return pv_xstrdup("'&' must start a reference like "
			    "&amp; or &#160;; write &amp; for the character "
			    "'&'");
		return pv_xstrdup("'<' must start a tag; write &lt; for the "
		    "character '<'");
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return pv_xstrdup("a reference must end with ';' (as in "
		    "&amp;); write &amp; for the character '&'");
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_CHAR:
		if (e->int1 != 0 || strstr(m, "CharRef") != NULL)
			return pv_xasprintf("&#%d; is not a character XML "
			    "allows", e->int1);
		return pv_xstrdup("a character that XML does not allow "
		    "(a control character?)");
	case XML_ERR_LT_IN_ATTRIBUTE:
		return pv_xstrdup("'<' inside an attribute value; write "
		    "&lt;");
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		if (strstr(m, "too long") != NULL)
			return pv_xasprintf("an attribute value longer than "
			    "%d bytes (PARSE_MAX_ATTR)", PARSE_MAX_ATTR);
		return pv_xstrdup("an attribute value must be in quotes, as "
		    "in class=\"box\"");
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		return pv_xasprintf("the attribute '%s' has no value; write "
		    "%s=\"...\"", nm(e->str1), nm(e->str1));
	case XML_ERR_ATTRIBUTE_REDEFINED:
		return pv_xasprintf("the attribute '%s' is given twice",
		    nm(e->str1));
	case XML_ERR_SPACE_REQUIRED:
		return pv_xstrdup("attributes must be separated by spaces and "
		    "written name=\"value\"");
	case XML_ERR_COMMENT_NOT_FINISHED:
		return pv_xstrdup("a comment <!-- is not closed with -->");
	case XML_ERR_HYPHEN_IN_COMMENT:
		return pv_xstrdup("'--' inside a comment; a comment may not "
		    "contain two hyphens in a row");
	case XML_ERR_CDATA_NOT_FINISHED:
		return pv_xstrdup("a <![CDATA[ section is not closed with "
		    "]]>");
	case XML_ERR_MISPLACED_CDATA_END:
		return pv_xstrdup("']]>' is not allowed in text; write "
		    "]]&gt;");
	case XML_ERR_RESERVED_XML_NAME:
		return pv_xstrdup("<?xml ...?> is allowed only at the very "
		    "start of the file");
	case XML_ERR_PI_NOT_FINISHED:
	case XML_ERR_PI_NOT_STARTED:
		return pv_xstrdup("a processing instruction <?...?> is not "
		    "well-formed");
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
		return pv_xstrdup("the XHTML must be UTF-8 (remove the "
		    "encoding from <?xml ...?>)");
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		return pv_xasprintf("the prefix '%s:' is not declared; "
		    "planverk's XHTML uses no prefixes", nm(e->str1));
	case XML_NS_ERR_QNAME:
	case XML_NS_ERR_ATTRIBUTE_REDEFINED:
	case XML_NS_ERR_XML_NAMESPACE:
	case XML_NS_ERR_EMPTY:
	case XML_NS_ERR_COLON:
		return pv_xstrdup("a name with a namespace prefix that XML "
		    "does not allow here");
	case XML_ERR_INTERNAL_ERROR:
		/* libxml2's own size limits, which ours are below; after
		 * an earlier error only a consequence of it. */
		if (p->ndiag > 0)
			return NULL;
		if (strstr(m, "too long") != NULL || strstr(m, "uge") != NULL)
			return pv_xasprintf("a name or text longer than the "
			    "XML parser reads (text: at most %d bytes, "
			    "PARSE_MAX_TEXT)", PARSE_MAX_TEXT);
		return pv_xstrdup("the XML parser stopped here");
	case XML_ERR_USER_STOP:
		return NULL;
	case XML_ERR_NO_MEMORY:
		return pv_xstrdup("the XML parser ran out of memory");
	default:
		return pv_xasprintf("not well-formed XML here (XML parser "
		    "error %d)", e->code);
	}
}

/* Every libxml2 message arrives here, with the parser context. */
static void
xml_error(void *ctx, xml_error_t e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p;
	char *msg;
	size_t n, i;

	if (ctxt == NULL || e == NULL || (p = ctxt->_private) == NULL)
		return;
	if (p->halt) {
		xmlStopParser(ctxt);
		return;
	}
	if ((e->code == XML_ERR_UNDECLARED_ENTITY ||
	    e->code == XML_WAR_UNDECLARED_ENTITY) && e->str1 != NULL) {
		/* libxml2 is past the ';': point at the '&'. */
		n = strlen(e->str1) + 2;
		entity_error(p, e->line, e->int2 > (int)n ? e->int2 - (int)n :
		    e->int2, e->str1);
		return;
	}
	/* One message per place: libxml2 often adds errors that only
	 * follow from the first (an attribute without quotes is also an
	 * unfinished tag). */
	if (e->level != XML_ERR_WARNING && p->xml_line == e->line &&
	    p->xml_col == e->int2 && p->ndiag > 0)
		return;
	if ((msg = xml_words(p, e)) == NULL)
		return;
	if (e->level != XML_ERR_WARNING) {
		p->xml_line = e->line;
		p->xml_col = e->int2;
	}
	n = strlen(msg);
	for (i = 0; i < n; i++)
		if (msg[i] == '\n' || msg[i] == '\t')
			msg[i] = ' ';
	if (e->level == XML_ERR_WARNING)
		parse_warning(p, e->line, "%s", msg);
	else
		parse_error(p, e->line, e->int2, "%s", msg);
	free(msg);
	if (p->halt)
		xmlStopParser(ctxt);
}

static void
xml_generic_sink(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
refuse(xmlParserCtxtPtr ctxt, const char *what)
{
	struct parse *p = ctxt->_private;

	if (!p->refused)
		parse_error(p, ctxt->input ? ctxt->input->line : 0, 0, "%s",
		    what);
	p->refused = 1;
	xmlStopParser(ctxt);
}

static void
sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
    int ndefaulted, const xmlChar **attr)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;
	int line = ctxt->input ? ctxt->input->line : 0;
	int col = ctxt->input ? ctxt->input->col : 0;

	/* After a syntax error libxml2 reads on to report more of them;
	 * what it makes of the text then is not worth a message. */
	if (p->refused || p->halt || !ctxt->wellFormed)
		return;
	if (++p->depth > PARSE_MAX_DEPTH) {
		parse_error(p, line, col, "elements nested more than %d deep "
		    "(PARSE_MAX_DEPTH; here <%s>)", PARSE_MAX_DEPTH,
		    (const char *)localname);
		p->refused = 1;
		xmlStopParser(ctxt);
		return;
	}
	if (++p->elements > PARSE_MAX_NODES) {
		parse_error(p, line, col, "more than %d elements "
		    "(PARSE_MAX_NODES); refusing the document",
		    PARSE_MAX_NODES);
		p->refused = 1;
		xmlStopParser(ctxt);
		return;
	}
	tree_start(p, (const char *)localname, (const char *)prefix,
	    (const char *)uri, nattr, attr, line);
	if (p->halt)
		xmlStopParser(ctxt);
}

static void
sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;

	if (p->refused || p->halt || !ctxt->wellFormed)
		return;
	p->depth--;
	tree_end(p);
}

/*
 * Text, in chunks: libxml2 calls this when it has read a piece, so its
 * line is where the piece ends; the piece starts that many newlines
 * earlier.
 */
static void
sax_chars(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;
	int i, line = ctxt->input ? ctxt->input->line : 0;

	if (p->refused || p->halt || !ctxt->wellFormed || len <= 0)
		return;
	for (i = 0; i < len; i++)
		if (ch[i] == '\n')
			line--;
	tree_text(p, (const char *)ch, (size_t)len, line > 0 ? line : 1);
	if (p->halt)
		xmlStopParser(ctxt);
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse *p = ctxt->_private;

	if (p->refused || p->halt || !ctxt->wellFormed)
		return;
	tree_pi(p, (const char *)target, ctxt->input ? ctxt->input->line : 0);
}

static void
sax_reference(void *ctx, const xmlChar *name)
{
	/* An undeclared entity: reported by xml_error already. */
}

/*
 * <!DOCTYPE html> is fine, and so is the XHTML 1.x public one (never
 * read).  Anything with declarations ('[' follows) is refused here,
 * before libxml2 has parsed a single declaration: no entity is ever
 * defined, so none can be expanded or fetched.
 */
static void
sax_subset(void *ctx, const xmlChar *name, const xmlChar *pub,
    const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	const xmlChar *cur = ctxt->input ? ctxt->input->cur : NULL;

	while (cur != NULL && (*cur == ' ' || *cur == '\t' || *cur == '\n' ||
	    *cur == '\r'))
		cur++;
	if (cur != NULL && *cur == '[') {
		refuse(ctxt, "a <!DOCTYPE> with declarations [...] is not "
		    "allowed: planverk reads no DTD and no entity "
		    "declarations (write <!DOCTYPE html> or none)");
		return;
	}
	if (name == NULL || strcmp((const char *)name, "html") != 0 ||
	    (pub == NULL && sys != NULL) || (pub != NULL &&
	    strncmp((const char *)pub, "-//W3C//DTD XHTML", 17) != 0)) {
		refuse(ctxt, "this <!DOCTYPE> is not allowed: write "
		    "<!DOCTYPE html> or none (planverk reads no DTD)");
		return;
	}
}

static void
sax_decl_entity(void *ctx, const xmlChar *name, int type,
    const xmlChar *pub, const xmlChar *sys, xmlChar *content)
{
	refuse(ctx, "entity declarations are not allowed");
}

static void
sax_decl_element(void *ctx, const xmlChar *name, int type,
    xmlElementContentPtr content)
{
	refuse(ctx, "element declarations are not allowed");
}

static void
sax_decl_attribute(void *ctx, const xmlChar *elem, const xmlChar *fullname,
    int type, int def, const xmlChar *defaultValue, xmlEnumerationPtr tree)
{
	refuse(ctx, "attribute declarations are not allowed");
	xmlFreeEnumeration(tree);
}

static void
sax_decl_notation(void *ctx, const xmlChar *name, const xmlChar *pub,
    const xmlChar *sys)
{
	refuse(ctx, "notation declarations are not allowed");
}

static void
sax_decl_unparsed(void *ctx, const xmlChar *name, const xmlChar *pub,
    const xmlChar *sys, const xmlChar *notation)
{
	refuse(ctx, "entity declarations are not allowed");
}

static void
sax_external_subset(void *ctx, const xmlChar *name, const xmlChar *pub,
    const xmlChar *sys)
{
	/* Never load it. */
}

static xmlEntityPtr
sax_get_entity(void *ctx, const xmlChar *name)
{
	/* The five of XML are predefined before this is asked. */
	return NULL;
}

static xmlParserInputPtr
sax_resolve(void *ctx, const xmlChar *pub, const xmlChar *sys)
{
	return NULL;
}

/*
 * Our events instead of libxml2's tree builder, and every declaration
 * and entity hook closed.  startDocument stays libxml2's: it makes the
 * (empty) xmlDoc that carries the parse's encoding and version.
 */
static void
guard_sax(xmlSAXHandlerPtr sax)
{
	sax->startElementNs = sax_start;
	sax->endElementNs = sax_end;
	sax->startElement = NULL;
	sax->endElement = NULL;
	sax->characters = sax_chars;
	sax->ignorableWhitespace = sax_chars;
	sax->cdataBlock = NULL;
	sax->comment = NULL;
	sax->processingInstruction = sax_pi;
	sax->reference = sax_reference;
	sax->internalSubset = sax_subset;
	sax->externalSubset = sax_external_subset;
	sax->entityDecl = sax_decl_entity;
	sax->elementDecl = sax_decl_element;
	sax->attributeDecl = sax_decl_attribute;
	sax->notationDecl = sax_decl_notation;
	sax->unparsedEntityDecl = sax_decl_unparsed;
	sax->getEntity = sax_get_entity;
	sax->getParameterEntity = sax_get_entity;
	sax->resolveEntity = sax_resolve;
	sax->serror = xml_error;
}

/*
 * Checks on the bytes before libxml2 sees them, for messages a person
 * can act on: UTF-16 (or 32) is refused rather than converted, and bad
 * UTF-8 is named with its place.
 */
static int
check_bytes(struct parse *p, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t bad;
	int line, col;

	if ((len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	    (u[0] == 0xFF && u[1] == 0xFE))) ||
	    (len >= 2 && (u[0] == 0 || u[1] == 0))) {
		parse_error(p, 0, 0, "the XHTML is UTF-16 or UTF-32; planverk "
		    "reads UTF-8 only");
		return 0;
	}
	if ((bad = pv_utf8_invalid_at(text, len)) != (size_t)-1) {
		pv_offset_to_linecol(text, len, bad, &line, &col);
		parse_error(p, line, col, "not valid UTF-8 (byte 0x%02X); the "
		    "XHTML must be UTF-8", u[bad]);
		return 0;
	}
	if (len > INT32_MAX) {
		parse_error(p, 0, 0, "the XHTML is too large");
		return 0;
	}
	return 1;
}

enum pv_status
parse_xhtml(const char *file, const char *text, size_t len,
    struct doc **out, struct pv_diags *d)
{
	struct parse p;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr xdoc;
	xmlStructuredErrorFunc old_serror;
	xmlGenericErrorFunc old_generic;
	void *old_serror_ctx, *old_generic_ctx;
	size_t errors_before = d->errors;
	enum pv_status st = PV_OK;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.file = file != NULL ? file : "<xhtml>";
	p.d = d;
	p.doc = pv_xcalloc(1, sizeof(*p.doc));
	p.doc->file = pv_xstrdup(p.file);
	p.dir = pv_dirname(p.file);

	if (!check_bytes(&p, text, len)) {
		st = PV_EINPUT;
		goto out;
	}

	xmlInitParser();
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		pv_diag(d, PV_ERROR, p.file, 0, 0, "cannot start the XML "
		    "parser (out of memory?)");
		st = PV_EINTERNAL;
		goto out;
	}
	ctxt->_private = &p;
	guard_sax(ctxt->sax);
	tree_begin(&p);
	/* Errors raised without the parser context go here, and nothing
	 * goes to stderr; both are restored below. */
	old_serror = xmlStructuredError;
	old_serror_ctx = xmlStructuredErrorContext;
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(ctxt, xml_error);
	xmlSetGenericErrorFunc(NULL, xml_generic_sink);

	/* No NOENT (no substitution), no DTDLOAD, no HUGE, no NOBLANKS:
	 * white space is ours to handle.  UTF-8 is forced: check_bytes has
	 * made sure it is. */
	xdoc = xmlCtxtReadMemory(ctxt, text, (int)len, p.file, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);

	xmlSetStructuredErrorFunc(old_serror_ctx, old_serror);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);

	if (xdoc == NULL || p.refused || !ctxt->wellFormed) {
		if (d->errors == errors_before)
			parse_error(&p, 0, 0, "not well-formed XML");
		st = PV_EINPUT;
	}
	tree_finish(&p, st == PV_OK && !p.halt);
	xmlFreeDoc(xdoc);
	xmlFreeParserCtxt(ctxt);
out:
	free(p.ids);
	free(p.links);
	free(p.dir);
	if (st == PV_OK && d->errors > errors_before)
		st = PV_EINPUT;
	if (st != PV_OK) {
		doc_free(p.doc);
		return st;
	}
	*out = p.doc;
	return PV_OK;
}
