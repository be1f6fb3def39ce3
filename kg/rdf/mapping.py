"""Corpus → RDF graph: the only code that turns the data model into triples.

Uses the closed ontology namespace :data:`kg.rdf.vocab.KG` plus standard vocabularies, as
Oxigraph terms (:class:`Terms`; :func:`to_graph` gives rdflib terms); IRIs come from
:mod:`kg.ids`. The output honours ``ontology-contract.md`` and conforms to ``ontology/shapes.ttl``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import combinations
from typing import cast

import pyoxigraph as ox
from rdflib import RDF as RDF_NS
from rdflib import RDFS as RDFS_NS
from rdflib import XSD as XSD_NS
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as DCTERMS_NS
from rdflib.namespace import SKOS as SKOS_NS

from kg import ids
from kg.model import Claim, Corpus, Document, Entity, Interaction, Mention, Role, Statement
from kg.rdf.store import add_triples, clear_objects, clear_predicates, clear_subjects
from kg.rdf.vocab import KG as KG_NS

SCHEMA_NS = Namespace("https://schema.org/")


class Terms:
    """The terms of an rdflib namespace as Oxigraph named nodes, each made once.

    The mapping makes Oxigraph terms, which the store's bulk loader takes as they are: rdflib
    terms had to be converted one by one, two thirds of the time of filling the store.
    :func:`to_graph` turns them into rdflib terms. A name a closed namespace lacks fails as there.
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)  # found as a plain attribute from now on
        return node


KG, RDF, RDFS, XSD = Terms(KG_NS), Terms(RDF_NS), Terms(RDFS_NS), Terms(XSD_NS)
SKOS, DCTERMS, SCHEMA = Terms(SKOS_NS), Terms(DCTERMS_NS), Terms(SCHEMA_NS)

Term = ox.NamedNode | ox.Literal
Triple = tuple[ox.NamedNode, ox.NamedNode, Term]
Known = Mapping[str, str]  # entity_id -> label of every entity in the corpus
ACTOR_LABELS = ("PERSON", "ORG", "GPE")
CO_MENTION_ACTORS = 200  # co-mentions are counted among this many most mentioned actors

CLASS_OF_LABEL = {
    "PERSON": KG.Person,
    "ORG": KG.Organization,
    "GPE": KG.GeopoliticalEntity,
    "LOC": KG.Location,
}
QUOTE_KIND = {"direct": KG.Direct, "indirect": KG.Indirect, "mixed": KG.Mixed}
POLARITY = {"assert": KG.Assert, "deny": KG.Deny}
INTERACTION_TYPE = {
    "phone_call": KG.PhoneCall,
    "meeting": KG.Meeting,
    "urge": KG.Urge,
    "condemn": KG.Condemn,
    "accuse": KG.Accuse,
    "hold_responsible": KG.HoldResponsible,
    "support": KG.Support,
    "attack": KG.Attack,
    "request": KG.Request,
    "suspend_cooperation": KG.SuspendCooperation,
    "other": KG.OtherInteraction,
}
# The prefixes of the vocabularies the mapping writes (``rdf:type`` is Turtle's ``a`` and
# JSON-LD's ``@type``), plus RESOURCE_PREFIX for the data IRIs: the only ones any file binds.
PREFIXES = {
    "kg": str(KG_NS._NS),
    "rdfs": str(RDFS_NS),
    "skos": str(SKOS_NS),
    "dcterms": str(DCTERMS_NS),
    "schema": str(SCHEMA_NS),
    "xsd": str(XSD_NS),
}
RESOURCE_PREFIX = "res"
ROMANISED = "ar-Latn"  # language tag of the machine romanisation of an entity's name


class Minter:
    """IRIs of the resources of one graph, all under ``base``."""

    CACHE_SIZE = 100_000  # IRIs kept; the cache starts over when full

    def __init__(self, base: str) -> None:
        self.base = base
        self._made: dict[tuple[str, str], ox.NamedNode] = {}

    def _iri(self, kind: str, local_id: str) -> ox.NamedNode:
        """The IRI of ``kind``/``local_id``, made once while it is cached (documents and entities
        are the objects of many triples)."""
        made = self._made.get((kind, local_id))
        if made is None:
            if len(self._made) >= self.CACHE_SIZE:
                self._made.clear()
            text = (
                ids.entity_iri(self.base, local_id)
                if kind == "entity"
                else ids.iri(self.base, kind, local_id)
            )
            made = self._made[kind, local_id] = ox.NamedNode(text)
        return made

    def document(self, doc_id: str) -> ox.NamedNode:
        return self._iri("document", doc_id)

    def entity(self, entity_id: str) -> ox.NamedNode:
        return self._iri("entity", entity_id)

    def mention(self, mention: Mention) -> ox.NamedNode:
        span = mention.span  # the parts of Mention.mention_id
        return ox.NamedNode(ids.mention_iri(self.base, mention.doc_id, span.start, span.end))

    def statement(self, stmt_id: str) -> ox.NamedNode:
        return self._iri("statement", stmt_id)

    def claim(self, claim_id: str) -> ox.NamedNode:
        return self._iri("claim", claim_id)

    def interaction(self, interaction: Interaction) -> ox.NamedNode:
        local = ids.stable_hash(interaction.doc_id, interaction.type, interaction.agent, interaction.target)
        return ox.NamedNode(ids.iri(self.base, "interaction", f"{interaction.doc_id}_{local}"))

    def co_mention(self, first: str, second: str) -> ox.NamedNode:
        return ox.NamedNode(ids.iri(self.base, "comention", ids.stable_hash(first, second)))


@dataclass(frozen=True)
class Positions:
    """Where the numbering of positioned nodes starts (``kg:position``, ``kg:aboutPosition``):
    0 in a new graph, the number of such nodes already in the graph for an append."""

    statement: int = 0
    about: int = 0
    interaction: int = 0


def ar(text: str) -> ox.Literal:
    """An Arabic-tagged literal of ``text``, cleaned by :func:`kg.ids.clean_text`."""
    return text_literal(text, lang="ar")


def text_literal(text: str, *, lang: str | None = None) -> ox.Literal:
    """A string literal; characters no output format can carry are replaced (:func:`kg.ids.clean_text`).

    Every string literal of the graph is made here or in :func:`ar`, so all writers carry the same text.
    """
    clean = ids.clean_text(text)
    return ox.Literal(clean, language=lang) if lang else ox.Literal(clean)


@functools.lru_cache(maxsize=1 << 16)
def integer(value: int) -> ox.Literal:
    """An ``xsd:integer`` literal; cached, as offsets and counts recur."""
    return ox.Literal(str(value), datatype=XSD.integer)


@functools.lru_cache(maxsize=1024)
def decimal(value: float, places: int = 3) -> ox.Literal:
    """An ``xsd:decimal`` literal of ``value`` rounded to ``places`` digits."""
    return ox.Literal(str(Decimal(str(round(value, places)))), datatype=XSD.decimal)


def rdflib_term(term: Term) -> URIRef | Literal:
    """A term of the mapping as the rdflib term (for :func:`to_graph`)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == XSD.string:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def new_graph(*, base_iri: str = ids.DEFAULT_BASE_IRI) -> Graph:
    """An empty in-memory graph with the project's prefixes bound, and no others."""
    return bind_prefixes(Graph(bind_namespaces="none"), base_iri=base_iri)


def prefixes(base_iri: str | None = ids.DEFAULT_BASE_IRI) -> dict[str, str]:
    """Prefix → namespace of every file written: :data:`PREFIXES`, and :data:`RESOURCE_PREFIX`
    for ``base_iri`` (left out when ``None``).

    >>> prefixes("https://example.org/r/")["res"]
    'https://example.org/r/'
    """
    return PREFIXES | ({RESOURCE_PREFIX: base_iri} if base_iri else {})


def bind_prefixes(graph: Graph, *, base_iri: str | None = ids.DEFAULT_BASE_IRI) -> Graph:
    """``graph`` with the project's :func:`prefixes` bound, replacing any other binding of
    their names (the writers read the bound prefixes: see :func:`graph_prefixes`)."""
    for prefix, namespace in prefixes(base_iri).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def graph_prefixes(graph: Graph) -> dict[str, str]:
    """The prefixes to write ``graph`` with: :func:`prefixes` of its data namespace, which is
    the one bound to :data:`RESOURCE_PREFIX`, or else the one its documents' IRIs are in
    (``{base}document/{id}``, see :class:`Minter`); no other prefix the graph may have bound
    (rdflib binds 29 by default) is written."""
    bound = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    return prefixes(bound.get(RESOURCE_PREFIX) or resource_base(graph))


def resource_base(graph: Graph) -> str | None:
    """The data namespace of ``graph``, read off the IRI of one of its documents; ``None``
    when it has none."""
    for document in graph.subjects(RDF_NS.type, KG_NS.Document):
        head, found, _ = str(document).rpartition("/document/")
        if found:
            return head + "/"
    return None


def to_graph(corpus: Corpus, *, base_iri: str = ids.DEFAULT_BASE_IRI, graph: Graph | None = None) -> Graph:
    """Map the whole corpus to RDF.

    Args:
        corpus: a corpus that went through the pipeline.
        base_iri: namespace of the data IRIs.
        graph: a graph to add to (e.g. backed by Oxigraph); a new in-memory one by default.

    Returns:
        The graph holding every triple of the corpus.
    """
    graph = bind_prefixes(graph if graph is not None else Graph(bind_namespaces="none"), base_iri=base_iri)
    triples = corpus_triples(corpus, Minter(base_iri))
    graph.addN((rdflib_term(s), rdflib_term(p), rdflib_term(o), graph) for s, p, o in triples)
    return graph


def to_store(corpus: Corpus, store: ox.Store, *, base_iri: str = ids.DEFAULT_BASE_IRI) -> None:
    """Map the whole corpus into an Oxigraph store (on disk or in memory) with its bulk loader."""
    add_triples(store, corpus_triples(corpus, Minter(base_iri)))


def corpus_triples(corpus: Corpus, mint: Minter) -> Iterator[Triple]:
    known = {entity.entity_id: entity.label for entity in corpus.entities}
    claim_of = {sid: claim.claim_id for claim in corpus.claims for sid in claim.statement_ids}
    yield from document_records_triples(corpus, mint, known, claim_of)
    mention_counts = Counter(corpus.mention_entity.values())
    statement_counts = speaker_counts(corpus.statements, known)
    for entity in corpus.entities:
        counts = (mention_counts[entity.entity_id], statement_counts[entity.entity_id])
        yield from entity_triples(entity, mint, counts, known)
    for role in corpus.roles:
        yield from role_triples(role, mint, known)
    for claim in corpus.claims:
        yield from claim_triples(claim, mint)
    yield from ranking_triples(corpus, mint, statement_counts)
    yield from co_mention_triples(corpus, mint, mention_counts)


def speaker_counts(statements: Iterable[Statement], known: Known) -> Counter[str]:
    """Statements per speaker, for the speakers that get a ``kg:speaker`` triple."""
    return Counter(s.speaker for s in statements if s.speaker and known.get(s.speaker) in ACTOR_LABELS)


def reading_order(statements: Iterable[Statement]) -> list[Statement]:
    """Statements by document id, then offset: the order of their ``kg:position``."""
    return sorted(statements, key=lambda s: (s.doc_id, s.content.start, s.content.end, s.stmt_id))


def document_records_triples(
    corpus: Corpus, mint: Minter, known: Known, claim_of: dict[str, str], start: Positions = Positions()
) -> Iterator[Triple]:
    """The triples of ``corpus``'s documents and of what was found in them: mentions, statements
    and interactions (``known`` and ``claim_of`` may cover a larger corpus).

    Statements and interactions are numbered in reading order (document id, then offset) from
    the positions in ``start``, so that positions stay dense when an append adds documents.
    """
    for doc in corpus.documents:
        yield from document_triples(doc, mint)
    texts = {doc.doc_id: doc.text for doc in corpus.documents}
    for mention in corpus.mentions:
        entity_id = corpus.mention_entity.get(mention.mention_id)
        if entity_id is not None and entity_id in known:
            yield from mention_triples(mention, entity_id, texts[mention.doc_id], mint)
    about = start.about
    for position, stmt in enumerate(reading_order(corpus.statements), start.statement):
        node = mint.statement(stmt.stmt_id)
        yield from statement_triples(stmt, mint, known, claim_of.get(stmt.stmt_id))
        yield node, KG.position, integer(position)
        if any(entity_id in known for entity_id in stmt.about):
            yield node, KG.aboutPosition, integer(about)
            about += 1
    kept: dict[ox.NamedNode, Interaction] = {}
    for interaction in corpus.interactions:
        node = mint.interaction(interaction)
        if known.get(interaction.agent) in ACTOR_LABELS and interaction.target in known:
            kept.setdefault(node, interaction)
    ordered = sorted(kept.items(), key=lambda item: (item[1].doc_id, item[1].evidence.start, item[0].value))
    for position, (node, interaction) in enumerate(ordered, start.interaction):
        yield from interaction_triples(interaction, mint, known)
        yield node, KG.position, integer(position)


def ranking_triples(corpus: Corpus, mint: Minter, statement_counts: Counter[str]) -> Iterator[Triple]:
    """``kg:speakerRank`` of every speaker (most statements first) and ``kg:sourceRank`` of every
    claim in two or more documents (most documents, then most statements first); ties by IRI.
    Ranks are 0, 1, 2 ... without gaps, and made anew for the whole graph on every build."""
    speakers = sorted(statement_counts, key=lambda e: (-statement_counts[e], mint.entity(e).value))
    for rank, entity_id in enumerate(speakers):
        yield mint.entity(entity_id), KG.speakerRank, integer(rank)
    sources = {c.claim_id: len(set(c.doc_ids)) for c in corpus.claims}
    statements = {c.claim_id: len(c.statement_ids) for c in corpus.claims}
    corroborated = [c for c in sources if sources[c] >= 2]
    corroborated.sort(key=lambda c: (-sources[c], -statements[c], mint.claim(c).value))
    for rank, claim_id in enumerate(corroborated):
        yield mint.claim(claim_id), KG.sourceRank, integer(rank)


def co_mention_triples(corpus: Corpus, mint: Minter, mention_counts: Counter[str]) -> Iterator[Triple]:
    """Pairs of the :data:`CO_MENTION_ACTORS` most mentioned actors that share documents, as
    ``kg:CoMention`` nodes numbered by shared documents, most first (ties: labels, then entity ids)."""
    for position, pair in enumerate(co_mentions(corpus, mint, mention_counts)):
        yield from co_mention_node_triples(pair, position, mint)


CoMention = tuple[str, str, int]  # two entity ids (in IRI order) and the documents they share


def co_mentions(corpus: Corpus, mint: Minter, mention_counts: Counter[str]) -> list[CoMention]:
    """The co-mentions of :func:`co_mention_triples`, in the order of their positions."""
    actors = [e for e in corpus.entities if e.label in ACTOR_LABELS and mention_counts[e.entity_id]]
    counts = sorted((mention_counts[e.entity_id] for e in actors), reverse=True)
    least = counts[CO_MENTION_ACTORS - 1] if len(counts) >= CO_MENTION_ACTORS else 0
    actors = [e for e in actors if mention_counts[e.entity_id] >= least]  # ties at the cut: by IRI
    actors.sort(key=lambda e: (-mention_counts[e.entity_id], mint.entity(e.entity_id).value))
    top = sorted(actors[:CO_MENTION_ACTORS], key=lambda e: mint.entity(e.entity_id).value)
    documents = document_sets([e.doc_ids for e in top])
    pairs: list[tuple[Entity, Entity, int]] = []
    for i, j in combinations(range(len(top)), 2):
        if shared := (documents[i] & documents[j]).bit_count():
            pairs.append((top[i], top[j], shared))
    pairs.sort(key=lambda p: (-p[2], p[0].canonical, p[1].canonical, p[0].entity_id, p[1].entity_id))
    return [(first.entity_id, second.entity_id, count) for first, second, count in pairs]


def document_sets(doc_ids: Sequence[Iterable[str]]) -> list[int]:
    """Each group of ``doc_ids`` as a bit set (bit ``i``: the ``i``-th document met), so that two
    groups' shared documents are ``(a & b).bit_count()``: the 19,900 pairs of 200 actors over
    50,000 articles took seconds as Python sets."""
    index: dict[str, int] = {}
    positions = [[index.setdefault(d, len(index)) for d in ids] for ids in doc_ids]
    sets = []
    for found in positions:
        bits = bytearray((len(index) + 7) // 8)
        for position in found:
            bits[position >> 3] |= 1 << (position & 7)
        sets.append(int.from_bytes(bits, "little"))
    return sets


def co_mention_node_triples(pair: CoMention, position: int, mint: Minter) -> Iterator[Triple]:
    first, second, shared = pair
    node = mint.co_mention(first, second)
    yield node, RDF.type, KG.CoMention
    yield node, KG.actor, mint.entity(first)
    yield node, KG.actor, mint.entity(second)
    yield node, KG.documentCount, integer(shared)
    yield node, KG.position, integer(position)


def update_store(
    store: ox.Store, old: Corpus, merged: Corpus, fresh: Corpus, *, base_iri: str = ids.DEFAULT_BASE_IRI
) -> None:
    """Turn the graph of ``old`` in ``store`` into the graph of ``merged`` = ``old`` + ``fresh``.

    Adds the triples of ``fresh``'s documents and records; rewrites the entities ``fresh``
    mentions or gives roles to (keeping their ``kg:mentionedIn`` triples: an entity never
    leaves a document, and those of the most mentioned run into thousands), and the claims
    whose statements or contradictions changed; moves old statements to the claim they now
    assert; makes the speaker and claim rankings and the co-mentions anew (ranks and
    positions are dense: one new speaker or shared document moves most of them). Positions of
    statements and interactions continue from the graph's.
    """
    mint = Minter(base_iri)
    known = {entity.entity_id: entity.label for entity in merged.entities}
    old_claims = {claim.claim_id: claim for claim in old.claims}
    new_claims = {claim.claim_id: claim for claim in merged.claims}
    removed = old_claims.keys() - new_claims.keys()
    rewritten = {c for c in new_claims if c not in old_claims or old_claims[c] != new_claims[c]}
    # Only the statements of rewritten claims change claim: fresh ones and those they joined.
    claim_of = {sid: c for c in rewritten for sid in new_claims[c].statement_ids}
    was_in = {
        sid: c for c in (removed | rewritten) & old_claims.keys() for sid in old_claims[c].statement_ids
    }
    entities = merged.entity_index()
    speakers = {s.speaker for s in fresh.statements if s.speaker in entities}
    touched = {e.entity_id for e in fresh.entities} | speakers
    counts = Counter(merged.mention_entity.values())
    start = positions_in(store)
    # A count that changes moves the positions below it: at 50k articles, 15,059 of 15,083 pairs.
    pattern = store.quads_for_pattern(None, RDF.type, KG.CoMention, ox.DefaultGraph())
    nodes = cast(list[ox.NamedNode], [q.subject for q in pattern])  # minted IRIs, never blank nodes
    clear_subjects(store, [mint.claim(c) for c in removed | rewritten] + nodes)
    clear_subjects(store, [mint.entity(e) for e in touched], keep=KG.mentionedIn)
    new_documents = {doc.doc_id for doc in fresh.documents}
    clear_objects(store, [mint.claim(c) for c in removed])
    clear_predicates(store, [KG.speakerRank, KG.sourceRank])
    statement_counts = speaker_counts(merged.statements, known)

    def triples() -> Iterator[Triple]:
        yield from document_records_triples(fresh, mint, known, claim_of, start)
        for entity_id in sorted(touched):
            entity = entities[entity_id]
            entity_counts = (counts[entity_id], statement_counts[entity_id])
            documents = [d for d in entity.doc_ids if d in new_documents]
            yield from entity_triples(entity, mint, entity_counts, known, documents=documents)
        for role in merged.roles:
            if role.person in touched:
                yield from role_triples(role, mint, known)
        for claim_id in sorted(rewritten):
            yield from claim_triples(new_claims[claim_id], mint)
        for stmt_id, claim_id in claim_of.items():
            if was_in.get(stmt_id, claim_id) != claim_id:
                yield mint.statement(stmt_id), KG.asserts, mint.claim(claim_id)
        yield from ranking_triples(merged, mint, statement_counts)
        yield from co_mention_triples(merged, mint, counts)

    add_triples(store, triples())


def count_matches(store: ox.Store, pattern: str) -> int:
    """How many solutions the SPARQL graph pattern ``pattern`` has in ``store``."""
    sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"
    solutions = cast(ox.QuerySolutions, store.query(sparql, use_default_graph_as_union=True))  # a SELECT
    return int(next(iter(solutions))["n"].value)


def positions_in(store: ox.Store) -> Positions:
    """The positions an append starts from: how many nodes of each numbering ``store`` holds."""
    return Positions(
        statement=count_matches(store, f"?s a {KG.Statement}"),
        about=count_matches(store, f"?s {KG.aboutPosition} ?p"),
        interaction=count_matches(store, f"?s a {KG.Interaction}"),
    )


def node_counts(store: ox.Store) -> dict[str, int]:
    """Statements, claims and interactions in ``store``: the counts build reports give."""
    return {
        "statements": count_matches(store, f"?s a {KG.Statement}"),
        "claims": count_matches(store, f"?s a {KG.Claim}"),
        "interactions": count_matches(store, f"?s a {KG.Interaction}"),
    }


def document_triples(doc: Document, mint: Minter) -> Iterator[Triple]:
    node = mint.document(doc.doc_id)
    yield node, RDF.type, KG.Document
    yield node, DCTERMS.identifier, text_literal(doc.doc_id)
    yield node, KG.charCount, integer(len(doc.text))
    yield node, KG.encoding, text_literal(doc.encoding)
    if doc.title:
        yield node, DCTERMS.title, ar(doc.title)
    if dated := date_literal(doc.date):
        yield node, DCTERMS.date, dated
    if doc.publisher:
        yield node, DCTERMS.publisher, text_literal(doc.publisher)
    if source := portable_source(doc):
        yield node, DCTERMS.source, text_literal(source)


def date_literal(text: str) -> ox.Literal | None:
    """``text`` as an ``xsd:date`` (``2018-02-18``) or ``xsd:dateTime`` (``2018-02-18T10:30:00Z``,
    in the canonical form of Python's ``isoformat``) literal; ``None`` when it is neither an ISO
    8601 date nor date-time (such a date is left out rather than written as a string).

    >>> date_literal("2018-02-18").datatype.value
    'http://www.w3.org/2001/XMLSchema#date'
    >>> date_literal(" 2018-02-18 10:30+03:00").value
    '2018-02-18T10:30:00+03:00'
    >>> date_literal("18/2/2018") is None
    True
    """
    text = text.strip()
    try:
        return ox.Literal(date.fromisoformat(text).isoformat(), datatype=XSD.date)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    lexical = moment.isoformat()
    return ox.Literal(
        lexical.replace("+00:00", "Z") if text.endswith("Z") else lexical, datatype=XSD.dateTime
    )


def portable_source(doc: Document) -> str:
    """Where ``doc`` came from, as a reference valid on any machine: its URL (the record's, or
    the one it was read from), else the name of its file, with the line of a JSON Lines record
    (``news.jsonl:12``), never the folders it was read from on the building machine."""
    source = doc.url or doc.source_path
    if not source or "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def entity_triples(
    entity: Entity,
    mint: Minter,
    counts: tuple[int, int],
    known: Known,
    *,
    documents: Iterable[str] | None = None,
) -> Iterator[Triple]:
    """An entity's labels, documents and ``counts``: its mentions, and the statements it made.
    ``documents``: write ``kg:mentionedIn`` for these of its documents only (default: all)."""
    mention_count, statement_count = counts
    node = mint.entity(entity.entity_id)
    yield node, RDF.type, CLASS_OF_LABEL[entity.label]
    yield node, SKOS.prefLabel, ar(entity.canonical)
    if entity.name_en:
        yield node, RDFS.label, text_literal(entity.name_en, lang="en")
    if entity.transliteration:  # a machine romanisation: a label to search by, not to show
        yield node, SKOS.altLabel, text_literal(entity.transliteration, lang=ROMANISED)
    for alias in entity.aliases:
        if alias != entity.canonical:
            yield node, SKOS.altLabel, ar(alias)
    for doc_id in entity.doc_ids if documents is None else documents:
        yield node, KG.mentionedIn, mint.document(doc_id)
    yield node, KG.mentionCount, integer(mention_count)
    if statement_count:
        yield node, KG.statementsMade, integer(statement_count)
    if entity.stands_for and known.get(entity.stands_for) in ("GPE", "ORG"):
        yield node, KG.standsFor, mint.entity(entity.stands_for)
    if entity.label == "ORG" and entity.country and known.get(entity.country) == "GPE":
        yield node, KG.country, mint.entity(entity.country)


def mention_triples(mention: Mention, entity_id: str, text: str, mint: Minter) -> Iterator[Triple]:
    """A mention as written, attached clitics included (``لكيري``), with its exact offsets."""
    span = mention.attached or mention.span
    node = mint.mention(mention)
    yield node, RDF.type, KG.Mention
    yield node, KG.refersTo, mint.entity(entity_id)
    yield node, KG.inDocument, mint.document(mention.doc_id)
    yield node, KG.surface, ar(text[span.start : span.end])
    yield node, KG.begin, integer(span.start)
    yield node, KG.end, integer(span.end)
    yield node, KG.mentionKind, text_literal(mention.kind)


def role_triples(role: Role, mint: Minter, known: Known) -> Iterator[Triple]:
    if known.get(role.person) != "PERSON":
        return
    node = mint.entity(role.person)
    yield node, SCHEMA.jobTitle, ar(role.title)
    if role.organization and known.get(role.organization) in ("ORG", "GPE"):
        yield node, SCHEMA.affiliation, mint.entity(role.organization)


def statement_triples(stmt: Statement, mint: Minter, known: Known, claim_id: str | None) -> Iterator[Triple]:
    node = mint.statement(stmt.stmt_id)
    yield node, RDF.type, KG.Statement
    yield node, KG.statedIn, mint.document(stmt.doc_id)
    yield node, KG.content, ar(stmt.content_text)
    yield node, KG.cue, ar(stmt.cue_text)
    yield node, KG.cueLemma, ar(stmt.cue_lemma)
    yield node, KG.quoteKind, QUOTE_KIND[stmt.kind]
    yield node, KG.polarity, POLARITY[stmt.polarity]
    yield node, KG.begin, integer(stmt.content.start)
    yield node, KG.end, integer(stmt.content.end)
    yield node, KG.speakerKind, text_literal(stmt.speaker_kind)
    yield node, KG.confidence, decimal(stmt.confidence)
    for prop, entity_id in ((KG.speaker, stmt.speaker), (KG.addressee, stmt.addressee), (KG.via, stmt.via)):
        if entity_id and known.get(entity_id) in ACTOR_LABELS:
            yield node, prop, mint.entity(entity_id)
    for entity_id in stmt.about:
        if entity_id in known:
            yield node, KG.about, mint.entity(entity_id)
    if stmt.parent:
        yield node, KG.nestedIn, mint.statement(stmt.parent)
    if claim_id:
        yield node, KG.asserts, mint.claim(claim_id)


def claim_triples(claim: Claim, mint: Minter) -> Iterator[Triple]:
    node = mint.claim(claim.claim_id)
    yield node, RDF.type, KG.Claim
    yield node, KG.content, ar(claim.content)
    for doc_id in claim.doc_ids:
        yield node, KG.reportedIn, mint.document(doc_id)
    yield node, KG.sourceCount, integer(len(set(claim.doc_ids)))
    yield node, KG.statementCount, integer(len(claim.statement_ids))
    for other in claim.contradicts:
        yield node, KG.contradicts, mint.claim(other)
        yield mint.claim(other), KG.contradicts, node


def interaction_triples(interaction: Interaction, mint: Minter, known: Known) -> Iterator[Triple]:
    node = mint.interaction(interaction)
    yield node, RDF.type, KG.Interaction
    yield node, KG.interactionType, INTERACTION_TYPE.get(interaction.type, KG.OtherInteraction)
    yield node, KG.agent, mint.entity(interaction.agent)
    yield node, KG.target, mint.entity(interaction.target)
    yield node, KG.statedIn, mint.document(interaction.doc_id)
    yield node, KG.begin, integer(interaction.evidence.start)
    yield node, KG.end, integer(interaction.evidence.end)
    if interaction.place and known.get(interaction.place) in ("GPE", "LOC"):
        yield node, KG.place, mint.entity(interaction.place)
    if interaction.time_text:
        yield node, KG.timeText, ar(interaction.time_text)
    if interaction.trigger:
        yield node, KG.trigger, ar(interaction.trigger)
    if interaction.derived_from:
        yield node, KG.derivedFrom, mint.statement(interaction.derived_from)
