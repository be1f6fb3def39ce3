"""Coded errors: every message starts with its code, the README lists them all, the CLI shows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import Errors, Warnings, catalogue

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


def test_errors_no_free_text_raise_outside_the_stages() -> None:
    """Stage internals and the lexicon loaders aside, every user-facing raise uses a template."""
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        if {"stages", "arabic"} & set(path.relative_to(ROOT / "kg").parts):
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {m.group(0)}" for m in FREE_TEXT_RAISE.finditer(text)]
    assert not found


def test_errors_cli_prints_the_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "Error: [E001] Input path" in result.output
