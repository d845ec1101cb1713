#!/usr/bin/env python3
"""bench/typeset/gen.py - a synthetic plan as XHTML for `planverk typeset`.

usage: gen.py CHAPTERS > doc.xhtml

Each chapter is about two pages of the default theme: a heading, justified
Norwegian prose, sections, bullet and numbered lists (nested), a boxed
callout, and a table of measures.  The text is drawn from a fixed word
list with a fixed seed, so the same CHAPTERS gives the same document.
"""
import random
import sys

WORDS = ("kompetanse utvikling skole barnehage lærer elev opplæring "
         "samarbeid universitet høgskole profesjonsfellesskap vurdering "
         "læring lesing matematikk kommunen skoleeier rektor tiltak mål "
         "videreutdanning kollektiv praksis inkluderende spesialpedagogisk "
         "ressurser ansvar målgruppe indikator oppfølging tilstandsrapport "
         "trinn ungdomstrinnet mellomtrinnet begynneropplæring mestring "
         "trivsel elevundersøkelsen nasjonale prøver planperioden regionen "
         "nettverk veiledning ledelse utviklingsarbeid kvalitet forskning "
         "og i på for med som til av at det en er skal de vi har alle").split()


def sentence(rnd):
    n = rnd.randint(8, 22)
    w = [rnd.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + "."


def para(rnd, sentences):
    return " ".join(sentence(rnd) for _ in range(sentences))


def chapter(rnd, i, out):
    out.append(f'<section id="k{i}">\n<h1>Kapittel {i}: {sentence(rnd)[:-1][:40]}</h1>')
    for _ in range(2):
        out.append(f"<p>{para(rnd, rnd.randint(4, 7))}</p>")
    out.append(f"<h2>Bakgrunn for kapittel {i}</h2>")
    out.append(f"<p>{para(rnd, 5)} Se <a href=\"#k{max(1, i - 1)}\">forrige kapittel</a> "
               "og <a href=\"https://www.udir.no/\">Udir</a>.</p>")
    out.append("<ul>")
    for _ in range(4):
        out.append(f"<li>{sentence(rnd)}<ul><li>{sentence(rnd)}</li>"
                   f"<li>{sentence(rnd)}<ul><li>{sentence(rnd)}</li></ul></li></ul></li>")
    out.append("</ul>")
    out.append(f'<div class="box"><h3 class="nonumber notoc">MÅL OG FORVENTNINGER</h3>'
               f"<p>{para(rnd, 3)}</p><ol><li>{sentence(rnd)}</li><li>{sentence(rnd)}</li></ol></div>")
    out.append(f"<h2>Tiltak i kapittel {i}</h2>")
    out.append('<table><caption>Tiltak og ansvar</caption><thead><tr><th>Tiltak</th>'
               '<th>Ansvar</th><th class="num">Uke</th><th class="num">Kroner</th></tr></thead><tbody>')
    for r in range(rnd.randint(6, 12)):
        out.append(f"<tr><td>{sentence(rnd)}</td><td>{rnd.choice(['rektor', 'kommunalsjef', 'PPT', 'rådgiver'])}</td>"
                   f'<td class="num">{rnd.randint(1, 52)}</td><td class="num">{rnd.randint(10, 999)}&#160;000</td></tr>')
    out.append("</tbody></table>")
    out.append(f"<h3>Oppfølging</h3><p>{para(rnd, 6)}</p>")
    out.append(f"<p>{para(rnd, 4)}</p>")
    out.append("</section>")


def main():
    chapters = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rnd = random.Random(2025)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<html xmlns="http://www.w3.org/1999/xhtml" lang="nb">',
           "<head><title>Syntetisk kompetanseplan</title>",
           '<meta name="author" content="Benkemark kommune"/></head><body>',
           '<div class="cover"><p class="title">Syntetisk kompetanseplan</p>'
           '<p class="subtitle">for måling av tid og minne</p><p class="tagline">2025–2028</p>'
           '<p class="byline">Benkemark kommune</p></div>',
           '<div class="toc"/>']
    for i in range(1, chapters + 1):
        chapter(rnd, i, out)
    out.append("</body></html>")
    sys.stdout.write("\n".join(out) + "\n")


main()
