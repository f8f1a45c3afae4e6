"""Guards the settings contract: env and .env are read, overlays win, auto modes decide right, the key never shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fakes import API_KEY

from rebond.llm import failure
from rebond.settings import DEFAULT_MODEL, Settings


def test_defaults_are_offline_and_private() -> None:
    settings = Settings(_env_file=None)
    assert settings.model == DEFAULT_MODEL
    assert (settings.engine, settings.timeout, settings.max_retries, settings.privacy) == ("auto", 30.0, 2, "auto")
    assert settings.engine_in_use == "offline"
    assert not settings.llm_configured
    assert settings.privacy_on  # the default endpoint is OpenAI's: not local
    assert settings.db_path == Path("~/.rebond/journal.sqlite3").expanduser()


def test_environment_names_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "OPENAI_API_KEY": API_KEY, "OPENAI_BASE_URL": "http://localhost:11434/v1", "REBOND_MODEL": "llama3.2",
        "REBOND_ENGINE": "LLM", "REBOND_TIMEOUT": "12.5", "REBOND_MAX_RETRIES": "0", "REBOND_PRIVACY": "on",
        "REBOND_DB_PATH": "/tmp/j.sqlite3",
    }.items():
        monkeypatch.setenv(name, value)
    settings = Settings(_env_file=None)
    assert settings.openai_api_key is not None and settings.openai_api_key.get_secret_value() == API_KEY
    assert (settings.model, settings.engine, settings.timeout, settings.max_retries) == ("llama3.2", "llm", 12.5, 0)
    assert settings.privacy_on and settings.is_local_endpoint
    assert settings.db_path == Path("/tmp/j.sqlite3")


def test_dotenv_is_read_and_blank_values_mean_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("OPENAI_API_KEY=\nOPENAI_BASE_URL=http://127.0.0.1:8080/v1\nREBOND_MODEL=qwen3\n")
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.openai_api_key is None
    assert settings.model == "qwen3"
    assert settings.llm_configured and settings.engine_in_use == "llm"  # a local server needs no key
    assert not settings.privacy_on


def test_overlay_wins_and_ignores_unknown_or_empty_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REBOND_MODEL", "from-env")
    secrets = {"REBOND_MODEL": "from-secrets", "OPENAI_API_KEY": API_KEY, "OPENAI_BASE_URL": "", "unrelated": 1}
    settings = Settings.load(secrets)
    assert settings.model == "from-secrets"
    assert settings.openai_base_url is None
    assert settings.engine_in_use == "llm"


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:11434/v1", True),
        ("http://127.0.0.1:8000/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://192.168.1.20:8000/v1", True),
        ("http://10.0.0.5/v1", True),
        ("http://gpu-box.local:8000/v1", True),
        ("https://api.openai.com/v1", False),
        ("https://my-proxy.example.com/v1", False),
        ("http://8.8.8.8/v1", False),
    ],
)
def test_local_endpoints_turn_privacy_off_in_auto(url: str, local: bool) -> None:
    settings = Settings(_env_file=None, openai_base_url=url)
    assert settings.is_local_endpoint is local
    assert settings.privacy_on is (not local)
    assert Settings(_env_file=None, openai_base_url=url, privacy="on").privacy_on
    assert not Settings(_env_file=None, openai_base_url=url, privacy="off").privacy_on


def test_engine_choice() -> None:
    assert Settings(_env_file=None, engine="offline", openai_api_key=API_KEY).engine_in_use == "offline"
    assert Settings(_env_file=None, engine="llm").engine_in_use == "llm"  # asked for: tried, then explained
    assert Settings(_env_file=None, openai_api_key=API_KEY).engine_in_use == "llm"


def test_bad_values_are_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="engine"):
        Settings(_env_file=None, engine="gpt")
    with pytest.raises(ValueError, match="timeout"):
        Settings(_env_file=None, timeout=0)


def test_the_key_is_never_shown() -> None:
    settings = Settings(_env_file=None, openai_api_key=API_KEY, engine="llm")
    for text in (settings.describe(), repr(settings), str(settings), settings.model_dump_json()):
        assert API_KEY not in text
    assert "key: set" in settings.describe()
    assert "offline" in Settings(_env_file=None).describe()


@pytest.mark.parametrize(("url", "shown"), [
    ("http://localhost:99999/v1", "http://localhost:99999/v1"),  # a port out of range
    ("http://u:secret@[::1:99/v1?key=sk-1", "http://[::1:99/v1"),  # an unclosed IPv6 bracket
])
def test_an_unreadable_endpoint_url_is_still_shown_without_credentials_and_kept_private(url: str, shown: str) -> None:
    """failure() names the endpoint; an URL urllib cannot read must not turn a fallback notice into a crash."""
    settings = Settings(_env_file=None, openai_base_url=url)
    assert settings.shown_endpoint == shown
    assert failure(ConnectionError(), settings)[0] == "unexpected"  # reading the endpoint raised nothing
    if "[" in url:
        assert not settings.is_local_endpoint and settings.privacy_on


# ---- every error the openai client raises, in words ------------------------------------

# Raised by the websocket (realtime) and webhook helpers, or by a misuse of the module client: never by a chat call.
_NOT_FROM_A_CHAT_CALL = {"OpenAIError", "WebSocketConnectionClosedError", "WebSocketQueueFullError",
                         "InvalidWebhookSignatureError", "_AmbiguousModuleClientUsageError"}
_OPENAI_ERRORS = sorted(
    name for name in dir(__import__("openai"))
    if isinstance(cls := getattr(__import__("openai"), name), type) and issubclass(cls, BaseException)
    and name not in _NOT_FROM_A_CHAT_CALL
)
# What each status error's class says, as failure() words it.
_EXPECTED = {
    "APIConnectionError": "connection", "APITimeoutError": "timeout", "AuthenticationError": "auth", "OAuthError": "auth",
    "PermissionDeniedError": "forbidden", "NotFoundError": "not_found", "RateLimitError": "rate_limit",
    "BadRequestError": "bad_request", "ConflictError": "bad_request", "UnprocessableEntityError": "bad_request",
    "InternalServerError": "server_error", "APIStatusError": "server_error", "APIError": "endpoint_error",
    "APIResponseValidationError": "endpoint_error", "LengthFinishReasonError": "unreadable",
    "ContentFilterFinishReasonError": "endpoint_error",
}
_STATUS = {"AuthenticationError": 401, "OAuthError": 401, "PermissionDeniedError": 403, "NotFoundError": 404,
           "ConflictError": 409, "UnprocessableEntityError": 422, "RateLimitError": 429, "BadRequestError": 400,
           "InternalServerError": 500, "APIStatusError": 502}


def _raise_like_the_client(name: str) -> BaseException:
    import openai
    from openai.types.chat import ChatCompletion

    from rebond.testing import completion

    cls = getattr(openai, name)
    library = __import__("httpx2" if int(openai.__version__.split(".")[0]) >= 3 else "httpx")
    request = library.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    if name in _STATUS:
        response = library.Response(_STATUS[name], request=request, json={"error": {"message": API_KEY}})
        if name == "OAuthError":
            return cls(response=response, body={"error": "invalid_token", "error_description": API_KEY})
        return cls(API_KEY, response=response, body={"error": {"message": API_KEY}})
    if name == "APIResponseValidationError":
        return cls(library.Response(200, request=request), body=None)
    if name in ("APIConnectionError", "APITimeoutError"):
        return cls(request=request)
    if name == "APIError":
        return cls(API_KEY, request, body=None)
    chat = ChatCompletion.model_validate(completion("cut"))
    return cls(completion=chat)


def test_every_error_class_the_client_raises_is_known() -> None:
    """A new class in a new openai release fails here until failure() words it."""
    assert set(_OPENAI_ERRORS) == set(_EXPECTED)


@pytest.mark.parametrize("name", _OPENAI_ERRORS)
def test_every_error_the_client_raises_has_words_and_never_the_key(name: str) -> None:
    from rebond import prompting

    settings = Settings(_env_file=None, openai_base_url="http://127.0.0.1:9/v1")
    key, values = failure(_raise_like_the_client(name), settings)
    assert key == _EXPECTED[name]
    for language in ("en", "fr"):
        words = prompting.reason(key, language, **values)
        assert words and API_KEY not in words and "{" not in words
