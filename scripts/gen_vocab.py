"""Generate ``kg/rdf/vocab.py`` (the closed ``KG`` namespace) from ``ontology/kg.ttl``.

Reads the ontology, writes one annotated ``URIRef`` attribute per term of the kg namespace,
with its English ``rdfs:comment``, in the manner of rdflib's ``tools/defined_namespace_creator.py``.
The output is deterministic (terms grouped by kind, sorted by name, no timestamp), so that
``tests/test_ontology.py`` can regenerate it in memory and fail when the file drifts.

    .venv/bin/python scripts/gen_vocab.py            # rewrite kg/rdf/vocab.py
    .venv/bin/python scripts/gen_vocab.py --check    # exit 1 if kg/rdf/vocab.py is stale
"""

from __future__ import annotations

import argparse
import keyword
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

NAMESPACE = "https://w3id.org/arabic-news-kg/ontology#"
TERM_STATUS = URIRef("http://www.w3.org/2003/06/sw-vocab-status/ns#term_status")
ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
VOCAB = ROOT / "kg" / "rdf" / "vocab.py"
LINE_LENGTH = 110

# Section order of the generated class body: (heading, rdf:type that puts a term there).
SECTIONS: tuple[tuple[str, URIRef], ...] = (
    ("Classes", OWL.Class),
    ("Individuals (members of the closed value sets)", OWL.NamedIndividual),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
    ("Annotation properties", OWL.AnnotationProperty),
)


@dataclass(frozen=True)
class Term:
    """One named term of the kg namespace."""

    name: str
    section: str
    comment: str


def english_comment(graph: Graph, term: URIRef) -> str:
    """The term's ``rdfs:comment`` in English, on one line ('' if it has none)."""
    for comment in sorted(graph.objects(term, RDFS.comment), key=str):
        if isinstance(comment, Literal) and comment.language == "en":
            return " ".join(str(comment).split())
    return ""


def section_of(graph: Graph, term: URIRef) -> str:
    types = set(graph.objects(term, RDF.type))
    for heading, rdf_type in SECTIONS:
        if rdf_type in types:
            return heading
    return "Other terms"


def ontology_terms(graph: Graph, namespace: str = NAMESPACE) -> list[Term]:
    """Every typed subject of ``namespace`` in ``graph``, sorted by section then name.

    Args:
        graph: the parsed ontology.
        namespace: the namespace IRI whose terms to collect.

    Returns:
        The terms, in the order they are written to ``vocab.py``.

    Raises:
        ValueError: when a local name is not a valid Python identifier.
    """
    subjects = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    names = sorted(str(s)[len(namespace) :] for s in subjects if str(s).startswith(namespace))
    terms = []
    for name in filter(None, names):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"kg:{name} is not a valid Python identifier; rename it in {ONTOLOGY.name}")
        term = URIRef(namespace + name)
        comment = english_comment(graph, term)
        if str(graph.value(term, TERM_STATUS)) == "stable":
            comment = f"[contract] {comment}"
        terms.append(Term(name, section_of(graph, term), comment))
    order = [heading for heading, _ in SECTIONS] + ["Other terms"]
    return sorted(terms, key=lambda t: (order.index(t.section), t.name))


def ontology_title(graph: Graph) -> str:
    for ontology in sorted(graph.subjects(RDF.type, OWL.Ontology), key=str):
        for title in sorted(graph.objects(ontology, DCTERMS.title), key=str):
            if isinstance(title, Literal) and title.language == "en":
                version = graph.value(ontology, OWL.versionInfo)
                return f"{title} (version {version})" if version else str(title)
    return "kg ontology"


def render_term(term: Term) -> list[str]:
    lines = textwrap.wrap(term.comment, width=LINE_LENGTH - 6, break_on_hyphens=False)
    return [f"    # {line}" for line in lines] + [f"    {term.name}: URIRef"]


def render(graph: Graph) -> str:
    """The full text of ``kg/rdf/vocab.py`` for the ontology in ``graph``."""
    out = [
        '"""The kg ontology as a closed rdflib namespace: ``KG.Person``, ``KG.speaker`` ...',
        "",
        "GENERATED from ontology/kg.ttl by scripts/gen_vocab.py; do not edit by hand. Reads nothing and",
        "writes nothing at import time. Using a name that the ontology does not declare raises",
        "AttributeError (``_fail = True``).",
        '"""',
        "",
        "from rdflib import namespace",
        "from rdflib.term import URIRef",
        "",
        '__all__ = ["KG"]',
        "",
        "",
        "# The base class is reached through its module so that tools which probe module attributes",
        "# (pytest's doctest collector) never touch the open DefinedNamespace class itself.",
        "class KG(namespace.DefinedNamespace):",
        f'    """{ontology_title(graph)}."""',
        "",
        f'    _NS = namespace.Namespace("{NAMESPACE}")',
        "    _fail = True",
    ]
    section = ""
    for term in ontology_terms(graph):
        if term.section != section:
            section = term.section
            out += ["", f"    # --- {section} ---", ""]
        out += render_term(term)
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY)
    parser.add_argument("--output", type=Path, default=VOCAB)
    parser.add_argument("--check", action="store_true", help="only report whether the output is up to date")
    args = parser.parse_args(argv)
    text = render(Graph().parse(args.ontology, format="turtle"))
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if args.check:
        if text != current:
            print(f"{args.output} is stale: run scripts/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    if text != current:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
