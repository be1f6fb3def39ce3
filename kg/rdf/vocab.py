"""The kg ontology as a closed rdflib namespace: ``KG.Person``, ``KG.speaker`` ...

GENERATED from ontology/kg.ttl by scripts/gen_vocab.py; do not edit by hand. Reads nothing and
writes nothing at import time. Using a name that the ontology does not declare raises
AttributeError (``_fail = True``).
"""

from rdflib import namespace
from rdflib.term import URIRef

__all__ = ["KG"]


# The base class is reached through its module so that tools which probe module attributes
# (pytest's doctest collector) never touch the open DefinedNamespace class itself.
class KG(namespace.DefinedNamespace):
    """kg: Arabic news knowledge graph ontology (version 0.1.0)."""

    _NS = namespace.Namespace("https://w3id.org/arabic-news-kg/ontology#")
    _fail = True

    # --- Classes ---

    # [contract] Anyone who can speak, act or be acted upon in the news: a person, an organization or a
    # geopolitical entity. Never asserted alone in the graph when a more specific class is known. Like every
    # entity, it has one skos:prefLabel in Arabic, its other names as skos:altLabel (@ar, and the machine
    # romanisation of its name as @ar-Latn), and an English name as rdfs:label (@en) where a gazetteer knows
    # one.
    Actor: URIRef
    # [contract] A proposition asserted by one or more statements. Statements from different documents that
    # report the same proposition assert the same claim.
    Claim: URIRef
    # Two of the 200 most mentioned actors of the graph and the number of documents that mention both
    # (kg:actor, kg:documentCount), numbered by kg:position from the most shared documents down. A summary the
    # graph recomputes on every build and append, so that the actor network is read without counting documents
    # at query time.
    CoMention: URIRef
    # [contract] One input article, identified by dcterms:identifier (the input file name without extension,
    # or the record id of JSON Lines input). Offsets elsewhere in the graph point into its original text. Its
    # optional dcterms:date is an xsd:date or xsd:dateTime literal, and its dcterms:source a portable
    # reference: the article's URL, or the input file's name (with the line of a JSON Lines record,
    # news.jsonl:12), never a path on the machine that built the graph.
    Document: URIRef
    # [contract] A country, city or state: both a place and an actor, since news speaks of what Russia or
    # Washington said.
    GeopoliticalEntity: URIRef
    # [contract] An action of one actor towards another actor or a place, as reported in one document (a phone
    # call, a meeting, a condemnation...). Two documents reporting the same event give two interaction nodes.
    Interaction: URIRef
    # [contract] The kind of action an interaction reports.
    InteractionType: URIRef
    # [contract] A place that is not a geopolitical entity: a region, area, sea, mountain, crossing or site.
    Location: URIRef
    # [contract] One stretch of a document's text that names, describes or qualifies an entity, located by
    # code-point offsets into the original text.
    Mention: URIRef
    # [contract] A ministry, agency, party, armed group, company, news outlet or international body.
    Organization: URIRef
    # [contract] A human being named or described in the text, such as a minister or a spokesperson.
    Person: URIRef
    # [contract] A place named in the news: a geopolitical entity (country, city, state) or another location
    # (region, area, site).
    Place: URIRef
    # [contract] Whether the speaker asserts the content or denies it.
    Polarity: URIRef
    # [contract] How a statement reports speech: quoted word for word, paraphrased, or both.
    QuoteKind: URIRef
    # [contract] A reported speech act in one document: who said what, with the reporting cue, the kind of
    # quotation and its polarity.
    Statement: URIRef

    # --- Individuals (members of the closed value sets) ---

    # [contract] The agent accused the target of something (اتهم).
    Accuse: URIRef
    # [contract] The speaker affirms the content (قال، أكد، أعلن).
    Assert: URIRef
    # [contract] The agent attacked, struck or bombed the target, which may be a place (هاجم، قصف، استهدف).
    Attack: URIRef
    # [contract] The agent condemned or denounced the target or its act (أدان، شجب، استنكر).
    Condemn: URIRef
    # [contract] The speaker denies the content (نفى، أنكر، كذّب).
    Deny: URIRef
    # [contract] The words are quoted as spoken, usually between quotation marks.
    Direct: URIRef
    # [contract] The agent held the target responsible for an event or its consequences (حمّل المسؤولية).
    HoldResponsible: URIRef
    # [contract] The words are reported in the writer's own phrasing, often introduced by أن or إن.
    Indirect: URIRef
    # [contract] The agent met the target in person or held talks with it (التقى، اجتمع، استقبل).
    Meeting: URIRef
    # [contract] Paraphrase with some words quoted verbatim inside it.
    Mixed: URIRef
    # [contract] An interaction between actors that none of the other types describes.
    OtherInteraction: URIRef
    # [contract] The agent spoke with the target by telephone (اتصالا هاتفيا، مكالمة).
    PhoneCall: URIRef
    # [contract] The agent asked the target for something (طلب، ناشد).
    Request: URIRef
    # [contract] The agent supported, backed or welcomed the target or its position (دعم، أيد، رحب).
    Support: URIRef
    # [contract] The agent suspended or cut cooperation, talks or relations with the target (علّق التعاون، قطع
    # العلاقات).
    SuspendCooperation: URIRef
    # [contract] The agent urged or called on the target to act (حث، دعا، طالب).
    Urge: URIRef

    # --- Object properties ---

    # [contract] An entity the statement's content is about.
    about: URIRef
    # One of the two actors of a co-mention; a co-mention has exactly two.
    actor: URIRef
    # [contract] The actor the statement is addressed to: the one told, urged or warned.
    addressee: URIRef
    # [contract] The actor who performs the interaction: the caller, the one who condemns or attacks.
    agent: URIRef
    # [contract] The claim the statement puts forward. Statements in different documents that report the same
    # proposition assert the same claim.
    asserts: URIRef
    # [contract] Another claim that cannot be true together with this one, e.g. one source asserts what
    # another denies. Symmetric: the graph states both directions.
    contradicts: URIRef
    # The country an organization belongs to, e.g. the Russian foreign ministry to Russia.
    country: URIRef
    # The statement whose speaker and reported content carry the interaction: the speaker is the agent and the
    # content names the target (X مسؤول عن → hold responsible, على X أن → urge, اتهم … X بـ → accuse). Absent
    # on interactions the narrator states.
    derivedFrom: URIRef
    # [contract] The document whose text contains the mention.
    inDocument: URIRef
    # [contract] What kind of action the interaction is.
    interactionType: URIRef
    # [contract] A document that mentions the entity; one triple per document.
    mentionedIn: URIRef
    # The outer statement whose content reports this one, as in: the minister said that the agency said...
    nestedIn: URIRef
    # [contract] Where the interaction took place.
    place: URIRef
    # [contract] Whether the speaker asserts or denies the content.
    polarity: URIRef
    # [contract] Whether the statement is a direct, indirect or mixed quotation.
    quoteKind: URIRef
    # [contract] The entity a mention refers to.
    refersTo: URIRef
    # [contract] A document that carries the claim; one triple per document.
    reportedIn: URIRef
    # [contract] The actor the statement is attributed to; absent only when the speaker cannot be resolved.
    speaker: URIRef
    # Metonymy: a capital or seat of government used in the text for the state or body it stands for, e.g.
    # Moscow for Russia, the White House for the US administration.
    standsFor: URIRef
    # [contract] The document in which a statement or an interaction is reported.
    statedIn: URIRef
    # [contract] The actor or place the interaction is directed at: the one called, met, condemned or
    # attacked.
    target: URIRef
    # [contract] The news agency, outlet or spokesperson through which the statement was relayed (نقلت
    # وكالة...، في تصريح لـ...).
    via: URIRef

    # --- Datatype properties ---

    # Like kg:position, counting only the statements that have a kg:about value: 0, 1, 2 ... without gaps, in
    # the same order.
    aboutPosition: URIRef
    # [contract] Start of a text span: the index of its first character in the document's original text,
    # counted in Unicode code points from 0. For a statement, the span of its content.
    begin: URIRef
    # Length of the document's original text in Unicode code points; every offset is at most this.
    charCount: URIRef
    # [contract] How sure the extractor is of the statement and its attribution, from 0 to 1.
    confidence: URIRef
    # [contract] What was said: for a statement, the reported content exactly as in the text; for a claim, a
    # representative wording.
    content: URIRef
    # [contract] The reporting verb or noun as written (وأضاف، قال، تصريحات); the empty string for a cue-less
    # continuation of an earlier quotation.
    cue: URIRef
    # The dictionary form of the reporting cue, without clitics or inflection (أضاف for وأضاف).
    cueLemma: URIRef
    # How many documents mention both actors of a co-mention.
    documentCount: URIRef
    # The character encoding the input file was read with, e.g. utf-8.
    encoding: URIRef
    # [contract] End of a text span, exclusive: the index just after its last character, in Unicode code
    # points.
    end: URIRef
    # The stretch of text the interaction was read from, in Arabic as written (between kg:begin and kg:end).
    evidence: URIRef
    # How many mentions in the whole corpus refer to the entity.
    mentionCount: URIRef
    # How the mention points to its entity: "name" (a proper name), "description" (e.g. the Russian minister)
    # or "adjective" (a gentilic, e.g. Russian).
    mentionKind: URIRef
    # The node's place in the reading order of its class, numbered 0, 1, 2 ... without gaps. Statements and
    # interactions: by document id, then offset; an append numbers its documents' nodes after those already in
    # the graph. Co-mentions: by shared documents, most first. Lets a query take one page by looking the
    # positions up instead of sorting every node.
    position: URIRef
    # [contract] The number of distinct documents that report the claim, i.e. its kg:reportedIn values.
    sourceCount: URIRef
    # The claim's place among the claims reported in two or more documents: most kg:sourceCount first, then
    # most kg:statementCount, then by IRI; numbered 0, 1, 2 ... without gaps, made anew on every build and
    # append. Absent on a claim of one document.
    sourceRank: URIRef
    # How the speaker is given in the text: "named", "description" (e.g. an official), "implicit" (carried
    # over from an earlier sentence), "unnamed_group" (e.g. sources) or "none".
    speakerKind: URIRef
    # The actor's place among all speakers of the graph by kg:statementsMade, most first (ties by IRI),
    # numbered 0, 1, 2 ... without gaps; made anew on every build and append.
    speakerRank: URIRef
    # How many statements assert the claim (kg:asserts).
    statementCount: URIRef
    # How many statements have the actor as kg:speaker; absent when none.
    statementsMade: URIRef
    # [contract] The mention's text exactly as written between kg:begin and kg:end, in Arabic.
    surface: URIRef
    # [contract] When the interaction took place, as written in the text (أمس، يوم الثلاثاء).
    timeText: URIRef
    # The word the interaction was read from, as its lemma in kg's trigger lexicon (طرد، استدعى، فرض، التقى):
    # what an interaction of type kg:OtherInteraction was (an expulsion, a summons, sanctions), so that it can
    # be queried.
    trigger: URIRef
