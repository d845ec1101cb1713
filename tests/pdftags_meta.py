"""pdftags_meta.py - the document-level half of tests/pdftags.py.

What PDF/UA-1 and PDF/A-2a ask of a file outside its pages and its
structure tree: the catalog entries (MarkInfo, Lang, DisplayDocTitle), the
title, the XMP identification of both standards (with the extension schema
PDF/A needs to allow the pdfuaid property), the output intent, embedded
fonts with ToUnicode maps, printable annotations, and no JavaScript,
additional actions or embedded files.
"""
import xml.etree.ElementTree as ET

import pikepdf

from pdftags_tree import BCP47, pdf_text, snippet

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


class LangStr(str):
    lang = None


def rdf_value(el):
    """An RDF property element as a str, a dict (a structure) or a list
    (Bag, Seq, Alt; Alt items are LangStr with their xml:lang)."""
    if el.get("{%s}parseType" % RDF) == "Resource":
        return rdf_props(el)
    if el.get("{%s}resource" % RDF) is not None:
        return el.get("{%s}resource" % RDF)
    for c in el:
        if c.tag in ("{%s}Bag" % RDF, "{%s}Seq" % RDF, "{%s}Alt" % RDF):
            items = []
            for li in c:
                v = rdf_value(li)
                if isinstance(v, str):
                    v = LangStr(v)
                    v.lang = li.get(XML_LANG)
                items.append(v)
            return items
        if c.tag == "{%s}Description" % RDF:
            return rdf_props(c)
    return (el.text or "").strip()


def rdf_props(node):
    props = {}
    for k, v in node.attrib.items():
        if not k.startswith("{%s}" % RDF) and k != XML_LANG:
            props[k] = v
    for c in node:
        props[c.tag] = rdf_value(c)
    return props


def xmp_props(data):
    """Every property of the top-level rdf:Description nodes."""
    root = ET.fromstring(data)
    props = {}
    for d in root.iter("{%s}Description" % RDF):
        props.update(rdf_props(d))
    return props


def check_catalog(pdf, p):
    cat = pdf.Root
    mi = cat.get("/MarkInfo")
    if not isinstance(mi, pikepdf.Dictionary) or mi.get("/Marked") is not True:
        p.add("catalog", "catalog: no /MarkInfo << /Marked true >>")
    elif mi.get("/Suspects") is True:
        p.add("catalog", "catalog: /MarkInfo says /Suspects true")
    if cat.get("/StructTreeRoot") is None:
        p.add("catalog", "catalog: no /StructTreeRoot (the file is not tagged)")
    lang = pdf_text(cat.get("/Lang"))
    if not lang:
        p.add("catalog", "catalog: no /Lang")
    elif not BCP47.match(lang):
        p.add("catalog", f"catalog: /Lang {snippet(lang)} is not a BCP 47 language tag")
    vp = cat.get("/ViewerPreferences")
    if not isinstance(vp, pikepdf.Dictionary) or vp.get("/DisplayDocTitle") is not True:
        p.add("catalog", "catalog: no /ViewerPreferences << /DisplayDocTitle true >>")
    title = pdf_text(pdf.trailer.get("/Info", {}).get("/Title")) if pdf.trailer.get("/Info") is not None else ""
    if not title.strip():
        p.add("catalog", "Info /Title is missing or empty")
    for i, pg in enumerate(pdf.pages):
        if pg.obj.get("/Tabs") != "/S":
            p.add("tabs", f"page {i + 1}: no /Tabs /S")
    return title


def check_xmp(pdf, title, p):
    md = pdf.Root.get("/Metadata")
    if not isinstance(md, pikepdf.Stream):
        p.add("xmp", "catalog: no /Metadata stream (XMP)")
        return
    try:
        props = xmp_props(md.read_bytes())
    except (ET.ParseError, pikepdf.PdfError) as e:
        p.add("xmp", f"XMP: does not parse: {e}")
        return
    want = [("pdfaid", "part", "2"), ("pdfaid", "conformance", "A"), ("pdfuaid", "part", "1")]
    for prefix, name, value in want:
        got = props.get(q(prefix, name))
        if got != value:
            p.add("xmp", f"XMP: {prefix}:{name} is {got!r}, not {value!r}")
    if not _has_pdfua_schema(props.get(q("pdfaExtension", "schemas"))):
        p.add("xmp", "XMP: no pdfaExtension:schemas description of the pdfuaid namespace "
              "(http://www.aiim.org/pdfua/ns/id/, prefix pdfuaid, property part of type Integer)")
    t = props.get(q("dc", "title"))
    if not isinstance(t, list) or not t:
        p.add("xmp", "XMP: no dc:title")
    else:
        x = next((v for v in t if getattr(v, "lang", None) == "x-default"), t[0])
        if x != title:
            p.add("xmp", f"XMP: dc:title {snippet(str(x))} is not Info /Title {snippet(title)}")


def _has_pdfua_schema(schemas):
    if not isinstance(schemas, list):
        return False
    for s in schemas:
        if not isinstance(s, dict):
            continue
        if (s.get(q("pdfaSchema", "namespaceURI")) != NS["pdfuaid"]
                or s.get(q("pdfaSchema", "prefix")) != "pdfuaid"
                or not s.get(q("pdfaSchema", "schema"))):
            continue
        for prop in s.get(q("pdfaSchema", "property")) or []:
            if (isinstance(prop, dict) and prop.get(q("pdfaProperty", "name")) == "part"
                    and prop.get(q("pdfaProperty", "valueType")) == "Integer"
                    and prop.get(q("pdfaProperty", "category")) in ("internal", "external")
                    and prop.get(q("pdfaProperty", "description"))):
                return True
    return False


def check_output_intent(pdf, p):
    for oi in pdf.Root.get("/OutputIntents") or []:
        if oi.get("/S") == "/GTS_PDFA1" and isinstance(oi.get("/DestOutputProfile"), pikepdf.Stream):
            return
    p.add("intent", "catalog: no /OutputIntents entry /S /GTS_PDFA1 with a /DestOutputProfile")


def _fonts_in(res, seen, out, depth=0):
    if not isinstance(res, pikepdf.Dictionary) or depth > 12:
        return
    for name, f in (res.get("/Font") or {}).items():
        key = f.objgen if f.is_indirect else id(f)
        if key not in seen:
            seen.add(key)
            out.append((name, f))
    for _n, x in (res.get("/XObject") or {}).items():
        if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == "/Form" and x.objgen not in seen:
            seen.add(x.objgen)
            _fonts_in(x.get("/Resources"), seen, out, depth + 1)


def check_fonts(pdf, p):
    seen, fonts = set(), []
    for pg in pdf.pages:
        _fonts_in(pg.obj.get("/Resources"), seen, fonts)
        for a in pg.obj.get("/Annots") or []:
            ap = a.get("/AP") if isinstance(a, pikepdf.Dictionary) else None
            for _k, s in (ap or {}).items():
                if isinstance(s, pikepdf.Stream):
                    _fonts_in(s.get("/Resources"), seen, fonts)
    for name, f in fonts:
        base = str(f.get("/BaseFont", name))[1:]
        sub = f.get("/Subtype")
        desc = f
        if sub == "/Type0":
            d = f.get("/DescendantFonts")
            desc = d[0] if d else pikepdf.Dictionary()
        fd = desc.get("/FontDescriptor")
        if sub != "/Type3" and not (isinstance(fd, pikepdf.Dictionary)
                                    and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))):
            p.add("font", f"font {base} is not embedded")
        if not isinstance(f.get("/ToUnicode"), pikepdf.Stream):
            p.add("font", f"font {base} has no /ToUnicode")
    return len(fonts)


def check_annots_and_actions(pdf, p):
    for i, pg in enumerate(pdf.pages):
        if "/AA" in pg.obj:
            p.add("aa", f"page {i + 1}: additional actions (/AA)")
        for a in pg.obj.get("/Annots") or []:
            if not isinstance(a, pikepdf.Dictionary):
                continue
            if not int(a.get("/F", 0)) & 4:
                p.add("print", f"page {i + 1}: {str(a.get('/Subtype'))[1:]} annotation without the print flag (/F 4)")
    names = pdf.Root.get("/Names")
    if names is not None:
        if "/JavaScript" in names:
            p.add("js", "catalog: /Names /JavaScript")
        if "/EmbeddedFiles" in names:
            p.add("embedded", "catalog: /Names /EmbeddedFiles (embedded files)")
    if "/AA" in pdf.Root:
        p.add("aa", "catalog: additional actions (/AA)")
    # Actions sit in the catalog, annotations, form fields and outline
    # items; a walk of those (not of every object) keeps a 2000-page file
    # quick.
    js = _js_action(pdf.Root.get("/OpenAction"))
    for pg in pdf.pages:
        for a in pg.obj.get("/Annots") or []:
            if isinstance(a, pikepdf.Dictionary):
                js = js or _js_action(a.get("/A"))
                if "/AA" in a:
                    p.add("aa", "an annotation with additional actions (/AA)")
                fs = a.get("/FS")
                if isinstance(fs, pikepdf.Dictionary) and "/EF" in fs:
                    p.add("embedded", "an annotation with an embedded file (/EF)")
    form = pdf.Root.get("/AcroForm")
    for f in (form.get("/Fields") or [] if isinstance(form, pikepdf.Dictionary) else []):
        if isinstance(f, pikepdf.Dictionary):
            js = js or _js_action(f.get("/A"))
            if "/AA" in f:
                p.add("aa", "a form field with additional actions (/AA)")
    outlines = pdf.Root.get("/Outlines")
    stack = [outlines.get("/First")] if isinstance(outlines, pikepdf.Dictionary) else []
    seen = set()
    while stack:
        o = stack.pop()
        if not isinstance(o, pikepdf.Dictionary) or o.objgen in seen:
            continue
        seen.add(o.objgen)
        js = js or _js_action(o.get("/A"))
        stack += [o.get("/Next"), o.get("/First")]
    if js:
        p.add("js", "a JavaScript action")


def _js_action(a, depth=0):
    """Whether an action, or one of those it chains with /Next, runs
    JavaScript."""
    if isinstance(a, pikepdf.Array):
        return any(_js_action(x, depth + 1) for x in a) if depth < 20 else False
    if not isinstance(a, pikepdf.Dictionary) or depth > 20:
        return False
    if a.get("/S") == "/JavaScript" or "/JS" in a:
        return True
    return _js_action(a.get("/Next"), depth + 1)
