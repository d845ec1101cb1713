#!/bin/sh
# tests/fuzz/seeds.sh NAME DIR - copy the starting inputs of fuzz harness
# NAME into DIR: the project's own examples, fixtures and templates, so
# that the fuzzers start from real documents and `make check` replays
# them too.  Prints nothing; fails if a harness has no seeds.
set -eu
name=$1
dir=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
cd "$top"
n=0
put() {
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"
		n=$((n + 1))
	done
}
case $name in
plan | build)
	put input/*.json tests/fixtures/check/*.json docs/examples/*.json \
	    templates/*/starter.json tests/fixtures/enrich/*.json \
	    tests/fixtures/enrich/shapes/*.json ;;
mustache)
	put templates/*/*.mustache tests/fixtures/template/*.mustache ;;
xhtml)
	put tests/fixtures/xhtml/*.xhtml tests/fixtures/layout/*.xhtml ;;
markdown)
	# Every string of the examples, as a block (first byte 0) and as an
	# inline field (first byte 1).
	n=$(python3 - "$dir" input/*.json <<'PY'
import json, sys, hashlib
out = sys.argv[1]
seen = set()
def walk(v):
    if isinstance(v, str):
        if len(v) > 20 and v not in seen:
            seen.add(v)
            yield v
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)
    elif isinstance(v, dict):
        for x in v.values():
            yield from walk(x)
k = 0
for f in sys.argv[2:]:
    for s in walk(json.load(open(f, encoding="utf-8"))):
        h = hashlib.sha1(s.encode()).hexdigest()[:12]
        for mode in (b"0", b"1"):
            open(f"{out}/seed-md-{mode.decode()}-{h}", "wb").write(mode + s.encode())
            k += 1
print(k)
PY
) ;;
image)
	put tests/fixtures/emit/*.png tests/fixtures/emit/*.jpg \
	    tests/fixtures/xhtml/img/* ;;
theme)
	put themes/*.json tests/fixtures/theme/*.json
	printf '#fontmap\n' | cat - fonts/fonts.json >"$dir/seed-fontmap"
	n=$((n + 1)) ;;
font)
	put /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf \
	    /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ;;
*)
	echo "seeds.sh: no harness '$name'" >&2
	exit 2 ;;
esac
if [ "$n" -eq 0 ]; then
	echo "seeds.sh: no seeds for '$name'" >&2
	exit 1
fi
