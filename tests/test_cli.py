"""The kg command line: every command works, errors are clear, and every command is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import ARTICLES

    folder = tmp_path_factory.mktemp("cli")
    result = CliRunner().invoke(
        cli, ["build", str(ARTICLES), "-o", str(folder), "--ner", "lexicon", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    return folder


def records(output: str) -> list[dict[str, str]]:
    """The rows of SPARQL 1.1 Results JSON as {variable: value} (unbound variables left out)."""
    answer = json.loads(output)
    assert answer["head"]["vars"] is not None
    return [{k: term["value"] for k, term in row.items()} for row in answer["results"]["bindings"]]


def test_cli_build_writes_every_output(out: Path) -> None:
    for name in ("graph.ttl", "graph.html", "report.md", "neo4j"):
        assert (out / name).exists(), name
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| documents | 2 |" in report


def test_cli_build_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code != 0
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_cli_build_with_no_usable_document_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code != 0
    assert "No usable documents" in result.output


def test_cli_query_named_who_said_what_prints_a_table(out: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(out), "--name", "who-said-what"])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    assert header.split() == ["speaker", "|", "cue", "|", "content", "|", "document"]
    assert re.search(r"\((\d+) rows\)", result.output)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_cli_query_formats(out: Path, fmt: str) -> None:
    sparql = (
        "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"
    )
    result = CliRunner().invoke(cli, ["query", str(out), sparql, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert records(result.output) == [{"n": "2"}]
    else:
        assert result.output.splitlines() == ["n", "2"]


def test_cli_query_refuses_updates(out: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(out), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code != 0
    assert "read-only" in result.output


def test_cli_query_list_names_every_shipped_query() -> None:
    result = CliRunner().invoke(cli, ["query", "--list"])
    names = {line.split()[0] for line in result.output.splitlines()}
    assert {"who-said-what", "statements-about", "claims-by-sources", "interactions", "co-mentioned"} <= names


def test_cli_query_every_shipped_query_runs(out: Path) -> None:
    from kg.query import named_queries

    for name in named_queries():
        result = CliRunner().invoke(cli, ["query", str(out), "--name", name, "--format", "json"])
        assert result.exit_code == 0, (name, result.output)
        if name in ("who-said-what", "co-mentioned", "claims-by-sources", "top-speakers"):
            assert records(result.output), f"{name} returned no rows"


def test_cli_query_binds_variables(out: Path) -> None:
    result = CliRunner().invoke(
        cli, ["query", str(out), "--name", "statements-about", "--bind", "name=لبنان", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert all(row["about"] == "لبنان" for row in records(result.output))


ONE_LINE = (
    "PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#> SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d"
)


def test_cli_query_reads_stdin_and_pages_a_one_line_query(out: Path) -> None:
    result = CliRunner().invoke(
        cli, ["query", str(out), "-f", "-", "--format", "csv", "--limit", "1"], input=ONE_LINE
    )
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2  # the header and one row of the two documents
    assert "--offset 1" in result.stderr


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("docs.csv", "d"),
        ("docs.tsv", "d"),
        ("docs.json", '{"head"'),
        ("docs.srj", '{"head"'),
        ("docs.txt", "d"),
    ],
)
def test_cli_query_output_format_follows_the_extension(
    out: Path, tmp_path: Path, name: str, first_line: str
) -> None:
    result = CliRunner().invoke(cli, ["query", str(out), ONE_LINE, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / name).read_text(encoding="utf-8")
    assert written.startswith(first_line)
    assert written.count("https://w3id.org/arabic-news-kg/resource/") == 2


def test_cli_query_format_option_wins_and_dash_is_stdout(out: Path, tmp_path: Path) -> None:
    to_file = CliRunner().invoke(
        cli, ["query", str(out), ONE_LINE, "-o", str(tmp_path / "d.csv"), "--format", "json"]
    )
    assert to_file.exit_code == 0, to_file.output
    assert len(records((tmp_path / "d.csv").read_text(encoding="utf-8"))) == 2
    to_stdout = CliRunner().invoke(cli, ["query", str(out), ONE_LINE, "-o", "-", "--format", "tsv"])
    assert to_stdout.stdout.splitlines()[0] == "d" and len(to_stdout.stdout.splitlines()) == 3


def test_cli_query_unknown_extension_or_binding_is_a_clear_error(out: Path, tmp_path: Path) -> None:
    unknown = CliRunner().invoke(cli, ["query", str(out), ONE_LINE, "-o", str(tmp_path / "d.xlsx")])
    assert unknown.exit_code == 1
    assert "--format" in unknown.output and "Traceback" not in unknown.output
    bind = CliRunner().invoke(cli, ["query", str(out), ONE_LINE, "--bind", "nmae=لافروف"])
    assert bind.exit_code == 1
    assert "?nmae" in bind.output and "?d" in bind.output


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("ntriples", "g.nt"),
        ("jsonld", "g.jsonld"),
        ("graphml", "g.graphml"),
        ("neo4j", "neo4j"),
        ("turtle", "g.ttl"),
        ("html", "g.html"),
    ],
)
def test_cli_export_every_format(out: Path, tmp_path: Path, fmt: str, name: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(out), "--to", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).exists()


def test_cli_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"kg {name}" in readme, f"`kg {name}` is not in the README"
        for sub in getattr(command, "commands", {}):
            assert f"kg {name} {sub}" in readme, f"`kg {name} {sub}` is not in the README"


def test_cli_python_module_entry_point_runs() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "build" in done.stdout


CONLL = """وقال\tO
وزير\tO
الخارجية\tO
المصري\tO
سامح\tB-PERS
شكري\tI-PERS
في\tO
القاهرة\tB-LOC
.\tO

وأعلنت\tO
الأمم\tB-ORG
المتحدة\tI-ORG
ذلك\tO
"""


def test_cli_eval_ner_prints_json_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert set(scores["per_type"]) == {"PERS", "ORG", "LOC", "MISC"}
    assert 0 <= scores["micro"]["f1"] <= 1 and scores["tokens_per_second"] > 0


def test_cli_eval_ner_table_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ner", str(path)])
    assert result.exit_code == 0 and "micro" in result.output
    missing = CliRunner().invoke(cli, ["eval", "ner", str(tmp_path / "nope.conll")])
    assert missing.exit_code != 0 and "does not exist" in missing.output


def test_cli_eval_graph_runs_the_shared_scorer(out: Path) -> None:
    from tests.conftest import SHARED

    scorer, gold = SHARED / "eval" / "score.py", SHARED / "gold" / "seeds.json"
    if not scorer.is_file():
        pytest.skip("../shared/eval/score.py is absent")
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kg", "eval", "graph", str(out), "--gold", str(gold), "--scorer", str(scorer)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "entities_typed_f1=" in done.stdout


def test_cli_serve_and_train_document_their_options() -> None:
    serve = CliRunner().invoke(cli, ["serve", "--help"])
    assert "--host" in serve.output and "127.0.0.1" in serve.output and "--timeout" in serve.output
    train = CliRunner().invoke(cli, ["train", "ner", "--help"])
    assert "--data-dir" in train.output


def test_cli_build_ner_backend_problems_are_one_clear_error(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES

    bogus = CliRunner().invoke(cli, ["build", str(ARTICLES), "-o", str(tmp_path / "a"), "--ner", "bogus"])
    assert bogus.exit_code == 2 and "'bogus' is not one of" in bogus.output
    camel = CliRunner().invoke(cli, ["build", str(ARTICLES), "-o", str(tmp_path / "b"), "--ner", "camel"])
    assert camel.exit_code == 1
    assert "camel_data -i ner" in camel.output and "Traceback" not in camel.output


def test_cli_query_pages_with_limit_and_offset(out: Path) -> None:
    def rows(*extra: str) -> list[dict[str, str]]:
        result = CliRunner().invoke(
            cli, ["query", str(out), "--name", "who-said-what", "--format", "json", *extra]
        )
        assert result.exit_code == 0, result.output
        return records(result.stdout)

    everything = rows("--limit", "0")
    assert len(everything) >= 2
    assert rows("--limit", "1") == everything[:1]
    assert rows("--limit", "1", "--offset", "1") == everything[1:2]
    hint = CliRunner().invoke(cli, ["query", str(out), "--name", "who-said-what", "--limit", "1"])
    assert "--offset 1" in hint.stderr


def test_cli_build_progress_names_every_phase_and_each_output_size(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES

    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "-o", str(tmp_path), "--ner", "lexicon"])
    assert result.exit_code == 0, result.output
    for label in (
        "ingest",
        "segment: 2 documents",
        "store: 2 documents",
        "export turtle: graph.ttl",
        "report:",
    ):
        assert label in result.stderr, label
    assert "100%" in result.stderr
    for name in ("store/", "graph.ttl", "graph.html", "neo4j/", "report.md"):
        assert re.search(rf"^{re.escape(name)} +\d+(\.\d)? (B|kB|MB|GB)$", result.stderr, flags=re.M), name


def test_cli_build_quiet_prints_nothing(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES

    result = CliRunner().invoke(
        cli, ["build", str(ARTICLES), "-o", str(tmp_path), "--ner", "lexicon", "--outputs", "none", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and result.stdout == ""


def test_cli_build_same_file_names_warn_with_both_paths_and_doc_id_path_keeps_both(tmp_path: Path) -> None:
    from tests.conftest import ARTICLES

    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_bytes((ARTICLES / "wire_egypt.txt").read_bytes())
    args = ["build", str(tmp_path / "in"), "--ner", "lexicon", "--outputs", "none"]
    warned = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "o1")])
    assert warned.exit_code == 0, warned.output
    assert f"{tmp_path / 'in' / 'b' / 'x.txt'}: duplicate document id 'x'" in warned.stderr
    assert str(tmp_path / "in" / "a" / "x.txt") in warned.stderr and "--doc-id path" in warned.stderr
    both = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "o2"), "--doc-id", "path"])
    assert both.exit_code == 0, both.output
    assert "2 documents (0 skipped)" in both.stderr


def test_cli_build_with_nothing_usable_prints_the_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty text" in result.stderr


@pytest.mark.parametrize(
    ("command", "option"),
    [(["eval", "graph", "out", "--gold", "README.md"], "--scorer"), (["train", "ner"], "--data-dir")],
)
def test_cli_eval_and_train_take_explicit_paths_not_defaults_into_shared(
    command: list[str], option: str
) -> None:
    readme = README.parent / "README.md"
    args = [str(readme) if part == "README.md" else part for part in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert option in result.output and "Missing option" in result.output
