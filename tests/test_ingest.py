"""Stage ingest: files, folders, JSONL and HTML become documents; bad inputs are skipped with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Corpus, Document, Skipped
from kg.stages import ingest

ARABIC = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد غدا."


def _read(*paths: Path) -> tuple[list[Document], list[Skipped]]:
    corpus = ingest.run(Corpus(), inputs=paths)
    return list(corpus.documents), list(corpus.skipped)


def test_ingest_txt_keeps_exact_text_and_uses_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "article_01.txt"
    path.write_text(ARABIC + "\r\n", encoding="utf-8")
    docs, skipped = _read(path)
    assert [(d.doc_id, d.text) for d in docs] == [("article_01", ARABIC + "\r\n")]
    assert skipped == []


@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("utf-16", b"", "utf-16"), ("cp1256", b"", "windows-1256")],
)
def test_ingest_decodes_common_arabic_encodings(
    tmp_path: Path, encoding: str, prefix: bytes, name: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + ARABIC.encode(encoding))
    docs, _ = _read(path)
    assert docs[0].text == ARABIC
    assert docs[0].encoding == name


def test_ingest_jsonl_reads_fields_and_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": ARABIC, "title": "عنوان", "date": "2024-01-02", "source": "وكالة"}),
        "{not json",
        json.dumps({"id": "n2", "text": 42}),
        json.dumps({"text": ARABIC}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, skipped = _read(path)
    assert [(d.doc_id, d.title, d.date, d.publisher) for d in docs] == [
        ("n1", "عنوان", "2024-01-02", "وكالة")
    ]
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4"]
    assert "malformed JSON" in skipped[0].reason
    assert "'text'" in skipped[1].reason
    assert "'id'" in skipped[2].reason


def test_ingest_html_drops_scripts_and_keeps_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>خبر</title><script>var x = 'لا';</script></head>"
        f"<body><p>{ARABIC}</p><p>وأضاف &quot;نعم&quot;</p></body></html>",
        encoding="utf-8",
    )
    docs, _ = _read(path)
    assert docs[0].title == "خبر"
    assert docs[0].text == f'{ARABIC}\nوأضاف "نعم"'


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"only english text", "no Arabic")],
)
def test_ingest_skips_unusable_files_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    docs, skipped = _read(path)
    assert docs == []
    assert reason in skipped[0].reason


def test_ingest_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    docs, skipped = _read(tmp_path)
    assert [d.doc_id for d in docs] == ["1", "2"]
    assert skipped == []


def test_ingest_missing_path_raises_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        _read(tmp_path / "nope")
