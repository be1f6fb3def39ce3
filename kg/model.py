"""The data model passed between pipeline stages.

Every record is a frozen dataclass. Offsets (``start``/``end``) are Unicode code point
positions into ``Document.text``, end exclusive; the original text is never modified.
Stages return a new :class:`Corpus` with ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Label = Literal["PERSON", "ORG", "GPE", "LOC"]
MentionKind = Literal["name", "description", "adjective"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["assert", "deny"]
SpeakerKind = Literal["named", "description", "implicit", "unnamed_group", "none"]
InteractionType = Literal[
    "phone_call",
    "meeting",
    "urge",
    "condemn",
    "accuse",
    "hold_responsible",
    "support",
    "attack",
    "request",
    "suspend_cooperation",
    "other",
]

LABELS: tuple[Label, ...] = ("PERSON", "ORG", "GPE", "LOC")
INTERACTION_TYPES: tuple[str, ...] = InteractionType.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One input article. ``text`` is exactly what was read from the source."""

    doc_id: str
    text: str
    source_path: str = ""
    title: str = ""
    date: str = ""
    publisher: str = ""
    url: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token, proclitics included (they are split later, by the stages
    that know which stems are names)."""

    doc_id: str
    span: Span
    sent_index: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names, describes or qualifies an entity.

    ``span`` covers the name without proclitics; ``attached`` is the full token sequence with
    them (``ولافروف``), or ``None`` when nothing was attached. ``surface`` is the bare name as
    it is displayed; it equals the text at ``span`` except after a fused ``لل``, where the
    article is restored (``للولايات المتحدة`` → ``الولايات المتحدة``).
    """

    doc_id: str
    span: Span
    surface: str
    label: Label
    kind: MentionKind = "name"
    attached: Span | None = None
    key: str = ""  # normalized matching key, filled by the NER stage
    country_key: str = ""  # for gentilic adjectives and descriptions: the country key they point to
    source: str = ""  # which recognizer produced it (crf, gazetteer, rule, camel)

    @property
    def mention_id(self) -> str:
        return f"{self.doc_id}:{self.span.start}-{self.span.end}"


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent across the corpus."""

    entity_id: str
    label: Label
    canonical: str
    aliases: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    stands_for: str | None = None  # entity_id of the government a capital/seat stands for
    country: str | None = None  # entity_id of the country an organisation belongs to
    key: str = ""
    name_en: str = ""  # English name where a general gazetteer knows it
    transliteration: str = ""  # Latin transliteration of the canonical name


@dataclass(frozen=True, slots=True)
class ResolutionNote:
    """A merge made (or left undone) by entity resolution, and the rule behind it."""

    rule: str
    entity_id: str
    forms: tuple[str, ...]
    merged: bool = True
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """A person–office relation stated in one document."""

    doc_id: str
    person: str  # entity_id
    title: str  # as written
    organization: str | None = None  # entity_id
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A reported speech act: who said what, to whom, via whom."""

    stmt_id: str
    doc_id: str
    cue: Span
    cue_text: str
    cue_lemma: str
    content: Span
    content_text: str
    kind: QuoteKind
    polarity: Polarity = "assert"
    speaker: str | None = None  # entity_id
    speaker_span: Span | None = None
    speaker_kind: SpeakerKind = "none"
    addressee: str | None = None
    via: str | None = None
    about: tuple[str, ...] = ()
    confidence: float = 0.5
    parent: str | None = None  # stmt_id of the outer statement for nested reporting


@dataclass(frozen=True, slots=True)
class Claim:
    """A proposition asserted by one or more statements, possibly across documents."""

    claim_id: str
    content: str
    statement_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    contradicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Interaction:
    doc_id: str
    type: str  # one of INTERACTION_TYPES
    agent: str  # entity_id
    target: str  # entity_id
    evidence: Span
    place: str | None = None
    time_text: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be turned into a document, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """Everything the pipeline knows so far. Stages fill fields in order."""

    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    mention_entity: dict[str, str] = field(default_factory=dict)  # mention_id -> entity_id
    resolution_notes: tuple[ResolutionNote, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    interactions: tuple[Interaction, ...] = ()

    def replace(self, **changes: Any) -> Corpus:
        return dataclasses.replace(self, **changes)

    def entity_index(self) -> dict[str, Entity]:
        return {entity.entity_id: entity for entity in self.entities}
