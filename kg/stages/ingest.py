"""Stage ``ingest``: input paths → :class:`~kg.model.Document` records.

Reads ``.txt`` files (document id = file name without extension), folders of them
(recursive), ``.jsonl`` (one article per line: ``id``, ``text``, optional ``title``,
``date``, ``source``, ``url``) and ``.html``/``.htm`` pages (reduced to their text). The text
is kept exactly as decoded; inputs that cannot be used are returned as
:class:`~kg.model.Skipped` with the reason, never silently dropped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import Errors, InputError
from kg.model import Corpus, Document, Skipped

NAME = "ingest"
REQUIRES: tuple[str, ...] = ()
PROVIDES = ("documents",)

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 200 * 1024 * 1024
_ARABIC = re.compile("[\u0600-\u06ff]")


def run(corpus: Corpus, inputs: Iterable[str | Path] = ()) -> Corpus:
    """Read every input into the corpus, appending to documents already there."""
    documents = list(corpus.documents)
    skipped = list(corpus.skipped)
    seen = {doc.doc_id for doc in documents}
    for item in read_inputs(inputs):
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.doc_id in seen:
            skipped.append(Skipped(item.source_path, f"duplicate document id '{item.doc_id}'"))
        else:
            seen.add(item.doc_id)
            documents.append(item)
    return corpus.replace(documents=tuple(documents), skipped=tuple(skipped))


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Yield a Document or a Skipped record for every file under ``inputs``, in sorted order.

    Raises:
        InputError: when an input path does not exist.
    """
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(Errors.E001.format(path=path))
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.name.startswith("."):
                continue
            if file.suffix.lower() not in SUPPORTED:
                if not path.is_dir():
                    yield Skipped(str(file), f"unsupported file type '{file.suffix}'")
                continue
            yield from read_file(file)


def read_file(path: Path) -> Iterator[Document | Skipped]:
    """Read one file: JSONL gives one document per line, other files one document."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        yield Skipped(str(path), f"file is {size} bytes, larger than the {MAX_BYTES}-byte limit")
        return
    data = path.read_bytes()
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(data, str(path))
        return
    decoded = decode(data)
    if decoded is None:
        yield Skipped(str(path), "binary or undecodable content (tried UTF-8, UTF-16, Windows-1256)")
        return
    text, encoding = decoded
    if path.suffix.lower() in HTML_SUFFIXES:
        title, text = html_to_text(text)
    else:
        title = ""
    problem = unusable_reason(text)
    if problem:
        yield Skipped(str(path), problem)
        return
    yield Document(doc_id=path.stem, text=text, source_path=str(path), title=title, encoding=encoding)


def read_jsonl(data: bytes, source: str) -> Iterator[Document | Skipped]:
    decoded = decode(data)
    if decoded is None:
        yield Skipped(source, "binary or undecodable JSONL file")
        return
    for number, line in enumerate(decoded[0].splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        document = document_from_record(record, where)
        yield document


def document_from_record(record: object, where: str) -> Document | Skipped:
    """One JSONL record as a Document, or Skipped with the reason."""
    if not isinstance(record, dict):
        return Skipped(where, "line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return Skipped(where, "field 'text' is missing or not a string")
    doc_id = record.get("id")
    if not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        return Skipped(where, "field 'id' is missing or empty")
    problem = unusable_reason(text)
    if problem:
        return Skipped(where, problem)
    return Document(
        doc_id=str(doc_id),
        text=text,
        source_path=where,
        title=_string(record.get("title")),
        date=_string(record.get("date")),
        publisher=_string(record.get("source")),
        url=_string(record.get("url")),
    )


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (BOM) or Windows-1256.

    Returns:
        ``(text, encoding)``, or ``None`` for binary content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    return text, "windows-1256"


def unusable_reason(text: str) -> str:
    """Why ``text`` cannot be used as an article, or ``""`` when it can."""
    if not text.strip():
        return "empty text"
    if "\x00" in text:
        return "text contains NUL characters (binary file?)"
    if not _ARABIC.search(text):
        return "no Arabic text"
    return ""


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer", "aside"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """Reduce an HTML page to ``(title, text)``: one paragraph per line, scripts dropped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return html.unescape(" ".join("".join(parser.title_parts).split())), text
