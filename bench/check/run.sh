#!/bin/sh
# bench/check/run.sh - wall time of `planverk check` (load + validate +
# enrich) as plans grow, to show that the time per goal stays flat: no
# stage may do quadratic work, and positions are computed only for the
# diagnostics that are printed.  Run by hand:
#
#   sh bench/check/run.sh [path/to/planverk]
#
# Inputs: synthetic plans of 10, 50, 100, 500, 1000 and 2000 goals
# (bench/gen_plan.py; 4 goals make about 10 pages), and a plan with one
# table of 80 000 rows (gen_table.py), which is refused but must be
# refused quickly.  The best of RUNS runs (default 3) is reported, with
# the time per goal (or per row) and the peak RSS.
# Target: 1000 goals in well under 1 s.  Measured (2 shared cores):
#   before: 10000 rows 4.65 s, 80000 rows 566 s (every rejected union
#   branch scanned the file from byte 0 for a position);
#   after:  1000 goals 0.23 s, 2000 goals 0.48 s (230-260 us/goal
#   from 100 goals up), 10000 rows 0.12 s, 80000 rows 0.13 s.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/planverk}
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME

# best NAME FILE: the best wall time of `check FILE` into $best, RSS $rss
best() {
	best=""
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$out/time" "$bin" check "$2" \
		    >/dev/null 2>"$out/$1.err"
		t=$(tail -n 1 "$out/time" | cut -d' ' -f1)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
			rss=$(tail -n 1 "$out/time" | cut -d' ' -f2)
		fi
	done
}

printf '%-14s %9s %8s %10s %14s %10s\n' input size lines "wall s" "per unit" "peak RSS"
for g in 10 50 100 500 1000 2000; do
	python3 "$top/bench/gen_plan.py" "$g" >"$out/plan-$g.json"
	best "plan-$g" "$out/plan-$g.json"
	printf '%-14s %8dK %8d %10.3f %11.1f us/goal %7d KiB\n' "$g goals" \
	    $(($(wc -c <"$out/plan-$g.json") / 1024)) \
	    "$(wc -l <"$out/plan-$g.json")" "$best" \
	    "$(echo "$best * 1000000 / $g" | bc -l)" "$rss"
done
for r in 1000 10000 80000; do
	python3 "$top/bench/check/gen_table.py" "$r" >"$out/table-$r.json"
	best "table-$r" "$out/table-$r.json"
	printf '%-14s %8dK %8d %10.3f %12.1f us/row %7d KiB\n' "$r rows" \
	    $(($(wc -c <"$out/table-$r.json") / 1024)) \
	    "$(wc -l <"$out/table-$r.json")" "$best" \
	    "$(echo "$best * 1000000 / $r" | bc -l)" "$rss"
	sed 's/^/    /' "$out/table-$r.err" | head -3
done
