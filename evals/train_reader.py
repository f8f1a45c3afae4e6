"""Train the statistical second opinion (``rebond.second_opinion``) on labelled replies, and measure it.

    python -m evals.train_reader train [--out PATH]     # every labelled reply set -> prompts/second_opinion.json
    python -m evals.train_reader experiment design      # leave-set-out, without heldout6/heldout7
    python -m evals.train_reader experiment measure [--gate none]  # heldout6 and heldout7 (evals/README.md, 16e)
    python -m evals.train_reader loso [--jobs 2] [--sets heldout9 ...] [-v]  # leave-one-set-out (16g)
    python -m evals.train_reader measure PATH           # one file, shipped model: rules alone, merged, confidence

Pure Python (no numpy): stochastic gradient descent on the logistic loss with an L2 penalty, a fixed seed
and a fixed order, so the same data always gives the same weights (rounded, so the same file bytes).
Decision thresholds are chosen by 5-fold cross-validation on the training replies only: for each label,
the lowest probability at which the model alone was at least ``TARGET_PRECISION`` precise out of fold.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path

from rebond.analysis_rules import Lexicon, lexicon
from rebond.second_opinion import (
    BUCKETS,
    CATEGORIES,
    FEATURES,
    LABELS,
    MODEL_FILE,
    Model,
    features,
)
from rebond.text import fold

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "evals" / "datasets"
# Every labelled reply file: the shipped model learns from all of them.
ALL_SETS = (
    "replies.jsonl",
    "heldout/replies.jsonl",
    "heldout2/replies.jsonl",
    "heldout3/replies.jsonl",
    "heldout4/replies.jsonl",
    "heldout5/replies.jsonl",
    "realworld/replies.jsonl",
    "heldout6/replies.jsonl",
    "heldout7/replies.jsonl",
    "heldout8/replies.jsonl",
    "heldout9/replies.jsonl",
    "heldout10/replies.jsonl",
    "heldout11/replies.jsonl",
    "heldout12/replies.jsonl",
    "heldout13/replies.jsonl",
    "heldout14/replies.jsonl",
    "heldout15/replies.jsonl",
)
TEST_SETS = ("heldout6/replies.jsonl", "heldout7/replies.jsonl")
# Issue 16e's experiment (evals/reader_experiment.py) ran before heldout8 and heldout9 existed.
EXPERIMENT_SETS = ALL_SETS[:9]

SEED = 16
EPOCHS = 30
LEARNING_RATE = 2.0
L2 = 1e-6
FOLDS = 5
TARGET_PRECISION = 0.9
# "Not generic" is most replies (about 80 %): 0.9 would barely beat always saying so. Asked of it: wrong on at most
# 1 in 50 out of fold (chosen among 0.9 / 0.95 / 0.97 / 0.98 / 0.99 on the leave-one-set-out measure, 16g).
CONSTRUCTIVE_PRECISION = 0.98
MIN_PREDICTIONS = 5  # a threshold must keep at least this many out-of-fold predictions
MIN_WEIGHT = 0.3  # smaller weights are dropped: a feature weighs about 0.07, so they move no decision


def load(names: Iterable[str]) -> list[dict]:
    rows = []
    for name in names:
        for line in (DATASETS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["set"] = name.split("/")[0]
                rows.append(row)
    return rows


def lexicon_of(row: dict) -> Lexicon:
    """The lexicon the analyser reads a labelled reply with (every labelled reply says its language)."""
    return lexicon("en" if row["language"] == "en" else "fr")


def targets(row: dict) -> dict[str, int]:
    expected = row["expected"]
    y = {c: int(c in expected["categories"]) for c in CATEGORIES}
    y["malicious"] = int(expected["kind"] == "malicious")
    y["generic"] = int(expected["kind"] == "generic")
    return y


def train(rows: Sequence[dict], seed: int = SEED, epochs: int = EPOCHS) -> Model:
    """One logistic regression per label, by SGD over the rows in a seeded order, then quantised to int8."""
    encoded = [features(fold(row["reply"]), lexicon_of(row)) for row in rows]
    ys = [targets(row) for row in rows]
    # w = scale * u: the L2 penalty shrinks the scale, and an update touches only the reply's buckets.
    u = {label: [0.0] * BUCKETS for label in LABELS}
    scale = dict.fromkeys(LABELS, 1.0)
    bias = dict.fromkeys(LABELS, 0.0)
    order = list(range(len(rows)))
    rng = random.Random(seed)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            idx, value = encoded[i]
            if not idx:
                continue
            rate = LEARNING_RATE / (1.0 + LEARNING_RATE * L2 * step)
            step += 1
            y = ys[i]
            for label in LABELS:
                weights = u[label]
                s = scale[label]
                z = bias[label] + s * value * sum(map(weights.__getitem__, idx))
                p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
                g = p - y[label]
                s *= 1.0 - rate * L2
                if s < 1e-6:  # fold the scale back into the weights
                    for j in range(BUCKETS):
                        weights[j] *= s
                    s = 1.0
                scale[label] = s
                bias[label] -= rate * g
                if abs(g) > 1e-4:  # a reply the label already fits moves nothing
                    delta = rate * g * value / s
                    for j in idx:
                        weights[j] -= delta
    return quantised({label: [w * scale[label] for w in u[label]] for label in LABELS}, bias, seed, epochs, len(rows))


def quantised(weights: dict[str, list[float]], bias: dict[str, float], seed: int, epochs: int, replies: int) -> Model:
    """int8 weights, one scale per label; weights under MIN_WEIGHT are dropped (they move no decision)."""
    table = array("b", bytes(BUCKETS * len(LABELS)))
    scales = []
    for k, label in enumerate(LABELS):
        column = weights[label]
        top = max(abs(w) for w in column) or 1.0
        step = round(top / 127, 6)
        scales.append(step)
        for j, w in enumerate(column):
            if abs(w) >= MIN_WEIGHT:
                table[j * len(LABELS) + k] = max(-127, min(127, round(w / step)))
    return Model(
        table=table,
        scales=tuple(scales),
        bias=tuple(round(bias[label], 4) for label in LABELS),
        meta={"seed": seed, "epochs": epochs, "learning_rate": LEARNING_RATE, "l2": L2, "replies": replies,
              "features": FEATURES},
    )


def folds(rows: Sequence[dict], k: int = FOLDS, seed: int = SEED) -> list[int]:
    """A fold number per row, seeded."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fold_of = [0] * len(rows)
    for position, i in enumerate(order):
        fold_of[i] = position % k
    return fold_of


def out_of_fold(rows: Sequence[dict], k: int = FOLDS) -> tuple[list[dict[str, float]], list[Model]]:
    """Each row's probabilities from the model trained on the other folds, and that model."""
    fold_of = folds(rows, k)
    probs: list[dict[str, float]] = [{} for _ in rows]
    models: list[Model] = [None] * len(rows)  # type: ignore[list-item]
    for f in range(k):
        model = train([r for r, g in zip(rows, fold_of, strict=True) if g != f])
        for i, row in enumerate(rows):
            if fold_of[i] == f:
                probs[i] = model.probabilities(fold(row["reply"]), lexicon_of(row))
                models[i] = model
    return probs, models


def threshold_for(scores: Sequence[float], truth: Sequence[int], precision: float = TARGET_PRECISION) -> float:
    """The lowest score at which the predictions at or above it are at least ``precision`` precise."""
    ranked = sorted(zip(scores, truth, strict=True), reverse=True)
    best = 1.0
    hits = 0
    for n, (score, y) in enumerate(ranked, start=1):
        hits += y
        if n >= MIN_PREDICTIONS and hits / n >= precision:
            best = score
    return round(best, 4)


def thresholds(rows: Sequence[dict], probs: Sequence[dict[str, float]], precision: float = TARGET_PRECISION) -> dict:
    """Each label's threshold, and "constructive": the highest p(generic) at or under which the replies are
    not generic at least ``precision`` of the time, out of fold (``decide`` also asks that p(malicious) be low)."""
    ys = [targets(row) for row in rows]
    chosen = {
        label: threshold_for([p[label] for p in probs], [y[label] for y in ys], precision) for label in LABELS
    }
    not_generic = [1 - y["generic"] for y in ys]
    scores = [1.0 - p["generic"] for p in probs]
    chosen["constructive"] = round(1.0 - threshold_for(scores, not_generic, CONSTRUCTIVE_PRECISION), 4)
    return chosen


def meta(rows: Sequence[dict]) -> dict:
    """What a model trained on ``rows`` now would record (to tell whether a kept model is stale)."""
    return {"seed": SEED, "epochs": EPOCHS, "learning_rate": LEARNING_RATE, "l2": L2, "replies": len(rows),
            "features": FEATURES,
            "target_precision": TARGET_PRECISION, "constructive_precision": CONSTRUCTIVE_PRECISION, "folds": FOLDS}


def model_file() -> Path:
    from rebond.resources import prompts_dir

    return prompts_dir() / MODEL_FILE


def build(names: Sequence[str] = ALL_SETS) -> Model:
    """The shipped model: trained on ``names``, thresholds from cross-validation on the same rows."""
    rows = load(names)
    chosen = thresholds(rows, out_of_fold(rows)[0])
    model = train(rows)
    meta = {**model.meta, "sets": list(names), "target_precision": TARGET_PRECISION,
            "constructive_precision": CONSTRUCTIVE_PRECISION, "folds": FOLDS}
    return Model(table=model.table, scales=model.scales, bias=model.bias, thresholds=chosen, meta=meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.train_reader")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", type=Path, default=None)
    experiment = sub.add_parser("experiment")
    experiment.add_argument("step", choices=("design", "measure"))
    experiment.add_argument("--gate", choices=("none", "named", "sentence", "clause"), default=None,
                            help="measure: the policy's gate (default: the shipped policy)")
    loso = sub.add_parser("loso", help="leave-one-set-out over heldout5-15: the yardstick of evals/README.md, 16g")
    loso.add_argument("--sets", nargs="+", default=None, help="which held-out sets (default heldout5..heldout15)")
    loso.add_argument("--jobs", type=int, default=1, help="sets trained in parallel (default 1)")
    loso.add_argument("--out", type=Path, default=None, help="write the full report as JSON")
    loso.add_argument("--cache", type=Path, default=None,
                      help="keep each left-out model in this folder and reuse it while its training is unchanged")
    loso.add_argument("-v", "--verbose", action="store_true", help="list every merged error")
    measure = sub.add_parser("measure", help="one labelled file with the shipped model: rules alone and merged")
    measure.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.command == "train":
        model = build()
        out = args.out or model_file()
        out.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size} bytes) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return 0
    if args.command in ("loso", "measure"):
        from evals import loso as leave_out

        if args.command == "measure":
            return leave_out.run_measure(args.path)
        return leave_out.run_loso(tuple(args.sets or leave_out.LOSO_SETS), args.jobs, args.out, args.verbose, args.cache)
    from evals import reader_experiment

    return reader_experiment.run(args.step, args.gate)


if __name__ == "__main__":
    raise SystemExit(main())
