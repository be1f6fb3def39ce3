"""The on-disk store of an output folder and incremental builds (``kg build --append``)."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import ids
from kg import state as kg_state
from kg.build import build
from kg.claims_index import INDEX_FILE
from kg.cli import cli
from kg.errors import InputError
from kg.query import open_store, run_query
from kg.rdf.store import STORE_DIR
from kg.state import STATE_FILE, load_state

KG = "https://w3id.org/arabic-news-kg/ontology#"

FIRST = (
    "قال وزير الخارجية المصري سامح شكري إن القاهرة ترفض أي تدخل خارجي في شؤون ليبيا.\n"
    "وأضاف شكري أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة الليبية.\n"
)
SECOND = (
    "أكد شكري أن مصر ترفض أي تدخل خارجي في شؤون ليبيا، بحسب بيان للخارجية المصرية.\n"
    "وفي بيروت، قال رئيس الحكومة اللبنانية إن الانتخابات ستجري في موعدها.\n"
)

CONDEMNATION = "وأدانت مصر الهجوم التركي على ليبيا.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _count(out: Path, cls: str) -> int:
    result = run_query(open_store(out), f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{KG}{cls}> }}")
    return int(result.rows[0][0])


def _labels(out: Path) -> dict[str, int]:
    """prefLabel → number of entity nodes carrying it."""
    sparql = "SELECT ?l WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    found: dict[str, int] = {}
    for (label,) in run_query(open_store(out), sparql).rows:
        found[label] = found.get(label, 0) + 1
    return found


def _built_then_appended(tmp_path: Path, *, built: bool = False) -> Path:
    """``tmp_path/out``: a build of FIRST (unless ``built``), then SECOND appended to it."""
    out = tmp_path / "out"
    if not built:
        build([_write(tmp_path / "a", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=("turtle",))
    second = _write(tmp_path / "b", "b.txt", SECOND)
    build([second], out, ner_backend="lexicon", outputs=("turtle",), append=True)
    return out


def test_incremental_build_keeps_a_store_that_queries_read_without_the_turtle(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([_write(tmp_path / "in", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=("turtle",))
    assert (out / STORE_DIR).is_dir() and (out / STATE_FILE).is_file()
    statements = _count(out, "Statement")
    (out / "graph.ttl").unlink()
    assert statements == _count(out, "Statement") >= 2


def test_incremental_append_adds_documents_and_joins_existing_entities(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([_write(tmp_path / "a", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=("turtle",))
    before = _count(out, "Document"), _count(out, "Statement")
    _built_then_appended(tmp_path, built=True)
    assert _count(out, "Document") == before[0] + 1
    assert _count(out, "Statement") > before[1]
    labels = _labels(out)
    assert labels.get("مصر") == 1 and labels.get("ليبيا") == 1  # one node each, not one per build
    state = load_state(out)
    assert len(state.documents) == 2 and not state.tokens


def test_incremental_append_of_the_same_input_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _write(tmp_path / "a", "a.txt", FIRST)
    build([first], out, ner_backend="lexicon", outputs=("turtle",))
    turtle = (out / "graph.ttl").read_bytes()
    result = build([first], out, ner_backend="lexicon", outputs=("turtle",), append=True)
    assert result.files == ()
    assert [s.reason for s in result.corpus.skipped] == ["already in the graph"]
    assert (out / "graph.ttl").read_bytes() == turtle


def test_incremental_append_equals_a_claim_count_update(tmp_path: Path) -> None:
    """A statement of a new outlet that repeats a claim raises its source count instead of
    making a second claim."""
    out = _built_then_appended(tmp_path)
    sparql = f"SELECT (MAX(?n) AS ?m) WHERE {{ ?c <{KG}sourceCount> ?n }}"
    assert int(run_query(open_store(out), sparql).rows[0][0]) == 2
    whole = tmp_path / "whole"
    build(
        [tmp_path / "a" / "a.txt", tmp_path / "b" / "b.txt"],
        whole,
        ner_backend="lexicon",
        outputs=("turtle",),
    )
    assert _count(out, "Claim") == _count(whole, "Claim")


def test_incremental_append_to_a_folder_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Build it first without --append"):
        build(
            [_write(tmp_path / "a", "a.txt", FIRST)], tmp_path / "empty", ner_backend="lexicon", append=True
        )


def test_incremental_append_from_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(_write(tmp_path / "a", "a.txt", FIRST)), "-o", str(out), "-q"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        cli, ["build", str(_write(tmp_path / "b", "b.txt", SECOND)), "-o", str(out), "-q", "--append"]
    )
    assert second.exit_code == 0, second.output
    assert _count(out, "Document") == 2


@pytest.mark.parametrize(
    ("known", "joins"),
    [(("سامح شكري",), True), (("سامح شكري", "أحمد شكري"), False)],
)
def test_incremental_one_word_name_joins_the_only_full_name_ending_with_it(
    known: tuple[str, ...], joins: bool
) -> None:
    from kg.model import Corpus, Entity
    from kg.stages.resolve import attach

    old = Corpus(entities=tuple(Entity(f"p{i}", "PERSON", name) for i, name in enumerate(known)))
    fresh = Corpus(entities=(Entity("new", "PERSON", "شكري"),), mention_entity={"m1": "new"})
    attached = attach(old, fresh)
    assert (attached.mention_entity["m1"] == "p0") is joins


THIRD = (
    "قال شكري إن مصر ترفض أي تدخل خارجي في شؤون ليبيا وتدعم الحل السياسي.\n"
    "وقال وزير الخارجية الأردني أيمن الصفدي إن عمان تتابع الوضع في ليبيا عن كثب.\n"
)


def _indexed(out: Path) -> int:
    with sqlite3.connect(out / INDEX_FILE) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM items").fetchone()[0])


def test_incremental_appends_add_state_parts_that_load_as_one_corpus(tmp_path: Path) -> None:
    out = _built_then_appended(tmp_path)
    third = build(
        [_write(tmp_path / "c", "c.txt", THIRD)], out, ner_backend="lexicon", outputs=(), append=True
    )
    assert sorted(p.name for p in out.glob(STATE_FILE + "*")) == [
        STATE_FILE,
        f"{STATE_FILE}.00000",
        f"{STATE_FILE}.00001",
    ]
    state = load_state(out)
    assert [d.doc_id for d in state.documents] == ["a", "b", "c"]
    assert state.claims == third.corpus.claims and state.entities == third.corpus.entities
    assert _indexed(out) == len(state.statements) == _count(out, "Statement")
    build([tmp_path / "a" / "a.txt"], out, ner_backend="lexicon", outputs=())  # a full build drops the parts
    assert sorted(p.name for p in out.glob(STATE_FILE + "*")) == [STATE_FILE]
    assert [d.doc_id for d in load_state(out).documents] == ["a"]


def test_incremental_interrupted_append_leaves_state_and_claim_index_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _built_then_appended(tmp_path)
    before = {p.name: p.read_bytes() for p in out.glob(STATE_FILE + "*")}
    indexed, statements = _indexed(out), _count(out, "Statement")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.write_charts", interrupted)  # after the claims, before any move
    with pytest.raises(KeyboardInterrupt):
        build([_write(tmp_path / "c", "c.txt", THIRD)], out, ner_backend="lexicon", outputs=(), append=True)
    assert {p.name: p.read_bytes() for p in out.glob(STATE_FILE + "*")} == before
    assert _indexed(out) == indexed and _count(out, "Statement") == statements


def test_incremental_missing_claim_index_is_rebuilt_from_the_state(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([_write(tmp_path / "a", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=("turtle",))
    (out / INDEX_FILE).unlink()
    out = _built_then_appended(tmp_path, built=True)
    assert _indexed(out) == len(load_state(out).statements)


@pytest.mark.parametrize(
    ("predicate", "of"),
    [
        ("position", "Statement"),
        ("aboutPosition", "Statement"),
        ("position", "Interaction"),
        ("position", "CoMention"),
        ("speakerRank", None),
        ("sourceRank", None),
    ],
)
def test_incremental_append_keeps_positions_and_ranks_dense(
    tmp_path: Path, predicate: str, of: str | None
) -> None:
    """Appended statements are numbered after the graph's, and re-made rankings replace the old
    ones: every numbering is still 0 .. n-1, once per node (pages are looked up by number)."""
    out = tmp_path / "out"
    build([_write(tmp_path / "a", "a.txt", FIRST + CONDEMNATION)], out, ner_backend="lexicon", outputs=())
    appended = [_write(tmp_path / "b", "b.txt", SECOND), _write(tmp_path / "b", "c.txt", CONDEMNATION)]
    build(appended, out, ner_backend="lexicon", outputs=(), append=True)
    typed = f"?x a <{KG}{of}> ." if of else ""
    sparql = f"SELECT ?x ?n WHERE {{ {typed} ?x <{KG}{predicate}> ?n }}"
    rows = run_query(open_store(out), sparql).rows
    numbers = sorted(int(n) for _, n in rows)
    assert numbers == list(range(len(numbers)))
    assert len({x for x, _ in rows}) == len(rows)
    assert numbers, f"no {predicate} in the graph: the check proves nothing"
    if predicate == "position" and of == "Statement":
        assert len(numbers) == _count(out, "Statement")


def _co_mentions(out: Path) -> set[tuple[str, ...]]:
    sparql = (
        f"SELECT ?a ?b ?n ?i WHERE {{ ?c a <{KG}CoMention> ; <{KG}actor> ?x, ?y ; <{KG}documentCount> ?n ; "
        f"<{KG}position> ?i . ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?a . "
        f"?y <http://www.w3.org/2004/02/skos/core#prefLabel> ?b FILTER(?a < ?b) }}"
    )
    return {tuple(row) for row in run_query(open_store(out), sparql, limit=0).rows}


def test_incremental_append_gives_the_co_mentions_of_a_full_build(tmp_path: Path) -> None:
    """An append rewrites only the co-mentions whose count or position changed; the result is
    the co-mentions a build of all the documents makes."""
    out = tmp_path / "out"
    build([_write(tmp_path / "a", "a.txt", FIRST + CONDEMNATION)], out, ner_backend="lexicon", outputs=())
    before = _co_mentions(out)
    appended = [_write(tmp_path / "b", "b.txt", SECOND), _write(tmp_path / "b", "c.txt", CONDEMNATION)]
    build(appended, out, ner_backend="lexicon", outputs=(), append=True)
    whole = tmp_path / "whole"
    build([tmp_path / "a" / "a.txt", *appended], whole, ner_backend="lexicon", outputs=())
    assert _co_mentions(out) == _co_mentions(whole) != before
    assert len(before) >= 2


def test_incremental_appended_statements_come_after_the_graph_s(tmp_path: Path) -> None:
    first = tmp_path / "first"
    build([_write(tmp_path / "a", "a.txt", FIRST)], first, ner_backend="lexicon", outputs=())
    out = _built_then_appended(tmp_path)
    sparql = f"SELECT ?c WHERE {{ ?s <{KG}position> ?i ; <{KG}content> ?c }} ORDER BY ?i"
    before = [row[0] for row in run_query(open_store(first), sparql).rows]
    after = [row[0] for row in run_query(open_store(out), sparql).rows]
    assert before and after[: len(before)] == before and len(after) > len(before)


def test_incremental_state_round_trips_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The base state is pickled a few records at a time (a small memo); it loads as the corpus."""
    out = _built_then_appended(tmp_path)
    corpus = load_state(out)
    monkeypatch.setattr(kg_state, "STATE_CHUNK", 2)
    saved = tmp_path / "saved"
    saved.mkdir()
    kg_state.save_state(corpus, saved / STATE_FILE)
    assert load_state(saved) == corpus
    assert len(corpus.mentions) > 2


def test_incremental_state_of_an_earlier_kg_in_one_pickle_still_loads(tmp_path: Path) -> None:
    out = _built_then_appended(tmp_path)
    corpus = load_state(out)
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    with (earlier / STATE_FILE).open("wb") as file:
        pickle.dump((kg_state.STATE_VERSION, "0123456789abcdef"), file)
        pickle.dump(corpus, file)
    assert load_state(earlier) == corpus


def test_incremental_state_leaves_its_mentions_in_the_file_until_they_are_read(tmp_path: Path) -> None:
    """Loading a state does not make its mention records (an append never reads the old ones):
    they are counted at once and read from the file on first use, the same as the build's."""
    out = tmp_path / "out"
    built = build([_write(tmp_path / "a", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=())
    state = load_state(out)
    assert len(state.mentions) == len(built.corpus.mentions) > 2
    assert tuple(state.mentions) == tuple(built.corpus.mentions)
    assert list(state.mentions + built.corpus.mentions[:1]) == [
        *built.corpus.mentions,
        built.corpus.mentions[0],
    ]


def test_incremental_state_replaced_before_its_mentions_are_read_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([_write(tmp_path / "a", "a.txt", FIRST)], out, ner_backend="lexicon", outputs=())
    state = load_state(out)
    build([_write(tmp_path / "b", "b.txt", SECOND)], out, ner_backend="lexicon", outputs=())
    with pytest.raises(InputError, match="replaced after it was loaded"):
        list(state.mentions)


def test_incremental_state_of_version_2_is_refused_as_its_graph_has_earlier_iris(tmp_path: Path) -> None:
    """States before version 4 belong to graphs whose entity IRIs (``entity/person_person_…``)
    differ from today's (``person/…``): an append would mix both, so the folder must be rebuilt."""
    corpus = load_state(_built_then_appended(tmp_path))
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    with (earlier / STATE_FILE).open("wb") as file:
        for head in ((2, "0123456789abcdef"), kg_state.IN_CHUNKS):
            pickle.dump(head, file)
        pickle.dump(corpus.replace(**dict.fromkeys(kg_state._CHUNKED, ()), mention_entity={}), file)
        for name in kg_state._CHUNKED:
            kg_state._write_chunks(getattr(corpus, name), file)
        kg_state._write_chunks(corpus.mention_entity.items(), file)
    with pytest.raises(InputError, match=r"IRIs of an earlier kg.*Rebuild the folder without --append"):
        load_state(earlier)


def test_incremental_append_lists_every_document_of_an_entity(tmp_path: Path) -> None:
    """An entity the new documents mention keeps its earlier kg:mentionedIn triples and gains
    the new ones (an append rewrites its other triples only)."""
    out = _built_then_appended(tmp_path)
    state = load_state(out)
    sparql = (
        f"SELECT ?e ?d WHERE {{ ?e <{KG}mentionedIn> ?doc . ?doc <http://purl.org/dc/terms/identifier> ?d }}"
    )
    found: dict[str, set[str]] = {}
    for iri, doc_id in run_query(open_store(out), sparql).rows:
        found.setdefault(iri, set()).add(doc_id)
    expected = {e.entity_id: set(e.doc_ids) for e in state.entities if e.doc_ids}
    assert {ids.entity_iri(ids.DEFAULT_BASE_IRI, e): docs for e, docs in expected.items()} == found
    assert any(len(docs) == 2 for docs in found.values()), "no entity is in both documents"
