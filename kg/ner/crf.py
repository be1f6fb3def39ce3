"""The default NER backend: a CRF (python-crfsuite) shipped in ``kg/resources/models``.

Reads ``ner-crf.crfsuite`` (the weights), ``ner-crf.json`` (what the features need) and
``ner-crf.words.tsv.gz`` (word counts and clusters from unlabelled news) beside it; writes nothing.
Everything is local: no download at run time, no torch.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import warnings
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import pycrfsuite

from kg.errors import Errors, Warnings
from kg.ner import NERError
from kg.ner.conll import spans
from kg.ner.features import FeatureExtractor

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
DEFAULT_MODEL = MODELS_DIR / "ner-crf.crfsuite"
REBUILD = "python -m kg.ner.train --data-dir ../shared/data --output kg/resources/models/ner-crf.crfsuite"


class CRFBackend:
    """Tags token lists with the shipped CRF model.

    Args:
        model_path: A ``.crfsuite`` file; its ``.json`` settings and word table sit beside it.
            Defaults to the model shipped in ``kg/resources/models``.
        propagate: Give repeated mentions of a tagged name the same type within one ``tag()``
            call (see :func:`propagate_names`); pass one document per call for best results.

    Raises:
        NERError: The model file or its companions are missing.
    """

    name = "crf"

    def __init__(self, model_path: str | Path | None = None, *, propagate: bool = True) -> None:
        self.propagate = propagate
        path = Path(model_path) if model_path is not None else DEFAULT_MODEL
        if not path.is_file():
            raise NERError(Errors.E023.format(path=path, rebuild=REBUILD))
        settings = read_settings(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.features = extractor_from_settings(path, settings, known=model_attributes(self._tagger))

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag sentences.

        Args:
            sentences: Token lists (words as written, clitics attached).

        Returns:
            One list of BIO tags (``B-PERS``, ``I-ORG``, ``O`` ...) per sentence.
        """
        tagger, features = self._tagger, self.features
        tagged = [tagger.tag(rows) if rows else [] for rows in features.document(sentences)]
        if self.propagate:
            propagate_names(sentences, tagged, stem=self.features.stem)
        return tagged


def propagate_names(
    sentences: list[list[str]], tagged: list[list[str]], *, stem: Callable[[str], str]
) -> None:
    """Tag later and earlier mentions of a name found elsewhere in the same batch (a document).

    News repeats a name after introducing it with a title (``المدرب جوزيه`` ... ``ويخشى جوزيه``);
    the CRF often finds the first mention only. Each untagged token run whose clitic-free
    stems equal a tagged name gets that name's most frequent type. Edits ``tagged`` in place.
    """
    names: dict[tuple[str, ...], Counter[str]] = {}
    for tokens, tags in zip(sentences, tagged, strict=True):
        for start, end, kind in spans(tags):
            stems = tuple(stem(token) for token in tokens[start:end])
            if sum(len(part) for part in stems) >= 3:
                names.setdefault(stems, Counter())[kind] += 1
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for stems in sorted(names, key=len, reverse=True):
        by_first.setdefault(stems[0], []).append(stems)
    if not by_first:
        return
    for tokens, tags in zip(sentences, tagged, strict=True):
        free = 0  # first index not yet covered by a propagated name
        for i, token in enumerate(tokens):
            if i < free or tags[i] != "O":
                continue
            first = stem(token)
            if first not in by_first:
                continue
            for stems in by_first[first]:
                end = i + len(stems)
                untagged = all(tag == "O" for tag in tags[i:end])
                if untagged and tuple(stem(word) for word in tokens[i:end]) == stems:
                    kind = names[stems].most_common(1)[0][0]
                    tags[i:end] = ["B-" + kind] + ["I-" + kind] * (len(stems) - 1)
                    free = end
                    break


def settings_path(model_path: Path) -> Path:
    """Where the feature settings of a model are kept: ``<model>.json``."""
    return model_path.with_suffix(".json")


def read_settings(model_path: Path) -> dict:
    """Read the feature settings saved next to a model (empty if there are none)."""
    path = settings_path(model_path)
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def model_attributes(tagger: pycrfsuite.Tagger) -> frozenset[str] | None:
    """The attribute (feature) names an open model has weights for, or ``None`` when they cannot
    all be read (the count differs from the one in the model's header)."""
    info = tagger.info()
    names = frozenset(info.attributes)
    expected = info.header.get("num_attrs")
    return names if expected is not None and int(expected) == len(names) else None


def extractor_from_settings(
    model_path: Path, settings: Mapping, *, known: frozenset[str] | None = None
) -> FeatureExtractor:
    """Rebuild the training-time feature extractor from a model's settings.

    Args:
        model_path: The ``.crfsuite`` file; resource names in the settings are relative to it.
        settings: The model's ``.json`` settings.
        known: For tagging only: the model's attribute names (see :func:`model_attributes`), so
            that features the model has no weight for are not built.

    Returns:
        The extractor with the same word table and gazetteer as in training.

    Raises:
        NERError: A resource named in the settings is missing.
    """
    counts: dict[str, int] = {}
    clusters: dict[str, tuple[str, ...]] = {}
    words_name = settings.get("words")
    if words_name:
        words_path = model_path.parent / words_name
        if not words_path.is_file():
            raise NERError(Errors.E024.format(path=words_path, rebuild=REBUILD))
        counts, clusters = read_word_table(words_path)
    gazetteer: dict[str, frozenset[str]] = {}
    if settings.get("gazetteer"):
        gazetteer = load_gazetteer()
        digest = gazetteer_digest(gazetteer)
        if digest != settings.get("gazetteer_sha1"):
            warnings.warn(Warnings.W002.format(rebuild=REBUILD), stacklevel=3)
    return FeatureExtractor(clusters=clusters, counts=counts, gazetteer=gazetteer, known=known)


def load_gazetteer() -> dict[str, frozenset[str]]:
    """Name keys per class from :mod:`kg.arabic.lexicons`, plus ``GENT`` and ``TITLE`` cue lists.

    ``GENT`` holds nationality adjectives (الروسي، الفرنسية), which sit next to names without
    being names; ``TITLE`` holds person titles (وزير الخارجية، المتحدث باسم). Empty when the
    lexicons are not available.
    """
    try:
        from kg.arabic import lexicons
    except ImportError:
        return {}
    found = {str(label): frozenset(keys) for label, keys in lexicons.gazetteer().items() if keys}
    found["GENT"] = frozenset(lexicons.gentilic_index()) | frozenset(lexicons.region_gentilic_index())
    found["TITLE"] = frozenset(lexicons.title_index())
    return {label: keys for label, keys in found.items() if keys}


def gazetteer_digest(gazetteer: Mapping[str, frozenset[str]]) -> str:
    """A stable fingerprint of a gazetteer, to notice when it changed after training."""
    digest = hashlib.sha1()
    for label in sorted(gazetteer):
        digest.update(label.encode())
        for entry in sorted(gazetteer[label]):
            digest.update(b"\0" + entry.encode())
    return digest.hexdigest()


def read_word_table(path: Path) -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    """Read ``word<TAB>count<TAB>cluster ids`` (space-separated ids; may be empty), gzipped."""
    counts: dict[str, int] = {}
    clusters: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, count, codes = line.rstrip("\n").split("\t")
            counts[word] = int(count)
            if codes:
                clusters[word] = tuple(codes.split(" "))
    return counts, clusters
