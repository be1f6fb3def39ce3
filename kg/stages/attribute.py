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

The rules live in :mod:`kg.stages.attribution`, one module per section, each importing only
the ones before it: ``common`` (the :class:`Frame` record, shared word classes), ``cues`` (where
content opens), ``content`` (where it ends), ``subjects`` (titled subjects), ``speakers``,
``verb_subjects`` (where a verb's subject stands), ``verbs``, ``nouns`` (verbal nouns and
prepositions), ``headlines`` and ``frames`` (cue dispatch). This module holds the stage
itself: from frames to statements (implicit speakers, nesting, kind, polarity).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.arabic.cues import Frames
from kg.arabic.lexicons import word_class
from kg.arabic.normalize import key
from kg.contract import DOCUMENT, Stage
from kg.model import Corpus, Document, Entity, Mention, Span, Statement
from kg.stages.attribution.common import CIRCUMSTANCE, PARTICLES, Frame, after_preposition, strip_clitics
from kg.stages.attribution.frames import find_frames
from kg.stages.attribution.speakers import is_relay
from kg.stages.docview import QUOTE_MARK, DocView, outer_span

NAME = "attribute"
REQUIRES = ("documents", "sentences", "mentions", "entities")
PROVIDES = ("statements",)


def process_doc(doc: Document, corpus: Corpus, mentions: list[Mention]) -> list[Statement]:
    """All statements of one document, in text order of their cues."""
    view = DocView(doc, corpus, mentions)
    frames = find_frames(view)
    frames = _attach_trailing(frames)
    frames.sort(key=lambda f: (f.cue.start, f.headline))
    drafts = resolve_implicit(view, frames)
    return finish(view, drafts)


def _attach_trailing(frames: list[Frame]) -> list[Frame]:
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
            if draft.speaker and said is not None and strip_clitics(first_word_key(view, said)) == bare:
                return draft.speaker
        return None
    if bare in view.frames.speech_event_nouns:
        for draft in reversed(drafts):
            sentence = view.text[
                view.sentence_start(draft.frame.cue.sent) : view.sentence_end(draft.frame.cue.sent)
            ]
            if draft.speaker and any(strip_clitics(key(word)) == bare for word in sentence.split()):
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
    """Learn an entity's gender from the agreement of a singular verb before it (``وأكدت وايت``)
    or a feminine title right before its name; a relaying verb agrees with the outlet."""
    if entity is None or frame.form.gender == "" or frame.form.number != "sg" or span is None:
        return
    if is_relay(view, frame):  # ونسبت وكالات ... إلى X: the verb agrees with the outlet, not with X
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
    """The speakers of a frame with none written: the two persons before a dual or plural verb,
    none inside a quotation, else the latest speaker whose gender agrees (a participle first
    within its sentence, then the sentence's subject), or None when none agrees."""
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
        if subject is None and participle:
            subject = gentilic_group_subject(view, drafts, frame)
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
        if after_preposition(view, mention) or any(c.start <= outer.start < c.end for c in contents):
            continue
        entity = view.entity_of(mention)
        if entity is not None and (not wanted or _gender(view, genders, entity) == wanted):
            return entity
    return None


# --- participle after a group described by a gentilic (inter19) ---------------------------------
_PREPOSITION_ARTICLE = tuple(key(p) for p in ("بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل"))
_BROKEN_PLURALS = frozenset(key(w) for w in ("مصادر", "شهود", "خبراء", "سكان"))


def gentilic_group_subject(view: DocView, drafts: list[Draft], frame: Frame) -> str | None:
    """``ورد مسؤولون إيرانيون، الثلاثاء، على التصريحات الأميركية، قائلين إنه``
    (ant:SK-internationalNews-2835-20180801): a participle cue with no statement and no entity
    before it in its sentence is said by the unnamed group a gentilic describes (مسؤولون
    إيرانيون → Iran), as ``قال مسؤولون إيرانيون`` is. The group is a source noun (مصدر، مسؤولون،
    دبلوماسيون; not an outlet: صحيفة) one or two words before the adjective, governed by no
    preposition, outside quotes, that the participle agrees with (:func:`_agrees`)."""
    start = view.sentence_start(frame.cue.sent)
    if any(d.frame.cue.sent == frame.cue.sent and d.frame.cue.start < frame.cue.start for d in drafts):
        return None
    for mention in view.mentions:
        outer = outer_span(mention)
        if mention.kind != "adjective" or outer.start < start or outer.end > frame.cue.start:
            continue
        head = _source_head(view, outer.start)
        if head and view.quote_around(outer.start, outer.end) is None and _agrees(frame, head):
            return view.entity_of(mention)
    return None


def _source_head(view: DocView, start: int) -> str:
    """The key of a source noun among the two words before a gentilic adjective at ``start``
    (``مصادر أمنية مصرية``) that no proclitic or preceding preposition governs, else ""."""
    index = view.token_at(start)
    for back in (1, 2):
        if index - back < 0 or view.tokens[index - back].sent != view.tokens[index].sent:
            return ""
        head = view.tokens[index - back]
        bare = strip_clitics(head.key)
        if bare not in view.frames.generic_speakers or bare in view.frames.channel_nouns:
            continue
        if head.key.startswith(_PREPOSITION_ARTICLE) or head.key[:1] in ("ب", "ل"):
            return ""
        before = view.tokens[index - back - 1] if index - back >= 1 else None
        governed = before is not None and before.sent == head.sent and before.key in PARTICLES | CIRCUMSTANCE
        # وأردف المسؤول الروسي (ant:SK-middleEast-114-20180227): a definite singular source refers
        # back to the official named before, not to the group
        anaphor = head.key.lstrip("وف").startswith("ال") and not _plural(bare)
        return "" if governed or anaphor else bare
    return ""


def _plural(head: str) -> bool:
    return head.endswith(("ون", "ين")) or head in _BROKEN_PLURALS


def _agrees(frame: Frame, head: str) -> bool:
    """A plural participle (قائلين) needs a plural group, a masculine singular one (قائلا) a
    masculine singular source; a feminine singular one (مؤكدة) agrees with a plural of non-humans
    (أصوات مسؤولين، مصادر) or a feminine source (متحدثة)."""
    plural = _plural(head)
    form = frame.form
    if form.number == "pl":
        return plural
    if form.number != "sg":
        return False
    feminine = head.endswith("ة")
    return (plural or feminine) if form.gender == "f" else not plural and not feminine


# --- end inter19 -------------------------------------------------------------------------------


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
    """``deny`` for a denial cue or a content holding a denial predicate (``عار من الصحة``)."""
    if frame.polarity == "deny":
        return "deny"
    content = frame.content or Span(0, 0)
    content_key = without_intensifiers(key(view.text[content.start : content.end]))
    if any(pred in content_key for pred in view.frames.deny_predicates):
        return "deny"
    return "deny" if reports_called_false(content_key, view.frames) else "assert"


def reports_called_false(content_key: str, frames: Frames) -> bool:
    """A content that calls a claim false: one of ``deny_objects`` and, within six words after
    it, one of ``falsity_adjectives`` (``ادعاءات صحيفة الأوبزرفر خاطئة``,
    ant:BB-internationalNews-221-20180324; ``وصف التقارير ... بالخاطئة``)."""
    words = [strip_clitics(word) for word in content_key.split()]
    return any(
        word in frames.deny_objects
        and any(later in frames.falsity_adjectives for later in words[i + 1 : i + 7])
        for i, word in enumerate(words)
    )


# Adverbs of degree written inside a denial predicate (``عارية تماما من الصحة``): closed class.
_INTENSIFIERS = word_class("intensifiers")


def without_intensifiers(text_key: str) -> str:
    """A normalized text without adverbs of degree, so ``عارية تماما من الصحة`` reads as the
    denial predicate ``عارية من الصحة``."""
    return " ".join(word for word in text_key.split() if word not in _INTENSIFIERS)


def _about(view: DocView, content: Span, speaker: str | None) -> tuple[str, ...]:
    """The entities named inside the content, in text order."""
    out: list[str] = []
    for mention in view.mentions:  # sorted by their start with proclitics, which is never later
        if outer_span(mention).start > content.end:
            break
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


STAGE = Stage(NAME, REQUIRES, PROVIDES, DOCUMENT, run)
