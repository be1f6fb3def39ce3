"""Stances said with nouns (kg/stages/interactions.py, the block of issue 22): disappointment felt at
or regret for an actor's act condemns that actor. Each case is a sentence quoted from the news-bench
article whose id is given (counts of news-bench sentences are in the rules' comments). On all of
news-bench, evaluation articles excluded, felt_disappointment_pairs adds 4 condemnations and
regretted_decision_pairs 8, all 12 hand-checked right."""

from __future__ import annotations

import pytest

from tests.test_interactions_news import run_on, triples

CHINA = {
    "الصين": ("GPE", "china", "name"),
    "واشنطن": ("GPE", "washington", "name"),
    "دونالد ترمب": ("PERSON", "trump", "name"),
    "بكين": ("GPE", "beijing", "name"),
}


# felt_disappointment_pairs: X تشعر بخيبة أمل إزاء|من|لـ [قرار] Y
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:AL-economy-294-20180323: the subject before the verb, past an opening quote
        (
            'قالت السفارة الصينية في واشنطن إن الصين "تشعر بخيبة أمل قوية" إزاء قرار الرئيس الأميركي '
            "دونالد ترمب إطلاق عقوبات تجارية ضد بكين",
            CHINA,
            ("condemn", "china", "trump"),
        ),
    ],
)
def test_interactions_stances_felt_disappointment(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_stances_disappointment_without_actor_is_none() -> None:
    # ant:FR-internationalNews-2373-20180718: disappointment at a hearing's outcome blames no actor
    text = 'صرح القائم بالأعمال الأمريكي في أنقرة فيليب كوسنت "نشعر بخيبة أمل من نتيجة جلسة اليوم".'
    names = {"فيليب كوسنت": ("PERSON", "kosnett", "name"), "أنقرة": ("GPE", "ankara", "name")}
    assert not {t for t in triples(run_on(text, names)) if t[0] == "condemn"}


# regretted_decision_pairs: X تأسف|أعرب عن أسفه لـ(قرار|موقف|خطوة|فيتو) Y
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:SK-internationalNews-1790-20180526: تشعر بالأسف، the decision's genitive
        (
            "وقال إن كوريا الشمالية تشعر بالأسف لقرار ترامب إلغاء القمة، وإنها تظل منفتحة على حل المشكلات",
            {"كوريا الشمالية": ("GPE", "north_korea", "name"), "ترامب": ("PERSON", "trump", "name")},
            ("condemn", "north_korea", "trump"),
        ),
        # ant:FR-internationalNews-1917-20180620: the verb's subject after it
        (
            'من جهتها، أسفت منظمة "هيومن رايتس ووتش" لقرار واشنطن، معتبرة أنه "سيضع البلد على هامش '
            'المبادرات الدولية المصيرية"',
            {"هيومن رايتس ووتش": ("ORG", "hrw", "name"), "واشنطن": ("GPE", "washington", "name")},
            ("condemn", "hrw", "washington"),
        ),
        # ant:SK-middleEast-1005-20180413: عبر … عن الأسف، the veto's gentilic
        (
            'وأوضحت الرئاسة الفرنسية أن ماكرون عبر في الاتصال الهاتفي عن "الأسف للفيتو الروسي الجديد في '
            'مجلس الأمن الذي منع ردا موحدا وحازما"',
            {"ماكرون": ("PERSON", "macron", "name"), "الروسي": ("GPE", "russia", "adjective")},
            ("condemn", "macron", "russia"),
        ),
    ],
)
def test_interactions_stances_regretted_decision(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_stances_regret_for_a_death_is_none() -> None:
    # ant:AL-internationalNews-1869-20180709: regret for a victim's death does not condemn the
    # victim's country (no decision noun after لـ, and the verb is cut off by the comma)
    text = "عبر الكرملين، اليوم الاثنين، عن أسفه لوفاة بريطانية بعد تعرضها لغاز أعصاب"
    names = {"الكرملين": ("ORG", "kremlin", "name"), "بريطانية": ("GPE", "uk", "adjective")}
    assert ("condemn", "kremlin", "uk") not in triples(run_on(text, names))
