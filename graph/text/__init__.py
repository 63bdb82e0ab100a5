"""Lesson texts: theme and instrument suggestions, new-theme proposals, lessons drafted from a report.

Dutch lemmas (:mod:`graph.text.lemmas`), concepts and lessons read from the store or the ontology
(:mod:`graph.text.corpus`), a transparent weighting (:mod:`graph.text.suggest`), word pairs no label
covers (:mod:`graph.text.proposals`) and meeting reports turned into workbook rows
(:mod:`graph.text.verslag`). Deterministic and offline.
"""
