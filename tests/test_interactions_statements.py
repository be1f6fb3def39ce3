"""Interactions carried by statements (kg/stages/interactions.py): the speaker of a statement is
the agent and its content names the target; each links back to its statement (``derived_from``).
Sentences are quoted from the news-bench article whose id is given. In 250 news-bench politics
articles holding يتحمل المسؤولية or مسؤول عن, :func:`content_responsibility` gave 63 interactions."""

from __future__ import annotations

import pytest

from kg.model import Interaction
from tests.test_interactions_news import run_on, triples

RUSSIA = {
    "بريطانيا": ("GPE", "uk", "name"),
    "روسيا": ("GPE", "russia", "name"),
    "موسكو": ("GPE", "moscow", "name"),
    "الخارجية الأميركية": ("ORG", "us_state_department", "name"),
}


def carried(found: list[Interaction], kind: str) -> list[Interaction]:
    return [i for i in found if i.type == kind and i.derived_from]


def test_interactions_statements_bears_responsibility_is_held_responsible() -> None:
    # ant:FR-internationalNews-1750-20180611; X يتحمل (كامل|بعض)? المسؤولية in 114 news-bench
    # politics sentences
    text = (
        "كبير المستشارين الاقتصاديين في البيت الأبيض لاري كادلو قال الأحد إن رئيس الوزراء الكندي "
        'جاستن ترودو يتحمل مسؤولية فشل قمة مجموعة السبع لأنه "طعننا في الظهر".'
    )
    names = {"لاري كادلو": ("PERSON", "kudlow", "name"), "جاستن ترودو": ("PERSON", "trudeau", "name")}
    found = run_on(text, names)
    assert ("hold_responsible", "kudlow", "trudeau") in triples(found)
    (item,) = carried(found, "hold_responsible")
    assert item.derived_from and item.derived_from.startswith(item.doc_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:BB-internationalNews-261-20180331: X مسؤولة عن (indefinite, predicative)
        (
            "وتقول بريطانيا إن روسيا مسؤولة عن تسميم سكريبال وابنته باستخدام غاز الأعصاب في الرابع "
            "من مارس/آذار.",
            ("hold_responsible", "uk", "russia"),
        ),
        # ant:SK-internationalNews-677-20180329: X هي المسؤولة عن
        (
            'وشددت الخارجية الأميركية على أن روسيا هي المسؤولة عن "الهجوم الشنيع" في بريطانيا، في '
            "إشارة إلى محاولة اغتيال الجاسوس الروسي السابق وابنته بغاز سام.",
            ("hold_responsible", "us_state_department", "russia"),
        ),
    ],
)
def test_interactions_statements_responsible_for(text: str, expected: tuple[str, str, str]) -> None:
    found = run_on(text, RUSSIA)
    assert expected in triples(carried(found, "hold_responsible"))


@pytest.mark.parametrize(
    "text",
    [
        # ant:SK-internationalNews-234-20180309: supposed, not asserted
        "وقالت بريطانيا إنها سترد بقوة إذا أكدت الأدلة أن روسيا مسؤولة عن محاولة القتل.",
    ],
)
def test_interactions_statements_undercut_blame_is_none(text: str) -> None:
    assert not carried(run_on(text, RUSSIA), "hold_responsible")


def test_interactions_statements_past_verb_in_a_quote_keeps_its_subject() -> None:
    # ant:BB-middleEast-949-20180903: التقى (past) is not ألتقي "I meet": the agency that reports
    # it is not its agent
    text = (
        "وذكرت وكالة الجمهورية الإسلامية الإيرانية أن رئيس الوزراء السوري عماد خميس التقى أيضا ظريف "
        "الاثنين وأبلغه أن سوريا ستبدأ إعادة الإعمار بمساعدة شركات إيرانية وروسية."
    )
    names = {
        "وكالة الجمهورية الإسلامية الإيرانية": ("ORG", "irna", "name"),
        "عماد خميس": ("PERSON", "khamis", "name"),
        "ظريف": ("PERSON", "zarif", "name"),
    }
    found = triples(run_on(text, names))
    assert ("meeting", "khamis", "zarif") in found
    assert not any(agent == "irna" for _, agent, _ in found)
