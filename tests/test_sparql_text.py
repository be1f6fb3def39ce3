"""SPARQL read as the grammar reads it: a # or SERVICE in an IRI, a string or a comment is text."""

from __future__ import annotations

import pytest

from kg.sparql_text import comments, is_federated, is_update, mask, scan, variables

KG = "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#> "


@pytest.mark.parametrize(
    "literal",
    [
        '"قال: #1"',
        "'قال: #1'",
        '"""سطر أول\n# ليس تعليقا"""',
        "'''سطر أول\n# ليس تعليقا'''",
        r'"هو \"#\" مقتبس"',
        r"'it\'s #1'",
    ],
)
def test_sparql_text_hash_in_strings_and_iris_is_no_comment(literal: str) -> None:
    text = f"{KG}SELECT ?s WHERE {{ ?s kg:content {literal} }} # the end"
    assert [text[c.start : c.end] for c in comments(text)] == ["# the end"]
    kinds = [p.kind for p in scan(text)]
    assert kinds.count("iri") == 1 and kinds.count("string") == 1


def test_sparql_text_less_than_is_no_iri() -> None:
    text = "SELECT ?a WHERE { ?a ?p ?b FILTER (STR(?a) < STR(?b)) } # a < b"
    assert [p.kind for p in scan(text)] == ["code", "comment"]


def test_sparql_text_mask_blanks_all_but_code_at_the_same_offsets() -> None:
    text = f'{KG}\nSELECT ?s WHERE {{ ?s ?p "SERVICE #" }} # SERVICE\n'
    masked = mask(text)
    assert len(masked) == len(text) and masked.count("\n") == 2
    assert "#" not in masked and "SERVICE" not in masked
    assert masked.index("SELECT") == text.index("SELECT")


@pytest.mark.parametrize(
    ("query", "federated"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * WHERE {?s ?p ?o.SERVICE<http://x/>{?s ?p ?o}}", True),
        ('SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }', False),
        ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }", False),
        ("SELECT ?service WHERE { ?s <http://x/SERVICE> ?service }", False),
        ("PREFIX service: <http://x/> SELECT * WHERE { ?s service:SERVICE ?o }", False),
    ],
)
def test_sparql_text_finds_federation_only_in_code(query: str, federated: bool) -> None:
    assert is_federated(query) is federated


@pytest.mark.parametrize(
    ("query", "update"),
    [
        ("DELETE WHERE { ?s ?p ?o }", True),
        (f"{KG}INSERT DATA {{ kg:a kg:b kg:c }}", True),
        (
            "# a comment\nPREFIX x: <http://x/#>\nBASE <http://x/>\n"
            "with <http://g> DELETE { ?s ?p ?o } WHERE { }",
            True,
        ),
        (f"{KG}SELECT ?s WHERE {{ ?s kg:content 'DELETE WHERE' }}", False),
        ("SELECT ?add WHERE { ?s ?p ?add }", False),
    ],
)
def test_sparql_text_tells_updates_from_queries(query: str, update: bool) -> None:
    assert is_update(query) is update


def test_sparql_text_variables_are_those_of_the_code() -> None:
    text = 'SELECT ?speaker $doc WHERE { ?s ?p "?nope" } # ?comment'
    assert variables(text) == {"speaker", "doc", "s", "p"}
