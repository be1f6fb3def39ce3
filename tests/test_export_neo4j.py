"""Neo4j export: CSV headers and counts against the RDF graph, Arabic round trips, Cypher escaping."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.export import neo4j
from kg.rdf.store import new_graph

PREFIXES = """
@prefix kg: <https://w3id.org/arabic-news-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix r: <https://w3id.org/arabic-news-kg/resource/> .
"""
NEWS_TTL = """
r:d1 a kg:Document ; dcterms:identifier "wire_001" ; dcterms:title "لافروف يتصل بكيري"@ar ;
    dcterms:publisher "وكالة" .
r:d2 a kg:Document ; dcterms:identifier "paper_002" .
r:kerry a kg:Person ; skos:prefLabel "جون كيري"@ar ; skos:altLabel "كيري"@ar, "جون كيرى"@ar ;
    kg:mentionCount 6 ; kg:mentionedIn r:d1, r:d2 ;
    schema:jobTitle "وزير الخارجية الأميركي"@ar ; schema:affiliation r:state .
r:state a kg:Organization ; skos:prefLabel "الخارجية الأميركية"@ar ; kg:mentionCount 2 ; kg:mentionedIn r:d1 ;
    kg:country r:usa .
r:usa a kg:GeopoliticalEntity ; skos:prefLabel "الولايات المتحدة"@ar ; kg:mentionCount 3 ;
    kg:mentionedIn r:d1 .
r:moscow a kg:GeopoliticalEntity, kg:Location ; skos:prefLabel "موسكو"@ar ; kg:mentionCount 1 ;
    kg:mentionedIn r:d2 ; kg:standsFor r:russia .
r:russia a kg:GeopoliticalEntity ; skos:prefLabel "روسيا"@ar ; kg:mentionCount 1 ; kg:mentionedIn r:d2 .
r:idlib a kg:Location ; skos:prefLabel "ريف إدلب"@ar ; kg:mentionCount 1 ; kg:mentionedIn r:d2 .
r:s1 a kg:Statement ; kg:speaker r:kerry ; kg:content "إن الحل \\"سياسي\\"\\nفي سوريا"@ar ; kg:cue "قال"@ar ;
    kg:quoteKind kg:Direct ; kg:polarity kg:Assert ; kg:statedIn r:d1 ; kg:about r:russia ;
    kg:addressee r:russia ; kg:via r:state ; kg:asserts r:c1 ; kg:begin 10 ; kg:end 40 ; kg:confidence 0.9 .
r:s2 a kg:Statement ; kg:content "نفى ذلك"@ar ; kg:cue "نفى"@ar ; kg:quoteKind kg:Indirect ;
    kg:polarity kg:Deny ;
    kg:statedIn r:d2 ; kg:nestedIn r:s1 ; kg:asserts r:c2 .
r:c1 a kg:Claim ; kg:content "الحل سياسي"@ar ; kg:reportedIn r:d1, r:d2 ; kg:sourceCount 2 ;
    kg:contradicts r:c2 .
r:c2 a kg:Claim ; kg:content "لا حل سياسي"@ar ; kg:reportedIn r:d2 ; kg:sourceCount 1 ; kg:contradicts r:c1 .
r:i1 a kg:Interaction ; kg:interactionType kg:PhoneCall ; kg:agent r:russia ; kg:target r:kerry ;
    kg:statedIn r:d1 ; kg:begin 0 ; kg:end 20 ; kg:timeText "مساء الأحد"@ar .
r:i2 a kg:Interaction ; kg:interactionType kg:Meeting ; kg:agent r:russia ; kg:target r:kerry ;
    kg:statedIn r:d2 .
"""
NASTY = [
    "back\\slash",
    'it\'s "quoted"',
    "line\nbreak\r\ttab",
    "<script>alert(1)</script>",
    "'}) MATCH (n) DETACH DELETE n //",
    "\u2028sep\u2029\x00\x1f",
    "emoji 😀 and ﷺ",
    "a;b,c|d",
]
CLASS_FILES = ["Person", "Organization", "GeopoliticalEntity", "Location", "Document", "Statement", "Claim"]
REL_PREDICATES = {
    "SAID": "kg:speaker",
    "ABOUT": "kg:about",
    "ADDRESSED_TO": "kg:addressee",
    "VIA": "kg:via",
    "ASSERTS": "kg:asserts",
    "STATED_IN": "kg:statedIn",
    "REPORTED_IN": "kg:reportedIn",
    "MENTIONED_IN": "kg:mentionedIn",
    "CONTRADICTS": "kg:contradicts",
    "STANDS_FOR": "kg:standsFor",
    "AFFILIATED_WITH": "schema:affiliation",
    "IN_COUNTRY": "kg:country",
    "NESTED_IN": "kg:nestedIn",
}
KG = Namespace("https://w3id.org/arabic-news-kg/ontology#")
NODE_TYPES = "kg:Person kg:Organization kg:GeopoliticalEntity kg:Location kg:Document kg:Statement kg:Claim"


def load(ttl: str) -> Graph:
    graph = new_graph()
    graph.parse(data=PREFIXES + ttl, format="turtle")
    return graph


@pytest.fixture
def news_folder(tmp_path: Path) -> tuple[Graph, Path]:
    graph = load(NEWS_TTL)
    neo4j.export(graph, tmp_path / "neo4j")
    return graph, tmp_path / "neo4j"


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def sparql_count(graph: Graph, where: str) -> int:
    rows = list(graph.query(PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n") + where))
    return int(rows[0][0])


def test_neo4j_writes_every_file(news_folder: tuple[Graph, Path]) -> None:
    _, folder = news_folder
    names = {path.name for path in folder.iterdir()}
    assert {f"nodes_{cls}.csv" for cls in CLASS_FILES} <= names
    assert {f"rels_{rel}.csv" for rel in [*REL_PREDICATES, "INTERACTS"]} <= names
    assert {"graph.cypher", "import.sh", "README.md"} <= names
    assert "neo4j-admin database import full" in (folder / "README.md").read_text("utf-8")


@pytest.mark.parametrize("cls", ["Person", "Organization", "GeopoliticalEntity", "Location"])
def test_neo4j_entity_header(news_folder: tuple[Graph, Path], cls: str) -> None:
    header, _ = read_csv(news_folder[1] / f"nodes_{cls}.csv")
    assert header[:4] == ["id:ID", "label", "altLabels:string[]", "mentionCount:int"]
    assert header[-1] == ":LABEL"


def test_neo4j_node_counts_match_sparql(news_folder: tuple[Graph, Path]) -> None:
    graph, folder = news_folder
    ids = [row["id:ID"] for cls in CLASS_FILES for row in read_csv(folder / f"nodes_{cls}.csv")[1]]
    assert len(ids) == len(set(ids))
    expected = sparql_count(
        graph, f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ VALUES ?t {{ {NODE_TYPES} }} ?n a ?t }}"
    )
    assert len(ids) == expected == 12


@pytest.mark.parametrize(("rel", "predicate"), sorted(REL_PREDICATES.items()))
def test_neo4j_relationship_counts_match_sparql(
    news_folder: tuple[Graph, Path], rel: str, predicate: str
) -> None:
    graph, folder = news_folder
    header, rows = read_csv(folder / f"rels_{rel}.csv")
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    where = (
        f"SELECT (COUNT(*) AS ?c) WHERE {{ ?s {predicate} ?o . VALUES ?t1 {{ {NODE_TYPES} }} "
        f"VALUES ?t2 {{ {NODE_TYPES} }} FILTER EXISTS {{ ?s a ?t1 }} FILTER EXISTS {{ ?o a ?t2 }} }}"
    )
    # Each triple once: the VALUES joins would multiply rows, so count distinct pairs instead.
    where = where.replace("COUNT(*)", "COUNT(DISTINCT CONCAT(STR(?s), ' ', STR(?o)))")
    assert len(rows) == sparql_count(graph, where)
    assert all(row[":TYPE"] == rel for row in rows)


def test_neo4j_said_goes_from_speaker_to_statement(news_folder: tuple[Graph, Path]) -> None:
    _, rows = read_csv(news_folder[1] / "rels_SAID.csv")
    assert [(r[":START_ID"].rsplit("/", 1)[1], r[":END_ID"].rsplit("/", 1)[1]) for r in rows] == [
        ("kerry", "s1")
    ]


def test_neo4j_interactions_keep_type_and_document(news_folder: tuple[Graph, Path]) -> None:
    graph, folder = news_folder
    _, rows = read_csv(folder / "rels_INTERACTS.csv")
    assert len(rows) == sparql_count(graph, "SELECT (COUNT(?i) AS ?c) WHERE { ?i a kg:Interaction }")
    assert {(row["type"], row["document"], row["timeText"]) for row in rows} == {
        ("PhoneCall", "wire_001", "مساء الأحد"),
        ("Meeting", "paper_002", ""),
    }


def test_neo4j_arabic_and_language_tags_round_trip(news_folder: tuple[Graph, Path]) -> None:
    _, folder = news_folder
    people = {row["label"]: row for row in read_csv(folder / "nodes_Person.csv")[1]}
    kerry = people["جون كيري"]
    assert kerry["altLabels:string[]"].split(neo4j.ARRAY_DELIMITER) == ["جون كيرى", "كيري"]
    assert kerry["label_lang"] == "ar" and kerry["mentionCount:int"] == "6"
    assert kerry["jobTitles:string[]"] == "وزير الخارجية الأميركي"
    assert kerry[":LABEL"].split(neo4j.ARRAY_DELIMITER) == ["Person", "Actor", "Resource"]
    statements = {row["cue"]: row for row in read_csv(folder / "nodes_Statement.csv")[1]}
    assert statements["قال"]["content"] == 'إن الحل "سياسي"\nفي سوريا'
    assert statements["قال"]["content_lang"] == "ar" and statements["نفى"]["polarity"] == "Deny"


def test_neo4j_entity_with_two_classes_is_one_node_with_both_labels(news_folder: tuple[Graph, Path]) -> None:
    folder = news_folder[1]
    gpe = {row["label"]: row for row in read_csv(folder / "nodes_GeopoliticalEntity.csv")[1]}
    places = {row["label"] for row in read_csv(folder / "nodes_Location.csv")[1]}
    assert "موسكو" in gpe and "موسكو" not in places
    assert set(gpe["موسكو"][":LABEL"].split(neo4j.ARRAY_DELIMITER)) >= {
        "GeopoliticalEntity",
        "Location",
        "Place",
    }


# --- Cypher -------------------------------------------------------------------------------------


def parse_cypher_string(text: str, start: int) -> tuple[str, int]:
    """Read a single-quoted Cypher string literal at ``text[start]`` (openCypher escapes)."""
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    assert text[start] == "'"
    out, pos = [], start + 1
    while text[pos] != "'":
        if text[pos] == "\\":
            code = text[pos + 1]
            if code == "u":
                out.append(chr(int(text[pos + 2 : pos + 6], 16)))
                pos += 6
                continue
            out.append(simple[code])
            pos += 2
            continue
        out.append(text[pos])
        pos += 1
    return "".join(out), pos + 1


def cypher_literals(script: str) -> list[str]:
    """Every string literal in ``script``, decoded; raises if a quote is left unbalanced."""
    found, pos = [], 0
    while pos < len(script):
        if script[pos] == "'":
            value, pos = parse_cypher_string(script, pos)
            found.append(value)
        elif script.startswith("//", pos):
            pos = script.index("\n", pos)
        else:
            pos += 1
    return found


@pytest.mark.parametrize("text", NASTY)
def test_neo4j_cypher_string_round_trips(text: str) -> None:
    literal = neo4j.cypher_string(text)
    assert parse_cypher_string(literal, 0) == (text, len(literal))
    assert "\n" not in literal and "\r" not in literal and "\u2028" not in literal


def test_neo4j_cypher_script_carries_nasty_strings_intact(tmp_path: Path) -> None:
    graph = load("")
    node = URIRef("https://w3id.org/arabic-news-kg/resource/entity/x")
    graph.add((node, RDF.type, KG.Person))
    graph.add((node, SKOS.prefLabel, Literal(NASTY[0], lang="ar")))
    for text in NASTY[1:]:
        graph.add((node, SKOS.altLabel, Literal(text, lang="ar")))
    neo4j.export(graph, tmp_path)
    script = (tmp_path / "graph.cypher").read_text("utf-8")
    literals = cypher_literals(script)
    assert NASTY[0] in literals
    assert {text.replace("\t", " ") for text in NASTY[1:]} <= set(literals)  # tabs: the array delimiter
    statements = [s for s in script.split(";\n") if s.strip()]
    assert all(re.match(r"\s*(//[^\n]*\n)*\s*(CREATE CONSTRAINT|UNWIND)", s) for s in statements)


def test_neo4j_cypher_merges_every_node_and_relationship(news_folder: tuple[Graph, Path]) -> None:
    folder = news_folder[1]
    script = (folder / "graph.cypher").read_text("utf-8")
    assert "CREATE " not in script.replace("CREATE CONSTRAINT", "")
    csv_ids = {row["id:ID"] for cls in CLASS_FILES for row in read_csv(folder / f"nodes_{cls}.csv")[1]}
    csv_ids |= {row["id"] for row in read_csv(folder / "rels_INTERACTS.csv")[1]}
    assert {v for v in cypher_literals(script) if v.startswith("https://")} == csv_ids
    assert script.count("MERGE (n:") == len(CLASS_FILES)  # one batch per node file here
    rel_rows = sum(len(read_csv(path)[1]) for path in folder.glob("rels_*.csv"))
    assert script.count("{s: '") == rel_rows


def test_neo4j_import_script_prints_command(news_folder: tuple[Graph, Path]) -> None:
    import subprocess

    folder = news_folder[1]
    done = subprocess.run(["sh", str(folder / "import.sh")], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("neo4j-admin database import full neo4j")
    assert f'--nodes="{folder}/nodes_Person.csv"' in done.stdout and "--array-delimiter=TAB" in done.stdout


def open_cypher_engine():  # type: ignore[no-untyped-def]
    """An in-memory openCypher engine (GraphQLite on SQLite), or skip when it is not installed."""
    graphqlite = pytest.importorskip("graphqlite")
    sqlite = pytest.importorskip("pysqlite3.dbapi2")  # the stdlib sqlite3 here cannot load extensions
    return graphqlite.wrap(sqlite.connect(":memory:"))


def run_script(engine, script: str) -> None:  # type: ignore[no-untyped-def]
    for statement in script.split(";\n"):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
        if body and not body.startswith("CREATE CONSTRAINT"):  # Neo4j schema syntax; GraphQLite has none
            engine.cypher(body)


def test_neo4j_cypher_loads_twice_into_an_opencypher_engine(tmp_path: Path) -> None:
    engine = open_cypher_engine()
    graph = load(NEWS_TTL)
    node = URIRef("https://w3id.org/arabic-news-kg/resource/entity/nasty")
    graph.add((node, RDF.type, KG.Person))
    graph.add((node, SKOS.prefLabel, Literal(NASTY[4] + NASTY[1] + NASTY[0], lang="ar")))
    neo4j.export(graph, tmp_path)
    script = (tmp_path / "graph.cypher").read_text("utf-8")
    rel_rows = sum(len(read_csv(path)[1]) for path in tmp_path.glob("rels_*.csv"))
    counts = []
    for _ in range(2):
        run_script(engine, script)
        nodes = engine.cypher("MATCH (n) RETURN count(n) AS c")[0]["c"]
        rels = engine.cypher("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
        counts.append((nodes, rels))
    assert counts == [(13, rel_rows), (13, rel_rows)]
    labels = {row["l"] for row in engine.cypher("MATCH (n:Person) RETURN n.label AS l")}
    assert labels == {"جون كيري", NASTY[4] + NASTY[1] + NASTY[0]}
    said = engine.cypher(
        "MATCH (:Person)-[:SAID]->(s:Statement) RETURN s.content AS c, s.content_lang AS lang"
    )
    assert [(row["c"], row["lang"]) for row in said] == [('إن الحل "سياسي"\nفي سوريا', "ar")]
