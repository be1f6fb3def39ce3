"""kg serve: a read-only SPARQL 1.1 Protocol endpoint with content negotiation and a time limit."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kg.serve import Endpoint, negotiate

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
    assert negotiate("text/html", offered, "x") == "x"


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
    import threading
    import urllib.error
    import urllib.request
    from wsgiref.simple_server import make_server

    from kg.serve import _QuietHandler

    with make_server("127.0.0.1", 0, app, handler_class=_QuietHandler) as server:
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
