"""Secrets: a recognisable fake key never shows up in logs, notices, exceptions shown to the user, exports, the journal file or the page.

The local endpoint answers every call with an error that quotes the whole
Authorization header (OpenAI's 401 quotes part of the key; some proxies quote
all of it), so any place that passes a provider's error text along leaks the
key. Guards against: logging an exception's text, a notice built from it, and
secrets files that git would pick up.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tomllib
from pathlib import Path

import openai
import pytest

from hardening_support import CANARY, FORM, REPLY, ROOT, EchoServer, app, click, fill, ok, page_text
from rebond import exports
from rebond.drafting import stream_draft, write_draft
from rebond.journal import Journal
from rebond.models import AnalysisRequest, DraftRequest, InterviewContext
from rebond.reading import read_reply
from rebond.settings import Settings

REQUEST = DraftRequest(context=InterviewContext(candidate_name="Camille Roy", company="Ubisoft", role="Analyste"))
STATUSES = [400, 401, 403, 429, 500]


def _sidecars(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


@pytest.fixture(scope="module")
def endpoint():
    with EchoServer() as server:
        yield server


def test_the_endpoint_really_quotes_the_key(endpoint: EchoServer) -> None:
    """Without this, the tests below could pass only because nothing ever carried the key."""
    client = openai.OpenAI(api_key=CANARY, base_url=endpoint.url(401), max_retries=0)
    with pytest.raises(openai.AuthenticationError) as raised:
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert CANARY in str(raised.value)


def test_failed_calls_never_pass_the_key_on(endpoint: EchoServer, caplog: pytest.LogCaptureFixture,
                                            tmp_path: Path) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)  # everything any library logs, at its most talkative
    journal = Journal(tmp_path / "journal.sqlite3")
    outputs: list[str] = []
    for status in STATUSES:
        settings = Settings(_env_file=None, openai_api_key=CANARY, openai_base_url=endpoint.url(status), engine="llm",
                            max_retries=0, timeout=5)  # fmt: skip
        streamed = stream_draft(REQUEST, settings)
        outputs.append("".join(streamed))
        for draft in (streamed.result, write_draft(REQUEST, settings)):
            assert draft.engine == "offline" and draft.notices, status
            journal.save_draft(REQUEST, draft)
            eml = exports.draft_eml(draft, to="rh@example.com").decode()
            outputs += [draft.model_dump_json(), exports.draft_txt(draft), eml, exports.mailto_link(draft) or ""]
        analysis = read_reply(AnalysisRequest(reply=REPLY), settings)
        assert analysis.engine == "offline" and analysis.notices, status
        journal.save_analysis(REPLY, analysis)
        outputs.append(analysis.model_dump_json())
        outputs.append(settings.describe() + repr(settings) + str(settings.model_dump()))
    outputs.append(journal.export_csv())
    leaks = [text[:300] for text in outputs if CANARY in text or "REBOND-CANARY" in text]
    assert leaks == []
    assert "REBOND-CANARY" not in caplog.text
    assert b"REBOND-CANARY" not in _sidecars(journal.path)


def test_the_app_never_shows_logs_saves_or_exports_the_key(endpoint: EchoServer, app_env: Path,
                                                           caplog: pytest.LogCaptureFixture,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    monkeypatch.setenv("OPENAI_BASE_URL", endpoint.url(403))  # a status the settings page has no message for
    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("REBOND_MAX_RETRIES", "0")
    pages: list[str] = []
    at = ok(fill(app().run(), FORM))
    click(at, "Écrire avec l'IA")
    draft = ok(at).session_state["draft_ai_result"][1]
    assert draft.engine == "offline" and any(draft.notices[0][:30] in i.value for i in at.info)
    pages.append(page_text(at))
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(REPLY)
    click(at, "Analyser la réponse")
    pages.append(page_text(ok(at)))
    at.switch_page("views/journal.py").run()
    pages.append(page_text(ok(at)))
    at.switch_page("views/settings.py").run()
    click(at, "Tester la connexion")
    assert ok(at).error, "the failed test says so"
    pages.append(page_text(at))

    exported = [exports.draft_txt(draft), exports.draft_eml(draft).decode(), exports.mailto_link(draft) or "",
                Journal(app_env).export_csv()]  # fmt: skip
    assert not [p for p in pages + exported if "REBOND-CANARY" in p]
    assert b"REBOND-CANARY" not in _sidecars(app_env)
    leaked = [r.getMessage()[:200] + (r.exc_text or "")[:200] for r in caplog.records
              if "REBOND-CANARY" in r.getMessage() or "REBOND-CANARY" in (r.exc_text or "")]
    assert "REBOND-CANARY" not in caplog.text, leaked


def test_a_key_in_the_endpoint_url_stays_out_of_the_notice() -> None:
    # Nothing listens on port 9 of the loopback: the call fails to connect at once.
    settings = Settings(_env_file=None, openai_base_url=f"http://rebond:{CANARY}@127.0.0.1:9/v1", engine="llm",
                        max_retries=0, timeout=2)  # fmt: skip
    draft = write_draft(REQUEST, settings)
    analysis = read_reply(AnalysisRequest(reply=REPLY), settings)
    assert draft.engine == "offline" and analysis.engine == "offline"
    assert CANARY not in draft.model_dump_json() + analysis.model_dump_json()


# ---- files that hold secrets ------------------------------------------------------


def test_secrets_files_are_git_ignored_and_the_template_is_not() -> None:
    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, timeout=30).returncode == 0

    assert ignored(".streamlit/secrets.toml") and ignored(".env")
    assert not ignored(".streamlit/secrets.toml.example")


def test_the_secrets_template_holds_placeholders_for_known_settings_only() -> None:
    text = (ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    known = {alias.lower() for field in Settings.model_fields.values()
             for alias in getattr(field.validation_alias, "choices", [])}  # fmt: skip
    # The template as shipped, and with every optional line switched on.
    for variant in (text, re.sub(r"(?m)^# ([A-Z_]+ = )", r"\1", text)):
        values = tomllib.loads(variant)
        assert values and {key.lower() for key in values} <= known, set(values) - known
        assert not re.search(r"sk-[A-Za-z0-9_-]{20,}", variant), "a real-looking key in the template"
        key = str(values["OPENAI_API_KEY"])
        assert "replace" in key, key
        settings = Settings.load(values)  # loads as is
        assert settings.openai_api_key is not None and key not in repr(settings) + settings.describe()
    assert len(values) == len(Settings.model_fields), "every setting is in the template"
