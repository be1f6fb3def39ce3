"""The agreements-and-informing block of kg/stages/interactions.py (issue 22): an agreement reached
(توصل X إلى اتفاق مع Y) and informing (أبلغ X Y), each tested on a sentence quoted from the
news-bench article whose id is given (counts of news-bench sentences are in the rule's comment)."""

from __future__ import annotations

from kg.model import Interaction
from tests.test_interactions_news import run_on, triples

EU_UK = {"الاتحاد الأوروبي": ("ORG", "eu", "name"), "بريطانيا": ("GPE", "uk", "name")}


def test_interactions_informing_agreement_reached_with() -> None:
    # ant:FR-internationalNews-520-20180319; توصل … إلى اتفاق … مع in 240 sentences
    text = (
        "توصل الاتحاد الأوروبي إلى اتفاق مهم الاثنين مع بريطانيا بشأن ترتيبات الفترة الانتقالية "
        "التي ستستمر لنحو عامين بعد بريكسيت المتوقع العام القادم."
    )
    found = run_on(text, EU_UK)
    assert ("other", "eu", "uk") in triples(found)
    assert {i.trigger for i in found if (i.agent, i.target) == ("eu", "uk")} == {"توصل"}


def test_interactions_informing_agreement_supposed_is_none() -> None:
    # ant:BB-internationalNews-550-20180522: إذا توصلت, an agreement supposed, not reached
    text = (
        'بيد أن ترامب نفى بعدها أن تتبع الولايات المتحدة "النموذج الليبي" إذا توصلت إلى اتفاق '
        "مع كوريا الشمالية."
    )
    names = {
        "ترامب": ("PERSON", "trump", "name"),
        "الولايات المتحدة": ("GPE", "us", "name"),
        "كوريا الشمالية": ("GPE", "nk", "name"),
    }
    assert not {t for t in triples(run_on(text, names)) if t[0] == "other"}


def test_interactions_informing_deal_over_a_player_is_no_party() -> None:
    # saudinewsnet:2015-07-27:1328: the deal is about signing Salah from Chelsea, with Chelsea
    text = (
        "توصل نادي روما لاتفاق بشأن التعاقد مع النجم المصري محمد صلاح من صفوف تشيلسي وسط "
        "تهديدات من جانب فيورنتينا باللجوء إلى القضاء."
    )
    names = {
        "روما": ("ORG", "roma", "name"),
        "محمد صلاح": ("PERSON", "salah", "name"),
        "تشيلسي": ("ORG", "chelsea", "name"),
        "فيورنتينا": ("ORG", "fiorentina", "name"),
    }
    assert ("other", "roma", "salah") not in triples(run_on(text, names))


def test_interactions_informing_state_informs_body() -> None:
    # ant:AL-economy-630-20180521; the past of أبلغ in 1,202 sentences
    text = (
        "ولم تستثن واشنطن اليابان من الرسوم الجمركية التي أقرتها على واردات الصلب والألمنيوم، "
        "وأبلغت طوكيو منظمة التجارة العالمية، الجمعة، بأنها تحتفظ بالحق في اتخاد تدابير مقابلة."
    )
    names = {
        "واشنطن": ("GPE", "washington", "name"),
        "اليابان": ("GPE", "japan", "name"),
        "طوكيو": ("GPE", "tokyo", "name"),
        "منظمة التجارة العالمية": ("ORG", "wto", "name"),
    }
    found: list[Interaction] = run_on(text, names)
    assert ("other", "tokyo", "wto") in triples(found)
    assert {i.trigger for i in found if i.target == "wto"} == {"أبلغ"}


def test_interactions_informing_outlet_told_is_no_partner() -> None:
    # ant:AL-sport-1575-20180516: a coach speaking to a broadcaster is quoted, not in contact
    text = "وأبلغ غوارديولا شبكة سكاي سبورتس : سنضم لاعبا واحدا أو لاعبين اثنين."
    names = {"غوارديولا": ("PERSON", "guardiola", "name"), "شبكة سكاي سبورتس": ("ORG", "sky", "name")}
    assert not triples(run_on(text, names))


def test_interactions_informing_joined_informers_inform_no_one_another() -> None:
    # ant:FR-internationalNews-603-20180407: three members announce their decision together
    text = (
        "وأبلغ بيتر أنغلوند وكلاس أوسترغرين وكييل إسبمارك بقرارهم رسميا من دون التشاور، غداة "
        "الاجتماع التقليدي للأكاديمية الخميس في مطعم في ستوكهولم."
    )
    names = {
        "بيتر أنغلوند": ("PERSON", "englund", "name"),
        "كلاس أوسترغرين": ("PERSON", "ostergren", "name"),
        "كييل إسبمارك": ("PERSON", "espmark", "name"),
    }
    assert ("other", "englund", "ostergren") not in triples(run_on(text, names))


def test_interactions_informing_in_a_meeting_found_is_its_content() -> None:
    # ant:FR-internationalNews-2297-20180714 (the second sentence cut after قلقه): what Abbas told
    # Putin is said in their meeting
    text = (
        "استقبل الرئيس الروسي فلاديمير بوتين السبت الرئيس الفلسطيني محمد عباس في الكرملين عقب "
        "لقاء برئيس الوزراء الإسرائيلي بنيامين نتانياهو. وفي سياق هذا اللقاء أبلغ عباس بوتين قلقه."
    )
    names = {
        "فلاديمير بوتين": ("PERSON", "putin", "name"),
        "بوتين": ("PERSON", "putin", "name"),
        "محمد عباس": ("PERSON", "abbas", "name"),
        "عباس": ("PERSON", "abbas", "name"),
        "بنيامين نتانياهو": ("PERSON", "netanyahu", "name"),
    }
    found = triples(run_on(text, names))
    assert ("meeting", "putin", "abbas") in found
    assert ("other", "abbas", "putin") not in found
