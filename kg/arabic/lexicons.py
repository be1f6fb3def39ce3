"""Load and validate the Arabic lexicons and gazetteers in ``kg/resources``.

Reads ``countries.tsv``, ``cities.tsv``, ``regions.tsv``, ``organizations.tsv``, ``seats.tsv``
and ``titles.tsv`` (see ``kg/resources/README.md`` for their sources); writes nothing. Every
table is checked on load and a malformed row raises :class:`kg.errors.LexiconError` (a
:class:`ValueError`) with a code (E080-E086) naming the file and line. Indexes are keyed by
:func:`kg.arabic.normalize.key`, so ``الأميركية`` and ``الامريكيه`` meet, and every loader is
cached: the files are read once per process.

Used by NER (gazetteer features), entity resolution (gentilic → country, capital and seat
metonymy) and statement attribution (titles before a speaker's name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.arabic.normalize import key
from kg.errors import Errors, LexiconError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

_ISO2 = re.compile(r"[A-Z]{2}")
_ARTICLE = "ال"
# Suffixes of a nisba adjective ending in ي: f.sg ة, m.du ان/ين, f.du تان/تين, m.pl ون/ين,
# f.pl ات. سوري → سورية، سوريان، سوريين، سوريتان، سوريتين، سوريون، سوريات.
NISBA_SUFFIXES = ("", "ة", "ان", "ين", "تان", "تين", "ون", "ات")

COUNTRY_COLUMNS = ("iso2", "name_en", "names_ar", "gentilic_ar", "plural_ar", "blocked_ar", "capital_ar")
CITY_COLUMNS = ("name_ar", "variants_ar", "iso2", "kind", "common_word_ar", "source")
REGION_COLUMNS = ("names_ar", "name_en", "iso2", "gentilic_ar", "plural_ar", "source")
ORGANIZATION_COLUMNS = ("names_ar", "name_en", "type", "iso2")
SEAT_COLUMNS = ("names_ar", "name_en", "iso2", "kind")
TITLE_COLUMNS = ("title_ar", "title_en", "gender", "complement", "category")

CITY_KINDS = frozenset({"capital", "city", "province"})
ORGANIZATION_TYPES = frozenset(
    {
        "intergov",
        "un_body",
        "court",
        "agency",
        "outlet",
        "party",
        "armed_group",
        "legislature",
        "government",
        "security",
        "ngo",
        "company",
        "religious",
        "sport",
        "institution_head",
    }
)
SEAT_KINDS = frozenset(
    {
        "presidency",
        "government",
        "parliament",
        "foreign_ministry",
        "defence",
        "intelligence",
        "royal_court",
        "city",
    }
)
TITLE_CATEGORIES = frozenset(
    {
        "head_of_state",
        "government",
        "minister",
        "diplomatic",
        "spokesperson",
        "military",
        "security",
        "royal",
        "religious",
        "legislative",
        "judicial",
        "party",
        "honorific",
        "professional",
        "generic",
        "relational",
    }
)


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 country with its Arabic names, gentilics and capitals."""

    iso2: str
    name_en: str
    names_ar: tuple[str, ...]
    gentilics: tuple[str, ...]
    capitals: tuple[str, ...]
    plurals: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()


@dataclass(frozen=True)
class City:
    """A city (or a province of one country) with its spelling variants."""

    names_ar: tuple[str, ...]
    iso2: str
    kind: str
    common_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Region:
    """A region, sea, river or other place that is not a state."""

    names_ar: tuple[str, ...]
    name_en: str
    iso2: str
    gentilics: tuple[str, ...] = ()
    plurals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organization:
    """A named organisation, or an institution head noun (``type == "institution_head"``)."""

    names_ar: tuple[str, ...]
    name_en: str
    type: str
    iso2: str


@dataclass(frozen=True)
class Seat:
    """A seat of government or a capital used as a metonym for a state (``kind == "capital"``)."""

    names_ar: tuple[str, ...]
    name_en: str
    iso2: str
    kind: str


@dataclass(frozen=True)
class Title:
    """A person title or office noun, in one gender."""

    forms: tuple[str, ...]
    title_en: str
    gender: str
    takes_complement: bool
    category: str


# ---------------------------------------------------------------------------------------------
# Reading and validation
# ---------------------------------------------------------------------------------------------


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row of a TSV file.

    Lines starting with ``#`` and blank lines are skipped; the first other line must be the
    header ``columns``.

    Args:
        path: The TSV file.
        columns: The expected header, in order.

    Raises:
        LexiconError: On a missing or wrong header or a row with the wrong number of fields,
            naming the file and the line.
    """
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(field.strip() for field in line.split("\t"))
        if not header_seen:
            if fields != columns:
                raise LexiconError(Errors.E080.format(path=path, line=number, found=fields, expected=columns))
            header_seen = True
            continue
        if len(fields) != len(columns):
            found = len(fields)
            raise LexiconError(Errors.E082.format(path=path, line=number, expected=len(columns), found=found))
        yield number, dict(zip(columns, fields, strict=True))
    if not header_seen:
        raise LexiconError(Errors.E081.format(path=path, expected=columns))


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


def _fail(path: Path, number: int, problem: str) -> LexiconError:
    return LexiconError(Errors.E083.format(path=path, line=number, problem=problem))


def _require(path: Path, number: int, row: dict[str, str], *names: str) -> None:
    for name in names:
        if not row[name]:
            raise _fail(path, number, f"empty {name}")


def _check_iso2(path: Path, number: int, code: str, *, known: frozenset[str] | None, optional: bool) -> None:
    if not code and optional:
        return
    if not _ISO2.fullmatch(code) or (known is not None and code not in known):
        raise _fail(path, number, f"unknown country code {code!r}")


def _check_enum(path: Path, number: int, value: str, allowed: frozenset[str], what: str) -> None:
    if value not in allowed:
        raise _fail(path, number, f"{what} {value!r} is not one of {sorted(allowed)}")


@cache
def word_list(name: str) -> frozenset[str]:
    """Normalized keys of the first column of a one-word-per-row resource file (``#`` comments).

    Used for ``place_heads.tsv`` and ``not_name_words.tsv``.
    """
    rows = (line.split("\t")[0] for line in _path(name).read_text(encoding="utf-8").splitlines())
    return frozenset(key(row) for row in rows if row and not row.startswith("#"))


WORD_CLASSES = "attribution_words.tsv"
_WORD_CLASS_COLUMNS = ("class", "match", "words", "source")
_MATCHES = frozenset({"key", "written", "phrase"})


def parse_word_classes(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """``class -> (match, words)`` of a word-class table (``attribution_words.tsv``).

    Raises:
        LexiconError: on an empty cell, an unknown ``match`` or a class listed twice.
    """
    rows: dict[str, tuple[str, tuple[str, ...]]] = {}
    for number, row in read_table(path, _WORD_CLASS_COLUMNS):
        _require(path, number, row, *_WORD_CLASS_COLUMNS)
        _check_enum(path, number, row["match"], _MATCHES, "match")
        if row["class"] in rows:
            raise _fail(path, number, f"class {row['class']!r} listed twice")
        rows[row["class"]] = (row["match"], _split(row["words"]))
    return rows


@cache
def _word_class_rows() -> dict[str, tuple[str, tuple[str, ...]]]:
    return parse_word_classes(_path(WORD_CLASSES))


def _word_class_row(name: str, match: str) -> tuple[str, ...]:
    rows = _word_class_rows()
    if name not in rows or (rows[name][0] == "phrase") != (match == "phrase"):
        kind = "phrase" if match == "phrase" else "word"
        raise LexiconError(Errors.E085.format(path=_path(WORD_CLASSES), kind=kind, name=name))
    return rows[name][1]


@cache
def word_class(name: str) -> frozenset[str]:
    """A closed word class of ``attribution_words.tsv``: normalized keys, or the words as
    written for a ``written`` class.

    >>> key("بدورها") in word_class("svo_skip")
    True

    Raises:
        LexiconError: when the table has no word class ``name``.
    """
    words = _word_class_row(name, "word")
    if _word_class_rows()[name][0] == "written":
        return frozenset(words)
    return frozenset(key(word) for word in words)


@cache
def phrase_class(name: str) -> tuple[tuple[str, ...], ...]:
    """A ``phrase`` class of ``attribution_words.tsv``: each phrase as word keys, in table order.

    Raises:
        LexiconError: when the table has no phrase class ``name``.
    """
    return tuple(tuple(key(word) for word in phrase.split()) for phrase in _word_class_row(name, "phrase"))


def _path(name: str) -> Path:
    return RESOURCES / name


def parse_countries(path: Path) -> tuple[Country, ...]:
    """Read and validate a countries table (columns :data:`COUNTRY_COLUMNS`).

    Raises:
        LexiconError: On a malformed row or a repeated country code, naming file and line.
    """
    found: dict[str, Country] = {}
    for number, row in read_table(path, COUNTRY_COLUMNS):
        _require(path, number, row, "iso2", "name_en", "names_ar", "gentilic_ar")
        _check_iso2(path, number, row["iso2"], known=None, optional=False)
        if row["iso2"] in found:
            raise _fail(path, number, f"country {row['iso2']} listed twice")
        found[row["iso2"]] = Country(
            row["iso2"],
            row["name_en"],
            _split(row["names_ar"]),
            _split(row["gentilic_ar"]),
            _split(row["capital_ar"]),
            _split(row["plural_ar"]),
            _split(row["blocked_ar"]),
        )
    return tuple(found.values())


@cache
def countries() -> tuple[Country, ...]:
    """All countries of ``countries.tsv`` (ISO 3166-1 plus Kosovo ``XK``), sorted by code."""
    return parse_countries(_path("countries.tsv"))


@cache
def country_codes() -> frozenset[str]:
    """The country codes known to :func:`countries`."""
    return frozenset(country.iso2 for country in countries())


def parse_cities(path: Path, *, known: frozenset[str]) -> tuple[City, ...]:
    """Read and validate a cities table (columns :data:`CITY_COLUMNS`).

    Raises:
        LexiconError: On a malformed row, naming file and line.
    """
    found = []
    for number, row in read_table(path, CITY_COLUMNS):
        _require(path, number, row, "name_ar", "iso2", "kind")
        _check_iso2(path, number, row["iso2"], known=known, optional=False)
        _check_enum(path, number, row["kind"], CITY_KINDS, "kind")
        names = (row["name_ar"], *_split(row["variants_ar"]))
        common = _split(row["common_word_ar"])
        if not set(common) <= set(names):
            raise _fail(path, number, f"common_word_ar {common} are not names of the row")
        found.append(City(names, row["iso2"], row["kind"], common))
    return tuple(found)


@cache
def cities() -> tuple[City, ...]:
    """All cities of ``cities.tsv``: capitals, curated cities, CLDR exemplar cities."""
    return parse_cities(_path("cities.tsv"), known=country_codes())


def parse_regions(path: Path, *, known: frozenset[str]) -> tuple[Region, ...]:
    """Read and validate a regions table (columns :data:`REGION_COLUMNS`).

    Raises:
        LexiconError: On a malformed row, naming file and line.
    """
    found = []
    for number, row in read_table(path, REGION_COLUMNS):
        _require(path, number, row, "names_ar", "name_en")
        _check_iso2(path, number, row["iso2"], known=known, optional=True)
        found.append(
            Region(
                _split(row["names_ar"]),
                row["name_en"],
                row["iso2"],
                _split(row["gentilic_ar"]),
                _split(row["plural_ar"]),
            )
        )
    return tuple(found)


@cache
def regions() -> tuple[Region, ...]:
    """All regions, seas and rivers of ``regions.tsv``."""
    return parse_regions(_path("regions.tsv"), known=country_codes())


def parse_organizations(path: Path, *, known: frozenset[str]) -> tuple[Organization, ...]:
    """Read and validate an organisations table (columns :data:`ORGANIZATION_COLUMNS`).

    Raises:
        LexiconError: On a malformed row, naming file and line.
    """
    found = []
    for number, row in read_table(path, ORGANIZATION_COLUMNS):
        _require(path, number, row, "names_ar", "name_en", "type")
        _check_enum(path, number, row["type"], ORGANIZATION_TYPES, "type")
        _check_iso2(path, number, row["iso2"], known=known, optional=True)
        found.append(Organization(_split(row["names_ar"]), row["name_en"], row["type"], row["iso2"]))
    return tuple(found)


@cache
def organizations() -> tuple[Organization, ...]:
    """All rows of ``organizations.tsv``, institution head nouns included."""
    return parse_organizations(_path("organizations.tsv"), known=country_codes())


def parse_seats(path: Path, *, known: frozenset[str]) -> tuple[Seat, ...]:
    """Read and validate a seats-of-government table (columns :data:`SEAT_COLUMNS`).

    Raises:
        LexiconError: On a malformed row, naming file and line.
    """
    found = []
    for number, row in read_table(path, SEAT_COLUMNS):
        _require(path, number, row, "names_ar", "name_en", "iso2", "kind")
        _check_iso2(path, number, row["iso2"], known=known, optional=False)
        _check_enum(path, number, row["kind"], SEAT_KINDS, "kind")
        found.append(Seat(_split(row["names_ar"]), row["name_en"], row["iso2"], row["kind"]))
    return tuple(found)


@cache
def seats() -> tuple[Seat, ...]:
    """Seats of government (``seats.tsv``) followed by every capital as ``kind == "capital"``."""
    capitals = tuple(
        Seat(city.names_ar, "", city.iso2, "capital") for city in cities() if city.kind == "capital"
    )
    return parse_seats(_path("seats.tsv"), known=country_codes()) + capitals


def parse_titles(path: Path) -> tuple[Title, ...]:
    """Read and validate a titles table (columns :data:`TITLE_COLUMNS`).

    Raises:
        LexiconError: On a malformed row, naming file and line.
    """
    found = []
    for number, row in read_table(path, TITLE_COLUMNS):
        _require(path, number, row, "title_ar", "title_en", "gender", "complement", "category")
        _check_enum(path, number, row["gender"], frozenset({"m", "f"}), "gender")
        _check_enum(path, number, row["complement"], frozenset({"yes", "no"}), "complement")
        _check_enum(path, number, row["category"], TITLE_CATEGORIES, "category")
        found.append(
            Title(
                _split(row["title_ar"]),
                row["title_en"],
                row["gender"],
                row["complement"] == "yes",
                row["category"],
            )
        )
    return tuple(found)


@cache
def titles() -> tuple[Title, ...]:
    """All person titles of ``titles.tsv``, one record per gender form."""
    return parse_titles(_path("titles.tsv"))


# ---------------------------------------------------------------------------------------------
# Gentilic inflection
# ---------------------------------------------------------------------------------------------


def _with_article(words: list[str]) -> str:
    return " ".join(_ARTICLE + word for word in words)


def gentilic_forms(masculine: str) -> tuple[str, ...]:
    """All inflections of a masculine singular gentilic, with and without ال.

    Every word ending in ي is inflected alike (``كوري جنوبي`` → ``الكوريات الجنوبيات``); other
    words (``جنوب`` in ``جنوب أفريقي``) stay as they are.

    >>> forms = gentilic_forms("روسي")
    >>> [form for form in ("الروسية", "روسيتين", "الروسيون", "روسيات") if form in forms]
    ['الروسية', 'روسيتين', 'الروسيون', 'روسيات']
    """
    words = masculine.split()
    forms: dict[str, None] = {}
    for suffix in NISBA_SUFFIXES:
        inflected = [word + suffix if word.endswith("ي") else word for word in words]
        forms.setdefault(" ".join(inflected))
        forms.setdefault(_with_article(inflected))
        if len(inflected) > 1 and not words[0].endswith("ي"):  # الجنوب أفريقية
            forms.setdefault(" ".join([_ARTICLE + inflected[0], *inflected[1:]]))
    return tuple(forms)


def plural_forms(plural: str) -> tuple[str, ...]:
    """A broken plural with and without ال: ``روس`` → ``("روس", "الروس")``."""
    return plural, _with_article(plural.split())


def _add_unique(index: dict[str, str], text: str, value: str, path: Path) -> None:
    text_key = key(text)
    if index.setdefault(text_key, value) != value:
        raise _listed_twice(path, text, index[text_key], value)


def _listed_twice(path: Path, name: str, first: str, second: str) -> LexiconError:
    """E084: ``name`` is given to two records of ``path``; ``first``, ``second`` are cells of their rows."""
    lines = _lines_with(path, first, second)
    return LexiconError(Errors.E084.format(path=path, name=name, first=first, second=second, lines=lines))


def _lines_with(path: Path, *cells: str) -> str:
    """``"lines 4, 9"``: the lines of ``path`` that have one of ``cells`` as a cell, for a message."""
    if not path.is_file():
        return "their rows"
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [str(n) for n, line in enumerate(lines, 1) if set(cells) & set(line.split("\t"))]
    return "lines " + ", ".join(found) if found else "their rows"


@cache
def gentilic_index() -> dict[str, str]:
    """Map the key of every gentilic form of ``countries.tsv`` to its country code.

    Returns:
        ``{key(form): iso2}``, e.g. ``key("الروسية") → "RU"``.
    """
    return build_gentilic_index(countries())


def build_gentilic_index(records: tuple[Country, ...]) -> dict[str, str]:
    """Map the key of every gentilic form of ``records`` to its country code.

    Covers masculine/feminine, singular/dual/sound plural, curated broken plurals, with and
    without ال, minus each country's ``blocked`` forms (common words such as المالية).

    Raises:
        LexiconError: If one form belongs to two countries.
    """
    index: dict[str, str] = {}
    for country in records:
        blocked = {key(form) for form in country.blocked}
        forms = [form for gentilic in country.gentilics for form in gentilic_forms(gentilic)]
        forms += [form for plural in country.plurals for form in plural_forms(plural)]
        for form in forms:
            if key(form) not in blocked:
                _add_unique(index, form, country.iso2, _path("countries.tsv"))
    return index


@cache
def region_gentilic_index() -> dict[str, str]:
    """Map gentilic forms of regions and peoples (العربية، الأوروبيين، الأكراد) to the English name."""
    index: dict[str, str] = {}
    for region in regions():
        forms = [form for gentilic in region.gentilics for form in gentilic_forms(gentilic)]
        forms += [form for plural in region.plurals for form in plural_forms(plural)]
        for form in forms:
            index.setdefault(key(form), region.name_en)
    return index


# ---------------------------------------------------------------------------------------------
# Place, organisation, seat and title indexes
# ---------------------------------------------------------------------------------------------


def _city_candidates(*, include_common_words: bool) -> dict[str, dict[str, set[str]]]:
    """``{key: {"capital": {iso2...}, "other": {iso2...}}}`` over all city names."""
    candidates: dict[str, dict[str, set[str]]] = {}
    for city in cities():
        for name in city.names_ar:
            if name in city.common_words and not include_common_words:
                continue
            slot = "capital" if city.kind == "capital" else "other"
            candidates.setdefault(key(name), {"capital": set(), "other": set()})[slot].add(city.iso2)
    return candidates


def _resolve_city(slots: dict[str, set[str]]) -> str:
    """A capital outranks other cities (طرابلس → LY); a remaining tie gives no country."""
    best = slots["capital"] or slots["other"]
    return next(iter(best)) if len(best) == 1 else ""


@cache
def place_index(*, include_common_words: bool = False) -> dict[str, tuple[str, str]]:
    """Map place-name keys to ``(label, iso2)``: countries and cities are GPE, regions LOC.

    A country name outranks a city of the same spelling (الكويت, جيبوتي), a city outranks a
    region; a city name shared by cities of two countries maps to iso2 ``""``.

    Args:
        include_common_words: Also index city names that are common words (الخبر، صور).

    Returns:
        ``{key(name): ("GPE" | "LOC", iso2 or "")}``.

    Raises:
        LexiconError: If two countries share a name.
    """
    country_names: dict[str, str] = {}
    for country in countries():
        for name in country.names_ar:
            _add_unique(country_names, name, country.iso2, _path("countries.tsv"))
    index: dict[str, tuple[str, str]] = {}
    for region in regions():
        for name in region.names_ar:
            index[key(name)] = ("LOC", region.iso2)
    for name_key, slots in _city_candidates(include_common_words=include_common_words).items():
        index[name_key] = ("GPE", _resolve_city(slots))
    index.update({name_key: ("GPE", iso2) for name_key, iso2 in country_names.items()})
    return index


@cache
def organization_index() -> dict[str, Organization]:
    """Map each name of a named organisation to its record (institution head nouns excluded).

    Raises:
        LexiconError: If one name belongs to two organisations.
    """
    return _name_index(
        [org for org in organizations() if org.type != "institution_head"], "organizations.tsv"
    )


@cache
def institution_index() -> dict[str, Organization]:
    """Map government-institution head nouns (وزارة الخارجية، الجيش، الحكومة) to their record.

    These name an organisation only together with a gentilic or country: ``الجيش الإسرائيلي``.
    """
    return _name_index(
        [org for org in organizations() if org.type == "institution_head"], "organizations.tsv"
    )


def _name_index(records: list[Organization], where: str) -> dict[str, Organization]:
    index: dict[str, Organization] = {}
    for record in records:
        for name in record.names_ar:
            if index.setdefault(key(name), record) != record:
                raise _listed_twice(_path(where), name, index[key(name)].name_en, record.name_en)
    return index


@cache
def seat_index(*, capitals: bool = True, include_common_words: bool = False) -> dict[str, str]:
    """Map seat-of-government (and capital) names to the country they stand for.

    ``الكرملين`` → ``RU``, ``البيت الأبيض`` → ``US``, ``موسكو`` → ``RU``. Capitals are added
    after the curated seats and never override them; a capital spelled like another
    country's name (عمّان/عُمان) or claimed by two countries (القدس) is left out. Use
    :func:`seats` to tell capitals (``kind == "capital"``) from other seats.

    Args:
        capitals: Include capitals.
        include_common_words: Also include capitals whose name is a common word.
    """
    index = {key(name): seat.iso2 for seat in seats() if seat.kind != "capital" for name in seat.names_ar}
    if not capitals:
        return index
    country_of_name = {key(name): country.iso2 for country in countries() for name in country.names_ar}
    capital_names = _city_candidates(include_common_words=include_common_words)
    for name_key, slots in capital_names.items():
        owners = slots["capital"]
        if len(owners) != 1 or name_key in index:
            continue
        iso2 = next(iter(owners))
        if country_of_name.get(name_key, iso2) == iso2:
            index[name_key] = iso2
    return index


@cache
def title_first_words() -> frozenset[str]:
    """The first word (key) of every title form: where a title can start (وزير، المتحدث، رئيس)."""
    return frozenset(title.split()[0] for title in title_index() if title)


# Words that key as a name or a title once folded, but are particles as written: على (on) keys as
# علي (Ali), إن/أن as آن (Anne), أمام (in front of) as إمام (imam). Written with ى or a hamza they
# start no name and no title (على نيلسن، إن بومبيو، تيريزا ماي، أمام مجلس العموم on news-bench).
PARTICLES_AS_WRITTEN = frozenset(("على", "وعلى", "إن", "أن", "وإن", "وأن", "أمام", "وأمام"))


@cache
def title_index() -> dict[str, Title]:
    """Map each title form to its record; a form starting with ال is also indexed without it.

    Raises:
        LexiconError: If one form belongs to two title records.
    """
    index: dict[str, Title] = {}
    bare: dict[str, Title] = {}
    for title in titles():
        for form in title.forms:
            if index.setdefault(key(form), title) != title:
                raise _listed_twice(_path("titles.tsv"), form, index[key(form)].title_en, title.title_en)
            if form.startswith(_ARTICLE):
                bare.setdefault(key(form[len(_ARTICLE) :]), title)
    return {**bare, **index}


@cache
def construct_title_index() -> dict[str, Title]:
    """:func:`title_index` plus the construct-state spelling of each title (``وزير خارجية``),
    for reading titles before their complement. Kept apart from :func:`title_index`, whose keys
    are features of the trained NER model."""
    construct = {
        key(form): title
        for title in titles()
        for written in title.forms
        if (form := construct_title(written)) is not None
    }
    return {**construct, **title_index()}


def construct_title(form: str) -> str | None:
    """The construct-state spelling of a title whose complement is a definite noun, used before a
    country or body: ``وزير الخارجية`` → ``وزير خارجية`` (وزير خارجية السودان), ``رئيسة الوزراء``
    → ``رئيسة وزراء`` (رئيسة وزراء بريطانيا). News-bench writes ``رئيس وزراء`` in 442 sentences and
    ``وزير خارجية`` in 363. None for a one-word title or a definite head (``المتحدث الرسمي``).

    >>> construct_title("وزير الخارجية")
    'وزير خارجية'
    """
    words = form.split()
    if len(words) < 2 or words[0].startswith(_ARTICLE) or not words[-1].startswith(_ARTICLE):
        return None
    return " ".join([*words[:-1], words[-1][len(_ARTICLE) :]])


def _keys(names: Callable[[], list[str]]) -> frozenset[str]:
    return frozenset(name_key for name_key in map(key, names()) if name_key)


@cache
def gazetteer() -> dict[str, frozenset[str]]:
    """Name keys per NER class, for gazetteer features.

    ``LOC``: countries, cities (common words excluded) and regions; ``ORG``: named
    organisations and seats of government; ``PERS``: empty (no licence-clean list of Arabic
    personal names is bundled).
    """
    locations = _keys(lambda: list(place_index()))
    organisations = _keys(
        lambda: [
            *organization_index(),
            *(n for seat in seats() if seat.kind not in ("capital", "city") for n in seat.names_ar),
        ]
    )
    return {"LOC": locations, "ORG": organisations, "PERS": frozenset()}
