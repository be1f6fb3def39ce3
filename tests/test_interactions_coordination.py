"""The coordinated-parties block of kg/stages/interactions.py (issue 22): one trigger, several
actors. Each case is a sentence quoted from the news-bench article whose id is given."""

from __future__ import annotations

from kg.stages import interactions
from kg.stages.docview import DocView
from tests.test_attribute import make_corpus
from tests.test_interactions_news import run_on, triples


def _group_from(text: str, names: dict, first: str) -> list[str]:
    """The entities :func:`interactions._coordinated` joins to the actor named ``first``."""
    corpus = make_corpus(text, names)
    view = DocView(corpus.documents[0], corpus, list(corpus.mentions))
    actors = interactions.sentence_actors(view, 0)
    start = next(a for a in actors if a.mention.surface == first)
    return [a.entity for a in interactions._coordinated(view, actors, start)]


def test_interactions_coordination_repeated_preposition_joins_the_list() -> None:
    # ant:FR-middleEast-265-20180412: مع X ومع Y, the preposition repeated after و
    text = (
        "في هذه الأثناء تقاربت تركيا مع روسيا ومع إيران في الأشهر الأخيرة بهدف إرساء وقف إطلاق النار "
        "في سوريا علما بأن تركيا تدعم فصائل سورية تحارب القوات الحكومية التي تلقى الدعم من موسكو."
    )
    names = {
        "تركيا": ("GPE", "turkey", "name"),
        "روسيا": ("GPE", "russia", "name"),
        "إيران": ("GPE", "iran", "name"),
        "سوريا": ("GPE", "syria", "name"),
    }
    assert _group_from(text, names, "روسيا") == ["russia", "iran"]


def test_interactions_coordination_repeated_preposition_after_an_office() -> None:
    # ant:JA-localNews-2115-20170303: مع نظيره الليبي X ومع رئيس حكومة Y, office words before each
    text = (
        "وقال أن رئيس الحكومة يوسف الشاهد أذن بتحول الوفد بعد المجهودات التي بذلها وزير الشؤون "
        "الخارجية خميس الجهيناوي في هذا الصدد ومحادثاته التي أجراها مع نظيره الليبي الطاهر سيالة "
        "ومع رئيس حكومة الوفاق الوطني الليبية فايز السراج."
    )
    names = {
        "الطاهر سيالة": ("PERSON", "siala", "name"),
        "الليبي": ("GPE", "libya", "adjective"),
        "حكومة الوفاق الوطني الليبية": ("ORG", "gna", "name"),
    }
    assert _group_from(text, names, "الطاهر سيالة") == ["siala", "gna"]


def test_interactions_coordination_dual_verb_takes_both_subjects() -> None:
    # ant:FR-internationalNews-1279-20180516: X وY + a dual verb (اتهمتا)
    text = (
        'لكن كلا من موسكو ودمشق اتهمتا منظمة "الخوذ البيضاء"، عناصر الدفاع المدني في مناطق سيطرة '
        "الفصائل المعارضة في سوريا، باختلاق الهجوم المفترض بإيعاز من بريطانيا والولايات المتحدة وغيرهما."
    )
    names = {
        "موسكو": ("GPE", "moscow", "name"),
        "دمشق": ("GPE", "damascus", "name"),
        "الخوذ البيضاء": ("ORG", "white_helmets", "name"),
    }
    found = triples(run_on(text, names))
    assert {("accuse", "moscow", "white_helmets"), ("accuse", "damascus", "white_helmets")} <= found


def test_interactions_coordination_dual_verb_of_a_pair_reaching_an_agreement() -> None:
    # ant:SK-middleEast-3856-20181014: روسيا وتركيا توصلتا: the two parties of the agreement
    text = (
        "وكانت روسيا وتركيا توصلتا في سبتمبر الماضي إلى اتفاق، يقضي بشأن منطقة منزعة السلاح في "
        "إدلب، بعرض يتراوح بين 15-20 كيلومترا."
    )
    names = {"روسيا": ("GPE", "russia", "name"), "تركيا": ("GPE", "turkey", "name")}
    assert ("other", "russia", "turkey") in triples(run_on(text, names))


def test_interactions_coordination_feminine_singular_after_three_states() -> None:
    # ant:SK-middleEast-3907-20181016: a list of states takes a feminine singular verb (قطعت)
    text = (
        "وكانت السعودية والإمارات والبحرين ومصر قطعت علاقاتها مع قطر، في يونيو 2017، لدعم الدوحة "
        "للإرهاب، والعبث بأمن واستقرار الدول المجاورة."
    )
    names = {
        "السعودية": ("GPE", "saudi", "name"),
        "الإمارات": ("GPE", "uae", "name"),
        "البحرين": ("GPE", "bahrain", "name"),
        "مصر": ("GPE", "egypt", "name"),
        "قطر": ("GPE", "qatar", "name"),
    }
    found = triples(run_on(text, names))
    agents = {a for t, a, b in found if (t, b) == ("suspend_cooperation", "qatar")}
    assert agents == {"saudi", "uae", "bahrain", "egypt"}


def test_interactions_coordination_singular_verb_after_two_keeps_one_subject() -> None:
    # ant:SK-middleEast-3642-20180911: التي تدعمها روسيا وإيران شنت: a feminine singular verb after
    # two names is no list's verb (its subject is القوات السورية), so Russia is not added
    text = (
        'وأردفت السفيرة الأميركية، قائلة إن "القوات السورية التي تدعمها روسيا وإيران شنت بالفعل 100 '
        'غارة جوية على إدلب هذا الشهر"، مشيرة إلى أن هدفها الوحيد هو القيام بغزو عسكري دام لإدلب".'
    )
    names = {
        "روسيا": ("GPE", "russia", "name"),
        "إيران": ("GPE", "iran", "name"),
        "إدلب": ("LOC", "idlib", "name"),
    }
    attackers = {a for t, a, b in triples(run_on(text, names)) if (t, b) == ("attack", "idlib")}
    assert "russia" not in attackers
