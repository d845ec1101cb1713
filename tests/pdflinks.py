#!/usr/bin/env python3
"""pdflinks.py PDF - count the link annotations of a PDF, as a reader
would click them: prints "internal N external M" (links to a place in the
document, and links to a web or mail address).  Reads the PDF through
qpdf's QDF form, so compressed object streams are no obstacle."""
import re
import subprocess
import sys

qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                      sys.argv[1], "-"], capture_output=True, check=True).stdout
internal = external = 0
for obj in re.split(rb"\nendobj\b", qdf):
    if not re.search(rb"/Subtype\s*/Link\b", obj):
        continue
    if re.search(rb"/URI\s*\(", obj) or re.search(rb"/S\s*/URI\b", obj):
        external += 1
    elif re.search(rb"/Dest\b", obj) or re.search(rb"/S\s*/GoTo\b", obj):
        internal += 1
print(f"internal {internal} external {external}")
