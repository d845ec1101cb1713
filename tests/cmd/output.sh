#!/bin/sh
# tests/cmd/output.sh - where planverk writes and what it opens (issue 8,
# items 1, 2, 4, 9, 13): an output is a regular file, a folder's new file
# or standard output, never a device, FIFO, symbolic link or one of the
# run's inputs; every input is a regular file (a FIFO never blocks us);
# a signal during the write leaves no temporary file; a write error on
# standard output is exit 3 with a message.  Each check also looks that
# the files involved are as they were.
. "$(dirname "$0")/../lib.sh"
: "${PLANVERK_HOME:=$top}"
export PLANVERK_HOME
export SOURCE_DATE_EPOCH=0

cd "$TMP" || exit 1
cp "$FIX/check/good.json" plan.json
cp "$FIX/xhtml/img/logo.png" logo.png
mkfifo fifo
mkdir out
printf '{{type}}\n' >t.mustache
NOTREG="not a regular file"

# unchanged NAME FILE COPY: FILE still has the bytes of COPY
unchanged() {
	if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "$2 was changed"; fi
}
# is_fifo NAME PATH
is_fifo() {
	if [ -p "$2" ]; then ok "$1"; else fail "$1" "$2 is no longer a FIFO"; fi
}
# no_temp NAME: no .planverk-* temporary file is left anywhere here
no_temp() {
	left=$(find "$TMP" -name '.planverk-*' | head -3)
	if [ -z "$left" ]; then ok "$1"; else fail "$1" "left behind: $left"; fi
}
cp plan.json plan.orig

# ---- 1. outputs that are not regular files ----
run build plan.json -o fifo
expect_rc "build -o FIFO: refused, exit 3" 3
expect_err_has "build -o FIFO: says it is not a regular file" "fifo:1:1: error: cannot write: $NOTREG"
is_fifo "build -o FIFO: the FIFO is still a FIFO" fifo

if [ "$(id -u)" = 0 ]; then
	# Copies of /dev/null and /dev/full: a failing fix must not be able
	# to replace the machine's own devices.
	mknod null c 1 3 && mknod full c 1 7
	for dev in null full; do
		run build plan.json -o $dev
		expect_rc "build -o a device ($dev): refused, exit 3" 3
		expect_err_has "build -o a device ($dev): says why" "$dev:1:1: error: cannot write: $NOTREG"
		if [ -c $dev ]; then ok "build -o a device ($dev): still a device"
		else fail "build -o a device ($dev): still a device"; fi
	done
	run new kompetanseplan -o full
	expect_rc "new -o a device: refused, exit 3" 3
	if [ -c full ]; then ok "new -o a device: still a device"
	else fail "new -o a device: still a device"; fi
fi

ln -s out/x.pdf link.pdf
run build plan.json -o link.pdf
expect_rc "build -o a symbolic link: refused, exit 3" 3
expect_err_has "build -o a symbolic link: says why" "link.pdf:1:1: error: cannot write: it is a symbolic link"
if [ -L link.pdf ] && [ ! -e out/x.pdf ]; then ok "build -o a symbolic link: link and target as they were"
else fail "build -o a symbolic link: link and target as they were"; fi

# As /dev/stdout is (a copy: a failing fix must not replace the real one).
ln -s /proc/self/fd/1 stdout-link
run build plan.json -o stdout-link
expect_rc "build -o a link like /dev/stdout: refused, exit 3" 3
if [ -L stdout-link ]; then ok "build -o a link like /dev/stdout: still the link"
else fail "build -o a link like /dev/stdout: still the link"; fi

run build plan.json -o -
expect_rc "build -o -: the PDF on standard output" 0
if head -c 5 "$out" | grep -q '^%PDF-'; then ok "build -o -: standard output is a PDF"
else fail "build -o -: standard output is a PDF"; fi
if [ ! -e ./- ]; then ok "build -o -: no file named '-'"; else fail "build -o -: no file named '-'"; fi

$PLANVERK build plan.json -o - >/dev/full 2>"$TMP/stderr"
rc=$?
err="$TMP/stderr"
expect_rc "build -o - >/dev/full: exit 3" 3
expect_err_has "build -o - >/dev/full: says why" "cannot write to standard output: No space left on device"

cp plan.json append.json
$PLANVERK build append.json -o - >>append.json 2>"$TMP/stderr"
rc=$?
err="$TMP/stderr"
expect_rc "build X.json -o - >>X.json: refused, exit 2" 2
unchanged "build X.json -o - >>X.json: the plan is unchanged" append.json plan.orig

run build plan.json -o out/
expect_rc "build -o FOLDER/: written" 0
if [ -s out/plan.pdf ]; then ok "build -o FOLDER/: FOLDER/INPUT.pdf"; else fail "build -o FOLDER/: FOLDER/INPUT.pdf"; fi
rm -f out/plan.pdf
run build plan.json -o out --keep-xhtml out
expect_rc "build -o FOLDER --keep-xhtml FOLDER: written" 0
if [ -s out/plan.pdf ] && [ -s out/plan.xhtml ]; then ok "build -o FOLDER: INPUT.pdf and INPUT.xhtml in it"
else fail "build -o FOLDER: INPUT.pdf and INPUT.xhtml in it"; fi
run build plan.json -o same.out --keep-xhtml same.out
expect_rc "build: -o and --keep-xhtml the same file is a usage error" 2

run build plan.json --keep-xhtml fifo -o out/k.pdf
expect_rc "build --keep-xhtml FIFO: refused, exit 3" 3
is_fifo "build --keep-xhtml FIFO: still a FIFO" fifo
if [ ! -e out/k.pdf ]; then ok "build --keep-xhtml FIFO: refused before the work (no PDF)"
else fail "build --keep-xhtml FIFO: refused before the work (no PDF)"; fi

# ---- 2. an output that is an input of the run ----
cp plan.json same.json
cp plan.json same.orig
run build same.json -o same.json
expect_rc "build X.json -o X.json: refused, exit 2" 2
expect_err_has "build X.json -o X.json: says why" "same.json:1:1: error: cannot write: it is an input of this run (same.json)"
unchanged "build X.json -o X.json: the plan is unchanged" same.json same.orig

ln -s same.json via-link.json
run build via-link.json -o out/../same.json
expect_rc "build through a link and ..: refused, exit 2" 2
unchanged "build through a link and ..: the plan is unchanged" same.json same.orig

ln same.json hard.json
run build same.json -o hard.json
expect_rc "build -o a hard link of the input: refused, exit 2" 2
unchanged "build -o a hard link of the input: the plan is unchanged" same.json same.orig

run build same.json -o via-link.json
expect_rc "build -o a link to the input: refused, exit 2" 2
unchanged "build -o a link to the input: the plan is unchanged" same.json same.orig

sed "s|\"owner\": {|\"owner\": {\"logo\": \"$TMP/logo.png\", |" plan.json >logo.json
cp logo.png logo.orig
run build logo.json -o logo.png
expect_rc "build -o the logo: refused, exit 2" 2
expect_err_has "build -o the logo: says why" "logo.png:1:1: error: cannot write: it is an input of this run"
unchanged "build -o the logo: the image is unchanged" logo.png logo.orig
run build logo.json -o out/logo.pdf --keep-xhtml logo.png
expect_rc "build --keep-xhtml the logo: refused" 2
unchanged "build --keep-xhtml the logo: the image is unchanged" logo.png logo.orig

printf '{"page": {"size": "A4"}}\n' >theme.json
cp theme.json theme.orig
run build plan.json --theme theme.json -o theme.json
expect_rc "build -o the theme: refused, exit 2" 2
unchanged "build -o the theme: the theme is unchanged" theme.json theme.orig

$PLANVERK build plan.json --keep-xhtml doc.xhtml -o out/doc.pdf 2>/dev/null
cp doc.xhtml doc.orig
run typeset doc.xhtml -o doc.xhtml
expect_rc "typeset X -o X: refused, exit 2" 2
unchanged "typeset X -o X: the document is unchanged" doc.xhtml doc.orig
run typeset doc.xhtml -o fifo
expect_rc "typeset -o FIFO: refused, exit 3" 3
is_fifo "typeset -o FIFO: still a FIFO" fifo
run typeset doc.xhtml -o -
expect_rc "typeset -o -: exit 0" 0
if head -c 5 "$out" | grep -q '^%PDF-'; then ok "typeset -o -: standard output is a PDF"
else fail "typeset -o -: standard output is a PDF"; fi
run typeset doc.xhtml -o out/
if [ "$rc" = 0 ] && [ -s out/doc.pdf ]; then ok "typeset -o FOLDER/: FOLDER/DOC.pdf"
else fail "typeset -o FOLDER/: FOLDER/DOC.pdf"; fi
run typeset doc.xhtml --dump-doc -o -
expect_rc "typeset --dump-doc -o -: a usage error (both on stdout)" 2

run new kompetanseplan -o fifo
expect_rc "new -o FIFO: refused, exit 3" 3
is_fifo "new -o FIFO: still a FIFO" fifo
run new kompetanseplan -o -
expect_rc "new -o -: standard output" 0
expect_out_has "new -o -: the starter on standard output" '"type": "kompetanseplan"'
run new kompetanseplan -o out/
if [ "$rc" = 0 ] && [ -s out/kompetanseplan.json ]; then ok "new -o FOLDER/: FOLDER/TYPE.json"
else fail "new -o FOLDER/: FOLDER/TYPE.json"; fi
run new kompetanseplan -o plan.json
expect_rc "new -o an existing file: refused" 2
unchanged "new -o an existing file: unchanged" plan.json plan.orig

# ---- 9. inputs that are not regular files never block ----
sed "s|\"owner\": {|\"owner\": {\"logo\": \"$TMP/fifo\", |" plan.json >fifo-logo.json
$PLANVERK build fifo-logo.json -o out/fifo-logo.pdf >"$TMP/stdout" 2>"$TMP/stderr" &
pid=$!
n=0
while kill -0 $pid 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
if kill -0 $pid 2>/dev/null; then
	kill -9 $pid
	wait $pid
	fail "build with a FIFO as logo: does not block"
else
	wait $pid
	rc=$?
	ok "build with a FIFO as logo: does not block"
	expect_rc "build with a FIFO as logo: input error" 1
	expect_err_has "build with a FIFO as logo: names the file, at its JSON member" \
	    "meta.owner.logo: the image \"$TMP/fifo\" is not a regular file"
fi
for args in "check fifo" "build plan.json --theme fifo -o out/t.pdf" \
    "typeset doc.xhtml --fonts fifo -o out/t.pdf" "typeset fifo -o out/t.pdf" \
    "template fifo --data plan.json" "template t.mustache --data fifo"; do
	timeout 10 $PLANVERK $args >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	err="$TMP/stderr"
	expect_rc "$args: an input error, at once" 1
	expect_err_has "$args: names the FIFO" "fifo:1:1: error: $NOTREG"
done
run check out
expect_rc "check FOLDER: an input error" 1
expect_err_has "check FOLDER: says it is a folder" "out:1:1: error: is a folder, not a file"

# A file over the input limit is refused from its size, unread.
truncate -s 100G huge.json
run check huge.json
expect_rc "check of a 100 GiB file: refused" 1
expect_err_has "check of a 100 GiB file: refused from its size" \
    "huge.json:1:1: error: file is larger than 64 MiB (107374182400 bytes); refusing to read it"

# ---- 13. standard output ----
for args in "schema kompetanseplan" "new kompetanseplan" "--version" "--help" \
    "template t.mustache --data plan.json" \
    "typeset doc.xhtml --dump-doc" "typeset doc.xhtml --dump-layout" "build --help"; do
	$PLANVERK $args >/dev/full 2>"$TMP/stderr"
	rc=$?
	err="$TMP/stderr"
	expect_rc "$args >/dev/full: exit 3" 3
	expect_err_has "$args >/dev/full: says why" "standard output: No space left on device"
done
# A pipe whose reader has gone: EPIPE, not death by SIGPIPE.
for args in "schema kompetanseplan" "typeset doc.xhtml --dump-layout"; do
	python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
sys.stderr.write(p.stderr.decode())
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
' $PLANVERK $args 2>"$TMP/stderr"
	rc=$?
	err="$TMP/stderr"
	expect_rc "$args into a closed pipe: exit 3" 3
	expect_err_has "$args into a closed pipe: says why" "cannot write to standard output: Broken pipe"
done
# Standard output closed: our files must not take its number.
$PLANVERK build plan.json -o out/closed.pdf >&- 2>"$TMP/stderr"
rc=$?
err="$TMP/stderr"
expect_rc "build with standard output closed: the PDF is written" 0
if head -c 5 out/closed.pdf | grep -q '^%PDF-'; then ok "build with standard output closed: a whole PDF"
else fail "build with standard output closed: a whole PDF"; fi
$PLANVERK --version >&- 2>"$TMP/stderr"
rc=$?
expect_rc "--version with standard output closed: exit 3" 3

# ---- 4. a signal during the write removes the temporary file ----
# PLANVERK_TEST_WRITE_PAUSE holds the writer between the temporary
# file and the rename; the signal comes then.
$PLANVERK build plan.json -o out/sig.pdf 2>/dev/null
cp out/sig.pdf sig.orig
for sig in TERM INT HUP; do
	# A background job of a script ignores SIGINT: restore the default
	# (as in a terminal), then run planverk.  Another date: another PDF.
	SOURCE_DATE_EPOCH=86400 PLANVERK_TEST_WRITE_PAUSE=20000 python3 -c '
import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])
' $PLANVERK build plan.json -o out/sig.pdf --keep-xhtml out/sig.xhtml \
	    2>/dev/null &
	pid=$!
	n=0
	while [ -z "$(find out -name '.planverk-*')" ] && [ $n -lt 300 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	if [ -n "$(find out -name '.planverk-*')" ]; then ok "SIG$sig: the temporary file was there"
	else fail "SIG$sig: the temporary file was there"; fi
	kill -$sig $pid
	wait $pid
	rc=$?
	if [ $rc -gt 128 ]; then ok "SIG$sig: planverk ended by the signal (status $rc)"
	else fail "SIG$sig: planverk ended by the signal" "status $rc"; fi
	no_temp "SIG$sig during the write: no temporary file left"
	unchanged "SIG$sig during the write: the old PDF is untouched" out/sig.pdf sig.orig
done

unchanged "the plan was never changed" plan.json plan.orig
no_temp "no temporary file left by any of the above"
