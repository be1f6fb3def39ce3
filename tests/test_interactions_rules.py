"""Named interaction rules (kg/stages/interactions.py), each tested on a sentence quoted from the
news-bench article whose id is given, with the count of news-bench sentences holding it."""

from __future__ import annotations

import pytest

from kg.arabic.normalize import key
from kg.stages import interactions
from tests.conftest import build_texts
from tests.test_interactions_news import SEAT_OF_RUSSIA, run_on, triples

IRAN = {
    "واشنطن": ("GPE", "washington", "name"),
    "طهران": ("GPE", "tehran", "name"),
    "الولايات المتحدة": ("GPE", "united_states", "name"),
    "الإيراني": ("GPE", "iran", "adjective"),
    "إيران": ("GPE", "iran", "name"),
    "دونالد ترامب": ("PERSON", "trump", "name"),
}


def test_interactions_rules_withdrawal_from_agreement_with_party() -> None:
    # ant:BB-internationalNews-724-20180701; انسحب/انسحاب X من الاتفاق in 378 news-bench sentences
    text = (
        "وتهاوت قيمة العملة الإيرانية، الريال، منذ أن انسحبت واشنطن من الاتفاق النووي مع طهران "
        "في مايو/أيار الماضي."
    )
    assert ("suspend_cooperation", "washington", "tehran") in triples(run_on(text, IRAN))


def test_interactions_rules_withdrawal_party_named_by_gentilic() -> None:
    # ant:SK-internationalNews-1900-20180601
    text = "في خطوة تأتي بعد انسحاب أميركا من الاتفاق النووي الإيراني، وقد تثير توترات جديدة مع موسكو."
    names = {**IRAN, "أميركا": ("GPE", "united_states", "name"), "موسكو": ("GPE", "moscow", "name")}
    assert ("suspend_cooperation", "united_states", "iran") in triples(run_on(text, names))


def test_interactions_rules_withdrawal_leaver_is_the_genitive_not_the_announcer() -> None:
    # ant:FR-culture-60-20180509: Trump announces; "his country" leaves (no named leaver here)
    text = (
        "أعلن الرئيس الأمريكي دونالد ترامب انسحاب بلاده من الاتفاق النووي المبرم مع إيران عام 2015 "
        "وأصدر أمرا رئاسيا بإعادة العمل بالعقوبات الأمريكية على طهران."
    )
    assert not any(kind == "suspend_cooperation" for kind, _, _ in triples(run_on(text, IRAN)))


def test_interactions_rules_threatened_withdrawal_is_no_event() -> None:
    # ant:CN-middleEast-712-20180424
    text = (
        "هددت إيران بالانسحاب من اتفاقية حظر الأسلحة النووية (NPT)، "
        "في حال خروج أحد الدول من الاتفاق النووي الإيراني."
    )
    assert not any(kind == "suspend_cooperation" for kind, _, _ in triples(run_on(text, IRAN)))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:FR-internationalNews-1672-20180606; the condemned act's gentilic names its doer
        (
            "وتندد أنقرة دائما بالدعم الأمريكي للوحدات الكردية، وهي تعتبرها امتدادا لحزب العمال الكردستاني.",
            {"أنقرة": ("GPE", "ankara", "name"), "الأمريكي": ("GPE", "united_states", "adjective")},
            ("condemn", "ankara", "united_states"),
        ),
        # ant:SK-internationalNews-2625-20180714; (أدان|ندد|استنكر|شجب) … التي/الذي + verb with its
        # object pronoun + actor in 27 news-bench sentences
        (
            "وأدان نواز شريف الأساليب التي تتبعها الحكومة الانتقالية التي تولت شؤون البلاد في يونيو حزيران.",
            {"نواز شريف": ("PERSON", "sharif", "name"), "الحكومة الانتقالية": ("ORG", "interim", "name")},
            ("condemn", "sharif", "interim"),
        ),
    ],
)
def test_interactions_rules_condemned_act_names_the_target(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_relative_clause_without_object_pronoun_names_no_doer() -> None:
    # saudinewsnet:2015-08-07:985: the mosque is what the bombing hit, not who did it
    text = "استنكر جوزيف ويستفول التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير."
    names = {"جوزيف ويستفول": ("PERSON", "westphal", "name"), "قوات الطوارئ": ("ORG", "forces", "name")}
    assert ("condemn", "westphal", "forces") not in triples(run_on(text, names))


def test_interactions_rules_object_pronoun_after_relative_is_its_antecedent() -> None:
    # ant:FR-internationalNews-1956-20180621; التي/الذي + اتهم with its object pronoun in 151
    # news-bench sentences
    text = (
        "في إشارة إلى الملياردير الأمريكي من أصل مجري جورج سوروس الذي يتهمه أوربان باستخدام منظمات "
        'غير حكومية للتسبب بـ"هجرة كبيرة" نحو الاتحاد الأوروبي.'
    )
    names = {
        "جورج سوروس": ("PERSON", "soros", "name"),
        "أوربان": ("PERSON", "orban", "name"),
        "الاتحاد الأوروبي": ("ORG", "eu", "name"),
    }
    assert ("accuse", "orban", "soros") in triples(run_on(text, names))


def test_interactions_rules_object_pronoun_refers_back_by_gender() -> None:
    # ant:CN-middleEast-530-20180409: اتهمتها (her) is Iran, not the Kingdom that accuses
    text = (
        "كما تتعرض إيران لانتقادات من المملكة العربية السعودية، بالاخص مع الأزمة اليمنية، "
        "حيث اتهمتها المملكة بدعم الحوثيين."
    )
    names = {
        "إيران": ("GPE", "iran", "name"),
        "المملكة العربية السعودية": ("GPE", "saudi_arabia", "name"),
        "المملكة": ("GPE", "saudi_arabia", "name"),
        "الحوثيين": ("ORG", "houthis", "name"),
    }
    pairs = triples(run_on(text, names))
    assert ("accuse", "saudi_arabia", "iran") in pairs
    assert ("accuse", "saudi_arabia", "houthis") not in pairs


MEETING = {"جونسون": ("PERSON", "johnson", "name"), "ترامب": ("PERSON", "trump", "name")}


def test_interactions_rules_meeting_partner_after_ma() -> None:
    # ant:BB-middleEast-463-20180507 without its negation; التقى … مع in 288 of 2,614 news-bench
    # sentences with التقى
    text = "يلتقي جونسون مع ترامب خلال الزيارة."
    assert ("meeting", "johnson", "trump") in triples(run_on(text, MEETING))


def test_interactions_rules_negated_event_is_no_interaction() -> None:
    # ant:BB-middleEast-463-20180507
    text = 'ولن يلتقي جونسون مع ترامب خلال الزيارة، لكن من المتوقع أن يظهر ضيفا على برنامج "فوكس آند فريندز".'
    assert not triples(run_on(text, MEETING))


def test_interactions_rules_pronoun_on_an_accusation_is_the_accused() -> None:
    # ant:FR-internationalNews-759-20180417: Brunson is accused; he accuses nobody
    text = 'واعتبر برونسون أن اتهامه بالعمل مع حركة غولن "إهانة لديانتي".'
    names = {"برونسون": ("PERSON", "brunson", "name"), "حركة غولن": ("ORG", "gulen_movement", "name")}
    assert ("accuse", "brunson", "gulen_movement") not in triples(run_on(text, names))


def test_interactions_rules_visit_to_a_building_is_other() -> None:
    # ant:JA-internationalNews-41-20170123
    text = "ترامب زار مقر وكالة الاستخبارات الأمريكية المركزية CIA وتحدث مباشرة إلى الموظفين."
    names = {
        "ترامب": ("PERSON", "trump", "name"),
        "وكالة الاستخبارات الأمريكية المركزية": ("ORG", "cia", "name"),
    }
    assert triples(run_on(text, names)) == {("other", "trump", "cia")}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:AL-economy-707-20180602; حليف/حلفاء + actor in 1,145 news-bench sentences
        (
            "بعد أن قوبلت رسوم جمركية أميركية بانتقادات من بريطانيا أحد أكبر حلفاء #واشنطن في أوروبا.",
            {"بريطانيا": ("GPE", "uk", "name"), "واشنطن": ("GPE", "washington", "name")},
            ("support", "uk", "washington"),
        ),
        # ant:FR-internationalNews-1109-20180506; a warning is a threat, `other`
        (
            'حذرت طهران الأحد واشنطن من أنها ستندم "ندما تاريخيا" في حال قررت الانسحاب من الاتفاق.',
            {"طهران": ("GPE", "tehran", "name"), "واشنطن": ("GPE", "washington", "name")},
            ("other", "tehran", "washington"),
        ),
        # ant:BB-internationalNews-724-20180701; أنحى باللائمة على in 14 news-bench sentences
        (
            "واتهمت إيران، وهي عضو في منظمة أوبك، ترامب بمحاولة تسييس المنظمة، وأنحت باللائمة على الرياض.",
            {
                "إيران": ("GPE", "iran", "name"),
                "منظمة أوبك": ("ORG", "opec", "name"),
                "ترامب": ("PERSON", "trump", "name"),
                "الرياض": ("GPE", "riyadh", "name"),
            },
            ("hold_responsible", "iran", "riyadh"),
        ),
    ],
)
def test_interactions_rules_lexicon_additions(text: str, names: dict, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_ally_with_pronoun_supports_the_one_before() -> None:
    # ant:BB-economy-247-20181001: الرياض وحلفاؤها (its allies) — Riyadh's allies support Riyadh;
    # here no ally is named, so only the severed relations remain
    text = "وقطعت الرياض وحلفاؤها العلاقات الدبلوماسية والتجارية مع قطر في يونيو/حزيران 2017."
    names = {"الرياض": ("GPE", "riyadh", "name"), "قطر": ("GPE", "qatar", "name")}
    pairs = triples(run_on(text, names))
    assert ("suspend_cooperation", "riyadh", "qatar") in pairs
    assert not any(kind == "support" for kind, _, _ in pairs)


def test_interactions_rules_warning_about_a_clause_has_no_target() -> None:
    # ant:SK-internationalNews-1521-20180511: the United States is the subject of what is warned of
    text = 'إلا أن وزير الخارجية الأميركي حذر بأن الولايات المتحدة "ستطلب آلية تحقق صارمة".'
    names = {"الأميركي": ("GPE", "united_states", "adjective"), "الولايات المتحدة": ("GPE", "us", "name")}
    assert not triples(run_on(text, names))


def test_interactions_rules_consulting_by_phone_is_a_call() -> None:
    # ant:FR-middleEast-295-20180414
    text = "وتشاور الرئيس الفرنسي هاتفيا مع نظيره التركي رجب طيب أردوغان، وأورد بيان للإليزيه أنه أكد عزمه."
    names = {"الرئيس الفرنسي": ("PERSON", "macron", "name"), "رجب طيب أردوغان": ("PERSON", "erdogan", "name")}
    assert ("phone_call", "macron", "erdogan") in triples(run_on(text, names))


def test_interactions_rules_object_is_not_in_a_causal_clause() -> None:
    # ant:FR-internationalNews-2743-20180816: بعد قطر والعراق وإيران (after Qatar, Iraq and Iran)
    # names earlier supporters, not whom France would support
    text = 'وهل ستدعم فرنسا، بعد قطر والعراق وإيران، خيارات الرئيس التركي في "معركته" الاقتصادية.'
    names = {
        "فرنسا": ("GPE", "france", "name"),
        "قطر": ("GPE", "qatar", "name"),
        "العراق": ("GPE", "iraq", "name"),
        "إيران": ("GPE", "iran", "name"),
    }
    assert not triples(run_on(text, names))


def test_interactions_rules_office_holder_after_a_country_and_honorific() -> None:
    # ant:BB-middleEast-1010-20180929: the emir named after his country and الشيخ is met
    text = (
        "وأضافت الوكالة أن ولي العهد السعودي سيجري محادثات مع أمير الكويت الشيخ صباح الأحمد الجابر الصباح "
        "وسط توقعات بأن يبحث وساطة الكويت."
    )
    names = {
        "ولي العهد السعودي": ("PERSON", "crown_prince", "name"),
        "الكويت": ("GPE", "kuwait", "name"),
        "صباح الأحمد الجابر الصباح": ("PERSON", "sabah", "name"),
    }
    assert ("meeting", "crown_prince", "sabah") in triples(run_on(text, names))


def test_interactions_rules_persons_joined_by_a_title() -> None:
    # saudinewsnet:2015-08-06:338: Lavrov and the minister named after ووزير الخارجية السعودي
    text = (
        "وكان كيري قد عقد محادثات ثلاثية في دولة قطر مع لافروف ووزير الخارجية السعودي عادل الجبير "
        "لمناقشة الأزمة السورية يوم الاثنين الماضي."
    )
    names = {
        "كيري": ("PERSON", "kerry", "name"),
        "قطر": ("GPE", "qatar", "name"),
        "لافروف": ("PERSON", "lavrov", "name"),
        "السعودي": ("GPE", "saudi_arabia", "adjective"),
        "عادل الجبير": ("PERSON", "jubeir", "name"),
    }
    assert {("meeting", "kerry", "lavrov"), ("meeting", "kerry", "jubeir")} <= triples(run_on(text, names))


def test_interactions_rules_object_pronoun_verb_needs_its_subject_right_after() -> None:
    # ant:SK-internationalNews-3051-20180816: تتهمها (accuses them) has no written subject here;
    # North Korea after بمساعدة is who is helped, not who accuses
    text = (
        "فرضت وزارة الخزانة الاميركية الاربعاء عقوبات على ثلاث شركات من روسيا والصين وسنغافورة "
        "تتهمها بمساعدة كوريا الشمالية في تفادي العقوبات الدولية."
    )
    names = {
        "وزارة الخزانة الاميركية": ("ORG", "treasury", "name"),
        "روسيا": ("GPE", "russia", "name"),
        "الصين": ("GPE", "china", "name"),
        "سنغافورة": ("GPE", "singapore", "name"),
        "كوريا الشمالية": ("GPE", "north_korea", "name"),
    }
    assert not any(agent == "north_korea" for _, agent, _ in triples(run_on(text, names)))


def test_interactions_rules_a_persons_attack_is_verbal() -> None:
    # ant:SK-middleEast-3707-20181003; شن … هجوما عنيفا/لاذعا/حادا in 11 news-bench sentences
    text = "وشن أحمد، خلال مؤتمر صحفي، هجوما لاذعا على إدارة مشروع السد، قائلا:"
    names = {"أحمد": ("PERSON", "ahmed", "name"), "إدارة مشروع السد": ("ORG", "dam_admin", "name")}
    assert triples(run_on(text, names)) == {("condemn", "ahmed", "dam_admin")}


def test_interactions_rules_reported_on_x_an_is_urging() -> None:
    # ant:SK-middleEast-504-20180323; "على X أن" opening reported content in 220 news-bench sentences
    text = (
        'قال وزير الخارجية السعودي عادل الجبير، الجمعة، إن "على إيران أن تتخلى عن سياساتها العدوانية، '
        'أو أن تدفع الثمن"، لافتا إلى أن على طهران أن تتوقف عن انتهاك القوانين الدولية.'
    )
    names = {
        "عادل الجبير": ("PERSON", "jubeir", "name"),
        "إيران": ("GPE", "iran", "name"),
        "طهران": ("GPE", "tehran", "name"),
    }
    assert ("urge", "jubeir", "iran") in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:SK-internationalNews-1422-20180507: a verb, a title and the name of its subject
        (
            "هاجم الرئيس الأميركي دونالد ترامب وزير الخارجية السابق جون كيري يوم الاثنين.",
            {"ترامب": ("PERSON", "trump", "name"), "جون كيري": ("PERSON", "kerry", "name")},
            ("condemn", "trump", "kerry"),
        ),
        # ant:SK-technology-831-20180604: كان … قد between the subject and its verb
        (
            "وكانت إدارة الرئيس الأميريكي دونالد ترامب قد اتهمت كوريا الشمالية بالمسؤولية عن الهجوم.",
            {"دونالد ترامب": ("PERSON", "trump", "name"), "كوريا الشمالية": ("GPE", "dprk", "name")},
            ("accuse", "trump", "dprk"),
        ),
    ],
)
def test_interactions_rules_subject_across_a_title_or_a_particle(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_participle_after_comma_goes_with_the_reporting_verb() -> None:
    # ant:CN-middleEast-876-20180510; ، متهما/محذرا/داعيا/مطالبا … + actor in 96 news-bench sentences
    text = (
        "وكان وزير الدفاع الإسرائيلي أفيغدور ليبرمان أعلن أن الضربة التي شنها الجيش الإسرائيلي "
        "استهدفت كل البنية التحتية العسكرية الإيرانية في سوريا، متهما إيران بإطلاق صواريخ على هضبة الجولان."
    )
    names = {
        "أفيغدور ليبرمان": ("PERSON", "lieberman", "name"),
        "الجيش الإسرائيلي": ("ORG", "idf", "name"),
        "سوريا": ("GPE", "syria", "name"),
        "إيران": ("GPE", "iran", "name"),
    }
    assert ("accuse", "lieberman", "iran") in triples(run_on(text, names))


def test_interactions_rules_participle_without_comma_goes_with_the_speaker() -> None:
    # ant:CN-middleEast-876-20180510 shortened, its comma removed: without the comma the participle
    # still goes with the reporting verb (bare_participle_pairs, tests/test_interactions_acts.py:
    # 12 of 14 right on news-bench); the passive reading (54 متهما، وكان متهما) is kept out there
    triggers = interactions.load_triggers()
    assert triggers[key("متهما")].kind == "participle"
    text = "وكان ليبرمان أعلن أن الضربة استهدفت سوريا متهما إيران بإطلاق صواريخ."
    names = {"ليبرمان": ("PERSON", "lieberman", "name"), "إيران": ("GPE", "iran", "name")}
    assert ("accuse", "lieberman", "iran") in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:BB-middleEast-781-20180726; الموالية/الموالين لـ، المتحالفة مع in 1,900 news-bench sentences
        (
            "وتقود السعودية منذ أكثر من ثلاث سنوات تحالفا عسكريا ضد الحوثيين الموالين لإيران في اليمن.",
            {
                "السعودية": ("GPE", "saudi_arabia", "name"),
                "الحوثيين": ("ORG", "houthis", "name"),
                "إيران": ("GPE", "iran", "name"),
                "اليمن": ("GPE", "yemen", "name"),
            },
            ("support", "houthis", "iran"),
        ),
        # ant:SK-middleEast-114-20180227
        (
            "عبر تأجيج النزاع بين النظام السوري وقوات سوريا الديمقراطية (المتحالفة مع واشنطن).",
            {
                "النظام السوري": ("ORG", "syrian_government", "name"),
                "قوات سوريا الديمقراطية": ("ORG", "sdf", "name"),
                "واشنطن": ("GPE", "washington", "name"),
            },
            ("support", "sdf", "washington"),
        ),
        # ant:CN-middleEast-1480-20181011; احتجز (detain) with its object, like اعتقل
        (
            "احتجزت إسرائيل، لارا القاصم، طالبة دراسات عليا أمريكية في مطار بن جوريون الإسرائيلي.",
            {"إسرائيل": ("GPE", "israel", "name"), "لارا القاصم": ("PERSON", "alqasem", "name")},
            ("other", "israel", "alqasem"),
        ),
    ],
)
def test_interactions_rules_allegiance_and_detention(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_led_by_is_no_object() -> None:
    # ant:SK-middleEast-2337-20180612; بقيادة + a state in 543 news-bench sentences
    text = (
        "وقصفت مقاتلات التحالف العربي بقيادة المملكة العربية السعودية وبمشاركة وإسناد من القوات المسلحة "
        'الإماراتية قاعدة إطلاق صواريخ "كاتيوشا".'
    )
    names = {
        "التحالف العربي": ("ORG", "arab_coalition", "name"),
        "المملكة العربية السعودية": ("GPE", "saudi_arabia", "name"),
    }
    assert ("attack", "arab_coalition", "saudi_arabia") not in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:BB-economy-152-20180531; أعرب/عبر … عن إدانة/استنكار/رفض/خيبة/استياء/غضب + ل/من in 237
        # news-bench sentences
        (
            'وعبرت بريطانيا عن "خيبة أملها" من قرار الولايات المتحدة، بينما وصفته مفوضة الاتحاد الأوروبي.',
            {"بريطانيا": ("GPE", "uk", "name"), "الولايات المتحدة": ("GPE", "us", "name")},
            ("condemn", "uk", "us"),
        ),
        # ant:SK-middleEast-1047-20180416: the act's gentilic names its doer
        (
            "والمصنفة إرهابية في تكريا، إذ عبر أردوغان عن غضبه إزاء العرض الفرنسي.",
            {"أردوغان": ("PERSON", "erdogan", "name"), "الفرنسي": ("GPE", "france", "adjective")},
            ("condemn", "erdogan", "france"),
        ),
    ],
)
def test_interactions_rules_expressed_reproof_condemns_the_doer(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_the_critic_of_allies_is_no_ally() -> None:
    # ant:BB-internationalNews-820-20180716: Trump criticises the allies of the United States
    text = (
        "وتأتي القمة بعد رحلة أوروبية سادها التوتر انتقد فيها ترامب بشدة حلفاء الولايات المتحدة "
        "فيما يتعلق بالتجارة."
    )
    names = {"ترامب": ("PERSON", "trump", "name"), "الولايات المتحدة": ("GPE", "us", "name")}
    assert not any(kind == "support" for kind, _, _ in triples(run_on(text, names)))


def test_interactions_rules_an_attack_with_a_knife_is_no_condemnation() -> None:
    # ant:AL-internationalNews-1384-20180530: a person with no office attacks by force
    text = "وكان بنيامين هيرمان هاجم بسكين ثرية ولوسيل في الساعة العاشرة والنصف في لييج."
    names = {"بنيامين هيرمان": ("PERSON", "herman", "name"), "لوسيل": ("PERSON", "lucile", "name")}
    assert not any(kind == "condemn" for kind, _, _ in triples(run_on(text, names)))


def test_interactions_rules_titled_subject_across_an_apposition() -> None:
    # ant:CN-middleEast-1339-20180910: the official named after his title and a comma accuses; his
    # title's gentilic (الروسي) is no second agent
    text = (
        "اتهم رئيس مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، الولايات المتحدة الأمريكية "
        "باستخدام قنابل فوسفورية."
    )
    names = {
        "الروسي": ("GPE", "russia", "adjective"),
        "سوريا": ("GPE", "syria", "name"),
        "فلاديمير سافتشينكو": ("PERSON", "savchenko", "name"),
        "الولايات المتحدة الأمريكية": ("GPE", "us", "name"),
    }
    pairs = {p for p in triples(run_on(text, names)) if p[0] == "accuse"}
    assert pairs == {("accuse", "savchenko", "us")}


def test_interactions_rules_gentilic_on_a_title_is_the_person() -> None:
    # ant:BB-internationalNews-820-20180716: الروسي describes Putin's office; Russia is no second agent
    text = (
        "وبعد الاجتماع مع الرئيس الروسي فلاديمير بوتين، أعرب ترامب عن رأي مغاير لما قالته وكالات الاستخبارات."
    )
    names = {
        "الروسي": ("GPE", "russia", "adjective"),
        "فلاديمير بوتين": ("PERSON", "putin", "name"),
        "ترامب": ("PERSON", "trump", "name"),
    }
    assert not any("russia" in (agent, target) for _, agent, target in triples(run_on(text, names)))


def test_interactions_rules_backed_actor_is_right_before_its_adjective() -> None:
    # ant:SK-middleEast-1099-20180418: the unnamed militia is backed, not Guterres named earlier
    text = (
        "وحسب وكالة الأنباء السعودية اطلع غوتيريش على معرض يوضح جسامة الانتهاكات والجرائم التي ترتكبها "
        "ميليشيات الحوثي المدعومة من إيران ضد الأطفال والمدنيين داخل اليمن."
    )
    names = {"غوتيريش": ("PERSON", "guterres", "name"), "إيران": ("GPE", "iran", "name")}
    assert ("support", "iran", "guterres") not in triples(run_on(text, names))


def test_interactions_rules_target_is_not_governed_by_another_preposition() -> None:
    # ant:AL-internationalNews-821-20180406: she called her cousin, who is in Russia
    text = (
        "تعرضت مع والدها #الجاسوس_الروسي السابق سيرغي للتسميم في بريطانيا تحدثت هاتفيا مع ابنة عمها "
        "في روسيا، وقالت إنهما يتعافيان."
    )
    names = {"بريطانيا": ("GPE", "uk", "name"), "روسيا": ("GPE", "russia", "name")}
    assert not triples(run_on(text, names))


def test_interactions_rules_responsibility_may_come_after_a_long_subject() -> None:
    # saudinewsnet:2015-07-27:769: مسؤولية comes eleven words after حمل
    from kg.stages.docview import DocView
    from tests.test_attribute import make_corpus

    text = 'وحمل العنصري افيغدور ليبرمان رئيس حزب "البيت اليهودي" نتنياهو مسؤولية ما وصفها اعمال "العنف".'
    corpus = make_corpus(text, {"افيغدور ليبرمان": ("PERSON", "lieberman", "name")})
    view = DocView(corpus.documents[0], corpus, list(corpus.mentions))
    tok = view.tokens[0]
    assert interactions._needs_met(view, tok, interactions.load_triggers()[tok.key])


def test_interactions_rules_persuading_urges_the_genitive() -> None:
    # ant:FR-economy-53-20180609; إقناع/أقنع + actor in 80 news-bench sentences
    text = (
        "في الملف التجاري، يسعى ماكرون والأعضاء الآخرون في مجموعة السبع إلى إقناع ترامب بعدم استهداف "
        "قطاعات صناعية أخرى برسومه الجمركية."
    )
    names = {"ماكرون": ("PERSON", "macron", "name"), "ترامب": ("PERSON", "trump", "name")}
    assert ("urge", "macron", "trump") in triples(run_on(text, names))


def test_interactions_rules_pronoun_on_persuading_is_who_is_persuaded() -> None:
    # ant:AL-culture-215-20180401: لإقناعه (to persuade him); Paris is where he should move
    text = "في مطلع عام 1886م أخذ ڤان جوخ يراسل أخاه ثيو في محاولة لإقناعه بالانتقال إلى باريس."
    names = {"ڤان جوخ": ("PERSON", "van_gogh", "name"), "باريس": ("GPE", "paris", "name")}
    assert not triples(run_on(text, names))


def test_interactions_rules_support_received_from() -> None:
    # saudinewsnet:2015-07-26:154; (تلقى|حصل) … دعم(ا) (adjective) من + actor in 80 news-bench sentences
    text = "وجدّد نصر الله التأكيد على أن حزب الله يتلقى الدعم المادي من إيران، «ونحن نفتخر بذلك»."
    names = {
        "نصر الله": ("PERSON", "nasrallah", "name"),
        "حزب الله": ("ORG", "hezbollah", "name"),
        "إيران": ("GPE", "iran", "name"),
    }
    assert ("support", "iran", "hezbollah") in triples(run_on(text, names))


def test_interactions_rules_an_act_called_for_has_not_happened() -> None:
    # ant:BB-middleEast-221-20180320; (دعا|طالب|سعى) … إلى طرد/فرض/قصف … in 59 news-bench sentences
    text = (
        "وفي محاولة لإبقاء واشنطن في الاتفاق، دعت فرنسا الاتحاد الأوروبي إلى فرض عقوبات على إيران "
        "لضلوعها في الحرب الأهلية في سوريا."
    )
    names = {
        "واشنطن": ("GPE", "washington", "name"),
        "فرنسا": ("GPE", "france", "name"),
        "الاتحاد الأوروبي": ("ORG", "eu", "name"),
        "إيران": ("GPE", "iran", "name"),
        "سوريا": ("GPE", "syria", "name"),
    }
    assert not any(kind == "other" for kind, _, _ in triples(run_on(text, names)))


def test_interactions_rules_besides_is_no_call() -> None:
    # ant:SK-middleEast-2059-20180531: إضافة إلى (besides) before a support noun
    text = "منوهة إلى التواجد العسكري الإيراني داخل سوريا، إضافة إلى دعم إيران للجماعات المسلحة."
    from kg.stages.docview import DocView
    from tests.test_attribute import make_corpus

    names = {"سوريا": ("GPE", "syria", "name"), "إيران": ("GPE", "iran", "name")}
    triggers = interactions.load_triggers()
    corpus = make_corpus(text, names)
    view = DocView(corpus.documents[0], corpus, list(corpus.mentions))
    tok = next(t for t in view.tokens if t.key == key("دعم"))
    assert not interactions._called_for(view, tok, triggers[tok.key])


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:SK-internationalNews-3461-20181013: the visitor after ل, the visited after إلى
        (
            "وفي مقال نشرته صحيفة الأهرام المصرية الرسمية قبل زيارة مقررة للرئيس المصري عبد الفتاح السيسي "
            'إلى موسكو هذا الأسبوع، أشاد لافروف بما سماه "الشراكة متعددة الأوجه" مع مصر.',
            {
                "المصرية": ("GPE", "egypt", "adjective"),
                "المصري": ("GPE", "egypt", "adjective"),
                "عبد الفتاح السيسي": ("PERSON", "sisi", "name"),
                "موسكو": ("GPE", "moscow", "name"),
                "لافروف": ("PERSON", "lavrov", "name"),
                "مصر": ("GPE", "egypt", "name"),
            },
            ("other", "sisi", "moscow"),
        ),
        # ant:CN-internationalNews-468-20180811: the sanctions of the president named after his title
        (
            "أعرب وزير الخارجية الروسي، سيرغي لافروف، الجمعة، عن رفضه لعقوبات إدارة الرئيس الأمريكي، "
            "دونالد ترامب، المفروضة مؤخرا على موسكو بسبب قضية تسميم العميل الروسي السابق.",
            {
                "سيرغي لافروف": ("PERSON", "lavrov", "name"),
                "الأمريكي": ("GPE", "united_states", "adjective"),
                "دونالد ترامب": ("PERSON", "trump", "name"),
                "موسكو": ("GPE", "moscow", "name"),
            },
            ("other", "trump", "moscow"),
        ),
    ],
)
def test_interactions_rules_agent_of_a_noun_named_after_a_title(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names, SEAT_OF_RUSSIA))


def test_interactions_rules_partners_joined_to_the_agent_are_not_its_targets() -> None:
    # ant:FR-internationalNews-726-20180414 (the same wording in 724 and 730; 9 news-bench
    # sentences hold an attack noun with "X مع Y"): France and Britain strike with the US
    text = (
        "اعتبرت دمشق السبت أن الضربات التي نفذتها الولايات المتحدة مع فرنسا وبريطانيا "
        "في محيط دمشق ووسط البلاد لن تؤثر على عزيمة الشعب."
    )
    names = {
        "دمشق": ("GPE", "damascus", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
        "فرنسا": ("GPE", "france", "name"),
        "بريطانيا": ("GPE", "united_kingdom", "name"),
    }
    found = triples(run_on(text, names))
    assert not any(
        agent == "united_states" and target in ("france", "united_kingdom") for _, agent, target in found
    )


def test_interactions_rules_a_meeting_partner_after_with_is_still_the_target() -> None:
    # ant:FR-internationalNews-2297-20180714 "التقى الرئيس الروسي فلاديمير بوتين السبت في موسكو
    # الرئيس الفلسطيني محمود عباس": a meeting with someone (اجتمع X مع Y) is reciprocal
    text = "واجتمع فلاديمير بوتين مع محمود عباس في الكرملين السبت."
    names = {"فلاديمير بوتين": ("PERSON", "putin", "name"), "محمود عباس": ("PERSON", "abbas", "name")}
    assert ("meeting", "putin", "abbas") in triples(run_on(text, names))


def test_interactions_rules_an_attack_noun_is_the_subject_of_the_verb_after_it() -> None:
    # ant:CN-middleEast-1328-20180909 (an attack noun right before استهدف/طال/ضرب in 738 news-bench
    # sentences, e.g. ant:AL-internationalNews-1117-20180511 "جراء قصف صاروخي استهدف منطقة الكسوة"):
    # the party after the verb is hit, it does not attack the town
    text = (
        'لقي 12 شخصا على الأقل مصرعهم وجرح 50 آخرون في "قصف صاروخي" استهدف مقر الحزب الديمقراطي '
        "الكردستاني الإيراني، في مدينة كوي سنجق، وفقا لبيان صادر عن الحزب."
    )
    names = {
        "الحزب الديمقراطي الكردستاني الإيراني": ("ORG", "kdpi", "name"),
        "كوي سنجق": ("GPE", "koya", "name"),
    }
    assert not any(agent == "kdpi" for _, agent, _ in triples(run_on(text, names)))


def test_interactions_rules_a_titles_gentilic_before_an_untagged_given_name_is_the_person() -> None:
    # ant:FR-internationalNews-1260-20180515: the tagger names only نتانياهو; Israel does not
    # accuse its own prime minister
    text = (
        "واتهم رئيس الوزراء الإسرائيلي بنيامين نتانياهو الثلاثاء في تغريدة على حسابه الرسمي "
        'باللغة العبرية أردوغان بأنه "من أكبر داعمي حماس".'
    )
    names = {
        "الإسرائيلي": ("GPE", "israel", "adjective"),
        "نتانياهو": ("PERSON", "netanyahu", "name"),
        "أردوغان": ("PERSON", "erdogan", "name"),
        "حماس": ("ORG", "hamas", "name"),
    }
    assert not any(target == "netanyahu" for _, _, target in triples(run_on(text, names)))


def test_interactions_rules_an_ally_joined_to_the_agent_attacks_with_it() -> None:
    # ant:FR-internationalNews-334-20180309
    text = "تسببت فيه غارات شنتها دمشق مع حليفتها موسكو بمقتل أكثر من 62 مدنياً في هذه المنطقة."
    names = {"دمشق": ("GPE", "damascus", "name"), "موسكو": ("GPE", "moscow", "name")}
    assert ("attack", "damascus", "moscow") not in triples(run_on(text, names))


def test_interactions_rules_a_supposed_event_is_no_interaction() -> None:
    # ant:CN-middleEast-21-20180219 "وهدد فيه طهران برد عنيف في حال شنت هجوما على إسرائيل"
    text = "وهدد فيه طهران برد عنيف في حال شنت هجوما على إسرائيل."
    names = {"طهران": ("GPE", "tehran", "name"), "إسرائيل": ("GPE", "israel", "name")}
    assert ("attack", "tehran", "israel") not in triples(run_on(text, names))


def test_interactions_rules_the_enemy_of_a_backed_war_is_not_backed() -> None:
    # ant:SK-middleEast-332-20180316
    text = (
        "ويسعى رئيس الوزراء حيدر العبادي من خلالها إلى الفوز بولاية جديدة بعد حرب ناجحة ضد "
        "تنظيم داعش بدعم من الولايات المتحدة."
    )
    names = {
        "حيدر العبادي": ("PERSON", "abadi", "name"),
        "تنظيم داعش": ("ORG", "isis", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
    }
    assert ("support", "united_states", "isis") not in triples(run_on(text, names))


GAZA = {
    "قطاع غزة": ("LOC", "gaza", "name"),
    "فلسطينيين": ("GPE", "palestine", "adjective"),
    "الجيش الإسرائيلي": ("ORG", "israeli_army", "name"),
    "الإسرائيلية": ("GPE", "israel", "adjective"),
}


def test_interactions_rules_shot_by_attacks_the_victims() -> None:
    # ant:BB-middleEast-1091-20181012; برصاص/بالرصاص/بنيران X in 542 news-bench politics sentences
    text = (
        "قال مسؤولون في وزارة الصحة بقطاع غزة إن 7 فلسطينيين على الأقل قُتلوا برصاص الجيش "
        "الإسرائيلي وأصيب أكثر من 250 آخرين أثناء مشاركتهم في تظاهرة."
    )
    assert ("attack", "israeli_army", "palestine") in triples(run_on(text, GAZA))


def test_interactions_rules_shot_by_a_gentilic_attacks_an_accusative_nation(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # ant:BB-middleEast-899-20180818: 171 فلسطينياً (accusative after a number), بالرصاص الإسرائيلي
    text = (
        "وعُرضت المقترحات في تقرير طلبته الجمعية العامة في رد على زيادة معدلات العنف في قطاع غزة، "
        "حيث قُتل 171 فلسطينياً بالرصاص الإسرائيلي منذ شهر مارس أذار الماضي.\n"
        "وشدد الأمين العام على أهمية تعاون الجانبين الفلسطيني والإسرائيلي."
    )
    corpus = build_texts(tmp_path_factory, "shot", {"d": text})
    codes = {e.entity_id: e.key for e in corpus.entities}
    found = {(i.type, codes[i.agent], codes[i.target]) for i in corpus.interactions}
    assert ("attack", "country:IL", "country:PS") in found


def test_interactions_rules_shot_by_own_police_is_no_interaction() -> None:
    # ant:BB-middleEast-817-20180731: the victim's nation is the shooter's
    text = (
        "أما المنشور الثالث فكان صورة لامرأة من عربية تحمل الجنسية الإسرائيلية أصيبت برصاص الشرطة "
        "الإسرائيلية بعد أن لوحت بسكين."
    )
    names = {"الإسرائيلية": ("GPE", "israel", "adjective")}
    assert not any(kind == "attack" for kind, _, _ in triples(run_on(text, names)))


def test_interactions_rules_condemned_act_of_a_gentilic_phrase() -> None:
    # ant:FR-internationalNews-1261-20180515: ندد بالعنف الذي تمارسه القوات الإسرائيلية; the doer of
    # the condemned act is a noun with its gentilic (9 such relative clauses after أدان/ندد/استنكر in
    # news-bench politics)
    text = (
        "الرئيس الفرنسي إيمانويل ماكرون أجرى اتصالا هاتفيا مع العاهل الأردني الملك عبد الله واتصالا "
        "مماثلا مع رئيس السلطة الفلسطينية محمود عباس وندد بالعنف الذي تمارسه القوات الإسرائيلية ضد "
        "المتظاهرين الفلسطينيين."
    )
    names = {
        "إيمانويل ماكرون": ("PERSON", "macron", "name"),
        "عبد الله": ("PERSON", "abdullah", "name"),
        "محمود عباس": ("PERSON", "abbas", "name"),
        "الإسرائيلية": ("GPE", "israel", "adjective"),
        "الفلسطينيين": ("GPE", "palestine", "adjective"),
    }
    found = triples(run_on(text, names))  # (the agent of the conjoined وندد is not checked here)
    assert any(kind == "condemn" and target == "israel" for kind, _, target in found)
    assert not any(kind == "condemn" and target == "palestine" for kind, _, target in found)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:CN-middleEast-377-20180326; condemn … من قبل X in about 20 news-bench politics sentences
        (
            "أدانت وزارة الخارجية الكويتية إطلاق 7 صواريخ من قبل الحوثيين من اليمن إلى المملكة العربية "
            "السعودية خلال الساعات الماضية.",
            {
                "وزارة الخارجية الكويتية": ("ORG", "kuwait_mofa", "name"),
                "الحوثيين": ("ORG", "houthis", "name"),
                "اليمن": ("GPE", "yemen", "name"),
                "المملكة العربية السعودية": ("GPE", "saudi_arabia", "name"),
            },
            ("condemn", "kuwait_mofa", "houthis"),
        ),
        # ant:FR-internationalNews-1912-20180619
        (
            'فقد نددت بكين الثلاثاء بـ"ابتزاز" من قبل واشنطن التي هددت بفرض رسوم بعشرات مليارات '
            "الدولارات على واردات صينية.",
            {"بكين": ("GPE", "beijing", "name"), "واشنطن": ("GPE", "washington", "name")},
            ("condemn", "beijing", "washington"),
        ),
    ],
)
def test_interactions_rules_condemned_act_done_by(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_forces_with_a_gentilic_are_the_army(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # ant:BB-middleEast-299-20180406: القوات الإسرائيلية is the army the article names
    text = (
        "وقال الجيش الإسرائيلي إن قواته أطلقت النار وأصابت ثلاثة أشخاص كانوا يقتربون من الحدود.\n"
        "وقُتل 20 فلسطينيا وأُصيب مئات آخرون برصاص القوات الإسرائيلية في تجمع مماثل يوم الجمعة "
        "الماضي.\n"
        "وتقول حماس وغيرها من الجماعات التي تنظم الاحتجاجات إنها تطالب سلميا بحق عودة اللاجئين "
        "الفلسطينيين."
    )
    corpus = build_texts(tmp_path_factory, "forces", {"d": text})
    codes = {e.entity_id: e.key for e in corpus.entities}
    found = {(i.type, codes[i.agent], codes[i.target]) for i in corpus.interactions}
    assert ("attack", "org:" + key("الجيش") + ":IL", "country:PS") in found


def test_interactions_rules_forces_with_a_gentilic_are_the_army_another_document_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # ant:BB-middleEast-299-20180406, its two sentences as two documents: the army named in one is
    # the army of القوات الإسرائيلية in the other (each document is processed on its own slice)
    texts = {
        "a": "وقال الجيش الإسرائيلي إن قواته أطلقت النار وأصابت ثلاثة أشخاص كانوا يقتربون من الحدود.",
        "b": (
            "وقُتل 20 فلسطينيا وأُصيب مئات آخرون برصاص القوات الإسرائيلية في تجمع مماثل يوم الجمعة "
            "الماضي.\nوتقول حماس وغيرها من الجماعات التي تنظم الاحتجاجات إنها تطالب سلميا بحق عودة "
            "اللاجئين الفلسطينيين."
        ),
    }
    corpus = build_texts(tmp_path_factory, "forces2", texts)
    codes = {e.entity_id: e.key for e in corpus.entities}
    found = {(i.type, codes[i.agent], codes[i.target]) for i in corpus.interactions}
    assert ("attack", "org:" + key("الجيش") + ":IL", "country:PS") in found


def test_interactions_rules_actor_after_another_trigger_word_is_no_object(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # ant:CN-middleEast-56-20180221: the groups loyal to the regime are threatened, the regime is
    # only whom they are loyal to (الموالية ل is a support trigger of its own)
    text = (
        "في المقابل، هدد المتحدث باسم الرئاسة التركية إبراهيم قالن بأن المجموعات الموالية للنظام "
        'السوري، ستكون "هدفا مشروعا للقوات التركية" حال اتخاذها أي خطوة داعمة لتنظيم "YPG/ PYD" '
        "الإرهابي في عفرين."
    )
    corpus = build_texts(tmp_path_factory, "loyal", {"d": text})
    names = {e.entity_id: e.canonical for e in corpus.entities}
    threatened = {names[i.target] for i in corpus.interactions if i.trigger == "هدد"}
    assert "النظام السوري" not in threatened


# Causes of wrong interactions in the hand-check of 300 news-bench politics articles (first 50)
@pytest.mark.parametrize(
    ("text", "names", "fixed", "wrong"),
    [
        # ant:BB-middleEast-491-20180511: a gentilic after a preposition is the target's, not the agent
        (
            "وكان الجيش الإسرائيلي يتوقع هجوما بعد تقارير عن أنه شن عددا من الهجمات على منشآت إيرانية "
            "في سوريا خلال الأشهر القليلة الماضية.",
            {
                "الجيش الإسرائيلي": ("ORG", "israeli_army", "name"),
                "إيرانية": ("GPE", "iran", "adjective"),
                "سوريا": ("GPE", "syria", "name"),
            },
            {},
            ("attack", "iran", "syria"),
        ),
        # ant:BB-middleEast-64-20180220: the speaker's gentilic before إن is not the attacker
        (
            "وقال متطوعو الدفاع المدني السوري إن القصف الجوي والمدفعي على بلدة المرج خلف 24 قتيلا.",
            {"السوري": ("GPE", "syria", "adjective"), "المرج": ("LOC", "marj", "name")},
            {},
            ("attack", "syria", "marj"),
        ),
        # ant:BB-internationalNews-471-20180506: a denied event
        (
            "وينفي ترامب إقامة علاقة مع دانيلز.",
            {"ترامب": ("PERSON", "trump", "name"), "دانيلز": ("PERSON", "daniels", "name")},
            {},
            ("other", "trump", "daniels"),
        ),
        # ant:BB-middleEast-120-20180301: the ally joined to the speaker accuses with it
        (
            'وتتهم الحكومة السورية وحليفتها موسكو المتمردين بقصف "الممرات" المعدة لعمليات الإجلاء.',
            {
                "الحكومة السورية": ("ORG", "syrian_government", "name"),
                "موسكو": ("GPE", "moscow", "name"),
            },
            {},
            ("accuse", "syrian_government", "moscow"),
        ),
    ],
)
def test_interactions_rules_precision_causes(
    text: str, names: dict, fixed: dict, wrong: tuple[str, str, str]
) -> None:
    assert wrong not in triples(run_on(text, names, fixed))


def test_interactions_rules_attacking_words_is_condemning() -> None:
    # ant:BB-internationalNews-1021-20180830: هاجم + تعليقات/تصريحات
    text = 'وقد هاجمت الصين تعليقات ترامب ووصفتها بأنها "غير مسؤولة" ويصعب فهمها.'
    names = {"الصين": ("GPE", "china", "name"), "ترامب": ("PERSON", "trump", "name")}
    found = triples(run_on(text, names))
    assert ("condemn", "china", "trump") in found
    assert ("attack", "china", "trump") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:BB-internationalNews-257-20180330: اتهام X Y بـ, the genitive accuses the accusative
        (
            "طُرد عشرات من الدبلوماسين الروس من أكثر من عشرين دولة، بعد اتهام بريطانيا روسيا بالتورط "
            "في تسميم جاسوس روسي سابق على أراضيها.",
            ("accuse", "uk", "russia"),
        ),
        # ant:SK-internationalNews-2884-20180803: the object with ل (اتهام X لـY)
        (
            "والعلاقات بين الولايات المتحدة وروسيا متوترة للغاية، بخاصة منذ حملة الانتخابات الرئاسية "
            "في عام 2016 واتهام المخابرات الأميركية لموسكو بالتدخل فيها.",
            ("accuse", "us_intelligence", "moscow"),
        ),
    ],
)
def test_interactions_rules_masdar_genitive_agent_and_object(
    text: str, expected: tuple[str, str, str]
) -> None:
    names = {
        "بريطانيا": ("GPE", "uk", "name"),
        "روسيا": ("GPE", "russia", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
        "المخابرات الأميركية": ("ORG", "us_intelligence", "name"),
        "موسكو": ("GPE", "moscow", "name"),
    }
    assert expected in triples(run_on(text, names))


def test_interactions_rules_visitor_named_after_a_multiword_title() -> None:
    # ant:BB-middleEast-1113-20181017: زيارة وزير الخارجية الأمريكي مايك بومبيو إلى: the person, not
    # the country of the title's gentilic
    text = (
        "وتزامنت المكالمة الهاتفية بين ترامب وبن سلمان مع زيارة وزير الخارجية الأمريكي مايك بومبيو، "
        "إلى السعودية ولقاء العاهل السعودي الملك سلمان بن عبدالعزيز."
    )
    names = {
        "ترامب": ("PERSON", "trump", "name"),
        "بن سلمان": ("PERSON", "mbs", "name"),
        "الأمريكي": ("GPE", "united_states", "adjective"),
        "مايك بومبيو": ("PERSON", "pompeo", "name"),
        "السعودية": ("GPE", "saudi_arabia", "name"),
    }
    found = triples(run_on(text, names))
    assert ("other", "pompeo", "saudi_arabia") in found
    assert not any(agent == "united_states" for _, agent, _ in found)


def test_interactions_rules_act_done_against_by_relative_subject() -> None:
    # ant:FR-middleEast-14-20180216; noun + التي يشنها/نفذتها/ارتكبها/يمارسه X ضد Y in 130 news-bench
    # sentences: the relative verb's subject attacks the actor after ضد
    text = (
        "والعملية التي تشنها تركيا ضد وحدات حماية الشعب الكردية في عفرين السورية أضافت مشكلة جديدة "
        "قد لا يكون ممكنا التغلب عليها في علاقات ثنائية يشوبها توتر متزايد."
    )
    names = {
        "تركيا": ("GPE", "turkey", "name"),
        "وحدات حماية الشعب الكردية": ("ORG", "ypg", "name"),
        "عفرين": ("GPE", "afrin", "name"),
    }
    assert ("attack", "turkey", "ypg") in triples(run_on(text, names))


def test_interactions_rules_act_done_against_coordinated_doers_and_object_noun() -> None:
    # ant:FR-middleEast-286-20180415: three doers joined by و, the target after ضد أهداف في; the
    # supporters of the strikes (السعودية وقطر) attack nobody
    text = (
        "كما هو متوقع، أعربت السعودية وقطر السبت عن تأييدهما للضربات التي نفذتها بريطانيا وفرنسا "
        "والولايات المتحدة ضد أهداف في سوريا، واعتبرتا أنها جاءت ردا على هجمات النظام السوري ضد المدنيين."
    )
    names = {
        "السعودية": ("GPE", "saudi_arabia", "name"),
        "قطر": ("GPE", "qatar", "name"),
        "بريطانيا": ("GPE", "uk", "name"),
        "فرنسا": ("GPE", "france", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
        "سوريا": ("GPE", "syria", "name"),
    }
    attacks = {(agent, target) for kind, agent, target in triples(run_on(text, names)) if kind == "attack"}
    assert {("uk", "syria"), ("france", "syria"), ("united_states", "syria")} <= attacks
    assert not any(agent in ("saudi_arabia", "qatar") for agent, _ in attacks)


POMPEO = {
    "بومبيو": ("PERSON", "pompeo", "name"),
    "إيران": ("GPE", "iran", "name"),
    "واشنطن": ("GPE", "washington", "name"),
}


def test_interactions_rules_speaker_announces_his_country_will_act() -> None:
    # ant:CN-middleEast-990-20180521; أن/إن بلاده ست… على/ضد in 41 news-bench sentences: the speaker
    # announces (threatens) what his country will do
    text = (
        'وقال بومبيو إن بلاده ستفرض "أقوى عقوبات في التاريخ" على إيران، وذلك بعد أيام على انسحاب '
        "واشنطن من الاتفاق النووي الإيراني."
    )
    assert ("other", "pompeo", "iran") in triples(run_on(text, POMPEO))


def test_interactions_rules_another_state_will_act_is_no_announcement() -> None:
    # the same sentence with another state as the subject of the future verb: it acts, not the speaker
    text = 'وقال بومبيو إن الاتحاد الأوروبي سيفرض "أقوى عقوبات في التاريخ" على إيران.'
    names = {**POMPEO, "الاتحاد الأوروبي": ("ORG", "eu", "name")}
    found = triples(run_on(text, names))
    assert ("other", "eu", "iran") in found
    assert ("other", "pompeo", "iran") not in found


def test_interactions_rules_the_statement_as_subject_is_its_issuer() -> None:
    # ant:SK-middleEast-967-20180411; a trigger verb right before البيان in 59 news-bench sentences:
    # the body that made the statement (في بيان) acts, and the actor after البيان is the object
    text = (
        "اتهمت الخارجية اليمنية إيران، الأربعاء، بتحويل مبنى سفارتها في العاصمة صنعاء إلى ثكنة عسكرية "
        "ومركز تدريب لميليشيات الحوثي.\n"
        "كما اتهمت الوزارة في بيان لها إيران بتحويل مبنى سفارتها إلى مخازن للأسلحة والمتفجرات والصواريخ.\n"
        "واستنكرت بشدة استمرار تدخل ايران في الشأن اليمني لدعم الانقلاب وتشجيع الفوضى وعدم الاستقرار.\n"
        "ودعا البيان النظام الإيراني إلى إغلاق سفارته في صنعاء بشكل فوري."
    )
    names = {
        "الخارجية اليمنية": ("ORG", "yemen_fm", "name"),
        "إيران": ("GPE", "iran", "name"),
        "ايران": ("GPE", "iran", "name"),
        "النظام الإيراني": ("ORG", "iranian_regime", "name"),
        "صنعاء": ("GPE", "sanaa", "name"),
    }
    found = triples(run_on(text, names))
    assert ("urge", "yemen_fm", "iranian_regime") in found
    assert not any(agent == "iranian_regime" for _, agent, _ in found)


def test_interactions_rules_the_statement_without_issuer_acts_for_nobody() -> None:
    # ant:SK-internationalNews-787-20180404: the object after البيان is no agent (وأدان البيان استمرار
    # إيران بدعم الحوثيين is no condemnation by Iran); with no statement before it, no interaction
    text = "وأدان البيان استمرار إيران بدعم الحوثيين."
    names = {"إيران": ("GPE", "iran", "name"), "الحوثيين": ("ORG", "houthis", "name")}
    assert not any(agent == "iran" for _, agent, _ in triples(run_on(text, names)))


def test_interactions_rules_no_partner_inside_a_later_quotation() -> None:
    # ant:BB-internationalNews-1215-20181019; a meeting word followed within six words by a quotation
    # holding مع/ب: ~640 news-bench regex hits (an upper bound: the regex also takes الاجتماعي)
    text = (
        "وكان وزير الخارجية الأمريكي مايك بومبيو اجتمع مع ترامب عقب عودته من رحلته إلى تركيا والسعودية.\n"
        'وقال بومبيو للصحافيين بعيد الاجتماع "لقد أوضحنا للسعوديين أننا نتعامل مع قضية خاشقجي بجدية '
        'كبيرة".'
    )
    names = {
        "مايك بومبيو": ("PERSON", "pompeo", "name"),
        "بومبيو": ("PERSON", "pompeo", "name"),
        "ترامب": ("PERSON", "trump", "name"),
        "خاشقجي": ("PERSON", "khashoggi", "name"),
    }
    found = triples(run_on(text, names))
    assert ("meeting", "pompeo", "trump") in found
    assert ("meeting", "pompeo", "khashoggi") not in found


@pytest.mark.parametrize(
    ("text", "nth", "opens"),
    [
        # ant:AL-internationalNews-1572-20180612: a short quoted name opens no clause, and the quote
        # after اللقاء التاريخي closes it, so مع ترمب is still the meeting's partner
        ('وأشاد بما وصفه بـ"اللقاء التاريخي" مع ترمب وتعهد "بطي صفحة الماضي".', 0, False),
        ('وأشاد بما وصفه بـ"اللقاء التاريخي" مع ترمب وتعهد "بطي صفحة الماضي".', 1, False),
        # ant:BB-internationalNews-1215-20181019: a quotation of speech opens another clause
        ('وقال بومبيو للصحافيين بعيد الاجتماع "لقد أوضحنا للسعوديين أننا نتعامل مع قضية خاشقجي".', 0, True),
    ],
)
def test_interactions_rules_quotation_opening_a_clause(text: str, nth: int, opens: bool) -> None:
    from kg.stages.docview import DocView
    from tests.test_attribute import make_corpus

    corpus = make_corpus(text, {})
    view = DocView(corpus.documents[0], corpus, list(corpus.mentions))
    quotes = [tok for tok in view.tokens if tok.text == '"']
    assert interactions.opens_quoted_clause(view, quotes[nth]) is opens


def test_interactions_rules_condemned_act_doer_is_the_target() -> None:
    # ant:BB-middleEast-571-20180603; a verb of condemnation then a bare derived verbal noun
    # (استخدام، استمرار، اعتقال، اغتيال …) in about 50 news-bench sentences
    text = (
        'واستخدمت الولايات المتحدة الجمعة حق النقض "الفيتو" ضد مشروع قرار بمجلس الأمن، طرحته الكويت، '
        "يدين استخدام إسرائيل القوة ضد الفلسطينيين."
    )
    names = {
        "الولايات المتحدة": ("GPE", "united_states", "name"),
        "الكويت": ("GPE", "kuwait", "name"),
        "إسرائيل": ("GPE", "israel", "name"),
        "الفلسطينيين": ("GPE", "palestine", "name"),
    }
    assert not any(agent == "israel" for kind, agent, _ in triples(run_on(text, names)) if kind == "condemn")


@pytest.mark.parametrize(
    ("word", "derived"),
    [("استخدام", True), ("اعتقال", True), ("انسحاب", True), ("إطلاق", True), ("تدمير", True), ("قصف", False)],
)
def test_interactions_rules_derived_verbal_noun_patterns(word: str, derived: bool) -> None:
    assert bool(interactions._DERIVED_MASDAR.match(key(word))) is derived


def test_interactions_rules_visited_country_is_no_meeting_agent() -> None:
    # ant:AL-internationalNews-1055-20180508; a sentence opening with في/خلال زيارة|اتصال|لقاء|اجتماع
    # then ل/إلى + a name in 40 news-bench sentences: the actor after the preposition is no subject
    text = (
        "وفي زيارة لفنزويلا للقاء نظيره نيكولاس مادورو، قال الرئيس الفلسطيني محمود عباس إنه يأمل ألا "
        "تحذو دول أخرى حذو الولايات المتحدة."
    )
    names = {
        "فنزويلا": ("GPE", "venezuela", "name"),
        "نيكولاس مادورو": ("PERSON", "maduro", "name"),
        "محمود عباس": ("PERSON", "abbas", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
    }
    assert not any(agent == "venezuela" for _, agent, _ in triples(run_on(text, names)))


def test_interactions_rules_place_reached_is_no_subject() -> None:
    # ant:BB-middleEast-949-20180903; إلى/في X، حيث + وقع/التقى/اجتمع/أجرى/بحث/استقبل in 44
    # news-bench sentences: the actor after the preposition is where it happened, not who acted
    text = (
        "وكان وزير الدفاع الإيراني قد توجه الأسبوع الماضي إلى دمشق، حيث وقع مع نظيره السوري اتفاقا "
        "للتعاون الدفاعي بين البلدين."
    )
    names = {
        "دمشق": ("GPE", "damascus", "name"),
        "الإيراني": ("GPE", "iran", "adjective"),
        "السوري": ("GPE", "syria", "adjective"),
    }
    assert not any(agent == "damascus" for _, agent, _ in triples(run_on(text, names)))


# content_blame: a blame predicate (kg/resources/blame_predicates.tsv) done by a named actor heading
# a clause of reported content; 87 sentences of the 17,689 news-bench politics articles, 82 right.
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:SK-middleEast-2822-20180710: إن X خرقت
        (
            "قال وزير الخارجية الأميركي، مايك بومبيو، إن روسيا خرقت الاتفاق مع بلاده بشأن الجنوب السوري.",
            {"مايك بومبيو": ("PERSON", "pompeo", "name"), "روسيا": ("GPE", "russia", "name")},
            ("accuse", "pompeo", "russia"),
        ),
        # ant:BB-middleEast-3-20180218: across قد and a quotation mark
        (
            'بعد الهجوم، قال نتنياهو إن إيران قد "انتهكت بوقاحة السيادة الإسرائيلية" '
            "وتعهد بأن تدافع إسرائيل عن نفسها.",
            {"نتنياهو": ("PERSON", "netanyahu", "name"), "إيران": ("GPE", "iran", "name")},
            ("accuse", "netanyahu", "iran"),
        ),
        # ant:SK-internationalNews-1296-20180501: across the auxiliary كانت
        (
            "يأتي ذلك بعد أن عرض رئيس الوزراء الإسرائيلي بنيامين نتانياهو، الاثنين، آلاف الوثائق الورقية "
            "والإلكترونية التي حصلت عليها الاستخبارات الإسرائيلية، ليؤكد أن إيران كانت تكذب عندما قالت "
            "إنها لم تمتلك برنامجا للأسلحة النووية.",
            {"بنيامين نتانياهو": ("PERSON", "netanyahu", "name"), "إيران": ("GPE", "iran", "name")},
            ("accuse", "netanyahu", "iran"),
        ),
        # ant:SK-middleEast-910-20180410: a negated predicate (لم تلتزم)
        (
            "وقالت ماندلكر إن إيران لم تلتزم ببنود الاتفاق.",
            {"ماندلكر": ("PERSON", "mandelker", "name"), "إيران": ("GPE", "iran", "name")},
            ("accuse", "mandelker", "iran"),
        ),
    ],
)
def test_interactions_rules_blame_in_content_accuses_its_doer(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    found = run_on(text, names)
    assert expected in triples(found)
    carried = next(i for i in found if (i.type, i.agent, i.target) == expected)
    assert carried.derived_from is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # ant:CN-middleEast-1202-20180813: لن تلتزم is a refusal, and the speaker's own country
        (
            "أعرب وزير الخارجية التركي مولود جاويش أوغلو عن تضامن بلاده مع إيران "
            "وقال إن تركيا لن تلتزم بتطبيق هذه العقوبات.",
            {"مولود جاويش أوغلو": ("PERSON", "cavusoglu", "name"), "تركيا": ("GPE", "turkey", "name")},
        ),
        # ant:JA-internationalNews-1186-20170607: a question is no accusation
        (
            'وجاءت تصريحات المتحدث ردا على سؤال عما إذا كانت باريس تعتقد أن قطر تدعم جماعات "إرهابية".',
            {"باريس": ("GPE", "paris", "name"), "قطر": ("GPE", "qatar", "name")},
        ),
    ],
)
def test_interactions_rules_blame_refused_or_asked_is_no_accusation(text: str, names: dict) -> None:
    assert not {t for t in triples(run_on(text, names)) if t[0] == "accuse"}


def test_interactions_rules_blame_belongs_to_the_innermost_speaker() -> None:
    # ant:CN-middleEast-847-20180509: the minister relays what Iran says of the United States
    text = (
        'وقال وزير الخارجية البحريني خالد بن أحمد: "ايران تقول ان الولايات المتحدة تنقض العهود! '
        'لدينا معاهدات عديدة مع الولايات المتحدة".'
    )
    names = {
        "خالد بن أحمد": ("PERSON", "khalid", "name"),
        "ايران": ("GPE", "iran", "name"),
        "الولايات المتحدة": ("GPE", "us", "name"),
    }
    found = {t for t in triples(run_on(text, names)) if t[0] == "accuse"}
    assert found == {("accuse", "iran", "us")}


# Argument structure of event triggers in narration (issue 22): an attack done in a place.


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:AL-internationalNews-1099-20180510; a war or attack noun + (التي) تقودها/شنه/نفذتها X في Y
        # in 351 news-bench sentences: the relative verb's subject attacks the place after في
        (
            "وفرنسا أحد أشد منتقدي العملية العسكرية التي تنفذها تركيا في شمال سوريا، مستهدفة وحدات حماية "
            "الشعب الكردية التي تعتبرها أنقرة منظمة إرهابية.",
            {
                "فرنسا": ("GPE", "france", "name"),
                "تركيا": ("GPE", "turkey", "name"),
                "شمال سوريا": ("LOC", "north_syria", "name"),
                "وحدات حماية الشعب الكردية": ("ORG", "ypg", "name"),
                "أنقرة": ("GPE", "ankara", "name"),
            },
            {("attack", "turkey", "north_syria")},
        ),
        # saudinewsnet:2015-08-10:100: an indefinite antecedent (no relative pronoun), a military
        # campaign, two places joined by و
        (
            "ويسيطر التنظيم - وهو الهدف الرئيسي لحملة عسكرية تقودها الولايات المتحدة في سوريا والعراق - "
            "على قطاع من الأراضي شمالي حلب على الحدود مع تركيا.",
            {
                "الولايات المتحدة": ("GPE", "united_states", "name"),
                "سوريا": ("GPE", "syria", "name"),
                "العراق": ("GPE", "iraq", "name"),
                "تركيا": ("GPE", "turkey", "name"),
            },
            {("attack", "united_states", "syria"), ("attack", "united_states", "iraq")},
        ),
        # ant:SK-middleEast-955-20180411: an attack noun with its nisba adjective before the verb
        (
            'أعلن وزير الدفاع الأميركي، جيم ماتيس، الأربعاء، "استعداده" لعرض خيارات عسكرية على الرئيس '
            "دونالد ترامب، ردا على هجوم كيمياوي شنه النظام السوري في دوما، السبت الماضي.",
            {
                "جيم ماتيس": ("PERSON", "mattis", "name"),
                "دونالد ترامب": ("PERSON", "trump", "name"),
                "النظام السوري": ("ORG", "syrian_regime", "name"),
                "دوما": ("GPE", "douma", "name"),
            },
            {("attack", "syrian_regime", "douma")},
        ),
    ],
)
def test_interactions_rules_attack_done_in_place(
    text: str, names: dict, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(run_on(text, names))


def test_interactions_rules_led_coalition_is_no_attack_noun() -> None:
    # ant:FR-internationalNews-1821-20180615: تقوده is about the coalition (التحالف), not about the
    # noun قصف before it: Saudi Arabia leads the coalition, the sentence names no attack it leads
    text = (
        "قصف التحالف الذي تقوده السعودية مواقع للحوثيين في الحديدة باليمن الخميس سعيا للسيطرة على "
        "الميناء الرئيسي."
    )
    names = {
        "السعودية": ("GPE", "saudi_arabia", "name"),
        "الحوثيين": ("ORG", "houthis", "name"),
        "الحديدة": ("GPE", "hodeidah", "name"),
        "اليمن": ("GPE", "yemen", "name"),
    }
    assert ("attack", "saudi_arabia", "hodeidah") not in triples(run_on(text, names))


# Criticism nouns: انتقاده لـ، وجه X انتقادات لـ (انتقاد/انتقادات + pronoun or actor + لـ/من in 501
# news-bench sentences).


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:FR-internationalNews-1534-20180530: the pronoun's owner criticises the state whose policy
        # follows the ل
        (
            "ويذكر أن بابتشينكو، وهو جندي سابق في حرب الشيشان وأحد أشهر مراسلي الحرب في روسيا، قد غادر "
            "بلاده خوفا على حياته بعد انتقاده لسياسة روسيا في أوكرانيا وسوريا.",
            {
                "بابتشينكو": ("PERSON", "babchenko", "name"),
                "روسيا": ("GPE", "russia", "name"),
                "أوكرانيا": ("GPE", "ukraine", "name"),
                "سوريا": ("GPE", "syria", "name"),
            },
            ("condemn", "babchenko", "russia"),
        ),
        # ant:BB-middleEast-637-20180619: the subject of وجه before the noun, an adjective between
        # the noun and its ل
        (
            "وعلى صعيد السياسة الخارحية، وجه أردوغان انتقادات حادة لإسرائيل، التي كانت من أقوى حلفاء "
            "تركيا، بسبب تعاملها مع الفلسطينيين.",
            {
                "أردوغان": ("PERSON", "erdogan", "name"),
                "إسرائيل": ("GPE", "israel", "name"),
                "تركيا": ("GPE", "turkey", "name"),
            },
            ("condemn", "erdogan", "israel"),
        ),
    ],
)
def test_interactions_rules_criticism_noun(text: str, names: dict, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "unexpected"),
    [
        # ant:SK-internationalNews-280-20180312: Mnuchin rejects criticisms of Trump's decision; no
        # verb of directing names him their author
        (
            "ورفض منوتشين الانتقادات الموجهة لقرار ترامب بأنه يسهم في تعزيز مكانة زعيم كوريا الشمالية على "
            "الصعيد الدولي.",
            {"منوتشين": ("PERSON", "mnuchin", "name"), "ترامب": ("PERSON", "trump", "name")},
            ("condemn", "mnuchin", "trump"),
        ),
        # ant:BB-internationalNews-807-20180713: the mayor (لعمدة) of the city is criticised, not the city
        (
            'وجدد ترامب في المقابلة انتقاده لعمدة لندن صديق خان، قائلاً إنه "قام بعمل سيء"، في إشارة '
            "للاعتداءات الإرهابية التي شهدتها العاصمة البريطانية العام الماضي.",
            {"ترامب": ("PERSON", "trump", "name"), "لندن": ("GPE", "london", "name")},
            ("condemn", "trump", "london"),
        ),
    ],
)
def test_interactions_rules_criticism_noun_guards(
    text: str, names: dict, unexpected: tuple[str, str, str]
) -> None:
    assert unexpected not in triples(run_on(text, names))


def test_interactions_rules_accusation_noun_gentilic_author() -> None:
    # ant:CN-internationalNews-151-20180319; اتهامات + actor or gentilic + لـ in 187 news-bench
    # sentences: the gentilic's state accuses the actor after ل
    text = (
        "وتأتي تعليقات إيب بعد اتهامات بريطانية لروسيا بمحاولة اغتيال جاسوس روسي على أراضيها باستخدام غاز "
        'للأعصاب، وقد رجّح وزير الخارجية البريطاني، بوريس جونسون، "باحتمال كبير" اتخاذ بوتين لقرار محاولة '
        "الاغتيال بنفسه، ما انعكس سلباً على العلاقات بين البلدين.."
    )
    names = {
        "بريطانية": ("GPE", "uk", "adjective"),
        "البريطاني": ("GPE", "uk", "adjective"),
        "روسيا": ("GPE", "russia", "name"),
        "روسي": ("GPE", "russia", "adjective"),
        "بوريس جونسون": ("PERSON", "johnson", "name"),
        "بوتين": ("PERSON", "putin", "name"),
    }
    assert ("accuse", "uk", "russia") in triples(run_on(text, names))


# A body's meeting (اجتماع لـ<body>) attended by the sentence's speaker: اجتماع لـ in 563 news-bench
# sentences.


def test_interactions_rules_speaker_meets_body_of_meeting_noun() -> None:
    # ant:FR-internationalNews-778-20180418: the speaker of أفاد meets the body in the ل-genitive
    text = (
        "وأفاد الجعفري خلال اجتماع لمجلس الأمن حول سوريا أن فريقا أمنيا تابعا للأمم المتحدة دخل دوما خلال "
        "النهار لتحديد ما إذا كان بإمكان الخبراء أن يتوجهوا إلى المدينة الأربعاء."
    )
    names = {
        "الجعفري": ("PERSON", "jaafari", "name"),
        "مجلس الأمن": ("ORG", "unsc", "name"),
        "سوريا": ("GPE", "syria", "name"),
        "الأمم المتحدة": ("ORG", "un", "name"),
        "دوما": ("GPE", "douma", "name"),
    }
    assert ("meeting", "jaafari", "unsc") in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "unexpected"),
    [
        # ant:FR-internationalNews-943-20180426: the meeting is inside what the spokeswoman reports
        (
            "أعلنت المتحدثة باسم وزارة الخارجية الأمريكية هيذر نويرت الخميس، أن وزير الخارجية الأمريكية "
            "الجديد مايك بومبيو سيتوجه الجمعة إلى بروكسل للمشاركة في اجتماع للحلف الأطلسي، قبل أن يزور "
            "السعودية والأردن وإسرائيل في أول جولة خارجية له.",
            {
                "هيذر نويرت": ("PERSON", "nauert", "name"),
                "مايك بومبيو": ("PERSON", "pompeo", "name"),
                "بروكسل": ("GPE", "brussels", "name"),
                "للحلف الأطلسي": ("ORG", "nato", "name"),
            },
            ("meeting", "nauert", "nato"),
        ),
        # ant:FR-internationalNews-661-20180410: spoken hours before the meeting (قبل ساعات على)
        (
            'ونقلت الوكالة عن مصدر في وزارة الخارجية قوله "وجهت الوزارة دعوة رسمية ’لمنظمة حظر الأسلحة '
            "الكيميائية‘ لإرسال فريق من بعثة تقصي حقائق لزيارة مدينة دوما والتحقيق في الادعاءات المتعلقة "
            'بحادثة الاستخدام المزعوم للأسلحة الكيميائية فيها"، وذلك قبل ساعات على اجتماع لمجلس الأمن الدولي '
            "حول سوريا.",
            {
                "وزارة الخارجية": ("ORG", "foreign_ministry", "name"),
                "منظمة حظر الأسلحة الكيميائية": ("ORG", "opcw", "name"),
                "دوما": ("GPE", "douma", "name"),
                "مجلس الأمن الدولي": ("ORG", "unsc", "name"),
                "سوريا": ("GPE", "syria", "name"),
            },
            ("meeting", "foreign_ministry", "unsc"),
        ),
    ],
)
def test_interactions_rules_meeting_noun_guards(
    text: str, names: dict, unexpected: tuple[str, str, str]
) -> None:
    found = triples(run_on(text, names))
    assert unexpected not in found
    assert not any(kind == "meeting" and target == "unsc" for kind, _, target in found)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # ant:CN-internationalNews-618-20181001; انسحب/انسحاب … منه with an agreement word in 43 news-bench
        # sentences: the subject after منه leaves the agreement that الذي refers back to
        (
            "ولكن على الجانب الآخر، بدا واضحاً أن 14 من أصل 15 دولة في مجلس الأمن الدولي (باستثناء "
            "الولايات المتحدة) تؤيد الاتفاق النووي مع إيران الذي انسحب منه الرئيس ترامب في مايو/أيار الماضي.",
            {
                "مجلس الأمن الدولي": ("ORG", "unsc", "name"),
                "الولايات المتحدة": ("GPE", "united_states", "name"),
                "إيران": ("GPE", "iran", "name"),
                "ترامب": ("PERSON", "trump", "name"),
            },
            ("suspend_cooperation", "trump", "iran"),
        ),
        # ant:BB-middleEast-506-20180516: the verbal noun's genitive before منه, the agreement's
        # party after مع and a year between the agreement and الذي
        (
            "وكان مسؤولون في البيت الأبيض قالوا إن إدارة ترامب تعمل على تغيير سياسة الولايات المتحدة تجاه "
            'حزب الله، والتخلي عن "الموقف المتساهل" الذي كان الرئيس السابق، باراك أوباما، يتبناه في تعامله '
            "مع الحزب، منذ توقيع الاتفاق النووي مع إيران عام 2015 الذي أعلن ترامب انسحاب الولايات المتحدة "
            "منه أخيرا.",
            {
                "البيت الأبيض": ("ORG", "white_house", "name"),
                "ترامب": ("PERSON", "trump", "name"),
                "الولايات المتحدة": ("GPE", "united_states", "name"),
                "حزب الله": ("ORG", "hezbollah", "name"),
                "باراك أوباما": ("PERSON", "obama", "name"),
                "إيران": ("GPE", "iran", "name"),
            },
            ("suspend_cooperation", "united_states", "iran"),
        ),
    ],
)
def test_interactions_rules_withdrawal_from_agreement_named_before(
    text: str, names: dict, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(run_on(text, names))


def test_interactions_rules_joined_loyalists_support_nobody_named_before() -> None:
    # saudinewsnet:2015-07-23:550; و + الموالين/الموالون لـ after a name in 66 news-bench sentences,
    # a second group each time: the Houthis are not said to be loyal to Saleh
    text = (
        "وقالت مصادر في المقاومة الشعبية: إن الحوثيين والموالين لصالح شنوا هجمات عنيفة على مواقع المقاومة "
        "والجيش في جبهتي الجفينة وصرواح في محاولة منهم للتقدم والاستيلاء على تلك المواقع.."
    )
    names = {
        "المقاومة الشعبية": ("ORG", "popular_resistance", "name"),
        "الحوثيين": ("ORG", "houthis", "name"),
        "صالح": ("PERSON", "saleh", "name"),
    }
    assert ("support", "houthis", "saleh") not in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "names", "unexpected"),
    [
        # ant:SK-middleEast-1417-20180503: the subject of تستهدف is محاولة, Kuwait attacks nobody
        (
            "أعرب مصدر مسؤول في وزارة الخارجية الكويتية، الخميس، عن إدانة دولة الكويت ورفضها لأي محاولة "
            "تستهدف أمن واستقرار ووحدة أراضي المملكة المغربية، حسبما نقلت وكالة الأنباء الكويتية (كونا).",
            {
                "وزارة الخارجية الكويتية": ("ORG", "kuwait_mfa", "name"),
                "الكويت": ("GPE", "kuwait", "name"),
                "المملكة المغربية": ("GPE", "morocco", "name"),
                "وكالة الأنباء الكويتية": ("ORG", "kuna", "name"),
            },
            ("attack", "kuwait", "morocco"),
        ),
        # ant:CN-internationalNews-294-20180430: the subject of استهدف is انفجار; Romania's convoy is hit
        (
            "وكان قد لقي ثمانية صحفيين حتفهم، الإثنين، إثر تفجير انتحاري مزدوج في العاصمة الأفغانية، كابل، "
            "في حين قُتل 11 شخصا بانفجار استهدف قافلة للقوات الرومانية في مدينة قندهار.",
            {
                "كابل": ("GPE", "kabul", "name"),
                "الرومانية": ("GPE", "romania", "adjective"),
                "قندهار": ("GPE", "kandahar", "name"),
            },
            ("attack", "romania", "kandahar"),
        ),
    ],
)
def test_interactions_rules_targeting_after_a_common_noun(
    text: str, names: dict, unexpected: tuple[str, str, str]
) -> None:
    # استهدف in 4,444 news-bench articles; after a common noun (محاولة، انفجار) that noun is its subject
    assert unexpected not in triples(run_on(text, names))


def test_interactions_rules_place_in_a_persons_description() -> None:
    # ant:CN-middleEast-884-20180511: طهران is in the genitive of خطيب جمعة, the preacher named right
    # after it launches the (verbal) attack
    text = (
        "دبي، الإمارات العربية المتحدة (CNN)-- شن خطيب جمعة طهران أحمد خاتمي، الجمعة، هجوما على الولايات "
        "المتحدة وإسرائيل والاتحاد الأوروبي والمملكة العربية السعودية والإمارات والبحرين"
    )  # the sentence's first clause (the rest echoes an evaluation article's stock phrase)
    names = {
        "طهران": ("GPE", "tehran", "name"),
        "أحمد خاتمي": ("PERSON", "khatami", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
        "وإسرائيل": ("GPE", "israel", "name"),
    }
    found = triples(run_on(text, names))
    assert ("condemn", "khatami", "united_states") in found
    assert not any(agent == "tehran" for _, agent, _ in found)


def test_interactions_rules_relative_clause_names_the_doer() -> None:
    # ant:FR-internationalNews-726-20180414: التي شنتها names the strikes' doer (the Western states),
    # so Khamenei, who condemns them, is not their agent
    text = (
        "وندد المرشد الأعلى الإيراني آيه الله علي خامنئي بشدة بالضربات التي شنتها الدول الغربية على سوريا، "
        "ووصف الرئيس الأمريكي دونالد ترامب ونظيره الفرنسي إيمانويل ماكرون ورئيسة الوزراء البريطانية تيريزا "
        'ماي بـ"المجرمين".'
    )
    names = {
        "علي خامنئي": ("PERSON", "khamenei", "name"),
        "سوريا": ("GPE", "syria", "name"),
        "دونالد ترامب": ("PERSON", "trump", "name"),
        "إيمانويل ماكرون": ("PERSON", "macron", "name"),
        "تيريزا ماي": ("PERSON", "may", "name"),
    }
    assert ("attack", "khamenei", "syria") not in triples(run_on(text, names))


def test_interactions_rules_envoy_named_after_his_special_office() -> None:
    # saudinewsnet:2015-07-21:75; مبعوث/ممثل/منسق … الخاص in 239 news-bench articles: the envoy named
    # after "the UN's special (envoy) to Syria" is the visitor, not the UN
    text = (
        "ضمن مشاوراته مع الأطراف المعنية الإقليمية وأعضاء مجلس الأمن، زار مبعوث الأمم المتّحدة الخاص إلى "
        "سوريا ستيفان دي ميستورا بكين، أمس، حيث التقى مع نائب وزير الشؤون الخارجية الصيني لي باو دونغ، "
        "والمدير العام لشؤون المنظمات والمؤتمرات الدولية لي جونهوا."
    )
    names = {
        "مجلس الأمن": ("ORG", "unsc", "name"),
        "الأمم المتّحدة": ("ORG", "un", "name"),
        "سوريا": ("GPE", "syria", "name"),
        "ستيفان دي ميستورا": ("PERSON", "de_mistura", "name"),
        "بكين": ("GPE", "beijing", "name"),
        "لي باو دونغ": ("PERSON", "li_baodong", "name"),
    }
    found = triples(run_on(text, names))
    assert ("other", "de_mistura", "beijing") in found
    assert not any(agent == "un" for _, agent, _ in found)


# Issue 22: orders (أمر X بـ، أصدر تعليمات لـ) and tariffs (فرض رسوم جمركية على).


def test_interactions_rules_order_names_its_addressee() -> None:
    # ant:BB-middleEast-795-20180723; أمر + up to five words + بـ in 1,399 news-bench sentences
    text = "أمرت محكمة العدل الدولية دولة الإمارات بحماية حقوق مواطني قطر، وذلك وسط استمرار التوتر الشديد."
    names = {
        "محكمة العدل الدولية": ("ORG", "icj", "name"),
        "الإمارات": ("GPE", "uae", "name"),
        "قطر": ("GPE", "qatar", "name"),
    }
    found = triples(run_on(text, names))
    assert ("request", "icj", "uae") in found
    assert not any(kind == "request" and target == "qatar" for kind, _, target in found)


def test_interactions_rules_order_in_the_first_person_is_the_speakers() -> None:
    # ant:FR-internationalNews-725-20180414: أمرت in the speaker's quotation is "I ordered"
    text = (
        'وأضاف ماكرون أن "الخط الأحمر الذي حددته فرنسا في أيار/مايو 2017 تم تجاوزه. لذلك أمرت القوات '
        'المسلحة الفرنسية بالتدخل هذه الليلة في إطار عملية دولية".'
    )
    names = {
        "ماكرون": ("PERSON", "macron", "name"),
        "فرنسا": ("GPE", "france", "name"),
        "القوات المسلحة الفرنسية": ("ORG", "french_forces", "name"),
    }
    assert ("request", "macron", "french_forces") in triples(run_on(text, names))


def test_interactions_rules_order_of_an_act_on_someone_is_no_order_to_him() -> None:
    # ant:FR-internationalNews-1630-20180604: the person after بإعدام is executed, not ordered
    text = "وبعدما أمر كيم جونغ أون بإعدام زوج عمته جانغ سونغ ثايك بتهمة الخيانة عام 2013، عين هذا الضابط."
    names = {
        "كيم جونغ أون": ("PERSON", "kim", "name"),
        "جانغ سونغ ثايك": ("PERSON", "jang", "name"),
    }
    assert not any(kind == "request" for kind, _, _ in triples(run_on(text, names)))


def test_interactions_rules_issued_instructions_to_a_body() -> None:
    # ant:SK-economy-291-20180406 (أنه أصدر تعليماته لمسئولى التجارة بدراسة); أصدر أوامر/تعليمات/
    # توجيهات لـ/إلى in 33 news-bench sentences. The body is named here to give the ل an actor.
    text = (
        "وكان الرئيس الأميركي دونالد ترامب قد أعلن في بيان له، الجمعة، أنه أصدر تعليماته لوزارة التجارة "
        "بدراسة فرض رسوم جمركية إضافية على المنتجات الصينية."
    )
    names = {
        "دونالد ترامب": ("PERSON", "trump", "name"),
        "الأميركي": ("GPE", "united_states", "adjective"),
        "وزارة التجارة": ("ORG", "commerce_department", "name"),
        "الصينية": ("GPE", "china", "adjective"),
    }
    assert ("request", "trump", "commerce_department") in triples(run_on(text, names))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ant:SK-economy-917-20180706; فرض/رفع/ضاعف/زاد + (من) رسوم جمركية in 339 news-bench sentences
        (
            "بدأت الصين، الجمعة، فرض رسوم جمركية على سلع أميركية ردا على تطبيق واشنطن تعرفات إضافية.",
            ("other", "china", "united_states"),
        ),
        # ant:SK-economy-1225-20180817: تبادل X وY: each levies them on the other
        (
            "وتبادلت الصين والولايات المتحدة فرض رسوم جمركية على سلع ومنتجات، وهددتا بفرض رسوم أخرى.",
            ("other", "united_states", "china"),
        ),
        (
            "وتبادلت الصين والولايات المتحدة فرض رسوم جمركية على سلع ومنتجات، وهددتا بفرض رسوم أخرى.",
            ("other", "china", "united_states"),
        ),
    ],
)
def test_interactions_rules_tariffs_levied_on_a_country(text: str, expected: tuple[str, str, str]) -> None:
    names = {
        "الصين": ("GPE", "china", "name"),
        "أميركية": ("GPE", "united_states", "adjective"),
        "واشنطن": ("GPE", "washington", "name"),
        "الولايات المتحدة": ("GPE", "united_states", "name"),
    }
    assert expected in triples(run_on(text, names))


def test_interactions_rules_tariffs_on_imports_spare_the_importer() -> None:
    # ant:FR-economy-23-20180307: the country after واردات/تستورد buys the taxed goods
    text = "ويرغب ترامب بفرض رسوم جمركية تبلغ نسبتها 25 بالمئة على ما تستورده الولايات المتحدة من الفولاذ."
    names = {"ترامب": ("PERSON", "trump", "name"), "الولايات المتحدة": ("GPE", "united_states", "name")}
    assert not any(kind == "other" for kind, _, _ in triples(run_on(text, names)))
