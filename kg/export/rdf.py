"""RDF syntaxes: Turtle, N-Triples, JSON-LD (compact, with the project's ``@context``), RDF/XML.

Every file binds the same prefixes and no others (:func:`kg.rdf.mapping.graph_prefixes`): the
vocabularies the graph uses and ``res:`` for its data IRIs. Oxigraph writes Turtle, N-Triples
and RDF/XML; JSON-LD is written here as a stream, one node object per subject, so that it
needs no more memory on a graph of millions of triples than on a small one.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal

from kg.atomic import atomic_path
from kg.rdf.mapping import graph_prefixes
from kg.rdf.store import write_graph

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_GEN_DELIMS = tuple(":/?#[]@")  # a namespace ending in one of these is a JSON-LD 1.1 prefix


def export_turtle(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "turtle", prefixes=graph_prefixes(graph))]


def export_ntriples(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "ntriples", prefixes={})]


def export_rdfxml(graph: Graph, path: Path) -> list[Path]:
    return [write_graph(graph, path, "rdfxml", prefixes=graph_prefixes(graph))]


def export_jsonld(graph: Graph, path: Path) -> list[Path]:
    """JSON-LD with a ``@context`` of the graph's prefixes, streamed from its Oxigraph store.

    Each run of triples with one subject becomes one node object as it is read, so memory stays
    that of one subject. A build's on-disk store gives each subject's triples together (its
    subject-first index), and so does an in-memory store loaded from a file kg wrote (in the
    order read); a graph in rdflib's own store is read subject by subject.
    """
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8", newline="\n") as out:
        write_jsonld(_by_subject(graph), graph_prefixes(graph), out)
    return [path]


def _by_subject(graph: Graph) -> Iterator[JsonTriple]:
    """The triples of ``graph`` as Oxigraph terms, each subject's together where the store allows."""
    store: ox.Store | None = getattr(graph.store, "_inner", None)
    if store is not None:
        for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield quad.subject, quad.predicate, quad.object  # type: ignore[misc]  # no RDF-star terms here
        return
    for subject in graph.subjects(unique=True):
        node = _oxigraph_term(subject)
        for predicate, obj in graph.predicate_objects(subject):
            yield node, _oxigraph_term(predicate), _oxigraph_term(obj)  # type: ignore[misc]


def _oxigraph_term(term: object) -> Term:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


Term = ox.NamedNode | ox.BlankNode | ox.Literal
JsonTriple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]


def write_jsonld(triples: Iterable[JsonTriple], context: Mapping[str, str], out: TextIO) -> None:
    """Write ``triples`` to ``out`` as one JSON-LD document: ``{"@context": context, "@graph":
    [one node object per run of triples with the same subject]}``.

    Triples grouped by subject give one node object per subject; a subject met again later gives
    a second node object with the same ``@id``, which JSON-LD merges with the first.

    Args:
        triples: Oxigraph terms.
        context: prefix → namespace; IRIs in a namespace ending in ``/`` or ``#`` (any JSON-LD
            1.1 gen-delim) are written as ``prefix:local``, all others in full.
        out: a text file.
    """
    compact = _compacter(context)
    out.write('{\n"@context": ' + json.dumps(dict(context), ensure_ascii=False) + ',\n"@graph": [')
    separator = "\n"
    for subject, group in itertools.groupby(triples, key=lambda triple: triple[0]):
        node = node_object(subject, (triple[1:] for triple in group), compact)
        out.write(separator + json.dumps(node, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]\n}\n")


def node_object(
    subject: ox.NamedNode | ox.BlankNode,
    pairs: Iterable[tuple[ox.NamedNode, Term]],
    compact: Callable[[str], str],
) -> dict[str, object]:
    """The JSON-LD node object of ``subject`` with its ``(predicate, object)`` pairs."""
    node: dict[str, object] = {"@id": _node_id(subject, compact)}
    types: list[str] = []
    values: dict[str, list[object]] = {}
    for predicate, obj in pairs:
        if predicate.value == _RDF_TYPE and isinstance(obj, ox.NamedNode):
            types.append(compact(obj.value))
        else:
            values.setdefault(compact(predicate.value), []).append(_value(obj, compact))
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    for key, found in values.items():
        node[key] = found[0] if len(found) == 1 else found
    return node


def _node_id(term: ox.NamedNode | ox.BlankNode, compact: Callable[[str], str]) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def _value(term: Term, compact: Callable[[str], str]) -> object:
    """A JSON-LD value of an object: ``{"@id": …}``, a plain string (``xsd:string``), a JSON
    integer (a canonical ``xsd:integer``), else a value object with ``@language`` or ``@type``."""
    if not isinstance(term, ox.Literal):
        return {"@id": _node_id(term, compact)}
    text, datatype = term.value, term.datatype.value
    if term.language:
        return {"@value": text, "@language": term.language}
    if datatype == _XSD + "string":
        return text
    if datatype == _XSD + "integer" and _canonical_integer(text):
        return int(text)
    return {"@value": text, "@type": compact(datatype)}


def _canonical_integer(text: str) -> bool:
    """Whether JSON-LD's integer ↔ ``xsd:integer`` conversion gives ``text`` back."""
    digits = text.removeprefix("-")
    return (
        digits.isascii()
        and digits.isdigit()
        and (digits == "0" or not digits.startswith("0"))
        and text != "-0"
    )


def _compacter(context: Mapping[str, str]) -> Callable[[str], str]:
    """A cached function turning an IRI into ``prefix:local`` by the longest namespace of
    ``context`` it is in (see :func:`write_jsonld`), or leaving it whole."""
    namespaces = sorted(
        ((ns, prefix) for prefix, ns in context.items() if ns.endswith(_GEN_DELIMS)), key=lambda p: -len(p[0])
    )

    @functools.lru_cache(maxsize=1 << 16)
    def compact(iri: str) -> str:
        for namespace, prefix in namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri

    return compact
