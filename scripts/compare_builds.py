"""Time ``kg build`` of one corpus with this checkout and with an earlier git revision, side by side.

    .venv/bin/python scripts/compare_builds.py CORPUS --base REV [--runs 3] [--jobs 2]
        [--append MORE]

The two versions run alternately (base, this, base, this ...) so that the machine's noise falls
on both; the table gives the median wall time, peak RSS and time per step of each, and whether
the last runs wrote the same graph.ttl, graph.html and neo4j/ files byte for byte. With
``--append MORE``, each run builds CORPUS first and the figures are those of appending MORE.
The base revision is checked out in a temporary git worktree; both use this checkout's .venv.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import timed_build  # noqa: E402  (scripts/ is not a package)

COMPARED = ("graph.ttl", "graph.html", "neo4j")


def run_once(source: Path, work: Path, name: str, args: argparse.Namespace) -> dict:
    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    built = timed_build(args.corpus, out, args.jobs, package=source)
    return (
        built if args.append is None else timed_build(args.append, out, args.jobs, "--append", package=source)
    )


def same_files(first: Path, second: Path) -> dict[str, bool]:
    found = {}
    for name in COMPARED:
        a, b = first / name, second / name
        if a.is_dir() and b.is_dir():
            compared = filecmp.dircmp(a, b)
            found[name] = not (compared.diff_files or compared.left_only or compared.right_only)
        elif a.is_file() and b.is_file():
            found[name] = filecmp.cmp(a, b, shallow=False)
    return found


def render(results: dict[str, list[dict]], same: dict[str, bool], base: str) -> str:
    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    steps = list(dict.fromkeys(s for runs in results.values() for r in runs for s in r["stages"]))
    lines = [f"| | {base} | this checkout | ratio |", "|---|---|---|---|"]
    for key, label in (("seconds", "wall (s)"), ("peak_rss_mb", "peak RSS (MB)")):
        old, new = median("base", key), median("this", key)
        lines.append(f"| {label} | {old:.1f} | {new:.1f} | {new / old:.2f} |")
    for step in steps:
        old = statistics.median(r["stages"].get(step, 0.0) for r in results["base"])
        new = statistics.median(r["stages"].get(step, 0.0) for r in results["this"])
        ratio = f"{new / old:.2f}" if old else "–"
        lines.append(f"| {step} (s) | {old:.2f} | {new:.2f} | {ratio} |")
    lines += ["", "Same files: " + ", ".join(f"{n} {'yes' if ok else 'NO'}" for n, ok in same.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="input of kg build (.jsonl, folder ...)")
    parser.add_argument("--base", required=True, help="git revision to compare with (e.g. HEAD~3)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each version (median)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--append", type=Path, help="time appending this input to a build of CORPUS")
    args = parser.parse_args(argv)
    args.corpus = args.corpus.resolve()
    args.append = args.append.resolve() if args.append else None
    with tempfile.TemporaryDirectory(prefix="kg-compare.") as tmp:
        work = Path(tmp)
        tree = work / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), args.base], check=True
        )
        try:
            results: dict[str, list[dict]] = {"base": [], "this": []}
            for index in range(args.runs):
                for name, source in (("base", tree), ("this", ROOT)):
                    print(f"run {index + 1}/{args.runs}: {name} …", file=sys.stderr)
                    results[name].append(run_once(source, work, f"out-{name}", args))
            print(render(results, same_files(work / "out-base", work / "out-this"), args.base))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
