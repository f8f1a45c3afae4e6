"""Checkers suite: the checks themselves, judged on labelled drafts (precision and recall of each check).

A positive is a check that FAILS, i.e. flags a problem; a label ``false`` means the draft has that problem.
Three files: ``checker_drafts.jsonl`` labels every check of its drafts; ``checker_drafts_reader.jsonl``
(engine drafts with the defects a native reader flags, and hand-written ones) labels the reader's checks;
``checker_drafts_answered.jsonl`` (engine drafts of blind reviews 10–14, labelled by readers who never saw the check)
labels whether the recruiter's praise and offers are answered.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from evals.suites import DATASETS, Failure, RunOptions, SuiteResult, attempt, precision_recall, rate
from rebond.checks import CHECK_NAMES, checks_for, run_checks
from rebond.models import Draft, DraftRequest
from rebond.reader_checks import READER_CHECKS

DATASET = (DATASETS / "checker_drafts.jsonl", DATASETS / "checker_drafts_reader.jsonl", DATASETS / "checker_drafts_answered.jsonl")
READER_CHECK_NAMES = frozenset(name for name, _, _ in READER_CHECKS)
# Labelled on its own set: whether a draft answers the recruiter's praise and offers.
ANSWER_CHECK_NAMES = frozenset({"recruiter_answered"})


class DraftText(BaseModel):
    """The hand-written draft, in the parts the checks read."""

    model_config = ConfigDict(extra="forbid")

    subject: str | None = Field(default=None, description="Email subject; null for LinkedIn and phone.")
    body: str = Field(min_length=1, description="The message, or the call script.")
    voicemail: str | None = Field(default=None, description="Phone only: the voicemail.")


class Case(BaseModel):
    """One line: a request, a draft written for it, and the expected result of every check that runs on it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, description="Stable case id, e.g. chk-001.")
    request: DraftRequest = Field(description="The request the draft answers (same shape as requests.jsonl).")
    draft: DraftText = Field(description="The draft under test.")
    expected: dict[str, bool] = Field(description="Check name -> should it pass; every check of the channel.")
    note: str = Field(default="", description="What the draft gets right or wrong.")
    source: str = Field(default="hand-written", description="Who wrote the draft: an engine version or a person.")

    @model_validator(mode="after")
    def _labels_every_check(self) -> Case:
        applies = checks_for(self.request.channel)
        unknown = sorted(set(self.expected) - set(CHECK_NAMES))
        if unknown:
            raise ValueError(f"expected: unknown check(s) {unknown}")
        extra = sorted(set(self.expected) - set(applies))
        if extra:
            raise ValueError(f"expected: {extra} do not run on {self.request.channel} drafts")
        # Checks come in two groups, the structural ones and the reader's: a case labels whole groups,
        # so no check of a group it speaks for is silently left out.
        groups = [[n for n in applies if n in READER_CHECK_NAMES - ANSWER_CHECK_NAMES], [n for n in applies if n in ANSWER_CHECK_NAMES],
                  [n for n in applies if n not in READER_CHECK_NAMES]]
        missing = [n for group in groups if set(group) & set(self.expected) for n in group if n not in self.expected]
        if missing:
            raise ValueError(f"expected: no label for {missing}")
        return self


def run(cases: list[Case], options: RunOptions) -> SuiteResult:
    """Every check on every labelled draft; a disagreement names the check, the label and the reason."""
    failures: list[Failure] = []
    counts = {name: {"tp": 0, "fp": 0, "fn": 0, "labelled": 0} for name in CHECK_NAMES}
    agreed = labels = 0
    for case in cases:
        draft = Draft(
            id=case.id, channel=case.request.channel, language=case.request.language, engine="hand-written",
            **case.draft.model_dump(),
        )
        report = attempt(case.id, lambda: run_checks(draft, case.request), failures, options)
        if report is None:
            continue
        wrong = []
        for check in report.checks:
            if check.name not in case.expected:
                continue  # a reader-only case labels the reader's checks
            should_pass = case.expected[check.name]
            c = counts[check.name]
            c["labelled"] += 1
            labels += 1
            flagged, problem = not check.passed, not should_pass
            c["tp"] += flagged and problem
            c["fp"] += flagged and not problem
            c["fn"] += problem and not flagged
            if flagged == problem:
                agreed += 1
            else:
                said = "flagged it" if flagged else "let it pass"
                label = "fail" if problem else "pass"
                wrong.append(f"{check.name} labelled {label} but the check {said} ({check.reason})")
        if wrong:
            failures.append(Failure(id=case.id, reason="; ".join(wrong)))

    per_check = {}
    for name, c in counts.items():
        precision, recall, _ = precision_recall(c["tp"], c["fp"], c["fn"])
        per_check[name] = {
            "precision": precision, "recall": recall, "support": c["tp"] + c["fn"], "labelled": c["labelled"],
        }
    metrics = {"label_agreement": rate(agreed, labels), "per_check": per_check}
    # Checks are code: the engine option does not apply, no engine wrote these drafts.
    return SuiteResult(suite="checkers", engine="none", cases=len(cases), metrics=metrics, failures=failures)
