"""What a build reads: the ontology, the reference and practice data, and one source per trajectory input."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.namespace import G_ONTOLOGY, G_PRAKTIJK, G_REFERENCE
from graph.sources import Source

if TYPE_CHECKING:
    from graph.ingest.privacy import PersonalCheck


def standard_sources(data_dir: Path, inputs: Iterable[Path] = (), *, warnings: list[str] | None = None,
                     personal: PersonalCheck | None = None) -> list[Source]:
    """Ontology, reference, praktijk and one source per trajectory input.

    ``personal``: personal data in free text refuses the build (default) or is redacted and counted.
    """
    from graph.sources.ontology import ONTOLOGY_DIR, build_ontology
    from graph.sources.praktijk import build_praktijk
    from graph.sources.reference import build_reference

    redact = personal is not None and personal.redact  # redacted practice data is not cached: counts
    sources = [
        Source("ontologie", G_ONTOLOGY, build_ontology, "ontology/"),
        Source("referentie", G_REFERENCE, lambda: build_reference(data_dir), str(data_dir / "reference"),
               inputs=(data_dir / "reference",)),
        Source("praktijk", G_PRAKTIJK, lambda: build_praktijk(data_dir, personal=personal), str(data_dir / "praktijk"),
               inputs=() if redact else (data_dir / "praktijk", data_dir / "reference", ONTOLOGY_DIR)),
    ]
    return sources + trajectory_sources(inputs, data_dir=data_dir, warnings=warnings, personal=personal)


def default_inputs(data_dir: Path) -> list[Path]:
    """The bundled example trajectory, where it exists."""
    example = Path(data_dir) / "trajecten" / "voorbeeld"
    return [example] if example.exists() else []


def trajectory_sources(inputs: Iterable[Path], *, data_dir: Path, warnings: list[str] | None = None,
                       personal: PersonalCheck | None = None) -> list[Source]:
    """A source per trajectory input (skipped, with a warning, until ``graph.sources.trajectory`` exists)."""
    inputs = [Path(p) for p in inputs]
    if not inputs:
        return []
    try:
        from graph.sources.trajectory import build_trajectory_quads
    except ImportError as exc:
        if warnings is not None:
            warnings.append(f"trajecten overgeslagen: graph.sources.trajectory ontbreekt ({exc})")
        return []
    names = [f"traject {p.name}" for p in inputs]
    names = [n if names.count(n) == 1 else f"{n} ({i + 1})" for i, n in enumerate(names)]  # step names are keys
    return [Source(name, None, _trajectory_loader(build_trajectory_quads, p, data_dir, personal), str(p))
            for name, p in zip(names, inputs)]


def _trajectory_loader(builder: Callable, path: Path, data_dir: Path,
                       personal: PersonalCheck | None) -> Callable[[], list[ox.Quad]]:
    def load() -> list[ox.Quad]:
        public, private, _slug = builder(path, data_dir=data_dir, personal=personal)
        return [*public, *private]

    return load
