"""Count the predicate lexicon's forms in news-bench (the ``count`` column of predicates.tsv).

python scripts/count_predicates.py --data-dir ../shared/data [--articles 20000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import lzma
from pathlib import Path

from kg.arabic.predicates import count_forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="the shared data folder (holds news-bench/)")
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    path = Path(args.data_dir) / "news-bench" / "news-bench.jsonl.xz"
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        texts = (json.loads(line).get("text", "") for line in itertools.islice(lines, args.articles))
        counts = count_forms(texts)
    for (cls, lemma), count in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{cls}\t{lemma}\t{count}")


if __name__ == "__main__":
    main()
