"""The leave-set-out experiment behind ``rebond.second_opinion`` (run by ``python -m evals.train_reader experiment``).

design  — without heldout6 and heldout7. Train/threshold by 5-fold CV on every other labelled reply; then, on
          replies the rules had not been tuned on when they were read (tr7 with the rules of f2b1e40, before
          issue 16d; heldout3–5 with those of f443a05, before issue 16c; their readings are in
          ``evals/datasets/reader_experiment_rules.json``, made by ``evals/old_rules_readings.py``), compare the
          rules alone with rules + the model's out-of-fold opinion, for a few policies. Also the cost on the
          replies the current rules were tuned on (model out of fold). The policy is chosen here.
measure — the model trained on every set but heldout6 and heldout7, thresholds from the design's CV, the
          policy frozen in ``rebond.second_opinion.Policy()``; rules alone vs combined on heldout6 and heldout7.
          Run twice in issue 16e, once per policy, as evals/README.md reports: the ungated policy, then the
          clause gate (``measure --policy`` picks one).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from evals import train_reader as tr
from rebond.analyse import second_reading
from rebond.analysis_rules import Area, lexicon
from rebond.grounds import find_grounds
from rebond.models import Category, Kind
from rebond.second_opinion import CATEGORIES, Model, Policy
from rebond.text import fold

OLD_READINGS = tr.DATASETS / "reader_experiment_rules.json"
POLICIES = {
    "rules alone": None,
    "shipped (gate clause)": Policy(),
    "ungated (measured 1st)": Policy(gate="none"),
    "ungated, no veto": Policy(gate="none", veto=False),
    "ungated + malicious": Policy(gate="none", raise_malicious=True),
    "gate named": Policy(gate="named"),
    "gate sentence": Policy(gate="sentence"),
    "doubt only": Policy(add_categories=False),
    "no doubt": Policy(doubt_factor=0.0),
    "doubt 0.3": Policy(doubt_factor=0.3),
    "doubt 0.7": Policy(doubt_factor=0.7),
}

Reading = dict  # kind, categories (sorted list), flag (bool), confidence ('high'/'low')


def current_readings(rows: Sequence[dict]) -> dict[str, Reading]:
    """The current rules' readings."""
    from rebond.analyse import analyse_reply
    from rebond.models import AnalysisRequest

    out = {}
    for row in rows:
        request = AnalysisRequest(id=row["id"], language=row["language"], reply=row["reply"])
        a = analyse_reply(request, second_opinion=False)
        out[row["set"] + "/" + row["id"]] = {
            "kind": str(a.kind),
            "categories": sorted(str(f.category) for f in a.categories),
            "flag": a.discrimination_warning is not None,
            "confidence": str(a.confidence),
        }
    return out


def combined(reading: Reading, policy: Policy | None, row: dict, model: Model) -> Reading:
    """A reading revised by the model's opinion, as ``rebond.analyse`` does it (grounds: the current rules')."""
    if policy is None:
        return reading
    text = row["reply"]
    folded = fold(text)
    base = "en" if row["language"] == "en" else "fr"
    lex = lexicon(base)
    grounds = find_grounds(text, folded, lex, base)
    areas = [Area(Category(c), 0, 0, (0, 0)) for c in reading["categories"]]
    opinion, added = second_reading(text, folded, lex, Kind(reading["kind"]), areas, grounds, model, policy)
    kind = reading["kind"]
    categories = sorted({*reading["categories"], *(str(a.category) for a in added)})
    if opinion.malicious:
        kind = "malicious"
    elif kind == "generic" and added:
        kind = "constructive"
    low = reading["confidence"] == "low" or opinion.doubt
    return {"kind": kind, "categories": categories, "flag": reading["flag"], "confidence": "low" if low else "high"}


def metrics(rows: Sequence[dict], readings: Sequence[Reading]) -> dict:
    """The analysis suite's numbers (evals/suites/analysis.py), from readings."""
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    right = 0
    missed = wrong = 0
    conf = {"high": [0, 0], "low": [0, 0]}
    for row, r in zip(rows, readings, strict=True):
        expected = set(row["expected"]["categories"])
        found = set(r["categories"])
        for c in CATEGORIES:
            if c in found and c in expected:
                counts[c][0] += 1
            elif c in found:
                counts[c][1] += 1
            elif c in expected:
                counts[c][2] += 1
        ok_kind = r["kind"] == row["expected"]["kind"]
        right += ok_kind
        ground = row["expected"].get("ground", "unlabelled")
        if ground not in ("unlabelled", None) and not r["flag"]:
            missed += 1
        if ground is None and r["flag"]:
            wrong += 1
        conf[r["confidence"]][0] += 1
        conf[r["confidence"]][1] += (not ok_kind) or found != expected
    f1 = {}
    for c, (tp, fp, fn) in counts.items():
        if tp + fp + fn == 0:
            f1[c] = 1.0
        else:
            f1[c] = round(2 * tp / (2 * tp + fp + fn), 3)
    errors = conf["high"][1] + conf["low"][1]
    return {
        "f1": round(sum(f1.values()) / len(f1), 3),
        "kind": round(right / len(rows), 3),
        "per_category": f1,
        "fp_fn": {c: (v[1], v[2]) for c, v in counts.items()},
        "flags_missed": missed,
        "flags_wrong": wrong,
        "low": conf["low"][0],
        "err_high": round(conf["high"][1] / conf["high"][0], 3) if conf["high"][0] else 0.0,
        "err_low": round(conf["low"][1] / conf["low"][0], 3) if conf["low"][0] else 0.0,
        "errors_in_low": round(conf["low"][1] / errors, 3) if errors else 1.0,
    }


def _line(name: str, m: dict) -> str:
    per = " ".join(f"{c[:6]} {m['per_category'][c]:.2f}" for c in CATEGORIES)
    return (
        f"  {name:18s} F1 {m['f1']:.3f} kind {m['kind']:.3f} flags {m['flags_missed']}/{m['flags_wrong']} "
        f"low {m['low']:3d} err {m['err_high']:.2f}/{m['err_low']:.2f} in-low {m['errors_in_low']:.2f} | {per}"
    )


def _table(title: str, rows: Sequence[dict], base: Sequence[Reading], models: Sequence[Model],
           policies: dict[str, Policy | None], report: dict, show: Callable[[str], None]) -> None:
    show(f"{title} ({len(rows)} replies)")
    report[title] = {}
    for name, policy in policies.items():
        m = metrics(rows, [combined(b, policy, r, model) for b, r, model in zip(base, rows, models, strict=True)])
        report[title][name] = m
        show(_line(name, m))


def design(show: Callable[[str], None] = print) -> dict:
    rows = tr.load([n for n in tr.EXPERIMENT_SETS if n not in tr.TEST_SETS])
    probs, fold_models = tr.out_of_fold(rows)
    thresholds = tr.thresholds(rows, probs)
    show(f"thresholds (5-fold CV on the training replies, model alone >= {tr.TARGET_PRECISION:.2f} precise): "
         + json.dumps(thresholds))
    with_thresholds = {id(m): replace(m, thresholds=thresholds) for m in fold_models}
    models = [with_thresholds[id(m)] for m in fold_models]
    report: dict = {"thresholds": thresholds}
    old = json.loads(OLD_READINGS.read_text(encoding="utf-8"))
    now = current_readings(rows)
    groups = (
        ("pseudo-blind: tr7 @ f2b1e40", old, lambda r: _key(r) in old and _group(r) == "tr7"),
        ("pseudo-blind: heldout3-5 @ f443a05", old, lambda r: _key(r) in old and _group(r) != "tr7"),
        ("pseudo-blind: both", old, lambda r: _key(r) in old),
        ("dev replies.jsonl, current rules, model out of fold", now, lambda r: r["set"] == "replies.jsonl"),
        ("realworld, current rules, model out of fold", now, lambda r: r["set"] == "realworld"),
    )
    for title, readings, wanted in groups:
        picked = [i for i, r in enumerate(rows) if wanted(r)]
        _table(title, [rows[i] for i in picked], [readings[_key(rows[i])] for i in picked],
               [models[i] for i in picked], POLICIES, report, show)
    return report


def measure(show: Callable[[str], None] = print, policy: Policy | None = None) -> dict:
    """Rules alone vs combined on heldout6 and heldout7, through ``analyse_reply`` itself."""
    from rebond import analyse, second_opinion
    from rebond.analyse import analyse_reply
    from rebond.models import AnalysisRequest

    rows = tr.load([n for n in tr.EXPERIMENT_SETS if n not in tr.TEST_SETS])
    thresholds = tr.thresholds(rows, tr.out_of_fold(rows)[0])
    model = replace(tr.train(rows), thresholds=thresholds)
    show("thresholds: " + json.dumps(thresholds))
    report: dict = {"thresholds": thresholds}
    shipped, shipped_policy = second_opinion.model, analyse.Policy
    second_opinion.model = lambda: model  # the leave-set-out model, not the shipped one
    if policy is not None:
        analyse.Policy = lambda: policy
    try:
        for name in tr.TEST_SETS:
            test = tr.load([name])
            show(f"{name} ({len(test)} replies)")
            report[name] = {}
            for label, on in (("rules alone", False), ("combined", True)):
                readings = []
                for r in test:
                    a = analyse_reply(AnalysisRequest(id=r["id"], language=r["language"], reply=r["reply"]),
                                      second_opinion=on)
                    readings.append({"kind": str(a.kind), "categories": sorted(str(f.category) for f in a.categories),
                                     "flag": a.discrimination_warning is not None, "confidence": str(a.confidence)})
                m = metrics(test, readings)
                report[name][label] = m
                show(_line(label, m) + f" | fp/fn {m['fp_fn']}")
    finally:
        second_opinion.model, analyse.Policy = shipped, shipped_policy
    return report


def _key(row: dict) -> str:
    return row["set"] + "/" + row["id"]


def _group(row: dict) -> str:
    return row["id"].split("-")[0] if row["set"] == "replies.jsonl" else row["set"]


def run(step: str, gate: str | None = None) -> int:
    if step == "design":
        design()
    else:
        measure(policy=None if gate is None else Policy(gate=gate))
    return 0
