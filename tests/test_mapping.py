"""kg.rdf.mapping: the built graph honours the ontology contract and conforms to the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal
from rdflib.compare import graph_diff, isomorphic

from kg.export import export
from kg.pipeline import run
from kg.rdf.mapping import to_graph
from kg.rdf.store import load_graph
from kg.rdf.validate import validate

KG = "https://w3id.org/arabic-news-kg/ontology#"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    from tests.conftest import ARTICLES

    corpus, _ = run([ARTICLES], options={"ner": {"backend": "lexicon"}})
    return to_graph(corpus)


def plain(graph: Graph) -> Graph:
    """An in-memory copy in RDF 1.1 canonical terms: ``"x"^^xsd:string`` as ``"x"``, and language
    tags in lower case (they are case-insensitive; Oxigraph stores ``ar-Latn`` as ``ar-latn``)."""
    copy = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        copy.add((s, p, o))
    return copy


def test_mapping_graph_conforms_to_shapes(graph: Graph) -> None:
    report = validate(graph)
    assert report.conforms, report.text


def test_mapping_documents_are_identified_by_file_stem(graph: Graph) -> None:
    ids = {
        str(r[0])
        for r in graph.query(
            f"SELECT ?id WHERE {{ ?d a <{KG}Document> ; <http://purl.org/dc/terms/identifier> ?id }}"
        )
    }
    assert ids == {"wire_lebanon", "wire_egypt"}


def test_mapping_mentions_point_at_exact_text(graph: Graph) -> None:
    from tests.conftest import ARTICLES

    texts = {p.stem: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    rows = graph.query(f"""SELECT ?id ?surface ?b ?e WHERE {{ ?m a <{KG}Mention> ; <{KG}surface> ?surface ;
        <{KG}begin> ?b ; <{KG}end> ?e ; <{KG}inDocument>/<http://purl.org/dc/terms/identifier> ?id }}""")
    assert len(rows) > 5
    for doc_id, surface, begin, end in rows:
        assert texts[str(doc_id)][int(begin) : int(end)] == str(surface)


def test_mapping_statement_content_is_a_substring_at_its_offsets(graph: Graph) -> None:
    from tests.conftest import ARTICLES

    texts = {p.stem: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    rows = list(
        graph.query(f"""SELECT ?id ?c ?b ?e WHERE {{ ?s a <{KG}Statement> ; <{KG}content> ?c ;
        <{KG}begin> ?b ; <{KG}end> ?e ; <{KG}statedIn>/<http://purl.org/dc/terms/identifier> ?id }}""")
    )
    assert rows
    for doc_id, content, begin, end in rows:
        assert texts[str(doc_id)][int(begin) : int(end)] == str(content)


def test_mapping_is_deterministic(graph: Graph) -> None:
    from tests.conftest import ARTICLES

    corpus, _ = run([ARTICLES], options={"ner": {"backend": "lexicon"}})
    assert isomorphic(plain(graph), plain(to_graph(corpus)))


@pytest.mark.parametrize(("fmt", "name"), [("turtle", "g.ttl"), ("ntriples", "g.nt"), ("jsonld", "g.jsonld")])
def test_mapping_round_trips_through_rdf_syntaxes(graph: Graph, tmp_path: Path, fmt: str, name: str) -> None:
    path = tmp_path / name
    export(graph, fmt, path)
    back = load_graph(path)
    same = isomorphic(plain(graph), plain(back))
    if not same:
        _, only_original, only_back = graph_diff(plain(graph), plain(back))
        pytest.fail(f"{fmt} lost {len(only_original)} and added {len(only_back)} triples")


def test_mapping_into_an_on_disk_store_gives_the_same_graph(graph: Graph, tmp_path: Path) -> None:
    """The bulk-loader path of a build (``to_store``) carries every term as ``to_graph`` does:
    Arabic and ar-Latn language tags, integers, decimals, plain strings."""
    import pyoxigraph as ox

    from kg.rdf.mapping import to_store
    from kg.rdf.store import store_graph
    from tests.conftest import ARTICLES

    corpus, _ = run([ARTICLES], options={"ner": {"backend": "lexicon"}})
    store = ox.Store(str(tmp_path / "store"))
    to_store(corpus, store)
    stored = plain(store_graph(store))
    assert len(stored) == len(graph)
    assert isomorphic(plain(graph), stored)
