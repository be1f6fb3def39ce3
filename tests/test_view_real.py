"""The HTML view of real builds in headless Chromium: the sample corpus and a 5,000-node graph
built from ../shared/data/news-bench. Skipped without Chromium or ../shared."""

from __future__ import annotations

import itertools
import json
import lzma
from pathlib import Path

import pytest

from kg.arabic.normalize import delete_marks
from kg.build import build
from tests.conftest import SHARED
from tests.test_export_html import body_attrs, chromium, coloured_pixels, needs_chromium, page_url, payload

NEWS = SHARED / "data" / "news-bench" / "news-bench.jsonl.xz"
SEEDS = SHARED / "corpus" / "seeds"

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]


def _plain(label: str) -> str:
    """A label as a user types it: no diacritics, bare alef, ه for ة."""
    return delete_marks(label).translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه"}))


def _check_view(page: Path, tmp_path: Path) -> dict:
    data = payload(page)
    nodes = data["meta"]["shown_nodes"]
    # the most mentioned actor with a hamza or teh marbuta in its name, typed without them
    labels = [n["label"] for n in sorted(data["nodes"], key=lambda n: -n.get("value", 0)) if n.get("label")]
    target = next((label for label in labels if _plain(label) != label), labels[0])
    dom, log, wall = chromium(page_url(page, _plain(target)), "--dump-dom", budget_ms=60000)
    attrs = body_attrs(dom)
    assert attrs["data-kg-drawn"] == str(nodes), attrs
    assert int(attrs["data-kg-search-hits"]) >= 1, (target, attrs)
    assert "data-kg-errors" not in attrs and "Uncaught" not in log
    shot = tmp_path / "shot.png"
    chromium(page_url(page), f"--screenshot={shot}", budget_ms=60000)
    assert coloured_pixels(shot, (100, 100, 1100, 700)) > 500
    return {
        "nodes": nodes,
        "wall_s": wall,
        "draw_ms": attrs.get("data-kg-draw-ms"),
        "bytes": page.stat().st_size,
    }


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
def test_view_real_sample_corpus(tmp_path: Path) -> None:
    build([SEEDS], tmp_path / "out")
    facts = _check_view(tmp_path / "out" / "graph.html", tmp_path)
    print(f"sample view: {facts}")


@pytest.mark.skipif(not NEWS.is_file(), reason="../shared/data/news-bench is absent")
def test_view_real_5000_nodes_from_news_bench(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    with lzma.open(NEWS, "rt", encoding="utf-8") as source, corpus.open("w", encoding="utf-8") as out:
        for line in itertools.islice(source, 1300):
            record = json.loads(line)
            out.write(
                json.dumps(
                    {"id": record["id"], "text": record["text"], "source": record["source"]},
                    ensure_ascii=False,
                )
                + "\n"
            )
    build([corpus], tmp_path / "out", jobs=2)
    facts = _check_view(tmp_path / "out" / "graph.html", tmp_path)
    assert facts["nodes"] >= 5000, facts
    print(f"news-bench view: {facts}")
