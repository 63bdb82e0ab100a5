"""What each gemeente achieved: its projects, their questions, the actions (final status and date),
the outcomes and the lessons, as one chain per gemeente for the bundle, the closing pack and the app.
"""

from __future__ import annotations

from collections import defaultdict

from graph.summaries import queries as q
from graph.summaries.data import TrajectoryData
from graph.summaries.models import Achievement, ActionStep, ProjectChain, QuestionChain
from graph.summaries.queries import as_date, local, rows, text


def achievements(store: q.Queryable, data: TrajectoryData) -> list[Achievement]:
    """One chain per participant, in name order; participants without any record are left out."""
    projects: dict[str, dict[str, str]] = defaultdict(dict)  # gemeente code -> project key -> title
    questions: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # code -> (key, title, project)
    actions: dict[str, list[ActionStep]] = defaultdict(list)  # question key -> actions
    for r in rows(store, q.CHAIN, t=data.iri):
        code, key, title = local(r["g"]), local(r["x"]), text(r.get("title"))
        if r["kind"] == "project":
            projects[code][key] = title
        elif r["kind"] == "vraagstuk":
            questions[code].append((key, title, local(r["parent"]) if r.get("parent") else ""))
        else:
            actions[local(r["parent"])].append(ActionStep(
                title=title, status=text(r.get("status")), deadline=as_date(r.get("deadline")),
                completed=as_date(r.get("afgerond"))))
    titles = {les.key: les.title for les in data.lessons}
    out = []
    for g in sorted(data.participants, key=lambda g: g.naam):
        chain = _chain(g, projects[g.code], questions[g.code], actions, data, titles)
        if chain.projects or chain.questions or chain.outcomes or chain.lessons:
            out.append(chain)
    return out


def _chain(g, projects, questions, actions, data: TrajectoryData, titles: dict[str, str]) -> Achievement:
    def question(key: str, title: str) -> QuestionChain:
        return QuestionChain(title=title, actions=sorted(actions.get(key, []), key=lambda a: a.title))

    outcomes = [o for o in data.outcomes if o.gemeente.code == g.code]
    chains = [ProjectChain(title=title, questions=[question(k, t) for k, t, p in questions if p == key],
                           outcomes=[o for o in outcomes if o.project == key])
              for key, title in sorted(projects.items(), key=lambda kv: kv[1])]
    return Achievement(
        gemeente=g, projects=chains, questions=[question(k, t) for k, t, p in questions if p not in projects],
        outcomes=[o for o in outcomes if o.project not in projects],
        lessons=[les.title for les in data.lessons if any(x.code == g.code for x in les.gemeenten)],
        outcome_lessons={o.key: titles[o.lesson] for o in outcomes if o.lesson in titles})
