"""A scripted OpenAI-compatible endpoint on 127.0.0.1, a free port, in a thread: real sockets, real HTTP/1.1.

Each request to it gets the next scripted ``Answer`` (the last one repeats), or
what a function of the request returns. An answer is a status, headers and a
body sent in parts, with pauses between them when asked: a JSON completion, an
SSE stream (paced or not, with keep-alive comments, an error event, cut
mid-answer), a status error with ``Retry-After``, or a hang. Every request is
recorded (path, headers, body) with what became of its answer (parts written,
whether the client hung up), so a test can assert on what was sent, how often
the client retried, and whether it let go of an abandoned answer.

    with ScriptedServer() as server:
        server.script(Answer.error(429, retry_after="0"), Answer.completion("Bonjour"))
        client = openai.OpenAI(base_url=server.base_url, api_key="sk-test")
        ...
        assert len(server.requests) == 2

The tests use it through the ``openai_server`` fixture (``tests/conftest.py``);
``benchmarks/fault_drill.py`` and ``benchmarks/bench_llm_overhead.py`` start their own.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

MODEL = "gpt-4.1-mini"
USAGE = {"prompt_tokens": 712, "completion_tokens": 164, "total_tokens": 876}
_CREATED = 1_700_000_000
KEEP_ALIVE = b": keep-alive\n\n"


# ---- what OpenAI's Chat Completions API sends ------------------------------------------


def completion(
    content: str | None = None,
    tool_args: Mapping[str, Any] | None = None,
    tool_name: str = "ReplyAnalysis",
    model: str = MODEL,
    usage: Mapping[str, int] | None = USAGE,
) -> dict[str, Any]:
    """A non-streamed chat completion: text, or one call of the tool ``tool_name`` with ``tool_args``."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_args is not None:
        arguments = json.dumps(tool_args, ensure_ascii=False)
        message["tool_calls"] = [{"id": "call_1", "type": "function", "function": {"name": tool_name, "arguments": arguments}}]
    body: dict[str, Any] = {
        "id": "chatcmpl-test", "object": "chat.completion", "created": _CREATED, "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_args is not None else "stop"}],
    }  # fmt: skip
    if usage is not None:
        body["usage"] = dict(usage)
    return body


def sse_event(payload: object) -> bytes:
    """One server-sent event carrying ``payload`` as JSON."""
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()


def sse_events(
    text: str,
    piece: int = 12,
    model: str = MODEL,
    usage: Mapping[str, int] | None = USAGE,
    done: bool = True,
) -> list[bytes]:
    """A streamed chat completion of ``text`` as OpenAI sends it, one event each.

    A first event with the role, ``text`` in ``piece`` characters an event, an
    event with the finish reason, the usage in an event with no choices (when
    ``stream_options.include_usage`` is asked for), then ``[DONE]``.
    """
    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": _CREATED, "model": model}
    events = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}]
    events += [
        {**base, "choices": [{"index": 0, "delta": {"content": text[i : i + piece]}, "finish_reason": None}]}
        for i in range(0, len(text), piece)
    ]
    events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    if usage is not None:
        events.append({**base, "choices": [], "usage": dict(usage)})
    return [sse_event(e) for e in events] + ([b"data: [DONE]\n\n"] if done else [])


def tool_call_events(tool_args: Mapping[str, Any], tool_name: str = "ReplyAnalysis", piece: int = 16,
                     model: str = MODEL, usage: Mapping[str, int] | None = USAGE) -> list[bytes]:
    """A streamed call of the tool ``tool_name``: its arguments' JSON in ``piece``-character deltas."""
    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": _CREATED, "model": model}
    arguments = json.dumps(tool_args, ensure_ascii=False)
    first = {"index": 0, "id": "call_1", "type": "function", "function": {"name": tool_name, "arguments": ""}}
    events = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": None, "tool_calls": [first]},
                                    "finish_reason": None}]}]
    events += [
        {**base, "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": arguments[i : i + piece]}}]},
                              "finish_reason": None}]}
        for i in range(0, len(arguments), piece)
    ]
    events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
    if usage is not None:
        events.append({**base, "choices": [], "usage": dict(usage)})
    return [sse_event(e) for e in events] + [b"data: [DONE]\n\n"]


def error_body(message: str = "error", type: str = "error", code: str | None = None) -> dict[str, Any]:  # noqa: A002
    """OpenAI's error object, as a status error's body or instead of an answer."""
    return {"error": {"message": message, "type": type, "code": code}}


# ---- one scripted answer ---------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What the server sends for one request.

    ``parts`` are written in order, each flushed on its own; a float among them
    is a pause of that many seconds. ``framing`` is ``length`` (a
    ``content-length``, by default the parts' total) or ``chunked``. With ``cut``
    the server hangs up after the parts without ending the body (a dropped
    connection mid-answer). With ``hang_s`` it sends nothing for that long (or
    until the server stops), then hangs up.
    """

    status: int = 200
    parts: tuple[bytes | float, ...] = ()
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    framing: Literal["length", "chunked"] = "length"
    length: int | None = None
    cut: bool = False
    hang_s: float = 0.0

    # -- JSON answers --

    @classmethod
    def json(cls, body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Answer:
        """``body`` as JSON, whole."""
        data = json.dumps(body, ensure_ascii=False).encode()
        return cls(status=status, parts=(data,), headers=tuple((headers or {}).items()))

    @classmethod
    def completion(cls, content: str | None = None, **fields: Any) -> Answer:
        """A chat completion: text, or a tool call with ``tool_args=`` (see ``completion``)."""
        return cls.json(completion(content, **fields))

    @classmethod
    def error(cls, status: int, message: str = "error", retry_after: str | None = None,
              retry_after_ms: str | None = None, headers: Mapping[str, str] | None = None, **fields: Any) -> Answer:
        """A status error with OpenAI's error object; ``retry_after`` (seconds) and ``retry_after_ms`` as headers."""
        extra = dict(headers or {})
        if retry_after is not None:
            extra["retry-after"] = retry_after
        if retry_after_ms is not None:
            extra["retry-after-ms"] = retry_after_ms
        return cls.json(error_body(message, **fields), status=status, headers=extra)

    # -- streams --

    @classmethod
    def stream(cls, events: Iterable[bytes | float], pace_s: float = 0.0, framing: Literal["length", "chunked"] = "chunked",
               cut: bool = False, headers: Mapping[str, str] | None = None) -> Answer:
        """An SSE body of ``events`` (bytes, or float pauses), ``pace_s`` apart."""
        parts: list[bytes | float] = []
        for event in events:
            if pace_s and parts and isinstance(event, bytes):
                parts.append(pace_s)
            parts.append(event)
        if pace_s and parts:
            parts.append(pace_s)  # after the last event too, as the endpoint takes its time to finish
        return cls(parts=tuple(parts), content_type="text/event-stream", framing=framing, cut=cut,
                   headers=tuple((headers or {}).items()))

    @classmethod
    def sse(cls, text: str, piece: int = 12, pace_s: float = 0.0, **options: Any) -> Answer:
        """``text`` streamed as a chat completion (``sse_events``), ``piece`` characters an event."""
        return cls.stream(sse_events(text, piece), pace_s=pace_s, **options)

    @classmethod
    def keep_alive(cls, count: int, every_s: float) -> Answer:
        """A stream of SSE comments only, ``every_s`` apart: the connection stays busy, no answer comes."""
        return cls.stream([KEEP_ALIVE] * count, pace_s=every_s)

    @classmethod
    def hang(cls, seconds: float) -> Answer:
        """No answer for ``seconds`` (released when the server stops), then the connection is closed."""
        return cls(hang_s=seconds)

    # -- variations --

    def cut_after(self, count: int) -> Answer:
        """The same answer, hung up on after its first ``count`` byte parts (a connection dropped mid-answer)."""
        kept: list[bytes | float] = []
        seen = 0
        for part in self.parts:
            if isinstance(part, bytes):
                if seen == count:
                    break
                seen += 1
            kept.append(part)
        return replace(self, parts=tuple(kept), cut=True,
                       length=self.length if self.length is not None or self.framing == "chunked" else len(self.body))

    def in_pieces(self, size: int) -> Answer:
        """The same body re-cut into ``size``-byte parts, as a proxy may forward it."""
        body = self.body
        return replace(self, parts=tuple(body[i : i + size] for i in range(0, len(body), size)))

    def with_headers(self, **headers: str) -> Answer:
        """The same answer with more headers (``retry_after_ms="1"`` sends ``retry-after-ms: 1``)."""
        return replace(self, headers=self.headers + tuple((k.replace("_", "-"), v) for k, v in headers.items()))

    @property
    def body(self) -> bytes:
        """The body's bytes, pauses left out."""
        return b"".join(p for p in self.parts if isinstance(p, bytes))


# ---- what the server saw ---------------------------------------------------------------


@dataclass
class Request:
    """One request as the server received it, and what became of its answer."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    received: float = field(default_factory=time.monotonic)
    parts_written: int = 0
    client_gone: bool = False  # the client hung up before the answer was all sent
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def route(self) -> str:
        """The path's first segment: ``/429/v1/chat/completions`` → ``429`` (one server, many endpoints)."""
        return self.path.split("/")[1] if self.path.count("/") > 1 else ""


Script = Answer | Callable[[Request], Answer]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real endpoint
    disable_nagle_algorithm = True  # headers and first part go out at once, not 40 ms apart
    owner: ScriptedServer  # set on the subclass made per server

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        answer = self.owner._next(request)
        try:
            self._send(answer, request)
        except (BrokenPipeError, ConnectionResetError):
            request.client_gone = True
            self.close_connection = True
        finally:
            request.finished.set()

    do_POST = do_GET = do_PUT = do_DELETE = _answer  # noqa: N815 - http.server's naming

    def _send(self, answer: Answer, request: Request) -> None:
        if answer.hang_s:
            self.owner._stopping.wait(answer.hang_s)
            return self._hang_up()
        self.send_response(answer.status)
        self.send_header("content-type", answer.content_type)
        if answer.framing == "chunked":
            self.send_header("transfer-encoding", "chunked")
        else:
            self.send_header("content-length", str(answer.length if answer.length is not None else len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        for part in answer.parts:
            if isinstance(part, float):
                if self.owner._stopping.wait(part):
                    return self._hang_up()
                continue
            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n" if answer.framing == "chunked" else part)
            request.parts_written += 1
        if answer.cut:
            return self._hang_up()
        if answer.framing == "chunked":
            self.wfile.write(b"0\r\n\r\n")

    def _hang_up(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up on a hung or cut answer is what the scripts are for


class ScriptedServer:
    """The endpoint on a free loopback port. Use it in a ``with`` block, or ``start()`` and ``stop()``.

    ``record=False`` keeps no requests (a benchmark's thousands); a script function still gets each one.
    """

    def __init__(self, *script: Script, record: bool = True) -> None:
        self.requests: list[Request] = []
        self._record = record
        self._script: list[Script] = list(script) or [Answer.completion("OK")]
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None

    # -- life --

    def start(self) -> ScriptedServer:
        handler = type("Handler", (_Handler,), {"owner": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="scripted-openai", daemon=True).start()
        return self

    def stop(self) -> None:
        """Releases hanging answers, stops serving and closes the port."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- where --

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``, without a path."""
        return self._root()

    @property
    def base_url(self) -> str:
        """What ``OPENAI_BASE_URL`` is set to: ``http://127.0.0.1:PORT/v1``."""
        return f"{self._root()}/v1"

    def route_url(self, route: str) -> str:
        """A base URL under its own first path segment (``Request.route``), for one server playing many endpoints."""
        return f"{self._root()}/{route}/v1"

    def _root(self) -> str:
        assert self._server is not None, "the server is not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- what to answer --

    def script(self, *answers: Script) -> ScriptedServer:
        """The answers to the next requests, in order; the last repeats. A function gets the request, returns its answer."""
        if not answers:
            raise ValueError("script at least one answer")
        with self._lock:
            self._script = list(answers)
        return self

    def _next(self, request: Request) -> Answer:
        with self._lock:
            if self._record:
                self.requests.append(request)
            step = self._script.pop(0) if len(self._script) > 1 else self._script[0]
        return step(request) if callable(step) else step

    # -- what was asked --

    def bodies(self) -> list[Any]:
        """Each request's JSON body, in order."""
        return [r.json for r in self.requests]

    def on(self, route: str) -> Sequence[Request]:
        """The requests sent under ``route_url(route)``."""
        return [r for r in list(self.requests) if r.route == route]

    def clear(self) -> None:
        """Forget the requests seen so far."""
        with self._lock:
            self.requests.clear()
