"""Word lists of ``reporting_frames.json`` that the attribution rules read (issue 18).

The rules in :mod:`kg.stages.attribution` branch on a few cue lemmas (نقل/نسب relay, لسان needs
على, رفض denies its object, يدعى may be "is called") and on words such as على حد تعبيره; these are
data. The tests check that each cue-lemma list names lemmas of ``reporting_cues.tsv`` and, on
news-bench sentences (article ids cited), that the rules follow the lists: each case is run with
the list and with it emptied.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.arabic.cues import load_cues, load_frames
from kg.arabic.normalize import key
from kg.model import Corpus
from kg.stages import attribute, docview
from kg.stages.attribution.common import Frame
from kg.stages.attribution.nouns import analyse_prep
from kg.stages.attribution.speakers import is_relay
from kg.stages.attribution.verbs import denies, noun_homograph
from kg.stages.docview import DocView, Tok
from tests.conftest import build_texts

CUE_LEMMA_LISTS = (
    "actor_subject_cues",
    "describing_cues",
    "stance_cues",
    "relay_cues",
    "ala_cues",
    "object_denial_cues",
    "naming_cues",
)

CASES = {
    # ant:AL-culture-136-20180306: present يدعى before a name is the passive "is called"
    "called": "والفيديو الذي بث في الأساس على صفحة شخص يدعى تيري براينت جماتاري يظهر رجلاً يقبل "
    "الجائزة ويسمح لفضوليين بلمسها.",
    # ant:AL-internationalNews-1067-20180508: نقل relays; the speaker follows عن
    "relay": "ونقلت وكالة الأنباء الإيرانية عن رئيس أركان الجيش الإيراني، الميجر جنرال محمد باقري، قوله إن "
    '"القوات المسلحة تقدم أفضل خدمات لديها وما من تهديد يخيف إيران".',
    # ant:AL-internationalNews-139-20180221: رفض with an accusation as its object denies it
    "refused": "ورفض غيتس ومانافورت الاتهامات، لكن اعتراف فان دير زوان سيزيد الضغوط عليهما.",
    # ant:AL-culture-142-20180307: لسان without على (here the dictionary لسان العرب) attributes nothing
    "tongue": 'ويروي "لسان العرب" كثيراً من الكلمات التي تم تصحيفها، وهي لا تكاد تحصى، ويعرّف التصحيف '
    "بأنه الخطأ في الصحيفة.",
    # ant:AL-culture-492-20180613: ، على حد تعبيره is the
    # narrator's, after the content
    "own_words": "واعتبر الكوني أن غياب الفلسفة في العالم العربي يعد محنة كبيرة لأن الفلسفة هي ضمير إنسان "
    "يفكر وليس يتلقى كما يحدث الآن، على حد تعبيره.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_texts(tmp_path_factory, "lexicon", CASES)


def _view(corpus: Corpus, doc_id: str) -> DocView:
    doc = next(doc for doc in corpus.documents if doc.doc_id == doc_id)
    return DocView(doc, corpus, [m for m in corpus.mentions if m.doc_id == doc_id])


def _token(view: DocView, text: str) -> Tok:
    return next(tok for tok in view.tokens if tok.text == text)


@pytest.mark.parametrize("name", CUE_LEMMA_LISTS)
def test_attribution_lexicon_lists_name_cue_lemmas(name: str) -> None:
    lemmas = {key(entry.lemma) for entry in load_cues().entries}
    words = getattr(load_frames(), name)
    assert words
    assert words <= lemmas


def test_attribution_lexicon_naming_cue_before_a_name_is_no_verb(corpus: Corpus) -> None:
    view = _view(corpus, "called")
    tok = _token(view, "يدعى")
    form = view.lexicon.lookup(tok.text)
    assert form is not None
    assert noun_homograph(view, tok, form)
    view.frames = replace(view.frames, naming_cues=frozenset())
    assert not noun_homograph(view, tok, form)


def test_attribution_lexicon_relay_cue_reads_the_list(corpus: Corpus) -> None:
    view = _view(corpus, "relay")
    tok = _token(view, "ونقلت")
    form = view.lexicon.lookup(tok.text)
    assert form is not None
    frame = Frame(tok, form, tok.end)
    assert is_relay(view, frame)
    view.frames = replace(view.frames, relay_cues=frozenset())
    assert not is_relay(view, frame)


def test_attribution_lexicon_object_denial_cue_reads_the_list(corpus: Corpus) -> None:
    view = _view(corpus, "refused")
    tok = _token(view, "ورفض")
    form = view.lexicon.lookup(tok.text)
    assert form is not None
    window = view.tokens[tok.index + 1 :]
    assert denies(view, form, window)
    view.frames = replace(view.frames, object_denial_cues=frozenset())
    assert not denies(view, form, window)


def test_attribution_lexicon_ala_cue_needs_ala(corpus: Corpus) -> None:
    view = _view(corpus, "tongue")
    tok = _token(view, "لسان")
    form = view.lexicon.lookup(tok.text)
    assert form is not None
    assert analyse_prep(view, tok, form) is None
    view.frames = replace(view.frames, ala_cues=frozenset())
    assert analyse_prep(view, tok, form) is not None


def _contents(corpus: Corpus, doc_id: str) -> list[str]:
    doc = next(doc for doc in corpus.documents if doc.doc_id == doc_id)
    mentions = [m for m in corpus.mentions if m.doc_id == doc_id]
    return [doc.text[s.content.start : s.content.end] for s in attribute.process_doc(doc, corpus, mentions)]


def test_attribution_lexicon_own_words_end_the_content(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = _contents(corpus, "own_words")
    assert contents
    assert contents[0].endswith("كما يحدث الآن")
    without = replace(load_frames(), own_words_nouns=frozenset())
    monkeypatch.setattr(docview, "load_frames", lambda: without)
    assert "تعبيره" in _contents(corpus, "own_words")[0]
