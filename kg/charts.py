"""Small SVG bar charts for ``report.md``: top speakers, statements per outlet.

Plain SVG written by hand (no plotting library): it opens in any browser and Markdown viewer,
Arabic labels are drawn right-to-left by the viewer's text engine, and every label is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path

from kg.atomic import atomic_path
from kg.model import Corpus

BAR_HEIGHT = 22
LABEL_WIDTH = 260
CHART_WIDTH = 720
FONT = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, sans-serif"


def bar_chart(title: str, items: Sequence[tuple[str, int]]) -> str:
    """A horizontal bar chart as an SVG document; labels on the right, bars growing leftwards."""
    top = 40
    height = top + BAR_HEIGHT * max(1, len(items)) + 20
    largest = max((value for _, value in items), default=1) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height}" '
        f'font-family="{escape(FONT)}" font-size="13">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{CHART_WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    for row, (label, value) in enumerate(items):
        y = top + row * BAR_HEIGHT
        width = max(1.0, span * value / largest)
        bar_right = CHART_WIDTH - LABEL_WIDTH - 10
        parts.append(
            f'<rect x="{bar_right - width:.1f}" y="{y + 3}" width="{width:.1f}" height="{BAR_HEIGHT - 6}" '
            f'fill="#3b7dd8"/>'
        )
        parts.append(f'<text x="{bar_right - width - 6:.1f}" y="{y + 16}" text-anchor="end">{value}</text>')
        # in right-to-left text, "start" is the right edge
        label_text = escape(_short(label))
        parts.append(
            f'<text x="{CHART_WIDTH - 8}" y="{y + 16}" text-anchor="start" direction="rtl">'
            f"{label_text}</text>"
        )
    if not items:
        parts.append(f'<text x="{CHART_WIDTH / 2}" y="{top + 16}" text-anchor="middle">—</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _short(label: str, limit: int = 34) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def top_speakers(corpus: Corpus, limit: int = 15) -> list[tuple[str, int]]:
    entities = corpus.entity_index()
    counts = Counter(s.speaker for s in corpus.statements if s.speaker in entities)
    return [(entities[e].canonical, n) for e, n in counts.most_common(limit)]


def statements_per_outlet(corpus: Corpus, limit: int = 15) -> list[tuple[str, int]]:
    """Statements by the outlet that published the document (its ``publisher``), else by relay agency."""
    publisher = {doc.doc_id: doc.publisher for doc in corpus.documents}
    entities = corpus.entity_index()
    counts: Counter[str] = Counter()
    for stmt in corpus.statements:
        outlet = publisher.get(stmt.doc_id) or (entities[stmt.via].canonical if stmt.via in entities else "")
        counts[outlet or "(unknown outlet)"] += 1
    return counts.most_common(limit)


CHARTS = {
    "top-speakers.svg": ("Top speakers (statements)", top_speakers),
    "statements-per-outlet.svg": ("Statements per outlet", statements_per_outlet),
}


def write_charts(corpus: Corpus, folder: Path) -> list[Path]:
    """Write every chart into ``folder``; returns the files written."""
    written = []
    for name, (title, count) in CHARTS.items():
        path = folder / name
        with atomic_path(path) as temp:
            temp.write_text(bar_chart(title, count(corpus)), encoding="utf-8")
        written.append(path)
    return written
