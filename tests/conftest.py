"""Shared fixtures: real Arabic news sentences (written for these tests, not taken from the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Corpus, Document

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def build_texts(factory: pytest.TempPathFactory, name: str, texts: dict[str, str]) -> Corpus:
    """Run the whole pipeline on one file per text (the key is the document id)."""
    import kg

    folder = factory.mktemp(name)
    for doc_id, text in texts.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    built, _ = kg.run_pipeline([folder])
    return built


def entity_label(corpus: Corpus, entity_id: str | None) -> str | None:
    """The canonical name of an entity of ``corpus``, or None."""
    entities = {e.entity_id: e for e in corpus.entities}
    return entities[entity_id].canonical if entity_id in entities else None


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def lebanon_doc() -> Document:
    path = ARTICLES / "wire_lebanon.txt"
    return Document(doc_id=path.stem, text=path.read_text(encoding="utf-8"), source_path=str(path))


@pytest.fixture
def small_corpus(lebanon_doc: Document) -> Corpus:
    return Corpus(documents=(lebanon_doc,))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test articles built once with `kg build` into a temporary output folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("built")
    build([ARTICLES], out, ner_backend="lexicon")
    return out
