"""Rebond's settings: which engine and model to use, read from the environment, ``.env`` or the app's secrets."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# A small, fast, non-reasoning chat model: short drafts need no reasoning tokens,
# it supports temperature, streaming and tool calls, and it is cheap.
DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_ENDPOINT = "https://api.openai.com/v1"
_LOCAL_NAMES = {"localhost", "host.docker.internal"}


class Settings(BaseSettings):
    """Engine, endpoint and limits; environment and ``.env`` first, then whatever the caller overlays."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        use_attribute_docstrings=True,
    )

    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "openai_api_key"),
        description="Key for the endpoint; a local server may need none.",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "openai_base_url"),
        description="Any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp...); empty for OpenAI itself.",
    )
    model: str = Field(
        default=DEFAULT_MODEL,
        validation_alias=AliasChoices("REBOND_MODEL", "model"),
        description="Chat model name as the endpoint knows it.",
    )
    engine: Literal["auto", "offline", "llm"] = Field(
        default="auto",
        validation_alias=AliasChoices("REBOND_ENGINE", "engine"),
        description="auto = the LLM when one is configured, else offline.",
    )
    timeout: float = Field(
        default=30.0,
        gt=0,
        le=600,
        validation_alias=AliasChoices("REBOND_TIMEOUT", "timeout"),
        description="Seconds before one model call is abandoned.",
    )
    max_retries: int = Field(
        default=2,
        ge=0,
        le=10,
        validation_alias=AliasChoices("REBOND_MAX_RETRIES", "max_retries"),
        description="Retries done by the openai client itself (429, 5xx, timeouts).",
    )
    privacy: Literal["auto", "on", "off"] = Field(
        default="auto",
        validation_alias=AliasChoices("REBOND_PRIVACY", "privacy"),
        description="Replace names and company by placeholders before sending; auto = on unless the endpoint is local.",
    )
    db_path: Path = Field(
        default=Path("~/.rebond/journal.sqlite3"),
        validation_alias=AliasChoices("REBOND_DB_PATH", "db_path"),
        description="Where the app keeps its journal of requests and replies.",
    )

    retention_days: int | None = Field(
        default=None,
        ge=1,
        validation_alias=AliasChoices("REBOND_RETENTION_DAYS", "retention_days"),
        description="Delete journal rows last changed more than this many days ago (at start, then daily); empty keeps them.",
    )

    database_url: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("REBOND_DATABASE_URL", "database_url"),
        description="A database server for the journal (postgresql+psycopg://rebond_app:...@host/rebond), as the app role; empty = the SQLite file.",
    )
    database_owner_url: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("REBOND_DATABASE_OWNER_URL", "database_owner_url"),
        description="The same database as the owner role: when set, migrations run at start (one replica at a time).",
    )
    llm_daily_tokens: int | None = Field(
        default=None,
        ge=1,
        validation_alias=AliasChoices("REBOND_LLM_DAILY_TOKENS", "llm_daily_tokens"),
        description="LLM tokens one person may use per day (UTC); then the offline engine answers. Empty = no limit.",
    )
    llm_requests_per_minute: int | None = Field(
        default=None,
        ge=1,
        validation_alias=AliasChoices("REBOND_LLM_REQUESTS_PER_MINUTE", "llm_requests_per_minute"),
        description="LLM calls one person may make per minute. Empty = no limit.",
    )
    llm_operator_daily_tokens: int | None = Field(
        default=None,
        ge=1,
        validation_alias=AliasChoices("REBOND_LLM_OPERATOR_DAILY_TOKENS", "llm_operator_daily_tokens"),
        description="LLM tokens everyone together may use per day (UTC). Empty = no limit.",
    )

    @field_validator("openai_api_key", "openai_base_url", "retention_days", "database_url",
                     "database_owner_url", "llm_daily_tokens", "llm_requests_per_minute",
                     "llm_operator_daily_tokens", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        # `.env` files and secrets often carry `KEY=` lines; empty means "not set".
        if isinstance(value, str) and not value.strip():
            return None
        return value.strip() if isinstance(value, str) else value

    @field_validator("engine", "privacy", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("db_path")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None) -> Settings:
        """Settings from the environment and ``.env``, with ``overrides`` (e.g. ``st.secrets``) winning.

        Unknown keys and empty values in ``overrides`` are ignored, so a whole
        secrets mapping can be passed as is.
        """
        known = {alias.lower() for field in cls.model_fields.values() for alias in _aliases(field)}
        kept = {
            key: value
            for key, value in (overrides or {}).items()
            if isinstance(key, str) and key.lower() in known and value not in (None, "")
        }
        return cls(**kept)

    @property
    def endpoint(self) -> str:
        """The base URL requests go to."""
        return (self.openai_base_url or DEFAULT_ENDPOINT).rstrip("/")

    @property
    def shown_endpoint(self) -> str:
        """The endpoint as shown to a person: never user:password@, a query string or a fragment."""
        try:
            parts = urlsplit(self.endpoint)
            host = parts.hostname or ""
            port = f":{parts.port}" if parts.port else ""
        except ValueError:  # "localhost:99999", "http://[::1": shown as typed, less credentials and query
            return re.sub(r"//[^/@]*@", "//", re.split(r"[?#]", self.endpoint)[0])
        return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else self.endpoint.split("?")[0]

    @property
    def is_local_endpoint(self) -> bool:
        """Whether the endpoint runs on this machine or the local network, so data stays here."""
        if not self.openai_base_url:
            return False
        try:
            host = (urlsplit(self.openai_base_url).hostname or "").lower()
        except ValueError:  # an unreadable URL is not known to be local: privacy stays on
            return False
        if host in _LOCAL_NAMES or host.endswith((".localhost", ".local")):
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return address.is_loopback or address.is_private or address.is_link_local

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM can be called: a key, or an endpoint of one's own (which may need none)."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    @property
    def engine_in_use(self) -> Literal["offline", "llm"]:
        """What will actually write: ``llm`` when asked for or, in auto, when configured."""
        if self.engine == "auto":
            return "llm" if self.llm_configured else "offline"
        return self.engine

    @property
    def privacy_on(self) -> bool:
        """Whether names and company are replaced before anything is sent."""
        if self.privacy == "auto":
            return not self.is_local_endpoint
        return self.privacy == "on"

    def describe(self) -> str:
        """One line for the CLI and the app's sidebar; says whether a key is set, never what it is."""
        if self.engine_in_use == "offline":
            return "engine: offline (no model is called)"
        key = "set" if self.openai_api_key is not None else "none"
        return (
            f"engine: llm · model: {self.model} · endpoint: {self.shown_endpoint} · key: {key} · "
            f"privacy: {'on' if self.privacy_on else 'off'} · timeout: {self.timeout:g} s · "
            f"retries: {self.max_retries}"
        )


def _aliases(field: Any) -> list[str]:
    alias = field.validation_alias
    return [str(choice) for choice in alias.choices] if isinstance(alias, AliasChoices) else []
