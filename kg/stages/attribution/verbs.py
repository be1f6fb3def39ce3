"""Reporting verbs of the ``attribute`` stage: ``قال``، ``أكد``، ``نفى``، ``أبدى``.

:func:`analyse_verb` turns a verb cue into a :class:`~kg.stages.attribution.common.Frame`: its
subject after the verb (VSO), before it (SVO), in a relative clause or a title phrase; its content
after a complementizer, a colon, a quotation or, for verbs taking an object, right after the
subject; denials of an antecedent clause and sentence-final ``… يقول الكاتب`` tails.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.arabic.cues import CueForm, complementizer_kind, is_subordinated
from kg.arabic.lexicons import phrase_class, word_class
from kg.arabic.normalize import key
from kg.model import Span
from kg.stages.attribution.common import (
    AS_WORDS,
    CIRCUMSTANCE,
    PARTICLES,
    RELATIVE,
    RELATIVE_AGREEMENT,
    SVO_SKIP,
    TIME_WORDS,
    Frame,
    after_preposition,
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
    is_new_verb_cue,
    is_title_quote,
    masdar_reading,
    particle_ok,
    scan_opening,
    subordinated,
)
from kg.stages.attribution.speakers import analyse_window, definite_anaphor, svo_speakers
from kg.stages.attribution.subjects import TitledSubject, title_heads, title_speaker, titled_subject
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
    opening = scan_opening(view, after, tok.sent) or distant_colon(view, after, tok.sent)
    np_start = np_content_token(view, tok, form, after) if form.entry.content == "np" else None
    if opening is not None and opening.kind == "embedded" and np_start == opening.token and opening.quote:
        opening = _quoted_object(view, opening, tok.sent)
    if np_start is not None and (opening is None or np_start < opening.token):
        window_end, start, kind = np_start, view.tokens[np_start].start, "np"
    elif opening is not None:
        window_end, start, kind = opening.token, opening.start, opening.kind
    else:
        return _postposed_quote(view, tok, form, frame) or _postposed_tail(view, tok, form, frame)
    if kind == "np" and _resumptive(view, tok):
        return _relative_clause_frame(view, tok, frame)
    if kind == "np" and negated(view, tok):
        return None
    if kind == "np" and cognate_object(view, form, window_end):
        window_end = _after_cognate_object(view, window_end)
        if window_end is None:
            return None
        start = view.tokens[window_end].start
    adjacent = adjacent_subject(view, tok, form)
    # ورداً على سؤال عن سبب استقالة فارخورانتا قال المتحدث (ant:AL-internationalNews-1127-20180511):
    # a titled subject after a verb that takes no object leaves the name before it no subject
    subject = [] if titled is not None and form.entry.addressee != "obj" else adjacent.speakers
    window = view.tokens[after:window_end]
    analyse_window(view, frame, window)
    if titled is not None:
        _titled_first(view, frame, titled, bool(subject))
    if subject and not (adjacent.crossed_quote and frame.speakers):
        _subject_first(frame, subject)
        if frame.addressee is None:
            frame.addressee = adjacent.addressee
    if kind == "np":
        frame.content = Span(start, content_end(view, start, tok.sent, object_phrase=True))
    else:
        frame.content = opening_content(view, opening, tok.sent)  # type: ignore[arg-type]
    frame.content_kind = kind
    frame.absorbed_until = window_end - 1
    if not frame.speakers:
        frame.speakers = svo_speakers(view, tok, form)
    words = [t for t in window if t.text not in QUOTE_CHARS]
    # before an object phrase, only a definite noun can be an unrecognised subject (وطالب المحتجون
    # بـ، وطلبت «الهيئة» من); أكد إصرارها على: the word is the object
    np_subject_possible = kind != "np" or (
        form.entry.addressee != "obj" and bool(words) and words[0].key.startswith("ال")
    )
    if not frame.speakers and np_subject_possible and _unknown_subject(view, words):
        head = words[0]
        entity = definite_anaphor(view, head)
        frame.speakers = [(entity, Span(head.start, head.end), "description")]
    particle = key(form.entry.particle) if form.entry.particle else ""
    if not frame.speakers and all(_adverbial_word(t) or t.key == particle for t in window):
        frame.speakers = preverbal_noun(view, tok, form)
    if antecedent is not None or form.kind == "participle":
        _object_not_speaker(frame, antecedent or [])
    if denies(view, form, window):
        frame.polarity = "deny"
    if not_an_actor(view, frame):
        return None
    return frame if frame.content is not None and frame.content.end > frame.content.start else None


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


# A finite verb never follows a preposition or a quantifier: ``بناء على طلب``، ``أي طلب`` are nouns.
_NOT_BEFORE_VERB = word_class("not_before_verb")


def noun_homograph(view: DocView, tok: Tok, form: CueForm) -> bool:
    """Not a reporting verb here: a past/present form with no proclitic right after a preposition or
    quantifier is a noun (``بناء على طلب``); present ``يدعى`` without أن is passive "is called"."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text) or tok.index == 0:
        return False
    prev = view.tokens[tok.index - 1]
    if prev.sent == tok.sent and prev.key in _NOT_BEFORE_VERB:
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
# ``البيان الذي قالت فيه الوزارة``: a pronoun after the verb refers back, the subject is written
_BACK_REFERENCE = _RESUMPTIVE | word_class("back_references")
_ANTECEDENT = word_class("antecedent_words")


_NOT_SUBJECT = word_class("not_subject_words")


def _unknown_subject(view: DocView, window: list[Tok]) -> bool:
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


def _adverbial_word(tok: Tok) -> bool:
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
    if tok.key in view.frames.title_stops or tok.key in _NOT_BEFORE_VERB:
        return False
    return view.lexicon.lookup(tok.text) is None


def _titled_first(view: DocView, frame: Frame, titled: TitledSubject, has_svo_subject: bool) -> None:
    """A titled phrase right after the verb is its subject (VSO), or its object when the verb
    already has a subject before it (``أن الوزير أبلغ الرئيس ...``)."""
    entity, span, kind = title_speaker(view, titled)
    if has_svo_subject:
        if frame.addressee is None and frame.form.entry.addressee == "obj" and kind != "spokesperson":
            frame.addressee = entity
        return
    _subject_first(frame, [(entity, span, kind)])


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


def _resumptive(view: DocView, tok: Tok) -> bool:
    """``الأمر الذي ندد به X``: the object is a pronoun for the clause before."""
    nxt = view.tokens[tok.index + 1] if tok.index + 1 < len(view.tokens) else None
    prev = view.tokens[tok.index - 1] if tok.index > 0 else None
    return nxt is not None and prev is not None and nxt.key in _RESUMPTIVE and prev.key in RELATIVE


def _relative_clause_frame(view: DocView, tok: Tok, frame: Frame) -> Frame | None:
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
            if first_free is not None and (
                _definite_subject(view, first_free) or definite_subject_end(view, first_free) == index
            ):
                return index
            return first_free if first_free is not None else index
        if _is_particle(current, form) and not _name_at_token_start(view, current):
            if first_free is not None and not form.entry.particle_required and _governed_by_noun(view, index):
                return first_free  # أعلنت الوزارة إنجاز الدراسة … سبق الإعلان عن خططها
            particle = key(form.entry.particle)
            if current.key == particle:
                return index + 1 if index + 1 < len(tokens) and tokens[index + 1].sent == tok.sent else None
            return index
        if first_free is None:
            after = _parenthetical_end(view, index, tok.sent)
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
            if _circumstantial(view, current):
                ahead = _complementizer_ahead(view, index, tok.sent)
                if ahead is not None:
                    return ahead
            first_free = index
            if not form.entry.particle:
                closing = definite_subject_end(view, index)
                return closing if closing is not None else index
        index += 1
    return first_free


def _governed_by_noun(view: DocView, index: int) -> bool:
    """A preposition right after a verbal noun of a cue (``الإعلان عن``) is that noun's, not the
    optional particle of the verb before."""
    form = view.lexicon.lookup(view.tokens[index - 1].text)
    return form is not None and form.kind == "masdar"


def _definite_subject(view: DocView, index: int) -> bool:
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


def _parenthetical_end(view: DocView, index: int, sent: int) -> int | None:
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
        or _circumstantial(view, head)
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


def _circumstantial(view: DocView, tok: Tok) -> bool:
    """A preposition or adverb opening a circumstantial phrase (في، خلال، عقب، أثناء)."""
    return tok.key in view.frames.title_stops or tok.key in CIRCUMSTANCE


def _complementizer_ahead(view: DocView, index: int, sent: int) -> int | None:
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
    addressee: str | None = None  # ``مع X`` in a skipped parenthetical (``، في اتصال مع X،``)


def adjacent_subject(view: DocView, tok: Tok, form: CueForm) -> AdjacentSubject:
    """An SVO subject right before a verb with no conjunction: ``أن الوزير أحمد سالم أبلغ``,
    ``وزير الخارجية، سامح شكري، حث``; a parenthetical (``شكري، في اتصال مع بلينكن، أبدى``) is
    skipped, and the person it names after مع/إلى/ب is the addressee."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text):
        return AdjacentSubject()
    index = tok.index - 1
    crossed_quote = False
    while (
        index >= 0
        and view.tokens[index].sent == tok.sent
        and (view.tokens[index].key in SVO_SKIP or view.tokens[index].text in QUOTE_CHARS)
    ):
        crossed_quote = crossed_quote or view.tokens[index].text in QUOTE_CHARS
        index -= 1
    comma = index >= 0 and view.tokens[index].text in COMMAS
    addressee = None
    if comma:
        index -= 1
        opener = _segment_start(view, index, tok.sent)
        if opener is not None and (
            view.tokens[opener].key in PARTICLES
            or view.tokens[opener].key in TIME_WORDS
            or _circumstantial(view, view.tokens[opener])
        ):
            addressee = _parenthetical_addressee(view, view.tokens[opener : index + 1])
            index = opener - 2  # skip ``، في اتصال مع بلينكن،`` and its opening comma
            comma = False
        elif opener is None and fronted_circumstance(view, index, tok.sent):
            return AdjacentSubject()
    if index < 0 or view.tokens[index].sent != tok.sent:
        return AdjacentSubject()
    if view.tokens[index].key in LATTER:
        entity = latest_entity(view, view.tokens[index].start, LATTER[view.tokens[index].key])
        span = Span(view.tokens[index].start, view.tokens[index].end)
        return AdjacentSubject([(entity, span, "description")] if entity else [], crossed_quote, addressee)
    mention = view.mention_at.get(index)
    if mention is None or mention.kind == "adjective" or outer_span(mention).end > view.tokens[index].end:
        return AdjacentSubject()
    if comma and not (mention.label in ("PERSON", "ORG") and mention.kind == "name"):
        return AdjacentSubject()
    if after_preposition(view, mention):  # السفارة الأمريكية في الخرطوم قد قالت: not the place
        return AdjacentSubject([(None, mention.span, "description")], crossed_quote, addressee)
    kind = "named" if mention.kind == "name" else "description"
    return AdjacentSubject([(view.entity_of(mention), mention.span, kind)], crossed_quote, addressee)


_ADDRESSEE_BEFORE = word_class("addressee_before")  # اتصال مع، حديث إلى، اتصل ب


def _parenthetical_addressee(view: DocView, segment: list[Tok]) -> str | None:
    """The person or body a parenthetical names after مع/إلى/ب: ``في اتصال هاتفي مع X`` → X."""
    for position, tok in enumerate(segment[1:], start=1):
        mention = view.mention_at.get(tok.index)
        if mention is None or mention.kind == "adjective" or mention.label not in ("PERSON", "ORG"):
            continue
        attached = view.text[outer_span(mention).start : mention.span.start]
        if segment[position - 1].key in _ADDRESSEE_BEFORE or attached.endswith("ب"):
            return view.entity_of(mention)
    return None


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
