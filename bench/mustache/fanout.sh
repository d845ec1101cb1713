#!/bin/sh
# bench/mustache/fanout.sh - the engine's work bound and its linearity.
#
#	sh bench/mustache/fanout.sh [PLANVERK]
#
# 1. Fan-out: sections 2 to 5 deep over a list of 1 000 items (10^6 to
#    10^15 iterations, no output): each must end, the deep ones with the
#    MUSTACHE_MAX_WORK error, in well under a second.
# 2. Size: 10^4 to 9*10^5 tags (under MUSTACHE_MAX_TEMPLATE) on one line, and the same number of
#    standalone lines: time per tag must stay flat (no quadratic pass).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/planverk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

secs() { # run ARGS..., print wall seconds; status and stderr ignored
	t0=$(date +%s%N)
	"$bin" "$@" >/dev/null 2>"$tmp/err" || true
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.3f", $1 / 1e6 }'
}

python3 -c 'import json; print(json.dumps({"a": list(range(1000))}))' \
    >"$tmp/list.json"
echo "fan-out over 1 000 items:"
for depth in 2 3 4 5; do
	python3 -c "import sys; d=$depth; sys.stdout.write('{{#a}}'*d + '{{/a}}'*d)" \
	    >"$tmp/fan.mustache"
	s=$(secs template "$tmp/fan.mustache" --data "$tmp/list.json")
	printf '  depth %d: %s s  %s\n' "$depth" "$s" \
	    "$(cut -d: -f4- "$tmp/err" | head -c 70)"
done

echo '{"a": "b"}' >"$tmp/d.json"
echo "size (seconds, microseconds per tag):"
for n in 10000 100000 900000; do
	python3 -c "import sys; sys.stdout.write('{{a}}' * $n)" >"$tmp/line.mustache"
	python3 -c "import sys; sys.stdout.write('{{! x }}\n' * $n)" >"$tmp/lines.mustache"
	a=$(secs template "$tmp/line.mustache" --data "$tmp/d.json")
	b=$(secs template "$tmp/lines.mustache" --data "$tmp/d.json")
	printf '  %7d tags on one line: %s s (%s us/tag); standalone lines: %s s (%s us/tag)\n' \
	    "$n" "$a" "$(echo "$a * 1000000 / $n" | bc -l | cut -c1-5)" \
	    "$b" "$(echo "$b * 1000000 / $n" | bc -l | cut -c1-5)"
done
head -c 8388608 /dev/zero | tr '\0' x >"$tmp/big.mustache"
printf '  8 MiB single line of text: %s s\n' \
    "$(secs template "$tmp/big.mustache" --data "$tmp/d.json")"
truncate -s 100M "$tmp/huge.mustache"
printf '  100 MB template (refused): %s s\n' \
    "$(secs template "$tmp/huge.mustache" --data "$tmp/d.json")"
