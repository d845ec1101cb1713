#!/bin/sh
# tests/cmd/ci-doc.sh - docs/ci.md's build step, run as CI would run it:
# the lines between its markers, in a fresh git repository holding two
# plans, with planverk on PATH; then again at the same commit, which must
# give the same bytes (the dates are the commit's).
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
unset SOURCE_DATE_EPOCH

sed -n '/<!-- build-step -->/,/<!-- \/build-step -->/p' "$top/docs/ci.md" |
    sed '/^```/d; /^<!--/d' >"$TMP/step.sh"
[ "$(wc -l <"$TMP/step.sh")" -ge 3 ] && ok "docs/ci.md has a build step" ||
	fail "docs/ci.md has a build step"
mkdir -p "$TMP/repo/plans" "$TMP/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$PLANVERK" >"$TMP/bin/planverk"
chmod +x "$TMP/bin/planverk"
cp "$top/input/sondre-land-kompetanseplan.json" \
    "$top/input/ytre-helgeland-behovsmelding.json" "$TMP/repo/plans/"
(cd "$TMP/repo" && git init -q && git add plans &&
    GIT_AUTHOR_DATE=2026-01-15T10:00:00Z GIT_COMMITTER_DATE=2026-01-15T10:00:00Z \
    git -c user.name=ci -c user.email=ci@example.org commit -qm plans) ||
	fail "a git repository of plans"
(cd "$TMP/repo" && PATH="$TMP/bin:$PATH" sh -e "$TMP/step.sh") \
    >"$TMP/out1" 2>&1
rc=$?
[ $rc = 0 ] && ok "the build step succeeds" || fail "the build step succeeds" "$(tail -3 "$TMP/out1")"
for n in sondre-land-kompetanseplan ytre-helgeland-behovsmelding; do
	[ -s "$TMP/repo/out/$n.pdf" ] && ok "out/$n.pdf" || fail "out/$n.pdf"
done
if pdfinfo "$TMP/repo/out/sondre-land-kompetanseplan.pdf" | grep -q "CreationDate:.*Jan 15.* 2026"; then
	ok "the PDF's date is the commit's"
else
	fail "the PDF's date is the commit's" "$(pdfinfo "$TMP/repo/out/sondre-land-kompetanseplan.pdf" | grep Date)"
fi
cp "$TMP/repo/out/sondre-land-kompetanseplan.pdf" "$TMP/first.pdf"
rm -rf "$TMP/repo/out"
(cd "$TMP/repo" && PATH="$TMP/bin:$PATH" sh -e "$TMP/step.sh") >/dev/null 2>&1
cmp -s "$TMP/first.pdf" "$TMP/repo/out/sondre-land-kompetanseplan.pdf" &&
	ok "the same commit builds the same bytes" ||
	fail "the same commit builds the same bytes"
