#!/bin/sh
# bench/typeset/run.sh - wall time and peak memory of `planverk typeset`
# for synthetic documents of about 10, 50 and 250 pages (gen.py), split
# by stage (parse, layout, emit) through PLANVERK_TIMING=1.  The best of
# RUNS runs (default 5) is reported.  Run by hand:
#
#   sh bench/typeset/run.sh [path/to/planverk]
#
# Targets: 250 pages under 0.5 s on one core, 10 pages under 0.05 s,
# memory linear in the document.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/planverk}
runs=${RUNS:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME

printf '%-8s %6s %9s %9s %9s %9s %10s\n' doc pages wall parse layout emit "peak RSS"
for spec in 10:3 50:16 250:82; do
	name=${spec%%:*}
	chapters=${spec#*:}
	python3 "$top/bench/typeset/gen.py" "$chapters" >"$out/$name.xhtml"
	best=""
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$out/time" env PLANVERK_TIMING=1 \
		    SOURCE_DATE_EPOCH=0 "$bin" typeset "$out/$name.xhtml" \
		    -o "$out/$name.pdf" 2>"$out/stages" || exit 1
		t=$(cut -d' ' -f1 "$out/time")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$t
			rss=$(cut -d' ' -f2 "$out/time")
			stages=$(grep '^planverk typeset:' "$out/stages")
		fi
	done
	pages=$(qpdf --show-npages "$out/$name.pdf" 2>/dev/null || echo "?")
	parse=$(echo "$stages" | sed -n 's/.*parse \([0-9.]*\) ms.*/\1/p')
	layout=$(echo "$stages" | sed -n 's/.*layout \([0-9.]*\) ms.*/\1/p')
	emit=$(echo "$stages" | sed -n 's/.*emit \([0-9.]*\) ms.*/\1/p')
	printf '%-8s %6s %7.3f s %6s ms %6s ms %6s ms %6d KiB\n' "$name" "$pages" \
	    "$best" "$parse" "$layout" "$emit" "$rss"
done
