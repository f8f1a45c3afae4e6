"""Guards the real ChatOpenAI/openai path with respx: SSE streaming, client retries, a clear fallback per failure."""

from __future__ import annotations

import json

import httpx
import pytest
import respx
from llm_fakes import API_KEY, REPLY_EN, analysis_request, draft_request, good_analysis, model_text, settings
from openai_shapes import USAGE, completion, error, ok, streamed

from rebond.drafting import stream_draft, write_draft
from rebond.reading import read_reply

OPENAI = "https://api.openai.com/v1/chat/completions"


@pytest.fixture
def api() -> respx.MockRouter:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        yield router


def _notices(result) -> str:
    return " ".join(result.notices)


def test_streamed_sse_draft(api: respx.MockRouter) -> None:
    request = draft_request("en")
    text = model_text(request)
    route = api.post(OPENAI).mock(return_value=streamed(text))
    stream = stream_draft(request, settings(privacy="off"))
    chunks = list(stream)
    assert len(chunks) > 10 and "".join(chunks) == text
    draft = stream.result
    assert draft.engine == "llm:gpt-4.1-mini" and draft.notices == []
    assert draft.usage is not None
    assert (draft.usage.input_tokens, draft.usage.output_tokens) == (USAGE["prompt_tokens"], USAGE["completion_tokens"])
    assert draft.usage.cost_usd == pytest.approx(712 * 0.4e-6 + 164 * 1.6e-6)
    sent = json.loads(route.calls[0].request.content)
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert sent["model"] == "gpt-4.1-mini" and [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert route.calls[0].request.headers["authorization"] == f"Bearer {API_KEY}"


def test_rate_limit_is_retried_by_the_client_then_succeeds(api: respx.MockRouter) -> None:
    request = draft_request("en")
    route = api.post(OPENAI).mock(side_effect=[error(429, "slow down"), ok(completion(model_text(request)))])
    draft = write_draft(request, settings(max_retries=2, privacy="off"))
    assert route.call_count == 2
    assert draft.engine == "llm:gpt-4.1-mini" and draft.notices == []


def test_server_error_falls_back_offline_with_a_notice(api: respx.MockRouter) -> None:
    route = api.post(OPENAI).mock(return_value=error(500, "internal"))
    draft = write_draft(draft_request("en"), settings(max_retries=2))
    assert route.call_count == 3  # the openai client's own two retries
    assert draft.engine == "offline"
    assert draft.notices[0] == "The offline engine wrote this draft because the endpoint had a server error (500)."


def test_timeout_falls_back_offline_with_the_delay(api: respx.MockRouter) -> None:
    api.post(OPENAI).mock(side_effect=httpx.ReadTimeout("read timed out"))
    draft = write_draft(draft_request("en"), settings(timeout=30))
    assert draft.engine == "offline"
    assert "the endpoint timed out after 30 s" in _notices(draft)


def test_rejected_key_says_so_and_never_shows_it(api: respx.MockRouter) -> None:
    route = api.post(OPENAI).mock(return_value=error(401, f"Incorrect API key provided: {API_KEY[:8]}****{API_KEY[-4:]}"))
    stream = stream_draft(draft_request("en"), settings(max_retries=2))
    text = "".join(stream)
    assert route.call_count == 1  # a 401 is not retried
    assert stream.result.engine == "offline"
    assert "the API key was rejected (401)" in _notices(stream.result)
    for shown in (text, stream.result.model_dump_json()):
        assert API_KEY not in shown and API_KEY[-4:] not in shown


def test_unknown_model_and_unreachable_endpoint_are_named(api: respx.MockRouter) -> None:
    api.post(OPENAI).mock(return_value=error(404, "model not found"))
    draft = write_draft(draft_request("en"), settings(model="gpt-9-ultra"))
    assert 'the model "gpt-9-ultra" was not found at the endpoint (404)' in _notices(draft)
    api.post(OPENAI).mock(side_effect=httpx.ConnectError("refused"))
    draft = write_draft(draft_request("en"), settings())
    assert "the endpoint https://api.openai.com/v1 could not be reached" in _notices(draft)


def test_custom_base_url_is_used_and_needs_no_key(api: respx.MockRouter) -> None:
    request = draft_request("en")
    local = api.post("http://localhost:11434/v1/chat/completions").mock(return_value=ok(completion(model_text(request))))
    draft = write_draft(request, settings(openai_api_key=None, openai_base_url="http://localhost:11434/v1", model="llama3.2"))
    assert local.call_count == 1
    assert draft.engine == "llm:llama3.2"
    assert draft.usage is not None and draft.usage.cost_usd is None  # unknown model: tokens only
    assert draft.usage.input_tokens == USAGE["prompt_tokens"]
    sent = local.calls[0].request
    assert sent.headers["authorization"] == "Bearer not-needed"
    assert "Camille Roy" in sent.content.decode()  # a local endpoint: privacy is off by default


def test_structured_analysis_over_http(api: respx.MockRouter) -> None:
    route = api.post(OPENAI).mock(return_value=ok(completion(tool_args=good_analysis(REPLY_EN))))
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    assert analysis.engine == "llm:gpt-4.1-mini" and len(analysis.categories) == 2
    sent = json.loads(route.calls[0].request.content)
    assert sent["tools"][0]["function"]["name"] == "ReplyAnalysis"
    assert sent["tool_choice"]["function"]["name"] == "ReplyAnalysis"


def test_malformed_json_is_retried_then_falls_back(api: respx.MockRouter) -> None:
    broken = completion()
    broken["choices"][0]["message"]["tool_calls"] = [
        {"id": "call_1", "type": "function", "function": {"name": "ReplyAnalysis", "arguments": '{"kind": "constr'}}
    ]
    broken["choices"][0]["finish_reason"] = "tool_calls"
    route = api.post(OPENAI).mock(return_value=ok(broken))
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    assert route.call_count == 2
    assert "could not be used" in json.loads(route.calls[1].request.content)["messages"][-1]["content"]
    assert analysis.engine == "offline"
    assert analysis.notices[0] == (
        "The offline analyser read this reply because the model's analysis did not match the expected format, twice."
    )


def test_malformed_json_then_valid_is_accepted(api: respx.MockRouter) -> None:
    route = api.post(OPENAI).mock(
        side_effect=[ok(completion(content="Sure! Here is the analysis: {oops")), ok(completion(tool_args=good_analysis(REPLY_EN)))]
    )
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    assert route.call_count == 2 and analysis.engine == "llm:gpt-4.1-mini"


def test_endpoint_without_tools_gets_json_mode(api: respx.MockRouter) -> None:
    route = api.post(OPENAI).mock(
        side_effect=[
            error(400, "tools are not supported by this model"),
            ok(completion(content=json.dumps(good_analysis(REPLY_EN)))),
        ]
    )
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    assert analysis.engine == "llm:gpt-4.1-mini"
    second = json.loads(route.calls[1].request.content)
    assert second["response_format"] == {"type": "json_object"} and "tools" not in second


def test_analysis_rejected_key(api: respx.MockRouter) -> None:
    api.post(OPENAI).mock(return_value=error(401, "bad key"))
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    assert analysis.engine == "offline"
    assert "the API key was rejected (401)" in analysis.notices[0]


def test_direct_openai_stream_matches_langchains(api: respx.MockRouter) -> None:
    """The ChatOpenAI fast path reads the same text and usage LangChain's own stream does."""
    from langchain_core.messages import HumanMessage

    from rebond.llm import build_chat_model, stream_text

    text = "Bonjour Julie,\n\nMerci « beaucoup » ! Voici ma question ?"
    route = api.post(OPENAI).mock(side_effect=lambda request: streamed(text))
    model = build_chat_model(settings())
    direct: list = []
    assert "".join(stream_text(model, [HumanMessage("hi")], direct)) == text
    via_langchain = list(model.stream([HumanMessage("hi")]))
    assert "".join(str(chunk.text) for chunk in via_langchain) == text
    merged = via_langchain[0]
    for chunk in via_langchain[1:]:
        merged += chunk
    assert direct[0].usage_metadata["input_tokens"] == merged.usage_metadata["input_tokens"] == USAGE["prompt_tokens"]
    assert direct[0].usage_metadata["output_tokens"] == merged.usage_metadata["output_tokens"]
    first, second = (json.loads(call.request.content) for call in route.calls)
    assert first == second  # the same request body either way


def test_environment_alone_drives_the_llm_engine(api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the CLI does: REBOND_ENGINE=llm and OPENAI_BASE_URL in the environment, no settings passed."""
    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("REBOND_MODEL", "qwen3")
    monkeypatch.setenv("REBOND_MAX_RETRIES", "0")
    request = draft_request("en")
    route = api.post("http://127.0.0.1:8080/v1/chat/completions").mock(
        side_effect=[ok(completion(model_text(request))), ok(completion(tool_args=good_analysis(REPLY_EN)))]
    )
    assert write_draft(request).engine == "llm:qwen3"
    assert read_reply(analysis_request(REPLY_EN)).engine == "llm:qwen3"
    assert route.call_count == 2


class _BreaksOff(httpx.SyncByteStream):
    """An SSE body that stops mid-answer the way a dropped connection does."""

    def __init__(self, head: bytes) -> None:
        self.head = head

    def __iter__(self):
        yield self.head
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def test_a_stream_that_breaks_off_is_explained_in_words(api: respx.MockRouter) -> None:
    request = draft_request("fr")
    body = streamed(model_text(request)).content
    api.post(OPENAI).mock(return_value=httpx.Response(200, stream=_BreaksOff(body[: len(body) // 2]),
                                                      headers={"content-type": "text/event-stream"}))
    stream = stream_draft(request, settings(privacy="off"))
    list(stream)
    notice = _notices(stream.result)
    assert stream.result.engine == "offline"
    assert "la connexion à https://api.openai.com/v1 s'est interrompue pendant la réponse" in notice
    assert "RemoteProtocolError" not in notice


def test_an_unreadable_stream_is_explained_in_words(api: respx.MockRouter) -> None:
    request = draft_request("en")
    api.post(OPENAI).mock(return_value=httpx.Response(200, content=b'data: {"choices": [oops\n\n',
                                                      headers={"content-type": "text/event-stream"}))
    stream = stream_draft(request, settings(privacy="off"))
    list(stream)
    assert stream.result.engine == "offline"
    assert "the endpoint's answer could not be read" in _notices(stream.result)
    assert "JSONDecodeError" not in _notices(stream.result)
