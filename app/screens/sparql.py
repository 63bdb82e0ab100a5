"""SPARQL: a read-only query editor with the canned queries as a picker; results as table, chart or
map; CSV/JSON downloads. Every query goes through ``graph.sparql`` (run_safe / run_canned): the same
checks, time limit and row cap as the endpoint."""

from __future__ import annotations

import json

import streamlit as st

from app import cache, charts, state, ui
from app.i18n import t

MAX_URL_QUERY = 2000  # characters of query text kept in the address bar
EXAMPLE = "SELECT ?gemeente ?inwoners WHERE {\n  ?g a kd:Gemeente ; rdfs:label ?gemeente ; kd:inwoners ?inwoners\n}\nORDER BY DESC(?inwoners)\nLIMIT 20"

lang = state.lang()
st.title(t("sparql.title", lang))
st.caption(t("sparql.intro", lang))
store = cache.store()

try:
    from graph import sparql
    canned = {q.name: q for q in sparql.canned_queries()}
except ImportError as exc:  # the safe runner is another module's work; say so instead of failing
    ui.unavailable(str(exc), lang=lang)
    st.stop()


def _describe(name: str) -> str:
    q = canned.get(name)
    if q is None:
        return t("sparql.own", lang)
    return f"{name}: {(q.description_en if lang == 'en' and q.description_en else q.description_nl)}"


def _load_canned() -> None:
    q = canned.get(st.session_state["q"])
    st.session_state["query"] = q.text if q else EXAMPLE


name = state.init("q", "", choices=["", *canned])
state.init("query", canned[name].text if name in canned else EXAMPLE)
st.selectbox(t("sparql.canned", lang), ["", *canned], key="q", format_func=_describe, on_change=_load_canned)
chosen = canned.get(st.session_state["q"])
params: dict[str, str] = {}
if chosen is not None:
    st.markdown(ui.md(_describe(chosen.name)))
    for p in chosen.params:
        key = f"p_{p.name}"
        state.init(key, p.default or "")
        params[p.name] = st.text_input(f"{p.name} ({p.type}): {p.description}", key=key, max_chars=200)
text = st.text_area(t("sparql.editor", lang), key="query", height=220, max_chars=50_000)
clicked = st.button(t("sparql.run", lang), type="primary")
url_keys = ["q", *(f"p_{n}" for n in params)]
if len(text) <= MAX_URL_QUERY and (chosen is None or text != chosen.text):
    url_keys.append("query")
state.to_url(url_keys)

if clicked or st.session_state.setdefault("_sparql_autorun", True):
    st.session_state["_sparql_autorun"] = False
    try:
        if chosen is not None and text == chosen.text:
            result = sparql.run_canned(chosen.name, params={k: v for k, v in params.items() if v != ""}, store=store)
        else:
            result = sparql.run_safe(text, store=store)
    except Exception as exc:  # refused, syntax, timeout, parameter: the message is for the user
        st.error(t("sparql.error", lang, msg=ui.md(exc)))
        st.stop()
    st.session_state["_sparql_result"] = result

result = st.session_state.get("_sparql_result")
if result is None:
    st.stop()
if result.kind == "ask":
    st.success(str(result.boolean))
    st.stop()
if result.kind == "graph":
    st.code(result.triples.decode("utf-8")[:20_000], language="text")
    st.download_button("N-Triples", result.triples, file_name="resultaat.nt", mime="application/n-triples")
    st.stop()

rows = result.records()
st.caption(t("sparql.rows", lang, n=len(rows), ms=round(result.elapsed_ms)))
if result.truncated:
    st.warning(t("sparql.truncated", lang, n=len(rows)))
numeric = [c for c in result.columns if rows and all(isinstance(r[c], (int, float)) or r[c] is None for r in rows)
           and any(r[c] is not None for r in rows) and not isinstance(rows[0][c], bool)]
labels = [c for c in result.columns if c not in numeric]
points = [c for c in result.columns if rows and str(rows[0][c] or "").upper().startswith("POINT")]
views = ["table"] + (["chart"] if numeric and labels else []) + (["map"] if points else [])
state.init("weergave", "table", choices=views)
if st.session_state["weergave"] not in views:
    st.session_state["weergave"] = "table"
view = st.radio(t("sparql.view", lang), views, key="weergave", horizontal=True,
                format_func=lambda v: t(f"sparql.view.{v}", lang))
state.to_url(["weergave"])
table_rows = [{c: ("" if v is None else str(v) if not isinstance(v, (int, float)) else v) for c, v in r.items()}
              for r in rows]
if view == "chart":
    st.vega_lite_chart(charts.bar_spec(table_rows[:200], x=numeric[0], y=labels[0]), width="stretch")
elif view == "map":
    from graph.views import point_of

    located = [{"lat": pt[0], "lon": pt[1], "naam": str(r[labels[0]] if labels else ""), "kleur": "", "achtergrond": False}
               for r in rows if (pt := point_of(r[points[0]]))]
    from app import outlines

    st.vega_lite_chart(charts.map_spec(located, colour_title="", outlines=outlines.provinces()), width="stretch")
    if outlines.provinces():
        st.caption(t("map.outlines.source", lang))
st.dataframe(table_rows, hide_index=True, width="stretch")
left, right = st.columns(2)
# CSV for spreadsheets: cells that start like a formula are made inert (the JSON is the exact result).
left.download_button(t("common.download_csv", lang), ui.to_csv(table_rows), file_name="resultaat.csv",
                     mime="text/csv")
right.download_button(t("common.download_json", lang), json.dumps(result.to_sparql_json(), ensure_ascii=False),
                      file_name="resultaat.json", mime="application/sparql-results+json")
