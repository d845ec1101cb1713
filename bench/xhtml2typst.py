#!/usr/bin/env python3
"""xhtml2typst.py - planverk's XHTML (docs/vocabulary.md) as Typst markup,
so that bench/compare.sh can set the same document with Typst beside
planverk, XeLaTeX and WeasyPrint.

usage: xhtml2typst.py IN.xhtml [OUT.typ]     (standard output without OUT)

The page is planverk's default theme as the other two get it: A4, 25 mm
margins, Open Sans 10.5 pt on a 15 pt line pitch, justified and hyphenated
in the document's language; headings numbered as planverk numbers them
(the number is written into the heading, so Typst's own numbering is off);
tables ruled, header rows shaded and repeated, spans kept.  Charts are set
as their data tables (planverk draws them as pictures as well).

Every piece of text is escaped, so no plan text can become markup.  An
element this script does not know becomes its plain text: a bench that
silently dropped text would flatter the tool.  Standard library only.
"""
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Characters that can start markup somewhere in Typst text: strong,
# emphasis, raw, math, references, labels, content blocks, headings,
# list and term markers, comments, shorthands (~ -- ... -?), smart quotes,
# and what continues an embedded expression just before (#f[..](x).y;).
# Typst accepts a backslash before any of them.
SPECIAL = set("\\#*_`$@<>[]=-+/~'\".:;(){}")
WS = re.compile(r"[ \t\r\n]+")

# Open Sans at 9.5 pt: about 0.55 em a character on average, 0.58 em
# for a word that must fit (bold header, digits); used only to share a
# table's width among its columns as browsers do.
CHAR_PT = 0.55 * 9.5
WORD_PT = 0.58 * 9.5
PAD_PT = 8.0
NUMBER = re.compile(r"[\d\s.,:%+\u2212\u00a0\u202f-]+")
TEXT_W = 453.5      # A4 less 2 x 25 mm, in points
TEXT_W_WIDE = 700.2


def esc(s):
    """Plan text as Typst markup text: white space collapsed, every
    special character escaped."""
    s = WS.sub(" ", s)
    return "".join("\\" + c if c in SPECIAL else c for c in s)


def strlit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def local(el):
    t = el.tag
    if not isinstance(t, str):
        return ""
    return t[len(NS):] if t.startswith(NS) else t


def classes(el):
    return set((el.get("class") or "").split())


def plain(el):
    """All text of an element, white space collapsed."""
    return WS.sub(" ", "".join(el.itertext())).strip()


def spaced(el):
    """The text of a table cell as its words: a paragraph, list item or
    line break between two texts parts them, as on the page."""
    out = [el.text or ""]
    for k in el:
        sep = " " if local(k) in BLOCK | {"li", "br"} else ""
        out.append(sep + spaced(k) + sep + (k.tail or ""))
    return WS.sub(" ", "".join(out)).strip()


def lang_args(tag):
    """text() arguments for a language tag such as nb or en-GB."""
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{2}))?", tag or "")
    if not m:
        return None
    a = "lang: " + strlit(m.group(1).lower())
    if m.group(2):
        a += ", region: " + strlit(m.group(2).lower())
    return a


def label(ident):
    """An id as a Typst label: letters, digits, - _ . : are kept."""
    return "".join(c if c.isalnum() or c in "-_.:" else "_x%X_" % ord(c)
                   for c in ident)


BLOCK = {"section", "div", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul",
         "ol", "table", "figure", "img", "hr"}


class Conv:
    def __init__(self, root, base):
        self.root = root
        self.base = base
        self.count = [0, 0, 0]
        self.meta = {}
        self.lang = root.get("lang") or root.get(XML_LANG) or "nb"
        # Only the ids that links point to become labels: a label on
        # every element would change nothing but the file's size.
        self.targets = set()
        for a in root.iter(NS + "a"):
            h = a.get("href") or ""
            if h.startswith("#"):
                self.targets.add(h[1:])
        for a in root.iter("a"):
            h = a.get("href") or ""
            if h.startswith("#"):
                self.targets.add(h[1:])

    # -- inline content -------------------------------------------------
    def inlines(self, el):
        """The text and inline children of el (not el's tail)."""
        out = [esc(el.text or "")]
        for k in el:
            out.append(self.inline(k))
            out.append(esc(k.tail or ""))
        return "".join(out)

    def inline(self, el):
        n = local(el)
        c = classes(el)
        body = self.inlines(el)
        if n == "br":
            return "#linebreak()"
        if n == "strong":
            r = "#strong[" + body + "]"
        elif n == "em":
            r = "#emph[" + body + "]"
        elif n == "code":
            r = ('#text(font: "DejaVu Sans Mono", size: 9.5pt)[' + body +
                 "]")
        elif n == "a":
            h = el.get("href") or ""
            if h.startswith("#"):
                r = "#link(<" + label(h[1:]) + ">)[" + body + "]"
            else:
                r = "#link(" + strlit(h) + ")[" + body + "]"
        elif n == "span":
            if "footnote" in c:
                r = "#footnote[" + body.strip() + "]"
            elif "checked" in c:
                r = "☒\u00a0" + body
            elif "unchecked" in c:
                r = "☐\u00a0" + body
            elif "nowrap" in c:
                r = "#box[" + body + "]"
            else:
                r = "#[" + body + "]"
        else:
            r = esc(plain(el))        # unknown: its text, never dropped
        la = lang_args(el.get("lang") or el.get(XML_LANG))
        if la and n != "br":
            r = "#text(" + la + ")[" + r + "]"
        return r

    # -- blocks -----------------------------------------------------------
    def children(self, el, ctx):
        """Blocks of a block container; loose inline content becomes an
        anonymous paragraph, as planverk's parser makes it."""
        out = []
        run = [esc(el.text or "")]

        def flush():
            s = "".join(run).strip()
            if s:
                out.append(s)
            run.clear()

        for k in el:
            n = local(k)
            if n in BLOCK:
                flush()
                out.extend(self.block(k, ctx))
            else:
                run.append(self.inline(k))
            run.append(esc(k.tail or ""))
        flush()
        return out

    def content(self, el, ctx):
        return "[" + "\n\n".join(self.children(el, ctx)) + "]"

    def block(self, el, ctx):
        n = local(el)
        c = classes(el)
        r = self.block1(el, n, c, ctx)
        la = lang_args(el.get("lang") or el.get(XML_LANG))
        if la and r:
            r = ["#[#set text(" + la + ")\n" + "\n\n".join(r) + "]"]
        return r

    def block1(self, el, n, c, ctx):
        top = ctx.get("top", False)
        if n == "section":
            inner = dict(ctx)
            if "landscape" in c:
                inner["wide"] = True
            body = self.children(el, inner)
            ident = el.get("id")
            if ident in self.targets:
                body.insert(0, "#metadata(none) <" + label(ident) + ">")
            if "landscape" in c and top:
                return ["#page(flipped: true)[" + "\n\n".join(body) + "]"]
            return body
        if n == "div":
            if "cover" in c:
                return [self.cover(el)]
            if "toc" in c:
                t = self.meta.get("toc-title", "Innhold")
                r = "#outline(title: [" + esc(t) + "], depth: 3)"
                if top:
                    return ["#pagebreak(weak: true)", r,
                            "#pagebreak(weak: true)"]
                return [r]
            if "pagebreak" in c:
                return ["#pagebreak(weak: true)"] if top else []
            inner = dict(ctx, top=False)
            if "box" in c:
                inner["structure"] = True
                return ['#block(fill: rgb("#EEF3F8"), inset: 8pt, '
                        "width: 100%, breakable: true)" +
                        self.content(el, inner)]
            return self.children(el, inner)
        if n in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return [self.heading(el, int(n[1]), c, ctx)]
        if n == "p":
            s = self.inlines(el).strip()
            if not s:
                return []
            if "lead" in c:
                s = "#text(size: 12pt)[" + s + "]"
            elif "small" in c:
                s = "#text(size: 9pt)[" + s + "]"
            if "center" in c:
                s = "#align(center)[" + s + "]"
            return [s]
        if n in ("ul", "ol"):
            return [self.lst(el, n, ctx)]
        if n == "table":
            return [self.table(el, ctx)]
        if n == "figure":
            inner = dict(ctx, top=False, structure=True)
            cap = None
            parts = []
            run = [esc(el.text or "")]
            for k in el:
                kn = local(k)
                if kn == "figcaption":
                    cap = self.inlines(k).strip()
                elif kn in BLOCK:
                    s = "".join(run).strip()
                    if s:
                        parts.append(s)
                    run = []
                    parts.extend(self.block(k, inner))
                else:
                    run.append(self.inline(k))
                run.append(esc(k.tail or ""))
            s = "".join(run).strip()
            if s:
                parts.append(s)
            r = "#figure([" + "\n\n".join(parts) + "], numbering: none"
            if cap:
                r += ", caption: [" + cap + "]"
            return [r + ")"]
        if n == "img":
            return [self.img(el)]
        if n == "hr":
            return ['#line(length: 100%, stroke: 0.5pt + rgb("#A9B6C3"))']
        s = esc(plain(el))            # unknown: its text, never dropped
        return [s] if s else []

    def heading(self, el, lvl, c, ctx):
        main = not ctx.get("structure")
        num = None
        if main and lvl <= 3 and "nonumber" not in c:
            self.count[lvl - 1] += 1
            for i in range(lvl, 3):
                self.count[i] = 0
            num = ".".join(str(x) for x in self.count[:lvl])
        body = self.inlines(el).strip()
        if num:
            body = num + " " + body
        toc = main and lvl <= 3 and "notoc" not in c
        r = ("#heading(level: %d, outlined: %s, bookmarked: %s)[%s]" %
             (lvl, "true" if toc else "false",
              "false" if "notoc" in c else "true", body))
        ident = el.get("id")
        if ident in self.targets:
            r += " <" + label(ident) + ">"
        return r

    def lst(self, el, n, ctx):
        inner = dict(ctx, top=False, structure=True)
        items = []
        for k in el:
            if local(k) == "li":
                items.append(self.content(k, inner))
            else:                     # not in the vocabulary: keep its text
                items.append("[" + esc(plain(k)) + "]")
        if n == "ul":
            return "#list(" + ", ".join(items) + ")"
        typ = el.get("type") or "1"
        pat = {"a": "a)", "A": "A)"}.get(typ, "1.")
        start = el.get("start") or "1"
        if not start.isdigit():
            start = "1"
        return ("#enum(start: %s, numbering: %s, %s)" %
                (start, strlit(pat), ", ".join(items)))

    def img(self, el):
        src = urllib.parse.unquote(el.get("src") or "")
        alt = el.get("alt") or ""
        path = src if os.path.isabs(src) else os.path.join(self.base, src)
        path = os.path.abspath(path)
        if not os.path.isfile(path):
            return esc("[" + (alt or src) + "]")
        w = width(el.get("width"))
        r = "#image(" + strlit(path) + ", alt: " + strlit(alt)
        if w:
            r += ", width: " + w
        return r + ")"

    def cover(self, el):
        """The cover page as planverk sets it: title and subtitle a third
        down, the tagline under a rule, byline and datelines at the foot."""
        top, foot, logo = [], [], []
        for k in el:
            kn = local(k)
            kc = classes(k)
            if kn == "img":
                logo.append(self.img(k))
                continue
            if kn == "div":
                s = "\n\n".join(self.children(k, {"structure": True}))
            elif kn in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
                s = self.inlines(k).strip()
            else:
                s = esc(plain(k))
            if not s:
                continue
            if "title" in kc:
                top.append('#text(size: 28pt, weight: "bold", '
                           'fill: rgb("#1F3B5A"))[' + s + "]")
            elif "subtitle" in kc:
                top.append('#text(size: 15pt, fill: rgb("#3A4A5C"))[' + s +
                           "]")
            elif "tagline" in kc:
                top.append('#line(length: 100%, stroke: 1pt + '
                           'rgb("#1F3B5A"))')
                top.append('#text(size: 11pt, fill: rgb("#3A4A5C"))[' + s +
                           "]")
            elif "byline" in kc:
                foot.insert(0, '#text(size: 11pt, weight: "bold")[' + s +
                            "]")
            elif "dateline" in kc:
                foot.append('#text(size: 11pt, fill: rgb("#3A4A5C"))[' + s +
                            "]")
            else:
                top.append(s)
        parts = logo + ["#v(1fr)"] + top + ["#v(2fr)"] + foot
        return ("#page(header: none, footer: none)[#set par(justify: false)"
                "\n#set text(hyphenate: false)\n" + "\n\n".join(parts) + "]")

    # -- tables -----------------------------------------------------------
    def table(self, el, ctx):
        inner = dict(ctx, top=False, structure=True)
        caption = None
        cols = []
        head, body = [], []
        for k in el:
            kn = local(k)
            if kn == "caption":
                caption = self.inlines(k).strip()
            elif kn == "colgroup":
                cols.extend(x for x in k if local(x) == "col")
            elif kn == "col":
                cols.append(k)
            elif kn == "thead":
                head.extend(x for x in k if local(x) == "tr")
            elif kn == "tbody":
                body.extend(x for x in k if local(x) == "tr")
            elif kn == "tr":
                body.append(k)
            else:
                t = plain(k)          # not in the vocabulary: keep its text
                if t:
                    caption = (caption + " " if caption else "") + esc(t)
        grid = place(head + body)
        ncols = max([len(cols)] + [c0 + span for (_, _, c0, span) in grid])
        if ncols == 0:
            return caption or ""
        avail = TEXT_W_WIDE if ctx.get("wide") else TEXT_W
        if ctx.get("structure"):
            avail *= 0.6
        spec, fits = columns(cols, grid, ncols, avail)
        # planverk turns a table whose words cannot fit side by side,
        # even hyphenated, onto a landscape page of its own.
        # So does class landscape on the table.
        turn = (not fits or "landscape" in classes(el)) and \
            ctx.get("top") and not ctx.get("wide")
        if turn:
            spec, fits = columns(cols, grid, ncols, TEXT_W_WIDE)

        def cells(rows):
            out = []
            for tr in rows:
                rc = classes(tr)
                if "sum" in rc:
                    out.append('table.hline(stroke: 1pt + rgb("#1F3B5A"))')
                for td in tr:
                    out.append(self.cell(td, "sum" in rc, inner))
            return out

        args = ["columns: (" + ", ".join(spec) + ",)"]
        if head:
            args.append("table.header(" + ", ".join(cells(head)) + ")")
        args.extend(cells(body))
        t = "table(" + ",\n".join(args) + ")"
        w = width(el.get("width"))
        if w:
            t = "block(width: " + w + ", " + t + ")"
        if caption:
            t = ("figure(" + t + ", caption: figure.caption(position: "
                 "top)[" + caption + "], numbering: none, kind: table)")
        if turn:
            return "#page(flipped: true)[#" + t + "]"
        return "#" + t

    def cell(self, td, bold, ctx):
        c = classes(td)
        args = []
        for a in ("colspan", "rowspan"):
            v = td.get(a)
            if v and v.isdigit() and int(v) > 1:
                args.append("%s: %s" % (a, v))
        al = td.get("align")
        if "num" in c or al == "right":
            args.append("align: right")
        elif "center" in c or al == "center":
            args.append("align: center")
        th = local(td) == "th"
        if th:
            args.append('fill: rgb("#E4EBF2")')
        if local(td) not in ("td", "th"):
            return "table.cell(" + ", ".join(args) + ")[" + esc(plain(td)) \
                + "]"
        body = "\n\n".join(self.children(td, ctx))
        if th or bold:
            body = '#set text(weight: "bold")\n' + body
        if "nowrap" in c:
            body = "#box[" + body + "]"
        return "table.cell(" + ", ".join(args) + ")[" + body + "]"

    # -- the document -------------------------------------------------------
    def document(self):
        head = body = None
        for k in self.root:
            if local(k) == "head":
                head = k
            elif local(k) == "body":
                body = k
        title = ""
        if head is not None:
            for k in head:
                if local(k) == "title":
                    title = plain(k)
                elif local(k) == "meta" and k.get("name"):
                    self.meta[k.get("name")] = WS.sub(
                        " ", k.get("content") or "").strip()
        author = self.meta.get("author", "")
        running = self.meta.get("running-title", title)
        label_fmt = self.meta.get("page-label", "Side %d av %d")
        out = ["// Made by bench/xhtml2typst.py from planverk's XHTML."]
        d = ["title: " + strlit(title)]
        if author:
            d.append("author: (" + strlit(author) + ",)")
        kw = [x.strip() for x in self.meta.get("keywords", "").split(",")
              if x.strip()]
        if kw:
            d.append("keywords: (" + "".join(strlit(x) + ", " for x in kw)
                     + ")")
        out.append("#set document(" + ", ".join(d) + ")")
        la = lang_args(self.lang) or 'lang: "nb"'
        out.append(PREAMBLE.replace("@LANG@", la)
                   .replace("@HEADER@", header(running, author))
                   .replace("@FOOTER@", footer(label_fmt)))
        if body is not None:
            out.extend(self.children(body, {"top": True}))
        return "\n\n".join(out) + "\n"


def header(running, author):
    return ('context if counter(page).get().first() > 1 [#set text(size: 8pt,'
            ' fill: rgb("#5F6B78"))\n' + esc(running) + " #h(1fr) " +
            esc(author) + "]")


def footer(fmt):
    parts = fmt.split("%d")
    body = esc(parts[0])
    nums = ["#counter(page).display()",
            "#counter(page).final().first()"]
    for i, p in enumerate(parts[1:]):
        body += (nums[i] if i < 2 else "%d") + esc(p)
    return ('context if counter(page).get().first() > 1 [#set text(size: 8pt,'
            ' fill: rgb("#5F6B78"))\n#h(1fr)' + body + "]")


PREAMBLE = """\
#set page(paper: "a4", margin: 25mm,
  header: @HEADER@,
  footer: @FOOTER@)
// 15 pt from baseline to baseline: Typst measures leading from the
// baseline to the next line's cap height (0.714 em in Open Sans).
// No hanging punctuation: the other three do not hang it, and
// tests/pagecheck.py would count every hung full stop as an overflow.
#set text(font: "Open Sans", size: 10.5pt, fill: rgb("#222222"),
  hyphenate: true, overhang: false, @LANG@)
#set par(justify: true, leading: 7.5pt, spacing: 13.5pt)
#set block(spacing: 13.5pt)
#show heading: set text(fill: rgb("#1F3B5A"), hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): set text(size: 18pt)
#show heading.where(level: 1): set block(above: 26pt, below: 12pt)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 2): set block(above: 20pt, below: 10pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 3): set block(above: 16pt, below: 8pt)
#show heading.where(level: 4): set text(size: 10.5pt)
#show heading.where(level: 4): set block(above: 14pt, below: 7pt)
#show outline.entry.where(level: 1): set text(weight: "bold")
// planverk's lists: text 18 pt in, labels right-aligned before it, 3 pt
// between items, bullets by level.
#set list(indent: 6pt, body-indent: 8pt, spacing: 10.5pt,
  marker: ([•], [–], [◦]))
#set enum(indent: 4pt, body-indent: 5pt, spacing: 10.5pt,
  number-align: end)
#set table(stroke: 0.5pt + rgb("#A9B6C3"), inset: 4pt, align: left)
#show table: set text(size: 9.5pt)
#show table: set par(justify: false, leading: 6.2pt, spacing: 8pt)
#show figure: set block(breakable: true)
#show figure.caption: set text(size: 9pt, style: "italic",
  fill: rgb("#5F6B78"))
#show link: set text(fill: rgb("#1A5A96"))
#show footnote.entry: set text(size: 8.5pt)"""


def width(v):
    """A planverk width (30%, 120pt, 40mm, 1.5cm, 160px, 160) in Typst."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(%|pt|mm|cm|px)?", v or "")
    if not m:
        return None
    x, u = float(m.group(1)), m.group(2) or "px"
    if u == "px":
        return "%gpt" % (x * 0.75)
    return "%g%s" % (x, u)


def place(rows):
    """(row, cell, first column, colspan) of every cell, rowspans taken
    into account as HTML's table model places them."""
    taken = {}
    out = []
    for r, tr in enumerate(rows):
        col = 0
        for td in tr:
            while (r, col) in taken:
                col += 1
            cs = int(td.get("colspan") or 1) if (
                td.get("colspan") or "1").isdigit() else 1
            rs = int(td.get("rowspan") or 1) if (
                td.get("rowspan") or "1").isdigit() else 1
            cs, rs = max(cs, 1), max(rs, 1)
            for i in range(rs):
                for j in range(cs):
                    taken[(r + i, col + j)] = True
            out.append((r, td, col, cs))
            col += cs
    return out


def columns(cols, grid, n, avail):
    """Typst column widths: a <col> width as given, the other columns
    shared as CSS's automatic layout shares them (at least the longest
    word, the rest in proportion to the longest line), written as fr so
    that the table is as wide as the text, as planverk sets it."""
    given = ([width(c.get("width")) for c in cols] + [None] * n)[:n]
    # Shares of more than 100 % are scaled down to the table's width,
    # as planverk does; Typst would let the table run past the margin.
    pct = sum(float(g[:-1]) for g in given if g and g.endswith("%"))
    scale = 100 / pct if pct > 100 else 1
    fixed = {}
    for i, g in enumerate(given):
        if g and g.endswith("%"):
            fixed[i] = avail * float(g[:-1]) * scale / 100
            given[i] = "%.2f%%" % (float(g[:-1]) * scale)
        elif g:
            x = float(re.match(r"[\d.]+", g).group(0))
            fixed[i] = x * {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54}[g[-2:]]
    lo = [0.0] * n
    hy = [0.0] * n
    hi = [0.0] * n
    for (_, td, c0, cs) in grid:
        if cs != 1:
            continue
        # split at spaces only: "10 331 850" with no-break spaces is
        # one word
        text = spaced(td)
        # a line may break after a slash or a hyphen, as after a space
        words = re.split(r"(?<=[/\-–]) ?| ", text)
        longest = max(len(w) for w in words)
        lo[c0] = max(lo[c0], longest * WORD_PT + PAD_PT)
        # hyphenated, a long word's widest piece (a guess that turns the
        # tables planverk turns in the plans of input/); numbers are
        # never hyphenated
        piece = max(len(w) if NUMBER.fullmatch(w) else max(5, 0.6 * len(w))
                    for w in words)
        hy[c0] = max(hy[c0], min(piece, longest) * WORD_PT + PAD_PT)
        hi[c0] = max(hi[c0], len(text) * CHAR_PT + PAD_PT)
    free = [i for i in range(n) if not given[i]]
    room = avail - sum(fixed.values())
    slo = sum(lo[i] for i in free)
    if slo > room:
        # the longest words do not fit side by side: they give way,
        # hyphenated, and the rest is shared as before
        for i in free:
            lo[i] = min(lo[i], hy[i])
        slo = sum(lo[i] for i in free)
    shi = sum(max(hi[i], lo[i]) for i in free)
    w = {}
    for i in free:
        h = max(hi[i], lo[i], 1.0)
        if shi <= room or shi <= slo:
            w[i] = h
        elif slo <= room:
            w[i] = lo[i] + (h - lo[i]) * (room - slo) / (shi - slo)
        else:
            w[i] = max(lo[i], 1.0)
    fits = sum(min(hy[i], lo[i]) for i in free) <= room + 0.5 and \
        all(min(hy[i], lo[i]) <= fixed[i] + 0.5 for i in fixed)
    return ([given[i] if given[i] else "%.2ffr" % w[i] for i in range(n)],
            fits)


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: xhtml2typst.py IN.xhtml [OUT.typ]\n")
        return 2
    try:
        root = ET.parse(argv[1]).getroot()
    except (OSError, ET.ParseError) as e:
        sys.stderr.write("xhtml2typst.py: %s: %s\n" % (argv[1], e))
        return 1
    base = os.path.dirname(os.path.abspath(argv[1]))
    text = Conv(root, base).document()
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
