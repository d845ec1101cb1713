#!/bin/sh
# tests/cmd/fuzz.sh - every fuzz harness replays its committed corpus
# (tests/fuzz/regress/NAME/: inputs that once crashed or hung) and the
# project's own examples (tests/fuzz/seeds.sh).  Under `make asan` the
# harnesses are built with ASan and UBSan, so this is also the sanitizer
# run over the fuzz corpora.  A harness without its replay program is a
# failure, not a skip.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
bindir=${BUILD:-build}
case $bindir in /*) ;; *) bindir=$top/$bindir ;; esac

for src in tests/fuzz/fuzz_*.c; do
	name=${src#tests/fuzz/fuzz_}
	name=${name%.c}
	bin=$bindir/fuzz/replay_$name
	if [ ! -x "$bin" ]; then
		fail "fuzz $name: replay program built" "missing: $bin"
		continue
	fi
	rm -rf "$TMP/seeds"
	if ! sh tests/fuzz/seeds.sh "$name" "$TMP/seeds" 2>"$TMP/stderr"; then
		fail "fuzz $name: seeds"
		continue
	fi
	set -- "$TMP/seeds"
	[ -d "tests/fuzz/regress/$name" ] && set -- "$@" "tests/fuzz/regress/$name"
	if "$bin" "$@" >"$TMP/stdout" 2>"$TMP/stderr"; then
		ok "fuzz $name: $(sed 's/^replay [a-z]*: //' "$TMP/stdout") replayed, no crash, no sanitizer report"
	else
		fail "fuzz $name: corpus replays" "$(tail -15 "$TMP/stderr")"
	fi
done
