"""What the hardening tests share: the app under AppTest, its rendered text, a misbehaving local endpoint, and the report."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rebond.testing import Answer, Request, ScriptedServer

ROOT = Path(__file__).resolve().parents[2]
CANARY = "sk-test-REBOND-CANARY-123"
FORM = {
    "draft_candidate_name": "Camille Tremblay",
    "draft_recruiter_name": "Mme Lefebvre",
    "draft_company": "Desjardins",
    "draft_role": "Analyste de données",
    "draft_rejection_message": "Merci pour votre candidature, nous avons retenu un autre profil.",
    "draft_notes": "Question difficile sur SQL.",
}
# Widget key -> InterviewContext field, for the fields with a documented limit.
FORM_FIELDS = {
    "draft_candidate_name": "candidate_name",
    "draft_recruiter_name": "recruiter_name",
    "draft_company": "company",
    "draft_role": "role",
    "draft_rejection_message": "rejection_message",
    "draft_notes": "notes",
}
TEXT_AREAS = {"draft_rejection_message", "draft_notes", "analyse_reply_text"}
REPLY = (
    "Bonjour Camille,\n\nMerci pour votre message. Votre entrevue était agréable, mais il vous manquait de "
    "l'expérience en gestion de projet et nous cherchions une maîtrise plus avancée de SQL.\n\n"
    "Cordialement,\nMarie Lefebvre"
)

# Lines for the end-of-run summary (inputs fuzzed, payloads used), printed by conftest.
REPORT: dict[str, str] = {}


def record(name: str, counts: Counter[str]) -> None:
    """Keep one entry point's fuzzing counts for the summary."""
    total = sum(counts.values())
    parts = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
    REPORT[name] = f"{total} inputs ({parts})"


# ---- the app ----------------------------------------------------------------------


def app():
    """The whole app (navigation and every page), headless."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)


def widget(at, key: str):
    return at.text_area(key=key) if key in TEXT_AREAS else at.text_input(key=key)


def fill(at, values: dict[str, str]):
    """Type each value into its widget as a person would (the widget may refuse it), then rerun."""
    for key, value in values.items():
        widget(at, key).input(value)
    return at.run()


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """Markdown as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def errors(at) -> str:
    """Every error message on the page, as shown."""
    return "\n".join(shown(e.value) for e in at.error)


def walk(node) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def page_text(at) -> str:
    """Every bit of text the page holds, as the protobufs sent to the browser carry it."""
    return "\n".join(str(getattr(node, "proto", "")) for node in walk(at._tree))


def markdown_strings(at) -> list[tuple[str, str]]:
    """(element type, text) of everything the browser renders as Markdown: bodies and labels.

    Code blocks, select options and text inputs are shown as plain text and are
    not listed. A label (expander, checkbox, tab, button) is Markdown in Streamlit.
    """
    found = []
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = type(node).__name__
        for field in ("body", "label"):
            value = getattr(proto, field, None)
            if isinstance(value, str) and value:
                found.append((kind, value))
        for tab_label in getattr(proto, "tab_labels", []) or []:
            found.append((kind, str(tab_label)))
    return found


def html_elements(at) -> list[str]:
    """Elements that render raw HTML: st.html, or Markdown with unsafe_allow_html.

    The app's own accessibility script (views/common.py, marked ``rebond-a11y``) is built from interface strings
    only; it counts too as soon as a person's text (a payload) reaches it.
    """
    live = []
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        body = str(getattr(proto, "body", ""))
        if body.startswith("<script>/* rebond-a11y */") and "rbx" not in body:
            continue
        if type(node).__name__.lower() == "html" or (proto is not None and getattr(proto, "allow_html", False)):
            live.append(str(proto)[:200])
    return live


def click(at, label: str):
    next(button for button in at.button if button.label == label).click()
    return at.run()


# ---- a local OpenAI-compatible endpoint that echoes the key ------------------------


def _echo_the_key(request: Request) -> Answer:
    """/<status>/v1/chat/completions: that status, and an error that quotes the Authorization header.

    A worst case: OpenAI's own 401 quotes part of the key; some proxies quote all of it.
    """
    quoted = request.headers.get("authorization", "")
    return Answer.error(int(request.route), f"Incorrect API key provided: {quoted}", type="invalid_request_error",
                        code="invalid_api_key", retry_after_ms="1")


class EchoServer(ScriptedServer):
    """The echoing endpoint (``rebond.testing``) on a free loopback port, for the length of a ``with`` block."""

    def __init__(self) -> None:
        super().__init__(_echo_the_key)

    def url(self, status: int) -> str:
        return self.route_url(str(status))
