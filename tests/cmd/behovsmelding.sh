#!/bin/sh
# The behovsmelding: seed 004 (Ytre Helgeland) built to a PDF that reads
# as the form, with its money table computed, checked against sums made by
# hand from the seed:
#   regional 350 000 + 409 000 = 759 000; desentralisert 470 000 + 409 000
#   = 879 000; kompetanseløftet 400 000 + 346 000 = 746 000
#   owner 350 000 + 470 000 + 400 000 = 1 220 000; UH 409 000 + 409 000
#   + 346 000 = 1 164 000; total 1 220 000 + 1 164 000 = 2 384 000
#   economy 370 000 + 409 000 + 100 000 = 879 000 = the desentralisert row
# The figures must come from the computation, not the typed "expect"
# members: a copy without them prints the same, and a changed amount
# changes the sums.  The grant rules are data (rules.json): a copy of the
# type folder with another share changes the verdict.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
export SOURCE_DATE_EPOCH=1700000000
ex=input/ytre-helgeland-behovsmelding.json

# has PDF PAGE NAME TEXT: a line of page PAGE (or "all") holds TEXT,
# spaces aside
has() {
	if [ "$2" = all ]; then
		pdftotext -layout "$1" "$TMP/p.txt"
	else
		pdftotext -layout -f "$2" -l "$2" "$1" "$TMP/p.txt"
	fi
	if tr -d ' ' <"$TMP/p.txt" | grep -qF -- "$(printf '%s' "$4" | tr -d ' ')"; then
		ok "$3"
	else
		fail "$3" "page $2 lacks: $4"
	fi
}

run build "$ex" -o "$TMP/b.pdf"
expect_rc "build the seed's behovsmelding" 0
if [ ! -s "$err" ]; then ok "the seed passes every rule without a warning"; else
	fail "the seed passes every rule without a warning"; fi
pages=$(pdfinfo "$TMP/b.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$pages" = 3 ]; then ok "the behovsmelding has 3 pages"; else
	fail "the behovsmelding has 3 pages" "it has $pages"; fi
b="$TMP/b.pdf"

# Amounts in messages have no-break spaces ("1 220 000" is never split
# across lines); compare them as plain spaces.
plain_spaces() {
	sed -i 's/\xc2\xa0/ /g' "$err"
}

# The form on page 1, tick boxes from the JSON's booleans
has "$b" 1 "page 1: the title" "Behovsmelding – lokal kompetanseutvikling i"
has "$b" 1 "page 1: the schemes, desentralisert ticked" \
    "Behovsmeldingen gjelder: Regional ordning ☐ Desentralisert ordning ☒ Kompetanseløftet ☐"
has "$b" 1 "page 1: the owners" "Eier: Træna, Lurøy, Leirfjord og Alstahaug kommuner"
has "$b" 1 "page 1: the network" "Kompetansenettverk Ytre Helgeland (GOA)"
has "$b" 1 "page 1: the university" "Universitet/Høgskole: Universitetet i Innlandet"
has "$b" 1 "page 1: the contacts' columns" "Kontaktpersoner: Eier UH"
has "$b" 1 "page 1: the contacts' names" "Navn Kjersti Toft Kjersti Sørmoen Håland"
has "$b" 1 "page 1: the contacts' e-mail" \
    "E-post kjersti.toft@alstahaug.kommune.no Kjersti.haland@inn.no"
has "$b" 1 "page 1: the contacts' mark" "Ev. merkes God opplæring for alle God opplæring for alle"
has "$b" 1 "page 1: several owners: yes" \
    "Partnerskapet består av flere eiere? Ja ☒ (Fyll ut liste) Nei ☐"
has "$b" 1 "page 1: several UH: no" \
    "Partnerskapet består av flere UH? Ja ☐ (Fyll ut liste) Nei ☒"
has "$b" 1 "page 1: the number of measures" \
    "Totalt antall tiltak det er behov for tilskudd til? 5"
has "$b" 1 "page 1: continue from the year before meta.year" \
    "Partnerskapet ønsker å videreføre behovsmelding fra 2024? Ja ☒ Nei ☐"
has "$b" 1 "page 1: the money table's title with meta.year" \
    "Total sum det meldes behov for 2025"
has "$b" 1 "page 1: the money table's columns" "Ordning Eier UH Totalt"
has "$b" 1 "page 1: regional row total" "Regional ordning 350 000 409 000 759 000"
has "$b" 1 "page 1: desentralisert row total" "Desentralisert ordning 470 000 409 000 879 000"
has "$b" 1 "page 1: kompetanseløftet row total" "Kompetanseløftet 400 000 346 000 746 000"
has "$b" 1 "page 1: the column sums" "Sum 1 220 000 1 164 000 2 384 000"
has "$b" 1 "page 1: co-determination" \
    "Behovsmeldingen har vært drøftet i medbestemmelse Ja ☒ Nei ☐"
has "$b" 1 "page 1: who took part, by role" \
    "Hovedtillitsvalgt og medlem av styringsgruppen Jan Erik Lindgaard"
has "$b" 1 "page 1: the form's empty rows" \
    "Klikk eller trykk her for å skrive inn tekst. Klikk eller trykk her for å skrive inn tekst."
has "$b" 1 "page 1: the units' heads" \
    "Private barnehager Offentlige skoler Private skoler PP-tjenester"
has "$b" 1 "page 1: the units, a 0 printed" "14 3 14 0 1"
# The continued measures
has "$b" 2 "page 2: continued measures" "Ved videreføring av tiltak"
has "$b" 2 "page 2: last year's measure ids" "Tiltak fra 2024 som videreføres (3,4,5,6,7)"
has "$b" all "the progress account" "Gi en kort redegjørelse for fremdriften i tiltaket"
has "$b" 3 "page 3: economy, owner" "Ønsket sum eier 370 000"
has "$b" 3 "page 3: economy, coordinator" "Ønsket sum til koordinator 100 000"
has "$b" 3 "page 3: economy total computed" "Total sum 879 000"
has "$b" 3 "page 3: the duration's boxes" "Varighet Vår 2026 ☒ Ut 2026 ☐ vår 2027 ☐"
if python3 tests/pdflinks.py "$b" 2>&1 | grep -q "external 2"; then
	ok "the two e-mail addresses are links"
else
	fail "the two e-mail addresses are links" "$(python3 tests/pdflinks.py "$b" 2>&1 | head -3)"
fi
if python3 tests/pagecheck.py "$b" | grep -q "empty-page=0 overflow=0"; then
	ok "no nearly empty page, nothing past the margin"
else
	fail "no nearly empty page, nothing past the margin" "$(python3 tests/pagecheck.py "$b" | head -3)"
fi

# The sums are computed: without the typed totals the same figures ...
python3 - "$ex" "$TMP/nox.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
del d["amounts"]["expect"]
for r in d["amounts"]["rows"]:
    del r["expect_total"]
del d["continued_measures"]["economy"]["expect_total"]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
run build "$TMP/nox.json" -o "$TMP/nox.pdf"
expect_rc "build without the typed totals" 0
has "$TMP/nox.pdf" 1 "computed: the column sums without expect" "Sum 1 220 000 1 164 000 2 384 000"
has "$TMP/nox.pdf" 1 "computed: a row total without expect_total" "Desentralisert ordning 470 000 409 000 879 000"
has "$TMP/nox.pdf" 3 "computed: the economy's total without expect_total" "Total sum 879 000"
# ... and a changed amount changes them
sed 's/"owner": 350000/"owner": 360001/' "$TMP/nox.json" >"$TMP/chg.json"
run build "$TMP/chg.json" -o "$TMP/chg.pdf"
expect_rc "build with a changed amount" 0
has "$TMP/chg.pdf" 1 "computed: the changed row" "Regional ordning 360 001 409 000 769 001"
has "$TMP/chg.pdf" 1 "computed: the changed sums" "Sum 1 230 001 1 164 000 2 394 001"

# The same amount changed with the typed totals left: errors with both
# numbers and the place
sed 's/"owner": 350000/"owner": 360001/' "$ex" >"$TMP/bad.json"
run check "$TMP/bad.json"
plain_spaces
expect_rc "a typed total that disagrees is an input error" 1
expect_err "the row total's error shows both numbers" \
    "$TMP/bad.json:40:77: error: amounts.rows[0].expect_total: the total of Regional ordning is given as 759 000, but owner + UH is 360 001 + 409 000 = 769 001"
expect_err "the column sum's error shows the addends" \
    "$TMP/bad.json:44:25: error: amounts.expect.owner: the sum of the owner column is given as 1 220 000, but the rows add up to 360 001 + 470 000 + 400 000 = 1 230 001"
expect_err "the grand total's error" \
    "$TMP/bad.json:44:58: error: amounts.expect.total: the sum of the total column is given as 2 384 000, but owner + UH is 1 230 001 + 1 164 000 = 2 394 001"

# nynorsk and North Sami labels
run build --lang nn "$ex" -o "$TMP/nn.pdf"
expect_rc "build in nynorsk" 0
has "$TMP/nn.pdf" 1 "nynorsk: the form's questions" "Behovsmeldinga gjeld:"
has "$TMP/nn.pdf" 1 "nynorsk: a question" "Ønskjer partnarskapet å vidareføre behovsmeldinga frå"
has "$TMP/nn.pdf" 1 "nynorsk: the year filled in" "Total sum det vert meldt behov for 2025"
run build --lang se "$ex" -o "$TMP/se.pdf"
expect_rc "build in North Sami" 0
has "$TMP/se.pdf" 1 "North Sami: the money table's title" "Dárbbuid submi oktiibuot jahkái 2025"

# The rules are data: the type folder's rules.json, beside labels.json
mkdir -p "$TMP/t/behovsmelding"
cp templates/behovsmelding/labels.json "$TMP/t/behovsmelding/"
python3 - templates/behovsmelding/rules.json "$TMP/t/behovsmelding/rules.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
r["owner_share"][0]["min_basis_points"] = 6000
r["deadline"]["month"] = 1
r["deadline"]["day"] = 15
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
sed 's/"year": 2025,/"year": 2025, "date": "2025-01-20",/' "$ex" >"$TMP/dated.json"
run check --templates "$TMP/t" "$TMP/dated.json"
plain_spaces
expect_rc "a warning of a rule does not fail check" 0
expect_err_has "a share from rules.json (60 %) is applied" \
    "amounts.rows[1].owner: the owners carry 470 000 of 879 000 (53,5 %), less than the 60 % Desentralisert ordning expects (rule \"egenandel-desentralisert\" in rules.json)"
expect_err_has "a deadline from rules.json (15 January) is applied" \
    "meta.date: the report is dated 20.01.2025, after the deadline 15.01.2025 for the needs of 2025 (rule \"frist-1-februar\" in rules.json)"
run check "$TMP/dated.json"
expect_rc "the installed rules: 20 January is before 1 February" 0
if [ ! -s "$err" ]; then ok "the installed rules: no warning"; else
	fail "the installed rules: no warning"; fi
python3 - templates/behovsmelding/rules.json "$TMP/t/behovsmelding/rules.json" <<'EOF2'
import json, sys
r = json.load(open(sys.argv[1]))
r["deadline"]["month"] = 13
r["owner_share"][0]["level"] = "advice"
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
EOF2
run check --templates "$TMP/t" "$ex"
expect_rc "a rule's bad parameter is an input error" 1
expect_err_has "it names rules.json, the rule and the range" \
    "rules.json:6:12: error: rule \"frist-1-februar\": \"month\" must be a whole number from 1 to 12"
expect_err_has "a rule's level is warning or error" \
    "error: rule \"egenandel-desentralisert\": \"level\" must be \"warning\" or \"error\""
rm "$TMP/t/behovsmelding/rules.json"
run check --templates "$TMP/t" "$ex"
expect_rc "labels without rules.json beside them is an error" 1
expect_err_has "and names the file" "$TMP/t/behovsmelding/rules.json:1:1: error: the grant rules of the behovsmelding are read from here (beside labels.json)"

# planverk new behovsmelding: a starter that builds
run new behovsmelding -o "$TMP/new.json"
expect_rc "new behovsmelding writes a starter" 0
run build "$TMP/new.json" -o "$TMP/new.pdf"
expect_rc "the starter builds" 0
if [ ! -s "$err" ]; then ok "the starter passes every rule"; else
	fail "the starter passes every rule"; fi
has "$TMP/new.pdf" all "the starter's new measure" "Tiltak 1: Språk, lesing og skriving"
has "$TMP/new.pdf" all "the starter's economy computed" "Total sum 400 000"

# The schema is published
run schema behovsmelding
expect_rc "schema behovsmelding" 0
if python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["properties"]["type"]["const"] == "behovsmelding"' "$out"; then
	ok "the published schema is JSON for behovsmelding"
else
	fail "the published schema is JSON for behovsmelding"
fi

# A rule at the warning level: build prints it and writes the PDF;
# --strict (CI) makes it an error and writes nothing.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["meta"]["date"]="2025-03-01"; json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)' "$ex" "$TMP/late.json"
run build "$TMP/late.json" -o "$TMP/late.pdf"
expect_rc "a report dated after the deadline builds, with a warning" 0
expect_err_has "the warning names the rule" 'after the deadline 01.02.2025 for the needs of 2025 (rule "frist-1-februar" in rules.json)'
[ -s "$TMP/late.pdf" ] && ok "its PDF is written" || fail "its PDF is written"
run build --strict "$TMP/late.json" -o "$TMP/late2.pdf"
expect_rc "build --strict refuses it" 1
[ -e "$TMP/late2.pdf" ] && fail "--strict writes no PDF" || ok "--strict writes no PDF"
