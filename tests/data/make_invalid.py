"""Write the invalid test cases: one input per case plus ``<case>.expected`` with the error lines.

    python tests/data/make_invalid.py

Each case is a small valid trajectory with one kind of mistake (the demo workbook has four). The
expected lines are written by hand below, not computed by the code under test; paths are relative
to ``tests/data/invalid``.
"""

from __future__ import annotations

import copy
import csv
import io
import sys
from pathlib import Path
from typing import Any, Callable

import openpyxl
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_voorbeeld import _reproducible  # noqa: E402

INVALID = Path(__file__).resolve().parent / "invalid"

BASE: dict[str, list[dict[str, Any]]] = {
    "traject": [{"id": "t", "naam": "Testtraject (fictief)", "fictief": "ja"}],
    "deelname": [{"gemeente": "GM1900", "contact_rol": "beleidsmedewerker"}, {"gemeente": "Het Hogeland"}],
    "project": [{"id": "p1", "gemeente": "GM1900", "titel": "Project"}],
    "vraagstuk": [{"id": "v1", "gemeente": "GM1900", "titel": "Vraag", "project": "p1"}],
    "actie": [{"id": "a1", "vraagstuk": "v1", "titel": "Actie", "status": "bezig"}],
    "bijeenkomst": [{"id": "regio-1", "soort": "regionale-uitwisseling", "datum": "01-03-2024"}],
    "les": [{"id": "l1", "titel": "Les", "bijeenkomst": "regio-1", "themas": "draagvlak", "gemeenten": "GM1900; GM1966"}],
}


def _set(kind: str, index: int, **values: Any) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data[kind][index].update(values)
    return change


def _add(kind: str, row: dict[str, Any]) -> Callable[[dict], None]:
    return lambda data: data.setdefault(kind, []).append(row)


def _drop(kind: str) -> Callable[[dict], None]:
    return lambda data: data.pop(kind)


KNOWN_LES = "bekend: id, titel, tekst, themas, instrumenten, gemeenten, bijeenkomst, bron_url"
# name, format (xlsx | yaml | csv | csv-cp1252), changes, expected error lines ({f} is the file for the sheet)
CASES: list[tuple[str, str, list[Callable[[dict], None]], list[str]]] = [
    ("demo-vier-fouten", "xlsx", [
        _set("deelname", 0, gemeente="Sudwest Frislan"), _set("bijeenkomst", 0, datum="31-02-2019"),
        _add("les", {"id": "l2", "titel": "Les 2", "bijeenkomst": "regio-9"}), _set("les", 0, kleur="rood")], [
        "{f}:deelname:2:gemeente: 'Sudwest Frislan' is geen gemeente; bedoelt u Súdwest-Fryslân (GM1900)?",
        "{f}:bijeenkomst:2:datum: '31-02-2019' is geen geldige datum: februari 2019 heeft 28 dagen",
        "{f}:les:3:bijeenkomst: bijeenkomst 'regio-9' bestaat niet; bedoelt u regio-1?",
        f"{{f}}:les:1:kleur: onbekende kolom 'kleur'; {KNOWN_LES}"]),
    ("gemeente-bijna", "yaml", [_set("deelname", 1, gemeente="Het Hoogeland")], [
        "{f}:deelname:2:gemeente: 'Het Hoogeland' is geen gemeente; bedoelt u Het Hogeland (GM1966)?"]),
    ("gemeente-gesplitst", "yaml", [_set("les", 0, gemeenten="GM1900; Winsum")], [
        "{f}:les:1:gemeenten: 'Winsum' is een voormalige gemeente (Winsum), verdeeld over meer gemeenten; "
        "noem de huidige gemeente: Het Hogeland (GM1966) of Westerkwartier (GM1969)"]),
    ("gemeente-dubbelzinnig", "yaml", [_add("deelname", {"gemeente": "Bergen"})], [
        "{f}:deelname:3:gemeente: 'Bergen' is dubbelzinnig; bedoelt u Bergen (NH.) (GM0373) of Bergen (L.) (GM0893)?"]),
    ("instrument-onbekend", "yaml", [_set("project", 0, instrumenten="dorpsbudgetten")], [
        "{f}:project:1:instrumenten: 'dorpsbudgetten' is geen instrument; bedoelt u dorpsbudget (Dorpsbudget / wijkbudget)?"]),
    ("thema-onbekend", "yaml", [_set("les", 0, themas="draagvlak; dorpsplan")], [
        "{f}:les:1:themas: 'dorpsplan' is geen thema; bedoelt u dorpsplannen?"]),
    ("soort-onbekend", "yaml", [_set("bijeenkomst", 0, soort="werkbezoekk", gastgemeente="GM1681")], [
        "{f}:bijeenkomst:1:soort: 'werkbezoekk' is niet een van: intake, startbijeenkomst, regionale-uitwisseling, "
        "werkbezoek of slotbijeenkomst; bedoelt u werkbezoek?"]),
    ("status-onbekend", "csv", [_set("actie", 0, status="klaar")], [
        "{f}:actie:2:status: 'klaar' is niet een van: gepland, bezig, gereed of vervallen"]),
    ("werkbezoek-zonder-gast", "yaml", [_set("bijeenkomst", 0, soort="werkbezoek")], [
        "{f}:bijeenkomst:1:gastgemeente: een werkbezoek heeft een gastgemeente nodig"]),
    ("actie-zonder-vraagstuk", "yaml", [_set("actie", 0, vraagstuk="v2")], [
        "{f}:actie:1:vraagstuk: vraagstuk 'v2' bestaat niet; bedoelt u v1?"]),
    ("project-niet-deelnemer", "yaml", [_set("project", 0, gemeente="Altena")], [
        "{f}:project:1:gemeente: gemeente GM1959 doet niet mee (geen rij in deelname); voeg er een rij in deelname voor toe"]),
    ("les-dubbel-id", "yaml", [_add("les", {"id": "l1", "titel": "Nog een les"})], [
        "{f}:les:2:: 'l1' staat er twee keer (ook op rij 1)"]),
    ("geen-traject", "yaml", [_drop("traject")], [
        "{f}:traject::: geen traject: één rij met id en naam is verplicht"]),
    ("twee-trajecten", "yaml", [_add("traject", {"id": "t2", "naam": "Tweede"})], [
        "{f}:traject:2:: er mag maar één traject zijn"]),
    ("blad-onbekend", "xlsx", [lambda d: d.update(lessen=d.pop("les"))], [
        "{f}:lessen::: 'lessen' is geen soort record; bedoelt u les?"]),
    ("kolom-ontbreekt", "csv", [_set("project", 0, titel=None)], [
        "{f}:project:1:titel: kolom 'titel' ontbreekt"]),
    ("persoonsgegevens", "xlsx", [
        _set("deelname", 0, contact_naam="Anna Geplant (fictief)"),
        _set("les", 0, tekst="Mail anna@example.org of bel 06-12345678"),
        _set("actie", 0, eigenaar_rol="A. Geplant"), _set("bijeenkomst", 0, titel="Overleg, (010) 123 45 67")], [
        "{f}:les:2:tekst: persoonsgegeven in les.tekst: e-mailadres; verwijder het of zet het in contact_email",
        "{f}:les:2:tekst: persoonsgegeven in les.tekst: telefoonnummer; verwijder het of zet het in contact_telefoon",
        "{f}:actie:2:eigenaar_rol: persoonsgegeven in actie.eigenaar_rol: naam; verwijder het of zet het in contact_naam",
        "{f}:bijeenkomst:2:titel: persoonsgegeven in bijeenkomst.titel: telefoonnummer; "
        "verwijder het of zet het in contact_telefoon"]),
    ("email-ongeldig", "yaml", [_set("deelname", 0, contact_email="anna-at-example.org")], [
        "{f}:deelname:1:contact_email: 'anna-at-example.org' is geen geldig e-mailadres; bv. naam@example.org"]),
    ("bedrag-dubbelzinnig", "csv-cp1252", [_add("toepassing", {"gemeente": "Súdwest-Fryslân",
                                                                "instrument": "kernenfonds", "bedrag": "€ 12,500"})], [
        "{f}:toepassing:2:bedrag: '€ 12,500' is dubbelzinnig: 12,5 of 12500? schrijf 12500 of 12,5"]),
    ("tot-voor-sinds", "yaml", [_add("toepassing", {"gemeente": "GM1900", "instrument": "dorpsraad",
                                                     "sinds": 2020, "tot": 2018})], [
        "{f}:toepassing:1:tot: tot (2018) ligt voor sinds (2020)"]),
    ("aantal-kernen-tekst", "yaml", [_set("deelname", 0, aantal_kernen="veel")], [
        "{f}:deelname:1:aantal_kernen: 'veel' is geen geheel getal"]),
    ("maand-dertien", "yaml", [_set("actie", 0, deadline="01-13-2024")], [
        "{f}:actie:1:deadline: '01-13-2024' is geen geldige datum: er is geen maand 13"]),
    ("fictief-geen-janee", "yaml", [_set("traject", 0, fictief="misschien")], [
        "{f}:traject:1:fictief: 'misschien' is geen ja of nee"]),
]
RAW_CASES = {  # name -> (file name, bytes, expected)
    "geen-werkboek": ("geen-werkboek.xlsx", b"dit is geen zip", ["{f}:::: geen leesbaar .xlsx-werkboek (BadZipFile)"]),
    "yaml-syntax": ("yaml-syntax.yaml", b"traject: [\n  - id: t\n", ["{f}::2:: geen geldige YAML (ParserError)"]),
    "yaml-lijst": ("yaml-lijst.yaml", b"- traject\n- les\n",
                   ["{f}:::: het bestand moet per soort record een lijst records geven"]),
}


def _rows(records: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    header: list[str] = []
    for row in records:
        header += [k for k, v in row.items() if k not in header and v is not None]
    return header, [[row.get(h) for h in header] for row in records]


def write_case(name: str, fmt: str, data: dict) -> tuple[Path, dict[str, str]]:
    """Write one case; return its path and the file name to show per sheet."""
    if fmt == "yaml":
        path = INVALID / f"{name}.yaml"
        clean = {k: [{c: v for c, v in r.items() if v is not None} for r in rows] for k, rows in data.items()}
        path.write_text(yaml.safe_dump(clean, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path, {}
    if fmt == "xlsx":
        path, wb = INVALID / f"{name}.xlsx", openpyxl.Workbook()
        wb.remove(wb.active)
        for kind, records in data.items():
            ws = wb.create_sheet(kind)
            header, rows = _rows(records)
            ws.append(header)
            for row in rows:
                ws.append(row)
        buffer = io.BytesIO()
        wb.save(buffer)
        path.write_bytes(_reproducible(buffer.getvalue()))
        return path, {}
    folder = INVALID / name
    folder.mkdir(exist_ok=True)
    encoding, sep = ("cp1252", ";") if fmt == "csv-cp1252" else ("utf-8", ",")
    for kind, records in data.items():
        header, rows = _rows(records)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
        writer.writerows([header] + [["" if v is None else str(v) for v in row] for row in rows])
        (folder / f"{kind}.csv").write_bytes(buffer.getvalue().encode(encoding))
    return folder, {kind: f"{name}/{kind}.csv" for kind in data}


def main() -> None:
    INVALID.mkdir(exist_ok=True)
    for name, fmt, changes, expected in CASES:
        data = copy.deepcopy(BASE)
        for change in changes:
            change(data)
        path, per_sheet = write_case(name, fmt, data)
        lines = [_located(line, path.name, per_sheet) for line in expected]
        (INVALID / f"{name}.expected").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, (file_name, content, expected) in RAW_CASES.items():
        (INVALID / file_name).write_bytes(content)
        lines = [line.replace("{f}", file_name) for line in expected]
        (INVALID / f"{name}.expected").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _located(line: str, file_name: str, per_sheet: dict[str, str]) -> str:
    sheet = line.split(":", 2)[1]
    return line.replace("{f}", per_sheet.get(sheet, file_name))


if __name__ == "__main__":
    main()
