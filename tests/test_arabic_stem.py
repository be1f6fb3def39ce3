"""Tests for the light Arabic stemmer (kg/arabic/stem.py)."""

from __future__ import annotations

import pytest

from kg.arabic.normalize import key
from kg.arabic.stem import stem, strip_prefix, strip_suffix


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("والمفاوضات", "مفاوضات"),
        ("بالاتفاق", "اتفاق"),
        ("للشعب", "شعب"),
        ("فالحكومة", "حكومة"),
        ("ولد", "ولد"),
    ],
)
def test_stem_strip_prefix_removes_one_proclitic_cluster(word: str, bare: str) -> None:
    assert strip_prefix(word) == bare


@pytest.mark.parametrize(
    ("word", "bare"),
    [("اتفاقيات", "اتفاقي"), ("حكومتها", "حكوم"), ("مواقفهم", "مواقف"), ("قال", "قال")],
)
def test_stem_strip_suffix_removes_one_suffix_keeping_three_letters(word: str, bare: str) -> None:
    assert strip_suffix(word) == bare


@pytest.mark.parametrize(
    "words",
    [
        ("المفاوضات", "مفاوضات", "والمفاوضات"),
        ("استقرار", "الاستقرار", "مستقرة"),
        ("انسحابه", "انسحاب", "بانسحاب"),
        ("حكومتها", "الحكومة", "حكومتهم"),
    ],
)
def test_stem_inflections_of_one_word_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem(key(word)) for word in words}) == 1


@pytest.mark.parametrize(("first", "second"), [("المدارس", "المدافع"), ("الجيش", "الشعب"), ("سلام", "سلاح")])
def test_stem_different_words_keep_different_stems(first: str, second: str) -> None:
    assert stem(key(first)) != stem(key(second))
