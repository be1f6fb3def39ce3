"""kg serve: a read-only SPARQL 1.1 Protocol endpoint with content negotiation and a time limit."""

from __future__ import annotations

import io
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kg.serve import Endpoint, make_endpoint_server, negotiate

KG = "https://w3id.org/arabic-news-kg/ontology"
COUNT = (
    "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>\n"
    "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"
)


@pytest.fixture(scope="module")
def app(built: Path) -> Endpoint:
    return Endpoint(built, timeout=5)


def call(
    app: Endpoint,
    method: str = "GET",
    query: str = COUNT,
    accept: str = "*/*",
    body: bytes = b"",
    content_type: str = "",
) -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": "/sparql",
        "HTTP_ACCEPT": accept,
        "QUERY_STRING": urlencode({"query": query}) if method == "GET" else "",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    out = b"".join(app(environ, start_response))
    return str(seen["status"]), seen["headers"], out  # type: ignore[return-value]


def test_serve_get_returns_sparql_json(app: Endpoint) -> None:
    status, headers, body = call(app)
    assert status == "200 OK"
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"


@pytest.mark.parametrize(
    ("accept", "media", "marker"),
    [
        ("text/csv", "text/csv", b"n\r\n2"),
        ("text/tab-separated-values", "text/tab-separated-values", b"?n"),
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
    ],
)
def test_serve_negotiates_result_formats(app: Endpoint, accept: str, media: str, marker: bytes) -> None:
    status, headers, body = call(app, accept=accept)
    assert status == "200 OK"
    assert headers["Content-Type"].startswith(media)
    assert marker in body


def test_serve_post_and_construct_as_turtle(app: Endpoint) -> None:
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"
    status, headers, body = call(
        app, "POST", body=construct.encode(), content_type="application/sparql-query", accept="text/turtle"
    )
    assert status == "200 OK"
    assert headers["Content-Type"].startswith("text/turtle")
    assert body.strip()


@pytest.mark.parametrize("update", ["DELETE WHERE { ?s ?p ?o }", "INSERT DATA { <a:b> <a:c> <a:d> }"])
def test_serve_refuses_updates(app: Endpoint, update: str) -> None:
    status, _, _ = call(app, query=update)
    assert status.startswith("403")
    status, _, _ = call(
        app,
        "POST",
        body=urlencode({"update": update}).encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert status.startswith("403")


def test_serve_malformed_query_is_400(app: Endpoint) -> None:
    status, _, body = call(app, query="SELECT WHERE {")
    assert status.startswith("400")
    assert b"Malformed" in body


def test_serve_enforces_the_time_limit(built: Path) -> None:
    slow = Endpoint(built, timeout=0.5)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = call(slow, query=heavy)
    assert status.startswith("503")
    assert b"time limit" in body


def test_serve_negotiate_prefers_higher_q() -> None:
    offered = {"text/csv": 1, "application/json": 2}
    assert negotiate("text/csv;q=0.5, application/json", offered, "x") == "application/json"
    assert negotiate("text/html", offered, "x") is None
    assert negotiate("text/html, */*;q=0.1", offered, "x") == "x"
    assert negotiate("", offered, "x") == "x"
    assert negotiate("text/*", offered, "application/json") == "text/csv"
    assert negotiate("text/csv;q=0, application/json", offered, "x") == "application/json"


@pytest.mark.parametrize(
    ("accept", "marker"),
    [
        ("application/sparql-results+json", b'"boolean":true'),
        ("application/sparql-results+xml", b"<boolean>true</boolean>"),
    ],
)
def test_serve_answers_ask(app: Endpoint, accept: str, marker: bytes) -> None:
    ask = "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>\nASK { ?s a kg:Statement }"
    status, _, body = call(app, query=ask, accept=accept)
    assert status == "200 OK"
    assert marker in body.replace(b" ", b"")


def test_serve_over_http_on_localhost(app: Endpoint) -> None:
    with make_endpoint_server(app, "127.0.0.1", 0, quiet=True) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            request = urllib.request.Request(
                f"{base}/sparql?{urlencode({'query': COUNT})}", headers={"Accept": "text/csv"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.read().decode().splitlines() == ["n", "2"]
            with urllib.request.urlopen(f"{base}/", timeout=10) as response:
                assert b"kg SPARQL endpoint" in response.read()
            insert = urllib.request.Request(
                f"{base}/sparql",
                data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                headers={"Content-Type": "application/sparql-update"},
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(insert, timeout=10)
            assert refused.value.code == 403
        finally:
            server.shutdown()


def test_serve_named_query_pages(app: Endpoint) -> None:
    def page(query_string: str) -> list[dict]:
        seen: dict[str, str] = {}
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/queries/who-said-what",
            "QUERY_STRING": query_string,
            "HTTP_ACCEPT": "application/sparql-results+json",
        }
        body = b"".join(app(environ, lambda status, headers: seen.update(status=status)))
        assert seen["status"] == "200 OK", body
        return json.loads(body)["results"]["bindings"]

    everything = page("limit=0")
    assert len(everything) >= 2
    assert page("limit=1&offset=1") == everything[1:2]
    assert len(page("")) == min(len(everything), 100)


def test_serve_lists_named_queries_and_refuses_unknown_ones(app: Endpoint) -> None:
    seen: dict[str, str] = {}
    body = b"".join(app({"PATH_INFO": "/queries"}, lambda status, headers: seen.update(status=status)))
    assert {"name": "statements-about"}.items() <= next(
        q for q in json.loads(body) if q["name"] == "statements-about"
    ).items()
    environ = {"PATH_INFO": "/queries/nope", "QUERY_STRING": ""}
    b"".join(app(environ, lambda status, headers: seen.update(status=status)))
    assert seen["status"].startswith("404")


@contextmanager
def listening(app: object) -> Iterator[tuple[str, list[str]]]:
    """``app`` served on a free localhost port in a thread: its base URL and the paths requested."""
    requested: list[str] = []

    def record(environ: dict, start_response: Callable) -> Iterable[bytes]:
        requested.append(environ["PATH_INFO"])
        return app(environ, start_response)  # type: ignore[operator]

    with make_endpoint_server(record, "127.0.0.1", 0, quiet=True) as server:  # type: ignore[arg-type]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", requested
        finally:
            server.shutdown()


def get(url: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"{url}/sparql?{urlencode({'query': query})}", headers={"Accept": accept}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_serve_refuses_federated_queries_without_calling_the_other_endpoint(app: Endpoint) -> None:
    def remote(environ: dict, start_response: Callable) -> Iterable[bytes]:
        start_response("200 OK", [("Content-Type", "application/sparql-results+json")])
        return [b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"leak"}}]}}']

    with listening(remote) as (other, called), listening(app) as (url, _):
        for federated in (
            f"SELECT * WHERE {{ SERVICE <{other}/sparql> {{ ?x ?p ?o }} }}",
            f"PREFIX kg: <{KG}#> SELECT * WHERE {{ service silent <{other}/x> {{ ?x ?p ?o }} }}",
            f"SELECT * WHERE {{ BIND(<{other}/sparql> AS ?e) SERVICE ?e {{ ?x ?p ?o }} }}",
        ):
            status, body = get(url, federated)
            assert status == 400, body
            assert body.startswith(b"[E041]") and b"SERVICE" in body
        assert called == []


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?d WHERE { ?d a ?c FILTER (?c != "SERVICE <http://localhost/>") } LIMIT 1',
        "SELECT ?d WHERE { ?d a ?c } LIMIT 1 # SERVICE <http://localhost/> { }",
    ],
)
def test_serve_service_in_a_string_or_comment_is_no_federation(app: Endpoint, query: str) -> None:
    status, _, _ = call(app, query=query)
    assert status == "200 OK"


@pytest.mark.parametrize(
    ("query", "accept", "status", "media"),
    [
        (COUNT, "text/html", "406", "text/plain"),
        (COUNT, "text/turtle", "406", "text/plain"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/csv", "406", "text/plain"),
        (COUNT, "", "200", "application/sparql-results+json"),
        (COUNT, "*/*", "200", "application/sparql-results+json"),
        (COUNT, "text/html,application/xhtml+xml,*/*;q=0.8", "200", "application/sparql-results+json"),
        (COUNT, "text/*", "200", "text/csv"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "", "200", "text/turtle"),
    ],
)
def test_serve_answers_406_to_an_accept_header_it_cannot_meet(
    app: Endpoint, query: str, accept: str, status: str, media: str
) -> None:
    got, headers, body = call(app, query=query, accept=accept)
    assert got.startswith(status), body
    assert headers["Content-Type"].startswith(media)
    if status == "406":
        assert body.startswith(b"[E042]") and b"Accept" in body


def test_serve_a_slow_query_does_not_delay_a_fast_one(built: Path) -> None:
    """The slow query runs into its time limit; the fast ASK sent after it answers long before."""
    limit = 6.0
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    fast = "ASK { ?s ?p ?o }"
    done: dict[str, float] = {}
    with listening(Endpoint(built, timeout=limit)) as (url, _):
        started = time.monotonic()
        slow_thread = threading.Thread(target=lambda: done.update(slow=(get(url, slow)[0], time.monotonic())))
        slow_thread.start()
        time.sleep(0.5)  # the slow query is running
        status, body = get(url, fast)
        done["fast"] = time.monotonic()
        slow_thread.join(timeout=60)
    assert status == 200 and b"true" in body
    slow_status, slow_end = done["slow"]  # type: ignore[misc]
    assert slow_status == 503  # it did run to the time limit
    assert done["fast"] < slow_end
    assert done["fast"] - started < (slow_end - started) / 2


def test_serve_named_query_with_an_unknown_binding_is_400(app: Endpoint) -> None:
    seen: dict[str, str] = {}
    environ = {"PATH_INFO": "/queries/who-said-what", "QUERY_STRING": "nmae=%D9%84%D8%A7"}
    body = b"".join(app(environ, lambda status, headers: seen.update(status=status)))
    assert seen["status"].startswith("400")
    assert b"?nmae" in body and b"?name" in body
