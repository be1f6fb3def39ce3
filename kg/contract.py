"""The stage contract: what every pipeline stage declares, checked when a pipeline is built.

Modelled on stanza's ``Processor`` (``requires``/``provides``) and spaCy's ``add_pipe`` config (a
typed options object, checked before anything runs). Each stage module ends with one
:class:`Stage`, registered in :mod:`kg.registry`::

    STAGE = Stage("ner", requires=("documents", "tokens"), provides=("mentions",),
                  scope=DOCUMENT, run=run, options=Options)

- ``requires``/``provides``: :class:`~kg.model.Corpus` field names; a pipeline whose stage needs a
  field no earlier stage provides is refused.
- ``scope``: ``document`` stages run on each document's own slice of the corpus (in worker
  processes or on a Dask cluster); ``corpus`` stages run once on the whole corpus.
- ``options``: a frozen dataclass whose fields are the keyword arguments of ``run``; an unknown
  option fails with a coded message naming the known ones.
- ``update(previous, new)`` (corpus stages only, optional): how the stage adds the new documents'
  records to a previous build's :class:`~kg.state.State` in an append. A stage without one
  runs on the new documents alone.
- ``run`` gives a corpus, or a :class:`Kept` holding the corpus and what the build keeps of the
  stage beside it (the claims stage's statement features, from which the claim index is written).

This module imports nothing from kg but the model and the errors; no stage imports another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, PipelineError
from kg.model import Corpus

if TYPE_CHECKING:
    from kg.state import State

DOCUMENT = "document"
CORPUS = "corpus"
SCOPES = (DOCUMENT, CORPUS)


@dataclass(frozen=True)
class NoOptions:
    """The options of a stage that takes none."""


@dataclass(frozen=True)
class Kept:
    """A stage's corpus, and what the build keeps of the stage beside it (see :class:`Stage`)."""

    corpus: Corpus
    value: object


@dataclass(frozen=True)
class Stage:
    """What a pipeline stage declares (see the module docstring)."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: str
    run: Callable[..., Corpus | Kept]
    options: type = NoOptions
    update: Callable[..., Corpus] | None = None

    def __post_init__(self) -> None:
        fields = {f.name for f in dataclasses.fields(Corpus)}
        unknown = [name for name in (*self.requires, *self.provides) if name not in fields]
        problems = [f"unknown corpus fields {', '.join(unknown)}"] if unknown else []
        if self.scope not in SCOPES:
            problems.append(f"scope {self.scope!r} is none of {', '.join(SCOPES)}")
        if not dataclasses.is_dataclass(self.options):
            problems.append("its options are no dataclass")
        if self.update is not None and self.scope != CORPUS:
            problems.append("only a corpus stage can update a previous build")
        if problems:
            raise PipelineError(Errors.E070.format(stage=self.name, problems="; ".join(problems)))

    @property
    def per_document(self) -> bool:
        """Whether the stage runs on each document's slice of the corpus."""
        return self.scope == DOCUMENT

    def option_names(self) -> tuple[str, ...]:
        """The names of the stage's options."""
        return tuple(f.name for f in dataclasses.fields(self.options))

    def make_options(self, values: Mapping[str, object]) -> Any:
        """The stage's options object from ``values`` (defaults for the others).

        Raises:
            PipelineError: for a name that is no option of the stage, naming its options.
        """
        unknown = [name for name in values if name not in self.option_names()]
        if unknown:
            known = ", ".join(self.option_names()) or "none"
            problems = [Errors.E027.format(option=n, stage=self.name, known=known) for n in unknown]
            raise PipelineError("\n".join(problems))
        return self.options(**values)

    def __call__(self, corpus: Corpus, options: object = None, **extra: object) -> Corpus | Kept:
        """Run the stage on ``corpus`` with ``options`` (its options object; default: defaults)
        and ``extra`` keyword arguments (the ingest stage's inputs)."""
        chosen = options if options is not None else self.options()
        return self.run(corpus, **option_values(chosen), **extra)

    def apply_update(self, previous: State, new: Corpus, options: object = None) -> Corpus:
        """``update(previous, new)`` with the stage's options (only for a stage that has one)."""
        if self.update is None:
            raise PipelineError(Errors.E070.format(stage=self.name, problems="it has no update"))
        chosen = options if options is not None else self.options()
        return self.update(previous, new, **option_values(chosen))


def option_values(options: object) -> dict[str, object]:
    """The fields of an options object as keyword arguments (not copied deeply, unlike ``asdict``)."""
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}  # type: ignore[arg-type]


def unwrap(result: object) -> tuple[object, object]:
    """``(corpus, kept value)`` of what a stage's ``run`` gave (``None`` kept for a bare corpus)."""
    if isinstance(result, Kept):
        return result.corpus, result.value
    return result, None
