/*
 * corpus.h - Norwegian (bokmål) sentences for the paragraph benchmark,
 * written for it: the register of a municipal competence plan, with
 * long compounds, numbers, hyphenated compounds, abbreviations and the
 * odd URL, as real plans have.
 */
#ifndef PV_BENCH_PARA_CORPUS_H
#define PV_BENCH_PARA_CORPUS_H

static const char *const corpus[] = {
	"Kommunen har som barnehageeier og skoleeier et særlig ansvar for "
	"kompetanseutviklingen til alle som arbeider med barn og unge.",
	"En systematisk og målrettet kompetanseutvikling skal bidra til at "
	"barna trives, leker og lærer, og at elevene får et godt "
	"læringsutbytte.",
	"Planen bygger på Rammeplan for barnehagen, læreplanverket for "
	"Kunnskapsløftet 2020 og de regionale prioriteringene i "
	"kompetansenettverket.",
	"Barnehagelærerne og fagarbeiderne skal delta i barnehagebasert "
	"kompetanseutvikling der hele personalgruppen lærer sammen.",
	"Styrerne har ansvar for at utviklingsarbeidet forankres i "
	"barnehagens årsplan og følges opp på personalmøter og "
	"planleggingsdager.",
	"Skolebasert kompetanseutvikling i lesing, regning og "
	"klasseledelse prioriteres på alle trinn fra 1. til 10. trinn.",
	"Videreutdanning for lærere gjennomføres innenfor ordningen "
	"Kompetanse for kvalitet, og kommunen dekker vikarutgifter etter "
	"gjeldende satser.",
	"I perioden 2024–2027 søker kommunen om tilskudd til "
	"desentralisert ordning for kompetanseutvikling i skolen (Dekom) "
	"og regional ordning for barnehagen (Rekom).",
	"Arbeidet med et trygt og godt psykososialt miljø skal ha "
	"nulltoleranse for krenkelser, mobbing, vold og diskriminering.",
	"Rektorene og styrerne deltar i et lederutviklingsprogram med "
	"vekt på pedagogisk ledelse, endringsledelse og "
	"profesjonsfellesskap.",
	"Ressurspersoner fra PPT bidrar i arbeidet med inkluderende "
	"praksis og tidlig innsats i barnehage og skole.",
	"Tiltakene evalueres hvert år i samarbeid med tillitsvalgte, "
	"foreldrerådet og universitets- og høgskolesektoren.",
	"Kompetansekartleggingen høsten 2023 viste at 68 % av de ansatte "
	"ønsket mer kunnskap om språkutvikling og flerspråklighet.",
	"Den enkelte barnehage utarbeider en egen handlingsplan som viser "
	"hvordan målene i kompetanseplanen skal nås.",
	"Partnerskapet med Nord universitet gir tilgang til "
	"forskningsbasert kunnskap og veiledning i utviklingsarbeidet.",
	"Digital kompetanse er en forutsetning for at elevene skal kunne "
	"bruke IKT-verktøy på en trygg, kritisk og skapende måte.",
	"Fagfornyelsen krever at lærerne arbeider med dybdelæring, "
	"tverrfaglige temaer og grunnleggende ferdigheter i alle fag.",
	"Barne- og ungdomsskolene deltar i nettverk der lærere deler "
	"erfaringer, observerer hverandres undervisning og reflekterer "
	"over egen praksis.",
	"Se også https://www.udir.no/kvalitet-og-kompetanse/"
	"etter-og-videreutdanning/ for mer informasjon om ordningene.",
	"Spørsmål om planen kan sendes til postmottak@kommune.no innen "
	"15. mars.",
	"Samarbeidet mellom hjem og barnehage er avgjørende for at barna "
	"skal oppleve trygghet, tilhørighet og mestring.",
	"Oppvekstsektoren har i dag 14 barnehager, 9 grunnskoler og en "
	"kulturskole med til sammen om lag 620 ansatte.",
	"Nyansatte får en mentor det første året, og "
	"veiledningsordningen for nyutdannede barnehagelærere og lærere "
	"videreføres.",
	"Kvalitetsutviklingen skal bygge på analyser av "
	"brukerundersøkelser, foreldreundersøkelsen og resultater fra "
	"nasjonale prøver.",
	"Et godt profesjonsfellesskap kjennetegnes av tillit, åpenhet og "
	"en felles forståelse av hva som er god praksis.",
	"Oppfølgingen av planen rapporteres til hovedutvalg for oppvekst "
	"og kultur i tertialrapportene.",
	"Arbeidet med samisk språk og kultur styrkes gjennom "
	"samarbeid med samiske barnehager og språksentre i regionen.",
	"Det avsettes midler til hospitering, studieturer og "
	"erfaringsdeling mellom enhetene.",
	"Barnehagens innhold skal være allsidig, variert og tilpasset "
	"det enkelte barn og barnegruppen.",
	"Kommunens kompetansestrategi sees i sammenheng med "
	"rekrutteringsplanen og arbeidsgiverpolitikken.",
	"Ledere skal legge til rette for at ansatte får tid til "
	"kollektiv refleksjon, planlegging og vurdering av egen "
	"undervisning.",
	"Satsingen på realfag omfatter både etterutdanning, "
	"utstyrsinvesteringer og samarbeid med lokalt næringsliv.",
	"Målet er at andelen lærere med godkjent kompetanse i norsk, "
	"matematikk og engelsk skal være 100 % innen 2025.",
	"Det er utarbeidet en egen plan for overgangen fra barnehage til "
	"skole, med felles rutiner for informasjonsoverføring.",
	"Spesialpedagogisk kompetanse skal i større grad være tilgjengelig "
	"der barna og elevene er, i barnehagen og i klasserommet.",
};

#define CORPUS_N (sizeof(corpus) / sizeof(corpus[0]))

#endif
