"""Two cohorts in one store: building one keeps the other; --remove drops one (FICTIONAL trajectories)."""

from __future__ import annotations

import pyoxigraph as ox
from fixtures_year import year_quads

from graph.build import Source, build
from graph.build.cohorts import stored_slugs
from graph.namespace import G_PRIVATE, G_REFERENCE
from graph.store import LocalStore, current_version


def _cohort(slug: str, *, person: bool = False) -> Source:
    def load():
        quads = [q for q in year_quads(2) if q.graph_name.value.endswith("/traject/jaar")]
        out = [ox.Quad(*(_renamed(t, slug) for t in (q.subject, q.predicate, q.object)), _renamed(q.graph_name, slug))
               for q in quads]
        if person:
            deelname = ox.NamedNode(out[0].subject.value.split("/id/")[0] + f"/id/deelname/{slug}-GM9101")
            p = ox.NamedNode(deelname.value.split("/id/")[0] + "/id/persoon/abc")
            out += [ox.Quad(deelname, ox.NamedNode("https://w3id.org/kernendemocratie/def#contactpersoon"), p,
                            ox.NamedNode(str(G_PRIVATE))),
                    ox.Quad(p, ox.NamedNode("https://schema.org/name"), ox.Literal("Fictief Persoon"),
                            ox.NamedNode(str(G_PRIVATE)))]
        return out

    return Source(f"traject {slug}", None, load, slug)


def _renamed(term, slug):
    if isinstance(term, ox.NamedNode) and "/jaar" in term.value:
        return ox.NamedNode(term.value.replace("/jaar", "/" + slug))
    return term


def _reference() -> Source:
    return Source("referentie", G_REFERENCE, lambda: [q for q in year_quads(1)
                                                      if q.graph_name.value == str(G_REFERENCE)])


def test_building_a_second_cohort_alone_keeps_the_first(tmp_path):
    store = tmp_path / "store"
    build(store_dir=store, sources=[_reference(), _cohort("c2025", person=True)], validate=False)
    report = build(store_dir=store, sources=[_reference(), _cohort("c2026")], validate=False)
    assert stored_slugs(current_version(store)) == ["c2025", "c2026"]
    assert any("'c2025' staat in de store maar niet in de invoer: behouden" in w for w in report.warnings)
    with LocalStore(store) as s:
        names = s.query("SELECT ?n WHERE { ?p <https://schema.org/name> ?n }", include_private=True)
        assert [str(r["n"]) for r in names.records()] == ["Fictief Persoon"]  # contact person kept too


def test_rebuilding_a_cohort_replaces_it_and_remove_drops_one(tmp_path):
    store = tmp_path / "store"
    build(store_dir=store, sources=[_reference(), _cohort("c2025"), _cohort("c2026")], validate=False)
    with LocalStore(store) as s:
        before = s.count()
    build(store_dir=store, sources=[_reference(), _cohort("c2026")], validate=False)
    with LocalStore(store) as s:
        assert s.count() == before  # c2026 replaced by the same data, c2025 kept: nothing doubled
    report = build(store_dir=store, sources=[_reference(), _cohort("c2026")], validate=False, remove=["c2025"])
    assert stored_slugs(current_version(store)) == ["c2026"]
    assert "traject 'c2025' verwijderd uit de store" in report.warnings


def test_analyse_without_traject_says_it_pools_the_cohorts(tmp_path):
    from click.testing import CliRunner

    from graph.cli import cli

    store = tmp_path / "store"
    build(store_dir=store, sources=[_reference(), _cohort("c2025"), _cohort("c2026")], validate=False)
    result = CliRunner().invoke(cli, ["analyse", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "let op: 2 trajecten samen geanalyseerd (c2025, c2026); kies er een met --traject" in result.stderr
    alone = CliRunner().invoke(cli, ["analyse", "--store", str(store), "--format", "json", "--traject", "c2025"])
    assert alone.exit_code == 0 and "let op" not in alone.stderr
