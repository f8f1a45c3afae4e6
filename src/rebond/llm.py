"""The one place a chat model is built; ``langchain_openai`` is imported here and only when a model is needed."""

from __future__ import annotations

import concurrent.futures
import json
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from rebond.settings import Settings

T = TypeVar("T")
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

# The openai client refuses to start without a key; a local server ignores it.
_NO_KEY = "not-needed"


class NotConfigured(RuntimeError):
    """The LLM engine was asked for but there is neither a key nor an endpoint."""


def build_chat_model(settings: Settings | None = None) -> BaseChatModel:
    """A ``ChatOpenAI`` for the configured endpoint, model, timeout and retries."""
    settings = settings or Settings()
    if not settings.llm_configured:
        raise NotConfigured("no OPENAI_API_KEY or OPENAI_BASE_URL is set")
    return _chat_model(*_model_args(settings))


def _model_args(settings: Settings) -> tuple[str, str, str | None, float, int]:
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else _NO_KEY
    return settings.model, key, settings.openai_base_url, settings.timeout, settings.max_retries


def warm_up(settings: Settings) -> concurrent.futures.Future[Any] | None:
    """Starts building the chat model in the background, once per settings; None when there is nothing to build.

    Importing ``langchain_openai`` and building its clients (TLS set-up
    included) takes about 3 s on a small machine: the app starts it as soon as
    it knows the LLM engine is in use, so the first "write with AI" does not
    wait for it. Cheap to call on every rerun.
    """
    if settings.engine_in_use != "llm":
        return None
    args = _model_args(settings)
    with _warming_lock:  # sessions rerun concurrently: one build per settings, not one per session
        if args not in _warming:
            _warming[args] = _call_pool().submit(_build_quietly, settings)
            while len(_warming) > _WARMED_KEPT:  # settings changed: forget the oldest (and its key)
                _warming.pop(next(iter(_warming)))
        return _warming[args]


# As many as the chat models kept by _chat_model's cache.
_WARMED_KEPT = 8
_warming: dict[tuple[str, str, str | None, float, int], concurrent.futures.Future[Any]] = {}
_warming_lock = threading.Lock()


def _build_quietly(settings: Settings) -> None:
    try:
        build_chat_model(settings)
    except Exception:  # the real call will fail the same way and say so to the user
        log.warning("warming up the chat model failed", exc_info=True)


# Building a ChatOpenAI costs ~1.5 ms (clients, validation); the same settings reuse
# one, which is safe across threads. Keys live only in this process's memory.
@lru_cache(maxsize=8)
def _chat_model(model: str, key: str, base_url: str | None, timeout: float, max_retries: int) -> BaseChatModel:
    from langchain_openai import ChatOpenAI  # lazy: offline use never pays for (or needs) it

    return ChatOpenAI(
        model=model,
        api_key=key,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        # Usage arrives in the last streamed chunk only when asked for.
        stream_usage=True,
        # Chat Completions is what every OpenAI-compatible server speaks.
        use_responses_api=False,
    )


def model_name(model: object, settings: Settings) -> str:
    """The model's name for ``engine`` and pricing: what the chat model says, else the settings."""
    for attribute in ("model_name", "model"):
        value = getattr(model, attribute, None)
        if isinstance(value, str) and value:
            return value
    return settings.model


def failure(exc: BaseException, settings: Settings) -> tuple[str, dict[str, object]]:
    """Why a model call failed, as a reason key of ``prompts/llm.yaml`` and its values.

    Built from the error's type and status only: an error's own text may quote
    part of the key (OpenAI's 401 does), so it is never shown.
    """
    if isinstance(exc, NotConfigured):
        return "not_configured", {}
    try:
        import openai
    except ImportError:  # pragma: no cover - it comes with langchain-openai
        return "unexpected", {"kind": type(exc).__name__}
    timeout = ("timeout", {"timeout": f"{settings.timeout:g}"})
    unreachable = ("connection", {"endpoint": settings.shown_endpoint})
    interrupted = ("interrupted", {"endpoint": settings.shown_endpoint})
    # Most specific first: a timeout is also a connection error, each status error an APIStatusError.
    # HTTP-library errors, JSON errors and stream error events are raised while an answer streams
    # in, past the openai client (which wraps only what happens before the answer starts).
    from rebond.sse import EndpointError, StreamCut, UnreadableStream

    known: list[tuple[type[BaseException] | tuple[type[BaseException], ...], tuple[str, dict[str, object]]]] = [
        ((openai.APITimeoutError, TimeoutError, *_http_errors("TimeoutException")), timeout),
        # The endpoint was reached and hung up mid-answer: the client wraps it as a connection error.
        (openai.APIConnectionError, interrupted if _caused_by(exc, _http_errors(*_MID_ANSWER)) else unreachable),
        (openai.AuthenticationError, ("auth", {})),  # OAuthError included
        (openai.PermissionDeniedError, ("forbidden", {})),
        (openai.NotFoundError, ("not_found", {"model": settings.model})),
        (openai.RateLimitError, ("rate_limit", {})),
        ((*_http_errors("TransportError"), StreamCut), interrupted),
        # A JSON nesting too deep to parse raises RecursionError; a body that fails to decompress, DecodingError;
        # an answer stopped at the token limit cannot be parsed whole.
        ((json.JSONDecodeError, UnicodeDecodeError, RecursionError, *_http_errors("DecodingError"), UnreadableStream,
          openai.LengthFinishReasonError), ("unreadable", {})),
        (openai.ContentFilterFinishReasonError, ("endpoint_error", {})),  # the endpoint's filter stopped the answer
    ]
    for kinds, outcome in known:
        if isinstance(exc, kinds):
            return outcome
    if isinstance(exc, openai.APIStatusError):
        return ("server_error" if exc.status_code >= 500 else "bad_request"), {"status": exc.status_code}
    if isinstance(exc, (EndpointError, openai.APIError)) or _langchain_error_object(exc):
        return "endpoint_error", {}  # an error object where the answer should be
    return "unexpected", {"kind": type(exc).__name__}


# What a connection that was answering raises when it breaks: the peer hung up mid-body, or a read failed.
_MID_ANSWER = ("RemoteProtocolError", "ReadError")
# openai 3 speaks httpx2, openai 2 httpx: the same error names in two libraries.
_HTTP_LIBRARIES = ("httpx2", "httpx")


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    """Whether ``exc`` was raised because of one of ``kinds`` (LangChain wraps the openai error, which wraps the HTTP one)."""
    cause = exc.__cause__
    for _ in range(4):
        if cause is None:
            return False
        if isinstance(cause, kinds):
            return True
        cause = cause.__cause__
    return False


def _http_errors(*names: str) -> tuple[type[BaseException], ...]:
    """The error classes called ``names`` in each HTTP library loaded; one that is not loaded cannot have raised."""
    return tuple(
        error
        for library in _HTTP_LIBRARIES
        if (module := sys.modules.get(library)) is not None
        for name in names
        if isinstance(error := getattr(module, name, None), type)
    )


def _langchain_error_object(exc: BaseException) -> bool:
    """LangChain's ChatOpenAI raises ``ValueError(error)`` for a 200 answer carrying an ``error`` object."""
    return isinstance(exc, ValueError) and len(exc.args) == 1 and isinstance(exc.args[0], dict) and "message" in exc.args[0]


# Model calls run on a few long-lived threads: starting a thread per call cost up to
# a few milliseconds on a busy machine. An abandoned (hung) call keeps its thread
# until the client's own timeouts end it; calls beyond the pool wait in line, and
# that wait counts against their deadline.
_CALL_THREADS = 8


@cache
def _call_pool() -> concurrent.futures.ThreadPoolExecutor:
    return concurrent.futures.ThreadPoolExecutor(max_workers=_CALL_THREADS, thread_name_prefix="rebond-llm")


def within_deadline(call: Callable[[], T], settings: Settings) -> T:
    """Runs one model call, giving up one second after the timeout.

    The openai client retries a timed-out request (max_retries), so a hung
    endpoint would otherwise keep the user waiting three timeouts; the result
    of an abandoned call is simply ignored.
    """
    future = _call_pool().submit(call)
    try:
        return future.result(timeout=settings.timeout + 1)
    except concurrent.futures.TimeoutError:
        future.cancel()  # still waiting in line: never start it
        raise TimeoutError(f"no answer within {settings.timeout:g} s") from None


def stream_within_deadline(chunks: Iterator[T], settings: Settings) -> Iterator[T]:
    """Yields a stream's chunks, giving up when the first one is not there one second past the timeout.

    Only the first chunk is awaited in a helper thread (that is where the client's
    retries multiply the wait); the rest is read directly, each read bounded by the
    client's own timeout, so streaming costs no thread hand-off per token.
    """
    iterator = iter(chunks)
    first = within_deadline(lambda: next(iterator, _END), settings)
    if first is _END:
        return
    yield first
    yield from iterator


_END: Any = object()


def stream_text(
    model: BaseChatModel,
    messages: list[BaseMessage],
    answers: list[Any],
    stall_s: float | None = None,
    when_complete: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Yields the answer's text as it arrives, then appends the whole answer (text and usage) to ``answers``.

    ``when_complete`` gets the whole text as soon as the endpoint says it is
    finished, before the usage and the end of the stream arrive (direct path only).

    The ChatOpenAI built here sends LangChain's own request payload through its
    own openai client (keys, retries, timeouts and status errors as usual) and
    the streamed lines are read by ``rebond.sse``: LangChain's stream builds two
    pydantic objects per token and the openai client one, which on a fast
    endpoint costs more than all the rest of the pipeline. Any other chat model
    (a fake, another provider) streams through LangChain.
    """
    from langchain_core.messages import AIMessage

    pieces: list[str] = []
    usage: dict[str, int] = {}
    direct = _openai_stream(model, messages)
    if direct is None:
        for chunk in model.stream(messages):
            usage = getattr(chunk, "usage_metadata", None) or usage
            if text := str(chunk.text or ""):
                pieces.append(text)
                yield text
    else:
        from rebond.sse import chat_text, lines, refusal

        with direct as response:
            if "json" in response.headers.get("content-type", ""):  # some proxies answer an error this way
                raise refusal(response.read())
            finished = (lambda: when_complete("".join(pieces))) if when_complete else None
            for text in chat_text(lines(response.iter_bytes()), usage, stall_s, finished):
                pieces.append(text)
                yield text
    answers.append(AIMessage(content="".join(pieces), usage_metadata=usage or None))  # type: ignore[arg-type]


def invoke_text(model: BaseChatModel, messages: list[BaseMessage]) -> Any:
    """The model's whole answer to ``messages``: an AIMessage with its usage.

    The ChatOpenAI built here is called straight through its openai client, with
    LangChain's own request payload and its own parsing of the answer; LangChain's
    ``invoke`` adds callback and tracing set-up (about 1 ms a call) that nothing
    here uses. Any other chat model (a fake, another provider) is invoked as usual.
    """
    if not _is_chat_openai(model):
        return model.invoke(messages)
    response = model.client.create(**model._get_request_payload(messages))  # type: ignore[attr-defined]
    if error := (getattr(response, "model_extra", None) or {}).get("error"):  # a 200 that carries an error object
        from rebond.sse import EndpointError

        raise EndpointError(error)
    return model._create_chat_result(response).generations[0].message  # type: ignore[attr-defined]


def _openai_stream(model: BaseChatModel, messages: list[BaseMessage]) -> Any:
    """The streamed HTTP answer of a ChatOpenAI (a context manager), or None for any other model."""
    if not _is_chat_openai(model):
        return None
    payload = model._get_request_payload(messages, stream=True, stream_options={"include_usage": True})  # type: ignore[attr-defined]
    return model.client.with_streaming_response.create(**payload)  # type: ignore[attr-defined]


def _is_chat_openai(model: object) -> bool:
    """Whether ``model`` is a ChatOpenAI whose openai client and request payload can be used directly."""
    chat_openai = getattr(sys.modules.get("langchain_openai"), "ChatOpenAI", None)
    return (
        chat_openai is not None
        and isinstance(model, chat_openai)
        and hasattr(model, "_get_request_payload")
        and hasattr(model, "_create_chat_result")
    )

