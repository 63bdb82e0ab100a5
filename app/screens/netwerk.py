"""Netwerk: gemeenten, instruments, themes, questions and lessons as an interactive network,
with filters, search and focus, presets, a legend, and the same selection as a table and in words."""

from __future__ import annotations

import streamlit as st

from app import cache, defaults, disk_cache, links, state, ui
from app.i18n import t
from graph.views import netselect, netviz
from graph import analysis, views
from graph.analysis.similarity import similarity_graph

lang = state.lang()
st.title(t("netwerk.title", lang))
st.caption(t("netwerk.intro", lang))
cache.store()

PRESETS = defaults.NETWORK_PRESETS  # preset -> (node kinds, colour by)
trajecten = cache.call(views.trajecten)
slugs = [tr.slug for tr in trajecten]
kinds_all = list(netselect.NODE_KINDS)
kind_names = {k: t(f"kind.{k}", lang) for k in kinds_all}


def _apply_preset() -> None:
    kinds, colour = PRESETS[st.session_state["preset"]]
    st.session_state["types"], st.session_state["kleur"] = list(kinds), colour


preset = state.init("preset", "instrumenten", choices=list(PRESETS))
state.init("types", PRESETS[preset][0], multi=True, choices=kinds_all)
state.init("kleur", PRESETS[preset][1], choices=list(netselect.COLOUR_BY))
st.radio(t("netwerk.preset", lang), list(PRESETS), key="preset", on_change=_apply_preset, horizontal=True,
         format_func=lambda p: t(f"netwerk.preset.{p}", lang))
left = st.expander(t("netwerk.filters", lang))
right = st.container()
with left:
    traject = state.init("traject", slugs[0] if len(slugs) == 1 else "", choices=["", *slugs])
    if slugs:
        st.selectbox(t("common.traject", lang), ["", *slugs], key="traject",
                     format_func=lambda s: next((tr.label for tr in trajecten if tr.slug == s), t("common.all", lang)))
    ui.fictief_banner(trajecten, lang=lang, shown=traject or None)
    p = cache.projection(traject or None)
    graph = p.graph
    instruments = cache.call(views.instruments, lang=lang)
    info = {i.key: netselect.InstrumentInfo(i.groep, i.ladder_min, i.ladder_max) for i in instruments}
    groups = {i.groep: i.groep_label for i in instruments if i.groep}
    ladder = dict(cache.call(views.ladder, lang=lang))
    provincies = sorted({str(d.get("provincie")) for _, d in graph.nodes(data=True)
                         if d.get("type") == "gemeente" and d.get("provincie")})
    meetings = {m.key: m.label for m in (cache.call(views.meetings, traject=traject, lang=lang)
                                         if traject else [])}

    st.multiselect(t("netwerk.types", lang), kinds_all, key="types", format_func=kind_names.get, placeholder=t("common.choose", lang))
    state.init("prov", [], multi=True, choices=provincies)
    st.multiselect(t("netwerk.provincies", lang), provincies, key="prov", placeholder=t("common.choose", lang))
    state.init("groep", [], multi=True, choices=list(groups))
    st.multiselect(t("netwerk.groepen", lang), list(groups), key="groep", format_func=lambda g: ui.plain(groups[g]),
                   placeholder=t("common.choose", lang))
    state.init("ladder", [], multi=True, cast=int, choices=list(ladder))
    st.multiselect(t("netwerk.ladder", lang), list(ladder), key="ladder",
                   format_func=lambda n: f"{n}. {ladder[n]}", placeholder=t("common.choose", lang))
    state.init("bijeenkomst", "", choices=["", *meetings])
    if meetings:
        st.selectbox(t("netwerk.bijeenkomst", lang), ["", *meetings], key="bijeenkomst",
                     format_func=lambda k: ui.plain(meetings.get(k, t("common.all", lang))))

labels = {**cache.call(views.concepts, kind="Thema", lang=lang),
          **cache.call(views.concepts, kind="Instrument", lang=lang)}
with left:
    state.init("zoek", "")
    st.text_input(t("netwerk.search", lang), key="zoek", max_chars=80)
    focus_choices = ["", *sorted(graph.nodes, key=lambda n: str(labels.get(n) or graph.nodes[n].get("label", n)))]
    state.init("focus", "", choices=focus_choices)
    st.selectbox(t("netwerk.focus", lang), focus_choices, key="focus",
                 format_func=lambda n: ui.plain(labels.get(n) or graph.nodes[n].get("label", n)) if n else t("common.none", lang))
    state.init("hops", 1, cast=int, bounds=(1, 4))
    st.slider(t("netwerk.hops", lang), 1, 4, key="hops")
    st.radio(t("netwerk.colour", lang), list(netselect.COLOUR_BY), key="kleur", horizontal=True,
             format_func=lambda c: t(f"netwerk.colour.{c}", lang))
    state.init("grootte", "degree", choices=list(netselect.SIZE_BY))
    st.radio(t("netwerk.size", lang), list(netselect.SIZE_BY), key="grootte", horizontal=True,
             format_func=lambda s: t(f"netwerk.size.{s}", lang))

ss = st.session_state


@st.cache_data(show_spinner=False, max_entries=32)
def _html(nodes: tuple, edges: tuple, lang: str, focus: str | None, legend: tuple) -> str:
    """The network page; the layout of a large selection takes seconds: kept on disk per build (and made in
    advance for each preset by app.warm), found again by its nodes and edges."""
    positions = None
    if len(nodes) > netviz.PHYSICS_MAX_NODES:
        positions = cache.kept(disk_cache.layout_key(netviz.layout_key(nodes, edges)),
                               lambda: netviz.compute_layout(nodes, edges))
    return netviz.network_html(nodes, edges, lang=lang, focus=focus, legend=dict(legend),
                               links={n.id: _link(n.id) for n in nodes}, positions=positions)


def _link(node: str) -> str:
    kind, _, key = node.partition("/")
    if kind == "gemeente":
        return links.gemeente(key, lang)
    if kind == "instrument":
        return links.instrument(node, lang)
    return links.les(node, lang) if kind == "les" else ""


leergroep: dict[str, str] = {}
if ss["preset"] == "leergroepen" or ss["kleur"] == "leergroep":
    proposal = cache.on_projection(analysis.learning_groups, traject=traject or None)
    leergroep = {f"gemeente/{g.code}": t("netwerk.group", lang, n=grp.number)
                 for grp in proposal.groups for g in grp.gemeenten}
base = graph
if ss["preset"] == "leergroepen":
    similar = cache.on_projection(similarity_graph, traject=traject or None)
    base = netselect.gemeente_graph(similar, graph)
selection = netselect.select(base, kinds=ss["types"], provincies=ss["prov"], groepen=ss["groep"], ladder=ss["ladder"],
                             bijeenkomst=ss.get("bijeenkomst") or None, instruments=info, search=ss["zoek"],
                             focus=ss["focus"] or None, hops=ss["hops"])
drawn = netselect.most_connected(selection, netselect.MAX_DRAWN_NODES, keep=[ss["focus"]] if ss["focus"] else [])
evidence = {les.key: "\n".join(x for x in (les.tekst, "; ".join(les.bronnen)) if x)
            for les in cache.call(views.lessons, lang=lang) if les.key in drawn} if "les" in ss["types"] else {}
styled = netselect.to_network(drawn, colour_by=ss["kleur"], size_by=ss["grootte"], lang=lang,
                              kind_names=kind_names, labels=labels, leergroep=leergroep, details=evidence)
facts = netselect.summary(selection, lang=lang, kind_names=kind_names, labels=labels)

with right:
    html = _html(styled.nodes, styled.edges, lang, ss["focus"] or None, tuple(styled.legend.items()))
    st.iframe(html, height=netviz.DEFAULT_HEIGHT_PX + 80, alt=t("netwerk.alt", lang))
    if len(styled.nodes) > netviz.PHYSICS_MAX_NODES:
        st.caption(t("netwerk.large", lang))
    if drawn.number_of_nodes() < selection.number_of_nodes():
        st.warning(t("netwerk.capped", lang, shown=f"{drawn.number_of_nodes():,}".replace(",", "."),
                     total=f"{selection.number_of_nodes():,}".replace(",", ".")))
    st.markdown(ui.md(t("netwerk.summary", lang, nodes=facts["nodes"], edges=facts["edges"])) + " " + ui.md(
        ", ".join(f"{n} × {kind}" for kind, n in facts["per_kind"].items())))
    if facts["top"]:
        st.markdown(ui.md(t("netwerk.summary.top", lang, items=", ".join(f"{label} ({deg})" for label, deg in facts["top"]))))
    st.subheader(t("netwerk.table", lang))
    rows = [{**row, "kind": kind_names.get(row["kind"], row["kind"])}
            for row in netviz.node_table(styled.nodes, styled.edges)]
    columns = {"label": t("col.label", lang), "kind": t("col.kind", lang), "degree": t("col.degree", lang),
               "neighbours": t("col.neighbours", lang)}
    if ss["kleur"] != "kind":  # the colour group says something the kind does not
        columns = {**columns, "group": t(f"netwerk.colour.{ss['kleur']}", lang)}
    ui.table(rows, lang=lang, name="netwerk", key="net-table", columns=columns)

state.to_url(["preset", "types", "traject", "prov", "groep", "ladder", "bijeenkomst", "zoek", "focus", "hops",
              "kleur", "grootte"])
