"""Tests for kg.arabic.lexicons: the resource tables load, validate and index as documented."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.arabic import lexicons
from kg.arabic.lexicons import Country
from kg.arabic.normalize import key

ROOT = Path(__file__).resolve().parent.parent


def test_lexicons_all_tables_load() -> None:
    assert len(lexicons.countries()) >= 249
    assert len(lexicons.cities()) >= 400
    assert lexicons.regions()
    assert lexicons.organizations()
    assert lexicons.titles()
    assert any(seat.kind == "capital" for seat in lexicons.seats())
    assert any(seat.kind != "capital" for seat in lexicons.seats())


def test_lexicons_every_iso_country_present() -> None:
    pycountry = pytest.importorskip("pycountry")
    iso = {country.alpha_2 for country in pycountry.countries}
    assert iso <= lexicons.country_codes()


def test_lexicons_every_country_has_arabic_name_and_gentilic() -> None:
    for country in lexicons.countries():
        assert country.names_ar and country.gentilics, country.iso2
        assert all(gentilic.split()[-1].endswith("ي") for gentilic in country.gentilics), country.iso2


def test_lexicons_sovereign_states_have_capitals() -> None:
    with_capital = [country for country in lexicons.countries() if country.capitals]
    assert len(with_capital) >= 195


@pytest.mark.parametrize(
    "index_name",
    ["gentilic_index", "place_index", "seat_index", "title_index", "organization_index", "institution_index"],
)
def test_lexicons_index_keys_are_normalized(index_name: str) -> None:
    index = getattr(lexicons, index_name)()
    assert index
    assert all(key(name_key) == name_key for name_key in index)


@pytest.mark.parametrize(
    ("form", "iso2"),
    [
        ("الروسية", "RU"),
        ("روسي", "RU"),
        ("الروس", "RU"),
        ("الأمريكيين", "US"),
        ("الأميركية", "US"),
        ("الامريكان", "US"),
        ("أمريكيتان", None),
        ("السعوديون", "SA"),
        ("السعودي", "SA"),
        ("المصرية", "EG"),
        ("المصريتين", "EG"),
        ("الفرنسي", "FR"),
        ("فرنسيات", "FR"),
        ("البريطانية", "GB"),
        ("السورية", "SY"),
        ("سوريين", "SY"),
        ("الإسرائيلي", "IL"),
        ("الفلسطينيون", "PS"),
        ("الإيرانية", "IR"),
        ("الأتراك", "TR"),
        ("التركي", "TR"),
        ("العراقيين", "IQ"),
        ("اللبنانية", "LB"),
        ("الألمان", "DE"),
        ("الصيني", "CN"),
        ("الأوكرانية", "UA"),
        ("الإماراتية", "AE"),
        ("القطري", "QA"),
        ("الكورية الجنوبية", "KR"),
        ("الكوريين الشماليين", "KP"),
        ("الجنوب أفريقية", "ZA"),
        ("اليمنيون", "YE"),
        ("الأردنية", "JO"),
        ("الهنود", "IN"),
        ("الماليون", "ML"),
        ("المالية", None),
        ("مالي", None),
        ("تركي", None),
        ("العربية", None),
    ],
)
def test_lexicons_gentilic_index(form: str, iso2: str | None) -> None:
    assert lexicons.gentilic_index().get(key(form)) == iso2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("بريطانيا", ("GPE", "GB")),
        ("المملكة المتحدة", ("GPE", "GB")),
        ("سوريا", ("GPE", "SY")),
        ("سورية", ("GPE", "SY")),
        ("الولايات المتحدة الأميركية", ("GPE", "US")),
        ("أمريكا", ("GPE", "US")),
        ("روسيا الاتحادية", ("GPE", "RU")),
        ("الاتحاد الروسي", ("GPE", "RU")),
        ("موسكو", ("GPE", "RU")),
        ("دمشق", ("GPE", "SY")),
        ("حلب", ("GPE", "SY")),
        ("طرابلس", ("GPE", "LY")),
        ("طرابلس اللبنانية", ("GPE", "LB")),
        ("الكويت", ("GPE", "KW")),
        ("القدس", ("GPE", "")),
        ("الشرق الأوسط", ("LOC", "")),
        ("قطاع غزة", ("LOC", "PS")),
        ("البحر الأحمر", ("LOC", "")),
    ],
)
def test_lexicons_place_index(name: str, expected: tuple[str, str]) -> None:
    assert lexicons.place_index()[key(name)] == expected


def test_lexicons_place_index_leaves_out_common_words_by_default() -> None:
    assert key("الخبر") not in lexicons.place_index()
    assert lexicons.place_index(include_common_words=True)[key("الخبر")] == ("GPE", "SA")


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("الكرملين", "RU"),
        ("البيت الأبيض", "US"),
        ("البنتاغون", "US"),
        ("الإليزيه", "FR"),
        ("قصر الإليزيه", "FR"),
        ("داونينغ ستريت", "GB"),
        ("تل أبيب", "IL"),
        ("موسكو", "RU"),
        ("واشنطن", "US"),
        ("بكين", "CN"),
        ("الرياض", "SA"),
        ("عمّان", None),
        ("القدس", None),
    ],
)
def test_lexicons_seat_index(name: str, iso2: str | None) -> None:
    assert lexicons.seat_index().get(key(name)) == iso2


def test_lexicons_seat_index_without_capitals() -> None:
    assert key("موسكو") not in lexicons.seat_index(capitals=False)
    assert lexicons.seat_index(capitals=False)[key("الكرملين")] == "RU"


@pytest.mark.parametrize(
    ("name", "name_en", "org_type"),
    [
        ("الأمم المتحدة", "United Nations", "intergov"),
        ("الناتو", "NATO", "intergov"),
        ("حلف شمال الأطلسي", "NATO", "intergov"),
        ("رويترز", "Reuters", "agency"),
        ("الفرنسية", None, None),
        ("فرانس برس", "Agence France-Presse", "agency"),
        ("سي.إن.إن", "CNN", "outlet"),
        ("سي إن إن", "CNN", "outlet"),
        ("داعش", "Islamic State", "armed_group"),
        ("أنصار الله", "Houthis", "armed_group"),
        ("وكالة الأنباء السورية", "SANA", "agency"),
        ("الحكومة", None, None),
        ("البرلمان العربي", "Arab Parliament", "intergov"),
        ("تحالف دعم الشرعية", "Saudi-led coalition in Yemen", "security"),
        ("أوابك", "OAPEC", "intergov"),
        ("الحرس الجمهوري", None, None),
    ],
)
def test_lexicons_organization_index(name: str, name_en: str | None, org_type: str | None) -> None:
    record = lexicons.organization_index().get(key(name))
    assert (record.name_en if record else None) == name_en
    assert (record.type if record else None) == org_type


@pytest.mark.parametrize(
    "name",
    ["وزارة الخارجية", "الخارجية", "الجيش", "الحكومة", "القوات المسلحة", "الحرس الجمهوري", "حرس الحدود"],
)
def test_lexicons_institution_heads(name: str) -> None:
    assert lexicons.institution_index()[key(name)].type == "institution_head"


@pytest.mark.parametrize(
    ("form", "gender", "complement"),
    [
        ("الرئيس", "m", True),
        ("رئيسة الوزراء", "f", True),
        ("وزير الخارجية", "m", True),
        ("وزيرة الدفاع", "f", True),
        ("المتحدث باسم", "m", True),
        ("الناطقة باسم", "f", True),
        ("السفيرة", "f", True),
        ("ولي العهد", "m", True),
        ("اللواء", "m", False),
        ("السيناتور", "m", True),
        ("سفير", "m", True),
    ],
)
def test_lexicons_title_index(form: str, gender: str, complement: bool) -> None:
    title = lexicons.title_index()[key(form)]
    assert (title.gender, title.takes_complement) == (gender, complement)


@pytest.mark.parametrize(
    ("masculine", "expected"),
    [
        ("سوري", {"سوري", "السورية", "سوريان", "السوريين", "سوريتان", "السوريتين", "سوريون", "السوريات"}),
        ("كوري جنوبي", {"الكورية الجنوبية", "الكوريون الجنوبيون"}),
        ("جنوب أفريقي", {"جنوب أفريقية", "الجنوب أفريقيون", "الجنوب الأفريقي"}),
    ],
)
def test_lexicons_gentilic_forms(masculine: str, expected: set[str]) -> None:
    assert expected <= set(lexicons.gentilic_forms(masculine))


def test_lexicons_gentilic_forms_do_not_name_another_countrys_place() -> None:
    places = lexicons.place_index(include_common_words=True)
    clashes = {
        form: (iso2, places[form])
        for form, iso2 in lexicons.gentilic_index().items()
        if form in places and places[form][1] not in (iso2, "")
    }
    assert not clashes


@pytest.mark.parametrize(("name", "expected"), [("السليمانية", ("GPE", "IQ")), ("سليماني", None)])
def test_lexicons_surname_like_gentilic_not_indexed(name: str, expected: tuple[str, str] | None) -> None:
    assert lexicons.place_index().get(key(name)) == expected
    assert key(name) not in lexicons.gentilic_index()


def test_lexicons_gentilic_collision_raises() -> None:
    records = (Country("AA", "A", ("أ",), ("كوري",), ()), Country("BB", "B", ("ب",), ("كوري",), ()))
    with pytest.raises(ValueError, match=r"كوري.*AA.*BB"):
        lexicons.build_gentilic_index(records)


def test_lexicons_gazetteer_classes() -> None:
    gazetteer = lexicons.gazetteer()
    assert set(gazetteer) == {"LOC", "ORG", "PERS"}
    assert key("روسيا") in gazetteer["LOC"] and key("الولايات المتحدة") in gazetteer["LOC"]
    assert key("الأمم المتحدة") in gazetteer["ORG"] and key("الكرملين") in gazetteer["ORG"]
    assert key("الحكومة") not in gazetteer["ORG"]


HEADER = "\t".join(lexicons.COUNTRY_COLUMNS)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("# comment\n" + HEADER + "\nRU\tRussia\tروسيا\tروسي\n", r"countries\.tsv:3: expected 7"),
        (HEADER + "\nru\tRussia\tروسيا\tروسي\t\t\tموسكو\n", r"countries\.tsv:2: unknown country code 'ru'"),
        (HEADER + "\nRU\tRussia\t\tروسي\t\t\tموسكو\n", r"countries\.tsv:2: empty names_ar"),
        (HEADER + "\n" + "RU\tRussia\tروسيا\tروسي\t\t\t\n" * 2, r"countries\.tsv:3: .*twice"),
        ("iso2\tname\n", r"countries\.tsv:1: header"),
    ],
)
def test_lexicons_malformed_country_row_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        lexicons.parse_countries(path)


def test_lexicons_malformed_title_enum(tmp_path: Path) -> None:
    path = tmp_path / "titles.tsv"
    path.write_text(
        "\t".join(lexicons.TITLE_COLUMNS) + "\nالرئيس\tpresident\tx\tyes\tgeneric\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"titles\.tsv:2: gender 'x'"):
        lexicons.parse_titles(path)


def test_lexicons_malformed_organization_country(tmp_path: Path) -> None:
    path = tmp_path / "organizations.tsv"
    path.write_text(
        "\t".join(lexicons.ORGANIZATION_COLUMNS) + "\nرويترز\tReuters\tagency\tZZ\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"organizations\.tsv:2: unknown country code 'ZZ'"):
        lexicons.parse_organizations(path, known=frozenset({"GB"}))


def test_lexicons_generated_files_are_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("build_lexicons", ROOT / "scripts" / "build_lexicons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "argv", ["build_lexicons.py", "--out", str(tmp_path)])
    module.main()
    for name in ("countries.tsv", "cities.tsv", "regions.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (lexicons.RESOURCES / name).read_text(
            encoding="utf-8"
        ), f"{name} is stale: rerun scripts/build_lexicons.py"


@pytest.mark.parametrize("common_word", ["الأندية", "أندية", "العالم"])
def test_lexicons_common_nouns_are_no_place_or_gentilic(common_word: str) -> None:
    assert key(common_word) not in lexicons.gentilic_index()
    assert key(common_word) not in lexicons.place_index()


def test_lexicons_word_classes_load_as_keys_written_words_and_phrases() -> None:
    assert key("بدورها") in lexicons.word_class("svo_skip")
    assert "على" in lexicons.word_class("governing_prepositions")  # as written: not علي
    assert lexicons.phrase_class("what_relatives")[0] == tuple(key(w) for w in ("وهو", "الأمر", "الذي"))


@pytest.mark.parametrize("name", ["no_such_class", "what_relatives"])
def test_lexicons_word_class_unknown_or_phrase_raises(name: str) -> None:
    with pytest.raises(ValueError, match=r"attribution_words\.tsv"):
        lexicons.word_class(name)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("negations\tkey\tلم\tgrammar\nnegations\tkey\tلن\tgrammar\n", "listed twice"),
        ("negations\tstem\tلم\tgrammar\n", "match"),
        ("negations\tkey\t\tgrammar\n", "empty words"),
    ],
)
def test_lexicons_malformed_word_class_row(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "attribution_words.tsv"
    path.write_text("class\tmatch\twords\tsource\n" + row, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        lexicons.parse_word_classes(path)
