"""Graphs backed by Oxigraph: create, load and write them, run SPARQL on them.

rdflib stays the graph API; the triples live in an Oxigraph store (via ``oxrdflib``), which
loads and queries an order of magnitude faster than rdflib's own memory store
(``../shared/docs/measured-facts.md``). Files are written by pyoxigraph with the project's
prefixes, atomically (temporary file + rename).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import Errors, InputError

GRAPH_FILE = "graph.ttl"
FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
    "rdfxml": (ox.RdfFormat.RDF_XML, ".rdf"),
}
_SUFFIX_FORMAT = {suffix: fmt for fmt, (_, suffix) in FORMATS.items()} | {".json": "jsonld", ".owl": "rdfxml"}


def new_graph() -> Graph:
    """An empty rdflib Graph stored in an in-memory Oxigraph store (default graph)."""
    return Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)


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
    """Load a graph file (or an output folder's ``graph.ttl``) into an Oxigraph-backed Graph."""
    file = graph_path(path)
    graph = new_graph()
    fmt = _SUFFIX_FORMAT.get(file.suffix.lower(), "turtle")
    _inner(graph).bulk_load(path=str(file), format=FORMATS[fmt][0], to_graph=ox.DefaultGraph())
    return graph


def _inner(graph: Graph) -> ox.Store:
    return graph.store._inner  # type: ignore[attr-defined]


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Write ``graph`` to ``path`` atomically in ``fmt`` (turtle, ntriples, jsonld, rdfxml)."""
    rdf_format = FORMATS[fmt][0]
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    with atomic_path(path) as temp:
        store = _inner(graph) if hasattr(graph.store, "_inner") else _copy_to_oxigraph(graph)
        kwargs = {"prefixes": prefixes} if fmt in ("turtle", "rdfxml") else {}
        store.dump(str(temp), rdf_format, from_graph=ox.DefaultGraph(), **kwargs)
    return Path(path)


def _copy_to_oxigraph(graph: Graph) -> ox.Store:
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return store


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` and move it into place only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        if temp.is_file():
            temp.chmod(0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
