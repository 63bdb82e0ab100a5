"""Several cohorts in one store: a build with one workbook adds or replaces that trajectory only.

Every trajectory already in the store that the build's inputs do not provide is carried over into
the new version (its public graph and its contact persons in the private graph), with a warning
that says so; ``remove`` names trajectories to drop instead. The inputs' slugs are known only once
their sources are read, so the carried-over source comes last and reads the slugs the trajectory
sources recorded while loading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from graph.namespace import G_PRIVATE, KD, graph_iri

TRAJECT_GRAPH = str(graph_iri("traject")) + "/"
KEPT_SOURCE = "behouden trajecten"


def slug_of(graph: ox.NamedNode | ox.DefaultGraph | None) -> str | None:
    """The trajectory slug of a ``graph/traject/<slug>`` graph name, else None."""
    value = getattr(graph, "value", "")
    return value[len(TRAJECT_GRAPH):] if value.startswith(TRAJECT_GRAPH) else None


def stored_slugs(version: Path) -> list[str]:
    """The trajectories in a store version."""
    store = ox.Store.read_only(str(version))
    return sorted(s for g in store.named_graphs() if (s := slug_of(g)))


def trajectory_quads(store: ox.Store, slug: str) -> list[ox.Quad]:
    """A trajectory's public graph plus its contact persons (private graph) from ``store``."""
    graph = ox.NamedNode(TRAJECT_GRAPH + slug)
    public = list(store.quads_for_pattern(None, None, None, graph))
    rdf_type, deelname = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KD.Deelname))
    deelnames = {q.subject for q in public if q.predicate == rdf_type and q.object == deelname}
    private_graph = ox.NamedNode(str(G_PRIVATE))
    private = [q for d in deelnames for q in store.quads_for_pattern(d, None, None, private_graph)]
    persons = {q.object for q in private if isinstance(q.object, ox.NamedNode)}
    private += [q for p in persons for q in store.quads_for_pattern(p, None, None, private_graph)]
    return public + private


class Cohorts:
    """Records the slugs the build's trajectory sources produce; loads the other stored trajectories."""

    def __init__(self, version: Path | None, *, remove: Iterable[str] = (), warnings: list[str] | None = None):
        self.version = version
        self.remove = set(remove)
        self.warnings = warnings if warnings is not None else []
        self.built: set[str] = set()

    def recording(self, load: Callable[[], Iterable[ox.Quad]]) -> Callable[[], list[ox.Quad]]:
        """``load`` that also notes which trajectory graphs its quads are in."""
        def wrapped() -> list[ox.Quad]:
            quads = list(load())
            self.built.update(s for q in quads if (s := slug_of(q.graph_name)))
            return quads

        return wrapped

    def load_kept(self) -> list[ox.Quad]:
        """The stored trajectories that this build neither provides nor removes."""
        if self.version is None:
            return []
        stored = stored_slugs(self.version)
        for slug in sorted(self.remove - set(stored)):
            self.warnings.append(f"--remove {slug}: dit traject staat niet in de store (kies uit: "
                                 f"{', '.join(stored) or 'geen'})")
        kept = [s for s in stored if s not in self.built and s not in self.remove]
        store = ox.Store.read_only(str(self.version))
        out: list[ox.Quad] = []
        for slug in kept:
            self.warnings.append(f"traject '{slug}' staat in de store maar niet in de invoer: behouden "
                                 f"(kernen build --remove {slug} verwijdert het)")
            out += trajectory_quads(store, slug)
        for slug in sorted(self.remove & set(stored)):
            self.warnings.append(f"traject '{slug}' verwijderd uit de store")
        return out
