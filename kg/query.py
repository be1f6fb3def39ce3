"""SPARQL over a built graph: named queries shipped with kg, results as table/CSV/TSV/JSON.

Queries are read-only: SPARQL Update is refused. The graph is loaded into Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Errors, QueryError
from kg.rdf import store

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Result:
    """A SELECT result: column names and rows of plain strings (``""`` for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def named_queries() -> dict[str, str]:
    """Shipped queries by name, e.g. ``who-said-what``."""
    folder = resources.files("kg.export") / "queries"
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def describe(text: str) -> str:
    """The first comment line of a query, used as its description."""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def named_query(name: str) -> str:
    queries = named_queries()
    if name not in queries:
        raise QueryError(Errors.E008.format(name=name))
    return queries[name]


def open_store(path: str | Path) -> ox.Store:
    """The graph of an output folder (its on-disk store) or of a graph file, ready for queries."""
    return store.open_store(path)


def run_query(store: ox.Store, sparql: str, *, bindings: dict[str, str] | None = None) -> Result:
    """Run a read-only SELECT (or ASK) query.

    Args:
        store: the Oxigraph store holding the graph.
        sparql: the query text.
        bindings: values for variables, as plain literals (``{"name": "لافروف"}``).

    Raises:
        QueryError: for an update or a query that fails to parse or run.
    """
    if _UPDATE.search(_strip_comments(sparql)):
        raise QueryError(Errors.E013)
    if bindings:
        sparql = bind_values(sparql, bindings)
    try:
        answer = store.query(sparql, use_default_graph_as_union=True)
    except (SyntaxError, OSError, ValueError, RuntimeError) as error:
        raise QueryError(Errors.E009.format(error=error)) from error
    if isinstance(answer, ox.QueryBoolean):
        return Result(("answer",), ((str(bool(answer)).lower(),),))
    if isinstance(answer, ox.QueryTriples):
        return Result(
            ("subject", "predicate", "object"), tuple(tuple(_plain(t) for t in triple) for triple in answer)
        )
    columns = tuple(v.value for v in answer.variables)
    rows = tuple(tuple(_plain(solution[c]) for c in columns) for solution in answer)
    return Result(columns, rows)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(sparql: str, bindings: dict[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the outer WHERE group.

    Values are written as escaped plain literals, so no binding can change the query's shape.

    Raises:
        QueryError: when the query has no WHERE group or a variable name is invalid.
    """
    match = _WHERE.search(sparql)
    if match is None:
        raise QueryError(Errors.E009.format(error="--bind needs a query with a WHERE { ... } group"))
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(Errors.E009.format(error=f"'{name}' is not a SPARQL variable name"))
    values = " ".join(f"VALUES ?{name} {{ {ox.Literal(value)} }}" for name, value in bindings.items())
    return f"{sparql[: match.end()]} {values} {sparql[match.end() :]}"


def _strip_comments(sparql: str) -> str:
    return "\n".join(
        line.split("#", 1)[0] if not line.lstrip().startswith("PREFIX") else ""
        for line in sparql.splitlines()
    )


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a result as an aligned text table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps(
            [dict(zip(result.columns, row, strict=True)) for row in result.rows], ensure_ascii=False, indent=1
        )
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buffer.getvalue().rstrip("\n")
    return _table(result)


def _table(result: Result, max_width: int = 80) -> str:
    cells = [list(result.columns)] + [[_clip(v, max_width) for v in row] for row in result.rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append(
            " | ".join(value + " " * (widths[i] - _width(value)) for i, value in enumerate(row)).rstrip()
        )
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines)


def _clip(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)
