# ruff: noqa: E501  (the old queries are kept verbatim)
"""Shipped queries: the rewritten queries give the answers of the queries they replace, pages
are exact slices of the whole answer, and declared parameters bind as index lookups."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat

from kg.errors import QueryError
from kg.query import (
    Result,
    bind_values,
    format_for,
    format_result,
    named_queries,
    open_store,
    page_query,
    parameters,
    run_query,
)
from tests.conftest import SHARED

SEEDS = SHARED / "corpus" / "seeds"

# The shipped queries as they were before they were rewritten for speed (commit 2b23c5c).
OLD_QUERIES = {
    "claims-by-sources": """\
# Corroborated claims: claims carried by two or more documents, most corroborated first.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
SELECT ?claim ?sources ?content (COUNT(DISTINCT ?s) AS ?statements) WHERE {
  ?claim kg:sourceCount ?sources .
  FILTER (?sources >= 2)
  ?claim a kg:Claim ; kg:content ?content .
  ?s kg:asserts ?claim .
}
GROUP BY ?claim ?sources ?content
ORDER BY DESC(?sources) DESC(?statements) ?claim
""",
    "co-mentioned": """\
# Co-mentioned actors: pairs of the 200 most mentioned actors (persons, organisations, states) by shared documents.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?actor1 ?actor2 ?documents WHERE {
  { SELECT ?a ?b (COUNT(?doc) AS ?documents) WHERE {
      { SELECT ?a WHERE { ?a kg:mentionCount ?n ; a ?class . FILTER (?class IN (kg:Person, kg:Organization, kg:GeopoliticalEntity)) }
        ORDER BY DESC(?n) LIMIT 200 }
      ?a kg:mentionedIn ?doc .
      ?b kg:mentionedIn ?doc .
      FILTER (STR(?a) < STR(?b))
    } GROUP BY ?a ?b }
  { SELECT ?b WHERE { ?b kg:mentionCount ?n ; a ?class . FILTER (?class IN (kg:Person, kg:Organization, kg:GeopoliticalEntity)) }
    ORDER BY DESC(?n) LIMIT 200 }
  ?a skos:prefLabel ?actor1 .
  ?b skos:prefLabel ?actor2 .
}
ORDER BY DESC(?documents) ?actor1 ?actor2
LIMIT 100
""",
    "contradictions": """\
# Contested claims: pairs of claims marked as contradicting each other.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
SELECT ?claim1 ?content1 ?claim2 ?content2 WHERE {
  ?claim1 kg:contradicts ?claim2 ; kg:content ?content1 .
  ?claim2 kg:content ?content2 .
  FILTER (STR(?claim1) < STR(?claim2))
}
""",
    "interactions": """\
# Actor-to-actor interactions: who did what to whom, in which document.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?agent ?type ?trigger ?target ?document ?statement WHERE {
  ?i a kg:Interaction ; kg:interactionType ?t ; kg:agent ?a ; kg:target ?b ; kg:statedIn ?doc .
  ?a skos:prefLabel ?agent . ?b skos:prefLabel ?target . ?doc dcterms:identifier ?document .
  BIND (STRAFTER(STR(?t), "#") AS ?type)
  OPTIONAL { ?i kg:trigger ?trigger }
  OPTIONAL { ?i kg:derivedFrom ?statement }
}
ORDER BY ?document ?agent ?type
""",
    "statements-about": """\
# Statements about a given actor. Bind ?name to any of its labels: --bind name=لافروف
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?about ?speaker ?content ?document WHERE {
  ?s a kg:Statement ; kg:about ?e ; kg:content ?content ; kg:statedIn ?doc .
  ?e skos:prefLabel ?about .
  FILTER (!BOUND(?name) || EXISTS { ?e skos:prefLabel|skos:altLabel ?label . FILTER (STR(?label) = STR(?name)) })
  ?doc dcterms:identifier ?document .
  OPTIONAL { ?s kg:speaker/skos:prefLabel ?speaker }
}
ORDER BY ?about ?document
""",
    "top-speakers": """\
# Top speakers: actors by number of statements attributed to them.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?speaker (COUNT(?s) AS ?statements) WHERE {
  ?s a kg:Statement ; kg:speaker ?e . ?e skos:prefLabel ?speaker .
}
GROUP BY ?speaker
ORDER BY DESC(?statements) ?speaker
""",
    "who-said-what": """\
# Who said what: every statement with its speaker, cue, content and document.
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?speaker ?cue ?content ?document WHERE {
  ?s a kg:Statement ; kg:content ?content ; kg:statedIn ?doc ; kg:begin ?begin .
  ?doc dcterms:identifier ?document .
  OPTIONAL { ?s kg:cue ?cue }
  OPTIONAL { ?s kg:speaker/skos:prefLabel ?speaker }
}
ORDER BY ?document ?begin
""",
}

# The order each query promises, as a sort key over its output columns (text compares by code
# point, as SPARQL does). Listings come in reading order: by document, then offset.
ORDER: dict[str, Callable[[dict[str, str]], tuple]] = {
    "claims-by-sources": lambda r: (-int(r["sources"]), -int(r["statements"]), r["claim"]),
    "co-mentioned": lambda r: (-int(r["documents"]), r["actor1"], r["actor2"]),
    "contradictions": lambda r: (r["claim1"], r["claim2"]),
    "interactions": lambda r: (r["document"],),
    "statements-about": lambda r: (r["document"],),
    "top-speakers": lambda r: (-int(r["statements"]),),
    "who-said-what": lambda r: (r["document"],),
}
ABOUT_SEPARATOR = "، "


def comparable(name: str, rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """The rows of the rewritten query ``name`` in the shape of the old query's: statements-about
    now lists a statement once with all its actors, co-mentioned every pair, not the first 100."""
    if name == "statements-about":
        return sorted((about, *rest) for labels, *rest in rows for about in labels.split(ABOUT_SEPARATOR))
    if name == "co-mentioned":
        return sorted(rows[:100])
    if name == "claims-by-sources":  # now also lists each claim's outlets and speakers
        return sorted(row[:4] for row in rows)
    return sorted(rows)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not there")
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds")
    build([SEEDS], out, outputs=())
    return out


def records(result: Result) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def test_query_every_shipped_query_has_a_baseline_and_an_order() -> None:
    assert set(named_queries()) == set(OLD_QUERIES) == set(ORDER)


@pytest.mark.parametrize("name", sorted(OLD_QUERIES))
def test_query_rewrite_gives_the_old_answer_in_the_promised_order(seeds: Path, name: str) -> None:
    store = open_store(seeds)
    old = run_query(store, OLD_QUERIES[name])
    new = run_query(store, named_queries()[name])
    assert new.columns[: len(old.columns)] == old.columns
    assert comparable(name, new.rows) == sorted(old.rows)
    assert old.rows, f"{name} gives no rows on the seeds: the comparison proves nothing"
    rows = records(new)
    assert rows == sorted(rows, key=ORDER[name])


def _labels(store: object, sparql: str) -> list[str]:
    return [row[0] for row in run_query(store, sparql).rows]  # type: ignore[arg-type]


def test_query_statements_about_bound_gives_the_old_answer(seeds: Path) -> None:
    store = open_store(seeds)
    names = _labels(
        store,
        "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT DISTINCT ?label WHERE { ?s kg:about ?e . ?e skos:prefLabel|skos:altLabel ?label "
        'FILTER(LANG(?label) = "ar") }',  # the names bound as @ar, not the @ar-Latn romanisation
    )
    assert names
    for label in names[:12]:
        bindings = {"name": label}
        old = run_query(store, OLD_QUERIES["statements-about"], bindings=bindings)
        new = run_query(store, named_queries()["statements-about"], bindings=bindings)
        assert comparable("statements-about", new.rows) == sorted(old.rows), label
        assert new.rows


def test_query_who_said_what_bound_to_a_speaker(seeds: Path) -> None:
    store = open_store(seeds)
    everything = records(run_query(store, named_queries()["who-said-what"]))
    speaker = next(row["speaker"] for row in everything if row["speaker"])
    bound = records(run_query(store, named_queries()["who-said-what"], bindings={"name": speaker}))
    assert bound == [row for row in everything if row["speaker"] == speaker]


def test_query_interactions_bound_to_an_actor(seeds: Path) -> None:
    store = open_store(seeds)
    everything = records(run_query(store, named_queries()["interactions"]))
    assert everything
    agent = everything[0]["agent"]
    bound = records(run_query(store, named_queries()["interactions"], bindings={"name": agent}))
    assert bound == [row for row in everything if agent in (row["agent"], row["target"])]


@pytest.mark.parametrize("name", sorted(OLD_QUERIES))
def test_query_pages_are_slices_of_the_whole_answer(seeds: Path, name: str) -> None:
    store = open_store(seeds)
    text = named_queries()[name]
    whole = run_query(store, text)
    size = max(1, len(whole.rows) // 3)
    pages, offset = [], 0
    while True:
        page = run_query(store, text, limit=size, offset=offset)
        pages += page.rows
        offset += size
        if not page.more:
            break
    assert pages == list(whole.rows)
    assert not run_query(store, text, limit=size, offset=len(whole.rows)).rows


def test_query_positioned_page_is_looked_up_and_bound_page_is_sorted() -> None:
    text = named_queries()["who-said-what"]
    looked_up = page_query(text, limit=3, offset=7)
    assert "VALUES ?i { 7 8 9 }" in looked_up
    assert "OFFSET" not in looked_up.replace("# page: LIMIT and OFFSET", "")
    bound = page_query(bind_values(text, {"name": "لافروف"}), limit=3, offset=7)
    assert "VALUES ?i" not in bound
    assert "LIMIT 3 OFFSET 7" in bound


@pytest.mark.parametrize(
    "name",
    [
        "who-said-what",
        "statements-about",
        "interactions",
        "co-mentioned",
        "top-speakers",
        "claims-by-sources",
    ],
)
def test_query_positions_number_every_listed_row_without_gaps(seeds: Path, name: str) -> None:
    """A positioned page is exact only if the positions of the listed rows are 0 .. n-1."""
    store = open_store(seeds)
    text = named_queries()[name]
    whole = run_query(store, text)
    assert whole.rows
    looked_up = run_query(store, text, limit=len(whole.rows) + 5)
    assert looked_up.rows == whole.rows
    assert not looked_up.more


@pytest.mark.parametrize(
    ("limit", "offset", "tail"),
    [
        (10, 0, "ORDER BY ?s LIMIT 10"),
        (10, 5, "ORDER BY ?s LIMIT 10 OFFSET 5"),
        (None, 5, "ORDER BY ?s OFFSET 5"),
    ],
)
def test_query_page_query_appends_limit_and_offset(limit: int | None, offset: int, tail: str) -> None:
    text = page_query("SELECT * WHERE { ?s ?p ?o }\nORDER BY ?s\n# the end\n", limit=limit, offset=offset)
    assert text.split("\n")[1] == tail
    assert text.rstrip().endswith("# the end")


@pytest.mark.parametrize(
    ("limit", "offset", "tail"),
    [(10, 0, "LIMIT 10 OFFSET 20"), (10, 95, "LIMIT 5 OFFSET 115"), (10, 200, "LIMIT 0 OFFSET 220")],
)
def test_query_page_query_stays_within_the_query_s_own_limit(limit: int, offset: int, tail: str) -> None:
    text = page_query("SELECT * WHERE { ?s ?p ?o } LIMIT 100 OFFSET 20", limit=limit, offset=offset)
    assert text.strip().endswith(tail)


def test_query_declared_parameter_binds_a_tagged_literal_and_its_pattern() -> None:
    text = "# param ?name@ar: ?e skos:prefLabel ?name .\nSELECT ?e WHERE { ?e a ?c }"
    assert parameters(text)["name"].language == "ar"
    bound = bind_values(text, {"name": "لافروف"})
    assert 'VALUES ?name { "لافروف"@ar } ?e skos:prefLabel ?name .' in bound
    assert 'VALUES ?c { "x" }' in bind_values(text, {"c": "x"})


def test_query_every_listing_query_declares_a_parameter() -> None:
    for name in ("who-said-what", "statements-about", "interactions"):
        assert "name" in parameters(named_queries()[name]), name


ONE_LINE = (
    "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#> SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d"
)


def test_query_one_line_query_with_hash_in_its_iris_pages(built: Path) -> None:
    store = open_store(built)
    whole = run_query(store, ONE_LINE)
    assert len(whole.rows) == 2
    first = run_query(store, ONE_LINE, limit=1)
    assert first.rows == whole.rows[:1] and first.more
    assert run_query(store, ONE_LINE, limit=1, offset=1).rows == whole.rows[1:]


def test_query_directives_count_only_in_real_comments() -> None:
    text = (
        "SELECT ?s WHERE {\n  ?s ?p '# page: not a directive' .\n"
        "  ?s ?p <http://example.org/x#bind:> .\n}\n# the end\n"
    )
    paged = page_query(text, limit=5, offset=2)
    assert "'# page: not a directive' ." in paged
    assert paged.endswith("} LIMIT 5 OFFSET 2\n# the end\n")
    bound = bind_values(text, {"s": "x"})
    assert bound.index('VALUES ?s { "x" }') < bound.index("# page")
    assert parameters("SELECT ?s WHERE { ?s ?p '# param ?x: ?s ?p ?x .' }") == {}


def test_query_unknown_binding_says_which_variables_there_are() -> None:
    with pytest.raises(QueryError, match=r"Cannot bind \?nmae.*\?name, \?s"):
        bind_values(named_queries()["who-said-what"].replace("?speaker", "?s"), {"nmae": "لافروف"})


SAMPLE = """\
PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?begin ?label ?missing WHERE {
  ?s a kg:Statement ; kg:begin ?begin ; kg:speaker ?e . ?e skos:prefLabel ?label .
} ORDER BY ?s
"""


def test_query_json_is_sparql_results_json_with_kinds_datatypes_and_languages(built: Path) -> None:
    store = open_store(built)
    ours = json.loads(format_result(run_query(store, SAMPLE, limit=0), "json"))
    engine = json.loads(
        store.query(SAMPLE, use_default_graph_as_union=True).serialize(format=QueryResultsFormat.JSON)
    )
    assert ours == engine
    first = ours["results"]["bindings"][0]
    assert first["s"]["type"] == "uri" and "missing" not in first
    assert first["begin"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert first["label"]["xml:lang"] == "ar"


def test_query_json_of_ask_is_a_boolean(built: Path) -> None:
    answer = run_query(open_store(built), "ASK { ?s a <https://w3id.org/arabic-news-kg/ontology#Nothing> }")
    assert json.loads(format_result(answer, "json")) == {"head": {}, "boolean": False}


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("a.csv", "csv"), ("a.TSV", "tsv"), ("a.json", "json"), ("a.srj", "json"), ("a.txt", "table")],
)
def test_query_format_for_follows_the_extension(path: str, fmt: str) -> None:
    assert format_for(path) == fmt


def test_query_format_for_an_unknown_extension_asks_for_format() -> None:
    with pytest.raises(QueryError, match="--format"):
        format_for("results.xlsx")


def test_query_claims_by_sources_lists_each_claims_outlets_and_speakers(seeds: Path) -> None:
    rows = records(run_query(open_store(seeds), named_queries()["claims-by-sources"]))
    assert rows
    for row in rows:
        outlets = row["outlets"].split(ABOUT_SEPARATOR)
        assert len(outlets) >= min(int(row["sources"]), 2) or row["outlets"]
    assert any(row["speakers"] for row in rows)
