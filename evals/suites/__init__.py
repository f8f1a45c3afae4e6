"""What every eval suite shares: its result, the options of a run, and a JSONL reader that names the bad line.

A suite module has ``DATASET`` (its default file), ``Case`` (the pydantic model of
one dataset line, i.e. the documented schema) and ``run(cases, options) -> SuiteResult``.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rebond.settings import Settings

SUITE_NAMES = ("requests", "analysis", "checkers", "guardrails", "metamorphic")
DATASETS = Path(__file__).resolve().parents[1] / "datasets"
# An offline case takes milliseconds (a metamorphic relation writes up to 5 drafts);
# one that takes this long is stuck in a loop. Generous, so a loaded CI machine
# importing a library inside a case is never mistaken for a hang.
OFFLINE_CASE_SECONDS = 5.0

CaseT = TypeVar("CaseT", bound=BaseModel)
T = TypeVar("T")


class Failure(BaseModel):
    """One case that did not meet its expectation, or one threshold that did not hold."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    id: str
    """The case id (``req-038``), ``case/relation`` for metamorphic cases, or the metric path for a threshold."""
    reason: str
    """What went wrong, in one line."""


class SuiteResult(BaseModel):
    """One suite's outcome: exactly the keys ``--json`` prints."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    suite: str
    """Which suite ran."""
    engine: str
    """What produced the outputs judged: 'offline', 'llm:<model>', 'fake-llm' (guardrails) or 'none' (checkers)."""
    cases: int
    """How many evaluations ran (dataset cases × repeats; metamorphic: sampled requests × relations)."""
    passed: bool = False
    """True when every threshold in thresholds.yaml holds; set by the runner."""
    metrics: dict[str, Any] = Field(default_factory=dict)
    """The suite's numbers; see evals/README.md."""
    failures: list[Failure] = Field(default_factory=list)
    """Cases that failed, then thresholds that did not hold."""


@dataclass(frozen=True)
class RunOptions:
    """How to run a suite."""

    engine: Literal["offline", "llm"] = "offline"
    repeat: int = 1
    judge: bool = False
    settings: Settings | None = None  # the configured endpoint, for --engine llm
    dataset_given: bool = False  # True when --dataset named the file (metamorphic then uses every line)
    reader: Literal["merged", "rules"] = "merged"  # analysis offline: rules + second opinion, or the rules alone


class DatasetError(ValueError):
    """A dataset the runner cannot use; exit code 2."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def read_jsonl(path: Path, model: type[CaseT]) -> list[CaseT]:
    """Every non-blank line of ``path`` validated as ``model``; the first bad line raises DatasetError."""
    if not path.is_file():
        raise DatasetError(path, None, "no such file" if not path.exists() else "not a file")
    cases: list[CaseT] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DatasetError(path, number, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
            if not isinstance(raw, dict):
                raise DatasetError(path, number, "each line must be a JSON object")
            try:
                case = model.model_validate(raw)
            except ValidationError as exc:
                raise DatasetError(path, number, _describe(exc)) from None
            case_id = str(getattr(case, "id", ""))
            if case_id in seen:
                raise DatasetError(path, number, f"id {case_id!r} already used on line {seen[case_id]}")
            seen[case_id] = number
            cases.append(case)
    if not cases:
        raise DatasetError(path, None, "no cases (the file is empty)")
    return cases


def _describe(exc: ValidationError) -> str:
    """The first error as 'field.path: problem' (just the problem when it is about the whole line)."""
    err = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def rate(part: int, whole: int) -> float:
    """part / whole, rounded for reports; 1.0 when there is nothing to count."""
    return round(part / whole, 4) if whole else 1.0


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; with no positive label and no positive prediction all three are 1.0."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


class CaseTimeout(Exception):
    """An offline case ran longer than OFFLINE_CASE_SECONDS."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    # SIGALRM interrupts a pure-Python loop; only the main thread may set it.
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(case_id: str, work: Callable[[], T], failures: list[Failure], options: RunOptions) -> T | None:
    """``work()``, or None after recording why it crashed or hung: one broken case never stops a suite."""
    try:
        with _deadline(OFFLINE_CASE_SECONDS if options.engine == "offline" else None):
            return work()
    except Exception as exc:  # the engine under test may raise anything; report it as this case's failure
        failures.append(Failure(id=case_id, reason=f"crashed: {type(exc).__name__}: {str(exc)[:200]}"))
        return None
