"""Sourced support by kleine-kernen organisations: to a gemeente (with an instrument), or their field of work.

Each row of ``praktijk/ondersteuning.csv`` is one ``kd:Ondersteuning``: an organisation of
``organisaties.csv`` (``kd:organisatie``), the name the source uses for it (``kd:naamInBron``, so the
link can be checked), the gemeente it supported (empty for a statement of its field of work), the
instruments and themes the source names, and the source with its verbatim quote (every row is a
checked fact: ``herkomst`` = ``gecontroleerd``).

>>> from graph.settings import DEFAULT_DATA
>>> from graph.sources.praktijk import build_praktijk
>>> quads = build_praktijk(DEFAULT_DATA)
>>> sum(q.object.value.endswith("#Ondersteuning") for q in quads) > 20
True
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS, RDFS

from graph.ingest.tables import Row
from graph.namespace import KD, iri
from graph.sources.praktijk_bronnen import HERKOMST_GECONTROLEERD, add_bronvermelding, herkomst, row_date
from graph.sources.terms import Quads, content_key, node

COLUMNS = [
    "organisatie_id", "gemeentecode", "gemeentenaam", "instrument_ids", "themas", "naam_in_bron", "omschrijving_nl",
    "sinds", "bron_urls", "geraadpleegd", "bewijs_citaat", "herkomst",
]


def add_ondersteuning(row: Row, quads: Quads, known, organisaties: set[str]) -> None:
    """The ``kd:Ondersteuning`` of one row; unknown organisations, gemeenten, instruments and themes are problems."""
    organisatie_id = (row.values.get("organisatie_id") or "").strip()
    organisatie = known.slug(row, "organisatie_id", organisatie_id or None, organisaties, "organisatie")
    code = row.text("gemeentecode", required=False)
    gemeente = known.gemeente(row, code)
    if herkomst(row) not in (None, HERKOMST_GECONTROLEERD):
        row.problem("herkomst", "een ondersteuning is altijd een gecontroleerd feit met citaat (herkomst gecontroleerd)")
    urls = row.urls("bron_urls")
    if organisatie is None:
        return
    key = content_key(*(row.values[c] for c in COLUMNS))
    if not known.new_key(row, "ondersteuning/" + key):
        return
    subject = node(iri("ondersteuning", f"{organisatie_id}-{key}"))
    quads.typed(subject, KD.Ondersteuning)
    quads.add(subject, KD.organisatie, organisatie)
    quads.add(subject, KD.gemeente, gemeente)
    for slug in row.items("instrument_ids", required=False):
        quads.add(subject, KD.instrument, known.slug(row, "instrument_ids", slug, known.instrumenten, "instrument"))
    for slug in row.items("themas", required=False):
        quads.add(subject, KD.thema, known.slug(row, "themas", slug, known.themas, "thema"))
    naam = row.text("naam_in_bron")
    quads.add(subject, KD.naamInBron, naam)
    where = known.gemeenten.get(code, code) if code else "werkveld"
    quads.add(subject, RDFS.label, f"{naam} ({where})", lang="nl")
    quads.add(subject, DCTERMS.description, row.text("omschrijving_nl"), lang="nl")
    quads.add(subject, KD.sinds, row_date(row, "sinds"))
    quads.add(subject, KD.fictief, False)
    quads.bronnen(subject, urls)
    add_bronvermelding(quads, subject, "ondersteuning-" + key, urls, row)
