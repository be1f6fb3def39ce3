"""Cue dispatch of the ``attribute`` stage: every cue of a document as a frame.

:func:`find_frames` finds the reporting cues of a document (:mod:`kg.arabic.cues`), hands each to
the analyser of its kind (:mod:`~kg.stages.attribution.verbs`,
:mod:`~kg.stages.attribution.nouns`, :mod:`~kg.stages.attribution.headlines`) and drops cues
inside another frame's content, in the first person, or restating a frame (a stance verb after
إنهم، a conjoined describing verb).
"""

from __future__ import annotations

from kg.arabic.cues import CueForm, complementizer_kind
from kg.arabic.normalize import key
from kg.stages.attribution.common import Frame
from kg.stages.attribution.cues import accusative_masdar, inside_name
from kg.stages.attribution.headlines import headline_frames
from kg.stages.attribution.nouns import analyse_noun, analyse_prep
from kg.stages.attribution.verbs import analyse_verb
from kg.stages.docview import DocView, Tok


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
        if form is None or inside_name(view, tok) or _first_person(form):
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
