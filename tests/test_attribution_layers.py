"""The attribution rule modules import only the ones before them (issue 18)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.stages import attribution

PACKAGE = Path(attribution.__file__).parent
PREFIX = "kg.stages.attribution."


def _imported_sections(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PREFIX):
            found.add(node.module.removeprefix(PREFIX))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix(PREFIX) for a in node.names if a.name.startswith(PREFIX)}
    return found


def test_attribution_layers_list_every_module() -> None:
    on_disk = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert set(attribution.MODULES) == on_disk


@pytest.mark.parametrize("name", attribution.MODULES)
def test_attribution_layers_import_only_earlier_modules(name: str) -> None:
    earlier = set(attribution.MODULES[: attribution.MODULES.index(name)])
    assert _imported_sections(PACKAGE / f"{name}.py") <= earlier


def _imports_the_stage(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "kg.stages.attribute":
            return True
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "kg.stages"
            and any(alias.name == "attribute" for alias in node.names)
        ):
            return True
        if isinstance(node, ast.Import) and any(a.name == "kg.stages.attribute" for a in node.names):
            return True
    return False


@pytest.mark.parametrize("name", attribution.MODULES)
def test_attribution_layers_rules_never_import_the_stage(name: str) -> None:
    assert not _imports_the_stage(PACKAGE / f"{name}.py")
