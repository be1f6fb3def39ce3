"""Support declared with the noun of solidarity (``solidarity_pairs`` in kg/stages/interactions.py),
each case quoted from the news-bench article whose id is given."""

from __future__ import annotations

import pytest

from tests.test_interactions_news import run_on, triples

NAMES = {
    "تونس": ("GPE", "tunisia", "name"),
    "العراق": ("GPE", "iraq", "name"),
    "السودان": ("GPE", "sudan", "name"),
    "المملكة العربية السعودية": ("GPE", "saudi_arabia", "name"),
    "دولة قطر": ("GPE", "qatar", "name"),
    "الجمهورية التركية": ("GPE", "turkey", "name"),
    "مجلس التعاون الخليجي": ("ORG", "gcc", "name"),
    "المغرب": ("GPE", "morocco", "name"),
    "بريطانيا": ("GPE", "uk", "name"),
    "جامعة الدول العربية": ("ORG", "arab_league", "name"),
    "المملكة المغربية": ("GPE", "morocco", "name"),
    "إيران": ("GPE", "iran", "name"),
    "روسيا": ("GPE", "russia", "name"),
}


def found(text: str) -> set[tuple[str, str, str]]:
    return triples(run_on(text, NAMES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:JA-localNews-1462-20170217: the declarer before the verb's object, تضامنها
        (
            "وجددت تونس تضامنها مع العراق ودعمها للجهود التي يبذلها لمواجهة ظاهرة الإرهاب.",
            ("support", "tunisia", "iraq"),
        ),
        # ant:SK-middleEast-3888-20181015: a state with a masculine pronoun
        (
            "أعلن السودان تضامنه مع المملكة العربية السعودية، بسبب ما تتعرض له من محاولات بعض القوى الدولية.",
            ("support", "sudan", "saudi_arabia"),
        ),
        # saudinewsnet:2015-08-06:369: a bare تضامن, its genitive the declarer, a degree word before مع
        (
            "وأكدت الخارجية القطرية أن البيان لم يتم التشاور حوله، مشددة على «تضامن دولة قطر الكامل"
            " مع الجمهورية التركية الشقيقة فيما تتخذه من إجراءات»",
            ("support", "qatar", "turkey"),
        ),
        # ant:FR-internationalNews-1051-20180503: عبر X عن تضامنه inside a reported clause
        (
            "وذكرت محطة تلفزيونية أن مجلس التعاون الخليجي عبر عن تضامنه مع المغرب وقال إنه يندد بتدخل إيران.",
            ("support", "gcc", "morocco"),
        ),
    ],
)
def test_interactions_solidarity_declared_is_support(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_interactions_solidarity_with_a_decision_names_no_target() -> None:
    """ant:SK-middleEast-3641-20180911 (shortened): solidarity with Morocco's decision to cut ties
    with Iran is no support of Iran, and the decision is no actor of its own."""
    text = "وعبرت جامعة الدول العربية عن تضامنها مع قرار المملكة المغربية بقطع علاقاتها الدبلوماسية مع إيران."
    assert not {t for t in found(text) if t[0] == "support"}


def test_interactions_solidarity_adverbial_is_left_out() -> None:
    """ant:BB-internationalNews-255-20180330: تضامنا مع after an expulsion has the expelling
    states as agent; the expelled Russians are no agent of solidarity with Britain."""
    text = "طردت 29 دولة 145 مسؤولا روسيا تضامنا مع بريطانيا، كما أمر حلف شمال الأطلسي أيضا بطرد عشرة روس."
    assert not {t for t in found(text) if t[0] == "support"}
