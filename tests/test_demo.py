"""The demo: the bundled sample (examples/) builds into a conforming graph on a clone with nothing
beside it, and the seed corpus in ../shared builds into a graph the shared scorer reads.

The seed tests are skipped when ../shared is not beside the checkout; the sample's never are.
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

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "singapore-summit-2018.jsonl"

pytestmark = pytest.mark.slow
needs_shared = pytest.mark.skipif(
    not (SEEDS.is_dir() and GOLD.is_file() and SCORER.is_file()), reason="../shared is absent"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    build([SAMPLE], out, outputs=("turtle", "ontology"))
    return out


def test_demo_sample_ships_five_articles_from_three_outlets() -> None:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert len({record["source"] for record in records}) == 3
    assert all(record["text"] and record["date"] for record in records)


def test_demo_sample_builds_a_conforming_graph_with_claims_across_outlets(sample: Path) -> None:
    graph = load_graph(sample)
    report = validate(graph)
    assert report.conforms, report.text[:3000]
    query = """PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
        SELECT (COUNT(DISTINCT ?s) AS ?statements) (COUNT(DISTINCT ?c) AS ?shared) WHERE {
          ?s a kg:Statement . OPTIONAL { ?c kg:sourceCount ?n . FILTER(?n > 1) } }"""
    statements, shared = next(iter(graph.query(query)))
    assert int(statements) > 20
    assert int(shared) > 0


def test_demo_sample_writes_the_ontology_beside_the_graph(sample: Path) -> None:
    written = (sample / "ontology.ttl").read_text(encoding="utf-8")
    assert written == (ROOT / "ontology" / "kg.ttl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build([SEEDS], out)
    return out


@needs_shared
def test_demo_graph_conforms_to_the_shapes(demo: Path) -> None:
    report = validate(load_graph(demo))
    assert report.conforms, report.text[:3000]


@needs_shared
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
