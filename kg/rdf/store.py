"""Graphs backed by Oxigraph: create, load and write them, run SPARQL on them.

rdflib stays the graph API; the triples live in an Oxigraph store (via ``oxrdflib``), which
loads and queries an order of magnitude faster than rdflib's own memory store
(``../shared/docs/measured-facts.md``). A build keeps its graph in an on-disk Oxigraph store
(``OUTDIR/store/``), so ``kg query``, ``kg serve`` and ``kg export`` open it instead of parsing
``graph.ttl`` again. Files are written by pyoxigraph with the project's prefixes, atomically
(temporary file + rename).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.atomic import atomic_path
from kg.errors import Errors, InputError

GRAPH_FILE = "graph.ttl"
STORE_DIR = "store"
FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
    "rdfxml": (ox.RdfFormat.RDF_XML, ".rdf"),
}
_SUFFIX_FORMAT = {suffix: fmt for fmt, (_, suffix) in FORMATS.items()} | {".json": "jsonld", ".owl": "rdfxml"}


def new_graph() -> Graph:
    """An empty rdflib Graph stored in an in-memory Oxigraph store (default graph)."""
    return Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="none")


def store_graph(store: ox.Store) -> Graph:
    """An rdflib Graph over an existing Oxigraph store (e.g. an output folder's on-disk store)."""
    return Graph(
        store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="none"
    )


def store_path(path: str | Path) -> Path | None:
    """The on-disk store of output folder ``path``, if it has one."""
    folder = Path(path) / STORE_DIR
    return folder if folder.is_dir() else None


def open_store(path: str | Path) -> ox.Store:
    """The graph at ``path`` as an Oxigraph store.

    An output folder with an on-disk store is opened read-only, without reading any file;
    otherwise the graph file (or the folder's ``graph.ttl``) is loaded into memory.

    Raises:
        InputError: when there is no graph there.
    """
    folder = store_path(path) if Path(path).is_dir() else None
    if folder is not None:
        try:
            return ox.Store.read_only(str(folder))
        except OSError as error:
            raise InputError(Errors.E030.format(path=folder, error=error)) from error
    file = graph_path(path)
    store = ox.Store()
    fmt = _SUFFIX_FORMAT.get(file.suffix.lower(), "turtle")
    store.bulk_load(path=str(file), format=FORMATS[fmt][0], to_graph=ox.DefaultGraph())
    return store


BULK_BATCH = 100_000  # triples per bulk load: Oxigraph holds a whole load in memory (~0.9 kB a triple)


def add_triples(
    store: ox.Store, triples: Iterable[tuple[ox.NamedNode, ox.NamedNode, ox.Literal | ox.NamedNode]]
) -> None:
    """Add triples to ``store`` through Oxigraph's bulk loader (fast, not transactional).

    The triples go in batches of ``BULK_BATCH``: one load of a 10k-article graph (3 million
    triples) would take more memory than the rest of the build; batches are as fast. Each batch
    is loaded in a thread while the next one is made (Oxigraph releases the GIL as it loads), so
    at most two batches are held at a time.
    """
    quads = (ox.Quad(s, p, o) for s, p, o in triples)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-bulk-load") as loader:
        loading: Future | None = None
        while batch := list(itertools.islice(quads, BULK_BATCH)):
            if loading is not None:
                loading.result()
            loading = loader.submit(store.bulk_extend, batch)
        if loading is not None:
            loading.result()


CLEAR_BATCH = 1000  # subjects or objects per SPARQL update


def clear_subjects(
    store: ox.Store, subjects: Iterable[ox.NamedNode], *, keep: ox.NamedNode | None = None
) -> None:
    """Remove every triple whose subject is one of ``subjects`` (but those of predicate ``keep``)."""
    kept = f"FILTER(?p != {keep})" if keep is not None else ""
    for batch in _batches(subjects):
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {batch} }} ?s ?p ?o {kept} }}")


def clear_objects(store: ox.Store, objects: Iterable[ox.NamedNode]) -> None:
    """Remove every triple whose object is one of ``objects``."""
    for batch in _batches(objects):
        store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?o {{ {batch} }} ?s ?p ?o }}")


def clear_predicates(store: ox.Store, predicates: Iterable[ox.NamedNode]) -> None:
    """Remove every triple whose predicate is one of ``predicates``."""
    for predicate in predicates:
        store.update(f"DELETE WHERE {{ ?s {predicate} ?o }}")


def _batches(iris: Iterable[ox.NamedNode]) -> Iterator[str]:
    """``iris`` as SPARQL ``VALUES`` lists of at most :data:`CLEAR_BATCH` IRIs.

    Each update runs in Oxigraph as one transaction, where removing triple by triple from
    Python made one each (an append's clean-up took seconds on a 50k-article graph).
    """
    iris = iter(iris)
    while chunk := list(itertools.islice(iris, CLEAR_BATCH)):
        yield " ".join(map(str, chunk))  # an Oxigraph IRI prints as <...>


def graph_path(path: str | Path) -> Path:
    """The graph file for ``path``: the path itself, or ``graph.ttl`` in an output folder.

    Raises:
        InputError: when there is no graph there.
    """
    path = Path(path)
    if path.is_dir():
        path = path / GRAPH_FILE
    if not path.is_file():
        raise InputError(Errors.E007.format(path=path))
    return path


def load_graph(path: str | Path) -> Graph:
    """The graph of an output folder (its on-disk store, read-only) or of a graph file (loaded
    into memory) as an Oxigraph-backed rdflib Graph."""
    return store_graph(open_store(path))


def _inner(graph: Graph) -> ox.Store:
    return graph.store._inner  # type: ignore[attr-defined]


def write_graph(
    graph: Graph, path: str | Path, fmt: str = "turtle", *, prefixes: dict[str, str] | None = None
) -> Path:
    """Write ``graph`` to ``path`` atomically in ``fmt`` (turtle, ntriples, jsonld, rdfxml).

    Turtle and RDF/XML bind ``prefixes`` (prefix → namespace), by default the graph's own.
    """
    rdf_format = FORMATS[fmt][0]
    if prefixes is None:
        prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    with atomic_path(path) as temp:
        store = oxigraph_store(graph)
        kwargs: dict[str, Any] = {"prefixes": prefixes} if fmt in ("turtle", "rdfxml") else {}
        store.dump(str(temp), rdf_format, from_graph=ox.DefaultGraph(), **kwargs)
    return Path(path)


def oxigraph_store(graph: Graph) -> ox.Store:
    """The Oxigraph store under ``graph``, or an in-memory copy of a graph in another store."""
    return _inner(graph) if hasattr(graph.store, "_inner") else _copy_to_oxigraph(graph)


def _copy_to_oxigraph(graph: Graph) -> ox.Store:
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return store
