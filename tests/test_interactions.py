"""Tests for the interactions stage: calls, meetings, urging, attacks, suspensions."""

from __future__ import annotations

import pytest

from kg.stages import attribute, interactions
from tests.test_attribute import make_corpus

NAMES = {
    "جان دوران": ("PERSON", "duran", "name"),
    "أحمد سالم": ("PERSON", "salem", "name"),
    "ليلى حسن": ("PERSON", "layla", "name"),
    "القوات الحكومية": ("ORG", "gov_forces", "name"),
    "درعا": ("GPE", "daraa", "name"),
    "فرنسا": ("GPE", "france", "name"),
    "مصر": ("GPE", "egypt", "name"),
    "الروسية": ("GPE", "russia", "adjective"),
}


def found(text: str) -> set[tuple[str, str, str]]:
    corpus = attribute.run(make_corpus(text, NAMES))
    corpus = interactions.run(corpus)
    return {(i.type, i.agent, i.target) for i in corpus.interactions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتحدث أحمد سالم هاتفيا مع جان دوران مساء أمس.", ("phone_call", "salem", "duran")),
        ("واجتمع أحمد سالم مع ليلى حسن في باريس.", ("meeting", "salem", "layla")),
        ("وحث أحمد سالم جان دوران على دعم الحل السياسي.", ("urge", "salem", "duran")),
        ("وأدانت فرنسا الهجوم الذي شنته القوات الحكومية على درعا.", ("attack", "gov_forces", "daraa")),
        ("وطلب جان دوران من أحمد سالم تسليم الوثائق.", ("request", "duran", "salem")),
        ("وشنت الطائرات الروسية غارات على درعا.", ("attack", "russia", "daraa")),
        ("وعلقت مصر التعاون الأمني مع فرنسا.", ("suspend_cooperation", "egypt", "france")),
    ],
)
def test_interactions_found(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_interactions_threatened_suspension_is_not_an_event() -> None:
    assert not any(
        t == "suspend_cooperation" for t, _, _ in found("وباتت مصر على وشك تعليق التعاون مع فرنسا.")
    )


def test_interactions_one_per_type_agent_target() -> None:
    text = (
        "وتحدث أحمد سالم هاتفيا مع جان دوران. وخلال الاتصال الهاتفي بحث أحمد سالم هاتفيا مع جان دوران الأزمة."
    )
    corpus = interactions.run(attribute.run(make_corpus(text, NAMES)))
    calls = [i for i in corpus.interactions if i.type == "phone_call"]
    assert len(calls) == 1
    assert text[calls[0].evidence.start : calls[0].evidence.end]
