"""Stage ``attribute``: reported speech → :class:`~kg.model.Statement` records.

Reads ``corpus.documents``, ``corpus.sentences``, ``corpus.mentions``, ``corpus.entities``,
``corpus.mention_entity`` and ``corpus.roles``; writes ``corpus.statements``.

The rules follow the grammar of reported speech in Arabic news:

* a reporting cue (verb, verbal noun, reporting noun, attribution preposition or a headline
  colon, see :mod:`kg.arabic.cues`) opens a frame;
* the speaker is the subject after the verb (VSO: ``وقال المتحدث باسم الوزارة، أحمد سالم، إن``),
  before it (SVO: ``وكانت الوزارة قد أعلنت``), the genitive of a noun (``تأكيدات روسيا بأن``), the
  object of a preposition (``وفقاً للمرصد``), or, when none is written (``وأضافت``), the most
  recent speaker whose gender agrees with the verb;
* the content starts after the complementizer إن/أن/بأن (kept when a pronoun is attached:
  ``إنها``), a colon or an opening quotation mark, or, for verbs taking an object
  (``أبدى استعداده``، ``ندد بالقصف``), right after the subject; it ends at the closing mark or at
  the end of the sentence, before a trailing ``، وفق المصدر`` or ``، مضيفاً``;
* a cue inside another statement's content yields a nested statement whose ``via`` is the
  outer speaker;
* between speaker and content, comma-bracketed titles and circumstances (``، وزير الخارجية،``
  ``، مساء الخميس،``، ``، في بيان،``) are skipped; أن after بعد/رغم/في حين/من المتوقع opens an
  adverbial clause, not the content;
* a definite noun phrase right before a verb with no conjunction is its subject even when it is no
  recognised name (``أن المحققين قالوا``): it is never replaced by the previous speaker; ``الوكالة``/
  ``الصحيفة`` refer back to the latest outlet so named;
* a sentence-final ``… يقول الكاتب`` / ``تقول الصحيفة`` ends the content before it and is a
  statement of its own whose speaker is the noun after the verb.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import cache

from kg.arabic import lexicons
from kg.arabic.cues import CueForm, Frames, complementizer_kind, is_subordinated
from kg.arabic.normalize import key
from kg.arabic.time import DAY_WORD_KEYS
from kg.model import Corpus, Document, Entity, Mention, Span, Statement
from kg.stages.docview import (
    COMMAS,
    LATTER,
    QUOTE_CHARS,
    QUOTE_MARK,
    SENTENCE_END,
    DocView,
    Tok,
    latest_entity,
    outer_span,
)

NAME = "attribute"
REQUIRES = ("documents", "sentences", "mentions", "entities")
PER_DOCUMENT = True
PROVIDES = ("statements",)

MAX_WINDOW = 28  # tokens between a cue and its content
TITLE_QUOTE_TOKENS = 4  # a quoted stretch this short followed by إن/أن is a title, not speech

# Words that may stand between an SVO subject and its verb: وكانت الوزارة قد أعلنت.
_SVO_SKIP = frozenset(
    key(w) for w in ("قد", "وقد", "فقد", "كما", "بدوره", "بدورها", "أيضا", "بدورهم", "اليوم", "أمس")
)
_AUXILIARY = frozenset(key(w) for w in ("كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"))
_PARTICLES = frozenset(key(w) for w in ("على", "إلى", "عن", "من", "في", "ب", "حول", "بشأن"))
_AS_WORDS = frozenset(key(w) for w in ("ما", "كما", "حسبما", "وفقما"))
# day words, parts of the day and adverbs that sit between a speaker and the content
_TIME_WORDS = DAY_WORD_KEYS | frozenset(
    key(w) for w in ("يوم", "مساء", "صباح", "فجر", "ظهر", "ليلة", "بشدة", "أيضا", "مجددا")
)
# ، حسبما/وفقما + a reporting verb closes the content (news-bench writes ، حسبما ذكرت … and the
# like 4,971 times, ant:BB-internationalNews-701-20180627: إن ممارسة فصل الأسر "قاسية"، حسبما
# قالت وكالة أسوشييتد برس; ، بحسب ما … is the preposition cue بحسب and already cuts)
_AS_ATTRIBUTION = frozenset(key(w) for w in ("حسبما", "وفقما"))
_ABOUT_HIS = frozenset(key(w) for w in ("حد", "تعبيره", "تعبيرها", "قوله", "قولها"))


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


# ---------------------------------------------------------------------------- cues


def find_frames(view: DocView) -> list[Frame]:
    """Every cue occurrence with its speaker window and content analysed."""
    frames: list[Frame] = []
    absorbed_until = -1
    absorber: Frame | None = None
    cue_keys = view.lexicon.cue_keys()
    for tok in view.tokens:
        if tok.key not in cue_keys or tok.text == ":":  # a headline colon: see headline_frames
            continue
        form = view.lexicon.lookup(tok.text)
        inside = tok.index <= absorbed_until
        if inside and (form is None or form.entry.type != "claimnoun"):
            continue
        if form is None or _inside_name(view, tok) or _first_person(form):
            continue
        if own_stance(view, tok, form):
            continue
        frame = analyse_cue(view, tok, form)
        if frame is None or elaborates(view, frame, frames):
            continue
        frame.host = absorber if inside else None
        frames.append(frame)
        if frame.absorbed_until > absorbed_until:
            absorbed_until, absorber = frame.absorbed_until, frame
    frames.extend(headline_frames(view, frames))
    return frames


def own_stance(view: DocView, tok: Tok, form: CueForm) -> bool:
    """``قالوا إنهم يعتقدون أن …``: a verb of belief (``stance_cues``) right after a
    complementizer with a pronoun is the reported speaker's own stance, part of what they said,
    not a second statement."""
    if form.kind not in ("past", "present") or tok.index == 0:
        return False
    if key(form.entry.lemma) not in view.frames.stance_cues:
        return False
    previous = view.tokens[tok.index - 1]
    return previous.sent == tok.sent and complementizer_kind(previous.text, view.frames) == "pronoun"


def elaborates(view: DocView, frame: Frame, frames: list[Frame]) -> bool:
    """``ونددا بالقصف ووصفاه بأنه "وحشي"``: a conjoined verb whose object is a pronoun and whose
    subject is not written, inside the content of the statement before it in the sentence, goes
    on with that statement (ant:BB-economy-50-20180303: ``وانتقد … التعريفات ووصفها بأنها …``)."""
    tok = frame.cue
    if not frame.form.object_pronoun or not view.lexicon.prefix_of(tok.text):
        return False
    if any(span is not None and span.start > tok.start for _, span, _ in frame.speakers):
        return False  # وتتهمه أنقرة: a subject of its own
    return any(
        other.cue.sent == tok.sent
        and other.content is not None
        and other.content.start <= tok.start < other.content.end
        for other in frames
    )


def _first_person(form: CueForm) -> bool:
    """أقول، قلنا: the speaker is the writer or, inside a quote, the quoted speaker."""
    return form.kind in ("past", "present") and form.gender == ""


def _inside_name(view: DocView, tok: Tok) -> bool:
    mention = view.mention_at.get(tok.index)
    return mention is not None and mention.kind == "name"


def analyse_cue(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """Dispatch on the cue type; None when the cue reports nothing here."""
    entry = form.entry
    if absolute_object(view, tok, form):
        return None
    if entry.type == "prep":
        return analyse_prep(view, tok, form)
    if entry.type in ("noun", "claimnoun") or form.kind == "masdar":
        return analyse_noun(view, tok, form)
    return analyse_verb(view, tok, form)


def absolute_object(view: DocView, tok: Tok, form: CueForm) -> bool:
    """``نفت موسكو نفيا قاطعا`` (ant:SK-internationalNews-3489-20181014): after a form of the same
    verb, its verbal noun in the accusative (``نفيا``) is an absolute object, though spelled like
    the dual past (نفيا "they both denied")."""
    if not accusative_masdar(tok.key, form):
        return False
    for other in reversed(view.tokens[max(0, tok.index - 6) : tok.index]):
        if other.sent != tok.sent:
            return False
        previous = view.lexicon.lookup(other.text)
        if previous is not None and previous.entry is form.entry:
            return True
    return False


def _particle_ok(view: DocView, tok: Tok, form: CueForm, limit: int) -> bool:
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
            title = quote is not None and _is_title_quote(view, quote)
            term = quote is not None and not title and _is_quoted_term(view, quote)
            if term and index == first:
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
        comp = "" if _inside_name(view, tok) else complementizer_kind(tok.text, view.frames)
        if comp and _subordinated(view, tok):
            index += 1  # بعد أن، في حين أن: an adverbial clause, the content may still follow
            continue
        if comp and tok.key[0] == "و":
            return None  # وأن: a second coordinated clause, the first one was an object
        if comp == "bare":
            return Opening(index, tok.end, "clause")
        if comp == "pronoun":
            return Opening(index, tok.start + _clitic_length(tok.text), "clause")
        if index > first and _is_new_verb_cue(view, tok) and tokens[index - 1].key not in _AS_WORDS:
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
    return form is not None and form.kind == "participle" and not _inside_name(view, tok)


def _subordinated(view: DocView, tok: Tok) -> bool:
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


def _is_title_quote(view: DocView, quote: Span) -> bool:
    """A short quoted stretch followed closely by إن/أن names a title or outlet, not speech."""
    inner = view.tokens_in(quote.start + 1, quote.end - 1)
    if len(inner) > TITLE_QUOTE_TOKENS:
        return False
    after = view.token_at(quote.end)
    for tok in view.tokens[after : after + 4]:
        if complementizer_kind(tok.text, view.frames) or tok.text == ":":
            return True
    before = view.token_at(quote.start) - 1
    if before >= 0 and _is_channel_word(view, view.tokens[before].key):
        return True
    names = [view.mention_at.get(t.index) for t in inner]
    return bool(inner) and all(m is not None and m.kind == "name" for m in names)


def _is_channel_word(view: DocView, word_key: str) -> bool:
    return word_key in view.frames.channel_nouns or _strip_clitics(word_key) in view.frames.channel_nouns


def _is_new_verb_cue(view: DocView, tok: Tok) -> bool:
    """A reporting verb that starts a new frame; one lacking its required preposition is
    another word (``عبر الهاتف`` is "by phone", not ``عبر عن``)."""
    form = view.lexicon.lookup(tok.text)
    if form is None or form.kind not in ("past", "present") or _inside_name(view, tok):
        return False
    return _particle_ok(view, tok, form, 3) and not masdar_reading(view, tok)  # على خلفية نقل السفارة


# ---------------------------------------------------------------------------- titled subjects

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


_POST_PREPOSITIONS = frozenset(key(w) for w in ("في", "لدى", "ب"))


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
    if tok.text in SENTENCE_END or tok.text in QUOTE_CHARS or tok.text == ":":
        return True
    if mention is not None:
        return False
    if tok.key in view.frames.title_stops or complementizer_kind(tok.text, view.frames):
        return True
    if tok.key in _ABOUT_HIS:
        return True  # نقلت رويترز عن الوزير قوله: قوله is the relayed speech, not part of the title
    return _is_new_verb_cue(view, tok)


def _title_speaker(view: DocView, subject: TitledSubject) -> tuple[str | None, Span | None, str]:
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
        person = _spokesperson_role(view, body)
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
        title = {_title_word(t.key) for t in view.tokens[tok.index : earlier.last + 1]}
        if set(words) <= title:
            holders.append((tok.start, view.entity_of(earlier.person)))  # type: ignore[arg-type]
    return max(holders)[1] if holders else None


def _title_body(view: DocView, subject: TitledSubject) -> str | None:
    """The organisation or country in a title's complement (باسم الخارجية، الروسي)."""
    found: str | None = None
    for index in range(subject.first + 1, subject.last + 1):
        mention = view.mention_at.get(index)
        if mention is None or _told_mention(view, mention):
            continue
        entity = view.entity_of(mention)
        if entity and (found is None or mention.kind != "adjective"):
            found = entity
            if mention.kind != "adjective":
                break
    return found


# ---------------------------------------------------------------------------- verbs


def analyse_verb(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """A reporting verb or adverbial participle."""
    if not _particle_ok(view, tok, form, 20) or _noun_homograph(view, tok, form) or masdar_reading(view, tok):
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
        entity = _definite_anaphor(view, head)
        frame.speakers = [(entity, Span(head.start, head.end), "description")]
    particle = key(form.entry.particle) if form.entry.particle else ""
    if not frame.speakers and all(_adverbial_word(t) or t.key == particle for t in window):
        frame.speakers = preverbal_noun(view, tok, form)
    if antecedent is not None or form.kind == "participle":
        _object_not_speaker(frame, antecedent or [])
    if _denies(view, form, window):
        frame.polarity = "deny"
    if not_an_actor(view, frame):
        return None
    return frame if frame.content is not None and frame.content.end > frame.content.start else None


_WHAT = tuple(
    tuple(key(w) for w in phrase.split()) for phrase in ("وهو الأمر الذي", "وهو ما", "الأمر الذي", "ما")
)


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
    frame.content = Span(start, _trim_end(view.text, start, end))
    frame.content_kind = "clause"
    frame.absorbed_until = tok.index + cut
    if form.entry.polarity == "deny":
        frame.polarity = "deny"
    return frame if frame.speakers else None


_CONTINUATIONS = frozenset(key(w) for w in ("خصوصا", "خاصة", "وخاصة", "لاسيما", "سيما", "ولاسيما", "بما"))


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
        if head in _RELATIVE_AGREEMENT and first is None:
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


def accusative_masdar(word_key: str, form: CueForm) -> bool:
    """Whether a word is the cue verb's own verbal noun in the accusative (``نفيا``، ``تأكيدا``)."""
    if not form.entry.masdar:
        return False
    masdar = key(form.entry.masdar)
    return word_key in (masdar + "ا", masdar.removesuffix("ه") + "تا")


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


_NEGATIONS = frozenset(key(w) for w in ("لم", "ولم", "لن", "ولن", "فلم"))


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


_CIRCUMSTANCE_PREPOSITIONS = frozenset(key(w) for w in ("في", "خلال", "عبر", "أثناء"))


def _circumstance_at(view: DocView, index: int) -> bool:
    if index + 1 >= len(view.tokens):
        return False
    tok, noun = view.tokens[index], _strip_clitics(view.tokens[index + 1].key)
    if tok.text in COMMAS or tok.key in _TIME_WORDS:
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
_NOT_BEFORE_VERB = frozenset(
    key(w) for w in ("على", "في", "من", "إلى", "عن", "أي", "كل", "بعض", "أول", "آخر")
)


def _noun_homograph(view: DocView, tok: Tok, form: CueForm) -> bool:
    """Not a reporting verb here: a past/present form with no proclitic right after a preposition or
    quantifier is a noun (``بناء على طلب``); present ``يدعى`` without أن is passive "is called"."""
    if form.kind not in ("past", "present") or view.lexicon.prefix_of(tok.text) or tok.index == 0:
        return False
    prev = view.tokens[tok.index - 1]
    if prev.sent == tok.sent and prev.key in _NOT_BEFORE_VERB:
        return True
    return form.kind == "present" and form.entry.lemma in _CALLED and not _complementizer_next(view, tok)


def masdar_reading(view: DocView, tok: Tok) -> bool:
    """``شركات نقل الركاب`` (ant:AL-economy-527-20180507): a bare form spelled like its verbal noun
    (``masdar_homographs``) is a verb only where a clause can start: at the start of the sentence,
    after a comma or quotation mark, after a name (its subject) or قد; after any other word it is
    the noun."""
    if tok.key not in view.frames.masdar_homographs or tok.index == 0:
        return False
    prev = view.tokens[tok.index - 1]
    if prev.sent != tok.sent or prev.text in COMMAS or prev.text in QUOTE_CHARS or prev.key in _SVO_SKIP:
        return False
    return view.mention_at.get(prev.index) is None


_CALLED = frozenset({"ادعى"})  # present يدعى/يدعيان is also passive "is called", before a name


def _complementizer_next(view: DocView, tok: Tok) -> bool:
    nxt = tok.index + 1
    return nxt < len(view.tokens) and bool(complementizer_kind(view.tokens[nxt].text, view.frames))


_RESUMPTIVE = frozenset(key(w) for w in ("به", "بها", "عليه", "عليها", "إليه", "إليها", "عنه", "عنها"))
# relative pronoun → the (gender, number) of a verb whose subject it is: التي also stands for
# non-human plurals (الدول التي تتهم); ``اللذين قالت الوكالة إنهما``: the verb agrees with another subject
_RELATIVE_AGREEMENT: dict[str, frozenset[tuple[str, str]]] = {
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
# ``البيان الذي قالت فيه الوزارة``: a pronoun after the verb refers back, the subject is written
_BACK_REFERENCE = _RESUMPTIVE | frozenset(key(w) for w in ("فيه", "فيها", "خلاله", "خلالها", "بموجبه"))
_RELATIVE = frozenset(key(w) for w in ("الذي", "التي", "ما"))
_ANTECEDENT = frozenset(key(w) for w in ("الأمر", "وهو", "وهي", "وهذا", "الأمر"))


_NOT_SUBJECT = frozenset(
    key(w)
    for w in (
        "قائلا",
        "بالقول",
        "القول",
        "ردا",
        "كذلك",
        "أثناء",
        "لدى",
        "إنه",
        "إنها",
        "مضيفا",
        "موضحا",
        "مؤكدا",
    )
)


def _unknown_subject(view: DocView, window: list[Tok]) -> bool:
    """A word after the verb that is not a particle, a time word or a name we know is a subject
    the recogniser missed (``وقال أنطونيو غوتيريش …``): the speaker is unknown, not the previous one."""
    if not window:
        return False
    first = window[0]
    if first.text in COMMAS or first.text in QUOTE_CHARS or not first.key or view.mention_at.get(first.index):
        return False
    word = first.key
    if word in _SVO_SKIP or word in _TIME_WORDS or word in _PARTICLES or word in _NOT_SUBJECT:
        return False
    if word in view.frames.title_stops or _strip_clitics(word) in view.frames.title_stops:
        return False
    if view.lexicon.lookup(first.text) is not None:
        return False
    return not (word.startswith("ل") or word.startswith("بال") or word.startswith("في"))


def _definite_anaphor(view: DocView, head: Tok) -> str | None:
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
        if word in (bare, head.key) or _strip_clitics(word) in (bare, head.key):
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


_FORMAL_HEADS = frozenset(key(w) for w in ("المملكة", "الإمارة", "السلطنة"))


_NOT_A_SUBJECT_HEAD = frozenset(
    key(w)
    for w in ("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتان", "اللتين", "اللاتي", "الآن", "الأمس")
)
_DEMONSTRATIVES = frozenset(key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء"))
PREVERBAL_SPAN = 3  # words of a subject noun phrase written before its verb


def _adverbial_word(tok: Tok) -> bool:
    return tok.text in COMMAS or tok.key in _TIME_WORDS or tok.key in _SVO_SKIP


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
    if run[-1].key in _TIME_WORDS or run[-1].key in _SVO_SKIP:
        return []
    definite = next((t for t in run if t.key.startswith("ال")), run[-1])
    entity = _definite_anaphor(view, definite)
    return [(entity, Span(run[0].start, run[-1].end), "description")]


def _noun_like(view: DocView, tok: Tok) -> bool:
    """A word that can be part of a noun phrase: not punctuation, particle, complementizer or cue."""
    if not tok.key or not tok.text[0].isalpha() or tok.key in _PARTICLES or tok.key in _AS_WORDS:
        return False
    if complementizer_kind(tok.text, view.frames) or is_subordinated(tok.text, view.frames):
        return False
    if tok.key in view.frames.title_stops or tok.key in _NOT_BEFORE_VERB:
        return False
    return view.lexicon.lookup(tok.text) is None


def _titled_first(view: DocView, frame: Frame, titled: TitledSubject, has_svo_subject: bool) -> None:
    """A titled phrase right after the verb is its subject (VSO), or its object when the verb
    already has a subject before it (``أن الوزير أبلغ الرئيس ...``)."""
    entity, span, kind = _title_speaker(view, titled)
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
    agreement = _RELATIVE_AGREEMENT.get(relative.key)
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
    return nxt is not None and prev is not None and nxt.key in _RESUMPTIVE and prev.key in _RELATIVE


def _relative_clause_frame(view: DocView, tok: Tok, frame: Frame) -> Frame | None:
    relative = tok.index - 1
    head = relative - 1 if relative > 0 and view.tokens[relative - 1].key in _ANTECEDENT else relative
    sent_start = view.sentence_start(tok.sent)
    end = _trim_end(view.text, sent_start, view.tokens[head].start)
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
            and not _inside_name(view, current)
            and not _subordinated(view, current)
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
            or current.key in _TIME_WORDS
            or current.key in _SVO_SKIP
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
            return current if not _subordinated(view, word) else None
        if not (word.key.startswith("ال") or view.mention_at.get(current) is not None):
            return None
    return None


_SOURCE_MODIFIERS = frozenset(
    key(w)
    for w in ("رفيع", "رفيعة", "كبير", "كبار", "بارز", "مطلع", "مطلعة", "مطلعون", "المستوى", "آخر", "آخرون")
)
_SOURCE_PREPOSITIONS = frozenset(key(w) for w in ("في", "من", "لدى", "ب"))


def generic_subject_end(view: DocView, index: int, sent: int) -> int | None:
    """``نفى مصدر مسؤول في صندوق … ما تم تناقله``: an unnamed source (``generic_speakers``)
    right after the verb is its subject, with its modifiers and the body it belongs to (في/من +
    a name); the object starts after it (saudinewsnet:2015-08-10:756). The token after the
    subject phrase, or None when no unnamed source stands there."""
    tokens = view.tokens
    if speech_event_subject(view, index):
        return index + 1
    if _strip_clitics(tokens[index].key) not in view.frames.generic_speakers:
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
    if word in _SOURCE_MODIFIERS or word in view.frames.generic_speakers:
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
        or head.key in _TIME_WORDS
        or _strip_clitics(head.key) in view.frames.speech_event_nouns
    )
    if not opens:
        return None
    for other in tokens[index + 1 : index + PARENTHETICAL_SPAN]:
        if other.sent != sent or other.text in SENTENCE_END or other.text in QUOTE_CHARS:
            return None
        if complementizer_kind(other.text, view.frames) or (
            _is_new_verb_cue(view, other) and not attribution
        ):
            return None
        if other.text in COMMAS:
            return other.index + 1
    return None


def _circumstantial(view: DocView, tok: Tok) -> bool:
    """A preposition or adverb opening a circumstantial phrase (في، خلال، عقب، أثناء)."""
    return tok.key in view.frames.title_stops or tok.key in _CIRCUMSTANCE


_WITH = frozenset(key(w) for w in ("مع", "ومع", "بين", "لدى", "ضد", "أمام", "إزاء", "تجاه", "نحو"))
_CIRCUMSTANCE = frozenset(key(w) for w in ("أثناء", "لدى", "عند", "وسط", "ضمن", "بمناسبة", "إبان"))


def _complementizer_ahead(view: DocView, index: int, sent: int) -> int | None:
    """The index of a complementizer within the next few tokens of the sentence, if any."""
    for other in view.tokens[index + 1 : index + PARENTHETICAL_SPAN]:
        if other.sent != sent or other.text in SENTENCE_END or other.text in QUOTE_CHARS:
            return None
        if _is_new_verb_cue(view, other):
            return None
        if complementizer_kind(other.text, view.frames) and not _inside_name(view, other):
            return None if _subordinated(view, other) else other.index
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
        and (view.tokens[index].key in _SVO_SKIP or view.tokens[index].text in QUOTE_CHARS)
    ):
        crossed_quote = crossed_quote or view.tokens[index].text in QUOTE_CHARS
        index -= 1
    comma = index >= 0 and view.tokens[index].text in COMMAS
    addressee = None
    if comma:
        index -= 1
        opener = _segment_start(view, index, tok.sent)
        if opener is not None and (
            view.tokens[opener].key in _PARTICLES
            or view.tokens[opener].key in _TIME_WORDS
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
    if _after_preposition(view, mention):  # السفارة الأمريكية في الخرطوم قد قالت: not the place
        return AdjacentSubject([(None, mention.span, "description")], crossed_quote, addressee)
    kind = "named" if mention.kind == "name" else "description"
    return AdjacentSubject([(view.entity_of(mention), mention.span, kind)], crossed_quote, addressee)


_ADDRESSEE_BEFORE = frozenset(key(w) for w in ("مع", "إلى", "ب"))  # اتصال مع، حديث إلى، اتصل ب


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


_FRONTED = frozenset(key(w) for w in ("ردا", "رداً", "ردًا", "تعليقا", "تعليقاً"))


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
    return any(w in view.frames.title_stops or w in _CIRCUMSTANCE or w in _FRONTED for w in (word, stem))


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
    if quote is None or _is_title_quote(view, quote):
        return None
    after = [t for t in view.tokens[tok.index + 1 : tok.index + 8] if t.sent == tok.sent]
    analyse_window(view, frame, after)
    frame.content = Span(quote.start + 1, quote.end - 1)
    frame.content_kind = "quote"
    return frame if frame.speakers else None


POSTPOSED_TAIL = 3  # words of a sentence-final speaker after its verb: … يقول الكاتب.


def postposed_tail(view: DocView, tok: Tok) -> list[Tok] | None:
    """``… لكنهما يظلان مرتبطين، تقول الصحيفة.``: a reporting verb with no conjunction followed only
    by a short speaker phrase up to the sentence end; the phrase, or None."""
    form = view.lexicon.lookup(tok.text) if view.lexicon.may_be_cue(tok.key) else None
    if form is None or form.kind not in ("past", "present") or form.gender == "":
        return None
    if view.lexicon.prefix_of(tok.text) or _inside_name(view, tok) or tok.index == 0:
        return None
    prev = view.tokens[tok.index - 1]
    if prev.sent != tok.sent or prev.key in _RELATIVE or prev.key in _PARTICLES:
        return None
    tail: list[Tok] = []
    for other in view.tokens[tok.index + 1 :]:
        if other.sent != tok.sent or other.text in SENTENCE_END:
            break
        if len(tail) == POSTPOSED_TAIL or not other.text[0].isalpha():
            return None
        if complementizer_kind(other.text, view.frames) or other.key in _PARTICLES:
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


def _postposed_boundary(view: DocView, tok: Tok) -> int:
    """Where the content before a postposed verb ends: before the verb, or before كما/حسبما."""
    prev = view.tokens[tok.index - 1]
    end = prev.start if prev.key in _AS_WORDS else tok.start
    return _trim_end(view.text, view.sentence_start(tok.sent), end)


def _postposed_tail(view: DocView, tok: Tok, form: CueForm, frame: Frame) -> Frame | None:
    """The statement of a sentence-final attribution: the clause before the verb (from the last
    comma) is the content, the phrase after it the speaker."""
    tail = postposed_tail(view, tok)
    if tail is None:
        return None
    end = _postposed_boundary(view, tok)
    start = view.sentence_start(tok.sent)
    for other in view.tokens_in(start, end):
        if other.text in COMMAS and view.quote_around(other.start, other.end) is None:
            start = other.end
    start = _skip_space(view.text, start)
    if len(view.tokens_in(start, end)) < 3:
        return None
    analyse_window(view, frame, tail)
    if not frame.speakers:
        head = tail[0]
        frame.speakers = [(_definite_anaphor(view, head), Span(head.start, tail[-1].end), "description")]
    frame.content = Span(start, end)
    frame.content_kind = "clause"
    return frame


def _denies(view: DocView, form: CueForm, window: list[Tok]) -> bool:
    if form.entry.polarity == "deny":
        return True
    if form.entry.lemma == key("رفض") or key(form.entry.lemma) == key("رفض"):
        return any(_strip_clitics(t.key) in view.frames.deny_objects for t in window[:4])
    return False


def _strip_clitics(word_key: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if word_key.startswith(prefix) and len(word_key) - len(prefix) > 3:
            return word_key[len(prefix) :]
    return word_key


# ---------------------------------------------------------------------------- nouns, preps


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
        or first.key in _PARTICLES
        or first.key in _TIME_WORDS
    ):
        return None
    if view.lexicon.lookup(first.text) is not None and view.lexicon.lookup(first.text).kind in (
        "past",
        "present",
    ):
        return None  # إعلان ترامب قال: the noun is a subject, its verb follows
    end = content_end(view, first.start, tok.sent)
    for other in view.tokens_in(first.start, end):
        if other.text in COMMAS and view.quote_around(other.start, other.end) is None:
            end = _trim_end(view.text, first.start, other.start)
            break
    frame = Frame(tok, form, tok.end)
    frame.speakers = [(entity, mention.span, "named")]
    frame.content = Span(first.start, end)
    frame.content_kind = "np"
    frame.absorbed_until = after - 1
    return frame if end > first.start else None


def analyse_prep(view: DocView, tok: Tok, form: CueForm) -> Frame | None:
    """``وفقاً للمرصد، ...`` at the start, or ``...، بحسب المرصد`` at the end of a sentence."""
    if not _particle_ok(view, tok, form, 2):
        return None
    if form.entry.lemma == "لسان" and (tok.index == 0 or view.tokens[tok.index - 1].key != key("على")):
        return None
    frame = Frame(tok, form, tok.end)
    after = _prep_object(view, tok)
    analyse_window(view, frame, after)
    sent_start = view.sentence_start(tok.sent)
    before = [t for t in view.tokens_in(sent_start, tok.start) if t.text not in COMMAS and t.key != "و"]
    if len(before) >= 3:  # trailing attribution: content is the sentence before the preposition
        end = _trim_end(view.text, sent_start, tok.start)
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
        if complementizer_kind(other.text, view.frames) or _is_new_verb_cue(view, other):
            break
        out.append(other)
    return out


# ---------------------------------------------------------------------------- headlines


def headline_frames(view: DocView, frames: list[Frame]) -> list[Frame]:
    """``أحمد سالم: من الصعب ...``: a short line whose head before a colon names a speaker."""
    taken = {f.cue.sent for f in frames}
    colon_entry = next(e for e in view.lexicon.entries if e.type == "colon")
    out: list[Frame] = []
    for tok in view.tokens:
        if tok.text != ":" or tok.sent in taken:
            continue
        head = [t for t in view.tokens_in(view.sentence_start(tok.sent), tok.start)]
        if not head or len(head) > 6:
            continue
        end = view.sentence_end(tok.sent)
        rest = view.tokens_in(tok.end, end)
        if not rest or (len(rest) > 25 and rest[0].text not in QUOTE_CHARS):
            continue
        frame = Frame(tok, CueForm(colon_entry, ":", "colon"), tok.end, headline=True)
        analyse_window(view, frame, head)
        if not frame.speakers or frame.speakers[0][0] is None:
            continue
        frame.content = opening_content(view, Opening(tok.index, tok.end, "colon"), tok.sent)
        frame.content_kind = "colon"
        out.append(frame)
        taken.add(tok.sent)
    return out


# ---------------------------------------------------------------------------- content


def opening_content(view: DocView, opening: Opening, sent: int) -> Span:
    """The content span that an opening (complementizer, colon, quote) introduces."""
    if opening.kind == "quote" and opening.quote is not None:
        return Span(opening.quote.start + 1, opening.quote.end - 1)
    if opening.kind == "embedded":
        return Span(opening.start, content_end(view, opening.start, sent, object_phrase=True))
    start = _skip_space(view.text, opening.start)
    quote = view.quote_opening_at(start)
    if opening.kind == "colon" and quote is not None:
        return Span(quote.start + 1, quote.end - 1)
    return Span(start, content_end(view, start, sent))


def _skip_space(text: str, index: int) -> int:
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
            end = _postposed_boundary(view, tok)
            break
    if enclosing is not None:
        end = min(end, enclosing.end - 1)
    # never before start: a cue at a sentence's very end opens onto the next sentence
    return max(start, _trim_end(view.text, start, end))


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
    if tok.key in _ABOUT_HIS and index + 1 < len(view.tokens):
        return True  # ، على حد قوله
    if tok.key == key("على") and index + 1 < len(view.tokens) and view.tokens[index + 1].key in _ABOUT_HIS:
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


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and clause punctuation; a closing mark stays (a period inside the marks
    with it, the sentence's period after them does not)."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in COMMAS + SENTENCE_END + ":-–"):
        end -= 1
    return end


# ---------------------------------------------------------------------------- speakers


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
    if speakers and not _near_start(view, speakers[0], window) and not _relays(frame):
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


_GOVERNING = frozenset(("على", "عبر", "خلال"))  # as written: علي (Ali) folds like على


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
        and _strip_clitics(view.tokens[cand.first - 2].key)
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
    return any(tok.key in _RELATIVE_AGREEMENT for tok in window if tok.index < cand.first)


def _relays(frame: Frame) -> bool:
    """``نقل``/``نسب``: the outlet relays, the speaker follows ``عن``/``إلى`` at any distance."""
    return frame.form.entry.lemma in ("نقل", "نسب")


_RELAY_MARKERS = frozenset(key(w) for w in ("عن", "إلى", "نقلا"))


def _reported_source(
    view: DocView, frame: Frame, window: list[Tok]
) -> tuple[str | None, Span | None, str] | None:
    """``نقلت وكالة ... عن المتحدث باسم الخارجية``: a titled source after the relay marker."""
    if not _relays(frame):
        return None
    for tok in window:
        if tok.key in _RELAY_MARKERS:
            titled = titled_subject(view, tok.index + 1, tok.sent)
            return _title_speaker(view, titled) if titled is not None else None
    return None


def _near_start(view: DocView, cand: Candidate, window: list[Tok]) -> bool:
    """A subject follows its verb closely; a name deep inside a long window is part of a
    circumstantial phrase (``عرض مضمون اتصالات أجراها شكري``), not the speaker."""
    if cand.first - window[0].index <= 5:
        return True
    back = view.tokens[cand.first - 1].key if cand.first > 0 else ""
    return back in (key("عن"), key("لسان"), key("إلى"), key("باسم"))


def _cut_at_claim_noun(view: DocView, window: list[Tok]) -> list[Tok]:
    """``رفض تأكيدات روسيا بأن``: names after the claim noun belong to it, not to رفض."""
    for position, tok in enumerate(window):
        form = view.lexicon.lookup(tok.text)
        if form is not None and form.entry.type == "claimnoun":
            return window[:position]
    return window


def _mark_via(view: DocView, candidates: list[Candidate], window: list[Tok], frame: Frame) -> None:
    """Outlets (وكالة رويترز، لشبكة سي.إن.إن) relay; with ``نقل ... عن X`` X is the speaker."""
    an_key = key("عن")
    for cand in candidates:
        if _is_outlet(view, cand):
            cand.role = "via"
    markers = {an_key, key("نقلا"), key("إلى")}
    an_positions = [t.index for t in window if t.key in markers]
    if frame.form.entry.lemma in ("نقل", "نسب") and an_positions:
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
    return _told_mention(view, cand.mention)


def _told_mention(view: DocView, mention: Mention) -> bool:
    """An outlet mention written with ل (``لوكالة فرانس برس``، ``لـ"رويترز"``) or after ``لصحيفة``."""
    toks = view.tokens_in(outer_span(mention).start, outer_span(mention).end)
    if not toks:
        return False
    first_word = key(mention.surface.split()[0]) if mention.surface.split() else ""
    token_start = min(outer_span(mention).start, toks[0].start)
    if view.text[token_start : mention.span.start].endswith("ل") and _is_channel_word(view, first_word):
        return True
    back = toks[0].index - 1
    while back >= 0 and view.tokens[back].text in QUOTE_CHARS:
        back -= 1
    if back < 0:
        return False
    word = view.tokens[back].key
    return word.startswith("ل") and _is_channel_word(view, word[1:])


def _is_outlet(view: DocView, cand: Candidate) -> bool:
    first_word = key(cand.mention.surface.split()[0]) if cand.mention.surface.split() else ""
    if _is_channel_word(view, first_word):
        return True
    back = cand.first - 1
    while back >= 0 and view.tokens[back].text in QUOTE_CHARS:
        back -= 1
    if back < 0:
        return False
    return _is_channel_word(view, view.tokens[back].key)


def _mark_addressees(view: DocView, candidates: list[Candidate], frame: Frame) -> None:
    kind = frame.form.entry.addressee
    if frame.form.entry.lemma in ("نقل", "نسب"):
        return
    markers = {key("إلى"), key("مع"), key("أمام"), key("لدى")}
    if kind == "min":
        markers.add(key("من"))
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
        if marked or (
            kind == "obj" and speaker_seen and not conjoined and not _apposition(view, candidates, cand)
        ):
            cand.role = "addressee"
        elif cand.role == "speaker":
            speaker_seen = True
        last = cand


def _apposition(view: DocView, candidates: list[Candidate], cand: Candidate) -> bool:
    """A candidate right after a description of the same referent (الوزير، سامح شكري)."""
    index = candidates.index(cand)
    if index == 0:
        return False
    prev = candidates[index - 1]
    gap = view.tokens[prev.last + 1 : cand.first]
    if any(t.text not in COMMAS for t in gap):
        return False
    return prev.mention.kind == "description" or prev.entity == cand.entity


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
        person = _spokesperson_role(view, chosen.entity)
        kind = "description"
        entity = person or entity
    out = [(entity, chosen.mention.span, kind)]
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


def _spokesperson_role(view: DocView, org: str | None) -> str | None:
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


def _generic_speaker(
    view: DocView, window: list[Tok], frame: Frame
) -> list[tuple[str | None, Span | None, str]]:
    """Unnamed sources (مسؤولون أميركيون، مصدر دبلوماسي) and الأخير (the latter)."""
    first = window[0]
    if _strip_clitics(first.key) in view.frames.speech_event_nouns:
        return [(None, Span(first.start, first.end), "description")]
    if first.key in LATTER:
        entity = latest_entity(view, first.start, LATTER[first.key])
        return [(entity, Span(first.start, first.end), "description")] if entity else []
    word = _strip_clitics(first.key)
    if word not in view.frames.generic_speakers:
        return []
    if word in view.frames.channel_nouns:
        return [(_definite_anaphor(view, first), Span(first.start, first.end), "description")]
    for tok in window[1:4]:
        mention = view.mention_at.get(tok.index)
        if mention is not None and mention.kind == "adjective":
            return [(view.entity_of(mention), Span(first.start, mention.span.end), "unnamed_group")]
    return [(None, Span(first.start, first.end), "unnamed_group")]


def _on_own_website(view: DocView, window: list[Tok]) -> bool:
    """``في بيان على موقعها``: the speaker published it itself."""
    keys = [t.key for t in window]
    return any(k.startswith(key("موقعه")) or k.startswith(key("موقعها")) for k in keys)


def svo_speakers(view: DocView, tok: Tok, form: CueForm) -> list[tuple[str | None, Span | None, str]]:
    """The subject written before the verb: ``شكري أكد``، ``وكانت الوزارة قد أعلنت``. Not for a
    conjoined verb with an object pronoun: in ``ورفضت روسيا مزاعم بريطانيا وهولندا ووصفتها``
    (ant:BB-internationalNews-1150-20181005) the name before it belongs to its object."""
    if form.kind == "participle" or (form.object_pronoun and view.lexicon.prefix_of(tok.text)):
        return []
    index = tok.index - 1
    while index >= 0 and view.tokens[index].sent == tok.sent:
        current = view.tokens[index]
        if current.key in _SVO_SKIP or current.key in _AUXILIARY:
            index -= 1
            continue
        if current.text == ")":  # هيئة الإذاعة البريطانية (بي بي سي) قد ذكرت
            index = _before_bracket(view, index, tok.sent)
            if index is None:
                return []
            continue
        if current.text in COMMAS:
            index = _skip_parenthetical(view, index, tok.sent)
            if index is None:
                return []
            continue
        mention = view.mention_at.get(index)
        if mention is None or mention.kind == "adjective":
            return []
        if _after_preposition(view, mention) and not view.lexicon.prefix_of(tok.text):
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


# ---------------------------------------------------------------------------- statements


def process_doc(doc: Document, corpus: Corpus, mentions: list[Mention]) -> list[Statement]:
    """All statements of one document, in text order of their cues."""
    view = DocView(doc, corpus, mentions)
    frames = find_frames(view)
    frames = _attach_trailing(view, frames)
    frames.sort(key=lambda f: (f.cue.start, f.headline))
    drafts = resolve_implicit(view, frames)
    return finish(view, drafts)


def _attach_trailing(view: DocView, frames: list[Frame]) -> list[Frame]:
    """``...، وفق المصدر``: a trailing preposition after another statement gives it ``via``."""
    kept: list[Frame] = []
    for frame in frames:
        if frame.content_kind != "trailing":
            kept.append(frame)
            continue
        host = _host_of(frames, frame)
        if host is None:
            kept.append(frame)
            continue
        entity = frame.speakers[0][0] if frame.speakers else None
        host_speaker = host.speakers[0][0] if host.speakers else None
        if entity is None:
            entity = _recent_org_speaker(view, frames, frame, host_speaker)
        if entity is not None and entity != host_speaker and host.via is None:
            host.via = entity
    return kept


def _host_of(frames: list[Frame], trailing: Frame) -> Frame | None:
    for frame in frames:
        if frame is trailing or frame.content is None or frame.content_kind == "trailing":
            continue
        if frame.cue.sent == trailing.cue.sent and frame.cue.start < trailing.cue.start:
            return frame
    return None


def _recent_org_speaker(view: DocView, frames: list[Frame], before: Frame, exclude: str | None) -> str | None:
    for frame in reversed([f for f in frames if f.cue.start < before.cue.start]):
        for entity, _, _ in frame.speakers:
            if (
                entity
                and entity != exclude
                and view.entities.get(entity)
                and view.entities[entity].label != "PERSON"
            ):
                return entity
    return None


@dataclass
class Draft:
    frame: Frame
    speaker: str | None
    speaker_span: Span | None
    speaker_kind: str


def resolve_implicit(view: DocView, frames: list[Frame]) -> list[Draft]:
    """One draft per (frame, speaker); frames without a written speaker take the latest
    speaker whose gender agrees with the cue (وأضافت → a woman, a ministry or a country)."""
    genders: dict[str, str] = {}
    drafts: list[Draft] = []
    for frame in frames:
        if frame.content is None or not len(frame.content):  # nothing said (a cue ending a line)
            continue
        if len(frame.speakers) == 1 and frame.form.number == "du" and frame.speakers[0][2] == "named":
            pair = _recent_persons(view, frame)  # تحدث X مع Y ونددا: a dual verb has two subjects
            if len(pair) == 2 and frame.speakers[0][0] in pair:
                frame.speakers = [(entity, None, "implicit") for entity in pair]
        if frame.speakers:
            for entity, span, kind in frame.speakers:
                if kind == "spokesperson":
                    entity, kind = _recent_spokesperson(view, drafts, entity), "description"
                if entity is None and span is not None:
                    entity = referred_source(view, drafts, span)
                drafts.append(Draft(frame, entity, span, kind))
                _learn_gender(view, genders, entity, frame, span)
            continue
        for entity in _implicit_speakers(view, genders, drafts, frame):
            drafts.append(Draft(frame, entity, None, "implicit"))
    return drafts


def first_word_key(view: DocView, span: Span) -> str:
    """The key of the first word of a span of the text ("" for an empty one)."""
    words = view.text[span.start : span.end].split()
    return key(words[0]) if words else ""


def referred_source(view: DocView, drafts: list[Draft], span: Span) -> str | None:
    """A definite source noun refers back (ant:AL-economy-227-20180313): ``وأضاف المصدر``
    is the body of the latest ``مصدر …`` quoted before it, ``وأكد البيان`` the issuer of the latest
    statement whose sentence names a ``بيان``. Only those nouns (``generic_speakers``,
    ``speech_event_nouns``) refer back; any other description stays unresolved."""
    words = view.text[span.start : span.end].split()
    head = key(words[0]) if words else ""
    if not head.startswith("ال") or len(words) > 2:
        return None
    bare = head[2:]
    if bare in view.frames.generic_speakers:
        for draft in reversed(drafts):
            said = draft.speaker_span
            if draft.speaker and said is not None and _strip_clitics(first_word_key(view, said)) == bare:
                return draft.speaker
        return None
    if bare in view.frames.speech_event_nouns:
        for draft in reversed(drafts):
            sentence = view.text[
                view.sentence_start(draft.frame.cue.sent) : view.sentence_end(draft.frame.cue.sent)
            ]
            if draft.speaker and any(_strip_clitics(key(word)) == bare for word in sentence.split()):
                return draft.speaker
    return None


def _recent_spokesperson(view: DocView, drafts: list[Draft], body: str | None) -> str | None:
    """``المتحدث باسم الخارجية`` with no stated role: the unnamed spokesperson quoted before (``قال
    متحدث باسم …``), else the person quoted most recently by name who holds no other office in the
    document (a spokesperson is named once, then titled), else the body itself."""
    for draft in reversed(drafts):  # وقال متحدث باسم الجيش … وناشد المتحدث: the one named before
        said = draft.speaker_span
        if draft.speaker and said is not None and draft.speaker_kind == "unnamed_group":
            spokesperson = first_word_key(view, said) in view.frames.spokesperson_words
            if spokesperson:
                return draft.speaker
    offices = {
        r.person for r in view.roles if not {key(w) for w in r.title.split()} & view.frames.spokesperson_words
    }
    for draft in reversed(drafts):
        entity = view.entities.get(draft.speaker or "")
        named = draft.speaker_kind == "named" and entity is not None and entity.label == "PERSON"
        if named and draft.speaker not in offices:
            return draft.speaker
    return body


def _learn_gender(
    view: DocView, genders: dict[str, str], entity: str | None, frame: Frame, span: Span | None
) -> None:
    if entity is None or frame.form.gender == "" or frame.form.number != "sg" or span is None:
        return
    if _relays(frame):  # ونسبت وكالات ... إلى X: the verb agrees with the outlet, not with X
        return
    if frame.cue.start < span.start:  # VSO agreement is reliable: قالت سامانثا باور
        genders.setdefault(entity, frame.form.gender)
    title = view.text[max(0, span.start - 30) : span.start].split()
    if title and key(title[-1]) in view.frames.female_titles:
        genders[entity] = "f"


def draft_gender(view: DocView, genders: dict[str, str], draft: Draft) -> str:
    """The gender a later verb agrees with to continue ``draft``: a spokesperson speaking for a
    body agrees as written (``قال المتحدث`` باسم الوكالة … ``وأضاف``), else the entity's gender."""
    form, said = draft.frame.form, draft.speaker_span
    entity = view.entities.get(draft.speaker or "")
    if said is None or entity is None or entity.label == "PERSON" or form.number != "sg" or not form.gender:
        return _gender(view, genders, draft.speaker or "")
    spokesperson = first_word_key(view, said) in view.frames.spokesperson_words
    return form.gender if spokesperson else _gender(view, genders, draft.speaker or "")


def _gender(view: DocView, genders: dict[str, str], entity: str) -> str:
    if entity in genders:
        return genders[entity]
    label = view.entities[entity].label if entity in view.entities else "PERSON"
    return "m" if label == "PERSON" else "f"


def _implicit_speakers(
    view: DocView, genders: dict[str, str], drafts: list[Draft], frame: Frame
) -> list[str | None]:
    if frame.form.number in ("du", "pl"):
        pair = _recent_persons(view, frame)
        if len(pair) >= 2:
            return pair
    if view.quote_around(frame.cue.start, frame.cue.end) is not None:
        return []  # a verb inside a quotation with no subject is the quoted speaker's own
    wanted = frame.form.gender if frame.form.number == "sg" else ""
    # a verbal noun's statement (إعلان ترامب الانسحاب) is backgrounded: وأضاف does not go back to it
    recent = [d for d in reversed(drafts) if d.speaker is not None and d.frame.form.kind != "masdar"][:8]
    same_sentence = [d for d in recent if d.frame.cue.sent == frame.cue.sent]
    participle = frame.form.kind == "participle"
    agreeing = [d for d in same_sentence if not wanted or draft_gender(view, genders, d) == wanted]
    if participle and agreeing:
        return [agreeing[0].speaker]
    if (participle or view.lexicon.prefix_of(frame.cue.text)) and not agreeing:
        subject = sentence_subject(view, genders, drafts, frame)  # حظرت إيران التطبيق، قائلة
        if subject is not None:
            return [subject]
    for draft in _outer_first(recent):
        if not wanted or draft_gender(view, genders, draft) == wanted:
            return [draft.speaker]
    if wanted:
        return [None]  # أكدت or قائلة after men only: the speaker is someone not recognised
    return [recent[0].speaker] if recent else [None]


def sentence_subject(view: DocView, genders: dict[str, str], drafts: list[Draft], frame: Frame) -> str | None:
    """The subject a coordinated verb or a participle shares with its sentence: the first entity
    named before it in the sentence, outside quotes, prepositional phrases and reported content,
    whose gender agrees (``الحكومة اليمنية حملت …، وأكدت`` → the government)."""
    wanted = frame.form.gender if frame.form.number == "sg" else ""
    start = view.sentence_start(frame.cue.sent)
    contents = [d.frame.content for d in drafts if d.frame.content is not None]
    for mention in view.mentions:
        outer = outer_span(mention)
        if outer.start < start or outer.end > frame.cue.start:
            continue
        if mention.kind == "adjective" or view.quote_around(outer.start, outer.end) is not None:
            continue
        if _after_preposition(view, mention) or any(c.start <= outer.start < c.end for c in contents):
            continue
        entity = view.entity_of(mention)
        if entity is not None and (not wanted or _gender(view, genders, entity) == wanted):
            return entity
    return None


def _after_preposition(view: DocView, mention: Mention) -> bool:
    """``في إيران``، ``لإيران``، ``مع الحكومة``: the name is not a subject."""
    clitics = view.text[outer_span(mention).start : mention.span.start]
    if any(letter in clitics for letter in "بلك"):
        return True
    index = view.token_at(outer_span(mention).start)
    if index <= 0 or view.tokens[index - 1].sent != view.tokens[index].sent:
        return False
    prev = view.tokens[index - 1].key
    return prev in _PARTICLES or prev in _CIRCUMSTANCE or prev in _WITH


def _outer_first(recent: list[Draft]) -> list[Draft]:
    """Latest statements, each outer one before the statements nested in it: after
    ``قالت الوزارة إن شكري قال ...``, وأضاف prefers an outer masculine speaker, else شكري."""
    outer = [d for d in recent if not _nested_in_any(d, recent)]
    ordered: list[Draft] = []
    for draft in outer:
        ordered.append(draft)
        content = draft.frame.content
        inner = [
            d
            for d in recent
            if content and d is not draft and content.start <= d.frame.cue.start < content.end
        ]
        ordered.extend(inner)
    ordered.extend(d for d in recent if d not in ordered)
    return ordered


def _nested_in_any(draft: Draft, others: list[Draft]) -> bool:
    cue = draft.frame.cue.start
    return any(
        o is not draft and o.frame.content and o.frame.content.start <= cue < o.frame.content.end
        for o in others
    )


def _recent_persons(view: DocView, frame: Frame) -> list[str | None]:
    """The two latest persons named in the sentence before a dual verb (ونددا)."""
    found: list[str | None] = []
    start = view.sentence_start(frame.cue.sent)
    for mention in reversed(view.mentions):
        if not (start <= mention.span.start < frame.cue.start) or mention.label != "PERSON":
            continue
        entity = view.entity_of(mention)
        if entity and entity not in found:
            found.append(entity)
    return list(reversed(found[:2]))


def finish(view: DocView, drafts: list[Draft]) -> list[Statement]:
    """Number the drafts, link nested statements and compute kind, about and confidence."""
    ids = [f"{view.doc.doc_id}#s{n:02d}" for n in range(1, len(drafts) + 1)]
    statements: list[Statement] = []
    for stmt_id, draft in zip(ids, drafts, strict=True):
        frame = draft.frame
        content = frame.content or Span(frame.cue.end, frame.cue.end)  # always set: see resolve_implicit
        cue_span = Span(frame.cue.start, frame.cue_end)
        statements.append(
            Statement(
                stmt_id=stmt_id,
                doc_id=view.doc.doc_id,
                cue=cue_span,
                cue_text=view.text[cue_span.start : cue_span.end],
                cue_lemma="قال" if frame.form.entry.type == "colon" else frame.form.entry.lemma,
                content=content,
                content_text=view.text[content.start : content.end],
                kind=_kind(view, frame),  # type: ignore[arg-type]
                polarity=_polarity(view, frame),  # type: ignore[arg-type]
                speaker=draft.speaker,
                speaker_span=draft.speaker_span,
                speaker_kind=draft.speaker_kind,  # type: ignore[arg-type]
                addressee=frame.addressee if frame.addressee != draft.speaker else None,
                via=_via(frame, draft),
                about=_about(view, content, draft.speaker),
                confidence=_confidence(frame, draft),
            )
        )
    first_of: dict[int, str] = {}
    for stmt_id, draft in zip(ids, drafts, strict=True):
        first_of.setdefault(id(draft.frame), stmt_id)
    hosted = {
        stmt_id: first_of[id(draft.frame.host)]
        for stmt_id, draft in zip(ids, drafts, strict=True)
        if draft.frame.host is not None and id(draft.frame.host) in first_of
    }
    return _link_nested(statements, hosted)


def _via(frame: Frame, draft: Draft) -> str | None:
    if frame.via is None and frame.own_site:
        return draft.speaker
    return frame.via if frame.via != draft.speaker else None


def _kind(view: DocView, frame: Frame) -> str:
    content = frame.content or Span(0, 0)
    if frame.headline or frame.content_kind == "quote":
        return "direct"
    if view.quote_around(content.start, content.end) is not None:
        return "direct"
    if QUOTE_MARK.search(view.text, content.start, content.end):
        return "mixed"
    return "indirect"


def _polarity(view: DocView, frame: Frame) -> str:
    if frame.polarity == "deny":
        return "deny"
    content = frame.content or Span(0, 0)
    content_key = key(view.text[content.start : content.end])
    if any(pred in content_key for pred in view.frames.deny_predicates):
        return "deny"
    return "assert"


def _about(view: DocView, content: Span, speaker: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for mention in view.mentions:
        if content.start <= mention.span.start and mention.span.end <= content.end:
            entity = view.entity_of(mention)
            if entity and entity not in out:
                out.append(entity)
    return tuple(out)


_CONFIDENCE = {"named": 0.9, "description": 0.75, "implicit": 0.65, "unnamed_group": 0.6, "none": 0.4}


def _confidence(frame: Frame, draft: Draft) -> float:
    base = _CONFIDENCE.get(draft.speaker_kind, 0.5)
    if draft.speaker is None:
        base = min(base, 0.4)
    if frame.content_kind == "np":
        base -= 0.1
    return round(max(0.1, base), 2)


def _link_nested(statements: list[Statement], hosted: dict[str, str] | None = None) -> list[Statement]:
    """A statement whose cue lies inside another's content is nested in it (parent, via); a
    claim noun that is the object of a reporting verb (``رفض تأكيدات X``) is nested in that
    verb's statement (``hosted``: statement id → host statement id)."""
    by_id = {stmt.stmt_id: stmt for stmt in statements}
    out: list[Statement] = []
    for stmt in statements:
        host = by_id.get((hosted or {}).get(stmt.stmt_id, ""))
        if host is not None and host.speaker != stmt.speaker:
            out.append(replace(stmt, parent=host.stmt_id, via=stmt.via or host.speaker))
            continue
        parents = [
            other
            for other in statements
            if other is not stmt
            and other.content.start <= stmt.cue.start
            and stmt.cue.end <= other.content.end
        ]
        if parents:
            parent = min(parents, key=lambda p: len(p.content))
            if parent.speaker != stmt.speaker:
                stmt = replace(stmt, parent=parent.stmt_id, via=stmt.via or parent.speaker)
        out.append(stmt)
    return out


def run(corpus: Corpus) -> Corpus:
    """Attribute reported speech in every document.

    Args:
        corpus: a corpus with documents, sentences, mentions and entities.

    Returns:
        The corpus with ``statements`` filled.
    """
    by_doc: dict[str, list[Mention]] = {}
    for mention in corpus.mentions:
        by_doc.setdefault(mention.doc_id, []).append(mention)
    statements: list[Statement] = []
    for doc in corpus.documents:
        statements.extend(process_doc(doc, corpus, by_doc.get(doc.doc_id, [])))
    return corpus.replace(statements=tuple(statements))


def entity_label(entities: dict[str, Entity], entity_id: str | None) -> str:
    """The label of an entity id, or ``""``."""
    if entity_id is None or entity_id not in entities:
        return ""
    return entities[entity_id].label
