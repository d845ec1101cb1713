#!/bin/sh
# Runs every test: the cmocka unit tests (build/tests/test_*) and the
# command-level tests (tests/cmd/*.sh), then prints one total line
# "N passed, M failed".  VALGRIND=1 runs everything under valgrind.
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ "${VALGRIND:-}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
else
	VG=""
fi
case "$BUILD" in
/*) bindir=$BUILD ;;
*) bindir=$top/$BUILD ;;
esac
PLANVERK="$VG $bindir/planverk"
export PLANVERK BUILD
# The tests use this tree's templates and fonts wherever the binary is.
PLANVERK_HOME=$top
export PLANVERK_HOME

for t in "$bindir"/tests/test_*; do
	[ -x "$t" ] || continue
	$VG "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$t: exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

for t in tests/cmd/*.sh; do
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$t: exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
