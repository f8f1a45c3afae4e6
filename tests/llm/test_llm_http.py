"""Guards the real ChatOpenAI/openai path over a real socket: SSE streaming, client retries, a clear fallback per failure."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
from llm_fakes import API_KEY, REPLY_EN, analysis_request, draft_request, good_analysis, model_text, settings
from openai_shapes import USAGE, completion, error, ok, streamed

from rebond.drafting import stream_draft, write_draft
from rebond.reading import read_reply
from rebond.settings import Settings
from rebond.testing import Answer, ScriptedServer


def _at(server: ScriptedServer, **overrides: Any) -> Settings:
    """Settings for the loopback endpoint; privacy on, as for the remote endpoint it stands for."""
    return settings(**{"openai_base_url": server.base_url, "privacy": "on", **overrides})


def _notices(result) -> str:
    return " ".join(result.notices)


def test_streamed_sse_draft(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    text = model_text(request)
    openai_server.script(streamed(text))
    stream = stream_draft(request, _at(openai_server, privacy="off"))
    chunks = list(stream)
    assert len(chunks) > 10 and "".join(chunks) == text
    draft = stream.result
    assert draft.engine == "llm:gpt-4.1-mini" and draft.notices == []
    assert draft.usage is not None
    assert (draft.usage.input_tokens, draft.usage.output_tokens) == (USAGE["prompt_tokens"], USAGE["completion_tokens"])
    assert draft.usage.cost_usd == pytest.approx(712 * 0.4e-6 + 164 * 1.6e-6)
    [sent] = openai_server.requests
    assert sent.method == "POST" and sent.path == "/v1/chat/completions"
    body = sent.json
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["model"] == "gpt-4.1-mini" and [m["role"] for m in body["messages"]] == ["system", "user"]
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"


def test_rate_limit_is_retried_by_the_client_then_succeeds(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    openai_server.script(error(429, "slow down"), ok(completion(model_text(request))))
    draft = write_draft(request, _at(openai_server, max_retries=2, privacy="off"))
    assert len(openai_server.requests) == 2
    assert draft.engine == "llm:gpt-4.1-mini" and draft.notices == []


def test_retry_after_is_honoured_between_attempts(openai_server: ScriptedServer) -> None:
    """A 429's Retry-After (seconds) sets the client's wait before its retry."""
    request = draft_request("en")
    openai_server.script(Answer.error(429, "slow down", retry_after="1"), ok(completion(model_text(request))))
    draft = write_draft(request, _at(openai_server, max_retries=1, privacy="off"))
    first, second = openai_server.requests
    assert draft.engine == "llm:gpt-4.1-mini"
    assert 0.9 <= second.received - first.received < 3
    assert second.headers.get("x-stainless-retry-count") == "1"


def test_server_error_falls_back_offline_with_a_notice(openai_server: ScriptedServer) -> None:
    openai_server.script(error(500, "internal"))
    draft = write_draft(draft_request("en"), _at(openai_server, max_retries=2))
    assert len(openai_server.requests) == 3  # the openai client's own two retries
    assert draft.engine == "offline"
    assert draft.notices[0] == "The offline engine wrote this draft because the endpoint had a server error (500)."


def test_timeout_falls_back_offline_with_the_delay(openai_server: ScriptedServer) -> None:
    openai_server.script(Answer.hang(10))
    draft = write_draft(draft_request("en"), _at(openai_server, timeout=0.5))
    assert draft.engine == "offline"
    assert "the endpoint timed out after 0.5 s" in _notices(draft)


def test_rejected_key_says_so_and_never_shows_it(openai_server: ScriptedServer) -> None:
    openai_server.script(error(401, f"Incorrect API key provided: {API_KEY[:8]}****{API_KEY[-4:]}"))
    stream = stream_draft(draft_request("en"), _at(openai_server, max_retries=2))
    text = "".join(stream)
    assert len(openai_server.requests) == 1  # a 401 is not retried
    assert stream.result.engine == "offline"
    assert "the API key was rejected (401)" in _notices(stream.result)
    for shown in (text, stream.result.model_dump_json()):
        assert API_KEY not in shown and API_KEY[-4:] not in shown


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unknown_model_and_unreachable_endpoint_are_named(openai_server: ScriptedServer) -> None:
    openai_server.script(error(404, "model not found"))
    draft = write_draft(draft_request("en"), _at(openai_server, model="gpt-9-ultra"))
    assert 'the model "gpt-9-ultra" was not found at the endpoint (404)' in _notices(draft)
    nobody = f"http://127.0.0.1:{_closed_port()}/v1"
    draft = write_draft(draft_request("en"), settings(openai_base_url=nobody))
    assert f"the endpoint {nobody} could not be reached" in _notices(draft)


def test_custom_base_url_is_used_and_needs_no_key(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    openai_server.script(ok(completion(model_text(request))))
    draft = write_draft(request, settings(openai_api_key=None, openai_base_url=openai_server.base_url, model="llama3.2"))
    [sent] = openai_server.requests
    assert draft.engine == "llm:llama3.2"
    assert draft.usage is not None and draft.usage.cost_usd is None  # unknown model: tokens only
    assert draft.usage.input_tokens == USAGE["prompt_tokens"]
    assert sent.headers["authorization"] == "Bearer not-needed"
    assert "Camille Roy" in sent.body.decode()  # a local endpoint: privacy is off by default


def test_structured_analysis_over_http(openai_server: ScriptedServer) -> None:
    openai_server.script(ok(completion(tool_args=good_analysis(REPLY_EN))))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server))
    assert analysis.engine == "llm:gpt-4.1-mini" and len(analysis.categories) == 2
    sent = openai_server.requests[0].json
    assert sent["tools"][0]["function"]["name"] == "ReplyAnalysis"
    assert sent["tool_choice"]["function"]["name"] == "ReplyAnalysis"


def test_malformed_json_is_retried_then_falls_back(openai_server: ScriptedServer) -> None:
    broken = completion()
    broken["choices"][0]["message"]["tool_calls"] = [
        {"id": "call_1", "type": "function", "function": {"name": "ReplyAnalysis", "arguments": '{"kind": "constr'}}
    ]
    broken["choices"][0]["finish_reason"] = "tool_calls"
    openai_server.script(ok(broken))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server))
    assert len(openai_server.requests) == 2
    assert "could not be used" in openai_server.requests[1].json["messages"][-1]["content"]
    assert analysis.engine == "offline"
    assert analysis.notices[0] == (
        "The offline analyser read this reply because the model's analysis did not match the expected format, twice."
    )


def test_malformed_json_then_valid_is_accepted(openai_server: ScriptedServer) -> None:
    openai_server.script(ok(completion(content="Sure! Here is the analysis: {oops")), ok(completion(tool_args=good_analysis(REPLY_EN))))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server))
    assert len(openai_server.requests) == 2 and analysis.engine == "llm:gpt-4.1-mini"


def test_endpoint_without_tools_gets_json_mode(openai_server: ScriptedServer) -> None:
    openai_server.script(error(400, "tools are not supported by this model"), ok(completion(content=json.dumps(good_analysis(REPLY_EN)))))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server))
    assert analysis.engine == "llm:gpt-4.1-mini"
    second = openai_server.requests[1].json
    assert second["response_format"] == {"type": "json_object"} and "tools" not in second


def test_analysis_rejected_key(openai_server: ScriptedServer) -> None:
    openai_server.script(error(401, "bad key"))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server))
    assert analysis.engine == "offline"
    assert "the API key was rejected (401)" in analysis.notices[0]


def test_direct_openai_stream_matches_langchains(openai_server: ScriptedServer) -> None:
    """The ChatOpenAI fast path reads the same text and usage LangChain's own stream does."""
    from langchain_core.messages import HumanMessage

    from rebond.llm import build_chat_model, stream_text

    text = "Bonjour Julie,\n\nMerci « beaucoup » ! Voici ma question ?"
    openai_server.script(streamed(text))
    model = build_chat_model(_at(openai_server))
    direct: list = []
    assert "".join(stream_text(model, [HumanMessage("hi")], direct)) == text
    via_langchain = list(model.stream([HumanMessage("hi")]))
    assert "".join(str(chunk.text) for chunk in via_langchain) == text
    merged = via_langchain[0]
    for chunk in via_langchain[1:]:
        merged += chunk
    assert direct[0].usage_metadata["input_tokens"] == merged.usage_metadata["input_tokens"] == USAGE["prompt_tokens"]
    assert direct[0].usage_metadata["output_tokens"] == merged.usage_metadata["output_tokens"]
    first, second = openai_server.bodies()
    assert first == second  # the same request body either way


def test_environment_alone_drives_the_llm_engine(openai_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the CLI does: REBOND_ENGINE=llm and OPENAI_BASE_URL in the environment, no settings passed."""
    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("REBOND_MODEL", "qwen3")
    monkeypatch.setenv("REBOND_MAX_RETRIES", "0")
    request = draft_request("en")
    openai_server.script(ok(completion(model_text(request))), ok(completion(tool_args=good_analysis(REPLY_EN))))
    assert write_draft(request).engine == "llm:qwen3"
    assert read_reply(analysis_request(REPLY_EN)).engine == "llm:qwen3"
    assert len(openai_server.requests) == 2


def test_a_stream_that_breaks_off_is_explained_in_words(openai_server: ScriptedServer) -> None:
    """The server hangs up mid-answer, without ending the chunked body: a dropped connection."""
    request = draft_request("fr")
    answer = streamed(model_text(request))
    openai_server.script(answer.cut_after(len(answer.parts) // 2))
    stream = stream_draft(request, _at(openai_server, privacy="off"))
    list(stream)
    notice = _notices(stream.result)
    assert stream.result.engine == "offline"
    assert f"la connexion à {openai_server.base_url} s'est interrompue pendant la réponse" in notice
    assert "RemoteProtocolError" not in notice and "APIConnectionError" not in notice


def test_a_json_answer_cut_short_is_explained_in_words(openai_server: ScriptedServer) -> None:
    """A non-streamed answer that announces its length, sends part of it and hangs up: reached, then cut."""
    request = draft_request("en")
    openai_server.script(ok(completion(model_text(request))).in_pieces(200).cut_after(2))
    draft = write_draft(request, _at(openai_server, privacy="off"))
    assert draft.engine == "offline"
    assert f"the connection to {openai_server.base_url} broke off during the answer" in _notices(draft)


def test_an_unreadable_stream_is_explained_in_words(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    openai_server.script(Answer.stream([b'data: {"choices": [oops\n\n']))
    stream = stream_draft(request, _at(openai_server, privacy="off"))
    list(stream)
    assert stream.result.engine == "offline"
    assert "the endpoint's answer could not be read" in _notices(stream.result)
    assert "JSONDecodeError" not in _notices(stream.result)
