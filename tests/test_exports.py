"""Exports stay safe and faithful: no header injection through a subject or an address, UTF-8 survives, mailto is RFC 6068."""

from __future__ import annotations

import email
from email.policy import default
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from rebond.exports import draft_eml, draft_txt, file_stem, header_value, mailto_link, valid_address
from rebond.models import Channel, Draft, Language

BODY = "Bonjour Madame Lefebvre,\n\nQu'est-ce qui m'aurait aidé à être retenue ? Merci d'avance.\n\nCamille Tremblay"


def _draft(subject: str | None = "Demande de rétroaction — Analyste", channel: Channel = Channel.EMAIL, **extra) -> Draft:
    return Draft(subject=subject, body=BODY, channel=channel, language=Language.FR, engine="offline", **extra)


def test_txt_has_subject_body_and_voicemail() -> None:
    assert draft_txt(_draft()) == f"Objet: Demande de rétroaction — Analyste\n\n{BODY}\n"
    phone = _draft(None, Channel.PHONE, voicemail="Bonjour, ici Camille.")
    assert draft_txt(phone).endswith("Message vocal:\nBonjour, ici Camille.\n")
    english = Draft(subject="Feedback", body="Hi", channel=Channel.EMAIL, language=Language.EN, engine="offline")
    assert draft_txt(english).startswith("Subject: Feedback")


def test_eml_is_an_unsent_utf8_message_that_round_trips() -> None:
    raw = draft_eml(_draft(), to="marie.lefebvre@example.com", sender="camille@example.org")
    message = email.message_from_bytes(raw, policy=default)
    assert message["Subject"] == "Demande de rétroaction — Analyste"
    assert message["To"] == "marie.lefebvre@example.com"
    assert message["From"] == "camille@example.org"
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n").strip() == BODY


@pytest.mark.parametrize(
    "subject",
    [
        "Rétroaction\r\nBcc: everyone@example.com",
        "Rétroaction\nBcc: everyone@example.com",
        "Rétroaction\rBcc: everyone@example.com",
        "Rétroaction\u2028Bcc: everyone@example.com",
        "Rétroaction\x0bBcc: everyone@example.com",
    ],
)
def test_a_line_break_in_the_subject_cannot_add_a_header(subject: str) -> None:
    raw = draft_eml(_draft(subject))
    message = email.message_from_bytes(raw, policy=default)
    assert message["Bcc"] is None
    assert "Bcc: everyone@example.com" in message["Subject"]
    headers = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert not any(line.startswith("Bcc") for line in headers.splitlines())


@pytest.mark.parametrize(
    "address",
    ["a@b.com\r\nBcc: x@y.z", "a@b.com\nBcc: x@y.z", "Marie <a@b.com>", "a@b.com, c@d.com", "not an address", ""],
)
def test_unsafe_or_odd_addresses_are_left_out(address: str) -> None:
    assert valid_address(address) is None
    message = email.message_from_bytes(draft_eml(_draft(), to=address), policy=default)
    assert message["To"] is None and message["Bcc"] is None
    link = mailto_link(_draft(), to=address)
    assert link is not None and link.startswith("mailto:?subject=")


def test_header_value_folds_everything_to_one_line() -> None:
    assert header_value("  a\r\n\tb\x00c  ") == "a b c"
    assert header_value(None) == ""


def test_mailto_encodes_subject_and_body_per_rfc_6068() -> None:
    link = mailto_link(_draft(), to="marie.lefebvre@example.com")
    assert link is not None
    parts = urlsplit(link)
    assert (parts.scheme, parts.path) == ("mailto", "marie.lefebvre@example.com")
    assert " " not in link and "\n" not in link and "+" not in link
    assert "%0D%0A" in link
    query = parse_qs(parts.query)
    assert query["subject"] == ["Demande de rétroaction — Analyste"]
    assert unquote(parts.query.split("body=", 1)[1]).replace("\r\n", "\n") == BODY


def test_mailto_exists_only_for_email() -> None:
    assert mailto_link(_draft(None, Channel.LINKEDIN)) is None
    assert mailto_link(_draft(None, Channel.PHONE)) is None


def test_mailto_cannot_smuggle_extra_fields() -> None:
    link = mailto_link(_draft("x&bcc=everyone@example.com"), to="a@b.com")
    assert link is not None
    assert set(parse_qs(urlsplit(link).query)) == {"subject", "body"}


def test_file_stem_is_plain_ascii() -> None:
    assert file_stem("Hydro-Québec", "Analyste / données") == "hydro-quebec-analyste-donnees"
    assert file_stem("../../etc", "passwd") == "etc-passwd"
    assert file_stem("", "") == "rebond"
