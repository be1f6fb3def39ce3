"""Headline colons of the ``attribute`` stage: ``ترامب: "…"``.

:func:`headline_frames` reads a headline of the form speaker, colon, content as a statement.
"""

from __future__ import annotations

from kg.arabic.cues import CueForm
from kg.stages.attribution.common import Frame
from kg.stages.attribution.content import opening_content
from kg.stages.attribution.cues import Opening
from kg.stages.attribution.speakers import analyse_window
from kg.stages.docview import QUOTE_CHARS, DocView


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
