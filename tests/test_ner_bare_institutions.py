"""Stage ner: a ministry written without its country (``وزارة الخارجية``) becomes a mention of the
one country its sentence, or the sentence before, ties it to; otherwise nothing. Sentences from
news-bench, cited by article id."""

from __future__ import annotations

import pytest

from kg.model import Corpus, Document, Mention
from kg.stages import ner, resolve, segment


def bare_of(text: str) -> list[tuple[str, str]]:
    """``(surface, country)`` of the bare-ministry mentions the NER stage makes in ``text``."""
    corpus = segment.run(Corpus(documents=(Document("d", text),)))
    mentions: list[Mention] = list(ner.run(corpus, backend="lexicon").mentions)
    return [(m.surface, m.country_key) for m in mentions if m.source == "bare"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:SK-internationalNews-1598-20180516: the office gentilic before the head
        (
            "وكان الرئيس الأميركي دونالد ترامب انسحب، الأسبوع الماضي، من الاتفاق النووي الإيراني المبرم"
            " عام 2015، وفرضت وزارة الخزانة عقوبات على 7 أفراد، و3 شركات.",
            [("وزارة الخزانة", "US")],
        ),
        # ant:SK-internationalNews-2259-20180621: a ministry of that country in the same sentence
        (
            'طلبت وزارة الصحة الأميركية، الخميس، من وزارة الدفاع "البنتاغون"، الإعداد لاستقبال نحو 20 ألف'
            " طفل مهاجر في قواعد أميركية.",
            [("وزارة الدفاع", "US")],
        ),
        # ant:CN-middleEast-487-20180405: the sentence before names the Saudi mission
        (
            "قدّمت البعثة السعودية الدائمة لدى الأمم المتحدة رسالة إلى مجلس الأمن الدولي، الثلاثاء، حول"
            " الصواريخ البالستية القادمة من اليمن.\nوقد نشرت وزارة الخارجية عبر حسابها الرسمي بتويتر، صوراً"
            " عن الرسالة الموجّهة لمجلس الأمن.",
            [("وزارة الخارجية", "SA")],
        ),
    ],
)
def test_ner_bare_institution_takes_the_country_of_its_context(text: str, expected: list) -> None:
    assert bare_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ant:SK-middleEast-1398-20180503: سوريا is where the base is, الروسية the agencies' country
        "تحطمت مقاتلة روسية، الخميس، في البحر المتوسط، بعد إقلاعها من قاعدة جوية في سوريا، مما أدى إلى"
        " مقتل طياريها، بحسب ما نقلت وكالات الأنباء الروسية عن وزارة الدفاع.",
        # ant:SK-internationalNews-3447-20181013: quoted, the ministry is the speaker's (Pompeo's)
        'وقال بومبيو في تغريدة إن "القسّ برانسون عائد أخيراً إلى أميركا. نأمل أن تفرج الحكومة التركية'
        ' سريعاً عن بقية المواطنين الأميركيين، وموظفي وزارة الخارجية المحليين المحتجزين لديها".',
        # ant:BB-middleEast-563-20180601: a coordinated portfolio continues the name
        "وفي شهر أيار/ مايو أعلنت وزارة الثقافة والإعلام السعودية عن إعدادها وثيقة لتنظيم عمل المؤثرين.",
        # two countries before the head: no owner
        "واتفق الرئيس الأميركي والرئيس الروسي على اللقاء، وقالت وزارة الخارجية إن الموعد لم يحدد.",
    ],
)
def test_ner_bare_institution_without_one_owner_makes_no_mention(text: str) -> None:
    assert bare_of(text) == []


def test_resolve_bare_institution_joins_its_country_body_and_is_named_by_it() -> None:
    # ant:SK-internationalNews-2259-20180621 (its first sentence and, shortened, a later one)
    text = (
        'طلبت وزارة الصحة الأميركية، الخميس، من وزارة الدفاع "البنتاغون"، الإعداد لاستقبال نحو 20 ألف طفل.\n'
        "وقال مسؤول إن وزارة الصحة طلبت 20 ألف سرير."
    )
    corpus = segment.run(Corpus(documents=(Document("d", text),)))
    corpus = resolve.run(ner.run(corpus, backend="lexicon"))
    health = [e for e in corpus.entities if e.key.startswith("org:الصحه:")]
    defence = [e for e in corpus.entities if e.key.startswith("org:الدفاع:US")]
    assert [(e.key, e.canonical, len(e.mention_ids)) for e in health] == [
        ("org:الصحه:US", "وزارة الصحة الأميركية", 2)
    ]
    assert [e.canonical for e in defence] == ["وزارة الدفاع الأمريكية"]


def test_resolve_agreeing_gentilic() -> None:
    assert resolve.agreeing_gentilic("IR", feminine=True) == "الإيرانية"
    assert resolve.agreeing_gentilic("IR", feminine=False) == "الإيراني"


def possessed_of(text: str) -> list[tuple[str, str]]:
    corpus = segment.run(Corpus(documents=(Document("d", text),)))
    return [
        (m.surface, m.country_key)
        for m in ner.run(corpus, backend="lexicon").mentions
        if m.source == "possessive"
    ]


def test_ner_possessed_government_takes_its_owners_country() -> None:
    # ant:SK-middleEast-2174-20180605
    text = "قدم رئيس الوزراء المصري شريف إسماعيل، الثلاثاء، استقالة حكومته إلى الرئيس عبد الفتاح السيسي."
    assert possessed_of(text) == [("حكومته", "EG")]
    corpus = resolve.run(ner.run(segment.run(Corpus(documents=(Document("d", text),))), backend="lexicon"))
    government = [e for e in corpus.entities if e.key == "org:الحكومه:EG"]
    assert [(e.canonical, e.aliases) for e in government] == [("الحكومة المصرية", ())]


def test_ner_possessed_government_owner_only_in_its_sentence() -> None:
    # ant:BB-middleEast-192-20180314: Merkel's government, two sentences after الاستخبارات الأمريكية
    text = (
        "وتصدرت ميركل عناوين الصحف العالمية في 2013، عندما اتهمت أجهزة المخابرات الأمريكية بالتنصت على"
        " مكالماتها الهاتفية.\nوتعرف أنغيلا ميركل في محيط عملها بأنها قليلة الكلام، ولكنها تمطر مساعديها"
        " والمسؤولين في حكومتها بالرسائل النصية."
    )
    assert possessed_of(text) == []


@pytest.mark.parametrize(
    ("word", "head"), [("حكومته", "الحكومه"), ("جيشها", "الجيش"), ("حكومة", ""), ("جيشنا", "")]
)
def test_ner_possessed_head(word: str, head: str) -> None:
    assert ner.possessed_head(word) == head
