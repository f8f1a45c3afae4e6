"""The one place that finds and reads files under ``prompts/`` (templates, guidance, phrase banks, lexicons)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# The repository keeps prompts next to src/; REBOND_PROMPTS_DIR lets a packaged
# install or a test point somewhere else.
_DEFAULT_DIR = Path(__file__).resolve().parents[2] / "prompts"


def prompts_dir() -> Path:
    """Folder holding every prompt template and data file."""
    return Path(os.environ.get("REBOND_PROMPTS_DIR", _DEFAULT_DIR))


@cache
def load_text(name: str) -> str:
    """A text file under prompts/, e.g. ``"draft_system.txt"``."""
    return (prompts_dir() / name).read_text(encoding="utf-8")


@cache
def load_data(name: str) -> Any:
    """A YAML file under prompts/, parsed; cached because engines read it on every call."""
    return yaml.safe_load(load_text(name))
