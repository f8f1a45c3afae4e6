"""Whose rows these are: a person is the ID token's issuer and subject (``iss`` + ``sub``), never an e-mail address."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Personal mode's one person. An OIDC issuer is an https URL, so it can never be "local".
LOCAL = "local"


class NotSignedIn(ValueError):
    """The identity has no issuer or no subject, so it cannot own rows."""


@dataclass(frozen=True)
class Owner:
    """The owner of a row: who issued the identity and the stable subject it names."""

    issuer: str
    subject: str

    def __post_init__(self) -> None:
        if not (isinstance(self.issuer, str) and self.issuer.strip()):
            raise NotSignedIn("an owner needs an issuer")
        if not (isinstance(self.subject, str) and self.subject.strip()):
            raise NotSignedIn("an owner needs a subject")

    @classmethod
    def local(cls) -> Owner:
        """The one person of personal mode, on their own machine."""
        return cls(LOCAL, LOCAL)

    @classmethod
    def from_claims(cls, claims: Mapping[str, object]) -> Owner:
        """The owner named by an ID token's claims (``st.user``): ``iss`` + ``sub``; e-mail and name are ignored."""
        issuer, subject = claims.get("iss"), claims.get("sub")
        if not isinstance(issuer, str) or not isinstance(subject, str):
            raise NotSignedIn("the identity has no iss or no sub claim")
        return cls(issuer, subject)

    @property
    def is_local(self) -> bool:
        return self == Owner.local()
