"""Honest fakes for the LLM seam: a scripted chat model that remembers every prompt, and sample requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import Field

from rebond.models import AnalysisRequest, DraftRequest, InterviewContext, Tone
from rebond.settings import Settings

API_KEY = "sk-test-DO-NOT-LEAK-4242"
USAGE = {"input_tokens": 700, "output_tokens": 180, "total_tokens": 880}


class ScriptedChatModel(GenericFakeChatModel):
    """Answers from a script (``enqueue``) and keeps the ``history`` of every prompt it was sent."""

    messages: Iterator[Any] = Field(default_factory=lambda: iter(()))
    model_name: str = "fake-chat"
    script: list[Any] = Field(default_factory=list)
    history: list[list[BaseMessage]] = Field(default_factory=list)
    call_kwargs: list[dict[str, Any]] = Field(default_factory=list)
    supports_tools: bool = True

    def enqueue(self, *answers: Any) -> ScriptedChatModel:
        """Queue answers: a str, an AIMessage, or an exception to raise."""
        self.script.extend(answers)
        return self

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any) -> ChatResult:
        self.history.append(list(messages))
        self.call_kwargs.append(kwargs)
        if not self.script:
            raise AssertionError("the model was called more often than scripted")
        answer = self.script.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        message = AIMessage(content=answer, usage_metadata=USAGE) if isinstance(answer, str) else answer
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any):
        yield from super()._stream(messages, stop=stop, run_manager=run_manager, **kwargs)
        # Like ChatOpenAI with stream_usage: counts arrive in a last, empty chunk.
        yield ChatGenerationChunk(message=AIMessageChunk(content="", usage_metadata=USAGE))

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        if not self.supports_tools:
            raise NotImplementedError("this fake has no tool calls")
        return self.bind(tools=[convert_to_openai_tool(tool) for tool in tools], **kwargs)

    @property
    def prompts(self) -> list[str]:
        """Each call's messages as one text, to assert on what the model was asked."""
        return ["\n".join(str(m.content) for m in call) for call in self.history]


def tool_answer(args: dict[str, Any], name: str = "ReplyAnalysis") -> AIMessage:
    """A model answer that calls the structured-output tool with ``args``."""
    return AIMessage(
        content="",
        tool_calls=[{"name": name, "args": args, "id": "call_1", "type": "tool_call"}],
        usage_metadata=USAGE,
    )


def json_answer(args: dict[str, Any]) -> AIMessage:
    """A model answer carrying ``args`` as JSON text (JSON mode)."""
    return AIMessage(content=json.dumps(args, ensure_ascii=False), usage_metadata=USAGE)


def settings(**overrides: Any) -> Settings:
    """Settings independent of the machine's environment and ``.env``."""
    values: dict[str, Any] = {"openai_api_key": API_KEY, "engine": "llm", "max_retries": 0, "timeout": 5}
    values.update(overrides)
    return Settings(_env_file=None, **values)


def draft_request(language: str = "fr", channel: str = "email", **context: Any) -> DraftRequest:
    """A realistic request; ``context`` overrides interview fields."""
    fields: dict[str, Any] = {
        "candidate_name": "Camille Roy",
        "recruiter_name": "Mme Julie Tremblay",
        "company": "Ubisoft",
        "role": "Analyste de données" if language != "en" else "Data Analyst",
        "interview_date": "2026-11-10",
        "rejection_message": (
            "Bonjour Camille, merci pour votre temps. Après réflexion, nous avons retenu une autre candidature "
            "dont le profil correspond davantage à nos besoins actuels. Nous vous souhaitons bonne chance."
            if language != "en"
            else "Hi Camille, thank you for your time. After careful consideration we have decided to move forward "
            "with another candidate whose profile better matches our current needs. We wish you the best."
        ),
        "notes": (
            "Bonne entrevue technique ; la question sur l'optimisation SQL m'a déstabilisée."
            if language != "en"
            else "Good technical interview; the SQL optimisation question threw me."
        ),
    }
    fields.update(context)
    return DraftRequest(
        language=language, channel=channel, context=InterviewContext(**fields), tone=Tone(), id="req-1"
    )


REPLY_FR = (
    "Bonjour Camille,\n\nMerci pour votre message. Votre entrevue était agréable, mais nous cherchions "
    "une personne avec plus d'expérience en modélisation de données et une meilleure maîtrise de SQL avancé. "
    "Votre CV gagnerait aussi à mettre vos projets en avant.\n\nBonne continuation,\nJulie Tremblay"
)
REPLY_EN = (
    "Hi Camille,\n\nThanks for reaching out. You interviewed well, but we needed someone with more experience "
    "in data modelling and stronger advanced SQL skills. Your CV could also highlight your projects more.\n\n"
    "Best of luck,\nJulie Tremblay"
)


def analysis_request(reply: str = REPLY_FR, language: str | None = None) -> AnalysisRequest:
    return AnalysisRequest(
        id="rep-1", reply=reply, language=language, candidate_name="Camille Roy", recruiter_name="Julie Tremblay"
    )


def good_analysis(reply: str = REPLY_FR) -> dict[str, Any]:
    """What a good model answers for REPLY_FR (quotes are verbatim)."""
    quote_exp = "plus d'expérience en modélisation de données" if reply is REPLY_FR else "more experience in data modelling"
    quote_sql = "une meilleure maîtrise de SQL avancé" if reply is REPLY_FR else "stronger advanced SQL skills"
    if reply is not REPLY_FR:
        return {
            "kind": "constructive",
            "kind_reason": "The reply names two precise points you can work on.",
            "categories": [
                {"category": "experience", "evidence": quote_exp, "advice": "Aim at data modelling projects.", "controllable": False},
                {"category": "skills", "evidence": quote_sql, "advice": "Take an advanced SQL course.", "controllable": True},
            ],
            "controllable": ["Advanced SQL"],
            "not_controllable": ["Years of data modelling experience"],
            "action_plan": ["Take an advanced SQL course and finish it this month.", "Build a small data modelling project."],
            "reframe": "Two clear leads: that is a valuable answer to get.",
            "thank_you_reply": "Hello Julie Tremblay,\n\nThank you for these details.\n\nCamille Roy",
            "discrimination_warning": None,
        }
    return {
        "kind": "constructive",
        "kind_reason": "La réponse nomme deux points précis.",
        "categories": [
            {"category": "experience", "evidence": quote_exp, "advice": "Visez des projets de modélisation.", "controllable": False},
            {"category": "skills", "evidence": quote_sql, "advice": "Suivez une formation SQL avancé.", "controllable": True},
        ],
        "controllable": ["SQL avancé"],
        "not_controllable": ["Années d'expérience en modélisation"],
        "action_plan": ["Suivre une formation SQL avancé.", "Réaliser un projet de modélisation."],
        "reframe": "Deux pistes claires : c'est une réponse précieuse.",
        "thank_you_reply": "Bonjour Julie Tremblay,\n\nMerci pour ces précisions.\n\nCamille Roy",
        "discrimination_warning": None,
    }


def model_text(request: DraftRequest, mask: Any = None) -> str:
    """A draft that passes every check, written the way the prompt asks a model to (offline engine's wording)."""
    from rebond.compose import compose

    draft = compose(request)
    parts = [f"Subject: {draft.subject}", draft.body] if draft.subject else [draft.body]
    if draft.voicemail:
        parts.append(f"Voicemail: {draft.voicemail}")
    text = "\n\n".join(parts)
    return mask.hide(text) if mask is not None else text
