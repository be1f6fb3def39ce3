"""Benchmark kg on real news (a benchmark, not a test): ``make bench``.

For each corpus size it samples articles from ``news-bench.jsonl.xz``, runs ``kg build`` in a
child process (wall time, peak RSS, time per stage from report.md), times the shipped SPARQL
queries on the result (median of several runs), and — in the same run, on the same text —
measures the shipped CRF NER against a CAMeLBERT-size token-classification transformer
(bert-base shape, random weights, dynamic padding), so the speed ratio is measured side by side.

    python scripts/bench.py --data ../shared/data/news-bench/news-bench.jsonl.xz \
        --sizes 1000,10000 --jobs 1,2 --out bench/results.md

Query latency alone, on a graph already built (first page, bound first page, every row), and
with ``--baseline-rev REV`` the queries of git revision REV beside the shipped ones (every row;
and whether both give the same rows — not for queries whose rows changed shape since):

    python scripts/bench.py --query-graph OUTDIR [--baseline-rev 2b23c5c]
"""

from __future__ import annotations

import argparse
import itertools
import json
import lzma
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDEX_FILE = "claims-index.sqlite"  # changed in place by an append (see copy_graph)


def sample(data: Path, size: int, target: Path, skip: int = 0) -> int:
    """Write ``size`` articles (after the first ``skip``) as kg JSONL; returns the number of
    whitespace tokens."""
    tokens = 0
    with lzma.open(data, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for line in itertools.islice(source, skip, skip + size):
            record = json.loads(line)
            tokens += len(record["text"].split())
            out.write(
                json.dumps(
                    {
                        "id": record["id"],
                        "text": record["text"],
                        "title": record.get("title") or "",
                        "date": record.get("date") or "",
                        "source": record.get("source") or "",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return tokens


def timed_build(corpus: Path, out: Path, jobs: int, *extra: str, package: Path | None = None) -> dict:
    """Run ``kg build`` under GNU time: wall seconds, peak RSS (MB) and per-stage seconds.

    ``package``: run the kg package of that checkout (``python -m kg`` with it on PYTHONPATH,
    from ``out``'s parent so that no other checkout shadows it) instead of this one's ``kg``.
    """
    kg = [str(ROOT / ".venv" / "bin" / "kg")] if package is None else [sys.executable, "-m", "kg"]
    command = ["/usr/bin/time", "-f", "%e %M", *kg, "build", str(corpus), "-o", str(out)]
    command += ["-q", "--jobs", str(jobs), *extra]
    env = None if package is None else {**os.environ, "PYTHONPATH": str(package)}
    cwd = None if package is None else out.parent
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    if done.returncode != 0:
        raise SystemExit(f"kg build failed:\n{done.stderr[-2000:]}")
    wall, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return {
        "seconds": float(wall),
        "peak_rss_mb": int(rss_kb) / 1024,
        "stages": stage_times(out / "report.md"),
    }


def stage_times(report: Path) -> dict[str, float]:
    text = report.read_text(encoding="utf-8").split("## Time per step", 1)[-1]
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\| ([\w:]+) \| ([\d.]+) \|$", text, re.M)}


def copy_graph(graph: Path, target: Path) -> None:
    """A copy of ``graph`` that an append may change without touching the original, on disk
    before the timed run starts.

    Files are hard links (an append replaces files, never rewrites them) but for the claim
    index, which it changes in place. A plain copy of a 50k-article graph (4 GB) left gigabytes
    of dirty pages whose write-back slowed the append timed next: its state load took 12 s
    instead of 5 s.
    """
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-al", str(graph), str(target)], check=True)
    if (target / INDEX_FILE).exists():
        (target / INDEX_FILE).unlink()
        shutil.copyfile(graph / INDEX_FILE, target / INDEX_FILE)
    os.sync()


def append_runs(
    data: Path, graphs: dict[int, Path], work: Path, size: int, skip: int, jobs: int
) -> list[dict]:
    """``kg build --append`` of ``size`` new articles: to every built graph (``graphs``: articles →
    output folder) with the store only (``--outputs none``), which shows how an append's time
    depends on the graph it joins; to the largest with all outputs rewritten too; beside a fresh
    build of the same ``size`` articles."""
    corpus = work / f"news-append-{size}.jsonl"
    tokens = sample(data, size, corpus, skip=skip)
    largest = max(graphs)
    plans = [(f"append to {n}, store only", graphs[n], ("--outputs", "none")) for n in sorted(graphs)]
    plans.append((f"append to {largest}, all outputs", graphs[largest], ()))
    runs = []
    for label, graph, extra in plans:
        target = work / f"append-{len(runs)}"
        copy_graph(graph, target)
        print(f"kg build --append: {size} articles ({label}) …", file=sys.stderr)
        runs.append(
            {
                "articles": size,
                "jobs": jobs,
                "tokens": tokens,
                "note": label,
                **timed_build(corpus, target, jobs, "--append", *extra),
            }
        )
        shutil.rmtree(target)
    print(f"kg build: {size} articles, fresh …", file=sys.stderr)
    fresh = timed_build(corpus, work / "append-fresh", jobs)
    runs.append(
        {"articles": size, "jobs": jobs, "tokens": tokens, "note": "fresh build, same articles", **fresh}
    )
    return runs


BASELINE_REV = "2b23c5c"  # the shipped queries before they were first rewritten for speed (issue 8)
PAGE = 100  # kg query's default page


def baseline_queries(rev: str) -> dict[str, str]:
    """The shipped queries as they were at git revision ``rev`` (empty if git cannot tell)."""
    from kg.query import named_queries

    texts = {}
    for name in named_queries():
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:kg/export/queries/{name}.rq"],
            capture_output=True,
            text=True,
            check=False,
        )
        if shown.returncode == 0:
            texts[name] = shown.stdout
    return texts


def _median_ms(run: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def query_latency(graph: Path, repeats: int = 5, baseline_rev: str | None = None) -> dict[str, dict]:
    """Median milliseconds of each shipped query on a build's on-disk store (as ``kg query`` opens
    it): the first page (``kg query``'s default), every row, the first page with a typical
    binding (``name`` = the label of the top speaker) where the query declares one, and the same
    for the queries of ``baseline_rev`` (which had no paging: every row), in the same run."""
    from kg.query import named_queries, open_store, parameters, run_query

    store = open_store(graph)
    queries = named_queries()
    top = run_query(store, queries["top-speakers"], limit=1).rows
    binding = {"name": top[0][0]} if top else {}
    old = baseline_queries(baseline_rev) if baseline_rev else {}
    latencies: dict[str, dict] = {}
    for name, text in queries.items():
        bound = binding if "name" in parameters(text) else None
        rows = len(run_query(store, text).rows)
        entry = {
            "page": _median_ms(lambda t=text: run_query(store, t, limit=PAGE), repeats),
            "middle": _median_ms(
                lambda t=text, o=rows // 2: run_query(store, t, limit=PAGE, offset=o), repeats
            ),
            "all": _median_ms(lambda t=text: run_query(store, t), repeats),
            "bound": _median_ms(lambda t=text, b=bound: run_query(store, t, bindings=b, limit=PAGE), repeats)
            if bound
            else None,
            "rows": rows,
        }
        if name in old:
            entry["old_all"] = _median_ms(lambda t=old[name]: run_query(store, t), repeats)
            old_bound = binding if "?name" in old[name] else None
            entry["old_bound"] = (
                _median_ms(lambda t=old[name], b=old_bound: run_query(store, t, bindings=b), repeats)
                if old_bound and bound
                else None
            )
            entry["same_answer"] = sorted(run_query(store, old[name]).rows) == sorted(
                run_query(store, text).rows
            )
        latencies[name] = entry
    return {"binding": binding, "queries": latencies, "baseline": baseline_rev if old else None}


def render_latency(latencies: dict) -> list[str]:
    """The query-latency table: old (every row, as ``kg query`` answered before paging) beside new."""
    binding = latencies["binding"].get("name", "")
    baseline = latencies["baseline"]

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    lines = [
        f"Median of 5 runs, ms. *page*: the first {PAGE} rows (`kg query`'s default); *middle*: "
        f"{PAGE} rows from the middle of the answer (`--offset`); *all*: every row "
        f"(`--limit 0`); *bound*: first page with `--bind name={binding}` (the top speaker). "
        + (f"*old*: the queries of `{baseline}`, every row (there was no paging)." if baseline else ""),
        "",
        "| query | rows | old all | old bound | new page | new middle | new bound | new all "
        "| old/new page | same answer |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, e in latencies["queries"].items():
        ratio = f"{e['old_all'] / e['page']:.1f}×" if e.get("old_all") else "–"
        same = {True: "yes", False: "**no**", None: "–"}[e.get("same_answer")]
        lines.append(
            f"| {name} | {e['rows']} | {ms(e.get('old_all'))} | {ms(e.get('old_bound'))} | {ms(e['page'])} | "
            f"{ms(e['middle'])} | {ms(e['bound'])} | {ms(e['all'])} | {ratio} | {same} |"
        )
    return lines


def ner_side_by_side(corpus: Path, words: int = 3000) -> dict:
    """Tokens/s of the CRF backend and of a bert-base-shaped token classifier on the same text."""
    from kg.arabic.tokens import sentence_spans, token_spans
    from kg.ner import load_backend

    sentences: list[list[str]] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            for start, end in sentence_spans(text):
                sentences.append([text[s:e] for s, e in token_spans(text, start, end)])
            if sum(map(len, sentences)) >= words:
                break
    count = sum(map(len, sentences))
    crf = load_backend("crf")
    started = time.perf_counter()
    crf.tag(sentences)
    crf_rate = count / (time.perf_counter() - started)
    return {"tokens": count, "crf_tokens_per_s": crf_rate, **transformer_rate(sentences)}


def transformer_rate(sentences: list[list[str]], batch: int = 32) -> dict:
    try:
        import torch
        from transformers import BertConfig, BertForTokenClassification
    except ImportError as error:  # torch comes with camel-tools; say so if it is missing
        return {"transformer": f"not measured: {error}"}
    torch.manual_seed(0)
    torch.set_num_threads(1)
    model = BertForTokenClassification(BertConfig(num_labels=9)).eval()  # bert-base shape, random weights
    # ~1.4 word pieces per Arabic word (CAMeLBERT's vocabulary); random ids of that length
    lengths = [max(1, round(len(s) * 1.4)) + 2 for s in sentences]
    started = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(lengths), batch):
            chunk = lengths[i : i + batch]
            width = min(512, max(chunk))
            ids = torch.randint(1000, 30000, (len(chunk), width))
            mask = torch.tensor([[1] * min(n, width) + [0] * (width - min(n, width)) for n in chunk])
            model(input_ids=ids, attention_mask=mask)
    seconds = time.perf_counter() - started
    words = sum(len(s) for s in sentences)
    return {"transformer_tokens_per_s": words / seconds, "transformer": "bert-base shape, 1 thread, batch 32"}


def render(results: list[dict], ner: dict, latencies: dict, graph_size: str) -> str:
    lines = [
        "# kg benchmark",
        "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M')} by `scripts/bench.py` "
        "(2-core machine; medians where repeated; ratios measured in the same run).",
        "",
        "## End to end",
        "",
        "| articles | jobs | run | seconds | articles/s | tokens/s | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['articles']} | {r['jobs']} | {r.get('note', 'build')} | {r['seconds']:.1f} | "
            f"{r['articles'] / r['seconds']:.1f} | "
            f"{r['tokens'] / r['seconds']:.0f} | {r['peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "## Time per stage (s)",
        "",
        "`export:turtle` is written by Oxigraph in a thread beside the other exports, so the stage "
        "times add up to more than the wall time.",
        "",
    ]
    stages = sorted(
        {s for r in results for s in r["stages"]},
        key=lambda s: list(results[0]["stages"]).index(s) if s in results[0]["stages"] else 99,
    )
    lines += ["| articles | jobs | " + " | ".join(stages) + " |", "|---|---|" + "---|" * len(stages)]
    for r in results:
        lines.append(
            f"| {r['articles']} | {r['jobs']}{' (' + r['note'] + ')' if 'note' in r else ''} | "
            + " | ".join(f"{r['stages'].get(s, 0):.1f}" for s in stages)
            + " |"
        )
    lines += ["", f"## SPARQL latency on the largest graph ({graph_size})", "", *render_latency(latencies)]
    lines += [
        "",
        "## NER speed, same text, one thread",
        "",
        "| backend | tokens/s |",
        "|---|---|",
        f"| CRF (shipped) | {ner['crf_tokens_per_s']:.0f} |",
    ]
    if "transformer_tokens_per_s" in ner:
        ratio = ner["crf_tokens_per_s"] / ner["transformer_tokens_per_s"]
        rate = ner["transformer_tokens_per_s"]
        lines += [
            f"| bert-base-size token classifier ({ner['transformer']}) | {rate:.0f} |",
            "",
            f"CRF / transformer speed ratio: **{ratio:.0f}×** on {ner['tokens']} tokens.",
        ]
    else:
        lines += ["", f"Transformer {ner['transformer']}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, help="news-bench.jsonl.xz (not needed with --query-graph)")
    parser.add_argument(
        "--query-graph",
        type=Path,
        help="only time the shipped queries on this built output folder (old beside new) and print the table",
    )
    parser.add_argument(
        "--baseline-rev",
        default=None,
        help=f"also time the queries of this git revision, every row (e.g. {BASELINE_REV}); "
        "slow on large graphs",
    )
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument(
        "--append",
        type=int,
        default=0,
        help="then append this many further articles to every graph built (store only) and to the "
        "largest (all outputs)",
    )
    args = parser.parse_args(argv)
    if args.query_graph:
        print("\n".join(render_latency(query_latency(args.query_graph, baseline_rev=args.baseline_rev))))
        return 0
    if args.data is None:
        parser.error("--data is required (or --query-graph)")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        graphs: dict[int, Path] = {}  # articles → the output of the last --jobs value
        for size in map(int, args.sizes.split(",")):
            corpus = work / f"news-{size}.jsonl"
            tokens = sample(args.data, size, corpus)
            for jobs in map(int, args.jobs.split(",")):
                out = work / f"out-{size}-{jobs}"
                print(f"kg build: {size} articles, --jobs {jobs} …", file=sys.stderr)
                result = timed_build(corpus, out, jobs)
                results.append({"articles": size, "jobs": jobs, "tokens": tokens, **result})
                graphs[size] = out
        largest = graphs[max(graphs)]
        latencies = query_latency(largest, baseline_rev=args.baseline_rev)
        graph_size = f"{sum(1 for _ in (largest / 'graph.ttl').open(encoding='utf-8'))} Turtle lines"
        if args.append:
            results += append_runs(args.data, graphs, work, args.append, max(graphs), jobs)
        ner = ner_side_by_side(work / f"news-{args.sizes.split(',')[0]}.jsonl")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(results, ner, latencies, graph_size), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
