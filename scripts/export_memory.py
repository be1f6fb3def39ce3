"""Peak memory of ``kg export --to turtle`` and ``--to jsonld`` on real news (a measurement, not a test).

Builds the first N articles of news-bench with ``kg build FILE.jsonl -o OUT --outputs none``,
then runs each export in its own child process and reads that child's peak RSS from
``os.wait4``. The JSON-LD export must stay within twice the Turtle export's peak (issue 19:
the rdflib JSON-LD writer died with a MemoryError at 11 GB on a 6.4 M-triple graph).

    PYTHONPATH=$PWD .venv/bin/python scripts/export_memory.py --articles 300,1000

``--kg DIR`` runs the exports with another checkout's kg (e.g. the one before the change) on
the same built folder, for comparison.
"""

from __future__ import annotations

import argparse
import itertools
import lzma
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-bench" / "news-bench.jsonl.xz"
FORMATS = ("turtle", "jsonld")


def run_child(command: list[str], *, kg_path: Path) -> tuple[float, float]:
    """Run ``command`` with ``kg_path`` first on PYTHONPATH; its wall seconds and peak RSS in MB."""
    env = {**os.environ, "PYTHONPATH": str(kg_path)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a pipe left unread blocks the child once full
        # run in kg_path: ``python -m`` puts the working folder first on sys.path
        child = subprocess.Popen(command, cwd=kg_path, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024  # kB on Linux


def first_articles(data: Path, count: int, path: Path) -> Path:
    with lzma.open(data, "rt", encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, count))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", default="300", help="comma-separated corpus sizes")
    parser.add_argument(
        "--kg", type=Path, default=Path(__file__).resolve().parents[1], help="kg checkout to export with"
    )
    parser.add_argument("--work", type=Path, help="folder for the builds (default: a temporary one)")
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="kg-export-memory.") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        print("| articles | triples | format | seconds | peak RSS (MB) | file (MB) |")
        print("|---|---|---|---|---|---|")
        for count in (int(n) for n in args.articles.split(",")):
            jsonl = first_articles(args.data, count, work / f"news-{count}.jsonl")
            out = work / f"out-{count}"
            build = [sys.executable, "-m", "kg", "build", str(jsonl), "-o", str(out), "--outputs", "none"]
            run_child(build, kg_path=here)
            triples = _triples(out, kg_path=here)
            peaks = {}
            for fmt in FORMATS:
                target = work / f"graph-{count}.{fmt}"
                export = [sys.executable, "-m", "kg", "export", str(out), "--to", fmt, "-o", str(target)]
                seconds, peaks[fmt] = run_child(export, kg_path=args.kg)
                size = target.stat().st_size / 1e6
                print(f"| {count} | {triples} | {fmt} | {seconds:.1f} | {peaks[fmt]:.0f} | {size:.1f} |")
            print(f"| {count} | | jsonld / turtle peak | | {peaks['jsonld'] / peaks['turtle']:.2f} | |")
    return 0


def _triples(out: Path, *, kg_path: Path) -> int:
    code = "import sys, pyoxigraph as ox; print(len(ox.Store.read_only(sys.argv[1])))"
    found = subprocess.run(
        [sys.executable, "-c", code, str(out / "store")],
        cwd=kg_path,
        env={**os.environ, "PYTHONPATH": str(kg_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(found.stdout)


if __name__ == "__main__":
    sys.exit(main())
