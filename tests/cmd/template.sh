# tests/cmd/template.sh - planverk template: exit statuses, output, and the
# exact error lines.  Each tests/fixtures/template/bad-*.mustache sits
# beside bad-*.err, the whole standard error it must produce.
#
# The official Mustache spec suite runs too, from ../shared/mustache-spec
# beside the repository, or $MUSTACHE_SPEC_DIR (see tests/spec/README); a
# missing folder is a failed test.
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
	"planverk template: no template given; see planverk template --help"
run template hello.mustache
expect_rc "no --data: usage error" 2
expect_err "no --data: says so" \
	"planverk template: no data given (--data); see planverk template --help"
run template hello.mustache --data
expect_rc "--data without a file: usage error" 2
run template hello.mustache --data data.json --frobnicate
expect_rc "unknown option: usage error" 2
expect_err "unknown option: named" \
	"planverk template: unknown option --frobnicate; see planverk template --help"
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
	"nope.mustache:1:1: error: cannot open: No such file or directory"
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

# --- partials that would lead outside the partials folder: "not allowed" ---
mkdir -p "$TMP/tpl/parts"
echo 'secret' >"$TMP/tpl/outside.mustache"
ln -s "$TMP/tpl/outside.mustache" "$TMP/tpl/parts/link.mustache"
ln -s "$TMP/tpl" "$TMP/tpl/parts/up"
mkfifo "$TMP/tpl/parts/fifo.mustache"
echo 'inside' >"$TMP/tpl/parts/ok.mustache"
ln -s ok.mustache "$TMP/tpl/parts/samelink.mustache"
# not_allowed NAME TEMPLATE-TEXT EXPECTED-STDERR [DATA]
not_allowed() {
	printf '%s' "$2" >"$TMP/tpl/t.mustache"
	if [ $# -ge 4 ]; then printf '%s' "$4"; else printf '{}'; fi \
		>"$TMP/tpl/d.json"
	run template "$TMP/tpl/t.mustache" --data "$TMP/tpl/d.json" \
		--partials "$TMP/tpl/parts"
	expect_rc "$1: input error" 1
	sed "s|$TMP/tpl/||g" "$err" >"$TMP/err.short"
	printf '%s\n' "$3" >"$TMP/expected-err"
	if cmp -s "$TMP/expected-err" "$TMP/err.short"; then
		ok "$1: not allowed, at the tag"
	else
		fail "$1: not allowed, at the tag" \
			"$(diff "$TMP/expected-err" "$TMP/err.short")"
	fi
	expect_empty_out "$1: nothing on stdout"
}
not_allowed "partial ../x" 'a
  {{> ../outside}}' \
	"t.mustache:2:3: error: partial '../outside' not allowed: '..' leads outside the partials folder"
not_allowed "partial /etc/passwd" '{{>/etc/passwd}}' \
	"t.mustache:1:1: error: partial '/etc/passwd' not allowed: an absolute path leads outside the partials folder"
not_allowed "partial through a symlink out" '{{>link}}' \
	"t.mustache:1:1: error: partial 'link' not allowed: it resolves (through a symbolic link) outside the partials folder"
not_allowed "partial through a linked folder out" '{{>up/outside}}' \
	"t.mustache:1:1: error: partial 'up/outside' not allowed: it resolves (through a symbolic link) outside the partials folder"
not_allowed "parent ../x" '{{<../outside}}{{/../outside}}' \
	"t.mustache:1:1: error: parent '../outside' not allowed: '..' leads outside the partials folder"
not_allowed "dynamic name from data ../x" '{{>*n}}' \
	"t.mustache:1:1: error: partial '../outside' not allowed: '..' leads outside the partials folder" \
	'{"n": "../outside"}'
not_allowed "partial that is a FIFO" '{{>fifo}}' \
	"t.mustache:1:1: error: partial 'fifo' not allowed: it is not a regular file"
printf '{{>samelink}} {{>ok}}' >"$TMP/tpl/t.mustache"
run template "$TMP/tpl/t.mustache" --data data.json --partials "$TMP/tpl/parts"
expect_rc "a symlink inside the folder: success" 0
expect_out "a symlink inside the folder: rendered" 'inside
 inside
'

# --- a NUL byte in a tag: an error at its place (it once matched 'a') ---
printf 'x\n{{a\000bcdefghijklmnop}}\n' >"$TMP/nul.mustache"
printf '{"a": "X"}' >"$TMP/nul.json"
run template "$TMP/nul.mustache" --data "$TMP/nul.json"
expect_rc "NUL byte in a tag: input error" 1
expect_err "NUL byte in a tag: the place" \
	"$TMP/nul.mustache:2:4: error: a NUL byte is not allowed in a tag (the tag '{{a' starts at line 2, column 1)"
expect_empty_out "NUL byte in a tag: nothing on stdout"

# --- fan-out: five sections deep over 1 000 items ends soon ---
python3 -c 'import json; print(json.dumps({"a": list(range(1000))}))' \
	>"$TMP/list.json"
printf '<p>\n{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}</p>\n' \
	>"$TMP/fan.mustache"
t0=$(date +%s%N)
run template "$TMP/fan.mustache" --data "$TMP/list.json"
t1=$(date +%s%N)
expect_rc "fan-out: input error" 1
expect_err "fan-out: the limit and the section's line" \
	"$TMP/fan.mustache:2:25: error: rendering takes more than 50000000 steps (MUSTACHE_MAX_WORK); do sections over lists nest inside each other?"
expect_empty_out "fan-out: nothing on stdout"
ms=$(( (t1 - t0) / 1000000 ))
# A guard against a hang, not a speed target (bench/mustache/fanout.sh
# measures that): about 300 ms; without the limit it would run for years.
if [ "$ms" -lt 60000 ]; then ok "fan-out: ends (in ${ms} ms)"; else
	fail "fan-out: ends in ${ms} ms, over a minute"; fi

# --- a template over MUSTACHE_MAX_TEMPLATE is refused before reading ---
truncate -s 100M "$TMP/huge.mustache"
t0=$(date +%s%N)
run template "$TMP/huge.mustache" --data data.json
t1=$(date +%s%N)
expect_rc "100 MB template: input error" 1
expect_err "100 MB template: names the limit" \
	"$TMP/huge.mustache:1:1: error: template is larger than 8 MiB (MUSTACHE_MAX_TEMPLATE)"
ms=$(( (t1 - t0) / 1000000 ))
# Reading 100 MB and then refusing would still pass a time bound on a
# fast disk; what matters is that it is refused (a hang guard only).
if [ "$ms" -lt 60000 ]; then ok "100 MB template: refused (in ${ms} ms)"; else
	fail "100 MB template: refused in ${ms} ms"; fi

# --- the official spec suite: every *.json file of the folder ---
spec=${MUSTACHE_SPEC_DIR:-$top/../shared/mustache-spec}
if [ ! -d "$spec" ]; then
	fail "mustache spec: no folder $spec" \
		"put the spec files there or set MUSTACHE_SPEC_DIR (tests/spec/README)"
elif python3 "$top/tests/spec/run-spec.py" --planverk "$PLANVERK" \
	"$spec" >"$TMP/spec.log" 2>&1; then
	ok "mustache spec: $(tail -n 1 "$TMP/spec.log")"
	# the runner read every file and every test of the folder
	want=$(python3 -c '
import glob, json, sys
fs = sorted(glob.glob(sys.argv[1] + "/*.json"))
print("%d tests in %d files" % (sum(len(json.load(open(f))["tests"]) for f in fs), len(fs)))' "$spec")
	got=$(tail -n 1 "$TMP/spec.log" | sed -n \
		's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped in \([0-9]*\) files.*/\1 \2 \3 \4/p' |
		awk '{ printf "%d tests in %d files", $1 + $2 + $3, $4 }')
	if [ "$want" = "$got" ]; then ok "mustache spec: all $want counted"; else
		fail "mustache spec: every file counted" "folder: $want" "runner: $got"; fi
else
	fail "mustache spec: $(tail -n 1 "$TMP/spec.log")" \
		"$(head -40 "$TMP/spec.log")"
fi
