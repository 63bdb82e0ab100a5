"""The sources of the graph: each turns its input (the ontology files, CBS/TOOI reference data, the sourced
practice data, a learning trajectory) into pyoxigraph quads in its own named graph.

A :class:`Source` is one build step; ``graph.build`` runs them and ``graph.build.cache`` keeps their output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class Source:
    """One build step: ``load()`` returns quads (each in its own named graph)."""

    name: str
    graph: object  # the main named graph (URIRef); trajectories also write G_PRIVATE
    load: Callable[[], Iterable[ox.Quad]]
    source: str = ""  # where the data came from (for provenance), e.g. a path
    inputs: tuple[Path, ...] = ()  # files or folders the quads depend on; with them, cached (graph.build.cache)
