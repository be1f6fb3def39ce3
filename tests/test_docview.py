"""kg.stages.docview: the document view that attribute and interactions read."""

from __future__ import annotations

import pytest

from kg.arabic.normalize import key
from kg.model import Corpus, Document
from kg.stages import segment
from kg.stages.docview import _ECHO_PREFIXES_BY_LENGTH, DocView, _echo_forms

# ant:AL-internationalNews-108-20180219 (a hashtag joining a name) and
# ant:AL-internationalNews-1165-20180514 (two hashtags, one a single word)
TEXT = (
    'ويوم السبت، وصف وزير الخارجية الروسي، #سيرغي_لافروف، الاتهامات الأميركية بأنها "هراء".\n'
    "وتقاتل الجماعة الشيعية في #سوريا دعما لرئيس النظام السوري #بشار_الأسد."
)


def test_docview_tokens_from_the_token_table_are_those_of_the_text() -> None:
    corpus = segment.run(Corpus(documents=(Document("d1", TEXT),)))
    doc = corpus.documents[0]
    from_table = DocView(doc, corpus, []).tokens
    tokenized = DocView(doc, corpus.replace(tokens=()), []).tokens
    assert from_table == tokenized
    assert [tok.text for tok in from_table][8:11] == ["سيرغي", "لافروف", "،"]
    assert {tok.sent for tok in from_table} == {0, 1}


def _first_reading(word: str, owners: dict[str, set[str]]) -> tuple[int, str] | None:
    """The reading tried first, one prefix length after another (the view's former loop)."""
    if word in owners:
        return 0, word
    for length, prefixes in _ECHO_PREFIXES_BY_LENGTH:
        if word[:length] in prefixes and word[length:] in owners:
            return length, word[length:]
    return None


@pytest.mark.parametrize(
    "names",
    [
        ("وهبة", "هبة"),  # وهبة is a name of its own before و + هبة
        ("لبيب", "بيب", "وليد"),  # ولبيب: و + لبيب before ول + بيب
        ("فياض", "عريقات"),
    ],
)
def test_docview_echo_forms_give_the_first_reading(names: tuple[str, ...]) -> None:
    owners = {key(name): {name} for name in names}
    forms = _echo_forms(owners)
    prefixes = [p for _, group in _ECHO_PREFIXES_BY_LENGTH for p in group]
    words = {p + name for p in ["", *prefixes] for name in owners} | {"ال" + name for name in owners}
    assert {word: forms.get(word) for word in words} == {word: _first_reading(word, owners) for word in words}
