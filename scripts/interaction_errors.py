"""List interaction errors of a built graph against a gold file, by document, for error analysis.

    python scripts/interaction_errors.py --graph OUT/graph.ttl --gold ../shared/gold/dev.json

Matching as in ``../shared/eval/score.py``: (document, type, agent, target) with entities mapped to
gold ids. A developer's tool: it prints evaluation text, so never copy a line of its output into a
rule or a test.
"""

from __future__ import annotations

import re

from statement_errors import error_arguments, load_scored  # type: ignore[import-not-found]

QUERY = """SELECT ?d ?t ?a ?b WHERE { ?i a kg:Interaction ; kg:statedIn ?d ; kg:interactionType ?t ;
                                     kg:agent ?a ; kg:target ?b }"""


def type_name(term: object) -> str:
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", str(term).rsplit("#", 1)[-1]).lower()
    return {"other_interaction": "other"}.get(name, name)


def main() -> None:
    args = error_arguments(__doc__.splitlines()[0]).parse_args()
    score, graph, gold, scorer = load_scored(args)
    evidence = {(x["doc"], x["type"], x["source"], x["target"]): x["evidence"] for x in gold["interactions"]}
    found = set()
    for d, t, a, b in score.rows(graph, QUERY):
        doc = scorer.doc_of.get(d)
        if doc in gold["documents"]:
            agent = scorer.gold_of.get(a, "?" + str(a).rsplit("/", 1)[-1][:40])
            target = scorer.gold_of.get(b, "?" + str(b).rsplit("/", 1)[-1][:40])
            found.add((doc, type_name(t), agent, target))
    missed = sorted(set(evidence) - found)
    spurious = sorted(found - set(evidence))
    print(f"## missed ({len(missed)} of {len(evidence)})")
    for item in missed:
        print("- " + " ".join(item) + " | " + evidence[item][:110])
    print(f"\n## spurious ({len(spurious)} of {len(found)})")
    for item in spurious:
        print("- " + " ".join(item))


if __name__ == "__main__":
    main()
