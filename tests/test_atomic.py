"""kg.atomic: outputs are written beside their target and moved into place whole, in one module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.atomic import atomic_folder, atomic_path, publish, staging_folder

ROOT = Path(__file__).resolve().parent.parent


def test_atomic_path_failure_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_atomic_folder_replaces_the_folder_whole(tmp_path: Path) -> None:
    target = tmp_path / "neo4j"
    target.mkdir()
    (target / "stale.csv").write_text("x", encoding="utf-8")
    with atomic_folder(target) as temp:
        (temp / "nodes.csv").write_text("y", encoding="utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["nodes.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["neo4j"]


def test_atomic_publish_merges_a_folder_file_by_file(tmp_path: Path) -> None:
    target = tmp_path / "charts"
    target.mkdir()
    (target / "kept.svg").write_text("k", encoding="utf-8")
    with staging_folder(tmp_path, prefix=".kg-build.") as stage:
        (stage / "charts").mkdir()
        (stage / "charts" / "new.svg").write_text("n", encoding="utf-8")
        publish(stage / "charts", target, whole=False)
    assert sorted(p.name for p in target.iterdir()) == ["kept.svg", "new.svg"]
    assert [p.name for p in tmp_path.iterdir()] == ["charts"]


def test_atomic_no_other_module_renames_temporary_files() -> None:
    """The temporary-file-then-rename pattern lives in kg/atomic.py alone."""
    pattern = re.compile(r"os\.replace\(|\.rename\(|mkstemp\(|NamedTemporaryFile\(")
    found = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "kg").rglob("*.py")
        if path.name != "atomic.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
