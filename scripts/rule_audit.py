"""Count where each construction rule of the ``attribute`` stage fires on news-bench articles.

    python scripts/rule_audit.py sample --data NEWS_BENCH.jsonl.xz --size 2000 --out SAMPLE.jsonl
    python scripts/rule_audit.py prepare SAMPLE.jsonl --out CORPUS.pickle
    python scripts/rule_audit.py count CORPUS.pickle [--json OUT.json] [--examples 3]
    python scripts/rule_audit.py knockout CORPUS.pickle [--rule verbs.negated ...] [--json OUT.json]
    python scripts/rule_audit.py prepare-tests tests/test_attribute_news.py ... --out TESTS.pickle
    python scripts/rule_audit.py texts tests/test_attribute_news.py ... [--json OUT.json]
    python scripts/rule_audit.py table --count C.json --knock K.json --tests-knock T.json tests/...
    python scripts/rule_audit.py time CORPUS.pickle [--runs 3]

``sample`` takes every k-th article of news-bench, leaving out any article that shares a run of
five words or more with ``../shared/corpus`` (the evaluation articles, as ``echo-check`` reads
them). ``prepare`` runs the stages before ``attribute`` on it once and pickles the corpus.
``count`` wraps every rule function of :data:`RULES` with a counter and runs the attribute stage:
a rule *fires* when it returns something true (a frame, a span, True, a non-empty list); the
table gives per rule the articles it fires in and the first sentences where it does.
``knockout`` switches each rule off in turn (it returns False, None or [], or does nothing) and
counts the articles whose statements change, with the first such paragraph; ``prepare-tests``
makes the same input of the quoted cases of test modules. ``table`` writes the audit table from
those JSON files: per rule, its construction (docstring), the articles it fires in and changes,
and the first test case it changes (with the news-bench id cited above the case). ``texts``
does the same on the quoted news-bench cases (``CASES``/``*_CASES`` dicts) of test modules, to
see which test sentence exercises which rule. ``time`` prints the median seconds of the attribute
stage alone over the pickled corpus. A developer's tool for the audit of
``docs/attribution-rules.md``; it reads no gold file.
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib
import json
import lzma
import pickle
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GRAM = 5
MODULES = (
    "kg.stages.attribution.common",
    "kg.stages.attribution.cues",
    "kg.stages.attribution.content",
    "kg.stages.attribution.subjects",
    "kg.stages.attribution.speakers",
    "kg.stages.attribution.verb_subjects",
    "kg.stages.attribution.verbs",
    "kg.stages.attribution.nouns",
    "kg.stages.attribution.headlines",
    "kg.stages.attribution.frames",
    "kg.stages.attribute",
)
# Helpers that decide no construction (offsets, lookups, dispatch, bookkeeping): not counted.
NOT_RULES = frozenset(
    {
        "skip_space",
        "trim_end",
        "_clitic_length",
        "_continues_into_quote",
        "phrase_at",
        "first_word_key",
        "entity_label",
        "run",
        "process_doc",
        "finish",
        "out_last",
        "_country_head",
        "_formal_heads",
        "title_heads",
        "_title_word",
        "_gender",
        "window_candidates",
        "_segment_start",
        "_before_bracket",
        "_skip_parenthetical",
        "_host_of",
        "_nested_in_any",
        "_link_nested",
        "_via",
        "_kind",
        "_confidence",
        "_about",
        "find_frames",
        "analyse_cue",
        "headline_frames",
        "strip_clitics",
        "_is_outlet",
        "_finite_cue_at",
        "_adverbial_word",
        "_noun_like",
        "_complementizer_next",
        "_is_participle_cue",
        "_title_body",
        "_same_body",
        "without_intensifiers",
    }
)


def words(text: str) -> list[str]:
    """Arabic words folded as ``echo-check`` folds them."""
    text = re.sub("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]", "", text)
    text = re.sub("[إأآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.findall(r"[\u0621-\u064a]+", text)


def grams(text: str) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i : i + GRAM]) for i in range(len(ws) - GRAM + 1)}


@functools.cache
def eval_grams() -> frozenset[tuple[str, ...]]:
    """Five-word runs of every evaluation article (``../shared/corpus/*/*.txt``)."""
    found: set[tuple[str, ...]] = set()
    for path in sorted((SHARED / "corpus").glob("*/*.txt")):
        found |= grams(path.read_text(encoding="utf-8"))
    return frozenset(found)


def echoes_eval(text: str, *, limit: int = 2) -> bool:
    """Whether a text shares more than ``limit`` five-word runs with the evaluation articles."""
    return len(grams(text) & eval_grams()) > limit


def sample(data: Path, size: int, out: Path, stride: int, offset: int = 0) -> None:
    kept = 0
    with lzma.open(data, "rt", encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            if number % stride != offset or kept >= size:
                continue
            article = json.loads(line)
            if echoes_eval(article["text"]):
                continue
            row = {name: article[name] for name in ("id", "title", "text")}
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            kept += 1
    print(f"{kept} articles -> {out}")


def prepare(sample_path: Path, out: Path) -> None:
    from kg.pipeline import STAGES, run

    stages = STAGES[: STAGES.index("attribute")]
    started = time.perf_counter()
    corpus, report = run([sample_path], stages=stages)
    out.write_bytes(pickle.dumps(corpus))
    print(f"{len(corpus.documents)} documents, {time.perf_counter() - started:.0f}s {report.timings}")


def rule_functions() -> Iterator[tuple[ModuleType, str, Callable[..., Any]]]:
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in list(vars(module).items()):
            if (
                callable(value)
                and getattr(value, "__module__", None) == name
                and not isinstance(value, type)
                and attr not in NOT_RULES
                and not hasattr(value, "cache_info")
            ):
                yield module, attr, value


class Counter:
    """Per rule: the documents it fired in and the first sentences where it did."""

    def __init__(self, examples: int) -> None:
        self.examples = examples
        self.docs: dict[str, set[str]] = {}
        self.seen: dict[str, list[tuple[str, str]]] = {}
        self.view: Any = None

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        procedure = func.__annotations__.get("return") in (None, "None")  # a step: count its calls

        @functools.wraps(func)
        def counted(*args: Any, **kwargs: Any) -> Any:
            result = func(*args, **kwargs)
            if procedure or (result and result != -1):
                self.record(label, args)
            return result

        return counted

    def enter(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap ``process_doc`` so that rules without a view argument know their document."""

        @functools.wraps(func)
        def entered(doc: Any, *args: Any, **kwargs: Any) -> Any:
            self.view = None
            self.doc_id = doc.doc_id
            return func(doc, *args, **kwargs)

        return entered

    def record(self, label: str, args: tuple[Any, ...]) -> None:
        view = next((a for a in args if hasattr(a, "doc") and hasattr(a, "tokens")), None)
        if view is not None:
            self.view = view
        doc_id = view.doc.doc_id if view is not None else getattr(self, "doc_id", "")
        self.docs.setdefault(label, set()).add(doc_id)
        shown = self.seen.setdefault(label, [])
        if len(shown) < self.examples and all(d != doc_id for d, _ in shown) and self.view is not None:
            sent = _sentence_of(self.view, args)
            if sent is None:
                return
            text = self.view.text[self.view.sentence_start(sent) : self.view.sentence_end(sent)]
            shown.append((doc_id, text))


def _sentence_of(view: Any, args: tuple[Any, ...]) -> int | None:
    """The sentence a rule looked at: of its token, its frame's cue, its candidate or token index."""
    for arg in args:
        if hasattr(arg, "sent") and hasattr(arg, "start"):
            return arg.sent
        if hasattr(arg, "cue") and hasattr(arg.cue, "sent"):
            return arg.cue.sent
        if hasattr(arg, "first") and isinstance(arg.first, int) and arg.first < len(view.tokens):
            return view.tokens[arg.first].sent
        if isinstance(arg, list) and arg and hasattr(arg[0], "sent"):
            return arg[0].sent
    ints = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    if ints and 0 <= ints[0] < len(view.tokens):
        return view.tokens[ints[0]].sent
    return None


def install(counter: Counter) -> None:
    """Replace every rule function by a counting one, in every module that imported it."""
    modules = [importlib.import_module(name) for name in MODULES]
    for owner, attr, func in list(rule_functions()):
        label = f"{owner.__name__.rsplit('.', 1)[-1]}.{attr}"
        wrapped = counter.wrap(label, func)
        for module in modules:
            if vars(module).get(attr) is func:
                setattr(module, attr, wrapped)
    stage = importlib.import_module("kg.stages.attribute")
    stage.process_doc = counter.enter(stage.process_doc)  # type: ignore[attr-defined]


def count(corpus_path: Path, examples: int, out: Path | None) -> None:
    from kg.pipeline import run

    corpus = pickle.loads(corpus_path.read_bytes())
    counter = Counter(examples)
    install(counter)
    run([], stages=("attribute",), corpus=corpus, on_error="raise")
    report(counter, len(corpus.documents), out)


def _fingerprint(corpus: Any) -> dict[str, set[tuple[Any, ...]]]:
    """Per document, its statements as comparable tuples (no ids)."""
    out: dict[str, set[tuple[Any, ...]]] = {}
    for stmt in corpus.statements:
        row = (
            stmt.cue.start,
            stmt.content.start,
            stmt.content.end,
            stmt.speaker,
            stmt.speaker_kind,
            stmt.polarity,
            stmt.via,
            stmt.addressee,
            stmt.kind,
        )
        out.setdefault(stmt.doc_id, set()).add(row)
    return out


def _knocked(func: Callable[..., Any]) -> Callable[..., Any]:
    """The rule switched off: it never fires (False, None, [] or a no-op, by its annotation)."""
    returns = str(func.__annotations__.get("return", ""))
    value: Any = False if returns == "bool" else [] if returns.startswith("list") else None
    if returns.endswith("| None"):
        value = None  # list[...] | None: None is "does not apply"
    return lambda *args, **kwargs: value


def knockout(corpus_path: Path, names: list[str], out: Path | None) -> None:
    """Per rule: the documents whose statements change when it is switched off, with one example."""
    from kg.pipeline import run

    corpus = pickle.loads(corpus_path.read_bytes())
    base = _fingerprint(run([], stages=("attribute",), corpus=corpus, on_error="raise")[0])
    texts_by_doc = {doc.doc_id: doc.text for doc in corpus.documents}
    modules = [importlib.import_module(name) for name in MODULES]
    results: dict[str, Any] = {}
    for owner, attr, func in list(rule_functions()):
        label = f"{owner.__name__.rsplit('.', 1)[-1]}.{attr}"
        if names and label not in names and attr not in names:
            continue
        holders = [m for m in modules if vars(m).get(attr) is func]
        for module in holders:
            setattr(module, attr, _knocked(func))
        try:
            changed = _fingerprint(run([], stages=("attribute",), corpus=corpus, on_error="skip")[0])
        finally:
            for module in holders:
                setattr(module, attr, func)
        docs = sorted(d for d in set(base) | set(changed) if base.get(d) != changed.get(d))
        example = None
        if docs:
            lost = sorted(base.get(docs[0], set()) - changed.get(docs[0], set()), key=str)
            row = lost[0] if lost else sorted(changed.get(docs[0], set()), key=str)[0]
            text = texts_by_doc[docs[0]]
            start = text.rfind("\n", 0, row[0]) + 1
            end = text.find("\n", row[0])
            example = [docs[0], text[start : end if end >= 0 else len(text)]]
        results[label] = {"changed": len(docs), "example": example, "documents": docs[:100]}
        print(f"{len(docs):6d}  {label}", flush=True)
    if out is not None:
        out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


def report(counter: Counter, documents: int, out: Path | None) -> None:
    table = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{attr}": len(
            counter.docs.get(f"{module.__name__.rsplit('.', 1)[-1]}.{attr}", ())
        )
        for module, attr, _ in rule_functions()
    }
    print(f"{documents} documents")
    for label, docs in sorted(table.items(), key=lambda item: item[1]):
        print(f"{docs:6d}  {label}")
    if out is not None:
        payload = {"documents": documents, "fires": table, "examples": counter.seen}
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def test_cases(paths: list[Path]) -> dict[str, str]:
    """``{test module:case: text}`` of the ``CASES``-like string dicts of test modules."""
    cases: dict[str, str] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)):
                continue
            for k, v in zip(node.value.keys, node.value.values, strict=True):
                try:
                    name, text = ast.literal_eval(k), ast.literal_eval(v)  # type: ignore[arg-type]
                except ValueError:
                    continue
                if isinstance(text, tuple) and text and isinstance(text[0], str):
                    text = text[0]  # CONTENT_CASES: (text, expected)
                if isinstance(name, str) and isinstance(text, str) and len(text) > 20:
                    cases[f"{path.stem}:{name}"] = text
    return cases


def prepare_tests(paths: list[Path], out: Path) -> None:
    """Pickle the quoted cases of test modules, run up to the attribute stage (document id
    ``module.case``), for ``knockout``: which rule changes which test sentence."""
    import tempfile

    from kg.pipeline import STAGES, run

    with tempfile.TemporaryDirectory() as folder:
        for name, text in test_cases(paths).items():
            (Path(folder) / f"{name.replace(':', '.')}.txt").write_text(text, encoding="utf-8")
        corpus, _ = run([folder], stages=STAGES[: STAGES.index("attribute")])
    out.write_bytes(pickle.dumps(corpus))
    print(f"{len(corpus.documents)} test cases -> {out}")


def texts(paths: list[Path], out: Path | None) -> None:
    import tempfile

    from kg.pipeline import run

    cases = test_cases(paths)
    counter = Counter(examples=100)
    install(counter)
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(cases.values()):
            (Path(folder) / f"case{number:03d}.txt").write_text(text, encoding="utf-8")
        run([folder])
    names = list(cases)
    by_rule = {
        label: sorted(names[int(doc.removeprefix("case"))] for doc in docs)
        for label, docs in counter.docs.items()
    }
    for label, found in sorted(by_rule.items()):
        print(f"{label}: {', '.join(found)}")
    if out is not None:
        out.write_text(json.dumps(by_rule, ensure_ascii=False, indent=1), encoding="utf-8")


_ID = re.compile(r"(ant:[A-Za-z]+-[A-Za-z]+-\d+-\d+|saudinewsnet:[\d-]+:\d+)")


def case_comments(paths: list[Path]) -> dict[str, str]:
    """``module.case`` -> the comment lines right above the case in its dict."""
    found: dict[str, str] = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = re.match(r'\s+"(\w+)": ', line)
            back = number - 1
            while match and back >= 0 and lines[back].strip().startswith("#"):
                back -= 1
            if match:
                found[f"{path.stem}.{match.group(1)}"] = " ".join(lines[back + 1 : number])
    return found


def case_ids(paths: list[Path]) -> dict[str, str]:
    """``module.case`` -> the news-bench id cited in the comment right above the case."""
    found: dict[str, str] = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = re.match(r'\s+"(\w+)": ', line)
            if not match:
                continue
            back = number - 1
            while back >= 0 and lines[back].strip().startswith("#"):
                ids = _ID.findall(lines[back])
                if ids:
                    found[f"{path.stem}.{match.group(1)}"] = ids[0]
                    break
                back -= 1
    return found


def case_tests(paths: list[Path]) -> dict[str, list[str]]:
    """``module.case`` -> the test functions whose source names the case (as a string literal),
    and ``module.function`` -> the test functions that call a rule function directly."""
    found: dict[str, list[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        dicts = {
            node.targets[0].id: [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Dict)
        }
        for node in tree.body:
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    found.setdefault(f"{path.stem}.{inner.value}", []).append(node.name)
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name):
                    found.setdefault(f"call.{inner.func.id}", []).append(f"{path.stem}::{node.name}")
            decorators = [d for d in node.decorator_list if isinstance(d, ast.Call)]
            for decorator in decorators:
                for inner in ast.walk(decorator):
                    if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                        found.setdefault(f"{path.stem}.{inner.value}", []).append(node.name)
                    if isinstance(inner, ast.Name) and inner.id in dicts:
                        for case in dicts[inner.id]:  # parametrize over sorted(CONTENT_CASES)
                            found.setdefault(f"{path.stem}.{case}", []).append(node.name)
    return found


def _construction(func: Callable[..., Any]) -> str:
    """The first sentence of a rule's docstring, on one line."""
    doc = " ".join((func.__doc__ or "").split())
    cut = re.search(r"(?<=[.;])\s", doc)
    text = doc[: cut.start()] if cut else doc
    return (text[:157] + "…" if len(text) > 160 else text).replace("|", "/")


def table(
    count_json: Path, knock_json: Path, tests_knock_json: Path, paths: list[Path], rare_json: Path | None
) -> None:
    """The audit table (markdown) of ``docs/attribution-rules.md`` from the JSON of ``count``,
    ``knockout`` on news-bench and ``knockout`` on the quoted test cases (and, for rules that
    change few articles, ``knockout`` on a second, larger sample)."""
    fires = json.loads(count_json.read_text(encoding="utf-8"))
    knocked = json.loads(knock_json.read_text(encoding="utf-8"))
    on_tests = json.loads(tests_knock_json.read_text(encoding="utf-8"))
    rare = json.loads(rare_json.read_text(encoding="utf-8")) if rare_json else {}
    ids, tests, comments = case_ids(paths), case_tests(paths), case_comments(paths)
    print("| rule | construction | fires | changes | news-bench example | test |")
    print("| --- | --- | ---: | ---: | --- | --- |")
    for module, attr, func in rule_functions():
        label = f"{module.__name__.rsplit('.', 1)[-1]}.{attr}"
        cases = [c for c in on_tests.get(label, {}).get("documents", []) if c in ids]
        named = {c for c in cases if label in comments.get(c, "")}  # the case written for this rule
        cases.sort(key=lambda c: (c not in named, c.startswith("test_attribution_rules"), c))
        example = test = "none"
        if cases:
            case = cases[0]
            example = f"{ids[case]} (`{case.split('.', 1)[1]}`)"
            names = sorted(set(tests.get(f"{case.split('.')[0]}.{case.split('.', 1)[1]}", [])))
            test = ", ".join(f"`{case.split('.')[0]}::{n}`" for n in names[:2]) or f"`{case.split('.')[0]}`"
        elif tests.get(f"call.{attr}"):
            test = ", ".join(f"`{n}`" for n in sorted(set(tests[f"call.{attr}"]))[:2]) + " (direct call)"
        changes = str(knocked.get(label, {}).get("changed", "?"))
        if label in rare:
            changes += f" ({rare[label]['changed']} on the second sample)"
        row = (f"`{label}`", _construction(func), fires["fires"].get(label, 0), changes, example, test)
        print("| " + " | ".join(map(str, row)) + " |")


def timing(corpus_path: Path, runs: int) -> None:
    from kg.pipeline import run

    corpus = pickle.loads(corpus_path.read_bytes())
    seconds = []
    for _ in range(runs):
        _, rep = run([], stages=("attribute",), corpus=corpus)
        seconds.append(rep.timings["attribute"])
    per = statistics.median(seconds) / max(1, len(corpus.documents)) * 1000
    print(f"attribute: median {statistics.median(seconds):.2f}s of {seconds} ({per:.2f} ms/article)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample")
    p.add_argument("--data", type=Path, default=SHARED / "data/news-bench/news-bench.jsonl.xz")
    p.add_argument("--size", type=int, default=2000)
    p.add_argument("--stride", type=int, default=34)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("prepare")
    p.add_argument("sample", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("count")
    p.add_argument("corpus", type=Path)
    p.add_argument("--examples", type=int, default=3)
    p.add_argument("--json", type=Path)
    p = sub.add_parser("knockout")
    p.add_argument("corpus", type=Path)
    p.add_argument("--rule", action="append", default=[])
    p.add_argument("--json", type=Path)
    p = sub.add_parser("prepare-tests")
    p.add_argument("tests", type=Path, nargs="+")
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("texts")
    p.add_argument("tests", type=Path, nargs="+")
    p.add_argument("--json", type=Path)
    p = sub.add_parser("table")
    p.add_argument("--count", type=Path, required=True)
    p.add_argument("--knock", type=Path, required=True)
    p.add_argument("--tests-knock", type=Path, required=True)
    p.add_argument("--rare", type=Path, help="knockout JSON of a second sample, for rare rules")
    p.add_argument("tests", type=Path, nargs="+")
    p = sub.add_parser("time")
    p.add_argument("corpus", type=Path)
    p.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "sample":
        sample(args.data, args.size, args.out, args.stride, args.offset)
    elif args.command == "prepare":
        prepare(args.sample, args.out)
    elif args.command == "count":
        count(args.corpus, args.examples, args.json)
    elif args.command == "knockout":
        knockout(args.corpus, args.rule, args.json)
    elif args.command == "prepare-tests":
        prepare_tests(args.tests, args.out)
    elif args.command == "texts":
        texts(args.tests, args.json)
    elif args.command == "table":
        table(args.count, args.knock, args.tests_knock, args.tests, args.rare)
    else:
        timing(args.corpus, args.runs)


if __name__ == "__main__":
    sys.exit(main())
