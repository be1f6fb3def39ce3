"""The pipeline: an ordered list of stages, checked before any document is read.

Each stage module declares ``NAME``, ``REQUIRES`` and ``PROVIDES`` (``Corpus`` field names) and
``run(corpus) -> Corpus``. :func:`validate` reports every unmet requirement in one error;
:func:`run` checks each hand-off and names the stage in any error.
"""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from kg.errors import Errors, PipelineError
from kg.model import Corpus

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
) -> tuple[Corpus, RunReport]:
    """Run ``stages`` over ``inputs`` and return the filled corpus and timings.

    Args:
        inputs: files or folders to read (the ``ingest`` stage).
        stages: stage names in order; checked with :func:`validate` first.
        corpus: a corpus to start from (e.g. one loaded for ``--append``).
        options: keyword arguments per stage name, e.g. ``{"ner": {"backend": "crf"}}``.
        progress: called as ``progress(stage, index, total)`` before each stage.

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
        result = module.run(corpus, **kwargs)
        timings[name] = time.perf_counter() - started
        if not isinstance(result, Corpus):
            raise PipelineError(Errors.E004.format(stage=name, got=type(result).__name__))
        corpus = result
    return corpus, RunReport(timings)
