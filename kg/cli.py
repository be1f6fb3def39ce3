"""The ``kg`` command: a thin shell over the Python API (``kg.build``, ``kg.query``, ``kg.export``)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from kg import registry
from kg.errors import Errors, KGError, Warnings
from kg.options import DOC_ID_MODES, BuildOptions, all_cores, output_names

if TYPE_CHECKING:
    from kg.model import Skipped

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# The defaults of kg build are those of the Python API (kg.build.build): one BuildOptions.
DEFAULTS = BuildOptions()


def _fail(error: KGError) -> click.ClickException:
    return click.ClickException(str(error))


class _StrictFailure(click.ClickException):
    """``kg build --strict`` skipped an input: exit code 2."""

    exit_code = 2


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: a knowledge graph of who said what, to whom, about whom, from Arabic news."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Output folder for store/ (the graph, for kg query/serve/export), graph.ttl, graph.html, "
    "neo4j/, report.md, and state.pickle and claims-index.sqlite (for --append).",
)
@click.option(
    "--ner",
    "ner_backend",
    type=click.Choice(registry.names(registry.NER)),
    default=DEFAULTS.ner_backend,
    show_default=True,
    help=f"NER backend: {registry.describe(registry.NER)}.",
)
@click.option("--base-iri", default=DEFAULTS.base_iri, show_default=True, help="Namespace of the data IRIs.")
@click.option(
    "-j",
    "--jobs",
    default=None,
    show_default="all cores",
    type=click.IntRange(1),
    help="Worker processes for the per-document stages (NER, statements, interactions).",
)
@click.option(
    "--dask",
    "dask_address",
    default=DEFAULTS.dask,
    metavar="ADDRESS",
    help="Run the per-document stages on the Dask cluster whose scheduler is at ADDRESS "
    "(e.g. tcp://10.0.0.5:8786; needs `pip install 'kg[dask]'`); replaces --jobs.",
)
@click.option(
    "--append",
    is_flag=True,
    help="Add INPUTS to the graph already built in the output folder instead of replacing it "
    "(documents already there are skipped; new mentions join existing entities, new statements "
    "existing claims).",
)
@click.option(
    "--outputs",
    default=",".join(DEFAULTS.outputs),
    show_default=True,
    help=f"Comma-separated files written from the store: {registry.describe(registry.EXPORTER)}; "
    "'none' for the store and report only (any can be made later with kg export).",
)
@click.option(
    "--doc-id",
    "doc_id",
    type=click.Choice(DOC_ID_MODES),
    default=DEFAULTS.doc_id,
    show_default=True,
    help="Document id of a file: its name without extension (what the gold annotations use), or "
    "its path relative to the input folder without extension (a/x for a/x.txt), for folders "
    "holding files of the same name.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar, warnings or summary (errors are still shown)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with code 2, writing nothing, if any input or document is skipped (listed on stderr).",
)
def build(
    inputs: tuple[str, ...],
    out_dir: Path,
    ner_backend: str,
    base_iri: str,
    jobs: int | None,
    dask_address: str | None,
    append: bool,
    outputs: str,
    doc_id: str,
    quiet: bool,
    strict: bool,
) -> None:
    """Build the graph of INPUTS (.txt, .jsonl, .html files or folders, paths or fsspec URLs such
    as s3://bucket/news/) into an output folder.

    A progress bar on stderr goes through every phase (ingest, each stage, the claim index, the
    store, each export, charts, state, report) with what it works on; at the end one line per
    output written gives its size.

    Exit codes: 0 when the graph was written (skipped inputs are warnings on stderr, listed in
    report.md); 1 when nothing usable was produced (no readable document, bad paths; the reasons
    go to stderr); 2 with --strict when any input was skipped (and for usage errors).
    """
    from kg.build import SkippedInputsError
    from kg.build import build as run_build

    bar = None
    if not quiet:
        from tqdm import tqdm

        bar = tqdm(total=1, file=sys.stderr, unit="phase", desc="starting", bar_format=_BAR)

    def progress(step: str, index: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = index
            bar.set_description_str(step, refresh=False)
            bar.refresh()

    started = time.perf_counter()
    try:
        options = BuildOptions(
            base_iri=base_iri,
            ner_backend=ner_backend,
            strict=strict,
            dask=dask_address,
            append=append,
            outputs=_output_names(outputs),
            doc_id=doc_id,
            jobs=all_cores() if jobs is None else jobs,
        )
        result = run_build(inputs, out_dir, options, progress=progress)
    except SkippedInputsError as error:
        raise _StrictFailure(str(error)) from error
    except KGError as error:
        raise _fail(error) from error
    finally:
        if bar is not None:
            bar.n = bar.total
            bar.close()
    if not quiet:
        _warn_skipped(result.corpus.skipped)
        corpus = result.corpus
        for name, size in result.sizes().items():
            click.echo(f"{name:24} {_human_size(size):>9}", err=True)
        counts = (
            f"{len(corpus.documents)} documents ({len(corpus.skipped)} skipped), {len(corpus.entities)} "
            f"entities, {len(corpus.statements)} statements, {len(corpus.claims)} claims, "
            f"{len(corpus.interactions)} interactions, {result.triples} triples"
        )
        click.echo(
            f"{counts} in {time.perf_counter() - started:.1f} s → {result.out_dir}/",
            err=True,
        )


# The bar, then the phase's label: "kg build  45%|█████     | 9/20 [00:12<00:15] store: 812 documents, …".
_BAR = "kg build {percentage:3.0f}%|{bar:20}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}] {desc}"


def _warn_skipped(skipped: Sequence[Skipped]) -> None:
    """Warn on stderr about skipped inputs: all id clashes (they hide whole articles), then
    the first others."""
    from kg.build import list_skipped
    from kg.stages.ingest import DUPLICATE_ID

    if not skipped:
        return
    clashes = [s for s in skipped if s.reason.startswith(DUPLICATE_ID)]
    others = [s for s in skipped if not s.reason.startswith(DUPLICATE_ID)]
    click.echo(f"kg: warning: {Warnings.W001.format(count=len(skipped))}", err=True)
    if clashes:
        click.echo(list_skipped(clashes, limit=len(clashes)), err=True)
    if others:
        click.echo(list_skipped(others, limit=10), err=True)


def _human_size(size: int) -> str:
    """``12.3 MB``: bytes in decimal units."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help="Read the query from a .rq file; - reads it from standard input.",
)
@click.option("-n", "--name", help="Run a shipped query by name (see --list).")
@click.option(
    "--bind",
    "bindings",
    multiple=True,
    metavar="VAR=VALUE",
    help="Bind a variable of the query (or a parameter it declares) to a literal.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    help="Output format; json is SPARQL 1.1 Query Results JSON. Default: from the -o file's "
    "extension (.csv, .tsv, .json, .srj, .txt), else table.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write the results to this file; - writes them to standard output (the default).",
)
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(min=0),
    help="Rows per page; 0 for all rows.",
)
@click.option(
    "--offset",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Rows to skip (the page start).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
def query(
    graph: Path | None,
    sparql: str | None,
    query_file: TextIO | None,
    name: str | None,
    bindings: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    limit: int,
    offset: int,
    list_queries: bool,
) -> None:
    """Run a read-only SPARQL query on GRAPH (an output folder or a graph file).

    The query is SPARQL, an -f file (- for standard input) or a shipped --name. Results come
    one page at a time, in the query's order: the first 100 rows by default; --offset 100 gives
    the next page, --limit 0 every row.
    """
    from kg import query as q

    if list_queries:
        for query_name, text in q.named_queries().items():
            click.echo(f"{query_name:22} {q.describe(text)}")
        return
    if graph is None:
        raise click.UsageError(Errors.E044)
    sources = [s for s in (sparql, query_file, name) if s]
    if len(sources) != 1:
        raise click.UsageError(Errors.E045)
    target = None if output is None or str(output) == "-" else output
    try:
        fmt = fmt or (q.format_for(target) if target else "table")
        text = q.named_query(name) if name else (query_file.read() if query_file else sparql or "")
        values = dict(_split_binding(b) for b in bindings)
        result = q.run_query(q.open_store(graph), text, bindings=values, limit=limit, offset=offset)
    except KGError as error:
        raise _fail(error) from error
    rendered = q.format_result(result, fmt)
    if target:
        target.write_text(rendered + "\n", encoding="utf-8")
    else:
        click.echo(rendered)
    if result.more:
        click.echo(f"kg: more rows follow: --offset {offset + limit} for the next page.", err=True)


def _split_binding(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise click.BadParameter(Errors.E046.format(text=text), param_hint="--bind")
    var, value = text.split("=", 1)
    return var.lstrip("?$"), value


@cli.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--to",
    "fmt",
    required=True,
    type=click.Choice(registry.names(registry.EXPORTER)),
    help=f"Output format: {registry.describe(registry.EXPORTER)}.",
)
@click.option(
    "-o",
    "--out",
    "path",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write (a folder for neo4j).",
)
def export_command(graph: Path, fmt: str, path: Path) -> None:
    """Export GRAPH (an output folder or a graph file) to another format."""
    from kg.export import export
    from kg.rdf.store import load_graph

    try:
        files = export(load_graph(graph), fmt, path)
    except KGError as error:
        raise _fail(error) from error
    for file in files:
        click.echo(str(file))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to bind (localhost only by default)."
)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds allowed per query.")
def serve(graph: Path, host: str, port: int, timeout: float) -> None:
    """Serve GRAPH read-only as a SPARQL 1.1 endpoint at http://HOST:PORT/sparql.

    Updates and federated queries (SERVICE) are refused; requests are answered concurrently,
    each query in a process of its own under --timeout. Results come as the Accept header asks
    (SPARQL JSON by default; XML, CSV, TSV; Turtle, N-Triples or JSON-LD for CONSTRUCT), or 406.
    """
    from kg.serve import serve as run_server

    click.echo(f"kg: SPARQL endpoint at http://{host}:{port}/sparql (Ctrl-C to stop)", err=True)
    try:
        run_server(graph, host=host, port=port, timeout=timeout)
    except KGError as error:
        raise _fail(error) from error
    except KeyboardInterrupt:
        pass


@cli.group("eval")
def eval_group() -> None:
    """Evaluate kg: NER on CoNLL files, or a built graph against a gold annotation."""


@eval_group.command("ner")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--backend",
    type=click.Choice(registry.names(registry.NER)),
    default=DEFAULTS.ner_backend,
    show_default=True,
    help=f"NER backend: {registry.describe(registry.NER)}.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def eval_ner(conll: Path, backend: str, as_json: bool) -> None:
    """Span-level P/R/F1 per type and micro-averaged on a token<TAB>tag BIO file, plus tokens/s."""
    from kg.ner.conll import evaluate_file

    try:
        scores = evaluate_file(conll, backend=backend)
    except (KGError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False))
        return
    click.echo(f"{'type':6} {'P':>7} {'R':>7} {'F1':>7}")
    for label, s in [*scores["per_type"].items(), ("micro", scores["micro"])]:
        click.echo(f"{label:6} {s['p']:7.4f} {s['r']:7.4f} {s['f1']:7.4f}")
    click.echo(f"{scores['tokens_per_second']:.0f} tokens/s ({scores['backend']})")


@eval_group.command("graph")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--scorer",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="The scoring script (in the shared evaluation kit: ../shared/eval/score.py).",
)
def eval_graph(graph: Path, gold: Path, scorer: Path) -> None:
    """Score a built graph against a gold annotation with the shared scorer."""
    import subprocess

    from kg.rdf.store import graph_path

    try:
        path = graph_path(graph)
    except KGError as error:
        raise _fail(error) from error
    done = subprocess.run(
        [sys.executable, str(scorer), "--graph", str(path), "--gold", str(gold)], check=False
    )
    sys.exit(done.returncode)


@cli.group("train")
def train_group() -> None:
    """Train the models kg ships."""


@train_group.command("ner")
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder with anercorp/, newsfane/, aqmar/ ... (in the shared data: ../shared/data).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Model file to write (default: the shipped model in kg/resources/models/).",
)
def train_ner(data_dir: Path, output: Path | None) -> None:
    """Train the CRF NER model from the shared NER corpora and report dev scores."""
    from kg.ner.train import DEFAULT_MODEL, train

    scores = train(output or DEFAULT_MODEL, data_dir=data_dir)
    click.echo(json.dumps(scores, ensure_ascii=False, indent=1))


def _output_names(text: str) -> tuple[str, ...]:
    """``--outputs`` as export format names (``none`` for none)."""
    try:
        return output_names(text)
    except KGError as error:
        raise click.BadParameter(str(error), param_hint="--outputs") from error


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
