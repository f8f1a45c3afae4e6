"""Personal or hosted mode, and what one request may reach: its owner's journal, this browser session only, or sign-in.

personal (default): one person on their own machine; the journal belongs to the local owner, and is
reached only from this machine. hosted (the secrets have an ``[auth]`` section): every person signs in
with OpenID Connect and reaches only their own rows, named by the ID token's issuer and subject.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from rebond.storage import NotSignedIn, Owner

Mode = Literal["personal", "hosted"]
# A reverse proxy in front of a personal server makes every visitor look local: its headers say otherwise.
FORWARDING_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")


@dataclass(frozen=True)
class Journaled:
    """Read and write this owner's rows in the journal."""

    owner: Owner


@dataclass(frozen=True)
class SessionOnly:
    """Personal mode reached from another machine: work stays in this browser session, the journal is not touched."""

    client_address: str


@dataclass(frozen=True)
class SignInRequired:
    """Hosted mode and nobody signed in: only the sign-in page."""


Access = Journaled | SessionOnly | SignInRequired


def mode_from_secrets(secrets: Mapping[str, object]) -> Mode:
    """Hosted when the secrets configure Streamlit's OpenID Connect login (an ``[auth]`` section), else personal."""
    auth = secrets.get("auth")
    return "hosted" if isinstance(auth, Mapping) and auth else "personal"


def is_loopback(address: str | None) -> bool:
    """Whether a client address is this machine. Streamlit reports loopback connections as no address (None)."""
    if address is None:
        return True
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]").split("%")[0])
    except ValueError:  # a name or garbage is not known to be local
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def is_forwarded(headers: Mapping[str, str] | None) -> bool:
    """Whether a proxy relayed the request (its client is then somewhere else)."""
    return any(name.lower() in FORWARDING_HEADERS for name in (headers or {}))


def decide_access(
    mode: Mode,
    client_address: str | None,
    identity: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Access:
    """What this request may reach, from the mode, the client's address (and proxy headers) and the signed-in identity."""
    if mode == "hosted":
        if not identity or not identity.get("is_logged_in"):
            return SignInRequired()
        try:
            return Journaled(Owner.from_claims(identity))
        except NotSignedIn:  # a token without iss or sub cannot own rows
            return SignInRequired()
    if is_loopback(client_address) and not is_forwarded(headers):
        return Journaled(Owner.local())
    return SessionOnly(client_address or "proxied")
