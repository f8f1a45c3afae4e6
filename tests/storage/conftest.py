"""Two people on one journal, with recognisable canary strings in every field they typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from rebond.analyse import analyse_reply
from rebond.compose import compose
from rebond.models import AnalysisRequest, DraftRequest, Tone
from rebond.storage import Database, Owner, Preferences, Store

ISSUER = "https://idp.example.test"
ALICE = Owner(ISSUER, "alice-sub-0001")
BOB = Owner(ISSUER, "bob-sub-0002")


def request(tag: str, company: str = "", variant: int = 0, **context: str) -> DraftRequest:
    """A draft request whose every free-text field carries ``tag``."""
    return DraftRequest.model_validate(
        {
            "language": "fr",
            "channel": "email",
            "variant": variant,
            "context": {
                "candidate_name": f"Camille {tag}",
                "recruiter_name": f"Mme {tag}",
                "company": company or f"Entreprise {tag}",
                "role": f"Analyste {tag}",
                "interview_date": "2026-11-12",
                "rejection_message": f"Nous avons retenu une autre candidature {tag}.",
                "notes": f"notes {tag}",
                **context,
            },
        }
    )


def fill(store: Store, tag: str) -> dict[str, object]:
    """Two applications, three drafts, two analyses (one linked, one not), preferences; what was made."""
    first, second = request(tag, f"Desjardins {tag}"), request(tag, f"Hydro {tag}")
    app1, draft1 = store.save_draft(first, compose(first))
    _, draft2 = store.save_draft(request(tag, f"Desjardins {tag}", variant=1), compose(first))
    app2, draft3 = store.save_draft(second, compose(second))
    reply = f"Il manquait SQL dans votre parcours {tag}."
    analysis = analyse_reply(AnalysisRequest(reply=reply))
    linked = store.save_analysis(reply, analysis, app1)
    unlinked = store.save_analysis(f"Merci {tag}, bonne chance.", analyse_reply(AnalysisRequest(reply=f"Merci {tag}")))
    store.mark_sent(app2, dt.date.today() - dt.timedelta(days=10))
    store.save_preferences(Preferences(ui_language="en", tone=Tone(formality=80)))
    return {
        "applications": [app1, app2], "drafts": [draft1, draft2, draft3], "analyses": [linked, unlinked],
        "request": first, "draft": compose(first), "reply": reply, "analysis": analysis,
    }  # fmt: skip


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty journal on each backend: an SQLite file, then PostgreSQL reached as the app role (under RLS)."""
    if request.param == "sqlite":
        db = Database(tmp_path / "journal.sqlite3")
    else:
        server = request.getfixturevalue("postgres")
        engine = create_engine(server.owner_url, poolclass=NullPool)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(TRUNCATED)} RESTART IDENTITY CASCADE"))
        engine.dispose()
        db = Database(server.app_url)
    yield db
    db.dispose()


TRUNCATED = ("applications", "drafts", "analyses", "preferences", "llm_calls", "llm_days")


@pytest.fixture
def raw(database: Database, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The journal below the Store and past row-level security (PostgreSQL: the owner role), to check rows."""
    if database.dialect == "sqlite":
        yield database.engine
        return
    engine = create_engine(request.getfixturevalue("postgres").owner_url, poolclass=NullPool)
    yield engine
    engine.dispose()
