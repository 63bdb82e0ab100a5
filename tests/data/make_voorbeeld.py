"""Write the FICTIONAL example trajectory and the valid test variants from plain records.

    python tests/data/make_voorbeeld.py

Writes ``data/trajecten/voorbeeld/voorbeeld.xlsx`` (through the template, so it has the dropdowns)
and, under ``tests/data/valid/<case>/``, the same records as YAML, as a UTF-8 comma CSV folder and
as a Windows-1252 semicolon CSV folder with Dutch dates (as a Dutch Excel saves it); plus a small
``compleet`` case that uses every record kind and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import voorbeeld_data  # noqa: E402

from graph.ingest.models import columns  # noqa: E402
from graph.settings import DEFAULT_DATA  # noqa: E402
from graph.ingest.template import workbook  # noqa: E402

FIXED_TIME = dt.datetime(2025, 1, 1)


def _text(value, *, dutch: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y") if dutch else value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, Decimal) and dutch:
        return str(value).replace(".", ",")
    return str(value)


def write_xlsx(records: dict, path: Path) -> None:
    wb = workbook(data_dir=DEFAULT_DATA, records=records)
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible(buffer.getvalue()))


def _reproducible(xlsx: bytes) -> bytes:
    """The same bytes on every run: fixed zip timestamps and a fixed 'modified' date (openpyxl sets now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6]), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_csv(records: dict, folder: Path, *, encoding: str, sep: str, dutch: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for kind, rows in records.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n" if dutch else "\n")
        writer.writerow(columns(kind))
        for row in rows:
            writer.writerow([_text(row.get(c), dutch=dutch) for c in columns(kind)])
        (folder / f"{kind}.csv").write_bytes(buffer.getvalue().encode(encoding))


def _yaml_value(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def write_yaml(records: dict, path: Path) -> None:
    data = {kind: [{k: _yaml_value(v) for k, v in row.items() if v not in (None, [])} for row in rows]
            for kind, rows in records.items() if rows}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def compleet() -> dict:
    """A small trajectory that uses every record kind and every column (test data, not facts)."""
    return {
        "traject": [{"id": "compleet", "naam": "Testtraject (fictief)", "fictief": True, "omschrijving": "Testdata.",
                     "begindatum": dt.date(2024, 2, 1), "einddatum": dt.date(2024, 12, 31)}],
        "deelname": [
            {"gemeente": "GM1900", "heringedeeld": True, "aantal_kernen": 89, "contact_rol": "beleidsmedewerker",
             "contact_naam": "Test Persoon (fictief)", "contact_email": "test@example.org",
             "contact_telefoon": "+31 6 00000000", "leergroep": "Testgroep"},
            {"gemeente": "GM1966", "heringedeeld": False, "leergroep": "Testgroep"},
        ],
        "project": [{"id": "p1", "gemeente": "GM1900", "titel": "Testproject", "omschrijving": "Omschrijving; met puntkomma",
                     "themas": ["draagvlak"], "instrumenten": ["kernenfonds"]}],
        "vraagstuk": [{"id": "v1", "gemeente": "GM1900", "titel": "Testvraag, met komma", "themas": ["budgetverdeling"],
                       "instrumenten": ["dorpsbudget"], "project": "p1", "ambitie": "meebeslissen"}],
        "actie": [{"id": "a1", "vraagstuk": "v1", "titel": "Testactie", "eigenaar_rol": "wethouder",
                   "deadline": dt.date(2024, 5, 31), "status": "bezig"}],
        "bijeenkomst": [
            {"id": "b1", "soort": "startbijeenkomst", "datum": dt.date(2024, 2, 1), "titel": "Start", "plaats": "Sneek",
             "volgnummer": 1},
            {"id": "b2", "soort": "werkbezoek", "datum": dt.date(2024, 3, 1), "plaats": "Winsum",
             "gastgemeente": "GM1966", "volgnummer": 2},
        ],
        "aanwezigheid": [{"bijeenkomst": "b1", "gemeente": "GM1900", "rol": "wethouder"},
                         {"bijeenkomst": "b2", "gemeente": "GM1966"}],
        "les": [{"id": "l1", "titel": "Testles", "tekst": "Tekst met \"aanhalingstekens\" en é.",
                 "themas": ["draagvlak", "vertrouwen"], "instrumenten": ["dorpsbudget"],
                 "gemeenten": ["GM1900", "GM1966"], "bijeenkomst": "b2", "bron_url": "https://example.org/verslag"}],
        "uitkomst": [{"id": "u1", "gemeente": "GM1900", "omschrijving": "Testuitkomst", "project": "p1", "les": "l1",
                      "datum": dt.date(2024, 6, 1)}],
        "toepassing": [{"gemeente": "GM1900", "instrument": "kernenfonds", "lokale_naam": "Testfonds",
                        "omschrijving": "Testtoepassing", "sinds": 2020, "tot": 2024, "bedrag": Decimal("12500.5"),
                        "bedrag_peiljaar": 2022, "bedrag_toelichting": "per jaar", "beslisrecht": "zwaarwegend-advies",
                        "zeggenschap_over": "verdeling van het fonds"}],
    }


def main() -> None:
    valid = HERE / "valid"
    example = voorbeeld_data.records()
    write_xlsx(example, ROOT / "data" / "trajecten" / "voorbeeld" / "voorbeeld.xlsx")
    write_yaml(example, valid / "voorbeeld" / "voorbeeld.yaml")
    write_csv(example, valid / "voorbeeld" / "csv-utf8", encoding="utf-8", sep=",", dutch=False)
    write_csv(example, valid / "voorbeeld" / "csv-cp1252", encoding="cp1252", sep=";", dutch=True)
    small = compleet()
    write_xlsx(small, valid / "compleet" / "compleet.xlsx")
    write_yaml(small, valid / "compleet" / "compleet.yaml")
    write_csv(small, valid / "compleet" / "csv-bom", encoding="utf-8-sig", sep=";", dutch=True)
    write_csv(small, valid / "compleet" / "csv-utf8", encoding="utf-8", sep=",", dutch=False)


if __name__ == "__main__":
    main()
