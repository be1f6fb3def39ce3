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


@pytest.mark.parametrize("make", [new_graph, Graph], ids=["oxigraph", "rdflib"])
def test_reader_records_leave_the_romanisation_out_of_the_other_names(make: type) -> None:
    """The HTML and GraphML views list the names as written; the ``@ar-Latn`` altLabel is for search."""
    from kg.export.records import read_records

    graph = make()
    graph.parse(
        data="""@prefix kg: <https://w3id.org/arabic-news-kg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/arabic-news-kg/resource/person/x> a kg:Person ; skos:prefLabel "بشار الأسد"@ar ;
            skos:altLabel "الأسد"@ar , "bšAr AlÂsd"@ar-Latn .""",
        format="turtle",
    )
    (entity,) = read_records(graph).entities.values()
    assert (entity.label, entity.alt) == ("بشار الأسد", ["الأسد"])
