"""Reporting nouns and attribution prepositions of the ``attribute`` stage.

:func:`analyse_noun` reads a verbal noun or reporting noun (``تأكيدات روسيا بأن``، ``في بيان``)
and :func:`analyse_prep` an attribution preposition (``وفقاً للمرصد``، ``بحسب الوكالة``).
"""

from __future__ import annotations

from kg.arabic.cues import CueForm, complementizer_kind
from kg.arabic.normalize import key
from kg.model import Span
from kg.stages.attribution.common import PARTICLES, TIME_WORDS, Frame
from kg.stages.attribution.content import content_end, opening_content, trim_end
from kg.stages.attribution.cues import is_new_verb_cue, particle_ok, scan_opening
from kg.stages.attribution.speakers import analyse_window
from kg.stages.docview import COMMAS, SENTENCE_END, DocView, Tok, outer_span


def analyse_noun(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """A reporting noun or verbal noun whose genitive is the speaker: تأكيدات روسيا بأن ..."""
    opening = scan_opening(view, tok.index + 1, tok.sent, limit=10)
    if opening is None:
        return verbal_noun_object(view, tok, form)
    frame = Frame(tok, form, tok.end)
    window = view.tokens[tok.index + 1 : opening.token]
    analyse_window(view, frame, window)
    if not frame.speakers:
        return None
    frame.content = opening_content(view, opening, tok.sent)
    frame.content_kind = opening.kind
    frame.absorbed_until = opening.token - 1
    return frame


def verbal_noun_object(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """``وعقب إعلان ترامب ترشيح كافانو للمحكمة العليا`` (ant:BB-internationalNews-1112-20180928):
    the verbal noun of an object-taking cue, its genitive a named actor (the speaker), and the
    object phrase after it (up to a comma or the clause's end) the content."""
    if form.kind != "masdar" or form.entry.content != "np" or tok.index + 2 >= len(view.tokens):
        return None
    mention = view.mention_at.get(tok.index + 1)
    if (
        mention is None
        or mention.kind != "name"
        or outer_span(mention).start != view.tokens[tok.index + 1].start
    ):
        return None
    entity = view.entity_of(mention)
    after = view.tokens_in(outer_span(mention).start, outer_span(mention).end)[-1].index + 1
    if entity is None or after >= len(view.tokens) or view.tokens[after].sent != tok.sent:
        return None
    first = view.tokens[after]
    if (
        first.text in COMMAS
        or first.text in SENTENCE_END
        or first.key in PARTICLES
        or first.key in TIME_WORDS
    ):
        return None
    if (cue := view.lexicon.lookup(first.text)) is not None and cue.kind in (
        "past",
        "present",
    ):
        return None  # إعلان ترامب قال: the noun is a subject, its verb follows
    end = content_end(view, first.start, tok.sent)
    for other in view.tokens_in(first.start, end):
        if other.text in COMMAS and view.quote_around(other.start, other.end) is None:
            end = trim_end(view.text, first.start, other.start)
            break
    frame = Frame(tok, form, tok.end)
    frame.speakers = [(entity, mention.span, "named")]
    frame.content = Span(first.start, end)
    frame.content_kind = "np"
    frame.absorbed_until = after - 1
    return frame if end > first.start else None


def analyse_prep(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """``وفقاً للمرصد، ...`` at the start, or ``...، بحسب المرصد`` at the end of a sentence."""
    if not particle_ok(view, tok, form, 2):
        return None
    if key(form.entry.lemma) in view.frames.ala_cues and (
        tok.index == 0 or view.tokens[tok.index - 1].key != key("على")
    ):
        return None
    frame = Frame(tok, form, tok.end)
    after = _prep_object(view, tok)
    analyse_window(view, frame, after)
    sent_start = view.sentence_start(tok.sent)
    before = [t for t in view.tokens_in(sent_start, tok.start) if t.text not in COMMAS and t.key != "و"]
    if len(before) >= 3:  # trailing attribution: content is the sentence before the preposition
        end = trim_end(view.text, sent_start, tok.start)
        frame.content = Span(sent_start, end)
        frame.content_kind = "trailing"
    else:
        last = after[-1].index if after else tok.index
        nxt = last + 1
        while nxt < len(view.tokens) and view.tokens[nxt].text in COMMAS:
            nxt += 1
        if nxt < len(view.tokens) and complementizer_kind(view.tokens[nxt].text, view.frames) == "bare":
            nxt += 1
        if nxt >= len(view.tokens) or view.tokens[nxt].sent != tok.sent:
            return None
        opening = scan_opening(view, nxt, tok.sent, limit=1)
        if opening is not None:
            frame.content = opening_content(view, opening, tok.sent)
            frame.content_kind = opening.kind
        else:
            start = view.tokens[nxt].start
            frame.content = Span(start, content_end(view, start, tok.sent))
            frame.content_kind = "clause"
        frame.absorbed_until = last
    return frame if frame.content is not None and frame.content.end > frame.content.start else None


def _prep_object(view: DocView, tok: Tok) -> list[Tok]:
    """Tokens of the noun phrase after an attribution preposition, up to a comma or sentence end."""
    out: list[Tok] = []
    for other in view.tokens[tok.index + 1 : tok.index + 12]:
        if other.sent != tok.sent or other.text in COMMAS or other.text in SENTENCE_END:
            break
        if complementizer_kind(other.text, view.frames) or is_new_verb_cue(view, other):
            break
        out.append(other)
    return out
