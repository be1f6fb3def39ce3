"""The RDF graph read into plain records (entities, claims, documents, statements, interactions).

Shared by the HTML and GraphML exporters, which read only the graph (terms of
``ontology-contract.md``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

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


@dataclass(slots=True)
class Records:
    """The graph read into plain records, keyed by IRI."""

    entities: dict[str, EntityRecord]
    claims: dict[str, ClaimRecord]
    documents: dict[str, DocumentRecord]
    statements: dict[str, StatementRecord]
    interactions: dict[str, InteractionRecord]
    links: dict[str, list[tuple[str, str]]]


def _text(value: object) -> str:
    return str(value) if value is not None else ""


def local_name(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _int(value: object) -> int:
    try:
        return int(value.toPython() if isinstance(value, Literal) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def _pairs(graph: Graph, predicate: URIRef) -> Iterable[tuple[str, object]]:
    for subject, obj in graph.subject_objects(predicate):
        yield str(subject), obj


def _subjects_of(graph: Graph, cls: URIRef) -> list[str]:
    return sorted({str(subject) for subject in graph.subjects(RDF.type, cls)})


def _first_literal(values: list[object]) -> str:
    """Prefer an Arabic-tagged literal, then any; deterministic over runs."""
    arabic = sorted(str(v) for v in values if isinstance(v, Literal) and v.language == "ar")
    return arabic[0] if arabic else (sorted(str(v) for v in values)[0] if values else "")


def read_records(graph: Graph) -> Records:
    """Read the contract terms of ``graph`` into plain records.

    Args:
        graph: a kg graph.

    Returns:
        Entities (most specific class chosen Person > Organization > GeopoliticalEntity > Location),
        claims, documents, statements, interactions and entity/claim links.
    """
    return Records(
        entities=_read_entities(graph),
        claims=_read_claims(graph),
        documents=_read_documents(graph),
        statements=_read_statements(graph),
        interactions=_read_interactions(graph),
        links={
            "stands_for": _links(graph, KG.standsFor),
            "contradicts": _links(graph, KG.contradicts),
            "affiliation": _links(graph, SCHEMA_AFFILIATION),
            "country": _links(graph, KG.country),
        },
    )


def _links(graph: Graph, predicate: URIRef) -> list[tuple[str, str]]:
    return sorted((s, str(o)) for s, o in _pairs(graph, predicate) if isinstance(o, URIRef))


def _read_entities(graph: Graph) -> dict[str, EntityRecord]:
    entities: dict[str, EntityRecord] = {}
    for cls in ENTITY_CLASSES:
        for iri in _subjects_of(graph, KG[cls]):
            entities.setdefault(iri, EntityRecord(iri=iri, cls=cls, label=""))
    pref: dict[str, list[object]] = defaultdict(list)
    for iri, value in _pairs(graph, SKOS.prefLabel):
        if iri in entities:
            pref[iri].append(value)
    for iri, record in entities.items():
        record.label = _first_literal(pref.get(iri, [])) or local_name(iri)
    for predicate, attr in ((SKOS.altLabel, "alt"), (SCHEMA_JOB_TITLE, "job_titles")):
        for iri, value in _pairs(graph, predicate):
            if iri in entities:
                getattr(entities[iri], attr).append(_text(value))
    for iri, value in _pairs(graph, KG.mentionCount):
        if iri in entities:
            entities[iri].mention_count = _int(value)
    for iri, value in _pairs(graph, KG.mentionedIn):
        if iri in entities:
            entities[iri].docs.append(str(value))
    for record in entities.values():
        record.alt = sorted(set(record.alt) - {record.label})
        record.job_titles.sort()
        record.docs.sort()
    return entities


def _read_claims(graph: Graph) -> dict[str, ClaimRecord]:
    claims = {iri: ClaimRecord(iri=iri, content="") for iri in _subjects_of(graph, KG.Claim)}
    contents: dict[str, list[object]] = defaultdict(list)
    for iri, value in _pairs(graph, KG.content):
        if iri in claims:
            contents[iri].append(value)
    for iri, value in _pairs(graph, KG.sourceCount):
        if iri in claims:
            claims[iri].source_count = _int(value)
    for iri, value in _pairs(graph, KG.reportedIn):
        if iri in claims:
            claims[iri].docs.append(str(value))
    for iri, record in claims.items():
        record.content = _first_literal(contents.get(iri, []))
        record.docs.sort()
        record.source_count = record.source_count or len(set(record.docs))
    return claims


def _read_documents(graph: Graph) -> dict[str, DocumentRecord]:
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
    for predicate, attr in fields.items():
        for iri, value in sorted(_pairs(graph, predicate), key=lambda pair: (pair[0], str(pair[1]))):
            if iri in docs:
                setattr(docs[iri], attr, _text(value))
    return docs


def _read_statements(graph: Graph) -> dict[str, StatementRecord]:
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
        for iri, value in sorted(_pairs(graph, predicate), key=lambda pair: (pair[0], str(pair[1]))):
            if iri in stmts and not getattr(stmts[iri], attr):
                setattr(stmts[iri], attr, str(value))
    for predicate, attr in ((KG.quoteKind, "kind"), (KG.polarity, "polarity")):
        for iri, value in _pairs(graph, predicate):
            if iri in stmts:
                setattr(stmts[iri], attr, local_name(value))
    for iri, value in _pairs(graph, KG.about):
        if iri in stmts:
            stmts[iri].about.append(str(value))
    for record in stmts.values():
        record.about.sort()
    return stmts


def _read_interactions(graph: Graph) -> dict[str, InteractionRecord]:
    found = {iri: InteractionRecord(iri=iri) for iri in _subjects_of(graph, KG.Interaction)}
    fields = {KG.agent: "agent", KG.target: "target", KG.statedIn: "doc", KG.timeText: "time_text"}
    for predicate, attr in fields.items():
        for iri, value in sorted(_pairs(graph, predicate), key=lambda pair: (pair[0], str(pair[1]))):
            if iri in found and not getattr(found[iri], attr):
                setattr(found[iri], attr, str(value))
    for iri, value in _pairs(graph, KG.interactionType):
        if iri in found:
            found[iri].type = local_name(value)
    return found
