"""Urging, demanding and blame phrases (issue 22): each construction tested on a sentence quoted
from the news-bench article whose id is given."""

from __future__ import annotations

from tests.test_interactions_news import run_on, triples

NAMES = {
    "مجلس الأمن": ("ORG", "unsc", "name"),
    "الأمم المتحدة": ("ORG", "un", "name"),
    "الحوثيين": ("ORG", "houthis", "name"),
    "جيم أبو ملحة": ("PERSON", "boumelha", "name"),
    "الاتحاد الدولي للصحفيين": ("ORG", "ifj", "name"),
}


def test_interactions_urging_resolution_urges_the_relative_clause_object() -> None:
    # saudinewsnet:2015-07-21:1816
    text = (
        "وذكر جيم أبو ملحة رئيس الاتحاد الدولي للصحفيين بقرار مجلس الأمن رقم 2222 الذي يدعو "
        "المتمردين الحوثيين إلى ضرورة احترام عمل رجال الإعلام بشكل تام."
    )
    assert ("urge", "unsc", "houthis") in triples(run_on(text, NAMES))


def test_interactions_urging_group_noun_object_is_the_organisation_named_before() -> None:
    # saudinewsnet:2015-07-31:1910
    text = (
        "جاء طلب السفير اليمني في الأمم المتحدة من مجلس الأمن «ممارسة المزيد من الضغط على المتمردين "
        "الحوثيين كي يحترموا قرار الأمم المتحدة 2216» الذي يطالب المليشيات بالانسحاب من الأراضي التي "
        "احتلوها في سبتمبر."
    )
    assert ("urge", "un", "houthis") in triples(run_on(text, NAMES))


def test_interactions_urging_resolution_without_a_named_issuer_urges_nobody() -> None:
    # ant:SK-middleEast-528-20180325: no body is named for القرار, so no agent is guessed
    text = "وهو القرار الذي طالب جماعة الحوثيين بسحب مسلحيها من المؤسسات الحكومية."
    assert not [t for t in triples(run_on(text, NAMES)) if t[0] == "urge"]


def test_interactions_urging_relative_clause_of_another_noun_is_no_resolution() -> None:
    # saudinewsnet:2015-07-21:1816 with the resolution word taken out: the clause's antecedent is
    # then the federation, whose relative clause this rule does not read
    text = "وذكر جيم أبو ملحة رئيس الاتحاد الدولي للصحفيين الذي يدعو المتمردين الحوثيين إلى ضرورة احترام."
    assert ("urge", "unsc", "houthis") not in triples(run_on(text, NAMES))
