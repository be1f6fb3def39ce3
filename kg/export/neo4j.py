"""Neo4j exporter: bulk-import CSVs, an idempotent Cypher script and the import command.

Reads only the RDF graph and writes a folder, all or nothing (built beside it, then swapped in):

* ``nodes_<Label>.csv`` for Person, Organization, GeopoliticalEntity, Location, Document, Statement,
  Claim and Mention, in the ``neo4j-admin database import full`` format (``id:ID`` is the node's
  IRI, typed columns such as ``mentionCount:int`` and ``date:date``, arrays such as
  ``altLabels:string[]`` (the Arabic names; the ``@ar-Latn`` romanisation is ``romanization``),
  ``:LABEL``);
* ``rels_<TYPE>.csv`` (``:START_ID,:END_ID,:TYPE`` + properties) for SAID, ABOUT, ADDRESSED_TO, VIA,
  ASSERTS, STATED_IN, REPORTED_IN, MENTIONED_IN, CONTRADICTS, STANDS_FOR, AFFILIATED_WITH,
  IN_COUNTRY, NESTED_IN, REFERS_TO and IN_DOCUMENT (a mention's entity and document) and INTERACTS
  (one per ``kg:Interaction``, with its type, place and time);
* ``graph.cypher``: the schema (:data:`CYPHER_SCHEMA`), then batched ``UNWIND [...] AS row MERGE ...``
  statements for ``cypher-shell``; every string is a Cypher literal escaped by :func:`cypher_string`,
  so running it twice creates nothing new;
* ``import.sh`` (prints, and with ``--run`` runs, the ``neo4j-admin`` command) and ``README.md``.

Language tags survive as properties (``label_lang``, ``content_lang``, ``cue_lang``, ``title_lang``,
``surface_lang``, ``timeText_lang``). A document's date is a Neo4j ``date`` (``date('2018-02-18')``
in Cypher, a ``date:date`` column in CSV); a date that is not ISO 8601 stays text, as ``dateText``.
Array columns use TAB as the array delimiter (``--array-delimiter=TAB``); a tab inside a name
becomes a space.

``graph.cypher`` runs as it is on Neo4j 4.4 and 5 (``CREATE CONSTRAINT ... FOR ... REQUIRE``, the
syntax of both). Its schema block also holds, as ``//<target>: `` comment lines, the schema of other
targets (:data:`CYPHER_SCHEMA`): ``neo4j-4.3`` (``ON ... ASSERT``, removed in Neo4j 5) and ``falkordb``
(an index per label: FalkorDB has no constraints in Cypher). :func:`cypher_statements` gives the
statements to run for a target.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg import atomic
from kg.atomic import atomic_path
from kg.errors import Errors, ExportError
from kg.export.reader import GraphReader, Value
from kg.rdf.vocab import KG

SCHEMA = "https://schema.org/"
JOB_TITLE = URIRef(SCHEMA + "jobTitle")
ENTITY_PREDICATES = (SKOS.prefLabel, SKOS.altLabel, KG.mentionCount, JOB_TITLE)
ARRAY_DELIMITER = "\t"
BATCH = 500
DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|T)")  # an xsd:date or xsd:dateTime lexical form
ENTITY_LABELS = {
    "Person": ("Person", "Actor"),
    "Organization": ("Organization", "Actor"),
    "GeopoliticalEntity": ("GeopoliticalEntity", "Actor", "Place"),
    "Location": ("Location", "Place"),
}
NODE_CLASSES = (*ENTITY_LABELS, "Document", "Statement", "Claim", "Mention")
NODE_LABELS = tuple(dict.fromkeys([*(x for labels in ENTITY_LABELS.values() for x in labels), *NODE_CLASSES]))
# (type, RDF predicate, reversed?) for relationships that are one triple each.
RELATIONSHIPS = (
    ("SAID", KG.speaker, True),
    ("ABOUT", KG.about, False),
    ("ADDRESSED_TO", KG.addressee, False),
    ("VIA", KG.via, False),
    ("ASSERTS", KG.asserts, False),
    ("STATED_IN", KG.statedIn, False),
    ("REPORTED_IN", KG.reportedIn, False),
    ("MENTIONED_IN", KG.mentionedIn, False),
    ("CONTRADICTS", KG.contradicts, False),
    ("STANDS_FOR", KG.standsFor, False),
    ("AFFILIATED_WITH", URIRef(SCHEMA + "affiliation"), False),
    ("IN_COUNTRY", KG.country, False),
    ("NESTED_IN", KG.nestedIn, False),
    ("REFERS_TO", KG.refersTo, False),
    ("IN_DOCUMENT", KG.inDocument, False),
)
# Names of the files an export writes: a folder holding only these may be replaced by a new export.
EXPORT_FILE = re.compile(r"(nodes|rels)_\w+\.csv|graph\.cypher|import\.sh|README\.md")
INTERACTS_COLUMNS = (
    "id", "type", "trigger", "document", "begin:int", "end:int", "timeText", "timeText_lang", "place",
    "placeLabel", "derivedFrom",
)  # fmt: skip
# The schema statements of graph.cypher per target. The first runs as it is; the others are written
# as ``//<target>: `` comment lines for :func:`cypher_statements` (or a reader) to pick.
CYPHER_SCHEMA: dict[str, tuple[str, ...]] = {
    # Neo4j 4.4 and 5: FOR ... REQUIRE came in 4.4; every MERGE and MATCH names Resource.
    "neo4j": ("CREATE CONSTRAINT kg_resource_id IF NOT EXISTS FOR (n:Resource) REQUIRE n.id IS UNIQUE",),
    # Neo4j before 4.4 (ON ... ASSERT: deprecated in 4.4, removed in 5).
    "neo4j-4.3": ("CREATE CONSTRAINT kg_resource_id IF NOT EXISTS ON (n:Resource) ASSERT n.id IS UNIQUE",),
    # No constraints in FalkorDB's Cypher, so an index per label: a 500-article graph (15,794
    # nodes, 32,047 relationships) loaded in 292 s without and 7 s with them (every MERGE and
    # MATCH scanned its label). CREATE INDEX has no IF NOT EXISTS there: a second run fails with
    # "already indexed", which a loader may ignore.
    "falkordb": tuple(f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in ("Resource", *NODE_LABELS)),
    # Engines with neither (GraphQLite): the data statements only.
    "plain": (),
}
_CYPHER_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


@dataclass(frozen=True)
class Table:
    """One CSV file: its name, typed header and rows; ``labels`` for node tables, ``rel`` for others."""

    name: str
    header: tuple[str, ...]
    rows: list[dict]
    labels: tuple[str, ...] = ()
    rel: str = ""
    size: int | None = None  # rows written, once the rows themselves are dropped

    @property
    def row_count(self) -> int:
        return len(self.rows) if self.size is None else self.size

    def without_rows(self) -> Table:
        """This table's name, header and row count, without the rows."""
        return replace(self, rows=[], size=self.row_count)


def export(graph: Graph, path: Path) -> list[Path]:
    """Write the Neo4j import folder for ``graph`` into ``path``, all or nothing.

    The files are written into a temporary folder beside ``path`` that then replaces ``path``
    whole (:func:`atomic_folder`), so an interrupted export leaves the previous folder as it was.

    Args:
        graph: a kg graph.
        path: the folder to write (created if missing; replaced if it holds an earlier export).

    Returns:
        The files written.

    Raises:
        ExportError: when ``path`` is a file, or a folder holding files kg did not write.
    """
    folder = Path(path)
    reader = GraphReader(graph)
    with atomic_folder(folder) as temp:
        written, tables = _write_tables(reader, temp)
        script = _write(temp / "import.sh", import_script(tables))
        script.chmod(0o755)
        written.append(script)
        written.append(_write(temp / "README.md", readme(tables)))
    return [folder / file.name for file in written]


def _write_tables(reader: GraphReader, folder: Path) -> tuple[list[Path], list[Table]]:
    """Write each table's CSV and its part of ``graph.cypher``, one table at a time.

    Only one table's rows are in memory at once (the graph's predicates are re-read per table),
    so the export's memory grows with the largest table, not with the whole graph. Returns the
    files and the tables without their rows (for ``import.sh`` and the README).
    """
    written: list[Path] = []
    tables: list[Table] = []
    cypher = folder / "graph.cypher"
    with atomic_path(cypher) as temp, temp.open("w", encoding="utf-8", newline="") as script:
        script.writelines(cypher_lines([], []))
        for table in _tables(reader):
            written.append(_write_lines(folder / f"{table.name}.csv", csv_lines(table)))
            nodes, rels = ([], [table]) if table.rel else ([table], [])
            script.writelines(cypher_lines(nodes, rels, header=False))
            tables.append(table.without_rows())
            reader.release()
    written.append(cypher)
    return written, tables


def _tables(reader: GraphReader) -> Iterator[Table]:
    """The node tables, then the relationship tables, each built when the previous one is done."""
    classes = node_classes(reader)
    yield from node_tables(reader, classes)
    yield from relationship_tables(reader, set(classes))


def _write(path: Path, text: str) -> Path:
    return _write_lines(path, [text])


def _write_lines(path: Path, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` one after the other: a large graph's Cypher script is never one string."""
    with atomic_path(path) as temp, temp.open("w", encoding="utf-8", newline="") as out:
        out.writelines(chunks)
    return path


# --- writing the folder atomically ----------------------------------------------------------------


def check_replaceable(folder: Path) -> None:
    """Check that ``folder`` is missing, empty, or an earlier Neo4j export that may be replaced.

    Raises:
        ExportError: when ``folder`` is a file or holds anything an export does not write.
    """
    if not folder.exists():
        return
    if not folder.is_dir():
        raise ExportError(Errors.E060.format(path=folder))
    foreign = sorted(p.name for p in folder.iterdir() if not EXPORT_FILE.fullmatch(p.name))
    if foreign:
        raise ExportError(Errors.E061.format(path=folder, names=", ".join(foreign[:5])))


@contextmanager
def atomic_folder(folder: Path) -> Iterator[Path]:
    """Yield a new temporary folder beside ``folder``; on success it replaces ``folder`` whole.

    Raises:
        ExportError: when ``folder`` may not be replaced (see :func:`check_replaceable`).
    """
    check_replaceable(Path(folder).absolute())
    with atomic.atomic_folder(folder) as temp:
        yield temp


# --- reading ------------------------------------------------------------------------------------


def _one(values: dict[str, list[Value]], iri: str) -> Value | None:
    found = values.get(iri)
    return found[0] if found else None


def _text(value: Value | None) -> str:
    return value.text if value is not None else ""


def _lang(value: Value | None) -> str:
    """The language tag, one string per tag (a table holds "ar" once per row otherwise)."""
    return sys.intern(value.language or "") if value is not None and value.literal else ""


def _number(value: Value | None, kind: type = int) -> int | float | None:
    if value is None:
        return None
    try:
        return kind(value.number())
    except (TypeError, ValueError):
        return None


def _date(value: Value | None) -> tuple[datetime.date | None, str]:
    """A document's ``dcterms:date`` as ``(date, "")``, or ``(None, text)`` when it is no ISO date
    (read from the lexical form: a plain string and an ``xsd:date`` literal alike)."""
    text = _text(value).strip()
    found = DATE.match(text)
    if found:
        try:
            return datetime.date.fromisoformat(found.group(1)), ""
        except ValueError:
            pass
    return None, text


def _local(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def node_classes(graph: GraphReader) -> dict[str, str]:
    """Each exported node's IRI → the class whose file holds it (first match in ``NODE_CLASSES``)."""
    chosen: dict[str, str] = {}
    for cls in NODE_CLASSES:
        for subject, is_iri in graph.subjects(RDF.type, KG[cls]):
            if is_iri:
                chosen.setdefault(subject, cls)
    return chosen


def node_tables(graph: GraphReader, classes: dict[str, str]) -> Iterator[Table]:
    """One table per node class (``classes``: see :func:`node_classes`), built one at a time."""
    by_class: dict[str, list[str]] = {cls: [] for cls in NODE_CLASSES}
    for iri, cls in classes.items():
        by_class[cls].append(iri)
    extra = _extra_labels(graph, classes)
    entities = {iri for cls in ENTITY_LABELS for iri in by_class[cls]}
    names = {p: graph.values(p, entities) for p in ENTITY_PREDICATES}  # once for the four tables
    for cls in ENTITY_LABELS:
        yield _entity_table(names, cls, sorted(by_class.pop(cls)), extra)
    del names
    yield _document_table(graph, sorted(by_class.pop("Document")))
    yield _statement_table(graph, sorted(by_class.pop("Statement")))
    yield _claim_table(graph, sorted(by_class.pop("Claim")))
    yield _mention_table(graph, sorted(by_class.pop("Mention")))


def _extra_labels(graph: GraphReader, classes: dict[str, str]) -> dict[str, set[str]]:
    """Entity classes beyond the one that chose the file (an entity typed both GPE and Location)."""
    extra: dict[str, set[str]] = {}
    for cls in ENTITY_LABELS:
        for iri, _ in graph.subjects(RDF.type, KG[cls]):
            if classes.get(iri) in ENTITY_LABELS and classes[iri] != cls:
                extra.setdefault(iri, set()).update(ENTITY_LABELS[cls])
    return extra


def _labels(base: Iterable[str], extra: Iterable[str] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*base, *sorted(extra), "Resource"]))


def _romanised(value: Value) -> bool:
    """A machine romanisation (``skos:altLabel "bšAr AlÂsd"@ar-Latn``): its own column, not a name."""
    return (value.language or "").lower() == "ar-latn"


def _clean_item(text: str) -> str:
    return text.replace(ARRAY_DELIMITER, " ")


def _entity_table(
    names: dict[URIRef, dict[str, list[Value]]], cls: str, iris: list[str], extra: dict[str, set[str]]
) -> Table:
    """One row per entity of ``cls``; ``names``: predicate → entity → values (see :func:`node_tables`)."""
    pref, alt = names[SKOS.prefLabel], names[SKOS.altLabel]
    count, jobs = names[KG.mentionCount], names[JOB_TITLE]
    rows = []
    for iri in iris:
        label = _one(pref, iri)
        rows.append(
            {
                "id": iri,
                "label": _text(label) or _local(iri),
                "altLabels": sorted({_clean_item(str(v)) for v in alt.get(iri, []) if not _romanised(v)}),
                "romanization": next((str(v) for v in alt.get(iri, []) if _romanised(v)), ""),
                "mentionCount": _number(_one(count, iri)),
                "label_lang": _lang(label),
                "jobTitles": sorted({_clean_item(str(v)) for v in jobs.get(iri, [])}),
                ":LABEL": _labels(ENTITY_LABELS[cls], extra.get(iri, ())),
            }
        )
    header = (
        "id:ID",
        "label",
        "altLabels:string[]",
        "romanization",
        "mentionCount:int",
        "label_lang",
        "jobTitles:string[]",
        ":LABEL",
    )
    return Table(f"nodes_{cls}", header, rows, labels=_labels(ENTITY_LABELS[cls]))


def _document_table(graph: GraphReader, iris: list[str]) -> Table:
    wanted = set(iris)
    fields = {
        name: graph.values(DCTERMS[name], wanted)
        for name in ("identifier", "title", "publisher", "date", "source")
    }
    rows = []
    for iri in iris:
        title = _one(fields["title"], iri)
        identifier = _text(_one(fields["identifier"], iri)) or _local(iri)
        date, date_text = _date(_one(fields["date"], iri))
        rows.append(
            {
                "id": iri,
                "label": identifier,
                "identifier": identifier,
                "title": _text(title),
                "title_lang": _lang(title),
                "publisher": _text(_one(fields["publisher"], iri)),
                "date": date,
                "dateText": date_text,
                "source": _text(_one(fields["source"], iri)),
                ":LABEL": _labels(["Document"]),
            }
        )
    header = (
        "id:ID", "label", "identifier", "title", "title_lang", "publisher", "date:date", "dateText",
        "source", ":LABEL",
    )  # fmt: skip
    return Table("nodes_Document", header, rows, labels=_labels(["Document"]))


def _statement_table(graph: GraphReader, iris: list[str]) -> Table:
    """One row per statement, read in one query (:meth:`GraphReader.described`): the table's
    values read predicate by predicate took about 0.9 GB at 50,000 articles (226k statements)."""
    predicates = (
        KG.content, KG.cue, KG.quoteKind, KG.polarity, KG.begin, KG.end, KG.confidence, KG.speakerKind
    )  # fmt: skip
    described = graph.described(KG.Statement, predicates, set(iris))
    rows = []
    for iri in iris:
        found = described.get(iri) or [None] * len(predicates)
        text, cue_text, kind, polarity, begin, end, confidence, speaker = found
        rows.append(
            {
                "id": iri,
                "label": _short(_text(text)),
                "content": _text(text),
                "content_lang": _lang(text),
                "cue": _text(cue_text),
                "cue_lang": _lang(cue_text),
                "quoteKind": _local(kind) if kind is not None else "",
                "polarity": _local(polarity) if polarity is not None else "",
                "begin": _number(begin),
                "end": _number(end),
                "confidence": _number(confidence, float),
                "speakerKind": _text(speaker),
                ":LABEL": _labels(["Statement"]),
            }
        )
    header = (
        "id:ID", "label", "content", "content_lang", "cue", "cue_lang", "quoteKind", "polarity",
        "begin:int", "end:int", "confidence:double", "speakerKind", ":LABEL",
    )  # fmt: skip
    return Table("nodes_Statement", header, rows, labels=_labels(["Statement"]))


def _claim_table(graph: GraphReader, iris: list[str]) -> Table:
    """One row per claim, read in one query (``kg:content`` is on every statement too)."""
    described = graph.described(KG.Claim, (KG.content, KG.sourceCount), set(iris))
    rows = []
    for iri in iris:
        text, count = described.get(iri) or [None] * 2
        rows.append(
            {
                "id": iri,
                "label": _short(_text(text)),
                "content": _text(text),
                "content_lang": _lang(text),
                "sourceCount": _number(count),
                ":LABEL": _labels(["Claim"]),
            }
        )
    header = ("id:ID", "label", "content", "content_lang", "sourceCount:int", ":LABEL")
    return Table("nodes_Claim", header, rows, labels=_labels(["Claim"]))


def _mention_table(graph: GraphReader, iris: list[str]) -> Table:
    """One row per mention as written (``surface``, attached clitics included) with its offsets
    into the document's text; REFERS_TO and IN_DOCUMENT link it to its entity and document."""
    predicates = (KG.surface, KG.begin, KG.end, KG.mentionKind)
    described = graph.described(KG.Mention, predicates, set(iris))
    labels = _labels(["Mention"])
    rows = []
    for iri in iris:  # the largest table (8,270 mentions at 500 articles): values dropped once read
        surface, begin, end, kind = described.pop(iri, None) or [None] * len(predicates)
        rows.append(
            {
                "id": iri,
                "label": _text(surface),
                "surface": _text(surface),
                "surface_lang": _lang(surface),
                "begin": _number(begin),
                "end": _number(end),
                "mentionKind": sys.intern(_text(kind)),
                ":LABEL": labels,
            }
        )
    header = ("id:ID", "label", "surface", "surface_lang", "begin:int", "end:int", "mentionKind", ":LABEL")
    return Table("nodes_Mention", header, rows, labels=labels)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def relationship_tables(graph: GraphReader, nodes: set[str]) -> Iterator[Table]:
    """One table per relationship type, built one at a time; only edges whose two ends are
    exported nodes."""
    for rel, predicate, reverse in RELATIONSHIPS:
        pairs = set()
        same: dict[str, str] = {}  # one string per IRI: a document ends thousands of MENTIONED_IN edges
        for subject, obj in graph.pairs(predicate):
            start, end = (obj.text, subject.text) if reverse else (subject.text, obj.text)
            if start in nodes and end in nodes:
                pairs.add((same.setdefault(start, start), same.setdefault(end, end)))
        rows = [{":START_ID": s, ":END_ID": e, ":TYPE": rel} for s, e in sorted(pairs)]
        del pairs
        yield Table(f"rels_{rel}", (":START_ID", ":END_ID", ":TYPE"), rows, rel=rel)
    yield _interaction_table(graph, nodes)


def _interaction_table(graph: GraphReader, nodes: set[str]) -> Table:
    """One row per interaction between exported nodes, read in one query
    (:meth:`GraphReader.described`): reading ``kg:begin`` and ``kg:end`` whole for them read
    those of every mention too (2.4 million triples at 50,000 articles)."""
    subjects = {s for s, _ in graph.subjects(RDF.type, KG.Interaction)}
    predicates = (
        KG.agent, KG.target, KG.interactionType, KG.statedIn, KG.begin, KG.end, KG.timeText, KG.place,
        KG.trigger, KG.derivedFrom,
    )  # fmt: skip
    described = graph.described(KG.Interaction, predicates, subjects)
    identifier = graph.values(DCTERMS.identifier, {_text(found[3]) for found in described.values()})
    place_labels = graph.values(SKOS.prefLabel, {_text(found[7]) for found in described.values()})
    rows = []
    for subject in sorted(subjects):
        found = described.get(subject) or [None] * len(predicates)
        agent, target, kind, doc, begin, end, when, place, trigger, statement = found
        start, finish = _text(agent), _text(target)
        if start not in nodes or finish not in nodes:
            continue
        doc_iri = _text(doc)
        rows.append(
            {
                ":START_ID": start,
                ":END_ID": finish,
                ":TYPE": "INTERACTS",
                "id": subject,
                "type": _local(kind) if kind is not None else "OtherInteraction",
                "trigger": _text(trigger),  # طرد، استدعى، فرض: what an OtherInteraction was
                "document": _text(_one(identifier, doc_iri)) or doc_iri,
                "begin": _number(begin),
                "end": _number(end),
                "timeText": _text(when),
                "timeText_lang": _lang(when),
                "place": _text(place),  # the id of a Place node
                "placeLabel": _text(_one(place_labels, _text(place))),
                "derivedFrom": _text(statement),  # the IRI of the statement that carries it, if any
            }
        )
    return Table(
        "rels_INTERACTS", (":START_ID", ":END_ID", ":TYPE", *INTERACTS_COLUMNS), rows, rel="INTERACTS"
    )


# --- CSV ------------------------------------------------------------------------------------------


def _key(column: str) -> str:
    """The row key of a header column: ``mentionCount:int`` → ``mentionCount``; ``:LABEL`` stays."""
    return column if column.startswith(":") else column.split(":")[0]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(str(item) for item in value)
    return str(value)


def csv_text(table: Table) -> str:
    """The CSV text of ``table`` (header line, then one line per row; RFC 4180 quoting)."""
    return "".join(csv_lines(table))


def csv_lines(table: Table, rows_per_chunk: int = 1000) -> Iterator[str]:
    """:func:`csv_text` in pieces of ``rows_per_chunk`` rows."""
    buffer = io.StringIO()
    # QUOTE_MINIMAL with a "\n" terminator leaves a field holding a bare CR unquoted; readers would
    # end the row there. Quoting every non-numeric field is safe for neo4j-admin and csv readers.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(table.header)
    keys = [_key(column) for column in table.header]
    for count, row in enumerate(table.rows, 1):
        writer.writerow([_cell(row.get(key)) for key in keys])
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# --- Cypher -------------------------------------------------------------------------------------------


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal.

    Backslash, quotes, and control characters are escaped; U+2028/2029 and other line or control
    characters become ``\\uXXXX``. Arabic and other text stays as UTF-8.
    """
    return "'" + _CYPHER_SPECIAL.sub(_cypher_escape, text) + "'"


_CYPHER_SPECIAL = re.compile(
    "[" + re.escape("".join(_CYPHER_ESCAPES)) + "\x00-\x1f\x7f\u2028\u2029\u0085\ud800-\udfff]"
)


def _cypher_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _CYPHER_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def cypher_value(value: object) -> str:
    """A Python value (str, int, float, bool, None, date, list, dict) as a Cypher literal;
    a ``datetime.date`` becomes ``date('YYYY-MM-DD')``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f"date('{value.isoformat()}')"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_identifier(k)}: {cypher_value(v)}" for k, v in value.items()) + "}"
    # No code: records hold only the types above, so another type is a bug in kg.
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


@functools.cache
def _identifier(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else "`" + name.replace("`", "``") + "`"


def _batches(rows: list[dict], size: int = BATCH) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _props(row: dict, keys: Iterable[str]) -> dict:
    """The row's properties (``keys``: see :func:`_property_keys`); empty values are left out, as
    ``neo4j-admin`` leaves out empty cells."""
    found = {key: row.get(key) for key in keys}
    return {key: value for key, value in found.items() if value not in (None, "", [], ())}


def _property_keys(columns: Iterable[str]) -> list[str]:
    """The row keys of the property columns of a header (not ``:LABEL``, ``:START_ID`` ...)."""
    return [_key(column) for column in columns if not column.startswith(":")]


def cypher_script(nodes: list[Table], rels: list[Table]) -> str:
    """The idempotent ``graph.cypher`` text: constraint, node MERGEs, relationship MERGEs.

    Args:
        nodes: node tables.
        rels: relationship tables.

    Returns:
        Cypher statements separated by ``;`` and a newline, for ``cypher-shell -f``.
    """
    return "".join(cypher_lines(nodes, rels))


def cypher_lines(nodes: list[Table], rels: list[Table], *, header: bool = True) -> Iterator[str]:
    """:func:`cypher_script` one line or statement at a time, each ending with a newline;
    ``header=False`` leaves out the comments and the schema (for a script written in parts)."""
    if header:
        yield from _schema_lines()
    for table in nodes:
        for batch in _batches(table.rows):
            yield _node_statement(table, batch) + "\n"
    for table in rels:
        for batch in _batches(table.rows):
            yield _rel_statement(table, batch) + "\n"


def _schema_lines() -> Iterator[str]:
    """The comment and schema block that opens ``graph.cypher``; it ends at the first empty line.

    The Neo4j statements run as they are; other targets' statements follow as ``//<target>: ``
    lines without a ``;`` (a reader splitting the script at ``;`` and a newline keeps each
    comment with the next statement).
    """
    yield "// kg graph for cypher-shell on Neo4j 4.4 and 5 (cypher-shell -f graph.cypher). Idempotent:\n"
    yield "// every node and relationship is MERGEd on its id, so running it again creates nothing new.\n"
    yield "// Schema for other targets: run the lines of the target, without their `//<target>: `,\n"
    yield "// instead of the CREATE CONSTRAINT (kg.export.neo4j.cypher_statements does this).\n"
    for target, statements in CYPHER_SCHEMA.items():
        if target != "neo4j":
            yield from (f"//{target}: {statement}\n" for statement in statements)
    yield from (f"{statement};\n" for statement in CYPHER_SCHEMA["neo4j"])
    yield "\n"


def cypher_statements(script: str, *, target: str = "neo4j") -> Iterator[str]:
    """The statements of a ``graph.cypher`` to run on ``target``, comments left out.

    Args:
        script: the text of ``graph.cypher``.
        target: a key of :data:`CYPHER_SCHEMA`: ``neo4j`` (4.4 and 5), ``neo4j-4.3``, ``falkordb``, or
            ``plain`` (no schema statements).

    Returns:
        The schema statements of ``target``, then every data statement, without the final ``;``.

    Raises:
        ExportError: for an unknown ``target``.
    """
    if target not in CYPHER_SCHEMA:
        raise ExportError(Errors.E062.format(target=target, known=", ".join(CYPHER_SCHEMA)))
    head, _, body = script.partition("\n\n")
    if target == "neo4j":
        yield from _split_statements(head)
    else:
        prefix = f"//{target}: "
        yield from (line[len(prefix) :] for line in head.splitlines() if line.startswith(prefix))
    yield from _split_statements(body)


def _split_statements(text: str) -> Iterator[str]:
    for statement in text.split(";\n"):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
        if body:
            yield body.removesuffix(";")


def _node_statement(table: Table, batch: list[dict]) -> str:
    """MERGE one batch of nodes on ``id``; labels beyond the table's own are added per row."""
    extra = sorted({label for row in batch for label in row[":LABEL"]} - set(table.labels))
    rows, keys = [], _property_keys(table.header)
    for row in batch:
        item: dict = {"p": _props(row, keys)}
        if extra:
            item["x"] = [label for label in row[":LABEL"] if label not in table.labels]
        rows.append(cypher_value(item))
    joined = ",\n  ".join(rows)
    text = f"UNWIND [\n  {joined}\n] AS row\nMERGE (n:{':'.join(table.labels)} {{id: row.p.id}})\n"
    text += "SET n += row.p"
    for label in extra:
        text += f"\nFOREACH (_ IN CASE WHEN '{label}' IN row.x THEN [1] ELSE [] END | SET n:{label})"
    return text + ";"


def _rel_statement(table: Table, batch: list[dict]) -> str:
    match = "MATCH (a:Resource {id: row.s}) MATCH (b:Resource {id: row.e})"
    if table.rel == "INTERACTS":
        keys = _property_keys(INTERACTS_COLUMNS)
        rows = ",\n  ".join(
            cypher_value({"s": r[":START_ID"], "e": r[":END_ID"], "p": _props(r, keys)}) for r in batch
        )
        return (
            f"UNWIND [\n  {rows}\n] AS row\n{match}\n"
            "MERGE (a)-[r:INTERACTS {id: row.p.id}]->(b)\nSET r += row.p;"
        )
    # cypher_value({"s": ..., "e": ...}), written out: millions of edges on large graphs
    rows = ",\n  ".join(
        f"{{s: {cypher_string(r[':START_ID'])}, e: {cypher_string(r[':END_ID'])}}}" for r in batch
    )
    return f"UNWIND [\n  {rows}\n] AS row\n{match}\nMERGE (a)-[:{table.rel}]->(b);"


# --- the import command -------------------------------------------------------------------------------


def import_command(tables: list[Table], *, database: str = "neo4j", folder: str = "$DIR") -> str:
    """The ``neo4j-admin database import full`` command for the written files."""
    parts = [f"neo4j-admin database import full {database}", "--overwrite-destination=true"]
    parts += ["--array-delimiter=TAB", "--multiline-fields=true", "--id-type=string"]
    for table in tables:
        kind = "--relationships" if table.rel else "--nodes"
        parts.append(f'{kind}="{folder}/{table.name}.csv"')
    return " \\\n  ".join(parts)


def import_script(tables: list[Table]) -> str:
    """``import.sh``: prints the import command; runs it when given ``--run``."""
    command = import_command(tables)
    return (
        "#!/bin/sh\n"
        "# Load these CSVs into an empty Neo4j 5 database (the server must be stopped).\n"
        "# Usage: sh import.sh          print the command\n"
        "#        sh import.sh --run    run it (neo4j-admin must be on PATH)\n"
        "set -eu\n"
        'DIR="$(cd "$(dirname "$0")" && pwd)"\n'
        f"CMD=$(cat <<EOF\n{command}\nEOF\n)\n"
        'echo "$CMD"\n'
        'if [ "${1:-}" = "--run" ]; then eval "$CMD"; fi\n'
    )


def readme(tables: list[Table]) -> str:
    """``README.md`` for the folder: what is in it and the two ways to load it."""
    lines = [
        "# kg graph for Neo4j",
        "",
        "Two ways to load the same graph:",
        "",
        "1. Bulk import into an empty, stopped database (fast):",
        "",
        "```sh",
        import_command(tables, folder="$PWD"),
        "```",
        "",
        "   (`sh import.sh` prints this command with absolute paths; `sh import.sh --run` runs it.)",
        "   Array columns (`altLabels`, `jobTitles`, `:LABEL`) are TAB-separated.",
        "",
        "2. Into a running database with Cypher (idempotent, safe to re-run):",
        "",
        "```sh",
        "cypher-shell -u neo4j -p PASSWORD -f graph.cypher",
        "```",
        "",
        "   This runs as it is on Neo4j 4.4 and 5 (`CREATE CONSTRAINT ... FOR ... REQUIRE`). For Neo4j",
        "   4.3 and older, or FalkorDB (an index per label instead of the constraint), run the",
        "   `//neo4j-4.3: ` or `//falkordb: ` lines at its top instead of the CREATE CONSTRAINT;",
        "   `kg.export.neo4j.cypher_statements(text, target=...)` gives the statements to run.",
        "   FalkorDB's CREATE INDEX has no IF NOT EXISTS: on a second run, ignore 'already indexed'.",
        "",
        "Every node has `id` (its IRI in the RDF graph) and the label `Resource`; language tags are kept",
        "as properties (`label_lang`, `content_lang`, `cue_lang`, `title_lang`, `surface_lang`,",
        "`timeText_lang`). Documents' `date` is a Neo4j date (`dateText` holds a date that is not",
        "ISO 8601). Mentions are nodes (`surface`, `begin`, `end` offsets into the article's text) with",
        "REFERS_TO their entity and IN_DOCUMENT their document; INTERACTS has `place` (a Place's `id`),",
        "`placeLabel`, `timeText` and `trigger` (the word it was read from: طرد، استدعى، فرض).",
        "",
        "| file | rows |",
        "|---|---|",
    ]
    lines += [f"| {table.name}.csv | {table.row_count} |" for table in tables]
    return "\n".join(lines) + "\n"
