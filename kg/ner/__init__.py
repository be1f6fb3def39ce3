"""Named-entity recognition backends for Arabic news: a shipped CRF (default) and CAMeL Tools.

A backend tags tokenized sentences with BIO tags over PERS, ORG, LOC and MISC. Backends are
listed by name in :data:`BACKENDS` and imported lazily, so the CRF never imports torch.
"""

from __future__ import annotations

import importlib
from typing import Protocol, runtime_checkable

from kg.errors import Errors, KGError


class NERError(KGError, ValueError):
    """A backend cannot be loaded or used; the message says what to do."""


@runtime_checkable
class NERBackend(Protocol):
    """What every backend offers."""

    name: str

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Return one BIO tag list (PERS/ORG/LOC/MISC) per token list."""
        ...


# name -> "module:factory"; the factory takes the loader's keyword options.
BACKENDS: dict[str, str] = {
    "crf": "kg.ner.crf:CRFBackend",
    "camel": "kg.ner.camel:CamelBackend",
}


def load_backend(name: str = "crf", **options: object) -> NERBackend:
    """Load an NER backend by name.

    Args:
        name: ``"crf"`` (shipped model, default) or ``"camel"`` (CAMeL Tools ``NERecognizer``).
        **options: Backend options, e.g. ``model_path`` for the CRF or ``model_dir`` for camel.

    Returns:
        A ready backend with ``tag()`` and ``name``.

    Raises:
        NERError: The name is unknown, or the backend's model or data is missing.
    """
    target = BACKENDS.get(name)
    if target is None:
        raise NERError(Errors.E011.format(name=name, known=", ".join(sorted(BACKENDS))))
    module_name, _, factory_name = target.partition(":")
    factory = getattr(importlib.import_module(module_name), factory_name)
    return factory(**options)


__all__ = ["BACKENDS", "NERBackend", "NERError", "load_backend"]
