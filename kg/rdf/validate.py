"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

Reads the shapes file (once per process) and the graph it is given; writes nothing. The graph is
checked as written, without inference, so every entity must carry its most specific class, just
as the contract's SPARQL queries expect. Shapes of severity ``sh:Warning`` (e.g. an actor that
interacts with itself) are reported in the text but do not make the graph non-conforming.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import XSD, Graph, Literal

from kg.errors import Errors, KGError

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"

# A source checkout (or an editable install) keeps ontology/ next to the kg package; a wheel may
# ship a copy as package data in kg/rdf/ontology/.
_CANDIDATE_DIRS = (
    Path(__file__).resolve().parents[2] / "ontology",
    Path(__file__).resolve().parent / "ontology",
)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL validation.

    Attributes:
        conforms: True when the graph has no violation (warnings allowed).
        text: pyshacl's human-readable report, listing every result with its focus node,
            path and message.
    """

    conforms: bool
    text: str


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl`` and ``shapes.ttl``.

    Raises:
        KGError: when neither the source checkout nor the package data holds the files.
    """
    for folder in _CANDIDATE_DIRS:
        if (folder / SHAPES_FILE).is_file() and (folder / ONTOLOGY_FILE).is_file():
            return folder
    tried = ", ".join(str(folder) for folder in _CANDIDATE_DIRS)
    raise KGError(Errors.E025.format(tried=tried))


@lru_cache(maxsize=2)
def load_shapes(path: Path | None = None) -> Graph:
    """The parsed SHACL shapes graph (cached; do not modify it).

    Args:
        path: a shapes file; ``ontology/shapes.ttl`` by default.
    """
    return Graph().parse(path or ontology_dir() / SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The parsed OWL ontology ``ontology/kg.ttl`` (cached; do not modify it)."""
    return Graph().parse(ontology_dir() / ONTOLOGY_FILE, format="turtle")


def validate(graph: Graph, *, shapes: Path | None = None, allow_warnings: bool = True) -> ValidationReport:
    """Check ``graph`` against the SHACL shapes.

    Args:
        graph: the graph to check; it is not modified.
        shapes: a shapes file to use instead of ``ontology/shapes.ttl``.
        allow_warnings: when False, ``sh:Warning`` results also make the graph non-conforming.

    Returns:
        Whether the graph conforms, and the full report text.
    """
    from pyshacl import validate as shacl_validate  # heavy import, only needed here

    conforms, _results, text = shacl_validate(
        canonical_copy(graph),
        shacl_graph=load_shapes(shapes),
        inference="none",
        allow_warnings=allow_warnings,
        advanced=False,
        inplace=False,
    )
    return ValidationReport(conforms=bool(conforms), text=str(text))


def canonical_copy(graph: Graph) -> Graph:
    """An in-memory copy with ``"x"^^xsd:string`` written as ``"x"``.

    They are the same RDF 1.1 term, and Oxigraph returns the typed form, but rdflib (and so
    pyshacl's ``sh:in``) compares them as different terms.
    """
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for subject, predicate, obj in graph:
        if isinstance(obj, Literal) and obj.datatype == XSD.string:
            obj = Literal(str(obj))
        copy.add((subject, predicate, obj))
    return copy
