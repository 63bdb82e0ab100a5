"""Messages of the lesson-text tools (graph.text: tag hints, ``kernen suggest``, ``kernen verslag``, proposed
rode draden): key -> (nl, en)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "text.hint": ("les zonder {column}; voorstel: {keys}", "lesson without {column}; suggested: {keys}"),
    "text.col_lesson": ("les", "lesson"),
    "text.col_given": ("gegeven", "given"),
    "text.col_themes": ("voorstel thema's", "suggested themes"),
    "text.col_instruments": ("voorstel instrumenten", "suggested instruments"),
    "text.removed": ("{n} persoonsgegeven(s) weggelaten", "{n} item(s) of personal data left out"),
    "text.verslag_done": ("{n} conceptlessen uit {src} geschreven naar {out} (blad les); controleer elke regel.",
                          "{n} draft lessons from {src} written to {out} (sheet les); check every row."),
    "text.verslag_head": ("Conceptlessen uit {src}: gesuggereerde thema's en instrumenten met de woorden die "
                          "ertoe leidden",
                          "Draft lessons from {src}: suggested themes and instruments with the words that led "
                          "to them"),
    "text.proposals_title": ("## Mogelijke nieuwe rode draden", "## Possible new rode draden (recurring threads)"),
    "text.proposals_intro": ("Woorden die terugkomen in de lessen van meerdere gemeenten en onder geen thema of "
                             "instrument vallen. Voeg er een eigen thema voor toe als het een rode draad is.",
                             "Words that recur in the lessons of several gemeenten and fall under no theme or "
                             "instrument. Add an own theme for them if they are a thread."),
    "text.proposals_none": ("Geen: elk woord dat in de lessen van {k} of meer gemeenten terugkomt, valt onder "
                             "een label.",
                             "None: every word recurring in the lessons of {k} or more gemeenten falls under a "
                             "label."),
    "text.proposal": ("'{term}' komt terug in {lessons} lessen van {gemeenten} gemeenten; geen thema of instrument "
                      "dekt het.", "'{term}' recurs in {lessons} lessons of {gemeenten} gemeenten; no theme or "
                      "instrument covers it."),
    "text.proposals_head": ("| term | gemeenten | lessen |", "| term | gemeenten | lessons |"),
}
