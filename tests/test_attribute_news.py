"""Speakers and roles on sentences quoted from news-bench articles (ids cited per case).

Each case runs the whole pipeline (default NER) on the quoted text, so a rule is tested on the
construction as Arabic news writes it. No sentence comes from the seed or dev articles.
"""

from __future__ import annotations

import pytest

from kg.model import Corpus
from tests.conftest import build_texts, entity_label

CASES = {
    # ant:BB-internationalNews-1157-20181006: a title's post (في + place) between the title and the name
    "post": "وقال السفير البريطاني في هولندا، بيتر ويلسون، إن هذه الوحدة أرسلت ضباطا إلى مختلف أنحاء "
    "العالم لإدارة مداخل قريبة لعمليات الكترونية، وتشمل اختراق شبكات الاتصالات اللاسلكية (واي -فاي).",
    # ant:AL-economy-958-20180704: a title after the name, an office before an honorific, and a
    # bare title that refers back to the ambassador
    "ambassador": "قال وانغ دي سفير الصين لدى #الكويت خلال مؤتمر صحافي، اليوم الأربعاء، إن بلاده ستجري "
    "مباحثات مع البلد الخليجي حول المشاركة في بناء #الحزام_و_الطريق وعدد من القضايا الاقتصادية، خلال "
    "زيارة رسمية يقوم بها أمير الكويت الشيخ صباح الأحمد الجابر الصباح لبلاده.\n"
    "وفي 2017، استوردت الصين أكثر من 18 مليون طن من النفط الخام الكويتي، مقارنة بـ5.5 مليون طن في "
    "الربع الأول من 2018.\n"
    'وقال السفير الصيني إن هذا التعاون التجاري والنفطي بين البلدين "مرتبط بالمصالح المشتركة".',
    # ant:BB-culture-200-20180613: a person inside the complement of a title after the name
    "on_behalf": "وقال أوفير جيندلمان، المتحدث باسم رئيس الوزراء الإسرائيلي بنيامين نيتنياهو، إنه يرحب "
    "بزيارة عيدان.",
    # ant:AL-internationalNews-1515-20180608: باسم + a title, then the apposed name
    "on_behalf_title": 'وعلق المتحدث باسم الرئيس التركي، ابراهيم كالين، على تويتر: "إغلاق النمسا سبعة '
    'مساجد وطرد أئمة هو نتيجة الموجة الشعبوية والمعادية للإسلام والعنصرية والتمييزية في هذا البلد".',
    # ant:AL-internationalNews-1055-20180508: an indefinite spokesperson is a new, unnamed person
    "spokesman": 'وذكر عمانوئيل نحشون المتحدث باسم #الخارجية_الإسرائيلية في بيان "يعتزم رئيس باراغواي '
    'أوراسيو كارتيس المجيء إلى إسرائيل بنهاية الشهر لافتتاح سفارة في القدس".\n'
    "وقال متحدث باسم حكومة باراغواي إن من المقرر أن يزور كارتيس #إسرائيل لنقل السفارة في 21 أو 22 أيار/مايو.",
    # ant:AL-economy-227-20180313: a definite source noun refers back to the source quoted before
    "source": "قال مصدر إماراتي مسؤول إنه لم يتم منح أي امتياز لشركة قطر للبترول.\n"
    "وأضاف المصدر أن حقل بندق مملوك مناصفةً بين إمارة أبوظبي وقطر نظراً لموقعه الجغرافي.\n"
    "كما أكد المصدر أنه لم تنشأ أي علاقة تجارية أو تواصل يذكر بين دولة الإمارات وقطر نتيجة لهذا التمديد.",
    # ant:AL-internationalNews-1370-20180529: the subject before a bracketed attribution, which relays
    "attribution": 'وأكدت الوزارة، بحسب ما أوردت وكالة انترفاكس، أن "المعلومات التي تم تداولها بشأن اعتراض '
    'قاذفات "سو 43" الروسية لمقاتلتي "F-16" الإسرائيليتين في سماء لبنان مجرد حماقة هواة".',
    # ant:AL-economy-457-20180416: a hashtag spells a name, its # and _ are no part of the words
    "hashtag": "أعلنت #وزارة_الصحة_السعودية إنجاز الدراسة المتكاملة لطرح 9 مجالات لمشاركة #القطاع_الخاص "
    "سبق الإعلان عن خططها.",
    # ant:AL-internationalNews-815-20180405: a person's name stops before a word governed by ل
    "told": "وقال السفير السعودي لدى #اليمن محمد الجابر للصحافيين في جنيف أمس الأربعاء إنه اجتمع مع مدير "
    "اللجنة وفريقه في الرياض، واتفقوا على تحسين القدرات وتعزيزها.",
    # ant:BB-internationalNews-1150-20181005: the name before ووصفتها is in its object, not its subject
    "object_pronoun": 'ورفضت روسيا من قبل مزاعم بريطانيا وهولندا ووصفتها بأنها تعكس "هوسا بالجاسوسية '
    'لدى الغرب".',
    # ant:BB-internationalNews-1112-20180928: a verbal noun's genitive speaks, its object is said
    "verbal_noun": "عندما رشح الرئيس الأمريكي دونالد ترامب القاضي بريت كافانو للمحكمة العليا بدا الأمر "
    "مثاليا في البداية حتى طرحت اتهامات باعتداءات جنسية ضده ظلالا كثيفة على هذا الترشيح.\n"
    "وعقب إعلان ترامب ترشيح كافانو للمحكمة العليا واجه اتهامات بالاعتداء الجنسي.",
    # saudinewsnet:2015-07-24:1605: the office before a courtesy title is the role
    "courtesy": "حضر الاستقبال ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع الأمير "
    "محمد بن سلمان.",
    # saudinewsnet:2015-07-21:723: وزير الخزانة (a ministry from organizations.tsv) heads a title
    "treasury": 'ففي نيسان (أبريل) قال وزير الخزانة الأمريكي جاك ليو، "لا تخطئوا.',
    # saudinewsnet:2015-07-24:338: a chain of offices after the name, one role each
    "chain": "صاحب السمو الملكي الامير محمد بن نايف ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية .",
    # ant:BB-internationalNews-311-20180408: القس (titles.tsv, 458 uses in news-bench) is a title
    "pastor": "واقتيد القس كارلو ألبيرتو كابيلا إلى الحبس الاحتياطي بعد التحقيق معه.",
    # ant:AL-internationalNews-1127-20180511: المتحدث refers back to the unnamed spokesperson, the
    # name before قال belongs to a preposed circumstance, وأضاف goes on with the spokesperson
    "spokesman_again": 'وقال متحدث باسم وكالة الطاقة الذرية "استقال السيد تيرو فارخورانتا على أن يسري ذلك '
    'من 11 مايو 2018".\n'
    'وأضاف المتحدث "سوف يستمر تنفيذ أنشطة الضمانات بطريقة احترافية للغاية".\n'
    'ورداً على سؤال عن سبب استقالة فارخورانتا قال المتحدث "لا تستطيع الوكالة التعليق على أمور شخصية سرية".\n'
    "وأضاف أن المدير العام للوكالة يعتزم تعيين خليفة دائم لفارخورانتا في أقرب وقت ممكن.",
    # ant:BB-internationalNews-315-20180408: an organisation named with its country's adjective
    "party": 'وقال متحدث باسم حزب العمال البريطاني إن "كوربن كرر في مناسبات عدة أن الأدلة الحالية تشير إلى '
    "أن روسيا مسؤولة عن الهجوم، سواء بطريق مباشر أو غير مباشر، وأنه لابد من مسائلة الحكومة الروسية استنادا "
    'إلى الأدلة المتوافرة."',
    # ant:AL-economy-917-20180629: ، وهو ما تنفيه X: X denies the clause before
    "denied": "وتتهم كييف والغرب روسيا بدعم الانفصاليين، خصوصا من خلال تزويدهم بالسلاح، وهو ما تنفيه روسيا "
    "بشكل قاطع.",
    # ant:CN-middleEast-1188-20180812: المملكة stands for the latest kingdom named (السعودية)
    "kingdom": 'في سياق متصل، كشفت الخارجية السعودية عن تفاصيل عملية "صعدة" والتي أثارت جدلا كبيرا حول '
    'العالم بسبب اتهام تحالف "دعم الشرعية في اليمن" باستهداف الأطفال، بعد مقتل عدد من الأطفال بحافلة '
    "إثر الغارة، وأكدت المملكة أن العملية كانت عسكرية ومشروعة.",
    # ant:SK-middleEast-587-20180327: a definite noun right before أن is the subject, not an object
    "kingdom_subject": "وأكدت المملكة أن تكرار هذه التصرفات الاستفزازية، يعكس إصرارا واضحا.",
    # ant:BB-middleEast-1104-20181015: conjoined subjects (with commas) of an object-taking verb; بـ
    # of بريطانيا is no particle
    "conjoined": "وطالبت بريطانيا، وألمانيا، وفرنسا بإجراء تحقيق ذي مصداقية في اختفاء خاشقجي.",
    # ant:FR-internationalNews-1996-20180624: after a subject before the verb, the names are objects
    "objects": "وقال مسؤول أمريكي إن واشنطن تحث السعودية والإمارات على القبول بذلك.",
    # ant:FR-internationalNews-887-20180424: a place in a relative clause on the subject is no speaker
    "seat": "اتهمت منظمة هيومن رايتس ووتش في تقرير نشرته الاثنين، الجيش المصري بفرض قيود صارمة على "
    'حركة الأشخاص والسلع الغذائية في جميع أنحاء محافظة شمال سيناء، محذرة من "أزمة إنسانية" '
    'تلوح في الأفق.\nوقالت المنظمة التي تتخذ من نيويورك مقرا لها إن "حملة الحكومة المصرية '
    'ضد فرع تنظيم "الدولة الإسلامية" (ولاية سيناء) في شمال سيناء، خلّفت ما يصل إلى 420 ألف '
    'شخص في أربع مدن في شمال شرق البلاد بحاجة ماسة إلى المساعدات الإنسانية".',
    # ant:SK-internationalNews-2536-20180709: لشؤون + a portfolio continues a title
    "affairs": "واستقالة ديفيس تلتها أيضا بحسب وسائل إعلام بريطانية، استقالة وزير الدولة لشؤون بريكست "
    "ستيف بايكر.",
    # ant:AL-economy-527-20180507: نقل after a noun is the verbal noun "transport", not "relayed"
    "transport": "وافق مجلس النواب المصري بشكل نهائي على مشروع قانون مقدم من الحكومة لتقنين عمل شركات "
    'نقل الركاب بواسطة تطبيقات الهواتف الذكية، وعلى رأسها، شركتا " #أوبر" و" #كريم".',
    # ant:BB-middleEast-42-20180219: the place completes the subject's head noun
    "embassy": 'وكانت السفارة الأمريكية في الخرطوم قد قالت، في بيان الخميس الماضي، إن "مئات القادة '
    'السياسيين والمواطنيين العاديين" محتجزون من جانب السلطات السودانية.',
    # ant:BB-internationalNews-1046-20180906: أمام (in front of) after the name is no title (إمام)
    "before_parliament": "وقالت رئيسة الوزراء البريطانية، تيريزا ماي، أمام مجلس العموم يوم الأربعاء إن "
    "المشتبه بهما كانا قد دخلا بريطانيا بجوازي سفر روسيين.",
    # ant:FR-internationalNews-2777-20180818: the narrator says what led to what was announced
    "emergency": "وكانت الحكومة الإيطالية قد أعلنت حالة الطوارئ لمدة عام كامل، إثر انهيار جسر موراندي.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_texts(tmp_path_factory, "news", CASES)


def speakers(corpus: Corpus, doc_id: str) -> list[str | None]:
    return [entity_label(corpus, s.speaker) for s in corpus.statements if s.doc_id == doc_id]


def roles(corpus: Corpus, doc_id: str) -> set[tuple[str | None, str]]:
    return {(entity_label(corpus, r.person), r.title) for r in corpus.roles if r.doc_id == doc_id}


def test_attribute_news_title_post_before_the_apposed_name(corpus: Corpus) -> None:
    assert speakers(corpus, "post") == ["بيتر ويلسون"]


def test_resolve_news_title_after_the_name_is_a_role(corpus: Corpus) -> None:
    assert any(
        person == "وانغ دي" and title.startswith("سفير الصين")
        for person, title in roles(corpus, "ambassador")
    )


def test_resolve_news_honorific_is_no_role_the_office_before_it_is(corpus: Corpus) -> None:
    titles = {title for _, title in roles(corpus, "ambassador")}
    assert "أمير الكويت" in titles
    assert "الشيخ" not in titles


def test_attribute_news_bare_title_refers_to_its_holder(corpus: Corpus) -> None:
    assert speakers(corpus, "ambassador") == ["وانغ دي", "وانغ دي"]


@pytest.mark.parametrize(
    ("doc_id", "person"), [("on_behalf", "أوفير جيندلمان"), ("on_behalf_title", "ابراهيم كالين")]
)
def test_resolve_news_person_in_the_title_complement_gets_no_role(
    corpus: Corpus, doc_id: str, person: str
) -> None:
    found = roles(corpus, doc_id)
    assert {holder for holder, _ in found} == {person}
    assert all(title.startswith("المتحدث باسم") and len(title.split()) > 2 for _, title in found)


def test_attribute_news_indefinite_spokesperson_speaks_for_the_body(corpus: Corpus) -> None:
    named, unnamed = [s for s in corpus.statements if s.doc_id == "spokesman"]
    assert entity_label(corpus, named.speaker) == "عمانوئيل نحشون"
    assert entity_label(corpus, unnamed.speaker) == "باراغواي"
    assert unnamed.speaker_kind == "unnamed_group"


def test_attribute_news_definite_source_refers_back(corpus: Corpus) -> None:
    found = [s for s in corpus.statements if s.doc_id == "source"]
    assert [entity_label(corpus, s.speaker) for s in found] == ["الإمارات العربية المتحدة"] * 3
    assert found[2].content_text.startswith("أنه لم تنشأ")


def test_attribute_news_bracketed_attribution_relays(corpus: Corpus) -> None:
    (stmt,) = [s for s in corpus.statements if s.doc_id == "attribution"]
    assert stmt.content_text.startswith('"المعلومات التي')
    assert stmt.speaker is None  # الوزارة: no ministry named before it
    assert entity_label(corpus, stmt.via) == "إنترفاكس"


def test_attribute_news_hashtag_subject_is_a_name(corpus: Corpus) -> None:
    (stmt,) = [s for s in corpus.statements if s.doc_id == "hashtag"]
    assert entity_label(corpus, stmt.speaker) == "وزارة الصحة السعودية"
    assert stmt.content_text.startswith("إنجاز الدراسة")


def test_ner_news_person_span_stops_before_a_governed_word(corpus: Corpus) -> None:
    assert speakers(corpus, "told")[0] == "محمد الجابر"
    assert ("محمد الجابر", "السفير السعودي لدى #اليمن") in roles(corpus, "told")


def test_attribute_news_verbal_noun_with_genitive_speaker_and_object(corpus: Corpus) -> None:
    (stmt,) = [s for s in corpus.statements if s.doc_id == "verbal_noun"]
    assert (stmt.cue_text, entity_label(corpus, stmt.speaker)) == ("إعلان", "دونالد ترامب")
    assert stmt.content_text.startswith("ترشيح كافانو للمحكمة العليا")


@pytest.mark.parametrize(
    ("doc_id", "role"),
    [
        ("courtesy", ("محمد بن سلمان", "وزير الدفاع")),
        ("treasury", ("جاك ليو", "وزير الخزانة الأمريكي")),
        ("affairs", ("ستيف بايكر", "وزير الدولة لشؤون بريكست")),
    ],
)
def test_resolve_news_the_office_is_the_role(corpus: Corpus, doc_id: str, role: tuple[str, str]) -> None:
    assert roles(corpus, doc_id) == {role}


def test_resolve_news_each_office_of_a_chain_is_a_role(corpus: Corpus) -> None:
    titles = {title for _, title in roles(corpus, "chain")}
    assert {"ولي العهد", "نائب رئيس مجلس الوزراء", "وزير الداخلية"} <= titles
    assert "صاحب السمو الملكي" not in titles  # a courtesy phrase


def test_resolve_news_religious_title_is_a_role(corpus: Corpus) -> None:
    assert {title for _, title in roles(corpus, "pastor")} == {"القس"}


def test_attribute_news_the_spokesperson_again(corpus: Corpus) -> None:
    found = [entity_label(corpus, s.speaker) for s in corpus.statements if s.doc_id == "spokesman_again"]
    assert found[-3:] == ["الوكالة الدولية للطاقة الذرية"] * 3


def test_resolve_news_organisation_alias_without_its_own_gentilic(corpus: Corpus) -> None:
    (party,) = [e for e in corpus.entities if e.canonical == "حزب العمال البريطاني"]
    assert "حزب العمال" in party.aliases
    (government,) = [e for e in corpus.entities if e.canonical == "الحكومة الروسية"]
    assert government.aliases == ()  # an institution without its country is every country's


def test_attribute_news_which_x_denies(corpus: Corpus) -> None:
    *accusations, denial = [s for s in corpus.statements if s.doc_id == "denied"]
    assert [entity_label(corpus, s.speaker) for s in accusations] == ["كييف", "الغرب"]  # conjoined subjects
    assert {s.content_text for s in accusations} == {"بدعم الانفصاليين، خصوصا من خلال تزويدهم بالسلاح"}
    assert (denial.cue_text, entity_label(corpus, denial.speaker), denial.polarity) == (
        "تنفيه",
        "روسيا",
        "deny",
    )
    assert denial.content_text == "وتتهم كييف والغرب روسيا بدعم الانفصاليين، خصوصا من خلال تزويدهم بالسلاح"


def test_attribute_news_the_kingdom_is_the_latest_kingdom_named(corpus: Corpus) -> None:
    stmt = [s for s in corpus.statements if s.doc_id == "kingdom"][-1]
    assert (stmt.cue_text, entity_label(corpus, stmt.speaker)) == ("وأكدت", "المملكة العربية السعودية")


def test_attribute_news_definite_noun_before_an_is_the_subject(corpus: Corpus) -> None:
    (stmt,) = [s for s in corpus.statements if s.doc_id == "kingdom_subject"]
    assert stmt.content_text.startswith("تكرار هذه التصرفات")


def test_attribute_news_conjoined_subjects_each_speak(corpus: Corpus) -> None:
    found = [
        (entity_label(corpus, s.speaker), s.content_text)
        for s in corpus.statements
        if s.doc_id == "conjoined"
    ]
    content = "بإجراء تحقيق ذي مصداقية في اختفاء خاشقجي"
    assert found == [("المملكة المتحدة", content), ("ألمانيا", content), ("فرنسا", content)]


def test_attribute_news_names_after_the_verb_are_its_objects(corpus: Corpus) -> None:
    urge = [s for s in corpus.statements if s.doc_id == "objects" and s.cue_text == "تحث"]
    assert [entity_label(corpus, s.speaker) for s in urge] == ["واشنطن"]


def test_attribute_news_name_in_a_relative_clause_is_not_the_subject(corpus: Corpus) -> None:
    stmt = [s for s in corpus.statements if s.doc_id == "seat"][-1]
    assert stmt.cue_text == "وقالت"
    assert entity_label(corpus, stmt.speaker) == "منظمة هيومن رايتس ووتش"


def test_attribute_news_verbal_noun_homograph_is_no_cue(corpus: Corpus) -> None:
    assert speakers(corpus, "transport") == []


def test_attribute_news_place_after_the_subject_head_is_not_the_speaker(corpus: Corpus) -> None:
    (speaker,) = speakers(corpus, "embassy")
    assert speaker != "الخرطوم"


CONTENT_CASES = {
    # ant:AL-economy-35-20180212: the narrator's gloss after a comma is not what was said
    "gloss": (
        "وأضاف أن بلاده تستهدف العودة مرة أخرى إلى أسواق المال الدولية ولكن بعد استقرار أوضاع الأسواق "
        "الدولية، في إشارة إلى طرح السندات الدولية.",
        ["بلاده تستهدف العودة مرة أخرى إلى أسواق المال الدولية ولكن بعد استقرار أوضاع الأسواق الدولية"],
    ),
    # ant:BB-internationalNews-157-20180315: ، ردا على … frames what was said; it was not said
    "in_response": (
        'قال وزير الخارجية الروسي، سيرغي لافروف، إن بلاده ستطرد دبلوماسيين بريطانيين "قريبا"، ردا على طرد '
        "لندن 23 دبلوماسيا روسيا.",
        ['بلاده ستطرد دبلوماسيين بريطانيين "قريبا"'],
    ),
    # ant:SK-internationalNews-2613-20180712: ، رغم أن … is the narrator's contrast
    "despite": (
        "وقال ترامب أيضا إن إيران تعامل الولايات المتحدة بمزيد من الاحترام، رغم أنه لا يوجد دليل يدعم "
        "ادعاء ترامب.",
        ["إيران تعامل الولايات المتحدة بمزيد من الاحترام"],
    ),
    # ant:BB-culture-169-20180524: ، بينما + a reporting verb opens another statement
    "conjunction": (
        'وقالت ماكروري إن السيناريو "جديد تماما ويحمل الكثير من المفاجآت"، بينما قال هاول إنه "ممتن '
        'لنيل الفرصة للعب مثل هذا الدور المركب".',
        [
            'السيناريو "جديد تماما ويحمل الكثير من المفاجآت"',
            'إنه "ممتن لنيل الفرصة للعب مثل هذا الدور المركب"',
        ],
    ),
    # ant:AL-economy-314-20180326: a participle cue with its complementizer, no comma before it
    "participle": (
        'وقال هي إن الصين ستقدم أيضا "حماية متساوية لحقوق الملكية بجميع أنواعها" وتعزز حماية حقوق '
        "الملكية الفكرية مضيفا أن بلاده ستحقق تكاملا أفضل بين القطاع المالي والاقتصاد الحقيقي.",
        [
            'الصين ستقدم أيضا "حماية متساوية لحقوق الملكية بجميع أنواعها" وتعزز حماية حقوق الملكية الفكرية',
            "بلاده ستحقق تكاملا أفضل بين القطاع المالي والاقتصاد الحقيقي",
        ],
    ),
    # ant:SK-technology-300-20180401: أعلن takes an object phrase as its content
    "announce": (
        'أعلنت غوغل، نيتها إغلاق خدمتها لاختصار الروابط الإلكترونية على شبكة الإنترنت "goo.gl".',
        ['نيتها إغلاق خدمتها لاختصار الروابط الإلكترونية على شبكة الإنترنت "goo.gl"'],
    ),
    # ant:FR-economy-47-20180603: استنكر (from the news-bench cue count)
    "denounce": (
        "واستنكرت كندا فرض الإدارة الأمريكية رسوما جمركية على واردات الصلب والألمنيوم.",
        ["فرض الإدارة الأمريكية رسوما جمركية على واردات الصلب والألمنيوم"],
    ),
    # saudinewsnet:2015-08-07:1119: دان, the variant of أدان
    "condemn": (
        "دانت مصر التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في منطقة عسير أمس.",
        ["التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في منطقة عسير أمس"],
    ),
    # ant:BB-middleEast-37-20180211: a quoted object runs on to the end of its clause
    "quoted_object": (
        'وأعربت روسيا عن "قلقها الشديد" إزاء الغارات الجوية الإسرائيلية، ودعت جميع الأطراف إلى ضبط النفس.',
        ['"قلقها الشديد" إزاء الغارات الجوية الإسرائيلية', "ضبط النفس"],
    ),
    # ant:CN-middleEast-1304-20180907: ... unless a circumstance of the speaking follows the mark
    "quoted_object_circumstance": (
        'أعربت وزارة الخارجية العراقية عن "أسفها العميق" في بيان صدر، مساء الجمعة، بعد أن اقتحم '
        "متظاهرون مقر القنصلية الإيرانية في البصرة، وأضرموا النار فيها.",
        ["أسفها العميق"],
    ),
    # ant:BB-internationalNews-213-20180323: the colon after ، مضيفا opens the participle's content,
    # not content of a verb before it (شكك takes no quotation here)
    "participle_colon": (
        'لكن السيد كوربين شكك في تصريحات بعض أعضاء الحكومة البريطانية، مضيفا: "لست متأكدا من أن اللغة '
        'التي يستخدمها بعض وزرائنا مفيدة بشكل خاص أو معقولة".',
        ["لست متأكدا من أن اللغة التي يستخدمها بعض وزرائنا مفيدة بشكل خاص أو معقولة"],
    ),
    # ant:BB-economy-50-20180303: a conjoined verb with an object pronoun goes on with the statement
    "elaboration": (
        'وانتقد رئيس الوزراء الكندي جاستن ترودو التعريفات ووصفها بأنها "غير مقبولة بالمرة".',
        ['التعريفات ووصفها بأنها "غير مقبولة بالمرة"'],
    ),
    # ant:SK-internationalNews-3489-20181014: an absolute object (نفيا قاطعا) is not what was denied
    "cognate": ("ونفت موسكو نفيا قاطعا أي تورط لها في هذه القضية.", ["أي تورط لها في هذه القضية"]),
    # ant:BB-culture-131-20180428: a "read also" link is no speaker
    "read_also": (
        'اقرأ أيضا: ترامب يصف تفتيش مكتب محاميه بأنه "اعتداء على الوطن"',
        ['تفتيش مكتب محاميه بأنه "اعتداء على الوطن"'],
    ),
    # ant:BB-economy-224-20180831: إنها تعتقد أن … is the speaker's own stance, one statement
    "stance": (
        'وقالت إنها تعتقد أن شركة المشروبات كوكاكولا قد تستخدم كوستا في خلق "مشروب جديد من القهوة المثلجة".',
        ['إنها تعتقد أن شركة المشروبات كوكاكولا قد تستخدم كوستا في خلق "مشروب جديد من القهوة المثلجة"'],
    ),
    # ant:BB-culture-180-20180530: after ، وهو ما a describing verb keeps its own predicate
    "described": (
        'وزعمت بار ايضا أن سوروس، وهو يهودي، كان متواطئا مع النازي، وهو ما وصفه المتحدث باسمه بأنه "إهانة".',
        ["سوروس، وهو يهودي، كان متواطئا مع النازي", 'أنه "إهانة"'],
    ),
    # ant:AL-culture-513-20180620: a negated cue with an object phrase says nothing was said
    "negated": ("ولم يعلن الثنائي حتى الآن عن موعد الاحتفال بعقد القران.", []),
    # ant:AL-internationalNews-1413-20180601 and ant:BB-internationalNews-703-20180626: أيد without
    # an actor for subject is a vote or a ruling
    "vote": (
        "وأيد 180 مشرعا حجب الثقة الذي دعا إليه سانتشيث، بينما عارضه 169 نائبا، وامتنع نائب عن التصويت.",
        [],
    ),
    "ruling": (
        "وأيد الحكم صلاحيات الرئاسة الواسعة، والذي يعني أن الحظر قد يشمل المزيد من الدول مستقبلا.",
        [],
    ),
}


@pytest.fixture(scope="module")
def content_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_texts(tmp_path_factory, "content", {name: text for name, (text, _) in CONTENT_CASES.items()})


def test_attribute_news_object_pronoun_verb_after_an_object_is_the_sentence_subjects(
    corpus: Corpus,
) -> None:
    (stmt,) = [s for s in corpus.statements if s.doc_id == "object_pronoun"]
    assert (stmt.cue_text, entity_label(corpus, stmt.speaker)) == ("ووصفتها", "روسيا")


def test_attribute_news_participle_after_a_comma_owns_the_colon(content_corpus: Corpus) -> None:
    (stmt,) = [s for s in content_corpus.statements if s.doc_id == "participle_colon"]
    assert stmt.cue_text == "مضيفا"


@pytest.mark.parametrize("doc_id", sorted(CONTENT_CASES))
def test_attribute_news_content_ends_where_the_narrator_takes_over(
    content_corpus: Corpus, doc_id: str
) -> None:
    found = [s.content_text for s in content_corpus.statements if s.doc_id == doc_id]
    assert found == CONTENT_CASES[doc_id][1]


def contents(corpus: Corpus, doc_id: str) -> list[str]:
    doc = next(d for d in corpus.documents if d.doc_id == doc_id)
    return [doc.text[s.content.start : s.content.end] for s in corpus.statements if s.doc_id == doc_id]


def test_attribute_news_object_content_ends_before_the_narrators_account(corpus: Corpus) -> None:
    assert contents(corpus, "emergency") == ["حالة الطوارئ لمدة عام كامل"]


def test_resolve_news_preposition_amam_after_a_name_is_no_role(corpus: Corpus) -> None:
    found = roles(corpus, "before_parliament")
    assert ("تيريزا ماي", "رئيسة الوزراء البريطانية") in found
    assert not any(title.startswith("أمام") for _, title in found)
