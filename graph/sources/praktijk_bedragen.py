"""Amounts of a practice fact (``kd:Bedrag``): value, unit, kind, period, size bracket, year and sources.

The kind (``bedrag_soort``) says which part of a budget an amount is, only where the source text
says so: a fixed amount per kern, the base part per kern of a formula, the part per inhabitant, the
maximum per initiative, or the fund's total per year or over several years. An amount per inhabitant
has the unit ``EUR/inwoner``; every other amount ``EUR``. The free text (``bedrag_toelichting``)
stays as explanation.

>>> UNITS["per-inwoner"], UNITS.get("basis-per-kern", EUR)
('EUR/inwoner', 'EUR')
"""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode
from rdflib.namespace import XSD

from graph.namespace import KD, iri
from graph.ingest.tables import Row
from graph.sources.terms import Quads, node, year

EUR = "EUR"
EUR_PER_INWONER = "EUR/inwoner"
SOORTEN = ("vast-per-kern", "basis-per-kern", "per-inwoner", "maximum-per-initiatief", "totaal-per-jaar", "totaal-fonds")
UNITS = {"per-inwoner": EUR_PER_INWONER}
_PERIOD = re.compile(r"^P[1-9][0-9]?Y$")
XSD_DURATION = node(XSD.duration)


def add_bedrag(row: Row, owner: NamedNode, key: str, urls: list[str], quads: Quads) -> None:
    """``kd:Bedrag`` of the row, if it has an amount (else the row's ``peiljaar`` dates ``owner``)."""
    waarde = row.decimal("bedrag_eur", required=False)
    if waarde is None:
        for column in ("bedrag_toelichting", "bedrag_soort", "bedrag_periode", "inwoners_min", "inwoners_max"):
            if row.text(column, required=False):
                row.problem(column, "ingevuld zonder bedrag_eur")
        # a year without an amount dates the description (e.g. "in 2018 waren er 5 gebiedsregisseurs")
        quads.add(owner, KD.peiljaar, _gyear(row, "peiljaar"))
        return
    soort = row.choice("bedrag_soort", SOORTEN, required=False)
    bedrag = node(iri("bedrag", key))
    quads.add(owner, KD.bedrag, bedrag)
    quads.typed(bedrag, KD.Bedrag)
    quads.add(bedrag, KD.waarde, waarde)
    quads.add(bedrag, KD.eenheid, UNITS.get(soort or "", EUR))
    quads.add(bedrag, KD.bedragSoort, soort and node(iri("bedragsoort", soort)))
    quads.add(bedrag, KD.periode, _period(row))
    _bracket(row, bedrag, quads)
    quads.add(bedrag, KD.peiljaar, _gyear(row, "peiljaar"))
    quads.add(bedrag, KD.toelichting, row.text("bedrag_toelichting", required=False), lang="nl")
    quads.bronnen(bedrag, urls)


def _gyear(row: Row, column: str) -> Literal | None:
    value = row.year(column, required=False)
    return None if value is None else year(value)


def _period(row: Row) -> Literal | None:
    """``bedrag_periode`` as an xsd:duration in whole years (P1Y, P4Y)."""
    value = row.text("bedrag_periode", required=False)
    if value is None:
        return None
    if not _PERIOD.match(value):
        row.problem("bedrag_periode", f"{value!r} is geen periode in jaren (P1Y, P4Y)")
        return None
    return Literal(value, datatype=XSD_DURATION)


def _bracket(row: Row, bedrag: NamedNode, quads: Quads) -> None:
    """The size bracket (inhabitants of the kern, both bounds inclusive) an amount applies to."""
    low = row.integer("inwoners_min", required=False, between=(0, 1_000_000))
    high = row.integer("inwoners_max", required=False, between=(0, 1_000_000))
    if low is not None and high is not None and low > high:
        row.problem("inwoners_max", f"{high} ligt onder inwoners_min ({low})")
    quads.add(bedrag, KD.inwonersMin, low)
    quads.add(bedrag, KD.inwonersMax, high)
