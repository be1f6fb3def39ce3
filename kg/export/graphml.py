"""GraphML exporter: actors, places, claims and documents as a networkx multigraph for Gephi and yEd.

Reads only the RDF graph (through :func:`kg.export.records.read_records`) and writes one ``.graphml``
file. Node attributes: ``label``, ``class``, ``altLabels`` (joined with `` | ``), ``mentionCount``,
``sourceCount``, ``iri``; edge attributes: ``type`` (said_about, asserts, interacts,
mentioned_in, reported_in, stands_for, contradicts, affiliation, country), ``weight``, and
``interactionType`` for interactions. Parallel edges of different types are kept (a multigraph),
so "said about" and "met with" between the same two actors stay two edges.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.atomic import atomic_path
from kg.export.records import Records, read_records

ALT_SEPARATOR = " | "


def export(graph: Graph, path: Path) -> list[Path]:
    """Write ``graph`` as GraphML to ``path``.

    Args:
        graph: a kg graph.
        path: the ``.graphml`` file to write.

    Returns:
        The one file written.
    """
    network = to_networkx(read_records(graph))
    # networkx writes a CR inside a value as is, and XML parsers read it back as LF (XML 1.0
    # section 2.11); as a character reference it survives. The writer itself emits no CR.
    buffer = io.BytesIO()
    nx.write_graphml(network, buffer, encoding="utf-8", prettyprint=False)
    with atomic_path(path) as temp:
        temp.write_bytes(buffer.getvalue().replace(b"\r", b"&#13;"))
    return [Path(path)]


def to_networkx(records: Records) -> nx.MultiDiGraph:
    """Actors, places, claims and documents with typed, weighted edges.

    Args:
        records: the graph's records.

    Returns:
        A MultiDiGraph keyed by IRI; edge keys are the edge types.
    """
    network = nx.MultiDiGraph(name="kg")
    _add_nodes(network, records)
    weights: Counter = Counter()
    for stmt in records.statements.values():
        if stmt.speaker:
            for about in stmt.about:
                weights[(stmt.speaker, about, "said_about", "")] += 1
            if stmt.claim:
                weights[(stmt.speaker, stmt.claim, "asserts", "")] += 1
    for inter in records.interactions.values():
        if inter.agent and inter.target:
            weights[(inter.agent, inter.target, "interacts", inter.type)] += 1
    for entity in records.entities.values():
        for doc in entity.docs:
            weights[(entity.iri, doc, "mentioned_in", "")] += 1
    for claim in records.claims.values():
        for doc in claim.docs:
            weights[(claim.iri, doc, "reported_in", "")] += 1
    for kind, pairs in records.links.items():
        for source, target in pairs:
            weights[(source, target, kind, "")] += 1
    for (source, target, kind, subtype), weight in sorted(weights.items()):
        if source in network and target in network and source != target:
            attrs = {"type": kind, "weight": weight}
            if subtype:
                attrs["interactionType"] = subtype
            network.add_edge(source, target, key=f"{kind}:{subtype}" if subtype else kind, **attrs)
    return network


def _add_nodes(network: nx.MultiDiGraph, records: Records) -> None:
    for entity in sorted(records.entities.values(), key=lambda e: e.iri):
        network.add_node(
            entity.iri,
            label=entity.label,
            **{"class": entity.cls},
            altLabels=ALT_SEPARATOR.join(entity.alt),
            mentionCount=entity.mention_count,
            sourceCount=0,
            iri=entity.iri,
        )
    for claim in sorted(records.claims.values(), key=lambda c: c.iri):
        network.add_node(
            claim.iri,
            label=claim.content,
            **{"class": "Claim"},
            altLabels="",
            mentionCount=0,
            sourceCount=claim.source_count,
            iri=claim.iri,
        )
    for doc in sorted(records.documents.values(), key=lambda d: d.iri):
        network.add_node(
            doc.iri,
            label=doc.title or doc.identifier,
            **{"class": "Document"},
            altLabels=doc.identifier,
            mentionCount=0,
            sourceCount=0,
            iri=doc.iri,
        )
