"""kg.charts: the report's SVG bar charts are well-formed, escaped and drawn to scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from kg.charts import bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_charts_bar_chart_is_valid_svg_with_one_bar_per_item() -> None:
    root = ET.fromstring(bar_chart("المتحدثون", [("جون كيري", 10), ("سيرغي لافروف", 5)]))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "#3b7dd8"]
    assert len(bars) == 2
    assert float(bars[0].get("width")) == 2 * float(bars[1].get("width"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "جون كيري" in texts


def test_charts_escape_labels() -> None:
    svg = bar_chart("<b>", [('<script>alert(1)</script>"&', 1)])
    root = ET.fromstring(svg)  # parses: nothing broke out of the text nodes
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg


def test_charts_are_written_and_linked_by_the_report(built: Path) -> None:
    report = (built / "report.md").read_text(encoding="utf-8")
    for name in ("top-speakers.svg", "statements-per-outlet.svg"):
        assert (built / "charts" / name).is_file()
        assert f"charts/{name}" in report
