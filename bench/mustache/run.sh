#!/bin/sh
# bench/mustache/run.sh - time and peak memory of `planverk template` on
# generated lists of 1 000 to 1 000 000 items (bench/mustache/gen.py),
# rendered through doc.mustache with two levels of partials.
#
#	sh bench/mustache/run.sh [PLANVERK] [N...]
#
# PLANVERK defaults to build/planverk; N to 1000 10000 100000 1000000.
# For each N, best of $RUNS (default 3) runs: wall time of the whole
# command, wall time of the same command with an empty template (reading
# and parsing the JSON: the load stage, not the engine), their difference
# (compiling and rendering), peak RSS, and the size of data and output.
# Uses /usr/bin/time when present, else Python's resource module.
# Data and output go to a temporary folder that is removed afterwards.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/planverk}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- 1000 10000 100000 1000000
runs=${RUNS:-3}
here=$top/bench/mustache
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/empty.mustache"

# measure TEMPLATE DATA: prints "seconds maxrss_kib" of one run
measure() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$tmp/time" \
		    "$bin" template "$1" --data "$2" >"$tmp/out.xhtml" &&
		cat "$tmp/time"
	else
		python3 - "$bin" "$1" "$2" "$tmp/out.xhtml" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[4], "wb") as out:
    subprocess.run([sys.argv[1], "template", sys.argv[2], "--data",
                    sys.argv[3]], stdout=out, check=True)
t = time.monotonic() - t
print("%.2f %d" % (t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
PY
	fi
}

# best TEMPLATE DATA: sets $best (seconds) and $rss (KiB) of the fastest run
best() {
	best=""
	for i in $(seq "$runs"); do
		if ! m=$(measure "$1" "$2"); then
			echo "run.sh: planverk template $1 failed" >&2
			exit 1
		fi
		t=${m% *}
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
			best=$t
			rss=${m#* }
		fi
	done
}

mb() { echo "$(wc -c <"$1") / 1000000" | bc -l; }

printf '%9s %8s %8s %8s %9s %9s %8s\n' items "data MB" "total s" \
    "load s" "render s" "peak MiB" "out MB"
for n in "$@"; do
	python3 "$here/gen.py" "$n" >"$tmp/data.json"
	best "$tmp/empty.mustache" "$tmp/data.json"
	load=$best
	best "$here/doc.mustache" "$tmp/data.json"
	printf '%9d %8.1f %8.2f %8.2f %9.2f %9.1f %8.1f\n' "$n" \
	    "$(mb "$tmp/data.json")" "$best" "$load" \
	    "$(echo "$best - $load" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
	    "$(mb "$tmp/out.xhtml")"
done
