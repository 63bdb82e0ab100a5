"""Words of the search, list, compare and lesson pages, the shell and the plain-language help (Dutch
first, English second); merged into :data:`app.i18n.UI`. Where a key is also in ``app.i18n`` the wording
here is the plainer one that replaces it (no "knopen", no environment variables)."""

PAGE_UI: dict[str, dict[str, str]] = {
    "nav.zoeken": {"nl": "Zoeken", "en": "Search"},
    "nav.gemeenten": {"nl": "Gemeenten", "en": "Municipalities"},
    "nav.vergelijk": {"nl": "Vergelijk", "en": "Compare"},
    "nav.lessen": {"nl": "Lessen", "en": "Lessons"},
    "common.yes": {"nl": "ja", "en": "yes"},
    # shell
    "shell.search": {"nl": "Zoeken", "en": "Search"},
    "shell.search.placeholder": {"nl": "gemeente, kern, instrument, les…", "en": "municipality, village, instrument, lesson…"},
    "shell.search.go": {"nl": "Zoek", "en": "Search"},
    "shell.terms": {"nl": "Wat betekent…?", "en": "What does … mean?"},
    "shell.contact": {"nl": "Hoe kom ik in contact?", "en": "How do I get in touch?"},
    "shell.contact.uitleg": {
        "nl": "Wilt u praten met een gemeente uit deze kennisgraaf? Vraag het de begeleider van uw leertraject: "
              "die brengt u in contact. De app toont geen namen of contactgegevens van personen.",
        "en": "Would you like to talk to a municipality in this knowledge graph? Ask the facilitator of your "
              "learning trajectory, who will put you in touch. The app shows no names or contact details of people.",
    },
    "shell.intro": {
        "nl": "Welkom. Hier leren gemeenten van elkaar over de zeggenschap van dorpen, wijken en buurten. "
              "Zoek links een gemeente, instrument of les; bekijk bij Rode draden wat veel gemeenten delen; "
              "Wat betekent…? (links) legt de woorden uit. Elke weergave staat in de adresregel: kopieer die om te delen.",
        "en": "Welcome. Here municipalities learn from each other about the say of villages and neighbourhoods. "
              "Search for a municipality, instrument or lesson on the left; Common threads shows what many "
              "municipalities share; What does … mean? (left) explains the words. Every view is in the address bar: "
              "copy it to share.",
    },
    "term.kern": {"nl": "Kern", "en": "Kern (village)"},
    "term.kern.uitleg": {
        "nl": "een dorp of stad binnen een gemeente. Hier: een woonplaats uit de BAG (Basisregistratie Adressen en "
              "Gebouwen). Gemeenten tellen soms anders; hun eigen tellingen staan erbij.",
        "en": "a village or town within a municipality. Here: a place (woonplaats) in the national address register "
              "(BAG). Municipalities sometimes count differently; their own counts are shown too.",
    },
    "term.rode_draad": {"nl": "Rode draad", "en": "Common thread"},
    "term.rode_draad.uitleg": {
        "nl": "een thema, instrument of vraag die bij meerdere gemeenten terugkomt, met de lessen als bewijs.",
        "en": "a theme, instrument or question that comes back in several municipalities, with the lessons as evidence.",
    },
    "term.ladder": {"nl": "Participatieladder", "en": "Participation ladder"},
    "term.ladder.uitleg": {
        "nl": "treden van hoeveel inwoners te zeggen hebben: van informeren en raadplegen tot meebeslissen en zelf beslissen.",
        "en": "steps of how much say residents have: from being informed and consulted to deciding together and deciding themselves.",
    },
    "term.invloed": {"nl": "Invloed of zeggenschap", "en": "Influence or say"},
    "term.invloed.uitleg": {
        "nl": "bij invloed geven inwoners advies en beslist de gemeente; bij zeggenschap beslissen inwoners zelf (binnen grenzen).",
        "en": "with influence residents advise and the municipality decides; with say residents decide themselves (within limits).",
    },
    "term.leergroep": {"nl": "Leergroep", "en": "Learning group"},
    "term.leergroep.uitleg": {
        "nl": "een voorstel van gemeenten die veel delen (thema's, instrumenten, vragen) en daarom van elkaar kunnen leren.",
        "en": "a proposal of municipalities that share much (themes, instruments, questions) and so can learn from each other.",
    },
    "term.brug": {"nl": "Brug", "en": "Bridge"},
    "term.brug.uitleg": {
        "nl": "een gemeente of thema die groepen verbindt die anders weinig met elkaar te maken hebben.",
        "en": "a municipality or theme that links groups that otherwise have little to do with each other.",
    },
    # search
    "zoeken.title": {"nl": "Zoeken", "en": "Search"},
    "zoeken.term": {"nl": "Zoek op naam of woord", "en": "Search by name or word"},
    "zoeken.hint": {"nl": "Bijvoorbeeld: Het Hogeland, dorpsbudget, vertrouwen.",
                    "en": "For example: Het Hogeland, dorpsbudget, trust (vertrouwen)."},
    "zoeken.count": {"nl": "{n} resultaten voor “{term}”.", "en": "{n} results for “{term}”."},
    "zoeken.none": {"nl": "Niets gevonden. Probeer een deel van een naam of een ander woord.",
                    "en": "Nothing found. Try part of a name or another word."},
    "zoeken.kind.gemeente": {"nl": "Gemeenten", "en": "Municipalities"},
    "zoeken.kind.kern": {"nl": "Kernen", "en": "Villages (kernen)"},
    "zoeken.kind.instrument": {"nl": "Instrumenten", "en": "Instruments"},
    "zoeken.kind.les": {"nl": "Lessen", "en": "Lessons"},
    "zoeken.kind.draad": {"nl": "Rode draden", "en": "Common threads"},
    "zoeken.kern.context": {"nl": "kern in {gemeente}", "en": "village in {gemeente}"},
    "zoeken.draad.context": {"nl": "bij {n} gemeenten", "en": "in {n} municipalities"},
    "zoeken.more": {"nl": "Nog {n} resultaten", "en": "{n} more results"},
    # gemeenten list
    "gemeenten.title": {"nl": "Gemeenten", "en": "Municipalities"},
    "gemeenten.intro": {"nl": "Alle gemeenten; kies hieronder wat u zoekt. Klik op een naam voor het profiel.",
                        "en": "All municipalities; narrow the list below. Click a name for its profile."},
    "gemeenten.filters": {"nl": "Filters", "en": "Filters"},
    "gemeenten.size": {"nl": "Inwoners", "en": "Inhabitants"},
    "gemeenten.size.alle": {"nl": "alle", "en": "all"},
    "gemeenten.size.klein": {"nl": "tot 25.000", "en": "up to 25,000"},
    "gemeenten.size.middel": {"nl": "25.000–75.000", "en": "25,000–75,000"},
    "gemeenten.size.groot": {"nl": "meer dan 75.000", "en": "over 75,000"},
    "gemeenten.minkernen": {"nl": "Minstens zoveel kernen", "en": "At least this many kernen"},
    "gemeenten.merged": {"nl": "Heringedeeld (sinds 2000)", "en": "Merged (since 2000)"},
    "gemeenten.merged.alle": {"nl": "maakt niet uit", "en": "either"},
    "gemeenten.merged.ja": {"nl": "ja", "en": "yes"},
    "gemeenten.merged.nee": {"nl": "nee", "en": "no"},
    "gemeenten.instruments": {"nl": "Gebruikt (alle gekozen) instrumenten", "en": "Uses (all chosen) instruments"},
    "gemeenten.traject": {"nl": "Alleen deelnemers aan een leertraject", "en": "Only participants of a learning trajectory"},
    "gemeenten.count": {"nl": "{n} van {total} gemeenten.", "en": "{n} of {total} municipalities."},
    "gemeenten.col.naam": {"nl": "gemeente", "en": "municipality"},
    "gemeenten.col.provincie": {"nl": "provincie", "en": "province"},
    "gemeenten.col.inwoners": {"nl": "inwoners", "en": "inhabitants"},
    "gemeenten.col.kernen": {"nl": "kernen", "en": "kernen"},
    "gemeenten.col.herindeling": {"nl": "laatste herindeling", "en": "latest merger"},
    "gemeenten.col.instrumenten": {"nl": "instrumenten", "en": "instruments"},
    "gemeenten.col.traject": {"nl": "in leertraject", "en": "in trajectory"},
    # choosing from a URL
    "choose.unknown": {"nl": "Er is geen {what} “{value}”. Controleer de link, of kies hieronder.",
                       "en": "There is no {what} “{value}”. Check the link, or choose below."},
    "choose.didyoumean": {"nl": "Bedoelt u:", "en": "Did you mean:"},
    "choose.pick": {"nl": "Kies een {what}", "en": "Choose a {what}"},
    "choose.all": {"nl": "Of zoek via het zoekvak links.", "en": "Or use the search box on the left."},
    "choose.gemeente": {"nl": "gemeente", "en": "municipality"},
    "choose.les": {"nl": "les", "en": "lesson"},
    "choose.instrument": {"nl": "instrument", "en": "instrument"},
    "choose.draad": {"nl": "rode draad", "en": "common thread"},
    # gemeente
    "gemeente.compare": {"nl": "Vergelijk met een andere gemeente", "en": "Compare with another municipality"},
    "work.project": {"nl": "project", "en": "project"},
    "work.vraagstuk": {"nl": "vraag", "en": "question"},
    "work.actie": {"nl": "actie", "en": "action"},
    "status.gepland": {"nl": "gepland", "en": "planned"},
    "status.bezig": {"nl": "bezig", "en": "in progress"},
    "status.gereed": {"nl": "klaar", "en": "done"},
    "status.vervallen": {"nl": "vervallen", "en": "dropped"},
    # vergelijk
    "vergelijk.title": {"nl": "Vergelijk twee gemeenten", "en": "Compare two municipalities"},
    "vergelijk.intro": {"nl": "Naast elkaar: cijfers, herindelingen en de instrumenten die ze gebruiken.",
                        "en": "Side by side: figures, mergers and the instruments they use."},
    "vergelijk.a": {"nl": "Eerste gemeente", "en": "First municipality"},
    "vergelijk.b": {"nl": "Tweede gemeente", "en": "Second municipality"},
    "vergelijk.open": {"nl": "Volledig profiel", "en": "Full profile"},
    "vergelijk.both": {"nl": "bij allebei", "en": "in both"},
    "vergelijk.shared": {"nl": "Wat ze delen", "en": "What they share"},
    "vergelijk.nothing": {"nl": "De analyse vindt geen gedeelde thema's, instrumenten of vragen.",
                          "en": "The analysis finds no shared themes, instruments or questions."},
    # lessen
    "lessen.title": {"nl": "Lessen", "en": "Lessons"},
    "lessen.themes": {"nl": "Thema's", "en": "Themes"},
    "lessen.filter": {"nl": "Woord in de les", "en": "Word in the lesson"},
    "lessen.count": {"nl": "{n} van {total} lessen.", "en": "{n} of {total} lessons."},
    "lessen.narrow": {"nl": "Nog {n} lessen: kies een thema of woord om ze te zien.",
                      "en": "{n} more lessons: choose a theme or word to see them."},
    "lessen.evidence": {"nl": "Geleerd bij", "en": "Learned in"},
    "lessen.about": {"nl": "Over", "en": "About"},
    "lessen.back": {"nl": "← Alle lessen", "en": "← All lessons"},
    "lessen.contact": {"nl": "Meer weten?", "en": "Want to know more?"},
    "lessen.related": {"nl": "Lessen over dezelfde thema's", "en": "Lessons on the same themes"},
    "lessen.fictief": {"nl": "Voorbeeldles (fictief).", "en": "Example lesson (fictitious)."},
    # instrumenten
    "instrumenten.all": {"nl": "(overzicht van alle instrumenten)", "en": "(overview of all instruments)"},
    "instrumenten.say": {"nl": "invloed of zeggenschap", "en": "influence or say"},
    "instrumenten.say.invloed": {"nl": "invloed (advies)", "en": "influence (advice)"},
    "instrumenten.say.zeggenschap": {"nl": "zeggenschap (zelf beslissen)", "en": "say (deciding)"},
    "instrumenten.say.onbekend": {"nl": "onbekend", "en": "unknown"},
    "instrumenten.chart.alt": {
        "nl": "Staafdiagram: per instrument de treden van de participatieladder; dezelfde gegevens staan in de tabel.",
        "en": "Bar chart: the participation ladder steps of each instrument; the same data is in the table."},
    # rode draden
    "rode_draden.help": {"nl": "Wat betekent dit?", "en": "What does this mean?"},
    "rode_draden.help.text": {
        "nl": "Een **rode draad** is een thema, instrument of vraag die bij meerdere gemeenten terugkomt. "
              "Het getal “5 van 12 gemeenten” zegt bij hoeveel van de gemeenten in het traject hij voorkomt. "
              "Met de schuif kiest u vanaf hoeveel gemeenten iets een rode draad heet. "
              "**Leergroepen** zijn voorstellen van gemeenten die veel met elkaar delen. "
              "Een **brug** verbindt groepen die anders weinig met elkaar te maken hebben.",
        "en": "A **common thread** is a theme, instrument or question that comes back in several municipalities. "
              "“5 of 12 municipalities” says in how many of the trajectory's municipalities it occurs. "
              "The slider sets from how many municipalities on something counts as a thread. "
              "**Learning groups** are proposals of municipalities that share much. "
              "A **bridge** links groups that otherwise have little to do with each other.",
    },
    "rode_draden.k": {"nl": "Een rode draad komt voor bij minstens … gemeenten",
                      "en": "A common thread occurs in at least … municipalities"},
    "rode_draden.k.help": {"nl": "Hoger: minder, maar bredere rode draden.", "en": "Higher: fewer but broader threads."},
    "rode_draden.found": {"nl": "{n} rode draden die bij minstens {k} gemeenten voorkomen, de breedste eerst.",
                          "en": "{n} common threads that occur in at least {k} municipalities, broadest first."},
    "rode_draden.support": {"nl": "{kind}, bij {n} van {total} gemeenten", "en": "{kind}, in {n} of {total} municipalities"},
    "rode_draden.where": {"nl": "Bij", "en": "In"},
    "rode_draden.hosts": {"nl": "Wie kan hierover vertellen? (gastgemeente voor een werkbezoek)",
                          "en": "Who can tell you about this? (host for a work visit)"},
    "rode_draden.hosts.help": {"nl": "Deze gemeenten hebben ervaring met deze rode draad:",
                               "en": "These municipalities have experience with this thread:"},
    "rode_draden.more": {"nl": "Nog {n} smallere rode draden; zet de schuif hoger of zoek ze via het zoekvak.",
                         "en": "{n} narrower threads more; move the slider up or find them with the search box."},
    "rode_draden.andmore": {"nl": "en {n} andere.", "en": "and {n} more."},
    "rode_draden.own": {"nl": "Eigen pagina van deze rode draad", "en": "This thread's own page"},
    "rode_draden.back": {"nl": "← Alle rode draden", "en": "← All common threads"},
    "rode_draden.axis": {"nl": "aantal gemeenten", "en": "number of municipalities"},
    "rode_draden.chart.alt": {"nl": "Staafdiagram van de breedste rode draden; de lijst eronder heeft ze allemaal.",
                              "en": "Bar chart of the broadest threads; the list below has them all."},
    "rode_draden.tab.threads": {"nl": "Rode draden", "en": "Threads"},
    "rode_draden.tab.groups": {"nl": "Leergroepen", "en": "Learning groups"},
    "rode_draden.tab.bridges": {"nl": "Bruggen", "en": "Bridges"},
    "rode_draden.tab.changes": {"nl": "Verandering", "en": "Change"},
    "rode_draden.tab.reports": {"nl": "Verslagen", "en": "Reports"},
    "rode_draden.groups.help": {
        "nl": "Een voorstel: gemeenten die veel delen, samen in een groep. Kies hoe groot een groep mag zijn.",
        "en": "A proposal: municipalities that share much, together in a group. Choose how large a group may be."},
    "rode_draden.groupsize.min": {"nl": "Kleinste groep (gemeenten)", "en": "Smallest group (municipalities)"},
    "rode_draden.groupsize.max": {"nl": "Grootste groep (gemeenten)", "en": "Largest group (municipalities)"},
    "rode_draden.shared": {"nl": "Gedeeld", "en": "Shared"},
    "rode_draden.bridges.help": {
        "nl": "Deze gemeenten en thema's verbinden groepen die anders weinig met elkaar te maken hebben: goede "
              "gesprekspartners voor meer dan één groep.",
        "en": "These municipalities and themes link groups that otherwise have little to do with each other: good "
              "partners for more than one group."},
    "rode_draden.bridge.line": {"nl": "verbindt {n} groepen.", "en": "links {n} groups."},
    "rode_draden.changes.help": {
        "nl": "Per rode draad het aantal gemeenten vóór (open rondje) en na (dicht rondje) een bijeenkomst.",
        "en": "Per thread the number of municipalities before (open circle) and after (filled circle) a meeting."},
    "rode_draden.before": {"nl": "voor", "en": "before"},
    "rode_draden.after": {"nl": "na", "en": "after"},
    "rode_draden.moment": {"nl": "moment", "en": "when"},
    "rode_draden.status.nieuw": {"nl": "nieuw", "en": "new"},
    "rode_draden.status.gegroeid": {"nl": "gegroeid", "en": "grew"},
    "rode_draden.status.gekrompen": {"nl": "gekrompen", "en": "shrank"},
    "rode_draden.status.verdwenen": {"nl": "verdwenen", "en": "faded"},
    "rode_draden.change.alt": {"nl": "Per rode draad het aantal gemeenten voor en na; ook in de tabel.",
                               "en": "Per thread the number of municipalities before and after; also in the table."},
    "rode_draden.reports.pick": {"nl": "Kies een leertraject (bovenaan) voor de verslagen.",
                                 "en": "Choose a learning trajectory (at the top) for the reports."},
    "kind.combinatie": {"nl": "combinatie", "en": "combination"},
    # overzicht and netwerk
    "overzicht.map.alt": {"nl": "Kaart met de provinciegrenzen en de middelpunten van gemeenten; dezelfde gemeenten "
                                "staan in de tabel eronder.",
                          "en": "Map with the province borders and municipality centres; the same municipalities are "
                                "in the table below."},
    "overzicht.timeline.alt": {"nl": "Tijdlijn van de bijeenkomsten; dezelfde gegevens staan in de tabel.",
                               "en": "Timeline of the meetings; the same data is in the table."},
    "overzicht.other.instrument": {"nl": "ander instrument", "en": "other instrument"},
    "invoer.off": {"nl": "Uploaden staat uit. Vraag de beheerder van deze site als u een leertraject wilt toevoegen.",
                   "en": "Uploading is off. Ask the operator of this site if you want to add a learning trajectory."},
    "overzicht.map.caption": {
        "nl": "Middelpunten van gemeenten (CBS 2024); klik op een gekleurde gemeente voor haar pagina. Geen online "
              "kaartondergrond nodig.",
        "en": "Municipality centroids (CBS 2024); click a coloured municipality for its page. No online map tiles "
              "needed.",
    },
    "map.outlines.source": {
        "nl": "Provinciegrenzen: Natural Earth 1:10m (publiek domein), vereenvoudigd; Vijfheerenlanden ligt daarin "
              "nog binnen de oude grens van Zuid-Holland.",
        "en": "Province borders: Natural Earth 1:10m (public domain), simplified; it still draws Vijfheerenlanden "
              "inside Zuid-Holland's old border.",
    },
    "netwerk.filters": {"nl": "Meer filters", "en": "More filters"},
    "netwerk.colour.community": {"nl": "groep met gedeelde thema's", "en": "group with shared themes"},
    "netwerk.community": {"nl": "groep {n} met gedeelde thema's", "en": "group {n} with shared themes"},
    "netwerk.summary": {"nl": "{nodes} onderdelen en {edges} verbindingen in deze selectie.",
                        "en": "{nodes} items and {edges} connections in this selection."},
    "netwerk.types": {"nl": "Wat tonen", "en": "What to show"},
    "netwerk.search": {"nl": "Zoek in het netwerk (naam)", "en": "Search the network (name)"},
    "netwerk.capped": {
        "nl": "Alleen de {shown} meest verbonden van de {total} onderdelen staan in het diagram en de tabel; "
              "beperk de selectie met de filters om de rest te zien. De telling hieronder geldt voor de hele selectie.",
        "en": "Only the {shown} most connected of the {total} items are in the diagram and the table; "
              "narrow the selection with the filters to see the rest. The count below is for the whole selection."},
    "netwerk.title.frame": {"nl": "Netwerkdiagram", "en": "Network diagram"},
}
