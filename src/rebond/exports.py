"""A draft as files and links: plain text, an unsent .eml message, and a mailto: link.

Every header value is folded to one line first, so nothing typed in a form can
inject a header (a newline in a subject or address would start a new one).
"""

from __future__ import annotations

import re
import unicodedata
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from urllib.parse import quote

from rebond.models import Channel, Draft

# Deliberately simple: one @, no spaces, no characters that mean something in a
# header or a URL. Anything else is left out rather than "fixed".
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")  # noqa: E501
_HEADER_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def header_value(text: str | None) -> str:
    """One line safe for a mail header: line breaks and control characters become spaces."""
    text = _HEADER_BREAKS.sub(" ", text or "")
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return re.sub(r" {2,}", " ", text).strip()


def valid_address(address: str | None) -> str | None:
    """The address when it is a plain, safe email address; None otherwise."""
    candidate = (address or "").strip()
    return candidate if candidate and len(candidate) <= 254 and _ADDRESS.match(candidate) else None


def draft_txt(draft: Draft) -> str:
    """The draft as plain text: subject line, body and, for phone, the voicemail."""
    parts: list[str] = []
    if draft.subject:
        label = "Subject" if draft.language == "en" else "Objet"
        parts.append(f"{label}: {header_value(draft.subject)}")
    parts.append(draft.body.strip())
    if draft.voicemail:
        label = "Voicemail" if draft.language == "en" else "Message vocal"
        parts.append(f"{label}:\n{draft.voicemail.strip()}")
    return "\n\n".join(parts) + "\n"


def draft_eml(draft: Draft, to: str | None = None, sender: str | None = None) -> bytes:
    """The draft as an unsent email (.eml) that mail programs open ready to edit and send."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = header_value(draft.subject or "")
    if address := valid_address(to):
        message["To"] = address
    if address := valid_address(sender):
        message["From"] = address
    message["Date"] = formatdate(localtime=True)
    # Outlook and Thunderbird open a message carrying this header as a draft.
    message["X-Unsent"] = "1"
    message.set_content(draft.body.strip() + "\n", subtype="plain", charset="utf-8", cte="quoted-printable")
    return message.as_bytes()


def mailto_link(draft: Draft, to: str | None = None) -> str | None:
    """A ``mailto:`` link opening the email draft, or None for channels that are not email."""
    if draft.channel != Channel.EMAIL:
        return None
    address = valid_address(to) or ""
    # RFC 6068: percent-encode everything but unreserved characters; line breaks as CRLF.
    subject = quote(header_value(draft.subject or ""), safe="")
    body = quote(draft.body.strip().replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(address, safe='@')}?subject={subject}&body={body}"


def file_stem(*parts: str) -> str:
    """A safe, readable file name stem from words like the company and the role."""
    text = "-".join(part for part in parts if part)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:60].strip("-") or "rebond"
