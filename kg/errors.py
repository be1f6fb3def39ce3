"""Errors and warnings: one small hierarchy with coded, actionable messages."""

from __future__ import annotations


class Errors:
    """Message templates. Each says what was wrong and what to do."""

    E001 = "Input path {path} does not exist. Pass .txt/.jsonl/.html files or folders of them."
    E002 = "No usable documents in {inputs}: {skipped} inputs were skipped (see the report for reasons)."
    E003 = "Stage '{stage}' needs {missing}, which no earlier stage provides. Stages run: {stages}."
    E004 = "Stage '{stage}' returned {got!r} instead of a Corpus."
    E005 = "Stage '{stage}' failed on document {doc_id}: {error}"
    E006 = "Unknown stage '{name}'. Known stages: {known}."
    E007 = (
        "No graph found at {path}. Give a graph file (.ttl, .nt, .jsonld) or an output folder of `kg build`."
    )
    E008 = "Unknown query name '{name}'. Run `kg query --list` to see the shipped queries."
    E009 = "The SPARQL query could not be run: {error}"
    E010 = "Unknown export format '{fmt}'. Choose one of: {known}."
    E011 = "Unknown NER backend '{name}'. Choose one of: {known}."
    E012 = "Output folder {path} exists and is a file. Choose a folder path for -o."
    E013 = "Updates are not allowed: kg query and kg serve are read-only."


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """Bad or missing input."""


class PipelineError(KGError):
    """A stage is misconfigured or failed."""


class QueryError(KGError):
    """A query could not be found or run."""


class ExportError(KGError):
    """An export format or target is invalid."""
