"""Herindelingen 2000-2023 (TOOI change events) as ``kd:Herindeling`` / ``org:ChangeEvent``.

Each event links the gemeenten it abolished (``kd:opgeheven``), created (``kd:ingesteld``) and
extended (``kd:uitgebreid``), and the ORG view of the same: ``org:originalOrganization`` (abolished
and extended) and ``org:resultingOrganization`` (created and extended). An abolished gemeente is a
``kd:VoormaligeGemeente`` with its last day (``kd:einddatum``, from the TOOI register) and its
successors (``kd:opvolger``: the resulting gemeenten of the event that abolished it).

Partial cases, as the TOOI register records them:

* a gemeente split over several events on one day (Littenseradiel, Maasdonk, Winsum) is abolished
  in each of them and gets every successor;
* a gemeente may be extended in one event and abolished in a later one (Olst, 2001 then 2002), or
  created and later abolished (Menameradiel, 2011-2018): each role is kept in its own event;
* ``Herschikking`` events in this period re-establish a gemeente under a new code (Olst -> Olst-Wijhe,
  De Friese Meren -> De Fryske Marren); they are modelled like any other event.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from pyoxigraph import NamedNode
from rdflib.namespace import OWL, RDFS

from graph.namespace import KD, ORG, iri
from graph.ingest.tables import Row, Table
from graph.sources.terms import Quads, node

EVENT_FILE = "herindelingen_tooi_2000_2023.csv"
LANG_FILE = "herindelingen_tooi_2000_2023_lang.csv"
REGISTER_FILE = "tooi_gemeenten_register.csv"
ROLES = {"opgeheven": KD.opgeheven, "nieuw_ingesteld": KD.ingesteld, "voortbestaand_uitgebreid": KD.uitgebreid}
TYPES = ("Samenvoeging", "Uitbreiding", "Herschikking")
WZG_URI = r"https://identifier\.overheid\.nl/tooi/id/gemeente/wzg_[0-9]+"
EVENT_COLUMNS = {"opgeheven_gemeenten": "opgeheven", "nieuw_ingestelde_gemeenten": "nieuw_ingesteld",
                 "voortbestaande_uitgebreide_gemeenten": "voortbestaand_uitgebreid"}
COLUMNS = {
    EVENT_FILE: ["wijziging_uri", *EVENT_COLUMNS],
    LANG_FILE: ["wijziging_uri", "wijzigingstype", "datum", "rol", "gemeente_tooi_uri", "gemeentecode", "gemeentenaam"],
    REGISTER_FILE: ["tooi_uri", "gemeentecode", "officiele_naam_excl_soort", "provincie_tooi_uri", "begindatum", "einddatum"],
}


def add_herindelingen(tables: dict[str, Table], quads: Quads, *, gemeenten: dict[str, NamedNode], provincies: dict[str, NamedNode]) -> None:
    """Add the events (``tables[LANG_FILE]``) and the abolished gemeenten (``tables[REGISTER_FILE]``).

    ``gemeenten`` and ``provincies`` map current codes to their nodes; problems go to the tables.
    """
    register = _register(tables[REGISTER_FILE])
    events = _events(tables[LANG_FILE])
    _check_against_event_list(tables[EVENT_FILE], events)
    abolished = {row.values["gemeentecode"].strip() for rows in events.values() for row in rows if row.values["rol"] == "opgeheven"}
    voormalig: set[str] = set()
    for uri, rows in events.items():
        _add_event(uri, rows, quads)
        for row in rows:
            code = _gemeente(row, gemeenten, abolished, register)
            if code and code not in gemeenten and code not in voormalig:
                voormalig.add(code)
                _add_voormalige(code, register[code[2:]], quads, provincies)
        _add_opvolgers(rows, quads)


def _register(table: Table) -> dict[str, Row]:
    return {row.values["gemeentecode"].strip(): row for row in table.rows}


def _events(table: Table) -> dict[str, list[Row]]:
    """Rows grouped by event; an event's type and date must agree on all its rows."""
    events: dict[str, list[Row]] = defaultdict(list)
    for row in table.rows:
        uri = row.matching("wijziging_uri", WZG_URI, "TOOI-wijzigings-URI")
        row.choice("wijzigingstype", TYPES)
        row.date("datum")
        row.choice("rol", ROLES)
        row.matching("gemeentecode", "[0-9]{4}", "gemeentecode (4 cijfers)")
        if uri is None or row.values["rol"] not in ROLES:
            continue
        first = events[uri][0] if events[uri] else row
        for column in ("wijzigingstype", "datum"):
            if row.values[column] != first.values[column]:
                row.problem(column, f"wijkt af van rij {first.number} van dezelfde wijziging ({first.values[column]!r})")
        events[uri].append(row)
    return events


def _check_against_event_list(table: Table, events: dict[str, list[Row]]) -> None:
    """The one-row-per-event file must name the same gemeenten in the same roles (catches missing rows)."""
    for row in table.rows:
        uri = row.values["wijziging_uri"].strip()
        listed = {(role, part.split()[0]) for column, role in EVENT_COLUMNS.items()
                  for part in row.items(column, required=False)}
        found = {(r.values["rol"], "GM" + r.values["gemeentecode"].strip()) for r in events.get(uri, [])}
        if listed != found:
            missing = ", ".join(sorted(f"{code} ({role})" for role, code in listed - found)) or "-"
            extra = ", ".join(sorted(f"{code} ({role})" for role, code in found - listed)) or "-"
            row.problem("wijziging_uri", f"wijkt af van {LANG_FILE}: ontbreekt daar {missing}; alleen daar {extra}",
                        suggestion=f"is {LANG_FILE} afgekapt of onvolledig?")
    known = {row.values["wijziging_uri"].strip() for row in table.rows}
    for uri in sorted(set(events) - known):
        events[uri][0].problem("wijziging_uri", f"{uri} staat niet in {EVENT_FILE}")


def _gemeente(row: Row, gemeenten: dict[str, NamedNode], abolished: set[str], register: dict[str, Row]) -> str | None:
    """The GM code of the row's gemeente, if it joins: current, or abolished and in the register."""
    code4 = row.values["gemeentecode"].strip()
    code = "GM" + code4
    if code in gemeenten:
        if row.values["rol"] == "opgeheven":
            row.problem("gemeentecode", f"{code} is opgeheven maar staat ook in gemeenten.csv")
        return code
    if code4 not in abolished:
        row.problem("gemeentecode", f"{code} is geen huidige gemeente en wordt nergens opgeheven")
        return None
    if code4 not in register or not register[code4].values["einddatum"].strip():
        row.problem("gemeentecode", f"{code} staat niet als opgeheven gemeente in {REGISTER_FILE}")
        return None
    return code


def _node(row: Row) -> NamedNode:
    return node(iri("gemeente", "GM" + row.values["gemeentecode"].strip()))


def _add_event(uri: str, rows: list[Row], quads: Quads) -> None:
    event = node(iri("herindeling", uri.rsplit("/", 1)[1]))
    kind, datum = rows[0].values["wijzigingstype"], None
    with contextlib.suppress(ValueError):  # a bad date was reported while grouping the rows
        datum = dt.date.fromisoformat(rows[0].values["datum"].strip())
    quads.typed(event, KD.Herindeling, ORG.ChangeEvent)
    quads.add(event, KD.datum, datum)
    quads.add(event, KD.wijzigingstype, kind)
    quads.add(event, OWL.sameAs, node(uri))
    quads.add(event, RDFS.label, _label(kind, datum, rows), lang="nl")
    for row in rows:
        role = row.values["rol"]
        quads.add(event, ROLES[role], _node(row))
        if role != "nieuw_ingesteld":
            quads.add(event, ORG.originalOrganization, _node(row))
        if role != "opgeheven":
            quads.add(event, ORG.resultingOrganization, _node(row))
            quads.add(_node(row), ORG.resultedFrom, event)
        else:
            quads.add(_node(row), ORG.changedBy, event)


def _label(kind: str, datum, rows: list[Row]) -> str:
    """E.g. ``Samenvoeging 2011-01-01: Bolsward, Sneek, ... -> Súdwest-Fryslân``."""
    before = [r.values["gemeentenaam"] for r in rows if r.values["rol"] == "opgeheven"]
    after = [r.values["gemeentenaam"] for r in rows if r.values["rol"] != "opgeheven"]
    return f"{kind} {datum}: {', '.join(before)} → {', '.join(after)}"


def _add_voormalige(code: str, row: Row, quads: Quads, provincies: dict[str, NamedNode]) -> None:
    subject = node(iri("gemeente", code))
    quads.typed(subject, KD.VoormaligeGemeente)
    quads.add(subject, KD.code, code)
    quads.add(subject, RDFS.label, row.text("officiele_naam_excl_soort"))
    quads.add(subject, KD.begindatum, row.date("begindatum", required=False))
    quads.add(subject, KD.einddatum, row.date("einddatum"))
    quads.add(subject, OWL.sameAs, node(row.values["tooi_uri"].strip()))
    provincie = row.values["provincie_tooi_uri"].strip().rsplit("/", 1)[-1].upper()
    quads.add(subject, KD.provincie, provincies.get(provincie))


def _add_opvolgers(rows: list[Row], quads: Quads) -> None:
    resulting = [_node(r) for r in rows if r.values["rol"] != "opgeheven"]
    for row in rows:
        if row.values["rol"] == "opgeheven":
            for successor in resulting:
                quads.add(_node(row), KD.opvolger, successor)
