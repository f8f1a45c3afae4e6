"""Ownership: every public Store method, found by introspection, called as another owner with Alice's ids and
keys returns nothing of hers or raises NotFound, and leaves every one of her rows exactly as it was.

Guards against a storage method (today's or a new one) that forgets the owner filter.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections import Counter
from dataclasses import asdict, is_dataclass
from typing import Any

import pytest

from rebond.compose import compose
from rebond.models import Tone
from rebond.storage import Database, NotFound, Owner, Preferences, Store
from tests.storage.conftest import ALICE, ISSUER, fill, request

CANARY = "ZQX-ALICE-CANARY"
OTHERS = {
    "another subject, same issuer": lambda name: Owner(ISSUER, f"bob-{name}"),
    "same subject, another issuer": lambda name: Owner("https://other-idp.example.test", ALICE.subject),
    "the local owner": lambda name: Owner.local(),
}


def public_methods() -> list[str]:
    """Every public method of Store, properties excluded; a new method is picked up without editing this test."""
    return sorted(name for name, member in inspect.getmembers(Store, inspect.isfunction) if not name.startswith("_"))


def arguments(alice: dict[str, Any]) -> dict[str, Any]:
    """Alice's ids and keys, by parameter name: what another owner passes to try to reach her rows."""
    return {
        "application_id": alice["applications"][0],
        "analysis_id": alice["analyses"][0],
        # Same identity (candidate, company, role) as Alice's application, other details: an upsert
        # that ignored the owner would rewrite her row.
        "request": request(CANARY, f"Desjardins {CANARY}", notes="someone else's notes"),
        "draft": alice["draft"],
        "reply": "someone else's reply",
        "analysis": alice["analysis"],
        "received": True,
        "when": dt.date(2020, 1, 1),
        "today": dt.date.today() + dt.timedelta(days=365),
        "after_days": 0,
        "preferences": Preferences(ui_language="fr", tone=Tone(formality=0)),
    }


def snapshot(store: Store) -> dict[str, Any]:
    everything = store.export_all()
    everything.pop("exported_at")
    return everything


def as_text(value: Any) -> str:
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    return json.dumps(value, default=lambda v: v.model_dump(mode="json") if hasattr(v, "model_dump") else str(v))


def test_the_store_has_the_methods_this_test_expects_to_find() -> None:
    # A floor, so a broken introspection (finding nothing) cannot pass silently.
    assert {"applications", "drafts", "analyses", "save_draft", "export_all", "erase_all"} <= set(public_methods())


@pytest.mark.parametrize("other", OTHERS)
@pytest.mark.parametrize("method", public_methods())
def test_another_owner_gets_nothing_of_alices(database: Database, method: str, other: str) -> None:
    alice_store = Store(database, ALICE)
    alice = fill(alice_store, CANARY)
    before = snapshot(alice_store)
    stranger = Store(database, OTHERS[other](method))
    known = arguments(alice)
    parameters = [p for p in inspect.signature(getattr(Store, method)).parameters.values() if p.name != "self"]
    missing = [p.name for p in parameters if p.name not in known]
    assert not missing, f"Store.{method} takes {missing}: add Alice's value for it to arguments()"

    try:
        result = getattr(stranger, method)(**{p.name: known[p.name] for p in parameters})
    except NotFound:
        result = None

    assert CANARY not in as_text(result), f"Store.{method} as {other} returned Alice's data"
    if isinstance(result, list | Counter):
        assert not result, f"Store.{method} as {other} returned rows"
    if method in {"application", "mark_sent", "set_reply_received", "delete_application", "delete_analysis"}:
        assert result in (None, False), f"Store.{method} as {other} reached Alice's row {result!r}"
    if method == "erase_all" or method == "counts":
        assert not any(result.values()), result
    assert snapshot(alice_store) == before, f"Store.{method} as {other} changed Alice's rows"


def test_a_stranger_cannot_link_an_analysis_to_alices_application(database: Database) -> None:
    alice = fill(Store(database, ALICE), CANARY)
    bob = Store(database, Owner(ISSUER, "bob"))
    with pytest.raises(NotFound):
        bob.save_analysis("reply", alice["analysis"], alice["applications"][0])
    assert bob.counts()["analyses"] == 0


def test_two_people_may_have_the_same_application_each(database: Database) -> None:
    """The unique key includes the owner: the same candidate, company and role are two rows for two people."""
    same = request("same", "Desjardins")
    alice, bob = Store(database, ALICE), Store(database, Owner(ISSUER, "bob"))
    alice_app, _ = alice.save_draft(same, compose(same))
    bob_app, _ = bob.save_draft(same, compose(same))
    assert alice_app != bob_app
    assert [a.id for a in alice.applications()] == [alice_app]
    assert [a.id for a in bob.applications()] == [bob_app]


def test_a_store_needs_an_owner_with_issuer_and_subject(database: Database) -> None:
    from rebond.storage import NotSignedIn

    with pytest.raises(TypeError):
        Store(database, None)  # type: ignore[arg-type]
    for claims in ({}, {"sub": "x"}, {"iss": ISSUER}, {"iss": ISSUER, "sub": ""}, {"email": "a@b.c"}):
        with pytest.raises(NotSignedIn):
            Owner.from_claims(claims)
    assert Owner.from_claims({"iss": ISSUER, "sub": "s", "email": "a@b.c"}) == Owner(ISSUER, "s")
