"""Analysis suite: labelled recruiter replies; per-category precision/recall/F1, kind accuracy and confusion."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict, Field, field_validator

from evals.suites import DATASETS, Failure, RunOptions, SuiteResult, attempt, precision_recall, rate
from rebond.models import AnalysisRequest, Category, Confidence, Ground, Kind, ReplyAnalysis

# A case without a "ground" key is not labelled for discrimination (older held-out files);
# "ground": null says the reply gives no protected ground.
UNLABELLED = "unlabelled"

DATASET = DATASETS / "replies.jsonl"


class Expected(BaseModel):
    """What a careful reader finds in the reply."""

    model_config = ConfigDict(extra="forbid")

    categories: list[Category] = Field(description="Every area the reply points to; empty for none.")
    kind: Kind = Field(description="constructive, generic or malicious.")
    ground: Ground | None | str = Field(
        default=UNLABELLED,
        description="The protected ground the reply gives as a reason, null for none; absent = not labelled.",
    )

    @field_validator("ground", mode="before")
    @classmethod
    def _known_ground(cls, value: object) -> object:
        if value is None or value == UNLABELLED:
            return value
        return Ground(value)  # an unknown id is an error, not a silent label


class Case(AnalysisRequest):
    """One line: a reply as pasted, its language (or "auto"), and the labels."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, description="Stable case id, e.g. rep-001.")
    expected: Expected = Field(description="The labels.")
    note: str = Field(default="", description="Why the case is in the set (hard case, trap...).")
    source: str = Field(default="", description="Real-world sets: where the original message was read.")

    @field_validator("expected")
    @classmethod
    def _no_repeats(cls, value: Expected) -> Expected:
        if len(set(value.categories)) != len(value.categories):
            raise ValueError("a category is listed twice")
        return value


def read(request: AnalysisRequest, options: RunOptions) -> ReplyAnalysis:
    """The analysis: the offline analyser, or the LLM pipeline against the configured endpoint."""
    if options.engine == "offline":
        from rebond.analyse import analyse_reply

        return analyse_reply(request, second_opinion=options.reader == "merged")
    from rebond.reading import read_reply

    return read_reply(request, options.settings)


def run(cases: list[Case], options: RunOptions) -> SuiteResult:
    """Each reply read once per repeat and compared with its labels."""
    failures: list[Failure] = []
    counts = {category: {"tp": 0, "fp": 0, "fn": 0} for category in Category}
    confusion = {str(kind): {str(other): 0 for other in Kind} for kind in Kind}
    seen_by_case: dict[str, set[tuple[str, frozenset[str]]]] = defaultdict(set)
    right_kind = exact = runs = 0
    flags = {"labelled": 0, "expected": 0, "missed": 0, "wrong": 0, "other_ground": 0}
    # Readings by confidence (ReplyAnalysis.confidence); an error is a wrong kind or a wrong set of
    # areas. The kind's own confidence is held to kind errors alone.
    by_confidence = {str(c): {"readings": 0, "errors": 0} for c in Confidence}
    by_kind_confidence = {str(c): {"readings": 0, "errors": 0} for c in Confidence}
    for case in cases:
        request = AnalysisRequest(id=case.id, language=case.language, reply=case.reply)
        expected = {str(c) for c in case.expected.categories}
        for round_ in range(options.repeat):
            label = case.id if options.repeat == 1 else f"{case.id}#{round_ + 1}"
            runs += 1
            analysis = attempt(label, lambda: read(request, options), failures, options)
            if analysis is None:
                continue
            found = {str(f.category) for f in analysis.categories}
            seen_by_case[case.id].add((str(analysis.kind), frozenset(found)))
            for category in Category:
                key = str(category)
                if key in found and key in expected:
                    counts[category]["tp"] += 1
                elif key in found:
                    counts[category]["fp"] += 1
                elif key in expected:
                    counts[category]["fn"] += 1
            confusion[str(case.expected.kind)][str(analysis.kind)] += 1
            right_kind += analysis.kind is case.expected.kind
            exact += analysis.kind is case.expected.kind and found == expected
            problems = []
            ground = case.expected.ground
            if ground != UNLABELLED:
                flags["labelled"] += 1
                flagged = analysis.discrimination_warning is not None
                if ground is not None:
                    flags["expected"] += 1
                    if not flagged:
                        flags["missed"] += 1
                        problems.append(f"discrimination flag missed ({ground})")
                    elif analysis.ground is not None and str(analysis.ground) != str(ground):
                        flags["other_ground"] += 1
                elif flagged:
                    flags["wrong"] += 1
                    problems.append(f"discrimination flag wrong (read {analysis.ground})")
            confidence = by_confidence[str(analysis.confidence)]
            confidence["readings"] += 1
            confidence["errors"] += analysis.kind is not case.expected.kind or found != expected
            kind_confidence = by_kind_confidence[str(analysis.kind_confidence)]
            kind_confidence["readings"] += 1
            kind_confidence["errors"] += analysis.kind is not case.expected.kind
            if found != expected:
                problems.append(f"categories expected {_listed(expected)}, got {_listed(found)}")
            if analysis.kind is not case.expected.kind:
                problems.append(f"kind expected {case.expected.kind}, got {analysis.kind}")
            if problems:
                failures.append(Failure(id=label, reason="; ".join(problems)))

    per_category = {}
    for category, c in counts.items():
        precision, recall, f1 = precision_recall(c["tp"], c["fp"], c["fn"])
        per_category[str(category)] = {
            "precision": precision, "recall": recall, "f1": f1, "support": c["tp"] + c["fn"],
        }
    unstable = sorted(case_id for case_id, seen in seen_by_case.items() if len(seen) > 1)
    for case_id in unstable:
        failures.append(Failure(id=case_id, reason="unstable: repeats gave different kinds or categories"))
    def calibration(table: dict[str, dict[str, int]]) -> dict[str, object]:
        errors = sum(c["errors"] for c in table.values())
        return {
            **{key: {**value, "error_rate": rate(value["errors"], value["readings"])} for key, value in table.items()},
            "errors_in_low": rate(table["low"]["errors"], errors),
        }

    metrics = {
        "discrimination": {
            "labelled": flags["labelled"],
            "grounds": flags["expected"],
            "flags_missed": flags["missed"],
            "flags_wrong": flags["wrong"],
            "other_ground": flags["other_ground"],
        },
        "confidence": calibration(by_confidence),
        "kind_confidence": calibration(by_kind_confidence),
        "category_macro_f1": round(sum(m["f1"] for m in per_category.values()) / len(per_category), 4),
        "kind_accuracy": rate(right_kind, runs),
        "exact_match_rate": rate(exact, runs),
        "per_category": per_category,
        "kind_confusion": confusion,
    }
    if options.repeat > 1:
        metrics["unstable_cases"] = len(unstable)
    engine = "offline" if options.engine == "offline" else f"llm:{options.settings.model if options.settings else '?'}"
    return SuiteResult(suite="analysis", engine=engine, cases=runs, metrics=metrics, failures=failures)


def _listed(categories: set[str]) -> str:
    return "[" + ", ".join(sorted(categories)) + "]"
