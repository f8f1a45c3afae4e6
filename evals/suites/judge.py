"""LLM-as-judge for ``--engine llm --judge`` (not a suite): each draft scored 1-5 against each drafting principle.

The rubric lives in ``prompts/judge_system.txt`` and ``prompts/judge_user.txt``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from evals.suites import Failure, RunOptions
from rebond.guidance import principle, principle_ids
from rebond.models import Draft, DraftRequest

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

# A score at or below this is listed as a failure with the judge's reason.
LOW_SCORE = 2


class PrincipleScore(BaseModel):
    """How well the message applies one guidance principle."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    principle: str
    """The principle's id, exactly as listed."""
    score: int = Field(ge=1, le=5)
    """5 fully applies it, 3 partly, 1 goes against it."""
    reason: str
    """Why, in at most 20 words."""


class Verdict(BaseModel):
    """The judge's scores for one message: one per principle."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    scores: list[PrincipleScore]
    """One entry for every principle id listed, each once."""

    @field_validator("scores")
    @classmethod
    def _every_principle_once(cls, scores: list[PrincipleScore]) -> list[PrincipleScore]:
        given = [s.principle for s in scores]
        expected = principle_ids("draft")
        if sorted(given) != sorted(expected):
            raise ValueError(f"scores must cover exactly {expected}, got {given}")
        return scores


def judge_messages(draft: Draft, request: DraftRequest, hide: Any = None) -> list[Any]:
    """The rubric prompt for one draft; ``hide`` masks names when privacy mode is on."""
    from langchain_core.prompts import ChatPromptTemplate

    from rebond.prompting import language_name
    from rebond.resources import load_text

    hide = hide or (lambda text: text)
    template = ChatPromptTemplate.from_messages(
        [("system", load_text("judge_system.txt")), ("human", load_text("judge_user.txt"))]
    )
    tone = ", ".join(f"{name} {value}" for name, value in request.tone.model_dump().items())
    return template.format_messages(
        principles="\n".join(f"- {pid}: {principle(pid, 'en')}" for pid in principle_ids("draft")),
        channel=str(request.channel),
        language_name=language_name(request.language),
        tone=tone,
        rejection_message=hide(request.context.rejection_message) or "(none)",
        message=hide(draft.full_text()),
    )


def verdict_for(model: BaseChatModel, draft: Draft, request: DraftRequest, hide: Any = None) -> Verdict:
    """The judge's verdict, asked twice at most when the first answer does not fit the rubric."""
    runnable = model.with_structured_output(Verdict, method="function_calling")
    messages = judge_messages(draft, request, hide)
    try:
        return Verdict.model_validate(runnable.invoke(messages))
    except (ValidationError, ValueError):
        return Verdict.model_validate(runnable.invoke(messages))


def judge_drafts(
    cases: list[Any], drafts: dict[str, list[Draft]], options: RunOptions, failures: list[Failure],
    model: BaseChatModel | None = None,
) -> dict[str, dict[str, float | int]]:
    """Per principle: mean and lowest score over every draft; low scores and unusable verdicts become failures."""
    from rebond.llm import build_chat_model
    from rebond.privacy import mask_for

    model = model or build_chat_model(options.settings)
    requests = {case.id: DraftRequest.model_validate(case.model_dump()) for case in cases}
    scores: dict[str, list[int]] = defaultdict(list)
    for case_id, batch in drafts.items():
        request = requests[case_id]
        ctx = request.context
        privacy = options.settings.privacy_on if options.settings else True
        mask = mask_for(ctx.candidate_name, ctx.recruiter_name, ctx.company, hiding=privacy)
        for draft in batch:
            try:
                verdict = verdict_for(model, draft, request, mask.hide)
            except Exception as exc:  # a judge that cannot answer is a failure of the run, not a crash
                failures.append(Failure(id=case_id, reason=f"judge: no usable verdict ({type(exc).__name__})"))
                continue
            for item in verdict.scores:
                scores[item.principle].append(item.score)
                if item.score <= LOW_SCORE:
                    reason = f"judge: {item.principle} {item.score}/5: {item.reason}"
                    failures.append(Failure(id=case_id, reason=reason))
    return {
        pid: {"mean": round(sum(values) / len(values), 2), "min": min(values), "drafts": len(values)}
        for pid in principle_ids("draft")
        if (values := scores.get(pid))
    }
