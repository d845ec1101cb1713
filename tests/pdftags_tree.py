"""pdftags_tree.py - the structure-tree half of tests/pdftags.py.

Reads the structure tree back (every element, its marked-content and
object references), holds it against what the pages hold (read by
pdftags_content.py) and against the ParentTree, checks the element rules
of PDF/UA (tables, figures, links, lists, notes, headings, reading order),
and flattens it into the "screen reader view" that `pdftags.py --tree`
prints.  Every walk is linear in the size of the tree or the pages.
"""
import re
import sys

import pikepdf

from pdftags_content import join_text

HEADINGS = {"H1", "H2", "H3", "H4", "H5", "H6"}
# PDF 1.7 (ISO 32000-1) 14.8.4, the standard structure types.
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code",
    "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula",
    "Form",
} | HEADINGS
# Types read as part of the line of the block around them in the view.
INLINE = {"Span", "Quote", "Reference", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
          "Warichu", "WT", "WP", "Lbl", "LBody"}
ROW_GROUPS = {"THead", "TBody", "TFoot"}
# BCP 47, loosely: a language of 2-3 letters (or i-/x- forms), then subtags.
BCP47 = re.compile(r"^(?:[A-Za-z]{2,3}|[ix])(?:-[A-Za-z0-9]{1,8})*$")
SCOPES = {"/Row", "/Column", "/Both"}


def pdf_text(v):
    """A PDF text string as str ('' for anything else)."""
    if isinstance(v, pikepdf.String):
        return str(v)
    return ""


def snippet(s, n=40):
    s = " ".join(s.split())
    if not s:
        return "(no text)"
    return '"' + (s if len(s) <= n else s[: n - 1] + "…") + '"'


def number_tree(node, out, problems, depth=0):
    """Flattens a number tree (/Nums, /Kids) into out: int -> object."""
    if depth > 30 or not isinstance(node, pikepdf.Dictionary):
        problems.add("parenttree", "ParentTree: a node that is not a dictionary")
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids") or []:
        number_tree(kid, out, problems, depth + 1)


def name_tree(node, out, depth=0):
    if depth > 30 or not isinstance(node, pikepdf.Dictionary):
        return
    names = node.get("/Names")
    if names is not None:
        for i in range(0, len(names) - 1, 2):
            out[bytes(names[i])] = names[i + 1]
    for kid in node.get("/Kids") or []:
        name_tree(kid, out, depth + 1)


def attr(obj, owner, key):
    """An attribute (/A: one dictionary or an array of them with revision
    numbers) of the owner (/O) given, or None."""
    a = obj.get("/A")
    if a is None:
        return None
    for d in (a if isinstance(a, pikepdf.Array) else [a]):
        if isinstance(d, pikepdf.Dictionary) and d.get("/O") == owner and key in d:
            return d.get(key)
    return None


class Elem:
    __slots__ = ("obj", "s", "role", "parent", "kids", "depth", "order")

    def __init__(self, obj, s, role, parent, depth, order):
        self.obj, self.s, self.role, self.parent = obj, s, role, parent
        self.kids = []  # Elem, ("mcr", content key, mcid), ("objr", annotation)
        self.depth, self.order = depth, order

    @property
    def kind(self):
        return self.role or self.s


class Tree:
    def __init__(self, pdf, mc, containers, problems):
        """mc: (content key, mcid) -> (page number, position, text), from
        every page; containers: content key -> (page or form object,
        page number)."""
        self.pdf, self.mc, self.containers, self.p = pdf, mc, containers, problems
        self.pageno = {pg.obj.objgen: i + 1 for i, pg in enumerate(pdf.pages)}
        self.owner = {}  # (content key, mcid) -> Elem
        self.objr = {}  # annotation objgen -> [Elem]
        self.elems = []
        self.by_obj = {}
        self.root_kids = []
        self.ids = {}
        self.dests = None
        self.headers = {}
        root = pdf.Root.get("/StructTreeRoot")
        self.root = root
        if root is None:
            return
        self.rolemap = root.get("/RoleMap") or pikepdf.Dictionary()
        self._check_rolemap()
        k = root.get("/K")
        kids = k if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 20000))
        try:
            for kid in kids:
                e = self._walk(kid, None, 0)
                if e is not None:
                    self.root_kids.append(e)
        finally:
            sys.setrecursionlimit(old)
        if len(self.root_kids) != 1 or self.root_kids[0].kind != "Document":
            got = ", ".join(e.kind for e in self.root_kids) or "nothing"
            self.p.add("root", f"StructTreeRoot: its one kid must be Document, it holds {got}")

    # -- reading the tree -------------------------------------------------

    def _check_rolemap(self):
        for k, v in self.rolemap.items():
            if k[1:] in STANDARD:
                self.p.add("rolemap", f"RoleMap remaps the standard type {k[1:]} to {v}")

    def _role(self, s):
        seen = set()
        while s not in STANDARD:
            if s in seen or len(seen) > 20:
                return None
            seen.add(s)
            v = self.rolemap.get("/" + s)
            if not isinstance(v, pikepdf.Name):
                return None
            s = str(v)[1:]
        return s

    def _pg(self, obj, fallback):
        pg = obj.get("/Pg")
        if pg is None:
            return fallback
        if pg.objgen not in self.pageno:
            self.p.add("pg", "structure: a /Pg that is not a page of the document")
            return fallback
        return pg.objgen

    def _walk(self, obj, parent, depth):
        if not isinstance(obj, pikepdf.Dictionary):
            self.p.add("kid", "structure: a kid that is not a structure element")
            return None
        if not obj.is_indirect:
            self.p.add("direct", "structure: an element that is not an indirect object (its kids cannot point to it with /P)")
        elif obj.objgen in self.by_obj:
            self.p.add("twice", "structure: an element appears twice in the tree")
            return None
        s = obj.get("/S")
        s = str(s)[1:] if isinstance(s, pikepdf.Name) else "?"
        role = self._role(s)
        e = Elem(obj, s, role, parent, depth, len(self.elems))
        self.elems.append(e)
        if obj.is_indirect:
            self.by_obj[obj.objgen] = e
        if role is None:
            self.p.add("type", f"structure: /S /{s} is not a standard type nor mapped to one by /RoleMap")
        want = parent.obj if parent is not None else self.root
        p = obj.get("/P")
        if p is None or p.objgen != want.objgen or not want.is_indirect:
            self.p.add("parent", f"structure: {e.kind} whose /P is not the element that holds it in /K")
        lang = obj.get("/Lang")
        if lang is not None and not BCP47.match(pdf_text(lang)):
            self.p.add("lang", f"structure: {e.kind} with /Lang {snippet(pdf_text(lang))}, not a BCP 47 language tag")
        ident = obj.get("/ID")
        if ident is not None:
            b = bytes(ident)
            if b in self.ids:
                self.p.add("id", f"structure: /ID {snippet(b.decode('latin-1'))} used twice")
            self.ids[b] = e
        pg = self._pg(obj, None)
        k = obj.get("/K")
        items = k if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])
        for it in items:
            if isinstance(it, int):
                self._mcr(e, pg, None, int(it))
            elif isinstance(it, pikepdf.Dictionary):
                t = it.get("/Type")
                if t == "/MCR":
                    stm = it.get("/Stm")
                    self._mcr(e, self._pg(it, pg), stm, int(it.get("/MCID", -1)))
                elif t == "/OBJR":
                    a = it.get("/Obj")
                    if a is None:
                        self.p.add("objr", f"structure: an OBJR without /Obj in {e.kind}")
                        continue
                    e.kids.append(("objr", a))
                    self.objr.setdefault(a.objgen, []).append(e)
                else:
                    c = self._walk(it, e, depth + 1)
                    if c is not None:
                        e.kids.append(c)
            else:
                self.p.add("kid", f"structure: {e.kind} has a kid that is neither an MCID nor a dictionary")
        return e

    def _mcr(self, e, pg, stm, mcid):
        if stm is not None:
            key = ("form", stm.objgen)
        elif pg is None:
            self.p.add("pg", f"structure: {e.kind} refers to MCID {mcid} with no /Pg to say on which page")
            return
        else:
            key = ("page", pg)
        e.kids.append(("mcr", key, mcid))
        prev = self.owner.get((key, mcid))
        where = self._where(key)
        if prev is not None:
            self.p.add("mcr2", f"{where}: MCID {mcid} is referenced twice by the structure tree ({prev.kind} and {e.kind})")
            return
        self.owner[(key, mcid)] = e
        if (key, mcid) not in self.mc:
            self.p.add("mcr0", f"{where}: {e.kind} refers to MCID {mcid}, which the content does not have")

    def _where(self, key):
        if key[0] == "page":
            return f"page {self.pageno.get(key[1], '?')}"
        c = self.containers.get(key)
        return f"page {c[1]} (form)" if c else "a form"

    # -- text -------------------------------------------------------------

    def mcr_text(self, key, mcid):
        v = self.mc.get((key, mcid))
        return v[2] if v else ""

    def full_text(self, e, limit=None):
        """All the text under an element, in tree order."""
        at = e.obj.get("/ActualText")
        if at is not None:
            return pdf_text(at)
        parts = []
        for k in e.kids:
            if isinstance(k, Elem):
                parts.append(self.full_text(k))
            elif k[0] == "mcr":
                parts.append(self.mcr_text(k[1], k[2]))
        return join_text(parts)

    def about(self, e):
        """An element's text and page, to find it by in a message."""
        stack = [e]
        page = None
        while stack and page is None:
            x = stack.pop()
            for k in reversed(x.kids):
                if isinstance(k, Elem):
                    stack.append(k)
                elif k[0] == "mcr" and (k[1], k[2]) in self.mc:
                    page = self.mc[(k[1], k[2])][0]
        if page is None and e.obj.get("/Pg") is not None:
            page = self.pageno.get(e.obj.Pg.objgen)
        return snippet(self.full_text(e)) + (f" on page {page}" if page else "")

    # -- checks -----------------------------------------------------------

    def check(self):
        if self.root is None:
            return
        self._check_unreferenced()
        self._check_parenttree()
        self._check_annots()
        self._check_elements()
        self._check_headings()
        self._check_order()

    def _check_unreferenced(self):
        for (key, mcid), (page_no, _pos, text) in self.mc.items():
            if (key, mcid) not in self.owner:
                self.p.add("unref", f"page {page_no}: MCID {mcid} {snippet(text)} is not referenced by the structure tree")

    def _check_parenttree(self):
        nums = {}
        pt = self.root.get("/ParentTree")
        if pt is None:
            self.p.add("parenttree", "StructTreeRoot has no /ParentTree")
        else:
            number_tree(pt, nums, self.p)
        self.nums = nums
        self.used = {}
        by_key = {}
        for (key, mcid) in self.mc:
            by_key.setdefault(key, []).append(mcid)
        for key, (obj, page_no) in self.containers.items():
            sp = obj.get("/StructParents")
            what = f"page {page_no}" if key[0] == "page" else f"page {page_no}: a form"
            mcids = by_key.get(key, [])
            if sp is None:
                if mcids:
                    self.p.add("structparents", f"{what} has marked content but no /StructParents")
                continue
            self._use(int(sp), what)
            arr = nums.get(int(sp))
            if not isinstance(arr, pikepdf.Array):
                if mcids or arr is not None:
                    self.p.add("parenttree", f"{what}: the ParentTree has no array for /StructParents {int(sp)}")
                continue
            for mcid in sorted(mcids):
                owner = self.owner.get((key, mcid))
                if owner is None:
                    continue
                got = arr[mcid] if 0 <= mcid < len(arr) else None
                if not isinstance(got, pikepdf.Dictionary) or got.objgen != owner.obj.objgen:
                    g = self.by_obj.get(got.objgen).kind if isinstance(got, pikepdf.Dictionary) and got.objgen in self.by_obj else "nothing"
                    self.p.add("parenttree", f"{what}: the ParentTree gives MCID {mcid} to {g}, the structure tree to {owner.kind}")

    def _use(self, n, what):
        prev = self.used.get(n)
        if prev is not None:
            self.p.add("structparents", f"{what} and {prev} share the ParentTree key {n}")
        self.used[n] = what

    def _check_annots(self):
        for i, pg in enumerate(self.pdf.pages):
            for a in pg.obj.get("/Annots") or []:
                if not isinstance(a, pikepdf.Dictionary):
                    continue
                sub = str(a.get("/Subtype"))
                if sub == "/Popup":
                    continue
                what = f"page {i + 1}: {sub[1:]} annotation"
                owners = self.objr.get(a.objgen, []) if a.is_indirect else []
                if sub == "/Link" and not pdf_text(a.get("/Contents")).strip():
                    self.p.add("contents", f"{what} without /Contents")
                if len(owners) != 1:
                    self.p.add("annot", f"{what} is the /Obj of {len(owners)} OBJRs, not one")
                sp = a.get("/StructParent")
                if sp is None:
                    self.p.add("annot", f"{what} without /StructParent")
                    continue
                self._use(int(sp), what)
                got = self.nums.get(int(sp))
                if owners and (not isinstance(got, pikepdf.Dictionary) or got.objgen != owners[0].obj.objgen):
                    self.p.add("parenttree", f"{what}: the ParentTree entry for its /StructParent is not its {owners[0].kind}")

    def _check_elements(self):
        for e in self.elems:
            k = e.kind
            par = e.parent.kind if e.parent else None
            elem_kids = [c for c in e.kids if isinstance(c, Elem)]
            content = any(not isinstance(c, Elem) and c[0] == "mcr" for c in e.kids)
            if k in ("Figure", "Formula") and not pdf_text(e.obj.get("/Alt")).strip():
                self.p.add("alt", f"{k} without /Alt {self.about(e)}")
            elif k == "Table":
                self._check_table(e)
            elif k == "TR" and par not in ROW_GROUPS | {"Table"}:
                self.p.add("table", f"TR inside {par}, not in a Table, THead, TBody or TFoot")
            elif k in ("TH", "TD") and par != "TR":
                self.p.add("table", f"{k} inside {par}, not in a TR")
            elif k in ROW_GROUPS and par != "Table":
                self.p.add("table", f"{k} inside {par}, not in a Table")
            elif k == "Link":
                links = [c[1] for c in e.kids if not isinstance(c, Elem) and c[0] == "objr" and c[1].get("/Subtype") == "/Link"]
                if not links:
                    self.p.add("link", f"Link element {self.about(e)} without an OBJR to a link annotation")
            elif k == "L":
                if not any(c.kind == "LI" for c in elem_kids) or content or any(c.kind not in ("LI", "L", "Caption") for c in elem_kids):
                    self.p.add("list", f"L whose kids are not LI elements {self.about(e)}")
            elif k == "LI":
                if not elem_kids or content or any(c.kind not in ("Lbl", "LBody") for c in elem_kids):
                    self.p.add("list", f"LI whose kids are not Lbl and LBody {self.about(e)}")
            elif k == "Note" and not bytes(e.obj.get("/ID", b"")):
                self.p.add("note", f"Note without /ID {self.about(e)}")
            if k == "TH":
                sc = attr(e.obj, "/Table", "/Scope")
                if sc not in SCOPES:
                    self.p.add("scope", f"TH without /Scope (Row, Column or Both) {self.about(e)}")

    def table_rows(self, t):
        rows = []
        for c in t.kids:
            if isinstance(c, Elem):
                if c.kind == "TR":
                    rows.append(c)
                elif c.kind in ROW_GROUPS:
                    rows += [r for r in c.kids if isinstance(r, Elem) and r.kind == "TR"]
        return rows

    def table_grid(self, t):
        """(rows, the columns each row fills, cell order -> (row, column),
        (row, column) -> the cell covering it), honouring /ColSpan and
        /RowSpan."""
        rows = self.table_rows(t)
        occ = [set() for _ in rows]
        where, cover = {}, {}
        for r, row in enumerate(rows):
            c = 0
            for cell in row.kids:
                if not isinstance(cell, Elem) or cell.kind not in ("TH", "TD"):
                    continue
                while c in occ[r]:
                    c += 1
                cs = max(int(attr(cell.obj, "/Table", "/ColSpan") or 1), 1)
                rs = max(int(attr(cell.obj, "/Table", "/RowSpan") or 1), 1)
                for dr in range(min(rs, len(rows) - r)):
                    occ[r + dr].update(range(c, c + cs))
                    for x in range(c, c + cs):
                        cover[(r + dr, x)] = cell
                where[cell.order] = (r, c)
                c += cs
        return rows, occ, where, cover

    def _check_table(self, t):
        rows, occ, _where, _cover = self.table_grid(t)
        has_th = False
        stack = list(t.kids)
        while stack:
            c = stack.pop()
            if isinstance(c, Elem) and c.kind != "Table":
                has_th = has_th or c.kind == "TH"
                stack += c.kids
        if not has_th:
            self.p.add("th", f"Table without TH {self.about(t)}")
        widths = sorted({len(o) and max(o) + 1 for o in occ})
        if len(widths) > 1:
            self.p.add("table", f"Table whose rows have {widths[0]} to {widths[-1]} columns {self.about(t)}")

    def _check_headings(self):
        last = None
        numbered = plain = False
        for e in self.elems:
            k = e.kind
            if k == "H":
                plain = True
            if k not in HEADINGS:
                continue
            numbered = True
            n = int(k[1])
            if last is None and n != 1:
                self.p.add("heading", f"the first heading is {k}, not H1 {self.about(e)}")
            elif last is not None and n > last + 1:
                self.p.add("heading", f"heading levels skip from H{last} to {k} {self.about(e)}")
            last = n
        if numbered and plain:
            self.p.add("heading", "both H and H1-H6 headings in one document")

    def _check_order(self):
        """Depth-first, the MCRs must follow their order on the pages.  A
        Note (a footnote) sits in the tree where it is referenced but on
        the page at its foot, so each Note is held to order only within
        itself."""
        self.order_bad = 0
        seqs = [[]]
        self._collect(self.root_kids, seqs[0], seqs)
        for seq in seqs:
            last = None
            for page_no, pos, text in seq:
                if last is not None and (page_no, pos) < last[:2]:
                    self.order_bad += 1
                    if self.order_bad <= 3:
                        self.p.add("order", f"reading order: the tree reads {snippet(last[2])} (page {last[0]}) "
                                   f"before {snippet(text)} (page {page_no}), which comes first on the pages")
                last = (page_no, pos, text)
        if self.order_bad > 3:
            self.p.add("order", f"reading order: {self.order_bad - 3} more MCRs out of page order")

    def _collect(self, kids, seq, seqs):
        stack = [(kids, 0, seq)]
        while stack:
            items, i, cur = stack.pop()
            if i >= len(items):
                continue
            stack.append((items, i + 1, cur))
            k = items[i]
            if isinstance(k, Elem):
                if k.kind == "Note":
                    new = []
                    seqs.append(new)
                    stack.append((k.kids, 0, new))
                else:
                    stack.append((k.kids, 0, cur))
            elif k[0] == "mcr":
                v = self.mc.get((k[1], k[2]))
                if v is not None:
                    cur.append(v)

    # -- the screen reader view --------------------------------------------

    def link_target(self, e):
        for c in e.kids:
            if isinstance(c, Elem) or c[0] != "objr":
                continue
            a = c[1]
            act = a.get("/A")
            if isinstance(act, pikepdf.Dictionary):
                if act.get("/S") == "/URI":
                    return pdf_text(act.get("/URI")) or bytes(act.get("/URI", b"")).decode("latin-1")
                if act.get("/S") == "/GoTo":
                    return self._dest(act.get("/D"))
            if a.get("/Dest") is not None:
                return self._dest(a.get("/Dest"))
        return "?"

    def _dest(self, d):
        if isinstance(d, (pikepdf.String, pikepdf.Name)):
            if self.dests is None:
                self.dests = {}
                names = self.pdf.Root.get("/Names")
                if names is not None and names.get("/Dests") is not None:
                    name_tree(names.Dests, self.dests)
                old = self.pdf.Root.get("/Dests")
                if old is not None:
                    for k, v in old.items():
                        self.dests[k[1:].encode()] = v
            key = bytes(d) if isinstance(d, pikepdf.String) else str(d)[1:].encode()
            d = self.dests.get(key)
            if isinstance(d, pikepdf.Dictionary):
                d = d.get("/D")
        if isinstance(d, pikepdf.Array) and len(d) and isinstance(d[0], pikepdf.Dictionary):
            return f"page {self.pageno.get(d[0].objgen, '?')}"
        return "?"

    def view(self, out):
        for e in self.root_kids:
            self._node(e, 0, out)

    def _line(self, out, depth, e, text):
        lang = e.obj.get("/Lang")
        head = e.kind + (f" [{pdf_text(lang)}]" if lang is not None else "")
        out.write(("  " * depth + head + (" " + text if text else "")).rstrip() + "\n")

    def _node(self, e, depth, out):
        k = e.kind
        alt = e.obj.get("/Alt")
        if alt is not None and k in ("Figure", "Formula"):
            self._line(out, depth, e, pdf_text(alt))
            return
        if k in ("TD", "TH"):
            text = self.full_text(e)
            if k == "TD":
                h = self.headers.get(e.order)
                if h:
                    text = h + ": " + text
            self._line(out, depth, e, text)
            self._subs(e, depth + 1, out)
            return
        if k == "Table":
            self._table_headers(e)
        parts, subs = [], []
        self._inline(e, parts, subs)
        self._line(out, depth, e, join_text(parts))
        for s in subs:
            if s.kind in INLINE:
                self._inline_line(s, depth + 1, out)
            else:
                self._node(s, depth + 1, out)

    def _inline_line(self, s, depth, out):
        text = self.full_text(s)
        if s.kind == "Link":
            text += " -> " + self.link_target(s)
        self._line(out, depth, s, text)

    def _inline(self, e, parts, subs):
        """The text of e's own line: its content and that of its inline
        kids; block kids, links and spans in another language go to subs,
        to print on lines of their own below it."""
        at = e.obj.get("/ActualText")
        if at is not None:
            parts.append(pdf_text(at))
            return
        for c in e.kids:
            if isinstance(c, Elem):
                if c.kind in INLINE:
                    if c.kind == "Link" or c.obj.get("/Lang") is not None:
                        subs.append(c)
                    self._inline(c, parts, subs)
                else:
                    subs.append(c)
            elif c[0] == "mcr":
                parts.append(self.mcr_text(c[1], c[2]))

    def _subs(self, e, depth, out):
        """The links and figures inside a table cell, on lines of their
        own under it."""
        stack = list(reversed([c for c in e.kids if isinstance(c, Elem)]))
        while stack:
            c = stack.pop()
            if c.kind == "Link" or (c.kind in ("Figure", "Formula") and c.obj.get("/Alt") is not None):
                if c.kind == "Link":
                    self._inline_line(c, depth, out)
                else:
                    self._node(c, depth, out)
                continue
            stack += reversed([x for x in c.kids if isinstance(x, Elem)])

    def _table_headers(self, t):
        """TD (by order) -> the text a screen reader announces first: the
        TH cells named by /Headers, else the TH cells over its column in
        the header rows (the leading rows of TH cells only, or else the
        first row), top down."""
        rows, _occ, where, cover = self.table_grid(t)
        nhead = 0
        while nhead < len(rows) and all(c.kind == "TH" for c in rows[nhead].kids if isinstance(c, Elem)):
            nhead += 1
        nhead = max(nhead, 1)
        for r, row in enumerate(rows):
            for cell in row.kids:
                if not isinstance(cell, Elem) or cell.kind != "TD":
                    continue
                ids = attr(cell.obj, "/Table", "/Headers")
                if isinstance(ids, pikepdf.Array) and len(ids):
                    named = [self.ids.get(bytes(i)) for i in ids]
                    hs = [h for h in named if h is not None]
                elif r >= nhead and cell.order in where:
                    col = where[cell.order][1]
                    hs = []
                    for hr in range(nhead):
                        h = cover.get((hr, col))
                        if h is not None and h.kind == "TH" and h not in hs:
                            hs.append(h)
                else:
                    continue
                text = " ".join(t for t in (self.full_text(h) for h in hs) if t)
                if text:
                    self.headers[cell.order] = text
