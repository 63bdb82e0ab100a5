"""Theme and instrument suggestions: lemmas, the weighting, learning from tagged lessons, the store,
``kernen suggest``, the hints of ``kernen validate`` and the proposals of ``kernen analyse``."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.namespace import DCTERMS, RDF

from graph.cli import cli
from graph.namespace import GRAPH, KD, graph_iri, iri
from graph.settings import DEFAULT_DATA, ROOT
from graph.store import LocalStore
from graph.text.corpus import LesText, concepts, lessons, ontology_concepts
from graph.text.inputs import hints, suggestions
from graph.text.lemmas import features, lemma, lemmas
from graph.text.suggest import build_model, suggest

sys.path.insert(0, str(Path(__file__).parent))
from test_text_proposals import PLANTED  # noqa: E402

EXAMPLE = DEFAULT_DATA / "trajecten" / "voorbeeld"


@pytest.mark.parametrize("word, expected", [
    ("dorpsbudgetten", "dorpsbudget"), ("ambtenaren", "ambtenaar"), ("gehalveerd", "halveren"),
    ("uitgegeven", "uitgeven"), ("dorpsraden", "dorpsraad"),
])
def test_lemma(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("beslissen", "beslissen"), ("beslist", "beslissen"), ("vertrouwen", "vertrouwen"), ("vertrouwt", "vertrouwen"),
    ("verdelen", "verdelen"), ("verdeeld", "verdelen"), ("uitvoeren", "uitvoeren"), ("uitgevoerd", "uitvoeren"),
])
def test_a_known_word_is_not_split_as_a_compound(word, expected):
    assert lemma(word) == expected


def test_themes_read_their_scope_note():
    note = next(c for c in ontology_concepts() if c.key == "zeggenschap").note
    assert "uitdaagrecht" in note
    assert all(not c.note for c in ontology_concepts() if c.kind == "instrument")


def test_a_scope_note_teaches_words_the_labels_do_not_have():
    text = "Het uitdaagrecht en zelfbeheer"
    bare = [c if c.kind == "instrument" else replace(c, note="") for c in ontology_concepts()]
    assert suggest(build_model(bare, []), text)["thema"] == []
    best = suggest(build_model(ontology_concepts(), []), text)["thema"][0]
    assert best.key == "zeggenschap" and "uitdaagrecht" in best.words


def test_lemmas_leave_out_stopwords_and_report_cues():
    assert lemmas("Tip: de dorpen hebben het geld niet besteed") == ["dorp", "geld", "besteden"]


def test_compound_parts_and_stems_are_features():
    assert features("kernenfondsen", {"kern", "fonds"}) == ["kernenfonds", "kern", "fonds", "kernen~"]


def test_suggestions_are_deterministic_and_explained():
    model = build_model(ontology_concepts(), [])
    text = "Het geld van het dorpsbudget blijft liggen: de dorpen besteden het niet"
    first, second = suggest(model, text), suggest(build_model(ontology_concepts(), []), text)
    assert first == second
    best = first["instrument"][0]
    assert best.key == "dorpsbudget" and best.words[0] == "dorpsbudget"
    assert best.uitleg.endswith("-> Dorpsbudget / wijkbudget")
    assert best.explanation.endswith("-> Village or district budget")
    assert [s.score for s in first["thema"]] == sorted((s.score for s in first["thema"]), reverse=True)


def test_tagged_lessons_teach_new_words():
    text = "De pinautomaat in het dorp"
    before = suggest(build_model(ontology_concepts(), []), text)["thema"]
    taught = [LesText("les/a", "Een eigen pinautomaat voor het dorp", themas=("uitvoering",))]
    after = suggest(build_model(ontology_concepts(), taught), text)["thema"]
    assert "uitvoering" not in [s.key for s in before[:1]]
    assert after[0].key == "uitvoering" and "pinautomaat" in after[0].words


def test_a_remark_every_lesson_repeats_neither_counts_nor_explains():
    remark = "(Fictieve les uit het voorbeeldtraject; geen uitspraak over de genoemde gemeenten.)"
    taught = [LesText(f"les/{n}", f"{text} {remark}", themas=(theme,)) for n, (text, theme) in enumerate(
        [("Een eigen pinautomaat voor het dorp", "uitvoering"), ("Het dorpsbudget bleef liggen", "onderbesteding")] * 3)]
    model = build_model(ontology_concepts(), taught)
    assert model.boilerplate == (remark,)
    found = suggest(model, f"De pinautomaat in het dorp. {remark}")
    words = {w for ranked in found.values() for s in ranked for w in s.words}
    assert found["thema"][0].key == "uitvoering" and not words & {"fictief", "voorbeeldtraject", "uitspraak", "genoemd"}


def test_the_example_beside_other_lessons_is_explained_by_what_its_lessons_say():
    """As in the store: the example's 59 lessons, each with its remark on fiction, among other lessons."""
    from graph.text.evaluate import read_gold
    from graph.text.inputs import model_for, read_input

    example = read_input(EXAMPLE / "voorbeeld.xlsx", data_dir=DEFAULT_DATA)
    others = read_gold(ROOT / "tests" / "data" / "text" / "evaluatie.csv")["dev"]
    model = model_for(extra=[*example.lessons, *others])
    found = [suggest(model, les.text) for _, _, les in example.rows]
    words = {w for item in found for ranked in item.values() for s in ranked for w in s.words}
    assert len(found) == 59 and not words & {"fictief", "voorbeeldtraject", "uitspraak", "genoemd"}


def test_a_hint_needs_two_words_that_not_every_lesson_has():
    from graph.text.inputs import _hints

    topics = ["speeltuin", "bankje", "jeugdsoos", "ijsbaan", "kerkpad", "wandelroute", "bibliotheek", "buurtbus",
              "zwembad", "sportveld", "glasvezel", "bloembak", "carnaval", "dorpsfeest", "moestuin", "kinderopvang",
              "zonnepark", "ommetje", "schooltuin", "jeu-de-boulesbaan"]
    taught = [LesText(f"les/{n}", f"{'Het dorp' if n % 2 else 'De wijk'} wilde een {topic}.",
                      instrumenten=("dorpsbudget",)) for n, topic in enumerate(topics)]
    taught += [LesText(f"les/p{n}", "Het dorp kreeg een pinautomaat terug via het fonds.", instrumenten=("kernenfonds",))
               for n in range(2)]
    model = build_model(ontology_concepts(), taught)
    assert "dorp" in model.generic and "pinautomaat" not in model.generic
    weak = suggest(model, "Het dorp en de pinautomaat")["instrument"][0]
    strong = suggest(model, "De pinautomaat kwam terug via het fonds")["instrument"][0]
    assert weak.key == strong.key == "kernenfonds" and weak.words == ("pinautomaat", "dorp")
    assert weak.specific == 1 and strong.specific >= 2
    hinted = lambda text: [p.column for p in _hints(model, "f.xlsx", 2, LesText("x", text), "nl")]  # noqa: E731
    assert "instrumenten" not in hinted("Het dorp en de pinautomaat")
    assert "instrumenten" in hinted("De pinautomaat kwam terug via het fonds")


def test_a_text_without_known_words_gets_no_suggestions():
    assert suggest(build_model(ontology_concepts(), []), "Xyzzy qwerty") == {"thema": [], "instrument": []}


def _les_quads(slug: str, key: str, title: str, code: str, themes: tuple[str, ...] = ()) -> list[ox.Quad]:
    g = ox.NamedNode(str(graph_iri("traject", slug)))
    s = ox.NamedNode(str(iri("les", f"{slug}-{key}")))
    n = lambda v: ox.NamedNode(str(v))  # noqa: E731
    quads = [ox.Quad(s, n(RDF.type), n(KD.Les), g), ox.Quad(s, n(DCTERMS.title), ox.Literal(title, language="nl"), g),
             ox.Quad(s, n(KD.bewijs), n(iri("gemeente", code)), g)]
    return quads + [ox.Quad(s, n(KD.thema), n(iri("thema", t)), g) for t in themes]


@pytest.fixture(scope="module")
def text_store() -> LocalStore:
    onto = ox.Store()
    graph = ox.NamedNode(str(GRAPH) + "ontologie")
    for name in ("themas.ttl", "instrumenten.ttl"):
        onto.load(path=str(ROOT / "ontology" / name), format=ox.RdfFormat.TURTLE, to_graph=graph)
    quads = list(onto) + _les_quads("t", "vast", "Een vast budget per dorp geeft rust", "GM1900", ("budgetverdeling",))
    for n, (code, text) in enumerate(PLANTED):
        quads += _les_quads("t", f"p{n}", text, code)
    return LocalStore.in_memory(quads)


def test_the_store_gives_concepts_and_lessons(text_store):
    assert {c.key for c in concepts(text_store)} == {c.key for c in ontology_concepts()}
    found = lessons(text_store, traject="t")
    assert len(found) == 7 and found[-1].themas == ("budgetverdeling",) and found[-1].gemeenten == ("GM1900",)
    assert lessons(text_store, traject="ander") == ()


def test_cli_suggest_json_lists_each_lesson_with_given_tags_and_suggestions():
    result = CliRunner().invoke(cli, ["suggest", str(EXAMPLE), "--format", "json", "--store", "/nonexistent"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data) == 59 and data[0]["id"] == "les-01" and data[0]["themas"] == ["aanspreekpunt"]
    assert set(data[0]["suggesties"]) == {"thema", "instrument"}
    assert all(len(item["suggesties"]["thema"]) <= 3 for item in data)
    assert data == suggestions(EXAMPLE, data_dir=DEFAULT_DATA)


def test_cli_suggest_table_in_english():
    result = CliRunner().invoke(cli, ["suggest", str(EXAMPLE), "--lang", "en", "--store", "/nonexistent"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "lesson | given | suggested themes | suggested instruments"
    assert "-> Point of contact" in result.output


def _untagged_workbook(tmp_path: Path) -> Path:
    from graph.ingest.template import workbook

    records = {"traject": [{"id": "t", "naam": "Test (fictief)", "fictief": True}],
               "les": [{"id": "l1", "titel": "Het dorpsbudget bleef liggen", "tekst": "Geld werd niet besteed."}]}
    path = tmp_path / "t.xlsx"
    workbook(data_dir=DEFAULT_DATA, records=records).save(path)
    return path


def test_validate_shows_hints_never_errors(tmp_path):
    path = _untagged_workbook(tmp_path)
    found = hints([path], data_dir=DEFAULT_DATA)
    assert [(h.sheet, h.row, h.column, h.severity) for h in found] == \
        [("les", 2, "themas", "hint"), ("les", 2, "instrumenten", "hint")]
    assert found[1].message.startswith("les zonder instrumenten; voorstel: dorpsbudget, ")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "hint: " in result.output and "dorpsbudget ->" in result.output
    quiet = CliRunner().invoke(cli, ["validate", "-q", str(path)])
    assert "hint:" not in quiet.output


def test_analyse_lists_possible_new_threads(text_store, monkeypatch):
    monkeypatch.setattr("graph.store.open_store", lambda location=None, **kw: text_store)
    md = CliRunner().invoke(cli, ["analyse"])
    assert md.exit_code == 0, md.output
    section = md.output.split("## Mogelijke nieuwe rode draden", 1)[1]
    assert "| ambtelijk ondersteuning |" in section
    data = json.loads(CliRunner().invoke(cli, ["analyse", "--format", "json"]).output)
    assert data["nieuwe_rode_draden"][0]["term"] == "ambtelijk ondersteuning"
    assert len(data["nieuwe_rode_draden"][0]["gemeenten"]) == 6
    english = CliRunner().invoke(cli, ["analyse", "--lang", "en"]).output
    assert "## Possible new rode draden" in english


def test_an_inputs_own_themes_are_suggested_and_resolved(tmp_path):
    from graph.ingest.template import workbook

    records = {"traject": [{"id": "t", "naam": "Test (fictief)", "fictief": True}],
               "thema": [{"slug": "ambtelijke-ondersteuning", "label": "Ambtelijke ondersteuning",
                          "definitie": "Hulp van ambtenaren aan dorpsraden en vrijwilligers."}],
               "les": [{"id": "l1", "titel": "Ambtenaren helpen de dorpsraad", "themas": "Ambtelijke ondersteuning"},
                       {"id": "l2", "titel": "Vrijwilligers missen ondersteuning van een ambtenaar"}]}
    path = tmp_path / "t.xlsx"
    workbook(data_dir=DEFAULT_DATA, records=records).save(path)
    found = suggestions(path, data_dir=DEFAULT_DATA)
    assert found[0]["themas"] == ["ambtelijke-ondersteuning"]
    assert found[1]["suggesties"]["thema"][0]["id"] == "ambtelijke-ondersteuning"


def test_suggestions_do_not_depend_on_the_hash_seed():
    import os
    import subprocess

    def run(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        return subprocess.run([sys.executable, "-m", "graph", "suggest", str(EXAMPLE), "--format", "json",
                               "--store", "/nonexistent"], env=env, cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout

    assert run("1") == run("2")
