"""Tests for kg.arabic.cues: generated inflections of the reporting-cue lexicon."""

from __future__ import annotations

import pytest

from kg.arabic.cues import (
    CueEntry,
    CueLexiconError,
    complementizer_kind,
    is_subordinated,
    load_cues,
    parse_entry,
    past_forms,
)


@pytest.mark.parametrize(
    ("word", "lemma", "kind", "gender"),
    [
        ("وقالت", "قال", "past", "f"),
        ("قالوا", "قال", "past", "m"),
        ("فأضاف", "أضاف", "past", "m"),
        ("وأكدت", "أكد", "past", "f"),
        ("نفت", "نفى", "past", "f"),
        ("نفوا", "نفى", "past", "m"),
        ("دعت", "دعا", "past", "f"),
        ("ويقول", "قال", "present", "m"),
        ("تقول", "قال", "present", "f"),
        ("ينفون", "نفى", "present", "m"),
        ("قائلاً", "قال", "participle", "m"),
        ("مؤكدة", "أكد", "participle", "f"),
        ("نافياً", "نفى", "participle", "m"),
        ("بالقول", "قال", "masdar", ""),
        ("قوله", "قال", "masdar", ""),
        ("وبيّن", "بين", "past", "m"),
    ],
)
def test_cues_generated_forms(word: str, lemma: str, kind: str, gender: str) -> None:
    form = load_cues().lookup(word)
    assert form is not None
    assert (form.entry.lemma, form.kind, form.gender) == (lemma, kind, gender)


@pytest.mark.parametrize("word", ["بين", "وبين", "في", "الحكومة", "فحسب", "مصر"])
def test_cues_homographs_are_not_cues(word: str) -> None:
    assert load_cues().lookup(word) is None


@pytest.mark.parametrize(
    ("word", "lemma"), [("وفقاً", "وفقا"), ("وبحسب", "بحسب"), ("نقلاً", "نقلا"), ("تأكيدات", "تأكيدات")]
)
def test_cues_nouns_and_prepositions(word: str, lemma: str) -> None:
    form = load_cues().lookup(word)
    assert form is not None and form.entry.lemma == lemma


def test_cues_hollow_verb_shortens_first_person() -> None:
    forms = {f.form for f in past_forms(CueEntry("قال", "verb"))}
    assert {"قلت", "قلنا", "قالا", "قالتا"} <= forms


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("إن", "bare"),
        ("بأن", "bare"),
        ("إنها", "pronoun"),
        ("بأنه", "pronoun"),
        ("إنما", ""),
        ("الإنسان", ""),
    ],
)
def test_cues_complementizers(word: str, kind: str) -> None:
    assert complementizer_kind(word) == kind


def test_cues_bad_row_is_rejected() -> None:
    with pytest.raises(CueLexiconError):
        parse_entry(["قال", "verbish", "assert", "no", "clause", "-", "-", "-", "-", "say"], 3)


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ("بعد", True),
        ("وبعد", True),
        ("رغم", True),
        ("حين", True),
        ("المتوقع", True),
        ("يذكر", True),
        ("إلى", False),
        ("على", False),
        ("الوزير", False),
        ("قال", False),
    ],
)
def test_cues_subordinated_complementizer(previous: str, expected: bool) -> None:
    assert is_subordinated(previous) is expected


@pytest.mark.parametrize(
    ("word", "lemma", "gender", "number"),
    [
        ("ووصفها", "وصف", "m", "sg"),  # ant:BB-economy-50-20180303
        ("ووصفتها", "وصف", "f", "sg"),  # ant:BB-internationalNews-1150-20181005
        ("تتهمها", "اتهم", "f", "sg"),  # ant:FR-internationalNews-1590-20180602
        ("اتهموه", "اتهم", "m", "pl"),
        ("نفاه", "نفى", "m", "sg"),
    ],
)
def test_cues_object_pronoun_forms(word: str, lemma: str, gender: str, number: str) -> None:
    form = load_cues().lookup(word)
    assert form is not None and form.object_pronoun
    assert (form.entry.lemma, form.gender, form.number) == (lemma, gender, number)


def test_cues_object_pronouns_only_on_verbs_that_take_an_object() -> None:
    assert load_cues().lookup("قاله") is None  # قال takes a clause, not an object
    assert not load_cues().lookup("قوله").object_pronoun  # the verbal noun with a possessive


def test_cues_first_person_is_read_on_the_written_hamza() -> None:
    """ant:AL-economy-172-20180306: ``لا أعتقد أنه ستكون هناك حرب تجارية`` is the speaker's own
    belief (first person), not ``اعتقد`` "he believed"."""
    form = load_cues().lookup("أعتقد")
    assert form is not None and (form.kind, form.gender) == ("present", "")
    assert load_cues().lookup("اعتقد").gender == "m"


@pytest.mark.parametrize("word", ["اقرأ", "إقرأ"])
def test_cues_another_hamza_is_another_word(word: str) -> None:
    """ant:BB-culture-131-20180428: ``اقرأ أيضا:`` (read also) is no form of أقرّ (أقرا)."""
    assert load_cues().lookup(word) is None


def test_cues_hamza_on_a_hamzat_wasl_is_tolerated() -> None:
    assert load_cues().lookup("إعتبر").entry.lemma == "اعتبر"
