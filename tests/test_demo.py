"""The demo: the sample corpus in ../shared builds into a conforming graph that the shared scorer reads.

Skipped when ../shared is not beside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.rdf.store import load_graph
from kg.rdf.validate import validate
from tests.conftest import SHARED

SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
SCORER = SHARED / "eval" / "score.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SEEDS.is_dir() and GOLD.is_file() and SCORER.is_file()), reason="../shared is absent"
    ),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build([SEEDS], out)
    return out


def test_demo_graph_conforms_to_the_shapes(demo: Path) -> None:
    report = validate(load_graph(demo))
    assert report.conforms, report.text[:3000]


def test_demo_scores_are_non_zero(demo: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "score.json"
    done = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--graph",
            str(demo / "graph.ttl"),
            "--gold",
            str(GOLD),
            "--json",
            str(report_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    scores = json.loads(report_path.read_text(encoding="utf-8"))
    assert scores["warnings"] == []
    assert scores["entities"]["typed"]["f1"] > 0
    assert scores["statements"]["detection"]["f1"] > 0
    assert scores["claims"]["f1"] > 0
