"""The reference graph: provinces, gemeenten, kernen (BAG woonplaatsen), wijken, buurten, herindelingen.

Everything is joined on codes (CBS gemeente/wijk/buurt codes, BAG woonplaatscodes), never on
names: 70 woonplaats names repeat. A code that does not join is a located problem. Figures are
CBS figures on 1 January 2024; their units and sources are in the ontology's property definitions
and in the provenance of the graph (:mod:`graph.sources.provenance`).

>>> from graph.settings import DEFAULT_DATA
>>> table = read_reference(DEFAULT_DATA, "provincies.csv")
>>> len(table.rows), table.problems
(12, [])
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from pyoxigraph import NamedNode, Quad
from rdflib.namespace import OWL, RDFS

from graph.sources.herindelingen import COLUMNS as HERINDELING_FILES
from graph.sources.herindelingen import add_herindelingen
from graph.namespace import G_REFERENCE, GEO, KD, WD, iri
from graph.ingest.tables import Row, Table, raise_problems, read_table
from graph.sources.nabijheid import add_nabijheid
from graph.sources.terms import Quads, node, wkt_point

REFERENCE = "reference"
GM_CODE = r"GM[0-9]{4}"
PV_CODE = r"PV[0-9]{2}"
WK_CODE = r"WK[0-9]{4}[0-9A-Z]{2}"  # Amsterdam uses letters: WK0363AA
BU_CODE = r"BU[0-9]{4}[0-9A-Z]{4}"
WP_CODE = r"[0-9]{4}|F[0-9]{5}"  # BAG woonplaatscode; F + 5 digits: fictional (benchmark) kernen
QID = r"Q[0-9]+"
TOOI_GEMEENTE = r"https://identifier\.overheid\.nl/tooi/id/gemeente/gm[0-9]{4}"
TOOI_PROVINCIE = r"https://identifier\.overheid\.nl/tooi/id/provincie/pv[0-9]{2}"

FILES: dict[str, list[str]] = {
    "provincies.csv": ["provinciecode", "provincienaam_cbs", "wikidata_qid", "tooi_uri", "aantal_gemeenten_2026"],
    "gemeenten.csv": [
        "gemeentecode", "gemeentenaam", "provinciecode", "wikidata_qid", "tooi_uri", "inwoners_2024",
        "oppervlakte_land_ha_2024", "oppervlakte_water_ha_2024", "bevolkingsdichtheid_2024",
        "huishoudens_2024", "mate_van_stedelijkheid_2024", "centroid_lat", "centroid_lon",
        "aantal_woonplaatsen_2024", "aantal_wijken_2024", "aantal_buurten_2024",
    ],
    "woonplaatsen_2024.csv": ["woonplaatscode", "woonplaatsnaam", "gemeentecode_gm", "corop_code"],
    "wijken_2024.csv": ["wijkcode", "wijknaam", "gemeentecode", "inwoners", "huishoudens", "oppervlakte_land_ha"],
    "buurten_2024.csv": [
        "buurtcode", "buurtnaam", "wijkcode", "gemeentecode", "inwoners", "huishoudens", "oppervlakte_land_ha",
    ],
    **HERINDELING_FILES,
}


def display_path(path: Path) -> str:
    """``path`` relative to the working directory where possible (for messages)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def read_reference(data_dir: Path, name: str) -> Table:
    """Read ``<data_dir>/reference/<name>`` with the columns the builder needs."""
    path = Path(data_dir) / REFERENCE / name
    return read_table(path, columns=FILES[name], name=display_path(path))


def build_reference(data_dir: Path) -> list[Quad]:
    """All reference quads (graph ``G_REFERENCE``); :class:`InputError` on any bad or unjoined value."""
    quads = Quads(G_REFERENCE)
    tables = {name: read_reference(data_dir, name) for name in FILES}
    provincies = _add_provincies(tables["provincies.csv"], quads)
    gemeenten = _add_gemeenten(tables["gemeenten.csv"], quads, provincies)
    add_nabijheid(_centroids(tables["gemeenten.csv"]), quads)
    _add_kernen(tables["woonplaatsen_2024.csv"], quads, gemeenten)
    wijken = _add_wijken(tables["wijken_2024.csv"], quads, gemeenten)
    _add_buurten(tables["buurten_2024.csv"], quads, gemeenten, wijken)
    add_herindelingen(tables, quads, gemeenten=gemeenten, provincies=provincies)
    if not any(table.problems for table in tables.values()):
        _check_counts(tables)
    raise_problems(tables.values(), first=[tables["provincies.csv"], tables["gemeenten.csv"]])
    return quads.items


def _centroids(table: Table) -> dict[str, tuple[float, float]]:
    """CBS code -> (lat, lon) of every gemeente with a well-formed centroid (the others are problems elsewhere)."""
    out = {}
    for row in table.rows:
        try:
            out[row.values["gemeentecode"].strip()] = (float(row.values["centroid_lat"]), float(row.values["centroid_lon"]))
        except ValueError:
            continue
    return out


# (file with the totals, its key column, its count column) -> (file with the rows, their key column)
COUNTS = {
    ("provincies.csv", "provinciecode", "aantal_gemeenten_2026"): ("gemeenten.csv", "provinciecode"),
    ("gemeenten.csv", "gemeentecode", "aantal_woonplaatsen_2024"): ("woonplaatsen_2024.csv", "gemeentecode_gm"),
    ("gemeenten.csv", "gemeentecode", "aantal_wijken_2024"): ("wijken_2024.csv", "gemeentecode"),
    ("gemeenten.csv", "gemeentecode", "aantal_buurten_2024"): ("buurten_2024.csv", "gemeentecode"),
}


def _check_counts(tables: dict[str, Table]) -> None:
    """The stated totals must match the rows: catches a file cut off at a line break (missing rows)."""
    for (total_file, key, column), (detail_file, detail_key) in COUNTS.items():
        found = Counter(row.values[detail_key].strip() for row in tables[detail_file].rows)
        for row in tables[total_file].rows:
            expected = row.integer(column)
            code = row.values[key].strip()
            if expected is not None and found[code] != expected:
                row.problem(column, f"{expected} verwacht voor {code}, {found[code]} gevonden in {detail_file}",
                            suggestion=f"is {detail_file} afgekapt of onvolledig?")


def _rows(table: Table, key: str):
    """The rows of ``table``, skipping (and reporting) duplicate keys."""
    seen: dict[str, int] = {}
    for row in table.rows:
        value = row.values.get(key, "").strip()
        if value in seen:
            row.problem(key, f"{value!r} komt dubbel voor (ook in rij {seen[value]})")
            continue
        seen[value] = row.number
        yield row


def _join(row: Row, column: str, pattern: str, known: dict[str, NamedNode], what: str) -> NamedNode | None:
    """The node of the code in ``column``, which must be one of ``known`` (a problem otherwise)."""
    code = row.matching(column, pattern, f"{what}code")
    if code is None:
        return None
    if code not in known:
        row.problem(column, f"{code!r} is geen bekende {what} ({len(known)} bekend)")
        return None
    return known[code]


def _add_provincies(table: Table, quads: Quads) -> dict[str, NamedNode]:
    known: dict[str, NamedNode] = {}
    for row in _rows(table, "provinciecode"):
        code = row.matching("provinciecode", PV_CODE, "provinciecode (PVnn)")
        name = row.text("provincienaam_cbs")
        qid = row.matching("wikidata_qid", QID, "Wikidata-id (Qnnn)")
        tooi = row.matching("tooi_uri", TOOI_PROVINCIE, "TOOI-provincie-URI")
        if code is None:
            continue
        subject = known[code] = node(iri("provincie", code))
        quads.typed(subject, KD.Provincie)
        quads.add(subject, KD.code, code)
        quads.add(subject, RDFS.label, name)
        quads.add(subject, OWL.sameAs, tooi and node(tooi))
        quads.add(subject, OWL.sameAs, qid and node(WD[qid]))
    return known


def _add_gemeenten(table: Table, quads: Quads, provincies: dict[str, NamedNode]) -> dict[str, NamedNode]:
    known: dict[str, NamedNode] = {}
    for row in _rows(table, "gemeentecode"):
        code = row.matching("gemeentecode", GM_CODE, "gemeentecode (GMnnnn)")
        provincie = _join(row, "provinciecode", PV_CODE, provincies, "provincie")
        if code is None:
            continue
        subject = known[code] = node(iri("gemeente", code))
        quads.typed(subject, KD.Gemeente)
        quads.add(subject, KD.code, code)
        quads.add(subject, RDFS.label, row.text("gemeentenaam"))
        quads.add(subject, KD.provincie, provincie)
        _add_gemeente_figures(row, subject, quads)
        _add_gemeente_links(row, subject, quads)
    return known


def _add_gemeente_figures(row: Row, subject: NamedNode, quads: Quads) -> None:
    quads.add(subject, KD.inwoners, row.integer("inwoners_2024"))
    quads.add(subject, KD.oppervlakteLandHa, row.integer("oppervlakte_land_ha_2024"))
    quads.add(subject, KD.oppervlakteWaterHa, row.integer("oppervlakte_water_ha_2024"))
    quads.add(subject, KD.bevolkingsdichtheid, row.integer("bevolkingsdichtheid_2024"))
    quads.add(subject, KD.huishoudens, row.integer("huishoudens_2024"))
    quads.add(subject, KD.stedelijkheid, row.integer("mate_van_stedelijkheid_2024", between=(1, 5)))


def _add_gemeente_links(row: Row, subject: NamedNode, quads: Quads) -> None:
    qid = row.matching("wikidata_qid", QID, "Wikidata-id (Qnnn)")
    tooi = row.matching("tooi_uri", TOOI_GEMEENTE, "TOOI-gemeente-URI")
    quads.add(subject, OWL.sameAs, tooi and node(tooi))
    quads.add(subject, OWL.sameAs, qid and node(WD[qid]))
    lat, lon = row.decimal("centroid_lat"), row.decimal("centroid_lon")
    if lat is None or lon is None:
        return
    if not (50 <= lat <= 54 and 3 <= lon <= 8):
        row.problem("centroid_lat", f"({lat}, {lon}) ligt niet in Nederland")
        return
    geometry = node(iri("geometrie", row.values["gemeentecode"].strip()))
    quads.add(subject, GEO.hasGeometry, geometry)
    quads.add(subject, GEO.hasCentroid, geometry)
    quads.typed(geometry, GEO.Geometry)
    quads.add(geometry, GEO.asWKT, wkt_point(lon, lat))


def _add_kernen(table: Table, quads: Quads, gemeenten: dict[str, NamedNode]) -> None:
    for row in _rows(table, "woonplaatscode"):
        code = row.matching("woonplaatscode", WP_CODE, "BAG-woonplaatscode (4 cijfers)")
        gemeente = _join(row, "gemeentecode_gm", GM_CODE, gemeenten, "gemeente")
        corop = row.matching("corop_code", "[0-9]{1,2}", "COROP-code")
        if code is None:
            continue
        subject = node(iri("kern", code))
        quads.typed(subject, KD.Kern)
        quads.add(subject, KD.code, code)
        quads.add(subject, RDFS.label, row.text("woonplaatsnaam"))
        quads.add(subject, KD.gemeente, gemeente)
        quads.add(subject, KD.corop, corop and f"CR{int(corop):02d}")


def _add_wijken(table: Table, quads: Quads, gemeenten: dict[str, NamedNode]) -> dict[str, NamedNode]:
    known: dict[str, NamedNode] = {}
    for row in _rows(table, "wijkcode"):
        code = row.matching("wijkcode", WK_CODE, "wijkcode (WKnnnnnn)")
        gemeente = _join(row, "gemeentecode", GM_CODE, gemeenten, "gemeente")
        if code is None:
            continue
        subject = known[code] = node(iri("wijk", code))
        _add_area(row, subject, KD.Wijk, code, "wijknaam", gemeente, quads)
    return known


def _add_buurten(table: Table, quads: Quads, gemeenten: dict[str, NamedNode], wijken: dict[str, NamedNode]) -> None:
    for row in _rows(table, "buurtcode"):
        code = row.matching("buurtcode", BU_CODE, "buurtcode (BUnnnnnnnn)")
        gemeente = _join(row, "gemeentecode", GM_CODE, gemeenten, "gemeente")
        wijk = _join(row, "wijkcode", WK_CODE, wijken, "wijk")
        if code is None:
            continue
        subject = node(iri("buurt", code))
        _add_area(row, subject, KD.Buurt, code, "buurtnaam", gemeente, quads)
        quads.add(subject, _WIJK, wijk)


# predicates of the hot path (17,967 wijken and buurten), converted to pyoxigraph once
_CODE, _LABEL, _GEMEENTE, _WIJK = node(KD.code), node(RDFS.label), node(KD.gemeente), node(KD.wijk)
_FIGURES = ((node(KD.inwoners), "inwoners"), (node(KD.huishoudens), "huishoudens"),
            (node(KD.oppervlakteLandHa), "oppervlakte_land_ha"))


def _add_area(row: Row, subject: NamedNode, cls, code: str, name_column: str, gemeente, quads: Quads) -> None:
    """The shared part of a wijk or buurt: type, code, name, gemeente and KWB 2024 figures."""
    quads.typed(subject, cls)
    quads.add(subject, _CODE, code)
    quads.add(subject, _LABEL, row.text(name_column))
    quads.add(subject, _GEMEENTE, gemeente)
    for predicate, column in _FIGURES:
        quads.add(subject, predicate, row.integer(column, required=False))
