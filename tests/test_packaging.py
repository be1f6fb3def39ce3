"""Packaging: the wheel carries what an installed kg needs at run time, with no checkout beside it.

The ontology and shapes live in ontology/ at the top of the project (where people look for them)
and reach the wheel through the kg/rdf/ontology link, so validation and ``--outputs ontology``
work from a plain ``pip install``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(ROOT),
        "--no-deps",
        "--no-build-isolation",
        "--quiet",
        "--wheel-dir",
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 and "No module named" in done.stderr:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr
    (wheel,) = out.glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_packaging_wheel_carries_the_ontology_files(wheel_names: set[str], name: str) -> None:
    assert f"kg/rdf/ontology/{name}" in wheel_names


def test_packaging_wheel_carries_models_lexicons_and_queries(wheel_names: set[str]) -> None:
    assert any(name.startswith("kg/resources/models/") for name in wheel_names)
    assert "kg/resources/reporting_cues.tsv" in wheel_names
    assert "kg/queries/who-said-what.rq" in wheel_names


def test_packaging_ontology_link_is_the_top_level_ontology() -> None:
    assert (ROOT / "kg" / "rdf" / "ontology").resolve() == (ROOT / "ontology").resolve()
