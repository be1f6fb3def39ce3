"""The pipeline: an ordered list of stages, checked before any document is read.

Each stage module declares ``NAME``, ``REQUIRES`` and ``PROVIDES`` (``Corpus`` field names) and
``run(corpus) -> Corpus``. :func:`validate` reports every unmet requirement in one error;
:func:`run` checks each hand-off and names the stage in any error.
"""

from __future__ import annotations

import dataclasses
import importlib
import multiprocessing
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from kg.errors import Errors, KGError, PipelineError
from kg.model import Corpus, Document, Skipped

STAGES: tuple[str, ...] = ("ingest", "segment", "ner", "resolve", "attribute", "claims", "interactions")
_MODULES = {name: f"kg.stages.{name}" for name in STAGES}

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RunReport:
    """What a run did: seconds per stage."""

    timings: dict[str, float] = field(default_factory=dict)


def load_stage(name: str) -> ModuleType:
    """Import the module of stage ``name``.

    Raises:
        PipelineError: for an unknown stage.
    """
    if name not in _MODULES:
        raise PipelineError(Errors.E006.format(name=name, known=", ".join(STAGES)))
    return importlib.import_module(_MODULES[name])


def validate(stages: Sequence[str] = STAGES, *, provided: Iterable[str] = ()) -> None:
    """Check that every stage's requirements are provided by an earlier stage.

    Args:
        stages: stage names in order.
        provided: corpus fields already filled before the first stage.

    Raises:
        PipelineError: listing every unmet requirement at once.
    """
    provided = set(provided)
    problems = []
    for name in stages:
        module = load_stage(name)
        missing = [need for need in module.REQUIRES if need not in provided]
        if missing:
            problems.append(
                Errors.E003.format(stage=name, missing=", ".join(missing), stages=", ".join(stages))
            )
        provided.update(module.PROVIDES)
    if problems:
        raise PipelineError("\n".join(problems))


def filled_fields(corpus: Corpus) -> set[str]:
    """Names of the corpus fields that hold something."""
    return {f.name for f in dataclasses.fields(corpus) if getattr(corpus, f.name)}


def run(
    inputs: Iterable[str | Path],
    *,
    stages: Sequence[str] = STAGES,
    corpus: Corpus | None = None,
    options: dict[str, dict[str, object]] | None = None,
    progress: Progress | None = None,
    on_error: str = "skip",
    jobs: int = 1,
) -> tuple[Corpus, RunReport]:
    """Run ``stages`` over ``inputs`` and return the filled corpus and timings.

    Args:
        inputs: files or folders to read (the ``ingest`` stage).
        stages: stage names in order; checked with :func:`validate` first.
        corpus: a corpus to start from (e.g. one loaded for ``--append``).
        options: keyword arguments per stage name, e.g. ``{"ner": {"backend": "crf"}}``.
        progress: called as ``progress(stage, index, total)`` before each stage.
        on_error: ``"skip"`` drops a document that a per-document stage fails on (and lists it as
            skipped); ``"raise"`` stops the run with an error naming the stage and document.
        jobs: worker processes for the per-document stages (1 = in this process).

    Raises:
        PipelineError: when the stage list is invalid or a stage returns something else than a Corpus.
    """
    corpus = corpus or Corpus()
    validate(stages, provided=filled_fields(corpus))
    timings: dict[str, float] = {}
    for index, name in enumerate(stages):
        if progress:
            progress(name, index, len(stages))
        module = load_stage(name)
        started = time.perf_counter()
        kwargs = dict((options or {}).get(name, {}))
        if name == "ingest":
            kwargs["inputs"] = inputs
        if getattr(module, "PER_DOCUMENT", False):
            corpus = run_per_document(module, corpus, kwargs, on_error=on_error, jobs=jobs)
        else:
            corpus = _checked(name, module.run(corpus, **kwargs))
        timings[name] = time.perf_counter() - started
    return corpus, RunReport(timings)


def _checked(name: str, result: object) -> Corpus:
    if not isinstance(result, Corpus):
        raise PipelineError(Errors.E004.format(stage=name, got=type(result).__name__))
    return result


# Corpus fields whose records belong to one document (they have a ``doc_id``).
DOCUMENT_FIELDS = ("sentences", "tokens", "mentions", "roles", "statements", "interactions")


def run_per_document(
    module: ModuleType, corpus: Corpus, kwargs: dict[str, object], *, on_error: str, jobs: int = 1
) -> Corpus:
    """Run a per-document stage on each document's own slice of the corpus.

    With ``jobs > 1`` the documents are processed in worker processes (forked, so they share the
    corpus without copying it); results come back in document order, so the output does not
    depend on ``jobs``. A document whose processing fails is dropped from the corpus (with
    everything derived from it) and listed as skipped with the stage and the error, unless
    ``on_error == "raise"``.
    """
    global _SHARED
    count = len(corpus.documents)
    if jobs > 1 and count >= 2 * _CHUNK:
        _SHARED = (module.__name__, corpus, group_by_document(corpus), kwargs, on_error)
        try:
            chunks = [(start, min(start + _CHUNK, count)) for start in range(0, count, _CHUNK)]
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                parts = list(pool.imap(_process_range, chunks))
        finally:
            _SHARED = None
    else:
        parts = [_process_slices(module, corpus, range(count), group_by_document(corpus), kwargs, on_error)]
    outputs: dict[str, list] = {name: [] for name in module.PROVIDES}
    failed: list[Skipped] = []
    for part_outputs, part_failed in parts:
        for name in module.PROVIDES:
            outputs[name].extend(part_outputs[name])
        failed.extend(part_failed)
    corpus = corpus.replace(**{name: tuple(records) for name, records in outputs.items()})
    return drop_documents(corpus, failed) if failed else corpus


_CHUNK = 64
_SHARED: tuple[str, Corpus, dict[str, dict[str, list]], dict[str, object], str] | None = None


def _process_range(bounds: tuple[int, int]) -> tuple[dict[str, list], list[Skipped]]:
    """Worker: process documents ``start..end`` of the corpus shared at fork time."""
    if _SHARED is None:
        raise PipelineError("worker started without a shared corpus")
    module_name, corpus, grouped, kwargs, on_error = _SHARED
    module = importlib.import_module(module_name)
    return _process_slices(module, corpus, range(*bounds), grouped, kwargs, on_error)


def _process_slices(
    module: ModuleType,
    corpus: Corpus,
    indexes: range,
    grouped: dict[str, dict[str, list]],
    kwargs: dict[str, object],
    on_error: str,
) -> tuple[dict[str, list], list[Skipped]]:
    outputs: dict[str, list] = {name: [] for name in module.PROVIDES}
    failed: list[Skipped] = []
    for doc, part in document_slices(corpus, indexes, grouped):
        try:
            result = _checked(module.NAME, module.run(part, **kwargs))
        except KGError:
            raise  # a configuration problem (e.g. a missing model), not a bad document
        except Exception as error:
            if on_error == "raise":
                raise PipelineError(
                    Errors.E005.format(stage=module.NAME, doc_id=doc.doc_id, error=error)
                ) from error
            failed.append(Skipped(doc.source_path or doc.doc_id, f"stage '{module.NAME}' failed: {error!r}"))
            continue
        for name in module.PROVIDES:
            outputs[name].extend(getattr(result, name))
    return outputs, failed


def group_by_document(corpus: Corpus) -> dict[str, dict[str, list]]:
    """The records of every per-document field, grouped by document id (one pass)."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in DOCUMENT_FIELDS:
        for record in getattr(corpus, name):
            grouped[record.doc_id][name].append(record)
    return grouped


def document_slices(
    corpus: Corpus, indexes: Iterable[int] | None = None, grouped: dict[str, dict[str, list]] | None = None
) -> Iterator[tuple[Document, Corpus]]:
    """Each document (of ``indexes``, default all) with a corpus holding only its records and
    the entities they refer to. ``grouped`` is :func:`group_by_document` of the corpus."""
    documents = corpus.documents if indexes is None else tuple(corpus.documents[i] for i in indexes)
    grouped = grouped if grouped is not None else group_by_document(corpus)
    entities = corpus.entity_index() if corpus.entities else {}
    for doc in documents:
        records = grouped.get(doc.doc_id, {})
        links = {
            m.mention_id: corpus.mention_entity[m.mention_id]
            for m in records.get("mentions", ())
            if m.mention_id in corpus.mention_entity
        }
        wanted = set(links.values())
        wanted |= {e for r in records.get("roles", ()) for e in (r.person, r.organization) if e}
        wanted |= {
            ref
            for e in list(wanted)
            if e in entities
            for ref in (entities[e].stands_for, entities[e].country)
            if ref
        }
        yield (
            doc,
            corpus.replace(
                documents=(doc,),
                entities=tuple(entities[e] for e in sorted(wanted) if e in entities),
                mention_entity=links,
                **{name: tuple(records.get(name, ())) for name in DOCUMENT_FIELDS},
            ),
        )


def drop_documents(corpus: Corpus, failed: list[Skipped]) -> Corpus:
    """The corpus without the documents that failed, which are listed as skipped."""
    gone = {s.source for s in failed}
    kept = tuple(d for d in corpus.documents if (d.source_path or d.doc_id) not in gone)
    ids = {d.doc_id for d in kept}
    fields = {f: tuple(r for r in getattr(corpus, f) if r.doc_id in ids) for f in DOCUMENT_FIELDS}
    return corpus.replace(documents=kept, skipped=corpus.skipped + tuple(failed), **fields)
