#!/bin/sh
# bench/compare.sh PLAN.json... - the same plan through planverk, through
# Pandoc + XeLaTeX, through WeasyPrint and through Typst, for speed,
# memory and the page measures of tests/pagecheck.py side by side.  Run
# by hand (make check does not); the first three come from Debian:
#   apt-get install pandoc texlive-xetex texlive-lang-european lmodern weasyprint
# Typst is not in Debian 12; it comes from the npm registry as a Node
# binding with a prebuilt linux-x64 Typst, installed outside the repository
# (bench/typst-compile.mjs runs it; $TYPST_TOOLS names another folder):
#   apt-get install nodejs npm
#   npm install --prefix /work/typst-tools @myriaddreamin/typst-ts-node-compiler
# Without it the Typst rows are skipped with one line saying so.
# All four get the XHTML that planverk's templates make (--keep-xhtml),
# A4 with 25 mm margins, Open Sans 10.5 pt justified and hyphenated in
# Norwegian bokmål, so the differences are the typesetters'.  Typst reads
# it through bench/xhtml2typst.py, timed on a row of its own (xhtml2typ);
# Pandoc's reading of it is inside the xelatex row.  Typst's seconds and
# megabytes include Node itself (an empty node: 40 MB, 0.1-0.2 s here).
# Prints one line per plan and tool: pages, seconds, peak MB, bytes,
# and the pagecheck counts.  PDFs stay in $OUT (default /tmp/pv-compare).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-/tmp/pv-compare}
pv=${PLANVERK:-$top/build/planverk}
py=/usr/bin/python3
mkdir -p "$out"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

for t in pandoc xelatex weasyprint; do
	command -v $t >/dev/null || { echo "compare.sh: $t is missing" >&2; exit 2; }
done
typst_tools=${TYPST_TOOLS:-/work/typst-tools}
typst=yes
if ! command -v node >/dev/null ||
    [ ! -d "$typst_tools/node_modules/@myriaddreamin/typst-ts-node-compiler" ]
then
	typst=
	echo "typst: not installed (see the top of bench/compare.sh)"
fi

# The same page for WeasyPrint (Typst's is set in xhtml2typst.py): A4,
# margins, font, justified, hyphenated; tables ruled as planverk rules them.
css=$out/compare.css
cat >"$css" <<'EOF'
@page { size: A4; margin: 25mm; }
html { font-family: "Open Sans"; font-size: 10.5pt; line-height: 15pt; }
body { text-align: justify; hyphens: auto; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; font-size: 9.5pt; line-height: 13pt;
  text-align: left; width: 100%; }
td, th { border: 0.5pt solid #9aa; padding: 3pt; vertical-align: top; }
section.landscape { page: wide; }
@page wide { size: A4 landscape; }
EOF

# seconds, peak MB of a command (GNU time)
measure() {
	/usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/log" 2>&1
	rc=$?
	tail -1 "$out/time" | awk '{ printf "%6.2f s %6.0f MB", $1, $2 / 1024 }'
	return $rc
}

report() {
	name=$1 pdf=$2
	pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	bytes=$(wc -c <"$pdf")
	printf ' %4s pp %8s B  ' "$pages" "$bytes"
	$py "$top/tests/pagecheck.py" --quiet "$pdf" 2>/dev/null |
	    sed -n '1s/^[^:]*: //p;2s/^[^:]*:   //p' | tr '\n' ' '
	echo
}

for plan in "$@"; do
	b=$(basename "$plan" .json)
	x=$out/$b.xhtml
	printf '%-28s %-10s ' "$b" planverk
	measure "$pv" build "$plan" -o "$out/$b.planverk.pdf" --keep-xhtml "$x" ||
	    { echo " failed: $(head -3 "$out/log")"; continue; }
	report planverk "$out/$b.planverk.pdf"

	printf '%-28s %-10s ' "$b" xelatex
	if measure pandoc "$x" -f html -s --toc --pdf-engine=xelatex \
	    -V mainfont="Open Sans" -V fontsize=10.5pt -V lang=nb \
	    -V papersize=a4 -V geometry:margin=25mm \
	    -o "$out/$b.xelatex.pdf"; then
		report xelatex "$out/$b.xelatex.pdf"
	else
		echo " failed: $(tail -3 "$out/log" | tr '\n' ' ')"
	fi

	printf '%-28s %-10s ' "$b" weasyprint
	if measure weasyprint -s "$css" "$x" "$out/$b.weasyprint.pdf"; then
		report weasyprint "$out/$b.weasyprint.pdf"
	else
		echo " failed: $(tail -3 "$out/log" | tr '\n' ' ')"
	fi

	[ -n "$typst" ] || continue
	printf '%-28s %-10s ' "$b" xhtml2typ
	if measure $py "$top/bench/xhtml2typst.py" "$x" "$out/$b.typ"; then
		echo
	else
		echo " failed: $(tail -3 "$out/log" | tr '\n' ' ')"
		continue
	fi
	printf '%-28s %-10s ' "$b" typst
	if measure env TYPST_TOOLS="$typst_tools" node \
	    "$top/bench/typst-compile.mjs" "$out/$b.typ" "$out/$b.typst.pdf"
	then
		report typst "$out/$b.typst.pdf"
	else
		echo " failed: $(tail -3 "$out/log" | tr '\n' ' ')"
	fi
done
