#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS NAME... - run each libFuzzer harness
# BUILD/fuzz/fuzz_NAME for SECONDS, on a corpus that starts from the
# project's examples (seeds.sh) and the committed regressions
# (tests/fuzz/regress/NAME/).  New inputs stay in BUILD/corpus/NAME/;
# a crash is written to BUILD/crash/NAME/ and makes the run fail.  Copy a
# crash into tests/fuzz/regress/NAME/ once it is fixed: `make check`
# replays that folder.  Prints one line of figures per harness.
set -u
build=$1
secs=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
status=0
printf '%-10s %14s %10s %8s %8s\n' harness executions "exec/s" corpus crashes
for name in "$@"; do
	corpus=$build/corpus/$name
	crash=$build/crash/$name
	log=$build/fuzz-$name.log
	# Crashes of earlier runs were reported then; count this run's.
	rm -rf "$crash"
	mkdir -p "$corpus" "$crash"
	regress=tests/fuzz/regress/$name
	[ -d "$regress" ] || regress=
	[ -n "$(ls -A "$corpus")" ] || sh tests/fuzz/seeds.sh "$name" "$corpus"
	# Small inputs run fast and still reach every stage (the starter
	# and the full-featured fixture plans are a few KiB); fonts are
	# whole files or nothing.
	case $name in
	font) maxlen=0 ;;
	image) maxlen=16384 ;;
	*) maxlen=8192 ;;
	esac
	"$build/fuzz/fuzz_$name" -max_total_time="$secs" -timeout=10 \
	    -max_len="$maxlen" \
	    -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix="$crash/" "$corpus" $regress \
	    >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	ncorp=$(ls "$corpus" | wc -l)
	ncrash=$(ls "$crash" | wc -l)
	printf '%-10s %14s %10s %8s %8s\n' "$name" "${execs:-?}" "${rate:-?}" \
	    "$ncorp" "$ncrash"
	if [ "$rc" -ne 0 ] || [ "$ncrash" -gt 0 ]; then
		status=1
		echo "  $name: see $log and $crash/"
	fi
done
exit $status
