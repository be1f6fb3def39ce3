"""kg.rdf.store: graphs in Oxigraph, atomic files, and the saved on-disk store of an output folder."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.query import open_store, run_query
from kg.rdf.store import atomic_path, new_graph, persist, saved_store, write_graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def small_graph(n: int = 3):  # type: ignore[no-untyped-def]
    graph = new_graph()
    for i in range(n):
        graph.add(
            (
                URIRef(f"https://example.org/e{i}"),
                URIRef("https://example.org/name"),
                Literal(f"اسم {i}", lang="ar"),
            )
        )
    return graph


def test_store_persist_then_query_without_parsing(tmp_path: Path) -> None:
    graph = small_graph()
    write_graph(graph, tmp_path / "graph.ttl")
    persist(graph, tmp_path)
    store = saved_store(tmp_path)
    assert store is not None
    assert run_query(open_store(tmp_path), COUNT).rows == (("3",),)


def test_store_persist_replaces_the_old_store_whole(tmp_path: Path) -> None:
    persist(small_graph(3), tmp_path)
    persist(small_graph(5), tmp_path)
    assert run_query(open_store(tmp_path), COUNT).rows == (("5",),)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_store_newer_turtle_wins_over_a_stale_store(tmp_path: Path) -> None:
    persist(small_graph(3), tmp_path)
    write_graph(small_graph(4), tmp_path / "graph.ttl")
    later = time.time() + 10
    os.utime(tmp_path / "graph.ttl", (later, later))
    assert saved_store(tmp_path) is None
    assert run_query(open_store(tmp_path), COUNT).rows == (("4",),)


def test_store_atomic_path_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
