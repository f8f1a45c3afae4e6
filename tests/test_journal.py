"""The journal keeps what the app saves: created on first use, versioned, one row per draft setting, follow-ups after 7 days, CSV export, delete with cascade."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3

import pytest

from rebond.journal import SCHEMA_VERSION, Journal
from rebond.models import (
    Category,
    CategoryFinding,
    Channel,
    Draft,
    DraftRequest,
    InterviewContext,
    Kind,
    Language,
    ReplyAnalysis,
    Tone,
)


def _request(company: str = "Desjardins", variant: int = 0, formality: int = 50, **context) -> DraftRequest:
    ctx = {"candidate_name": "Camille Tremblay", "recruiter_name": "Mme Lefebvre", "company": company,
           "role": "Analyste de données", "interview_date": "2026-11-02", **context}  # fmt: skip
    return DraftRequest(context=InterviewContext(**ctx), tone=Tone(formality=formality), variant=variant)


def _draft(body: str = "Bonjour,\n\nPourriez-vous me dire ce qui a manqué ?\n\nCamille Tremblay") -> Draft:
    return Draft(subject="Demande de rétroaction", body=body, channel=Channel.EMAIL, language=Language.FR,
                 engine="offline", guidance_ids=["ask_what_to_improve"])  # fmt: skip


def _analysis(kind: Kind = Kind.CONSTRUCTIVE, *categories: Category) -> ReplyAnalysis:
    findings = [CategoryFinding(category=cat, evidence="SQL", advice="Pratiquez.") for cat in categories]
    return ReplyAnalysis(language=Language.FR, kind=kind, categories=findings, action_plan=["Suivre un cours"])


@pytest.fixture
def journal(tmp_path) -> Journal:
    return Journal(tmp_path / "nested" / "journal.sqlite3")


def test_created_on_first_use_in_wal_mode_with_a_schema_version(journal: Journal) -> None:
    assert not journal.path.exists()
    assert journal.applications() == []
    assert journal.path.exists()
    assert journal.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(journal.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"schema_version", "applications", "drafts", "analyses"} <= tables


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).applications()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(RuntimeError, match="newer Rebond"):
        Journal(path).applications()


def test_a_saved_draft_reloads_with_its_request(journal: Journal) -> None:
    request, draft = _request(), _draft()
    app_id, draft_id = journal.save_draft(request, draft)
    reopened = Journal(journal.path)
    [app] = reopened.applications()
    assert (app.id, app.company, app.role, app.recruiter_name) == (app_id, "Desjardins", "Analyste de données", "Mme Lefebvre")
    assert app.interview_date == "2026-11-02"
    [saved] = reopened.drafts(app_id)
    assert saved.id == draft_id
    assert saved.draft == draft
    assert saved.request == request
    assert reopened.latest_request() == request


def test_moving_a_slider_refines_one_draft_but_another_version_is_kept(journal: Journal) -> None:
    app_id, first = journal.save_draft(_request(formality=10), _draft("v1"))
    same_app, refined = journal.save_draft(_request(formality=90), _draft("v1 formal"))
    assert (same_app, refined) == (app_id, first)
    assert [d.draft.body for d in journal.drafts(app_id)] == ["v1 formal"]
    _, other = journal.save_draft(_request(variant=1), _draft("v2"))
    assert other != first
    assert len(journal.drafts(app_id)) == 2
    journal.save_draft(_request(company="Hydro-Québec"), _draft("other company"))
    assert len(journal.applications()) == 2


def test_an_analysis_linked_to_an_application_records_the_reply(journal: Journal) -> None:
    app_id, _ = journal.save_draft(_request(), _draft())
    analysis = _analysis(Kind.CONSTRUCTIVE, Category.SKILLS, Category.EXPERIENCE)
    analysis_id = journal.save_analysis("Il manquait SQL.", analysis, app_id)
    app = journal.application(app_id)
    assert app is not None and app.reply_received and app.reply_received_at == dt.date.today().isoformat()
    [saved] = journal.analyses(app_id)
    assert (saved.id, saved.reply, saved.analysis) == (analysis_id, "Il manquait SQL.", analysis)
    assert saved.categories == ["skills", "experience"]


def test_category_counts_and_kinds_by_month_feed_the_charts(journal: Journal) -> None:
    journal.save_analysis("a", _analysis(Kind.CONSTRUCTIVE, Category.SKILLS))
    journal.save_analysis("b", _analysis(Kind.CONSTRUCTIVE, Category.SKILLS, Category.CULTURE_FIT))
    journal.save_analysis("c", _analysis(Kind.GENERIC))
    assert journal.category_counts() == {"skills": 2, "culture_fit": 1}
    month = dt.date.today().strftime("%Y-%m")
    assert journal.kinds_by_month() == [
        {"month": month, "kind": "constructive", "count": 2},
        {"month": month, "kind": "generic", "count": 1},
    ]


def test_follow_up_after_seven_days_without_a_reply(journal: Journal) -> None:
    waiting, _ = journal.save_draft(_request(company="A"), _draft())
    recent, _ = journal.save_draft(_request(company="B"), _draft())
    answered, _ = journal.save_draft(_request(company="C"), _draft())
    today = dt.date.today()
    journal.mark_sent(waiting, today - dt.timedelta(days=7))
    journal.mark_sent(recent, today - dt.timedelta(days=6))
    journal.mark_sent(answered, today - dt.timedelta(days=20))
    journal.set_reply_received(answered, True)
    assert [app.company for app in journal.follow_ups(today)] == ["A"]
    # Without a sent date, the first draft's date stands in for it.
    assert [app.company for app in journal.follow_ups(today + dt.timedelta(days=7))] == ["A", "B"]
    journal.set_reply_received(answered, False)
    assert [app.company for app in journal.follow_ups(today)] == ["C", "A"]


def test_export_csv_has_one_row_per_application(journal: Journal) -> None:
    app_id, _ = journal.save_draft(_request(company='Acme, "Inc."'), _draft("Bonjour,\nligne 2"))
    journal.save_analysis("x", _analysis(Kind.GENERIC), app_id)
    rows = list(csv.DictReader(io.StringIO(journal.export_csv())))
    assert len(rows) == 1
    row = rows[0]
    assert row["company"] == 'Acme, "Inc."'
    assert row["latest_draft"] == "Bonjour,\nligne 2"
    assert (row["drafts"], row["analyses"], row["latest_kind"], row["reply_received"]) == ("1", "1", "generic", "1")


def test_delete_removes_the_application_with_its_drafts_and_analyses(journal: Journal) -> None:
    app_id, _ = journal.save_draft(_request(), _draft())
    journal.save_analysis("x", _analysis(Kind.GENERIC), app_id)
    kept = journal.save_analysis("y", _analysis(Kind.GENERIC))
    assert journal.delete_application(app_id)
    assert journal.applications() == []
    assert journal.drafts() == []
    assert [saved.id for saved in journal.analyses()] == [kept]
    assert not journal.delete_application(app_id)


def test_text_with_quotes_and_injection_attempts_is_stored_as_data(journal: Journal) -> None:
    nasty = "Robert'); DROP TABLE applications;--"
    app_id, _ = journal.save_draft(_request(company=nasty), _draft())
    assert journal.application(app_id).company == nasty  # type: ignore[union-attr]
    assert len(journal.applications()) == 1


def test_csv_export_keeps_formulas_as_text(tmp_path):
    """A company typed as a spreadsheet formula must not run when the CSV is opened."""
    journal = Journal(tmp_path / "j.sqlite3")
    journal.save_draft(_request(company='=HYPERLINK("http://x")', role="@SUM(1)"), _draft())
    rows = list(csv.DictReader(io.StringIO(journal.export_csv())))
    assert rows[0]["company"] == '\'=HYPERLINK("http://x")' and rows[0]["role"] == "'@SUM(1)"
