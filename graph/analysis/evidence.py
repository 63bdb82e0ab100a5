"""Evidence attached to every result: gemeenten (code + label), lessons (IRI + title), source URLs.

>>> from graph.analysis.records import Gemeente, Les, Records
>>> from graph.analysis.projection import projection_from_records
>>> p = projection_from_records(Records(gemeenten=(Gemeente("GM0001", "Aadorp"),),
...     lessen=(Les("les/t-l1", "Budget", themas=("thema/budget",), gemeenten=("GM0001",),
...                 bronnen=("https://example.org/a",)),)))
>>> gemeente_refs(p, ["GM0001"])
(GemeenteRef(code='GM0001', label='Aadorp'),)
>>> [r.iri for r in les_refs(p, ["les/t-l1"])], sources(p, [("les", "les/t-l1")])
(['https://w3id.org/kernendemocratie/id/les/t-l1'], ('https://example.org/a',))
>>> source_names(("https://www.example.org/a", "https://example.org/b", "https://x.nl/c"))
'example.org, x.nl'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph.analysis.projection import Projection
from graph.namespace import ID

MAX_NAMED_SOURCES = 3


@dataclass(frozen=True)
class GemeenteRef:
    code: str
    label: str


@dataclass(frozen=True)
class LesRef:
    iri: str
    title: str


def gemeente_refs(p: Projection, codes: Iterable[str]) -> tuple[GemeenteRef, ...]:
    """Refs sorted by label, then code."""
    refs = {GemeenteRef(code, p.gemeente(code).label) for code in codes}
    return tuple(sorted(refs, key=lambda r: (r.label, r.code)))


def les_refs(p: Projection, keys: Iterable[str]) -> tuple[LesRef, ...]:
    """Refs sorted by IRI."""
    return tuple(sorted({LesRef(ID + key, p.label(key)) for key in keys}, key=lambda r: r.iri))


def sources(p: Projection, evidence: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The source URLs behind lessons and toepassingen in ``evidence``, sorted."""
    toepassingen = p.toepassingen
    urls: set[str] = set()
    for kind, key in evidence:
        if kind == "les" and key in p.lessen:
            urls.update(p.lessen[key].bronnen)
        elif kind == "toepassing" and key in toepassingen:
            urls.update(toepassingen[key].bronnen)
    return tuple(sorted(urls))


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def source_names(urls: Iterable[str], *, limit: int = MAX_NAMED_SOURCES) -> str:
    """Distinct host names of the first sources, for a sentence."""
    hosts = list(dict.fromkeys(_host(u) for u in urls))
    return ", ".join(hosts[:limit])


def dutch_number(value: float, digits: int = 1) -> str:
    """A number with a decimal comma.

    >>> dutch_number(2.25), dutch_number(3.0, 2)
    ('2,2', '3,00')
    """
    return f"{value:.{digits}f}".replace(".", ",")


def lesson_keys(evidence: Iterable[tuple[str, str]]) -> set[str]:
    """The lesson keys in a list of evidence pairs."""
    return {key for kind, key in evidence if kind == "les"}
