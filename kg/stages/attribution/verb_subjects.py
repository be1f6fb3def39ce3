"""Subjects of reporting verbs in the ``attribute`` stage: where the subject of a verb stands.

Before the verb with no conjunction (:func:`adjacent_subject`: ``أن الوزير أحمد سالم أبلغ``; a
definite noun phrase the recogniser missed, :func:`preverbal_noun`), as the antecedent of a
relative pronoun (:func:`relative_subject`: ``وزارة الخارجية التي قالت``), or right after the verb
when it is an unnamed source, a speech-event noun or a definite noun running into إن/أن
(:func:`generic_subject_end`, :func:`definite_subject_end`); and the comma-bracketed titles,
circumstances and attributions skipped between a verb and its object (:func:`parenthetical_end`).
:mod:`~kg.stages.attribution.verbs` builds the frames on these. Reads a
:class:`~kg.stages.docview.DocView`; writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.arabic.cues import CueForm, complementizer_kind, is_subordinated
from kg.arabic.lexicons import word_class
from kg.model import Span
from kg.stages.attribution.common import (
    AS_WORDS,
    CIRCUMSTANCE,
    PARTICLES,
    RELATIVE_AGREEMENT,
    SVO_SKIP,
    TIME_WORDS,
    after_preposition,
    strip_clitics,
)
from kg.stages.attribution.cues import inside_name, is_new_verb_cue, subordinated
from kg.stages.attribution.speakers import definite_anaphor
from kg.stages.attribution.subjects import title_heads
from kg.stages.docview import (
    COMMAS,
    LATTER,
    QUOTE_CHARS,
    SENTENCE_END,
    DocView,
    Tok,
    latest_entity,
    outer_span,
)

# A finite verb never follows a preposition or a quantifier: ``بناء على طلب``، ``أي طلب`` are nouns.
NOT_BEFORE_VERB = word_class("not_before_verb")


_NOT_SUBJECT = word_class("not_subject_words")


def unknown_subject(view: DocView, window: list[Tok]) -> bool:
    """A word after the verb that is not a particle, a time word or a name we know is a subject
    the recogniser missed (``وقال أنطونيو غوتيريش …``): the speaker is unknown, not the previous one."""
    if not window:
        return False
    first = window[0]
    if first.text in COMMAS or first.text in QUOTE_CHARS or not first.key or view.mention_at.get(first.index):
        return False
    word = first.key
    if word in SVO_SKIP or word in TIME_WORDS or word in PARTICLES or word in _NOT_SUBJECT:
        return False
    if word in view.frames.title_stops or strip_clitics(word) in view.frames.title_stops:
        return False
    if view.lexicon.lookup(first.text) is not None:
        return False
    return not (word.startswith("ل") or word.startswith("بال") or word.startswith("في"))


_NOT_A_SUBJECT_HEAD = word_class("not_subject_heads")
_DEMONSTRATIVES = word_class("demonstratives")
PREVERBAL_SPAN = 3  # words of a subject noun phrase written before its verb


def adverbial_word(tok: Tok) -> bool:
    """A comma, time word or particle (``مساء``، ``قد``): between a verb and its content it leaves
    the noun phrase before the verb its subject (``لكن المرصد ذكر مساء أن``,
    ant:FR-internationalNews-994-20180429)."""
    return tok.text in COMMAS or tok.key in TIME_WORDS or tok.key in SVO_SKIP


def preverbal_noun(view: DocView, tok: Tok, form: CueForm) -> list[tuple[str | None, Span | None, str]]:
    """A definite noun phrase right before a verb without a conjunction is its subject even when
    the recogniser did not mark it (``أن المحققين قالوا``، ``الصحيفة الأمريكية أوردت``): the speaker
    is that description (an organisation when ``الصحيفة``/``الوكالة`` refers back), never the
    previous speaker."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text) or tok.index == 0:
        return []
    if view.quote_around(tok.start, tok.end) is not None:
        return []  # inside a quotation: a passive (هذه التوسعة تعتبر) or the quoted speaker's words
    run: list[Tok] = []
    index = tok.index - 1
    while index >= 0 and len(run) < PREVERBAL_SPAN:
        current = view.tokens[index]
        if current.sent != tok.sent or not _noun_like(view, current):
            break
        run.insert(0, current)
        index -= 1
    if not run or not run[-1].key.startswith("ال") or run[-1].key in _NOT_A_SUBJECT_HEAD:
        return []
    if index >= 0 and view.tokens[index].key in _DEMONSTRATIVES:
        return []  # هذا القرار يؤكد: a thing, not a speaker
    if run[-1].key in TIME_WORDS or run[-1].key in SVO_SKIP:
        return []
    definite = next((t for t in run if t.key.startswith("ال")), run[-1])
    entity = definite_anaphor(view, definite)
    return [(entity, Span(run[0].start, run[-1].end), "description")]


def _noun_like(view: DocView, tok: Tok) -> bool:
    """A word that can be part of a noun phrase: not punctuation, particle, complementizer or cue."""
    if not tok.key or not tok.text[0].isalpha() or tok.key in PARTICLES or tok.key in AS_WORDS:
        return False
    if complementizer_kind(tok.text, view.frames) or is_subordinated(tok.text, view.frames):
        return False
    if tok.key in view.frames.title_stops or tok.key in NOT_BEFORE_VERB:
        return False
    return view.lexicon.lookup(tok.text) is None


# ``البيان الذي قالت فيه الوزارة``: a pronoun after the verb refers back, the subject is written
_BACK_REFERENCE = word_class("resumptive_pronouns") | word_class("back_references")


def relative_subject(
    view: DocView, tok: Tok, form: CueForm
) -> list[tuple[str | None, Span | None, str]] | None:
    """The subject of a verb right after a relative pronoun, which is the pronoun's antecedent:
    ``وزارة الخارجية التي قالت إن`` → the ministry. None when the verb does not open such a
    clause; an empty list when the antecedent is no entity (``الدول التي تتهم``، ``الرئيس الذي قال``)."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text) or tok.index < 1:
        return None
    relative = view.tokens[tok.index - 1]
    agreement = RELATIVE_AGREEMENT.get(relative.key)
    if relative.sent != tok.sent or agreement is None or (form.gender, form.number) not in agreement:
        return None
    nxt = view.tokens[tok.index + 1] if tok.index + 1 < len(view.tokens) else None
    if nxt is not None and nxt.sent == tok.sent and nxt.key in _BACK_REFERENCE:
        return None
    if form.object_pronoun:
        return None  # الحركة التي تتهمها تركيا: the suffix refers back, the subject is written after
    index = relative.index - 1
    if index >= 0 and view.tokens[index].text in COMMAS:
        index -= 1  # أحمد سالم، الذي قال
    mention = view.mention_at.get(index) if index >= 0 and view.tokens[index].sent == tok.sent else None
    if mention is None or mention.kind == "adjective" or outer_span(mention).end != view.tokens[index].end:
        return []
    entity = view.entity_of(mention)
    if entity is None:
        return []
    return [(entity, mention.span, "named" if mention.kind == "name" else "description")]


def definite_subject(view: DocView, index: int) -> bool:
    """``وأكدت الوزارة، بحسب ما أوردت وكالة انترفاكس، أن`` (ant:AL-internationalNews-1370-20180529),
    ``وأكدت المملكة أن`` (ant:SK-middleEast-587-20180327): a definite noun closed by a comma or
    right before the complementizer is the subject, not an object (an object clause hangs on an
    indefinite head: ``أكد ضرورة أن``)."""
    nxt = index + 1
    if not view.tokens[index].key.startswith("ال") or nxt >= len(view.tokens):
        return False
    follower = view.tokens[nxt]
    return follower.text in COMMAS or complementizer_kind(follower.text, view.frames) == "bare"


DEFINITE_SUBJECT_SPAN = 3  # words of a definite subject phrase: السلطات السعودية، الشرطة الإسرائيلية


def definite_subject_end(view: DocView, index: int) -> int | None:
    """``ونفت السلطات السعودية وقوع أي خرق`` takes an object, but in ``نفت السلطات السعودية أن``
    a definite noun with its definite modifiers, running straight into إن/أن, is the subject:
    an object phrase needs a head that governs the clause (``نفى احتمال أن``, indefinite).
    The index of the complementizer, or None (``أكدت الحكومة الصينية أن``,
    ant:BB-internationalNews-978-20180815)."""
    tokens = view.tokens
    sent = tokens[index].sent
    for offset in range(DEFINITE_SUBJECT_SPAN + 1):
        current = index + offset
        if current >= len(tokens) or tokens[current].sent != sent:
            return None
        word = tokens[current]
        if offset and complementizer_kind(word.text, view.frames) == "bare":
            return current if not subordinated(view, word) else None
        if not (word.key.startswith("ال") or view.mention_at.get(current) is not None):
            return None
    return None


_SOURCE_PREPOSITIONS = word_class("source_prepositions")


def generic_subject_end(view: DocView, index: int, sent: int) -> int | None:
    """``نفى مصدر مسؤول في صندوق … ما تم تناقله``: an unnamed source (``generic_speakers``)
    right after the verb is its subject, with its modifiers and the body it belongs to (في/من +
    a name); the object starts after it (saudinewsnet:2015-08-10:756). The token after the
    subject phrase, or None when no unnamed source stands there."""
    tokens = view.tokens
    if speech_event_subject(view, index):
        return index + 1
    if strip_clitics(tokens[index].key) not in view.frames.generic_speakers:
        return None
    index += 1
    while index < len(tokens) and tokens[index].sent == sent:
        mention = view.mention_at.get(index)
        if mention is not None:
            index = view.tokens_in(outer_span(mention).start, outer_span(mention).end)[-1].index + 1
        elif _source_word(view, index):
            index += 1
        elif tokens[index].key in _SOURCE_PREPOSITIONS and (after := unnamed_body_end(view, index + 1)):
            index = after  # مصدر مسؤول في شركة تسويق الحقوق الرياضية
        else:
            break
    return index


BODY_SPAN = 5  # words of an unnamed body after في/من: شركة تسويق الحقوق الرياضية


def unnamed_body_end(view: DocView, index: int) -> int | None:
    """The body an unnamed source belongs to when no name is tagged in it (``نفى مصدر مسؤول في
    شركة تسويق الحقوق الرياضية``, ant:CN-sport-420-20181003): a construct chain, indefinite
    nouns then at least one definite one; it ends before a demonstrative, a comma or any other
    word. The token after it, or None when no such chain stands there."""
    tokens = view.tokens
    end, definite = index, False
    while end < len(tokens) and end - index < BODY_SPAN and tokens[end].sent == tokens[index].sent:
        word = tokens[end]
        if (
            not word.text.isalpha()
            or word.key in _DEMONSTRATIVES
            or complementizer_kind(word.text, view.frames)
        ):
            break
        if word.key.startswith("ال"):
            definite = True
        elif definite:
            break
        end += 1
    return end if definite else None


def speech_event_subject(view: DocView, index: int) -> bool:
    """``وأكد البيان "الموافقة على …"`` (ant:AL-internationalNews-207-20180225): a definite
    speech-event noun (``speech_event_nouns``) right after the verb is its subject, standing for
    its issuer, not the object (36 news-bench articles follow a line naming a بيان with a line
    that opens وأكد البيان)."""
    word = view.tokens[index].key
    return word.startswith("ال") and word[2:] in view.frames.speech_event_nouns


def _source_word(view: DocView, index: int) -> bool:
    """A modifier of an unnamed source (``رفيع``، ``مسؤول``) or a preposition before its body's name."""
    word = view.tokens[index].key
    if word in view.frames.source_modifiers or word in view.frames.generic_speakers:
        return True
    return word in _SOURCE_PREPOSITIONS and view.mention_at.get(index + 1) is not None


PARENTHETICAL_SPAN = 12  # tokens a comma-bracketed title or adverbial may run


def parenthetical_end(view: DocView, index: int, sent: int) -> int | None:
    """After ``،``: a title apposition (``، وزير الخارجية الإماراتي،``) or an adverbial
    (``، في بيان،``، ``، خلال لقائه الوزير،``) closed by another comma; the token after the
    closing comma, or None."""
    tokens = view.tokens
    if index == 0 or tokens[index - 1].text not in COMMAS:
        return None
    head = tokens[index]
    # ، بحسب ما أوردت وكالة انترفاكس، (ant:AL-internationalNews-1370-20180529): an attribution
    attribution = head.key in view.frames.trailing_attributions
    opens = (
        attribution
        or head.key in title_heads(view.frames)
        or circumstantial(view, head)
        or head.key in TIME_WORDS
        or strip_clitics(head.key) in view.frames.speech_event_nouns
    )
    if not opens:
        return None
    for other in tokens[index + 1 : index + PARENTHETICAL_SPAN]:
        if other.sent != sent or other.text in SENTENCE_END or other.text in QUOTE_CHARS:
            return None
        if complementizer_kind(other.text, view.frames) or (is_new_verb_cue(view, other) and not attribution):
            return None
        if other.text in COMMAS:
            return other.index + 1
    return None


def circumstantial(view: DocView, tok: Tok) -> bool:
    """A preposition or adverb opening a circumstantial phrase (في، خلال، عقب، أثناء)."""
    return tok.key in view.frames.title_stops or tok.key in CIRCUMSTANCE


def complementizer_ahead(view: DocView, index: int, sent: int) -> int | None:
    """The index of a complementizer within the next few tokens of the sentence, if any."""
    for other in view.tokens[index + 1 : index + PARENTHETICAL_SPAN]:
        if other.sent != sent or other.text in SENTENCE_END or other.text in QUOTE_CHARS:
            return None
        if is_new_verb_cue(view, other):
            return None
        if complementizer_kind(other.text, view.frames) and not inside_name(view, other):
            return None if subordinated(view, other) else other.index
    return None


@dataclass
class AdjacentSubject:
    """What :func:`adjacent_subject` finds before a verb."""

    speakers: list[tuple[str | None, Span | None, str]] = field(default_factory=list)
    crossed_quote: bool = False  # the subject stands outside a quotation the verb opens


def adjacent_subject(view: DocView, tok: Tok, form: CueForm) -> AdjacentSubject:
    """An SVO subject right before a verb with no conjunction: ``أن الوزير أحمد سالم أبلغ``,
    ``وزير الخارجية، سامح شكري، حث``; a parenthetical (``شكري، في اتصال مع بلينكن، أبدى``) is
    skipped."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text):
        return AdjacentSubject()
    index, crossed_quote = _back_over_particles(view, tok)
    back = _back_over_comma(view, tok, index)
    if back is None:
        return AdjacentSubject()
    index, comma = back
    if index < 0 or view.tokens[index].sent != tok.sent:
        return AdjacentSubject()
    if view.tokens[index].key in LATTER:
        entity = latest_entity(view, view.tokens[index].start, LATTER[view.tokens[index].key])
        span = Span(view.tokens[index].start, view.tokens[index].end)
        return AdjacentSubject([(entity, span, "description")] if entity else [], crossed_quote)
    mention = view.mention_at.get(index)
    if mention is None or mention.kind == "adjective" or outer_span(mention).end > view.tokens[index].end:
        return AdjacentSubject()
    if comma and not (mention.label in ("PERSON", "ORG") and mention.kind == "name"):
        return AdjacentSubject()
    if after_preposition(view, mention):  # السفارة الأمريكية في الخرطوم قد قالت: not the place
        return AdjacentSubject([(None, mention.span, "description")], crossed_quote)
    kind = "named" if mention.kind == "name" else "description"
    return AdjacentSubject([(view.entity_of(mention), mention.span, kind)], crossed_quote)


def _back_over_particles(view: DocView, tok: Tok) -> tuple[int, bool]:
    """The token before a verb past ``قد``/``أيضا`` and quotation marks, and whether a mark was crossed."""
    index = tok.index - 1
    crossed_quote = False
    while (
        index >= 0
        and view.tokens[index].sent == tok.sent
        and (view.tokens[index].key in SVO_SKIP or view.tokens[index].text in QUOTE_CHARS)
    ):
        crossed_quote = crossed_quote or view.tokens[index].text in QUOTE_CHARS
        index -= 1
    return index, crossed_quote


def _back_over_comma(view: DocView, tok: Tok, index: int) -> tuple[int, bool] | None:
    """Back from token ``index`` over a comma and the parenthetical it closes (``، في اتصال مع
    بلينكن،``): the token where the subject may end and whether a comma stays between them; None
    when the comma closes a fronted circumstance (no subject)."""
    if index < 0 or view.tokens[index].text not in COMMAS:
        return index, False
    index -= 1
    opener = _segment_start(view, index, tok.sent)
    if opener is not None and (
        view.tokens[opener].key in PARTICLES
        or view.tokens[opener].key in TIME_WORDS
        or circumstantial(view, view.tokens[opener])
    ):
        return opener - 2, False  # skip ``، في اتصال مع بلينكن،`` and its opening comma
    if opener is None and fronted_circumstance(view, index, tok.sent):
        return None
    return index, True


def fronted_circumstance(view: DocView, index: int, sent: int) -> bool:
    """``وردا على سؤال عن X، قال …``، ``وبعد لقائه X، أكد …``: a comma closing a phrase that
    opens the sentence with a preposition or adverb of circumstance (2,256 news-bench sentences
    put one before قال/نفى/أكد/أعلن/أضاف, ant:BB-internationalNews-945-20180808: وعقب الحادث،
    قالت الحكومة البريطانية): a name in it is no subject of the verb after the comma."""
    first = view.token_at(view.sentence_start(sent))
    if first < 0 or index - first > PARENTHETICAL_SPAN:
        return False
    if any(view.tokens[other].text in COMMAS for other in range(first, index + 1)):
        return False
    word = view.tokens[first].key
    stem = word[1:] if word.startswith("و") and len(word) > 2 else word
    return any(
        w in view.frames.title_stops or w in CIRCUMSTANCE or w in view.frames.fronted_circumstances
        for w in (word, stem)
    )


def _segment_start(view: DocView, index: int, sent: int) -> int | None:
    """First token after the previous comma (within 8 tokens), for ``، ... ،`` segments."""
    back = index
    while back >= 0 and view.tokens[back].sent == sent and index - back <= 8:
        if view.tokens[back].text in COMMAS:
            return back + 1
        back -= 1
    return None
