#!/bin/sh
# tests/cmd/watch.sh - `planverk watch` (issue 13): builds at start, again
# when the plan, a template of --templates, or the plan an annual report
# is on changes (saved as editors do: a temporary file renamed over the
# old one); a broken plan prints its problem and keeps the last good PDF;
# SIGINT ends it with status 0 and no temporary files.  Every wait has a
# timeout, so the test never hangs.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
cd "$top" || exit 1

# Usage errors exit 2 before watching.
run watch
expect_rc "no plan: a usage error" 2
run watch "$TMP/nowhere.json"
expect_rc "a plan that does not exist: a usage error" 2
expect_err_has "it names the plan" "$TMP/nowhere.json"
run watch input/sondre-land-kompetanseplan.json --fast
expect_rc "an unknown option: a usage error" 2
run watch input/sondre-land-kompetanseplan.json -o -
expect_rc "-o - (standard output): a usage error" 2
run watch input/sondre-land-kompetanseplan.json --lang de
expect_rc "a language the type's labels lack: a usage error" 2
expect_err_has "it says which there are" "--lang takes one of the languages of the type's labels"

pids=""
trap 'for p in $pids; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$TMP"' EXIT

# wait_until SECONDS CMD...: poll CMD every 0.1 s; 1 on timeout.
wait_until() {
	n=$(($1 * 10))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}
pdf_has() { pdftotext "$1" - 2>/dev/null | grep -qF -- "$2"; }
built_count() { grep -c " built " "$1"; }
has_lines() { [ "$(built_count "$1")" -ge "$2" ]; }
log_has() { grep -qF -- "$2" "$1"; }
# save FILE SED-EXPR: rewrite FILE through a temporary file and a
# rename, as an editor saves
save() {
	sed "$2" "$1" >"$1.tmp~" && mv "$1.tmp~" "$1"
}
# stop PID: SIGINT, then its exit status in $rc (timeout: 124)
stop() {
	kill -INT "$1"
	if wait_until 20 sh -c "! kill -0 $1 2>/dev/null"; then
		wait "$1"
		rc=$?
	else
		kill -KILL "$1"
		rc=124
	fi
}

mkdir -p "$TMP/w" "$TMP/tpl/kompetanseplan"
cp input/sondre-land-kompetanseplan.json "$TMP/w/plan.json"
cp templates/kompetanseplan/cover.mustache "$TMP/tpl/kompetanseplan/"
log="$TMP/watch.log"
$PLANVERK watch "$TMP/w/plan.json" --templates "$TMP/tpl" >"$log" 2>&1 &
pid=$!
pids="$pids $pid"
pdf="$TMP/w/plan.pdf"

if wait_until 20 has_lines "$log" 1 && [ -s "$pdf" ]; then
	ok "the first build at start"
else
	fail "the first build at start" "$(cat "$log")"
fi
if grep -qE "^[0-9]{2}:[0-9]{2}:[0-9]{2} built $pdf \([0-9]+ pages, [0-9]+ ms\)$" "$log"; then
	ok "a line says what was built: time, PDF, pages, milliseconds"
else
	fail "a line says what was built: time, PDF, pages, milliseconds" "$(cat "$log")"
fi

save "$TMP/w/plan.json" 's/Plan for videreutdanning og skolebasert/Plan for vaktbikkjer og skolebasert/'
if wait_until 20 pdf_has "$pdf" "vaktbikkjer"; then
	ok "a changed title is rebuilt into the PDF"
else
	fail "a changed title is rebuilt into the PDF" "$(cat "$log")"
fi
wait_until 20 has_lines "$log" 2
cp "$pdf" "$TMP/good.pdf"

cp "$TMP/w/plan.json" "$TMP/plan.good"
printf '{ "type": "kompetanseplan",\n' >"$TMP/w/plan.json.tmp~"
mv "$TMP/w/plan.json.tmp~" "$TMP/w/plan.json"
if wait_until 20 log_has "$log" "failed: the last good $pdf is kept"; then
	ok "a broken plan: the build fails and says the PDF is kept"
else
	fail "a broken plan: the build fails and says the PDF is kept" "$(cat "$log")"
fi
if log_has "$log" "$TMP/w/plan.json:2:1: error: JSON"; then
	ok "the problem is printed as build prints it"
else
	fail "the problem is printed as build prints it" "$(cat "$log")"
fi
if cmp -s "$pdf" "$TMP/good.pdf"; then
	ok "the last good PDF is still there, unchanged"
else
	fail "the last good PDF is still there, unchanged"
fi

cp "$TMP/plan.good" "$TMP/w/plan.json.tmp~"
mv "$TMP/w/plan.json.tmp~" "$TMP/w/plan.json"
if wait_until 20 has_lines "$log" 3; then
	ok "the plan fixed again: rebuilt"
else
	fail "the plan fixed again: rebuilt" "$(cat "$log")"
fi

save "$TMP/tpl/kompetanseplan/cover.mustache" 's/<p class="byline">/<p class="byline">Vaktmerke · /'
if wait_until 20 pdf_has "$pdf" "Vaktmerke"; then
	ok "a changed template of --templates is rebuilt into the PDF"
else
	fail "a changed template of --templates is rebuilt into the PDF" "$(cat "$log")"
fi
wait_until 20 has_lines "$log" 4
n=$(built_count "$log")
touch "$TMP/w/.plan.json.swp" "$TMP/w/other.json"
sleep 0.5
if [ "$(built_count "$log")" = "$n" ]; then
	ok "other files beside the plan do not rebuild"
else
	fail "other files beside the plan do not rebuild" "$(cat "$log")"
fi

stop "$pid"
expect_rc "SIGINT: exit status 0" 0
if ls -a "$TMP/w" | grep -q '^\.planverk-'; then
	fail "no temporary files left" "$(ls -a "$TMP/w")"
else
	ok "no temporary files left"
fi
[ -s "$pdf" ] && ok "the PDF stays" || fail "the PDF stays"

# The theme and the font map are watched: a data folder of our own,
# its templates the tree's, its font map a copy; --templates DIR whose
# DIR/<type>/ is only made later.
mkdir -p "$TMP/home/fonts" "$TMP/t" "$TMP/tpl2"
ln -s "$top/templates" "$TMP/home/templates"
cp fonts/fonts.json "$TMP/home/fonts/"
cp themes/default.json "$TMP/t/theme.json"
cp input/sondre-land-kompetanseplan.json "$TMP/t/plan.json"
log="$TMP/watch-t.log"
PLANVERK_HOME="$TMP/home" $PLANVERK watch "$TMP/t/plan.json" \
    --theme "$TMP/t/theme.json" --templates "$TMP/tpl2" >"$log" 2>&1 &
pid=$!
pids="$pids $pid"
wait_until 20 has_lines "$log" 1
save "$TMP/t/theme.json" 's/"top": "25mm"/"top": "26mm"/'
if wait_until 20 has_lines "$log" 2; then
	ok "a change to the theme: rebuilt"
else
	fail "a change to the theme: rebuilt" "$(cat "$log")"
fi
save "$TMP/home/fonts/fonts.json" 's/"families"/"families"/'
if wait_until 20 has_lines "$log" 3; then
	ok "a change to the font map: rebuilt"
else
	fail "a change to the font map: rebuilt" "$(cat "$log")"
fi
mkdir "$TMP/tpl2/kompetanseplan.tmp~"
sed 's/<p class="byline">/<p class="byline">Nymappe · /' \
    templates/kompetanseplan/cover.mustache \
    >"$TMP/tpl2/kompetanseplan.tmp~/cover.mustache"
mv "$TMP/tpl2/kompetanseplan.tmp~" "$TMP/tpl2/kompetanseplan"
if wait_until 20 pdf_has "$TMP/t/plan.pdf" "Nymappe"; then
	ok "the type's folder of --templates made after the start: rebuilt"
else
	fail "the type's folder of --templates made after the start: rebuilt" "$(cat "$log")"
fi
stop "$pid"
expect_rc "stopped: exit status 0" 0

# An annual report: its plan (meta.plan) is watched too, also when it
# is only created after the watcher started.
mkdir -p "$TMP/a"
cp input/sandnes-arsrapport-2019.json "$TMP/a/rapport.json"
log="$TMP/watch-a.log"
$PLANVERK watch "$TMP/a/rapport.json" -o "$TMP/a/out.pdf" >"$log" 2>&1 &
pid=$!
pids="$pids $pid"
if wait_until 20 log_has "$log" "failed: no $TMP/a/out.pdf written yet"; then
	ok "a report whose plan is missing fails, and says no PDF is written"
else
	fail "a report whose plan is missing fails, and says no PDF is written" "$(cat "$log")"
fi
cp input/sandnes-kompetanseutviklingsstrategi.json "$TMP/a/plan.tmp~"
mv "$TMP/a/plan.tmp~" "$TMP/a/sandnes-kompetanseutviklingsstrategi.json"
if wait_until 20 has_lines "$log" 1 && [ -s "$TMP/a/out.pdf" ]; then
	ok "the report's plan created later: built"
else
	fail "the report's plan created later: built" "$(cat "$log")"
fi
save "$TMP/a/sandnes-kompetanseutviklingsstrategi.json" 's/"title": "/"title": "Vakt /'
if wait_until 20 has_lines "$log" 2; then
	ok "a change to the report's plan: rebuilt"
else
	fail "a change to the report's plan: rebuilt" "$(cat "$log")"
fi
kill -TERM "$pid"
if wait_until 20 sh -c "! kill -0 $pid 2>/dev/null"; then
	wait "$pid"
	rc=$?
else
	rc=124
fi
expect_rc "SIGTERM: exit status 0" 0
