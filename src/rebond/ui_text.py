"""The app's interface strings, French (default) or English, read from ``prompts/ui.yaml``."""

from __future__ import annotations

from functools import cache
from typing import Any

from rebond.resources import load_data

UI_LANGUAGES = ("fr", "en")
DEFAULT_UI_LANGUAGE = "fr"


@cache
def _flat() -> dict[str, dict[str, str]]:
    """Every string by dotted key, e.g. ``draft.title`` -> {"fr": ..., "en": ...}."""
    out: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict) and set(node) == set(UI_LANGUAGES):
            if not all(isinstance(node[lang], str) for lang in UI_LANGUAGES):
                raise ValueError(f"ui.yaml: {prefix} must hold text in fr and en (quote it)")
            out[prefix] = {lang: node[lang] for lang in UI_LANGUAGES}
            return
        if not isinstance(node, dict):
            raise ValueError(f"ui.yaml: {prefix} must be a mapping with fr and en")
        for key, value in node.items():
            walk(f"{prefix}.{key}" if prefix else str(key), value)

    walk("", load_data("ui.yaml"))
    return out


def keys() -> list[str]:
    """Every string key, for tests."""
    return sorted(_flat())


def ui_language(value: object) -> str:
    """A supported interface language; anything else falls back to French."""
    return value if value in UI_LANGUAGES else DEFAULT_UI_LANGUAGE  # type: ignore[return-value]


def t(key: str, lang: str, /, **values: object) -> str:
    """The string for ``key`` in the interface language, with ``{placeholders}`` filled in."""
    text = _flat()[key][ui_language(lang)]
    return text.format(**values) if values else text
