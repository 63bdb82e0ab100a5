"""The words of the facilitator documents (meeting pack, intake summary, lessons bundle), nl and en."""

from __future__ import annotations

HANDOUTS: dict[str, dict[str, str]] = {
    "nl": {
        "own_count": "Eigen telling van de gemeente (opgegeven bij de intake)", "heringedeeld": "Heringedeeld",
        "contact_role": "Contactpersoon (rol)", "intake": "Intake", "entered": "Wat de gemeente opgaf",
        "description": "Omschrijving", "themes": "Thema's", "instruments": "Instrumenten",
        "ambitie": "Ambitie (trede op de participatieladder)", "actions": "Acties", "completed": "Afgerond op",
        "outcomes": "Uitkomsten", "lessons_of": "Lessen met deze gemeente als bewijs", "yes": "ja", "no": "nee", "present_as": "aanwezig:", "gemeenten_short": "gemeenten",
        "no_completion_date": "datum niet vastgelegd", "glossary": "Woordenlijst",
        "gloss_thread": "Rode draad: een thema of instrument dat meer gemeenten in hun lessen noemen; het getal "
                        "erachter is het aantal gemeenten.",
        "gloss_evidence": "Gemeenten (bewijs): de gemeenten op wier ervaring een les rust.",
        "gloss_lift": "'... keer zo vaak samen als bij toeval': hoe vaak een thema en een instrument in dezelfde "
                      "lessen voorkomen, vergeleken met toeval; boven 1 is vaker dan toeval.",
        "gloss_context": "'Lijkt ...% op de gemeente': hoeveel twee gemeenten op elkaar lijken in inwoners, "
                         "aantal kernen, herindeling en afstand.",
        "gloss_bridge": "Bruggenbouwer: een thema of gemeente die groepen verbindt die elkaar anders niet raken.",
        "gloss_tables": "Tafels en loting: de tafels worden vergeleken met tafels van dezelfde grootte die door "
                        "loting zijn samengesteld uit wie er komen.",
        "gloss_ladder": "Participatieladder: hoeveel zeggenschap inwoners hebben, van informeren tot zelfbeheer.",
        "no_registrations": "Nog geen aanmeldingen: hieronder staan alle deelnemers van het traject, met de rol "
                            "van hun contactpersoon (uitgenodigd, niet aangemeld).",
        "names_own_role": "Een naam staat alleen bij de rol van die contactpersoon zelf.",
        "most_shared": "de {n} die de meeste gemeenten delen, tot deze bijeenkomst",
        "sources_numbered": "Bronnen bij de lessen hierboven (de nummers tussen [ ])",
        "achieved": "Wat elke gemeente bereikte (gemeenten)", "step": "Stap", "what": "Wat",
        "status_date": "Status en datum",
        "achieved_note": "Per gemeente: project → vraagstuk → acties (eindstatus en datum) → uitkomsten "
                         "→ lessen. Een pijl betekent 'hoort bij de regel erboven'.",
        "meeting_title": "Bijeenkomstmap", "intake_title": "Intakesamenvatting",
        "bundle_title": "Lessenbundel", "traject": "Traject", "date": "Datum", "place": "Plaats",
        "host": "Gastgemeente", "attendees": "Wie komen er", "gemeente": "Gemeente", "role": "Rol",
        "name": "Naam", "roles_only": "Alleen rollen; namen staan niet in deze map (AVG).",
        "changes": "Wat is er veranderd sinds de vorige bijeenkomst",
        "since": "Vorige bijeenkomst", "no_previous": "Dit is de eerste bijeenkomst van het traject.",
        "counted_over": "Geteld over alle {n} lessen die vóór deze bijeenkomst zijn vastgelegd.",
        "new_lessons": "Nieuwe lessen sinds de vorige bijeenkomst",
        "thread_changes": "Rode draden die groeiden of erbij kwamen (aantal gemeenten)",
        "before": "Bij de vorige bijeenkomst", "after": "Nu", "status": "Status",
        "actions_done": "Acties afgerond sinds de vorige bijeenkomst",
        "new_outcomes": "Nieuwe uitkomsten sinds de vorige bijeenkomst", "outcome": "Uitkomst",
        "actions_overdue": "Acties over de deadline", "action": "Actie", "owner": "Eigenaar (rol)",
        "deadline": "Deadline", "none": "Geen.", "threads": "Rode draden", "thread": "Rode draad",
        "support": "Gemeenten", "evidence": "Gemeenten (bewijs)", "sources": "Bronnen",
        "lessons": "Lessen", "table_groups": "Voorstel tafelgroepen voor wie er komen (tafels)", "group": "Tafel",
        "leergroep": "Leergroep",
        "tables_note": "Tafels van 3 tot 5 gemeenten; wie in dezelfde leergroep zit, zit samen. "
                       "'Wat ze delen': thema's en instrumenten die ten minste twee aan de tafel gemeen "
                       "hebben, in de lessen van het traject en de praktijkdata.",
        "shared": "Wat ze delen", "hosts": "Suggesties voor werkbezoeken", "for": "Voor",
        "question": "Vraagstuk", "visit": "Bezoek", "reason": "Waarom",
        "questions": "Open vragen voor het gesprek", "network": "Netwerk van deze bijeenkomst",
        "network_alt": "Netwerk: {g} aanwezige gemeenten (links) verbonden met {t} thema's en "
                       "instrumenten (rechts) uit hun lessen tot en met deze bijeenkomst.",
        "network_caption": "Lijndikte: aantal lessen. De tabellen hierboven geven dezelfde informatie.",
        "meeting": "Bijeenkomst", "lesson": "Les", "theme": "Thema", "instrument": "Instrument",
        "facts": "Feiten uit de referentiedata", "inhabitants": "Inwoners (CBS, 1 januari 2024)",
        "province": "Provincie", "kernen": "Kernen", "kerntellingen": "Eerder genoemde aantallen kernen",
        "count": "Aantal", "counted": "Wat is geteld", "year": "Jaar", "source": "Bron",
        "herindelingen": "Herindelingen", "abolished": "Opgeheven gemeenten", "kind": "Soort",
        "instruments_in_use": "Instrumenten in gebruik", "local_name": "Lokale naam", "since_year": "Sinds",
        "sourced_facts": "Feiten uit bronnen, met citaat", "fact": "Feit", "quote": "Citaat uit de bron",
        "source_date": "Datum bron",
        "ladder": "Participatieladder", "budget": "Budget", "work": "Project, vraagstuk en actie",
        "project": "Project", "vraagstuk": "Vraagstuk", "similar": "Vergelijkbare gemeenten",
        "score": "Score", "not_participant": "Deze gemeente doet niet mee aan een traject in de data.",
        "by_thread": "Lessen per rode draad (thema's)", "by_instrument": "Lessen per instrument",
        "all_lessons": "Alle lessen", "ladder_index": "Instrumenten op de participatieladder",
        "min": "Van", "max": "Tot", "charts": "Grafieken", "participants": "Deelnemers",
        "meetings": "Bijeenkomsten", "colophon": "Colofon", "data_version": "Dataversie",
        "build_date": "Graaf gebouwd", "generated": "Document gemaakt", "licence": "Licenties",
        "fictief": "Voorbeelddata (fictief): de deelnemers, bijeenkomsten en lessen van dit traject "
                   "zijn verzonnen om de werkwijze te laten zien. Gemeentenamen en referentiefeiten "
                   "zijn echt; wat hier over hen in het traject staat niet.",
        "ladder_alt": "{n} instrumenten als balken over de treden van de participatieladder; "
                      "in kleur de {m} instrumenten waarover dit traject lessen heeft.",
        "support_alt": "Staafdiagram: het aantal gemeenten per rode draad, de {n} meest gedeelde van {total} draden.",
        "support_caption": "De {n} meest gedeelde van de {total} rode draden; de tabel hieronder geeft ze alle {total}.",
        "lessons_short": "lessen", "gemeenten_axis": "aantal gemeenten", "unknown": "onbekend",
        "lesson_count": "Lessen in dit traject", "none_found": "Geen gevonden.",
        "item": "Gegeven", "value": "Waarde", "data_sources": "Bronnen van de data",
        "fictief_short": "voorbeelddata (fictief)", "title": "Titel", "ladder_short": "Ladder", "not_on_ladder": "–",
        "ladder_caption": "In kleur: instrumenten waarover dit traject lessen heeft; grijs: zonder lessen. "
                          "Instrumenten zonder plaats op de ladder staan alleen in de tabel.",
    },
    "en": {
        "own_count": "The municipality's own count (given at the intake)", "heringedeeld": "Merged",
        "contact_role": "Contact person (role)", "intake": "Intake", "entered": "What the municipality gave",
        "description": "Description", "themes": "Themes", "instruments": "Instruments",
        "ambitie": "Ambition (level on the participation ladder)", "actions": "Actions",
        "completed": "Completed on", "outcomes": "Outcomes",
        "lessons_of": "Lessons with this municipality as evidence", "yes": "yes", "no": "no", "present_as": "attended by:", "gemeenten_short": "municipalities",
        "no_completion_date": "date not recorded", "glossary": "Glossary",
        "gloss_thread": "Thread: a theme or instrument that several municipalities name in their lessons; the "
                        "number is the number of municipalities.",
        "gloss_evidence": "Municipalities (evidence): the municipalities whose experience a lesson rests on.",
        "gloss_lift": "'... times as often together as by chance': how often a theme and an instrument occur "
                      "in the same lessons compared with chance; above 1 is more often.",
        "gloss_context": "'Context ...% alike': how much two municipalities resemble each other in inhabitants, "
                         "number of kernen, merger and distance.",
        "gloss_bridge": "Bridge: a theme or municipality that links groups that otherwise do not meet.",
        "gloss_tables": "Tables and drawing lots: the tables are compared with tables of the same sizes drawn "
                        "by lot from who is coming.",
        "gloss_ladder": "Participation ladder: how much say residents have, from informing to self-management.",
        "no_registrations": "No registrations yet: below are all participants of the trajectory with their "
                            "contact person's role (invited, not registered).",
        "names_own_role": "A name appears only next to that contact person's own role.",
        "most_shared": "the {n} most municipalities share, up to this meeting",
        "sources_numbered": "Sources of the lessons above (the numbers in [ ])",
        "achieved": "What each municipality achieved (municipalities)", "step": "Step", "what": "What",
        "status_date": "Status and date",
        "achieved_note": "Per municipality: project → question → actions (final status and date) → "
                         "outcomes → lessons. An arrow means 'belongs to the row above'.",
        "meeting_title": "Meeting pack", "intake_title": "Intake summary", "bundle_title": "Lessons bundle",
        "traject": "Trajectory", "date": "Date", "place": "Place", "host": "Host municipality",
        "attendees": "Who is coming", "gemeente": "Municipality", "role": "Role", "name": "Name",
        "roles_only": "Roles only; names are not in this pack (GDPR).",
        "changes": "What changed since the previous meeting", "since": "Previous meeting",
        "no_previous": "This is the first meeting of the trajectory.",
        "counted_over": "Counted over all {n} lessons recorded before this meeting.",
        "new_lessons": "New lessons since the previous meeting",
        "thread_changes": "Threads that grew or appeared (number of municipalities)",
        "before": "At the previous meeting", "after": "Now", "status": "Status",
        "actions_done": "Actions completed since the previous meeting",
        "new_outcomes": "New outcomes since the previous meeting", "outcome": "Outcome", "actions_overdue": "Actions past their deadline",
        "action": "Action", "owner": "Owner (role)", "deadline": "Deadline", "none": "None.",
        "threads": "Common threads", "thread": "Thread", "support": "Municipalities",
        "evidence": "Municipalities (evidence)", "sources": "Sources", "lessons": "Lessons",
        "table_groups": "Proposed tables for who is coming (tables)", "group": "Table",
        "leergroep": "Learning group",
        "tables_note": "Tables of 3 to 5 municipalities; members of one learning group sit together. "
                       "'What they share': themes and instruments at least two at the table have in "
                       "common, in the trajectory's lessons and the practice data.", "shared": "What they share",
        "hosts": "Suggested site visits", "for": "For", "question": "Question", "visit": "Visit",
        "reason": "Why", "questions": "Open questions for discussion",
        "network": "Network of this meeting",
        "network_alt": "Network: {g} attending municipalities (left) linked to {t} themes and "
                       "instruments (right) from their lessons up to this meeting.",
        "network_caption": "Line width: number of lessons. The tables above give the same information.",
        "meeting": "Meeting", "lesson": "Lesson", "theme": "Theme", "instrument": "Instrument",
        "facts": "Reference facts", "inhabitants": "Inhabitants (CBS, 1 January 2024)",
        "province": "Province", "kernen": "Kernen (villages and towns)",
        "kerntellingen": "Other stated numbers of kernen", "count": "Number", "counted": "What was counted",
        "year": "Year", "source": "Source", "herindelingen": "Municipal mergers",
        "abolished": "Abolished municipalities", "kind": "Kind", "instruments_in_use": "Instruments in use",
        "sourced_facts": "Facts from sources, with quotes", "fact": "Fact", "quote": "Quote from the source",
        "source_date": "Source date",
        "local_name": "Local name", "since_year": "Since", "ladder": "Participation ladder",
        "budget": "Budget", "work": "Project, question and action", "project": "Project",
        "vraagstuk": "Question", "similar": "Similar municipalities", "score": "Score",
        "not_participant": "This municipality takes part in no trajectory in the data.",
        "by_thread": "Lessons by thread (themes)", "by_instrument": "Lessons by instrument",
        "all_lessons": "All lessons", "ladder_index": "Instruments on the participation ladder",
        "min": "From", "max": "To", "charts": "Charts", "participants": "Participants",
        "meetings": "Meetings", "colophon": "Colophon", "data_version": "Data version",
        "build_date": "Graph built", "generated": "Document made", "licence": "Licences",
        "fictief": "Example data (fictional): this trajectory's participants, meetings and lessons are "
                   "made up to show the method. Municipality names and reference facts are real; what "
                   "the trajectory says about them is not.",
        "ladder_alt": "{n} instruments as bars over the rungs of the participation ladder; in colour "
                      "the {m} instruments this trajectory has lessons about.",
        "support_alt": "Bar chart: the number of municipalities per thread, the {n} most shared of {total}.",
        "support_caption": "The {n} most shared of the {total} threads; the table below gives all {total}.",
        "lessons_short": "lessons", "gemeenten_axis": "number of municipalities", "unknown": "unknown",
        "lesson_count": "Lessons in this trajectory", "none_found": "None found.",
        "item": "Item", "value": "Value", "data_sources": "Sources of the data",
        "fictief_short": "example data (fictional)", "title": "Title", "ladder_short": "Ladder", "not_on_ladder": "–",
        "ladder_caption": "In colour: instruments this trajectory has lessons about; grey: without lessons. "
                          "Instruments without a place on the ladder are only in the table.",
    },
}
