"""The block of threats and adverbial participles of kg/stages/interactions.py (issue 22): a threat
whose target is the subject of its condition (هدد X بـ … إذا Y) or is named inside the threat
(هدد X بفرض عقوبات على Y), and an adverbial participle without a comma (ترامب متوعدا إيران), each
tested on a sentence quoted from the news-bench article whose id is given (counts of news-bench
sentences are in the rule's comment)."""

from __future__ import annotations

from tests.test_interactions_news import run_on, triples


def test_interactions_acts_threat_on_the_subject_of_its_condition() -> None:
    # ant:BB-internationalNews-557-20180524; هدد/توعد … بـ … إذا/في حال/لو in 121 sentences
    text = (
        "وهددت كوريا الشمالية الأسبوع الماضي بإلغاء القمة إذا أصرت الولايات المتحدة على تخلي البلاد "
        "عن الأسلحة النووية من جانب واحد."
    )
    names = {"كوريا الشمالية": ("GPE", "nk", "name"), "الولايات المتحدة": ("GPE", "us", "name")}
    found = run_on(text, names)
    assert ("other", "nk", "us") in triples(found)
    assert {i.trigger for i in found if (i.agent, i.target) == ("nk", "us")} == {"هدد"}
    assert ("other", "us", "nk") not in triples(found)


def test_interactions_acts_threat_with_no_condition_subject_is_none() -> None:
    # ant:AL-economy-453-20180415: the condition is passive, nobody is threatened by name
    text = (
        'وهدد الرئيس الأميركي دونالد ترمب بإلغاء اتفاقية "نافتا" إذا لم يتم تغييرها لضمان شروط أفضل '
        "للعمال والشركات الأميركيين."
    )
    assert not triples(run_on(text, {"دونالد ترمب": ("PERSON", "trump", "name")}))


def test_interactions_acts_threat_aimed_after_its_preposition() -> None:
    # ant:BB-middleEast-648-20180622; the one threatened after على/ضد inside the بـ phrase
    text = "كما هددت برلين بفرض عقوبات على تركيا وأصدرت تحذيرات السفر."
    names = {"برلين": ("GPE", "berlin", "name"), "تركيا": ("GPE", "turkey", "name")}
    found = run_on(text, names)
    assert ("other", "berlin", "turkey") in triples(found)
    assert {i.trigger for i in found if i.target == "turkey"} == {"هدد"}


def test_interactions_acts_threat_place_after_from_is_no_target() -> None:
    # ant:BB-internationalNews-149-20180314: من روسيا is where the media would be expelled from
    text = (
        "وهددت موسكو بالفعل بطرد وسائل الإعلام البريطانية من روسيا في حال سحبت تراخيص عمل قناة "
        '"آر تي"، التي يمولها الكرملين، في بريطانيا.'
    )
    names = {
        "موسكو": ("GPE", "moscow", "name"),
        "روسيا": ("GPE", "russia", "name"),
        "الكرملين": ("ORG", "kremlin", "name"),
        "بريطانيا": ("GPE", "uk", "name"),
    }
    assert not {t for t in triples(run_on(text, names)) if t[1] == "moscow"}


def test_interactions_acts_negated_threat_is_none() -> None:
    # ant:BB-internationalNews-1078-20180910, negated: "لم تهدد" threatens no one
    text = (
        "لم تهدد الولايات المتحدة بفرض عقوبات على المحكمة الجنائية الدولية إذا أصرت على الاستمرار "
        "في جهودها لمحاكمة مواطنين امريكيين."
    )
    names = {"الولايات المتحدة": ("GPE", "us", "name"), "المحكمة الجنائية الدولية": ("ORG", "icc", "name")}
    assert "هدد" not in {i.trigger for i in run_on(text, names)}  # عقوبات على is the noun's own rule


def test_interactions_acts_headline_participle_without_comma() -> None:
    # ant:SK-internationalNews-1139-20180424; an adverbial participle without a comma in 81 sentences
    text = "ترامب متوعدا إيران: ستواجهون مشكلات أكبر عن أي وقت مضى"
    names = {"ترامب": ("PERSON", "trump", "name"), "إيران": ("GPE", "iran", "name")}
    found = run_on(text, names)
    assert ("other", "trump", "iran") in triples(found)
    assert {i.trigger for i in found if i.target == "iran"} == {"متوعدا"}


def test_interactions_acts_participle_after_the_speakers_clause() -> None:
    # ant:SK-middleEast-3514-20180903: the speaker of غرد warns the actors after the participle
    text = (
        "وغرد ترامب على تويتر محذرا إيران وروسيا من تبعات الهجوم على محافظة إدلب، لا فتا إلى أن مئات "
        "الآلاف ربما يقتلون."
    )
    names = {
        "ترامب": ("PERSON", "trump", "name"),
        "تويتر": ("ORG", "twitter", "name"),
        "إيران": ("GPE", "iran", "name"),
        "روسيا": ("GPE", "russia", "name"),
    }
    assert ("other", "trump", "iran") in triples(run_on(text, names))


def test_interactions_acts_counted_defendants_are_no_participle() -> None:
    # ant:BB-internationalNews-802-20180714: 11 متهما روسيا is "eleven Russian defendants"
    text = (
        "وحددت أسماء 11 متهما روسيا، وزعم أنهم بدأوا هجماتهم الإلكترونية في مارس/أذار عام 2016 على "
        "حسابات البريد الإلكتروني لمسؤولي حملة هيلاري كلينتون الانتخابية."
    )
    names = {"روسيا": ("GPE", "russia", "name"), "هيلاري كلينتون": ("PERSON", "clinton", "name")}
    assert "متهما" not in {i.trigger for i in run_on(text, names)}
