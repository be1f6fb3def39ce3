"""One registry of what can be chosen by name: pipeline stages, NER backends and exporters.

Modelled on rdflib's ``plugin.register(name, kind, module_path, class_name)``: a name maps to
``module:attribute`` and the module is imported only when the plugin is loaded, so
``kg export --to neo4j`` never imports pyvis and the CRF never imports torch. The CLI takes its
choices and ``--help`` text from here, and :func:`get` fails with a coded message naming the
valid choices. This module imports nothing from kg but :mod:`kg.errors`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from kg.errors import Errors, ExportError, KGError, NERError, PipelineError

STAGE = "stage"
NER = "ner"
EXPORTER = "exporter"


@dataclass(frozen=True)
class Plugin:
    """A name that can be chosen, and where its code is."""

    name: str
    kind: str
    module: str
    attr: str
    help: str = ""
    # Options whose values must be names of another kind: {"backend": "ner"} for the ner stage.
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def target(self) -> str:
        """``module:attr``."""
        return f"{self.module}:{self.attr}"

    def load(self) -> Any:
        """The registered object, imported on first use."""
        return getattr(importlib.import_module(self.module), self.attr)


_PLUGINS: dict[str, dict[str, Plugin]] = {STAGE: {}, NER: {}, EXPORTER: {}}


def register(
    name: str, kind: str, module: str, attr: str, *, help: str = "", choices: dict[str, str] | None = None
) -> None:
    """Register ``module:attr`` as ``name`` of ``kind``; a later registration replaces it.

    Stages run in the order they are registered.
    """
    _PLUGINS.setdefault(kind, {})[name] = Plugin(
        name, kind, module, attr, help, tuple(sorted((choices or {}).items()))
    )


def names(kind: str) -> tuple[str, ...]:
    """The names of ``kind``, in registration order."""
    return tuple(_PLUGINS[kind])


def plugins(kind: str) -> tuple[Plugin, ...]:
    """The plugins of ``kind``, in registration order."""
    return tuple(_PLUGINS[kind].values())


def get(name: str, kind: str) -> Plugin:
    """The plugin ``name`` of ``kind``.

    Raises:
        KGError: for an unknown name (a PipelineError for a stage, a NERError for a backend, an
            ExportError for an exporter), naming the valid choices.
    """
    found = _PLUGINS[kind].get(name)
    if found is None:
        raise unknown(name, kind)
    return found


def unknown(name: str, kind: str) -> KGError:
    """The coded error for an unknown ``name`` of ``kind``, naming the valid choices."""
    known = ", ".join(names(kind))
    if kind == EXPORTER:
        return ExportError(Errors.E010.format(fmt=name, known=known))
    if kind == NER:
        return NERError(Errors.E011.format(name=name, known=known))
    return PipelineError(Errors.E006.format(name=name, known=known))


def load(name: str, kind: str) -> Any:
    """The object registered as ``name`` of ``kind``, imported on first use (see :func:`get`)."""
    return get(name, kind).load()


def describe(kind: str) -> str:
    """``name (help), …`` for ``--help`` texts."""
    return ", ".join(f"{p.name} ({p.help})" if p.help else p.name for p in plugins(kind))


# The stages, in pipeline order: each module declares its STAGE (see kg.contract.Stage).
# The per-document stages come first, so a build can free tokens and sentences before the claims.
register("ingest", STAGE, "kg.stages.ingest", "STAGE")
register("segment", STAGE, "kg.stages.segment", "STAGE")
register("ner", STAGE, "kg.stages.ner", "STAGE", choices={"backend": NER})
register("resolve", STAGE, "kg.stages.resolve", "STAGE")
register("attribute", STAGE, "kg.stages.attribute", "STAGE")
register("interactions", STAGE, "kg.stages.interactions", "STAGE")
register("claims", STAGE, "kg.stages.claims", "STAGE")

# NER backends: a factory taking the backend's keyword options, giving an object with tag().
register("crf", NER, "kg.ner.crf", "CRFBackend", help="the shipped CRF model")
register("camel", NER, "kg.ner.camel", "CamelBackend", help="CAMeL Tools; needs `camel_data -i ner`")
register("lexicon", NER, "kg.ner.lexicon", "LexiconBackend", help="gazetteers and rules only: tags nothing")

# Exporters: export(graph, path) -> list of files written.
register("turtle", EXPORTER, "kg.export.rdf", "export_turtle")
register("ntriples", EXPORTER, "kg.export.rdf", "export_ntriples")
register("jsonld", EXPORTER, "kg.export.rdf", "export_jsonld")
register("rdfxml", EXPORTER, "kg.export.rdf", "export_rdfxml")
register("graphml", EXPORTER, "kg.export.graphml", "export")
register("neo4j", EXPORTER, "kg.export.neo4j", "export")
register("html", EXPORTER, "kg.export.html", "export")
register("ontology", EXPORTER, "kg.export.ontology", "export", help="the OWL ontology as ontology.ttl")
