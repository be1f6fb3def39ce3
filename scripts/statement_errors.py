"""List statement errors of a built graph against a gold file, by kind, for error analysis.

    python scripts/statement_errors.py --graph OUT/graph.ttl --gold ../shared/gold/dev.json

Uses the matching of ``../shared/eval/score.py`` (content token F1 >= 0.5, greedy per document)
and prints three lists: gold statements with no match (missed), system statements with no match
(spurious) and matched statements whose speaker differs (wrong speaker). A developer's tool: it
prints the evaluation sentences, so never copy a line of its output into a rule or a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def error_arguments(description: str) -> argparse.ArgumentParser:
    """The options both error listings take: the graph, the gold file and the shared scorer."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--gold", required=True)
    parser.add_argument(
        "--scorer", default=str(Path(__file__).resolve().parents[1].parent / "shared/eval/score.py")
    )
    return parser


def load_scored(args: argparse.Namespace):
    """``(scorer module, graph, gold, Scorer)`` for a graph and a gold file, read by the shared scorer."""
    score = _load_scorer(Path(args.scorer))
    from rdflib import Graph

    graph = Graph()
    graph.parse(args.graph)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    return score, graph, gold, score.Scorer(graph, gold)


def main() -> None:
    parser = error_arguments(__doc__.splitlines()[0])
    parser.add_argument("--doc", default=None, help="only this document id")
    args = parser.parse_args()
    score, graph, gold, scorer = load_scored(args)
    sys_st = scorer._system_statements()
    cues = {str(s): str(c) for s, c in score.rows(graph, "SELECT ?s ?c WHERE { ?s kg:cue ?c }")}
    labels = {}
    for node, label in score.rows(graph, "SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }"):
        labels[str(node)] = str(label)
    speakers = {}
    for s, sp in score.rows(graph, "SELECT ?s ?sp WHERE { ?s kg:speaker ?sp }"):
        speakers[str(s)] = labels.get(str(sp), str(sp).rsplit("/", 1)[-1])
    matched_sys: set = set()
    missed, wrong = [], []
    for doc in gold["documents"]:
        if args.doc and doc != args.doc:
            continue
        cands = []
        golds = [x for x in gold["statements"] if x["doc"] == doc]
        for gs in golds:
            for sid, st in sys_st.items():
                if st["doc"] == doc:
                    f = score.token_f1(gs["content"], st["content"])
                    if f >= 0.5:
                        cands.append((f, gs["id"], sid))
        used_g: set = set()
        for _score, gid, sid in sorted(cands, reverse=True):
            if gid in used_g or sid in matched_sys:
                continue
            used_g.add(gid)
            matched_sys.add(sid)
            gs = next(x for x in golds if x["id"] == gid)
            if gs.get("speaker") and not scorer.same(gs["speaker"], sys_st[sid]["speaker"]):
                wrong.append((gs, sid))
        missed += [gs for gs in golds if gs["id"] not in used_g]
    print(f"## missed gold statements ({len(missed)})")
    for gs in missed:
        print(f"- {gs['id']} [{gs['cue']}] {gs['speaker_text']} ({gs['speaker']}): {gs['content'][:110]}")
    print(f"\n## wrong speaker ({len(wrong)})")
    for gs, sid in wrong:
        print(
            f"- {gs['id']} [{gs['cue']}] gold {gs['speaker_text']} ({gs['speaker']}) / kg "
            f"{speakers.get(str(sid), 'none')}: {gs['content'][:80]}"
        )
    spurious = [
        (sid, st)
        for sid, st in sys_st.items()
        if sid not in matched_sys and (not args.doc or st["doc"] == args.doc)
    ]
    print(f"\n## spurious system statements ({len(spurious)})")
    for sid, st in sorted(spurious, key=lambda x: (x[1]["doc"], str(x[0]))):
        print(
            f"- {st['doc']} [{cues.get(str(sid), '')}] {speakers.get(str(sid), 'none')}: "
            + st["content"][:100]
        )


if __name__ == "__main__":
    main()
