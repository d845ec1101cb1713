#!/usr/bin/env python3
"""langlabels.py - reads two XHTML files of one plan, built without and
with --lang, and checks that the second marks its labels (issue 12).

usage: langlabels.py PLAIN.xhtml RELABELLED.xhtml LANG

A word a screen reader must say in another language has to carry that
language.  The relabelled document keeps the plan's own language on
<html>, and every piece of its text that is not found in the plain
document (so came from the other labels) must sit inside an element with
lang=LANG.  Text under lang=LANG that the plain document has word for
word at the same place is no proof of a mistake (labels may be spelled
alike in two languages), so only the first direction is an error.

Prints one line per unmarked piece ("unmarked: TEXT (in <TAG>)") and a
summary line "N texts, M marked LANG, K unmarked"; exits 1 when K > 0 or
when <html lang> differs between the two.  Standard library only.
"""
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def pieces(path):
    """The <html> lang and every text piece of <body> with the language
    in force there and the tag that holds it."""
    root = ET.parse(path).getroot()
    out = []

    def walk(el, lang):
        lang = el.get("lang", lang)
        tag = el.tag.replace(NS, "")
        if el.text and el.text.strip():
            out.append((el.text.strip(), lang, tag))
        for c in el:
            walk(c, lang)
            if c.tail and c.tail.strip():
                out.append((c.tail.strip(), lang, tag))

    walk(root.find(NS + "body"), root.get("lang"))
    return root.get("lang"), out


def main():
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    plain_lang, plain = pieces(sys.argv[1])
    lang, relabelled = pieces(sys.argv[2])
    want = sys.argv[3]
    bad = 0
    if plain_lang != lang:
        print("html lang=%s, not the plain document's %s" % (lang,
                                                            plain_lang))
        bad += 1
    # A piece the span split off ("Mål 1" | ": title") is still found
    # inside the plain text it came from.
    known = "\n".join(t for t, _, _ in plain)
    marked = 0
    for text, l, tag in relabelled:
        if l == want:
            marked += 1
        elif text not in known:
            print("unmarked: %s (in <%s>, lang %s)" % (text, tag, l))
            bad += 1
    print("%d texts, %d marked %s, %d unmarked" % (len(relabelled), marked,
                                                    want, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
