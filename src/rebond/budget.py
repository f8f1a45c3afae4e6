"""Per-person LLM budget, counted in the journal's database so it holds across every replica.

Three limits, each optional (``Settings``): tokens per person per UTC day, calls per person per minute, and tokens
for everyone together per UTC day. A call is admitted (and counted) before it goes out, in one short transaction;
its tokens are added when it comes back, so a limit can be passed by at most the calls already under way.
Over a limit the offline engine answers, with a notice saying why and when the budget resets; other people are
unaffected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, text

from rebond.models import AnalysisRequest, Draft, DraftRequest, ReplyAnalysis
from rebond.settings import Settings
from rebond.storage import Database, Owner

Why = Literal["daily", "minute", "operator"]
_MINE = "owner_issuer = :owner_issuer AND owner_subject = :owner_subject"
_AT = "%Y-%m-%dT%H:%M:%S.%f"

NOTICES = {
    "en": {
        "daily": "You have used today's AI budget ({used} of {limit} tokens): this is the built-in engine's version. "
        "Your AI budget resets at {resets}.",
        "minute": "Too many AI requests in a minute ({limit} allowed): this is the built-in engine's version. "
        "The AI is available again at {resets}.",
        "operator": "This service has used today's AI budget for everyone: this is the built-in engine's version. "
        "It resets at {resets}.",
    },
    "fr": {
        "daily": "Vous avez utilisé le budget IA du jour ({used} sur {limit} jetons) : voici la version du moteur "
        "intégré. Votre budget IA est renouvelé à {resets}.",
        "minute": "Trop de demandes à l'IA en une minute ({limit} permises) : voici la version du moteur intégré. "
        "L'IA est de nouveau disponible à {resets}.",
        "operator": "Ce service a utilisé le budget IA du jour pour tout le monde : voici la version du moteur "
        "intégré. Il est renouvelé à {resets}.",
    },
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Limits:
    daily_tokens: int | None = None
    requests_per_minute: int | None = None
    operator_daily_tokens: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.llm_daily_tokens, settings.llm_requests_per_minute, settings.llm_operator_daily_tokens)

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.daily_tokens, self.requests_per_minute, self.operator_daily_tokens))


@dataclass(frozen=True)
class Refusal:
    """Why a call was not admitted, and when (UTC) it would be."""

    why: Why
    resets_at: dt.datetime
    used: int
    limit: int

    def notice(self, language: str) -> str:
        lang = "fr" if str(language).startswith("fr") else "en"
        resets = self.resets_at.strftime("%H:%M UTC" if self.why == "minute" else "%Y-%m-%d %H:%M UTC")
        return NOTICES[lang][self.why].format(used=self.used, limit=self.limit, resets=resets)


class Budget:
    """One person's LLM budget on one database; cheap, holds no rows (like a ``Store``)."""

    def __init__(self, database: Database, owner: Owner, limits: Limits,
                 clock: Callable[[], dt.datetime] = _utcnow) -> None:  # fmt: skip
        self._db, self._owner, self.limits, self._clock = database, owner, limits, clock

    def _who(self, **values: Any) -> dict[str, Any]:
        return {"owner_issuer": self._owner.issuer, "owner_subject": self._owner.subject, **values}

    def admit(self) -> int | Refusal:
        """Count one call now and return its id, or say why it may not go out."""
        now = self._clock().astimezone(dt.UTC)
        day, at = now.date().isoformat(), now.strftime(_AT)
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), dt.UTC)
        limits = self.limits

        def body(conn: Connection) -> int | Refusal:
            conn.execute(text("INSERT INTO llm_days (day) VALUES (:day) ON CONFLICT (day) DO NOTHING"), {"day": day})
            if limits.operator_daily_tokens is not None:
                total = conn.execute(text("SELECT tokens FROM llm_days WHERE day = :day"), {"day": day}).scalar_one()
                if total >= limits.operator_daily_tokens:
                    return Refusal("operator", midnight, int(total), limits.operator_daily_tokens)
            if limits.daily_tokens is not None:
                mine = conn.execute(text(f"SELECT COALESCE(SUM(tokens), 0) FROM llm_calls WHERE {_MINE} AND day = :day"),
                                    self._who(day=day)).scalar_one()  # fmt: skip
                if mine >= limits.daily_tokens:
                    return Refusal("daily", midnight, int(mine), limits.daily_tokens)
            if limits.requests_per_minute is not None:
                since = (now - dt.timedelta(minutes=1)).strftime(_AT)
                recent = [row[0] for row in conn.execute(
                    text(f"SELECT at FROM llm_calls WHERE {_MINE} AND day >= :since_day AND at > :since ORDER BY at"),
                    self._who(since=since, since_day=since[:10]),
                )]  # fmt: skip
                if len(recent) >= limits.requests_per_minute:
                    free = dt.datetime.strptime(recent[0], _AT).replace(tzinfo=dt.UTC) + dt.timedelta(minutes=1)
                    return Refusal("minute", free, len(recent), limits.requests_per_minute)
            conn.execute(text("UPDATE llm_days SET requests = requests + 1 WHERE day = :day"), {"day": day})
            return int(conn.execute(text(
                "INSERT INTO llm_calls (owner_issuer, owner_subject, at, day, tokens) "
                "VALUES (:owner_issuer, :owner_subject, :at, :day, 0) RETURNING id"
            ), self._who(at=at, day=day)).scalar_one())  # fmt: skip

        return self._db.transaction(body, self._owner, immediate=True)

    def record(self, call_id: int, tokens: int) -> None:
        """Add the tokens an admitted call used, to the person's count and to the day's total."""

        def body(conn: Connection) -> None:
            day = conn.execute(text(f"UPDATE llm_calls SET tokens = tokens + :tokens WHERE id = :id AND {_MINE} "
                                    "RETURNING day"), self._who(id=call_id, tokens=tokens)).scalar_one_or_none()  # fmt: skip
            if day is not None:
                conn.execute(text("UPDATE llm_days SET tokens = tokens + :tokens WHERE day = :day"),
                             {"tokens": tokens, "day": day})  # fmt: skip

        self._db.transaction(body, self._owner, immediate=True)

    def used_today(self) -> int:
        day = self._clock().astimezone(dt.UTC).date().isoformat()
        return int(self._db.transaction(lambda conn: conn.execute(
            text(f"SELECT COALESCE(SUM(tokens), 0) FROM llm_calls WHERE {_MINE} AND day = :day"), self._who(day=day)
        ).scalar_one(), self._owner))  # fmt: skip


def _tokens(result: Draft | ReplyAnalysis) -> int:
    usage = result.usage
    return int(usage.input_tokens + usage.output_tokens) if usage else 0


def _guarded(budget: Budget | None, settings: Settings) -> tuple[Settings, int | None, Refusal | None]:
    """The settings to call with, the admitted call's id, or the refusal (then the offline engine answers)."""
    if budget is None or not budget.limits.any or settings.engine_in_use != "llm":
        return settings, None, None
    admitted = budget.admit()
    if isinstance(admitted, Refusal):
        return settings.model_copy(update={"engine": "offline"}), None, admitted
    return settings, admitted, None


def for_person(database: Database, owner: Owner, settings: Settings) -> Budget | None:
    """This person's budget, or None when the operator set no limit."""
    limits = Limits.from_settings(settings)
    return Budget(database, owner, limits) if limits.any else None


def write_draft(request: DraftRequest, settings: Settings, budget: Budget | None) -> Draft:
    """``rebond.drafting.write_draft`` within the person's budget."""
    from rebond.drafting import write_draft as write

    use, call, refusal = _guarded(budget, settings)
    draft = write(request, use)
    return _settle(draft, budget, call, refusal, request.language)


class BudgetedStream:
    """``rebond.drafting.stream_draft`` within the person's budget: iterate it, then read ``result``."""

    def __init__(self, request: DraftRequest, settings: Settings, budget: Budget | None) -> None:
        from rebond.drafting import stream_draft

        self._request, self._budget = request, budget
        use, self._call, self._refusal = _guarded(budget, settings)
        self._stream = stream_draft(request, use)
        self._result: Draft | None = None

    def __iter__(self) -> Iterator[str]:
        return iter(self._stream)

    @property
    def result(self) -> Draft:
        if self._result is None:
            self._result = _settle(self._stream.result, self._budget, self._call, self._refusal, self._request.language)
        return self._result


def stream_draft(request: DraftRequest, settings: Settings, budget: Budget | None) -> BudgetedStream:
    return BudgetedStream(request, settings, budget)


def read_reply(request: AnalysisRequest, settings: Settings, budget: Budget | None) -> ReplyAnalysis:
    """``rebond.reading.read_reply`` within the person's budget."""
    from rebond.reading import read_reply as read

    use, call, refusal = _guarded(budget, settings)
    analysis = read(request, use)
    return _settle(analysis, budget, call, refusal, str(analysis.language))


def _settle(result: Any, budget: Budget | None, call: int | None, refusal: Refusal | None, language: Any) -> Any:
    if refusal is not None:
        result.notices.insert(0, refusal.notice(str(language)))
    elif budget is not None and call is not None:
        budget.record(call, _tokens(result))
    return result
