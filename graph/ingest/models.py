"""Pydantic models of a learning trajectory: one model per record kind (a sheet of the workbook).

Field names are the column names. Models are strict (``extra="forbid"``); reusable checks are
``Annotated`` types. References to gemeenten, instruments and themes are *resolved* while
validating when a resolver is passed in the validation context (``graph.ingest.resolve``);
without one, only the canonical forms (``GM1900``, ``dorpsbudget``) are accepted.

>>> Actie.model_validate({"id": "a1", "vraagstuk": "v1", "titel": "Bel de dorpsraden",
...                       "deadline": "28-02-2025", "status": "bezig"}).deadline
datetime.date(2025, 2, 28)
>>> Les.model_validate({"id": "l1", "titel": "T", "themas": "draagvlak; aanspreekpunt"}).themas
['draagvlak', 'aanspreekpunt']
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from graph.ingest.fields import (
    Aantal, Bedrag, Beslisrecht, Datum, Email, Gemeente, Gemeenten, Instrument, Instrumenten, JaNee, Jaar,
    Key, Ladder, Soort, Status, Telefoon, Text, Thema, Themas, Url, Volgnummer, _CANONICAL, _error,
    _matching,
)
from graph.messages import t


class Record(BaseModel):
    """Common configuration: unknown columns are errors, text is stripped, models are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _cross(column: str, message: str) -> PydanticCustomError:
    return _error("cross_field", message, column=column)


class Traject(Record):
    id: Key
    naam: Text
    fictief: JaNee = False
    omschrijving: Text | None = None
    begindatum: Datum | None = None
    einddatum: Datum | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Traject":
        if self.begindatum and self.einddatum and self.einddatum < self.begindatum:
            raise _cross("einddatum", t("v.einddatum"))
        return self


class Deelname(Record):
    gemeente: Gemeente
    heringedeeld: JaNee | None = None
    aantal_kernen: Aantal | None = None
    contact_rol: Text | None = None
    contact_naam: Text | None = None  # personal data: private graph only
    contact_email: Email | None = None  # personal data: private graph only
    contact_telefoon: Telefoon | None = None  # personal data: private graph only
    leergroep: Text | None = None


class Project(Record):
    id: Key
    gemeente: Gemeente
    titel: Text
    omschrijving: Text | None = None
    themas: Themas = []
    instrumenten: Instrumenten = []


class Vraagstuk(Project):
    project: Key | None = None
    ambitie: Ladder | None = None  # the level on the participation ladder the gemeente aims for


class Actie(Record):
    id: Key
    vraagstuk: Key
    titel: Text
    eigenaar_rol: Text | None = None
    deadline: Datum | None = None
    status: Status = "gepland"
    afgerond: Datum | None = None  # the date the action was completed (status gereed)

    @model_validator(mode="after")
    def _completed(self) -> "Actie":
        if self.afgerond and self.status != "gereed":
            raise _cross("afgerond", t("v.afgerond", status=self.status))
        return self


class Bijeenkomst(Record):
    id: Key
    soort: Soort
    datum: Datum
    titel: Text | None = None
    plaats: Text | None = None
    gastgemeente: Gemeente | None = None
    volgnummer: Volgnummer | None = None

    @model_validator(mode="after")
    def _host(self) -> "Bijeenkomst":
        if self.soort == "werkbezoek" and self.gastgemeente is None:
            raise _cross("gastgemeente", t("v.gastgemeente"))
        return self


class Aanwezigheid(Record):
    bijeenkomst: Key
    gemeente: Gemeente
    rol: Text | None = None


class Les(Record):
    id: Key
    titel: Text
    tekst: Text | None = None
    themas: Themas = []
    instrumenten: Instrumenten = []
    gemeenten: Gemeenten = []  # the evidence: gemeenten whose experience the lesson rests on
    bijeenkomst: Key | None = None
    bron_url: Url | None = None


class Uitkomst(Record):
    id: Key
    gemeente: Gemeente
    omschrijving: Text
    project: Key | None = None
    les: Key | None = None
    datum: Datum | None = None


class Toepassing(Record):
    gemeente: Gemeente
    instrument: Instrument
    lokale_naam: Text | None = None
    omschrijving: Text | None = None
    sinds: Jaar | None = None
    tot: Jaar | None = None
    bedrag: Bedrag | None = None
    bedrag_peiljaar: Jaar | None = None
    bedrag_toelichting: Text | None = None
    beslisrecht: Beslisrecht | None = None
    zeggenschap_over: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Toepassing":
        if self.sinds and self.tot and self.tot < self.sinds:
            raise _cross("tot", t("v.tot_sinds", tot=self.tot, sinds=self.sinds))
        if self.bedrag is None and (self.bedrag_peiljaar or self.bedrag_toelichting):
            raise _cross("bedrag", t("v.bedrag_missing"))
        return self


class EigenThema(Record):
    """A theme of the trajectory's own vocabulary (sheet ``thema``), under a national theme if given."""

    slug: Annotated[str, BeforeValidator(_matching(_CANONICAL["thema"], "slug", "ambtelijke-ondersteuning"))]
    label: Text
    definitie: Text | None = None
    breder: Thema | None = None  # the national theme it falls under (skos:broader)


# The record kinds in workbook order: sheet name -> model.
KINDS: dict[str, type[Record]] = {
    "traject": Traject,
    "deelname": Deelname,
    "project": Project,
    "vraagstuk": Vraagstuk,
    "actie": Actie,
    "bijeenkomst": Bijeenkomst,
    "aanwezigheid": Aanwezigheid,
    "les": Les,
    "uitkomst": Uitkomst,
    "toepassing": Toepassing,
    "thema": EigenThema,
}


def columns(kind: str) -> list[str]:
    """The columns of a record kind, in order.

    >>> columns("aanwezigheid")
    ['bijeenkomst', 'gemeente', 'rol']
    """
    return list(KINDS[kind].model_fields)


def required_columns(kind: str) -> list[str]:
    """The columns that must have a value in every row."""
    return [name for name, f in KINDS[kind].model_fields.items() if f.is_required()]


class Trajectory(BaseModel):
    """A whole, validated trajectory: the records of every kind, cross-references checked by ingest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    traject: Traject
    deelname: tuple[Deelname, ...] = ()
    project: tuple[Project, ...] = ()
    vraagstuk: tuple[Vraagstuk, ...] = ()
    actie: tuple[Actie, ...] = ()
    bijeenkomst: tuple[Bijeenkomst, ...] = ()
    aanwezigheid: tuple[Aanwezigheid, ...] = ()
    les: tuple[Les, ...] = ()
    uitkomst: tuple[Uitkomst, ...] = ()
    toepassing: tuple[Toepassing, ...] = ()
    thema: tuple[EigenThema, ...] = ()

    @property
    def slug(self) -> str:
        return self.traject.id
