"""Shared parts of the ``attribute`` stage (:mod:`kg.stages.attribute`).

The :class:`Frame` record (a cue with its analysis, before it becomes a
:class:`~kg.model.Statement`), the closed word classes that several sections of the rules use, and
the helpers every section calls (``strip_clitics``, ``after_preposition``). Imports no other
module of :mod:`kg.stages.attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.arabic.cues import CueForm
from kg.arabic.lexicons import word_class
from kg.arabic.normalize import key
from kg.arabic.time import DAY_WORD_KEYS
from kg.model import Mention, Span
from kg.stages.docview import DocView, Tok, outer_span

# The closed word classes of kg/resources/attribution_words.tsv that several sections use.
# Words that may stand between an SVO subject and its verb: وكانت الوزارة قد أعلنت.
SVO_SKIP = word_class("svo_skip")
PARTICLES = word_class("particles")
AS_WORDS = word_class("as_words")
# day words, parts of the day and adverbs that sit between a speaker and the content
TIME_WORDS = DAY_WORD_KEYS | word_class("time_adverbs")


@dataclass
class Frame:
    """A cue with its analysis, before it becomes a :class:`Statement`."""

    cue: Tok
    form: CueForm
    cue_end: int  # char offset after the cue phrase
    content: Span | None = None
    content_kind: str = ""  # quote | clause | np | colon
    speakers: list[tuple[str | None, Span | None, str]] = field(default_factory=list)
    addressee: str | None = None
    via: str | None = None
    polarity: str = "assert"
    headline: bool = False
    absorbed_until: int = -1  # token index up to which other cues belong to this frame
    own_site: bool = False  # في بيان على موقعها: the speaker relayed it itself
    host: Frame | None = None  # رفض تأكيدات X: the frame whose object this claim noun is


# relative pronoun → the (gender, number) of a verb whose subject it is: التي also stands for
# non-human plurals (الدول التي تتهم); ``اللذين قالت الوكالة إنهما``: the verb agrees with another subject
RELATIVE_AGREEMENT: dict[str, frozenset[tuple[str, str]]] = {
    key(word): frozenset(agreement)
    for word, agreement in (
        ("الذي", {("m", "sg")}),
        ("التي", {("f", "sg"), ("f", "pl")}),
        ("الذين", {("m", "pl")}),
        ("اللذان", {("m", "du")}),
        ("اللذين", {("m", "du")}),
        ("اللتان", {("f", "du")}),
        ("اللتين", {("f", "du")}),
        ("اللواتي", {("f", "pl"), ("f", "sg")}),
        ("اللاتي", {("f", "pl"), ("f", "sg")}),
    )
}
RELATIVE = word_class("relatives")


_WITH = word_class("with_prepositions")
CIRCUMSTANCE = word_class("circumstance_words")


def strip_clitics(word_key: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if word_key.startswith(prefix) and len(word_key) - len(prefix) > 3:
            return word_key[len(prefix) :]
    return word_key


def after_preposition(view: DocView, mention: Mention) -> bool:
    """``في إيران``، ``لإيران``، ``مع الحكومة``: the name is not a subject."""
    clitics = view.text[outer_span(mention).start : mention.span.start]
    if any(letter in clitics for letter in "بلك"):
        return True
    index = view.token_at(outer_span(mention).start)
    if index <= 0 or view.tokens[index - 1].sent != view.tokens[index].sent:
        return False
    prev = view.tokens[index - 1].key
    return prev in PARTICLES or prev in CIRCUMSTANCE or prev in _WITH
