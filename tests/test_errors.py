"""Coded errors: every message starts with its code, the README lists them all, the CLI shows them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.arabic import cues, lexicons, predicates
from kg.arabic.cues import CueLexiconError
from kg.arabic.lexicons import Country
from kg.arabic.predicates import PredicateLexiconError
from kg.cli import cli
from kg.errors import Errors, LexiconError, Warnings, catalogue
from kg.ner import features
from kg.stages import interactions, ner

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"[EW]\d{3}")
# A raise of a kg error (or a click error, or an HTTP answer of kg serve) with a message written
# in place instead of a template of kg.errors.
# (A "\n".join of coded messages is not free text.)
FREE_TEXT_RAISE = re.compile(
    r"raise (?:(?:KGError|InputError|PipelineError|QueryError|ExportError|NERError|SkippedInputsError|"
    r"click\.\w+)\(|HTTPError\(\s*\"[^\"]*\",)\s*f?[\"'](?!\\n[\"']\.join)"
)


def _codes(kind: type) -> list[str]:
    return [name for name in vars(kind) if CODE.fullmatch(name)]


@pytest.mark.parametrize("kind", [Errors, Warnings])
def test_errors_messages_start_with_their_code(kind: type) -> None:
    for code in _codes(kind):
        assert getattr(kind, code).startswith(f"[{code}] "), code


def test_errors_format_keeps_the_code() -> None:
    assert Errors.E011.format(name="crff", known="camel, crf") == (
        "[E011] Unknown NER backend 'crff'. Choose one of: camel, crf."
    )


def test_errors_readme_lists_every_code() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- error-codes:start -->\n(.*?)<!-- error-codes:end -->", text, re.S)
    assert block, "README.md has no error-codes block"
    assert block.group(1) == catalogue(), "run: python scripts/error_codes.py --write"
    listed = re.findall(r"^- `([EW]\d{3})`", block.group(1), re.M)
    assert listed == [*_codes(Errors), *_codes(Warnings)]


def test_errors_every_code_is_raised_somewhere() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    unused = [c for c in [*_codes(Errors), *_codes(Warnings)] if not re.search(rf"\.{c}\b", source)]
    assert not unused


# Any exception raised with a message written in place (kg/arabic, kg/ner and the rest of kg);
# kg serve's HTTPError("status", message) is checked by FREE_TEXT_RAISE.
ANY_FREE_TEXT_RAISE = re.compile(r"raise (?!HTTPError)(\w+(?:Error|Exception))\(\s*f?[\"'](?!\\n[\"']\.join)")
# The raises that keep free text, by file and exception: programming errors of a protocol or a
# bug in kg (a user of a working kg never sees them), and reasons state.py wraps in E032.
ALLOWED_FREE_TEXT = {
    ("kg/__init__.py", "AttributeError"),  # module __getattr__: no such attribute
    ("kg/model.py", "IndexError"),  # sequence protocol: token index out of range
    ("kg/export/neo4j.py", "TypeError"),  # a record value of a type kg never writes
    ("kg/export/html.py", "ValueError"),  # pinned pyvis asset that cannot be inlined
    ("kg/state.py", "ValueError"),  # caught in load_state and shown as E032's reason
}


def test_errors_no_free_text_raise_outside_the_stages() -> None:
    """Stage internals aside, every raise a user can see uses a template of kg.errors; the lexicon
    loaders of kg/arabic and kg/ner included."""
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if "stages" in path.relative_to(ROOT / "kg").parts:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{name}: {m.group(0)}" for m in FREE_TEXT_RAISE.finditer(text)]
        found += [
            f"{name}: {m.group(0)}"
            for m in ANY_FREE_TEXT_RAISE.finditer(text)
            if (name, m.group(1)) not in ALLOWED_FREE_TEXT
        ]
    assert not found


def test_errors_free_text_check_catches_a_lexicon_raise() -> None:
    line = 'raise ValueError(f"{path.name}:{number}: unknown kind {kind!r}")'
    assert ANY_FREE_TEXT_RAISE.search(line)
    assert not ANY_FREE_TEXT_RAISE.search("raise LexiconError(Errors.E083.format(path=path))")


def test_errors_allowed_free_text_raises_are_still_there() -> None:
    """An allowance whose raise is gone (coded or removed) is dropped from the list."""
    for name, error in ALLOWED_FREE_TEXT:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert any(m.group(1) == error for m in ANY_FREE_TEXT_RAISE.finditer(text)), (name, error)


def test_errors_cli_prints_the_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "Error: [E001] Input path" in result.output


# A broken or hand-edited lexicon file: the code, the file's path and the line, and what to do.


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "code", "line"),
    [
        ("iso2\tname\n", "E080", 1),
        ("# only a comment\n", "E081", None),
        ("\t".join(lexicons.COUNTRY_COLUMNS) + "\nRU\tRussia\tروسيا\n", "E082", 2),
        ("\t".join(lexicons.COUNTRY_COLUMNS) + "\nru\tRussia\tروسيا\tروسي\t\t\tموسكو\n", "E083", 2),
    ],
)
def test_errors_lexicon_table_names_code_file_and_line(
    tmp_path: Path, body: str, code: str, line: int | None
) -> None:
    path = _write(tmp_path / "countries.tsv", body)
    with pytest.raises(LexiconError) as caught:
        lexicons.parse_countries(path)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(caught.value).startswith(f"[{code}] {where}")
    assert "reinstall kg" in str(caught.value)


def test_errors_lexicon_name_of_two_records_is_e084() -> None:
    records = (Country("AA", "A", ("أ",), ("كوري",), ()), Country("BB", "B", ("ب",), ("كوري",), ()))
    with pytest.raises(
        LexiconError, match=r"^\[E084\] .*countries\.tsv: 'كوري' is listed for both AA and BB"
    ):
        lexicons.build_gentilic_index(records)


def test_errors_lexicon_missing_word_class_is_e085() -> None:
    with pytest.raises(LexiconError, match=r"^\[E085\] .*attribution_words\.tsv has no word class 'no_such'"):
        lexicons.word_class("no_such")


def test_errors_cue_lexicon_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "reporting_cues.tsv", "# comment\nقال\tverb\tassert\n")
    with pytest.raises(CueLexiconError, match=rf"^\[E082\] {re.escape(str(path))}:2: expected 10 .* found 3"):
        cues.read_entries(path)
    row = ["قال", "verb", "assert", "no", "sentence", "-", "-", "-", "-", "say"]
    with pytest.raises(
        LexiconError, match=r"^\[E083\] .*reporting_cues\.tsv:7: content 'sentence' is not one"
    ):
        cues.parse_entry(row, 7)
    with pytest.raises(LexiconError, match=r"^\[E086\] .* holds no cue rows"):
        cues.read_entries(_write(tmp_path / "empty.tsv", "# nothing\n"))


def test_errors_predicate_lexicon_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "predicates.tsv", "class\tlemma\n-\t-\t-\t-\t-\t-\t-\n")
    with pytest.raises(PredicateLexiconError, match=r"^\[E083\] .*predicates\.tsv:2: a row needs a class"):
        predicates.read_predicates(path)
    _write(path, "withdraw\tانسحب\n")
    with pytest.raises(LexiconError, match=r"^\[E082\] .*predicates\.tsv:1: expected 7 .* found 2"):
        predicates.read_predicates(path)


def test_errors_ner_cue_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "ner-cues.tsv", "label\tword\nPERS\tالرئيس\nPERSON\tوزير\n")
    with pytest.raises(LexiconError, match=r"^\[E083\] .*ner-cues\.tsv:3: expected a label \(PERS, ORG"):
        features.load_cues(path)


def test_errors_trigger_row_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "interaction_triggers.tsv", "# comment\n\nزار\tvisit\n")
    with pytest.raises(LexiconError, match=r"^\[E082\] .*interaction_triggers\.tsv:3: expected 8 .* found 2"):
        list(interactions.trigger_rows(path))


@pytest.fixture
def resources_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """kg/resources with a copy of place_context.tsv (the rest linked) for the cached place_context()."""
    copy = tmp_path / "resources"
    copy.mkdir()
    for item in lexicons.RESOURCES.iterdir():
        (copy / item.name).symlink_to(item)
    (copy / "place_context.tsv").unlink()
    shutil.copy(lexicons.RESOURCES / "place_context.tsv", copy / "place_context.tsv")
    monkeypatch.setattr(lexicons, "RESOURCES", copy)
    ner.place_context.cache_clear()
    yield copy
    ner.place_context.cache_clear()


def test_errors_place_context_rows(resources_copy: Path) -> None:
    path = resources_copy / "place_context.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    _write(path, "\n".join([*lines, "proverb\tx\t\t\t"]) + "\n")
    with pytest.raises(LexiconError) as caught:
        ner.place_context()
    assert str(caught.value).startswith(f"[E083] {path}:{len(lines) + 1}: kind 'proverb' is not one of")


def test_errors_cli_prints_a_lexicon_code(resources_copy: Path, tmp_path: Path) -> None:
    path = resources_copy / "place_context.tsv"
    _write(path, path.read_text(encoding="utf-8") + "idiom\tx\n")
    source = _write(tmp_path / "in" / "a.txt", "قال الرئيس الروسي إن موسكو مستعدة للحوار.\n")
    result = CliRunner().invoke(
        cli, ["build", str(source.parent), "-o", str(tmp_path / "out"), "-q", "-j", "1"]
    )
    assert result.exit_code == 1
    assert f"Error: [E082] {path}:" in result.output
