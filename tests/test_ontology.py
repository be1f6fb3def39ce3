"""The ontology (ontology/kg.ttl), its generated namespace (kg/rdf/vocab.py) and the SHACL shapes.

Checks that the contract terms exist with their meaning, that vocab.py has not drifted from kg.ttl,
that every term is documented in English and Arabic, and that the shapes accept a small hand-built
graph and reject broken variants of it with a message naming the problem.
"""

from __future__ import annotations

import importlib.util
import sys
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SH, SKOS
from rdflib.term import Node

from kg import model
from kg.rdf.validate import load_ontology, load_shapes, ontology_dir, validate
from kg.rdf.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
NS = str(KG._NS)
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
VS_STATUS = URIRef("http://www.w3.org/2003/06/sw-vocab-status/ns#term_status")
R = Namespace("https://w3id.org/arabic-news-kg/resource/")


def load_gen_vocab() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def declared_terms(graph: Graph) -> set[str]:
    """Local names of every typed subject in the kg namespace."""
    return {
        str(s)[len(NS) :] for s in graph.subjects(RDF.type, None) if str(s).startswith(NS) and str(s) != NS
    }


def used_terms(graph: Graph) -> set[str]:
    """Local names of every kg IRI that appears anywhere in ``graph``."""
    nodes = {node for triple in graph for node in triple if isinstance(node, URIRef)}
    return {str(node)[len(NS) :] for node in nodes if str(node).startswith(NS)}


def languages(graph: Graph, subject: Node | None, prop: URIRef) -> list[str]:
    """The sorted language tags of the literal values of ``prop`` (untagged values as 'None')."""
    return sorted(str(lit.language) for lit in graph.objects(subject, prop) if isinstance(lit, Literal))


# --- the ontology --------------------------------------------------------------------------


def test_ontology_parses_with_header() -> None:
    graph = load_ontology()
    header = graph.value(None, RDF.type, OWL.Ontology)
    assert header == URIRef("https://w3id.org/arabic-news-kg/ontology")
    assert languages(graph, header, DCTERMS.title) == ["ar", "en"]
    assert graph.value(header, OWL.versionInfo) is not None
    assert graph.value(header, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(graph.value(header, DCTERMS.creator)) == "kg project"


def test_ontology_every_term_has_english_and_arabic_label_and_comment() -> None:
    graph = load_ontology()
    problems = []
    for name in sorted(declared_terms(graph)):
        term = KG._NS[name]
        for prop in (RDFS.label, RDFS.comment):
            found = languages(graph, term, prop)
            if found != ["ar", "en"]:
                problems.append(f"kg:{name} {prop.n3(graph.namespace_manager)} languages {found}")
    assert not problems, "\n".join(problems)


def test_ontology_uses_no_undeclared_kg_term() -> None:
    graph = load_ontology()
    assert used_terms(graph) - declared_terms(graph) == set()


CONTRACT_TERMS = [
    ("Actor", OWL.Class),
    ("Place", OWL.Class),
    ("Person", OWL.Class),
    ("Organization", OWL.Class),
    ("GeopoliticalEntity", OWL.Class),
    ("Location", OWL.Class),
    ("Document", OWL.Class),
    ("Mention", OWL.Class),
    ("Statement", OWL.Class),
    ("Claim", OWL.Class),
    ("Interaction", OWL.Class),
    ("QuoteKind", OWL.Class),
    ("Polarity", OWL.Class),
    ("InteractionType", OWL.Class),
    ("Direct", KG.QuoteKind),
    ("Indirect", KG.QuoteKind),
    ("Mixed", KG.QuoteKind),
    ("Assert", KG.Polarity),
    ("Deny", KG.Polarity),
    *[
        (name, KG.InteractionType)
        for name in [
            "PhoneCall",
            "Meeting",
            "Urge",
            "Condemn",
            "Accuse",
            "HoldResponsible",
            "Support",
            "Attack",
            "Request",
            "SuspendCooperation",
            "OtherInteraction",
        ]
    ],
    *[
        (name, OWL.ObjectProperty)
        for name in [
            "mentionedIn",
            "refersTo",
            "inDocument",
            "statedIn",
            "speaker",
            "quoteKind",
            "polarity",
            "addressee",
            "via",
            "about",
            "asserts",
            "reportedIn",
            "contradicts",
            "interactionType",
            "agent",
            "target",
            "place",
        ]
    ],
    *[
        (name, OWL.DatatypeProperty)
        for name in ["surface", "begin", "end", "content", "cue", "confidence", "sourceCount", "timeText"]
    ],
]


@pytest.mark.parametrize(("name", "rdf_type"), CONTRACT_TERMS, ids=[name for name, _ in CONTRACT_TERMS])
def test_ontology_declares_contract_term(name: str, rdf_type: URIRef) -> None:
    graph = load_ontology()
    term = KG._NS[name]
    assert (term, RDF.type, rdf_type) in graph
    assert str(graph.value(term, VS_STATUS)) == "stable", f"kg:{name} is a contract term: mark it stable"


@pytest.mark.parametrize(
    ("sub", "relation", "sup"),
    [
        (KG.Person, RDFS.subClassOf, KG.Actor),
        (KG.Organization, RDFS.subClassOf, KG.Actor),
        (KG.GeopoliticalEntity, RDFS.subClassOf, KG.Actor),
        (KG.GeopoliticalEntity, RDFS.subClassOf, KG.Place),
        (KG.Location, RDFS.subClassOf, KG.Place),
        (KG.Person, RDFS.subClassOf, SCHEMA.Person),
        (KG.Organization, RDFS.subClassOf, SCHEMA.Organization),
        (KG.Place, RDFS.subClassOf, SCHEMA.Place),
        (KG.Document, RDFS.subClassOf, SCHEMA.NewsArticle),
        (KG.Document, RDFS.subClassOf, PROV.Entity),
        (KG.Statement, RDFS.subClassOf, PROV.Entity),
        (KG.Actor, RDFS.subClassOf, PROV.Agent),
        (KG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.contradicts, RDF.type, OWL.SymmetricProperty),
    ],
)
def test_ontology_states_contract_axiom(sub: URIRef, relation: URIRef, sup: URIRef) -> None:
    assert (sub, relation, sup) in load_ontology()


@pytest.mark.parametrize("enumeration", [KG.QuoteKind, KG.Polarity, KG.InteractionType])
def test_ontology_enumeration_lists_exactly_its_members(enumeration: URIRef) -> None:
    graph = load_ontology()
    members = graph.value(enumeration, OWL.oneOf)
    assert members is not None
    listed = set(Collection(graph, members))
    assert listed == set(graph.subjects(RDF.type, enumeration))


def test_ontology_interaction_types_cover_the_data_model() -> None:
    graph = load_ontology()
    members = {str(m)[len(NS) :] for m in graph.subjects(RDF.type, KG.InteractionType)}
    camel = {"".join(part.title() for part in t.split("_")) for t in model.INTERACTION_TYPES}
    assert camel - {"Other"} | {"OtherInteraction"} == members


# --- the generated namespace ----------------------------------------------------------------


def test_vocab_is_up_to_date_with_ontology() -> None:
    expected = load_gen_vocab().render(load_ontology())
    on_disk = (ROOT / "kg" / "rdf" / "vocab.py").read_text(encoding="utf-8")
    assert on_disk == expected, "kg/rdf/vocab.py drifted from ontology/kg.ttl: run scripts/gen_vocab.py"


def test_vocab_names_match_ontology_terms() -> None:
    assert set(KG.__annotations__) == declared_terms(load_ontology())


def test_vocab_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.Speaker  # the property is kg:speaker; a typo must not mint a new IRI


def test_gen_vocab_rejects_a_term_that_is_not_an_identifier() -> None:
    graph = Graph()
    graph.add((URIRef(NS + "not-python"), RDF.type, OWL.Class))
    with pytest.raises(ValueError, match="not-python"):
        load_gen_vocab().ontology_terms(graph)


# --- the shapes ---------------------------------------------------------------------------


def test_shapes_parse_and_use_only_declared_terms() -> None:
    shapes = load_shapes()
    assert len(shapes) > 0
    assert used_terms(shapes) - declared_terms(load_ontology()) == set()


@pytest.mark.parametrize(
    "cls",
    [
        KG.Person,
        KG.Organization,
        KG.GeopoliticalEntity,
        KG.Location,
        KG.Document,
        KG.Mention,
        KG.Statement,
        KG.Claim,
        KG.Interaction,
        KG.CoMention,
    ],
)
def test_shapes_target_every_instance_class(cls: URIRef) -> None:
    assert cls in set(load_shapes().objects(None, SH.targetClass))


def shape_values(path: URIRef) -> set[str]:
    """The ``sh:in`` values of the property shape on ``path``."""
    shapes = load_shapes()
    for shape in shapes.subjects(SH.path, path):
        members = shapes.value(shape, SH["in"])
        if members is not None:
            return {str(v) for v in Collection(shapes, members)}
    raise AssertionError(f"no sh:in on {path}")


@pytest.mark.parametrize(
    ("path", "literal_type"),
    [(KG.speakerKind, model.SpeakerKind), (KG.mentionKind, model.MentionKind)],
)
def test_shapes_string_values_match_the_data_model(path: URIRef, literal_type: object) -> None:
    assert shape_values(path) == set(typing.get_args(literal_type))


def test_ontology_dir_holds_both_files() -> None:
    assert {p.name for p in ontology_dir().glob("*.ttl")} >= {"kg.ttl", "shapes.ttl"}


# --- validation of hand-built graphs ---------------------------------------------------------


def ar(text: str) -> Literal:
    return Literal(text, lang="ar")


def conforming_graph() -> Graph:
    """Two documents reporting one claim, with entities, mentions, a role and an interaction."""
    graph = Graph()
    text = "قال وزير الخارجية الأمريكي أنتوني بلينكن إن واشنطن تدعم الحل السياسي في سوريا."
    for doc in (R.d1, R.d2):
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, DCTERMS.identifier, Literal(str(doc)[-2:])))
        graph.add((doc, KG.charCount, Literal(len(text))))
        graph.add((doc, KG.encoding, Literal("utf-8")))
    graph.add((R.d1, DCTERMS.title, ar("بلينكن يدعو إلى حل سياسي")))
    graph.add((R.d1, DCTERMS.date, Literal("2018-02-18", datatype=XSD.date)))
    graph.add((R.d2, DCTERMS.date, Literal("2018-02-18T10:30:00Z", datatype=XSD.dateTime)))
    graph.add((R.d1, DCTERMS.source, Literal("news-bench.jsonl:12")))
    graph.add((R.d2, DCTERMS.source, Literal("https://www.alarabiya.net/ar/2018/02/18/x")))
    entities = [
        (R.minister, KG.Person, "أنتوني بلينكن", ["بلينكن"]),
        (R.usa, KG.GeopoliticalEntity, "الولايات المتحدة", ["أمريكا", "الأمريكي"]),
        (R.washington, KG.GeopoliticalEntity, "واشنطن", []),
        (R.ministry, KG.Organization, "وزارة الخارجية الأمريكية", []),
        (R.syria, KG.GeopoliticalEntity, "سوريا", ["سورية"]),
        (R.golan, KG.Location, "الجولان", []),
    ]
    for node, cls, label, aliases in entities:
        graph.add((node, RDF.type, cls))
        graph.add((node, SKOS.prefLabel, ar(label)))
        for alias in aliases:
            graph.add((node, SKOS.altLabel, ar(alias)))
        graph.add((node, KG.mentionedIn, R.d1))
        graph.add((node, KG.mentionCount, Literal(1)))
    graph.add((R.minister, SKOS.prefLabel, Literal("Antony Blinken", lang="en")))
    graph.add((R.minister, SKOS.altLabel, Literal("Ânṭwny blynkn", lang="ar-Latn")))
    graph.add((R.usa, RDFS.label, Literal("United States", lang="en")))
    graph.add((R.washington, KG.standsFor, R.usa))
    graph.add((R.ministry, KG.country, R.usa))
    graph.add((R.minister, SCHEMA.jobTitle, ar("وزير الخارجية")))
    graph.add((R.minister, SCHEMA.affiliation, R.ministry))
    start = text.index("بلينكن")
    graph.add((R.m1, RDF.type, KG.Mention))
    graph.add((R.m1, KG.refersTo, R.minister))
    graph.add((R.m1, KG.inDocument, R.d1))
    graph.add((R.m1, KG.surface, ar("بلينكن")))
    graph.add((R.m1, KG.begin, Literal(start)))
    graph.add((R.m1, KG.end, Literal(start + len("بلينكن"))))
    graph.add((R.m1, KG.mentionKind, Literal("name")))
    content_start = text.index("واشنطن")
    for position, (stmt, doc) in enumerate(((R.s1, R.d1), (R.s2, R.d2))):
        graph.add((stmt, RDF.type, KG.Statement))
        graph.add((stmt, KG.position, Literal(position)))
        graph.add((stmt, KG.statedIn, doc))
        graph.add((stmt, KG.content, ar(text[content_start:-1])))
        graph.add((stmt, KG.cue, ar("قال")))
        graph.add((stmt, KG.cueLemma, ar("قال")))
        graph.add((stmt, KG.quoteKind, KG.Indirect))
        graph.add((stmt, KG.polarity, KG.Assert))
        graph.add((stmt, KG.begin, Literal(content_start)))
        graph.add((stmt, KG.end, Literal(len(text) - 1)))
        graph.add((stmt, KG.speakerKind, Literal("named")))
        graph.add((stmt, KG.confidence, Literal(Decimal("0.8"))))
        graph.add((stmt, KG.asserts, R.c1))
    graph.add((R.s1, KG.speaker, R.minister))
    graph.add((R.s1, KG.about, R.syria))
    graph.add((R.s1, KG.aboutPosition, Literal(0)))
    graph.add((R.minister, KG.statementsMade, Literal(1)))
    graph.add((R.minister, KG.speakerRank, Literal(0)))
    graph.add((R.s1, KG.via, R.ministry))
    graph.add((R.s1, KG.addressee, R.usa))
    graph.add((R.c1, RDF.type, KG.Claim))
    graph.add((R.c1, KG.content, ar("واشنطن تدعم الحل السياسي في سوريا")))
    graph.add((R.c1, KG.reportedIn, R.d1))
    graph.add((R.c1, KG.reportedIn, R.d2))
    graph.add((R.c1, KG.sourceCount, Literal(2)))
    graph.add((R.c1, KG.statementCount, Literal(2)))
    graph.add((R.c1, KG.sourceRank, Literal(0)))
    graph.add((R.i1, RDF.type, KG.Interaction))
    graph.add((R.i1, KG.interactionType, KG.Support))
    graph.add((R.i1, KG.agent, R.usa))
    graph.add((R.i1, KG.target, R.syria))
    graph.add((R.i1, KG.statedIn, R.d1))
    graph.add((R.i1, KG.place, R.golan))
    graph.add((R.i1, KG.timeText, ar("أمس")))
    graph.add((R.i1, KG.position, Literal(0)))
    graph.add((R.p1, RDF.type, KG.CoMention))
    graph.add((R.p1, KG.actor, R.minister))
    graph.add((R.p1, KG.actor, R.usa))
    graph.add((R.p1, KG.documentCount, Literal(1)))
    graph.add((R.p1, KG.position, Literal(0)))
    return graph


def test_validate_accepts_conforming_graph() -> None:
    report = validate(conforming_graph())
    assert report.conforms, report.text


def test_validate_accepts_cueless_continuation_and_missing_speaker() -> None:
    graph = conforming_graph()
    graph.set((R.s2, KG.cue, ar("")))
    graph.set((R.s2, KG.speakerKind, Literal("implicit")))
    report = validate(graph)
    assert report.conforms, report.text


Mutation = Callable[[Graph], object]


def drop(subject: URIRef, prop: URIRef) -> Mutation:
    return lambda graph: graph.remove((subject, prop, None))


def put(subject: URIRef, prop: URIRef, value: URIRef | Literal) -> Mutation:
    return lambda graph: graph.set((subject, prop, value))


def add(subject: URIRef, prop: URIRef, value: URIRef | Literal) -> Mutation:
    return lambda graph: graph.add((subject, prop, value))


BROKEN: list[tuple[str, Mutation, str]] = [
    ("no Arabic prefLabel", drop(R.syria, SKOS.prefLabel), "exactly one Arabic skos:prefLabel"),
    ("two Arabic prefLabels", add(R.syria, SKOS.prefLabel, ar("سورية")), "exactly one Arabic skos:prefLabel"),
    ("prefLabel also altLabel", add(R.syria, SKOS.altLabel, ar("سوريا")), "different from its skos:altLabel"),
    ("untagged altLabel", add(R.syria, SKOS.altLabel, Literal("سورية")), "skos:altLabel must be"),
    (
        "romanisation as rdfs:label",
        add(R.minister, RDFS.label, Literal("Ânṭwny blynkn", lang="ar-Latn")),
        "a romanisation is a skos:altLabel",
    ),
    ("date as a string", put(R.d1, DCTERMS.date, Literal("18/2/2018")), "one xsd:date or xsd:dateTime"),
    ("date as an integer", put(R.d1, DCTERMS.date, Literal(2018)), "one xsd:date or xsd:dateTime"),
    (
        "source a path on the building machine",
        put(R.d1, DCTERMS.source, Literal("/home/user/corpus/seeds/000.txt")),
        "never a path on the machine",
    ),
    (
        "source a relative path",
        put(R.d1, DCTERMS.source, Literal("corpus\\seeds\\000.txt")),
        "never a path on the machine",
    ),
    ("two entity classes", add(R.minister, RDF.type, KG.Organization), "an entity has only one type"),
    ("standsFor a person", put(R.washington, KG.standsFor, R.minister), "kg:standsFor"),
    ("country on a person", add(R.minister, KG.country, R.usa), "only a kg:Organization has a kg:country"),
    (
        "untagged job title",
        put(R.minister, SCHEMA.jobTitle, Literal("وزير الخارجية")),
        "schema:jobTitle must be",
    ),
    ("duplicate identifier", put(R.d2, DCTERMS.identifier, Literal("d1")), "two nodes share this"),
    ("mention without entity", drop(R.m1, KG.refersTo), "exactly one kg:refersTo"),
    ("mention offsets reversed", put(R.m1, KG.begin, Literal(99)), "smaller than kg:end"),
    ("mention surface off by one", put(R.m1, KG.end, Literal(22)), "kg:end - kg:begin is"),
    ("offset as a string", put(R.m1, KG.begin, Literal("10")), "kg:begin is at most one xsd:integer"),
    ("negative offset", put(R.s1, KG.begin, Literal(-1)), "kg:begin is at most one xsd:integer >= 0"),
    ("offset past the text", put(R.s1, KG.end, Literal(500)), "beyond the end of its document"),
    ("mention kind pronoun", put(R.m1, KG.mentionKind, Literal("pronoun")), "kg:mentionKind"),
    ("statement without document", drop(R.s1, KG.statedIn), "exactly one kg:statedIn"),
    (
        "English content",
        put(R.s1, KG.content, Literal("Washington supports", lang="en")),
        "Arabic kg:content",
    ),
    ("polarity as quote kind", put(R.s1, KG.quoteKind, KG.Deny), "kg:quoteKind among"),
    ("no polarity", drop(R.s1, KG.polarity), "exactly one kg:polarity"),
    ("two speakers", add(R.s1, KG.speaker, R.usa), "kg:speaker is at most one actor"),
    ("place as speaker", put(R.s1, KG.speaker, R.golan), "kg:speaker is at most one actor"),
    ("confidence above one", put(R.s1, KG.confidence, Literal(Decimal("1.5"))), "between 0 and 1"),
    ("unknown speaker kind", put(R.s1, KG.speakerKind, Literal("someone")), "kg:speakerKind"),
    ("nested in itself", add(R.s1, KG.nestedIn, R.s1), "is the statement itself"),
    ("nested across documents", add(R.s1, KG.nestedIn, R.s2), "comes from another document"),
    ("claim lacks the document", drop(R.c1, KG.reportedIn), "has no kg:reportedIn"),
    ("wrong source count", put(R.c1, KG.sourceCount, Literal(3)), "kg:sourceCount is 3 but"),
    ("zero source count", put(R.c1, KG.sourceCount, Literal(0)), "kg:sourceCount, an xsd:integer >= 1"),
    ("one-way contradiction", add(R.c1, KG.contradicts, R.c2), "kg:contradicts is symmetric"),
    ("unknown interaction type", put(R.i1, KG.interactionType, KG.Direct), "kg:interactionType among"),
    ("place as agent", put(R.i1, KG.agent, R.golan), "exactly one kg:agent, an actor"),
    ("document as target", put(R.i1, KG.target, R.d1), "exactly one kg:target, an actor or a place"),
    ("person as place", put(R.i1, KG.place, R.minister), "kg:place is at most one place"),
    ("statement without position", drop(R.s2, KG.position), "exactly one kg:position"),
    ("negative position", put(R.i1, KG.position, Literal(-1)), "exactly one kg:position"),
    ("claim without statement count", drop(R.c1, KG.statementCount), "exactly one kg:statementCount"),
    ("co-mention of one actor", drop(R.p1, KG.actor), "exactly two kg:actor"),
    ("co-mention with a place", add(R.p1, KG.actor, R.golan), "exactly two kg:actor"),
]


@pytest.mark.parametrize(("mutate", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_validate_rejects_broken_graph_with_message(mutate: Mutation, message: str) -> None:
    graph = conforming_graph()
    mutate(graph)
    if (R.c2, None, None) not in graph and (R.c1, KG.contradicts, R.c2) in graph:
        graph.add((R.c2, RDF.type, KG.Claim))
        graph.add((R.c2, KG.content, ar("واشنطن لا تدعم الحل السياسي")))
        graph.add((R.c2, KG.reportedIn, R.d2))
        graph.add((R.c2, KG.sourceCount, Literal(1)))
    report = validate(graph)
    assert not report.conforms
    assert message in report.text, report.text


def test_validate_reports_self_interaction_as_warning_only() -> None:
    graph = conforming_graph()
    graph.set((R.i1, KG.target, R.usa))
    assert validate(graph).conforms
    strict = validate(graph, allow_warnings=False)
    assert not strict.conforms
    assert "also its target" in strict.text


def test_validate_does_not_modify_graph() -> None:
    graph = conforming_graph()
    graph.add((BNode(), RDF.type, KG.Claim))
    before = len(graph)
    validate(graph)
    assert len(graph) == before


# --- OWL consistency --------------------------------------------------------------------------

OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")


def owl_rl_errors(graph: Graph) -> list[str]:
    """Inconsistencies that the OWL 2 RL rules find in ``graph`` plus the ontology."""
    import owlrl  # installed with pyshacl

    closure = Graph()
    closure += graph
    closure += load_ontology()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return sorted(str(message) for message in closure.objects(None, OWLRL_ERROR))


def test_ontology_is_consistent_with_conforming_graph() -> None:
    assert owl_rl_errors(conforming_graph()) == []


def test_ontology_disjointness_catches_two_entity_classes() -> None:
    graph = conforming_graph()
    graph.add((R.minister, RDF.type, KG.Organization))
    assert any("Disjoint classes" in error for error in owl_rl_errors(graph))
