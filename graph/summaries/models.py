"""Pydantic output models of the facilitator summaries (meeting pack, intake, lessons bundle).

Plain, frozen data: what the renderers (``graph.export``) and the app show. Text is stored as the
data says it (never pre-escaped); each renderer escapes for its own format.

>>> GemeenteRef(code="GM1900", naam="Súdwest-Fryslân").display
'Súdwest-Fryslân (GM1900)'
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    """A source document: its URL and a short label (the host name)."""

    url: str
    label: str = ""


class GemeenteRef(Model):
    code: str
    naam: str

    @property
    def display(self) -> str:
        return f"{self.naam} ({self.code})" if self.code else self.naam


class TrajectRef(Model):
    slug: str
    label: str
    fictief: bool = False


class Bijeenkomst(Model):
    """A bijeenkomst; ``key`` is the IRI key (``<traject>-<id>``), what users type."""

    key: str
    soort: str  # the soort's slug (intake, regionaal, werkbezoek, ...)
    soort_label: str
    datum: date | None = None
    volgnummer: int | None = None
    plaats: str = ""
    host: GemeenteRef | None = None
    naam: str = ""  # the meeting's own title, when the facilitator gave one

    @property
    def title(self) -> str:
        when = self.datum.isoformat() if self.datum else "?"
        return f"{self.naam or self.soort_label} {when}"


class Les(Model):
    key: str
    title: str
    text: str = ""
    meeting: Bijeenkomst | None = None
    themes: list[str] = []
    instruments: list[str] = []
    gemeenten: list[GemeenteRef] = []
    sources: list[Source] = []


class ThreadLesson(Model):
    """A lesson under a thread: its title and its sources."""

    title: str
    sources: list[Source] = []


class Thread(Model):
    """A rode draad as ``graph.analysis`` found it; the numbers are the analysis' own."""

    label: str
    kind: str  # thema | instrument | vraagstuk
    support: int
    spread: str = ""
    lift: float | None = None
    gemeenten: list[GemeenteRef] = []
    lessons: list[str] = []  # lesson keys
    lesson_items: list[ThreadLesson] = []  # the same lessons with title and sources, in title order
    sources: list[Source] = []
    sentence: str = ""


class ThreadChange(Model):
    label: str
    before: int
    after: int
    status: str  # nieuw | gegroeid | gekrompen | verdwenen (as the analysis reports it)


class Actie(Model):
    gemeente: GemeenteRef
    title: str
    owner_role: str = ""
    deadline: date | None = None
    status: str = ""
    completed: date | None = None  # the completion date, when the facilitator recorded it


class Uitkomst(Model):
    """An uitkomst: what a gemeente achieved, with its date, project and lesson keys when given."""

    key: str
    gemeente: GemeenteRef
    description: str
    datum: date | None = None
    project: str = ""
    lesson: str = ""


class ActionStep(Model):
    """An action as it ended: its final status and the date it was completed (or due)."""

    title: str
    status: str = ""
    deadline: date | None = None
    completed: date | None = None


class QuestionChain(Model):
    title: str
    actions: list[ActionStep] = []


class ProjectChain(Model):
    title: str
    questions: list[QuestionChain] = []
    outcomes: list[Uitkomst] = []


class Achievement(Model):
    """What one gemeente achieved in a trajectory: project -> vraagstuk -> acties -> uitkomsten -> lessen."""

    gemeente: GemeenteRef
    projects: list[ProjectChain] = []
    questions: list[QuestionChain] = []  # questions without a project
    outcomes: list[Uitkomst] = []  # outcomes without a project
    lessons: list[str] = []  # titles of the lessons with the gemeente as evidence
    outcome_lessons: dict[str, str] = {}  # outcome key -> title of the lesson it led to


class WorkItem(Model):
    """A project or vraagstuk of a participant, with what the facilitator entered about it."""

    kind: Literal["project", "vraagstuk"]
    gemeente: GemeenteRef
    title: str
    description: str = ""
    themes: list[str] = []
    instruments: list[str] = []
    ambitie: str = ""  # the ladder level a vraagstuk aims for
    project: str = ""  # the title of a vraagstuk's project


class Attendee(Model):
    gemeente: GemeenteRef
    rol: str = ""
    naam: str | None = None  # only with with_names=True


class TableGroup(Model):
    number: int
    gemeenten: list[GemeenteRef]
    shared: list[str] = []  # what at least two of this table's gemeenten share, with how many
    leergroep: str = ""  # the facilitator's learning group the table follows, if any


class HostSuggestion(Model):
    """A werkbezoek host for a participant's question, with the analysis' reason."""

    gemeente: GemeenteRef
    question: str
    host: GemeenteRef
    reason: str = ""
    score: float | None = None


class Similar(Model):
    gemeente: GemeenteRef
    score: float
    reason: str = ""


class NetworkEdge(Model):
    source: str
    target: str
    weight: int = 1


class Network(Model):
    """The static picture's content: gemeenten, topics (themes and instruments) and their links."""

    gemeenten: list[str] = []
    topics: list[str] = []
    edges: list[NetworkEdge] = []


class Colophon(Model):
    data_version: str
    build_date: str
    generated: date
    licences: list[Source]  # attribution text in ``label``, licence URL (if any) in ``url``
    sources: list[Source] = []  # where the reference and practice data come from
    fictief: bool = False


class MeetingPack(Model):
    kind: Literal["meeting"] = "meeting"
    lang: str
    traject: TrajectRef
    meeting: Bijeenkomst
    previous: Bijeenkomst | None = None
    attendees: list[Attendee]
    invited: bool = False  # no attendance recorded yet: the attendees are everyone invited
    with_names: bool = False
    new_lessons: list[Les] = []
    thread_changes: list[ThreadChange] = []
    actions_done: list[Actie] = []
    actions_overdue: list[Actie] = []
    new_outcomes: list[Uitkomst] = []
    known_lessons: int = 0  # lessons recorded before this meeting: what the changes are counted over
    threads: list[Thread] = []
    table_groups: list[TableGroup] = []
    groups_sentence: str = ""
    hosts: list[HostSuggestion] = []
    questions: list[str] = []
    network: Network = Network()
    achievements: list[Achievement] = []  # at the closing meeting only
    colophon: Colophon


class Kerntelling(Model):
    aantal: int
    wat: str
    peiljaar: str = ""
    sources: list[Source] = []


class HerindelingItem(Model):
    datum: date | None
    kind: str = ""
    opgeheven: list[str] = []


class Budget(Model):
    waarde: float
    eenheid: str = "EUR"
    peiljaar: str = ""
    toelichting: str = ""


class ToepassingItem(Model):
    instrument: str
    lokale_naam: str = ""
    sinds: str = ""
    tot: str = ""
    ladder: str = ""  # "Adviseren – Meebeslissen"
    ladder_min: int | None = None
    ladder_max: int | None = None
    budgets: list[Budget] = []
    sources: list[Source] = []


class SourcedFact(Model):
    """A practice fact about the gemeente with its verbatim quote (empty for a fact of the domain note)."""

    soort: str
    wat: str
    citaat: str = ""
    brondatum: str = ""
    beslisrecht: str = ""
    sources: list[Source] = []


class IntakeSummary(Model):
    kind: Literal["intake"] = "intake"
    lang: str
    gemeente: GemeenteRef
    provincie: str = ""
    inwoners: int | None = None
    kernen_bag: int = 0
    kern_definition: str
    kerntellingen: list[Kerntelling] = []
    herindelingen: list[HerindelingItem] = []
    toepassingen: list[ToepassingItem] = []
    feiten: list[SourcedFact] = []
    feiten_melding: str = ""  # "niet gevonden in de doorzochte bronnen" when there are no facts
    traject: TrajectRef | None = None
    other_trajects: list[TrajectRef] = []  # further trajectories the gemeente takes part in
    heringedeeld: bool | None = None  # as the facilitator entered them (sheet deelname)
    aantal_kernen: int | None = None
    contact_rol: str = ""
    leergroep: str = ""
    intakes: list[Bijeenkomst] = []  # the gemeente's intake meeting(s)
    intake_roles: dict[str, str] = {}  # intake meeting key -> the role that attended
    work: list[WorkItem] = []
    actions: list[Actie] = []
    lessons: list[Les] = []  # lessons that name the gemeente as evidence
    outcomes: list[Uitkomst] = []
    similar: list[Similar] = []
    hosts: list[HostSuggestion] = []
    colophon: Colophon


class LessonGroup(Model):
    """Lessons under one heading (a thread or an instrument)."""

    label: str
    support: int | None = None
    sentence: str = ""
    lessons: list[str] = []  # lesson keys


class InstrumentIndexItem(Model):
    instrument: str
    ladder_min: int | None = None
    ladder_max: int | None = None
    lessons: int = 0
    sources: list[Source] = []


class LessonsBundle(Model):
    kind: Literal["bundle"] = "bundle"
    lang: str
    traject: TrajectRef
    meetings: list[Bijeenkomst] = []
    participants: list[GemeenteRef] = []
    lessons: list[Les] = []
    by_thread: list[LessonGroup] = []
    by_instrument: list[LessonGroup] = []
    threads: list[Thread] = []
    population: int = 0  # the number of gemeenten the threads are counted over
    ladder: list[str] = []  # rung labels, index 0 = niveau 1
    instruments: list[InstrumentIndexItem] = []
    sources: list[Source] = []
    achievements: list[Achievement] = []
    colophon: Colophon


Summary = MeetingPack | IntakeSummary | LessonsBundle
