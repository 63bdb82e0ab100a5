"""What every store offers (:class:`Store`), embedded (:class:`graph.store.LocalStore`) or remote
(:class:`graph.store.remote.RemoteStore`), and the dump formats they share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping

import pyoxigraph as ox

from graph.store.results import QueryResult

DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

class StoreMissing(LookupError):
    """There is no built store at the location (run ``kernen build`` first)."""


class Store(ABC):
    """What every store offers; :class:`LocalStore` here, ``graph.store.remote.RemoteStore`` for endpoints."""

    location: str

    @abstractmethod
    def query(self, text: str, *, bindings: Mapping[str, object] | None = None,
              include_private: bool = False, max_rows: int | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run *trusted* SPARQL; ``bindings`` are bound (VALUES), never pasted into the text."""

    @abstractmethod
    def graphs(self, *, include_private: bool = False) -> list[str]:
        """The IRIs of the named graphs, sorted."""

    @abstractmethod
    def count(self, graph: str | None = None) -> int:
        """Number of triples in one named graph, or in all graphs (``None``)."""

    @abstractmethod
    def dump(self, format: str, *, include_private: bool = False) -> bytes:
        """The public graphs serialised (``nt``, ``nq``, ``ttl``, ``trig``, ``jsonld``, ``rdfxml``)."""

    def close(self) -> None:
        """Release the store (no-op where there is nothing to release)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
