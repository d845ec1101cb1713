#!/bin/sh
# tests/cmd/diagnostics.sh - problems for machines (issue 13): with
# --diagnostics json (before or after the command) standard error is one
# JSON object per problem with file, line, column, end, severity, path,
# message and hint; with --diagnostics github, or GITHUB_ACTIONS=true,
# GitHub workflow commands that mark the line; an unknown format is a
# usage error.  The plain form stays as documented.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
unset GITHUB_ACTIONS
cd "$top/tests/fixtures/check" || exit 1

run check --diagnostics json arsrapport-wrong-id.json
expect_rc "check --diagnostics json: the input error's status" 1
if /usr/bin/python3 - "$err" >"$TMP/py" 2>&1 <<'P'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
objs = [json.loads(l) for l in lines]
assert len(objs) == 3, len(objs)
e = objs[0]
assert set(e) == {"file", "line", "column", "end", "severity", "path",
                  "message", "hint"}, sorted(e)
assert (e["file"], e["line"], e["column"], e["severity"], e["path"]) == \
    ("arsrapport-wrong-id.json", 5, 17, "error", "measures[0].measure"), e
assert e["message"].startswith('the plan has no measure "lesekurss"'), e
assert e["hint"] == 'did you mean "lesekurs" (../arsrapport/plan.json:17)?', e
assert [o["severity"] for o in objs[1:]] == ["warning", "warning"]
P
then ok "every line is a JSON object: place, severity, path, message, hint"
else fail "every line is a JSON object: place, severity, path, message, hint" "$(tail -2 "$TMP/py")"; fi

run --diagnostics json check json-missing-comma.json
expect_err "a syntax error has no path; the option may come first" \
    '{"file": "json-missing-comma.json", "line": 2, "column": 27, "end": null, "severity": "error", "path": null, "message": "JSON: a '"','"' is missing at the end of this line (before what starts at 3:3)", "hint": null}'

run check --diagnostics github arsrapport-wrong-id.json
expect_err "github: an error annotation on the line" \
    '::error file=arsrapport-wrong-id.json,line=5,col=17::measures[0].measure: the plan has no measure "lesekurss"; did you mean "lesekurs" (../arsrapport/plan.json:17)?'
GITHUB_ACTIONS=true $PLANVERK check arsrapport-missing-status.json >/dev/null 2>"$TMP/gh"
if grep -q '^::warning file=arsrapport-missing-status.json,line=4,col=15::measures: ' "$TMP/gh"; then
	ok "GITHUB_ACTIONS=true: annotations by default"
else
	fail "GITHUB_ACTIONS=true: annotations by default" "$(head -2 "$TMP/gh")"
fi
run check arsrapport-wrong-id.json
expect_err "the plain form by default" \
    'arsrapport-wrong-id.json:5:17: error: measures[0].measure: the plan has no measure "lesekurss"; did you mean "lesekurs" (../arsrapport/plan.json:17)?'
run check --diagnostics yaml arsrapport-wrong-id.json
expect_rc "an unknown format is a usage error" 2

# A problem with a whole file (missing, empty, too large) is at 1:1 in
# every form, so that editors and annotators can jump to it (issue 13).
run check no-such-plan.json
expect_err "a missing file: FILE:1:1:" \
    "no-such-plan.json:1:1: error: cannot open: No such file or directory"
: >"$TMP/empty.json"
run check "$TMP/empty.json"
expect_err "an empty file: FILE:1:1:" \
    "$TMP/empty.json:1:1: error: JSON: unexpected end of file"
run check --diagnostics json no-such-plan.json
expect_err "a missing file in JSON: line 1, column 1" \
    '{"file": "no-such-plan.json", "line": 1, "column": 1, "end": null, "severity": "error", "path": null, "message": "cannot open: No such file or directory", "hint": null}'
run check --diagnostics github no-such-plan.json
expect_err "a missing file for GitHub: line=1,col=1" \
    '::error file=no-such-plan.json,line=1,col=1::cannot open: No such file or directory'
# What is about no file keeps its form: no place at all.
run check --strict arsrapport-missing-status.json
expect_err "--strict's verdict names no file" \
    "error: 2 warnings, which --strict makes errors; nothing is written"
run check --strict --diagnostics json arsrapport-missing-status.json
expect_err "--strict's verdict in JSON: file null, line 0" \
    '{"file": null, "line": 0, "column": 0, "end": null, "severity": "error", "path": null, "message": "2 warnings, which --strict makes errors; nothing is written", "hint": null}'
run check --strict --diagnostics github arsrapport-missing-status.json
expect_err "--strict's verdict for GitHub: no file" \
    '::error::2 warnings, which --strict makes errors; nothing is written'
run check --diagnostics json --frobnicate arsrapport-missing-status.json
expect_err "a usage error is the command's, in every format" \
    "planverk check: unknown option --frobnicate; see planverk check --help"
