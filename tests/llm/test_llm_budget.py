"""Per-person LLM budget, counted in the database: over a limit the offline engine answers with a notice saying why
and when it resets; other people still get the LLM; the count holds across two replicas (two engines on one
database), on SQLite and on PostgreSQL. The LLM is the scripted OpenAI-compatible endpoint on loopback.
"""

from __future__ import annotations

import datetime as dt

from llm_fakes import draft_request, model_text, settings
from openai_shapes import completion, ok

from rebond import budget
from rebond.storage import Database, Owner
from rebond.testing import ScriptedServer
from tests.storage.conftest import ALICE, BOB, ISSUER, database, raw  # noqa: F401 - fixtures on both backends

TOKENS_PER_CALL = 712 + 164  # openai_shapes.USAGE: prompt + completion tokens


def _settings(server: ScriptedServer, **limits: int):
    return settings(openai_base_url=server.base_url, privacy="off", **limits)


def _replicas(database: Database) -> tuple[Database, Database]:
    """Two app servers on one database: each its own engine and pool, nothing shared in memory."""
    return database, Database(database.url.render_as_string(hide_password=False))


def test_over_the_daily_budget_the_offline_engine_answers_with_a_notice_on_every_replica(
    database: Database, openai_server: ScriptedServer
) -> None:
    first, second = _replicas(database)
    request = draft_request("en")
    openai_server.script(*[ok(completion(model_text(request)))] * 3)
    current = _settings(openai_server, llm_daily_tokens=800)

    spent = budget.write_draft(request, current, budget.for_person(first, ALICE, current))
    assert spent.engine.startswith("llm:") and spent.notices == []
    assert budget.for_person(second, ALICE, current).used_today() == TOKENS_PER_CALL

    # Alice, on the other replica: over her budget, the offline engine, saying why and when it resets.
    refused = budget.write_draft(request, current, budget.for_person(second, ALICE, current))
    assert not refused.engine.startswith("llm") and refused.body
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    assert "today's AI budget" in refused.notices[0] and f"{TOKENS_PER_CALL} of 800" in refused.notices[0]
    assert f"resets at {tomorrow} 00:00 UTC" in refused.notices[0]
    # Bob is unaffected, on either replica.
    bob = budget.write_draft(request, current, budget.for_person(second, BOB, current))
    assert bob.engine.startswith("llm:") and bob.notices == []
    assert len(openai_server.requests) == 2  # Alice's refused call never went out
    # In French, the notice is in French.
    french = draft_request("fr")
    notice = budget.write_draft(french, current, budget.for_person(first, ALICE, current)).notices[0]
    assert "budget IA du jour" in notice
    second.dispose()


def test_requests_per_minute_then_free_again_a_minute_later(database: Database) -> None:
    now = [dt.datetime(2026, 12, 6, 10, 0, 0, tzinfo=dt.UTC)]
    limits = budget.Limits(requests_per_minute=2)
    alice = budget.Budget(database, ALICE, limits, clock=lambda: now[0])
    assert isinstance(alice.admit(), int)
    now[0] += dt.timedelta(seconds=20)
    assert isinstance(alice.admit(), int)
    refused = alice.admit()
    assert isinstance(refused, budget.Refusal) and refused.why == "minute"
    assert refused.resets_at == dt.datetime(2026, 12, 6, 10, 1, 0, tzinfo=dt.UTC)
    assert "10:01 UTC" in refused.notice("en")
    assert isinstance(budget.Budget(database, BOB, limits, clock=lambda: now[0]).admit(), int)
    now[0] = dt.datetime(2026, 12, 6, 10, 1, 1, tzinfo=dt.UTC)
    assert isinstance(alice.admit(), int)


def test_the_operator_wide_daily_cap_stops_everyone_until_midnight_utc(database: Database) -> None:
    now = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    limits = budget.Limits(operator_daily_tokens=1000)
    people = [budget.Budget(database, Owner(ISSUER, f"p{n}"), limits, clock=lambda: now) for n in range(3)]
    for person in people[:2]:
        call = person.admit()
        assert isinstance(call, int)
        person.record(call, 600)
    refused = people[2].admit()
    assert isinstance(refused, budget.Refusal) and refused.why == "operator" and refused.used == 1200
    assert refused.resets_at == dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    later = budget.Budget(database, Owner(ISSUER, "p2"), limits, clock=lambda: now + dt.timedelta(hours=1))
    assert isinstance(later.admit(), int)


def test_no_limit_set_means_no_budget_and_no_counting(database: Database, openai_server: ScriptedServer) -> None:
    current = _settings(openai_server)
    assert budget.for_person(database, ALICE, current) is None
    request = draft_request("en")
    openai_server.script(ok(completion(model_text(request))))
    assert budget.write_draft(request, current, None).engine.startswith("llm:")


def test_erasure_removes_a_persons_llm_use_too(database: Database, raw) -> None:  # noqa: F811
    from sqlalchemy import text

    from rebond.storage import Store

    alice = budget.Budget(database, ALICE, budget.Limits(daily_tokens=10_000))
    alice.record(alice.admit(), 50)  # type: ignore[arg-type]
    Store(database, ALICE).erase_all()
    with raw.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM llm_calls")).scalar_one() == 0
