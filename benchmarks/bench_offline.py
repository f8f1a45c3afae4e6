"""Offline draft and reply-analysis latency (p50/p95 over the eval datasets); targets p95 ≤ 10 ms each."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from rebond.analyse import analyse_reply
from rebond.compose import compose
from rebond.models import AnalysisRequest, DraftRequest

DATASETS = Path(__file__).resolve().parents[1] / "evals" / "datasets"
TARGET_P95_MS = 10.0
ROUNDS = 5


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATASETS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _timings(call, inputs) -> list[float]:
    for item in inputs:  # warm-up: lexicons, regexes and the language model load once
        call(item)
    samples = []
    for round_number in range(ROUNDS):
        for item in inputs:
            start = time.perf_counter()
            call(item if round_number == 0 else _vary(item, round_number))
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def _vary(item, round_number):
    # Fresh variants so that no cache hides the real work of composing.
    if isinstance(item, DraftRequest):
        return item.model_copy(update={"variant": round_number})
    return item


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    drafts = [DraftRequest.model_validate(case) for case in _load("requests.jsonl")]
    replies = [AnalysisRequest(reply=case["reply"], language=case["language"]) for case in _load("replies.jsonl")]
    rows = [("offline draft (compose + checks)", _timings(compose, drafts)),
            ("reply analysis", _timings(analyse_reply, replies))]
    print(f"{'what':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    ok = True
    for name, samples in rows:
        p95 = _percentile(samples, 0.95)
        ok &= p95 <= TARGET_P95_MS
        print(f"{name:34} {len(samples):5d} {statistics.median(samples):8.2f} {p95:8.2f} {max(samples):8.2f}")
    print(f"target p95 ≤ {TARGET_P95_MS} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
