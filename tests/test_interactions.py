"""Tests for the interactions stage: calls, meetings, urging, attacks, suspensions."""

from __future__ import annotations

import dataclasses

import pytest

from kg.stages import attribute, interactions
from tests.test_attribute import make_corpus

NAMES = {
    "جان دوران": ("PERSON", "duran", "name"),
    "أحمد سالم": ("PERSON", "salem", "name"),
    "ليلى حسن": ("PERSON", "layla", "name"),
    "القوات الحكومية": ("ORG", "gov_forces", "name"),
    "درعا": ("GPE", "daraa", "name"),
    "فرنسا": ("GPE", "france", "name"),
    "مصر": ("GPE", "egypt", "name"),
    "الروسية": ("GPE", "russia", "adjective"),
}


def found(text: str) -> set[tuple[str, str, str]]:
    corpus = attribute.run(make_corpus(text, NAMES))
    corpus = interactions.run(corpus)
    return {(i.type, i.agent, i.target) for i in corpus.interactions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتحدث أحمد سالم هاتفيا مع جان دوران مساء أمس.", ("phone_call", "salem", "duran")),
        ("واجتمع أحمد سالم مع ليلى حسن في باريس.", ("meeting", "salem", "layla")),
        ("وحث أحمد سالم جان دوران على دعم الحل السياسي.", ("urge", "salem", "duran")),
        ("وأدانت فرنسا الهجوم الذي شنته القوات الحكومية على درعا.", ("attack", "gov_forces", "daraa")),
        ("وطلب جان دوران من أحمد سالم تسليم الوثائق.", ("request", "duran", "salem")),
        ("وشنت الطائرات الروسية غارات على درعا.", ("attack", "russia", "daraa")),
        ("وعلقت مصر التعاون الأمني مع فرنسا.", ("suspend_cooperation", "egypt", "france")),
    ],
)
def test_interactions_found(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_interactions_threatened_suspension_is_not_an_event() -> None:
    assert not any(
        t == "suspend_cooperation" for t, _, _ in found("وباتت مصر على وشك تعليق التعاون مع فرنسا.")
    )


def test_interactions_one_per_type_agent_target() -> None:
    text = (
        "وتحدث أحمد سالم هاتفيا مع جان دوران. وخلال الاتصال الهاتفي بحث أحمد سالم هاتفيا مع جان دوران الأزمة."
    )
    corpus = interactions.run(attribute.run(make_corpus(text, NAMES)))
    calls = [i for i in corpus.interactions if i.type == "phone_call"]
    assert len(calls) == 1
    assert text[calls[0].evidence.start : calls[0].evidence.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وجرى اتصال هاتفي مساء أمس بين أحمد سالم وجان دوران.", ("phone_call", "salem", "duran")),
        ("وسيجتمع أحمد سالم مع ليلى حسن غدا في القاهرة.", ("meeting", "salem", "layla")),
        ("وتقدمت القوات الحكومية بدعم من فرنسا نحو درعا.", ("support", "france", "gov_forces")),
        ("وأرسلت فرنسا سفنا حربية دعما لمصر.", ("support", "france", "egypt")),
        ("وتحدث أحمد سالم مع ليلى حسن وأدانا الغارات الروسية على درعا.", ("condemn", "salem", "russia")),
        ("وتحدث أحمد سالم مع ليلى حسن وأدانا الغارات الروسية على درعا.", ("condemn", "layla", "russia")),
    ],
)
def test_interactions_found_in_news_constructions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def keyed_found(text: str) -> set[tuple[str, str, str]]:
    corpus = make_corpus(text, NAMES)
    keys = {"daraa": "place:درعا", "france": "country:FR", "egypt": "country:EG"}
    entities = tuple(dataclasses.replace(e, key=keys.get(e.entity_id, e.key)) for e in corpus.entities)
    corpus = interactions.run(attribute.run(corpus.replace(entities=entities)))
    return {(i.type, i.agent, i.target) for i in corpus.interactions}


def test_interactions_a_city_is_no_agent() -> None:
    pairs = keyed_found("وفي درعا قصف القوات الحكومية بالمدفعية.")
    assert not any(agent == "daraa" for _, agent, _ in pairs)
    assert ("attack", "france", "daraa") in keyed_found("وقصفت فرنسا درعا أمس.")


def test_interactions_suspended_talks_are_not_a_meeting() -> None:
    pairs = keyed_found("وأعلنت مصر تعليق المحادثات مع فرنسا.")
    assert ("meeting", "egypt", "france") not in pairs
    assert ("meeting", "egypt", "france") in keyed_found("وبدأت مصر محادثات مع فرنسا.")


def _with_roles(text: str, *roles: tuple[str, str, str]) -> set[tuple[str, str, str]]:
    from kg.model import Role

    corpus = make_corpus(text, NAMES)
    corpus = corpus.replace(roles=tuple(Role("d1", person, title, org) for person, title, org in roles))
    corpus = interactions.run(attribute.run(corpus))
    return {(i.type, i.agent, i.target) for i in corpus.interactions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive pronoun names the clause subject, not the nearest country
        (
            "وأكد أحمد سالم أن مصر لم تتخل عن درعا رغم تعليق تعاونها مع فرنسا.",
            ("suspend_cooperation", "egypt", "france"),
        ),
        # الأخيرة is the latest actor of that gender
        (
            "وتصاعد التوتر بين مصر وفرنسا بسبب الحملة التي تشنها الأخيرة على درعا.",
            ("attack", "france", "daraa"),
        ),
        # a plural verb after ``X وشركاؤها``
        (
            "وقال جان دوران إن فرنسا وشركاءها يحملون مصر مسؤولية الأزمة.",
            ("hold_responsible", "france", "egypt"),
        ),
        # a call "between the two ministers" whose names follow
        (
            "وفي مكالمة هاتفية بين الوزيرين، أبلغ أحمد سالم جان دوران أن القاهرة ترفض.",
            ("phone_call", "salem", "duran"),
        ),
    ],
)
def test_interactions_agent_from_context(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


def test_interactions_first_person_plural_in_a_quote_is_the_speakers_state() -> None:
    text = "وقال أحمد سالم: «إننا نحث فرنسا على وقف التصعيد»."
    assert ("urge", "egypt", "france") in _with_roles(text, ("salem", "وزير الخارجية", "egypt"))


@pytest.mark.parametrize(
    "text",
    [
        # a country named before a subordinate clause is not the agent of an attack noun
        "ووصل أحمد سالم إلى مصر رغم القصف الكثيف على درعا.",
        # an unconjoined verb whose subject is far and across a clause boundary
        "وتحدثت التقارير عن فرنسا، في وقت قالت فيه ليلى حسن إن الضيوف غادروا عبارة عن دعم درعا.",
    ],
)
def test_interactions_no_agent_far_away(text: str) -> None:
    assert not any(agent in ("egypt", "france") for _, agent, _ in found(text))


MORE_NAMES = {
    **NAMES,
    "الأمم المتحدة": ("ORG", "un", "name"),
    "القاهرة": ("GPE", "cairo", "name"),
}


def details(text: str) -> list[tuple[str, str, str, str | None, str]]:
    corpus = make_corpus(text, MORE_NAMES)
    keys = {"daraa": "place:درعا", "france": "country:FR", "egypt": "country:EG"}
    entities = tuple(dataclasses.replace(e, key=keys.get(e.entity_id, e.key)) for e in corpus.entities)
    corpus = interactions.run(attribute.run(corpus.replace(entities=entities)))
    return [(i.type, i.agent, i.target, i.place, i.time_text) for i in corpus.interactions]


def pairs_of(text: str) -> set[tuple[str, str, str]]:
    return {(t, a, b) for t, a, b, _, _ in details(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وفرضت فرنسا عقوبات جديدة على مصر.", ("other", "france", "egypt")),
        ("وانتقد أحمد سالم العقوبات التي تفرضها فرنسا على مصر.", ("other", "france", "egypt")),
        ("ووجهت مصر اتهامات لفرنسا بدعم المتمردين.", ("accuse", "egypt", "france")),
        ("ووقعت مصر وفرنسا اتفاقية للتعاون العسكري.", ("other", "egypt", "france")),
        ("وقطعت مصر علاقاتها الدبلوماسية مع فرنسا.", ("suspend_cooperation", "egypt", "france")),
        ("وأكد أحمد سالم خلال لقائه جان دوران أمس دعم الحل.", ("meeting", "salem", "duran")),
        ("والتقى أحمد سالم مبعوث الأمم المتحدة إلى مصر جان دوران.", ("meeting", "salem", "duran")),
        ("وأدانت فرنسا تصريحات أحمد سالم.", ("condemn", "france", "salem")),
        # a dateline city before the verb is not its subject
        ("درعا: أقامت مصر علاقات دبلوماسية مع فرنسا.", ("other", "egypt", "france")),
    ],
)
def test_interactions_found_in_more_constructions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in pairs_of(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # sanctions need the word عقوبات; control of a city is no interaction
        ("وفرضت القوات الحكومية سيطرتها على درعا.", "other"),
        # وجه without a charge is an invitation or an order, not an accusation
        ("ووجهت مصر دعوة لفرنسا لحضور القمة.", "accuse"),
        # signing alone, with no partner named
        ("ووقعت مصر على الاتفاقية.", "other"),
        # a court's verdict is a conviction, not a political condemnation
        ("وأدانت محكمة في القاهرة أحمد سالم بتهمة الفساد.", "condemn"),
        ("وأدانت فرنسا أحمد سالم بتهمة التجسس.", "condemn"),
        # only an attack is done to a place: a threat against a city has no actor target
        ("وهددت فرنسا بمحاصرة درعا.", "other"),
        # a meeting with journalists in a city is no meeting with the city
        ("وقال أحمد سالم خلال لقائه الصحفيين في درعا إن الوضع هادئ.", "meeting"),
    ],
)
def test_interactions_not_found(text: str, absent: str) -> None:
    assert not any(t == absent for t, _, _ in pairs_of(text))


def test_interactions_office_holder_not_the_body() -> None:
    pairs = pairs_of("والتقى أحمد سالم مبعوث الأمم المتحدة إلى مصر جان دوران.")
    assert ("meeting", "salem", "un") not in pairs
    assert ("meeting", "salem", "un") in pairs_of("والتقى أحمد سالم مبعوث الأمم المتحدة.")


def test_interactions_place_and_time() -> None:
    (meeting,) = [d for d in details("واجتمع أحمد سالم مع ليلى حسن في القاهرة أمس.") if d[0] == "meeting"]
    assert meeting[3:] == ("cairo", "أمس")
    text = "واجتمع أحمد سالم مع ليلى حسن التي تعيش في القاهرة."
    (meeting,) = [d for d in details(text) if d[0] == "meeting"]
    assert meeting[3] is None
