"""Content spans of the ``attribute`` stage: where what was said starts and ends.

:func:`opening_content` and :func:`content_end` bound a statement's content: at a closing quotation
mark, at the end of the sentence, or before a trailing attribution (``، وفق المصدر``), a participle
clause (``، مضيفاً``), a new cue or a sentence-final ``… يقول الكاتب`` (:func:`postposed_tail`).
"""

from __future__ import annotations

from kg.arabic.cues import complementizer_kind
from kg.arabic.lexicons import word_class
from kg.arabic.normalize import key
from kg.model import Span
from kg.stages.attribution.common import AS_WORDS, PARTICLES, RELATIVE
from kg.stages.attribution.cues import Opening, inside_name
from kg.stages.docview import COMMAS, SENTENCE_END, DocView, Tok

# ، حسبما/وفقما + a reporting verb closes the content (news-bench writes ، حسبما ذكرت … and the
# like 4,971 times, ant:BB-internationalNews-701-20180627: إن ممارسة فصل الأسر "قاسية"، حسبما
# قالت وكالة أسوشييتد برس; ، بحسب ما … is the preposition cue بحسب and already cuts)
_AS_ATTRIBUTION = word_class("as_attribution")


POSTPOSED_TAIL = 3  # words of a sentence-final speaker after its verb: … يقول الكاتب.


def postposed_tail(view: DocView, tok: Tok) -> list[Tok] | None:
    """``… لكنهما يظلان مرتبطين، تقول الصحيفة.``: a reporting verb with no conjunction followed only
    by a short speaker phrase up to the sentence end; the phrase, or None."""
    form = view.lexicon.lookup(tok.text) if view.lexicon.may_be_cue(tok.key) else None
    if form is None or form.kind not in ("past", "present") or form.gender == "":
        return None
    if view.lexicon.prefix_of(tok.text) or inside_name(view, tok) or tok.index == 0:
        return None
    prev = view.tokens[tok.index - 1]
    if prev.sent != tok.sent or prev.key in RELATIVE or prev.key in PARTICLES:
        return None
    tail: list[Tok] = []
    for other in view.tokens[tok.index + 1 :]:
        if other.sent != tok.sent or other.text in SENTENCE_END:
            break
        if len(tail) == POSTPOSED_TAIL or not other.text[0].isalpha():
            return None
        if complementizer_kind(other.text, view.frames) or other.key in PARTICLES:
            return None
        tail.append(other)
    if not tail:
        return None
    head = tail[0]
    mention = view.mention_at.get(head.index)
    named = mention is not None and mention.kind != "adjective"
    if named or head.key in view.frames.postposed_speaker_heads:
        return tail
    return None


def postposed_boundary(view: DocView, tok: Tok) -> int:
    """Where the content before a postposed verb ends: before the verb, or before كما/حسبما."""
    prev = view.tokens[tok.index - 1]
    end = prev.start if prev.key in AS_WORDS else tok.start
    return trim_end(view.text, view.sentence_start(tok.sent), end)


def opening_content(view: DocView, opening: Opening, sent: int) -> Span:
    """The content span that an opening (complementizer, colon, quote) introduces."""
    if opening.kind == "quote" and opening.quote is not None:
        return Span(opening.quote.start + 1, opening.quote.end - 1)
    if opening.kind == "embedded":
        return Span(opening.start, content_end(view, opening.start, sent, object_phrase=True))
    start = skip_space(view.text, opening.start)
    quote = view.quote_opening_at(start)
    if opening.kind == "colon" and quote is not None:
        return Span(quote.start + 1, quote.end - 1)
    return Span(start, content_end(view, start, sent))


def skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def content_end(view: DocView, start: int, sent: int, *, object_phrase: bool = False) -> int:
    """End of indirect content: the sentence end, extended over an open quote, cut before a
    trailing attribution (``، وفق المصدر``) or a new participle cue (``، مضيفاً``); an
    ``object_phrase`` also before the narrator's circumstance (``، إثر انهيار …``)."""
    end = view.sentence_end(sent)
    enclosing = view.quote_around(start - 1, start)
    for quote in view.quotes:
        if quote.start >= start and quote.start < end < quote.end:
            end = view.sentence_end(view.tokens[view.token_at(quote.end) - 1].sent)
    first = view.token_at(start)
    for index in range(first + 1, len(view.tokens)):
        tok = view.tokens[index]
        if tok.start >= end:
            break
        if view.quote_around(tok.start, tok.end) is not None:
            continue
        circumstance = object_phrase and (_narrator_circumstance(view, index) or conjoined_cue(view, index))
        if circumstance or _cuts_content(view, index) or _after_comma_cue(view, index):
            end = tok.start
            break
        if postposed_tail(view, tok) is not None:
            end = postposed_boundary(view, tok)
            break
    if enclosing is not None:
        end = min(end, enclosing.end - 1)
    # never before start: a cue at a sentence's very end opens onto the next sentence
    return max(start, trim_end(view.text, start, end))


def conjoined_cue(view: DocView, index: int) -> bool:
    """``نفى هذه التكهنات ووصف الأمر "بالكذبة الكبيرة"`` (ant:AL-sport-25-20180217): a reporting
    verb conjoined with و ends an object phrase: it is the subject's next act, with its own
    content. Of 114 statements kg read on 54 news-bench sentences of the form VERB + object + و
    + reporting verb, 47 ran over the second verb. With an object pronoun the verb goes on about
    the same object (``ندد بالقصف ووصفه بأنه وحشي``) and the content runs on."""
    tok = view.tokens[index]
    if not tok.text.startswith("و") or view.tokens[index - 1].text in COMMAS:
        return False  # after a comma, _cuts_content decides
    form = view.lexicon.lookup(tok.text)
    return (
        form is not None
        and form.entry.type == "verb"
        and form.kind in ("past", "present")
        and not form.object_pronoun
        and view.lexicon.prefix_of(tok.text).startswith("و")
    )


def _narrator_circumstance(view: DocView, index: int) -> bool:
    """``، بعد مقتل …`` after an object phrase: the narrator's account of what led to it
    (``object_circumstances``: أدان … "الهجوم"، بعد مقتل …)."""
    tok = view.tokens[index]
    return view.tokens[index - 1].text in COMMAS and tok.key in view.frames.object_circumstances


def _cuts_content(view: DocView, index: int) -> bool:
    """Whether token ``index`` ends a content: after a comma, a narrator's gloss, a conjunction or
    حسبما before a new cue, ``على حد تعبيره``, an attribution preposition, a participle or a
    conjoined finite cue; without a comma, a participle cue with its own complementizer."""
    tok = view.tokens[index]
    prev = view.tokens[index - 1]
    if prev.text not in COMMAS:
        return participle_clause(view, index)
    if phrase_at(view, index, view.frames.narrator_glosses):
        return True  # ، في إشارة إلى
    conjunction = phrase_at(view, index, view.frames.clause_conjunctions)
    if conjunction and _finite_cue_at(view, index + conjunction):
        return True  # ، فيما قال
    if tok.key in _AS_ATTRIBUTION and _finite_cue_at(view, index + 1):
        return True  # ، حسبما ذكرت وكالة الأنباء: the narrator's source for what was said
    if tok.key in view.frames.own_words_nouns and index + 1 < len(view.tokens):
        return True  # ، على حد قوله
    if (
        tok.key == key("على")
        and index + 1 < len(view.tokens)
        and view.tokens[index + 1].key in view.frames.own_words_nouns
    ):
        return True
    form = view.lexicon.lookup(tok.text)
    if form is None:
        return False
    if form.entry.type == "prep" or form.kind == "participle":
        return True
    # ، وأخبرها بـ: a conjoined verb with an object pronoun goes on with the same account
    return form.kind in ("past", "present") and tok.text[0] in "وف" and not form.object_pronoun


def phrase_at(view: DocView, index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The number of tokens of the first phrase (word keys) written at token ``index``, or 0."""
    for phrase in phrases:
        words = [t.key for t in view.tokens[index : index + len(phrase)]]
        if tuple(words) == phrase:
            return len(phrase)
    return 0


def _finite_cue_at(view: DocView, index: int) -> bool:
    if index >= len(view.tokens):
        return False
    form = view.lexicon.lookup(view.tokens[index].text)
    return form is not None and form.kind in ("past", "present") and form.entry.type == "verb"


_PARTICIPLE_ENDINGS = ("ا", "ه", "ين")  # keys: ة is folded to ه


def participle_clause(view: DocView, index: int) -> bool:
    """``وتابع أن الصين تعي … مضيفا أن الأحادية …``: a participle cue with its own complementizer
    opens a new statement even without a comma (ant:AL-economy-314-20180326)."""
    if not view.tokens[index].key.endswith(_PARTICIPLE_ENDINGS):
        return False  # قائلا، مضيفة، قائلين، نافيا: only these endings can be a participle cue
    form = view.lexicon.lookup(view.tokens[index].text)
    if form is None or form.kind != "participle" or index + 1 >= len(view.tokens):
        return False
    return bool(complementizer_kind(view.tokens[index + 1].text, view.frames))


def _after_comma_cue(view: DocView, index: int) -> bool:
    """``، كما نفت``: a new conjoined reporting verb."""
    if index + 1 >= len(view.tokens) or view.tokens[index - 1].text not in COMMAS:
        return False
    form = view.lexicon.lookup(view.tokens[index + 1].text)
    return view.tokens[index].key == key("كما") and form is not None and form.kind in ("past", "present")


def trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and clause punctuation; a closing mark stays (a period inside the marks
    with it, the sentence's period after them does not)."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in COMMAS + SENTENCE_END + ":-–"):
        end -= 1
    return end
