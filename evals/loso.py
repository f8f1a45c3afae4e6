"""Leave-one-set-out: the honest yardstick for the reader (``python -m evals.train_reader loso``).

heldout5…heldout15 were each written blind, from ``LABELLING.md`` alone, by a different writer. For each of them the
second opinion is trained on every *other* labelled reply (dev, realworld, the other held-out sets; thresholds by
cross-validation on those rows only) and the merged reader (rules + that model) is scored on it, with exactly the
analysis suite's metrics. The rules alone are scored too; they are not left out of anything (they were tuned on some
of these sets, see ``TUNED_ON``), so only the model's part of the merged number is a leave-set-out measure.

``measure PATH`` scores one file (e.g. a fresh blind set) with the shipped model, rules alone and merged, and prints
the confidence split: the numbers ``python -m evals analysis --dataset PATH [--reader rules] --json`` gives.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from evals import train_reader as tr
from evals.suites import RunOptions, read_jsonl
from evals.suites import analysis as suite
from rebond import second_opinion
from rebond.second_opinion import Model

LOSO_SETS = (
    "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
    "heldout14", "heldout15",
)
# What the rules were tuned on among the LOSO sets (evals/README.md): their rules-alone numbers there are not blind.
TUNED_ON = {
    "heldout5": "tuned on (16c)",
    "heldout6": "families read (16d aggregate, 16f)",
    "heldout7": "families read (16f)",
    "heldout8": "tuned on (16f)",
    "heldout9": "never tuned on",
    "heldout10": "tuned on (16h)",
    "heldout11": "tuned on (16i)",
    "heldout12": "tuned on (16j)",
    "heldout13": "tuned on (16k)",
    "heldout14": "tuned on (16l)",
    "heldout15": "tuned on (16m)",
}


@contextmanager
def shipped_model(model: Model) -> Iterator[None]:
    """Read with ``model`` instead of the shipped second opinion."""
    saved = second_opinion.model
    second_opinion.model = lambda: model  # type: ignore[assignment]
    try:
        yield
    finally:
        second_opinion.model = saved


def score(path: Path, reader: str) -> dict:
    """The analysis suite's metrics for one file, read by the rules alone or merged."""
    cases = read_jsonl(path, suite.Case)
    result = suite.run(cases, RunOptions(reader=reader))  # type: ignore[arg-type]
    m = result.metrics
    conf = m["confidence"]
    return {
        "cases": result.cases,
        "f1": round(m["category_macro_f1"], 3),
        "kind": round(m["kind_accuracy"], 3),
        "missed": m["discrimination"]["flags_missed"],
        "wrong": m["discrimination"]["flags_wrong"],
        "errors": conf["high"]["errors"] + conf["low"]["errors"],
        "low": conf["low"]["readings"],
        "errors_in_low": round(conf["errors_in_low"], 2),
        "error_rate_high": round(conf["high"]["error_rate"], 2),
        "error_rate_low": round(conf["low"]["error_rate"], 2),
        "per_category": {c: round(v["f1"], 2) for c, v in m["per_category"].items()},
        "failures": [f"{f.id}: {f.reason}" for f in result.failures if not f.id.startswith(("category", "kind",
                                                                                              "discrimination",
                                                                                              "confidence"))],
    }


def training_sets(left_out: str) -> list[str]:
    return [name for name in tr.ALL_SETS if name.split("/")[0] != left_out]


def left_out_model(name: str, cache: Path | None = None) -> Model:
    """The model trained without ``name``; with ``cache``, kept as ``cache/<name>.json`` and reused while its
    training meta (sets, replies, hyper-parameters) is unchanged: use a new folder after changing the features."""
    sets = training_sets(name)
    if cache is not None:
        path = cache / f"{name}.json"
        if path.exists():
            model = Model.from_json(path.read_text(encoding="utf-8"))
            expected = {**tr.meta(tr.load(sets)), "sets": sets}
            if all(model.meta.get(k) == v for k, v in expected.items()):
                return model
    model = tr.build(sets)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(model.to_json(), encoding="utf-8")
    return model


def one_set(name: str, cache: Path | None = None) -> dict:
    """Train without ``name``, then score rules alone and merged on it."""
    started = time.perf_counter()
    model = left_out_model(name, cache)
    path = tr.DATASETS / name / "replies.jsonl"
    out = {"rules": score(path, "rules")}
    with shipped_model(model):
        out["merged"] = score(path, "merged")
    out["thresholds"] = model.thresholds
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def loso(sets: Sequence[str] = LOSO_SETS, jobs: int = 1, cache: Path | None = None) -> dict[str, dict]:
    if jobs > 1:
        from functools import partial
        from multiprocessing import get_context

        with get_context("spawn").Pool(min(jobs, len(sets))) as pool:
            results = pool.map(partial(one_set, cache=cache), sets)
    else:
        results = [one_set(name, cache) for name in sets]
    return dict(zip(sets, results, strict=True))


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 3)


def table(report: dict[str, dict], show: Callable[[str], None] = print) -> None:
    show("| set | rules | rules alone: F1 / kind / flags missed, wrong | merged (LOSO model): F1 / kind / flags "
         "| errors | errors in low (error rate high / low) |")
    show("|---|---|---|---|---|---|")
    for name, r in report.items():
        a, b = r["rules"], r["merged"]
        show(f"| {name} | {TUNED_ON.get(name, '')} | {a['f1']:.3f} / {a['kind']:.3f} / {a['missed']}, {a['wrong']} "
             f"| **{b['f1']:.3f} / {b['kind']:.3f}** / {b['missed']}, {b['wrong']} | {b['errors']} "
             f"| {b['errors_in_low']:.2f} ({b['error_rate_high']:.2f} / {b['error_rate_low']:.2f}) |")
    for reader in ("rules", "merged"):
        rs = [r[reader] for r in report.values()]
        show(f"mean {reader}: F1 {_mean([r['f1'] for r in rs]):.3f} kind {_mean([r['kind'] for r in rs]):.3f} "
             f"flags {sum(r['missed'] for r in rs)} missed, {sum(r['wrong'] for r in rs)} wrong; "
             f"errors {sum(r['errors'] for r in rs)}, in low {_mean([r['errors_in_low'] for r in rs]):.2f}")


def run_loso(sets: Sequence[str], jobs: int, out: Path | None, verbose: bool, cache: Path | None = None) -> int:
    started = time.perf_counter()
    report = loso(sets, jobs, cache)
    table(report)
    if verbose:
        for name, r in report.items():
            print(f"\n{name} merged, per category {r['merged']['per_category']}")
            for line in r["merged"]["failures"]:
                print("  " + line)
    if out is not None:
        out.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"loso: {len(sets)} set(s) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def run_measure(path: Path) -> int:
    """One file, shipped model: rules alone and merged, with the confidence split."""
    for reader in ("rules", "merged"):
        r = score(path, reader)
        print(f"{reader:6s} F1 {r['f1']:.3f} kind {r['kind']:.3f} flags {r['missed']} missed {r['wrong']} wrong | "
              f"errors {r['errors']}, low readings {r['low']}/{r['cases']}, errors in low {r['errors_in_low']:.2f} "
              f"(error rate high {r['error_rate_high']:.2f}, low {r['error_rate_low']:.2f}) | {r['per_category']}")
    return 0

