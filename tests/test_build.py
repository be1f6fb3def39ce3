"""kg.build: progress over every phase, the outputs' sizes, clear failures, a report that agrees
with the graph."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildResult, build, build_phases, render_report
from kg.errors import InputError
from kg.model import Claim, Corpus, Document, Entity, Interaction, ResolutionNote, Span, Statement
from kg.pipeline import STAGES
from kg.progress import phase_of
from kg.rdf.mapping import node_counts, to_store
from tests.conftest import ARTICLES

OUTPUTS = ("turtle", "html", "neo4j")
KG = "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>\n"
Event = tuple[str, int, int]


@pytest.fixture(scope="module")
def traced(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, list[Event]]:
    """The test articles built with every progress event recorded."""
    events: list[Event] = []
    out = tmp_path_factory.mktemp("traced")
    result = build(
        [ARTICLES], out, ner_backend="lexicon", outputs=OUTPUTS, progress=lambda *e: events.append(e)
    )
    return result, events


def test_build_progress_goes_through_every_phase_in_order(traced: tuple[BuildResult, list[Event]]) -> None:
    _, events = traced
    phases = build_phases(STAGES, OUTPUTS)
    assert phases[: len(STAGES)] == STAGES
    assert phases[len(STAGES) :] == (
        "index",
        "store",
        "export html",
        "export neo4j",
        "export turtle",
        "charts",
        "state",
        "report",
    )
    seen = list(dict.fromkeys(phase_of(label) for label, _, _ in events))
    assert seen == list(phases)
    assert [index for _, index, _ in events] == sorted(index for _, index, _ in events)
    assert {total for _, _, total in events} == {len(phases)}
    for label, index, _ in events:
        assert phases[index] == phase_of(label), label


def test_build_progress_labels_carry_counts(traced: tuple[BuildResult, list[Event]]) -> None:
    result, events = traced
    labels = [label for label, _, _ in events]
    assert "segment: 2 documents" in labels
    assert any(re.fullmatch(r"resolve: \d+ mentions", label) for label in labels)
    assert f"claims: {len(result.corpus.statements):,} statements" in labels
    assert f"report: {result.triples:,} triples" in labels
    assert "export turtle: graph.ttl" in labels


def test_build_sizes_name_every_output_with_its_bytes(traced: tuple[BuildResult, list[Event]]) -> None:
    result, _ = traced
    sizes = result.sizes()
    for name in ("store/", "graph.ttl", "graph.html", "neo4j/", "charts/", "report.md"):
        assert sizes.get(name, 0) > 0, name
    assert sizes["graph.ttl"] == (result.out_dir / "graph.ttl").stat().st_size
    neo4j = sum(f.stat().st_size for f in (result.out_dir / "neo4j").rglob("*") if f.is_file())
    assert sizes["neo4j/"] == neo4j


def test_build_report_counts_equal_the_graph(traced: tuple[BuildResult, list[Event]]) -> None:
    result, _ = traced
    report = (result.out_dir / "report.md").read_text("utf-8")
    counts = dict(re.findall(r"^\| (statements|interactions|claims) \| (\d+) \|$", report, flags=re.M))
    store = ox.Store.read_only(str(result.out_dir / "store"))
    for name, cls in (("statements", "Statement"), ("interactions", "Interaction"), ("claims", "Claim")):
        rows = list(store.query(KG + f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a kg:{cls} }}"))
        assert int(counts[name]) == int(rows[0]["n"].value), name


def test_build_report_counts_interactions_the_graph_keeps() -> None:
    """An interaction whose agent is no actor has no node, and two alike in a document are one."""
    doc = Document(doc_id="d1", text="التقى بلينكن لافروف في جنيف.")
    entities = (
        Entity("e1", "PERSON", "بلينكن"),
        Entity("e2", "PERSON", "لافروف"),
        Entity("e3", "LOC", "جنيف"),
    )
    interactions = (
        Interaction("d1", "meeting", "e1", "e2", Span(0, 20)),
        Interaction("d1", "meeting", "e1", "e2", Span(0, 27)),  # the same node as the first
        Interaction("d1", "meeting", "e3", "e2", Span(0, 20)),  # a place is no agent
    )
    corpus = Corpus(documents=(doc,), entities=entities, interactions=interactions)
    store = ox.Store()
    to_store(corpus, store)
    report = render_report(corpus, len(store), {}, in_graph=node_counts(store))
    assert "| interactions | 1 |" in report


def test_build_merges_table_lists_people_first_and_counts_gentilic_merges() -> None:
    corpus = Corpus(
        entities=(
            Entity("us", "GPE", "الولايات المتحدة"),
            Entity("ru", "GPE", "روسيا"),
            Entity("un", "ORG", "الأمم المتحدة"),
            Entity("kerry", "PERSON", "جون كيري"),
        ),
        resolution_notes=(
            ResolutionNote(
                "country names and gentilics (gentilic adjectives)", "us", ("الأميركية", "الولايات المتحدة")
            ),
            ResolutionNote(
                "country names and gentilics (gentilic adjectives)",
                "ru",
                ("الاتحاد الروسي", "الروسية", "روسيا"),
            ),
            ResolutionNote("organisation names", "un", ("الأمم المتحدة", "المنظمة الدولية")),
            ResolutionNote(
                "partial name", "kerry", ("جون كيري", "كيري"), detail="3 mentions joined the full name"
            ),
        ),
    )
    report = render_report(corpus, 0, {})
    section = report.split("## Entity resolution", 1)[1].split("\n## ", 1)[0]
    rows = [
        line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| entity")
    ]
    assert [row.split(" | ")[0] for row in rows] == ["| جون كيري", "| الأمم المتحدة", "| روسيا"]
    assert "الاتحاد الروسي / روسيا (+ 1 gentilic adjectives)" in rows[2]
    assert not any(row.startswith("| الولايات المتحدة") for row in rows)
    assert "Not listed: 1 merges of a country name with its gentilic adjectives only" in section


def test_build_nothing_usable_lists_every_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "english.txt").write_text("Only English here.", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build([tmp_path], tmp_path / "out", ner_backend="lexicon")
    message = str(caught.value)
    assert "2 inputs were skipped" in message
    assert f"{tmp_path / 'empty.txt'}: empty text" in message
    assert f"{tmp_path / 'english.txt'}: no Arabic text" in message
    assert "see the report" not in message


def test_build_append_progress_goes_through_every_phase_in_order(tmp_path: Path) -> None:
    build([ARTICLES / "wire_egypt.txt"], tmp_path, ner_backend="lexicon", outputs=("turtle",))
    events: list[Event] = []
    build(
        [ARTICLES / "wire_lebanon.txt"],
        tmp_path,
        ner_backend="lexicon",
        outputs=("turtle",),
        append=True,
        progress=lambda *e: events.append(e),
    )
    phases = build_phases(STAGES, ("turtle",), append=True)
    assert "index" not in phases
    assert list(dict.fromkeys(phase_of(label) for label, _, _ in events)) == list(phases)
    assert [index for _, index, _ in events] == sorted(index for _, index, _ in events)


def test_build_report_lists_outlets_speakers_and_contested_claims() -> None:
    documents = (
        Document("a", "…", publisher="وكالة أ"),
        Document("b", "…", publisher="صحيفة ب"),
    )
    entities = (Entity("gov", "ORG", "الحكومة"), Entity("opp", "ORG", "المعارضة"))
    statements = tuple(
        Statement(sid, sid[0], Span(0, 1), "قال", "قال", Span(2, 3), "…", "indirect", speaker=speaker)
        for sid, speaker in (("a#s1", "gov"), ("b#s1", "gov"), ("b#s2", "opp"))
    )
    claims = (
        Claim("c1", "الحكومة ستخفض الضرائب", ("a#s1", "b#s1"), ("a", "b"), contradicts=("c2",)),
        Claim("c2", "لن تخفض الضرائب", ("b#s2",), ("b",), contradicts=("c1",)),
    )
    corpus = Corpus(documents=documents, entities=entities, statements=statements, claims=claims)
    report = render_report(corpus, 0, {})
    corroborated = report.split("## Most corroborated claims", 1)[1].split("\n## ", 1)[0]
    assert "| 2 | 2 | صحيفة ب، وكالة أ | الحكومة | الحكومة ستخفض الضرائب |" in corroborated
    contested = report.split("## Most contested claims", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in contested.splitlines() if line.startswith("| 2 ")]
    assert rows == ["| 2 | الحكومة ستخفض الضرائب | الحكومة | لن تخفض الضرائب | المعارضة |"]


def test_build_report_says_when_no_claim_is_contested() -> None:
    assert "None: no claim contradicts another." in render_report(Corpus(), 0, {})
