"""Help texts of the ``kernen`` commands and options: key -> (nl, en).

``cmd.*`` is a command's help (its first line is the summary in ``kernen --help``), ``opt.*`` an
option's. The commands name these keys and look them up when help is shown (graph.cli.localized).
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "cmd.cli": ("Kennisgraaf kernendemocratie: bouwen, bevragen, analyseren en exporteren "
                "(KERNEN_LANG=en: English).",
                "Kennisgraaf kernendemocratie: build, query, analyse and export (KERNEN_LANG=nl: Nederlands)."),
    "cmd.export": ("Exports: documenten voor de begeleider (meeting, intake, bundle) en datadumps.",
                   "Exports: facilitator documents (meeting, intake, bundle) and data dumps."),
    "cmd.build": (
        "Bouw de graaf: referentie + praktijk + trajecten (INPUT; standaard het voorbeeld).\n\n"
        "Atomair: bouwt een nieuwe store naast de oude en wisselt die pas om als alles goed ging. "
        "Een traject dat al in de store staat en dat INPUT niet levert, blijft staan (met een waarschuwing). "
        "Persoonsgegevens in vrije tekst (e-mail, telefoon, IBAN, BSN, adres, de naam van een contactpersoon) "
        "laten de build weigeren, tenzij --redact.",
        "Build the graph: reference + practice + trajectories (INPUT; default the example).\n\n"
        "Atomic: builds a new store next to the old one and swaps it in only when all went well. "
        "A trajectory already in the store that INPUT does not provide is kept (with a warning). "
        "Personal data typed into free text (e-mail, phone, IBAN, BSN, address, a contact's name) "
        "refuses the build, unless --redact."),
    "cmd.validate": (
        "Controleer trajectinvoer (werkboek .xlsx, CSV-map of .yaml) zonder iets te schrijven.\n\n"
        "Toont elk probleem als bestand:blad:rij:kolom: melding (met een suggestie); exitcode 1 bij een fout. "
        "Eindigt met de records per soort en wat nieuw, gewijzigd of verwijderd is ten opzichte van de store.",
        "Check trajectory input (workbook .xlsx, CSV folder or .yaml) without writing anything.\n\n"
        "Prints every problem as file:sheet:row:column: message (plus a suggestion); exit 1 on any error. "
        "Ends with the records per kind and what is new, changed or removed against the store."),
    "cmd.template": ("Schrijf het lege invulwerkboek: uitleg per kolom, keuzelijsten, instructieblad.",
                     "Write the empty input workbook: an explanation per column, pick lists, an instruction sheet."),
    "cmd.query": (
        "Vraag de graaf: inline SPARQL, een .rq-bestand (of - voor stdin), of --name NAME.\n\n"
        "Alleen lezen en veilig: geen updates, SERVICE of LOAD; FROM noemt alleen grafen in de store.",
        "Query the graph: inline SPARQL, a .rq file (or - for stdin), or --name NAME.\n\n"
        "Read-only and safe: no updates, SERVICE or LOAD; FROM only names graphs in the store."),
    "cmd.queries": ("Toon de vaste queries met beschrijving, parameters en kolommen.",
                    "List the canned queries with description, parameters and columns."),
    "cmd.stats": ("Toon wat de store bevat: triples per graaf, instanties per klasse en de praktijk in cijfers.",
                  "Show what the store holds: triples per graph, instances per class and the practice data "
                  "in figures."),
    "cmd.analyse": ("Rode draden, clusters, leergroepen, gastgemeenten voor werkbezoeken, bruggenbouwers en "
                    "verandering tussen bijeenkomsten.",
                    "Rode draden, clusters, learning groups, werkbezoek hosts, bridges and change between meetings."),
    "cmd.suggest": (
        "Stel thema's en instrumenten voor bij elke les van INPUT (werkboek, CSV-map of .yaml).\n\n"
        "Leert van de thema's, instrumenten en getagde lessen in de store (alleen de ontologie als er nog "
        "geen store is) en van de getagde lessen van INPUT; schrijft niets.",
        "Suggest themes and instruments for every lesson of INPUT (workbook, CSV folder or .yaml).\n\n"
        "Learns from the store's themes, instruments and tagged lessons (the ontology alone when no store "
        "is built) and from the tagged lessons of INPUT; writes nothing."),
    "cmd.verslag": (
        "Zet een verslag (.docx, .md, .txt) om in conceptlessen in een werkboek; schrijft niets in de store.\n\n"
        "Kandidaat-lessen zijn zinnen en opsommingen met signaalwoorden van begeleiders; gemeenten (ook "
        "vroegere namen) en voorgestelde tags worden ingevuld; persoonsgegevens blijven weg (dezelfde "
        "controle als bij de invoer). Controleer elke rij.",
        "Turn a report (.docx, .md, .txt) into draft lessons in a workbook; writes nothing to the store.\n\n"
        "Candidate lessons are sentences and bullets with facilitators' cues; gemeenten (also former names) "
        "and suggested tags are filled in; personal data is left out (the check the inputs get). "
        "Check every row."),
    "cmd.serve": ("SPARQL 1.1-endpoint op /sparql en een startpagina op / (alleen lezen, tijdslimiet, "
                  "maximum aantal rijen).",
                  "SPARQL 1.1 endpoint at /sparql and a landing page at / (read-only, time limit, row cap)."),
    "cmd.export_data": ("Datadumps van de openbare grafen (Turtle, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV) "
                        "+ manifest.",
                        "Data dumps of the public graphs (Turtle, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV) "
                        "+ manifest."),
    "cmd.publish": ("Laad de graaf (elke benoemde graaf) in een SPARQL 1.1-store met het Graph Store Protocol.",
                    "Load the graph (every named graph) into a SPARQL 1.1 store with the Graph Store Protocol."),
    "cmd.app": ("Open de Streamlit-app voor deelnemers op de huidige store (alleen lezen, tenzij de beheerder "
                "upload toestaat).",
                "Open the Streamlit app for participants on the current store (read-only unless the operator "
                "allows upload)."),
    "cmd.export_meeting": ("Bijeenkomstmap voor bijeenkomst MEETING_ID (bijv. voorbeeld-regio2).",
                           "Meeting pack for bijeenkomst MEETING_ID (e.g. voorbeeld-regio2)."),
    "cmd.export_intake": ("Intakesamenvatting voor GEMEENTE (CBS-code zoals GM1900, of naam).",
                          "Intake summary for GEMEENTE (CBS code such as GM1900, or name)."),
    "cmd.export_bundle": ("Lessenbundel voor traject TRAJECT (bijv. voorbeeld).",
                          "Lessons bundle (lessenbundel) for trajectory TRAJECT (e.g. voorbeeld)."),
}

OPTIONS: dict[str, tuple[str, str]] = {
    "cli.help": ("Toon deze hulp en stop.", "Show this message and exit."),
    "opt.store": ("Store-map of URL van een SPARQL-endpoint (env KERNEN_STORE).",
                  "Store directory or SPARQL endpoint URL (env KERNEN_STORE)."),
    "opt.store_dir": ("Store-map (env KERNEN_STORE).", "Store directory (env KERNEN_STORE)."),
    "opt.data": ("Datamap (standaard: data/).", "Data directory (default: data/)."),
    "opt.force": ("Overschrijf FILE.xlsx als het al bestaat.", "Overwrite FILE.xlsx if it exists."),
    "opt.lang_explanations": ("Taal van de uitleg.", "Language of the explanations."),
    "opt.redact": ("Vervang persoonsgegevens in vrije tekst door [verwijderd: <soort>] in plaats van de invoer "
                   "te weigeren.",
                   "Replace personal data in free text by [verwijderd: <soort>] instead of refusing the input."),
    "opt.quiet": ("Laat de informatieregels (codering, scheidingsteken) en de tag-hints weg.",
                  "Leave out the information lines (encoding, delimiter) and the tag hints."),
    "opt.template_out": ("Waar het lege werkboek komt.", "Where to write the empty workbook."),
    "opt.query_name": ("Een vaste query (zie `kernen queries`).", "A canned query (see `kernen queries`)."),
    "opt.query_param": ("Een parameterwaarde (herhaalbaar).", "A parameter value (repeatable)."),
    "opt.query_format": ("Uitvoerformaat.", "Output format."),
    "opt.query_timeout": ("Tijdslimiet in seconden (standaard 10).", "Time limit in seconds (default 10)."),
    "opt.query_max_rows": ("Maximum aantal rijen (standaard 10000).", "Row cap (default 10000)."),
    "opt.queries_lang": ("Taal van de beschrijvingen.", "Language of the descriptions."),
    "opt.analyse_format": ("Markdown-rapport of JSON met elk veld.", "Markdown report or JSON with every field."),
    "opt.k": ("Een rode draad wordt gedeeld door minstens K gemeenten.",
              "A rode draad is shared by at least K gemeenten."),
    "opt.group_size": ("Grootte van de leergroepen.", "Size of the learning groups."),
    "opt.seed": ("Startwaarde (seed) voor Louvain, groepen en steekproeven.", "Seed for Louvain, groups and sampling."),
    "opt.analyse_traject": ("Eén traject (standaard: alle trajecten in de store).",
                            "One trajectory (default: all in the store)."),
    "opt.regio": ("Vorm leergroepen binnen elke provincie.", "Form learning groups within each province."),
    "opt.lang_report": ("Taal van het Markdown-rapport.", "Language of the Markdown report."),
    "opt.suggest_format": ("Een tabel met uitleg, of JSON: elke les met haar tags en gerangschikte suggesties.",
                           "A table with explanations, or JSON: each lesson with its tags and ranked suggestions."),
    "opt.bijeenkomst": ("id van de bijeenkomst waarvan dit het verslag is.", "id of the meeting the report is of."),
    "opt.verslag_out": ("Waar het werkboek met de conceptlessen komt.",
                        "Where to write the workbook with the drafted lessons."),
    "opt.soort": ("Soort bijeenkomst (voor de rij bijeenkomst).", "Kind of meeting (for the bijeenkomst row)."),
    "opt.datum": ("Datum van de bijeenkomst (standaard: vandaag).", "Date of the meeting (default: today)."),
    "opt.verslag_traject": ("id voor de rij traject.", "id for the traject row."),
    "opt.gastgemeente": ("Gastgemeente (nodig bij een werkbezoek).", "Host (needed for a werkbezoek)."),
    "opt.serve_host": ("Interface om op te luisteren (standaard 127.0.0.1: alleen deze machine).",
                       "Interface to listen on (default 127.0.0.1: this machine only)."),
    "opt.serve_port": ("Poort (standaard 7878).", "Port (default 7878)."),
    "opt.serve_timeout": ("Seconden die een query mag duren (standaard 10).",
                          "Seconds a query may run (default 10)."),
    "opt.serve_max_rows": ("Rijen per antwoord voordat het wordt afgekapt (standaard 10000).",
                           "Rows per answer before it is truncated (default 10000)."),
    "opt.cors": ("Origins die CORS toestaat, gescheiden door komma's (standaard: uit).",
                 "Comma-separated origins allowed by CORS (default: off)."),
    "opt.dumps": ("Map met de dumps die worden aangeboden (standaard: data/build/dumps).",
                  "Directory with the dumps to serve (default: data/build/dumps)."),
    "opt.data_out": ("Map om in te schrijven (standaard: data/build/dumps, die `kernen serve` aanbiedt).",
                     "Directory to write (default: data/build/dumps, which `kernen serve` offers)."),
    "opt.data_formats": ("Alleen deze formaten (herhaalbaar; standaard: alle).",
                         "Only these formats (repeatable; default: all)."),
    "opt.endpoint": ("SPARQL-endpoint van de doelstore.", "SPARQL endpoint of the target store."),
    "opt.graph_store": ("URL voor het Graph Store Protocol (standaard afgeleid: Virtuoso /sparql-graph-crud-auth, "
                        "Fuseki /data).",
                        "Graph Store Protocol URL (default: derived: Virtuoso /sparql-graph-crud-auth, Fuseki /data)."),
    "opt.user": ("Gebruiker (env KERNEN_PUBLISH_USER).", "User (env KERNEN_PUBLISH_USER)."),
    "opt.password": ("Wachtwoord (env KERNEN_PUBLISH_PASSWORD; wordt gevraagd als een gebruiker zonder "
                     "wachtwoord is opgegeven).",
                     "Password (env KERNEN_PUBLISH_PASSWORD; asked for when a user is given without one)."),
    "opt.include_private": ("Publiceer ook de privégraaf (persoonsgegevens!).",
                            "Also publish the private graph (personal data!)."),
    "opt.app_host": ("Adres om op te luisteren.", "Address to listen on."),
    "opt.app_port": ("Poort om op te luisteren.", "Port to listen on."),
    "opt.doc_format": ("Markdown, zelfstandige HTML of Word.", "Markdown, self-contained HTML or Word."),
    "opt.doc_out": ("Bestand om te schrijven (standaard: md/html naar stdout, docx naar een bestand met een "
                    "eigen naam hier).",
                    "File to write (default: md/html to stdout, docx to a named file here)."),
    "opt.doc_lang": ("Taal van het document (standaard: instellingen, nl).",
                     "Language of the document (default: settings, nl)."),
    "opt.intake_traject": ("Traject (slug; standaard: het traject waaraan de gemeente deelneemt).",
                           "Trajectory slug (default: the one the gemeente takes part in)."),
}
