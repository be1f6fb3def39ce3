"""kg: a knowledge-graph builder for Arabic news.

The Python API mirrors the command line::

    from kg import build, run_pipeline, to_graph
    result = build(["articles/"], "output")
    corpus, _ = run_pipeline(["articles/"])
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "BuildOptions",
    "__version__",
    "build",
    "export",
    "load_graph",
    "run_pipeline",
    "run_query",
    "to_graph",
]

_API = {
    "build": "kg.build:build",
    "BuildOptions": "kg.options:BuildOptions",
    "run_pipeline": "kg.pipeline:run",
    "to_graph": "kg.rdf.mapping:to_graph",
    "load_graph": "kg.rdf.store:load_graph",
    "export": "kg.export:export",
    "run_query": "kg.query:run_query",
}

if TYPE_CHECKING:
    from kg.build import build
    from kg.export import export
    from kg.options import BuildOptions
    from kg.pipeline import run as run_pipeline
    from kg.query import run_query
    from kg.rdf.mapping import to_graph
    from kg.rdf.store import load_graph


class CallableModule(types.ModuleType):
    """A module called as its function of the same name. Once ``kg/build.py`` is imported,
    Python makes the module the package attribute ``kg.build`` (and ``kg.export`` the package
    kg/export/), so ``kg.build(inputs, out)`` calls :func:`kg.build.build` through the module."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


def __getattr__(name: str) -> Any:
    """Import API functions lazily so that ``import kg`` stays fast."""
    if name not in _API:
        # No code: the module protocol's error, as Python's own for a name a module lacks.
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    import importlib

    module, attr = _API[name].split(":")
    return getattr(importlib.import_module(module), attr)
