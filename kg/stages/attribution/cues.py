"""Cue-level tests of the ``attribute`` stage: where a cue's content opens.

:func:`scan_opening` finds the complementizer, colon or quotation mark that opens a cue's content;
the other functions tell a reporting cue from a homograph (a verbal noun spelled like its verb, a
verb lacking its preposition, a cue inside a name or an adverbial clause). Reads a
:class:`~kg.stages.docview.DocView`; writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.arabic.cues import CueForm, complementizer_kind, is_subordinated
from kg.arabic.normalize import key
from kg.model import Span
from kg.stages.attribution.common import AS_WORDS, SVO_SKIP, strip_clitics
from kg.stages.docview import COMMAS, QUOTE_CHARS, SENTENCE_END, DocView, Tok

MAX_WINDOW = 28  # tokens between a cue and its content
TITLE_QUOTE_TOKENS = 4  # a quoted stretch this short followed by إن/أن is a title, not speech


def inside_name(view: DocView, tok: Tok) -> bool:
    """A cue word inside a recognised name (``بي ان سبورتس``, ant:CN-sport-340-20180810) is part of
    the name, not a cue or a complementizer."""
    mention = view.mention_at.get(tok.index)
    return mention is not None and mention.kind == "name"


def particle_ok(view: DocView, tok: Tok, form: CueForm, limit: int) -> bool:
    """A cue that needs its preposition (``عبر عن``، ``أعرب عن``) is one only when the preposition
    follows within ``limit`` tokens of the sentence (``عبر الهاتف`` is "by phone")."""
    entry = form.entry
    if not entry.particle_required:
        return True
    wanted = key(entry.particle)
    for other in view.tokens[tok.index + 1 : tok.index + 1 + limit]:
        if other.sent != tok.sent:
            return False
        if other.key == wanted or (other.key.startswith(wanted) and len(wanted) > 2):
            return True
    return False


@dataclass
class Opening:
    """Where the content of a cue starts, found by scanning forward."""

    token: int  # index of the token that opens it (complementizer, colon or quote)
    start: int  # char offset where the content starts
    kind: str  # clause | colon | quote
    quote: Span | None = None


def scan_opening(view: DocView, first: int, sent: int, *, limit: int = MAX_WINDOW) -> Opening | None:
    """The first complementizer, colon or opening quotation mark from token ``first``."""
    tokens = view.tokens
    index = first
    while index < len(tokens) and index < first + limit:
        tok = tokens[index]
        if tok.sent != sent and not _continues_into_quote(view, tok):
            return None
        if tok.text in QUOTE_CHARS:
            quote = view.quote_opening_at(tok.start)
            title = quote is not None and is_title_quote(view, quote)
            term = quote is not None and not title and _is_quoted_term(view, quote)
            if term and index == first and quote is not None:
                index = view.token_at(quote.end)  # وطلبت «الهيئة» من ...: a quoted name, the subject
                continue
            if term:
                return Opening(index, tok.start, "embedded", quote)  # أوضح "الأهمية" لهذا المخطط
            if quote is not None and not title:
                return Opening(index, tok.end, "quote", quote)
            if quote is not None:
                index = view.token_at(quote.end)
                continue
        if tok.text == ":":
            return Opening(index, tok.end, "colon")
        if tok.text in SENTENCE_END:
            return None
        comp = "" if inside_name(view, tok) else complementizer_kind(tok.text, view.frames)
        if comp and subordinated(view, tok):
            index += 1  # بعد أن، في حين أن: an adverbial clause, the content may still follow
            continue
        if comp and tok.key[0] == "و":
            return None  # وأن: a second coordinated clause, the first one was an object
        if comp == "bare":
            return Opening(index, tok.end, "clause")
        if comp == "pronoun":
            return Opening(index, tok.start + _clitic_length(tok.text), "clause")
        if index > first and is_new_verb_cue(view, tok) and tokens[index - 1].key not in AS_WORDS:
            return None
        if index > first and tokens[index - 1].text in COMMAS and _is_participle_cue(view, tok):
            return None  # استبعدت نفسها عن العملية، مضيفا: the colon opens the participle's content
        index += 1
    return None


def distant_colon(view: DocView, first: int, sent: int) -> Opening | None:
    """``وقال مورينيو، في أول مؤتمر صحفي هذا الموسم على هامش المعسكر … في روسيا: "…"``
    (ant:SK-sport-2262-20180719): a long circumstance may put the colon that opens a quotation
    past the usual window; the same scan, three times as far, takes only such a colon (8 more
    statements on 87 news-bench sentences that start with قال/أضاف and quote after word 28)."""
    opening = scan_opening(view, first, sent, limit=3 * MAX_WINDOW)
    if opening is None or opening.kind != "colon" or opening.token + 1 >= len(view.tokens):
        return None
    return opening if view.tokens[opening.token + 1].text in QUOTE_CHARS else None


def _is_participle_cue(view: DocView, tok: Tok) -> bool:
    form = view.lexicon.lookup(tok.text)
    return form is not None and form.kind == "participle" and not inside_name(view, tok)


def subordinated(view: DocView, tok: Tok) -> bool:
    """A complementizer right after بعد، رغم، حين، المتوقع ...: not a reporting cue's content."""
    if tok.index == 0 or view.tokens[tok.index - 1].sent != tok.sent:
        return False
    return is_subordinated(view.tokens[tok.index - 1].text, view.frames)


def _continues_into_quote(view: DocView, tok: Tok) -> bool:
    return view.quote_around(tok.start, tok.end) is not None


def _clitic_length(word: str) -> int:
    """Letters of ب/و/ف before a pronoun-suffixed complementizer: ``بأنها`` → 1."""
    for index, char in enumerate(word):
        if char in "إأا":
            return index
    return 0


def _is_quoted_term(view: DocView, quote: Span) -> bool:
    """A short quoted stretch the sentence goes on after (``"الأهمية الاستراتيجية" لهذا``) is a
    term inside a clause, not a quotation that stands for the whole content."""
    inner = view.tokens_in(quote.start + 1, quote.end - 1)
    if not inner or len(inner) > TITLE_QUOTE_TOKENS:
        return False
    after = view.token_at(quote.end)
    if after >= len(view.tokens):
        return False
    nxt = view.tokens[after]
    if nxt.sent != inner[-1].sent or not nxt.text[0].isalpha():
        return False
    return not complementizer_kind(nxt.text, view.frames)


def is_title_quote(view: DocView, quote: Span) -> bool:
    """A short quoted stretch followed closely by إن/أن names a title or outlet, not speech."""
    inner = view.tokens_in(quote.start + 1, quote.end - 1)
    if len(inner) > TITLE_QUOTE_TOKENS:
        return False
    after = view.token_at(quote.end)
    for tok in view.tokens[after : after + 4]:
        if complementizer_kind(tok.text, view.frames) or tok.text == ":":
            return True
    before = view.token_at(quote.start) - 1
    if before >= 0 and is_channel_word(view, view.tokens[before].key):
        return True
    names = [view.mention_at.get(t.index) for t in inner]
    return bool(inner) and all(m is not None and m.kind == "name" for m in names)


def is_channel_word(view: DocView, word_key: str) -> bool:
    """An outlet noun (``channel_nouns``: وكالة، صحيفة، شبكة), with or without its proclitics."""
    return word_key in view.frames.channel_nouns or strip_clitics(word_key) in view.frames.channel_nouns


def is_new_verb_cue(view: DocView, tok: Tok) -> bool:
    """A reporting verb that starts a new frame; one lacking its required preposition is
    another word (``عبر الهاتف`` is "by phone", not ``عبر عن``)."""
    form = view.lexicon.lookup(tok.text)
    if form is None or form.kind not in ("past", "present") or inside_name(view, tok):
        return False
    return particle_ok(view, tok, form, 3) and not masdar_reading(view, tok)  # على خلفية نقل السفارة


def accusative_masdar(word_key: str, form: CueForm) -> bool:
    """Whether a word is the cue verb's own verbal noun in the accusative (``نفيا``، ``تأكيدا``)."""
    if not form.entry.masdar:
        return False
    masdar = key(form.entry.masdar)
    return word_key in (masdar + "ا", masdar.removesuffix("ه") + "تا")


def masdar_reading(view: DocView, tok: Tok) -> bool:
    """``شركات نقل الركاب`` (ant:AL-economy-527-20180507): a bare form spelled like its verbal noun
    (``masdar_homographs``) is a verb only where a clause can start: at the start of the sentence,
    after a comma or quotation mark, after a name (its subject) or قد; after any other word it is
    the noun."""
    if tok.key not in view.frames.masdar_homographs or tok.index == 0:
        return False
    prev = view.tokens[tok.index - 1]
    if prev.sent != tok.sent or prev.text in COMMAS or prev.text in QUOTE_CHARS or prev.key in SVO_SKIP:
        return False
    return view.mention_at.get(prev.index) is None
