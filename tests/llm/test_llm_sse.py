"""Guards Rebond's own reading of streamed answers: the same events, text and usage the openai client reads, however the bytes are cut."""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st
from llm_fakes import draft_request, model_text, settings
from openai_shapes import USAGE, error, sse, streamed

from rebond.drafting import stream_draft, write_draft
from rebond.llm import failure
from rebond.settings import Settings
from rebond.sse import StreamCut, EndpointError, UnreadableStream, chat_text, event_data, lines
from rebond.testing import KEEP_ALIVE, Answer, ScriptedServer

# The HTTP libraries an openai client may raise from: httpx (openai 2), httpx2 (openai 3).
HTTP_LIBRARIES = [name for name in ("httpx", "httpx2") if importlib.util.find_spec(name)]


def _lines(chunks: list[bytes]) -> list[str]:
    """The lines of a body arriving in these pieces, as ``stream_text`` reads them."""
    return list(lines(chunks))


def _cut(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(body), *(c % (len(body) + 1) for c in cuts)})
    return [body[a:b] for a, b in zip(points, points[1:])]


SdkRead = Callable[[bytes], tuple[str, dict[str, int]]]


@pytest.fixture(scope="module")
def sdk_read() -> Iterator[SdkRead]:
    """What the openai client's own stream yields for a body, sent over loopback: the text and the usage."""
    with ScriptedServer() as server:
        client = openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0)

        def read(body: bytes) -> tuple[str, dict[str, int]]:
            server.script(Answer.stream([body]))
            stream = client.chat.completions.create(model="m", messages=[], stream=True)
            return _read_chunks(stream)

        yield read


def _read_chunks(stream: Any) -> tuple[str, dict[str, int]]:
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
def test_text_and_usage_are_what_the_openai_client_reads(sdk_read: SdkRead, text, piece, cuts) -> None:
    """Any text (emoji, accents, line breaks, quotes), in any chunk size, cut anywhere in its bytes."""
    body = sse(text, piece=piece)
    usage: dict[str, int] = {}
    ours = "".join(chat_text(_lines(_cut(body, cuts)), usage))
    assert (ours, usage) == sdk_read(body)
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


def test_odd_but_valid_chunks_carry_no_text(sdk_read: SdkRead) -> None:
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
    assert sdk_read(body) == ("Bonjour", {})


def test_an_error_event_stops_the_answer_with_the_endpoints_message(sdk_read: SdkRead) -> None:
    body = (_chunk(choices=[{"index": 0, "delta": {"content": "Bon"}}])
            + 'data: {"error": {"message": "model overloaded", "type": "server_error"}}\n\n').encode()
    read = chat_text(_lines([body]), {})
    assert next(read) == "Bon"
    with pytest.raises(EndpointError, match="model overloaded"):
        next(read)
    with pytest.raises(openai.APIError, match="model overloaded"):  # the openai client stops there too
        sdk_read(body)


def test_an_event_that_is_not_a_chunk_is_unreadable() -> None:
    with pytest.raises(UnreadableStream):
        list(chat_text(["data: [1, 2]", ""], {}))
    with pytest.raises(json.JSONDecodeError):
        list(chat_text(["data: {oops", ""], {}))


@pytest.mark.parametrize(("exc", "reason"), [
    (EndpointError({"message": "overloaded"}), "endpoint_error"),
    (UnreadableStream("list"), "unreadable"),
    (RecursionError(), "unreadable"),
    (StreamCut("cut"), "interrupted"),
])
def test_stream_failures_have_their_own_words(exc: Exception, reason: str) -> None:
    assert failure(exc, Settings(_env_file=None))[0] == reason


@pytest.mark.parametrize("library", HTTP_LIBRARIES)
@pytest.mark.parametrize(("name", "reason"), [
    ("DecodingError", "unreadable"),  # a body that fails to decompress
    ("RemoteProtocolError", "interrupted"),  # the peer hung up mid-body
    ("ReadError", "interrupted"),
    ("ReadTimeout", "timeout"),
])
def test_errors_of_the_http_library_under_the_client_have_their_own_words(library: str, name: str, reason: str) -> None:
    """Read straight from the response, a stream raises its HTTP library's errors: httpx's under openai 2, httpx2's under 3."""
    exc = getattr(__import__(library), name)("boom")
    assert failure(exc, Settings(_env_file=None))[0] == reason


# ---- end to end, over a real socket -----------------------------------------------


def _at(server: ScriptedServer, **overrides: Any) -> Settings:
    return settings(**{"openai_base_url": server.base_url, "privacy": "off", **overrides})


def test_a_stream_in_one_byte_pieces_with_crlf_lines_gives_the_same_draft(openai_server: ScriptedServer) -> None:
    """A proxy may re-chunk the body and end lines with CRLF; accents and guillemets must survive the cuts."""
    request = draft_request("fr")
    text = model_text(request)
    body = sse(text).replace(b"\n", b"\r\n")
    openai_server.script(Answer.stream([body]).in_pieces(1))
    stream = stream_draft(request, _at(openai_server))
    assert "".join(stream) == text
    assert stream.result.engine == "llm:gpt-4.1-mini" and stream.result.usage.output_tokens == USAGE["completion_tokens"]


def test_an_error_event_mid_answer_falls_back_offline_in_words(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    head = sse(model_text(request))[:1500].rsplit(b"\n\n", 1)[0] + b"\n\n"
    tail = b'data: {"error": {"message": "sk-secret overloaded", "type": "server_error"}}\n\n'
    openai_server.script(Answer.stream([head, tail]))
    stream = stream_draft(request, _at(openai_server))
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
    openai_server: ScriptedServer, status: int, calls: int, notice: str
) -> None:
    openai_server.script(error(status, "sk-secret"))
    stream = stream_draft(draft_request("en"), _at(openai_server, max_retries=2))
    list(stream)
    assert len(openai_server.requests) == calls and stream.result.engine == "offline"
    assert notice in " ".join(stream.result.notices) and "sk-secret" not in " ".join(stream.result.notices)


def test_a_rate_limited_stream_is_retried_then_read(openai_server: ScriptedServer) -> None:
    request = draft_request("en")
    openai_server.script(error(429, "slow down"), streamed(model_text(request)))
    stream = stream_draft(request, _at(openai_server, max_retries=2))
    assert "".join(stream) == model_text(request)
    assert len(openai_server.requests) == 2 and stream.result.engine == "llm:gpt-4.1-mini" and stream.result.notices == []


@pytest.mark.parametrize("streaming", [True, False])
def test_an_error_object_in_a_200_answer_is_the_endpoints_error(openai_server: ScriptedServer, streaming: bool) -> None:
    """Some proxies answer 200 with {"error": ...}, as JSON even when a stream was asked for."""
    openai_server.script(Answer.json({"error": {"message": "sk-secret quota", "type": "x"}}))
    request = draft_request("en")
    if streaming:
        stream = stream_draft(request, _at(openai_server))
        list(stream)
        draft = stream.result
    else:
        draft = write_draft(request, _at(openai_server))
    notices = " ".join(draft.notices)
    assert draft.engine == "offline" and "the endpoint answered with an error" in notices and "sk-secret" not in notices


def test_a_json_answer_to_a_stream_request_without_an_error_is_unreadable(openai_server: ScriptedServer) -> None:
    openai_server.script(Answer.json({"choices": []}))
    stream = stream_draft(draft_request("en"), _at(openai_server))
    list(stream)
    assert "the endpoint's answer could not be read" in " ".join(stream.result.notices)


def test_an_error_object_in_a_200_analysis_answer_is_the_endpoints_error(openai_server: ScriptedServer) -> None:
    """The analysis goes through LangChain, which raises ValueError(error object) for such an answer."""
    from llm_fakes import REPLY_EN, analysis_request

    from rebond.reading import read_reply

    openai_server.script(Answer.json({"error": {"message": "sk-secret quota", "type": "x"}}))
    analysis = read_reply(analysis_request(REPLY_EN), _at(openai_server, privacy="on"))
    notices = " ".join(analysis.notices)
    assert analysis.engine == "offline" and "the endpoint answered with an error" in notices and "sk-secret" not in notices


def test_a_stream_of_keep_alives_only_times_out_and_hangs_up(openai_server: ScriptedServer) -> None:
    """The client's read timeout never fires (bytes keep coming); the stall guard does, at the timeout, and the
    connection is closed: the server's next writes find nobody."""
    openai_server.script(Answer.keep_alive(400, every_s=0.01))  # bounded: a broken guard fails instead of hanging
    started = time.monotonic()
    stream = stream_draft(draft_request("en"), _at(openai_server, timeout=0.3))
    list(stream)
    assert stream.result.engine == "offline"
    assert "the endpoint timed out after 0.3 s" in " ".join(stream.result.notices)
    assert time.monotonic() - started < 3
    [sent] = openai_server.requests
    assert sent.finished.wait(2), "the server still writes to the abandoned connection"
    assert sent.client_gone and sent.parts_written < 200


def test_a_stream_that_pauses_less_than_the_timeout_between_events_is_read(openai_server: ScriptedServer) -> None:
    """Keep-alive comments between slow events, each gap under the timeout: a slow but live answer, read whole."""
    request = draft_request("en")
    text = model_text(request)
    events = [KEEP_ALIVE, 0.15, *Answer.sse(text, piece=200).parts[:2], 0.15, KEEP_ALIVE, *Answer.sse(text, piece=200).parts[2:]]
    openai_server.script(Answer.stream(events))
    stream = stream_draft(request, _at(openai_server, timeout=1))
    assert "".join(stream) == text and stream.result.engine == "llm:gpt-4.1-mini"


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


def test_a_streamed_draft_is_checked_once_as_soon_as_its_text_is_complete(openai_server: ScriptedServer, monkeypatch) -> None:
    """The checks run while the usage and [DONE] are still coming, and are not run again at the end."""
    from rebond.drafting import DraftStream

    request = draft_request("en")
    calls: list[tuple[str, float]] = []
    events = sse(model_text(request)).split(b"\n\n")[:-1]
    usage_at = next(i for i, event in enumerate(events) if b'"usage": {' in event)  # after the finish reason
    parts = [event + b"\n\n" for event in events]
    openai_server.script(Answer.stream([*parts[:usage_at], 0.3, *parts[usage_at:]]))  # the usage comes late
    real = DraftStream._assemble

    def counting(self, raw, mask, name):
        calls.append((raw, time.monotonic()))
        return real(self, raw, mask, name)

    monkeypatch.setattr(DraftStream, "_assemble", counting)
    stream = stream_draft(request, _at(openai_server))
    assert "".join(stream) == model_text(request)
    ended = time.monotonic()
    assert [raw for raw, _ in calls] == [model_text(request)]
    assert ended - calls[0][1] >= 0.2, "checked only once the usage was in"
    assert stream.result.engine == "llm:gpt-4.1-mini" and stream.result.usage.output_tokens == USAGE["completion_tokens"]
