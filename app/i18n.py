"""The app's words: Dutch first, English with one switch.

UI strings live in :data:`UI`; labels of instruments, themes and other concepts come from the
ontology's language tags (``skos:prefLabel@nl``/``@en``) through ``graph.views`` with ``lang=``.

>>> t("nav.netwerk", "en")
'Network'
>>> t("overzicht.count.gemeenten", "nl")
'Gemeenten'
>>> t("netwerk.summary", "en", nodes=3, edges=2)
'3 items and 2 connections in this selection.'
"""

from __future__ import annotations

LANGS: tuple[str, ...] = ("nl", "en")
DEFAULT_LANG = "nl"

UI: dict[str, dict[str, str]] = {
    # navigation and shell
    "app.title": {"nl": "Kennisgraaf kernendemocratie", "en": "Knowledge graph kernendemocratie"},
    "app.lang": {"nl": "Taal / language", "en": "Language / taal"},
    "app.nostore": {
        "nl": "Er is nog geen kennisgraaf gebouwd. Voer eerst `kernen build` uit.",
        "en": "No knowledge graph has been built yet. Run `kernen build` first.",
    },
    "app.link": {
        "nl": "De adresregel bevat deze weergave: kopieer de link om haar te delen.",
        "en": "The address bar holds this view: copy the link to share it.",
    },
    "nav.overzicht": {"nl": "Overzicht", "en": "Overview"},
    "nav.netwerk": {"nl": "Netwerk", "en": "Network"},
    "nav.gemeente": {"nl": "Gemeente", "en": "Municipality"},
    "nav.instrumenten": {"nl": "Instrumenten", "en": "Instruments"},
    "nav.rode_draden": {"nl": "Rode draden", "en": "Common threads"},
    "nav.sparql": {"nl": "SPARQL", "en": "SPARQL"},
    "nav.invoer": {"nl": "Invoer", "en": "Input"},
    "banner.fictief": {
        "nl": "Voorbeelddata (fictief): het getoonde leertraject is verzonnen om de werking te laten zien.",
        "en": "Example data (fictitious): the learning trajectory shown is made up to demonstrate the app.",
    },
    "common.traject": {"nl": "Leertraject", "en": "Learning trajectory"},
    "common.none": {"nl": "(geen)", "en": "(none)"},
    "common.choose": {"nl": "Kies…", "en": "Choose…"},
    "common.report": {"nl": "Download als {fmt}", "en": "Download as {fmt}"},
    "common.reports": {"nl": "Verslagen om te downloaden", "en": "Reports to download"},
    "rode_draden.bundle": {"nl": "Lessenbundel van het traject", "en": "Lessons bundle of the trajectory"},
    "rode_draden.meeting": {"nl": "Bijeenkomstpakket", "en": "Meeting pack"},
    "gemeente.intake": {"nl": "Intakesamenvatting", "en": "Intake summary"},
    "common.all": {"nl": "(alle)", "en": "(all)"},
    "common.download_csv": {"nl": "Download CSV", "en": "Download CSV"},
    "common.download_json": {"nl": "Download JSON", "en": "Download JSON"},
    "common.sources": {"nl": "Bronnen", "en": "Sources"},
    "common.empty": {"nl": "Niets gevonden.", "en": "Nothing found."},
    "common.unavailable": {
        "nl": "Dit onderdeel is (nog) niet beschikbaar: {what}",
        "en": "This part is not available (yet): {what}",
    },
    # overzicht
    "overzicht.title": {"nl": "Overzicht", "en": "Overview"},
    "overzicht.intro": {
        "nl": "Wat staat er in de kennisgraaf: gemeenten, kernen, instrumenten in gebruik, lessen en bijeenkomsten.",
        "en": "What the knowledge graph holds: municipalities, kernen, instruments in use, lessons and meetings.",
    },
    "overzicht.count.gemeenten": {"nl": "Gemeenten", "en": "Municipalities"},
    "overzicht.count.kernen": {"nl": "Kernen (BAG-woonplaatsen)", "en": "Kernen (BAG places)"},
    "overzicht.count.toepassingen": {"nl": "Instrumenten in gebruik", "en": "Instruments in use"},
    "overzicht.count.instrumenten": {"nl": "Soorten instrumenten", "en": "Kinds of instrument"},
    "overzicht.count.lessen": {"nl": "Lessen", "en": "Lessons"},
    "overzicht.count.bijeenkomsten": {"nl": "Bijeenkomsten", "en": "Meetings"},
    "overzicht.count.deelnemers": {"nl": "Deelnemende gemeenten", "en": "Participating municipalities"},
    "overzicht.map": {"nl": "Kaart", "en": "Map"},
    "overzicht.colour": {"nl": "Kleur naar", "en": "Colour by"},
    "overzicht.colour.rol": {"nl": "rol", "en": "role"},
    "overzicht.colour.instrument": {"nl": "instrument", "en": "instrument"},
    "overzicht.colour.provincie": {"nl": "provincie", "en": "province"},
    "overzicht.colour.draad": {"nl": "rode draad", "en": "common thread"},
    "overzicht.other": {"nl": "andere rode draad", "en": "other thread"},
    "overzicht.rol.deelnemer": {"nl": "deelnemer", "en": "participant"},
    "overzicht.rol.praktijk": {"nl": "praktijkvoorbeeld", "en": "practice example"},
    "overzicht.rol.beide": {"nl": "deelnemer en praktijkvoorbeeld", "en": "participant and practice example"},
    "overzicht.timeline": {"nl": "Tijdlijn van het leertraject", "en": "Timeline of the learning trajectory"},
    "overzicht.points": {"nl": "Gemeenten op de kaart", "en": "Municipalities on the map"},
    # netwerk
    "netwerk.title": {"nl": "Netwerk", "en": "Network"},
    "netwerk.intro": {
        "nl": "Gemeenten, instrumenten, thema's, vraagstukken en lessen en hoe ze samenhangen.",
        "en": "Municipalities, instruments, themes, questions and lessons and how they connect.",
    },
    "netwerk.preset": {"nl": "Voorinstelling", "en": "Preset"},
    "netwerk.preset.instrumenten": {"nl": "Wie gebruikt welk instrument", "en": "Who uses which instrument"},
    "netwerk.preset.rode_draden": {"nl": "Rode draden", "en": "Common threads"},
    "netwerk.preset.leergroepen": {"nl": "Leergroepen", "en": "Learning groups"},
    "netwerk.preset.alles": {"nl": "Alles", "en": "Everything"},
    "netwerk.types": {"nl": "Soorten knopen", "en": "Node types"},
    "netwerk.provincies": {"nl": "Provincies", "en": "Provinces"},
    "netwerk.groepen": {"nl": "Instrumentgroepen", "en": "Instrument groups"},
    "netwerk.ladder": {"nl": "Niveaus op de participatieladder", "en": "Participation ladder levels"},
    "netwerk.bijeenkomst": {"nl": "Bijeenkomst", "en": "Meeting"},
    "netwerk.search": {"nl": "Zoek een knoop (naam)", "en": "Search a node (name)"},
    "netwerk.focus": {"nl": "Focus op", "en": "Focus on"},
    "netwerk.hops": {"nl": "Stappen rond de focus", "en": "Steps around the focus"},
    "netwerk.colour": {"nl": "Kleur naar", "en": "Colour by"},
    "netwerk.colour.kind": {"nl": "soort", "en": "type"},
    "netwerk.colour.community": {"nl": "gemeenschap (clusters)", "en": "community (clusters)"},
    "netwerk.colour.provincie": {"nl": "provincie", "en": "province"},
    "netwerk.colour.leergroep": {"nl": "leergroep", "en": "learning group"},
    "netwerk.size": {"nl": "Grootte naar", "en": "Size by"},
    "netwerk.size.degree": {"nl": "aantal verbindingen", "en": "number of connections"},
    "netwerk.size.inwoners": {"nl": "inwoners", "en": "inhabitants"},
    "netwerk.size.gelijk": {"nl": "gelijk", "en": "equal"},
    "netwerk.group": {"nl": "leergroep {n}", "en": "learning group {n}"},
    "netwerk.alt": {"nl": "Netwerkdiagram van de selectie; dezelfde gegevens staan in de tabel eronder.",
                    "en": "Network diagram of the selection; the same data is in the table below it."},
    "netwerk.legend": {"nl": "Legenda", "en": "Legend"},
    "netwerk.table": {"nl": "Dezelfde selectie als tabel", "en": "The same selection as a table"},
    "netwerk.summary": {
        "nl": "{nodes} knopen en {edges} verbindingen in deze selectie.",
        "en": "{nodes} nodes and {edges} connections in this selection.",
    },
    "netwerk.summary.top": {"nl": "Meest verbonden: {items}.", "en": "Most connected: {items}."},
    "netwerk.large": {
        "nl": "Grote selectie: de ligging is vooraf berekend en staat stil.",
        "en": "Large selection: the layout is precomputed and static.",
    },
    "netwerk.capped": {
        "nl": "Alleen de {shown} meest verbonden van de {total} knopen staan in het diagram en de tabel; "
              "beperk de selectie met de filters om de rest te zien. De telling hieronder geldt voor de hele selectie.",
        "en": "Only the {shown} most connected of the {total} nodes are in the diagram and the table; "
              "narrow the selection with the filters to see the rest. The count below is for the whole selection.",
    },
    "kind.gemeente": {"nl": "gemeente", "en": "municipality"},
    "kind.instrument": {"nl": "instrument", "en": "instrument"},
    "kind.thema": {"nl": "thema", "en": "theme"},
    "kind.vraagstuk": {"nl": "vraagstuk", "en": "question"},
    "kind.les": {"nl": "les", "en": "lesson"},
    "col.label": {"nl": "Naam", "en": "Name"},
    "col.kind": {"nl": "Soort", "en": "Type"},
    "col.group": {"nl": "Groep", "en": "Group"},
    "col.degree": {"nl": "Verbindingen", "en": "Connections"},
    "col.neighbours": {"nl": "Verbonden met", "en": "Connected to"},
    # gemeente
    "gemeente.title": {"nl": "Gemeente", "en": "Municipality"},
    "gemeente.pick": {"nl": "Kies een gemeente", "en": "Choose a municipality"},
    "gemeente.inwoners": {"nl": "Inwoners (CBS, 1 jan 2024)", "en": "Inhabitants (CBS, 1 Jan 2024)"},
    "gemeente.kernen": {"nl": "Kernen", "en": "Kernen"},
    "gemeente.kernen.def": {
        "nl": "Kernen = BAG-woonplaatsen (Basisregistratie Adressen en Gebouwen, 2024). "
              "Gemeenten tellen soms anders; eigen tellingen staan hieronder met wat er geteld is.",
        "en": "Kernen = BAG places (Dutch base register of addresses and buildings, 2024). "
              "Municipalities sometimes count differently; their own counts are below with what was counted.",
    },
    "gemeente.wijken": {"nl": "Wijken (CBS 2024)", "en": "Districts (CBS 2024)"},
    "gemeente.provincie": {"nl": "Provincie", "en": "Province"},
    "gemeente.tellingen": {"nl": "Eigen tellingen van kernen", "en": "Own counts of kernen"},
    "gemeente.herindeling": {"nl": "Herindelingen", "en": "Municipal mergers"},
    "gemeente.herindeling.none": {"nl": "Geen herindeling sinds 2000 bekend.", "en": "No merger since 2000 known."},
    # the kinds of herindeling in the TOOI register (wijzigingstype)
    "herindeling.soort.Samenvoeging": {"nl": "samenvoeging", "en": "merger"},
    "herindeling.soort.Uitbreiding": {"nl": "uitbreiding", "en": "extension by part of a neighbour"},
    "herindeling.soort.Herschikking": {"nl": "herschikking", "en": "boundary rearrangement"},
    "gemeente.links": {"nl": "Identificatie", "en": "Identifiers"},
    "gemeente.toepassingen": {"nl": "Instrumenten in gebruik", "en": "Instruments in use"},
    "gemeente.feiten": {"nl": "Feiten uit bronnen, met citaat", "en": "Facts from sources, with quotes"},
    "gemeente.traject": {"nl": "In het leertraject", "en": "In the learning trajectory"},
    "gemeente.achieved": {"nl": "Wat deze gemeente bereikte", "en": "What this municipality achieved"},
    "gemeente.lessen": {"nl": "Lessen met deze gemeente als bewijs", "en": "Lessons with this municipality as evidence"},
    "gemeente.similar": {"nl": "Vergelijkbare gemeenten", "en": "Similar municipalities"},
    "gemeente.hosts": {"nl": "Voorgestelde werkbezoeken", "en": "Suggested work visits"},
    # instrumenten
    "instrumenten.title": {"nl": "Instrumenten", "en": "Instruments"},
    "instrumenten.chart": {
        "nl": "Instrumenten op de participatieladder (van laagste tot hoogste niveau), naar invloed of zeggenschap",
        "en": "Instruments on the participation ladder (lowest to highest level), by influence or say",
    },
    "instrumenten.groep": {"nl": "Groep", "en": "Group"},
    "instrumenten.pick": {"nl": "Kies een instrument", "en": "Choose an instrument"},
    "instrumenten.where": {"nl": "Waar in gebruik", "en": "Where in use"},
    "instrumenten.lessen": {"nl": "Lessen", "en": "Lessons"},
    # rode draden
    "rode_draden.title": {"nl": "Rode draden", "en": "Common threads"},
    "rode_draden.k": {"nl": "Minimaal aantal gemeenten per rode draad (K)",
                      "en": "Least number of municipalities per thread (K)"},
    "rode_draden.groupsize": {"nl": "Grootte van een leergroep", "en": "Learning group size"},
    "rode_draden.threads": {"nl": "Rode draden met bewijs", "en": "Threads with evidence"},
    "rode_draden.groups": {"nl": "Voorstel leergroepen", "en": "Proposed learning groups"},
    "rode_draden.bridges": {"nl": "Bruggen", "en": "Bridges"},
    "rode_draden.changes": {"nl": "Verandering tussen bijeenkomsten", "en": "Change between meetings"},
    # sparql
    "sparql.title": {"nl": "SPARQL", "en": "SPARQL"},
    "sparql.intro": {
        "nl": "Alleen-lezen vragen aan de kennisgraaf, met dezelfde grenzen als het eindpunt.",
        "en": "Read-only questions to the knowledge graph, with the same limits as the endpoint.",
    },
    "sparql.canned": {"nl": "Kant-en-klare vraag", "en": "Ready-made query"},
    "sparql.own": {"nl": "(eigen vraag)", "en": "(own query)"},
    "sparql.editor": {"nl": "SPARQL-vraag", "en": "SPARQL query"},
    "sparql.run": {"nl": "Uitvoeren", "en": "Run"},
    "sparql.truncated": {
        "nl": "Het resultaat is ingekort tot {n} rijen.",
        "en": "The result was truncated to {n} rows.",
    },
    "sparql.rows": {"nl": "{n} rijen in {ms} ms.", "en": "{n} rows in {ms} ms."},
    "sparql.view": {"nl": "Weergave", "en": "View"},
    "sparql.view.table": {"nl": "tabel", "en": "table"},
    "sparql.view.chart": {"nl": "grafiek", "en": "chart"},
    "sparql.view.map": {"nl": "kaart", "en": "map"},
    "sparql.error": {"nl": "De vraag is geweigerd of mislukt: {msg}", "en": "The query was refused or failed: {msg}"},
    # invoer
    "invoer.title": {"nl": "Invoer", "en": "Input"},
    "invoer.off": {
        "nl": "Uploaden en bouwen staat uit. De beheerder kan het aanzetten met KERNEN_ALLOW_UPLOAD=1 "
              "en een beheerderswachtwoord (KERNEN_ADMIN_SECRET of Streamlit-secrets).",
        "en": "Uploading and building is off. The operator can turn it on with KERNEN_ALLOW_UPLOAD=1 "
              "and an operator secret (KERNEN_ADMIN_SECRET or Streamlit secrets).",
    },
    "invoer.upload": {"nl": "Leertraject (werkmap .xlsx, of .csv/.yaml-bestanden)",
                      "en": "Learning trajectory (workbook .xlsx, or .csv/.yaml files)"},
    "invoer.valid": {"nl": "Geen problemen gevonden.", "en": "No problems found."},
    "invoer.problems": {"nl": "{n} problemen gevonden", "en": "{n} problems found"},
    "invoer.secret": {"nl": "Beheerderswachtwoord", "en": "Operator secret"},
    "invoer.build": {"nl": "Bouw de kennisgraaf opnieuw met deze invoer", "en": "Rebuild the knowledge graph with this input"},
    "invoer.wrong_secret": {"nl": "Onjuist beheerderswachtwoord.", "en": "Wrong operator secret."},
    "invoer.built": {"nl": "Gebouwd: {summary}", "en": "Built: {summary}"},
    "invoer.too_big": {"nl": "Bestand te groot (max {mb} MB).", "en": "File too large (max {mb} MB)."},
}


# Column names of the pages' tables (keys of the rows), Dutch and English.
COLUMNS: dict[str, tuple[str, str]] = {
    "aantal": ("aantal", "count"), "wat": ("wat geteld", "what was counted"), "jaar": ("jaar", "year"),
    "feit": ("feit", "fact"), "citaat": ("citaat uit de bron", "quote from the source"),
    "brondatum": ("datum van de bron", "date of the source"),
    "bron": ("bron", "source"), "bronnen": ("bronnen", "sources"), "instrument": ("instrument", "instrument"),
    "naam": ("naam", "name"), "ladder": ("participatieladder", "participation ladder"), "sinds": ("sinds", "since"),
    "bedrag": ("bedrag", "amount"), "eenheid": ("eenheid", "unit"), "peiljaar": ("peiljaar", "reference year"),
    "beslisrecht": ("beslisrecht", "decision right"), "omschrijving": ("omschrijving", "description"),
    "soort": ("soort", "kind"), "title": ("titel", "title"), "traject": ("traject", "trajectory"),
    "status": ("status", "status"), "deadline": ("deadline", "deadline"), "eigenaar": ("eigenaar", "owner"),
    "gemeente": ("gemeente", "municipality"), "gemeenten": ("gemeenten", "municipalities"),
    "score": ("score", "score"), "gedeeld": ("gedeeld", "shared"), "km": ("afstand (km)", "distance (km)"),
    "waarom": ("waarom", "why"), "vraagstuk": ("vraagstuk", "question"), "gastgemeente": ("gastgemeente", "host"),
    "groep": ("groep", "group"), "invloed/zeggenschap": ("invloed/zeggenschap", "influence/say"),
    "definitie": ("definitie", "definition"), "regio": ("regio", "region"), "betweenness": ("tussenpositie", "betweenness"),
    "clusters": ("clusters", "clusters"), "draad": ("rode draad", "thread"), "voor": ("voor", "before"),
    "na": ("na", "after"), "datum": ("datum", "date"), "plaats": ("plaats", "place"), "gast": ("gast", "host"),
    "rol": ("rol", "role"), "instrumenten": ("instrumenten", "instruments"), "bestand": ("bestand", "file"),
    "blad": ("blad", "sheet"), "rij": ("rij", "row"), "kolom": ("kolom", "column"), "melding": ("melding", "message"),
    "suggestie": ("suggestie", "suggestion"), "ernst": ("ernst", "severity"),
}


def column(key: str, lang: str = DEFAULT_LANG) -> str:
    """The header of table column ``key`` in ``lang`` (the key itself when unknown).

    >>> column("sinds", "en"), column("onbekend", "en")
    ('since', 'onbekend')
    """
    nl, en = COLUMNS.get(key, (key, key))
    return en if lang == "en" else nl


def t(key: str, lang: str = DEFAULT_LANG, /, **fmt: object) -> str:
    """The UI string ``key`` in ``lang`` (Dutch when missing), formatted with ``fmt``.

    >>> t("common.unavailable", "nl", what="x")
    'Dit onderdeel is (nog) niet beschikbaar: x'
    """
    entry = UI[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    """Whether ``key`` is a UI string (for words from data that may or may not have a translation).

    >>> has("nav.netwerk"), has("status.onbekend-woord")
    (True, False)
    """
    return key in UI


def normalise_lang(value: object) -> str:
    """A supported language code; anything else is Dutch.

    >>> normalise_lang("EN"), normalise_lang("fr"), normalise_lang(None)
    ('en', 'nl', 'nl')
    """
    text = str(value or "").strip().lower()
    return text if text in LANGS else DEFAULT_LANG


from app.i18n_pages import PAGE_UI  # noqa: E402  (the newer pages' words, kept in their own module)

UI.update(PAGE_UI)
COLUMNS.update({"toelichting": ("toelichting", "explanation"), "herindeling": ("herindeling", "merger"),
                "stap": ("stap", "step"), "lessen": ("lessen", "lessons")})
