"""Interaction triggers added from a news-bench count (kg/resources/interaction_triggers.tsv), each
tested on a sentence quoted from the news-bench article whose id is given."""

from __future__ import annotations

import dataclasses

import pytest

from kg.arabic.normalize import key
from kg.model import Interaction
from kg.stages import attribute, interactions
from tests.test_attribute import make_corpus

NAMES = {
    "ترامب": ("PERSON", "trump", "name"),
    "الملك سلمان": ("PERSON", "salman", "name"),
    "دوتيرتي": ("PERSON", "duterte", "name"),
    "الكويت": ("GPE", "kuwait", "name"),
    "السلطات البريطانية": ("ORG", "uk_authorities", "name"),
    "أنجم تشودري": ("PERSON", "choudary", "name"),
    "موسكو": ("GPE", "moscow", "name"),
    "بكين": ("GPE", "beijing", "name"),
    "بوتين": ("PERSON", "putin", "name"),
}


# Moscow as resolve keys it: the capital, an actor and not a mere place
SEAT_OF_RUSSIA = {"moscow": {"key": "seat:موسكو"}}


def run_on(text: str, names: dict, fixed: dict[str, dict] | None = None) -> list[Interaction]:
    """The interactions of ``text`` with ``names`` tagged; ``fixed`` sets entity fields by id."""
    corpus = make_corpus(text, names)
    fixed = fixed or {}
    entities = tuple(dataclasses.replace(e, **fixed.get(e.entity_id, {})) for e in corpus.entities)
    return list(interactions.run(attribute.run(corpus.replace(entities=entities))).interactions)


def triples(found: list[Interaction]) -> set[tuple[str, str, str]]:
    return {(i.type, i.agent, i.target) for i in found}


def found(text: str) -> set[tuple[str, str, str]]:
    return triples(run_on(text, NAMES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:CN-middleEast-314-20180320; أشاد بـ in 1,113 news-bench paragraphs
        ("وأشاد ترامب بقرار الملك سلمان تعيين نجله وليا للعهد.", ("support", "trump", "salman")),
        # ant:AL-internationalNews-192-20180224; طالب in 3,172
        (
            "وطالب دوتيرتي ومسؤولون آخرون #الكويت بتعقب عساف وزوجته اللذين وظفا ديمافيليس.",
            ("urge", "duterte", "kuwait"),
        ),
        # ant:BB-internationalNews-1216-20181019; أفرج عن in 58
        (
            "أفرجت السلطات البريطانية عن الداعية المتشدد، أنجم تشودري، بعد قضاء عقوبة عامين في السجن.",
            ("other", "uk_authorities", "choudary"),
        ),
    ],
)
def test_interactions_news_trigger_found(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_interactions_news_dual_of_ministry_is_no_visit() -> None:
    # ant:BB-middleEast-307-20180408 "وتتفق وزارتا الدفاع والخارجية الأمريكيتان": two ministries,
    # not و + زارتا (the two visited); the other forms of زار stay triggers
    triggers = interactions.load_triggers()
    assert key("وزارتا") not in triggers
    assert triggers[key("وزار")].type == "meeting"


GENTILIC_NAMES = {
    "موسكو": ("GPE", "moscow", "name"),
    "الأمريكي": ("GPE", "united_states", "adjective"),
    "السعودية": ("GPE", "saudi_arabia", "adjective"),
    "سفر الحوالي": ("PERSON", "hawali", "name"),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:BB-internationalNews-252-20180329: the envoy's gentilic stands for his country
        ("واستدعت موسكو السفير الأمريكي لديها لإبلاغه بالقرار.", ("other", "moscow", "united_states")),
        # ant:BB-middleEast-729-20180713: السلطات السعودية acts for Saudi Arabia
        (
            "اعتقلت السلطات السعودية الداعية الإسلامي البارز الشيخ سفر الحوالي وثلاثة من أبنائه.",
            ("other", "saudi_arabia", "hawali"),
        ),
    ],
)
def test_interactions_news_gentilic_phrase_is_its_country(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run_on(text, GENTILIC_NAMES, SEAT_OF_RUSSIA))


def test_interactions_news_apposition_names_the_office_holder_as_agent() -> None:
    # ant:BB-internationalNews-634-20180611: the minister, not his country, receives Trump
    names = {
        "سنغافورة": ("GPE", "singapore", "name"),
        "فيفيان بالاكريشنان": ("PERSON", "balakrishnan", "name"),
        "ترامب": ("PERSON", "trump", "name"),
    }
    text = "واستقبل وزير خارجية سنغافورة، فيفيان بالاكريشنان، ترامب لدى وصوله إلى سنغافورة."
    pairs = triples(run_on(text, names))
    assert ("meeting", "balakrishnan", "trump") in pairs
    assert ("meeting", "singapore", "balakrishnan") not in pairs


def test_interactions_news_other_interaction_keeps_its_trigger() -> None:
    # ant:BB-internationalNews-252-20180329: a summons is `other`; its trigger says which
    text = "واستدعت موسكو السفير الأمريكي لديها لإبلاغه بالقرار."
    found = run_on(text, GENTILIC_NAMES, SEAT_OF_RUSSIA)
    assert [(i.type, i.trigger) for i in found] == [("other", "استدعى")]


def test_interactions_news_visit_to_a_place_is_no_meeting() -> None:
    # ant:AL-internationalNews-2011-20180721: a president visits a capital
    names = {
        "أبي": ("PERSON", "abiy", "name"),
        "أسمرة": ("GPE", "asmara", "name"),
        "إريتريا": ("GPE", "eritrea", "name"),
        "إسياس أفورقي": ("PERSON", "afwerki", "name"),
        "أديس أبابا": ("GPE", "addis_ababa", "name"),
    }
    text = "وزار أبي أسمرة، كما زار رئيس إريتريا، إسياس أفورقي، أديس أبابا، هذا الأسبوع."
    pairs = triples(run_on(text, names))
    assert ("other", "afwerki", "addis_ababa") in pairs
    assert not any(kind == "meeting" for kind, _, _ in pairs)


def test_interactions_news_a_state_does_not_act_on_its_own_seat() -> None:
    # ant:SK-internationalNews-399-20180317: the envoy in Moscow is summoned, not Moscow
    names = {
        "وزارة الخارجية الروسية": ("ORG", "russian_mfa", "name"),
        "البريطاني": ("GPE", "united_kingdom", "adjective"),
        "موسكو": ("GPE", "moscow", "name"),
    }
    text = 'واستدعت وزارة الخارجية الروسية السفير البريطاني في موسكو من أجل "اجتماع".'
    fixed = {
        "moscow": {"key": "seat:موسكو", "stands_for": "russia"},  # the capital of a Russia not named here
        "russian_mfa": {"country": "russia"},
    }
    pairs = triples(run_on(text, names, fixed))
    assert ("other", "russian_mfa", "united_kingdom") in pairs
    assert ("other", "russian_mfa", "moscow") not in pairs
