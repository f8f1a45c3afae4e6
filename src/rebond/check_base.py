"""What every quality check shares: the draft as the checks read it, lexicons, and named results.

``rebond.checks`` (the structural checks) and ``rebond.reader_checks`` (what a native reader flags)
both build on these; messages and lexicons live in ``prompts/checks.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rebond.models import CheckResult, DraftRequest
from rebond.resources import load_data
from rebond.text import sentences

CRITICAL_CHECKS = frozenset(
    {
        "language_match",
        "feedback_request",
        "no_invented_facts",
        "no_begging",
        "no_aggression",
        "no_defensiveness",
        "no_reconsideration",
        "no_placeholder",
        "linkedin_limit",
    }
)


@dataclass(frozen=True)
class _Subject:
    """What a check looks at: the draft's parts, folded once, and the request."""

    request: DraftRequest
    subject: str
    body: str
    voicemail: str
    lang: str  # "en" or "fr"
    memo: dict[str, Any] = field(default_factory=dict, compare=False)  # readings shared by several checks

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.subject, self.body, self.voicemail) if part)


# Content found in either language still counts (the language check judges the
# language); register lexicons stay per language.
_BILINGUAL = {"negation", "negation_exceptions", "greeting", "thanks", "regret", "feedback_terms", "request_markers", "soft_request_markers", "improvement",
              "why_rejected", "future", "closing", "defensiveness", "aggression", "begging", "reconsideration", "cliche"}


@cache
def _lex(key: str, lang: str) -> tuple[str, ...]:
    data = load_data("checks.yaml")[key]
    if key in _BILINGUAL:
        other = "fr" if lang == "en" else "en"
        return tuple(data[lang]) + tuple(term for term in data[other] if term not in data[lang])
    return tuple(data[lang])


def _message(name: str, outcome: str, lang: str, detail: str = "") -> str:
    messages = load_data("checks.yaml")["messages"][name]
    return messages.get(outcome, messages["fail"])[lang].format(detail=detail)


def _result(name: str, lang: str, passed: bool, detail: str = "", *, score: float | None = None,
            outcome: str | None = None) -> CheckResult:
    return CheckResult(
        name=name,
        label=load_data("checks.yaml")["messages"][name]["label"][lang],
        passed=passed,
        score=score if score is not None else (1.0 if passed else 0.0),
        reason=_message(name, outcome or ("pass" if passed else "fail"), lang, detail),
        critical=name in CRITICAL_CHECKS,
    )



def _sentence_texts(text: str) -> list[str]:
    # A question mark may close the sentence after the span; include it.
    return [text[start : min(len(text), end + 1)] for start, end in sentences(text)]
