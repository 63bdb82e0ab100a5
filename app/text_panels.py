"""Two small panels from the lesson texts: possible new rode draden (Rode draden page) and theme and
instrument suggestions for an uploaded trajectory's lessons (Invoer page, when switched on)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app import cache, links, ui
from graph.text import proposals_report

TEXT = {
    "nl": {"new": "Mogelijke nieuwe rode draden",
           "new_help": "Woorden die terugkomen in de lessen van minstens {k} gemeenten en onder geen thema of "
                       "instrument vallen. Voeg er een eigen thema voor toe als het een rode draad is.",
           "none": "Geen: wat in de lessen terugkomt, valt onder een thema of instrument.",
           "suggest": "Thema's en instrumenten voorstellen bij lessen zonder",
           "hints": "Voorstellen (geen fouten): controleer ze en neem over wat klopt."},
    "en": {"new": "Possible new common threads",
           "new_help": "Words that recur in the lessons of at least {k} gemeenten and fall under no theme or "
                       "instrument. Add an own theme for them if they are a thread.",
           "none": "None: what recurs in the lessons falls under a theme or instrument.",
           "suggest": "Suggest themes and instruments for lessons without them",
           "hints": "Suggestions (not errors): check them and copy what fits."},
}


def new_threads(*, traject: str | None, k: int, lang: str) -> None:
    """The proposals of ``graph.text`` for the chosen trajectory, with their lessons as evidence."""
    text = TEXT[lang]
    st.subheader(text["new"])
    st.caption(text["new_help"].format(k=k))
    from graph.text.proposals import ranked

    found = ranked(cache.call(proposals_report.store_counted, traject=traject), k=k)
    if not found:
        st.caption(text["none"])
        return
    from graph import views
    from graph.text.proposals_report import gemeente_labels

    titles = {les.key: les.title for les in cache.call(views.lessons, lang=lang)}
    for n, p in enumerate(found, 1):
        with st.expander(ui.md(f"{n}. {p.term}: {_count(len(p.gemeenten), lang)}")):
            st.markdown(ui.md(p.sentence if lang == "en" else p.zin))
            st.markdown(ui.md(gemeente_labels(p.gemeenten)))
            st.markdown("\n".join(f"- {ui.link(titles.get(key, key), links.les(key, lang))}" for key in p.lessen))
    ui.table([{"term": p.term, "gemeenten": gemeente_labels(p.gemeenten),
               "lessen": "; ".join(titles.get(key, key) for key in p.lessen),
               "waarom": p.sentence if lang == "en" else p.zin} for p in found],
             lang=lang, name="nieuwe-rode-draden", key="new-threads", shown=False)


def _count(n: int, lang: str) -> str:
    return f"{n} municipalities" if lang == "en" else f"{n} gemeenten"


def lesson_hints(target: Path, *, data_dir: Path, lang: str) -> None:
    """Suggestions for the lessons without themes or instruments in an uploaded input (off by default)."""
    text = TEXT[lang]
    if not st.toggle(text["suggest"], value=False, key="suggest-tags"):
        return
    from graph.text.inputs import hints

    found = hints([target], data_dir=data_dir, lang=lang)
    st.caption(text["hints"])
    ui.table([{"blad": h.sheet, "rij": h.row, "kolom": h.column, "voorstel": h.message, "woorden": h.suggestion}
              for h in found], lang=lang, name="voorstellen", key="tag-hints")
