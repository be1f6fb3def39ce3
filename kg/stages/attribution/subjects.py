"""Titled subjects of the ``attribute`` stage: ``وقال المتحدث باسم الوزارة، أحمد سالم``.

A title phrase (an office noun from ``titles.tsv`` or ``subject_titles`` with its complements) in
subject position, the name apposed to it, and the speaker it stands for: the named person, the
holder of the title, or the body it speaks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.arabic import lexicons
from kg.arabic.cues import Frames, complementizer_kind
from kg.arabic.lexicons import word_class
from kg.arabic.normalize import key
from kg.model import Mention, Span
from kg.stages.attribution.cues import is_channel_word, is_new_verb_cue
from kg.stages.docview import COMMAS, QUOTE_CHARS, SENTENCE_END, DocView, Tok, outer_span

TITLE_SPAN = 14  # tokens a title phrase may run before its apposed name


@dataclass(frozen=True)
class TitledSubject:
    """A subject headed by an office noun: ``الممثلة الدائمة لـ... لدى ...، السفيرة سامانثا باور``."""

    first: int  # token index of the title word
    last: int  # token index of the subject's last word (the name, or the title complement)
    person: Mention | None  # the apposed personal name, when written


@cache
def title_heads(frames: Frames) -> frozenset[str]:
    """First words of office titles (kg/resources/titles.tsv plus ``subject_titles``)."""
    heads = {form.split()[0] for form in lexicons.title_index() if form}
    return frozenset(heads | frames.subject_titles | frames.female_titles | frames.spokesperson_words)


def titled_subject(view: DocView, first: int, sent: int) -> TitledSubject | None:
    """The subject at token ``first`` when it opens with a title, with the personal name apposed
    to it within the title phrase; the phrase ends at a preposition of circumstance, a time
    word, a counterpart noun (نظيره), a complementizer, a quotation or a new verb."""
    tokens = view.tokens
    if (
        first >= len(tokens)
        or tokens[first].sent != sent
        or tokens[first].key not in title_heads(view.frames)
    ):
        return None
    last = first
    for index in range(first + 1, min(len(tokens), first + TITLE_SPAN)):
        tok = tokens[index]
        mention = view.mention_at.get(index)
        if mention is not None and mention.label == "PERSON" and mention.kind == "name":
            attached = view.text[outer_span(mention).start : mention.span.start]
            if attached.endswith("ل"):
                break
            toks = view.tokens_in(outer_span(mention).start, outer_span(mention).end)
            return TitledSubject(first, toks[-1].index, mention)
        if _object_after_gentilic(view, index, mention):
            break
        if _ends_title(view, tok, mention):
            apposed = _name_after_post(view, index)
            if apposed is not None:
                toks = view.tokens_in(outer_span(apposed).start, outer_span(apposed).end)
                return TitledSubject(first, toks[-1].index, apposed)
            break
        if tok.text not in COMMAS:
            last = index
    while last > first and tokens[last].text in COMMAS:
        last -= 1
    return TitledSubject(first, last, None)


_POST_PREPOSITIONS = word_class("post_prepositions")


def _object_after_gentilic(view: DocView, index: int, mention: Mention | None) -> bool:
    """``ووصف الرئيس الأمريكي تركيا بأنها``: a gentilic closes a definite title, so a place or
    body named right after it (no preposition, no clitic) is the verb's object, not part of the
    title (``وزير خارجية روسيا``: no gentilic before the name). Of the 21 news-bench sentences
    that write a definite title, its gentilic and a place in a row, 19 make the place the
    object of the verb before (ant:BB-middleEast-355-20180416: واتهم الرئيس الفرنسي روسيا
    بالتواطؤ; the other two put a colon or a second name between)."""
    if mention is None or mention.kind != "name" or mention.label == "PERSON" or index == 0:
        return False
    if (
        outer_span(mention).start != view.tokens[index].start
        or mention.span.start != view.tokens[index].start
    ):
        return False
    before = view.mention_at.get(index - 1)
    return before is not None and before.kind == "adjective" and view.tokens[index - 1].key.startswith("ال")


def _name_after_post(view: DocView, index: int) -> Mention | None:
    """``السفير البريطاني في هولندا، بيتر ويلسون، إن``: a title's post (في/لدى + a place or
    body) may stand between the title and the apposed name; the person named right after
    that place (after a comma or an honorific such as الأمير) is the subject."""
    tok = view.tokens[index]
    place = view.mention_at.get(index + 1) if tok.key in _POST_PREPOSITIONS else view.mention_at.get(index)
    if place is None or place.label == "PERSON" or (tok.key not in _POST_PREPOSITIONS and tok.key[:1] != "ب"):
        return None
    following = view.tokens_in(outer_span(place).end, view.sentence_end(tok.sent))
    for nxt in following[:3]:
        if nxt.text in COMMAS or nxt.key in title_heads(view.frames):
            continue  # an honorific before the name: الأمير، الشيخ
        person = view.mention_at.get(nxt.index)
        if person is not None and person.label == "PERSON" and person.kind == "name":
            return person
        return None
    return None


def _ends_title(view: DocView, tok: Tok, mention: Mention | None) -> bool:
    """A title phrase ends at a sentence end, a quotation mark or colon, a title stop (في، خلال …),
    a complementizer, a verbal noun of speech (``قوله``) or a new verb cue."""
    if tok.text in SENTENCE_END or tok.text in QUOTE_CHARS or tok.text == ":":
        return True
    if mention is not None:
        return False
    if tok.key in view.frames.title_stops or complementizer_kind(tok.text, view.frames):
        return True
    if tok.key in view.frames.own_words_nouns:
        return True  # نقلت رويترز عن الوزير قوله: قوله is the relayed speech, not part of the title
    return is_new_verb_cue(view, tok)


def title_speaker(view: DocView, subject: TitledSubject) -> tuple[str | None, Span | None, str]:
    """The speaker a titled subject names: the apposed person, a description mention the
    resolver linked, a spokesperson of the named body, or the bare description."""
    if subject.person is not None:
        return view.entity_of(subject.person), subject.person.span, "named"
    span = Span(view.tokens[subject.first].start, view.tokens[subject.last].end)
    head = view.mention_at.get(subject.first)
    if head is not None and head.kind == "description" and view.entity_of(head):
        return view.entity_of(head), head.span, "description"
    if view.tokens[subject.first].key in view.frames.spokesperson_words:
        body = _title_body(view, subject)
        if not view.tokens[subject.first].key.startswith("ال"):
            return body, span, "unnamed_group"  # متحدث باسم الجيش: a new, unnamed person speaks for it
        person = spokesperson_role(view, body)
        if person is not None:
            return person, span, "description"
        return body, span, "spokesperson"
    return title_holder(view, subject), span, "description"


def _title_word(word_key: str) -> str:
    """A title word compared without its article, a gentilic or a country name as the country
    (``السفير الصيني`` is ``سفير الصين``)."""
    country = lexicons.gentilic_index().get(word_key) or lexicons.place_index().get(word_key, ("", ""))[1]
    if country:
        return "@" + country
    return word_key[2:] if word_key.startswith("ال") and len(word_key) > 3 else word_key


def title_holder(view: DocView, subject: TitledSubject) -> str | None:
    """``وقال السفير إن``: a title without a name refers back to the person the document last
    gave that title, as a role or as an earlier titled subject (``قال السفير السعودي في واشنطن
    الأمير خالد``): every word of the bare title is a word of that person's title (a gentilic
    standing for its country), and the head word comes first."""
    start = view.tokens[subject.first].start
    words = [
        _title_word(tok.key)
        for tok in view.tokens[subject.first : subject.last + 1]
        if tok.text not in COMMAS
    ]
    holders: list[tuple[int, str]] = []
    for role in view.roles:
        if role.span is None or role.span.start >= start:
            continue
        title = [_title_word(key(word)) for word in role.title.split()]
        if title and title[0] == words[0] and set(words) <= set(title):
            holders.append((role.span.start, role.person))
    head = view.tokens[subject.first].key
    for tok in view.tokens[: subject.first]:
        if tok.key != head:
            continue
        earlier = titled_subject(view, tok.index, tok.sent)
        if earlier is None or earlier.person is None or not view.entity_of(earlier.person):
            continue
        held = {_title_word(t.key) for t in view.tokens[tok.index : earlier.last + 1]}
        if set(words) <= held:
            holders.append((tok.start, view.entity_of(earlier.person)))  # type: ignore[arg-type]
    return max(holders)[1] if holders else None


def _title_body(view: DocView, subject: TitledSubject) -> str | None:
    """The organisation or country in a title's complement (باسم الخارجية، الروسي)."""
    found: str | None = None
    for index in range(subject.first + 1, subject.last + 1):
        mention = view.mention_at.get(index)
        if mention is None or told_mention(view, mention):
            continue
        entity = view.entity_of(mention)
        if entity and (found is None or mention.kind != "adjective"):
            found = entity
            if mention.kind != "adjective":
                break
    return found


def told_mention(view: DocView, mention: Mention) -> bool:
    """An outlet mention written with ل (``لوكالة فرانس برس``، ``لـ"رويترز"``) or after ``لصحيفة``."""
    toks = view.tokens_in(outer_span(mention).start, outer_span(mention).end)
    if not toks:
        return False
    first_word = key(mention.surface.split()[0]) if mention.surface.split() else ""
    token_start = min(outer_span(mention).start, toks[0].start)
    if view.text[token_start : mention.span.start].endswith("ل") and is_channel_word(view, first_word):
        return True
    back = toks[0].index - 1
    while back >= 0 and view.tokens[back].text in QUOTE_CHARS:
        back -= 1
    if back < 0:
        return False
    word = view.tokens[back].key
    return word.startswith("ل") and is_channel_word(view, word[1:])


def spokesperson_role(view: DocView, org: str | None) -> str | None:
    """The one person of the document holding a spokesperson role for ``org`` (an organisation,
    or a country whose organisation or seat it is); with ``org`` unknown, the only spokesperson."""
    found: set[str] = set()
    for role in view.roles:
        title_words = {key(w) for w in role.title.split()}
        if not title_words & view.frames.spokesperson_words:
            continue
        if org is None or role.organization is None or _same_body(view, role.organization, org):
            found.add(role.person)
    return found.pop() if len(found) == 1 else None


def _same_body(view: DocView, one: str, other: str) -> bool:
    """Same entity, or one belongs to (or stands for) the other's country."""

    def country(entity_id: str) -> str:
        entity = view.entities.get(entity_id)
        if entity is None:
            return entity_id
        return entity.country or entity.stands_for or entity_id

    return one == other or country(one) == country(other)
