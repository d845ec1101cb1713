#!/bin/sh
# tests/cmd/archive.sh - what an archive asks of every PDF planverk makes
# besides its pages (issue 12, first part): PDF 1.7, XMP metadata that
# agrees with the Info dictionary, an sRGB output intent with its ICC
# profile, printable link annotations; checked by tests/pdfarchive.py
# on every example in input/ and on a document with links.  The checker
# is shown to catch a file without metadata and a hidden link.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$top" || exit 1

for f in input/*.json; do
	n=$(basename "$f" .json)
	run build "$f" -o "$TMP/$n.pdf"
	if python3 tests/pdfarchive.py "$TMP/$n.pdf" >"$TMP/chk" 2>&1; then
		ok "$n: XMP agrees with Info, sRGB output intent, printable links"
	else
		fail "$n: XMP agrees with Info, sRGB output intent, printable links" \
		    "$(head -5 "$TMP/chk")"
	fi
done

# The XMP holds the title with its æøå and XML specials escaped.
cat >"$TMP/t.xhtml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">
<head><title>Plan for Åfjord &amp; Ørland &lt;2026&gt;</title>
<meta name="author" content="Ørland kommune"/></head>
<body><h1>Lenker</h1><p>Se <a href="https://www.udir.no/">Udir</a> og <a href="#x">kapitlet</a>.</p>
<h2 id="x">Kapittel</h2><p>Tekst.</p></body></html>
X
run typeset "$TMP/t.xhtml" -o "$TMP/t.pdf"
expect_rc "typeset a document with links" 0
if python3 tests/pdfarchive.py "$TMP/t.pdf" >"$TMP/chk" 2>&1 &&
    grep -q "2 printable annotations" "$TMP/chk"; then
	ok "both links printable, title with specials agrees in XMP and Info"
else
	fail "both links printable, title with specials agrees in XMP and Info" \
	    "$(head -5 "$TMP/chk")"
fi
if grep -aq '<rdf:li xml:lang="x-default">Plan for Åfjord &amp; Ørland &lt;2026&gt;</rdf:li>' "$TMP/t.pdf"; then
	ok "the XMP title is readable text, XML-escaped"
else
	fail "the XMP title is readable text, XML-escaped"
fi

# The checker is not blind: the same file with its metadata stream
# emptied of the title, and with a link's print flag cleared.
# The annotations are in compressed object streams: edit a plain copy.
qpdf --qdf --object-streams=disable "$TMP/t.pdf" "$TMP/t.qdf"
python3 - "$TMP/t.qdf" "$TMP/bad.pdf" <<'P'
import sys
b = open(sys.argv[1], "rb").read()
b = b.replace(b'<rdf:li xml:lang="x-default">Plan', b'<rdf:li xml:lang="x-default">Plon', 1)
b = b.replace(b"/F 4", b"/F 0", 1)
open(sys.argv[2], "wb").write(b)
P
python3 tests/pdfarchive.py "$TMP/bad.pdf" >"$TMP/chk" 2>&1
if grep -q "Info /Title" "$TMP/chk" && grep -q "without the print flag" "$TMP/chk"; then
	ok "the checker finds a title that disagrees and a hidden link"
else
	fail "the checker finds a title that disagrees and a hidden link" "$(cat "$TMP/chk")"
fi
