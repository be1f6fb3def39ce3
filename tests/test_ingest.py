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


PERSIAN = "سخنگوی دولت گفت که گفتگوها ادامه دارد و پیشنهاد تازه‌ای بررسی می‌شود."
PERSIAN_1256 = PERSIAN.replace("ی", "ي")  # Windows-1256 has no Farsi yeh; Persian text there uses ي


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (ARABIC.encode("iso8859_6"), "iso-8859-6"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        (ARABIC.encode("utf-16-be"), "utf-16-be"),
        (PERSIAN_1256.encode("cp1256"), "windows-1256"),
        (PERSIAN.encode("utf-16"), "utf-16"),
    ],
)
def test_ingest_detects_encoding_without_being_told(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    docs, skipped = _read(path)
    assert skipped == []
    assert docs[0].encoding == name
    assert docs[0].text in (ARABIC, PERSIAN, PERSIAN_1256)


def test_ingest_prefers_the_code_page_with_more_arabic_letters() -> None:
    # ISO-8859-6 bytes of ي ك ق read as Windows-1256 are ê ç â: the scorer must see that.
    text = "قال مسؤول كبير إن التحقيق في القضية مستمر وإن النتائج ستعلن قريبا."
    assert ingest.decode(text.encode("iso8859_6")) == (text, "iso-8859-6")
    assert ingest.decode(text.encode("cp1256")) == (text, "windows-1256")
    assert ingest.arabic_score(text.encode("iso8859_6").decode("cp1256")) < ingest.arabic_score(text)


def test_ingest_utf8_with_one_bad_byte_is_not_read_as_a_code_page(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARABIC.encode("utf-8") + b"\xff" + ARABIC.encode("utf-8"))
    docs, _ = _read(path)
    assert docs[0].text == ARABIC + "\ufffd" + ARABIC
    assert docs[0].encoding == "utf-8 (invalid bytes replaced)"


@pytest.mark.parametrize(
    "text",
    [
        "قال\r\nالوزير",  # CRLF
        "قَالَ الوَزِيرُ",  # diacritics
        "قـــال الوزير",  # tatweel
        "\u200fقال\u200c الوزير\u202b إن\u202c\u2067 الحل\u2069\ufeff",  # bidi and zero-width marks
    ],
)
def test_ingest_keeps_marks_and_line_ends_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    docs, _ = _read(path)
    assert docs[0].text == text


def test_ingest_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    record = {"id": "n1", "text": ARABIC + "\u2028" + ARABIC + "\x85"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, skipped = _read(path)
    assert skipped == [] and docs[0].text == record["text"]


def test_ingest_jsonl_lone_surrogate_becomes_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "n1", "text": "\\udc80' + ARABIC + '"}\n', encoding="utf-8")
    docs, _ = _read(path)
    assert docs[0].text == "\ufffd" + ARABIC
    assert len(docs[0].text) == 1 + len(ARABIC)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": true, "text": "قال"}', "field 'id'"),
        ('{"id": "x", "text": ["قال"]}', "JSON array, not a string"),
        ('"قال"', "JSON string, not an object"),
        ("[" * 5000, "malformed JSON"),
    ],
)
def test_ingest_jsonl_bad_values_name_the_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    docs, skipped = _read(path)
    assert docs == []
    assert skipped[0].source == f"{path}:2"
    assert reason in skipped[0].reason


def test_ingest_document_over_the_length_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(ARABIC * (ingest.MAX_DOC_CHARS // len(ARABIC) + 1), encoding="utf-8")
    docs, skipped = _read(path)
    assert docs == []
    assert "character limit per document" in skipped[0].reason


def test_ingest_random_bytes_are_binary(tmp_path: Path) -> None:
    import random

    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    docs, skipped = _read(path)
    assert docs == [] and "binary" in skipped[0].reason


def _two_folders_with_x(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(ARABIC, encoding="utf-8")


def test_ingest_same_file_name_in_two_folders_names_both_paths(tmp_path: Path) -> None:
    _two_folders_with_x(tmp_path)
    docs, skipped = _read(tmp_path)
    assert [d.doc_id for d in docs] == ["x"]
    assert [s.source for s in skipped] == [str(tmp_path / "b" / "x.txt")]
    reason = skipped[0].reason
    assert reason.startswith("duplicate document id 'x'")
    assert str(tmp_path / "a" / "x.txt") in reason and "--doc-id path" in reason


def test_ingest_doc_id_path_is_the_path_relative_to_the_input_folder(tmp_path: Path) -> None:
    _two_folders_with_x(tmp_path)
    (tmp_path / "y.txt").write_text(ARABIC, encoding="utf-8")
    corpus = ingest.run(Corpus(), inputs=[tmp_path], doc_id="path")
    assert [d.doc_id for d in corpus.documents] == ["a/x", "b/x", "y"]
    assert corpus.skipped == ()
    single = ingest.run(Corpus(), inputs=[tmp_path / "a" / "x.txt"], doc_id="path")
    assert [d.doc_id for d in single.documents] == ["x"]


def test_ingest_unknown_doc_id_mode_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Unknown document id mode 'stem'"):
        ingest.run(Corpus(), inputs=[tmp_path], doc_id="stem")
