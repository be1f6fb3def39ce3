"""Construction rules of the attribution package, each on a news-bench sentence it changes.

The rule audit (``docs/attribution-rules.md``, ``scripts/rule_audit.py``) found these rules
covered by no quoted news-bench test. Each case quotes one news-bench sentence (article id cited)
on which the rule fires and changes kg's statements: with the rule switched off the assertion
fails. No sentence comes from the seed or dev articles.
"""

from __future__ import annotations

import pytest

from kg.model import Corpus, Statement
from tests.conftest import build_texts, entity_label

CASES = {
    # ant:SK-internationalNews-96-20180223: a sentence-final حسبما قال X (verbs._postposed_tail,
    # content.postposed_tail, content.postposed_boundary)
    "postposed": "ولم يعط بيترسون سببا لعدم دخوله المبنى حسبما قال إزرايل.",
    # ant:BB-middleEast-69-20180221: ، كما + a reporting verb ends the content (content._after_comma_cue)
    "as_also": "وعبر مسؤولون روس عن قلقهم ازاء ما يجري هناك، كما عبروا عن تأييدهم لمحاولات الحكومة "
    "السورية لوقف الهجوم على عفرين.",
    # ant:CN-middleEast-1612-20181019: an outlet after ل is told, it does not speak
    # (speakers._told_outlet, subjects.told_mention)
    "told": "واوضح أحد الأشخاص المطلعين على الأمر لشبكة CNN، الجمعة، إن تويتر كان على دراية بالأمر، "
    "وتعليق الحسابات منذ بعض الوقت.",
    # saudinewsnet:2015-08-06:402: المتحدث الرسمي refers to the one spokesperson the document
    # named (subjects.spokesperson_role)
    "spokesperson": "وصرح المستشار أحمد أبو زيد، المتحدث الرسمي باسم الخارجية المصرية، بأنه «في إطار "
    "العلاقات الأخوية الخاصة والمُتميزة بين مصر والسودان، وبعد اتصالات مكثفة قامت بها وزارة الخارجية "
    "المصرية والسفارة المصرية في الخرطوم وأجهزة الدولة المعنية مع المسؤولين بالحكومة السودانية على مدار "
    "الأسابيع الماضية، أصدر الرئيس عمر البشير رئيس جمهورية السودان الشقيقة قرارًا بالإفراج عن 101 صياد "
    "مصري».\n"
    "وأضاف المتحدث الرسمي أنه تم على الفور تنفيذ قرار الإفراج عن الصيادين مساء الأربعاء واستضافتهم في "
    "إحدى الاستراحات التابعة للحكومة السودانية بوجود طاقم القنصلية العامة المصرية في بورسودان، تمهيدًا "
    "لنقلهم إلى القاهرة صباح اليوم (الخميس) بطائرة خاصة وجه الرئيس عبد الفتاح السيسي بتوجهها على الفور "
    "إلى بورسودان لتأمين سرعة نقلهم إلى القاهرة.",
    # ant:SK-middleEast-703-20180401: the person named after المتحدث باسم + a body speaks, not the
    # body (speakers._spokesperson_before)
    "spokesperson_body": "وبحسب مراقبين، يفند الفيديو مزاعم المتحدث باسم الجيش الإسرائيلي أفيحاي أردعي، "
    "بأن من تم استهدافهم من الفلسطينيين بقناصة إسرائيليين وقتلوا على الحدود، كانوا مسلحين ويشكلون خطرا "
    "على الجنود.",
    # ant:AL-culture-560-20180705: the subject before كان + verb, past an apposition (speakers.svo_speakers)
    "svo": "يذكر أن المخرج طارق العريان، زوج أصالة، كان أعلن الثلاثاء أن غياب زوجته عن الغناء في مهرجان "
    '"موازين" المغربي، يعود إلى طلب أحد الأشخاص المنظمين لأموال بطريق غير شرعي.',
    # ant:AL-internationalNews-1001-20180504: the antecedent of التي is the subject
    # (verb_subjects.relative_subject)
    "relative": "وقدمت وزارة الدفاع الأميركية، الخميس، شكوى رسمية وطلبت من بكين التحقيق في الواقعة التي "
    'جرت قبل أسابيع، وفق المتحدثة باسم الوزارة دانا وايت التي وصفت ما حدث بأنه "في غاية الخطورة".',
    # ant:SK-middleEast-151-20180228: X، التي أعلن عنها Y: Y announced X (verbs._relative_clause_frame)
    "resumptive": "وناقشت الجلسة السبل الممكنة لتطبيق الرؤية الأميركية تجاه سوريا، التي أعلن عنها وزير "
    "الخارجية الأميركي ريكس تيلرسون الشهر الماضي، وتهدف إلى قطع الطريق على الأحلام الإيرانية بتأمين ممر "
    "مباشر من طهران إلى بيروت.",
    # ant:AL-sport-636-20180315: a comma-bracketed title after the subject is no object
    # (verb_subjects.parenthetical_end)
    "apposed_title": "أعلن خوان بيتزي، مدرب المنتخب السعودي، قائمة لاعبي الأخضر للمعسكر الذي سيقام في "
    "مدينة ماربيا الإسبانية والعاصمة البلجيكية بروكسل، وينطلق بعد غد السبت ويستمر حتى السابع والعشرين "
    "من مارس الجاري.",
    # ant:AL-economy-940-20180708: a circumstance (في صوفيا) before أن is not the object
    # (verb_subjects.complementizer_ahead)
    "circumstance": "أكد رئيس الوزراء الصيني، لي كيكيانغ، أمس السبت في صوفيا أن بلاده تنوي مواصلة سياسة "
    "الانفتاح التجاري التي تعتمدها وخفض الرسوم الجمركية، غداة دخول #رسوم_جمركية_أميركية بنسبة 25% على "
    "34 مليار دولار من الواردات الصينية، حيز التنفيذ.",
    # ant:CN-internationalNews-595-20180911: a dual verb has the two persons before it as subjects
    # (attribute._recent_persons)
    "dual": "سول، كوريا الجنوبية (CNN)-- قال الرئيس الكوري الجنوبي، مون جاي-إن، إن الرئيس الأمريكي، "
    "دونالد ترامب، وزعيم كوريا الشمالية، كيم جونغ أون، طلبا منه أن يعمل كوسيط بين الولايات المتحدة "
    "وكوريا الشمالية، وهما يعملان من أجل التفاوض على نزع السلاح النووي لشبه الجزيرة الكورية.",
    # ant:CN-middleEast-1333-20180909: نفيا after نافية is an absolute object, no dual verb
    # (frames.absolute_object)
    "absolute": "ردت الجزائرية أسماء بنت قادة، طليقة يوسف القرضاوي، رئيس الاتحاد العالمي لعلماء المسلمين، "
    'والذي يعتبر الزعيم الروحي لجماعة الإخوان المسلمين على تقارير إعلامية، نقلت أنها "إجبرت على مشاهدة '
    'فيلم إباحي ليلة وزفافها"، نافية ذلك نفيا قاطعا.',
    # ant:AL-internationalNews-1587-20180613: ونصف (and a half) is no first-person نصف (we describe)
    # (frames._first_person)
    "first_person": "ويقدر #لبنان وجود نحو مليون ونصف لاجئ سوري على أراضيه، فروا خلال سنوات الحرب المستمرة "
    "منذ عام 2011، ويعانون ظروفا معيشية صعبة للغاية.",
    # ant:CN-sport-340-20180810: ان inside a name (بي ان سبورتس) opens no content (cues.inside_name)
    "inside_name": "دبي، الإمارات العربية المتحدة (CNN)— أعلنت مجموعة قنوات بي ان سبورتس الرياضية القطرية، "
    "الجمعة، تأمينها لحقوق بث الدوري الإنجليزي الممتاز في الفترة ما بين عامي 2019 و2022.",
    # ant:BB-middleEast-843-20180806: على موقعها: the outlet published it itself (speakers._on_own_website)
    "own_site": "وقالت صحيفة غلوب أند ميل الكندية على موقعها الالكتروني إن قيمة التعامل التجاري بين "
    "البلدين عام 2017 تجاوزت 4 مليارات دولار والمعدات العسكرية التي تنتجها كندا مثلت قسما "
    "كبيرا من ذلك.",
    # ant:BB-internationalNews-190-20180319: a definite noun phrase before the verb is its subject
    # (verb_subjects.preverbal_noun)
    "preverbal": "ولكن بعض المحللين يعتقدون أن بوتين لا يمكن أن يستمر في نزاعه مع الغرب، ولابد أن يواجه "
    "مشاكل بلاده الداخلية مثل التعليم والإسكان والرعاية الصحية.",
    # ant:AL-internationalNews-1001-20180504: وأكدت وايت teaches that وايت is a woman; وعبرت goes on
    # with her (attribute._learn_gender)
    "gender": "وقدمت وزارة الدفاع الأميركية، الخميس، شكوى رسمية وطلبت من بكين التحقيق في الواقعة التي "
    'جرت قبل أسابيع، وفق المتحدثة باسم الوزارة دانا وايت التي وصفت ما حدث بأنه "في غاية '
    'الخطورة".\nوأكدت وايت أن "هذه الممارسات تمثل خطراً حقيقيا على طيارينا"، وعبرت عن قناعتها '
    "بأن من وجهوا الليزر القوي هم صينيون.",
    # ant:FR-internationalNews-994-20180429: a time word between the verb and أن leaves the noun before
    # the verb its subject (verb_subjects.adverbial_word)
    "time_word": "لكن المرصد ذكر مساء أن قوات سوريا الديموقراطية تمكنت من استعادة ثلاث من هذه القرى.",
    # ant:SK-internationalNews-1757-20180524: an unnamed spokesperson speaks for the body
    # (attribute._recent_spokesperson)
    "spokesperson_alone": 'وقال المتحدث باسم الخارجية البريطانية "اكتشفنا في نهاية المطاف أن '
    'الاتصال كان خدعة".',
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_texts(tmp_path_factory, "rules", CASES)


def _cued(corpus: Corpus, doc_id: str, cue: str) -> list[Statement]:
    return [s for s in corpus.statements if s.doc_id == doc_id and s.cue_text == cue]


def test_attribution_rules_sentence_final_as_said_x(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "postposed", "قال")
    assert "إزرايل" in (entity_label(corpus, stmt.speaker) or "")
    assert stmt.content_text == "ولم يعط بيترسون سببا لعدم دخوله المبنى"


def test_attribution_rules_comma_kama_and_a_reporting_verb_end_the_content(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "as_also", "وعبر")
    assert stmt.content_text == "قلقهم ازاء ما يجري هناك"
    assert _cued(corpus, "as_also", "عبروا")


def test_attribution_rules_outlet_after_li_is_told_not_the_speaker(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "told", "واوضح")
    assert entity_label(corpus, stmt.via) == "سي إن إن"
    assert stmt.speaker != stmt.via


def test_attribution_rules_the_spokesperson_is_the_one_the_document_named(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "spokesperson", "وأضاف")
    assert entity_label(corpus, stmt.speaker) == "أحمد أبو زيد"


def test_attribution_rules_person_after_a_spokesperson_of_a_body_speaks(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "spokesperson_body", "مزاعم")
    assert entity_label(corpus, stmt.speaker) == "أفيحاي أردعي"


def test_attribution_rules_subject_before_kana_and_the_verb(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "svo", "أعلن")
    assert entity_label(corpus, stmt.speaker) == "طارق العريان"


def test_attribution_rules_antecedent_of_the_relative_is_the_subject(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "relative", "وصفت")
    assert "وايت" in (entity_label(corpus, stmt.speaker) or "")


def test_attribution_rules_relative_clause_with_a_resumptive_pronoun(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "resumptive", "أعلن")
    assert entity_label(corpus, stmt.speaker) == "ريكس تيلرسون"
    assert "الرؤية الأميركية تجاه سوريا" in stmt.content_text


def test_attribution_rules_comma_bracketed_title_is_no_object(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "apposed_title", "أعلن")
    assert stmt.content_text.startswith("قائمة لاعبي الأخضر")


def test_attribution_rules_circumstance_before_an_is_no_object(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "circumstance", "أكد")
    assert stmt.content_text.startswith("بلاده تنوي")


def test_attribution_rules_dual_verb_has_two_subjects(corpus: Corpus) -> None:
    found = {entity_label(corpus, s.speaker) for s in _cued(corpus, "dual", "طلبا")}
    assert found == {"دونالد ترامب", "كيم جونغ أون"}


def test_attribution_rules_absolute_object_is_no_second_denial(corpus: Corpus) -> None:
    assert not _cued(corpus, "absolute", "نفيا")
    (stmt,) = _cued(corpus, "absolute", "نافية")
    assert stmt.polarity == "deny"


def test_attribution_rules_wa_nisf_is_no_first_person_cue(corpus: Corpus) -> None:
    assert not _cued(corpus, "first_person", "ونصف")


def test_attribution_rules_complementizer_inside_a_name_opens_nothing(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "inside_name", "أعلنت")
    assert stmt.content_text.startswith("تأمينها لحقوق بث")


def test_attribution_rules_on_its_own_website_the_speaker_relays_itself(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "own_site", "وقالت")
    assert stmt.via is not None and stmt.via == stmt.speaker


def test_attribution_rules_definite_phrase_before_the_verb_is_a_described_subject(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "preverbal", "يعتقدون")
    assert stmt.speaker_kind == "description"
    assert stmt.speaker_span is not None


def test_attribution_rules_verb_agreement_teaches_the_speakers_gender(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "gender", "وعبرت")
    assert "وايت" in (entity_label(corpus, stmt.speaker) or "")


def test_attribution_rules_unnamed_spokesperson_speaks_for_the_body(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "spokesperson_alone", "وقال")
    assert entity_label(corpus, stmt.speaker) == "الخارجية البريطانية"


def test_attribution_rules_time_word_after_the_verb_keeps_the_subject_before_it(corpus: Corpus) -> None:
    (stmt,) = _cued(corpus, "time_word", "ذكر")
    assert stmt.speaker_kind == "description"
    assert stmt.speaker_span is not None
