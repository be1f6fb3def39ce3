"""The RDF graph read into plain records (entities, claims, documents, statements, interactions).

Shared by the HTML and GraphML exporters, which read only the graph (terms of
``ontology-contract.md``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.export.reader import GraphReader, Value
from kg.rdf.vocab import KG

SCHEMA_JOB_TITLE = URIRef("https://schema.org/jobTitle")
SCHEMA_AFFILIATION = URIRef("https://schema.org/affiliation")
ENTITY_CLASSES = ("Person", "Organization", "GeopoliticalEntity", "Location")


@dataclass(slots=True)
class EntityRecord:
    iri: str
    cls: str
    label: str
    alt: list[str] = field(default_factory=list)
    mention_count: int = 0
    job_titles: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    romanized: str = ""  # the machine romanisation (skos:altLabel @ar-Latn), for search only


@dataclass(slots=True)
class ClaimRecord:
    iri: str
    content: str
    source_count: int = 0
    docs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentRecord:
    iri: str
    identifier: str
    title: str = ""
    publisher: str = ""
    source: str = ""
    date: str = ""


@dataclass(slots=True)
class StatementRecord:
    iri: str
    content: str = ""
    cue: str = ""
    kind: str = ""
    polarity: str = ""
    doc: str | None = None
    speaker: str | None = None
    addressee: str | None = None
    via: str | None = None
    claim: str | None = None
    about: list[str] = field(default_factory=list)


@dataclass(slots=True)
class InteractionRecord:
    iri: str
    type: str = "OtherInteraction"
    agent: str | None = None
    target: str | None = None
    doc: str | None = None
    time_text: str = ""
    trigger: str = ""  # kg:trigger: the word read (طرد، فرض), what an OtherInteraction was
    statement: str | None = None  # kg:derivedFrom: the statement that carries it


@dataclass(slots=True)
class Records:
    """The graph read into plain records, keyed by IRI."""

    entities: dict[str, EntityRecord]
    claims: dict[str, ClaimRecord]
    documents: dict[str, DocumentRecord]
    statements: dict[str, StatementRecord]
    interactions: dict[str, InteractionRecord]
    links: dict[str, list[tuple[str, str]]]


def local_name(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _int(value: Value) -> int:
    try:
        return int(value.number() if value.literal else value.text)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _subjects_of(graph: GraphReader, cls: URIRef) -> list[str]:
    return sorted({subject for subject, _ in graph.subjects(RDF.type, cls)})


def _first_literal(values: list[Value]) -> str:
    """Prefer an Arabic-tagged literal, then any; deterministic over runs."""
    arabic = sorted(v.text for v in values if v.literal and v.language == "ar")
    return arabic[0] if arabic else (sorted(v.text for v in values)[0] if values else "")


def _objects(graph: GraphReader, predicate: URIRef, among: Mapping[str, Any]) -> Iterator[tuple[str, Value]]:
    """``(subject, object)`` of the triples of ``predicate`` whose subject is a key of ``among``."""
    for subject, value in graph.pairs(predicate):
        if subject.text in among:
            yield subject.text, value


def _set_first(records: Mapping[str, object], graph: GraphReader, predicate: URIRef, attr: str) -> None:
    """Set ``attr`` of each record to the first (smallest) non-empty text of its ``predicate``
    objects, whatever order the store gives them in."""
    for subject, value in graph.pairs(predicate):
        record = records.get(subject.text)
        if record is not None and value.text:
            current = getattr(record, attr)
            if not current or value.text < current:
                setattr(record, attr, value.text)


def read_records(graph: Graph) -> Records:
    """Read the contract terms of ``graph`` into plain records.

    Reads from the graph's Oxigraph store when it has one (see :class:`GraphReader`); records of
    one document or entity share its IRI string.

    Args:
        graph: a kg graph.

    Returns:
        Entities (most specific class chosen Person > Organization > GeopoliticalEntity > Location),
        claims, documents, statements, interactions and entity/claim links.
    """
    reader = GraphReader(graph)
    return Records(
        entities=_read_entities(reader),
        claims=_read_claims(reader),
        documents=_read_documents(reader),
        statements=_read_statements(reader),
        interactions=_read_interactions(reader),
        links={
            "stands_for": _links(reader, KG.standsFor),
            "contradicts": _links(reader, KG.contradicts),
            "affiliation": _links(reader, SCHEMA_AFFILIATION),
            "country": _links(reader, KG.country),
        },
    )


def _links(graph: GraphReader, predicate: URIRef) -> list[tuple[str, str]]:
    return sorted((s.text, o.text) for s, o in graph.pairs(predicate) if o.iri)


def _read_entities(graph: GraphReader) -> dict[str, EntityRecord]:
    entities: dict[str, EntityRecord] = {}
    for cls in ENTITY_CLASSES:
        for iri in _subjects_of(graph, KG[cls]):
            entities.setdefault(iri, EntityRecord(iri=iri, cls=cls, label=""))
    pref: dict[str, list[Value]] = defaultdict(list)
    for iri, value in _objects(graph, SKOS.prefLabel, entities):
        pref[iri].append(value)
    for iri, record in entities.items():
        record.label = _first_literal(pref.get(iri, [])) or local_name(iri)
    for predicate, attr in ((SKOS.altLabel, "alt"), (SCHEMA_JOB_TITLE, "job_titles")):
        for iri, value in _objects(graph, predicate, entities):
            if not _romanised(value):  # the views show the names as written
                getattr(entities[iri], attr).append(value.text)
            elif not entities[iri].romanized or value.text < entities[iri].romanized:
                entities[iri].romanized = value.text
    for iri, value in _objects(graph, KG.mentionCount, entities):
        entities[iri].mention_count = _int(value)
    for iri, value in _objects(graph, KG.mentionedIn, entities):
        entities[iri].docs.append(value.text)
    for record in entities.values():
        record.alt = sorted(set(record.alt) - {record.label})
        record.job_titles.sort()
        record.docs.sort()
    return entities


def _romanised(value: Value) -> bool:
    """Whether ``value`` is a machine romanisation (``skos:altLabel "bšAr AlÂsd"@ar-Latn``)."""
    return (value.language or "").lower() == "ar-latn"


def _read_claims(graph: GraphReader) -> dict[str, ClaimRecord]:
    claims = {iri: ClaimRecord(iri=iri, content="") for iri in _subjects_of(graph, KG.Claim)}
    # one query: kg:content read whole would bring every statement's too
    for iri, (content, count) in graph.described(KG.Claim, (KG.content, KG.sourceCount), claims).items():
        claims[iri].content = content.text if content is not None else ""  # Arabic first, as _first_literal
        claims[iri].source_count = _int(count) if count is not None else 0
    for iri, value in _objects(graph, KG.reportedIn, claims):
        claims[iri].docs.append(value.text)
    for record in claims.values():
        record.docs.sort()
        record.source_count = record.source_count or len(set(record.docs))
    return claims


def _read_documents(graph: GraphReader) -> dict[str, DocumentRecord]:
    docs = {
        iri: DocumentRecord(iri=iri, identifier=local_name(iri)) for iri in _subjects_of(graph, KG.Document)
    }
    fields = {
        DCTERMS.identifier: "identifier",
        DCTERMS.title: "title",
        DCTERMS.publisher: "publisher",
        DCTERMS.source: "source",
        DCTERMS.date: "date",
    }
    for predicate, attr in fields.items():  # several values: the largest text wins
        largest: dict[str, str] = {}
        for iri, value in _objects(graph, predicate, docs):
            if value.text >= largest.get(iri, value.text):
                largest[iri] = value.text
        for iri, text in largest.items():
            setattr(docs[iri], attr, text)
    return docs


def _read_statements(graph: GraphReader) -> dict[str, StatementRecord]:
    stmts = {iri: StatementRecord(iri=iri) for iri in _subjects_of(graph, KG.Statement)}
    single = {
        KG.content: "content",
        KG.cue: "cue",
        KG.statedIn: "doc",
        KG.speaker: "speaker",
        KG.addressee: "addressee",
        KG.via: "via",
        KG.asserts: "claim",
    }
    for predicate, attr in single.items():
        _set_first(stmts, graph, predicate, attr)
    for predicate, attr in ((KG.quoteKind, "kind"), (KG.polarity, "polarity")):
        for iri, value in _objects(graph, predicate, stmts):
            setattr(stmts[iri], attr, local_name(value.text))
    for iri, value in _objects(graph, KG.about, stmts):
        stmts[iri].about.append(value.text)
    for record in stmts.values():
        record.about.sort()
    return stmts


def _read_interactions(graph: GraphReader) -> dict[str, InteractionRecord]:
    found = {iri: InteractionRecord(iri=iri) for iri in _subjects_of(graph, KG.Interaction)}
    fields = {
        KG.agent: "agent",
        KG.target: "target",
        KG.statedIn: "doc",
        KG.timeText: "time_text",
        KG.trigger: "trigger",
        KG.derivedFrom: "statement",
    }
    for predicate, attr in fields.items():
        _set_first(found, graph, predicate, attr)
    for iri, value in _objects(graph, KG.interactionType, found):
        found[iri].type = local_name(value.text)
    return found
