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
