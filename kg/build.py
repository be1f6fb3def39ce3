"""``kg build`` as a library call: inputs → pipeline → graph → files in an output folder.

Writes ``store/`` (the graph in an on-disk Oxigraph store, which ``kg query``, ``kg serve`` and
``kg export`` open), ``graph.ttl``, ``graph.html``, ``neo4j/`` and ``report.md`` into the output
folder. Every
output is first written into a temporary folder inside it and moved into place only once all
of them are written, so an interrupted or failed build leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from kg import ids, incremental
from kg.charts import write_charts
from kg.claims_index import INDEX_FILE, open_index, write_index
from kg.errors import Errors, InputError
from kg.export import DEFAULT_NAMES, WRITTEN_BY_OXIGRAPH, export
from kg.export.neo4j import check_replaceable, replace_folder
from kg.incremental import load_state, publish_state, stage_state
from kg.memory import frozen_heap, release_memory, set_aside
from kg.model import Corpus, Skipped
from kg.pipeline import STAGES, Progress, run
from kg.rdf.mapping import bind_prefixes, to_store, update_store
from kg.rdf.store import STORE_DIR, atomic_path, store_graph, store_path
from kg.stages.claims import release_claim_items

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_OUTPUTS: tuple[str, ...] = ("turtle", "html", "neo4j")
# Emptied once the per-document stages are done (the claims stage and the outputs never read
# them): 175 MB on 50k news-bench articles. BuildResult.corpus comes without them.
RELEASED_FIELDS = ("tokens", "sentences")


class SkippedInputsError(InputError):
    """``strict=True`` and some inputs were skipped; nothing was written."""

    def __init__(self, skipped: tuple[Skipped, ...]) -> None:
        self.skipped = skipped
        listed = "\n".join(f"  {s.source}: {s.reason}" for s in skipped)
        super().__init__(f"{len(skipped)} inputs were skipped (strict mode, nothing written):\n{listed}")


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    out_dir: Path
    files: tuple[Path, ...]
    triples: int
    timings: dict[str, float] = field(default_factory=dict)


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    base_iri: str = ids.DEFAULT_BASE_IRI,
    ner_backend: str = "crf",
    jobs: int = 1,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    stages: Sequence[str] = STAGES,
    progress: Progress | None = None,
    strict: bool = False,
    dask: str | Client | None = None,
    append: bool = False,
) -> BuildResult:
    """Build the knowledge graph of ``inputs`` into ``out_dir``.

    Args:
        inputs: .txt/.jsonl/.html files or folders of them, as paths or fsspec URLs.
        out_dir: output folder, created if missing.
        base_iri: namespace of the data IRIs.
        ner_backend: ``crf`` (shipped model) or ``camel`` (CAMeL Tools, needs its data).
        jobs: worker processes for the per-document stages.
        outputs: export formats written beside report.md (see ``kg.export.EXPORTERS``).
        stages: pipeline stages to run.
        progress: called as ``progress(step, index, total)``.
        strict: fail, writing nothing, when any input or document was skipped.
        dask: run the per-document stages on this Dask cluster: a scheduler address
            (``tcp://host:8786``) or a ``distributed.Client``; ``jobs`` is then ignored.
        append: add ``inputs`` to the graph already built in ``out_dir`` (see :mod:`kg.incremental`)
            instead of replacing it; documents already in the graph are skipped.

    Returns:
        The filled corpus, the files written and timings per step.

    Raises:
        InputError: when no input gave a usable document, or every document failed a stage.
        SkippedInputsError: with ``strict=True``, when anything was skipped.
        PipelineError: when ``dask`` is given and dask.distributed is missing or the scheduler
            cannot be reached.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(Errors.E012.format(path=out_dir))
    inputs = list(inputs)
    if append:
        return _append(
            inputs,
            out_dir,
            base_iri=base_iri,
            ner_backend=ner_backend,
            jobs=jobs,
            outputs=outputs,
            stages=stages,
            progress=progress,
            strict=strict,
            dask=dask,
        )
    with frozen_heap():  # the records of a large corpus, out of the cyclic collector's way
        corpus, first = run(inputs, stages=stages[:1], progress=progress)
        if not corpus.documents:
            raise _nothing_usable(inputs, corpus.skipped)
        corpus, rest = run(
            (),
            stages=stages[1:],
            corpus=corpus,
            options={"ner": {"backend": ner_backend}},
            progress=progress,
            jobs=jobs,
            dask=dask,
            release=RELEASED_FIELDS,
        )
        if not corpus.documents:
            raise _nothing_usable(inputs, corpus.skipped)
        if strict and corpus.skipped:
            raise SkippedInputsError(corpus.skipped)
        timings = {**first.timings, **rest.timings}
        files, triples = write_outputs(
            corpus, out_dir, outputs, timings, base_iri=base_iri, released=rest.released
        )
    return BuildResult(corpus, out_dir, tuple(files), triples, timings)


def _nothing_usable(inputs: list[str | Path], skipped: Sequence[Skipped]) -> InputError:
    return InputError(Errors.E002.format(inputs=", ".join(map(str, inputs)), skipped=len(skipped)))


def _append(
    inputs: list[str | Path],
    out_dir: Path,
    *,
    base_iri: str,
    ner_backend: str,
    jobs: int,
    outputs: Sequence[str],
    stages: Sequence[str],
    progress: Progress | None,
    strict: bool,
    dask: str | Client | None,
) -> BuildResult:
    """``build(..., append=True)``: add ``inputs`` to the build in ``out_dir``.

    The claim index is changed in one transaction, committed only after the other outputs are
    moved into place (see :mod:`kg.claims_index`); any failure before leaves it as it was.
    """
    started = time.perf_counter()
    with frozen_heap(collect=False), contextlib.ExitStack() as stack:
        old = load_state(out_dir)
        set_aside(collect=False)  # read with the collector paused; never walked by it
        claim_index = stack.enter_context(contextlib.closing(open_index(out_dir, old)))
        loaded = time.perf_counter() - started
        merged, fresh, timings = incremental.append(
            old,
            inputs,
            stages=stages,
            options={"ner": {"backend": ner_backend}},
            progress=progress,
            jobs=jobs,
            dask=dask,
            claim_index=claim_index,
        )
        timings = {"state:load": loaded, **timings}
        if strict and fresh.skipped:
            raise SkippedInputsError(fresh.skipped)
        if not fresh.documents:
            if not any(s.reason == incremental.ALREADY_IN_GRAPH for s in fresh.skipped):
                raise _nothing_usable(inputs, fresh.skipped)
            return BuildResult(merged, out_dir, (), 0, timings)
        files, triples = write_outputs(
            merged, out_dir, outputs, timings, base_iri=base_iri, update=(old, fresh)
        )
        claim_index.commit()
    return BuildResult(merged, out_dir, tuple(files), triples, timings)


def write_outputs(
    corpus: Corpus,
    out_dir: Path,
    outputs: Sequence[str],
    timings: dict[str, float],
    *,
    base_iri: str = ids.DEFAULT_BASE_IRI,
    update: tuple[Corpus, Corpus] | None = None,
    released: Mapping[str, int] | None = None,
) -> tuple[list[Path], int]:
    """Map ``corpus`` into a new on-disk store, export it in every format and write report.md,
    all or nothing. Returns the files written and the number of triples.

    Everything is written into a temporary folder inside ``out_dir`` first; only when every
    output is complete are they moved into place (one rename each), so a failure leaves the
    previous build's files untouched. With ``update=(old, fresh)`` the store is a copy of
    ``out_dir``'s (hard links where possible) brought up to date instead of a new one.
    """
    names = {fmt: DEFAULT_NAMES.get(fmt, f"graph.{fmt}") for fmt in outputs}
    out_dir.mkdir(parents=True, exist_ok=True)
    if "neo4j" in names:
        check_replaceable(out_dir / names["neo4j"])
    stage = Path(tempfile.mkdtemp(prefix=".kg-build.", suffix=".tmp", dir=out_dir))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, stage, ignore_errors=True)
        staged = [stage / STORE_DIR]
        if update is None:  # an append updates the index in place (see _append)
            # First, so the claims stage's items it reuses are freed before the store and exports.
            started = time.perf_counter()
            staged.append(write_index(corpus, stage / INDEX_FILE))
            timings["claims:index"] = time.perf_counter() - started
        release_claim_items()
        release_memory()
        set_aside()
        started = time.perf_counter()
        store = _fill_store(corpus, out_dir, stage / STORE_DIR, base_iri=base_iri, update=update)
        timings["rdf"] = time.perf_counter() - started
        # Counting reads every quad (3 s for 50k articles); Oxigraph does it without the GIL.
        counting = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="kg-count"))
        triples_counted = counting.submit(len, store)
        release_memory()
        staged += export_all(bind_prefixes(store_graph(store), base_iri=base_iri), stage, names, timings)
        staged.extend(write_charts(corpus, stage / "charts"))
        started = time.perf_counter()
        staged.append(stage_state(corpus, stage, out_dir, update=update))
        timings["state:save"] = time.perf_counter() - started
        triples = triples_counted.result()
        with atomic_path(stage / "report.md") as temp:
            temp.write_text(render_report(corpus, triples, timings, released), encoding="utf-8")
        staged.append(stage / "report.md")
        store.flush()
        del store  # closes the store before its folder is moved
        gc.collect()
        for name in [STORE_DIR, *names.values(), "charts", "report.md", INDEX_FILE]:
            if (stage / name).exists() or name != INDEX_FILE:
                _publish(stage / name, out_dir / name)
        publish_state(stage, out_dir)
    return [out_dir / path.relative_to(stage) for path in staged], triples


def _fill_store(
    corpus: Corpus, out_dir: Path, folder: Path, *, base_iri: str, update: tuple[Corpus, Corpus] | None
) -> ox.Store:
    """A new on-disk store in ``folder`` holding the graph of ``corpus``."""
    if update is None:
        store = ox.Store(str(folder))
        to_store(corpus, store, base_iri=base_iri)
        return store
    if store_path(out_dir) is None:
        raise InputError(Errors.E031.format(path=out_dir))
    previous = ox.Store(str(out_dir / STORE_DIR))
    previous.backup(str(folder))
    del previous
    store = ox.Store(str(folder))
    old, fresh = update
    update_store(store, old, corpus, fresh, base_iri=base_iri)
    return store


def export_all(graph: Graph, folder: Path, names: dict[str, str], timings: dict[str, float]) -> list[Path]:
    """Export ``graph`` into ``folder`` as each format of ``names`` (format → file name).

    Formats Oxigraph writes itself (Turtle, N-Triples, RDF/XML) are written in a thread beside
    the others, which are Python: Oxigraph releases the GIL, so on two cores they cost little
    wall time. Each format's time is its own, so overlapping times add up to more than the wall.
    """
    files: list[Path] = []
    timings.update({f"export:{fmt}": 0.0 for fmt in names})  # the report lists them in this order
    beside = [fmt for fmt in names if fmt in WRITTEN_BY_OXIGRAPH]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-export") as writer:
        written = {fmt: writer.submit(_timed_export, graph, fmt, folder / names[fmt]) for fmt in beside}
        for fmt, name in names.items():
            if fmt not in written:
                done, timings[f"export:{fmt}"] = _timed_export(graph, fmt, folder / name)
                files.extend(done)
                release_memory()
        for fmt, future in written.items():
            done, timings[f"export:{fmt}"] = future.result()
            files.extend(done)
    return files


def _timed_export(graph: Graph, fmt: str, path: Path) -> tuple[list[Path], float]:
    started = time.perf_counter()
    files = export(graph, fmt, path)
    return files, time.perf_counter() - started


def _publish(staged: Path, target: Path) -> None:
    """Move a staged output into place: a file or the neo4j folder in one rename, other folders per file."""
    if staged.is_file():
        os.replace(staged, target)
    elif staged.name in (DEFAULT_NAMES["neo4j"], STORE_DIR):
        replace_folder(staged, target)
    elif staged.is_dir():
        target.mkdir(exist_ok=True)
        for file in staged.iterdir():
            os.replace(file, target / file.name)


def render_report(
    corpus: Corpus, triples: int, timings: dict[str, float], released: Mapping[str, int] | None = None
) -> str:
    """The Markdown build report: counts, top speakers, corroborated claims, skipped inputs.
    ``released`` counts the records of fields the build emptied (see :data:`RELEASED_FIELDS`)."""
    entities = corpus.entity_index()
    lines = ["# kg build report", "", "## Counts", "", "| what | count |", "|---|---|"]
    counts = {
        "documents": len(corpus.documents),
        "documents skipped": len(corpus.skipped),
        "sentences": len(corpus.sentences) or (released or {}).get("sentences", 0),
        "mentions": len(corpus.mentions),
        **{f"entities: {label}": n for label, n in sorted(Counter(e.label for e in corpus.entities).items())},
        "roles": len(corpus.roles),
        "statements": len(corpus.statements),
        "claims": len(corpus.claims),
        "claims in 2+ documents": sum(1 for c in corpus.claims if len(set(c.doc_ids)) > 1),
        "interactions": len(corpus.interactions),
        "triples": triples,
    }
    lines += [f"| {name} | {value} |" for name, value in counts.items()]
    lines += [
        "",
        "![Top speakers](charts/top-speakers.svg)",
        "",
        "![Statements per outlet](charts/statements-per-outlet.svg)",
    ]
    speakers = Counter(s.speaker for s in corpus.statements if s.speaker in entities)
    lines += ["", "## Top speakers", "", "| speaker | statements |", "|---|---|"]
    lines += [f"| {_cell(entities[e].canonical)} | {n} |" for e, n in speakers.most_common(15)]
    ranked = sorted(corpus.claims, key=lambda c: (-len(set(c.doc_ids)), -len(c.statement_ids), c.claim_id))
    lines += ["", "## Most corroborated claims", "", "| documents | statements | claim |", "|---|---|---|"]
    lines += [
        f"| {len(set(c.doc_ids))} | {len(c.statement_ids)} | {_cell(c.content, 160)} |" for c in ranked[:10]
    ]
    lines += _resolution_section(corpus)
    encodings = Counter(doc.encoding for doc in corpus.documents)
    lines += ["", "## Input encodings", ""] + [
        f"- {enc}: {n} documents" for enc, n in sorted(encodings.items())
    ]
    lines += ["", "## Documents skipped", ""]
    lines += [f"- `{_cell(s.source)}`: {_cell(s.reason)}" for s in corpus.skipped] or ["None."]
    lines += ["", "## Time per step (s)", "", "| step | seconds |", "|---|---|"]
    lines += [f"| {step} | {seconds:.2f} |" for step, seconds in timings.items()]
    return "\n".join(lines) + "\n"


def _resolution_section(corpus: Corpus, limit: int = 50) -> list[str]:
    """Merges made by entity resolution and why, then candidate merges left undone."""
    entities = corpus.entity_index()
    lines = ["", "## Entity resolution", "", "| entity | rule | forms | detail |", "|---|---|---|---|"]
    made = [n for n in corpus.resolution_notes if n.merged]
    for note in made[:limit]:
        name = entities[note.entity_id].canonical if note.entity_id in entities else ""
        lines.append(
            f"| {_cell(name)} | {note.rule} | {_cell(' / '.join(note.forms))} | {_cell(note.detail)} |"
        )
    if len(made) > limit:
        lines.append(f"| … | | {len(made) - limit} more merges | |")
    undone = [n for n in corpus.resolution_notes if not n.merged]
    lines += ["", "Candidate merges left undone:", ""]
    lines += [f"- {_cell(' / '.join(n.forms))}: {_cell(n.detail)} ({n.rule})" for n in undone[:limit]] or [
        "None."
    ]
    return lines


def _cell(text: str, limit: int = 200) -> str:
    text = " ".join(text.split()).replace("|", "\\|").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
