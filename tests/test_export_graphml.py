"""GraphML export: read back with networkx; counts, classes, Arabic labels and typed edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.export import graphml
from kg.rdf.store import new_graph

TTL = """
@prefix kg: <https://w3id.org/arabic-news-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix r: <https://w3id.org/arabic-news-kg/resource/> .
r:d1 a kg:Document ; dcterms:identifier "wire_001" ; dcterms:title "عباس يلتقي ماكرون في باريس"@ar .
r:d2 a kg:Document ; dcterms:identifier "paper_002" .
r:abbas a kg:Person ; skos:prefLabel "محمود عباس"@ar ; skos:altLabel "عباس"@ar, "أبو مازن"@ar ;
    kg:mentionCount 4 ; kg:mentionedIn r:d1, r:d2 .
r:macron a kg:Person ; skos:prefLabel "إيمانويل ماكرون"@ar ; kg:mentionCount 2 ; kg:mentionedIn r:d1 .
r:paris a kg:GeopoliticalEntity ; skos:prefLabel "باريس"@ar ; kg:mentionCount 1 ; kg:mentionedIn r:d1 .
r:gaza a kg:Location ; skos:prefLabel "قطاع غزة"@ar ; kg:mentionCount 3 ; kg:mentionedIn r:d2 .
r:s1 a kg:Statement ; kg:speaker r:abbas ; kg:content "ندعو إلى وقف الحرب على غزة"@ar ; kg:statedIn r:d1 ;
    kg:about r:gaza ; kg:asserts r:c1 .
r:s2 a kg:Statement ; kg:speaker r:abbas ; kg:content "غزة تحتاج إلى الإغاثة"@ar ; kg:statedIn r:d2 ;
    kg:about r:gaza ; kg:asserts r:c1 .
r:c1 a kg:Claim ; kg:content "عباس يدعو إلى وقف الحرب"@ar ; kg:reportedIn r:d1, r:d2 ; kg:sourceCount 2 .
r:i1 a kg:Interaction ; kg:interactionType kg:Meeting ; kg:agent r:abbas ; kg:target r:macron ;
    kg:statedIn r:d1 .
"""


@pytest.fixture
def read_back(tmp_path: Path) -> tuple[Graph, nx.MultiDiGraph]:
    graph = new_graph()
    graph.parse(data=TTL, format="turtle")
    path = graphml.export(graph, tmp_path / "graph.graphml")[0]
    assert path.read_text("utf-8").startswith("<?xml")
    return graph, nx.read_graphml(path, force_multigraph=True)


def test_graphml_nodes_are_actors_places_claims_documents(read_back: tuple[Graph, nx.MultiDiGraph]) -> None:
    _, network = read_back
    classes = [data["class"] for _, data in network.nodes(data=True)]
    expected = ["Person", "Person", "GeopoliticalEntity", "Location", "Claim", "Document", "Document"]
    assert sorted(classes) == sorted(expected)


@pytest.mark.parametrize(
    ("name", "label", "alt", "mentions"),
    [("abbas", "محمود عباس", "أبو مازن | عباس", 4), ("gaza", "قطاع غزة", "", 3), ("paris", "باريس", "", 1)],
)
def test_graphml_keeps_arabic_labels_and_counts(
    read_back: tuple[Graph, nx.MultiDiGraph], name: str, label: str, alt: str, mentions: int
) -> None:
    node = read_back[1].nodes[f"https://w3id.org/arabic-news-kg/resource/{name}"]
    assert (node["label"], node["altLabels"], node["mentionCount"]) == (label, alt, mentions)


def test_graphml_edges_are_typed_and_weighted(read_back: tuple[Graph, nx.MultiDiGraph]) -> None:
    _, network = read_back
    r = "https://w3id.org/arabic-news-kg/resource/"
    edges = {(u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], d["type"]): d for u, v, d in network.edges(data=True)}
    assert edges[("abbas", "gaza", "said_about")]["weight"] == 2
    assert edges[("abbas", "c1", "asserts")]["weight"] == 2
    assert edges[("abbas", "macron", "interacts")]["interactionType"] == "Meeting"
    assert ("c1", "d2", "reported_in") in edges and ("abbas", "d1", "mentioned_in") in edges
    assert network.nodes[r + "c1"]["sourceCount"] == 2
    assert network.number_of_edges() == len(edges) == 10
