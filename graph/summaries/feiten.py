"""A gemeente's sourced practice facts with their quotes, or the notice that none were found.

Every practice fact (an instrument in use, a count of kernen, a lesson citing the gemeente) with its
quote from the source (``kd:Bronvermelding``), the date the source shows, the decision right in the
source's own word and the source URLs. Sources that disagree are separate facts, side by side.
A gemeente without any fact gets :data:`NOT_FOUND` in the reader's language.

>>> from graph.store import LocalStore
>>> f = facts(LocalStore.in_memory(), gemeente="GM1900", lang="en")
>>> f.feiten, f.melding
((), 'not found in the sources searched')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.namespace import iri
from graph.summaries.queries import rows

NOT_FOUND = {"nl": "niet gevonden in de doorzochte bronnen", "en": "not found in the sources searched"}
KINDS = {"Toepassing": ("toepassing", "instrument in use"), "Kerntelling": ("kerntelling", "count of kernen"),
         "Les": ("les", "lesson"), "Ondersteuning": ("ondersteuning", "support by an organisation")}


@dataclass(frozen=True)
class Feit:
    """One sourced fact about a gemeente."""

    soort: str  # toepassing | kerntelling | les | ondersteuning (English in an English view)
    wat: str  # the fact's label or title
    citaat: str  # verbatim quote from the source; empty for a fact of the domain note
    brondatum: str  # date the source shows: YYYY, YYYY-MM or YYYY-MM-DD
    beslisrecht: str  # the source's own word, if any
    bronnen: tuple[str, ...]


@dataclass(frozen=True)
class Feiten:
    code: str
    feiten: tuple[Feit, ...]
    melding: str  # NOT_FOUND when there are no facts, else ""


Q_FACTS = """
SELECT ?f ?cls ?label ?citaat ?datum ?woord ?url WHERE {
  { ?f kd:gemeente ?g } UNION { ?f kd:bewijs ?g }
  { ?f a kd:Praktijkfeit } UNION { ?f a kd:Notitiefeit }
  ?f a ?cls FILTER(?cls IN (kd:Toepassing, kd:Kerntelling, kd:Les, kd:Ondersteuning))
  OPTIONAL { ?f rdfs:label ?l } OPTIONAL { ?f dcterms:title ?t }
  BIND(COALESCE(?t, ?l) AS ?label)
  OPTIONAL { ?f prov:qualifiedDerivation ?v . ?v kd:citaat ?citaat OPTIONAL { ?v kd:brondatum ?datum } }
  OPTIONAL { ?f kd:beslisrechtBron ?woord }
  OPTIONAL { ?f dcterms:source/kd:url ?url }
} ORDER BY ?cls ?label ?f ?url"""


def facts(store: Any, *, gemeente: str, lang: str = "nl") -> Feiten:
    """The practice facts about ``gemeente`` (a CBS code) with quotes, kind by kind."""
    grouped: dict[str, tuple[dict, list[str]]] = {}
    for r in rows(store, Q_FACTS, g=iri("gemeente", gemeente)):
        entry = grouped.setdefault(str(r["f"]), (r, []))
        if r["url"] and str(r["url"]) not in entry[1]:
            entry[1].append(str(r["url"]))
    found = tuple(_feit(r, urls, lang) for r, urls in grouped.values())
    return Feiten(gemeente, found, "" if found else NOT_FOUND.get(lang, NOT_FOUND["nl"]))


def _feit(r: dict, urls: list[str], lang: str) -> Feit:
    nl, en = KINDS[str(r["cls"]).rsplit("#", 1)[-1]]
    return Feit(en if lang == "en" else nl, str(r["label"] or ""), str(r["citaat"] or ""), str(r["datum"] or ""),
                str(r["woord"] or ""), tuple(urls))
