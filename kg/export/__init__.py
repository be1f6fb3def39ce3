"""Exporters: a lazy table from format name to the module that writes it.

Every exporter module exposes ``export(graph: rdflib.Graph, path: Path) -> list[Path]`` and
reads only the graph, so ``kg export GRAPH --to FORMAT`` works on any graph kg wrote. Modules
are imported on first use: ``kg export --to neo4j`` never imports pyvis.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import Errors, ExportError

if TYPE_CHECKING:
    from rdflib import Graph

EXPORTERS: dict[str, str] = {
    "turtle": "kg.export.rdf:export_turtle",
    "ntriples": "kg.export.rdf:export_ntriples",
    "jsonld": "kg.export.rdf:export_jsonld",
    "rdfxml": "kg.export.rdf:export_rdfxml",
    "graphml": "kg.export.graphml:export",
    "neo4j": "kg.export.neo4j:export",
    "html": "kg.export.html:export",
    "ontology": "kg.export.ontology:export",
}
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


def exporter(fmt: str):
    """The export function for ``fmt``, imported on demand.

    Raises:
        ExportError: for an unknown format.
    """
    if fmt not in EXPORTERS:
        raise ExportError(Errors.E010.format(fmt=fmt, known=", ".join(EXPORTERS)))
    module_name, attr = EXPORTERS[fmt].split(":")
    return getattr(importlib.import_module(module_name), attr)


def export(graph: Graph, fmt: str, path: str | Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` to ``path`` (a file, or a folder for neo4j); returns files written."""
    return exporter(fmt)(graph, Path(path))
