"""What the journal hands back: plain records of one owner's applications, drafts, analyses and preferences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rebond.models import Draft, DraftRequest, InterviewContext, ReplyAnalysis, Tone


@dataclass
class Application:
    """One job the candidate was turned down for, as the journal remembers it."""

    id: int
    created_at: str
    updated_at: str
    candidate_name: str
    recruiter_name: str
    company: str
    role: str
    interview_date: str | None
    context: InterviewContext
    sent_at: str | None
    reply_received: bool
    reply_received_at: str | None
    first_draft_at: str | None = None
    draft_count: int = 0
    analysis_count: int = 0

    @property
    def asked_on(self) -> dt.date | None:
        """When the request went out: the date marked sent, else the first draft's date."""
        when = self.sent_at or self.first_draft_at
        return dt.date.fromisoformat(when[:10]) if when else None


@dataclass
class SavedDraft:
    """A draft kept in the journal, with the request that produced it."""

    id: int
    application_id: int
    created_at: str
    updated_at: str
    request: DraftRequest
    draft: Draft


@dataclass
class SavedAnalysis:
    """An analysis kept in the journal, with the reply it read."""

    id: int
    application_id: int | None
    created_at: str
    reply: str
    analysis: ReplyAnalysis
    categories: list[str] = field(default_factory=list)


@dataclass
class Preferences:
    """What a person may choose for themselves: the interface language and the tone a new draft starts from."""

    ui_language: str | None = None
    tone: Tone | None = None
