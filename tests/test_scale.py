"""What keeps large builds small and fast gives the same results as the plain way.

Tokens are held as columns (``TokenTable``), the store is bulk-loaded in batches, and the Neo4j
export reads Oxigraph directly; each must be indistinguishable from what it replaces.
"""

from __future__ import annotations

import pickle
from itertools import pairwise
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.export import neo4j
from kg.model import Corpus, Document, Mention, Skipped, Span, Token, TokenTable
from kg.pipeline import document_slices, drop_documents
from kg.rdf import store as rdf_store
from kg.rdf.mapping import to_store
from kg.stages import resolve, segment
from tests.test_export_neo4j import NEWS_TTL, PREFIXES

TEXTS = {
    "a": "قال وزير الخارجية سامح شكري إن القاهرة ترفض التصعيد. وأضاف شكري أن الحوار هو الحل.",
    "b": "أعلنت الحكومة الأردنية اليوم عن خطة جديدة للنقل.",
    "c": "",
}


def _corpus() -> Corpus:
    return segment.run(Corpus(documents=tuple(Document(i, t) for i, t in TEXTS.items())))


def _plain_tokens() -> list[Token]:
    return [tok for i, t in TEXTS.items() for tok in segment.process_doc(Document(i, t))[1]]


def test_token_table_behaves_as_the_tuple_of_its_tokens() -> None:
    plain = _plain_tokens()
    table = _corpus().tokens
    assert isinstance(table, TokenTable)
    assert len(table) == len(plain) and list(table) == plain and table == tuple(plain)
    assert table[0] == plain[0] and table[-1] == plain[-1] and table[2:5] == tuple(plain[2:5])
    with pytest.raises(IndexError):
        table[len(plain)]
    assert pickle.loads(pickle.dumps(table)) == table


def test_token_table_gives_one_document_without_the_others() -> None:
    table = _corpus().tokens
    plain = _plain_tokens()
    for doc_id in TEXTS:
        assert list(table.document(doc_id)) == [t for t in plain if t.doc_id == doc_id]
    assert list(table.only({"b"})) == [t for t in plain if t.doc_id == "b"]
    assert not table.document("missing")


def test_corpus_keeps_tokens_given_as_a_tuple_as_a_table() -> None:
    plain = tuple(_plain_tokens())
    corpus = Corpus(tokens=plain)
    assert isinstance(corpus.tokens, TokenTable) and corpus.tokens == plain
    assert Corpus().tokens == () and not Corpus().tokens
    interleaved = (Token("x", Span(0, 1), 0), Token("y", Span(0, 2), 0), Token("x", Span(2, 3), 0))
    assert list(Corpus(tokens=interleaved).tokens_of("x")) == [interleaved[0], interleaved[2]]


def test_document_slices_and_dropped_documents_keep_the_right_tokens() -> None:
    corpus = _corpus()
    for doc, part in document_slices(corpus):
        assert list(part.tokens) == list(corpus.tokens_of(doc.doc_id))
    kept = drop_documents(corpus, [])
    assert kept.tokens == corpus.tokens
    without_a = drop_documents(corpus, [Skipped("a", "test")])
    assert {t.doc_id for t in without_a.tokens} == {"b"}


def test_next_tokens_only_for_mention_ends_matches_all_pairs() -> None:
    corpus = _corpus()
    tokens = list(corpus.tokens)
    every = {
        (t.doc_id, t.span.end): n.span
        for t, n in pairwise(tokens)
        if t.doc_id == n.doc_id and t.sent_index == n.sent_index
    }
    ends = [Mention(t.doc_id, t.span, "x", "PERSON", source="crf") for t in tokens]
    texts = {doc.doc_id: doc.text for doc in corpus.documents}
    assert resolve._next_tokens(corpus, ends, texts) == every


def test_store_loaded_in_batches_holds_the_same_triples(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus()
    whole = ox.Store()
    to_store(corpus, whole)
    monkeypatch.setattr(rdf_store, "BULK_BATCH", 2)
    batched = ox.Store()
    to_store(corpus, batched)
    assert len(whole) > 2 and set(whole) == set(batched)


def test_neo4j_export_reads_oxigraph_and_rdflib_alike(tmp_path: Path) -> None:
    plain = Graph().parse(data=PREFIXES + NEWS_TTL, format="turtle")
    fast = rdf_store.new_graph()
    fast.parse(data=PREFIXES + NEWS_TTL, format="turtle")
    neo4j.export(plain, tmp_path / "plain")
    neo4j.export(fast, tmp_path / "fast")
    names = sorted(p.name for p in (tmp_path / "plain").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "fast").iterdir())
    for name in names:
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "fast" / name).read_bytes(), name
