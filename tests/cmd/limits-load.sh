#!/bin/sh
# The load stage's limits, each tried just at and just over the limit with
# inputs generated here (megabytes are not committed): the size of the
# file (PV_MAX_INPUT_FILE, 64 MiB), the nesting of arrays and objects
# (LOAD_MAX_DEPTH, 200) and the length of one string (LOAD_MAX_STRING,
# 4 MiB).  Each is refused as an input error with its place, before
# cJSON or the validator does any work.
. "$(dirname "$0")/../lib.sh"

good="$FIX/check/good.json"

# gen OUT PYTHON-EXPRESSION-OF-EXTRA-TEXT: good.json with a member "_x"
# (ignored by the validator) whose JSON text is the expression's value.
gen() {
	python3 - "$good" "$1" "$2" <<'PY'
import sys
good, out, expr = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(good, encoding="utf-8").read()
extra = eval(expr)
assert text.startswith("{\n")
with open(out, "w", encoding="utf-8") as f:
    f.write('{\n  "_x": ' + extra + ",\n" + text[2:])
PY
}

# The whole document is one level; "_x" adds n more.
gen "$TMP/depth-200.json" '"[" * 199 + "]" * 199'
run check "$TMP/depth-200.json"
expect_rc "200 levels of nesting are read" 0
gen "$TMP/depth-201.json" '"[" * 200 + "]" * 200'
run check "$TMP/depth-201.json"
expect_rc "201 levels of nesting are an input error" 1
expect_err "201 levels of nesting are refused at the 201st bracket" \
    "$TMP/depth-201.json:2:208: error: JSON: nested too deeply (at most 200 levels of '[' and '{')"

gen "$TMP/string-4m.json" '"\"" + "a" * (4 * 1024 * 1024) + "\""'
run check "$TMP/string-4m.json"
expect_rc "a string of 4 MiB is read" 0
gen "$TMP/string-4m1.json" '"\"" + "æ" * (2 * 1024 * 1024) + "a\""'
run check "$TMP/string-4m1.json"
expect_rc "a string of 4 MiB and a byte is an input error" 1
expect_err "a string over 4 MiB is refused at its opening quote" \
    "$TMP/string-4m1.json:2:9: error: JSON: a text longer than 4 MiB, the most one string may hold"

# 64 MiB of spaces around a valid document is read; one byte more is not.
python3 - "$good" "$TMP/file-64m.json" "$TMP/file-64m1.json" <<'PY'
import sys
text = open(sys.argv[1], "rb").read()
limit = 64 * 1024 * 1024
for path, size in ((sys.argv[2], limit), (sys.argv[3], limit + 1)):
    with open(path, "wb") as f:
        f.write(text + b" " * (size - len(text)))
PY
run check "$TMP/file-64m.json"
expect_rc "a file of 64 MiB is read" 0
run check "$TMP/file-64m1.json"
expect_rc "a file of 64 MiB and a byte is an input error" 1
expect_err "a file over 64 MiB is refused, naming the limit" \
    "$TMP/file-64m1.json:1:1: error: file is larger than 64 MiB (67108865 bytes); refusing to read it"
