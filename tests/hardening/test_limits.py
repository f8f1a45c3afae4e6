"""Limits: over each documented size, the message names the field and the limit (models, CLI exit 2, app), and nothing else typed is lost.

Guards against: a limit that drifts from the README; a silent truncation; a
form that forgets the other fields when one is too long; and a browser widget
that silently refuses an over-long paste (Streamlit's max_chars ignores the
whole paste and says nothing), which used to happen to every text field.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from hardening_support import FORM, FORM_FIELDS, ROOT, app, click, errors, fill, ok, widget
from rebond import cli
from rebond.journal import Journal
from rebond.models import FIELD_LIMITS, REPLY_MAX_CHARS, AnalysisRequest, DraftRequest, InterviewContext, first_error

TEXT_LIMITS = {name: limit for name, limit in FIELD_LIMITS.items() if name != "interview_date"}
VALID = {"candidate_name": "Camille Roy", "company": "Ubisoft", "role": "Analyste"}
# One-line fields fold line breaks; free-text fields keep them. Either way the limit counts what is kept.
ONE_LINE = {"candidate_name", "recruiter_name", "company", "role"}


def _over(field: str) -> str:
    return "é" * (TEXT_LIMITS[field] + 1)


def test_the_readme_documents_the_limits_the_code_enforces() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Limits") :].split("\n\n")[1]
    documented = {}
    for line in table.splitlines()[2:]:
        names, value = (cell.strip() for cell in line.strip("|").split("|"))
        for name in names.split(","):
            documented[name.strip()] = value.replace(",", "")
    for field, limit in TEXT_LIMITS.items():
        assert documented[field] == str(limit), field
    assert documented["a pasted reply"] == str(REPLY_MAX_CHARS)


@pytest.mark.parametrize("field", TEXT_LIMITS)
def test_at_the_limit_is_kept_whole_and_one_past_is_refused_by_name(field: str) -> None:
    limit = TEXT_LIMITS[field]
    padded = "  " + "é" * limit + "\n "  # surrounding whitespace is stripped before counting
    kept = InterviewContext(**{**VALID, field: padded})
    assert getattr(kept, field) == "é" * limit
    with pytest.raises(ValidationError) as raised:
        InterviewContext(**{**VALID, field: _over(field)})
    assert first_error(raised.value) == f"{field}: {field} is too long: {limit + 1} characters, the limit is {limit}"


def test_other_documented_bounds_name_their_field() -> None:
    cases = [
        (AnalysisRequest, {"reply": "é" * (REPLY_MAX_CHARS + 1)},
         f"reply: reply is too long: {REPLY_MAX_CHARS + 1} characters, the limit is {REPLY_MAX_CHARS}"),
        (AnalysisRequest, {"reply": "Merci", "candidate_name": "C" * 101}, "candidate_name: String should have at most 100"),
        (AnalysisRequest, {"reply": "Merci", "recruiter_name": "R" * 101}, "recruiter_name: String should have at most 100"),
        (DraftRequest, {"context": VALID, "id": "i" * 201}, "id: String should have at most 200"),
        (DraftRequest, {"context": VALID, "variant": 1000}, "variant: Input should be less than or equal to 999"),
        (DraftRequest, {"context": VALID, "tone": {"warmth": 101}}, "tone.warmth: Input should be less than or equal to 100"),
        (DraftRequest, {"context": {**VALID, "interview_date": "2026-11-200"}}, "context.interview_date: interview_date must be"),
    ]  # fmt: skip
    for model, value, message in cases:
        with pytest.raises(ValidationError) as raised:
            model.model_validate(value)
        assert first_error(raised.value).startswith(message), first_error(raised.value)
    assert AnalysisRequest(reply=" " + "é" * REPLY_MAX_CHARS + "\n").reply == "é" * REPLY_MAX_CHARS


# ---- CLI ----------------------------------------------------------------------------


def _cli(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(argv, out=out)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("field", TEXT_LIMITS)
def test_cli_over_a_limit_exits_2_naming_the_field_and_the_limit(field: str, monkeypatch: pytest.MonkeyPatch) -> None:
    request = {"context": {**VALID, field: _over(field)}}
    code, out, err = _cli(["draft", "--json"], json.dumps(request), monkeypatch)
    limit = TEXT_LIMITS[field]
    assert (code, out) == (2, "")
    assert err == f"rebond: context.{field}: {field} is too long: {limit + 1} characters, the limit is {limit}\n"


def test_cli_reply_over_the_limit_exits_2_and_names_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = _cli(["analyze"], "é" * (REPLY_MAX_CHARS + 1), monkeypatch)
    assert (code, out) == (2, "") and f"the limit is {REPLY_MAX_CHARS}" in err and err.startswith("rebond: reply:")
    lines = json.dumps({"reply": "Merci"}) + "\n" + json.dumps({"reply": "é" * (REPLY_MAX_CHARS + 1)})
    code, out, err = _cli(["analyze", "--json"], lines, monkeypatch)
    assert (code, out) == (2, "") and err.startswith("rebond: line 2: reply: reply is too long")


def test_the_console_script_exits_2_over_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps({"context": {**VALID, "notes": _over("notes")}}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "rebond.cli", "draft", "--input", str(path)], capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "REBOND_ENGINE": "offline"}, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == "rebond: context.notes: notes is too long: 2001 characters, the limit is 2000"


# ---- app ----------------------------------------------------------------------------


def test_no_form_field_silently_refuses_a_long_paste() -> None:
    """A browser widget with max_chars ignores a longer paste entirely, without a word; the model's limit speaks instead."""
    at = ok(app().run())
    for key in FORM_FIELDS:
        assert not widget(at, key).max_chars, key
    at.switch_page("views/analyse.py").run()
    assert not at.text_area(key="analyse_reply_text").max_chars


def test_the_draft_form_names_the_field_and_limit_and_keeps_everything_typed(app_env: Path) -> None:
    at = ok(fill(app().run(), FORM))
    good = next(code.value for code in at.code if "Camille Tremblay" in code.value)
    for key, field in FORM_FIELDS.items():
        limit = FIELD_LIMITS[field]
        too_long = FORM[key][:1] + "x" * limit
        widget(at, key).input(too_long)
        at.run()
        shown = errors(ok(at))
        assert f"» est trop long : {limit + 1} caractères, la limite est de {limit}" in shown, (field, shown)
        assert widget(at, key).value == too_long, "the over-long text stays in its field, to be shortened"
        for other, value in FORM.items():
            if other != key:
                assert widget(at, other).value == value, (field, other)
        assert not at.code, "no draft from a request that breaks a limit"
        widget(at, key).input(FORM[key])
        at.run()
        assert not ok(at).error and any(code.value == good for code in at.code), field
    saved = {json.dumps(r.request.context.model_dump(mode="json")) for r in Journal(app_env).drafts()}
    assert all("x" * 100 not in context for context in saved), "nothing over a limit reached the journal"


def test_a_reply_over_the_limit_is_kept_and_explained(app_env: Path) -> None:
    at = ok(app().run())
    at.switch_page("views/analyse.py").run()
    reply = "Merci pour votre intérêt. " + "é" * REPLY_MAX_CHARS
    at.text_area(key="analyse_reply_text").input(reply)
    click(at, "Analyser la réponse")
    shown = errors(ok(at))
    assert f"« Réponse du recruteur » est trop long : {len(reply)} caractères, la limite est de {REPLY_MAX_CHARS}" in shown, shown
    assert at.text_area(key="analyse_reply_text").value == reply
    assert not Journal(app_env).analyses()
    at.text_area(key="analyse_reply_text").input(reply[:REPLY_MAX_CHARS])
    click(at, "Analyser la réponse")
    assert not ok(at).error and len(Journal(app_env).analyses()) == 1
