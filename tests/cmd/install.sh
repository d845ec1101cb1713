#!/bin/sh
# tests/cmd/install.sh - an installed planverk finds its templates, fonts
# and themes wherever it was installed (issue 13): `make install` into a
# PREFIX and into a DESTDIR staging folder, then the installed binary
# builds a plan from another folder, with PLANVERK_HOME unset.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
unset PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
# expect_rc_of NAME GOT WANT
expect_rc_of() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "exit $2, not $3"; fi; }

make --no-print-directory -s install BUILD="$BUILD" PREFIX="$TMP/opt" \
    >"$TMP/make.out" 2>&1
expect_rc_of "make install PREFIX=\$TMP/opt" $? 0
for f in bin/planverk share/man/man1/planverk.1 \
    share/planverk/templates/kompetanseplan/schema.json \
    share/planverk/fonts/fonts.json share/planverk/themes/default.json; do
	[ -e "$TMP/opt/$f" ] && ok "installed: $f" || fail "installed: $f"
done
mkdir -p "$TMP/work"
cp input/sondre-land-kompetanseplan.json "$TMP/work/plan.json"
(cd "$TMP/work" && "$TMP/opt/bin/planverk" build plan.json -o plan.pdf \
    >"$TMP/out" 2>"$TMP/err")
expect_rc_of "the installed binary builds a plan from another folder" $? 0
if pdftotext "$TMP/work/plan.pdf" - 2>/dev/null | grep -q "Søndre Land"; then
	ok "its PDF holds the plan's words"
else
	fail "its PDF holds the plan's words" "$(cat "$TMP/err")"
fi
(cd "$TMP/work" && "$TMP/opt/bin/planverk" new arsrapport >/dev/null 2>"$TMP/err")
expect_rc_of "the installed binary knows the types (new arsrapport)" $? 0
(cd "$TMP/work" && "$TMP/opt/bin/planverk" new kompetanseplan -o new.json 2>"$TMP/err")
schema=$(sed -n 's|^  "\$schema": "file://\(.*\)",$|\1|p' "$TMP/work/new.json")
if [ "$schema" = "$(cd "$TMP/opt/share/planverk/templates/kompetanseplan" && pwd -P)/schema.json" ] &&
    [ -f "$schema" ]; then
	ok "a new plan's \$schema is the installed schema file, for editors offline"
else
	fail "a new plan's \$schema is the installed schema file, for editors offline" "$schema"
fi

make --no-print-directory -s install BUILD="$BUILD" DESTDIR="$TMP/stage" \
    PREFIX=/opt/planverk >"$TMP/make.out" 2>&1
expect_rc_of "make install DESTDIR=\$TMP/stage PREFIX=/opt/planverk" $? 0
(cd "$TMP/work" && "$TMP/stage/opt/planverk/bin/planverk" build plan.json \
    -o staged.pdf >"$TMP/out" 2>"$TMP/err")
expect_rc_of "the staged binary builds from its staged data" $? 0
if cmp -s "$TMP/work/plan.pdf" "$TMP/work/staged.pdf"; then
	ok "both installs make the same bytes"
else
	fail "both installs make the same bytes"
fi
if man -l "$TMP/opt/share/man/man1/planverk.1" 2>"$TMP/man.err" | grep -q "planverk — turn plan documents" &&
    [ ! -s "$TMP/man.err" ]; then
	ok "the man page reads without a warning (man -l)"
else
	fail "the man page reads without a warning (man -l)" "$(head -3 "$TMP/man.err")"
fi
