# tests/lib.sh - helpers for command-level tests (sourced by tests/cmd/*.sh).
#
# Each check prints "ok - NAME" or "not ok - NAME" (TAP-like); tests/run.sh
# counts them.  $PLANVERK is the command under test (maybe under valgrind).
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${PLANVERK:=$top/build/planverk}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FIX="$top/tests/fixtures"
# The tests read the plain diagnostics; on GitHub's runners planverk
# would print workflow commands instead (tests/cmd/diagnostics.sh).
unset GITHUB_ACTIONS

# run ARGS...: runs planverk; sets $rc, $out (stdout file), $err (stderr file)
run() {
	out="$TMP/stdout"
	err="$TMP/stderr"
	$PLANVERK "$@" >"$out" 2>"$err"
	rc=$?
}

ok() { echo "ok - $1"; }
fail() {
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
	if [ -s "$TMP/stderr" ]; then sed 's/^/#   stderr: /' "$TMP/stderr" | head -20; fi
}

# expect_rc NAME CODE
expect_rc() {
	if [ "$rc" = "$2" ]; then ok "$1"; else fail "$1" "exit status $rc, expected $2"; fi
}
# expect_out NAME EXPECTED-TEXT: stdout is exactly the text
expect_out() {
	printf '%s' "$2" >"$TMP/expected"
	if cmp -s "$TMP/expected" "$out"; then ok "$1"; else
		fail "$1" "stdout differs:" "$(diff "$TMP/expected" "$out" | head -20)"
	fi
}
# expect_err NAME EXPECTED-LINE: stderr holds this exact line
expect_err() {
	if grep -qxF -- "$2" "$err"; then ok "$1"; else
		fail "$1" "stderr lacks the line: $2"
	fi
}
# expect_err_has NAME TEXT: stderr contains the text somewhere
expect_err_has() {
	# one argument would look for "" and always pass
	if [ $# -ne 2 ]; then fail "$1" "test bug: expect_err_has NAME TEXT"; return; fi
	if grep -qF -- "$2" "$err"; then ok "$1"; else
		fail "$1" "stderr lacks: $2"
	fi
}
# expect_err_lacks NAME PATTERN: stderr has no line matching the basic
# regular expression PATTERN (e.g. "as XHTML\|does not typeset").
expect_err_lacks() {
	if [ $# -ne 2 ]; then fail "$1" "test bug: expect_err_lacks NAME PATTERN"; return; fi
	if grep -q -- "$2" "$err"; then fail "$1" "$(cat "$err")"; else ok "$1"; fi
}
# expect_out_has NAME TEXT
expect_out_has() {
	if [ $# -ne 2 ]; then fail "$1" "test bug: expect_out_has NAME TEXT"; return; fi
	if grep -qF -- "$2" "$out"; then ok "$1"; else
		fail "$1" "stdout lacks: $2"
	fi
}
# expect_empty_out NAME
expect_empty_out() {
	if [ ! -s "$out" ]; then ok "$1"; else fail "$1" "stdout is not empty"; fi
}
