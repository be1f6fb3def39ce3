"""Bad input never breaks a build or loses work: the nasty-input corpus, exit codes, interrupted builds.

``tests/data/bad/`` (written by its ``make_bad.py``) goes through ``kg build`` on the command line.
Every bad file or JSONL line must be listed in report.md with its reason, every good one built
with the right encoding and offsets that index the original text exactly.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg import ids
from kg.build import build
from kg.cli import cli
from kg.errors import ExportError
from kg.export import neo4j
from kg.rdf.store import load_graph, new_graph
from tests.conftest import ARTICLES, DATA

BAD = DATA / "bad"
# document id -> (file, Python codec that reads it independently of kg, encoding kg must report)
BUILT_FILES = {
    "cp1256": ("cp1256.txt", "cp1256", "windows-1256"),
    "iso8859_6": ("iso8859_6.txt", "iso8859_6", "iso-8859-6"),
    "utf16_bom": ("utf16_bom.txt", "utf-16", "utf-16"),
    "utf16be_nobom": ("utf16be_nobom.txt", "utf-16-be", "utf-16-be"),
    "utf8_bom": ("utf8_bom.txt", "utf-8-sig", "utf-8-sig"),
    "utf8_bad_byte": ("utf8_bad_byte.txt", "utf-8", "utf-8 (invalid bytes replaced)"),
    "persian": ("persian.txt", "utf-8", "utf-8"),
    "urdu": ("urdu.txt", "utf-8", "utf-8"),
    "diacritics_tatweel": ("diacritics_tatweel.txt", "utf-8", "utf-8"),
    "bidi_zero_width": ("bidi_zero_width.txt", "utf-8", "utf-8"),
    "crlf": ("crlf.txt", "utf-8", "utf-8"),
    "control_chars": ("control_chars.txt", "utf-8", "utf-8"),
}
BUILT_LINES = {"jl_good": 1, "jl_sep": 9, "jl_surrogate": 10}  # document id -> line of broken.jsonl
SKIPS = {
    "binary.txt": "binary or undecodable content",
    "empty.txt": "empty text",
    "whitespace.txt": "empty text",
    "english.txt": "no Arabic text",
    "broken.jsonl:2": "malformed JSON (Unterminated string",
    "broken.jsonl:3": "line is a JSON array, not an object",
    "broken.jsonl:4": "field 'text' is missing",
    "broken.jsonl:5": "field 'text' is a JSON number",
    "broken.jsonl:6": "field 'id' is missing",
    "broken.jsonl:7": "field 'id' is missing, empty or not a string/number",
    "broken.jsonl:11": "duplicate document id 'jl_good'",
    "broken.jsonl:12": "no Arabic text",
    "broken.jsonl:13": "field 'text' is a JSON null",
    "broken.jsonl:14": "malformed JSON (maximum recursion depth",
}
PREFIXES = """PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
SPANS = (
    PREFIXES
    + """SELECT ?doc ?text ?begin ?end WHERE {
  { ?x a kg:Mention ; kg:inDocument ?d ; kg:surface ?text ; kg:begin ?begin ; kg:end ?end }
  UNION { ?x a kg:Statement ; kg:statedIn ?d ; kg:content ?text ; kg:begin ?begin ; kg:end ?end }
  ?d dcterms:identifier ?doc }"""
)
RAPPER = shutil.which("rapper")


def kg_build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module", params=["lexicon", "crf"])
def bad_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bad-input corpus built with the fast lexicon NER and with the default backend."""
    out = tmp_path_factory.mktemp(f"bad-{request.param}")
    code, output = kg_build(str(BAD), "-o", str(out), "--ner", request.param, "-q")
    assert code == 0, output
    return out


def skipped_in_report(out: Path) -> dict[str, str]:
    report = (out / "report.md").read_text("utf-8")
    section = report.split("## Documents skipped", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^- `([^`]+)`: (.*)$", section, flags=re.M)
    return {source.removeprefix(f"{BAD}/"): reason for source, reason in found}


def original_text(doc_id: str) -> str:
    """The text of a good document, read with Python's codecs, not with kg."""
    if doc_id in BUILT_LINES:
        line = (BAD / "broken.jsonl").read_text("utf-8").split("\n")[BUILT_LINES[doc_id] - 1]
        return re.sub("[\ud800-\udfff]", "\ufffd", json.loads(line)["text"])
    name, codec, _ = BUILT_FILES[doc_id]
    return (BAD / name).read_bytes().decode(codec, errors="replace")


def test_robustness_every_bad_input_is_listed_with_its_reason(bad_build: Path) -> None:
    skipped = skipped_in_report(bad_build)
    assert set(skipped) == set(SKIPS)
    for source, reason in SKIPS.items():
        assert skipped[source].startswith(reason), (source, skipped[source])


def test_robustness_good_inputs_are_built_with_their_encoding(bad_build: Path) -> None:
    graph = Graph().parse(bad_build / "graph.ttl")
    rows = graph.query(
        PREFIXES + "SELECT ?id ?enc WHERE { ?d a kg:Document ; dcterms:identifier ?id ; kg:encoding ?enc }"
    )
    encodings = {str(row[0]): str(row[1]) for row in rows}
    expected = {doc_id: enc for doc_id, (_, _, enc) in BUILT_FILES.items()}
    expected |= {doc_id: "utf-8" for doc_id in BUILT_LINES} | {"page_script": "utf-8"}
    assert encodings == expected


def test_robustness_offsets_index_the_original_text_exactly(bad_build: Path) -> None:
    graph = Graph().parse(bad_build / "graph.ttl")
    checked: dict[str, int] = {}
    for doc, text, begin, end in graph.query(SPANS):
        if str(doc) == "page_script":
            continue  # HTML: the text is the page reduced to paragraphs, checked below
        original = original_text(str(doc))
        assert str(text) == ids.clean_text(original[int(begin) : int(end)]), (doc, begin, end)
        checked[str(doc)] = checked.get(str(doc), 0) + 1
    # Every good document but the Persian and Urdu ones (an Arabic NER may find nothing there) yields
    # spans, so CRLF, tatweel, diacritics, bidi and zero-width marks are all covered.
    assert (set(BUILT_FILES) | set(BUILT_LINES)) - {"persian", "urdu"} <= set(checked)


def test_robustness_html_page_loses_scripts_and_keeps_article(bad_build: Path) -> None:
    graph = Graph().parse(bad_build / "graph.ttl")
    texts = [str(row[0]) for row in graph.query(SPANS.replace("?doc ?text ?begin ?end", "?text"))]
    rows = list(graph.query(SPANS + ' VALUES ?doc { "page_script" }'))
    assert rows, "the HTML article yields statements and mentions"
    assert not any("alert" in t or "cookie" in t or "المخترق" in t for t in texts)
    contents = " ".join(str(row[1]) for row in rows)
    assert "الجولة <الأخيرة> حاسمة" in contents  # entities decoded, markup-like text kept as text


@pytest.mark.skipif(RAPPER is None, reason="rapper not installed (Debian raptor2-utils; .ci/run installs it)")
def test_robustness_bad_corpus_graph_passes_rapper(bad_build: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", str(bad_build), "--to", "ntriples", "-o", str(tmp_path / "g.nt")]
    )
    assert result.exit_code == 0, result.output
    expected = len(Graph().parse(bad_build / "graph.ttl"))
    for path, syntax in ((bad_build / "graph.ttl", "turtle"), (tmp_path / "g.nt", "ntriples")):
        done = subprocess.run(
            [RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert f"returned {expected} triples" in done.stderr


# --- exit codes ------------------------------------------------------------------------------------


def test_robustness_strict_exits_2_lists_skips_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = kg_build(str(BAD), "-o", str(out), "--ner", "lexicon", "-q", "--strict")
    assert code == 2
    assert f"{len(SKIPS)} inputs were skipped" in output
    assert "binary.txt: binary or undecodable content" in output and "broken.jsonl:14" in output
    assert not (out / "graph.ttl").exists()


def test_robustness_strict_build_of_good_input_exits_0(tmp_path: Path) -> None:
    code, output = kg_build(str(ARTICLES), "-o", str(tmp_path), "--ner", "lexicon", "-q", "--strict")
    assert code == 0, output
    assert (tmp_path / "graph.ttl").is_file()


def test_robustness_warnings_still_exit_0(tmp_path: Path) -> None:
    code, output = kg_build(str(ARTICLES), str(BAD / "empty.txt"), "-o", str(tmp_path), "--ner", "lexicon")
    assert code == 0, output
    assert "1 inputs skipped" in output and "empty.txt: empty text" in output


def test_robustness_nothing_usable_exits_1(tmp_path: Path) -> None:
    inputs = [str(BAD / name) for name in ("empty.txt", "binary.txt", "english.txt")]
    code, output = kg_build(*inputs, "-o", str(tmp_path / "out"), "-q")
    assert code == 1
    assert "No usable documents" in output and "3 inputs were skipped" in output
    for name, reason in (("empty.txt", "empty text"), ("binary.txt", "binary"), ("english.txt", "no Arabic")):
        assert f"{BAD / name}: {reason}" in output, name
    assert "Traceback" not in output


# --- big files -------------------------------------------------------------------------------------


def test_robustness_50_mb_files_are_skipped_quickly_with_a_clear_reason(tmp_path: Path) -> None:
    sentence = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد غدا في العاصمة لبحث الأوضاع الاقتصادية.\n"
    block = sentence * (50 * 1024 * 1024 // len(sentence.encode("utf-8")))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.txt").write_text(block, encoding="utf-8")
    (tmp_path / "in" / "dump.jsonl").write_text(json.dumps({"id": "huge", "text": block}) + "\n", "utf-8")
    shutil.copy(ARTICLES / "wire_egypt.txt", tmp_path / "in")
    assert (tmp_path / "in" / "dump.txt").stat().st_size > 50_000_000
    started = time.perf_counter()
    result = build([tmp_path / "in"], tmp_path / "out", ner_backend="lexicon")
    elapsed = time.perf_counter() - started
    assert [doc.doc_id for doc in result.corpus.documents] == ["wire_egypt"]
    reasons = {Path(s.source).name: s.reason for s in result.corpus.skipped}
    assert set(reasons) == {"dump.txt", "dump.jsonl:1"}
    assert all("200,000-character limit per document" in reason for reason in reasons.values())
    assert elapsed < 60, f"{elapsed:.1f} s"


# --- output integrity ------------------------------------------------------------------------------


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "failing", ["kg.export.rdf.export_turtle", "kg.export.html.export", "kg.export.neo4j.csv_lines"]
)
def test_robustness_interrupted_build_leaves_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    out = tmp_path / "out"
    build([ARTICLES], out, ner_backend="lexicon")
    before = _snapshot(out)

    def crash(*args: object, **kwargs: object) -> None:
        for arg in args:  # leave a half-written file behind, as a killed process would
            if isinstance(arg, Path):
                arg.parent.mkdir(parents=True, exist_ok=True)
                arg.write_text("@prefix broken", encoding="utf-8")
        raise RuntimeError("disk full")

    module, name = failing.rsplit(".", 1)
    monkeypatch.setattr(f"{module}.{name}", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        build([BAD], out, ner_backend="lexicon")
    assert _snapshot(out) == before
    assert len(Graph().parse(out / "graph.ttl")) > 0
    assert sorted(p.name for p in out.iterdir()) == [
        "charts",
        "claims-index.sqlite",
        "graph.html",
        "graph.ttl",
        "neo4j",
        "report.md",
        "state.pickle",
        "store",
    ]


def _killed(*args: object) -> str:
    raise RuntimeError("killed")


def test_robustness_neo4j_folder_is_replaced_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build([ARTICLES], out, ner_backend="lexicon", outputs=("turtle", "neo4j"))
    before = _snapshot(out / "neo4j")
    (out / "neo4j" / "rels_OLD.csv").write_text("stale", encoding="utf-8")  # from an older export
    monkeypatch.setattr("kg.export.neo4j.cypher_lines", _killed)
    with pytest.raises(RuntimeError):
        neo4j.export(load_graph(out), out / "neo4j")
    assert _snapshot(out / "neo4j") == before | {"rels_OLD.csv": b"stale"}
    monkeypatch.undo()
    neo4j.export(load_graph(out), out / "neo4j")
    assert "rels_OLD.csv" not in {p.name for p in (out / "neo4j").iterdir()}  # replaced whole
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary folders left


def test_robustness_neo4j_export_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match=r"notes\.txt"):
        neo4j.export(new_graph(), tmp_path)
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
