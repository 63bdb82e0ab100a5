"""The input workbook: an instructions sheet in Dutch, a sheet per record kind with a comment on every
column header, and dropdowns for controlled values (long lists on a hidden ``lijsten`` sheet).

:func:`workbook` optionally fills the sheets with records, so the example trajectory and the tests
are written through the same template the facilitator gets.

>>> from graph.settings import DEFAULT_DATA
>>> wb = workbook(data_dir=DEFAULT_DATA)
>>> wb.sheetnames[:3], wb["lijsten"].sheet_state
(['instructies', 'traject', 'deelname'], 'hidden')
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from graph.ingest.resolve import load_resolver
from graph.ingest.fields import BESLISRECHTEN, LADDER, LIST_SEPARATOR, SOORTEN, STATUSSEN
from graph.ingest.models import KINDS, columns, required_columns

LIST_SHEET = "lijsten"
MAX_ROWS = 2000  # rows covered by the dropdowns
AUTHOR = "kernen template"
HELP: dict[str, str] = {  # column -> Dutch help text (the header comment)
    "id": "Korte, unieke sleutel (letters, cijfers, - . _), bv. les-01. Verandert nooit.",
    "naam": "Naam van het traject.",
    "fictief": "ja als dit voorbeeld- of oefendata is, anders nee.",
    "omschrijving": "Korte omschrijving in eigen woorden.",
    "begindatum": "Datum (dd-mm-jjjj of jjjj-mm-dd).",
    "einddatum": "Datum (dd-mm-jjjj of jjjj-mm-dd).",
    "gemeente": "Gemeente: naam (zoals CBS hem schrijft) of CBS-code (GM1900). Een oude naam wordt de opvolger.",
    "heringedeeld": "ja als de gemeente uit een herindeling is ontstaan.",
    "aantal_kernen": "Aantal kernen volgens de gemeente zelf (eigen telling).",
    "contact_rol": "Rol van de contactpersoon (bv. beleidsmedewerker). Openbaar.",
    "contact_naam": "Naam van de contactpersoon. Persoonsgegeven: alleen in de besloten graaf.",
    "contact_email": "E-mailadres. Persoonsgegeven: alleen in de besloten graaf.",
    "contact_telefoon": "Telefoonnummer. Persoonsgegeven: alleen in de besloten graaf.",
    "leergroep": "Naam van de leergroep waarin de gemeente zit.",
    "slug": "Eigen thema: korte sleutel in kleine letters met -, bv. ambtelijke-ondersteuning.",
    "label": "Eigen thema: naam zoals die in de stukken staat, bv. Ambtelijke ondersteuning.",
    "definitie": "Eigen thema: wat eronder valt, in één zin.",
    "breder": "Landelijk thema waaronder het eigen thema valt (kies uit de lijst); telt daar mee.",
    "titel": "Korte titel.",
    "themas": "Thema's, gescheiden door ; (kies uit de lijst, bv. draagvlak; aanspreekpunt).",
    "instrumenten": "Instrumenten, gescheiden door ; (id of naam, bv. dorpsbudget; dorpsraad).",
    "project": "id van het project (blad project).",
    "ambitie": "Gewenste trede op de participatieladder.",
    "vraagstuk": "id van het vraagstuk (blad vraagstuk).",
    "eigenaar_rol": "Rol van wie de actie trekt (geen naam).",
    "deadline": "Datum waarop de actie klaar moet zijn.",
    "status": "gepland, bezig, gereed of vervallen.",
    "afgerond": "Datum waarop de actie gereed was (dan is de status gereed).",
    "soort": "intake, startbijeenkomst, regionale-uitwisseling, werkbezoek of slotbijeenkomst.",
    "datum": "Datum (dd-mm-jjjj of jjjj-mm-dd).",
    "plaats": "Plaats of locatie.",
    "gastgemeente": "Gemeente die ontvangt (verplicht bij een werkbezoek).",
    "volgnummer": "Volgorde van de bijeenkomst in het traject (1, 2, ...).",
    "bijeenkomst": "id van de bijeenkomst (blad bijeenkomst).",
    "rol": "Rol van wie er namens de gemeente was (bv. wethouder).",
    "tekst": "De les in een paar zinnen.",
    "gemeenten": "Gemeenten waarvan de ervaring de les onderbouwt, gescheiden door ;.",
    "bron_url": "Link naar een verslag of bron (https://...).",
    "les": "id van de les (blad les).",
    "instrument": "Instrument (id of naam uit de lijst).",
    "lokale_naam": "De eigen naam van de gemeente voor het instrument.",
    "sinds": "Jaar van invoering.",
    "tot": "Jaar van beëindiging.",
    "bedrag": "Bedrag in euro, bv. 12500, € 12.500,- of 12.500,50; niet 12,500 (dubbelzinnig).",
    "bedrag_peiljaar": "Jaar waarop het bedrag slaat.",
    "bedrag_toelichting": "Wat het bedrag is (bv. per jaar, per dorp).",
    "beslisrecht": "geen, advies, zwaarwegend-advies, bindend of gedelegeerd.",
    "zeggenschap_over": "Waarover de inwoners zeggenschap hebben.",
}
INSTRUCTIONS = [
    "Invulwerkboek kennisgraaf kernendemocratie",
    "",
    "Elk tabblad is één soort gegeven: traject (één regel), deelname, project, vraagstuk, actie, bijeenkomst,",
    "aanwezigheid, les, uitkomst en toepassing. Rij 1 is de kop; verander de kolomnamen niet.",
    "Beweeg over een kolomkop voor uitleg. Vetgedrukte kolommen zijn verplicht.",
    "Lijsten in één cel scheidt u met een puntkomma (;), bv. 'draagvlak; aanspreekpunt'.",
    "Gemeenten: CBS-naam of -code (GM1900). Een gemeente van vóór een herindeling wordt de opvolger (met waarschuwing).",
    "Datums: dd-mm-jjjj of jjjj-mm-dd. Bedragen: alleen cijfers, in euro.",
    "Namen, e-mailadressen en telefoonnummers van contactpersonen komen alleen in de besloten graaf.",
    "Controleer het werkboek met: kernen validate BESTAND.xlsx. Elke fout krijgt bestand:blad:rij:kolom.",
]


def _lists(data_dir: Path) -> dict[str, list[str]]:
    """The controlled values, one column of the hidden sheet each."""
    tables = load_resolver(Path(data_dir).resolve())
    return {
        "gemeente": sorted(tables.gemeenten.names.values()),
        "instrument": sorted(tables.instrumenten.names),
        "thema": sorted(tables.themas.names),
        "ladder": list(LADDER),
        "soort": list(SOORTEN),
        "status": list(STATUSSEN),
        "beslisrecht": list(BESLISRECHTEN),
        "janee": ["ja", "nee"],
    }


# column -> (list name, strict): strict lists refuse other values; others only suggest.
DROPDOWNS: dict[str, tuple[str, bool]] = {
    "gemeente": ("gemeente", False), "gastgemeente": ("gemeente", False), "gemeenten": ("gemeente", False),
    "instrument": ("instrument", False), "instrumenten": ("instrument", False), "themas": ("thema", False), "breder": ("thema", False),
    "ambitie": ("ladder", True), "soort": ("soort", True), "status": ("status", True),
    "beslisrecht": ("beslisrecht", True), "fictief": ("janee", True), "heringedeeld": ("janee", True),
}


def _list_sheet(wb: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write the lists on the hidden sheet; return list name -> absolute range reference."""
    ws = wb.create_sheet(LIST_SHEET)
    refs = {}
    for n, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(n)
        ws.cell(1, n, name)
        for row, value in enumerate(values, start=2):
            ws.cell(row, n, value)
        refs[name] = f"{LIST_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return refs


def _record_sheet(wb: Workbook, kind: str, refs: dict[str, str]) -> None:
    ws = wb.create_sheet(kind)
    required = set(required_columns(kind))
    for n, name in enumerate(columns(kind), start=1):
        cell = ws.cell(1, n, name)
        cell.font = Font(bold=name in required)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.comment = Comment(HELP.get(name, name), AUTHOR, width=300, height=90)
        ws.column_dimensions[get_column_letter(n)].width = max(14, len(name) + 4)
        if name in DROPDOWNS:
            _dropdown(ws, n, refs[DROPDOWNS[name][0]], strict=DROPDOWNS[name][1])
    ws.freeze_panes = "A2"


def _dropdown(ws: Any, column: int, ref: str, *, strict: bool) -> None:
    letter = get_column_letter(column)
    rule = DataValidation(type="list", formula1=f"={ref}", allow_blank=True, showErrorMessage=strict,
                          errorTitle="Onbekende waarde", error="Kies een waarde uit de lijst.")
    rule.add(f"{letter}2:{letter}{MAX_ROWS}")
    ws.add_data_validation(rule)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return f"{LIST_SEPARATOR} ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return value


def fill(wb: Workbook, records: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
    """Write records (kind -> dicts of column -> value) below the headers; lists become ``a; b``."""
    for kind, rows in records.items():
        ws, names = wb[kind], columns(kind)
        for row in rows:
            unknown = set(row) - set(names)
            if unknown:
                raise ValueError(f"{kind}: unknown columns {sorted(unknown)}")
            ws.append([_cell(row.get(name)) for name in names])


def workbook(*, data_dir: Path, records: Mapping[str, Iterable[Mapping[str, Any]]] | None = None) -> Workbook:
    """The template workbook, optionally filled with ``records``."""
    wb = Workbook()
    intro = wb.active
    intro.title = "instructies"
    for line in INSTRUCTIONS:
        intro.append([line])
    intro["A1"].font = Font(bold=True, size=14)
    intro.column_dimensions["A"].width = 110
    refs = _list_sheet(wb, _lists(data_dir))
    for kind in KINDS:
        _record_sheet(wb, kind, refs)
    wb.move_sheet(LIST_SHEET, offset=len(KINDS))
    if records:
        fill(wb, records)
    return wb


def workbook_bytes(*, data_dir: Path, records: Mapping[str, Iterable[Mapping[str, Any]]] | None = None) -> bytes:
    """The workbook as ``.xlsx`` bytes (for the CLI and the app's download button)."""
    buffer = io.BytesIO()
    workbook(data_dir=data_dir, records=records).save(buffer)
    return buffer.getvalue()

