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

from kg import sparql_text
from kg.errors import Errors, QueryError
from kg.rdf import store

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".srj": "json", ".txt": "table"}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
POSITION_PAGE_MAX = 10_000  # larger pages of a positioned query are sorted, not looked up


@dataclass(frozen=True)
class Result:
    """A SELECT result: column names and rows of plain strings (``""`` for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    more: bool = False  # True when the page is full and further rows follow
    terms: tuple[tuple[Term | None, ...], ...] = ()  # the rows as RDF terms (None: unbound)
    boolean: bool | None = None  # the answer of an ASK query


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
    folder = resources.files("kg") / "queries"
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
    if sparql_text.is_update(sparql):
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
        return Result(("answer",), ((str(bool(answer)).lower(),),), boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        columns: tuple[str, ...] = ("subject", "predicate", "object")
        terms = tuple(tuple(triple) for triple in answer)
    else:
        columns = tuple(v.value for v in answer.variables)
        terms = tuple(tuple(solution[c] for c in columns) for solution in answer)
    more = bool(limit) and len(terms) > (limit or 0)
    terms = terms[:limit] if more else terms
    return Result(columns, tuple(tuple(_plain(t) for t in row) for row in terms), more, terms)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PARAMETER = re.compile(r"#\s*param\s+\?(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?\s*:\s*(.+)")
_POSITION = re.compile(r"#[ \t]*position:[ \t]*\?(\w+).*")  # to the end of the comment
_TAIL = re.compile(r"(?P<modifiers>(?:\s*(?<![\w?$:])(?:LIMIT|OFFSET)\s+\d+)*)\s*\Z", re.IGNORECASE)


def _directive(sparql: str, pattern: re.Pattern[str] | str) -> re.Match[str] | None:
    """The first real comment of ``sparql`` that is the directive ``pattern`` (``page``, ``bind``,
    or a regex starting with ``#``); a ``#`` in an IRI or a string is no comment, no directive."""
    regex = re.compile(rf"#[ \t]*{pattern}:") if isinstance(pattern, str) else pattern
    found = (regex.match(sparql, c.start, c.end) for c in sparql_text.comments(sparql))
    return next((m for m in found if m), None)


def parameters(sparql: str) -> dict[str, Parameter]:
    """The parameters a query declares in ``# param ?NAME[@LANG]: PATTERN`` comment lines."""
    found = (_PARAMETER.match(sparql, c.start, c.end) for c in sparql_text.comments(sparql))
    return {m.group(1): Parameter(m.group(1), m.group(2), m.group(3).strip()) for m in found if m}


def bind_values(sparql: str, bindings: dict[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the outer WHERE group.

    Values are written as escaped literals (plain, or in the language a declared parameter
    names), so no binding can change the query's shape; a declared parameter's pattern follows
    its ``VALUES`` block. A ``# bind:`` comment line puts them there instead (inside the sub-select
    that a ``# page:`` line pages, so that the page is taken among the bound rows).

    Raises:
        QueryError: when the query has no WHERE group, a variable name is invalid, or the query
            has no such variable (and declares no such parameter).
    """
    position = _directive(sparql, _POSITION)
    if position:  # bound rows are a subset: their positions have gaps
        sparql = sparql[: position.start()] + sparql[position.end() :].removeprefix("\n")
    match = _WHERE.search(sparql_text.mask(sparql))
    if match is None:
        raise QueryError(Errors.E009.format(error="--bind needs a query with a WHERE { ... } group"))
    declared = parameters(sparql)
    known = sparql_text.variables(sparql) | set(declared)
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(Errors.E009.format(error=f"'{name}' is not a SPARQL variable name"))
        if name not in known:
            raise QueryError(Errors.E040.format(name=name, known=", ".join(f"?{v}" for v in sorted(known))))
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
    mark = _directive(sparql, "bind")
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
    (a query ending ``LIMIT 100`` stays a hundred rows, paged). The query is read as SPARQL
    (:mod:`kg.sparql_text`): only real comments are directives, and a query on one line, with
    ``#`` in its IRIs, pages like any other.

    Raises:
        QueryError: for a negative limit or offset.
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError(Errors.E009.format(error="limit and offset must be 0 or more"))
    mark = _directive(sparql, "page")
    position = _directive(sparql, _POSITION)
    bind_mark = _directive(sparql, "bind")
    if mark and position and bind_mark and limit is not None and limit <= POSITION_PAGE_MAX:
        numbers = " ".join(str(n) for n in range(offset, offset + limit))
        at = bind_mark.start()
        return f"{sparql[:at]}VALUES ?{position.group(1)} {{ {numbers} }}\n{sparql[at:]}"
    if mark:  # the query pages a sub-select, so only the page's rows are looked up in full
        modifiers = (f"LIMIT {limit} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")
        return f"{sparql[: mark.start()]}{modifiers}\n{sparql[mark.start() :]}"
    tail = _TAIL.search(sparql_text.mask(sparql))  # matches at least the empty tail of any text
    start, present = (tail.start(), tail["modifiers"]) if tail else (len(sparql), "")
    comments = "\n".join(sparql[c.start : c.end] for c in sparql_text.comments(sparql) if c.start >= start)
    own_limit = _modifier(present, "LIMIT")
    own_offset = _modifier(present, "OFFSET") or 0
    if own_limit is not None:
        left = max(own_limit - offset, 0)
        limit = left if limit is None else min(limit, left)
    modifiers = (f" LIMIT {limit}" if limit is not None else "") + (
        f" OFFSET {own_offset + offset}" if own_offset + offset else ""
    )
    return f"{sparql[:start].rstrip()}{modifiers}\n{comments}\n"


def _modifier(text: str, keyword: str) -> int | None:
    found = re.search(rf"\b{keyword}\s+(\d+)", text, re.IGNORECASE)
    return int(found.group(1)) if found else None


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a result as an aligned text table, CSV, TSV or SPARQL 1.1 Query Results JSON."""
    if fmt == "json":
        return json.dumps(results_json(result), ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buffer.getvalue().rstrip("\n")
    return _table(result)


def format_for(path: str | Path) -> str:
    """The output format a file name asks for by its suffix (``.csv``, ``.tsv``, ``.json``,
    ``.srj``, ``.txt``).

    Raises:
        QueryError: for any other suffix.
    """
    fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise QueryError(
            Errors.E043.format(path=path, known=", ".join(OUTPUT_FORMATS), suffixes=", ".join(SUFFIX_FORMATS))
        )
    return fmt


def results_json(result: Result) -> dict[str, object]:
    """A result as `SPARQL 1.1 Query Results JSON <https://www.w3.org/TR/sparql11-results-json/>`_:
    ``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``, or ``{"head": {}, "boolean": ...}``
    for ASK. Each term keeps its kind, datatype and language tag."""
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    terms = result.terms or tuple(tuple(ox.Literal(v) if v else None for v in row) for row in result.rows)
    bindings = [_binding(result.columns, row) for row in terms]
    return {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}


def _binding(columns: tuple[str, ...], row: tuple[Term | None, ...]) -> dict[str, object]:
    return {column: _term_json(term) for column, term in zip(columns, row, strict=True) if term is not None}


def _term_json(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term_json(getattr(term, p)) for p in parts}}
    encoded: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
        encoded["datatype"] = term.datatype.value
    return encoded


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
