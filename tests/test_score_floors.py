"""A regression guard: the dev and seed corpora in ../shared build and score no lower than the
floors reached so far (a little under the measured figures; raise them as work lands).

Skipped when ../shared is not beside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score.py"

# corpus -> score path in the scorer's JSON report -> floor
FLOORS: dict[str, dict[tuple[str, ...], float]] = {
    "dev": {
        ("entities", "typed", "f1"): 0.92,
        ("resolution", "bcubed", "f1"): 0.985,
        ("statements", "detection", "f1"): 0.89,
        ("statements", "attribution", "f1"): 0.80,
        # claims (issue 21): main predicates, frames, stances and figures took 0.296 to 0.407;
        # issue 18's statements (0.882 -> 0.902) matched more statements whose cross-document
        # claims are not joined yet, 0.382 on both together; average-link paraphrases, one side's
        # denials, kinds of participants, own sides and stances took it to 0.477; aligned
        # restatements, predicate lemmas, conditions and linked merges to 0.575 (2026-12-05)
        ("claims", "f1"): 0.56,
        # interactions (issue 22): 0.402 -> 0.468 with content blame, narration rules and
        # Palestine the state apart from the territories; 0.565 with contacts, court rulings,
        # orders, tariffs, the use of force and Iran's atomic energy body; 0.584 with said blame,
        # resolutions that urge, solidarity, agreements and informing; 0.655 with the army of the
        # slice, threats, fault nouns, coordinated subjects, purpose attacks, atrocities, our
        # side, participle groups and stance nouns (2026-12-05, second session)
        ("interactions", "typed", "f1"): 0.63,
        ("roles", "f1"): 0.77,
    },
    "seeds": {
        ("entities", "typed", "f1"): 0.92,
        ("resolution", "bcubed", "f1"): 0.99,
        ("statements", "detection", "f1"): 0.93,
        ("statements", "attribution", "f1"): 0.92,
        ("claims", "f1"): 0.93,
        ("interactions", "typed", "f1"): 0.65,
        ("roles", "f1"): 0.89,
    },
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SCORER.is_file(), reason="../shared is absent"),
]


def _score(corpus: str, out: Path) -> dict:
    build([SHARED / "corpus" / corpus], out, outputs=("turtle",))
    report = out / "score.json"
    gold = SHARED / "gold" / f"{corpus}.json"
    command = [sys.executable, str(SCORER), "--graph", str(out / "graph.ttl"), "--gold", str(gold)]
    subprocess.run([*command, "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_scores_do_not_fall_below_the_floors(corpus: str, tmp_path: Path) -> None:
    if not (SHARED / "corpus" / corpus).is_dir():
        pytest.skip(f"../shared/corpus/{corpus} is absent")
    report = _score(corpus, tmp_path)
    fallen = []
    for path, floor in FLOORS[corpus].items():
        value = report
        for part in path:
            value = value[part]
        if value < floor:
            fallen.append(f"{'.'.join(path)} {value:.3f} < {floor}")
    assert not fallen, f"{corpus}: " + "; ".join(fallen)
