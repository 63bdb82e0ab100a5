"""Sourcing of practice facts: quotes and source dates, dates as precise as the source, decision rights.

Every checked practice fact (``herkomst`` = ``gecontroleerd``) is a ``kd:Praktijkfeit`` with one
``kd:Bronvermelding`` (a qualified ``prov:Derivation``): the source(s) it rests on, the verbatim
quote that supports it and the date the source shows. Facts of the domain note the practice data
started from (``herkomst`` = ``notitie``) are a ``kd:Notitiefeit``: their URL is known, a quote
has not been recorded yet.

>>> str(dated("2019-12"))
'"2019-12"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
>>> str(dated("2023-01-01"))
'"2023-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'
>>> BESLISRECHT_MAPPING["beslissen"], BESLISRECHT_MAPPING["medebeslissen"]
('gedelegeerd', 'medebeslissen')
>>> by_lot("De deelnemers aan de Burgertop - ingeloot uit de gemeentelijke basisadministratie"), by_lot("loten verkopen")
(True, False)
"""

from __future__ import annotations

import datetime as dt
import re

from pyoxigraph import Literal, NamedNode
from rdflib.namespace import PROV, XSD

from graph.namespace import KD, iri
from graph.ingest.tables import Row
from graph.sources.terms import Quads, bron_iri, node

HERKOMST_GECONTROLEERD = "gecontroleerd"
HERKOMST_NOTITIE = "notitie"
HERKOMSTEN = (HERKOMST_GECONTROLEERD, HERKOMST_NOTITIE)
MAX_CITAAT_WOORDEN = 30
# The source data's words for a decision right -> the concept of ontology/beslisrecht.ttl.
# "beslissen" (the body decides itself, e.g. "U verdeelt het geld zelf") is a delegated power;
# "medebeslissen" (deciding together with the municipality) had no concept and got one.
BESLISRECHT_MAPPING = {
    "geen": "geen",
    "advies": "advies",
    "zwaarwegend-advies": "zwaarwegend-advies",
    "medebeslissen": "medebeslissen",
    "beslissen": "gedelegeerd",
}
# Words by which a quote says participants were chosen by lot ("loten" alone is also lottery tickets: left out).
_BY_LOT = re.compile(r"\b(loting|geloot|gelote|ingeloot|ingelote)\b", re.IGNORECASE)
_DATE = re.compile(r"^([12][0-9]{3})(-(0[1-9]|1[0-2])(-([0-3][0-9]))?)?$")
XSD_GYEARMONTH = node(XSD.gYearMonth)
XSD_GYEAR = node(XSD.gYear)
XSD_DATE = node(XSD.date)


def dated(value: str) -> Literal:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as xsd:gYear, xsd:gYearMonth or xsd:date (``ValueError`` otherwise)."""
    match = _DATE.match(value)
    if not match:
        raise ValueError(value)
    if match.group(5):
        dt.date.fromisoformat(value)  # a real day of that month
        return Literal(value, datatype=XSD_DATE)
    return Literal(value, datatype=XSD_GYEARMONTH if match.group(3) else XSD_GYEAR)


def row_date(row: Row, column: str) -> Literal | None:
    """The cell as :func:`dated`, ``None`` when empty; a bad value is a problem of the row."""
    value = row.text(column, required=False)
    if value is None:
        return None
    try:
        return dated(value)
    except ValueError:
        row.problem(column, f"{value!r} is geen datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)")
        return None


def by_lot(quote: str | None) -> bool:
    """Whether a quote says participants were chosen or invited by lot (``kd:geloot``)."""
    return bool(quote and _BY_LOT.search(quote))


def herkomst(row: Row) -> str | None:
    """``gecontroleerd`` or ``notitie`` (a problem otherwise)."""
    return row.choice("herkomst", HERKOMSTEN)


def add_bronvermelding(quads: Quads, fact: NamedNode, key: str, urls: list[str], row: Row) -> None:
    """Type ``fact`` by its provenance and, for a checked fact, add its ``kd:Bronvermelding``.

    A checked fact needs a quote of at most 30 words; a fact of the note may have neither quote nor date.
    """
    kind = herkomst(row)
    quote = row.text("bewijs_citaat", required=kind == HERKOMST_GECONTROLEERD)
    datum = row_date(row, "geraadpleegd")
    if kind == HERKOMST_NOTITIE:
        quads.typed(fact, KD.Notitiefeit)
        if quote or datum is not None:
            row.problem("bewijs_citaat", "een feit uit de notitie heeft geen citaat of brondatum; kies herkomst gecontroleerd")
        return
    if kind is None:
        return
    if quote and len(quote.split()) > MAX_CITAAT_WOORDEN:
        row.problem("bewijs_citaat", f"citaat heeft {len(quote.split())} woorden (hooguit {MAX_CITAAT_WOORDEN})")
    quads.typed(fact, KD.Praktijkfeit)
    vermelding = node(iri("bronvermelding", key))
    quads.add(fact, PROV.qualifiedDerivation, vermelding)
    quads.typed(vermelding, KD.Bronvermelding)
    for url in urls:
        quads.add(vermelding, PROV.entity, bron_iri(url))
    quads.add(vermelding, KD.citaat, quote)
    quads.add(vermelding, KD.brondatum, datum)


def beslisrecht(row: Row) -> tuple[str | None, NamedNode | None]:
    """(the source's own word, the mapped ``kd:Beslisrecht`` concept) of the row's ``beslisrecht``."""
    word = row.choice("beslisrecht", BESLISRECHT_MAPPING, required=False)
    if word is None:
        return None, None
    return word, node(iri("beslisrecht", BESLISRECHT_MAPPING[word]))
