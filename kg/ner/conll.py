"""CoNLL reading and span-level NER scoring (exact-span match, as conlleval/seqeval).

Reads ``token<TAB>tag`` files (BIO, blank line between sentences; a space separator is
tolerated) and scores a backend's predictions against them. Writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.ner import NERBackend

TYPES: tuple[str, ...] = ("PERS", "ORG", "LOC", "MISC")

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL file of ``token<TAB>tag`` lines.

    Args:
        path: The file; UTF-8, one token per line, blank line between sentences. When a line has
            no TAB the tag is the last space-separated field. A leading BOM is ignored.

    Returns:
        One ``(tokens, tags)`` pair per sentence.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            token, tag = _split_line(line)
            tokens.append(token)
            tags.append(tag)
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def _split_line(line: str) -> tuple[str, str]:
    if "\t" in line:
        fields = line.split("\t")
        return fields[0], fields[-1].strip() or "O"
    fields = line.strip().rsplit(" ", 1)
    if len(fields) == 1:
        return fields[0], "O"
    return fields[0], fields[1]


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Chunks of a BIO tag sequence as ``(start, end, type)`` with ``end`` exclusive.

    Follows conlleval: an ``I-X`` after ``O`` or after another type starts a new chunk.

    >>> sorted(spans(["B-PERS", "I-PERS", "O", "I-LOC"]))
    [(0, 2, 'PERS'), (3, 4, 'LOC')]
    """
    found: set[tuple[int, int, str]] = set()
    start, current = -1, ""
    for index, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if current and not continues:
            found.add((start, index, current))
            current = ""
        if prefix in ("B", "I") and not continues:
            start, current = index, kind
    if current:
        found.add((start, len(tags), current))
    return found


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict:
    """Micro-averaged and per-type precision, recall and F1 over exact spans.

    Args:
        gold: Gold tag sequences, one per sentence.
        predicted: Predicted tag sequences, aligned with ``gold``.

    Returns:
        ``{"micro": {"p", "r", "f1"}, "per_type": {TYPE: {"p", "r", "f1"}}}``; types outside
        PERS/ORG/LOC/MISC count in the micro average only.
    """
    counts: dict[str, list[int]] = {kind: [0, 0, 0] for kind in TYPES}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = spans(gold_tags), spans(predicted_tags)
        for spans_, slot in ((predicted_spans & gold_spans, 0), (predicted_spans, 1), (gold_spans, 2)):
            for _, _, kind in spans_:
                counts.setdefault(kind, [0, 0, 0])[slot] += 1
    totals = [sum(values[slot] for values in counts.values()) for slot in range(3)]
    return {
        "micro": _prf(*totals),
        "per_type": {kind: _prf(*counts[kind]) for kind in TYPES},
    }


def evaluate_sentences(sentences: Sequence[Sentence], *, backend: str = "crf", **options: object) -> dict:
    """Tag ``sentences`` with a backend and score the result against their gold tags.

    Args:
        sentences: ``(tokens, tags)`` pairs, as :func:`read_conll` returns.
        backend: A backend name for :func:`kg.ner.load_backend`.
        **options: Passed to the backend loader.

    Returns:
        The :func:`score` result plus ``tokens_per_second`` (tagging time only, features
        included, model loading excluded), ``tokens``, ``sentences`` and ``backend``.
    """
    from kg.ner import load_backend

    return score_tagger(load_backend(backend, **options), sentences)


def score_tagger(tagger: NERBackend, sentences: Sequence[Sentence]) -> dict:
    """Tag ``sentences`` with a loaded backend, timing it, and score the result (see
    :func:`evaluate_sentences`)."""
    token_lists = [tokens for tokens, _ in sentences]
    began = time.perf_counter()
    predicted = tagger.tag(token_lists)
    elapsed = time.perf_counter() - began
    n_tokens = sum(len(tokens) for tokens in token_lists)
    result = score([tags for _, tags in sentences], predicted)
    result["tokens_per_second"] = n_tokens / elapsed if elapsed > 0 else float("inf")
    result["tokens"] = n_tokens
    result["sentences"] = len(sentences)
    result["backend"] = tagger.name
    return result


def evaluate_file(path: str | Path, *, backend: str = "crf", **options: object) -> dict:
    """Score a backend on a CoNLL file; see :func:`evaluate_sentences` for the result.

    Args:
        path: A ``token<TAB>tag`` file.
        backend: A backend name for :func:`kg.ner.load_backend`.
        **options: Passed to the backend loader (e.g. ``model_path``).

    Returns:
        ``{"micro", "per_type", "tokens_per_second", "tokens", "sentences", "backend"}``.
    """
    return evaluate_sentences(read_conll(path), backend=backend, **options)
