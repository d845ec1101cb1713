#!/usr/bin/env python3
"""pagecheck.py - measure, from a finished PDF, the page defects a reader
sees (issue 9): headings left last on a page, lead-ins cut from their
table, numbers and words split across lines, lines starting with
punctuation, one-word lines, nearly empty pages, and the older paragraph
metrics (words running out of their column, hyphen ladders, loose lines).

usage: pagecheck.py [--json PLAN.json] [--words FILE] [--max NAME=N]...
                    [--quiet] FILE.pdf...

Prints one line per finding ("FILE:PAGE: KIND: text"), then one summary
line per document ("FILE: KIND=N ..."); exits 1 when a count exceeds its
threshold (--max NAME=N, default 0; --max all=N sets every default).

How the PDF is read (MuPDF's mutool, standard library only):
- `mutool draw -F stext` gives every character with its box, baseline,
  font name and size, grouped by MuPDF into lines; a MuPDF line is a run
  of text on one baseline with no wide gap (we call it a segment).
- `mutool draw -F trace` gives the drawing: stroked lines and thin filled
  rectangles are rules.  A segment with a vertical rule on each side at
  its baseline is in a table cell, and the two rules are the cell.  Tables
  drawn without vertical rules are recognised by a simpler proxy: two or
  more segments on one baseline, apart by more than 2 em.
- Running header and footer: text that stands at the same place on at
  least half of the pages (digits counted alike, so "Side 3 av 9" repeats)
  and in the outer fifth of the page; everything in those bands is left
  out.  Pages without them (the cover) are not judged for emptiness.
- Blocks are built per column (a table cell, or the text area): the next
  segment of the column joins the block when it follows at the document's
  usual line pitch for its size, has the same size, and no rule lies
  between.  Body size = the size and weight with the most characters.
- Headings: a block of one or two lines, not in a table or a table of
  contents, set at 1.35 times the body size or more, or in bold (at
  least body size) where the body is not; a larger lead paragraph in the
  regular weight is no heading.  Chapter level: the largest heading size
  used on two or more pages.
"""
import collections
import json
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

KINDS = [
    ("heading-last", "heading last on a page"),
    ("lead-in-split", "lead-in ending in ':' with its table on the next page"),
    ("number-split", "number split across lines"),
    ("word-split", "word broken without a hyphen"),
    ("punct-start", "line starting with punctuation or ending with '('"),
    ("one-word", "one-word line inside a paragraph"),
    ("empty-page", "nearly empty page"),
    ("overflow", "word past the margin, into a neighbour cell or on a word"),
    ("ladder", "3+ lines in a row ending in a hyphen"),
    ("loose", "justified line with gaps over 2x the median"),
]
# Reported but never counted: a short page before a chapter is a choice.
INFO = "empty-before-break"

BOLD = re.compile(r"bold|black|heavy|semibold|demi|[-,]b[d]?$", re.I)
LETTER = re.compile(r"[^\W\d_]")
VOWELS = set("aeiouyæøåäöüéèáàóòúíAEIOUYÆØÅÄÖÜÉ")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
HYPHENS = "-\u2010\u00ad"


def mutool(fmt, pdf):
    p = subprocess.run(["mutool", "draw", "-q", "-F", fmt, "-o", "-", pdf],
                       capture_output=True)
    if p.returncode != 0 and not p.stdout:
        sys.exit("pagecheck: mutool cannot read %s: %s"
                 % (pdf, p.stderr.decode(errors="replace").strip()))
    return p.stdout


# --- reading -------------------------------------------------------------

class Seg:
    """A run of text on one baseline (a MuPDF stext line, maybe cut at
    a vertical rule)."""

    def __init__(self, chars, page):
        self.chars = chars          # (c, x0, y0, x1, y1, base, font, size)
        self.page = page
        self.text = "".join(c[0] for c in chars)
        ink = [c for c in chars if not c[0].isspace()] or chars
        self.x0 = min(c[1] for c in ink)
        self.x1 = max(c[3] for c in ink)
        self.y0 = min(c[2] for c in ink)
        self.y1 = max(c[4] for c in ink)
        self.base = statistics.median(c[5] for c in ink)
        sizes = collections.Counter(c[7] for c in ink)
        self.size = max(sizes)
        self.bold = sum(1 for c in ink if BOLD.search(c[6])) / len(ink)
        self.cell = None            # (left rule x, right rule x) or None
        self.col = None             # column key
        self.band = False           # in the running header or footer
        self.toc = False            # an entry of a table of contents

    def words(self):
        """(text, x0, x1) of each word, split at spaces."""
        out, cur = [], []
        for c in self.chars + [(" ",) + (0,) * 7]:
            if c[0].isspace():
                if cur:
                    out.append(("".join(x[0] for x in cur),
                                cur[0][1], cur[-1][3]))
                cur = []
            else:
                cur.append(c)
        return out


def read_text(pdf):
    root = ET.fromstring(mutool("stext", pdf))
    pages = []
    for page in root.iter("page"):
        segs = []
        w, h = float(page.get("width")), float(page.get("height"))
        for line in page.iter("line"):
            chars = []
            for font in line.iter("font"):
                name, size = font.get("name"), float(font.get("size"))
                for ch in font.iter("char"):
                    q = [float(v) for v in ch.get("quad").split()]
                    xs, ys = q[0::2], q[1::2]
                    chars.append((ch.get("c"), min(xs), min(ys), max(xs),
                                  max(ys), float(ch.get("y")), name, size))
            if any(not c[0].isspace() for c in chars):
                while chars[-1][0].isspace():
                    chars.pop()
                while chars[0][0].isspace():
                    chars.pop(0)
                segs.append(chars)
        pages.append({"w": w, "h": h, "raw": segs})
    return pages


def apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def read_drawing(pdf, npages):
    """Per page: horizontal rules (y, x0, x1), vertical rules (x, y0, y1),
    and boxes of all other marks (fills, images) for the content extent."""
    out = [{"hr": [], "vr": [], "marks": []} for _ in range(npages)]
    root = ET.fromstring(mutool("trace", pdf))
    for n, page in enumerate(root.iter("page")):
        if n >= npages:
            break
        d = out[n]
        for el in page.iter():
            if el.tag not in ("stroke_path", "fill_path", "fill_image",
                              "fill_image_mask"):
                continue
            m = [float(v) for v in el.get("transform", "1 0 0 1 0 0").split()]
            if el.tag.startswith("fill_image"):
                pts = [apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                d["marks"].append(box(pts))
                continue
            pts, lines, start = [], [], None
            for p in el:
                if p.tag in ("moveto", "lineto"):
                    pt = apply(m, float(p.get("x")), float(p.get("y")))
                    if p.tag == "lineto" and pts:
                        lines.append((pts[-1], pt))
                    else:
                        start = pt
                    pts.append(pt)
                elif p.tag == "curveto":
                    pt = apply(m, float(p.get("x3")), float(p.get("y3")))
                    pts.append(pt)
                elif p.tag == "closepath" and start and pts:
                    lines.append((pts[-1], start))
            if not pts:
                continue
            b = box(pts)
            if el.tag == "stroke_path":
                for (ax, ay), (bx, by) in lines:
                    if abs(ay - by) < 0.5:
                        d["hr"].append((ay, min(ax, bx), max(ax, bx)))
                    elif abs(ax - bx) < 0.5:
                        d["vr"].append((ax, min(ay, by), max(ay, by)))
                d["marks"].append(b)
            else:
                bw, bh = b[2] - b[0], b[3] - b[1]
                if bh < 2 and bw > 2:
                    d["hr"].append(((b[1] + b[3]) / 2, b[0], b[2]))
                elif bw < 2 and bh > 2:
                    d["vr"].append(((b[0] + b[2]) / 2, b[1], b[3]))
                if bw < 0.9 * 2000:     # not a page-sized background
                    d["marks"].append(b)
    return out


def box(pts):
    return (min(p[0] for p in pts), min(p[1] for p in pts),
            max(p[0] for p in pts), max(p[1] for p in pts))


# --- the page model -----------------------------------------------------

def cut_at_rules(chars, vrules, page):
    """Split a MuPDF line where a vertical rule passes through a space
    between words: the two sides are different table cells."""
    base = statistics.median(c[5] for c in chars)
    xs = sorted(x for x, y0, y1 in vrules if y0 - 1 <= base <= y1 + 1)
    parts, cur = [], []
    for c in chars:
        if cur and c[0].isspace() is False and any(
                cur[-1][3] - 0.3 <= x <= c[1] + 0.3 for x in xs) and \
                any(not k[0].isspace() for k in cur):
            # a rule between the previous char and this one
            while cur and cur[-1][0].isspace():
                cur.pop()
            parts.append(cur)
            cur = []
        cur.append(c)
    while cur and cur[-1][0].isspace():
        cur.pop()
    if cur:
        parts.append(cur)
    return [Seg(p, page) for p in parts if p]


LEADER = re.compile(r"(?:[.\u00b7\u2026] ?){4,}")


def cut_leaders(chars):
    """Dot leaders of a table of contents are decoration, not text: cut
    them out, leaving the title and the page number as two runs."""
    text = "".join(c[0] for c in chars)
    parts, at = [], 0
    for m in LEADER.finditer(text):
        parts.append(chars[at:m.start()])
        at = m.end()
    parts.append(chars[at:])
    out = []
    for p in parts:
        while p and p[0][0].isspace():
            p = p[1:]
        while p and p[-1][0].isspace():
            p = p[:-1]
        if p:
            out.append(p)
    return out


def find_cell(s, vrules):
    left = right = None
    for x, y0, y1 in vrules:
        if not (y0 - 1 <= s.base <= y1 + 1):
            continue
        if x <= s.x0 + 1.0 and (left is None or x > left):
            left = x
        if x >= s.x1 - 1.0 and (right is None or x < right):
            right = x
    if left is not None and right is not None:
        return (left, right)
    return None


def mark_toc_rows(segs):
    """Entries of a table of contents whose leader the text layer does not
    join to them: four or more rows of the page end in a bare page number
    at the right edge, and every segment on such a row is an entry."""
    if not segs:
        return
    edge = max(s.x1 for s in segs)
    rows = [s.y0 for s in segs
            if re.match(r"^\d+$", s.text.strip()) and s.x1 >= edge - 1]
    if len(rows) < 4:
        return
    for s in segs:
        if any(abs(s.y0 - y) < 1.5 for y in rows):
            s.toc = True


def build(pdf):
    pages = read_text(pdf)
    draw = read_drawing(pdf, len(pages))
    for n, p in enumerate(pages):
        p["n"] = n + 1
        p.update(draw[n])
        p["segs"] = []
        for chars in p["raw"]:
            parts = cut_leaders(chars)
            for part in parts:
                for s in cut_at_rules(part, p["vr"], n + 1):
                    s.toc = bool(LEADER.search("".join(c[0] for c in chars)))
                    p["segs"].append(s)
        for s in p["segs"]:
            s.cell = find_cell(s, p["vr"])
        mark_toc_rows(p["segs"])
    mark_bands(pages)
    return pages


def norm(t):
    return re.sub(r"\d+", "#", t.strip())


def mark_bands(pages):
    """Running header and footer: text repeated at one place on at least
    half of the pages, in the outer fifth of the page."""
    count = collections.Counter()
    for p in pages:
        keys = set()
        for s in p["segs"]:
            if s.base < p["h"] * 0.2 or s.base > p["h"] * 0.8:
                keys.add((round(s.base), norm(s.text)))
        count.update(keys)
    need = max(2, (len(pages) + 1) // 2)
    rep = {k for k, c in count.items() if c >= need} if len(pages) >= 3 else set()
    tops = [k[0] for k in rep if k[0] < pages[0]["h"] / 2]
    bots = [k[0] for k in rep if k[0] >= pages[0]["h"] / 2]
    for p in pages:
        hb = max((s.y1 for s in p["segs"] if tops and s.base <= max(tops) + 1
                  and s.base < p["h"] * 0.2), default=None)
        fb = min((s.y0 for s in p["segs"] if bots and s.base >= min(bots) - 1
                  and s.base > p["h"] * 0.8), default=None)
        p["has_band"] = any((round(s.base), norm(s.text)) in rep
                            for s in p["segs"])
        p["head_y"] = hb if hb is not None else 0
        p["foot_y"] = fb if fb is not None else p["h"]
        for s in p["segs"]:
            s.band = s.y1 <= p["head_y"] + 0.5 or s.y0 >= p["foot_y"] - 0.5
        p["body"] = [s for s in p["segs"] if not s.band]
        p["marks"] = [m for m in p["marks"] if m[1] > p["head_y"] + 2
                      and m[3] < p["foot_y"] - 2]


def doc_stats(pages):
    sizes = collections.Counter()
    for p in pages:
        for s in p["body"]:
            for c in s.chars:
                if not c[0].isspace():
                    sizes[(c[7], bool(BOLD.search(c[6])))] += 1
    (body, bodybold) = sizes.most_common(1)[0][0] if sizes else ((10, False))
    # The usual baseline distance per size, from segments that follow each
    # other at the same left edge.
    deltas = collections.defaultdict(collections.Counter)
    for p in pages:
        segs = sorted(p["body"], key=lambda s: (s.base, s.x0))
        for a in segs:
            for b in segs:
                if b.base > a.base + 0.1 and abs(b.x0 - a.x0) < 0.5 and \
                        b.size == a.size and b.cell == a.cell:
                    deltas[a.size][round(b.base - a.base, 1)] += 1
                    break
    pitch = {sz: c.most_common(1)[0][0] for sz, c in deltas.items()}
    return body, bodybold, pitch


def columns(p):
    """Give each body segment a column key: its table cell, a column of
    an unruled table row (several segments on one baseline), or the page."""
    rows = collections.defaultdict(list)
    for s in p["body"]:
        if s.cell is None:
            rows[round(s.base)].append(s)
    keys = sorted(rows)

    def aligned(s, k):
        # another row near by has a run starting where this one does:
        # a column, not a line MuPDF cut at a wide justified gap
        i = keys.index(k)
        for j in range(max(0, i - 3), min(len(keys), i + 4)):
            if j != i and len(rows[keys[j]]) > 1 and any(
                    abs(o.x0 - s.x0) < 1 for o in rows[keys[j]]):
                return True
        return False

    for s in p["body"]:
        if s.cell is not None:
            s.col = ("cell", round(s.cell[0]), round(s.cell[1]))
        else:
            k = round(s.base)
            row = rows[k]
            wide = len(row) > 1 and any(
                abs(o.x0 - s.x1) > 2 * s.size or abs(s.x0 - o.x1) > 2 * s.size
                for o in row if o is not s) and \
                all(aligned(o, k) for o in row)
            s.col = ("col", round(s.x0 / 4)) if wide else ("page",)
            s.unruled_row = wide


def rule_between(p, a, b):
    x0, x1 = max(a.x0, b.x0), min(a.x1, b.x1)
    for y, rx0, rx1 in p["hr"]:
        if a.base < y < b.y0 + 0.5 and rx0 <= x1 and rx1 >= x0:
            return True
    return False


def blocks(p, pitch):
    """Group the body segments of a page into blocks (paragraphs, list
    items, cell paragraphs), each a list of lines top to bottom."""
    bycol = collections.defaultdict(list)
    for s in p["body"]:
        bycol[s.col].append(s)
    out = []
    for col, segs in bycol.items():
        segs.sort(key=lambda s: (round(s.base, 1), s.x0))
        cur = []
        for s in segs:
            if cur:
                a = cur[-1]
                usual = pitch.get(a.size, a.size * 1.4)
                if abs(s.base - a.base) < 0.5 * s.size and \
                        col[0] == "page":
                    cur.append(s)   # same baseline: one line, two runs
                    continue
                if (s.base - a.base > usual * 1.1 + 0.5 or
                        abs(s.size - a.size) > 0.3 or
                        abs(s.bold - a.bold) > 0.5 and
                        (a.bold > 0.9 or s.bold > 0.9) or
                        rule_between(p, a, s)):
                    out.append(cur)
                    cur = []
            cur.append(s)
        if cur:
            out.append(cur)
    out.sort(key=lambda b: (b[0].base, b[0].x0))
    return out


def lines_of(block):
    """The lines of a block: runs on one baseline joined left to right."""
    rows = []
    for s in block:
        if rows and abs(rows[-1][0].base - s.base) < 0.5 * s.size:
            rows[-1].append(s)
        else:
            rows.append([s])
    return [sorted(r, key=lambda s: s.x0) for r in rows]


def text_of(line):
    return " ".join(s.text for s in line)


# --- the checks ---------------------------------------------------------

class Report:
    def __init__(self, name, quiet):
        self.name, self.quiet = name, quiet
        self.count = collections.Counter()
        self.found = collections.defaultdict(list)
        self.lines = self.gaps = self.wide = 0

    def add(self, kind, page, text, info=False):
        text = re.sub(r"\s+", " ", text).strip()
        if len(text) > 90:
            text = text[:87] + "..."
        if not info:
            self.count[kind] += 1
        self.found[kind].append(page)
        if not self.quiet:
            print("%s:%d: %s: %s" % (self.name, page, kind, text))


def is_heading(block, body, bodybold):
    if len(lines_of(block)) > 2 or any(s.cell or s.toc for s in block):
        return False
    if any(getattr(s, "unruled_row", False) for s in block):
        return False
    size = max(s.size for s in block)
    bold = min(s.bold for s in block)
    if size >= body * 1.35:
        return True
    # a lead paragraph may be set a little larger, but not in bold
    return bold > 0.9 and not bodybold and size >= body - 0.5


def starts_table(p):
    """Does the page's body begin with a table: its first segment is in a
    ruled cell or in an unruled row of several columns, or a rule or
    filled box comes above its first text."""
    if not p["body"]:
        return False
    first = min(p["body"], key=lambda s: (s.y0, s.x0))
    if first.cell is not None or getattr(first, "unruled_row", False):
        return True
    return False


def check_doc(pdf, words, quiet, name):
    pages = build(pdf)
    rep = Report(name, quiet)
    body, bodybold, pitch = doc_stats(pages)
    allblocks = []
    for p in pages:
        columns(p)
        p["blocks"] = blocks(p, pitch)
        allblocks.append(p["blocks"])

    # Vocabulary: words inside lines (not the pieces at line ends, which
    # may be halves), words rejoined across hyphens, and the word list.
    vocab, whole = set(), set()
    for bl in allblocks:
        for b in bl:
            ls = lines_of(b)
            for i, l in enumerate(ls):
                ws = WORD.findall(text_of(l))
                for w in ws:
                    vocab.add(w.lower())
                inner = [w.lower() for w in ws[1:-1]] if len(ws) > 2 else []
                whole.update(inner)
                whole.update(inner[k] + " " + inner[k + 1] for k in range(len(inner) - 1))
                t = text_of(l)
                if t and t[-1] in HYPHENS and i + 1 < len(ls):
                    m1 = re.search(r"([^\W\d_]+)[-\u2010\u00ad]$", t)
                    m2 = re.match(r"[^\W\d_]+", text_of(ls[i + 1]))
                    if m1 and m2:
                        vocab.add((m1.group(1) + m2.group(0)).lower())
    vocab |= words
    whole |= words

    # Heading size of chapter level: the largest used on 2+ pages.
    hsizes = collections.defaultdict(set)
    for p in pages:
        for b in p["blocks"]:
            if is_heading(b, body, bodybold):
                hsizes[round(max(s.size for s in b), 1)].add(p["n"])
    chapter = max((sz for sz, pg in hsizes.items() if len(pg) >= 2),
                  default=None)

    # Text area: left/right from the body's usual edges, top and bottom
    # from where content usually starts and how far down it reaches.
    tops, bots = [], []
    for p in pages:
        ext = content_extent(p)
        if ext and p["has_band"]:
            tops.append(ext[0])
            bots.append(ext[1])
    tops.sort()
    bots.sort()
    area_top = tops[len(tops) // 10] if tops else 0
    area_bot = bots[(len(bots) * 9) // 10] if bots else pages[0]["h"]
    # Text outside tables gives the left edge: in a plan that is mostly
    # tables, the usual start of a line is inside the cells.
    xs0 = collections.Counter(round(s.x0) for p in pages for s in p["body"]
                              if s.cell is None)
    if not xs0:
        xs0 = collections.Counter(round(s.x0) for p in pages for s in p["body"])
    xs1 = collections.Counter(round(s.x1) for p in pages for s in p["body"]
                              if s.cell is None)
    left = xs0.most_common(1)[0][0] if xs0 else 0
    right = max((x for x, c in xs1.items() if c >= max(3, xs1.most_common(1)[0][1] // 4)),
                default=pages[0]["w"]) if xs1 else pages[0]["w"]

    # Word gaps in em of the line's size, so that a lead paragraph in a
    # larger size is measured like the body.
    gaps = []
    for p in pages:
        for b in p["blocks"]:
            for l in lines_of(b):
                gaps.extend(line_gaps(l))
    med_gap = statistics.median(gaps) if gaps else 0.25
    # A cover or title page has no running header or footer: when most
    # pages have them, pages without are not judged for page breaks.
    banded = sum(1 for p in pages if p["has_band"])
    for p in pages:
        p["judged"] = p["has_band"] or banded < len(pages) / 2

    # A page turned to landscape (or of another size) keeps the same
    # margins: its text area is the usual one, widened or shortened.
    sizes = collections.Counter((round(p["w"]), round(p["h"])) for p in pages)
    cw, ch = sizes.most_common(1)[0][0]
    right0, area_bot0 = right, area_bot

    last = len(pages)
    for p in pages:
        n = p["n"]
        right = right0 + round(p["w"]) - cw
        area_bot = area_bot0 + round(p["h"]) - ch
        bl = p["blocks"]
        nxt = pages[n] if n < last else None
        # headings last on a page; lead-ins cut from their table
        if bl and n < last and p["judged"]:
            lastb = max(bl, key=lambda b: (max(s.y1 for s in b), -b[0].x0))
            lowest = max(s.y1 for s in p["body"])
            mk = max((m[3] for m in p["marks"]), default=0)
            if is_heading(lastb, body, bodybold) and mk <= max(s.y1 for s in lastb) + 2:
                rep.add("heading-last", n, " / ".join(text_of(l) for l in lines_of(lastb)))
            ls = lines_of(lastb)
            endt = text_of(ls[-1]).rstrip()
            if (endt.endswith(":") or ANNOUNCE.search(text_of(lastb))) and \
                    mk <= lowest + 2 and not is_heading(lastb, body, bodybold) \
                    and lastb[0].cell is None and nxt and starts_table(nxt):
                rep.add("lead-in-split", n, endt)
        for b in bl:
            ls = lines_of(b)
            cellw = (b[0].cell[1] - b[0].cell[0]) if b[0].cell else None
            hyph = 0
            for i, l in enumerate(ls):
                t = text_of(l)
                nt = text_of(ls[i + 1]) if i + 1 < len(ls) else None
                # numbers split
                if nt is not None and re.search(r"(?:^|[\s(])\d{1,3}$", t) and \
                        re.match(r"\d{3}(?!\d)", nt):
                    rep.add("number-split", n, t[-20:] + " / " + nt[:20])
                # words broken without a hyphen
                if nt is not None and LETTER.match(t[-1]) and \
                        nt[:1].islower() and LETTER.match(nt[0]):
                    a = re.search(r"[^\W\d_]+$", t).group(0)
                    bb = re.match(r"[^\W\d_]+", nt).group(0)
                    joined = (a + bb).lower()
                    # two words that stand side by side elsewhere ("Halv
                    # dag"), or both whole words, broke at a space
                    both = (a + " " + bb).lower() in whole or \
                        a.lower() in whole and bb.lower() in whole
                    # a last piece with no vowel ("t", "r") is no word,
                    # unless it is an abbreviation ("v/stab", "f.eks.")
                    abbrev = re.match(r"[^\W\d_]+[/.]", nt) is not None
                    novowel = len(bb) <= 2 and not (set(bb) & VOWELS) \
                        and not abbrev
                    if (joined in vocab and not both) or novowel:
                        rep.add("word-split", n, a + "/" + bb)
                # punctuation
                if t[0] in ",.;:!?)" or t.rstrip()[-1] == "(":
                    rep.add("punct-start", n, (text_of(ls[i - 1])[-25:] + " / " if i else "") + t[:40])
                # one-word lines
                if len(ls) >= 3 and i < len(ls) - 1 and len(t.split()) == 1 \
                        and not (cellw is not None and cellw < 100) and \
                        not getattr(b[0], "unruled_row", False) and \
                        p["judged"] and not explicit_break(l, ls[i + 1], b, right) \
                        and not URLISH.search(t) and not t.isdigit() and \
                        not (b[0].cell and not next_word_fits(l, ls[i + 1], b[0].cell)):
                    rep.add("one-word", n, t)
                # hyphen ladders
                if t[-1] in HYPHENS and (len(t) < 2 or t[-2] != " "):
                    hyph += 1
                    if hyph == 3:
                        rep.add("ladder", n, t)
                else:
                    hyph = 0
                # loose justified lines
                rep.lines += 1
                if i < len(ls) - 1:
                    g = line_gaps(l)
                    if abs(l[-1].x1 - col_edge(b, right)) < 1.5:
                        rep.gaps += len(g)
                        rep.wide += sum(1 for x in g if x > 2 * med_gap)
                    if len(g) >= 2 and abs(l[-1].x1 - col_edge(b, right)) < 1.5 \
                            and statistics.mean(g) > 2 * med_gap:
                        rep.add("loose", n, "%.2f em gaps (median %.2f): %s"
                                % (statistics.mean(g), med_gap, t))
        check_overflow(p, rep, left, right)
        # nearly empty pages
        ext = content_extent(p)
        if n < last and p["judged"] and area_bot > area_top:
            fill = ((ext[1] - area_top) / (area_bot - area_top)) if ext else 0
            if fill < 0.4:
                first = nxt["blocks"][0] if nxt and nxt["blocks"] else None
                chap = first is not None and chapter is not None and \
                    is_heading(first, body, bodybold) and \
                    max(s.size for s in first) >= chapter - 0.1
                what = "%d %% filled" % round(100 * max(fill, 0))
                # a page turned to landscape starts a page, as a chapter does
                turned = nxt is not None and round(nxt["w"]) != round(p["w"])
                if chap:
                    rep.add(INFO, n, what + ", next page starts a chapter: "
                            + text_of(lines_of(first)[0]), info=True)
                elif turned:
                    rep.add(INFO, n, what + ", next page is turned to landscape",
                            info=True)
                else:
                    rep.add("empty-page", n, what)
    return rep


# A paragraph that announces a table also when it ends in a full stop
# ("Følgende tabell viser ... fordelt på hovedtrinn og fag.").
ANNOUNCE = re.compile(r"\b(tabell(en)?|følgende|nedenfor|under her|table|following|below)\b", re.I)
MARKER = re.compile(r"^(?:[\W_]|\d{1,3}[.)]|[a-zA-Z][.)])$")
URLISH = re.compile(r"/|@|^www\.|^https?:")


def line_words(line):
    ws = []
    for s in line:
        ws.extend(s.words())
    return ws


def line_gaps(line):
    ws = line_words(line)
    size = max(s.size for s in line)
    if ws and MARKER.match(ws[0][0]):
        ws = ws[1:]         # the gap after a list bullet is an indent
    return [(ws[k + 1][1] - ws[k][2]) / size for k in range(len(ws) - 1)]


def col_edge(block, right):
    """Right edge of the text in a block's column: the text area's, or
    the cell's right rule less the padding seen on the left."""
    if block[0].cell:
        pad = min(s.x0 for s in block) - block[0].cell[0]
        return block[0].cell[1] - pad
    return right


def explicit_break(line, nxt, block, right):
    """A short line ended by the writer, not the line breaker: the next
    line starts a new item with a capital ("Kommunalsjef" / "Pedstab" in
    a list of participants set with line breaks).  A one-word line the
    line breaker made is followed by the rest of its sentence."""
    nws = line_words(nxt)
    return bool(nws) and (nws[0][0][:1].isupper() or
                          nws[0][0][:1] in "•–—-*")


# The padding of a table cell, at most (themes use 3-4 pt).
CELL_PAD = 4.0


def next_word_fits(line, nxt, cell):
    """Whether the first word of the next line would have fitted after
    this line's last, in the cell (x0, x1): a one-word line in a narrow
    cell is no defect when the next word is wider than the room left."""
    nws = line_words(nxt)
    if not nws:
        return False
    size = max(s.size for s in line)
    room = cell[1] - CELL_PAD - line[-1].x1
    return nws[0][2] - nws[0][1] + 0.25 * size <= room


def content_extent(p):
    ys0 = [s.y0 for s in p["body"]] + [m[1] for m in p["marks"]]
    ys1 = [s.y1 for s in p["body"]] + [m[3] for m in p["marks"]]
    if not ys0:
        return None
    return (min(ys0), max(ys1))


def check_overflow(p, rep, left, right):
    n = p["n"]
    segs = p["body"]
    for s in segs:
        # past the text area (table cells included), or across a rule
        if s.x1 > right + 1.5 or s.x0 < left - 1.5 and s.cell is None:
            if not (s.x0 < left - 1.5 and s.x1 < left + 40 and re.match(r"^[\d.]+$", s.text)):
                rep.add("overflow", n, "past the margin: " + s.text)
                continue
        for x, y0, y1 in p["vr"]:
            if y0 - 1 <= s.base <= y1 + 1:
                for w, a, b in s.words():
                    if a + 0.5 < x < b - 0.5:
                        rep.add("overflow", n, "across a cell rule: " + w)
                        break
    # words printed on words: boxes of two segments overlapping, the
    # vertical extent taken from the baseline so that tight leading
    # is no overlap
    for i, a in enumerate(segs):
        for b in segs[i + 1:]:
            if abs(a.base - b.base) > max(a.size, b.size):
                continue
            ay0, ay1 = a.base - 0.7 * a.size, a.base + 0.2 * a.size
            by0, by1 = b.base - 0.7 * b.size, b.base + 0.2 * b.size
            if min(ay1, by1) - max(ay0, by0) > 1 and \
                    min(a.x1, b.x1) - max(a.x0, b.x0) > 1:
                rep.add("overflow", n, "text on text: %s | %s" % (a.text[:30], b.text[:30]))


# --- the command --------------------------------------------------------

def add_words(text, out):
    """Words of a text, and its pairs of neighbouring words as "a b"."""
    ws = [w.lower() for w in WORD.findall(text)]
    out.update(ws)
    out.update(ws[i] + " " + ws[i + 1] for i in range(len(ws) - 1))


def json_words(path):
    def walk(v, out):
        if isinstance(v, str):
            add_words(v, out)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x, out)
        elif isinstance(v, list):
            for x in v:
                walk(x, out)
    out = set()
    with open(path, encoding="utf-8") as f:
        walk(json.load(f), out)
    return out


def main(argv):
    words, quiet, limits, files = set(), False, {}, []
    names = [k for k, _ in KINDS]
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--json", "--words", "--max") and i + 1 < len(argv):
            v = argv[i + 1]
            i += 2
            if a == "--json":
                words |= json_words(v)
            elif a == "--words":
                with open(v, encoding="utf-8") as f:
                    add_words(f.read(), words)
            else:
                k, _, n = v.partition("=")
                if (k not in names and k != "all") or not n.isdigit():
                    sys.exit("pagecheck: --max wants NAME=N, NAME one of: all "
                             + " ".join(names))
                limits[k] = int(n)
            continue
        if a == "--quiet":
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            print("\nkinds:")
            for k, d in KINDS:
                print("  %-14s %s" % (k, d))
            return 0
        elif a.startswith("-"):
            sys.exit("pagecheck: unknown option %s (see --help)" % a)
        else:
            files.append(a)
        i += 1
    if not files:
        sys.exit("usage: pagecheck.py [--json PLAN.json] [--words FILE] "
                 "[--max NAME=N]... [--quiet] FILE.pdf...")
    bad = False
    for f in files:
        rep = check_doc(f, words, quiet, f)
        parts = []
        for k in names:
            lim = limits.get(k, limits.get("all", 0))
            c = rep.count[k]
            over = c > lim
            bad |= over
            parts.append("%s=%d%s" % (k, c, "!" if over else ""))
        print("%s: %s" % (f, " ".join(parts)))
        print("%s:   %d lines, ladders %.1f per 1000 lines, loose gaps %d of %d"
              " in justified lines (%.1f %%)" % (
                  f, rep.lines, 1000.0 * rep.count["ladder"] / max(rep.lines, 1),
                  rep.wide, rep.gaps, 100.0 * rep.wide / max(rep.gaps, 1)))
        for k in names:
            if rep.found[k]:
                print("%s:   %s pages %s" % (f, k, ",".join(str(x) for x in sorted(set(rep.found[k])))))
        if rep.found[INFO]:
            print("%s:   %s pages %s (not counted)" % (f, INFO, ",".join(str(x) for x in rep.found[INFO])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
