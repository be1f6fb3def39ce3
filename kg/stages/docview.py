"""The document view that the per-document reading stages share (attribute, interactions).

One :class:`DocView` per document: its tokens with normalized keys and sentence numbers, the
quoted stretches, the mentions (with bare-name echoes of names written earlier) indexed by
token, the entities and the roles stated in it, and the reporting-cue lexicons. Stages read it;
nothing in it is specific to one of them.
"""

from __future__ import annotations

import bisect
import re
from collections import ChainMap
from collections.abc import MutableMapping, Sequence
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from kg.arabic.cues import load_cues, load_frames
from kg.arabic.normalize import key
from kg.arabic.tokens import sentence_spans, token_spans
from kg.model import Corpus, Document, Entity, Mention, Role, Span, Token, TokenTable

OPEN_QUOTES = "«“„‹"
CLOSE_QUOTES = "»”‟›"
TOGGLE_QUOTES = '"'
QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + TOGGLE_QUOTES
SENTENCE_END = ".!?؟"
COMMAS = "،,;؛"
QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")

LATTER = {key("الأخير"): "m", key("الأخيرة"): "f", key("والأخير"): "m", key("والأخيرة"): "f"}


class Tok(NamedTuple):
    """A token of the document with its normalized key and sentence number (a named tuple: one
    is made per token, and tuples are built several times faster than frozen dataclasses)."""

    # The token's position; the name hides tuple.index(), which nothing calls on a Tok.
    index: int  # type: ignore[assignment]
    start: int
    end: int
    text: str
    key: str
    sent: int


class CorpusIndex(NamedTuple):
    """The corpus records a :class:`DocView` reads, grouped once for all the documents of a run
    (so a view costs its document's size, not the corpus's)."""

    sentences: dict[str, list[tuple[int, int]]]  # doc id → sentence spans, in corpus order
    entities: dict[str, Entity]
    roles: dict[str, tuple[Role, ...]]  # doc id → its roles, in corpus order


def corpus_index(corpus: Corpus) -> CorpusIndex:
    """Group the sentences and roles of ``corpus`` by document and key its entities by id."""
    sentences: dict[str, list[tuple[int, int]]] = {}
    for sentence in corpus.sentences:
        sentences.setdefault(sentence.doc_id, []).append((sentence.span.start, sentence.span.end))
    roles: dict[str, list[Role]] = {}
    for role in corpus.roles:
        roles.setdefault(role.doc_id, []).append(role)
    entities = {e.entity_id: e for e in corpus.entities}
    return CorpusIndex(sentences, entities, {doc_id: tuple(found) for doc_id, found in roles.items()})


def _document_index(doc: Document, corpus: Corpus) -> CorpusIndex:
    """:func:`corpus_index` for ``doc`` alone (a single view need not group the whole corpus)."""
    sentences = [(s.span.start, s.span.end) for s in corpus.sentences if s.doc_id == doc.doc_id]
    roles = tuple(role for role in corpus.roles if role.doc_id == doc.doc_id)
    entities = {e.entity_id: e for e in corpus.entities}
    return CorpusIndex({doc.doc_id: sentences}, entities, {doc.doc_id: roles})


class DocView:
    """Everything the reading stages need about one document, indexed for position look-ups.

    ``index`` is :func:`corpus_index` of ``corpus``, when the caller makes views for many
    documents; its entity map is shared by the views and must not be changed.
    """

    def __init__(
        self, doc: Document, corpus: Corpus, mentions: list[Mention], index: CorpusIndex | None = None
    ) -> None:
        index = index or _document_index(doc, corpus)
        self.doc = doc
        self.text = doc.text
        self.frames = load_frames()
        self.lexicon = load_cues()
        spans = index.sentences.get(doc.doc_id)
        self.sentences = sorted(spans) if spans else list(sentence_spans(doc.text))
        self.starts, ends, sents = self._offsets(corpus.tokens_of(doc.doc_id))
        self.tokens = self._tokens(self.starts, ends, sents)
        self.quotes = quote_spans(self.text)
        # The corpus's links under the echoes' links, which name_echoes writes: not a copy of
        # the corpus's links per document (that cost grew with the corpus, not the document).
        self.echo_entity: dict[str, str] = {}
        self.corpus_entity = corpus.mention_entity
        self.mention_entity = ChainMap(self.echo_entity, self.corpus_entity)
        mentions = [*mentions, *name_echoes(doc, self.tokens, mentions, self.mention_entity)]
        self.mentions = sorted(mentions, key=lambda m: (outer_span(m).start, -outer_span(m).end))
        self.mention_starts = [outer_span(m).start for m in self.mentions]
        self.entities = index.entities
        self.roles = index.roles.get(doc.doc_id, ())
        self.mention_at = self._mention_index()

    @cached_property
    def keys(self) -> frozenset[str]:
        """The keys of the document's tokens: a rule led by a few words skips a document that
        has none of them without a pass over its tokens."""
        return frozenset(self._token_keys)

    def _offsets(self, table: Sequence[Token]) -> tuple[list[int], list[int], list[int]]:
        """The start, end and sentence number of each token: from ``table``, the document's
        tokens that the segment stage found in the same sentences, when the corpus still has
        them; otherwise the sentences are tokenized here."""
        if isinstance(table, TokenTable) and len(table):
            starts, ends, sents = table.columns()
            return list(starts), list(ends), list(sents)
        return self._token_offsets()

    def _tokens(self, starts: list[int], ends: list[int], sents: list[int]) -> list[Tok]:
        """The document's tokens, built column by column with C loops (map, zip): this runs over
        every token of every document, once per reading stage."""
        text = self.text
        words = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        keys = self._token_keys = [key(word) or word for word in words]  # punctuation: the mark
        columns = zip(range(len(starts)), starts, ends, words, keys, sents, strict=True)
        return list(map(tuple.__new__, repeat(Tok), columns))  # skip NamedTuple's Python __new__

    def _token_offsets(self) -> tuple[list[int], list[int], list[int]]:
        """The start, end and sentence number of each token of the sentences."""
        spans: list[tuple[int, int]] = []
        sents: list[int] = []
        for sent_index, (start, end) in enumerate(self.sentences):
            before = len(spans)
            spans.extend(token_spans(self.text, start, end))
            sents.extend(repeat(sent_index, len(spans) - before))
        return list(map(itemgetter(0), spans)), list(map(itemgetter(1), spans)), sents

    def _mention_index(self) -> dict[int, Mention]:
        """Token index → the longest mention overlapping it."""
        index: dict[int, Mention] = {}
        lengths: dict[int, int] = {}  # token index → the length of its mention's outer span
        for mention in self.mentions:
            outer = outer_span(mention)
            length = outer.end - outer.start
            for tok in self.tokens_in(outer.start, outer.end):
                if lengths.get(tok.index, -1) < length:
                    index[tok.index], lengths[tok.index] = mention, length
        return index

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        first = bisect.bisect_left(self.starts, start)
        if first > 0 and self.tokens[first - 1].end > start:
            first -= 1
        return self.tokens[first : bisect.bisect_left(self.starts, end, lo=first)]

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def entity_of(self, mention: Mention) -> str | None:
        mention_id = mention.mention_id  # mention_entity.get, without ChainMap's Python layers
        echoed = self.echo_entity.get(mention_id)
        return echoed if echoed is not None else self.corpus_entity.get(mention_id)

    def sentence_end(self, sent: int) -> int:
        return self.sentences[sent][1]

    def sentence_start(self, sent: int) -> int:
        return self.sentences[sent][0]

    def quote_around(self, start: int, end: int) -> Span | None:
        for quote in self.quotes:
            if quote.start < start and end <= quote.end:
                return quote
        return None

    def quote_opening_at(self, char: int) -> Span | None:
        for quote in self.quotes:
            if quote.start == char:
                return quote
        return None


_ECHO_PREFIXES = ("و", "ف", "ل", "ب", "ول", "وب", "فل")


def name_echoes(
    doc: Document, tokens: list[Tok], mentions: list[Mention], mention_entity: MutableMapping[str, str]
) -> list[Mention]:
    """Bare repeats of a person's last name that the recogniser left unmarked.

    News names a person in full once (``سامح شكري``) and otherwise by the last name alone
    (``أن شكري``، ``وشكري``, also in a lead before the full name); such a token, with a last
    name owned by one person entity of the document, becomes a name mention of that entity. Links are added to
    ``mention_entity`` in place.
    """
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.label != "PERSON" or mention.kind != "name":
            continue
        entity = mention_entity.get(mention.mention_id)
        words = mention.surface.split()
        if entity is None or not words:
            continue
        last = key(words[-1])
        if len(last) >= 3:
            owners.setdefault(last, set()).add(entity)
    if not owners:
        return []
    starts = sorted((outer.start, outer.end) for outer in map(outer_span, mentions))
    echo_forms = _echo_forms(owners)
    echoes: list[Mention] = []
    echoing = map(echo_forms.__contains__, map(attrgetter("key"), tokens))
    for tok in compress(tokens, echoing):  # a C loop over the tokens: few of them echo a name
        prefix, name = echo_forms[tok.key]
        if len(owners[name]) != 1 or _covered(starts, tok):
            continue
        span = Span(tok.start + prefix, tok.end)
        if key(doc.text[span.start : span.end]) != name:
            continue
        mention = Mention(
            doc.doc_id,
            span,
            doc.text[span.start : span.end],
            "PERSON",
            "name",
            attached=Span(tok.start, tok.end),
            key=name,
            source="echo",
        )
        mention_entity[mention.mention_id] = next(iter(owners[name]))
        echoes.append(mention)
    return echoes


# _ECHO_PREFIXES by length, shortest first (a shorter prefix is read before a longer one): a word
# starts with at most one prefix of each length.
_ECHO_PREFIXES_BY_LENGTH = tuple(
    (length, frozenset(p for p in _ECHO_PREFIXES if len(p) == length))
    for length in sorted({len(p) for p in _ECHO_PREFIXES})
)


def _echo_forms(owners: dict[str, set[str]]) -> dict[str, tuple[int, str]]:
    """Each word key that echoes an owned last name, bare or after one of ``_ECHO_PREFIXES``,
    with ``(prefix length, name)``: one dict look-up per token of the document. Where two
    readings give one word, the bare name comes first, then the shorter prefix: the forms are
    entered from the last reading to the first, so the first overwrites the others."""
    forms: dict[str, tuple[int, str]] = {}
    for length, prefixes in reversed(_ECHO_PREFIXES_BY_LENGTH):
        for prefix in prefixes:
            forms.update((prefix + name, (length, name)) for name in owners)
    forms.update((name, (0, name)) for name in owners)
    return forms


def _covered(starts: list[tuple[int, int]], tok: Tok) -> bool:
    """Whether a mention (sorted ``(start, end)`` list) covers the token; nested mentions are few."""
    position = bisect.bisect_right(starts, (tok.start, tok.end + 10**9))
    return any(start <= tok.start < end for start, end in starts[max(0, position - 4) : position])


def outer_span(mention: Mention) -> Span:
    """The mention's extent with its proclitics (``ولافروف``), as the tokens cover it."""
    return mention.attached or mention.span


def quote_spans(text: str) -> list[Span]:
    """Quoted stretches ``[open, close+1)`` including the marks, paragraph by paragraph.

    Typographic openers (« “ „) and closers (» ”) pair up; a mark that cannot open or close
    in its expected role toggles instead, so mismatched pairs («…« or ”…”) and straight
    quotes ("…") are handled. An unclosed mark is dropped.

    >>> [text[s.start:s.end] for text in ['قال: «نعم» و"لا"'] for s in quote_spans(text)]
    ['«نعم»', '"لا"']
    """
    spans: list[Span] = []
    offset = 0
    for paragraph in text.split("\n"):
        open_at: int | None = None
        for mark in QUOTE_MARK.finditer(paragraph):
            if open_at is None:
                open_at = mark.start()
            else:
                spans.append(Span(offset + open_at, offset + mark.start() + 1))
                open_at = None
        offset += len(paragraph) + 1
    return spans


def latest_entity(view: DocView, before: int, gender: str) -> str | None:
    """The entity of the latest mention before ``before`` that ``الأخير`` (m: a person) or
    ``الأخيرة`` (f: a body or a country) can refer to."""
    for mention in reversed(view.mentions):
        if outer_span(mention).end > before or mention.kind == "adjective":
            continue
        entity = view.entity_of(mention)
        if entity is None:
            continue
        label = view.entities[entity].label if entity in view.entities else mention.label
        if (label == "PERSON") == (gender == "m"):
            return entity
    return None
