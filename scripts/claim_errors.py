"""List claim errors of a built graph against a gold file, for error analysis.

    python scripts/claim_errors.py --graph OUT/graph.ttl --gold ../shared/gold/dev.json

Uses the statement matching of ``../shared/eval/score.py`` and prints, for the matched
statements, the gold cross-document pairs kg did not put in one claim (missed) and the pairs kg
put in one claim that the gold keeps apart (spurious), with both contents and speakers. A
developer's tool: it prints evaluation sentences, so never copy a line of its output into a rule
or a test.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statement_errors import error_arguments, load_scored


def main() -> None:
    parser = error_arguments(__doc__.splitlines()[0])
    parser.add_argument("--missed", action="store_true", help="only the missed pairs")
    parser.add_argument("--spurious", action="store_true", help="only the spurious pairs")
    args = parser.parse_args()
    score, graph, _gold, scorer = load_scored(args)
    sys_st = scorer._system_statements()
    captured: dict = {}
    original = scorer._claims

    def capture(matches, gold_by_id, statements):
        captured.update(matches=matches, gold_by_id=gold_by_id)
        return original(matches, gold_by_id, statements)

    scorer._claims = capture
    scorer.statements()
    matches, gold_by_id = captured["matches"], captured["gold_by_id"]
    labels = {str(n): str(x) for n, x in score.rows(graph, "SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }")}
    query = "SELECT ?s ?sp WHERE { ?s kg:speaker ?sp }"
    speakers = {str(s): labels.get(str(sp), "?") for s, sp in score.rows(graph, query)}
    missed, spurious = [], []
    for a, b in combinations(sorted(matches), 2):
        ga, gb = gold_by_id[a], gold_by_id[b]
        if ga["doc"] == gb["doc"]:
            continue
        same_gold = bool(ga.get("claim")) and ga.get("claim") == gb.get("claim")
        same_sys = bool(sys_st[matches[a][0]]["claim"] & sys_st[matches[b][0]]["claim"])
        if same_gold and not same_sys:
            missed.append((a, b))
        elif same_sys and not same_gold:
            spurious.append((a, b))

    def show(kind: str, pairs: list) -> None:
        print(f"## {kind}: {len(pairs)}")
        for a, b in pairs:
            print(f"- {a} [{gold_by_id[a].get('claim')}] / {b} [{gold_by_id[b].get('claim')}]")
            for gid in (a, b):
                sid = matches[gid][0]
                print(f"    {gid} {speakers.get(str(sid), '-')}: {sys_st[sid]['content'][:160]}")

    if not args.spurious:
        show("missed", missed)
    if not args.missed:
        show("spurious", spurious)


if __name__ == "__main__":
    main()
