"""The contacts block of kg/stages/interactions.py (issue 22): contacts, cooperation, visits and
meetings said with nouns and prepositions, each tested on a sentence quoted from the news-bench
article whose id is given (counts of news-bench paragraphs are in the rule's comment)."""

from __future__ import annotations

from kg.arabic.normalize import key
from tests.test_interactions_news import run_on, triples
from tests.test_ner_stage import mentions_of

CONSULATE = {"consulate": {"key": "org:" + key("القنصلية") + ":SA"}}


def test_interactions_contacts_first_person_contact_is_the_speakers() -> None:
    # ant:SK-technology-1628-20181013; first-person contact words + مع/بـ in 79 paragraphs
    text = (
        'وقالت "فيسبوك" في تدوينة: "نتعاون مع مكتب التحقيقات الفيدرالي، الذي يحقق في الأمر، '
        'وطلب منا عدم مناقشة من يمكن أن يكون مسؤولا عن الهجوم".'
    )
    names = {"فيسبوك": ("ORG", "facebook", "name"), "مكتب التحقيقات الفيدرالي": ("ORG", "fbi", "name")}
    assert ("other", "facebook", "fbi") in triples(run_on(text, names))


def test_interactions_contacts_stopped_contact_is_none() -> None:
    # saudinewsnet:2015-07-24:764: "we have stopped our cooperation with X" ends the contact
    text = (
        "أقالت صحيفة «ملييت» أحد محرريها المعروفين بعد تغريدة أوحى فيها بمسؤولية الرئيس رجب طيب "
        "إردوغان في الهجوم الانتحاري الذي تبناه تنظيم داعش في سوروج. وأعلنت الصحيفة في بيان مقتضب "
        "تناقلته الصحف التركية أمس: «لقد أوقفنا تعاوننا مع قدري غورسيل اعتبارا من 22 يوليو (تموز) "
        "بسبب مواقفه التي تؤثر على بيئة العمل»."
    )
    names = {
        "ملييت": ("ORG", "milliyet", "name"),
        "قدري غورسيل": ("PERSON", "gursel", "name"),
        "رجب طيب إردوغان": ("PERSON", "erdogan", "name"),
    }
    found = triples(run_on(text, names))
    assert ("other", "milliyet", "gursel") not in found


def test_interactions_contacts_person_goes_to_the_consulate() -> None:
    # ant:CN-middleEast-1397-20181004; دخل/ذهب/توجه (إلى) القنصلية/السفارة in 44 articles
    text = (
        "وأشار قالن إلى أن المعلومات التي لديهم تُفيد بأن خاشقجي توجه إلى القنصلية السعودية "
        '"من أجل إجراءات الزواج".'
    )
    names = {
        "قالن": ("PERSON", "kalin", "name"),
        "خاشقجي": ("PERSON", "khashoggi", "name"),
        "القنصلية السعودية": ("ORG", "consulate", "name"),
    }
    found = triples(run_on(text, names, CONSULATE))
    assert ("other", "khashoggi", "consulate") in found
    assert ("other", "kalin", "consulate") not in found


def test_interactions_contacts_bare_consulate_is_the_documents_one() -> None:
    # ant:CN-middleEast-1486-20181011: القنصلية alone after the article named the Saudi consulate
    text = (
        'وذكرت خطيبة خاشقجي إن جمال "لم يكن مترددا كثيرا في دخول القنصلية السعودية". '
        'وذكرت أن "خاشقجي ذهب إلى القنصلية يوم 28 سبتمبر، للحصول على وثيقة تثبت بأنه أعزب".'
    )
    names = {
        "خاشقجي": ("PERSON", "khashoggi", "name"),
        "جمال": ("PERSON", "khashoggi", "name"),
        "القنصلية السعودية": ("ORG", "consulate", "name"),
    }
    assert ("other", "khashoggi", "consulate") in triples(run_on(text, names, CONSULATE))


def test_interactions_contacts_fronted_meeting_is_the_speakers() -> None:
    # ant:BB-middleEast-1049-20181003; (و)في/خلال اجتماع/لقاء/اتصال … مع X، قال Y in 23 articles
    text = 'في اجتماع مع الرئيس الروسي فلاديمير بوتين، قال شويغو: "أتمننا تسليم صواريخ اس -300 إلى سوريا".'
    names = {
        "فلاديمير بوتين": ("PERSON", "putin", "name"),
        "شويغو": ("PERSON", "shoigu", "name"),
        "سوريا": ("GPE", "syria", "name"),
    }
    found = triples(run_on(text, names))
    assert ("meeting", "shoigu", "putin") in found
    assert not any(agent == "shoigu" and target == "syria" for _, agent, target in found)


def test_interactions_contacts_interview_is_no_meeting() -> None:
    # ant:SK-middleEast-2822-20180710: a talk with a channel is an interview
    text = (
        'وفي لقاء مع "سكاي نيوز عربية"، قال بومبيو: "كان لدينا اتفاق مع الروس بشأن عدم تقدمهم باتجاه الجنوب".'
    )
    names = {"سكاي نيوز عربية": ("ORG", "skynews", "name"), "بومبيو": ("PERSON", "pompeo", "name")}
    fixed = {"skynews": {"key": "org:" + key("سكاي نيوز عربية")}}
    assert not any(kind == "meeting" for kind, _, _ in triples(run_on(text, names, fixed)))


def test_interactions_contacts_people_gentilic_is_the_country() -> None:
    # saudinewsnet:2015-07-21:2440: "the Palestinian people" is the nation, not its government
    text = (
        "وشكرت الحركة في بيانها خادم الحرمين الشريفين والمسؤولين في المملكة على حفاوة استقبال وفد "
        "الحركة، وثمنت دعم المملكة للشعب الفلسطيني وقضيته العادلة."
    )
    names = {
        "المملكة": ("GPE", "saudi_arabia", "name"),
        "الفلسطيني": ("GPE", "palestine", "adjective"),
        "الحكومة الفلسطينية": ("ORG", "palestinian_government", "name"),
    }
    fixed = {"palestinian_government": {"key": "org:" + key("الحكومة") + ":PS", "country": "palestine"}}
    found = triples(run_on(text, names, fixed))
    assert ("support", "saudi_arabia", "palestine") in found
    assert ("support", "saudi_arabia", "palestinian_government") not in found


def test_interactions_contacts_leadership_is_a_body() -> None:
    # ant:AL-internationalNews-540-20180320; القيادة + gentilic in 62 paragraphs (الفلسطينية), 47
    # (السعودية), 40 (الإيرانية): the body whose meeting a president chairs
    text = (
        'وقال عباس في مستهل اجتماع للقيادة الفلسطينية في رام الله إن إدارة #ترمب "اعتبرت أن الاستيطان شرعي".'
    )
    assert ("القيادة الفلسطينية", "ORG") in [(m.surface, m.label) for m in mentions_of(text)]
