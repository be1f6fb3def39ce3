"""kg.export.rdf: every RDF syntax binds the project's prefixes only; JSON-LD is streamed."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from kg import ids
from kg.cli import cli
from kg.export import export
from kg.export.rdf import write_jsonld
from kg.pipeline import run
from kg.rdf.mapping import PREFIXES, graph_prefixes, rdflib_term, to_graph
from kg.rdf.store import load_graph
from tests.test_mapping import plain

EXPECTED = {*PREFIXES, "res"}  # kg rdfs skos dcterms schema xsd, and res for the data
RES = ids.DEFAULT_BASE_IRI


@pytest.fixture(scope="module")
def graph() -> Graph:
    from tests.conftest import ARTICLES

    corpus, _ = run([ARTICLES], options={"ner": {"backend": "lexicon"}})
    return to_graph(corpus)


def turtle_prefixes(text: str) -> dict[str, str]:
    return dict(re.findall(r"^@prefix (\w*): <([^>]*)> \.$", text, flags=re.M))


def xml_prefixes(text: str) -> dict[str, str]:
    """The namespaces of an RDF/XML file but ``rdf:`` (its syntax) and ``its:`` (Oxigraph
    declares it in every file, for text direction)."""
    found = dict(re.findall(r'xmlns:(\w+)="([^"]*)"', text.split(">", 2)[1]))
    return {prefix: ns for prefix, ns in found.items() if prefix not in ("rdf", "its")}


def test_export_rdf_kg_build_writes_only_the_project_prefixes(built: Path) -> None:
    prefixes = turtle_prefixes((built / "graph.ttl").read_text(encoding="utf-8"))
    assert prefixes == {**PREFIXES, "res": RES}


@pytest.mark.parametrize("fmt", ["turtle", "rdfxml", "jsonld", "ntriples"])
def test_export_rdf_kg_export_binds_the_project_prefixes_only(built: Path, tmp_path: Path, fmt: str) -> None:
    """``kg export`` reads the store, where no prefix is kept: ``res:`` comes from the IRIs."""
    path = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", str(built), "--to", fmt, "-o", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    if fmt == "turtle":
        assert turtle_prefixes(text) == {**PREFIXES, "res": RES}
        assert "res:document/" in text.replace("\\", "")
    elif fmt == "rdfxml":
        assert xml_prefixes(text) == {**PREFIXES, "res": RES}
    elif fmt == "jsonld":
        assert json.loads(text)["@context"] == {**PREFIXES, "res": RES}
    else:
        assert "@prefix" not in text


def test_export_rdf_resource_prefix_follows_the_base_iri(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES

    corpus, _ = run([ARTICLES], options={"ner": {"backend": "lexicon"}})
    base = "https://example.org/news/"
    export(to_graph(corpus, base_iri=base), "turtle", tmp_path / "g.ttl")
    assert turtle_prefixes((tmp_path / "g.ttl").read_text(encoding="utf-8"))["res"] == base
    assert graph_prefixes(load_graph(tmp_path / "g.ttl"))["res"] == base


def test_export_rdf_jsonld_parses_back_isomorphic(graph: Graph, tmp_path: Path) -> None:
    export(graph, "jsonld", tmp_path / "g.jsonld")
    back = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    if not isomorphic(plain(graph), plain(back)):
        _, only_original, only_back = graph_diff(plain(graph), plain(back))
        pytest.fail(f"lost {len(only_original)} and added {len(only_back)} triples")


def test_export_rdf_jsonld_has_one_compact_node_object_per_subject(graph: Graph, tmp_path: Path) -> None:
    export(graph, "jsonld", tmp_path / "g.jsonld")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    nodes = document["@graph"]
    assert len(nodes) == len({node["@id"] for node in nodes}) == len(set(graph.subjects()))
    mention = next(node for node in nodes if node.get("@type") == "kg:Mention")
    assert mention["@id"].startswith("res:mention/")
    assert isinstance(mention["kg:begin"], int)
    assert mention["kg:surface"]["@language"] == "ar"
    assert mention["kg:refersTo"]["@id"].startswith(("res:person/", "res:org/", "res:gpe/", "res:loc/"))


def test_export_rdf_jsonld_writes_one_line_per_node_object(graph: Graph, tmp_path: Path) -> None:
    """A stream: the file is the context, then one node object a line (``jq``/``grep`` friendly)."""
    export(graph, "jsonld", tmp_path / "g.jsonld")
    lines = (tmp_path / "g.jsonld").read_text(encoding="utf-8").splitlines()
    objects = [line for line in lines if line.startswith('{"@id"')]
    assert len(objects) == len(set(graph.subjects()))


NODE = ox.NamedNode(RES + "person/x")
DOC = ox.NamedNode(RES + "document/d")
KG = PREFIXES["kg"]
XSD = PREFIXES["xsd"]


@pytest.mark.parametrize(
    ("obj", "value"),
    [
        (ox.Literal("جون كيري", language="ar"), {"@value": "جون كيري", "@language": "ar"}),
        (ox.Literal("plain"), "plain"),
        (ox.Literal("12", datatype=ox.NamedNode(XSD + "integer")), 12),
        (
            ox.Literal("012", datatype=ox.NamedNode(XSD + "integer")),
            {"@value": "012", "@type": "xsd:integer"},
        ),
        (
            ox.Literal("0.5", datatype=ox.NamedNode(XSD + "decimal")),
            {"@value": "0.5", "@type": "xsd:decimal"},
        ),
        (
            ox.Literal("2018-02-18", datatype=ox.NamedNode(XSD + "date")),
            {"@value": "2018-02-18", "@type": "xsd:date"},
        ),
        (DOC, {"@id": "res:document/d"}),
        (ox.NamedNode("http://other.example/x"), {"@id": "http://other.example/x"}),
        (ox.BlankNode("b1"), {"@id": "_:b1"}),
    ],
)
def test_export_rdf_jsonld_values_round_trip(obj: ox.Literal | ox.NamedNode, value: object) -> None:
    out = io.StringIO()
    write_jsonld([(NODE, ox.NamedNode(KG + "p"), obj)], {**PREFIXES, "res": RES}, out)
    document = json.loads(out.getvalue())
    assert document["@graph"] == [{"@id": "res:person/x", "kg:p": value}]
    ((subject, _, parsed),) = list(Graph().parse(data=out.getvalue(), format="json-ld"))
    assert str(subject) == NODE.value
    if not isinstance(obj, ox.BlankNode):
        assert parsed == rdflib_term(obj)


def test_export_rdf_jsonld_subject_met_twice_gives_the_same_graph() -> None:
    """Triples not grouped by subject give two node objects with one ``@id``: still one node."""
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    triples = [
        (NODE, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(KG + "Person")),
        (DOC, ox.NamedNode(KG + "charCount"), ox.Literal("3", datatype=ox.NamedNode(XSD + "integer"))),
        (NODE, label, ox.Literal("كيري", language="ar")),
    ]
    out = io.StringIO()
    write_jsonld(triples, {**PREFIXES, "res": RES}, out)
    parsed = Graph().parse(data=out.getvalue(), format="json-ld")
    expected = Graph()
    store = ox.Store()
    store.extend(ox.Quad(*triple) for triple in triples)
    expected.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    assert isomorphic(parsed, expected)
    assert [node["@id"] for node in json.loads(out.getvalue())["@graph"]] == [
        "res:person/x",
        "res:document/d",
        "res:person/x",
    ]


def test_export_rdf_namespace_without_a_delimiter_is_never_a_prefix() -> None:
    """JSON-LD 1.1 expands ``p:x`` only for a prefix ending in ``/``, ``#`` or another gen-delim."""
    out = io.StringIO()
    write_jsonld([(NODE, ox.NamedNode(KG + "p"), DOC)], {"kg": KG, "res": RES + "document"}, out)
    assert json.loads(out.getvalue())["@graph"][0]["kg:p"] == {"@id": RES + "document/d"}
