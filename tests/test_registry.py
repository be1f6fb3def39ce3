"""kg.registry: one table of stages, NER backends and exporters, loaded lazily, with coded misses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg import registry
from kg.errors import ExportError, NERError, PipelineError
from kg.ner import load_backend
from kg.pipeline import STAGES


def test_registry_snapshot() -> None:
    """What can be chosen by name (spaCy snapshots its factories the same way)."""
    assert registry.names(registry.STAGE) == (
        "ingest",
        "segment",
        "ner",
        "resolve",
        "attribute",
        "interactions",
        "claims",
    )
    assert registry.names(registry.NER) == ("crf", "camel", "lexicon")
    assert registry.names(registry.EXPORTER) == (
        "turtle",
        "ntriples",
        "jsonld",
        "rdfxml",
        "graphml",
        "neo4j",
        "html",
        "ontology",
    )
    assert registry.names(registry.STAGE) == STAGES


@pytest.mark.parametrize("kind", [registry.STAGE, registry.NER, registry.EXPORTER])
def test_registry_every_target_exists(kind: str) -> None:
    for plugin in registry.plugins(kind):
        if plugin.name != "camel":  # importing camel_tools is slow; test_ner_camel covers it
            assert callable(plugin.load()), plugin.target


@pytest.mark.parametrize(
    ("name", "kind", "error", "code"),
    [
        ("parse", registry.STAGE, PipelineError, "E006"),
        ("spacy", registry.NER, NERError, "E011"),
        ("png", registry.EXPORTER, ExportError, "E010"),
    ],
)
def test_registry_unknown_name_is_coded_and_lists_the_choices(
    name: str, kind: str, error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        registry.get(name, kind)
    message = str(caught.value)
    assert message.startswith(f"[{code}] ") and f"'{name}'" in message
    assert all(known in message for known in registry.names(kind))


def test_registry_lexicon_backend_tags_nothing() -> None:
    backend = load_backend("lexicon")
    assert backend.tag([["قال", "الرئيس", "دونالد", "ترامب"], [], ["بيروت"]]) == [["O"] * 4, [], ["O"]]


def test_registry_imports_nothing_until_used() -> None:
    """The CLI takes its choices from the registry without importing an exporter or backend."""
    heavy = ("kg.export.html", "kg.export.neo4j", "kg.ner.crf", "pyvis")
    probe = f"import sys, kg.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
