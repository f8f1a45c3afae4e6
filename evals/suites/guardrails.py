"""Guardrails suite: the LLM pipelines driven by a scripted fake model that answers badly on purpose.

Each case scripts the model's answers and states how the pipeline must end:
accepted, repaired or replaced offline, with which notice. Whatever the model
said, the result must pass its checks and no name may reach the model. Privacy
mode is on, so the fake writes names as the placeholders it was sent, as a real
model would: the scripted answers are masked before the pipeline sees them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, Literal

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

# Loaded here, not inside the first timed case: LangChain's prompts, and openai (the
# pipeline imports it lazily to name a failed call, ~1 s).
import openai  # noqa: F401
import rebond.prompting  # noqa: F401
from evals.suites import DATASETS, Failure, RunOptions, SuiteResult, attempt, rate
from rebond.drafting import write_draft
from rebond.models import AnalysisRequest, DraftRequest, ReplyAnalysis, first_error
from rebond.privacy import Mask
from rebond.reading import read_reply
from rebond.resources import load_data
from rebond.settings import Settings

DATASET = DATASETS / "guardrails.jsonl"
# Errors a scripted call may raise, by the name a dataset gives them.
_ERRORS: dict[str, type[Exception]] = {"TimeoutError": TimeoutError, "RuntimeError": RuntimeError,
                                       "ConnectionError": ConnectionError}


class Answer(BaseModel):
    """One scripted answer: exactly one of text, offline_draft, tool, json or error (a bare string is text)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    text: str | None = Field(default=None, description="The model's answer as plain text.")
    offline_draft: dict[str, Any] | None = Field(
        default=None,
        description="The offline engine's draft for the case's request with these changes (e.g. "
        '{"language": "fr"}; {} for none), written as the prompt asks a model to.',
    )
    tool: dict[str, Any] | None = Field(default=None, description="Arguments of a structured-output tool call.")
    json_answer: dict[str, Any] | str | None = Field(
        default=None, alias="json", description="A JSON-mode answer: an object, or raw text that should be JSON."
    )
    error: Literal["TimeoutError", "RuntimeError", "ConnectionError"] | None = Field(
        default=None, description="The call raises this instead of answering."
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> Answer:
        kinds = ("text", "offline_draft", "tool", "json_answer", "error")
        given = [name for name in kinds if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                f"an answer needs exactly one of text, offline_draft, tool, json or error (got {given or 'none'})"
            )
        return self


class Expected(BaseModel):
    """How the pipeline must end."""

    model_config = ConfigDict(extra="forbid")

    outcome: Literal["accepted", "repaired", "fallback"] = Field(
        description="accepted: the model's (first or retried) answer is shown; repaired: the draft's one repair "
        "is shown; fallback: the offline engine's result is shown."
    )
    notice: str | None = Field(default=None, description="Text one notice must contain; null: no notice at all.")
    calls: int | None = Field(default=None, ge=0, description="Model calls made; default: every scripted answer.")
    failed_checks: list[str] = Field(
        default_factory=list, description="Draft: non-critical checks that stay flagged on the final draft."
    )
    absent: list[str] = Field(default_factory=list, description="Text that must appear nowhere in the result.")
    kind: str | None = Field(default=None, description="Analysis: the final kind.")
    dropped_evidence: int = Field(default=0, ge=0, description="Analysis: quotes removed as not verbatim.")


class Case(BaseModel):
    """One line: a request, the fake model's answers in order, and the expected ending."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    pipeline: Literal["draft", "analysis"] = Field(description="draft: write_draft; analysis: read_reply.")
    bad_output: str = Field(description="What is wrong with the model's output (wrong_language, begging...).")
    request: dict[str, Any] = Field(description="A DraftRequest (draft) or an AnalysisRequest (analysis).")
    answers: list[Answer] = Field(min_length=1, description="What the model answers, call after call.")
    tools: bool = Field(default=True, description="Analysis: whether the fake supports tool calls (else JSON mode).")
    expected: Expected
    note: str = ""
    _parsed: DraftRequest | AnalysisRequest = PrivateAttr()

    @model_validator(mode="after")
    def _request_fits_pipeline(self) -> Case:
        model = DraftRequest if self.pipeline == "draft" else AnalysisRequest
        try:
            self._parsed = model.model_validate(self.request)
        except ValidationError as exc:
            raise ValueError(f"request: {first_error(exc)}") from None
        return self

    @property
    def parsed(self) -> DraftRequest | AnalysisRequest:
        return self._parsed


class ScriptedModel(GenericFakeChatModel):
    """A chat model that answers from a script and keeps the history of every prompt it was sent."""

    messages: Iterator[Any] = Field(default_factory=lambda: iter(()))
    model_name: str = "fake-llm"
    script: list[Any] = Field(default_factory=list)
    history: list[list[BaseMessage]] = Field(default_factory=list)
    supports_tools: bool = True

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        self.history.append(list(messages))
        if not self.script:
            raise AssertionError("the pipeline called the model more often than the case scripts")
        answer = self.script.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        usage = {"input_tokens": 600, "output_tokens": 150, "total_tokens": 750}
        message = AIMessage(content=answer, usage_metadata=usage) if isinstance(answer, str) else answer
        return ChatResult(generations=[ChatGeneration(message=message)])

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        if not self.supports_tools:
            raise NotImplementedError("this endpoint has no tool calls")
        return self.bind(tools=[convert_to_openai_tool(tool) for tool in tools], **kwargs)


def _scripted(answer: Answer, case: Case, mask: Mask) -> Any:
    """The object the fake returns (or raises) for one scripted answer, names masked."""
    if answer.error:
        return _ERRORS[answer.error](f"scripted {answer.error}")
    if answer.text is not None:
        return mask.hide(answer.text)
    if answer.json_answer is not None:
        raw = answer.json_answer
        return mask.hide(raw if isinstance(raw, str) else json.dumps(_masked(raw, mask), ensure_ascii=False))
    if answer.tool is not None:
        call = {"name": "ReplyAnalysis", "args": _masked(answer.tool, mask), "id": "call_1", "type": "tool_call"}
        return AIMessage(content="", tool_calls=[call])
    return mask.hide(offline_text(case, answer.offline_draft or {}))


def _masked(value: Any, mask: Mask) -> Any:
    if isinstance(value, str):
        return mask.hide(value)
    if isinstance(value, list):
        return [_masked(item, mask) for item in value]
    if isinstance(value, dict):
        return {key: _masked(item, mask) for key, item in value.items()}
    return value


def mask_of(request: DraftRequest | AnalysisRequest) -> Mask:
    """The mask the pipeline builds for this request with privacy on."""
    from rebond.privacy import mask_for

    if isinstance(request, DraftRequest):
        ctx = request.context
        return mask_for(ctx.candidate_name, ctx.recruiter_name, ctx.company, elide=request.language.base == "fr")
    from rebond.reading import reply_language

    return mask_for(request.candidate_name, request.recruiter_name, elide=reply_language(request).base == "fr")


def offline_text(case: Case, changes: dict[str, Any]) -> str:
    """A good draft in the output format the prompt asks for (Subject:, body, Voicemail:)."""
    from rebond.compose import compose

    values = case.parsed.model_dump(mode="json")
    for key, value in changes.items():
        values[key] = {**values[key], **value} if isinstance(value, dict) else value
    request = DraftRequest.model_validate(values)
    draft = compose(request)
    parts = [f"Subject: {draft.subject}", draft.body] if draft.subject else [draft.body]
    if draft.voicemail:
        parts.append(f"Voicemail: {draft.voicemail}")
    return "\n\n".join(parts)


def settings() -> Settings:
    """A remote-looking endpoint, so privacy mode is on, and nothing read from the machine's .env."""
    return Settings(_env_file=None, openai_api_key="sk-eval-fake", engine="llm", privacy="on", max_retries=0, timeout=5)


def evaluate(case: Case) -> list[str]:
    """Everything wrong with how the pipeline handled this case; empty when it held."""
    request = case.parsed
    mask = mask_of(request)
    model = ScriptedModel(supports_tools=case.tools, script=[_scripted(a, case, mask) for a in case.answers])
    if isinstance(request, DraftRequest):
        result: Any = write_draft(request, settings(), model=model)
    else:
        result = read_reply(request, settings(), model=model)
    expected = case.expected
    problems = []
    if result.engine == "offline":
        outcome = "fallback"
    else:  # an analysis retry is still the model's answer; a draft's second call is its repair
        outcome = "repaired" if isinstance(request, DraftRequest) and len(model.history) > 1 else "accepted"
    if outcome != expected.outcome:
        problems.append(f"ended {outcome}, expected {expected.outcome} (notices: {result.notices})")
    calls = expected.calls if expected.calls is not None else len(case.answers)
    if len(model.history) != calls:
        problems.append(f"{len(model.history)} model call(s), expected {calls}")
    if expected.notice is None and result.notices:
        problems.append(f"unexpected notice: {result.notices[0]}")
    elif expected.notice is not None and not any(expected.notice in notice for notice in result.notices):
        problems.append(f"no notice contains {expected.notice!r} (notices: {result.notices})")
    shown = json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
    problems += [f"{text!r} is in the result" for text in expected.absent if text in shown]
    problems += _leaks(request, model)
    if isinstance(result, ReplyAnalysis):
        problems += _analysis_problems(result, request, expected)
    else:
        critical = [check.name for check in result.checks.critical_failures()]
        if critical:
            problems.append(f"final draft fails critical check(s) {critical}")
        failed = sorted(check.name for check in result.checks.failed())
        if failed != sorted(expected.failed_checks):
            problems.append(f"final draft fails {failed}, expected {sorted(expected.failed_checks)}")
    return problems


def _analysis_problems(result: ReplyAnalysis, request: AnalysisRequest, expected: Expected) -> list[str]:
    problems = [f"evidence {f.evidence!r} is not in the reply"
                for f in result.categories if f.evidence not in request.reply]
    if expected.kind and str(result.kind) != expected.kind:
        problems.append(f"kind {result.kind}, expected {expected.kind}")
    if result.dropped_evidence != expected.dropped_evidence:
        problems.append(f"{result.dropped_evidence} quote(s) dropped, expected {expected.dropped_evidence}")
    if request.language and result.language is not request.language:
        problems.append(f"analysis in {result.language}, the reply is {request.language}")
    return problems


def _leaks(request: DraftRequest | AnalysisRequest, model: ScriptedModel) -> list[str]:
    """Names the model was sent although privacy mode is on: full names, their parts, and the company."""
    if isinstance(request, DraftRequest):
        people, company = [request.context.candidate_name, request.context.recruiter_name], request.context.company
    else:
        people, company = [request.candidate_name, request.recruiter_name], ""
    titles = set(load_data("llm.yaml")["name_titles"])
    secrets = {company} if company else set()
    for person in people:
        secrets |= {part for part in person.split() if len(part) > 2 and part.lower().strip(".") not in titles}
    sent = "\n".join(str(message.content) for call in model.history for message in call)
    return [f"{secret!r} was sent to the model" for secret in sorted(secrets)
            if re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", sent)]


def run(cases: list[Case], options: RunOptions) -> SuiteResult:
    """Each case through its pipeline with a fresh fake model."""
    failures: list[Failure] = []
    held = 0
    by_output: Counter[str] = Counter()
    held_by_output: Counter[str] = Counter()
    for case in cases:
        by_output[case.bad_output] += 1
        problems = attempt(case.id, lambda: evaluate(case), failures, options)
        if problems is None:
            continue
        if problems:
            failures.append(Failure(id=case.id, reason="; ".join(problems)))
        else:
            held += 1
            held_by_output[case.bad_output] += 1
    metrics = {
        "pass_rate": rate(held, len(cases)),
        "per_bad_output": {name: {"pass_rate": rate(held_by_output[name], n), "cases": n}
                           for name, n in sorted(by_output.items())},
    }
    # Fake models by design: a real endpoint cannot be made to misbehave on cue.
    return SuiteResult(suite="guardrails", engine="fake-llm", cases=len(cases), metrics=metrics, failures=failures)
