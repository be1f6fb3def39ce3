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
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph

from kg import CallableModule, ids
from kg.arabic import lexicons
from kg.arabic.normalize import key
from kg.atomic import atomic_path, publish, staging_folder
from kg.charts import write_charts
from kg.claims_index import INDEX_FILE, open_index, write_index
from kg.errors import Errors, InputError
from kg.export import DEFAULT_NAMES, WRITTEN_BY_OXIGRAPH, export
from kg.export.neo4j import check_replaceable
from kg.memory import frozen_heap, release_memory, set_aside
from kg.model import Claim, Corpus, ResolutionNote, Skipped
from kg.options import BuildOptions, with_settings
from kg.pipeline import ALREADY_IN_GRAPH, Pipeline, Progress
from kg.progress import CHARTS, INDEX, REPORT, STATE, STORE, Phases, export_phase
from kg.rdf.mapping import bind_prefixes, node_counts, to_store, update_store
from kg.rdf.store import STORE_DIR, store_graph, store_path
from kg.state import State, load_state, publish_state, stage_state

# Emptied once the per-document stages are done (the claims stage and the outputs never read
# them): 175 MB on 50k news-bench articles. BuildResult.corpus comes without them.
RELEASED_FIELDS = ("tokens", "sentences")


class SkippedInputsError(InputError):
    """``strict=True`` and some inputs were skipped; nothing was written."""

    def __init__(self, skipped: tuple[Skipped, ...]) -> None:
        self.skipped = skipped
        listed = list_skipped(skipped, limit=len(skipped))
        super().__init__(Errors.E019.format(count=len(skipped), listed=listed))


def list_skipped(skipped: Sequence[Skipped], *, limit: int = 20) -> str:
    """One indented ``source: reason`` line per skipped input (the first ``limit``), then how
    many more there are."""
    lines = [f"  {s.source}: {s.reason}" for s in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  … and {len(skipped) - limit} more")
    return "\n".join(lines)


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    out_dir: Path
    files: tuple[Path, ...]
    triples: int
    timings: dict[str, float] = field(default_factory=dict)

    def sizes(self) -> dict[str, int]:
        """Bytes written per output in ``out_dir`` (``graph.ttl``, ``store/`` …), in writing order;
        a folder's size is the sum of its files written by this build."""
        totals: dict[str, int] = {}
        for path in self.files:
            top = path.relative_to(self.out_dir).parts[0]
            name = top + "/" if (self.out_dir / top).is_dir() else top
            totals[name] = totals.get(name, 0) + _size(path)
        return totals


def _size(path: Path) -> int:
    """Bytes of a file, or of every file under a folder (0 when it is gone)."""
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size if path.exists() else 0


def build_phases(stages: Sequence[str], outputs: Sequence[str], *, append: bool = False) -> tuple[str, ...]:
    """Every phase of a build, in the order they run: the stages, the claim index (not for an
    append, which updates it in place), the store, each export (Python-written formats first,
    then those Oxigraph writes beside them), the charts, the state and the report."""
    exports = [fmt for fmt in outputs if fmt not in WRITTEN_BY_OXIGRAPH]
    exports += [fmt for fmt in outputs if fmt in WRITTEN_BY_OXIGRAPH]
    return (
        *stages,
        *(() if append else (INDEX,)),
        STORE,
        *map(export_phase, exports),
        CHARTS,
        STATE,
        REPORT,
    )


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    options: BuildOptions | None = None,
    *,
    progress: Progress | None = None,
    **settings: Any,
) -> BuildResult:
    """Build the knowledge graph of ``inputs`` into ``out_dir``.

    Args:
        inputs: .txt/.jsonl/.html files or folders of them, as paths or fsspec URLs.
        out_dir: output folder, created if missing.
        options: how to build (:class:`~kg.options.BuildOptions`: NER backend, jobs, Dask
            cluster, outputs, base IRI, strict, append, document ids, stages); by default
            those of ``kg build``.
        progress: called as ``progress(label, index, total)`` as each phase of
            :func:`build_phases` starts or advances; ``index`` counts all phases, and the label
            is the phase name with what it works on (``"claims: 1,204 statements"``).
        **settings: fields of :class:`~kg.options.BuildOptions` to set instead, or over
            ``options``: ``build(["news/"], "out", jobs=2, outputs=("turtle",))``.

    Returns:
        The filled corpus, the files written and timings per step.

    Raises:
        KGError: before anything runs, for an unknown option, NER backend, output or stage,
            naming the valid choices.
        InputError: when no input gave a usable document (listing why each was skipped), or every
            document failed a stage.
        SkippedInputsError: with ``strict=True``, when anything was skipped.
        PipelineError: when ``dask`` is given and dask.distributed is missing or the scheduler
            cannot be reached.
    """
    options = with_settings(options or BuildOptions(), settings)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(Errors.E012.format(path=out_dir))
    inputs = list(inputs)
    stages, outputs = options.stages, options.outputs
    phases = Phases(build_phases(stages, outputs, append=options.append), progress)
    pipeline = Pipeline(stages, options.stage_options())
    if options.append:
        return _append(inputs, out_dir, pipeline, options=options, phases=phases)
    with frozen_heap():  # the records of a large corpus, out of the cyclic collector's way
        corpus, report = pipeline.run(
            inputs,
            progress=phases.callback(),
            jobs=options.jobs,
            dask=options.dask,
            release=RELEASED_FIELDS,
        )
        if not corpus.documents:
            raise _nothing_usable(inputs, corpus.skipped)
        if options.strict and corpus.skipped:
            raise SkippedInputsError(corpus.skipped)
        files, triples = write_outputs(
            corpus,
            out_dir,
            outputs,
            report.timings,
            base_iri=options.base_iri,
            released=report.released,
            kept=report.kept,
            phases=phases,
        )
        timings = report.timings
    return BuildResult(corpus, out_dir, tuple(files), triples, timings)


def _nothing_usable(inputs: list[str | Path], skipped: Sequence[Skipped]) -> InputError:
    return InputError(
        Errors.E002.format(
            inputs=", ".join(map(str, inputs)), skipped=len(skipped), reasons=list_skipped(skipped)
        )
    )


def _append(
    inputs: list[str | Path], out_dir: Path, pipeline: Pipeline, *, options: BuildOptions, phases: Phases
) -> BuildResult:
    """``build(..., append=True)``: run ``pipeline`` on ``inputs`` with the state of the build in
    ``out_dir`` as its base (see :meth:`kg.pipeline.Pipeline.run`).

    The claim index is changed in one transaction, committed only after the other outputs are
    moved into place (see :mod:`kg.claims_index`); any failure before leaves it as it was.
    """
    started = time.perf_counter()
    with frozen_heap(collect=False), contextlib.ExitStack() as stack:
        old = load_state(out_dir)
        set_aside(collect=False)  # read with the collector paused; never walked by it
        claim_index = stack.enter_context(contextlib.closing(open_index(out_dir, old)))
        loaded = time.perf_counter() - started
        merged, report = pipeline.run(
            inputs,
            base=State(old, claim_index),
            progress=phases.callback(),
            jobs=options.jobs,
            dask=options.dask,
        )
        fresh = report.added or Corpus()
        timings = {"state:load": loaded, **report.timings}
        if options.strict and fresh.skipped:
            raise SkippedInputsError(fresh.skipped)
        if not fresh.documents:
            if not any(s.reason == ALREADY_IN_GRAPH for s in fresh.skipped):
                raise _nothing_usable(inputs, fresh.skipped)
            return BuildResult(merged, out_dir, (), 0, timings)
        files, triples = write_outputs(
            merged,
            out_dir,
            options.outputs,
            timings,
            base_iri=options.base_iri,
            update=(old, fresh),
            phases=phases,
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
    kept: dict[str, object] | None = None,
    phases: Phases | None = None,
) -> tuple[list[Path], int]:
    """Map ``corpus`` into a new on-disk store, export it in every format and write report.md,
    all or nothing. Returns the files written and the number of triples.

    Everything is written into a temporary folder inside ``out_dir`` first; only when every
    output is complete are they moved into place (one rename each), so a failure leaves the
    previous build's files untouched. With ``update=(old, fresh)`` the store is a copy of
    ``out_dir``'s (hard links where possible) brought up to date instead of a new one.
    ``kept`` is what the stages kept for the build (:attr:`kg.pipeline.RunReport.kept`): the
    claim index is written from the claims stage's items, which are taken out of it and freed
    before the store is filled. ``phases`` hears as each output starts.
    """
    phases = phases or Phases((), None)
    names = {fmt: DEFAULT_NAMES.get(fmt, f"graph.{fmt}") for fmt in outputs}
    out_dir.mkdir(parents=True, exist_ok=True)
    if "neo4j" in names:
        check_replaceable(out_dir / names["neo4j"])
    with staging_folder(out_dir, prefix=".kg-build.") as stage, contextlib.ExitStack() as stack:
        staged = [stage / STORE_DIR]
        if update is None:  # an append updates the index in place (see _append)
            # First, so the claims stage's items it reuses are freed before the store and exports.
            phases.start(INDEX, f"{len(corpus.claims):,} claims")
            started = time.perf_counter()
            indexed = cast(Any, (kept or {}).pop("claims", None))  # see kg.stages.claims.run_keeping_items
            staged.append(write_index(corpus, stage / INDEX_FILE, indexed=indexed))
            del indexed
            timings["claims:index"] = time.perf_counter() - started
        if kept:
            kept.clear()
        release_memory()
        set_aside()
        phases.start(STORE, _store_detail(corpus))
        started = time.perf_counter()
        store = _fill_store(corpus, out_dir, stage / STORE_DIR, base_iri=base_iri, update=update)
        timings["rdf"] = time.perf_counter() - started
        # Counting reads every quad (3 s for 50k articles); Oxigraph does it without the GIL.
        counting = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="kg-count"))
        triples_counted = counting.submit(len, store)
        release_memory()
        # No name holds the graph: it keeps the store open, which must be closed before it moves.
        staged += export_all(
            bind_prefixes(store_graph(store), base_iri=base_iri), stage, names, timings, phases=phases
        )
        phases.start(CHARTS)
        staged.extend(write_charts(corpus, stage / "charts"))
        phases.start(STATE, f"{len(corpus.documents):,} documents")
        started = time.perf_counter()
        staged.append(stage_state(corpus, stage, out_dir, update=update))
        timings["state:save"] = time.perf_counter() - started
        triples = triples_counted.result()
        phases.start(REPORT, f"{triples:,} triples")
        in_graph = node_counts(store)
        with atomic_path(stage / "report.md") as temp:
            temp.write_text(render_report(corpus, triples, timings, released, in_graph), encoding="utf-8")
        staged.append(stage / "report.md")
        store.flush()
        del store  # closes the store before its folder is moved
        gc.collect()
        for name in [STORE_DIR, *names.values(), "charts", "report.md", INDEX_FILE]:
            if (stage / name).exists() or name != INDEX_FILE:
                _publish(stage / name, out_dir / name)
        publish_state(stage, out_dir)
    return [out_dir / path.relative_to(stage) for path in staged], triples


def _store_detail(corpus: Corpus) -> str:
    return (
        f"{len(corpus.documents):,} documents, {len(corpus.entities):,} entities, "
        f"{len(corpus.statements):,} statements"
    )


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


def export_all(
    graph: Graph,
    folder: Path,
    names: dict[str, str],
    timings: dict[str, float],
    *,
    phases: Phases | None = None,
) -> list[Path]:
    """Export ``graph`` into ``folder`` as each format of ``names`` (format → file name).

    Formats Oxigraph writes itself (Turtle, N-Triples, RDF/XML) are written in a thread beside
    the others, which are Python: Oxigraph releases the GIL, so on two cores they cost little
    wall time. Each format's time is its own, so overlapping times add up to more than the wall.
    ``phases`` hears as each Python format starts, and as the wait for each Oxigraph one does.
    """
    phases = phases or Phases((), None)
    files: list[Path] = []
    timings.update({f"export:{fmt}": 0.0 for fmt in names})  # the report lists them in this order
    beside = [fmt for fmt in names if fmt in WRITTEN_BY_OXIGRAPH]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-export") as writer:
        written = {fmt: writer.submit(_timed_export, graph, fmt, folder / names[fmt]) for fmt in beside}
        for fmt, name in names.items():
            if fmt not in written:
                phases.start(export_phase(fmt), name)
                done, timings[f"export:{fmt}"] = _timed_export(graph, fmt, folder / name)
                files.extend(done)
                release_memory()
        for fmt, future in written.items():
            phases.start(export_phase(fmt), names[fmt])
            done, timings[f"export:{fmt}"] = future.result()
            files.extend(done)
    return files


def _timed_export(graph: Graph, fmt: str, path: Path) -> tuple[list[Path], float]:
    started = time.perf_counter()
    files = export(graph, fmt, path)
    return files, time.perf_counter() - started


def _publish(staged: Path, target: Path) -> None:
    """Move a staged output into place: a file or the neo4j folder or store in one rename, other
    folders (charts) per file."""
    publish(staged, target, whole=staged.name in (DEFAULT_NAMES["neo4j"], STORE_DIR))


def render_report(
    corpus: Corpus,
    triples: int,
    timings: dict[str, float],
    released: Mapping[str, int] | None = None,
    in_graph: Mapping[str, int] | None = None,
) -> str:
    """The Markdown build report: counts, top speakers, corroborated claims, skipped inputs.

    Args:
        corpus: the corpus the graph was built from.
        triples: triples in the graph.
        timings: seconds per step.
        released: record counts of the fields the build emptied (see :data:`RELEASED_FIELDS`).
        in_graph: statements, claims and interactions counted in the graph (see
            :func:`kg.rdf.mapping.node_counts`); they replace the corpus's counts, of which the
            graph keeps fewer (an interaction needs a known actor and target, and two alike in
            one document are one node).
    """
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
        **(in_graph or {}),
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
    lines += _claims_sections(corpus)
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


def _claims_sections(corpus: Corpus, limit: int = 10) -> list[str]:
    """The most corroborated claims (most documents) and the most contested ones (claims that
    contradict others, most documents on both sides), with their outlets and speakers."""
    entities = corpus.entity_index()
    statements = {s.stmt_id: s for s in corpus.statements}
    outlets = {d.doc_id: d.publisher or d.doc_id for d in corpus.documents}
    by_id = {c.claim_id: c for c in corpus.claims}

    def who(claim: Claim) -> tuple[str, str]:
        members = [statements[i] for i in claim.statement_ids if i in statements]
        names = sorted({outlets.get(d, d) for d in claim.doc_ids})
        speakers = sorted({entities[s.speaker].canonical for s in members if s.speaker in entities})
        return _cell("، ".join(names), 80), _cell("، ".join(speakers), 80)

    ranked = sorted(corpus.claims, key=lambda c: (-len(set(c.doc_ids)), -len(c.statement_ids), c.claim_id))
    lines = ["", "## Most corroborated claims", "", "| documents | statements | outlets | speakers | claim |"]
    lines += ["|---|---|---|---|---|"]
    for claim in ranked[:limit]:
        names, speakers = who(claim)
        lines.append(
            f"| {len(set(claim.doc_ids))} | {len(claim.statement_ids)} | {names} | {speakers} "
            f"| {_cell(claim.content, 160)} |"
        )

    pairs = sorted(
        {tuple(sorted((c.claim_id, o))) for c in corpus.claims for o in c.contradicts if o in by_id},
        key=lambda pair: (-len(set(by_id[pair[0]].doc_ids) | set(by_id[pair[1]].doc_ids)), pair),
    )
    lines += ["", "## Most contested claims", ""]
    if not pairs:
        return [*lines, "None: no claim contradicts another."]
    lines += ["| documents | claim | speakers | contradicted by | speakers |", "|---|---|---|---|---|"]
    for first, second in pairs[:limit]:
        one, other = by_id[first], by_id[second]
        documents = len(set(one.doc_ids) | set(other.doc_ids))
        lines.append(
            f"| {documents} | {_cell(one.content, 100)} | {who(one)[1]} "
            f"| {_cell(other.content, 100)} | {who(other)[1]} |"
        )
    return lines


# The merges table lists people first: their merges are the ones worth checking.
_LABEL_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3}


def _resolution_section(corpus: Corpus, limit: int = 50) -> list[str]:
    """Merges made by entity resolution and why (people first; a country merged only with its
    gentilic adjectives is counted, not listed), then candidate merges left undone."""
    entities = corpus.entity_index()
    lines = ["", "## Entity resolution", "", "| entity | rule | forms | detail |", "|---|---|---|---|"]
    merges = [n for n in corpus.resolution_notes if n.merged]
    trivial = [n for n in merges if only_gentilics(n)]
    made = [n for n in merges if not only_gentilics(n)]
    made.sort(
        key=lambda n: _LABEL_ORDER.get(entities[n.entity_id].label if n.entity_id in entities else "", 9)
    )
    for note in made[:limit]:
        name = entities[note.entity_id].canonical if note.entity_id in entities else ""
        lines.append(f"| {_cell(name)} | {note.rule} | {_forms_cell(note)} | {_cell(note.detail)} |")
    if len(made) > limit:
        lines.append(f"| … | | {len(made) - limit} more merges | |")
    if trivial:
        example = trivial[0]
        lines += [
            "",
            f"Not listed: {len(trivial)} merges of a country name with its gentilic adjectives only "
            f"(e.g. {_cell(' / '.join(example.forms), 80)}).",
        ]
    undone = [n for n in corpus.resolution_notes if not n.merged]
    lines += ["", "Candidate merges left undone:", ""]
    lines += [f"- {_cell(' / '.join(n.forms))}: {_cell(n.detail)} ({n.rule})" for n in undone[:limit]] or [
        "None."
    ]
    return lines


def only_gentilics(note: ResolutionNote) -> bool:
    """True when the merge of ``note`` joins one name (in its spellings) with gentilic adjectives
    only, like الأميركية into الولايات المتحدة: nothing a reader needs to check."""
    return "gentilic" in note.rule and len({key(form) for form in _names(note)}) < 2


def _names(note: ResolutionNote) -> list[str]:
    """The forms of ``note`` that are not gentilic adjectives (الأميركية, روس)."""
    gentilics = lexicons.gentilic_index()
    return [form for form in note.forms if key(form) not in gentilics]


def _forms_cell(note: ResolutionNote) -> str:
    """The merged forms, the gentilic adjectives among them only counted."""
    if "gentilic" not in note.rule:
        return _cell(" / ".join(note.forms))
    names = _names(note)
    return f"{_cell(' / '.join(names), 160)} (+ {len(note.forms) - len(names)} gentilic adjectives)"


def _cell(text: str, limit: int = 200) -> str:
    text = " ".join(text.split()).replace("|", "\\|").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"


sys.modules[__name__].__class__ = CallableModule  # kg.build(...) builds, though kg.build is this module
