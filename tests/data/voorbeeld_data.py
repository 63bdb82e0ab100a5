"""The FICTIONAL example trajectory as plain records (kind -> list of dicts of column -> value).

Twelve real gemeenten formed by a herindeling take part in an invented learning trajectory. Every
project, question, action, meeting, attendance, lesson and person below is made up for demonstration;
nothing here is a claim about these gemeenten. Kern counts are the sourced counts of
``data/praktijk/kerntellingen.csv`` where it has one. Contact persons are obviously fake
(``@example.org``). ``tests/data/make_voorbeeld.py`` writes this into the workbook and its variants.
"""

from __future__ import annotations

from datetime import date

SLUG = "voorbeeld"
REPORTS = "https://example.org/voorbeeldtraject/"  # fictional meeting reports (example.org: no real site)
NOORD, ZUID = "Leergroep Noord", "Leergroep Rivierenland en Delta"

# code, name, leergroep, sourced kern count (or None), contact role
GEMEENTEN = [
    ("GM1900", "Súdwest-Fryslân", NOORD, 89, "beleidsmedewerker kernenbeleid"),
    ("GM1966", "Het Hogeland", NOORD, 52, "beleidsmedewerker dorpen"),
    ("GM1969", "Westerkwartier", NOORD, 41, "gebiedsregisseur"),
    ("GM1952", "Midden-Groningen", NOORD, 37, "beleidsmedewerker participatie"),
    ("GM1970", "Noardeast-Fryslân", NOORD, 51, "dorpencoördinator"),
    ("GM1979", "Eemsdelta", NOORD, None, "beleidsmedewerker leefbaarheid"),
    ("GM1959", "Altena", ZUID, 21, "beleidsmedewerker kerngericht werken"),
    ("GM1978", "Molenlanden", ZUID, 20, "kernencoördinator"),
    ("GM1960", "West Betuwe", ZUID, None, "beleidsmedewerker participatie"),
    ("GM1982", "Land van Cuijk", ZUID, 33, "beleidsmedewerker kernendemocratie"),
    ("GM1963", "Hoeksche Waard", ZUID, None, "gebiedsregisseur"),
    ("GM1992", "Voorne aan Zee", ZUID, None, "beleidsmedewerker dorpen en wijken"),
]
CODES = [g[0] for g in GEMEENTEN]
NAMES = {g[0]: g[1] for g in GEMEENTEN}
FAKE_FIRST = ["Anna", "Bram", "Carla", "Daan", "Eva", "Frits", "Greet", "Hidde", "Ilse", "Joost", "Kim", "Lars"]

# code -> (project title, vraagstuk title, themes, instruments, ambitie, action title, eigenaar, status)
FOCUS = {
    "GM1900": ("Kernenfonds dichter bij de dorpen", "Hoe verdelen we een kernenfonds eerlijk over veel kleine dorpen?",
               ["budgetverdeling", "draagvlak"], ["kernenfonds", "dorpsbudget"], "meebeslissen",
               "Verdeelvoorstel bespreken met drie dorpsbelangen", "beleidsmedewerker", "gereed"),
    "GM1966": ("Dorpsbudget na de evaluatie", "Hoe houden we draagvlak voor het dorpsbudget als het kleiner wordt?",
               ["draagvlak", "bezuiniging"], ["dorpsbudget"], "meebeslissen",
               "Evaluatiegesprek met vijf dorpen plannen", "wethouder", "bezig"),
    "GM1969": ("Dichtbij in de dorpen", "Hoe maken we leefbaarheidsadviseurs tot een vast aanspreekpunt?",
               ["aanspreekpunt", "vertrouwen"], ["dorpscoordinator"], "adviseren",
               "Spreekuur per dorp proefdraaien", "gebiedsregisseur", "bezig"),
    "GM1952": ("Dorps- en wijkplannen", "Hoe komen we van dorpsplan tot uitvoering?",
               ["dorpsplannen", "uitvoering"], ["dorpsvisie", "uitvoeringsagenda"], "coproduceren",
               "Uitvoeringsagenda opstellen met twee dorpen", "beleidsmedewerker", "gepland"),
    "GM1970": ("Verbinding met de mienskip", "Hoe erkennen we dorpsbelangen zonder blauwdruk?",
               ["erkenning", "maatwerk"], ["dorpsraad", "erkenning"], "adviseren",
               "Concept-convenant voorleggen aan dorpsbelangen", "wethouder", "bezig"),
    "GM1979": ("Dorpen na de herindeling", "Hoe geven we de dorpen een eigen budget?",
               ["budgetverdeling", "draagvlak"], ["dorpsbudget"], "meebeslissen",
               "Rekenvoorbeeld basisbedrag plus bedrag per inwoner maken", "beleidsmedewerker", "gereed"),
    "GM1959": ("Kerngericht werken", "Hoe halen we plannen op uit alle kernen?",
               ["dorpsplannen", "draagvlak"], ["gebiedsgericht-werken", "dorpsvisie"], "coproduceren",
               "Ophaalavond in twee kernen organiseren", "kernencoördinator", "gereed"),
    "GM1978": ("Kernen aan zet", "Hoe verdelen we geld per dorpsoverleg?",
               ["budgetverdeling", "legitimiteit"], ["dorpsraad", "dorpsbudget"], "meebeslissen",
               "Verdeelsleutel voorleggen aan de raad", "wethouder", "gepland"),
    "GM1960": ("Nieuwe dorpsdemocratie", "Hoe krijgen dorpsraden een erkende adviesrol?",
               ["adviesrecht", "erkenning"], ["dorpsraad", "erkenning"], "adviseren",
               "Afspraken over adviesrecht op papier zetten", "beleidsmedewerker", "bezig"),
    "GM1982": ("Ieder dorp een plan", "Hoe ondersteunen we dorpen bij hun kernendemocratieplan?",
               ["dorpsplannen", "aanspreekpunt"], ["dorpsvisie", "kernwethouder"], "coproduceren",
               "Handboek voor dorpen testen in drie kernen", "beleidsmedewerker", "bezig"),
    "GM1963": ("Dorpen aan de dijk", "Wie is het aanspreekpunt voor een dorp zonder dorpsraad?",
               ["aanspreekpunt", "legitimiteit"], ["dorpscoordinator", "dorpsraad"], "adviseren",
               "Contactlijst van dorpsorganisaties opbouwen", "gebiedsregisseur", "gereed"),
    "GM1992": ("Kernen in de nieuwe gemeente", "Hoe houden vier oude gemeenten hun eigen stem?",
               ["legitimiteit", "verkiezing"], ["kernraad", "dorpsraad"], "adviseren",
               "Verkenning kernraden in twee kernen", "wethouder", "vervallen"),
}

# id, soort, datum, plaats, gastgemeente, volgnummer
MEETINGS = [
    ("regio-1", "regionale-uitwisseling", date(2025, 3, 13), "Dorpshuis (fictief), Noord", None, 2),
    ("werkbezoek-1", "werkbezoek", date(2025, 4, 10), "Gemeentehuis (fictief)", "GM1681", 3),
    ("regio-2", "regionale-uitwisseling", date(2025, 5, 22), "Dorpshuis (fictief), Rivierenland", None, 4),
    ("werkbezoek-2", "werkbezoek", date(2025, 6, 19), "Gemeentehuis (fictief)", "GM1894", 5),
    ("regio-3", "regionale-uitwisseling", date(2025, 9, 18), "Dorpshuis (fictief), Delta", None, 6),
    ("slot", "slotbijeenkomst", date(2025, 11, 27), "Dorpshuis (fictief), Midden", None, 7),
]
ABSENT = {"regio-1": {"GM1992"}, "regio-2": {"GM1963"}, "regio-3": {"GM1960", "GM1979"}, "slot": set()}
VISITORS = {"werkbezoek-1": ["GM1966", "GM1979", "GM1900", "GM1978", "GM1959"],
            "werkbezoek-2": ["GM1969", "GM1970", "GM1982", "GM1963", "GM1960", "GM1992"]}
ROLES = ["beleidsmedewerker", "wethouder", "raadslid", "dorpsraadlid"]

# Lessons: (meeting, title, themes, instruments, evidence codes). Ids are les-01 ... in this order.
# Threads: dorpsbudget/draagvlak (A), aanspreekpunt (B), dorpsplannen (C), erkenning/adviesrecht (D),
# vertrouwen/onderbesteding (E), legitimiteit/verkiezing (F); the rest stand alone.
LESSONS = [
    # intakes: the questions as the gemeenten bring them
    ("intake-GM1969", "Eén gezicht per dorp wordt gemist sinds de herindeling", ["aanspreekpunt"], ["dorpscoordinator"], ["GM1969"]),
    ("intake-GM1963", "Dorpen zonder dorpsraad vallen buiten beeld", ["aanspreekpunt", "legitimiteit"], ["dorpsraad"], ["GM1963"]),
    ("intake-GM1900", "Een fonds voor alle kernen vraagt een heldere verdeelsleutel", ["budgetverdeling"], ["kernenfonds"], ["GM1900"]),
    ("intake-GM1992", "Oude gemeentegrenzen leven nog in de dorpen", ["legitimiteit"], [], ["GM1992"]),
    ("intake-GM1952", "Dorpsplannen liggen klaar maar uitvoering hapert", ["dorpsplannen", "uitvoering"], ["dorpsvisie"], ["GM1952"]),
    # regionale uitwisseling 1: thread A starts, B grows
    ("regio-1", "Draagvlak voor een dorpsbudget groeit als dorpen de verdeling zelf bespreken", ["draagvlak", "budgetverdeling"], ["dorpsbudget"], ["GM1966", "GM1979"]),
    ("regio-1", "Een klein vast budget per dorp werkt beter dan een grote pot op afroep", ["budgetverdeling", "draagvlak"], ["dorpsbudget", "kernenfonds"], ["GM1900", "GM1966"]),
    ("regio-1", "Een vast aanspreekpunt moet ook bereikbaar zijn buiten kantoortijd", ["aanspreekpunt"], ["dorpscoordinator"], ["GM1969", "GM1963"]),
    ("regio-1", "De kernwethouder is zichtbaar, de ambtenaar doet het werk", ["aanspreekpunt"], ["kernwethouder", "dorpscoordinator"], ["GM1982", "GM1969"]),
    ("regio-1", "Dorpsbelangen willen erkenning zonder blauwdruk", ["erkenning", "maatwerk"], ["dorpsraad", "erkenning"], ["GM1970"]),
    ("regio-1", "Een ophaalavond levert meer op dan een enquête", ["dorpsplannen"], ["gebiedsgericht-werken"], ["GM1959"]),
    ("regio-1", "Onderbesteding in het eerste jaar is normaal", ["onderbesteding", "vertrouwen"], ["dorpsbudget"], ["GM1966"]),
    ("regio-1", "Jongeren haken af bij vergaderingen in de avond", ["legitimiteit"], ["dorpsraad"], ["GM1978"]),
    ("regio-1", "Een dorpshuis is vaak de echte ontmoetingsplek voor kernendemocratie", ["maatwerk"], ["dorpshuis"], ["GM1960"]),
    # werkbezoek 1 (host from the practice data)
    ("werkbezoek-1", "Een verordening voor dorpsbudgetten geeft dorpen zekerheid", ["budgetverdeling", "draagvlak"], ["dorpsbudget"], ["GM1979", "GM1978", "GM1900"]),
    ("werkbezoek-1", "Laat dorpen zelf verantwoorden in gewone taal", ["vertrouwen", "draagvlak"], ["dorpsbudget"], ["GM1966", "GM1959"]),
    ("werkbezoek-1", "Enthousiasme bij de start is geen garantie voor blijvend gebruik", ["vertrouwen"], ["dorpsbudget"], ["GM1966"]),
    ("werkbezoek-1", "Een kleine jury van inwoners maakt de verdeling geloofwaardiger", ["legitimiteit", "draagvlak"], ["dorpsbudget"], ["GM1978"]),
    # regionale uitwisseling 2: thread A grows to 6+ gemeenten, thread C appears
    ("regio-2", "Basisbedrag plus bedrag per inwoner voelt eerlijk voor kleine en grote dorpen", ["budgetverdeling", "draagvlak"], ["dorpsbudget"], ["GM1979", "GM1978"]),
    ("regio-2", "Draagvlak voor bezuinigen op het dorpsbudget vraagt open cijfers", ["draagvlak", "bezuiniging"], ["dorpsbudget"], ["GM1966", "GM1900"]),
    ("regio-2", "Een dorpsbudget zonder ondersteuning blijft liggen", ["onderbesteding", "draagvlak"], ["dorpsbudget", "dorpscoordinator"], ["GM1959", "GM1979"]),
    ("regio-2", "Zichtbare resultaten in het eerste jaar houden het draagvlak vast", ["draagvlak"], ["dorpsbudget", "bewonersinitiatief"], ["GM1959", "GM1966", "GM1978"]),
    ("regio-2", "Een dorpsplan helpt pas als de gemeente er een uitvoeringsagenda naast legt", ["dorpsplannen", "uitvoering"], ["dorpsvisie", "uitvoeringsagenda"], ["GM1952", "GM1982"]),
    ("regio-2", "Dorpsplannen schrijven gaat sneller met een vast format", ["dorpsplannen"], ["dorpsvisie"], ["GM1982", "GM1959"]),
    ("regio-2", "Plannen uit kleine kernen vragen een andere aanpak dan uit grote", ["dorpsplannen", "maatwerk"], ["dorpsvisie", "gebiedsgericht-werken"], ["GM1959", "GM1963"]),
    ("regio-2", "Een aanspreekpunt per dorp voorkomt dat vragen blijven rondzingen", ["aanspreekpunt"], ["dorpscoordinator"], ["GM1963", "GM1969", "GM1952"]),
    ("regio-2", "De rol van de dorpencoördinator moet op papier staan", ["aanspreekpunt", "erkenning"], ["dorpscoordinator"], ["GM1970", "GM1969"]),
    ("regio-2", "Adviesrecht zonder terugkoppeling wekt wantrouwen", ["adviesrecht", "vertrouwen"], ["dorpsraad"], ["GM1960", "GM1970"]),
    ("regio-2", "Een convenant met dorpsbelangen maakt de rolverdeling helder", ["erkenning"], ["erkenning", "dorpsraad"], ["GM1970", "GM1960"]),
    ("regio-2", "Raadsleden kennen de dorpsbudgetten vaak niet", ["legitimiteit"], ["dorpsbudget"], ["GM1900"]),
    ("regio-2", "Digitale stemmingen trekken andere inwoners dan avondbijeenkomsten", ["draagvlak", "legitimiteit"], ["burgerbegroting"], ["GM1978"]),
    # werkbezoek 2
    ("werkbezoek-2", "Zelfsturing begint bij een gemeente die durft los te laten", ["zeggenschap", "vertrouwen"], ["overheidsparticipatie"], ["GM1969", "GM1970"]),
    ("werkbezoek-2", "Een vaste ambtenaar per kern bouwt vertrouwen op", ["aanspreekpunt", "vertrouwen"], ["dorpscoordinator", "gebiedsgericht-werken"], ["GM1982", "GM1963", "GM1969"]),
    ("werkbezoek-2", "Dorpen die zelf beheren willen ook zelf beslissen over onderhoud", ["zeggenschap"], ["kernbeheer"], ["GM1960"]),
    ("werkbezoek-2", "Een dorpscoöperatie vraagt lange adem van vrijwilligers", ["uitvoering"], ["dorpscooperatie"], ["GM1992"]),
    ("werkbezoek-2", "Kaders vooraf voorkomen discussie achteraf", ["zeggenschap", "maatwerk"], ["kernenbeleid"], ["GM1982", "GM1960"]),
    # regionale uitwisseling 3: threads grow further
    ("regio-3", "Het dorpsbudget wordt gedragen als ook niet-leden van dorpsbelang meepraten", ["draagvlak", "legitimiteit"], ["dorpsbudget", "dorpsraad"], ["GM1900", "GM1978", "GM1970"]),
    ("regio-3", "Meerjarige afspraken over het dorpsbudget geven rust", ["budgetverdeling", "vertrouwen"], ["dorpsbudget"], ["GM1966", "GM1959"]),
    ("regio-3", "Dorpsplannen verouderen: plan elke vier jaar een herijking", ["dorpsplannen"], ["dorpsvisie"], ["GM1952", "GM1982", "GM1992"]),
    ("regio-3", "Koppel dorpsplannen aan de begroting van de gemeente", ["dorpsplannen", "uitvoering"], ["dorpsvisie", "uitvoeringsagenda"], ["GM1952", "GM1959"]),
    ("regio-3", "Een aanspreekpunt werkt alleen met mandaat binnen de organisatie", ["aanspreekpunt"], ["dorpscoordinator", "kernwethouder"], ["GM1982", "GM1963", "GM1969", "GM1952"]),
    ("regio-3", "Erkenning vraagt ook iets van de dorpsorganisatie: openheid en verantwoording", ["erkenning", "legitimiteit"], ["dorpsraad", "erkenning"], ["GM1970", "GM1960", "GM1963"]),
    ("regio-3", "Zwaarwegend advies moet vooraf gedefinieerd zijn", ["adviesrecht", "zeggenschap"], ["dorpsraad"], ["GM1960"]),
    ("regio-3", "Gekozen kernraden geven legitimiteit maar kosten veel organisatie", ["verkiezing", "legitimiteit"], ["kernraad"], ["GM1992"]),
    ("regio-3", "Vrijwilligers in dorpsraden zijn overbelast door vragen van de gemeente", ["vertrouwen"], ["dorpsraad"], ["GM1978", "GM1966"]),
    ("regio-3", "Geld dat blijft liggen kan naar het volgende jaar", ["onderbesteding"], ["dorpsbudget", "kernenfonds"], ["GM1900", "GM1979"]),
    ("regio-3", "Een wijk in een dorpengemeente heeft andere behoeften", ["maatwerk", "definitie-kern"], ["wijkraad"], ["GM1952"]),
    ("regio-3", "Wat een kern is verschilt per beleidsstuk", ["definitie-kern"], ["kernenbeleid"], ["GM1900"]),
    ("regio-3", "Inspraak op het omgevingsplan via de dorpsraad werkt als die vroeg betrokken is", ["adviesrecht"], ["inspraak", "dorpsraad"], ["GM1963"]),
    # slotbijeenkomst
    ("slot", "Budget, aanspreekpunt en plan versterken elkaar", ["draagvlak", "aanspreekpunt", "dorpsplannen"], ["dorpsbudget", "dorpscoordinator", "dorpsvisie"], ["GM1966", "GM1969", "GM1952", "GM1982"]),
    ("slot", "Leren van elkaar werkt het best met een concreet eigen vraagstuk", ["maatwerk"], [], ["GM1959", "GM1978"]),
    ("slot", "Bezuinigen op dorpsbudgetten raakt het vertrouwen meer dan het bedrag doet vermoeden", ["bezuiniging", "vertrouwen"], ["dorpsbudget"], ["GM1966", "GM1979"]),
    ("slot", "Een dorpsbudget zonder verantwoordingsregels leidt tot gedoe in de raad", ["budgetverdeling", "legitimiteit"], ["dorpsbudget"], ["GM1978", "GM1900"]),
    ("slot", "Een burgerberaad past beter bij gemeentebrede vragen dan bij één dorp", ["legitimiteit"], ["burgerberaad"], ["GM1992"]),
    ("slot", "Een kernenbeleid op één A4 wordt gelezen", ["maatwerk"], ["kernenbeleid"], ["GM1970"]),
    ("slot", "Erken de dorpsraad, maar laat ruimte voor nieuwe initiatieven", ["erkenning"], ["dorpsraad", "bewonersinitiatief"], ["GM1960", "GM1970"]),
    ("slot", "Uitdaagrecht is in kleine kernen nog onbekend", ["zeggenschap"], ["uitdaagrecht"], ["GM1959"]),
    ("slot", "Participatieverordening als kapstok voor kernendemocratie", ["zeggenschap", "erkenning"], ["participatieverordening"], ["GM1982"]),
    ("slot", "Buurtschappen hebben eigen vertegenwoordiging nodig", ["maatwerk"], ["buurtraad"], ["GM1970"]),
]


def _traject() -> list[dict]:
    return [{"id": SLUG, "naam": "Voorbeeldtraject kernendemocratie (fictief)", "fictief": True,
             "omschrijving": "FICTIEF demonstratietraject: twaalf heringedeelde gemeenten leren van elkaar over "
                             "kernendemocratie. Alle projecten, bijeenkomsten, lessen en personen zijn verzonnen.",
             "begindatum": date(2025, 1, 13), "einddatum": date(2025, 11, 27)}]


def _deelname() -> list[dict]:
    rows = []
    for n, (code, _name, groep, kernen, rol) in enumerate(GEMEENTEN):
        first = FAKE_FIRST[n]
        rows.append({"gemeente": code, "heringedeeld": True, "aantal_kernen": kernen, "contact_rol": rol,
                     "contact_naam": f"{first} Voorbeeld (fictief)", "contact_email": f"{first.lower()}@example.org",
                     "leergroep": groep})
    return rows


def _work() -> dict[str, list[dict]]:
    project, vraagstuk, actie = [], [], []
    for n, code in enumerate(CODES, start=1):
        ptitle, vtitle, themes, instruments, ambitie, atitle, owner, status = FOCUS[code]
        project.append({"id": f"p{n:02d}", "gemeente": code, "titel": ptitle, "themas": themes,
                        "instrumenten": instruments})
        vraagstuk.append({"id": f"v{n:02d}", "gemeente": code, "titel": vtitle, "themas": themes,
                          "instrumenten": instruments, "project": f"p{n:02d}", "ambitie": ambitie})
        actie.append({"id": f"a{n:02d}", "vraagstuk": f"v{n:02d}", "titel": atitle, "eigenaar_rol": owner,
                      "deadline": date(2025, 6 + n % 5, 1 + n), "status": status})
    return {"project": project, "vraagstuk": vraagstuk, "actie": actie}


def _meetings() -> tuple[list[dict], list[dict]]:
    meetings, present = [], []
    for n, code in enumerate(CODES):
        mid = f"intake-{code}"
        meetings.append({"id": mid, "soort": "intake", "datum": date(2025, 1, 13 + n), "titel": f"Intake {NAMES[code]}",
                         "plaats": "Gemeentehuis (fictief)", "gastgemeente": code, "volgnummer": 1})
        present.append({"bijeenkomst": mid, "gemeente": code, "rol": "beleidsmedewerker"})
    for mid, soort, day, plaats, host, nr in MEETINGS:
        meetings.append({"id": mid, "soort": soort, "datum": day, "plaats": plaats, "gastgemeente": host, "volgnummer": nr})
        who = VISITORS.get(mid) or [c for c in CODES if c not in ABSENT[mid]]
        present += [{"bijeenkomst": mid, "gemeente": c, "rol": ROLES[(i + nr) % len(ROLES)]} for i, c in enumerate(who)]
        if host:
            present.append({"bijeenkomst": mid, "gemeente": host, "rol": "gastgemeente"})
    return meetings, present


def _lessen() -> list[dict]:
    return [{"id": f"les-{n:02d}", "titel": title,
             "tekst": f"{title}. (Fictieve les uit het voorbeeldtraject; geen uitspraak over de genoemde gemeenten.)",
             "themas": themes, "instrumenten": instruments, "gemeenten": codes, "bijeenkomst": meeting,
             "bron_url": f"{REPORTS}verslag-{meeting}"}
            for n, (meeting, title, themes, instruments, codes) in enumerate(LESSONS, start=1)]


def _uitkomsten() -> list[dict]:
    return [
        {"id": "u01", "gemeente": "GM1979", "omschrijving": "Rekenvoorbeeld voor een dorpsbudget besproken in het college (fictief).",
         "project": "p06", "les": "les-19", "datum": date(2025, 6, 30)},
        {"id": "u02", "gemeente": "GM1959", "omschrijving": "Twee ophaalavonden gehouden; plannen verzameld (fictief).",
         "project": "p07", "les": "les-11", "datum": date(2025, 5, 15)},
        {"id": "u03", "gemeente": "GM1963", "omschrijving": "Contactlijst van dorpsorganisaties compleet (fictief).",
         "project": "p11", "les": "les-26", "datum": date(2025, 9, 1)},
    ]


def records() -> dict[str, list[dict]]:
    """All records of the example trajectory, kind -> rows."""
    meetings, present = _meetings()
    return {"traject": _traject(), "deelname": _deelname(), **_work(), "bijeenkomst": meetings,
            "aanwezigheid": present, "les": _lessen(), "uitkomst": _uitkomsten(), "toepassing": []}
