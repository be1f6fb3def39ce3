"""Atrocities named by a noun with a relative clause of doing (kg/stages/interactions.py, the block
of issue 22): the doer attacks the party the atrocity was done to. Each case is a sentence quoted
from the news-bench article whose id is given (counts of news-bench sentences are in the rules' comments)."""

from __future__ import annotations

import pytest

from tests.test_interactions_news import run_on, triples

ISRAEL = {
    "إسرائيل": ("GPE", "israel", "name"),
    "الإسرائيليون": ("GPE", "israel", "adjective"),
    "الفلسطينيين": ("GPE", "palestine", "adjective"),
}


# atrocity_done_to_pairs: <atrocity noun> التي <doing verb> X بحق Y / ضد <victims> في Y
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:AL-internationalNews-771-20180403: the party after بحق
        (
            "طالب مجلس #جامعة_الدول_العربية بتحقيق دولي عاجل في الجرائم التي ارتكبتها #إسرائيل بحق "
            "الفلسطينيين خلال #أحداث_مسيرة_العودة.",
            ISRAEL,
            ("attack", "israel", "palestine"),
        ),
        # saudinewsnet:2015-08-02:437: the doer a gentilic standing alone
        (
            "ومع هذا ستمر مثلها مثل كل الجرائم السابقة التي ارتكبها الإسرائيليون بحق الفلسطينيين بسبب واحد",
            ISRAEL,
            ("attack", "israel", "palestine"),
        ),
        # ant:BB-middleEast-273-20180401: the victims are no actor, the place after them is
        (
            "ويهدف بالدرجة الأولى إلى إشاحة النظر عن المجازر التي ترتكبها السعودية ضد المدنيين في اليمن، "
            "وكذلك لإرضاء إسرائيل",
            {"السعودية": ("GPE", "saudi", "name"), "اليمن": ("GPE", "yemen", "name"), **ISRAEL},
            ("attack", "saudi", "yemen"),
        ),
    ],
)
def test_interactions_atrocities_done_to(text: str, names: dict, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_atrocities_without_doer_is_none() -> None:
    # saudinewsnet:2015-08-06:3010: a passive verb (ترتكب) names no doer, Israel before is not it
    text = (
        "الاغتيالات التي تقوم بها إسرائيل، بالإضافة إلى الحصار والإغلاق وتهجير الفلسطينيين والتطهير "
        "العرقي، والجرائم التي ترتكب بحق الشعب الفلسطيني"
    )
    names = {"إسرائيل": ("GPE", "israel", "name"), "الفلسطيني": ("GPE", "palestine", "adjective")}
    assert ("attack", "israel", "palestine") not in triples(run_on(text, names))
