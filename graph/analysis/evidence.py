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
from functools import lru_cache
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
    """Refs sorted by label, then code (made once per gemeente and projection)."""
    cache = p.__dict__.setdefault("_gemeente_refs", {})
    refs = []
    for code in set(codes):
        ref = cache.get(code)
        if ref is None:
            ref = cache[code] = GemeenteRef(code, p.gemeente(code).label)
        refs.append(ref)
    return tuple(sorted(refs, key=lambda r: (r.label, r.code)))


def les_refs(p: Projection, keys: Iterable[str]) -> tuple[LesRef, ...]:
    """Refs sorted by IRI (made once per lesson and projection)."""
    cache = p.__dict__.setdefault("_les_refs", {})
    refs = []
    for key in sorted(set(keys)):
        ref = cache.get(key)
        if ref is None:
            ref = cache[key] = LesRef(ID + key, p.label(key))
        refs.append(ref)
    return tuple(refs)


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


@lru_cache(maxsize=65536)
def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def source_names(urls: Iterable[str], *, limit: int = MAX_NAMED_SOURCES) -> str:
    """Distinct host names of the first sources, for a sentence."""
    hosts: dict[str, None] = {}
    for url in urls:
        hosts.setdefault(_host(url))
        if len(hosts) == limit:
            break
    return ", ".join(hosts)


def dutch_number(value: float, digits: int = 1) -> str:
    """A number with a decimal comma.

    >>> dutch_number(2.25), dutch_number(3.0, 2)
    ('2,2', '3,00')
    """
    return f"{value:.{digits}f}".replace(".", ",")


def lesson_keys(evidence: Iterable[tuple[str, str]]) -> set[str]:
    """The lesson keys in a list of evidence pairs."""
    return {key for kind, key in evidence if kind == "les"}
