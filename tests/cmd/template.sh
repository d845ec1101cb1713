# tests/cmd/template.sh - planverk template: exit statuses, output, and the
# exact error lines.  Each tests/fixtures/template/bad-*.mustache sits
# beside bad-*.err, the whole standard error it must produce.
#
# When the official Mustache spec files are at $MUSTACHE_SPEC_DIR or
# /tmp/mustache-spec (see tests/spec/README), the spec suite runs too.
. "$(dirname "$0")/../lib.sh"

T="$FIX/template"
cd "$T" || exit 1

# expect_stderr NAME FILE: standard error is exactly the file
expect_stderr() {
	if cmp -s "$2" "$err"; then ok "$1"; else
		fail "$1" "stderr differs:" "$(diff "$2" "$err" | head -20)"
	fi
}

# --- usage ---
run template
expect_rc "no arguments: usage error" 2
expect_err "no arguments: says what is missing" \
	"planverk template: no template given"
run template hello.mustache
expect_rc "no --data: usage error" 2
expect_err "no --data: says so" \
	"planverk template: no data given (--data)"
run template hello.mustache --data
expect_rc "--data without a file: usage error" 2
run template hello.mustache --data data.json --frobnicate
expect_rc "unknown option: usage error" 2
expect_err "unknown option: named" \
	"planverk template: unknown option '--frobnicate'"
run template hello.mustache footer.mustache --data data.json
expect_rc "two templates: usage error" 2
expect_empty_out "usage error: nothing on stdout"
run template --help
expect_rc "--help: success" 0
expect_out_has "--help: shows the usage" \
	"usage: planverk template TEMPLATE --data DATA.json"
expect_out_has "--help: documents --strict" "--strict"

# --- rendering ---
run template hello.mustache --data data.json
expect_rc "render: success" 0
expect_out "render: exact output" 'Hello, Kommune &amp; Co!
  - a (1)
  - b (2.5)
<p><b> &amp; &lt;b&gt;</p>
'
if [ -s "$err" ]; then fail "render: nothing on stderr"; else
	ok "render: nothing on stderr"; fi
run template hello.mustache --data=data.json --partials=other
expect_rc "--partials: success" 0
expect_out_has "--partials: the partial comes from that folder" \
	"<footer>Kommune &amp; Co</footer>"
(cd / && $PLANVERK template "$T/hello.mustache" --data "$T/data.json" \
	>"$TMP/stdout" 2>"$TMP/stderr")
rc=$?
expect_rc "partials default to the template's folder: success" 0
expect_out_has "partials default to the template's folder" \
	"<p><b> &amp; &lt;b&gt;</p>"

# --- standard output that cannot be written: status 3 ---
if [ -w /dev/full ]; then
	$PLANVERK template hello.mustache --data data.json >/dev/full \
		2>"$TMP/stderr"
	rc=$?
	err="$TMP/stderr"
	expect_rc "full disk on stdout: I/O error" 3
	expect_err_has "full disk on stdout: says so" \
		"planverk template: cannot write standard output"
fi

# --- errors in the template: status 1, the exact line, empty stdout ---
for t in bad-*.mustache; do
	name=${t%.mustache}
	run template "$t" --data data.json
	expect_rc "$name: input error" 1
	expect_stderr "$name: exact message" "$name.err"
	expect_empty_out "$name: nothing on stdout"
done

# --- errors in the data ---
run template hello.mustache --data bad.json
expect_rc "bad JSON: input error" 1
expect_stderr "bad JSON: message with line:col" bad.json.err
expect_empty_out "bad JSON: nothing on stdout"
run template bad-tag.mustache --data bad.json
expect_rc "bad template and bad JSON: input error" 1
expect_err "bad template and bad JSON: template error shown" \
	"bad-tag.mustache:1:7: error: unclosed tag: '{{' has no closing '}}'"
expect_err "bad template and bad JSON: JSON error shown too" \
	"bad.json:3:17: error: JSON: a comma before ']' (no trailing commas in JSON)"

# --- missing files ---
run template nope.mustache --data data.json
expect_rc "missing template: input error" 1
expect_err "missing template: named" \
	"nope.mustache: error: cannot open: No such file or directory"
expect_empty_out "missing template: nothing on stdout"
run template hello.mustache --data nope.json
expect_rc "missing data: input error" 1
expect_err_has "missing data: named" "nope.json"
run template other --data data.json
expect_rc "a folder as template: input error" 1

# --- missing partials: a warning, or with --strict an error ---
run template missing-partial.mustache --data data.json
expect_rc "missing partial: success" 0
expect_out "missing partial: renders as nothing" 'before
after
'
expect_stderr_text() {
	printf '%s\n' "$2" >"$TMP/expected-err"
	expect_stderr "$1" "$TMP/expected-err"
}
expect_stderr_text "missing partial: warning names it and the place" \
	"missing-partial.mustache:2:3: warning: partial 'nothere' not found (no file nothere.mustache); it renders as nothing"
run template missing-partial.mustache --data data.json --strict
expect_rc "missing partial, --strict: input error" 1
expect_stderr_text "missing partial, --strict: the error" \
	"missing-partial.mustache:2:3: error: partial 'nothere' not found (no file nothere.mustache)"
expect_empty_out "missing partial, --strict: nothing on stdout"

# --- a partial that includes itself: an error naming the chain ---
run template loop1.mustache --data data.json
expect_rc "self-including partials: input error" 1
expect_err_has "self-including partials: names the chain" \
	"error: partials nested deeper than 64 (MUSTACHE_MAX_DEPTH): loop1.mustache → loop2.mustache → loop1.mustache → loop2.mustache → … →"
expect_empty_out "self-including partials: nothing on stdout"

# --- the official spec suite, when its files are present ---
spec=${MUSTACHE_SPEC_DIR:-/tmp/mustache-spec}
if [ -d "$spec" ]; then
	if python3 "$top/tests/spec/run-spec.py" --planverk "$PLANVERK" \
		"$spec" >"$TMP/spec.log" 2>&1; then
		ok "mustache spec: $(tail -n 1 "$TMP/spec.log")"
	else
		fail "mustache spec: $(tail -n 1 "$TMP/spec.log")" \
			"$(head -40 "$TMP/spec.log")"
	fi
fi
