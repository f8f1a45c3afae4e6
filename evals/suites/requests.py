"""Requests suite: every draft the engine writes for a golden request must pass all of its checks."""

from __future__ import annotations

from collections import Counter, defaultdict

from pydantic import ConfigDict, Field

from evals.suites import DATASETS, Failure, RunOptions, SuiteResult, attempt, rate
from rebond.models import Draft, DraftRequest

DATASET = DATASETS / "requests.jsonl"


class Case(DraftRequest):
    """One line: a ``rebond draft`` request whose ``id`` is required."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, description="Stable case id, e.g. req-001.")


def write(request: DraftRequest, options: RunOptions) -> Draft:
    """The engine's draft: the offline composer, or the LLM pipeline against the configured endpoint."""
    if options.engine == "offline":
        from rebond.compose import compose

        return compose(request)
    from rebond.drafting import write_draft

    return write_draft(request, options.settings)


def run(cases: list[Case], options: RunOptions) -> SuiteResult:
    """Each case written once per repeat; failures list every failed check with its reason."""
    failures: list[Failure] = []
    drafts: dict[str, list[Draft]] = defaultdict(list)
    for case in cases:
        request = DraftRequest.model_validate(case.model_dump())
        for round_ in range(options.repeat):
            label = case.id if options.repeat == 1 else f"{case.id}#{round_ + 1}"
            draft = attempt(label, lambda: write(request, options), failures, options)
            if draft is None:
                continue
            drafts[case.id].append(draft)
            if draft.checks.failed():
                reasons = "; ".join(f"{check.name}: {check.reason}" for check in draft.checks.failed())
                failures.append(Failure(id=label, reason=reasons))

    runs = len(cases) * options.repeat
    all_drafts = [draft for batch in drafts.values() for draft in batch]
    ran: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for draft in all_drafts:
        for check in draft.checks.checks:
            ran[check.name] += 1
            held[check.name] += check.passed
    metrics: dict[str, object] = {
        "pass_rate": rate(sum(d.checks.passed for d in all_drafts), runs),
        "per_check": {name: {"pass_rate": rate(held[name], ran[name]), "drafts": ran[name]} for name in ran},
    }
    if options.engine == "llm":
        metrics.update(_llm_metrics(all_drafts, drafts, runs, failures))
        if options.judge:
            from evals.suites.judge import judge_drafts

            metrics["judge"] = judge_drafts(cases, drafts, options, failures)
    engine = "offline" if options.engine == "offline" else _engine_name(all_drafts, options)
    return SuiteResult(suite="requests", engine=engine, cases=runs, metrics=metrics, failures=failures)


def _llm_metrics(
    all_drafts: list[Draft], drafts: dict[str, list[Draft]], runs: int, failures: list[Failure]
) -> dict[str, object]:
    """How often the model's own draft was kept, repaired or replaced, and which cases changed between repeats."""
    by_model = [d for d in all_drafts if d.engine.startswith("llm:")]
    repaired = [d for d in by_model if d.notices]
    for case_id, batch in drafts.items():
        for draft in batch:
            if not draft.engine.startswith("llm:"):
                failures.append(Failure(id=case_id, reason=f"offline fallback: {' '.join(draft.notices)}"))
    unstable = [
        case_id
        for case_id, batch in drafts.items()
        if len({(d.engine.startswith("llm:"), d.checks.passed) for d in batch}) > 1
    ]
    for case_id in unstable:
        failures.append(Failure(id=case_id, reason="unstable: repeats differ in fallback or check results"))
    return {
        "llm_rate": rate(len(by_model), runs),
        "repaired_rate": rate(len(repaired), runs),
        "fallback_rate": rate(runs - len(by_model), runs),
        "unstable_cases": len(unstable),
    }


def _engine_name(drafts: list[Draft], options: RunOptions) -> str:
    named = next((d.engine for d in drafts if d.engine.startswith("llm:")), None)
    return named or f"llm:{options.settings.model if options.settings else '?'}"
