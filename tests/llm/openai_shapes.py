"""OpenAI Chat Completions responses as the real API shapes them: JSON bodies and SSE streams."""

from __future__ import annotations

import json
from typing import Any

import httpx

MODEL = "gpt-4.1-mini"
USAGE = {"prompt_tokens": 712, "completion_tokens": 164, "total_tokens": 876}


def completion(content: str | None = None, tool_args: dict[str, Any] | None = None, model: str = MODEL) -> dict[str, Any]:
    """A non-streamed chat completion: text, or one call of the ReplyAnalysis tool."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_args is not None:
        message["tool_calls"] = [
            {"id": "call_1", "type": "function",
             "function": {"name": "ReplyAnalysis", "arguments": json.dumps(tool_args, ensure_ascii=False)}}
        ]
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_args else "stop"}],
        "usage": USAGE,
    }


def sse(text: str, model: str = MODEL, piece: int = 12) -> bytes:
    """A streamed chat completion of ``text``, ``piece`` characters a chunk, usage last, then [DONE]."""
    def event(payload: dict[str, Any]) -> str:
        return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model}
    events = [event({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]})]
    for start in range(0, len(text), piece):
        delta = {"content": text[start : start + piece]}
        events.append(event({**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}))
    events.append(event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
    events.append(event({**base, "choices": [], "usage": USAGE}))
    events.append("data: [DONE]\n\n")
    return "".join(events).encode()


def ok(body: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json=body)


def streamed(text: str) -> httpx.Response:
    return httpx.Response(200, content=sse(text), headers={"content-type": "text/event-stream"})


def error(status: int, message: str = "error") -> httpx.Response:
    # retry-after-ms keeps the client's own retries instant in tests.
    return httpx.Response(
        status, json={"error": {"message": message, "type": "error", "code": None}}, headers={"retry-after-ms": "1"}
    )
