"""Stage ingest through fsspec: URLs read like local paths; local paths keep their source_path."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from kg.errors import InputError
from kg.model import Corpus, Document, Skipped
from kg.stages import ingest

ARABIC = "صرح الناطق باسم البلدية بأن أعمال الصيانة ستنتهي قبل موسم الأمطار."
OTHER = "أعلنت النقابة أن الإضراب سيستمر حتى تلبية مطالب العمال."


def _read(*inputs: str | Path) -> tuple[list[Document], list[Skipped]]:
    corpus = ingest.run(Corpus(), inputs=inputs)
    return list(corpus.documents), list(corpus.skipped)


@pytest.fixture
def memory_folder() -> Iterator[str]:
    memory = fsspec.filesystem("memory")
    memory.pipe("/kg-ingest/b/second.txt", OTHER.encode("cp1256"))
    memory.pipe("/kg-ingest/a.txt", ARABIC.encode("utf-8"))
    memory.pipe("/kg-ingest/.hidden.txt", ARABIC.encode("utf-8"))
    memory.pipe("/kg-ingest/image.png", b"\x89PNG")
    line = json.dumps({"id": "n9", "text": OTHER, "source": "وكالة"}, ensure_ascii=False)
    memory.pipe("/kg-ingest/feed.jsonl", (line + "\n{bad\n").encode("utf-8"))
    yield "memory://kg-ingest"
    memory.rm("/kg-ingest", recursive=True)


def test_ingest_urls_memory_folder_reads_like_a_local_folder(memory_folder: str) -> None:
    docs, skipped = _read(memory_folder)
    assert [(d.doc_id, d.text, d.encoding) for d in docs] == [
        ("a", ARABIC, "utf-8"),
        ("second", OTHER, "windows-1256"),
        ("n9", OTHER, "utf-8"),
    ]
    assert [d.source_path for d in docs] == [
        "memory://kg-ingest/a.txt",
        "memory://kg-ingest/b/second.txt",
        "memory://kg-ingest/feed.jsonl:1",
    ]
    assert [(s.source, "malformed JSON" in s.reason) for s in skipped] == [
        ("memory://kg-ingest/feed.jsonl:2", True)
    ]


def test_ingest_urls_single_file_of_unsupported_type_is_skipped(memory_folder: str) -> None:
    docs, skipped = _read(f"{memory_folder}/image.png")
    assert docs == []
    assert skipped == [Skipped(f"{memory_folder}/image.png", "unsupported file type '.png'")]


def test_ingest_urls_file_url_gives_the_documents_of_the_local_path(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARABIC + "\r\n", encoding="utf-8")
    (tmp_path / "y.html").write_text(f"<title>عنوان</title><p>{OTHER}</p>", encoding="utf-8")
    local, _ = _read(tmp_path)
    remote, _ = _read(tmp_path.as_uri())
    assert [d.source_path for d in local] == [str(tmp_path / "x.txt"), str(tmp_path / "y.html")]
    assert [d.source_path for d in remote] == [f"{tmp_path.as_uri()}/x.txt", f"{tmp_path.as_uri()}/y.html"]
    assert [(d.doc_id, d.text, d.title) for d in local] == [(d.doc_id, d.text, d.title) for d in remote]


def test_ingest_urls_missing_url_raises_clear_error() -> None:
    with pytest.raises(InputError, match=r"Input path memory://kg-nowhere/x does not exist"):
        _read("memory://kg-nowhere/x")


def test_ingest_urls_unknown_protocol_names_the_plugin_to_install() -> None:
    with pytest.raises(InputError, match="Install the fsspec plugin for its protocol"):
        _read("nosuchproto://bucket/news")


def test_ingest_urls_without_fsspec_say_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec → ImportError
    with pytest.raises(InputError, match="needs fsspec: pip install"):
        _read("s3://bucket/news")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("s3://bucket/news/", True),
        ("memory://x", True),
        ("simplecache::s3://bucket/a.jsonl", True),
        ("file:///data/articles", True),
        ("C:\\data\\articles", False),
        ("C://data", False),
        ("articles/a.txt", False),
        ("/srv/news", False),
    ],
)
def test_ingest_urls_is_url_tells_urls_from_paths(text: str, expected: bool) -> None:
    assert ingest.is_url(text) is expected
