"""Time ``kg build NEW -o GRAPH --append`` against graphs of several sizes (a benchmark, not a test).

Builds each base graph once (``--outputs none``), then for each run copies it (hard links, the
claim index copied: an append changes it in place) and times the append of the same new
articles under GNU time, reading the time per step from the append's report.md. Prints one
Markdown table: median wall seconds over the runs and the per-step seconds of the median run.

    python scripts/bench_append.py --work /tmp/kg/app --bases 2000,10000 --new 1000 --runs 2

``--pythonpath DIR`` runs another copy of the ``kg`` package (e.g. an older checkout's) for
before/after comparisons; its base graphs go to ``WORK/<label>-<size>``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import copy_graph, sample, timed_build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "news-bench" / "news-bench.jsonl.xz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--bases", default="2000,10000", help="sizes of the graphs appended to")
    parser.add_argument("--new", type=int, default=1000, help="articles appended (after the largest base)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pythonpath", help="run the kg package found here instead of this checkout's")
    parser.add_argument("--label", default="after")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in args.bases.split(",")]
    new = args.work / f"new-{args.new}.jsonl"
    if not new.exists():
        sample(args.data, args.new, new, skip=max(sizes))
    package = Path(args.pythonpath) if args.pythonpath else None
    store_only = ("--outputs", "none")
    rows = []
    for size in sizes:
        corpus, graph = args.work / f"base-{size}.jsonl", args.work / f"{args.label}-{size}"
        if not corpus.exists():
            sample(args.data, size, corpus)
        if not (graph / "report.md").exists():
            print(f"building {size} articles ({args.label}) …", file=sys.stderr)
            timed_build(corpus, graph, args.jobs, *store_only, package=package)
        runs = []
        for run in range(args.runs):
            target = args.work / f"{args.label}-{size}-append-{run}"
            copy_graph(graph, target)
            print(f"appending {args.new} to {size} ({args.label}, run {run + 1}) …", file=sys.stderr)
            done = timed_build(new, target, args.jobs, *store_only, "--append", package=package)
            runs.append((done["seconds"], done["stages"]))
        median = statistics.median(seconds for seconds, _ in runs)
        steps = min(runs, key=lambda run: abs(run[0] - median))[1]
        rows.append((size, median, steps))
    names = list(dict.fromkeys(name for _, _, steps in rows for name in steps))
    print(f"| {args.label}: graph | append {args.new} (s) | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 2) + "|")
    for size, median, steps in rows:
        print(f"| {size} | {median:.1f} | " + " | ".join(f"{steps.get(n, 0.0):.2f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
