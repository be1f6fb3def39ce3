"""Named-entity recognition backends for Arabic news: a shipped CRF (default), CAMeL Tools, and
``lexicon``, which tags nothing (the ner stage's gazetteers and rules alone).

A backend tags tokenized sentences with BIO tags over PERS, ORG, LOC and MISC. Backends are
registered by name in :mod:`kg.registry` and imported lazily, so the CRF never imports torch.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from kg import registry
from kg.errors import NERError


@runtime_checkable
class NERBackend(Protocol):
    """What every backend offers."""

    name: str

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Return one BIO tag list (PERS/ORG/LOC/MISC) per token list."""
        ...


# name -> "module:factory" (from the registry); the factory takes the loader's keyword options.
BACKENDS: dict[str, str] = {p.name: p.target for p in registry.plugins(registry.NER)}


def load_backend(name: str = "crf", **options: object) -> NERBackend:
    """Load an NER backend by name.

    Args:
        name: ``"crf"`` (shipped model, default), ``"camel"`` (CAMeL Tools ``NERecognizer``) or
            ``"lexicon"`` (tags nothing).
        **options: Backend options, e.g. ``model_path`` for the CRF or ``model_dir`` for camel.

    Returns:
        A ready backend with ``tag()`` and ``name``.

    Raises:
        NERError: The name is unknown, or the backend's model or data is missing.
    """
    factory = registry.load(name, registry.NER)
    return factory(**options)


__all__ = ["BACKENDS", "NERBackend", "NERError", "load_backend"]
