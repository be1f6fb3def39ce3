"""Speakers of the ``attribute`` stage: who said it, from the words around a cue.

:func:`analyse_window` reads the mentions in a cue's speaker window into the frame's speakers,
addressee and ``via`` (a relaying outlet or source); :func:`svo_speakers` finds a subject written
before its verb; :func:`definite_anaphor` resolves ``الوكالة``/``الصحيفة`` to the latest outlet so
named.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from kg.arabic import lexicons
from kg.arabic.cues import CueForm, complementizer_kind
from kg.arabic.normalize import key
from kg.model import Mention, Span
from kg.stages.attribution.common import RELATIVE_AGREEMENT, SVO_SKIP, Frame, after_preposition, strip_clitics
from kg.stages.attribution.cues import is_channel_word
from kg.stages.attribution.subjects import spokesperson_role, title_speaker, titled_subject, told_mention
from kg.stages.docview import COMMAS, LATTER, QUOTE_CHARS, DocView, Tok, latest_entity, outer_span

_AUXILIARY = lexicons.word_class("auxiliaries")


def definite_anaphor(view: DocView, head: Tok) -> str | None:
    """``وأضافت الوزارة``، ``وقالت الوكالة``: a definite head noun refers to the latest
    organisation whose name starts with it (``وزارة الخارجية الروسية``) or is introduced by it
    (``وكالة رويترز``، ``قناة سكاي نيوز``)."""
    if not head.key.startswith("ال") or len(head.key) < 5:
        return None
    bare = head.key[2:]
    first = bisect.bisect_left(view.mention_starts, head.start)
    for mention in reversed(view.mentions[:first]):
        entity = view.entity_of(mention)
        if entity is not None and mention.label == "GPE" and _country_head(view, entity) == head.key:
            return entity  # وقالت المملكة: the latest country one of whose names opens with المملكة
        if mention.label != "ORG" or entity is None:
            continue
        words = key(mention.surface).split()
        if words and words[0] in (bare, head.key):
            return entity
        before = view.token_at(outer_span(mention).start) - 1
        while before >= 0 and view.tokens[before].text in QUOTE_CHARS:
            before -= 1
        word = view.tokens[before].key if before >= 0 else ""
        if word in (bare, head.key) or strip_clitics(word) in (bare, head.key):
            return entity
    return None


def _country_head(view: DocView, entity_id: str) -> str:
    """The first word, as a key, of a country's formal name (``المملكة`` of ``المملكة العربية
    السعودية``), or ""; only a head shared by a country's full names (not its short name) counts."""
    entity = view.entities.get(entity_id)
    if entity is None or not entity.key.startswith("country:"):
        return ""
    return _formal_heads().get(entity.key.removeprefix("country:"), "")


@cache
def _formal_heads() -> dict[str, str]:
    """ISO code → the head word of the country's formal name, for the heads in ``_FORMAL_HEADS``."""
    heads: dict[str, str] = {}
    for country in lexicons.countries():
        for name in country.names_ar[1:] if len(country.names_ar) > 1 else ():
            first = key(name.split()[0])
            if first in _FORMAL_HEADS:
                heads[country.iso2] = first
        first = key(country.names_ar[0].split()[0]) if country.names_ar else ""
        if first in _FORMAL_HEADS:
            heads[country.iso2] = first
    return heads


_FORMAL_HEADS = lexicons.word_class("formal_heads")


@dataclass
class Candidate:
    mention: Mention
    entity: str | None
    first: int  # token index
    last: int
    role: str = "speaker"  # speaker | addressee | via


def window_candidates(view: DocView, window: list[Tok]) -> list[Candidate]:
    """Mentions in a token window (adjectives and titles of quoted works excluded)."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for tok in window:
        mention = view.mention_at.get(tok.index)
        if mention is None or mention.mention_id in seen:
            continue
        if mention.kind == "adjective" and not (tok.index == window[0].index and nationals(view, tok)):
            continue
        seen.add(mention.mention_id)
        toks = view.tokens_in(outer_span(mention).start, outer_span(mention).end)
        out.append(Candidate(mention, view.entity_of(mention), toks[0].index, toks[-1].index))
    return out


def nationals(view: DocView, tok: Tok) -> bool:
    """``ويقول الفلسطينيون إن`` (ant:AL-internationalNews-1469-20180604): a definite plural
    gentilic in the nominative right after the verb is its subject, the people of a country,
    who speak for it (183 news-bench sentences put one right after a reporting verb)."""
    word = tok.text.removeprefix("و")
    return word.startswith("ال") and word.endswith("ون")


def analyse_window(view: DocView, frame: Frame, window: list[Tok]) -> None:
    """Fill speakers, addressee and via from the tokens between a cue and its content."""
    window = _cut_at_claim_noun(view, window)
    if not window:
        return
    candidates = window_candidates(view, window)
    _mark_via(view, candidates, window, frame)
    _mark_addressees(view, candidates, frame)
    speakers = [
        c
        for c in candidates
        if c.role == "speaker" and not _in_relative_clause(view, c, window) and not governed_name(view, c)
    ]
    if speakers and not _near_start(view, speakers[0], window) and not is_relay(view, frame):
        speakers = []
    if speakers and relative_of(view, speakers[0], window):
        frame.speakers = [(None, Span(window[0].start, speakers[0].mention.span.end), "description")]
    elif speakers:
        frame.speakers = _speaker_group(view, speakers, window)
    else:
        frame.speakers = _generic_speaker(view, window, frame)
    addressees = [c for c in candidates if c.role == "addressee" and c.entity]
    if addressees:
        frame.addressee = addressees[0].entity
    vias = [c for c in candidates if c.role == "via" and c.entity]
    if vias:
        frame.via = vias[0].entity
    frame.own_site = _on_own_website(view, window)
    reported = _reported_source(view, frame, window)
    if reported is not None:
        relays = [c for c in candidates if c.entity and c.entity != reported[0] and _is_outlet(view, c)]
        frame.speakers = [reported]
        frame.via = frame.via or (relays[0].entity if relays else None)  # ونقلت وكالة رويترز عن الوزير


_GOVERNING = lexicons.word_class("governing_prepositions")  # as written: علي (Ali) folds like على


def governed_name(view: DocView, cand: Candidate) -> bool:
    """``وكتب في تغريدة على تويتر "…"`` (ant:BB-internationalNews-904-20180731): a name right
    after على/عبر/خلال is where or how it was said, never the subject (after في it may be the
    body of an unnamed source: مصدر في القنصلية)."""
    if cand.first > 0 and view.tokens[cand.first - 1].text in _GOVERNING:
        return True
    # وأضاف خلال كلمة في طهران (ant:BB-middleEast-2-20180218): في after the occasion of speaking
    # (circumstance_nouns, speech_event_nouns) names where it was said, not who said it
    return (
        cand.first > 1
        and view.tokens[cand.first - 1].key == key("في")
        and strip_clitics(view.tokens[cand.first - 2].key)
        in view.frames.circumstance_nouns | view.frames.speech_event_nouns
    )


def relative_of(view: DocView, cand: Candidate, window: list[Tok]) -> bool:
    """``وقال والد الأطفال``، ``وقالت خطيبة X`` (ant:AL-internationalNews-1555-20180610): the
    person after a kinship noun in the construct state (``kinship_nouns``) is the genitive; the
    relative speaks, unnamed (no speaker rather than a wrong one)."""
    return cand.first == window[0].index + 1 and window[0].key in view.frames.kinship_nouns


def _in_relative_clause(view: DocView, cand: Candidate, window: list[Tok]) -> bool:
    """``وقالت المنظمة التي تتخذ من نيويورك مقرا لها إن`` (ant:FR-internationalNews-887-20180424):
    a name inside a relative clause on the subject is not the subject."""
    return any(tok.key in RELATIVE_AGREEMENT for tok in window if tok.index < cand.first)


def is_relay(view: DocView, frame: Frame) -> bool:
    """``نقل``/``نسب`` (``relay_cues``): the outlet relays, the speaker follows ``عن``/``إلى`` at any
    distance."""
    return key(frame.form.entry.lemma) in view.frames.relay_cues


_RELAY_MARKERS = lexicons.word_class("relay_markers")
_DISTANT_SUBJECT_MARKERS = lexicons.word_class("distant_subject_markers")
_ADDRESSEE_MARKERS = lexicons.word_class("addressee_prepositions")
_OWN_SITE = lexicons.word_class("own_site_words")


def _reported_source(
    view: DocView, frame: Frame, window: list[Tok]
) -> tuple[str | None, Span | None, str] | None:
    """``نقلت وكالة ... عن المتحدث باسم الخارجية``: a titled source after the relay marker."""
    if not is_relay(view, frame):
        return None
    for tok in window:
        if tok.key in _RELAY_MARKERS:
            titled = titled_subject(view, tok.index + 1, tok.sent)
            return title_speaker(view, titled) if titled is not None else None
    return None


def _near_start(view: DocView, cand: Candidate, window: list[Tok]) -> bool:
    """A subject follows its verb closely; a name deep inside a long window is part of a
    circumstantial phrase (``عرض مضمون اتصالات أجراها شكري``), not the speaker."""
    if cand.first - window[0].index <= 5:
        return True
    back = view.tokens[cand.first - 1].key if cand.first > 0 else ""
    return back in _DISTANT_SUBJECT_MARKERS


def _cut_at_claim_noun(view: DocView, window: list[Tok]) -> list[Tok]:
    """``رفض تأكيدات روسيا بأن``: names after the claim noun belong to it, not to رفض."""
    for position, tok in enumerate(window):
        form = view.lexicon.lookup(tok.text)
        if form is not None and form.entry.type == "claimnoun":
            return window[:position]
    return window


def _mark_via(view: DocView, candidates: list[Candidate], window: list[Tok], frame: Frame) -> None:
    """Outlets (وكالة رويترز، لشبكة سي.إن.إن) relay; with ``نقل ... عن X`` X is the speaker."""
    for cand in candidates:
        if _is_outlet(view, cand):
            cand.role = "via"
    an_positions = [t.index for t in window if t.key in _RELAY_MARKERS]
    if is_relay(view, frame) and an_positions:
        for cand in candidates:
            cand.role = "via" if cand.last < an_positions[0] else "speaker"
    attributed = [c for c in candidates if _in_attribution(view, c, window)]
    for cand in attributed:
        cand.role = "via"
    if (
        candidates
        and all(c.role == "via" for c in candidates)
        and not _told_outlet(view, candidates[0])
        and candidates[0] not in attributed
    ):
        candidates[0].role = "speaker"


def _in_attribution(view: DocView, cand: Candidate, window: list[Tok]) -> bool:
    """``وأكدت الوزارة، بحسب ما أوردت وكالة انترفاكس، أن``: a name inside a comma-bracketed
    attribution (بحسب، وفقا، نقلا …) relays; it is not the verb's subject."""
    for tok in window:
        if tok.index >= cand.first:
            return False
        if tok.key in view.frames.trailing_attributions and tok.index > window[0].index:
            previous = view.tokens[tok.index - 1]
            return previous.text in COMMAS
    return False


def _told_outlet(view: DocView, cand: Candidate) -> bool:
    """``قالت متحدثة لوكالة فرانس برس``: an outlet after ل is told, it does not speak."""
    return told_mention(view, cand.mention)


def _is_outlet(view: DocView, cand: Candidate) -> bool:
    first_word = key(cand.mention.surface.split()[0]) if cand.mention.surface.split() else ""
    if is_channel_word(view, first_word):
        return True
    back = cand.first - 1
    while back >= 0 and view.tokens[back].text in QUOTE_CHARS:
        back -= 1
    if back < 0:
        return False
    return is_channel_word(view, view.tokens[back].key)


def _mark_addressees(view: DocView, candidates: list[Candidate], frame: Frame) -> None:
    """A name after إلى/مع/أمام/لدى/ل (and من for cues that take it), or a second name after the
    subject of a verb taking an object (``حث X Y``), is the addressee; conjoined subjects
    (``وطالبت بريطانيا، وألمانيا، وفرنسا``) stay speakers."""
    kind = frame.form.entry.addressee
    if is_relay(view, frame):
        return
    markers = _ADDRESSEE_MARKERS | {key("من")} if kind == "min" else _ADDRESSEE_MARKERS
    speaker_seen = False
    last: Candidate | None = None
    for cand in candidates:
        if cand.role != "speaker":
            continue
        prev = view.tokens[cand.first - 1].key if cand.first > 0 else ""
        attached = view.text[outer_span(cand.mention).start : cand.mention.span.start]
        marked = attached.endswith("ل") or prev in markers or prev == "ل"
        # وطالبت بريطانيا، وألمانيا، وفرنسا بإجراء (ant:BB-middleEast-1104-20181015): conjoined subjects
        gap = view.tokens[last.last + 1 : cand.first] if last is not None else []
        conjoined = last is not None and last.role == "speaker" and "و" in attached
        conjoined = conjoined and all(t.text in COMMAS for t in gap)
        if marked or (kind == "obj" and speaker_seen and not conjoined):
            cand.role = "addressee"
        elif cand.role == "speaker":
            speaker_seen = True
        last = cand


def _speaker_group(
    view: DocView, speakers: list[Candidate], window: list[Tok]
) -> list[tuple[str | None, Span | None, str]]:
    """The first subject noun phrase, preferring the personal name of an apposition, plus
    coordinated subjects (قال شكري وبلينكن)."""
    head = speakers[0]
    chosen = head
    for cand in speakers[1:]:
        gap = view.tokens[chosen.last + 1 : cand.first]
        if len(gap) > 4 or any(complementizer_kind(t.text, view.frames) for t in gap):
            break
        if cand.mention.label == "PERSON" and cand.mention.kind == "name" and chosen.mention.kind != "name":
            chosen = cand
            break
        if (
            cand.mention.label == "PERSON"
            and chosen.mention.label != "PERSON"
            and _spokesperson_before(view, chosen)
        ):
            chosen = cand
            break
    kind = "named" if chosen.mention.kind == "name" else "description"
    entity = chosen.entity
    if chosen.mention.label != "PERSON" and _spokesperson_before(view, chosen):
        person = spokesperson_role(view, chosen.entity)
        kind = "description"
        entity = person or entity
    out: list[tuple[str | None, Span | None, str]] = [(entity, chosen.mention.span, kind)]
    for cand in speakers[speakers.index(chosen) + 1 :]:
        between = view.tokens[out_last(view, out[-1][1]) + 1 : cand.first]
        # قال شكري وبلينكن؛ وطالبت بريطانيا، وألمانيا، وفرنسا (commas between the conjuncts)
        coordinated = (
            all(t.text in COMMAS for t in between) and view.text[outer_span(cand.mention).start] == "و"
        )
        coordinated = coordinated or (len(between) == 1 and between[0].key == "و")
        if not coordinated or cand.entity is None or cand.entity == entity:
            break
        out.append(
            (cand.entity, cand.mention.span, "named" if cand.mention.kind == "name" else "description")
        )
    return out


def out_last(view: DocView, span: Span | None) -> int:
    if span is None:
        return -1
    toks = view.tokens_in(span.start, span.end)
    return toks[-1].index if toks else -1


def _spokesperson_before(view: DocView, cand: Candidate) -> bool:
    """``المتحدث باسم الوزارة``: the organisation is named after a spokesperson word."""
    back = [t.key for t in view.tokens[max(0, cand.first - 3) : cand.first]]
    return any(word in view.frames.spokesperson_words for word in back)


def _generic_speaker(
    view: DocView, window: list[Tok], frame: Frame
) -> list[tuple[str | None, Span | None, str]]:
    """Unnamed sources (مسؤولون أميركيون، مصدر دبلوماسي) and الأخير (the latter)."""
    first = window[0]
    if strip_clitics(first.key) in view.frames.speech_event_nouns:
        return [(None, Span(first.start, first.end), "description")]
    if first.key in LATTER:
        entity = latest_entity(view, first.start, LATTER[first.key])
        return [(entity, Span(first.start, first.end), "description")] if entity else []
    word = strip_clitics(first.key)
    if word not in view.frames.generic_speakers:
        return []
    if word in view.frames.channel_nouns:
        return [(definite_anaphor(view, first), Span(first.start, first.end), "description")]
    for tok in window[1:4]:
        mention = view.mention_at.get(tok.index)
        if mention is not None and mention.kind == "adjective":
            return [(view.entity_of(mention), Span(first.start, mention.span.end), "unnamed_group")]
    return [(None, Span(first.start, first.end), "unnamed_group")]


def _on_own_website(view: DocView, window: list[Tok]) -> bool:
    """``في بيان على موقعها``: the speaker published it itself."""
    keys = [t.key for t in window]
    return any(k.startswith(word) for k in keys for word in _OWN_SITE)


def svo_speakers(view: DocView, tok: Tok, form: CueForm) -> list[tuple[str | None, Span | None, str]]:
    """The subject written before the verb: ``شكري أكد``، ``وكانت الوزارة قد أعلنت``. Not for a
    conjoined verb with an object pronoun: in ``ورفضت روسيا مزاعم بريطانيا وهولندا ووصفتها``
    (ant:BB-internationalNews-1150-20181005) the name before it belongs to its object."""
    if form.kind == "participle" or (form.object_pronoun and view.lexicon.prefix_of(tok.text)):
        return []
    index = tok.index - 1
    while index >= 0 and view.tokens[index].sent == tok.sent:
        current = view.tokens[index]
        if current.key in SVO_SKIP or current.key in _AUXILIARY:
            index -= 1
            continue
        if current.text == ")":  # هيئة الإذاعة البريطانية (بي بي سي) قد ذكرت
            before = _before_bracket(view, index, tok.sent)
            if before is None:
                return []
            index = before
            continue
        if current.text in COMMAS:
            before = _skip_parenthetical(view, index, tok.sent)
            if before is None:
                return []
            index = before
            continue
        mention = view.mention_at.get(index)
        if mention is None or mention.kind == "adjective":
            return []
        if after_preposition(view, mention) and not view.lexicon.prefix_of(tok.text):
            # السفارة الأمريكية في الخرطوم قد قالت (ant:BB-middleEast-42-20180219): the name completes a head
            # noun; the subject is that noun, unknown, not the place
            return [(None, mention.span, "description")]
        entity = view.entity_of(mention)
        kind = "named" if mention.kind == "name" else "description"
        return [(entity, mention.span, kind)]
    return []


def _before_bracket(view: DocView, index: int, sent: int) -> int | None:
    """The token before the ``(`` that opens the bracket closed at ``index`` (within 8 tokens)."""
    back = index - 1
    while back >= 0 and view.tokens[back].sent == sent and index - back <= 8:
        if view.tokens[back].text == "(":
            return back - 1 if back > 0 else None
        back -= 1
    return None


def _skip_parenthetical(view: DocView, index: int, sent: int) -> int | None:
    """Jump back over ``، في اتصال مع بلينكن،`` to the token before the opening comma."""
    back = index - 1
    while back >= 0 and view.tokens[back].sent == sent and index - back <= 10:
        if view.tokens[back].text in COMMAS:
            return back - 1
        if complementizer_kind(view.tokens[back].text, view.frames):
            return None
        back -= 1
    return None
