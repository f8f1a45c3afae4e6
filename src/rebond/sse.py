"""Reading an OpenAI-style streamed answer (server-sent events) into its text and token usage.

The openai client turns every streamed chunk into a pydantic object, about a
quarter of a millisecond each; the draft only needs each chunk's text and the
final usage, so the stream's lines are read here with ``json`` alone.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class UnreadableStream(ValueError):
    """A streamed event was valid JSON but not a chunk object."""


class EndpointError(RuntimeError):
    """The endpoint answered with an error object: in the middle of a stream, or instead of the answer."""

    def __init__(self, error: object) -> None:
        message = error.get("message") if isinstance(error, dict) else None
        super().__init__(message if isinstance(message, str) and message else "an error occurred during streaming")
        self.error = error


class StreamCut(ConnectionError):
    """The answer ended without saying it was finished (no ``[DONE]``, no finish reason): it was cut."""


class StreamStalled(TimeoutError):
    """No event for longer than the timeout, though the connection stayed busy (keep-alive comments)."""


def lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The complete lines of a body arriving in pieces, split where the SSE standard splits them: CR LF, LF or CR.

    Not the response's ``iter_lines`` (httpx's or httpx2's): it splits like ``str.splitlines``, also at
    U+2028, U+0085 and other separators a model's text may hold raw inside the
    JSON. Each piece is split once (a long line arriving in many pieces costs
    linear time); a CR at the end of a piece may be the first half of a CR LF; a
    leading byte-order mark is dropped; an unfinished last line can never end an
    event, so it is dropped too.
    """
    pending = bytearray()
    after_cr = False
    first = True
    for chunk in chunks:
        if not chunk:
            continue
        if after_cr:
            after_cr = False
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
                if not chunk:
                    continue
        parts = chunk.splitlines(keepends=True)  # bytes split at CR, LF and CR LF only
        ends_line = parts[-1].endswith((b"\n", b"\r"))
        for part in parts if ends_line else parts[:-1]:
            if pending:
                pending += part
                part, pending = bytes(pending), bytearray()
            line = part.rstrip(b"\r\n").decode("utf-8")
            if first:
                first = False
                line = line.removeprefix("\ufeff")
            yield line
        if ends_line:
            after_cr = parts[-1].endswith(b"\r")
        else:
            pending += parts[-1]


def event_data(lines: Iterable[str]) -> Iterator[str]:
    """The data of each complete event, as the SSE standard assembles it: its ``data`` lines joined by newlines.

    Comments and the ``event``, ``id`` and ``retry`` fields carry nothing a chat
    completion needs; an event the stream stops in the middle of is dropped, as
    the standard (and the openai client) does. llama.cpp's server reports a
    failure on an ``error`` line instead of in an event's data: that raises
    ``EndpointError``.
    """
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield "\n".join(data)
                data = []
        elif line.startswith("data:"):
            data.append(line[6:] if line.startswith("data: ") else line[5:])
        elif line == "data":
            data.append("")
        elif line.startswith("error:"):
            raise EndpointError(_json_or_text(line[6:].strip()))


def refusal(body: bytes) -> Exception:
    """What to raise for a JSON body where a stream was expected: the endpoint's error, else an unreadable answer."""
    try:
        answer = json.loads(body)
    except ValueError:
        return UnreadableStream("a JSON answer where a stream was expected, and not even JSON")
    if isinstance(answer, dict) and answer.get("error"):
        return EndpointError(answer["error"])
    return UnreadableStream("a JSON answer where a stream was expected")


def _json_or_text(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        return {"message": value}


def chat_text(
    lines: Iterable[str], usage: dict[str, int], stall_s: float | None = None, on_finish: Callable[[], None] | None = None
) -> Iterator[str]:
    """Yields the text of each chunk of a streamed chat completion; fills ``usage`` from the chunk that carries it.

    Reads what the openai client reads: it stops at ``[DONE]``, raises
    ``json.JSONDecodeError`` on an event that is not JSON and ``EndpointError`` on
    an error event; only the first choice is read (drafts ask for one). Unlike
    the client, an answer that stops with neither ``[DONE]`` nor a finish reason
    raises ``StreamCut`` (``UnreadableStream`` when it held no event at all): a
    half draft must not pass for a whole one. With ``stall_s``, a stream that
    sends no event for that long (only keep-alive comments, which reset the
    client's read timeout) raises ``StreamStalled``. ``on_finish`` is called once
    the text is complete (the first finish reason), while the usage and
    ``[DONE]`` may still be on their way: work on the text can start then.
    """
    progress = [time.monotonic()]
    if stall_s is not None:
        lines = _stalling_after(lines, stall_s, progress)
    finished = seen = False
    for data in event_data(lines):
        progress[0] = time.monotonic()  # any event counts, a reasoning model's thoughts included
        seen = True
        if data.startswith("[DONE]"):
            return
        chunk: Any = json.loads(data)
        if not isinstance(chunk, dict):
            raise UnreadableStream(f"a streamed event was {type(chunk).__name__}, not an object")
        if chunk.get("error"):
            raise EndpointError(chunk["error"])
        if isinstance(counts := chunk.get("usage"), dict):
            sent, received = counts.get("prompt_tokens") or 0, counts.get("completion_tokens") or 0
            usage.update(input_tokens=sent, output_tokens=received, total_tokens=counts.get("total_tokens") or sent + received)
        choices = chunk.get("choices")
        if choices and isinstance(choices, list) and isinstance(choice := choices[0], dict):
            delta = choice.get("delta")
            if isinstance(delta, dict) and isinstance(text := delta.get("content"), str) and text:
                yield text
            if not finished and choice.get("finish_reason"):
                finished = True
                if on_finish is not None:
                    on_finish()
    if not finished:
        raise StreamCut("the answer stopped before its end") if seen else UnreadableStream("no event in the answer")


def _stalling_after(lines: Iterable[str], stall_s: float, progress: list[float]) -> Iterator[str]:
    for line in lines:
        if time.monotonic() - progress[0] > stall_s:
            raise StreamStalled(f"no event for {stall_s:g} s")
        yield line
