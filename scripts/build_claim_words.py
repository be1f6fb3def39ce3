"""Build the claims stage's table of distributionally similar word stems from news-bench.

Trains word2vec on the light stems of the news-bench paragraphs (the same reader and trainer
as the NER word clusters, :func:`kg.ner.train.train_word_vectors`, with function words dropped),
then keeps, for each of the most frequent stems, its nearest neighbours above a cosine
threshold. The claims stage uses them to count ``تهدئة``/``تخفيف`` or ``أكد``/``شدد`` as a
partial match when two outlets word the same proposition differently.

    python scripts/build_claim_words.py --data-dir ../shared/data \\
        --output kg/resources/claims/similar-stems.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ner.train import train_word_vectors  # noqa: E402
from kg.stages.claims import SIMILAR_WORDS_PATH, word_feature  # noqa: E402


def nearest_neighbours(vectors, *, vocabulary: int, neighbours: int, min_cosine: float, min_length: int):
    """``(stem, [(neighbour, cosine), ...])`` for the ``vocabulary`` most frequent stems."""
    import numpy as np

    words = [w for w in vectors.index_to_key if len(w.replace("ست:", "")) >= min_length and not w.isdigit()]
    words = words[:vocabulary]
    matrix = np.asarray([vectors[w] for w in words], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-8
    for first in range(0, len(words), 2000):
        block = matrix[first : first + 2000] @ matrix.T
        for row, scores in enumerate(block):
            index = first + row
            scores[index] = -1.0
            best = np.argpartition(-scores, neighbours)[:neighbours]
            found = sorted(
                ((float(scores[j]), words[j]) for j in best if scores[j] >= min_cosine), reverse=True
            )
            if found:
                yield words[index], [(word, cosine) for cosine, word in found]


def main(argv: list[str] | None = None) -> int:
    """Command line: train, write ``stem<TAB>neighbour:cosine ...`` lines (gzip)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=SIMILAR_WORDS_PATH)
    parser.add_argument("--vocabulary", type=int, default=30_000, help="most frequent stems kept")
    parser.add_argument("--neighbours", type=int, default=8)
    parser.add_argument("--min-cosine", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--window", type=int, default=3, help="context words on each side")
    parser.add_argument("--skip-gram", action="store_true", help="skip-gram instead of CBOW")
    parser.add_argument("--limit", type=int, default=None, help="read only this many articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="word2vec threads")
    args = parser.parse_args(argv)
    vectors = train_word_vectors(
        args.data_dir / "news-bench" / "news-bench.jsonl.xz",
        transform=word_feature,
        skip_gram=args.skip_gram,
        window=args.window,
        epochs=args.epochs,
        seed=args.seed,
        limit=args.limit,
        workers=args.workers,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    rows = nearest_neighbours(
        vectors,
        vocabulary=args.vocabulary,
        neighbours=args.neighbours,
        min_cosine=args.min_cosine,
        min_length=3,
    )
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word, found in rows:
            handle.write(word + "\t" + " ".join(f"{w}:{c:.2f}" for w, c in found) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
