"""kg.pipeline: stages are checked before running, and one bad document never breaks a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import PipelineError
from kg.pipeline import STAGES, run, validate
from kg.stages import attribute


def test_pipeline_stage_order_is_the_documented_one() -> None:
    assert STAGES == ("ingest", "segment", "ner", "resolve", "attribute", "interactions", "claims")


def test_pipeline_validate_reports_every_unmet_need_at_once() -> None:
    with pytest.raises(PipelineError) as error:
        validate(("ingest", "ner", "attribute"))
    message = str(error.value)
    assert "'ner' needs tokens" in message
    assert "'attribute' needs sentences" in message


def test_pipeline_unknown_stage_is_named() -> None:
    with pytest.raises(PipelineError, match="Unknown stage 'parse'"):
        validate(("ingest", "parse"))


def test_pipeline_skips_a_document_a_stage_fails_on(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = attribute.process_doc

    def failing(doc, corpus, mentions):
        if doc.doc_id == "wire_egypt":
            raise RuntimeError("boom")
        return original(doc, corpus, mentions)

    monkeypatch.setattr(attribute, "process_doc", failing)
    corpus, _ = run([articles_dir], options={"ner": {"backend": "lexicon"}})
    assert [d.doc_id for d in corpus.documents] == ["wire_lebanon"]
    assert all(s.doc_id == "wire_lebanon" for s in corpus.statements)
    assert all(m.doc_id == "wire_lebanon" for m in corpus.mentions)
    assert any("stage 'attribute' failed" in s.reason and "boom" in s.reason for s in corpus.skipped)


def test_pipeline_on_error_raise_names_stage_and_document(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(doc, corpus, mentions):
        raise RuntimeError("boom")

    monkeypatch.setattr(attribute, "process_doc", failing)
    with pytest.raises(PipelineError, match="Stage 'attribute' failed on document wire_egypt"):
        run([articles_dir], options={"ner": {"backend": "lexicon"}}, on_error="raise")


def test_pipeline_jobs_give_the_same_corpus(articles_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.runners

    monkeypatch.setattr(kg.runners, "CHUNK", 1)  # two documents → two chunks → two workers
    options = {"ner": {"backend": "lexicon"}}
    one, _ = run([articles_dir], options=options, jobs=1)
    two, _ = run([articles_dir], options=options, jobs=2)
    assert one.mentions == two.mentions
    assert one.statements == two.statements
    assert one.interactions == two.interactions


def test_pipeline_fork_pool_reports_chunk_progress(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.runners

    monkeypatch.setattr(kg.runners, "CHUNK", 1)
    steps: list[str] = []
    run(
        [articles_dir],
        options={"ner": {"backend": "lexicon"}},
        jobs=2,
        progress=lambda s, i, n: steps.append(s),
    )
    assert steps[:4] == ["ingest", "segment: 2 documents", "ner: 2 documents", "ner: 1/2 chunks"]
    assert "interactions: 2/2 chunks" in steps


@pytest.mark.parametrize(("count", "size"), [(0, 4), (1, 4), (9, 4), (8, 4), (5, 64)])
def test_pipeline_chunk_bounds_cover_every_document_once_in_order(count: int, size: int) -> None:
    from kg.runners import chunk_bounds

    chunks = chunk_bounds(count, size)
    assert [i for chunk in chunks for i in chunk] == list(range(count))
    assert all(0 < len(chunk) <= size for chunk in chunks)


def test_pipeline_releases_tokens_and_sentences_once_no_later_stage_needs_them(articles_dir: Path) -> None:
    options = {"ner": {"backend": "lexicon"}}
    kept, _ = run([articles_dir], options=options)
    released, report = run([articles_dir], options=options, release=("tokens", "sentences"))
    assert kept.tokens and kept.sentences
    assert not released.tokens and not released.sentences
    assert report.released == {"tokens": len(kept.tokens), "sentences": len(kept.sentences)}
    assert released.statements == kept.statements and released.claims == kept.claims
    assert released.interactions == kept.interactions
