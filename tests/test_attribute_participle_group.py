"""A participle cue after an unnamed source group with a gentilic (issue 22, inter19).

``رد مسؤولون إيرانيون … قائلين إنه``: with no statement and no named entity before it in its
sentence, the participle is said by the group, i.e. by the country of its gentilic, as ``قال
مسؤولون إيرانيون`` is. Every case is a news-bench sentence (article id per case); none comes from
the seed or dev articles.
"""

from __future__ import annotations

import pytest

from kg.model import Corpus, Statement
from tests.conftest import build_texts, entity_label

CASES = {
    # ant:SK-internationalNews-2835-20180801: a plural participle after a plural group; the
    # spokeswoman quoted in the sentence before does not say it
    "iranians": "وقالت ناورت إن واشنطن تود أن ترى تغييرات في السلوك الإيراني.\nوفي المقابل، رد مسؤولون "
    "إيرانيون، الثلاثاء، على التصريحات الأميركية، قائلين إنه إذا كان ترامب يرغب في إجراء محادثات مع "
    "بلاده فعليه أولا أن يعاود الانضمام إلى الاتفاق النووي.",
    # saudinewsnet:2015-08-04:1224: two coordinated plural nouns before the gentilic
    "egyptians": "قلل دبلوماسيون وخبراء مصريون من أهمية الحوار الاستراتيجي المصري الأمريكي في القاهرة "
    "مؤكدين أن الحوار شكلي.",
    # ant:AL-sport-1743-20180529: an outlet (الصحيفة البريطانية) is no group its country speaks for
    "outlet": 'كشفت صحيفة "الصن" البريطانية يوم الثلاثاء عن ضغوطات تمارسها منظمة النزاهة الرياضية على '
    "الاتحاد الدولي لكرة القدم.\nوأوردت الصحيفة البريطانية الشهيرة الخبر على صدر صفحتها الأولى، مشيرة "
    "إلى أنها تملك وثائق حول تحويلات مالية.",
    # ant:CN-middleEast-962-20180517: a feminine participle does not agree with a man (دبلوماسي مصري)
    "court": "وأثار هذا الحظر جدلا عندما رفع دبلوماسي مصري دعوى قضائية ضد ذلك القانون، وانتقلت الدعوى "
    "بين أروقة المحاكم الإدارية حتى وصلت إلى المحكمة الدستورية العليا التي قضت، في عام 2012، برفض "
    "الدعوى، مؤكدة أن القانون يضفي مزيدا من الضمانات الأمنية.",
    # ant:SK-middleEast-114-20180227: a definite singular source refers back to the general named
    # in the sentence before, not to his country
    "anaphor": "وقال المسؤول عن المركز الروسي للمصالحة في روسيا، الجنرال يوري إيفتوشنكو في بيان، إن "
    "مقاتلي المجموعات المسلحة واصلوا مهاجمة مواقع القوات الحكومية.\nوأردف المسؤول الروسي، الذي تدعم "
    'بلاده النظام السوري، قائلا "ندعو قادة المجموعات المسلحة في الغوطة الشرقية الى احترام وقف اطلاق النار".',
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_texts(tmp_path_factory, "participle_group", CASES)


def participle(corpus: Corpus, doc_id: str, cue: str) -> Statement:
    (stmt,) = [s for s in corpus.statements if s.doc_id == doc_id and s.cue_text == cue]
    return stmt


@pytest.mark.parametrize(
    ("doc_id", "cue", "country"), [("iranians", "قائلين", "إيران"), ("egyptians", "مؤكدين", "مصر")]
)
def test_attribute_participle_after_a_gentilic_group_is_its_countrys(
    corpus: Corpus, doc_id: str, cue: str, country: str
) -> None:
    assert entity_label(corpus, participle(corpus, doc_id, cue).speaker) == country


@pytest.mark.parametrize(
    ("doc_id", "cue", "country"),
    [
        ("outlet", "مشيرة", "المملكة المتحدة"),
        ("court", "مؤكدة", "مصر"),
        ("anaphor", "قائلا", "روسيا"),
    ],
)
def test_attribute_participle_after_an_outlet_or_a_disagreeing_source_is_not_its_countrys(
    corpus: Corpus, doc_id: str, cue: str, country: str
) -> None:
    assert entity_label(corpus, participle(corpus, doc_id, cue).speaker) != country
