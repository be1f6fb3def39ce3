"""Attacks stated as a purpose (kg/stages/interactions.py, the block of issue 22): the subject of a
means verb (استخدم، استغل، أطلق …) attacks the object of the لـ + attack verbal noun after it, and
the speaker of reported content accuses that subject. Each case is a sentence quoted from the
news-bench article whose id is given (662 news-bench articles hold such a verbal noun, evaluation
articles excluded)."""

from __future__ import annotations

import pytest

from tests.test_interactions_news import run_on, triples

SYRIA = {
    "وزارة الخارجية السورية": ("ORG", "syria_mfa", "name"),
    "الولايات المتحدة": ("GPE", "usa", "name"),
    "سوريا": ("GPE", "syria", "name"),
}
# ant:BB-middleEast-330-20180411: the subject before a present means verb, the object named
SYRIA_TEXT = (
    "وقالت وزارة الخارجية السورية إن الولايات المتحدة تستخدم الفبركات والأكاذيب كذريعة لاستهداف سوريا."
)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            SYRIA_TEXT,
            SYRIA,
            ("attack", "usa", "syria"),
        ),
        # ant:CN-middleEast-1002-20180522: استغل, the subject at the head of a clause after أن
        (
            "وتطرق البيان أيضا للصواريخ الإيرانية التي أُطلقت من سوريا باتجاه إسرائيل، معتبرا أن إيران "
            "تستغل وجودها في سوريا لاستهداف إسرائيل وليس لإحلال السلام.",
            {
                "إيران": ("GPE", "iran", "name"),
                "إسرائيل": ("GPE", "israel", "name"),
                "سوريا": ("GPE", "syria", "name"),
            },
            ("attack", "iran", "israel"),
        ),
        # saudinewsnet:2015-07-31:833: the subject after the verb; the target the genitive of مواقع
        (
            "والحادث هو الأخير في سلسة هجمات جاءت بعدما أطلقت تركيا حملة جوية لقصف مواقع لتنظيم الدولة "
            "الإسلامية في سوريا ولحزب العمال الكردستاني في شمال العراق.",
            {"تركيا": ("GPE", "turkey", "name"), "تنظيم الدولة الإسلامية": ("ORG", "isis", "name")},
            ("attack", "turkey", "isis"),
        ),
    ],
)
def test_interactions_purpose_attack(text: str, names: dict, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_purpose_speaker_accuses_the_attacker() -> None:
    # ant:BB-middleEast-330-20180411: the Syrian ministry says the US uses lies to target Syria
    assert ("accuse", "syria_mfa", "usa") in triples(run_on(SYRIA_TEXT, SYRIA))


def test_interactions_purpose_future_use_is_no_attack() -> None:
    # ant:SK-middleEast-270-20180313: سوف تستخدمها: a use foretold, no attack done
    text = (
        "وأوضح رئيس الأركان العامة للقوات المسلحة الروسية أن المسلحين في الغوطة الشرقية يخططون "
        "لتمثيل هجمة كيماوية، والتي سوف "
        "تستخدمها الولايات المتحدة حجة لضرب دمشق."
    )
    names = {"الولايات المتحدة": ("GPE", "usa", "name"), "دمشق": ("GPE", "damascus", "name")}
    assert not any(t[0] == "attack" for t in triples(run_on(text, names)))
