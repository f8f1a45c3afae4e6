"""Reading an OpenAI-style streamed answer (server-sent events) into its text and token usage.

The openai client turns every streamed chunk into a pydantic object, about a
quarter of a millisecond each; the draft only needs each chunk's text and the
final usage, so the stream's lines are read here with ``json`` alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


class UnreadableStream(ValueError):
    """A streamed event was valid JSON but not a chunk object."""


class StreamFailed(RuntimeError):
    """The endpoint sent an error event in the middle of its answer."""

    def __init__(self, error: object) -> None:
        message = error.get("message") if isinstance(error, dict) else None
        super().__init__(message if isinstance(message, str) and message else "an error occurred during streaming")
        self.error = error


def lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The lines of a body arriving in pieces, split where the SSE standard splits them: CR LF, LF or CR.

    Not ``httpx.Response.iter_lines``: it splits like ``str.splitlines``, also at
    U+2028, U+0085 and other separators a model's text may hold raw inside the
    JSON. A CR at the end of a piece may be the first half of a CR LF.
    """
    pending = b""
    after_cr = False
    for chunk in chunks:
        if not chunk:
            continue
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        data = pending + chunk if pending else chunk
        parts = data.splitlines(keepends=True)  # bytes split at CR, LF and CR LF only
        pending = parts.pop() if parts and not parts[-1].endswith((b"\n", b"\r")) else b""
        after_cr = not pending and bool(parts) and parts[-1].endswith(b"\r")
        for part in parts:
            yield part.rstrip(b"\r\n").decode("utf-8")
    if pending:
        yield pending.decode("utf-8")


def event_data(lines: Iterable[str]) -> Iterator[str]:
    """The data of each complete event, as the SSE standard assembles it: its ``data`` lines joined by newlines.

    Comments and the ``event``, ``id`` and ``retry`` fields carry nothing a chat
    completion needs; an event the stream stops in the middle of is dropped, as
    the standard (and the openai client) does.
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


def chat_text(lines: Iterable[str], usage: dict[str, int]) -> Iterator[str]:
    """Yields the text of each chunk of a streamed chat completion; fills ``usage`` from the chunk that carries it.

    Reads what the openai client reads: it stops at ``[DONE]``, raises
    ``json.JSONDecodeError`` on an event that is not JSON and ``StreamFailed`` on
    an error event; only the first choice is read (drafts ask for one).
    """
    for data in event_data(lines):
        if data.startswith("[DONE]"):
            return
        chunk: Any = json.loads(data)
        if not isinstance(chunk, dict):
            raise UnreadableStream(f"a streamed event was {type(chunk).__name__}, not an object")
        if chunk.get("error"):
            raise StreamFailed(chunk["error"])
        if isinstance(counts := chunk.get("usage"), dict):
            usage.update(
                input_tokens=counts.get("prompt_tokens") or 0,
                output_tokens=counts.get("completion_tokens") or 0,
                total_tokens=counts.get("total_tokens") or 0,
            )
        choices = chunk.get("choices")
        if choices and isinstance(choices, list) and isinstance(choice := choices[0], dict):
            delta = choice.get("delta")
            if isinstance(delta, dict) and isinstance(text := delta.get("content"), str) and text:
                yield text
