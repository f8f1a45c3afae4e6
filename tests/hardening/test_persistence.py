"""Persistence: the journal survives a restart, two writers at once lose nothing, and a damaged or newer file is reported, never rewritten.

Guards against: a restart that forgets the user's applications; two sessions
saving the same application at once (the second used to fail on the unique
index); a corrupt file, or one from a newer Rebond, being "repaired" by
writing our schema into it.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import streamlit as st

from hardening_support import FORM, REPLY, app, click, errors, fill, ok
from rebond.compose import compose
from rebond.journal import SCHEMA_VERSION, Journal
from rebond.models import DraftRequest, InterviewContext, Kind, Language, ReplyAnalysis


def _files(path: Path) -> dict[str, bytes]:
    """The journal and any sidecar file (-wal, -shm, -journal), byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


# ---- restart ----------------------------------------------------------------------


def test_the_journal_survives_a_restart(app_env: Path) -> None:
    at = ok(fill(app().run(), FORM))
    body = next(code.value for code in at.code if "Camille Tremblay" in code.value)
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(REPLY)
    ok(click(at, "Analyser la réponse"))
    del at
    # A restart: the process's shared resources (the Journal object) and caches are gone.
    st.cache_resource.clear()
    st.cache_data.clear()
    with _read_only(app_env) as conn:  # on disk, not only in memory
        assert [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("applications", "drafts", "analyses")] == [1, 1, 1]

    again = ok(app().run())
    assert again.text_input(key="draft_company").value == "Desjardins"
    again.session_state["draft_details"] = True  # a returning visit finds the interview's details closed: open them
    assert ok(again.run()).text_area(key="draft_notes").value == FORM["draft_notes"]
    assert next(code.value for code in again.code if "Camille Tremblay" in code.value) == body
    again.switch_page("views/analyse.py").run()
    assert ok(again).text_area(key="analyse_reply_text").value == REPLY
    again.switch_page("views/journal.py").run()
    [entry] = [block for block in ok(again).expander if "Desjardins" in block.label]
    assert "réponse reçue" in entry.label


# ---- two writers ------------------------------------------------------------------


def _request(company: str, variant: int) -> DraftRequest:
    context = InterviewContext(candidate_name="Camille Roy", company=company, role="Analyste")
    return DraftRequest(context=context, variant=variant)


@pytest.mark.parametrize("shared", [True, False], ids=["one Journal object", "a Journal per thread"])
def test_two_threads_writing_at_once_lose_nothing(tmp_path: Path, shared: bool) -> None:
    """Like two browser tabs: both save drafts for the same new application, and their own, at the same moment."""
    path = tmp_path / "journal.sqlite3"
    common = Journal(path)
    rounds = 12
    drafts = {(company, v): compose(_request(company, v)) for company in ("Commune", "A", "B") for v in range(rounds)}
    start = threading.Barrier(2)
    errors: list[str] = []

    def writer(own: str) -> None:
        journal = common if shared else Journal(path)
        start.wait()
        for v in range(rounds):
            try:
                for company in ("Commune", own):
                    journal.save_draft(_request(company, v), drafts[(company, v)])
                journal.save_analysis(REPLY, ReplyAnalysis(language=Language.FR, kind=Kind.GENERIC))
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                errors.append(f"{own} round {v}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=writer, args=(own,)) for own in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with _read_only(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("applications", "drafts", "analyses")]
    # One row per application, per (application, variant), and every analysis.
    assert counts == [3, 3 * rounds, 2 * rounds]


# ---- damaged or newer files -------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"Rebond? no: " + bytes(range(256)) * 40)


def _truncated(path: Path) -> None:
    source = path.with_name("source.sqlite3")
    journal = Journal(source)
    for v in range(30):
        journal.save_draft(_request(f"Entreprise {v}", 0), compose(_request(f"Entreprise {v}", 0)))
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for sidecar in source.parent.glob("source.sqlite3*"):
        sidecar.unlink()


def _newer(path: Path) -> None:
    """A file written by a later Rebond: schema 2, its own tables, rollback-journal mode."""
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            f"INSERT INTO schema_version VALUES ({SCHEMA_VERSION + 1});"
            "CREATE TABLE job_applications (id INTEGER PRIMARY KEY, payload TEXT);"
            "INSERT INTO job_applications (payload) VALUES ('kept as is');"
        )
    conn.close()


def _foreign(path: Path) -> None:
    """Another program's database: REBOND_DB_PATH pointed at the wrong file."""
    with sqlite3.connect(path) as conn:
        conn.executescript("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('kept as is');")
    conn.close()


DAMAGE = {"not a database": _garbage, "truncated journal": _truncated, "newer schema": _newer,
          "another program's database": _foreign}  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGE)
def test_an_unusable_file_is_reported_clearly_and_never_written(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "journal.sqlite3"
    DAMAGE[damage](path)
    before = _files(path)
    journal = Journal(path)
    with pytest.raises(Exception) as raised:  # noqa: PT011 - the message is what matters
        journal.applications()
    message = str(raised.value)
    assert str(path) in message, message
    assert ("newer Rebond" in message) if damage == "newer schema" else ("damaged" in message or "not a Rebond" in message)
    with pytest.raises(Exception):  # noqa: PT011, B017
        journal.save_draft(_request("Desjardins", 0), compose(_request("Desjardins", 0)))
    assert _files(path) == before


@pytest.mark.parametrize("damage", ["not a database", "newer schema"])
def test_the_app_says_what_is_wrong_keeps_working_and_leaves_the_file_alone(app_env: Path, damage: str) -> None:
    DAMAGE[damage](app_env)
    before = _files(app_env)
    at = ok(fill(app().run(), FORM))
    assert any("Camille Tremblay" in code.value for code in at.code), "drafting must still work"
    shown = errors(at)
    assert "journal" in shown and str(app_env) in shown, shown
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(REPLY)
    ok(click(at, "Analyser la réponse"))
    assert at.code and "Merci" in at.code[-1].value, "analysing must still work"
    at.switch_page("views/journal.py").run()
    assert str(app_env) in errors(ok(at))
    assert _files(app_env) == before


def test_an_empty_file_becomes_a_journal(tmp_path: Path) -> None:
    """Zero bytes is how SQLite (and `touch`) leave a new database: that one is ours to fill."""
    path = tmp_path / "journal.sqlite3"
    path.touch()
    journal = Journal(path)
    journal.save_draft(_request("Desjardins", 0), compose(_request("Desjardins", 0)))
    assert [app.company for app in journal.applications()] == ["Desjardins"]
