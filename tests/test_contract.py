"""kg.contract: every stage declares name, requires, provides, scope and typed options, checked
when a pipeline is made; corpus stages may update a previous build (an append)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from kg import registry
from kg.contract import CORPUS, DOCUMENT, Kept, NoOptions, Stage
from kg.errors import PipelineError
from kg.model import Corpus
from kg.pipeline import ALREADY_IN_GRAPH, STAGES, Pipeline, load_stage
from kg.stages import claims
from kg.state import State


def _identity(corpus: Corpus) -> Corpus:
    return corpus


def test_contract_every_registered_stage_declares_itself() -> None:
    for name in STAGES:
        stage = load_stage(name)
        assert stage.name == name
        assert stage.scope in (DOCUMENT, CORPUS)
        assert dataclasses.is_dataclass(stage.options)
    assert [n for n in STAGES if load_stage(n).update is not None] == ["resolve", "claims"]
    assert [n for n in STAGES if load_stage(n).per_document] == ["ner", "attribute", "interactions"]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"requires": ("sentense",)}, "unknown corpus fields sentense"),
        ({"scope": "sentence"}, "scope 'sentence' is none of document, corpus"),
        ({"options": dict}, "its options are no dataclass"),
        ({"scope": DOCUMENT, "update": _identity}, "only a corpus stage can update"),
    ],
)
def test_contract_a_wrong_declaration_fails_when_made(fields: dict[str, object], problem: str) -> None:
    declared: dict[str, object] = {
        "name": "shout",
        "requires": ("documents",),
        "provides": (),
        "scope": CORPUS,
        "run": _identity,
        **fields,
    }
    with pytest.raises(PipelineError) as caught:
        Stage(**declared)  # type: ignore[arg-type]
    assert str(caught.value).startswith("[E070] Stage 'shout'") and problem in str(caught.value)


def test_contract_options_are_typed_objects_checked_when_the_pipeline_is_made() -> None:
    pipeline = Pipeline(options={"ner": {"backend": "lexicon"}, "ingest": {"doc_id": "path"}})
    assert pipeline.options["ner"].backend == "lexicon"
    assert pipeline.options["ingest"].doc_id == "path"
    assert pipeline.options["claims"] == NoOptions()
    with pytest.raises(PipelineError) as caught:
        Pipeline(options={"ner": {"backnd": "crf"}, "claims": {"similar": {}}})
    message = str(caught.value)
    assert "[E027] Unknown option 'backnd' of stage 'ner'. Its options: backend." in message
    assert "[E027] Unknown option 'similar' of stage 'claims'. Its options: none." in message


def test_contract_requirements_are_checked_against_the_corpus_a_run_starts_from() -> None:
    pipeline = Pipeline(("claims",), provided=("statements",))
    with pytest.raises(PipelineError, match=r"\[E003\] Stage 'claims' needs statements"):
        pipeline.run((), corpus=Corpus())


def _stage_imports(path: Path) -> set[str]:
    """The kg.stages modules that ``path`` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.startswith("kg.stages."))
    return found


def test_contract_no_stage_imports_another() -> None:
    modules = {plugin.module: plugin.name for plugin in registry.plugins(registry.STAGE)}
    root = Path(registry.__file__).parent.parent
    for module, name in modules.items():
        path = root / (module.replace(".", "/") + ".py")
        others = {m for m in _stage_imports(path) if m in modules and m != module}
        assert not others, f"stage {name} imports {sorted(others)}"


def test_contract_claims_stage_hands_its_items_to_the_build(articles_dir: Path) -> None:
    built, report = Pipeline(options={"ner": {"backend": "lexicon"}}).run([articles_dir])
    items, keys = report.kept["claims"]  # type: ignore[misc]
    assert built.statements and [item.stmt for item in items] == list(built.statements)
    assert len(keys) == len(items)
    assert built.claims == claims.build_claims(built)
    assert isinstance(claims.STAGE(built), Kept)


def test_contract_a_run_with_a_base_is_an_append(articles_dir: Path) -> None:
    options = {"ner": {"backend": "lexicon"}}
    first = sorted(articles_dir.iterdir())[:1]
    pipeline = Pipeline(options=options)
    old, _ = pipeline.run(first)
    merged, report = pipeline.run([articles_dir], base=State(old))
    added = report.added
    assert added is not None
    assert [d.doc_id for d in merged.documents] == [d.doc_id for d in old.documents + added.documents]
    assert {s.reason for s in added.skipped} == {ALREADY_IN_GRAPH}
    assert {e.entity_id for e in old.entities} <= {e.entity_id for e in merged.entities}
    whole, _ = pipeline.run([articles_dir])
    assert len(merged.claims) == len(whole.claims)
