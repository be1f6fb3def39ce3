"""Errors and warnings: one small hierarchy with coded, actionable messages.

Every message starts with its code, as spaCy's do: ``Errors.E001`` reads
``"[E001] Input path {path} does not exist. …"``, so a user can quote the code and find it in the
README's troubleshooting list (:func:`catalogue` writes that list; a test keeps the two equal).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


class ErrorsWithCodes(type):
    """A metaclass that puts ``[CODE] `` before each message read as a class attribute."""

    def __getattribute__(cls, code: str) -> Any:
        message = super().__getattribute__(code)
        if code.startswith("__") or not isinstance(message, str):
            return message
        return f"[{code}] {message}"


class Warnings(metaclass=ErrorsWithCodes):
    """Warning templates: something was left out or may be worse than it could be."""

    W001 = "{count} inputs skipped, listed in report.md:"
    W002 = (
        "kg.arabic.lexicons.gazetteer() changed since the NER model was trained; retrain for best "
        "accuracy: {rebuild}"
    )


class Errors(metaclass=ErrorsWithCodes):
    """Message templates. Each says what was wrong and what to do."""

    E001 = "Input path {path} does not exist. Pass .txt/.jsonl/.html files or folders of them."
    E002 = "No usable documents in {inputs}: {skipped} inputs were skipped:\n{reasons}"
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
    E014 = "--dask needs dask.distributed, which is not installed: pip install 'kg[dask]'."
    E015 = (
        "Cannot connect to the Dask scheduler at {address}: {error}. Check the address (as printed by "
        "`dask scheduler`, e.g. tcp://10.0.0.5:8786) and that the scheduler is running and reachable; "
        "the wait is set by DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT (e.g. 10s)."
    )
    E016 = "Reading {url} needs fsspec: pip install 'kg[dask]' (or pip install fsspec)."
    E017 = (
        "Cannot read {url}: {error}. Install the fsspec plugin for its protocol "
        "(e.g. s3fs for s3://, gcsfs for gs://, adlfs for az://) and check the URL."
    )
    E018 = "Unknown document id mode '{mode}'. Choose one of: {known}."
    E019 = "{count} inputs were skipped (strict mode, nothing written):\n{listed}"

    # E020-E029: NER backends, the ontology files, the pipeline's workers
    E020 = "The camel backend needs camel-tools and torch ({error}). Install: {hint}"
    E021 = "CAMeL Tools could not load its data catalogue ({error}). Install: {hint}"
    E022 = "Cannot load the {where} ({error!r}). Install it with: {hint}"
    E023 = "NER model {path} is missing. Rebuild it with: {rebuild}"
    E024 = "NER word table {path} is missing. Rebuild the model with: {rebuild}"
    E025 = "The ontology files were not found (looked in {tried}). Install kg from a source checkout."
    E026 = "A worker process started without the work to share: run the pipeline through kg.pipeline.run."
    E027 = "Unknown option '{option}' of stage '{stage}'. Its options: {known}."
    E028 = "jobs is {jobs}: give 1 or more worker processes."
    E029 = "Unknown build option '{name}'. Options: {known}."

    # E030-E039: the on-disk store and incremental builds
    E030 = (
        "Cannot open the graph store {path}: {error}. If a build is writing it, wait until it ends; "
        "otherwise rebuild the folder with `kg build ... -o` (graph.ttl there still holds the graph)."
    )
    E031 = (
        "Nothing to append to in {path}: it holds no kg build (state.pickle and store/ are written by "
        "`kg build`). Build it first without --append."
    )
    E032 = (
        "Cannot read the build state {path} ({error}); it was written by another kg version or is "
        "damaged. Rebuild the folder without --append."
    )

    # E040-E049: kg query and kg serve
    E040 = (
        "Cannot bind ?{name}: the query has no variable of that name. Bind one of its variables "
        "({known}) or fix the name."
    )
    E041 = (
        "Federated queries are not allowed: this endpoint does not call other endpoints (SERVICE). "
        "Query the graph alone, or run the federated query from your own SPARQL client."
    )
    E042 = (
        "Cannot answer as {accept}: these results can be written as {offered}. Send one of these in Accept."
    )
    E043 = (
        "Cannot tell the output format from '{path}'. Give --format ({known}) or a file ending in {suffixes}."
    )
    E044 = "Give GRAPH (an output folder or graph file), or --list."
    E045 = "Give exactly one of SPARQL, -f FILE.rq (- for stdin) or --name NAME."
    E046 = "'{text}' is not VAR=VALUE: give --bind a variable name, '=' and its value."
    E047 = "Not found: the endpoint is /sparql (shipped queries: /queries)."
    E048 = "Result larger than the response limit: add a LIMIT."
    E049 = "Query too long: send at most {limit} bytes."
    E050 = "Use GET or POST."
    E051 = "Missing the 'query' parameter."
    E052 = "No shipped query '{name}'; /queries lists them."
    E053 = "Bad page or binding: {error}"
    E054 = "Query exceeded the {seconds:g} s time limit."
    E055 = "Malformed query: {error}"
    E056 = "Query failed: {error}"

    # E060-E069: exports
    E060 = "{path} is a file; give a folder path for the Neo4j export."
    E061 = (
        "{path} holds files a Neo4j export does not write ({names}); choose a new or empty folder, "
        "since the export replaces the whole folder."
    )
    E062 = "No Cypher schema for {target!r}; choose one of {known}."

    # E070-E079: stage declarations (kg/contract.py)
    E070 = "Stage '{stage}' is declared wrongly: {problems}."

    # E080-E089: the lexicon files of kg/resources (a broken or hand-edited file)
    E080 = (
        "{path}:{line}: header {found} is not {expected}. Write those column names in that order, "
        "separated by tabs, or reinstall kg to get the shipped file back."
    )
    E081 = (
        "{path}: no header line {expected}. Put those column names, separated by tabs, before the first "
        "row, or reinstall kg to get the shipped file back."
    )
    E082 = (
        "{path}:{line}: expected {expected} tab-separated columns, found {found}. Give that line one cell "
        "per column (the file's header comments say what each holds), or reinstall kg to get the shipped "
        "file back."
    )
    E083 = (
        "{path}:{line}: {problem}. Fix that line (the file's header comments say what each column holds), "
        "or reinstall kg to get the shipped file back."
    )
    E084 = (
        "{path}: {name!r} is listed for both {first} and {second} ({lines}); a name may stand for one "
        "record only. Remove it from one of the two rows."
    )
    E085 = (
        "{path} has no {kind} class '{name}', which kg reads. Add its row back (class, match, words, "
        "source), or reinstall kg to get the shipped file back."
    )
    E086 = "{path} holds no {what}. Add its rows back, or reinstall kg to get the shipped file back."


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


class NERError(KGError, ValueError):
    """An NER backend cannot be loaded or used; the message says what to do."""


class LexiconError(KGError, ValueError):
    """A lexicon file of ``kg/resources`` is malformed: the message names the file and line."""


def line_of(path: Path, text: str) -> int | str:
    """The number of the first line of ``path`` that is ``text``, for a message; ``?`` if none is."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(text) + 1 if text in lines else "?"


def _templates(kind: type) -> dict[str, str]:
    """Code → template of ``kind`` (:class:`Errors` or :class:`Warnings`), in code order."""
    codes = sorted(name for name in vars(kind) if re.fullmatch(r"[EW]\d{3}", name))
    return {code: vars(kind)[code] for code in codes}


def catalogue() -> str:
    """The README's troubleshooting list: one Markdown line per code, ``{field}`` as written."""
    lines = []
    for kind in (Errors, Warnings):
        for code, template in _templates(kind).items():
            text = " ".join(template.split())
            lines.append(f"- `{code}` {text}")
    return "\n".join(lines) + "\n"
