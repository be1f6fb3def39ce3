"""The data model passed between pipeline stages.

Every record is a frozen dataclass. Offsets (``start``/``end``) are Unicode code point
positions into ``Document.text``, end exclusive; the original text is never modified.
Stages return a new :class:`Corpus` with ``dataclasses.replace``.
"""

from __future__ import annotations

import bisect
import dataclasses
import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, overload

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


class TokenTable(Sequence[Token]):
    """The tokens of many documents, stored as columns: a read-only sequence of :class:`Token`.

    Segmentation gives a token for every word of every document; as ``Token`` objects they take
    about 250 bytes each (a 10k-article corpus holds 3.4 million: 850 MB). The table keeps each
    token's start, end and sentence number in int arrays (12 bytes a token) and each document's
    id once per run of its tokens, and makes ``Token`` records only as they are read. It compares
    equal to any sequence of the same tokens; :meth:`document` gives one document's tokens
    without reading the others.
    """

    __slots__ = ("_doc_ids", "_ends", "_firsts", "_runs", "_sents", "_starts")

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        self._doc_ids: list[str] = []  # one entry per run of consecutive tokens of one document
        self._firsts = array("q")  # index of each run's first token
        self._starts, self._ends, self._sents = array("i"), array("i"), array("i")
        self._runs: dict[str, list[tuple[int, int]]] | None = None  # doc_id -> (first, end) of its runs
        self.extend(tokens)

    def extend(self, tokens: Iterable[Token]) -> None:
        """Append ``tokens`` while the table is being built (a corpus's table is never changed)."""
        for token in tokens:
            self._open_run(token.doc_id)
            self._starts.append(token.span.start)
            self._ends.append(token.span.end)
            self._sents.append(token.sent_index)

    def add(self, doc_id: str, sent_index: int, spans: Iterable[tuple[int, int]]) -> None:
        """Append the tokens ``(start, end)`` of sentence ``sent_index`` of ``doc_id`` while the
        table is being built, without making ``Token`` records."""
        for start, end in spans:
            self._open_run(doc_id)
            self._starts.append(start)
            self._ends.append(end)
            self._sents.append(sent_index)

    def _open_run(self, doc_id: str) -> None:
        """Start a new run unless the last one is ``doc_id``'s."""
        if not self._doc_ids or self._doc_ids[-1] != doc_id:
            self._doc_ids.append(doc_id)
            self._firsts.append(len(self._starts))
            self._runs = None

    def _bounds(self) -> Iterator[tuple[str, int, int]]:
        """``(doc_id, first, end)`` of each run."""
        ends = [*self._firsts[1:], len(self._starts)] if self._doc_ids else []
        return zip(self._doc_ids, self._firsts, ends, strict=True)

    def __len__(self) -> int:
        return len(self._starts)

    def columns(self) -> tuple[array, array, array]:
        """The start, end and sentence number of every token, as int arrays (not to be changed):
        a reader of all the offsets makes no ``Token`` record."""
        return self._starts, self._ends, self._sents

    def __iter__(self) -> Iterator[Token]:
        starts, ends, sents = self._starts, self._ends, self._sents
        for doc_id, first, end in self._bounds():
            for i in range(first, end):
                yield Token(doc_id, Span(starts[i], ends[i]), sents[i])

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            # No code: the sequence protocol's error (a bug in kg if a user ever sees it).
            raise IndexError(f"token index {index} out of range (the table holds {len(self)} tokens)")
        run = bisect.bisect_right(self._firsts, index) - 1
        return Token(self._doc_ids[run], Span(self._starts[index], self._ends[index]), self._sents[index])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TokenTable({len(self)} tokens in {len(self._doc_ids)} runs)"

    def __reduce__(self) -> tuple[Any, ...]:
        columns = (self._doc_ids, self._firsts, self._starts, self._ends, self._sents)
        return (_table_from_columns, columns)

    def document(self, doc_id: str) -> TokenTable:
        """The tokens of document ``doc_id`` (an empty table when it has none)."""
        if self._runs is None:
            runs: dict[str, list[tuple[int, int]]] = {}
            for doc, first, end in self._bounds():
                runs.setdefault(doc, []).append((first, end))
            self._runs = runs
        part = TokenTable()
        for first, end in self._runs.get(doc_id, ()):
            part._extend(doc_id, self, first, end)
        return part

    def only(self, doc_ids: set[str] | frozenset[str]) -> TokenTable:
        """The tokens of the documents ``doc_ids``, in the same order."""
        kept = TokenTable()
        for doc_id, first, end in self._bounds():
            if doc_id in doc_ids:
                kept._extend(doc_id, self, first, end)
        return kept

    def _extend(self, doc_id: str, source: TokenTable, first: int, end: int) -> None:
        """Append tokens ``first:end`` of ``source``, which belong to ``doc_id``."""
        if end > first:
            self._open_run(doc_id)
            self._starts.extend(source._starts[first:end])
            self._ends.extend(source._ends[first:end])
            self._sents.extend(source._sents[first:end])


def _table_from_columns(
    doc_ids: list[str], firsts: array, starts: array, ends: array, sents: array
) -> TokenTable:
    """Unpickle a :class:`TokenTable`."""
    table = TokenTable()
    table._doc_ids, table._firsts = doc_ids, firsts
    table._starts, table._ends, table._sents = starts, ends, sents
    return table


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
    trigger: str = ""  # the lexicon lemma read (طرد، فرض، استدعى): what an `other` interaction was
    derived_from: str | None = None  # stmt_id of the statement whose speaker and content carry it


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be turned into a document, and why."""

    source: str
    reason: str


def _pickled_by_constructor(cls: type) -> None:
    """Pickle the records of ``cls`` as a constructor call with their field values.

    A slotted dataclass otherwise pickles through a ``__setstate__`` that sets each field in
    Python, which made loading the state of a 50,000-article build (millions of mentions and
    spans) take about twice as long. Pickles written the old way still load.
    """
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    if len(dataclasses.fields(cls)) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))  # type: ignore[method-assign,misc,assignment]
    else:  # (mypy does not let a class's pickling be replaced, which is the point here)
        cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign,misc,assignment]


RECORDS = (
    *(Span, Document, Sentence, Token, Mention, Entity, ResolutionNote),
    *(Role, Statement, Claim, Interaction, Skipped),
)
for _record in RECORDS:
    _pickled_by_constructor(_record)


@dataclass(frozen=True)
class Corpus:
    """Everything the pipeline knows so far. Stages fill fields in order."""

    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: Sequence[Token] = ()  # a TokenTable once filled (see __post_init__)
    mentions: Sequence[Mention] = ()  # a tuple; a loaded build state reads them on first use
    entities: tuple[Entity, ...] = ()
    mention_entity: dict[str, str] = field(default_factory=dict)  # mention_id -> entity_id
    resolution_notes: tuple[ResolutionNote, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    interactions: tuple[Interaction, ...] = ()

    def __post_init__(self) -> None:
        # Tokens are by far the most numerous records: keep them as columns, not objects.
        if self.tokens and not isinstance(self.tokens, TokenTable):
            object.__setattr__(self, "tokens", TokenTable(self.tokens))

    def replace(self, **changes: Any) -> Corpus:
        return dataclasses.replace(self, **changes)

    def tokens_of(self, doc_id: str) -> Sequence[Token]:
        """The tokens of document ``doc_id`` (none before segmentation), without reading the others."""
        return self.tokens.document(doc_id) if isinstance(self.tokens, TokenTable) else ()

    def entity_index(self) -> dict[str, Entity]:
        return {entity.entity_id: entity for entity in self.entities}
