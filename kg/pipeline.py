"""The pipeline: an ordered list of stages, checked before any document is read.

Each stage module declares a :class:`~kg.contract.Stage` (name, requires, provides, scope,
typed options and, for a corpus stage, an optional ``update``), registered in
:mod:`kg.registry`. :class:`Pipeline` checks the stages and their options when it is made
(every unmet requirement and bad option in one error) and runs them; with ``base`` (the state of
a previous build) a run is an append. :func:`run` makes and runs a pipeline in one call.
"""

from __future__ import annotations

import dataclasses
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg import registry
from kg.arabic.normalize import key
from kg.contract import Stage, unwrap
from kg.errors import Errors, KGError, PipelineError
from kg.memory import set_aside
from kg.model import Corpus, Document, Entity, Skipped, TokenTable
from kg.runners import InProcessRunner, Report, Runner, open_runner
from kg.state import State, merge

if TYPE_CHECKING:
    from distributed import Client

# The stages in the order of kg.registry (per-document ones first, so a build can free tokens
# and sentences before the claims).
STAGES: tuple[str, ...] = registry.names(registry.STAGE)

Progress = Callable[[str, int, int], None]
# What a corpus stage works through, named in its progress label; the other stages count documents.
_COUNTED = {"resolve": "mentions", "claims": "statements"}
# The reason an append skips a document whose id the graph already has.
ALREADY_IN_GRAPH = "already in the graph"


@dataclass(frozen=True)
class RunReport:
    """What a run did: seconds per stage, how many records of each field it released (see
    ``release`` in :meth:`Pipeline.run`), what the build keeps of a stage beside the corpus (see
    :class:`~kg.contract.Kept`; the build takes it out) and, for an append, the part of the corpus
    made of the new documents only."""

    timings: dict[str, float] = field(default_factory=dict)
    released: dict[str, int] = field(default_factory=dict)
    kept: dict[str, object] = field(default_factory=dict)
    added: Corpus | None = None


def load_stage(name: str) -> Stage:
    """The declaration of stage ``name``.

    Raises:
        PipelineError: for an unknown stage, or a module whose ``STAGE`` is no Stage.
    """
    stage = registry.load(name, registry.STAGE)
    if not isinstance(stage, Stage):
        raise PipelineError(Errors.E070.format(stage=name, problems="its STAGE is no kg.contract.Stage"))
    return stage


def validate(
    stages: Sequence[str] = STAGES,
    *,
    provided: Iterable[str] = (),
    options: Mapping[str, Mapping[str, object]] | None = None,
) -> None:
    """Check that every stage's requirements are provided by an earlier stage, and that every
    option names a stage, one of its options and, for a choice, a registered name.

    Args:
        stages: stage names in order.
        provided: corpus fields already filled before the first stage.
        options: option values per stage name, as :class:`Pipeline` takes them.

    Raises:
        PipelineError: listing every unmet requirement and bad option at once.
    """
    Pipeline(stages, options, provided=provided)


def option_problems(options: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Coded messages for each option of ``options`` that no stage takes or whose value is not
    one of its registered choices (``{"ner": {"backend": "crff"}}``)."""
    problems = []
    for name, values in options.items():
        if name not in STAGES:
            problems.append(Errors.E006.format(name=name, known=", ".join(STAGES)))
            continue
        known = stage_options(name)
        choices = dict(registry.get(name, registry.STAGE).choices)
        for option, value in values.items():
            if option not in known:
                listed = ", ".join(known) or "none"
                problems.append(Errors.E027.format(option=option, stage=name, known=listed))
            elif option in choices and value not in registry.names(choices[option]):
                problems.append(str(registry.unknown(str(value), choices[option])))
    return problems


def stage_options(name: str) -> tuple[str, ...]:
    """The option names of stage ``name`` (the fields of its options object)."""
    return load_stage(name).option_names()


def filled_fields(corpus: Corpus) -> set[str]:
    """Names of the corpus fields that hold something."""
    return {f.name for f in dataclasses.fields(corpus) if getattr(corpus, f.name)}


class Pipeline:
    """Stages in order with their options, checked when the pipeline is made.

    Args:
        stages: stage names in order (default: every registered stage).
        options: option values per stage name, e.g. ``{"ner": {"backend": "crf"}}``; each stage
            turns its own into its options object.
        provided: corpus fields already filled before the first stage (a run from a corpus).

    Raises:
        PipelineError: listing every unknown stage, unmet requirement and bad option at once.
    """

    def __init__(
        self,
        stages: Sequence[str] = STAGES,
        options: Mapping[str, Mapping[str, object]] | None = None,
        *,
        provided: Iterable[str] = (),
    ) -> None:
        options = options or {}
        problems = option_problems(options)
        declared = [load_stage(name) for name in stages]
        problems += unmet(declared, provided)
        if problems:
            raise PipelineError("\n".join(problems))
        self.stages: tuple[Stage, ...] = tuple(declared)
        self.options = {stage.name: stage.make_options(options.get(stage.name, {})) for stage in declared}

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(stage.name for stage in self.stages)

    def run(
        self,
        inputs: Iterable[str | Path],
        *,
        base: State | None = None,
        corpus: Corpus | None = None,
        progress: Progress | None = None,
        on_error: str = "skip",
        jobs: int = 1,
        dask: str | Client | None = None,
        release: Sequence[str] = (),
    ) -> tuple[Corpus, RunReport]:
        """Run the stages over ``inputs`` and return the filled corpus and what the run did.

        Args:
            inputs: files, folders or fsspec URLs to read (the ``ingest`` stage).
            base: the state of a previous build to add ``inputs`` to (an append): documents
                already in it are skipped, the others go through every stage on their own, except
                that a stage with an ``update`` adds them to ``base`` instead; the returned corpus
                is the merged one, and the report's ``added`` the new documents' part.
            corpus: a corpus to start from (its filled fields count as provided).
            progress: called as ``progress(label, index, total)`` before each stage, where the
                label is the stage name with what it works through (``"ner: 812 documents"``,
                ``"claims: 1,204 statements"``; ``"ingest"`` alone), and as ``progress("stage:
                done/all chunks", index, total)`` as a per-document stage advances.
            on_error: ``"skip"`` drops a document that a per-document stage fails on (and lists it
                as skipped); ``"raise"`` stops the run with an error naming the stage and document.
            jobs: worker processes for the per-document stages (1 = in this process).
            dask: run the per-document stages on this Dask cluster instead (a scheduler address
                such as ``tcp://10.0.0.5:8786``, or a ``distributed.Client``); the corpus stages
                run here.
            release: corpus fields (``tokens``, ``sentences``) to empty as soon as no later stage
                requires them, so their memory is free for the stages after; the report counts
                them.

        A run whose first stage leaves no document stops there.

        Raises:
            PipelineError: when the requirements are not met by ``corpus``, a stage returns
                something else than a Corpus, or the Dask scheduler cannot be used.
        """
        if corpus is not None and (problems := unmet(self.stages, filled_fields(corpus))):
            raise PipelineError("\n".join(problems))
        corpus = corpus or Corpus()
        if not any(stage.per_document for stage in self.stages):
            dask = None  # nothing to send to a cluster: do not connect
        report = RunReport()
        with open_runner(jobs=jobs, dask=dask) as runner:
            for index, stage in enumerate(self.stages):
                corpus = _released(corpus, release, self.stages[index:], report.released)
                if progress:
                    progress(stage_label(stage.name, corpus), index, len(self.stages))
                started = time.perf_counter()
                work = _Work(
                    inputs,
                    base,
                    on_error,
                    runner,
                    _chunk_progress(progress, stage.name, index, len(self.stages)),
                )
                corpus = self._run_stage(stage, corpus, work, report.kept)
                set_aside()  # inside kg.build, the records made so far leave the cyclic collector's sight
                report.timings[stage.name] = time.perf_counter() - started
                if index == 0 and "documents" in stage.provides:
                    corpus = _without_known(corpus, base)
                    if not corpus.documents:
                        break
        corpus = _released(corpus, release, (), report.released)
        if base is None:
            return corpus, report
        if not corpus.documents:
            merged = base.corpus.replace(skipped=base.corpus.skipped + corpus.skipped)
        else:
            merged = merge(base.corpus, corpus)
        return merged, dataclasses.replace(report, added=corpus)

    def _run_stage(self, stage: Stage, corpus: Corpus, work: _Work, kept: dict[str, object]) -> Corpus:
        """``stage`` on ``corpus``: per document, as an update of the base, or on the whole corpus;
        what a corpus stage keeps for the build goes into ``kept``."""
        options = self.options[stage.name]
        if stage.per_document:
            return run_per_document(
                stage, corpus, options, on_error=work.on_error, runner=work.runner, report=work.report
            )
        if work.base is not None and stage.update is not None:
            return _checked(stage.name, stage.apply_update(work.base, corpus, options))
        extra = {"inputs": work.inputs} if stage.name == "ingest" else {}
        result, value = unwrap(stage(corpus, options, **extra))
        if value is not None:
            kept[stage.name] = value
        return _checked(stage.name, result)


@dataclass(frozen=True)
class _Work:
    """What a stage of a run works with besides the corpus and its options."""

    inputs: Iterable[str | Path]
    base: State | None
    on_error: str
    runner: Runner
    report: Report | None


def unmet(stages: Sequence[Stage], provided: Iterable[str]) -> list[str]:
    """Coded messages for each stage that needs a field neither ``provided`` nor an earlier stage
    fills."""
    available = set(provided)
    problems = []
    names = ", ".join(stage.name for stage in stages)
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            problems.append(Errors.E003.format(stage=stage.name, missing=", ".join(missing), stages=names))
        available.update(stage.provides)
    return problems


def _without_known(corpus: Corpus, base: State | None) -> Corpus:
    """``corpus`` without the documents ``base`` already has (listed as skipped)."""
    if base is None:
        return corpus
    known = {doc.doc_id for doc in base.corpus.documents}
    repeats = tuple(
        Skipped(d.source_path or d.doc_id, ALREADY_IN_GRAPH) for d in corpus.documents if d.doc_id in known
    )
    return corpus.replace(
        documents=tuple(d for d in corpus.documents if d.doc_id not in known),
        skipped=corpus.skipped + repeats,
    )


def run(
    inputs: Iterable[str | Path],
    *,
    stages: Sequence[str] = STAGES,
    corpus: Corpus | None = None,
    options: Mapping[str, Mapping[str, object]] | None = None,
    base: State | None = None,
    progress: Progress | None = None,
    on_error: str = "skip",
    jobs: int = 1,
    dask: str | Client | None = None,
    release: Sequence[str] = (),
) -> tuple[Corpus, RunReport]:
    """Make a :class:`Pipeline` of ``stages`` and ``options`` (checked against what ``corpus``
    provides) and run it; the other arguments are those of :meth:`Pipeline.run`.

    Raises:
        PipelineError: when the stage list or an option is invalid (before anything runs), a
            stage returns something else than a Corpus, or the Dask scheduler cannot be used.
    """
    provided = filled_fields(corpus) if corpus is not None else set()
    pipeline = Pipeline(stages, options, provided=provided)
    return pipeline.run(
        inputs,
        base=base,
        corpus=corpus,
        progress=progress,
        on_error=on_error,
        jobs=jobs,
        dask=dask,
        release=release,
    )


def stage_label(name: str, corpus: Corpus) -> str:
    """The progress label of stage ``name`` about to run on ``corpus``: ``"ner: 812 documents"``."""
    if name == "ingest":
        return name
    counted = _COUNTED.get(name, "documents")
    return f"{name}: {len(getattr(corpus, counted)):,} {counted}"


def _released(
    corpus: Corpus, fields: Sequence[str], later: Sequence[Stage], counts: dict[str, int]
) -> Corpus:
    """``corpus`` with those of ``fields`` that no stage of ``later`` requires emptied; their
    record counts are added to ``counts``."""
    needed = {need for stage in later for need in stage.requires}
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
    """``result``, which must be a Corpus."""
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
    stage: Stage,
    corpus: Corpus,
    options: object,
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
    task = StageTask(stage.name, options, on_error)
    work = PerDocumentWork(task, corpus, group_by_document(corpus))
    parts = (runner or InProcessRunner()).run(work, report=report)
    outputs: dict[str, list] = {name: [] for name in stage.provides}
    failed: list[Skipped] = []
    for part_outputs, part_failed in parts:
        for name in stage.provides:
            outputs[name].extend(part_outputs[name])
        failed.extend(part_failed)
    corpus = corpus.replace(**{name: tuple(records) for name, records in outputs.items()})
    return drop_documents(corpus, failed) if failed else corpus


@dataclass(frozen=True)
class StageTask:
    """What a worker needs, besides the documents, to run a per-document stage (picklable)."""

    stage: str
    options: object
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
    stage = load_stage(task.stage)
    outputs: dict[str, list] = {name: [] for name in stage.provides}
    failed: list[Skipped] = []
    for doc, part in slices:
        try:
            result = _checked(stage.name, unwrap(stage(part, task.options))[0])
        except KGError:
            raise  # a configuration problem (e.g. a missing model), not a bad document
        except Exception as error:
            if task.on_error == "raise":
                raise PipelineError(
                    Errors.E005.format(stage=stage.name, doc_id=doc.doc_id, error=error)
                ) from error
            failed.append(Skipped(doc.source_path or doc.doc_id, f"stage '{stage.name}' failed: {error!r}"))
            continue
        for name in stage.provides:
            outputs[name].extend(getattr(result, name))
    return outputs, failed


def group_by_document(corpus: Corpus) -> dict[str, dict[str, list]]:
    """The records of every per-document field but the tokens, grouped by document id (one pass)."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in _GROUPED_FIELDS:
        for record in getattr(corpus, name):
            grouped[record.doc_id][name].append(record)
    return grouped


# A country's army, which a document may name only by a gentilic on a noun of armed forces
# (القوات الإسرائيلية: force_actor in kg/stages/interactions.py) when another document of the
# corpus names it (الجيش الإسرائيلي). A gentilic on other nouns stays the country, so governments
# are not added.
_ARMY_KEY = f"org:{key('الجيش')}:"


def national_armies(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """Country entity id -> the ids of its army entities, for document slices."""
    armies: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        if entity.country and entity.key.startswith(_ARMY_KEY):
            armies[entity.country].append(entity.entity_id)
    return armies


def document_slices(
    corpus: Corpus, indexes: Iterable[int] | None = None, grouped: dict[str, dict[str, list]] | None = None
) -> Iterator[tuple[Document, Corpus]]:
    """Each document (of ``indexes``, default all) with a corpus holding only its records and
    the entities they refer to. ``grouped`` is :func:`group_by_document` of the corpus."""
    documents = corpus.documents if indexes is None else tuple(corpus.documents[i] for i in indexes)
    grouped = grouped if grouped is not None else group_by_document(corpus)
    entities = corpus.entity_index() if corpus.entities else {}
    armies = national_armies(entities.values())
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
        wanted |= {army for e in list(wanted) for army in armies.get(e, ())}
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
