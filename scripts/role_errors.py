"""List role errors of a built graph against a gold file (person, job title), for error analysis.

    python scripts/role_errors.py --graph OUT/graph.ttl --gold ../shared/gold/dev.json

Matching as in ``../shared/eval/score.py``: same person and title token F1 >= 0.5. A developer's
tool: it prints evaluation text, so never copy a line of its output into a rule or a test.
"""

from __future__ import annotations

from statement_errors import error_arguments, load_scored  # type: ignore[import-not-found]


def main() -> None:
    args = error_arguments(__doc__.splitlines()[0]).parse_args()
    score, graph, gold, scorer = load_scored(args)
    gold_roles = sorted({(x["person"], score.norm(x["role_ar"])) for x in gold.get("roles", [])})
    found = sorted(
        {
            (scorer.gold_of.get(p, "unmatched:" + str(p).rsplit("/", 1)[-1]), score.norm(str(t)))
            for p, t in score.rows(graph, "SELECT ?p ?t WHERE { ?p schema:jobTitle ?t }")
        }
    )
    used: set[int] = set()
    missed = []
    for person, title in gold_roles:
        hit = next(
            (
                i
                for i, (p, t) in enumerate(found)
                if i not in used and p == person and score.token_f1(title, t) >= 0.5
            ),
            None,
        )
        if hit is None:
            missed.append((person, title))
        else:
            used.add(hit)
    print(f"## missed gold roles ({len(missed)})")
    for person, title in missed:
        print(f"- {person}: {title}")
    spurious = [found[i] for i in range(len(found)) if i not in used]
    print(f"\n## spurious roles ({len(spurious)})")
    for person, title in spurious:
        print(f"- {person}: {title}")


if __name__ == "__main__":
    main()
