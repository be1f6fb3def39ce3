"""The speaker's own side as the target of an attack or of sanctions (kg/stages/interactions.py, the
block of issue 22): "our" nouns (قواتنا، جنودنا، بلادنا) in a quote and "his country" (بلاده) in
reported speech stand for the state the speaker speaks for. Each case is a sentence quoted from the
news-bench article whose id is given (evaluation articles excluded)."""

from __future__ import annotations

import pytest

from kg.arabic.normalize import key
from kg.model import Role
from kg.stages import attribute, interactions
from kg.stages.docview import DocView
from tests.test_attribute import make_corpus
from tests.test_interactions_news import run_on, triples

# ant:FR-internationalNews-1385-20180522: sanctions on "his country" in Maduro's reported words
VENEZUELA = {
    "نيكولاس مادورو": ("PERSON", "maduro", "name"),
    "فنزويلا": ("GPE", "venezuela", "name"),
    "واشنطن": ("GPE", "washington", "name"),
    "كراكاس": ("GPE", "caracas", "name"),
}
VENEZUELA_TEXT = (
    "أعلن الرئيس الفنزويلي نيكولاس مادورو الثلاثاء طرد القائم بالأعمال الأمريكي في كراكاس، أعلى "
    "موظف دبلوماسي يمثل واشنطن، بعدما فرضت الأخيرة عقوبات اقتصادية جديدة على بلاده غداة إعادة "
    "انتخابه الأحد."
)
# ant:JA-internationalNews-946-20160612: "our forces" in the quote of a spokesman of Libya's forces
LIBYA = {
    "عيسى": ("PERSON", "issa", "name"),
    "ليبيا": ("GPE", "libya", "name"),
    "تنظيم داعش": ("ORG", "isis", "name"),
    "سرت": ("GPE", "sirte", "name"),
}
LIBYA_TEXT = (
    'وقال عيسى: "وقعت 3 تفجيرات بسيارات مفخخة يقودها انتحاريون من تنظيم داعش الارهابي استهدفت '
    'قواتنا في سرت" مضيفاً أن "هناك إصابات في صفوف القوات".'
)


def with_role(text: str, names: dict, person: str, org: str) -> set[tuple[str, str, str]]:
    """The interactions of ``text`` when ``person`` holds an office of ``org``."""
    corpus = make_corpus(text, names)
    corpus = corpus.replace(roles=(Role("d1", person, "المتحدث", org),))
    return triples(list(interactions.run(attribute.run(corpus)).interactions))


@pytest.mark.parametrize(
    ("word", "expected"),
    [("جنودنا", True), ("ولقواتنا", True), ("بلادنا", True), ("قواتها", False), ("جنود", False)],
)
def test_interactions_our_side_word(word: str, expected: bool) -> None:
    assert interactions._our_side_word(key(word)) is expected


@pytest.mark.parametrize(("word", "gender"), [("بلاده", "m"), ("لبلادها", "f"), ("بلادنا", ""), ("بلد", "")])
def test_interactions_his_country_gender(word: str, gender: str) -> None:
    assert interactions._his_country_gender(key(word)) == gender


def test_interactions_his_country_is_the_speakers_state() -> None:
    assert ("other", "washington", "venezuela") in with_role(VENEZUELA_TEXT, VENEZUELA, "maduro", "venezuela")


def test_interactions_his_country_needs_the_speakers_state() -> None:
    assert not any(t == "venezuela" for _, _, t in triples(run_on(VENEZUELA_TEXT, VENEZUELA)))


def _our_side(text: str, names: dict, person: str, org: str) -> list[tuple[str, str]]:
    """The "our" actors of the first sentence of ``text`` with ``person`` holding an office of ``org``."""
    corpus = make_corpus(text, names)
    corpus = attribute.run(corpus.replace(roles=(Role("d1", person, "المتحدث", org),)))
    view = DocView(corpus.documents[0], corpus, list(corpus.mentions))
    found = interactions.our_side_actors(view, list(corpus.statements), 0)
    return [(actor.entity, actor.mention.surface) for actor in found]


def test_interactions_our_forces_are_the_speakers_state() -> None:
    assert _our_side(LIBYA_TEXT, LIBYA, "issa", "libya") == [("libya", "قواتنا")]


def test_interactions_our_side_is_no_target_outside_a_quote() -> None:
    # the same words without the quote: "قواتنا" has no speaker to stand for
    text = LIBYA_TEXT.replace('وقال عيسى: "', "").replace('"', "")
    assert _our_side(text, LIBYA, "issa", "libya") == []


def test_interactions_his_country_of_support_is_left_out() -> None:
    # ant:SK-internationalNews-1885-20180531: بلاده after دعم is Russia, the one who supports
    text = (
        "وأكد وزير الخارجية الروسية للزعيم الكوري دعم بلاده للسلام والتقدم في شبه الجزيرة الكورية، "
        "وتقدير موسكو للإعلان الذي وقعته بيونغيانغ وجارتها الجنوبية."
    )
    names = {
        "وزير الخارجية الروسية": ("PERSON", "lavrov", "name"),
        "الزعيم الكوري": ("PERSON", "kim", "name"),
        "موسكو": ("GPE", "moscow", "name"),
    }
    assert not any(t == "moscow" for _, _, t in triples(run_on(text, names)))


def test_interactions_a_town_is_not_his_country() -> None:
    # ant:BB-middleEast-336-20180412: بلدة "town" folds to the key of بلده "his country"
    text = (
        "قال الرئيس الفرنسي، إيمانويل ماكرون، إن بلاده لديها الدليل على أن الحكومة السورية هي التي "
        "نفذت الهجوم الكيميائي على بلدة دوما الأسبوع الماضي."
    )
    names = {
        "إيمانويل ماكرون": ("PERSON", "macron", "name"),
        "الفرنسي": ("GPE", "france", "adjective"),
        "الحكومة السورية": ("ORG", "syrian_government", "name"),
    }
    assert ("attack", "syrian_government", "france") not in triples(run_on(text, names))


def test_interactions_assault_verb_is_an_attack() -> None:
    # ant:SK-sport-954-20180501: اعتدى على, the trigger row added for اعتدى على جنودنا
    text = "وأظهرت لقطات صلاح يعتدي على إندي، لكن حكم اللقاء أندري مارينر لم ير الواقعة."
    names = {"صلاح": ("PERSON", "salah", "name"), "إندي": ("PERSON", "indi", "name")}
    assert ("attack", "salah", "indi") in triples(run_on(text, names))
