"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a built graph.

pyoxigraph runs the queries and writes the results (JSON, XML, CSV, TSV; Turtle/N-Triples for
CONSTRUCT and DESCRIBE); this module is only the HTTP layer, a WSGI app served by the standard
library. Updates and federated queries (``SERVICE``) are refused, each query runs under a time
limit in a process of its own, requests are served concurrently (a thread each, so a slow query
does not hold up the others), responses are capped in size, an ``Accept`` header naming no
format we write is answered 406, and the server binds to localhost unless told otherwise. The
shipped queries are served by name at ``/queries/NAME``, a page at a time (``limit``,
``offset``; other parameters bind the query's variables), and listed at ``/queries``.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import os
import queue
from collections.abc import Callable, Iterable
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pyoxigraph as ox

from kg import sparql_text
from kg.errors import Errors, KGError
from kg.query import bind_values, describe, named_queries, page_query, parameters
from kg.rdf.store import graph_path, open_store, store_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_PAGE = 100
MAX_RESPONSE_BYTES = 50 * 1024 * 1024
MAX_QUERY_BYTES = 100 * 1024

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class HTTPError(Exception):
    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offered: dict[str, Any], default: str) -> str | None:
    """The first media type of ``accept`` (by q-value, then order) that we offer: ``default`` for
    ``*/*`` or no Accept at all, the first offered type of its kind for ``text/*``; ``None`` when
    ``accept`` names nothing we offer."""
    if not accept.strip():
        return default
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranked.append((-q, position, media.strip().lower()))
    for minus_q, _, media in sorted(ranked):
        if minus_q >= 0:  # q=0: "not acceptable"
            continue
        if media in offered:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            kind = media.removesuffix("*")
            found = next((m for m in (default, *offered) if m.startswith(kind)), None)
            if found:
                return found
    return None


def _not_acceptable(accept: str, offered: dict[str, Any]) -> tuple[str, str, bytes]:
    message = Errors.E042.format(accept=accept, offered=", ".join(offered))
    return "406 Not Acceptable", "text/plain", message.encode()


def _run(path: str, sparql: str, accept: str, answers: multiprocessing.Queue) -> None:
    """Run one query in a child process and put ``(status, content type, body)`` on ``answers``."""
    try:
        result = _store(path).query(sparql, use_default_graph_as_union=True)
        answers.put(_serialize(result, accept))
    except SyntaxError as error:
        answers.put(("400 Bad Request", "text/plain", Errors.E055.format(error=error).encode()))
    except Exception as error:
        answers.put(("500 Internal Server Error", "text/plain", Errors.E056.format(error=error).encode()))


def _serialize(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: str
) -> tuple[str, str, bytes]:
    """``(status, content type, body)`` of a result in the format ``accept`` asks for, or 406."""
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, _GRAPH_TYPES, "text/turtle")
        if media is None:
            return _not_acceptable(accept, _GRAPH_TYPES)
        return "200 OK", media, result.serialize(format=_GRAPH_TYPES[media]) or b""
    media = negotiate(accept, _RESULT_TYPES, "application/sparql-results+json")
    if media is None:
        return _not_acceptable(accept, _RESULT_TYPES)
    return "200 OK", media, result.serialize(format=_RESULT_TYPES[media]) or b""


_STORES: dict[tuple[int, str], ox.Store] = {}


def _store(path: str) -> ox.Store:
    """The store of ``path``, opened once per process: an on-disk store is reopened read-only in
    each forked query process (a RocksDB handle must not cross a fork); a graph file is loaded
    once in the parent and shared by the children."""
    on_disk = store_path(path) is not None
    slot = (os.getpid() if on_disk else 0, path)
    if slot not in _STORES:
        _STORES[slot] = open_store(path)
    return _STORES[slot]


class Endpoint:
    """The WSGI application: ``/sparql`` (GET and POST) and a query page at ``/``."""

    def __init__(self, graph: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = str(graph if store_path(graph) else graph_path(graph))
        self.timeout = timeout
        self._context = multiprocessing.get_context("fork")
        _store(self.path)  # load once in the parent; forked children share it

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            route = environ.get("PATH_INFO", "/")
            if route == "/":
                return self._reply(start_response, "200 OK", "text/html; charset=utf-8", page().encode())
            if route == "/queries":
                return self._reply(start_response, "200 OK", "application/json", query_list())
            if route.startswith("/queries/"):
                sparql = named_query_page(route.removeprefix("/queries/"), environ.get("QUERY_STRING", ""))
                status, media, body = self.run(sparql, environ.get("HTTP_ACCEPT", ""))
                return self._reply(start_response, status, media, body)
            if route != "/sparql":
                raise HTTPError("404 Not Found", Errors.E047)
            sparql = self._query_text(environ)
            status, media, body = self.run(sparql, environ.get("HTTP_ACCEPT", ""))
            return self._reply(start_response, status, media, body)
        except HTTPError as error:
            return self._reply(start_response, error.status, "text/plain", str(error).encode())

    def run(self, sparql: str, accept: str) -> tuple[str, str, bytes]:
        """Run a query under the time limit in a process of its own; refuse updates, federated
        queries and an Accept header that names no format we write."""
        if sparql_text.is_update(sparql):
            raise HTTPError("403 Forbidden", Errors.E013)
        if sparql_text.is_federated(sparql):
            raise HTTPError("400 Bad Request", Errors.E041)
        if negotiate(accept, _RESULT_TYPES | _GRAPH_TYPES, "") is None:
            return _not_acceptable(accept, _RESULT_TYPES | _GRAPH_TYPES)
        answers = self._context.Queue()
        worker = self._context.Process(target=_run, args=(self.path, sparql, accept, answers), daemon=True)
        worker.start()
        try:
            status, media, body = answers.get(timeout=self.timeout)
        except queue.Empty:
            worker.kill()
            raise HTTPError("503 Service Unavailable", Errors.E054.format(seconds=self.timeout)) from None
        finally:
            worker.join(timeout=1)
        if len(body) > MAX_RESPONSE_BYTES:
            raise HTTPError("413 Content Too Large", Errors.E048)
        return status, media, body

    def _query_text(self, environ: dict[str, Any]) -> str:
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "GET":
            values = parse_qs(environ.get("QUERY_STRING", ""))
        elif method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if length > MAX_QUERY_BYTES:
                raise HTTPError("413 Content Too Large", Errors.E049.format(limit=MAX_QUERY_BYTES))
            raw = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
            kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
            if kind == "application/sparql-query":
                return raw
            if kind == "application/sparql-update" or "update" in parse_qs(raw):
                raise HTTPError("403 Forbidden", Errors.E013)
            values = parse_qs(raw)
        else:
            raise HTTPError("405 Method Not Allowed", Errors.E050)
        if "update" in values:
            raise HTTPError("403 Forbidden", Errors.E013)
        if "query" not in values:
            raise HTTPError("400 Bad Request", Errors.E051)
        return values["query"][0]

    @staticmethod
    def _reply(start_response: StartResponse, status: str, media: str, body: bytes) -> list[bytes]:
        headers = [
            (
                "Content-Type",
                media if "charset" in media or not media.startswith("text/") else f"{media}; charset=utf-8",
            ),
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
            ("Access-Control-Allow-Origin", "*"),
        ]
        start_response(status, headers)
        return [body]


def query_list() -> bytes:
    """The shipped queries as JSON: name, description, parameters and the URL of their first page."""
    return json.dumps(
        [
            {
                "name": name,
                "description": describe(text),
                "parameters": sorted(parameters(text)),
                "url": f"/queries/{name}",
            }
            for name, text in named_queries().items()
        ],
        ensure_ascii=False,
    ).encode()


def named_query_page(name: str, query_string: str) -> str:
    """The SPARQL text of one page of shipped query ``name``.

    ``limit`` (default 100, ``0`` for all rows) and ``offset`` choose the page; every other
    parameter binds the variable of that name, as ``kg query --bind`` does.

    Raises:
        HTTPError: 404 for an unknown name, 400 for a malformed page or binding.
    """
    queries = named_queries()
    if name not in queries:
        raise HTTPError("404 Not Found", Errors.E052.format(name=name))
    values = {key: items[-1] for key, items in parse_qs(query_string).items()}
    try:
        limit = int(values.pop("limit", DEFAULT_PAGE))
        offset = int(values.pop("offset", 0))
        sparql = bind_values(queries[name], values) if values else queries[name]
        return page_query(sparql, limit=limit or None, offset=offset)
    except (ValueError, KGError) as error:
        raise HTTPError("400 Bad Request", Errors.E053.format(error=error)) from error


def page() -> str:
    """The query page: a form with the shipped queries as examples."""
    examples = "".join(
        f'<option value="{html.escape(text, quote=True)}">{html.escape(name)}</option>'
        for name, text in named_queries().items()
    )
    first = html.escape(next(iter(named_queries().values()), ""))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>body{{font-family:system-ui,"Noto Naskh Arabic","Noto Sans Arabic",sans-serif;margin:2em}}
textarea{{width:100%;height:16em;font-family:monospace}}</style></head><body>
<h1>kg SPARQL endpoint</h1><p>Read-only. POST or GET <code>/sparql?query=…</code>. Shipped queries
by name, a page at a time: <code>/queries/NAME?limit=100&amp;offset=0&amp;name=…</code> (list: <a
href="/queries">/queries</a>).</p>
<form method="get" action="/sparql"><select onchange="this.form.query.value=this.value">{examples}</select>
<textarea name="query">{first}</textarea>
<p><button type="submit">Run</button> (results as SPARQL JSON; send an Accept header for XML, CSV or
TSV)</p></form></body></html>"""


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """A WSGI server answering each request in a thread of its own. The threads only wait: each
    query runs in a forked process (:meth:`Endpoint.run`), which also keeps its time limit; the
    parent never reads the store after loading it (a pyoxigraph Store is thread-safe anyway)."""

    daemon_threads = True


def make_endpoint_server(app: Endpoint, host: str, port: int, *, quiet: bool = False) -> WSGIServer:
    """A server for ``app`` on ``host:port`` (port 0: a free one), not yet serving."""
    handler = _QuietHandler if quiet else WSGIRequestHandler
    return make_server(host, port, app, server_class=ThreadingWSGIServer, handler_class=handler)


def serve(
    graph: str | Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    quiet: bool = False,
) -> None:
    """Serve ``graph`` until interrupted."""
    with make_endpoint_server(Endpoint(graph, timeout=timeout), host, port, quiet=quiet) as server:
        server.serve_forever()
