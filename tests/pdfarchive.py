#!/usr/bin/env python3
"""What an archive asks of a PDF besides its pages, read back from the
file with qpdf --json (no PDF library needed): PDF 1.7; an XMP metadata
stream, unfiltered, that says what the Info dictionary says (title,
author, subject, keywords, producer, creator tool, dates); an sRGB output
intent with an embedded 3-component ICC profile; every annotation
printable (flag 4); /Lang and DisplayDocTitle.  Prints one line per
problem and exits 1 if there is any.  (Tagging, PDF/UA: issue 12.)

usage: pdfarchive.py FILE.pdf...
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def text(v):
    """A qpdf JSON v2 string ("u:..." or "b:HEX") as text."""
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be")
        return raw.decode("latin-1")
    return v


def pdf_date_to_xmp(d):
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z", d or "")
    if not m:
        return None
    return "%s-%s-%sT%s:%s:%sZ" % m.groups()


def check(path):
    problems = []
    with open(path, "rb") as f:
        head = f.read(9)
    if head != b"%PDF-1.7\n" and head[:8] != b"%PDF-1.7":
        problems.append("header is %r, not %%PDF-1.7" % head[:8])
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                          "--decode-level=generalized", path],
                         capture_output=True, check=False)
    if out.returncode not in (0, 3):
        return ["qpdf --json failed: " + out.stderr.decode()[:200]]
    j = json.loads(out.stdout)
    objs = j["qpdf"][1]
    trailer = objs["trailer"]["value"]

    def get(ref):
        o = objs.get("obj:" + ref) if isinstance(ref, str) else None
        return o if o is not None else {}

    def value(ref):
        o = get(ref)
        return o.get("value", o.get("stream", {}).get("dict", {}))

    cat = value(trailer["/Root"])
    info = value(trailer["/Info"]) if "/Info" in trailer else {}
    if "/Lang" not in cat:
        problems.append("the catalog has no /Lang")
    if not cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        problems.append("no /ViewerPreferences /DisplayDocTitle true")
    # XMP
    meta = get(cat.get("/Metadata", "")).get("stream")
    if meta is None:
        problems.append("the catalog has no /Metadata stream")
    else:
        d = meta["dict"]
        if d.get("/Type") != "/Metadata" or d.get("/Subtype") != "/XML":
            problems.append("the metadata stream is not /Type /Metadata "
                            "/Subtype /XML")
        if "/Filter" in d:
            problems.append("the metadata stream is compressed")
        xmp = base64.b64decode(meta["data"]).decode("utf-8")
        root = ET.fromstring(xmp[xmp.index("<x:xmpmeta"):
                                 xmp.index("</x:xmpmeta>") + 12])
        desc = root.find("rdf:RDF/rdf:Description", NS)

        def xv(tag):
            e = desc.find(tag, NS)
            if e is None:
                return None
            li = e.find(".//rdf:li", NS)
            return (li if li is not None else e).text

        pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"),
                 ("/Subject", "dc:description"),
                 ("/Keywords", "pdf:Keywords"),
                 ("/Producer", "pdf:Producer"),
                 ("/Creator", "xmp:CreatorTool")]
        for key, tag in pairs:
            iv = text(info.get(key))
            if iv != xv(tag):
                problems.append("Info %s %r but XMP %s %r"
                                % (key, iv, tag, xv(tag)))
        for key, tag in [("/CreationDate", "xmp:CreateDate"),
                         ("/ModDate", "xmp:ModifyDate")]:
            want = pdf_date_to_xmp(text(info.get(key)))
            if want != xv(tag):
                problems.append("Info %s is %s but XMP %s %r"
                                % (key, want, tag, xv(tag)))
    # output intent
    intents = cat.get("/OutputIntents", [])
    if isinstance(intents, str):
        intents = value(intents)
    ok = False
    for oi in intents:
        oi = value(oi) if isinstance(oi, str) else oi
        prof = get(oi.get("/DestOutputProfile", "")).get("stream")
        if (oi.get("/S") == "/GTS_PDFA1" and prof is not None and
                prof["dict"].get("/N") == 3 and
                len(base64.b64decode(prof["data"])) > 128):
            ok = True
    if not ok:
        problems.append("no /GTS_PDFA1 output intent with a 3-component "
                        "ICC profile")
    # annotations
    nannots = 0
    for k, o in objs.items():
        v = o.get("value") if isinstance(o, dict) else None
        if isinstance(v, dict) and v.get("/Type") == "/Page":
            annots = v.get("/Annots", [])
            if isinstance(annots, str):
                annots = value(annots)
            for a in annots:
                a = value(a) if isinstance(a, str) else a
                nannots += 1
                if not (int(a.get("/F", 0)) & 4):
                    problems.append("%s: an annotation (%s) without the "
                                    "print flag" % (k, a.get("/Subtype")))
    return problems, nannots


def main():
    bad = 0
    for path in sys.argv[1:]:
        r = check(path)
        if isinstance(r, list):
            problems, n = r, 0
        else:
            problems, n = r
        for p in problems:
            print("%s: %s" % (path, p))
        if problems:
            bad = 1
        else:
            print("%s: archive metadata, output intent, %d printable "
                  "annotations" % (path, n))
    return bad


if __name__ == "__main__":
    sys.exit(main())
