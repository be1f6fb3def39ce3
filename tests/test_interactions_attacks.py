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
