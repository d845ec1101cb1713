#!/usr/bin/python3
"""pdftags_fixtures.py - makes the hand-made PDFs that tests/cmd/tags.sh
shows tests/pdftags.py: one correctly tagged PDF/UA-1 + PDF/A-2a file
(headings, a paragraph with a link and a footnote, a table with scoped
header cells, a figure with alt text, a span in nynorsk, a list, running
page numbers and rules as artifacts) and variants of it, each broken in
one way the checker must name.  Built from scratch with python3-pikepdf,
so that the checker is tried on a file planverk did not make.

usage: pdftags_fixtures.py DIR            writes DIR/VARIANT.pdf for each
       pdftags_fixtures.py DIR --pages N  writes DIR/big.pdf, N pages
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, String

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
ICC = "/usr/share/color/icc/sRGB.icc"

VARIANTS = {
    "good": "correctly tagged",
    "unref": "an MCID the structure tree does not reference",
    "noalt": "a figure without alt text",
    "noscope": "a TH without /Scope",
    "untagged": "text outside marked content",
    "reversed": "the paragraph before its heading in the tree",
    "nocontents": "a link annotation without /Contents",
    "skip": "a heading level skipped (H1 -> H3)",
    "parenttree": "a ParentTree that swaps two MCIDs",
    "noobjr": "a Link element without its annotation",
    "xmp": "XMP without the PDF/UA identification",
    "catalog": "no /Lang, no DisplayDocTitle",
    "nested": "an MCID inside another",
    "form": "a form XObject's text drawn outside marked content",
    "noth": "a table of TD cells only",
    "list": "a list item holding its text directly",
    "note": "a footnote without /ID",
    "archive": "no ToUnicode, a hidden link, no output intent",
}

TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Test-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<20> <7E> <0020>
endbfrange
7 beginbfchar
<95> <2022>
<C5> <00C5>
<C6> <00C6>
<D8> <00D8>
<E5> <00E5>
<E6> <00E6>
<F8> <00F8>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def xmp(title, pdfua=True):
    ua = ""
    ext = ""
    if pdfua:
        ua = '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>'
        ext = """<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>PDF/UA version identifier</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"""
    t = title.replace("&", "&amp;").replace("<", "&lt;")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="A"/>
{ua}{ext}
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def esc(s):
    b = s.encode("cp1252")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text(x, y, size, s):
    return b"BT /F1 %d Tf 1 0 0 1 %d %d Tm (" % (size, x, y) + esc(s) + b") Tj ET"


class Builder:
    def __init__(self, variant):
        self.variant = variant
        pdf = self.pdf = pikepdf.new()
        data = open(FONT, "rb").read()
        ff = pikepdf.Stream(pdf, data)
        ff.Length1 = len(data)
        fd = pdf.make_indirect(Dictionary(
            Type=Name.FontDescriptor, FontName=Name("/DejaVuSans"), Flags=32,
            FontBBox=[-1021, -463, 1793, 1232], ItalicAngle=0, Ascent=928, Descent=-236,
            CapHeight=729, StemV=80, FontFile2=ff))
        self.font = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/DejaVuSans"),
            FirstChar=32, LastChar=255, Widths=[600] * 224, Encoding=Name.WinAnsiEncoding,
            FontDescriptor=fd))
        self.font.ToUnicode = pikepdf.Stream(pdf, TOUNICODE)
        img = pikepdf.Stream(pdf, b"\x20\x60\xa0")
        img.Type, img.Subtype, img.Width, img.Height = Name.XObject, Name.Image, 1, 1
        img.ColorSpace, img.BitsPerComponent = Name.DeviceRGB, 8
        self.image = pdf.make_indirect(img)
        # A logo as a Form XObject with its own font resource: the checker
        # must read inside forms.
        fm = pikepdf.Stream(pdf, text(0, 0, 9, "Logo") + b" 0 0 40 12 re S")
        fm.Type, fm.Subtype, fm.BBox = Name.XObject, Name.Form, [0, 0, 40, 12]
        fm.Resources = Dictionary(Font=Dictionary(F1=self.font))
        self.form = pdf.make_indirect(fm)
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.pages = []  # (page object, content parts, owners by MCID, annots)
        self.parent_tree = {}

    def new_page(self):
        page = self.pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=self.font), XObject=Dictionary(Im1=self.image, Fm1=self.form))
        self.pages.append((page.obj, [], [], Array()))

    def elem(self, s, parent, **extra):
        p = parent if parent is not None else self.root
        e = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + s), P=p, K=Array(), **extra))
        p.K.append(e)
        return e

    def mc(self, e, tag, ops):
        pg, parts, owners, _ = self.pages[-1]
        n = len(owners)
        owners.append(e)
        parts.append(b"/%s <</MCID %d>> BDC %s EMC" % (tag.encode(), n, ops))
        if e is None:
            return n
        if "/Pg" not in e:
            e.Pg = pg
            e.K.append(n)
        elif e.Pg.objgen == pg.objgen:
            e.K.append(n)
        else:
            e.K.append(Dictionary(Type=Name.MCR, Pg=pg, MCID=n))
        return n

    def artifact(self, ops):
        self.pages[-1][1].append(b"/Artifact <</Type /Pagination>> BDC %s EMC" % ops)

    def raw(self, ops):
        self.pages[-1][1].append(ops)

    def link(self, e, rect, uri, contents):
        pg, _, _, annots = self.pages[-1]
        a = self.pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=rect, F=4 if self.variant != "archive" else 0, Border=[0, 0, 0],
            A=Dictionary(S=Name.URI, URI=String(uri))))
        if contents is not None:
            a.Contents = String(contents)
        annots.append(a)
        if e is not None:
            e.K.append(Dictionary(Type=Name.OBJR, Obj=a, Pg=pg))
            a.StructParent = self.key(e)
        return a

    def key(self, value):
        n = len(self.parent_tree)
        self.parent_tree[n] = value
        return n

    def finish(self, path, title, v):
        pdf = self.pdf
        for pg, parts, owners, annots in self.pages:
            pg.Contents = pdf.make_stream(b"\n".join(parts))
            pg.Tabs = Name.S
            pg.StructParents = self.key(Array(owners))
            if len(annots):
                pg.Annots = annots
        if v == "parenttree":
            arr = self.parent_tree[self.pages[0][0].StructParents]
            arr[0], arr[1] = arr[1], arr[0]
        # The ParentTree as a number tree of two leaves under /Kids.
        keys = sorted(self.parent_tree)
        half = (len(keys) + 1) // 2
        leaves = Array()
        for part in (keys[:half], keys[half:]):
            if not part:
                continue
            nums = Array()
            for k in part:
                nums.append(k)
                nums.append(self.parent_tree[k])
            leaves.append(pdf.make_indirect(Dictionary(Nums=nums, Limits=[part[0], part[-1]])))
        self.root.ParentTree = pdf.make_indirect(Dictionary(Kids=leaves))
        self.root.ParentTreeNextKey = len(self.parent_tree)
        cat = pdf.Root
        cat.StructTreeRoot = self.root
        cat.MarkInfo = Dictionary(Marked=True)
        if v != "catalog":
            cat.Lang = String("nb-NO")
            cat.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        md = pikepdf.Stream(pdf, xmp(title, pdfua=v != "xmp"))
        md.Type, md.Subtype = Name.Metadata, Name.XML
        cat.Metadata = pdf.make_indirect(md)
        icc = pikepdf.Stream(pdf, open(ICC, "rb").read())
        icc.N = 3
        if v == "archive":
            del self.font.ToUnicode
        else:
            cat.OutputIntents = [Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1,
                                            OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                                            DestOutputProfile=icc)]
        pdf.docinfo[Name.Title] = String(title)
        pdf.save(path, min_version="1.7", static_id=True)


def section(b, sect, n, v):
    """One page of a document: a heading, a paragraph with a link and a
    footnote, a table, a figure."""
    b.new_page()
    b.artifact(text(290, 30, 9, str(n)))
    logo = b"q 1 0 0 1 450 800 cm /Fm1 Do Q"
    if v == "form":
        b.raw(logo)
    else:
        b.artifact(logo)
    h = b.elem("H1", sect)
    p = b.elem("P", sect)
    if v == "reversed":  # the tree reads the paragraph before the heading
        sect.K = Array([p, h])
    b.mc(h, "H1", text(72, 760, 18, f"{n} Innledning"))
    b.mc(p, "P", text(72, 730, 11, "Planen gjelder for Ørland og Åfjord.") + b" " + text(72, 716, 11, "Se"))
    if v == "nested":
        b.raw(b"/Span <</MCID 99>> BDC")
    lk = b.elem("Link", p)
    b.mc(lk, "Link", text(92, 716, 11, "Udir"))
    b.link(lk if v != "noobjr" else None, [92, 712, 120, 726], "https://www.udir.no/",
           None if v == "nocontents" else "Utdanningsdirektoratet")
    if v == "nested":
        b.raw(b"EMC")
    b.mc(p, "P", text(122, 716, 11, "for mer."))
    if v == "untagged":
        b.raw(text(72, 690, 11, "Løs tekst uten merking"))
    if v == "unref":
        b.mc(None, "P", text(72, 690, 11, "Ingen eier denne"))
    t = b.elem("Table", sect)
    rows = [[("TH", "Tiltak"), ("TH", "Kostnad")], [("TD", "Kurs"), ("TD", "10 000")]]
    y = 660
    for row in rows:
        tr = b.elem("TR", t)
        x = 72
        for kind, s in row:
            extra = {}
            if v == "noth":
                kind = "TD"
            if kind == "TH" and v != "noscope":
                extra["A"] = Dictionary(O=Name.Table, Scope=Name.Column)
            c = b.elem(kind, tr, **extra)
            b.mc(c, kind, text(x, y, 11, s))
            x += 150
        b.artifact(b"0.5 w 72 %d m 372 %d l S" % (y - 4, y - 4))
        y -= 18
    fig = b.elem("Figure", sect, **({} if v == "noalt" else {"Alt": String("Et kart over Ørland")}))
    b.mc(fig, "Figure", b"q 100 0 0 50 72 560 cm /Im1 Do Q")
    # A footnote: in the tree inside the paragraph, on the page at its foot.
    note = b.elem("Note", p, **({} if v == "note" else {"ID": String(f"fn{n}")}))
    b.mc(note, "Note", text(72, 60, 8, "1 Kilde: kommunen."))


def page_two(b, sect, v):
    b.new_page()
    b.artifact(text(290, 30, 9, "2"))
    h2 = b.elem("H3" if v == "skip" else "H2", sect)
    b.mc(h2, str(h2.S)[1:], text(72, 760, 14, "1.1 Mål"))
    p = b.elem("P", sect)
    sp = b.elem("Span", p, Lang=String("nn-NO"))
    b.mc(sp, "Span", text(72, 730, 11, "Dette er skrive på nynorsk."))
    lst = b.elem("L", sect)
    for s in ("Første punkt", "Andre punkt"):
        li = b.elem("LI", lst)
        if v == "list":
            b.mc(li, "LI", text(72, 700, 11, "• " + s))
            continue
        b.mc(b.elem("Lbl", li), "Lbl", text(72, 700, 11, "•"))
        b.mc(b.elem("LBody", li), "LBody", text(84, 700, 11, s))


def build(path, v, pages=0):
    b = Builder(v)
    doc = b.elem("Document", None)
    if pages:
        for n in range(1, pages + 1):
            section(b, b.elem("Sect", doc), n, v)
    else:
        sect = b.elem("Sect", doc)
        section(b, sect, 1, v)
        page_two(b, sect, v)
    b.finish(path, "Plan for Ørland & Åfjord", v)


def main(argv):
    out = argv[1]
    if len(argv) > 3 and argv[2] == "--pages":
        build(f"{out}/big.pdf", "good", int(argv[3]))
        return 0
    for v in VARIANTS:
        build(f"{out}/{v}.pdf", v)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
