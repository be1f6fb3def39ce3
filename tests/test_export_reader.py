"""Reading a graph for the exporters (kg/export/reader.py): the same answers from an Oxigraph
store and from a plain rdflib graph."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.export.reader import GraphReader, Value
from kg.rdf.store import new_graph
from kg.rdf.vocab import KG

R = "https://w3id.org/arabic-news-kg/resource/"
TTL = """
@prefix kg: <https://w3id.org/arabic-news-kg/ontology#> .
@prefix r: <https://w3id.org/arabic-news-kg/resource/> .
r:s1 a kg:Statement ; kg:content "نفى الوزير"@ar, "the minister denied"@en, "أكد الوزير"@ar ; kg:begin 12 .
r:s2 a kg:Statement .
r:s3 a kg:Statement ; kg:content "قال السفير"@ar .
r:m1 kg:begin 7 ; kg:content "ليس بيانا"@ar .
"""
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@pytest.mark.parametrize("make", [new_graph, Graph], ids=["oxigraph", "rdflib"])
def test_reader_describes_each_instance_by_its_first_value_of_each_predicate(make: type) -> None:
    graph = make()
    graph.parse(data=TTL, format="turtle")
    found = GraphReader(graph).described(KG.Statement, (KG.content, KG.begin), {R + "s1", R + "s2"})
    assert found == {
        R + "s1": [Value("أكد الوزير", "ar", None, literal=True), Value("12", None, INTEGER, literal=True)],
        R + "s2": [None, None],  # no such triples; s3 is not asked for, m1 is no statement
    }
