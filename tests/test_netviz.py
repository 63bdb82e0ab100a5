"""The network HTML (graph.views.netviz) and the network selection (graph.views.netselect): exact, small cases."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.views import netselect, netviz
from graph.views.netselect import InstrumentInfo
from graph.views.netviz import NetEdge, NetNode, network_html

HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
# http(s) strings inside the vendored vis-network code: an SVG namespace and error-message links,
# never fetched. Anything else would be a resource the page loads from outside.
ALLOWED_URLS = {"http://www.w3.org/2000/svg", "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
                "https://github.com/zloirock/core-js", "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE"}


def _data(html: str) -> tuple[list[dict], list[dict]]:
    """The node and edge lists embedded in the page."""
    script = html.rsplit("<script>", 1)[1]
    nodes = json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\), edges", script, re.S).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", script, re.S).group(1))
    return nodes, edges


def small() -> tuple[list[NetNode], list[NetEdge]]:
    nodes = [NetNode("gemeente/GM1", "Aadorp", kind="gemeente", title="Aadorp\nFryslân"),
             NetNode("les/l1", HOSTILE, kind="les", title="see href=javascript:alert(1) " + HOSTILE),
             NetNode("thema/t", "Draagvlak", kind="thema")]
    edges = [NetEdge("gemeente/GM1", "les/l1", title=HOSTILE), NetEdge("les/l1", "thema/t"),
             NetEdge("les/l1", "nowhere/x")]
    return nodes, edges


def test_no_external_resource():
    html = network_html(*small())
    assert not re.search(r"""(?i)<(link|img|iframe|embed|object)\b""", html.replace("\\u003cimg", ""))
    assert not re.search(r"""(?i)\b(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert not re.search(r"(?i)@import|url\(\s*['\"]?https?:", html)
    assert set(re.findall(r"https?://[^\s\"'<>)\\]+", html)) <= ALLOWED_URLS


def test_data_text_never_becomes_markup():
    html = network_html(*small())
    assert "<img" not in html and "alert(2)</script>" not in html
    assert html.count("</script>") == 2 and "<!--" not in html  # nothing can end or re-open a script early
    nodes, edges = _data(html)
    assert nodes[1]["label"] == HOSTILE and edges[0]["title"] == HOSTILE  # shown as text by vis (innerText)


def test_href_in_a_title_stays_plain_text():
    html = network_html(*small())
    assert "innerHTML" not in html.rsplit("<script>", 1)[1]
    assert "htmlTitle" not in html
    assert _data(html)[0][1]["title"].startswith("see href=javascript")


def test_edges_to_unknown_nodes_are_dropped():
    nodes, edges = _data(network_html(*small()))
    assert [(e["from"], e["to"]) for e in edges] == [("gemeente/GM1", "les/l1"), ("les/l1", "thema/t")]
    assert [n["id"] for n in nodes] == ["gemeente/GM1", "les/l1", "thema/t"]


@pytest.mark.parametrize(("lang", "expected"), [("nl", 'lang="nl"'), ("en", 'lang="en"'), ("fr", 'lang="nl"')])
def test_language_of_the_page(lang, expected):
    assert expected in network_html([], [], lang=lang)


def test_small_graph_uses_physics_large_graph_is_precomputed():
    small_nodes = [NetNode(str(i), str(i)) for i in range(10)]
    html = network_html(small_nodes, [])
    assert '"enabled": true' in html and '"x":' not in html
    big = [NetNode(str(i), str(i)) for i in range(netviz.PHYSICS_MAX_NODES + 1)]
    html = network_html(big, [NetEdge(str(i), str(i + 1)) for i in range(len(big) - 1)])
    nodes, _ = _data(html)
    assert '"physics": {"enabled": false' in html and all("x" in n and "y" in n for n in nodes)


def test_layout_is_seeded():
    nodes = [NetNode(str(i), str(i)) for i in range(30)]
    edges = [NetEdge(str(i), str((i * 7) % 30)) for i in range(30)]
    assert netviz.compute_layout(nodes, edges, layout="spring") == netviz.compute_layout(nodes, edges, layout="spring")


def test_unknown_layout_is_an_error():
    with pytest.raises(ValueError, match="unknown layout"):
        netviz.compute_layout([NetNode("a", "A")], [], layout="wobbly")


def test_focus_is_passed_escaped():
    html = network_html(*small(), focus="les/l1</script>")
    assert "les/l1\\u003c/script\\u003e" in html


# ----------------------------------------------------------------------------- netselect

def typed_graph() -> nx.Graph:
    g = nx.Graph()
    g.add_node("gemeente/GM1", type="gemeente", label="Aadorp", provincie="Fryslân", inwoners=20_000)
    g.add_node("gemeente/GM2", type="gemeente", label="Beedorp", provincie="Drenthe", inwoners=80_000)
    g.add_node("instrument/dorpsbudget", type="instrument", label="Dorpsbudget")
    g.add_node("instrument/dorpsraad", type="instrument", label="Dorpsraad")
    g.add_node("les/l1", type="les", label="Budget werkt")
    g.add_node("thema/draagvlak", type="thema", label="Draagvlak")
    g.add_node("bijeenkomst/b1", type="bijeenkomst", label="Regio 1")
    g.add_edge("gemeente/GM1", "instrument/dorpsbudget", type="gebruikt", sinds=2020)
    g.add_edge("gemeente/GM2", "instrument/dorpsraad", type="gebruikt")
    g.add_edge("les/l1", "gemeente/GM1", type="bewijs")
    g.add_edge("les/l1", "thema/draagvlak", type="over")
    g.add_edge("les/l1", "bijeenkomst/b1", type="bijeenkomst")
    return g


INFO = {"instrument/dorpsbudget": InstrumentInfo("instrumentgroep/budget", 3, 5),
        "instrument/dorpsraad": InstrumentInfo("instrumentgroep/vertegenwoordiging", 3, 4)}


@pytest.mark.parametrize(("options", "expected"), [
    pytest.param({"kinds": ["gemeente", "instrument"]},
                 ["gemeente/GM1", "gemeente/GM2", "instrument/dorpsbudget", "instrument/dorpsraad"], id="kinds"),
    pytest.param({"kinds": ["gemeente"], "provincies": ["Drenthe"]}, ["gemeente/GM2"], id="provincie"),
    pytest.param({"kinds": ["instrument"], "groepen": ["instrumentgroep/budget"]}, ["instrument/dorpsbudget"],
                 id="groep"),
    pytest.param({"kinds": ["instrument"], "ladder": [5]}, ["instrument/dorpsbudget"], id="ladder-5"),
    pytest.param({"kinds": ["instrument"], "ladder": [1, 2]}, [], id="ladder-low"),
    pytest.param({"bijeenkomst": "bijeenkomst/b1"},
                 ["bijeenkomst/b1", "gemeente/GM1", "les/l1", "thema/draagvlak"], id="meeting"),
    pytest.param({"search": "draagV"}, ["les/l1", "thema/draagvlak"], id="search"),
    pytest.param({"focus": "gemeente/GM2", "hops": 1}, ["gemeente/GM2", "instrument/dorpsraad"], id="focus-1"),
    pytest.param({"focus": "thema/draagvlak", "hops": 2},
                 ["bijeenkomst/b1", "gemeente/GM1", "les/l1", "thema/draagvlak"], id="focus-2"),
])
def test_select(options, expected):
    assert sorted(netselect.select(typed_graph(), instruments=INFO, **options).nodes) == expected


def test_to_network_colours_legend_and_evidence():
    styled = netselect.to_network(typed_graph(), lang="en", kind_names={"gemeente": "municipality"},
                                  labels={"thema/draagvlak": "Public support"})
    by_id = {n.id: n for n in styled.nodes}
    assert by_id["thema/draagvlak"].label == "Public support"
    assert list(styled.legend) == ["municipality", "instrument", "thema", "les", "bijeenkomst"]  # kinds in fixed order
    assert by_id["gemeente/GM1"].color == styled.legend["municipality"]
    edge = next(e for e in styled.edges if {e.source, e.target} == {"gemeente/GM1", "instrument/dorpsbudget"})
    assert edge.title == "Aadorp — uses — Dorpsbudget (since 2020)"


def test_size_by_inhabitants():
    styled = netselect.to_network(typed_graph(), size_by="inwoners")
    sizes = {n.id: n.size for n in styled.nodes}
    assert sizes["gemeente/GM2"] == netselect.MAX_SIZE and sizes["les/l1"] == netselect.MIN_SIZE


def test_summary():
    facts = netselect.summary(typed_graph(), kind_names={"les": "les"}, top=2)
    assert facts["nodes"] == 7 and facts["edges"] == 5
    assert facts["top"] == [("Budget werkt", 3), ("Aadorp", 2)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_kind_colours_do_not_depend_on_the_language(lang):
    names = {"gemeente": "gemeente" if lang == "nl" else "municipality"}
    styled = netselect.to_network(typed_graph(), kind_names=names)
    assert {n.kind: n.color for n in styled.nodes}["gemeente"] == netviz.PALETTE[0]


def test_tooltip_carries_the_evidence():
    styled = netselect.to_network(typed_graph(), details={"les/l1": "Toelichting\nhttps://example.org/bron"})
    title = next(n.title for n in styled.nodes if n.id == "les/l1")
    assert title.splitlines()[:4] == ["Budget werkt", "(les)", "Toelichting", "https://example.org/bron"]
