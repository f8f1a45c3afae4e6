"""Guards drafting at the LangChain seam: one call when all is well, streaming, one repair, a fallback that says why."""

from __future__ import annotations

import pytest
from llm_fakes import API_KEY, ScriptedChatModel, draft_request, model_text, settings

from rebond.drafting import DraftStream, stream_draft, write_draft
from rebond.models import Channel


def test_happy_path_is_one_call_and_a_checked_llm_draft() -> None:
    request = draft_request()
    model = ScriptedChatModel().enqueue(model_text(request))
    draft = write_draft(request, settings(), model=model)
    assert len(model.history) == 1
    assert draft.engine == "llm:fake-chat"
    assert draft.checks.critical_failures() == [] and draft.checks.checks
    assert draft.subject and "analyste de données" in draft.subject  # (the offline subject, in the role's wording)
    assert not draft.body.startswith("Subject")
    assert draft.notices == []
    assert draft.usage is not None and (draft.usage.input_tokens, draft.usage.output_tokens) == (700, 180)
    assert draft.id == "req-1" and draft.guidance_ids


def test_the_model_is_asked_with_system_rules_and_delimited_facts() -> None:
    request = draft_request()
    model = ScriptedChatModel().enqueue(model_text(request))
    write_draft(request, settings(privacy="off"), model=model)
    system, user = model.history[0]
    assert system.type == "system" and "never instructions" in system.content
    assert "<<<DATA" in user.content and "company: Ubisoft" in user.content


def test_streaming_yields_the_text_then_exposes_the_result() -> None:
    request = draft_request("en")
    text = model_text(request)
    stream = stream_draft(request, settings(privacy="off"), model=ScriptedChatModel().enqueue(text))
    assert isinstance(stream, DraftStream)
    chunks = list(stream)
    assert len(chunks) > 20 and "".join(chunks) == text
    assert stream.result.engine == "llm:fake-chat" and not stream.replaced
    assert stream.result.usage is not None and stream.result.usage.output_tokens == 180
    assert list(stream) == []  # a finished stream does not call the model again


def test_reading_result_without_iterating_runs_the_pipeline() -> None:
    request = draft_request()
    stream = stream_draft(request, settings(), model=ScriptedChatModel().enqueue(model_text(request)))
    assert stream.result.engine == "llm:fake-chat"


@pytest.mark.parametrize("channel", [Channel.LINKEDIN, Channel.PHONE])
def test_other_channels_parse_into_their_parts(channel: Channel) -> None:
    request = draft_request("fr", channel.value)
    draft = write_draft(request, settings(), model=ScriptedChatModel().enqueue(model_text(request)))
    assert draft.engine == "llm:fake-chat", draft.notices
    assert draft.subject is None
    if channel is Channel.PHONE:
        assert draft.voicemail and "Voicemail" not in draft.body


def test_a_failed_check_gets_one_repair_that_lists_it() -> None:
    request = draft_request("fr")
    english = model_text(draft_request("en"))
    model = ScriptedChatModel().enqueue(english, model_text(request))
    draft = write_draft(request, settings(), model=model)
    assert len(model.history) == 2
    repair = model.history[1]
    assert repair[-2].type == "ai" and repair[-1].type == "human"
    assert "failed these checks" in repair[-1].content and "Langue" in repair[-1].content
    assert draft.engine == "llm:fake-chat"
    assert len(draft.notices) == 1
    assert draft.notices[0].startswith("Le premier brouillon du modèle a été corrigé parce que le modèle a répondu en anglais")
    assert draft.usage is not None and draft.usage.input_tokens == 1400  # both calls counted


def test_still_failing_after_repair_falls_back_offline_and_says_why() -> None:
    request = draft_request("en")
    french = model_text(draft_request("fr"))
    model = ScriptedChatModel().enqueue(french, french)
    draft = write_draft(request, settings(), model=model)
    assert draft.engine == "offline"
    assert draft.notices[0].startswith("The offline engine wrote this draft because the model answered in French")
    assert draft.notices[0].endswith("and the corrected draft still failed.")
    assert draft.checks.critical_failures() == []


def test_streamed_fallback_is_flagged_as_replaced() -> None:
    request = draft_request("en")
    french = model_text(draft_request("fr"))
    stream = stream_draft(request, settings(), model=ScriptedChatModel().enqueue(french, french))
    assert "".join(stream) == french  # the preview is what the model wrote...
    assert stream.replaced and stream.result.engine == "offline"  # ...the result is what to show


def test_an_empty_answer_is_repaired() -> None:
    request = draft_request()
    model = ScriptedChatModel().enqueue("", model_text(request))
    draft = write_draft(request, settings(), model=model)
    assert draft.engine == "llm:fake-chat"
    assert "vide" in draft.notices[0]


def test_a_call_error_falls_back_offline() -> None:
    request = draft_request("en")
    model = ScriptedChatModel().enqueue(RuntimeError(f"boom {API_KEY}"))
    draft = write_draft(request, settings(), model=model)
    assert draft.engine == "offline"
    assert draft.notices[0] == "The offline engine wrote this draft because the model call failed (RuntimeError)."
    assert API_KEY not in " ".join(draft.notices)


def test_a_failing_stream_shows_the_offline_draft_instead_of_nothing() -> None:
    request = draft_request("en")
    stream = stream_draft(request, settings(), model=ScriptedChatModel().enqueue(ConnectionError("down")))
    text = "".join(stream)
    assert stream.result.engine == "offline" and text == stream.result.full_text()


def test_llm_engine_without_key_or_endpoint_explains_itself() -> None:
    request = draft_request("en")
    draft = write_draft(request, settings(openai_api_key=None))
    assert draft.engine == "offline"
    assert "no OPENAI_API_KEY or OPENAI_BASE_URL is set" in draft.notices[0]


def test_offline_engine_never_builds_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import rebond.llm

    monkeypatch.setattr(rebond.llm, "build_chat_model", lambda *a, **k: pytest.fail("built a model"))
    draft = write_draft(draft_request(), settings(engine="offline"))
    assert draft.engine == "offline" and draft.notices == [] and draft.usage is None


def test_priced_models_get_a_cost() -> None:
    request = draft_request()
    model = ScriptedChatModel(model_name="gpt-4.1-mini").enqueue(model_text(request))
    draft = write_draft(request, settings(), model=model)
    assert draft.usage is not None and draft.usage.cost_usd == pytest.approx(700 * 0.4e-6 + 180 * 1.6e-6)


class _HangingModel(ScriptedChatModel):
    """Answers only after `delay` seconds, like an endpoint the client keeps retrying."""

    delay: float = 3.0

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        import time

        time.sleep(self.delay)
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def test_a_hung_model_is_abandoned_one_second_after_the_timeout() -> None:
    """Regression: the client's retries tripled the wait on a hung endpoint (fault drill: 10.5 s for a 3 s timeout)."""
    import time

    model = _HangingModel().enqueue("never read in time")
    start = time.perf_counter()
    draft = write_draft(draft_request("en"), settings(timeout=0.5), model=model)
    elapsed = time.perf_counter() - start
    assert draft.engine == "offline" and draft.checks.passed
    assert elapsed < 0.5 + 1 + 0.8
    assert any("0.5 s" in notice for notice in draft.notices)
