"""What the app's pages show, as plain data: trusted, parameterised reads over a store.

Each function takes a store (anything with ``query(text, *, bindings=...)`` returning records) and
keyword-only options, and returns dataclasses of Python values; no Streamlit here. SPARQL text is
module constants; user choices are bound (``bindings``), never pasted in. Concept labels come in the
reader's language from the ontology's language tags, falling back to Dutch.

>>> from graph.store import LocalStore
>>> overview(LocalStore.in_memory()).gemeenten
0
"""

from graph.views.achieved import Achieved, achieved
from graph.views.common import LANGS, key_of, point_of, with_lang
from graph.summaries.feiten import Feit, Feiten, facts
from graph.views.gemeente import Herindeling, Profile, Telling, WorkItem, profile, work
from graph.views.instruments import Instrument, Les, Use, instruments, lessons, uses
from graph.views.overview import (MapPoint, Bijeenkomst, Overview, Traject, concepts, gemeenten, ladder, map_points,
                                  meetings, overview, trajecten)

__all__ = ["Achieved", "achieved", "LANGS", "Feit", "Feiten", "Herindeling", "Instrument", "Lesson", "MapPoint", "Meeting", "Overview", "Profile", "Telling",
           "Traject", "Use", "WorkItem", "concepts", "facts", "gemeenten", "instruments", "key_of", "ladder", "lessons",
           "map_points", "meetings", "overview", "point_of", "profile", "trajecten", "uses", "with_lang", "work"]

from graph.views.catalog import Entry, GemeenteRow, gemeente_rows, search_index  # noqa: E402

__all__ += ["Entry", "GemeenteRow", "gemeente_rows", "search_index"]
