"""Property tests: any Unicode string survives every writer and parses back identical.

Generated strings (quotes, backslashes, newlines, control characters, lone surrogates, bidi marks,
``<script>``, Cypher and Turtle syntax) become entity labels, statement and claim contents,
document ids and titles of a hand-built corpus. ``kg.rdf.mapping.to_graph`` maps it, every writer
writes it, and an independent reader parses it back: rdflib for Turtle/N-Triples/JSON-LD
(isomorphic graphs), networkx for GraphML, the csv module for the Neo4j CSVs, an openCypher
literal parser (and GraphQLite) for ``graph.cypher``. The one rule for characters no format can
carry is :func:`kg.ids.clean_text`, applied by the mapping; so "identical" means equal to
``clean_text(original)``. A last test runs Debian's strict ``rapper`` over Turtle and N-Triples.
"""

from __future__ import annotations

import csv
import itertools
import pickle
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import ids
from kg.export import export
from kg.model import RECORDS, Claim, Corpus, Document, Entity, Mention, Span, Statement
from kg.rdf import mapping
from kg.rdf.store import new_graph
from tests.test_export_neo4j import cypher_literals, open_cypher_engine, run_script

EXAMPLES = 200
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NASTY_PIECES = [
    '"', "'", '"""', "\\", "\\u0041", "\n", "\r", "\r\n", "\t",
    "\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x7f",
    "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\ud83d",
    "\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c", "\u202e", "\u2067", "\u2069", "\u061c",
    "<script>alert(1)</script>", "]]>", "&amp;", "&#0;", "<!--", "'}) MATCH (n) DETACH DELETE n //",
    "`", "${x}", "@ar", "@context", "^^xsd:string", "<http://x/>", "_:b0", "#", "%00", "%", " . ",
    "قال", "ـــ", "َّ", "پژوهش", "😀", "ﷺ", " ", "",
]  # fmt: skip
texts = st.lists(
    st.one_of(
        st.sampled_from(NASTY_PIECES),
        st.characters(exclude_categories=()),
        st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates, which st.characters leaves out
    ),
    max_size=12,
).map("".join)
names = texts.filter(lambda text: text.strip() != "")


def nasty_corpus(label: str, alias: str, content: str, doc_id: str, title: str) -> Corpus:
    """One document, a person who said ``content`` about an organisation, and its claim."""
    text = f"{content} {label}"
    doc = Document(doc_id=doc_id, text=text, source_path=f"{doc_id}.txt", title=title, publisher=alias)
    person = Entity(
        ids.entity_id("PERSON", label), "PERSON", label, aliases=(label, alias), doc_ids=(doc_id,)
    )
    org = Entity(ids.entity_id("ORG", alias), "ORG", alias, doc_ids=(doc_id,))
    mention = Mention(doc_id, Span(len(content) + 1, len(text)), label, "PERSON")
    stmt = Statement(
        stmt_id=f"{doc_id}#s0",
        doc_id=doc_id,
        cue=Span(0, 0),
        cue_text=alias,
        cue_lemma="قال",
        content=Span(0, len(content)),
        content_text=content,
        kind="direct",
        speaker=person.entity_id,
        speaker_kind="named",
        about=(org.entity_id,),
    )
    claim = Claim(ids.claim_id([stmt.stmt_id]), content, (stmt.stmt_id,), (doc_id,))
    return Corpus(
        documents=(doc,),
        mentions=(mention,),
        entities=(person, org),
        mention_entity={mention.mention_id: person.entity_id},
        statements=(stmt,),
        claims=(claim,),
    )


corpora = st.builds(nasty_corpus, names, names, texts, names, texts)


def written(corpus: Corpus, fmt: str, folder: Path) -> Path:
    """``corpus`` mapped into an Oxigraph-backed graph (as ``kg build`` does) and written as ``fmt``."""
    graph = mapping.to_graph(corpus, graph=new_graph())
    path = folder / fmt
    export(graph, fmt, path)
    return path


def _clean(text: str) -> str:
    return ids.clean_text(text)


RDF_SYNTAXES = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}


@PROPERTY
@given(corpus=corpora)
def test_properties_rdf_writers_round_trip_isomorphic(corpus: Corpus) -> None:
    expected = mapping.to_graph(corpus)
    content = mapping.rdflib_term(mapping.ar(corpus.statements[0].content_text))
    with tempfile.TemporaryDirectory() as folder:
        for fmt, syntax in RDF_SYNTAXES.items():
            parsed = Graph().parse(written(corpus, fmt, Path(folder)), format=syntax)
            assert isomorphic(parsed, expected), fmt
            assert content in set(parsed.objects(None, mapping.KG_NS.content)), fmt


@PROPERTY
@given(corpus=corpora)
def test_properties_records_survive_pickling(corpus: Corpus) -> None:
    """The state of a build is a pickle of its records (``kg/state.py``)."""
    assert pickle.loads(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)) == corpus


def test_properties_records_pickled_by_an_earlier_kg_still_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """States written before records pickled as constructor calls (per-field ``__setstate__``)."""
    corpus = nasty_corpus("سامح شكري", "شكري", "قال", "d1", "")
    for record in RECORDS:
        monkeypatch.delattr(record, "__reduce__")
    earlier = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
    monkeypatch.undo()
    assert pickle.loads(earlier) == corpus


@PROPERTY
@given(corpus=corpora)
def test_properties_minted_iris_are_valid(corpus: Corpus) -> None:
    mint = mapping.Minter(ids.DEFAULT_BASE_IRI)
    for iri in (
        mint.document(corpus.documents[0].doc_id),
        mint.entity(corpus.entities[0].entity_id),
        mint.statement(corpus.statements[0].stmt_id),
        mint.mention(corpus.mentions[0]),
    ):
        local = iri.value[len(ids.DEFAULT_BASE_IRI) :]
        assert re.fullmatch(r"[a-z]+/[A-Za-z0-9\-._~%]+", local), local


@PROPERTY
@given(corpus=corpora)
def test_properties_graphml_round_trips_through_networkx(corpus: Corpus) -> None:
    with tempfile.TemporaryDirectory() as folder:
        network = nx.read_graphml(written(corpus, "graphml", Path(folder)))
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    person, org = corpus.entities
    expected = {_clean(person.canonical), _clean(org.canonical), _clean(corpus.claims[0].content)}
    assert expected <= labels


@PROPERTY
@given(corpus=st.builds(nasty_corpus, names, names, texts, names, texts))
def test_properties_neo4j_csv_and_cypher_round_trip(corpus: Corpus) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = written(corpus, "neo4j", Path(folder))
        tables = {
            name: _rows(out / f"nodes_{name}.csv")
            for name in ("Person", "Organization", "Statement", "Document")
        }
        script = (out / "graph.cypher").read_text("utf-8")
    person, org = corpus.entities
    doc, stmt = corpus.documents[0], corpus.statements[0]
    assert [row["label"] for row in tables["Person"]] == [_clean(person.canonical)]
    assert [row["label"] for row in tables["Organization"]] == [_clean(org.canonical)]
    assert [row["content"] for row in tables["Statement"]] == [_clean(stmt.content_text)]
    assert [(row["identifier"], row["title"]) for row in tables["Document"]] == [
        (_clean(doc.doc_id), _clean(doc.title))
    ]
    literals = set(cypher_literals(script))  # raises on an unbalanced quote
    expected = {_clean(person.canonical), _clean(stmt.content_text), _clean(org.canonical)}
    assert expected - {""} <= literals  # empty properties are left out, as neo4j-admin leaves out empty cells
    statements = [s for s in script.split(";\n") if s.strip()]
    assert all(re.match(r"\s*(//[^\n]*\n)*\s*(CREATE CONSTRAINT|UNWIND)", s) for s in statements)


def test_properties_neo4j_csv_keeps_a_bare_carriage_return(tmp_path: Path) -> None:
    corpus = nasty_corpus("كيري", "الخارجية", "قال", "d1", "عنوان\rمكسور")
    rows = _rows(written(corpus, "neo4j", tmp_path) / "nodes_Document.csv")
    assert [row["title"] for row in rows] == ["عنوان\rمكسور"]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@settings(PROPERTY, max_examples=50)
@given(corpus=corpora)
def test_properties_cypher_runs_in_an_opencypher_engine(corpus: Corpus) -> None:
    engine = open_cypher_engine()
    with tempfile.TemporaryDirectory() as folder:
        script = (written(corpus, "neo4j", Path(folder)) / "graph.cypher").read_text("utf-8")
    run_script(engine, script)
    person = corpus.entities[0]
    labels = [row["l"] for row in engine.cypher("MATCH (n:Person) RETURN n.label AS l")]
    assert labels == [_clean(person.canonical)]
    said = engine.cypher("MATCH (:Person)-[:SAID]->(s:Statement) RETURN s.content AS c")
    # An empty content is left out of the node's properties, so it reads back as null.
    assert [row["c"] or "" for row in said] == [_clean(corpus.statements[0].content_text)]


# --- an independent strict parser ----------------------------------------------------------------

RAPPER = shutil.which("rapper")
needs_rapper = pytest.mark.skipif(
    RAPPER is None, reason="rapper not installed (Debian package raptor2-utils; .ci/run installs it)"
)


def every_character_corpus() -> Corpus:
    """Labels holding every BMP code point (surrogates included) in chunks, astral ones and NASTY_PIECES."""
    chunks = ["".join(chr(c) for c in range(start, start + 0x1000)) for start in range(0, 0x10000, 0x1000)]
    chunks += ["".join(NASTY_PIECES), "\U0001f600\U0010fffd\U000e0001"]
    corpora_ = [
        nasty_corpus(chunk, chunk[::-1], chunk, f"doc{i}{chunk[:50]}", chunk)
        for i, chunk in enumerate(chunks)
    ]
    return Corpus(
        documents=tuple(d for c in corpora_ for d in c.documents),
        mentions=tuple(m for c in corpora_ for m in c.mentions),
        entities=tuple(e for c in corpora_ for e in c.entities),
        mention_entity={k: v for c in corpora_ for k, v in c.mention_entity.items()},
        statements=tuple(s for c in corpora_ for s in c.statements),
        claims=tuple(cl for c in corpora_ for cl in c.claims),
    )


def rapper(path: Path, syntax: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [RAPPER, "-i", syntax, "-o", "ntriples", str(path)], capture_output=True, check=False, timeout=120
    )


@needs_rapper
@pytest.mark.parametrize(("fmt", "syntax"), [("turtle", "turtle"), ("ntriples", "ntriples")])
def test_properties_rapper_accepts_every_character(tmp_path: Path, fmt: str, syntax: str) -> None:
    corpus = every_character_corpus()
    path = written(corpus, fmt, tmp_path)
    done = rapper(path, syntax)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Error" not in done.stderr and b"Warning" not in done.stderr, done.stderr[-2000:]
    expected = mapping.to_graph(corpus)
    assert f"returned {len(expected)} triples".encode() in done.stderr
    assert isomorphic(Graph().parse(data=done.stdout.decode("utf-8"), format="nt"), expected)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([f"doc-{i}" for i in range(40)]), max_size=30), max_size=6))
def test_properties_document_bit_sets_share_what_the_sets_share(groups: list[list[str]]) -> None:
    sets = mapping.document_sets(groups)
    for first, second in itertools.combinations(range(len(groups)), 2):
        shared = set(groups[first]) & set(groups[second])
        assert (sets[first] & sets[second]).bit_count() == len(shared)
