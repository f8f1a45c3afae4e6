"""Typed access to the distilled guidance in ``prompts/guidance.yaml``."""

from __future__ import annotations

from functools import cache
from typing import Any

from rebond.models import Category, Kind, Language
from rebond.resources import load_data


def _lang(language: Language | str) -> str:
    return "en" if str(language) == "en" else "fr"


@cache
def guidance() -> dict[str, Any]:
    """The whole guidance file."""
    return load_data("guidance.yaml")


def principle_ids(applies_to: str | None = None) -> list[str]:
    """Ids of the principles, optionally only those for 'draft' or 'analysis'."""
    return [
        p["id"] for p in guidance()["principles"] if applies_to is None or applies_to in p["applies_to"]
    ]


def principle(principle_id: str, language: Language | str) -> str:
    """One principle's text in the language's base (en or fr)."""
    for p in guidance()["principles"]:
        if p["id"] == principle_id:
            return p[_lang(language)]
    raise KeyError(principle_id)


def category_info(category: Category | str, language: Language | str) -> dict[str, Any]:
    """Label, advice, actions and controllability of a reply category, in one language."""
    raw = guidance()["reply_categories"][str(category)]
    lang = _lang(language)
    return {
        "label": raw["label"][lang],
        "advice": raw["advice"][lang],
        "actions": list(raw["actions"][lang]),
        "controllable": bool(raw["controllable"]),
    }


def kind_info(kind: Kind | str, language: Language | str) -> dict[str, str]:
    """Label, explanation and (for generic) next step of a reply kind, in one language."""
    raw = guidance()["reply_kinds"][str(kind)]
    lang = _lang(language)
    return {key: value[lang] for key, value in raw.items()}


def source_note(language: Language | str) -> str:
    """Where the guidance comes from, in one sentence."""
    src = guidance()["source"]
    return f'{src["note"][_lang(language)]} « {src["title"]} » ({src["published"]}).'
