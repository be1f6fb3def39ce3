"""Stage ``ingest``: input paths → :class:`~kg.model.Document` records.

Reads ``.txt`` files (document id = file name without extension; with ``doc_id="path"``, the
path relative to the input folder without extension, ``a/x`` for ``a/x.txt``), folders of them
(recursive), ``.jsonl`` (one article per line: ``id``, ``text``, optional ``title``,
``date``, ``source``, ``url``) and ``.html``/``.htm`` pages (reduced to their text). Inputs
may also be fsspec URLs (``s3://bucket/prefix``, ``file:///data``, ``memory://x``), read the
same way when fsspec and the protocol's plugin are installed.

Bytes are decoded as UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the
zero bytes give it away), Windows-1256 or ISO-8859-6; between the last two the decoding with
more Arabic letters and fewer stray symbols wins. The encoding used is kept in
``Document.encoding``. The text is kept exactly as decoded (CRLF, diacritics, tatweel,
zero-width and bidi marks included), so offsets index it exactly; the only change is that a
lone surrogate (possible in JSON ``\\ud800`` escapes) becomes U+FFFD, which keeps every offset.
Inputs that cannot be used are returned as :class:`~kg.model.Skipped` naming the file (and
line, for JSONL) and the reason, never silently dropped.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePath, PurePosixPath

from kg.contract import CORPUS, Stage
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
# One document longer than this is skipped: the per-document stages grow faster than linearly
# with document length (a 100,000-character document takes about 8 s, 500,000 about 10 min), and a
# file this long is a dump of many articles, which should come one per file or JSONL line.
MAX_DOC_CHARS = 200_000
_ARABIC = re.compile("[\u0600-\u06ff]")
# Arabic-script letters (Arabic, Persian, Urdu, presentation forms), not marks or digits.
_ARABIC_LETTER = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc]"
)
# What a wrong single-byte decoding produces: controls, U+FFFD, Latin-1 symbols and accented letters
# (ISO-8859-6 ي read as Windows-1256 is ê), and the Windows-1252 punctuation of mojibake.
_SUSPICIOUS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00ff\u0152-\u02dc\u2020-\u2030\u2122]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A protocol (two letters or more, so a Windows drive is not one) then :// or fsspec's :: chaining.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+(://|::)")
_SAMPLE = 1 << 18  # bytes looked at to choose an encoding
SINGLE_BYTE = (("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6"))
ENCODINGS_TRIED = "UTF-8, UTF-16, Windows-1256, ISO-8859-6"
# How a file's document id is made: its name without extension (the default, which the gold
# annotations use), or its path relative to the input folder without extension.
DOC_ID_MODES = ("name", "path")
# The start of the reason of a Skipped document whose id another input already has.
DUPLICATE_ID = "duplicate document id"


def run(corpus: Corpus, inputs: Iterable[str | Path] = (), doc_id: str = "name") -> Corpus:
    """Read every input into the corpus, appending to documents already there.

    A document whose id an earlier one has is skipped, naming both sources.

    Raises:
        InputError: for an unknown ``doc_id`` mode, a missing path or an unreadable URL.
    """
    documents = list(corpus.documents)
    skipped = list(corpus.skipped)
    seen = {doc.doc_id: doc.source_path for doc in documents}
    for item in read_inputs(inputs, doc_id=doc_id):
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.doc_id in seen:
            skipped.append(duplicate(item, seen[item.doc_id], doc_id=doc_id))
        else:
            seen[item.doc_id] = item.source_path
            documents.append(item)
    return corpus.replace(documents=tuple(documents), skipped=tuple(skipped))


def duplicate(doc: Document, first: str, *, doc_id: str) -> Skipped:
    """The Skipped record of ``doc``, whose id the document read from ``first`` already has."""
    hint = "; give each file a unique name, or build with --doc-id path (ids like a/x for a/x.txt)"
    if doc_id == "path" or _is_jsonl_line(doc.source_path):
        hint = "; ids must be unique"
    return Skipped(doc.source_path, f"{DUPLICATE_ID} '{doc.doc_id}', already read from {first}{hint}")


def _is_jsonl_line(source: str) -> bool:
    path, _, line = source.rpartition(":")
    return line.isdigit() and PurePosixPath(path).suffix.lower() in JSONL_SUFFIXES


def read_inputs(inputs: Iterable[str | Path], *, doc_id: str = "name") -> Iterator[Document | Skipped]:
    """Yield a Document or a Skipped record for every file under ``inputs``, in sorted order.

    An input written as a URL (``file://``, ``memory://``, ``s3://``, ``simplecache::s3://`` …) is
    read through fsspec; any other input is a local path.

    Args:
        inputs: files, folders or URLs.
        doc_id: ``"name"`` (a file's id is its name without extension) or ``"path"`` (its path
            relative to the input folder, without extension). JSONL records keep their ``id``.

    Raises:
        InputError: for an unknown ``doc_id`` mode, when an input path does not exist, or a URL
            cannot be opened.
    """
    if doc_id not in DOC_ID_MODES:
        raise InputError(Errors.E018.format(mode=doc_id, known=", ".join(DOC_ID_MODES)))
    for raw in inputs:
        if is_url(str(raw)):
            yield from read_url(str(raw), doc_id=doc_id)
            continue
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
            named = file.relative_to(path) if doc_id == "path" and path.is_dir() else Path(file.name)
            yield from read_file(file, named)


def is_url(text: str) -> bool:
    """True when ``text`` names a protocol (``s3://bucket/key``, ``memory://x``), not a local path."""
    return bool(_URL.match(text))


def read_file(path: Path, name: PurePath | None = None) -> Iterator[Document | Skipped]:
    """Read one file: JSONL gives one document per line, other files one document.

    ``name`` (default: the file's name) without its extension is the document id."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skipped(str(path), f"file is {size} bytes, larger than the {MAX_BYTES}-byte limit")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(str(path), f"cannot be read: {error.strerror or error}")
        return
    yield from read_data(data, name or PurePath(path.name), str(path))


def read_url(url: str, *, doc_id: str = "name") -> Iterator[Document | Skipped]:
    """Read a file or folder (recursively) named by an fsspec URL, like a local path.

    A document's ``source_path`` is the URL of its file; ``doc_id`` is as in :func:`read_inputs`.

    Raises:
        InputError: when fsspec or the protocol's plugin is missing, or the URL does not exist.
    """
    try:
        import fsspec
    except ImportError as error:
        raise InputError(Errors.E016.format(url=url)) from error
    try:
        fs, root = fsspec.core.url_to_fs(url)
        found = fs.exists(root)
        folder = found and fs.isdir(root)
        files = sorted(fs.find(root)) if folder else [root]
    except (ImportError, ValueError, OSError) as error:
        raise InputError(Errors.E017.format(url=url, error=error)) from error
    if not found:
        raise InputError(Errors.E001.format(path=url))
    for file in files:
        name = PurePosixPath(file)
        relative = posixpath.relpath(file, root) if folder else name.name
        source = f"{url.rstrip('/')}/{relative}" if folder else url
        if name.name.startswith("."):
            continue
        if name.suffix.lower() not in SUPPORTED:
            if not folder:
                yield Skipped(source, f"unsupported file type '{name.suffix}'")
            continue
        try:
            size = fs.size(file)
            if size is not None and size > MAX_BYTES:
                yield Skipped(source, f"file is {size} bytes, larger than the {MAX_BYTES}-byte limit")
                continue
            data = fs.cat_file(file)
        except OSError as error:
            yield Skipped(source, f"cannot be read: {error.strerror or error}")
            continue
        yield from read_data(data, PurePosixPath(relative if doc_id == "path" else name.name), source)


def read_data(data: bytes, name: PurePath, source: str) -> Iterator[Document | Skipped]:
    """The documents of one file's bytes.

    Args:
        data: the file's bytes.
        name: the file's name, or its path relative to the input folder; its suffix gives the
            type, and it without the suffix is the document id (``a/x`` for ``a/x.txt``).
        source: the path or URL that ``source_path`` and skip messages name.
    """
    suffix = name.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, source)
        return
    decoded = decode(data)
    if decoded is None:
        yield Skipped(source, f"binary or undecodable content (tried {ENCODINGS_TRIED})")
        return
    text, encoding = decoded
    title = ""
    if suffix in HTML_SUFFIXES:
        title, text = html_to_text(text)
    problem = unusable_reason(text)
    if problem:
        yield Skipped(source, f"{problem} (read as {encoding})")
        return
    yield Document(
        doc_id=name.with_suffix("").as_posix(), text=text, source_path=source, title=title, encoding=encoding
    )


def read_jsonl(data: bytes, source: str) -> Iterator[Document | Skipped]:
    """One Document per usable line of a JSONL file; ``Skipped`` naming ``file:line`` for the others.

    Lines are split on ``\n`` only: U+2028 and other separators are legal inside JSON strings.
    """
    decoded = decode(data)
    if decoded is None:
        yield Skipped(source, f"binary or undecodable JSONL file (tried {ENCODINGS_TRIED})")
        return
    text, encoding = decoded
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            detail = (
                f"{error.msg} at column {error.colno}" if isinstance(error, json.JSONDecodeError) else error
            )
            yield Skipped(where, f"malformed JSON ({detail})")
            continue
        yield document_from_record(record, where, encoding=encoding)


def document_from_record(record: object, where: str, *, encoding: str = "utf-8") -> Document | Skipped:
    """One JSONL record as a Document, or Skipped with the reason.

    Args:
        record: the parsed JSON value of one line.
        where: ``file:line``, used as the document's source.
        encoding: the encoding the file was read with.

    Returns:
        The document, or a Skipped record naming ``where`` and the reason.
    """
    if not isinstance(record, dict):
        return Skipped(where, f"line is a JSON {_json_type(record)}, not an object")
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if "text" not in record else f"a JSON {_json_type(text)}, not a string"
        return Skipped(where, f"field 'text' is {found}")
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        return Skipped(where, "field 'id' is missing, empty or not a string/number")
    problem = unusable_reason(text)
    if problem:
        return Skipped(where, problem)
    return Document(
        doc_id=replace_surrogates(str(doc_id)),
        text=replace_surrogates(text),
        source_path=where,
        title=_string(record.get("title")),
        date=_string(record.get("date")),
        publisher=_string(record.get("source")),
        url=_string(record.get("url")),
        encoding=encoding,
    )


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return names.get(type(value), "null")


def _string(value: object) -> str:
    return replace_surrogates(value) if isinstance(value, str) else ""


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (one for one, so offsets keep)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as UTF-8, UTF-16, Windows-1256 or ISO-8859-6, whichever fits.

    A BOM decides first; UTF-16 without a BOM is recognised by its zero bytes; then strict UTF-8;
    then the single-byte Arabic code pages (and UTF-8 with invalid bytes replaced), scored by
    :func:`arabic_score` on the first 256 KB.

    Returns:
        ``(text, encoding)``, or ``None`` for binary content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _unless_binary(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _unless_binary(data.decode("utf-16", errors="replace"), "utf-16")
    if b"\x00" in data[:_SAMPLE]:
        return _utf16_without_bom(data)
    try:
        return _unless_binary(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _best_single_byte(data)


def _best_single_byte(data: bytes) -> tuple[str, str] | None:
    sample = data[:_SAMPLE]
    candidates: list[tuple[int, str, str]] = []
    for codec, name in (*SINGLE_BYTE, ("utf-8", "utf-8 (invalid bytes replaced)")):
        errors = "replace" if codec == "utf-8" else "strict"
        try:
            candidates.append((arabic_score(sample.decode(codec, errors=errors)), codec, name))
        except UnicodeDecodeError:
            continue
    for _, codec, name in sorted(candidates, key=lambda c: -c[0]):
        try:
            text = data.decode(codec, errors="replace" if codec == "utf-8" else "strict")
        except UnicodeDecodeError:
            continue  # the sample decoded but a later byte does not
        return _unless_binary(text, name)
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 LE or BE without BOM, when one of them reads as text; otherwise binary."""
    best: tuple[int, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[: _SAMPLE & ~1].decode(codec)
        except UnicodeDecodeError:
            continue
        if looks_like_text(sample) and (best is None or arabic_score(sample) > best[0]):
            best = (arabic_score(sample), codec)
    if best is None or len(data) % 2:
        return None
    try:
        return _unless_binary(data.decode(best[1]), best[1])
    except UnicodeDecodeError:
        return None


def arabic_score(text: str) -> int:
    """Arabic-script letters minus three per character a wrong decoding typically produces."""
    return len(_ARABIC_LETTER.findall(text)) - 3 * len(_SUSPICIOUS.findall(text))


def looks_like_text(text: str) -> bool:
    """True when ``text`` has no NUL and at most 1% other control characters."""
    return bool(text) and "\x00" not in text and len(_CONTROL.findall(text)) <= len(text) // 100


def _unless_binary(text: str, encoding: str) -> tuple[str, str] | None:
    sample = text[:_SAMPLE]
    if sample and not looks_like_text(sample):
        return None
    return text, encoding


def unusable_reason(text: str) -> str:
    """Why ``text`` cannot be used as an article, or ``""`` when it can."""
    if not text.strip():
        return "empty text"
    if "\x00" in text:
        return "text contains NUL characters (binary file?)"
    if len(text) > MAX_DOC_CHARS:
        return (
            f"document has {len(text):,} characters, more than the {MAX_DOC_CHARS:,}-character limit "
            "per document; split it into articles (one per file or per JSONL line)"
        )
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


@dataclass(frozen=True)
class Options:
    """How ``ingest`` reads: a file's document id, ``"name"`` or ``"path"`` (see :data:`DOC_ID_MODES`).
    The inputs themselves are given to the run, not to the stage."""

    doc_id: str = "name"


STAGE = Stage(NAME, REQUIRES, PROVIDES, CORPUS, run, Options)
