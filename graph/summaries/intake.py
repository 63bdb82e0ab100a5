"""What the facilitator entered for one gemeente in a trajectory, for the intake summary.

Everything of the workbook about that gemeente except personal data: its deelname row (herindeling,
own kern count, contact role, learning group), its intake meeting(s), projects and questions with
their description, themes, instruments, ambition and project, actions with status and completion
date, lessons that name it, and outcomes.
"""

from __future__ import annotations

from graph.summaries import queries as q
from graph.summaries.data import TrajectoryData
from graph.summaries.models import GemeenteRef, Bijeenkomst, WorkItem
from graph.summaries.queries import as_int, pick, rows, text


def deelname(store: q.Queryable, t_iri: str, g_iri: str) -> dict:
    """The deelname values as IntakeSummary fields (heringedeeld, aantal_kernen, contact_rol, leergroep)."""
    found = rows(store, q.INTAKE_DEELNAME, t=t_iri, g=g_iri)
    if not found:
        return {}
    r = found[0]
    flag = text(r.get("heringedeeld")).lower()
    return {"heringedeeld": {"true": True, "1": True, "false": False, "0": False}.get(flag),
            "aantal_kernen": as_int(r.get("kernen")), "contact_rol": text(r.get("rol")),
            "leergroep": text(r.get("leergroep"))}


def work(store: q.Queryable, t_iri: str, g_iri: str, ref: GemeenteRef, *, lang: str) -> list[WorkItem]:
    """The gemeente's projects, then its questions, each with everything entered about it."""
    items: dict[str, dict] = {}
    for r in rows(store, q.WORK_DETAILS, t=t_iri, g=g_iri):
        item = items.setdefault(text(r["x"]), {
            "kind": text(r["kind"]), "gemeente": ref, "title": text(r.get("title")),
            "description": text(r.get("description")), "themes": [], "instruments": [],
            "ambitie": pick(r, lang, key="amb") if r.get("ambnl") or r.get("amben") else "",
            "project": text(r.get("ptitle"))})
        link = text(r.get("link"))
        label = pick(r, lang)
        if link == "thema" and label and label not in item["themes"]:
            item["themes"].append(label)
        elif link == "instrument" and label and label not in item["instruments"]:
            item["instruments"].append(label)
    order = {"project": 0, "vraagstuk": 1}
    return sorted((WorkItem(**v) for v in items.values()), key=lambda w: (order[w.kind], w.title))


def intake_roles(data: TrajectoryData, code: str) -> dict[str, str]:
    """Intake meeting key -> the role the gemeente attended with."""
    return {m.key: rol for m in intakes(data, code) for g, rol in data.attendance.get(m.key, []) if g.code == code}


def intakes(data: TrajectoryData, code: str) -> list[Bijeenkomst]:
    """The intake meetings the gemeente attended or hosted."""
    present = {key for key, found in data.attendance.items() if any(g.code == code for g, _ in found)}
    return [m for m in data.meetings if m.soort == "intake"
            and (m.key in present or (m.host is not None and m.host.code == code))]
