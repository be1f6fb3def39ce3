"""How long the HTML view takes to open (a benchmark, not a test).

Opens a ``graph.html`` in headless Chromium (1400×900) several times and reports the time to the
first draw of the network as the page's own clock gives it (``performance.now()`` at vis-network's
first ``afterDrawing``, written by the page as ``data-kg-draw-ms``), with the nodes and labels
drawn and the file size. Give a page, or a kg output folder and a node budget to export one:

    python scripts/view_open.py output/graph.html --runs 5
    python scripts/view_open.py output --max-nodes 5000

Run from the checkout: it drives Chromium with the tests' DevTools client (``tests/browser.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.export import html as view_html
from kg.rdf.store import load_graph
from tests.browser import Browser


def page_of(target: Path, max_nodes: int, folder: Path) -> Path:
    """``target`` if it is a page, else the view of the graph in the output folder ``target``."""
    if target.is_file():
        return target
    page = folder / "graph.html"
    with page.open("w", encoding="utf-8") as out:
        view_html.write_page(view_html.read_records(load_graph(target)), out, max_nodes=max_nodes)
    return page


def open_once(page: Path) -> dict:
    with Browser(width=1400, height=900) as browser:
        browser.open(page.as_uri(), ready="document.body && document.body.dataset.kgDrawMs")
        browser.settle()
        found = browser.run(
            "({draw: Number(document.body.dataset.kgDrawMs), drawn: Number(document.body.dataset.kgDrawn),"
            " labels: Number(document.body.dataset.kgLabels), nodes: JSON.parse("
            "document.getElementById('kg-data').textContent).nodes.length})"
        )
        found["errors"] = len(browser.errors)
        return found


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("target", type=Path, help="a graph.html, or a kg output folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-nodes", type=int, default=view_html.MAX_NODES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page = page_of(args.target, args.max_nodes, Path(folder))
        runs = [open_once(page) for _ in range(args.runs)]
        size = page.stat().st_size
    draws = [run["draw"] for run in runs]
    last = runs[-1]
    print(
        f"{page.name}: {last['nodes']} nodes in the page, {last['drawn']} drawn, {last['labels']} labelled, "
        f"{size / 1e6:.1f} MB; first draw at {statistics.median(draws):.0f} ms (median of {len(draws)}: "
        f"{', '.join(f'{d:.0f}' for d in draws)}); page errors: {sum(run['errors'] for run in runs)}"
    )


if __name__ == "__main__":
    main()
