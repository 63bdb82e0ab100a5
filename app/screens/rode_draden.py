"""Rode draden: the threads as a compact ranked list (each opens to its evidence and has its own page,
``?draad=``), with learning groups, bridges, change between meetings and reports in tabs; every measure
in plain words with a "wat betekent dit?" help."""

from __future__ import annotations

import streamlit as st

from app import cache, charts, defaults, formats, labels, links, state, text_panels, ui
from app.i18n import column, t
from graph import analysis, views

HOSTS = 10  # gemeenten offered as werkbezoek hosts on a thread's page
TOP_CHART = 15
MAX_NAMED = 40  # gemeenten named per thread (at hundreds of gemeenten the page would hold thousands of links)
MAX_LISTED = 60  # threads listed with their evidence; a higher minimum (the slider) shows the rest  # threads in the ranking chart; the list below has them all
STATUSES = ("nieuw", "gegroeid", "gekrompen", "verdwenen")

lang = state.lang()
en = lang == "en"
st.title(t("rode_draden.title", lang))
cache.store()

trajecten = cache.call(views.trajecten)
slugs = [tr.slug for tr in trajecten]
traject = state.init("traject", slugs[0] if len(slugs) == 1 else "", choices=["", *slugs])
if slugs:
    st.selectbox(t("common.traject", lang), ["", *slugs], key="traject",
                 format_func=lambda s: next((ui.plain(tr.label) for tr in trajecten if tr.slug == s), t("common.all", lang)))
ui.fictief_banner(trajecten, lang=lang, shown=traject or None)
with st.expander(t("rode_draden.help", lang)):
    st.markdown(t("rode_draden.help.text", lang))
state.init("k", defaults.THREADS_K, cast=int, bounds=(1, 10))
k = st.slider(t("rode_draden.k", lang), 1, 10, key="k", help=t("rode_draden.k.help", lang))
scope = traject or None
threads = cache.on_projection(analysis.threads, traject=scope, k=k)


names = ({**cache.call(views.concepts, kind="Thema", lang=lang), **cache.call(views.concepts, kind="Instrument", lang=lang)}
         if en else {})
english = labels.english() if en else {}


def _say(dutch: str, english_text: str) -> str:
    """An analysis text in the chosen language, the elements it names in English too."""
    return labels.in_english(english_text, english) if en else dutch


def _label(th) -> str:
    return formats.thread_label(th.key, th.label_en, names, lang) if en else th.label


def _element(key: str, label: str) -> str:
    """A theme, instrument or pair of them in the chosen language (the analysis' Dutch label otherwise)."""
    return formats.thread_label(key, label, names, lang) if en else label


def _kind(kind: str) -> str:
    return t(f"kind.{kind}", lang) if kind in ("thema", "instrument", "vraagstuk", "combinatie") else kind


def _evidence(th) -> None:
    st.markdown(ui.md(th.sentence.replace(th.label_en, _label(th), 1) if en else th.zin))
    named = ", ".join(links.md(g.label, links.gemeente(g.code, lang)) for g in th.gemeenten[:MAX_NAMED])
    more = len(th.gemeenten) - MAX_NAMED
    st.markdown(f"**{t('rode_draden.where', lang)}**: " + named
                + (" " + t("rode_draden.andmore", lang, n=more) if more > 0 else ""))
    if th.lessen:
        extra = len(th.lessen) - MAX_NAMED
        st.markdown(f"**{t('lessen.title', lang)}**\n" + "\n".join(
            f"- {links.md(les.title, links.les(_key(les.iri), lang))}" for les in th.lessen[:MAX_NAMED])
            + (f"\n\n{t('rode_draden.andmore', lang, n=extra)}" if extra > 0 else ""))
    if th.bronnen:
        st.markdown(f"{t('common.sources', lang)}: " + ui.links(th.bronnen))


def _key(iri: str) -> str:
    from graph.views import key_of

    return key_of(iri)


wanted = st.query_params.get("draad")
if wanted:
    found = next((th for th in threads if th.key == wanted), None) or next(
        (th for th in cache.on_projection(analysis.threads, traject=scope, k=1) if th.key == wanted), None)
    if found is None:
        st.error(t("choose.unknown", lang, what=t("choose.draad", lang), value=ui.md(wanted)))
        st.markdown(ui.link(t("rode_draden.back", lang), links.view("rode_draden", lang)))
        st.stop()
    st.markdown(ui.link(t("rode_draden.back", lang), links.view("rode_draden", lang)))
    st.header(ui.md(_label(found)))
    st.caption(t("rode_draden.support", lang, kind=_kind(found.kind), n=found.support, total=found.population))
    _evidence(found)
    st.subheader(t("rode_draden.hosts", lang))
    st.markdown(t("rode_draden.hosts.help", lang) + "\n" + "\n".join(
        f"- {links.md(g.label, links.gemeente(g.code, lang))}" for g in found.gemeenten[:HOSTS]))
    st.caption(t("shell.contact.uitleg", lang))
    st.stop()

state.to_url(["traject", "k"])
tab_threads, tab_groups, tab_bridges, tab_changes, tab_reports = st.tabs(
    [t(f"rode_draden.tab.{name}", lang) for name in ("threads", "groups", "bridges", "changes", "reports")])

with tab_threads:
    st.markdown(ui.md(t("rode_draden.found", lang, n=len(threads), k=k)))
    if threads:
        charts.show(charts.bar_spec([{"draad": ui.plain(_label(th)), "gemeenten": th.support, "soort": _kind(th.kind)}
                                     for th in threads[:TOP_CHART]], x="gemeenten", y="draad", colour="soort",
                                    x_title=t("rode_draden.axis", lang), colour_title=t("col.kind", lang),
                                    y_title=column("draad", lang)),
                    lang=lang, alt=t("rode_draden.chart.alt", lang))
    for rank, th in enumerate(threads[:MAX_LISTED], 1):
        with st.expander(f"{rank}. {ui.plain(_label(th))} · "
                         + t("rode_draden.support", lang, kind=_kind(th.kind), n=th.support, total=th.population)):
            st.markdown(ui.link(t("rode_draden.own", lang), links.draad(th.key, lang)))
            _evidence(th)
    if len(threads) > MAX_LISTED:
        st.caption(t("rode_draden.more", lang, n=len(threads) - MAX_LISTED))
    text_panels.new_threads(traject=scope, k=k, lang=lang)

with tab_groups:
    st.markdown(t("rode_draden.groups.help", lang))
    left, right = st.columns(2)
    state.init("lo", defaults.GROUP_SIZE[0], cast=int, bounds=(2, 10))
    state.init("hi", defaults.GROUP_SIZE[1], cast=int, bounds=(2, 12))
    lo = left.number_input(t("rode_draden.groupsize.min", lang), 2, 10, key="lo")
    hi = right.number_input(t("rode_draden.groupsize.max", lang), 2, 12, key="hi")
    groups = cache.on_projection(analysis.learning_groups, traject=scope, size=(int(lo), int(max(lo, hi))))
    st.markdown(ui.md(_say(groups.zin, groups.sentence)))
    for g in groups.groups:
        title = t("netwerk.group", lang, n=g.number) + (f" · {ui.plain(g.region)}" if g.region else "")
        with st.expander(f"{title} ({len(g.gemeenten)})"):
            st.markdown(", ".join(links.md(m.label, links.gemeente(m.code, lang)) for m in g.gemeenten))
            if g.shared:
                st.markdown(f"**{t('rode_draden.shared', lang)}**: " + ui.md(", ".join(_element(s.key, s.label)
                                                                                      for s in g.shared)))
            st.caption(ui.md(_say(g.uitleg, g.explanation)))

with tab_bridges:
    st.markdown(t("rode_draden.bridges.help", lang))
    found = cache.on_projection(analysis.bridges, traject=scope)
    for b in [*found.gemeenten, *found.elements][:30]:
        name = links.md(b.label, links.gemeente(b.key.split("/", 1)[-1], lang)) if b.type == "gemeente" \
            else ui.md(_element(b.key, b.label))
        st.markdown(f"- **{name}** ({_kind(b.type) if b.type != 'gemeente' else t('kind.gemeente', lang)}): "
                    + t("rode_draden.bridge.line", lang, n=b.clusters) + " " + ui.md(_say(b.uitleg, b.explanation)))

with tab_changes:
    st.markdown(t("rode_draden.changes.help", lang))
    for change in cache.on_projection(analysis.changes, traject=scope):
        shown = ((change.before_label_en, change.after_label_en) if en and change.before_label_en
                 else (change.before_label, change.after_label))
        st.markdown(f"**{ui.md(shown[0])} → {ui.md(shown[1])}**: "
                    + ui.md(change.sentence if en else change.zin))
        before, after = t("rode_draden.before", lang), t("rode_draden.after", lang)
        rows = [{"draad": ui.plain(_element(c.key, c.label)), "voor": c.before, "na": c.after,
                 "status": t(f"rode_draden.status.{c.status}", lang) if c.status in STATUSES else c.status}
                for c in change.threads]
        if rows:
            charts.show(charts.change_spec(rows, before=before, after=after, x_title=t("rode_draden.axis", lang),
                                           y_title=column("draad", lang), moment_title=t("rode_draden.moment", lang)),
                        lang=lang, alt=t("rode_draden.change.alt", lang))
        ui.table(rows, lang=lang, name="verandering", key=f"change-{change.after}", downloads=False)

with tab_reports:
    if not traject:
        st.caption(t("rode_draden.reports.pick", lang))
    else:
        store = cache.store()
        st.caption(t("rode_draden.bundle", lang))

        def _bundle():
            from graph.summaries import lessons_bundle

            return lessons_bundle(store, traject, lang=lang)

        ui.report_buttons(_bundle, lang=lang, name=f"lessen-{traject}", key="bundle")
        meetings = {m.key.split("/", 1)[-1]: m.label for m in cache.call(views.meetings, traject=traject, lang=lang)}
        if meetings:
            meeting = st.selectbox(t("rode_draden.meeting", lang), list(meetings), format_func=lambda m: ui.plain(meetings[m]))

            def _pack():
                from graph.summaries import meeting_pack

                return meeting_pack(store, meeting, lang=lang)

            ui.report_buttons(_pack, lang=lang, name=f"bijeenkomst-{meeting}", key="pack")
state.to_url(["traject", "k", "lo", "hi"])
