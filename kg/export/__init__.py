"""Exporters: format names (registered in :mod:`kg.registry`) to the module that writes them.

Every exporter module exposes ``export(graph: rdflib.Graph, path: Path) -> list[Path]`` and
reads only the graph, so ``kg export GRAPH --to FORMAT`` works on any graph kg wrote. Modules
are imported on first use: ``kg export --to neo4j`` never imports pyvis.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kg import CallableModule, registry

if TYPE_CHECKING:
    from rdflib import Graph

EXPORTERS: dict[str, str] = {p.name: p.target for p in registry.plugins(registry.EXPORTER)}
# Formats that Oxigraph writes itself from a store-backed graph, releasing the GIL as it writes.
WRITTEN_BY_OXIGRAPH = frozenset({"turtle", "ntriples", "rdfxml"})
DEFAULT_NAMES = {
    "turtle": "graph.ttl",
    "ntriples": "graph.nt",
    "jsonld": "graph.jsonld",
    "rdfxml": "graph.rdf",
    "graphml": "graph.graphml",
    "neo4j": "neo4j",
    "html": "graph.html",
    "ontology": "ontology.ttl",
}


def exporter(fmt: str) -> Callable[[Graph, Path], list[Path]]:
    """The export function for ``fmt``, imported on demand.

    Raises:
        ExportError: for an unknown format, naming the known ones.
    """
    return registry.load(fmt, registry.EXPORTER)


def export(graph: Graph, fmt: str, path: str | Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` to ``path`` (a file, or a folder for neo4j); returns files written."""
    return exporter(fmt)(graph, Path(path))


sys.modules[__name__].__class__ = CallableModule  # kg.export(...) exports, though kg.export is this package
