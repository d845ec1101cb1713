#!/bin/sh
# tests/cmd/options.sh - every command reads its options with one parser
# (cmd/planverk/cmd_opts.c): --opt VALUE and --opt=VALUE mean the same,
# "--" ends the options, "-" is an argument, an unknown option, a
# missing value and a value option given twice are usage errors worded
# the same for every command, and what --help lists is what is accepted.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=1700000000
cd "$TMP" || exit 1

$PLANVERK new kompetanseplan -o plan.json 2>/dev/null
sed 's/"size": 10.5/"size": 12/' "$top/themes/default.json" >big.json
cp "$FIX/xhtml/box.xhtml" doc.xhtml
mkdir tpl

# same NAME FILE1 FILE2: the two files have the same bytes
same() {
	if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "$2 and $3 differ"; fi
}

# --- --opt=VALUE is --opt VALUE, for every command with value options ---

run build plan.json --theme big.json -o spaced.pdf
expect_rc "build --theme FILE" 0
run build plan.json --theme=big.json -o joined.pdf
expect_rc "build --theme=FILE" 0
same "build: --theme=FILE and --theme FILE give the same PDF" spaced.pdf joined.pdf
run build plan.json -o plain.pdf
if cmp -s plain.pdf joined.pdf; then
	fail "build --theme=FILE: the theme is used" "the PDF is the default theme's"
else ok "build --theme=FILE: the theme is used"; fi
run build plan.json --lang=nn --keep-xhtml=kept.xhtml --dump-view=view.json \
    --templates=tpl --changes-since=plan.json -o lang.pdf
expect_rc "build --lang= --keep-xhtml= --dump-view= --templates= --changes-since=" 0
if [ -s kept.xhtml ] && [ -s view.json ] && grep -q '"changes"' view.json &&
    grep -q 'lang="nn"' kept.xhtml; then
	ok "build: each --opt=VALUE did its work"
else fail "build: each --opt=VALUE did its work"; fi
run build plan.json --templates=nope
expect_err "build --templates=DIR checks the folder" \
    "planverk build: --templates 'nope' is not a folder; see planverk build --help"

run check --theme=no-theme.json plan.json
expect_rc "check --theme=FILE: a missing theme is an input error" 1
expect_err_has "check --theme=FILE: names the theme" "no-theme.json:1:1: error: cannot open"
run check --templates=tpl plan.json
expect_rc "check --templates=DIR" 0

run typeset doc.xhtml --theme big.json -o spaced.pdf
run typeset doc.xhtml --theme=big.json -o joined.pdf
expect_rc "typeset --theme=FILE" 0
same "typeset: --theme=FILE and --theme FILE give the same PDF" spaced.pdf joined.pdf
run typeset doc.xhtml --fonts=no-fonts.json -o x.pdf
expect_rc "typeset --fonts=FILE: a missing map is an input error" 1
expect_err_has "typeset --fonts=FILE: names the map" "no-fonts.json:1:1: error:"

run watch plan.json --theme=no-theme.json
expect_err "watch --theme=FILE: checked before watching" \
    "planverk watch: the theme 'no-theme.json' does not exist; see planverk watch --help"
run watch plan.json --lang=x/y
expect_rc "watch --lang=VALUE: checked before watching" 2
expect_err_has "watch --lang=VALUE: says why" "--lang takes a language code such as nb, nn or se, not 'x/y'"
run watch plan.json --templates=nope
expect_err "watch --templates=DIR checks the folder" \
    "planverk watch: --templates 'nope' is not a folder; see planverk watch --help"

run diff --templates=tpl plan.json plan.json
expect_rc "diff --templates=DIR" 0
run schema --templates=tpl kompetanseplan
expect_rc "schema --templates=DIR" 0
expect_out_has "schema --templates=DIR prints the schema" '"$schema"'
run new arsrapport --plan=plan.json --templates=tpl -o report.json
expect_rc "new --plan=FILE --templates=DIR" 0
if grep -q '"plan"' report.json; then ok "new --plan=FILE: the report is on the plan"
else fail "new --plan=FILE: the report is on the plan"; fi
printf 'Hei {{name}}{{> p}}\n' >t.mustache
printf '{"name": "Kari"}\n' >d.json
mkdir parts
printf '!' >parts/p.mustache
run template t.mustache --data=d.json --partials=parts
expect_out "template --data=FILE --partials=DIR" "Hei Kari!
"

# --- an unknown option, the same words for every command ---------------

for sub in build check typeset watch diff new schema template; do
	run $sub --frobnicate=1 x
	expect_rc "$sub --frobnicate: a usage error" 2
	expect_err "$sub --frobnicate: named, with where to look" \
	    "planverk $sub: unknown option --frobnicate; see planverk $sub --help"
done
run build plan.json -x
expect_err "a short option that is not one" \
    "planverk build: unknown option -x; see planverk build --help"
run --frobnicate build plan.json
expect_err "planverk's own unknown option" \
    "planverk: unknown option --frobnicate; see planverk --help"

# --- a missing value ------------------------------------------------------

for sub in build typeset watch new; do
	run $sub x -o
	expect_rc "$sub -o at the end: a usage error" 2
	expect_err "$sub -o at the end: says so" \
	    "planverk $sub: option -o needs a value; see planverk $sub --help"
done
for sub in build check typeset watch; do
	run $sub x --theme
	expect_err "$sub --theme without a value: the same words" \
	    "planverk $sub: option --theme needs a value; see planverk $sub --help"
	run $sub x --theme=
	expect_err "$sub --theme= (empty): a missing value" \
	    "planverk $sub: option --theme needs a value; see planverk $sub --help"
	run $sub x --strict=yes
	expect_err "$sub --strict=yes: a flag takes no value" \
	    "planverk $sub: option --strict takes no value; see planverk $sub --help"
done
for sub in build check watch diff new schema; do
	run $sub x --templates
	expect_err "$sub --templates without a value: the same words" \
	    "planverk $sub: option --templates needs a value; see planverk $sub --help"
done
run template t.mustache --data
expect_err "template --data without a value" \
    "planverk template: option --data needs a value; see planverk template --help"
run build plan.json -d
expect_err "build -d without a value" \
    "planverk build: option -d needs a value; see planverk build --help"

# --- given twice ----------------------------------------------------------

rm -f a.pdf b.pdf
run build plan.json -o a.pdf -o b.pdf
expect_rc "build -o twice: a usage error" 2
expect_err "build -o twice: says so" \
    "planverk build: option -o given twice; see planverk build --help"
if [ ! -e a.pdf ] && [ ! -e b.pdf ]; then ok "build -o twice: nothing written"
else fail "build -o twice: nothing written"; fi
run check --theme=big.json --theme big.json plan.json
expect_err "check --theme twice, in both forms: says so" \
    "planverk check: option --theme given twice; see planverk check --help"
run build plan.json --strict --strict -o twice.pdf
expect_rc "build --strict twice: says the same thing, builds" 0

# --- "--" ends the options; "-" is an argument -------------------------

cp plan.json ./-x.json
run check -x.json
expect_err "check -x.json: read as an option" \
    "planverk check: unknown option -x.json; see planverk check --help"
run check -- -x.json
expect_rc "check -- -x.json: the file is checked" 0
run build --strict -- -x.json
expect_rc "build -- -x.json" 0
if [ -s ./-x.pdf ]; then ok "build -- -x.json writes -x.pdf beside it"
else fail "build -- -x.json writes -x.pdf beside it"; fi
mkdir outdir
run build -d outdir -j 2 -- -x.json plan.json
expect_rc "build -d DIR -- -x.json plan.json (each in a process of its own)" 0
if [ -s outdir/-x.pdf ] && [ -s outdir/plan.pdf ]; then
	ok "build -d: -x.pdf and plan.pdf in the folder"
else fail "build -d: -x.pdf and plan.pdf in the folder"; fi
run diff -- -x.json plan.json
expect_rc "diff -- -x.json plan.json" 0
run build plan.json -o -
if head -c 5 "$out" | grep -q '^%PDF-'; then ok "build -o -: the PDF on standard output"
else fail "build -o -: the PDF on standard output"; fi
run check -
expect_rc "check -: an argument (a file that is not there), not an option" 1
expect_err "check -: file-level error" "-:1:1: error: cannot open: No such file or directory"

# --- --diagnostics and --help, for every command --------------------------

for sub in build check typeset watch diff new schema template; do
	run $sub --diagnostics=yaml
	expect_err "$sub --diagnostics=yaml: the same words" \
	    "planverk $sub: --diagnostics takes text, json or github, not 'yaml'; see planverk $sub --help"
done
run --diagnostics=json check missing.json
expect_err "planverk --diagnostics=json before the command" \
    '{"file": "missing.json", "line": 1, "column": 1, "end": null, "severity": "error", "path": null, "message": "cannot open: No such file or directory", "hint": null}'

# --- what --help lists is accepted, and the shared options are --------

# The options a command's table has (cmd_*.c), and so its --help.
opts_build="-o -d -j --theme --lang --keep-xhtml --strict --templates --dump-view --changes-since"
opts_check="--strict --templates --theme"
opts_typeset="-o --theme --fonts --strict --dump-doc --dump-layout"
opts_watch="-o --theme --lang --strict --templates"
opts_diff="--json --templates"
opts_new="-o --templates --plan"
opts_schema="--templates"
opts_template="--data --partials --strict"
for sub in build check typeset watch diff new schema template; do
	eval "list=\$opts_$sub"
	$PLANVERK $sub --help >help.txt 2>&1
	for o in $list; do
		if grep -q -- "$o\\b" help.txt; then :; else
			fail "$sub --help lists $o"
			continue 2
		fi
		$PLANVERK $sub "$o" >/dev/null 2>stderr.txt
		if grep -q "unknown option" stderr.txt; then
			fail "$sub accepts $o" "$(cat stderr.txt)"
			continue 2
		fi
	done
	ok "$sub --help lists its options, and each is accepted"
	# the other way: each option --help names is one
	for o in $(grep -o -- '\(^\|[ [(]\)--\?[a-z][a-z-]*' help.txt |
	    sed 's/^[ [(]//' | sort -u); do
		$PLANVERK $sub "$o" >/dev/null 2>stderr.txt
		if grep -q "unknown option" stderr.txt; then
			fail "$sub --help names only options it takes" "$o: $(cat stderr.txt)"
			continue 2
		fi
	done
	ok "$sub --help names only options it takes"
done
