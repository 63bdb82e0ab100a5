"""The practice graph: instruments in use (Toepassing, with amounts), kern counts, lessons, organisations.

Every record links to its sources (``dcterms:source`` -> ``kd:Bron``, one node per URL, keyed by
a hash of the URL). Keys are stable: codes, slugs and content hashes, never row numbers. Gemeente
codes must be among the current gemeenten of ``reference/gemeenten.csv`` (with the same name),
instrument ids among ``instrumenten.csv``, theme slugs among the theme scheme of the ontology.
The instrument scheme itself is in the ontology graph (:mod:`graph.sources.ontology`).

>>> from graph.settings import DEFAULT_DATA
>>> quads = build_praktijk(DEFAULT_DATA)
>>> len(quads) > 1000
True
"""

from __future__ import annotations

import difflib
from pathlib import Path

from pyoxigraph import NamedNode, Quad
from rdflib.namespace import DCTERMS, RDFS

from graph.ingest.privacy import PRAKTIJK_TEXT, PersonalCheck, check_rows
from graph.namespace import G_PRAKTIJK, KD, iri
from graph.sources.reference import GM_CODE, display_path
from graph.ingest.tables import Row, Table, raise_problems, read_table
from graph.sources.terms import Quads, content_key, node, year
from graph.sources.praktijk_bedragen import add_bedrag
from graph.sources.praktijk_bronnen import add_bronvermelding, beslisrecht, by_lot, row_date
from graph.sources import praktijk_ondersteuning

PRAKTIJK = "praktijk"
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
# The columns whose values key a record of the domain note; a checked row adds its other filled cells,
# so the keys of the note's records stay what they were before the checked columns existed.
TOEPASSING_KEY_COLUMNS = [
    "gemeentecode", "gemeentenaam", "instrument_id", "lokale_naam", "sinds", "tot", "omschrijving_nl",
    "bedrag_eur", "bedrag_toelichting", "peiljaar", "bron_urls",
]
KERNTELLING_KEY_COLUMNS = ["gemeentecode", "gemeentenaam", "aantal", "wat_geteld", "peiljaar", "bron_urls"]
FILES: dict[str, list[str]] = {
    "instrumenten.csv": ["id"],
    "toepassingen.csv": [
        *TOEPASSING_KEY_COLUMNS, "beslisrecht", "zeggenschap_over", "geraadpleegd", "bewijs_citaat",
        "bedrag_soort", "bedrag_periode", "inwoners_min", "inwoners_max", "herkomst",
    ],
    "kerntellingen.csv": [*KERNTELLING_KEY_COLUMNS, "geraadpleegd", "bewijs_citaat", "herkomst"],
    "lessen.csv": [
        "id", "titel_nl", "toelichting_nl", "themas", "instrument_ids", "gemeentecodes", "bron_urls", "geraadpleegd",
        "bewijs_citaat", "herkomst",
    ],
    "organisaties.csv": [
        "id", "naam", "type", "provincie", "opgericht", "leden_of_bereik", "omschrijving_nl", "bron_urls",
        "geraadpleegd", "bewijs_citaat", "herkomst",
    ],
    "ondersteuning.csv": praktijk_ondersteuning.COLUMNS,
}
REFERENCE_FILES: dict[str, list[str]] = {
    "gemeenten.csv": ["gemeentecode", "gemeentenaam"],
    "provincies.csv": ["provinciecode", "provincienaam_cbs"],
}
ORGANISATIE_TYPES = ("landelijk", "provinciaal")


class Known:
    """The codes and slugs a practice record may refer to."""

    def __init__(self, tables: dict[str, Table], themas: set[str]):
        gemeenten = tables["reference/gemeenten.csv"].rows
        self.gemeenten = {r.values["gemeentecode"].strip(): r.values["gemeentenaam"].strip() for r in gemeenten}
        provincies = tables["reference/provincies.csv"].rows
        self.provincies = {r.values["provincienaam_cbs"].strip(): r.values["provinciecode"].strip() for r in provincies}
        self.instrumenten = {r.values["id"].strip() for r in tables["praktijk/instrumenten.csv"].rows}
        self.themas = themas
        self.keys: dict[str, int] = {}  # content keys minted so far -> row

    def new_key(self, row: Row, key: str) -> bool:
        """False (and a problem) when an identical row already minted ``key``."""
        if key in self.keys:
            row.problem("", f"dubbele rij (gelijk aan rij {self.keys[key]})")
            return False
        self.keys[key] = row.number
        return True

    def gemeente(self, row: Row, code: str | None, *, column: str = "gemeentecode") -> NamedNode | None:
        """The node of a current gemeente; unknown codes (and a different name) are problems."""
        if code is None:
            return None
        if code not in self.gemeenten:
            row.problem(column, f"{code!r} is geen huidige gemeente ({len(self.gemeenten)} bekend)",
                        suggestion=self._suggest_gemeente(row))
            return None
        name = (row.values.get("gemeentenaam") or "").strip()
        if column == "gemeentecode" and name and name != self.gemeenten[code]:
            row.problem("gemeentenaam", f"{name!r} is niet de naam van {code}", suggestion=f"bedoeld: {self.gemeenten[code]}")
        return node(iri("gemeente", code))

    def _suggest_gemeente(self, row: Row) -> str:
        """``bedoeld: GM1900 (Súdwest-Fryslân)`` when the row's gemeentenaam is (close to) a current name."""
        name = (row.values.get("gemeentenaam") or "").strip()
        by_name = {n: c for c, n in self.gemeenten.items()}
        close = difflib.get_close_matches(name, by_name, n=1, cutoff=0.8) if name else []
        return f"bedoeld: {by_name[close[0]]} ({close[0]})?" if close else ""

    def slug(self, row: Row, column: str, value: str | None, known: set[str], kind: str) -> NamedNode | None:
        """The node of a known instrument or theme slug (with the closest known slug as suggestion)."""
        if value is None:
            return None
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            hint = f"bedoeld: {close[0]}?" if close else "kies uit " + ", ".join(sorted(known))
            row.problem(column, f"{value!r} is geen bekende {kind}", suggestion=hint)
            return None
        return node(iri(kind, value))


def read_tables(data_dir: Path) -> dict[str, Table]:
    """The practice files and the reference files they join with, keyed ``folder/name``."""
    tables = {}
    for folder, files in (("reference", REFERENCE_FILES), (PRAKTIJK, FILES)):
        for name, columns in files.items():
            path = Path(data_dir) / folder / name
            tables[f"{folder}/{name}"] = read_table(path, columns=columns, name=display_path(path))
    return tables


def build_praktijk(data_dir: Path, *, themas: set[str] | None = None,
                   personal: PersonalCheck | None = None) -> list[Quad]:
    """All practice quads (graph ``G_PRAKTIJK``); :class:`InputError` on any bad or unjoined value.

    ``themas`` are the allowed theme slugs (default: the theme scheme in ``ontology/``).
    ``personal``: personal data in a free-text column is an error, or redacted (``personal.redact``).
    """
    from graph.sources.ontology import concept_slugs, described_bronnen

    tables = read_tables(data_dir)
    _check_personal(tables, personal)
    known = Known(tables, concept_slugs("thema") if themas is None else themas)
    quads = Quads(G_PRAKTIJK)
    quads.already_described(NamedNode(b) for b in described_bronnen())  # stated once, in the ontology graph
    for row in tables["praktijk/toepassingen.csv"].rows:
        _add_toepassing(row, quads, known)
    for row in tables["praktijk/kerntellingen.csv"].rows:
        _add_kerntelling(row, quads, known)
    for row in _unique(tables["praktijk/lessen.csv"]):
        _add_les(row, quads, known)
    organisaties = set()
    for row in _unique(tables["praktijk/organisaties.csv"]):
        _add_organisatie(row, quads, known)
        organisaties.add(row.values["id"].strip())
    for row in tables["praktijk/ondersteuning.csv"].rows:
        praktijk_ondersteuning.add_ondersteuning(row, quads, known, organisaties)
    joined = [tables[key] for key in ("reference/gemeenten.csv", "reference/provincies.csv", "praktijk/instrumenten.csv")]
    raise_problems(tables.values(), first=joined)
    return quads.items


def _check_personal(tables: dict[str, Table], personal: PersonalCheck | None) -> None:
    """Personal data in the free text of the practice files: problems, or redacted in the rows.

    ``instrumenten.csv`` reaches the graph through the generated ontology files, where nothing can be
    redacted: a hit there is always a problem.
    """
    for name in FILES:
        rows, columns = tables[f"{PRAKTIJK}/{name}"].rows, PRAKTIJK_TEXT.get(name, ())
        redactable = name != "instrumenten.csv" and personal is not None and personal.redact
        check_rows(rows, columns, personal if redactable else PersonalCheck(lang=getattr(personal, "lang", "nl")))


def _unique(table: Table, key: str = "id"):
    """Rows whose ``key`` is a slug not seen before (problems otherwise)."""
    seen: dict[str, int] = {}
    for row in table.rows:
        value = row.matching(key, SLUG, "slug (kleine letters, cijfers, streepjes)")
        if value is None:
            continue
        if value in seen:
            row.problem(key, f"{value!r} komt dubbel voor (ook in rij {seen[value]})")
            continue
        seen[value] = row.number
        yield row


def _gemeente(row: Row, known: Known) -> tuple[str | None, NamedNode | None]:
    code = row.matching("gemeentecode", GM_CODE, "gemeentecode (GMnnnn)")
    return code, known.gemeente(row, code)


def _gyear(row: Row, column: str) -> object:
    value = row.year(column, required=False)
    return None if value is None else year(value)


def _record_key(row: Row, columns: list[str]) -> str:
    """A content key of the key columns plus every other filled cell (see TOEPASSING_KEY_COLUMNS)."""
    extra = [f"{c}={v}" for c, v in row.values.items() if c not in columns and c != "herkomst" and v.strip()]
    return content_key(*(row.values[c] for c in columns), *extra)


def _sinds_tot(row: Row) -> tuple[object, object]:
    """``sinds`` and ``tot`` as precise as the source (year, year-month or date); ``tot`` not before ``sinds``."""
    sinds, tot = row_date(row, "sinds"), row_date(row, "tot")
    if sinds is not None and tot is not None and tot.value[:len(sinds.value)] < sinds.value[:len(tot.value)]:
        row.problem("tot", f"{tot.value} ligt voor sinds ({sinds.value})")
    return sinds, tot


def _add_toepassing(row: Row, quads: Quads, known: Known) -> None:
    code, gemeente = _gemeente(row, known)
    instrument_id = row.matching("instrument_id", SLUG, "instrument-id")
    instrument = known.slug(row, "instrument_id", instrument_id, known.instrumenten, "instrument")
    sinds, tot = _sinds_tot(row)
    urls = row.urls("bron_urls")
    if not (code and instrument_id):
        return
    key = f"{code}-{instrument_id}-{_record_key(row, TOEPASSING_KEY_COLUMNS)}"
    if not known.new_key(row, "toepassing/" + key):
        return
    subject = node(iri("toepassing", key))
    quads.typed(subject, KD.Toepassing)
    quads.add(subject, KD.gemeente, gemeente)
    quads.add(subject, KD.instrument, instrument)
    name = row.text("lokale_naam", required=False)
    quads.add(subject, KD.lokaleNaam, name, lang="nl")
    quads.add(subject, RDFS.label, f"{name or instrument_id} ({known.gemeenten.get(code, code)})", lang="nl")
    quads.add(subject, KD.sinds, sinds)
    quads.add(subject, KD.tot, tot)
    quads.add(subject, DCTERMS.description, row.text("omschrijving_nl"), lang="nl")
    word, concept = beslisrecht(row)
    quads.add(subject, KD.beslisrecht, concept)
    quads.add(subject, KD.beslisrechtBron, word)
    quads.add(subject, KD.zeggenschapOver, row.text("zeggenschap_over", required=False), lang="nl")
    if by_lot(row.values.get("bewijs_citaat")):
        quads.add(subject, KD.geloot, True)
    quads.add(subject, KD.fictief, False)
    quads.bronnen(subject, urls)
    add_bronvermelding(quads, subject, "toepassing-" + key, urls, row)
    add_bedrag(row, subject, key, urls, quads)


def _add_kerntelling(row: Row, quads: Quads, known: Known) -> None:
    code, gemeente = _gemeente(row, known)
    aantal = row.integer("aantal", between=(0, 10_000))
    wat = row.text("wat_geteld")
    urls = row.urls("bron_urls")
    if code is None or aantal is None or wat is None:
        return
    key = f"{code}-{_record_key(row, KERNTELLING_KEY_COLUMNS)}"
    if not known.new_key(row, "kerntelling/" + key):
        return
    subject = node(iri("kerntelling", key))
    quads.typed(subject, KD.Kerntelling)
    quads.add(subject, KD.gemeente, gemeente)
    quads.add(subject, KD.aantal, aantal)
    quads.add(subject, KD.watGeteld, wat, lang="nl")
    quads.add(subject, RDFS.label, f"{aantal} {wat} ({known.gemeenten.get(code, code)})", lang="nl")
    quads.add(subject, KD.peiljaar, _gyear(row, "peiljaar"))
    quads.bronnen(subject, urls)
    add_bronvermelding(quads, subject, "kerntelling-" + key, urls, row)


def _add_les(row: Row, quads: Quads, known: Known) -> None:
    subject = node(iri("les", PRAKTIJK, row.values["id"].strip()))
    quads.typed(subject, KD.Les)
    quads.add(subject, DCTERMS.title, row.text("titel_nl"), lang="nl")
    quads.add(subject, RDFS.label, row.text("titel_nl"), lang="nl")
    quads.add(subject, KD.tekst, row.text("toelichting_nl"), lang="nl")
    for slug in row.items("themas"):
        quads.add(subject, KD.thema, known.slug(row, "themas", slug, known.themas, "thema"))
    for slug in row.items("instrument_ids"):
        quads.add(subject, KD.instrument, known.slug(row, "instrument_ids", slug, known.instrumenten, "instrument"))
    for code in row.items("gemeentecodes"):
        quads.add(subject, KD.bewijs, known.gemeente(row, code, column="gemeentecodes"))
    quads.add(subject, KD.fictief, False)
    urls = row.urls("bron_urls")
    quads.bronnen(subject, urls)
    add_bronvermelding(quads, subject, "les-" + row.values["id"].strip(), urls, row)


def _add_organisatie(row: Row, quads: Quads, known: Known) -> None:
    subject = node(iri("organisatie", row.values["id"].strip()))
    kind = row.choice("type", ORGANISATIE_TYPES)
    quads.typed(subject, KD.Organisatie)
    quads.add(subject, RDFS.label, row.text("naam"))
    quads.add(subject, KD.type, kind)
    quads.add(subject, KD.provincie, _provincie(row, kind, known))
    quads.add(subject, KD.opgericht, _gyear(row, "opgericht"))
    quads.add(subject, KD.ledenOfBereik, row.text("leden_of_bereik", required=False), lang="nl")
    quads.add(subject, DCTERMS.description, row.text("omschrijving_nl"), lang="nl")
    urls = row.urls("bron_urls")
    quads.bronnen(subject, urls)
    add_bronvermelding(quads, subject, "organisatie-" + row.values["id"].strip(), urls, row)


def _provincie(row: Row, kind: str | None, known: Known) -> NamedNode | None:
    """A province is named (CBS spelling; the 12 names are unique) exactly for provincial bodies."""
    name = row.text("provincie", required=kind == "provinciaal")
    if name is None:
        return None
    if kind == "landelijk":
        row.problem("provincie", "een landelijke organisatie heeft geen provincie")
    if name not in known.provincies:
        row.problem("provincie", f"{name!r} is geen provincie", suggestion="kies uit " + ", ".join(sorted(known.provincies)))
        return None
    return node(iri("provincie", known.provincies[name]))
