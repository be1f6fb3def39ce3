"""Resolution audit of a built graph: is each much-mentioned person one node, and are labels clean?

    python scripts/resolution_audit.py OUT [--top 50]
    python scripts/resolution_audit.py --input news.jsonl [--top 50]   # runs ingest..resolve only

Prints, for the ``--top`` persons with the most mentions, every other person node whose label
ends with the same surname (folded as ``kg.stages.resolve`` folds names): each such node is a
split to check by hand (ترمب apart from ترامب) or a different person (ميلانيا ترامب). Then the
share of entity labels that hold stray punctuation, start like a proclitic (and, stricter, those
whose rest is another label: والقاعدة beside القاعدة, not بالميراس), or run over a reporting
verb (a verbal noun does not count), with examples. Reads the store in OUT; writes nothing.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

from kg.arabic.cues import load_cues
from kg.arabic.normalize import key
from kg.query import open_store, run_query
from kg.stages.resolve import name_skeleton, person_key

PERSONS = """PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?label (COUNT(?m) AS ?n) WHERE {
  ?e a kg:Person ; skos:prefLabel ?label . ?m kg:refersTo ?e } GROUP BY ?e ?label"""
LABELS = """PREFIX kg: <https://w3id.org/arabic-news-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label WHERE { ?e skos:prefLabel ?label }"""

# A dot between two letters belongs to an abbreviation (إن.بي.سي، G.R.M), not to the sentence.
PUNCTUATION = re.compile(r"[«»\"“”,،:؛!?()]|\.(?!(?<=\w\.)\w)")
# Proclitics that no name starts with when they are followed by ال or a known name: وال، بال، لل، فال.
CLITIC_START = re.compile(r"^(?:وال|بال|فال|لل)")


def without_clitic(label_key: str) -> str:
    """The label's key without a leading و/ب/ف + ال or لل (للقاعدة → القاعدة); "" if none."""
    if label_key.startswith("لل"):
        return "ال" + label_key[2:]
    return label_key[1:] if CLITIC_START.match(label_key) else ""


def surname(label: str) -> str:
    words = person_key(label).split()
    return name_skeleton(words[-1]) if words else ""


def store_rows(store) -> tuple[list[tuple[str, str, int]], list[str]]:
    """(node, label, mentions) of every person, and every entity label, from a built store."""
    persons = [(r[0], r[1], int(r[2])) for r in run_query(store, PERSONS).rows]
    return persons, [r[0] for r in run_query(store, LABELS).rows]


def corpus_rows(path: str) -> tuple[list[tuple[str, str, int]], list[str]]:
    """The same, from the stages up to resolve run on ``path`` (no store, no exports)."""
    from kg.pipeline import run

    corpus, _ = run([path], stages=("ingest", "segment", "ner", "resolve"), jobs=2)
    counts = Counter(corpus.mention_entity.values())
    persons = [
        (e.entity_id, e.canonical, counts[e.entity_id]) for e in corpus.entities if e.label == "PERSON"
    ]
    return persons, [e.canonical for e in corpus.entities]


def person_report(rows: list[tuple[str, str, int]], top: int) -> list[str]:
    rows.sort(key=lambda row: -row[2])
    by_surname: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for row in rows:
        by_surname[surname(row[1])].append(row)
    lines, single = [], 0
    for node, label, count in rows[:top]:
        others = [r for r in by_surname[surname(label)] if r[0] != node and r[2] >= 5]
        single += not others
        shown = "; ".join(f"{o[1]} ({o[2]})" for o in others[:6]) or "-"
        lines.append(f"{count:6d}  {label}  | other nodes with the surname, 5+ mentions: {shown}")
    lines.insert(
        0,
        f"{single} of the {min(top, len(rows))} most-mentioned persons have no other node with their surname",
    )
    return lines


def label_report(labels: list[str]) -> list[str]:
    cues = load_cues()
    flagged = defaultdict(list)
    keys = {key(label) for label in labels}
    for label in labels:
        if PUNCTUATION.search(label):
            flagged["punctuation"].append(label)
        if CLITIC_START.match(key(label)):
            flagged["starts like a clitic (بال، وال، فال، لل)"].append(label)
            if without_clitic(key(label)) in keys:  # بالميراس is a name; والقاعدة beside القاعدة is not
                flagged["leading clitic (the label without it is another label)"].append(label)
        if any(_verb_form(cues, word) for word in label.split()):
            flagged["reporting verb"].append(label)
    lines = [f"{len(labels)} entity labels"]
    for kind, found in sorted(flagged.items()):
        share = 100 * len(found) / max(1, len(labels))
        lines.append(f"{kind}: {len(found)} ({share:.2f} %), e.g. {' | '.join(found[:8])}")
    return lines


def _verb_form(cues, word: str) -> bool:
    """Whether ``word`` is a reporting verb (قال، وأضاف، يؤكد), not a verbal noun or a noun that
    names things (البيان، المؤتمر، الاتهام are labels of their own)."""
    form = cues.lookup(key(word))
    return form is not None and form.kind in ("past", "present")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="an output folder of kg build")
    parser.add_argument("--input", help="articles to run ingest..resolve on instead of reading OUT")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    if not args.out and not args.input:
        parser.error("give an output folder or --input")
    persons, labels = corpus_rows(args.input) if args.input else store_rows(open_store(args.out))
    print("\n".join(person_report(persons, args.top)))
    print()
    print("\n".join(label_report(labels)))


if __name__ == "__main__":
    main()
