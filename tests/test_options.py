"""kg.options: one frozen BuildOptions from the CLI and the Python API, checked before anything runs."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import build as build_command
from kg.cli import cli
from kg.errors import KGError, NERError, PipelineError
from kg.options import BuildOptions, all_cores, output_names
from kg.pipeline import run

# kg build's flags that set a BuildOptions field, and the field.
CLI_FIELDS = {
    "ner_backend": "ner_backend",
    "base_iri": "base_iri",
    "jobs": "jobs",
    "dask_address": "dask",
    "append": "append",
    "outputs": "outputs",
    "doc_id": "doc_id",
    "strict": "strict",
}


def test_options_cli_and_api_defaults_agree() -> None:
    api = BuildOptions()
    params = {p.name: p for p in build_command.params if isinstance(p, click.Option)}
    assert set(CLI_FIELDS) <= set(params)
    for flag, name in CLI_FIELDS.items():
        default = params[flag].default
        if name == "jobs":  # "all cores", counted when the options are made
            assert default is None and params[flag].show_default == "all cores"
            assert api.jobs == all_cores()
        elif name == "outputs":
            assert output_names(default) == api.outputs
        elif name in ("append", "strict"):
            assert params[flag].is_flag and not getattr(api, name)
        else:
            assert default == getattr(api, name), flag


def test_options_build_takes_its_defaults_from_the_options() -> None:
    """kg.build.build repeats no default: every setting comes from BuildOptions."""
    parameters = inspect.signature(build).parameters
    assert parameters["options"].default is None
    assert not set(parameters) & {f.name for f in dataclasses.fields(BuildOptions)}


def test_options_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        BuildOptions().jobs = 3  # type: ignore[misc]  # the assignment is what is tested


@pytest.mark.parametrize(
    ("settings", "code", "named"),
    [
        ({"ner_backend": "crff"}, "E011", ["crf", "camel", "lexicon"]),
        ({"outputs": ("turtle", "png")}, "E010", ["turtle", "neo4j"]),
        ({"stages": ("ingest", "parse")}, "E006", ["ingest", "claims"]),
        ({"doc_id": "stem"}, "E018", ["name", "path"]),
        ({"jobs": 0}, "E028", []),
    ],
)
def test_options_bad_value_is_coded_and_names_the_choices(
    settings: dict[str, object], code: str, named: list[str]
) -> None:
    with pytest.raises(KGError) as caught:
        BuildOptions(**settings)  # type: ignore[arg-type]  # wrong values on purpose
    message = str(caught.value)
    assert message.startswith(f"[{code}] ")
    assert all(name in message for name in named)


def test_options_misspelt_build_option_fails_before_writing(tmp_path: Path, articles_dir: Path) -> None:
    out = tmp_path / "out"
    started = time.perf_counter()
    with pytest.raises(PipelineError, match=r"^\[E029\] Unknown build option 'ner_bakend'.*ner_backend"):
        build([articles_dir], out, ner_bakend="lexicon")
    with pytest.raises(NERError, match=r"^\[E011\] Unknown NER backend 'crff'.*lexicon"):
        build([articles_dir], out, ner_backend="crff")
    assert time.perf_counter() - started < 1
    assert not out.exists()


def test_options_misspelt_stage_option_fails_before_anything_runs(articles_dir: Path) -> None:
    """Before, every document failed the ner stage with a TypeError and was marked skipped."""
    calls: list[str] = []
    started = time.perf_counter()
    with pytest.raises(PipelineError) as caught:
        run(
            [articles_dir],
            options={"ner": {"backnd": "lexicon"}, "resolv": {}},
            progress=lambda label, index, total: calls.append(label),
        )
    assert time.perf_counter() - started < 1
    assert calls == []
    message = str(caught.value)
    assert "[E027] Unknown option 'backnd' of stage 'ner'. Its options: backend." in message
    assert "[E006] Unknown stage 'resolv'." in message and "resolve" in message


def test_options_unknown_backend_in_stage_options_fails_before_anything_runs(articles_dir: Path) -> None:
    expected = r"\[E011\] Unknown NER backend 'crff'. Choose one of: crf, camel, lexicon"
    with pytest.raises(PipelineError, match=expected):
        run([articles_dir], options={"ner": {"backend": "crff"}})


def test_options_cli_unknown_backend_names_the_choices(tmp_path: Path, articles_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(articles_dir), "-o", str(tmp_path), "--ner", "crff"])
    assert result.exit_code == 2
    assert "'crf', 'camel', 'lexicon'" in result.output


def test_options_cli_unknown_output_is_coded(tmp_path: Path, articles_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(articles_dir), "-o", str(tmp_path), "--outputs", "ttl"])
    assert result.exit_code == 2
    assert "[E010] Unknown export format 'ttl'" in result.output and "none" in result.output


def test_options_api_build_and_export_stay_callable(tmp_path: Path, articles_dir: Path) -> None:
    """``kg.build`` and ``kg.export`` are modules once imported, and build and export when called."""
    probe = f"""
import kg
first = kg.build([{str(articles_dir)!r}], {str(tmp_path / "a")!r}, ner_backend="lexicon", outputs=())
options = kg.BuildOptions(ner_backend="lexicon", outputs=())
again = kg.build([{str(articles_dir)!r}], {str(tmp_path / "b")!r}, options)
kg.export(kg.to_graph(again.corpus), "ntriples", {str(tmp_path / "g.nt")!r})
print(first.triples == again.triples, callable(kg.build.write_outputs))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["True", "True"]
    assert (tmp_path / "g.nt").stat().st_size > 0
