"""Read a recruiter's reply: offline, or by a model whose structured answer is validated, retried once, else replaced."""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError, create_model

from rebond.models import AnalysisRequest, Confidence, Kind, Language, ReplyAnalysis
from rebond.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

    from rebond.privacy import Mask

log = logging.getLogger(__name__)

# What the model fills in; the rest of ReplyAnalysis (id, language, engine,
# usage, notices, dropped_evidence) is Rebond's to set, not the model's.
MODEL_FIELDS = (
    "kind",
    "kind_confidence",
    "ground",
    "kind_reason",
    "categories",
    "controllable",
    "not_controllable",
    "action_plan",
    "reframe",
    "thank_you_reply",
    "discrimination_warning",
)
ModelAnswer: type[BaseModel] = create_model(  # same name, descriptions and validators as the contract
    "ReplyAnalysis",
    __doc__="What a recruiter's reply says, and what to do with it.",
    **{name: (ReplyAnalysis.model_fields[name].annotation, ReplyAnalysis.model_fields[name]) for name in MODEL_FIELDS},
)
# Model prose (not quotes) is shown in the app: it gets the same clean-up as a draft.
_PROSE_FIELDS = ("kind_reason", "reframe", "thank_you_reply", "controllable", "not_controllable", "action_plan")


class Unusable(ValueError):
    """The model answered, but not with an analysis Rebond can show."""


def read_reply(
    request: AnalysisRequest, settings: Settings | None = None, model: BaseChatModel | None = None
) -> ReplyAnalysis:
    """The analysis of a reply: offline when the engine is offline, else from the model (or a model passed in)."""
    settings = settings or Settings()
    if model is None and settings.engine_in_use == "offline":
        return offline_analysis(request)
    from rebond import prompting
    from rebond.llm import build_chat_model, failure, model_name, within_deadline
    from rebond.privacy import mask_for

    language = reply_language(request)
    try:
        model = model or build_chat_model(settings)
    except Exception as exc:  # no key and no endpoint
        return _fallback(request, language, prompting.reason(failure(exc, settings)[0], language))
    name = model_name(model, settings)
    mask = mask_for(
        request.candidate_name, request.recruiter_name, elide=language.base == "fr", hiding=settings.privacy_on
    )
    answers: list[Any] = []
    structured = True
    retry: list[BaseMessage] = []
    errors = ""
    attempts = 0
    while attempts < 2:
        try:
            if structured:
                messages = prompting.analysis_messages(request, language, mask) + retry
                answer = within_deadline(lambda: _ask_structured(model, messages, answers), settings)
            else:
                schema = json.dumps(ModelAnswer.model_json_schema(), ensure_ascii=False)
                messages = prompting.analysis_messages(request, language, mask, json_schema=schema) + retry
                answer = within_deadline(lambda: _ask_json(model, messages, answers), settings)
            return _finish(answer, request, language, mask, name, answers)
        except Unusable as exc:
            attempts += 1
            errors = str(exc)
            log.info("analysis unusable (attempt %d): %s", attempts, errors[:200])
            retry = prompting.retry_message(errors)
        except Exception as exc:
            if structured and _no_structured_support(exc):
                # Endpoints without tool calls answer 400 (or the class has no bind_tools): use JSON mode.
                log.info("structured output unsupported (%s); using JSON mode", type(exc).__name__)
                structured = False
                continue
            log.info("analysis call failed: %s", type(exc).__name__)
            key, values = failure(exc, settings)
            return _fallback(request, language, prompting.reason(key, language, **values), answers, name)
    return _fallback(request, language, prompting.reason("invalid_analysis", language), answers, name)


def offline_analysis(request: AnalysisRequest) -> ReplyAnalysis:
    """The offline analyser's reading."""
    from rebond.analyse import analyse_reply  # imported here: the reading module must load without it

    return analyse_reply(request)


def reply_language(request: AnalysisRequest) -> Language:
    """The language given, else the detected one (French for anything not English)."""
    if request.language is not None:
        return request.language
    from rebond.text import detect_language

    detected, _ = detect_language(request.reply)
    return Language.EN if detected == "en" else Language.FR


def _ask_structured(model: BaseChatModel, messages: list[BaseMessage], answers: list[Any]) -> BaseModel:
    runnable = model.with_structured_output(ModelAnswer, include_raw=True, method="function_calling")
    out = runnable.invoke(messages)
    answers.append(out["raw"])
    if out.get("parsed") is not None:
        return out["parsed"]
    if out.get("parsing_error") is not None:
        raise Unusable(_summary(out["parsing_error"]))
    # Some servers ignore tools and answer in the message text: accept JSON there too.
    return _parse_json(_text(out["raw"]))


def _ask_json(model: BaseChatModel, messages: list[BaseMessage], answers: list[Any]) -> BaseModel:
    raw = model.bind(response_format={"type": "json_object"}).invoke(messages)
    answers.append(raw)
    return _parse_json(_text(raw))


def _parse_json(text: str) -> BaseModel:
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise Unusable("the answer was not a JSON object")
    try:
        return ModelAnswer.model_validate_json(text[start : end + 1])
    except ValidationError as exc:
        raise Unusable(_summary(exc)) from None


def _summary(error: BaseException) -> str:
    """A short list of what was wrong, without echoing the answer back."""
    cause = error if isinstance(error, ValidationError) else error.__cause__
    if isinstance(cause, ValidationError):
        parts = []
        for err in cause.errors(include_url=False, include_input=False)[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "answer"
            parts.append(f"{where}: {err['msg']}")
        return "; ".join(parts)
    if isinstance(cause, json.JSONDecodeError) or "json" in type(error).__name__.lower():
        return "the answer was not valid JSON"
    return "the answer did not match the schema"


def _finish(
    answer: BaseModel, request: AnalysisRequest, language: Language, mask: Mask, name: str, answers: list[Any]
) -> ReplyAnalysis:
    from rebond import prompting
    from rebond.grounds import default_region, warning
    from rebond.llm_output import clean
    from rebond.usage import usage_of

    values = _reveal(answer.model_dump(mode="json"), mask)
    for field in _PROSE_FIELDS:
        value = values.get(field)
        values[field] = [clean(item) for item in value] if isinstance(value, list) else clean(value or "")
    for finding in values.get("categories", []):
        finding["advice"] = clean(finding.get("advice", ""))
    if values.get("discrimination_warning") or values.get("ground"):
        # The pointer to a rights body is ours, neutral and accurate: not the model's wording. A protected
        # ground given as a reason makes the reply malicious, whatever kind the model chose.
        region = request.region or default_region(language)
        values["discrimination_warning"] = warning(values.get("ground"), region, language)
        values["kind"] = Kind.MALICIOUS.value
    analysis = ReplyAnalysis.model_validate(
        {**values, "id": request.id, "language": language, "engine": f"llm:{name}"},
        context={"reply": request.reply},  # drops and counts evidence that is not a verbatim quote
    )
    # The whole reading is only as sure as its least sure part.
    if analysis.kind_confidence is Confidence.LOW or any(f.confidence is Confidence.LOW for f in analysis.categories):
        analysis.confidence = Confidence.LOW
    if analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories:
        raise Unusable("kind is constructive but no evidence is a verbatim quote of the reply")
    _require_language(analysis, language)
    if analysis.dropped_evidence:
        analysis.notices.append(prompting.notice("evidence_dropped", language, count=analysis.dropped_evidence))
    analysis.usage = usage_of(answers, name)
    return analysis


def _require_language(analysis: ReplyAnalysis, language: Language) -> None:
    """The advice is read by the candidate: it must be in the reply's language, like the offline analysis."""
    from rebond.text import detect_language

    prose = " ".join([analysis.kind_reason, analysis.reframe, *analysis.action_plan])
    if len(prose.split()) < 8:
        return  # too little text to judge
    detected, confidence = detect_language(prose)
    if detected != language.base and confidence >= 0.8:
        wanted = "English" if language.base == "en" else "French"
        raise Unusable(f"the analysis is written in '{detected}', but it must be written in {wanted}")


def _reveal(value: Any, mask: Mask) -> Any:
    if isinstance(value, str):
        return mask.reveal(value)
    if isinstance(value, list):
        return [_reveal(item, mask) for item in value]
    if isinstance(value, dict):
        return {key: _reveal(item, mask) for key, item in value.items()}
    return value


def _fallback(
    request: AnalysisRequest, language: Language, reason: str, answers: list[Any] | None = None, name: str = ""
) -> ReplyAnalysis:
    from rebond import prompting

    analysis = offline_analysis(request)
    analysis.notices.insert(0, prompting.notice("analysis_fallback", analysis.language, reason=reason))
    if answers:
        from rebond.usage import usage_of

        analysis.usage = usage_of(answers, name)
    return analysis


def _no_structured_support(exc: BaseException) -> bool:
    if isinstance(exc, NotImplementedError):
        return True
    status = getattr(exc, "status_code", None)
    return status in (400, 422) or bool(re.search(r"tool|function|response_format", type(exc).__name__, re.I))


def _text(message: Any) -> str:
    # ``.text`` joins the text blocks of any content shape (str or list of blocks).
    return str(getattr(message, "text", "") or "")
