"""The mode decision: personal mode reaches the journal only from this machine; hosted mode only once signed in, as
issuer + subject (never the e-mail)."""

from __future__ import annotations

import pytest

from rebond.hosting import Journaled, SessionOnly, SignInRequired, decide_access, is_loopback, mode_from_secrets
from rebond.storage import Owner

SIGNED_IN = {"is_logged_in": True, "iss": "https://idp.test", "sub": "s-1", "email": "a@example.test"}


@pytest.mark.parametrize("address", [None, "127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1", "[::1]"])
def test_personal_mode_from_this_machine_reaches_the_local_journal(address) -> None:
    assert decide_access("personal", address) == Journaled(Owner.local())


@pytest.mark.parametrize(
    "address", ["192.168.1.20", "10.0.0.7", "172.17.0.1", "203.0.113.9", "fe80::1", "2001:db8::5", "0.0.0.0", "garbage"]
)
def test_personal_mode_from_another_address_stays_in_the_session(address) -> None:
    assert decide_access("personal", address) == SessionOnly(address)


def test_personal_mode_behind_a_proxy_stays_in_the_session_even_from_loopback() -> None:
    assert isinstance(decide_access("personal", None, headers={"X-Forwarded-For": "203.0.113.9"}), SessionOnly)
    assert isinstance(decide_access("personal", "127.0.0.1", headers={"Forwarded": "for=1.2.3.4"}), SessionOnly)


@pytest.mark.parametrize("address", [None, "127.0.0.1", "203.0.113.9"])
def test_hosted_mode_needs_a_sign_in_from_anywhere(address) -> None:
    assert decide_access("hosted", address) == SignInRequired()
    assert decide_access("hosted", address, {"is_logged_in": False}) == SignInRequired()
    assert decide_access("hosted", address, SIGNED_IN) == Journaled(Owner("https://idp.test", "s-1"))


def test_hosted_mode_never_identifies_a_person_by_email() -> None:
    no_sub = {k: v for k, v in SIGNED_IN.items() if k != "sub"}
    assert decide_access("hosted", None, no_sub) == SignInRequired()
    same_email_other_sub = {**SIGNED_IN, "sub": "s-2"}
    assert decide_access("hosted", None, same_email_other_sub) != decide_access("hosted", None, SIGNED_IN)


def test_hosted_mode_is_on_when_the_secrets_have_an_auth_section() -> None:
    assert mode_from_secrets({}) == "personal"
    assert mode_from_secrets({"OPENAI_API_KEY": "x"}) == "personal"
    assert mode_from_secrets({"auth": {}}) == "personal"
    assert mode_from_secrets({"auth": {"redirect_uri": "https://r.example/oauth2callback"}}) == "hosted"
    assert is_loopback("127.1.2.3") and not is_loopback("localhost.evil.example")
