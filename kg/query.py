"""SPARQL over a built graph: named queries shipped with kg, results as table/CSV/TSV/JSON.

Queries are read-only: SPARQL Update is refused. The graph is loaded into Oxigraph. Results
come a page at a time (:func:`page_query`), and a shipped query may declare parameters
(``# param ?name@ar: PATTERN``) whose pattern is added only when the parameter is bound, so a
bound query starts from an index lookup instead of filtering every row. ``# bind:`` and
``# page:`` comment lines mark where bindings and the page go when not at the start of the
WHERE group and at the end. A query whose paged rows are numbered 0, 1, 2 ... without gaps by a
variable (``kg:position``, declared by ``# position: ?i``) takes a page by looking its numbers
up instead of sorting every row.
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
POSITION_PAGE_MAX = 10_000  # larger pages of a positioned query are sorted, not looked up
_UPDATE = re.compile(
    r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Result:
    """A SELECT result: column names and rows of plain strings (``""`` for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    more: bool = False  # True when the page is full and further rows follow


@dataclass(frozen=True)
class Parameter:
    """A parameter a query declares: ``# param ?name@ar: ?e skos:prefLabel|skos:altLabel ?name .``

    When bound, its value is written as a literal with ``language`` (if any) and ``pattern`` is
    added at the start of the query, so the lookup runs first; unbound, the query is unchanged.
    """

    name: str
    language: str | None
    pattern: str


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


def run_query(
    store: ox.Store,
    sparql: str,
    *,
    bindings: dict[str, str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Result:
    """Run a read-only SELECT (or ASK) query, optionally one page of it.

    Args:
        store: the Oxigraph store holding the graph.
        sparql: the query text.
        bindings: values for variables, as plain literals (``{"name": "لافروف"}``), or as the
            query's declared parameters say (:class:`Parameter`).
        limit: at most this many rows (``None`` or ``0``: all); ``Result.more`` says whether
            further rows follow.
        offset: rows to skip before the page.

    Raises:
        QueryError: for an update or a query that fails to parse or run.
    """
    if _UPDATE.search(_strip_comments(sparql)):
        raise QueryError(Errors.E013)
    if bindings:
        sparql = bind_values(sparql, bindings)
    if limit or offset:
        # one row beyond the page tells whether another page follows
        sparql = page_query(sparql, limit=limit + 1 if limit else None, offset=offset)
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
    more = bool(limit) and len(rows) > (limit or 0)
    return Result(columns, rows[:limit] if more else rows, more)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PARAMETER = re.compile(r"^#\s*param\s+\?(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?\s*:\s*(.+)$", re.MULTILINE)
_BIND_MARK = re.compile(r"^[ \t]*#[ \t]*bind:", re.MULTILINE)
_PAGE_MARK = re.compile(r"^[ \t]*#[ \t]*page:", re.MULTILINE)
_POSITION = re.compile(r"^[ \t]*#[ \t]*position:[ \t]*\?(\w+)[^\n]*\n?", re.MULTILINE)
_TAIL = re.compile(r"(?P<modifiers>(?:\s*\b(?:LIMIT|OFFSET)\s+\d+)*)(?P<comments>(?:\s*#[^\n]*)*)\s*\Z", re.I)


def parameters(sparql: str) -> dict[str, Parameter]:
    """The parameters a query declares in ``# param ?NAME[@LANG]: PATTERN`` comment lines."""
    return {
        m.group(1): Parameter(m.group(1), m.group(2), m.group(3).strip()) for m in _PARAMETER.finditer(sparql)
    }


def bind_values(sparql: str, bindings: dict[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the outer WHERE group.

    Values are written as escaped literals (plain, or in the language a declared parameter
    names), so no binding can change the query's shape; a declared parameter's pattern follows
    its ``VALUES`` block. A ``# bind:`` comment line puts them there instead (inside the sub-select
    that a ``# page:`` line pages, so that the page is taken among the bound rows).

    Raises:
        QueryError: when the query has no WHERE group or a variable name is invalid.
    """
    sparql = _POSITION.sub("", sparql)  # bound rows are a subset: their positions have gaps
    match = _WHERE.search(sparql)
    if match is None:
        raise QueryError(Errors.E009.format(error="--bind needs a query with a WHERE { ... } group"))
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(Errors.E009.format(error=f"'{name}' is not a SPARQL variable name"))
    declared = parameters(sparql)
    blocks = []
    for name, value in bindings.items():
        parameter = declared.get(name)
        if parameter is None:
            blocks.append(f"VALUES ?{name} {{ {ox.Literal(value)} }}")
        else:
            literal = (
                ox.Literal(value, language=parameter.language) if parameter.language else ox.Literal(value)
            )
            blocks.append(f"VALUES ?{name} {{ {literal} }} {parameter.pattern}")
    mark = _BIND_MARK.search(sparql)
    at = mark.start() if mark else match.end()
    return f"{sparql[:at]} {' '.join(blocks)}\n{sparql[at:]}"


def page_query(sparql: str, *, limit: int | None, offset: int = 0) -> str:
    """``sparql`` restricted to ``limit`` rows (``None``: no limit) after ``offset``.

    The page goes at the end, or where a ``# page:`` comment line marks it (a sub-select that
    orders the rows by cheap keys, so that the rest of the query runs for the page's rows only).
    When that sub-select declares ``# position: ?VAR`` (its rows numbered 0, 1, 2 ... in its
    order, without gaps), the page is a ``VALUES ?VAR`` block of the page's numbers at the
    ``# bind:`` line instead: the rows are looked up, not sorted. Binding a parameter drops the
    declaration (:func:`bind_values`), since the bound rows' numbers have gaps.
    A ``LIMIT``/``OFFSET`` the query already ends with is kept: the page is taken within it
    (a query ending ``LIMIT 100`` stays a hundred rows, paged).

    Raises:
        QueryError: for a negative limit or offset.
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError(Errors.E009.format(error="limit and offset must be 0 or more"))
    mark = _PAGE_MARK.search(sparql)
    position = _POSITION.search(sparql)
    bind_mark = _BIND_MARK.search(sparql)
    if mark and position and bind_mark and limit is not None and limit <= POSITION_PAGE_MAX:
        numbers = " ".join(str(n) for n in range(offset, offset + limit))
        at = bind_mark.start()
        return f"{sparql[:at]}VALUES ?{position.group(1)} {{ {numbers} }}\n{sparql[at:]}"
    if mark:  # the query pages a sub-select, so only the page's rows are looked up in full
        modifiers = (f"LIMIT {limit} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")
        return f"{sparql[: mark.start()]}{modifiers}\n{sparql[mark.start() :]}"
    tail = _TAIL.search(sparql)  # matches at least the empty tail of any text
    start, present, comments = (
        (tail.start(), tail["modifiers"], tail["comments"]) if tail else (len(sparql), "", "")
    )
    own_limit = _modifier(present, "LIMIT")
    own_offset = _modifier(present, "OFFSET") or 0
    if own_limit is not None:
        left = max(own_limit - offset, 0)
        limit = left if limit is None else min(limit, left)
    modifiers = (f" LIMIT {limit}" if limit is not None else "") + (
        f" OFFSET {own_offset + offset}" if own_offset + offset else ""
    )
    return f"{sparql[:start].rstrip()}{modifiers}\n{comments.strip()}\n"


def _modifier(text: str, keyword: str) -> int | None:
    found = re.search(rf"\b{keyword}\s+(\d+)", text, re.IGNORECASE)
    return int(found.group(1)) if found else None


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
    lines.append(f"({len(result.rows)} rows{'; more follow' if result.more else ''})")
    return "\n".join(lines)


def _clip(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)
