"""The pipeline: an ordered list of stages, checked before any document is read.

Each stage module declares ``NAME``, ``REQUIRES`` and ``PROVIDES`` (``Corpus`` field names) and
``run(corpus) -> Corpus``. :func:`validate` reports every unmet requirement in one error;
:func:`run` checks each hand-off and names the stage in any error.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from kg import registry
from kg.errors import Errors, KGError, PipelineError
from kg.memory import set_aside
from kg.model import Corpus, Document, Skipped, TokenTable
from kg.runners import InProcessRunner, Report, Runner, open_runner

if TYPE_CHECKING:
    from distributed import Client

# The stages in the order of kg.registry (per-document ones first, so a build can free tokens
# and sentences before the claims).
STAGES: tuple[str, ...] = registry.names(registry.STAGE)

Progress = Callable[[str, int, int], None]
# What a corpus stage works through, named in its progress label; the other stages count documents.
_COUNTED = {"resolve": "mentions", "claims": "statements"}


@dataclass(frozen=True)
class RunReport:
    """What a run did: seconds per stage, and how many records of each field it released
    (see ``release`` in :func:`run`)."""

    timings: dict[str, float] = field(default_factory=dict)
    released: dict[str, int] = field(default_factory=dict)


def load_stage(name: str) -> ModuleType:
    """Import the module of stage ``name``.

    Raises:
        PipelineError: for an unknown stage.
    """
    return importlib.import_module(registry.get(name, registry.STAGE).module)


def validate(
    stages: Sequence[str] = STAGES,
    *,
    provided: Iterable[str] = (),
    options: dict[str, dict[str, object]] | None = None,
) -> None:
    """Check that every stage's requirements are provided by an earlier stage, and that every
    option names a stage, an option of its ``run`` and, for a choice, a registered name.

    Args:
        stages: stage names in order.
        provided: corpus fields already filled before the first stage.
        options: keyword arguments per stage name, as :func:`run` takes them.

    Raises:
        PipelineError: listing every unmet requirement and bad option at once.
    """
    provided = set(provided)
    problems = option_problems(options or {})
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


def option_problems(options: dict[str, dict[str, object]]) -> list[str]:
    """Coded messages for each option of ``options`` that no stage takes or whose value is not
    one of its registered choices (``{"ner": {"backend": "crff"}}``)."""
    problems = []
    for stage, values in options.items():
        if stage not in STAGES:
            problems.append(Errors.E006.format(name=stage, known=", ".join(STAGES)))
            continue
        known = stage_options(stage)
        choices = dict(registry.get(stage, registry.STAGE).choices)
        for option, value in values.items():
            if option not in known:
                listed = ", ".join(known) or "none"
                problems.append(Errors.E027.format(option=option, stage=stage, known=listed))
            elif option in choices and value not in registry.names(choices[option]):
                problems.append(str(registry.unknown(str(value), choices[option])))
    return problems


def stage_options(name: str) -> tuple[str, ...]:
    """The options of stage ``name``: the parameters of its ``run`` after the corpus (``ingest``
    takes its inputs this way)."""
    return tuple(inspect.signature(load_stage(name).run).parameters)[1:]


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
    dask: str | Client | None = None,
    release: Sequence[str] = (),
) -> tuple[Corpus, RunReport]:
    """Run ``stages`` over ``inputs`` and return the filled corpus and timings.

    Args:
        inputs: files, folders or fsspec URLs to read (the ``ingest`` stage).
        stages: stage names in order; checked with :func:`validate` first.
        corpus: a corpus to start from (e.g. one loaded for ``--append``).
        options: keyword arguments per stage name, e.g. ``{"ner": {"backend": "crf"}}``.
        progress: called as ``progress(label, index, total)`` before each stage, where the label
            is the stage name with what it works through (``"ner: 812 documents"``, ``"claims:
            1,204 statements"``; ``"ingest"`` alone), and as ``progress("stage: done/all chunks",
            index, total)`` as a per-document stage advances.
        on_error: ``"skip"`` drops a document that a per-document stage fails on (and lists it as
            skipped); ``"raise"`` stops the run with an error naming the stage and document.
        jobs: worker processes for the per-document stages (1 = in this process).
        dask: run the per-document stages on this Dask cluster instead (a scheduler address such
            as ``tcp://10.0.0.5:8786``, or a ``distributed.Client``); the corpus stages run here.
        release: corpus fields (``tokens``, ``sentences``) to empty as soon as no later stage
            requires them, so their memory is free for the stages after; the report counts them.

    Raises:
        PipelineError: when the stage list or an option is invalid (before anything runs), a
            stage returns something else than a Corpus, or the Dask scheduler cannot be used.
    """
    corpus = corpus or Corpus()
    validate(stages, provided=filled_fields(corpus), options=options)
    modules = [load_stage(name) for name in stages]
    if not any(getattr(module, "PER_DOCUMENT", False) for module in modules):
        dask = None  # nothing to send to a cluster: do not connect
    timings: dict[str, float] = {}
    released: dict[str, int] = {}
    with open_runner(jobs=jobs, dask=dask) as runner:
        for index, (name, module) in enumerate(zip(stages, modules, strict=True)):
            corpus = _released(corpus, release, modules[index:], released)
            if progress:
                progress(stage_label(name, corpus), index, len(stages))
            started = time.perf_counter()
            kwargs = dict((options or {}).get(name, {}))
            if name == "ingest":
                kwargs["inputs"] = inputs
            if getattr(module, "PER_DOCUMENT", False):
                report = _chunk_progress(progress, name, index, len(stages))
                corpus = run_per_document(
                    module, corpus, kwargs, on_error=on_error, runner=runner, report=report
                )
            else:
                corpus = _checked(name, module.run(corpus, **kwargs))
            set_aside()  # inside kg.build, the records made so far leave the cyclic collector's sight
            timings[name] = time.perf_counter() - started
    return _released(corpus, release, [], released), RunReport(timings, released)


def stage_label(name: str, corpus: Corpus) -> str:
    """The progress label of stage ``name`` about to run on ``corpus``: ``"ner: 812 documents"``."""
    if name == "ingest":
        return name
    counted = _COUNTED.get(name, "documents")
    return f"{name}: {len(getattr(corpus, counted)):,} {counted}"


def _released(
    corpus: Corpus, fields: Sequence[str], later: Sequence[ModuleType], counts: dict[str, int]
) -> Corpus:
    """``corpus`` with those of ``fields`` that no stage of ``later`` requires emptied; their
    record counts are added to ``counts``."""
    needed = {need for module in later for need in getattr(module, "REQUIRES", ())}
    dropped = [name for name in fields if name not in needed and getattr(corpus, name)]
    if not dropped:
        return corpus
    counts.update({name: len(getattr(corpus, name)) for name in dropped})
    return corpus.replace(**{name: () for name in dropped})


def _chunk_progress(progress: Progress | None, name: str, index: int, total: int) -> Report | None:
    if progress is None:
        return None
    call = progress

    def report(done: int, chunks: int) -> None:
        call(f"{name}: {done}/{chunks} chunks", index, total)

    return report


def _checked(name: str, result: object) -> Corpus:
    if not isinstance(result, Corpus):
        raise PipelineError(Errors.E004.format(stage=name, got=type(result).__name__))
    return result


# Corpus fields whose records belong to one document (they have a ``doc_id``).
DOCUMENT_FIELDS = ("sentences", "tokens", "mentions", "roles", "statements", "interactions")
# ... of which these are grouped by document as lists of records; the tokens are a TokenTable,
# which gives one document's tokens by itself without making a record of every token.
_GROUPED_FIELDS = tuple(name for name in DOCUMENT_FIELDS if name != "tokens")

# What one chunk of a per-document stage gives back: the records of every field the stage
# provides, and the documents it failed on.
ChunkResult = tuple[dict[str, list], list[Skipped]]


def run_per_document(
    module: ModuleType,
    corpus: Corpus,
    kwargs: dict[str, object],
    *,
    on_error: str,
    runner: Runner | None = None,
    report: Report | None = None,
) -> Corpus:
    """Run a per-document stage on each document's own slice of the corpus.

    ``runner`` (default: in this process) runs the chunks of documents, in a fork pool or on a
    Dask cluster; results come back in document order, so the output does not depend on the
    runner. A document whose processing fails is dropped from the corpus (with everything derived
    from it) and listed as skipped with the stage and the error, unless ``on_error == "raise"``.
    """
    task = StageTask(module.__name__, kwargs, on_error)
    work = PerDocumentWork(task, corpus, group_by_document(corpus))
    parts = (runner or InProcessRunner()).run(work, report=report)
    outputs: dict[str, list] = {name: [] for name in module.PROVIDES}
    failed: list[Skipped] = []
    for part_outputs, part_failed in parts:
        for name in module.PROVIDES:
            outputs[name].extend(part_outputs[name])
        failed.extend(part_failed)
    corpus = corpus.replace(**{name: tuple(records) for name, records in outputs.items()})
    return drop_documents(corpus, failed) if failed else corpus


@dataclass(frozen=True)
class StageTask:
    """What a worker needs, besides the documents, to run a per-document stage (picklable)."""

    module_name: str
    kwargs: dict[str, object]
    on_error: str


@dataclass(frozen=True)
class PerDocumentWork:
    """A per-document stage over a corpus, cut into chunks for a :class:`~kg.runners.Runner`."""

    task: StageTask
    corpus: Corpus
    grouped: dict[str, dict[str, list]]

    @property
    def count(self) -> int:
        """Number of documents."""
        return len(self.corpus.documents)

    def run_chunk(self, bounds: range) -> ChunkResult:
        """Process documents ``bounds`` in this process."""
        return process_slices(self.task, document_slices(self.corpus, bounds, self.grouped))

    def remote_chunk(self, bounds: range) -> tuple[Callable[..., ChunkResult], tuple[object, ...]]:
        """:func:`process_slices` and its arguments for documents ``bounds``: only their slices."""
        return process_slices, (self.task, list(document_slices(self.corpus, bounds, self.grouped)))


def process_slices(task: StageTask, slices: Iterable[tuple[Document, Corpus]]) -> ChunkResult:
    """Run the stage of ``task`` on each ``(document, its slice of the corpus)``: the chunk function.

    Returns:
        The records of each field the stage provides, in document order, and the failed documents.

    Raises:
        PipelineError: with ``on_error="raise"``, naming the stage and the document that failed.
    """
    module = importlib.import_module(task.module_name)
    outputs: dict[str, list] = {name: [] for name in module.PROVIDES}
    failed: list[Skipped] = []
    for doc, part in slices:
        try:
            result = _checked(module.NAME, module.run(part, **task.kwargs))
        except KGError:
            raise  # a configuration problem (e.g. a missing model), not a bad document
        except Exception as error:
            if task.on_error == "raise":
                raise PipelineError(
                    Errors.E005.format(stage=module.NAME, doc_id=doc.doc_id, error=error)
                ) from error
            failed.append(Skipped(doc.source_path or doc.doc_id, f"stage '{module.NAME}' failed: {error!r}"))
            continue
        for name in module.PROVIDES:
            outputs[name].extend(getattr(result, name))
    return outputs, failed


def group_by_document(corpus: Corpus) -> dict[str, dict[str, list]]:
    """The records of every per-document field but the tokens, grouped by document id (one pass)."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in _GROUPED_FIELDS:
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
                tokens=corpus.tokens_of(doc.doc_id),
                **{name: tuple(records.get(name, ())) for name in _GROUPED_FIELDS},
            ),
        )


def drop_documents(corpus: Corpus, failed: list[Skipped]) -> Corpus:
    """The corpus without the documents that failed, which are listed as skipped."""
    gone = {s.source for s in failed}
    kept = tuple(d for d in corpus.documents if (d.source_path or d.doc_id) not in gone)
    ids = {d.doc_id for d in kept}
    fields = {f: tuple(r for r in getattr(corpus, f) if r.doc_id in ids) for f in _GROUPED_FIELDS}
    tokens = corpus.tokens.only(ids) if isinstance(corpus.tokens, TokenTable) else ()
    return corpus.replace(documents=kept, skipped=corpus.skipped + tuple(failed), tokens=tokens, **fields)
