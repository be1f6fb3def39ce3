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


BLAME_NAMES = {
    "روسيا": ("GPE", "russia", "name"),
    "إسرائيل": ("GPE", "israel", "name"),
    "حزب العمال الكردستاني": ("ORG", "pkk", "name"),
    "تركيا": ("GPE", "turkey", "name"),
    "تنظيم الدولة الإسلامية": ("ORG", "isis", "name"),
}


def test_interactions_urging_laying_blame_on_holds_responsible() -> None:
    # ant:BB-middleEast-1049-20181003; ألقى/يلقي باللوم|باللائمة على in 150 news-bench sentences
    text = "وألقت روسيا باللائمة على إسرائيل في هذا الحادث."
    assert ("hold_responsible", "russia", "israel") in triples(run_on(text, BLAME_NAMES))


def test_interactions_urging_passive_blame_names_no_blamer() -> None:
    # saudinewsnet:2015-07-22:1339: ألقي (written ي) is the passive; the party claims the killing,
    # someone else blamed the bombing
    text = (
        "أعلن حزب العمال الكردستاني مسؤوليته عن قتل ضابطي شرطة في جنوب شرق تركيا اليوم الأربعاء قائلا "
        "إنه جاء انتقاما لتفجير انتحاري ألقي باللوم فيه على تنظيم الدولة الإسلامية وأسفر عن مقتل 32 شخصا."
    )
    assert not [t for t in triples(run_on(text, BLAME_NAMES)) if t[0] == "hold_responsible"]
