"""What a validated trajectory would change in the store: new, changed and removed records per kind."""

from __future__ import annotations

import pyoxigraph as ox

from graph.build.compare import compare, summary_lines
from graph.ingest import load_trajectory
from graph.ingest.models import Les
from graph.settings import DEFAULT_DATA
from graph.sources.trajectory import trajectory_quads

VOORBEELD = DEFAULT_DATA / "trajecten" / "voorbeeld" / "voorbeeld.xlsx"


def test_new_changed_and_removed_against_the_store():
    trajectory, _ = load_trajectory(VOORBEELD, data_dir=DEFAULT_DATA)
    store = ox.Store()
    store.extend(trajectory_quads(trajectory)[0])
    assert summary_lines(compare(trajectory, store))[1] == "traject voorbeeld: gelijk aan de store"
    lessons = list(trajectory.les)
    lessons[0] = lessons[0].model_copy(update={"titel": "Een andere titel (fictief)"})
    lessons.append(Les(id="les-nieuw", titel="Nieuwe les (fictief)"))
    edited = trajectory.model_copy(update={"les": tuple(lessons), "actie": trajectory.actie[1:]})
    c = compare(edited, store)
    assert (c.new["les"], c.changed["les"], c.removed["les"]) == (1, 1, 0)
    assert (c.new["actie"], c.changed["actie"], c.removed["actie"]) == (0, 0, 1)
    assert summary_lines(c)[1] == ("traject voorbeeld t.o.v. de store: actie 0 nieuw, 0 gewijzigd, 1 verwijderd; "
                                   "les 1 nieuw, 1 gewijzigd, 0 verwijderd")
