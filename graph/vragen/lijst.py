"""The 25 user questions: text (Dutch and English), how each is answered, status and what is missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BEANTWOORD = "beantwoord"
DEELS = "deels beantwoord"
NIET = "niet te beantwoorden"
THEMA = "https://w3id.org/kernendemocratie/id/thema/"


@dataclass(frozen=True)
class Vraag:
    """One question: ``query`` (a canned query) or ``functie`` (in :mod:`graph.vragen`) answers it."""

    id: str
    vraag_nl: str
    vraag_en: str
    status: str
    query: str | None = None
    functie: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    toelichting: str = ""
    ontbreekt: str = ""


VRAGEN: tuple[Vraag, ...] = (
    Vraag("R1", "Welke gemeenten met meer dan 30 kernen gebruiken een dorpsbudget, en welke lessen rapporteerden zij?",
          "Which municipalities with more than 30 kernen use a village budget, and what lessons did they report?",
          BEANTWOORD, query="veel-kernen-met-instrument", params={"min": 30, "instrument": "dorpsbudget"},
          toelichting="Kernen = BAG-woonplaatsen (CBS 2024). Lessen uit het voorbeeldtraject staan er met "
                      "\"(fictief)\" bij."),
    Vraag("R2", "Welk aandeel van de toepassingen per gemeente geeft bindende of gedelegeerde zeggenschap in plaats "
                "van advies?",
          "Per municipality, what share of instrument uses gives binding or delegated say rather than advice?",
          BEANTWOORD, query="zeggenschap-per-gemeente",
          toelichting="Over de 113 toepassingen waarvan de bron het beslisrecht noemt; medebeslissen telt als "
                      "zeggenschap.",
          ontbreekt="Het beslisrecht is bekend voor 113 van de 645 toepassingen; voor de rest noemt de bron het niet."),
    Vraag("R3", "Hoe lang duurde het voor gemeenten die sinds 2018 door een herindeling zijn ontstaan tot zij een "
                "kernen-instrument startten?",
          "For municipalities formed by a merger since 2018, how long until they started a kernen instrument?",
          DEELS, query="herindeling-tot-instrument", params={"vanaf": 2018},
          toelichting="Jaren = eerste startjaar na de herindeling min het jaar van de herindeling.",
          ontbreekt="Voor 21 van de 29 gemeenten noemt geen bron een startdatum na de herindeling (lege kolom "
                    "jaren): 6 hebben geen toepassing in de data (Beekdaelen, Noordwijk, Vijfheerenlanden, Oisterwijk, "
                    "Maashorst, Voorne aan Zee), 8 wel toepassingen maar zonder startdatum (Midden-Groningen, "
                    "Westerwolde, Zevenaar, Boxtel, Eemsdelta, Tilburg, Dijk en Waard, Land van Cuijk) en 7 alleen "
                    "met een startdatum vóór de herindeling (Leeuwarden, Altena, Groningen, Hoeksche Waard, West "
                    "Betuwe, Purmerend, Amsterdam)."),
    Vraag("R4", "Wat zijn dorpsbudgetten per inwoner (basisbedrag en deel per inwoner)?",
          "What do village budgets amount to per inhabitant (base and per-capita part)?",
          BEANTWOORD, query="dorpsbudgetten-vergeleken",
          toelichting="Voor een kern van 500 en van 2.000 inwoners, waar de formule in de bron compleet is.",
          ontbreekt="Waar de bron een deel van de formule niet noemt (Het Hogeland, Borger-Odoorn: het bedrag per "
                    "inwoner; Oldambt: het basisbedrag; Schagen: of er een basis is) blijft het bedrag per inwoner "
                    "leeg."),
    Vraag("R5", "Welke rode draden worden gedragen door lessen uit minstens 3 gemeenten?",
          "Which common threads are supported by lessons from at least 3 municipalities?",
          BEANTWOORD, query="rode-draden-uit-lessen", params={"min": 3},
          toelichting="Echte en fictieve lessen apart (kolom fictief)."),
    Vraag("R6", "Melden vertegenwoordigende organen met formele erkenning minder legitimiteitsproblemen dan die "
                "zonder?",
          "Do representation bodies with formal recognition report fewer legitimacy problems than those without?",
          DEELS, query="erkenning-en-legitimiteit",
          toelichting="Vergelijkt gemeenten met een dorps-/wijk-/buurt-/kernraad met en zonder toepassing "
                      "'erkenning' op het aandeel dat bewijs is in een echte les over legitimiteit.",
          ontbreekt="Erkenning en legitimiteitsproblemen per orgaan (niet per gemeente), en een vaste meting van "
                    "legitimiteit; de lessen zijn een toevallige steekproef (16 gemeenten met erkenning)."),
    Vraag("R7", "Hoe verhouden de ladderniveaus van onze instrumenten zich tot het IAP2-spectrum?",
          "How do our instruments' ladder levels compare with the IAP2 spectrum?",
          BEANTWOORD, query="ladder-en-iap2"),
    Vraag("R8", "Welke (provinciale) kleine-kernenorganisaties ondersteunen welke gemeenten en instrumenten?",
          "Which (provincial) small-village organisations support which municipalities and instruments?",
          BEANTWOORD, query="ondersteuning-door-organisaties",
          toelichting="Steun aan een met name genoemde gemeente zoals de bron die noemt (data/praktijk/ondersteuning.csv, "
                      "elk met citaat): BOKD, Groninger Dorpen, VKK Gelderland, DKK Gelderland en VKKNB in 10 gemeenten. "
                      "Het werkgebied per provincie: query organisaties-en-gemeenten; het werkveld: "
                      "organisaties-voor-deelnemers (F7).",
          ontbreekt="Voor Doarpswurk, ZHVKK, VKKL, OVKK en LVKK noemen de doorzochte bronnen geen steun aan een met "
                    "name genoemde gemeente (alleen hun werkveld); ledenlijsten en opdrachten van de organisaties zijn "
                    "niet doorzocht, dus de lijst is niet volledig."),
    Vraag("R9", "Welke organen zijn beëindigd en vervangen, door wat en wanneer?",
          "Which bodies were ended and replaced, by what, when?",
          BEANTWOORD, query="beeindigde-organen",
          toelichting="Opvolger = een instrument uit dezelfde groep dat in het eindjaar of het jaar erna startte.",
          ontbreekt="Een expliciete opvolgrelatie in de bronnen; nu afgeleid uit groep en jaar."),
    Vraag("P1", "Welke kleine dorpen hebben zowel een dorpsvisie als een dorpsbudget?",
          "Which small villages have both a village vision and a village budget?",
          DEELS, query="dorpsvisie-en-dorpsbudget",
          ontbreekt="De bronnen koppelen een toepassing aan de gemeente, niet aan de kern (BAG-woonplaats): welk "
                    "dorp een visie of budget heeft staat alleen in de tekst. En hoe klein een dorp is, is niet te "
                    "bepalen: de referentiedata hebben inwonertallen per gemeente, wijk en buurt, niet per "
                    "woonplaats."),
    Vraag("P2", "Waar hebben inwoners onderhoud overgenomen (kernbeheer, uitdaagrecht), onder welke voorwaarden?",
          "Where have residents taken over maintenance (kernbeheer, right to challenge), under which conditions?",
          BEANTWOORD, query="toepassingen-met-citaat", params={"instrument": "kernbeheer"},
          toelichting="Zelfde query met instrument=uitdaagrecht voor het uitdaagrecht.",
          ontbreekt="Voorwaarden staan als tekst in omschrijving en citaat, niet als gestructureerde gegevens."),
    Vraag("P3", "Wie is het vaste aanspreekpunt voor een kern (coördinator, kernwethouder), sinds wanneer?",
          "Who is the fixed contact role for a kern (coordinator, kern alderman), since when?",
          BEANTWOORD, query="vast-aanspreekpunt",
          ontbreekt="Per gemeente, niet per kern; een startdatum alleen waar de bron die noemt."),
    Vraag("P4", "Over welke onderwerpen heeft een dorpsraad bindende zeggenschap en waarover advies, volgens de "
                "regeling?",
          "On which topics does a village council have binding say and on which advice, per the regulation?",
          BEANTWOORD, query="beslisrecht-en-onderwerp", params={"recht": "alle"}),
    Vraag("P5", "Waaraan hebben dorpen hun budget besteed, wat werd afgewezen en waarom?",
          "What have villages spent their budget on, what was refused and why?",
          DEELS, query="besteding-en-afwijzing",
          ontbreekt="Bestedingen per kern (project, bedrag, besluit, reden van afwijzing); nu alleen wat "
                    "toepassingen en lessen erover zeggen."),
    Vraag("P6", "Welke gemeenten combineren een dorpsraad met loting, en hoe ging dat?",
          "Which municipalities combine a village council with sortition, and how did it go?",
          DEELS, query="vertegenwoordiging-en-loting",
          toelichting="Geloot = het citaat van de bron zegt dat de deelnemers door loting gekozen of uitgenodigd zijn "
                      "(kd:geloot, bij het bouwen uit het citaat afgeleid); per gemeente de vertegenwoordigende organen "
                      "met einddatum en de echte lessen.",
          ontbreekt="Alleen Amstelveen heeft in de data zowel een vertegenwoordigend orgaan als geloot overleg, en daar "
                    "verving de loting de wijkplatforms (opgeheven 2020) in plaats van ze aan te vullen; Eemnes en "
                    "Laren loten zonder dat een bron er een dorps- of wijkraad noemt; bij de Rotterdamse wijkraden "
                    "noemt alleen de omschrijving loting (bij te weinig kandidaten), het citaat niet. Een gemeente met een dorpsraad náást "
                    "loting, en een evaluatie daarvan, noemt geen doorzochte bron (er is niet gericht op loting "
                    "gezocht)."),
    Vraag("P7", "Hoe lieten dorpsverenigingen draagvlak zien voor bestedingen?",
          "How did village associations show support (draagvlak) for spending?",
          BEANTWOORD, query="lessen-over-thema", params={"thema": THEMA + "draagvlak"}),
    Vraag("P8", "Welke projecten in het traject worstelen met hetzelfde vraagstuk als het onze, en welke actie "
                "kozen zij?",
          "Which trajectory projects wrestle with the same question as ours, and what action did they choose?",
          BEANTWOORD, query="projecten-met-zelfde-vraagstuk", params={"gemeente": "GM1966"},
          toelichting="Op het voorbeeldtraject: alle rijen zijn fictief."),
    Vraag("F1", "Welke deelnemers van de volgende regiobijeenkomst delen een vraagstuk, in tafels ingedeeld?",
          "Which participants of the next regional meeting share a question, grouped into tables?",
          BEANTWOORD, functie="tafels", params={"traject": "voorbeeld"},
          toelichting="Leergroepen-analyse (graph.analysis.groups) met tafels van 3 tot 4; voorbeeldtraject (fictief)."),
    Vraag("F2", "Welke ervaren gemeenten binnen 60 km kunnen een werkbezoek over een onderwerp ontvangen?",
          "Which experienced municipalities within 60 km could host a site visit on a topic?",
          BEANTWOORD, query="werkbezoek-binnen-afstand", params={"gemeente": "GM1900", "instrument": "dorpsbudget",
                                                                  "km": 60},
          toelichting="Afstand uit kd:nabij/kd:afstandKm (25 dichtstbijzijnde gemeenten, CBS-zwaartepunten), "
                      "dezelfde afstanden als de werkbezoek-ranglijst."),
    Vraag("F3", "Een intake-samenvatting van gemeente X.",
          "An intake summary of municipality X.",
          BEANTWOORD, functie="intake", params={"gemeente": "GM1966"},
          toelichting="De volledige samenvatting: `kernen export intake GM1966`."),
    Vraag("F4", "Welke lessen worden door maar één gemeente gedragen?",
          "Which lessons are backed by one municipality only?",
          BEANTWOORD, query="lessen-met-een-gemeente"),
    Vraag("F5", "Welke acties zijn over hun deadline of hebben geen eigenaar?",
          "Which actions are overdue or have no owner?",
          BEANTWOORD, query="acties-achter-of-zonder-eigenaar", params={"traject": "voorbeeld",
                                                                       "peildatum": "2025-09-01"}),
    Vraag("F6", "Welke rode draden komen in minstens 3 projecten voor, met citaten en bronnen?",
          "Which common threads appear in at least 3 projects, with quotes and sources?",
          BEANTWOORD, query="rode-draden-in-projecten", params={"min": 3},
          toelichting="Projecten uit het (fictieve) voorbeeldtraject; citaten en bronnen uit echte lessen."),
    Vraag("F7", "Welke organisaties passen bij de vraagstukken van de deelnemers?",
          "Which organisations match the attendees' questions?",
          BEANTWOORD, query="organisaties-voor-deelnemers", params={"traject": "voorbeeld"},
          toelichting="Een organisatie past als een bron haar steun aan een gemeente of haar werkveld noemt bij een "
                      "instrument of thema van een vraagstuk van de deelnemer (kolom gedeeld, met het aantal "
                      "bronvermelde uitspraken en de bronnen), of als zij in dezelfde provincie werkt; de eigen "
                      "provinciale organisatie staat bovenaan. Voorbeeldtraject (fictieve vraagstukken, echte "
                      "organisaties).",
          ontbreekt="Geen bron noemt steun of werkveld van een organisatie bij de thema's aanspreekpunt, vertrouwen, "
                    "legitimiteit, erkenning, adviesrecht, budgetverdeling, bezuiniging, verkiezing, maatwerk en "
                    "uitvoering, of bij dorpscoördinator, kernwethouder, kernenfonds en gebiedsgericht werken: daar "
                    "telt alleen de provincie (Westerkwartier krijgt zo alleen Groninger Dorpen). Organisaties buiten "
                    "de kleine-kernenverenigingen (adviesbureaus, kennisinstituten) staan niet in de data."),
    Vraag("F8", "Is de deelnemerslijst evenwichtig verdeeld over rollen?",
          "Is the attendee list balanced across roles?",
          BEANTWOORD, query="rollen-per-bijeenkomst", params={"traject": "voorbeeld"}),
)
