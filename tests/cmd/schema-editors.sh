#!/bin/sh
# tests/cmd/schema-editors.sh - the published schema is what an editor
# checks a plan against (issue 13): a standard validator (Debian's
# python3-jsonschema, draft 2020-12, with format checks) accepts every
# example, starter and document `planverk check` accepts, including
# their "$schema" and "_" notes (a starter as `planverk new` writes it); every bad-input fixture check refuses is
# refused by the schema too, unless it is listed in
# tests/fixtures/check/check-only.txt as a rule no schema can state.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
cd "$top" || exit 1
PY=/usr/bin/python3
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	fail "python3-jsonschema is installed (make deps)"
	exit 0
fi

# what `planverk new` writes for each type (the årsrapport on a plan)
mkdir -p "$TMP/new"
for t in $(ls templates); do
	[ -f "templates/$t/starter.json" ] || continue
	if [ "$t" = arsrapport ]; then
		$PLANVERK new "$t" --plan input/sandnes-kompetanseutviklingsstrategi.json \
		    -o "$TMP/new/$t.json" 2>/dev/null
	else
		$PLANVERK new "$t" -o "$TMP/new/$t.json" 2>/dev/null
	fi
done
starters=$(ls "$TMP"/new/*.json)

# check's verdict on each file, run from its folder as a user would
for f in input/*.json $starters tests/fixtures/check/*.json \
    tests/fixtures/enrich/shapes/*.json; do
	(cd "$(dirname "$f")" && $PLANVERK check "$(basename "$f")" \
	    >/dev/null 2>&1)
	[ $? = 0 ] && v=valid || v=invalid
	echo "$f check=$v"
done | sort >"$TMP/check"
$PY tests/schemaverdict.py templates input/*.json $starters \
    tests/fixtures/check/*.json tests/fixtures/enrich/shapes/*.json \
    2>"$TMP/py" | sort >"$TMP/schema"
join "$TMP/check" "$TMP/schema" >"$TMP/both"
n=$(wc -l <"$TMP/both")
[ "$n" -gt 100 ] && ok "both verdicts for $n documents" ||
	fail "both verdicts for every document" "$n; $(head -3 "$TMP/py")"

for f in input/*.json $starters; do
	if grep -qxF "$f check=valid schema=valid" "$TMP/both"; then
		ok "$f: the schema and check both accept it"
	else
		fail "$f: the schema and check both accept it" "$(grep -F "$f " "$TMP/both")"
	fi
done
stricter=$(awk '$2 == "check=valid" && $3 == "schema=invalid" { print $1 }' "$TMP/both")
[ -z "$stricter" ] && ok "the schema refuses nothing check accepts" ||
	fail "the schema refuses nothing check accepts" "$stricter"
missing=
for f in $(awk '$2 == "check=invalid" && $3 == "schema=valid" { print $1 }' "$TMP/both"); do
	name=$(basename "$f" .json)
	grep -q "^$name " tests/fixtures/check/check-only.txt || missing="$missing $f"
done
[ -z "$missing" ] && ok "what the schema lets through is only what no schema can state" ||
	fail "what the schema lets through is only what no schema can state" "$missing"
