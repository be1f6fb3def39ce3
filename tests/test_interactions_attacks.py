"""The attacks block of kg/stages/interactions.py (issue 22): attacks said with verbal nouns, each
tested on a sentence quoted from the news-bench article whose id is given (counts of news-bench
paragraphs are in the rule's comment)."""

from __future__ import annotations

import pytest

from tests.test_interactions_news import run_on, triples

ISRAEL = {"إسرائيل": ("GPE", "israel", "name"), "الفلسطينيين": ("GPE", "palestine", "adjective")}


@pytest.mark.parametrize(
    "text",
    [
        # ant:SK-middleEast-1802-20180518; استخدام X + force or weapon + ضد in 27 paragraphs
        "قرار قدمته الكويت، الجمعة، يدعو إلى إرسال بعثة حماية دولية إلى قطاع غزة، ويدين استخدام "
        "إسرائيل للعنف ضد الفلسطينيين.",
        # ant:FR-internationalNews-1799-20180614: the force with its adjective (القوة المفرطة)
        "صوتت الأمم المتحدة الأربعاء بأغلبية كبيرة على مشروع قرار يدين استخدام إسرائيل القوة المفرطة "
        "ضد المدنيين الفلسطينيين في قطاع غزة.",
    ],
)
def test_interactions_attacks_force_used_against(text: str) -> None:
    assert ("attack", "israel", "palestine") in triples(run_on(text, ISRAEL))


def test_interactions_attacks_force_ruled_out_is_none() -> None:
    # ant:FR-internationalNews-1568-20180601: تستبعد استخدام: the use is ruled out, not done
    text = 'صحيفة "العرب" ورغم هذه التهديدات تستبعد استخدام الجيش للقوة ضد الأكراد.'
    names = {"الجيش": ("ORG", "army", "name"), "الأكراد": ("GPE", "kurds", "adjective")}
    assert not any(t[0] == "attack" for t in triples(run_on(text, names)))


def test_interactions_attacks_force_without_against_is_none() -> None:
    # ant:BB-middleEast-314-20180408: the use of live fire in a place names no one attacked after ضد
    text = "ويزداد الاحتجاج على استخدام إسرائيل الرصاص الحي في قطاع غزة، حيث قتل نحو ثلاثين فلسطينيا."
    names = {"إسرائيل": ("GPE", "israel", "name"), "قطاع غزة": ("GPE", "gaza", "name")}
    assert ("attack", "israel", "gaza") not in triples(run_on(text, names))


def test_interactions_attacks_convicted_is_no_condemnation() -> None:
    # ant:SK-internationalNews-496-20180321: أدين is the passive "was convicted" (161 paragraphs)
    text = (
        "ولا يعد ساركوزي أول رئيس فرنسي تستجوبه الشرطة بعد تركه منصبه، إذ سبق أن أدين الرئيس الأسبق "
        "جاك شيراك في عام 2011 بعد تقاعده بسوء استغلال أموال عامة للإبقاء على حلفاء سياسيين في وظائف وهمية."
    )
    names = {"ساركوزي": ("PERSON", "sarkozy", "name"), "جاك شيراك": ("PERSON", "chirac", "name")}
    assert not any(t[0] == "condemn" for t in triples(run_on(text, names)))


def test_interactions_attacks_owed_is_no_condemnation() -> None:
    # ant:SK-sport-170-20180228: يدين X بفوزه إلى Y "X owes its win to Y" (36 paragraphs)
    text = (
        "ويدين يوفنتوس بفوزه إلى البوسني ميراليم بيانيتش الذي سجل الهدف الوحيد من ركلة جزاء في ربع "
        "الساعة الأخير."
    )
    names = {
        "يوفنتوس": ("ORG", "juventus", "name"),
        "البوسني": ("GPE", "bosnia", "adjective"),
        "ميراليم بيانيتش": ("PERSON", "pjanic", "name"),
    }
    assert not any(t[0] == "condemn" for t in triples(run_on(text, names)))


def test_interactions_attacks_condemnation_with_towards_is_kept() -> None:
    # ant:SK-middleEast-2592-20180625: باتجاه is no owed object, the condemnation stands
    text = 'وقال بيان للوزارة إن "الولايات المتحدة تدين إطلاق الحوثيين لصاروخين باتجاه الرياض".'
    names = {"الولايات المتحدة": ("GPE", "us", "name"), "الحوثيين": ("ORG", "houthis", "name")}
    assert ("condemn", "us", "houthis") in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "wrong"),
    [
        # ant:BB-middleEast-341-20180413: France after مع is a partner, not the target of the strikes
        (
            "وألغى ترامب جولة خارجية كان من المقرر أن يقوم بها، لانشغاله بحشد التأييد لضربات جوية "
            "لسوريا مع زعماء فرنسا وبريطانيا.",
            {
                "ترامب": ("PERSON", "trump", "name"),
                "سوريا": ("GPE", "syria", "name"),
                "فرنسا": ("GPE", "france", "name"),
                "بريطانيا": ("GPE", "uk", "name"),
            },
            ("attack", "syria", "france"),
        ),
        # ant:CN-middleEast-56-20180221: the Turkish regime is the genitive of a second attack noun
        (
            "للمساهمة في دعم الأهالي المدافعين عن قراهم ومنازلهم ضد هجمات إرهابيي داعش وعدوان النظام "
            "التركي ومرتزقته من التنظيمات الإرهابية التكفيرية.",
            {"داعش": ("ORG", "isis", "name"), "النظام التركي": ("ORG", "turkish_regime", "name")},
            ("attack", "isis", "turkish_regime"),
        ),
    ],
)
def test_interactions_attacks_no_object_after_preposition_or_conjunct(
    text: str, names: dict, wrong: tuple[str, str, str]
) -> None:
    assert wrong not in triples(run_on(text, names))
