#!/bin/sh
# Renders every input/*.json to out/NAME.pdf (make example).
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
set -- input/*.json
if [ ! -e "$1" ]; then
	echo "make example: input/ holds no documents yet; nothing to render."
	exit 0
fi
mkdir -p out
status=0
for f in "$@"; do
	name=$(basename "$f" .json)
	if "$bin" build "$f" -o "out/$name.pdf"; then
		echo "out/$name.pdf"
	else
		status=1
	fi
done
exit $status
