"""The personal-data check applied to inputs: which fields, located problems, redaction, practice data."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.ingest import PersonalCheck, load_trajectory
from graph.ingest.personal import Detector
from graph.ingest.privacy import FREE_TEXT, PRAKTIJK_TEXT, is_personal
from graph.ingest.models import KINDS
from graph.sources.praktijk import build_praktijk
from graph.settings import DEFAULT_DATA

PRIVATE = {"deelname": {"contact_naam"}}  # goes to the private graph only
EXAMPLE = DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx"


def _text_fields(model) -> list[str]:
    """Fields typed ``Text`` (required ones carry its validator in metadata, optional ones in the annotation)."""
    return [name for name, f in model.model_fields.items() if "function _text" in repr((f.annotation, f.metadata))]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_free_text_field_is_checked(kind):
    assert set(FREE_TEXT[kind]) == set(_text_fields(KINDS[kind])) - PRIVATE.get(kind, set())


def _praktijk_copy(tmp_path: Path) -> Path:
    for name in ("gemeenten.csv", "provincies.csv"):
        (tmp_path / "reference").mkdir(exist_ok=True)
        shutil.copy(DEFAULT_DATA / "reference" / name, tmp_path / "reference" / name)
    shutil.copytree(DEFAULT_DATA / "praktijk", tmp_path / "praktijk")
    return tmp_path


def _plant(path: Path, column: str, text: str) -> None:
    """Append ``text`` to ``column`` in the first data row (spreadsheet row 2) of the CSV at ``path``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rows[0][column] += text
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_practice_data_with_a_phone_number_is_refused_at_its_cell(tmp_path):
    data = _praktijk_copy(tmp_path)
    _plant(data / "praktijk" / "lessen.csv", "toelichting_nl", " Bel 06-12345678.")
    with pytest.raises(InputError) as info:
        build_praktijk(data)
    assert [str(p).rsplit("/", 1)[-1] for p in info.value.problems] == [
        "lessen.csv::2:toelichting_nl: persoonsgegeven in lessen.toelichting_nl: telefoonnummer; verwijder het"]


def test_practice_data_redacted_on_request(tmp_path):
    data = _praktijk_copy(tmp_path)
    _plant(data / "praktijk" / "organisaties.csv", "omschrijving_nl", " Mail info@example.org.")
    check = PersonalCheck(redact=True)
    quads = build_praktijk(data, personal=check)
    texts = [q.object.value for q in quads if hasattr(q.object, "language")]
    assert dict(check.redacted) == {"email": 1}
    assert any(t.endswith(" Mail [verwijderd: e-mailadres].") for t in texts)
    assert not any("info@example.org" in t for t in texts)


def test_the_instrument_scheme_is_never_redacted(tmp_path):
    """instrumenten.csv reaches the graph through generated ontology files: a hit stays an error."""
    data = _praktijk_copy(tmp_path)
    _plant(data / "praktijk" / "instrumenten.csv", "definitie_nl", " Zie 0513-123456.")
    with pytest.raises(InputError) as info:
        build_praktijk(data, personal=PersonalCheck(redact=True))
    assert [p.column for p in info.value.problems] == ["definitie_nl"]


@pytest.mark.parametrize("name", sorted(PRAKTIJK_TEXT))
def test_the_bundled_practice_data_has_no_personal_data(name):
    detector = Detector()
    with (DEFAULT_DATA / "praktijk" / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and [(n, c) for n, row in enumerate(rows, 2) for c in PRAKTIJK_TEXT[name]
                     if detector.find(row[c] or "")] == []


def test_the_bundled_example_has_no_personal_data_in_free_text():
    trajectory, warnings = load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA)
    assert not any(is_personal(p) for p in warnings) and len(trajectory.les) > 10


def test_redacting_the_example_changes_nothing():
    check = PersonalCheck(redact=True)
    redacted, _ = load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA, personal=check)
    assert dict(check.redacted) == {} and redacted == load_trajectory(EXAMPLE, data_dir=DEFAULT_DATA)[0]


def _old_store(path: Path) -> None:
    """A store as one built before the check could be: a kept trajectory with a phone number in a text."""
    import pyoxigraph as ox

    from graph.build import Source, build
    from graph.namespace import G_PRIVATE, KD, SCHEMA, graph_iri

    from rdflib.namespace import RDF

    graph, private = ox.NamedNode(str(graph_iri("traject", "oud"))), ox.NamedNode(str(G_PRIVATE))
    les, deelname = ox.NamedNode("https://example.org/les/1"), ox.NamedNode("https://example.org/deelname/1")
    person = ox.NamedNode("https://example.org/persoon/1")
    quads = [ox.Quad(les, ox.NamedNode(str(KD.tekst)), ox.Literal("Bel Anna Oud: 06-12345678", language="nl"), graph),
             ox.Quad(deelname, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KD.Deelname)), graph),
             ox.Quad(deelname, ox.NamedNode(str(KD.contactpersoon)), person, private),
             ox.Quad(person, ox.NamedNode(str(SCHEMA.name)), ox.Literal("Anna Oud"), private)]
    build(store_dir=path, sources=[Source("traject oud", None, lambda: quads)], validate=False, cache=False)


def _rebuild(path: Path, **options):
    import pyoxigraph as ox

    from graph.build import Source, build
    from graph.namespace import G_REFERENCE, KD

    quad = ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode(str(KD.code)), ox.Literal("x"),
                   ox.NamedNode(str(G_REFERENCE)))
    return build(store_dir=path, sources=[Source("referentie", G_REFERENCE, lambda: [quad])], validate=False,
                 cache=False, **options)


def test_a_kept_trajectory_with_personal_data_refuses_the_build(tmp_path):
    _old_store(tmp_path / "store")
    before = (tmp_path / "store").resolve()
    with pytest.raises(InputError) as info:
        _rebuild(tmp_path / "store")
    assert [str(p).split(":", 1)[1] for p in info.value.problems] == [
        "oud::tekst: persoonsgegeven in oud.tekst: naam; kernen build --redact vervangt het, --remove oud laat het "
        "traject weg",
        "oud::tekst: persoonsgegeven in oud.tekst: telefoonnummer; kernen build --redact vervangt het, --remove oud "
        "laat het traject weg"]
    assert (tmp_path / "store").resolve() == before


def test_a_kept_trajectory_is_redacted_on_request(tmp_path):
    import pyoxigraph as ox

    _old_store(tmp_path / "store")
    report = _rebuild(tmp_path / "store", redact=True)
    texts = [q.object.value for q in ox.Store.read_only(str(report.version)) if q.object.value.startswith("Bel")]
    assert texts == ["Bel [verwijderd: naam]: [verwijderd: telefoonnummer]"] and report.redacted == {"naam": 1,
                                                                                                      "telefoon": 1}


NOT_FREE_TEXT = {"id", "gemeentecode", "gemeentenaam", "instrument_id", "sinds", "tot", "bedrag_eur", "peiljaar",
                 "bron_urls", "aantal", "themas", "instrument_ids", "gemeentecodes", "type", "provincie", "opgericht",
                 "beslisrecht", "geraadpleegd", "bedrag_soort", "bedrag_periode", "inwoners_min", "inwoners_max",
                 "herkomst", "organisatie_id"}


def test_every_practice_column_is_either_checked_or_a_code():
    """A new column in the practice files must be put on one side: free text (checked) or not."""
    from graph.sources.praktijk import FILES

    unclassified = {name: set(columns) - set(PRAKTIJK_TEXT.get(name, ())) - NOT_FREE_TEXT
                    for name, columns in FILES.items()}
    assert {name: cols for name, cols in unclassified.items() if cols} == {}
