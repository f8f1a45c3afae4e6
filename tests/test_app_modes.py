"""The app in each mode, headless: personal mode reached from another address never touches the journal; hosted mode
shows an anonymous visitor only the sign-in page, gives each signed-in person their own journal, and hides the
operator's engine settings; a person can download and erase their data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rebond.compose import compose
from rebond.journal import Journal
from rebond.models import DraftRequest
from rebond.storage import Database, Owner, Store
from tests.storage.conftest import request

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["views/draft.py", "views/analyse.py", "views/journal.py", "views/settings.py"]
ISSUER = "https://idp.example.test"
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-not-used-by-apptest",
    "client_id": "rebond",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
CANARY = "QZV-CANARY"
FORM = {"draft_candidate_name": "Camille Roy", "draft_company": "Desjardins", "draft_role": "Analyste"}


@pytest.fixture(autouse=True)
def offline_env(tmp_path, monkeypatch) -> Path:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REBOND_MODEL", "REBOND_PRIVACY", "REBOND_RETENTION_DAYS"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "journal.sqlite3"
    monkeypatch.setenv("REBOND_DB_PATH", str(db))
    monkeypatch.setenv("REBOND_ENGINE", "offline")
    monkeypatch.chdir(ROOT)
    return db


def _app(user: dict | None = None, hosted: bool = False) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if hosted:
        at.secrets["auth"] = AUTH
    if user is not None:
        at.user = user
    return at


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _fill(at: AppTest, **values: str) -> AppTest:
    for key, value in {**FORM, **values}.items():
        at.text_input(key=key).input(value)
    return _ok(at.run())


def _everything_shown(at: AppTest) -> str:
    """Every value an element of the page holds: text, labels, inputs, code blocks."""
    parts = []
    for kind in ("markdown", "caption", "title", "subheader", "code", "text_input", "text_area", "info", "warning",
                 "success", "expander", "selectbox", "metric", "button"):  # fmt: skip
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "value", "")))
            parts.append(str(getattr(element, "label", "")))
    return "\n".join(parts)


def _person(subject: str, name: str) -> dict:
    return {"is_logged_in": True, "iss": ISSUER, "sub": subject, "name": name, "email": "same@example.test"}


# -- personal mode, reached from another machine ------------------------------------


def test_personal_mode_from_another_address_neither_reads_nor_writes_the_journal(monkeypatch, offline_env) -> None:
    owner_journal = Journal(offline_env)
    owner_journal.save_draft(request(CANARY), compose(request(CANARY)))
    before = offline_env.read_bytes()
    from views import common

    monkeypatch.setattr(common, "client", lambda: ("203.0.113.9", {}))
    at = _ok(_app().run())
    assert any("203.0.113.9" in w.value and "mode hébergé" in w.value for w in at.warning), "the banner says how"
    assert at.text_input(key="draft_company").value == "", "the journal's last request was not restored"
    _fill(at)
    assert any(c.value.startswith("✓") for c in at.caption)  # kept in this session's own journal
    for page in PAGES:
        at.switch_page(page).run()
        assert CANARY not in _everything_shown(_ok(at)), page
    assert "Desjardins" in _everything_shown(at.switch_page("views/journal.py").run())
    assert offline_env.read_bytes() == before
    with sqlite3.connect(offline_env) as conn:
        assert conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 1


def test_personal_mode_from_this_machine_keeps_the_journal(offline_env) -> None:
    _fill(_ok(_app().run()))
    assert [app.company for app in Journal(offline_env).applications()] == ["Desjardins"]
    at = _ok(_app().run())
    assert not at.warning
    assert at.text_input(key="draft_company").value == "Desjardins"


# -- hosted mode ------------------------------------------------------------------


def test_an_anonymous_visitor_sees_only_the_sign_in_page(offline_env) -> None:
    Journal(offline_env).save_draft(request(CANARY), compose(request(CANARY)))
    for lang, title, button in (("fr", "Connexion", "Se connecter"), ("en", "Sign in", "Sign in")):
        at = _app(hosted=True)
        at.query_params["lang"] = lang
        _ok(at.run())
        assert [t.value for t in at.title] == [title]
        assert [b.label for b in at.button] == [button]
        assert not at.text_input and not at.text_area and not at.slider
        assert CANARY not in _everything_shown(at)


def test_each_signed_in_person_has_their_own_journal(offline_env) -> None:
    alice = _fill(_ok(_app(_person("alice-1", "Alice"), hosted=True).run()), draft_company=f"Alice Corp {CANARY}")
    assert any("Alice" in c.value for c in alice.sidebar.caption)
    bob = _ok(_app(_person("bob-2", "Bob"), hosted=True).run())
    assert bob.text_input(key="draft_company").value == ""
    for page in PAGES:
        bob.switch_page(page).run()
        assert CANARY not in _everything_shown(_ok(bob)), page
    again = _ok(_app(_person("alice-1", "Alice"), hosted=True).run())
    assert again.text_input(key="draft_company").value == f"Alice Corp {CANARY}"
    database = Database(offline_env)
    assert Store(database, Owner(ISSUER, "alice-1")).counts()["applications"] == 1
    assert Store(database, Owner(ISSUER, "bob-2")).counts()["applications"] == 0
    assert Store(database, Owner.local()).counts()["applications"] == 0


def test_hosted_settings_show_only_what_a_person_may_change(monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-operator-REBOND-CANARY-KEY")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://llm.operator.example/v1")
    at = _app(_person("alice-1", "Alice"), hosted=True)
    at.switch_page("views/settings.py")
    shown = _everything_shown(_ok(at.run()))
    assert "hébergé" in shown
    for hidden in ("llm.operator.example", "REBOND-CANARY", "Clé d'API", "Point d'accès", "Tester la connexion"):
        assert hidden not in shown
    assert at.selectbox(key="preferences_ui_language") is not None
    assert [s.key for s in at.slider] == [f"preferences_tone_{n}" for n in ("formality", "warmth", "directness", "length")]


def test_preferences_set_the_interface_language_and_the_starting_tone() -> None:
    at = _app(_person("alice-1", "Alice"), hosted=True)
    at.switch_page("views/settings.py")
    _ok(at.run())
    at.selectbox(key="preferences_ui_language").set_value("en")
    at.slider(key="preferences_tone_formality").set_value(90)
    at.button[[b.label for b in at.button].index("Enregistrer")].click()
    _ok(at.run())
    fresh = _ok(_app(_person("alice-1", "Alice"), hosted=True).run())
    assert fresh.session_state["lang"] == "en" and fresh.slider(key="tone_formality").value == 90
    other = _ok(_app(_person("bob-2", "Bob"), hosted=True).run())
    assert other.slider(key="tone_formality").value == 50


def test_download_and_erase_my_data(offline_env) -> None:
    alice = _fill(_ok(_app(_person("alice-1", "Alice"), hosted=True).run()))
    _fill(_ok(_app(_person("bob-2", "Bob"), hosted=True).run()), draft_company="Bob Inc")
    alice.switch_page("views/settings.py").run()
    download = next(b for b in _ok(alice).get("download_button") if "JSON" in b.proto.label)
    assert download.proto.label
    erase = alice.button(key="data_erase")
    assert erase.disabled
    alice.text_input(key="data_erase_confirm").input("supprimer").run()
    assert alice.button(key="data_erase").disabled, "the word must be typed exactly"
    alice.text_input(key="data_erase_confirm").input("SUPPRIMER").run()
    alice.button(key="data_erase").click().run()
    assert any("effacées" in s.value for s in _ok(alice).success)
    database = Database(offline_env)
    assert not any(Store(database, Owner(ISSUER, "alice-1")).counts().values())
    assert [a.company for a in Store(database, Owner(ISSUER, "bob-2")).applications()] == ["Bob Inc"]
    alice.switch_page("views/draft.py").run()
    assert _ok(alice).text_input(key="draft_company").value == ""


def test_export_json_of_the_signed_in_person(offline_env) -> None:
    _fill(_ok(_app(_person("alice-1", "Alice"), hosted=True).run()), draft_company=f"A {CANARY}")
    _fill(_ok(_app(_person("bob-2", "Bob"), hosted=True).run()), draft_company="Bob Inc")
    exported = json.loads(Store(Database(offline_env), Owner(ISSUER, "bob-2")).export_json())
    assert exported["counts"]["applications"] == 1 and CANARY not in json.dumps(exported)
    assert DraftRequest.model_validate(exported["drafts"][0]["request"]).context.company == "Bob Inc"


def test_retention_runs_at_start_and_the_mode_is_logged(monkeypatch, offline_env, caplog) -> None:
    import datetime as dt
    import logging
    import time

    journal = Journal(offline_env)
    old_app, _ = journal.save_draft(request("OLD"), compose(request("OLD")))
    journal.save_draft(request("NEW"), compose(request("NEW")))
    long_ago = (dt.datetime.now() - dt.timedelta(days=40)).isoformat(timespec="seconds")
    with sqlite3.connect(offline_env) as conn:
        conn.execute("UPDATE applications SET updated_at = ? WHERE id = ?", (long_ago, old_app))
    monkeypatch.setenv("REBOND_RETENTION_DAYS", "30")
    with caplog.at_level(logging.INFO, logger="rebond.app"):
        at = _app()
        at.switch_page("views/settings.py")
        _ok(at.run())
        deadline = time.monotonic() + 10
        while len(journal.applications()) > 1 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [app.company for app in journal.applications()] == ["Entreprise NEW"]
    assert any("personal mode" in r.getMessage() and "30 days" in r.getMessage() for r in caplog.records)
    assert any("personnel" in m.value for m in at.markdown)
