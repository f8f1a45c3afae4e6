"""The rebond command: JSON and JSONL in, results in input order, one-line errors with exit code 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rebond.cli import main

REQUEST = {"id": "x1", "language": "en", "channel": "email",
           "context": {"candidate_name": "Jordan Miller", "recruiter_name": "", "company": "Acme",
                       "role": "Data Analyst", "interview_date": "", "rejection_message": "", "notes": ""},
           "tone": {"formality": 80, "warmth": 50, "directness": 50, "length": 40}}


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("REBOND_ENGINE", "offline")


def run(argv, stdin_text, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(stdin_text))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_draft_json_echoes_id_and_includes_checks(monkeypatch, capsys):
    code, out, _ = run(["draft", "--json"], json.dumps(REQUEST), monkeypatch, capsys)
    result = json.loads(out)
    assert code == 0 and result["id"] == "x1" and result["engine"] == "offline"
    assert result["subject"] and "Data Analyst" in result["body"]
    assert result["checks"]["passed"] is True and len(result["checks"]["checks"]) >= 19


def test_draft_jsonl_keeps_input_order(monkeypatch, capsys):
    lines = [json.dumps({**REQUEST, "id": f"r{i}", "language": lang}) for i, lang in enumerate(["fr", "en", "fr-FR"])]
    code, out, _ = run(["draft", "--json"], "\n".join(lines) + "\n", monkeypatch, capsys)
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in results] == ["r0", "r1", "r2"]
    assert [r["language"] for r in results] == ["fr", "en", "fr-FR"]


def test_draft_text_output_is_readable(monkeypatch, capsys):
    code, out, _ = run(["draft"], json.dumps(REQUEST), monkeypatch, capsys)
    assert code == 0 and out.startswith("# x1") and "Subject:" in out and "✓ Asks for feedback: passed" in out


def test_french_text_output_is_labelled_in_french(monkeypatch, capsys):
    """Issue #11: « Objet : », « Message vocal : » and check names in the draft's language, never English."""
    phone = {**REQUEST, "language": "fr", "channel": "phone"}
    code, out, _ = run(["draft", "--phone", "514 555-0182", "--gender", "feminine"], json.dumps(phone), monkeypatch, capsys)
    assert code == 0 and "Message vocal :" in out and "✓ Demande de rétroaction : réussi" in out
    assert "Voicemail" not in out and "passed" not in out and "feedback_request" not in out
    assert "514 555-0182" in out
    email = {**REQUEST, "language": "fr-FR"}
    _, out, _ = run(["draft"], json.dumps(email), monkeypatch, capsys)
    assert "Objet :" in out and "Subject:" not in out


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({**REQUEST, "context": {**REQUEST["context"], "company": " "}}, "context.company: company is required"),
        ({**REQUEST, "tone": {"formality": 140}}, "tone.formality:"),
        ({**REQUEST, "channel": "fax"}, "channel:"),
        ("not json at all", "line 1: not valid JSON"),
    ],
)
def test_bad_draft_input_is_one_line_exit_2(payload, message, monkeypatch, capsys):
    text = payload if isinstance(payload, str) else json.dumps(payload)
    code, out, err = run(["draft"], text, monkeypatch, capsys)
    assert code == 2 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_line_in_jsonl_names_the_line(monkeypatch, capsys):
    good = json.dumps(REQUEST)
    code, _, err = run(["draft"], f"{good}\n{{broken\n", monkeypatch, capsys)
    assert code == 2 and "line 2" in err


def test_analyze_plain_text_and_jsonl(monkeypatch, capsys):
    code, out, _ = run(["analyze", "--json"], "Your CV did not show enough experience with Python.", monkeypatch, capsys)
    result = json.loads(out)
    assert code == 0 and result["language"] == "en" and result["kind"] == "constructive"
    lines = "\n".join(json.dumps(x) for x in [
        {"id": "a", "language": "fr", "reply": "Il vous manquait de l'expérience en gestion d'équipe.", "extra": 1},
        {"id": "b", "language": "en", "reply": "We received many applications and wish you luck."},
    ])
    code, out, _ = run(["analyze", "--json"], lines, monkeypatch, capsys)
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", "b"] and results[1]["kind"] == "generic"


def test_analyze_rejects_empty_reply(monkeypatch, capsys):
    code, _, err = run(["analyze"], json.dumps({"id": "a", "reply": "  "}), monkeypatch, capsys)
    assert code == 2 and "reply is empty" in err


def test_console_script_runs_in_a_subprocess(tmp_path):
    path = tmp_path / "req.json"
    path.write_text(json.dumps(REQUEST), encoding="utf-8")
    exe = Path(sys.executable).with_name("rebond")
    done = subprocess.run([str(exe), "draft", "--input", str(path), "--json"], capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "REBOND_ENGINE": "offline"})
    assert done.returncode == 0 and json.loads(done.stdout)["id"] == "x1"
    missing = subprocess.run([str(exe), "draft", "--input", str(tmp_path / "nope.json")], capture_output=True,
                             text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_analyze_region_chooses_the_rights_body_and_a_line_may_carry_its_own(monkeypatch, capsys):
    code, out, _ = run(["analyze", "--json", "--region", "uk"], "You are too old for this team.", monkeypatch, capsys)
    analysis = json.loads(out)
    assert code == 0 and analysis["kind"] == "malicious" and analysis["ground"] == "age"
    assert "EHRC" in analysis["discrimination_warning"]
    line = json.dumps({"id": "a", "language": "fr", "region": "fr", "reply": "Vous êtes trop âgé pour ce poste."})
    code, out, _ = run(["analyze", "--json"], line, monkeypatch, capsys)
    assert code == 0 and "Défenseur des droits" in json.loads(out)["discrimination_warning"]
