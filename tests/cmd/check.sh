#!/bin/sh
# planverk check and planverk schema: the bad-input catalogue in
# tests/fixtures/check (each NAME.json beside NAME.expected, the exact
# stderr and exit status a user gets), the examples in input/ validating,
# and the schema being published.
. "$(dirname "$0")/../lib.sh"

cd "$top/tests/fixtures/check" || exit 1
for f in *.json; do
	n=${f%.json}
	$PLANVERK check "$f" >"$TMP/out" 2>"$TMP/err"
	echo "rc=$?" >>"$TMP/err"
	if cmp -s "$TMP/err" "$n.expected" && [ ! -s "$TMP/out" ]; then
		ok "check $n: the exact message"
	else
		fail "check $n: the exact message" \
		    "$(diff "$n.expected" "$TMP/err" | head -10)"
	fi
done
cd "$top" || exit 1

run check input/*.json
expect_rc "the examples in input/ are valid" 0
expect_empty_out "check prints nothing on stdout"

run check tests/fixtures/check/good.json tests/fixtures/check/bad-lang.json \
    tests/fixtures/check/many-problems.json
expect_rc "check of several files exits 1 if one is bad" 1
expect_err "check counts the problems of all files" \
    "planverk check: 6 problems in 3 files"

run check "$TMP/no-such-file.json"
expect_rc "check of a missing file is an input error" 1
expect_err "check names the missing file" \
    "$TMP/no-such-file.json:1:1: error: cannot open: No such file or directory"

run check
expect_rc "check without a file is a usage error" 2
run check --frobnicate x.json
expect_rc "check with an unknown option is a usage error" 2

run schema kompetanseplan
expect_rc "schema prints the kompetanseplan schema" 0
if python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["properties"]["type"]["const"] == "kompetanseplan"' "$out"; then
	ok "the published schema is JSON for kompetanseplan"
else
	fail "the published schema is JSON for kompetanseplan"
fi
run schema nosuchtype
expect_rc "schema of an unknown type is a usage error" 2
expect_err "schema names the known types" \
    "planverk schema: unknown document type 'nosuchtype'; known types: arsrapport, behovsmelding, kompetanseplan, langsiktig-plan"
run schema ../../etc
expect_rc "schema refuses a path as a type" 2

run new kompetanseplan -o "$TMP/starter.json"
expect_rc "new writes a starter file" 0
run check "$TMP/starter.json"
expect_rc "the starter file is valid" 0
run new kompetanseplan -o "$TMP/starter.json"
expect_rc "new never overwrites a file" 2
expect_err "new says why it did not write" \
    "planverk new: $TMP/starter.json exists; not overwriting it"
run new
expect_rc "new without a type is a usage error" 2
