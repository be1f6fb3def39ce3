"""Accusations carried by what a speaker says (kg/stages/interactions.py, the block of issue 22):
an insulting description (وصف X Y بأنه …) and a killing in a state's mission. Each case is a
sentence quoted from the news-bench article whose id is given."""

from __future__ import annotations

import pytest

from kg.arabic.lexicons import word_class
from kg.arabic.normalize import key
from tests.test_interactions_news import run_on, triples

KIM = {"كيم": ("PERSON", "kim", "name"), "ترامب": ("PERSON", "trump", "name")}


# described_as_pairs: وصف X Y + بأنه/بـ + an insult of the class ``insults``; 1,100 descriptors
# after وصف in news-bench, the insults kept from their count (kg/resources/attribution_words.tsv)
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:BB-internationalNews-121-20180309: the describer after the verb
        (
            'ووصل السباب أوجه بين الرجلين، حينما وصف كيم ترامب بأنه "شخص خرِف"، في التاسع عشر من سبتمبر.',
            KIM,
            ("accuse", "kim", "trump"),
        ),
        # ant:SK-internationalNews-2625-20180714: the describer before a relative pronoun
        (
            'لترجيح كفة بطل الكريكت السابق عمران خان الذي وصف شريف بأنه "مجرم" لا يستحق الدعم.',
            {"عمران خان": ("PERSON", "khan", "name"), "شريف": ("PERSON", "sharif", "name")},
            ("accuse", "khan", "sharif"),
        ),
        # ant:CN-middleEast-1410-20181006: the insult two words after بأنها
        (
            'ووصف سلامي إسرائيل بأنها "الدمية السياسية" لأمريكا في المنطقة.',
            {"سلامي": ("PERSON", "salami", "name"), "إسرائيل": ("GPE", "israel", "name")},
            ("accuse", "salami", "israel"),
        ),
    ],
)
def test_interactions_said_blame_insulting_description_accuses(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # ant:SK-internationalNews-3116-20180903: praise is no accusation
        (
            'وفي وقت لاحق وصف أوباما دوتيرتي بأنه "رجل نابض بالحيوية"، وحثه على القيام بعمل جيد.',
            {"أوباما": ("PERSON", "obama", "name"), "دوتيرتي": ("PERSON", "duterte", "name")},
        ),
        # ant:BB-middleEast-855-20180804: the thing described (الحظر) is no actor
        (
            'ووصفت منظمة هيومان رايتس ووتش الحظر بأنه "عنصري".',
            {"منظمة هيومان رايتس ووتش": ("ORG", "hrw", "name")},
        ),
    ],
)
def test_interactions_said_blame_description_without_insult_or_actor(text: str, names: dict) -> None:
    assert not {t for t in triples(run_on(text, names)) if t[0] == "accuse"}


def test_interactions_said_blame_insults_are_keys() -> None:
    assert key("الخونة").removeprefix("ال") in word_class("insults")
    assert key("صديق") not in word_class("insults")


# content_killed_in_mission: a state saying someone was killed in another state's mission; 35
# sentences of news-bench (31 articles), all in reported speech
def test_interactions_said_blame_killed_in_mission_accuses_its_state() -> None:
    # ant:BB-middleEast-1118-20181017
    text = (
        "وزعم مسؤولون أتراك لصحف ووكالات أنباء غربية وأمريكية إن لديهم تسجيلات فيديو وصوت لعملية "
        "قتل خاشقجي داخل القنصلية السعودية في اسطنبول."
    )
    names = {
        "أتراك": ("GPE", "turkey", "adjective"),
        "خاشقجي": ("PERSON", "khashoggi", "name"),
        "السعودية": ("GPE", "saudi_arabia", "adjective"),
    }
    assert ("accuse", "turkey", "saudi_arabia") in triples(run_on(text, names))


def test_interactions_said_blame_killed_in_mission_needs_a_state_speaker() -> None:
    # ant:CN-middleEast-1492-20181012: a source close to the inquiry does not accuse
    text = (
        "قال مصدر مطلع على التحقيقات الجارية بشأن اختفاء الإعلامي السعودي جمال خاشقجي، إن السلطات "
        'التركية لديها دليل يظهر "لحظات مواجهة وقتل" خاشقجي داخل القنصلية السعودية بإسطنبول.'
    )
    names = {
        "مصدر مطلع": ("PERSON", "source", "name"),
        "جمال خاشقجي": ("PERSON", "khashoggi", "name"),
        "خاشقجي": ("PERSON", "khashoggi", "name"),
        "السعودية": ("GPE", "saudi_arabia", "adjective"),
    }
    assert not {t for t in triples(run_on(text, names)) if t[0] == "accuse"}


# fault_noun_blame: a fault noun of kg/resources/blame_nouns.tsv with a named actor as its genitive or
# gentilic in asserted content; 69 emissions on 8,000 news-bench politics articles, 58 right
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:BB-middleEast-658-20180624: the genitive (انتهاكات النظام السوري)
        (
            'وقالت هايلي، في بيان في وقت سابق: "إن انتهاكات النظام السوري لاتفاق إيقاف إطلاق النار '
            'يجب أن تتوقف".',
            {"هايلي": ("PERSON", "haley", "name"), "النظام السوري": ("ORG", "syrian_regime", "name")},
            {("accuse", "haley", "syrian_regime")},
        ),
        # ant:AL-internationalNews-1017-20180506: the gentilic (العدوان الإيراني)
        (
            'وأضاف نتنياهو خلال اجتماع مجلس الوزراء الأحد: "نحن مصممون على إيقاف العدوان الإيراني علينا '
            "حتى لو كان هذا يعني الدخول في صراع.",
            {"نتنياهو": ("PERSON", "netanyahu", "name"), "الإيراني": ("GPE", "iran", "adjective")},
            {("accuse", "netanyahu", "iran")},
        ),
        # ant:CN-middleEast-370-20180325: two gentilics one after the other, each faulted
        (
            'وقال الحوثي إن "العام الرابع من العدوان الأمريكي السعودي سوف يشهد تطورات عسكرية كبيرة".',
            {
                "الحوثي": ("PERSON", "houthi", "name"),
                "الأمريكي": ("GPE", "us", "adjective"),
                "السعودي": ("GPE", "saudi_arabia", "adjective"),
            },
            {("accuse", "houthi", "us"), ("accuse", "houthi", "saudi_arabia")},
        ),
    ],
)
def test_interactions_said_blame_fault_noun_accuses_its_actor(
    text: str, names: dict, expected: set[tuple[str, str, str]]
) -> None:
    found = run_on(text, names)
    assert expected <= triples(found)
    assert all(i.derived_from is not None for i in found if (i.type, i.agent, i.target) in expected)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # ant:BB-middleEast-551-20180529: the singular ممارسة is the verbal noun "exercising", praise
        (
            'قتيلان في غزة والولايات المتحدة تشيد بممارسة إسرائيل لـ "ضبط النفس"',
            {"الولايات المتحدة": ("GPE", "us", "name"), "إسرائيل": ("GPE", "israel", "name")},
        ),
    ],
)
def test_interactions_said_blame_fault_noun_without_its_actor(text: str, names: dict) -> None:
    assert not {t for t in triples(run_on(text, names)) if t[0] == "accuse"}
