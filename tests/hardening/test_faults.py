"""The fault drill's fast rows, in the suite: each endpoint fault ends in a usable, checked result with a notice, in bounded requests.

Runs benchmarks/fault_drill.py's endpoint (rebond.testing's scripted server) and rows (loopback, real openai
client, no retries); the timeout rows cost the timeout each and stay in the
documented command (`.venv/bin/python benchmarks/fault_drill.py`).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from hardening_support import ROOT
from rebond.settings import Settings


def _drill_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fault_drill", ROOT / "benchmarks" / "fault_drill.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


DRILL = _drill_module()
CASES = [(fault, pipeline) for fault in DRILL.FAULTS if fault != "timeout" for pipeline in ("drafting", "analysis")]


@pytest.fixture(scope="module")
def endpoint() -> Iterator[object]:
    with DRILL.Drill(hang_s=5) as drill:
        yield drill


@pytest.mark.parametrize(("fault", "pipeline"), CASES)
def test_each_fault_ends_in_a_usable_checked_result(endpoint: Any, fault: str, pipeline: str) -> None:
    settings = Settings(
        _env_file=None, openai_api_key="sk-drill-not-a-key", engine="llm", model=DRILL.MODEL, privacy="on",
        openai_base_url=endpoint.url(fault), timeout=3, max_retries=0,
    )  # fmt: skip
    row = DRILL.run_row(fault, pipeline, settings, endpoint, hard_cap_s=20)
    assert row.passed, f"{row.outcome}: {row.problem} (notice: {row.notice})"
    assert 1 <= row.requests <= 2, "one call, or one call and one repair"
    assert (row.outcome == f"llm:{DRILL.MODEL}") == (fault == "none"), row.outcome
    if fault == "error answer":  # said in words, whichever path met it
        assert "a répondu par une erreur" in row.notice, row.notice
