"""Lessons drafted from a meeting report: candidate sentences and bullets, gemeenten, suggested tags.

A candidate is a sentence (of a paragraph) or a bullet with a cue facilitators use ("les",
"geleerd", "werkt goed", "valkuil", "tip", "aanbeveling", "lastig", "succesfactor", "alleen als",
"nemen mee"), or any bullet under a heading with such a cue ("Geleerde lessen"). Lines about the
programme (times, lunch, the next meeting) are never lessons. Gemeenten are the names (current or
former, resolved as ``kernen validate`` does) in the candidate, else in the first sentence of its
paragraph ("Eemsdelta vertelde ..."). Personal data is removed from the text with the check the inputs
get (``graph.ingest.personal``: e-mail addresses, phone numbers, IBANs, BSNs, addresses).
Nothing is written to the store: :func:`draft_records` gives workbook rows for the facilitator to check.

>>> from graph.settings import DEFAULT_DATA
>>> from graph.text.report_reader import read_blocks_text
>>> found = candidates(read_blocks_text("Zuidhorn vertelde veel. Tip: bel de dorpen zelf op."), data_dir=DEFAULT_DATA)
>>> found[0].title, found[0].gemeenten
('Bel de dorpen zelf op', ('GM1969',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.ingest.personal import Detector
from graph.ingest.resolve import load_resolver, normalise
from graph.messages import t
from graph.text.report_reader import Block
from graph.text.suggest import Model, Suggestion, suggest

CUE = re.compile(r"\b(?:les|lessen|geleerd|leerpunt\w*|(?:werkt|werkte)(?: het)? (?:goed|beter|niet)|goed werkt|"
                 r"valkuil\w*|tip|tips|aanbeveling\w*|aanbevolen|lastig\w*|succesfactor\w*|aandachtspunt\w*|"
                 r"alleen als|(?:nemen|neem|neemt) (?:\w+ )?mee)\b", re.IGNORECASE)
HEADING_CUE = re.compile(r"\b(?:lessen|geleerd\w*|leerpunten|tips|valkuilen|aanbevelingen|inzichten|"
                         r"succesfactoren|opbrengst)\b", re.IGNORECASE)
PROGRAMME = re.compile(r"\b(?:\d{1,2}[.:]\d{2} uur|lunch|koffie|borrel|bus|presentaties|volgende "
                       r"(?:overleg|bijeenkomst|werkbezoek)|verslaglegging)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(ÁÉÍÓÚ])")
_LEAD = re.compile(r"^([^:]{1,40}):\s+(.+)$")  # "Tip van Midden-Groningen: zet ..." -> "zet ..."
MIN_WORDS = 5
TITLE_LENGTH = 90
MAX_NAME_WORDS = 4  # longest gemeente name to look for, in words ("Hof van Twente": 3)
RELATIVE = 0.6  # a further tag is written when its score is at least this share of the best one's


@dataclass(frozen=True)
class Candidate:
    """A drafted lesson: title, text (personal data removed), gemeenten, notes, suggestions."""

    title: str
    text: str
    gemeenten: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "'Zuidhorn' is een voormalige gemeente; gelezen als opvolger ..."
    removed: int = 0  # e-mail addresses and phone numbers left out
    themas: tuple[Suggestion, ...] = ()
    instrumenten: tuple[Suggestion, ...] = ()


def redact(text: str) -> tuple[str, int]:
    """``text`` without personal data (the check of the inputs: e-mail, phone, IBAN, BSN, address, names),
    and how many items were removed (one pass of the detector).

    >>> redact("Mail jan@example.org of bel 06-12345678.")
    ('Mail [verwijderd: e-mailadres] of bel [verwijderd: telefoonnummer].', 2)
    """
    redacted, hits = Detector().redact(text)
    return redacted, len(hits)


def candidates(blocks: list[Block], *, data_dir: Path, model: Model | None = None) -> list[Candidate]:
    """The lessons a facilitator would draft from ``blocks`` (see the module docstring)."""
    found: list[Candidate] = []
    under_lessons = False
    for block in blocks:
        if block.kind == "heading":
            under_lessons = bool(HEADING_CUE.search(block.text))
            continue
        units = [block.text] if block.kind == "bullet" else _SENTENCE.split(block.text)
        context = units[0]
        for unit in units:
            if _is_lesson(unit, bullet_under_lessons=under_lessons and block.kind == "bullet"):
                found.append(_candidate(unit, context, data_dir=data_dir, model=model))
    return found


def _is_lesson(unit: str, *, bullet_under_lessons: bool) -> bool:
    if len(unit.split()) < MIN_WORDS or PROGRAMME.search(unit):
        return False
    return bullet_under_lessons or bool(CUE.search(unit))


def _candidate(unit: str, context: str, *, data_dir: Path, model: Model | None) -> Candidate:
    text, removed = redact(unit.strip())
    codes, notes = gemeenten_in(text, data_dir=data_dir)
    if not codes and context != unit:
        codes, notes = gemeenten_in(redact(context)[0], data_dir=data_dir)
    found = suggest(model, text) if model is not None else {"thema": [], "instrument": []}
    return Candidate(title(text), text, codes, notes, removed, _kept(found["thema"]), _kept(found["instrument"]))


def _kept(ranked: list[Suggestion]) -> tuple[Suggestion, ...]:
    if not ranked:
        return ()
    return tuple(s for s in ranked if s.score >= RELATIVE * ranked[0].score)


def title(text: str) -> str:
    """A short title: the text after a short lead ("Tip:", "Altena:"), up to ``TITLE_LENGTH`` characters.

    >>> title("Valkuil: als de gebiedsregisseur te veel dorpen heeft, haken dorpen af.")
    'Als de gebiedsregisseur te veel dorpen heeft, haken dorpen af'
    """
    lead = _LEAD.match(text)
    body = lead.group(2) if lead and len(lead.group(1).split()) <= MAX_NAME_WORDS + 1 else text
    body = body.strip().rstrip(".!;:")
    if len(body) > TITLE_LENGTH:
        body = body[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return body[:1].upper() + body[1:]


def gemeenten_in(text: str, *, data_dir: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CBS codes of the gemeenten named in ``text`` (capitalised names; former names read as their
    successor, with a note; a former gemeente split over several is only noted)."""
    resolver = load_resolver(Path(data_dir).resolve())
    words = text.split()
    codes: set[str] = set()
    notes: list[str] = []
    start = 0
    while start < len(words):
        size = _name_at(resolver, words, start, codes, notes) if words[start][:1].isupper() else 0
        start += max(size, 1)
    return tuple(sorted(codes)), tuple(dict.fromkeys(notes))


def _name_at(resolver, words: list[str], start: int, codes: set[str], notes: list[str]) -> int:
    """The number of words of the gemeente name starting at ``start`` (0 if none); adds its code."""
    for size in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
        shown = " ".join(words[start:start + size]).strip(",.;:()'\"")
        found = _named(resolver, normalise(shown), shown)
        if found is not None:
            codes.update(found[0])
            notes.extend(found[1])
            return size
    return 0


def _named(resolver, name: str, shown: str) -> tuple[set[str], list[str]] | None:
    keys = resolver.gemeenten.index.get(name)
    if keys and len(keys) == 1:
        return set(keys), []
    former = resolver.voormalig.get(name)
    if not former:
        return None
    found = resolver.former(shown, *former)
    if found.value:
        return {found.value}, [found.message]
    return set(), [f"{found.message}; {found.suggestion}"]


def draft_records(found: list[Candidate], *, bijeenkomst: str, traject: str, naam: str, soort: str,
                  datum: date, source: str, gastgemeente: str | None = None) -> dict[str, list[dict]]:
    """Workbook rows (``traject``, ``bijeenkomst``, ``les``) for :func:`graph.ingest.template.workbook`."""
    meeting = {"id": bijeenkomst, "soort": soort, "datum": datum, "titel": naam[:TITLE_LENGTH]}
    if gastgemeente:
        meeting["gastgemeente"] = gastgemeente
    lessons = [{"id": f"{bijeenkomst}-les-{n:02d}", "titel": c.title, "tekst": c.text,
                "themas": [s.key for s in c.themas], "instrumenten": [s.key for s in c.instrumenten],
                "gemeenten": list(c.gemeenten), "bijeenkomst": bijeenkomst}
               for n, c in enumerate(found, start=1)]
    return {"traject": [{"id": traject, "naam": naam, "omschrijving": f"Concept uit {source}; controleer elke les."}],
            "bijeenkomst": [meeting], "les": lessons}


def explanations(found: list[Candidate], *, bijeenkomst: str, lang: str = "nl") -> list[str]:
    """One line per drafted lesson: its id, the suggested tags with their words, and notes."""
    lines = []
    for n, c in enumerate(found, start=1):
        tags = [s.uitleg if lang == "nl" else s.explanation for s in (*c.themas, *c.instrumenten)]
        extra = list(c.notes)
        if c.removed:
            extra.append(t("text.removed", lang, n=c.removed))
        lines.append(f"{bijeenkomst}-les-{n:02d}: " + "; ".join(tags + extra))
    return lines
