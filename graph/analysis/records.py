"""Plain input records of the analysis: what the projection reads from the store.

Each record is a frozen dataclass holding keys (IRI paths under ``id/``, such as
``thema/draagvlak``), codes and Python values; nothing here knows about RDF or networkx.
Tests build these records by hand; :mod:`graph.analysis.load` builds them from SPARQL.

>>> g = Gemeente("GM0001", "Noorddorp", provincie="Friesland", inwoners=30_000)
>>> g.key, size_class(g.inwoners)
('gemeente/GM0001', '20.000-50.000')
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Size classes by inhabitants (upper bounds, exclusive), labelled in Dutch notation.
SIZE_CLASSES: tuple[tuple[int, str], ...] = (
    (20_000, "tot 20.000"),
    (50_000, "20.000-50.000"),
    (100_000, "50.000-100.000"),
)
SIZE_CLASS_LARGE = "100.000 en meer"
UNKNOWN = "onbekend"


def gemeente_key(code: str) -> str:
    """The node key of a gemeente: ``gemeente/<CBS code>``.

    >>> gemeente_key("GM1900")
    'gemeente/GM1900'
    """
    return f"gemeente/{code}"


def size_class(inwoners: int | None) -> str:
    """The size class of a gemeente by inhabitants.

    >>> [size_class(n) for n in (None, 5_000, 20_000, 99_999, 100_000)]
    ['onbekend', 'tot 20.000', '20.000-50.000', '50.000-100.000', '100.000 en meer']
    """
    if inwoners is None:
        return UNKNOWN
    for upper, label in SIZE_CLASSES:
        if inwoners < upper:
            return label
    return SIZE_CLASS_LARGE


@dataclass(frozen=True)
class Gemeente:
    """A gemeente with the context the analysis compares on."""

    code: str
    label: str
    provincie: str = UNKNOWN
    inwoners: int | None = None
    lat: float | None = None
    lon: float | None = None
    n_kernen: int | None = None
    merged: bool | None = None  # formed or extended by a herindeling

    @property
    def key(self) -> str:
        return gemeente_key(self.code)

    @property
    def point(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


@dataclass(frozen=True)
class Kern:
    """A kern (BAG woonplaats) of a participating gemeente."""

    key: str  # kern/<BAG woonplaatscode>
    label: str
    gemeente: str


@dataclass(frozen=True)
class Element:
    """A thema, instrument or vraagstuk that gemeenten can share; ``key`` like ``thema/draagvlak``."""

    key: str
    label: str

    @property
    def kind(self) -> str:
        return self.key.split("/", 1)[0]


@dataclass(frozen=True)
class Les:
    """A lesson with its evidence: the gemeenten whose experience it records, its meeting, its sources."""

    key: str
    title: str
    themas: tuple[str, ...] = ()  # element keys
    instrumenten: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()  # CBS codes (kd:bewijs)
    bijeenkomst: str | None = None  # meeting key
    traject: str | None = None  # trajectory slug; None for the praktijk data
    bronnen: tuple[str, ...] = ()  # source URLs


@dataclass(frozen=True)
class Vraagstuk:
    """A participant's question, tagged with themes and instruments."""

    key: str
    title: str
    gemeenten: tuple[str, ...] = ()
    themas: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    traject: str | None = None


@dataclass(frozen=True)
class Toepassing:
    """An instrument in use in a gemeente (praktijk data), since a year, with sources."""

    key: str
    gemeente: str
    instrument: str
    sinds: int | None = None
    bronnen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Uitkomst:
    """A documented outcome of a participant, tied to the lesson it follows from."""

    key: str
    gemeente: str
    les: str | None = None  # lesson key
    omschrijving: str = ""


@dataclass(frozen=True)
class Bijeenkomst:
    """A meeting of a trajectory; ordered by ``volgnummer``, then ``datum`` (ISO text), then key."""

    key: str
    label: str
    soort: str = ""
    datum: str = ""
    volgnummer: int | None = None
    gastgemeente: str | None = None
    traject: str | None = None

    @property
    def order(self) -> tuple:
        return (self.volgnummer if self.volgnummer is not None else 10**9, self.datum, self.key)


@dataclass(frozen=True)
class Records:
    """Everything the projection is built from."""

    gemeenten: tuple[Gemeente, ...] = ()
    deelnemers: tuple[str, ...] = ()  # CBS codes of the participants
    elements: tuple[Element, ...] = ()  # labels of themes and instruments (vraagstukken carry their own)
    lessen: tuple[Les, ...] = ()
    vraagstukken: tuple[Vraagstuk, ...] = ()
    toepassingen: tuple[Toepassing, ...] = ()
    bijeenkomsten: tuple[Bijeenkomst, ...] = ()
    uitkomsten: tuple[Uitkomst, ...] = ()
    kernen: tuple[Kern, ...] = ()  # of the participants only
    traject: str | None = None
    trajecten: tuple[str, ...] = field(default=())
