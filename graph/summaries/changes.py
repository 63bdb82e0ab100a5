"""What changed since the previous meeting, as a facilitator means it: cumulative knowledge.

The facilitator adds a meeting's lessons after it, rebuilds, and prints the pack for the next
meeting. So for meeting M the pack compares what the trajectory knew *just before M* (every lesson
of every earlier meeting, plus lessons without a meeting) with what it knew *at the previous
meeting* P (every lesson of the meetings before P). Counts only grow; a thread that grew is never
"verdwenen". Meetings that share a volgnummer (the intakes, one per gemeente) form one round: the
previous meeting of the start is the whole intake round.

A thread's count is the number of participating gemeenten named as evidence by the lessons on its
theme or instrument: the measure of the pack's threads section, so the "now" counts equal it.

>>> from graph.summaries.models import Bijeenkomst
>>> ms = [Bijeenkomst(key="i1", soort="intake", soort_label="I", datum=date(2025, 1, 5), volgnummer=1),
...       Bijeenkomst(key="i2", soort="intake", soort_label="I", datum=date(2025, 1, 9), volgnummer=1),
...       Bijeenkomst(key="s", soort="start", soort_label="S", datum=date(2025, 2, 1), volgnummer=2)]
>>> [[m.key for m in r] for r in rounds(ms)]
[['i1', 'i2'], ['s']]
"""

from __future__ import annotations

from datetime import date

from graph.analysis.changes import status, support_of
from graph.summaries.models import Actie, Les, Bijeenkomst, Uitkomst, ThreadChange

DONE = "gereed"
CLOSED = {"gereed", "vervallen"}


def order(m: Bijeenkomst) -> tuple:
    """Meetings in time: date, then volgnummer, then key."""
    return (m.datum or date.min, m.volgnummer or 0, m.key)


def rounds(meetings: list[Bijeenkomst]) -> list[list[Bijeenkomst]]:
    """Meetings in time order, consecutive meetings with the same volgnummer as one round."""
    out: list[list[Bijeenkomst]] = []
    for m in sorted(meetings, key=order):
        if out and m.volgnummer is not None and out[-1][-1].volgnummer == m.volgnummer:
            out[-1].append(m)
        else:
            out.append([m])
    return out


def previous_round(meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> list[Bijeenkomst]:
    """The round of meetings just before ``meeting``'s round (any soort); [] for the first round."""
    found = rounds(meetings)
    at = next(i for i, r in enumerate(found) if any(m.key == meeting.key for m in r))
    return found[at - 1] if at else []


def before(meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> set[str]:
    """The keys of the meetings in rounds before ``meeting``'s round."""
    out: set[str] = set()
    for r in rounds(meetings):
        if any(m.key == meeting.key for m in r):
            return out
        out.update(m.key for m in r)
    return out


def known_lessons(lessons: list[Les], meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> list[Les]:
    """The lessons recorded before ``meeting``: of earlier rounds, or without a meeting."""
    earlier = before(meetings, meeting)
    return [les for les in lessons if les.meeting is None or les.meeting.key in earlier]


def new_lessons(lessons: list[Les], meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> list[Les]:
    """The lessons of the previous round: what was added since the previous meeting's pack."""
    prev = {m.key for m in previous_round(meetings, meeting)}
    return [les for les in lessons if les.meeting is not None and les.meeting.key in prev]


def thread_changes(projection, meetings: list[Bijeenkomst], meeting: Bijeenkomst, *, label) -> list[ThreadChange]:
    """Threads (themes, instruments) whose count grew or appeared between the previous meeting and now.

    ``projection`` is the trajectory's analysis projection; ``label(key, dutch_label)`` gives the
    label in the reader's language.
    """
    prev = previous_round(meetings, meeting)
    if not prev:
        return []
    now = support_of(projection, _lessons_in(projection, before(meetings, meeting)))
    then = support_of(projection, _lessons_in(projection, before(meetings, prev[0])))
    out = []
    for e in set(now) | set(then):
        b, n = len(then.get(e, ())), len(now.get(e, ()))
        if (st := status(b, n)) is not None:
            out.append((e, projection.label(e), b, n, st))
    out.sort(key=lambda x: (-(x[3] - x[2]), x[1], x[0]))
    return [ThreadChange(label=label(e, lab), before=b, after=n, status=st) for e, lab, b, n, st in out]


def _lessons_in(projection, keys: set[str]) -> list:
    """The projection's trajectory lessons of these meetings (summary keys), or without a meeting."""
    return [les for les in projection.records.lessen if les.traject is not None
            and (les.bijeenkomst is None or les.bijeenkomst.rsplit("/", 1)[-1] in keys)]


def window(meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> tuple[date, date]:
    """From the previous round's first date (inclusive) to the meeting's date (exclusive)."""
    prev = previous_round(meetings, meeting)
    start = prev[0].datum if prev and prev[0].datum else date.min
    return start, meeting.datum or date.max


def actions_done(actions: list[Actie], meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> list[Actie]:
    """Actions completed since the previous meeting: by their completion date, else by their deadline."""
    start, end = window(meetings, meeting)
    when = lambda a: a.completed or a.deadline  # noqa: E731
    done = [a for a in actions if a.status == DONE and when(a) and start <= when(a) < end]
    return sorted(done, key=lambda a: (when(a), a.gemeente.naam, a.title))


def actions_overdue(actions: list[Actie], meeting: Bijeenkomst) -> list[Actie]:
    """Open actions whose deadline is before the meeting."""
    day = meeting.datum or date.max
    late = [a for a in actions if a.status not in CLOSED and a.deadline and a.deadline < day]
    return sorted(late, key=lambda a: (a.deadline, a.gemeente.naam, a.title))


def new_outcomes(outcomes: list[Uitkomst], meetings: list[Bijeenkomst], meeting: Bijeenkomst) -> list[Uitkomst]:
    """Outcomes dated since the previous meeting, up to the meeting."""
    start, end = window(meetings, meeting)
    return [o for o in outcomes if o.datum and start <= o.datum < end]
