"""Guards the scripted loopback endpoint itself (rebond.testing): what it sends is what the real openai client reads."""

from __future__ import annotations

import json
import time

import openai
import pytest

from rebond.testing import KEEP_ALIVE, Answer, ScriptedServer, tool_call_events


def _client(server: ScriptedServer, **options: object) -> openai.OpenAI:
    return openai.OpenAI(api_key="sk-test", base_url=server.base_url, **{"max_retries": 0, **options})


def test_answers_are_taken_in_order_and_the_last_repeats(openai_server: ScriptedServer) -> None:
    openai_server.script(Answer.completion("one"), Answer.completion("two"))
    client = _client(openai_server)
    said = [client.chat.completions.create(model="m", messages=[]).choices[0].message.content for _ in range(3)]
    assert said == ["one", "two", "two"]
    assert [r.path for r in openai_server.requests] == ["/v1/chat/completions"] * 3


def test_a_function_answers_from_the_request(openai_server: ScriptedServer) -> None:
    openai_server.script(lambda request: Answer.completion(f"{request.route}:{request.json['model']}"))
    client = openai.OpenAI(api_key="sk-test", base_url=openai_server.route_url("fast"), max_retries=0)
    assert client.chat.completions.create(model="m1", messages=[]).choices[0].message.content == "fast:m1"
    assert len(openai_server.on("fast")) == 1


def test_every_request_is_recorded_with_its_headers_and_retries(openai_server: ScriptedServer) -> None:
    openai_server.script(Answer.error(503, "busy", retry_after_ms="1"), Answer.completion("ok"))
    _client(openai_server, max_retries=1).chat.completions.create(model="m", messages=[{"role": "user", "content": "é"}])
    first, second = openai_server.requests
    assert first.headers["authorization"] == "Bearer sk-test" and first.json["messages"][0]["content"] == "é"
    assert second.headers["x-stainless-retry-count"] == "1"


def test_a_streamed_tool_call_is_read_whole(openai_server: ScriptedServer) -> None:
    args = {"kind": "constructive", "evidence": "« SQL avancé »"}
    openai_server.script(Answer.stream(tool_call_events(args, piece=5)))
    stream = _client(openai_server).chat.completions.create(model="m", messages=[], stream=True)
    pieces = [c.choices[0].delta.tool_calls[0].function.arguments or "" for c in stream if c.choices and c.choices[0].delta.tool_calls]
    assert json.loads("".join(pieces)) == args


def test_pauses_and_keep_alives_pace_the_stream(openai_server: ScriptedServer) -> None:
    openai_server.script(Answer.stream([KEEP_ALIVE, *Answer.sse("Bonjour", piece=3).parts], pace_s=0.05))
    started = time.monotonic()
    stream = _client(openai_server).chat.completions.create(model="m", messages=[], stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert text == "Bonjour" and time.monotonic() - started >= 0.3


@pytest.mark.parametrize("framing", ["chunked", "length"])
def test_a_cut_answer_is_a_dropped_connection_to_the_client(openai_server: ScriptedServer, framing: str) -> None:
    openai_server.script(Answer.stream(Answer.sse("Bonjour tout le monde", piece=2).parts, framing=framing).cut_after(4))
    stream = _client(openai_server).chat.completions.create(model="m", messages=[], stream=True)
    with pytest.raises(openai.APIConnectionError):
        list(stream)
    assert openai_server.requests[0].parts_written == 4


def test_a_hang_is_released_when_the_server_stops() -> None:
    server = ScriptedServer(Answer.hang(30)).start()
    client = openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0, timeout=0.2)
    with pytest.raises(openai.APITimeoutError):
        client.chat.completions.create(model="m", messages=[])
    started = time.monotonic()
    server.stop()
    assert server.requests[0].finished.wait(1) and time.monotonic() - started < 1
