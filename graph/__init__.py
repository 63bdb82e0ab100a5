"""Kernendemocratie kennisgraaf: from input files to a knowledge graph, analyses and exports.

The layout is the pipeline: ``ingest`` (files to validated models), ``build`` (models to triples),
``store`` (embedded Oxigraph or a remote SPARQL store), ``sparql`` (safe runner, canned queries),
``analysis`` (networkx), ``summaries`` and ``export``. ``cli`` and ``endpoint`` are thin shells.
"""

__version__ = "0.1.0"
