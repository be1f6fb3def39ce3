"""SPARQL text as the grammar sees it: which characters are code, IRIs, strings or comments.

``kg query`` rewrites queries (a page, bound values) and ``kg serve`` checks them (no updates,
no ``SERVICE``) before Oxigraph runs them. Both look at the query's *code* only: a ``#`` in
``<https://w3id.org/arabic-news-kg/ontology#>`` or in ``"قال: #1"`` does not start a comment, and
``SERVICE`` in a string or a comment is not federation. :func:`scan` splits a query into these
pieces once; :func:`mask` blanks all but the code, keeping every offset, so keyword searches over
the masked text give positions in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["code", "iri", "string", "comment"]

# IRIREF of the SPARQL grammar: no spaces, quotes, braces or angle brackets inside, so the
# comparison in FILTER (?a < ?b) is not an IRI
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_LONG_QUOTES = ('"""', "'''")
_KEYWORD_EDGE = r"(?<![\w?$:\-])({words})(?![\w:\-])"
_UPDATE = re.compile(
    r"\A\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*"  # the prologue (its IRIs are masked)
    + _KEYWORD_EDGE.format(words="INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH"),
    re.IGNORECASE,
)
_SERVICE = re.compile(_KEYWORD_EDGE.format(words="SERVICE"), re.IGNORECASE)
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)")


@dataclass(frozen=True)
class Piece:
    """A stretch of query text: ``text[start:end]`` is code, an IRI, a string or a comment."""

    kind: Kind
    start: int
    end: int


def scan(text: str) -> tuple[Piece, ...]:
    """Split a SPARQL query into code, IRIs (``<...>``), strings (all four quote forms, with
    escapes) and ``#`` comments (to the end of the line). The pieces cover ``text`` in order.

    An unterminated string or IRI runs to the end of the text; the engine reports it.
    """
    pieces: list[Piece] = []
    code_start = at = 0
    while at < len(text):
        char = text[at]
        if char == "#":
            end = _line_end(text, at)
            kind: Kind = "comment"
        elif char in "\"'":
            end = _string_end(text, at)
            kind = "string"
        elif char == "<" and (iri := _IRI.match(text, at)):
            end = iri.end()
            kind = "iri"
        else:
            at += 1
            continue
        if code_start < at:
            pieces.append(Piece("code", code_start, at))
        pieces.append(Piece(kind, at, end))
        code_start = at = end
    if code_start < len(text):
        pieces.append(Piece("code", code_start, len(text)))
    return tuple(pieces)


def _line_end(text: str, at: int) -> int:
    newline = text.find("\n", at)
    return len(text) if newline < 0 else newline


def _string_end(text: str, at: int) -> int:
    quote = text[at : at + 3] if text[at : at + 3] in _LONG_QUOTES else text[at]
    at += len(quote)
    while at < len(text):
        if text[at] == "\\":
            at += 2
        elif text.startswith(quote, at):
            return at + len(quote)
        else:
            at += 1
    return len(text)


def mask(text: str) -> str:
    """``text`` with every IRI, string and comment blanked to spaces (newlines kept): the code
    alone, at the same offsets."""
    parts = []
    for piece in scan(text):
        part = text[piece.start : piece.end]
        parts.append(part if piece.kind == "code" else re.sub(r"[^\n]", " ", part))
    return "".join(parts)


def comments(text: str) -> tuple[Piece, ...]:
    """The real ``#`` comments of a query (not a ``#`` inside an IRI or a string)."""
    return tuple(piece for piece in scan(text) if piece.kind == "comment")


def is_update(text: str) -> bool:
    """True when ``text`` is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR ...), not a query."""
    return _UPDATE.search(mask(text)) is not None


def is_federated(text: str) -> bool:
    """True when the query calls another endpoint (a ``SERVICE`` clause outside strings and
    comments), so that running it would send requests elsewhere."""
    return _SERVICE.search(mask(text)) is not None


def variables(text: str) -> frozenset[str]:
    """The names of the variables the query's code uses (``?name`` or ``$name``)."""
    return frozenset(_VARIABLE.findall(mask(text)))
