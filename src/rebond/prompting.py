"""Turns the prompt files in ``prompts/`` into LangChain chat messages, with guidance, tone and delimited user data."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate, HumanMessagePromptTemplate, PromptTemplate, SystemMessagePromptTemplate

from rebond import checks
from rebond.guidance import category_info, kind_info, principle, principle_ids
from rebond.models import AnalysisRequest, Category, Channel, CheckResult, DraftRequest, Kind, Language, Tone
from rebond.resources import load_data, load_text

if TYPE_CHECKING:
    from rebond.privacy import Mask

# Each conversation: its system and user files, and the variables the code fills.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "draft": ("draft_system.txt", "draft_user.txt"),
    "analyse": ("analyse_system.txt", "analyse_user.txt"),
}
# Follow-up user messages, each one file.
FOLLOW_UPS = ("repair_user.txt", "analyse_json.txt", "analyse_retry.txt")

# User data sits between these markers; the system prompts say what they mean.
DATA_OPEN, DATA_CLOSE = "<<<DATA", "DATA>>>"
_MARKERS = re.compile(r"<{2,}\s*/?\s*DATA|DATA\s*>{2,}", re.I)
_NONE = "(none)"


def phrases() -> dict[str, Any]:
    """The pipeline's phrase bank, ``prompts/llm.yaml``."""
    return load_data("llm.yaml")


@cache
def chat_prompt(name: str) -> ChatPromptTemplate:
    """The system + user template of one conversation ("draft" or "analyse")."""
    system, user = TEMPLATES[name]
    return ChatPromptTemplate.from_messages([("system", load_text(system)), ("human", load_text(user))])


@cache
def follow_up(file: str) -> ChatPromptTemplate:
    """A one-message user template, e.g. ``repair_user.txt``."""
    return ChatPromptTemplate.from_messages([("human", load_text(file))])


def _render(template: ChatPromptTemplate, values: dict[str, Any]) -> list[BaseMessage]:
    # A variable the file expects but the code does not pass (or the reverse) is a bug, not a blank.
    expected, given = set(template.input_variables), set(values)
    if expected != given:
        raise KeyError(f"template variables {sorted(expected)} do not match values {sorted(given)}")
    return [_format(message, values) for message in template.messages]


def _format(message: Any, values: dict[str, Any]) -> BaseMessage:
    """One message of a chat template, filled in.

    A plain ``{name}`` system or human template is filled with ``str.format``:
    what LangChain's f-string formatting does, but in C (LangChain's formatter is
    written in Python and costs about 0.1 ms a prompt). Anything else goes through LangChain.
    """
    kind = {SystemMessagePromptTemplate: SystemMessage, HumanMessagePromptTemplate: HumanMessage}.get(type(message))
    prompt = getattr(message, "prompt", None)
    if kind is None or not isinstance(prompt, PromptTemplate) or prompt.template_format != "f-string":
        return message.format_messages(**values)[0]  # type: ignore[no-any-return]
    return kind(content=prompt.template.format(**{name: values[name] for name in prompt.input_variables}))


def data(value: str, mask: Mask) -> str:
    """User text made safe to sit between the data markers: masked, markers defused, never empty."""
    value = _MARKERS.sub("DATA", value or "").strip()
    return mask.hide(value) if value else _NONE


def language_name(language: Language) -> str:
    return phrases()["languages"][str(language)]["name"]


# ---- drafting -------------------------------------------------------------------


def _tone(tone: Tone) -> str:
    # The sliders' own descriptions say what 0 and 100 mean: one source of truth.
    return "\n".join(
        f"- {name}: {getattr(tone, name)} ({Tone.model_fields[name].description})" for name in Tone.model_fields
    )


def draft_values(request: DraftRequest, mask: Mask) -> dict[str, Any]:
    """Every variable of the draft templates, for this request."""
    bank, ctx = phrases(), request.context
    low, high = checks.length_range(request.channel, request.tone.length)
    char_limit = ""
    if request.channel is Channel.LINKEDIN:
        char_limit = bank["char_limit"].format(limit=checks.linkedin_char_limit(request.tone.length))
    return {
        "guidance": "\n".join(f"- {principle(pid, 'en')}" for pid in principle_ids("draft")),
        "language_name": language_name(request.language),
        "language_note": bank["languages"][str(request.language)]["note"],
        "output_format": bank["output_formats"][str(request.channel)],
        "channel_rule": bank["channels"][str(request.channel)],
        "target_words": checks.length_target(request.channel, request.tone.length),
        "min_words": low,
        "max_words": high,
        "char_limit": char_limit,
        "tone": _tone(request.tone),
        "variant_rule": bank["variant"].format(variant=request.variant) if request.variant else "",
        "candidate_name": data(ctx.candidate_name, mask),
        "recruiter_name": data(ctx.recruiter_name, mask),
        "company": data(ctx.company, mask),
        "role": data(ctx.role, mask),
        "interview_date": ctx.interview_date.isoformat() if ctx.interview_date else _NONE,
        "rejection_message": data(ctx.rejection_message, mask),
        "news_channel": str(ctx.news_channel),
        "candidate_gender": str(ctx.candidate_gender) or _NONE,
        "candidate_phone": data(ctx.candidate_phone, mask) if ctx.candidate_phone else _NONE,
        "notes": data(ctx.notes, mask),
    }


def draft_messages(request: DraftRequest, mask: Mask) -> list[BaseMessage]:
    """System and user messages asking for one draft."""
    return _render(chat_prompt("draft"), draft_values(request, mask))


def repair_messages(
    first: list[BaseMessage], answer: str, failures: list[str], request: DraftRequest, mask: Mask
) -> list[BaseMessage]:
    """The first conversation, the model's (masked) answer, and a request to fix the listed failures."""
    values = {
        "failures": "\n".join(f"- {mask.hide(failure)}" for failure in failures),
        "language_name": language_name(request.language),
    }
    return [*first, AIMessage(content=answer), *_render(follow_up("repair_user.txt"), values)]


def failure_line(check: CheckResult) -> str:
    """How a failed check is told to the model: its label and its reason."""
    return f"{check.label}: {check.reason}"


@cache
def _instruction_lines() -> tuple[str, ...]:
    lines = []
    for file in (*TEMPLATES["draft"], *TEMPLATES["analyse"]):
        for line in load_text(file).splitlines():
            # Only long, variable-free lines are distinctive enough to spot in an answer.
            line = _squash(re.sub(r"\{[^}]*\}", "", line))
            if len(line) >= 40:
                lines.append(line)
    return tuple(lines)


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def repeats_instructions(text: str) -> bool:
    """Whether an answer quotes the system prompt or the data markers: a sign the model obeyed an injection."""
    # Every marker has "<<" or ">>": most answers are spared the (case-insensitive, slow) search.
    if ("<<" in text or ">>" in text) and _MARKERS.search(text):
        return True
    squashed = _squash(text)
    return any(line in squashed for line in _instruction_lines())


# ---- reading a reply ------------------------------------------------------------


def analysis_values(request: AnalysisRequest, language: Language, mask: Mask) -> dict[str, Any]:
    """Every variable of the analysis templates, for this reply."""
    return {
        "guidance": "\n".join(f"- {principle(pid, 'en')}" for pid in principle_ids("analysis")),
        "kinds": "\n".join(f"- {kind.value}: {kind_info(kind, 'en')['explanation']}" for kind in Kind),
        "categories": "\n".join(
            f"- {category.value}: {category_info(category, 'en')['label']}" for category in Category
        ),
        "grounds": grounds_for_prompt(),
        "examples": examples_for_prompt(),
        "language_name": language_name(language),
        "candidate_name": data(request.candidate_name, mask),
        "recruiter_name": data(request.recruiter_name, mask),
        "reply": data(request.reply, mask),
    }


@cache
def grounds_for_prompt() -> str:
    """One line per protected ground: its id, then its English and French labels (prompts/protected_grounds.yaml)."""
    from rebond.grounds import data as grounds

    lines = []
    for ground, spec in grounds()["grounds"].items():
        lines.append(f"- {ground}: {spec['label']['en']} / {spec['label']['fr']}; {spec['prompt']}")
    return "\n".join(lines)


@cache
def examples_for_prompt() -> str:
    """The few-shot examples of prompts/analyse_examples.yaml, one compact JSON answer each."""
    import json

    lines = []
    for example in load_data("analyse_examples.yaml"):
        answer = json.dumps(example["answer"], ensure_ascii=False)
        lines.append(f"Reply: {example['reply']}\nAnswer: {answer}\nWhy: {example['why']}")
    return "\n\n".join(lines)


def analysis_messages(
    request: AnalysisRequest, language: Language, mask: Mask, *, json_schema: str | None = None
) -> list[BaseMessage]:
    """System and user messages asking for an analysis; with ``json_schema``, asking for plain JSON too."""
    messages = _render(chat_prompt("analyse"), analysis_values(request, language, mask))
    if json_schema is not None:
        messages += _render(follow_up("analyse_json.txt"), {"schema": json_schema})
    return messages


def retry_message(errors: str) -> list[BaseMessage]:
    """A follow-up saying why the previous analysis could not be used."""
    return _render(follow_up("analyse_retry.txt"), {"errors": errors})


def notice(key: str, language: Language | str, **values: Any) -> str:
    """A notice for the user, in the language's base (en or fr)."""
    lang = "en" if str(language) == "en" else "fr"
    return phrases()["notices"][key][lang].format(**values)


def reason(key: str, language: Language | str, **values: Any) -> str:
    """Why a model's output or call was not used, in the language's base."""
    lang = "en" if str(language) == "en" else "fr"
    return phrases()["reasons"][key][lang].format(**values)
