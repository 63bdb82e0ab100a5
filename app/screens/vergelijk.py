"""Vergelijk: two gemeenten side by side: key figures, herindeling, instruments in use (shared ones
first), and what the analysis finds they share."""

from __future__ import annotations

import streamlit as st

from app import cache, choose, defaults, formats, labels, links, profile as parts, state, ui
from app.i18n import t
from graph import analysis, views

lang = state.lang()
st.title(t("vergelijk.title", lang))
st.caption(t("vergelijk.intro", lang))
cache.store()

choices = dict(cache.call(views.gemeenten))
codes = list(choices)
if len(codes) < 2:
    st.info(t("common.empty", lang))
    st.stop()
for key in ("a", "b"):
    choose.check_url(key, choices, lang=lang, what=t("choose.gemeente", lang),
                     address=lambda c, key=key: links.view("vergelijk", lang, **{key: c}))
p = cache.projection(None)
first = p.deelnemers[0] if p.deelnemers else codes[0]
state.init("a", first, choices=codes)
state.init("b", next(c for c in [*p.deelnemers[1:], *codes] if c != st.session_state["a"]), choices=codes)
left, right = st.columns(2)
left.selectbox(t("vergelijk.a", lang), codes, key="a", format_func=lambda c: ui.plain(choices[c]))
right.selectbox(t("vergelijk.b", lang), codes, key="b", format_func=lambda c: ui.plain(choices[c]))
state.to_url(["a", "b"])
a, b = st.session_state["a"], st.session_state["b"]

uses = {code: cache.call(views.uses, gemeente=code, lang=lang) for code in (a, b)}
in_use = {code: {u.instrument for u in found} for code, found in uses.items()}
shared = in_use[a] & in_use[b]


def _line(same: list) -> str:
    """One instrument in use, once, with its amounts (and their years)."""
    first = same[0]
    amounts = [formats.amount(u.bedrag, u.eenheid, lang) + (f" ({u.peiljaar})" if u.peiljaar else "")
               for u in same if u.bedrag is not None]
    return (f"- {links.md(first.instrument_label, links.instrument(first.instrument, lang))}"
            + (f" · {t('vergelijk.both', lang)}" if first.instrument in shared else "")
            + (f" · {ui.md(', '.join(amounts))}" if amounts else ""))


for column, code in zip(st.columns(2), (a, b)):
    with column:
        prof = cache.call(views.profile, code=code)
        st.subheader(ui.md(prof.label))
        st.markdown(ui.link(t("vergelijk.open", lang), links.gemeente(code, lang)))
        parts.figures(prof, lang=lang, columns=2)
        merged = ", ".join(formats.month_year(h.datum, lang) for h in prof.herindelingen) or t("common.none", lang)
        st.markdown(f"**{t('gemeente.herindeling', lang)}**: {ui.md(merged)}")
        st.markdown(f"**{t('gemeente.toepassingen', lang)}** ({len(in_use[code])})")
        grouped: dict[str, list] = {}
        for u in uses[code]:
            grouped.setdefault(u.instrument, []).append(u)
        ordered = sorted(grouped.values(), key=lambda us: (us[0].instrument not in shared, us[0].instrument_label))
        st.markdown("\n".join(_line(us) for us in ordered) or t("common.none", lang))

st.subheader(t("vergelijk.shared", lang))
pair = next((s for s in cache.on_projection(analysis.similar, code=a, top=defaults.COMPARE_TOP) if s.b.code == b), None)
if pair is None:
    st.caption(t("vergelijk.nothing", lang))
else:
    st.markdown(ui.md(labels.in_english(pair.explanation, labels.english()) if lang == "en" else pair.uitleg))
