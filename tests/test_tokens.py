"""kg.arabic.tokens: sentences, tokens and proclitics with offsets into the original text."""

from __future__ import annotations

import pytest

from kg.arabic.tokens import sentence_spans, strip_proclitics, token_spans


def test_tokens_sentence_spans_cover_text_without_outer_spaces() -> None:
    text = "قال الوزير إن الوضع صعب. وأضاف أن الحل ممكن؟\nسي.إن.إن نقلت الخبر"
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == ["قال الوزير إن الوضع صعب.", "وأضاف أن الحل ممكن؟", "سي.إن.إن نقلت الخبر"]


def test_tokens_keep_dotted_abbreviations_and_split_punctuation() -> None:
    text = "لشبكة سي.إن.إن، «نعم»"
    assert [text[s:e] for s, e in token_spans(text)] == ["لشبكة", "سي.إن.إن", "،", "«", "نعم", "»"]


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("ولافروف", {"لافروف"}, ("و", "لافروف")),
        ("للولايات", {"الولايات"}, ("لل", "الولايات")),
        ("وبالقاهرة", {"القاهره"}, ("وبال", "القاهرة")),
        ("وليد", {"وليد"}, ("", "وليد")),
        ("بيروت", {"بيروت"}, ("", "بيروت")),
    ],
)
def test_tokens_strip_proclitics_only_onto_known_stems(
    word: str, known: set[str], expected: tuple[str, str]
) -> None:
    assert strip_proclitics(word, lambda k: k in known) == expected


def test_tokens_hashtag_marks_are_no_tokens() -> None:
    """ant:AL-economy-1052-20180720: ``قال #صندوق_النقد_الدولي إن`` is read word by word."""
    text = "قال #صندوق_النقد_الدولي إن"
    assert [text[a:b] for a, b in token_spans(text)] == ["قال", "صندوق", "النقد", "الدولي", "إن"]


def test_tokens_lone_hash_is_punctuation() -> None:
    text = "رقم # 5"
    assert [text[a:b] for a, b in token_spans(text)] == ["رقم", "#", "5"]
