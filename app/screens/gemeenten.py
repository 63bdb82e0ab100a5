"""Gemeenten: every gemeente in one list, narrowed by province, inhabitants, number of kernen,
herindeling, instruments in use and taking part in a learning trajectory; names link to the profile."""

from __future__ import annotations

import streamlit as st

from app import cache, formats, links, state, ui
from app.i18n import t
from graph import views

lang = state.lang()
st.title(t("gemeenten.title", lang))
st.caption(t("gemeenten.intro", lang))
cache.store()

rows = cache.call(views.gemeente_rows)
instruments = {i.key.split("/", 1)[-1]: i.label for i in cache.call(views.instruments, lang=lang)}
provincies = sorted({r.provincie for r in rows if r.provincie})
SIZES = ("alle", "klein", "middel", "groot")  # < 25.000, 25.000-75.000, > 75.000 inhabitants
SIZE_BOUNDS = {"klein": (0, 25_000), "middel": (25_000, 75_000), "groot": (75_000, 10**9)}
MERGED = ("alle", "ja", "nee")

with st.expander(t("gemeenten.filters", lang), expanded=True):
    left, middle, right = st.columns(3)
    state.init("prov", [], multi=True, choices=provincies)
    left.multiselect(t("gemeente.provincie", lang), provincies, key="prov", placeholder=t("common.choose", lang))
    state.init("grootte", "alle", choices=list(SIZES))
    left.radio(t("gemeenten.size", lang), SIZES, key="grootte", horizontal=True,
               format_func=lambda s: t(f"gemeenten.size.{s}", lang))
    state.init("minkernen", 0, cast=int, bounds=(0, 200))
    middle.number_input(t("gemeenten.minkernen", lang), 0, 200, key="minkernen", step=5)
    state.init("heringedeeld", "alle", choices=list(MERGED))
    middle.radio(t("gemeenten.merged", lang), MERGED, key="heringedeeld", horizontal=True,
                 format_func=lambda s: t(f"gemeenten.merged.{s}", lang))
    state.init("instrumenten", [], multi=True, choices=list(instruments))
    right.multiselect(t("gemeenten.instruments", lang), list(instruments), key="instrumenten",
                      format_func=lambda k: ui.plain(instruments[k]), placeholder=t("common.choose", lang))
    state.init("traject", False, cast=bool)
    right.checkbox(t("gemeenten.traject", lang), key="traject")
state.to_url(["prov", "grootte", "minkernen", "heringedeeld", "instrumenten", "traject"])

ss = st.session_state
wanted = {f"instrument/{k}" for k in ss["instrumenten"]}
lo, hi = SIZE_BOUNDS.get(ss["grootte"], (None, None))
shown = [r for r in rows
         if (not ss["prov"] or r.provincie in ss["prov"])
         and (lo is None or (r.inwoners is not None and lo <= r.inwoners < hi))
         and r.kernen >= ss["minkernen"]
         and (ss["heringedeeld"] == "alle" or (r.herindeling is not None) == (ss["heringedeeld"] == "ja"))
         and wanted <= set(r.instrumenten)
         and (not ss["traject"] or r.deelnemer)]
st.markdown(ui.md(t("gemeenten.count", lang, n=formats.number(len(shown), lang), total=formats.number(len(rows), lang))))

table = [{"naam": links.gemeente(r.code, lang) + "#" + r.label, "provincie": r.provincie,
          "inwoners": r.inwoners, "kernen": r.kernen, "herindeling": r.herindeling,
          "instrumenten": ", ".join(instruments.get(k.split("/", 1)[-1], "") for k in r.instrumenten),
          "traject": t("common.yes", lang) if r.deelnemer else ""} for r in shown]
names = {k: t(f"gemeenten.col.{k}", lang) for k in ("naam", "provincie", "inwoners", "kernen", "herindeling",
                                                     "instrumenten", "traject")}
if table:
    st.dataframe(table, hide_index=True, width="stretch", key="gemeenten-tabel", placeholder="–",
                 column_config={"naam": st.column_config.LinkColumn(names["naam"], display_text=r"#(.*)$"),
                                **{k: names[k] for k in names if k != "naam"},
                                "herindeling": st.column_config.NumberColumn(names["herindeling"], format="%d"),
                                "inwoners": st.column_config.NumberColumn(names["inwoners"], format="localized")})
    plain_rows = [{names[k]: (r[k].split("#", 1)[1] if k == "naam" else r[k]) for k in names} for r in table]
    left, right = st.columns(2)
    left.download_button(t("common.download_csv", lang), lambda: ui.to_csv(plain_rows), file_name="gemeenten.csv",
                         mime="text/csv", on_click="ignore")
    right.download_button(t("common.download_json", lang), lambda: ui.to_json(plain_rows),
                          file_name="gemeenten.json", mime="application/json", on_click="ignore")
else:
    st.caption(t("common.empty", lang))
