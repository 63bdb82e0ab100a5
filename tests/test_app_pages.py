"""Every app page under Streamlit's AppTest, in Dutch and English, on a small hand-built store.

Checks: the page renders without an exception; filters change what is shown; the network HTML holds
the expected nodes and no markup from data; text from data (a hostile lesson) is shown as text.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from app.pages import PAGES
from conftest import ROOT

TIMEOUT_S = 60


@pytest.fixture(scope="module")
def store_dir(app_store) -> str:
    return str(app_store)


@pytest.fixture(autouse=True)
def _env(store_dir, monkeypatch, streamlit_components_scanned_once):
    monkeypatch.setenv("KERNEN_STORE", store_dir)
    monkeypatch.delenv("KERNEN_ALLOW_UPLOAD", raising=False)
    monkeypatch.delenv("KERNEN_ADMIN_SECRET", raising=False)
    monkeypatch.chdir(ROOT)


def run_page(name: str, *, lang: str = "nl", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app" / "screens" / f"{name}.py"), default_timeout=TIMEOUT_S)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    """Every text the page shows (markdown, captions, alerts, titles, metrics), one string."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "warning", "info",
                                  "error", "success", "text") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def iframes_html(at: AppTest) -> list[str]:
    """The HTML of every ``st.iframe`` on the page."""
    out = []
    for element in at.get("iframe"):
        proto = element.proto
        out.append(getattr(proto, "srcdoc", "") or getattr(proto, "src", ""))
    return out


def frames(at: AppTest) -> list:
    return list(at.dataframe)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(page, lang):
    at = run_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]


def test_router_renders_default_page():
    at = AppTest.from_file(str(ROOT / "app" / "main.py"), default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert "Overzicht" in texts(at)


@pytest.mark.parametrize(("lang", "word"), [("nl", "Gemeenten"), ("en", "Municipalities")])
def test_overzicht_counts_in_language(lang, word):
    at = run_page("overzicht", lang=lang)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[word] == "4"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overzicht_shows_fictief_banner(lang):
    at = run_page("overzicht", lang=lang)
    assert any(("fictief" in w.value) or ("fictitious" in w.value) for w in at.warning)


def test_hostile_text_never_becomes_markup():
    at = run_page("gemeente", gemeente="GM9001")
    for element in at.markdown:
        assert "<img" not in element.value.replace("\\<img", ""), element.value
    assert any("onerror" in str(frame.value.to_dict()) for frame in frames(at)) or "onerror" in texts(at)


def network_nodes(at: AppTest) -> list[str]:
    """The node ids drawn by the page's network frame."""
    (html,) = iframes_html(at)
    return re.findall(r'"id": "([^"]+)"', html.rsplit("<script>", 1)[1].split("edges = new")[0])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_network_html_has_expected_nodes_and_no_markup(lang):
    at = run_page("netwerk", lang=lang, preset="alles")
    (html,) = iframes_html(at)
    nodes = network_nodes(at)
    assert {"gemeente/GM9001", "instrument/dorpsbudget", "thema/draagvlak", "les/mini-l5"} <= set(nodes)
    assert "<img" not in html and "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    assert not re.search(r"""(?i)\b(src|href)\s*=\s*["']?https?:""", html)


@pytest.mark.parametrize(("params", "expected"), [
    pytest.param({"preset": "instrumenten"}, {"gemeente/GM9001", "gemeente/GM9002", "gemeente/GM9003",
                                              "gemeente/GM9004", "instrument/dorpsbudget", "instrument/dorpsraad"},
                 id="preset-instrumenten"),
    pytest.param({"preset": "alles", "types": "gemeente", "prov": "Testland-Zuid"},
                 {"gemeente/GM9003", "gemeente/GM9004"}, id="provincie"),
    pytest.param({"preset": "instrumenten", "types": "instrument", "groep": "instrumentgroep/budget"},
                 {"instrument/dorpsbudget"}, id="groep"),
    pytest.param({"preset": "instrumenten", "types": "instrument", "ladder": "5"}, {"instrument/dorpsbudget"},
                 id="ladder"),
    pytest.param({"preset": "alles", "focus": "gemeente/GM9003", "hops": "1"},
                 {"gemeente/GM9003", "vraagstuk/mini-GM9003", "les/mini-l2"}, id="focus"),
    pytest.param({"preset": "alles", "zoek": "Crunsdal"},  # the gemeente and its question match, with neighbours
                 {"gemeente/GM9003", "vraagstuk/mini-GM9003", "les/mini-l2", "instrument/dorpsbudget",
                  "thema/budgetverdeling"}, id="zoek"),
])
def test_network_filters_from_the_url(params, expected):
    at = run_page("netwerk", **params)
    assert not at.exception
    assert set(network_nodes(at)) == expected


def test_network_draws_at_most_the_cap_keeping_the_focus(monkeypatch):
    from graph.views import netselect as netselect
    monkeypatch.setattr(netselect, "MAX_DRAWN_NODES", 3)
    at = run_page("netwerk", preset="alles", focus="les/mini-l5", hops="4")
    assert not at.exception
    nodes = network_nodes(at)
    assert len(nodes) == 3 and "les/mini-l5" in nodes
    assert len(frames(at)[0].value) == 3  # the table is the drawn part
    assert any("3 meest verbonden" in w.value for w in at.warning)


def test_network_preset_change_changes_the_picture_and_the_url():
    at = run_page("netwerk")
    before = set(network_nodes(at))
    at.radio(key="preset").set_value("alles").run()
    after = set(network_nodes(at))
    assert before < after and "les/mini-l1" in after
    assert at.query_params["preset"] == "alles"


def test_network_table_and_summary_match_the_picture():
    at = run_page("netwerk", preset="alles", types="gemeente,instrument")
    nodes = network_nodes(at)
    (table,) = [f for f in frames(at)]
    assert len(table.value) == len(nodes)
    assert f"{len(nodes)} onderdelen" in texts(at)


def test_leergroepen_preset_renders():
    at = run_page("netwerk", preset="leergroepen")
    assert not at.exception
    assert all(n.startswith("gemeente/") for n in network_nodes(at))


def test_overzicht_colour_filter_changes_the_map():
    at = run_page("overzicht")
    chart = str(at.get("vega_lite_chart")[0].proto)  # spec and data (Streamlit moves inline data to Arrow)
    at.radio(key="kleur").set_value("provincie").run()
    assert str(at.get("vega_lite_chart")[0].proto) != chart
    assert "Testland-Noord" in str(at.get("vega_lite_chart")[0].proto)
    assert at.query_params["kleur"] == "provincie"


@pytest.mark.parametrize(("code", "name"), [("GM9001", "Aadorp-Oost"), ("GM9003", "Crunsdal")])
def test_gemeente_from_the_url(code, name):
    at = run_page("gemeente", gemeente=code)
    assert [h.value.replace("\\", "") for h in at.header] == [name]  # the name is markdown-escaped


def test_gemeente_profile_facts_in_english():
    at = run_page("gemeente", lang="en", gemeente="GM9001")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Inhabitants (CBS, 1 Jan 2024)"] == "21,000" and metrics["Kernen"] == "3"
    assert "BAG places" in texts(at)


def test_instrumenten_group_filter():
    at = run_page("instrumenten")
    assert len(frames(at)[0].value) == 2
    at.multiselect(key="groepen").select("Budget").run()
    assert len(frames(at)[0].value) == 1
    assert at.query_params["groepen"] == "Budget"


def test_rode_draden_k_changes_threads():
    """K is the least number of gemeenten a thread needs: a lower K finds more threads."""
    one = run_page("rode_draden", k="1")
    three = run_page("rode_draden", k="3")
    assert not one.exception and not three.exception
    assert len(one.markdown) > len(three.markdown)


def test_sparql_runs_a_query_and_refuses_updates():
    at = run_page("sparql")
    assert not at.error and frames(at)
    at.text_area(key="query").set_value("DELETE WHERE { ?s ?p ?o }").run()
    at.button[0].click().run()
    assert at.error


def test_invoer_is_off_by_default():
    at = run_page("invoer")
    assert at.info and not at.get("file_uploader")


def test_invoer_needs_both_switch_and_secret(monkeypatch):
    monkeypatch.setenv("KERNEN_ALLOW_UPLOAD", "1")
    assert run_page("invoer").info  # no secret: still off
    monkeypatch.setenv("KERNEN_ADMIN_SECRET", "s3cret")
    at = run_page("invoer")
    assert not at.info and at.get("file_uploader")


def test_hostile_text_in_tables_stays_text():
    at = run_page("instrumenten")
    cells = " ".join(str(v) for f in frames(at) for v in f.value.to_dict().values())
    assert "<img src=x onerror=alert(1)>" in cells  # shown as text by the table
    for element in at.markdown:
        assert "<img" not in element.value.replace("\\<img", "")


@pytest.mark.parametrize("kleur", ["rol", "instrument", "draad", "provincie"])
def test_overzicht_every_map_colouring(kleur):
    at = run_page("overzicht", kleur=kleur)
    assert not at.exception and at.radio(key="kleur").value == kleur


def test_a_value_left_by_another_page_is_replaced():
    at = AppTest.from_file(str(ROOT / "app" / "screens" / "netwerk.py"), default_timeout=TIMEOUT_S)
    at.session_state["kleur"] = "rol"  # the Overzicht page's colour: not a network colouring
    at.run()
    assert not at.exception and at.radio(key="kleur").value == "kind"


def test_every_ui_string_in_both_languages():
    from app.i18n import COLUMNS, LANGS, UI

    assert [key for key, entry in UI.items() if set(entry) != set(LANGS) or not all(entry.values())] == []
    assert all(nl and en for nl, en in COLUMNS.values())


def test_every_routed_page_exists_with_a_title():
    from app.i18n import UI

    source = (ROOT / "app" / "main.py").read_text(encoding="utf-8")
    assert "from app.pages import PAGES, menu" in source and "for name in PAGES" in source
    screens = sorted(f.stem for f in (ROOT / "app" / "screens").glob("*.py") if f.stem != "__init__")
    assert sorted(PAGES) == screens
    assert all(f"nav.{n}" in UI for n in PAGES)


@pytest.mark.parametrize("value", ["GM9999", "Nergensdorp"])
def test_unknown_gemeente_in_the_url_shows_a_message_not_another_gemeente(value):
    at = run_page("gemeente", gemeente=value)
    assert not at.exception
    assert [e.value for e in at.error] and value in at.error[0].value
    assert at.header == [] and at.metric == []  # no profile of any gemeente
    assert at.selectbox(key="_pick_gemeente").value is None


def test_gemeente_by_name_in_the_url_becomes_its_code():
    at = run_page("gemeente", gemeente="crunsdal")
    assert at.query_params["gemeente"] in ("GM9003", ["GM9003"])
    assert [h.value.replace("\\", "") for h in at.header] == ["Crunsdal"]


def test_search_page_groups_results_and_links_them():
    at = run_page("zoeken", zoekterm="aadorp")
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:2] == ["Gemeenten (1)", "Kernen (3)"]
    assert "(gemeente?gemeente=GM9001)" in texts(at)


def test_gemeenten_list_filters_by_instrument_and_province():
    at = run_page("gemeenten")
    assert len(frames(at)[0].value) == 4
    at = run_page("gemeenten", instrumenten="dorpsbudget")
    assert list(frames(at)[0].value.iloc[:, 0]) == ["gemeente?gemeente=GM9001#Aadorp-Oost"]
    at = run_page("gemeenten", prov="Testland-Zuid")
    assert len(frames(at)[0].value) == 2


def test_vergelijk_shows_both_and_marks_shared_instruments():
    at = run_page("vergelijk", a="GM9001", b="GM9002")
    assert not at.exception
    assert [s.value.replace("\\", "") for s in at.subheader][:2] == ["Aadorp-Oost", "Beekwoude"]


def test_lesson_page_and_unknown_lesson():
    at = run_page("lessen", les="les/mini-l5")
    assert not at.exception and "img src=x onerror" in at.header[0].value  # escaped, shown as text
    assert "(gemeente?gemeente=GM9001)" in texts(at)
    at = run_page("lessen", les="les/bestaat-niet")
    assert at.error and at.header == []


def test_amounts_are_written_out():
    at = run_page("gemeente", gemeente="GM9001")
    uses = next(f for f in frames(at) if "bedrag" in f.value.columns)
    assert list(uses.value["bedrag"]) == ["€\xa0250.000 (2022)"]


def test_thread_page_offers_hosts():
    at = run_page("rode_draden", draad="thema/budgetverdeling")
    assert not at.exception
    if at.error:  # the fixture's threads: pick one that exists
        pytest.fail([e.value for e in at.error])
    assert any("gastgemeente" in s.value for s in at.subheader)


def test_invoer_is_not_in_the_menu_unless_upload_is_on():
    from app.pages import menu

    assert "invoer" not in menu(allow_upload=False) and menu(allow_upload=True)[-1] == "invoer"
    assert not AppTest.from_file(str(ROOT / "app" / "main.py"), default_timeout=TIMEOUT_S).run().exception


def test_network_preset_is_kept_when_coming_back_from_another_page():
    at = AppTest.from_file(str(ROOT / "app" / "main.py"), default_timeout=TIMEOUT_S)
    at.switch_page("screens/netwerk.py").run()
    at.radio(key="preset").set_value("alles").run()
    assert at.session_state["preset"] == "alles"
    at.switch_page("screens/gemeenten.py").run()
    at.switch_page("screens/netwerk.py").run()
    assert not at.exception and at.radio(key="preset").value == "alles"


@pytest.mark.parametrize(("lang", "notice"), [("nl", "niet gevonden in de doorzochte bronnen"),
                                              ("en", "not found in the sources searched")])
def test_gemeente_without_sourced_facts_says_so(lang, notice):
    at = run_page("gemeente", lang=lang, gemeente="GM9004")
    assert not at.exception
    assert notice in [i.value for i in at.info]


def test_every_herindeling_kind_of_the_register_has_words_in_both_languages():
    import csv

    from conftest import ROOT

    from app.i18n import has, t

    with open(ROOT / "data" / "reference" / "herindelingen_tooi_2000_2023.csv", newline="", encoding="utf-8") as f:
        kinds = {row["wijzigingstype"] for row in csv.DictReader(f)}
    assert kinds == {"Samenvoeging", "Uitbreiding", "Herschikking"}
    for kind in kinds:
        assert has(f"herindeling.soort.{kind}")
        assert t(f"herindeling.soort.{kind}", "nl") == kind.lower()
    assert t("herindeling.soort.Samenvoeging", "en") == "merger"


def test_thread_labels_come_from_the_vocabulary_in_english():
    nl = run_page("rode_draden", draad="thema/budgetverdeling")
    en = run_page("rode_draden", lang="en", draad="thema/budgetverdeling")
    assert not nl.exception and not en.exception
    assert [h.value for h in nl.header] == ["Budgetverdeling"]
    assert [h.value for h in en.header] == ["Budget allocation"]
