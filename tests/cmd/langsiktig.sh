#!/bin/sh
# The langsiktig-plan type (seed 002, Innlandet): the allocation tables add
# up to the grant exactly, column by column; the year wheel's dates are the
# forum's Thursdays of weeks 3, 10, 25, 38 and 46 with the deadlines, in
# date order; `planverk new langsiktig-plan` writes a starter that checks
# and builds, in all three languages.  The rules' messages are fixtures in
# tests/fixtures/check/langsiktig-*.
. "$(dirname "$0")/../lib.sh"

doc="$top/input/innlandet-langsiktig-plan.json"
run build "$doc" -o "$TMP/inn.pdf" --dump-view "$TMP/view.json"
expect_rc "the Innlandet plan builds" 0
pdftotext -layout "$TMP/inn.pdf" "$TMP/inn.txt" 2>/dev/null

# Every column of the printed allocation sums to what it shares out: the
# networks' parts and the common measures to the grant, each network's
# part to network + UH, the pots to the grant.
if python3 - "$TMP/view.json" "$doc" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
d = json.load(open(sys.argv[2]))
def num(s):
    return int(s.replace('\u00a0', '').replace(' ', ''))
def find(n):
    if isinstance(n, dict):
        if isinstance(n.get('allocation'), dict):
            return n['allocation']
        for x in n.get('sections', []):
            r = find(x)
            if r:
                return r
    return None
a = None
for s in v['sections']:
    a = a or find(s)
grant = d['allocation']['grant']
assert num(a['grant']) == grant, a['grant']
assert num(a['common']) + num(a['equalisation']) + num(a['pro_rata']) == grant
rows = a['networks']
assert len(rows) == len(d['allocation']['networks'])
for col in ('equalisation', 'pro_rata', 'total', 'to_network', 'to_uh',
            'kindergarten_min', 'school_min'):
    assert sum(num(r[col]) for r in rows) == num(a['sum'][col]), col
assert num(a['sum']['equalisation']) == num(a['equalisation'])
assert num(a['sum']['pro_rata']) == num(a['pro_rata'])
assert num(a['sum']['total']) + num(a['common']) == grant
assert num(a['total']) == grant
for r in rows:
    t = num(r['total'])
    assert num(r['equalisation']) + num(r['pro_rata']) == t, r['name']
    assert num(r['to_network']) + num(r['to_uh']) == t, r['name']
    # at most 40 % to the network, at least 35 % to each level
    assert num(r['to_network']) * 10000 <= t * 4000 + 10000, r['name']
    assert num(r['kindergarten_min']) * 10000 >= t * 3500, r['name']
    eq = r['region'] in d['allocation']['equalisation']['regions']
    assert (num(r['equalisation']) > 0) == eq, r['name']
PY
then
	ok "the allocation tables add up to the grant, column by column"
else
	fail "the allocation tables add up to the grant, column by column"
fi
if grep -q "Tilskudd 2026 .* 48 750 000" "$TMP/inn.txt" &&
    grep -q "Sum nettverk .* 43 875 000" "$TMP/inn.txt" &&
    grep -q "Felles kompetansetiltak (INN) .* 10 % .* 4 875 000" "$TMP/inn.txt"; then
	ok "the PDF prints the grant, the networks' sum and the common measures"
else
	fail "the PDF prints the grant, the networks' sum and the common measures" \
	    "$(grep -n "Tilskudd 2026\|Sum nettverk\|Felles kompetansetiltak (INN)" "$TMP/inn.txt")"
fi

# The year wheel: the Thursdays of weeks 3, 10, 25, 38 and 46 of 2026 and
# the deadlines, numbered in date order.
dates=$(sed -n 's/^ *\([0-9]*\) \{1,\}\([0-9][0-9]\.[0-9][0-9]\.2026\) .*/\1 \2/p' "$TMP/inn.txt" | tr '\n' ';')
want="1 15.01.2026;2 01.02.2026;3 01.03.2026;4 05.03.2026;5 18.06.2026;6 17.09.2026;7 02.11.2026;8 12.11.2026;"
if [ "$dates" = "$want" ]; then
	ok "the year wheel's dates, numbered in date order"
else
	fail "the year wheel's dates, numbered in date order" \
	    "got:  $dates" "want: $want"
fi
if grep -q "Årshjul 2026" "$TMP/inn.txt"; then
	ok "the year wheel's caption names the year"
else
	fail "the year wheel's caption names the year"
fi

# Lettered lists come out as lists, footnote references stay in the text.
if grep -q "^ *[0-9a-f][.)] *en vertskommune, for hver av de 9 regionale" "$TMP/inn.txt"; then
	ok "the a)-f) list of grant recipients is a list"
else
	fail "the a)-f) list of grant recipients is a list"
fi

run new langsiktig-plan -o "$TMP/starter.json"
expect_rc "new langsiktig-plan writes a starter" 0
run check "$TMP/starter.json"
expect_rc "the starter checks" 0
for lang in nb nn se; do
	run build "$TMP/starter.json" --lang "$lang" -o "$TMP/starter-$lang.pdf"
	expect_rc "the starter builds in $lang" 0
done
if pdftotext "$TMP/starter-nn.pdf" - | grep -q "Fordeling av tilskotet 2026" &&
    pdftotext "$TMP/starter-se.pdf" - | grep -q "Doarjaga juohkin 2026"; then
	ok "the allocation's labels come from labels.json (nn, se)"
else
	fail "the allocation's labels come from labels.json (nn, se)"
fi
run schema langsiktig-plan
expect_rc "schema prints the langsiktig-plan schema" 0
