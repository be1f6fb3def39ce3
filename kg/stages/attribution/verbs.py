"""Reporting verbs of the ``attribute`` stage: ``قال``، ``أكد``، ``نفى``، ``أبدى``.

:func:`analyse_verb` turns a verb cue into a :class:`~kg.stages.attribution.common.Frame`: its
subject after the verb (VSO), before it (SVO), in a relative clause or a title phrase (where each
stands: :mod:`~kg.stages.attribution.verb_subjects`); its content after a complementizer, a
colon, a quotation or, for verbs taking an object, right after the subject
(:func:`np_content_token`); denials of an antecedent clause and sentence-final ``… يقول الكاتب``
tails.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.arabic.cues import CueForm, complementizer_kind
from kg.arabic.lexicons import phrase_class, word_class
from kg.arabic.normalize import key
from kg.model import Span
from kg.stages.attribution.common import (
    RELATIVE,
    RELATIVE_AGREEMENT,
    SVO_SKIP,
    TIME_WORDS,
    Frame,
    strip_clitics,
)
from kg.stages.attribution.content import (
    content_end,
    opening_content,
    postposed_boundary,
    postposed_tail,
    skip_space,
    trim_end,
)
from kg.stages.attribution.cues import (
    Opening,
    accusative_masdar,
    distant_colon,
    inside_name,
    is_title_quote,
    masdar_reading,
    particle_ok,
    scan_opening,
    subordinated,
)
from kg.stages.attribution.speakers import analyse_window, definite_anaphor, svo_speakers
from kg.stages.attribution.subjects import TitledSubject, title_speaker, titled_subject
from kg.stages.attribution.verb_subjects import (
    NOT_BEFORE_VERB,
    adjacent_subject,
    adverbial_word,
    circumstantial,
    complementizer_ahead,
    definite_subject,
    definite_subject_end,
    generic_subject_end,
    parenthetical_end,
    preverbal_noun,
    relative_subject,
    unknown_subject,
)
from kg.stages.docview import (
    COMMAS,
    QUOTE_CHARS,
    SENTENCE_END,
    DocView,
    Tok,
)


def analyse_verb(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """A reporting verb or adverbial participle."""
    if not particle_ok(view, tok, form, 20) or noun_homograph(view, tok, form) or masdar_reading(view, tok):
        return None
    describing = key(form.entry.lemma) in view.frames.describing_cues
    if form.object_pronoun and not describing and (antecedent_frame := denied_antecedent(view, tok, form)):
        return antecedent_frame
    antecedent = relative_subject(view, tok, form)
    if antecedent == []:
        return None  # الجهات التي قالت …: the subject is a relative pronoun with no entity behind it
    frame = Frame(tok, form, tok.end)
    titled = titled_subject(view, tok.index + 1, tok.sent) if form.kind in ("past", "present") else None
    after = titled.last + 1 if titled is not None else tok.index + 1
    reach = content_reach(view, tok, form, after)
    if reach is None:
        return _postposed_quote(view, tok, form, frame) or _postposed_tail(view, tok, form, frame)
    if reach.kind == "np" and _resumptive(view, tok):
        return _relative_clause_frame(view, tok, frame)
    if reach.kind == "np" and (reach := _object_reach(view, tok, form, reach)) is None:
        return None
    window = view.tokens[after : reach.window_end]
    _written_speakers(view, frame, titled, window)
    _set_content(view, frame, reach)
    _unwritten_speakers(view, frame, window, reach.kind)
    if antecedent is not None or form.kind == "participle":
        _object_not_speaker(frame, antecedent or [])
    if denies(view, form, window):
        frame.polarity = "deny"
    if not_an_actor(view, frame):
        return None
    return frame if frame.content is not None and frame.content.end > frame.content.start else None


@dataclass(frozen=True)
class Reach:
    """Where a verb's content starts: the token that ends its speaker window, the character
    offset and the kind of content (``np`` for an object phrase, else the opening's kind)."""

    window_end: int
    start: int
    kind: str
    opening: Opening | None = None


def content_reach(view: DocView, tok: Tok, form: CueForm, after: int) -> Reach | None:
    """The nearer of an object phrase (for a cue taking one) and an opening (complementizer, colon,
    quotation) from token ``after``; None when neither follows."""
    opening = scan_opening(view, after, tok.sent) or distant_colon(view, after, tok.sent)
    np_start = np_content_token(view, tok, form, after) if form.entry.content == "np" else None
    if opening is not None and opening.kind == "embedded" and np_start == opening.token and opening.quote:
        opening = _quoted_object(view, opening, tok.sent)
    if np_start is not None and (opening is None or np_start < opening.token):
        return Reach(np_start, view.tokens[np_start].start, "np", opening)
    if opening is not None:
        return Reach(opening.token, opening.start, opening.kind, opening)
    return None


def _object_reach(view: DocView, tok: Tok, form: CueForm, reach: Reach) -> Reach | None:
    """An object phrase after a negated verb reports nothing (None); after an absolute object
    (``نفيا قاطعا``) it starts past it."""
    if negated(view, tok):
        return None
    if not cognate_object(view, form, reach.window_end):
        return reach
    index = _after_cognate_object(view, reach.window_end)
    if index is None:
        return None
    return replace(reach, window_end=index, start=view.tokens[index].start)


def _written_speakers(view: DocView, frame: Frame, titled: TitledSubject | None, window: list[Tok]) -> None:
    """The speakers written around the verb: in its window, a titled subject after it, an SVO
    subject right before it."""
    tok, form = frame.cue, frame.form
    adjacent = adjacent_subject(view, tok, form)
    # ورداً على سؤال عن سبب استقالة فارخورانتا قال المتحدث (ant:AL-internationalNews-1127-20180511):
    # a titled subject after a verb that takes no object leaves the name before it no subject
    subject = [] if titled is not None and form.entry.addressee != "obj" else adjacent.speakers
    analyse_window(view, frame, window)
    if titled is not None:
        _titled_first(view, frame, titled, bool(subject))
    if subject and not (adjacent.crossed_quote and frame.speakers):
        _subject_first(frame, subject)


def _set_content(view: DocView, frame: Frame, reach: Reach) -> None:
    """The content span of the reach (an object phrase up to its end, else the opening's content)
    and the tokens the frame absorbs."""
    sent = frame.cue.sent
    if reach.kind == "np":
        frame.content = Span(reach.start, content_end(view, reach.start, sent, object_phrase=True))
    else:
        frame.content = opening_content(view, reach.opening, sent)  # type: ignore[arg-type]
    frame.content_kind = reach.kind
    frame.absorbed_until = reach.window_end - 1


def _unwritten_speakers(view: DocView, frame: Frame, window: list[Tok], kind: str) -> None:
    """With no speaker in the window: an SVO subject further back, a word the recogniser missed
    right after the verb, or a definite noun phrase right before it."""
    tok, form = frame.cue, frame.form
    if not frame.speakers:
        frame.speakers = svo_speakers(view, tok, form)
    words = [t for t in window if t.text not in QUOTE_CHARS]
    # before an object phrase, only a definite noun can be an unrecognised subject (وطالب المحتجون
    # بـ، وطلبت «الهيئة» من); أكد إصرارها على: the word is the object
    np_subject_possible = kind != "np" or (
        form.entry.addressee != "obj" and bool(words) and words[0].key.startswith("ال")
    )
    if not frame.speakers and np_subject_possible and unknown_subject(view, words):
        head = words[0]
        entity = definite_anaphor(view, head)
        frame.speakers = [(entity, Span(head.start, head.end), "description")]
    particle = key(form.entry.particle) if form.entry.particle else ""
    if not frame.speakers and all(adverbial_word(t) or t.key == particle for t in window):
        frame.speakers = preverbal_noun(view, tok, form)


_WHAT = phrase_class("what_relatives")


def denied_antecedent(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """``وتتهم كييف والغرب روسيا بدعم الانفصاليين، وهو ما تنفيه روسيا بشكل قاطع``
    (ant:AL-economy-917-20180629; 257 such denials in news-bench): the clause before ``، وهو ما``
    is what the subject after the verb says of it (denies, rejects, confirms)."""
    relative = next(
        (
            len(p)
            for p in _WHAT
            if tok.index > len(p) and tuple(t.key for t in view.tokens[tok.index - len(p) : tok.index]) == p
        ),
        0,
    )
    comma = view.tokens[tok.index - relative - 1] if relative else None
    if comma is None or comma.text not in COMMAS or comma.sent != tok.sent:
        return None
    bounds = antecedent_clause(view, comma)
    if bounds is None:
        return None
    start, end = bounds
    frame = Frame(tok, form, tok.end)
    window = [t for t in view.tokens[tok.index + 1 : tok.index + 9] if t.sent == tok.sent]
    cut = next((i for i, t in enumerate(window) if t.text in COMMAS or t.text in SENTENCE_END), len(window))
    analyse_window(view, frame, window[:cut])
    if not frame.speakers and window and not window[0].key.startswith("ال") and window[0].text.isalpha():
        frame.speakers = [(None, Span(window[0].start, window[0].end), "description")]  # نفاه جهاز أمن الدولة
    frame.content = Span(start, trim_end(view.text, start, end))
    frame.content_kind = "clause"
    frame.absorbed_until = tok.index + cut
    if form.entry.polarity == "deny":
        frame.polarity = "deny"
    return frame if frame.speakers else None


_CONTINUATIONS = word_class("continuations")


def antecedent_clause(view: DocView, comma: Tok) -> tuple[int, int] | None:
    """``(start, end)`` of the clause that ``، وهو ما`` refers to: back from the comma over
    continuations (``، خصوصا …``) to the clause they go on; a relative clause right before the
    comma (``، التي تتهمها تركيا …``) describes a name in it and is left out."""
    sentence_first = view.token_at(view.sentence_start(comma.sent))
    commas = [t.index for t in view.tokens[sentence_first : comma.index] if t.text in COMMAS]
    starts = [sentence_first] + [index + 1 for index in commas]
    end, first = comma.start, None
    for segment_start in reversed(starts):
        head = view.tokens[segment_start].key if segment_start < comma.index else ""
        if head in RELATIVE_AGREEMENT and first is None:
            end = view.tokens[segment_start - 1].start if segment_start > sentence_first else end
            continue
        first = segment_start
        if head not in _CONTINUATIONS:
            break
    if first is None or first >= comma.index:
        return None
    return view.tokens[first].start, end


def not_an_actor(view: DocView, frame: Frame) -> bool:
    """``وأيد 180 مشرعا حجب الثقة`` (ant:AL-internationalNews-1413-20180601): a polysemous cue
    (``actor_subject_cues``) without a written subject that is a recognised actor reports a vote
    or a ruling, not speech."""
    if key(frame.form.entry.lemma) not in view.frames.actor_subject_cues:
        return False
    return all(entity is None for entity, _, _ in frame.speakers)


def cognate_object(view: DocView, form: CueForm, index: int) -> bool:
    """``ونفت موسكو نفيا قاطعا أي تورط`` (ant:SK-internationalNews-3489-20181014): the verb's own
    verbal noun as its object is an absolute object (how it was denied), not what was said."""
    return index < len(view.tokens) and accusative_masdar(
        view.tokens[index].key.removesuffix("ا") + "ا", form
    )  # نفيا، نفي


def _after_cognate_object(view: DocView, index: int) -> int | None:
    """The token after an absolute object and its adjective (``نفيا قاطعا``), when the clause goes
    on with the real object; None when it ends there (``الذي ينفيه محاموه نفيا قاطعا``)."""
    sent = view.tokens[index].sent
    index += 1
    if index < len(view.tokens) and view.tokens[index].sent == sent and view.tokens[index].key.endswith("ا"):
        index += 1  # the adjective: قاطعا، شديدا
    if index >= len(view.tokens) or view.tokens[index].sent != sent:
        return None
    tok = view.tokens[index]
    return None if tok.text in SENTENCE_END or tok.text in COMMAS else index


_NEGATIONS = word_class("negations")


def negated(view: DocView, tok: Tok) -> bool:
    """``ولم يعلن الثنائي حتى الآن عن موعد`` (ant:AL-culture-513-20180620): a negated verb with an
    object phrase reports that nothing was said; it is no statement."""
    return tok.index > 0 and view.tokens[tok.index - 1].key in _NEGATIONS


def _quoted_object(view: DocView, opening: Opening, sent: int) -> Opening:
    """``وأعربت روسيا عن "قلقها الشديد" إزاء الغارات`` (ant:BB-middleEast-37-20180211): an object
    phrase that opens with a quotation runs on past the closing mark to the end of the clause
    (mixed content, both marks kept); it stops at the mark when the clause ends there or a
    circumstance follows (``عن "أسفها العميق" في بيان``, ant:CN-middleEast-1304-20180907)."""
    quote = opening.quote
    assert quote is not None
    after = view.token_at(quote.end)
    if after < len(view.tokens) and view.tokens[after].start < quote.end:
        after += 1  # the closing mark's own token
    if content_end(view, opening.start, sent) <= quote.end + 1 or _circumstance_at(view, after):
        return replace(opening, kind="quote")
    return opening


_CIRCUMSTANCE_PREPOSITIONS = word_class("occasion_prepositions")


def _circumstance_at(view: DocView, index: int) -> bool:
    """Whether a circumstance starts at token ``index``: a comma, a time word, or في/خلال/عبر/أثناء
    before a noun of the occasion of speaking (``في بيان``)."""
    if index + 1 >= len(view.tokens):
        return False
    tok, noun = view.tokens[index], strip_clitics(view.tokens[index + 1].key)
    if tok.text in COMMAS or tok.key in TIME_WORDS:
        return True
    occasions = view.frames.circumstance_nouns | view.frames.speech_event_nouns
    return tok.key in _CIRCUMSTANCE_PREPOSITIONS and noun in occasions


def _object_not_speaker(frame: Frame, subject: list[tuple[str | None, Span | None, str]]) -> None:
    """A participle (``داعيا الله أن``) or a relative-clause verb (``الدول التي تتهم مصر``) has its
    subject outside the clause: a noun after it is its object (the addressee when the verb takes one)."""
    written = [entity for entity, _, _ in frame.speakers if entity]
    if written and frame.addressee is None and frame.form.entry.addressee != "no":
        frame.addressee = written[0]
    frame.speakers = list(subject)


def noun_homograph(view: DocView, tok: Tok, form: CueForm) -> bool:
    """Not a reporting verb here: a past/present form with no proclitic right after a preposition or
    quantifier is a noun (``بناء على طلب``); present ``يدعى`` without أن is passive "is called"."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text) or tok.index == 0:
        return False
    prev = view.tokens[tok.index - 1]
    if prev.sent == tok.sent and prev.key in NOT_BEFORE_VERB:
        return True
    return (
        form.kind == "present"
        and key(form.entry.lemma) in view.frames.naming_cues
        and not _complementizer_next(view, tok)
    )


def _complementizer_next(view: DocView, tok: Tok) -> bool:
    nxt = tok.index + 1
    return nxt < len(view.tokens) and bool(complementizer_kind(view.tokens[nxt].text, view.frames))


_RESUMPTIVE = word_class("resumptive_pronouns")
_ANTECEDENT = word_class("antecedent_words")


def _titled_first(view: DocView, frame: Frame, titled: TitledSubject, has_svo_subject: bool) -> None:
    """A titled phrase right after the verb is its subject (VSO), or its object when the verb
    already has a subject before it (``أن الوزير أبلغ الرئيس ...``)."""
    entity, span, kind = title_speaker(view, titled)
    if has_svo_subject:
        if frame.addressee is None and frame.form.entry.addressee == "obj" and kind != "spokesperson":
            frame.addressee = entity
        return
    _subject_first(frame, [(entity, span, kind)])


def _resumptive(view: DocView, tok: Tok) -> bool:
    """``الأمر الذي ندد به X``: the object is a pronoun for the clause before."""
    nxt = view.tokens[tok.index + 1] if tok.index + 1 < len(view.tokens) else None
    prev = view.tokens[tok.index - 1] if tok.index > 0 else None
    return nxt is not None and prev is not None and nxt.key in _RESUMPTIVE and prev.key in RELATIVE


def _relative_clause_frame(view: DocView, tok: Tok, frame: Frame) -> Frame | None:
    """``… الرؤية الأميركية تجاه سوريا، التي أعلن عنها وزير الخارجية الأميركي ريكس تيلرسون``
    (ant:SK-middleEast-151-20180228): after a relative and before a resumptive pronoun, the verb's
    content is the clause up to the relative's head, its subject the phrase after the pronoun."""
    relative = tok.index - 1
    head = relative - 1 if relative > 0 and view.tokens[relative - 1].key in _ANTECEDENT else relative
    sent_start = view.sentence_start(tok.sent)
    end = trim_end(view.text, sent_start, view.tokens[head].start)
    if end <= sent_start:
        return None
    titled = titled_subject(view, tok.index + 2, tok.sent)
    after = titled.last + 1 if titled is not None else tok.index + 2
    window = [t for t in view.tokens[after : tok.index + 10] if t.sent == tok.sent]
    analyse_window(view, frame, window)
    if titled is not None:
        _titled_first(view, frame, titled, False)
    frame.content = Span(sent_start, end)
    frame.content_kind = "np"
    frame.absorbed_until = tok.index + 1
    return frame if frame.speakers else None


def np_content_token(view: DocView, tok: Tok, form: CueForm, first: int | None = None) -> int | None:
    """Where the object of an object-taking verb starts: after its preposition when one
    follows (``حث نظيره على تنفيذ``، ``ندد بالقصف``), else at the first word that is not the
    subject, a comma, a time word or a parenthetical (``أكد الوزير، مساء الخميس، وقوف بلاده``؛
    ``أبدى استعداده``). A circumstantial phrase before a complementizer (``أكد خلال الجلسة أن``)
    is not the object either."""
    tokens = view.tokens
    first_free: int | None = None
    index = tok.index + 1 if first is None else first
    stop = min(len(tokens), index + 15)
    while index < stop:
        current = tokens[index]
        if current.sent != tok.sent or current.text in SENTENCE_END:
            break
        if (
            complementizer_kind(current.text, view.frames)
            and not inside_name(view, current)
            and not subordinated(view, current)
        ):
            return _object_before_complementizer(view, first_free, index)
        if _is_particle(current, form) and not _name_at_token_start(view, current):
            return _object_after_particle(view, tok, form, first_free, index)
        if first_free is None:
            after = parenthetical_end(view, index, tok.sent)
            if after is not None:
                stop = min(len(tokens), max(stop, after + 8))
                index = after
                continue
        if first_free is None and index == (tok.index + 1 if first is None else first):
            subject_end = generic_subject_end(view, index, tok.sent)
            if subject_end is not None:
                index = subject_end
                continue
        skippable = (
            current.text in COMMAS
            or current.key in TIME_WORDS
            or current.key in SVO_SKIP
            or view.mention_at.get(index) is not None
        )
        if not skippable and first_free is None:
            if circumstantial(view, current):
                ahead = complementizer_ahead(view, index, tok.sent)
                if ahead is not None:
                    return ahead
            first_free = index
            if not form.entry.particle:
                closing = definite_subject_end(view, index)
                return closing if closing is not None else index
        index += 1
    return first_free


def _object_before_complementizer(view: DocView, first_free: int | None, index: int) -> int:
    """At a complementizer (token ``index``): the object starts at the first free word before it,
    unless that word is a definite subject running into it; else at the complementizer."""
    if first_free is not None and (
        definite_subject(view, first_free) or definite_subject_end(view, first_free) == index
    ):
        return index
    return first_free if first_free is not None else index


def _object_after_particle(
    view: DocView, tok: Tok, form: CueForm, first_free: int | None, index: int
) -> int | None:
    """At the verb's preposition (token ``index``): the object starts after it (``ندد بالقصف``),
    or at the free word before it when the preposition belongs to a verbal noun there."""
    tokens = view.tokens
    if first_free is not None and not form.entry.particle_required and _governed_by_noun(view, index):
        return first_free  # أعلنت الوزارة إنجاز الدراسة … سبق الإعلان عن خططها
    if tokens[index].key == key(form.entry.particle):
        return index + 1 if index + 1 < len(tokens) and tokens[index + 1].sent == tok.sent else None
    return index


def _governed_by_noun(view: DocView, index: int) -> bool:
    """A preposition right after a verbal noun of a cue (``الإعلان عن``) is that noun's, not the
    optional particle of the verb before."""
    form = view.lexicon.lookup(view.tokens[index - 1].text)
    return form is not None and form.kind == "masdar"


def _subject_first(frame: Frame, subject: list[tuple[str | None, Span | None, str]]) -> None:
    """With an SVO subject, a name after the verb is its object: the addressee if it takes one."""
    if frame.speakers and frame.addressee is None and frame.form.entry.addressee == "obj":
        frame.addressee = frame.speakers[0][0]
    frame.speakers = subject


def _name_at_token_start(view: DocView, tok: Tok) -> bool:
    """``وطالبت بريطانيا …``: the ب of بريطانيا is the name's, not the particle ب (a name mention
    starting right at the token's first letter carries no proclitic)."""
    mention = view.mention_at.get(tok.index)
    return mention is not None and mention.span.start == tok.start


def _is_particle(tok: Tok, form: CueForm) -> bool:
    """Whether a token is the cue's preposition, alone or as a one-letter proclitic (``بالقصف``)."""
    particle = key(form.entry.particle) if form.entry.particle else ""
    if not particle:
        return False
    if tok.key == particle:
        return True
    return len(particle) == 1 and tok.key.startswith(particle) and len(tok.key) > 3


def _postposed_quote(view: DocView, tok: Tok, form: CueForm, frame: Frame) -> Frame | None:
    """``«...»، قال شكري.``: the quote just before the cue is its content."""
    if form.kind not in ("past", "present") or tok.index == 0:
        return None
    back = tok.index - 1
    while back >= 0 and view.tokens[back].text in COMMAS:
        back -= 1
    if back < 0 or view.tokens[back].text not in QUOTE_CHARS:
        return None
    quote = next((q for q in view.quotes if q.end == view.tokens[back].end), None)
    if quote is None or is_title_quote(view, quote):
        return None
    after = [t for t in view.tokens[tok.index + 1 : tok.index + 8] if t.sent == tok.sent]
    analyse_window(view, frame, after)
    frame.content = Span(quote.start + 1, quote.end - 1)
    frame.content_kind = "quote"
    return frame if frame.speakers else None


def _postposed_tail(view: DocView, tok: Tok, form: CueForm, frame: Frame) -> Frame | None:
    """The statement of a sentence-final attribution: the clause before the verb (from the last
    comma) is the content, the phrase after it the speaker."""
    tail = postposed_tail(view, tok)
    if tail is None:
        return None
    end = postposed_boundary(view, tok)
    start = view.sentence_start(tok.sent)
    for other in view.tokens_in(start, end):
        if other.text in COMMAS and view.quote_around(other.start, other.end) is None:
            start = other.end
    start = skip_space(view.text, start)
    if len(view.tokens_in(start, end)) < 3:
        return None
    analyse_window(view, frame, tail)
    if not frame.speakers:
        head = tail[0]
        frame.speakers = [(definite_anaphor(view, head), Span(head.start, tail[-1].end), "description")]
    frame.content = Span(start, end)
    frame.content_kind = "clause"
    return frame


def denies(view: DocView, form: CueForm, window: list[Tok]) -> bool:
    """A denial cue, or one of ``object_denial_cues`` with a ``deny_objects`` noun among its first
    four object words (``رفض الاتهامات``)."""
    if form.entry.polarity == "deny":
        return True
    if key(form.entry.lemma) in view.frames.object_denial_cues:
        return any(strip_clitics(t.key) in view.frames.deny_objects for t in window[:4])
    return False
