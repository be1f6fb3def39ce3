"""kg.arabic.normalize: matching keys make spelling variants meet, offsets map back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.arabic.normalize import key, normalize, normalize_with_map


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("سورية", "سوريه"),
        ("الأميركية", "الاميركيه"),
        ("إسرائيل", "اسرائيل"),
        ("مصطفى", "مصطفي"),
        ("مسؤول", "مسوول"),
        ("سُورِيَّة", "سورية"),
        ("الـعـربية", "العربية"),
    ],
)
def test_normalize_variants_share_a_key(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_normalize_keeps_distinct_names_apart() -> None:
    assert key("روسيا") != key("روسية")  # ا vs ة are not folded together


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
        | st.sampled_from(" .،\u0640\u200f")
    )
)
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" a\u0640\u200f")
    )
)
def test_normalize_offset_map_points_back_to_original(text: str) -> None:
    normalized, to_orig = normalize_with_map(text)
    assert len(to_orig) == len(normalized) + 1
    assert to_orig[-1] == len(text)
    for i, char in enumerate(normalized):
        assert normalize(text[to_orig[i]]) == char
    assert list(to_orig) == sorted(to_orig)
