"""The ontology beside the graph: ``kg build --outputs turtle,ontology`` and ``kg export --to ontology``.

Reads ``ontology/kg.ttl`` (shipped in the wheel as ``kg/rdf/ontology/``), not the graph: a user who
opens the graph in a browser or a triple store gets the class and property definitions with it.
Writes one Turtle file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph

from kg.atomic import atomic_path
from kg.rdf.validate import ONTOLOGY_FILE, ontology_dir


def export(graph: Graph, path: Path) -> list[Path]:
    """Copy the kg ontology (OWL, Turtle) to ``path``; ``graph`` is not read."""
    del graph
    with atomic_path(path) as temp:
        shutil.copyfile(ontology_dir() / ONTOLOGY_FILE, temp)
    return [path]
