"""Rode draden, learning groups, werkbezoek hosts, bridges and change: networkx over the store.

Build a :class:`Projection` once (:func:`project`), then call the parts, or call :func:`analyse`
for everything. Every result carries its evidence (gemeenten, lessons, sources) and a sentence in
Dutch (``zin``/``uitleg``) and English (``sentence``/``explanation``). Results are deterministic
for a given input and seed.
"""

from graph.analysis.bridges import Bridge, BridgeReport, Isolated, OnceOnly, bridges, isolated, once_only
from graph.analysis.changes import MeetingChange, ThreadChange, changes
from graph.analysis.evidence import GemeenteRef, LesRef
from graph.analysis.groups import Community, GroupProposal, LearningGroup, communities, learning_groups
from graph.analysis.hosts import HostMatch, VraagstukHosts, hosts
from graph.analysis.load import project, read_records
from graph.analysis.overview import AnalysisReport, analyse, analyse_projection
from graph.analysis.projection import Projection, projection_from_records
from graph.analysis.records import Bijeenkomst, Element, Gemeente, Les, Records, Toepassing, Vraagstuk
from graph.analysis.similarity import Similarity, similar, similarity
from graph.analysis.threads import Thread, threads

__all__ = [
    "AnalysisReport", "Bijeenkomst", "Bridge", "BridgeReport", "Community", "Element", "Gemeente",
    "GemeenteRef", "GroupProposal", "HostMatch", "Isolated", "LearningGroup", "Les", "LesRef",
    "MeetingChange", "OnceOnly", "Projection", "Records", "Similarity", "Thread", "ThreadChange",
    "Toepassing", "Vraagstuk", "VraagstukHosts", "analyse", "analyse_projection", "bridges", "changes",
    "communities", "hosts", "isolated", "learning_groups", "once_only", "project", "projection_from_records",
    "read_records", "similar", "similarity", "threads",
]
