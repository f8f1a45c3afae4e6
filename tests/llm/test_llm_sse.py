"""Guards Rebond's own reading of streamed answers: the same events, text and usage the openai client reads, however the bytes are cut."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
import respx
from hypothesis import given, settings as hypothesis_settings, strategies as st
from llm_fakes import draft_request, model_text, settings
from openai._streaming import Stream
from openai.types.chat import ChatCompletionChunk
from openai_shapes import USAGE, error, sse, streamed

from rebond.drafting import stream_draft, write_draft
from rebond.llm import failure
from rebond.settings import Settings
from rebond.sse import StreamCut, EndpointError, UnreadableStream, chat_text, event_data, lines

OPENAI = "https://api.openai.com/v1/chat/completions"


def _lines(chunks: list[bytes]) -> list[str]:
    """The lines of a body arriving in these pieces, as ``stream_text`` reads them."""
    return list(lines(chunks))


def _cut(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(body), *(c % (len(body) + 1) for c in cuts)})
    return [body[a:b] for a, b in zip(points, points[1:])]


def _sdk_read(body: bytes) -> tuple[str, dict[str, int]]:
    """What the openai client's own stream yields for this body: the text and the usage."""
    client = openai.OpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1")
    stream = Stream(cast_to=ChatCompletionChunk, response=httpx.Response(200, content=body, request=httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")),
                    client=client)
    text, usage = [], {}
    for chunk in stream:
        if chunk.usage is not None:
            usage = {"input_tokens": chunk.usage.prompt_tokens, "output_tokens": chunk.usage.completion_tokens,
                     "total_tokens": chunk.usage.total_tokens}
        delta = chunk.choices[0].delta if chunk.choices else None  # None when a server leaves it out
        if delta is not None and delta.content:
            text.append(delta.content)
    return "".join(text), usage


# ---- events ----------------------------------------------------------------------

# Anything but CR and LF, including the separators str.splitlines would cut at (U+2028, U+0085, form feed).
_value = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=30)
_event = st.tuples(
    st.lists(_value, min_size=1, max_size=3),  # data lines
    st.booleans(),  # a comment line first
    st.sampled_from([None, "message", "ping"]),  # an event field
)


@given(events=st.lists(_event, max_size=6), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       cuts=st.lists(st.integers(min_value=0), max_size=12), unfinished=_value)
@hypothesis_settings(max_examples=300, deadline=None)
def test_events_are_assembled_as_the_standard_says(events, newline, cuts, unfinished) -> None:
    """Each event's data lines joined by newlines; comments and other fields dropped; a cut-off last event dropped."""
    body = ""
    for data, comment, name in events:
        lines = ([": keep-alive"] if comment else []) + ([f"event: {name}"] if name else [])
        # "data:x" and "data: x" both carry "x"; only one leading space is the separator's.
        lines += [f"data:{value}" if i % 2 and not value.startswith(" ") else f"data: {value}" for i, value in enumerate(data)]
        body += newline.join(lines) + newline + newline
    body += f"data: {unfinished}"  # no blank line after it: the stream stopped mid-event
    raw = body.encode()
    assert list(event_data(_lines(_cut(raw, cuts)))) == ["\n".join(data) for data, _, _ in events]


def test_only_cr_and_lf_end_lines() -> None:
    """A model's raw U+2028 or form feed inside the JSON is text, not a line break; a CR LF cut in two is one break."""
    assert _lines([b"data: a\xe2\x80\xa8b\x0cc\r", b"\n\r", b"\ndata: \xc3", b"\xa9\n"]) == ["data: a\u2028b\x0cc", "", "data: é"]
    assert _lines([b"a\r", b"", b"\nb"]) == ["a"]  # "b" never ended: it cannot end an event


def test_a_leading_byte_order_mark_is_dropped_even_when_cut() -> None:
    body = b"\xef\xbb\xbf" + _chunk(choices=[{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}]).encode()
    assert list(chat_text(_lines([body[:1], body[1:2], body[2:]]), {})) == ["Hi"]


def test_a_long_line_in_many_pieces_is_one_line() -> None:
    """Pieces are joined once per line (the old reader re-split everything pending: quadratic on long lines)."""
    line = b"data: " + b"x" * 100_000 + b"\n"
    assert _lines([line[i : i + 97] for i in range(0, len(line), 97)]) == [line[:-1].decode()]


def test_a_bare_data_field_is_an_empty_line_of_data() -> None:
    assert list(event_data(["data", "data: x", "", "data", ""])) == ["\nx", ""]


def test_events_without_data_are_skipped_and_only_one_space_is_the_separators() -> None:
    assert list(event_data(["id: 1", "", "event: ping", "", "retry: 5", "", "", "data:  x", ""])) == [" x"]


def test_an_error_line_as_llama_cpp_sends_it_fails_the_stream() -> None:
    read = event_data(["data: {}", "", 'error: {"code": 500, "message": "context exceeded"}', ""])
    assert next(read) == "{}"
    with pytest.raises(EndpointError, match="context exceeded"):
        next(read)
    with pytest.raises(EndpointError, match="gone"):
        list(event_data(["error: gone"]))


# ---- chat chunks -----------------------------------------------------------------

@given(text=st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200),
       piece=st.integers(min_value=1, max_value=9), cuts=st.lists(st.integers(min_value=0), max_size=20))
@hypothesis_settings(max_examples=150, deadline=None)
def test_text_and_usage_are_what_the_openai_client_reads(text, piece, cuts) -> None:
    """Any text (emoji, accents, line breaks, quotes), in any chunk size, cut anywhere in its bytes."""
    body = sse(text, piece=piece)
    usage: dict[str, int] = {}
    ours = "".join(chat_text(_lines(_cut(body, cuts)), usage))
    assert (ours, usage) == _sdk_read(body)
    assert ours == text and usage["input_tokens"] == USAGE["prompt_tokens"]


def _chunk(**fields) -> str:
    return "data: " + json.dumps({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", **fields}) + "\n\n"


def test_usage_with_null_or_missing_counts() -> None:
    usage: dict[str, int] = {}
    body = ['data: {"choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": null}}', "", "data: [DONE]", ""]
    list(chat_text(body, usage))
    assert usage == {"input_tokens": 5, "output_tokens": 0, "total_tokens": 5}


def test_an_answer_that_stops_without_its_end_is_cut() -> None:
    """No [DONE] and no finish reason: the connection closed cleanly mid-answer, which the openai client lets pass."""
    body = _chunk(choices=[{"index": 0, "delta": {"content": "Bonjour Mme"}}])
    with pytest.raises(StreamCut):
        list(chat_text(_lines([body.encode()]), {}))
    ended = body + _chunk(choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}])  # no [DONE]: still whole
    assert list(chat_text(_lines([ended.encode()]), {})) == ["Bonjour Mme"]


def test_odd_but_valid_chunks_carry_no_text() -> None:
    """Null content, a missing delta, no choices, a tool-call delta, usage null: what servers really send."""
    body = "".join([
        _chunk(choices=[{"index": 0, "delta": {"content": None}}], usage=None),
        _chunk(choices=[{"index": 0}]),
        _chunk(choices=[]),
        _chunk(choices=[{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{}"}}]}}]),
        _chunk(choices=[{"index": 0, "delta": {"content": "Bonjour"}}]),
        "data: [DONE]\n\n",
        _chunk(choices=[{"index": 0, "delta": {"content": "after the end"}}]),
    ]).encode()
    usage: dict[str, int] = {}
    assert list(chat_text(_lines([body]), usage)) == ["Bonjour"] and usage == {}
    assert _sdk_read(body) == ("Bonjour", {})


def test_an_error_event_stops_the_answer_with_the_endpoints_message() -> None:
    body = (_chunk(choices=[{"index": 0, "delta": {"content": "Bon"}}])
            + 'data: {"error": {"message": "model overloaded", "type": "server_error"}}\n\n').encode()
    read = chat_text(_lines([body]), {})
    assert next(read) == "Bon"
    with pytest.raises(EndpointError, match="model overloaded"):
        next(read)
    with pytest.raises(openai.APIError, match="model overloaded"):  # the openai client stops there too
        _sdk_read(body)


def test_an_event_that_is_not_a_chunk_is_unreadable() -> None:
    with pytest.raises(UnreadableStream):
        list(chat_text(["data: [1, 2]", ""], {}))
    with pytest.raises(json.JSONDecodeError):
        list(chat_text(["data: {oops", ""], {}))


@pytest.mark.parametrize(("exc", "reason"), [
    (EndpointError({"message": "overloaded"}), "endpoint_error"),
    (UnreadableStream("list"), "unreadable"),
    (RecursionError(), "unreadable"),
    (httpx.DecodingError("bad gzip"), "unreadable"),
    (StreamCut("cut"), "interrupted"),
])
def test_stream_failures_have_their_own_words(exc: Exception, reason: str) -> None:
    assert failure(exc, Settings(_env_file=None))[0] == reason


# ---- end to end ------------------------------------------------------------------

@pytest.fixture
def api() -> respx.MockRouter:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        yield router


def test_a_stream_in_one_byte_pieces_with_crlf_lines_gives_the_same_draft(api: respx.MockRouter) -> None:
    """A proxy may re-chunk the body and end lines with CRLF; accents and guillemets must survive the cuts."""
    request = draft_request("fr")
    text = model_text(request)
    body = streamed(text).content.replace(b"\n", b"\r\n")
    api.post(OPENAI).mock(return_value=httpx.Response(200, content=iter([body[i : i + 1] for i in range(len(body))]),
                                                      headers={"content-type": "text/event-stream"}))
    stream = stream_draft(request, settings(privacy="off"))
    assert "".join(stream) == text
    assert stream.result.engine == "llm:gpt-4.1-mini" and stream.result.usage.output_tokens == USAGE["completion_tokens"]


def test_an_error_event_mid_answer_falls_back_offline_in_words(api: respx.MockRouter) -> None:
    request = draft_request("en")
    head = sse(model_text(request))[:1500].rsplit(b"\n\n", 1)[0] + b"\n\n"
    tail = b'data: {"error": {"message": "sk-secret overloaded", "type": "server_error"}}\n\n'
    api.post(OPENAI).mock(return_value=httpx.Response(200, content=head + tail, headers={"content-type": "text/event-stream"}))
    stream = stream_draft(request, settings(privacy="off"))
    list(stream)
    notices = " ".join(stream.result.notices)
    assert stream.result.engine == "offline" and stream.replaced
    assert "the endpoint answered with an error" in notices
    assert "sk-secret" not in notices and "EndpointError" not in notices


@pytest.mark.parametrize(("status", "calls", "notice"), [
    (401, 1, "the API key was rejected (401)"),
    (500, 3, "the endpoint had a server error (500)"),  # the client's own two retries first
])
def test_status_errors_before_a_stream_keep_the_clients_retries_and_words(
    api: respx.MockRouter, status: int, calls: int, notice: str
) -> None:
    route = api.post(OPENAI).mock(return_value=error(status, "sk-secret"))
    stream = stream_draft(draft_request("en"), settings(max_retries=2, privacy="off"))
    list(stream)
    assert route.call_count == calls and stream.result.engine == "offline"
    assert notice in " ".join(stream.result.notices) and "sk-secret" not in " ".join(stream.result.notices)


def test_a_rate_limited_stream_is_retried_then_read(api: respx.MockRouter) -> None:
    request = draft_request("en")
    route = api.post(OPENAI).mock(side_effect=[error(429, "slow down"), streamed(model_text(request))])
    stream = stream_draft(request, settings(max_retries=2, privacy="off"))
    assert "".join(stream) == model_text(request)
    assert route.call_count == 2 and stream.result.engine == "llm:gpt-4.1-mini" and stream.result.notices == []


@pytest.mark.parametrize("streaming", [True, False])
def test_an_error_object_in_a_200_answer_is_the_endpoints_error(api: respx.MockRouter, streaming: bool) -> None:
    """Some proxies answer 200 with {"error": ...}, as JSON even when a stream was asked for."""
    api.post(OPENAI).mock(return_value=httpx.Response(200, json={"error": {"message": "sk-secret quota", "type": "x"}}))
    request = draft_request("en")
    if streaming:
        stream = stream_draft(request, settings(privacy="off"))
        list(stream)
        draft = stream.result
    else:
        draft = write_draft(request, settings(privacy="off"))
    notices = " ".join(draft.notices)
    assert draft.engine == "offline" and "the endpoint answered with an error" in notices and "sk-secret" not in notices


def test_a_json_answer_to_a_stream_request_without_an_error_is_unreadable(api: respx.MockRouter) -> None:
    api.post(OPENAI).mock(return_value=httpx.Response(200, json={"choices": []}))
    stream = stream_draft(draft_request("en"), settings(privacy="off"))
    list(stream)
    assert "the endpoint's answer could not be read" in " ".join(stream.result.notices)


def test_an_error_object_in_a_200_analysis_answer_is_the_endpoints_error(api: respx.MockRouter) -> None:
    """The analysis goes through LangChain, which raises ValueError(error object) for such an answer."""
    from llm_fakes import REPLY_EN, analysis_request

    from rebond.reading import read_reply

    api.post(OPENAI).mock(return_value=httpx.Response(200, json={"error": {"message": "sk-secret quota", "type": "x"}}))
    analysis = read_reply(analysis_request(REPLY_EN), settings())
    notices = " ".join(analysis.notices)
    assert analysis.engine == "offline" and "the endpoint answered with an error" in notices and "sk-secret" not in notices


class _KeepAlivesOnly(httpx.SyncByteStream):
    """An endpoint that keeps the connection busy with SSE comments and never answers."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self):
        import time

        while self.sent < 400:  # bounded, so a broken guard fails the test instead of hanging it
            self.sent += 1
            time.sleep(0.01)
            yield b": keep-alive\n\n"


def test_a_stream_of_keep_alives_only_times_out_and_frees_the_call(api: respx.MockRouter) -> None:
    """The client's read timeout never fires (bytes keep coming); the stall guard does, at the timeout."""
    import time

    body = _KeepAlivesOnly()
    api.post(OPENAI).mock(return_value=httpx.Response(200, stream=body, headers={"content-type": "text/event-stream"}))
    request = draft_request("en")
    started = time.monotonic()
    stream = stream_draft(request, settings(privacy="off", timeout=0.3))
    list(stream)
    assert stream.result.engine == "offline"
    assert "the endpoint timed out after 0.3 s" in " ".join(stream.result.notices)
    assert time.monotonic() - started < 3
    read = body.sent
    time.sleep(0.3)
    assert body.sent <= read + 1  # nobody reads the abandoned answer any more: the call let go of it


def test_a_reasoning_models_thoughts_count_as_progress() -> None:
    """Events without content (reasoning deltas) keep a slow but live answer going."""
    import time

    def slow_lines():
        for _ in range(5):
            time.sleep(0.05)
            yield 'data: {"choices": [{"index": 0, "delta": {"reasoning_content": "hmm"}}]}'
            yield ""
        yield 'data: {"choices": [{"index": 0, "delta": {"content": "Bonjour"}, "finish_reason": "stop"}]}'
        yield ""

    assert list(chat_text(slow_lines(), {}, stall_s=0.12)) == ["Bonjour"]


def test_a_body_with_no_event_at_all_is_unreadable_not_cut() -> None:
    with pytest.raises(UnreadableStream):
        list(chat_text(["hello, this is not a stream", ""], {}))


def test_the_text_is_announced_complete_at_the_finish_reason_before_the_usage() -> None:
    body = (_chunk(choices=[{"index": 0, "delta": {"content": "Bonjour"}}])
            + _chunk(choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}])
            + _chunk(choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}])  # a repeat announces nothing
            + _chunk(choices=[], usage={"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4})
            + "data: [DONE]\n\n")
    usage: dict[str, int] = {}
    seen_then: list[dict[str, int]] = []
    assert list(chat_text(_lines([body.encode()]), usage, on_finish=lambda: seen_then.append(dict(usage)))) == ["Bonjour"]
    assert seen_then == [{}] and usage["total_tokens"] == 4


def test_a_streamed_draft_is_checked_once_as_soon_as_its_text_is_complete(api: respx.MockRouter, monkeypatch) -> None:
    """The checks run while the usage and [DONE] are still coming, and are not run again at the end."""
    from rebond.drafting import DraftStream

    request = draft_request("en")
    calls: list[str] = []
    checked_before_usage: list[bool] = []

    class EventByEvent(httpx.SyncByteStream):
        def __iter__(self):
            for event in sse(model_text(request)).split(b"\n\n")[:-1]:
                if b'"usage": {' in event:  # the usage comes after the finish reason
                    checked_before_usage.append(bool(calls))
                yield event + b"\n\n"

    api.post(OPENAI).mock(return_value=httpx.Response(200, stream=EventByEvent(), headers={"content-type": "text/event-stream"}))
    real = DraftStream._assemble

    def counting(self, raw, mask, name):
        calls.append(raw)
        return real(self, raw, mask, name)

    monkeypatch.setattr(DraftStream, "_assemble", counting)
    stream = stream_draft(request, settings(privacy="off"))
    assert "".join(stream) == model_text(request)
    assert calls == [model_text(request)] and checked_before_usage == [True]
    assert stream.result.engine == "llm:gpt-4.1-mini" and stream.result.usage.output_tokens == USAGE["completion_tokens"]
