"""What each gemeente achieved: its projects, their questions, the actions (final status and date),
the outcomes and the lessons, as one chain per gemeente for the bundle, the closing pack and the app.
"""

from __future__ import annotations

from collections import defaultdict

from graph.namespace import iri
from graph.summaries import queries as q
from graph.summaries.data import TrajectoryData
from graph.summaries.models import Achievement, ActionStep, Uitkomst, ProjectChain, QuestionChain
from graph.summaries.queries import as_date, local, rows, text


def achievements(store: q.Queryable, data: TrajectoryData, *, only: str | None = None) -> list[Achievement]:
    """One chain per participant, in name order; participants without any record are left out.

    ``only`` (a CBS code) keeps the chain of that one gemeente.
    """
    projects: dict[str, dict[str, str]] = defaultdict(dict)  # gemeente code -> project key -> title
    questions: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # code -> (key, title, project)
    actions: dict[str, list[ActionStep]] = defaultdict(list)  # question key -> actions
    narrow = {"g": str(iri("gemeente", only))} if only is not None else {}
    for r in rows(store, q.CHAIN, t=data.iri, **narrow):
        code, key, title = local(r["g"]), local(r["x"]), text(r.get("title"))
        if only is not None and code != only:
            continue
        if r["kind"] == "project":
            projects[code][key] = title
        elif r["kind"] == "vraagstuk":
            questions[code].append((key, title, local(r["parent"]) if r.get("parent") else ""))
        else:
            actions[local(r["parent"])].append(ActionStep(
                title=title, status=text(r.get("status")), deadline=as_date(r.get("deadline")),
                completed=as_date(r.get("afgerond"))))
    titles = {les.key: les.title for les in data.lessons}
    outcomes: dict[str, list[Uitkomst]] = defaultdict(list)  # code -> outcomes, in the data's order
    for o in data.outcomes:
        outcomes[o.gemeente.code].append(o)
    lessons: dict[str, list[str]] = defaultdict(list)  # code -> lesson titles, in the data's order
    for les in data.lessons:
        for code in dict.fromkeys(x.code for x in les.gemeenten):
            lessons[code].append(les.title)
    out = []
    for g in sorted(data.participants, key=lambda g: g.naam):
        if only is not None and g.code != only:
            continue
        chain = _chain(projects[g.code], questions[g.code], actions, outcomes[g.code], lessons[g.code], titles)
        chain = Achievement(gemeente=g, **chain)
        if chain.projects or chain.questions or chain.outcomes or chain.lessons:
            out.append(chain)
    return out


def _chain(projects: dict[str, str], questions: list[tuple[str, str, str]], actions: dict[str, list[ActionStep]],
           outcomes: list[Uitkomst], lessons: list[str], titles: dict[str, str]) -> dict:
    """The parts of one gemeente's :class:`Achievement` from its own projects, questions and outcomes."""
    def question(key: str, title: str) -> QuestionChain:
        return QuestionChain(title=title, actions=sorted(actions.get(key, []), key=lambda a: a.title))

    chains = [ProjectChain(title=title, questions=[question(k, t) for k, t, p in questions if p == key],
                           outcomes=[o for o in outcomes if o.project == key])
              for key, title in sorted(projects.items(), key=lambda kv: kv[1])]
    return dict(
        projects=chains, questions=[question(k, t) for k, t, p in questions if p not in projects],
        outcomes=[o for o in outcomes if o.project not in projects], lessons=list(lessons),
        outcome_lessons={o.key: titles[o.lesson] for o in outcomes if o.lesson in titles})
