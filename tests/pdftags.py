#!/usr/bin/python3
"""pdftags.py - checks that a PDF is a tagged PDF as PDF/UA-1 and PDF/A-2a
ask (issue 12), reading the file back with Debian's python3-pikepdf
(run it with /usr/bin/python3), so that planverk's tagging is judged by
what is in the file and not by how it was made.

usage: pdftags.py [--tree] FILE.pdf...

Prints one line per problem, "FILE: problem", then a summary line
"FILE: N pages, E structure elements, T tagged sequences, A artifact
sequences, P problems", and exits 1 if any file has a problem.  The same
kind of problem is printed at most MAX_SAME times a file, then counted.

With --tree the "screen reader view" goes to standard output: the
structure tree flattened, one line per block element indented by depth,
its type then its text (a TD's prefixed by its column's header, "Header:
value"; a Figure's /Alt; a Link's text and target, on its own line under
its block).  Problems and summaries then go to standard error.

The checks live in pdftags_meta.py (catalog, XMP, output intent, fonts,
annotations), pdftags_content.py (marked content on the pages) and
pdftags_tree.py (the structure tree, ParentTree and reading order).
"""
import os
import sys

# The helper modules sit beside this file; no __pycache__ in the tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pikepdf  # noqa: E402

import pdftags_meta as meta  # noqa: E402
from pdftags_content import Fonts, Scanner  # noqa: E402
from pdftags_tree import Tree  # noqa: E402

MAX_SAME = 5


class Problems:
    def __init__(self):
        self.lines = []
        self.count = {}

    def add(self, kind, msg):
        n = self.count.get(kind, 0) + 1
        self.count[kind] = n
        if n <= MAX_SAME:
            self.lines.append(msg)

    def total(self):
        return sum(self.count.values())

    def report(self, name, out):
        for line in self.lines:
            out.write(f"{name}: {line}\n")
        for kind, n in self.count.items():
            if n > MAX_SAME:
                out.write(f"{name}: ... and {n - MAX_SAME} more problems of the kind '{kind}'\n")


def check_file(path, tree_out, report_out, header=False):
    p = Problems()
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as e:
        report_out.write(f"{path}: cannot be read: {e}\n")
        return False
    with pdf:
        title = meta.check_catalog(pdf, p)
        meta.check_xmp(pdf, title, p)
        meta.check_output_intent(pdf, p)
        meta.check_fonts(pdf, p)
        meta.check_annots_and_actions(pdf, p)

        scanner = Scanner(Fonts())
        mc, containers = {}, {}
        tagged = artifacts = 0
        for i, page in enumerate(pdf.pages):
            pc = scanner.scan_page(page, i + 1)
            containers[("page", page.obj.objgen)] = (page.obj, i + 1)
            for key, (pos, text, _s) in pc.mcids.items():
                mc[key] = (i + 1, pos, text)
                if key[0] == "form":
                    containers[key] = (pdf.get_object(key[1]), i + 1)
            tagged += pc.tagged
            artifacts += pc.artifacts
            for kind, msg in pc.problems:
                p.add(kind, msg)
            n = pc.untagged_text + pc.untagged_paint
            if n:
                p.add("untagged", f"page {i + 1}: {pc.untagged_text} text and {pc.untagged_paint} painting "
                      f"operators outside tagged content or an artifact (first: {pc.first_untagged})")

        tree = Tree(pdf, mc, containers, p)
        tree.check()
        if tree_out is not None:
            if header:
                tree_out.write(f"== {path}\n")
            tree.view(tree_out)
        p.report(path, report_out)
        report_out.write(f"{path}: {len(pdf.pages)} pages, {len(tree.elems)} structure elements, "
                         f"{tagged} tagged sequences, {artifacts} artifact sequences, {p.total()} problems\n")
    return p.total() == 0


def main(argv):
    args = argv[1:]
    tree = "--tree" in args
    files = [a for a in args if a != "--tree"]
    if not files or any(a.startswith("-") for a in files):
        sys.stderr.write("usage: pdftags.py [--tree] FILE.pdf...\n")
        return 2
    good = True
    for f in files:
        if tree:
            good &= check_file(f, sys.stdout, sys.stderr, len(files) > 1)
        else:
            good &= check_file(f, None, sys.stdout)
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
