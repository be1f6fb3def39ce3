"""kg build --dask: the per-document stages on a Dask cluster give the same graph as a local build."""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import fsspec
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster, get_task_stream
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from kg.build import BuildResult, build
from kg.cli import cli
from kg.errors import PipelineError
from kg.pipeline import run

ARTICLES = Path(__file__).parent / "data" / "articles"

# Short wire items written for this test: two outlets carry the same statement, so the corpus
# stages (resolution, claims across documents) have something to join after the cluster's work.
FEED = [
    {
        "id": "amman_1",
        "source": "وكالة الأنباء الأردنية",
        "text": "قال وزير الخارجية الأردني أيمن الصفدي في عمان يوم الأحد إن بلاده تدعم الوساطة "
        "لوقف القتال في السودان. وأضاف الصفدي أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة.",
    },
    {
        "id": "amman_2",
        "source": "وكالة الأناضول",
        "text": "أكد أيمن الصفدي أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة في السودان، "
        "وذلك خلال لقائه المبعوث الأممي في عمان.",
    },
    {
        "id": "tunis_1",
        "source": "وكالة تونس أفريقيا للأنباء",
        "text": "نفت وزارة الداخلية التونسية أن تكون قد منعت الصحفيين من تغطية الاحتجاجات في صفاقس، "
        "وقالت في بيان إن الشرطة رافقت المسيرة حتى نهايتها.",
    },
    {
        "id": "rabat_1",
        "source": "وكالة المغرب العربي للأنباء",
        "text": "أعلن رئيس الحكومة المغربية عزيز أخنوش أن الرباط ستستضيف قمة إقليمية للمياه في الخريف، "
        "مشيرا إلى أن الجفاف يهدد الزراعة في شمال أفريقيا.",
    },
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    feed = tmp_path_factory.mktemp("feed") / "wire.jsonl"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in FEED) + "\n", encoding="utf-8")
    return [str(ARTICLES), str(feed)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def local(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(inputs, tmp_path_factory.mktemp("local"), outputs=("turtle",))


def _assert_same_graph(expected: Path, got: Path) -> None:
    one = to_isomorphic(Graph().parse(expected, format="turtle"))
    two = to_isomorphic(Graph().parse(got, format="turtle"))
    _, only_local, only_dask = graph_diff(one, two)
    assert one == two, f"local only:\n{only_local.serialize()}\ndask only:\n{only_dask.serialize()}"


def test_distributed_cli_build_gives_the_local_graph(
    local: BuildResult, inputs: list[str], cluster: LocalCluster, tmp_path: Path
) -> None:
    out = tmp_path / "dask"
    args = ["build", *inputs, "-o", str(out), "--dask", cluster.scheduler_address, "-q"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out / "graph.ttl")) > 100
    _assert_same_graph(local.out_dir / "graph.ttl", out / "graph.ttl")


def test_distributed_chunks_run_on_both_workers_and_give_the_local_corpus(
    local: BuildResult, inputs: list[str], client: Client, tmp_path: Path
) -> None:
    steps: list[str] = []
    with get_task_stream(client=client) as stream:
        remote = build(
            inputs, tmp_path, outputs=("turtle",), dask=client, progress=lambda s, i, n: steps.append(s)
        )
    assert remote.corpus == local.corpus
    assert len({task["worker"] for task in stream.data}) == 2
    assert "attribute: 6/6 chunks" in steps  # six documents, one per chunk on two one-thread workers


def test_distributed_reads_memory_urls_on_the_client(client: Client, tmp_path: Path) -> None:
    memory = fsspec.filesystem("memory")
    for record in FEED:
        memory.pipe(f"/kg-dask-test/{record['id']}.txt", record["text"].encode("utf-8"))
    try:
        here = build(["memory://kg-dask-test"], tmp_path / "local", outputs=("turtle",))
        remote = build(["memory://kg-dask-test"], tmp_path / "dask", outputs=("turtle",), dask=client)
    finally:
        memory.rm("/kg-dask-test", recursive=True)
    assert [d.source_path for d in remote.corpus.documents] == [
        f"memory://kg-dask-test/{i}.txt" for i in sorted(r["id"] for r in FEED)
    ]
    assert remote.corpus.statements
    assert remote.corpus == here.corpus


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_distributed_unreachable_scheduler_says_what_to_check(inputs: list[str], tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(PipelineError) as error:
        build(inputs, tmp_path / "out", dask=address)
    message = str(error.value)
    assert f"Cannot connect to the Dask scheduler at {address}" in message
    assert "Check the address" in message
    assert not (tmp_path / "out").exists()


def test_distributed_malformed_address_fails_at_once(inputs: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", *inputs, "-o", str(tmp_path), "--dask", "localhost", "-q"])
    assert result.exit_code == 1
    assert "Cannot connect to the Dask scheduler at localhost: missing port" in result.output


def test_distributed_missing_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(PipelineError, match=r"pip install 'kg\[dask\]'"):
        run([ARTICLES], options={"ner": {"backend": "lexicon"}}, dask="tcp://127.0.0.1:8786")


def test_distributed_no_connection_without_per_document_stages() -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        corpus, _ = run([ARTICLES], stages=("ingest", "segment"), dask=address)
    assert len(corpus.documents) == 2
