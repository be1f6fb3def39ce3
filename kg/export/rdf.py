"""RDF syntaxes: Turtle, N-Triples, JSON-LD (compact, with the project's @context), RDF/XML."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from kg.rdf.store import atomic_path, write_graph


def export_turtle(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "turtle")]


def export_ntriples(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "ntriples")]


def export_rdfxml(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "rdfxml")]


def export_jsonld(graph: Graph, path: Path) -> list[Path]:
    """JSON-LD compacted with a ``@context`` of the graph's prefixes."""
    context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    text = plain.serialize(format="json-ld", context=context, auto_compact=True)
    document = json.loads(text)
    with atomic_path(path) as temp:
        temp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
