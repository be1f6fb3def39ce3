"""How a build's statements are grouped into claims: counts and the largest claims.

Reads the state of an output folder (``state.pickle``, written by every build) and prints the
number of claims, those reported in two or more documents and the largest claims by statements.
With ``--regroup``, the state's statements are grouped again by the current claims stage first,
so a change to the grouping rules can be measured on an existing large build without running
NER again (the 50k-article build of ``make bench`` takes 20 minutes).

    python scripts/claim_sizes.py OUTDIR [--regroup] [--top 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import Claim  # noqa: E402
from kg.stages.claims import build_claims  # noqa: E402
from kg.state import load_state  # noqa: E402


def describe(claims: tuple[Claim, ...], top: int) -> list[str]:
    """Counts and the ``top`` largest claims (statements, documents, wording) as Markdown lines."""
    largest = sorted(claims, key=lambda c: (-len(c.statement_ids), c.claim_id))[:top]
    lines = [
        f"- claims: {len(claims)}",
        f"- claims in 2+ documents: {sum(1 for c in claims if len(set(c.doc_ids)) > 1)}",
        "",
        "| statements | documents | claim |",
        "|---|---|---|",
    ]
    lines += [
        f"| {len(c.statement_ids)} | {len(set(c.doc_ids))} | {' '.join(c.content.split())[:100]} |"
        for c in largest
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="a kg build's output folder")
    parser.add_argument("--regroup", action="store_true", help="group the statements again first")
    parser.add_argument("--top", type=int, default=10, help="how many of the largest claims to list")
    args = parser.parse_args()
    corpus = load_state(args.outdir)
    claims = corpus.claims
    if args.regroup:
        started = time.perf_counter()
        claims = build_claims(corpus)
        print(f"regrouped {len(corpus.statements)} statements in {time.perf_counter() - started:.0f} s\n")
    print("\n".join(describe(claims, args.top)))


if __name__ == "__main__":
    main()
