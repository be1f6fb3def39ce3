"""Train the CRF NER model from the shared corpora and score it on a held-out dev split.

Reads ``<data-dir>/anercorp``, ``newsfane``, ``aqmar``, ``wojood-sample`` (labelled) and
``news-bench`` (unlabelled, for word counts and clusters). Writes ``<output>`` (crfsuite weights),
``<output>.json`` (feature settings, data used, dev scores) and ``<output stem>.words.tsv.gz``.

Run: ``python -m kg.ner.train --data-dir ../shared/data --output kg/resources/models/ner-crf.crfsuite``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from kg.arabic.normalize import key, normalize
from kg.arabic.tokens import token_spans
from kg.ner.conll import Sentence, read_conll, score_tagger, spans
from kg.ner.crf import (
    DEFAULT_MODEL,
    CRFBackend,
    extractor_from_settings,
    gazetteer_digest,
    load_gazetteer,
    settings_path,
)

if TYPE_CHECKING:
    from gensim.models import KeyedVectors

SOURCES: tuple[str, ...] = ("anercorp", "newsfane", "aqmar", "wojood")
# AQMAR (Wikipedia, article-specific MISC) and the Wojood sample (other guidelines) lowered
# dev F1 when added (66.9 → 64.9 and 65.2 on the baseline features), so they are opt-in.
DEFAULT_SOURCES: tuple[str, ...] = ("anercorp", "newsfane")

# NewsFANE fine types (ACE-style) → ANERcorp types. Types that ANERcorp mostly leaves
# untagged (Group: العرب، المسلمين; Government: الجيش الإسرائيلي; facilities, vehicles, weapons)
# are AMBIGUOUS: sentences holding them are skipped rather than taught as O or as a type.
_NEWSFANE_GROUPS: dict[str, tuple[str, ...]] = {
    "PERS": (
        "Politician", "Athlete", "Artist", "Other_PER", "Religious_PER",
        "Scientist", "Police", "Businessperson", "Lawyer", "Engineer",
    ),
    "ORG": (
        "Non-Governmental", "Sports", "Media", "Commercial", "Educational", "Religious_ORG", "Entertainment",
    ),
    "LOC": (
        "Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
        "Continent", "County-or-District", "Water-Body",
    ),
    "MISC": ("Book", "Movie"),
}  # fmt: skip
NEWSFANE_TYPES: dict[str, str] = {
    fine: coarse for coarse, fines in _NEWSFANE_GROUPS.items() for fine in fines
}
# Wojood types → ANERcorp types; other types (DATE, OCC, NORP ...) are not names in ANERcorp.
WOJOOD_TYPES: dict[str, str] = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "MISC",
    "CURR": "MISC",
}
PROCLITIC_TOKENS = frozenset("وفبلك")
ENCLITIC_TOKENS = frozenset(["ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "ي", "ني"])


def split_dev(sentences: Sequence[Sentence], fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """Keep the last ``fraction`` of sentences as dev (ANERcorp is in document order)."""
    n_dev = max(1, round(len(sentences) * fraction)) if fraction > 0 else 0
    cut = len(sentences) - n_dev
    return list(sentences[:cut]), list(sentences[cut:])


def read_anercorp(data_dir: Path) -> list[Sentence]:
    """ANERcorp train (CAMeL Lab split), already PERS/ORG/LOC/MISC."""
    return read_conll(data_dir / "anercorp" / "train.txt")


def read_aqmar(data_dir: Path) -> list[Sentence]:
    """All AQMAR Wikipedia articles, already mapped to PERS/ORG/LOC/MISC."""
    sentences: list[Sentence] = []
    for path in sorted((data_dir / "aqmar").glob("*.txt")):
        if path.name != "README.md":
            sentences.extend(read_conll(path))
    return sentences


def _shingles(tokens: Iterable[str], size: int = 10) -> set[str]:
    text = key("".join(tokens)).replace(" ", "")
    return {text[i : i + size] for i in range(max(1, len(text) - size + 1))}


def read_newsfane(data_dir: Path, *, exclude: Sequence[Sentence] = ()) -> list[Sentence]:
    """NewsFANE mapped to ANERcorp types, clitics re-attached, dev-overlapping sentences dropped.

    Args:
        data_dir: The shared data folder.
        exclude: Sentences (the dev split) whose text must not be trained on; a NewsFANE
            sentence sharing 30% or more of its character 10-grams with them is dropped.

    Returns:
        Sentences with ANERcorp-style tokens (و قال → وقال) and PERS/ORG/LOC/MISC tags.
    """
    held_out: set[str] = set()
    for tokens, _ in exclude:
        held_out |= _shingles(tokens)
    sentences: list[Sentence] = []
    for tokens, tags in read_conll(data_dir / "newsfane" / "train.txt"):
        shingles = _shingles(tokens)
        if len(shingles & held_out) >= 0.3 * len(shingles):
            continue
        mapped = _map_tags(tags, NEWSFANE_TYPES)
        if mapped is not None:
            sentences.append(_attach_clitics(tokens, mapped))
    return sentences


def _map_tags(tags: Sequence[str], table: dict[str, str]) -> list[str] | None:
    """Map fine types to coarse ones; ``None`` when a type outside ``table`` occurs."""
    out = ["O"] * len(tags)
    for start, end, kind in spans(tags):
        coarse = table.get(kind)
        if coarse is None:
            return None
        out[start] = "B-" + coarse
        out[start + 1 : end] = ["I-" + coarse] * (end - start - 1)
    return out


def _attach_clitics(tokens: Sequence[str], tags: Sequence[str]) -> Sentence:
    """Glue split clitics back: ``و قال`` → ``وقال``, ``ان ه`` → ``انه``, keeping the word's tag."""
    out_tokens: list[str] = []
    out_tags: list[str] = []
    pending = ""
    for token, tag in zip(tokens, tags, strict=True):
        if token in PROCLITIC_TOKENS and tag == "O":
            pending += token
            continue
        if (
            token in ENCLITIC_TOKENS
            and not pending
            and out_tokens
            and tag == "O"
            and out_tokens[-1][-1].isalpha()
        ):
            out_tokens[-1] += token
            continue
        out_tokens.append(pending + token)
        out_tags.append(tag)
        pending = ""
    if pending:
        out_tokens.append(pending)
        out_tags.append("O")
    return out_tokens, out_tags


def read_wojood(data_dir: Path) -> list[Sentence]:
    """The Wojood sample (all splits), nested layers flattened to PERS/ORG/LOC/MISC, outermost first."""
    sentences: list[Sentence] = []
    for split in ("train", "val", "test"):
        for tokens, layered in read_conll(data_dir / "wojood-sample" / f"{split}.nested.txt"):
            sentences.append((tokens, _flatten_layers([tag.split() for tag in layered])))
    return sentences


def _flatten_layers(layers: Sequence[Sequence[str]]) -> list[str]:
    depth = max((len(tags) for tags in layers), default=0)
    candidates: list[tuple[int, int, str]] = []
    for level in range(depth):
        column = [tags[level] if level < len(tags) else "O" for tags in layers]
        candidates.extend(
            (start, end, WOJOOD_TYPES[kind]) for start, end, kind in spans(column) if kind in WOJOOD_TYPES
        )
    out = ["O"] * len(layers)
    for start, end, kind in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
        if all(tag == "O" for tag in out[start:end]):
            out[start] = "B-" + kind
            out[start + 1 : end] = ["I-" + kind] * (end - start - 1)
    return out


def news_tokens(news_path: Path, *, limit: int | None = None) -> Iterator[list[str]]:
    """Normalized tokens of each paragraph of the unlabelled news-bench articles."""
    with lzma.open(news_path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            text = json.loads(line)["text"]
            for paragraph in text.split("\n"):
                words = [normalize(paragraph[start:end]) for start, end in token_spans(paragraph)]
                if words:
                    yield words


_DIGITS = re.compile(r"\d")


def build_word_table(
    news_path: Path,
    output: Path,
    *,
    max_words: int = 120_000,
    seed: int = 0,
    sizes: Sequence[int] = (64, 256, 1024),
    skip_gram: bool = False,
    epochs: int = 3,
) -> Path:
    """Count words in news-bench and cluster them by word2vec vectors (k-means at several sizes).

    Args:
        news_path: ``news-bench.jsonl.xz``.
        output: The ``.tsv.gz`` to write: ``word<TAB>count<TAB>cluster ids``.
        max_words: How many of the most frequent words to keep.
        seed: Random seed for word2vec and k-means.
        sizes: Numbers of clusters; each gives one id per word (``"256:17"``).
        skip_gram: Train skip-gram vectors (slower, better for rare words) instead of CBOW.
        epochs: word2vec passes over the text.

    Returns:
        ``output``.
    """
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans

    counts: Counter[str] = Counter()

    def counted(lines: Iterable[list[str]]) -> Iterator[list[str]]:
        for words in lines:
            words = [_DIGITS.sub("0", word) for word in words]
            counts.update(key(word) or word for word in words)
            yield words

    wv = _word2vec(counted(news_tokens(news_path)), epochs=epochs, seed=seed, skip_gram=skip_gram)
    _log(f"counted {sum(counts.values()):,} tokens, {len(counts):,} types")
    words = [word for word in wv.index_to_key[:max_words]]
    vectors = np.asarray([wv[word] for word in words], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    labels = {}
    for size in sizes:
        kmeans = MiniBatchKMeans(n_clusters=size, random_state=seed, batch_size=4096, n_init=3)
        labels[size] = kmeans.fit_predict(vectors)
        _log(f"k-means {size} done")
    with gzip.open(output, "wt", encoding="utf-8", compresslevel=9) as handle:
        for index, word in enumerate(words):
            codes = " ".join(f"{size}:{labels[size][index]}" for size in sizes)
            handle.write(f"{key(word) or word}\t{counts.get(key(word) or word, 0)}\t{codes}\n")
    return output


def train_word_vectors(
    news_path: Path,
    *,
    transform: Callable[[str], str] | None = None,
    vector_size: int = 100,
    window: int = 5,
    min_count: int = 5,
    epochs: int = 3,
    skip_gram: bool = False,
    seed: int = 0,
    limit: int | None = None,
    workers: int = 1,
) -> KeyedVectors:
    """word2vec vectors of the news-bench paragraphs (:func:`news_tokens`, digits as ``0``).

    Args:
        news_path: ``news-bench.jsonl.xz``.
        transform: Maps each token's matching key to the unit to embed (e.g. a stem); an
            empty result drops the token. ``None`` embeds the keys themselves.
        vector_size: Dimensions.
        window: Context words on each side.
        min_count: Units seen fewer times get no vector.
        epochs: Passes over the text.
        skip_gram: Skip-gram (slower, better for rare words) instead of CBOW.
        seed: Random seed.
        limit: Read only the first ``limit`` articles.
        workers: Training threads (more threads make the vectors depend on scheduling).

    Returns:
        The trained vectors (gensim ``KeyedVectors``).
    """

    def units(lines: Iterable[list[str]]) -> Iterator[list[str]]:
        for words in lines:
            found = [key(_DIGITS.sub("0", word)) for word in words]
            if transform is not None:
                found = [transform(unit) for unit in found if unit]
            yield [unit for unit in found if unit and " " not in unit]

    return _word2vec(
        units(news_tokens(news_path, limit=limit)),
        vector_size=vector_size,
        window=window,
        min_count=min_count,
        epochs=epochs,
        skip_gram=skip_gram,
        seed=seed,
        workers=workers,
    )


def _word2vec(
    lines: Iterable[list[str]],
    *,
    vector_size: int = 100,
    window: int = 5,
    min_count: int = 5,
    epochs: int = 3,
    skip_gram: bool = False,
    seed: int = 0,
    workers: int = 1,
) -> KeyedVectors:
    """word2vec vectors of ``lines`` (lists of units), trained from a temporary corpus file."""
    from gensim.models import Word2Vec

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.txt"
        with open(corpus, "w", encoding="utf-8") as handle:
            for words in lines:
                if words:
                    handle.write(" ".join(words) + "\n")
        _log("word2vec corpus written")
        model = Word2Vec(
            corpus_file=str(corpus),
            vector_size=vector_size,
            window=window,
            min_count=min_count,
            workers=workers,
            epochs=epochs,
            seed=seed,
            sg=int(skip_gram),
        )
    _log(f"word2vec trained: {len(model.wv.index_to_key):,} units")
    return model.wv


def load_training_data(
    data_dir: Path, *, dev_fraction: float, sources: Sequence[str] = DEFAULT_SOURCES
) -> tuple[list[Sentence], list[Sentence], dict[str, int]]:
    """Assemble the training sentences and the ANERcorp dev split.

    Returns:
        ``(train, dev, sentences per source)``.
    """
    train, dev = split_dev(read_anercorp(data_dir), dev_fraction)
    used = {"anercorp": len(train)}
    readers = {
        "newsfane": lambda: read_newsfane(data_dir, exclude=dev),
        "aqmar": lambda: read_aqmar(data_dir),
        "wojood": lambda: read_wojood(data_dir),
    }
    for source in sources:
        if source in readers:
            extra = readers[source]()
            used[source] = len(extra)
            train.extend(extra)
    return train, dev, used


def train(
    output: Path,
    *,
    data_dir: Path,
    dev_fraction: float = 0.1,
    seed: int = 0,
    sources: Sequence[str] = DEFAULT_SOURCES,
    c1: float = 0.1,
    c2: float = 0.01,
    max_iterations: int = 250,
    use_words: bool = True,
    use_gazetteer: bool = True,
) -> dict:
    """Train the CRF and score it on the dev split.

    Args:
        output: The ``.crfsuite`` file to write; settings and word table go beside it.
        data_dir: The shared data folder (``../shared/data``).
        dev_fraction: The last fraction of ANERcorp train kept out for scoring.
        seed: Seed for shuffling the training sentences and for the word clusters.
        sources: Labelled corpora to train on (ANERcorp train is always used).
        c1: L1 weight (prunes features, keeps the model small).
        c2: L2 weight.
        max_iterations: L-BFGS iterations.
        use_words: Use word counts and clusters from news-bench (built once, then reused).
        use_gazetteer: Use :func:`kg.arabic.lexicons.gazetteer` when it is available.

    Returns:
        Dev scores: ``{"micro", "per_type", "tokens_per_second", "tokens", "sentences", "backend"}``.
    """
    output, data_dir = Path(output), Path(data_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    settings: dict = {"format": 1}
    if use_words:
        words_path = output.with_name(output.stem + ".words.tsv.gz")
        if not words_path.is_file():
            build_word_table(data_dir / "news-bench" / "news-bench.jsonl.xz", words_path, seed=seed)
        settings["words"] = words_path.name
    gazetteer = load_gazetteer() if use_gazetteer else {}
    if gazetteer:
        settings.update(gazetteer=True, gazetteer_sha1=gazetteer_digest(gazetteer))
    extractor = extractor_from_settings(output, settings)
    train_sents, dev_sents, used = load_training_data(data_dir, dev_fraction=dev_fraction, sources=sources)
    # Features first, in text order (the topic flag looks at neighbouring sentences), then shuffle.
    rows = extractor.document([tokens for tokens, _ in train_sents])
    examples = list(zip(rows, (tags for _, tags in train_sents), strict=True))
    random.Random(seed).shuffle(examples)
    _log(f"training on {sum(len(t) for t, _ in train_sents):,} tokens {used}")
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in examples:
        trainer.append(features, tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True}
    )
    began = time.perf_counter()
    trainer.train(str(output))
    seconds = time.perf_counter() - began
    _log(f"trained in {seconds:.0f} s")
    settings.update(
        train_seconds=round(seconds),
        c1=c1,
        c2=c2,
        max_iterations=max_iterations,
        sources=used,
        dev_fraction=dev_fraction,
        seed=seed,
    )
    settings_path(output).write_text(
        json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    result = evaluate_model(output, dev_sents)
    settings["dev"] = result
    settings_path(output).write_text(
        json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return result


def evaluate_model(model_path: Path, sentences: Sequence[Sentence]) -> dict:
    """Score a trained model on sentences, timing tagging with features (model loading excluded)."""
    backend = CRFBackend(model_path)
    backend.features._cache.clear()
    return score_tagger(backend, sentences)


def _log(message: str) -> None:
    print(f"[kg.ner.train] {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: train, print the dev scores as JSON."""
    parser = argparse.ArgumentParser(prog="python -m kg.ner.train", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_MODEL, help="the .crfsuite file to write")
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--sources", default=",".join(DEFAULT_SOURCES), help=f"comma-separated subset of {SOURCES}"
    )
    parser.add_argument("--c1", type=float, default=0.1, help="L1 weight (prunes features)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    parser.add_argument("--max-iterations", type=int, default=250)
    parser.add_argument("--no-words", action="store_true", help="no news-bench word counts and clusters")
    parser.add_argument("--no-gazetteer", action="store_true")
    args = parser.parse_args(argv)
    result = train(
        args.output,
        data_dir=args.data_dir,
        dev_fraction=args.dev_fraction,
        seed=args.seed,
        sources=[name for name in args.sources.split(",") if name],
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        use_words=not args.no_words,
        use_gazetteer=not args.no_gazetteer,
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
