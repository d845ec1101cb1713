#!/usr/bin/env python3
"""Generate a synthetic kompetanseplan of any size for benchmarks.

    gen_plan.py GOALS [SEED] > plan.json

Each goal has 2-4 sub-goals, background prose and 3-6 measures with a
paragraph of description, a responsible person, a period and a budget;
there are indicators with values and a calendar.  About 4 goals make 10
pages, 20 goals 50 pages and 100 goals 250 pages.  Deterministic for a
given SEED.
"""
import json
import random
import sys

WORDS = ("kompetanseutvikling barnehage skole elevene lærerne læringsmiljø "
         "profesjonsfellesskap vurdering grunnleggende ferdigheter lesing "
         "skriving regning inkludering tilpasset opplæring videreutdanning "
         "samarbeid universitet høgskole nettverk ledelse tidlig innsats "
         "fagfornyelsen dybdelæring relasjoner trivsel mestring utvikling "
         "kollektiv refleksjon praksis systematisk kvalitet oppfølging "
         "ressurser planlegging gjennomføring evaluering styrket digital "
         "kompetanse pedagogisk analyse spesialpedagogikk PPT skoleeier "
         "barnehageeier ansatte foresatte kommunen regionen Statsforvalteren").split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 18)
    w = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(w)).capitalize() + "."


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(3, 6)))


def main():
    goals = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    people = [{"id": f"p{i}", "name": f"Person {i}", "role": rng.choice(
        ["Rektor", "Styrer", "Kommunalsjef", "Rådgiver", "PPT-leder"])}
        for i in range(1, 9)]
    indicators = [{"id": f"ind-{i}", "name": sentence(rng, 6)[:-1], "level": "Skoleeier",
                   "unit": "%", "baseline": {"year": 2024, "value": rng.randint(40, 70)},
                   "target": {"year": 2028, "value": rng.randint(70, 95)}, "direction": "higher",
                   "values": [{"year": 2025, "value": rng.randint(40, 90)}]}
                  for i in range(1, max(2, goals // 2) + 1)]
    body = [{"title": "Innledning", "content": [paragraph(rng) for _ in range(3)]}]
    for g in range(1, goals + 1):
        measures = []
        for m in range(1, rng.randint(3, 6) + 1):
            measures.append({
                "id": f"t{g}-{m}", "title": sentence(rng, 5)[:-1],
                "description": paragraph(rng, 2),
                "responsible": rng.choice(people)["id"],
                "target_group": rng.choice(["Alle lærere", "Styrere", "Rektorer", "Barnehagelærere"]),
                "period": {"from": 2025, "to": rng.choice([2026, 2027, 2028])},
                "budget": rng.randint(1, 40) * 10000, "funding": rng.choice(
                    ["Desentralisert ordning", "Kompetanseløftet", "Egenandel"]),
                "year": rng.choice([2025, 2026, 2027]),
                "indicators": [rng.choice(indicators)["id"]]})
        body.append({"title": f"Satsingsområde {g}", "content": [
            paragraph(rng),
            {"goals": [{"id": f"m{g}", "title": sentence(rng, 12)[:-1],
                        "subgoals": [sentence(rng) for _ in range(rng.randint(2, 4))],
                        "background": paragraph(rng) + "\n\n" + paragraph(rng),
                        "national": paragraph(rng, 2),
                        "measures": measures}]}]})
    body.append({"title": "Indikatorer", "content": [{"indicators": {"items": indicators}}]})
    events = []
    for w in range(2, 50, 3):
        events.append({"week": w, "year": 2026, "time": "12.00–15.00", "place": "Rådhuset",
                       "topic": sentence(rng, 6), "participants": "Rektorer og styrere"})
    body.append({"title": "Møteplan", "content": [{"calendar": {"events": events}}]})
    doc = {"type": "kompetanseplan",
           "meta": {"title": "Syntetisk kompetanseplan", "subtitle": f"{goals} satsingsområder",
                    "owner": {"name": "Eksempel kommune"}, "period": {"from": 2025, "to": 2028},
                    "lang": "nb"},
           "people": people, "body": body}
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
