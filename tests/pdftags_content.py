"""pdftags_content.py - the page-content half of tests/pdftags.py.

Reads the content streams of a page (and of the Form XObjects it draws)
the way a tagged-PDF reader must: which marked-content sequences there are
(tagged with an MCID, or artifacts), whether any text or painting lies
outside them, how they nest, and the text of each tagged sequence.  The
text is decoded through the fonts' ToUnicode CMaps with a small CMap
reader of our own, because pikepdf hands back raw string bytes.
"""
import re

import pikepdf

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}
# A TJ adjustment wider than this (thousandths of an em, rightwards) reads
# as a word space: planverk justifies lines and parts a TOC number from
# its title by moving over the gap instead of drawing a space (down to
# -176 in a tight justified line; kerning pairs are a few tens).
TJ_SPACE = -100

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])")


def _hexbytes(h):
    return bytes.fromhex(re.sub(rb"\s", b"", h).decode("ascii"))


def _utf16(b):
    try:
        return b.decode("utf-16-be")
    except UnicodeDecodeError:
        return "\ufffd"


class CMap:
    """The bfchar and bfrange entries of a ToUnicode CMap, and the code
    lengths its codespace ranges allow (1 byte for simple fonts, 2 for the
    Identity-H Type0 fonts planverk writes)."""

    def __init__(self, data):
        self.map = {}
        self.ranges = []  # (lo, hi, first-destination bytes) too big to expand
        self.space = []  # (lo bytes, hi bytes)
        for body in re.findall(rb"begincodespacerange(.*?)endcodespacerange", data, re.S):
            toks = [_hexbytes(m.group(1)) for m in _TOKEN.finditer(body) if m.group(1) is not None]
            self.space += list(zip(toks[0::2], toks[1::2]))
        for body in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            toks = [_hexbytes(m.group(1)) for m in _TOKEN.finditer(body) if m.group(1) is not None]
            for src, dst in zip(toks[0::2], toks[1::2]):
                self.map[src] = _utf16(dst)
        for body in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
            self._ranges(body)
        lens = {len(lo) for lo, _ in self.space} or {max((len(k) for k in self.map), default=1)}
        self.width = lens.pop() if len(lens) == 1 else None

    def _ranges(self, body):
        toks, arr = [], None
        for m in _TOKEN.finditer(body):
            if m.group(2):
                arr = []
            elif m.group(3):
                toks.append(arr)
                arr = None
            elif arr is not None:
                arr.append(_hexbytes(m.group(1)))
            else:
                toks.append(_hexbytes(m.group(1)))
        for i in range(0, len(toks) - 2, 3):
            lo, hi, dst = toks[i], toks[i + 1], toks[i + 2]
            n = len(lo)
            a, b = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if isinstance(dst, list):
                for k, d in enumerate(dst[: b - a + 1]):
                    self.map[(a + k).to_bytes(n, "big")] = _utf16(d)
            elif b - a > 4096:
                self.ranges.append((a, b, n, dst))
            else:
                base = int.from_bytes(dst, "big")
                for k in range(b - a + 1):
                    self.map[(a + k).to_bytes(n, "big")] = _utf16((base + k).to_bytes(len(dst), "big"))

    def _one(self, code):
        s = self.map.get(code)
        if s is not None:
            return s
        c = int.from_bytes(code, "big")
        for a, b, n, dst in self.ranges:
            if n == len(code) and a <= c <= b:
                base = int.from_bytes(dst, "big") + c - a
                return _utf16(base.to_bytes(len(dst), "big"))
        return "\ufffd"

    def decode(self, raw):
        if self.width:
            w = self.width
            return "".join(self._one(raw[i:i + w]) for i in range(0, len(raw) - w + 1, w))
        out, i = [], 0
        while i < len(raw):
            n = 1
            for lo, hi in self.space:
                k = len(lo)
                if lo <= raw[i:i + k] <= hi and len(raw[i:i + k]) == k:
                    n = k
                    break
            out.append(self._one(raw[i:i + n]))
            i += n
        return "".join(out)


class Fonts:
    """Decoders by font object, read once per font for the whole file."""

    def __init__(self):
        self.cache = {}

    def decoder(self, font):
        if font is None:
            return lambda raw: raw.decode("latin-1")
        key = font.objgen if font.is_indirect else id(font)
        d = self.cache.get(key)
        if d is None:
            d = self._make(font)
            self.cache[key] = d
        return d

    @staticmethod
    def _make(font):
        tu = font.get("/ToUnicode")
        if isinstance(tu, pikepdf.Stream):
            try:
                return CMap(tu.read_bytes()).decode
            except Exception:  # a broken CMap reads as unknown text
                pass
        if font.get("/Subtype") == "/Type0":
            return lambda raw: "\ufffd" * (len(raw) // 2)
        return lambda raw: raw.decode("latin-1")


class Seq:
    """One open marked-content sequence."""

    __slots__ = ("kind", "mcid", "key", "owner", "covered", "artifact", "text", "line")

    def __init__(self, kind, mcid, parent):
        self.kind = kind  # "mcid", "artifact" or "other"
        self.mcid = mcid
        self.key = None
        p_owner = parent.owner if parent else None
        self.owner = self if kind == "mcid" else p_owner
        self.artifact = kind == "artifact" or bool(parent and parent.artifact)
        self.covered = self.owner is not None or self.artifact
        self.text = []
        self.line = None


def join_text(parts):
    """Lines of one sequence or element as one string: a space between
    lines, except after a hyphen that ends a broken word."""
    out = ""
    for p in parts:
        p = " ".join(p.split())
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith("\u00ad"):
            out = out[:-1] + p
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and p[:1].islower():
            out += p
        else:
            out += " " + p
    return out.replace("\u00ad", "")


class PageContent:
    """What the content of one page holds.  mcids maps a content key (the
    page, or a Form XObject with /StructParents) and an MCID to (position
    of its BDC on the page, its text)."""

    def __init__(self, page_no):
        self.page_no = page_no
        self.mcids = {}
        self.tagged = 0
        self.artifacts = 0
        self.untagged_text = 0
        self.untagged_paint = 0
        self.first_untagged = None
        self.problems = []


class Scanner:
    def __init__(self, fonts):
        self.fonts = fonts
        self.forms_done = set()

    def scan_page(self, page, page_no):
        pc = PageContent(page_no)
        self.pc = pc
        self.pos = 0
        self.line = 0
        self.stack = []
        self.depth = 0
        res = page.obj.get("/Resources") or pikepdf.Dictionary()
        try:
            ops = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError as e:
            pc.problems.append(("content", f"page {page_no}: content stream does not parse: {e}"))
            return pc
        self._run(ops, res, ("page", page.obj.objgen))
        if self.stack:
            pc.problems.append(("content", f"page {page_no}: {len(self.stack)} marked-content sequence(s) not closed by EMC"))
        for k, (pos, text, s) in pc.mcids.items():
            if s is not None:
                pc.mcids[k] = (pos, join_text("".join(s.text).split("\n")), None)
        return pc

    def _props(self, op, res):
        if len(op.operands) < 2:
            return None
        p = op.operands[1]
        if isinstance(p, pikepdf.Name):
            props = res.get("/Properties")
            return props.get(p) if props is not None else None
        return p if isinstance(p, pikepdf.Dictionary) else None

    def _untagged(self, kind, what):
        pc = self.pc
        if kind == "text":
            pc.untagged_text += 1
        else:
            pc.untagged_paint += 1
        if pc.first_untagged is None:
            pc.first_untagged = what

    def _show(self, text):
        top = self.stack[-1] if self.stack else None
        if top is None or not top.covered:
            self._untagged("text", repr(text[:40]))
            return
        o = top.owner
        if o is None:
            return  # an artifact's text is nobody's
        if o.line is not None and o.line != self.line and o.text:
            o.text.append("\n")
        o.line = self.line
        o.text.append(text)

    def _run(self, ops, res, key):
        pc = self.pc
        font = None
        gstack = []
        fonts = res.get("/Font")
        y = 0.0
        for inst in ops:
            op = str(inst.operator)
            if op == "INLINE IMAGE":
                top = self.stack[-1] if self.stack else None
                if top is None or not top.covered:
                    self._untagged("paint", "inline image")
                continue
            if op in TEXT_OPS:
                dec = self.fonts.decoder(font)
                if op != "Tj" and op != "TJ":
                    self.line += 1
                a = inst.operands[-1]
                if op == "TJ":
                    parts = []
                    for item in a:
                        if isinstance(item, pikepdf.String):
                            parts.append(dec(bytes(item)))
                        elif float(item) < TJ_SPACE:
                            parts.append(" ")
                    self._show("".join(parts))
                else:
                    self._show(dec(bytes(a)))
            elif op in PAINT_OPS:
                top = self.stack[-1] if self.stack else None
                if top is None or not top.covered:
                    self._untagged("paint", op)
            elif op == "Tf":
                f = fonts.get(inst.operands[0]) if fonts is not None else None
                font = f
            elif op == "Tm":
                ny = float(inst.operands[5])
                if ny != y:
                    self.line += 1
                y = ny
            elif op in ("Td", "TD"):
                if float(inst.operands[1]) != 0:
                    self.line += 1
                    y += float(inst.operands[1])
            elif op == "T*":
                self.line += 1
            elif op == "q":
                gstack.append(font)
            elif op == "Q":
                if gstack:
                    font = gstack.pop()
            elif op in ("BMC", "BDC"):
                self._begin(inst, op, res, key)
            elif op == "EMC":
                if not self.stack:
                    pc.problems.append(("content", f"page {pc.page_no}: EMC without a BMC or BDC"))
                    continue
                s = self.stack.pop()
                if s.kind == "mcid":
                    ent = pc.mcids.get((s.key, s.mcid))
                    if ent is not None and ent[2] is s:
                        pc.mcids[(s.key, s.mcid)] = (ent[0], join_text("".join(s.text).split("\n")), None)
            elif op == "Do":
                self._do(inst, res, key)

    def _begin(self, inst, op, res, key):
        pc = self.pc
        tag = str(inst.operands[0]) if inst.operands else ""
        parent = self.stack[-1] if self.stack else None
        props = self._props(inst, res) if op == "BDC" else None
        mcid = props.get("/MCID") if props is not None else None
        if tag == "/Artifact":
            s = Seq("artifact", None, parent)
            pc.artifacts += 1
            if parent is not None and parent.owner is not None:
                pc.problems.append(("nest", f"page {pc.page_no}: an artifact inside tagged content (MCID {parent.owner.mcid})"))
        elif mcid is not None:
            mcid = int(mcid)
            s = Seq("mcid", mcid, parent)
            pc.tagged += 1
            if parent is not None and parent.owner is not None:
                pc.problems.append(("nest", f"page {pc.page_no}: MCID {mcid} nested inside MCID {parent.owner.mcid}"))
            elif parent is not None and parent.artifact:
                pc.problems.append(("nest", f"page {pc.page_no}: tagged content (MCID {mcid}) inside an artifact"))
            s.key = key
            if key is not None:
                if (key, mcid) in pc.mcids:
                    pc.problems.append(("dupmcid", f"page {pc.page_no}: MCID {mcid} used twice"))
                else:
                    pc.mcids[(key, mcid)] = (self.pos, "", s)
            self.pos += 1
        else:
            s = Seq("other", None, parent)
        self.stack.append(s)

    def _do(self, inst, res, key):
        xo = res.get("/XObject")
        x = xo.get(inst.operands[0]) if xo is not None else None
        top = self.stack[-1] if self.stack else None
        covered = top is not None and top.covered
        if x is None or x.get("/Subtype") != "/Form":
            if not covered:
                self._untagged("paint", "Do " + str(inst.operands[0]))
            return
        if self.depth > 12:
            return
        # A form's content runs inside whatever sequence the Do is in; a
        # form with /StructParents numbers its MCIDs on its own, once.
        fkey = key
        if "/StructParents" in x:
            fkey = ("form", x.objgen)
            if fkey in self.forms_done:
                fkey = None
            self.forms_done.add(("form", x.objgen))
        try:
            fops = pikepdf.parse_content_stream(x)
        except pikepdf.PdfError:
            self.pc.problems.append(("content", f"page {self.pc.page_no}: Form XObject {inst.operands[0]} does not parse"))
            return
        self.depth += 1
        before = len(self.pc.mcids)
        self._run(fops, x.get("/Resources") or res, fkey)
        self.depth -= 1
        if fkey is not None and fkey[0] == "page" and len(self.pc.mcids) > before:
            self.pc.problems.append(("form", f"page {self.pc.page_no}: MCIDs inside Form XObject {inst.operands[0]}, which has no /StructParents"))
