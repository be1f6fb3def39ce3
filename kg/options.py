"""Build options: one frozen, checked object from the CLI and the Python API to the pipeline.

``kg build`` makes a :class:`BuildOptions` from its flags and :func:`kg.build.build` from its
keyword arguments, so both have the same defaults (a test compares them). Every name is checked
against :mod:`kg.registry` when the object is made, before any input is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from kg import ids, registry
from kg.errors import Errors, ExportError, InputError, PipelineError
from kg.stages.ingest import DOC_ID_MODES

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_OUTPUTS: tuple[str, ...] = ("turtle", "html", "neo4j")


def all_cores() -> int:
    """The default number of worker processes: one per core."""
    return os.cpu_count() or 1


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """How to build a graph.

    Attributes:
        ner_backend: a registered NER backend: ``crf`` (shipped model), ``camel`` (CAMeL Tools,
            needs its data) or ``lexicon`` (gazetteers and rules only).
        jobs: worker processes for the per-document stages (all cores by default).
        dask: run the per-document stages on this Dask cluster: a scheduler address
            (``tcp://host:8786``) or a ``distributed.Client``; ``jobs`` is then ignored.
        outputs: export formats written beside report.md (registered exporters).
        base_iri: namespace of the data IRIs.
        strict: fail, writing nothing, when any input or document was skipped.
        append: add the inputs to the graph already built in the output folder.
        doc_id: a file's document id: ``"name"`` (its name without extension) or ``"path"``
            (its path relative to the input folder without extension).
        stages: pipeline stages to run, in order.
    """

    ner_backend: str = "crf"
    jobs: int = field(default_factory=all_cores)
    dask: str | Client | None = None
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    base_iri: str = ids.DEFAULT_BASE_IRI
    strict: bool = False
    append: bool = False
    doc_id: str = "name"
    stages: tuple[str, ...] = registry.names(registry.STAGE)

    def __post_init__(self) -> None:
        # Sequences given as lists are kept as tuples, so the options stay hashable and frozen.
        object.__setattr__(self, "outputs", tuple(self.outputs))
        object.__setattr__(self, "stages", tuple(self.stages))
        registry.get(self.ner_backend, registry.NER)
        for name in self.outputs:
            registry.get(name, registry.EXPORTER)
        for name in self.stages:
            registry.get(name, registry.STAGE)
        if self.doc_id not in DOC_ID_MODES:
            raise InputError(Errors.E018.format(mode=self.doc_id, known=", ".join(DOC_ID_MODES)))
        if self.jobs < 1:
            raise PipelineError(Errors.E028.format(jobs=self.jobs))

    def stage_options(self) -> dict[str, dict[str, object]]:
        """Keyword options per stage, as :func:`kg.pipeline.run` takes them."""
        return {"ingest": {"doc_id": self.doc_id}, "ner": {"backend": self.ner_backend}}


def with_settings(options: BuildOptions, settings: dict[str, Any]) -> BuildOptions:
    """``options`` with the fields named in ``settings`` replaced (``{"jobs": 2}``).

    Raises:
        PipelineError: for a name that is no option, naming the options.
    """
    known = [f.name for f in fields(BuildOptions)]
    unknown = [name for name in settings if name not in known]
    if unknown:
        raise PipelineError(Errors.E029.format(name=", ".join(unknown), known=", ".join(known)))
    return replace(options, **settings) if settings else options


def output_names(text: str) -> tuple[str, ...]:
    """Export format names from a comma-separated text (``none`` or nothing for none).

    Raises:
        ExportError: for an unknown name, naming the known ones (and ``none``).
    """
    names = tuple(n.strip() for n in text.split(",") if n.strip() and n.strip() != "none")
    unknown = [n for n in names if n not in registry.names(registry.EXPORTER)]
    if unknown:
        known = ", ".join([*registry.names(registry.EXPORTER), "none"])
        raise ExportError(Errors.E010.format(fmt=", ".join(unknown), known=known))
    return names
