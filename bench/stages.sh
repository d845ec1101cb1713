#!/bin/sh
# bench/stages.sh - is any stage worse than linear?  Builds synthetic plans
# from about 10 to about 2 000 pages (bench/gen_plan.py) and prints, for
# each, the time of every stage (PLANVERK_TIMING=1, best of RUNS runs)
# and the time per page, plus `planverk check` alone.  Flat columns of
# "per page" mean linear work; a column that grows with the size is the
# stage to look at.  Run by hand: sh bench/stages.sh [build/planverk].
set -u
bin=${1:-build/planverk}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=bench/results
mkdir -p "$out"
runs=${RUNS:-3}
sizes=${SIZES:-4 20 100 400 870}

# One line of stage times in ms: check load+validate enrich template
# parse layout emit total, and the page count.
one_run() { # input.json
	t0=$(date +%s%N)
	"$bin" check "$1" 2>/dev/null
	t1=$(date +%s%N)
	env PLANVERK_TIMING=1 SOURCE_DATE_EPOCH=0 "$bin" build "$1" \
	    -o "$out/stages.pdf" 2>"$out/stages.err" >/dev/null
	t2=$(date +%s%N)
	awk -v c="$(( (t1 - t0) / 1000 ))" -v w="$(( (t2 - t1) / 1000 ))" '
	    /planverk typeset:/ { p = $4; l = $7; e = $10; pages = $12 }
	    /planverk build:/ { lv = $4; en = $7; te = $10 }
	    END { printf "%.1f %s %s %s %s %s %s %.1f %s\n", c / 1000, lv, en,
	        te, p, l, e, w / 1000, pages }' "$out/stages.err"
}

printf '%6s %6s | %8s %8s %8s %8s %8s %8s %8s %8s | %s\n' goals pages \
    check load+val enrich template parse layout emit total "per page (us): check load+val enrich template parse layout emit total"
for g in $sizes; do
	python3 bench/gen_plan.py "$g" >"$out/stages-$g.json"
	best=""
	for i in $(seq "$runs"); do
		line=$(one_run "$out/stages-$g.json")
		tot=$(echo "$line" | cut -d' ' -f8)
		if [ -z "$best" ] || [ "$(echo "$tot < $(echo "$best" | cut -d' ' -f8)" | bc)" = 1 ]; then
			best=$line
		fi
	done
	echo "$best" | awk -v g="$g" '{
	    printf "%6d %6d | %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f |", g, $9,
	        $1, $2, $3, $4, $5, $6, $7, $8
	    for (i = 1; i <= 8; i++) printf " %6.0f", $i * 1000 / $9
	    printf "\n" }'
done
