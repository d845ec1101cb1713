#!/bin/sh
# bench/emit/run.sh - times the emit stage against bare libharu.
#
#	sh bench/emit/run.sh [BUILD]
#
# Builds bench_emit (our emit stage, linked with BUILD/libplanverk.a,
# default build/) and bare_libharu into BUILD/bench/, then runs both for
# 10, 50 and 250 pages, best of five runs each.  Run from anywhere.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
BUILD=${1:-${BUILD:-build}}
out=$BUILD/bench
mkdir -p "$out"
CFLAGS="-std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
LIBS="$(pkg-config --libs libcjson libxml-2.0 libcmark-gfm harfbuzz harfbuzz-subset fontconfig zlib 2>/dev/null) -lcmark-gfm-extensions -lhpdf -lhyphen -lm"
cc $CFLAGS $(pkg-config --cflags libcjson) -o "$out/bench_emit" \
	bench/emit/bench_emit.c "$BUILD/libplanverk.a" $LIBS
cc $CFLAGS -o "$out/bare_libharu" bench/emit/bare_libharu.c -lhpdf -lm

best() {
	# best of five: the line with the smallest "NNN.N ms"
	for i in 1 2 3 4 5; do "$@"; done | awk '
		{ for (f = 1; f <= NF; f++) if ($(f+1) == "ms") { t = $f; break } }
		best == "" || t + 0 < bt { best = $0; bt = t + 0 }
		END { print best }'
}
for n in 10 50 250; do
	best "$out/bench_emit" $n
	best "$out/bare_libharu" $n
done
