"""``python -m evals SUITE``: run eval suites, hold them to ``thresholds.yaml``, print or write the results.

Exit codes: 0 when every threshold holds, 1 when one does not, 2 on bad arguments,
a malformed dataset or thresholds file, or an LLM run with no endpoint configured.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import yaml

from evals.suites import SUITE_NAMES, DatasetError, Failure, RunOptions, SuiteResult, read_jsonl

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.yaml"
# The budget `make test` holds the offline suites to; over it, say so (timings are too noisy to fail on).
OFFLINE_BUDGET_SECONDS = 10.0
EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE = 0, 1, 2


class UsageError(ValueError):
    """Something the person running the evals must fix; exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evals",
        description="Run Rebond's eval suites and check them against evals/thresholds.yaml.",
        epilog="Exit codes: 0 thresholds hold, 1 a threshold failed, 2 bad arguments or dataset.",
    )
    parser.add_argument("suite", choices=[*SUITE_NAMES, "all"], help="which suite to run, or all five")
    parser.add_argument("--dataset", type=Path, help="a JSONL file in the suite's schema (default: the suite's own)")
    parser.add_argument("--engine", choices=["offline", "llm"], default="offline",
                        help="offline (default, CI) or llm: the endpoint configured by OPENAI_* / REBOND_* or .env")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run each requests/analysis case N times to expose unstable cases (default 1)")
    parser.add_argument("--reader", choices=["merged", "rules"], default="merged",
                        help="analysis, offline: the shipped reader (rules + second opinion, default) or the rules alone")
    parser.add_argument("--judge", action="store_true",
                        help="with --engine llm: score each draft against each guidance principle with an LLM judge")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (a list with 'all')")
    parser.add_argument("--report", type=Path, metavar="DIR", help="write report.json and report.md into DIR")
    parser.add_argument("--thresholds", type=Path, default=THRESHOLDS, help="thresholds file (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None,
         started: float | None = None) -> int:
    """Run the suites named in ``argv``; returns the exit code."""
    started = started if started is not None else time.perf_counter()
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and the problem
        return int(exc.code or 0)
    try:
        suites = list(SUITE_NAMES) if args.suite == "all" else [args.suite]
        options = _options(args)
        thresholds = load_thresholds(args.thresholds, options.engine)
        if args.report and args.report.exists() and not args.report.is_dir():
            raise UsageError(f"--report {args.report}: exists and is not a directory")
        # Every dataset is read before any suite runs: a bad line fails fast, with nothing half-done.
        loaded = [(name, _load(name, args.dataset)) for name in suites]
        if options.engine == "offline":
            warm_offline_engine()
        results = [run_suite(name, module, cases, options, thresholds) for name, (module, cases) in loaded]
    except (UsageError, DatasetError) as exc:
        print(f"python -m evals: error: {exc}", file=err)
        return EXIT_USAGE
    seconds = time.perf_counter() - started
    payload: Any = [r.model_dump(mode="json") for r in results]
    if args.suite != "all":
        payload = payload[0]
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    else:
        print(render_text(results), file=out)
    if args.report:
        write_report(args.report, payload, results, seconds, options)
    budget = ""
    if options.engine == "offline" and args.suite == "all" and seconds > OFFLINE_BUDGET_SECONDS:
        budget = f" (over the {OFFLINE_BUDGET_SECONDS:g} s budget)"
    verdict = "all thresholds hold" if all(r.passed for r in results) else "a threshold failed"
    print(f"evals: {len(results)} suite(s) in {seconds:.1f} s{budget}: {verdict}", file=err)
    return EXIT_OK if all(r.passed for r in results) else EXIT_THRESHOLD


def warm_offline_engine() -> None:
    """Load the offline engine's banks and rules for each language once, before any case is timed.

    A case's deadline (OFFLINE_CASE_SECONDS) is there to catch a case that hangs; the first draft in each language
    also reads its phrase banks and compiles its rules (about 2 s each here, three times that on a loaded CI
    machine), which is the process's cost, not the case's."""
    from rebond.analyse import analyse_reply
    from rebond.compose import compose
    from rebond.models import AnalysisRequest, DraftRequest, InterviewContext

    for language in ("fr", "fr-FR", "en"):
        context = InterviewContext(candidate_name="Alex Martin", company="Acme", role="Analyste", rejection_message="Merci.")
        compose(DraftRequest(language=language, context=context))
        analyse_reply(AnalysisRequest(reply="Merci pour votre candidature.", language=language))


def _options(args: argparse.Namespace) -> RunOptions:
    if args.dataset is not None and args.suite == "all":
        raise UsageError("--dataset needs one suite (each suite has its own schema), not 'all'")
    if args.repeat < 1:
        raise UsageError(f"--repeat must be 1 or more (got {args.repeat})")
    if args.judge and args.engine != "llm":
        raise UsageError("--judge needs --engine llm (the judge is a model)")
    settings = None
    if args.engine == "llm":
        from pydantic import ValidationError

        from rebond.models import first_error
        from rebond.settings import Settings

        try:
            settings = Settings(engine="llm")
        except ValidationError as exc:  # e.g. REBOND_TIMEOUT=abc in the environment or .env
            raise UsageError(f"--engine llm: settings: {first_error(exc)}") from None
        if not settings.llm_configured:
            raise UsageError(
                "--engine llm needs an endpoint: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (any "
                "OpenAI-compatible server), in the environment or .env; nothing was run"
            )
    if args.reader != "merged" and args.engine != "offline":
        raise UsageError("--reader rules reads with the offline rules: it needs --engine offline")
    return RunOptions(engine=args.engine, repeat=args.repeat, judge=args.judge, settings=settings,
                      dataset_given=args.dataset is not None, reader=args.reader)


def _load(name: str, dataset: Path | None) -> tuple[ModuleType, list[Any]]:
    module = importlib.import_module(f"evals.suites.{name}")
    if dataset is not None:
        return module, read_jsonl(dataset, module.Case)
    # A suite may keep its default cases in several files (the checkers: hand-labelled drafts, reader drafts).
    paths = module.DATASET if isinstance(module.DATASET, tuple) else (module.DATASET,)
    return module, [case for path in paths for case in read_jsonl(path, module.Case)]


def run_suite(name: str, module: ModuleType, cases: list[Any], options: RunOptions,
              thresholds: dict[str, dict[str, Any]]) -> SuiteResult:
    """One suite's result, with ``passed`` and any threshold that did not hold."""
    result: SuiteResult = module.run(cases, options)
    result.metrics["crashed_cases"] = sum(f.reason.startswith("crashed:") for f in result.failures)
    missed = list(threshold_misses(result.metrics, thresholds.get(name, {})))
    result.failures += missed
    result.passed = not missed
    return result


# ---- thresholds -----------------------------------------------------------------


def load_thresholds(path: Path, engine: str) -> dict[str, dict[str, Any]]:
    """Per suite, metric path -> bound; the ``llm`` section adds bounds for --engine llm."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"thresholds {path}: {exc}") from None
    if not isinstance(raw, dict):
        raise UsageError(f"thresholds {path}: expected a mapping of suite -> metric -> bound")
    extra = raw.pop("llm", {}) or {}
    merged: dict[str, dict[str, Any]] = {}
    for section in ([raw, extra] if engine == "llm" else [raw]):
        for suite, bounds in section.items():
            if suite not in SUITE_NAMES or not isinstance(bounds, dict):
                raise UsageError(f"thresholds {path}: {suite!r} is not a suite with metric bounds")
            for metric, bound in bounds.items():
                _bound(bound, f"thresholds {path}: {suite}.{metric}")
            merged.setdefault(suite, {}).update(bounds)
    return merged


def _bound(bound: Any, where: str) -> tuple[float | None, float | None]:
    """A bare number is a minimum; ``{min: x}`` and/or ``{max: y}`` say it explicitly."""
    if isinstance(bound, bool):
        raise UsageError(f"{where}: a bound must be a number or {{min, max}}")
    if isinstance(bound, int | float):
        return float(bound), None
    if isinstance(bound, dict) and bound and set(bound) <= {"min", "max"} and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in bound.values()
    ):
        return bound.get("min"), bound.get("max")
    raise UsageError(f"{where}: a bound must be a number or {{min, max}}")


def threshold_misses(metrics: dict[str, Any], bounds: dict[str, Any]) -> Iterator[Failure]:
    """A Failure for each metric outside its bound; ``*`` in a path means every key at that level."""
    for path, bound in bounds.items():
        low, high = _bound(bound, path)
        found = list(_lookup(metrics, path.split(".")))
        if not found and "*" not in path:
            yield Failure(id=path, reason="threshold set but the suite reports no such metric")
        for concrete, value in found:
            if not isinstance(value, int | float):
                yield Failure(id=concrete, reason=f"threshold set but the metric is not a number ({value!r})")
            elif low is not None and value < low:
                yield Failure(id=concrete, reason=f"{value} is below the minimum {low} (thresholds.yaml)")
            elif high is not None and value > high:
                yield Failure(id=concrete, reason=f"{value} is above the maximum {high} (thresholds.yaml)")


def _lookup(node: Any, parts: list[str], trail: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    if not parts:
        yield ".".join(trail), node
        return
    if not isinstance(node, dict):
        return
    head, rest = parts[0], parts[1:]
    for key in (node if head == "*" else [head] if head in node else []):
        yield from _lookup(node[key], rest, (*trail, key))


# ---- output -----------------------------------------------------------------------


def _headline(result: SuiteResult) -> str:
    return f"{result.suite} · {result.engine} · {result.cases} cases · {'PASS' if result.passed else 'FAIL'}"


def _flat(metrics: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in metrics.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def render_text(results: list[SuiteResult]) -> str:
    """A short console summary: headline numbers and every failure."""
    lines = []
    for result in results:
        lines.append(_headline(result))
        scalars = [f"{k}={v}" for k, v in result.metrics.items() if not isinstance(v, dict)]
        lines.append("  " + "  ".join(scalars))
        for failure in result.failures:
            lines.append(f"  ✗ {failure.id}: {failure.reason}")
    return "\n".join(lines)


def render_markdown(results: list[SuiteResult], seconds: float, options: RunOptions) -> str:
    """The readable report: a summary table, then per suite its metrics and its failures."""
    lines = ["# Rebond eval report", "",
             f"Engine option: `{options.engine}`; repeat: {options.repeat}; run time: {seconds:.1f} s.", "",
             "| Suite | Engine | Cases | Result | Failures |", "|---|---|---|---|---|"]
    lines += [f"| {r.suite} | {r.engine} | {r.cases} | {'pass' if r.passed else '**FAIL**'} | {len(r.failures)} |"
              for r in results]
    for result in results:
        lines += ["", f"## {result.suite}", "", "| Metric | Value |", "|---|---|"]
        scalars = {k: v for k, v in result.metrics.items() if not isinstance(v, dict)}
        lines += [f"| {key} | {value} |" for key, value in scalars.items()]
        for key, table in result.metrics.items():
            if isinstance(table, dict):
                caption = [_CAPTIONS[key], ""] if key in _CAPTIONS else []
                lines += ["", f"### {key}", "", *caption, *_table(table)]
        lines += ["", "### Failures", ""]
        lines += [f"- `{f.id}`: {_md(f.reason)}" for f in result.failures] or ["None."]
    return "\n".join(lines) + "\n"


_CAPTIONS = {"kind_confusion": "Rows: the labelled kind; columns: the kind the engine gave."}


def _table(table: dict[str, Any]) -> list[str]:
    """Rows of a dict of dicts (per_check, per_category, kind_confusion...), or key/value rows."""
    rows = list(table.values())
    if rows and all(isinstance(row, dict) for row in rows):
        columns = list(dict.fromkeys(col for row in rows for col in row))
        head = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
        return head + [f"| {name} | " + " | ".join(str(row.get(c, "")) for c in columns) + " |"
                       for name, row in table.items()]
    return ["| Key | Value |", "|---|---|", *[f"| {k} | {v} |" for k, v in _flat(table)]]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_report(directory: Path, payload: Any, results: list[SuiteResult], seconds: float,
                 options: RunOptions) -> None:
    """report.json (exactly what --json prints) and report.md."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "report.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (directory / "report.md").write_text(render_markdown(results, seconds, options), encoding="utf-8")
