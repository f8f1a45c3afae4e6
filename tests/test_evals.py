"""The eval runner: bad arguments and malformed datasets exit 2 with the line, a failed threshold exits 1,
--json has exactly the documented keys, reports are written, and a broken engine case never stops a suite.

Suites run on tiny temporary datasets so these tests stay fast.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

from evals import runner
from evals.suites import RunOptions, precision_recall
from evals.suites import metamorphic as metamorphic_suite
from evals.suites import requests as requests_suite
from rebond.checks import checks_for
from rebond.models import DraftRequest
from rebond.resources import load_data

KEYS = {"suite", "engine", "cases", "passed", "metrics", "failures"}

REQUEST: dict[str, Any] = {
    "id": "t-req-1",
    "language": "en",
    "channel": "email",
    "context": {"candidate_name": "Jordan Miller", "recruiter_name": "Ms Patel", "company": "Northwind Analytics",
                "role": "Data Analyst", "interview_date": "2026-10-14", "rejection_message": "", "notes": ""},
    "tone": {"formality": 60, "warmth": 50, "directness": 50, "length": 50},
}
REPLY = {"id": "t-rep-1", "language": "en", "expected": {"categories": ["skills"], "kind": "constructive"},
         "reply": "Hi Jordan, thanks for asking. Your SQL skills were not strong enough for this role. Best, Ms Patel"}
GUARDRAIL = {"id": "t-gr-1", "pipeline": "draft", "bad_output": "wrong_language", "request": REQUEST,
             "answers": [{"offline_draft": {"language": "fr"}}, {"offline_draft": {}}],
             "expected": {"outcome": "repaired", "notice": "the model answered in French"}}


def checker_case() -> dict[str, Any]:
    """A good hand-written email, labelled to pass every check."""
    body = ("Dear Ms Patel,\n\nThank you for your message. I was sorry to learn that I was not selected for the "
            "Data Analyst role at Northwind Analytics.\n\nWould you be willing to share some feedback on what I could "
            "improve before my next interviews? Even a few lines would help me prepare better.\n\nI would be glad to "
            "be considered for future opportunities at Northwind Analytics.\n\nKind regards,\nJordan Miller")
    # A short email thanking for the message it answers: the news came in writing.
    request = {**REQUEST, "tone": {**REQUEST["tone"], "length": 10},
               "context": {**REQUEST["context"], "news_channel": "written"}}
    return {"id": "t-chk-1", "request": request, "draft": {"subject": "Data Analyst interview – feedback", "body": body},
            "expected": dict.fromkeys(checks_for(DraftRequest.model_validate(request).channel), True)}


def write_jsonl(path: Path, *rows: Any) -> Path:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows), encoding="utf-8")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = runner.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def no_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No OPENAI_* / REBOND_* from the machine and no .env: these tests never reach a model."""
    import os

    for name in list(os.environ):
        if name.startswith(("OPENAI_", "REBOND_")) and name != "REBOND_PROMPTS_DIR":
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


# ---- arguments ----------------------------------------------------------------------


def test_unknown_suite_exits_2_with_argparse_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("everything")
    assert code == 2
    assert "invalid choice: 'everything'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["all", "--dataset", "x.jsonl"], "--dataset needs one suite"),
        (["requests", "--repeat", "0"], "--repeat must be 1 or more"),
        (["requests", "--judge"], "--judge needs --engine llm"),
        (["requests", "--engine", "llm"], "--engine llm needs an endpoint"),
    ],
)
def test_bad_arguments_exit_2_with_a_clear_message(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.startswith("python -m evals: error: ") and message in err


def test_report_path_that_is_a_file_exits_2(tmp_path: Path) -> None:
    dataset = write_jsonl(tmp_path / "r.jsonl", REQUEST)
    blocker = tmp_path / "report"
    blocker.write_text("")
    code, _, err = run("requests", "--dataset", str(dataset), "--report", str(blocker))
    assert code == 2 and "is not a directory" in err


# ---- malformed datasets ----------------------------------------------------------------


def test_missing_dataset_exits_2(tmp_path: Path) -> None:
    code, _, err = run("analysis", "--dataset", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "nope.jsonl: no such file" in err


@pytest.mark.parametrize(
    ("suite", "rows", "message"),
    [
        ("analysis", [REPLY, "{not json"], "line 2: not valid JSON"),
        ("analysis", [{**REPLY, "expected": {"categories": [], "kind": "nice"}}], "line 1: expected.kind: Input should be"),
        ("analysis", [REPLY, {**REPLY}], "line 2: id 't-rep-1' already used on line 1"),
        ("analysis", [{**REPLY, "expceted": {}}], "line 1: expceted: Extra inputs are not permitted"),
        ("requests", ["", {**REPLY}], "line 2: "),
        ("requests", [{**REQUEST, "tone": {"length": 140}}], "line 1: tone.length: Input should be less than or equal to 100"),
        ("checkers", [{**checker_case(), "expected": {"greeting": True}}], "line 1: expected: no label for"),
        ("checkers", [{**checker_case(), "expected": {**checker_case()["expected"], "politeness": True}}],
         "unknown check(s) ['politeness']"),
        ("guardrails", [{**GUARDRAIL, "answers": [{"text": "a", "error": "TimeoutError"}]}], "line 1: answers.0: "),
        ("guardrails", [{**GUARDRAIL, "request": {"reply": "hi"}}], "request: context: Field required"),
        ("metamorphic", ["[1, 2]"], "line 1: each line must be a JSON object"),
    ],
)
def test_malformed_dataset_exits_2_naming_the_line(tmp_path: Path, suite: str, rows: list[Any], message: str) -> None:
    dataset = write_jsonl(tmp_path / "bad.jsonl", *rows)
    code, out, err = run(suite, "--dataset", str(dataset))
    assert code == 2 and out == ""
    assert "bad.jsonl" in err and message in err


def test_empty_dataset_exits_2(tmp_path: Path) -> None:
    code, _, err = run("requests", "--dataset", str(write_jsonl(tmp_path / "empty.jsonl", "")))
    assert code == 2 and "no cases" in err


def test_malformed_thresholds_exit_2(tmp_path: Path) -> None:
    dataset = write_jsonl(tmp_path / "r.jsonl", REPLY)
    bad = tmp_path / "t.yaml"
    bad.write_text("analysis:\n  kind_accuracy: high\n")
    code, _, err = run("analysis", "--dataset", str(dataset), "--thresholds", str(bad))
    assert code == 2 and "analysis.kind_accuracy: a bound must be a number" in err


# ---- thresholds, --json and reports -------------------------------------------------------


def test_a_failed_threshold_exits_1_and_names_case_and_metric(tmp_path: Path) -> None:
    wrong = {**REPLY, "expected": {"categories": ["skills"], "kind": "generic"}}
    code, out, _ = run("analysis", "--dataset", str(write_jsonl(tmp_path / "r.jsonl", wrong)), "--json")
    assert code == 1
    result = json.loads(out)
    assert result["passed"] is False
    ids = [f["id"] for f in result["failures"]]
    # the one error is a confident one, so calibration fails too: the low readings hold none of the errors
    assert ids == ["t-rep-1", "kind_accuracy", "confidence.errors_in_low"]
    assert "kind expected generic, got constructive" in result["failures"][0]["reason"]
    assert "below the minimum 0.9" in result["failures"][1]["reason"]


def test_json_keys_and_headline_metrics_of_each_suite(tmp_path: Path) -> None:
    datasets = {
        "requests": write_jsonl(tmp_path / "q.jsonl", REQUEST),
        "analysis": write_jsonl(tmp_path / "a.jsonl", REPLY),
        "checkers": write_jsonl(tmp_path / "c.jsonl", checker_case()),
    }
    results = {}
    for suite, path in datasets.items():
        code, out, _ = run(suite, "--dataset", str(path), "--json")
        results[suite] = json.loads(out)
        assert code == 0, results[suite]["failures"]
        assert set(results[suite]) == KEYS
        assert results[suite]["suite"] == suite and results[suite]["passed"] is True
        assert all(set(f) == {"id", "reason"} for f in results[suite]["failures"])
    assert results["requests"]["metrics"]["pass_rate"] == 1.0 and results["requests"]["engine"] == "offline"
    assert {"category_macro_f1", "kind_accuracy", "kind_confusion"} <= set(results["analysis"]["metrics"])
    per_check = results["checkers"]["metrics"]["per_check"]
    assert all({"precision", "recall", "support"} <= set(m) for m in per_check.values())


def test_all_prints_a_list_and_writes_both_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evals.suites import analysis, checkers, guardrails

    monkeypatch.setattr(requests_suite, "DATASET", write_jsonl(tmp_path / "q.jsonl", REQUEST))
    monkeypatch.setattr(metamorphic_suite, "DATASET", write_jsonl(tmp_path / "m.jsonl", REQUEST))
    monkeypatch.setattr(analysis, "DATASET", write_jsonl(tmp_path / "a.jsonl", REPLY))
    monkeypatch.setattr(checkers, "DATASET", write_jsonl(tmp_path / "c.jsonl", checker_case()))
    monkeypatch.setattr(guardrails, "DATASET", write_jsonl(tmp_path / "g.jsonl", GUARDRAIL))
    report = tmp_path / "out" / "report"
    code, out, err = run("all", "--json", "--report", str(report))
    results = json.loads(out)
    assert [r["suite"] for r in results] == ["requests", "analysis", "checkers", "guardrails", "metamorphic"]
    assert all(set(r) == KEYS for r in results)
    assert code == (0 if all(r["passed"] for r in results) else 1)
    assert json.loads((report / "report.json").read_text(encoding="utf-8")) == results
    markdown = (report / "report.md").read_text(encoding="utf-8")
    assert "| Suite | Engine | Cases | Result | Failures |" in markdown
    assert all(f"## {suite}" in markdown for suite in ("requests", "checkers", "metamorphic"))
    assert "### per_check" in markdown
    assert "5 suite(s) in" in err


def test_text_output_lists_failures(tmp_path: Path) -> None:
    wrong = {**REPLY, "expected": {"categories": [], "kind": "constructive"}}
    code, out, _ = run("analysis", "--dataset", str(write_jsonl(tmp_path / "r.jsonl", wrong)))
    assert code == 1  # one false positive: skills precision 0, macro F1 under 0.85
    assert "analysis · offline · 1 cases · FAIL" in out
    assert "✗ t-rep-1: categories expected [], got [skills]" in out


def test_threshold_paths_with_wildcards_minimums_and_maximums() -> None:
    metrics = {"pass_rate": 0.9, "per_check": {"a": {"recall": 1.0}, "b": {"recall": 0.5}}, "crashed_cases": 2}
    bounds = {"pass_rate": 0.95, "per_check.*.recall": 0.9, "crashed_cases": {"max": 0}, "nowhere": 1}
    misses = {f.id: f.reason for f in runner.threshold_misses(metrics, bounds)}
    assert set(misses) == {"pass_rate", "per_check.b.recall", "crashed_cases", "nowhere"}
    assert "above the maximum" in misses["crashed_cases"] and "no such metric" in misses["nowhere"]


def test_llm_thresholds_apply_only_to_llm_runs() -> None:
    offline = runner.load_thresholds(runner.THRESHOLDS, "offline")
    llm = runner.load_thresholds(runner.THRESHOLDS, "llm")
    assert "llm_rate" not in offline["requests"] and "llm_rate" in llm["requests"]
    assert llm["checkers"] == offline["checkers"]


def test_precision_and_recall_when_there_is_nothing_to_find() -> None:
    assert precision_recall(0, 0, 0) == (1.0, 1.0, 1.0)
    assert precision_recall(0, 2, 0)[0] == 0.0
    assert precision_recall(3, 1, 1) == (0.75, 0.75, 0.75)


# ---- robustness: one broken case is a failure, not a crash or a hang ----------------------


def test_an_engine_error_is_a_failed_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(request: DraftRequest, options: RunOptions) -> Any:
        raise KeyError("our_interview")

    monkeypatch.setattr(requests_suite, "write", broken)
    code, out, _ = run("requests", "--dataset", str(write_jsonl(tmp_path / "q.jsonl", REQUEST)), "--json")
    result = json.loads(out)
    assert code == 1 and result["metrics"]["crashed_cases"] == 1
    assert result["failures"][0] == {"id": "t-req-1", "reason": "crashed: KeyError: 'our_interview'"}


def test_a_stuck_offline_case_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import evals.suites

    def loops(request: DraftRequest, options: RunOptions) -> Any:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(evals.suites, "OFFLINE_CASE_SECONDS", 0.2)
    monkeypatch.setattr(requests_suite, "write", loops)
    code, out, _ = run("requests", "--dataset", str(write_jsonl(tmp_path / "q.jsonl", REQUEST)), "--json")
    assert code == 1
    assert json.loads(out)["failures"][0]["reason"] == "crashed: CaseTimeout: took more than 0.2 s"


# ---- suite internals worth pinning --------------------------------------------------------


def test_name_swaps_keep_titles_shape_and_role_words() -> None:
    request = DraftRequest.model_validate(
        {**REQUEST, "context": {**REQUEST["context"], "recruiter_name": "Dr. Sarah Chen", "company": "Data Atelier"}}
    )
    swaps = metamorphic_suite.name_swaps(request)
    assert "Dr" not in swaps and "Data" not in swaps  # a title, and a word the role shares
    for word, other in swaps.items():
        assert len(other) == len(word) and other != word
        assert (word[0].lower() in "aeiouyh") == (other[0].lower() in "aeiouyh")  # French elision unchanged


def test_a_checker_mismatch_names_the_check_and_both_sides(tmp_path: Path) -> None:
    case = checker_case()
    case["expected"]["no_cliche"] = False  # the draft has no cliché: the check rightly passes
    code, out, _ = run("checkers", "--dataset", str(write_jsonl(tmp_path / "c.jsonl", case)), "--json")
    result = json.loads(out)
    assert code == 1
    assert result["metrics"]["per_check"]["no_cliche"] == {"precision": 0.0, "recall": 0.0, "support": 1, "labelled": 1}
    assert "no_cliche labelled fail but the check let it pass" in result["failures"][0]["reason"]


def test_judge_scores_each_principle_with_a_fake_model() -> None:
    from langchain_core.messages import AIMessage

    from evals.suites.guardrails import ScriptedModel
    from evals.suites.judge import judge_drafts
    from rebond.compose import compose
    from rebond.guidance import principle_ids

    case = requests_suite.Case.model_validate(REQUEST)
    draft = compose(DraftRequest.model_validate(REQUEST))
    scores = [{"principle": pid, "score": 5, "reason": "fine"} for pid in principle_ids("draft")]
    scores[0] = {**scores[0], "score": 2, "reason": "apologises for asking"}
    call = {"name": "Verdict", "args": {"scores": scores}, "id": "c1", "type": "tool_call"}
    model = ScriptedModel(script=[AIMessage(content="", tool_calls=[call])])
    failures: list[Any] = []
    metrics = judge_drafts([case], {case.id: [draft]}, RunOptions(engine="llm"), failures, model=model)
    assert metrics[principle_ids("draft")[0]] == {"mean": 2.0, "min": 2, "drafts": 1}
    assert failures[0].reason.startswith(f"judge: {principle_ids('draft')[0]} 2/5")
    sent = "\n".join(str(m.content) for m in model.history[0])
    assert "Jordan" not in sent and "Northwind" not in sent  # privacy on by default
    assert all(pid in sent for pid in principle_ids("draft"))


def test_guardrail_dataset_covers_every_listed_bad_output() -> None:
    rows = [json.loads(line) for line in (runner.Path(__file__).parents[1] / "evals/datasets/guardrails.jsonl").open()]
    kinds = {row["bad_output"] for row in rows}
    assert {"wrong_language", "invented_facts", "begging", "no_ask", "placeholder", "over_length",
            "echoed_injection", "invalid_json", "fabricated_evidence"} <= kinds
    assert load_data("llm.yaml")  # the notices the cases quote come from here


def test_swap_relation_catches_text_that_depends_on_a_name() -> None:
    from rebond.models import Draft

    class NameSensitive:
        """Writes the company, and one more sentence only for companies starting with N."""

        def draft(self, request: DraftRequest, **changes: Any) -> Draft:
            company = metamorphic_suite.changed_request(request, **changes).context.company
            body = f"Hello, thanks from {company}." + (" Extra sentence." if company.startswith("N") else "")
            return Draft(body=body, channel=request.channel, language=request.language, engine="fake")

    request = DraftRequest.model_validate(REQUEST)
    problem = metamorphic_suite.swapping_names_changes_only_them(request, NameSensitive())  # type: ignore[arg-type]
    assert problem is not None and "Extra sentence" in problem


def test_llm_engine_runs_the_pipeline_repeats_and_judge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--engine llm end to end, with the endpoint replaced by a scripted model (no network)."""
    from langchain_core.messages import AIMessage

    import rebond.llm
    from evals.suites.guardrails import ScriptedModel, offline_text
    from evals.suites.guardrails import Case as GuardrailCase
    from rebond.guidance import principle_ids

    good = offline_text(GuardrailCase.model_validate(GUARDRAIL), {})
    scores = [{"principle": pid, "score": 4, "reason": "ok"} for pid in principle_ids("draft")]
    verdict = AIMessage(content="", tool_calls=[{"name": "Verdict", "args": {"scores": scores}, "id": "c", "type": "tool_call"}])
    model = ScriptedModel(script=[good, good, verdict, verdict])
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    monkeypatch.setattr(rebond.llm, "build_chat_model", lambda settings=None: model)
    dataset = write_jsonl(tmp_path / "q.jsonl", REQUEST)
    code, out, _ = run("requests", "--dataset", str(dataset), "--engine", "llm", "--repeat", "2", "--judge", "--json")
    result = json.loads(out)
    assert result["engine"] == "llm:fake-llm" and result["cases"] == 2
    assert result["metrics"]["llm_rate"] == 1.0 and result["metrics"]["unstable_cases"] == 0
    assert result["metrics"]["judge"][principle_ids("draft")[0]] == {"mean": 4.0, "min": 4, "drafts": 2}
    assert code == 0, result["failures"]
    assert len(model.history) == 4
