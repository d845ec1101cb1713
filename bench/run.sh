#!/bin/sh
# bench/run.sh - time and peak memory of `planverk build` for the seeds and
# for synthetic plans of about 10, 50 and 250 pages, split by stage
# (PLANVERK_TIMING=1).  Run by hand: make bench.  Results are printed, and
# kept under bench/results/ (not committed).
set -u
bin=${1:-build/planverk}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=bench/results
mkdir -p "$out"
runs=${RUNS:-5}

measure() { # name input.json
	name=$1
	in=$2
	best=""
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$out/$name.time" \
		    env PLANVERK_TIMING=1 SOURCE_DATE_EPOCH=0 "$bin" build "$in" \
		    -o "$out/$name.pdf" 2>"$out/$name.stages" || return 1
		t=$(cut -d' ' -f1 "$out/$name.time")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
			cp "$out/$name.stages" "$out/$name.best-stages"
			rss=$(cut -d' ' -f2 "$out/$name.time")
		fi
	done
	pages=$(qpdf --show-npages "$out/$name.pdf" 2>/dev/null || echo ?)
	printf '%-28s %5s pages  %6.3f s  %7d KiB peak\n' "$name" "$pages" "$best" "$rss"
	sed 's/^/    /' "$out/$name.best-stages"
}

echo "planverk build, best of $runs runs (wall time, peak RSS):"
for f in input/*.json; do
	measure "$(basename "$f" .json)" "$f"
done
for g in 4 20 100; do
	python3 bench/gen_plan.py "$g" > "$out/synthetic-$g.json"
	measure "synthetic-$g-goals" "$out/synthetic-$g.json"
done
