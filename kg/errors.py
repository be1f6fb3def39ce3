"""Errors and warnings: one small hierarchy with coded, actionable messages."""

from __future__ import annotations


class Errors:
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
