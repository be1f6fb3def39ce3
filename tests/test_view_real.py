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
from kg.export import html as view_html
from kg.rdf.store import load_graph
from tests.browser import Browser
from tests.conftest import SHARED
from tests.test_export_html import body_attrs, chromium, coloured_pixels, needs_chromium, page_url, payload

NEWS = SHARED / "data" / "news-bench" / "news-bench.jsonl.xz"
SHOTS = Path(__file__).resolve().parents[1] / "output" / "view-tests"  # artefacts, git-ignored
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
    assert attrs["data-kg-drawn"] == str(data["meta"]["core_nodes"]), attrs  # the opening view
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


def _news_corpus(path: Path, articles: int) -> Path:
    with lzma.open(NEWS, "rt", encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for line in itertools.islice(source, articles):
            record = json.loads(line)
            out.write(
                json.dumps(
                    {k: record[k] for k in ("id", "text", "source", "date") if k in record},
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


@pytest.fixture(scope="module")
def news_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,300 news-bench articles built once: about 9,700 nodes, the page keeps the 5,000 heaviest."""
    if not NEWS.is_file():
        pytest.skip("../shared/data/news-bench is absent")
    folder = tmp_path_factory.mktemp("news")
    build([_news_corpus(folder / "news.jsonl", 1300)], folder / "out", jobs=2)
    return folder / "out"


@pytest.fixture(scope="module")
def page_500(news_build: Path) -> Path:
    """The same build as a 500-node page."""
    page = news_build / "graph-500.html"
    with page.open("w", encoding="utf-8") as out:
        view_html.write_page(view_html.read_records(load_graph(news_build)), out, max_nodes=500)
    return page


def test_view_real_5000_nodes_from_news_bench(news_build: Path, tmp_path: Path) -> None:
    facts = _check_view(news_build / "graph.html", tmp_path)
    assert facts["nodes"] >= 5000, facts
    print(f"news-bench view: {facts}")


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", [500, 5000])
def test_view_real_opening_view_is_legible(size: int, news_build: Path, page_500: Path) -> None:
    """The opening view in a 1400×900 window: the actors' core only, the heaviest labelled, no
    label over another, everything framed. The screenshot stays in output/view-tests/."""
    page = page_500 if size == 500 else news_build / "graph.html"
    data = payload(page)
    nodes = {node["id"]: node for node in data["nodes"]}
    assert len(nodes) == size
    with Browser(width=1400, height=900) as browser:
        browser.open(page.as_uri())
        browser.settle()
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot = browser.screenshot(SHOTS / f"opening-{size}.png")
        visible = browser.run("kgView.visible()")
        labels = browser.run("kgView.labels()")
        positions = browser.run("kgView.positions()")
        width, height = browser.run("[kgView.width(), kgView.height()]")
        errors = browser.errors
    print(f"opening view of {size} nodes: {len(visible)} shown, {len(labels)} labelled; {shot}")
    # actors joined by interactions or statements; claims, places and isolated nodes on demand
    assert len(visible) == data["meta"]["core_nodes"] > 100
    assert {nodes[i]["cls"] for i in visible} <= {"Person", "Organization", "GeopoliticalEntity"}
    assert all(0 <= p["x"] <= width and 0 <= p["y"] <= height for p in positions)  # all framed
    boxes = [label["box"] for label in labels]
    assert 100 <= len(boxes) <= 150, len(boxes)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]
    assert all(box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height for box in boxes)
    heaviest = sorted(visible, key=lambda i: nodes[i]["r"])[:10]
    assert len(set(heaviest) & {label["id"] for label in labels}) >= 8
    assert coloured_pixels(shot, (320, 120, 1150, 850)) > 500
    assert errors == []


def test_view_real_search_focus_expand_back(news_build: Path) -> None:
    """Type the most quoted person's name without hamza or diacritics, Enter, expand, back."""
    page = news_build / "graph.html"
    data = payload(page)
    persons = sorted(
        (n for n in data["nodes"] if n["cls"] == "Person" and n.get("core")), key=lambda n: n["r"]
    )
    target = persons[0]
    with Browser() as browser:
        browser.open(page.as_uri())
        overview = len(browser.run("kgView.visible()"))
        browser.type_text("#search", _plain(target["label"]))
        browser.press_enter()
        browser.wait_for("document.body.dataset.kgFocus !== ''")
        browser.settle()
        assert browser.run("kgView.state()")["focus"] == target["id"]
        one = set(browser.run("kgView.neighbourhood()"))
        width, height = browser.run("[kgView.width(), kgView.height()]")
        framed = {
            p["id"]
            for p in browser.run("kgView.positions()")
            if 0 <= p["x"] <= width and 0 <= p["y"] <= height
        }
        assert len(one) > 2 and one <= framed
        assert browser.run("document.querySelector('#details details .card') !== null")  # their statements
        SHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SHOTS / "focus.png")
        browser.click_element("#expand")
        browser.settle()
        two = set(browser.run("kgView.neighbourhood()"))
        assert two > one
        browser.screenshot(SHOTS / "expanded.png")
        browser.click_element("#overview")
        browser.settle()
        assert browser.run("kgView.state()")["focus"] is None
        assert len(browser.run("kgView.visible()")) == overview
        assert browser.errors == []


def test_view_real_fit_frames_what_the_filters_leave(news_build: Path) -> None:
    """Zoom into a corner, keep the later half of the articles by date, then 'fit': every node
    left is on the canvas and they fill it."""
    page = news_build / "graph.html"
    dates = sorted(row[4][:10] for row in payload(page)["docs"] if row[4])
    with Browser() as browser:
        browser.open(page.as_uri())
        overview = len(browser.run("kgView.visible()"))
        left, top = browser.run(
            "(r => [r.left, r.top])(document.getElementById('network').getBoundingClientRect())"
        )
        for _ in range(20):
            browser.wheel(left + 150, top + 150, -500)
        browser.settle()
        width, height = browser.run("[kgView.width(), kgView.height()]")
        outside = [p for p in browser.run("kgView.positions()") if not 0 <= p["x"] <= width]
        assert len(outside) > overview / 2  # zoomed in: most of the map is off the canvas
        browser.run(
            f"(e => {{ e.value = {json.dumps(dates[len(dates) // 2])}; e.dispatchEvent(new Event('change'));"
            " return 1; })(document.getElementById('date-from'))"
        )
        browser.click_element("#fit")
        browser.settle()
        points = browser.run("kgView.positions()")
        assert 10 < len(points) < overview
        xs, ys = [p["x"] for p in points], [p["y"] for p in points]
        assert min(xs) >= 0 and max(xs) <= width and min(ys) >= 0 and max(ys) <= height
        assert max(xs) - min(xs) > 0.8 * width or max(ys) - min(ys) > 0.8 * height
        assert browser.errors == []
