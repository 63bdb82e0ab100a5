"""Loading a trajectory's records from the store into summary models (one query per record kind).

:func:`load_trajectory` reads everything the summaries need about one trajectory at once; the
lookups (:func:`find_traject`, :func:`find_meeting`, :func:`find_gemeente`) turn what a user typed into
an IRI, or raise ``LookupError`` with the valid choices.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from graph.summaries import queries as q
from graph.namespace import iri
from graph.summaries.models import (
    Actie, Colophon, GemeenteRef, Les, Bijeenkomst, Uitkomst, Source, TrajectRef, WorkItem,
)
from graph.summaries.queries import as_date, as_int, local, pick, rows, text

CBS_ATTRIBUTION = "Bron: CBS (Centraal Bureau voor de Statistiek), CC BY 4.0"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MAX_CHOICES = 25  # valid choices listed in an error message


@dataclass
class TrajectoryData:
    """Everything about one trajectory, as summary models (lists in a stable order)."""

    ref: TrajectRef
    iri: str
    meetings: list[Bijeenkomst] = field(default_factory=list)
    participants: list[GemeenteRef] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # code -> contact role
    leergroep: dict[str, str] = field(default_factory=dict)  # code -> the facilitator's learning group
    attendance: dict[str, list[tuple[GemeenteRef, str]]] = field(default_factory=dict)  # meeting key
    lessons: list[Les] = field(default_factory=list)
    work: list[WorkItem] = field(default_factory=list)
    actions: list[Actie] = field(default_factory=list)
    outcomes: list[Uitkomst] = field(default_factory=list)


def _fold(value: str) -> str:
    """Case, diacritics, hyphens and spaces folded away, for matching what users type.

    >>> _fold("Súdwest-Fryslân") == _fold("sudwest fryslan")
    True
    """
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold()
    return "".join(ch for ch in plain if ch.isalnum())


def _not_found(what: str, given: str, choices: list[str]) -> LookupError:
    """``what`` carries its adjective: 'onbekende bijeenkomst', 'onbekend traject'."""
    close = difflib.get_close_matches(given, choices, n=3, cutoff=0.6)
    hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
    shown = ", ".join(choices[:MAX_CHOICES]) + (" ..." if len(choices) > MAX_CHOICES else "")
    return LookupError(f"{what} '{given}'.{hint} Kies uit: {shown}")


def trajects(store: q.Queryable) -> list[tuple[str, TrajectRef]]:
    """(IRI, ref) of every trajectory in the store."""
    out = {}
    for r in rows(store, q.TRAJECTS):
        fictief = text(r.get("fictief")).lower() in {"true", "1"}
        out[text(r["t"])] = TrajectRef(slug=local(r["t"]), label=text(r.get("label")) or local(r["t"]),
                                       fictief=fictief)
    return sorted(out.items(), key=lambda kv: kv[1].slug)


def find_traject(store: q.Queryable, name: str) -> tuple[str, TrajectRef]:
    """The trajectory named by slug or label; ``LookupError`` listing the slugs otherwise."""
    found = trajects(store)
    for t_iri, ref in found:
        if _fold(name) in {_fold(ref.slug), _fold(ref.label)}:
            return t_iri, ref
    raise _not_found("onbekend traject", name, [ref.slug for _, ref in found])


def meetings(store: q.Queryable, *, lang: str) -> list[tuple[str, Bijeenkomst]]:
    """(trajectory IRI, meeting) for every meeting, ordered by trajectory, date and number."""
    out: dict[str, tuple[str, Bijeenkomst]] = {}
    for r in rows(store, q.MEETINGS):
        host = GemeenteRef(code="", naam=text(r.get("gastnaam"))) if r.get("gast") else None
        if host is not None:
            host = GemeenteRef(code=_code_of(r["gast"]), naam=host.naam)
        soort = local(r.get("soort")) if r.get("soort") else ""
        out.setdefault(text(r["m"]), (text(r["t"]), Bijeenkomst(
            key=local(r["m"]), soort=soort, soort_label=pick(r, lang, key="soort") or soort,
            datum=as_date(r.get("datum")), volgnummer=as_int(r.get("nr")),
            plaats=text(r.get("plaats")), host=host, naam=text(r.get("naam")))))
    return list(out.values())


def _code_of(gemeente_iri: object) -> str:
    return local(gemeente_iri)


def find_meeting(store: q.Queryable, key: str, *, lang: str) -> tuple[str, Bijeenkomst]:
    """The meeting with IRI key ``key`` (``voorbeeld-r2``, or ``r2`` when that is unambiguous).

    ``LookupError`` listing all keys otherwise.
    """
    found = meetings(store, lang=lang)
    exact = [(t, m) for t, m in found if key.strip() == m.key]
    short = [(t, m) for t, m in found if m.key.endswith("-" + key.strip())]
    if exact or len(short) == 1:
        return (exact or short)[0]
    if len(short) > 1:
        options = " of ".join(f"{m.key} ({local(t)})" for t, m in short)
        raise LookupError(f"dubbelzinnige bijeenkomst '{key}': {options}. Geef de volledige sleutel.")
    raise _not_found("onbekende bijeenkomst", key, [f"{m.key} ({m.title})" for _, m in found])


def find_gemeente(store: q.Queryable, given: str) -> tuple[str, GemeenteRef]:
    """A current gemeente by CBS code or name; ``LookupError`` with suggestions otherwise."""
    found = [r for r in rows(store, q.GEMEENTEN) if r.get("current") in (True, "true", 1, "1")]
    for r in found:
        if _fold(given) in {_fold(text(r.get("code"))), _fold(text(r.get("naam")))}:
            return text(r["g"]), GemeenteRef(code=text(r.get("code")), naam=text(r.get("naam")))
    successor = _successor(given)
    if successor:
        return find_gemeente(store, successor)
    label = {text(r["g"]): f"{text(r.get('naam'))} ({text(r.get('code'))})" for r in found}
    folded = {_fold(text(r.get("naam"))): label[text(r["g"])] for r in found}
    close = [folded[f] for f in difflib.get_close_matches(_fold(given), list(folded), n=3, cutoff=0.75)]
    hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
    examples = sorted({label[text(r["g"])] for r in rows(store, q.PARTICIPANT_GEMEENTEN) if text(r["g"]) in label})
    shown = ", ".join((examples or sorted(label.values()))[:MAX_CHOICES])
    what = "de deelnemers" if examples else "bijvoorbeeld"
    raise LookupError(f"onbekende gemeente '{given}'.{hint} Geef een CBS-code (GM....) of de naam van een "
                      f"van de {len(found)} gemeenten; {what}: {shown}")


def _successor(given: str) -> str | None:
    """The current gemeente a former one (``Dongeradeel``) became part of, when it is exactly one."""
    from graph.ingest.resolve import load_resolver
    from graph.settings import DEFAULT_DATA

    try:
        found = load_resolver(DEFAULT_DATA.resolve()).resolve("gemeente", given)
    except OSError:  # no reference data next to the code
        return None
    return found.value if found.value and found.value != given else None


def load_trajectory(store: q.Queryable, t_iri: str, ref: TrajectRef, *, lang: str) -> TrajectoryData:
    """Meetings, participants, attendance, lessons, projects, questions and actions of one trajectory."""
    data = TrajectoryData(ref=ref, iri=t_iri)
    data.meetings = [m for t, m in meetings(store, lang=lang) if t == t_iri]
    seen: set[GemeenteRef] = set()  # a set, not `in` on the list: that is quadratic in participants
    for r in rows(store, q.PARTICIPANTS, t=t_iri):
        g = GemeenteRef(code=text(r.get("code")), naam=text(r.get("naam")))
        if g not in seen:
            seen.add(g)
            data.participants.append(g)
            data.roles[g.code] = text(r.get("rol"))
            if r.get("leergroep"):
                data.leergroep[g.code] = text(r["leergroep"])
    for r in rows(store, q.ATTENDANCE, t=t_iri):
        g = GemeenteRef(code=text(r.get("code")), naam=text(r.get("naam")))
        data.attendance.setdefault(local(r["m"]), []).append((g, text(r.get("rol"))))
    data.lessons = _lessons(store, t_iri, data.meetings, lang=lang)
    data.work, data.actions = _work(store, t_iri)
    data.outcomes = _outcomes(store, t_iri, {g.code: g for g in data.participants})
    return data


def _outcomes(store: q.Queryable, t_iri: str, participants: dict[str, GemeenteRef],
              query: str = q.OUTCOMES, **only: str) -> list[Uitkomst]:
    """The outcomes of ``t_iri`` (``g=<gemeente IRI>``: of that gemeente only), by date, name and key."""
    out: dict[str, Uitkomst] = {}
    for r in rows(store, query, t=t_iri, **only):
        code = local(r["g"])
        out.setdefault(text(r["u"]), Uitkomst(
            key=local(r["u"]), gemeente=participants.get(code) or GemeenteRef(code=code, naam=code),
            description=text(r.get("description")), datum=as_date(r.get("datum")),
            project=local(r["project"]) if r.get("project") else "",
            lesson=local(r["les"]) if r.get("les") else ""))
    return sorted(out.values(), key=lambda o: (o.datum or date.max, o.gemeente.naam, o.key))


def load_gemeente_chain(store: q.Queryable, t_iri: str, ref: TrajectRef, code: str) -> TrajectoryData | None:
    """What :func:`graph.summaries.chain.achievements` needs for gemeente ``code`` (CBS code) in one
    trajectory, read for that gemeente only: the participant, its outcomes, the lessons with it as
    evidence and the lessons its outcomes led to (titles only); ``None`` when it does not take part."""
    g_iri = str(iri("gemeente", code))
    found = rows(store, q.GEMEENTE_DEELNAME, t=t_iri, g=g_iri)
    if not found:
        return None
    g = GemeenteRef(code=code, naam=text(found[0].get("naam")))
    data = TrajectoryData(ref=ref, iri=t_iri, participants=[g])
    data.meetings = [m for t, m in meetings(store, lang="nl") if t == t_iri]
    order = {m.key: n for n, m in enumerate(data.meetings)}
    lessons: dict[str, tuple] = {}
    for r in rows(store, q.GEMEENTE_LESSONS, t=t_iri, g=g_iri):
        m = local(r["m"]) if r.get("m") else ""
        lessons.setdefault(local(r["les"]), (order.get(m, 99), text(r.get("title"))))
    data.lessons = [Les(key=key, title=title, gemeenten=[g])
                    for key, (_, title) in sorted(lessons.items(), key=lambda kv: (kv[1][0], kv[0]))]
    data.lessons += [Les(key=local(r["les"]), title=text(r.get("title")))
                     for r in rows(store, q.OUTCOME_LESSONS, t=t_iri, g=g_iri) if local(r["les"]) not in lessons]
    data.outcomes = _outcomes(store, t_iri, {code: g}, q.GEMEENTE_OUTCOMES, g=g_iri)
    return data


def _lessons(store: q.Queryable, t_iri: str, met: list[Bijeenkomst], *, lang: str) -> list[Les]:
    by_key = {m.key: m for m in met}
    links: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in rows(store, q.LESSON_LINKS, t=t_iri):
        kind, bucket = text(r["kind"]), links[text(r["les"])]
        item = _link_item(kind, r, lang)
        if item not in bucket[kind]:
            bucket[kind].append(item)
    out: dict[str, Les] = {}
    for r in rows(store, q.LESSONS, t=t_iri):
        les, link = text(r["les"]), links[text(r["les"])]
        out.setdefault(les, Les(
            key=local(les), title=text(r.get("title")), text=text(r.get("tekst")),
            meeting=by_key.get(local(r.get("m"))) if r.get("m") else None,
            themes=link["thema"], instruments=link["instrument"],
            gemeenten=sorted(link["gemeente"], key=lambda g: g.naam), sources=link["bron"]))
    order = {m.key: n for n, m in enumerate(met)}
    return sorted(out.values(), key=lambda les: (order.get(les.meeting.key if les.meeting else "", 99),
                                                 les.key))


def _link_item(kind: str, r: dict, lang: str) -> object:
    if kind == "gemeente":
        return GemeenteRef(code=text(r.get("code")) or local(r["x"]), naam=text(r.get("rl")))
    if kind == "bron":
        return Source(url=text(r.get("url")) or text(r["x"]), label=text(r.get("rl")))
    return pick(r, lang) or text(r.get("rl")) or local(r["x"])


def _work(store: q.Queryable, t_iri: str) -> tuple[list[WorkItem], list[Actie]]:
    names = {g: n for g, n in ((text(r["g"]), r) for r in rows(store, q.PARTICIPANTS, t=t_iri))}
    work: dict[tuple, WorkItem] = {}  # distinct items in query order, without a quadratic `in` on a list
    actions: dict[str, Actie] = {}
    for r in rows(store, q.WORK, t=t_iri):
        p = names.get(text(r["g"]), {})
        g = GemeenteRef(code=text(p.get("code")), naam=text(p.get("naam")))
        title = text(r.get("title")) or text(r.get("description"))
        if r["kind"] == "actie":
            actions.setdefault(text(r["x"]), Actie(
                gemeente=g, title=title, owner_role=text(r.get("eigenaar")),
                deadline=as_date(r.get("deadline")), status=text(r.get("status")),
                completed=as_date(r.get("afgerond"))))
        else:
            item = WorkItem(kind=text(r["kind"]), gemeente=g, title=title,
                            description=text(r.get("description")) if r.get("title") else "")
            work.setdefault((item.kind, g.code, item.title, item.description), item)
    return list(work.values()), list(actions.values())


def contact_names(store: q.Queryable, t_iri: str) -> dict[str, str]:
    """Gemeente code -> contact person's name (private graph; only for ``with_names``)."""
    return {local(r["g"]): text(r["naam"]) for r in rows(store, q.CONTACT_NAMES, private=True, t=t_iri)}


LICENCE_NAMES = {"creativecommons.org/licenses/by/4.0": "CC BY 4.0",
                 "creativecommons.org/publicdomain/zero/1.0": "CC0 1.0"}


def licence(url: str) -> Source:
    """A licence URL with its short name.

    >>> licence("https://creativecommons.org/licenses/by/4.0/").label
    'CC BY 4.0'
    """
    name = next((n for k, n in LICENCE_NAMES.items() if k in url), url)
    return Source(url=url, label=name)


def _when(stamp: str) -> str:
    """An xsd:dateTime for readers.

    >>> _when("2026-11-27T00:43:33+00:00"), _when("")
    ('2026-11-27 00:43 UTC', '?')
    """
    if not stamp:
        return "?"
    utc = stamp.endswith(("+00:00", "Z"))
    return stamp[:16].replace("T", " ") + (" UTC" if utc else "")


def colophon(store: q.Queryable, *, fictief: bool) -> Colophon:
    """Data version, build date, licences and data sources from the provenance graph."""
    built, licences, sources = [], [Source(url=CC_BY, label=CBS_ATTRIBUTION)], []
    for r in rows(store, q.META):
        p, o = text(r["p"]), text(r["o"])
        if p.endswith("generatedAtTime"):
            built.append(o)
        elif p.endswith("license") and o.rstrip("/") != CC_BY.rstrip("/") and licence(o) not in licences:
            licences.append(licence(o))
        elif p.endswith("source") and o.startswith(("http://", "https://")) and Source(url=o) not in sources:
            sources.append(Source(url=o))
    from graph import __version__

    version = __version__  # not the installed metadata: a checkout that is not installed has none
    return Colophon(data_version=f"kernendemocratie {version}", build_date=_when(max(built, default="")),
                    generated=date.today(), licences=licences, sources=sorted(sources, key=lambda s: s.url),
                    fictief=fictief)


def gemeente_iri(code: str) -> str:
    """The IRI of gemeente ``code`` (a CBS code)."""
    return str(iri("gemeente", code))
